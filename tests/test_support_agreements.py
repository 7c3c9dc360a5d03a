"""Support, agreements and statements of position on unseen news (issue 9, support pass):
causes of missed or wrong events found on public excerpts of statements of support, solidarity,
thanks and signed agreements, each fixed for the language rather than for one sentence and
tested on sentences of our own, with a twin that must not give the event."""

from __future__ import annotations

import datetime as dt

import pytest
from extracted import events as _events
from extracted import kinds as _kinds
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgload.model import EventType, Status
from kgload.nlp.parse import (
    _repair_modifier_read_as_the_object,
    _repair_noun_read_as_a_modifier_of_its_adjective,
)

Q_BR, Q_DE, Q_UA, Q_VE, Q_RU, Q_CU = "Q155", "Q183", "Q212", "Q717", "Q159", "Q241"
Q_FR, Q_IN, Q_US, Q_JP, Q_SY, Q_TR = "Q142", "Q668", "Q30", "Q17", "Q858", "Q43"
Q_LULA, Q_PUTIN, Q_TRUMP, Q_ES, Q_CO, Q_PT = "Q37181", "Q7747", "Q22686", "Q29", "Q739", "Q45"


def _participants(text: str, lang: str, kind: EventType) -> list[set[str]]:
    return [set(e.participants) for e in _events(text, lang) if e.type is kind]


# -- two objects of one verb: the one with a case word is an oblique -----------------------------


@pytest.mark.parametrize(
    ("lang", "text", "giver", "taker"),
    [
        ("pt", "Lula manifestou solidariedade a Cuba.", Q_LULA, Q_CU),
        ("es", "Lula manifestó su solidaridad a Cuba.", Q_LULA, Q_CU),
    ],
)
def test_solidarity_expressed_to_a_state_is_support(
    lang: str, text: str, giver: str, taker: str
) -> None:
    # the parser read "a Cuba" as a second object of the verb; a clause has one
    assert (EventType.SUPPORT, giver, taker) in _kinds(text, lang)


def test_a_lone_object_marked_by_a_stays_an_object() -> None:
    # Spanish marks a lone object with "a": "respaldó a Cuba" is still Cuba backed
    assert (EventType.SUPPORT, "Q96", Q_CU) in _kinds("México respaldó el martes a Cuba.", "es")


# -- the support one is thanked for, told as the object of the thanks ----------------------------


@pytest.mark.parametrize(
    ("lang", "text", "giver", "taker"),
    [
        ("pt", "Zelensky agradeceu o apoio da Alemanha à Ucrânia.", Q_DE, Q_UA),
        ("pt", "Putin agradeceu a Lula o apoio do Brasil.", Q_BR, Q_PUTIN),
        ("pt", "Lula agradeceu o apoio da Venezuela à candidatura brasileira.", Q_VE, Q_BR),
        ("es", "Nicolás Maduro agradeció a Lula el apoyo de Brasil.", Q_BR, "Q58132"),
        # a possessive word is the thanked one's support
        ("es", "Zelenski agradeció a España su apoyo.", Q_ES, "Q3874799"),
    ],
)
def test_support_thanked_as_the_object_goes_from_its_owner(
    lang: str, text: str, giver: str, taker: str
) -> None:
    # the event's own "de" phrase gave it; a recipient phrase after it, or else whoever
    # thanks, received it
    assert (EventType.SUPPORT, giver, taker) in _kinds(text, lang)


def test_support_thanked_for_keeps_the_thanked_as_giver() -> None:
    assert (EventType.SUPPORT, "Q56226", Q_PUTIN) in _kinds(
        "Putin agradeceu a Kim pelo apoio.", "pt"
    )


def test_an_object_of_another_verb_is_no_thanks() -> None:
    # "criticou o apoio": the critic neither gave nor received it
    found = _kinds("Lula criticou o apoio da Alemanha à Ucrânia.", "pt")
    assert (EventType.SUPPORT, Q_DE, Q_LULA) not in found


def test_support_thanked_for_takes_no_publication_date() -> None:
    # the thanks are today's; the support came before and the text does not say when
    text = "Na declaração, Modi agradeceu o apoio do Brasil à candidatura indiana."
    support = [e for e in _events(text, "pt", dt.date(2025, 7, 8)) if e.type is EventType.SUPPORT]
    assert support and support[0].date is None


def test_support_told_without_thanks_still_takes_the_publication_day() -> None:
    text = "O Brasil manifestou apoio à Índia."
    support = [e for e in _events(text, "pt", dt.date(2025, 7, 8)) if e.type is EventType.SUPPORT]
    assert support and support[0].date is not None and support[0].date.iso() == "2025-07-08"


# -- ministers named by their portfolio stand for their states -----------------------------------


def test_ministers_of_a_portfolio_of_two_states_are_both_parties() -> None:
    text = "Os ministros da Defesa do Brasil e da França assinaram um acordo de cooperação."
    assert {Q_BR, Q_FR} in _participants(text, "pt", EventType.AGREEMENT)


def test_a_minister_of_one_state_makes_no_agreement_alone() -> None:
    text = "O ministro da Defesa do Brasil assinou um acordo."
    assert not _participants(text, "pt", EventType.AGREEMENT)


# -- a deal made by a verb of making it ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "India and the United States reached a trade deal on Tuesday.",
        "India and the United States struck a deal.",
    ],
)
def test_a_deal_reached_or_struck_is_an_agreement(text: str) -> None:
    assert {Q_IN, Q_US} in _participants(text, "en", EventType.AGREEMENT)


def test_dealing_with_a_crisis_is_no_agreement() -> None:
    assert not _participants(
        "India and Japan will deal with the crisis.", "en", EventType.AGREEMENT
    )


def test_a_deal_not_reached_is_denied() -> None:
    found = [e for e in _events("India and Japan failed to reach a deal.", "en")]
    assert found and all(e.status is not Status.OCCURRED for e in found)


# -- what a talk, call or deal is about takes no part in it --------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "kind", "sides"),
    [
        (
            "es",
            "Rusia y Turquía firmaron un acuerdo sobre Siria.",
            EventType.AGREEMENT,
            {Q_RU, Q_TR},
        ),
        (
            "en",
            "Putin and Trump approved a joint statement on Syria.",
            EventType.AGREEMENT,
            {Q_PUTIN, Q_TRUMP},
        ),
        (
            "es",
            "Putin y Trump hablaron por teléfono sobre Siria.",
            EventType.PHONE_CALL,
            {Q_PUTIN, Q_TRUMP},
        ),
        (
            "pt",
            "Lula e Biden fizeram uma reunião sobre a Venezuela.",
            EventType.MEETING,
            {Q_LULA, "Q6279"},
        ),
    ],
)
def test_the_topic_of_a_talk_or_deal_is_no_party(
    lang: str, text: str, kind: EventType, sides: set[str]
) -> None:
    assert _participants(text, lang, kind) == [sides]


def test_a_sanction_on_a_state_still_targets_it() -> None:
    found = _kinds("A Rússia impôs sanções sobre a Ucrânia.", "pt")
    assert (EventType.SANCTION, Q_RU, Q_UA) in found


def test_a_partner_of_a_talk_still_takes_part() -> None:
    found = _participants("Lula reuniu-se com Biden sobre a Venezuela.", "pt", EventType.MEETING)
    assert found == [{Q_LULA, "Q6279"}]


# -- a subject left out by the light verb of an event noun ---------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "giver"),
    [
        ("pt", "Lula chegou a Pequim. Também reafirmou o apoio à Venezuela.", Q_LULA),
        (
            "es",
            "Mike Pompeo llegó a Buenos Aires. También reafirmó el apoyo a Venezuela.",
            "Q473239",
        ),
    ],
)
def test_the_dropped_subject_of_a_light_verb_gives_the_support(
    lang: str, text: str, giver: str
) -> None:
    assert (EventType.SUPPORT, giver, Q_VE) in _kinds(text, lang)


def test_a_dropped_subject_that_is_no_actor_gives_no_support() -> None:
    text = "A comitiva chegou a Pequim. Reafirmou o apoio à Venezuela."
    assert not any(k is EventType.SUPPORT for k, _, _ in _kinds(text, "pt"))


# -- a date set before another noun is that noun's -----------------------------------------------


def test_a_date_before_another_noun_dates_that_noun_not_the_support() -> None:
    text = "The United States reaffirms its support for Ukraine ahead of the December 9 summit."
    support = [e for e in _events(text, "en", dt.date(2019, 11, 27)) if e.type is EventType.SUPPORT]
    # the summit's day is no support's; the statement is the publication day's, not a past
    # December's
    assert support and support[0].date is not None and support[0].date.iso() == "2019-11-27"


def test_a_date_of_the_event_itself_still_dates_it() -> None:
    text = "The United States reaffirmed its support for Ukraine on November 25."
    support = [e for e in _events(text, "en", dt.date(2019, 11, 27)) if e.type is EventType.SUPPORT]
    assert support and support[0].date is not None and support[0].date.iso() == "2019-11-25"


# -- refused, withdrawn: never occurred ----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the clitic verb lemmatised "recusar se": still a verb of refusing
        ("pt", "O Brasil recusou-se a assinar o acordo com a Argentina."),
        ("en", "Germany withdrew its support for Ukraine."),
        ("en", "Hungary revoked its support for Ukraine."),
        ("es", "Hungría retiró su respaldo a Ucrania."),
        ("pt", "A Hungria retirou o seu apoio à Ucrânia."),
    ],
)
def test_refused_or_withdrawn_acts_never_occurred(lang: str, text: str) -> None:
    assert not [e for e in _events(text, lang) if e.status is Status.OCCURRED]


def test_support_reaffirmed_still_occurred() -> None:
    found = _events("A Hungria reafirmou o seu apoio à Ucrânia.", "pt")
    assert [e.status for e in found if e.type is EventType.SUPPORT] == [Status.OCCURRED]


# -- a cause backed is its owner's, not the body it leads to -------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "giver"),
    [
        # the possessor, not the "of" phrase of what is joined
        ("en", "Poland backs Ukraine's membership of NATO.", "Q36"),
        # "a la OTAN" hung on the verb: where the accession leads
        ("es", "Alemania defendió la adhesión de Ucrania a la OTAN.", Q_DE),
    ],
)
def test_membership_backed_is_the_members(lang: str, text: str, giver: str) -> None:
    assert (EventType.SUPPORT, giver, Q_UA) in _kinds(text, lang)


def test_a_state_backed_before_a_body_is_still_backed() -> None:
    # no cause noun: "a Cuba" is the one backed
    assert (EventType.SUPPORT, "Q96", Q_CU) in _kinds("México respaldó a Cuba ante la ONU.", "es")


@pytest.mark.parametrize(
    "text",
    [
        "O Brasil solidarizou-se com o povo turco.",
        "O Brasil se solidarizou com a Turquia.",
    ],
)
def test_solidarity_told_by_the_verb_is_support(text: str) -> None:
    assert (EventType.SUPPORT, Q_BR, Q_TR) in _kinds(text, "pt")


# -- an adjective around the support noun misread as its head ------------------------------------


def _tagged(rows: list[tuple[str, str, int, str]]) -> Doc:
    return Doc(
        Vocab(),
        words=[w for w, _, _, _ in rows],
        pos=[p for _, p, _, _ in rows],
        heads=[h for _, _, h, _ in rows],
        deps=[d for _, _, _, d in rows],
    )


def test_a_noun_read_as_a_modifier_of_its_adjective_heads_the_phrase() -> None:
    doc = _tagged([
        ("Cuba", "PROPN", 1, "nsubj"), ("ratificó", "VERB", 1, "ROOT"), ("su", "DET", 4, "det"),
        ("respaldo", "NOUN", 4, "amod"), ("incondicional", "ADJ", 1, "obj"),
        ("a", "ADP", 6, "case"), ("Venezuela", "PROPN", 4, "nmod"),
    ])  # fmt: skip
    _repair_noun_read_as_a_modifier_of_its_adjective(doc)
    assert (doc[3].dep_, doc[3].head.i) == ("obj", 1)
    assert (doc[4].dep_, doc[4].head.i) == ("amod", 3)
    assert doc[2].head.i == 3 and doc[6].head.i == 3


def test_a_bare_modifier_read_as_the_object_modifies_the_noun_after_it() -> None:
    doc = _tagged([
        ("Rusia", "PROPN", 1, "nsubj"), ("expresó", "VERB", 1, "ROOT"), ("su", "DET", 3, "det"),
        ("firme", "NOUN", 1, "obj"), ("respaldo", "ADJ", 1, "advcl"), ("a", "ADP", 6, "case"),
        ("Venezuela", "PROPN", 4, "obl"),
    ])  # fmt: skip
    _repair_modifier_read_as_the_object(doc)
    assert (doc[4].dep_, doc[4].head.i) == ("obj", 1)
    assert (doc[3].dep_, doc[3].head.i) == ("amod", 4)
    assert doc[2].head.i == 4


def test_an_object_with_a_predicate_clause_of_its_own_is_left_alone() -> None:
    # "consideró la propuesta, presentada ayer": the clause has words of its own
    doc = _tagged([
        ("consideró", "VERB", 0, "ROOT"), ("la", "DET", 2, "det"), ("propuesta", "NOUN", 0, "obj"),
        ("presentada", "VERB", 0, "advcl"), ("ayer", "ADV", 3, "advmod"), ("por", "ADP", 6, "case"),
        ("Chile", "PROPN", 3, "obl"), ("que", "SCONJ", 3, "mark"),
    ])  # fmt: skip
    _repair_modifier_read_as_the_object(doc)
    assert doc[2].dep_ == "obj" and doc[3].dep_ == "advcl"


@pytest.mark.parametrize(
    ("text", "giver", "taker"),
    [
        ("Cuba ratificó su respaldo incondicional a Venezuela.", Q_CU, Q_VE),
        ("Rusia expresó su firme respaldo a Venezuela.", Q_RU, Q_VE),
        ("México expresó su firme apoyo a Cuba.", "Q96", Q_CU),
    ],
)
def test_support_with_an_adjective_around_it_is_read(text: str, giver: str, taker: str) -> None:
    assert (EventType.SUPPORT, giver, taker) in _kinds(text, "es")


# -- help offered to a state is support; military help stays military aid -------------------


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        ("en", "The United States offered assistance to Spain after the attack.",
         {(EventType.SUPPORT, Q_US, Q_ES)}),
        ("es", "Estados Unidos ofreció asistencia a España tras el ataque.",
         {(EventType.SUPPORT, Q_US, Q_ES)}),
        ("pt", "Os Estados Unidos ofereceram ajuda à França depois do ataque.",
         {(EventType.SUPPORT, Q_US, Q_FR)}),
        ("en", "The United States offered military assistance to Ukraine.",
         {(EventType.MILITARY_AID, Q_US, Q_UA)}),
    ],
)
def test_help_offered_to_a_state_is_support(
    lang: str, text: str, found: set[tuple[EventType, str, str]]
) -> None:
    assert _kinds(text, lang) == found
