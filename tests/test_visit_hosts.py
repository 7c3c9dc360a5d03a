"""Visits: a site's state is the host, and a visit to several states is one visit to each."""

from __future__ import annotations

import datetime as dt

import pytest

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, Event, EventType, Status


def _visits(text: str, lang: str) -> list[Event]:
    article = Article(id="t", text=text, lang=lang, source="test", published=dt.date(2025, 6, 13))
    return [e for e in analyze(article, load_kb()).events if e.type is EventType.VISIT]


def test_a_site_in_a_state_makes_the_state_the_host() -> None:
    (visit,) = _visits("Emmanuel Macron visited a military base in Estonia.", "en")
    assert (visit.agent, visit.recipient) == ("Q3052772", "Q191")


def test_a_visit_to_two_states_is_two_visits() -> None:
    for lang, text in (
        ("pt", "Nos próximos meses, Lula deve visitar a China e Portugal."),
        ("es", "Lula visitará China y Portugal el próximo mes."),
        ("en", "Vladimir Putin visited the Khmeimim Air Base in Syria, and Egypt."),
    ):
        visits = _visits(text, lang)
        assert len(visits) == 2, (text, visits)
        assert len({v.recipient for v in visits}) == 2
        assert {v.agent for v in visits} in ({"Q37181"}, {"Q7747"})


def test_a_meeting_with_two_states_stays_one_event() -> None:
    article = Article(id="t", text="Lula reuniu-se com os presidentes da China e da França.",
                      lang="pt", source="test", published=dt.date(2025, 6, 13))
    meetings = [e for e in analyze(article, load_kb()).events if e.type is EventType.MEETING]
    assert len(meetings) <= 1


def test_a_visit_to_a_city_and_its_state_is_one_visit() -> None:
    visits = _visits("Lula visitou Pequim, na China, onde se reuniu com Xi Jinping.", "pt")
    assert [v.recipient for v in visits] == ["Q148"]


def test_a_leader_received_at_home_came_on_a_visit() -> None:
    cases = (
        ("pt", "Lula recebeu o presidente francês, Macron, em Brasília.", "Q3052772", "Q155"),
        ("es", "Pedro Sánchez recibió a Zelenski en Madrid.", "Q3874799", "Q29"),
        ("en", "Emmanuel Macron received Lula in Paris.", "Q37181", "Q142"),
    )
    for lang, text, guest, home in cases:
        (visit,) = _visits(text, lang)
        assert (visit.agent, visit.recipient) == (guest, home), text


def test_a_meeting_without_a_place_or_not_hosted_is_no_visit() -> None:
    assert _visits("Lula recebeu Macron.", "pt") == []
    assert _visits("Lula reuniu-se com Macron em Paris.", "pt") == []


def test_a_guest_received_for_a_visit_visits_the_hosts_state() -> None:
    # issue 9, seventh pass: no place is named, but the guest came "for a visit"
    for lang, text in (
        ("pt", "Lula recebeu Emmanuel Macron para uma visita de Estado."),
        ("en", "Joe Biden welcomed Emmanuel Macron for a state visit."),
    ):
        visits = _visits(text, lang)
        assert [(v.agent, v.recipient) for v in visits] == [
            ("Q3052772", "Q155" if lang == "pt" else "Q30")
        ], text


def test_a_guest_received_for_a_meeting_makes_no_visit() -> None:
    assert not _visits("Lula recebeu Emmanuel Macron para uma reunião.", "pt")


def test_a_guest_received_in_the_passive_for_a_visit_travels_to_the_host() -> None:
    # issue 9, eighth pass: the passive's subject is the guest, its agent the host (it was
    # read the other way: Xi visiting Brazil)
    text = (
        "Na sua primeira visita oficial, Lula foi recebido com honras de Estado no palácio por "
        "Xi Jinping."
    )
    assert [(v.agent, v.recipient) for v in _visits(text, "pt")] == [("Q37181", "Q148")]
    # the active voice, as before
    text = "Xi Jinping recebeu Lula para uma visita de Estado."
    assert [(v.agent, v.recipient) for v in _visits(text, "pt")] == [("Q37181", "Q148")]


@pytest.mark.parametrize(
    ("lang", "text", "status"),
    [
        ("pt", "A chanceler francesa, Catherine Colonna, virá ao Brasil em julho.", Status.PLANNED),
        ("pt", "O presidente Emmanuel Macron veio ao Brasil em março.", Status.OCCURRED),
        ("pt", "O presidente Emmanuel Macron não virá ao Brasil em julho.", Status.DENIED),
        ("es", "Macron viene a Brasil la próxima semana.", Status.PLANNED),
    ],
)
def test_coming_to_a_state_is_a_visit_as_going_there_is(
    lang: str, text: str, status: Status
) -> None:
    (visit,) = _visits(text, lang)
    assert (visit.recipient, visit.status) == ("Q155", status)


@pytest.mark.parametrize(
    "text",
    [
        "O presidente Emmanuel Macron veio a público defender a França.",
        "A proposta de Macron vem ao encontro dos interesses da França.",
        "O presidente Macron, que vem de Paris, falou com jornalistas.",
    ],
)
def test_coming_to_no_place_is_no_visit(text: str) -> None:
    assert _visits(text, "pt") == []


@pytest.mark.parametrize(
    ("text", "host"),
    [
        # a state's name of several words after a bare "a" takes no article: the parser must
        # not read "a" as one ("a Cabo Verde" was parsed as "a França")
        ("O presidente angolano concluiu na terça-feira uma visita de Estado a Cabo Verde.",
         "Q1011"),
        ("O chanceler brasileiro fez uma visita oficial a Cabo Verde em maio.", "Q1011"),
    ],
)
def test_a_state_after_a_bare_preposition_is_the_host(text: str, host: str) -> None:
    (visit,) = _visits(text, "pt")
    assert visit.recipient == host


@pytest.mark.parametrize(
    ("lang", "text", "host", "status"),
    [
        ("pt", "Filipe Nyusi está em Portugal para a sua primeira visita oficial.", "Q45",
         Status.OCCURRED),
        ("pt", "Lula esteve em Pequim na semana passada.", "Q148", Status.OCCURRED),
        ("pt", "Lula estará em Pequim na próxima semana.", "Q148", Status.PLANNED),
        ("es", "Lula estuvo en Pekín la semana pasada.", "Q148", Status.OCCURRED),
    ],
)
def test_being_in_a_foreign_place_is_a_visit(
    lang: str, text: str, host: str, status: Status
) -> None:
    (visit,) = _visits(text, lang)
    assert (visit.recipient, visit.status) == (host, status)


@pytest.mark.parametrize(
    "text",
    ["O presidente Lula está em Brasília.", "O Brasil está em guerra.", "Lula está em crise."],
)
def test_being_at_home_or_in_a_state_of_things_is_no_visit(text: str) -> None:
    assert _visits(text, "pt") == []


def test_a_guest_welcomed_to_a_seat_of_a_states_body_visits_that_state() -> None:
    # the Pentagon stands for the US Department of Defense: the guest visits the United
    # States, and neither the host nor the department visits anyone
    article = Article(
        id="t",
        text="Secretary Austin welcomed Polish Minister of National Defense Mariusz Blaszczak "
        "to the Pentagon.",
        lang="en",
        source="test",
        published=dt.date(2023, 3, 7),
    )
    visits = [e for e in analyze(article, load_kb()).events if e.type is EventType.VISIT]
    assert [(v.agent, v.recipient) for v in visits] == [("Q36", "Q30")]


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Un greeted Vladimir Putin at Pyongyang airport early on Wednesday.",
        "Vladimir Putin was greeted by Kim Jong Un in Pyongyang.",
    ],
)
def test_a_leader_greeted_at_a_place_of_the_hosts_state_visits_it(text: str) -> None:
    # "greet" hosts as "receive" does; "at Pyongyang airport": the city names the host state
    (visit,) = _visits(text, "en")
    assert (visit.agent, visit.recipient) == ("Q7747", "Q423")


def test_greeting_a_decision_is_no_meeting() -> None:
    article = Article(id="t", text="Kim greeted the decision with enthusiasm.", lang="en",
                      source="test", published=dt.date(2024, 6, 19))
    assert not analyze(article, load_kb()).events


@pytest.mark.parametrize(
    ("lang", "text", "visitor"),
    [
        # an ambassador received where they are posted is no visitor
        ("pt", "O Presidente José Maria Neves recebeu o embaixador dos Estados Unidos na Praia.",
         None),
        ("pt", "O Presidente José Maria Neves recebeu o presidente de Angola, João Lourenço, na "
               "Praia.", "Q28650390"),
    ],
)
def test_an_envoy_received_where_posted_makes_no_visit(
    lang: str, text: str, visitor: str | None
) -> None:
    visits = _visits(text, lang)
    assert [v.agent for v in visits] == ([visitor] if visitor else [])


def test_a_capitalised_article_opening_the_sentence_is_no_bare_preposition() -> None:
    from kgload.extract.analyze import _word_before
    from kgload.nlp.grammar import load_grammar

    # "A África do Sul tem…" was parsed as "a Portugal tem…", the article read as "to"
    prepositions = load_grammar("pt").bare_prepositions
    assert _word_before("A África do Sul tem tropas.", 2) not in prepositions
    assert _word_before("Lula foi a Cabo Verde.", 11) in prepositions
