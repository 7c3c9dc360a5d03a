"""Your own SPARQL: `kgload sparql` and `KG.sparql` with the union of kgload's graphs as the
default graph, the named-graph view, on memory, Oxigraph on disk and Virtuoso."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from kgload.cli.main import main
from kgload.client import KG
from kgload.config import Settings
from kgload.errors import QueryError
from kgload.sparql import query_form
from kgload.stores.base import Store, open_store

GOLDEN = Path(__file__).parent / "cases" / "golden_store.trig"
KGNS = "PREFIX kg: <https://w3id.org/kgload/ontology#>\n"
MEETINGS = KGNS + "SELECT ?event ?date WHERE { ?event a kg:Meeting ; kg:date ?date } ORDER BY ?date"
# Facts of two graphs joined without GRAPH: a document's event and the KB's label.
LABELLED = (
    KGNS + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "SELECT DISTINCT ?name WHERE { ?e a kg:PhoneCall ; kg:participant ?p . "
    '?p rdfs:label ?name FILTER(LANG(?name) = "en") } ORDER BY ?name'
)
NAMED = KGNS + (
    "SELECT ?event ?g WHERE { GRAPH ?g { ?event a kg:Meeting } "
    'FILTER(STRSTARTS(STR(?g), "https://w3id.org/kgload/id/")) } ORDER BY ?g ?event'
)


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"oxigraph:{tmp_path_factory.mktemp('sparql') / 'kg'}"
    assert main(["load", str(GOLDEN), "--store", url]) == 0
    yield url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_query_without_graph_blocks_sees_the_documents(
    store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "sparql", MEETINGS, "--store", store_url, "--format", "json")
    assert code == 0
    assert json.loads(out) == [
        {"event": "event/meeting-putin-kim-2024-06", "date": "2024-06"},
        {"event": "event/meeting-putin-trump-2025-08-15", "date": "2025-08-15"},
    ]
    assert err.strip() == "2 rows"
    code, out, _ = run(capsys, "sparql", LABELLED, "--store", store_url, "--format", "csv")
    assert out.splitlines() == ["name", "Kim Jong Un", "Vladimir Putin"]


def test_the_named_graph_view(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "sparql", MEETINGS, "--store", store_url, "--named-graphs",
                         "--format", "csv")
    assert (code, out.splitlines(), err.strip()) == (0, ["event,date"], "0 rows")
    code, out, _ = run(capsys, "sparql", NAMED, "--store", store_url, "--named-graphs",
                       "--format", "csv")
    assert out.splitlines()[1:] == [
        "event/meeting-putin-kim-2024-06,doc/b2", "event/meeting-putin-trump-2025-08-15,doc/b2"
    ]


def test_foreign_graphs_stay_out_of_the_union(
    store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The golden store holds a phone call in a graph outside kgload's base. (The union keeps a
    triple once per graph that holds it, as Oxigraph does: DISTINCT gives each event once.)"""
    query = KGNS + "SELECT DISTINCT ?e WHERE { ?e a kg:PhoneCall }"
    code, out, _ = run(capsys, "sparql", query, "--store", store_url, "--format", "ndjson")
    assert code == 0
    assert [json.loads(line)["e"] for line in out.splitlines()] == [
        "event/phonecall-putin-kim-2025-08-12"
    ]


def test_ask_file_and_stdin(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ask = KGNS + "ASK { ?e a kg:Attack }"
    assert run(capsys, "sparql", ask, "--store", store_url)[:2] == (0, "true\n")
    assert run(capsys, "sparql", ask, "--store", store_url, "--named-graphs")[:2] == (
        0, "false\n"
    )
    code, out, _ = run(capsys, "sparql", ask, "--store", store_url, "--format", "json")
    assert json.loads(out) == [{"answer": True}]
    path = tmp_path / "meetings.rq"
    path.write_text("# my query\n" + MEETINGS, encoding="utf-8")
    code, out, _ = run(capsys, "sparql", f"@{path}", "--store", store_url, "--columns", "date",
                       "--format", "csv")
    assert out.splitlines() == ["date", "2024-06", "2025-08-15"]
    monkeypatch.setattr("sys.stdin", io.StringIO(MEETINGS))
    code, out, _ = run(capsys, "sparql", "-", "--store", store_url, "--format", "csv")
    assert code == 0
    assert len(out.splitlines()) == 3


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "not CONSTRUCT (use kgload export"),
        ("DELETE WHERE { ?s ?p ?o }", "not DELETE (it never changes the store)"),
        ("INSERT DATA { <a:b> <a:c> <a:d> }", "not INSERT"),
        ("SELECT * WHERE { ?s ?p }", "invalid SPARQL"),
        ("   ", "empty query"),
        ("@does-not-exist.rq", "does-not-exist.rq: no such query file"),
    ],
)
def test_refusals_are_one_line(
    store_url: str, capsys: pytest.CaptureFixture[str], query: str, message: str
) -> None:
    code, out, err = run(capsys, "sparql", query, "--store", store_url)
    assert code == 2 and out == ""
    assert err.startswith("kgload: error: ") and message in err
    assert len(err.strip().splitlines()) == 1


def test_a_missing_store_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "sparql", MEETINGS, "--store", f"oxigraph:{tmp_path / 'typo'}")
    assert code == 2 and "does not exist" in err
    assert not (tmp_path / "typo").exists()


def test_query_form_reads_past_prologue_and_comments() -> None:
    assert query_form("# SELECT\nPREFIX a: <http://x/ASK>\n  ask {}") == "ASK"
    assert query_form('select ("CONSTRUCT" AS ?x) {}') == "SELECT"
    with pytest.raises(QueryError):
        query_form("# nothing")


# -- KG.sparql on every store -------------------------------------------------------------------

BACKENDS = ["memory", "oxigraph", pytest.param("virtuoso", marks=pytest.mark.virtuoso)]


@pytest.fixture(params=BACKENDS)
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "virtuoso":
        store: Store = request.getfixturevalue("virtuoso_store")
        store.load(GOLDEN, format=RdfFormat.TRIG)
        yield store
        return
    url = "memory:" if request.param == "memory" else f"oxigraph:{tmp_path / 'kg'}"
    store = open_store(url)
    store.load(GOLDEN, format=RdfFormat.TRIG)
    yield store
    store.close()


def test_kg_sparql_uses_the_union_by_default(any_store: Store) -> None:
    kg = KG(any_store, Settings())
    result = kg.sparql(MEETINGS)
    assert [row[1].value for row in result.rows if row[1] is not None] == [
        "2024-06", "2025-08-15"
    ]
    labels = [row[0].value for row in kg.sparql(LABELLED).rows if row[0]]
    # Virtuoso's default graph is the union of all its graphs, the golden store's foreign one
    # (a call with the United States) included; on Oxigraph it is kgload's graphs only.
    foreign = ["United States"] if any_store.url.startswith("http") else []
    assert labels == sorted(["Kim Jong Un", "Vladimir Putin", *foreign])
    named = kg.sparql(NAMED, named_graphs=True)
    assert len(named.rows) == 2


def test_kg_sparql_named_graphs_on_oxigraph(tmp_path: Path) -> None:
    with KG.open(f"oxigraph:{tmp_path / 'kg'}", settings=Settings()) as kg:
        kg.store.load(GOLDEN, format=RdfFormat.TRIG)
        assert kg.sparql(MEETINGS, named_graphs=True).rows == ()
        assert len(kg.sparql(MEETINGS).rows) == 2
