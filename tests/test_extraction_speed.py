"""Helpers the extraction benchmark made faster (issue 9): each still gives what the slower
code gave."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kgload.extract.analyze import _longest_first
from kgload.extract.events import _quote_spans
from kgload.extract.frames import _in_markers
from kgload.nlp.grammar import load_grammar


def test_quotations_run_to_their_closing_mark_or_the_end_of_their_line() -> None:
    text = 'Oslo said \u201cwe stand ready\u201d and \u00abno more\u00bb.\nA "loose quote\nend'
    assert _quote_spans(text) == [(10, 26), (31, 40), (44, 56)]
    assert [text[a:b] for a, b in _quote_spans(text)][2] == '"loose quote'


def test_a_text_without_quotation_marks_has_no_quotations() -> None:
    assert _quote_spans("Peru and Chile signed a treaty.") == []
    assert _quote_spans("") == []


def test_a_mark_at_the_very_end_opens_an_empty_quotation() -> None:
    assert _quote_spans('He said "') == [(8, 9)]


def test_words_of_a_multiword_case_phrase_are_found_wherever_they_stand() -> None:
    words = ["according", "to", "Kyiv", ",", "talks", "went", "ahead", "according", "to", "plan"]
    doc = Doc(spacy.blank("en").vocab, words=words)
    assert _in_markers(doc, load_grammar("en")) == {0, 1, 7, 8}


def test_source_phrases_come_longest_first() -> None:
    phrases = frozenset({"per", "according to", "in a statement by"})
    assert _longest_first(phrases)[0] == ("in", "a", "statement", "by")
    assert _longest_first(phrases)[1:] == (("according", "to"), ("per",))
