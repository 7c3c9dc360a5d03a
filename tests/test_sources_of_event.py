"""`sources_of_event` on a written archive, on every store (issue 11).

Its page is in event IRI order; on Oxigraph it is read window by window of `kg:idBucket`
(ontology 0.4.0), and a given event is bound inside the selecting pattern so each window
starts from it. Here the rows of every backend (memory and on-disk Oxigraph by windows, Virtuoso
as written) must be the rows of the plain query on memory, for the parameters a user passes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import BACKENDS, loaded_store
from pyoxigraph import RdfFormat, parse, serialize

from bench.synth import archive_nquads
from kgload.queries import ParamValue, get_saved_query, run_saved_query
from kgload.stores.base import QueryResult, Store
from kgload.stores.oxigraph import open_memory

KG = "https://w3id.org/kgload/ontology#"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A written archive of 120 articles as TriG (the backends load TriG)."""
    folder = tmp_path_factory.mktemp("archive")
    nquads = archive_nquads(120, seed=5, directory=folder)
    trig = folder / "archive.trig"
    trig.write_bytes(serialize(parse(path=nquads, format=RdfFormat.N_QUADS),
                               format=RdfFormat.TRIG) or b"")
    return trig


@pytest.fixture(scope="module")
def plain_store(archive: Path) -> Store:
    store = open_memory()
    store.load(archive, format=RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module", params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
          archive: Path) -> Iterator[Store]:
    yield from loaded_store(request, tmp_path_factory, (archive,))


def _event(store: Store, n: int) -> str:
    """The IRI of the store's n-th event in IRI order."""
    result = store.select(f"SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?e a <{KG}Event> }} }} "
                          f"ORDER BY ?e OFFSET {n} LIMIT 1")
    term = result.rows[0][0]
    assert term is not None
    return str(term.value)


def _cells(result: QueryResult) -> list[tuple[str | None, ...]]:
    return [tuple(None if t is None or t.value == "" else str(t.value) for t in row)
            for row in result.rows]


def _plain(store: Store, params: dict[str, ParamValue]) -> list[tuple[str | None, ...]]:
    """The rows of the query as written, without windows."""
    limit = int(str(params.get("limit", 100)))
    text = get_saved_query("sources_of_event").bind({**params, "limit": limit})
    return _cells(store.select(text.replace("#~window", "# window")))


CASES: list[dict[str, ParamValue]] = [
    {}, {"limit": 7}, {"actor": "Q159"}, {"actor": "Q212"},
    {"actor": "Q159", "type": "attack", "limit": 9}, {"actor": "Q159", "other": "Q212"},
]


@pytest.mark.parametrize("params", CASES, ids=lambda p: ",".join(f"{k}={v}" for k, v in p.items()))
def test_rows_are_the_plain_querys(store: Store, plain_store: Store,
                                   params: dict[str, ParamValue]) -> None:
    expected = _plain(plain_store, params)
    assert expected
    assert _cells(run_saved_query(store, "sources_of_event", params)) == expected


@pytest.mark.parametrize("n", [0, 40, 400])
def test_a_given_event_gives_its_own_sources(store: Store, plain_store: Store, n: int) -> None:
    event = _event(plain_store, n)
    rows = _cells(run_saved_query(store, "sources_of_event", {"event": event}))
    assert rows and {row[0] for row in rows} == {event}
    assert rows == _plain(plain_store, {"event": event})
