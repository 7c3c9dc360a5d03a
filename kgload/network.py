"""Who met, called, visited, sanctioned or attacked whom: the events as a networkx graph.

The graph is a `networkx.MultiDiGraph`: a multigraph because two actors can meet many times
and each meeting keeps its own date, status and quote; directed because a sanction, an attack
or a visit goes from an agent to a recipient. Peer events (meetings, phone calls, agreements),
and events that name no agent, link every pair of their participants once, from the smaller ID
to the larger, with ``directed=False``; an event with a single actor adds no edge.

Nodes are actors, keyed by their ID (a Wikidata QID like ``Q7747``, or the IRI of a local
entity), with ``label``, ``qid`` (empty for local entities), ``kind`` (``Person``, ``State``,
``Organization``, ``Place`` or ``Actor``) and ``iri``. Edges are keyed by the event's ID and
carry ``type`` (``Meeting``…), ``date`` (ISO text at the date's own precision, or empty),
``status``, ``directed``, ``confidence``, ``quote`` and ``source``. `collapse` folds the
multigraph into a `networkx.DiGraph` with a ``count`` of events and their ``types`` per pair.

The events come from the `events` saved query, so the filters mean what they mean there.
networkx is the optional extra ``analysis``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import IO, Any

from pyoxigraph import Literal, NamedNode

from kgload.config import DEFAULT_BASE
from kgload.frames import require
from kgload.model import EventType
from kgload.queries import ParamValue, run_saved_query
from kgload.stores.base import LIST_SEPARATOR, Store, Term
from kgload.vocab import KG_NS as _KG
from kgload.vocab import RDFS_NS
from kgload.vocab import WD as _WD

__all__ = ["build_network", "collapse", "write_graphml"]

_PEER_TYPES = frozenset(t.value for t in EventType if not t.is_directed)
_KINDS = ("Person", "State", "Organization", "Place", "Actor")

_NODES_QUERY = f"""
PREFIX rdfs: <{RDFS_NS}>
""" + """SELECT ?entity ?kind ?label WHERE {
  VALUES ?entity { %(entities)s }
  { GRAPH ?g { ?entity a ?kind } FILTER(STRSTARTS(STR(?kind), "%(kg)s")) }
  UNION
  { GRAPH ?g { ?entity rdfs:label ?label } }
  FILTER(STRSTARTS(STR(?g), %(base)s))  # kgload's graphs only (a server has others)
}
"""


def _text(term: Term | None) -> str:
    return "" if term is None else str(term.value)


def _ids(term: Term | None) -> list[str]:
    return [part for part in _text(term).split(LIST_SEPARATOR) if part]


def _iri(entity_id: str) -> str:
    return _WD + entity_id if entity_id[:1] == "Q" and entity_id[1:].isdigit() else entity_id


def _edges(row: Mapping[str, Term | None]) -> list[tuple[str, str, bool]]:
    """The (source, target, directed) pairs an event row stands for."""
    agents, recipients = _ids(row.get("agent")), _ids(row.get("recipient"))
    participants = list(dict.fromkeys(_ids(row.get("participants")) + agents + recipients))
    kind = _text(row.get("type")).split(LIST_SEPARATOR)[0]
    if kind not in _PEER_TYPES and agents:
        targets = recipients or [p for p in participants if p not in agents]
        return [(a, t, True) for a in agents for t in targets if a != t]
    return [(a, b, False) for a, b in combinations(sorted(participants), 2)]


def _node_details(
    store: Store, ids: Iterable[str], lang: str, base: str
) -> dict[str, dict[str, str]]:
    """Each actor's kind and its label in `lang` (then English, then any), by ID."""
    by_iri = {_iri(i): i for i in ids}
    details: dict[str, dict[str, str]] = {i: {} for i in by_iri.values()}
    if not by_iri:
        return details
    labels: dict[str, dict[str, str]] = {i: {} for i in by_iri.values()}
    values = " ".join(str(NamedNode(iri)) for iri in sorted(by_iri))
    # The base goes in as an escaped literal, never pasted raw into the query.
    query = _NODES_QUERY % {"entities": values, "kg": _KG, "base": str(Literal(base))}
    result = store.select(query)
    for row in result.dicts():
        entity = by_iri[_text(row["entity"])]
        kind = _text(row["kind"]).removeprefix(_KG)
        known = details[entity].get("kind", "Actor")
        if kind in _KINDS and _KINDS.index(kind) < _KINDS.index(known):
            details[entity]["kind"] = kind
        label = row["label"]
        if isinstance(label, Literal):
            labels[entity].setdefault((label.language or "").lower(), label.value)
    for entity, found in labels.items():
        others = [label for _, label in sorted(found.items())]
        details[entity]["label"] = found.get(lang) or found.get("en") or next(iter(others), entity)
    return details


def build_network(
    store: Store,
    *,
    type: str | None = None,
    actor: str | None = None,
    since: ParamValue = None,
    until: ParamValue = None,
    status: str | None = None,
    lang: str = "en",
    base: str = DEFAULT_BASE,
) -> Any:
    """The events in `store` (filtered as the `events` query filters) as a `MultiDiGraph`."""
    nx = require("networkx")
    params: dict[str, ParamValue] = {
        "type": type, "actor": actor, "since": since, "until": until, "status": status,
        "lang": lang, "limit": 0,
    }  # fmt: skip
    result = run_saved_query(
        store, "events", {k: v for k, v in params.items() if v is not None}, base=base
    )
    graph = nx.MultiDiGraph(name="kgload events")
    rows = list(result.dicts())
    edges = [(row, _edges(row)) for row in rows]
    ids = {node for _, pairs in edges for pair in pairs for node in pair[:2]}
    for entity, details in sorted(_node_details(store, ids, lang, base).items()):
        graph.add_node(
            entity,
            label=details.get("label", entity),
            qid=entity if _iri(entity) != entity else "",
            kind=details.get("kind", "Actor"),
            iri=_iri(entity),
        )
    for row, pairs in edges:
        event = _text(row["event"])
        key = event.removeprefix(base)
        attributes: dict[str, str | float] = {
            "event": key,
            "type": _text(row.get("type")),
            "date": _text(row.get("date")),
            "status": _text(row.get("status")),
            "quote": _text(row.get("quote")),
            "source": _text(row.get("source")),
        }
        confidence = row.get("confidence")
        if confidence is not None:  # GraphML has no "unknown": the attribute is left out
            attributes["confidence"] = float(confidence.value)
        for source, target, directed in pairs:
            graph.add_edge(source, target, key=key, directed=directed, **attributes)
    return graph


def collapse(graph: Any) -> Any:
    """One edge per ordered pair of actors: a `DiGraph` with the ``count`` of events between
    them, their ``types`` (``"; "``-joined) and the ``first`` and ``last`` dates."""
    nx = require("networkx")
    folded = nx.DiGraph(name=graph.graph.get("name", ""))
    folded.add_nodes_from(graph.nodes(data=True))
    for source, target, data in graph.edges(data=True):
        if folded.has_edge(source, target):
            edge = folded[source][target]
            edge["count"] += 1
            edge["types"].add(data["type"])
            dates = [d for d in (edge["first"], edge["last"], data["date"]) if d]
            edge["first"], edge["last"] = (min(dates), max(dates)) if dates else ("", "")
        else:
            folded.add_edge(
                source, target, count=1, types={data["type"]}, first=data["date"],
                last=data["date"], directed=data["directed"],
            )  # fmt: skip
    for _, _, data in folded.edges(data=True):
        data["types"] = LIST_SEPARATOR.join(sorted(data["types"]))
    return folded


def write_graphml(graph: Any, output: IO[bytes]) -> None:
    """Write a network as GraphML, which Gephi, yEd and Cytoscape open."""
    nx = require("networkx")
    nx.write_graphml(graph, output, encoding="utf-8", prettyprint=True)
