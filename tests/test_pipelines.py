"""kgload's own trained pipelines (pt, en, es) ship with the package, load without any download,
parse, and carry their licence; `spacy_model` plugs in another pipeline (one with a parser no
longer breaks ingest: spaCy's E043) or `blank` (names and links only)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import spacy

from kgload.errors import UsageError
from kgload.extract.analyze import analyze
from kgload.linking.kb import KnowledgeBase, load_kb
from kgload.model import Article, EventType
from kgload.nlp.parse import BLANK, load_parser, parse_sentences, shipped_model_path

SENTENCES = {
    "pt": "O presidente Lula conversou por telefone com o presidente da França, Emmanuel Macron.",
    "en": "President Biden spoke by phone with President Zelenskyy of Ukraine on Tuesday.",
    "es": "El presidente de Argentina conversó por teléfono con el presidente de Brasil.",
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_each_shipped_pipeline_loads_and_parses(lang: str) -> None:
    parser = load_parser(lang)
    assert parser is not None
    assert {"tok2vec", "morphologizer", "parser", "trainable_lemmatizer"} <= set(parser.pipe_names)
    words = [*SENTENCES[lang].rstrip(".").split(), "."]
    spaces = [*([True] * (len(words) - 2)), False, False]
    (doc,) = parse_sentences(parser, [(words, spaces)])
    assert doc.has_annotation("DEP") and doc.has_annotation("POS") and doc.has_annotation("LEMMA")
    assert sum(1 for t in doc if t.dep_ == "ROOT") == 1  # one sentence, parsed whole
    assert any(t.pos_ == "VERB" for t in doc)


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_each_shipped_pipeline_carries_its_licence_and_scores(lang: str) -> None:
    path = shipped_model_path(lang)
    assert path is not None
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0"
    assert meta["sources"] and all("UD_" in s["name"] for s in meta["sources"])
    test = meta["kgload_test_scores"]["test"]
    assert 0.85 < test["pos_acc"] <= 1 and 0.65 < test["dep_las"] <= 1
    assert "ShareAlike" in (path / "LICENSE").read_text(encoding="utf-8")
    assert "Universal Dependencies" in (path / "ATTRIBUTION.md").read_text(encoding="utf-8")


def _article(text: str, lang: str) -> Article:
    return Article(id="t", text=text, lang=lang, source="t", published=dt.date(2025, 8, 12))


def test_a_pipeline_with_a_parser_as_spacy_model_works(kb: KnowledgeBase) -> None:
    """Regression (issue 9): with an installed pipeline that has a parser, every ingest failed
    with spaCy's E043 (a sentence component added after the parser)."""
    path = shipped_model_path("en")
    assert path is not None
    extraction = analyze(_article(SENTENCES["en"], "en"), kb, model=str(path))
    assert [e.type for e in extraction.events] == [EventType.PHONE_CALL]


def test_a_pipeline_of_another_language_serves_only_its_own(kb: KnowledgeBase) -> None:
    path = shipped_model_path("en")
    assert path is not None
    extraction = analyze(_article(SENTENCES["pt"], "pt"), kb, model=str(path))
    assert [e.type for e in extraction.events] == [EventType.PHONE_CALL]


def test_blank_links_names_and_reads_no_events(kb: KnowledgeBase) -> None:
    extraction = analyze(_article(SENTENCES["pt"], "pt"), kb, model=BLANK)
    assert {"Q37181", "Q3052772"} <= {m.key for m in extraction.mentions}
    assert extraction.events == ()


def test_an_unknown_pipeline_is_a_usage_error_naming_the_setting(kb: KnowledgeBase) -> None:
    with pytest.raises(UsageError, match="spacy_model 'no_such_pipeline_xx'"):
        analyze(_article(SENTENCES["pt"], "pt"), kb, model="no_such_pipeline_xx")


def test_the_shipped_pipelines_are_in_the_package_not_downloaded() -> None:
    for lang in SENTENCES:
        path = shipped_model_path(lang)
        assert path is not None
        assert Path(spacy.__file__).parent not in path.parents
        assert path.parent.name == "models" and path.parent.parent.name == "nlp"
