"""The loader: one bad article never stops the others, and a re-ingest changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

import kgload.extract.analyze as analyze_module
from kgload import KG, Settings

GOOD = """url: https://example.org/a
published: 2025-08-12
lang: pt
---
O presidente Lula conversou por telefone com Emmanuel Macron nesta terça-feira (12/08).
"""
BAD = """url: https://example.org/b
published: 2025-08-12
lang: pt
---
Este artigo faz a análise falhar de propósito: o presidente Lula visitou Angola.
"""


def _write(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    paths[0].write_text(GOOD, encoding="utf-8")
    paths[1].write_text(BAD, encoding="utf-8")
    return paths


def test_a_failing_article_is_a_problem_and_the_rest_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = analyze_module._extract

    def flaky(prepared, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "falhar" in prepared.article.text:
            raise IndexError("simulated bug")
        return real(prepared, *args, **kwargs)

    monkeypatch.setattr(analyze_module, "_extract", flaky)
    with KG.open("memory:", settings=Settings(store="memory:")) as kg:
        report = kg.ingest(_write(tmp_path))
        assert report.documents == 1
        assert [p.code for p in report.problems] == ["internal-error"]
        assert report.problems[0].source.endswith("b.txt")
        assert kg.stats()["documents"] == 1


def test_reingest_leaves_the_same_quads(tmp_path: Path) -> None:
    with KG.open(f"oxigraph:{tmp_path / 'kg'}", settings=Settings()) as kg:
        paths = _write(tmp_path)
        kg.ingest(paths)
        first = kg.stats()["quads"]
        kg.ingest(paths)
        assert kg.stats()["quads"] == first


def test_batch_size_commits_every_n_documents(tmp_path: Path) -> None:
    paths = _write(tmp_path)
    with KG.open("memory:", settings=Settings(store="memory:")) as kg:
        report = kg.ingest(paths, batch_size=1)
        assert report.documents == 2
        assert kg.stats()["documents"] == 2
