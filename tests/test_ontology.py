"""The ontology keeps the contract of DESIGN.md, documents itself in two languages, and the
generated vocabulary module cannot drift from it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kgload import vocab
from kgload.resources import ontology_path

ROOT = Path(__file__).resolve().parent.parent
GEN_VOCAB = ROOT / "scripts" / "gen_vocab.py"

KG = "https://w3id.org/kgload/ontology#"
ONTOLOGY = URIRef("https://w3id.org/kgload/ontology")
PLOVER = URIRef("https://w3id.org/kgload/plover")
CAMEO = URIRef("https://w3id.org/kgload/cameo")
VANN_PREFIX = URIRef("http://purl.org/vocab/vann/preferredNamespacePrefix")

# The contract of DESIGN.md ("Output: the ontology contract"), copied here by hand on purpose:
# renaming a term in the ontology must break this test.
ACTOR_CLASSES = ["Person", "State", "Organization"]
EVENT_CLASSES = [
    "Meeting",
    "PhoneCall",
    "Visit",
    "Agreement",
    "Support",
    "MilitaryAid",
    "TroopDeployment",
    "Sanction",
    "Attack",
    "Condemnation",
]
CLASSES = ["Actor", *ACTOR_CLASSES, "Place", "Event", *EVENT_CLASSES, "Document", "Evidence"]
CLASSES += ["EventStatus", "PersonnelBound"]
STATUSES = ["Occurred", "Planned", "Speculative", "Denied"]
BOUNDS = ["AtLeast", "AtMost", "Approximately", "Exactly"]
OBJECT_PROPERTIES = [
    "participant",
    "agent",
    "recipient",
    "place",
    "status",
    "personnelBound",
    "reportedBy",
    "evidence",
    "mentions",
]
DATATYPE_PROPERTIES = [
    "date",
    "dateBucket",  # issue 11: newest-first pages read through the index
    "typeDateBucket",  # issue 11, 0.3.0: a page of one type read through the index
    "idBucket",  # issue 11, 0.4.0: a page in IRI order read through the index
    "participantDateBucket",  # issue 11, 0.5.0: an actor's timeline read through the index
    "personnel",
    "confidence",
    "quote",
    "start",
    "end",
    "text",
    "trigger",
    "method",
]
CONTRACT = CLASSES + STATUSES + BOUNDS + OBJECT_PROPERTIES + DATATYPE_PROPERTIES


def kg(name: str) -> URIRef:
    return URIRef(KG + name)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path("kgload.ttl"), format="turtle")


def kg_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(KG)}


def test_parses_with_pyoxigraph_too(onto: Graph) -> None:
    quads = list(
        pyoxigraph.parse(path=ontology_path("kgload.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    )
    assert len(quads) == len(onto)


def test_header(onto: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    version = onto.value(ONTOLOGY, OWL.versionInfo)
    assert version == Literal(vocab.ONTOLOGY_VERSION)
    assert onto.value(ONTOLOGY, OWL.versionIRI) == URIRef(f"{ONTOLOGY}/{version}")
    assert onto.value(ONTOLOGY, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert onto.value(ONTOLOGY, VANN_PREFIX) == Literal("kg")
    for predicate in (DCTERMS.title, DCTERMS.description):
        langs = {o.language for o in onto.objects(ONTOLOGY, predicate) if isinstance(o, Literal)}
        assert {"en", "pt"} <= langs, predicate


@pytest.mark.parametrize("name", CLASSES)
def test_contract_class_declared(onto: Graph, name: str) -> None:
    assert (kg(name), RDF.type, OWL.Class) in onto


@pytest.mark.parametrize("name", OBJECT_PROPERTIES)
def test_contract_object_property_declared(onto: Graph, name: str) -> None:
    assert (kg(name), RDF.type, OWL.ObjectProperty) in onto


@pytest.mark.parametrize("name", DATATYPE_PROPERTIES)
def test_contract_datatype_property_declared(onto: Graph, name: str) -> None:
    assert (kg(name), RDF.type, OWL.DatatypeProperty) in onto


def test_individuals(onto: Graph) -> None:
    for names, cls in ((STATUSES, "EventStatus"), (BOUNDS, "PersonnelBound")):
        for name in names:
            assert (kg(name), RDF.type, OWL.NamedIndividual) in onto
            assert (kg(name), RDF.type, kg(cls)) in onto


def test_hierarchy(onto: Graph) -> None:
    for name in ACTOR_CLASSES:
        assert (kg(name), RDFS.subClassOf, kg("Actor")) in onto
    assert (kg("Place"), RDFS.subClassOf, kg("Actor")) not in onto
    for name in EVENT_CLASSES:
        assert (kg(name), RDFS.subClassOf, kg("Event")) in onto
    for name in ("agent", "recipient"):
        assert (kg(name), RDFS.subPropertyOf, kg("participant")) in onto


def test_nothing_beyond_the_contract_is_declared(onto: Graph) -> None:
    """Additions are allowed by DESIGN.md, but they should be deliberate: extend CONTRACT."""
    assert {str(t)[len(KG) :] for t in kg_terms(onto)} == set(CONTRACT)


def test_every_term_is_documented_in_english_and_portuguese(onto: Graph) -> None:
    missing = []
    for term in sorted(kg_terms(onto)):
        for predicate in (RDFS.label, SKOS.definition):
            langs = {o.language for o in onto.objects(term, predicate) if isinstance(o, Literal)}
            missing += [f"{term} {predicate} @{lang}" for lang in ("en", "pt") if lang not in langs]
        if (term, RDFS.isDefinedBy, ONTOLOGY) not in onto:
            missing.append(f"{term} rdfs:isDefinedBy")
    assert not missing


def test_reused_terms_are_not_redefined(onto: Graph) -> None:
    foreign = [
        s
        for s in onto.subjects()
        if isinstance(s, URIRef)
        and str(s).startswith(
            ("http://www.w3.org/ns/prov#", str(DCTERMS), str(RDFS), str(RDF), str(SKOS))
        )
    ]
    assert foreign == []
    assert not list(onto.triples((None, OWL.sameAs, None)))


def _concepts(onto: Graph, scheme: URIRef) -> set[URIRef]:
    return {c for c in onto.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef)}


def test_alignment_schemes_are_declared(onto: Graph) -> None:
    for scheme in (PLOVER, CAMEO):
        assert (scheme, RDF.type, SKOS.ConceptScheme) in onto
        concepts = _concepts(onto, scheme)
        assert concepts
        for concept in concepts:
            assert (concept, RDF.type, SKOS.Concept) in onto
            assert onto.value(concept, SKOS.prefLabel) is not None
            assert onto.value(concept, SKOS.notation) is not None
    for concept in _concepts(onto, CAMEO):
        notation = str(onto.value(concept, SKOS.notation))
        assert str(concept).endswith("#" + notation)
        if len(notation) > 2:
            assert onto.value(concept, SKOS.broader) == URIRef(f"{CAMEO}#{notation[:2]}")
        else:
            assert (concept, SKOS.topConceptOf, CAMEO) in onto


@pytest.mark.parametrize("name", EVENT_CLASSES)
def test_event_class_aligned_to_plover_and_cameo(onto: Graph, name: str) -> None:
    matches = set(onto.objects(kg(name), SKOS.closeMatch))
    assert matches & _concepts(onto, PLOVER), "no PLOVER category"
    cameo = matches & _concepts(onto, CAMEO)
    assert cameo, "no CAMEO code"
    # The root code is stated too: as the match itself or as a broadMatch.
    stated = cameo | set(onto.objects(kg(name), SKOS.broadMatch))
    assert any((c, SKOS.topConceptOf, CAMEO) in onto for c in stated), "no CAMEO root code"
    every_match = set(onto.objects(kg(name), SKOS.broadMatch)) | set(
        onto.objects(kg(name), SKOS.relatedMatch)
    )
    assert every_match <= _concepts(onto, PLOVER) | _concepts(onto, CAMEO)


def test_shapes_use_only_declared_terms(onto: Graph) -> None:
    shapes = Graph().parse(ontology_path("shapes.ttl"), format="turtle")
    used = {
        t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(KG)
    }
    assert used <= kg_terms(onto)


def test_vocab_module_matches_the_ontology(onto: Graph) -> None:
    names = {name for name in vars(vocab.KG) if not name.startswith("_")}
    assert names == {str(t)[len(KG) :] for t in kg_terms(onto)}
    assert vocab.KG.PhoneCall == pyoxigraph.NamedNode(KG + "PhoneCall")
    assert vocab.XSD.gYearMonth.value == "http://www.w3.org/2001/XMLSchema#gYearMonth"
    assert vocab.WD + "Q7747" == "http://www.wikidata.org/entity/Q7747"


def test_vocab_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        getattr(vocab.KG, "PhoneCal")  # noqa: B009
    with pytest.raises(TypeError):
        vocab.KG()


def test_gen_vocab_check_passes() -> None:
    """The sync test: edit ontology/kgload.ttl, then run scripts/gen_vocab.py."""
    done = subprocess.run(
        [sys.executable, str(GEN_VOCAB), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_gen_vocab_check_fails_on_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "vocab.py"
    stale.write_text((ROOT / "kgload" / "vocab.py").read_text(encoding="utf-8") + "# edited\n")
    done = subprocess.run(
        [sys.executable, str(GEN_VOCAB), "--check", "--output", str(stale)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "out of date" in done.stderr
