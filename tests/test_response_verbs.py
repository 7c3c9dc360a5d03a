"""Answering an act with another: who responds does the act named in the "with" phrase."""

from __future__ import annotations

import datetime as dt

import pytest

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, EventType


def _events(text: str, lang: str) -> list[tuple[EventType, str | None, str | None]]:
    article = Article(id="t", text=text, lang=lang, source="test", published=dt.date(2025, 6, 13))
    return [(e.type, e.agent, e.recipient) for e in analyze(article, load_kb()).events]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("pt", "O Irã respondeu com ondas de mísseis contra Israel.",
         (EventType.ATTACK, "Q794", "Q801")),
        ("pt", "O Irã respondeu com ataques contra Israel.", (EventType.ATTACK, "Q794", "Q801")),
        ("en", "Russia retaliated with sanctions against Poland.",
         (EventType.SANCTION, "Q159", "Q36")),
    ],
)
def test_the_responder_does_the_act(
    lang: str, text: str, expected: tuple[EventType, str, str]
) -> None:
    assert expected in _events(text, lang)


def test_a_meeting_partner_is_not_an_act() -> None:
    # "com" names a partner here, not an act: no attack, and no one attacks anyone
    found = _events("O Irã respondeu com cautela às declarações de Israel.", "pt")
    assert all(kind is not EventType.ATTACK for kind, _, _ in found)
