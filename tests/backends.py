"""One store per backend (memory, on-disk Oxigraph, Virtuoso) loaded with TriG test files, for
module-scoped fixtures that run the same checks on every backend."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from kgload.queries import ParamValue, run_saved_query
from kgload.stores.base import Store, open_store

BACKENDS = ["memory", "oxigraph", pytest.param("virtuoso", marks=pytest.mark.virtuoso)]


def loaded_store(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    files: Sequence[Path],
) -> Iterator[Store]:
    """The backend `request.param` names, holding `files`; emptied again afterwards."""
    if request.param == "virtuoso":
        from virtuoso import clear_test_graphs

        from kgload.stores.sparql import open_sparql

        server = request.getfixturevalue("virtuoso")
        remote = open_sparql(server.url, user=server.user, password=server.password)
        clear_test_graphs(remote)
        for path in files:
            remote.load(path, format=RdfFormat.TRIG)
        yield remote
        clear_test_graphs(remote)
        remote.close()
        return
    url = "memory:" if request.param == "memory" else f"oxigraph:{tmp_path_factory.mktemp('kg')}"
    local = open_store(url)
    for path in files:
        local.load(path, format=RdfFormat.TRIG)
    yield local
    local.close()


def rows_by_event(
    store: Store, name: str, prefix: str, params: dict[str, ParamValue]
) -> dict[str, dict[str, object]]:
    """A saved query's rows by event IRI without `prefix`; a `"; "`-joined cell as a set
    (GROUP_CONCAT's order is free)."""
    result = run_saved_query(store, name, params)
    table: dict[str, dict[str, object]] = {}
    for row in result.dicts():
        cells: dict[str, object] = {}
        for key, term in row.items():
            text = None if term is None else term.value
            cells[key] = set(text.split("; ")) if text is not None and "; " in text else text
        table[str(cells["event"]).removeprefix(prefix)] = cells
    return table
