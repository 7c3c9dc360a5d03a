"""One store per backend (memory, on-disk Oxigraph, Virtuoso) loaded with TriG test files, for
module-scoped fixtures that run the same checks on every backend."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

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
