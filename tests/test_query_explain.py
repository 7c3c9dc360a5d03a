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
