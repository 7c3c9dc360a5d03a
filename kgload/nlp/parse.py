"""The statistical half of the NLP stage: tags, morphology, lemmas and a dependency parse, for the
sentences that may hold an event.

By default each language uses kgload's own pipeline, trained on Universal Dependencies and
shipped in ``kgload/nlp/models/<lang>/`` (see ``training/``). The ``spacy_model`` setting names
another installed pipeline or a path to one, or ``blank`` for none (then no sentence is parsed
and no event is read: names and links only). The whole article is tokenised, split into
sentences and matched against the knowledge base by the fast rule-based half
(`kgload.nlp.pipeline`); only the sentences that may hold an event (a trigger's prefix and an
actor, see `kgload.extract.analyze.candidate_sentences`) are parsed here, which keeps the
statistical cost to a fraction of the text. An installed pipeline serves the articles of its own
language; the other languages keep kgload's own.
"""

from __future__ import annotations

import functools
import itertools
import logging
from collections.abc import Callable, Collection, MutableMapping, Sequence
from importlib import resources
from pathlib import Path

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis, Token

from kgload.errors import UsageError
from kgload.nlp.features import feature_values
from kgload.nlp.treelabels import Need, TreeLabels
from kgload.timing import StageTimer

__all__ = [
    "BLANK",
    "load_parser",
    "modifier_of_a_verbless_root",
    "parse_sentences",
    "repair_main_verb_read_as_participle",
    "repair_verb_read_as_a_copula",
    "repair_verb_read_as_a_modifier_of_the_root",
    "shipped_model_path",
]

log = logging.getLogger("kgload")

BLANK = "blank"
# what kgload needs from a pipeline: everything else (NER, text classifiers) is left out
_EXCLUDE = [
    "ner",
    "entity_ruler",
    "entity_linker",
    "textcat",
    "textcat_multilabel",
    "spancat",
    "span_finder",
    "coref",
    "span_resolver",
]


def shipped_model_path(lang: str) -> Path | None:
    """The folder of kgload's own pipeline for `lang`, or None when none ships."""
    folder = resources.files("kgload.nlp") / "models" / lang
    path = Path(str(folder))
    return path if (path / "config.cfg").is_file() else None


@functools.lru_cache(maxsize=8)
def load_parser(lang: str, model: str | None = None) -> Language | None:
    """The statistical pipeline for `lang` (cached), or None for ``blank``.

    Raises UsageError naming the setting when the model cannot be loaded.
    """
    if model == BLANK:
        return None
    if model:
        try:
            nlp = spacy.load(model, exclude=_EXCLUDE)
        except (OSError, ValueError) as exc:
            raise UsageError(
                f"spacy_model {model!r} cannot be loaded ({exc}); install it, give the path to "
                f'a pipeline folder, or use spacy_model = "{BLANK}"'
            ) from exc
        if nlp.lang != lang:
            # a pipeline serves its own language; the others keep kgload's own
            log.info(
                "spacy_model %r is a %r pipeline; %r articles use kgload's", model, nlp.lang, lang
            )
            return load_parser(lang, None)
        return nlp
    path = shipped_model_path(lang)
    if path is None:
        raise UsageError(
            f"kgload ships no pipeline for {lang!r} (kgload/nlp/models/{lang}); run `make "
            f'models`, or set spacy_model to an installed pipeline or "{BLANK}"'
        )
    return spacy.load(path, exclude=_EXCLUDE)


def parse_sentences(
    parser: Language,
    sentences: Sequence[tuple[list[str], list[bool]]],
    *,
    batch_size: int = 64,
    stage_seconds: MutableMapping[str, float] | None = None,
) -> list[Doc]:
    """Parse sentences given as (words, spaces), in order; the tokens stay as given, so a
    token's offset in its sentence is its offset in the article minus the sentence's.

    `stage_seconds`, when given, gains the CPU seconds of the statistical pipeline under
    "parse" and of the repairs below under "repairs" (the extraction benchmark's breakdown).
    """
    timed = StageTimer(stage_seconds)
    # each sentence is parsed as one: the parser may not split what the rules kept together
    docs = [_one_sentence(parser, words, spaces) for words, spaces in sentences if words]
    with timed("parse"):
        parsed = list(parser.pipe(docs, batch_size=batch_size))
    with timed("repairs"):
        for doc in parsed:
            _repair(doc)
    return parsed


def _one_sentence(parser: Language, words: list[str], spaces: list[bool]) -> Doc:
    """A doc of `words` that is one sentence, as `Doc(..., sent_starts=[True, False, ...])`
    makes it, with the start flags set from one array: `Doc` converts them value by value
    (12 µs a sentence of 16 words, 8 µs so)."""
    doc = Doc(parser.vocab, words=words, spaces=spaces)
    starts = doc.to_array(SENT_START)  # one value a word, unsigned
    starts.fill(_NOT_A_START)
    starts[0] = 1
    doc.from_array([SENT_START], starts)  # type: ignore[arg-type]
    return doc


# "not a sentence start" (-1) as the unsigned value a doc's arrays hold
_NOT_A_START = 2**64 - 1


def _repair(doc: Doc) -> None:
    """Every repair below, in the order they build on one another; one that needs a word the
    doc has none of (`_REPAIRS`) is skipped, as it would find nothing to change."""
    labels = TreeLabels.of(doc)
    for repair, needs in _REPAIRS:
        if labels.meets(needs):
            repair(doc)
            labels = labels.refreshed(doc)


# the marks that open a clitic glued to the word before it ("'s"), for every stage that reads one
APOSTROPHES = frozenset("'\u2019")
# a clause's core dependents: a word that governs one is read as a predicate
_CLAUSAL = ("nsubj", "obj", "iobj", "obl", "advmod", "expl:pv", "expl:pass")
# a noun's own words: a word that has one of these is a noun phrase, not a verb
_NOMINAL = ("det", "case", "nummod", "flat", "flat:name", "appos", "nmod:poss", "cop")


def _repair_subject_of_an_auxiliary(doc: Doc) -> None:
    """ "The UK has imposed sanctions on Russian banks" parsed with "UK" hung on "has": an
    auxiliary governs no argument of its own, so a subject hung on a word labelled an
    auxiliary of a verb is that verb's subject."""
    for subject in doc:
        aux = subject.head
        if (
            subject.dep_ in ("nsubj", "nsubj:pass")
            and aux.i != subject.i
            and aux.dep_ in ("aux", "aux:pass")
            and aux.head.i != aux.i
            and aux.head.pos_ in ("VERB", "AUX")
            and subject.i < aux.i < aux.head.i
            # an "auxiliary" with an object or a clause of its own is the main verb misread
            and all(c.dep_ in ("nsubj", "nsubj:pass", "advmod", "punct") for c in aux.children)
        ):
            subject.head = aux.head


def _repair_second_subject(doc: Doc) -> None:
    """ "México expresó su apoyo a Cuba" with both "México" and "apoyo" labelled `nsubj`: a
    clause has one subject, so of two unlinked nominal subjects on either side of an active verb
    that has no object, the one after the verb is its object."""
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        children = list(verb.children)
        if any(c.dep_ in ("obj", "aux:pass", "nsubj:pass", "cop") for c in children):
            continue
        subjects = [c for c in children if c.dep_ == "nsubj"]
        if len(subjects) != 2:
            continue
        before, after = subjects
        if before.i < verb.i < after.i and after.pos_ == "NOUN":
            after.dep_ = "obj"


def _repair_second_object(doc: Doc) -> None:
    """ "Lula manifestou solidariedade a Cuba" with both "solidariedade" and "a Cuba" labelled
    `obj`: a clause has one direct object, so of two, when one has no case word and the other
    opens with one, the one with the case word is an oblique (Spanish marks a lone object of a
    person with "a", which stays an object: "respaldó a Cuba")."""
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        objects = [c for c in verb.children if c.dep_ == "obj"]
        if len(objects) != 2:
            continue
        marked = [o for o in objects if any(c.dep_ == "case" for c in o.children)]
        if len(marked) == 1:
            marked[0].dep_ = "obl"


def _repair_nominal_clause(doc: Doc) -> None:
    """ "La OTAN aprobó medidas punitivas contra Irán" with "medidas" labelled `advcl`, "Russia
    attacked Ukraine with drones" with "Ukraine" labelled `xcomp`: a bare noun or name after a
    verb, with nothing that makes it a clause (no copula, subordinator, auxiliary or subject)
    and no case word, is the object of a verb that has none."""
    for token in doc:
        head = token.head
        if (
            token.dep_ in ("advcl", "xcomp", "ccomp")
            and token.pos_ in ("NOUN", "PROPN")
            and head.pos_ == "VERB"
            and head.i < token.i
            and not any(
                c.dep_ in ("cop", "mark", "aux", "aux:pass", "nsubj", "nsubj:pass", "case")
                for c in token.children
            )
            and not any(c.dep_ in ("obj", "ccomp") and c.i != token.i for c in head.children)
        ):
            token.dep_ = "obj"


# the words a noun keeps when the verb before it takes over the clause
_NOUN_OWN = ("det", "amod", "nummod", "nmod", "nmod:poss", "acl", "acl:relcl", "compound")


def _repair_participle_root(doc: Doc) -> None:
    """ "Francia impuso medidas restrictivas a Cuba" read as "Francia [impuso] medidas(VERB)":
    the tagger took an unseen finite verb for a modifier and the plural noun after it for a
    participle. A root participle with no auxiliary, copula or subject of its own
    right after a modifier word that follows the subject is a noun: the modifier is the verb,
    the noun its object, and the clause's other words go to the verb."""
    for noun in doc:
        # the relation first: reading the features builds an object for every word
        if noun.dep_ != "ROOT" or noun.pos_ != "VERB":
            continue
        if "Part" not in feature_values(noun, "VerbForm"):
            continue
        if noun.i == 0 or any(c.dep_ in ("aux", "aux:pass", "cop") for c in noun.children):
            continue
        verb = doc[noun.i - 1]
        subjects = [c for c in noun.children if c.dep_ == "nsubj" and c.i < verb.i]
        if (
            verb.head.i != noun.i
            or verb.pos_ not in ("ADJ", "NOUN", "ADV")
            or verb.dep_ not in ("advmod", "amod", "obl", "nmod")
            or any(True for _ in verb.children)
            or not subjects
        ):
            continue
        movers = [c for c in noun.children if c.i != verb.i and c.dep_ not in _NOUN_OWN]
        verb.head = verb
        verb.dep_ = "ROOT"
        verb.pos_ = "VERB"
        noun.head = verb
        noun.dep_ = "obj"
        noun.pos_ = "NOUN"
        for child in movers:
            child.head = verb
        return


def _repair_verbless_predicate(doc: Doc) -> None:
    """ "Hablé ayer con el presidente" with "Hablé" tagged a proper noun: the root of a sentence
    that has no verb at all, and governs clausal dependents (an oblique, an object, a subject,
    an adverb) but none of a noun's own words, is a verb the tagger did not know (an unseen
    inflected form: small pipelines tag it by its capital or its ending)."""
    if any(t.pos_ in ("VERB", "AUX") for t in doc):
        return
    for token in doc:
        if token.dep_ != "ROOT" or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        children = list(token.children)
        if any(c.dep_ in _NOMINAL for c in children):
            continue
        if not token.is_lower and token.i != token.sent.start:
            continue  # a name inside the sentence stays a name
        if any(c.dep_ in _CLAUSAL and c.pos_ not in ("PUNCT",) for c in children) and any(
            c.dep_ in ("obl", "obj", "nsubj") for c in children
        ):
            token.pos_ = "VERB"


def _repair_possessive_clitic_read_as_a_word(doc: Doc) -> None:
    """ "reaffirmed Israel's right to defend itself" parsed with "Israel" and "'s" both
    subjects of "right": a clitic of one or two characters that opens with an apostrophe,
    glued to the name before it and not read as a case word, marks that name as the possessor
    of the word it was hung on."""
    written = doc.text
    if not any(mark in written for mark in APOSTROPHES):
        return  # (most sentences: a search of the text instead of a look at every word)
    for clitic in doc:
        text = clitic.text
        if (
            clitic.i == 0
            or not 1 < len(text) <= 2
            or text[0] not in APOSTROPHES
            or clitic.dep_ == "case"
            or doc[clitic.i - 1].whitespace_
        ):
            continue
        owner, noun = doc[clitic.i - 1], clitic.head
        if (
            noun.i <= clitic.i
            or owner.pos_ not in ("PROPN", "NOUN")
            or owner.head.i != noun.i
            or owner.dep_.split(":")[0] not in ("nsubj", "compound", "flat", "appos", "nmod")
        ):
            continue
        owner.dep_ = "nmod:poss"
        clitic.head, clitic.dep_, clitic.pos_ = owner, "case", "PART"


def hang_phrase_on(phrase: Token, holder: Token) -> None:
    """Make a case phrase the parser hung elsewhere a phrase of `holder`: a verb's oblique, a
    noun's modifier."""
    phrase.head = holder
    phrase.dep_ = "obl" if holder.pos_ in ("VERB", "AUX") else "nmod"


def _repair_flat_name_with_its_own_case(doc: Doc) -> None:
    """ "o ataque do Irã a Israel" parsed with "a Israel" as a part (`flat`) of the name
    "Irã": a part of a name takes no case word, so one with its own is a phrase of the word
    the name hangs from (its modifier, or its verb's oblique)."""
    for part in doc:
        name = part.head
        if (
            not part.dep_.startswith("flat")
            or name.i == part.i
            or name.head.i == name.i
            or not any(c.dep_ == "case" and c.i < part.i for c in part.children)
        ):
            continue
        hang_phrase_on(part, name.head)


def _repair_case_on_possessor(doc: Doc) -> None:
    """ "imposed sanctions on Russia's oil companies" with "on" hung on the possessor "Russia":
    a preposition before a possessor belongs to the phrase the possessor opens, when that
    phrase has no case word of its own (a possessor takes none: "'s" follows it)."""
    for token in doc:
        if token.dep_ != "case" or token.head.dep_ != "nmod:poss" or token.i > token.head.i:
            continue
        owner = token.head
        phrase = owner.head
        if (
            phrase.i > owner.i
            and phrase.dep_ in ("obl", "nmod")
            and not any(c.dep_ == "case" for c in phrase.children)
            and token.i == min(t.i for t in phrase.subtree)
        ):
            token.head = phrase


def _repair_unmarked_agents(doc: Doc) -> None:
    """ "Biden hosted President Yoon" labelled `obl:agent` with no case word: a verb with an
    active subject and no passive auxiliary has its agent already, so an unmarked phrase after
    it so labelled is its object (small parsers make this error on runs of names)."""
    for token in doc:
        head = token.head
        if (
            token.dep_ == "obl:agent"
            and head.i < token.i
            and head.pos_ == "VERB"
            and not any(c.dep_ == "case" for c in token.children)
            and any(c.dep_ == "nsubj" for c in head.children)
            and not any(c.dep_ in ("aux:pass", "nsubj:pass") for c in head.children)
        ):
            token.dep_ = "obj"


def _repair_fronted_infinitive_clause(doc: Doc) -> None:
    """ "Tras reunirse con Xi, Macron pidió…", "Después de reunirse con Lula, Macron viajó…":
    an infinitive with its subordinator before the clause it opens, left unlabelled (`dep`)
    under that clause's verb, or hung as a complement (`xcomp`) of the adverb that opens it
    ("después", "antes", itself under the verb), is an adverbial clause of that verb, whose
    subject is then its own."""
    for verb in doc:
        head = verb.head
        if (
            verb.pos_ != "VERB"
            or "Inf" not in feature_values(verb, "VerbForm")
            or not any(c.dep_ == "mark" and c.i < verb.i for c in verb.children)
            or not _comma_between(verb, head if head.pos_ != "ADV" else head.head)
        ):
            continue
        if verb.dep_ == "dep" and head.pos_ in ("VERB", "AUX") and verb.i < head.i:
            verb.dep_ = "advcl"
            continue
        main = head.head
        if (
            verb.dep_ == "xcomp"
            and head.pos_ == "ADV"
            and head.dep_ == "advmod"
            and head.i < verb.i < main.i
            and main.pos_ in ("VERB", "AUX")
        ):
            verb.head, verb.dep_ = main, "advcl"
            head.head = verb


def _comma_between(clause: Token, verb: Token) -> bool:
    """A comma sets a fronted clause off before the verb after it ("Tras reunirse con Xi, …";
    not the fixed "a partir de 1974 se marchó")."""
    return any(t.text == "," for t in clause.doc[clause.right_edge.i + 1 : verb.i]) or (
        clause.right_edge.i < verb.i and clause.doc[clause.right_edge.i].text == ","
    )


def _repair_infinitive_subject(doc: Doc) -> None:
    """ "a Otan entrou em alerta após a Rússia lançar um ataque" with "após a Rússia" read as an
    oblique of "entrou" and "lançar" as its subjectless clause: a nominal that ends right
    before an infinitive clause without a subject, both hung on the same verb, is the
    infinitive's subject, and its case word the clause's subordinator (a personal infinitive;
    "for Russia to launch" in English)."""
    for verb in doc:
        if (
            verb.dep_ != "advcl"
            or "Inf" not in feature_values(verb, "VerbForm")
            or verb.i == 0
            or any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children)
        ):
            continue
        # the infinitive's own particle right before it ("to launch") may stay
        start = verb.i
        marks = sorted(
            c.i for c in verb.children if c.dep_ == "mark" and c.i < verb.i and c.pos_ == "PART"
        )
        if marks and marks != list(range(verb.i - len(marks), verb.i)):
            continue
        start -= len(marks)
        # hung on the verb above, or on the infinitive's own subordinator ("depois de Israel
        # lançar", with "de Israel" under "depois")
        holders = [verb.head, *(c for c in verb.children if c.dep_ in ("mark", "advmod"))]
        nominal = next(
            (
                c
                for holder in holders
                for c in holder.children
                if c.dep_ == "obl"
                and c.pos_ in ("PROPN", "NOUN")
                and max(t.i for t in c.subtree) == start - 1
            ),
            None,
        )
        if nominal is None:
            continue
        cases = [c for c in nominal.children if c.dep_ == "case" and c.i < nominal.i]
        if len(cases) != 1:
            continue
        nominal.head = verb
        nominal.dep_ = "nsubj"
        cases[0].head = verb
        cases[0].dep_ = "mark"


def _repair_object_read_as_apposition(doc: Doc) -> None:
    """ "The US announced on Friday a new aid package to Ukraine" with "package" hung on
    "Friday" as an apposition: an apposition follows a comma or a dash, so a noun right after
    an oblique with no punctuation between, hung on it as `appos`, is the object of the verb
    that has none."""
    for token in doc:
        if token.dep_ != "appos" or token.pos_ != "NOUN":
            continue
        holder = token.head
        verb = holder.head
        if (
            holder.dep_ != "obl"
            or verb.pos_ != "VERB"
            or holder.i > token.i
            or any(c.dep_ in ("obj", "ccomp") for c in verb.children)
        ):
            continue
        between = doc[holder.i + 1 : token.i]
        if any(t.pos_ == "PUNCT" for t in between):
            continue
        token.head = verb
        token.dep_ = "obj"


def _repair_main_verb_read_as_relative(doc: Doc) -> None:
    """ "El presidente de Colombia, Fulano, arribó el domingo a Buenos Aires" parsed with the
    noun as root and "arribó" as its relative clause: a relative clause has a relative word
    (or, in English, a subject of its own), so a finite verb labelled one with neither, after
    a root noun it agrees with in number, is the main verb and the noun its subject."""
    for noun in doc:
        if noun.dep_ != "ROOT" or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        for verb in noun.children:
            if (
                verb.dep_ != "acl:relcl"
                or verb.pos_ != "VERB"
                or verb.i < noun.i
                or "Fin" not in feature_values(verb, "VerbForm")
                or any(c.dep_ in ("nsubj", "nsubj:pass", "csubj", "mark") for c in verb.children)
                or _has_own_relative_word(verb)
            ):
                continue
            number, own = feature_values(verb, "Number"), feature_values(noun, "Number")
            if number and own and number != own:
                continue
            _make_main_verb(verb, noun)
            return
        for verb in noun.children:
            if _coordinated_subject_read_as_relative(noun, verb):
                return


# the relations that open a clause of its own below a verb: a relative word inside one is that
# clause's, not the verb's ("Lula disse a jornalistas que pretende…")
_CLAUSES_BELOW = ("acl", "advcl", "ccomp", "xcomp", "parataxis", "conj", "csubj")


def _has_own_relative_word(verb: Token) -> bool:
    """Whether a relative word ("que", "quem", "who") introduces `verb`'s own clause: in its
    phrases, not in a clause of their own below it."""
    pending = list(verb.children)
    while pending:
        word = pending.pop()
        if word.dep_.split(":")[0] in _CLAUSES_BELOW:
            continue
        if "Rel" in feature_values(word, "PronType"):
            return True
        pending.extend(word.children)
    return False


def repair_main_verb_read_as_participle(doc: Doc) -> None:
    """ "Britain's Foreign Secretary announced on Thursday new sanctions" parsed with the noun
    as root and "announced" as its participle clause: a participle describing a noun is done to
    it and takes no object, so a verb labelled `acl` with an object of its own and no subject
    or subordinator, after a root noun, is the main verb and the noun its subject."""
    for noun in doc:
        if noun.dep_ != "ROOT" or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        for verb in noun.children:
            if (
                verb.dep_ == "acl"
                and verb.pos_ == "VERB"
                and verb.i > noun.i
                and any(c.dep_ == "obj" for c in verb.children)
                and not any(
                    c.dep_ in ("nsubj", "nsubj:pass", "csubj", "mark", "aux", "aux:pass")
                    for c in verb.children
                )
            ):
                _make_main_verb(verb, noun)
                return


def _coordinated_subject_read_as_relative(noun: Token, verb: Token) -> bool:
    """ "El presidente francés, Fulano, y el presidente chileno, Mengano, se reunieron" parsed
    with the first noun as root, the plural verb as its relative clause and the second noun as
    the verb's only subject, opened by a coordinator: a relative clause has a relative word and
    no coordinator before its subject, so the verb is the main verb and its subject the two
    nouns coordinated."""
    if (
        verb.dep_ != "acl:relcl"
        or verb.pos_ != "VERB"
        or verb.i < noun.i
        or "Fin" not in feature_values(verb, "VerbForm")
        or feature_values(verb, "Number") != ["Plur"]
        or feature_values(noun, "Number") == ["Plur"]
        or any(c.dep_ in ("csubj", "mark", "nsubj:pass") for c in verb.children)
        or any("Rel" in feature_values(t, "PronType") for t in verb.subtree)
    ):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return False
    second = subjects[0]
    own = {t.i for t in second.subtree}
    coordinators = [
        c
        for c in (*verb.children, *second.children)
        if c.dep_ == "cc"
        and noun.i < c.i < second.i
        and all(i in own for i in range(c.i + 1, second.i))
    ]
    if not coordinators or any(t.dep_ == "cc" for t in noun.children):
        return False
    _make_main_verb(verb, noun)
    second.head = noun
    second.dep_ = "conj"
    coordinators[0].head = second
    return True


def _repair_passive_subject_of_a_pronominal_verb(doc: Doc) -> None:
    """ "El presidente francés, Fulano, y el presidente chileno, Mengano, se reunieron" with
    "presidente" labelled a passive subject (`nsubj:pass`): a verb whose reflexive pronoun is
    pronominal (`expl:pv`, not the passive `expl:pass`) and that has no passive auxiliary is
    active, so its subject is `nsubj`."""
    for token in doc:
        verb = token.head
        if (
            token.dep_ != "nsubj:pass"
            or verb.i == token.i
            or not any(c.dep_ == "expl:pv" for c in verb.children)
            or any(c.dep_ in ("expl:pass", "aux:pass") for c in verb.children)
        ):
            continue
        token.dep_ = "nsubj"


def _make_main_verb(verb: Token, subject: Token) -> None:
    """`verb` becomes the sentence's root and `subject` its subject."""
    verb.head = verb
    verb.dep_ = "ROOT"
    subject.head = verb
    subject.dep_ = "nsubj"


def _repair_relative_word_read_as_a_subordinator(doc: Doc) -> None:
    """ "Francia, que apoya a Ucrania desde 2022, anunció…" with "que" a subordinator (`mark`)
    of the relative clause: a relative clause has no subordinator, its first word is the
    relative pronoun; right after a name and its comma, with no subject in the clause, that
    pronoun is the clause's subject (the name is who supports). A copular clause ("X, que es
    otro de…") is left as the treebank writes it, and so is a wish in the subjunctive ("o
    Rio, que se cuide o resto")."""
    for verb in doc:
        name = verb.head
        if verb.dep_ != "acl:relcl" or name.pos_ != "PROPN" or name.i + 2 >= len(doc):
            continue
        word = doc[name.i + 2]
        if (
            doc[name.i + 1].text != ","
            or word.head.i != verb.i
            or word.dep_ != "mark"
            or word.i > verb.i
            or any(c.dep_ in ("nsubj", "nsubj:pass", "csubj", "cop") for c in verb.children)
            or "Sub" in feature_values(verb, "Mood")
        ):
            continue
        word.dep_, word.pos_ = "nsubj", "PRON"
        word.morph = MorphAnalysis(doc.vocab, {"PronType": "Rel"})


def _repair_main_verb_after_a_relative(doc: Doc) -> None:
    """ "Emmanuel Macron, who is in China, met Xi Jinping" parsed with the name as root and
    "met" as a `parataxis` of it (or a second root, or a clause of the relative's verb): a
    subject's relative clause set off by commas ends at the second comma, so the finite verb
    right after it, with no subject of its own, is the main verb and the name its subject."""
    for noun in doc:
        if noun.dep_ != "ROOT" or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        relative = next((c for c in noun.children if c.dep_ == "acl:relcl" and c.i > noun.i), None)
        if relative is None or noun.i + 1 >= len(doc) or doc[noun.i + 1].text != ",":
            continue
        closing = next((t.i for t in doc[relative.i + 1 :] if t.text == ","), None)
        if closing is None:
            continue
        verb = next((t for t in doc[closing + 1 : closing + 4] if t.pos_ == "VERB"), None)
        if (
            verb is None
            or not (
                verb.dep_ == "ROOT"
                or (verb.dep_ == "parataxis" and verb.head.i == noun.i)
                or (verb.dep_ in ("advcl", "conj", "parataxis") and verb.head.i == relative.i)
            )
            or not any("Rel" in feature_values(t, "PronType") for t in relative.subtree)
            or "Fin" not in feature_values(verb, "VerbForm")
            or any(c.dep_ in ("nsubj", "nsubj:pass", "csubj") for c in verb.children)
        ):
            continue
        _make_main_verb(verb, noun)
        return


def _repair_phrase_on_a_named_object(doc: Doc) -> None:
    """ "The US is providing Ukraine with patrol boats" with "with patrol boats" hung on
    "Ukraine": a name or a pronoun is complete as it stands, so a phrase with a case word hung
    on one that is a verb's object, after it, is the verb's."""
    for token in doc:
        verb = token.head
        if token.dep_ != "obj" or token.pos_ not in ("PROPN", "PRON") or verb.pos_ != "VERB":
            continue
        for child in list(token.children):
            if (
                child.i > token.i
                and child.dep_ in ("nmod", "obl")
                and any(c.dep_ == "case" and c.i < child.i for c in child.children)
            ):
                child.head = verb
                child.dep_ = "obl"


def _repair_finite_verb_as_object(doc: Doc) -> None:
    """ "Os EUA enviaram ajuda militar à Ucrânia" with "ajuda" tagged the verb "ajudar": a finite
    verb is never a verb's object (`obj`) nor its open complement (`xcomp`, which has no subject
    and no tense of its own), so a finite form in that place, with no subject, auxiliary or
    subordinator of its own, is a noun the tagger took for a verb of the same spelling."""
    for token in doc:
        head = token.head
        if (
            token.pos_ != "VERB"
            or token.dep_ not in ("obj", "xcomp")
            or head.pos_ not in ("VERB", "AUX")
            or head.i >= token.i
            or feature_values(token, "VerbForm") != ["Fin"]
            or any(
                c.dep_ in ("nsubj", "nsubj:pass", "aux", "aux:pass", "mark", "cop", "expl:pv")
                for c in token.children
            )
        ):
            continue
        token.pos_ = "NOUN"
        token.lemma_ = token.text.lower()
        token.morph = MorphAnalysis(token.vocab, {})
        token.dep_ = "obj"


def _repair_noun_root_with_subject(doc: Doc) -> None:
    """ "La UE aprobó este lunes su primer paquete de sanciones" with "aprobó" tagged a noun: a
    noun has no subject without a copula, so the root with a subject before it and no copula
    or auxiliary is a verb the tagger did not recognise (unseen or ambiguous finite forms)."""
    for token in doc:
        if token.dep_ != "ROOT" or token.pos_ not in ("NOUN", "ADJ"):
            continue
        children = list(token.children)
        if any(c.dep_ in ("aux", "aux:pass", *_NOMINAL) for c in children):
            continue  # a copula, or a noun's own words ("following Russia's deployment")
        if any(c.dep_ == "nsubj" and c.i < token.i for c in children):
            token.pos_ = "VERB"


# the phrases a root misread as a noun may have hung its object on ("The UK condemns in the
# strongest terms the attacks": "the attacks" labelled a conjunct or an unmarked oblique)
_MISREAD_OBJECT = ("conj", "appos", "obl", "obl:unmarked", "nmod:unmarked")


def _repair_verb_read_as_a_named_noun(doc: Doc) -> None:
    """ "The United Kingdom condemns in the strongest terms the attacks" with "condemns" tagged a
    plural noun, "Kingdom" its compound or its subject: a noun takes no oblique (a case phrase
    on a noun is its modifier), so a noun heading a clause (the root or a reported clause) with
    a name before it as compound or subject and an oblique with a case word after it is the
    verb, the name its subject (with the determiner before it), and the first bare noun phrase
    after the oblique its object."""
    for verb in doc:
        if verb.dep_ not in ("ROOT", "ccomp") or verb.pos_ != "NOUN":
            continue
        children = list(verb.children)
        names = [
            c
            for c in children
            if c.dep_ in ("compound", "nsubj") and c.pos_ == "PROPN" and c.i < verb.i
        ]
        obliques = [
            c
            for c in children
            if c.dep_ == "obl" and c.i > verb.i and any(g.dep_ == "case" for g in c.children)
        ]
        if len(names) != 1 or not obliques or any(c.dep_ in ("cop", "aux") for c in children):
            continue
        if any(c.dep_ == "nsubj" and c.i != names[0].i for c in children):
            continue
        subject = names[0]
        verb.pos_ = "VERB"
        subject.dep_ = "nsubj"
        for det in children:
            if det.dep_ == "det" and det.i < subject.i:
                det.head = subject
        after = obliques[0].i
        for child in children:
            if (
                child.i > after
                and child.dep_ in _MISREAD_OBJECT
                and child.pos_ in ("NOUN", "PROPN")
                and not any(g.dep_ in ("case", "cc") for g in child.children)
            ):
                child.dep_ = "obj"
                break


def _repair_present_verb_read_as_a_plural_noun(doc: Doc) -> None:
    """ "Obama meets with Kikwete in the Oval Office" (a caption, a headline) with "meets"
    tagged a plural noun and "Obama" its compound: a plural noun right after a singular name
    with no determiner, with no word of a noun phrase of its own (determiner, numeral,
    possessor, case word, copula) and phrases with a case word after it, is the name's verb in
    the present; the name is its subject and those phrases its obliques ("The Council sanctions
    on Iran", a name with its determiner, stays a noun phrase)."""
    for verb in doc:
        if (
            verb.dep_ != "ROOT"
            or verb.pos_ != "NOUN"
            or feature_values(verb, "Number") != ["Plur"]
            or verb.i == 0
        ):
            continue
        name = doc[verb.i - 1]
        # "Germany condemns the Russian strike": a phrase with its own determiner right after
        # the "noun", read as its apposition, is the verb's object
        objects = [
            c
            for c in verb.children
            if c.dep_ == "appos"
            and c.left_edge.i == verb.i + 1
            and c.left_edge.dep_ != "punct"
            and any(g.dep_ == "det" for g in c.children)
        ]
        children = [c for c in verb.children if c not in objects]
        if (
            name.head.i != verb.i
            or name.dep_ != "compound"
            or name.is_lower
            or feature_values(name, "Number") != ["Sing"]
            or any(c.dep_ == "det" for c in name.children)  # "The Council sanctions on Iran"
            or any(c.dep_ in (*_NOMINAL, "aux", "nsubj") for c in children)
        ):
            continue
        phrases = [
            c
            for c in children
            if c.dep_ == "nmod" and c.i > verb.i and any(g.dep_ == "case" for g in c.children)
        ]
        if not phrases and not objects:
            continue
        for obj in objects:
            obj.dep_ = "obj"
        verb.pos_ = "VERB"
        verb.morph = MorphAnalysis(
            verb.vocab,
            {"Mood": "Ind", "Number": "Sing", "Person": "3", "Tense": "Pres", "VerbForm": "Fin"},
        )
        name.dep_ = "nsubj"
        for phrase in phrases:
            phrase.dep_ = "obl"


def _repair_subject_set_off_before_its_verb(doc: Doc) -> None:
    """ "Israel, en respuesta, llevó a cabo bombardeos sobre Yemen" with "Israel" the root and
    "llevó" its conjunct: a conjunct has a coordinator or sits in a list, so a verb hung as the
    only conjunct of a name at the root, with no coordinator or subject of its own and a phrase
    set off by commas between them, is the main verb and the name its subject. So is a verb
    hung beside the name as a loose clause (`parataxis`) when a comma, not a colon, follows
    the name ("Lula, on a state visit to China, met Xi"; a speaker's label "BLINKEN: …"
    keeps its clause)."""
    for verb in doc:
        if verb.dep_ not in ("conj", "parataxis") or verb.pos_ != "VERB":
            continue  # (the cheap tests first: this runs on every token)
        name = verb.head
        # "X and her counterpart, Y, met": a coordinated subject set off by a comma before
        # the verb (the conjuncts before the verb stay with the name)
        edge = verb.left_edge.i
        paired = verb.dep_ == "parataxis" and "," in (doc[edge].text, doc[edge - 1].text)
        if verb.dep_ == "parataxis" and not paired and (
            name.i + 1 >= len(doc) or doc[name.i + 1].text != ","
        ):
            continue
        if (
            name.dep_ != "ROOT"
            or name.pos_ not in ("PROPN", "NOUN")
            or name.i > verb.i
        ):
            continue
        if any(c.dep_ in ("cc", "nsubj", "nsubj:pass") for c in verb.children):
            continue
        if any(
            c.dep_ == "conj" and c.i != verb.i and (not paired or c.i > verb.i)
            for c in name.children
        ):
            continue
        if not any(t.pos_ == "PUNCT" for t in doc[name.i + 1 : verb.i]):
            continue
        movers = [
            c
            for c in name.children
            if c.i > name.i and c.i != verb.i and not (paired and c.dep_ == "conj")
        ]
        verb.head = verb
        verb.dep_ = "ROOT"
        name.head = verb
        name.dep_ = "nsubj"
        for child in movers:
            child.head = verb
        return


def _repair_reduced_relative(doc: Doc) -> None:
    """ "condemned the attacks carried out by Israel on Gaza" read as a clause "the attacks
    carried out …" hung on the verb: a verb with a passive agent (a case phrase labelled
    `obl:agent`) but no passive auxiliary or passive subject is a participle, the noun phrase
    right before it labelled its subject is the noun it modifies, and that noun is the object
    of the verb above when that verb has none."""
    for verb in doc:
        head = verb.head
        if verb.pos_ != "VERB" or head.i == verb.i or head.pos_ != "VERB" or head.i > verb.i:
            continue
        children = list(verb.children)
        if any(c.dep_ in ("aux", "aux:pass", "nsubj:pass", "cop", "mark") for c in children):
            continue
        if not any(
            c.dep_ == "obl:agent" and any(g.dep_ == "case" for g in c.children) for c in children
        ):
            continue
        subjects = [c for c in children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        if (
            len(subjects) != 1
            or max(t.i for t in subjects[0].subtree) != verb.i - 1
            or subjects[0].i < head.i
            or any(c.dep_ == "obj" for c in head.children)
        ):
            continue
        noun = subjects[0]
        noun.head = head
        noun.dep_ = "obj"
        verb.head = noun
        verb.dep_ = "acl"


def _repair_adjective_on_a_far_noun(doc: Doc) -> None:
    """ "proporcionará 400 millones de dólares en apoyo militar a Ucrania" with "militar" hung
    on "millones": an adjective that disagrees in number with the noun it hangs from, right
    after a noun of that noun's phrase that it agrees with (across other adjectives), belongs
    to that nearer noun."""
    for token in doc:
        head = token.head
        if token.dep_ != "amod" or token.pos_ != "ADJ" or not head.i < token.i:
            continue
        number = feature_values(token, "Number")
        if not number or feature_values(head, "Number") in ([], number):
            continue
        j = token.i - 1
        while j > head.i and doc[j].pos_ == "ADJ" and doc[j].dep_ in ("amod", "conj"):
            j -= 1
        near = doc[j]
        if near.i == head.i or near.pos_ != "NOUN" or feature_values(near, "Number") != number:
            continue
        gender = feature_values(token, "Gender")
        if gender and feature_values(near, "Gender") not in ([], gender):
            continue
        if head in near.ancestors:
            token.head = near


def _repair_object_of_a_case_phrase(doc: Doc) -> None:
    """ "han acordado por unanimidad un paquete de sanciones" with "unanimidad" labelled a
    clause (`xcomp`) and "paquete" its object: a noun opened by a case word is a phrase, not a
    clause, and has no object, so the object is the verb's, and the phrase its oblique. The
    same when the phrase is labelled an oblique already ("condena con firmeza el ataque", with
    "ataque" the object of "firmeza")."""
    for token in doc:
        verb = token.head
        if (
            token.pos_ != "NOUN"
            or token.dep_ not in ("xcomp", "advcl", "ccomp", "obl")
            or verb.pos_ not in ("VERB", "AUX")
            or not any(c.dep_ == "case" and c.i < token.i for c in token.children)
            or any(c.dep_ in ("cop", "mark", "nsubj", "aux") for c in token.children)
        ):
            continue
        objects = [c for c in token.children if c.dep_ == "obj" and c.i > token.i]
        if not objects or any(c.dep_ == "obj" for c in verb.children):
            continue
        token.dep_ = "obl"
        for obj in objects:
            obj.head = verb


def _repair_object_read_as_an_adjective_of_a_name(doc: Doc) -> None:
    """ "le envió a Ucrania misiles de largo alcance" with "misiles" an adjective of "Ucrania":
    a name takes few adjectives after it and none that disagrees with it in number, so a
    plural "adjective" after a singular name in a verb's case phrase is the verb's object, when
    the verb has none."""
    for word in doc:
        name = word.head
        verb = name.head
        if (
            word.pos_ != "ADJ"
            or word.dep_ != "amod"
            or name.pos_ != "PROPN"
            or not name.i < word.i
            or name.dep_ != "obl"
            or verb.pos_ not in ("VERB", "AUX")
            or not any(c.dep_ == "case" and c.i < name.i for c in name.children)
            or any(c.dep_ == "obj" for c in verb.children)
        ):
            continue
        number, named = feature_values(word, "Number"), feature_values(name, "Number")
        if not number or not named or number == named:
            continue
        word.pos_, word.head, word.dep_ = "NOUN", verb, "obj"


def _repair_object_of_an_object(doc: Doc) -> None:
    """ "sostuvieron el viernes una conversación telefónica" with "conversación" the object of
    "viernes", itself the verb's object: a noun has no object, so the second is the verb's
    object, and the bare noun between them an adjunct of the verb (an oblique: a time)."""
    for word in doc:
        noun = word.head
        verb = noun.head
        if (
            word.dep_ != "obj"
            or word.pos_ not in ("NOUN", "PROPN")
            or noun.pos_ != "NOUN"
            or noun.dep_ != "obj"
            or not verb.i < noun.i < word.i
            or verb.pos_ not in ("VERB", "AUX")
            or any(c.dep_ == "case" for c in noun.children)
        ):
            continue
        word.head = verb
        noun.dep_ = "obl"


def _repair_oblique_on_a_noun(doc: Doc) -> None:
    """ "Estados Unidos aplicó sanciones contra Rusia" with "contra Rusia" an `obl` hung on
    "sanciones": an oblique is a predicate's, and a noun that is a verb's argument or another
    noun's modifier, with no copula or subject of its own, is no predicate, so a phrase with a
    case word hung on it is the noun's own modifier (`nmod`)."""
    for token in doc:
        noun = token.head
        if (
            token.dep_ != "obl"
            or noun.i == token.i
            or noun.pos_ not in ("NOUN", "PROPN")
            or noun.dep_ not in ("obj", "iobj", "nsubj", "nsubj:pass", "obl", "nmod")
            or not any(c.dep_ == "case" and c.i < token.i for c in token.children)
            or any(c.dep_ in ("cop", "nsubj", "aux") for c in noun.children)
        ):
            continue
        token.dep_ = "nmod"


def _repair_conjunct_of_a_case_phrase(doc: Doc) -> None:
    """ "reiteró su apoyo al Gobierno y al pueblo de Somalia" with "al pueblo" a conjunct of
    "apoyo": a conjunct opened by the same case word as the phrase right before it, hung on the
    word that phrase depends on (which has no case word of its own), is coordinated with that
    phrase."""
    for token in doc:
        head = token.head
        if token.dep_ != "conj" or head.i == token.i or head.i > token.i:
            continue
        case = [c.text.lower() for c in token.children if c.dep_ == "case" and c.i < token.i]
        if not case or any(c.dep_ == "case" for c in head.children):
            continue
        phrases = [
            c
            for c in head.children
            if head.i < c.i < token.i and c.dep_ in ("nmod", "obl", "obj", "iobj")
        ]
        if not phrases:
            continue
        last = phrases[-1]
        own = [c.text.lower() for c in last.children if c.dep_ == "case" and c.i < last.i]
        if own == case:
            token.head = last


def _repair_adjective_read_as_a_clause(doc: Doc) -> None:
    """ "España entregó ayuda militar a Ucrania" with "militar" labelled a clause (`xcomp`) of
    "ayuda": a noun that is no predicate (no copula, no subject) has no clause of that kind,
    so an adjective right after it, with no copula, subject or subordinator of its own, is its
    modifier (`amod`)."""
    for token in doc:
        noun = token.head
        if (
            token.dep_ != "xcomp"
            or token.pos_ != "ADJ"
            or noun.pos_ not in ("NOUN", "PROPN")
            or token.i != noun.i + 1
            or any(c.dep_ in ("cop", "nsubj", "aux") for c in noun.children)
            or any(c.dep_ in ("cop", "nsubj", "mark", "aux") for c in token.children)
        ):
            continue
        token.dep_ = "amod"


# the relations of a nominal argument or modifier: a phrase whose head may be misread
_NOMINAL_ARGUMENTS = ("obj", "nsubj", "obl", "nmod", "iobj")


def _repair_noun_read_as_a_modifier_of_its_adjective(doc: Doc) -> None:
    """ "Cuba ratificó su respaldo incondicional a Venezuela" with "respaldo" labelled a
    modifier (`amod`) of the adjective after it, which heads the object: a noun modifies no
    adjective, so the noun heads the phrase, with the adjective's words, and the adjective
    modifies it."""
    for noun in doc:
        adjective = noun.head
        if (
            noun.dep_ != "amod"
            or noun.pos_ != "NOUN"
            or adjective.pos_ != "ADJ"
            or adjective.i != noun.i + 1
            or adjective.dep_ not in _NOMINAL_ARGUMENTS
            or adjective.head.i == adjective.i
        ):
            continue
        noun.head, noun.dep_ = adjective.head, adjective.dep_
        for child in list(adjective.children):
            if child.i != noun.i:
                child.head = noun
        adjective.head, adjective.dep_ = noun, "amod"


def _repair_modifier_read_as_the_object(doc: Doc) -> None:
    """ "Rusia expresó su firme respaldo a Venezuela" with "firme" read as the object and
    "respaldo" as a clause (`xcomp`/`advcl`) of the verb: a bare modifier with only a
    determiner, right before a noun the parser made a clause with no subject, subordinator,
    auxiliary or copula of its own, is that noun's modifier, and the noun the object."""
    for word in doc:
        if (
            word.dep_ != "obj"
            or word.pos_ not in ("NOUN", "ADJ")
            or word.i + 1 >= len(doc)
            or any(c.dep_ != "det" for c in word.children)
        ):
            continue
        verb = word.head
        noun = doc[word.i + 1]
        if (
            noun.head.i != verb.i
            or noun.dep_ not in ("xcomp", "advcl")
            or noun.pos_ not in ("NOUN", "ADJ")
            or any(c.dep_ in ("nsubj", "mark", "aux", "cop", "obj") for c in noun.children)
        ):
            continue
        noun.dep_, noun.pos_ = "obj", "NOUN"
        for child in list(word.children):
            child.head = noun
        word.head, word.dep_ = noun, "amod"


def _repair_participle_with_a_determiner(doc: Doc) -> None:
    """ "Lula mantuvo un llamado telefónico con Biden" with "llamado" tagged a participle: a
    participle that is a verb's argument or a noun's modifier and has a determiner of its own
    before it is a noun (an article does not open a verb)."""
    for token in doc:
        if (
            token.pos_ != "VERB"
            or token.dep_ not in ("obj", "nsubj", "nsubj:pass", "obl", "nmod", "iobj")
            or "Part" not in feature_values(token, "VerbForm")
            or not any(
                c.dep_ == "det" and c.i < token.i and c.pos_ == "DET" for c in token.children
            )
            or any(c.dep_ in ("aux", "aux:pass", "cop", "obj") for c in token.children)
        ):
            continue
        token.pos_ = "NOUN"


def _repair_relative_clause_read_as_adverbial(doc: Doc) -> None:
    """ "a su homólogo de Colombia, Iván Duque, quien desde ayer llegó a México" with "llegó"
    a clause (`advcl`, `ccomp`) of "recibió" and "quien" its object: a finite clause opened by
    a relative pronoun with no case word is a relative clause of the name or noun right before
    the pronoun (across a comma), and a pronoun labelled its object, in a clause with no
    subject that agrees with a name before it, is its subject."""
    for pronoun in doc:
        verb = pronoun.head
        if (
            pronoun.dep_ not in ("nsubj", "obj")
            or "Rel" not in feature_values(pronoun, "PronType")
            or verb.dep_ not in ("advcl", "ccomp", "parataxis")
            or "Fin" not in feature_values(verb, "VerbForm")
            or next(t for t in verb.subtree if t.pos_ != "PUNCT").i != pronoun.i
            or pronoun.i < 2
            or any(c.dep_ == "case" for c in pronoun.children)
        ):
            continue
        antecedent = _word_before(doc, pronoun.i)
        if antecedent.pos_ not in ("PROPN", "NOUN") or antecedent in verb.subtree:
            continue
        if pronoun.dep_ == "obj":
            number = feature_values(verb, "Number")
            if (
                antecedent.pos_ != "PROPN"
                or any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children)
                or number not in ([], ["Sing"])
            ):
                continue
            pronoun.dep_ = "nsubj"
        verb.head = antecedent
        verb.dep_ = "acl:relcl"


def _word_before(doc: Doc, index: int) -> Token:
    """The word a relative clause starting at `index` would describe: the one right before it,
    across a comma, taken whole when it is the last part of a name ("Lula da Silva")."""
    word = doc[index - 1]
    if word.pos_ == "PUNCT":
        word = doc[index - 2]
    while word.dep_ in ("flat", "flat:name") and word.head.i < word.i:
        word = word.head
    return word


def _repair_relative_clause_with_a_case_word_read_as_adverbial(doc: Doc) -> None:
    """ "Lula thanked Macron, with whom he met in Paris", "agradeceu a Macron, com quem se
    reuniu", "con quien se reunió", with the clause an `advcl` of the verb above (and "com" its
    subordinator, "quem" its subject): a finite clause opened by a case word and a relative
    pronoun is a relative clause of the name or noun right before them (across a comma), the
    pronoun an oblique that its case word opens."""
    for pronoun in doc:
        verb = pronoun.head
        if (
            pronoun.dep_ not in ("nsubj", "obj", "obl")
            or "Rel" not in feature_values(pronoun, "PronType")
            or verb.dep_ not in ("advcl", "ccomp", "parataxis")
            or "Fin" not in feature_values(verb, "VerbForm")
            or pronoun.i < 3
        ):
            continue
        case = doc[pronoun.i - 1]
        if (
            case.pos_ not in ("ADP", "SCONJ")
            or case.head.i not in (pronoun.i, verb.i)
            or case.dep_ not in ("case", "mark")
            or next(t for t in verb.subtree if t.pos_ != "PUNCT").i != case.i
        ):
            continue
        antecedent = _word_before(doc, case.i)
        if antecedent.pos_ not in ("PROPN", "NOUN") or antecedent in verb.subtree:
            continue
        case.head = pronoun
        case.dep_ = "case"
        pronoun.dep_ = "obl"
        verb.head = antecedent
        verb.dep_ = "acl:relcl"


def _repair_case_on_a_quantifier(doc: Doc) -> None:
    """ "sanciones contra más de 20 funcionarios" with "contra" hung on the adverb "más" and
    "de" read as the noun's case word: the phrase is the noun's, opened by the first case word;
    the second is part of the quantifier ("más de", as `fixed`), as the parser reads "mais de"
    and "more than" elsewhere."""
    for token in doc:
        adverb = token.head
        noun = adverb.head
        if (
            token.dep_ != "case"
            or adverb.dep_ != "advmod"
            or adverb.pos_ not in ("ADV", "ADJ")
            or noun.pos_ not in ("NOUN", "PROPN")
            or not token.i < adverb.i < noun.i
            or any(c.dep_ == "case" and c.i < adverb.i for c in noun.children)
        ):
            continue
        inner = [c for c in noun.children if c.dep_ == "case" and adverb.i < c.i < noun.i]
        token.head = noun
        for word in inner:
            word.head = adverb
            word.dep_ = "fixed"


def _repair_conjunct_read_as_a_modifier(doc: Doc) -> None:
    """ "El presidente francés, Fulano, y el presidente chileno, Mengano, firmaron" with the
    second "presidente" a modifier (`nmod`) of the first: a noun's modifier has a case word,
    so a noun labelled one with no case word and with a coordinator opening its phrase is a
    conjunct of its head."""
    for token in doc:
        head = token.head
        if (
            token.dep_ != "nmod"
            or token.pos_ not in ("NOUN", "PROPN")
            or head.i == token.i
            or head.i > token.i
            or any(c.dep_ == "case" for c in token.children)
        ):
            continue
        first = next(t for t in token.subtree if t.pos_ != "PUNCT")
        if first.dep_ == "cc" and first.head.i == token.i:
            token.dep_ = "conj"


def _repair_coordinated_modifiers_read_as_a_verb(doc: Doc) -> None:
    """ "Russia launched a massive missile and drone attack on energy facilities" with "missile"
    the verb's object, "drone" a conjunct of the verb and "attack" the object of "drone": a noun
    takes no object, so a noun conjoined to a verb whose first conjunct is that verb's bare
    object, with a bare noun right after it as its object, coordinates two modifiers of that
    noun, which is the verb's object and takes the phrase's determiner, adjectives and
    obliques."""
    for second in doc:
        verb = second.head
        if second.dep_ != "conj" or second.pos_ != "NOUN" or verb.pos_ != "VERB":
            continue
        after = second.i + 1
        if after >= len(doc):
            continue
        noun = doc[after]
        firsts = [
            c
            for c in verb.children
            if c.dep_ == "obj" and c.pos_ == "NOUN" and c.i < second.i
        ]
        if (
            noun.head.i != second.i
            or noun.dep_ != "obj"
            or noun.pos_ != "NOUN"
            or len(firsts) != 1
            or not any(c.dep_ == "cc" for c in second.children)
            or any(c.dep_ == "case" for c in (*firsts[0].children, *noun.children))
        ):
            continue
        first = firsts[0]
        noun.head, noun.dep_ = verb, "obj"
        for child in list(first.children):
            if child.i < first.i and child.dep_ in ("det", "amod", "nummod", "nmod:poss"):
                child.head = noun
        for child in list(second.children):
            if child.dep_ in ("obl", "nmod") and child.i > noun.i:
                child.head, child.dep_ = noun, "nmod"
        first.head, first.dep_ = noun, "compound"
        second.head = first


def modifier_of_a_verbless_root(word: Token) -> bool:
    """ "Francia apoya a Ucrania" parsed with "Francia" the root and "apoya" its adjective
    (`amod`), "Una delegación de la OEA visita Honduras" with "visita" its apposition: a word
    labelled a modifier of the nominal root before it, in a sentence with no verb (but an
    infinitive, gerund or participle of its own clauses), is where that sentence's verb
    would be, if the word can be one."""
    root = word.head
    relation = word.dep_.split(":")[0]
    return (
        (relation in ("amod", "appos") or (word.dep_ == "acl" and _finite(word)))
        and root.dep_ == "ROOT"
        and root.pos_ in ("NOUN", "PROPN")
        and root.i < word.i
        and not any(_main_clause_verb(t, word) for t in root.sent if t.i != word.i)
    )


def _main_clause_verb(word: Token, candidate: Token) -> bool:
    """A finite verb that would be the sentence's own: not one inside a clause opened by a
    subordinator ("hasta que se respete") or coordinated after the candidate ("..., y
    seguiremos haciéndolo"), which a verb at the candidate's place leaves as they are."""
    if word.pos_ not in ("VERB", "AUX") or {"Inf", "Ger", "Part"} & set(
        feature_values(word, "VerbForm")
    ):
        return False
    clause = word.head if word.dep_.split(":")[0] in ("aux", "cop") else word
    for ancestor in (clause, *clause.ancestors):
        if ancestor.dep_ == "ROOT":
            break
        if any(c.dep_ == "mark" for c in ancestor.children):
            return False
        if ancestor.dep_ == "conj" and ancestor.i > candidate.i:
            return False
    return True


def repair_verb_read_as_a_modifier_of_the_root(verb: Token) -> None:
    """A verb that `modifier_of_a_verbless_root` found, once known to be one: the sentence is
    its clause, the noun before it its subject, and the phrases the noun held after it the
    verb's (a case phrase an oblique, a bare noun its object)."""
    if not modifier_of_a_verbless_root(verb):
        return
    root = verb.head
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = verb, "nsubj"
    for child in list(root.children):
        if child.i < root.i and _fronted_phrase(child):
            # "On Tuesday, Putin and Trump met": the phrase set off before the subject
            child.head, child.dep_ = verb, "obl"
        if child.i <= verb.i:
            continue
        if child.dep_ == "punct":
            child.head = verb
        elif child.dep_.split(":")[0] in ("nmod", "obl", "amod", "appos"):
            has_case = any(c.dep_ == "case" for c in child.children)
            child.head = verb
            child.dep_ = "obl" if has_case else "obj"


def _finite(word: Token) -> bool:
    return "Fin" in feature_values(word, "VerbForm")


def _fronted_phrase(phrase: Token) -> bool:
    """A case phrase that opens its sentence and ends in a comma ("On Tuesday,")."""
    last = phrase.right_edge.i
    comma = phrase.doc[last] if phrase.doc[last].text == "," else phrase.doc[last + 1 : last + 2]
    return (
        phrase.left_edge.i == phrase.sent.start
        and phrase.dep_.split(":")[0] in ("nmod", "obl")
        and any(c.dep_ == "case" for c in phrase.children)
        and comma.text == ","
    )


def _repair_finite_verb_read_as_a_modifier_of_the_root(doc: Doc) -> None:
    """ "El secretario de Estado Fulano visitará Argentina, Ecuador…" with "secretario" the root
    and "visitará", tagged a finite verb, its adjective: a finite verb modifies no noun, so in a
    sentence with no other verb it is the verb `repair_verb_read_as_a_modifier_of_the_root`
    makes it."""
    for verb in doc:
        if (
            verb.pos_ == "VERB"
            and "Fin" in feature_values(verb, "VerbForm")
            and modifier_of_a_verbless_root(verb)
        ):
            repair_verb_read_as_a_modifier_of_the_root(verb)
            return


def repair_verb_read_as_a_copula(verb: Token) -> None:
    """ "Colombia y Venezuela firmarán un acuerdo" with "firmarán" an adjective read as the
    copula of "acuerdo": once the form is known to be a lexical verb (its ending read by
    kgload.nlp.morphology), it is the clause's verb, the noun its object, and the words before
    it that the noun held (its subject, adverbs, punctuation) the verb's. Only for such a
    form: the parser labels real copulas tagged VERB ("sea", "será") the same way."""
    noun = verb.head
    if verb.dep_ != "cop" or noun.pos_ not in ("NOUN", "PROPN") or not verb.i < noun.i:
        return
    if noun.dep_ == "ROOT":
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = noun.head, noun.dep_
    noun.head, noun.dep_ = verb, "obj"
    for child in list(noun.children):
        if child.i < verb.i:
            child.head = verb


# the phrases of a place predicate that stay on it when its copula becomes the verb: its own
# words ("na capital da China"); the rest of the clause (subject, auxiliaries, adverbs,
# obliques, clauses, punctuation) belongs to the verb
_PREDICATE_OWN = frozenset(
    {"case", "det", "amod", "flat", "fixed", "compound", "nummod", "appos", "nmod"}
)


def repair_copula_of_a_place(doc: Doc, lemmas: frozenset[str]) -> None:
    """ "Lula esteve em Pequim", "Nyusi está em Portugal": UD makes "estar" the copula of the
    place ("Pequim" the root, "em" its case), so no verb holds the place. For the lemmas given
    (the verbs of being somewhere, by language), a copula whose predicate is a name with a case
    word becomes the clause's verb and the place its oblique; the clause's other phrases go
    with it. Real copulas ("ser", "be") are not in the list, and a common noun ("está em
    crise") stays the predicate."""
    for verb in doc:
        place = verb.head
        if (
            verb.dep_ != "cop"
            or verb.lemma_.lower() not in lemmas
            or place.pos_ != "PROPN"
            or not any(c.dep_ == "case" and c.i < place.i for c in place.children)
        ):
            continue
        if place.dep_ == "ROOT":
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = place.head, place.dep_
        verb.pos_ = "VERB"
        for child in list(place.children):
            # a place coordinated with it stays its conjunct ("na Argentina e no Uruguai");
            # a clause coordinated with the copula's is the verb's ("…e depois voltou")
            placed = child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN")
            if child.dep_.split(":", 1)[0] not in _PREDICATE_OWN and not placed:
                child.head = verb
        place.head, place.dep_ = verb, "obl"


def repair_goal_read_as_infinitive_subject(doc: Doc, subject_cases: frozenset[str]) -> None:
    """ "Modi flew to Moscow to meet Putin", "Macron arrived in Beijing to hold talks": small
    English parsers read "to Moscow" as the subject of "to meet" with "to" its subordinator,
    the shape of "for Russia to send". An infinitive with its particle right before it, whose
    subject follows a case word other than `subject_cases` (by language), gets its phrase back
    as an oblique of the verb above; the purpose clause then has the main clause's subject.
    An infinitive hung on that place name ("went to Beijing to sign") goes back to the verb."""
    for verb in doc:
        head = verb.head
        particle = doc[verb.i - 1] if verb.i > 0 else None
        if (
            particle is None
            or particle.head.i != verb.i
            or particle.dep_ != "mark"
            or particle.pos_ != "PART"
            or verb.dep_ not in ("advcl", "xcomp", "acl")
        ):
            continue
        if head.pos_ == "PROPN" and head.dep_ == "obl" and head.head.pos_ == "VERB":
            verb.head, verb.dep_ = head.head, "advcl"
            continue
        if head.pos_ != "VERB":
            continue
        for subject in [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]:
            first = min(t.i for t in subject.subtree)
            case = doc[first - 1] if first > 0 else None
            if (
                case is None
                or case.head.i != verb.i
                or case.dep_ != "mark"
                or case.pos_ != "ADP"
                or case.text.lower() in subject_cases
            ):
                continue
            subject.head, subject.dep_ = head, "obl"
            case.head, case.dep_ = subject, "case"


def repair_of_phrase_of_an_event_noun(
    doc: Doc,
    nouns: Collection[str],
    case_words: frozenset[str],
    pair_words: frozenset[str] = frozenset(),
) -> None:
    """ "anunció el envío de seis tanques a Ucrania" with "de seis tanques" an oblique of
    "anunció", "no vacilará en su apoyo al pueblo de Ucrania" with "al pueblo" one of
    "vacilará", "no início das conversações terça-feira entre Lula e Biden" with "entre…" one
    of "feito": a phrase opened by one of `case_words` (of whom, to whom, with whom; by
    language) right after an event noun (`nouns`) of the verb's phrases, or after it and a
    bare date, is the noun's modifier; one of `pair_words` only when it names two sides
    ("entre Lula e Biden", not "parceria com Angola" of a verb that values it)."""
    for phrase in doc:
        verb = phrase.head
        if phrase.dep_ != "obl" or verb.i == phrase.i:
            continue
        case = [c for c in phrase.children if c.dep_ == "case" and c.i < phrase.i]
        if not case:
            continue
        word = case[0].text.lower()
        paired = word in pair_words and any(c.dep_ == "conj" for c in phrase.children)
        if word not in case_words and not paired:
            continue
        start = phrase.left_edge.i
        if start > 0 and _bare_word_of(doc[start - 1], verb):
            start -= 1  # "das conversações terça-feira entre…": a bare date between them
        noun = next(
            (
                c
                for c in verb.subtree
                if c.dep_ in ("obj", "obl", "nmod")
                and c.pos_ == "NOUN"
                and c.right_edge.i == start - 1
                and (c.lemma_.lower() in nouns or c.text.lower() in nouns)
            ),
            None,
        )
        if noun is not None:
            phrase.head, phrase.dep_ = noun, "nmod"


def _bare_word_of(word: Token, verb: Token) -> bool:
    """A one-word phrase of `verb` with no case word ("terça-feira", "Tuesday")."""
    return (
        word.head.i == verb.i
        and word.dep_.split(":")[0] == "obl"
        and word.pos_ == "NOUN"
        and not list(word.children)
    )


def repair_complement_read_as_relative(doc: Doc, speech: Collection[str]) -> None:
    """ "disse a jornalistas que pretende telefonar a Zelensky" parsed with "que pretende…" a
    relative clause of "jornalistas": after the addressee of a verb of speech (`speech`, by
    language), a clause opened by the relative word as its subject whose verb does not agree
    in number with that addressee cannot be about it, so it is what was said: the word is
    the subordinator, the clause the complement, and its subject the speaker's."""
    for verb in doc:
        noun = verb.head
        if verb.dep_ != "acl:relcl" or noun.i == verb.i or noun.dep_ not in ("obj", "iobj", "obl"):
            continue
        speaker = noun.head
        if speaker.lemma_.lower() not in speech:
            continue
        word = next(
            (
                c
                for c in verb.children
                if c.dep_ == "nsubj" and "Rel" in feature_values(c, "PronType") and c.i < verb.i
            ),
            None,
        )
        number, own = feature_values(verb, "Number"), feature_values(noun, "Number")
        if word is None or not number or not own or number == own:
            continue
        verb.head, verb.dep_ = speaker, "ccomp"
        word.head, word.dep_, word.pos_ = verb, "mark", "SCONJ"


def _repair_auxiliary_read_as_the_verb(doc: Doc) -> None:
    """ "The UK has today sanctioned 50 businesses" with "has" the root and "sanctioned" its
    `xcomp` or `conj`: a finite verb with no object of its own, then only adverbials of the
    participle after it, then a past participle with no subject, subordinator or coordinator
    of its own, is the participle's auxiliary; the participle heads the clause."""
    for part in doc:
        verb = part.head
        if (
            part.dep_ not in ("xcomp", "conj")
            or part.pos_ != "VERB"
            or feature_values(part, "VerbForm") != ["Part"]
            # one that agrees is an adjective ("ficou tão entediado"), not a perfect participle
            or feature_values(part, "Gender")
            or verb.pos_ != "VERB"
            or feature_values(verb, "VerbForm") != ["Fin"]
            or not verb.i + 1 < part.i
            or any(c.dep_ in ("cc", "mark", "nsubj", "nsubj:pass") for c in part.children)
            or any(
                c.dep_ in ("obj", "iobj", "ccomp", "xcomp", "cop") and c.i != part.i
                for c in verb.children
            )
            or any(
                t.head.i != part.i or t.dep_.split(":", 1)[0] not in ("obl", "advmod")
                for t in doc[verb.i + 1 : part.i]
            )
        ):
            continue
        if verb.dep_ == "ROOT":
            part.head, part.dep_ = part, "ROOT"
        else:
            part.head, part.dep_ = verb.head, verb.dep_
        for child in list(verb.children):
            child.head = part
        verb.head, verb.dep_, verb.pos_ = part, "aux", "AUX"


def _repair_adverb_read_as_the_verb(doc: Doc) -> None:
    """ "Canada strongly condemned Russia's strikes" with "strongly" the verb (no tense, no
    verb form) and "condemned" a noun with a participle's features as its object: a word with
    a verb's form right after a "verb" that has none, and that "verb" holding another object
    after it, is the verb, and the word before it its adverb; the clause's phrases go to it."""
    for word in doc:
        adverb = word.head
        if (
            word.pos_ != "NOUN"
            or word.dep_ != "obj"
            or not feature_values(word, "VerbForm")
            or adverb.pos_ != "VERB"
            or adverb.i != word.i - 1
            or any(feature_values(adverb, f) for f in ("VerbForm", "Tense", "Mood"))
            or not any(c.dep_ == "obj" and c.i > word.i for c in adverb.children)
        ):
            continue
        word.pos_ = "VERB"
        features = word.morph.to_dict()
        if features.get("VerbForm") == "Part" and features.get("Tense") == "Past":
            features.update(VerbForm="Fin", Mood="Ind")
        word.morph = MorphAnalysis(word.vocab, features)
        if adverb.head.i == adverb.i:
            word.head = word
        else:
            word.head = adverb.head
        word.dep_ = adverb.dep_
        for child in list(adverb.children):
            if child.i != word.i:
                child.head = word
        adverb.head, adverb.dep_, adverb.pos_ = word, "advmod", "ADV"


def _repair_verb_read_as_its_objects_adjective(doc: Doc) -> None:
    """ "Israeli forces struck targets in southern Lebanon" with "forces" the root, "struck" an
    adjective (`amod`) of "targets" and "targets" set beside "forces": a sentence has a verb,
    so in one whose only verb describes the noun right after it, the noun that roots the
    sentence before that verb is its subject and the noun after it its object."""
    for verb in doc:
        noun = verb.head
        root = noun.head
        if (
            verb.pos_ != "VERB"
            or verb.dep_ != "amod"
            or noun.i != verb.i + 1
            or noun.pos_ not in ("NOUN", "PROPN")
            or root.dep_ != "ROOT"
            or root.pos_ not in ("NOUN", "PROPN")
            or root.i >= verb.i
            or noun.i == root.i
            or not _the_only_verb(verb)
        ):
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        _as_finite(verb)
        for child in list(root.children):
            if child.i > verb.i and child.i != noun.i:
                child.head = verb
        root.head, root.dep_ = verb, "nsubj"
        noun.head, noun.dep_ = verb, "obj"


def _the_only_verb(verb: Token) -> bool:
    """Whether no other word of the sentence is a verb, but one describing a noun."""
    return not any(
        t.pos_ in ("VERB", "AUX") and t.i != verb.i and t.dep_ not in ("amod", "acl")
        for t in verb.sent
    )


def _repair_verb_with_a_subject_read_as_an_adjective(doc: Doc) -> None:
    """ "The State Department announced visa restrictions on…" with "restrictions" the root,
    "announced" its adjective (`amod`) and "Department" the subject of that adjective: a
    modifier of a noun takes no subject, so a verb that has one, before the noun that roots a
    sentence with no other verb, is the sentence's verb and the noun its object."""
    for verb in doc:
        noun = verb.head
        if (
            verb.pos_ != "VERB"
            or verb.dep_ != "amod"
            or noun.dep_ != "ROOT"
            or noun.pos_ not in ("NOUN", "PROPN")
            or noun.i <= verb.i
            or not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
            or not _the_only_verb(verb)
        ):
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        _as_finite(verb)
        for child in list(noun.children):
            if child.i < verb.i or child.dep_ == "punct":
                child.head = verb
        noun.head, noun.dep_ = verb, "obj"
        return


def _as_finite(verb: Token) -> None:
    """A participle made its clause's verb is a finite verb of that clause."""
    if feature_values(verb, "VerbForm") == ["Part"]:
        features = {k: v for k, v in verb.morph.to_dict().items() if k != "Voice"}
        features.update(VerbForm="Fin", Mood="Ind")
        verb.morph = MorphAnalysis(verb.vocab, features)


def _repair_complementizer_read_as_a_relative_subject(doc: Doc) -> None:
    """ "Os Estados Unidos anunciaram que congelaram os bens…" with "que" a relative pronoun
    and the subject of "congelaram": a complement clause (`ccomp`) is no relative clause, so
    the word opening it is its subordinator, and its subject was left out."""
    for word in doc:
        clause = word.head
        if (
            word.dep_ == "nsubj"
            and "Rel" in feature_values(word, "PronType")
            and clause.dep_ == "ccomp"
            and clause.head.i < word.i < clause.i
            and min(t.i for t in clause.subtree) == word.i
            and not any(c.dep_ == "mark" for c in clause.children)
        ):
            word.dep_, word.pos_ = "mark", "SCONJ"


def _repair_list_item_read_as_apposition(doc: Doc) -> None:
    """ "his recent visits to France, Germany, Italy and Ireland" with "Germany" an apposition
    of "France" and "Italy", "Ireland" its conjuncts: a bare name set between commas after a
    name that has conjuncts after it is an item of that list, not another name for it."""
    for item in doc:
        head = item.head
        if (
            item.dep_ != "appos"
            or item.pos_ != "PROPN"
            or head.pos_ != "PROPN"
            or head.i > item.i
            or item.i == 0
            or doc[item.i - 1].text != ","
            or any(c.dep_ not in ("punct", "compound", "flat", "flat:name") for c in item.children)
        ):
            continue
        if any(c.dep_ == "conj" and c.i > item.i for c in head.children):
            item.dep_ = "conj"


def _repair_subject_read_as_apposition_of_a_fronted_phrase(doc: Doc) -> None:
    """ "En visita oficial a Japón, Lula se reunió con Kishida" with "Lula" an apposition of
    "Japón", "On Tuesday, Indian Foreign Secretary Rao and her counterpart met" with "Rao" one
    of "Tuesday": a name whose phrase (its titles with it) starts right after the comma that
    closes a phrase set before the verb, followed only by the verb's clitics, is the subject
    of a verb that has none. A name set off by commas between that phrase and the verb and
    read as the verb's subject ("…, Salman Bashir, met") is the apposition of the phrase's
    last word."""
    for name in doc:
        if name.dep_ != "appos" or name.pos_ != "PROPN" or name.i == 0:
            continue
        first = min(t.i for t in name.subtree if t.pos_ != "PUNCT")
        if first == 0 or doc[first - 1].text != ",":
            continue
        end = max(t.i for t in name.subtree if t.pos_ != "PUNCT")
        verb = next((t for t in doc[end + 1 :] if t.pos_ != "PRON"), None)
        set_off = _name_set_off_after(doc, end)
        if set_off is not None:
            verb = next((t for t in doc[set_off.right_edge.i + 2 :] if t.pos_ != "PRON"), None)
        if verb is None or verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if subjects not in ([], [set_off]):
            continue
        fronted = name.head
        while fronted.head.i != verb.i and fronted.head.i != fronted.i:
            fronted = fronted.head
        if fronted.head.i != verb.i or fronted.dep_ not in ("obl", "advcl") or fronted.i > name.i:
            continue
        if set_off is not None:
            set_off.head, set_off.dep_ = doc[end], "appos"
        name.head = verb
        name.dep_ = "nsubj"


def _name_set_off_after(doc: Doc, end: int) -> Token | None:
    """The name between commas right after token `end` (", Salman Bashir,"), if there is one:
    proper nouns only, one of them holding the others."""
    if end + 1 >= len(doc) or doc[end + 1].text != ",":
        return None
    words = list(itertools.takewhile(lambda t: t.text != ",", doc[end + 2 :]))
    after = end + 2 + len(words)
    if not words or after >= len(doc) or any(t.pos_ != "PROPN" for t in words):
        return None
    heads = [t for t in words if not words[0].i <= t.head.i < after]
    return heads[0] if len(heads) == 1 else None


def _repair_finite_verb_coordinated_with_a_noun(doc: Doc) -> None:
    """ "El secretario presidirá la delegación … y luego visitará Cartagena" with "visitará" a
    conjunct of "delegación" and "Cartagena" a part of its name (`flat`): a finite verb is
    coordinated with a verb, so it is the conjunct of the nearest verb above the noun, a name
    hung on a verb as part of its name is its object, and a name set beside the verb after it
    ("…, Colombia") is the object's apposition."""
    for verb in doc:
        noun = verb.head
        if (
            verb.dep_ != "conj"
            or verb.pos_ != "VERB"
            or not _finite(verb)
            or noun.pos_ not in ("NOUN", "PROPN")
            or noun.i > verb.i
        ):
            continue
        above = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if above is None:
            continue
        verb.head = above
        named = [
            n
            for n in verb.children
            if n.dep_ in ("flat", "flat:name") and n.pos_ == "PROPN" and n.i > verb.i
        ]
        for name in named[:1]:
            name.dep_ = "obj"
            # "visitará Cartagena, Colombia": the name set beside it is the object's
            for beside in verb.children:
                if beside.dep_ == "appos" and beside.i > name.i:
                    beside.head = name


def _repair_case_phrase_hung_on_an_adverb(doc: Doc) -> None:
    """ "Depois da reunião com Lula, Blinken visitou o porto" with "da reunião" an oblique of
    the adverb "Depois": an adverb that opens the sentence with a case phrase right after it,
    set off by a comma, works as that phrase's compound case word ("después de"), so the
    phrase is the verb's."""
    for adverb in doc:
        verb = adverb.head
        if adverb.pos_ != "ADV" or adverb.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX"):
            continue
        phrases = [
            c
            for c in adverb.children
            if c.dep_.split(":")[0] in ("obl", "nmod")
            and c.pos_ in ("NOUN", "PROPN")
            and c.left_edge.i == adverb.i + 1
            and any(g.dep_ == "case" for g in c.children)
        ]
        if len(phrases) != 1 or adverb.i != adverb.sent.start:
            continue
        phrase = phrases[0]
        after = phrase.right_edge.i + 1
        if phrase.doc[phrase.right_edge.i].text != "," and (
            after >= len(doc) or doc[after].text != ","
        ):
            continue  # "looked back to the visit": a particle, no phrase set before the clause
        phrase.head, phrase.dep_ = verb, "obl"
        adverb.head, adverb.dep_ = phrase, "case"
        for child in list(adverb.children):
            if child.dep_ == "punct":
                child.head = verb


def _repair_relative_clause_on_a_verb(doc: Doc) -> None:
    """ "Kishida, who met Biden last month, will travel to Manila" with "who met…" a relative
    clause (`acl:relcl`) of "travel": a relative clause describes a noun, so one the parser hung
    on a verb, opened by its relative pronoun right after a noun and a comma, describes that
    noun."""
    for clause in doc:
        verb = clause.head
        if clause.dep_ != "acl:relcl" or verb.pos_ not in ("VERB", "AUX") or verb.i == clause.i:
            continue
        first = min(t.i for t in clause.subtree if t.pos_ != "PUNCT" and not t.is_punct)
        if first < 2 or "Rel" not in feature_values(doc[first], "PronType"):
            continue
        comma, noun = doc[first - 1], doc[first - 2]
        if comma.text != "," or noun.pos_ not in ("NOUN", "PROPN") or noun.i == verb.i:
            continue
        clause.head = noun


_ANY_VERB = Need(("VERB",))
_NOUN_ROOT = Need(("NOUN", "PROPN"), ("ROOT",))
_CASE = Need((), ("case",))
_SUBJECT = Need((), ("nsubj",))

# every repair, in the order `_repair` runs them, with the words it cannot change a tree
# without: each a necessary condition of its first change, read off the conditions on the word
# it walks to and the words around it, so when the doc has none the walk would change nothing
# (no needs: always run)
_REPAIRS: tuple[tuple[Callable[[Doc], None], tuple[Need, ...]], ...] = (
    (_repair_finite_verb_as_object, (Need(("VERB",), ("obj", "xcomp")),)),
    (
        _repair_subject_of_an_auxiliary,
        (Need((), ("nsubj", "nsubj:pass")), Need((), ("aux", "aux:pass"))),
    ),
    (_repair_noun_root_with_subject, (Need(("NOUN", "ADJ"), ("ROOT",)), _SUBJECT)),
    (
        _repair_verb_read_as_a_named_noun,
        (
            Need(("NOUN",), ("ROOT", "ccomp")),
            Need(("PROPN",), ("compound", "nsubj")),
            Need((), ("obl",)),
        ),
    ),
    (
        _repair_present_verb_read_as_a_plural_noun,
        (Need(("NOUN",), ("ROOT",)), Need((), ("compound",))),
    ),
    (
        _repair_subject_set_off_before_its_verb,
        (Need(("VERB",), ("conj", "parataxis")), _NOUN_ROOT),
    ),
    (_repair_unmarked_agents, (Need((), ("obl:agent",)), _ANY_VERB, _SUBJECT)),
    (_repair_reduced_relative, (Need((), ("obl:agent",)), Need(("NOUN",), ("nsubj",)))),
    (_repair_possessive_clitic_read_as_a_word, (Need(("PROPN", "NOUN")),)),
    (_repair_flat_name_with_its_own_case, (Need((), ("flat", "flat:name")), _CASE)),
    (_repair_case_on_possessor, (_CASE, Need((), ("nmod:poss",)))),
    (_repair_second_subject, (_ANY_VERB, Need(("NOUN",), ("nsubj",)))),
    (_repair_second_object, (Need((), ("obj",)), _CASE)),
    (
        _repair_nominal_clause,
        (Need(("NOUN", "PROPN"), ("advcl", "xcomp", "ccomp")), _ANY_VERB),
    ),
    (
        _repair_participle_root,
        (
            Need(("VERB",), ("ROOT",)),
            _SUBJECT,
            Need(("ADJ", "NOUN", "ADV"), ("advmod", "amod", "obl", "nmod")),
        ),
    ),
    (_repair_verbless_predicate, ()),
    (_repair_fronted_infinitive_clause, (Need(("VERB",), ("dep", "xcomp")), Need((), ("mark",)))),
    (
        _repair_infinitive_subject,
        (Need((), ("advcl",)), Need(("PROPN", "NOUN"), ("obl",)), _CASE),
    ),
    (
        _repair_object_read_as_apposition,
        (Need(("NOUN",), ("appos",)), Need((), ("obl",)), _ANY_VERB),
    ),
    (
        _repair_passive_subject_of_a_pronominal_verb,
        (Need((), ("nsubj:pass",)), Need((), ("expl:pv",))),
    ),
    (
        _repair_relative_word_read_as_a_subordinator,
        (Need((), ("acl:relcl",)), Need((), ("mark",)), Need(("PROPN",))),
    ),
    (_repair_main_verb_read_as_relative, (_NOUN_ROOT, Need(("VERB",), ("acl:relcl",)))),
    (
        repair_main_verb_read_as_participle,
        (_NOUN_ROOT, Need(("VERB",), ("acl",)), Need((), ("obj",))),
    ),
    (_repair_main_verb_after_a_relative, (_NOUN_ROOT, Need((), ("acl:relcl",)), _ANY_VERB)),
    (
        _repair_phrase_on_a_named_object,
        (Need(("PROPN", "PRON"), ("obj",)), Need((), ("nmod", "obl")), _CASE),
    ),
    (_repair_adjective_on_a_far_noun, (Need(("ADJ",), ("amod",)), Need(("NOUN",)))),
    (
        _repair_object_of_a_case_phrase,
        (Need(("NOUN",), ("xcomp", "advcl", "ccomp", "obl")), Need((), ("obj",)), _CASE),
    ),
    (
        _repair_object_read_as_an_adjective_of_a_name,
        (Need(("ADJ",), ("amod",)), Need(("PROPN",), ("obl",))),
    ),
    (_repair_object_of_an_object, (Need(("NOUN",), ("obj",)),)),
    (
        _repair_noun_read_as_a_modifier_of_its_adjective,
        (Need(("NOUN",), ("amod",)), Need(("ADJ",), _NOMINAL_ARGUMENTS)),
    ),
    (
        _repair_modifier_read_as_the_object,
        (Need(("NOUN", "ADJ"), ("obj",)), Need(("NOUN", "ADJ"), ("xcomp", "advcl"))),
    ),
    (
        _repair_oblique_on_a_noun,
        (
            Need((), ("obl",)),
            Need(("NOUN", "PROPN"), ("obj", "iobj", "nsubj", "nsubj:pass", "obl", "nmod")),
            _CASE,
        ),
    ),
    (_repair_conjunct_of_a_case_phrase, (Need((), ("conj",)), _CASE)),
    (_repair_adjective_read_as_a_clause, (Need(("ADJ",), ("xcomp",)),)),
    (
        _repair_participle_with_a_determiner,
        (
            Need(("VERB",), ("obj", "nsubj", "nsubj:pass", "obl", "nmod", "iobj")),
            Need(("DET",), ("det",)),
        ),
    ),
    (
        _repair_relative_clause_read_as_adverbial,
        (Need((), ("nsubj", "obj")), Need((), ("advcl", "ccomp", "parataxis"))),
    ),
    (
        _repair_relative_clause_with_a_case_word_read_as_adverbial,
        (
            Need((), ("nsubj", "obj", "obl")),
            Need((), ("advcl", "ccomp", "parataxis")),
            Need(("ADP", "SCONJ"), ("case", "mark")),
        ),
    ),
    (
        _repair_case_on_a_quantifier,
        (_CASE, Need(("ADV", "ADJ"), ("advmod",)), Need(("NOUN", "PROPN"))),
    ),
    (_repair_conjunct_read_as_a_modifier, (Need(("NOUN", "PROPN"), ("nmod",)), Need((), ("cc",)))),
    (
        _repair_coordinated_modifiers_read_as_a_verb,
        (Need(("NOUN",), ("conj",)), Need(("NOUN",), ("obj",)), _ANY_VERB, Need((), ("cc",))),
    ),
    (_repair_adverb_read_as_the_verb, (Need(("NOUN",), ("obj",)), _ANY_VERB)),
    (_repair_auxiliary_read_as_the_verb, (Need(("VERB",), ("xcomp", "conj")),)),
    (
        _repair_verb_read_as_its_objects_adjective,
        (Need(("VERB",), ("amod",)), _NOUN_ROOT),
    ),
    (
        _repair_finite_verb_read_as_a_modifier_of_the_root,
        (Need(("VERB",), ("amod", "appos", "acl")), _NOUN_ROOT),
    ),
    (
        _repair_verb_with_a_subject_read_as_an_adjective,
        (Need(("VERB",), ("amod",)), _NOUN_ROOT, _SUBJECT),
    ),
    (_repair_relative_clause_on_a_verb, (Need((), ("acl:relcl",)), Need(("VERB", "AUX")))),
    (_repair_finite_verb_coordinated_with_a_noun, (Need(("VERB",), ("conj",)),)),
    (_repair_case_phrase_hung_on_an_adverb, (Need(("ADV",), ("advmod",)), _CASE)),
    (_repair_list_item_read_as_apposition, (Need(("PROPN",), ("appos",)), Need((), ("conj",)))),
    (_repair_complementizer_read_as_a_relative_subject, (Need((), ("ccomp",)), _SUBJECT)),
    (
        _repair_subject_read_as_apposition_of_a_fronted_phrase,
        (Need(("PROPN",), ("appos",)), _ANY_VERB, Need((), ("obl", "advcl"))),
    ),
)
