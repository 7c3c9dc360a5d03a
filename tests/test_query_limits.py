"""No silent cap: a saved query's limit says when it withheld rows, and `limit=0` is no limit.

The store holds 600 tiny documents written as quads (no extraction), more than the default
limit of 100, so `kgload query documents` must either show them all or say rows were withheld.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from kgload.cli.main import main
from kgload.queries import run_saved_query
from kgload.stores.base import Store, open_store

ID = "https://w3id.org/kgload/id/"
DOCUMENTS = 600


def tiny_documents(path: Path, count: int) -> Path:
    """`count` documents, one graph each, in the shape the writer gives a document."""
    dct = "http://purl.org/dc/terms/"
    lines = []
    for n in range(count):
        doc = f"<{ID}doc/t{n:04d}>"
        day = f"2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
        lines += [
            f"{doc} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
            f"<https://w3id.org/kgload/ontology#Document> {doc} .",
            f'{doc} <{dct}issued> "{day}"^^<http://www.w3.org/2001/XMLSchema#date> {doc} .',
            f"{doc} <{dct}source> <https://example.org/news/{n}> {doc} .",
            f'{doc} <{dct}title> "Item {n}" {doc} .',
            f'{doc} <{dct}language> "en" {doc} .',
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("limits")
    url = f"oxigraph:{folder / 'kg'}"
    store = open_store(url)
    store.load(tiny_documents(folder / "docs.nq", DOCUMENTS), format=RdfFormat.N_QUADS)
    store.close()
    yield url


@pytest.fixture
def store(store_path: str) -> Iterator[Store]:
    opened = open_store(store_path, create=False)
    yield opened
    opened.close()


def test_the_default_limit_says_rows_were_withheld(store: Store) -> None:
    result = run_saved_query(store, "documents")
    assert len(result.rows) == 100
    assert result.truncated and result.limit == 100


def test_limit_zero_is_no_limit(store: Store) -> None:
    result = run_saved_query(store, "documents", {"limit": 0})
    assert len(result.rows) == DOCUMENTS
    assert not result.truncated and result.limit is None


@pytest.mark.parametrize(("limit", "truncated"), [(599, True), (600, False), (601, False)])
def test_a_limit_at_the_edge(store: Store, limit: int, truncated: bool) -> None:
    result = run_saved_query(store, "documents", {"limit": limit})
    assert len(result.rows) == min(limit, DOCUMENTS)
    assert result.truncated is truncated


def test_the_cli_prints_what_the_limit_withheld(
    store_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "documents", "--store", store_path, "--format", "ndjson"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 100
    assert err.strip() == "100 rows; the limit (100) withheld 500 more rows: -p limit=0 shows all"


def test_the_cli_shows_all_600_with_limit_zero(
    store_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["query", "documents", "--store", store_path, "-p", "limit=0", "--format", "json"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == DOCUMENTS
    assert err.strip() == "600 rows"


def test_the_events_query_names_the_next_page(
    store_path: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    golden = Path(__file__).parent / "cases" / "golden_store.trig"
    url = f"oxigraph:{tmp_path / 'kg'}"
    assert main(["load", str(golden), "--store", url]) == 0
    capsys.readouterr()
    assert main(["query", "events", "--store", url, "-p", "limit=4", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 5  # header and 4 rows
    events = len(run_saved_query(open_memory_golden(golden), "events", {"limit": 0}).rows)
    assert err.strip() == (
        f"4 rows; the limit (4) withheld {events - 4} more rows: -p limit=0 shows all, "
        "-p offset=4 the next page"
    )
    argv = ["query", "events", "--store", url, "-p", "limit=4", "-p", "offset=4"]
    assert main([*argv, "--format", "csv"]) == 0
    assert capsys.readouterr().err.strip().endswith("-p offset=8 the next page")
    argv = ["query", "events", "--store", url, "-p", "limit=4", "-p", "offset=8"]
    assert main([*argv, "--format", "csv"]) == 0
    assert capsys.readouterr().err.strip() == "1 row"


def open_memory_golden(path: Path) -> Store:
    from pyoxigraph import RdfFormat

    from kgload.stores.oxigraph import open_memory

    store = open_memory()
    store.load(path, format=RdfFormat.TRIG)
    return store


def test_a_count_past_its_cap_says_over(
    store: Store, monkeypatch: pytest.MonkeyPatch, store_path: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Counting what a limit withheld stops at ten times the limit (at least 1,000 rows)."""
    import kgload.queries as queries

    assert queries.count_rows(store, "documents", {"limit": 100}) == (DOCUMENTS, True)
    monkeypatch.setattr(queries, "COUNT_CAP_MIN", 10)
    monkeypatch.setattr(queries, "COUNT_CAP_FACTOR", 2)
    assert queries.count_rows(store, "documents", {"limit": 5}) == (10, False)
    assert queries.count_rows(store, "documents", {"limit": 400}) == (DOCUMENTS, True)
    assert main(["query", "documents", "--store", store_path, "-p", "limit=5",
                 "--format", "csv"]) == 0
    err = capsys.readouterr().err.strip()
    assert err == "5 rows; the limit (5) withheld over 5 more rows: -p limit=0 shows all"
