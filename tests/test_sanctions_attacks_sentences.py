"""Sanctions, condemnations and attacks told in the styles of wire news and government statements
(issue 9, att pass): the doer of a condemned act named by an agent phrase the parser hung on the
condemning verb or by a possessor, an act noun that is only what a statement is addressed to,
the sanctioning agencies' verbs, a passive hit by weapons, a present "condemns" read as a noun
and a verb both of speech and of doubt. The sentences are ours, each rule with a negative twin.
"""

from __future__ import annotations

import datetime as dt

import pytest
from extracted import events, sides, tagged

from kgload.model import EventType, Status
from kgload.nlp.parse import (
    _repair_present_verb_read_as_a_plural_noun,
    _repair_subject_of_an_auxiliary,
)

PUBLISHED = dt.date(2026, 12, 1)


def _sides(text: str, lang: str, kind: EventType) -> list[tuple[str | None, str | None]]:
    return sides(text, lang, kind, PUBLISHED)


def _occurred(text: str, lang: str, kind: EventType) -> list[tuple[str | None, str | None]]:
    return [
        (e.agent, e.recipient)
        for e in events(text, lang, PUBLISHED)
        if e.type is kind and e.status is Status.OCCURRED
    ]


@pytest.mark.parametrize(
    ("lang", "text", "condemned"),
    [
        ("en", "Japan condemned the nuclear test by North Korea.", ("Q17", "Q423")),
        (
            "pt",
            "O governo brasileiro condenou o lançamento de mísseis pela Coreia do Norte.",
            ("Q155", "Q423"),
        ),
    ],
)
def test_an_agent_phrase_on_the_condemning_verb_names_the_act_s_doer(
    lang: str, text: str, condemned: tuple[str, str]
) -> None:
    assert _sides(text, lang, EventType.CONDEMNATION) == [condemned]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a passive's own agent is the one who condemns, not a doer
        ("en", "The nuclear test was condemned by Japan."),
        # "por" opening a time names no actor
        ("pt", "O Brasil condenou o ataque pela manhã."),
        ("en", "Japan condemned the test on Tuesday."),
    ],
)
def test_no_agent_phrase_no_doer(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.CONDEMNATION) == []


def test_the_possessor_of_an_act_read_by_a_verb_s_rule_did_it() -> None:
    text = "The United States condemned North Korea's missile launch."
    assert _sides(text, "en", EventType.CONDEMNATION) == [("Q30", "Q423")]
    assert (
        _sides("The United States condemned the missile launch.", "en", EventType.CONDEMNATION)
        == []
    )


def test_an_act_a_repudiation_is_addressed_to_is_not_the_speaker_s() -> None:
    text = "O governo brasileiro manifestou repúdio ao ataque contra civis em Gaza."
    assert _sides(text, "pt", EventType.ATTACK) == []


def test_an_act_with_its_doer_under_a_repudiation_stays_the_doer_s() -> None:
    text = "O governo brasileiro manifestou repúdio ao ataque de Israel contra Gaza."
    assert _sides(text, "pt", EventType.CONDEMNATION) == [("Q155", "Q801")]
    assert [a for a, _ in _sides(text, "pt", EventType.ATTACK)] == ["Q801"]
    # a light verb's own object is still its subject's act
    assert _sides("A Rússia lançou um ataque contra a Ucrânia.", "pt", EventType.ATTACK) == [
        ("Q159", "Q212")
    ]


@pytest.mark.parametrize(
    ("lang", "text", "sanction"),
    [
        ("en", "Japan froze the assets of Russian banks on Friday.", ("Q17", "Q159")),
        ("en", "Washington revoked the visas of Brazilian officials.", ("Q30", "Q155")),
        ("en", "The United States banned imports of Russian oil.", ("Q30", "Q159")),
        ("pt", "Washington revogou os vistos de autoridades brasileiras.", ("Q30", "Q155")),
        (
            "pt",
            "A Rússia proibiu a importação de alimentos da União Europeia.",
            ("Q159", "Q458"),
        ),
    ],
)
def test_freezes_visa_revocations_and_trade_bans_are_sanctions(
    lang: str, text: str, sanction: tuple[str, str]
) -> None:
    assert _occurred(text, lang, EventType.SANCTION) == [sanction]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # revoking sanctions ends them
        ("en", "Washington revoked the sanctions on Brazilian officials."),
        ("pt", "Os EUA revogaram as sanções contra autoridades brasileiras."),
        # a ban that targets no state
        ("en", "Brazil banned exports of raw timber."),
    ],
)
def test_revoked_sanctions_and_a_ban_on_no_one_are_no_sanction(lang: str, text: str) -> None:
    assert _occurred(text, lang, EventType.SANCTION) == []


def test_a_city_hit_by_a_state_s_missiles_was_attacked_by_the_state() -> None:
    text = "Kiev foi atingida por mísseis russos nesta quinta-feira."
    assert _sides(text, "pt", EventType.ATTACK) == [("Q159", "Q212")]
    assert _sides("Kiev foi atingida por uma tempestade.", "pt", EventType.ATTACK) == []


def test_a_bare_name_s_present_condemns_read_as_a_noun_is_its_verb() -> None:
    text = "Germany condemns the Russian strike on Kharkiv."
    assert _sides(text, "en", EventType.CONDEMNATION) == [("Q183", "Q159")]




def test_the_repaired_present_takes_the_phrase_right_after_it_as_its_object() -> None:
    doc = tagged(
        [
            ("Germany", 1, "compound", "PROPN", "Number=Sing"),
            ("condemns", 1, "ROOT", "NOUN", "Number=Plur"),
            ("the", 4, "det", "DET", ""),
            ("Russian", 4, "amod", "ADJ", ""),
            ("strike", 1, "appos", "NOUN", "Number=Sing"),
        ]
    )
    _repair_present_verb_read_as_a_plural_noun(doc)
    assert (doc[1].pos_, doc[0].dep_, doc[4].dep_) == ("VERB", "nsubj", "obj")


def test_an_apposition_set_off_by_a_comma_is_no_object() -> None:
    # "Germany exports, the main ones": a phrase after a comma names the noun again
    doc = tagged(
        [
            ("Germany", 1, "compound", "PROPN", "Number=Sing"),
            ("exports", 1, "ROOT", "NOUN", "Number=Plur"),
            (",", 4, "punct", "PUNCT", ""),
            ("the", 4, "det", "DET", ""),
            ("cars", 1, "appos", "NOUN", "Number=Plur"),
        ]
    )
    _repair_present_verb_read_as_a_plural_noun(doc)
    assert (doc[1].pos_, doc[4].dep_) == ("NOUN", "appos")


def test_a_verb_of_speech_and_doubt_over_an_infinitive_leaves_the_act_possible() -> None:
    text = "O governo americano avalia aplicar sanções ao Brasil."
    assert [e.status for e in events(text, "pt", PUBLISHED) if e.type is EventType.SANCTION] == [
        Status.SPECULATIVE
    ]
    # the same verb over a finite clause reports it
    reported = events("Os EUA avaliaram que a Rússia atacou a Ucrânia.", "pt", PUBLISHED)
    assert [(e.status, e.reported_by) for e in reported if e.type is EventType.ATTACK] == [
        (Status.OCCURRED, ("Q30",))
    ]


def test_a_subject_hung_on_the_auxiliary_is_the_verb_s() -> None:
    doc = tagged(
        [
            ("The", 1, "det", "DET", ""),
            ("UK", 2, "nsubj", "PROPN", "Number=Sing"),
            ("has", 3, "aux", "VERB", ""),
            ("imposed", 3, "ROOT", "VERB", "VerbForm=Part"),
            ("sanctions", 3, "obj", "NOUN", "Number=Plur"),
        ]
    )
    _repair_subject_of_an_auxiliary(doc)
    assert doc[1].head.i == 3


def test_an_auxiliary_with_an_object_of_its_own_keeps_its_subject() -> None:
    # "The film had battle scenes, …" with "had" misread as an auxiliary: it is the main verb
    doc = tagged(
        [
            ("Lula", 1, "nsubj", "PROPN", "Number=Sing"),
            ("had", 3, "aux", "VERB", ""),
            ("talks", 1, "obj", "NOUN", "Number=Plur"),
            ("ended", 3, "ROOT", "VERB", ""),
        ]
    )
    _repair_subject_of_an_auxiliary(doc)
    assert doc[0].head.i == 1


def test_a_state_that_has_imposed_sanctions_sanctions() -> None:
    text = "The UK has imposed sanctions on five Russian banks."
    assert _occurred(text, "en", EventType.SANCTION) == [("Q145", "Q159")]


def test_weapons_sent_toward_a_state_split_by_the_parser_are_no_aid() -> None:
    text = "O Irã enviou drones e mísseis em direção a Israel no sábado."
    assert _sides(text, "pt", EventType.MILITARY_AID) == []
    assert _sides("O Irã enviou drones à Rússia no sábado.", "pt", EventType.MILITARY_AID) == [
        ("Q794", "Q159")
    ]


def test_a_sanction_told_with_an_adverb_between_auxiliary_and_participle() -> None:
    # "has today sanctioned": the parser took "has" for the verb
    found = events("Britain has today sanctioned Russia.", "en", dt.date(2024, 2, 22))
    assert (EventType.SANCTION, "Q145", "Q159") in {(e.type, e.agent, e.recipient) for e in found}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "O Reino Unido sancionou 50 empresas ligadas à Rússia."),
        ("es", "El Reino Unido sancionó a 50 empresas vinculadas a Rusia."),
    ],
)
def test_sanctions_on_bodies_linked_to_a_state_are_aimed_at_it(lang: str, text: str) -> None:
    # the parser labels "à Rússia" the participle's object: a case phrase all the same
    found = events(text, lang, dt.date(2024, 2, 22))
    assert (EventType.SANCTION, "Q145", "Q159") in {(e.type, e.agent, e.recipient) for e in found}


def test_a_target_in_a_region_owned_by_a_state_is_in_that_state() -> None:
    # "in Russia's Rostov region": the possessor names the state hit
    found = events("Ukraine struck an oil refinery in Russia's Rostov region with drones.", "en")
    assert (EventType.ATTACK, "Q212", "Q159") in {(e.type, e.agent, e.recipient) for e in found}
