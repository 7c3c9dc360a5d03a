"""Repairs kgload makes to the small parsers' trees after parsing (kgload/nlp/parse.py)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, EventType
from kgload.nlp.parse import _repair_case_on_possessor


def _doc(rows: list[tuple[str, int, str]]) -> Doc:
    words = [w for w, _, _ in rows]
    return Doc(Vocab(), words=words, heads=[h for _, h, _ in rows], deps=[d for _, _, d in rows])


def test_a_preposition_hung_on_a_possessor_goes_to_the_phrase_it_opens() -> None:
    # the misparse: "on" is the case of "Russia" (the possessor), "companies" has none
    doc = _doc([
        ("imposed", 0, "ROOT"), ("sanctions", 0, "obj"), ("on", 3, "case"),
        ("Russia", 6, "nmod:poss"), ("'s", 3, "case"), ("oil", 6, "compound"),
        ("companies", 0, "obl"),
    ])
    _repair_case_on_possessor(doc)
    assert doc[2].head.i == 6
    assert doc[4].head.i == 3  # the clitic stays with its possessor


def test_a_phrase_with_its_own_case_word_is_left_alone() -> None:
    doc = _doc([
        ("sanctions", 0, "ROOT"), ("on", 4, "case"), ("of", 3, "case"), ("Russia", 4, "nmod:poss"),
        ("companies", 0, "nmod"),
    ])
    _repair_case_on_possessor(doc)
    assert doc[1].head.i == 4 and doc[2].head.i == 3


def test_sanctions_on_a_states_companies_are_aimed_at_the_state() -> None:
    text = "The United States imposed sanctions on Russia's two biggest oil companies on Wednesday."
    article = Article(id="t", text=text, lang="en", source="test",
                      published=dt.date(2025, 10, 23))
    (sanction,) = [e for e in analyze(article, load_kb()).events if e.type is EventType.SANCTION]
    assert (sanction.agent, sanction.recipient) == ("Q30", "Q159")
