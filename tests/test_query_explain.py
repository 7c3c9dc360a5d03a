"""`kgload query --explain`: the bound SPARQL and where the time went, on stderr only."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from kgload.cli.main import main

GOLDEN = Path(__file__).parent / "cases" / "golden_store.trig"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith("KGLOAD_"):
            monkeypatch.delenv(name)


@pytest.fixture
def store(tmp_path: Path) -> str:
    url = f"oxigraph:{tmp_path / 'kg'}"
    assert main(["load", str(GOLDEN), "--format", "trig", "--store", url]) == 0
    return url


def test_explain_shows_the_bound_query_and_timings_on_stderr(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    argv = ["query", "meetings", "-p", "actor=Q7747", "-p", "status=planned", "--store", store]
    assert main([*argv, "--format", "csv"]) == 0
    plain = capsys.readouterr()
    assert main([*argv, "--format", "csv", "--explain"]) == 0
    explained = capsys.readouterr()
    assert explained.out == plain.out  # the results are untouched
    err = explained.err
    # the query as sent: parameters bound as terms, unset optional blocks gone, no $names left
    assert "<http://www.wikidata.org/entity/Q7747>" in err
    assert "<https://w3id.org/kgload/ontology#Planned>" in err
    assert "$since" not in err and "#[since]" not in err and "$actor" not in err
    assert "SELECT" in err
    for step in ("bind", "open store", "query", "render"):
        assert re.search(rf"^explain: .*\b{step} \d+(\.\d+)? ms", err, flags=re.MULTILINE), err
    assert re.search(r"^explain: .*\b1 row\b", err, flags=re.MULTILINE), err


def test_explain_with_a_bad_parameter_is_the_usual_one_line_error(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code = main(["query", "meetings", "-p", "since=yesterday", "--explain", "--store", store])
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "since" in err and "Traceback" not in err


EXAMPLES = Path(__file__).parent.parent / "examples"


def test_explain_lists_every_request_sent_windows_included(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import kgload.paging

    # a store written by ingest holds the date buckets the windows read
    store = f"oxigraph:{tmp_path / 'ingested'}"
    articles = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    assert main(["ingest", *articles, "--store", store]) == 0
    # no page counts as a few rows: the page is read window by window
    monkeypatch.setattr(kgload.paging, "FEW_ROWS", 0)
    capsys.readouterr()
    assert main(["query", "meetings", "--explain", "--format", "csv", "--store", store]) == 0
    err = capsys.readouterr().err
    listed = re.search(r"^explain: (\d+) requests? to the store:$", err, flags=re.MULTILINE)
    assert listed is not None, err
    lines = re.findall(r"^\s+\d+ (count|ask|window|plain)\s+\d+\.\d ms\s+(.*)$", err, re.MULTILINE)
    assert len(lines) == int(listed.group(1))
    kinds = [kind for kind, _ in lines]
    assert kinds[0] == "count" and "ask" in kinds and "window" in kinds
    windows = [rest for kind, rest in lines if kind == "window"]
    # each shows the pattern its #~window line was replaced by (the buckets it reads)
    assert windows and all("?kgload_bucket" in rest for rest in windows), windows
    assert any('"Meeting 2025-08"' in rest for rest in windows), windows


def test_explain_of_a_page_of_few_rows_shows_the_count_then_one_plain_query(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["query", "meetings", "--explain", "--format", "csv", "--store", store]) == 0
    err = capsys.readouterr().err
    kinds = re.findall(r"^\s+\d+ (count|ask|window|plain)\b", err, re.MULTILINE)
    assert kinds == ["count", "plain"], err
