"""Orchestration: sources → analysis → quads → store, in batches, with a `LoadReport`.

This is the only module that composes the pure stages with the I/O at the edges. Extraction
(`kgload.parallel`) runs in this process or in worker processes; this process is the one
writer. Each batch of documents is written with one `replace_graphs` call, which every backend
applies atomically per document graph: a document is in the store completely or not at all.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import signal
import threading
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from pyoxigraph import RdfFormat

from kgload.config import Settings
from kgload.errors import UsageError
from kgload.linking.kb import KnowledgeBase
from kgload.model import Article, LoadReport, Problem, ProgressCallback
from kgload.parallel import (
    Chunk,
    DocumentResult,
    ExtractionPool,
    Outcome,
    Rejected,
    chunk_items,
    extract_documents,
    parse_nquads,
    usable_cores,
    worker_died_problem,
)
from kgload.stores.base import Store

if TYPE_CHECKING:
    from kgload.stores.oxigraph import OxigraphStore

__all__ = [
    "FORMATS",
    "IngestInterrupted",
    "ProgressCallback",
    "ingest",
    "load_file",
    "load_parts",
    "rdf_format",
]

log = logging.getLogger("kgload")


FORMATS: dict[str, RdfFormat] = {
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
}
_SUFFIXES = {
    ".nq": "nquads",
    ".trig": "trig",
    ".ttl": "turtle",
    ".nt": "ntriples",
    ".jsonld": "jsonld",
}


def rdf_format(name: str | None, path: Path | None = None) -> RdfFormat:
    """The RDF format a name (or a file suffix) means; a clear error for anything else."""
    if name is None and path is not None:
        name = _SUFFIXES.get(path.suffix.lower())
        if name is None:
            raise UsageError(f"{path}: cannot tell the RDF format from the suffix; give --format")
    if name not in FORMATS:
        raise UsageError(f"unknown format {name!r}; use one of {', '.join(FORMATS)}")
    return FORMATS[name]


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C during an ingest: `report` counts what was committed (whole documents only)."""

    def __init__(self, report: LoadReport) -> None:
        super().__init__("interrupted")
        self.report = report


def ingest(
    store: Store,
    items: Iterable[Article | Problem],
    *,
    kb: KnowledgeBase,
    settings: Settings,
    progress: ProgressCallback | None = None,
    total: int | None = None,
) -> LoadReport:
    """Analyse articles and load each one's graph, committing every `settings.batch_size` docs.

    Extraction runs in `settings.workers` processes (0: every usable core; 1: this process);
    this process is the one writer, and takes the outcomes in input order, so the batches,
    the progress and the report are the same for any number of workers. The store is flushed
    every `settings.flush_every` documents and at the end. On Ctrl-C the batch being gathered
    is dropped and `IngestInterrupted` carries the report of what was committed.
    """
    writer = _Writer(store, settings, progress, total)
    extracted = _extracted(chunk_items(items), kb, settings)
    try:
        for chunk, outcomes in extracted:
            writer.take(chunk, outcomes)
        writer.commit()
    except KeyboardInterrupt:
        raise IngestInterrupted(writer.committed_report()) from None
    finally:
        extracted.close()  # stops the workers at once if the loop did not finish
    writer.flush_store()
    writer.done()
    return writer.report()


def _extracted(
    chunks: Iterator[Chunk], kb: KnowledgeBase, settings: Settings
) -> Generator[tuple[Chunk, list[Outcome] | None], None, None]:
    """Each chunk with its outcomes, in input order, from worker processes or this one.

    Starting a worker costs seconds of CPU (an interpreter, spaCy, the KB), about what it takes
    to extract one chunk: workers asked for by number are started when there are two chunks to
    share; with the default (every core) only when there are two chunks and 32 articles (a
    full chunk's worth) per core.
    """
    workers = settings.workers or usable_cores()
    needed, needed_articles = (2, 0) if settings.workers else (2 * workers, 32 * workers)
    head: list[Chunk] = []
    articles = 0
    if workers > 1:
        for chunk in chunks:
            head.append(chunk)
            articles += len(chunk.articles)
            if len(head) >= needed and articles >= needed_articles:
                break
    if workers > 1 and len(head) >= needed and articles >= needed_articles:
        with ExtractionPool(workers, kb, settings) as pool:
            yield from pool.map(itertools.chain(head, chunks))
        return
    for chunk in itertools.chain(head, chunks):
        yield chunk, list(extract_documents([a for _, a in chunk.articles], kb, settings))


class _Writer:
    """The one writer: gathers outcomes into batches, commits them, counts, reports."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        progress: ProgressCallback | None,
        total: int | None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.progress = progress
        self.total = total
        self.problems: list[Problem] = []
        self.graphs: dict[str, str] = {}
        self.kb_nquads: dict[str, str] = {}
        self.pending = _Counts()
        self.counts = _Counts()
        self.committed = _Counts()
        self.handled = 0
        self.unflushed = 0

    def take(self, chunk: Chunk, outcomes: list[Outcome] | None) -> None:
        """Take one chunk's outcomes (None: its worker died twice), in input order."""
        entries: list[tuple[int, Problem | Outcome | None]] = list(chunk.problems)
        if outcomes is None:
            entries.extend((index, None) for index, _ in chunk.articles)
        else:
            entries.extend(
                (index, outcome)
                for (index, _), outcome in zip(chunk.articles, outcomes, strict=True)
            )
        articles = dict(chunk.articles)
        for index, entry in sorted(entries, key=lambda e: e[0]):
            self.handled += 1
            if isinstance(entry, DocumentResult):
                self._add(entry)
                source = entry.source
            elif isinstance(entry, Rejected):
                self.problems.extend(entry.problems)
                source = entry.source
            elif isinstance(entry, Problem):
                self.problems.append(entry)
                source = entry.source
            else:
                source = articles[index].source
                self.problems.append(worker_died_problem(source))
            if self.progress is not None:
                self.progress(self.handled, self.total, source)

    def _add(self, result: DocumentResult) -> None:
        self.graphs[result.graph] = result.nquads
        self.kb_nquads.update(result.kb_nquads)
        self.counts.add(result)
        self.pending.add(result)
        if len(self.graphs) >= self.settings.batch_size:
            self.commit()

    def commit(self) -> None:
        """Write the gathered documents: one `replace_graphs` (each document atomic)."""
        if not self.graphs:
            return
        with _deferred_interrupt():
            self.store.replace_graphs({g: parse_nquads(t) for g, t in self.graphs.items()})
            self.store.add(parse_nquads("".join(self.kb_nquads.values())))
            self.committed.merge(self.pending)
            self.unflushed += len(self.graphs)
            self.graphs.clear()
            self.kb_nquads.clear()
            self.pending = _Counts()
        if self.unflushed >= self.settings.flush_every:
            self.flush_store()

    def flush_store(self) -> None:
        """Have the store put what it holds in memory on disk (RocksDB's memtables, WAL)."""
        flush = getattr(self.store, "flush", None)
        if callable(flush):
            flush()
        self.unflushed = 0

    def done(self) -> None:
        if self.progress is not None:
            self.progress(self.handled, self.total, "")

    def report(self) -> LoadReport:
        return self.counts.report(self.problems)

    def committed_report(self) -> LoadReport:
        return self.committed.report(())


@dataclass(slots=True)
class _Counts:
    documents: int = 0
    events: int = 0
    quads: int = 0
    entity_keys: set[str] = field(default_factory=set)

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        self.events += result.events
        self.quads += result.quads
        self.entity_keys.update(result.entity_keys)

    def merge(self, other: _Counts) -> None:
        self.documents += other.documents
        self.events += other.events
        self.quads += other.quads
        self.entity_keys |= other.entity_keys

    def report(self, problems: Iterable[Problem]) -> LoadReport:
        return LoadReport(
            documents=self.documents,
            events=self.events,
            entities=len(self.entity_keys),
            quads=self.quads,
            problems=tuple(problems),
        )


@contextlib.contextmanager
def _deferred_interrupt() -> Iterator[None]:
    """Hold Ctrl-C until the block is done, so a commit and its bookkeeping go together."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[tuple[int, FrameType | None]] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        caught.append((signum, frame))

    previous = signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught and callable(previous):
        previous(*caught[0])


def load_file(
    store: Store,
    path: Path,
    *,
    format: str | None = None,
    progress: ProgressCallback | None = None,
) -> LoadReport:
    """Bulk-load an exported quad file (`kgload export` output) into the store, or a folder of
    parts written by `kgload extract` (see `load_parts`)."""
    if path.is_dir():
        if format not in (None, "nquads"):
            raise UsageError(f"{path}: a folder of parts is N-Quads; drop --format {format}")
        return load_parts(store, path, progress=progress)
    if not path.is_file():
        return LoadReport(problems=(Problem("unreadable-file", "file not found", str(path)),))
    fmt = rdf_format(format, path)
    if not fmt.supports_datasets:
        raise UsageError(f"{path}: {fmt.name} has no named graphs; load N-Quads or TriG")
    count = store.load(path, format=fmt, progress=progress)
    return LoadReport(quads=count)


_DROPS_PER_UPDATE = 1_000


def load_parts(
    store: Store, folder: Path, *, progress: ProgressCallback | None = None
) -> LoadReport:
    """Land a `kgload extract` folder: check every part against the manifest, drop the
    documents' old graphs, then load the good parts through the store's bulk path.

    A part that is missing or does not match its checksum is not loaded and becomes a
    problem naming the `--partition` to extract again. Into the embedded store all parts go
    in ONE run of Oxigraph's bulk loader, which is fast and not transactional: a crash
    midway can leave some documents partly loaded. Loading the same folder again repairs
    that (their graphs are dropped and loaded again), so the promise is "complete after a
    successful run", not "each document atomic while it runs". SPARQL servers get each part
    through their `load` (parallel requests on Virtuoso), also idempotent.
    """
    from kgload.parts import read_manifest, verify_parts

    manifest = read_manifest(folder)
    good, problems = verify_parts(folder, manifest)
    paths = [folder / entry.file for entry in good]
    present = set(store.graphs())
    stale = [g for entry in good for g in entry.graphs if g in present]
    for start in range(0, len(stale), _DROPS_PER_UPDATE):
        store.drop_graphs(stale[start : start + _DROPS_PER_UPDATE])
    from kgload.stores.oxigraph import OxigraphStore

    if isinstance(store, OxigraphStore):
        quads = _bulk_load_oxigraph(store, paths, progress)
    else:
        quads = 0
        for path in paths:
            quads += store.load(path, format=RdfFormat.N_QUADS, progress=progress)
    return LoadReport(
        documents=sum(entry.documents for entry in good),
        events=sum(entry.events for entry in good),
        quads=quads,
        problems=tuple(problems),
    )


def _bulk_load_oxigraph(
    store: OxigraphStore, paths: list[Path], progress: ProgressCallback | None
) -> int:
    """All parts in one bulk load: `OxigraphStore.load` takes one file and counts the store
    before and after (a full scan each), which per part would grow with the square of the
    store's size. Returns the quads added."""
    from kgload.errors import StoreError
    from kgload.parts import concatenated

    inner = store._store
    before = len(inner)
    try:
        with concatenated(paths) as stream:
            inner.bulk_load(input=stream, format=RdfFormat.N_QUADS)
    except SyntaxError as exc:
        raise UsageError(f"a part is not valid N-Quads: {exc}") from exc
    except OSError as exc:
        raise StoreError(f"loading the parts into {store.url} failed: {exc}") from exc
    added = len(inner) - before
    if progress is not None:
        progress(added, added, f"{len(paths)} parts")
    return added
