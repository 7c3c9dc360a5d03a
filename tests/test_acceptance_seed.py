"""Acceptance: the seed article (../shared/seed) through the command line and the Python API.

The seed is the first real input kgload was written for: a Portuguese article of 2025-08-12 on
Putin thanking Kim Jong Un for military support before meeting Trump in Alaska. It is plain
text without a header, so it is ingested with `--lang pt --published 2025-08-12`. It stays in
../shared (third-party text is never copied into the repository); without it these tests skip.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from kgload.cli.main import main
from kgload.client import KG
from kgload.extract.analyze import analyze
from kgload.linking.kb import KnowledgeBase, load_kb
from kgload.model import Article, Bound, EntityKind, Event, EventType, Precision, Status
from kgload.rdf.writer import date_literal
from kgload.sources import ArticleOverrides, read_articles

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "000_a825cb7774ce29a6.txt"
URL = "https://example.org/seed"
PUBLISHED = dt.date(2025, 8, 12)
BASE = "https://w3id.org/kgload/id/"
KG_NS = "https://w3id.org/kgload/ontology#"
WD = "http://www.wikidata.org/entity/"
XSD_GYEAR = "http://www.w3.org/2001/XMLSchema#gYear"

pytestmark = pytest.mark.skipif(
    not SEED.is_file(), reason=f"seed article not found at {SEED} (../shared is absent)"
)

# Russia, North Korea, the United States, South Korea.
RU, KP, US, KR = "Q159", "Q423", "Q30", "Q884"
PUTIN, KIM, TRUMP, ALASKA = "Q7747", "Q56226", "Q22686", "Q797"

Key = tuple[EventType, frozenset[str], str | None, Status]

# What the seed says, with people replaced by their states (so that "Putin and Kim" and "Russia
# and North Korea" are the same pair): (type, states taking part, date at its precision, status).
GOLDEN: dict[str, Key] = {
    "phone call of Tuesday 12/08": (
        EventType.PHONE_CALL, frozenset({RU, KP}), "2025-08-12", Status.OCCURRED),
    "planned Alaska meeting of Friday 15/08": (
        EventType.MEETING, frozenset({RU, US}), "2025-08-15", Status.PLANNED),
    "strategic partnership signed last year": (
        EventType.AGREEMENT, frozenset({RU, KP}), "2024", Status.OCCURRED),
    "North Korea's 'apoio total' to Russia": (
        EventType.SUPPORT, frozenset({RU, KP}), "2025-08-12", Status.OCCURRED),
    "more than 10,000 troops deployed": (
        EventType.TROOP_DEPLOYMENT, frozenset({RU, KP}), None, Status.OCCURRED),
    "a possible second group of troops": (
        EventType.TROOP_DEPLOYMENT, frozenset({RU, KP}), None, Status.SPECULATIVE),
    "the Wonsan strategic dialogue of 12 July": (
        EventType.MEETING, frozenset({RU, KP}), "2025-07-12", Status.OCCURRED),
}


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No developer kgload.toml or KGLOAD_* variable may leak into the command line."""
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith("KGLOAD_"):
            monkeypatch.delenv(name)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def article() -> Article:
    overrides = ArticleOverrides(lang="pt", published=PUBLISHED, url=URL)
    (item,) = read_articles([SEED], overrides=overrides)
    assert isinstance(item, Article), item
    return item


@pytest.fixture(scope="module")
def events(article: Article, kb: KnowledgeBase) -> tuple[Event, ...]:
    return analyze(article, kb).events


def _state(key: str | None, kb: KnowledgeBase) -> str | None:
    """The state an actor stands for: a person's country (from the KB), else the actor itself."""
    if key is None:
        return None
    entity = kb.entities.get(key)
    if entity is not None and entity.kind is EntityKind.PERSON and entity.country:
        return entity.country
    return key


def _key(event: Event, kb: KnowledgeBase) -> Key:
    states = frozenset(s for p in event.participants if (s := _state(p, kb)) is not None)
    return (event.type, states, event.date.iso() if event.date else None, event.status)


def _find(events: tuple[Event, ...], kb: KnowledgeBase, key: Key) -> list[Event]:
    return [event for event in events if _key(event, kb) == key]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, f"kgload {' '.join(argv)} exited {code}:\n{err}"
    return out


def _split(value: object) -> set[str]:
    """A list cell of a saved query (a JSON array) or a `"; "`-joined one as a set (GROUP_CONCAT
    order is free)."""
    if isinstance(value, list):
        return {str(item) for item in value}
    return set(str(value).split("; ")) if value else set()


@pytest.fixture
def store(tmp_path: Path) -> str:
    return f"oxigraph:{tmp_path / 'kg'}"


@pytest.fixture
def ingested(store: str, capsys: pytest.CaptureFixture[str]) -> str:
    _run(capsys, "ingest", str(SEED), "--lang", "pt", "--published", "2025-08-12",
         "--url", URL, "--store", store)
    return store


# -- through the command line ---------------------------------------------------------------------


def test_seed_phone_call_is_found_with_kcna_as_reporter(
    ingested: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = json.loads(_run(capsys, "query", "phone_calls", "--format", "json", "--store", ingested))
    calls = [
        row for row in rows
        if row["date"] == "2025-08-12" and _split(row["participant_ids"]) == {PUTIN, KIM}
    ]
    assert len(calls) == 1, rows
    assert "KCNA" in _split(calls[0]["reported_by"])
    assert calls[0]["url"] == URL


def test_seed_planned_meeting_in_alaska(ingested: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = json.loads(_run(capsys, "query", "meetings", "--param", "status=planned",
                           "--format", "json", "--store", ingested))
    meetings = [
        row for row in rows
        if row["date"] == "2025-08-15" and _split(row["participant_ids"]) == {PUTIN, TRUMP}
    ]
    assert len(meetings) == 1, rows
    (meeting,) = meetings
    assert meeting["status"] == "Planned"
    assert meeting["place"] == "Alaska"  # the query shows the place's label; its QID is below
    event = NamedNode(BASE + meeting["event"])
    with KG.open(ingested) as kg:
        assert kg.store.ask(
            f"ASK {{ GRAPH ?g {{ {event} <{KG_NS}place> <{WD}{ALASKA}> }} }}"
        ), "the planned meeting's place is not wd:Q797"


def test_seed_store_validates_and_reingesting_adds_nothing(
    ingested: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "validate", "--store", ingested)

    def stats() -> dict[str, int]:
        out = _run(capsys, "stats", "--format", "json", "--store", ingested)
        return {row["name"]: row["count"] for row in json.loads(out)}

    before = stats()
    assert before["documents"] == 1
    assert before["quads"] > 0
    _run(capsys, "ingest", str(SEED), "--lang", "pt", "--published", "2025-08-12",
         "--url", URL, "--store", ingested)
    assert stats() == before


# -- through the Python API -----------------------------------------------------------------------


def test_seed_golden_events(events: tuple[Event, ...], kb: KnowledgeBase) -> None:
    found = {_key(event, kb) for event in events}
    missing = {name: key for name, key in GOLDEN.items() if key not in found}
    assert not missing, (
        f"missing from the seed: {sorted(missing)}\nextracted:\n"
        + "\n".join(sorted(f"  {t.value} {sorted(s)} {d} {st.value}" for t, s, d, st in found))
    )


def test_seed_phone_call_and_planned_meeting_details(
    events: tuple[Event, ...], kb: KnowledgeBase
) -> None:
    (call,) = _find(events, kb, GOLDEN["phone call of Tuesday 12/08"])
    assert set(call.participants) == {PUTIN, KIM}
    assert call.date is not None and call.date.precision is Precision.DAY
    (meeting,) = _find(events, kb, GOLDEN["planned Alaska meeting of Friday 15/08"])
    assert set(meeting.participants) == {PUTIN, TRUMP}
    assert meeting.place == ALASKA


def test_seed_agreement_of_last_year_is_a_gyear(
    events: tuple[Event, ...], kb: KnowledgeBase
) -> None:
    (agreement,) = _find(events, kb, GOLDEN["strategic partnership signed last year"])
    assert agreement.date is not None
    assert agreement.date.precision is Precision.YEAR
    assert date_literal(agreement.date).datatype.value == XSD_GYEAR


def test_seed_support_goes_from_north_korea_to_russia(
    events: tuple[Event, ...], kb: KnowledgeBase
) -> None:
    (support,) = _find(events, kb, GOLDEN["North Korea's 'apoio total' to Russia"])
    assert (_state(support.agent, kb), _state(support.recipient, kb)) == (KP, RU)


def test_seed_troop_deployment_and_the_speculative_second_group(
    events: tuple[Event, ...], kb: KnowledgeBase
) -> None:
    (deployment,) = _find(events, kb, GOLDEN["more than 10,000 troops deployed"])
    assert (deployment.agent, deployment.recipient) == (KP, RU)
    assert (deployment.personnel, deployment.personnel_bound) == (10000, Bound.AT_LEAST)
    assert KR in deployment.reported_by
    (second,) = _find(events, kb, GOLDEN["a possible second group of troops"])
    assert second.status is Status.SPECULATIVE
    assert (_state(second.agent, kb), _state(second.recipient, kb)) == (KP, RU)


def test_seed_wonsan_meeting(events: tuple[Event, ...], kb: KnowledgeBase) -> None:
    (meeting,) = _find(events, kb, GOLDEN["the Wonsan strategic dialogue of 12 July"])
    assert meeting.date is not None and meeting.date.precision is Precision.DAY
