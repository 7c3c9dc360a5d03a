"""Articles from standard input (`-`), from strings and as `Article` objects (issue 12)."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgload.cli.main import main
from kgload.client import KG
from kgload.errors import InputError, UsageError
from kgload.model import Article, Problem
from kgload.sources import STDIN_SOURCE, article_from_text, read_stdin, read_texts

EN = (
    "Brazilian President Luiz Inácio Lula da Silva spoke by phone with French President "
    "Emmanuel Macron on Monday about grain shipping routes, the Brazilian presidency said."
)
PT = (
    "O presidente de Angola, João Lourenço, visitou Brasília nesta quinta-feira e foi recebido "
    "pelo presidente Luiz Inácio Lula da Silva no Palácio do Planalto, informou o Itamaraty. "
    "Os dois presidentes também conversaram com empresários para discutir acordos."
)
HEADED = f"url: https://example.org/news/lula-macron\npublished: 2025-03-03\nlang: en\n---\n{EN}\n"


def _jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)


class _ReadOnly:
    """A stream with `read` only (no look-ahead), like some wrappers of a pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def read(self, size: int = -1) -> bytes:
        return self._data.read(size)


@pytest.mark.parametrize("wrap", [io.BufferedReader, _ReadOnly], ids=["peek", "read-only"])
def test_stdin_text_is_one_article(wrap: type) -> None:
    (article,) = read_stdin(
        wrap(io.BytesIO(HEADED.encode())) if wrap is io.BufferedReader else wrap(HEADED.encode())
    )
    assert isinstance(article, Article)
    assert article.source == STDIN_SOURCE
    assert article.url == "https://example.org/news/lula-macron"
    assert article.published is not None and article.published.isoformat() == "2025-03-03"


@pytest.mark.parametrize("wrap", [io.BufferedReader, _ReadOnly], ids=["peek", "read-only"])
def test_stdin_json_lines_are_a_batch(wrap: type) -> None:
    data = b"\n  " + _jsonl({"text": EN, "lang": "en"}, {"title": "no text"}, {"text": PT})
    stream = wrap(io.BytesIO(data)) if wrap is io.BufferedReader else wrap(data)
    items = list(read_stdin(stream))
    assert [type(item).__name__ for item in items] == ["Article", "Problem", "Article"]
    problem = items[1]
    assert isinstance(problem, Problem) and problem.code == "bad-jsonl"
    assert problem.source == f"{STDIN_SOURCE}:3"  # the blank first line counts
    assert isinstance(items[2], Article) and items[2].lang == "pt"


def test_stdin_limits_and_encoding() -> None:
    (big,) = read_stdin(io.BytesIO(b"x " * 300_000), max_article_chars=1000)
    assert isinstance(big, Problem) and big.code == "too-large"
    (latin,) = read_stdin(io.BytesIO("Lula visitou a França.".encode("latin-1")))
    assert isinstance(latin, Problem) and latin.code == "not-utf8"
    (empty,) = read_stdin(io.BytesIO(b""))
    assert isinstance(empty, Problem) and empty.code == "empty-article"


def test_texts_and_article_from_text() -> None:
    items = list(read_texts([EN, "", HEADED]))
    assert [getattr(i, "code", "ok") for i in items] == ["ok", "empty-article", "ok"]
    assert [getattr(i, "source", "") for i in items] == ["<text 1>", "<text 2>", "<text 3>"]
    article = article_from_text(EN, lang="en", title="Call")
    assert article.title == "Call" and article.lang == "en"
    with pytest.raises(InputError, match="unknown-language"):
        article_from_text("Bonjour à tous.")


def test_kg_ingest_takes_strings_articles_paths_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "call.txt"
    path.write_text(HEADED, encoding="utf-8")
    with KG.open("memory:") as kg:
        assert kg.ingest(text=EN, lang="en").documents == 1
        assert kg.ingest(article_from_text(PT)).documents == 1
        assert kg.ingest(str(path)).documents == 1  # one path alone, as a string
        assert kg.ingest([path, article_from_text(PT, url="https://example.org/v")]).documents == 2
        report = kg.ingest("-", stdin=io.BytesIO(_jsonl({"text": PT}, {"text": EN})))
        assert report.documents == 2 and report.ok
        assert kg.stats()["documents"] == 4  # the same articles again replace their graphs


def test_kg_ingest_refuses_what_it_cannot_read() -> None:
    with KG.open("memory:") as kg:
        with pytest.raises(UsageError, match="only once"):
            kg.ingest(["-", "-"], stdin=io.BytesIO(b""))
        with pytest.raises(UsageError, match="text="):
            kg.ingest([42])  # type: ignore[list-item]
        report = kg.ingest(text=["", EN])
        assert report.documents == 1 and [p.code for p in report.problems] == ["empty-article"]


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith("KGLOAD_"):
            monkeypatch.delenv(name)
    return f"oxigraph:{tmp_path / 'kg'}"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_cli_ingest_stdin_text(
    cli_env: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, EN.encode())
    assert main(["ingest", "-", "--lang", "en", "--store", cli_env]) == 0
    assert "ingested 1 document" in capsys.readouterr().err


def test_cli_ingest_stdin_jsonl_with_files(
    cli_env: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "call.txt"
    path.write_text(HEADED, encoding="utf-8")
    _stdin(monkeypatch, _jsonl({"text": PT, "url": "https://example.org/v"}, {"text": 3}))
    assert main(["ingest", str(path), "-", "--store", cli_env]) == 1
    err = capsys.readouterr().err
    assert f"{STDIN_SOURCE}:2: each line must be a JSON object with a 'text' string" in err
    assert "ingested 2 documents" in err
    assert main(["ingest", "-", "-", "--store", cli_env]) == 2
    assert "kgload: error: '-' (standard input) can be given only once" in capsys.readouterr().err


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=2000) | st.text(max_size=500).map(str.encode))
def test_stdin_never_raises(data: bytes) -> None:
    """Whatever is piped in, the reader yields articles and problems, never an exception."""
    for item in read_stdin(io.BytesIO(data), default_lang="en", max_article_chars=1000):
        assert isinstance(item, Article | Problem)
    for item in read_stdin(_ReadOnly(b"{" + data), max_article_chars=1000):  # as JSON Lines
        assert isinstance(item, Article | Problem)
