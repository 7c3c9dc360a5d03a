"""Article readers: header format, plain text, JSON Lines, and every bad-input problem code."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from kgload.model import Article, Problem
from kgload.sources import ArticleOverrides, article_id, parse_article_text, read_articles

HEADED = """url: https://example.org/a
outlet: Folha de Teste
published: 2025-08-12
lang: pt
title: Lula conversa com Macron
section: mundo
---
O presidente Lula conversou por telefone com Emmanuel Macron nesta terça-feira (12/08).
"""


def _one(items: list[Article | Problem]) -> Article | Problem:
    assert len(items) == 1
    return items[0]


def test_header_is_read_and_extra_keys_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(HEADED, encoding="utf-8")
    article = _one(list(read_articles([path])))
    assert isinstance(article, Article)
    assert article.url == "https://example.org/a"
    assert article.lang == "pt"
    assert article.published == dt.date(2025, 8, 12)
    assert article.title == "Lula conversa com Macron"
    assert article.outlet == "Folha de Teste"
    assert article.metadata == {"section": "mundo"}
    assert article.text.startswith("O presidente Lula")
    assert article.source == str(path)


def test_command_line_metadata_overrides_the_header() -> None:
    overrides = ArticleOverrides(lang="en", published=dt.date(2024, 1, 2), url="https://x.org/b")
    article = parse_article_text(HEADED, source="x", overrides=overrides)
    assert isinstance(article, Article)
    assert (article.lang, article.published, article.url) == (
        "en",
        dt.date(2024, 1, 2),
        "https://x.org/b",
    )


def test_plain_text_detects_language() -> None:
    text = (
        "O governo brasileiro anunciou nesta segunda-feira que não vai enviar tropas para a "
        "região, segundo o ministro, que também falou com a imprensa."
    )
    article = parse_article_text(text, source="plain.txt")
    assert isinstance(article, Article)
    assert article.lang == "pt"
    assert article.published is None


def test_text_is_nfc_normalised() -> None:
    decomposed = "lang: pt\n---\nA Ucra\u0302nia e a Rússia."
    article = parse_article_text(decomposed, source="x")
    assert isinstance(article, Article)
    assert "Ucrânia" in article.text


def test_same_url_same_id_else_text() -> None:
    assert article_id("https://a", "x") == article_id("https://a", "y")
    assert article_id(None, "x") != article_id(None, "y")


@pytest.mark.parametrize(
    ("content", "code", "line"),
    [
        (b"\xff\xfe\x00bad", "not-utf8", ""),
        (b"", "empty-article", ""),
        (b"lang: pt\n---\n   \n", "empty-article", ""),
        (b"lang: xx\n---\nSome text here.", "unknown-language", ":1"),
        (b"lang: pt\npublished: ontem\n---\nTexto.", "bad-header", ":2"),
        (b"zzz qqq", "unknown-language", ""),
    ],
)
def test_bad_files_are_problems_naming_the_file(
    tmp_path: Path, content: bytes, code: str, line: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    problem = _one(list(read_articles([path])))
    assert isinstance(problem, Problem)
    assert problem.code == code
    assert problem.source == f"{path}{line}"  # a problem with a header line names the line
    assert "\n" not in str(problem)


def test_missing_file_and_unknown_language_override(tmp_path: Path) -> None:
    problem = _one(list(read_articles([tmp_path / "nope.txt"])))
    assert isinstance(problem, Problem) and problem.code == "unreadable-file"
    good = tmp_path / "g.txt"
    good.write_text(HEADED, encoding="utf-8")
    bad_lang = _one(list(read_articles([good], overrides=ArticleOverrides(lang="xx"))))
    assert isinstance(bad_lang, Problem) and bad_lang.code == "unknown-language"


def test_jsonl_batches_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "text": "The Prime Minister spoke with the President.",
                "lang": "en",
                "published": "2024-02-01",
                "url": "https://e.org/1",
            }
        ),
        "not json",
        json.dumps({"title": "no text"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_articles([path]))
    assert isinstance(items[0], Article) and items[0].source == f"{path}:1"
    assert isinstance(items[1], Problem) and items[1].source == f"{path}:2"
    assert isinstance(items[2], Problem) and items[2].code == "bad-jsonl"


def test_every_problem_code_of_the_readers_is_in_the_readme() -> None:
    root = Path(__file__).resolve().parent.parent
    code = (root / "kgload" / "sources.py").read_text(encoding="utf-8")
    codes = set(re.findall(r'Problem\(\s*"([a-z0-9-]+)"', code)) | {"too-large", "url-invalid"}
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert {c for c in codes if f"| `{c}` |" not in readme} == set()
