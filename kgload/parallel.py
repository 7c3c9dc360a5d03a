"""Extraction as a unit of work that can run anywhere: in this process, a worker, a cluster.

`extract_documents(articles, kb, settings)` turns articles into one outcome each, in order: a
`DocumentResult` (what the store will receive for the document) or a `Rejected` (its problems).
Both hold only strings, numbers and `Problem`s, so they pickle cheaply between processes and a
result's `nquads` can be written to a part file as is: the quads travel as N-Quads text, which
is smaller to pickle than pyoxigraph terms and is parsed back (in Rust) by the one writer.
Nothing here touches a store.

`ingest` (kgload.loader) consumes these outcomes in input order, whichever process made them:
with `--workers 1` it calls `extract_documents` itself, with more it hands chunks of articles
to `process_chunk` in worker processes (see `ExtractionPool`). A chunk is exactly one of the
batches `analyze_articles` forms (consecutive articles of one language, at most
`ANALYSIS_BATCH`), so every article is analysed alongside the same neighbours either way and
the quads cannot differ.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import wait
from types import MappingProxyType

from pyoxigraph import Quad, RdfFormat, parse, serialize

from kgload.config import Settings
from kgload.errors import KgloadError
from kgload.extract.guard import internal_error
from kgload.linking.kb import KnowledgeBase
from kgload.model import Article, Extraction, Problem
from kgload.rdf.writer import document_iri, document_quads, kb_quads

__all__ = [
    "ANALYSIS_BATCH",
    "Chunk",
    "DocumentResult",
    "ExtractionPool",
    "Outcome",
    "Rejected",
    "chunk_items",
    "document_result",
    "extract_document",
    "extract_documents",
    "parse_nquads",
    "process_chunk",
    "usable_cores",
]

log = logging.getLogger("kgload")

# Articles of one language analysed together (spaCy's batch); a chunk sent to a worker is one.
ANALYSIS_BATCH = 32


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """One article, extracted and turned into quads, ready for a store or a part file.

    `nquads` is the document graph (named `graph`), one N-Quads line per quad, in the order
    `document_quads` makes them; `kb_nquads` pairs each linked (Wikidata) entity the document
    uses with its description for the shared KB graph, which the writer merges by key.
    `entity_keys` lists every entity (linked or local) the document uses, for the report.
    """

    source: str
    graph: str
    nquads: str
    kb_nquads: tuple[tuple[str, str], ...]
    entity_keys: tuple[str, ...]
    events: int
    quads: int

    def document_quads(self) -> list[Quad]:
        """The document graph's quads as pyoxigraph terms."""
        return parse_nquads(self.nquads)


@dataclass(frozen=True, slots=True)
class Rejected:
    """An article that produced no document: why (one or more problems naming `source`)."""

    source: str
    problems: tuple[Problem, ...]


Outcome = DocumentResult | Rejected


def _nquads(quads: Iterable[Quad]) -> str:
    data = serialize(quads, format=RdfFormat.N_QUADS)
    assert data is not None  # no output file given: serialize returns the bytes
    return data.decode("utf-8")


def parse_nquads(text: str) -> list[Quad]:
    """Quads from N-Quads text (as in `DocumentResult.nquads`)."""
    if not text:
        return []
    return list(parse(text.encode("utf-8"), format=RdfFormat.N_QUADS))


def document_result(extraction: Extraction | Problem, settings: Settings) -> Outcome:
    """The outcome of one analysed article: its quads (SHACL-checked when `settings.validate`),
    or the problems that keep it out of the store. A bug on one document is its problem."""
    if isinstance(extraction, Problem):
        return Rejected(extraction.source, (extraction,))
    article = extraction.article
    try:
        quads = document_quads(extraction, base=settings.base)
        found = _validation_problems(quads, article.source) if settings.validate else []
        if found:
            return Rejected(article.source, tuple(found))
        linked = sorted({e.key: e for e in extraction.entities if e.is_linked}.items())
        return DocumentResult(
            source=article.source,
            graph=document_iri(article, settings.base).value,
            nquads=_nquads(quads),
            kb_nquads=tuple(
                (key, _nquads(kb_quads([entity], base=settings.base))) for key, entity in linked
            ),
            entity_keys=tuple(sorted({e.key for e in extraction.entities})),
            events=len(extraction.events),
            quads=len(quads),
        )
    except KgloadError:
        raise
    except Exception as exc:  # a bug on one document must not stop the batch
        return Rejected(article.source, (internal_error(article.source, exc),))


def _validation_problems(quads: list[Quad], source: str) -> list[Problem]:
    from kgload.rdf.shacl import validate_graph

    validation = validate_graph(quads)
    if validation.conforms:
        return []
    return [Problem(p.code, p.message, source) for p in validation.problems]


def extract_documents(
    articles: Iterable[Article], kb: KnowledgeBase, settings: Settings
) -> Iterator[Outcome]:
    """Analyse a stream of articles: one outcome per article, in order (streaming, batched)."""
    # Imported here: it pulls in spaCy, which reading commands (`load`, `export`) never need.
    from kgload.extract.analyze import analyze_articles

    for extraction in analyze_articles(
        articles,
        kb,
        model=settings.spacy_model,
        batch_size=ANALYSIS_BATCH,
        timeout=settings.article_timeout,
    ):
        yield document_result(extraction, settings)


def extract_document(article: Article, kb: KnowledgeBase, settings: Settings) -> Outcome:
    """Analyse one article alone (a batch of one; prefer `extract_documents` for many)."""
    return next(extract_documents([article], kb, settings))


# -- chunks of input ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Chunk:
    """Consecutive input items: `articles` form one analysis batch; `problems` are the reader
    problems met among them. Each item carries its position in the input (`index`)."""

    articles: tuple[tuple[int, Article], ...]
    problems: tuple[tuple[int, Problem], ...]


def chunk_items(
    items: Iterable[Article | Problem], *, size: int = ANALYSIS_BATCH
) -> Iterator[Chunk]:
    """Cut the reader's stream into chunks the way `analyze_articles` batches it: a chunk ends
    when the language changes or it holds `size` articles. Reader problems ride along."""
    articles: list[tuple[int, Article]] = []
    problems: list[tuple[int, Problem]] = []
    for index, item in enumerate(items):
        if isinstance(item, Problem):
            problems.append((index, item))
            continue
        if articles and articles[-1][1].lang != item.lang:
            yield Chunk(tuple(articles), tuple(problems))
            articles, problems = [], []
        articles.append((index, item))
        if len(articles) >= size:
            yield Chunk(tuple(articles), tuple(problems))
            articles, problems = [], []
    if articles or problems:
        yield Chunk(tuple(articles), tuple(problems))


# -- worker processes ---------------------------------------------------------------------------

# An article on the wire: its fields in order, mappings (metadata) as plain dicts, since a
# mappingproxy does not pickle. Built from the dataclass's fields, so a new field travels too.
_Wire = tuple[object, ...]


def _to_wire(article: Article) -> _Wire:
    values = (getattr(article, f.name) for f in dataclasses.fields(Article))
    return tuple(dict(v) if isinstance(v, Mapping) else v for v in values)


def _from_wire(wire: _Wire) -> Article:
    values = [MappingProxyType(v) if isinstance(v, dict) else v for v in wire]
    return Article(*values)  # type: ignore[arg-type]


# What a worker process keeps between chunks: loaded once, by `_init_worker`.
_WORKER: dict[str, object] = {}


def _init_worker(kb: KnowledgeBase, settings: Settings) -> None:
    """Runs once in each worker: keep the KB and settings; the language pipelines are loaded on
    first use and cached for the life of the process. Ctrl-C is the parent's business: the
    terminal sends SIGINT to the whole process group, and a worker must not die of it half-way
    through a chunk (the parent stops the workers itself)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # see `_sigint_blocked`
    _WORKER["kb"] = kb
    _WORKER["settings"] = settings
    threading.Thread(
        target=_exit_with_parent, args=(os.getppid(),), name="kgload-parent-watch", daemon=True
    ).start()


def _exit_with_parent(parent: int) -> None:
    """End the worker when the process that started it is gone (SIGKILLed, say): the workers
    hold both ends of their task queue between them, so they would wait on it forever."""
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)


_PARENT_CHECK_SECONDS = 1.0
# A dead worker the executor has not noticed after this many seconds means its reader is stuck
# on a half-written result (see `ExtractionPool._result`); noticing takes milliseconds otherwise.
_DEATH_UNNOTICED = 5.0
_POLL = 0.5  # how often a wait for a chunk looks at the workers
_KILL_WAIT = 10.0  # seconds to wait for killed workers to be gone


def process_chunk(wires: Sequence[_Wire]) -> list[Outcome]:
    """The worker's task: extract one chunk (sent as `_Wire` tuples) with the worker's KB."""
    kb = _WORKER["kb"]
    settings = _WORKER["settings"]
    assert isinstance(kb, KnowledgeBase) and isinstance(settings, Settings)
    return list(extract_documents([_from_wire(w) for w in wires], kb, settings))


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Hold SIGINT while workers may be spawned: a new process inherits the blocked signal, so
    a Ctrl-C while it starts (before `_init_worker` ignores SIGINT) cannot kill it with a
    traceback. Here, the signal waits until the block ends."""
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def usable_cores() -> int:
    """CPUs this process may run on (its affinity mask, which containers and `taskset` set)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def worker_died_problem(source: str) -> Problem:
    return Problem(
        "worker-died",
        "the extraction worker died twice on the batch holding this article (killed, or out "
        "of memory); ingest it with --workers 1 to see why, or give the machine more memory",
        source,
    )


Task = Callable[[Sequence[_Wire]], list[Outcome]]


@dataclass(slots=True)
class _Pending:
    """A chunk on its way through the pool: settled once it has outcomes or was given up."""

    chunk: Chunk
    future: Future[list[Outcome]] | None = None
    alone: bool = False  # run it with nothing else in flight: a death is then surely its own
    deaths: int = 0  # worker deaths surely caused by this chunk
    settled: bool = False
    outcomes: list[Outcome] | None = None


def _kill_workers(executor: ProcessPoolExecutor) -> None:
    """Kill the workers, then close this process's copy of the write end of the result pipe.

    ProcessPoolExecutor has no public way to stop busy workers before Python 3.14. And a worker
    killed while writing its result leaves the executor's reader waiting for the rest of the
    message, which `shutdown(wait=True)` would wait for forever (seen after a Ctrl-C): once
    every worker is dead, this process holds the pipe's last write end, and closing it ends the
    read with an error, which the executor handles as a broken pool."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.kill()
    wait([process.sentinel for process in processes], timeout=_KILL_WAIT)
    result_queue = getattr(executor, "_result_queue", None)
    writer = getattr(result_queue, "_writer", None)
    if writer is not None:
        writer.close()


class ExtractionPool:
    """Worker processes extracting chunks; results come back in input order.

    The processes are started with `spawn`, never `fork`: the parent holds an open RocksDB
    store (Oxigraph) with background threads, and may hold spaCy/thinc thread pools; a forked
    child would inherit their locks in whatever state they were, and could deadlock. A spawned
    worker starts a fresh interpreter, gets the KB once (`_init_worker`), and loads each
    language's pipelines once, on first use.

    At most `2 × workers` chunks are in flight, so memory stays bounded however long the input
    is. A worker that dies (killed, out of memory) breaks the pool, and a fresh pool is
    started. Which chunk killed it is only sure when one chunk was in flight, so the chunks
    that were are run again one at a time: a chunk that kills a worker on its own is retried
    once more, and if it kills that one too, it is given up (outcomes None, which the loader
    lists as `worker-died` problems): never lost. `task` is what a worker runs on a chunk
    (the default is `process_chunk`; tests swap in one that dies).
    """

    def __init__(
        self,
        workers: int,
        kb: KnowledgeBase,
        settings: Settings,
        *,
        task: Task | None = None,
    ) -> None:
        self.workers = workers
        self._kb = kb
        self._settings = settings
        self._task = task or process_chunk
        self._executor: ProcessPoolExecutor | None = None
        self.deaths = 0

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=get_context("spawn"),
                initializer=_init_worker,
                initargs=(self._kb, self._settings),
            )
        return self._executor

    def _submit(self, pending: _Pending) -> None:
        wires = [_to_wire(article) for _, article in pending.chunk.articles]
        try:
            with _sigint_blocked():  # workers are spawned in `submit`
                pending.future = self._pool().submit(self._task, wires)
        except BrokenProcessPool as exc:  # a worker died while idle: handled as any death
            pending.future = Future()
            pending.future.set_exception(exc)

    def map(self, chunks: Iterable[Chunk]) -> Iterator[tuple[Chunk, list[Outcome] | None]]:
        """Each chunk with its outcomes (None: it killed two workers), in input order."""
        window = 2 * self.workers
        queue: deque[_Pending] = deque()
        source = iter(chunks)
        exhausted = False
        while True:
            suspects = [p for p in queue if p.alone and not p.settled]
            if suspects:
                # After a death, the chunks that were in flight run one at a time.
                running = [p for p in suspects if p.future is not None]
                target = running[0] if running else suspects[0]
                if target.future is None:
                    self._submit(target)
                self._settle(target, queue)
            else:
                for pending in queue:
                    if pending.future is None and not pending.settled:
                        self._submit(pending)
                while not exhausted and len(queue) < window:
                    chunk = next(source, None)
                    if chunk is None:
                        exhausted = True
                        break
                    pending = _Pending(chunk)
                    if chunk.articles:
                        self._submit(pending)
                    else:  # only reader problems: nothing to extract
                        pending.settled, pending.outcomes = True, []
                    queue.append(pending)
                if not queue:
                    return
                if not queue[0].settled:
                    self._settle(queue[0], queue)
            while queue and queue[0].settled:
                done = queue.popleft()
                yield done.chunk, done.outcomes

    def _settle(self, target: _Pending, queue: deque[_Pending]) -> None:
        assert target.future is not None
        try:
            target.outcomes = self._result(target.future)
        except BrokenProcessPool:
            self._restart(queue)
            return
        target.settled = True

    def _result(self, future: Future[list[Outcome]]) -> list[Outcome]:
        """`future.result()`, except that a pool with a dead worker the executor has not noticed
        after `_DEATH_UNNOTICED` seconds counts as broken. The executor notices a death at once,
        unless the worker died while writing its result: its reader then waits for the rest of
        that message, which never comes, and every future of the pool waits with it."""
        dead_since: float | None = None
        while True:
            try:
                return future.result(timeout=_POLL)
            except TimeoutError:
                if not self._a_worker_is_dead():
                    dead_since = None
                elif dead_since is None:
                    dead_since = time.monotonic()
                elif time.monotonic() - dead_since > _DEATH_UNNOTICED:
                    raise BrokenProcessPool("a worker died without its death being noticed") \
                        from None

    def _a_worker_is_dead(self) -> bool:
        processes = getattr(self._executor, "_processes", None) or {}
        return any(not process.is_alive() for process in list(processes.values()))

    def _restart(self, queue: deque[_Pending]) -> None:
        """A worker died: keep what finished; what was in flight runs again, alone; a chunk
        that surely killed two workers is given up."""
        self.deaths += 1
        self._shutdown(kill=True)
        lost: list[_Pending] = []
        for pending in queue:
            if pending.settled or pending.future is None:
                continue
            future, pending.future = pending.future, None
            if future.done() and not future.cancelled() and future.exception() is None:
                pending.outcomes, pending.settled = future.result(), True
            else:
                lost.append(pending)
        if len(lost) == 1:  # it was alone in flight: the death is its own
            lost[0].deaths += 1
        retry = given_up = 0
        for pending in lost:
            if pending.deaths >= 2:
                pending.settled = True  # outcomes None: given up
                given_up += len(pending.chunk.articles)
            else:
                pending.alone = True
                retry += len(pending.chunk.articles)
        what = []
        if retry:
            what.append(f"retrying {retry} articles in a fresh worker")
        if given_up:
            what.append(f"{given_up} articles killed a worker twice and are listed as problems")
        log.warning(
            "an extraction worker died (killed, or out of memory); %s", "; ".join(what) or "-"
        )

    def _shutdown(self, *, kill: bool) -> None:
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if kill:
            _kill_workers(executor)
        executor.shutdown(wait=True, cancel_futures=True)

    def close(self, *, kill: bool = False) -> None:
        """Stop the workers: let them finish (`kill=False`) or kill them (Ctrl-C, errors)."""
        self._shutdown(kill=kill)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.close(kill=exc_type is not None)
