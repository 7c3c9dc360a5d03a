"""Events named by nouns, with their actors inside the noun phrase (issue 9): possessors, "de/of"
phrases, demonyms, names joined by a dash, participles hung on the event noun, and group nouns
("as delegações do Quênia e do Haiti") that stand for each of their states. The sentences are
ours; each one is extracted alone, through the shipped pipelines and the KB."""

from __future__ import annotations

import datetime as dt

import pytest

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, Event, EventType, Status

M, V, S, A, AG = (
    EventType.MEETING,
    EventType.VISIT,
    EventType.SANCTION,
    EventType.ATTACK,
    EventType.AGREEMENT,
)
KENYA, HAITI, CANADA, USA, IRAN = "Q114", "Q790", "Q16", "Q30", "Q794"
RUSSIA, CHINA, UKRAINE, TURKEY, SYRIA = "Q159", "Q148", "Q212", "Q43", "Q858"
BRAZIL, ARGENTINA, MEXICO, COLOMBIA, VENEZUELA = "Q155", "Q414", "Q96", "Q739", "Q717"
LULA, BIDEN, EU = "Q37181", "Q6279", "Q458"


def _events(text: str, lang: str) -> list[Event]:
    article = Article(id="t", text=text, lang=lang, source="test", published=dt.date(2025, 3, 10))
    return list(analyze(article, load_kb()).events)


# (lang, sentence, type, agent, recipient, participants, status); agent and recipient are None
# for undirected events
FOUND = [
    # group nouns: each state their modifiers name takes part
    ("pt", "As delegações do Quênia, do Haiti e do Canadá realizaram uma conferência conjunta "
     "em Nairóbi.", M, None, None, {KENYA, HAITI, CANADA}, Status.OCCURRED),
    ("pt", "Representantes do Brasil e da Argentina reuniram-se em Brasília.",
     M, None, None, {BRAZIL, ARGENTINA}, Status.OCCURRED),
    ("pt", "Os chanceleres do Brasil e do México assinaram um acordo em Brasília.",
     AG, None, None, {BRAZIL, MEXICO}, Status.OCCURRED),
    ("en", "Delegations from Kenya and Haiti held a meeting in Nairobi.",
     M, None, None, {KENYA, HAITI}, Status.OCCURRED),
    ("en", "Russian and Chinese officials held talks in Beijing.",
     M, None, None, {RUSSIA, CHINA}, Status.OCCURRED),
    ("es", "Las delegaciones de Kenia y Haití celebraron una reunión en Nairobi.",
     M, None, None, {KENYA, HAITI}, Status.OCCURRED),
    ("es", "Los representantes de México y Colombia se reunieron en Bogotá.",
     M, None, None, {MEXICO, COLOMBIA}, Status.OCCURRED),
    ("es", "Los cancilleres de Brasil y Argentina firmaron un acuerdo en Brasilia.",
     AG, None, None, {BRAZIL, ARGENTINA}, Status.OCCURRED),
    ("en", "The president of France met the leaders of Germany and Italy.",
     M, None, None, {"Q3052772", "Q183", "Q38"}, Status.OCCURRED),
    # a group of one state is that state, as before
    ("pt", "A delegação do Quênia chegou a Brasília.",
     V, KENYA, BRAZIL, {KENYA, BRAZIL}, Status.OCCURRED),
    # participles hung on the event noun: their agent acts, their "a/contra/on" phrase is hit
    ("pt", "As sanções impostas pela União Europeia ao Irã entraram em vigor.",
     S, EU, IRAN, {EU, IRAN}, Status.OCCURRED),
    ("es", "Las sanciones anunciadas hoy por el Gobierno de los Estados Unidos contra Venezuela "
     "entran en vigor.", S, USA, VENEZUELA, {USA, VENEZUELA}, Status.OCCURRED),
    ("en", "The sanctions imposed on Iran by the United States took effect on Friday.",
     S, USA, IRAN, {USA, IRAN}, Status.OCCURRED),
    # possessors, "de" phrases, demonyms and names joined by a dash
    ("pt", "A visita de Lula à China durou três dias.",
     V, LULA, CHINA, {LULA, CHINA}, Status.OCCURRED),
    ("pt", "A ofensiva russa contra a Ucrânia começou em fevereiro.",
     A, RUSSIA, UKRAINE, {RUSSIA, UKRAINE}, Status.OCCURRED),
    ("es", "La visita de Lula a China duró tres días.",
     V, LULA, CHINA, {LULA, CHINA}, Status.OCCURRED),
    ("es", "La ofensiva rusa contra Ucrania comenzó en febrero.",
     A, RUSSIA, UKRAINE, {RUSSIA, UKRAINE}, Status.OCCURRED),
    ("en", "Turkey's offensive against Syria began on Monday.",
     A, TURKEY, SYRIA, {TURKEY, SYRIA}, Status.OCCURRED),
    ("en", "The Lula-Biden meeting took place in Washington.",
     M, None, None, {LULA, BIDEN}, Status.OCCURRED),
    # "brutal e não provocada": a participle coordinated with an adjective does not take the
    # noun's "de" phrase away; "of Ukraine by Russia": the agent hung under the "of" phrase
    ("pt", "A invasão brutal e não provocada do governo russo contra a Ucrânia completou dois "
     "anos.", A, RUSSIA, UKRAINE, {RUSSIA, UKRAINE}, Status.OCCURRED),
    ("es", "La invasión brutal y no provocada del gobierno ruso contra Ucrania cumplió dos años.",
     A, RUSSIA, UKRAINE, {RUSSIA, UKRAINE}, Status.OCCURRED),
    ("en", "The brutal and unprovoked invasion of Ukraine by Russia continues.",
     A, RUSSIA, UKRAINE, {RUSSIA, UKRAINE}, Status.OCCURRED),
    ("pt", "A invasão da Ucrânia pela Rússia completou dois anos.",
     A, RUSSIA, UKRAINE, {RUSSIA, UKRAINE}, Status.OCCURRED),
    # military operations and wars of aggression; an event noun in the "of" phrase of another
    # of its type is the same event ("guerra de agresión de Rusia")
    ("en", "Russia's special military operation in Ukraine began in 2022.",
     A, RUSSIA, UKRAINE, {RUSSIA, UKRAINE}, Status.OCCURRED),
    ("pt", "A guerra de agressão da Rússia contra a Ucrânia continua.",
     A, RUSSIA, UKRAINE, {RUSSIA, UKRAINE}, Status.OCCURRED),
    ("es", "La guerra de agresión de Rusia contra Ucrania continúa.",
     A, RUSSIA, UKRAINE, {RUSSIA, UKRAINE}, Status.OCCURRED),
    ("es", "La operación militar rusa en Ucrania comenzó en 2022.",
     A, RUSSIA, UKRAINE, {RUSSIA, UKRAINE}, Status.OCCURRED),
    ("en", "The wave of attacks by Russia on Ukraine continued.",
     A, RUSSIA, UKRAINE, {RUSSIA, UKRAINE}, Status.OCCURRED),
    # relative clauses of a light verb on the event noun, even hung on the noun after it
    ("pt", "As sanções contra a Venezuela, que foram impostas pelos Estados Unidos, entraram em "
     "vigor.", S, USA, VENEZUELA, {USA, VENEZUELA}, Status.OCCURRED),
    ("pt", "As sanções que os Estados Unidos impuseram à Rússia entraram em vigor.",
     S, USA, RUSSIA, {USA, RUSSIA}, Status.OCCURRED),
    ("en", "The sanctions that the United States imposed on Russia took effect.",
     S, USA, RUSSIA, {USA, RUSSIA}, Status.OCCURRED),
    # a participle on a predicate noun: the noun stands for the copula's subject, and the
    # copula's tense is the event's
    ("pt", "Os Estados Unidos serão o terceiro país visitado por Lula.",
     V, LULA, USA, {LULA, USA}, Status.PLANNED),
    ("es", "México fue el primer país visitado por Lula.",
     V, LULA, MEXICO, {LULA, MEXICO}, Status.OCCURRED),
    ("en", "Canada is the first country visited by Lula this year.",
     V, LULA, CANADA, {LULA, CANADA}, Status.OCCURRED),
    # who receives a visit is visited
    ("pt", "A China recebeu a visita de Lula em abril.",
     V, LULA, CHINA, {LULA, CHINA}, Status.OCCURRED),
    ("es", "Lula recibió la visita del presidente de Francia.",
     V, "Q3052772", LULA, {"Q3052772", LULA}, Status.OCCURRED),
    ("en", "Lula received a visit from the French president.",
     V, "Q3052772", LULA, {"Q3052772", LULA}, Status.OCCURRED),
    # a planned visit is planned, in every language
    ("en", "Lula's planned visit to China was announced on Monday.",
     V, LULA, CHINA, {LULA, CHINA}, Status.PLANNED),
    ("pt", "A visita planejada de Lula à China foi anunciada ontem.",
     V, LULA, CHINA, {LULA, CHINA}, Status.PLANNED),
    ("es", "La visita prevista de Lula a China fue anunciada ayer.",
     V, LULA, CHINA, {LULA, CHINA}, Status.PLANNED),
    # tenth pass: more heads that only count the event noun after them
    ("en", "Canada on Monday announced a new slew of sanctions on Iranian officials.",
     S, CANADA, IRAN, {CANADA, IRAN}, Status.OCCURRED),
    ("en", "Australia unveiled a fresh flurry of sanctions against Russia.",
     S, "Q408", RUSSIA, {"Q408", RUSSIA}, Status.OCCURRED),
]  # fmt: skip

# sentences that tell no event that occurred
NOT_OCCURRED = [
    ("pt", "Não houve visita de Lula à China."),
    ("pt", "A visita de um desconhecido a Paris durou três dias."),
    ("pt", "Os funcionários do ministério realizaram uma reunião."),
    ("en", "Lula made no visit to China this year."),
    ("en", "A visit by nobody we know took place in Paris."),
    ("en", "Canada's delegation held talks in Ottawa."),
    ("en", "The officials of the ministry held a meeting."),
    ("es", "No hubo ninguna visita de Lula a China."),
    ("es", "La visita de un desconocido a París duró tres días."),
    ("es", "Los funcionarios del ministerio celebraron una reunión."),
    # who criticised an act did not do it
    ("pt", "As sanções contra a Venezuela, que foram criticadas pela China, entraram em vigor."),
    ("es", "La ofensiva contra Ucrania, que fue condenada por Francia, continúa."),
    # an operation that is not called military is no attack
    ("en", "Police launched a security operation in Paris."),
    ("pt", "O Brasil e a Argentina fizeram uma operação de resgate na Bolívia."),
    # a group naming one state and something else is no meeting of two
    ("pt", "Representantes do Brasil e de empresas privadas reuniram-se em São Paulo."),
    ("es", "Los representantes de México y de varias empresas se reunieron en Monterrey."),
    # a counting head over no event noun counts nothing
    ("en", "Canada announced a slew of new tax rules for Iranian students."),
]


@pytest.mark.parametrize(
    ("lang", "text", "kind", "agent", "recipient", "participants", "status"),
    FOUND,
    ids=[f"{row[0]}-{row[1][:40]}" for row in FOUND],
)
def test_nominal_event(
    lang: str,
    text: str,
    kind: EventType,
    agent: str | None,
    recipient: str | None,
    participants: set[str],
    status: Status,
) -> None:
    events = _events(text, lang)
    found = [e for e in events if e.type is kind]
    assert len(found) == 1, [(e.type, e.participants) for e in events]
    event = found[0]
    assert set(event.participants) == participants
    assert (event.agent, event.recipient) == (agent, recipient)
    assert event.status is status


@pytest.mark.parametrize(("lang", "text"), NOT_OCCURRED, ids=[t[:40] for _, t in NOT_OCCURRED])
def test_no_occurred_event(lang: str, text: str) -> None:
    events = _events(text, lang)
    assert not [e for e in events if e.status is Status.OCCURRED], [
        (e.type, e.participants, e.status) for e in events
    ]


# -- seventh pass: the "of" phrase of a patient noun that happens in another state ---------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "México condenó la invasión militar de Rusia en Ucrania."),
        ("pt", "A invasão da Rússia na Ucrânia completou um ano."),
    ],
)
def test_an_invasion_of_a_state_in_another_was_done_by_the_first(lang: str, text: str) -> None:
    # one does not invade a country in another: "de Rusia" is the invader
    kinds = {(e.type, e.agent, e.recipient) for e in _events(text, lang)}
    assert (EventType.ATTACK, "Q159", "Q212") in kinds
    assert all(e.recipient != "Q159" for e in _events(text, lang) if e.type is EventType.ATTACK)


def test_an_invasion_of_a_state_in_a_month_is_still_suffered_by_it() -> None:
    events = _events("Rusia condenó la invasión de Ucrania en febrero por sus enemigos.", "es")
    assert all(e.agent != "Q212" for e in events if e.type is EventType.ATTACK)


@pytest.mark.parametrize(
    ("text", "kind", "sides"),
    [
        # a headline written as a sentence of the body: its first word is capitalised by
        # spelling, and the tagger reads it as a name
        ("Visita del presidente Lula a China", V, {LULA, CHINA}),
        ("Reunión del presidente Lula con el presidente Joe Biden", M, {LULA, BIDEN}),
    ],
)
def test_a_headline_opening_with_its_event_noun(
    text: str, kind: EventType, sides: set[str]
) -> None:
    found = [e for e in _events(text, "es") if e.type is kind]
    assert [set(e.participants) for e in found] == [sides]


def test_an_event_word_inside_a_name_is_no_event() -> None:
    # "Reunión" here is the island, a name inside the sentence, not its first word
    assert not _events("Lula y Joe Biden viajaron a la isla de Reunión.", "es")
