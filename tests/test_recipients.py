"""The other side of directed events (issue 9, recall of recipients): the doer of a condemned act
named inside the object phrase, the state a struck place lies in, the doer given by a demonym on
the act or the weapon. The sentences are ours, each rule with a negative twin."""

from __future__ import annotations

import datetime as dt

import pytest
from extracted import events, sides

from kgload.model import Event, EventType

PUBLISHED = dt.date(2024, 5, 10)


def _events(text: str, lang: str, published: dt.date = PUBLISHED) -> list[Event]:
    return events(text, lang, published)


def _sides(text: str, lang: str, kind: EventType) -> list[tuple[str | None, str | None]]:
    return sides(text, lang, kind, PUBLISHED)


@pytest.mark.parametrize(
    ("lang", "text", "agent", "target"),
    [
        ("en", "Saudi Arabia condemned what it called blatant Israeli aggression.", "Q851", "Q801"),
        ("en", "Russia condemned what it described as a Ukrainian attack on the bridge.", "Q159",
         "Q212"),
        # the pronoun hung on the verb after a day
        ("en", "Russia condemned on Saturday what it called Ukraine's attack on the bridge.",
         "Q159", "Q212"),
        ("pt", "O Brasil condenou o que chamou de agressão israelense.", "Q155", "Q801"),
        ("pt", "O Brasil condenou o que classificou como um ataque russo.", "Q155", "Q159"),
        ("es", "Chile condenó lo que calificó de agresión israelí.", "Q298", "Q801"),
        ("es", "Chile condenó lo que calificó como un ataque ruso.", "Q298", "Q159"),
    ],
)
def test_a_free_relative_names_the_condemned_act(
    lang: str, text: str, agent: str, target: str
) -> None:
    assert _sides(text, lang, EventType.CONDEMNATION) == [(agent, target)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # whoever the named act struck is not condemned
        ("en", "Russia condemned what it called an attack on Ukrainian soldiers."),
        ("pt", "O Brasil condenou o que chamou de ataque contra civis israelenses."),
        ("es", "Chile condenó lo que calificó de ataque contra soldados israelíes."),
    ],
)
def test_a_free_relative_naming_only_the_struck_targets_nobody(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.CONDEMNATION) == []


def test_the_condemned_act_comes_before_an_act_modifying_it() -> None:
    # "occupation" (an attack noun with no doer) modifies the aggression that Israel did
    text = "Syria and Turkey condemn the Israeli occupation aggression against Gaza."
    assert ("Q858", "Q801") in _sides(text, "en", EventType.CONDEMNATION)


def test_an_act_modifying_the_condemned_one_gives_no_doer_of_its_own() -> None:
    text = "Turkey condemned the occupation attack on Israeli soldiers."
    # nobody is condemned (the condemnation keeps its one side since the night of 2026-12-08)
    assert _sides(text, "en", EventType.CONDEMNATION) == [("Q43", None)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "O Exército russo organizou um grande ataque em solo ucraniano."),
        ("en", "Russian forces launched an attack on Ukrainian territory."),
        ("es", "Las tropas rusas lanzaron un ataque en territorio ucraniano."),
        ("pt", "A Rússia coordenou um ataque massivo contra várias cidades da Ucrânia."),
    ],
)
def test_a_struck_place_named_by_a_demonym_gives_the_target(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.ATTACK) == [("Q159", "Q212")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a place of the attacker's own state is no attack on another state
        ("pt", "O Exército russo organizou um grande ataque em solo russo."),
        ("en", "Ukrainian forces launched an attack on Ukrainian territory."),
    ],
)
def test_a_place_of_the_attackers_own_state_is_no_target(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.ATTACK) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "Mísseis russos atingiram o Oblast de Kharkiv."),
        ("pt", "Drones russos atingiram o Oblast de Kharkiv."),
        ("es", "Misiles rusos alcanzaron el Óblast de Járkov."),
        ("es", "Misiles rusos impactaron en el Óblast de Járkov."),
    ],
)
def test_weapons_that_hit_a_place_attack_its_state(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.ATTACK) == [("Q159", "Q212")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "Mísseis russos atingiram o Oblast de Belgorod."),
        ("es", "Drones rusos alcanzaron el Óblast de Bélgorod."),
        # reaching a deal is no attack
        ("pt", "O Brasil e a Argentina atingiram um acordo."),
        ("es", "Chile y Perú alcanzaron un acuerdo."),
    ],
)
def test_hitting_ones_own_place_or_reaching_a_deal_is_no_attack(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.ATTACK) == []
