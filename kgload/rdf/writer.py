"""Extraction → quads: deterministic IRIs, one named graph per document (pure).

Quads are built as pyoxigraph terms directly: building rdflib terms would cap the hot path (see
research/perf-anchors.md). The same input always gives the same quads; the same event from two
articles gets one IRI, minted from its type, sorted participants and date (and the agent of a
directed event, see `Event.identity`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from pyoxigraph import Literal, NamedNode, Quad

from kgload.config import DEFAULT_BASE
from kgload.errors import InputError
from kgload.model import (
    Article,
    Bound,
    Entity,
    EntityKind,
    Event,
    EventType,
    Evidence,
    Extraction,
    PartialDate,
    Precision,
    Problem,
    Status,
)
from kgload.vocab import DCT, KG, PROV_WAS_DERIVED_FROM, RDF_TYPE, RDFS_LABEL, WD, XSD

__all__ = [
    "ID_BUCKET_LENGTH",
    "date_bucket",
    "date_literal",
    "document_iri",
    "document_quads",
    "entity_iri",
    "event_key",
    "id_bucket",
    "kb_graph_iri",
    "kb_quads",
    "mint_event_iri",
    "participant_date_bucket",
    "type_date_bucket",
]

_QID = re.compile(r"^Q[1-9][0-9]*$")
_FOUR_DIGIT_YEAR = re.compile(r"^[0-9]{4}(-|$)")
_E = TypeVar("_E", bound=StrEnum)


def _ontology_terms(enum: type[_E]) -> dict[_E, NamedNode]:
    """Each member's `kg:` term; a member the ontology lacks fails at import, not mid-write."""
    return {member: getattr(KG, member.value) for member in enum}


# The enum values are the ontology's class names (model.py's contract).
_KIND_CLASS = _ontology_terms(EntityKind)
_EVENT_CLASS = _ontology_terms(EventType)
_STATUS = _ontology_terms(Status)
_BOUND = _ontology_terms(Bound)


def document_iri(article: Article, base: str = DEFAULT_BASE) -> NamedNode:
    return NamedNode(f"{base}doc/{article.id}")


def kb_graph_iri(base: str = DEFAULT_BASE) -> NamedNode:
    return NamedNode(f"{base}graph/kb")


def entity_iri(key: str, base: str = DEFAULT_BASE) -> NamedNode:
    """Wikidata IRI for a QID, `<base>entity/<slug>` for a local entity.

    >>> entity_iri("Q7747").value
    'http://www.wikidata.org/entity/Q7747'
    >>> entity_iri("local:choe-son-hui").value
    'https://w3id.org/kgload/id/entity/choe-son-hui'
    """
    if _QID.match(key):
        return NamedNode(WD + key)
    slug = key.removeprefix("local:")
    return NamedNode(f"{base}entity/{slug}")


def event_key(event: Event) -> str:
    """The normalised identity an event IRI is minted from (see `Event.identity`)."""
    return event.identity()


def mint_event_iri(event: Event, base: str = DEFAULT_BASE) -> NamedNode:
    digest = hashlib.sha256(event_key(event).encode("utf-8")).hexdigest()[:20]
    return NamedNode(f"{base}event/{digest}")


ID_BUCKET_LENGTH = 3
"""Hex digits of an event IRI's digest in its `kg:idBucket`: 4,096 buckets, about 110 events
each on a 100,000-article archive."""


def id_bucket(event_iri: NamedNode) -> str:
    """The `kg:idBucket` of a minted event IRI: the first digits of its digest, so buckets sort
    as the IRIs of one base do and a page in IRI order can be read bucket by bucket.

    >>> id_bucket(NamedNode("https://w3id.org/kgload/id/event/00a7f3c2d9e18b4c5a60"))
    '00a'
    """
    return event_iri.value.rpartition("/")[2][:ID_BUCKET_LENGTH]


def date_literal(value: PartialDate) -> Literal:
    """The datatype carries the precision: xsd:date, xsd:gYearMonth or xsd:gYear."""
    datatype = {
        Precision.DAY: XSD.date,
        Precision.MONTH: XSD.gYearMonth,
        Precision.YEAR: XSD.gYear,
    }[value.precision]
    return Literal(value.iso(), datatype=datatype)


def type_date_bucket(event_type: EventType, bucket: str) -> str:
    """The `kg:typeDateBucket` of an event: its class's local name, a space, its bucket.

    >>> type_date_bucket(EventType.ATTACK, "2025-08")
    'Attack 2025-08'
    """
    return f"{_EVENT_CLASS[event_type].value.rpartition('#')[2]} {bucket}"


def participant_date_bucket(participant: NamedNode, bucket: str) -> str:
    """The `kg:participantDateBucket` of an event for one of its participants: the
    participant's IRI, a space, the event's bucket.

    >>> participant_date_bucket(NamedNode("http://www.wikidata.org/entity/Q159"), "2025-08")
    'http://www.wikidata.org/entity/Q159 2025-08'
    """
    return f"{participant.value} {bucket}"


def date_bucket(value: PartialDate | dt.date) -> str | None:
    """The `kg:dateBucket` of a date: a prefix of its ISO text, or None outside years 1-9999.

    The month (`YYYY-MM`, `YYYY` when only the year is known) for years 1900-2099, the first
    two digits for other years: a few thousand buckets cover every 4-digit year, so a query
    can walk them (kgload.paging) and news dates fall a month to a bucket. Each bucket is a
    prefix of the dates it holds, so buckets sort as their dates do.

    >>> date_bucket(PartialDate(2025, 8, 12)), date_bucket(PartialDate(2024))
    ('2025-08', '2024')
    >>> date_bucket(PartialDate(1848, 2))
    '18'
    """
    text = value.iso() if isinstance(value, PartialDate) else value.isoformat()
    if not _FOUR_DIGIT_YEAR.match(text):
        return None
    return text[:7] if text[:2] in ("19", "20") else text[:2]


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


def _evidence_iri(article: Article, evidence: Evidence, base: str) -> NamedNode:
    return NamedNode(f"{base}evidence/{article.id}/{evidence.start}-{evidence.end}")


def _entity_quads(entity: Entity, graph: NamedNode, base: str, lang: str | None) -> Iterable[Quad]:
    subject = entity_iri(entity.key, base)
    if entity.kind is not EntityKind.PLACE:
        yield Quad(subject, RDF_TYPE, KG.Actor, graph)
    if entity.kind is not None:
        yield Quad(subject, RDF_TYPE, _KIND_CLASS[entity.kind], graph)
    labels = dict(entity.labels) or {lang or "en": entity.label}
    for label_lang, label in sorted(labels.items()):
        yield Quad(subject, RDFS_LABEL, Literal(label, language=label_lang), graph)


def _source_iri(url: str, source: str) -> NamedNode:
    """An article's URL as an IRI, or an InputError naming the article.

    The readers normalise URLs (`kgload.urls`); an Article built by hand may hold anything,
    which must fail as bad input (`url-invalid`), not as a bare pyoxigraph ValueError.
    """
    try:
        return NamedNode(url)
    except ValueError as exc:
        problem = Problem("url-invalid", f"url {url[:80]!r} is not a valid IRI ({exc})", source)
        raise InputError(problem) from exc


def document_quads(extraction: Extraction, *, base: str = DEFAULT_BASE) -> list[Quad]:
    """Every quad of one document's named graph (whose IRI is the document's IRI)."""
    article = extraction.article
    doc = document_iri(article, base)
    g = doc
    quads: list[Quad] = [
        Quad(doc, RDF_TYPE, KG.Document, g),
        Quad(doc, DCT.language, Literal(article.lang), g),
        Quad(doc, KG.text, Literal(article.text), g),
    ]
    if article.url:
        quads.append(Quad(doc, DCT.source, _source_iri(article.url, article.source), g))
    if article.title:
        quads.append(Quad(doc, DCT.title, Literal(article.title), g))
    if article.published:
        issued = article.published.isoformat()
        quads.append(Quad(doc, DCT.issued, Literal(issued, datatype=XSD.date), g))
        bucket = date_bucket(article.published)
        if bucket is not None:
            quads.append(Quad(doc, KG.dateBucket, Literal(bucket), g))
    if article.outlet:
        quads.append(Quad(doc, DCT.publisher, Literal(article.outlet), g))
    mentioned = sorted(
        {m.key for m in extraction.mentions}
        | {m.literal_key for m in extraction.mentions if m.literal_key}
    )
    quads.extend(Quad(doc, KG.mentions, entity_iri(key, base), g) for key in mentioned)
    # Local entities are described in the document that found them; KB ones in the kb graph.
    for entity in extraction.entities:
        if not entity.is_linked:
            quads.extend(_entity_quads(entity, g, base, article.lang))
    for event in extraction.events:
        quads.extend(_event_quads(event, article, doc, base))
    return quads


def _event_quads(event: Event, article: Article, doc: NamedNode, base: str) -> list[Quad]:
    g = doc
    node = mint_event_iri(event, base)
    quads = [
        Quad(node, RDF_TYPE, KG.Event, g),
        Quad(node, RDF_TYPE, _EVENT_CLASS[event.type], g),
        Quad(node, KG.status, _STATUS[event.status], g),
        Quad(
            node,
            KG.confidence,
            Literal(str(Decimal(str(round(event.confidence, 3)))), datatype=XSD.decimal),
            g,
        ),
        Quad(node, PROV_WAS_DERIVED_FROM, doc, g),
        Quad(node, KG.idBucket, Literal(id_bucket(node)), g),
    ]
    quads.extend(Quad(node, KG.participant, entity_iri(k, base), g) for k in event.participants)
    if event.agent:
        quads.append(Quad(node, KG.agent, entity_iri(event.agent, base), g))
    if event.recipient:
        quads.append(Quad(node, KG.recipient, entity_iri(event.recipient, base), g))
    if event.date:
        quads.append(Quad(node, KG.date, date_literal(event.date), g))
        bucket = date_bucket(event.date)
        if bucket is not None:
            quads.append(Quad(node, KG.dateBucket, Literal(bucket), g))
            quads.append(Quad(node, KG.typeDateBucket,
                              Literal(type_date_bucket(event.type, bucket)), g))
            quads.extend(
                Quad(node, KG.participantDateBucket,
                     Literal(participant_date_bucket(entity_iri(k, base), bucket)), g)
                for k in event.participants
            )
    if event.place:
        quads.append(Quad(node, KG.place, entity_iri(event.place, base), g))
    if event.personnel is not None:
        quads.append(Quad(node, KG.personnel, _int(event.personnel), g))
        if event.personnel_bound is not None:
            quads.append(Quad(node, KG.personnelBound, _BOUND[event.personnel_bound], g))
    quads.extend(Quad(node, KG.reportedBy, entity_iri(k, base), g) for k in event.reported_by)
    if event.trigger:
        quads.append(Quad(node, KG.trigger, Literal(event.trigger), g))
    for evidence in event.evidence:
        ev = _evidence_iri(article, evidence, base)
        quads.extend(
            [
                Quad(node, KG.evidence, ev, g),
                Quad(ev, RDF_TYPE, KG.Evidence, g),
                Quad(ev, KG.quote, Literal(evidence.quote), g),
                Quad(ev, KG.start, _int(evidence.start), g),
                Quad(ev, KG.end, _int(evidence.end), g),
                Quad(ev, PROV_WAS_DERIVED_FROM, doc, g),
            ]
        )
    return quads


def kb_quads(entities: Iterable[Entity], *, base: str = DEFAULT_BASE) -> list[Quad]:
    """Descriptions (types, labels) of linked entities, for the shared `<base>graph/kb` graph."""
    graph = kb_graph_iri(base)
    quads: list[Quad] = []
    for entity in entities:
        if entity.is_linked:
            quads.extend(_entity_quads(entity, graph, base, None))
    return quads
