"""Attacks and condemnations (issue 9, attacks pass): the doer of an attack told by the weapons
it was made with, the one blamed by an accusation, a foreign ministry owned by a state, and the
statements the small English parser misreads ("The Council condemns in the firmest terms …",
"the raids carried out by …"). The sentences are ours, each rule with a negative twin."""

from __future__ import annotations

import datetime as dt

import pytest
from extracted import sides

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, EventType

PUBLISHED = dt.date(2023, 11, 6)


def _sides(text: str, lang: str, kind: EventType) -> list[tuple[str | None, str | None]]:
    return sides(text, lang, kind, PUBLISHED)


@pytest.mark.parametrize(
    ("lang", "text", "agent", "doer"),
    [
        ("en", "Canada condemned the raids with Iranian drones on Iraqi towns.", "Q16", "Q794"),
        (
            "pt",
            "O Chile condenou os ataques com drones iranianos contra cidades iraquianas.",
            "Q298",
            "Q794",
        ),
        (
            "es",
            "Perú condenó los ataques con misiles iraníes contra ciudades iraquíes.",
            "Q419",
            "Q794",
        ),
    ],
)
def test_the_owner_of_the_weapons_did_an_attack_that_names_no_doer(
    lang: str, text: str, agent: str, doer: str
) -> None:
    assert _sides(text, lang, EventType.CONDEMNATION) == [(agent, doer)]


@pytest.mark.parametrize(
    ("lang", "text", "agent"),
    [
        # weapons nobody owns name no doer: the act's doer is unknown, so no one is condemned
        # (the condemnation keeps its one side, since the night of 2026-12-08)
        ("en", "Canada condemned the raids with drones on Iraqi towns.", "Q16"),
        # (the parser hangs the target on the verb here: the act reads as only named, told
        # before, so no event)
        ("pt", "O Chile condenou os ataques com drones contra cidades iraquianas.", None),
        ("es", "Perú condenó los ataques con misiles contra ciudades iraquíes.", "Q419"),
    ],
)
def test_weapons_of_no_state_name_no_doer(lang: str, text: str, agent: str | None) -> None:
    expected = [(agent, None)] if agent else []
    assert _sides(text, lang, EventType.CONDEMNATION) == expected


def test_the_attack_itself_is_the_weapon_owners() -> None:
    text = "The raids with Iranian drones on Iraqi towns continued on Sunday."
    found = _sides(text, "en", EventType.ATTACK)
    assert found == [("Q794", "Q796")]


def test_an_accusation_of_an_attack_condemns_the_accused() -> None:
    text = "Armenia accused Azerbaijan of the artillery strikes on its villages."
    assert _sides(text, "en", EventType.CONDEMNATION) == [("Q399", "Q227")]


def test_an_accusation_of_no_attack_is_no_condemnation() -> None:
    text = "Armenia accused Azerbaijan of lying about the talks."
    assert _sides(text, "en", EventType.CONDEMNATION) == []


def _condemner_state(text: str) -> list[str | None]:
    """The state of each condemnation's agent (an unlinked body's own state)."""
    article = Article(id="t", text=text, lang="en", source="test", published=PUBLISHED)
    found = analyze(article, load_kb())
    country = {e.key: e.country for e in found.entities}
    return [
        country.get(e.agent) if e.agent and e.agent.startswith("local:") else e.agent
        for e in found.events
        if e.type is EventType.CONDEMNATION
    ]


def test_a_states_foreign_ministry_speaks_for_the_state() -> None:
    assert _condemner_state("Egypt's Foreign Ministry denounced the Israeli raids on Gaza.") == [
        "Q79"
    ]


def test_a_ministry_owned_by_nobody_named_stays_unplaced() -> None:
    found = _condemner_state("The Foreign Ministry denounced the Israeli raids on Gaza.")
    assert found in ([], [None])


def test_a_condemnation_in_the_firmest_terms_names_the_doer() -> None:
    text = "The United Kingdom condemns in the strongest terms the Iranian missile strikes on Iraq."
    assert _sides(text, "en", EventType.CONDEMNATION) == [("Q145", "Q794")]


def test_the_doer_of_raids_carried_out_by_a_state_is_condemned() -> None:
    text = "Niger denounced the raids carried out by Chad on its border posts."
    assert _sides(text, "en", EventType.CONDEMNATION) == [("Q1032", "Q657")]


def test_an_act_noun_beside_the_condemned_event_is_that_event() -> None:
    text = "O Chile condenou o bombardeio de Israel contra Beirute, ação que matou dez civis."
    assert _sides(text, "pt", EventType.CONDEMNATION) == [("Q298", "Q801")]


def test_an_act_noun_alone_with_no_act_told_condemns_no_one() -> None:
    # nobody is condemned; the condemnation of an act told in full (whom it killed, where)
    # keeps its one side (since the night of 2026-12-08)
    text = "O Chile condenou a ação, que matou dez civis em Beirute."
    assert _sides(text, "pt", EventType.CONDEMNATION) == [("Q298", None)]


def test_who_is_condemned_for_an_attack_did_it() -> None:
    text = "Canada condemned Iran for launching a barrage of missile strikes on Iraq."
    assert _sides(text, "en", EventType.ATTACK) == [("Q794", "Q796")]


def test_a_clause_of_time_keeps_the_subject_as_the_doer() -> None:
    text = "Iran struck Iraq after warning Baghdad for weeks."
    assert _sides(text, "en", EventType.ATTACK) == [("Q794", "Q796")]


# -- an attack and the answer to it the same day ---------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Israel struck Iran on Monday. Iran fired missiles at Israel on Monday."),
        ("pt", "Israel atacou o Irã na segunda-feira. O Irã atacou Israel na segunda-feira."),
        ("es", "Israel atacó Irán el lunes. Irán atacó Israel el lunes."),
    ],
)
def test_an_attack_and_the_answer_the_same_day_are_two_attacks(lang: str, text: str) -> None:
    # one identity (type, sorted sides, date) made them one event, the answer's evidence pooled
    # into the first attack: the identity of a directed event now names its agent
    assert sorted(_sides(text, lang, EventType.ATTACK)) == [("Q794", "Q801"), ("Q801", "Q794")]


def test_one_attack_told_twice_stays_one() -> None:
    text = "Israel struck Iran on Monday. The Israeli strikes on Iran on Monday hit Natanz."
    assert _sides(text, "en", EventType.ATTACK) == [("Q801", "Q794")]


@pytest.mark.parametrize(
    ("lang", "text", "doer"),
    [
        ("pt", "O Chile condena a usurpação ilegítima do poder por parte de Maduro.", "Q58132"),
        ("es", "Perú condena la usurpación del poder por parte de Maduro.", "Q58132"),
        ("en", "Canada condemns the illegitimate usurpation of power by Maduro.", "Q58132"),
        ("en", "Canada condemned Russia's occupation of Crimea.", "Q159"),
    ],
)
def test_an_act_of_a_government_is_condemned_in_its_doer(lang: str, text: str, doer: str) -> None:
    assert [recipient for _, recipient in _sides(text, lang, EventType.CONDEMNATION)] == [doer]


def test_an_act_with_no_doer_named_condemns_nobody() -> None:
    text = "Canada condemned the violation of human rights in Venezuela."
    assert _sides(text, "en", EventType.CONDEMNATION) == []


@pytest.mark.parametrize(
    ("lang", "text", "agent"),
    [
        ("es", "Estados Unidos condena el horrible ataque contra un templo en Kabul.", "Q30"),
        ("en", "Canada condemned the attack on a hospital in Kabul.", "Q16"),
        # the target told in the act's own clause, by a doer no table knows
        ("es", "Chile condena el ataque que ISIS-K perpetró contra un templo en Kabul.",
         "Q298"),
    ],
)
def test_a_condemnation_of_an_attack_by_nobody_named_keeps_its_one_side(
    lang: str, text: str, agent: str
) -> None:
    assert _sides(text, lang, EventType.CONDEMNATION) == [(agent, None)]


def test_a_condemnation_of_an_act_told_before_without_its_target_is_no_one_sided_event() -> None:
    # "the measures" were told before, with whoever took them: not condemned anew alone
    assert _sides("China condemned the measures.", "en", EventType.CONDEMNATION) == []
