"""Roles in `events`, `visits` and `condemnations`: several values, or none, on every store.

The three queries read all roles (agent, recipient, place, reporter) in one OPTIONAL keyed by
role name and pick each role's values with `GROUP_CONCAT(DISTINCT IF(?role = …, ?value, ""))`,
then drop the `""` (tests/test_query_cost.py says why). Here documents disagree on a visit's
agent, recipient and reporter, a visit has no roles at all and a condemnation only a reporter:
each cell must hold exactly its role's values, with no stray separator, on memory, Oxigraph on
disk and Virtuoso.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import BACKENDS, loaded_store, rows_by_event

from kgload.queries import ParamValue
from kgload.stores.base import Store

CASES_DIR = Path(__file__).parent / "cases"
GOLDEN = CASES_DIR / "golden_store.trig"
ROLES = CASES_DIR / "roles_retold.trig"
EVENT = "https://w3id.org/kgload/id/event/"

@pytest.fixture(scope="module", params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[Store]:
    yield from loaded_store(request, tmp_path_factory, (GOLDEN, ROLES))


def rows(store: Store, name: str, **params: ParamValue) -> dict[str, dict[str, object]]:
    """Rows by event IRI (see `backends.rows_by_event`)."""
    return rows_by_event(store, name, EVENT, params)


def test_events_roles_from_every_document(store: Store) -> None:
    table = rows(store, "events", since="2029")
    assert list(table) == [
        "visit-retold-2030-01", "condemnation-reported-2029-05", "visit-bare-2029"
    ]
    retold = table["visit-retold-2030-01"]
    assert retold["agent"] == {"Q7747", "Q56226"}
    assert retold["agent_label"] == {"Vladimir Putin", "Kim Jong Un"}
    assert retold["recipient"] == {"Q423", "Q159"}
    assert retold["recipient_label"] == {"North Korea", "Russia"}
    assert (retold["place"], retold["place_label"]) == ("Q18808", "Pyongyang")
    assert retold["reported_by"] == {"Q159", "Q423"}
    assert retold["reported_by_label"] == {"Russia", "North Korea"}
    assert retold["confidence"] == "0.7"
    assert retold["source"] == "https://example.com/roles/1"  # the earliest document

    reported = table["condemnation-reported-2029-05"]
    assert (reported["reported_by"], reported["reported_by_label"]) == ("Q423", "North Korea")
    roles = ("agent", "agent_label", "recipient", "recipient_label", "place", "place_label")
    assert [reported[key] for key in roles] == [None] * len(roles)

    bare = table["visit-bare-2029"]
    assert [bare[key] for key in (*roles, "reported_by", "reported_by_label")] == [None] * 8
    assert bare["participants"] == {"Q212", "Q159"}


def test_visits_and_condemnations_roles(store: Store) -> None:
    visits = rows(store, "visits", since="2029")
    assert list(visits) == ["visit-retold-2030-01", "visit-bare-2029"]
    retold = visits["visit-retold-2030-01"]
    assert retold["agent"] == {"Vladimir Putin", "Kim Jong Un"}
    assert retold["recipient"] == {"North Korea", "Russia"}
    assert retold["place"] == "Pyongyang"
    assert retold["reported_by"] == {"Russia", "North Korea"}
    assert retold["sources"] == "2"
    bare = visits["visit-bare-2029"]
    assert [bare[k] for k in ("agent", "recipient", "place", "reported_by")] == [None] * 4

    [reported] = rows(store, "condemnations", since="2029").values()
    assert (reported["agent"], reported["recipient"], reported["reported_by"]) == (
        None, None, "North Korea"
    )


def test_a_role_filter_keeps_every_documents_roles(store: Store) -> None:
    """`agent` picks the page; the roles shown still come from every document."""
    [retold] = rows(store, "visits", agent="Q56226", since="2030").values()
    assert retold["agent"] == {"Vladimir Putin", "Kim Jong Un"}
