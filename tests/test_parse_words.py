"""The words the statistical parser sees: names of several words become one familiar word.

Small parsers trained on a few thousand sentences misread runs of capitalised words ("El Reino
Unido" as a noun with an adjective, "Estados Unidos" as the noun "estado"); a person's, state's,
organisation's or place's name of several words is parsed as one word of its kind, while roles
and demonyms keep their words (they are syntax the roles are read from).
"""

from __future__ import annotations

from typing import Any

import pytest

from kgload.extract.analyze import candidate_sentences
from kgload.linking.kb import KnowledgeBase, load_kb
from kgload.model import Article
from kgload.nlp.grammar import load_grammar
from kgload.nlp.pipeline import get_nlp, tokenize


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _candidates(kb: KnowledgeBase, lang: str, text: str) -> list[Any]:
    article = Article(id="t", text=text, lang=lang, source="test")
    nlp = get_nlp(lang, kb)
    doc = tokenize(nlp, text)
    doc._.kg_article = article
    for _name, component in nlp.pipeline:
        doc = component(doc)
    linked = doc._.kg_links
    candidates, _ = candidate_sentences(doc, linked, load_grammar(lang))
    return candidates


def _parsed_words(kb: KnowledgeBase, lang: str, text: str) -> list[list[str]]:
    return [c.words for c in _candidates(kb, lang, text)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("es", "El Reino Unido impuso sanciones a Corea del Norte.",
         ["El", "Francia", "impuso", "sanciones", "a", "Francia", "."]),
        ("pt", "Os Estados Unidos e a União Europeia condenaram o ataque.",
         ["Os", "EUA", "e", "a", "OTAN", "condenaram", "o", "ataque", "."]),
        ("pt", "Luiz Inácio Lula da Silva visitou a China.",
         ["João", "visitou", "a", "China", "."]),
    ],
)
def test_names_of_several_words_are_parsed_as_one_word(
    kb: KnowledgeBase, lang: str, text: str, expected: list[str]
) -> None:
    assert _parsed_words(kb, lang, text) == [expected]


def test_roles_and_demonyms_keep_their_words(kb: KnowledgeBase) -> None:
    words = _parsed_words(kb, "pt", "O presidente russo recebeu o líder norte-coreano em Moscou.")
    assert words and "presidente" in words[0] and "russo" in words[0]
    assert any(w.startswith("norte") for w in words[0])


def test_each_word_keeps_the_span_it_stands_for(kb: KnowledgeBase) -> None:
    text = "El Reino Unido impuso sanciones."
    (candidate,) = _candidates(kb, "es", text)
    start, end = candidate.spans[1]
    assert text[start:end] == "Reino Unido"


@pytest.mark.parametrize(
    ("lang", "text", "kept"),
    [
        # a short quoted name for something: the parser does not see its marks
        ("en", "Spain condemned what it called \u201cbrutal Russian aggression\u201d.", False),
        (
            "pt",
            "A Rússia lançou o que chama de \u00aboperação militar especial\u00bb na Ucrânia.",
            False,
        ),
        # a quoted sentence (a stop inside) or a long quotation keeps them
        (
            "en",
            "Spain condemned the attack, saying \u201cthis is unacceptable, and must stop\u201d.",
            True,
        ),
        (
            "en",
            "Spain condemned the attack and said \u201cwe stand with Ukraine and with its brave"
            " people today\u201d.",
            True,
        ),
    ],
)
def test_marks_around_a_short_quoted_phrase_are_not_parsed(
    kb: KnowledgeBase, lang: str, text: str, kept: bool
) -> None:
    (words,) = _parsed_words(kb, lang, text)
    assert any(w in ("\u201c", "\u201d", "\u00ab", "\u00bb") for w in words) is kept


def test_a_condemnation_of_a_scare_quoted_act_names_its_doer(kb: KnowledgeBase) -> None:
    # with the marks, "blatant" was read as a verb whose object was "aggression": no event
    import datetime as dt

    from kgload.extract.analyze import analyze
    from kgload.model import EventType

    text = "Egypt condemned what it called \u201cblatant Israeli aggression\u201d."
    article = Article(id="t", text=text, lang="en", source="test", published=dt.date(2025, 6, 13))
    events = analyze(article, kb).events
    assert [(e.type, e.agent, e.recipient) for e in events] == [
        (EventType.CONDEMNATION, "Q79", "Q801")
    ]
