"""The labels index that lets the parse repairs skip a doc they cannot change
(kgload/nlp/treelabels.py, `_REPAIRS` in kgload/nlp/parse.py; issue 9, extraction speed)."""

from __future__ import annotations

import inspect
import random

import pytest
from extracted import tagged
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS
from spacy.tokens import Doc

import kgload.nlp.parse as parse
from kgload.nlp.parse import load_parser
from kgload.nlp.treelabels import Need, TreeLabels


def _doc() -> Doc:
    return tagged(
        [
            ("Chile", 1, "nsubj", "PROPN", ""),
            ("signed", 1, "ROOT", "VERB", "VerbForm=Fin"),
            ("a", 3, "det", "DET", ""),
            ("treaty", 1, "obj", "NOUN", "Number=Sing"),
        ]
    )


def test_a_need_is_met_by_a_word_with_its_tag_and_relation() -> None:
    labels = TreeLabels.of(_doc())
    assert labels.has(Need(("NOUN",), ("obj",)))
    assert labels.has(Need(("NOUN", "PROPN"), ("obj", "iobj")))
    assert not labels.has(Need(("PROPN",), ("obj",)))  # a name, but not the object
    assert not labels.has(Need(("VERB",), ("obj",)))


def test_an_empty_side_of_a_need_stands_for_any() -> None:
    labels = TreeLabels.of(_doc())
    assert labels.has(Need((), ("det",)))
    assert not labels.has(Need((), ("appos",)))
    assert labels.has(Need(("DET",)))
    assert not labels.has(Need(("ADJ",)))
    assert labels.has(Need())


def test_needs_are_met_only_all_together() -> None:
    labels = TreeLabels.of(_doc())
    assert labels.meets(())
    assert labels.meets((Need(("VERB",), ("ROOT",)), Need((), ("nsubj",))))
    assert not labels.meets((Need(("VERB",), ("ROOT",)), Need((), ("appos",))))


def test_refreshed_labels_follow_a_changed_doc() -> None:
    doc = _doc()
    labels = TreeLabels.of(doc)
    assert labels.refreshed(doc) is labels  # nothing changed: nothing rebuilt
    doc[3].dep_ = "appos"
    doc[0].pos_ = "NOUN"
    fresh = labels.refreshed(doc)
    assert fresh.has(Need(("NOUN",), ("appos",))) and fresh.has(Need(("NOUN",), ("nsubj",)))
    assert not fresh.has(Need((), ("obj",))) and not fresh.has(Need(("PROPN",)))


def test_every_repair_of_a_doc_is_listed_once_in_order() -> None:
    listed = [repair.__name__ for repair, _ in parse._REPAIRS]
    assert len(listed) == len(set(listed))
    walks_a_doc = {
        name
        for name, fn in vars(parse).items()
        if name.lstrip("_").startswith("repair_")
        and inspect.isfunction(fn)
        and list(inspect.signature(fn).parameters) == ["doc"]
    }
    assert set(listed) == walks_a_doc - {"_repair"}


# sentences written for this test, each misparsed in a way some repair fixes, or not at all
_SENTENCES = {
    "en": [
        "The Dutch government strongly condemned Iran's missile strikes on Tuesday.",
        "Kenya, which hosted the talks last week, will send police officers to Haiti.",
        "Norway is providing Moldova with power generators and fuel.",
        "Canada announced on Monday a new package of drones for Ukraine.",
        "Italy and Greece signed a maritime border agreement in Athens.",
    ],
    "pt": [
        "O governo chileno enviou ajuda humanitária ao Equador nesta terça-feira.",
        "A Noruega, que apoia a Ucrânia, anunciou mais sanções contra a Rússia.",
        "Após a Turquia lançar um ataque, a Otan convocou uma reunião de emergência.",
        "O Peru assinou com a Bolívia um acordo de cooperação militar.",
    ],
    "es": [
        "Uruguay expresó su firme respaldo a Paraguay en la cumbre del Mercosur.",
        "El canciller peruano, que llegó ayer a Quito, firmó un acuerdo con Ecuador.",
        "Tras reunirse con Lula, el presidente argentino viajó a Santiago.",
        "La Unión Europea aprobó medidas restrictivas contra Nicaragua.",
    ],
}
_ATTRS = [POS, DEP, HEAD, MORPH, LEMMA]


def _parsed(lang: str) -> list[Doc]:
    parser = load_parser(lang)
    assert parser is not None
    return list(parser.pipe(parser.make_doc(s) for s in _SENTENCES[lang]))


@pytest.mark.parametrize("lang", sorted(_SENTENCES))
def test_skipping_repairs_by_their_needs_changes_no_tree(lang: str) -> None:
    for doc in _parsed(lang):
        every = Doc(doc.vocab).from_bytes(doc.to_bytes())
        for repair, _ in parse._REPAIRS:
            repair(every)
        parse._repair(doc)
        assert (doc.to_array(_ATTRS) == every.to_array(_ATTRS)).all(), doc.text


@pytest.mark.parametrize("lang", sorted(_SENTENCES))
def test_a_repair_that_changes_a_tree_had_its_needs_met(lang: str) -> None:
    for doc in _parsed(lang):
        for repair, needs in parse._REPAIRS:
            before = doc.to_array(_ATTRS)
            met = TreeLabels.of(doc).meets(needs)
            repair(doc)
            assert met or (doc.to_array(_ATTRS) == before).all(), (repair.__name__, doc.text)


_TAGS = ("NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "ADP", "DET", "PRON", "SCONJ", "PUNCT")
_RELATIONS = (
    "nsubj",
    "nsubj:pass",
    "obj",
    "iobj",
    "obl",
    "obl:agent",
    "nmod",
    "nmod:poss",
    "amod",
    "advmod",
    "acl",
    "acl:relcl",
    "advcl",
    "xcomp",
    "ccomp",
    "conj",
    "cc",
    "case",
    "mark",
    "det",
    "aux",
    "aux:pass",
    "cop",
    "appos",
    "compound",
    "parataxis",
    "expl:pv",
    "dep",
    "punct",
    "flat:name",
    "fixed",
)
_MORPHS = (
    "",
    "VerbForm=Part",
    "VerbForm=Fin",
    "Number=Plur|VerbForm=Fin",
    "Number=Sing",
    "Number=Plur",
    "PronType=Rel",
    "VerbForm=Inf",
    "Mood=Sub|VerbForm=Fin",
)
_WORDS = ("la", ",", "Ana", "que", "de", "y")


def _random_tree(rng: random.Random) -> Doc:
    """A random tree of random labels: a misparse of any shape some repair may fix."""
    size = rng.randint(2, 9)
    order = list(range(size))
    rng.shuffle(order)
    heads = {order[0]: order[0]}
    for k, i in enumerate(order[1:], start=1):
        heads[i] = order[rng.randrange(k)]
    return tagged(
        [
            (
                rng.choice(_WORDS),
                heads[i],
                "ROOT" if heads[i] == i else rng.choice(_RELATIONS),
                rng.choice(_TAGS),
                rng.choice(_MORPHS),
            )
            for i in range(size)
        ]
    )


def test_no_repair_changes_a_random_tree_without_its_needs() -> None:
    # a repair skipped for its needs must be one that would have changed nothing (nor failed)
    rng = random.Random(9)
    fired = 0
    for _ in range(1500):
        doc = _random_tree(rng)
        labels = TreeLabels.of(doc)
        for repair, needs in parse._REPAIRS:
            if labels.meets(needs):
                continue
            before = doc.to_array(_ATTRS)
            repair(doc)  # an error here is a failure too
            assert (doc.to_array(_ATTRS) == before).all(), repair.__name__
        fired += sum(1 for repair, needs in parse._REPAIRS if labels.meets(needs))
    assert fired  # the trees are varied enough for repairs to apply
