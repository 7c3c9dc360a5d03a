"""Readable output: tables that fit `COLUMNS` without breaking words, records, column choice,
list columns as arrays in JSON and joined text in CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from kgload.cli.main import main
from kgload.cli.render import Value, choose_columns, render_rows, result_rows, table_width
from kgload.errors import UsageError
from kgload.queries import run_saved_query
from kgload.stores.oxigraph import open_memory

GOLDEN = Path(__file__).parent / "cases" / "golden_store.trig"
DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")
STATUSES = {"Occurred", "Planned", "Speculative", "Denied"}


@pytest.fixture(scope="module")
def events() -> tuple[list[str], list[list[Value]]]:
    store = open_memory()
    store.load(GOLDEN, format=RdfFormat.TRIG)
    columns, rows = result_rows(run_saved_query(store, "events"))
    store.close()
    return columns, rows


def draw(columns: list[str], rows: list[list[Value]], width: int,
         monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str]]:
    monkeypatch.setenv("COLUMNS", str(width))
    out = io.StringIO()  # not a terminal: COLUMNS must still be honoured
    hidden = render_rows(columns, rows, format="table", out=out)
    return out.getvalue(), hidden


def cells(table: str) -> list[str]:
    """Every cell text of a drawn table, line by line (wrapped cells give several)."""
    found = []
    for line in table.splitlines():
        found += [part.strip() for part in re.split(r"[│┃]", line)[1:-1]]
    return found


@pytest.mark.parametrize("width", [80, 120, 200])
def test_tables_fit_the_width_and_break_no_word(
    events: tuple[list[str], list[list[Value]]], width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    columns, rows = events
    table, hidden = draw(columns, rows, width, monkeypatch)
    assert max(len(line) for line in table.splitlines()) <= width
    shown = [c for c in columns if c not in hidden]
    assert shown[0] == "event" and len(shown) >= 3
    header = cells(table.splitlines()[1])
    assert header == shown  # each header whole, on one line
    texts = cells(table)
    for column in ("date", "status", "type", "confidence", "personnel"):
        if column not in shown:
            continue
        for value in {row[columns.index(column)] for row in rows} - {None}:
            assert str(value) in texts, (column, value)  # on one line, never cut
    assert not any(text in STATUSES or DATE.match(text) for text in texts if text.endswith("…"))


def test_wider_tables_show_more_columns(
    events: tuple[list[str], list[list[Value]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    columns, rows = events
    shown = [len(columns) - len(draw(columns, rows, width, monkeypatch)[1])
             for width in (80, 120, 200)]
    assert shown[0] < shown[1] < shown[2]
    assert shown[0] >= 4


def test_a_narrow_table_first_leaves_out_empty_columns_and_ids_with_labels(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    columns = ["event", "date", "agent", "agent_label", "empty", "status"]
    rows: list[list[Value]] = [["event/a-long-event-name", "2025-08-15", "Q7747",
                                "Vladimir Putin", None, "Planned"]]
    _, hidden = draw(columns, rows, 64, monkeypatch)
    assert hidden == ["agent", "empty"]  # in column order
    _, hidden = draw(columns, rows, 200, monkeypatch)
    assert hidden == []


def test_long_iris_are_shortened_not_folded(monkeypatch: pytest.MonkeyPatch) -> None:
    iri = "event/troopdeployment-northkorea-russia-" + "x" * 40
    table, _ = draw(["event", "date", "status"], [[iri, "2025-08-15", "Occurred"]], 50,
                    monkeypatch)
    [row] = [line for line in table.splitlines() if "2025-08-15" in line]
    assert "…" in row and len(table.splitlines()) == 5  # top, header, rule, one row, bottom


def test_width_comes_from_columns_else_80(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "133")
    assert table_width(io.StringIO()) == 133
    monkeypatch.delenv("COLUMNS")
    assert table_width(io.StringIO()) == 80
    monkeypatch.setenv("COLUMNS", "wide")
    assert table_width(io.StringIO()) == 80


def test_records_show_every_column_one_block_per_row(
    events: tuple[list[str], list[list[Value]]],
) -> None:
    columns, rows = events
    out = io.StringIO()
    assert render_rows(columns, rows[:2], format="records", out=out) == []
    blocks = out.getvalue().split("\n\n")
    assert len(blocks) == 2
    first = blocks[0].splitlines()
    assert [line.split(":", 1)[0].strip() for line in first] == columns
    assert "participants      : Q22686; Q7747" in first
    assert "date              : 2025-08-15" in first


def test_records_wrap_long_values_at_spaces_to_the_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    quote = "North Korea has sent at least 10,000 troops to Russia's Kursk region, officials said"
    out = io.StringIO()
    url = "https://example.org/" + "x" * 30
    render_rows(["date", "quote", "url"], [["2025-08-15", quote, url]], format="records", out=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "date : 2025-08-15"
    assert lines[1].startswith("quote: North Korea") and all(len(line) <= 40 for line in lines[:-1])
    assert " ".join(line[7:] for line in lines[1:-1]) == quote
    assert lines[-1] == "url  : " + url  # one word: never broken


def test_lists_are_arrays_in_json_and_joined_in_csv(
    events: tuple[list[str], list[list[Value]]],
) -> None:
    columns, rows = events
    out = io.StringIO()
    render_rows(columns, rows, format="ndjson", out=out)
    first = json.loads(out.getvalue().splitlines()[0])
    assert first["participants"] == ["Q22686", "Q7747"]  # sorted: the same on every store
    assert first["participant_labels"] == ["Donald Trump", "Vladimir Putin"]
    assert first["personnel"] is None and first["confidence"] == 0.85
    out = io.StringIO()
    render_rows(columns, rows, format="csv", out=out)
    record = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert sorted(record["participants"].split("; ")) == ["Q22686", "Q7747"]


def test_choose_columns(events: tuple[list[str], list[list[Value]]]) -> None:
    columns, rows = events
    chosen, picked = choose_columns(columns, rows, "date, event")
    assert chosen == ["date", "event"]
    assert picked[0] == [rows[0][columns.index("date")], rows[0][0]]
    with pytest.raises(UsageError, match="no column 'dates'; the columns are: event, type"):
        choose_columns(columns, rows, "event,dates")


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"oxigraph:{tmp_path_factory.mktemp('render') / 'kg'}"
    assert main(["load", str(GOLDEN), "--store", url]) == 0
    yield url


@pytest.mark.parametrize("width", [80, 120, 200])
def test_the_cli_fits_columns_off_a_terminal(
    store_url: str, width: int, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    assert main(["query", "events", "--store", store_url]) == 0
    out, err = capsys.readouterr()
    assert max(len(line) for line in out.splitlines()) <= width
    if width < 200:
        assert "the table leaves out" in err and f"to fit {width} columns" in err
    assert err.strip().endswith("9 rows")


def test_the_cli_columns_option(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["query", "meetings", "--store", store_url, "--columns", "date,status",
            "--format", "csv"]
    assert main(argv) == 0
    assert capsys.readouterr().out.splitlines() == [
        "date,status", "2025-08-15,Planned", "2024-06,Occurred"
    ]
    assert main(["query", "meetings", "--store", store_url, "--columns", "nope"]) == 2
    assert "--columns: no column 'nope'" in capsys.readouterr().err
