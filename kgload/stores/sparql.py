"""Any SPARQL 1.1 server as a kgload store (`http(s)://…/sparql`); Virtuoso is tested.

Queries go through SPARQLWrapper (POST, JSON results) and come back as pyoxigraph terms; updates
are SPARQL 1.1 Update requests and bulk writes use the Graph Store Protocol (GSP), both through
requests.

What `replace_graphs` guarantees, per document graph: after a crash or a lost connection the
server holds the old graph or the new one, never a mix, provided the server runs one update
request in one transaction (Virtuoso does; the test suite kills it mid-load to check).

- A graph of up to `max_request_triples` triples is replaced by ONE update request,
  `DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }`; several small graphs share a request.
  For Virtuoso the request starts with `DEFINE sql:big-data-const 1` and each `GRAPH {}` block holds
  at most 2,000 triples (its parser limits; several blocks for one graph are fine). Without
  credentials (anonymous `/sparql`) the pragma is left out and requests hold 1,000 triples.
- On Virtuoso, a graph that already holds data is never dropped and filled again, nor swapped in
  with `MOVE`: the request changes it by its difference only, `DELETE DATA` of the triples that
  go and `INSERT DATA` of those that come, so that no triple is deleted and inserted again in one
  transaction (one query per batch asks which graphs hold data and how much, a second reads
  those graphs; new graphs take the plain path). Why: Virtuoso 7.2's roll-forward of its
  transaction log after a SIGKILL mishandles a transaction that deletes a row and inserts it
  again. Measured (issue 10, tests/test_crash_stores.py): 1,000 documents of ~64 triples loaded,
  checkpointed, written again unchanged through `DROP ; INSERT DATA` into a staging graph and
  `MOVE` to the target, killed after the last request: all 1,000 came back with 19 of their
  triples; with `DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }` a later `DROP` and a
  kill brought back 1-9 triples of 260-960 graphs; `CLEAR GRAPH`, `DELETE WHERE` and
  `sql:log-enable 1` do the same, GSP PUT is not atomic (a kill mid-PUT empties the graph) and
  `sql:log-enable 2`/`3` neither durable nor atomic. With `sql:big-data-const`, a `DELETE DATA`
  of several `GRAPH` blocks silently deletes nothing, so each block is its own `DELETE DATA`.
  Graphs with blank nodes (which cannot be matched by value) still go through a staging graph
  and `MOVE`. Two writers changing the same graph at the same time can leave a mix.
- A larger graph is written to a staging graph outside the kgload graph prefix (one GSP POST when
  a GSP URL is known, else INSERT DATA batches), then swapped in by ONE request: on Virtuoso, over
  a graph that holds data, by its difference with the staging graph (`DELETE … WHERE … FILTER NOT
  EXISTS`, `INSERT … WHERE … FILTER NOT EXISTS`, `DROP` of the staging graph), elsewhere by
  `MOVE SILENT GRAPH <staging> TO GRAPH <g>`. A GSP PUT straight onto the target is not used: on
  Virtuoso 7.2 a server killed during a PUT left the target graph empty (measured). A staging
  graph a crash left half-filled is outside the prefix (no query sees it) and is dropped by the
  next write of its graph.
- Retries after a timeout, a lost connection or a transient 5xx resend the same request. A 500
  that Virtuoso would give again (its SQL states other than deadlocks, timeouts and lack of
  resources: syntax and compiler errors, the cost estimate over MaxQueryCostEstimationTime,
  SR186 permissions) fails at once with `QueryError`, `StoreAuthError` or `StoreError`. Every
  request is idempotent (`DROP` + `INSERT DATA`, a difference, set semantics for `add`), and a
  swap from a staging graph is only resent while the staging graph still holds data, since a swap
  from an empty graph would empty the target.

`load` (importing an N-Quads/TriG file): Virtuoso with credentials parses the file's quads itself,
10,000 per request, sent as a form field of `SELECT (sql:TTLP(bif:http_param(…), …))` through its
authenticated endpoint, `load_requests` (3) requests in flight: about 2.4x the speed of INSERT DATA
(see bench/). It is probed once with an empty batch; a user without the right to call
`DB.DBA.TTLP` from SPARQL, or any other server, gets INSERT DATA batches instead. `TTLP` commits
as it goes (its rows are in the transaction log: a SIGKILL right after the load loses nothing,
measured), so a load is not atomic; a rerun adds only what is missing.

Limits: blank nodes keep their identity within one request only, so a very large graph (or a
`load` batch) whose blank nodes span batches gets distinct nodes per batch. Virtuoso refuses blank
nodes in `INSERT DATA`; requests that carry them use `INSERT { … } WHERE { }` instead.
"""

from __future__ import annotations

import ast
import errno
import http.client
import json
import logging
import re
import socket
import time
import urllib.error
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import IO, Any, TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

import pyoxigraph
import requests
import urllib3.exceptions
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth
from SPARQLWrapper import BASIC, DIGEST, JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
)

from kgload.errors import (
    QueryError,
    StoreAuthError,
    StoreError,
    StoreUnavailableError,
    UsageError,
)
from kgload.http import (
    RetryableError,
    call_with_deadline,
    request_deadline,
    retry_after_seconds,
)
from kgload.model import ProgressCallback
from kgload.stores.base import STAGING_PREFIX, QueryResult, StoreStats, Term, staging_graph

__all__ = ["DEFAULT_GRAPH_PREFIX", "SparqlStore", "open_sparql"]

log = logging.getLogger("kgload")

T = TypeVar("T")

# kgload writes all its graphs under its base IRI; others (Virtuoso's system graphs) are not ours.
DEFAULT_GRAPH_PREFIX = "https://w3id.org/kgload/id/"

_CREDENTIALS_HINT = (
    "set KGLOAD_STORE_USER/KGLOAD_STORE_PASSWORD or [store] user/password in kgload.toml"
)
# Virtuoso's SPARQL parser fails on GRAPH blocks of ~5,000 triples; 2,000 is the measured safe size.
_VIRTUOSO_BLOCK_TRIPLES = 2_000
# One request of this many triples took ~0.3 s on Virtuoso; 60,000 worked but holds locks longer.
_DEFAULT_REQUEST_TRIPLES = 10_000
# Without the pragma, a Virtuoso request fails above ~1,421 triples (SP031).
_VIRTUOSO_PLAIN_REQUEST_TRIPLES = 1_000
# DROP operations per request when dropping many graphs.
_DROPS_PER_REQUEST = 200
# Rows per page when reading whole graphs: below Virtuoso's ResultSetMaxRows (10,000 on Debian),
# which truncates larger results without telling.
_PAGE_ROWS = 10_000
_MAX_RETRY_DELAY = 60.0
_RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})
# `kgload load` on Virtuoso: the N-Quads travel as a form field, not inside the query text (its
# SPARQL lexer is quadratic in a string literal's length and crashed on 7 MB); `DB.DBA.TTLP` with
# flag 512 parses N-Quads, its graph argument only names where triples without a graph would go
# (kgload sends none). Measured on 1 M quads, 10,000 per request: 81 k quads/s with 2 requests in
# flight, 89 k with 3; one request at a time 52 k (100 k quads); INSERT DATA 36 k.
_TTLP_PARAMETER = "kgload-nquads"
_TTLP_QUERY = (
    f"SELECT (sql:TTLP(bif:http_param('{_TTLP_PARAMETER}'), '', '{STAGING_PREFIX}default', 512)"
    " AS ?loaded) WHERE { }"
)
_TTLP_REQUEST_QUADS = 10_000
_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
# "Virtuoso 42000 Error SR186:SECURITY: …", "Virtuoso 37000 Error SP030: …", "Virtuoso 42000 Error
# The estimated execution time …" (no code).
_VIRTUOSO_ERROR = re.compile(
    r"Virtuoso (?P<state>[0-9A-Z]{5}) Error(?: (?P<code>[A-Z]{2}\d{3})\b)?"
)
_HTML = re.compile(r"<(!doctype|html|head|body|h1|p|pre|title)\b", re.IGNORECASE)
_COST_HINT = (
    " (Virtuoso's [SPARQL] MaxQueryCostEstimationTime in virtuoso.ini; or narrow the query)"
)
# Transaction timed out, deadlocked: another attempt may pass.
_VIRTUOSO_TRANSIENT_CODES = frozenset({"SR171", "SR172"})
_UNREACHABLE_ERRNOS = frozenset({errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EADDRNOTAVAIL})


class SparqlStore:
    """A kgload `Store` over a remote SPARQL 1.1 Query/Update (+ optional GSP) server."""

    def __init__(
        self,
        url: str,
        *,
        update_url: str | None = None,
        gsp_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        auth: str = "digest",
        dialect: str = "auto",
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.5,
        graph_prefix: str = DEFAULT_GRAPH_PREFIX,
        max_request_triples: int | None = None,
        load_requests: int = 3,
    ) -> None:
        if auth not in ("digest", "basic"):
            raise UsageError(f"unknown HTTP auth {auth!r}: use 'digest' or 'basic'")
        if dialect not in ("auto", "virtuoso", "generic"):
            raise UsageError(f"unknown SPARQL dialect {dialect!r}: use auto, virtuoso or generic")
        if retries < 0 or timeout <= 0:
            raise UsageError("retries must be >= 0 and timeout > 0")
        if load_requests < 1:
            raise UsageError("load_requests must be >= 1")
        self.url, url_user, url_password = _split_userinfo(url)
        self._update_url = _split_userinfo(update_url)[0] if update_url else None
        self._gsp_url = _split_userinfo(gsp_url)[0] if gsp_url else None
        self._use_gsp = gsp_url != ""
        self._user = user if user is not None else url_user
        self._password = password if password is not None else url_password
        self._auth_kind = auth
        self._dialect = dialect
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.graph_prefix = graph_prefix
        self._max_request_triples = max_request_triples
        self.load_requests = load_requests
        self._server_parses: bool | None = None
        self._session = requests.Session()
        self._session.headers["User-Agent"] = "kgload"
        self._http_auth: AuthBase | None = None
        if self._user is not None:
            password_text = self._password or ""
            self._http_auth = (
                HTTPDigestAuth(self._user, password_text)
                if auth == "digest"
                else HTTPBasicAuth(self._user, password_text)
            )
        self._virtuoso: bool | None = {"virtuoso": True, "generic": False}.get(dialect)

    def __repr__(self) -> str:
        return f"SparqlStore({self.url!r}, dialect={self._dialect!r})"

    # -- endpoints -------------------------------------------------------------------------------
    @property
    def is_virtuoso(self) -> bool:
        """Whether the server is Virtuoso (detected on first use when dialect is 'auto')."""
        if self._virtuoso is None:
            self._virtuoso = self._detect_virtuoso()
            log.debug("%s: dialect %s", self.url, "virtuoso" if self._virtuoso else "generic")
        return self._virtuoso

    def _detect_virtuoso(self) -> bool:
        # Virtuoso names itself in the Server header; behind a proxy, its `/sparql-auth` sibling
        # asking for credentials gives it away.
        probe = self._request(
            "GET", self.url, what="probing", params={"query": "ASK {}"}, auth=False, any_status=True
        )
        if "virtuoso" in probe.headers.get("Server", "").lower():
            return True
        if not urlsplit(self.url).path.endswith("/sparql"):
            return False
        try:
            sibling = self._attempt("GET", self.url + "-auth", auth=False, any_status=True)
        except (RetryableError, StoreError):
            return False
        return sibling.status_code == 401 and "WWW-Authenticate" in sibling.headers

    @property
    def update_url(self) -> str:
        if self._update_url is None:
            path = urlsplit(self.url).path
            if self.is_virtuoso and self._user is not None and path.endswith("/sparql"):
                self._update_url = self.url + "-auth"
            else:
                self._update_url = self.url
        return self._update_url

    @property
    def gsp_url(self) -> str | None:
        if not self._use_gsp:
            return None
        if self._gsp_url is None and self.is_virtuoso and self._user is not None:
            parts = urlsplit(self.url)
            path = re.sub(r"/sparql(-auth)?$", "/sparql-graph-crud-auth", parts.path)
            if path != parts.path:
                self._gsp_url = urlunsplit(parts._replace(path=path, query=""))
        return self._gsp_url

    @property
    def _big_data_const(self) -> bool:
        # Only the authenticated Virtuoso endpoint takes the pragma: on anonymous `/sparql` it turns
        # the "no permission" error into an obscure SP031 compiler error.
        return self.is_virtuoso and self._user is not None

    @property
    def max_request_triples(self) -> int:
        if self._max_request_triples:
            return self._max_request_triples
        if self.is_virtuoso and not self._big_data_const:
            return _VIRTUOSO_PLAIN_REQUEST_TRIPLES
        return _DEFAULT_REQUEST_TRIPLES

    # -- writing ---------------------------------------------------------------------------------
    def replace_graphs(self, graphs: Mapping[str, Sequence[Quad]]) -> None:
        """Replace each graph atomically (see the module docstring for how, and the limits).

        Each value's triples go into the graph named by its key, whatever graph the quads name.
        """
        limit = self.max_request_triples
        batch: list[tuple[str, list[Quad]]] = []
        batch_size = 0
        for graph, quads in graphs.items():
            iri = _check_iri(graph)
            if len(quads) > limit:
                self._replace_large(iri, quads)
                continue
            if batch and (batch_size + len(quads) > limit or len(batch) >= _DROPS_PER_REQUEST):
                self._replace_batch(batch)
                batch, batch_size = [], 0
            batch.append((iri, list(quads)))
            batch_size += len(quads)
        if batch:
            self._replace_batch(batch)

    def _replace_batch(self, batch: Sequence[tuple[str, Sequence[Quad]]]) -> None:
        """Replace a few small graphs with ONE update request.

        On Virtuoso a graph that holds data is changed by its difference only (`DELETE DATA` of
        the triples that go, `INSERT DATA` of those that come), never dropped and filled again:
        see the module docstring for why.
        """
        if not self.is_virtuoso:
            self._update(self._insert_request(batch, drop=True))
            return
        limit = self.max_request_triples
        sizes = self._graph_sizes([graph for graph, quads in batch if quads])
        contents = self._graph_contents([g for g, n in sizes.items() if n <= limit])
        direct: list[tuple[str, Sequence[Quad]]] = []
        staged: list[tuple[str, str, Sequence[Quad]]] = []
        large: list[tuple[str, Sequence[Quad]]] = []
        removed: list[tuple[str, list[Triple]]] = []
        added: list[tuple[str, list[Triple]]] = []
        for graph, quads in batch:
            if graph not in sizes:
                direct.append((graph, quads))
            elif graph not in contents:
                large.append((graph, quads))
            elif any(map(_has_blank_node, quads)) or any(map(_has_blank_node, contents[graph])):
                # Blank nodes cannot be matched by value: swap in a staging graph instead.
                staged.append((staging_graph(graph), graph, quads))
            else:
                old = contents[graph]
                new = {quad.triple: None for quad in quads}
                removed.append((graph, [t for t in old if t not in new]))
                added.append((graph, [t for t in new if t not in old]))
        operations = [f"DROP SILENT GRAPH <{g}>" for g, _ in direct]
        operations += [f"DROP SILENT GRAPH <{staging}>" for staging, _, _ in staged]
        # One DELETE DATA per GRAPH block: with `sql:big-data-const`, Virtuoso 7.2 silently deletes
        # nothing from a DELETE DATA of several blocks (measured).
        operations += [f"DELETE DATA {{\n{b}\n}}" for b in self._graph_blocks(removed)]
        insertions = [
            *((g, [q.triple for q in quads]) for g, quads in direct),
            *((staging, [q.triple for q in quads]) for staging, _, quads in staged),
            *added,
        ]
        operations += self._insert_operations(insertions)
        operations += [f"MOVE SILENT GRAPH <{s}> TO GRAPH <{g}>" for s, g, _ in staged]
        if operations:
            self._update(self._prologue() + " ;\n".join(operations))
        for graph, quads in large:
            self._replace_large(graph, quads)

    def _graph_sizes(self, graphs: Sequence[str]) -> dict[str, int]:
        """How many triples each of these graphs holds, for those that hold any (one query)."""
        if not graphs:
            return {}
        values = " ".join(f"<{graph}>" for graph in graphs)
        rows = self.select(
            f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
            "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        ).rows
        return {
            str(g.value): int(n.value)
            for g, n in rows
            if isinstance(g, NamedNode) and isinstance(n, Literal)
        }

    def _graph_contents(self, graphs: Sequence[str]) -> dict[str, dict[Triple, None]]:
        """The triples of these graphs, read page by page (graphs holding none are left out)."""
        if not graphs:
            return {}
        values = " ".join(f"<{graph}>" for graph in graphs)
        contents: dict[str, dict[Triple, None]] = {}
        for g, s, p, o in self._paged(
            "?g ?s ?p ?o", f"VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }}"
        ):
            if not (isinstance(g, NamedNode) and isinstance(p, NamedNode)):
                continue
            if isinstance(s, (NamedNode, BlankNode)) and o is not None:
                contents.setdefault(g.value, {})[Triple(s, p, o)] = None
        return contents

    def _existing_graphs(self, graphs: Sequence[str]) -> set[str]:
        """Which of these graphs hold at least one triple (one query)."""
        if not graphs:
            return set()
        values = " ".join(f"<{graph}>" for graph in graphs)
        rows = self.select(
            f"SELECT ?g WHERE {{ VALUES ?g {{ {values} }} "
            "FILTER EXISTS { GRAPH ?g { ?s ?p ?o } } }"
        ).rows
        return {str(row[0].value) for row in rows if isinstance(row[0], NamedNode)}

    def _replace_large(self, graph: str, quads: Sequence[Quad]) -> None:
        staging = staging_graph(graph)
        self._update(self._prologue() + f"DROP SILENT GRAPH <{staging}>")
        if self.gsp_url is not None:
            self._gsp("POST", staging, _ntriples(quads))
        else:
            limit = self.max_request_triples
            for start in range(0, len(quads), limit):
                chunk = list(quads[start : start + limit])
                self._update(self._insert_request([(staging, chunk)], drop=False))
        if self.is_virtuoso and self._existing_graphs([graph]):
            # Change the graph by its difference with the staging graph (see the module docstring).
            # The DELETE runs only while the staging graph holds data, so that a resent swap
            # (its first answer lost, the first one done) cannot empty the graph.
            swap = (
                f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{graph}> "
                f"{{ ?s ?p ?o }} FILTER NOT EXISTS {{ GRAPH <{staging}> {{ ?s ?p ?o }} }} "
                f"FILTER EXISTS {{ GRAPH <{staging}> {{ ?a ?b ?c }} }} }} ;\n"
                f"INSERT {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{staging}> "
                f"{{ ?s ?p ?o }} FILTER NOT EXISTS {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} }} ;\n"
                f"DROP SILENT GRAPH <{staging}>"
            )
        else:
            swap = f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{graph}>"
        request = self._prologue() + swap
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

        self._with_retries(f"updating {self.update_url}", attempt)

    def add(self, quads: Iterable[Quad]) -> None:
        """Merge quads in batches of `max_request_triples`; repeats add nothing (set semantics)."""
        for batch in _batches(quads, self.max_request_triples):
            self._update(self._insert_request(batch, drop=False))

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        iris = [_check_iri(g) for g in graphs]
        for start in range(0, len(iris), _DROPS_PER_REQUEST):
            chunk = iris[start : start + _DROPS_PER_REQUEST]
            self._update(self._prologue() + " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in chunk))

    def _prologue(self) -> str:
        return "DEFINE sql:big-data-const 1\n" if self._big_data_const else ""

    def _insert_request(
        self,
        graphs: Sequence[tuple[str, Sequence[Quad]]],
        *,
        drop: bool,
    ) -> str:
        """`DROP SILENT GRAPH`s (with `drop`), then one `INSERT DATA`."""
        operations = [f"DROP SILENT GRAPH <{g}>" for g, _ in graphs] if drop else []
        operations += self._insert_operations([(g, [q.triple for q in qs]) for g, qs in graphs])
        return self._prologue() + " ;\n".join(operations)

    def _insert_operations(self, graphs: Sequence[tuple[str, Sequence[Triple]]]) -> list[str]:
        """The one `INSERT DATA` (or, with blank nodes on Virtuoso, `INSERT … WHERE {}`)."""
        data = "\n".join(self._graph_blocks(graphs))
        if not data:
            return []
        blank = any(_has_blank_node(t) for _, triples in graphs for t in triples)
        if blank and self.is_virtuoso:
            return [f"INSERT {{\n{data}\n}} WHERE {{ }}"]
        return [f"INSERT DATA {{\n{data}\n}}"]

    def _graph_blocks(self, graphs: Sequence[tuple[str, Sequence[Triple]]]) -> list[str]:
        """`GRAPH <g> { … }` blocks, split to the size Virtuoso's parser takes."""
        block = _VIRTUOSO_BLOCK_TRIPLES if self.is_virtuoso else self.max_request_triples
        blocks: list[str] = []
        for graph, triples in graphs:
            lines = [f"{t.subject} {t.predicate} {t.object} ." for t in triples]
            for start in range(0, len(lines), block):
                body = "\n".join(lines[start : start + block])
                blocks.append(f"GRAPH <{graph}> {{\n{body}\n}}")
        return blocks

    def _update(self, request: str) -> None:
        self._with_retries(f"updating {self.update_url}", lambda: self._send_update(request))

    def _send_update(self, request: str) -> None:
        self._attempt(
            "POST",
            self.update_url,
            data=request.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
        )

    def _gsp(self, method: str, graph: str, body: bytes) -> None:
        url = self.gsp_url
        assert url is not None
        virtuoso = self.is_virtuoso
        # Virtuoso reads N-Triples sent as Turtle; its GSP names the graph `graph-uri`.
        params = {"graph-uri" if virtuoso else "graph": graph}
        media = "text/turtle" if virtuoso else "application/n-triples"
        self._with_retries(
            f"writing to {url}",
            lambda: self._attempt(
                method, url, data=body, params=params, headers={"Content-Type": media}
            ),
        )

    # -- reading ---------------------------------------------------------------------------------
    def select(self, sparql: str) -> QueryResult:
        body = self._query(sparql)
        if "results" not in body:
            raise QueryError("expected a SELECT query")
        try:
            variables = tuple(str(v) for v in body["head"]["vars"])
            rows = tuple(
                tuple(_term(binding.get(v)) for v in variables)
                for binding in body["results"]["bindings"]
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise StoreError(f"{self.url} sent an unreadable SELECT result: {exc}") from exc
        return QueryResult(variables, rows)

    def ask(self, sparql: str) -> bool:
        body = self._query(sparql)
        if not isinstance(body.get("boolean"), bool):
            raise QueryError("expected an ASK query")
        return bool(body["boolean"])

    def _query(self, sparql: str) -> dict[str, Any]:
        return self._with_retries(f"querying {self.url}", lambda: self._query_once(sparql))

    def _query_once(self, sparql: str) -> dict[str, Any]:
        try:
            raw = call_with_deadline(
                lambda: run_sparqlwrapper(
                    self.url,
                    sparql,
                    user=self._user,
                    password=self._password,
                    auth=self._auth_kind,
                    timeout=self.timeout,
                ),
                request_deadline(self.timeout),
            )
        except QueryBadFormed as exc:
            detail = _server_message(_sparqlwrapper_body(exc))
            raise QueryError(f"{self.url} rejected the query (HTTP 400): {detail}") from exc
        except Unauthorized as exc:
            raise self._auth_error(self.url, 401) from exc
        except EndPointNotFound as exc:
            raise StoreError(f"no SPARQL endpoint at {self.url} (HTTP 404): check the URL") from exc
        except EndPointInternalError as exc:
            detail = _server_message(_sparqlwrapper_body(exc))
            if _is_permission_message(detail):
                raise self._auth_error(self.url, 500) from exc
            if _is_lasting_refusal(detail):
                hint = _COST_HINT if "estimated execution time" in detail else ""
                raise QueryError(
                    f"{self.url} refused the query (HTTP 500): {detail}{hint}"
                ) from exc
            retry_after = None
            if isinstance(exc.__context__, urllib.error.HTTPError):
                retry_after = retry_after_seconds(exc.__context__.headers.get("Retry-After"))
            raise RetryableError(f"HTTP 500: {detail}", retry_after) from exc
        except SPARQLWrapperException as exc:
            raise StoreError(f"querying {self.url} failed: {_server_message(str(exc))}") from exc
        except urllib.error.HTTPError as exc:
            with exc:
                detail = _server_message(exc.read().decode("utf-8", "replace"))
                if exc.code in (401, 403):
                    raise self._auth_error(self.url, exc.code) from exc
                if exc.code in _RETRY_STATUS:
                    retry_after = retry_after_seconds(exc.headers.get("Retry-After"))
                    raise RetryableError(f"HTTP {exc.code}: {detail}", retry_after) from exc
                raise StoreError(f"querying {self.url} failed: HTTP {exc.code}: {detail}") from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise RetryableError(f"no answer within {self.timeout:g} s") from exc
            if _is_unreachable_os_error(reason):
                raise self._unavailable() from exc
            raise RetryableError(f"connection failed: {reason}") from exc
        except TimeoutError as exc:
            raise RetryableError(f"no answer within {self.timeout:g} s") from exc
        except (ConnectionError, http.client.HTTPException) as exc:
            raise RetryableError(f"connection lost: {exc}") from exc
        try:
            body: dict[str, Any] = json.loads(raw)
        except ValueError as exc:
            raise StoreError(f"{self.url} did not answer with SPARQL JSON results") from exc
        return body

    def graphs(self) -> list[str]:
        """Named graphs under `graph_prefix` (a server's own graphs are not kgload's)."""
        rows = self._paged("?g", f"GRAPH ?g {{ ?s ?p ?o }} {self._prefix_filter()}", distinct=True)
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

    def _prefix_filter(self) -> str:
        if not self.graph_prefix:
            return ""
        return f"FILTER(STRSTARTS(STR(?g), {Literal(self.graph_prefix)}))"

    def _paged(
        self, variables: str, where: str, *, distinct: bool = False
    ) -> Iterator[tuple[Term | None, ...]]:
        """All rows of a SELECT, page by page in a stable order: never one unbounded SELECT."""
        keyword = "SELECT DISTINCT" if distinct else "SELECT"
        offset = 0
        while True:
            if self.is_virtuoso:
                # Virtuoso refuses ORDER BY with OFFSET + LIMIT above MaxSortedTopRows (10,000);
                # ordering in a subquery and paging outside it is its documented way around.
                query = (
                    f"SELECT {variables} WHERE {{ {{ {keyword} {variables} WHERE {{ {where} }} "
                    f"ORDER BY {variables} }} }} OFFSET {offset} LIMIT {_PAGE_ROWS}"
                )
            else:
                query = (
                    f"{keyword} {variables} WHERE {{ {where} }} "
                    f"ORDER BY {variables} LIMIT {_PAGE_ROWS} OFFSET {offset}"
                )
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
                for s, p, o in self._paged("?s ?p ?o", f"GRAPH {name} {{ ?s ?p ?o }}"):
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
        last line too) commits nothing, as on Oxigraph. Virtuoso with credentials parses the
        batches itself (N-Quads through its Turtle loader, `load_requests` requests in flight);
        other servers get `INSERT DATA` batches, one at a time. Either way the sending is not
        atomic: a store error midway says how many quads were committed, and a rerun adds what
        is missing and nothing twice (set semantics).
        """
        total = sum(1 for _ in _parse_quads(path, format))
        count = 0

        def counted() -> Iterator[Quad]:
            nonlocal count
            for quad in _parse_quads(path, format):
                count += 1
                yield quad

        sent = 0

        def landed(quads: int) -> None:
            nonlocal sent
            sent += quads
            if progress is not None:
                progress(sent, None, path.name)

        try:
            if self._server_parses_nquads():
                self._send_parallel(self._load_jobs(counted()), landed)
                return count
            for batch in _batches(counted(), self.max_request_triples):
                self._update(self._insert_request(batch, drop=False))
                landed(sum(len(quads) for _, quads in batch))
        except StoreError as exc:
            if sent == 0:
                raise
            raise type(exc)(
                f"{exc}; at least {sent:,} of the {total:,} quads of {path.name} were committed "
                "before the failure: rerun the same load to add the rest (nothing is added twice)"
            ) from exc
        return count

    def _server_parses_nquads(self) -> bool:
        """Whether the server loads N-Quads text sent in a query (Virtuoso's `DB.DBA.TTLP`).

        Probed once with an empty batch. Virtuoso lets only users with the right to run
        `DB.DBA.TTLP` from SPARQL do it (dba does; a user with only the SPARQL_UPDATE role is
        refused, SP031); anyone else falls back to `INSERT DATA`.
        """
        if self._server_parses is None:
            self._server_parses = False
            if self.is_virtuoso and self._user is not None:
                try:
                    self._load_nquads_request("")()
                    self._server_parses = True
                except StoreUnavailableError:
                    raise
                except StoreError as exc:
                    log.info(
                        "%s: loading with INSERT DATA (no server-side parsing: %s)", self.url, exc
                    )
        return self._server_parses

    def _load_jobs(self, quads: Iterable[Quad]) -> Iterator[tuple[Callable[[], None], int]]:
        """`(request, quads)` jobs for `load`: N-Quads text for Virtuoso to parse, and INSERT DATA
        batches for the quads its parser would change (see `_ttlp_would_change`)."""
        limit = self.max_request_triples
        lines: list[str] = []
        aside: list[Quad] = []
        for quad in quads:
            graph = quad.graph_name
            if not isinstance(graph, NamedNode):
                raise UsageError(f"kgload writes only to named graphs (IRIs); got {quad}")
            if _ttlp_would_change(quad.object):
                aside.append(quad)
                if len(aside) >= limit:
                    yield self._insert_job(aside), len(aside)
                    aside = []
                continue
            lines.append(f"{quad.subject} {quad.predicate} {quad.object} {graph} .\n")
            if len(lines) >= _TTLP_REQUEST_QUADS:
                yield self._load_nquads_request("".join(lines)), len(lines)
                lines = []
        if lines:
            yield self._load_nquads_request("".join(lines)), len(lines)
        if aside:
            yield self._insert_job(aside), len(aside)

    def _insert_job(self, quads: Sequence[Quad]) -> Callable[[], None]:
        request = self._insert_request(next(_batches(quads, len(quads))), drop=False)
        return lambda: self._update(request)

    def _load_nquads_request(self, nquads: str) -> Callable[[], None]:
        """One request that has Virtuoso parse and store `nquads`, with retries."""
        url = self.update_url
        form = {"query": _TTLP_QUERY, _TTLP_PARAMETER: nquads}
        headers = {"Accept": "application/sparql-results+json"}

        def send() -> None:
            self._with_retries(
                f"loading into {url}",
                lambda: self._attempt("POST", url, data=form, headers=headers),
            )

        return send

    def _send_parallel(
        self, jobs: Iterator[tuple[Callable[[], None], int]], landed: Callable[[int], None]
    ) -> None:
        """Run `(request, quads)` jobs, at most `load_requests` in flight; the first failure stops
        all. `landed(quads)` is called, in this thread, as each request succeeds.

        Jobs are made lazily, so a large file is never held in memory whole.
        """
        window = self.load_requests
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

    def close(self) -> None:
        self._session.close()

    # -- HTTP ------------------------------------------------------------------------------------
    def _with_retries(self, what: str, attempt: Callable[[], T]) -> T:
        """Run `attempt`, retrying transient failures with exponential back-off (or Retry-After)."""
        for number in range(self.retries + 1):
            try:
                return attempt()
            except RetryableError as exc:
                if number == self.retries:
                    tries = "1 attempt" if number == 0 else f"{number + 1} attempts"
                    raise StoreError(f"{what} failed after {tries}: {exc.message}") from exc
                delay = exc.retry_after if exc.retry_after is not None else self.backoff * 2**number
                delay = min(max(delay, 0.0), _MAX_RETRY_DELAY)
                log.warning(
                    "%s: %s; retry %d of %d in %.1f s",
                    what,
                    exc.message,
                    number + 1,
                    self.retries,
                    delay,
                )
                time.sleep(delay)
        raise AssertionError("unreachable")

    def _request(
        self,
        method: str,
        url: str,
        *,
        what: str,
        auth: bool = True,
        any_status: bool = False,
        **kwargs: Any,
    ) -> requests.Response:
        return self._with_retries(
            f"{what} {url}",
            lambda: self._attempt(method, url, auth=auth, any_status=any_status, **kwargs),
        )

    def _attempt(
        self,
        method: str,
        url: str,
        *,
        auth: bool = True,
        any_status: bool = False,
        **kwargs: Any,
    ) -> requests.Response:
        """One HTTP request; transient failures raise `RetryableError`, others a StoreError."""
        try:
            response = call_with_deadline(
                lambda: self._session.request(
                    method,
                    url,
                    auth=self._http_auth if auth else None,
                    timeout=self.timeout,
                    **kwargs,
                ),
                request_deadline(self.timeout),
            )
        except requests.Timeout as exc:
            raise RetryableError(f"no answer within {self.timeout:g} s") from exc
        except requests.ConnectionError as exc:
            if _is_unreachable(exc):
                raise self._unavailable(url) from exc
            raise RetryableError(f"connection lost: {_short(exc)}") from exc
        except requests.RequestException as exc:
            raise RetryableError(f"HTTP failure: {_short(exc)}") from exc
        status = response.status_code
        if status < 400 or any_status:
            return response
        detail = _server_message(response.text)
        if status in (401, 403) or (status == 500 and _is_permission_message(detail)):
            raise self._auth_error(url, status)
        if status == 500 and _is_lasting_refusal(detail):
            raise StoreError(f"{method} {url} was refused (HTTP 500, not retried): {detail}")
        if status in _RETRY_STATUS:
            raise RetryableError(
                f"HTTP {status}: {detail}", retry_after_seconds(response.headers.get("Retry-After"))
            )
        raise StoreError(f"{method} {url} failed: HTTP {status}: {detail}")

    def _auth_error(self, url: str, status: int) -> StoreAuthError:
        if self._user is None:
            return StoreAuthError(
                f"{url} requires credentials (HTTP {status}): {_CREDENTIALS_HINT}"
            )
        return StoreAuthError(
            f"{url} refused the credentials of user {self._user!r} (HTTP {status}): "
            f"{_CREDENTIALS_HINT}"
        )

    def _unavailable(self, url: str | None = None) -> StoreUnavailableError:
        return StoreUnavailableError(
            f"cannot reach SPARQL endpoint {url or self.url}: is the server running?"
        )


def run_sparqlwrapper(
    endpoint: str,
    query: str,
    *,
    user: str | None = None,
    password: str | None = None,
    auth: str = "digest",
    timeout: float = 30.0,
) -> bytes:
    """Send one query with SPARQLWrapper (POST, JSON) and return the raw body.

    SPARQLWrapper's setter-driven API stays in this one function.
    """
    client = SPARQLWrapper(endpoint, agent="kgload")
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    # setTimeout() truncates to int, so 0.5 s would mean no timeout at all; urllib takes a float.
    client.timeout = timeout  # type: ignore[assignment]
    if user is not None:
        client.setHTTPAuth(DIGEST if auth == "digest" else BASIC)
        client.setCredentials(user, password or "")
    with warnings.catch_warnings():
        # Its guess of the query form only picks `query=` vs `update=`; we always send `query=`.
        warnings.simplefilter("ignore", RuntimeWarning)
        client.setQuery(query)
    response = client.query().response
    try:
        body: bytes = response.read()
    finally:
        response.close()
    return body


def open_sparql(
    url: str,
    *,
    update_url: str | None = None,
    gsp_url: str | None = None,
    user: str | None = None,
    password: str | None = None,
    auth: str = "digest",
    dialect: str = "auto",
    timeout: float = 30.0,
    retries: int = 3,
    graph_prefix: str = DEFAULT_GRAPH_PREFIX,
    max_request_triples: int | None = None,
    backoff: float = 0.5,
    load_requests: int = 3,
    **_: object,
) -> SparqlStore:
    """Open a remote SPARQL 1.1 store; nothing is sent until the first call.

    For Virtuoso (`dialect="virtuoso"`, or detected), `http://host:port/sparql` with a user implies
    updates at `…/sparql-auth` and GSP at `…/sparql-graph-crud-auth`; `gsp_url=""` turns GSP off.
    `retries` is how many times a request failing with a timeout, a lost connection or HTTP
    408/429/5xx is resent (at most `1 + retries` attempts), after `backoff * 2**n` seconds or the
    server's Retry-After; a Virtuoso 500 that would recur (syntax, cost estimate, permissions) is
    not resent. Only quads in graphs under `graph_prefix` are counted and dumped. `load_requests`
    is how many requests `load` keeps in flight when the server parses the file (Virtuoso).
    """
    return SparqlStore(
        url,
        update_url=update_url,
        gsp_url=gsp_url,
        user=user,
        password=password,
        auth=auth,
        dialect=dialect,
        timeout=timeout,
        retries=retries,
        backoff=backoff,
        graph_prefix=graph_prefix,
        max_request_triples=max_request_triples,
        load_requests=load_requests,
    )


# -- helpers ---------------------------------------------------------------------------------------
def _split_userinfo(url: str) -> tuple[str, str | None, str | None]:
    """Take `user:password@` out of a URL, so that messages can show the URL safely."""
    hint = "give http(s)://host[:port]/path, e.g. http://localhost:8890/sparql"
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018  (raises on a port that is not a number in range)
    except ValueError as exc:
        raise UsageError(f"not a SPARQL endpoint URL: {url!r} ({exc}); {hint}") from exc
    if not parts.scheme or not parts.hostname:
        raise UsageError(f"not a SPARQL endpoint URL: {url!r}; {hint}")
    if "@" not in parts.netloc:
        return urlunsplit(parts), None, None
    userinfo, _, host = parts.netloc.rpartition("@")
    user, sep, password = userinfo.partition(":")
    clean = urlunsplit(parts._replace(netloc=host))
    return clean, unquote(user), unquote(password) if sep else None


def _check_iri(iri: str) -> str:
    if not iri or any(c in iri for c in '<>"{}|^`\\ \n\t'):
        raise UsageError(f"not a valid graph IRI: {iri!r}")
    return iri


def _has_blank_node(statement: Quad | Triple) -> bool:
    return isinstance(statement.subject, BlankNode) or isinstance(statement.object, BlankNode)


def _ntriples(quads: Iterable[Quad]) -> bytes:
    lines = (f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)
    return "".join(lines).encode("utf-8")


def _batches(quads: Iterable[Quad], size: int) -> Iterator[list[tuple[str, list[Quad]]]]:
    """Group quads by graph, `size` quads per batch at most."""
    batch: dict[str, list[Quad]] = {}
    count = 0
    for quad in quads:
        graph = quad.graph_name
        if not isinstance(graph, NamedNode):
            raise UsageError(f"kgload writes only to named graphs (IRIs); got {quad}")
        batch.setdefault(_check_iri(graph.value), []).append(quad)
        count += 1
        if count >= size:
            yield list(batch.items())
            batch, count = {}, 0
    if batch:
        yield list(batch.items())


def _ttlp_would_change(term: object) -> bool:
    """Whether Virtuoso's N-Quads loader would store this object as another literal.

    Measured on 7.2.5: an xsd:integer outside the 32-bit range comes back as an xsd:decimal from
    `DB.DBA.TTLP` (through SPARQL it stays an integer); its derived types (long, int…) and every
    other datatype tried come back as sent.
    """
    if not isinstance(term, Literal) or term.datatype.value != _XSD_INTEGER:
        return False
    try:
        return not -(2**31) <= int(term.value) < 2**31
    except ValueError:
        return False


def _parse_quads(path: Path, format: RdfFormat) -> Iterator[Quad]:
    """Parse a quad file, turning parser and file errors into kgload errors."""
    if not format.supports_datasets:
        raise UsageError(f"{format.name} holds no named graphs; load N-Quads or TriG")
    try:
        for item in pyoxigraph.parse(path=str(path), format=format):
            assert isinstance(item, Quad)
            yield item
    except SyntaxError as exc:
        raise UsageError(f"{path}: not valid {format.name}: {exc}") from exc
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc}") from exc


def _term(value: Mapping[str, str] | None) -> Term | None:
    """A SPARQL JSON result term as a pyoxigraph term."""
    if value is None:
        return None
    kind = value["type"]
    text = value["value"]
    if kind == "uri":
        return NamedNode(text)
    if kind == "bnode":
        # Servers use labels like Virtuoso's `nodeID://b10001`; keep them stable and valid.
        return BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", text) or "b")
    if kind in ("literal", "typed-literal"):
        language = value.get("xml:lang")
        if language:
            return Literal(text, language=language)
        datatype = value.get("datatype")
        if datatype and not datatype.endswith("#langString"):
            return Literal(text, datatype=NamedNode(datatype))
        return Literal(text)
    raise QueryError(f"unsupported result term type {kind!r}")


def _sparqlwrapper_body(exc: SPARQLWrapperException) -> str:
    """The server's response that SPARQLWrapper kept only inside its message, as `repr(bytes)`."""
    message = str(exc)
    _, found, tail = message.partition("Response:\n")
    if not found:
        return message
    try:
        raw = ast.literal_eval(tail)
    except (ValueError, SyntaxError):
        return tail
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def _server_message(text: str) -> str:
    """The first meaningful line of a server's error body, trimmed (HTML tags removed).

    Only an HTML page loses its tags: a plain-text message keeps its `<iri>`s.
    """
    if _HTML.search(text):
        text = re.sub(r"<[^>]*>", "\n", text)
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 300 else line[:297] + "..."
    return "(no message)"


def _is_permission_message(message: str) -> bool:
    # Virtuoso answers an update without rights with 500 "SR186: SECURITY: No permission …".
    return "SR186" in message or "No permission" in message


def _is_lasting_refusal(message: str) -> bool:
    """Whether an HTTP 500 is a Virtuoso error that the same request would get again.

    Virtuoso reports every SQL error as HTTP 500 "Virtuoso <SQLSTATE> Error [<code>:] …". Only the
    states of a failed transaction or a busy server are worth a retry: class 40 (SR172 deadlock,
    rolled-back transactions), 08 (connection), 53 (insufficient resources), S1T00/HYT0x
    (timeouts), and "Transaction aborted because the server is out of memory". Everything else is
    refused for good: 42000 (syntax, access, the cost estimate over MaxQueryCostEstimationTime,
    SQ200 "query too large"), 37000 and SPxxx (the SPARQL compiler, also its "memory exhausted"),
    22xxx/23xxx (data, constraints)… A 500 that is not a Virtuoso error says nothing either way
    and stays transient.
    """
    match = _VIRTUOSO_ERROR.search(message)
    if match is None:
        return False
    state, code = match.group("state"), match.group("code") or ""
    if state[:2] in ("40", "08", "53") or state in ("S1T00", "HYT00", "HYT01"):
        return False
    if code in _VIRTUOSO_TRANSIENT_CODES:
        return False
    if state == "37000" or code.startswith("SP"):
        return True
    return "server is out of memory" not in message


def _is_unreachable(exc: requests.ConnectionError) -> bool:
    """True when no connection was made at all (refused, DNS), not when one broke mid-way."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, urllib3.exceptions.NewConnectionError) or _is_unreachable_os_error(
            current
        ):
            return True
        if isinstance(current, urllib3.exceptions.MaxRetryError):
            current = current.reason
            continue
        if current.args and isinstance(current.args[0], BaseException):
            current = current.args[0]
            continue
        current = current.__cause__ or current.__context__
    return False


def _is_unreachable_os_error(error: object) -> bool:
    if isinstance(error, (ConnectionRefusedError, socket.gaierror)):
        return True
    return isinstance(error, OSError) and error.errno in _UNREACHABLE_ERRNOS


def _short(exc: BaseException) -> str:
    return _server_message(str(exc))
