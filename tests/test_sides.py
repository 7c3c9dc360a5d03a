"""Who the sides of an event are, read off the tree: the doer a participle names for a condemned
act, the left-out subject of a relative clause of an event noun, and events whose only other side
is a name nobody could place. The sentences are ours, each rule with a negative twin."""

from __future__ import annotations

import datetime as dt

import pytest

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, Event, EventType, Status
from kgload.nlp.pipeline import find_datelines, get_nlp, tokenize


def _events(text: str, lang: str, published: dt.date = dt.date(2025, 8, 12)) -> list[Event]:
    article = Article(id="t", text=text, lang=lang, source="test", published=published)
    return list(analyze(article, load_kb()).events)


def _sides(text: str, lang: str, kind: EventType) -> list[tuple[str | None, str | None]]:
    return [(e.agent, e.recipient) for e in _events(text, lang) if e.type is kind]


@pytest.mark.parametrize(
    ("lang", "text", "agent", "target"),
    [
        ("en", "Britain condemned the test conducted by North Korea on Tuesday.", "Q145", "Q423"),
        ("en", "The UK condemned the actions taken by Russia last week.", "Q145", "Q159"),
        ("es", "Chile condenó la prueba realizada por Corea del Norte.", "Q298", "Q423"),
        # the agent hung by the parser under the time phrase before it
        ("es", "Chile condenó la prueba realizada el martes por Corea del Norte.", "Q298", "Q423"),
        ("es", "Perú condenó el lanzamiento realizado este jueves por Irán.", "Q419", "Q794"),
        ("pt", "O Brasil condenou o teste realizado pela Coreia do Norte.", "Q155", "Q423"),
    ],
)
def test_a_condemned_act_targets_the_doer_its_participle_names(
    lang: str, text: str, agent: str, target: str
) -> None:
    assert _sides(text, lang, EventType.CONDEMNATION) == [(agent, target)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the participle names no actor: nobody to target
        ("pt", "O Brasil condenou as medidas adotadas pelo governo."),
        ("es", "Chile condenó la prueba realizada el martes."),
    ],
)
def test_a_condemned_act_without_a_named_doer_targets_nobody(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.CONDEMNATION) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Chile y Argentina discutieron el comercio en una reunión que sostuvieron en "
         "Santiago."),
        ("es", "Los cancilleres de Chile y Argentina hablaron del comercio durante la reunión que "
         "mantuvieron ayer."),
        ("pt", "Os chanceleres do Chile e da Argentina discutiram o comércio na reunião que "
         "mantiveram ontem."),
    ],
)
def test_a_plural_relative_clause_of_a_meeting_leaves_out_the_subject_above(
    lang: str, text: str
) -> None:
    meetings = [e for e in _events(text, lang) if e.type is EventType.MEETING]
    assert [set(e.participants) for e in meetings] == [{"Q298", "Q414"}]


def test_a_relative_clause_that_agrees_with_the_meeting_gives_it_no_sides() -> None:
    # "que se celebró": the meeting itself is the subject; Chile and Argentina only discuss it
    text = "Chile y Argentina discutieron el comercio en una reunión que se celebró en Lima."
    assert _sides(text, "es", EventType.MEETING) == []


def test_a_side_nobody_could_place_makes_no_event() -> None:
    # "Fulano" is in no knowledge base and the text gives no state for him
    text = "El dirigente Fulano Mengánez y el presidente Lula conversaron en una reunión en Lima."
    assert [e for e in _events(text, "es") if e.type is EventType.MEETING] == []


def test_a_name_placed_by_its_title_is_a_side() -> None:
    text = "El canciller chileno, Fulano Mengánez, y el presidente Lula se reunieron en Lima."
    meetings = [e for e in _events(text, "es") if e.type is EventType.MEETING]
    assert [set(e.participants) for e in meetings] == [{"local:fulano-menganez", "Q37181"}]


def test_a_date_below_a_condemnation_dates_what_is_condemned() -> None:
    # "em 5 de agosto" belongs to "adiar"; the condemnation is of the publication day
    text = (
        "O Brasil condenou as medidas adotadas pela Venezuela para adiar as eleições em 5 de "
        "agosto."
    )
    [event] = [e for e in _events(text, "pt") if e.type is EventType.CONDEMNATION]
    assert event.date is not None and event.date.iso() == "2025-08-12"


def test_a_date_of_the_condemnation_itself_still_dates_it() -> None:
    text = "Em 5 de agosto, o Brasil condenou as medidas adotadas pela Venezuela."
    [event] = [e for e in _events(text, "pt") if e.type is EventType.CONDEMNATION]
    assert event.date is not None and event.date.iso() == "2025-08-05"


@pytest.mark.parametrize(
    ("lang", "text", "sides"),
    [
        ("es", "Chile y Argentina llegaron a un acuerdo sobre el comercio.", {"Q298", "Q414"}),
        ("es", "Chile llegó a un acuerdo con Argentina sobre el comercio.", {"Q298", "Q414"}),
        ("pt", "O Brasil e a Argentina chegaram a um acordo sobre o comércio.", {"Q155", "Q414"}),
        ("en", "The United States and Mexico came to an agreement on migration on Monday.",
         {"Q30", "Q96"}),
    ],
)
def test_reaching_an_agreement_makes_it_and_is_no_journey(
    lang: str, text: str, sides: set[str]
) -> None:
    events = _events(text, lang)
    assert [(e.type, set(e.participants)) for e in events] == [(EventType.AGREEMENT, sides)]


def test_arriving_in_a_state_is_still_a_visit() -> None:
    events = _events("O presidente Lula chegou a Buenos Aires na segunda-feira.", "pt")
    assert [(e.type, e.agent, e.recipient) for e in events] == [
        (EventType.VISIT, "Q37181", "Q414")
    ]


# published on Saturday 2025-07-19
@pytest.mark.parametrize(
    ("lang", "text", "date", "status"),
    [
        ("pt", "Lula se reúne na próxima segunda-feira (21) com o presidente do Chile, Gabriel "
         "Boric.", "2025-07-21", Status.PLANNED),
        ("es", "Lula se reúne con el presidente de Chile, Gabriel Boric, el próximo lunes.",
         "2025-07-21", Status.PLANNED),
        ("en", "Lula meets Chilean President Gabriel Boric on Monday, July 21.", "2025-07-21",
         Status.PLANNED),
        # told in the past: a day of that date a year before
        ("pt", "Lula se reuniu em 21 de julho com o presidente do Chile, Gabriel Boric.",
         "2024-07-21", Status.OCCURRED),
        ("en", "Lula met Chilean President Gabriel Boric on Monday, July 21.", "2024-07-21",
         Status.OCCURRED),
    ],
)
def test_a_day_of_the_coming_week_told_in_the_present_is_planned_then(
    lang: str, text: str, date: str, status: Status
) -> None:
    [meeting] = [
        e for e in _events(text, lang, dt.date(2025, 7, 19)) if e.type is EventType.MEETING
    ]
    assert (meeting.date.iso() if meeting.date else None, meeting.status) == (date, status)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "O presidente Lula anunciou a visita ao colega americano, Joe Biden. Na semana "
         "passada, ele fez uma visita ao Uruguai."),
        ("es", "El presidente Lula anunció la visita a su colega estadounidense, Joe Biden. La "
         "semana pasada, él hizo una visita a Uruguay."),
        ("en", "President Lula announced a visit to his American counterpart, Joe Biden. Last "
         "week, he paid a visit to Uruguay."),
    ],
)
def test_a_subject_pronoun_goes_on_with_the_person_the_sentence_before_was_about(
    lang: str, text: str
) -> None:
    visits = [(e.agent, e.recipient) for e in _events(text, lang) if e.type is EventType.VISIT]
    assert ("Q37181", "Q77") in visits and ("Q6279", "Q77") not in visits


@pytest.mark.parametrize(
    ("text", "agent", "target"),
    [
        # a body named after its state is that state's
        ("The U.S. Treasury Department imposed new sanctions on Russia on Wednesday.",
         "Q30", "Q159"),
        ("The Russian Defence Ministry announced new sanctions on Ukraine.", "Q159", "Q212"),
        # "place" and "introduce" give sanctions; a travel ban is one
        ("The US placed sanctions on Russia on Friday.", "Q30", "Q159"),
        ("Russia announced a travel ban on nine U.S. lawmakers.", "Q159", "Q30"),
        # the target hung on the head that frames the sanctions
        ("Obama is ordering an expansion of U.S. sanctions against Russia.", "Q30", "Q159"),
    ],
)
def test_sanctions_in_english_news(text: str, agent: str, target: str) -> None:
    article = Article(id="t", text=text, lang="en", source="test", published=dt.date(2025, 8, 12))
    extraction = analyze(article, load_kb())
    country = {e.key: e.country for e in extraction.entities}
    sanctions = [e for e in extraction.events if e.type is EventType.SANCTION]
    # an agent that is a body of a state stands for it
    assert [(country.get(e.agent) or e.agent, e.recipient) for e in sanctions] == [(agent, target)]


def test_a_body_after_a_state_it_does_not_belong_to_is_not_placed() -> None:
    # "Ukraine" is not right before the body's name: no state for the ministry
    text = "In Ukraine, the Defence Ministry announced new sanctions on Russia."
    assert _sides(text, "en", EventType.SANCTION) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "Duas pessoas morreram num novo ataque russo a um prédio residencial, nesta "
         "terça-feira, em Kiev."),
        ("en", "Two people died in a new Russian attack on a residential building on Tuesday in "
         "Kyiv."),
        ("es", "Dos personas murieron en un nuevo ataque ruso contra un edificio residencial el "
         "martes en Kiev."),
    ],
)
def test_an_attack_on_a_thing_strikes_the_state_of_the_place_named_after_it(
    lang: str, text: str
) -> None:
    assert _sides(text, lang, EventType.ATTACK) == [("Q159", "Q212")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "Os Estados Unidos alertaram a China após a invasão russa da Ucrânia."),
        ("en", "The United States warned China after the Russian invasion of Ukraine."),
        ("es", "Estados Unidos advirtió a China tras la invasión rusa de Ucrania."),
    ],
)
def test_an_event_told_as_the_time_of_another_has_taken_place(lang: str, text: str) -> None:
    [attack] = [e for e in _events(text, lang) if e.type is EventType.ATTACK]
    assert attack.status is Status.OCCURRED


def test_an_event_warned_about_keeps_the_warning_s_doubt() -> None:
    text = "Os Estados Unidos alertaram a China sobre a invasão russa da Ucrânia."
    [attack] = [e for e in _events(text, "pt") if e.type is EventType.ATTACK]
    assert attack.status is Status.SPECULATIVE


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "Hoje, negociadores russos e ucranianos fizeram uma videoconferência para tentar "
         "chegar a um acordo sobre o conflito."),
        ("en", "Russian and Ukrainian negotiators held a videoconference on Monday to try to "
         "reach a deal."),
    ],
)
def test_a_purpose_clause_does_not_make_its_event_planned(lang: str, text: str) -> None:
    [call] = [e for e in _events(text, lang) if e.type is EventType.PHONE_CALL]
    assert call.status is Status.OCCURRED


def test_a_planned_meeting_is_still_planned() -> None:
    [meeting] = [
        e
        for e in _events("The planned meeting between Lula and Biden was discussed.", "en")
        if e.type is EventType.MEETING
    ]
    assert meeting.status is Status.PLANNED


def test_the_tense_of_the_clause_a_date_is_told_in_decides() -> None:
    # the trigger's clause is past ("teve como foco a viagem"), the date's is present
    text = (
        "A conversa teve como foco a viagem do presidente Lula ao Chile, onde ele participa, "
        "na próxima segunda-feira (21), de uma cúpula."
    )
    [visit] = [e for e in _events(text, "pt", dt.date(2025, 7, 19)) if e.type is EventType.VISIT]
    assert (visit.date.iso() if visit.date else None, visit.status) == (
        "2025-07-21",
        Status.PLANNED,
    )


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("BOGOTÁ, 23 ene (Xinhua) — La canciller habló.", "BOGOTÁ, 23 ene (Xinhua) — "),
        ("WASHINGTON, 5 Jan (Reuters) - The US spoke.", "WASHINGTON, 5 Jan (Reuters) - "),
        ("Bruselas (EuroEFE).- El Consejo aprobó.", "Bruselas (EuroEFE).- "),
        # a parenthesis in lower case is an aside, not an agency
        ("Em 2024 (ano passado) — o Brasil assinou.", None),
        # a place in capitals and a colon, at the start of the text
        ("TOKYO: Japan acted.", "TOKYO: "),
        ("NEW DELHI: India acted.", "NEW DELHI: "),
        # further down it is a speaker; words in lower case are a sentence
        ("Remarks\n\nMODERATOR: Thank you.", None),
        ("US officials said: The UK will act.", None),
        # a place and a day, a full stop and a dash (Mexican and Chilean bulletins)
        ("Lima, 3 de mayo.- El Perú firmó.", "Lima, 3 de mayo.- "),
        ("Quito, D.M., a 9 de julio de 2019.- Ecuador firmó.",
         "Quito, D.M., a 9 de julio de 2019.- "),
        ("Caracas, 2 de junio de 2020 (Xinhua).- Hablaron.",
         "Caracas, 2 de junio de 2020 (Xinhua).- "),
        ("15/03/19.-La Armada zarpó.", "15/03/19.-"),
        ("LIMA.- El Perú firmó.", "LIMA.- "),
        ("Ciudad de Panamá.- El Perú firmó.", "Ciudad de Panamá.- "),
        ("Lo dijo Ana Pérez.- Luego firmó.", None),
        # a place in capitals and a day with its number, then a colon, at the start of the text
        ("EN LIMA, Lunes, 3 Mayo, 2021: El Perú firmó.", "EN LIMA, Lunes, 3 Mayo, 2021: "),
        # a sentence that happens to end so is no dateline
        ("El pacto se firmó en 2016.- Luego habló.", None),
        ("Nota\n\nMODERADOR, 2: Gracias.", None),
        # a place in mixed case and a dash set off by spaces (Brazilian agencies)
        ("Brasília - A chanceler chegou.", "Brasília - "),
        ("Rio de Janeiro – O presidente falou.", "Rio de Janeiro – "),
        # a dash inside a sentence, or before a number or a word in lower case, is none
        ("Putin - que chegou ontem - falou.", None),
        ("Brasil - 12 votos.", None),
        ("O presidente falou - A visita.", None),
    ],
)
def test_a_dateline_may_carry_a_day(text: str, dateline: str | None) -> None:
    found = [text[start:end] for start, end in find_datelines(text)]
    assert found == ([dateline] if dateline else [])


def test_a_call_told_after_a_dated_dateline_is_the_speaker_s() -> None:
    text = (
        "BOGOTÁ, 23 ene (Xinhua) — La canciller colombiana, Yolanda Villavicencio, informó este "
        "viernes que sostuvo una llamada de trabajo con el secretario de Estado de Estados "
        "Unidos, Marco Rubio, para concretar detalles de la reunión de los presidentes."
    )
    calls = [e for e in _events(text, "es", dt.date(2026, 1, 23)) if e.type is EventType.PHONE_CALL]
    assert [set(e.participants) for e in calls] == [
        {"local:yolanda-villavicencio", "Q324546"}
    ]


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "The United States and South Korea on Thursday condemned North Korea's deployment "
         "of troops to Russia.", EventType.TROOP_DEPLOYMENT),
        ("pt", "O presidente Putin conversou por telefone com Kim Jong Un nesta quinta-feira "
         "(14/08). Putin agradeceu a Kim pelo apoio militar de Pyongyang.",
         EventType.MILITARY_AID),
    ],
)
def test_an_event_told_as_what_is_condemned_or_thanked_for_takes_no_date_of_the_story(
    lang: str, text: str, kind: EventType
) -> None:
    article = Article(id="t", text=text, lang=lang, source="test", published=dt.date(2025, 8, 14))
    [event] = [e for e in analyze(article, load_kb()).events if e.type is kind]
    assert event.date is None


def test_an_attack_on_a_site_in_a_state_strikes_that_state() -> None:
    text = (
        "El Pentágono condenó los recientes ataques rusos contra infraestructura civil en "
        "Ucrania y el uso de misiles balísticos."
    )
    assert _sides(text, "es", EventType.ATTACK) == [("Q159", "Q212")]


@pytest.mark.parametrize(
    ("lang", "text", "target"),
    [
        ("pt", "Lula está em viagem à Argentina.", "Q414"),
        ("en", "Lula is on a visit to China.", "Q148"),
    ],
)
def test_the_subject_of_a_visit_told_as_a_predicate_travels(
    lang: str, text: str, target: str
) -> None:
    assert _sides(text, lang, EventType.VISIT) == [("Q37181", target)]


def test_a_date_of_a_clause_beside_with_its_own_subject_is_not_the_event_s() -> None:
    text = (
        "Estados Unidos y el Reino Unido planean imponer sanciones contra Rusia, y varios otros "
        "países dijeron el lunes que estaban preparados para hacer lo mismo."
    )
    [sanction] = [
        e for e in _events(text, "es", dt.date(2022, 2, 22)) if e.type is EventType.SANCTION
    ]
    assert sanction.date is None


def test_a_date_owned_by_another_noun_does_not_date_the_event() -> None:
    text = (
        "The United States imposed sanctions on Russia on Monday. The sanctions on Russia come "
        "in response to Sunday's referendum in Crimea."
    )
    sanctions = [
        e for e in _events(text, "en", dt.date(2014, 3, 17)) if e.type is EventType.SANCTION
    ]
    assert [e.date.iso() if e.date else None for e in sanctions] == ["2014-03-17"]


def test_a_speech_verb_beside_the_event_that_says_its_own_complement_reports_nothing() -> None:
    text = (
        "Após quatro meses de negociações, a Rússia invadiu a Ucrânia. Apesar de Putin dizer que "
        "só ficaria nas regiões separatistas, vários mísseis foram disparados contra alvos em "
        "toda a Ucrânia."
    )
    [attack] = [e for e in _events(text, "pt", dt.date(2022, 2, 24)) if e.type is EventType.ATTACK]
    assert attack.reported_by == ()


def test_an_event_told_as_the_reason_of_another_takes_no_date_of_the_story() -> None:
    text = (
        "The US placed sanctions on Russian President Vladimir Putin on Friday for Moscow's "
        "military operations in Ukraine."
    )
    [attack] = [e for e in _events(text, "en", dt.date(2022, 2, 26)) if e.type is EventType.ATTACK]
    assert attack.date is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "O presidente Lula tem defendido um acordo de paz entre a Rússia e a Ucrânia."),
        ("en", "Lula has called for a peace deal between Russia and Ukraine."),
    ],
)
def test_a_deal_asked_for_between_two_parties_is_theirs_and_not_done(
    lang: str, text: str
) -> None:
    [deal] = [e for e in _events(text, lang) if e.type is EventType.AGREEMENT]
    assert (set(deal.participants), deal.status) == ({"Q159", "Q212"}, Status.SPECULATIVE)


def test_a_deal_signed_with_a_party_is_the_signer_s() -> None:
    text = "O presidente Lula assinou um acordo de paz com o presidente da Rússia."
    [deal] = [e for e in _events(text, "pt") if e.type is EventType.AGREEMENT]
    assert (set(deal.participants), deal.status) == ({"Q37181", "Q7747"}, Status.OCCURRED)


def test_what_is_planned_is_not_what_happened_before_publication() -> None:
    text = (
        "During his stay in Beijing, Trump will hold talks with Chinese President Xi Jinping. "
        "Xi and Trump first met at Mar-a-Lago in April."
    )
    meetings = [
        e for e in _events(text, "en", dt.date(2017, 11, 8)) if e.type is EventType.MEETING
    ]
    assert sorted((e.status.value, e.date.iso() if e.date else "") for e in meetings) == [
        ("Occurred", "2017-04"),
        ("Planned", ""),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El presidente Lula visitó China. Lula dijo que realizará otra visita a China el "
         "próximo año."),
        ("pt", "O presidente Lula visitou a China. Lula disse que fará outra visita à China no "
         "próximo ano."),
        ("en", "President Lula visited China. Lula said he will make another visit to China next "
         "year."),
    ],
)
def test_an_undated_act_told_in_the_past_is_not_the_planned_one(lang: str, text: str) -> None:
    visits = [e for e in _events(text, lang, dt.date(2023, 4, 21)) if e.type is EventType.VISIT]
    assert sorted((e.status.value, e.date.iso() if e.date else "") for e in visits) == [
        ("Occurred", ""),
        ("Planned", "2024"),
    ]


def test_an_undated_visit_told_by_a_noun_still_joins_the_planned_one() -> None:
    text = (
        "Lula vai visitar a China no próximo ano. A visita de Lula à China foi anunciada pelo "
        "Itamaraty."
    )
    visits = [e for e in _events(text, "pt", dt.date(2023, 4, 21)) if e.type is EventType.VISIT]
    assert [(e.status.value, e.date.iso() if e.date else "") for e in visits] == [
        ("Planned", "2024")
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "Desde a posse, no dia 1° de janeiro deste ano, Lula realizou viagens oficiais à "
         "Argentina e à China."),
        ("en", "Since taking office on 1 January, Lula has paid official visits to Argentina and "
         "China."),
    ],
)
def test_a_date_in_a_phrase_that_starts_a_span_dates_nothing(lang: str, text: str) -> None:
    visits = [e for e in _events(text, lang, dt.date(2023, 4, 21)) if e.type is EventType.VISIT]
    assert visits and all(e.date is None for e in visits)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "A agenda internacional deve render uma dezena de acordos entre Brasil e Portugal."),
        ("en", "The visit will yield a dozen agreements between Brazil and Portugal."),
    ],
)
def test_agreements_a_visit_should_yield_are_planned(lang: str, text: str) -> None:
    deals = [e for e in _events(text, lang) if e.type is EventType.AGREEMENT]
    assert [(set(e.participants), e.status) for e in deals] == [
        ({"Q155", "Q45"}, Status.PLANNED)
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Cualquier nueva agresión rusa contra Ucrania tendrá una respuesta severa."),
        ("en", "Any Russian attack on Ukraine would meet a severe response."),
        ("pt", "Qualquer ataque russo contra a Ucrânia terá uma resposta severa."),
    ],
)
def test_any_attack_is_one_that_may_come(lang: str, text: str) -> None:
    [attack] = [e for e in _events(text, lang) if e.type is EventType.ATTACK]
    assert attack.status is Status.SPECULATIVE


def test_a_guest_the_parser_hung_on_an_adverb_is_still_received() -> None:
    text = (
        "El Secretario de Estado Antony J. Blinken recibió hoy al Ministro de Asuntos Exteriores "
        "de España, José Manuel Albares, en Washington D.C."
    )
    meetings = [e for e in _events(text, "es") if e.type is EventType.MEETING]
    assert [set(e.participants) for e in meetings] == [{"Q7821917", "Q64595113"}]


def test_an_unknown_person_titled_without_a_state_gets_the_state_a_later_title_gives() -> None:
    # Alicia Bárcena is not in the KB; "la canciller mexicana" names her and her state, and
    # "su estancia" is hers (the sentence before was about her)
    text = (
        "La canciller, Alicia Bárcena, se reunió este jueves en Brasil con el secretario de "
        "Estado, Antony Blinken. Durante su estancia en Brasil, la canciller mexicana se reunió "
        "con su contraparte de Japón, Yoko Kamikawa."
    )
    article = Article(id="t", text=text, lang="es", source="test", published=dt.date(2024, 11, 21))
    extraction = analyze(article, load_kb())
    country = {e.key: e.country for e in extraction.entities}
    assert country["local:alicia-barcena"] == "Q96"
    found = {(e.type, frozenset(e.participants)) for e in extraction.events}
    assert found == {
        (EventType.MEETING, frozenset({"local:alicia-barcena", "Q7821917"})),
        (EventType.MEETING, frozenset({"local:alicia-barcena", "Q276275"})),
        (EventType.VISIT, frozenset({"local:alicia-barcena", "Q155"})),
    }


def test_two_unknown_people_with_the_same_title_are_not_guessed_between() -> None:
    text = (
        "La canciller, Alicia Bárcena, y la canciller, Fulana Mengánez, hablaron. Después, la "
        "canciller mexicana se reunió con el secretario de Estado, Antony Blinken."
    )
    article = Article(id="t", text=text, lang="es", source="test", published=dt.date(2024, 11, 21))
    country = {e.key: e.country for e in analyze(article, load_kb()).entities}
    assert country.get("local:alicia-barcena") is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "O presidente Lula anunciou nesta quinta-feira (7) que conversou por telefone com "
         "o presidente russo, Vladimir Putin."),
        ("es", "El presidente Lula anunció este jueves que conversó por teléfono con el "
         "presidente ruso, Vladimir Putin."),
    ],
)
def test_a_clause_hung_on_a_date_is_the_complement_of_the_verb_above(lang: str, text: str) -> None:
    calls = [
        e for e in _events(text, lang, dt.date(2025, 8, 7)) if e.type is EventType.PHONE_CALL
    ]
    assert [(set(e.participants), e.status) for e in calls] == [
        ({"Q37181", "Q7747"}, Status.OCCURRED)
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "A União Europeia aprovou nesta segunda-feira o prolongamento das sanções "
         "econômicas à Rússia."),
        ("es", "La Unión Europea aprobó este lunes la prórroga de las sanciones económicas a "
         "Rusia."),
        ("en", "The European Union approved on Monday the renewal of economic sanctions on "
         "Russia."),
    ],
)
def test_a_prolonged_or_renewed_sanction_is_a_sanction(lang: str, text: str) -> None:
    assert _sides(text, lang, EventType.SANCTION) == [("Q458", "Q159")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "O governo brasileiro condenou o ataque à Embaixada da França na Tunísia."),
        ("es", "El Gobierno de Chile condenó el ataque contra la embajada de Francia en Túnez."),
        # tenth pass: a noun of the acts class, not an event of its own ("atentado")
        ("pt", "O governo brasileiro condenou o atentado contra a embaixada do Egito."),
        ("pt", "O Brasil condenou o atentado do grupo rebelde contra a Colômbia."),
        ("es", "El Gobierno de Chile condenó el atentado contra la embajada de Egipto."),
        # the target hung on a participle of the act is no doer either
        ("pt", "O Brasil condena o ato terrorista perpetrado hoje contra a embaixada do Egito."),
    ],
)
def test_condemning_an_act_whose_doer_is_unnamed_condemns_no_victim(lang: str, text: str) -> None:
    # issue 9, eighth pass: the embassy's state was taken for the one condemned; since the
    # night of 2026-12-08 the condemnation of an act told in full keeps its one side
    found = _events(text, lang, dt.date(2025, 6, 13))
    assert all(e.recipient is None for e in found if e.type is EventType.CONDEMNATION)


@pytest.mark.parametrize(
    "text",
    [
        "O governo brasileiro condenou o ataque russo à Ucrânia.",
        "O governo brasileiro condenou o atentado russo contra a Ucrânia.",
        "O governo brasileiro condenou as ações da Rússia contra a Ucrânia.",
    ],
)
def test_condemning_an_act_whose_doer_is_named_still_condemns_the_doer(text: str) -> None:
    found = _events(text, "pt", dt.date(2025, 6, 13))
    assert [(e.agent, e.recipient) for e in found if e.type is EventType.CONDEMNATION] == [
        ("Q155", "Q159")
    ]


def test_a_bulletin_dateline_with_a_day_is_no_side_and_no_date() -> None:
    text = (
        "Lima, 3 de mayo.- El pasado lunes 28 de abril, el presidente Joe Biden sostuvo una "
        "llamada telefónica con el presidente de Francia, Emmanuel Macron."
    )
    [call] = [e for e in _events(text, "es", dt.date(2021, 5, 3))
              if e.type is EventType.PHONE_CALL]
    assert set(call.participants) == {"Q6279", "Q3052772"}
    assert call.date is not None and call.date.iso() == "2021-04-28"


def test_a_dateline_glued_to_the_first_word_ends_a_token() -> None:
    text = (
        "Lima, 3 de mayo.-El pasado lunes 28 de abril, el presidente Joe Biden sostuvo una "
        "llamada telefónica con el presidente de Francia, Emmanuel Macron."
    )
    [call] = [e for e in _events(text, "es", dt.date(2021, 5, 3))
              if e.type is EventType.PHONE_CALL]
    assert set(call.participants) == {"Q6279", "Q3052772"}
    assert call.date is not None and call.date.iso() == "2021-04-28"
    nlp = get_nlp("es", load_kb())
    assert "El" in [t.text for t in tokenize(nlp, text)]
    # no dateline, the tokenizer's own tokens
    plain = "Dijo que sí.-El resto calló."
    assert [t.text for t in tokenize(nlp, plain)] == [t.text for t in nlp.make_doc(plain)]


def test_a_place_and_a_colon_opening_the_text_is_no_side() -> None:
    text = "TOKYO: Japan on Friday announced new sanctions against Russia."
    (sanction,) = [e for e in _events(text, "en", dt.date(2024, 3, 5))
                   if e.type is EventType.SANCTION]
    assert set(sanction.participants) == {"Q17", "Q159"}
    assert sanction.date is not None and sanction.date.iso() == "2024-03-01"


def test_a_visit_under_a_mixed_case_dateline_keeps_its_visitor() -> None:
    text = "Brasília - A chanceler da Alemanha, Angela Merkel, desembarcou hoje em Brasília."
    [visit] = [e for e in _events(text, "pt", dt.date(2015, 8, 19)) if e.type is EventType.VISIT]
    assert (visit.agent, visit.recipient) == ("Q567", "Q155")
