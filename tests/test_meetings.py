"""Meetings and visits as news tells them (issue 9, meetings pass): what a talk is about and
the summit it took place at are no sides of it, a purpose clause the parser hung on a date
still tells a planned meeting, and a caption's "X meets with Y" is a verb. The sentences are
ours, each rule with a twin it must leave alone."""

from __future__ import annotations

import datetime as dt

import pytest
from extracted import tagged

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, Event, EventType, Status
from kgload.nlp.parse import (
    _repair_list_item_read_as_apposition,
    _repair_present_verb_read_as_a_plural_noun,
    _repair_relative_clause_with_a_case_word_read_as_adverbial,
    _repair_subject_read_as_apposition_of_a_fronted_phrase,
    _repair_subject_set_off_before_its_verb,
)

BIDEN, LULA, MACRON, JOHNSON = "Q6279", "Q37181", "Q3052772", "Q180589"
BLINKEN, LAVROV, OBAMA, BRAZIL = "Q7821917", "Q58217", "Q76", "Q155"


def _events(text: str, lang: str, published: dt.date) -> list[Event]:
    article = Article(id="t", text=text, lang=lang, source="test", published=published)
    return list(analyze(article, load_kb()).events)


def _sides(text: str, lang: str, kind: EventType, published: dt.date) -> list[set[str]]:
    return [set(e.participants) for e in _events(text, lang, published) if e.type is kind]


@pytest.mark.parametrize(
    ("lang", "text", "sides"),
    [
        ("en", "Biden held talks with the Brazilian government on Venezuela.", {BIDEN, BRAZIL}),
        ("es", "Biden mantuvo una reunión sobre Venezuela con Lula.", {BIDEN, LULA}),
        # the partner hung by the parser on the topic is still the talk's
        ("pt", "Biden teve uma reunião sobre a Venezuela com Lula.", {BIDEN, LULA}),
        # the meeting whose margins it took place on is no side either
        (
            "en",
            "Antony Blinken met with Sergey Lavrov on the margins of the Arctic Council "
            "Ministerial.",
            {BLINKEN, LAVROV},
        ),
    ],
)
def test_what_a_talk_is_about_is_no_side_of_it(lang: str, text: str, sides: set[str]) -> None:
    assert _sides(text, lang, EventType.MEETING, dt.date(2023, 6, 1)) == [sides]


def test_a_partner_named_beside_the_topic_still_takes_part() -> None:
    text = "President Biden held talks with President Lula and President Macron on trade."
    assert _sides(text, "en", EventType.MEETING, dt.date(2023, 6, 1)) == [{BIDEN, LULA, MACRON}]


def test_a_directed_act_still_takes_its_target_after_the_same_word() -> None:
    # "sobre" opens a talk's topic, but the target of an attack
    events = _events("Israel lançou ataques sobre o Líbano.", "pt", dt.date(2024, 9, 25))
    assert [(e.agent, e.recipient) for e in events if e.type is EventType.ATTACK] == [
        ("Q801", "Q822")
    ]


@pytest.mark.parametrize(
    ("lang", "text", "published", "sides"),
    [
        (
            "en",
            "Boris Johnson met President Macron at the G20 Summit in Rome.",
            dt.date(2021, 10, 31),
            {JOHNSON, MACRON},
        ),
        (
            "pt",
            "Lula se reuniu com o presidente Macron na cúpula do G20 em Roma.",
            dt.date(2023, 6, 1),
            {LULA, MACRON},
        ),
        (
            "pt",
            "Lula reuniu-se com Macron durante a cúpula do G20.",
            dt.date(2023, 6, 1),
            {LULA, MACRON},
        ),
    ],
)
def test_the_summit_a_meeting_took_place_at_is_no_second_meeting(
    lang: str, text: str, published: dt.date, sides: set[str]
) -> None:
    assert _sides(text, lang, EventType.MEETING, published) == [sides]


def test_a_summit_set_before_a_clause_of_another_verb_is_still_a_meeting() -> None:
    text = "Na cúpula do G20, Lula e Macron discutiram o clima."
    meetings = _sides(text, "pt", EventType.MEETING, dt.date(2023, 6, 1))
    assert len(meetings) == 1 and {LULA, MACRON} <= meetings[0]


def test_a_purpose_clause_hung_on_a_date_still_tells_a_planned_meeting() -> None:
    text = "El presidente Biden viajará a Brasilia el viernes para reunirse con el presidente Lula."
    events = _events(text, "es", dt.date(2023, 6, 1))
    meetings = [e for e in events if e.type is EventType.MEETING]
    assert [(set(e.participants), e.status) for e in meetings] == [({BIDEN, LULA}, Status.PLANNED)]
    assert [e.recipient for e in events if e.type is EventType.VISIT] == ["Q155"]


def test_a_caption_s_present_verb_read_as_a_plural_noun_tells_a_meeting() -> None:
    text = "President Obama meets with Brazilian President Lula in the Oval Office."
    assert _sides(text, "en", EventType.MEETING, dt.date(2009, 5, 21)) == [{OBAMA, LULA}]




def test_a_plural_noun_after_a_bare_name_with_a_case_phrase_is_the_name_s_verb() -> None:
    doc = tagged(
        [
            ("Obama", 1, "compound", "PROPN", "Number=Sing"),
            ("meets", 1, "ROOT", "NOUN", "Number=Plur"),
            ("with", 3, "case", "ADP", ""),
            ("Lula", 1, "nmod", "PROPN", "Number=Sing"),
        ]
    )
    _repair_present_verb_read_as_a_plural_noun(doc)
    assert (doc[1].pos_, doc[0].dep_, doc[3].dep_) == ("VERB", "nsubj", "obl")
    assert doc[1].morph.get("Tense") == ["Pres"]


@pytest.mark.parametrize(
    "rows",
    [
        # a name with its determiner heads a noun phrase: "The Council sanctions on Iran"
        [
            ("The", 1, "det", "DET", ""),
            ("Council", 2, "compound", "PROPN", "Number=Sing"),
            ("sanctions", 2, "ROOT", "NOUN", "Number=Plur"),
            ("on", 4, "case", "ADP", ""),
            ("Iran", 2, "nmod", "PROPN", "Number=Sing"),
        ],
        # a noun with a determiner of its own: "the Biden talks with Lula"
        [
            ("the", 2, "det", "DET", ""),
            ("Biden", 2, "compound", "PROPN", "Number=Sing"),
            ("talks", 2, "ROOT", "NOUN", "Number=Plur"),
            ("with", 4, "case", "ADP", ""),
            ("Lula", 2, "nmod", "PROPN", "Number=Sing"),
        ],
        # no case phrase after it: "Brazil exports"
        [
            ("Brazil", 1, "compound", "PROPN", "Number=Sing"),
            ("exports", 1, "ROOT", "NOUN", "Number=Plur"),
        ],
    ],
)
def test_a_noun_phrase_stays_a_noun_phrase(rows: list[tuple[str, int, str, str, str]]) -> None:
    doc = tagged(rows)
    root = next(t for t in doc if t.dep_ == "ROOT")
    _repair_present_verb_read_as_a_plural_noun(doc)
    assert root.pos_ == "NOUN"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Lula thanked Macron, with whom he met in Paris last week."),
        ("pt", "Lula agradeceu a Macron, com quem se reuniu em Paris na semana passada."),
        ("es", "Lula agradeció a Macron, con quien se reunió en París la semana pasada."),
    ],
)
def test_a_relative_clause_opened_by_with_whom_meets_the_subject_above(
    lang: str, text: str
) -> None:
    assert _sides(text, lang, EventType.MEETING, dt.date(2023, 6, 1)) == [{LULA, MACRON}]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the relative word is the clause's subject: the antecedent meets
        ("pt", "Lula elogiou Macron, que se reuniu com Biden em Paris."),
        # the clause names its own subject
        ("en", "Lula thanked Macron, with whom Biden met in Paris."),
    ],
)
def test_a_relative_clause_with_a_subject_of_its_own_keeps_it(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.MEETING, dt.date(2023, 6, 1)) == [{MACRON, BIDEN}]


def test_a_clause_opened_by_a_case_word_and_a_relative_pronoun_is_a_relative_clause() -> None:
    # the misparse: "reuniu" an adverbial clause of "agradeceu", "com" its subordinator
    doc = tagged(
        [
            ("Lula", 1, "nsubj", "PROPN", "Number=Sing"),
            ("agradeceu", 1, "ROOT", "VERB", "Number=Sing|VerbForm=Fin"),
            ("Macron", 1, "obj", "PROPN", "Number=Sing"),
            (",", 7, "punct", "PUNCT", ""),
            ("com", 7, "mark", "SCONJ", ""),
            ("quem", 7, "nsubj", "PRON", "PronType=Rel"),
            ("se", 7, "expl", "PRON", "Person=3|PronType=Prs"),
            ("reuniu", 1, "advcl", "VERB", "Number=Sing|VerbForm=Fin"),
        ]
    )
    _repair_relative_clause_with_a_case_word_read_as_adverbial(doc)
    assert (doc[7].dep_, doc[7].head.i, doc[5].dep_, doc[4].head.i) == ("acl:relcl", 2, "obl", 5)


def test_a_clause_opened_by_a_case_word_and_no_relative_pronoun_stays() -> None:
    doc = tagged(
        [
            ("Lula", 1, "nsubj", "PROPN", "Number=Sing"),
            ("agradeceu", 1, "ROOT", "VERB", "Number=Sing|VerbForm=Fin"),
            ("Macron", 1, "obj", "PROPN", "Number=Sing"),
            (",", 6, "punct", "PUNCT", ""),
            ("porque", 6, "mark", "SCONJ", ""),
            ("ele", 6, "nsubj", "PRON", "PronType=Prs"),
            ("veio", 1, "advcl", "VERB", "Number=Sing|VerbForm=Fin"),
        ]
    )
    _repair_relative_clause_with_a_case_word_read_as_adverbial(doc)
    assert (doc[6].dep_, doc[6].head.i) == ("advcl", 1)


def test_a_clause_hung_loose_beside_a_name_set_off_by_commas_is_its_verb() -> None:
    text = "Lula, on a state visit to China, met President Xi Jinping."
    assert _sides(text, "en", EventType.MEETING, dt.date(2023, 6, 1)) == [{LULA, "Q15031"}]


@pytest.mark.parametrize(
    ("separator", "moved"),
    [(",", True), (":", False)],  # a speaker's label keeps its clause
)
def test_a_loose_clause_beside_a_name_takes_it_as_subject_only_after_a_comma(
    separator: str, moved: bool
) -> None:
    doc = tagged(
        [
            ("Lula", 0, "ROOT", "PROPN", "Number=Sing"),
            (separator, 3, "punct", "PUNCT", ""),
            ("then", 3, "advmod", "ADV", ""),
            ("met", 0, "parataxis", "VERB", "VerbForm=Fin"),
            ("Xi", 3, "obj", "PROPN", "Number=Sing"),
        ]
    )
    _repair_subject_set_off_before_its_verb(doc)
    assert (doc[3].dep_ == "ROOT" and doc[0].dep_ == "nsubj") is moved


def test_what_a_visit_is_for_is_not_where_it_goes() -> None:
    text = (
        "Theresa May will fly to Paris tomorrow for three days of talks with the French "
        "government on Libya, Iran, Syria, and other regional crises."
    )
    events = _events(text, "en", dt.date(2018, 5, 6))
    assert [e.recipient for e in events if e.type is EventType.VISIT] == ["Q142"]
    assert not [e for e in events if e.type is EventType.MEETING and "Q1016" in e.participants]


def test_a_visit_told_by_flew_goes_where_it_flew() -> None:
    events = _events("Biden flew to Beijing on Monday.", "en", dt.date(2023, 6, 1))
    assert [(e.agent, e.recipient) for e in events if e.type is EventType.VISIT] == [
        (BIDEN, "Q148")
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Lula regresó a Brasilia tras tres días de reuniones en Pekín con Xi Jinping."),
        # the partner hung by the parser on the span, not on the talks
        ("pt", "Lula voltou a Brasília após três dias de reuniões em Pequim com Xi Jinping."),
    ],
)
def test_days_of_talks_stand_for_the_talks(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.MEETING, dt.date(2023, 6, 1)) == [{LULA, "Q15031"}]


def test_every_state_of_a_list_of_visits_is_visited() -> None:
    text = "The Prime Minister noted his recent visits to France, Germany, Italy and Ireland."
    article = Article(
        id="t",
        text=text,
        lang="en",
        source="test",
        published=dt.date(2024, 10, 2),
        url="https://www.gov.uk/government/news/t",
    )
    visits = [e for e in analyze(article, load_kb()).events if e.type is EventType.VISIT]
    assert {e.recipient for e in visits} == {"Q142", "Q183", "Q38", "Q27"}


@pytest.mark.parametrize(
    ("rows", "relation"),
    [
        # "visits to France, Germany, Italy and Ireland": a list item read as an apposition
        (
            [
                ("France", 0, "ROOT", "PROPN", ""),
                (",", 2, "punct", "PUNCT", ""),
                ("Germany", 0, "appos", "PROPN", ""),
                ("and", 4, "cc", "CCONJ", ""),
                ("Italy", 0, "conj", "PROPN", ""),
            ],
            "conj",
        ),
        # "in Brasília, Brazil": a place and its state, no list after it
        (
            [
                ("Brasília", 0, "ROOT", "PROPN", ""),
                (",", 2, "punct", "PUNCT", ""),
                ("Brazil", 0, "appos", "PROPN", ""),
            ],
            "appos",
        ),
    ],
)
def test_a_name_between_commas_in_a_list_is_an_item(
    rows: list[tuple[str, int, str, str, str]], relation: str
) -> None:
    doc = tagged(rows)
    _repair_list_item_read_as_apposition(doc)
    assert doc[2].dep_ == relation


@pytest.mark.parametrize(
    ("lang", "text", "host"),
    [
        (
            "es",
            "En visita oficial a Japón, Lula se reunió con el primer ministro Fumio Kishida.",
            "Q17",
        ),
        (
            "pt",
            "Em visita oficial ao Japão, Lula se reuniu com o primeiro-ministro Fumio Kishida.",
            "Q17",
        ),
    ],
)
def test_the_subject_of_a_clause_set_in_a_visit_is_the_visitor(
    lang: str, text: str, host: str
) -> None:
    events = _events(text, lang, dt.date(2023, 6, 1))
    assert [(e.agent, e.recipient) for e in events if e.type is EventType.VISIT] == [(LULA, host)]
    assert [set(e.participants) for e in events if e.type is EventType.MEETING] == [
        {LULA, "Q359480"}
    ]


@pytest.mark.parametrize(
    ("rows", "relation"),
    [
        # "En visita a Japón, Lula se reunió": the name after the comma is the verb's subject
        (
            [
                ("En", 1, "case", "ADP", ""),
                ("visita", 6, "obl", "NOUN", ""),
                ("a", 3, "case", "ADP", ""),
                ("Japón", 1, "nmod", "PROPN", ""),
                (",", 5, "punct", "PUNCT", ""),
                ("Lula", 3, "appos", "PROPN", ""),
                ("reunió", 6, "ROOT", "VERB", "VerbForm=Fin"),
            ],
            "nsubj",
        ),
        # the verb has a subject of its own: the name stays Japón's apposition
        (
            [
                ("En", 1, "case", "ADP", ""),
                ("visita", 7, "obl", "NOUN", ""),
                ("a", 3, "case", "ADP", ""),
                ("Japón", 1, "nmod", "PROPN", ""),
                (",", 5, "punct", "PUNCT", ""),
                ("Tokio", 3, "appos", "PROPN", ""),
                ("Biden", 7, "nsubj", "PROPN", ""),
                ("habló", 7, "ROOT", "VERB", "VerbForm=Fin"),
            ],
            "appos",
        ),
    ],
)
def test_a_name_after_a_fronted_phrase_is_the_subject_of_a_verb_without_one(
    rows: list[tuple[str, int, str, str, str]], relation: str
) -> None:
    doc = tagged(rows)
    _repair_subject_read_as_apposition_of_a_fronted_phrase(doc)
    assert doc[5].dep_ == relation


@pytest.mark.parametrize(
    ("lang", "text", "sides"),
    [
        (
            "pt",
            "Os presidentes Lula e Xi Jinping reuniram-se por mais de duas horas.",
            {LULA, "Q15031"},
        ),
        ("es", "Los mandatarios Lula y Macron se reunieron en París.", {LULA, MACRON}),
    ],
)
def test_a_plural_noun_with_names_beside_it_stands_for_each(
    lang: str, text: str, sides: set[str]
) -> None:
    assert _sides(text, lang, EventType.MEETING, dt.date(2023, 6, 1)) == [sides]


def test_a_clause_of_where_the_traveller_goes_has_the_traveller_as_subject() -> None:
    text = "Lula viajará la próxima semana a Washington, donde se reunirá con Biden."
    events = _events(text, "es", dt.date(2023, 6, 1))
    meetings = [e for e in events if e.type is EventType.MEETING]
    assert [(set(e.participants), e.status) for e in meetings] == [({LULA, BIDEN}, Status.PLANNED)]


def test_sat_down_with_is_a_meeting() -> None:
    text = "Lula sat down with Biden in the Oval Office."
    assert _sides(text, "en", EventType.MEETING, dt.date(2023, 6, 1)) == [{LULA, BIDEN}]
    # sitting beside someone is no talk
    assert (
        _sides(
            "Lula sat next to Biden at the dinner.", "en", EventType.MEETING, dt.date(2023, 6, 1)
        )
        == []
    )


def test_a_titled_official_the_kb_does_not_know_meets_for_the_state_of_the_title() -> None:
    # "Deputy Secretary of State" is no office of the KB: the name after it is a person of
    # the United States, and a side of the meeting
    (sides,) = _sides(
        "U.S. Deputy Secretary of State Wendy Sherman met with Latvian Foreign Minister Edgars "
        "Rinkevics in Washington.", "en", EventType.MEETING, dt.date(2021, 10, 29)
    )
    assert "Q3047551" in sides and "local:wendy-sherman" in sides


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "Está prevista uma reunião entre Lula e o presidente da Argentina, Javier Milei."),
        ("en", "A meeting between Lula and the President of Argentina, Javier Milei, is planned."),
    ],
)
def test_the_second_of_a_pair_after_between_is_a_side_of_the_talks(lang: str, text: str) -> None:
    # the parser hangs the second member on the event noun, as its conjunct
    (sides,) = _sides(text, lang, EventType.MEETING, dt.date(2024, 2, 10))
    assert {"Q37181", "Q52395487"} <= sides


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "President Biden spoke with President Xi Jinping on the sidelines of the summit."),
        ("pt", "Lula conversou com Xi Jinping à margem da cúpula do G20."),
    ],
)
def test_talking_with_a_leader_on_the_margins_of_an_event_is_a_meeting(
    lang: str, text: str
) -> None:
    kinds = {e.type for e in _events(text, lang, dt.date(2023, 11, 15))}
    assert kinds == {EventType.MEETING}


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        ("Lula elogiou a reunião que manteve com Xi Jinping em Pequim.", "pt",
         {"Q37181", "Q15031"}),
        ("Pedro Sánchez destacó la reunión que sostuvo con Xi Jinping en Pekín.", "es",
         {"Q6070218", "Q15031"}),
    ],
)
def test_a_meeting_held_in_a_relative_clause_without_a_subject_is_the_speakers(
    text: str, lang: str, pair: set[str]
) -> None:
    found = _events(text, lang, dt.date(2024, 5, 10))
    assert [set(e.participants) for e in found if e.type is EventType.MEETING] == [pair]


def test_a_relative_clause_with_an_object_of_its_own_is_what_the_noun_did() -> None:
    # "as sanções, que impuseram custos": the sanctions imposed costs, nobody imposed them
    text = "O Brasil criticou as sanções, que impuseram custos à Venezuela."
    assert _events(text, "pt", dt.date(2024, 5, 10)) == []


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # the subject's titles stand between the comma and the name; the counterpart's name,
        # set off by commas, was read as the verb's subject
        (
            "On Tuesday, Indian Foreign Secretary Nirupama Rao and her Pakistani counterpart, "
            "Salman Bashir, met in New Delhi.",
            {"local:nirupama-rao", "local:salman-bashir"},
        ),
        (
            "On Tuesday, Indian Foreign Secretary Nirupama Rao and her Pakistani counterpart met "
            "in New Delhi.",
            {"local:nirupama-rao", "Q843"},
        ),
        # the verb was read as a clause of the subject, and the date as the subject's phrase
        ("On Tuesday, President Biden and President Lula met in Brasília.", {BIDEN, LULA}),
    ],
)
def test_a_subject_after_a_fronted_date_meets_on_that_date(text: str, sides: set[str]) -> None:
    events = [e for e in _events(text, "en", dt.date(2011, 7, 27)) if e.type is EventType.MEETING]
    assert [(set(e.participants), e.date and e.date.iso()) for e in events] == [
        (sides, "2011-07-26")
    ]


def test_a_finite_verb_coordinated_with_a_noun_is_coordinated_with_the_verb_above() -> None:
    # "visitará" was read as a conjunct of "delegación", "Cartagena" as part of its name and
    # "Colombia" as its apposition
    text = (
        "El secretario presidirá la delegación presidencial para la inauguración de Jair "
        "Bolsonaro en Brasil y luego visitará Cartagena, Colombia."
    )
    article = Article(id="t", text=text, lang="es", source="test",
                      published=dt.date(2018, 12, 28), url="https://www.state.gov/x")
    visits = [e for e in analyze(article, load_kb()).events if e.type is EventType.VISIT]
    assert [(e.agent, e.recipient, e.status) for e in visits] == [
        ("Q473239", "Q739", Status.PLANNED)
    ]


def test_a_talk_noun_after_an_adverb_of_time_takes_the_clauses_subject() -> None:
    # "Depois da reunião com…" with "da reunião" hung on the adverb "Depois", not the verb
    text = (
        "Depois da reunião com o presidente Lula, o secretário de Estado Antony Blinken "
        "visitou o porto."
    )
    assert _sides(text, "pt", EventType.MEETING, dt.date(2024, 1, 22)) == [{"Q7821917", LULA}]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a noun of a stretch of the visit stands for it in the clause
        ("en", "Lula met the troops at the start of a four-day visit to Angola."),
        # and an "of" phrase of its length names no visitor
        ("pt", "Lula reuniu-se com as tropas no início de uma visita de quatro dias a Angola."),
        ("pt", "Lula reuniu-se com as tropas durante uma visita de quatro dias a Angola."),
    ],
)
def test_the_subject_of_a_clause_set_in_a_stretch_of_a_visit_is_the_visitor(
    lang: str, text: str
) -> None:
    events = _events(text, lang, dt.date(2021, 9, 20))
    assert [(e.agent, e.recipient) for e in events if e.type is EventType.VISIT] == [
        (LULA, "Q916")
    ]
