"""The Virtuoso dialect of the SPARQL store: its endpoints, limits, atomic rewrites and TTLP load.

What it changes, with the measurements behind each choice in bench/README.md ("The SPARQL store
on Virtuoso"):

- endpoints: with a user, updates go to `…/sparql-auth` and GSP writes to
  `…/sparql-graph-crud-auth` (graph named by `graph-uri`, N-Triples sent as Turtle);
- limits: requests start with `DEFINE sql:big-data-const 1` and hold 10,000 triples in `GRAPH`
  blocks of at most 2,000 (its parser's limits); without credentials the pragma is left out
  (anonymous `/sparql` turns it into an obscure SP031) and requests hold 1,000 triples;
- atomic rewrites: a graph that already holds data is never dropped and filled again, nor
  swapped in with `MOVE`: it is changed by its difference only, so that no triple is deleted and
  inserted again in one transaction (Virtuoso 7.2's log replay after a kill loses such
  triples). Graphs with blank nodes (not matchable by value) still go through a staging graph;
- blank nodes: `INSERT DATA` refuses them, so such requests use `INSERT { … } WHERE { }`;
- paging: ORDER BY in a subquery, paged outside it (MaxSortedTopRows);
- `load`: with a user allowed to call `DB.DBA.TTLP` from SPARQL (dba), Virtuoso parses the
  N-Quads itself, 10,000 per request sent as a form field, `load_requests` in flight. Probed
  once with an empty batch; anyone else gets `INSERT DATA`. TTLP commits as it goes, so a load
  is not atomic; a rerun adds only what is missing.

Virtuoso's error messages are read in `virtuoso_errors`, for every dialect.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Triple

from kgload.errors import StoreError, StoreUnavailableError, UsageError
from kgload.http import RetryableError
from kgload.stores.base import STAGING_PREFIX, staging_graph
from kgload.stores.dialect import DEFAULT_REQUEST_TRIPLES, GraphQuads, SparqlDialect
from kgload.stores.sparql_text import batches, has_blank_node, values_clause
from kgload.vocab import XSD

if TYPE_CHECKING:
    from kgload.stores.connector import SparqlConnector
    from kgload.stores.sparql import SparqlStore

__all__ = ["VirtuosoDialect", "detect_virtuoso", "ttlp_would_change"]

log = logging.getLogger("kgload")

# Its SPARQL parser fails on GRAPH blocks of ~5,000 triples; 2,000 is the measured safe size.
_BLOCK_TRIPLES = 2_000
# Without the pragma, a request fails above ~1,421 triples (SP031).
_PLAIN_REQUEST_TRIPLES = 1_000
_BIG_DATA_CONST = "DEFINE sql:big-data-const 1\n"
# `load`: the N-Quads travel as a form field, not inside the query text (its lexer is quadratic
# in a string literal's length); flag 512 of `DB.DBA.TTLP` parses N-Quads, its graph argument
# only names where triples without a graph would go (kgload sends none).
_TTLP_PARAMETER = "kgload-nquads"
_TTLP_QUERY = (
    f"SELECT (sql:TTLP(bif:http_param('{_TTLP_PARAMETER}'), '', '{STAGING_PREFIX}default', 512)"
    " AS ?loaded) WHERE { }"
)
_TTLP_REQUEST_QUADS = 10_000

Job = tuple[Callable[[], None], int]


def detect_virtuoso(connector: SparqlConnector, url: str) -> bool:
    """Whether the server at `url` is Virtuoso (one or two GET requests, no credentials).

    Virtuoso names itself in the Server header; behind a proxy, its `/sparql-auth` sibling
    asking for credentials gives it away.
    """
    probe = connector.request(
        "GET",
        url,
        what=f"probing {url}",
        params={"query": "ASK {}"},
        auth=False,
        any_status=True,
    )
    if "virtuoso" in probe.headers.get("Server", "").lower():
        return True
    if not urlsplit(url).path.endswith("/sparql"):
        return False
    try:
        sibling = connector.attempt("GET", url + "-auth", auth=False, any_status=True)
    except (RetryableError, StoreError):
        return False
    return sibling.status_code == 401 and "WWW-Authenticate" in sibling.headers


def ttlp_would_change(term: object) -> bool:
    """Whether Virtuoso's N-Quads loader would store this object as another literal.

    Measured on 7.2.5: an xsd:integer outside the 32-bit range comes back as an xsd:decimal from
    `DB.DBA.TTLP` (through SPARQL it stays an integer); its derived types (long, int…) and every
    other datatype tried come back as sent.

    >>> ttlp_would_change(Literal("4294967296", datatype=XSD.integer))
    True
    >>> ttlp_would_change(Literal("42", datatype=XSD.integer))
    False
    """
    if not isinstance(term, Literal) or term.datatype != XSD.integer:
        return False
    try:
        return not -(2**31) <= int(term.value) < 2**31
    except ValueError:
        return False


@dataclass
class _BatchPlan:
    """How each graph of a batch is replaced (see `VirtuosoDialect.replace_batch`)."""

    direct: list[tuple[str, Sequence[Quad]]] = field(default_factory=list)
    staged: list[tuple[str, str, Sequence[Quad]]] = field(default_factory=list)
    large: list[tuple[str, Sequence[Quad]]] = field(default_factory=list)
    removed: list[tuple[str, list[Triple]]] = field(default_factory=list)
    added: list[tuple[str, list[Triple]]] = field(default_factory=list)


class VirtuosoDialect(SparqlDialect):
    """Virtuoso 7.2 (the Debian `virtuoso-opensource` package); see the module docstring."""

    name = "virtuoso"

    def __init__(self, *, credentials: bool) -> None:
        super().__init__(credentials=credentials)
        self._server_parses: bool | None = None

    # -- endpoints and limits --------------------------------------------------------------------
    def update_url(self, url: str) -> str:
        if self.credentials and urlsplit(url).path.endswith("/sparql"):
            return url + "-auth"
        return url

    def gsp_url(self, url: str) -> str | None:
        if not self.credentials:
            return None
        parts = urlsplit(url)
        path = re.sub(r"/sparql(-auth)?$", "/sparql-graph-crud-auth", parts.path)
        return urlunsplit(parts._replace(path=path, query="")) if path != parts.path else None

    def prologue(self) -> str:
        return _BIG_DATA_CONST if self.credentials else ""

    def request_triples(self) -> int:
        return DEFAULT_REQUEST_TRIPLES if self.credentials else _PLAIN_REQUEST_TRIPLES

    def block_triples(self, request_triples: int) -> int:
        return _BLOCK_TRIPLES

    def insert_operation(self, data: str, *, blank: bool) -> str:
        if blank:
            return f"INSERT {{\n{data}\n}} WHERE {{ }}"
        return super().insert_operation(data, blank=blank)

    def gsp_target(self, graph: str) -> tuple[dict[str, str], str]:
        # Virtuoso reads N-Triples sent as Turtle; its GSP names the graph `graph-uri`.
        return {"graph-uri": graph}, "text/turtle"

    def page_query(self, keyword: str, variables: str, where: str, offset: int, rows: int) -> str:
        # Virtuoso refuses ORDER BY with OFFSET + LIMIT above MaxSortedTopRows (10,000);
        # ordering in a subquery and paging outside it is its documented way around.
        return (
            f"SELECT {variables} WHERE {{ {{ {keyword} {variables} WHERE {{ {where} }} "
            f"ORDER BY {variables} }} }} OFFSET {offset} LIMIT {rows}"
        )

    # -- atomic rewrites -------------------------------------------------------------------------
    def replace_batch(self, store: SparqlStore, batch: Sequence[GraphQuads]) -> None:
        """Replace a few small graphs with ONE update request.

        A graph that holds data is changed by its difference only (`DELETE DATA` of the triples
        that go, `INSERT DATA` of those that come), never dropped and filled again.
        """
        limit = store.max_request_triples
        sizes = store.graph_sizes([graph for graph, quads in batch if quads])
        contents = _graph_contents(store, [g for g, n in sizes.items() if n <= limit])
        plan = _plan_batch(batch, sizes, contents)
        operations = self._batch_operations(store, plan)
        if operations:
            store.update(self.prologue() + " ;\n".join(operations))
        for graph, quads in plan.large:
            store.replace_large(graph, quads)

    def _batch_operations(self, store: SparqlStore, plan: _BatchPlan) -> list[str]:
        operations = [f"DROP SILENT GRAPH <{g}>" for g, _ in plan.direct]
        operations += [f"DROP SILENT GRAPH <{staging}>" for staging, _, _ in plan.staged]
        # One DELETE DATA per GRAPH block: with `sql:big-data-const`, Virtuoso 7.2 silently deletes
        # nothing from a DELETE DATA of several blocks (measured).
        operations += [f"DELETE DATA {{\n{b}\n}}" for b in store.graph_blocks(plan.removed)]
        insertions = [
            *((g, [q.triple for q in quads]) for g, quads in plan.direct),
            *((staging, [q.triple for q in quads]) for staging, _, quads in plan.staged),
            *plan.added,
        ]
        operations += store.insert_operations(insertions)
        operations += [f"MOVE SILENT GRAPH <{s}> TO GRAPH <{g}>" for s, g, _ in plan.staged]
        return operations

    def swap_request(self, store: SparqlStore, graph: str, staging: str) -> str:
        """Over a graph that holds data, its difference with the staging graph; else `MOVE`.

        The DELETE runs only while the staging graph holds data, so that a resent swap (its
        first answer lost, the first one done) cannot empty the graph.
        """
        if not _existing_graphs(store, [graph]):
            return super().swap_request(store, graph, staging)
        return (
            f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{graph}> "
            f"{{ ?s ?p ?o }} FILTER NOT EXISTS {{ GRAPH <{staging}> {{ ?s ?p ?o }} }} "
            f"FILTER EXISTS {{ GRAPH <{staging}> {{ ?a ?b ?c }} }} }} ;\n"
            f"INSERT {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{staging}> "
            f"{{ ?s ?p ?o }} FILTER NOT EXISTS {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} }} ;\n"
            f"DROP SILENT GRAPH <{staging}>"
        )

    # -- load through DB.DBA.TTLP ----------------------------------------------------------------
    def load(
        self, store: SparqlStore, quads: Iterator[Quad], landed: Callable[[int], None]
    ) -> bool:
        if not self._server_parses_nquads(store):
            return False
        _send_parallel(_load_jobs(store, quads), landed, store.load_requests)
        return True

    def _server_parses_nquads(self, store: SparqlStore) -> bool:
        """Whether this user may have Virtuoso parse N-Quads (`DB.DBA.TTLP`); probed once.

        dba may; a user with only the SPARQL_UPDATE role is refused (SP031) and falls back to
        `INSERT DATA`.
        """
        if self._server_parses is None:
            self._server_parses = False
            if self.credentials:
                try:
                    _nquads_job(store, "")()
                    self._server_parses = True
                except StoreUnavailableError:
                    raise
                except StoreError as exc:
                    log.info(
                        "%s: loading with INSERT DATA (no server-side parsing: %s)", store.url, exc
                    )
        return self._server_parses


def _plan_batch(
    batch: Sequence[GraphQuads],
    sizes: dict[str, int],
    contents: dict[str, dict[Triple, None]],
) -> _BatchPlan:
    """Sort a batch's graphs: new (written directly), too large to read (their own swap), with
    blank nodes (through a staging graph), or changed by their difference."""
    plan = _BatchPlan()
    for graph, quads in batch:
        if graph not in sizes:
            plan.direct.append((graph, quads))
        elif graph not in contents:
            plan.large.append((graph, quads))
        elif any(map(has_blank_node, quads)) or any(map(has_blank_node, contents[graph])):
            # Blank nodes cannot be matched by value: swap in a staging graph instead.
            plan.staged.append((staging_graph(graph), graph, quads))
        else:
            old = contents[graph]
            new = {quad.triple: None for quad in quads}
            plan.removed.append((graph, [t for t in old if t not in new]))
            plan.added.append((graph, [t for t in new if t not in old]))
    return plan


def _graph_contents(store: SparqlStore, graphs: Sequence[str]) -> dict[str, dict[Triple, None]]:
    """The triples of these graphs, read page by page (graphs holding none are left out)."""
    if not graphs:
        return {}
    contents: dict[str, dict[Triple, None]] = {}
    where = f"VALUES ?g {{ {values_clause(graphs)} }} GRAPH ?g {{ ?s ?p ?o }}"
    for g, s, p, o in store.paged("?g ?s ?p ?o", where):
        if not (isinstance(g, NamedNode) and isinstance(p, NamedNode)):
            continue
        if isinstance(s, (NamedNode, BlankNode)) and o is not None:
            contents.setdefault(g.value, {})[Triple(s, p, o)] = None
    return contents


def _existing_graphs(store: SparqlStore, graphs: Sequence[str]) -> set[str]:
    """Which of these graphs hold at least one triple (one query)."""
    if not graphs:
        return set()
    rows = store.select(
        f"SELECT ?g WHERE {{ VALUES ?g {{ {values_clause(graphs)} }} "
        "FILTER EXISTS { GRAPH ?g { ?s ?p ?o } } }"
    ).rows
    return {str(row[0].value) for row in rows if isinstance(row[0], NamedNode)}


def _load_jobs(store: SparqlStore, quads: Iterable[Quad]) -> Iterator[Job]:
    """`(request, quads)` jobs for `load`: N-Quads text for Virtuoso to parse, and INSERT DATA
    batches for the quads its parser would change (see `ttlp_would_change`)."""
    limit = store.max_request_triples
    lines: list[str] = []
    aside: list[Quad] = []
    for quad in quads:
        graph = quad.graph_name
        if not isinstance(graph, NamedNode):
            raise UsageError(f"kgload writes only to named graphs (IRIs); got {quad}")
        if ttlp_would_change(quad.object):
            aside.append(quad)
            if len(aside) >= limit:
                yield _insert_job(store, aside), len(aside)
                aside = []
            continue
        lines.append(f"{quad.subject} {quad.predicate} {quad.object} {graph} .\n")
        if len(lines) >= _TTLP_REQUEST_QUADS:
            yield _nquads_job(store, "".join(lines)), len(lines)
            lines = []
    if lines:
        yield _nquads_job(store, "".join(lines)), len(lines)
    if aside:
        yield _insert_job(store, aside), len(aside)


def _insert_job(store: SparqlStore, quads: Sequence[Quad]) -> Callable[[], None]:
    request = store.insert_request(next(batches(quads, len(quads))), drop=False)
    return lambda: store.update(request)


def _nquads_job(store: SparqlStore, nquads: str) -> Callable[[], None]:
    """One request that has Virtuoso parse and store `nquads`, with retries."""
    url = store.update_url
    form = {"query": _TTLP_QUERY, _TTLP_PARAMETER: nquads}
    headers = {"Accept": "application/sparql-results+json"}

    def send() -> None:
        store.connector.request("POST", url, what=f"loading into {url}", data=form, headers=headers)

    return send


def _send_parallel(jobs: Iterator[Job], landed: Callable[[int], None], window: int) -> None:
    """Run `(request, quads)` jobs, at most `window` in flight; the first failure stops all.
    `landed(quads)` is called, in this thread, as each request succeeds.

    Jobs are made lazily, so a large file is never held in memory whole.
    """
    with ThreadPoolExecutor(max_workers=window, thread_name_prefix="kgload-load") as pool:
        pending: dict[Future[None], int] = {}

        def settle(done: Iterable[Future[None]]) -> None:
            for future in done:
                future.result()
                landed(pending.pop(future))

        try:
            for send, size in jobs:
                pending[pool.submit(send)] = size
                if len(pending) >= window:
                    settle(wait(pending, return_when=FIRST_COMPLETED).done)
            settle(list(pending))
        finally:
            for future in pending:
                future.cancel()
