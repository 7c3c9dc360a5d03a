"""Extraction on a Dask cluster: partitions of articles in, one N-Quads part per partition out.

Extraction is embarrassingly parallel and kgload's IRIs are deterministic, so each partition of
the input is extracted on its own (`extract_partition`, a plain function a Dask worker runs) and
the parts merge by set union when `kgload load DIR` lands them (see `kgload.parts` for the
folder's format). Dask does the scheduling: `extract_files` (the `kgload extract` command)
streams article files into partitions and submits them to a `distributed.Client` (a
`LocalCluster` of processes when no scheduler is given); `extract_bag` and `extract_dataframe`
do the same for a `dask.bag` of articles or a `dask.dataframe` of texts built by the caller.

Idempotence and failures: a worker writes its part and then its entry, each atomically. A
partition whose entry matches its input is skipped on a re-run; a worker that dies mid-task
leaves at most a temporary file, and Dask runs the task again elsewhere, which writes the same
bytes. A partition that still fails is listed in the manifest as missing and can be run alone
(`--partition K`).

Workers load the knowledge base and the spaCy pipelines once per process: `load_kb`,
`get_nlp` and `load_parser` are cached per process, and `KgloadWorkerPlugin` loads the KB when
a worker starts. Dask itself is imported only by the functions that need it (extra
``kgload[cluster]``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import itertools
import logging
import math
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgload.config import Settings
from kgload.errors import UsageError
from kgload.linking.kb import KnowledgeBase, load_kb
from kgload.model import Article, Problem, ProgressCallback
from kgload.parallel import Rejected, extract_documents, usable_cores
from kgload.parts import (
    Manifest,
    MissingPart,
    PartEntry,
    digest_items,
    part_path,
    read_manifest,
    settings_key,
    valid_entry,
    write_entry,
    write_manifest,
    write_part,
)
from kgload.sources import ArticleOverrides, read_articles

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "ExtractReport",
    "KgloadWorkerPlugin",
    "articles_from_frame",
    "extract_bag",
    "extract_dataframe",
    "extract_files",
    "extract_partition",
    "register_worker_plugin",
    "stop_profiler",
]

log = logging.getLogger("kgload")

DEFAULT_PARTITION_SIZE = 250
# Partitions in flight per worker thread: enough to keep every worker busy while the client
# reads the next ones, few enough that the client never holds the whole input.
_IN_FLIGHT_PER_THREAD = 2


def _need_dask() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(
            "kgload extract needs Dask distributed: install it with pip install 'kgload[cluster]'"
        ) from None


def _worker_settings(settings: Settings) -> Settings:
    """The settings sent to workers: a store password has no business travelling with tasks."""
    return dataclasses.replace(settings, store_user=None, store_password=None)


def _kb(settings: Settings) -> KnowledgeBase:
    return load_kb(Path(settings.kb_dir) if settings.kb_dir else None)


def _extract_quads(
    items: Sequence[Article | Problem], settings: Settings
) -> tuple[bytes, dict[str, int], list[str], list[Problem]]:
    """Extract a partition: its N-Quads (each document's graph complete, then the KB
    descriptions of the linked entities), counts, document graphs and problems."""
    problems = [item for item in items if isinstance(item, Problem)]
    articles = [item for item in items if isinstance(item, Article)]
    texts: list[str] = []
    graphs: list[str] = []
    seen: set[str] = set()
    linked: dict[str, str] = {}
    counts = {"documents": 0, "events": 0, "quads": 0}
    for outcome in extract_documents(articles, _kb(settings), settings):
        if isinstance(outcome, Rejected):
            problems.extend(outcome.problems)
            continue
        if outcome.graph in seen:  # the same article twice in one partition: its graph once
            continue
        seen.add(outcome.graph)
        graphs.append(outcome.graph)
        texts.append(outcome.nquads)
        linked.update(outcome.kb_nquads)
        counts["documents"] += 1
        counts["events"] += outcome.events
        counts["quads"] += outcome.quads
    texts.extend(linked[key] for key in sorted(linked))
    return "".join(texts).encode("utf-8"), counts, graphs, problems


def extract_partition(
    items: Sequence[Article | Problem],
    *,
    number: int,
    out: str | Path,
    settings: Settings,
    digest: str | None = None,
    force: bool = False,
) -> PartEntry:
    """Extract one partition into `out/part-NNNNN.nq` and its entry; what a worker runs.

    A partition already done for the same input (same `digest`, computed here when not given)
    is not extracted again unless `force`. Safe to run twice at once: both write the same bytes.
    """
    folder = Path(out)
    digest = digest or digest_items(items, settings_key(settings))
    if not force:
        done = valid_entry(folder, number, digest)
        if done is not None:
            return done
    start = time.perf_counter()
    data, counts, graphs, problems = _extract_quads(items, settings)
    sha256, size = write_part(folder, number, data)
    entry = PartEntry(
        partition=number,
        file=part_path(folder, number).name,
        sha256=sha256,
        bytes=size,
        input=digest,
        items=len(items),
        documents=counts["documents"],
        events=counts["events"],
        quads=counts["quads"],
        graphs=tuple(graphs),
        problems=tuple(problems),
        seconds=round(time.perf_counter() - start, 3),
        worker=f"{socket.gethostname()}:{os.getpid()}",
    )
    write_entry(folder, entry)
    return entry


# -- Dask ----------------------------------------------------------------------------------------


class KgloadWorkerPlugin:
    """Loads the knowledge base once when a worker starts (the pipelines are built at the first
    article of each language and kept for the worker's life); `langs` also builds those
    languages' pipelines up front. `register_worker_plugin` registers it (as a Dask
    `WorkerPlugin`, without importing Dask here)."""

    name = "kgload-warm-up"

    def __init__(self, settings: Settings, langs: Sequence[str] = ()) -> None:
        self.settings = _worker_settings(settings)
        self.langs = tuple(langs)

    def setup(self, worker: object) -> None:
        from kgload.nlp.parse import load_parser
        from kgload.nlp.pipeline import get_nlp

        stop_profiler(worker)
        kb = _kb(self.settings)
        for lang in self.langs:
            get_nlp(lang, kb, model=self.settings.spacy_model)
            load_parser(lang, self.settings.spacy_model)

    def teardown(self, worker: object) -> None:
        """Nothing to release: the caches go with the worker process."""


def stop_profiler(worker: object) -> None:
    """Stop a Dask worker's statistical profiler and drop what it kept.

    The profiler samples every thread's stack 100 times a second and keeps a thousand
    one-second summaries; on spaCy's deep call stacks those summaries were most of a kgload
    worker's memory growth (one worker, 3,000 articles: 202 → 378 MB with it, see the README's
    Benchmarks), and nobody reads a profile of an extraction run. Works on any worker: those of
    kgload's `LocalCluster` and those a user started with ``dask worker``.
    """
    callbacks = getattr(worker, "periodic_callbacks", None)
    if isinstance(callbacks, dict):
        for name in ("profile", "profile-cycle"):
            callback = callbacks.pop(name, None)
            if callback is not None:
                callback.stop()
    for name in ("profile_history", "profile_keys_history"):
        history = getattr(worker, name, None)
        if history is not None:
            history.clear()


def register_worker_plugin(client: Client, settings: Settings, langs: Sequence[str] = ()) -> None:
    """Have every worker of `client` (and every worker that joins later) load the knowledge
    base now, and the pipelines of `langs` too (a benchmark warms them up this way)."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class _Plugin(KgloadWorkerPlugin, WorkerPlugin):  # type: ignore[misc]
        pass

    client.register_plugin(_Plugin(settings, langs))


@contextlib.contextmanager
def _connected(client: Client | None, scheduler: str | None, workers: int | None
               ) -> Iterator[Client]:
    """The client to use: the caller's, one connected to `scheduler`, or one over a new
    `LocalCluster` of `workers` one-thread processes on loopback (status page on a free port)."""
    if client is not None:
        yield client
        return
    _need_dask()
    from distributed import Client as DaskClient
    from distributed import LocalCluster

    if scheduler is not None:
        try:
            connected = DaskClient(scheduler, timeout="30s")
        except ValueError as exc:  # Dask's word for an address it cannot parse
            raise UsageError(
                f"--scheduler {scheduler}: not a Dask scheduler address ({exc}); give "
                "tcp://HOST:8786"
            ) from exc
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        with connected:
            yield connected
        return
    with (
        LocalCluster(
            n_workers=workers or usable_cores(),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        ) as cluster,
        DaskClient(cluster) as local,
    ):
        yield local


@dataclass(frozen=True, slots=True)
class ExtractReport:
    """What an extraction run did: the manifest it wrote, and how its partitions went."""

    out: Path
    manifest: Manifest
    extracted: int
    reused: int

    @property
    def failed(self) -> tuple[MissingPart, ...]:
        return self.manifest.missing

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.manifest.problems

    @property
    def ok(self) -> bool:
        return not self.failed and not self.problems


def _partitions(
    items: Iterable[Article | Problem], size: int
) -> Iterator[list[Article | Problem]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _previous_reasons(out: Path) -> dict[int, str]:
    try:
        return {m.partition: m.reason for m in read_manifest(out).missing}
    except UsageError:
        return {}


def _clean_temporary_files(out: Path) -> None:
    """Drop the temporary files of writers that died (a killed worker): nobody writes now."""
    for leftover in out.glob(".part-*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _run_partitions(
    client: Client,
    chunks: Iterable[tuple[int, Any, str]],
    submit: Callable[[int, Any, str, bool], Any],
    *,
    out: Path,
    settings: Settings,
    only: int | None,
    size: int,
    progress: ProgressCallback | None,
    total: int | None,
) -> ExtractReport:
    """Submit every partition not done yet (at most a few per worker thread in flight), gather
    the entries, and write the manifest of all partitions."""
    out.mkdir(parents=True, exist_ok=True)
    key = settings_key(settings)
    run = _Run(progress=progress, total=total)
    _submit_partitions(client, chunks, submit, out=out, only=only, run=run)
    _clean_temporary_files(out)
    manifest = run.manifest(size=size, key=key, before=_previous_reasons(out))
    write_manifest(out, manifest)
    return ExtractReport(out=out, manifest=manifest, extracted=len(run.entries) - run.reused,
                         reused=run.reused)


@dataclass(slots=True)
class _Run:
    """What the partitions of one run came to, filled in as they are read and finish."""

    progress: ProgressCallback | None
    total: int | None
    numbers: list[int] = dataclasses.field(default_factory=list)
    entries: dict[int, PartEntry] = dataclasses.field(default_factory=dict)
    failed: dict[int, str] = dataclasses.field(default_factory=dict)
    items: int | None = 0  # None: a Dask collection's partitions have no length here
    reused: int = 0
    done: int = 0

    def add(self, number: int, chunk: Any) -> None:
        """Partition `number` is part of the run (its items counted when they are at hand)."""
        self.numbers.append(number)
        # A Dask collection's partitions have no length here: those are counted by the workers.
        if self.items is not None and isinstance(chunk, list):
            self.items += len(chunk)
        else:
            self.items = None

    def reuse(self, number: int, entry: PartEntry) -> None:
        self.entries[number] = entry
        self.reused += 1

    def collect(self, future: Any) -> None:
        """Take the entry (or the failure) of a finished partition."""
        number = future.kgload_number
        if future.status == "error":
            self.failed[number] = f"{type(future.exception()).__name__}: {future.exception()}"
        else:
            self.entries[number] = future.result()
        future.release()
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total, f"part-{number:05d}")

    def manifest(self, *, size: int, key: str, before: dict[int, str]) -> Manifest:
        """The manifest of every partition; a missing one says why (this run's or last run's
        failure, `before`, else that it was not extracted)."""
        missing = tuple(
            MissingPart(n, self.failed.get(n) or before.get(n) or "not extracted: the run was "
                        "interrupted or the partition was not asked for")
            for n in self.numbers
            if n not in self.entries
        )
        items = self.items
        if items is None:
            items = sum(entry.items for entry in self.entries.values())
        return Manifest(
            partitions=len(self.numbers),
            partition_size=size,
            items=items,
            parts=tuple(self.entries[n] for n in self.numbers if n in self.entries),
            missing=missing,
            settings=key,
        )


def _submit_partitions(
    client: Client,
    chunks: Iterable[tuple[int, Any, str]],
    submit: Callable[[int, Any, str, bool], Any],
    *,
    out: Path,
    only: int | None,
    run: _Run,
) -> None:
    """Submit each partition not done yet (all with `only=None`, else partition `only` again),
    keeping at most a few per worker thread in flight, and collect them all into `run`."""
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    running = as_completed()
    in_flight = 0
    for number, chunk, digest in chunks:
        run.add(number, chunk)
        forced = only is not None
        if only is not None and number != only:
            chunk = None
        if not forced or chunk is None:
            existing = valid_entry(out, number, digest)
            if existing is not None:
                run.reuse(number, existing)
                continue
        if chunk is None:
            continue
        future = submit(number, chunk, digest, forced)
        future.kgload_number = number
        running.add(future)
        in_flight += 1
        while in_flight >= threads * _IN_FLIGHT_PER_THREAD:
            run.collect(next(running))
            in_flight -= 1
    for future in running:
        run.collect(future)


def extract_files(
    paths: Sequence[str | Path],
    out: str | Path,
    *,
    settings: Settings,
    client: Client | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int | None = None,
    partitions: int | None = None,
    only: int | None = None,
    overrides: ArticleOverrides | None = None,
    progress: ProgressCallback | None = None,
) -> ExtractReport:
    """Extract article files (or folders, or `.jsonl` batches) into part files in `out`.

    The articles are read here, in order, and cut into partitions of `partition_size` items
    (or into `partitions` partitions of equal size), so partition K is the same articles on
    every run with the same input. With `only=K` just partition K is extracted (again); the
    others are kept as they are. Uses `client`, else connects to `scheduler`
    (``tcp://host:8786``), else starts a `LocalCluster` of `workers` processes.
    """
    if partition_size is not None and partitions is not None:
        raise UsageError("give --partitions or --partition-size, not both")
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--out {folder} is a file; give a folder for the parts")

    def read() -> Iterator[Article | Problem]:
        return read_articles(
            paths,
            overrides=overrides or ArticleOverrides(),
            default_lang=settings.lang,
            max_article_chars=settings.max_article_chars,
        )

    size = partition_size or DEFAULT_PARTITION_SIZE
    if partitions is not None:
        size = max(1, math.ceil(sum(1 for _ in read()) / partitions))
    key = settings_key(settings)
    chunks = (
        (number, chunk, digest_items(chunk, key))
        for number, chunk in enumerate(_partitions(read(), size))
    )
    if only is not None and only < 0:
        raise UsageError(f"--partition {only}: partitions are numbered from 0")
    sent = _worker_settings(settings)
    with _connected(client, scheduler, workers) as dask_client:
        register_worker_plugin(dask_client, settings)

        def submit(number: int, chunk: Any, digest: str, force: bool) -> Any:
            return dask_client.submit(
                extract_partition, chunk, number=number, out=str(folder), settings=sent,
                digest=digest, force=force,
                # A fresh key per submission: a partition asked for again (`--partition K`,
                # a repaired part) must run again, not be answered from the scheduler's memory.
                key=f"kgload-part-{number}-{uuid.uuid4().hex}",
            )

        report = _run_partitions(
            dask_client, chunks, submit, out=folder, settings=settings, only=only, size=size,
            progress=progress, total=partitions,
        )
    if only is not None and only >= report.manifest.partitions:
        raise UsageError(
            f"--partition {only}: the input has {report.manifest.partitions} partitions "
            f"(0–{report.manifest.partitions - 1})"
        )
    return report


def extract_bag(
    bag: Any, out: str | Path, *, settings: Settings, client: Client | None = None
) -> ExtractReport:
    """Extract a `dask.bag.Bag` of `Article`s (and reading `Problem`s) into part files in
    `out`, one per partition of the bag, on the current Dask client (or `client`)."""
    _need_dask()
    return _extract_delayed(bag.to_delayed(), out, settings=settings, client=client,
                            convert=None)


def extract_dataframe(
    frame: Any, out: str | Path, *, settings: Settings, client: Client | None = None
) -> ExtractReport:
    """Extract a `dask.dataframe.DataFrame` of articles (columns as `articles_from_frame`
    reads them) into part files in `out`, one per partition of the frame."""
    _need_dask()
    convert = functools.partial(
        articles_from_frame,
        default_lang=settings.lang,
        max_article_chars=settings.max_article_chars,
    )
    return _extract_delayed(frame.to_delayed(), out, settings=settings, client=client,
                            convert=convert)


def _extract_delayed(
    delayed_parts: Sequence[Any],
    out: str | Path,
    *,
    settings: Settings,
    client: Client | None,
    convert: Callable[[Any], list[Article | Problem]] | None,
) -> ExtractReport:
    from distributed import default_client

    dask_client = client or default_client()
    folder = Path(out)
    sent = _worker_settings(settings)
    register_worker_plugin(dask_client, settings)

    def submit(number: int, part: Any, digest: str, force: bool) -> Any:
        items = part if convert is None else _delayed(convert)(part)
        task = _delayed(extract_partition)(
            items, number=number, out=str(folder), settings=sent, force=force
        )
        return dask_client.compute(task)

    # The client never sees the rows: the digest is computed on the worker, which skips a
    # partition already done for the same input.
    chunks = ((number, part, "") for number, part in enumerate(delayed_parts))
    return _run_partitions(
        dask_client, chunks, submit, out=folder, settings=settings, only=None, size=0,
        progress=None, total=len(delayed_parts),
    )


def _delayed(function: Callable[..., Any]) -> Any:
    from dask import delayed

    return delayed(function, pure=True)


_FRAME_FIELDS = ("lang", "url", "title", "published", "outlet")


def articles_from_frame(
    frame: Any, *, default_lang: str | None = None, max_article_chars: int | None = None
) -> list[Article | Problem]:
    """Articles from a pandas DataFrame (one partition of a `dask.dataframe`): a `text` column,
    and `lang`, `url`, `title`, `published` (a date or ISO text), `outlet` and `source` when
    present. Each row goes through the checks of a JSON Lines record, so a bad row is a
    problem (`empty-article`, `unknown-language`, `bad-header`…), not a crash."""
    from kgload.sources import parse_article_text

    if "text" not in frame.columns:
        raise UsageError(
            f"the data frame has no 'text' column (it has: {', '.join(map(str, frame.columns))})"
        )
    limit = max_article_chars or Settings().max_article_chars
    result: list[Article | Problem] = []
    for index, row in enumerate(frame.to_dict("records")):
        source = _text(row.get("source")) or f"frame:{frame.index[index]}"
        text = row.get("text")
        if not isinstance(text, str):
            result.append(Problem("empty-article", "the row has no text", source))
            continue
        fields: dict[str, str] = {}
        for name in _FRAME_FIELDS:
            value = row.get(name)
            if isinstance(value, (dt.datetime, dt.date)) or hasattr(value, "isoformat"):
                value = value.isoformat()[:10]
            if isinstance(value, str) and value:
                fields[name] = value
        result.append(
            parse_article_text(
                text, source=source, fields=fields, default_lang=default_lang,
                max_article_chars=limit,
            )
        )
    return result


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
