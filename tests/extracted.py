"""What kgload extracts from a sentence of our own, for the event tests: the events, their
(type, agent, recipient) and the sides of one type; and a parse with some heads moved, to
force a misparse the small parsers make only sometimes."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, Event, EventType

PUBLISHED = dt.date(2025, 3, 4)


def events(text: str, lang: str, published: dt.date = PUBLISHED) -> list[Event]:
    """The events of `text` read as an article of `lang` published on `published`."""
    article = Article(id="t", text=text, lang=lang, source="test", published=published)
    return list(analyze(article, load_kb()).events)


def kinds(
    text: str, lang: str, published: dt.date = PUBLISHED
) -> set[tuple[EventType, str | None, str | None]]:
    """Each event's type, agent and recipient."""
    return {(e.type, e.agent, e.recipient) for e in events(text, lang, published)}


def sides(
    text: str, lang: str, kind: EventType, published: dt.date = PUBLISHED
) -> list[tuple[str | None, str | None]]:
    """The (agent, recipient) of each event of type `kind`, in order."""
    return [(e.agent, e.recipient) for e in events(text, lang, published) if e.type is kind]


def moved(doc: Doc, moves: dict[int, tuple[int, str]]) -> Doc:
    """A copy of a parsed `doc` with the tokens of `moves` hung on a new head with a new
    relation ({token index: (head index, relation)}), tags, lemmas and morphology kept."""
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    for index, (head, relation) in moves.items():
        heads[index], deps[index] = head, relation
    return Doc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        heads=heads,
        deps=deps,
        pos=[t.pos_ for t in doc],
        lemmas=[t.lemma_ for t in doc],
        morphs=[str(t.morph) for t in doc],
    )


def tagged(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A parse written by hand, one (word, head index, relation, tag, morphology) per token,
    for the tests of the repairs."""
    return Doc(
        Vocab(),
        words=[r[0] for r in rows],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        morphs=[r[4] for r in rows],
    )
