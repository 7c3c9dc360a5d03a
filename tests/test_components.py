"""The gazetteer and the linker as spaCy components (issue 14): they get their knowledge base
through `initialize` (the KB object, or a registered loader in a config), leave the links on
`doc._.kg_links`, and keep no module-level registry: each KB owns the indexes derived from it."""

from __future__ import annotations

import gc
import pickle
import shutil
from pathlib import Path

import pytest
import spacy

import kgload.linking
from kgload.errors import UsageError
from kgload.extract.analyze import analyze
from kgload.linking.kb import Alias, KBEntity, KnowledgeBase, load_kb
from kgload.linking.linker import LinkResult, home_state
from kgload.model import Article, EntityKind
from kgload.nlp.pipeline import GAZETTEER, LINKER, Gazetteer, build_nlp, get_nlp, tokenize


def _kb(qid: str, name: str = "Freedonia") -> KnowledgeBase:
    """A one-state KB: `name` is the state `qid`."""
    state = KBEntity(
        qid=qid,
        kind=EntityKind.STATE,
        category="state",
        country=qid,
        labels={"en": name},
        stands_for=None,
        prominence=50,
    )
    return KnowledgeBase(
        entities={qid: state},
        aliases=[Alias(qid=qid, lang="en", text=name, type="name")],
        offices={},
        tenures=[],
    )


def _linked(nlp: spacy.language.Language, article: Article) -> dict[str, str]:
    doc = tokenize(nlp, article.text)
    doc._.kg_article = article
    for _name, component in nlp.pipeline:
        doc = component(doc)
    links = doc._.kg_links
    assert isinstance(links, LinkResult)
    return {m.text: m.key for m in links.mentions}


def _article(text: str, outlet: str | None = None) -> Article:
    return Article(id="t", text=text, lang="en", source="test", outlet=outlet)


def test_two_pipelines_with_two_kbs_link_independently() -> None:
    first, second = _kb("Q1001"), _kb("Q1002")
    nlp_first = get_nlp("en", first, model="blank")
    nlp_second = get_nlp("en", second, model="blank")
    assert nlp_first is not nlp_second
    article = _article("Freedonia protested.", outlet="The Freedonia Herald")
    assert _linked(nlp_first, article) == {"Freedonia": "Q1001"}
    assert _linked(nlp_second, article) == {"Freedonia": "Q1002"}
    assert home_state(article, first) == "Q1001"
    assert home_state(article, second) == "Q1002"
    # the cache is per KB object, not per id(): the same KB gets the same pipeline back
    assert get_nlp("en", first, model="blank") is nlp_first


def test_a_new_kb_never_meets_the_indexes_of_a_collected_one() -> None:
    """Regression (issue 14): the alias table and the outlet index were kept in module dicts
    keyed by id(kb), which a new KB can reuse once the old one is collected."""
    for number in range(12):
        qid = f"Q{2000 + number}"
        kb = _kb(qid)
        article = _article("Freedonia protested.", outlet="Freedonia Radio")
        assert home_state(article, kb) == qid
        assert _linked(build_nlp("en", kb, model="blank"), article) == {"Freedonia": qid}
        del kb
        gc.collect()


def test_the_alias_table_is_built_once_and_owned_by_the_kb() -> None:
    kb = _kb("Q3001")
    nlp = build_nlp("en", kb, model="blank")
    gazetteer = nlp.get_pipe(GAZETTEER)
    assert isinstance(gazetteer, Gazetteer)
    assert gazetteer.by_text is kb.alias_table("en")
    assert list(kb.alias_table("en")) == ["freedonia"]


def test_the_kb_pickles_without_its_derived_indexes() -> None:
    kb = _kb("Q3002")
    before = len(pickle.dumps(kb))
    kb.alias_table("en")
    assert home_state(_article("x", outlet="Freedonia Radio"), kb) == "Q3002"
    assert len(pickle.dumps(kb)) == before
    copy = pickle.loads(pickle.dumps(kb))
    assert copy.alias_table("en")["freedonia"][0].qid == "Q3002"  # rebuilt on first use


def test_a_pipeline_pickles_and_its_copy_links_the_same() -> None:
    nlp = get_nlp("en", load_kb())
    copy = pickle.loads(pickle.dumps(nlp))
    article = _article("Vladimir Putin met Xi Jinping in Moscow.")
    assert _linked(copy, article) == _linked(nlp, article)
    assert _linked(copy, article)["Vladimir Putin"] == "Q7747"


def test_nlp_of_a_text_links_it_as_a_bare_article() -> None:
    nlp = get_nlp("en", load_kb())
    doc = nlp("Vladimir Putin met Xi Jinping.")
    assert {m.text: m.key for m in doc._.kg_links.mentions} == {
        "Vladimir Putin": "Q7747",
        "Xi Jinping": "Q15031",
    }


def test_analyze_reads_the_links_of_the_linker_component() -> None:
    extraction = analyze(_article("Vladimir Putin met Xi Jinping in Moscow."), load_kb())
    assert {m.text: m.key for m in extraction.mentions}["Xi Jinping"] == "Q15031"


def _configured(folder: str | None) -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(GAZETTEER, config={"lang": "en"})
    nlp.add_pipe(LINKER)
    for name in (GAZETTEER, LINKER):
        nlp.config["initialize"]["components"][name] = {
            "kb_loader": {"@misc": "kgload.load_kb.v1", "folder": folder}
        }
    return nlp


def test_a_pipeline_made_from_a_config_loads_the_shipped_kb_at_initialize() -> None:
    nlp = _configured(None)
    nlp.initialize()
    assert nlp.get_pipe(LINKER).kb is load_kb()  # type: ignore[attr-defined]
    doc = nlp("Vladimir Putin spoke in Moscow.")
    assert [(m.text, m.key) for m in doc._.kg_links.mentions] == [
        ("Vladimir Putin", "Q7747"),
        ("Moscow", "Q159"),
    ]
    assert not any(nlp.analyze_pipes(pretty=False)["problems"].values())


def test_a_config_loader_reads_a_kb_folder(tmp_path: Path) -> None:
    shipped = Path(kgload.linking.__file__).parent / "data"
    folder = tmp_path / "kb"
    shutil.copytree(shipped, folder, ignore=shutil.ignore_patterns("*.md"))
    nlp = _configured(str(folder))
    nlp.initialize()
    kb = nlp.get_pipe(GAZETTEER).kb  # type: ignore[attr-defined]
    assert kb is load_kb(folder) and kb is not load_kb()
    assert nlp.get_pipe(LINKER).kb is kb  # type: ignore[attr-defined]


def test_a_component_without_a_kb_says_how_to_give_it_one() -> None:
    nlp = _configured(None)
    with pytest.raises(UsageError, match=r"kgload_gazetteer_v1 has no knowledge base.*build_nlp"):
        nlp("Vladimir Putin spoke.")
    with pytest.raises(UsageError, match="kgload_linker_v1: initialize it with a knowledge base"):
        nlp.get_pipe(LINKER).initialize(lambda: [], nlp=nlp)  # type: ignore[attr-defined]
