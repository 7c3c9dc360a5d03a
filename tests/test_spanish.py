"""Spanish, the third language: data files (`kgload/nlp/lexicons/es.toml`, `events_es.toml`,
the trained pipeline in `kgload/nlp/models/es`), no new code.

The files load and have every table of the Portuguese ones; a Spanish article goes end to end
into a store and validates; event extraction on Spanish sentences (ours); and `kgload eval` on
the two Spanish examples stays above a floor, so a later change cannot silently break Spanish.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tomllib
from pathlib import Path

import pytest

from kgload import KG, Settings
from kgload.cli.main import main
from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, Bound, Event, EventType, Status
from kgload.nlp.grammar import load_grammar
from kgload.nlp.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "kgload" / "nlp" / "lexicons"
SPANISH_EXAMPLES = sorted((ROOT / "examples").glob("*-es-*.txt"))

ENTITY_F1_FLOOR = 0.85
EVENT_F1_FLOOR = 0.6


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("KGLOAD_"):
            monkeypatch.delenv(name)


def _events(text: str, published: dt.date = dt.date(2025, 8, 12)) -> list[Event]:
    """Events of one Spanish text; 2025-08-12 is a Tuesday ("este martes")."""
    article = Article(id="t", text=text, lang="es", source="test", published=published)
    return list(analyze(article, load_kb()).events)


def _one(events: list[Event], kind: EventType) -> Event:
    found = [e for e in events if e.type is kind]
    assert len(found) == 1, [(e.type, e.participants) for e in events]
    return found[0]


# -- the lexicon ------------------------------------------------------------------------------


def test_spanish_lexicon_loads() -> None:
    lexicon = load_lexicon("es")
    assert lexicon.lang == "es"
    assert lexicon.roles["presidente del gobierno"][0] == "prime_minister"
    assert "foreign_minister" in lexicon.roles["canciller"]


def test_spanish_grammar_covers_every_event_type() -> None:
    grammar = load_grammar("es")
    kinds = {r.type for rules in (*grammar.verbs.values(), *grammar.nouns.values()) for r in rules}
    assert kinds == set(EventType)
    assert grammar.marker_role("por") == "agent"
    assert grammar.marker_role("según") == "source"
    assert "ir" in grammar.status["planned_aux"]


def test_spanish_files_have_every_table_and_key_of_portuguese() -> None:
    for name in ("{}.toml", "events_{}.toml"):
        pt = tomllib.loads((LEXICONS / name.format("pt")).read_text(encoding="utf-8"))
        es = tomllib.loads((LEXICONS / name.format("es")).read_text(encoding="utf-8"))
        tables = [k for k, v in pt.items() if isinstance(v, dict)]
        assert set(tables) <= set(es), set(tables) - set(es)
        for table in tables:
            if table in ("roles", "numbers"):  # words of each language, not keys
                continue
            assert set(pt[table]) <= set(es[table]), (name, table, set(pt[table]) - set(es[table]))
        types = {b["type"] for b in es.get("triggers", [])}
        assert {b["type"] for b in pt.get("triggers", [])} <= types


# -- end to end -------------------------------------------------------------------------------


def test_spanish_article_loads_into_a_store_and_validates() -> None:
    assert len(SPANISH_EXAMPLES) == 2
    with KG.open("memory:", settings=Settings()) as kg:
        report = kg.ingest(SPANISH_EXAMPLES)
        assert report.ok, [str(p) for p in report.problems]
        assert report.documents == 2
        stats = kg.stats()
        assert stats["events"] >= 12
        for kind in EventType:
            assert stats.get(f"events_{kind.value}", 0) >= 1, kind
        validation = kg.validate()
        assert validation.conforms, [str(p) for p in validation.problems]
        rows = list(kg.query("events_of_actor", actor="Q458", type="sanction").dicts())
        assert len(rows) == 1
        row = rows[0]
        assert str(row["date"].value) == "2024-12-16"  # type: ignore[union-attr]
        assert str(row["role"].value) == "agent"  # type: ignore[union-attr]
        assert "Q159" in str(row["participant_ids"].value)  # type: ignore[union-attr]


# -- events on Spanish sentences ----------------------------------------------------------------

# (sentence, type, participants, agent, recipient, date, status, reported_by)
CASES = [
    pytest.param(
        "El presidente de Argentina, Javier Milei, conversó por teléfono este martes con su "
        "homólogo ucraniano, Volodímir Zelenski.",
        EventType.PHONE_CALL, {"Q52395487", "Q3874799"}, None, None, "2025-08-12",
        Status.OCCURRED, (), id="phone-call-este-martes",
    ),
    pytest.param(
        "Putin y Lula mantuvieron este martes una conversación telefónica de casi una hora.",
        EventType.PHONE_CALL, {"Q7747", "Q37181"}, None, None, "2025-08-12",
        Status.OCCURRED, (), id="conversacion-telefonica",
    ),
    pytest.param(
        "Donald Trump y Vladimir Putin se reunirán el próximo viernes en Alaska, "
        "informó el Kremlin.",
        EventType.MEETING, {"Q22686", "Q7747"}, None, None, "2025-08-15",
        Status.PLANNED, ("Q159",), id="planned-meeting-proximo-viernes",
    ),
    pytest.param(
        "Brasil y Argentina firmaron ayer un acuerdo de cooperación en defensa.",
        EventType.AGREEMENT, {"Q155", "Q414"}, None, None, "2025-08-11",
        Status.OCCURRED, (), id="agreement-firmaron-ayer",
    ),
    pytest.param(
        "Las sanciones fueron impuestas por la Unión Europea a Rusia este martes.",
        EventType.SANCTION, {"Q458", "Q159"}, "Q458", "Q159", "2025-08-12",
        Status.OCCURRED, (), id="sanctions-passive",
    ),
    pytest.param(
        "Brasil condenó el ataque de Estados Unidos contra Irán, según la cancillería brasileña.",
        # a statement told without a date was made on the publication day
        EventType.CONDEMNATION, {"Q155", "Q30"}, "Q155", "Q30", "2025-08-12",
        Status.OCCURRED, ("Q155",), id="condemnation-segun-la-cancilleria",
    ),
    pytest.param(
        "Brasil condenó el ataque de Estados Unidos contra Irán, según la cancillería brasileña.",
        EventType.ATTACK, {"Q30", "Q794"}, "Q30", "Q794", None,
        Status.OCCURRED, ("Q155",), id="the-condemned-attack",
    ),
    pytest.param(
        "Corea del Norte podría enviar más tropas a Rusia en los próximos meses.",
        EventType.TROOP_DEPLOYMENT, {"Q423", "Q159"}, "Q423", "Q159", None,
        Status.SPECULATIVE, (), id="speculative-podria",
    ),
    pytest.param(
        "El Kremlin negó haber entregado sistemas de defensa antiaérea a Corea del Norte.",
        EventType.MILITARY_AID, {"Q159", "Q423"}, "Q159", "Q423", None,
        Status.DENIED, (), id="denied-nego",
    ),
    pytest.param(
        "España va a enviar tropas a Letonia el próximo año.",
        EventType.TROOP_DEPLOYMENT, {"Q29", "Q211"}, "Q29", "Q211", "2026",
        Status.PLANNED, (), id="planned-va-a",
    ),
    pytest.param(
        "El canciller ruso, Serguéi Lavrov, visitó Pionyang el mes pasado.",
        EventType.VISIT, {"Q58217", "Q423"}, "Q58217", "Q423", "2025-07",
        Status.OCCURRED, (), id="canciller-is-the-foreign-minister",
    ),
    pytest.param(
        "El presidente del Gobierno español viajará a China.",
        EventType.VISIT, {"Q6070218", "Q148"}, "Q6070218", "Q148", None,
        Status.PLANNED, (), id="presidente-del-gobierno",
    ),
    pytest.param(
        "España aportará este año 1.000 millones de euros en ayuda militar a Ucrania, según el "
        "Gobierno español.",
        EventType.MILITARY_AID, {"Q29", "Q212"}, "Q29", "Q212", "2025",
        # passes since the eighth pass of issue 9: the receiver hung on the amount given
        Status.PLANNED, ("Q29",), id="military-aid",
    ),
    pytest.param(
        "El Gobierno chileno reiteró su apoyo a Ucrania.",
        EventType.SUPPORT, {"Q298", "Q212"}, "Q298", "Q212", "2025-08-12",
        Status.OCCURRED, (), id="support",
    ),
]


@pytest.mark.parametrize(
    ("text", "kind", "participants", "agent", "recipient", "date", "status", "reported_by"),
    CASES,
)
def test_spanish_event(
    text: str,
    kind: EventType,
    participants: set[str],
    agent: str | None,
    recipient: str | None,
    date: str | None,
    status: Status,
    reported_by: tuple[str, ...],
) -> None:
    event = _one(_events(text), kind)
    assert set(event.participants) == participants
    if agent is not None:
        assert event.agent == agent
    if recipient is not None:
        assert event.recipient == recipient
    assert (event.date.iso() if event.date else None) == date
    assert event.status is status
    assert event.reported_by == reported_by


def test_troop_deployment_with_more_than_ten_thousand_soldiers() -> None:
    deployment = _one(
        _events(
            "Corea del Norte envió más de 10.000 soldados a Rusia, según la inteligencia "
            "surcoreana."
        ),
        EventType.TROOP_DEPLOYMENT,
    )
    assert (deployment.agent, deployment.recipient) == ("Q423", "Q159")
    assert deployment.personnel == 10000
    assert deployment.personnel_bound is Bound.AT_LEAST
    assert deployment.reported_by == ("Q884",)
    assert deployment.status is Status.OCCURRED


def test_la_canciller_alemana_is_the_chancellor() -> None:
    meeting = _one(
        _events(
            "La canciller alemana se reunió ayer en Berlín con el presidente de Francia.",
            published=dt.date(2019, 5, 1),
        ),
        EventType.MEETING,
    )
    assert set(meeting.participants) == {"Q567", "Q3052772"}  # Angela Merkel, Emmanuel Macron
    assert meeting.date is not None and meeting.date.iso() == "2019-04-30"


def test_a_verb_form_the_lemmatizer_never_saw_still_governs_its_event_noun() -> None:
    # the small pipeline lemmatises "aprobó" as itself; its stem still finds "aprobar"
    assert load_grammar("es").lemmas("aprobó", "aprobó") >= {"aprobar"}
    sanction = _one(
        _events("El Consejo de la UE aprobó este lunes nuevas sanciones contra Rusia."),
        EventType.SANCTION,
    )
    assert (sanction.agent, sanction.recipient) == ("Q458", "Q159")


@pytest.mark.parametrize(
    "text",
    [
        "La llamada flota fantasma transporta petróleo ruso.",  # "so-called", not a call
        "Los representantes de Brasil y Argentina llegaron a un acuerdo sobre aranceles.",
    ],
)
def test_lookalikes_are_not_calls_or_visits(text: str) -> None:
    kinds = {e.type for e in _events(text)}
    assert EventType.PHONE_CALL not in kinds
    assert EventType.VISIT not in kinds


# -- evaluation floor ---------------------------------------------------------------------------


def test_eval_on_the_spanish_examples_stays_above_the_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "gold").mkdir()
    for text in SPANISH_EXAMPLES:
        shutil.copy(text, tmp_path / text.name)
        shutil.copy(ROOT / "examples" / "gold" / f"{text.stem}.json", tmp_path / "gold")
    assert main(["eval", "--format", "json", str(tmp_path)]) == 0
    payload = json.loads(capsys.readouterr().out)
    (spanish,) = [row for row in payload["scores"] if row["lang"] == "es"]
    assert spanish["articles"] == "2"
    assert float(spanish["entity_F1"]) >= ENTITY_F1_FLOOR, spanish
    assert float(spanish["event_F1"]) >= EVENT_F1_FLOOR, spanish


def test_a_policy_of_restrictions_announced_by_we_is_the_governments_sanction() -> None:
    # "una nueva política de restricciones": the framing head stands in the clause, and the
    # first-person verb is the publishing government
    article = Article(
        id="t",
        text="Hoy anunciamos una nueva política de restricciones de visas contra funcionarios "
        "nicaragüenses.",
        lang="es",
        source="test",
        published=dt.date(2022, 10, 24),
        url="https://www.state.gov/x",
    )
    sanction = _one(list(analyze(article, load_kb()).events), EventType.SANCTION)
    assert (sanction.agent, sanction.recipient) == ("Q30", "Q811")


def test_condemning_acts_whose_doer_is_named_targets_that_doer() -> None:
    # not the doer of the act told just before
    condemnation = _one(
        _events(
            "El presidente Nicolás Maduro habló el lunes. Estados Unidos impuso sanciones a "
            "Venezuela. El Reino Unido condena las acciones realizadas por el régimen de Maduro "
            "contra la oposición."
        ),
        EventType.CONDEMNATION,
    )
    assert (condemnation.agent, condemnation.recipient) == ("Q145", "Q58132")
