"""How the remote store fails: retries, auth, unreachable servers, timeouts, a killed Virtuoso."""

from __future__ import annotations

import json
import logging
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat
from pytest_httpserver import HTTPServer
from virtuoso import VirtuosoServer, free_port
from werkzeug import Request, Response

from kgload.errors import QueryError, StoreAuthError, StoreError, StoreUnavailableError
from kgload.stores.sparql import SparqlStore, open_sparql

BASE = "https://w3id.org/kgload/id/"
PASSWORD = "s3cret-Pa55word"
ONE_ROW = {
    "head": {"vars": ["x"]},
    "results": {"bindings": [{"x": {"type": "uri", "value": "http://example.org/a"}}]},
}
RESULTS_JSON = "application/sparql-results+json"
G = f"{BASE}doc/1"
QUADS = [Quad(NamedNode(f"{BASE}e/1"), NamedNode(f"{BASE}p"), Literal("x"), NamedNode(G))]

Operation = Callable[[SparqlStore], object]
OPERATIONS: dict[str, Operation] = {
    "select": lambda store: store.select("SELECT ?x WHERE { ?x ?p ?o }"),
    "update": lambda store: store.replace_graphs({G: QUADS}),
}


@pytest.fixture
def open_remote(httpserver: HTTPServer) -> Iterator[Callable[..., SparqlStore]]:
    """Opens generic-dialect stores on the loopback test server; closes them afterwards."""
    opened: list[SparqlStore] = []

    def make(**options: object) -> SparqlStore:
        settings: dict[str, object] = {"dialect": "generic", "backoff": 0.01, "timeout": 5.0}
        settings.update(options)
        store = open_sparql(httpserver.url_for("/sparql"), **settings)  # type: ignore[arg-type]
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.mark.parametrize("operation", OPERATIONS)
def test_503_twice_then_200_succeeds_after_retries(
    httpserver: HTTPServer, open_remote: Callable[..., SparqlStore], operation: str
) -> None:
    for _ in range(2):
        httpserver.expect_ordered_request("/sparql", method="POST").respond_with_data(
            "busy", status=503, headers={"Retry-After": "0"}
        )
    httpserver.expect_ordered_request("/sparql", method="POST").respond_with_json(
        ONE_ROW, content_type=RESULTS_JSON
    )
    OPERATIONS[operation](open_remote(retries=3))
    httpserver.check_assertions()
    assert len(httpserver.log) == 3


def test_retry_after_is_honoured(
    httpserver: HTTPServer, open_remote: Callable[..., SparqlStore]
) -> None:
    httpserver.expect_ordered_request("/sparql").respond_with_data(
        "later", status=503, headers={"Retry-After": "1"}
    )
    httpserver.expect_ordered_request("/sparql").respond_with_json(ONE_ROW)
    started = time.monotonic()
    result = open_remote(retries=1).select("SELECT ?x WHERE { ?x ?p ?o }")
    assert time.monotonic() - started >= 1.0
    assert result.rows == ((NamedNode("http://example.org/a"),),)


# Errors another attempt may not get: Virtuoso's deadlock and transaction timeout, its
# out-of-memory abort, and a 500 that is not Virtuoso's (nothing says it would recur).
TRANSIENT_500 = {
    "deadlock": "\nVirtuoso 40001 Error SR172: Transaction deadlocked\n\nSPARQL query:\n...",
    "txn-timeout": "Virtuoso S1T00 Error SR171: Transaction timed out\n\nSPARQL query:\n...",
    "out-of-memory": "Virtuoso 42000 Error SR...: Transaction aborted because the server is out "
    "of memory\n\nSPARQL query:\n...",
    "not-virtuoso": "<html><body><h1>Internal Server Error</h1></body></html>",
}


@pytest.mark.parametrize("body", TRANSIENT_500.values(), ids=TRANSIENT_500.keys())
@pytest.mark.parametrize("operation", OPERATIONS)
def test_always_500_gives_store_error_after_the_retries(
    httpserver: HTTPServer, open_remote: Callable[..., SparqlStore], operation: str, body: str
) -> None:
    httpserver.expect_request("/sparql").respond_with_data(body, status=500)
    with pytest.raises(StoreError) as caught:
        OPERATIONS[operation](open_remote(retries=2))
    assert len(httpserver.log) == 3  # the first attempt and 2 retries
    message = str(caught.value)
    assert "after 3 attempts" in message
    shown = "Internal Server Error" if "<html>" in body else body.strip().splitlines()[0]
    assert shown in message
    assert "SPARQL query" not in message


# What Virtuoso 7.2 answers (HTTP 500) to requests it will refuse every time.
LASTING_500 = {
    "cost-estimate": "Virtuoso 42000 Error The estimated execution time 7484 (sec) exceeds the "
    "limit of 400 (sec).\n\nSPARQL query:\n...",
    "compiler": "Virtuoso 37000 Error SP031: SPARQL: Internal error: The length of generated SQL "
    "text has exceeded 10000 lines of code\n\nSPARQL query:\n...",
    "parser-memory": "Virtuoso 37000 Error SP030: SPARQL compiler, line 4991: memory exhausted",
    "query-too-large": "Virtuoso 42000 Error SQ200: Query too large, variables in state over the "
    "limit",
    "drop": "Virtuoso 42000 Error SR...: SPARUL_DROP() failed: graph <urn:x> has not been "
    "explicitly created before",
}


@pytest.mark.parametrize("body", LASTING_500.values(), ids=LASTING_500.keys())
def test_a_lasting_virtuoso_refusal_of_a_query_is_a_query_error_at_once(
    httpserver: HTTPServer, open_remote: Callable[..., SparqlStore], body: str
) -> None:
    httpserver.expect_request("/sparql").respond_with_data(body, status=500)
    with pytest.raises(QueryError) as caught:
        open_remote(retries=3).select("SELECT ?x WHERE { ?x ?p ?o }")
    assert len(httpserver.log) == 1
    assert body.splitlines()[0] in str(caught.value)
    assert "SPARQL query" not in str(caught.value)


@pytest.mark.parametrize("body", LASTING_500.values(), ids=LASTING_500.keys())
def test_a_lasting_virtuoso_refusal_of_an_update_fails_at_once(
    httpserver: HTTPServer, open_remote: Callable[..., SparqlStore], body: str
) -> None:
    httpserver.expect_request("/sparql").respond_with_data(body, status=500)
    with pytest.raises(StoreError) as caught:
        open_remote(retries=3).replace_graphs({G: QUADS})
    assert not isinstance(caught.value, StoreAuthError)
    assert len(httpserver.log) == 1
    assert "not retried" in str(caught.value)
    assert body.splitlines()[0] in str(caught.value)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_401_names_the_settings_and_never_the_password(
    httpserver: HTTPServer,
    open_remote: Callable[..., SparqlStore],
    operation: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    httpserver.expect_request("/sparql").respond_with_data(
        "Unauthorized", status=401, headers={"WWW-Authenticate": 'Basic realm="SPARQL"'}
    )
    store = open_remote(user="dba", password=PASSWORD, auth="basic")
    with caplog.at_level(logging.DEBUG, logger="kgload"), pytest.raises(StoreAuthError) as caught:
        OPERATIONS[operation](store)
    message = str(caught.value)
    assert "KGLOAD_STORE_USER" in message
    assert "KGLOAD_STORE_PASSWORD" in message
    assert "[store] user/password in kgload.toml" in message
    assert PASSWORD not in message
    assert PASSWORD not in caplog.text
    assert len(httpserver.log) == 1  # refused credentials are not retried


def test_a_password_in_the_url_is_used_but_never_shown(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/sparql").respond_with_data("no", status=403)
    url = httpserver.url_for("/sparql").replace("://", f"://dba:{PASSWORD}@")
    store = open_sparql(url, dialect="generic", auth="basic")
    try:
        assert PASSWORD not in store.url
        with pytest.raises(StoreAuthError) as caught:
            store.select("SELECT * WHERE { ?s ?p ?o }")
    finally:
        store.close()
    assert PASSWORD not in str(caught.value)
    request, _ = httpserver.log[0]
    assert request.authorization is not None
    assert request.authorization.password == PASSWORD


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_closed_port_is_unavailable(operation: str) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    store = open_sparql(url, dialect="generic", retries=2, backoff=0.01)
    try:
        with pytest.raises(StoreUnavailableError) as caught:
            OPERATIONS[operation](store)
    finally:
        store.close()
    assert str(caught.value) == f"cannot reach SPARQL endpoint {url}: is the server running?"


@pytest.mark.parametrize("operation", OPERATIONS)
def test_an_unknown_host_is_unavailable(operation: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    # No DNS traffic from tests: the lookup fails here, as it would for an unknown name.
    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    store = open_sparql("http://sparql.example.invalid/sparql", dialect="generic", backoff=0.01)
    try:
        with pytest.raises(StoreUnavailableError, match="is the server running"):
            OPERATIONS[operation](store)
    finally:
        store.close()


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_server_slower_than_the_timeout_gives_store_error(operation: str) -> None:
    attempts: list[float] = []

    def slow(request: Request) -> Response:
        attempts.append(time.monotonic())
        time.sleep(1.0)
        return Response("{}", content_type=RESULTS_JSON)

    # Threaded, so that the retry is not queued behind the first, still sleeping, handler.
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.expect_request("/sparql").respond_with_handler(slow)
    server.start()
    store = open_sparql(
        server.url_for("/sparql"), dialect="generic", timeout=0.5, retries=1, backoff=0.01
    )
    try:
        with pytest.raises(StoreError) as caught:
            OPERATIONS[operation](store)
    finally:
        store.close()
        server.clear()
        server.stop()
    assert "no answer within 0.5 s" in str(caught.value)
    assert "after 2 attempts" in str(caught.value)
    assert len(attempts) == 2


def test_a_bad_query_is_a_query_error(
    httpserver: HTTPServer, open_remote: Callable[..., SparqlStore]
) -> None:
    httpserver.expect_request("/sparql").respond_with_data(
        "Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at 'WHERE'\n\n...",
        status=400,
    )
    with pytest.raises(QueryError, match="SP030: SPARQL compiler, line 1: syntax error"):
        open_remote().select("SELECT WHERE")
    assert len(httpserver.log) == 1


def test_virtuoso_permission_refusal_is_an_auth_error(
    httpserver: HTTPServer, open_remote: Callable[..., SparqlStore]
) -> None:
    httpserver.expect_request("/sparql").respond_with_data(
        "Virtuoso 42000 Error SR186:SECURITY: No permission to execute procedure "
        "DB.DBA.SPARQL_INSERT_DICT_CONTENT with user ID 107, group ID 107",
        status=500,
    )
    with pytest.raises(StoreAuthError, match="requires credentials"):
        open_remote().replace_graphs({G: QUADS})
    assert len(httpserver.log) == 1


def test_auto_dialect_detects_virtuoso_from_the_server_header(
    httpserver: HTTPServer, open_remote: Callable[..., SparqlStore]
) -> None:
    httpserver.expect_request("/sparql", method="GET").respond_with_json(
        {"head": {}, "boolean": True}, headers={"Server": "Virtuoso/07.20.3229 (Linux)"}
    )
    # Which of the graphs already hold data: none.
    httpserver.expect_request("/sparql", method="POST").respond_with_json(
        {"head": {"vars": ["g"]}, "results": {"bindings": []}}, content_type=RESULTS_JSON
    )
    httpserver.expect_request("/sparql-auth", method="POST").respond_with_data("")
    store = open_remote(dialect="auto", user="dba", password=PASSWORD, auth="basic")
    store.replace_graphs({G: QUADS})
    assert store.is_virtuoso
    assert store.update_url == httpserver.url_for("/sparql-auth")
    assert store.gsp_url == httpserver.url_for("/sparql-graph-crud-auth")
    update = httpserver.log[-1][0].get_data(as_text=True)
    assert update.startswith("DEFINE sql:big-data-const 1\nDROP SILENT GRAPH <")


def test_virtuoso_changes_a_graph_that_holds_data_by_its_difference(
    httpserver: HTTPServer, open_remote: Callable[..., SparqlStore]
) -> None:
    """Never delete and insert the same triple in one request on Virtuoso: its log replay after a
    kill loses such triples (issue 10: re-ingested documents kept 19 of their 64 triples)."""
    new = f"{BASE}doc/2"
    kept = QUADS[0]
    gone = f"{BASE}e/gone"

    def answer(request: Request) -> Response:
        query = request.form["query"]
        if "COUNT(*)" in query:
            rows = [{"g": {"type": "uri", "value": G},
                     "n": {"type": "typed-literal", "value": "2",
                           "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]
            variables = ["g", "n"]
        else:
            rows = [
                {"g": {"type": "uri", "value": G}, "s": {"type": "uri", "value": subject},
                 "p": {"type": "uri", "value": kept.predicate.value},
                 "o": {"type": "literal", "value": "x"}}
                for subject in (kept.subject.value, gone)
            ]
            variables = ["g", "s", "p", "o"]
        body = {"head": {"vars": variables}, "results": {"bindings": rows}}
        return Response(json.dumps(body), content_type=RESULTS_JSON)

    httpserver.expect_request("/sparql", method="POST").respond_with_handler(answer)
    httpserver.expect_request("/sparql-auth", method="POST").respond_with_data("")
    store = open_remote(dialect="virtuoso", user="dba", password=PASSWORD, auth="basic")
    added = Quad(NamedNode(f"{BASE}e/new"), kept.predicate, Literal("y"), NamedNode(G))
    store.replace_graphs({G: [kept, added], new: [Quad(q.subject, q.predicate, q.object)
                                                  for q in QUADS]})
    updates = [r.get_data(as_text=True) for r, _ in httpserver.log if r.path == "/sparql-auth"]
    assert len(updates) == 1  # still one request, so still atomic
    update = updates[0]
    assert f"DROP SILENT GRAPH <{G}>" not in update
    assert "MOVE" not in update
    assert f"DROP SILENT GRAPH <{new}>" in update  # held nothing: written directly
    assert f"DELETE DATA {{\nGRAPH <{G}> {{\n<{gone}> " in update
    inserted = update[update.index("INSERT DATA"):]
    assert f"<{BASE}e/new>" in inserted
    # The triple the graph keeps is neither deleted nor inserted again.
    kept_line = f"{kept.subject} {kept.predicate} {kept.object} ."
    blocks = re.findall(rf"GRAPH <{re.escape(G)}> {{\n(.*?)\n}}", update, re.DOTALL)
    assert len(blocks) == 2
    assert all(kept_line not in block for block in blocks)


def test_auto_dialect_falls_back_to_generic(
    httpserver: HTTPServer, open_remote: Callable[..., SparqlStore]
) -> None:
    httpserver.expect_request("/sparql", method="GET").respond_with_json({"boolean": True})
    httpserver.expect_request("/sparql-auth").respond_with_data("not here", status=404)
    httpserver.expect_request("/sparql", method="POST").respond_with_data("")
    store = open_remote(dialect="auto", user="u", password=PASSWORD)
    store.replace_graphs({G: QUADS})
    assert not store.is_virtuoso
    assert store.update_url == store.url
    assert store.gsp_url is None
    request = httpserver.log[-1][0]
    assert request.path == "/sparql"
    assert request.content_type == "application/sparql-update"
    assert request.get_data(as_text=True).startswith("DROP SILENT GRAPH <")


# -- a real Virtuoso killed while writing ---------------------------------------------------------
@pytest.mark.virtuoso
@pytest.mark.virtuoso
def test_virtuoso_refusing_a_too_costly_query_is_not_retried(
    virtuoso: VirtuosoServer, caplog: pytest.LogCaptureFixture
) -> None:
    store = open_sparql(virtuoso.url, user=virtuoso.user, password=virtuoso.password, retries=3)
    costly = "SELECT * WHERE { GRAPH ?a { ?s ?p ?o } GRAPH ?b { ?t ?q ?r } GRAPH ?c { ?u ?v ?w } }"
    started = time.monotonic()
    try:
        with caplog.at_level(logging.WARNING, logger="kgload"), pytest.raises(QueryError) as caught:
            store.select(costly)
    finally:
        store.close()
    assert time.monotonic() - started < 5
    assert "estimated execution time" in str(caught.value)
    assert "MaxQueryCostEstimationTime" in str(caught.value)
    assert "retry" not in caplog.text


def test_virtuoso_refuses_a_wrong_password(virtuoso: VirtuosoServer) -> None:
    store = open_sparql(virtuoso.url, user=virtuoso.user, password=PASSWORD)
    try:
        with pytest.raises(StoreAuthError, match="KGLOAD_STORE_PASSWORD") as caught:
            store.replace_graphs({G: QUADS})
    finally:
        store.close()
    assert PASSWORD not in str(caught.value)
    assert "sparql-auth" in str(caught.value)


@pytest.mark.virtuoso
def test_virtuoso_without_credentials_cannot_write(virtuoso: VirtuosoServer) -> None:
    store = open_sparql(virtuoso.url)
    try:
        with pytest.raises(StoreAuthError, match="requires credentials"):
            store.replace_graphs({G: QUADS})
        assert store.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1").variables == ("s", "p", "o")
    finally:
        store.close()


def _graph(index: int) -> str:
    return f"{BASE}doc/kill-{index:03d}"


def _version(index: int, version: int) -> list[Quad]:
    """Version `version` of graph `index`: its own predicate and a size that differs per version."""
    g = NamedNode(_graph(index))
    p = NamedNode(f"{BASE}v{version}")
    return [
        Quad(NamedNode(f"{BASE}event/{index}-{j}"), p, Literal(f"{index} {j} v{version}"), g)
        for j in range(40 + (index % 17) * 5 + version * 3)
    ]


def _contents(store: SparqlStore) -> dict[str, dict[str, int]]:
    """graph → {predicate → triples}."""
    result = store.select(
        "SELECT ?g ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{BASE}doc/kill-")) }} GROUP BY ?g ?p'
    )
    found: dict[str, dict[str, int]] = {}
    for g, p, n in result.rows:
        assert g is not None and p is not None and isinstance(n, Literal)
        found.setdefault(str(g.value), {})[str(p.value)] = int(n.value)
    return found


def _expected(index: int, version: int) -> dict[str, int]:
    quads = _version(index, version)
    return {quads[0].predicate.value: len(quads)}


@pytest.mark.virtuoso
@pytest.mark.slow
def test_killing_virtuoso_mid_load_leaves_each_graph_whole(virtuoso: VirtuosoServer) -> None:
    graphs = 200
    store = open_sparql(
        virtuoso.url, user=virtuoso.user, password=virtuoso.password, retries=2, backoff=0.05
    )
    interrupted = 0
    try:
        store.drop_graphs(store.graphs())
        for version, delay in enumerate((0.3, 0.7, 1.2), start=1):
            timer = threading.Timer(delay, virtuoso.kill)
            timer.start()
            acknowledged = 0
            try:
                for index in range(graphs):
                    store.replace_graphs({_graph(index): _version(index, version)})
                    acknowledged += 1
            except StoreError:
                interrupted += 1
            finally:
                timer.join()
            virtuoso.restart()

            found = _contents(store)
            for index in range(graphs):
                name = _graph(index)
                new = _expected(index, version)
                old = _expected(index, version - 1) if version > 1 else None
                got = found.get(name)
                if index < acknowledged:
                    assert got == new, f"acknowledged write to {name} lost: {got}"
                elif index > acknowledged:
                    assert got == old, f"{name} changed before it was written: {got}"
                else:
                    assert got in (old, new), f"{name} is a mix: {got}"

            # Rerunning the whole sequence completes everything, without duplicates.
            for index in range(graphs):
                store.replace_graphs({_graph(index): _version(index, version)})
            found = _contents(store)
            assert found == {_graph(i): _expected(i, version) for i in range(graphs)}
            assert store.quad_count() == sum(len(_version(i, version)) for i in range(graphs))
    finally:
        store.close()
        if not virtuoso.running:
            virtuoso.restart()  # leave a working server to the tests that follow
    assert interrupted >= 2, "the kills came after the writes had finished; shorten the delays"


# -- `load` through Virtuoso's own parser ---------------------------------------------------------
TTLP_FIELD = "kgload-nquads"


def _nquads_file(path: Path, count: int, *, tag: str = "q") -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            out.write(
                f'<{BASE}e/{tag}{i}> <{BASE}p> "{tag} {i} «ç»"@pt <{BASE}doc/load-{i % 7}> .\n'
            )
    return path


def _virtuoso_loader(
    httpserver: HTTPServer, answer: Callable[[int, str], Response]
) -> tuple[SparqlStore, list[str]]:
    """A Virtuoso-dialect store on the test server; `answer(n, nquads)` answers load request n.

    Returns the store and the N-Quads batches the server accepted (the probe's empty batch too).
    """
    accepted: list[str] = []
    lock = threading.Lock()
    calls = 0

    def handler(request: Request) -> Response:
        nonlocal calls
        assert "sql:TTLP(bif:http_param" in request.form["query"]
        batch = request.form[TTLP_FIELD]
        with lock:
            calls += 1
            number = calls
        response = answer(number, batch)
        if response.status_code == 200:
            with lock:
                accepted.append(batch)
        return response

    httpserver.expect_request("/sparql-auth", method="POST").respond_with_handler(handler)
    store = open_sparql(
        httpserver.url_for("/sparql"),
        user="dba",
        password=PASSWORD,
        dialect="virtuoso",
        backoff=0.01,
        timeout=5.0,
        load_requests=3,
    )
    return store, accepted


def _ok(*_: object) -> Response:
    return Response('{"head": {"vars": ["loaded"]}, "results": {"bindings": []}}',
                    content_type=RESULTS_JSON)


@pytest.fixture
def threaded_httpserver() -> Iterator[HTTPServer]:
    """A loopback test server that answers requests concurrently (the default one serialises)."""
    server = HTTPServer(threaded=True)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        server.stop()


def test_load_sends_n_quads_batches_in_parallel_and_retries_a_busy_answer(
    threaded_httpserver: HTTPServer, tmp_path: Path
) -> None:
    later_request = threading.Event()
    overlapped: list[bool] = []

    def answer(number: int, batch: str) -> Response:
        if number == 2:  # the first batch waits until the client sends another one beside it
            overlapped.append(later_request.wait(timeout=10))
        elif number > 2:
            later_request.set()
        if number in (3, 4):  # two batches meet a deadlock once each
            return Response("Virtuoso 40001 Error SR172: Transaction deadlocked", status=500)
        return _ok()

    path = _nquads_file(tmp_path / "in.nq", 45_000)
    store, accepted = _virtuoso_loader(threaded_httpserver, answer)
    progress: list[tuple[int, int | None, str]] = []
    try:
        assert store.load(
            path, format=RdfFormat.N_QUADS, progress=lambda *call: progress.append(call)
        ) == 45_000
    finally:
        store.close()
    assert accepted[0] == ""  # the probe
    sent = sorted(line for batch in accepted[1:] for line in batch.splitlines())
    assert sent == sorted(path.read_text(encoding="utf-8").splitlines())
    assert len(accepted) == 1 + 5  # 10,000 quads per request
    assert overlapped == [True]
    assert [done for done, _, _ in progress] == [10_000, 20_000, 30_000, 40_000, 45_000]
    assert {(total, name) for _, total, name in progress} == {(None, "in.nq")}


def test_load_stops_at_a_lasting_refusal_with_a_clear_error(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    def answer(number: int, batch: str) -> Response:
        if number == 1:
            return _ok()
        return Response("Virtuoso 22023 Error SP029: TURTLE RDF loader, line 3: syntax error",
                        status=500)

    store, _ = _virtuoso_loader(httpserver, answer)
    try:
        with pytest.raises(StoreError, match="SP029") as caught:
            store.load(_nquads_file(tmp_path / "in.nq", 50_000), format=RdfFormat.N_QUADS)
    finally:
        store.close()
    assert "not retried" in str(caught.value)
    # The first refusal stops the load: at most the batches already in flight were sent.
    assert len(httpserver.log) <= 1 + 3


@pytest.mark.virtuoso
def test_virtuoso_dba_load_is_parsed_by_the_server(
    virtuoso_store: SparqlStore, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _nquads_file(tmp_path / "in.nq", 25_000)
    with caplog.at_level(logging.INFO, logger="kgload"):
        assert virtuoso_store.load(path, format=RdfFormat.N_QUADS) == 25_000
    assert "INSERT DATA" not in caplog.text
    assert virtuoso_store.quad_count() == 25_000
    value = virtuoso_store.select(
        f"SELECT ?o WHERE {{ GRAPH ?g {{ <{BASE}e/q7> ?p ?o }} }}"
    ).rows[0][0]
    assert value == Literal("q 7 «ç»", language="pt")


@pytest.mark.virtuoso
def test_virtuoso_user_without_ttlp_rights_loads_with_insert_data(
    virtuoso: VirtuosoServer, virtuoso_store: SparqlStore, tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    virtuoso.isql(
        "DB.DBA.USER_CREATE ('kgload_writer', 'writer-Pa55'); GRANT SPARQL_UPDATE TO kgload_writer;"
    )
    store = open_sparql(virtuoso.url, user="kgload_writer", password="writer-Pa55")
    try:
        with caplog.at_level(logging.INFO, logger="kgload"):
            count = store.load(_nquads_file(tmp_path / "in.nq", 300), format=RdfFormat.N_QUADS)
    finally:
        store.close()
        virtuoso.isql("DB.DBA.USER_DROP ('kgload_writer');")
    assert count == 300
    assert "loading with INSERT DATA" in caplog.text and "security restrictions" in caplog.text
    assert virtuoso_store.quad_count() == 300


@pytest.mark.virtuoso
@pytest.mark.slow
def test_killing_virtuoso_mid_file_load_then_rerunning_loads_everything_once(
    virtuoso: VirtuosoServer, virtuoso_store: SparqlStore, tmp_path: Path
) -> None:
    path = _nquads_file(tmp_path / "in.nq", 200_000, tag="k")
    store = open_sparql(
        virtuoso.url, user=virtuoso.user, password=virtuoso.password, retries=1, backoff=0.05
    )
    timer = threading.Timer(0.8, virtuoso.kill)
    try:
        timer.start()
        with pytest.raises(StoreError):
            store.load(path, format=RdfFormat.N_QUADS)
        timer.join()
        virtuoso.restart()
        assert store.load(path, format=RdfFormat.N_QUADS) == 200_000
        assert store.quad_count() == 200_000
    finally:
        timer.cancel()
        store.close()
        if not virtuoso.running:
            virtuoso.restart()


# -- issue 10: a store URL that is not one ---------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://[::1]:99999/sparql", "https://host:port/sparql", "http://"]
)
def test_a_malformed_store_url_is_a_one_line_usage_error(
    url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kgload.cli.main import main
    from kgload.errors import UsageError
    from kgload.stores.base import open_store

    with pytest.raises(UsageError, match="not a SPARQL endpoint URL"):
        open_store(url)
    monkeypatch.chdir(tmp_path)
    assert main(["stats", "--store", url]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("kgload: error: not a SPARQL endpoint URL")
    assert "Traceback" not in err


# -- issue 10: a load that fails midway says how much it committed --------------------------------


def test_a_load_failing_midway_says_how_many_quads_were_committed(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    def answer(number: int, batch: str) -> Response:
        if number <= 3:  # the probe and two batches of 10,000
            return _ok()
        return Response("Virtuoso 22023 Error SP029: TURTLE RDF loader, line 3: syntax error",
                        status=500)

    store, _ = _virtuoso_loader(httpserver, answer)
    try:
        with pytest.raises(StoreError) as caught:
            store.load(_nquads_file(tmp_path / "in.nq", 50_000), format=RdfFormat.N_QUADS)
    finally:
        store.close()
    message = str(caught.value)
    assert "SP029" in message
    committed = r"at least (10,000|20,000) of the 50,000 quads of in\.nq were committed"
    assert re.search(committed, message)
    assert "rerun" in message
