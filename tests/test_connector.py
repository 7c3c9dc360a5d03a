"""The HTTP layer both clients share (issue 14): one retry policy, errors read from the answer.

Against real loopback servers (pytest-httpserver); waits are recorded, never slept, so nothing
here is timed.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer

from kgload.errors import QueryError, StoreAuthError, StoreError, UsageError
from kgload.http import HttpConnector, RetryableError, RetryPolicy, retrying
from kgload.stores.base import open_store
from kgload.stores.connector import SparqlConnector
from kgload.stores.sparql import SparqlOptions, open_sparql

ONE_ROW = {"head": {"vars": ["x"]}, "results": {"bindings": []}}


# -- the policy ------------------------------------------------------------------------------------
def test_policy_doubles_its_backoff_and_honours_retry_after_up_to_its_cap() -> None:
    policy = RetryPolicy(attempts=5, backoff=0.5, max_delay=60.0)
    assert [policy.delay(n, None) for n in (1, 2, 3, 4)] == [0.5, 1.0, 2.0, 4.0]
    assert policy.delay(1, 7.0) == 7.0
    assert policy.delay(1, 3600.0) == 60.0
    assert not policy.gives_up_on(1, 3600.0)


def test_policy_with_max_wait_gives_up_on_a_longer_wait() -> None:
    policy = RetryPolicy(attempts=5, backoff=1.0, max_delay=600.0, max_wait=600.0)
    assert not policy.gives_up_on(1, 600.0)
    assert policy.gives_up_on(1, 601.0)


def test_a_policy_needs_an_attempt() -> None:
    with pytest.raises(ValueError, match="at least 1 attempt"):
        RetryPolicy(attempts=0)


def test_the_loop_retries_only_retryable_errors_and_reports_the_last() -> None:
    calls: list[int] = []
    sleeps: list[float] = []

    def fails() -> None:
        calls.append(1)
        raise RetryableError("busy", retry_after=None)

    with pytest.raises(OSError, match="x failed after 3 attempts: busy"):
        retrying(
            RetryPolicy(attempts=3, backoff=0.25), "x", fails,
            give_up=lambda why: OSError(f"{why.what} failed after {why.tries}: {why.error}"),
            sleep=sleeps.append,
        )
    assert len(calls) == 3
    assert sleeps == [0.25, 0.5]

    def broken() -> None:
        calls.append(1)
        raise KeyError("not an HTTP failure")

    calls.clear()
    with pytest.raises(KeyError):
        retrying(RetryPolicy(), "y", broken, give_up=OSError, sleep=sleeps.append)
    assert len(calls) == 1


# -- the connector on a loopback server ------------------------------------------------------------
@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def connector(sleeps: list[float]) -> Iterator[HttpConnector]:
    made = HttpConnector(policy=RetryPolicy(attempts=3, backoff=0.5), timeout=5.0,
                         sleep=sleeps.append)
    yield made
    made.close()


@pytest.mark.parametrize(("status", "header", "waited"), [(503, "2", 2.0), (429, "7", 7.0),
                                                          (503, None, 0.5)])
def test_a_busy_answer_then_200_waits_as_told_and_succeeds(
    httpserver: HTTPServer, connector: HttpConnector, sleeps: list[float],
    status: int, header: str | None, waited: float,
) -> None:
    headers = {"Retry-After": header} if header is not None else {}
    httpserver.expect_ordered_request("/r").respond_with_data("busy", status=status,
                                                              headers=headers)
    httpserver.expect_ordered_request("/r").respond_with_data("ok")
    response = connector.request("GET", httpserver.url_for("/r"), what="reading")
    assert response.text == "ok"
    assert sleeps == [waited]
    assert len(httpserver.log) == 2


def test_a_400_is_not_retried_and_its_message_reaches_the_user(
    httpserver: HTTPServer, connector: HttpConnector, sleeps: list[float]
) -> None:
    httpserver.expect_request("/r").respond_with_data(
        "<html><body><h1>Bad request: no 'query' parameter</h1></body></html>", status=400
    )
    with pytest.raises(OSError, match="HTTP 400: Bad request: no 'query' parameter"):
        connector.request("GET", httpserver.url_for("/r"), what="reading")
    assert len(httpserver.log) == 1
    assert sleeps == []


def test_retries_run_out_with_the_last_message(
    httpserver: HTTPServer, connector: HttpConnector, sleeps: list[float]
) -> None:
    httpserver.expect_request("/r").respond_with_data("still busy", status=503)
    with pytest.raises(OSError, match=r"reading failed after 3 attempts: HTTP 503: still busy"):
        connector.request("GET", httpserver.url_for("/r"), what="reading")
    assert sleeps == [0.5, 1.0]


# -- the store's reading of an answer --------------------------------------------------------------
# (status, body, query?) → (error type, attempts). Bodies are what Virtuoso and others send.
CLASSIFIED = {
    "bad-query": (400, "Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error", True,
                  QueryError, 1),
    "bad-update": (400, "Malformed update", False, StoreError, 1),
    "no-endpoint": (404, "Not Found", True, StoreError, 1),
    "unauthorised": (401, "Unauthorized", False, StoreAuthError, 1),
    "forbidden": (403, "Forbidden", True, StoreAuthError, 1),
    "no-permission": (500, "Virtuoso 42000 Error SR186:SECURITY: No permission to execute", False,
                      StoreAuthError, 1),
    "too-costly": (500, "Virtuoso 42000 Error The estimated execution time 7484 (sec) exceeds "
                   "the limit of 400 (sec).", True, QueryError, 1),
    "refused-update": (500, "Virtuoso 37000 Error SP031: SPARQL: Internal error", False,
                       StoreError, 1),
    "deadlock": (500, "Virtuoso 40001 Error SR172: Transaction deadlocked", False, StoreError, 3),
    "plain-500": (500, "<html><h1>Internal Server Error</h1></html>", True, StoreError, 3),
    "gateway": (502, "Bad Gateway", True, StoreError, 3),
    "teapot": (418, "I'm a teapot", True, StoreError, 1),
}


@pytest.mark.parametrize("case", CLASSIFIED)
def test_the_store_reads_status_and_body(httpserver: HTTPServer, case: str) -> None:
    status, body, query, error, attempts = CLASSIFIED[case]
    httpserver.expect_request("/sparql").respond_with_data(body, status=status)
    sleeps: list[float] = []
    connector = SparqlConnector(user=None, password=None, auth="digest", timeout=5.0,
                                policy=RetryPolicy(attempts=3, backoff=0.01), sleep=sleeps.append)
    url = httpserver.url_for("/sparql")
    try:
        with pytest.raises(error) as caught:
            if query:
                connector.query(url, "SELECT * WHERE { ?s ?p ?o }")
            else:
                connector.request("POST", url, what="updating", data=b"DROP ALL")
    finally:
        connector.close()
    assert type(caught.value) is error
    assert len(httpserver.log) == attempts
    message = str(caught.value)
    if error is not StoreAuthError and status != 404:
        # The server's own words reach the user (tags and later lines left out).
        assert body.replace("<html><h1>", "").replace("</h1></html>", "") in message


def test_a_query_answer_that_is_not_json_is_a_store_error(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/sparql").respond_with_data("<html>hello</html>")
    store = open_sparql(httpserver.url_for("/sparql"), dialect="generic")
    try:
        with pytest.raises(StoreError, match="did not answer with SPARQL JSON results"):
            store.select("SELECT * WHERE { ?s ?p ?o }")
    finally:
        store.close()


# -- typed settings --------------------------------------------------------------------------------
def test_open_sparql_rejects_an_unknown_option_by_name() -> None:
    with pytest.raises(UsageError, match=r"unknown SPARQL store option 'retry'; known: auth, "):
        open_sparql("http://127.0.0.1:1/sparql", retry=3)


def test_open_store_passes_its_own_flags_and_the_settings_through() -> None:
    store = open_store("http://127.0.0.1:1/sparql", create=False, read_only=True, retries=0,
                       dialect="generic", user="u", password="p")
    try:
        assert store.url == "http://127.0.0.1:1/sparql"
        expected = SparqlOptions(retries=0, dialect="generic", user="u", password="p")
        assert store.options == expected  # type: ignore[attr-defined]
    finally:
        store.close()


def test_open_sparql_takes_typed_options_and_names_on_top() -> None:
    base = SparqlOptions(dialect="virtuoso", retries=1)
    store = open_sparql("http://127.0.0.1:1/sparql", options=base, user="dba")
    try:
        assert store.options.retries == 1
        assert store.is_virtuoso
        assert store.update_url == "http://127.0.0.1:1/sparql-auth"
        assert store.connector.policy == RetryPolicy(attempts=2, backoff=0.5)
    finally:
        store.close()


@pytest.mark.parametrize(("options", "message"), [
    ({"auth": "ntlm"}, "unknown HTTP auth 'ntlm'"),
    ({"dialect": "qlever"}, "unknown SPARQL dialect 'qlever'"),
    ({"retries": -1}, "retries must be >= 0"),
    ({"load_requests": 0}, "load_requests must be >= 1"),
])
def test_bad_option_values_are_usage_errors(options: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        SparqlOptions.from_options(options)
