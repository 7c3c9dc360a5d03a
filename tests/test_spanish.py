"""Spanish, the third language: a lexicon file (`kgload/nlp/lexicons/es.toml`), no new code.

The lexicon loads and has every table of the Portuguese one; a Spanish article goes end to end
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
    assert {rule.type for rule in lexicon.events} == set(EventType)
    assert lexicon.roles["presidente del gobierno"][0] == "prime_minister"
    assert "foreign_minister" in lexicon.roles["canciller"]
    assert "por" in lexicon.agent_markers
    assert lexicon.planned_aux.search("va a enviar")
    assert lexicon.attribution_before.search("según la cancillería")


def test_spanish_lexicon_has_every_table_and_key_of_portuguese() -> None:
    pt = tomllib.loads((LEXICONS / "pt.toml").read_text(encoding="utf-8"))
    es = tomllib.loads((LEXICONS / "es.toml").read_text(encoding="utf-8"))
    for table in ("names", "markers", "cues"):
        assert set(pt[table]) <= set(es[table]), set(pt[table]) - set(es[table])
    assert set(pt["events"]) == set(es["events"])
    for name, rule in pt["events"].items():
        assert set(rule) <= set(es["events"][name]), (name, set(rule) - set(es["events"][name]))
    assert es["roles"]


def test_spanish_patterns_are_lowercase() -> None:
    """The trigger and cue scans run case-sensitively over the lowercased article."""
    es = tomllib.loads((LEXICONS / "es.toml").read_text(encoding="utf-8"))
    patterns = [p for table in ("markers", "cues") for v in es[table].values() for p in v]
    patterns += [
        p for rule in es["events"].values() for k, v in rule.items() if k != "confidence" for p in v
    ]
    assert all(p == p.lower() for p in patterns), [p for p in patterns if p != p.lower()]


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
        EventType.CONDEMNATION, {"Q155", "Q30"}, "Q155", "Q30", None,
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
        Status.PLANNED, ("Q29",), id="military-aid",
    ),
    pytest.param(
        "El Gobierno chileno reiteró su apoyo a Ucrania.",
        EventType.SUPPORT, {"Q298", "Q212"}, "Q298", "Q212", None,
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
