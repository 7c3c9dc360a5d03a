"""The `events`, `visits` and `condemnations` saved queries: golden rows on the golden store
(plus tests/cases/visits_condemnations.trig), and the same rows on memory, Oxigraph on disk
and Virtuoso."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import BACKENDS, loaded_store
from pyoxigraph import RdfFormat

from kgload.queries import ParamValue, get_saved_query, run_saved_query
from kgload.stores.base import QueryResult, Store
from kgload.stores.oxigraph import OxigraphStore, open_memory

GOLDEN = Path(__file__).parent / "cases" / "golden_store.trig"
VISITS = Path(__file__).parent / "cases" / "visits_condemnations.trig"
ID = "https://w3id.org/kgload/id/"
COLUMNS = (
    "event", "type", "date", "status", "agent", "agent_label", "recipient", "recipient_label",
    "participants", "participant_labels", "place", "place_label", "personnel", "reported_by",
    "reported_by_label", "confidence", "quote", "source", "document",
)


@pytest.fixture(scope="module")
def golden() -> Iterator[OxigraphStore]:
    store = open_memory()
    store.load(GOLDEN, format=RdfFormat.TRIG)
    yield store
    store.close()


def values(store: OxigraphStore, **params: object) -> list[dict[str, object]]:
    result = run_saved_query(store, "events", params)  # type: ignore[arg-type]
    return [{k: None if v is None else v.value for k, v in row.items()} for row in result.dicts()]


def test_columns_and_list_columns_are_declared() -> None:
    query = get_saved_query("events")
    assert query.lists == ("participants", "participant_labels")
    assert [p.name for p in query.params] == [
        "type", "actor", "since", "until", "status", "lang", "limit", "offset"
    ]


def test_every_event_once_newest_first_undated_last(golden: OxigraphStore) -> None:
    result = run_saved_query(golden, "events")
    assert result.variables == COLUMNS
    rows = values(golden)
    assert len(rows) == len({row["event"] for row in rows}) == 9
    dates = [row["date"] for row in rows]
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated, reverse=True)
    assert dates[len(dated):] == [None] * (len(dates) - len(dated))


def test_a_deployment_row_has_ids_labels_and_its_first_source(golden: OxigraphStore) -> None:
    [row] = values(golden, type="troop_deployment")
    assert row["type"] == "TroopDeployment"
    assert (row["agent"], row["agent_label"]) == ("Q423", "North Korea")
    assert (row["recipient"], row["recipient_label"]) == ("Q159", "Russia")
    assert set(str(row["participants"]).split("; ")) == {"Q159", "Q423"}
    assert set(str(row["participant_labels"]).split("; ")) == {"Russia", "North Korea"}
    assert (row["place"], row["place_label"]) == (ID + "entity/kursk-region", "Kursk region")
    assert row["personnel"] == "10000"
    assert (row["reported_by"], row["reported_by_label"]) == ("Q884", "South Korea")
    assert row["source"] == "https://example.net/2025/09/01/korea-troops"
    assert row["document"] == ID + "doc/c3"
    assert str(row["quote"]).startswith("North Korea has sent")


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"type": "meeting"}, 2),
        ({"status": "planned"}, 1),
        ({"actor": "Q7747"}, 3),
        ({"actor": "Q7747", "type": "phone_call"}, 1),
        ({"since": "2025-08"}, 3),
        ({"until": "2024"}, 3),
        ({"limit": 2}, 2),
        ({"limit": 0}, 9),
        ({"limit": 4, "offset": 7}, 2),
    ],
)
def test_filters_and_pages(golden: OxigraphStore, params: dict[str, object], count: int) -> None:
    assert len(values(golden, **params)) == count


def test_pages_cover_the_whole_list_in_order(golden: OxigraphStore) -> None:
    whole = [row["event"] for row in values(golden, limit=0)]
    pages = [row["event"] for offset in (0, 4, 8) for row in values(golden, limit=4, offset=offset)]
    assert pages == whole


# -- visits and condemnations -------------------------------------------------------------------


@pytest.fixture(scope="module")
def both() -> Iterator[OxigraphStore]:
    store = open_memory()
    store.load(GOLDEN, format=RdfFormat.TRIG)
    store.load(VISITS, format=RdfFormat.TRIG)
    yield store
    store.close()


def test_visits_with_visitor_host_and_place(both: OxigraphStore) -> None:
    rows = values(both)
    assert len(rows) == 13  # the golden store's 9 events, 2 visits and 2 condemnations
    table = [
        {k: None if v is None else v.value for k, v in row.items()}
        for row in run_saved_query(both, "visits").dicts()
    ]
    assert [(r["date"], r["agent"], r["recipient"], r["place"], r["status"]) for r in table] == [
        ("2025-09", "Kim Jong Un", "Russia", "Vladivostok port", "Planned"),
        ("2024-06", "Vladimir Putin", "North Korea", "Pyongyang", "Occurred"),
    ]
    assert [r["sources"] for r in table] == ["1", "2"]
    assert table[1]["confidence"] == "0.8"  # the highest of its two reports
    assert table[1]["quote"] == "visited North Korea in June 2024"  # the earliest report's
    assert table[0]["reported_by"] == "North Korea"


def test_visits_filters_and_names(both: OxigraphStore) -> None:
    def dates(**params: ParamValue) -> list[object]:
        result = run_saved_query(both, "visits", params)
        return [row["date"].value if row["date"] else None for row in result.dicts()]

    assert dates(agent="Q7747") == ["2024-06"]
    assert dates(recipient="Q159") == ["2025-09"]
    assert dates(status="planned") == ["2025-09"]
    assert dates(until="2024") == ["2024-06"]
    assert dates(agent="Q159") == []
    pt = run_saved_query(both, "visits", {"lang": "pt", "agent": "Q7747"})
    assert pt.rows[0][pt.variables.index("recipient")].value == "Coreia do Norte"


def test_condemnations(both: OxigraphStore) -> None:
    table = [
        {k: None if v is None else v.value for k, v in row.items()}
        for row in run_saved_query(both, "condemnations").dicts()
    ]
    assert [(r["agent"], r["recipient"], r["status"]) for r in table] == [
        ("Ukraine", "Russia", "Occurred"),
        ("United States", "North Korea", "Denied"),
    ]
    assert table[1]["reported_by"] == "North Korea"
    assert table[1]["url"] == "https://example.org/pt/2025/09/03/visita"
    denied = run_saved_query(both, "condemnations", {"status": "denied", "recipient": "Q423"})
    assert len(denied.rows) == 1


def test_events_lists_visits_and_condemnations_by_type(both: OxigraphStore) -> None:
    assert [r["type"] for r in values(both, type="visit")] == ["Visit", "Visit"]
    [row] = values(both, type="condemnation", actor="Q30")
    assert (row["agent"], row["recipient"], row["status"]) == ("Q30", "Q423", "Denied")


# -- the same rows on every store ---------------------------------------------------------------

CASES: list[tuple[str, dict[str, ParamValue]]] = [
    ("events", {}),
    ("events", {"limit": 5, "offset": 3}),
    ("events", {"actor": "Q7747", "lang": "pt"}),
    ("events", {"type": "visit", "status": "planned"}),
    ("events", {"since": "2025", "until": "2025-08"}),
    ("visits", {}),
    ("visits", {"agent": "Q7747", "lang": "pt"}),
    ("condemnations", {}),
    ("condemnations", {"recipient": "Q423", "until": "2025-07"}),
]


@pytest.fixture(scope="module", params=BACKENDS)
def any_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[Store]:
    yield from loaded_store(request, tmp_path_factory, (GOLDEN, VISITS))


def plain(result: QueryResult) -> list[tuple[object, ...]]:
    """Rows in order; a `"; "`-joined cell as a sorted tuple (GROUP_CONCAT's order is free)."""
    return [
        tuple(
            tuple(sorted(t.value.split("; "))) if t is not None and "; " in t.value
            else None if t is None else t.value
            for t in row
        )
        for row in result.rows
    ]


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_same_rows_on_every_store(
    any_store: Store, both: OxigraphStore, name: str, params: dict[str, ParamValue]
) -> None:
    expected = run_saved_query(both, name, params)
    assert expected.rows
    got = run_saved_query(any_store, name, params)
    assert got.variables == expected.variables
    assert plain(got) == plain(expected)
    assert got.truncated == expected.truncated
