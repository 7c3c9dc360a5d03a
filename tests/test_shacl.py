"""SHACL validation: a document graph in the contract shape conforms, each kind of damage is
reported as a `shacl-violation` problem of the graph it is in."""

from __future__ import annotations

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import Graph

from kgload.errors import UsageError
from kgload.rdf.shacl import ALL_GRAPHS, PROBLEM_CODE, load_shapes, validate_graph

BASE = "https://w3id.org/kgload/id/"
DOC = f"{BASE}doc/a1b2c3"
KB = f"{BASE}graph/kb"

# An astral character (U+1F4DE) before the quote: offsets count code points, as Python and
# SPARQL do, so a writer that counted UTF-16 units would be caught.
BODY = (
    "\U0001f4de Moscou (12/08) — O presidente russo, Vladimir Putin, teve uma conversa telefônica "
    "com o líder norte-coreano, Kim Jong Un, nesta terça-feira, informou a agência KCNA."
)
QUOTE = "Vladimir Putin, teve uma conversa telefônica com o líder norte-coreano, Kim Jong Un"
START = BODY.index(QUOTE)
END = START + len(QUOTE)

PREFIXES = """\
@prefix kg: <https://w3id.org/kgload/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@base <https://w3id.org/kgload/id/> .
"""

GOOD = (
    PREFIXES
    + f"""
GRAPH <doc/a1b2c3> {{
  <doc/a1b2c3> a kg:Document ;
    dct:source <https://example.org/2025/08/12/putin-kim> ;
    dct:title "Putin conversa com Kim Jong Un" ;
    dct:issued "2025-08-12"^^xsd:date ;
    dct:language "pt" ;
    dct:publisher "Example News" ;
    kg:dateBucket "2025-08" ;
    kg:text "{BODY}" ;
    kg:mentions wd:Q7747 , wd:Q56226 , wd:Q18808 , <entity/choe-son-hui> .
  <event/9f8e7d> a kg:Event , kg:PhoneCall ;
    kg:participant wd:Q7747 , wd:Q56226 ;
    kg:agent wd:Q7747 ;
    kg:recipient wd:Q56226 ;
    kg:date "2025-08-12"^^xsd:date ;
    kg:dateBucket "2025-08" ;
    kg:typeDateBucket "PhoneCall 2025-08" ;
    kg:idBucket "9f8" ;
    kg:participantDateBucket "http://www.wikidata.org/entity/Q7747 2025-08" ,
        "http://www.wikidata.org/entity/Q56226 2025-08" ;
    kg:place wd:Q649 ;
    kg:status kg:Occurred ;
    kg:personnel 10000 ;
    kg:personnelBound kg:AtLeast ;
    kg:reportedBy wd:Q18808 ;
    kg:confidence "0.8"^^xsd:decimal ;
    kg:trigger "conversa telefônica" ;
    prov:wasDerivedFrom <doc/a1b2c3> ;
    kg:evidence <evidence/a1b2c3/{START}-{END}> .
  <evidence/a1b2c3/{START}-{END}> a kg:Evidence ;
    kg:quote "{QUOTE}" ;
    kg:start {START} ;
    kg:end {END} ;
    prov:wasDerivedFrom <doc/a1b2c3> .
  <entity/choe-son-hui> a kg:Person , kg:Actor ;
    rdfs:label "Choe Son Hui"@pt .
}}
GRAPH <graph/kb> {{
  wd:Q7747 a kg:Person , kg:Actor ;
    rdfs:label "Vladimir Putin"@en , "Vladimir Putin"@pt .
}}
"""
)


def damaged(old: str, new: str) -> str:
    assert GOOD.count(old) == 1, f"fixture text not found once: {old!r}"
    return GOOD.replace(old, new)


def test_shapes_are_valid_shacl() -> None:
    conforms, _graph, text = validate(Graph(), shacl_graph=load_shapes(), meta_shacl=True)
    assert conforms, text


def test_contract_document_conforms() -> None:
    report = validate_graph(GOOD)
    assert report.problems == ()
    assert report.conforms
    assert report.ok
    assert report.graphs == 2


def test_quads_and_nquads_give_the_same_answer() -> None:
    quads = list(pyoxigraph.parse(GOOD, format=pyoxigraph.RdfFormat.TRIG))
    assert validate_graph(quads).conforms
    broken = list(
        pyoxigraph.parse(damaged("kg:status kg:Occurred", ""), format=pyoxigraph.RdfFormat.TRIG)
    )
    nquads = pyoxigraph.serialize(broken, format=pyoxigraph.RdfFormat.N_QUADS)
    assert nquads is not None
    from_text = validate_graph(nquads.decode())
    from_quads = validate_graph(broken)
    assert not from_quads.conforms
    assert from_text == from_quads


DAMAGE = {
    "wrong quote for offsets": (f"kg:start {START} ;", f"kg:start {START + 1} ;", "kg:quote"),
    "utf-16 offsets": (
        f"kg:start {START} ;\n    kg:end {END} ;",
        f"kg:start {START + 1} ;\n    kg:end {END + 1} ;",
        "kg:quote",
    ),
    "missing participant": (
        "kg:participant wd:Q7747 , wd:Q56226 ;\n    kg:agent wd:Q7747 ;\n"
        "    kg:recipient wd:Q56226 ;",
        "",
        "kg:participant",
    ),
    "gYear date typed xsd:string": (
        'kg:date "2025-08-12"^^xsd:date',
        'kg:date "2025"^^xsd:string',
        "kg:date",
    ),
    "ill-formed gYear": (
        'kg:date "2025-08-12"^^xsd:date',
        'kg:date "2025-08"^^xsd:gYear',
        "kg:date",
    ),
    "negative personnel": ("kg:personnel 10000", "kg:personnel -10000", "kg:personnel"),
    "two statuses": ("kg:status kg:Occurred", "kg:status kg:Occurred , kg:Denied", "kg:status"),
    "unknown status": ("kg:status kg:Occurred", "kg:status kg:Rumoured", "kg:status"),
    "confidence 1.5": ('"0.8"^^xsd:decimal', '"1.5"^^xsd:decimal', "kg:confidence"),
    "no evidence": (f"    kg:evidence <evidence/a1b2c3/{START}-{END}> .", "    .", "kg:evidence"),
    "no event subclass": ("a kg:Event , kg:PhoneCall", "a kg:Event", "rdf:type"),
    "no kg:Event type": ("a kg:Event , kg:PhoneCall", "a kg:PhoneCall", "rdf:type"),
    "agent not a participant": ("kg:agent wd:Q7747", "kg:agent wd:Q159", "kg:agent"),
    "start after end": (
        f"kg:start {START} ;\n    kg:end {END} ;",
        f"kg:start {END} ;\n    kg:end {START} ;",
        "kg:start",
    ),
    "document without text": (f'kg:text "{BODY}" ;', "", "kg:text"),
    "evidence without document": (
        f"kg:end {END} ;\n    prov:wasDerivedFrom <doc/a1b2c3> .",
        f"kg:end {END} .",
        "prov:wasDerivedFrom",
    ),
    "mention outside Wikidata and the base": (
        "wd:Q18808 , <entity/choe-son-hui> .",
        "wd:Q18808 , <https://example.org/choe> .",
        "kg:mentions",
    ),
    "bound without personnel": ("kg:personnel 10000 ;", "", "kg:personnelBound"),
    # issue 11: kg:dateBucket must agree with the date it cuts, or pages would skip events.
    "event bucket of another month": (
        'kg:date "2025-08-12"^^xsd:date ;\n    kg:dateBucket "2025-08"',
        'kg:date "2025-08-12"^^xsd:date ;\n    kg:dateBucket "2025-07"',
        "kg:dateBucket",
    ),
    "dated event without a bucket": (
        'kg:date "2025-08-12"^^xsd:date ;\n    kg:dateBucket "2025-08" ;',
        'kg:date "2025-08-12"^^xsd:date ;',
        "kg:dateBucket",
    ),
    # ontology 0.3.0: kg:typeDateBucket repeats the type and the bucket, or a type's page
    # would skip the event.
    "type bucket of another type": (
        'kg:typeDateBucket "PhoneCall 2025-08"', 'kg:typeDateBucket "Meeting 2025-08"',
        "kg:typeDateBucket",
    ),
    "type bucket of another month": (
        'kg:typeDateBucket "PhoneCall 2025-08"', 'kg:typeDateBucket "PhoneCall 2025-07"',
        "kg:typeDateBucket",
    ),
    "bucketed event without a type bucket": (
        'kg:typeDateBucket "PhoneCall 2025-08" ;', "", "kg:typeDateBucket",
    ),
    "type bucket without a date": (
        'kg:date "2025-08-12"^^xsd:date ;\n    kg:dateBucket "2025-08" ;', "",
        "kg:typeDateBucket",
    ),
    # ontology 0.4.0: kg:idBucket repeats the start of the IRI's digest, or a page in IRI order
    # would skip the event.
    "id bucket of another event": ('kg:idBucket "9f8"', 'kg:idBucket "9f7"', "kg:idBucket"),
    "event without an id bucket": ('kg:idBucket "9f8" ;', "", "kg:idBucket"),
    "two id buckets": ('kg:idBucket "9f8"', 'kg:idBucket "9f8" , "9f"', "kg:idBucket"),
    # ontology 0.5.0: kg:participantDateBucket repeats each participant and the bucket, or the
    # participant's timeline would skip the event.
    "participant bucket of another month": (
        '"http://www.wikidata.org/entity/Q7747 2025-08"',
        '"http://www.wikidata.org/entity/Q7747 2025-07"', "kg:participantDateBucket",
    ),
    "participant bucket missing": (
        '"http://www.wikidata.org/entity/Q7747 2025-08" ,\n        ', "",
        "kg:participantDateBucket",
    ),
    "participant bucket of no participant": (
        '"http://www.wikidata.org/entity/Q56226 2025-08" ;',
        '"http://www.wikidata.org/entity/Q56226 2025-08" , '
        '"http://www.wikidata.org/entity/Q159 2025-08" ;',
        "kg:participantDateBucket",
    ),
    "document bucket cut to the day": (
        'dct:publisher "Example News" ;\n    kg:dateBucket "2025-08"',
        'dct:publisher "Example News" ;\n    kg:dateBucket "2025-08-12"',
        "kg:dateBucket",
    ),
    "issued document without a bucket": (
        'dct:publisher "Example News" ;\n    kg:dateBucket "2025-08" ;',
        'dct:publisher "Example News" ;',
        "kg:dateBucket",
    ),
    "issued as a plain string": (
        '"2025-08-12"^^xsd:date ;\n    dct:language',
        '"12/08/2025" ;\n    dct:language',
        "dcterms:issued",
    ),
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damage_is_reported(case: str) -> None:
    old, new, path = DAMAGE[case]
    report = validate_graph(damaged(old, new))
    assert not report.conforms
    assert report.problems
    assert {p.code for p in report.problems} == {PROBLEM_CODE}
    assert {p.source for p in report.problems} == {DOC}
    assert any(f" {path}: " in p.message for p in report.problems), report.problems


def test_bad_entity_iri_is_reported() -> None:
    report = validate_graph(
        damaged("wd:Q7747 a kg:Person , kg:Actor ;", "<https://example.org/putin> a kg:Person ;")
    )
    assert [p.source for p in report.problems] == [KB]
    assert report.problems[0].message.startswith("<https://example.org/putin>: ")


def test_message_names_focus_path_and_value() -> None:
    report = validate_graph(damaged('"0.8"^^xsd:decimal', '"1.5"^^xsd:decimal'))
    (problem,) = report.problems
    assert problem.message == (
        f"<{BASE}event/9f8e7d> kg:confidence: kg:confidence is at most one xsd:decimal "
        'between 0 and 1 (value "1.5"^^xsd:decimal)'
    )


def test_counts_are_per_document_graph() -> None:
    """One event, two articles, two statuses: fine per graph, a violation in the union."""
    second = (
        GOOD.replace("a1b2c3", "d4e5f6")
        .replace("kg:status kg:Occurred", "kg:status kg:Denied")
        .split("GRAPH <graph/kb>")[0]
        .replace(PREFIXES, "")
    )
    text = GOOD + second
    assert validate_graph(text).conforms
    union = validate_graph(text, per_graph=False)
    assert not union.conforms
    assert union.graphs == 1
    assert {p.source for p in union.problems} == {ALL_GRAPHS}
    assert any(" kg:status: " in p.message for p in union.problems)


def test_unparseable_text_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="cannot parse"):
        validate_graph("GRAPH <x> { this is not rdf }")


def test_empty_input_conforms() -> None:
    report = validate_graph([])
    assert report.conforms
    assert report.graphs == 0
