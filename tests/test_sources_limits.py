"""Sizes, hostile JSON and hostile paths: each is one problem, never a traceback (issue 10).

Before issue 10 an article of any size was read whole, JSON Lines nested 100,000 deep, integers
over 4,300 digits and lone-surrogate escapes raised out of the reader, and an unreadable folder
stopped the whole run with a bare `[Errno 13]`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from kgload.config import Settings
from kgload.model import Article, Problem
from kgload.sources import parse_article_text, read_articles

BODY = "The Prime Minister spoke with the President on Monday, the office said."
DEFAULT_MAX = Settings().max_article_chars
T = TypeVar("T")


def _within(seconds: float, work: Callable[[], T]) -> T:
    """A hang guard, not a speed target: fail instead of blocking the suite forever."""
    result: list[T] = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert result, f"still running after {seconds} s"
    return result[0]


def _codes(items: list[Article | Problem]) -> list[str | None]:
    return [item.code if isinstance(item, Problem) else None for item in items]


# -- too-large ---------------------------------------------------------------------------------


def test_article_over_the_default_maximum_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("lang: en\n---\n" + "a" * (DEFAULT_MAX + 1), encoding="utf-8")
    (problem,) = read_articles([path])
    assert isinstance(problem, Problem) and problem.code == "too-large"
    assert problem.source == str(path)
    assert f"{DEFAULT_MAX:,}" in problem.message and "max_article_chars" in problem.message


def test_article_at_the_maximum_loads(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("lang: en\n---\n" + "ã" * 1000, encoding="utf-8")
    (article,) = read_articles([path], max_article_chars=1000)
    assert isinstance(article, Article) and len(article.text) == 1000


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_maximum_is_a_keyword_of_the_readers(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"a{suffix}"
    text = BODY * 3
    content = json.dumps({"text": text, "lang": "en"}) if suffix == ".jsonl" else text
    path.write_text(content, encoding="utf-8")
    (item,) = read_articles([path], default_lang="en", max_article_chars=len(text) - 1)
    assert isinstance(item, Problem) and item.code == "too-large"
    (item,) = read_articles([path], default_lang="en", max_article_chars=len(text))
    assert isinstance(item, Article)
    problem = parse_article_text(text, source="x", default_lang="en", max_article_chars=10)
    assert isinstance(problem, Problem) and problem.code == "too-large"


def test_a_huge_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "sparse.txt"
    with path.open("wb") as handle:
        handle.truncate(64 * 1024**3)  # 64 GiB of nothing: reading it would never end well
    tracemalloc.start()
    try:
        (problem,) = _within(60, lambda: list(read_articles([path])))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(problem, Problem) and problem.code == "too-large"
    assert peak < 16 * 1024**2


def test_a_huge_jsonl_line_is_too_large_and_the_next_line_loads(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    huge = json.dumps({"text": "a" * 5000, "lang": "en"})
    good = json.dumps({"text": BODY, "lang": "en"})
    path.write_text(f"{huge}\n{good}\n", encoding="utf-8")
    items = list(read_articles([path], max_article_chars=100))
    assert _codes(items) == ["too-large", None]
    assert items[0].source == f"{path}:1" and items[1].source == f"{path}:2"


# -- hostile JSON Lines --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested"),
        ('{"text": ' + "[" * 100_000, "nested"),
        ('{"text": "Hello there, friends.", "n": ' + "9" * 4301 + "}", "digits"),
        ('{"text": "The President spoke \\udcff with the press."}', "surrogate"),
        ('{"text": "The President spoke.", "title": "a\\ud800"}', "surrogate"),
        ('{"text": "The President spoke.", "\\udcff": "x"}', "surrogate"),
        ('{"text": "The President spoke.", "lang": ["en"]}', "'lang'"),
    ],
    ids=[
        "deep",
        "deep-unclosed",
        "big-int",
        "surrogate-text",
        "surrogate-title",
        "surrogate-key",
        "list-lang",
    ],
)
def test_hostile_jsonl_lines_are_problems(tmp_path: Path, line: str, says: str) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"text": BODY, "lang": "en"})
    path.write_text(f"{line}\n{good}\n", encoding="utf-8")
    items = list(read_articles([path], default_lang="en"))
    assert _codes(items) == ["bad-jsonl", None], items
    assert items[0].source == f"{path}:1"
    assert says in items[0].message
    assert len(str(items[0])) < 300 and "\n" not in str(items[0])


def test_jsonl_bad_bytes_spoil_only_their_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"text": BODY, "lang": "en"}).encode()
    path.write_bytes(b"\xef\xbb\xbf" + good + b'\n{"text": "caf\xe9"}\n' + good + b"\r\n")
    items = list(read_articles([path]))
    assert _codes(items) == [None, "not-utf8", None]
    assert items[1].source == f"{path}:2"


# -- hostile paths -----------------------------------------------------------------------------


def test_a_pipe_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (problem,) = _within(60, lambda: list(read_articles([fifo])))
    assert isinstance(problem, Problem) and problem.code == "unreadable-file"
    assert "regular file" in problem.message


def test_a_name_too_long_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / ("x" * 300 + ".txt")
    (problem,) = read_articles([path])
    assert isinstance(problem, Problem) and problem.code == "unreadable-file"


def test_a_file_inside_a_file_is_a_problem(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text(BODY, encoding="utf-8")
    (problem,) = read_articles([plain / "inner.txt"])
    assert isinstance(problem, Problem) and problem.code == "unreadable-file"


_READ_LOCKED = """
import sys
from kgload.sources import read_articles
for item in read_articles(sys.argv[1:], default_lang="en"):
    print(type(item).__name__, getattr(item, "code", ""), item.source, sep="|")
"""


def test_an_unreadable_folder_is_a_problem_and_the_rest_loads(tmp_path: Path) -> None:
    locked, other = tmp_path / "locked", tmp_path / "other"
    locked.mkdir()
    other.mkdir()
    (locked / "a.txt").write_text(BODY, encoding="utf-8")
    (other / "b.txt").write_text(BODY, encoding="utf-8")
    locked.chmod(0)
    # root reads anything: drop its capabilities so that chmod 000 means what it says
    drop = ["setpriv", "--inh-caps=-all", "--bounding-set=-all"] if os.geteuid() == 0 else []
    if drop and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv")
    try:
        done = subprocess.run(
            [*drop, sys.executable, "-c", _READ_LOCKED, str(locked), str(other)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        locked.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Problem|unreadable-file|{locked}",
        f"Article||{other / 'b.txt'}",
    ]


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_a_file_that_fails_while_read_is_a_problem() -> None:
    # /proc/self/mem is a regular file whose first page is unmapped: read() fails with EIO
    (problem,) = read_articles([Path("/proc/self/mem")])
    assert isinstance(problem, Problem) and problem.code == "unreadable-file"
    assert "error" in problem.message.lower()
