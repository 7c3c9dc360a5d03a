"""First-person copies of treebank sentences, to train pipelines that read "hablé con…".

News treebanks are written in the third person: Spanish GSD/PUD and Portuguese Bosque hold
almost no "hablé", "nos reunimos", "assinei", so the small pipelines trained on them tag such
verbs as adjectives or nouns with the form as lemma, and the parse around them falls apart.
Yet government remarks, transcripts and quotes are full of them ("esta mañana hablé con el
primer ministro"). This module adds, for a share of the training sentences, a copy in which one
clause's subject becomes the speaker: the nominal subject is dropped (both languages drop
subject pronouns) or replaced by a first-person pronoun, the finite verb (and any conjoined
verb sharing the subject) takes the first person, and a reflexive clitic agreeing with the
subject follows ("se reunió" → "nos reunimos").

Everything the rewrite needs is learned from the treebank itself, so no word of a language is
written here: the inflected forms observed for each lemma and feature set, suffix rules
(lemma ending + features → how the form ends) for lemmas never seen in that cell, applied
only to verbs the rule also reproduces in the cell they were seen in (regular ones), and the
most frequent first-person clitic and subject pronoun of each number.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

RULE_MIN_COUNT = 3  # a suffix rule seen fewer times is not trusted for a new lemma
PRONOUN_SHARE = 0.3  # how often the subject becomes a pronoun instead of being dropped
SKIP_RELATIONS = {"cop", "aux:pass", "nsubj:pass", "expl:pass", "expl:impers", "csubj"}


@dataclass(frozen=True)
class Word:
    """One syntactic word of a CoNLL-U sentence."""

    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: tuple[tuple[str, str], ...]
    head: int
    deprel: str
    misc: str

    def feat(self, name: str) -> str | None:
        return dict(self.feats).get(name)

    def with_feats(self, **changes: str) -> tuple[tuple[str, str], ...]:
        merged = dict(self.feats) | changes
        return tuple(sorted(merged.items()))


@dataclass
class Sentence:
    """A CoNLL-U sentence: its comments, words and multi-word ranges (first, last, form)."""

    comments: list[str]
    words: list[Word]
    ranges: list[tuple[int, int, str, str]] = field(default_factory=list)

    def children(self, head: int) -> list[Word]:
        return [w for w in self.words if w.head == head]

    def subtree(self, root: int) -> set[int]:
        found, todo = {root}, [root]
        while todo:
            node = todo.pop()
            for child in self.children(node):
                if child.id not in found:
                    found.add(child.id)
                    todo.append(child.id)
        return found

    def in_range(self, word_id: int) -> bool:
        return any(first <= word_id <= last for first, last, _f, _m in self.ranges)


def _feats(text: str) -> tuple[tuple[str, str], ...]:
    if text == "_":
        return ()
    pairs = (item.split("=", 1) for item in text.split("|") if "=" in item)
    return tuple(sorted((k, v) for k, v in pairs))


def _feats_text(feats: tuple[tuple[str, str], ...]) -> str:
    return "|".join(f"{k}={v}" for k, v in feats) or "_"


def parse_sentence(block: str) -> Sentence | None:
    """A CoNLL-U block as a Sentence (None for sentences with empty nodes, left as they are)."""
    sentence = Sentence(comments=[], words=[])
    for line in block.strip("\n").split("\n"):
        if line.startswith("#"):
            sentence.comments.append(line)
            continue
        cols = line.split("\t")
        if len(cols) != 10 or "." in cols[0]:
            return None
        if "-" in cols[0]:
            first, last = (int(x) for x in cols[0].split("-"))
            sentence.ranges.append((first, last, cols[1], cols[9]))
            continue
        sentence.words.append(
            Word(
                int(cols[0]),
                cols[1],
                cols[2],
                cols[3],
                cols[4],
                _feats(cols[5]),
                int(cols[6]),
                cols[7],
                cols[9],
            )
        )
    return sentence


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def render(sentence: Sentence) -> str:
    """The sentence back as a CoNLL-U block, with its `# text` rebuilt from the words."""
    lines: list[str] = []
    text: list[str] = []
    starts = {first: (first, last, form, misc) for first, last, form, misc in sentence.ranges}
    skip_until = 0
    for word in sentence.words:
        if word.id in starts:
            first, last, form, misc = starts[word.id]
            lines.append(f"{first}-{last}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{misc}")
            text.append(form + (" " if _space_after(misc) else ""))
            skip_until = last
        elif word.id > skip_until:
            text.append(word.form + (" " if _space_after(word.misc) else ""))
        cols = [
            str(word.id),
            word.form,
            word.lemma,
            word.upos,
            word.xpos,
            _feats_text(word.feats),
            str(word.head),
            word.deprel,
            "_",
            word.misc,
        ]
        lines.append("\t".join(cols))
    comments = [c for c in sentence.comments if not c.startswith("# text =")]
    comments.append("# text = " + "".join(text).strip())
    return "\n".join([*comments, *lines]) + "\n"


def _is_verb(word: Word) -> bool:
    return word.upos in ("VERB", "AUX")


def _cell(word: Word) -> tuple[tuple[str, str], ...]:
    """The features that choose a verb's form (gender of participles aside)."""
    return tuple(
        (k, v) for k, v in word.feats if k in ("Mood", "Number", "Person", "Tense", "VerbForm")
    )


def _suffix_rule(lemma: str, form: str) -> tuple[int, str]:
    """(characters cut from the lemma's end, ending added) that make the form."""
    common = 0
    while common < min(len(lemma), len(form)) and lemma[common] == form[common]:
        common += 1
    return len(lemma) - common, form[common:]


@dataclass
class Paradigms:
    """What the treebank says about verb forms, clitics and subject pronouns."""

    forms: dict[tuple[str, tuple[tuple[str, str], ...]], Counter[str]] = field(default_factory=dict)
    rules: dict[tuple[str, tuple[tuple[str, str], ...]], Counter[tuple[int, str]]] = field(
        default_factory=dict
    )
    clitics: dict[str, Counter[tuple[str, str, str, tuple[tuple[str, str], ...]]]] = field(
        default_factory=dict
    )
    pronouns: dict[str, Counter[tuple[str, str, str, tuple[tuple[str, str], ...]]]] = field(
        default_factory=dict
    )

    @classmethod
    def learn(cls, sentences: Iterable[Sentence]) -> Paradigms:
        paradigms = cls()
        for sentence in sentences:
            for word in sentence.words:
                paradigms._observe(word)
        return paradigms

    def _observe(self, word: Word) -> None:
        lemma, form = word.lemma.lower(), word.form.lower()
        if _is_verb(word) and word.feat("VerbForm") == "Fin" and lemma.isalpha():
            cell = _cell(word)
            self.forms.setdefault((lemma, cell), Counter())[form] += 1
            self.rules.setdefault((lemma[-2:], cell), Counter())[_suffix_rule(lemma, form)] += 1
        if word.upos == "PRON" and word.feat("Person") == "1" and word.feat("PronType") == "Prs":
            number = word.feat("Number") or ""
            entry = (form, word.lemma, word.xpos, word.feats)
            if word.deprel.startswith("nsubj"):
                self.pronouns.setdefault(number, Counter())[entry] += 1
            elif word.deprel.split(":")[0] in ("obj", "iobj", "expl"):
                self.clitics.setdefault(number, Counter())[entry] += 1

    def inflect(self, word: Word, cell: tuple[tuple[str, str], ...]) -> str | None:
        """The verb's form in another cell: as seen in the treebank, else by a suffix rule the
        verb follows where it was seen; None when neither is known."""
        lemma = word.lemma.lower()
        seen = self.forms.get((lemma, cell))
        if seen:
            return seen.most_common(1)[0][0]
        own = self.rules.get((lemma[-2:], _cell(word)))
        if not own or own.most_common(1)[0][0] != _suffix_rule(lemma, word.form.lower()):
            return None
        target = self.rules.get((lemma[-2:], cell))
        if not target:
            return None
        (cut, ending), count = target.most_common(1)[0]
        if count < RULE_MIN_COUNT or len(lemma) - cut < 2:
            return None
        return lemma[: len(lemma) - cut] + ending


def _first_person_cell(word: Word, number: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((dict(_cell(word)) | {"Person": "1", "Number": number}).items()))


def _match_case(new: str, old: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


@dataclass(frozen=True)
class _Plan:
    """The rewrite of one clause: words replaced, the subject's words dropped, and the pronoun
    put in the subject's place (None: the subject is dropped)."""

    replaced: dict[int, Word]
    dropped: set[int]
    pronoun: Word | None


def _finite(sentence: Sentence, verb: Word) -> Word | None:
    """The one finite word of the verb's clause (the verb or its auxiliary)."""
    candidates = [verb, *(c for c in sentence.children(verb.id) if c.deprel.startswith("aux"))]
    finite = [w for w in candidates if w.feat("VerbForm") == "Fin"]
    return finite[0] if len(finite) == 1 and finite[0].feat("Person") == "3" else None


def _agreeing(sentence: Sentence, verb: Word) -> list[Word]:
    """The verb's words that agree with its subject: the finite form and a reflexive clitic."""
    return [
        c
        for c in sentence.children(verb.id)
        if c.upos == "PRON"
        and c.feat("Person") in (None, "3")
        and (c.feat("Reflex") == "Yes" or c.deprel in ("expl", "expl:pv"))
    ]


def _rewrite_clause(
    sentence: Sentence, verb: Word, number: str, paradigms: Paradigms
) -> dict[int, Word] | None:
    """The verb's clause in the first person (finite form, reflexive clitic), or None."""
    finite = _finite(sentence, verb)
    if finite is None or sentence.in_range(finite.id):
        return None
    cell = _first_person_cell(finite, number)
    form = paradigms.inflect(finite, cell)
    if form is None:
        return None
    replaced = {
        finite.id: replace(
            finite,
            form=_match_case(form, finite.form),
            feats=finite.with_feats(Person="1", Number=number),
        )
    }
    for clitic in _agreeing(sentence, verb):
        choices = paradigms.clitics.get(number)
        if not choices or sentence.in_range(clitic.id):
            return None
        new_form, lemma, xpos, feats = choices.most_common(1)[0][0]
        replaced[clitic.id] = replace(
            clitic, form=_match_case(new_form, clitic.form), lemma=lemma, xpos=xpos, feats=feats
        )
    return replaced


def plan(
    sentence: Sentence, verb: Word, number: str, paradigms: Paradigms, pronoun: bool
) -> _Plan | None:
    """How to put the verb's clause in the first person, or None when it cannot be done
    safely (passive, copula, a subject that is not a noun phrase, a form not known)."""
    kids = sentence.children(verb.id)
    if any(k.deprel in SKIP_RELATIONS for k in kids):
        return None
    predicates = [verb, *(k for k in kids if k.deprel == "xcomp")]
    if any(_agrees_otherwise(w, number) for w in predicates):
        return None
    subjects = [k for k in kids if k.deprel == "nsubj"]
    if len(subjects) != 1 or subjects[0].upos not in ("NOUN", "PROPN"):
        return None
    dropped = sentence.subtree(subjects[0].id)
    if max(dropped) - min(dropped) + 1 != len(dropped) or any(
        sentence.in_range(i) and not _range_inside(sentence, i, dropped) for i in dropped
    ):
        return None
    replaced = _rewrite_clause(sentence, verb, number, paradigms)
    if replaced is None:
        return None
    for other in kids:  # "habló con X y visitó Y": a conjoined verb shares the subject
        if (
            other.deprel == "conj"
            and _is_verb(other)
            and not any(k.deprel.startswith("nsubj") for k in sentence.children(other.id))
            and other.feat("VerbForm") == "Fin"
        ):
            more = _rewrite_clause(sentence, other, number, paradigms)
            if more is None:
                return None
            replaced |= more
    new_pronoun = None
    if pronoun:
        choices = paradigms.pronouns.get(number)
        if not choices:
            return None
        form, lemma, xpos, feats = choices.most_common(1)[0][0]
        new_pronoun = Word(min(dropped), form, lemma, "PRON", xpos, feats, verb.id, "nsubj", "_")
    return _Plan(replaced, dropped, new_pronoun)


def _agrees_otherwise(word: Word, number: str) -> bool:
    """A participle or predicative adjective that agrees with the subject in another number
    ("está escrita" cannot become "estamos escrita")."""
    agrees = word.upos == "ADJ" or word.feat("VerbForm") == "Part"
    return agrees and word.feat("Number") not in (None, number)


def _range_inside(sentence: Sentence, word_id: int, ids: set[int]) -> bool:
    return all(
        set(range(first, last + 1)) <= ids
        for first, last, _f, _m in sentence.ranges
        if first <= word_id <= last
    )


def apply(sentence: Sentence, change: _Plan) -> Sentence:
    """The sentence with the plan carried out, words renumbered."""
    kept: list[tuple[int | None, Word]] = []
    for word in sentence.words:
        if word.id == min(change.dropped) and change.pronoun is not None:
            kept.append((None, change.pronoun))
        if word.id not in change.dropped:
            kept.append((word.id, change.replaced.get(word.id, word)))
    new_id = {old: k + 1 for k, (old, _w) in enumerate(kept) if old is not None}
    words = [
        replace(word, id=k + 1, head=0 if word.head == 0 else new_id[word.head])
        for k, (_old, word) in enumerate(kept)
    ]
    if sentence.words and sentence.words[0].id in change.dropped and words:
        first = words[0]
        words[0] = replace(first, form=first.form[:1].upper() + first.form[1:])
    ranges = [
        (new_id[first], new_id[last], form, misc)
        for first, last, form, misc in sentence.ranges
        if first not in change.dropped
    ]
    return Sentence(comments=list(sentence.comments), words=words, ranges=ranges)


def first_person_copies(blocks: Sequence[str], *, share: float, seed: int = 0) -> list[str]:
    """First-person copies of about `share` of the sentences that have a clause to rewrite,
    each a new CoNLL-U block with `-1p` added to its sent_id."""
    rng = random.Random(seed)
    sentences = [parse_sentence(block) for block in blocks]
    paradigms = Paradigms.learn(s for s in sentences if s is not None)
    copies: list[str] = []
    for sentence in sentences:
        if sentence is None or rng.random() >= share:
            continue
        number = rng.choice(("Sing", "Plur"))
        pronoun = rng.random() < PRONOUN_SHARE
        verbs = [
            w
            for w in sentence.words
            if w.upos == "VERB" or (w.upos == "AUX" and w.deprel == "root")
        ]
        rng.shuffle(verbs)
        for verb in verbs:
            change = plan(sentence, verb, number, paradigms, pronoun)
            if change is not None:
                copy = apply(sentence, change)
                copy.comments = [
                    c + "-1p" if c.startswith("# sent_id") else c for c in copy.comments
                ]
                copies.append(render(copy))
                break
    return copies
