"""What the analysts' page shows, read from a store: actors by name, timelines, networks.

Each function runs a few SPARQL queries of its own (all in named graphs under the kgload base,
so they mean the same on every backend) and returns plain frozen records for the templates.
Values from the user reach SPARQL only as escaped literals or checked IRIs.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from kgload.errors import QueryError
from kgload.queries import sparql_string
from kgload.stores.base import Store, Term
from kgload.vocab import DCT_NS, RDF_TYPE, RDFS_NS
from kgload.vocab import KG_NS as KG
from kgload.vocab import WD as WIKIDATA

__all__ = [
    "EVENT_TYPES",
    "Actor",
    "Edge",
    "Network",
    "TimelineEvent",
    "actor_iri",
    "labels",
    "network",
    "search_actors",
    "short_id",
    "timeline",
]

EVENT_TYPES = (
    "Meeting", "PhoneCall", "Visit", "Agreement", "Support", "MilitaryAid", "TroopDeployment",
    "Sanction", "Attack", "Condemnation",
)  # fmt: skip
_PREFIXES = f"""PREFIX kg: <{KG}>
PREFIX rdfs: <{RDFS_NS}>
PREFIX dct: <{DCT_NS}>
"""
_FORBIDDEN_IRI = set('<>"{}|^`\\ \n\r\t')


@dataclass(frozen=True, slots=True)
class Actor:
    iri: str
    label: str
    events: int

    @property
    def id(self) -> str:
        return short_id(self.iri)


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    iri: str
    date: str | None
    type: str
    status: str | None
    role: str
    counterparts: tuple[Actor, ...]
    place: str | None
    quote: str | None
    url: str | None
    reported_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    type: str
    events: int
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class Network:
    nodes: tuple[Actor, ...]
    edges: tuple[Edge, ...]
    truncated: bool = False
    events: int = 0
    types: tuple[str, ...] = field(default=())


def short_id(iri: str) -> str:
    """A QID for Wikidata entities, the IRI otherwise (what `/actor?id=` takes)."""
    return iri.removeprefix(WIKIDATA) if iri.startswith(WIKIDATA) else iri


def actor_iri(text: str) -> str:
    """The IRI of a QID (`Q7747`) or an absolute IRI; QueryError otherwise."""
    text = text.strip()
    if text[:1] in ("Q", "q") and text[1:].isdigit():
        return WIKIDATA + "Q" + text[1:]
    if "://" in text and not _FORBIDDEN_IRI & set(text):
        return text
    raise QueryError(f"actor {text!r} is neither a Wikidata QID (Q7747) nor an IRI")


def _value(term: Term | None) -> str | None:
    return None if term is None else term.value


def _base_filter(base: str) -> str:
    return f"FILTER(STRSTARTS(STR(?g), {sparql_string(base)}))"


def labels(store: Store, iris: Iterable[str], *, lang: str = "en") -> dict[str, str]:
    """The best label of each IRI (in `lang`, then English, then any), else its short id."""
    wanted = sorted({i for i in iris if i and not _FORBIDDEN_IRI & set(i)})
    found: dict[str, str] = {i: short_id(i) for i in wanted}
    rank: dict[str, int] = {}
    for start in range(0, len(wanted), 200):
        chunk = wanted[start : start + 200]
        values = " ".join(f"<{i}>" for i in chunk)
        rows = store.select(
            f"{_PREFIXES}SELECT ?x ?l WHERE {{ VALUES ?x {{ {values} }} "
            "GRAPH ?lg { ?x rdfs:label ?l } }"
        )
        for x, label in rows.rows:
            if x is None or not isinstance(label, Literal):
                continue
            language = (label.language or "").lower()
            score = 0 if language == lang else 1 if language == "en" else 2
            if score < rank.get(x.value, 9):
                rank[x.value], found[x.value] = score, label.value
    return found


def search_actors(
    store: Store, text: str, *, base: str, lang: str = "en", limit: int = 50
) -> list[Actor]:
    """Actors of at least one event whose label contains `text` (any case), most events first."""
    needle = " ".join(text.split()).lower()
    if not needle:
        return []
    if len(needle) > 200:
        raise QueryError("search text: at most 200 characters")
    result = store.select(
        f"""{_PREFIXES}SELECT ?actor (COUNT(DISTINCT ?event) AS ?events) WHERE {{
  {{ SELECT DISTINCT ?actor WHERE {{
       GRAPH ?lg {{ ?actor rdfs:label ?label }}
       FILTER(CONTAINS(LCASE(STR(?label)), {sparql_string(needle)}))
  }} }}
  GRAPH ?g {{ ?event kg:participant ?actor }}
  {_base_filter(base)}
}} GROUP BY ?actor ORDER BY DESC(?events) LIMIT {int(limit)}"""
    )
    counts = {
        actor.value: int(events.value)
        for actor, events in result.rows
        if isinstance(actor, NamedNode) and events is not None
    }
    names = labels(store, counts, lang=lang)
    return sorted(
        (Actor(iri, names[iri], n) for iri, n in counts.items()),
        key=lambda a: (-a.events, a.label.lower()),
    )


def timeline(
    store: Store,
    actor: str,
    *,
    base: str,
    lang: str = "en",
    limit: int = 1000,
) -> tuple[Actor, list[TimelineEvent], bool]:
    """The actor, its events oldest first (undated last), and whether `limit` cut them."""
    iri = actor_iri(actor)
    page = store.select(
        f"""{_PREFIXES}SELECT DISTINCT ?event ?date WHERE {{
  GRAPH ?g {{ ?event kg:participant <{iri}> }} {_base_filter(base)}
  OPTIONAL {{ GRAPH ?g {{ ?event kg:date ?date }} }}
}} ORDER BY (COALESCE(STR(?date), "9999")) ?event LIMIT {int(limit) + 1}"""
    )
    events = [e.value for e, _ in page.rows if e is not None]
    cut = len(events) > limit
    events = events[:limit]
    details = _event_details(store, events, base=base)
    people = {
        o
        for slot in details.values()
        for p in (KG + "participant", KG + "place", KG + "reportedBy")
        for o in slot.get(p, ())
    }
    names = labels(store, people | {iri}, lang=lang)
    out = [_timeline_event(event, details.get(event, {}), iri, names) for event in events]
    return Actor(iri, names.get(iri, short_id(iri)), len(events)), out, cut


def _event_details(
    store: Store, events: list[str], *, base: str
) -> dict[str, dict[str, set[str]]]:
    """Each event's objects by predicate, and under "source" its quotes keyed by date and URL."""
    details: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for start in range(0, len(events), 200):
        values = " ".join(f"<{e}>" for e in events[start : start + 200])
        rows = store.select(
            f"""{_PREFIXES}SELECT ?event ?p ?o ?quote ?url ?issued WHERE {{
  VALUES ?event {{ {values} }}
  GRAPH ?g {{ ?event ?p ?o }} {_base_filter(base)}
  OPTIONAL {{ GRAPH ?g {{ ?event kg:evidence ?ev . ?ev kg:quote ?quote }} }}
  OPTIONAL {{ GRAPH ?g {{ ?g dct:source ?url }} }}
  OPTIONAL {{ GRAPH ?g {{ ?g dct:issued ?issued }} }}
}}"""
        )
        for row in rows.rows:
            event_term, predicate, obj, quote_term, url_term, issued = row
            if event_term is None or predicate is None or obj is None:
                continue
            slot = details[event_term.value]
            slot[predicate.value].add(obj.value)
            if quote_term is not None:
                # One quote per source; the earliest document's comes first.
                key = f"{_value(issued) or '9999'}\t{_value(url_term) or ''}\t{quote_term.value}"
                slot["source"].add(key)
    return details


def _timeline_event(
    event: str, slot: Mapping[str, set[str]], iri: str, names: Mapping[str, str]
) -> TimelineEvent:
    """One event of actor `iri`'s timeline from its details (see `_event_details`)."""
    types = sorted(
        t.removeprefix(KG)
        for t in slot.get(RDF_TYPE.value, ())
        if t.startswith(KG) and t != KG + "Event"
    )
    sources = sorted(slot.get("source", ()))
    _, url, quote = sources[0].split("\t", 2) if sources else ("", "", "")
    role = (
        "agent"
        if iri in slot.get(KG + "agent", ())
        else "recipient"
        if iri in slot.get(KG + "recipient", ())
        else "participant"
    )
    others = sorted(o for o in slot.get(KG + "participant", ()) if o != iri)
    return TimelineEvent(
        iri=event,
        date=min(slot.get(KG + "date", ()), default=None),
        type=", ".join(types) or "Event",
        status=", ".join(sorted(s.removeprefix(KG) for s in slot.get(KG + "status", ()))) or None,
        role=role,
        counterparts=tuple(Actor(o, names.get(o, short_id(o)), 0) for o in others),
        place=", ".join(sorted(names.get(p, p) for p in slot.get(KG + "place", ()))) or None,
        quote=quote or None,
        # Only web links become links (a loaded file could hold a javascript: IRI).
        url=url if url.startswith(("http://", "https://")) else None,
        reported_by=tuple(
            sorted(names.get(r, short_id(r)) for r in slot.get(KG + "reportedBy", ()))
        ),
    )


def _date_filter(since: dt.date | None, until: dt.date | None) -> str:
    parts = []
    if since is not None:
        parts.append(f'FILTER(BOUND(?date) && STR(?date) >= "{since.isoformat()}")')
    if until is not None:
        parts.append(
            f'FILTER(BOUND(?date) && SUBSTR(STR(?date), 1, 10) <= "{until.isoformat()}")'
        )
    return "\n  ".join(parts)


def network(
    store: Store,
    *,
    base: str,
    types: Sequence[str] = (),
    since: dt.date | None = None,
    until: dt.date | None = None,
    lang: str = "en",
    limit: int = 5000,
) -> Network:
    """Who had events with whom: one edge per pair of participants and event type.

    `types` are ontology class names (`PhoneCall`); `since`/`until` keep dated events only.
    At most `limit` events are read (`truncated` says when more matched).
    """
    unknown = [t for t in types if t not in EVENT_TYPES]
    if unknown:
        raise QueryError(f"unknown event type {unknown[0]!r}; known: {', '.join(EVENT_TYPES)}")
    type_filter = (
        "VALUES ?type { " + " ".join(f"kg:{t}" for t in types) + " }"
        if types
        else f'FILTER(?type != kg:Event && STRSTARTS(STR(?type), "{KG}"))'
    )
    result = store.select(
        f"""{_PREFIXES}SELECT ?event ?type ?date ?p WHERE {{
  {{ SELECT DISTINCT ?event ?type ?date WHERE {{
    {type_filter}
    GRAPH ?g {{ ?event a ?type }} {_base_filter(base)}
    OPTIONAL {{ GRAPH ?g {{ ?event kg:date ?date }} }}
    {_date_filter(since, until)}
  }} ORDER BY ?event LIMIT {int(limit) + 1} }}
  GRAPH ?g2 {{ ?event kg:participant ?p }}
  FILTER(STRSTARTS(STR(?g2), {sparql_string(base)}))
}}"""
    )
    events: dict[str, tuple[str, str | None, set[str]]] = {}
    for event_term, kind_term, date_term, participant in result.rows:
        if event_term is None or kind_term is None or participant is None:
            continue
        entry = events.setdefault(
            event_term.value, (kind_term.value.removeprefix(KG), _value(date_term), set())
        )
        entry[2].add(participant.value)
    truncated = len(events) > limit
    pairs: dict[tuple[str, str, str], list[str | None]] = defaultdict(list)
    degree: dict[str, int] = defaultdict(int)
    for kind, date, participants in list(events.values())[:limit]:
        ordered = sorted(participants)
        for i, a in enumerate(ordered):
            degree[a] += 1
            for b in ordered[i + 1 :]:
                pairs[(a, b, kind)].append(date)
    names = labels(store, degree, lang=lang)
    nodes = tuple(
        sorted(
            (Actor(iri, names.get(iri, short_id(iri)), n) for iri, n in degree.items()),
            key=lambda a: (-a.events, a.label),
        )
    )
    edges = tuple(
        Edge(
            a,
            b,
            kind,
            len(dates),
            min((d for d in dates if d), default=None),
            max((d for d in dates if d), default=None),
        )
        for (a, b, kind), dates in sorted(pairs.items(), key=lambda item: (-len(item[1]), item[0]))
    )
    return Network(
        nodes,
        edges,
        truncated=truncated,
        events=min(len(events), limit),
        types=tuple(types),
    )
