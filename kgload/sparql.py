"""Your own SPARQL over a store, with the document graphs as the default graph.

kgload writes every fact into a named graph (one per document, one for the KB) and leaves the
default graph empty, so a query without `GRAPH` blocks finds nothing unless the default graph is
the union of the named graphs. `select` and `ask` ask for that union by default:

- Oxigraph (on disk or `memory:`): the union of kgload's graphs, those under the data base IRI
  (pyoxigraph's `default_graph`), so neither another application's graphs nor a staging graph
  a crash left behind are seen;
- a SPARQL server: its own default graph, which on Virtuoso is the union of all its graphs
  (its system graphs and other applications' graphs included); other servers must be set up so
  (Fuseki: `tdb2:unionDefaultGraph true`).

`union=False` gives the store's own default graph (the named-graph view): only `GRAPH` blocks
see data. On Virtuoso both views are the same.
"""

from __future__ import annotations

import re

from kgload.config import DEFAULT_BASE
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


def _dataset(store: Store, union: bool, base: str) -> dict[str, list[str]]:
    from kgload.stores.oxigraph import OxigraphStore

    if not union or not isinstance(store, OxigraphStore):
        return {}
    return {"default_graphs": [graph for graph in store.graphs() if graph.startswith(base)]}


def select(store: Store, sparql: str, *, union: bool = True, base: str = DEFAULT_BASE
           ) -> QueryResult:
    """Run a SELECT; `union` makes the default graph the union of kgload's graphs (`base`)."""
    return store.select(sparql, **_dataset(store, union, base))


def ask(store: Store, sparql: str, *, union: bool = True, base: str = DEFAULT_BASE) -> bool:
    """Run an ASK; `union` as for `select`."""
    return store.ask(sparql, **_dataset(store, union, base))
