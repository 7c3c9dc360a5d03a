"""Your own SPARQL over a store, with the document graphs as the default graph.

kgload writes every fact into a named graph (one per document, one for the KB) and leaves the
default graph empty, so a query without `GRAPH` blocks finds nothing unless the default graph is
the union of the named graphs. `select` and `ask` ask for that union by default:

- Oxigraph (on disk or `memory:`): pyoxigraph's `use_default_graph_as_union`;
- a SPARQL server: its own default graph, which on Virtuoso is the union of all its graphs
  (its system graphs included); other servers must be set up so (Fuseki:
  `tdb2:unionDefaultGraph true`).

`union=False` gives the store's own default graph (the named-graph view): only `GRAPH` blocks
see data. On Virtuoso both views are the same.
"""

from __future__ import annotations

import re

from kgload.errors import QueryError
from kgload.stores.base import QueryResult, Store

__all__ = ["ask", "query_form", "select"]

# Comments, strings and IRIs are skipped to find the query form's keyword.
_SKIP = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*|<[^<>"{}|^`\\\s]*>'
)
_FORM = re.compile(
    r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD"
    r"|WITH)\b",
    re.IGNORECASE,
)


def query_form(sparql: str) -> str:
    """The query's form in capitals (`SELECT`, `ASK`, …), read past the prologue and comments.

    >>> query_form('PREFIX ex: <http://e/#select> # SELECT\\nask { ?s ?p "SELECT" }')
    'ASK'
    """
    bare = _SKIP.sub(" ", sparql)
    found = _FORM.search(bare)
    if found is None:
        raise QueryError("not a SPARQL query: expected SELECT or ASK")
    return found[1].upper()


def _union_kwargs(store: Store, union: bool) -> dict[str, bool]:
    from kgload.stores.oxigraph import OxigraphStore

    return {"union": union} if isinstance(store, OxigraphStore) else {}


def select(store: Store, sparql: str, *, union: bool = True) -> QueryResult:
    """Run a SELECT; `union` makes the default graph the union of the named graphs."""
    return store.select(sparql, **_union_kwargs(store, union))


def ask(store: Store, sparql: str, *, union: bool = True) -> bool:
    """Run an ASK; `union` as for `select`."""
    return store.ask(sparql, **_union_kwargs(store, union))
