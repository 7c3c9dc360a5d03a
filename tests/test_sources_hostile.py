"""The hostile inputs of issue 10, kept as files: each is an article or exactly one problem.

`tests/data/hostile/` holds one file per case that once crashed kgload, stopped a whole run or
silently dropped an article's metadata. The end-to-end test ingests all of them, next to a good
article, an oversized one and a folder nobody may read, through the real command line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kgload.config import Settings
from kgload.model import Article, Extraction, Problem
from kgload.rdf.writer import document_quads
from kgload.sources import read_articles

HOSTILE = Path(__file__).parent / "data" / "hostile"

# file → (what it must become: None for an article, else the problem code; the line it names)
EXPECTED: dict[str, tuple[str | None, int | None]] = {
    "header-cr.txt": (None, None),
    "header-crlf.txt": (None, None),
    "header-long.txt": (None, None),
    "header-no-dashes.txt": ("bad-header", 5),
    "jsonl-big-int.jsonl": ("bad-jsonl", 1),
    "jsonl-deep.jsonl": ("bad-jsonl", 1),
    "jsonl-surrogate.jsonl": ("bad-jsonl", 1),
    "jsonl-url-number.jsonl": ("bad-jsonl", 1),
    "url-angle.txt": (None, None),
    "url-brace.txt": (None, None),
    "url-credentials.txt": ("url-invalid", 2),
    "url-javascript.txt": ("url-invalid", 2),
    "url-no-scheme.txt": ("url-invalid", 2),
    "url-quote.txt": (None, None),
    "url-space.txt": (None, None),
    "url-tab.txt": ("url-invalid", 2),
}

GOOD = """\
url: https://example.org/2025/08/12/good
published: 2025-08-12
lang: en
title: Leaders talk
---
President Joe Biden met Chinese President Xi Jinping on Wednesday in Woodside, California, the \
White House said.
"""


def test_every_hostile_file_is_listed() -> None:
    present = {p.name for p in HOSTILE.iterdir() if p.suffix in (".txt", ".jsonl")}
    assert present == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file(name: str) -> None:
    path = HOSTILE / name
    code, line = EXPECTED[name]
    (item,) = read_articles([path])
    if code is None:
        assert isinstance(item, Article), item
        assert item.url is not None and item.url.startswith("https://example.org/news/")
        assert item.title is None or not item.text.startswith(item.title)
        assert "---" not in item.text and "url:" not in item.text
        document_quads(Extraction(item, (), (), ()))  # the URL is a valid IRI
    else:
        assert isinstance(item, Problem), item
        assert item.code == code
        assert item.source == f"{path}:{line}"
        assert item.message and "\n" not in str(item)


_PROBLEM_LINE = re.compile(
    r"^(?P<source>.+?(?:\.txt|\.jsonl|/locked)(?::\d+)?): \S.* \[(?P<code>[a-z0-9-]+)\]$"
)


@pytest.mark.slow
def test_ingest_everything_hostile_next_to_a_good_article(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(HOSTILE, articles)
    (articles / "good.txt").write_text(GOOD, encoding="utf-8")
    huge = tmp_path / "huge.txt"
    huge.write_text("lang: en\n---\n" + "a" * (Settings().max_article_chars + 1), encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    drop = ["setpriv", "--inh-caps=-all", "--bounding-set=-all"] if os.geteuid() == 0 else []
    if drop and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KGLOAD_")}
    argv = [
        "ingest",
        str(articles),
        str(huge),
        str(locked),
        "--store",
        f"oxigraph:{tmp_path / 'kg'}",
    ]
    try:
        done = subprocess.run(
            [*drop, sys.executable, "-m", "kgload", *argv],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
            cwd=tmp_path,
            env=env,
        )
    finally:
        locked.chmod(0o755)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    problems = {}
    for text in done.stderr.splitlines():
        match = _PROBLEM_LINE.match(text)
        if match:
            problems[match["source"]] = match["code"]
    expected = {
        f"{articles / name}:{line}": code
        for name, (code, line) in EXPECTED.items()
        if code is not None
    }
    expected[str(huge)] = "too-large"
    expected[str(locked)] = "unreadable-file"
    assert problems == expected, done.stderr
    loaded = 1 + sum(code is None for code, _ in EXPECTED.values())
    assert re.search(
        rf"^ingested {loaded} documents, .*; {len(expected)} problems$", done.stderr, re.M
    ), done.stderr
