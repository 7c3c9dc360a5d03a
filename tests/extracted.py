"""What kgload extracts from a sentence of our own, for the event tests: the events, their
(type, agent, recipient) and the sides of one type."""

from __future__ import annotations

import datetime as dt

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
