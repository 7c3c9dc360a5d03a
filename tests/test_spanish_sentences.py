"""Spanish news as wires and governments write it (issue 9, Spanish pass es3): short-stemmed
triggers with an accented ending ("donó"), a participle that names what was sent ("los misiles
enviados por…"), a treaty described by its verb, a fronted "tras + infinitive" clause, plans
told by an adjective ("tiene previsto", "está dispuesta a"), and the Spanish spellings of
a few states. The sentences are ours, each rule with a twin it must leave alone."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgload.extract.analyze import analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, Event, EventType, Status
from kgload.nlp.grammar import load_grammar
from kgload.nlp.morphology import read_future_forms
from kgload.nlp.parse import (
    _repair_fronted_infinitive_clause,
    _repair_object_of_a_case_phrase,
    _repair_object_of_an_object,
    _repair_object_read_as_an_adjective_of_a_name,
    _repair_relative_word_read_as_a_subordinator,
)

SPAIN, UKRAINE, RUSSIA, IRAN, USA = "Q29", "Q212", "Q159", "Q794", "Q30"
FRANCE, ROMANIA, KENYA, HAITI, MACRON, XI = "Q142", "Q218", "Q114", "Q790", "Q3052772", "Q15031"
TRUMP, UK = "Q22686", "Q145"
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


def test_a_relative_clause_set_off_after_the_subject_keeps_the_speech_verb_after_it() -> None:
    # ", anunció más ayuda." is no tail attribution: the relative clause closes at the comma
    text = "Francia, que apoya a Ucrania desde 2022, anunció más ayuda."
    assert _of(text, EventType.SUPPORT) == [(frozenset({FRANCE, UKRAINE}), Status.OCCURRED)]


def test_a_relative_word_read_as_a_subordinator_is_the_clauses_subject() -> None:
    # "Francia, que apoya a Ucrania", with "que" a `mark` of the relative clause
    doc = _doc([
        ("Francia", "PROPN", 0, "ROOT", ""), (",", "PUNCT", 3, "punct", ""),
        ("que", "SCONJ", 3, "mark", ""), ("apoya", "VERB", 0, "acl:relcl", "Mood=Ind"),
        ("a", "ADP", 5, "case", ""), ("Ucrania", "PROPN", 3, "obl", ""),
    ])
    _repair_relative_word_read_as_a_subordinator(doc)
    assert doc[2].dep_ == "nsubj"


def test_a_subjunctive_wish_after_a_name_keeps_its_subordinator() -> None:
    # "Com a intervenção no Rio, que se cuide o resto do país!"
    doc = _doc([
        ("Rio", "PROPN", 0, "ROOT", ""), (",", "PUNCT", 3, "punct", ""),
        ("que", "SCONJ", 3, "mark", ""), ("cuide", "VERB", 0, "acl:relcl", "Mood=Sub"),
    ])
    _repair_relative_word_read_as_a_subordinator(doc)
    assert doc[2].dep_ == "mark"


def test_a_plural_adjective_after_a_singular_name_is_the_verbs_object() -> None:
    # "le envió a Ucrania misiles", with "misiles" an adjective of "Ucrania"
    doc = _doc([
        ("envió", "VERB", 0, "ROOT", "VerbForm=Fin"), ("a", "ADP", 2, "case", ""),
        ("Ucrania", "PROPN", 0, "obl", "Number=Sing"),
        ("misiles", "ADJ", 2, "amod", "Number=Plur"),
    ])
    _repair_object_read_as_an_adjective_of_a_name(doc)
    assert (doc[3].head.i, doc[3].dep_, doc[3].pos_) == (0, "obj", "NOUN")
    assert _of(
        "Estados Unidos le envió a Ucrania misiles de largo alcance.", EventType.MILITARY_AID
    ) == [(frozenset({USA, UKRAINE}), Status.OCCURRED)]
    assert _of(
        "El Reino Unido ha entregado a Ucrania misiles Storm Shadow.", EventType.MILITARY_AID
    ) == [(frozenset({UK, UKRAINE}), Status.OCCURRED)]


def test_an_adjective_that_agrees_with_the_name_stays_its_own() -> None:
    # "viajó a Ucrania occidental": an adjective of the name
    doc = _doc([
        ("viajó", "VERB", 0, "ROOT", "VerbForm=Fin"), ("a", "ADP", 2, "case", ""),
        ("Ucrania", "PROPN", 0, "obl", "Number=Sing"),
        ("occidental", "ADJ", 2, "amod", "Number=Sing"),
    ])
    _repair_object_read_as_an_adjective_of_a_name(doc)
    assert (doc[3].head.i, doc[3].dep_) == (2, "amod")


def test_the_object_of_an_object_is_the_verbs() -> None:
    # "sostuvieron el viernes una conversación", with "conversación" under "viernes"
    doc = _doc([
        ("sostuvieron", "VERB", 0, "ROOT", "VerbForm=Fin"), ("el", "DET", 2, "det", ""),
        ("viernes", "NOUN", 0, "obj", ""), ("una", "DET", 4, "det", ""),
        ("conversación", "NOUN", 2, "obj", ""),
    ])
    _repair_object_of_an_object(doc)
    assert (doc[4].head.i, doc[4].dep_) == (0, "obj")
    assert doc[2].dep_ == "obl"
    text = "Xi Jinping y Donald Trump sostuvieron el viernes una conversación telefónica."
    assert _of(text, EventType.PHONE_CALL) == [(frozenset({XI, TRUMP}), Status.OCCURRED)]


def test_to_convey_something_to_a_leader_is_no_journey() -> None:
    text = "Macron le trasladó a Xi Jinping su preocupación por Ucrania."
    assert _of(text, EventType.VISIT) == []
    # the twin: moved to a place
    assert _of("Macron se trasladó a Ucrania.", EventType.VISIT) == [
        (frozenset({MACRON, UKRAINE}), Status.OCCURRED)
    ]


COLOMBIA, VENEZUELA, BRAZIL = "Q739", "Q717", "Q155"


def test_a_future_verb_read_as_a_copula_is_the_clauses_verb() -> None:
    # "firmarán" tagged an adjective and labelled the copula of "acuerdo"
    text = "Colombia y Venezuela firmarán un acuerdo de comercio el próximo mes."
    assert _of(text, EventType.AGREEMENT) == [
        (frozenset({COLOMBIA, VENEZUELA}), Status.PLANNED)
    ]


def test_a_copula_the_parser_tagged_a_verb_is_left_alone() -> None:
    # "que este sea uno de los fichajes": only a form kgload read as a lexical verb moves
    doc = _doc([
        ("este", "PRON", 2, "nsubj", ""), ("sea", "VERB", 2, "cop", "Mood=Sub"),
        ("uno", "NOUN", 2, "ROOT", ""),
    ])
    assert read_future_forms(doc, load_grammar("es")) == []


def test_to_abstain_from_condemning_is_no_condemnation() -> None:
    statuses = [s for _, s in _of("Brasil se abstuvo de condenar a Rusia.", EventType.CONDEMNATION)]
    assert Status.OCCURRED not in statuses
    # the twin
    assert _of("Brasil condenó a Rusia.", EventType.CONDEMNATION) == [
        (frozenset({BRAZIL, RUSSIA}), Status.OCCURRED)
    ]


def test_a_plural_the_lemmatizer_left_as_it_is_still_names_its_class() -> None:
    # "sanciones" kept as its own lemma before "el martes": "imponer+@sanction" found nothing
    grammar = load_grammar("es")
    assert {"sanciones", "restricciones"} <= grammar.classes["sanction"]
    assert _of("Estados Unidos impuso sanciones el martes a Rusia.", EventType.SANCTION) == [
        (frozenset({USA, RUSSIA}), Status.OCCURRED)
    ]
    # the twin: a plain plural in "s" is read as before, and a name keeps its own spelling
    assert "medidas" not in grammar.classes["sanction"]
    assert load_grammar("pt").classes["sanction"] >= {"sanções", "restrições"}


def test_the_of_phrase_after_an_event_noun_object_is_the_nouns() -> None:
    # "de seis tanques" parsed as an oblique of "anunció": the shipment had no goods, so no aid
    assert _of(
        "El Gobierno español anunció el envío de seis tanques Leopard a Ucrania.",
        EventType.MILITARY_AID,
    ) == [(frozenset({SPAIN, UKRAINE}), Status.OCCURRED)]


def test_an_of_phrase_after_a_plain_object_stays_the_verbs() -> None:
    from kgload.nlp.parse import repair_of_phrase_of_an_event_noun

    # "retiró las tropas de Siria": "de Siria" is where they leave from, and "tropas" no event
    doc = Doc(
        Vocab(),
        words=["retiró", "las", "tropas", "de", "Siria"],
        heads=[0, 2, 0, 4, 0],
        deps=["ROOT", "det", "obj", "case", "obl"],
        pos=["VERB", "DET", "NOUN", "ADP", "PROPN"],
    )
    repair_of_phrase_of_an_event_noun(doc, load_grammar("es").nouns, frozenset({"de"}))
    assert (doc[4].dep_, doc[4].head.i) == ("obl", 0)



def test_the_to_phrase_after_an_event_noun_oblique_is_the_nouns() -> None:
    from kgload.nlp.parse import repair_of_phrase_of_an_event_noun

    # "no vacilará en su apoyo al pueblo": "al pueblo" parsed as an oblique of "vacilará"
    doc = Doc(
        Vocab(),
        words=["no", "vacilará", "en", "su", "apoyo", "al", "pueblo"],
        heads=[1, 1, 4, 4, 1, 6, 1],
        deps=["advmod", "ROOT", "case", "det", "obl", "case", "obl"],
        pos=["ADV", "VERB", "ADP", "DET", "NOUN", "ADP", "NOUN"],
    )
    repair_of_phrase_of_an_event_noun(doc, load_grammar("es").nouns, frozenset({"de", "al"}))
    assert (doc[6].dep_, doc[6].head.i) == ("nmod", 4)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "holder"),
    [
        # "…no início das conversações terça-feira entre Lula e Biden": a "between" phrase of
        # two sides after a talk noun nested in a phrase of the verb, a bare date between
        (
            ["feito", "no", "início", "das", "conversações", "terça-feira", "entre", "Lula", "e",
             "Biden"],
            [0, 2, 0, 4, 2, 0, 7, 0, 9, 7],
            ["ROOT", "case", "obl", "case", "nmod", "obl", "case", "obl", "cc", "conj"],
            ["VERB", "ADP", "NOUN", "ADP", "NOUN", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN"],
            4,
        ),
        # "valoriza a parceria com Angola": one side only, the phrase stays the verb's
        (
            ["valoriza", "a", "parceria", "com", "Angola"],
            [0, 2, 0, 4, 0],
            ["ROOT", "det", "obj", "case", "obl"],
            ["VERB", "DET", "NOUN", "ADP", "PROPN"],
            0,
        ),
    ],
)
def test_a_between_phrase_of_two_sides_after_a_talk_noun_is_the_nouns(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], holder: int
) -> None:
    from kgload.nlp.parse import repair_of_phrase_of_an_event_noun

    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    grammar = load_grammar("pt")
    repair_of_phrase_of_an_event_noun(
        doc, grammar.nouns, frozenset({"de"}), grammar.markers["partner"]
    )
    side = next(t for t in doc if t.text in ("Lula", "Angola"))
    assert side.head.i == holder


def test_a_spaced_abbreviation_kept_as_one_token_is_parsed_as_a_plural_name() -> None:
    # "EE. UU." reached the parser as one token, tagged punctuation: the government of the
    # United States was nobody, so the sanction had no agent
    assert [p for p, _ in _of("El gobierno de los EE. UU. ha sancionado a Rusia.",
                              EventType.SANCTION)] == [frozenset({USA, RUSSIA})]


def test_an_abbreviation_set_off_after_its_name_is_not_read_as_the_end_of_the_subject() -> None:
    # ", OEA," split the subject from "visita", then tagged a name in a sentence whose only
    # other verb is an infinitive: no visit
    text = ("Una delegación de la Organización de los Estados Americanos, OEA, visita Bolivia "
            "este lunes, para conversar con el gobierno.")
    assert [p for p, _ in _of(text, EventType.VISIT)] == [frozenset({"Q123759", "Q750"})]


def test_establishing_restrictions_imposes_them() -> None:
    assert [p for p, _ in _of("Estados Unidos estableció restricciones de visa a ocho "
                              "funcionarios cubanos.", EventType.SANCTION)] == [
        frozenset({USA, "Q241"})
    ]


def test_a_one_word_state_opening_its_sentence_is_parsed_as_a_familiar_name() -> None:
    # "Irán" opening the sentence was tagged an adverb, and the support had no doer
    assert _of("Irán ha mantenido su firme apoyo a Siria.", EventType.SUPPORT) == [
        (frozenset({"Q794", "Q858"}), Status.OCCURRED)
    ]
