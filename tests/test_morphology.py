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
from kgload.model import Article, EventType, Status
from kgload.nlp.grammar import load_grammar
from kgload.nlp.morphology import (
    infinitive_and_mood,
    read_first_person_forms,
    read_future_forms,
    read_past_forms,
    read_present_forms,
)
from kgload.nlp.parse import (
    modifier_of_a_verbless_root,
    repair_verb_read_as_a_modifier_of_the_root,
)


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


# -- a present form read as an adjective of a verbless sentence's root (session 10) ------------


def _tree(words: list[str], rows: list[tuple[str, str, int, str]]) -> Doc:
    return Doc(
        spacy.blank("es").vocab,
        words=words,
        pos=[p for p, _, _, _ in rows],
        lemmas=[lemma for _, lemma, _, _ in rows],
        heads=[h for _, _, h, _ in rows],
        deps=[d for _, _, _, d in rows],
    )


def test_a_present_form_read_as_the_roots_adjective_is_the_verb() -> None:
    # "Chile respalda a Argentina" with "Chile" the root and "respalda" its adjective
    doc = _tree(
        ["Chile", "respalda", "a", "Argentina", "."],
        [("PROPN", "chile", 0, "ROOT"), ("ADJ", "respaldo", 0, "amod"), ("ADP", "a", 3, "case"),
         ("PROPN", "argentina", 0, "nmod"), ("PUNCT", ".", 0, "punct")],
    )
    (verb,) = read_present_forms(doc, load_grammar("es"), modifier_of_a_verbless_root)
    repair_verb_read_as_a_modifier_of_the_root(verb)
    assert (verb.pos_, verb.lemma_, verb.dep_) == ("VERB", "respaldar", "ROOT")
    assert verb.morph.get("Tense") == ["Pres"]
    assert (doc[0].head.i, doc[0].dep_) == (1, "nsubj")
    assert (doc[3].head.i, doc[3].dep_) == (1, "obl")


def test_verbs_of_subordinate_and_later_coordinated_clauses_leave_the_verb_its_place() -> None:
    # "Chile respalda a Argentina, y seguirá haciéndolo hasta que termine": "seguirá" is the
    # copula of a clause coordinated after "respalda", "termine" opened by "que"
    doc = _tree(
        ["Chile", "respalda", "a", "Argentina", ",", "y", "seguirá", "haciéndolo", "hasta",
         "que", "termine"],
        [("PROPN", "chile", 0, "ROOT"), ("ADJ", "respaldo", 0, "amod"), ("ADP", "a", 3, "case"),
         ("PROPN", "argentina", 1, "nmod"), ("PUNCT", ",", 7, "punct"), ("CCONJ", "y", 7, "cc"),
         ("AUX", "seguir", 7, "cop"), ("ADV", "haciéndolo", 0, "conj"),
         ("ADP", "hasta", 10, "case"), ("SCONJ", "que", 10, "mark"),
         ("VERB", "terminar", 0, "advcl")],
    )
    (verb,) = read_present_forms(doc, load_grammar("es"), modifier_of_a_verbless_root)
    assert verb.i == 1


def test_a_verb_of_the_sentence_itself_keeps_a_present_form_an_adjective() -> None:
    # "Chile respalda a Argentina, dijo": "dijo" hangs on the root with no subordinator
    doc = _tree(
        ["Chile", "respalda", "a", "Argentina", ",", "dijo"],
        [("PROPN", "chile", 0, "ROOT"), ("ADJ", "respaldo", 0, "amod"), ("ADP", "a", 3, "case"),
         ("PROPN", "argentina", 1, "nmod"), ("PUNCT", ",", 5, "punct"),
         ("VERB", "decir", 0, "parataxis")],
    )
    assert read_present_forms(doc, load_grammar("es"), modifier_of_a_verbless_root) == []


def test_a_preterite_read_as_a_noun_of_a_verbless_root_is_the_verb() -> None:
    # "El Consejo aprobó sanciones" with "aprobó" a noun modifying the root "Consejo"
    doc = _tree(
        ["El", "Consejo", "aprobó", "sanciones"],
        [("DET", "el", 1, "det"), ("NOUN", "consejo", 1, "ROOT"), ("NOUN", "aprobó", 1, "amod"),
         ("NOUN", "sanción", 1, "appos")],
    )
    (verb,) = read_past_forms(doc, load_grammar("es"), modifier_of_a_verbless_root)
    assert (verb.pos_, verb.lemma_, verb.morph.get("Tense")) == ("VERB", "aprobar", ["Past"])


def test_a_noun_ending_like_a_preterite_stays_a_noun_where_a_verb_is() -> None:
    # "El Gobierno firmó el acuerdo": a verb holds the sentence, nothing to read
    doc = _tree(
        ["El", "Gobierno", "firmó", "el", "acuerdo"],
        [("DET", "el", 1, "det"), ("PROPN", "gobierno", 2, "nsubj"),
         ("VERB", "firmar", 2, "ROOT"), ("DET", "el", 4, "det"), ("NOUN", "acuerdo", 2, "obj")],
    )
    assert read_past_forms(doc, load_grammar("es"), modifier_of_a_verbless_root) == []


def test_sanctions_approved_after_a_wire_dateline() -> None:
    text = "Bruselas (EuroEFE).- El Consejo de la UE aprobó más sanciones contra Rusia."
    article = Article(id="t", text=text, lang="es", source="test", published=dt.date(2024, 3, 5))
    assert [(e.agent, e.recipient) for e in analyze(article, load_kb()).events] == [
        ("Q458", "Q159")
    ]


def test_a_first_person_read_as_a_name_rooting_its_sentence_is_the_verb() -> None:
    # "Condeno firmemente el ataque" with "Condeno" a proper name and the root
    doc = _tree(
        ["Condeno", "firmemente", "el", "ataque"],
        [("PROPN", "condeno", 0, "ROOT"), ("ADV", "firmemente", 3, "advmod"),
         ("DET", "el", 3, "det"), ("NOUN", "ataque", 0, "obj")],
    )
    (verb,) = read_first_person_forms(doc, load_grammar("es"))
    assert (verb.pos_, verb.lemma_) == ("VERB", "condenar")
    assert (verb.morph.get("Person"), verb.morph.get("Number")) == (["1"], ["Sing"])


def test_a_noun_spelled_like_a_first_person_keeps_its_determiner_and_stays() -> None:
    # "El apoyo de Brasil a Ucrania": a noun with its article, no verb
    doc = _tree(
        ["El", "apoyo", "a", "Ucrania"],
        [("DET", "el", 1, "det"), ("NOUN", "apoyo", 1, "ROOT"), ("ADP", "a", 3, "case"),
         ("PROPN", "ucrania", 1, "nmod")],
    )
    assert read_first_person_forms(doc, load_grammar("es")) == []


@pytest.mark.parametrize(
    ("text", "kind", "pair"),
    [
        ("Condenamos el ataque contra la embajada de Francia en Túnez.",
         EventType.CONDEMNATION, ("Q30", None)),
        ("Apoyamos al pueblo nicaragüense en sus llamamientos a la democracia.",
         EventType.SUPPORT, ("Q30", "Q811")),
    ],
)
def test_a_governments_first_person_statement_is_its_own(
    text: str, kind: EventType, pair: tuple[str, str | None]
) -> None:
    article = Article(id="t", text=text, lang="es", source="test", published=dt.date(2024, 3, 5),
                      url="https://www.state.gov/statement")
    found = [(e.agent, e.recipient) for e in analyze(article, load_kb()).events if e.type is kind]
    assert found == [pair]


@pytest.mark.parametrize(
    ("words", "rows", "reading"),
    [
        # "Recibí al ministro": a verb with the lemmatizer's form for a lemma
        (
            ["Recibí", "al", "ministro"],
            [("VERB", "recibí", 0, "ROOT"), ("ADP", "a el", 2, "case"),
             ("NOUN", "ministro", 0, "obl")],
            ("recibir", ["Past"], ["Sing"]),
        ),
        # "Tuve una reunión": an irregular light verb read as a number
        (
            ["Tuve", "una", "reunión"],
            [("NUM", "tuve", 0, "ROOT"), ("DET", "uno", 2, "det"), ("NOUN", "reunión", 0, "obj")],
            ("tener", ["Past"], ["Sing"]),
        ),
    ],
)
def test_a_first_person_of_the_preterite_rooting_its_sentence_is_the_verb(
    words: list[str],
    rows: list[tuple[str, str, int, str]],
    reading: tuple[str, list[str], list[str]],
) -> None:
    (verb,) = read_first_person_forms(_tree(words, rows), load_grammar("es"))
    assert (verb.lemma_, verb.morph.get("Tense"), verb.morph.get("Number")) == reading
    assert (verb.pos_, verb.morph.get("Person")) == ("VERB", ["1"])


_TURN = "SECRETARIO BLINKEN: Es un placer estar aquí con mi colega Marcelo Ebrard. "


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (_TURN + "Hoy recibí al ministro Marcelo Ebrard.", [{"Q7821917", "Q1396586"}]),
        (_TURN + "Tuve una reunión con el ministro Marcelo Ebrard.", [{"Q7821917", "Q1396586"}]),
        # "we" meet: the speaker's side and the person of another state the turn named
        (_TURN + "Nos reunimos para hablar de comercio.", [{"Q30", "Q1396586"}]),
        # nobody of another state named before: no one to have met
        ("SECRETARIO BLINKEN: Buenas tardes. Nos reunimos para hablar de comercio.", []),
    ],
)
def test_a_speakers_first_person_talk_is_with_the_person_they_named(
    text: str, sides: list[set[str]]
) -> None:
    article = Article(id="t", text=text, lang="es", source="test", published=dt.date(2022, 5, 3),
                      url="https://www.state.gov/remarks")
    found = [set(e.participants) for e in analyze(article, load_kb()).events]
    assert found == sides


def test_an_adjective_that_is_also_a_present_form_stays_where_a_verb_is() -> None:
    # "El Gobierno mantiene una política fija": "fija" is an adjective here, a verb has its place
    doc = _tree(
        ["El", "Gobierno", "mantiene", "una", "política", "fija"],
        [("DET", "el", 1, "det"), ("PROPN", "gobierno", 2, "nsubj"),
         ("VERB", "mantener", 2, "ROOT"), ("DET", "uno", 4, "det"), ("NOUN", "política", 2, "obj"),
         ("ADJ", "fijo", 4, "amod")],
    )
    assert read_present_forms(doc, load_grammar("es"), modifier_of_a_verbless_root) == []
    assert doc[5].pos_ == "ADJ"


@pytest.mark.parametrize(
    ("lang", "text", "pair"),
    [
        ("es", "Francia apoya a Ucrania.", ("Q142", "Q212")),
        ("es", "Chile respalda a Argentina.", ("Q298", "Q414")),
    ],
)
def test_support_told_in_a_short_present_sentence(
    lang: str, text: str, pair: tuple[str, str]
) -> None:
    article = Article(id="t", text=text, lang=lang, source="test", published=dt.date(2024, 3, 5))
    assert [(e.agent, e.recipient) for e in analyze(article, load_kb()).events] == [pair]


def test_a_present_form_read_as_an_adverb_rooting_a_clause_with_a_subject_is_the_verb() -> None:
    # "Lula embarca para a Índia" with "embarca" an adverb and the root
    doc = _tree(
        ["Lula", "embarca", "para", "a", "Índia"],
        [("PROPN", "lula", 1, "nsubj"), ("ADV", "embarca", 1, "ROOT"), ("ADP", "para", 4, "case"),
         ("DET", "o", 4, "det"), ("PROPN", "índia", 1, "obl")],
    )
    (verb,) = read_present_forms(doc, load_grammar("pt"), modifier_of_a_verbless_root)
    assert (verb.pos_, verb.lemma_) == ("VERB", "embarcar")


def test_a_trip_told_with_its_verb_read_as_an_adverb_is_a_visit() -> None:
    text = "Lula embarca nesta quarta-feira para a Índia, onde participará da cúpula do G20."
    article = Article(id="t", text=text, lang="pt", source="test", published=dt.date(2024, 3, 12))
    kinds = {(e.type, e.agent, e.recipient) for e in analyze(article, load_kb()).events}
    assert (EventType.VISIT, "Q37181", "Q668") in kinds
