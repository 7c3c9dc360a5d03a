"""Fuzzing the readers (issue 10): whatever the input, an Article or a Problem, never an exception.

The default run is small and derandomised, so CI is deterministic and fast; set
`KGLOAD_SLOW_TESTS=1` for a long run (many more examples, same properties). Every Article that
comes out must also be writable as RDF: its URL is a valid IRI.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import NamedNode

from kgload.model import Article, Extraction, Problem
from kgload.rdf.writer import document_quads
from kgload.sources import parse_article_text, read_articles
from kgload.urls import normalise_url

SLOW = os.environ.get("KGLOAD_SLOW_TESTS") == "1"
FUZZ = settings(
    max_examples=5000 if SLOW else 150,
    derandomize=not SLOW,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SMALL_MAX = 400  # a small maximum so that sizes on both sides of it are generated

KEYS = st.sampled_from(["url", "title", "published", "lang", "outlet", "text", "URL", "x-tag"])
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])
URLISH = st.one_of(
    st.text(max_size=40),
    st.builds(
        "".join,
        st.lists(
            st.sampled_from(
                [
                    "https://",
                    "http://",
                    "HTTP://",
                    "ftp://",
                    "Example.ORG",
                    "[::1]",
                    ":443",
                    ":99999",
                    "/",
                    "a b",
                    "\t",
                    "%",
                    "%2",
                    "%41",
                    "#",
                    "?",
                    "[",
                    "<",
                    '"',
                    "{",
                    "@",
                    "ç",
                    "\ue000",
                    "\ufffe",
                    "\x85",
                    "\ud800",
                    ".",
                    "-",
                    "_",
                ]
            ),
            max_size=12,
        ),
    ),
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _check(item: Article | Problem) -> None:
    """Every item is a record a user can act on, and every Article can be written."""
    if isinstance(item, Problem):
        assert item.code and item.message.strip() and item.source
        assert "\n" not in str(item) and "\r" not in str(item)
        return
    assert isinstance(item, Article)
    assert item.text.strip() and len(item.text) <= SMALL_MAX
    item.text.encode("utf-8")  # no lone surrogates
    if item.url is not None:
        NamedNode(item.url)
        assert normalise_url(item.url) == item.url
    document_quads(Extraction(item, (), (), ()))


ANY_TEXT = st.text(st.characters(exclude_categories=[]), max_size=600)  # lone surrogates too


@FUZZ
@given(raw=st.text(max_size=600) | ANY_TEXT, lang=st.sampled_from([None, "en", "pt", "xx"]))
def test_any_text_is_an_article_or_a_problem(raw: str, lang: str | None) -> None:
    _check(
        parse_article_text(raw, source="fuzz.txt", default_lang=lang, max_article_chars=SMALL_MAX)
    )


@FUZZ
@given(
    header=st.lists(st.tuples(KEYS, URLISH), max_size=8),
    newline=NEWLINES,
    dashes=st.booleans(),
    body=st.text(max_size=500),
)
def test_any_header_is_an_article_or_a_problem(
    tmp_path: Path, header: list[tuple[str, str]], newline: str, dashes: bool, body: str
) -> None:
    lines = [f"{key}: {value}" for key, value in header]
    text = newline.join([*lines, *(["---"] if dashes else []), body])
    path = tmp_path / "fuzz.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    items = list(read_articles([path], default_lang="en", max_article_chars=SMALL_MAX))
    assert len(items) == 1
    _check(items[0])


@FUZZ
@given(data=st.binary(max_size=800), suffix=st.sampled_from([".txt", ".jsonl"]))
def test_any_bytes_are_articles_or_problems(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    items = list(read_articles([path], max_article_chars=SMALL_MAX))
    if suffix == ".txt":
        assert len(items) == 1
    for item in items:
        _check(item)
        assert item.source.startswith(str(path))


@FUZZ
@given(
    records=st.lists(
        st.one_of(
            JSON,
            st.dictionaries(KEYS, JSON, max_size=5),
            st.fixed_dictionaries(
                {"text": st.text(max_size=500)},
                optional={
                    "url": URLISH,
                    "lang": st.sampled_from(["en", "pt", "es", "xx", ""]),
                    "published": st.text(max_size=12),
                    "title": JSON,
                },
            ),
        ),
        max_size=6,
    )
)
def test_any_json_lines_are_articles_or_problems(tmp_path: Path, records: list[Any]) -> None:
    path = tmp_path / "fuzz.jsonl"
    lines = [json.dumps(record) for record in records]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_articles([path], default_lang="en", max_article_chars=SMALL_MAX))
    assert len(items) == len(lines)
    for number, item in enumerate(items, start=1):
        _check(item)
        assert item.source == f"{path}:{number}"


@FUZZ
@given(value=URLISH)
def test_any_url_is_normalised_to_an_iri_or_refused(value: str) -> None:
    try:
        url = normalise_url(value)
    except ValueError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    NamedNode(url)
    assert url.startswith(("http://", "https://"))
    assert normalise_url(url) == url
