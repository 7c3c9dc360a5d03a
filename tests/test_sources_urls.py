"""Article URLs are checked and normalised when read, never turned into IRIs unchecked (issue 10).

Before issue 10 a `url:` header such as `https://e.org/a b` reached pyoxigraph's `NamedNode` in
the RDF writer and the whole run died with "Invalid IRI code point".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from kgload.errors import InputError
from kgload.model import Article, Extraction, Problem
from kgload.rdf.writer import document_quads
from kgload.sources import ArticleOverrides, article_id, parse_article_text, read_articles
from kgload.urls import normalise_url

BODY = "The Prime Minister spoke with the President on Monday, the office said."


def _headed(url: str) -> str:
    return f"lang: en\nurl: {url}\n---\n{BODY}\n"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("https://example.org/news/a", "https://example.org/news/a"),
        ("HTTPS://Example.ORG/News/A", "https://example.org/News/A"),
        ("https://example.org:443/a", "https://example.org/a"),
        ("http://example.org:80/a", "http://example.org/a"),
        ("http://example.org:8080/a", "http://example.org:8080/a"),
        ("https://example.org", "https://example.org/"),
        ("<https://example.org/a>", "https://example.org/a"),
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("https://example.org/a>b", "https://example.org/a%3Eb"),
        ("https://example.org/a{1}", "https://example.org/a%7B1%7D"),
        ('https://example.org/"a"', "https://example.org/%22a%22"),
        ("https://example.org/a?q=[1]|x", "https://example.org/a?q=%5B1%5D%7Cx"),
        ("https://example.org/a#b#c", "https://example.org/a#b%23c"),
        ("https://example.org/100%", "https://example.org/100%25"),
        ("https://example.org/a%20b", "https://example.org/a%20b"),
        ("https://pt.example.org/wiki/Rússia", "https://pt.example.org/wiki/Rússia"),
        ("https://example.org/\ue000", "https://example.org/%EE%80%80"),
        ("https://[2001:DB8::1]:8443/a", "https://[2001:db8::1]:8443/a"),
    ],
)
def test_header_urls_are_normalised(given: str, stored: str) -> None:
    article = parse_article_text(_headed(given), source="a.txt")
    assert isinstance(article, Article), article
    assert article.url == stored
    NamedNode(stored)  # a valid IRI
    assert article.id == article_id(stored, article.text)


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ("https://example.org/a\tb", "tab"),
        ("example.org/news/a", "no scheme"),
        ("www.example.org", "no scheme"),
        ("/news/a", "no scheme"),
        ("ftp://example.org/a", "http or https"),
        ("javascript:alert(1)", "http or https"),
        ("https:/example.org/a", "no host"),
        ("https://", "no host"),
        ("https://user:secret@example.org/a", "user name or password"),
        ("https://example.org:99999/a", "port"),
        ("https://example.org:8o/a", "port"),
        ("https://exa mple.org/a", "host"),
        ("https://exa_mple.org/a", "host"),
        ("https://[::1/a", "host"),
        ("https://example.org/a\x00b", "control character"),
        ("https://example.org/a\x85b", "control character"),
        ("example.org:8080/a", "no scheme"),
    ],
)
def test_bad_header_urls_are_problems_naming_file_and_line(
    tmp_path: Path, given: str, says: str
) -> None:
    path = tmp_path / "bad-url.txt"
    path.write_text(_headed(given), encoding="utf-8")
    (problem,) = read_articles([path])
    assert isinstance(problem, Problem), problem
    assert problem.code == "url-invalid"
    assert problem.source == f"{path}:2"
    assert says in problem.message
    assert "\n" not in str(problem) and "\t" not in str(problem)


def test_a_bad_url_does_not_stop_the_next_file(tmp_path: Path) -> None:
    bad, good = tmp_path / "1-bad.txt", tmp_path / "2-good.txt"
    bad.write_text(_headed("https://example.org/a\tb"), encoding="utf-8")
    good.write_text(_headed("https://example.org/b"), encoding="utf-8")
    items = list(read_articles([tmp_path]))
    assert [type(item) for item in items] == [Problem, Article]


def test_jsonl_url_that_is_not_a_string_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        {"text": BODY, "lang": "en", "url": 42},
        {"text": BODY, "lang": "en", "url": "example.org/x"},
        {"text": BODY, "lang": "en", "url": ["https://example.org/x"]},
        {"text": BODY, "lang": "en", "url": "https://Example.org/ok"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    items = list(read_articles([path]))
    assert [getattr(item, "code", None) for item in items] == [
        "bad-jsonl",
        "url-invalid",
        "bad-jsonl",
        None,
    ]
    assert items[0].source == f"{path}:1"
    assert "'url'" in items[0].message
    assert isinstance(items[3], Article) and items[3].url == "https://example.org/ok"


def test_url_given_by_the_caller_is_checked_too() -> None:
    problem = parse_article_text(
        _headed("https://example.org/a"), source="a.txt", overrides=ArticleOverrides(url="a b")
    )
    assert isinstance(problem, Problem)
    assert problem.code == "url-invalid"
    assert problem.source == "a.txt"
    assert "--url" in problem.message
    article = parse_article_text(
        BODY, source="a.txt", overrides=ArticleOverrides(lang="en", url="https://E.org/x y")
    )
    assert isinstance(article, Article) and article.url == "https://e.org/x%20y"


def test_normalising_twice_changes_nothing() -> None:
    once = normalise_url("HTTP://Example.org:80/a b?c=<d>#e#f")
    assert once == "http://example.org/a%20b?c=%3Cd%3E#e%23f"
    assert normalise_url(once) == once


def test_writer_refuses_an_article_built_with_a_bad_url() -> None:
    article = Article(id="x", text=BODY, lang="en", source="made-by-hand", url="a b")
    with pytest.raises(InputError) as caught:
        document_quads(Extraction(article, (), (), ()))
    assert caught.value.problem.code == "url-invalid"
    assert caught.value.problem.source == "made-by-hand"
