"""`kgload serve` (issue 12): the SPARQL endpoint with real clients, and the pages.

The server is real (uvicorn on a free loopback port) over a real on-disk Oxigraph store made
from three example articles and opened read-only, as `kgload serve` opens it.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from serving import clean_env, serve_in_thread
from SPARQLWrapper import JSON, XML, SPARQLWrapper

from kgload.cli.main import main
from kgload.cli.render import result_rows
from kgload.client import KG
from kgload.config import Settings
from kgload.queries import load_saved_queries
from kgload.serve.app import ServeOptions, create_app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ARTICLES = [
    EXAMPLES / "11-pt-putin-kim-telefonema-alasca-trump-2025-08-14.txt",
    EXAMPLES / "04-pt-ue-reino-unido-sancoes-russia-2025-05-20.txt",
    EXAMPLES / "05-en-readout-camp-david-trilateral-summit-2023-08-18.txt",
]
KG_NS = "https://w3id.org/kgload/ontology#"
COUNT_EVENTS = f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{KG_NS}Event> }}"
ALL_EVENTS = f"SELECT DISTINCT ?e WHERE {{ ?e a <{KG_NS}Event> }}"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "kg"
    with KG.open(f"oxigraph:{path}", settings=Settings()) as kg:
        report = kg.ingest(ARTICLES)
        assert report.ok and report.documents == 3
    return path


@pytest.fixture(scope="module")
def kg(store_path: Path) -> Iterator[KG]:
    with KG.open(f"oxigraph:{store_path}", settings=Settings(), read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def url(kg: KG) -> Iterator[str]:
    with serve_in_thread(create_app(kg.store, kg.settings, ServeOptions())) as base:
        yield base


# Our own opener, not urllib's global one: SPARQLWrapper installs a process-wide opener with a
# digest handler when a test before this one used a digest-protected Virtuoso, and that handler
# raises on the `WWW-Authenticate: Bearer` challenge these tests expect.
_OPENER = urllib.request.build_opener()


def _get(url: str, *, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with _OPENER.open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def _post(
    url: str, body: bytes, content_type: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": content_type, **(headers or {})}
    )
    try:
        with _OPENER.open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def _sparql_url(base: str, query: str, **extra: str) -> str:
    return base + "/sparql?" + urllib.parse.urlencode({"query": query, **extra})


def _event_count(kg: KG) -> int:
    rows = kg.store.select(
        f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH ?g {{ ?e a <{KG_NS}Event> }} }}"
    )
    count = rows.rows[0][0]
    assert count is not None
    return int(count.value)


# -- SPARQL clients -----------------------------------------------------------------------------


def test_sparqlwrapper_select_and_ask(url: str, kg: KG) -> None:
    client = SPARQLWrapper(url + "/sparql")
    client.setQuery(COUNT_EVENTS)
    client.setReturnFormat(JSON)
    result = client.query().convert()
    # No GRAPH block: the default graph is the union of the document graphs.
    assert int(result["results"]["bindings"][0]["n"]["value"]) == _event_count(kg) > 0
    client.setQuery(f"ASK {{ ?e a <{KG_NS}PhoneCall> }}")
    assert client.query().convert()["boolean"] is True
    client.setQuery(f"ASK {{ ?e a <{KG_NS}NoSuchClass> }}")
    assert client.query().convert()["boolean"] is False


def test_sparqlwrapper_post_and_xml(url: str, kg: KG) -> None:
    client = SPARQLWrapper(url + "/sparql")
    client.setMethod("POST")
    client.setQuery(ALL_EVENTS)
    client.setReturnFormat(XML)
    document = client.query().convert()
    assert len(document.getElementsByTagName("result")) == _event_count(kg)


def test_rdflib_sparqlstore_select_and_ask(url: str, kg: KG) -> None:
    graph = rdflib.Graph(store=SPARQLStore(url + "/sparql"))
    rows = list(graph.query(ALL_EVENTS))
    assert len(rows) == _event_count(kg)
    assert all(isinstance(row[0], rdflib.URIRef) for row in rows)  # type: ignore[index]
    assert graph.query(f"ASK {{ ?e a <{KG_NS}Meeting> }}").askAnswer is True
    # Literals keep their language tags and datatypes through the XML results.
    labels = list(graph.query(
        'SELECT ?l WHERE { <http://www.wikidata.org/entity/Q7747> '
        '<http://www.w3.org/2000/01/rdf-schema#label> ?l }'
    ))  # fmt: skip
    assert any(row[0].language for row in labels)  # type: ignore[index]


def test_form_post_csv_tsv_and_construct(url: str, kg: KG) -> None:
    body = urllib.parse.urlencode({"query": ALL_EVENTS}).encode()
    status, headers, data = _post(
        url + "/sparql", body, "application/x-www-form-urlencoded", {"Accept": "text/csv"}
    )
    assert status == 200 and headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(data.decode())))
    assert rows[0] == ["e"] and len(rows) - 1 == _event_count(kg)
    status, headers, data = _get(
        _sparql_url(url, ALL_EVENTS), headers={"Accept": "text/tab-separated-values"}
    )
    assert status == 200 and data.decode().splitlines()[0] == "?e"
    assert data.decode().splitlines()[1].startswith("<https://")
    construct = f"CONSTRUCT {{ ?e a <{KG_NS}PhoneCall> }} WHERE {{ ?e a <{KG_NS}PhoneCall> }}"
    for accept, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt")):
        status, headers, data = _get(_sparql_url(url, construct), headers={"Accept": accept})
        assert status == 200 and headers["content-type"].startswith(accept)
        assert len(rdflib.Graph().parse(data=data.decode(), format=fmt)) >= 2


def test_format_parameter_and_not_acceptable(url: str) -> None:
    status, headers, _ = _get(_sparql_url(url, ALL_EVENTS, format="csv"))
    assert status == 200 and headers["content-type"].startswith("text/csv")
    status, _, data = _get(_sparql_url(url, ALL_EVENTS), headers={"Accept": "image/png"})
    assert status == 406 and b"offered" in data


def test_bad_query_is_400_with_the_parsers_message(url: str) -> None:
    status, headers, data = _get(_sparql_url(url, "SELEC ?x WHERE { ?x ?p ?o }"))
    assert status == 400 and headers["access-control-allow-origin"] == "*"
    assert data.decode().startswith("invalid SPARQL:") and "1:" in data.decode()
    status, _, data = _get(url + "/sparql")
    assert status == 400 and b"no query" in data


def test_row_cap_is_reported_never_silent(kg: KG) -> None:
    total = _event_count(kg)
    with serve_in_thread(create_app(kg.store, kg.settings, ServeOptions(max_rows=5))) as base:
        status, headers, data = _get(
            _sparql_url(base, ALL_EVENTS), headers={"Accept": "application/sparql-results+json"}
        )
        status_csv, headers_csv, data_csv = _get(_sparql_url(base, ALL_EVENTS, format="csv"))
    assert status == 200
    assert headers["x-kgload-truncated"] == f"5 of {total} rows"
    document = json.loads(data)
    assert len(document["results"]["bindings"]) == 5
    assert document["kgload"] == {
        "truncated": True, "returned": 5, "total": total, "total_exact": True,
        "message": f"row cap (--max-rows): 5 of {total} rows",
    }  # fmt: skip
    assert status_csv == 200 and headers_csv["x-kgload-truncated"] == f"5 of {total} rows"
    assert len(data_csv.decode().splitlines()) == 6
    # Under the cap: no header, no note.
    with serve_in_thread(create_app(kg.store, kg.settings, ServeOptions())) as base:
        _, headers, data = _get(_sparql_url(base, ALL_EVENTS, format="json"))
    assert "x-kgload-truncated" not in headers and "kgload" not in json.loads(data)


def test_updates_refused_without_allow_update(url: str, kg: KG) -> None:
    before = _event_count(kg)
    update = f"DELETE WHERE {{ GRAPH ?g {{ ?e a <{KG_NS}Event> }} }}"
    status, _, data = _post(url + "/sparql", update.encode(), "application/sparql-update")
    assert status == 403 and b"read-only" in data and b"--allow-update" in data
    body = urllib.parse.urlencode({"update": update}).encode()
    status, _, _ = _post(
        url + "/sparql", body, "application/x-www-form-urlencoded",
        {"Authorization": "Bearer anything"},
    )  # fmt: skip
    assert status == 403
    assert _event_count(kg) == before


def test_updates_with_allow_update_need_the_right_token(tmp_path: Path) -> None:
    insert = (
        "INSERT DATA { GRAPH <https://w3id.org/kgload/id/doc/manual> "
        "{ <https://example.org/x> a <https://example.org/T> } }"
    )
    ask = "ASK { <https://example.org/x> a <https://example.org/T> }"
    options = ServeOptions(allow_update=True, token="s3cret")
    with KG.open(f"oxigraph:{tmp_path / 'kg'}", settings=Settings()) as kg, serve_in_thread(
        create_app(kg.store, kg.settings, options)
    ) as base:
        status, headers, _ = _post(base + "/sparql", insert.encode(), "application/sparql-update")
        assert status == 401 and headers["www-authenticate"].startswith("Bearer")
        status, _, data = _post(
            base + "/sparql", insert.encode(), "application/sparql-update",
            {"Authorization": "Bearer wrong"},
        )  # fmt: skip
        assert status == 403 and b"wrong token" in data
        assert kg.store.ask(ask.replace("ASK {", "ASK { GRAPH ?g {") + "}") is False
        status, _, _ = _post(
            base + "/sparql", insert.encode(), "application/sparql-update",
            {"Authorization": "Bearer s3cret"},
        )  # fmt: skip
        assert status == 204
        status, _, data = _get(_sparql_url(base, ask, format="json"))
        assert json.loads(data)["boolean"] is True


def test_allow_update_without_token_is_a_usage_error() -> None:
    with pytest.raises(ValueError, match="--token"):
        ServeOptions(allow_update=True)


def test_cors_preflight_for_browser_clients(url: str) -> None:
    request = urllib.request.Request(url + "/sparql", method="OPTIONS")
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 204
        assert response.headers["access-control-allow-origin"] == "*"


# -- pages --------------------------------------------------------------------------------------


def _page(url: str) -> str:
    status, headers, data = _get(url, headers={"Accept": "text/html"})
    assert status == 200, data[:500]
    assert headers["content-type"].startswith("text/html")
    return data.decode()


def test_search_finds_putin(url: str) -> None:
    html = _page(url + "/?q=putin")
    assert "Vladimir Putin" in html and "/actor?id=Q7747" in html
    assert "No actor" in _page(url + "/?q=nobody-by-this-name")


def test_timeline_shows_the_call_and_the_planned_meeting_with_quotes(url: str) -> None:
    html = _page(url + "/actor?id=Q7747")
    assert "2025-08-14" in html and "PhoneCall" in html and "Kim Jong Un" in html
    assert "2025-08-15" in html and "Planned" in html and "Donald Trump" in html
    assert "Putin vai se reunir com Donald Trump no Alasca" in html
    assert "conversou por telefone" in html
    assert 'href="https://example.org/2025/08/14/putin-kim-telefonema-alasca"' in html
    # Oldest first.
    assert html.index("2025-05-19") < html.index("2025-08-14") < html.index("2025-08-15")


def test_network_page_embeds_its_graph(url: str) -> None:
    html = _page(url + "/network?type=PhoneCall&since=2025-08-01")
    start = html.index('id="network-data">') + len('id="network-data">')
    data = json.loads(html[start : html.index("</script>", start)])
    assert {n["id"] for n in data["nodes"]} == {"Q7747", "Q56226"}
    assert data["edges"] == [{"source": "Q56226", "target": "Q7747", "type": "PhoneCall",
                              "events": 1, "first": "2025-08-14", "last": "2025-08-14"}]
    assert "/static/graph.js" in html
    status, _, data_js = _get(url + "/static/graph.js")
    assert status == 200 and b"force-directed" in data_js
    status, _, _ = _get(url + "/network?type=Nonsense", headers={"Accept": "text/html"})
    assert status == 400


def test_saved_query_pages_forms_and_csv(url: str, kg: KG) -> None:
    html = _page(url + "/queries")
    for name in load_saved_queries():
        assert f'href="/queries/{name}"' in html
    form = _page(url + "/queries/events_of_actor")
    assert 'name="actor"' in form and "Wikidata QID like Q7747" in form
    result = _page(url + "/queries/events_of_actor?run=1&actor=Q7747")
    assert 'id="results"' in result and "Putin vai se reunir" in result
    status, headers, data = _get(url + "/queries/events_of_actor.csv?actor=Q7747")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert "attachment" in headers["content-disposition"]
    columns, rows = result_rows(kg.query("events_of_actor", actor="Q7747"), base=kg.settings.base)
    table = list(csv.reader(io.StringIO(data.decode())))
    assert table[0] == columns and len(table) - 1 == len(rows)
    bad = _page(url + "/queries/events_of_actor?run=1&actor=Putin")
    assert 'class="error"' in bad and "QID" in bad


def test_errors_are_clear(url: str) -> None:
    status, _, data = _get(url + "/actor?id=not%20an%20id", headers={"Accept": "text/html"})
    assert status == 400 and b"neither a Wikidata QID" in data
    status, _, _ = _get(url + "/queries/no_such_query")
    assert status == 404


def test_other_host_names_are_refused_on_loopback(url: str) -> None:
    status, _, _ = _get(url + "/health", headers={"Host": "evil.example"})
    assert status == 400


# -- the command --------------------------------------------------------------------------------


def test_serve_without_the_extra_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    assert main(["serve", "--store", "memory:"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kgload: error: kgload serve needs the serve extra")
    assert "pip install 'kgload[serve]'" in err


def test_serve_refuses_a_missing_store_and_a_token_without_updates(tmp_path: Path) -> None:
    for args, message in (
        (["--store", f"oxigraph:{tmp_path / 'typo'}"], "does not exist"),
        (["--store", "memory:", "--token", "t"], "only for --allow-update"),
        (["--store", "memory:", "--allow-update"], "needs --token"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "kgload", "serve", "--port", "0", *args],
            cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=120,
            check=False,
        )  # fmt: skip
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith("kgload: error:") and message in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "typo").exists()


def test_serve_on_a_port_in_use_is_one_clear_line(tmp_path: Path) -> None:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = str(taken.getsockname()[1])
        done = subprocess.run(
            [sys.executable, "-m", "kgload", "serve", "--store", "memory:", "--port", port],
            cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=120,
            check=False,
        )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith(f"kgload: error: cannot listen on 127.0.0.1:{port}")
    assert len(done.stderr.strip().splitlines()) == 1


def test_timeout_is_503_and_a_cap_that_cannot_finish_counting_says_so(kg: KG) -> None:
    # A cross product far too large to stream in the time given (the rows are produced one by
    # one, so the deadline is checked between them).
    huge = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    options = ServeOptions(timeout=0.5, max_rows=None)
    with serve_in_thread(create_app(kg.store, kg.settings, options)) as base:
        status, _, data = _get(_sparql_url(base, huge, format="json"))
    assert status == 503 and b"--timeout" in data
    options = ServeOptions(timeout=0.5, max_rows=10)
    with serve_in_thread(create_app(kg.store, kg.settings, options)) as base:
        status, headers, data = _get(_sparql_url(base, huge, format="json"))
    assert status == 200
    assert headers["x-kgload-truncated"].startswith("10 of >= ")
    note = json.loads(data)["kgload"]
    assert note["total_exact"] is False and note["total"] > 10


def test_the_endpoint_has_a_form_for_browsers(url: str) -> None:
    html = _page(url + "/sparql")
    assert 'id="sparql-form"' in html and "X-Kgload-Truncated" in html


def test_pages_carry_a_content_security_policy_and_bad_bytes_are_400(url: str) -> None:
    _, headers, _ = _get(url + "/", headers={"Accept": "text/html"})
    assert "default-src 'self'" in headers["content-security-policy"]
    status, _, data = _post(url + "/sparql", b"SELECT \xff", "application/sparql-query")
    assert status == 400 and b"not UTF-8" in data
    status, _, _ = _post(url + "/sparql", b"query=%ff", "application/x-www-form-urlencoded")
    assert status == 400
    status, _, _ = _post(url + "/sparql", b"<q/>", "application/xml")
    assert status == 415


def test_triple_terms_serialise(url: str) -> None:
    query = 'SELECT ?t WHERE { BIND(<<( <http://a.example/s> <http://a.example/p> "o" )>> AS ?t) }'
    status, _, data = _get(_sparql_url(url, query, format="json"))
    assert status == 200
    term = json.loads(data)["results"]["bindings"][0]["t"]
    assert term["type"] == "triple" and term["value"]["object"]["value"] == "o"
    status, _, data = _get(_sparql_url(url, query, format="xml"))
    assert status == 200 and b"<triple><subject><uri>http://a.example/s</uri>" in data


@pytest.mark.virtuoso
def test_the_endpoint_over_a_virtuoso_store(virtuoso_store: object) -> None:
    from kgload.stores.sparql import SparqlStore

    assert isinstance(virtuoso_store, SparqlStore)
    remote = KG(virtuoso_store, Settings())
    assert remote.ingest(ARTICLES[:1]).ok
    total = _event_count(remote)
    options = ServeOptions(max_rows=2)
    with serve_in_thread(create_app(virtuoso_store, remote.settings, options)) as base:
        client = SPARQLWrapper(base + "/sparql")
        client.setQuery(f"ASK {{ ?e a <{KG_NS}PhoneCall> }}")
        client.setReturnFormat(JSON)
        assert client.query().convert()["boolean"] is True
        status, headers, data = _get(_sparql_url(base, ALL_EVENTS, format="json"))
        assert status == 200 and headers["x-kgload-truncated"] == f"2 of {total} rows"
        assert len(json.loads(data)["results"]["bindings"]) == 2
        html = _page(base + "/actor?id=Q7747")
        assert "Putin vai se reunir com Donald Trump no Alasca" in html
        status, _, data = _get(_sparql_url(base, "CONSTRUCT WHERE { ?s ?p ?o }"))
        assert status == 400 and b"SELECT and ASK" in data
