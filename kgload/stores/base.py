"""The `Store` protocol every backend implements, and `open_store` that picks one from a URL.

Terms are pyoxigraph's (`NamedNode`, `Literal`, `BlankNode`, `Quad`): they are plain values, cheap
to build on the hot path, and every backend can read and write them. A backend only has to do a
handful of things, each with a clear atomicity promise:

- `replace_graphs`: for every named graph given, the store ends with exactly the new quads or,
  on failure, exactly the old ones. Never a mix.
- `add`: merge quads (used for the shared KB graph; set semantics, so repeats add nothing).
- `select`/`ask`: SPARQL 1.1 queries; results come back as pyoxigraph terms.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol, runtime_checkable

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat

from kgload.errors import UsageError
from kgload.model import ProgressCallback

__all__ = [
    "BACKENDS",
    "LIST_SEPARATOR",
    "STAGING_PREFIX",
    "ListValue",
    "QueryResult",
    "Store",
    "StoreStats",
    "Term",
    "open_store",
    "parse_store_url",
    "split_list",
    "staging_graph",
]

Term = NamedNode | Literal | BlankNode

# Graphs being written live here until they are swapped in: outside every kgload base, so saved
# queries, `stats` and `export` never see a half-written graph a crash left behind.
STAGING_PREFIX = "urn:kgload:staging:"


def staging_graph(graph: str) -> str:
    """The staging graph of `graph`: outside every kgload prefix, the same on every run.

    >>> staging_graph("https://w3id.org/kgload/id/doc/1").startswith(STAGING_PREFIX)
    True
    """
    return STAGING_PREFIX + hashlib.sha256(graph.encode()).hexdigest()[:32]


ListValue = list[str]
"""The cells of a list column as `QueryResult.records` gives them."""

LIST_SEPARATOR = "; "
"""How a saved query joins a list column's items (`GROUP_CONCAT(…; SEPARATOR="; ")`)."""


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A SELECT result: the variable names in order, and one tuple of terms (or None) per row.

    A saved query also says which columns hold lists (`lists`, from its `# list:` header; the
    terms keep the `"; "`-joined text) and whether its limit withheld rows: `truncated` is True
    when more rows than `limit` matched, so a page is never mistaken for the whole answer.
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]
    lists: tuple[str, ...] = ()
    truncated: bool = False
    limit: int | None = None

    def dicts(self) -> Iterator[dict[str, Term | None]]:
        for row in self.rows:
            yield dict(zip(self.variables, row, strict=True))

    def records(self) -> list[dict[str, Term | ListValue | None]]:
        """Rows as dicts, with each list column's cell as a list of strings (empty: [])."""
        out: list[dict[str, Term | ListValue | None]] = []
        for row in self.dicts():
            record: dict[str, Term | ListValue | None] = dict(row)
            for column in self.lists:
                if column in record:
                    record[column] = split_list(row[column])
            out.append(record)
        return out

    def to_pandas(self, *, lists: Collection[str] | None = None) -> Any:
        """A pandas DataFrame with typed columns and list columns as lists (`kgload.frames`)."""
        from kgload.frames import to_pandas

        return to_pandas(self, lists=self.lists if lists is None else lists)


def split_list(term: Term | None) -> ListValue:
    """A list column's cell as its items, sorted; an unbound or empty cell is [].

    Sorted because `GROUP_CONCAT`'s order is up to the store: the same data gives the same
    list on every store and every run.

    >>> split_list(Literal("Q423; Q159"))
    ['Q159', 'Q423']
    """
    if term is None or not term.value:
        return []
    return sorted(item for item in term.value.split(LIST_SEPARATOR) if item)


@dataclass(frozen=True, slots=True)
class StoreStats:
    quads: int
    graphs: int


@runtime_checkable
class Store(Protocol):
    """What kgload needs from a triplestore."""

    url: str

    def replace_graphs(self, graphs: Mapping[str, Sequence[Quad]]) -> None:
        """Replace each named graph (IRI → its new quads) atomically: all new or all old."""
        ...

    def add(self, quads: Iterable[Quad]) -> None:
        """Merge quads into the store (each quad names its graph)."""
        ...

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        """Remove named graphs; a graph that does not exist is not an error."""
        ...

    def select(self, sparql: str) -> QueryResult:
        """Run a SPARQL SELECT query."""
        ...

    def ask(self, sparql: str) -> bool:
        """Run a SPARQL ASK query."""
        ...

    def graphs(self) -> list[str]:
        """IRIs of the named graphs kgload can see (system graphs of a server excluded)."""
        ...

    def quad_count(self) -> int:
        """Number of quads in the named graphs kgload can see."""
        ...

    def dump(self, output: IO[bytes], *, format: RdfFormat) -> None:
        """Write every quad (in named graphs) to `output`, streaming."""
        ...

    def load(
        self, path: Path, *, format: RdfFormat, progress: ProgressCallback | None = None
    ) -> int:
        """Bulk-load a quad file; returns the number of quads read.

        `progress(quads_done, None, file_name)` is called as batches land, when the store can tell.
        """
        ...

    def close(self) -> None: ...


StoreFactory = Callable[[str], Store]

# Built-in backends, looked up lazily by URL scheme so that importing kgload opens nothing.
BACKENDS: dict[str, str] = {
    "oxigraph": "kgload.stores.oxigraph:open_oxigraph",
    "memory": "kgload.stores.oxigraph:open_memory",
    "http": "kgload.stores.sparql:open_sparql",
    "https": "kgload.stores.sparql:open_sparql",
}


def parse_store_url(url: str) -> tuple[str, str]:
    """Split a store URL into (scheme, rest); a bare path means `oxigraph:PATH`.

    >>> parse_store_url("./kg")
    ('oxigraph', './kg')
    >>> parse_store_url("memory:")
    ('memory', '')
    >>> parse_store_url("http://localhost:8890/sparql")
    ('http', 'http://localhost:8890/sparql')
    """
    text = url.strip()
    if not text:
        raise UsageError("empty store URL: use oxigraph:PATH, memory: or http(s)://host/sparql")
    scheme, sep, rest = text.partition(":")
    if scheme in ("http", "https"):
        return scheme, text
    if sep and scheme in BACKENDS:
        return scheme, rest
    if sep and len(scheme) > 1 and scheme.isalpha() and not rest.startswith("\\"):
        known = ", ".join(sorted(BACKENDS))
        raise UsageError(f"unknown store type {scheme!r} in {url!r}; known: {known}")
    return "oxigraph", text


def open_store(url: str, *, read_only: bool = False, **options: object) -> Store:
    """Open the store a URL names: `oxigraph:PATH` (default), `memory:`, `http(s)://…/sparql`.

    `read_only=True` is for readers: an on-disk store is then opened without its writer's lock
    (and must exist); backends that have no such mode ignore it.
    """
    scheme, rest = parse_store_url(url)
    module_name, _, attr = BACKENDS[scheme].partition(":")
    factory = getattr(importlib.import_module(module_name), attr)
    store: Store = factory(rest, read_only=read_only, **options)
    return store
