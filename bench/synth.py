"""Synthetic data for the benchmarks: news-like text for linking and extraction, and
document-shaped quads (an N-Quads file, and batches of graphs for incremental writes).

Everything is seeded and deterministic. The sentence templates are our own; the names come from
kgload's offline KB, so most of them link, plus made-up names that must stay unknown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import random
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat

from bench import OUT_DIR, progress
from kgload.config import DEFAULT_BASE
from kgload.linking.kb import KnowledgeBase
from kgload.model import (
    Article,
    Bound,
    Entity,
    EntityKind,
    Event,
    EventType,
    Evidence,
    Extraction,
    Mention,
    PartialDate,
    Status,
    local_key,
)
from kgload.rdf.writer import document_quads, kb_quads
from kgload.vocab import DCT, KG, PROV_WAS_DERIVED_FROM, RDF_TYPE, WD, XSD

__all__ = [
    "example_sentences",
    "extraction_articles",
    "graph_batches",
    "linking_articles",
    "nquads_file",
    "pseudo_name",
]

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# -- made-up names -------------------------------------------------------------------------------
_SYLLABLES = ("ta", "ro", "vel", "mon", "du", "ri", "ka", "sel", "bra", "no", "vi", "lan", "tor",
              "mi", "ze", "gor", "pa", "lu", "den", "sa", "qui", "ber", "to", "ma", "fen", "go")


def pseudo_name(rnd: random.Random, words: int = 2) -> str:
    """A capitalised name no KB knows, e.g. "Tarvel Monduri"."""
    return " ".join(
        "".join(rnd.choice(_SYLLABLES) for _ in range(rnd.randint(2, 3))).capitalize()
        for _ in range(words)
    )


# -- linking corpus ------------------------------------------------------------------------------
# Slots: {P} {P2} a KB person, {S} {S2} a KB state, {O} a KB organisation, {L} a KB place (capitals
# stand for their state), {D} a demonym, {R} a role phrase, {SUR} a KB surname, {U} an unknown
# person name, {UO} an unknown organisation. The first letter of a sentence is capitalised after.
_PT_TEMPLATES = (
    "{R} reuniu-se com {P} em {L} para discutir a cooperação entre os dois países.",
    "Segundo {O}, {P} telefonou a {P2} na quarta-feira para tratar da crise na fronteira.",
    "O governo {D} condenou o ataque contra {S} e pediu uma reunião de emergência.",
    "A analista {U} disse que {S} e {S2} devem assinar um acordo de defesa até ao fim do ano.",
    "{SUR} afirmou depois que o encontro com {R} foi produtivo.",
    "Tropas {D} chegaram a {L} na madrugada de domingo, informou o porta-voz {U}.",
    "{R} visitou {L} e prometeu apoio militar a {S}.",
    "O ministro {U} e {P} assinaram um memorando sobre energia em {L}.",
    "{S} anunciou novas sanções contra empresas ligadas ao {UO}.",
    "Em comunicado, {O} acusou {S2} de violar o cessar-fogo acordado com {S}.",
    "{P} e {R} trocaram acusações durante a cimeira de {L}.",
    "Diplomatas {D} disseram que {P2} deverá visitar {S} no próximo mês.",
    "O {UO} criticou a decisão de {S} de enviar mais soldados para a região.",
    "De acordo com a agência {U}, {R} recebeu {P} no palácio presidencial.",
)
_EN_TEMPLATES = (
    "{R} met {P} in {L} on Tuesday to discuss security cooperation.",
    "According to {O}, {P} spoke by phone with {P2} about the crisis on the border.",
    "{D} officials said {S} had agreed to send more air-defence systems to {S2}.",
    "Analyst {U} of the {UO} said the talks in {L} had stalled.",
    "{SUR} told reporters the agreement with {R} would be signed next month.",
    "{S} condemned the strike and summoned the {D} ambassador, spokesman {U} said.",
    "{R} visited {L} and pledged further military aid to {S}.",
    "Minister {U} and {P} signed an energy memorandum in {L}.",
    "{S} announced new sanctions on companies linked to the {UO}.",
    "In a statement, {O} accused {S2} of breaking the ceasefire agreed with {S}.",
    "{P} and {R} traded accusations at the {L} summit.",
    "{D} diplomats said {P2} is expected to visit {S} next month.",
    "The {UO} criticised the decision by {S} to deploy more troops to the region.",
    "{R} received {P} at the presidential palace, envoy {U} said.",
)
_PT_ROLES = ("o presidente", "o primeiro-ministro", "o ministro das relações exteriores",
             "o ministro da defesa", "o chanceler", "o líder", "a presidenta",
             "a primeira-ministra")
_EN_ROLES = ("president", "prime minister", "foreign minister", "defence minister", "chancellor",
             "leader", "secretary of state", "king")
_PT_ORG_HEADS = ("Instituto", "Fundação", "Conselho", "Movimento", "Grupo")
_EN_ORG_TAILS = ("Institute", "Foundation", "Council", "Movement", "Group")


class _Pools:
    """KB names by kind for one language, with exact capitalisation."""

    def __init__(self, kb: KnowledgeBase, lang: str) -> None:
        by_kind: dict[EntityKind, list[str]] = {kind: [] for kind in EntityKind}
        self.demonyms: list[str] = []
        self.surnames: list[str] = []
        for alias in kb.aliases_for(lang):
            entity = kb.entities[alias.qid]
            if alias.type == "demonym":
                self.demonyms.append(alias.text)
            elif alias.type == "surname":
                self.surnames.append(alias.text)
            elif alias.type in ("name", "short", "abbr"):
                by_kind[entity.kind].append(alias.text)
        self.persons = sorted(set(by_kind[EntityKind.PERSON]))
        self.states = sorted(set(by_kind[EntityKind.STATE]))
        self.orgs = sorted(set(by_kind[EntityKind.ORGANIZATION]))
        self.places = sorted(set(by_kind[EntityKind.PLACE]))
        # Adjectives only ("russo", "Russian"): drop plurals of another demonym ("Russians").
        singular = set(self.demonyms)
        self.demonyms = sorted(d for d in singular if not (
            d.endswith("s") and (d[:-1] in singular or d[:-2] in singular)))
        self.surnames = sorted(set(self.surnames))


def _role(rnd: random.Random, lang: str, pools: _Pools) -> str:
    """"o presidente da Rússia"-style phrases: role + of + state, role + demonym, or bare."""
    if lang == "pt":
        role = rnd.choice(_PT_ROLES)
        shape = rnd.random()
        if shape < 0.45:
            return f"{role} de {rnd.choice(pools.states)}"
        if shape < 0.85:
            return f"{role} {rnd.choice(pools.demonyms).lower()}"
        return role
    role = rnd.choice(_EN_ROLES)
    shape = rnd.random()
    if shape < 0.35:
        return f"the {role} of {rnd.choice(pools.states)}"
    if shape < 0.7:
        return f"the {rnd.choice(pools.demonyms)} {role.title()}"
    if shape < 0.85:
        return f"{rnd.choice(pools.states)}'s {role}"
    return f"the {role.title()}"


def _unknown_org(rnd: random.Random, lang: str) -> str:
    if lang == "pt":
        return f"{rnd.choice(_PT_ORG_HEADS)} {pseudo_name(rnd, 1)}"
    return f"{pseudo_name(rnd, 1)} {rnd.choice(_EN_ORG_TAILS)}"


def _linking_sentence(rnd: random.Random, lang: str, pools: _Pools) -> str:
    template = rnd.choice(_PT_TEMPLATES if lang == "pt" else _EN_TEMPLATES)
    text = template.format(
        P=rnd.choice(pools.persons), P2=rnd.choice(pools.persons),
        S=rnd.choice(pools.states), S2=rnd.choice(pools.states),
        O=rnd.choice(pools.orgs), L=rnd.choice(pools.places),
        D=rnd.choice(pools.demonyms), R=_role(rnd, lang, pools),
        SUR=rnd.choice(pools.surnames), U=pseudo_name(rnd), UO=_unknown_org(rnd, lang),
    )
    return text[:1].upper() + text[1:]


def _published(rnd: random.Random) -> dt.date:
    return dt.date(2022, 1, 1) + dt.timedelta(days=rnd.randrange(4 * 365))


def linking_articles(kb: KnowledgeBase, lang: str, n_docs: int, *, seed: int = 1
                     ) -> list[Article]:
    """`n_docs` news-like articles of 25-40 templated sentences (~500 words), 2-4 a paragraph."""
    rnd = random.Random(f"{seed}-{lang}")
    pools = _Pools(kb, lang)
    articles = []
    for number in range(n_docs):
        paragraphs = []
        remaining = rnd.randint(25, 40)
        while remaining > 0:
            size = min(remaining, rnd.randint(2, 4))
            paragraphs.append(" ".join(_linking_sentence(rnd, lang, pools) for _ in range(size)))
            remaining -= size
        articles.append(Article(
            id=f"link-{lang}-{number}", text="\n".join(paragraphs), lang=lang, source="bench",
            url=f"https://bench.example.org/{lang}/{number}", published=_published(rnd),
        ))
    return articles


# -- extraction corpus ---------------------------------------------------------------------------
# A sentence ends at . ! ? (or a closing quote) before a capital, but not after "U.S." or "Jr.".
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])(?<![A-Z]\.)(?<!\b[A-Z][a-z]\.)\s+(?=[A-ZÀ-Ý“\"])")
_FRESH = {
    "pt": "O analista {U}, do {UO}, comentou a decisão na televisão.",
    "en": "Analyst {U} of the {UO} commented on the decision on television.",
}


def example_sentences() -> dict[str, list[str]]:
    """The sentences of our own example articles (`examples/*.txt`), by language."""
    from kgload.sources import read_articles

    paths = sorted(EXAMPLES.glob("*.txt"))
    by_lang: dict[str, list[str]] = {}
    for item in read_articles(paths):
        if not isinstance(item, Article):
            continue
        for line in item.text.splitlines():
            for sentence in _SENTENCE_END.split(line.strip()):
                if sentence:
                    by_lang.setdefault(item.lang, []).append(sentence)
    if not by_lang:
        raise RuntimeError(f"no example articles found in {EXAMPLES}")
    return by_lang


def extraction_articles(n: int, *, words: int = 600, block: int = 250, seed: int = 2
                        ) -> Iterator[Article]:
    """`n` articles of at least `words` words: example sentences re-combined in paragraphs.

    Languages alternate in runs of `block` articles (a batch job reads an outlet's files, mostly
    one language; `analyze_articles` batches runs of one language). Each article also gets one
    sentence with made-up names, so the vocabulary keeps growing as in real news.
    """
    rnd = random.Random(seed)
    sentences = example_sentences()
    langs = sorted(sentences)
    for number in range(n):
        lang = langs[(number // block) % len(langs)]
        pool = sentences[lang]
        fresh = _FRESH.get(lang, _FRESH["en"]).format(U=pseudo_name(rnd),
                                                      UO=_unknown_org(rnd, lang))
        paragraphs: list[str] = []
        paragraph: list[str] = []
        count = 0
        fresh_at = rnd.randint(3, 12)
        for index in itertools.count():
            if count >= words:
                break
            sentence = fresh if index == fresh_at else rnd.choice(pool)
            paragraph.append(sentence)
            count += len(sentence.split())
            if len(paragraph) >= rnd.randint(2, 5):
                paragraphs.append(" ".join(paragraph))
                paragraph = []
        if paragraph:
            paragraphs.append(" ".join(paragraph))
        yield Article(
            id=f"extract-{number}", text="\n\n".join(paragraphs), lang=lang, source="bench",
            url=f"https://bench.example.org/extract/{number}", published=_published(rnd),
            title=f"Synthetic article {number}", outlet="Bench Wire",
        )


# -- quads ---------------------------------------------------------------------------------------
# Bump when the generated quads change, so that cached files are not reused.
_GENERATOR_VERSION = 2
_EVENT_CLASSES = (KG.Meeting, KG.PhoneCall, KG.Visit, KG.Agreement, KG.Support, KG.MilitaryAid,
                  KG.TroopDeployment, KG.Sanction, KG.Attack, KG.Condemnation)
_STATUSES = (KG.Occurred, KG.Occurred, KG.Occurred, KG.Planned, KG.Speculative, KG.Denied)
_QIDS = [f"Q{n}" for n in random.Random(3).sample(range(1, 3_000_000), 5_000)]
_QID_WEIGHTS = [1.0 / (rank + 1) ** 1.05 for rank in range(len(_QIDS))]
_TEXT_WORDS = ("o", "presidente", "acordo", "tropas", "cimeira", "sanções", "apoio", "governo",
               "the", "minister", "talks", "ceasefire", "border", "aid", "statement", "visit")


def _document_quads(number: int, size: int, rnd: random.Random, prefix: str,
                    base: str = DEFAULT_BASE) -> tuple[str, list[Quad]]:
    """One document's graph, shaped like kgload's writer output, of exactly `size` quads."""
    doc_id = hashlib.sha1(f"{prefix}-{number}".encode()).hexdigest()[:16]
    graph_iri = f"{base}doc/{doc_id}"
    g = NamedNode(graph_iri)
    doc = g
    day = _published(rnd)
    text = " ".join(rnd.choice(_TEXT_WORDS) for _ in range(rnd.randint(300, 700)))
    quads = [
        Quad(doc, RDF_TYPE, KG.Document, g),
        Quad(doc, DCT.language, Literal("pt" if number % 2 else "en"), g),
        Quad(doc, KG.text, Literal(text), g),
        Quad(doc, DCT.source, NamedNode(f"https://news.example.org/{prefix}/{number}"), g),
        Quad(doc, DCT.title, Literal(f"Notícia {number}: cimeira em Lisboa"), g),
        Quad(doc, DCT.issued, Literal(day.isoformat(), datatype=XSD.date), g),
        Quad(doc, DCT.publisher, Literal(f"Outlet {number % 40}"), g),
    ]
    mentioned: list[NamedNode] = []
    quoted: set[int] = set()
    event_no = 0
    while True:
        event_no += 1
        parts = sorted(set(rnd.choices(_QIDS, _QID_WEIGHTS, k=rnd.randint(2, 4))))
        actors = [NamedNode(WD + q) for q in parts]
        node = NamedNode(f"{base}event/{doc_id}-{event_no}")
        event = [
            Quad(node, RDF_TYPE, rnd.choice(_EVENT_CLASSES), g),
            Quad(node, RDF_TYPE, KG.Event, g),
            Quad(node, KG.status, rnd.choice(_STATUSES), g),
            Quad(node, KG.confidence, Literal(f"{rnd.uniform(0.4, 0.99):.3f}",
                                              datatype=XSD.decimal), g),
            Quad(node, PROV_WAS_DERIVED_FROM, doc, g),
            Quad(node, KG.date, Literal(day.isoformat(), datatype=XSD.date), g),
            Quad(node, KG.agent, actors[0], g),
            Quad(node, KG.recipient, actors[-1], g),
            Quad(node, KG.trigger, Literal(rnd.choice(_TEXT_WORDS)), g),
        ]
        event.extend(Quad(node, KG.participant, actor, g) for actor in actors)
        start = rnd.randrange(len(text) - 80)
        while start in quoted:  # one evidence node per quote, as the writer mints them
            start = rnd.randrange(len(text) - 80)
        quoted.add(start)
        ev = NamedNode(f"{base}evidence/{doc_id}/{start}-{start + 80}")
        event += [
            Quad(node, KG.evidence, ev, g),
            Quad(ev, RDF_TYPE, KG.Evidence, g),
            Quad(ev, KG.quote, Literal(text[start:start + 80]), g),
            Quad(ev, KG.start, Literal(str(start), datatype=XSD.integer), g),
            Quad(ev, KG.end, Literal(str(start + 80), datatype=XSD.integer), g),
            Quad(ev, PROV_WAS_DERIVED_FROM, doc, g),
        ]
        new = [a for a in actors if a not in mentioned]
        if len(quads) + len(event) + len(mentioned) + len(new) > size:
            break
        quads += event
        mentioned += new
    quads += [Quad(doc, KG.mentions, actor, g) for actor in mentioned]
    # Fill the exact size with more mentions (each quad distinct: set semantics in every store).
    extra = 0
    while len(quads) < size:
        extra += 1
        quads.append(Quad(doc, KG.mentions, NamedNode(f"{base}entity/local-{doc_id}-{extra}"), g))
    return graph_iri, quads[:size]


def _sizes(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def nquads_file(n_quads: int, *, n_graphs: int = 1_000, seed: int = 4) -> Path:
    """An N-Quads file of exactly `n_quads` quads in `n_graphs` document graphs (cached)."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / f"docs-{n_quads}q-{n_graphs}g-s{seed}-v{_GENERATOR_VERSION}.nq"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        info = json.loads(meta.read_text(encoding="utf-8"))
        if info.get("quads") == n_quads and info.get("bytes") == path.stat().st_size:
            progress(f"using cached {path.name} ({n_quads:,} quads)")
            return path
    progress(f"generating {path.name}: {n_quads:,} quads in {n_graphs:,} graphs")
    rnd = random.Random(seed)

    def quads() -> Iterator[Quad]:
        for number, size in enumerate(_sizes(n_quads, n_graphs)):
            yield from _document_quads(number, size, rnd, "file")[1]

    partial = path.with_suffix(".part")
    with partial.open("wb") as output:
        pyoxigraph.serialize(quads(), output, RdfFormat.N_QUADS)
    partial.replace(path)
    meta.write_text(json.dumps({"quads": n_quads, "graphs": n_graphs, "seed": seed,
                                "bytes": path.stat().st_size}), encoding="utf-8")
    return path


def graph_batches(n_batches: int, *, graphs_per_batch: int = 50, quads_per_graph: int = 500,
                  seed: int = 5, prefix: str = "ingest", start: int = 0
                  ) -> Iterator[dict[str, Sequence[Quad]]]:
    """Batches of document graphs as `replace_graphs` takes them (built lazily, one at a time).

    Graph sizes vary by ±20% around `quads_per_graph`; each batch totals exactly
    `graphs_per_batch * quads_per_graph` quads. `start` numbers the documents, so two calls with
    the same `start` (and seed) give the same graph IRIs: a re-ingest.
    """
    rnd = random.Random(seed)
    number = start
    for _ in range(n_batches):
        sizes = [quads_per_graph] * (graphs_per_batch % 2)
        for _ in range(graphs_per_batch // 2):
            delta = rnd.randint(0, quads_per_graph // 5)
            sizes += [quads_per_graph + delta, quads_per_graph - delta]
        batch: dict[str, Sequence[Quad]] = {}
        for size in sizes:
            iri, quads = _document_quads(number, size, rnd, prefix)
            batch[iri] = quads
            number += 1
        yield batch


# -- an archive for the query benchmark ----------------------------------------------------------
# Documents built as kgload's own writer builds them (`document_quads`, `kb_quads`) from synthetic
# extractions, so every predicate, graph and IRI has the shape of real ingest output. Actors are
# drawn from the shipped KB with a Zipf-like frequency by prominence: the most prominent states
# and leaders are in tens of thousands of events of a 100,000-article archive, and a long tail
# of actors in a few each.
_ARCHIVE_VERSION = 5
_DIRECTED = frozenset({"Support", "MilitaryAid", "TroopDeployment", "Sanction", "Attack",
                       "Condemnation", "Visit"})
_TYPE_WEIGHTS = {"Meeting": 18, "PhoneCall": 8, "Visit": 8, "Agreement": 7, "Support": 12,
                 "MilitaryAid": 6, "TroopDeployment": 4, "Sanction": 7, "Attack": 15,
                 "Condemnation": 15}
_STATUS_WEIGHTS = {"Occurred": 70, "Planned": 15, "Speculative": 10, "Denied": 5}
_FILLER = ("O governo disse que as conversações continuam.", "Officials gave no further details.",
           "La reunión duró dos horas.", "Analysts expect more talks next month.")


class _Archive:
    """Seeded draws of actors, places, reporters and outlets for archive documents."""

    def __init__(self, seed: int) -> None:
        from kgload.linking.kb import load_kb

        self.rnd = random.Random(seed)
        kb = load_kb()
        ranked = sorted(kb.entities.values(), key=lambda e: (-e.prominence, e.qid))
        self.kb = {e.qid: e for e in ranked}
        self.actors = [e.qid for e in ranked if e.kind is not EntityKind.PLACE]
        self.actor_weights = list(itertools.accumulate(
            1.0 / (rank + 1) ** 1.05 for rank in range(len(self.actors))))
        self.places = [e.qid for e in ranked if e.kind is EntityKind.PLACE]
        self.reporters = [e.qid for e in ranked
                          if e.kind in (EntityKind.STATE, EntityKind.ORGANIZATION)][:60]
        self.used: set[str] = set()

    def actors_for(self, n: int) -> list[str]:
        chosen: list[str] = []
        while len(chosen) < n:
            qid = self.rnd.choices(self.actors, cum_weights=self.actor_weights)[0]
            if qid not in chosen:
                chosen.append(qid)
        return chosen


# A story: type, participants, agent, recipient, date, status (what makes one event IRI).
_Story = tuple[str, tuple[str, ...], str | None, str | None, PartialDate | None, str]


def _archive_extraction(number: int, arc: _Archive, stories: list[_Story]) -> Extraction:
    """One article's synthetic `Extraction`: 2-10 events, some of them retold stories."""
    rnd = arc.rnd
    lang = ("pt", "en", "es")[number % 3]
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rnd.randrange(11 * 365 + 330))
    sentences: list[str] = []
    events: list[Event] = []
    local: list[Entity] = []
    offset = 0

    def sentence(text: str) -> Evidence:
        nonlocal offset
        start = offset
        sentences.append(text)
        offset += len(text) + 1
        return Evidence(text, start, start + len(text))

    types = list(_TYPE_WEIGHTS)
    type_weights = list(_TYPE_WEIGHTS.values())
    for _ in range(rnd.randint(2, 10)):
        sentence(rnd.choice(_FILLER))
        if stories and rnd.random() < 0.2:  # the same real-world event told again
            kind, parts, agent, recipient, date, status = rnd.choice(stories)
        else:
            kind = rnd.choices(types, type_weights)[0]
            parts = tuple(arc.actors_for(rnd.choice((1, 2, 2, 2, 2, 3, 3, 4))))
            if rnd.random() < 0.04:
                name = pseudo_name(rnd)
                key = local_key(name)
                local.append(Entity(key, EntityKind.PERSON, name, {lang: name}))
                parts = (*parts, key)
            directed = kind in _DIRECTED and len(parts) >= 2
            agent = parts[0] if directed or rnd.random() < 0.3 else None
            recipient = parts[1] if directed and rnd.random() < 0.9 else None
            roll = rnd.random()
            back = dt.timedelta(days=rnd.randrange(4))
            when = published - back
            date = (None if roll < 0.2 else
                    PartialDate(when.year, when.month) if roll < 0.27 else
                    PartialDate(when.year) if roll < 0.3 else
                    PartialDate(when.year, when.month, when.day))
            status = rnd.choices(list(_STATUS_WEIGHTS), list(_STATUS_WEIGHTS.values()))[0]
            stories.append((kind, parts, agent, recipient, date, status))
            if len(stories) > 2_000:
                del stories[:1_000]
        if any(e.type.value == kind and set(e.participants) == set(parts) and e.date == date
               for e in events):
            continue  # one event per real-world event in a document, as the extractor does
        names = ", ".join(arc.kb[p].label(lang) if p in arc.kb else p for p in parts)
        evidence = sentence(f"{kind}: {names}.")
        place = rnd.choice(arc.places[:120]) if rnd.random() < 0.12 else None
        reporters = (rnd.choice(arc.reporters),) if rnd.random() < 0.25 else ()
        personnel = rnd.randrange(100, 20_000, 100) if kind == "TroopDeployment" else None
        events.append(Event(
            type=EventType(kind), participants=tuple(parts), evidence=(evidence,),
            agent=agent, recipient=recipient, date=date, place=place,
            status=Status(status), personnel=personnel,
            personnel_bound=Bound.AT_LEAST if personnel and rnd.random() < 0.3 else None,
            reported_by=reporters, confidence=round(rnd.uniform(0.4, 0.95), 2),
            trigger=kind.lower(),
        ))
    while offset < 3_000:  # about the length of a real article's text
        sentence(rnd.choice(_FILLER))
    text = " ".join(sentences)
    keys = {p for e in events for p in (*e.participants, *e.reported_by)}
    keys |= {e.place for e in events if e.place}
    keys |= set(arc.actors_for(rnd.randint(0, 6)))
    mentions = tuple(Mention(0, 1, "x", key, None, "bench") for key in sorted(keys))
    arc.used |= {k for k in keys if k in arc.kb}
    doc_id = hashlib.sha1(f"archive-{number}".encode()).hexdigest()[:16]
    article = Article(
        id=doc_id, text=text, lang=lang, source="bench",
        url=f"https://news.example.org/{lang}/{published.year}/{number}",
        title=f"{published.isoformat()} #{number}", published=published,
        outlet=f"Outlet {min(int(rnd.paretovariate(1.2)), 60)}",
    )
    return Extraction(article, tuple(local), mentions, tuple(events))


def archive_nquads(n_articles: int, *, seed: int = 11, directory: Path = OUT_DIR) -> Path:
    """An N-Quads file of `n_articles` documents plus the KB graph of the entities they use
    (cached in `directory`, bench/out/ by default). Returns its path; `<path>.json` holds the
    counts."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"archive-{n_articles}a-s{seed}-v{_ARCHIVE_VERSION}.nq"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        info = json.loads(meta.read_text(encoding="utf-8"))
        if info.get("bytes") == path.stat().st_size:
            progress(f"using cached {path.name} ({info['quads']:,} quads)")
            return path
    progress(f"generating {path.name}: {n_articles:,} articles")
    arc = _Archive(seed)
    stories: list[_Story] = []
    counts = {"articles": n_articles, "events": 0, "quads": 0}

    def quads() -> Iterator[Quad]:
        for number in range(n_articles):
            extraction = _archive_extraction(number, arc, stories)
            counts["events"] += len(extraction.events)
            graph = document_quads(extraction)
            counts["quads"] += len(graph)
            yield from graph
            if number and number % 20_000 == 0:
                progress(f"  {number:,} articles, {counts['quads']:,} quads")
        kb = kb_quads(arc.kb[q].to_entity() for q in sorted(arc.used))
        counts["quads"] += len(kb)
        yield from kb

    partial = path.with_suffix(".part")
    with partial.open("wb") as output:
        pyoxigraph.serialize(quads(), output, RdfFormat.N_QUADS)
    partial.replace(path)
    meta.write_text(json.dumps({**counts, "seed": seed, "bytes": path.stat().st_size}),
                    encoding="utf-8")
    progress(f"  {counts['articles']:,} articles, {counts['events']:,} event mentions, "
             f"{counts['quads']:,} quads, {path.stat().st_size / 1e6:,.0f} MB")
    return path
