"""The network of who did what to whom: `KG.network`, `collapse`, GraphML export (issue 12)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from pyoxigraph import RdfFormat

from kgload.cli.main import main
from kgload.client import KG
from kgload.config import Settings
from kgload.errors import UsageError
from kgload.network import collapse

GOLDEN = Path(__file__).parent / "cases" / "golden_store.trig"


@pytest.fixture(scope="module")
def kg() -> Iterator[KG]:
    with KG.open("memory:", settings=Settings(store="memory:")) as graph:
        graph.store.load(GOLDEN, format=RdfFormat.TRIG)
        yield graph


def test_nodes_are_actors_with_ids_labels_and_kinds(kg: KG) -> None:
    graph = kg.network()
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.nodes["Q7747"] == {
        "label": "Vladimir Putin",
        "qid": "Q7747",
        "kind": "Person",
        "iri": "http://www.wikidata.org/entity/Q7747",
    }
    assert graph.nodes["Q159"]["kind"] == "State"
    assert "Q797" not in graph  # Alaska is a place of a meeting, not an actor in one


def test_edges_are_events(kg: KG) -> None:
    graph = kg.network()
    assert graph.number_of_edges() == 9  # every event of the golden store has two actors
    sanction = graph.edges["Q30", "Q159", "event/sanction-us-russia-2025-02"]
    assert sanction["type"] == "Sanction" and sanction["directed"] is True
    assert (sanction["date"], sanction["status"]) == ("2025-02", "Occurred")
    assert sanction["confidence"] == pytest.approx(0.9)
    # A peer event goes once, from the smaller ID to the larger, and says it is undirected.
    meeting = graph.edges["Q22686", "Q7747", "event/meeting-putin-trump-2025-08-15"]
    assert meeting["directed"] is False and meeting["status"] == "Planned"
    assert not graph.has_edge("Q7747", "Q22686")
    # Two events between North Korea and Russia stay two edges.
    assert graph.number_of_edges("Q423", "Q159") == 2


def test_filters(kg: KG) -> None:
    assert kg.network(type="meeting").number_of_edges() == 2
    assert kg.network(since="2025-08").number_of_edges() == 3
    assert kg.network(until="2024").number_of_edges() == 3
    assert set(kg.network(actor="Q7747").nodes) == {"Q7747", "Q22686", "Q56226"}
    assert kg.network(type="visit").number_of_nodes() == 0


def test_collapse_counts_events_per_pair(kg: KG) -> None:
    folded = collapse(kg.network())
    assert isinstance(folded, nx.DiGraph) and not folded.is_multigraph()
    pair = folded.edges["Q56226", "Q7747"]
    assert pair["count"] == 2
    assert pair["types"] == "Meeting; PhoneCall"
    assert (pair["first"], pair["last"]) == ("2024-06", "2025-08-12")
    assert folded.nodes["Q7747"]["label"] == "Vladimir Putin"


def test_missing_networkx_is_one_line(kg: KG, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(UsageError, match=r"kgload\[analysis\]"):
        kg.network()


def test_export_graphml_reads_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith("KGLOAD_"):
            monkeypatch.delenv(name)
    store = f"oxigraph:{tmp_path / 'kg'}"
    assert main(["load", str(GOLDEN), "--store", store]) == 0
    out = tmp_path / "events.graphml"
    assert main(["export", "--format", "graphml", "-o", str(out), "--store", store]) == 0
    assert f"exported the graph as graphml to {out}" in capsys.readouterr().err
    graph = nx.read_graphml(out)
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_nodes() == 8 and graph.number_of_edges() == 9
    assert graph.nodes["Q7747"]["label"] == "Vladimir Putin"
    edge = graph.edges["Q30", "Q159", "event/sanction-us-russia-2025-02"]
    assert edge["type"] == "Sanction" and edge["date"] == "2025-02"
    # To stdout too; and the RDF formats are as they were.
    assert main(["export", "--format", "graphml", "--store", store]) == 0
    assert capsys.readouterr().out.startswith("<?xml")
    assert main(["export", "--format", "nquads", "--store", store]) == 0
    assert "<http://www.wikidata.org/entity/Q7747>" in capsys.readouterr().out
