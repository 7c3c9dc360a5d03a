"""Fuzzing the whole `ingest` on the memory store: any input is loaded or reported, never a crash.

Each example writes a few generated inputs (header-format articles with odd headers and line
ends, raw bytes, JSON Lines with values of every type) into a folder, ingests the folder and
checks that every input became a document or a problem that names it, that no problem is a bug
of kgload (`internal-error`), and that nothing raised. The default run is small and derandomised
so CI is repeatable; `KGLOAD_SLOW_TESTS=1` runs many more examples.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgload.client import KG
from kgload.config import Settings

_SLOW = os.environ.get("KGLOAD_SLOW_TESTS") == "1"
_EXAMPLES = 500 if _SLOW else 60

_WORDS = [
    "Putin",
    "Lula",
    "Biden",
    "Kim",
    "Zelensky",
    "Moscow",
    "Brasília",
    "Kyiv",
    "Pyongyang",
    "met",
    "visited",
    "signed",
    "called",
    "condemned",
    "sanctions",
    "troops",
    "agreement",
    "presidente",
    "reuniu-se",
    "com",
    "em",
    "Moscou",
    "acordo",
    "firmó",
    "se",
    "reunió",
    "con",
    "ayer",
    "the",
    "president",
    "said",
    "on",
    "Tuesday",
    "que",
    "el",
    "de",
    "la",
]
_PUNCTUATION = [*"!?.,;:()[]\"'-–—…", "...", "?!", "\u200b", "\u00a0", "İ", "ß", "ﬁ"]

_body = st.lists(
    st.one_of(
        st.sampled_from(_WORDS),
        st.sampled_from(_PUNCTUATION),
        st.text(max_size=12),
        st.builds(lambda c, n: c * n, st.sampled_from(_PUNCTUATION), st.integers(1, 300)),
    ),
    max_size=80,
).map(" ".join)

_header_value = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "https://example.org/news/1",
            "https://example.org/a b",
            "example.org/no-scheme",
            'https://example.org/"quoted"',
            "http://[::1",
            "0001-01-01",
            "9999-12-31",
            "2024-02-30",
            "pt",
            "en",
            "es",
            "fr",
            "",
        ]
    ),
)
_header = st.lists(
    st.tuples(
        st.sampled_from(["url", "title", "published", "lang", "outlet", "x-other", "Url"]),
        _header_value,
    ),
    max_size=6,
)


@st.composite
def _article_file(draw: st.DrawFn) -> bytes:
    lines = [f"{key}: {value}" for key, value in draw(_header)]
    if draw(st.integers(0, 3)):
        lines.append("---")
    lines.append(draw(_body))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = newline.join(lines)
    return (
        text.encode("utf-8", "surrogatepass")
        if draw(st.booleans())
        else text.encode("utf-8", "replace")
    )


_json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def _jsonl_record(draw: st.DrawFn) -> str:
    record: dict[str, object] = {}
    for key in draw(st.lists(st.sampled_from(["text", "url", "lang", "published", "title"]))):
        record[key] = draw(st.one_of(_json_value, _body, _header_value))
    return json.dumps(record)


_inputs = st.tuples(
    st.lists(_article_file(), max_size=3),
    st.lists(st.binary(max_size=400), max_size=2),
    st.lists(_jsonl_record(), max_size=4),
    st.sampled_from(["pt", "en", "es"]),
)


@settings(
    max_examples=_EXAMPLES,
    derandomize=not _SLOW,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_inputs)
def test_every_input_is_loaded_or_reported(
    inputs: tuple[list[bytes], list[bytes], list[str], str],
) -> None:
    articles, blobs, records, lang = inputs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources: set[str] = set()
        for number, data in enumerate([*articles, *blobs]):
            path = folder / f"{number:02d}.txt"
            path.write_bytes(data)
            sources.add(str(path))
        if records:
            path = folder / "batch.jsonl"
            path.write_text("\n".join(records) + "\n", encoding="utf-8")
            sources.update(f"{path}:{line}" for line in range(1, len(records) + 1))
        with KG.open(settings=Settings(store="memory:", lang=lang, article_timeout=60.0)) as kg:
            report = kg.ingest([folder])
        # A problem names its input, or a line of it (`path:2` for a bad header value).
        reported = {
            p.source if p.source in sources else re.sub(r":[0-9]+$", "", p.source)
            for p in report.problems
        }
        internal = [p for p in report.problems if p.code == "internal-error"]
        assert not internal, internal
        assert all(problem.message for problem in report.problems)
        assert reported <= sources | {str(folder)}
        # A document may load with a warning-level problem too, so this is an inequality.
        assert report.documents + len(reported & sources) >= len(sources)
        assert report.documents <= len(sources)
