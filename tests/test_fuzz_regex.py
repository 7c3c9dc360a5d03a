"""Issue 10: no regular expression kgload runs on article text backtracks catastrophically.

Every pattern applied to untrusted text (the article, its header values, its words) is fed
adversarial strings built by Hypothesis from the pieces the pattern itself is made of (lexicon
words, digits, separators, capitals, brackets), repeated, under a hang guard in CPU seconds. The
guard's signal (SIGPROF) interrupts the regex engine, so a catastrophic pattern fails the test
instead of hanging it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from importlib import resources

import pytest
from guards import hang_guard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kgload.linking.linker as linker_module
import kgload.nlp.dates as dates_module
import kgload.nlp.pipeline as pipeline_module
import kgload.nlp.quantities as quantities_module
from kgload.nlp.dates import find_dates
from kgload.nlp.grammar import load_grammar
from kgload.nlp.quantities import find_quantities, read_number

LANGS = ("pt", "en", "es")
SEPARATORS = [" ", "  ", "\n", "\u00a0", "\u202f", "-", "\u2010", ".", ",", "/", ":", ";", "'"]
SHAPES = ["(", ")", "((", "))", "A", "BARI", "Ab", "x", "1", "12", "123", "2024", "10.000"]
SHAPES += ["10,000", "1,5", "İ", "ſ", "—", "–", ".-", "—-"]


def _lexicon_words(lang: str) -> list[str]:
    words: set[str] = set()
    for kind in ("dates", "numbers"):
        path = resources.files("kgload.nlp.lexicons") / f"{kind}_{lang}.toml"
        data = tomllib.loads(path.read_text("utf-8"))
        for value in data.values():
            if isinstance(value, dict):
                words.update(str(k) for k in value)
            elif isinstance(value, list):
                words.update(str(v) for v in value if isinstance(v, str))
    return sorted(w for w in words if w and "{" not in w)


def _pieces(lang: str) -> list[str]:
    words = _lexicon_words(lang)
    capitalised = [w.capitalize() for w in words[:50]]
    return [*words, *capitalised, *SEPARATORS, *SHAPES]


def _texts(lang: str) -> st.SearchStrategy[str]:
    piece = st.sampled_from(_pieces(lang))
    run = st.tuples(piece, st.integers(1, 60)).map(lambda pr: pr[0] * pr[1])
    return st.lists(st.one_of(piece, run), min_size=1, max_size=300).map("".join)


FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("lang", LANGS)
def test_the_date_and_number_patterns_never_backtrack_catastrophically(lang: str) -> None:
    @FUZZ
    @given(text=_texts(lang))
    def run(text: str) -> None:
        with hang_guard(10, "a pattern still ran (backtracking)"):
            find_dates(text, lang=lang, published=None)
            find_quantities(text, lang=lang)
            read_number(text, lang=lang)

    run()


@pytest.mark.parametrize("lang", LANGS)
def test_the_trigger_pattern_never_backtracks_catastrophically(lang: str) -> None:
    pattern = load_grammar(lang).trigger_start

    @FUZZ
    @given(text=_texts(lang))
    def run(text: str) -> None:
        with hang_guard(10, "a pattern still ran (backtracking)"):
            pattern.match(text)
            pattern.findall(text)

    run()


def _module_patterns() -> list[tuple[str, Callable[[str], object]]]:
    """Every module-level pattern of the modules that read article text."""
    found: list[tuple[str, Callable[[str], object]]] = []
    for module in (pipeline_module, dates_module, quantities_module, linker_module):
        for name, value in sorted(vars(module).items()):
            if isinstance(value, re.Pattern):
                found.append((f"{module.__name__}.{name}", value.findall))
    return found


@pytest.mark.parametrize(("name", "findall"), _module_patterns(), ids=lambda v: str(v))
def test_no_module_pattern_backtracks_catastrophically(
    name: str, findall: Callable[[str], object]
) -> None:
    @FUZZ
    @given(text=_texts("en"))
    def run(text: str) -> None:
        with hang_guard(10, "a pattern still ran (backtracking)"):
            findall(text)

    run()


@pytest.mark.parametrize(
    "text",
    [
        "A" * 5000 + "(" + "x" * 30 + "-" * 5000,  # dateline: capitals, brackets, dashes
        ("BARI, " * 2000) + "(Reuters)",
        "1" * 20_000,
        "10.000 " * 3000 + "x",
        ("mais de " * 3000) + "10",
        ("twenty " * 10_000) + "x",  # number words: quadratic before issue 10
        ("12/" * 5000) + "x",
        (" " * 20_000) + "x",
        "\u00a0".join(["10"] * 5000),
    ],
)
def test_known_adversarial_shapes_finish(text: str) -> None:
    with hang_guard(30, "a pattern still ran (backtracking)"):
        for lang in LANGS:
            find_dates(text, lang=lang, published=None)
            find_quantities(text, lang=lang)
        pipeline_module.find_datelines(text)
