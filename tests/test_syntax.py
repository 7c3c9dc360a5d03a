"""Reading a dependency parse: the repairs and tests that stand between a small parser's errors
and the event rules. The parses are written by hand, as a parser might give them."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgload.extract.analyze import analyze
from kgload.extract.syntax import is_passive, subjects
from kgload.linking.kb import load_kb
from kgload.model import Article, EventType
from kgload.nlp.parse import _repair_unmarked_agents


def _doc(words: list[str], heads: list[int], deps: list[str], morphs: list[str]) -> Doc:
    pos = ["VERB" if d == "ROOT" else "PROPN" for d in deps]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)


def test_an_unmarked_agent_after_an_active_verb_is_its_object() -> None:
    # "Biden hosted Yoon" with "Yoon" labelled obl:agent and "hosted" tagged passive
    doc = _doc(
        ["Biden", "hosted", "Yoon"],
        [1, 1, 1],
        ["nsubj", "ROOT", "obl:agent"],
        ["", "Tense=Past|VerbForm=Part|Voice=Pass", ""],
    )
    _repair_unmarked_agents(doc)
    assert doc[2].dep_ == "obj"
    assert not is_passive(doc[1])  # an active subject outweighs the tag


def test_a_real_passive_agent_is_left_alone() -> None:
    # "Kyiv was hit by Moscow": passive auxiliary and "by"
    doc = Doc(
        Vocab(),
        words=["Kyiv", "was", "hit", "by", "Moscow"],
        heads=[2, 2, 2, 4, 2],
        deps=["nsubj:pass", "aux:pass", "ROOT", "case", "obl:agent"],
        pos=["PROPN", "AUX", "VERB", "ADP", "PROPN"],
    )
    _repair_unmarked_agents(doc)
    assert doc[4].dep_ == "obl:agent"
    assert is_passive(doc[2])


def test_a_participle_without_a_subject_is_passive_by_its_voice() -> None:
    # "o acordo assinado": the participle alone
    doc = _doc(["acordo", "assinado"], [0, 0], ["ROOT", "acl"], ["", "VerbForm=Part|Voice=Pass"])
    assert is_passive(doc[1])


def _tagged(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    return Doc(
        Vocab(), words=[r[0] for r in rows], heads=[r[1] for r in rows],
        deps=[r[2] for r in rows], pos=[r[3] for r in rows], morphs=[r[4] for r in rows],
    )


def test_an_infinitive_under_a_participle_object_has_the_verbs_subject() -> None:
    # "Berlín tiene previsto anunciar…" with "previsto" labelled the object of "tiene"
    rows = [
        ("Berlín", 1, "nsubj", "PROPN", ""), ("tiene", 1, "ROOT", "VERB", "VerbForm=Fin"),
        ("previsto", 1, "obj", "ADJ", "VerbForm=Part"), ("anunciar", 2, "xcomp", "VERB", ""),
    ]
    assert [t.text for t in subjects(_tagged(rows)[3])] == ["Berlín"]
    # an adjective that is no participle ("considera necesario anunciar…") says nothing of it
    rows[2] = ("necesario", 1, "obj", "ADJ", "")
    assert subjects(_tagged(rows)[3]) == []


def test_a_package_a_state_has_planned_to_announce_is_its_aid() -> None:
    text = "Berlín tiene previsto anunciar un nuevo paquete de ayuda militar a Ucrania."
    article = Article(id="t", text=text, lang="es", source="test", published=dt.date(2024, 3, 5))
    (aid,) = [e for e in analyze(article, load_kb()).events if e.type is EventType.MILITARY_AID]
    assert (aid.agent, aid.recipient) == ("Q183", "Q212")
