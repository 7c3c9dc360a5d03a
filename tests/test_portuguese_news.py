"""Events missed in Brazilian and Portuguese news (issue 9, Portuguese news pass): the shapes
that recurred in Agência Brasil, Lusa and public-broadcaster copy. The sentences are ours, each
rule with a negative twin."""

from __future__ import annotations

import datetime as dt

import pytest
from extracted import events, sides

from kgload.model import EventType, Status

PUBLISHED = dt.date(2025, 3, 4)


@pytest.mark.parametrize(
    ("text", "agent", "place"),
    [
        # the visitor's "de" phrase after the place, hung on the place's name
        ("Os acordos foram assinados durante a visita ao Brasil do presidente chinês.", "Q15031",
         "Q155"),
        ("O anúncio coincide com a visita à Casa Branca do chanceler alemão.", "Q61053",
         "Q30"),
        # the usual order was already read
        ("A visita do presidente chinês ao Brasil terminou.", "Q15031", "Q155"),
    ],
)
def test_the_visitor_named_after_the_place(text: str, agent: str, place: str) -> None:
    assert sides(text, "pt", EventType.VISIT, PUBLISHED) == [(agent, place)]


@pytest.mark.parametrize(
    "text",
    [
        # a place inside a name is no visitor
        "A visita à Assembleia da República de Portugal foi adiada.",
        # no visitor named at all
        "Os acordos foram assinados durante a visita ao Brasil.",
    ],
)
def test_a_place_under_the_visited_name_is_no_visitor(text: str) -> None:
    assert sides(text, "pt", EventType.VISIT, PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the future of the passive auxiliary: still to happen
        ("O presidente francês será recebido pelo presidente Lula no Palácio do Planalto.",
         Status.PLANNED),
        ("Emmanuel Macron será recebido pelo presidente Lula na terça-feira.", Status.PLANNED),
        # negative twins: the past passive, and the hedging perfect of "ter"
        ("O presidente francês foi recebido pelo presidente Lula no Palácio do Planalto.",
         Status.OCCURRED),
        ("O presidente francês terá sido recebido pelo presidente Lula.", Status.OCCURRED),
    ],
)
def test_a_future_passive_is_planned(text: str, status: Status) -> None:
    found = [e for e in events(text, "pt", PUBLISHED) if e.type is EventType.MEETING]
    assert [e.status for e in found] == [status]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("O Ruanda enviou mil soldados para ajudar Moçambique a combater os rebeldes.", "pt"),
        ("Rwanda sent a thousand soldiers to help Mozambique fight the rebels.", "en"),
    ],
)
def test_troops_sent_to_help_a_state_go_to_that_state(text: str, lang: str) -> None:
    # no destination named: the deployment had no recipient and was dropped
    assert sides(text, lang, EventType.TROOP_DEPLOYMENT, PUBLISHED) == [("Q1037", "Q1029")]


@pytest.mark.parametrize(
    ("text", "lang", "hosts"),
    [
        ("Rex Tillerson realizó una gira por México, Argentina y Perú.", "es",
         ["Q96", "Q414", "Q419"]),
        ("Lula fez uma viagem pela China e pelo Japão.", "pt", ["Q148", "Q17"]),
        # the twins: a reason after the same word, and the visitor of a passive participle
        ("Lula realizó una visita a Chile por invitación de Gabriel Boric.", "es", ["Q298"]),
        ("Venezuela fue tema en las naciones visitadas por Rex Tillerson.", "es", []),
    ],
)
def test_the_names_a_tour_goes_round_are_its_destinations(
    text: str, lang: str, hosts: list[str]
) -> None:
    assert [r for _, r in sides(text, lang, EventType.VISIT, PUBLISHED)] == hosts


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("O Ruanda tem planos de envio de tropas para ajudar Moçambique.", "pt"),
        ("O Ruanda tem planos de envio de soldados para ajudar Moçambique.", "pt"),
    ],
)
def test_the_verb_of_a_plan_noun_tells_who_would_act(text: str, lang: str) -> None:
    # "planos" stood between the deployment and "tem": no agent, so no event
    assert [
        (e.agent, e.recipient, e.status)
        for e in events(text, lang, PUBLISHED)
        if e.type is EventType.TROOP_DEPLOYMENT
    ] == [("Q1037", "Q1029", Status.PLANNED)]


def test_a_purpose_clause_hung_on_the_plan_noun_still_names_the_host() -> None:
    assert sides("A França tem planos de envio de tropas para ajudar o Haiti.", "pt",
                 EventType.TROOP_DEPLOYMENT, PUBLISHED) == [("Q142", "Q790")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The United States imposed new sanctions on Russia and Belarus.", "en",
         [("Q30", "Q159"), ("Q30", "Q184")]),
        ("A União Europeia e o Reino Unido anunciaram sanções contra a Rússia e o Irã.", "pt",
         [("Q458", "Q159"), ("Q458", "Q794")]),
        # the twins: two people of one state, and two senders, stay one measure
        ("The United States sanctioned Vladimir Putin and Sergey Lavrov.", "en",
         [("Q30", "Q7747")]),
        ("A União Europeia e o Reino Unido anunciaram sanções contra a Rússia.", "pt",
         [("Q458", "Q159")]),
    ],
)
def test_sanctions_on_several_states_are_one_on_each(
    text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert sides(text, lang, EventType.SANCTION, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("A África do Sul tem cerca de 1.300 militares destacados no norte de Moçambique.",
         "pt", ("Q258", "Q1029", 1300)),
        ("Sudáfrica tiene unos 1.300 soldados desplegados en Mozambique.", "es",
         ("Q258", "Q1029", 1300)),
        ("German troops stationed in Lithuania held an exercise.", "en",
         ("Q183", "Q37", None)),
    ],
)
def test_troops_a_participle_says_are_posted_are_a_deployment_of_their_holder(
    text: str, lang: str, expected: tuple[str, str, int | None]
) -> None:
    assert [
        (e.agent, e.recipient, e.personnel)
        for e in events(text, lang, PUBLISHED)
        if e.type is EventType.TROOP_DEPLOYMENT
    ] == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Alrededor de 10.000 soldados estadounidenses están en Afganistán.", "es",
         [(EventType.TROOP_DEPLOYMENT, "Q30", "Q889", 10000)]),
        ("Cerca de 2.000 militares ruandeses estão em Moçambique.", "pt",
         [(EventType.TROOP_DEPLOYMENT, "Q1037", "Q1029", 2000)]),
        # the twin: a leader said to be in a place is there on a visit
        ("O presidente Lula está na China.", "pt", [(EventType.VISIT, "Q37181", "Q148", None)]),
    ],
)
def test_troops_said_to_be_in_a_state_are_posted_there(
    text: str, lang: str, expected: list[tuple[EventType, str, str, int | None]]
) -> None:
    assert [
        (e.type, e.agent, e.recipient, e.personnel) for e in events(text, lang, PUBLISHED)
    ] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Barack Obama anunció que mantendrá 8.400 soldados en Afganistán.", "es",
         ("Q76", "Q889", Status.PLANNED)),
        ("President Obama said he will keep 8,400 troops in Afghanistan.", "en",
         ("Q76", "Q889", Status.PLANNED)),
        ("The UK has 150 soldiers based in Poland.", "en", ("Q145", "Q36", Status.OCCURRED)),
        ("O Reino Unido tem 150 soldados baseados na Polônia.", "pt",
         ("Q145", "Q36", Status.OCCURRED)),
    ],
)
def test_troops_kept_or_based_in_a_state_are_posted_there(
    text: str, lang: str, expected: tuple[str, str, Status]
) -> None:
    assert [
        (e.agent, e.recipient, e.status) for e in events(text, lang, PUBLISHED)
        if e.type is EventType.TROOP_DEPLOYMENT
    ] == [expected]


def test_troops_kept_ready_are_no_deployment() -> None:
    assert events("Russia keeps its troops ready.", "en", PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("O presidente de Angola, João Lourenço, termina hoje uma visita aos Estados Unidos.",
         "pt"),
        ("El presidente de Colombia, Gustavo Petro, terminó una visita a Estados Unidos.", "es"),
    ],
)
def test_a_visit_someone_ends_was_made_by_them(text: str, lang: str) -> None:
    found = [(e.type, e.recipient, e.status) for e in events(text, lang, PUBLISHED)]
    assert found == [(EventType.VISIT, "Q30", Status.OCCURRED)]


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        ("Lula almoçou com Emmanuel Macron no Palácio do Eliseu.", "pt", {"Q37181", "Q3052772"}),
        ("Andrés Manuel López Obrador desayunó con Kamala Harris.", "es",
         {"Q318508", "Q10853588"}),
        ("Donald Trump dined with Xi Jinping at Mar-a-Lago.", "en", {"Q22686", "Q15031"}),
    ],
)
def test_a_meal_with_a_leader_is_a_meeting(text: str, lang: str, pair: set[str]) -> None:
    assert [set(e.participants) for e in events(text, lang, PUBLISHED)
            if e.type is EventType.MEETING] == [pair]


def test_a_meal_with_nobody_named_is_no_meeting() -> None:
    assert events("Lula jantou com a família no domingo.", "pt", PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Lula já encontrou pessoalmente Marco Rubio em 30 de julho, em Washington.", "pt",
         [{"Q37181", "Q324546"}]),
        ("Gustavo Petro encontró a Joe Biden en la Casa Blanca.", "es", [{"Q704022", "Q6279"}]),
        # the twin: what one finds is no one met
        ("A polícia encontrou o corpo do jornalista em Brasília.", "pt", []),
    ],
)
def test_meeting_someone_without_the_clitic(text: str, lang: str, expected: list[set[str]]) -> None:
    assert [set(e.participants) for e in events(text, lang, PUBLISHED)
            if e.type is EventType.MEETING] == expected


def test_a_visit_to_countries_listed_beside_their_noun_is_a_visit_to_each() -> None:
    text = ("John Kerry iniciou uma visita de cinco dias a quatro países africanos, Etiópia, "
            "Sudão do Sul, República Democrática do Congo e Angola.")
    found = {e.recipient for e in events(text, "pt", PUBLISHED) if e.type is EventType.VISIT}
    assert found == {"Q115", "Q958", "Q974", "Q916"}


def test_a_list_beside_a_noun_of_people_names_one() -> None:
    # "os dois líderes, Lula e Xi": not countries, so the rule of lists of states stays out
    text = "Os dois líderes, Lula e Xi Jinping, reuniram-se em Pequim."
    assert [set(e.participants) for e in events(text, "pt", PUBLISHED)] == [
        {"Q37181", "Q15031"}
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Lula esteve na Argentina e no Uruguai.", "pt"),
        ("Lula chegou ao Brasil depois de ter estado na Argentina e no Uruguai.", "pt"),
        ("Gustavo Petro estuvo en Argentina y en Uruguay.", "es"),
    ],
)
def test_being_in_two_states_is_a_visit_to_each(text: str, lang: str) -> None:
    found = {e.recipient for e in events(text, lang, PUBLISHED) if e.type is EventType.VISIT}
    assert found == {"Q414", "Q77"}


def test_a_clause_coordinated_after_being_somewhere_is_no_second_place() -> None:
    text = "Lula esteve na Argentina e depois voltou a Brasília."
    found = {e.recipient for e in events(text, "pt", PUBLISHED) if e.type is EventType.VISIT}
    assert found == {"Q414"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hoy, Estados Unidos anuncia nuevas restricciones a los viajes a Cuba.", "es"),
        ("Today, the United States announces new restrictions on travel to Cuba.", "en"),
    ],
)
def test_restrictions_on_trips_to_a_state_sanction_that_state(text: str, lang: str) -> None:
    assert sides(text, lang, EventType.SANCTION, PUBLISHED) == [("Q30", "Q241")]


def test_trips_with_no_measure_on_them_are_no_sanction() -> None:
    text = "Estados Unidos anuncia nuevos viajes a Cuba."
    assert sides(text, "es", EventType.SANCTION, PUBLISHED) == []


def test_visa_restrictions_on_officials_of_a_regime_hung_on_the_visa_word() -> None:
    text = ("Hoy, el Departamento de Estado impone restricciones de visa a 93 funcionarios del "
            "régimen de Ortega-Murillo.")
    assert sides(text, "es", EventType.SANCTION, PUBLISHED) == [("Q30", "Q57402")]


def test_a_guest_received_with_the_personal_a_at_the_hosts_seat_visits() -> None:
    text = ("El presidente Joseph R. Biden recibirá al presidente de Colombia, Gustavo Petro, en "
            "la Casa Blanca el 20 de abril.")
    found = {(e.type, e.agent, e.recipient) for e in events(text, "es", PUBLISHED)}
    assert (EventType.VISIT, "Q704022", "Q30") in found


def test_a_meeting_hosted_during_a_visit_told_before_is_not_another_visit() -> None:
    # (the guest's visit read from the hosting at the host's seat would be a second one)
    text = ("La visita de Estado de Gustavo Petro a Estados Unidos comenzó el sábado. El martes, "
            "Joe Biden recibió al presidente de Colombia, Gustavo Petro, en la Casa Blanca.")
    visits = [e for e in events(text, "es", PUBLISHED) if e.type is EventType.VISIT]
    assert [(e.agent, e.recipient) for e in visits] == [("Q704022", "Q30")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Brazil and China signed 15 agreements during Lula's visit to Beijing.", "en"),
        ("O Brasil e a China assinaram 15 acordos durante a visita de Lula a Pequim.", "pt"),
    ],
)
def test_a_visit_whose_noun_names_its_visitor_is_not_the_clauses_subjects(
    text: str, lang: str
) -> None:
    found = {(e.agent, e.recipient) for e in events(text, lang, PUBLISHED)
             if e.type is EventType.VISIT}
    assert found == {("Q37181", "Q148")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Os Estados Unidos anunciaram hoje que congelaram os bens do chefe da Força Aérea da "
         "Guiné-Bissau.", "pt"),
        ("The United States froze the assets of the chief of Venezuela's air force.", "en"),
    ],
)
def test_whose_assets_are_frozen_is_sanctioned(text: str, lang: str) -> None:
    expected = "Q1007" if lang == "pt" else "Q717"
    assert sides(text, lang, EventType.SANCTION, PUBLISHED) == [("Q30", expected)]
