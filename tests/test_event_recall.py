"""Event recall (issue 9): general causes of missed events found on the development material,
each fixed for the language rather than for one sentence and tested on sentences of our own,
with a twin where the rule could overreach."""

from __future__ import annotations

import datetime as dt

import pytest

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, Event, EventType, Status

Q_PT, Q_UA, Q_US, Q_IR, Q_RU, Q_CU, Q_VE, Q_CN, Q_IL = (
    "Q45",
    "Q212",
    "Q30",
    "Q794",
    "Q159",
    "Q241",
    "Q717",
    "Q148",
    "Q801",
)


def _events(text: str, lang: str) -> list[Event]:
    article = Article(id="t", text=text, lang=lang, source="test", published=dt.date(2025, 3, 4))
    return list(analyze(article, load_kb()).events)


def _kinds(text: str, lang: str) -> set[tuple[EventType, str | None, str | None]]:
    return {(e.type, e.agent, e.recipient) for e in _events(text, lang)}


# -- aid named by its kind after a verb of giving: "em ajuda militar" ----------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "Portugal entregou 126 milhões de euros em ajuda militar à Ucrânia."),
        (
            "pt",
            "Portugal vai entregar à Ucrânia, só este ano, 126 milhões de euros em ajuda militar.",
        ),
        ("es", "Portugal entregó a Ucrania 126 millones de euros en ayuda militar."),
        ("en", "Portugal provided 126 million euros in military aid to Ukraine."),
    ],
)
def test_money_given_as_military_aid_is_military_aid(lang: str, text: str) -> None:
    # "em/en/in" also opens a setting ("na reunião, X e Y discutiram"); for goods given by a
    # light verb it names what is given
    assert (EventType.MILITARY_AID, Q_PT, Q_UA) in _kinds(text, lang)


def test_money_sent_as_military_aid_is_no_deployment_of_troops() -> None:
    # "militar" is also a noun for a soldier: an adjective on another word is not troops
    kinds = _kinds("Portugal enviou 126 milhões de euros em ajuda militar à Ucrânia.", "pt")
    assert kinds == {(EventType.MILITARY_AID, Q_PT, Q_UA)}


def test_soldiers_sent_are_still_troops() -> None:
    kinds = _kinds("Portugal enviou 200 militares para a Ucrânia.", "pt")
    assert (EventType.TROOP_DEPLOYMENT, Q_PT, Q_UA) in kinds


def test_a_meeting_in_a_phrase_of_a_light_verb_is_still_its_setting() -> None:
    # not goods: "na reunião" stays the setting of the people of the clause
    kinds = _kinds("Lula e Xi assinaram acordos na reunião de Pequim.", "pt")
    assert any(kind is EventType.MEETING for kind, _, _ in kinds)


# -- sanctions imposed again ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "target"),
    [
        ("pt", "Os Estados Unidos reimpuseram sanções contra Cuba.", Q_CU),
        ("pt", "A China criticou as sanções reimpostas pelos Estados Unidos à Venezuela.", Q_VE),
        ("es", "Estados Unidos reimpuso sanciones a Irán.", Q_IR),
        ("es", "China criticó las sanciones reimpuestas por Estados Unidos a Venezuela.", Q_VE),
        ("en", "The United States reimposed sanctions on Iran.", Q_IR),
        ("en", "China criticised the sanctions reimposed on Venezuela by the United States.", Q_VE),
    ],
)
def test_sanctions_imposed_again_are_sanctions(lang: str, text: str, target: str) -> None:
    assert (EventType.SANCTION, Q_US, target) in _kinds(text, lang)


def test_something_else_imposed_again_is_no_sanction() -> None:
    kinds = _kinds("O governo da Venezuela reimpôs o toque de recolher em Caracas.", "pt")
    assert all(kind is not EventType.SANCTION for kind, _, _ in kinds)


@pytest.mark.parametrize(
    ("lang", "text", "target"),
    [
        # issue 9, eleventh pass: measures once lifted and brought back
        ("en", "The United States reintroduced sanctions against Iran.", Q_IR),
        ("en", "The United States reinstated sanctions on Venezuela.", Q_VE),
        ("pt", "Os Estados Unidos restabeleceram as sanções contra Cuba.", Q_CU),
        ("es", "Estados Unidos reintrodujo sanciones contra Irán.", Q_IR),
    ],
)
def test_sanctions_brought_back_are_sanctions(lang: str, text: str, target: str) -> None:
    assert (EventType.SANCTION, Q_US, target) in _kinds(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The United States reinstated its ambassador to Cuba."),
        ("pt", "Os Estados Unidos restabeleceram relações com Cuba."),
    ],
)
def test_other_things_brought_back_are_no_sanction(lang: str, text: str) -> None:
    assert all(kind is not EventType.SANCTION for kind, _, _ in _kinds(text, lang))


# -- strikes "across" a country --------------------------------------------------------------


def test_strikes_across_a_country_target_it() -> None:
    kinds = _kinds("Russia launched a wave of drone strikes across Ukraine overnight.", "en")
    assert (EventType.ATTACK, Q_RU, Q_UA) in kinds


def test_a_trip_across_a_country_is_no_attack() -> None:
    kinds = _kinds("The Chinese president travelled across Russia by train.", "en")
    assert all(kind is not EventType.ATTACK for kind, _, _ in kinds)


# -- a speech verb beside a clause that says its own complement ----------------------------------


def test_a_speaker_of_another_clause_does_not_report_the_strike() -> None:
    text = (
        "Israel launched airstrikes across Iran on Friday, hitting factories and bases in what "
        "the army spokesman Benjamin Netanyahu said was a long operation."
    )
    attacks = [e for e in _events(text, "en") if e.type is EventType.ATTACK]
    assert [(e.agent, e.recipient) for e in attacks] == [(Q_IL, Q_IR)]
    assert attacks[0].reported_by == ()


def test_a_speaker_set_after_the_clause_still_reports_it() -> None:
    text = "Israel launched airstrikes across Iran on Friday, the Chinese foreign ministry said."
    attacks = [e for e in _events(text, "en") if e.type is EventType.ATTACK]
    assert attacks and attacks[0].reported_by


# -- an actor missing from the curated tables ----------------------------------------------------


def _linked(text: str, lang: str) -> set[str]:
    article = Article(id="t", text=text, lang=lang, source="test", published=dt.date(2025, 3, 4))
    return {m.key for m in analyze(article, load_kb()).mentions}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "pt",
            "O secretário-geral da ONU, António Guterres, visitou Kiev. Guterres falou à imprensa.",
        ),
        ("pt", "O secretário-geral Antônio Guterres chegou a Brasília."),
        ("en", "UN Secretary-General Antonio Guterres called for a ceasefire."),
    ],
)
def test_the_un_secretary_general_is_linked(lang: str, text: str) -> None:
    # Q311440, paired with the name by the gold files of the held-out development set
    assert "Q311440" in _linked(text, lang)


def test_the_other_guterres_keeps_his_name() -> None:
    assert "Q897790" in _linked(
        "Francisco Guterres, Presidente de Timor-Leste, chegou a Lisboa.", "pt"
    )


# -- an event that "completed a year" began that long before -------------------------------------


def _dated(text: str, lang: str, published: dt.date) -> list[tuple[EventType, str | None]]:
    article = Article(id="t", text=text, lang=lang, source="test", published=published)
    return [(e.type, e.date.iso() if e.date else None) for e in analyze(article, load_kb()).events]


@pytest.mark.parametrize(
    ("lang", "text", "began"),
    [
        (
            "pt",
            "Nesta semana, a invasão brutal da Rússia contra a Ucrânia completou um ano.",
            "2023-03",
        ),
        ("pt", "A guerra de agressão da Rússia contra a Ucrânia completou 2 anos.", "2022-03"),
        ("en", "Russia's invasion of Ukraine marked two years on Saturday.", "2022-03"),
        # present tense, which the lemmatizer reads as the adjective "completo"
        ("pt", "A invasão russa da Ucrânia completa dois anos nesta semana.", "2022-03"),
    ],
)
def test_an_event_that_completed_years_began_that_long_ago(
    lang: str, text: str, began: str
) -> None:
    assert (EventType.ATTACK, began) in _dated(text, lang, dt.date(2024, 3, 2))


def test_an_event_that_marked_no_span_of_years_keeps_its_date() -> None:
    dated = _dated(
        "Russia's invasion of Ukraine marked a turning point on Saturday.",
        "en",
        dt.date(2024, 3, 2),
    )
    assert all(date != "2023-03" for _, date in dated)


# -- a complement clause the parser hung as a relative clause on the addressee -------------------


@pytest.mark.parametrize(
    "text",
    [
        "Lula disse aos jornalistas que vai visitar a China em maio.",
        "Lula afirmou a jornalistas que pretende visitar a China.",
    ],
)
def test_what_a_speaker_tells_journalists_he_will_do_is_his(text: str) -> None:
    # "que vai/pretende" cannot be a relative clause of the plural "jornalistas"
    assert (EventType.VISIT, "Q37181", Q_CN) in _kinds(text, "pt")


@pytest.mark.parametrize(
    "text",
    [
        "Lula criticou os jornalistas que visitaram a China em maio.",
        "Lula elogiou o ministro que visitou a China em maio.",
    ],
)
def test_a_true_relative_clause_keeps_its_antecedent(text: str) -> None:
    assert all(agent != "Q37181" for _, agent, _ in _kinds(text, "pt"))


# -- a person invited with the object's "a" ---------------------------------------------------


def test_a_person_invited_with_the_personal_a_is_the_visitor() -> None:
    text = "La Casa Blanca invitó a Vladimir Putin a una visita a Washington."
    assert (EventType.VISIT, "Q7747", Q_US) in _kinds(text, "es")


def test_a_place_after_the_personal_a_is_no_visitor() -> None:
    kinds = _kinds("El Gobierno de Chile invitó a una visita a Brasilia al canciller.", "es")
    assert all(agent != "Q155" for kind, agent, _ in kinds if kind is EventType.VISIT)


# -- seventh pass: a date the parser took for the subject of an infinitive -----------------------
# (published on Tuesday 2025-03-04: "on Friday" is 2025-02-28, the next one 2025-03-07)


@pytest.mark.parametrize(
    ("lang", "text", "kind", "agent"),
    [
        (
            "en",
            "The leaders of Germany and France agreed on Friday to deploy troops to Poland.",
            EventType.TROOP_DEPLOYMENT,
            "Q183",
        ),
        (
            "en",
            "The European Union agreed on Friday to impose sanctions on Iran.",
            EventType.SANCTION,
            "Q458",
        ),
    ],
)
def test_a_date_read_as_the_subject_of_an_infinitive_dates_the_decision(
    lang: str, text: str, kind: EventType, agent: str
) -> None:
    # "Friday" parsed as the subject of "deploy" with "on" as its subordinator: the event
    # had no doer; the day is the one it was agreed on, not the Friday to come
    dated = {(e.type, e.agent, e.date.iso() if e.date else None) for e in _events(text, lang)}
    assert (kind, agent, "2025-02-28") in dated


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "A União Europeia decidiu nesta sexta-feira renovar as sanções contra o Irã."),
        ("es", "Los países de la Unión Europea acordaron este viernes imponer sanciones a Irán."),
    ],
)
def test_a_planned_act_keeps_the_weekday_it_was_decided_on(lang: str, text: str) -> None:
    events = [e for e in _events(text, lang) if e.type is EventType.SANCTION]
    assert events and all(e.date is not None and e.date.iso() == "2025-02-28" for e in events)
    assert all(e.status.value == "Planned" for e in events)


def test_a_planned_act_told_in_the_future_still_takes_the_weekday_to_come() -> None:
    text = "A União Europeia vai renovar na sexta-feira as sanções contra o Irã."
    events = [e for e in _events(text, "pt") if e.type is EventType.SANCTION]
    assert events and all(e.date is not None and e.date.iso() == "2025-03-07" for e in events)


# -- seventh pass: sanctions extended -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El Consejo de la Unión Europea prorrogó por seis meses las sanciones contra Irán."),
        ("es", "La Unión Europea ha prolongado las sanciones contra Irán."),
        ("pt", "A União Europeia prorrogou por mais seis meses as sanções contra o Irã."),
        ("en", "The European Union prolonged its sanctions on Iran for six months."),
    ],
)
def test_sanctions_extended_are_sanctions(lang: str, text: str) -> None:
    assert any(
        kind is EventType.SANCTION and recipient == Q_IR
        for kind, _, recipient in _kinds(text, lang)
    )
    assert all(e.status.value == "Occurred" for e in _events(text, lang))


def test_a_deadline_extended_is_no_sanction() -> None:
    assert not _events("La Unión Europea prorrogó el plazo para Irán.", "es")


# -- seventh pass: the people of a clause after a talk took part in it ---------------------------


@pytest.mark.parametrize(
    ("lang", "text", "parties"),
    [
        (
            "en",
            "After talks in Moscow, Sergey Lavrov and Wang Yi gave a press conference.",
            {"Q58217", "Q701801"},
        ),
        ("pt", "Após a reunião, Lula e Xi Jinping assinaram 15 acordos.", {"Q37181", "Q15031"}),
    ],
)
def test_the_people_acting_after_a_talk_held_it(lang: str, text: str, parties: set[str]) -> None:
    meetings = [e for e in _events(text, lang) if e.type is EventType.MEETING]
    assert meetings and parties <= set(meetings[0].participants)
    assert meetings[0].status.value == "Occurred"


def test_an_attack_before_a_clause_is_not_done_by_its_people() -> None:
    events = _events("Após a invasão da Ucrânia, Lula e Xi Jinping assinaram 15 acordos.", "pt")
    assert all("Q37181" not in e.participants for e in events if e.type is EventType.ATTACK)


# -- seventh pass: a phrase the parser hung on a date ---------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Antony Blinken met on Wednesday with Russian Foreign Minister Sergey Lavrov."),
        (
            "pt",
            "Antony Blinken se reuniu nesta quarta-feira (26) com o chanceler russo Sergey Lavrov.",
        ),
    ],
)
def test_a_partner_hung_on_the_date_is_the_verbs(lang: str, text: str) -> None:
    meetings = [e for e in _events(text, lang) if e.type is EventType.MEETING]
    assert meetings and {"Q7821917", "Q58217"} <= set(meetings[0].participants)


# -- seventh pass: who one stands with is supported -----------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Portugal reitera su plena solidaridad con el pueblo de Ucrania."),
        ("pt", "Portugal manifestou sua solidariedade com o povo da Ucrânia."),
        ("en", "Portugal expressed its solidarity with the people of Ukraine."),
    ],
)
def test_solidarity_with_a_state_supports_it(lang: str, text: str) -> None:
    assert (EventType.SUPPORT, Q_PT, Q_UA) in _kinds(text, lang)


# -- seventh pass: "its" in the reason for an act is its target's ---------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "La Unión Europea prorrogó las sanciones contra Rusia por su invasión de Ucrania.",
        ),
        ("pt", "A União Europeia impôs sanções à Rússia por sua invasão da Ucrânia."),
        ("en", "The United States increased pressure on Russia following its invasion of Ukraine."),
    ],
)
def test_a_possessive_in_the_reason_for_an_act_is_the_targets(lang: str, text: str) -> None:
    attacks = [e for e in _events(text, lang) if e.type is EventType.ATTACK]
    assert [(e.agent, e.recipient) for e in attacks] == [(Q_RU, Q_UA)]


# -- seventh pass: goods given "with" -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The United States will provide Kyiv with a new military package worth 500 million.",
        "The United States is providing Ukraine with patrol boats and ammunition.",
    ],
)
def test_goods_given_with_a_light_verb_go_to_its_object(text: str) -> None:
    assert any(
        kind is EventType.MILITARY_AID and (agent, recipient) == (Q_US, Q_UA)
        for kind, agent, recipient in _kinds(text, "en")
    )


def test_a_meeting_held_with_someone_is_no_aid() -> None:
    kinds = _kinds("Joe Biden held a meeting with Volodymyr Zelenskyy.", "en")
    assert all(kind is not EventType.MILITARY_AID for kind, _, _ in kinds)


# -- seventh pass: a second name coordinated with a word inside the first ------------------------


def test_a_name_coordinated_inside_the_first_is_a_second_side() -> None:
    text = (
        "U.S. Secretary of State Rex Tillerson and Chinese Foreign Minister Wang Yi on Friday "
        "held their first direct talks."
    )
    meetings = [e for e in _events(text, "en") if e.type is EventType.MEETING]
    assert meetings and {"Q331401", "Q701801"} <= set(meetings[0].participants)


# -- seventh pass: sanctions for someone's act target it -------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "A União Europeia aprovou novas sanções pela invasão iraniana do Iraque."),
        ("en", "The European Union imposed new sanctions over Iran's attacks on Iraq."),
    ],
)
def test_sanctions_for_an_act_target_its_doer(lang: str, text: str) -> None:
    assert (EventType.SANCTION, "Q458", Q_IR) in _kinds(text, lang)


def test_sanctions_thanked_for_take_no_target_from_the_thanks() -> None:
    text = "Zelenskyy thanked Portugal for its support, alongside new sanctions on Iran."
    assert all(
        not (kind is EventType.SANCTION and recipient == Q_PT)
        for kind, _, recipient in _kinds(text, "en")
    )


# -- seventh pass: "ambos os presidentes" are the people titled so ---------------------------------


def test_both_presidents_are_the_presidents_not_the_prime_minister_named_last() -> None:
    # no talk was told before to take the pair from: the last two people named are a president
    # and a prime minister
    text = (
        "O presidente Lula elogiou o presidente da França, Emmanuel Macron. "
        "A agenda foi preparada pelo primeiro-ministro francês, Michel Barnier. "
        "Ambos os presidentes assinarão dois acordos."
    )
    deals = [e for e in _events(text, "pt") if e.type is EventType.AGREEMENT]
    assert [set(e.participants) for e in deals] == [{"Q37181", "Q3052772"}]


# -- eighth pass: a stressed stem with an accent and a clitic ("reúne-se") ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Lula reúne-se nesta sexta-feira com Xi Jinping em Pequim.",
        "Lula e Xi Jinping reúnem-se em Pequim.",
    ],
)
def test_a_meeting_verb_with_an_accented_stem_and_a_clitic_is_found(text: str) -> None:
    meetings = [e for e in _events(text, "pt") if e.type is EventType.MEETING]
    assert [set(e.participants) for e in meetings] == [{"Q37181", "Q15031"}]


# -- eighth pass: an ordinal after a comma opens no attribution ---------------------------------


def test_an_ordinal_after_a_comma_is_no_source() -> None:
    text = "Lula reuniu-se com Xi Jinping em Pequim, no segundo dia da visita à China."
    [meeting] = [e for e in _events(text, "pt") if e.type is EventType.MEETING]
    assert meeting.reported_by == ()
    # a source word right after the comma still is one
    text = "Lula reuniu-se com Xi Jinping em Pequim, segundo o Kremlin."
    [meeting] = [e for e in _events(text, "pt") if e.type is EventType.MEETING]
    assert meeting.reported_by == ("Q159",)


# -- eighth pass: the receiver of aid hung on the amount or on the kind of aid ------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("El gobierno de Alemania proporcionará 400 millones de dólares en apoyo militar "
         "adicional a Ucrania.", "es"),
        ("El gobierno de Alemania proporcionará 300 millones de euros en apoyo militar a "
         "Ucrania.", "es"),
        ("Alemania anunció el lunes un paquete de asistencia en seguridad para Ucrania por 200 "
         "millones de euros.", "es"),
        ("A Alemanha anunciou nesta quinta-feira um novo pacote de assistência em segurança para "
         "a Ucrânia de 500 milhões de euros.", "pt"),
    ],
)
def test_the_receiver_of_aid_hung_below_what_is_given_is_found(text: str, lang: str) -> None:
    aid = [e for e in _events(text, lang) if e.type is EventType.MILITARY_AID]
    assert [(e.agent, e.recipient) for e in aid] == [("Q183", Q_UA)]


def test_aid_to_no_one_named_is_no_event() -> None:
    text = "Alemania proporcionará 300 millones de euros en apoyo militar a la región."
    assert not [e for e in _events(text, "es") if e.type is EventType.MILITARY_AID]


def test_a_source_word_after_a_closing_quote_still_opens_the_attribution() -> None:
    text = 'Lula reuniu-se com Xi Jinping para tratar de "temas comerciais," segundo o Kremlin.'
    [meeting] = [e for e in _events(text, "pt") if e.type is EventType.MEETING]
    assert meeting.reported_by == ("Q159",)


# -- eighth pass: "deslocar-se a" with its clitic after the verb -------------------------------


@pytest.mark.parametrize(
    "text", ["Lula deslocou-se à China na semana passada.", "Lula desloca-se hoje a Pequim."]
)
def test_going_to_a_state_with_an_enclitic_is_a_visit(text: str) -> None:
    assert (EventType.VISIT, "Q37181", Q_CN) in _kinds(text, "pt")


def test_moving_troops_is_still_no_visit() -> None:
    kinds = _kinds("A Rússia deslocou tropas para a fronteira da Ucrânia.", "pt")
    assert not [k for k in kinds if k[0] is EventType.VISIT]


# -- discussions held as a meeting (cameo:046 CONFER) --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Emmanuel Macron held lengthy discussions with Olaf Scholz in Paris.",
        "Formal discussions between Emmanuel Macron and Olaf Scholz were held in Paris.",
    ],
)
def test_discussions_held_with_or_between_leaders_are_a_meeting(text: str) -> None:
    [event] = _events(text, "en")
    assert event.type is EventType.MEETING
    assert set(event.participants) >= {"Q3052772", "Q61053"}


def test_discussions_with_unnamed_counterparts_are_no_meeting() -> None:
    text = "Emmanuel Macron told Olaf Scholz about his discussions with European counterparts."
    assert not [e for e in _events(text, "en") if e.type is EventType.MEETING]


def test_refused_discussions_never_occurred() -> None:
    text = "Emmanuel Macron refused to hold discussions with Olaf Scholz."
    assert all(e.status is not Status.OCCURRED for e in _events(text, "en"))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Iran sent dozens of drones toward Israel overnight."),
        ("es", "Irán envió decenas de drones hacia Israel durante la noche."),
    ],
)
def test_weapons_sent_toward_a_state_are_no_aid_to_it(lang: str, text: str) -> None:
    assert not [e for e in _events(text, lang) if e.type is EventType.MILITARY_AID]


def test_weapons_sent_to_a_state_are_still_aid() -> None:
    [aid] = [
        e
        for e in _events("Iran sent dozens of drones to Russia.", "en")
        if e.type is EventType.MILITARY_AID
    ]
    assert (aid.agent, aid.recipient) == ("Q794", "Q159")


# -- "X spoke by phone with Y" with "with Y" hung on "phone" (twelfth pass) ---------------------


def test_a_call_whose_partner_hangs_on_the_word_phone_has_both_sides() -> None:
    # long titled names make the parser hang "with ..." on "phone", not on "spoke"
    text = (
        "Turkish President Recep Tayyip Erdoğan spoke by phone with Spanish Prime Minister "
        "Pedro Sánchez on Monday."
    )
    calls = [e for e in _events(text, "en") if e.type is EventType.PHONE_CALL]
    assert [set(e.participants) for e in calls] == [{"Q39259", "Q6070218"}]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Paris confirmed the phone discussion between Emmanuel Macron and Joe Biden."),
        ("en", "Emmanuel Macron and Joe Biden held telephone talks on Monday."),
        ("es", "Gustavo Petro y Lula da Silva se entrevistaron por teléfono el lunes."),
    ],
)
def test_talks_or_a_discussion_by_phone_are_a_call_not_a_meeting(lang: str, text: str) -> None:
    kinds = {e.type for e in _events(text, lang)}
    assert EventType.PHONE_CALL in kinds
    assert EventType.MEETING not in kinds


def test_talks_face_to_face_stay_a_meeting() -> None:
    text = "Gustavo Petro y Lula da Silva se entrevistaron en Bogotá."
    kinds = {e.type for e in _events(text, "es")}
    assert kinds == {EventType.MEETING}


# -- "X's Minister announced on Monday new sanctions" (twelfth pass) -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Canada's Foreign Minister announced on Monday fresh sanctions against Russia.",
        "Canada's Foreign Minister imposed on Monday new sanctions on Russia.",
    ],
)
def test_a_day_read_as_a_compound_of_the_object_leaves_the_titled_subject_its_act(
    text: str,
) -> None:
    # the parser made "Monday" a compound of "sanctions", "sanctions" an oblique, "Minister"
    # the root and the verb its participle
    assert (EventType.SANCTION, "Q16", Q_RU) in _kinds(text, "en")



# -- a call's partner hung on the telephone word; a clause beside a speech verb (session 10) ------


def test_a_partner_hung_on_the_telephone_word_is_the_calls(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The small parser sometimes hangs "by phone" on the object and "with X" on "phone" in
    "discussed the issue by phone with X" (forced here): the call is still with X."""
    from extracted import moved

    from kgload.extract import analyze as analyze_module

    real = analyze_module.parse_sentences

    def misparse(parser, sentences, **kwargs):  # type: ignore[no-untyped-def]
        out = []
        for doc in real(parser, sentences, **kwargs):
            words = [t.text for t in doc]
            if "phone" not in words or "with" not in words:
                out.append(doc)
                continue
            phone, drought = words.index("phone"), words.index("drought")
            partner = doc[words.index("with")].head.i
            out.append(moved(doc, {partner: (phone, "nmod"), phone: (drought, "nmod")}))
        return out

    monkeypatch.setattr(analyze_module, "parse_sentences", misparse)
    events = _events("Lula discussed the drought by phone with Emmanuel Macron on Friday.", "en")
    assert [(e.type, set(e.participants)) for e in events] == [
        (EventType.PHONE_CALL, {"Q37181", "Q3052772"})
    ]


def test_a_clause_of_its_own_beside_a_speech_verb_is_not_reported_by_its_subject() -> None:
    # "briefed" is a speech verb; the call is told beside it, not by it
    (call,) = _events(
        "On Friday, a Brazilian delegation briefed the UN Security Council in New York on the "
        "crisis, and Lula discussed the matter by phone with Emmanuel Macron on Saturday.",
        "en",
    )
    assert call.type is EventType.PHONE_CALL and call.reported_by == ()
    # a clause the speech verb introduces is still reported by it
    (meeting,) = _events("The Kremlin said that Putin met Xi Jinping in Moscow.", "en")
    assert meeting.reported_by == ("Q159",)


# -- what is thanked for as the object of a verb of thanks (session 10) ---------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El presidente ucraniano agradeció a España su apoyo."),
        ("pt", "Zelensky agradeceu à Espanha o apoio."),
        ("pt", "Zelensky agradeceu o apoio da Espanha."),
        ("es", "Zelenski agradeció el apoyo de España."),
    ],
)
def test_support_thanked_for_as_the_object_was_given_by_the_thanked(lang: str, text: str) -> None:
    # the thanked gave it; the one who thanks received it
    assert _kinds(text, lang) == {(EventType.SUPPORT, "Q29", "Q3874799")}


def test_support_thanked_for_with_no_giver_names_no_event() -> None:
    assert _kinds("Zelensky agradeceu o apoio.", "pt") == set()


# -- a journey with a purpose: "chegou a Pequim para uma visita" (session 10) ---------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "pt",
            "Lula chegou a Quito para uma visita de Estado.",
            {(EventType.VISIT, "Q37181", "Q736")},
        ),
        # an outcome reached, with no destination, is still no journey
        ("pt", "Lula e Noboa chegaram a um acordo.", {(EventType.AGREEMENT, None, None)}),
    ],
)
def test_a_verb_of_reaching_with_a_destination_and_a_purpose_is_a_journey(
    lang: str, text: str, expected: set[tuple[EventType, str | None, str | None]]
) -> None:
    assert _kinds(text, lang) == expected


# -- a counting head between a verb and what it needs: "fired hundreds of missiles at" -----------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Iran fired hundreds of missiles at Israel."),
        ("en", "Iran fired dozens of drones at Israel overnight."),
        ("pt", "O Irã disparou centenas de mísseis contra Israel."),
    ],
)
def test_a_counting_head_stands_aside_for_the_triggers_words(lang: str, text: str) -> None:
    assert (EventType.ATTACK, Q_IR, Q_IL) in _kinds(text, lang)


# -- an event noun under a nominal predicate belongs to that clause (session 10) -----------------


def test_support_in_a_copular_clause_of_reason_is_not_the_main_subjects() -> None:
    # the sanctioned are complicit in the support; the sanctioning state gives none
    text = (
        "Hoje, os Estados Unidos estão impondo sanções contra Pedro Luis Martínez Soto por serem "
        "cúmplices no apoio aos planos de Maduro."
    )
    assert not {k for k in _kinds(text, "pt") if k[0] is EventType.SUPPORT}


# -- an event noun that counts its weapons names whose they are (session 10) ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Israel was hit by a barrage of Iranian missiles overnight.",
        "Israel was hit by a salvo of Iranian drones.",
    ],
)
def test_a_counting_event_noun_names_the_owner_of_what_it_counts(text: str) -> None:
    assert _kinds(text, "en") == {(EventType.ATTACK, Q_IR, Q_IL)}


# -- a name set beside a fronted date as its apposition (session 10) -----------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El próximo lunes, Boric se reunirá con Milei en Santiago."),
        ("es", "El lunes, Boric se reunió con Milei en Santiago."),
    ],
)
def test_a_name_read_as_the_apposition_of_a_fronted_date_is_the_subject(
    lang: str, text: str
) -> None:
    found = {(e.type, frozenset(e.participants)) for e in _events(text, lang)}
    assert (EventType.MEETING, frozenset({"Q16297876", "Q52395487"})) in found


# -- welcoming: a guest welcomed to a seat of government, a deal between others (session 10) -----


def test_a_guest_welcomed_to_a_seat_of_government_visits_its_state() -> None:
    # "to Downing Street" hung by the parser on the guest: where the guest came
    found = _kinds(
        "The Prime Minister welcomed President Lula to Downing Street on Tuesday.", "en"
    )
    assert (EventType.VISIT, "Q37181", "Q145") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The United Kingdom welcomed the peace agreement between Armenia and Azerbaijan.",
            {(EventType.AGREEMENT, frozenset({"Q399", "Q227"}))},
        ),
        # one party the KB does not know: still no deal of the welcomer's
        (
            "The United Kingdom welcomed the ceasefire agreement between Israel and the armed "
            "groups of Gaza.",
            set(),
        ),
    ],
)
def test_welcoming_a_deal_between_others_makes_no_party_of_the_welcomer(
    text: str, expected: set[tuple[EventType, frozenset[str]]]
) -> None:
    assert {(e.type, frozenset(e.participants)) for e in _events(text, "en")} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The leaders discussed the war in Ukraine, including the Russian attacks on the "
               "country overnight."),
        ("pt", "Os líderes falaram da guerra na Ucrânia e condenaram os ataques russos contra o "
               "país."),
        ("es", "Los líderes hablaron de la guerra en Ucrania y de los ataques rusos contra el "
               "país."),
    ],
)
def test_the_country_is_the_state_named_before_it_not_the_demonym_beside_it(
    lang: str, text: str
) -> None:
    assert (EventType.ATTACK, "Q159", "Q212") in _kinds(text, lang)


@pytest.mark.parametrize(
    "text",
    [
        "The Russian attacks on the country continued overnight.",  # no state named before
        "Ukraine said the Russian attacks on the other country continued.",  # another one
    ],
)
def test_the_country_with_no_state_before_or_another_word_on_it_is_nobody(text: str) -> None:
    assert not any(
        recipient == "Q212" for kind, _, recipient in _kinds(text, "en") if kind is EventType.ATTACK
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Lula said Brazil supports the territorial integrity of Ukraine.", EventType.SUPPORT),
        ("Macron said France condemns the Russian attacks on Ukraine.", EventType.CONDEMNATION),
    ],
)
def test_a_leader_telling_his_own_states_statement_makes_it_and_does_not_report_it(
    text: str, kind: EventType
) -> None:
    article = Article(id="t", text=text, lang="en", source="test", published=dt.date(2025, 1, 16))
    (event,) = [e for e in analyze(article, load_kb()).events if e.type is kind]
    assert event.reported_by == ()
