"""What a SPARQL server does differently: the generic SPARQL 1.1 dialect, for subclasses to adapt.

`SparqlStore` asks its dialect for every choice that differs between servers: where updates and
GSP writes go, how large a request may be, how to page, how to replace a few small graphs, how
to swap a staging graph in, and whether the server can parse a bulk load itself. This class is
plain SPARQL 1.1, what any conforming server takes; `virtuoso.VirtuosoDialect` overrides it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from pyoxigraph import Quad

if TYPE_CHECKING:
    from kgload.stores.sparql import SparqlStore

__all__ = ["DEFAULT_REQUEST_TRIPLES", "GraphQuads", "SparqlDialect"]

GraphQuads = tuple[str, Sequence[Quad]]
"""A graph's IRI and its new quads."""

# One request of this many triples took ~0.3 s on Virtuoso; 60,000 worked but holds locks longer.
DEFAULT_REQUEST_TRIPLES = 10_000


class SparqlDialect:
    """Generic SPARQL 1.1 Query, Update and Graph Store Protocol.

    Args:
        credentials: whether the store has a user (some servers change endpoints with one).
    """

    name = "generic"

    def __init__(self, *, credentials: bool) -> None:
        self.credentials = credentials

    def update_url(self, url: str) -> str:
        """Where updates go when not set: the query endpoint itself."""
        return url

    def gsp_url(self, url: str) -> str | None:
        """Where GSP writes go when not set: nowhere (staging graphs are filled by updates)."""
        return None

    def prologue(self) -> str:
        """Text every update request starts with."""
        return ""

    def request_triples(self) -> int:
        """Triples per update request unless `max_request_triples` says otherwise."""
        return DEFAULT_REQUEST_TRIPLES

    def block_triples(self, request_triples: int) -> int:
        """Triples per `GRAPH { … }` block of a request."""
        return request_triples

    def insert_operation(self, data: str, *, blank: bool) -> str:
        """The operation inserting `data` (`GRAPH` blocks); `blank`: they hold blank nodes."""
        return f"INSERT DATA {{\n{data}\n}}"

    def gsp_target(self, graph: str) -> tuple[dict[str, str], str]:
        """The query parameters naming `graph` in a GSP request, and the body's media type."""
        return {"graph": graph}, "application/n-triples"

    def page_query(self, keyword: str, variables: str, where: str, offset: int, rows: int) -> str:
        """One page of `keyword variables WHERE { where }`, in a stable order."""
        return (
            f"{keyword} {variables} WHERE {{ {where} }} "
            f"ORDER BY {variables} LIMIT {rows} OFFSET {offset}"
        )

    def replace_batch(self, store: SparqlStore, batch: Sequence[GraphQuads]) -> None:
        """Replace a few small graphs with ONE update request: `DROP` each, one `INSERT DATA`."""
        store.update(store.insert_request(batch, drop=True))

    def swap_request(self, store: SparqlStore, graph: str, staging: str) -> str:
        """The one operation that puts the staging graph's triples in place of `graph`'s."""
        return f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{graph}>"

    def load(
        self, store: SparqlStore, quads: Iterator[Quad], landed: Callable[[int], None]
    ) -> bool:
        """Send a parsed file the dialect's own way and return True, or return False (leaving
        `quads` untouched) for the store's `INSERT DATA` batches."""
        return False
