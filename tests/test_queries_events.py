"""The `events` saved query: every event of every type, one row each, with IDs and labels."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from kgload.queries import get_saved_query, run_saved_query
from kgload.stores.oxigraph import OxigraphStore, open_memory

GOLDEN = Path(__file__).parent / "cases" / "golden_store.trig"
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
