"""Spanish news as wires and governments write it (issue 9, Spanish pass es3): short-stemmed
triggers with an accented ending ("donó"), a participle that names what was sent ("los misiles
enviados por…"), a treaty described by its verb, a fronted "tras + infinitive" clause, plans
told by an adjective ("tiene previsto", "está dispuesta a"), and the Spanish spellings of
a few states. The sentences are ours, each rule with a twin it must leave alone."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, Event, EventType, Status
from kgload.nlp.grammar import load_grammar
from kgload.nlp.parse import _repair_fronted_infinitive_clause, _repair_object_of_a_case_phrase

SPAIN, UKRAINE, RUSSIA, IRAN, USA = "Q29", "Q212", "Q159", "Q794", "Q30"
FRANCE, ROMANIA, KENYA, HAITI, MACRON, XI = "Q142", "Q218", "Q114", "Q790", "Q3052772", "Q15031"
PUBLISHED = dt.date(2026, 12, 1)


def _events(text: str) -> list[Event]:
    article = Article(id="t", text=text, lang="es", source="test", published=PUBLISHED)
    return list(analyze(article, load_kb()).events)


def _of(text: str, kind: EventType) -> list[tuple[frozenset[str], Status]]:
    return [(frozenset(e.participants), e.status) for e in _events(text) if e.type is kind]


def test_a_trigger_with_a_short_stem_and_an_accented_ending_is_read() -> None:
    assert load_grammar("es").may_hold_event(["españa", "donó", "tanques"])
    assert _of("España donó cuatro tanques a Ucrania.", EventType.MILITARY_AID) == [
        (frozenset({SPAIN, UKRAINE}), Status.OCCURRED)
    ]
    # the twin: food is no military aid
    assert _of("España donó alimentos a Ucrania.", EventType.MILITARY_AID) == []


def test_police_sent_abroad_are_a_deployment() -> None:
    assert _of("Kenia desplegó policías en Haití.", EventType.TROOP_DEPLOYMENT) == [
        (frozenset({KENYA, HAITI}), Status.OCCURRED)
    ]


def test_drones_are_weapons_by_the_lemma_the_lemmatizer_gives() -> None:
    assert "drón" in load_grammar("es").classes["weapons"]


def test_a_participle_names_what_was_sent() -> None:
    text = "Los misiles enviados por Estados Unidos a Ucrania llegaron el lunes."
    assert _of(text, EventType.MILITARY_AID) == [(frozenset({USA, UKRAINE}), Status.OCCURRED)]
    # the twin: letters are no weapons
    text = "Las cartas enviadas por Estados Unidos a Ucrania llegaron el lunes."
    assert _of(text, EventType.MILITARY_AID) == []


def test_a_negated_verb_that_describes_a_treaty_does_not_deny_it() -> None:
    text = "El tratado firmado entre Rusia e Irán no incluye una cláusula de defensa mutua."
    assert _of(text, EventType.AGREEMENT) == [(frozenset({RUSSIA, IRAN}), Status.OCCURRED)]


def test_a_negated_verb_that_tells_the_event_still_denies_it() -> None:
    for text in (
        "La reunión entre Macron y Xi Jinping no se celebró.",
        "La visita de Macron a China no tuvo lugar.",
    ):
        found = [e for e in _events(text) if e.type in (EventType.MEETING, EventType.VISIT)]
        assert found and all(e.status is Status.DENIED for e in found), text


def test_a_plan_told_by_an_adjective_is_no_act() -> None:
    for text in (
        "Macron no tiene previsto reunirse con Xi Jinping.",
        "Francia está dispuesta a enviar tropas a Ucrania.",
    ):
        assert all(e.status is not Status.OCCURRED for e in _events(text)), text
    # the twin: told as done
    assert _of("Francia envió tropas a Ucrania.", EventType.TROOP_DEPLOYMENT) == [
        (frozenset({FRANCE, UKRAINE}), Status.OCCURRED)
    ]


def test_a_fronted_infinitive_clause_takes_the_subject_of_the_clause_after_it() -> None:
    text = "Tras reunirse con Xi Jinping, Macron pidió a China que presione a Rusia."
    assert _of(text, EventType.MEETING) == [(frozenset({MACRON, XI}), Status.OCCURRED)]


def _doc(rows: list[tuple[str, str, int, str, str]]) -> Doc:
    doc = Doc(Vocab(), words=[r[0] for r in rows])
    for token, (_, pos, head, dep, morph) in zip(doc, rows, strict=True):
        token.pos_, token.dep_, token.head = pos, dep, doc[head]
        if morph:
            token.set_morph(morph)
    return doc


def test_an_unlabelled_fronted_infinitive_is_an_adverbial_clause() -> None:
    # "Tras reunirse con Xi, Macron pidió", with "reunirse" left as `dep`
    doc = _doc([
        ("Tras", "ADP", 1, "mark", ""), ("reunirse", "VERB", 6, "dep", "VerbForm=Inf"),
        ("con", "ADP", 3, "case", ""), ("Xi", "PROPN", 1, "obl", ""),
        (",", "PUNCT", 1, "punct", ""), ("Macron", "PROPN", 6, "nsubj", ""),
        ("pidió", "VERB", 6, "ROOT", "VerbForm=Fin"),
    ])
    _repair_fronted_infinitive_clause(doc)
    assert (doc[1].head.i, doc[1].dep_) == (6, "advcl")


def test_an_infinitive_on_its_opening_adverb_goes_to_the_verb() -> None:
    # "Después de reunirse con Lula, Macron viajó", with "reunirse" under "Después"
    doc = _doc([
        ("Después", "ADV", 7, "advmod", ""), ("de", "ADP", 2, "mark", ""),
        ("reunirse", "VERB", 0, "xcomp", "VerbForm=Inf"), ("con", "ADP", 4, "case", ""),
        ("Lula", "PROPN", 2, "obl", ""), (",", "PUNCT", 0, "punct", ""),
        ("Macron", "PROPN", 7, "nsubj", ""), ("viajó", "VERB", 7, "ROOT", "VerbForm=Fin"),
    ])
    _repair_fronted_infinitive_clause(doc)
    assert (doc[2].head.i, doc[2].dep_) == (7, "advcl")
    assert doc[0].head.i == 2


def test_a_fixed_phrase_without_a_comma_keeps_the_tree() -> None:
    # "a partir de 1974 se marchó": no clause set off before the verb
    doc = _doc([
        ("a", "ADP", 1, "mark", ""), ("partir", "VERB", 5, "dep", "VerbForm=Inf"),
        ("de", "ADP", 3, "case", ""), ("1974", "NUM", 1, "obl", ""),
        ("se", "PRON", 5, "expl:pv", ""), ("marchó", "VERB", 5, "ROOT", "VerbForm=Fin"),
    ])
    _repair_fronted_infinitive_clause(doc)
    assert doc[1].dep_ == "dep"


def test_the_object_hung_on_an_oblique_goes_to_the_verb() -> None:
    # "condena con firmeza el ataque", with "ataque" the object of "firmeza"
    doc = _doc([
        ("España", "PROPN", 1, "nsubj", ""), ("condena", "VERB", 1, "ROOT", "VerbForm=Fin"),
        ("con", "ADP", 3, "case", ""), ("firmeza", "NOUN", 1, "obl", ""),
        ("el", "DET", 5, "det", ""), ("ataque", "NOUN", 3, "obj", ""),
    ])
    _repair_object_of_a_case_phrase(doc)
    assert (doc[5].head.i, doc[5].dep_) == (1, "obj")
    assert _of(
        "El Gobierno de España condena con firmeza el ataque de Rusia contra Kiev.",
        EventType.CONDEMNATION,
    ) == [(frozenset({SPAIN, RUSSIA}), Status.OCCURRED)]


def test_spanish_spellings_of_states_are_linked() -> None:
    assert _of("Francia movilizó tropas hacia Rumanía.", EventType.TROOP_DEPLOYMENT) == [
        (frozenset({FRANCE, ROMANIA}), Status.OCCURRED)
    ]
