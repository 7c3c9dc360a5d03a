"""Reading a dependency-parsed sentence: which linked mention a token stands for, the case words
that introduce a phrase, subjects (also those a controlled or coordinated verb shares), and the
actors a phrase names once appositions, coordination, relative pronouns, possessors and
"o governo russo"-style heads are followed.

Everything works on Universal Dependencies relations, the same in every language; the words it
needs (case markers, word classes) come from the language's grammar (`kgload.nlp.grammar`).
"""

from __future__ import annotations

import functools
import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kgload.model import EntityKind, Mention
from kgload.nlp.features import feature_values
from kgload.nlp.grammar import Grammar
from kgload.nlp.parse import APOSTROPHES

__all__ = [
    "ACTOR_KINDS",
    "ArticleMentions",
    "MentionIndex",
    "ParsedSentence",
    "base_dep",
    "case_phrase",
    "children",
    "disagrees_in_number",
    "is_actor",
    "is_passive",
    "subjects",
    "top_level",
]

ACTOR_KINDS = (EntityKind.PERSON, EntityKind.STATE, EntityKind.ORGANIZATION)
# relations that lead from a phrase's head to a word naming the same referent or its owner
_DESCENT = ("appos", "flat", "nmod", "amod", "compound", "det", "obl")
_CLAUSAL = ("ccomp", "xcomp", "parataxis", "advcl", "acl", "csubj", "conj", "root")


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """The parse of one sentence of an article. `spans` gives each token's character span in
    the article: a token may stand for several words (a person's full name is parsed as one
    familiar name, see `kgload.extract.analyze`)."""

    doc: Doc
    spans: tuple[tuple[int, int], ...]
    number: int
    paragraph: int
    # fronted or trailing attributions cut off before parsing ("Segundo a KCNA,", ", disse X")
    attributions: tuple[tuple[int, int], ...] = ()

    @property
    def start(self) -> int:
        return self.spans[0][0] if self.spans else 0

    @property
    def end(self) -> int:
        return self.spans[-1][1] if self.spans else 0

    def char_span(self, token: Token) -> tuple[int, int]:
        return self.spans[token.i]


def base_dep(token: Token) -> str:
    """The universal relation without its subtype: "nsubj:pass" → "nsubj"."""
    return _base_relation(token.dep_)


# the parser's relations are a closed set, and the event stage asks for them by the
# hundred thousand: each is split once
@functools.cache
def _base_relation(relation: str) -> str:
    return relation.split(":", 1)[0].lower()


@functools.lru_cache(maxsize=4096)
def _relation_in(relation: str, relations: tuple[str, ...]) -> bool:
    return relation.lower() in relations or _base_relation(relation) in relations


# for each tuple of relations asked for, whether each relation seen is one of them: the event
# stage asks hundreds of thousands of times, about a few dozen relations
_ACCEPTED: dict[tuple[str, ...], dict[str, bool]] = {}


def children(token: Token, *relations: str) -> list[Token]:
    """Children whose relation (with or without subtype) is one of `relations`."""
    accepted = _ACCEPTED.get(relations)
    if accepted is None:
        accepted = _ACCEPTED[relations] = {}
    found: list[Token] = []
    for child in token.children:
        relation = child.dep_
        ok = accepted.get(relation)
        if ok is None:
            ok = accepted[relation] = _relation_in(relation, relations)
        if ok:
            found.append(child)
    return found


def _first_word(token: Token) -> str:
    lemma = token.lemma_.lower().strip()
    return (lemma.split()[0] if lemma else "") or token.lower_


def case_phrase(token: Token) -> str:
    """The case or mark words that introduce `token`'s phrase, as they read ("according to",
    "de acordo com"); a merged word counts by its first lemma ("pelo" → "por")."""
    words: list[str] = []
    for child in token.lefts:  # (the children before it, in order)
        if base_dep(child) in ("case", "mark"):
            words.append(_first_word(child))
            words.extend(f.lower_ for f in child.children if base_dep(f) == "fixed")
    return " ".join(words)


def is_passive(verb: Token) -> bool:
    """A passive clause by its relations; the Voice feature alone only where the verb has no
    active subject (a tagger may call "Biden hosted Yoon" passive)."""
    relations = {c.dep_.lower() for c in verb.children}
    if relations & {"aux:pass", "nsubj:pass", "csubj:pass"}:
        return True
    return "Pass" in feature_values(verb, "Voice") and "nsubj" not in relations


def subjects(verb: Token, *, depth: int = 0) -> list[Token]:
    """The subjects of a verb; a verb without one shares that of the verb it is controlled by or
    coordinated with ("decidiu enviar tropas", "met Kim and signed a treaty")."""
    # a reflexive clitic the parser took for a subject ("se encontró con Obama") is none
    # nor is a line break the parser hung as one
    found = [
        s
        for s in children(verb, "nsubj", "csubj")
        if "Yes" not in feature_values(s, "Reflex") and not s.is_space
    ]
    head = verb.head
    if _complement_read_as_relative(verb, found) and depth < 3:
        # "Lula disse a jornalistas que pretende telefonar…": the complement of the verb above,
        # which speaks of its subject
        return subjects(head.head, depth=depth + 1)
    if found or depth >= 3:
        return found
    relation = base_dep(verb)
    if head.i == verb.i:
        return []
    if relation == "xcomp":
        objects = children(head, "obj", "iobj")
        return objects or subjects(head, depth=depth + 1)
    if (
        relation in ("obj", "xcomp")
        and verb.pos_ == "ADJ"
        and "Part" in feature_values(verb, "VerbForm")
        and head.pos_ in ("VERB", "AUX")
    ):
        # "Washington tiene previsto anunciar un paquete": a participle said of the subject
        # of the verb above (its predicative complement, even when labelled its object)
        return subjects(head, depth=depth + 1)
    if (
        relation == "conj"
        or (relation == "advcl" and "Fin" not in feature_values(verb, "VerbForm"))
        or relation == "ccomp"
    ):
        # "Macron disse que pretende visitar o Brasil": a complement clause without a subject
        # (pro-drop) speaks of the subject of the clause above; a finite adverbial clause is
        # left out, as it has a subject of its own, maybe one the parse missed
        return subjects(head, depth=depth + 1)
    if relation == "acl" and verb.dep_.lower() != "acl:relcl":
        return [head]  # "tropas enviadas à Rússia": the noun is what the participle says of
    return []


def _complement_read_as_relative(verb: Token, found: list[Token]) -> bool:
    """A "que" clause the parser hung as a relative clause on the object of the verb before
    it, which cannot be one: its relative subject disagrees in number with that object ("disse
    a jornalistas que pretende…": "jornalistas" cannot "pretende")."""
    antecedent = verb.head
    if (
        verb.dep_.lower() != "acl:relcl"
        or base_dep(antecedent) not in ("obj", "iobj", "obl")
        or antecedent.head.i == antecedent.i
        or antecedent.head.pos_ not in ("VERB", "AUX")
    ):
        return False
    if not found and any(
        base_dep(c) == "mark" and c.pos_ == "SCONJ" and c.i < verb.i for c in verb.children
    ):
        # "informó este viernes que sostuvo una llamada": a clause opened by a subordinator,
        # not a relative pronoun, with no subject: the complement of the verb above
        return True
    if len(found) != 1 or "Rel" not in feature_values(found[0], "PronType"):
        return False
    return disagrees_in_number(verb, antecedent)


def disagrees_in_number(verb: Token, noun: Token) -> bool:
    """Whether a finite verb (with its auxiliaries) and a noun each have one number and the
    two differ, so the noun cannot be the verb's subject."""
    finite = [verb, *children(verb, "aux")]
    numbers = {n for t in finite for n in feature_values(t, "Number")}
    own = set(feature_values(noun, "Number"))
    return len(numbers) == 1 and len(own) == 1 and numbers != own


def is_actor(mention: Mention) -> bool:
    return mention.kind in ACTOR_KINDS


def top_level(mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions not inside a longer one ("Rússia" inside "presidente da Rússia" is dropped)."""
    result: list[Mention] = []
    cover_start, cover_end = -1, -1
    for m in sorted(mentions, key=lambda x: (x.start, -x.end)):
        if result and result[-1].start == m.start and result[-1].end == m.end:
            continue
        if m.end <= cover_end and (m.start > cover_start or m.end < cover_end):
            continue
        result.append(m)
        if m.end > cover_end:
            cover_start, cover_end = m.start, m.end
    return result




class ArticleMentions:
    """The linked mentions of one article, sorted and indexed once for all its sentences: an
    index built per sentence must not cost a pass over the whole article (quadratic on long
    texts)."""

    __slots__ = ("excluded", "excluded_starts", "mentions", "starts", "top", "top_starts")

    def __init__(
        self, mentions: Sequence[Mention], excluded: Sequence[tuple[int, int]] = ()
    ) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.mentions]
        # top_level keeps or drops a mention by the ones before it alone, so the top level of
        # the mentions up to any point is the start of the top level of them all
        self.top = top_level(self.mentions)
        self.top_starts = [m.start for m in self.top]
        self.excluded = sorted(excluded)  # datelines: disjoint, no actor is named there
        self.excluded_starts = [start for start, _ in self.excluded]

    def between(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start in [lo, hi), in order."""
        return self.mentions[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def is_excluded(self, m: Mention) -> bool:
        # only the last dateline starting at or before the mention can hold it
        k = bisect_right(self.excluded_starts, m.start) - 1
        return k >= 0 and m.start < self.excluded[k][1]


@dataclass
class MentionIndex:
    """The linked mentions of one parsed sentence, by token, plus what came before in the article
    (for pronouns and "the two leaders")."""

    sentence: ParsedSentence
    article: ArticleMentions
    by_token: list[Mention | None] = field(init=False)

    def __post_init__(self) -> None:
        doc = self.sentence.doc
        self.by_token = [None] * len(doc)
        window = self.article.between(self.sentence.start, self.sentence.end)
        inside = [m for m in window if not self.article.is_excluded(m)]
        spans = self.sentence.spans
        begins = [begin for begin, _ in spans]
        ends = [end for _, end in spans]
        # spans in text order (always, short of a bug) make a mention's words one run, found
        # by bisection; otherwise every span is tried
        ordered = all(a <= b for a, b in itertools.pairwise(begins)) and all(
            a <= b for a, b in itertools.pairwise(ends)
        )
        for m in top_level(inside):
            if ordered:
                run = range(bisect_right(ends, m.start), bisect_left(begins, m.end))
            else:
                run = range(len(spans))
            for i in run:
                begin, end = spans[i]
                if begin < m.end and end > m.start:
                    self.by_token[i] = m
        for token in doc:
            # "North Korea's deployment" with the clitic "'s" parsed as the possessor: the
            # clitic stands for the name it is glued to
            i = token.i
            if (
                i > 0
                and self.by_token[i] is None
                and token.text[:1] in APOSTROPHES
                and not doc[i - 1].whitespace_
            ):
                self.by_token[i] = self.by_token[i - 1]

    def at(self, token: Token) -> Mention | None:
        return self.by_token[token.i]

    def before(self, char: int) -> list[Mention]:
        """Top-level mentions of the article that end before `char`, most recent first."""
        article = self.article
        earlier = article.top[: bisect_right(article.top_starts, char)]
        return [m for m in reversed(earlier) if m.end <= char]


class ActorReader:
    """Turns the head of a phrase into the actors it names."""

    def __init__(self, index: MentionIndex, grammar: Grammar, event_tokens: set[int]) -> None:
        self.index = index
        self.grammar = grammar
        self.event_tokens = event_tokens  # triggers: a phrase headed by one names an event
        self.troops = grammar.classes.get("troops", frozenset())
        self.weapons = grammar.classes.get("weapons", frozenset())
        self.counting = grammar.classes.get("quantity", frozenset())
        self.country_words = grammar.classes.get("country", frozenset())
        # the actors of each phrase asked for, by its doc, word, options and how many triggers
        # were known then (they only grow): the roles ask again of the phrases the trigger
        # rules looked at; the tree no longer changes once events are read
        self._found: dict[tuple[int, int, bool, bool, int, int], list[Mention]] = {}

    def mention(self, token: Token) -> Mention | None:
        m = self.index.at(token)
        return m if m is not None and is_actor(m) else None

    def place(self, token: Token) -> Mention | None:
        """A place the phrase headed by `token` names (a city, region, or a capital as place)."""
        m = self.index.at(token)
        if m is None:
            markers = self.grammar.markers["of"] | self.grammar.markers["place"]
            for child in children(token, "flat", "appos", "nmod"):
                if case_phrase(child) in markers or base_dep(child) != "nmod":
                    m = self.index.at(child)
                    if m is not None:
                        break
        if m is None:
            return None
        if m.kind is EntityKind.PLACE or m.literal_key:
            return m
        return None

    def state(self, token: Token) -> Mention | None:
        """A state the token names (a country, or a capital standing for it)."""
        m = self.index.at(token)
        return m if m is not None and m.kind is EntityKind.STATE else None

    def actors(
        self, token: Token, *, owners: bool = True, through: bool = False, depth: int = 0
    ) -> list[Mention]:
        """The actors the phrase headed by `token` names: itself when linked, else the linked
        words that stand for it ("o governo russo", "Ukraine's sovereignty" when `owners`),
        with every coordinated phrase ("Brasil e Angola")."""
        key = (id(token.doc), token.i, owners, through, depth, len(self.event_tokens))
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._actors(
                token, owners=owners, through=through, depth=depth
            )
        return list(found)

    def _actors(self, token: Token, *, owners: bool, through: bool, depth: int) -> list[Mention]:
        found: list[Mention] = []
        m = self.mention(token)
        if m is not None:
            found.append(m)
        elif (token.i not in self.event_tokens or self._counts(token)) and depth < 3:
            # an event noun that counts what it is made of ("hit by a barrage of Russian
            # missiles") names whose they are, as "a wave of Russian missiles" does
            found.extend(self._stand_ins(token, owners=owners, through=through, depth=depth))
        for conj in children(token, "conj"):
            if conj.i not in self.event_tokens:
                found.extend(self.actors(conj, owners=owners, through=through, depth=depth + 1))
        if m is not None:
            # "Yoon … and Prime Minister Kishida" hung as a `flat` part of the first name: a
            # second linked actor is coordinated, not part of the name
            for part in children(token, "flat"):
                other = self.mention(part)
                if other is not None and other.key != m.key and other.start != m.start:
                    found.append(other)
            # "U.S. Secretary of State Rex Tillerson and Chinese Foreign Minister Wang Yi" with
            # the second hung as `conj` on a word inside the first name: coordinated with it
            for word in token.subtree:
                if word.i == token.i or self.index.at(word) is not m:
                    continue
                for conj in children(word, "conj"):
                    if self.index.at(conj) is not m and conj.i not in self.event_tokens:
                        found.extend(
                            self.actors(conj, owners=owners, through=through, depth=depth + 1)
                        )
        return list({id(m): m for m in found}.values())

    def _counts(self, token: Token) -> bool:
        """A counting noun ("barrage", "salva") with an "of" phrase of what it counts."""
        return token.lemma_.lower() in self.counting and any(
            case_phrase(c) in self.grammar.markers["of"] for c in children(token, "nmod")
        )

    def _participle_actors(self, participle: Token, *, owners: bool, depth: int) -> list[Mention]:
        """ "o comunicado emitido pelo Kremlin", "as medidas tomadas por Moscou"; "individuals
        tied to the Maduro regime", "empresas ligadas à Rússia": the actors a participle
        describing the phrase's head names by its agent or other role phrases."""
        found: list[Mention] = []
        # a case phrase the parser labelled the participle's object is an oblique all the same
        # ("empresas ligadas à Rússia" with "à Rússia" an `obj`)
        cased = [o for o in children(participle, "obj") if children(o, "case")]
        for oblique in children(participle, "obl") + cased:
            role = self.grammar.marker_role(case_phrase(oblique))
            if oblique.dep_.lower() == "obl:agent" or role in (
                "agent",
                "recipient",
                "partner",
                "of",
            ):
                found.extend(self.actors(oblique, owners=owners, depth=depth + 1))
                continue
            # "la prueba realizada el martes por Corea del Norte" with "por Corea del Norte"
            # under "martes": the agent hung inside another phrase of the participle
            for hung in children(oblique, "nmod"):
                if case_phrase(hung) in self.grammar.markers["agent"]:
                    found.extend(self.actors(hung, owners=owners, depth=depth + 1))
        return found

    def _possessor_first(self, token: Token, found: list[Mention]) -> list[Mention]:
        """ "Ukraine's membership of NATO": with a possessor named, whose the thing is, an "of"
        phrase names what it is of (the body joined), not a stand-in for the head; nor does a
        name compounded with it ("North Korea's United Nations ambassador": the post)."""
        named = [self.mention(c) for c in token.children if c.dep_.lower() == "nmod:poss"]
        if not any(m is not None for m in named):
            return found
        of = {
            m.start
            for c in children(token, "nmod")
            if case_phrase(c) in self.grammar.markers["of"] and (m := self.mention(c)) is not None
        }
        of |= {m.start for c in children(token, "compound") if (m := self.mention(c)) is not None}
        return [m for m in found if m.start not in of]

    def _listed(
        self, item: Token, relation: str, head_words: set[str], *, owners: bool, depth: int
    ) -> list[Mention]:
        """The actors coordinated with the first item of a list of states set beside a noun of
        countries ("quatro países africanos, Etiópia, Sudão do Sul e Angola"): each is named;
        none for any other phrase."""
        if relation != "appos" or not head_words & self.country_words:
            return []
        return [
            a
            for c in children(item, "conj")
            if c.i not in self.event_tokens
            for a in self.actors(c, owners=owners, depth=depth + 1)
        ]

    def _apposed_organisations(self, word: Token) -> list[Mention]:
        named = [self.mention(appos) for appos in children(word, "appos")]
        return [m for m in reversed(named) if m is not None and m.kind is EntityKind.ORGANIZATION]

    def _stand_ins(self, token: Token, *, owners: bool, through: bool, depth: int) -> list[Mention]:
        if "Rel" in feature_values(token, "PronType") and base_dep(token.head) != "root":
            # "Kim, que enviou tropas": the relative pronoun is the noun its clause modifies
            clause = token.head
            if clause.dep_.lower() in ("acl:relcl", "acl") and clause.head.i != clause.i:
                return self.actors(clause.head, owners=owners, through=through, depth=depth + 1)
        lowered = {token.lemma_.lower(), token.lower_}
        lowered |= {w[:-1] for w in lowered if w.endswith("s")}
        if not owners and (lowered & self.troops or lowered & self.weapons):
            return []
        result: list[Mention] = []
        # an apposition names the head itself ("a agência estatal da Coreia do Norte, KCNA"):
        # it comes before the head's other modifiers
        ordered = sorted(token.children, key=lambda c: base_dep(c) not in ("appos", "flat"))
        for child in ordered:
            relation = base_dep(child)
            if relation == "acl" and child.dep_.lower() != "acl:relcl":
                result.extend(self._participle_actors(child, owners=owners, depth=depth))
                continue
            if relation not in _DESCENT or child.i in self.event_tokens:
                continue
            phrase = case_phrase(child)
            if relation in ("nmod", "obl") and phrase and phrase not in self.grammar.markers["of"]:
                # "tropas em Kursk": a place, not an owner; but what a statement is about may
                # name its actors after "entre/com/a" ("a aproximação entre Moscou e Pyongyang")
                role = self.grammar.marker_role(phrase)
                if not (through and role in ("partner", "recipient")):
                    continue
            if relation == "det" and "Prs" not in feature_values(child, "PronType"):
                continue
            m = self.mention(child)
            if m is not None:
                listed = self._listed(child, relation, lowered, owners=owners, depth=depth)
                if listed:
                    return [m, *listed]
                result.append(m)
                # "a agência da Coreia do Norte, KCNA": a name set beside a modifier may be
                # the head's own (parsers hang it on the nearest noun)
                result[:0] = self._apposed_organisations(child)
            elif relation in ("appos", "flat", "nmod", "compound"):
                result.extend(self.actors(child, owners=owners, through=through, depth=depth + 1))
        result = self._possessor_first(token, result)
        if through:
            return result
        # a person stands for a state: prefer the person, then an organisation, then a state
        order = {EntityKind.PERSON: 0, EntityKind.ORGANIZATION: 1, EntityKind.STATE: 2}
        result.sort(key=lambda m: order.get(m.kind or EntityKind.STATE, 3))
        return result[:1] if result else []
