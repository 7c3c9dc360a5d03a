"""Future and conditional forms read from their endings (kgload.nlp.morphology): the small
Spanish pipeline tags a quarter of its test set's futures another tense or a noun, and an event
told in the future must not read as having happened."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from kgload.extract.analyze import analyze
from kgload.linking.kb import KnowledgeBase, load_kb
from kgload.model import Article, Status
from kgload.nlp.grammar import load_grammar
from kgload.nlp.morphology import infinitive_and_mood, read_future_forms


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.mark.parametrize(
    ("lang", "form", "expected"),
    [
        ("es", "firmarán", ("firmar", "Fut")),
        ("es", "sancionará", ("sancionar", "Fut")),
        ("es", "impondrán", ("imponer", "Fut")),  # an irregular stem inside a longer verb
        ("es", "hará", ("hacer", "Fut")),
        ("es", "condenaría", ("condenar", "Cnd")),
        ("pt", "assinarão", ("assinar", "Fut")),
        ("pt", "fará", ("fazer", "Fut")),
        ("pt", "enviariam", ("enviar", "Cnd")),
        ("pt", "imporá", ("impor", "Fut")),
        # a preterite, a present, a noun in -ería, a state: no future of a known verb
        ("es", "visité", None),
        ("es", "está", None),
        ("es", "cancillería", None),
        ("pt", "visitei", None),
        ("pt", "recebia", None),
        ("en", "will", None),
    ],
)
def test_future_and_conditional_forms(
    lang: str, form: str, expected: tuple[str, str] | None
) -> None:
    assert infinitive_and_mood(form, load_grammar(lang)) == expected


def _doc(words: list[str], tags: list[tuple[str, str, str]]) -> Doc:
    doc = Doc(spacy.blank("es").vocab, words=words)
    for token, (pos, lemma, morph) in zip(doc, tags, strict=True):
        token.pos_, token.lemma_ = pos, lemma
        if morph:
            token.set_morph(morph)
    return doc


def test_a_future_tagged_as_a_noun_becomes_a_future_verb() -> None:
    doc = _doc(
        ["Ambos", "países", "firmarán", "un", "acuerdo"],
        [("DET", "ambos", ""), ("NOUN", "país", ""), ("NOUN", "firmarán", "Gender=Fem"),
         ("DET", "uno", ""), ("NOUN", "acuerdo", "")],
    )
    read_future_forms(doc, load_grammar("es"))
    verb = doc[2]
    assert (verb.pos_, verb.lemma_) == ("VERB", "firmar")
    assert verb.morph.get("Tense") == ["Fut"] and verb.morph.get("Mood") == ["Ind"]
    assert not verb.morph.get("Gender")


def test_a_right_tag_keeps_its_features_and_a_name_is_left_alone() -> None:
    doc = _doc(
        ["Irán", "dijo", "que", "Irán", "firmará"],
        [("PROPN", "irán", ""), ("VERB", "decir", "Tense=Past"), ("SCONJ", "que", ""),
         ("NOUN", "irán", ""), ("VERB", "firmar", "Mood=Ind|Number=Sing|Tense=Fut")],
    )
    read_future_forms(doc, load_grammar("es"))
    assert doc[0].lemma_ == "irán" and doc[3].lemma_ == "irán"  # names, not "ir"
    assert str(doc[4].morph) == "Mood=Ind|Number=Sing|Tense=Fut"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "España y Francia firmarán un acuerdo de defensa."),
        ("es", "El ministro dijo que Brasil y China firmarán un acuerdo comercial."),
    ],
)
def test_an_agreement_told_in_the_future_is_planned(
    kb: KnowledgeBase, lang: str, text: str
) -> None:
    article = Article(id="f", text=text, lang=lang, source="f.txt",
                      published=dt.date(2024, 3, 1))
    events = analyze(article, kb).events
    assert events and {e.status for e in events} == {Status.PLANNED}
