"""Per-language event grammars (`kgload/nlp/lexicons/events_<lang>.toml`): trigger lemmas per
event type with the dependents they need, word classes, case markers, status and attribution
words. The syntactic rules that read them (`kgload.extract`) hold for every language; adding a
language means adding a file.

A trigger is written ``lemma`` or ``lemma+REQ+REQ…``; each REQ must hold for a dependent of the
trigger (a child or a grandchild): ``word`` (lemma or form), ``a|b`` (either), ``@class`` (a word
of ``[classes]``), ``@actor`` (a linked actor), ``@place`` (a linked place or state),
``dep:REQ`` (only a child with that relation; ``amod/compound:REQ`` either), ``head:REQ`` (the
word the trigger hangs from, not a dependent: ``deal+head:reach``).

>>> rule = parse_trigger("call+obj:@actor", {}, where="example")
>>> rule[0], rule[1][0].dep, rule[1][0].actor
('call', ('obj',), True)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from kgload.errors import KnowledgeBaseError
from kgload.model import EntityKind, EventType
from kgload.nlp.lexicon import read_language_file

__all__ = [
    "Grammar",
    "Requirement",
    "TriggerRule",
    "load_grammar",
    "parse_trigger",
    "with_particles",
]

# the pseudo-relation of a requirement on the word a trigger hangs from ("deal+head:reach")
_HEAD = "head"
# [markers] keys: the role a case phrase gives the oblique or nominal modifier it introduces.
MARKER_ROLES = (
    "recipient",
    "partner",
    "agent",
    "of",
    "place",
    "source",
    "reason",
    "condition",
    "without",
    "since",
    "until",
    "during",
    "as",
    "after",
    "between",
    "aimed",
    "topic",
    "question",
    "tour",
)
# [status] keys, in the order their words are looked for.
STATUS_KEYS = (
    "negation",
    "deny",
    "refuse",
    "fail",
    "cease",
    "cancel",
    "threaten",
    "plan",
    "consider",
    "planned_aux",
    "speculative_aux",
    "reported_future_aux",
    "topic",
    "recent",
    "adopt",
)


@dataclass(frozen=True, slots=True)
class Requirement:
    """One condition on the dependents of a trigger (see the module docstring)."""

    words: frozenset[str]
    dep: tuple[str, ...] | None = None  # relations (prefixes) a child must have, if any
    actor: bool = False
    place: bool = False  # "@place": a linked place, or a state named as a place
    head: bool = False  # "head:": the word the trigger hangs from, not a dependent


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """A lemma that states an event of `type`, when its `requires` hold."""

    type: EventType
    lemma: str
    nominal: bool
    requires: tuple[Requirement, ...]
    confidence: float
    patient_of: bool  # "invasion of X": X is the recipient, not the agent
    source: str


def with_particles(token: Any, words: set[str]) -> set[str]:
    """`words` of a verb, plus each read with the verb's particles ("called off": "call off")."""
    particles = [
        c.lower_
        for c in token.children
        if c.dep_.lower() == "compound:prt"
        or (c.dep_.lower() == "advmod" and c.pos_ in ("ADP", "PART") and c.i == token.i + 1)
    ]
    if particles:
        words |= {f"{w} {' '.join(particles)}" for w in words}
    return words


@dataclass(frozen=True, slots=True)
class Grammar:
    lang: str
    verbs: Mapping[str, tuple[TriggerRule, ...]]
    nouns: Mapping[str, tuple[TriggerRule, ...]]
    classes: Mapping[str, frozenset[str]]
    numbers: Mapping[str, int]
    markers: Mapping[str, frozenset[str]]
    status: Mapping[str, frozenset[str]]
    speech: frozenset[str]
    tail_forms: frozenset[str]
    light: frozenset[str]
    statement: frozenset[str]
    thanks: frozenset[str]
    invite: frozenset[str]
    # lowercased prefixes and irregular forms of every trigger: a sentence without any of them
    # holds no event, and is not parsed
    prefixes: frozenset[str] = field(default_factory=frozenset)
    forms: frozenset[str] = field(default_factory=frozenset)
    # words that open a speech verb's complement ("disse que", "said that"): a tail so opened
    # says something of its own and is no cut-off attribution
    complementizers: frozenset[str] = field(default_factory=frozenset)
    relatives: frozenset[str] = field(default_factory=frozenset)
    # the first word of every case marker ("after", "em", "según"…), and of every source
    # marker ("segundo", "according"): read per sentence when cutting attributions off
    case_openers: frozenset[str] = field(default_factory=frozenset)
    source_openers: frozenset[str] = field(default_factory=frozenset)
    prefix_length: int = 4
    # the stems themselves, longest first, as one pattern (matched at a word's start)
    trigger_start: re.Pattern[str] = re.compile(r"(?!x)x")
    # (stem, lemma) of every trigger verb, longest stem first: "reuniram-se" is "reunir" even
    # when the lemmatizer cannot say so (an enclitic, an unseen form)
    verb_stems: tuple[tuple[str, str], ...] = ()
    stems_by_start: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    lemma_cache: dict[tuple[str, str, bool], frozenset[str]] = field(
        default_factory=dict, compare=False, repr=False
    )
    trigger_cache: dict[tuple[str, str], bool] = field(
        default_factory=dict, compare=False, repr=False
    )

    inflections: tuple[str, ...] = ()
    # every case phrase of more than one word, as lowercased words ("de", "acordo", "com")
    multiword_markers: tuple[tuple[str, ...], ...] = ()
    # verbs of the status lists: planning, refusing, denying an act (they govern its noun)
    status_verbs: frozenset[str] = field(default_factory=frozenset)
    # a common first name of the language: a person's full name is parsed as this one word
    person_placeholder: str = ""
    # one familiar word per kind ("State", "Organization", "Place") that a name of several words
    # of that kind is parsed as ("Estados Unidos" → "Francia")
    name_placeholders: Mapping[str, str] = field(default_factory=dict)
    # a plural name ("os Estados Unidos", "las Naciones Unidas": its first word ends so) is
    # parsed as this plural one, so that the articles and verbs around it still agree
    plural_placeholder: str = ""
    plural_ending: str = ""
    # a state's name right after one of `bare_prepositions` takes no article ("visita a Cabo
    # Verde", not "à França"): it is parsed as this state name that takes none, so the
    # preposition is not read as an article
    bare_state_placeholder: str = ""
    bare_prepositions: frozenset[str] = field(default_factory=frozenset)
    # verbs of being somewhere that UD parses as the copula of the place ("esteve em Pequim"):
    # made the verb again, so "estar+obl:@place" can be read (kgload.nlp.parse)
    locative_copulas: frozenset[str] = field(default_factory=frozenset)
    # the only case words that mark the subject of an infinitive with a particle ("for Russia
    # to send"); any other one there ("flew to Moscow to meet") governs an oblique of the verb
    # above, which the parser misread (kgload.nlp.parse); empty where infinitives take no particle
    clause_subject_cases: frozenset[str] = field(default_factory=frozenset)
    # a verb read with its particle that is another verb than its lemma ("call out": to
    # denounce, not to telephone): no trigger of the lemma alone
    phrasal_verbs: frozenset[str] = field(default_factory=frozenset)
    # a finite verb may drop its subject ("Depois, reuniu-se com Xi"): it is the one told before
    pro_drop: bool = False
    # the future and conditional written as the infinitive and an ending ("firmarán",
    # "visitaria"), with the irregular stems that stand in for an infinitive's end ("tendr":
    # "tener"), for the verbs the grammar knows (`known_verbs`): see kgload.nlp.morphology
    future_endings: tuple[str, ...] = ()
    conditional_endings: tuple[str, ...] = ()
    future_stems: tuple[tuple[str, str], ...] = ()
    # the third persons of the present written as the infinitive's stem and an ending
    # ("apoya": "apoyar"), as (infinitive end, present ending) pairs; see kgload.nlp.morphology
    present_endings: tuple[tuple[str, str], ...] = ()
    # the third persons of the preterite the same way ("aprobó": "aprobar", "aprovou":
    # "aprovar"), which the tagger may read as nouns
    past_endings: tuple[tuple[str, str], ...] = ()
    # the first persons of the present the same way ("condeno": "condenar", "apoyamos":
    # "apoyar"), which a pipeline trained on few first persons reads as names or nouns
    first_person_endings: tuple[tuple[str, str], ...] = ()
    first_person_plural_endings: tuple[tuple[str, str], ...] = ()
    # the first person singular of the preterite ("recibí": "recibir", "conversei":
    # "conversar"), and the irregular first persons of the few verbs that carry events as
    # light verbs ("tuve": "tener"), which the same pipeline misreads the same way
    first_person_past_endings: tuple[tuple[str, str], ...] = ()
    first_person_forms: Mapping[str, tuple[str, str, str]] = field(default_factory=dict)
    # the pronouns of the speaker and of whom they address ("we", "our", "you"): a sentence
    # with one may tell a speaker's act though it names nobody
    speaker_pronouns: frozenset[str] = frozenset()
    known_verbs: frozenset[str] = field(default_factory=frozenset)

    def lemmas(self, lemma: str, form: str, *, verb: bool = True) -> frozenset[str]:
        """The lemmas a word may have: the lemmatizer's, its form, the form without an
        inflection ("imposed" → "impose"), and the trigger verb whose stem it starts with
        ("reuniram-se" → "reunir"): a statistical lemmatizer misses unseen forms."""
        key = (lemma, form, verb)
        found = self.lemma_cache.get(key)
        if found is None:
            if len(self.lemma_cache) > 100_000:  # memory stays flat over a long run
                self.lemma_cache.clear()
            found = self.lemma_cache[key] = self._lemmas(lemma, form, verb)
        return found

    def _lemmas(self, lemma: str, form: str, verb: bool) -> frozenset[str]:
        lemma, form = lemma.lower(), form.lower()
        found = {lemma, form}
        base = form.split("-")[0] if "-" in form[1:] else form
        found.add(base)
        words = lemma.split()
        if verb and len(words) > 1:
            # "recusou-se", lemmatised "recusar se": the verb, and the verb with its clitic (a
            # lemma of spaces alone, a space token's, has no verb)
            found |= {words[0], "-".join(words)}
        for ending in self.inflections:
            if base.endswith(ending) and len(base) - len(ending) >= 3:
                found.add(base[: -len(ending)])
        by_stem = self.verb_by_stem(base) if verb else None
        if by_stem is None and verb:
            # a stressed stem vowel written with an accent ("reúne", "envía", "continúa")
            by_stem = self.verb_by_stem(_without_accents(base))
        if by_stem is not None:
            found.add(by_stem)
        return frozenset(found)

    def may_be_trigger(self, lemma: str, lower: str) -> bool:
        """Whether a word of this lowered lemma and form may be a trigger: a lemma the grammar
        names, an irregular form, or a word that starts like a trigger's stem. Every parsed
        word is asked, so the answer is kept by word."""
        key = (lemma, lower)
        found = self.trigger_cache.get(key)
        if found is None:
            if len(self.trigger_cache) > 100_000:  # memory stays flat over a long run
                self.trigger_cache.clear()
            found = self.trigger_cache[key] = (
                lemma in self.verbs
                or lemma in self.nouns
                or lower in self.forms
                or self.starts_like_trigger(lower)
                or self.trigger_start.match(lemma) is not None
            )
        return found

    def verb_words(self, token: Any) -> set[str]:
        """`lemmas` of a verb token, also read with its particles ("called off": "call off")."""
        return with_particles(token, set(self.lemmas(token.lemma_, token.text)))

    def verb_by_stem(self, form: str) -> str | None:
        """The trigger verb whose stem `form` starts with, if any (the longest stem wins)."""
        for stem, lemma in self.stems_by_start.get(form[:4], ()):
            if form.startswith(stem):
                return lemma
        return None

    def rules_for(self, lemma: str, *, nominal: bool) -> tuple[TriggerRule, ...]:
        table = self.nouns if nominal else self.verbs
        return table.get(lemma, ())

    def marker_role(self, phrase: str) -> str | None:
        """The role of a case phrase ("according to" → source), or None."""
        for role in MARKER_ROLES:
            if phrase in self.markers[role]:
                return role
        return None

    def starts_like_trigger(self, word: str) -> bool:
        """True when the lowered `word` starts like a trigger's stem, also with the accent of a
        stressed stem vowel dropped ("reúne-se", "reúnen"), as `lemmas` reads it."""
        match = self.trigger_start.match
        return match(word) is not None or (
            not word.isascii() and match(_without_accents(word)) is not None
        )

    def may_hold_event(self, lowered_words: list[str]) -> bool:
        """True when a sentence has a word that may be a trigger: one that starts like a
        trigger's stem ("reun" for "reunir", "sanç" for "sanção"), or an irregular form. A
        cheap prefilter: the parse and the grammar decide."""
        n = self.prefix_length
        prefixes, forms, starts = self.prefixes, self.forms, self.trigger_start.match

        def may_start(w: str) -> bool:
            return (w[:n] in prefixes or w[: n - 1] in prefixes) and starts(w) is not None

        # a stressed stem vowel written with an accent ("reúne-se", "reúnen") is found by its
        # stem, as `lemmas` finds it
        return any(
            w in forms or may_start(w) or (not w.isascii() and may_start(_without_accents(w)))
            for w in lowered_words
        )


def _words(items: list[Any], where: str) -> frozenset[str]:
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise KnowledgeBaseError(f"{where}: expected a list of words")
    return frozenset(i.lower() for i in items)


def parse_trigger(
    text: str, classes: Mapping[str, frozenset[str]], *, where: str
) -> tuple[str, tuple[Requirement, ...]]:
    """Split ``lemma+REQ+…`` into the lemma and its requirements."""
    lemma, *parts = text.lower().split("+")
    if not lemma:
        raise KnowledgeBaseError(f"{where}: empty trigger {text!r}")
    requirements = []
    for part in parts:
        dep: str | None = None
        if ":" in part and not part.startswith("@"):
            dep, part = part.rsplit(":", 1)  # "obl:agent:@actor" → relation "obl:agent"
        words: set[str] = set()
        actor = place = False
        for alternative in part.split("|"):
            if alternative == "@actor":
                actor = True
            elif alternative == "@place":
                place = True
            elif alternative.startswith("@"):
                name = alternative[1:]
                if name not in classes:
                    raise KnowledgeBaseError(f"{where}: {text!r} names no class {alternative!r}")
                words |= classes[name]
            elif alternative:
                words.add(alternative)
            else:
                raise KnowledgeBaseError(f"{where}: empty requirement in {text!r}")
        if dep == _HEAD:
            requirements.append(Requirement(frozenset(words), None, actor, place, head=True))
            continue
        deps = tuple(dep.split("/")) if dep else None
        requirements.append(Requirement(frozenset(words), deps, actor, place))
    return lemma, tuple(requirements)


def _without_accents(word: str) -> str:
    """The word with its acute accents dropped ("reúne" → "reune")."""
    return word.translate(_ACUTE)


_ACUTE = str.maketrans("áéíóú", "aeiou")


def _stem(lemma: str, length: int) -> str:
    return lemma.split()[0].split("-")[0][:length]


def _trigger_stem(lemma: str, *, verb: bool, endings: list[str]) -> str:
    """The part of a trigger lemma every inflected form starts with: a verb without its
    infinitive ending ("atacar" → "atac"), a noun without its last two letters ("sanção" →
    "sanç", "attack" → "atta"), never shorter than three letters."""
    word = lemma.split()[0].split("-")[0]
    if verb:
        ending = next((e for e in endings if word.endswith(e) and len(word) - len(e) >= 3), "")
        stem = word[: len(word) - len(ending)] if ending else word
        if not ending and len(word) > 4 and word.endswith("e"):
            stem = word[:-1]  # "strike" → "strik" ("strikes", "striking")
        return stem
    if len(word) > 5:
        return word[:-2]  # "sanção" → "sanç" ("sanções"), "reunião" → "reuni" ("reuniões")
    return word[:-1] if len(word) > 4 else word


def _first_words(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(phrase.split()[0] for phrase in phrases)


def _name_parsing(parsing: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The `[parsing]` settings: the placeholders names are parsed as, and pro-drop."""
    return {
        "person_placeholder": str(parsing.get("person_placeholder", "")),
        "name_placeholders": {
            kind.value: str(parsing[f"{kind.value.lower()}_placeholder"])
            for kind in (EntityKind.STATE, EntityKind.ORGANIZATION, EntityKind.PLACE)
            if parsing.get(f"{kind.value.lower()}_placeholder")
        },
        "plural_placeholder": str(parsing.get("plural_placeholder", "")),
        "plural_ending": str(parsing.get("plural_ending", "")),
        "bare_state_placeholder": str(parsing.get("bare_state_placeholder", "")),
        "bare_prepositions": _words(
            parsing.get("bare_prepositions", []), f"{where} [parsing] bare_prepositions"
        ),
        "pro_drop": parsing.get("pro_drop", False) is True,
        "locative_copulas": _words(
            parsing.get("locative_copulas", []), f"{where} [parsing] locative_copulas"
        ),
        "clause_subject_cases": _words(
            parsing.get("clause_subject_cases", []), f"{where} [parsing] clause_subject_cases"
        ),
        "phrasal_verbs": _words(
            parsing.get("phrasal_verbs", []), f"{where} [parsing] phrasal_verbs"
        ),
    }


@functools.lru_cache(maxsize=8)
def load_grammar(lang: str) -> Grammar:
    """Read `lexicons/events_<lang>.toml`; cached per process."""
    name = f"events_{lang}.toml"
    data = read_language_file(name, f"no event grammar for language {lang!r}")
    where = f"lexicons/{name}"
    parsing: dict[str, object] = dict(data.get("parsing", {}))
    plurals = _plural_endings(data.get("morphology", {}).get("plurals", {}))
    classes = {
        key: _with_plurals(_words(value, f"{where} [classes] {key}"), plurals)
        for key, value in data["classes"].items()
    }
    markers = {
        role: _words(data["markers"].get(role, []), f"{where} [markers] {role}")
        for role in MARKER_ROLES
    }
    status = {
        key: _words(data["status"].get(key, []), f"{where} [status] {key}") for key in STATUS_KEYS
    }
    length = int(data.get("prefix_length", 4))
    triggers = _read_triggers(data, classes, where=where, length=length)
    numbers = {k.lower(): int(v) for k, v in data.get("numbers", {}).items()}
    morphology = data.get("morphology", {})
    inflections = tuple(morphology.get("inflections", []))
    frames = data.get("frames", {})
    verb_stems = _verb_stems(data, triggers.verbs)
    return Grammar(
        lang=lang,
        verbs=_rules_in_order(triggers.verbs),
        nouns=_rules_in_order(_nouns_with_plurals(triggers.nouns, plurals)),
        classes=MappingProxyType(classes),
        numbers=MappingProxyType(numbers),
        markers=MappingProxyType(markers),
        status=MappingProxyType(status),
        speech=_words(data["attribution"]["speech"], f"{where} [attribution] speech"),
        tail_forms=_words(
            data["attribution"].get("tail_forms", []), f"{where} [attribution] tail_forms"
        ),
        light=_words(frames.get("light", []), f"{where} [frames] light"),
        statement=_words(frames.get("statement", []), f"{where} [frames] statement"),
        thanks=_words(frames.get("thanks", []), f"{where} [frames] thanks"),
        invite=_words(frames.get("invite", []), f"{where} [frames] invite"),
        prefixes=frozenset(p for p in triggers.prefixes if p),
        forms=frozenset(triggers.forms),
        complementizers=_attribution_words(data, "complementizers", where),
        relatives=_attribution_words(data, "relatives", where),
        case_openers=_first_words(w for words in markers.values() for w in words),
        source_openers=_first_words(markers["source"]),
        prefix_length=length,
        trigger_start=re.compile(
            "|".join(re.escape(stem) for stem in sorted(triggers.stems, key=len, reverse=True))
        ),
        verb_stems=verb_stems,
        stems_by_start=MappingProxyType(
            {
                start: tuple(item for item in verb_stems if item[0][:4] == start)
                for start in {stem[:4] for stem, _ in verb_stems}
            }
        ),
        inflections=inflections,
        multiword_markers=tuple(
            sorted({tuple(p.split()) for words in markers.values() for p in words if " " in p})
        ),
        status_verbs=frozenset().union(*(status[k] for k in _STATUS_VERB_KEYS)),
        **_name_parsing(parsing, where),
        **_read_morphology(morphology, where),
        known_verbs=_known_verbs(data, triggers.verbs, status),
    )


def _read_morphology(morphology: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The [morphology] tables of a grammar file: the endings and forms
    `kgload.nlp.morphology` reads verbs by when the tagger does not."""
    return {
        "future_endings": _longest_first(morphology.get("future_endings", [])),
        "conditional_endings": _longest_first(morphology.get("conditional_endings", [])),
        "future_stems": _future_stems(morphology.get("future_stems", {})),
        "present_endings": _present_endings(morphology.get("present_endings", {})),
        "past_endings": _present_endings(morphology.get("past_endings", {})),
        "first_person_endings": _present_endings(morphology.get("first_person_endings", {})),
        "first_person_plural_endings": _present_endings(
            morphology.get("first_person_plural_endings", {})
        ),
        "first_person_past_endings": _present_endings(
            morphology.get("first_person_past_endings", {})
        ),
        "speaker_pronouns": _words(
            morphology.get("speaker_pronouns", []), f"{where} [morphology] speaker_pronouns"
        ),
        "first_person_forms": _first_person_forms(
            morphology.get("first_person_forms", {}), where
        ),
    }


def _first_person_forms(
    table: Mapping[str, Any], where: str
) -> dict[str, tuple[str, str, str]]:
    """form → (infinitive, tense, number) from `form = "infinitive tense number"` entries."""
    forms: dict[str, tuple[str, str, str]] = {}
    for form, value in table.items():
        parts = str(value).split()
        if len(parts) != 3 or parts[1] not in ("Pres", "Past") or parts[2] not in ("Sing", "Plur"):
            raise KnowledgeBaseError(
                f"{where}: [morphology] first_person_forms.{form} = {value!r}: write "
                '"infinitive Pres|Past Sing|Plur"'
            )
        forms[str(form).lower()] = (parts[0], parts[1], parts[2])
    return forms


def _plural_endings(table: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """(singular ending, plural ending) pairs, the longest singular ending first."""
    pairs = {(str(k).lower(), str(v).lower()) for k, v in table.items()}
    return tuple(sorted(pairs, key=lambda item: (-len(item[0]), item)))


def _plural(word: str, endings: tuple[tuple[str, str], ...]) -> str | None:
    """The plural of a one-word noun by the first ending it has ("sanción" → "sanciones"), or
    None: a lemmatizer often leaves an unseen plural as its own lemma, and a word list must
    still know it. A plain added "s" needs no rule (`word_forms` strips it)."""
    if " " in word:
        return None
    for singular, plural in endings:
        if word.endswith(singular) and len(word) > len(singular):
            return word[: len(word) - len(singular)] + plural
    return None


def _with_plurals(words: frozenset[str], endings: tuple[tuple[str, str], ...]) -> frozenset[str]:
    if not endings:
        return words
    return words | {p for w in words if (p := _plural(w, endings)) is not None}


def _nouns_with_plurals(
    nouns: Mapping[str, list[TriggerRule]], endings: tuple[tuple[str, str], ...]
) -> Mapping[str, list[TriggerRule]]:
    """Each event noun's rules also under its plural, unless the plural has rules of its own."""
    table = dict(nouns)
    for lemma, rules in nouns.items():
        plural = _plural(lemma, endings)
        if plural is not None and plural not in table:
            table[plural] = rules
    return table


def _attribution_words(data: Mapping[str, Any], key: str, where: str) -> frozenset[str]:
    return _words(data["attribution"].get(key, []), f"{where} [attribution] {key}")


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted({w.lower() for w in words}, key=len, reverse=True))


def _future_stems(stems: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """(irregular stem, the infinitive's end it stands in for), longest stem first."""
    pairs = {(str(k).lower(), str(v).lower()) for k, v in stems.items()}
    return tuple(sorted(pairs, key=lambda item: (-len(item[0]), item[0])))


def _present_endings(table: Mapping[str, list[str]]) -> tuple[tuple[str, str], ...]:
    """(infinitive end, ending) pairs, the longest ending first ("an" before "a")."""
    pairs = {(str(end).lower(), str(e).lower()) for end, endings in table.items() for e in endings}
    return tuple(sorted(pairs, key=lambda item: (-len(item[1]), item)))


def _known_verbs(
    data: Mapping[str, Any],
    verbs: Mapping[str, list[TriggerRule]],
    status: Mapping[str, frozenset[str]],
) -> frozenset[str]:
    """The one-word verbs the grammar names (triggers, the verbs of frames and speech, the
    status verbs), by their infinitive: the verbs whose future and conditional forms
    `kgload.nlp.morphology` may read when the tagger does not."""
    endings = tuple(data.get("morphology", {}).get("verb_endings", []))
    words: list[str] = [*verbs, *_governing_verbs(data)]
    for key in (*_STATUS_VERB_KEYS, "planned_aux"):
        words += status.get(key, ())
    return frozenset(
        w.lower() for w in words if " " not in w and endings and w.lower().endswith(endings)
    )


# the [status] lists of verbs that govern an event noun ("planeja", "negou", "refused")
_STATUS_VERB_KEYS = ("deny", "refuse", "fail", "cease", "cancel", "threaten", "plan", "consider")


@dataclass
class _Triggers:
    """The trigger rules of a grammar file, by lemma, and what the sentence prefilter needs
    from them: their prefixes, irregular forms and stems."""

    verbs: dict[str, list[TriggerRule]] = field(default_factory=dict)
    nouns: dict[str, list[TriggerRule]] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)


def _read_triggers(
    data: Mapping[str, Any], classes: Mapping[str, frozenset[str]], *, where: str, length: int
) -> _Triggers:
    """Every ``[[triggers]]`` block: its type, source and confidence on a rule per lemma."""
    endings = sorted(data.get("morphology", {}).get("verb_endings", []), key=len, reverse=True)
    found = _Triggers()
    for number, block in enumerate(data["triggers"], start=1):
        block_where = f"{where} [[triggers]] #{number}"
        try:
            kind = EventType(block["type"])
        except (KeyError, ValueError) as exc:
            raise KnowledgeBaseError(f"{block_where}: unknown or missing type") from exc
        source = str(block.get("source", ""))
        if not source:
            raise KnowledgeBaseError(f"{block_where}: every trigger block says its source")
        for key, table, nominal in (("verbs", found.verbs, False), ("nouns", found.nouns, True)):
            for entry in block.get(key, []):
                lemma, requires = parse_trigger(entry, classes, where=block_where)
                table.setdefault(lemma, []).append(
                    TriggerRule(
                        type=kind,
                        lemma=lemma,
                        nominal=nominal,
                        requires=requires,
                        confidence=float(block.get("confidence", 0.75)),
                        patient_of=bool(block.get("patient_of", False)),
                        source=source,
                    )
                )
                stem = _trigger_stem(lemma, verb=not nominal, endings=endings)
                # a stem shorter than the prefix ("don" of "donar") is the prefix itself, so
                # that a form with an accented ending ("donó", "armó") still passes
                found.prefixes.add(stem if len(stem) < length else _stem(lemma, length))
                found.stems.add(stem)
        found.forms.update(f.lower() for f in block.get("forms", []))
    return found


def _rules_in_order(
    table: Mapping[str, list[TriggerRule]],
) -> Mapping[str, tuple[TriggerRule, ...]]:
    """Rules with conditions are tried before bare lemmas, each in the order of the file: the
    file decides which reading of "conversar com … por telefone" comes first."""
    return MappingProxyType(
        {k: tuple(sorted(v, key=lambda r: not r.requires)) for k, v in table.items()}
    )


def _governing_verbs(data: Mapping[str, Any]) -> list[str]:
    """The verbs of the file's frames (light, statement, thanks, invite) and of speech: the
    verbs that govern an event noun or report an event."""
    frames = data.get("frames", {})
    tables = ("light", "statement", "thanks", "invite")
    words = [w for table in tables for w in frames.get(table, [])]
    return [*words, *data["attribution"]["speech"]]


def _verb_stems(
    data: Mapping[str, Any], verbs: Mapping[str, list[TriggerRule]]
) -> tuple[tuple[str, str], ...]:
    """(stem, lemma) of the trigger verbs, then of the verbs that govern event nouns
    ("aprobó sanciones" with an unseen "aprobó") or date them (`anniversary`), which never take
    a trigger's stem from it; longest stem first."""
    endings = sorted(data.get("morphology", {}).get("verb_endings", []), key=len, reverse=True)
    governing = _governing_verbs(data)
    # "a invasão completa dois anos" with "completa" lemmatised as the adjective "completo"
    governing += data.get("classes", {}).get("anniversary", [])
    by_stem: dict[str, str] = {}
    for lemma in [*verbs, *governing]:
        ending = next((e for e in endings if lemma.endswith(e)), None)
        if ending is not None and len(lemma) - len(ending) >= 4 and " " not in lemma:
            by_stem.setdefault(lemma[: -len(ending)], lemma)
    return tuple(sorted(by_stem.items(), key=lambda item: -len(item[0])))
