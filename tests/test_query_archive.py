"""The query benchmark's generated archive has the shape of real ingest output."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph

from bench.synth import archive_nquads
from kgload.rdf.shacl import validate_graph

EXAMPLE_PREDICATES = {  # what `make demo` writes into document graphs
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/ns/prov#wasDerivedFrom", "http://purl.org/dc/terms/source",
    "http://purl.org/dc/terms/title", "http://purl.org/dc/terms/issued",
    "http://purl.org/dc/terms/publisher", "http://purl.org/dc/terms/language",
} | {f"https://w3id.org/kgload/ontology#{name}" for name in (
    "mentions", "participant", "agent", "recipient", "start", "end", "quote", "evidence",
    "trigger", "status", "confidence", "date", "reportedBy", "text", "place", "personnel",
    "personnelBound", "dateBucket", "typeDateBucket", "idBucket", "participantDateBucket")}


def test_the_archive_conforms_to_the_shapes_and_uses_the_writers_predicates(
    tmp_path: Path,
) -> None:
    path = archive_nquads(40, seed=3, directory=tmp_path)
    text = path.read_text(encoding="utf-8")
    report = validate_graph(text, format=pyoxigraph.RdfFormat.N_QUADS)
    assert report.conforms, [str(p) for p in report.problems][:5]
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS))
    assert {q.predicate.value for q in quads} == EXAMPLE_PREDICATES
    graphs = {q.graph_name.value for q in quads}
    assert "https://w3id.org/kgload/id/graph/kb" in graphs
    assert len(graphs) == 41  # one per document, and the KB graph
    graphs_of_event: dict[str, set[str]] = {}
    for q in quads:
        if q.object.value == "https://w3id.org/kgload/ontology#Event":
            graphs_of_event.setdefault(q.subject.value, set()).add(q.graph_name.value)
    # some events are retold by several documents, as real ones are (one event IRI, two graphs)
    assert any(len(found) > 1 for found in graphs_of_event.values())
