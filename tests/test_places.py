"""Cities and regions the news names: an attack on one targets its state, a visit to one is
hosted by its state (the places added to the curated KB's places.tsv)."""

from __future__ import annotations

import datetime as dt

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, Event, EventType


def _events(text: str, lang: str, kind: EventType) -> list[Event]:
    article = Article(id="t", text=text, lang=lang, source="test", published=dt.date(2025, 6, 13))
    return [e for e in analyze(article, load_kb()).events if e.type is kind]


ATTACKS = (
    ("en", "Russian missiles struck Kharkiv on Tuesday night.", "Q159", "Q212"),
    ("es", "Rusia bombardeó Odesa durante la noche.", "Q159", "Q212"),
    ("pt", "A Rússia atacou Zaporizhzhia com drones na madrugada de sábado.", "Q159", "Q212"),
    ("en", "Israel struck Rafah overnight.", "Q801", "Q219060"),
)

VISITS = (
    ("en", "Lula visited Munich on Friday.", "Q37181", "Q183"),
    ("pt", "Lula visitou Istambul na sexta-feira.", "Q37181", "Q43"),
    ("es", "Pedro Sánchez visitó Johannesburgo el lunes.", "Q6070218", "Q258"),
)


def test_an_attack_on_a_city_targets_its_state() -> None:
    for lang, text, agent, target in ATTACKS:
        attacks = _events(text, lang, EventType.ATTACK)
        assert [(e.agent, e.recipient) for e in attacks] == [(agent, target)], (text, attacks)


def test_a_visit_to_a_city_is_hosted_by_its_state() -> None:
    for lang, text, agent, host in VISITS:
        visits = _events(text, lang, EventType.VISIT)
        assert [(e.agent, e.recipient) for e in visits] == [(agent, host)], (text, visits)


def test_a_city_sharing_its_name_with_its_oblast_leaves_the_oblast_its_name() -> None:
    # "la región de Járkov" is the oblast; the city is named alone in English
    kb = load_kb()
    assert kb.entities["Q42308"].prominence < kb.entities["Q170666"].prominence
    assert kb.entities["Q42308"].country == kb.entities["Q170666"].country == "Q212"
