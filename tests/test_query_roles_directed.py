"""Roles in `attacks`, `sanctions`, `support` and `troop_deployments`: several values, one, or
none, on every store (issue 11).

The four queries read all roles in one grouped level over a UNION keyed by role name, as
`events` does (tests/test_query_roles.py). Here documents disagree on an attack's agent and
reporter, one document alone names its place, events have one role or none, a local entity has
a label or none, one event is an attack in one document and a sanction in another: each cell must
hold exactly its role's values from the documents of the query's own type, on memory, Oxigraph
on disk and Virtuoso. A role nobody names must come back from the store as it did with one
grouped level per role: what the store's GROUP_CONCAT gives over nothing (Oxigraph unbound,
Virtuoso ""), which `run_saved_query` turns into None.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import BACKENDS, loaded_store, rows_by_event

from kgload.queries import ParamValue, get_saved_query
from kgload.stores.base import Store

CASES_DIR = Path(__file__).parent / "cases"
GOLDEN = CASES_DIR / "golden_store.trig"
DIRECTED = CASES_DIR / "roles_directed.trig"
BASE = "https://w3id.org/kgload/id/"
EVENT = BASE + "event/"
ROLES = ("agent", "recipient", "place", "reported_by")


@pytest.fixture(scope="module", params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[Store]:
    yield from loaded_store(request, tmp_path_factory, (GOLDEN, DIRECTED))


def rows(store: Store, name: str, **params: ParamValue) -> dict[str, dict[str, object]]:
    """Rows by event IRI (see `backends.rows_by_event`)."""
    return rows_by_event(store, name, EVENT, {"since": "2031", **params})


def test_attacks_roles_from_every_document(store: Store) -> None:
    table = rows(store, "attacks")
    assert list(table) == [
        "attack-retold-2032-01", "attack-bare-2031-12", "attack-place-only-2031-11",
        "attack-reporter-only-2031-10", "attack-local-2031-09", "attack-mixed-2031-08",
    ]
    retold = table["attack-retold-2032-01"]
    assert retold["agent"] == {"Russia", "Vladimir Putin"}
    assert retold["recipient"] == "Ukraine"
    assert retold["place"] == "Pyongyang"  # named by one of the two documents
    assert retold["reported_by"] == {"United States", "South Korea"}
    assert (retold["sources"], retold["confidence"]) == ("2", "0.8")

    assert [table["attack-bare-2031-12"][key] for key in ROLES] == [None] * 4
    assert [table["attack-place-only-2031-11"][key] for key in ROLES] == [
        None, None, "Alaska", None
    ]
    assert [table["attack-reporter-only-2031-10"][key] for key in ROLES] == [
        None, None, None, "South Korea"
    ]
    local = table["attack-local-2031-09"]
    assert (local["agent"], local["recipient"]) == (
        "Northern Militia", BASE + "entity/village-east"  # no label: the IRI
    )
    # The other document calls it a sanction, with other roles: not shown here.
    mixed = table["attack-mixed-2031-08"]
    assert [mixed[key] for key in ROLES] == ["Russia", "Ukraine", None, None]


def test_labels_in_the_language_asked_then_english(store: Store) -> None:
    retold = rows(store, "attacks", lang="pt")["attack-retold-2032-01"]
    assert retold["agent"] == {"Rússia", "Vladimir Putin"}
    assert retold["recipient"] == "Ucrânia"
    assert retold["place"] == "Pyongyang"  # no Portuguese label in the KB
    assert retold["reported_by"] == {"Estados Unidos", "Coreia do Sul"}


def test_a_role_filter_keeps_every_documents_roles(store: Store) -> None:
    [retold] = rows(store, "attacks", agent="Q7747").values()
    assert retold["agent"] == {"Russia", "Vladimir Putin"}
    assert retold["place"] == "Pyongyang"


def test_sanctions_roles(store: Store) -> None:
    table = rows(store, "sanctions")
    assert list(table) == [
        "sanction-retold-2031-05", "sanction-recipient-only-2031-04-20", "sanction-bare-2031-04",
        "attack-mixed-2031-08",
    ]
    roles = ("agent", "recipient", "reported_by")
    assert [table["sanction-retold-2031-05"][key] for key in roles] == [
        "United States", "Russia", "United States"
    ]
    assert [table["sanction-recipient-only-2031-04-20"][key] for key in roles] == [
        None, "Russia", None
    ]
    assert [table["sanction-bare-2031-04"][key] for key in roles] == [None] * 3
    assert [table["attack-mixed-2031-08"][key] for key in roles] == [
        "United States", "Russia", "South Korea"
    ]


def test_support_roles_of_both_types(store: Store) -> None:
    table = rows(store, "support")
    assert list(table) == [
        "support-retold-2031-07", "support-reporter-only-2031-06-20", "militaryaid-bare-2031-06"
    ]
    retold = table["support-retold-2031-07"]
    assert retold["type"] == {"Support", "MilitaryAid"}
    assert retold["agent"] == "China"
    assert retold["recipient"] == {"Russia", "North Korea"}
    assert retold["reported_by"] == "North Korea"
    roles = ("agent", "recipient", "reported_by")
    assert [table["support-reporter-only-2031-06-20"][key] for key in roles] == [
        None, None, "South Korea"
    ]
    assert [table["militaryaid-bare-2031-06"][key] for key in roles] == [None] * 3


def test_troop_deployments_roles_and_numbers(store: Store) -> None:
    table = rows(store, "troop_deployments")
    assert list(table) == [
        "troop-retold-2031-03", "troop-numbers-2031-02", "troop-bare-2031-01"
    ]
    retold = table["troop-retold-2031-03"]
    assert [retold[key] for key in ROLES] == ["North Korea", "Russia", None, None]
    assert (retold["personnel"], retold["personnel_bound"]) == ("12000", "AtLeast")
    numbers = table["troop-numbers-2031-02"]
    assert [numbers[key] for key in ROLES] == [None, None, "Alaska", None]
    assert numbers["personnel"] == "500"
    bare = table["troop-bare-2031-01"]
    assert [bare[key] for key in (*ROLES, "personnel", "personnel_bound")] == [None] * 6


# Per query: an event with no role at all, and one with another role but no agent.
NO_AGENT = {
    "attacks": ("attack-bare-2031-12", "attack-place-only-2031-11"),
    "sanctions": ("sanction-bare-2031-04", "sanction-recipient-only-2031-04-20"),
    "support": ("militaryaid-bare-2031-06", "support-reporter-only-2031-06-20"),
    "troop_deployments": ("troop-bare-2031-01", "troop-numbers-2031-02"),
}


@pytest.mark.parametrize("name", sorted(NO_AGENT))
def test_a_missing_role_is_what_the_store_gives_over_nothing(store: Store, name: str) -> None:
    """The raw cell, before `run_saved_query` evens stores out: unbound on Oxigraph, "" on
    Virtuoso, as with one grouped level per role (the text before gave the same raw rows)."""
    nothing = store.select(
        'SELECT (GROUP_CONCAT(DISTINCT ?x; SEPARATOR="; ") AS ?c) '
        "WHERE { OPTIONAL { <urn:kgload:none> <urn:kgload:none> ?x } }"
    ).rows[0][0]
    expected = (nothing is None, getattr(nothing, "value", None))
    result = store.select(get_saved_query(name).bind({"since": "2031"}))
    at = list(result.variables).index("agent")
    cells = {str(getattr(row[0], "value", "")).removeprefix(EVENT): row[at] for row in result.rows}
    for event in NO_AGENT[name]:
        cell = cells[event]
        assert (cell is None, getattr(cell, "value", None)) == expected, event
