"""The future and the conditional of the verbs kgload's grammar knows, read from their endings
where the tagger missed them.

In Portuguese and Spanish both tenses are the infinitive and a fixed ending ("firmar" +
"án", "visitar" + "ia"), or an irregular stem that stands in for the infinitive's end
("tendr" for "tener", "far" for "fazer"). Pipelines trained on a few thousand sentences see
few of these forms: the Spanish one tags a quarter of its test set's futures another tense or
a noun ("firmarán" a noun with the lemma "firmarán"), and an event told in the future then
reads as having happened. The endings and stems are the language's data
(`[morphology]` of the events lexicon); a form is read only when the verb it makes is one
the grammar names (`Grammar.known_verbs`), so "cancillería" or "Irán" stay what they are.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, MorphAnalysis, Token

from kgload.nlp.features import feature_values
from kgload.nlp.grammar import Grammar

__all__ = [
    "infinitive_and_mood",
    "read_first_person_forms",
    "read_future_forms",
    "read_past_forms",
    "read_present_forms",
]

# what the tagger may have called a future or conditional verb it did not know
_RETAGGED = ("VERB", "AUX", "NOUN", "ADJ")


def infinitive_and_mood(form: str, grammar: Grammar) -> tuple[str, str] | None:
    """The known verb and "Fut" or "Cnd" a lowercased form is the future or conditional of,
    else None: "firmarán" → ("firmar", "Fut"), "impondría" → ("imponer", "Cnd")."""
    for endings, mood in ((grammar.future_endings, "Fut"), (grammar.conditional_endings, "Cnd")):
        for ending in endings:
            if not form.endswith(ending) or len(form) - len(ending) < 2:
                continue
            stem = form[: -len(ending)]
            if stem in grammar.known_verbs:
                return stem, mood
            for irregular, infinitive_end in grammar.future_stems:
                if stem.endswith(irregular):
                    verb = stem[: -len(irregular)] + infinitive_end
                    if verb in grammar.known_verbs:
                        return verb, mood
    return None


def read_future_forms(doc: Doc, grammar: Grammar) -> list[Token]:
    """Give each future or conditional form of a known verb its lemma, the part of speech
    VERB and its tense or mood, where the pipeline gave another; a capitalised word inside
    the sentence is a name and stays as it is. Returns the words that were not verbs before
    (read as nouns or adjectives)."""
    retagged: list[Token] = []
    if not grammar.future_endings and not grammar.conditional_endings:
        return retagged
    for token in doc:
        if token.pos_ not in _RETAGGED or (token.i > 0 and token.text[:1].isupper()):
            continue
        found = infinitive_and_mood(token.lower_, grammar)
        if found is None:
            continue
        verb, mood = found
        if token.lemma_.lower() != verb:
            token.lemma_ = verb
        if _has(token, mood):
            continue
        if token.pos_ in ("NOUN", "ADJ"):
            token.pos_ = "VERB"
            retagged.append(token)
        features = {
            key: value
            for key, value in token.morph.to_dict().items()
            if key not in ("Tense", "Mood", "VerbForm", "Gender")
        }
        features["VerbForm"] = "Fin"
        if mood == "Fut":
            features.update(Mood="Ind", Tense="Fut")
        else:
            features["Mood"] = "Cnd"
        token.morph = MorphAnalysis(token.vocab, features)
    return retagged


def _has(token: Token, mood: str) -> bool:
    """The pipeline already read the form's tense or mood."""
    if mood == "Fut":
        return "Fut" in feature_values(token, "Tense")
    return "Cnd" in feature_values(token, "Mood")


def present_infinitive(
    form: str, grammar: Grammar, endings: tuple[tuple[str, str], ...] | None = None
) -> str | None:
    """The known verb a lowercased form is a third person of the present of (or of the tense
    whose `endings` are given), else None: "apoya" → "apoyar", "condenam" → "condenar"."""
    for infinitive_end, ending in grammar.present_endings if endings is None else endings:
        if form.endswith(ending) and len(form) - len(ending) >= 3:
            verb = form[: -len(ending)] + infinitive_end
            if verb in grammar.known_verbs:
                return verb
    return None


def read_past_forms(
    doc: Doc, grammar: Grammar, where: Callable[[Token], bool]
) -> list[Token]:
    """Give each third person of the preterite of a known verb that the tagger read as a noun
    or an adjective where `where` says a verb belongs ("El Consejo de la UE aprobó más
    sanciones" with "aprobó" a noun modifying "Consejo", the sentence's only other words
    nouns) its lemma, the part of speech VERB and the past tense, and return those tokens;
    a capitalised word inside the sentence is a name."""
    found: list[Token] = []
    if not grammar.past_endings:
        return found
    for token in doc:
        if token.pos_ not in ("NOUN", "ADJ", "ADV") or (token.i > 0 and token.text[:1].isupper()):
            continue
        verb = present_infinitive(token.lower_, grammar, grammar.past_endings)
        if verb is None or not where(token):
            continue
        _make_verb(token, verb, "Past")
        found.append(token)
    return found


def read_present_forms(
    doc: Doc, grammar: Grammar, where: Callable[[Token], bool]
) -> list[Token]:
    """Give each present form of a known verb that the tagger read as an adjective, in a place
    `where` says a verb belongs ("Francia apoya a Ucrania" with "apoya" an adjective of the
    root "Francia" and no verb in the sentence), or as an adjective or adverb that roots the
    sentence with a subject of its own ("Lula embarca nesta quarta-feira para a Índia",
    "embarca" an adverb), its lemma, the part of speech VERB and the present tense, and
    return those tokens. Only there: the same forms are nouns ("la visita", "su apoyo") and,
    a few, adjectives of their own ("una política fija", "amplia cooperación"); a capitalised
    word inside the sentence is a name."""
    found: list[Token] = []
    if not grammar.present_endings:
        return found
    for token in doc:
        # (a word in lower case tagged a proper name is a tagging slip too)
        tagged = token.pos_ in ("ADJ", "ADV") or (
            token.pos_ == "PROPN" and token.text[:1].islower()
        )
        if not tagged or (token.i > 0 and token.text[:1].isupper()):
            continue
        verb = present_infinitive(token.lower_, grammar)
        if verb is None or not (where(token) or _root_with_a_subject(token)):
            continue
        _make_verb(token, verb, "Pres")
        found.append(token)
    return found


def read_first_person_forms(doc: Doc, grammar: Grammar) -> list[Token]:
    """Give each first person of a known verb that roots its sentence, read as a name, noun,
    adjective, number or a verb of another person or lemma ("Condeno firmemente el horroroso
    tiroteo", "Apoyamos al pueblo nicaragüense", "Recibí al ministro", "Tuve una reunión con
    …"), the part of speech VERB, its lemma, tense and the first person, and return those
    tokens. Only there, with a complement of its own and no determiner: the same forms are
    nouns ("el apoyo", "nuestro apoyo a Ucrania")."""
    found: list[Token] = []
    if not grammar.first_person_endings and not grammar.first_person_plural_endings:
        return found
    for token in doc:
        if (
            token.dep_ != "ROOT"
            or token.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB", "NUM", "X")
            or any(c.dep_ in ("det", "nmod:poss", "det:poss", "nsubj") for c in token.children)
            or not any(c.dep_.split(":")[0] in ("obj", "obl", "nmod") for c in token.children)
            or any(t.pos_ in ("VERB", "AUX") and t.i != token.i and t.dep_ in ("ccomp", "conj")
                   for t in token.children)
        ):
            continue
        reading = _first_person_reading(token.lower_, grammar)
        if reading is None:
            continue
        verb, tense, number = reading
        if token.lemma_ == verb and "1" in feature_values(token, "Person"):
            continue
        _make_verb(token, verb, tense, person="1", number=number)
        found.append(token)
    return found


def _first_person_reading(form: str, grammar: Grammar) -> tuple[str, str, str] | None:
    """(infinitive, tense, number) of a first person of a known verb, or of one of the
    grammar's irregular first persons, or None."""
    irregular = grammar.first_person_forms.get(form)
    if irregular is not None:
        return irregular
    for endings, tense, number in (
        (grammar.first_person_plural_endings, "Pres", "Plur"),
        (grammar.first_person_endings, "Pres", "Sing"),
        (grammar.first_person_past_endings, "Past", "Sing"),
    ):
        verb = present_infinitive(form, grammar, endings) if endings else None
        if verb is not None:
            return verb, tense, number
    return None


def _make_verb(
    token: Token, verb: str, tense: str, *, person: str = "3", number: str | None = None
) -> None:
    """A form of `verb` in `tense` (a third person unless told) the tagger read as another
    part of speech: its lemma, the part of speech VERB and a finite verb's features."""
    token.lemma_ = verb
    token.pos_ = "VERB"
    features = {
        key: value
        for key, value in token.morph.to_dict().items()
        if key not in ("Tense", "Mood", "VerbForm", "Gender", "Degree")
    }
    features.update(Mood="Ind", Tense=tense, VerbForm="Fin", Person=person)
    if number is not None:
        features["Number"] = number
    token.morph = MorphAnalysis(token.vocab, features)


def _root_with_a_subject(token: Token) -> bool:
    """The root of its sentence with a subject of its own: only a verb has one there."""
    return token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children)
