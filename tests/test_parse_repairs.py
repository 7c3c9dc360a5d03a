"""Repairs kgload makes to the small parsers' trees after parsing (kgload/nlp/parse.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from extracted import tagged
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, EventType, Status
from kgload.nlp.parse import (
    _repair_adjective_on_a_far_noun,
    _repair_adverb_read_as_the_verb,
    _repair_auxiliary_read_as_the_verb,
    _repair_case_on_a_quantifier,
    _repair_case_on_possessor,
    _repair_complementizer_read_as_a_relative_subject,
    _repair_conjunct_of_a_case_phrase,
    _repair_conjunct_read_as_a_modifier,
    _repair_coordinated_modifiers_read_as_a_verb,
    _repair_finite_verb_as_object,
    _repair_finite_verb_read_as_a_modifier_of_the_root,
    _repair_flat_name_with_its_own_case,
    _repair_infinitive_subject,
    _repair_main_verb_after_a_relative,
    _repair_main_verb_read_as_relative,
    _repair_nominal_clause,
    _repair_noun_root_with_subject,
    _repair_object_of_a_case_phrase,
    _repair_object_read_as_apposition,
    _repair_oblique_on_a_noun,
    _repair_passive_subject_of_a_pronominal_verb,
    _repair_phrase_on_a_named_object,
    _repair_possessive_clitic_read_as_a_word,
    _repair_reduced_relative,
    _repair_relative_clause_on_a_verb,
    _repair_subject_set_off_before_its_verb,
    _repair_verb_read_as_a_named_noun,
    _repair_verb_read_as_its_objects_adjective,
    _repair_verb_with_a_subject_read_as_an_adjective,
    repair_copula_of_a_place,
    repair_goal_read_as_infinitive_subject,
    repair_main_verb_read_as_participle,
)


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


def _morph_doc(rows: list[tuple[str, str, int, str, str]]) -> Doc:
    return Doc(
        Vocab(),
        words=[w for w, _, _, _, _ in rows],
        pos=[p for _, p, _, _, _ in rows],
        heads=[h for _, _, h, _, _ in rows],
        deps=[d for _, _, _, d, _ in rows],
        morphs=[m for _, _, _, _, m in rows],
    )


def test_the_oblique_right_before_a_subjectless_infinitive_is_its_subject() -> None:
    # "a Otan entrou em alerta após a Rússia lançar um ataque", misparsed
    doc = _morph_doc([
        ("Otan", "PROPN", 1, "nsubj", ""), ("entrou", "VERB", 1, "ROOT", "VerbForm=Fin"),
        ("após", "ADP", 3, "case", ""), ("Rússia", "PROPN", 1, "obl", ""),
        ("lançar", "VERB", 1, "advcl", "VerbForm=Inf"), ("ataque", "NOUN", 4, "obj", ""),
    ])
    _repair_infinitive_subject(doc)
    assert (doc[3].head.i, doc[3].dep_) == (4, "nsubj")
    assert (doc[2].head.i, doc[2].dep_) == (4, "mark")


def test_an_infinitive_with_its_own_subject_or_a_gap_keeps_the_tree() -> None:
    # "a Otan entrou em alerta após a reunião, para lançar um ataque": not adjacent
    doc = _morph_doc([
        ("Otan", "PROPN", 1, "nsubj", ""), ("entrou", "VERB", 1, "ROOT", "VerbForm=Fin"),
        ("após", "ADP", 3, "case", ""), ("reunião", "NOUN", 1, "obl", ""),
        (",", "PUNCT", 1, "punct", ""), ("lançar", "VERB", 1, "advcl", "VerbForm=Inf"),
    ])
    _repair_infinitive_subject(doc)
    assert (doc[3].head.i, doc[3].dep_) == (1, "obl")


def test_the_doer_of_an_act_in_a_personal_infinitive_is_its_subject() -> None:
    for lang, text in (
        ("pt", "Ontem, a Otan entrou em alerta após a Rússia lançar um ataque aéreo contra a "
         "base militar ucraniana."),
        ("en", "NATO waited for Russia to launch an attack on Ukraine."),
    ):
        article = Article(
            id="t", text=text, lang=lang, source="test", published=dt.date(2022, 3, 14)
        )
        attacks = [e for e in analyze(article, load_kb()).events if e.type is EventType.ATTACK]
        assert [(e.agent, e.recipient) for e in attacks] == [("Q159", "Q212")], lang


def test_the_subject_of_an_infinitive_may_hang_on_its_subordinator() -> None:
    # "depois de Israel lançar um ataque": "de Israel" misparsed under "depois"
    doc = _morph_doc([
        ("ocorre", "VERB", 0, "ROOT", "VerbForm=Fin"), ("depois", "ADV", 4, "mark", ""),
        ("de", "ADP", 3, "case", ""), ("Israel", "PROPN", 1, "obl", ""),
        ("lançar", "VERB", 0, "advcl", "VerbForm=Inf"), ("ataque", "NOUN", 4, "obj", ""),
    ])
    _repair_infinitive_subject(doc)
    assert (doc[3].head.i, doc[3].dep_) == (4, "nsubj")


def test_a_noun_right_after_an_oblique_is_no_apposition_but_the_object() -> None:
    # "The US announced on Friday a new package": "package" hung on "Friday" as `appos`
    doc = _morph_doc([
        ("US", "PROPN", 1, "nsubj", ""), ("announced", "VERB", 1, "ROOT", ""),
        ("on", "ADP", 3, "case", ""), ("Friday", "PROPN", 1, "obl", ""),
        ("a", "DET", 5, "det", ""), ("package", "NOUN", 3, "appos", ""),
    ])
    _repair_object_read_as_apposition(doc)
    assert (doc[5].head.i, doc[5].dep_) == (1, "obj")


def test_an_apposition_after_a_comma_stays() -> None:
    doc = _morph_doc([
        ("US", "PROPN", 1, "nsubj", ""), ("met", "VERB", 1, "ROOT", ""),
        ("in", "ADP", 3, "case", ""), ("Kyiv", "PROPN", 1, "obl", ""),
        (",", "PUNCT", 6, "punct", ""), ("the", "DET", 6, "det", ""),
        ("capital", "NOUN", 3, "appos", ""),
    ])
    _repair_object_read_as_apposition(doc)
    assert (doc[6].head.i, doc[6].dep_) == (3, "appos")


def test_a_military_aid_package_announced_on_a_day_is_the_announcer_s() -> None:
    text = "The US announced on Friday a new $400 million military aid package to Ukraine."
    article = Article(id="t", text=text, lang="en", source="test", published=dt.date(2024, 5, 10))
    aid = [e for e in analyze(article, load_kb()).events if e.type is EventType.MILITARY_AID]
    assert [(e.agent, e.recipient) for e in aid] == [("Q30", "Q212")]




def test_a_finite_relative_clause_without_a_relative_word_is_the_main_verb() -> None:
    # the misparse: "presidente" the root, "llegó" its relative clause with no relative word
    doc = tagged([
        ("El", 1, "det", "DET", ""), ("presidente", 1, "ROOT", "NOUN", "Number=Sing"),
        ("llegó", 1, "acl:relcl", "VERB", "Number=Sing|Tense=Past|VerbForm=Fin"),
        ("ayer", 2, "advmod", "ADV", ""), ("a", 5, "case", "ADP", ""),
        ("Lima", 2, "obl", "PROPN", ""),
    ])
    _repair_main_verb_read_as_relative(doc)
    assert (doc[2].dep_, doc[2].head.i, doc[1].dep_, doc[1].head.i) == ("ROOT", 2, "nsubj", 2)


def test_a_relative_clause_with_its_relative_word_stays() -> None:
    doc = tagged([
        ("El", 1, "det", "DET", ""), ("presidente", 1, "ROOT", "NOUN", "Number=Sing"),
        ("que", 3, "nsubj", "PRON", "PronType=Rel"),
        ("llegó", 1, "acl:relcl", "VERB", "Number=Sing|Tense=Past|VerbForm=Fin"),
    ])
    _repair_main_verb_read_as_relative(doc)
    assert (doc[3].dep_, doc[1].dep_) == ("acl:relcl", "ROOT")


def test_a_leader_titled_before_the_verb_travels() -> None:
    text = "El presidente de Colombia, Iván Duque, viajó el domingo a Argentina."
    article = Article(id="t", text=text, lang="es", source="test", published=dt.date(2019, 6, 10))
    visits = [e for e in analyze(article, load_kb()).events if e.type is EventType.VISIT]
    assert [(e.recipient, e.date.iso() if e.date else None) for e in visits] == [
        ("Q414", "2019-06-09")
    ]



def test_a_name_labelled_a_clause_after_a_verb_is_its_object() -> None:
    # issue 9, seventh pass: "Russia attacked Ukraine with drones" with "Ukraine" as `xcomp`
    doc = _morph_doc([
        ("Russia", "PROPN", 1, "nsubj", ""), ("attacked", "VERB", 1, "ROOT", ""),
        ("Ukraine", "PROPN", 1, "xcomp", ""), ("with", "ADP", 4, "case", ""),
        ("drones", "NOUN", 1, "obl", ""),
    ])
    _repair_nominal_clause(doc)
    assert (doc[2].head.i, doc[2].dep_) == (1, "obj")


def test_a_name_labelled_a_complement_clause_after_a_verb_is_its_object() -> None:
    # the check that the verb has no object of its own compared tokens by identity, and spaCy
    # makes a new token at each access: a noun labelled `ccomp` counted as that object itself
    doc = _morph_doc([
        ("Russia", "PROPN", 1, "nsubj", ""), ("attacked", "VERB", 1, "ROOT", ""),
        ("Ukraine", "PROPN", 1, "ccomp", ""), ("with", "ADP", 4, "case", ""),
        ("drones", "NOUN", 1, "obl", ""),
    ])
    _repair_nominal_clause(doc)
    assert (doc[2].head.i, doc[2].dep_) == (1, "obj")


def test_a_noun_labelled_a_clause_beside_the_verbs_own_object_stays() -> None:
    doc = _morph_doc([
        ("Russia", "PROPN", 1, "nsubj", ""), ("attacked", "VERB", 1, "ROOT", ""),
        ("Kharkiv", "PROPN", 1, "obj", ""), ("Ukraine", "PROPN", 1, "ccomp", ""),
    ])
    _repair_nominal_clause(doc)
    assert doc[3].dep_ == "ccomp"


def test_a_name_with_a_subordinator_stays_a_clause() -> None:
    doc = _morph_doc([
        ("Russia", "PROPN", 1, "nsubj", ""), ("said", "VERB", 1, "ROOT", ""),
        ("that", "SCONJ", 3, "mark", ""), ("Ukraine", "PROPN", 1, "ccomp", ""),
    ])
    _repair_nominal_clause(doc)
    assert doc[3].dep_ == "ccomp"


def test_a_phrase_hung_on_a_named_object_is_the_verbs() -> None:
    # issue 9, seventh pass: "providing Ukraine with patrol boats" with "with…" under "Ukraine"
    doc = _morph_doc([
        ("US", "PROPN", 1, "nsubj", ""), ("provided", "VERB", 1, "ROOT", ""),
        ("Ukraine", "PROPN", 1, "obj", ""), ("with", "ADP", 4, "case", ""),
        ("boats", "NOUN", 2, "obl", ""),
    ])
    _repair_phrase_on_a_named_object(doc)
    assert (doc[4].head.i, doc[4].dep_) == (1, "obl")


def test_a_phrase_on_a_common_noun_object_stays() -> None:
    doc = _morph_doc([
        ("US", "PROPN", 1, "nsubj", ""), ("imposed", "VERB", 1, "ROOT", ""),
        ("sanctions", "NOUN", 1, "obj", ""), ("on", "ADP", 4, "case", ""),
        ("Iran", "PROPN", 2, "nmod", ""),
    ])
    _repair_phrase_on_a_named_object(doc)
    assert (doc[4].head.i, doc[4].dep_) == (2, "nmod")


def test_a_noun_root_with_a_subject_and_no_copula_is_a_verb() -> None:
    # issue 9, seventh pass: "La UE aprobó este lunes…" with "aprobó" tagged a noun
    doc = _morph_doc(
        [
            ("UE", "PROPN", 1, "nsubj", ""),
            ("aprobó", "NOUN", 1, "ROOT", ""),
            ("sanciones", "NOUN", 1, "obj", ""),
        ]
    )
    _repair_noun_root_with_subject(doc)
    assert doc[1].pos_ == "VERB"


def test_a_noun_root_with_a_copula_stays_a_noun() -> None:
    doc = _morph_doc(
        [
            ("Lula", "PROPN", 2, "nsubj", ""),
            ("es", "AUX", 2, "cop", ""),
            ("presidente", "NOUN", 2, "ROOT", ""),
        ]
    )
    _repair_noun_root_with_subject(doc)
    assert doc[2].pos_ == "NOUN"


def test_a_noun_root_with_a_possessor_stays_a_noun() -> None:
    # "… following Russia's deployment of forces", with the subject before hung on the noun
    doc = _morph_doc(
        [
            ("US", "PROPN", 3, "nsubj", ""),
            ("Russia", "PROPN", 3, "nmod:poss", ""),
            ("'s", "PART", 1, "case", ""),
            ("deployment", "NOUN", 3, "ROOT", ""),
        ]
    )
    _repair_noun_root_with_subject(doc)
    assert doc[3].pos_ == "NOUN"


def _amount_doc(last: str, number: str) -> Doc:
    # "enviará 300 millones en ayuda militar / adicionales", with the adjective hung on the amount
    return _morph_doc(
        [
            ("enviará", "VERB", 0, "ROOT", "VerbForm=Fin"),
            ("300", "NUM", 2, "nummod", ""),
            ("millones", "NOUN", 0, "obj", "Number=Plur"),
            ("en", "ADP", 4, "case", ""),
            ("ayuda", "NOUN", 2, "nmod", "Gender=Fem|Number=Sing"),
            (last, "ADJ", 2, "amod", f"Number={number}"),
        ]
    )


def test_an_adjective_that_disagrees_with_its_head_goes_to_the_noun_it_follows() -> None:
    # issue 9, eighth pass
    doc = _amount_doc("militar", "Sing")
    _repair_adjective_on_a_far_noun(doc)
    assert doc[5].head.i == 4


def test_an_adjective_that_agrees_with_its_head_stays() -> None:
    doc = _amount_doc("adicionales", "Plur")
    _repair_adjective_on_a_far_noun(doc)
    assert doc[5].head.i == 2


def _unanimity_doc(extra: tuple[str, str, int, str, str] | None = None) -> Doc:
    # "acordaron por unanimidad sanciones", with "unanimidad" labelled a clause
    rows = [
        ("acordaron", "VERB", 0, "ROOT", "VerbForm=Fin"),
        ("por", "ADP", 2, "case", ""),
        ("unanimidad", "NOUN", 0, "xcomp", ""),
        ("sanciones", "NOUN", 2, "obj", ""),
    ]
    return _morph_doc(rows + ([extra] if extra else []))


def test_the_object_of_a_phrase_labelled_a_clause_is_the_verbs() -> None:
    # issue 9, eighth pass
    doc = _unanimity_doc()
    _repair_object_of_a_case_phrase(doc)
    assert (doc[2].dep_, doc[3].head.i) == ("obl", 0)


def test_the_object_of_a_phrase_with_a_subject_stays() -> None:
    doc = _unanimity_doc(("ellos", "PRON", 2, "nsubj", ""))
    _repair_object_of_a_case_phrase(doc)
    assert (doc[2].dep_, doc[3].head.i) == ("xcomp", 2)


def _relative_then_verb(dep: str, head: int, subject: bool = False) -> Doc:
    # "Olaf Scholz , who was in Rome , called Lula ." misparsed with "called" hung on the name
    rows = [
        ("Olaf", 1, "compound", "PROPN", "Number=Sing"),
        ("Scholz", 1, "ROOT", "PROPN", "Number=Sing"),
        (",", 6, "punct", "PUNCT", ""), ("who", 6, "nsubj", "PRON", "PronType=Rel"),
        ("was", 6, "cop", "AUX", "VerbForm=Fin"), ("in", 6, "case", "ADP", ""),
        ("Rome", 1, "acl:relcl", "PROPN", "Number=Sing"), (",", 8, "punct", "PUNCT", ""),
        ("called", head, dep, "VERB", "Tense=Past|VerbForm=Fin"),
        ("Lula", 8, "obj", "PROPN", "Number=Sing"),
    ]
    if subject:
        rows[9] = ("Lula", 8, "nsubj", "PROPN", "Number=Sing")
    return tagged(rows)


def test_a_verb_after_a_subjects_relative_clause_is_the_main_verb() -> None:
    for dep, head in (("parataxis", 1), ("ROOT", 8), ("advcl", 6)):
        doc = _relative_then_verb(dep, head)
        _repair_main_verb_after_a_relative(doc)
        assert (doc[8].dep_, doc[1].dep_, doc[1].head.i) == ("ROOT", "nsubj", 8), dep


def test_a_verb_with_its_own_subject_after_a_relative_clause_stays() -> None:
    doc = _relative_then_verb("parataxis", 1, subject=True)
    _repair_main_verb_after_a_relative(doc)
    assert (doc[8].dep_, doc[1].dep_) == ("parataxis", "ROOT")


def test_a_leader_with_a_relative_clause_before_the_verb_meets() -> None:
    text = "Macron, who is in Germany, met Scholz."
    article = Article(id="t", text=text, lang="en", source="test", published=dt.date(2023, 6, 10))
    meetings = [e for e in analyze(article, load_kb()).events if e.type is EventType.MEETING]
    assert [set(e.participants) for e in meetings] == [{"Q3052772", "Q61053"}]


def test_the_date_of_a_subjects_relative_clause_does_not_date_the_main_verb() -> None:
    text = "The French president, who arrived on Sunday, signed an agreement with Olaf Scholz."
    article = Article(id="t", text=text, lang="en", source="test", published=dt.date(2023, 6, 10))
    [deal] = [e for e in analyze(article, load_kb()).events if e.type is EventType.AGREEMENT]
    # not the Sunday of the relative clause: the publication day, as for any undated agreement
    assert deal.date is not None and deal.date.iso() == "2023-06-10"



def test_an_oblique_hung_on_an_object_noun_is_the_nouns_phrase() -> None:
    doc = tagged([
        ("Francia", 1, "nsubj", "PROPN", ""), ("aplicó", 1, "ROOT", "VERB", ""),
        ("sanciones", 1, "obj", "NOUN", ""), ("contra", 4, "case", "ADP", ""),
        ("Siria", 2, "obl", "PROPN", ""),
    ])
    _repair_oblique_on_a_noun(doc)
    assert (doc[4].dep_, doc[4].head.i) == ("nmod", 2)


def test_an_oblique_of_a_predicate_noun_or_without_a_case_word_stays() -> None:
    # "Esto es una sanción contra Irán": the noun has a copula, it is the predicate
    doc = tagged([
        ("Esto", 3, "nsubj", "PRON", ""), ("es", 3, "cop", "AUX", ""),
        ("una", 3, "det", "DET", ""), ("sanción", 3, "ROOT", "NOUN", ""),
        ("contra", 5, "case", "ADP", ""), ("Irán", 3, "obl", "PROPN", ""),
    ])
    _repair_oblique_on_a_noun(doc)
    assert doc[5].dep_ == "obl"
    doc = tagged([
        ("aplicó", 0, "ROOT", "VERB", ""), ("sanciones", 0, "obj", "NOUN", ""),
        ("ayer", 1, "obl", "NOUN", ""),
    ])
    _repair_oblique_on_a_noun(doc)
    assert doc[2].dep_ == "obl"


def test_sanctions_applied_against_a_state_are_aimed_at_it() -> None:
    kb = load_kb()
    expected = {
        "Francia aplicó sanciones contra Siria.": ("Q142", "Q858"),
        "Australia aplicó sanciones contra Rusia.": ("Q408", "Q159"),
        "El Reino Unido aplicó sanciones contra 20 funcionarios de Irán.": ("Q145", "Q794"),
    }
    for text, sides in expected.items():
        article = Article(id="t", text=text, lang="es", source="test",
                          published=dt.date(2024, 3, 5))
        (sanction,) = [e for e in analyze(article, kb).events if e.type is EventType.SANCTION]
        assert (sanction.agent, sanction.recipient) == sides, text


def test_a_conjunct_with_the_case_word_of_the_phrase_before_is_coordinated_with_it() -> None:
    # the misparse: "al pueblo" a conjunct of "apoyo", beside "al Gobierno"
    rows = [
        ("apoyo", 0, "ROOT", "NOUN", ""), ("a", 2, "case", "ADP", ""),
        ("Gobierno", 0, "nmod", "NOUN", ""), ("y", 5, "cc", "CCONJ", ""),
        ("a", 5, "case", "ADP", ""), ("pueblo", 0, "conj", "NOUN", ""),
    ]
    doc = tagged(rows)
    _repair_conjunct_of_a_case_phrase(doc)
    assert doc[5].head.i == 2
    # another case word ("a Chile y contra Perú"), or none, is another phrase: it stays
    doc = tagged([*rows[:4], ("contra", 5, "case", "ADP", ""), rows[5]])
    _repair_conjunct_of_a_case_phrase(doc)
    assert doc[5].head.i == 0
    doc = tagged([*rows[:4], ("el", 5, "det", "DET", ""), rows[5]])
    _repair_conjunct_of_a_case_phrase(doc)
    assert doc[5].head.i == 0


def test_support_for_a_government_and_a_people_goes_to_their_state() -> None:
    kb = load_kb()
    expected = {
        ("es", "Argentina desea expresar su solidaridad y su apoyo al Gobierno y al pueblo de "
         "Chile."): ("Q414", "Q298"),
        ("en", "Canada reaffirmed its support for the government and for the people of "
         "Ukraine."): ("Q16", "Q212"),
    }
    for (lang, text), sides in expected.items():
        article = Article(id="t", text=text, lang=lang, source="test",
                          published=dt.date(2024, 3, 5))
        (support,) = [e for e in analyze(article, kb).events if e.type is EventType.SUPPORT]
        assert (support.agent, support.recipient) == sides, text


# -- issue 9, eleventh pass: a case word hung on the adverb of a quantifier --------------------


def _with_tags(rows: list[tuple[str, str, int, str]]) -> Doc:
    return Doc(
        Vocab(), words=[r[0] for r in rows], pos=[r[1] for r in rows],
        heads=[r[2] for r in rows], deps=[r[3] for r in rows],
    )


def test_a_case_word_on_the_adverb_of_a_quantifier_goes_to_its_noun() -> None:
    # the misparse: "contra" on "más", "de" the case word of "funcionarios"
    doc = _with_tags([
        ("sanciones", "NOUN", 0, "ROOT"), ("contra", "ADP", 2, "case"),
        ("más", "ADV", 5, "advmod"), ("de", "ADP", 5, "case"), ("20", "NUM", 5, "nummod"),
        ("funcionarios", "NOUN", 0, "nmod"),
    ])
    _repair_case_on_a_quantifier(doc)
    assert doc[1].head.i == 5 and doc[1].dep_ == "case"
    assert doc[3].head.i == 2 and doc[3].dep_ == "fixed"


def test_a_noun_with_a_case_word_before_the_adverb_keeps_it() -> None:
    # "a casi todos": the noun's own case word comes first; nothing moves
    doc = _with_tags([
        ("habló", "VERB", 0, "ROOT"), ("con", "ADP", 4, "case"), ("casi", "ADV", 4, "advmod"),
        ("todos", "DET", 4, "det"), ("ministros", "NOUN", 0, "obl"),
    ])
    _repair_case_on_a_quantifier(doc)
    assert [t.head.i for t in doc] == [0, 4, 4, 4, 0]


def test_sanctions_against_more_than_some_officials_are_aimed_at_their_state() -> None:
    text = (
        "Canadá anunció el lunes nuevas sanciones individuales contra más de 20 funcionarios"
        " venezolanos."
    )
    article = Article(id="t", text=text, lang="es", source="test", published=dt.date(2024, 3, 5))
    found = [(e.type, e.agent, e.recipient) for e in analyze(article, load_kb()).events]
    assert found == [(EventType.SANCTION, "Q16", "Q717")]


def test_the_subject_of_a_pronominal_verb_is_active() -> None:
    def doc(reflexive: str, aux: bool) -> Doc:
        rows = [
            ("Ana", 3 if aux else 2, "nsubj:pass", "PROPN", ""),
            ("se", 3 if aux else 2, reflexive, "PRON", ""),
        ]
        if aux:
            rows.append(("fue", 3, "aux:pass", "AUX", ""))
        rows.append(("reunió", 3 if aux else 2, "ROOT", "VERB", ""))
        return tagged(rows)

    found = doc("expl:pv", False)
    _repair_passive_subject_of_a_pronominal_verb(found)
    assert found[0].dep_ == "nsubj"
    # a passive "se" ("se firmaron los acuerdos") or a passive auxiliary keeps it passive
    for kept in (doc("expl:pass", False), doc("expl:pv", True)):
        _repair_passive_subject_of_a_pronominal_verb(kept)
        assert kept[0].dep_ == "nsubj:pass"


def _coordinated(number: str, coordinator: tuple[str, str]) -> Doc:
    # the misparse: "presidente" the root, "reunieron" its relative clause, with the second
    # title, opened by "y", as the verb's only subject
    verb = f"Mood=Ind|Number={number}|Person=3|Tense=Past|VerbForm=Fin"
    return tagged([
        ("El", 1, "det", "DET", ""), ("presidente", 1, "ROOT", "NOUN", "Number=Sing"),
        (",", 3, "punct", "PUNCT", ""), ("Ana", 1, "appos", "PROPN", ""),
        (",", 9, "punct", "PUNCT", ""), (coordinator[0], 9, coordinator[1], "CCONJ", ""),
        ("el", 7, "det", "DET", ""), ("ministro", 9, "nsubj", "NOUN", "Number=Sing"),
        ("se", 9, "expl:pv", "PRON", ""), ("reunieron", 1, "acl:relcl", "VERB", verb),
    ])


def test_a_coordinated_subject_read_as_a_relative_clause_is_the_main_verb_s() -> None:
    doc = _coordinated("Plur", ("y", "cc"))
    _repair_main_verb_read_as_relative(doc)
    assert [(t.dep_, t.head.i) for t in (doc[9], doc[1], doc[7], doc[5])] == [
        ("ROOT", 9), ("nsubj", 9), ("conj", 1), ("cc", 7)
    ]
    # a singular verb, or no coordinator before the second noun, is no such subject
    for kept in (_coordinated("Sing", ("y", "cc")), _coordinated("Plur", (",", "punct"))):
        _repair_main_verb_read_as_relative(kept)
        assert (kept[9].dep_, kept[7].dep_) == ("acl:relcl", "nsubj")


def test_two_titled_names_coordinated_meet() -> None:
    text = ("El presidente estadounidense, Joe Biden, y el presidente francés, Emmanuel Macron, "
            "se reunieron este lunes.")
    article = Article(id="t", text=text, lang="es", source="test", published=dt.date(2024, 3, 5))
    (meeting,) = [e for e in analyze(article, load_kb()).events if e.type is EventType.MEETING]
    assert set(meeting.participants) == {"Q6279", "Q3052772"}


def test_a_modifier_without_a_case_word_opened_by_a_coordinator_is_a_conjunct() -> None:
    def doc(opener: tuple[str, str, str]) -> Doc:
        # the misparse: the second title a modifier (`nmod`) of the first
        return tagged([
            ("El", 1, "det", "DET", ""), ("presidente", 8, "nsubj", "NOUN", ""),
            (",", 3, "punct", "PUNCT", ""), ("Ana", 1, "appos", "PROPN", ""),
            (",", 7, "punct", "PUNCT", ""), (opener[0], 7, opener[1], opener[2], ""),
            ("el", 7, "det", "DET", ""), ("ministro", 1, "nmod", "NOUN", ""),
            ("firmaron", 8, "ROOT", "VERB", ""),
        ])

    found = doc(("y", "cc", "CCONJ"))
    _repair_conjunct_read_as_a_modifier(found)
    assert (found[7].dep_, found[7].head.i) == ("conj", 1)
    # a case word makes it a modifier ("el presidente … de el ministro"), and so it stays
    kept = doc(("de", "case", "ADP"))
    _repair_conjunct_read_as_a_modifier(kept)
    assert kept[7].dep_ == "nmod"


def test_titled_names_coordinated_sign_and_meet() -> None:
    kb = load_kb()
    expected = {
        "El presidente francés, Emmanuel Macron, y el presidente estadounidense, Joe Biden, "
        "firmaron un acuerdo este lunes.": (EventType.AGREEMENT, {"Q3052772", "Q6279"}),
        "El presidente de Francia, Emmanuel Macron, y el primer ministro de Japón, Fumio "
        "Kishida, se reunieron este lunes en París.": (EventType.MEETING, {"Q3052772", "Q359480"}),
    }
    for text, (kind, sides) in expected.items():
        article = Article(id="t", text=text, lang="es", source="test",
                          published=dt.date(2024, 3, 5))
        (event,) = [e for e in analyze(article, kb).events if e.type is kind]
        assert set(event.participants) == sides, text


def test_a_participle_clause_with_an_object_of_its_own_is_the_main_verb() -> None:
    # the misparse (twelfth pass): "Minister" the root, "imposed" a participle describing it,
    # though a participle describing a noun takes no object
    doc = tagged([
        ("Chile", 2, "nmod:poss", "PROPN", ""), ("'s", 0, "case", "PART", ""),
        ("Minister", 2, "ROOT", "PROPN", "Number=Sing"),
        ("imposed", 2, "acl", "VERB", "Tense=Past|VerbForm=Part"),
        ("tariffs", 3, "obj", "NOUN", "Number=Plur"),
    ])
    repair_main_verb_read_as_participle(doc)
    assert (doc[3].dep_, doc[3].head.i, doc[2].dep_, doc[2].head.i) == ("ROOT", 3, "nsubj", 3)


def test_a_participle_describing_its_noun_stays() -> None:
    # "the tariffs imposed on Monday": done to the noun, no object of its own
    doc = tagged([
        ("tariffs", 0, "ROOT", "NOUN", "Number=Plur"),
        ("imposed", 0, "acl", "VERB", "Tense=Past|VerbForm=Part"),
        ("on", 3, "case", "ADP", ""), ("Monday", 1, "obl", "PROPN", ""),
    ])
    repair_main_verb_read_as_participle(doc)
    assert (doc[1].dep_, doc[0].dep_) == ("acl", "ROOT")


def test_a_noun_with_a_name_before_it_and_an_oblique_after_it_is_the_verb() -> None:
    # issue 9, attacks pass: "The Council condemns in the firmest terms the raids" with
    # "condemns" tagged a plural noun, the name its compound, the object a conjunct
    doc = _morph_doc([
        ("The", "DET", 2, "det", ""), ("Council", "PROPN", 2, "compound", ""),
        ("condemns", "NOUN", 2, "ROOT", "Number=Plur"), ("in", "ADP", 6, "case", ""),
        ("the", "DET", 6, "det", ""), ("firmest", "ADJ", 6, "amod", ""),
        ("terms", "NOUN", 2, "obl", ""), ("the", "DET", 8, "det", ""),
        ("raids", "NOUN", 2, "conj", ""),
    ])
    _repair_verb_read_as_a_named_noun(doc)
    assert (doc[2].pos_, doc[1].dep_, doc[0].head.i, doc[8].dep_) == ("VERB", "nsubj", 1, "obj")


def test_a_named_noun_phrase_with_a_modifier_stays_a_noun() -> None:
    # "The Council sanctions on Iran": a case phrase hung on the noun is its modifier
    doc = _morph_doc([
        ("The", "DET", 2, "det", ""), ("Council", "PROPN", 2, "compound", ""),
        ("sanctions", "NOUN", 2, "ROOT", "Number=Plur"), ("on", "ADP", 4, "case", ""),
        ("Iran", "PROPN", 2, "nmod", ""),
    ])
    _repair_verb_read_as_a_named_noun(doc)
    assert (doc[2].pos_, doc[1].dep_) == ("NOUN", "compound")


def test_a_participle_with_an_agent_read_as_a_clause_modifies_its_noun() -> None:
    # issue 9, attacks pass: "denounced the raids carried out by Chad" with "raids" the
    # subject of "carried", hung on the verb as another clause
    doc = _morph_doc([
        ("Niger", "PROPN", 1, "nsubj", ""), ("denounced", "VERB", 1, "ROOT", ""),
        ("the", "DET", 3, "det", ""), ("raids", "NOUN", 4, "nsubj", ""),
        ("carried", "VERB", 1, "parataxis", ""), ("out", "ADP", 4, "compound:prt", ""),
        ("by", "ADP", 7, "case", ""), ("Chad", "PROPN", 4, "obl:agent", ""),
    ])
    _repair_reduced_relative(doc)
    assert (doc[3].head.i, doc[3].dep_, doc[4].head.i, doc[4].dep_) == (1, "obj", 3, "acl")


def test_a_passive_clause_with_its_auxiliary_keeps_its_subject() -> None:
    # "said the raids were carried out by Chad": a passive auxiliary makes it a clause
    doc = _morph_doc([
        ("Niger", "PROPN", 1, "nsubj", ""), ("said", "VERB", 1, "ROOT", ""),
        ("the", "DET", 3, "det", ""), ("raids", "NOUN", 5, "nsubj:pass", ""),
        ("were", "AUX", 5, "aux:pass", ""), ("carried", "VERB", 1, "ccomp", ""),
        ("out", "ADP", 5, "compound:prt", ""), ("by", "ADP", 8, "case", ""),
        ("Chad", "PROPN", 5, "obl:agent", ""),
    ])
    _repair_reduced_relative(doc)
    assert (doc[3].head.i, doc[5].dep_) == (5, "ccomp")


def test_a_name_set_off_by_commas_before_its_verb_is_its_subject() -> None:
    # issue 9, attacks pass: "Turquía, por su parte, lanzó ataques sobre Siria" with the name
    # the root and the verb its conjunct
    doc = _morph_doc([
        ("Turquía", "PROPN", 0, "ROOT", ""), (",", "PUNCT", 4, "punct", ""),
        ("por", "ADP", 4, "case", ""), ("su", "DET", 4, "det", ""),
        ("parte", "NOUN", 6, "obl", ""), (",", "PUNCT", 4, "punct", ""),
        ("lanzó", "VERB", 0, "conj", ""), ("ataques", "NOUN", 6, "obj", ""),
    ])
    _repair_subject_set_off_before_its_verb(doc)
    assert (doc[6].dep_, doc[6].head.i, doc[0].dep_, doc[0].head.i) == ("ROOT", 6, "nsubj", 6)


def test_a_verb_coordinated_with_a_name_by_a_conjunction_stays() -> None:
    # "Turquía, al final, y luego lanzó…": a coordinator makes it a true conjunct
    doc = _morph_doc([
        ("Turquía", "PROPN", 0, "ROOT", ""), (",", "PUNCT", 0, "punct", ""),
        ("y", "CCONJ", 3, "cc", ""), ("lanzó", "VERB", 0, "conj", ""),
        ("ataques", "NOUN", 3, "obj", ""),
    ])
    _repair_subject_set_off_before_its_verb(doc)
    assert (doc[3].dep_, doc[0].dep_) == ("conj", "ROOT")


# -- a finite verb where a noun must be (found at the merge of the five afternoon passes) ---------


@pytest.mark.parametrize("relation", ["obj", "xcomp"])
def test_a_finite_verb_as_a_verbs_object_is_a_noun(relation: str) -> None:
    # "Os EUA enviaram ajuda militar à Ucrânia" with "ajuda" tagged the verb "ajudar"
    doc = _morph_doc([
        ("EUA", "PROPN", 1, "nsubj", ""), ("enviaram", "VERB", 1, "ROOT", "VerbForm=Fin"),
        ("ajuda", "VERB", 1, relation, "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"),
        ("militar", "ADJ", 2, "amod", ""),
    ])
    _repair_finite_verb_as_object(doc)
    assert (doc[2].pos_, doc[2].lemma_, doc[2].dep_) == ("NOUN", "ajuda", "obj")


@pytest.mark.parametrize(
    "rows",
    [
        # an infinitive complement is a clause: "decidiu enviar tropas"
        [("decidiu", "VERB", 0, "ROOT", "VerbForm=Fin"), ("enviar", "VERB", 0, "xcomp",
                                                          "VerbForm=Inf")],
        # a finite verb with its own subject is a clause
        [("disse", "VERB", 0, "ROOT", "VerbForm=Fin"), ("Lula", "PROPN", 2, "nsubj", ""),
         ("ajuda", "VERB", 0, "xcomp", "VerbForm=Fin")],
    ],
)
def test_an_infinitive_or_a_verb_with_a_subject_stays_a_verb(
    rows: list[tuple[str, str, int, str, str]],
) -> None:
    doc = _morph_doc(rows)
    _repair_finite_verb_as_object(doc)
    assert doc[len(rows) - 1].pos_ == "VERB"


@pytest.mark.parametrize(
    "text",
    [
        "Os Estados Unidos enviaram ajuda militar à Ucrânia.",
        "O Brasil enviou ajuda militar ao Haiti.",
    ],
)
def test_military_aid_sent_is_aid_not_troops(text: str) -> None:
    article = Article(id="t", text=text, lang="pt", source="test", published=dt.date(2024, 3, 5))
    kinds = {e.type for e in analyze(article, load_kb()).events}
    assert kinds == {EventType.MILITARY_AID}


# -- two coordinated modifiers read as a verb's object and a second verb (session 10) -----------


def test_two_coordinated_modifiers_of_a_noun_are_not_a_second_verb() -> None:
    # "The navy fired a heavy rocket and artillery barrage on the port": "artillery" read as a
    # conjunct of the verb with "barrage" its object
    doc = _morph_doc([
        ("navy", "NOUN", 1, "nsubj", ""), ("fired", "VERB", 1, "ROOT", "VerbForm=Fin"),
        ("a", "DET", 4, "det", ""), ("heavy", "ADJ", 4, "amod", ""),
        ("rocket", "NOUN", 1, "obj", ""), ("and", "CCONJ", 6, "cc", ""),
        ("artillery", "NOUN", 1, "conj", ""), ("barrage", "NOUN", 6, "obj", ""),
        ("on", "ADP", 10, "case", ""), ("the", "DET", 10, "det", ""),
        ("port", "NOUN", 6, "obl", ""),
    ])
    _repair_coordinated_modifiers_read_as_a_verb(doc)
    assert (doc[7].head.i, doc[7].dep_) == (1, "obj")
    assert (doc[4].head.i, doc[4].dep_) == (7, "compound")
    assert doc[6].head.i == 4
    assert doc[2].head.i == 7 and doc[3].head.i == 7
    assert (doc[10].head.i, doc[10].dep_) == (7, "nmod")


def test_a_verb_coordinated_after_its_object_stays_a_verb() -> None:
    # "Kyiv bought rockets and built shelters": a verb conjunct with its own object
    doc = _morph_doc([
        ("Kyiv", "PROPN", 1, "nsubj", ""), ("bought", "VERB", 1, "ROOT", "VerbForm=Fin"),
        ("rockets", "NOUN", 1, "obj", ""), ("and", "CCONJ", 4, "cc", ""),
        ("built", "VERB", 1, "conj", "VerbForm=Fin"), ("shelters", "NOUN", 4, "obj", ""),
    ])
    _repair_coordinated_modifiers_read_as_a_verb(doc)
    assert (doc[5].head.i, doc[2].head.i) == (4, 1)


def test_a_missile_and_drone_attack_on_a_region_is_an_attack_on_its_state() -> None:
    text = (
        "Russia launched a massive missile and drone attack on energy facilities in western"
        " Ukraine."
    )
    article = Article(id="t", text=text, lang="en", source="test", published=dt.date(2025, 1, 16))
    attacks = [e for e in analyze(article, load_kb()).events if e.type is EventType.ATTACK]
    assert [(e.agent, e.recipient) for e in attacks] == [("Q159", "Q212")]


# -- an adverb read as the verb, the verb as its object (session 10) -----------------------------


def test_an_adverb_read_as_the_verb_gives_the_clause_back_to_the_verb() -> None:
    # "Peru firmly rejected the plan": "firmly" the root verb with no features, "rejected" a
    # noun with a participle's features as its first object
    doc = _morph_doc([
        ("Peru", "PROPN", 1, "nsubj", ""), ("firmly", "VERB", 1, "ROOT", ""),
        ("rejected", "NOUN", 1, "obj", "Tense=Past|VerbForm=Part"),
        ("the", "DET", 4, "det", ""), ("plan", "NOUN", 1, "obj", ""),
    ])
    _repair_adverb_read_as_the_verb(doc)
    verb = doc[2]
    assert (verb.pos_, verb.dep_, verb.head.i) == ("VERB", "ROOT", 2)
    assert verb.morph.get("VerbForm") == ["Fin"] and verb.morph.get("Tense") == ["Past"]
    assert (doc[1].pos_, doc[1].dep_, doc[1].head.i) == ("ADV", "advmod", 2)
    assert doc[0].head.i == 2 and (doc[4].head.i, doc[4].dep_) == (2, "obj")


def test_a_verb_with_its_own_tense_keeps_its_object() -> None:
    # "Peru approved amended rules": a participle as an adjective-like object stays
    doc = _morph_doc([
        ("Peru", "PROPN", 1, "nsubj", ""),
        ("approved", "VERB", 1, "ROOT", "Tense=Past|VerbForm=Fin"),
        ("amended", "NOUN", 1, "obj", "Tense=Past|VerbForm=Part"), ("rules", "NOUN", 1, "obj", ""),
    ])
    _repair_adverb_read_as_the_verb(doc)
    assert (doc[1].dep_, doc[2].head.i) == ("ROOT", 1)


def test_a_condemnation_told_with_an_adverb_names_its_target() -> None:
    text = "Canada strongly condemned Russia's strikes on Ukrainian energy infrastructure."
    article = Article(id="t", text=text, lang="en", source="test", published=dt.date(2025, 1, 16))
    found = {(e.type, e.agent, e.recipient) for e in analyze(article, load_kb()).events}
    assert (EventType.CONDEMNATION, "Q16", "Q159") in found


# -- a sentence's only verb read as the adjective of its object (session 10) --------------------


def test_a_verb_read_as_its_objects_adjective_is_the_sentences_verb() -> None:
    # "Turkish jets hit positions in northern Iraq": "jets" the root, "hit" an adjective of
    # "positions", "positions" beside "jets"
    doc = _morph_doc([
        ("Turkish", "ADJ", 1, "amod", ""), ("jets", "NOUN", 1, "ROOT", ""),
        ("hit", "VERB", 3, "amod", "Tense=Past|VerbForm=Part"),
        ("positions", "NOUN", 1, "appos", ""),
        ("in", "ADP", 6, "case", ""), ("northern", "ADJ", 6, "amod", ""),
        ("Iraq", "PROPN", 3, "nmod", ""),
    ])
    _repair_verb_read_as_its_objects_adjective(doc)
    assert (doc[2].dep_, doc[2].head.i) == ("ROOT", 2)
    assert (doc[1].dep_, doc[1].head.i) == ("nsubj", 2)
    assert (doc[3].dep_, doc[3].head.i) == ("obj", 2)
    assert doc[2].morph.get("VerbForm") == ["Fin"]


def test_a_participle_describing_a_noun_in_a_clause_with_a_verb_stays() -> None:
    # "Jets hit the abandoned positions": "abandoned" describes "positions"
    doc = _morph_doc([
        ("Jets", "NOUN", 1, "nsubj", ""), ("hit", "VERB", 1, "ROOT", "Tense=Past|VerbForm=Fin"),
        ("the", "DET", 4, "det", ""), ("abandoned", "VERB", 4, "amod", "VerbForm=Part"),
        ("positions", "NOUN", 1, "obj", ""),
    ])
    _repair_verb_read_as_its_objects_adjective(doc)
    assert (doc[3].dep_, doc[3].head.i) == ("amod", 4)


def test_an_attack_told_with_its_verb_read_as_an_adjective() -> None:
    text = "Israeli forces struck targets in southern Lebanon."
    article = Article(id="t", text=text, lang="en", source="test", published=dt.date(2024, 9, 20))
    found = {(e.type, e.agent, e.recipient) for e in analyze(article, load_kb()).events}
    assert found == {(EventType.ATTACK, "Q801", "Q822")}


def test_a_verb_with_its_own_subject_read_as_the_adjective_of_the_root_is_the_verb() -> None:
    # "The ministry announced visa restrictions": "announced" an adjective of the root
    # "restrictions", with "ministry" its subject
    doc = _morph_doc([
        ("The", "DET", 1, "det", ""), ("ministry", "NOUN", 2, "nsubj", ""),
        ("announced", "VERB", 4, "amod", "Tense=Past|VerbForm=Part"),
        ("visa", "NOUN", 4, "compound", ""), ("restrictions", "NOUN", 4, "ROOT", ""),
        (".", "PUNCT", 4, "punct", ""),
    ])
    _repair_verb_with_a_subject_read_as_an_adjective(doc)
    assert (doc[2].dep_, doc[2].head.i) == ("ROOT", 2)
    assert (doc[4].dep_, doc[4].head.i) == ("obj", 2)
    assert (doc[5].head.i, doc[1].head.i) == (2, 2)
    assert doc[2].morph.get("VerbForm") == ["Fin"]


def test_a_participle_without_a_subject_before_the_root_noun_stays_its_adjective() -> None:
    # "Announced restrictions." (a headline): no subject, so nothing to repair
    doc = _morph_doc([
        ("Announced", "VERB", 1, "amod", "VerbForm=Part"), ("restrictions", "NOUN", 1, "ROOT", ""),
    ])
    _repair_verb_with_a_subject_read_as_an_adjective(doc)
    assert (doc[0].dep_, doc[0].head.i) == ("amod", 1)


def test_a_finite_verb_read_as_the_adjective_of_a_verbless_root_is_the_verb() -> None:
    # "El secretario visitará Argentina, Ecuador": "visitará" an adjective of "secretario"
    doc = _morph_doc([
        ("El", "DET", 1, "det", ""), ("secretario", "NOUN", 1, "ROOT", ""),
        ("visitará", "VERB", 1, "amod", "Mood=Ind|Tense=Fut|VerbForm=Fin"),
        ("Argentina", "PROPN", 1, "appos", ""), (",", "PUNCT", 5, "punct", ""),
        ("Ecuador", "PROPN", 1, "appos", ""),
    ])
    _repair_finite_verb_read_as_a_modifier_of_the_root(doc)
    assert (doc[2].dep_, doc[2].head.i) == ("ROOT", 2)
    assert (doc[1].dep_, doc[1].head.i) == ("nsubj", 2)
    assert [(doc[i].dep_, doc[i].head.i) for i in (3, 5)] == [("obj", 2), ("obj", 2)]


def test_a_participle_adjective_of_a_verbless_root_stays() -> None:
    # "El acuerdo firmado en Lima": "firmado" is no finite verb
    doc = _morph_doc([
        ("El", "DET", 1, "det", ""), ("acuerdo", "NOUN", 1, "ROOT", ""),
        ("firmado", "VERB", 1, "amod", "VerbForm=Part"), ("en", "ADP", 4, "case", ""),
        ("Lima", "PROPN", 2, "obl", ""),
    ])
    _repair_finite_verb_read_as_a_modifier_of_the_root(doc)
    assert (doc[2].dep_, doc[2].head.i) == ("amod", 1)


def test_a_visit_to_several_states_told_after_a_title_and_name() -> None:
    text = "El secretario de Estado Mike Pompeo visitará Argentina, Ecuador, México y El Salvador."
    article = Article(id="t", text=text, lang="es", source="test", published=dt.date(2019, 7, 16))
    found = {(e.type, e.agent, e.recipient) for e in analyze(article, load_kb()).events}
    assert found == {(EventType.VISIT, "Q473239", q) for q in ("Q414", "Q736", "Q96", "Q792")}


def test_a_relative_word_opening_a_complement_clause_is_its_subordinator() -> None:
    # "Os EUA anunciaram que congelaram os bens": "que" read as the relative subject
    doc = _morph_doc([
        ("Os", "DET", 1, "det", ""), ("EUA", "PROPN", 2, "nsubj", ""),
        ("anunciaram", "VERB", 2, "ROOT", ""), ("que", "PRON", 4, "nsubj", "PronType=Rel"),
        ("congelaram", "VERB", 2, "ccomp", ""), ("os", "DET", 6, "det", ""),
        ("bens", "NOUN", 4, "obj", ""),
    ])
    _repair_complementizer_read_as_a_relative_subject(doc)
    assert (doc[3].dep_, doc[3].pos_) == ("mark", "SCONJ")


def test_a_relative_word_of_a_relative_clause_stays_its_subject() -> None:
    # "os bens que pertencem ao chefe": a relative clause, not a complement
    doc = _morph_doc([
        ("os", "DET", 1, "det", ""), ("bens", "NOUN", 1, "ROOT", ""),
        ("que", "PRON", 3, "nsubj", "PronType=Rel"), ("pertencem", "VERB", 1, "acl:relcl", ""),
    ])
    _repair_complementizer_read_as_a_relative_subject(doc)
    assert (doc[2].dep_, doc[2].pos_) == ("nsubj", "PRON")


# -- a relative clause hung on the verb instead of the noun before it (session 10) ---------------


def test_a_relative_clause_hung_on_the_verb_describes_the_noun_before_its_comma() -> None:
    # "Kishida, who met Biden, will travel": "who met" hung on "travel"
    doc = _morph_doc([
        ("Kishida", "PROPN", 6, "nsubj", ""), (",", "PUNCT", 3, "punct", ""),
        ("who", "PRON", 3, "nsubj", "PronType=Rel"), ("met", "VERB", 6, "acl:relcl", ""),
        ("Biden", "PROPN", 3, "obj", ""), ("will", "AUX", 6, "aux", ""),
        ("travel", "VERB", 6, "ROOT", ""),
    ])
    _repair_relative_clause_on_a_verb(doc)
    assert doc[3].head.i == 0


def test_a_clause_opened_by_no_relative_word_stays_on_the_verb() -> None:
    doc = _morph_doc([
        ("Kishida", "PROPN", 6, "nsubj", ""), (",", "PUNCT", 3, "punct", ""),
        ("having", "AUX", 3, "aux", ""), ("met", "VERB", 6, "acl:relcl", ""),
        ("Biden", "PROPN", 3, "obj", ""), ("will", "AUX", 6, "aux", ""),
        ("travel", "VERB", 6, "ROOT", ""),
    ])
    _repair_relative_clause_on_a_verb(doc)
    assert doc[3].head.i == 6


def test_a_leader_who_met_another_before_travelling_met_him() -> None:
    text = "Kishida, who met Biden last month, will travel to Manila next week."
    article = Article(id="t", text=text, lang="en", source="test", published=dt.date(2024, 3, 12))
    found = {(e.type, frozenset(e.participants)) for e in analyze(article, load_kb()).events}
    assert (EventType.MEETING, frozenset({"Q359480", "Q6279"})) in found


def _copular(words: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    # "Lula esteve em Pequim ontem": UD's tree, "Pequim" the root and "esteve" its copula
    return Doc(
        Vocab(),
        words=words,
        heads=[3, 3, 3, 3, 3, 3][: len(words)],
        deps=["nsubj", "cop", "case", "ROOT", "advmod", "punct"][: len(words)],
        pos=pos,
        lemmas=lemmas,
    )


def test_a_copula_of_being_somewhere_becomes_the_verb_that_holds_the_place() -> None:
    doc = _copular(
        ["Lula", "esteve", "em", "Pequim", "ontem", "."],
        ["PROPN", "AUX", "ADP", "PROPN", "ADV", "PUNCT"],
        ["Lula", "estar", "em", "Pequim", "ontem", "."],
    )
    repair_copula_of_a_place(doc, frozenset({"estar"}))
    verb = doc[1]
    assert (verb.dep_, verb.pos_) == ("ROOT", "VERB")
    assert [(t.text, t.dep_) for t in verb.children] == [
        ("Lula", "nsubj"), ("Pequim", "obl"), ("ontem", "advmod"), (".", "punct")
    ]
    assert [t.text for t in doc[3].children] == ["em"]


@pytest.mark.parametrize(
    ("words", "pos", "lemmas"),
    [
        # another copula ("ser"), and a common noun as the predicate ("está em crise")
        (["Lula", "foi", "em", "Pequim"], ["PROPN", "AUX", "ADP", "PROPN"],
         ["Lula", "ser", "em", "Pequim"]),
        (["Brasil", "está", "em", "crise"], ["PROPN", "AUX", "ADP", "NOUN"],
         ["Brasil", "estar", "em", "crise"]),
    ],
)
def test_other_copulas_and_common_nouns_keep_the_predicate(
    words: list[str], pos: list[str], lemmas: list[str]
) -> None:
    doc = _copular(words, pos, lemmas)
    repair_copula_of_a_place(doc, frozenset({"estar"}))
    assert doc[1].dep_ == "cop"


def _perfect(gender: str) -> Doc:
    # "Britain has today sanctioned Russia": "has" the root, "sanctioned" its `xcomp`
    return _morph_doc(
        [
            ("Britain", "PROPN", 1, "nsubj", ""),
            ("has", "VERB", 1, "ROOT", "VerbForm=Fin"),
            ("today", "NOUN", 3, "obl:unmarked", ""),
            ("sanctioned", "VERB", 1, "xcomp", "VerbForm=Part" + gender),
            ("Russia", "PROPN", 3, "obj", ""),
        ]
    )


def test_a_finite_verb_before_adverbials_and_a_participle_is_its_auxiliary() -> None:
    doc = _perfect("")
    _repair_auxiliary_read_as_the_verb(doc)
    assert (doc[3].dep_, doc[1].dep_, doc[1].head.i, doc[0].head.i) == ("ROOT", "aux", 3, 3)


def test_a_participle_that_agrees_is_an_adjective_and_stays() -> None:
    # "ficava tão entediado": a participle with a gender is the verb's complement
    doc = _perfect("|Gender=Masc")
    _repair_auxiliary_read_as_the_verb(doc)
    assert (doc[1].dep_, doc[3].dep_) == ("ROOT", "xcomp")


# (sentence, heads, relations, tags) of a misparse or its twin, and the (word, relation, head)
# the repair must leave
_PURPOSE_CASES = [
    # "Modi flew to Moscow to meet Putin" with "to Moscow" the subject of "meet"
    (["Modi", "flew", "to", "Moscow", "to", "meet", "Putin"], [1, 1, 5, 5, 5, 1, 5],
     ["nsubj", "ROOT", "mark", "nsubj", "mark", "advcl", "obj"],
     ["PROPN", "VERB", "ADP", "PROPN", "PART", "VERB", "PROPN"], [(3, "obl", 1), (2, "case", 3)]),
    # the twin: "for Russia to withdraw" keeps its subject
    (["asked", "for", "Russia", "to", "withdraw"], [0, 4, 4, 4, 0],
     ["ROOT", "mark", "nsubj", "mark", "advcl"], ["VERB", "ADP", "PROPN", "PART", "VERB"],
     [(2, "nsubj", 4)]),
    # "Lula went to Beijing to sign agreements" with "to sign" a clause of "Beijing"
    (["Lula", "went", "to", "Beijing", "to", "sign", "agreements"], [1, 1, 3, 1, 5, 3, 5],
     ["nsubj", "ROOT", "case", "obl", "mark", "xcomp", "obj"],
     ["PROPN", "VERB", "ADP", "PROPN", "PART", "VERB", "NOUN"], [(5, "advcl", 1)]),
]


@pytest.mark.parametrize(("words", "heads", "deps", "pos", "expected"), _PURPOSE_CASES)
def test_a_goal_read_as_the_subject_of_a_purpose_infinitive_goes_back_to_the_verb(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    expected: list[tuple[int, str, int]],
) -> None:
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    repair_goal_read_as_infinitive_subject(doc, frozenset({"for"}))
    assert [(doc[i].dep_, doc[i].head.i) for i, _, _ in expected] == [
        (dep, head) for _, dep, head in expected
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Narendra Modi flew to Moscow to meet President Vladimir Putin.",
        "Emmanuel Macron arrived in Beijing to hold talks with Xi Jinping.",
    ],
)
def test_a_trip_to_meet_someone_is_a_visit_and_a_meeting(text: str) -> None:
    article = Article(id="t", text=text, lang="en", source="test",
                      published=dt.date(2023, 4, 14))
    types = {e.type for e in analyze(article, load_kb()).events}
    assert types == {EventType.VISIT, EventType.MEETING}


def test_a_coordinated_subject_set_off_by_a_comma_keeps_its_verb() -> None:
    # "met" hung as a loose clause (`parataxis`) of the first name: no meeting
    text = ("Indian Foreign Secretary Nirupama Rao and her Pakistani counterpart, Salman Bashir, "
            "met in New Delhi on Tuesday.")
    article = Article(id="t", text=text, lang="en", source="test",
                      published=dt.date(2011, 7, 27))
    meetings = [e for e in analyze(article, load_kb()).events if e.type is EventType.MEETING]
    assert len(meetings) == 1 and "local:nirupama-rao" in meetings[0].participants


def test_a_possessive_clitic_read_as_a_second_subject_marks_the_possessor() -> None:
    # "reaffirmed Israel's right": "Israel" and "'s" both subjects of "right"
    doc = Doc(
        Vocab(),
        words=["reaffirmed", "Israel", "'s", "right"],
        spaces=[True, False, True, False],
        heads=[0, 3, 3, 0],
        deps=["ROOT", "nsubj", "nsubj", "obj"],
        pos=["VERB", "PROPN", "PROPN", "ADJ"],
    )
    _repair_possessive_clitic_read_as_a_word(doc)
    assert (doc[1].dep_, doc[1].head.i) == ("nmod:poss", 3)
    assert (doc[2].dep_, doc[2].head.i) == ("case", 1)


@pytest.mark.parametrize(
    "text",
    ["Germany reaffirmed Israel's right to defend itself.",
     "Germany reaffirmed its support for Israel's right to exist."],
)
def test_reaffirming_a_states_right_backs_the_state(text: str) -> None:
    article = Article(id="t", text=text, lang="en", source="test",
                      published=dt.date(2025, 6, 13))
    support = [(e.agent, e.recipient) for e in analyze(article, load_kb()).events
               if e.type is EventType.SUPPORT]
    assert support == [("Q183", "Q801")]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("The U.S. has also met with North Korea's United Nations ambassador.", "Q423"),
        ("The U.S. has also met with Iran's United Nations ambassador.", "Q794"),
    ],
)
def test_a_possessors_envoy_to_a_body_stands_for_the_possessor(text: str, side: str) -> None:
    # the body compounded with the post ("United Nations ambassador") was taken for the side
    article = Article(id="t", text=text, lang="en", source="test",
                      published=dt.date(2005, 5, 14))
    [meeting] = [e for e in analyze(article, load_kb()).events if e.type is EventType.MEETING]
    assert set(meeting.participants) == {"Q30", side}


def test_a_main_verb_after_a_set_off_phrase_keeps_its_clause_despite_a_relative_below() -> None:
    # "Lula, por sua vez, disse a jornalistas que…" with "disse" a relative clause of
    # "Lula": the "que" of the clause below it was taken for its own relative word
    text = ("Lula, por sua vez, disse a jornalistas que pretende telefonar ao presidente "
            "ucraniano, Volodymyr Zelensky, ainda nesta semana, para contar o que ouviu.")
    article = Article(id="t", text=text, lang="pt", source="test",
                      published=dt.date(2023, 4, 14))
    calls = [(frozenset(e.participants), e.status) for e in analyze(article, load_kb()).events
             if e.type is EventType.PHONE_CALL]
    assert calls == [(frozenset({"Q37181", "Q3874799"}), Status.PLANNED)]


def _said_to_journalists(verb: str, lemma: str, number: str, last: tuple[str, str]) -> Doc:
    """ "disse a jornalistas que <verb> <last>", parsed with the clause a relative one."""
    return Doc(
        Vocab(),
        words=["disse", "a", "jornalistas", "que", verb, last[0]],
        heads=[0, 2, 0, 4, 2, 4],
        deps=["ROOT", "case", "obl", "nsubj", "acl:relcl", last[1]],
        pos=["VERB", "ADP", "NOUN", "PRON", "VERB", "VERB" if last[1] == "xcomp" else "ADV"],
        lemmas=["dizer", "a", "jornalista", "que", lemma, last[0]],
        morphs=["", "", "Number=Plur", "PronType=Rel", f"Number={number}", ""],
    )


def test_a_clause_that_does_not_agree_with_the_addressee_is_what_was_said() -> None:
    from kgload.nlp.parse import repair_complement_read_as_relative

    doc = _said_to_journalists("pretende", "pretender", "Sing", ("viajar", "xcomp"))
    repair_complement_read_as_relative(doc, frozenset({"dizer"}))
    assert (doc[4].dep_, doc[4].head.i, doc[3].dep_) == ("ccomp", 0, "mark")
    # the twin: a verb that agrees with the addressee may well be about them
    doc = _said_to_journalists("estavam", "estar", "Plur", ("lá", "advmod"))
    repair_complement_read_as_relative(doc, frozenset({"dizer"}))
    assert doc[4].dep_ == "acl:relcl"


def test_a_speech_verb_with_a_clause_after_the_last_comma_is_no_trailing_attribution() -> None:
    # ", disse a jornalistas que pretende telefonar…" was cut off as ", disse o Kremlin."
    text = ("Lula, por sua vez, disse a jornalistas que pretende telefonar a Volodymyr Zelensky "
            "nesta semana.")
    article = Article(id="t", text=text, lang="pt", source="test",
                      published=dt.date(2023, 4, 14))
    assert [e.type for e in analyze(article, load_kb()).events] == [EventType.PHONE_CALL]


def test_a_part_of_a_name_with_its_own_case_word_is_a_phrase_of_its_holder() -> None:
    # "o ataque do Irã a Israel" with "a Israel" a `flat` part of "Irã": no target
    doc = _doc([
        ("ataque", 0, "ROOT"), ("do", 2, "case"), ("Irã", 0, "nmod"), ("a", 4, "case"),
        ("Israel", 2, "flat:name"),
    ])
    _repair_flat_name_with_its_own_case(doc)
    assert (doc[4].dep_, doc[4].head.i) == ("nmod", 0)
