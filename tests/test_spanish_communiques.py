"""Spanish government communiqués and readouts (the es4 pass): US State Department and embassy
style in Spanish ("El Secretario … se reunió hoy con…", "habló con…", "dio la bienvenida a…",
"El Departamento del Tesoro sancionó a…"), on sentences of our own, each with a negative twin
where the rule could overreach."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgload.extract.analyze import _repair_with_the_grammar, analyze
from kgload.linking.kb import load_kb
from kgload.model import Article, Event, EventType, Status
from kgload.nlp.grammar import load_grammar
from kgload.nlp.parse import _repair_subject_read_as_apposition_of_a_fronted_phrase

US, UKRAINE, RUSSIA, IRAN, CUBA, VENEZUELA = "Q30", "Q212", "Q159", "Q794", "Q241", "Q717"
BLINKEN, RUBIO, BIDEN = "Q7821917", "Q324546", "Q6279"
MILEI, PENA, BORIC, AMLO = "Q52395487", "Q22695687", "Q16297876", "Q318508"


def _doc(rows: list[tuple[str, str, int, str]]) -> Doc:
    return Doc(
        Vocab(),
        words=[w for w, _, _, _ in rows],
        pos=[p for _, p, _, _ in rows],
        heads=[h for _, _, h, _ in rows],
        deps=[d for _, _, _, d in rows],
    )


def _events(text: str) -> list[Event]:
    """Events of one Spanish text published on Wednesday 2024-11-06."""
    article = Article(id="t", text=text, lang="es", source="test", published=dt.date(2024, 11, 6))
    return list(analyze(article, load_kb()).events)


def _has(text: str, kind: EventType, sides: set[str], status: Status = Status.OCCURRED) -> bool:
    return any(
        e.type == kind and sides <= set(e.participants) and e.status == status
        for e in _events(text)
    )


# -- who acts: the US bodies and a titled subject after a fronted phrase -------------------


def test_the_state_and_treasury_departments_act_for_the_united_states() -> None:
    assert _has("El Departamento del Tesoro sancionó hoy a Irán.", EventType.SANCTION, {US, IRAN})
    assert _has(
        "El Departamento de Estado condenó la invasión rusa de Ucrania.",
        EventType.CONDEMNATION,
        {US, RUSSIA},
    )


def test_a_department_of_another_state_is_not_the_united_states() -> None:
    assert not any(
        US in e.participants for e in _events("El Departamento de Defensa de Cuba condenó a Irán.")
    )


def test_the_accented_surname_names_lopez_obrador() -> None:
    assert _has(
        "El presidente Biden sostuvo una llamada telefónica con el presidente López Obrador.",
        EventType.PHONE_CALL,
        {BIDEN, AMLO},
    )


def test_a_titled_name_after_a_fronted_phrase_is_the_subject() -> None:
    # "Durante su visita a Chile, el Secretario Rubio se reunió…" with "Secretario" a conjunct
    # of "Chile"
    doc = _doc([
        ("Durante", "ADP", 2, "case"), ("su", "DET", 2, "det"), ("visita", "NOUN", 10, "obl"),
        ("a", "ADP", 4, "case"), ("Chile", "PROPN", 2, "nmod"), (",", "PUNCT", 7, "punct"),
        ("el", "DET", 7, "det"), ("Secretario", "PROPN", 4, "conj"),
        ("Rubio", "PROPN", 7, "amod"), ("se", "PRON", 10, "expl:pv"),
        ("reunió", "VERB", 10, "ROOT"), (".", "PUNCT", 10, "punct"),
    ])
    _repair_subject_read_as_apposition_of_a_fronted_phrase(doc)
    assert doc[7].dep_ == "nsubj" and doc[7].head.i == 10
    assert _has(
        "Durante su visita a Argentina, el Secretario Rubio se reunió con el presidente Milei.",
        EventType.MEETING,
        {RUBIO, MILEI},
    )


def test_an_apposition_closed_by_a_comma_stays() -> None:
    # "A su lado, Jill, sonrió": Jill is who stood beside him, the verb's subject left out
    doc = _doc([
        ("A", "ADP", 2, "case"), ("su", "DET", 2, "det"), ("lado", "NOUN", 6, "obl"),
        (",", "PUNCT", 4, "punct"), ("Jill", "PROPN", 2, "appos"), (",", "PUNCT", 4, "punct"),
        ("sonrió", "VERB", 6, "ROOT"),
    ])
    _repair_subject_read_as_apposition_of_a_fronted_phrase(doc)
    assert doc[4].dep_ == "appos"
    # "En Lima, el Secretario, reunió…": a title closed by a comma is no fronted subject
    doc = _doc([
        ("En", "ADP", 1, "case"), ("Lima", "PROPN", 6, "obl"), (",", "PUNCT", 4, "punct"),
        ("el", "DET", 4, "det"), ("Secretario", "PROPN", 1, "appos"),
        (",", "PUNCT", 4, "punct"), ("reunió", "VERB", 6, "ROOT"),
    ])
    _repair_subject_read_as_apposition_of_a_fronted_phrase(doc)
    assert doc[4].dep_ == "appos"
    # a list item opened by its coordinator stays one ("a Chile y el Perú se sumaron")
    doc = _doc([
        ("Tras", "ADP", 1, "case"), ("Chile", "PROPN", 6, "obl"), (",", "PUNCT", 4, "punct"),
        ("y", "CCONJ", 4, "cc"), ("Perú", "PROPN", 1, "conj"), ("se", "PRON", 6, "expl:pv"),
        ("sumaron", "VERB", 6, "ROOT"),
    ])
    _repair_subject_read_as_apposition_of_a_fronted_phrase(doc)
    assert doc[4].dep_ == "conj"


# -- readout verbs ------------------------------------------------------------------------


def test_speaking_with_a_leader_is_a_call_in_a_readout() -> None:
    assert _has(
        "El Secretario Rubio habló hoy con el presidente Gabriel Boric sobre Venezuela.",
        EventType.PHONE_CALL,
        {RUBIO, BORIC},
    )


def test_speaking_with_the_press_or_about_a_state_is_no_call() -> None:
    assert not _events("El Secretario Rubio habló con la prensa sobre Venezuela.")
    assert not _has(
        "El Secretario Rubio no habló con el presidente Boric.",
        EventType.PHONE_CALL,
        {RUBIO, BORIC},
    )


def test_welcoming_a_leader_is_a_meeting() -> None:
    assert _has(
        "El Secretario Blinken dio la bienvenida al presidente de Paraguay, Santiago Peña.",
        EventType.MEETING,
        {BLINKEN, PENA},
    )


def test_welcoming_a_secretary_whose_phrase_hangs_on_the_welcome_is_a_meeting() -> None:
    # "a la Secretaria…" hung on "bienvenida", not on "dio"
    assert any(
        e.type == EventType.MEETING and BLINKEN in e.participants
        for e in _events(
            "El Secretario Blinken dio la bienvenida a la Secretaria de Relaciones Exteriores de "
            "México, Alicia Bárcena, al Departamento de Estado."
        )
    )


def test_welcoming_a_state_into_a_body_or_a_leaders_decision_is_no_meeting() -> None:
    for text in (
        "Estados Unidos da la bienvenida a Suecia como miembro de la OTAN.",
        "Estados Unidos da la bienvenida a la decisión del presidente de Chile.",
        "Estados Unidos da la bienvenida al anuncio del presidente Boric.",
    ):
        assert not any(e.type == EventType.MEETING for e in _events(text)), text


def test_leaders_talking_at_a_place_met_there() -> None:
    assert _has(
        "El Secretario Rubio y el presidente Milei conversaron hoy en Buenos Aires sobre comercio.",
        EventType.MEETING,
        {RUBIO, MILEI},
    )


def test_talking_by_phone_is_no_meeting_and_talking_alone_nothing() -> None:
    kinds = {e.type for e in _events(
        "El Secretario Rubio y el presidente Milei conversaron por teléfono sobre comercio."
    )}
    assert EventType.MEETING not in kinds
    assert not _events("El Secretario Rubio conversó con periodistas en Buenos Aires.")


# -- support named in a readout -----------------------------------------------------------


def test_a_firm_support_before_its_noun_is_support() -> None:
    # "firme" tagged a noun heading the object, "apoyo" its adjective
    assert _has(
        "El Secretario reiteró el firme apoyo de Estados Unidos a Ucrania.",
        EventType.SUPPORT,
        {US, UKRAINE},
    )


def test_a_commitment_to_a_state_is_support() -> None:
    assert _has(
        "El Secretario reafirmó el compromiso de Estados Unidos con la seguridad de Ucrania.",
        EventType.SUPPORT,
        {US, UKRAINE},
    )


def test_a_commitment_to_a_cause_or_a_compromise_reached_is_no_support() -> None:
    assert not _events("Estados Unidos celebra el compromiso de Argentina con la democracia.")
    assert not any(
        e.type == EventType.SUPPORT for e in _events("Rusia y Ucrania alcanzaron un compromiso.")
    )


# -- the no-event side -------------------------------------------------------------------


def test_a_status_verb_read_as_an_auxiliary_keeps_its_meaning() -> None:
    # "considera" tagged an auxiliary of "enviar", its lemma left as the form
    text = "El Secretario afirmó que Estados Unidos considera enviar más misiles a Ucrania."
    assert not _has(text, EventType.MILITARY_AID, {US, UKRAINE})
    assert _has(text, EventType.MILITARY_AID, {US, UKRAINE}, Status.SPECULATIVE)


def test_a_real_auxiliary_leaves_the_act_done() -> None:
    assert _has(
        "El Secretario afirmó que Estados Unidos ha enviado misiles a Ucrania.",
        EventType.MILITARY_AID,
        {US, UKRAINE},
    )


def test_a_travel_advice_is_no_journey() -> None:
    text = "El Departamento de Estado desaconseja viajar a Venezuela."
    assert not _has(text, EventType.VISIT, {US, VENEZUELA})
    assert _has("El Departamento de Estado viajó a Venezuela.", EventType.VISIT, {US, VENEZUELA})


# -- attacks a condemnation names in a relative clause -----------------------------------


def test_an_attack_a_relative_clause_tells_is_the_doers() -> None:
    for text in (
        # "que Rusia lanzó…" read as a complement clause of "condena", "con misiles" its oblique
        "Estados Unidos condena el ataque con misiles que Rusia lanzó contra Kiev.",
        # the clause hung on "misiles", a plural its singular verb does not agree with
        "Estados Unidos condena en los términos más enérgicos el ataque con misiles que Rusia "
        "lanzó el lunes contra un hospital en Kiev.",
        "Estados Unidos condena los ataques que Rusia perpetró contra Ucrania.",
    ):
        assert _has(text, EventType.ATTACK, {RUSSIA, UKRAINE}), text
        assert _has(text, EventType.CONDEMNATION, {US, RUSSIA}), text


def test_a_relative_clause_of_another_noun_names_no_attacker() -> None:
    # "que huían de Rusia" describes the civilians (plural, as its verb)
    text = "Estados Unidos condena el ataque contra los civiles que huían de Rusia."
    assert not any(e.type == EventType.ATTACK and RUSSIA in e.participants for e in _events(text))


def test_a_complement_clause_after_a_plain_object_stays() -> None:
    # a noun that names no event: "el informe que Rusia publicó" is nobody's attack
    text = "Estados Unidos leyó el informe con atención que Rusia publicó sobre Ucrania."
    assert not any(e.type == EventType.ATTACK for e in _events(text))


def test_only_an_event_noun_read_as_an_adjective_heads_its_phrase() -> None:
    rows = [
        ("Cuba", "PROPN", 1, "nsubj"), ("reiteró", "VERB", 1, "ROOT"), ("el", "DET", 3, "det"),
        ("firme", "NOUN", 1, "obj"), ("apoyo", "NOUN", 3, "amod"), ("a", "ADP", 6, "case"),
        ("Venezuela", "PROPN", 3, "nmod"),
    ]
    doc = _doc(rows)
    lemmas = ["cuba", "reiterar", "el", "firme", "apoyo", "a", "venezuela"]
    for token, lemma in zip(doc, lemmas, strict=True):
        token.lemma_ = lemma
    _repair_with_the_grammar(doc, load_grammar("es"))
    assert (doc[4].dep_, doc[4].head.i) == ("obj", 1)
    assert (doc[3].dep_, doc[3].head.i) == ("amod", 4) and doc[6].head.i == 4
    # "el Gobierno francés" with "francés" tagged a noun: no event noun, the tree stays
    doc = _doc([
        ("el", "DET", 1, "det"), ("Gobierno", "NOUN", 3, "nsubj"), ("francés", "NOUN", 1, "amod"),
        ("habló", "VERB", 3, "ROOT"),
    ])
    doc[1].lemma_, doc[2].lemma_ = "gobierno", "francés"
    _repair_with_the_grammar(doc, load_grammar("es"))
    assert doc[2].dep_ == "amod" and doc[2].head.i == 1


def test_a_future_trigger_verb_read_as_a_copula_is_the_verb() -> None:
    # "enviará" labelled the copula of "sistemas"
    assert _has(
        "Estados Unidos enviará sistemas de defensa aérea a Ucrania.",
        EventType.MILITARY_AID,
        {US, UKRAINE},
        Status.PLANNED,
    )


def test_a_copula_of_a_place_stays_a_copula() -> None:
    # "estará en Caracas": a place with its case word, no object
    assert not any(
        e.type == EventType.MILITARY_AID
        for e in _events("Estados Unidos estará en Caracas con sistemas de defensa.")
    )


def test_an_unseen_form_of_a_verb_of_refusal_keeps_its_meaning() -> None:
    # "abstenga", a subjunctive the lemmatizer leaves as it is, read by the stem of "abstener"
    text = "Estados Unidos pidió a Irán que se abstenga de atacar a Israel."
    assert not any(
        e.type == EventType.ATTACK and e.status == Status.OCCURRED for e in _events(text)
    )
    assert any(e.type == EventType.ATTACK for e in _events("Irán decidió atacar a Israel."))


def test_a_target_hung_on_the_kind_of_measure_is_the_sanctions() -> None:
    assert _has(
        "El Departamento de Estado impuso restricciones de visa a 12 funcionarios cubanos.",
        EventType.SANCTION,
        {US, CUBA},
    )


def test_a_recipient_deeper_in_the_kind_of_measure_is_no_target() -> None:
    # "a la agresión contra Ucrania" hangs on "respuesta", not on "carácter"
    text = (
        "Estados Unidos impuso sanciones de carácter económico en respuesta a la agresión "
        "contra Ucrania."
    )
    assert not _has(text, EventType.SANCTION, {US, UKRAINE})
