"""Header parsing: any line ending, any header length, a header without `---` (issue 10).

Before issue 10, CR-only line endings, more than 40 header lines or a missing `---` made the
header part of the article text: exit 0, but url, published and title were silently dropped.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kgload.model import Article, Problem
from kgload.sources import parse_article_text, read_articles

HEADER = [
    "url: https://example.org/2025/08/12/a",
    "published: 2025-08-12",
    "lang: en",
    "title: Leaders talk",
]
BODY = ["The Prime Minister spoke with the President on Monday.", "", "They agreed to meet."]


def _read_one(tmp_path: Path, data: bytes) -> Article | Problem:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    (item,) = read_articles([path])
    return item


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_every_line_ending_reads_the_header(tmp_path: Path, newline: str) -> None:
    text = newline.join([*HEADER, "---", *BODY]) + newline
    article = _read_one(tmp_path, text.encode("utf-8"))
    assert isinstance(article, Article), article
    assert article.url == "https://example.org/2025/08/12/a"
    assert article.published == dt.date(2025, 8, 12)
    assert article.title == "Leaders talk"
    assert article.text == "\n".join(BODY)


def test_mixed_line_endings_read_the_header() -> None:
    text = "url: https://example.org/a\r\nlang: en\rtitle: T\n---\r\n" + BODY[0]
    article = parse_article_text(text, source="x")
    assert isinstance(article, Article), article
    assert (article.url, article.title, article.text) == ("https://example.org/a", "T", BODY[0])


def test_a_long_header_is_still_a_header(tmp_path: Path) -> None:
    extra = [f"tag{number}: value {number}" for number in range(60)]
    text = "\n".join([*HEADER, *extra, "---", *BODY])
    article = _read_one(tmp_path, text.encode("utf-8"))
    assert isinstance(article, Article), article
    assert article.url == "https://example.org/2025/08/12/a"
    assert article.metadata["tag59"] == "value 59"
    assert article.text.startswith("The Prime Minister")


@pytest.mark.parametrize(
    "after_header",
    [["", *BODY], BODY, ["", "", *BODY]],
    ids=["blank-line", "body-right-after", "two-blank-lines"],
)
def test_header_without_dashes_is_a_problem_naming_the_line(
    tmp_path: Path, after_header: list[str]
) -> None:
    path = tmp_path / "no-dashes.txt"
    path.write_text("\n".join([*HEADER, *after_header]), encoding="utf-8")
    (problem,) = read_articles([path])
    assert isinstance(problem, Problem), problem
    assert problem.code == "bad-header"
    assert problem.source == f"{path}:5"
    assert "'---'" in problem.message


def test_plain_text_still_loads_without_a_header() -> None:
    text = "\n".join(BODY)
    article = parse_article_text(text, source="x", default_lang="en")
    assert isinstance(article, Article) and article.text == text and article.url is None


def test_plain_text_starting_with_a_dateline_is_not_a_header() -> None:
    # "Washington: ..." looks like `key: value` but is not a key kgload knows
    text = "Washington: The President met the Prime Minister on Monday.\n\nThey agreed."
    article = parse_article_text(text, source="x", default_lang="en")
    assert isinstance(article, Article), article
    assert article.text == text and article.metadata == {}


def test_header_problems_name_the_header_line(tmp_path: Path) -> None:
    path = tmp_path / "bad-date.txt"
    path.write_text("lang: en\npublished: yesterday\n---\nText here.", encoding="utf-8")
    (problem,) = read_articles([path])
    assert isinstance(problem, Problem) and problem.code == "bad-header"
    assert problem.source == f"{path}:2"
