"""Embedded Oxigraph store, on disk (`oxigraph:PATH`, the default) or in memory (`memory:`).

Replacing document graphs is one SPARQL Update request (`DROP SILENT GRAPH …; INSERT DATA …`),
which Oxigraph applies in a single transaction: a crash leaves the old graph or the new one.
A call with more quads than `max_update_quads` (200,000) goes in two transactions: `extend` fills
staging graphs outside the kgload prefix (`urn:kgload:staging:…`), then one update `MOVE`s them
all in. A crash between the two leaves only staging graphs, which opening the store drops.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO

from pyoxigraph import (
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


class OxigraphStore:
    """A kgload `Store` over a pyoxigraph `Store`."""

    def __init__(
        self, store: Store, url: str, *, max_update_quads: int = _MAX_QUADS_PER_UPDATE
    ) -> None:
        self._store = store
        self.url = url
        self.max_update_quads = max_update_quads

    # -- writing -------------------------------------------------------------------------------
    def replace_graphs(self, graphs: Mapping[str, Sequence[Quad]]) -> None:
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
        try:
            self._store.extend(quads)
        except OSError as exc:
            raise StoreError(f"writing to {self.url} failed: {exc}") from exc

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        request = " ;\n".join(f"DROP SILENT GRAPH <{_check_iri(g)}>" for g in graphs)
        if request:
            self._update(request)

    def _update(self, request: str) -> None:
        try:
            self._store.update(request)
        except SyntaxError as exc:
            raise UsageError(f"kgload built an invalid update for {self.url}: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"writing to {self.url} failed: {exc}") from exc

    # -- reading -------------------------------------------------------------------------------
    def select(self, sparql: str) -> QueryResult:
        result = self._query(sparql)
        if not isinstance(result, QuerySolutions):
            raise QueryError("expected a SELECT query")
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_term(solution[v]) for v in variables) for solution in result)
        return QueryResult(variables, rows)

    def ask(self, sparql: str) -> bool:
        result = self._query(sparql)
        if isinstance(result, QuerySolutions):
            raise QueryError("expected an ASK query")
        return bool(result)

    def _query(self, sparql: str) -> object:
        try:
            return self._store.query(sparql)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"querying {self.url} failed: {exc}") from exc

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, NamedNode))

    def quad_count(self) -> int:
        return len(self._store)

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
        try:
            self._store.flush()
        except RuntimeError as exc:
            if "read-write" in str(exc):
                return  # a read-only store has nothing to flush
            raise StoreError(f"flushing {self.url} failed: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"flushing {self.url} failed: {exc}") from exc

    def close(self) -> None:
        """Flush, then let go of the pyoxigraph store: RocksDB closes and releases the lock
        when the object is collected. Closing twice is harmless."""
        if getattr(self, "_store", None) is None:
            return
        try:
            self.flush()
        finally:
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


def open_oxigraph(
    path: str,
    *,
    max_update_quads: int = _MAX_QUADS_PER_UPDATE,
    create: bool = True,
    **_: object,
) -> OxigraphStore:
    """Open (or create) an on-disk store; a second writer gets a clear 'store is locked' error.

    With `create=False` (the commands that only read) a folder that does not exist is an error,
    so a typo in the path fails instead of answering from a new, empty store.
    A `replace_graphs` call with more than `max_update_quads` quads is staged (see the module
    docstring).
    """
    folder = Path(path or "./kg-data").expanduser()
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"store path {folder} is a file; give a folder for oxigraph:PATH")
    if not create and not folder.exists():
        raise UsageError(
            f"store {folder} does not exist; check --store (commands that only read never "
            "create a store: ingest or load into it first)"
        )
    try:
        store = Store(str(folder))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise StoreLockedError(
                f"store {folder} is locked by another kgload process; wait for it to finish"
            ) from exc
        raise StoreError(f"cannot open store {folder}: {exc}") from exc
    opened = OxigraphStore(store, f"oxigraph:{folder}", max_update_quads=max_update_quads)
    # Only one process can open the folder, so no other writer can be using a staging graph now.
    opened.drop_staging()
    return opened


def open_memory(_: str = "", **__: object) -> OxigraphStore:
    """An in-memory store: for tests and one-off runs; gone when the process ends."""
    return OxigraphStore(Store(), "memory:")
