"""Relations read by the event stage (kgload/extract/syntax.py): `base_dep` and `children`
answer from a cache of the parser's labels (issue 9, extraction speed), the same as before."""

from __future__ import annotations

from extracted import tagged

from kgload.extract.syntax import base_dep, case_phrase, children


def _doc():  # type: ignore[no-untyped-def]
    return tagged(
        [
            ("Sanctions", 2, "nsubj:pass", "NOUN", ""),
            ("were", 2, "aux:pass", "AUX", ""),
            ("imposed", 2, "ROOT", "VERB", "VerbForm=Part"),
            ("on", 4, "case", "ADP", ""),
            ("Iran", 2, "obl", "PROPN", ""),
            ("by", 6, "case", "ADP", ""),
            ("Japan", 2, "obl:agent", "PROPN", ""),
        ]
    )


def test_the_base_relation_drops_the_subtype_and_the_case() -> None:
    doc = _doc()
    assert [base_dep(t) for t in doc] == ["nsubj", "aux", "root", "case", "obl", "case", "obl"]
    assert [base_dep(t) for t in doc] == [base_dep(t) for t in doc]  # asked again: the same


def test_children_match_a_relation_with_or_without_its_subtype() -> None:
    verb = _doc()[2]
    assert [c.text for c in children(verb, "obl")] == ["Iran", "Japan"]
    assert [c.text for c in children(verb, "obl:agent")] == ["Japan"]
    assert [c.text for c in children(verb, "nsubj", "aux")] == ["Sanctions", "were"]
    assert children(verb, "obj") == []
    assert [c.text for c in children(_doc()[4], "case")] == ["on"]


def test_a_case_phrase_reads_its_case_words() -> None:
    doc = _doc()
    for token in doc:
        token.lemma_ = token.text.lower()  # a bare vocabulary gives no lowercase forms
    assert (case_phrase(doc[4]), case_phrase(doc[6]), case_phrase(doc[2])) == ("on", "by", "")
