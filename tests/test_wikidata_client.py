"""WikidataClient against a real loopback HTTP server replaying responses in Wikidata's formats.

The fixtures in `tests/fixtures/wikidata/` follow the documented formats: SPARQL 1.1 JSON results
(`sparql/*.json`) and `wbgetentities` entity objects (`entities.json`, real QIDs), plus the
action API's `maxlag`, `ratelimited` and `no-such-entity` error answers.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import socket
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from kgload.config import Settings
from kgload.errors import KgloadError, WikidataError
from kgload.linking.wikidata import WikidataClient, is_placeholder_user_agent

FIXTURES = Path(__file__).parent / "fixtures" / "wikidata"
ENTITIES: dict[str, Any] = json.loads((FIXTURES / "entities.json").read_text(encoding="utf-8"))
UA = "kgload-tests/0.1 (https://kgload.test/; tests@kgload.test)"
API = "/w/api.php"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def answer_entities(request: Request) -> Response:
    """wbgetentities as Wikidata answers it: unknown ids come back marked missing."""
    ids = request.args["ids"].split("|")
    body = {"entities": {i: ENTITIES.get(i, {"id": i, "missing": True}) for i in ids},
            "success": 1}
    return Response(json.dumps(body), content_type="application/json; charset=utf-8")


def sparql_json(name: str) -> Response:
    return Response(fixture(f"sparql/{name}.json"),
                    content_type="application/sparql-results+json; charset=utf-8")


@pytest.fixture
def settings(httpserver: HTTPServer, tmp_path: Path) -> Settings:
    return Settings(wikidata_url=httpserver.url_for("/sparql"),
                    wikidata_api_url=httpserver.url_for(API), user_agent=UA,
                    cache_dir=str(tmp_path / "cache"))


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def client(settings: Settings, sleeps: list[float]) -> WikidataClient:
    return WikidataClient(settings, sleep=sleeps.append)


def test_get_entities_identifies_itself_and_asks_for_maxlag(
    httpserver: HTTPServer, client: WikidataClient
) -> None:
    httpserver.expect_request(API, method="GET").respond_with_handler(answer_entities)
    found = client.get_entities(["Q159", "Q7747"])
    assert found["Q7747"]["labels"]["en"]["value"] == "Vladimir Putin"
    assert found["Q159"]["labels"]["pt"]["value"] == "Rússia"
    (request, _), = httpserver.log
    assert request.headers["User-Agent"] == UA
    assert request.args["action"] == "wbgetentities"
    assert request.args["ids"] == "Q159|Q7747"
    assert request.args["maxlag"] == "5"
    assert request.args["format"] == "json"
    assert request.args["languages"] == "en|pt|es|fr"
    assert request.args["props"] == "labels|aliases|claims|sitelinks"


def test_ids_go_in_batches_of_50_one_request_at_a_time(
    httpserver: HTTPServer, client: WikidataClient
) -> None:
    httpserver.expect_request(API, method="GET").respond_with_handler(answer_entities)
    ids = [f"Q{n}" for n in range(1, 121)]
    found = client.get_entities(ids)
    assert len(found) == 120
    sizes = [len(request.args["ids"].split("|")) for request, _ in httpserver.log]
    assert sizes == [50, 50, 20]
    assert client.stats.requests_made == 3


def test_429_waits_for_retry_after_then_succeeds(
    httpserver: HTTPServer, client: WikidataClient, sleeps: list[float]
) -> None:
    httpserver.expect_oneshot_request(API).respond_with_data(
        "Too many requests", status=429, headers={"Retry-After": "2"})
    httpserver.expect_request(API).respond_with_handler(answer_entities)
    found = client.get_entities(["Q7747"])
    assert "Q7747" in found
    assert sleeps == [2.0]
    assert len(httpserver.log) == 2
    assert client.stats.retries == 1


def test_maxlag_answer_waits_and_retries(
    httpserver: HTTPServer, client: WikidataClient, sleeps: list[float]
) -> None:
    # The API says maxlag with HTTP 200, a JSON error and Retry-After.
    httpserver.expect_oneshot_request(API).respond_with_data(
        fixture("maxlag.json"), content_type="application/json", headers={"Retry-After": "5"})
    httpserver.expect_request(API).respond_with_handler(answer_entities)
    assert "Q159" in client.get_entities(["Q159"])
    assert sleeps == [5.0]
    assert len(httpserver.log) == 2


def test_ratelimited_without_retry_after_backs_off_exponentially(
    httpserver: HTTPServer, client: WikidataClient, sleeps: list[float]
) -> None:
    for _ in range(2):
        httpserver.expect_oneshot_request(API).respond_with_data(
            fixture("ratelimited.json"), content_type="application/json")
    httpserver.expect_request(API).respond_with_handler(answer_entities)
    assert "Q159" in client.get_entities(["Q159"])
    assert sleeps == [1.0, 2.0]


def test_five_503_answers_raise_wikidata_error(
    httpserver: HTTPServer, client: WikidataClient, sleeps: list[float]
) -> None:
    httpserver.expect_request(API).respond_with_data("busy", status=503)
    with pytest.raises(WikidataError, match=r"gave up after 5 attempts.*HTTP 503"):
        client.get_entities(["Q159"])
    assert len(httpserver.log) == 5
    assert sleeps == [1.0, 2.0, 4.0, 8.0]
    assert not list((Path(client.settings.cache_dir) / "wikidata").glob("*.json"))


def test_wikidata_error_is_an_oserror_and_a_kgload_error() -> None:
    assert issubclass(WikidataError, OSError)
    assert issubclass(WikidataError, KgloadError)


def test_a_retry_after_too_long_is_not_waited_for(
    httpserver: HTTPServer, client: WikidataClient, sleeps: list[float]
) -> None:
    httpserver.expect_request(API).respond_with_data(
        "slow down", status=429, headers={"Retry-After": "3600"})
    with pytest.raises(WikidataError, match="wait 3600 s"):
        client.get_entities(["Q159"])
    assert sleeps == []
    assert len(httpserver.log) == 1


def test_other_api_errors_are_not_retried(
    httpserver: HTTPServer, client: WikidataClient, sleeps: list[float]
) -> None:
    httpserver.expect_request(API).respond_with_data(
        fixture("bad-ids.json"), content_type="application/json")
    with pytest.raises(WikidataError, match="no-such-entity"):
        client.get_entities(["X1"])
    assert len(httpserver.log) == 1
    assert sleeps == []


def test_cache_answers_a_repeat_without_a_request(
    httpserver: HTTPServer, settings: Settings, client: WikidataClient
) -> None:
    httpserver.expect_request(API).respond_with_handler(answer_entities)
    first = client.get_entities(["Q159", "Q7747"])
    again = client.get_entities(["Q159", "Q7747"])
    assert again == first
    assert len(httpserver.log) == 1
    assert (client.stats.requests_made, client.stats.served_from_cache) == (1, 1)
    # A new client (a new run) reads the same cache folder.
    rerun = WikidataClient(settings)
    assert rerun.get_entities(["Q159", "Q7747"]) == first
    assert len(httpserver.log) == 1
    assert rerun.stats.requests_made == 0


def test_cache_can_be_turned_off(httpserver: HTTPServer, settings: Settings) -> None:
    httpserver.expect_request(API).respond_with_handler(answer_entities)
    client = WikidataClient(settings, cache=False)
    client.get_entities(["Q159"])
    client.get_entities(["Q159"])
    assert len(httpserver.log) == 2
    assert not Path(settings.cache_dir).exists()


def test_clear_cache_forgets_only_old_answers(httpserver: HTTPServer, settings: Settings) -> None:
    httpserver.expect_request(API).respond_with_handler(answer_entities)
    now = [1_750_000_000.0]
    client = WikidataClient(settings, clock=lambda: now[0])
    client.get_entities(["Q159"])
    now[0] += dt.timedelta(days=10).total_seconds()
    client.get_entities(["Q7747"])
    now[0] += dt.timedelta(days=1).total_seconds()
    assert client.clear_cache(older_than=dt.timedelta(days=5)) == 1
    client.get_entities(["Q159"])
    client.get_entities(["Q7747"])
    assert len(httpserver.log) == 3  # Q159 asked again, Q7747 still cached
    assert client.clear_cache() == 2


def test_select_posts_the_query_and_parses_json_results(
    httpserver: HTTPServer, client: WikidataClient
) -> None:
    query = ("SELECT ?state ?sitelinks WHERE "
             "{ ?state <http://wikiba.se/ontology#sitelinks> ?sitelinks }")
    httpserver.expect_request("/sparql", method="POST").respond_with_response(
        sparql_json("states"))
    rows = client.select(query)
    assert {"state": "http://www.wikidata.org/entity/Q159", "sitelinks": "331"} in rows
    assert len(rows) == 5
    (request, _), = httpserver.log
    assert request.form["query"] == query
    assert request.headers["User-Agent"] == UA
    assert "application/sparql-results+json" in request.headers["Accept"]
    assert client.select(query) == rows
    assert len(httpserver.log) == 1


def test_select_leaves_unbound_variables_out(
    httpserver: HTTPServer, client: WikidataClient
) -> None:
    httpserver.expect_request("/sparql", method="POST").respond_with_response(
        sparql_json("heads"))
    rows = client.select("SELECT * WHERE { ?s ?p ?o }")
    premier = [r for r in rows if r["office"].endswith("/Q7240364")]
    assert premier == [{"state": "http://www.wikidata.org/entity/Q423",
                        "role": "head_of_government",
                        "office": "http://www.wikidata.org/entity/Q7240364"}]


def test_select_429_honours_retry_after(
    httpserver: HTTPServer, client: WikidataClient, sleeps: list[float]
) -> None:
    httpserver.expect_oneshot_request("/sparql").respond_with_data(
        "Rate limit exceeded", status=429, headers={"Retry-After": "2"})
    httpserver.expect_request("/sparql").respond_with_response(sparql_json("capitals"))
    assert len(client.select("SELECT * WHERE { ?s ?p ?o }")) == 5
    assert sleeps == [2.0]


def test_select_five_503_raise(
    httpserver: HTTPServer, client: WikidataClient, sleeps: list[float]
) -> None:
    httpserver.expect_request("/sparql").respond_with_data("busy", status=503)
    with pytest.raises(WikidataError, match="5 attempts"):
        client.select("SELECT * WHERE { ?s ?p ?o }")
    assert len(httpserver.log) == 5
    assert sleeps == [1.0, 2.0, 4.0, 8.0]


def test_select_bad_query_is_not_retried(
    httpserver: HTTPServer, client: WikidataClient, sleeps: list[float]
) -> None:
    httpserver.expect_request("/sparql").respond_with_data(
        "MalformedQueryException: Encountered \" \"}\" ", status=400)
    with pytest.raises(WikidataError, match="MalformedQueryException"):
        client.select("SELECT * WHERE { ?s ?p }")
    assert len(httpserver.log) == 1
    assert sleeps == []


def test_unreachable_server_is_retried_then_reported(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Settings(wikidata_url=f"http://127.0.0.1:{port}/sparql",
                        wikidata_api_url=f"http://127.0.0.1:{port}/w/api.php", user_agent=UA,
                        cache_dir=str(tmp_path / "cache"))
    sleeps: list[float] = []
    client = WikidataClient(settings, sleep=sleeps.append, max_attempts=2, timeout=2)
    with pytest.raises(WikidataError, match="2 attempts"):
        client.get_entities(["Q159"])
    with pytest.raises(WikidataError, match="2 attempts"):
        client.select("SELECT * WHERE { ?s ?p ?o }")
    assert sleeps == [1.0, 1.0]


def test_placeholder_user_agent_is_flagged(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    assert is_placeholder_user_agent(Settings().user_agent)
    assert not is_placeholder_user_agent(UA)
    with caplog.at_level(logging.WARNING, logger="kgload"):
        WikidataClient(Settings(cache_dir=str(tmp_path))).close()
    assert "placeholder" in caplog.text
    assert "KGLOAD_USER_AGENT" in caplog.text
