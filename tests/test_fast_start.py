"""Fast start: commands that do not extract never import spaCy (nor, for queries, pyshacl).

Each command runs in a fresh interpreter on a small store, then the test reads `sys.modules`.
How fast they start is measured by the benchmark (`python -m bench startup`), not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgload.cli.main import main

GOLDEN = Path(__file__).parent / "cases" / "golden_store.trig"
CHECK = """
import json, sys
from kgload.cli.main import main
code = main(sys.argv[1:])
heavy = sorted({name.split(".")[0] for name in sys.modules} & {"spacy", "thinc", "pyshacl"})
print(json.dumps({"code": code, "heavy": heavy}), file=sys.stderr)
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"oxigraph:{tmp_path_factory.mktemp('fast') / 'kg'}"
    assert main(["load", str(GOLDEN), "--store", url]) == 0
    yield url


def imported(argv: list[str], cwd: Path) -> tuple[int, list[str]]:
    done = subprocess.run([sys.executable, "-c", CHECK, *argv], capture_output=True, text=True,
                          cwd=cwd, check=False, timeout=120)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], report["heavy"]


@pytest.mark.parametrize(
    ("argv", "allowed"),
    [
        (["query", "events", "-p", "actor=Putin"], []),
        (["query", "meetings", "--format", "json"], []),
        (["query", "meetings", "--help"], []),
        (["queries"], []),
        (["sparql", "ASK { ?s ?p ?o }"], []),
        (["stats"], []),
        (["export", "-o", "out.nq"], []),
        (["validate"], ["pyshacl"]),
    ],
)
def test_reading_commands_never_import_spacy(
    store: str, tmp_path: Path, argv: list[str], allowed: list[str]
) -> None:
    if argv[0] not in ("queries",) and "--help" not in argv:
        argv = [*argv, "--store", store]
    code, heavy = imported(argv, tmp_path)
    assert code == 0 or (argv[0] == "validate" and code == 1)  # the golden store has violations
    assert heavy == allowed


def test_load_never_imports_spacy(store: str, tmp_path: Path) -> None:
    assert imported(["export", "-o", "all.nq", "--store", store], tmp_path) == (0, [])
    target = f"oxigraph:{tmp_path / 'copy'}"
    assert imported(["load", str(tmp_path / "all.nq"), "--store", target], tmp_path) == (0, [])
