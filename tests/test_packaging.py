"""The built wheel carries the ontology, the saved queries, the KB, the lexicons and the trained
pipelines, and an installed kgload finds them through importlib.resources (not the checkout)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # --no-build-isolation: hatchling is already installed, and tests may not use the network
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 and "hatchling" in result.stderr:
        pytest.skip(f"hatchling is not installed: {result.stderr.strip()[:200]}")
    assert result.returncode == 0, result.stderr
    (found,) = out.glob("kgload-*.whl")
    return found


def test_wheel_contains_the_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "kgload/_data/ontology/kgload.ttl",
        "kgload/_data/ontology/shapes.ttl",
        "kgload/_data/queries/phone_calls.rq",
        "kgload/_data/queries/meetings.rq",
        "kgload/linking/data/entities.tsv",
        "kgload/linking/data/aliases.tsv",
        "kgload/linking/curated/states.tsv",
        "kgload/nlp/lexicons/pt.toml",
        "kgload/nlp/lexicons/en.toml",
        "kgload/nlp/lexicons/es.toml",
        "kgload/nlp/lexicons/events_pt.toml",
        "kgload/nlp/lexicons/events_en.toml",
        "kgload/nlp/lexicons/events_es.toml",
        "kgload/py.typed",
        *(
            f"kgload/nlp/models/{lang}/{part}"
            for lang in ("pt", "en", "es")
            for part in ("config.cfg", "meta.json", "parser/model", "LICENSE", "ATTRIBUTION.md")
        ),
    ):
        assert required in names, required


def test_installed_wheel_finds_its_data(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    code = (
        "import kgload.resources as r, kgload.queries as q;"
        f"assert str(r.ontology_path('shapes.ttl')).startswith({str(target)!r});"
        "assert 'phone_calls' in q.load_saved_queries();"
        "import kgload.nlp.parse as p;"
        f"assert str(p.shipped_model_path('pt')).startswith({str(target)!r})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
