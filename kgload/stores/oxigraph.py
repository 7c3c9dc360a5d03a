"""Embedded Oxigraph store, on disk (`oxigraph:PATH`, the default) or in memory (`memory:`).

Replacing document graphs is one SPARQL Update request (`DROP SILENT GRAPH …; INSERT DATA …`),
which Oxigraph applies in a single transaction: a crash leaves the old graph or the new one.
A call with more quads than `max_update_quads` (200,000) goes in two transactions: `extend` fills
staging graphs outside the kgload prefix (`urn:kgload:staging:…`), then one update `MOVE`s them
all in. A crash between the two leaves only staging graphs, which opening the store drops.

Readers and writers share a folder. One process at a time writes (RocksDB's lock); any number
open it read-only (`read_only=True`, pyoxigraph's `Store.read_only`), which takes no lock and
sees the store as the last committed transaction left it when they opened: never part of a
document batch. `reopen_if_changed` lets a long-lived reader (`kgload serve`) see later commits.
Inside one process a folder is opened once: a second open shares the first one's pyoxigraph
store (reference counted), so a notebook cell run twice never meets its own lock.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeVar

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QuerySolutions,
    RdfFormat,
    Store,
)

from kgload.errors import QueryError, StoreError, StoreLockedError, UsageError
from kgload.model import ProgressCallback
from kgload.stores.base import STAGING_PREFIX, QueryResult, StoreStats, Term, staging_graph

__all__ = ["OxigraphStore", "open_memory", "open_oxigraph", "quads_to_insert_data"]

log = logging.getLogger("kgload")

# One update request per this many quads keeps memory bounded on very large documents while a
# batch of ordinary articles (a few hundred quads each) still goes in one transaction.
_MAX_QUADS_PER_UPDATE = 200_000
# Where kgload before issue 10 staged large graphs: inside the document prefix, so queries saw them.
_OLD_STAGING_SUFFIX = "#kgload-staging"


def quads_to_insert_data(quads: Iterable[Quad]) -> str:
    """Serialise quads as the body of a SPARQL `INSERT DATA { GRAPH <g> { … } }` request."""
    by_graph: dict[str, list[str]] = {}
    for quad in quads:
        graph = quad.graph_name
        if isinstance(graph, DefaultGraph):
            raise UsageError("kgload writes only to named graphs; got a default-graph quad")
        by_graph.setdefault(str(graph), []).append(
            f"{quad.subject} {quad.predicate} {quad.object} ."
        )
    blocks = [f"GRAPH {graph} {{\n" + "\n".join(lines) + "\n}" for graph, lines in by_graph.items()]
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


@dataclass(slots=True)
class _Shared:
    """A writable on-disk store open in this process, and how many `OxigraphStore`s use it."""

    store: Store
    refs: int


# Writable on-disk stores open in this process, by resolved folder: RocksDB's lock is per
# process-and-open, so a second plain open from the same process would fail as "locked".
_OPEN: dict[Path, _Shared] = {}
_OPEN_LOCK = threading.Lock()


class OxigraphStore:
    """A kgload `Store` over a pyoxigraph `Store`.

    `read_only` stores refuse every write with a UsageError; `folder` is set for on-disk stores.
    """

    def __init__(
        self,
        store: Store,
        url: str,
        *,
        max_update_quads: int = _MAX_QUADS_PER_UPDATE,
        read_only: bool = False,
        folder: Path | None = None,
        shared: bool = False,
    ) -> None:
        self._store = store
        self.url = url
        self.max_update_quads = max_update_quads
        self.read_only = read_only
        self.folder = folder
        self._closed = False
        self._opened_at = time.monotonic()
        self._reopen_lock = threading.Lock()
        self._reopening = False
        # A reader sharing this process's writer sees its commits already: nothing to reopen.
        own_view = read_only and folder is not None and not shared
        self._signature = _folder_signature(folder) if own_view and folder else None

    @property
    def pyoxigraph(self) -> Store:
        """The pyoxigraph store underneath, for raw SPARQL (`kgload serve`)."""
        return self._store

    def reopen_if_changed(self, *, min_interval: float = 1.0, wait: bool = True) -> bool:
        """Reopen a read-only on-disk store whose folder changed since it was opened.

        A read-only store sees the folder as it was when opened; a long-lived reader calls this
        before each request to see what writers committed since. At most once per
        `min_interval` seconds, because reopening replays the writer's log (seconds while a
        writer is busy). With `wait=False` the new view is opened in a background thread and
        swapped in when ready, so the caller keeps answering from the old one meanwhile.
        True if the new view is in place on return.
        """
        if not self.read_only or self.folder is None or self._signature is None:
            return False
        if time.monotonic() - self._opened_at < min_interval:
            return False
        signature = _folder_signature(self.folder)
        if signature == self._signature:
            return False
        with self._reopen_lock:
            if self._reopening:
                return False
            self._reopening = True
        if wait:
            return self._reopen(signature)
        threading.Thread(target=self._reopen, args=(signature,), daemon=True).start()
        return False

    def _reopen(self, signature: tuple[tuple[str, int, int], ...]) -> bool:
        try:
            self._reopen_now(signature)
        except (StoreError, UsageError) as exc:
            log.warning("%s: keeping the old view, reopening failed: %s", self.url, exc)
            return False
        else:
            return True
        finally:
            self._opened_at = time.monotonic()
            with self._reopen_lock:
                self._reopening = False

    def _writable(self) -> None:
        if self.read_only:
            raise UsageError(
                f"store {self.url} is open read-only; open it without read_only=True to write"
            )

    # -- writing -------------------------------------------------------------------------------
    def replace_graphs(self, graphs: Mapping[str, Sequence[Quad]]) -> None:
        self._writable()
        if not graphs:
            return
        drops = "".join(f"DROP SILENT GRAPH <{_check_iri(g)}> ;\n" for g in graphs)
        quads = [q for qs in graphs.values() for q in qs]
        if len(quads) > self.max_update_quads:
            # Too large for one request: write to staging graphs first, then swap in one update.
            self._replace_large(graphs)
            return
        request = drops + (quads_to_insert_data(quads) if quads else "")
        self._update(request.rstrip().rstrip(";"))

    def _replace_large(self, graphs: Mapping[str, Sequence[Quad]]) -> None:
        """Fill staging graphs (one transaction), then swap them all in with ONE update.

        The staging graphs live outside every kgload prefix: a crash between the two steps
        leaves data no query, `stats` or `export` sees, and the next open of the store drops it.
        """
        self._writable()
        staging = {g: staging_graph(_check_iri(g)) for g in graphs}
        self.drop_graphs(staging.values())
        try:
            self._store.extend(
                Quad(q.subject, q.predicate, q.object, NamedNode(staging[graph]))
                for graph, quads in graphs.items()
                for q in quads
            )
        except OSError as exc:
            self.drop_graphs(staging.values())
            raise StoreError(f"writing to {self.url} failed: {exc}") from exc
        # MOVE drops the target first; a graph replaced by nothing has no staging graph to move.
        swaps = [
            f"MOVE SILENT GRAPH <{staging[g]}> TO <{g}>" if quads else f"DROP SILENT GRAPH <{g}>"
            for g, quads in graphs.items()
        ]
        self._update(" ;\n".join(swaps))

    def drop_staging(self) -> int:
        """Drop the staging graphs a crashed writer left behind; returns how many there were.

        Also those kgload before issue 10 put inside the document prefix (`<g>#kgload-staging`).
        """
        leftovers = [
            g.value
            for g in self._store.named_graphs()
            if isinstance(g, NamedNode)
            and (g.value.startswith(STAGING_PREFIX) or g.value.endswith(_OLD_STAGING_SUFFIX))
        ]
        if leftovers:
            log.warning("%s: dropping %d staging graphs of an interrupted write", self.url,
                        len(leftovers))
            self.drop_graphs(leftovers)
        return len(leftovers)

    def add(self, quads: Iterable[Quad]) -> None:
        self._writable()
        try:
            self._store.extend(quads)
        except OSError as exc:
            raise StoreError(f"writing to {self.url} failed: {exc}") from exc

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        request = " ;\n".join(f"DROP SILENT GRAPH <{_check_iri(g)}>" for g in graphs)
        if request:
            self._update(request)

    def _update(self, request: str) -> None:
        self._writable()
        try:
            self._store.update(request)
        except SyntaxError as exc:
            raise UsageError(f"kgload built an invalid update for {self.url}: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"writing to {self.url} failed: {exc}") from exc

    # -- reading -------------------------------------------------------------------------------
    def select(self, sparql: str, *, default_graphs: Sequence[str] | None = None) -> QueryResult:
        """`default_graphs`: named graphs whose union is the default graph (else the store's)."""

        def run() -> QueryResult:
            result = self._query(sparql, default_graphs=default_graphs)
            if not isinstance(result, QuerySolutions):
                raise QueryError("expected a SELECT query")
            variables = tuple(v.value for v in result.variables)
            rows = tuple(tuple(_term(solution[v]) for v in variables) for solution in result)
            return QueryResult(variables, rows)

        return self._reading(run)

    def ask(self, sparql: str, *, default_graphs: Sequence[str] | None = None) -> bool:
        def run() -> bool:
            result = self._query(sparql, default_graphs=default_graphs)
            if isinstance(result, QuerySolutions):
                raise QueryError("expected an ASK query")
            return bool(result)

        return self._reading(run)

    def _query(self, sparql: str, *, default_graphs: Sequence[str] | None = None) -> object:
        try:
            if default_graphs is not None:
                graphs: list[NamedNode | BlankNode | DefaultGraph] = [
                    NamedNode(graph) for graph in default_graphs
                ]
                return self._store.query(sparql, default_graph=graphs)
            return self._store.query(sparql)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {exc}") from exc

    def _reading(self, read: Callable[[], _T]) -> _T:
        """Run a read; on a read-only store, reopen and retry when a writer removed its files.

        A read-only view keeps reading the table files that existed when it was opened; a
        writer's compaction deletes them, and the next read fails with "No such file" (RocksDB
        reports it as corruption). The data is not damaged: a fresh view reads the current files.
        """
        for attempt in range(_READ_ATTEMPTS):
            try:
                return read()
            except (OSError, RuntimeError) as exc:  # RocksDB's corruption errors are RuntimeErrors
                vanished = self.read_only and self.folder is not None and _vanished_file(exc)
                if not vanished or attempt == _READ_ATTEMPTS - 1:
                    raise StoreError(f"querying {self.url} failed: {exc}") from exc
                log.info("%s: a writer replaced the files of this view; reopening", self.url)
                self._reopen_now()
        raise AssertionError("unreachable")

    def _reopen_now(self, signature: tuple[tuple[str, int, int], ...] | None = None) -> None:
        """Swap in a fresh read-only view of the folder (a StoreError if it cannot be opened)."""
        assert self.folder is not None
        signature = signature or _folder_signature(self.folder)
        fresh = _open_read_only(self.folder)
        if not self._closed:
            self._store, self._signature = fresh, signature
        self._opened_at = time.monotonic()

    def graphs(self) -> list[str]:
        # A reader may see the staging graphs of a writer at work (or of a killed one, which
        # only a writer can drop): they are not the store's content.
        return self._reading(
            lambda: sorted(
                g.value
                for g in self._store.named_graphs()
                if isinstance(g, NamedNode) and not g.value.startswith(STAGING_PREFIX)
            )
        )

    def quad_count(self) -> int:
        return self._reading(lambda: len(self._store))

    def stats(self) -> StoreStats:
        return StoreStats(quads=self.quad_count(), graphs=len(self.graphs()))

    # -- bulk ----------------------------------------------------------------------------------
    def dump(self, output: IO[bytes], *, format: RdfFormat) -> None:
        if format.supports_datasets:
            self._store.dump(output, format)
            return
        # Triple formats cannot name graphs: write the union of the named graphs.
        from pyoxigraph import serialize

        triples = (q.triple for q in self._store.quads_for_pattern(None, None, None, None))
        serialize(triples, output, format)

    def load(
        self, path: Path, *, format: RdfFormat, progress: ProgressCallback | None = None
    ) -> int:
        # pyoxigraph's bulk loader reports nothing while it runs: `progress` is called at the end.
        self._writable()
        before = len(self._store)
        try:
            self._store.bulk_load(path=str(path), format=format)
        except SyntaxError as exc:
            raise UsageError(f"{path}: not valid {format.name}: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"loading {path} into {self.url} failed: {exc}") from exc
        added = len(self._store) - before
        if progress is not None:
            progress(added, added, path.name)
        return added

    def flush(self) -> None:
        """Write what RocksDB holds in memory (its memtables) to table files on disk.

        Until then every write lives twice, in memory and in the write-ahead log: memory grows
        with the ingest, and the next open replays the whole log before answering anything.
        (`optimize()`, a full compaction, is not needed for that and can take hours.)
        """
        if self.read_only:
            return  # nothing to flush, and pyoxigraph refuses to on a read-only store
        try:
            self._store.flush()
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"flushing {self.url} failed: {exc}") from exc

    def close(self) -> None:
        """Let go of the store; the last user of a writable folder flushes it and unlocks it.

        The flush turns the write-ahead log into table files, so the next read-only open need
        not replay the log (seconds for a large ingest). Closing twice does nothing.
        """
        if self._closed:
            return
        self._closed = True
        if self.folder is not None:
            with _OPEN_LOCK:
                shared = _OPEN.get(self.folder)
                last = False
                if shared is not None and shared.store is self._store:
                    shared.refs -= 1
                    last = shared.refs <= 0
                    if last:
                        del _OPEN[self.folder]
            if last:
                try:
                    self._store.flush()
                except OSError as exc:
                    log.warning("%s: flushing on close failed: %s", self.url, exc)
        # pyoxigraph releases the on-disk lock when the last reference to the store goes.
        del self._store


def _term(value: object) -> Term | None:
    if value is None or isinstance(value, (NamedNode, Literal)):
        return value
    from pyoxigraph import BlankNode

    if isinstance(value, BlankNode):
        return value
    raise QueryError(f"unsupported result term {value!r}")


def _check_iri(iri: str) -> str:
    if any(c in iri for c in '<>"{}|^`\\ \n'):
        raise UsageError(f"not a valid graph IRI: {iri!r}")
    return iri


_T = TypeVar("_T")
_READ_ATTEMPTS = 3


def _vanished_file(exc: Exception) -> bool:
    """True for RocksDB's error when a file a read-only view had open was deleted by a writer."""
    text = str(exc)
    return "No such file" in text or ("Corruption" in text and ".sst" in text)


def _folder_signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and change times of a store folder's files: what a commit changes."""
    try:
        entries = sorted(folder.iterdir())
        return tuple(
            (p.name, (st := p.stat()).st_size, st.st_mtime_ns) for p in entries if p.is_file()
        )
    except OSError:
        return ()


def open_oxigraph(
    path: str,
    *,
    max_update_quads: int = _MAX_QUADS_PER_UPDATE,
    create: bool = True,
    read_only: bool = False,
    **_: object,
) -> OxigraphStore:
    """Open (or create) an on-disk store; a second writing process gets 'store is locked'.

    With `create=False` (the commands that only read) a folder that does not exist is an error,
    so a typo in the path fails instead of answering from a new, empty store. `read_only=True`
    implies it, takes no lock and works while another process writes (see the module
    docstring). A folder this process already has open for writing is shared, not reopened.
    A `replace_graphs` call with more than `max_update_quads` quads is staged (see the module
    docstring).
    """
    folder = Path(path or "./kg-data").expanduser()
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"store path {folder} is a file; give a folder for oxigraph:PATH")
    if (read_only or not create) and not folder.exists():
        raise UsageError(
            f"store {folder} does not exist; check --store (commands that only read never "
            "create a store: ingest or load into it first)"
        )
    url = f"oxigraph:{folder}"
    key = folder.resolve()
    with _OPEN_LOCK:
        shared = _OPEN.get(key)
        if shared is not None:
            # This process already writes here: share that store (a reader sees its commits).
            shared.refs += 1
            return OxigraphStore(
                shared.store, url, max_update_quads=max_update_quads, read_only=read_only,
                folder=key, shared=True,
            )
        if read_only:
            return OxigraphStore(
                _open_read_only(folder), url, max_update_quads=max_update_quads,
                read_only=True, folder=key,
            )
        try:
            store = Store(str(folder))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreLockedError(
                    f"store {folder} is locked by another process writing to it; wait for it to "
                    "finish (commands that only read can run meanwhile)"
                ) from exc
            raise StoreError(f"cannot open store {folder}: {exc}") from exc
        _OPEN[key] = _Shared(store, 1)
    opened = OxigraphStore(store, url, max_update_quads=max_update_quads, folder=key)
    # Only one process can write the folder, so no other writer can be using a staging graph now.
    opened.drop_staging()
    return opened


def _open_read_only(folder: Path) -> Store:
    if not folder.is_dir() or not (folder / "CURRENT").exists():
        raise UsageError(
            f"store {folder} is not an Oxigraph store (no CURRENT file); check --store"
        )
    for attempt in range(_READ_ATTEMPTS):
        try:
            return Store.read_only(str(folder))
        except (OSError, RuntimeError) as exc:
            # A writer's compaction can delete a table file between our reading of the list of
            # files and our opening of it ("Corruption … No such file"): read the list again.
            if not _vanished_file(exc) or attempt == _READ_ATTEMPTS - 1:
                raise StoreError(f"cannot open store {folder} read-only: {exc}") from exc
            time.sleep(0.05 * 2**attempt)
    raise AssertionError("unreachable")


def open_memory(_: str = "", **__: object) -> OxigraphStore:
    """An in-memory store: for tests and one-off runs; gone when the process ends."""
    return OxigraphStore(Store(), "memory:")
