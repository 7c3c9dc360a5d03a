"""RDF writer: deterministic IRIs, one named graph per document, evidence offsets, SHACL-valid."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st
from pyoxigraph import NamedNode

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, Event, EventType, Evidence, PartialDate, Status
from kgload.rdf.shacl import validate_graph
from kgload.rdf.writer import (
    date_literal,
    document_iri,
    document_quads,
    entity_iri,
    kb_quads,
    mint_event_iri,
)
from kgload.vocab import KG

TEXT_A = (
    "O presidente da Rússia, Vladimir Putin, conversou por telefone com o líder "
    "norte-coreano Kim Jong Un nesta terça-feira (12/08), segundo a agência KCNA."
)
TEXT_B = (
    "Vladimir Putin and Kim Jong Un spoke by phone on Tuesday, the Kremlin said, a call "
    "that Pyongyang described as warm."
)


def _article(text: str, lang: str, url: str) -> Article:
    return Article(
        id=url[-1], text=text, lang=lang, source=url, url=url, published=dt.date(2025, 8, 12)
    )


def test_same_input_same_quads() -> None:
    kb = load_kb()
    first = document_quads(analyze(_article(TEXT_A, "pt", "https://e.org/a"), kb))
    second = document_quads(analyze(_article(TEXT_A, "pt", "https://e.org/a"), kb))
    assert first == second
    assert all(
        q.graph_name == document_iri(_article(TEXT_A, "pt", "https://e.org/a")) for q in first
    )


def test_same_event_from_two_articles_is_one_node() -> None:
    kb = load_kb()
    a = analyze(_article(TEXT_A, "pt", "https://e.org/a"), kb)
    b = analyze(_article(TEXT_B, "en", "https://e.org/b"), kb)
    calls_a = {mint_event_iri(e) for e in a.events if e.type is EventType.PHONE_CALL}
    calls_b = {mint_event_iri(e) for e in b.events if e.type is EventType.PHONE_CALL}
    assert calls_a and calls_a == calls_b


def test_document_graph_conforms_to_the_shapes() -> None:
    extraction = analyze(_article(TEXT_A, "pt", "https://e.org/a"), load_kb())
    quads = document_quads(extraction) + kb_quads(extraction.entities)
    report = validate_graph(quads)
    assert report.conforms, report.problems


def test_every_event_carries_its_id_bucket() -> None:
    """Ontology 0.4.0: `kg:idBucket`, the first digits of the IRI's digest, on every event,
    so `sources_of_event` reads its page in IRI order through the index."""
    extraction = analyze(_article(TEXT_A, "pt", "https://e.org/a"), load_kb())
    quads = document_quads(extraction)
    events = {q.subject for q in quads if q.object == KG.Event}
    buckets = {q.subject: q.object.value for q in quads if q.predicate == KG.idBucket}
    assert events and set(buckets) == events
    for event, bucket in buckets.items():
        assert len(bucket) == 3 and event.value.rpartition("/")[2].startswith(bucket)


def test_every_participant_of_a_dated_event_has_its_bucket() -> None:
    """Ontology 0.5.0: `kg:participantDateBucket`, a participant's IRI and the bucket, for each
    participant, so an actor's timeline reads that actor's events of a month by the index."""
    extraction = analyze(_article(TEXT_A, "pt", "https://e.org/a"), load_kb())
    quads = document_quads(extraction)
    dated = [q for q in quads
             if q.predicate == KG.dateBucket and q.subject.value != q.graph_name.value]
    assert dated
    for bucket in dated:
        keys = {q.object.value for q in quads
                if q.subject == bucket.subject and q.predicate == KG.participantDateBucket}
        participants = {q.object.value for q in quads
                        if q.subject == bucket.subject and q.predicate == KG.participant}
        assert keys == {f"{p} {bucket.object.value}" for p in participants}


def test_datatype_carries_precision() -> None:
    assert date_literal(PartialDate(2025, 8, 12)).datatype.value.endswith("#date")
    assert date_literal(PartialDate(2025, 8)).datatype.value.endswith("#gYearMonth")
    assert date_literal(PartialDate(2024)).datatype.value.endswith("#gYear")


def test_entity_iris() -> None:
    assert entity_iri("Q7747") == NamedNode("http://www.wikidata.org/entity/Q7747")
    assert entity_iri("local:kcna", "https://kg.example/").value == "https://kg.example/entity/kcna"


@given(
    participants=st.lists(
        st.sampled_from(["Q7747", "Q56226", "Q159", "Q423", "local:x"]),
        min_size=1,
        max_size=4,
        unique=True,
    ),
    year=st.integers(1990, 2030),
)
def test_event_iri_ignores_participant_order(participants: list[str], year: int) -> None:
    def event(parts: list[str]) -> Event:
        return Event(
            type=EventType.MEETING,
            participants=tuple(parts),
            evidence=(Evidence("x", 0, 1),),
            date=PartialDate(year),
        )

    assert mint_event_iri(event(participants)) == mint_event_iri(event(participants[::-1]))


def test_speculative_claim_is_a_different_node() -> None:
    base = Event(
        type=EventType.TROOP_DEPLOYMENT,
        participants=("Q423", "Q159"),
        evidence=(Evidence("x", 0, 1),),
        agent="Q423",
        recipient="Q159",
    )
    speculative = Event(
        type=EventType.TROOP_DEPLOYMENT,
        participants=("Q423", "Q159"),
        evidence=(Evidence("y", 2, 3),),
        agent="Q423",
        recipient="Q159",
        status=Status.SPECULATIVE,
    )
    assert mint_event_iri(base) != mint_event_iri(speculative)
