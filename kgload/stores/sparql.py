"""Any SPARQL 1.1 server as a kgload store (`http(s)://…/sparql`); Virtuoso is tested.

Three layers: `connector.SparqlConnector` sends HTTP (auth, timeouts, the retry policy shared
with the Wikidata client, errors read from status and body); `SparqlStore` here speaks SPARQL 1.1
Query, Update and the Graph Store Protocol (GSP) over it; a dialect (`dialect.SparqlDialect`,
`virtuoso.VirtuosoDialect`) says what one server does differently. Results come back as
pyoxigraph terms.

What `replace_graphs` guarantees, per document graph: after a crash or a lost connection the
server holds the old graph or the new one, never a mix, provided the server runs one update
request in one transaction. A graph of up to `max_request_triples` triples is replaced by ONE
update request (`DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }`; several small graphs
share a request); a larger one is written to a staging graph outside the kgload graph prefix
(one GSP POST when a GSP URL is known, else INSERT DATA batches) and swapped in by ONE request
(`MOVE`). A staging graph a crash left half-filled is outside the prefix (no query sees it) and
is dropped by the next write of its graph. Two writers changing the same graph at the same time
can leave a mix.

Every request is idempotent (`DROP` + `INSERT DATA`, set semantics for `add`), so a timeout, a
lost connection or a transient 5xx resends it; a swap from a staging graph is only resent while
the staging graph still holds data, since a swap from an empty graph would empty the target.

Limits: blank nodes keep their identity within one request only, so a very large graph (or a
`load` batch) whose blank nodes span batches gets distinct nodes per batch. Measurements behind
the sizes and the Virtuoso choices: bench/README.md, "The SPARQL store on Virtuoso".
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple

from kgload.errors import QueryError, StoreError
from kgload.model import ProgressCallback
from kgload.stores.base import QueryResult, StoreStats, Term, staging_graph
from kgload.stores.connector import SparqlConnector, split_userinfo
from kgload.stores.dialect import SparqlDialect
from kgload.stores.sparql_options import DEFAULT_GRAPH_PREFIX, SparqlOptions
from kgload.stores.sparql_text import (
    batches,
    check_iri,
    graph_blocks,
    has_blank_node,
    ntriples,
    parse_quads,
    term_from_json,
    values_clause,
)
from kgload.stores.virtuoso import VirtuosoDialect, detect_virtuoso

__all__ = ["DEFAULT_GRAPH_PREFIX", "SparqlOptions", "SparqlStore", "open_sparql"]

log = logging.getLogger("kgload")

# DROP operations per request when dropping many graphs.
_DROPS_PER_REQUEST = 200
# Rows per page when reading whole graphs: below Virtuoso's ResultSetMaxRows (10,000 on Debian),
# which truncates larger results without telling.
_PAGE_ROWS = 10_000


class SparqlStore:
    """A kgload `Store` over a remote SPARQL 1.1 Query/Update (+ optional GSP) server.

    The methods without a leading underscore that the `Store` protocol does not name
    (`update`, `insert_request`, `paged`…) are for the dialects.
    """

    def __init__(self, url: str, options: SparqlOptions | None = None) -> None:
        options = options or SparqlOptions()
        self.options = options
        self.url, url_user, url_password = split_userinfo(url)
        self._update_url = split_userinfo(options.update_url)[0] if options.update_url else None
        self._gsp_url = split_userinfo(options.gsp_url)[0] if options.gsp_url else None
        self._use_gsp = options.gsp_url != ""
        user = options.user if options.user is not None else url_user
        password = options.password if options.password is not None else url_password
        self.has_credentials = user is not None
        self.timeout = options.timeout
        self.retries = options.retries
        self.backoff = options.backoff
        self.graph_prefix = options.graph_prefix
        self.load_requests = options.load_requests
        self.connector = SparqlConnector(
            user=user,
            password=password,
            auth=options.auth,
            timeout=options.timeout,
            policy=options.retry_policy(),
        )
        self._dialect: SparqlDialect | None = None
        if options.dialect != "auto":
            self._dialect = self._make_dialect(virtuoso=options.dialect == "virtuoso")

    def __repr__(self) -> str:
        return f"SparqlStore({self.url!r}, dialect={self.options.dialect!r})"

    # -- endpoints -------------------------------------------------------------------------------
    def _make_dialect(self, *, virtuoso: bool) -> SparqlDialect:
        kind = VirtuosoDialect if virtuoso else SparqlDialect
        return kind(credentials=self.has_credentials)

    @property
    def dialect(self) -> SparqlDialect:
        """What this server does differently (detected on first use when dialect is 'auto')."""
        if self._dialect is None:
            self._dialect = self._make_dialect(virtuoso=detect_virtuoso(self.connector, self.url))
            log.debug("%s: dialect %s", self.url, self._dialect.name)
        return self._dialect

    @property
    def is_virtuoso(self) -> bool:
        """Whether the server is Virtuoso (detected on first use when dialect is 'auto')."""
        return isinstance(self.dialect, VirtuosoDialect)

    @property
    def update_url(self) -> str:
        if self._update_url is None:
            self._update_url = self.dialect.update_url(self.url)
        return self._update_url

    @property
    def gsp_url(self) -> str | None:
        if not self._use_gsp:
            return None
        if self._gsp_url is None:
            self._gsp_url = self.dialect.gsp_url(self.url)
        return self._gsp_url

    @property
    def max_request_triples(self) -> int:
        return self.options.max_request_triples or self.dialect.request_triples()

    # -- writing ---------------------------------------------------------------------------------
    def replace_graphs(self, graphs: Mapping[str, Sequence[Quad]]) -> None:
        """Replace each graph atomically (see the module docstring for how, and the limits).

        Each value's triples go into the graph named by its key, whatever graph the quads name.
        """
        limit = self.max_request_triples
        batch: list[tuple[str, list[Quad]]] = []
        batch_size = 0
        for graph, quads in graphs.items():
            iri = check_iri(graph)
            if len(quads) > limit:
                self.replace_large(iri, quads)
                continue
            if batch and (batch_size + len(quads) > limit or len(batch) >= _DROPS_PER_REQUEST):
                self.dialect.replace_batch(self, batch)
                batch, batch_size = [], 0
            batch.append((iri, list(quads)))
            batch_size += len(quads)
        if batch:
            self.dialect.replace_batch(self, batch)

    def replace_large(self, graph: str, quads: Sequence[Quad]) -> None:
        """Fill the staging graph of `graph`, then swap it in with one request."""
        staging = staging_graph(graph)
        self.update(self.dialect.prologue() + f"DROP SILENT GRAPH <{staging}>")
        if self.gsp_url is not None:
            self._gsp_post(staging, ntriples(quads))
        else:
            limit = self.max_request_triples
            for start in range(0, len(quads), limit):
                chunk = list(quads[start : start + limit])
                self.update(self.insert_request([(staging, chunk)], drop=False))
        request = self.dialect.prologue() + self.dialect.swap_request(self, graph, staging)
        attempts = 0

        def attempt() -> None:
            # Resent only while the staging graph holds data: once it is empty the swap went
            # through, and swapping from an empty graph would empty the target.
            nonlocal attempts
            attempts += 1
            if attempts > 1 and not self.ask(f"ASK {{ GRAPH <{staging}> {{ ?s ?p ?o }} }}"):
                log.info("%s: the earlier swap into %s went through", self.url, graph)
                return
            self._send_update(request)

        self.connector.retry(f"updating {self.update_url}", attempt)

    def add(self, quads: Iterable[Quad]) -> None:
        """Merge quads in batches of `max_request_triples`; repeats add nothing (set semantics)."""
        for batch in batches(quads, self.max_request_triples):
            self.update(self.insert_request(batch, drop=False))

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        iris = [check_iri(g) for g in graphs]
        for start in range(0, len(iris), _DROPS_PER_REQUEST):
            chunk = iris[start : start + _DROPS_PER_REQUEST]
            drops = " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in chunk)
            self.update(self.dialect.prologue() + drops)

    def insert_request(self, graphs: Sequence[tuple[str, Sequence[Quad]]], *, drop: bool) -> str:
        """`DROP SILENT GRAPH`s (with `drop`), then one `INSERT DATA`."""
        operations = [f"DROP SILENT GRAPH <{g}>" for g, _ in graphs] if drop else []
        operations += self.insert_operations([(g, [q.triple for q in qs]) for g, qs in graphs])
        return self.dialect.prologue() + " ;\n".join(operations)

    def insert_operations(self, graphs: Sequence[tuple[str, Sequence[Triple]]]) -> list[str]:
        """The one `INSERT DATA` of these triples (or what the dialect writes for blank nodes)."""
        data = "\n".join(self.graph_blocks(graphs))
        if not data:
            return []
        blank = any(has_blank_node(t) for _, triples in graphs for t in triples)
        return [self.dialect.insert_operation(data, blank=blank)]

    def graph_blocks(self, graphs: Sequence[tuple[str, Sequence[Triple]]]) -> list[str]:
        """`GRAPH <g> { … }` blocks, split to the size the dialect's parser takes."""
        return graph_blocks(graphs, self.dialect.block_triples(self.max_request_triples))

    def update(self, request: str) -> None:
        """Send one SPARQL Update request, with retries."""
        self.connector.retry(f"updating {self.update_url}", lambda: self._send_update(request))

    def _send_update(self, request: str) -> None:
        """Send one SPARQL Update request, once."""
        self.connector.attempt(
            "POST",
            self.update_url,
            data=request.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
        )

    def _gsp_post(self, graph: str, body: bytes) -> None:
        url = self.gsp_url
        assert url is not None
        params, media = self.dialect.gsp_target(graph)
        self.connector.request(
            "POST",
            url,
            what=f"writing to {url}",
            data=body,
            params=params,
            headers={"Content-Type": media},
        )

    # -- reading ---------------------------------------------------------------------------------
    def select(self, sparql: str) -> QueryResult:
        body = self.connector.query(self.url, sparql)
        if "results" not in body:
            raise QueryError("expected a SELECT query")
        try:
            variables = tuple(str(v) for v in body["head"]["vars"])
            rows = tuple(
                tuple(term_from_json(binding.get(v)) for v in variables)
                for binding in body["results"]["bindings"]
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise StoreError(f"{self.url} sent an unreadable SELECT result: {exc}") from exc
        return QueryResult(variables, rows)

    def ask(self, sparql: str) -> bool:
        body = self.connector.query(self.url, sparql)
        if not isinstance(body.get("boolean"), bool):
            raise QueryError("expected an ASK query")
        return bool(body["boolean"])

    def graphs(self) -> list[str]:
        """Named graphs under `graph_prefix` (a server's own graphs are not kgload's)."""
        rows = self.paged("?g", f"GRAPH ?g {{ ?s ?p ?o }} {self._prefix_filter()}", distinct=True)
        return [str(row[0].value) for row in rows if isinstance(row[0], NamedNode)]

    def quad_count(self) -> int:
        """Quads in the graphs under `graph_prefix`."""
        result = self.select(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._prefix_filter()} }}"
        )
        value = result.rows[0][0] if result.rows else None
        return int(value.value) if isinstance(value, Literal) else 0

    def stats(self) -> StoreStats:
        return StoreStats(quads=self.quad_count(), graphs=len(self.graphs()))

    def graph_sizes(self, graphs: Sequence[str]) -> dict[str, int]:
        """How many triples each of these graphs holds, for those that hold any (one query)."""
        if not graphs:
            return {}
        rows = self.select(
            f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values_clause(graphs)} }} "
            "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        ).rows
        return {
            str(g.value): int(n.value)
            for g, n in rows
            if isinstance(g, NamedNode) and isinstance(n, Literal)
        }

    def _prefix_filter(self) -> str:
        if not self.graph_prefix:
            return ""
        return f"FILTER(STRSTARTS(STR(?g), {Literal(self.graph_prefix)}))"

    def paged(
        self, variables: str, where: str, *, distinct: bool = False
    ) -> Iterator[tuple[Term | None, ...]]:
        """All rows of a SELECT, page by page in a stable order: never one unbounded SELECT."""
        keyword = "SELECT DISTINCT" if distinct else "SELECT"
        offset = 0
        while True:
            query = self.dialect.page_query(keyword, variables, where, offset, _PAGE_ROWS)
            rows = self.select(query).rows
            yield from rows
            if len(rows) < _PAGE_ROWS:
                return
            offset += _PAGE_ROWS

    # -- bulk ------------------------------------------------------------------------------------
    def dump(self, output: IO[bytes], *, format: RdfFormat) -> None:
        """Stream every quad under `graph_prefix`, graph by graph, page by page."""

        def quads() -> Iterator[Quad]:
            for graph in self.graphs():
                name = NamedNode(graph)
                for s, p, o in self.paged("?s ?p ?o", f"GRAPH {name} {{ ?s ?p ?o }}"):
                    if isinstance(s, (NamedNode, BlankNode)) and isinstance(p, NamedNode):
                        assert o is not None
                        yield Quad(s, p, o, name)

        if format.supports_datasets:
            pyoxigraph.serialize(quads(), output, format)
        else:
            # Triple formats cannot name graphs: write the union of the named graphs.
            pyoxigraph.serialize((q.triple for q in quads()), output, format)

    def load(
        self, path: Path, *, format: RdfFormat, progress: ProgressCallback | None = None
    ) -> int:
        """Parse a quad file (streaming) and send it in batches; returns the quads read.

        The whole file is parsed once before anything is sent, so a syntax error anywhere (the
        last line too) commits nothing, as on Oxigraph. A dialect may have the server parse the
        batches itself (Virtuoso with credentials); other servers get `INSERT DATA` batches, one
        at a time. Either way the sending is not atomic: a store error midway says how many
        quads were committed, and a rerun adds what is missing and nothing twice (set semantics).
        """
        total = sum(1 for _ in parse_quads(path, format))
        counter = _Counter()
        sent = _Counter()

        def landed(quads: int) -> None:
            sent.add(quads)
            if progress is not None:
                progress(sent.value, None, path.name)

        try:
            self._send_load(counter.count(parse_quads(path, format)), landed)
        except StoreError as exc:
            if sent.value == 0:
                raise
            raise type(exc)(
                f"{exc}; at least {sent.value:,} of the {total:,} quads of {path.name} were "
                "committed before the failure: rerun the same load to add the rest (nothing is "
                "added twice)"
            ) from exc
        return counter.value

    def _send_load(self, quads: Iterator[Quad], landed: Callable[[int], None]) -> None:
        if self.dialect.load(self, quads, landed):
            return
        for batch in batches(quads, self.max_request_triples):
            self.update(self.insert_request(batch, drop=False))
            landed(sum(len(graph_quads) for _, graph_quads in batch))

    def close(self) -> None:
        self.connector.close()


class _Counter:
    """A running count that closures can add to."""

    def __init__(self) -> None:
        self.value = 0

    def add(self, amount: int) -> None:
        self.value += amount

    def count(self, items: Iterable[Quad]) -> Iterator[Quad]:
        for item in items:
            self.value += 1
            yield item


def open_sparql(
    url: str,
    *,
    options: SparqlOptions | None = None,
    create: bool = True,
    read_only: bool = False,
    **settings: Any,
) -> SparqlStore:
    """Open a remote SPARQL 1.1 store; nothing is sent until the first call.

    Options come as a `SparqlOptions` or by name (`user=…`, `retries=…`, see `SparqlOptions`);
    an unknown name is a `UsageError`. `create` and `read_only`, which `open_store` passes to
    every backend, change nothing here: the server's store exists, and a reader is never locked.
    """
    del create, read_only
    return SparqlStore(url, SparqlOptions.from_options(settings, base=options))
