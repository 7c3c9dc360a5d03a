"""Events from event frames: actors for the role phrases, status, who reported it, date, place,
head count and evidence, then one event per real-world event.

Pure functions of the article, its parsed sentences and its linked mentions. The syntax is read
by `kgload.extract.frames` and `kgload.extract.clause`; here the phrases become Wikidata keys,
with the few things the tree cannot say alone: who "both leaders" or "he" are (the actors told
before), a condemnation's target when the act condemned was told in an earlier sentence, the
date of an event that the sentence does not date (the same story told just before), and bare
months or weekdays that the tense puts in the future.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, Protocol, TypeVar

from spacy.tokens import Token

from kgload.extract.clause import (
    governing_chain,
    is_speech,
    read_status,
    source_phrases,
    speakers,
    speech_verb,
    speech_verbs,
)
from kgload.extract.frames import (
    Frame,
    find_frames,
    linear_subject,
    parties_of_its_own,
    word_forms,
)
from kgload.extract.syntax import (
    ActorReader,
    ArticleMentions,
    MentionIndex,
    ParsedSentence,
    base_dep,
    case_phrase,
    children,
    is_actor,
    is_passive,
    subjects,
)
from kgload.extract.syntax import top_level as top_level_mentions
from kgload.model import (
    Article,
    Bound,
    Entity,
    EntityKind,
    Event,
    EventType,
    Evidence,
    Mention,
    PartialDate,
    Precision,
    Status,
)
from kgload.nlp.dates import DateMention
from kgload.nlp.features import feature_values
from kgload.nlp.grammar import Grammar
from kgload.nlp.lexicon import load_lexicon
from kgload.nlp.parse import APOSTROPHES, hang_phrase_on, repair_main_verb_read_as_participle
from kgload.nlp.pipeline import find_datelines
from kgload.nlp.quantities import Quantity

__all__ = ["extract_events"]

_TALKS = (EventType.MEETING, EventType.PHONE_CALL, EventType.VISIT)
_STATEMENTS = (EventType.SUPPORT, EventType.CONDEMNATION)
_DESTINATIONS = (EventType.VISIT, EventType.TROOP_DEPLOYMENT)


@dataclass
class _Draft:
    type: EventType
    participants: list[str]
    agent: str | None
    recipient: str | None
    date: PartialDate | None
    place: str | None
    status: Status
    personnel: int | None
    bound: Bound | None
    reported_by: list[str]
    confidence: float
    evidence: list[Evidence]
    trigger: str
    sentence: int
    paragraph: int
    token_start: int  # article offset of the trigger
    dated_here: bool = False
    # told as what another event of its sentence is about ("condemned North Korea's
    # deployment", "agradeceu pelo apoio"): it happened before, not when that one did
    embedded: bool = False
    thanked: bool = False  # told as what someone is thanked for
    agents: list[str] = field(default_factory=list)
    # the state a meeting told by a verb of hosting took place in ("welcomed X to Downing Street")
    hosted_in: str | None = None
    # told by a verb in a past tense ("visitó", "has met"), not by a noun
    told_past: bool = False
    # told by the main verb of its sentence in the present of the indicative ("La UE prolonga
    # las sanciones"): news of the day
    told_present: bool = False


@dataclass(frozen=True, slots=True)
class _Topic:
    """The actors a main clause was about: the subject a next clause without one shares."""

    paragraph: int
    sentence: int
    keys: tuple[str, ...]
    number: tuple[str, ...]  # the Number of the clause's finite verb: agreement to check


@dataclass(frozen=True, slots=True)
class _Voice:
    """A stretch of the article said by one speaker (None: someone the text does not name)."""

    start: int
    end: int
    speaker: str | None


class _Context:
    """What the article has told so far, for references back ("os dois líderes", "ele")."""

    def __init__(
        self,
        entities: Mapping[str, Entity],
        grammar: Grammar,
        home: str | None = None,
        text: str = "",
    ) -> None:
        self.entities = entities
        self.grammar = grammar
        self.home = home  # the state whose government publishes the article, if one does
        self.drafts: list[_Draft] = []
        # who the main clause just told is about, for a subject the next clause drops
        self.topic: _Topic | None = None
        # who speaks where: quotes with their speaker (None: someone not named) and the turns
        # of a transcript ("SECRETARY BLINKEN: …"), for "I", "we" and 1st-person verbs
        self.quotes: list[_Voice] = []
        self.turns: list[_Voice] = []
        self.text = text  # the article's text, for the words right after a mention

    def kind(self, key: str) -> EntityKind | None:
        entity = self.entities.get(key)
        return entity.kind if entity is not None else None

    def state_of(self, key: str) -> str:
        """The side an actor is on: a person's state, an unlinked body's (a local
        organisation with a state, such as "o Ministério da Defesa russo"), else itself."""
        entity = self.entities.get(key)
        if (
            entity is not None
            and entity.country
            and (
                entity.kind is EntityKind.PERSON
                or (entity.kind is EntityKind.ORGANIZATION and key.startswith("local:"))
            )
        ):
            return entity.country
        return key

    def identified(self, key: str) -> bool:
        """Whether an actor is a side one can name: a KB entity, or an unlinked one whose
        state the text gave ("o chanceler brasileiro, Fulano")."""
        return not key.startswith("local:") or self.state_of(key) != key

    def country(self, key: str) -> str | None:
        entity = self.entities.get(key)
        return entity.country if entity is not None else None

    def voice(self, char: int) -> _Voice | None:
        """The quote (innermost) or else the transcript turn the offset `char` is in."""
        inside = [q for q in self.quotes if q.start <= char < q.end]
        if inside:
            return min(inside, key=lambda q: q.end - q.start)
        return next((t for t in self.turns if t.start <= char < t.end), None)


def _keys(mentions: Sequence[Mention]) -> list[str]:
    return list(dict.fromkeys(m.key for m in mentions))


# the talks "we" hold with the person the speaker named: a meeting or a call (not an
# agreement: blind event F1 0.593 → 0.590 when it was in)
_WITH_US = (EventType.MEETING, EventType.PHONE_CALL)
# how far back (characters) the person a speaker says "we" with, or "you" to, is looked for
_INTERLOCUTOR_REACH = 1500


class _Resolver:
    """Turns the role phrases of the frames of one sentence into actor keys."""

    def __init__(
        self,
        sentence: ParsedSentence,
        index: MentionIndex,
        reader: ActorReader,
        context: _Context,
    ) -> None:
        self.sentence = sentence
        self.index = index
        self.reader = reader
        self.context = context
        self.grammar = context.grammar
        self.used: list[Token] = []  # tokens whose actors a role took (for the quote)
        # events of this sentence already read, before they become drafts
        self.pending: list[tuple[EventType, list[str]]] = []

    def actors(
        self, tokens: Sequence[Token], *, owners: bool = True, through: bool = False
    ) -> list[str]:
        keys: list[str] = []
        for token in tokens:
            found = _keys(self.reader.actors(token, owners=owners, through=through))
            if not found:
                found = self.group(token) or self.pronoun(token) or self.the_country(token)
            if found:
                self.used.append(token)
            keys.extend(k for k in found if k not in keys)
        return keys

    def group(self, token: Token) -> list[str]:
        """ "os dois líderes", "both countries", "ambos": the pair told just before."""
        numbers = self.grammar.numbers
        lemma = token.lemma_.lower()
        counted = lemma in numbers and token.pos_ in ("PRON", "DET", "NUM")
        counter = next(
            (c for c in token.children if c.lemma_.lower() in numbers or c.lower_ in numbers),
            None,
        )
        plural = "Plur" in feature_values(token, "Number") or token.lower_ != lemma
        if not counted and counter is None:
            # "os líderes assinaram", "the leaders condemned": the people of the talks just told
            leaders = self.grammar.classes.get("leaders", frozenset())
            states_ = self.grammar.classes.get("states", frozenset())
            if plural and (lemma in leaders or lemma in states_):
                wanted_kind = EntityKind.PERSON if lemma in leaders else EntityKind.STATE
                for size in (2, 3, 4):
                    pair = self._last_talk(wanted_kind, size)
                    if pair:
                        return pair
            return []
        count = numbers.get(lemma) if counted else numbers.get(counter.lower_ if counter else "")
        count = count or numbers.get(counter.lemma_.lower() if counter else "", 2)
        leaders = self.grammar.classes.get("leaders", frozenset())
        states = self.grammar.classes.get("states", frozenset())
        wanted: EntityKind | None = None
        if lemma in leaders:
            wanted = EntityKind.PERSON
        elif lemma in states:
            wanted = EntityKind.STATE
        elif not counted:
            return []
        start = self.sentence.char_span(token)[0]
        pair = self._last_talk(wanted, count)
        if pair:
            return pair
        if wanted is EntityKind.PERSON:
            titled = self._recent_titled(start, count, lemma)
            if titled:
                return titled
        recent = self._recent(start, count, wanted)
        if wanted is EntityKind.STATE and len(recent) < count:
            people = self._recent(start, count, EntityKind.PERSON)
            countries = list(dict.fromkeys(c for p in people if (c := self.context.country(p))))
            if len(countries) == count:
                return countries
        return recent if len(recent) == count else []

    def the_country(self, token: Token) -> list[str]:
        """ "the Russian attacks on the country", "o país": a definite singular country noun with
        nothing else on it refers back to the last state named by its name (not by a demonym,
        which is mostly the other side: "Russian attacks") within the last few hundred
        characters."""
        if (
            token.lemma_.lower() not in self.grammar.classes.get("country", frozenset())
            or "Plur" in feature_values(token, "Number")
            or [c for c in token.children if base_dep(c) not in ("det", "case", "punct")]
            or not any(
                "Def" in feature_values(c, "Definite")
                for c in token.children
                if base_dep(c) == "det"
            )
        ):
            return []
        start = self.sentence.char_span(token)[0]
        for m in self.index.before(start):
            if start - m.end > _COUNTRY_REACH:
                break
            if is_actor(m) and m.kind is EntityKind.STATE and m.method != "demonym":
                return [m.key]
        return []

    def interlocutor(self, token: Token, side: str) -> str | None:
        """The person the speaker of "we" is with, or says "you" to: the last person named
        within the reach before `token`, of a state other than the speaker's side's."""
        start = self.sentence.char_span(token)[0]
        own = self.context.state_of(side)
        for m in self.index.before(start):
            if start - m.end > _INTERLOCUTOR_REACH:
                break
            if (
                is_actor(m)
                and m.kind is EntityKind.PERSON
                and m.key != side
                and (state := self.context.state_of(m.key)) is not None
                and state != own
            ):
                return m.key
        return None

    def _last_talk(self, wanted: EntityKind | None, count: int) -> list[str]:
        told = [(d.type, d.participants, d.sentence) for d in self.context.drafts[-6:]]
        told += [(kind, keys, self.sentence.number) for kind, keys in self.pending]
        for kind, keys, number in reversed(told):
            if kind not in (EventType.MEETING, EventType.PHONE_CALL):
                continue
            if self.sentence.number - number > 2:
                break
            if wanted is EntityKind.PERSON:
                keys = [k for k in keys if self.context.kind(k) is EntityKind.PERSON]
            elif wanted is EntityKind.STATE:
                keys = list(dict.fromkeys(self.context.state_of(k) for k in keys))
            if len(keys) == count:
                return list(keys)
        return []

    def _recent_titled(self, before: int, count: int, title: str) -> list[str]:
        """ "ambos os presidentes", "los dos cancilleres": the last `count` people the text
        titled so, among the people named lately (not the prime minister named last)."""
        people: list[str] = []
        titled: list[str] = []
        for m in self.index.before(before):
            if not is_actor(m) or m.kind is not EntityKind.PERSON:
                continue
            if m.key not in people:
                people.append(m.key)
            if m.method == "role" and title in m.text.lower().split() and m.key not in titled:
                titled.append(m.key)
            if len(people) > 2 * count + 2:
                break
        found = [k for k in titled if k in people][:count]
        return list(reversed(found)) if len(found) == count else []

    def _recent(self, before: int, count: int, wanted: EntityKind | None) -> list[str]:
        keys: list[str] = []
        for m in self.index.before(before):
            if not is_actor(m) or (wanted is not None and m.kind is not wanted):
                continue
            if m.key not in keys:
                keys.append(m.key)
            if len(keys) == count:
                break
        return list(reversed(keys))

    def pronoun(self, token: Token) -> list[str]:
        """ "ele", "he", "its": the last person (or, for a thing's possessor, the last state or
        organisation) named before."""
        if token.pos_ in ("VERB", "AUX") and feature_values(token, "Person") == ["1"]:
            return self.first_person(token)
        if token.pos_ not in ("PRON", "DET") or "Prs" not in feature_values(token, "PronType"):
            return []
        if feature_values(token, "Person") == ["1"]:
            return self.first_person(token)
        if feature_values(token, "Person") == ["2"]:
            return self.second_person(token)
        person = feature_values(token, "Person")
        if (
            "Yes" in feature_values(token, "Reflex")
            or person not in ([], ["3"])
            or base_dep(token) == "expl"  # "com quem se reuniu": the clitic names no one
        ):
            return []
        possessive = "Yes" in feature_values(token, "Poss") or base_dep(token) in ("det", "nmod")
        neuter = "Neut" in feature_values(token, "Gender")
        plural = "Plur" in feature_values(token, "Number")
        if plural and not possessive:
            return []
        if possessive:
            if self._owned_by_a_group(token):
                # "los mandatarios occidentales se reúnen para ratificar su apoyo a Ucrania":
                # the plural subject of its clause, who name no actor, not the last state named
                return []
            # "Durante su estancia en Brasil, …": the subject of its clause, else the person
            # the sentence before was about
            keys = self._possessor_subject(token) or (
                self._topic_person() if not neuter else []
            )
        else:
            # "the United States said it would deploy…": the speaker of the clause above
            keys = self._speaker_above(token, person=not neuter)
            above = _clause_above_relative(token.head) if base_dep(token) == "nsubj" else None
            if not keys and not neuter and above is not None:
                # "thanked Macron, with whom he met": the subject of the verb above
                keys = self.actors(subjects(above))
            if not keys and not neuter and base_dep(token) == "nsubj":
                keys = self._topic_person()
        return keys or self._last_named(token, possessive=possessive, neuter=neuter)

    def _topic_person(self) -> list[str]:
        """ "Lula anunciou a visita ao colega americano. Na semana passada, ele esteve na
        Argentina": a subject "he" goes on with the one person the sentence before, in the same
        paragraph, was about, not with the last person it named."""
        topic = self.context.topic
        if (
            topic is None
            or topic.sentence != self.sentence.number - 1
            or topic.paragraph != self.sentence.paragraph
            or topic.number != ("Sing",)
        ):
            return []
        people = [k for k in topic.keys if self.context.kind(k) is EntityKind.PERSON]
        return people if len(people) == 1 == len(topic.keys) else []

    def _possessor_subject(self, token: Token) -> list[str]:
        """ "Putin relatou sobre sua próxima reunião": the subject of the clause a possessive
        pronoun is in."""
        target = self._target_beside_reason(token)
        if target:
            return target
        node = token
        for _ in range(6):
            if node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                for subject in subjects(node):
                    if subject.i != token.i:
                        keys = _keys(self.reader.actors(subject))
                        if keys:
                            return keys[:1]
                break
        return []

    def _owned_by_a_group(self, token: Token) -> bool:
        """Whether the subject of the clause a possessive is in is a plural common noun that
        names no actor ("os aliados", "los mandatarios occidentales"): the possessive is theirs."""
        if self._target_beside_reason(token):
            return False
        node = token
        for _ in range(6):
            if node.head.i == node.i:
                return False
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                found = [s for s in subjects(node) if s.i != token.i]
                return bool(found) and all(
                    s.pos_ == "NOUN"
                    and "Plur" in feature_values(s, "Number")
                    and not _keys(self.reader.actors(s))
                    for s in found
                )
        return False

    def _target_beside_reason(self, token: Token) -> list[str]:
        """ "sanciones contra Rusia por su invasión de Ucrania", "pressure on Russia following
        its invasion": a possessive in a phrase that gives the reason for, or the time after,
        an act aimed at someone is that target's, not the doer's."""
        grammar = self.grammar
        noun = token.head
        phrase = case_phrase(noun)
        if noun.i == token.i or not phrase:
            return []
        if phrase not in grammar.markers["reason"] and phrase not in grammar.markers["after"]:
            return []
        holder = noun.head
        # the act's own phrases, and those of its object ("prorrogó las sanciones contra Rusia
        # por su invasión", with "por su invasión" on the verb)
        around = [
            *holder.children,
            *(c for o in children(holder, "obj", "nsubj:pass") for c in o.children),
        ]
        for child in around:
            if child.i == noun.i or child.i > noun.i:
                continue
            relation = base_dep(child)
            aimed = relation in ("obl", "nmod") and (
                grammar.marker_role(case_phrase(child)) == "recipient"
            )
            # "condemned Russia for its invasion": the one acted on, given a reason
            acted_on = relation == "iobj" or (
                relation == "obj" and phrase in grammar.markers["reason"]
            )
            if aimed or acted_on:
                keys = _keys(self.reader.actors(child))
                if keys:
                    return keys[:1]
        return []

    def _last_named(self, token: Token, *, possessive: bool, neuter: bool) -> list[str]:
        """The last actor named before the pronoun that it can stand for: a person for "he",
        no person for "it", anyone for a possessive."""
        start = self.sentence.char_span(token)[0]
        opening = self.sentence.char_span(self.sentence.doc[0])[0]
        for m in self.index.before(start):
            if not is_actor(m):
                continue
            if neuter and m.kind is EntityKind.PERSON:
                continue
            if not possessive and not neuter and m.kind is not EntityKind.PERSON:
                continue
            if not possessive and not neuter and m.end <= opening and self._named_as_possessor(m):
                continue
            return [m.key]
        return []

    def _named_as_possessor(self, m: Mention) -> bool:
        """ "He said this was proof of Putin's desperation. He said the UK…": a person named as
        a possessor (by a possessive clitic of the language's lexicon) in an earlier sentence is
        not whom "he" goes on about; an earlier one named outright is ("After Putin's speech,
        he left": in its own sentence, still the possessor)."""
        after = self.context.text[m.end : m.end + 3]
        return any(after.startswith(p) for p in load_lexicon(self.grammar.lang).possessive)

    def first_person(self, token: Token) -> list[str]:
        """ "I", "we", "reunimo-nos": inside a quote or a transcript turn, its speaker ("we" is
        the speaker's state); elsewhere in a government's own text, that government."""
        voice = self.context.voice(self.sentence.char_span(token)[0])
        if voice is None:
            return [self.context.home] if self.context.home else []
        if voice.speaker is None:
            return []  # someone the text does not name: not the publisher
        if "Plur" in feature_values(token, "Number"):
            return [self.context.state_of(voice.speaker)]
        return [voice.speaker]

    def pleased_speaker(self, frame: Frame) -> list[str]:
        """ "It is a pleasure to meet with…", "Es un placer recibir aquí al ministro", "Temos o
        prazer de receber…": an infinitive without a subject under a word of pleasure is the
        act of who the pleasure is: that word's subject, else the "we" it is the object of,
        else the speaker."""
        verb = frame.governor if frame.rule.nominal else frame.token
        if verb is None or "Inf" not in feature_values(verb, "VerbForm"):
            return []
        pleasure = self.grammar.classes.get("pleasure", frozenset())
        head = verb.head
        if head.i == verb.i or not ({head.lower_, head.lemma_.lower()} & pleasure):
            return []
        own = [s for s in subjects(head) if s.i != verb.i and s.pos_ in ("PRON", "PROPN", "NOUN")]
        if own:
            return self.actors(own)
        if base_dep(head) == "obj" and feature_values(head.head, "Person") == ["1"]:
            return self.first_person(head.head)
        return self.first_person(verb)

    def second_person(self, token: Token) -> list[str]:
        """ "you" in a transcript turn or a quote with a named speaker: the person of another
        state the speaker named last (whom they address, "Mr President, I welcome you…")."""
        voice = self.context.voice(self.sentence.char_span(token)[0])
        if voice is None or voice.speaker is None:
            return []
        partner = self.interlocutor(token, voice.speaker)
        return [partner] if partner is not None else []

    def dropped_subject(self, frame: Frame) -> list[str]:
        """The subject a finite 3rd-person verb leaves out ("Depois, reuniu-se com Xi"): the
        subject of the main clause above it in the sentence, else of the main clause just
        before in the paragraph, when the verbs agree in number. Only in a pro-drop grammar;
        never for an impersonal verb ("há", "se" impersonal) or a passive. An event noun takes
        it through the light verb that hands it its subject ("Também reafirmou o apoio à
        Venezuela"), unless the noun names its own doer."""
        verb = frame.token
        if frame.rule.nominal:
            governor = frame.governor
            if frame.owners or governor is None or not _hands_its_subject(frame, self.grammar):
                return []
            verb = governor
        if not self.grammar.pro_drop or is_passive(verb):
            return []
        top = _main_verb(verb)
        if top is None:
            return []
        agreement = _agreement(verb, top)
        if agreement is None or _impersonal(verb, self.grammar) or _impersonal(top, self.grammar):
            return []
        if frame.type not in (EventType.MEETING, EventType.PHONE_CALL) and any(
            "Yes" in feature_values(c, "Reflex") and feature_values(c, "Person") == ["3"]
            for c in verb.children
        ):
            # "se atacó a Ucrania", "enviou-se ajuda": a reflexive on an act that is not a
            # talk makes the verb impersonal or passive ("se reunió con Xi" is a talk)
            return []
        person, number = agreement
        if person == ("1",) and top.i != verb.i:
            # "continuaremos reunindo países para apoiar a Ucrânia": we, who the verb above is
            return self.first_person(top)
        if person != ("3",):
            return []
        if top.i != verb.i and subjects(top):
            # "Chegou a Pequim e, depois, Lula reuniu-se com Xi" … the subject above, if it
            # agrees
            keys = self.actors(subjects(top))
            return keys if keys and _agreement(top, top) == agreement else []
        topic = self.context.topic
        if (
            (top.head.i != top.i and not _beside_a_name(top))
            or topic is None
            or topic.paragraph != self.sentence.paragraph
            or topic.sentence != self.sentence.number - 1
            or topic.number != number
        ):
            return []
        return list(topic.keys)

    def _speaker_above(self, token: Token, *, person: bool) -> list[str]:
        node = token.head
        for _ in range(4):
            if is_speech(node, self.grammar):
                for subject in subjects(node):
                    for m in self.reader.actors(subject):
                        if (m.kind is EntityKind.PERSON) == person:
                            return [m.key]
                return []
            if node.head.i == node.i:
                return []
            node = node.head
        return []


def _hands_its_subject(frame: Frame, grammar: Grammar) -> bool:
    """Whether an event noun's governor is a light or statement verb it is the object of ("reafirmou
    o apoio", "lançou um ataque"): that verb's subject is the event's doer."""
    governor = frame.governor
    if governor is None or governor.i == frame.token.i or frame.token.head.i != governor.i:
        return False
    return base_dep(frame.token) == "obj" and bool(
        grammar.verb_words(governor) & (grammar.light | grammar.statement)
    )


def _main_verb(verb: Token) -> Token | None:
    """The verb whose subject a subjectless verb shares: up through coordination, control,
    complement and adverbial clauses to the first verb with a subject of its own, or to the
    sentence's root; None when the verb modifies a noun (it has a subject of another kind)."""
    node = verb
    for _ in range(8):
        if node.i != verb.i and children(node, "nsubj", "csubj"):
            return node
        if node.head.i == node.i:
            return node
        above = _clause_above_relative(node)
        if above is not None:
            node = above
            continue
        if base_dep(node) not in ("conj", "xcomp", "ccomp", "parataxis", "advcl"):
            return None
        if _beside_a_name(node):
            return node
        node = node.head
    return None


def _clause_above_relative(verb: Token) -> Token | None:
    """ "agradeceu a Macron, com quem se reuniu", "thanked Macron, with whom he met": the verb
    whose object or oblique a relative clause describes, when its relative word is not its
    subject; the clause's subject, left out or a pronoun, is that verb's."""
    relatives = [
        c
        for c in verb.children
        if "Rel" in feature_values(c, "PronType")
        and base_dep(c) in ("obl", "obj", "iobj", "advmod")  # "donde se reunirá con Biden"
    ]
    if verb.dep_.lower() != "acl:relcl" or not relatives:
        return None
    if any(t.pos_ in ("PROPN", "NOUN") for t in verb.doc[relatives[0].i + 1 : verb.i]):
        return None  # "con quien Biden se reunió", Biden misparsed: a subject of its own
    antecedent = verb.head
    above = antecedent.head
    if (
        above.i == antecedent.i
        or above.pos_ not in ("VERB", "AUX")
        or base_dep(antecedent) not in ("obj", "obl", "iobj")
    ):
        return None
    return above


def _beside_a_name(verb: Token) -> bool:
    """A clause the parser hung beside a name, not under a verb ("SECRETÁRIO BLINKEN: …
    continuaremos"): a main clause of its own."""
    return base_dep(verb) == "parataxis" and verb.head.pos_ not in ("VERB", "AUX")


def _agreement(verb: Token, top: Token) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(Person, Number) of the finite form of the verb's clause (the verb, its auxiliaries,
    then the same of the verb it shares its subject with); None without a finite form."""
    for node in (verb, top):
        for form in (node, *children(node, "aux")):
            forms = feature_values(form, "VerbForm")
            # a finite form, or one a tagger mislabelled that still carries its person
            # ("reuniu-se" as a gerund)
            person = tuple(feature_values(form, "Person"))
            if "Fin" in forms or (person and not {"Inf", "Part"} & set(forms)):
                return person, tuple(feature_values(form, "Number"))
    return None


def _impersonal(verb: Token, grammar: Grammar) -> bool:
    """A verb that has no subject to share: "há", "hay", or one with an impersonal or passive
    reflexive ("discutiu-se", "se enviaron tropas")."""
    if grammar.lemmas(verb.lemma_, verb.text) & grammar.classes.get("impersonal", frozenset()):
        return True
    return any(
        c.dep_.lower() in ("expl:impers", "expl:pass") and "Yes" in feature_values(c, "Reflex")
        for c in verb.children
    )


def _record_topic(sentence: ParsedSentence, resolver: _Resolver, context: _Context) -> None:
    """Who the main clause of `sentence` is about, for a next clause that drops its subject:
    the actors of its subject; the same as before when it drops its own; nobody when its
    subject is not an actor, or when it reports what someone else did (ambiguous)."""
    previous, context.topic = context.topic, None
    grammar = context.grammar
    if not len(sentence.doc):
        return
    root = sentence.doc[0].sent.root
    agreement = _agreement(root, root)
    if agreement is None:
        return
    found = subjects(root)
    if found:
        if is_speech(root, grammar) and any(
            subjects(c) for c in children(root, "ccomp", "parataxis")
        ):
            return  # "A Casa Branca informou que Lula visitará…": whose turn is unclear
        used, resolver.used = resolver.used, []
        keys = resolver.actors(found)
        resolver.used = used
        if keys:
            context.topic = _Topic(sentence.paragraph, sentence.number, tuple(keys), agreement[1])
        return
    if (
        previous is not None
        and agreement[0] == ("3",)
        and agreement[1] == previous.number
        and previous.paragraph == sentence.paragraph
        and previous.sentence == sentence.number - 1
        and not _impersonal(root, grammar)
    ):
        context.topic = replace(previous, sentence=sentence.number)


# quotation marks: opening mark → closing mark
_QUOTE_MARKS = {"\u201c": "\u201d", "\u00ab": "\u00bb", '"': '"'}
# the next opening mark, found by the regex engine rather than a loop over every character
_QUOTE_OPENERS = re.compile("|".join(re.escape(mark) for mark in _QUOTE_MARKS))


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """The quotations of a text, each within its line (a quote left open runs to the line's
    end)."""
    spans: list[tuple[int, int]] = []
    position = 0
    while (found := _QUOTE_OPENERS.search(text, position)) is not None:
        position = found.start()
        closing = _QUOTE_MARKS[found.group()]
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        end = text.find(closing, position + 1, line_end)
        end = line_end if end < 0 else end + 1
        spans.append((position, end))
        position = end
    return spans


def _introduces(text: str, end: int, quote: int) -> bool:
    """A sentence that ends in a colon right before a quotation introduces it ("Lula afirmou:
    \u201c…\u201d" split in two by the parser)."""
    return text[end - 1 : end] == ":" and not text[end:quote].strip()


def _label_words(label: str) -> bool:
    """A speaker's label: capitalised words ("SECRETARY BLINKEN", "Prime Minister Kishida"),
    short particles between them ("of"), a name's particle joined to it ("el-Sisi"), and a
    remark in brackets after them ("President of Egypt Abdel Fattah el-Sisi (retranslated)")."""
    words = re.sub(r"\s*\([^()]*\)\s*$", "", label).split()
    return 0 < len(words) <= 8 and all(
        w[:1].isupper() or len(w) <= 3 or any(p[:1].isupper() for p in w.split("-")[1:])
        for w in words
    )


def _turns(
    text: str, mentions: ArticleMentions, home: str | None, questioners: frozenset[str]
) -> list[_Voice]:
    """The turns of a transcript: a line opening with a speaker's label and a colon
    ("SECRETARY BLINKEN: …", "QUESTION: …") speaks until the next label; the speaker is the
    person the label names, nobody for a questioner (a reporter), else the publisher."""
    labels: list[tuple[int, int, str | None]] = []
    line = 0
    while line < len(text):
        end_of_line = text.find("\n", line)
        end_of_line = len(text) if end_of_line < 0 else end_of_line
        colon = text.find(":", line, min(end_of_line, line + 60))
        if colon > line and text[colon + 1 : colon + 2] in (" ", "\t", "\n", ""):
            label = text[line:colon]
            if _label_words(label):
                people = [
                    m
                    for m in mentions.between(line, colon)
                    if m.kind is EntityKind.PERSON and not mentions.is_excluded(m)
                ]
                if not people:
                    # "SECRETARY BLINKEN:": a label in capitals is not linked; the person named
                    # elsewhere in the article by the label's last word is
                    last = label.split()[-1].casefold()
                    people = [
                        m
                        for m in mentions.mentions
                        if m.kind is EntityKind.PERSON
                        and m.text.split()
                        and m.text.split()[-1].casefold() == last
                    ][:1]
                if {w.casefold() for w in label.split()} & questioners:
                    labels.append((line, colon + 1, None))  # "QUESTION:": a reporter
                elif people:
                    labels.append((line, colon + 1, people[-1].key))
                elif label.strip().isupper():
                    # "MODERATOR:", "ALTA FUNCIONARIA DEL DEPARTAMENTO DE ESTADO:": someone the
                    # article does not link, of the publisher's side as before
                    labels.append((line, colon + 1, home))
        line = end_of_line + 1
    return [
        _Voice(start, labels[k + 1][0] if k + 1 < len(labels) else len(text), speaker)
        for k, (_, start, speaker) in enumerate(labels)
    ]


def _place_and_state(
    tokens: Sequence[Token], reader: ActorReader, context: _Context
) -> tuple[str | None, str | None]:
    """The first place a phrase names, and the state it lies in (for a capital as metonym, the
    state the mention stands for)."""
    for token in tokens:
        m = reader.place(token)
        if m is None:
            state = reader.state(token)
            if state is not None:
                return None, state.key  # "visited bases in Syria": the state, no place
            if reader.mention(token) is None:
                # "no oeste da Ucrânia", "en el norte de Siria": the part of a named region;
                # "the Khmeimim Air Base in Syria": a site in a state
                for part in children(token, "nmod"):
                    whole = reader.state(part)
                    if whole is not None and (
                        part.dep_.lower() == "nmod:poss"  # "in Russia's Rostov region"
                        or case_phrase(part)
                        in (context.grammar.markers["of"] | context.grammar.markers["place"])
                    ):
                        return None, whole.key
                # "em solo ucraniano", "the Ukrainian region of Kharkiv": a demonym places it
                for part in children(token, "amod"):
                    whole = reader.state(part)
                    if whole is not None:
                        return None, whole.key
            continue
        if m.literal_key:
            return m.literal_key, m.key
        return m.key, context.country(m.key)
    return None, None


@dataclass
class _RoleActors:
    """The actors a frame's role phrases name, passed from step to step of `_roles` while the
    event's type sorts them into sides."""

    agents: list[str]
    partners: list[str]
    recipients: list[str]
    objects: list[str]
    owners: list[Token]  # an event noun's owners: who they are depends on what the event does
    place: str | None = None
    place_state: str | None = None  # the state the place lies in


def _roles(
    frame: Frame, resolver: _Resolver, frames: list[Frame]
) -> tuple[list[str], str | None, str | None, str | None]:
    """(participants, agent, recipient, place) of a frame."""
    found = _role_actors(frame, resolver)
    _fill_gaps(frame, found, resolver)
    found.place, found.place_state = _place_and_state(
        frame.places, resolver.reader, resolver.context
    )
    _swap_thanked(frame, found, resolver)
    if not frame.type.is_directed:
        return _undirected_roles(frame, found, resolver, frames)
    return _directed_roles(frame, found, resolver, frames)


def _role_actors(frame: Frame, resolver: _Resolver) -> _RoleActors:
    """The actors of the phrases the tree gives each role."""
    kind = frame.type
    # troops "supporting operations" give no political support: no owner through them
    # "o prazer de receber…": the noun of pleasure the infinitive hangs on is no doer
    pleasure = resolver.grammar.classes.get("pleasure", frozenset())
    doers = [t for t in frame.agents if t.lemma_.lower() not in pleasure]
    agents = resolver.actors(doers, owners=kind not in _STATEMENTS)
    partners = resolver.actors(frame.partners)
    # "restrictions on travel to Cuba", "sanções a empresas ligadas à Rússia": a measure or a
    # strike aimed at things names their owner or destination as its target
    aimed = kind in (EventType.SANCTION, EventType.ATTACK)
    recipients = resolver.actors(frame.recipients, through=aimed)
    objects = resolver.actors(frame.objects, owners=False)
    return _RoleActors(agents, partners, recipients, objects, list(frame.owners))


def _fill_gaps(frame: Frame, found: _RoleActors, resolver: _Resolver) -> None:
    """Where the tree gives a role no phrase at all (a misparse), word order may; a phrase that
    names no actor ("condenou o ataque") is an answer, not a gap. A subject left out by the
    verb is the one the clause before told."""
    if (
        not frame.agents
        and not (frame.rule.nominal and frame.owners)  # "during Lula's visit": his own
        and frame.linear_agents
        and frame.governor is not None
        and not parties_of_its_own(frame, frame.governor, resolver.context.grammar)
    ):
        found.agents = resolver.actors(frame.linear_agents)
        frame.linear = bool(found.agents)
    if not found.agents and not frame.agents:
        # "Depois, reuniu-se com Xi": the subject told by the clause before
        found.agents = resolver.dropped_subject(frame)
    if not found.agents:
        # "Temos o prazer de receber…", with "prazer" read as the subject of its clause
        found.agents = resolver.pleased_speaker(frame)
    if frame.rule.nominal and frame.linear_partners and len(set(found.partners)) < 2:
        # "Na conversa, Putin e Kim trataram…" misparsed: the clause's subjects by word order
        found.partners = list(
            dict.fromkeys(found.partners + resolver.actors(frame.linear_partners))
        )
    if not (frame.objects or frame.recipients or frame.partners) and not frame.rule.nominal:
        found.objects = resolver.actors(frame.linear_objects, owners=False)
        found.recipients = resolver.actors(frame.linear_recipients)
        found.partners = resolver.actors(frame.linear_partners)
        frame.linear = frame.linear or bool(found.objects or found.recipients or found.partners)


def _swap_thanked(frame: Frame, found: _RoleActors, resolver: _Resolver) -> None:
    """ "Putin agradeceu a Kim pelo apoio": Kim gave, Putin received."""
    if frame.thanked_by and frame.type in (
        EventType.SUPPORT,
        EventType.MILITARY_AID,
        EventType.TROOP_DEPLOYMENT,
    ):
        thanked, owners = resolver.actors(frame.thanked), resolver.actors(found.owners)
        # "agradeceu a Lula o apoio do Brasil": the event's own "de" phrase names the giver;
        # a possessive word ("agradeció a España su apoyo") is the thanked one's
        named = resolver.actors([t for t in found.owners if t.pos_ not in ("PRON", "DET")])
        givers = (named or thanked or owners) if frame.thanked_object else (thanked or owners)
        takers = (found.recipients if frame.thanked_object else []) or resolver.actors(
            frame.thanked_by
        )
        found.agents, found.recipients, found.owners, found.objects = givers, takers, [], []


def _undirected_roles(
    frame: Frame, found: _RoleActors, resolver: _Resolver, frames: list[Frame]
) -> tuple[list[str], str | None, str | None, str | None]:
    """A meeting, call or agreement: every side is a participant (a call one side placed to
    another keeps its caller)."""
    context = resolver.context
    owners = resolver.actors(found.owners)
    participants = list(
        dict.fromkeys(found.agents + owners + found.objects + found.recipients + found.partners)
    )
    if (
        len(participants) < 2
        and frame.type is EventType.AGREEMENT
        and frame.rule.nominal
        and frame.governor is None
    ):
        _add_carrier_parties(frame, participants, resolver)
    if len(participants) < 2 and not frame.rule.nominal:
        _add_instrument_partners(frame, participants, resolver, frames)
    if len(participants) == 1 and frame.type in _WITH_US and _told_by_us(frame):
        # "Nos reunimos para…", "We met to talk about Ukraine": the speaker's side and the
        # person of another state the speaker named just before ("mi colega X")
        partner = resolver.interlocutor(frame.token, participants[0])
        if partner is not None:
            participants.append(partner)
    caller = (
        found.agents[0]
        if frame.type is EventType.PHONE_CALL
        and found.agents
        and (found.objects or found.recipients)
        and not frame.rule.nominal
        else None
    )
    place = found.place
    if place is None:
        place = _place_after(frame, resolver.reader, frames, context.grammar)
    # an unlinked person whose state takes part already adds nothing but noise
    present = set(participants)
    participants = [
        k
        for k in participants
        if not (k.startswith("local:") and context.state_of(k) in present - {k})
    ]
    return participants, caller, None, place


def _told_by_us(frame: Frame) -> bool:
    """Whether the verb of a talk (its light verb for a noun) is in the first person plural
    ("nos reunimos", "we met", "tuvimos una reunión")."""
    verb = frame.governor if frame.rule.nominal else frame.token
    if verb is None:
        return False
    # the verb's own person, its subject, or its reflexive clitic ("nos"), not its object
    # ("conversations allow us to…")
    own = ("nsubj", "expl", "compound")
    return any(
        feature_values(word, "Person") == ["1"] and feature_values(word, "Number") == ["Plur"]
        for word in (
            verb,
            *(c for c in verb.children if c.pos_ == "PRON" and base_dep(c) in own),
        )
    )


def _add_instrument_partners(
    frame: Frame, participants: list[str], resolver: _Resolver, frames: list[Frame]
) -> None:
    """ "X spoke by phone with Y" parsed with "with Y" on "phone": the sides a trigger of the
    same event hung on the verb names with it are the verb's too."""
    for other in frames:
        if (
            other is not frame
            and other.type is frame.type
            and other.token.head.i == frame.token.i
        ):
            for key in resolver.actors(other.partners):
                if key not in participants:
                    participants.append(key)


def _add_carrier_parties(frame: Frame, participants: list[str], resolver: _Resolver) -> None:
    """ "ambos reafirmaram o compromisso no âmbito de um acordo": the parties are who reaffirm
    it, when the verb above is one that carries the event."""
    context = resolver.context
    verb = _carrier_above(frame.token, context.grammar)
    if verb is None:
        return
    sides = {context.state_of(k) for k in participants}
    found = resolver.actors(subjects(verb)) or resolver.actors(
        linear_subject(verb, context.grammar, resolver.reader)
    )
    for key in found:
        if context.state_of(key) not in sides:
            participants.append(key)
            sides.add(context.state_of(key))


def _directed_roles(
    frame: Frame, found: _RoleActors, resolver: _Resolver, frames: list[Frame]
) -> tuple[list[str], str | None, str | None, str | None]:
    """An act of one side on another: the doer is the agent, the side acted on the recipient
    (never on the agent's own side)."""
    kind = frame.type
    context = resolver.context
    _owner_roles(frame, found, resolver)
    if kind is EventType.ATTACK and not found.agents and frame.rule.nominal:
        found.agents = resolver.actors(_weapons_used(frame, context.grammar))
    unknown_doer = kind is EventType.CONDEMNATION and _condemnation_roles(
        frame, found, resolver, frames
    )
    if kind in (EventType.TROOP_DEPLOYMENT, EventType.MILITARY_AID) and not found.agents:
        # "tropas norte-coreanas foram enviadas": whose troops or weapons they are
        goods = [*frame.objects, *children(frame.token, "nsubj")]
        found.agents = resolver.actors(goods)
        if not found.agents:
            found.agents = resolver.actors(_goods_below(frame, context.grammar))
        if not found.agents:
            found.agents = _holder_of_posted_troops(frame, resolver)
    if kind in _DESTINATIONS or kind is EventType.ATTACK:
        _target_roles(frame, found, resolver)
    place = found.place
    recipients = found.recipients
    if place is None:
        after = _place_mention_after(frame, resolver.reader, frames, context.grammar)
        if after is not None:
            place = after.literal_key or after.key
            state = after.key if after.literal_key else context.country(after.key)
            if kind is EventType.ATTACK and not recipients and state:
                # "um novo ataque russo a um prédio residencial, esta terça-feira, em Kiev":
                # the state of the place where it struck
                recipients = [state]
    if kind is EventType.SANCTION and not recipients:
        recipients += _sanctioned_without_a_target(frame, frames, resolver)
    if kind is EventType.SUPPORT and not recipients and found.partners:
        # "reitera su solidaridad con el pueblo de Afganistán", "solidarity with Ukraine": who
        # one stands with is who is supported
        recipients = list(found.partners)
    if kind in _STATEMENTS and not recipients and frame.objects and not unknown_doer:
        # "condenou a aproximação entre Moscou e Pyongyang", "apoia a proposta do Brasil"
        recipients = _keys(
            [m for t in frame.objects for m in resolver.reader.actors(t, owners=True, through=True)]
        )
    agents = found.agents
    agent = agents[0] if agents else None
    recipients = [
        r
        for r in recipients
        if agent is None or (r != agent and context.state_of(r) != context.state_of(agent))
    ]
    recipient = recipients[0] if recipients else None
    participants = list(dict.fromkeys([*agents, *recipients]))
    return participants, agent, recipient, place


def _sanctioned_without_a_target(
    frame: Frame, frames: list[Frame], resolver: _Resolver
) -> list[str]:
    """Who a measure that names no target hits: the one whose act is its reason ("sanctions
    over Russia's invasion", "sanciones por las acciones realizadas por Rusia"), else where
    the trips it restricts go ("restricciones a los viajes a Cuba", "restrictions on travel
    to Cuba")."""
    found: list[str] = []
    for phrase in _reason_phrases(frame, resolver.context.grammar):
        act = next((f for f in frames if f.token.i == phrase.i), None)
        if act is None:
            found += resolver.actors([phrase], through=True)
        else:  # "over Russia's invasion": the doer of the act
            found += resolver.actors(act.agents) or resolver.actors(
                _doer_owners(act, resolver.reader)
            )
    if not found:
        for trip in (f for f in frames if f.type is EventType.VISIT and f is not frame):
            if trip.token in frame.recipients:
                found += resolver.actors(trip.recipients)
    if not found and not frame.rule.nominal:
        # "congelaram os bens do chefe da Força Aérea da Guiné-Bissau": whose assets are frozen
        found += resolver.actors(frame.objects, through=True)
    return found


def _holder_of_posted_troops(frame: Frame, resolver: _Resolver) -> list[str]:
    """ "South Africa has 1,300 troops deployed in Congo", "German troops stationed in
    Lithuania": troops a participle says are posted are the state's that they belong to, or
    that has them (the subject of the light verb whose object they are)."""
    grammar = resolver.context.grammar
    troops = frame.token.head
    if (
        frame.rule.nominal
        or base_dep(frame.token) not in ("acl", "amod")
        or not word_forms(troops) & grammar.classes.get("troops", frozenset())
    ):
        return []
    owners = resolver.actors([troops])
    holder = troops.head
    if owners or base_dep(troops) != "obj" or not grammar.verb_words(holder) & grammar.light:
        return owners
    return resolver.actors(children(holder, "nsubj"))


def _reason_phrases(frame: Frame, grammar: Grammar) -> list[Token]:
    """The phrases that give the reason for an act ("for/over/por …"), on its trigger, the
    counting head the trigger hangs on ("um pacote de sanções por …") or its light verb."""
    holders = [frame.token]
    if base_dep(frame.token) == "nmod" and frame.token.head.i != frame.token.i:
        holders.append(frame.token.head)
    if frame.governor is not None and grammar.verb_words(frame.governor) & grammar.light:
        holders.append(frame.governor)  # not "thanked … for", whose reason is the thanks'
    return [
        child
        for holder in holders
        for child in holder.children
        if base_dep(child) in ("obl", "nmod") and case_phrase(child) in grammar.markers["reason"]
    ]


def _weapons_used(frame: Frame, grammar: Grammar) -> list[Token]:
    """ "los ataques con misiles rusos", "an attack with Iranian drones": the weapons an attack
    noun was made with, whose owner did it when the noun names no doer. The parser may hang
    the "with" phrase on the verb whose object the noun is ("condenó los ataques con misiles
    rusos"): a condemnation is made with no weapon, so there it is the noun's too."""
    weapons = grammar.classes.get("weapons", frozenset())
    phrases = list(frame.partners)
    noun = frame.token
    if base_dep(noun) == "obj" and noun.head.i != noun.i:
        phrases += [
            c
            for c in noun.head.children
            if base_dep(c) == "obl" and grammar.marker_role(case_phrase(c)) == "partner"
        ]
    return [t for t in phrases if word_forms(t) & weapons]


def _owner_roles(frame: Frame, found: _RoleActors, resolver: _Resolver) -> None:
    """An event noun's owners did it ("Russia's invasion"), or suffer it when the noun names
    what is done to its owner ("a invasão da Ucrânia"); what a verb acts on is acted on."""
    if frame.rule.patient_of:
        doer_tokens = _doer_owners(frame, resolver.reader)
        patient_tokens = [t for t in found.owners if t not in doer_tokens]
        found.recipients = found.recipients + resolver.actors(patient_tokens, owners=False)
        found.agents = found.agents + resolver.actors(doer_tokens)
    elif found.owners:
        found.agents = found.agents + resolver.actors(found.owners)
    found.recipients = found.recipients + found.objects


def _target_roles(frame: Frame, found: _RoleActors, resolver: _Resolver) -> None:
    """Where a visit, a deployment or an attack goes: the place and state of what it is aimed
    at, else of where it happens."""
    kind = frame.type
    reader, context = resolver.reader, resolver.context
    recipients = found.recipients
    targets = [*frame.objects, *frame.recipients]
    # "an attack on energy facilities in western Ukraine": the place of the thing hit
    targets += [
        child
        for token in targets
        if reader.mention(token) is None
        for child in children(token, "nmod")
        if context.grammar.marker_role(case_phrase(child)) == "place"
    ]
    target_place, target_state = _place_and_state(targets, reader, context)
    if target_place is not None:
        found.place = found.place or target_place
        if target_state and target_state not in recipients:
            recipients.append(target_state)
    elif (
        kind in (EventType.VISIT, EventType.ATTACK)
        and target_state
        and target_state not in recipients
    ):
        # a site's state: "visited a base in Syria", "ataques contra infraestructura civil en
        # Ucrania"
        recipients.append(target_state)
    place_state = found.place_state
    if kind in _DESTINATIONS and place_state and place_state not in recipients:
        recipients.append(place_state)
    if kind is EventType.VISIT and place_state:
        # "esteve na Argentina e no Uruguai": each place coordinated with the first is a host
        for conj in (c for t in frame.places for c in children(t, "conj")):
            _, state = _place_and_state([conj], reader, context)
            if state and state not in recipients:
                recipients.append(state)
    if kind is EventType.TROOP_DEPLOYMENT and found.agents and not recipients:
        # "foram transferidos para apoiar as operações russas no oeste da Rússia": the
        # troops go where the clause below says they operate
        found.recipients = _destination_below(frame, reader, context, found.agents[0])
    elif kind is EventType.ATTACK and not recipients and place_state:
        recipients.append(place_state)


def _hosted_in(frame: Frame, reader: ActorReader, context: _Context) -> str | None:
    """The state a meeting told by a verb of hosting was held in, from the place phrase of the
    verb: a place's state, or the state a seat of government stands for ("Downing Street")."""
    host_words = context.grammar.classes.get("host", frozenset())
    verb = frame.token
    if (
        frame.type is not EventType.MEETING
        or frame.rule.nominal
        or not context.grammar.lemmas(verb.lemma_, verb.text) & host_words
        or _resident_guests(verb, context.grammar)
    ):
        return None
    # the place phrase, or one the parser hung on the guest ("received Lula in Paris",
    # "welcomed President Zelenskyy to Downing Street": where the guest came; also a guest
    # marked by its case word, "recibirá al presidente …, en la Casa Blanca")
    phrases = children(verb, "obl", "nmod") + [
        c
        for guest in children(verb, "obj", "obl")
        for c in children(guest, "nmod")
        if context.grammar.marker_role(case_phrase(c)) in ("place", "recipient")
    ]
    for child in phrases:
        place = reader.place(child)
        if place is not None:
            key = place.key if place.literal_key else context.country(place.key)
            if key is not None and context.kind(key) is EntityKind.ORGANIZATION:
                # "welcomed X to the Pentagon": a seat that stands for a state's body is in
                # that body's state
                key = context.country(key)
            return key
        state = reader.state(child)
        if state is not None and state.method == "metonym":
            return state.key
        for part in children(child, "compound"):
            # "greeted Putin at Pyongyang airport": the city names where the site is
            state = reader.state(part)
            if state is not None and state.method == "metonym":
                return state.key
    return _host_of_a_visit(verb, reader, context)


def _resident_guests(verb: Token, grammar: Grammar) -> bool:
    """ "recebeu o embaixador dos Estados Unidos na Praia": an ambassador received where they
    are posted is no visitor; the guests the verb names are all such envoys."""
    resident = grammar.classes.get("resident", frozenset())
    guests = children(verb, "obj", "nsubj:pass")
    return bool(guests) and all(g.lemma_.lower() in resident for g in guests)


def _host_of_a_visit(verb: Token, reader: ActorReader, context: _Context) -> str | None:
    """ "Lula recebeu o presidente de Portugal para uma visita de Estado", "hosted Wang Yi for
    an official visit": a guest received for a visit, with no place named, came to the host's
    state (the phrase may hang on the verb or on the guest)."""
    nouns = context.grammar.nouns
    phrases = children(verb, "obl", "nmod") + [
        c for guest in children(verb, "obj") for c in children(guest, "nmod")
    ]
    if not any(
        any(rule.type is EventType.VISIT for rule in nouns.get(c.lemma_.lower(), ()))
        for c in phrases
    ):
        return None
    # "Lula foi recebido por Marcelo na visita": a passive's agent receives
    hosts = _passive_agents(verb, context.grammar) if is_passive(verb) else subjects(verb)
    for host in hosts:
        mention = reader.mention(host)
        if mention is not None:
            return context.state_of(mention.key)
    return None


def _passive_agents(verb: Token, grammar: Grammar) -> list[Token]:
    """The agent phrases of a passive verb ("por Marcelo", "by the President")."""
    return children(verb, "obl:agent") or [
        c for c in children(verb, "obl") if case_phrase(c) in grammar.markers["agent"]
    ]


def _visits_of_guests(drafts: list[_Draft], context: _Context) -> list[_Draft]:
    """A leader received at home came on a visit: "The Prime Minister welcomed President
    Zelenskyy to Downing Street", "Lula recebeu Macron no Palácio do Planalto" — a meeting told
    by a verb of hosting, at a place in one side's state, is also a visit of each other side."""
    visits: list[_Draft] = []
    for draft in drafts:
        home = draft.hosted_in
        if home is None or home not in {context.state_of(k) for k in draft.participants}:
            continue
        for guest in draft.participants:
            if home in (context.state_of(guest), context.country(guest)):
                continue  # a host, or a body of the host's state ("to the Pentagon")
            if _visit_told(drafts, context.state_of(guest), home, context):
                continue  # the visit the meeting took place on, told in its own words
            visits.append(
                replace(
                    draft,
                    type=EventType.VISIT,
                    participants=[guest, home],
                    agent=guest,
                    recipient=home,
                    reported_by=list(draft.reported_by),
                    evidence=list(draft.evidence),
                    hosted_in=None,
                )
            )
    return visits


def _visit_told(drafts: list[_Draft], guest: str, home: str, context: _Context) -> bool:
    """Whether the article tells a visit of the guest's state to the host's in its own words
    ("A visita de Estado do presidente brasileiro à China começou no sábado"): a meeting hosted
    there on another day of it is not another visit."""
    return any(
        d.type is EventType.VISIT
        and d.agent is not None
        and context.state_of(d.agent) == guest
        and d.recipient is not None
        and context.state_of(d.recipient) == home
        for d in drafts
    )


def _one_per_host(
    frame: Frame,
    participants: list[str],
    agent: str | None,
    recipient: str | None,
    context: _Context,
) -> list[tuple[list[str], str | None]]:
    """A visit to several states is one visit to each ("visited the Khmeimim Air Base in Syria,
    and Egypt", "deve visitar China e Portugal"), and so are sanctions on several states by
    their names ("new sanctions on Russia and Belarus"); every other event stays one."""
    if frame.type is EventType.SANCTION and agent is not None:
        return _one_per_sanctioned_state(participants, agent, recipient, context)
    if frame.type is not EventType.VISIT or agent is None:
        return [(participants, recipient)]
    side = context.state_of(agent)
    hosts = [k for k in participants if context.state_of(k) != side]
    if len({context.state_of(k) for k in hosts}) < 2:
        return [(participants, recipient)]
    guests = [k for k in participants if k not in hosts]
    return [([*guests, host], host) for host in hosts]


def _one_per_sanctioned_state(
    participants: list[str], agent: str, recipient: str | None, context: _Context
) -> list[tuple[list[str], str | None]]:
    """Sanctions on two or more states named as states are one measure on each; on people or
    bodies of one state, or on one state, they stay one."""
    if recipient is None or recipient not in participants:
        return [(participants, recipient)]
    # the participants are the agents, then the recipients
    side = context.state_of(agent)
    targets = [
        k
        for k in participants[participants.index(recipient) :]
        if k != agent and context.state_of(k) != side
    ]
    if len(targets) < 2 or any(context.kind(k) is not EntityKind.STATE for k in targets):
        return [(participants, recipient)]
    senders = [k for k in participants if k not in targets]
    return [([*senders, target], target) for target in targets]


def _place_after(
    frame: Frame, reader: ActorReader, frames: list[Frame], grammar: Grammar
) -> str | None:
    """ "…reunião com Trump, marcada para sexta-feira, no Alasca": a place named after the
    trigger, behind a place word, before any other event of the sentence."""
    mention = _place_mention_after(frame, reader, frames, grammar)
    return None if mention is None else (mention.literal_key or mention.key)


def _place_mention_after(
    frame: Frame, reader: ActorReader, frames: list[Frame], grammar: Grammar
) -> Mention | None:
    doc = frame.token.doc
    later = [f.token.i for f in frames if f.token.i > frame.token.i]
    stop = min(later) if later else len(doc)
    for token in doc[frame.token.i + 1 : stop]:
        m = reader.index.at(token)
        if m is None or not (m.kind is EntityKind.PLACE or m.literal_key):
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        word = (before.lemma_.lower().split() or [before.lower_])[0] if before is not None else ""
        if before is not None and before.pos_ == "ADP" and word in grammar.markers["place"]:
            return m
    return None


def _carrier_above(token: Token, grammar: Grammar) -> Token | None:
    """The nearest light or statement verb above a noun phrase ("reafirmaram o compromisso de
    fortalecer os laços no âmbito de um acordo"), not past a speech or topic verb."""
    node = token
    verbs = 0
    for _ in range(10):
        if node.head.i == node.i or verbs >= 3:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            verbs += 1
            lemmas = grammar.lemmas(node.lemma_, node.text)
            if lemmas & (grammar.speech | grammar.status["topic"]):
                return None
            if lemmas & (grammar.light | grammar.statement):
                return node
    return None


def _destination_below(
    frame: Frame, reader: ActorReader, context: _Context, agent: str
) -> list[str]:
    side = context.state_of(agent)
    for token in frame.clause.subtree:
        if token.i == frame.clause.i or base_dep(token) not in ("obl", "nmod"):
            continue
        role = context.grammar.marker_role(case_phrase(token))
        if role not in ("place", "recipient"):
            continue
        for m in reader.actors(token, owners=False) or []:
            state = context.state_of(m.key) if m.kind is not EntityKind.PLACE else None
            if state and state != side:
                return [state]
        place = reader.place(token)
        if place is not None:
            state = place.key if place.literal_key else context.country(place.key)
            if state and state != side:
                return [state]
    return []


def _goods_below(frame: Frame, grammar: Grammar) -> list[Token]:
    """Troops or weapons named below the trigger's clause when the parser gave the verb no
    subject or object for them ("Segundo a inteligência, 10 mil soldados foram enviados")."""
    goods = grammar.classes.get("troops", frozenset()) | grammar.classes.get("weapons", frozenset())
    clause = frame.clause
    found = []
    for token in clause.subtree:
        if token.i == clause.i or not word_forms(token) & goods:
            continue
        node = token
        while node.i != clause.i and node.head.i != node.i:
            node = node.head
            if node.pos_ in ("VERB", "AUX") and node.i != clause.i:
                break
        else:
            found.append(token)
            continue
        if node.i == clause.i:
            found.append(token)
    return found[:1]


def _doer_owners(frame: Frame, reader: ActorReader) -> list[Token]:
    """The owners of an event noun that did it. "A invasão da Ucrânia": the "de" phrase of a
    patient noun suffers it, unless a target is named too ("a invasão dos EUA à Venezuela"),
    or the state or place where it happens ("la invasión militar de Rusia en Ucrania": one
    does not invade a country in another)."""
    if not frame.rule.patient_of or frame.recipients:
        return list(frame.owners)
    if frame.owners and any(
        reader.mention(t) is not None or reader.place(t) is not None for t in frame.places
    ):
        return list(frame.owners)
    return [t for t in frame.owners if t.dep_.lower() != "nmod"]


def _condemnation_roles(
    frame: Frame, found: _RoleActors, resolver: _Resolver, frames: list[Frame]
) -> bool:
    """ "condemned the Russian attack on Kyiv": whoever did the act is condemned. Returns True
    when the act's doer is named nowhere ("condenou o ataque à Embaixada dos EUA"): whoever
    the act struck, or anyone else the clause names, is not the one condemned."""
    doers = _condemned(frame, frames, resolver, resolver.context)
    acts = resolver.context.grammar.classes.get("acts", frozenset())
    if not doers and _condemns_an_act(frame, frames, acts):
        doers = _agent_beside(frame, resolver)
    if doers:
        found.recipients = doers
        return False
    if _condemns_an_act(frame, frames, acts):
        # "accused Russia of the strikes", "acusou os EUA de uma agressão": the act names no
        # doer, but the verb's own object is the one it blames
        found.recipients = _accused(frame, frames, resolver)
        return not found.recipients
    return False


def _agent_beside(frame: Frame, resolver: _Resolver) -> list[str]:
    """The doer of a condemned act whose agent phrase the parser hung on the condemning verb
    ("condemned the nuclear test by North Korea", "condenou o lançamento de mísseis pela
    Coreia do Norte"): an active verb takes no agent phrase of its own, so the phrase is the
    act's."""
    verb = frame.token
    if frame.rule.nominal or is_passive(verb) or not subjects(verb):
        return []
    grammar = resolver.context.grammar
    named = [
        c
        for c in children(verb, "obl")
        if c.i > verb.i and grammar.marker_role(case_phrase(c)) == "agent"
    ]
    return resolver.actors(named)


def _accused(frame: Frame, frames: list[Frame], resolver: _Resolver) -> list[str]:
    """The actors a condemnation verb takes as its object beside the act it names ("accused
    Kyiv of a large-scale attack"): who is blamed for an act whose own phrase names no doer."""
    if frame.rule.nominal:
        return []
    acts = {f.token.i for f in frames if f is not frame}
    named = [
        t
        for t in children(frame.token, "obj")
        if t.i not in acts and resolver.reader.mention(t) is not None
    ]
    return resolver.actors(named)


def _condemns_an_act(frame: Frame, frames: list[Frame], acts: frozenset[str]) -> bool:
    """Whether a condemnation's object is a directed act told by an event noun ("condenou o
    ataque à Embaixada dos EUA") or a noun of the `acts` class ("condenou o atentado contra
    o escritório da ONU")."""
    objects = {t.i for t in frame.objects}
    return any(
        other is not frame and other.token.i in objects and other.type.is_directed
        for other in frames
    ) or any(word_forms(t) & acts for t in frame.objects)


def _condemned(
    frame: Frame, frames: list[Frame], resolver: _Resolver, context: _Context
) -> list[str]:
    """A condemnation of an act ("condenou o ataque russo") targets whoever did it; when the act
    was told before ("condenou o ataque" after the attack's sentence), the doer told there."""
    called = _named_acts(frame, context.grammar)
    named = {t.i for t in [*frame.objects, *frame.recipients, *called]}
    named |= {c.i for t in frame.objects for c in t.children}
    acts = context.grammar.classes.get("acts", frozenset())
    triggers = {f.token.i for f in frames}
    # "condenou o bombardeio de Israel contra Beirute, ação que…": an act noun set beside the
    # event noun the verb takes is that event, told again, whose doer the event names
    told = any(t.i in triggers for t in frame.objects)
    for token in frame.objects:
        if token.i in triggers or told:
            continue
        if word_forms(token) & acts:
            # "condena las acciones realizadas por el régimen", "the actions of Russia": the
            # doer the phrase names
            doers = _act_doers(token, resolver, context.grammar)
            if doers:
                return doers
            # "condenou as medidas": the last directed act told, by someone else
            for draft in reversed(context.drafts[-8:]):
                if frame.sentence.number - draft.sentence > 3:
                    break
                if draft.type.is_directed and draft.agent and draft.type is not frame.type:
                    return [draft.agent]
            return []
    # the act named itself before an act modifying it ("the Israeli occupation aggression":
    # the aggression's doer, not the compound's)
    heads = {t.i for t in [*frame.objects, *frame.recipients, *called]}
    ordered = sorted(frames, key=lambda f: f.token.i not in heads)
    for other in ordered:
        if other is frame or other.token.i not in named:
            continue
        doers = (
            resolver.actors(other.agents)
            or resolver.actors(_doer_owners(other, resolver.reader))
            or resolver.actors(_weapons_used(other, context.grammar))
            or _possessors(other, resolver)
        )
        if doers:
            return doers
        kind = other.type
        for draft in reversed(context.drafts[-8:]):
            if frame.sentence.number - draft.sentence > 3:
                break
            if draft.type is kind and draft.agent:
                return [draft.agent]
        return []
    return []


def _possessors(act: Frame, resolver: _Resolver) -> list[str]:
    """The possessor of an act noun that a verb's rule found ("North Korea's missile launch",
    read by "launch+@weapons"): a verb's rule reads no owners, but a possessor is the doer."""
    if act.token.pos_ not in ("NOUN", "PROPN"):
        return []
    return resolver.actors(children(act.token, "nmod:poss"))


def _named_acts(frame: Frame, grammar: Grammar) -> list[Token]:
    """The act a free relative under a condemnation names: "condemned what it called Israeli
    aggression", "condenou o que chamou de agressão israelense", "condenó lo que calificó de
    agresión israelí". The naming verb is the trigger's complement or a relative clause of its
    object, and opens with a pronoun (the free relative's)."""
    naming = grammar.classes.get("naming", frozenset())
    verbs = children(frame.token, "ccomp", "xcomp")
    # the free relative's pronoun, as the object or hung on the verb otherwise after a date
    # ("condemned on Saturday what it called…")
    pronouns = [t for t in frame.token.children if t.pos_ == "PRON" and base_dep(t) != "nsubj"]
    verbs += [c for t in [*frame.objects, *pronouns] for c in children(t, "acl")]
    return [
        named
        for verb in verbs
        if word_forms(verb) & naming
        and any(c.pos_ == "PRON" for c in verb.children)
        for named in children(verb, "obj", "obl", "xcomp")
        if named.pos_ in ("NOUN", "PROPN")
    ]


def _act_doers(act: Token, resolver: _Resolver, grammar: Grammar) -> list[str]:
    """The actors an act noun's phrase names as its doers: not those of a phrase that names
    its target ("o ato terrorista perpetrado contra a embaixada do Egito": Egypt was struck,
    not condemned); first those of its agent phrase ("la usurpación del poder por parte de
    Maduro", "the usurpation of power by Maduro"), which the act's own words do not reach,
    even when the parser hung it on the act's "of" phrase ("do poder por parte de Maduro")."""
    holders = [act] + [
        t for t in act.children if base_dep(t) == "nmod" and case_phrase(t) in grammar.markers["of"]
    ]
    agents = [
        t
        for holder in holders
        for t in holder.children
        if base_dep(t) in ("obl", "nmod") and grammar.marker_role(case_phrase(t)) == "agent"
    ]
    doers = resolver.actors(agents)
    if doers:
        return doers
    targets = {
        word.i
        for t in act.subtree
        if t.i != act.i
        and base_dep(t) in ("obl", "nmod")
        and grammar.marker_role(case_phrase(t)) in ("recipient", "aimed")
        for word in t.subtree
    }
    if not targets:
        return resolver.actors([act])
    struck = {id(resolver.reader.index.at(t)) for t in act.doc if t.i in targets}
    return _keys([m for m in resolver.reader.actors(act) if id(m) not in struck])


def _date_for(
    frame: Frame,
    sentence_dates: Sequence[tuple[DateMention, Token]],
    frames: list[Frame],
    grammar: Grammar,
) -> DateMention | None:
    """The date of the trigger's own clause: a date attached (through its phrase) to the
    trigger, its governing verb, or — for a statement — the speech verb; else the only date of
    the sentence that no other event's clause holds."""
    own, mine = _clause_words(frame, grammar)
    others = {f.token.i for f in frames if f is not frame}
    others |= {f.governor.i for f in frames if f is not frame and f.governor is not None}
    others -= mine
    if frame.type in _STATEMENTS:
        # "condena las acciones … para bloquear … el 5 de enero": a date of a clause below a
        # statement dates what is condemned or backed, not the statement
        others |= {
            t.i
            for t in frame.token.subtree
            if t.pos_ in ("VERB", "AUX") and t.i not in mine
        }
    free: list[DateMention] = []
    # the trigger's own clauses: those above it and those below it
    related = {t.i for t in frame.token.ancestors} | {t.i for t in frame.token.subtree}
    # "on Thursday, a day after Russia launched an attack": the clause it opens, first
    opened = [d for d, a in sentence_dates if d.opens and a.i in own]
    if opened:
        return opened[0]
    for date, attach in sentence_dates:
        if attach.i in mine:
            return date
        if attach.i in others or _since_clause(attach, grammar):
            continue
        if attach.pos_ in ("NOUN", "PROPN"):
            continue  # a date owned by another noun ("Sunday's referendum")
        if (
            attach.dep_ == "acl:relcl"
            and attach.head.dep_.startswith("nsubj")
            and _own_clause(attach)
        ):
            continue  # "Macron, who arrived on Sunday, signed…": the subject's relative clause
        if _inside_a_subjects_relative(attach, frame.token):
            # "Zuma, who is likely to become president in 2009, said…": deeper in that clause
            continue
        if attach.i not in related and _own_clause(attach):
            # "…planean imponer sanciones, y varios países dijeron el lunes que…": the date of
            # a clause with a subject of its own, beside the trigger's, is that clause's
            continue
        if (
            attach.i not in own
            and is_speech(attach, grammar)
            and _complement_of(frame.token, attach)
            and _told_in_future(frame, own)
        ):
            # "informó el lunes que Sánchez visitará México": the day it was said, not the
            # visit's, which is to come
            continue
        free.append(date)
    if len(free) == 1 and len(frames) == 1:
        return free[0]
    if free:
        # the nearest free date, by tokens, when no other trigger stands between
        positions = {id(d): a.i for d, a in sentence_dates}
        trigger = frame.token.i

        def distance(d: DateMention) -> int:
            return abs(positions[id(d)] - trigger)

        best = min(free, key=distance)
        lo, hi = sorted((positions[id(best)], trigger))
        if not any(lo < f.token.i < hi for f in frames if f is not frame):
            return best
    return None


def _inside_a_subjects_relative(word: Token, trigger: Token) -> bool:
    """Whether `word` lies in a relative clause with a subject of its own on a subject noun,
    and the trigger outside it: that clause's dates are of what it tells of the subject."""
    node = word
    while node.head.i != node.i:
        if node.dep_ == "acl:relcl":
            clause = node
            return (
                clause.head.dep_.startswith("nsubj")
                and _own_clause(clause)
                and not clause.left_edge.i <= trigger.i <= clause.right_edge.i
            )
        node = node.head
    return False


def _clause_words(frame: Frame, grammar: Grammar) -> tuple[set[int], set[int]]:
    """The trigger's own clause (trigger, its clauses, its governor), and that with the verbs
    governing it and, for a statement, its speech verb."""
    own = {frame.token.i} | {t.i for t in frame.clauses}
    if frame.governor is not None:
        own.add(frame.governor.i)
    mine = own | {t.i for t in governing_chain(frame, grammar)}
    if frame.type in _STATEMENTS:
        speech = speech_verb(frame, grammar)
        if speech is not None:
            mine.add(speech.i)
    return own, mine


def _complement_of(token: Token, verb: Token) -> bool:
    """Whether `token` lies in a complement clause (`ccomp`) of `verb`."""
    node = token
    while node.head.i != node.i:
        if node.head.i == verb.i:
            return base_dep(node) == "ccomp"
        node = node.head
    return False


def _told_in_future(frame: Frame, own: set[int]) -> bool:
    """Whether the trigger's own clause is in the future tense (by its morphology)."""
    doc = frame.token.doc
    words = [doc[i] for i in own]
    words += [c for w in words for c in w.children if c.dep_.startswith("aux")]
    return any("Fut" in feature_values(w, "Tense") for w in words)


def _own_clause(token: Token) -> bool:
    """A verb with a subject of its own (a clause beside the trigger's)."""
    return token.pos_ in ("VERB", "AUX") and bool(children(token, "nsubj", "nsubj:pass"))


def _since_clause(token: Token, grammar: Grammar) -> bool:
    """Whether a clause or phrase starts a span ("desde que tomou posse, no dia 1", "since he
    took office on 1 January", "desde a posse"): its date is where a period began, not when
    the event was."""
    phrase = case_phrase(token)
    return bool(phrase) and (
        phrase in grammar.markers["since"] or phrase.split()[0] in grammar.markers["since"]
    )


def _repair_clause_on_a_date(sentence: ParsedSentence, dates: Sequence[DateMention]) -> None:
    """ "anunciou nesta quarta-feira que conversou com Putin" parsed with "que conversou" as a
    relative clause of "quarta-feira": a date names no one who acts, so a clause hung on it
    whose only subject is the relative word is the complement of the verb above, and speaks of
    that verb's subject; a date labelled a verb's object is an oblique."""
    doc = sentence.doc
    for date in dates:
        inside = [
            t
            for t in doc
            if sentence.spans[t.i][0] < date.end and sentence.spans[t.i][1] > date.start
        ]
        heads = [t for t in inside if t.head not in inside or t.head.i == t.i]
        if len(heads) > 1:
            # "on Friday" with "on" hung on the verb as its subordinator: the date's own word
            heads = [t for t in heads if base_dep(t) not in ("case", "mark")]
        if len(heads) != 1:
            continue
        head = heads[0]
        _date_read_as_a_compound(head, inside)
        _name_read_as_a_compound_of_a_date(head, inside)
        verb = head.head
        if head.i == verb.i or verb.pos_ not in ("VERB", "AUX"):
            continue
        _phrases_hung_on_a_date(head, inside, verb)
        if head.dep_ == "obj":
            head.dep_ = "obl"  # "arribó la noche del domingo": a time, not what is done
            _object_hung_on_a_date(head, inside, verb)
        elif base_dep(head) == "obl" and not children(verb, "obj"):
            # "ha mantenido este domingo un encuentro", "encuentro" under "domingo"
            _object_hung_on_a_date(head, inside, verb)
        elif head.dep_ in ("nsubj", "nsubj:pass"):
            _date_read_as_subject(head, verb)
            continue
        for clause in children(head, "acl", "xcomp", "advcl"):
            if (
                clause.dep_.lower() in ("acl", "xcomp", "advcl")
                and clause.i > head.i
                and clause.pos_ == "VERB"
                and "Fin" not in feature_values(clause, "VerbForm")
                and "Part" not in feature_values(clause, "VerbForm")
            ):
                # "agreed on Friday to impose sanctions" with "to impose" hung on "Friday": a
                # date is no one's to do anything; the infinitive is the verb's complement, or
                # its purpose when a subordinator opens it ("viajará el viernes para reunirse
                # con Peña Nieto", "para reunirse" under "viernes")
                clause.head = verb
                clause.dep_ = "advcl" if children(clause, "mark") else "xcomp"
        if children(verb, "ccomp"):
            continue
        for clause in children(head, "acl:relcl"):
            found = children(clause, "nsubj", "nsubj:pass")
            if (
                clause.i > head.i
                and len(found) == 1
                and "Rel" in feature_values(found[0], "PronType")
                and found[0].i < clause.i
            ):
                found[0].dep_ = "mark"
                clause.head = verb
                clause.dep_ = "ccomp"


def _date_read_as_a_compound(date: Token, inside: list[Token]) -> None:
    """ "announced on Friday new sanctions" parsed with "Friday" as a compound of "sanctions"
    and "on" as the case of the whole: a day names no kind of thing, so the date, with its case
    word, is the verb's oblique, and the noun, left with no case word, its object."""
    noun = date.head
    verb = noun.head
    end = max(t.i for t in inside)
    if (
        date.dep_ != "compound"
        or noun.i <= end
        or noun.pos_ != "NOUN"
        or base_dep(noun) != "obl"
        or verb.pos_ not in ("VERB", "AUX")
        or children(verb, "obj")
        or any(base_dep(c) == "case" and c not in inside for c in noun.children)
    ):
        return
    date.head = verb
    date.dep_ = "obl"
    for word in inside:
        if word.head.i == noun.i and base_dep(word) == "case":
            word.head = date
    noun.dep_ = "obj"
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i:
        repair_main_verb_read_as_participle(verb.doc)


def _name_read_as_a_compound_of_a_date(date: Token, inside: list[Token]) -> None:
    """ "announced a new aid package for Ukraine Thursday" parsed with "Ukraine" as a compound
    of "Thursday" (and "for" the case of the whole): a day is no kind of thing a name can
    modify, so a name with its own case word right before the date hangs where the date does,
    an oblique of a verb or a modifier of a noun."""
    holder = date.head
    if holder.i == date.i or base_dep(date) not in ("obl", "nmod"):
        return
    start = min(t.i for t in inside)
    for name in children(date, "compound"):
        if (
            name.pos_ == "PROPN"
            and name.i < start
            and name.right_edge.i == start - 1
            and any(base_dep(c) == "case" for c in name.children)
        ):
            hang_phrase_on(name, holder)


def _object_hung_on_a_date(date: Token, inside: list[Token], verb: Token) -> None:
    """ "aprobó este lunes su primer paquete de sanciones" with "lunes" as the object and
    "paquete" as its apposition (or a bare modifier: "ha mantenido este domingo un encuentro"):
    a noun right after the date, with no punctuation or case word between, is what the verb
    acts on."""
    end = max(t.i for t in inside)
    for child in children(date, "appos", "nmod"):
        between = child.doc[end + 1 : child.i]
        if base_dep(child) == "nmod" and children(child, "case"):
            continue  # "la noche del domingo", "el lunes por la mañana": the date's own phrase
        if child.pos_ == "NOUN" and child.i > end and not any(t.is_punct for t in between):
            child.head = verb
            child.dep_ = "obj"
            return


def _phrases_hung_on_a_date(date: Token, inside: list[Token], verb: Token) -> None:
    """ "Blinken met on Wednesday with Russian Foreign Minister Sergey Lavrov" parsed with "with
    … Lavrov" under "Wednesday": a day has no partner, target or agent, so a phrase with a case
    word after the date, hung on it, is the verb's."""
    end = max(t.i for t in inside)
    for child in list(date.children):
        if (
            child.i > end
            and base_dep(child) == "nmod"
            and any(base_dep(c) == "case" and c.i < child.i for c in child.children)
        ):
            child.head = verb
            child.dep_ = "obl"


def _date_read_as_subject(date: Token, verb: Token) -> None:
    """ "NATO leaders agreed on Friday to deploy troops" parsed with "Friday" as the subject of
    "deploy" and "on" as its subordinator: a date does nothing, so it is an oblique, of the verb
    above when it stands before the clause's own subordinator (the time of "agreed"), and the
    case word before it is its own; the clause then shares the subject of the verb above,
    unless a name was set beside the date as its apposition: that name is the subject."""
    date.dep_ = "obl"
    above = verb.head
    marks = [m for m in children(verb, "mark") if m.i < date.i]
    later = [m for m in children(verb, "mark") if m.i > date.i]
    for mark in marks:
        mark.head = date
        mark.dep_ = "case"
    if (
        later
        and date.i < verb.i
        and above.i != verb.i
        and above.pos_ in ("VERB", "AUX")
        and base_dep(verb) in ("advcl", "xcomp")
        and "Fin" not in feature_values(verb, "VerbForm")
    ):
        date.head = above
    # "El próximo lunes, Sánchez se reunirá con Milei" with "Sánchez" the date's apposition:
    # the name set beside the date is who acts
    if not any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children):
        for name in children(date, "appos"):
            if name.i > date.i and name.pos_ in ("PROPN", "NOUN") and name.i < verb.i:
                name.head, name.dep_ = verb, "nsubj"
                break


def _attach_dates(
    sentence: ParsedSentence,
    dates: Sequence[DateMention],
    frames: list[Frame],
    grammar: Grammar,
) -> list[tuple[DateMention, Token]]:
    """Each date of the sentence with the clause word it belongs to: the nearest trigger or verb
    above its phrase. A date inside a phrase that starts a span ("Desde a posse, no dia 1° de
    janeiro, Lula realizou viagens…") is where the span began: it dates nothing."""
    doc = sentence.doc
    triggers = {f.token.i for f in frames} | {f.governor.i for f in frames if f.governor}
    triggers |= {t.i for f in frames for t in f.clauses}
    result: list[tuple[DateMention, Token]] = []
    for date in dates:
        if not sentence.start <= date.start < sentence.end:
            continue
        inside = [
            t
            for t in doc
            if sentence.spans[t.i][0] < date.end and sentence.spans[t.i][1] > date.start
        ]
        if not inside:
            continue
        head = next((t for t in inside if t.head not in inside or t.head.i == t.i), inside[0])
        opened = _clause_opened(head, inside, triggers) if date.opens else None
        if opened is not None:
            result.append((date, opened))
            continue
        if head.dep_.lower() == "nmod:poss" and head.head.i not in triggers:
            # "in response to Sunday's referendum": the date of the thing it owns
            result.append((date, head.head))
            continue
        if (
            head.head.pos_ in ("NOUN", "PROPN")
            and head.head.i not in triggers
            and head.head.i > inside[-1].i
            and head.pos_ in ("NUM", "PROPN")
            and base_dep(head) in _PREMODIFIERS
        ):
            # "ahead of the December 9 summit": a date set before a noun is that noun's (not
            # "este año 1.000 millones", a phrase of its own the parser hung on the amount)
            result.append((date, head.head))
            continue
        node = head
        since = _opens_a_span(head, grammar)
        for _ in range(8):
            if node.i in triggers or node.head.i == node.i:
                break
            if node.pos_ in ("VERB", "AUX") and node.i != head.i:
                break
            since = since or _opens_a_span(node, grammar)
            node = node.head
        if not since:
            result.append((date, node))
    return result


# the relations of a date set before the noun it qualifies ("the December 9 summit")
_PREMODIFIERS = ("nummod", "compound", "nmod", "amod", "flat")


def _clause_opened(head: Token, inside: list[Token], triggers: set[int]) -> Token | None:
    """The verb of the clause a relative date opens ("un día después de que Rusia atacara",
    "um dia depois de a Rússia atacar": the first verb or trigger below the date's noun, after
    it)."""
    last = inside[-1].i
    return next(
        (
            t
            for t in head.subtree
            if t.i > last and (t.pos_ in ("VERB", "AUX") or t.i in triggers)
        ),
        None,
    )


def _opens_a_span(token: Token, grammar: Grammar) -> bool:
    """A phrase that starts a span (`_since_clause`), or a date set beside one before it
    ("Desde a posse, no dia 1° de janeiro": the parser may hang the "since" phrase on the
    date)."""
    return _since_clause(token, grammar) or any(
        base_dep(c) in ("nmod", "appos", "obl") and c.i < token.i and _since_clause(c, grammar)
        for c in token.children
    )


def _since(date: DateMention, text: str, grammar: Grammar) -> bool:
    """A date right after a word that opens or closes a span ("desde outubro", "até 2027"):
    where a period began or ends, not when the event was."""
    before = text[max(0, date.start - 12) : date.start].lower().split()
    return bool(before) and (
        before[-1] in grammar.markers["since"] or before[-1] in grammar.markers["until"]
    )


def _tense_fix(
    date: DateMention, status: Status, published: dt.date | None, *, past: bool = True
) -> PartialDate:
    """A bare month, day or weekday whose year or week came from the publication date, moved
    to the side of it the tense points to ("will meet in May" in March: this May); a day of
    the coming week told in the present ("participa na próxima segunda-feira (21)") stays."""
    value = date.value
    if (
        published is None
        or not date.relative
        or date.ahead  # "no próximo dia 17": after publication by its own words
        or date.behind  # "last Thursday": before it by its own words, whatever the tense
        or date.kind not in ("absolute", "weekday", "numeric")
    ):
        return value
    iso, today = value.iso(), published.isoformat()
    future = status is Status.PLANNED
    if date.kind == "weekday" and value.day is not None and value.month is not None:
        day = dt.date(value.year, value.month, value.day)
        if future and day < published and day < dt.date.max - dt.timedelta(days=7):
            return PartialDate.from_date(day + dt.timedelta(days=7))
        if status is Status.OCCURRED and past and day > published:
            # "viajó este domingo", told on a Monday in a past tense: the Sunday before
            return PartialDate.from_date(day - dt.timedelta(days=7))
        return value
    if future and iso < today[: len(iso)]:
        return _shift_year(value, 1)
    if (
        status is Status.OCCURRED
        and iso > today[: len(iso)]
        and (past or not (_days_ahead(value, published) or _month_ahead(value, published)))
    ):
        return _shift_year(value, -1)
    return value


def _month_ahead(value: PartialDate, published: dt.date) -> bool:
    """The month after publication's, told in the present tense ("viaja a Pequim em abril",
    published in March): that coming month, not the one eleven months before."""
    if value.day is not None or value.month is None:
        return False
    months = (value.year - published.year) * 12 + value.month - published.month
    return months == 1


_DAYS_AHEAD = 7


def _days_ahead(value: PartialDate, published: dt.date) -> bool:
    """A day in the week after publication ("na próxima segunda-feira (21)" told in the present
    tense): the text means that day, not the same day a year before."""
    if value.day is None or value.month is None:
        return False
    try:
        day = dt.date(value.year, value.month, value.day)
    except ValueError:
        return False
    return 0 < (day - published).days <= _DAYS_AHEAD


def _shift_year(value: PartialDate, years: int) -> PartialDate:
    year = value.year + years
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return value  # published at the very end of the calendar: keep what the text says
    try:
        return replace(value, year=year)
    except ValueError:  # 29 February
        return replace(value, year=year, day=28)


def _personnel(
    frame: Frame, sentence: ParsedSentence, quantities: Sequence[Quantity]
) -> tuple[int | None, Bound | None]:
    tokens = {t.i for t in frame.token.subtree}
    if frame.governor is not None:
        tokens |= {t.i for t in frame.governor.subtree}
    if not frame.rule.nominal and base_dep(frame.token) in ("acl", "amod"):
        # "1.300 militares destacados no Congo": the troops the participle describes
        tokens |= {t.i for t in frame.token.head.subtree}
    for quantity in quantities:
        for token in sentence.doc:
            begin, end = sentence.char_span(token)
            if begin < quantity.end and end > quantity.start and token.i in tokens:
                return quantity.value, quantity.bound
    return None, None




def _evidence(frame: Frame, used: Sequence[Token], text: str) -> Evidence:
    sentence = frame.sentence
    tokens = [frame.token, *used]
    if frame.governor is not None:
        tokens.append(frame.governor)
    spans = [sentence.char_span(t) for t in tokens]
    for token in used:
        subtree = list(token.subtree)
        spans.append(sentence.char_span(subtree[0]))
        spans.append(sentence.char_span(subtree[-1]))
        if token.text[:1] in APOSTROPHES and token.i > 0:
            # a clitic "'s" read as the possessor: the quote starts at the name it is glued to
            spans.append(sentence.char_span(token.doc[token.i - 1]))
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    return Evidence(text[start:end], start, end)


def _sentence_sources(sentence: ParsedSentence, resolver: _Resolver, grammar: Grammar) -> list[str]:
    """ "As informações foram divulgadas pela KCNA.": a sentence that only names the source of
    what was told before it."""
    root = sentence.doc[0].sent.root if len(sentence.doc) else None
    if root is None or not is_speech(root, grammar):
        return []
    report = grammar.classes.get("report", frozenset())
    told = [t for t in root.children if base_dep(t) in ("nsubj", "obj")]
    if not any(t.lemma_.lower() in report for t in told):
        return []
    return resolver.actors(speakers(root, grammar))


@dataclass(frozen=True, slots=True)
class _Told:
    """What the whole article gives every sentence: its text, linked mentions, dates and
    head counts, each indexed by position so a sentence looks only at its own."""

    article: Article
    mentions: ArticleMentions
    dates: _ByStart[DateMention]
    point_dates: _ByStart[DateMention]  # without those that start a span ("desde outubro")
    quantities: _ByStart[Quantity]


@dataclass(frozen=True, slots=True)
class _Kept:
    """A frame that makes an event, with its sides, before its date is read."""

    frame: Frame
    status: Status
    participants: list[str]
    agent: str | None
    recipient: str | None
    place: str | None
    used: list[Token]  # the tokens whose actors its roles took (for the quote)


def extract_events(
    article: Article,
    sentences: Sequence[ParsedSentence],
    mentions: Sequence[Mention],
    entities: Mapping[str, Entity],
    grammar: Grammar,
    dates: Sequence[DateMention],
    quantities: Sequence[Quantity],
    *,
    excluded: Sequence[tuple[int, int]] = (),
    home: str | None = None,
    check: Callable[[], None] | None = None,
) -> list[Event]:
    """Every event the parsed sentences state, one per real-world event. `home` is the state
    whose government publishes the article (its "we"). `check` is called for each sentence
    (the article's time limit)."""
    context = _Context(entities, grammar, home, article.text)
    indexed = ArticleMentions(mentions, excluded)
    # each sentence looks only at the dates and numbers inside it, found by their offsets
    dates_at = _ByStart(dates)
    told = _Told(
        article,
        indexed,
        dates_at,
        # "desde outubro" starts a span, "até 2027" ends one; they never date an event
        _ByStart([d for d in dates_at.items if not _since(d, article.text, grammar)]),
        _ByStart(quantities),
    )
    context.turns = _turns(
        article.text, indexed, home, grammar.classes.get("questioner", frozenset())
    )
    context.quotes = _quote_voices(article.text, sentences, indexed, context, check)
    for sentence in sentences:
        if check is not None:
            check()
        _read_sentence(sentence, told, context)
    drafts = context.drafts
    drafts.extend(_visits_of_guests(drafts, context))
    _date_from_story(drafts, context)
    _date_of_dateline(drafts, dateline_date(article.text, dates))
    _date_of_statements(drafts, article.published)
    _date_of_present_news(drafts, article.published)
    merged = _merge(drafts, context, article.published)
    # an agreement's mention with no date of its own is merged into one that has it first
    _date_of_statements(merged, article.published, (EventType.AGREEMENT,))
    return [_finish(d) for d in merged]


def _read_sentence(sentence: ParsedSentence, told: _Told, context: _Context) -> None:
    """The drafts of one sentence's events, added to the context; a sentence without any may
    name the source of what came before."""
    grammar = context.grammar
    index = MentionIndex(sentence, told.mentions)
    reader = ActorReader(index, grammar, set())
    _repair_clause_on_a_date(sentence, told.point_dates.between(sentence.start, sentence.end))
    frames = find_frames(sentence, grammar, reader)
    resolver = _Resolver(sentence, index, reader, context)
    if frames:
        # roles first: only the frames that make an event hold a date of their own
        _draft_events(sentence, _kept_frames(sentence, frames, resolver), resolver, told)
    else:
        sources = _sentence_sources(sentence, resolver, grammar)
        if sources:
            for draft in context.drafts:
                if draft.sentence >= sentence.number - 1 and not draft.reported_by:
                    draft.reported_by = list(sources)
    _record_topic(sentence, resolver, context)


def _aimed(recipient: Token, grammar: Grammar) -> bool:
    """Whether a phrase is opened by a direction words are aimed at, also one the parser split
    into a bare oblique and the phrase after it ("enviou drones em direção a Israel", with "em
    direção" and "a Israel" two obliques of the verb)."""
    aimed = grammar.markers["aimed"]
    phrase = case_phrase(recipient)
    if phrase in aimed:
        return True
    start = recipient.left_edge.i
    before = [
        s
        for s in recipient.head.children
        if s.i != recipient.i and base_dep(s) == "obl" and s.right_edge.i == start - 1
    ]
    return any(
        " ".join([*(w.lower_ for w in b.subtree), phrase]) in aimed for b in before if phrase
    )


def _kept_frames(sentence: ParsedSentence, frames: list[Frame], resolver: _Resolver) -> list[_Kept]:
    """The frames that tell an event, each with its status and sides: one per host of a visit
    to several states; none for a negated act or one with a single side."""
    context = resolver.context
    kept: list[_Kept] = []
    for frame in frames:
        resolver.used = []
        reading = read_status(frame, context.grammar)
        if reading.status is None:
            continue
        if frame.type is EventType.MILITARY_AID and any(
            _aimed(t, context.grammar) for t in frame.recipients
        ):
            continue  # "Iran sent drones toward Israel": weapons aimed, not given
        participants, agent, recipient, place = _roles(frame, resolver, frames)
        if frame.type.is_directed and (agent is None or recipient is None):
            # "O Kremlin negou ter enviado os equipamentos": the same act told before
            agent, recipient = _retold(frame, agent, recipient, context, sentence.number)
            participants = list(dict.fromkeys(k for k in (*participants, agent, recipient) if k))
        # one side only ("Lula recebeu apoio em Brasília"), or a side that is only a name nobody
        # could place ("Bush y su homólogo Lula" where Bush is not in the KB), makes no event;
        # but for a condemnation of an act nobody known did ("Estados Unidos condena el
        # horrible ataque contra un templo sij en Kabul")
        two_sided = len({context.state_of(k) for k in participants if context.identified(k)}) > 1
        incomplete = frame.type.is_directed and (agent is None or recipient is None)
        if (not two_sided or incomplete) and not _condemned_act_of_nobody_known(
            frame, frames, reading.status, agent, recipient, resolver
        ):
            continue
        for sides, host in _one_per_host(frame, participants, agent, recipient, context):
            kept.append(_Kept(frame, reading.status, sides, agent, host, place, resolver.used))
            resolver.pending.append((frame.type, sides))
    return kept


def _condemned_act_of_nobody_known(
    frame: Frame,
    frames: list[Frame],
    status: Status,
    agent: str | None,
    recipient: str | None,
    resolver: _Resolver,
) -> bool:
    """A condemnation, by a side the text names, of an attack or another act whose doer no
    table knows or the text does not name ("condemns the horrific attack on a Sikh temple"):
    a condemnation all the same, told with its one known side."""
    context = resolver.context
    acts = context.grammar.classes.get("acts", frozenset())
    return (
        frame.type is EventType.CONDEMNATION
        and not frame.rule.nominal
        and status is Status.OCCURRED
        # (a doer no table knows, "ISIS-K", is named but places nobody)
        and (recipient is None or not context.identified(recipient))
        and agent is not None
        and context.identified(agent)
        and _condemns_an_act(frame, frames, acts)
        and _act_told_in_full(frame, resolver)
    )


def _act_told_in_full(frame: Frame, resolver: _Resolver) -> bool:
    """Whether a condemned act is told with what it struck or where ("el ataque contra un
    templo en Kabul"), not only named ("the strikes", "a ofensiva", "the measures on
    Thursday"), which points at an act the story told before with its doer."""
    grammar = resolver.context.grammar
    # (also in the act's own clauses: "el ataque que ISIS-K perpetró contra un templo")
    clauses = [c for t in frame.objects for c in children(t, "acl")]
    clauses += [x for c in clauses for x in children(c, "xcomp")]
    phrases = [c for t in (*frame.objects, *clauses) for c in children(t, "nmod", "obl")]
    for phrase in phrases:
        if grammar.marker_role(case_phrase(phrase)) not in ("recipient", "aimed", "place"):
            continue
        named = resolver.reader.mention(phrase)
        if phrase.pos_ == "NOUN" or (
            named is not None and named.kind in (EntityKind.PLACE, EntityKind.STATE)
        ):
            return True
    return False


def _draft_events(
    sentence: ParsedSentence, kept: list[_Kept], resolver: _Resolver, told: _Told
) -> None:
    """A draft of each kept event with its date, status, head count, sources and quote."""
    context = resolver.context
    grammar = context.grammar
    article = told.article
    live = [k.frame for k in kept]
    sentence_dates = _attach_dates(
        sentence, told.point_dates.between(sentence.start, sentence.end), live, grammar
    )
    cited = _cited(sentence, told.mentions)
    said_on = _said_on(sentence, told.dates)
    for event in kept:
        frame = event.frame
        date_mention = _date_for(frame, sentence_dates, live, grammar)
        if date_mention is None and frame.type in _STATEMENTS:
            date_mention = said_on  # ", disse o Itamaraty nesta terça-feira"
        attached = next((a for d, a in sentence_dates if d is date_mention), None)
        date, status = _dated_status(
            date_mention,
            event.status,
            article.published,
            past=_told_in_past(frame, attached),
            decided=_decided_on(frame, attached)
            and not _month_of_the_act(date_mention, frame, sentence),
        )
        if _own_past_day(frame, attached, date, status, article.published):
            # "agreed to meet during a phone call last Thursday": the call the plan was made
            # in has its own day, before the news: it took place
            status = Status.OCCURRED
        began = _anniversary(frame, grammar, article.published)
        if began is not None and status is Status.OCCURRED:
            date = began  # the clause's own date is the anniversary's
        personnel, bound = (
            _personnel(frame, sentence, told.quantities.overlapping(sentence.start, sentence.end))
            if frame.type is EventType.TROOP_DEPLOYMENT
            else (None, None)
        )
        resolver.used = []
        reported = _reported_by(frame, resolver, grammar, event.agent)
        reported.extend(k for k in cited if k not in reported)
        context.drafts.append(
            _Draft(
                type=frame.type,
                participants=event.participants,
                agent=event.agent,
                recipient=event.recipient,
                date=date,
                place=event.place,
                status=status,
                personnel=personnel,
                bound=bound,
                reported_by=reported,
                confidence=round(frame.rule.confidence - (0.15 if frame.linear else 0), 2),
                evidence=[_evidence(frame, event.used, article.text)],
                trigger=frame.token.text,
                hosted_in=_hosted_in(frame, resolver.reader, context),
                sentence=sentence.number,
                paragraph=sentence.paragraph,
                token_start=sentence.char_span(frame.token)[0],
                dated_here=date is not None,
                embedded=_embedded(frame, live, grammar),
                thanked=bool(frame.thanked_by),
                told_past=not frame.rule.nominal and _told_in_past(frame),
                told_present=_told_in_present(frame),
            )
        )


def _own_past_day(
    frame: Frame,
    attached: Token | None,
    date: PartialDate | None,
    status: Status,
    published: dt.date | None,
) -> bool:
    """An event noun read as planned from the clauses above it, whose own date (a date phrase
    of the noun itself) is a day before publication."""
    if (
        not frame.rule.nominal
        or status is not Status.PLANNED
        or attached is None
        or attached.i != frame.token.i
        or date is None
        or date.day is None
        or published is None
    ):
        return False
    return date.iso() < published.isoformat()


def _told_in_present(frame: Frame) -> bool:
    """Whether the trigger verb, or the verb that governs the event noun, is its sentence's
    main verb, finite, in the present of the indicative, with no auxiliary ("A UE prolonga as
    sanções", "Lula recebe Macron")."""
    verb = frame.governor if frame.governor is not None else frame.token
    return (
        verb.pos_ in ("VERB", "AUX")
        and verb.head.i == verb.i
        and feature_values(verb, "Tense") == ["Pres"]
        # a main clause is not subjunctive: a tagger that says so ("prolonga") is wrong
        and feature_values(verb, "Mood") in (["Ind"], ["Sub"])
        and not children(verb, "aux", "aux:pass", "cop")
    )


def _embedded(frame: Frame, frames: Sequence[Frame], grammar: Grammar) -> bool:
    """Whether an event is told as what a statement of its sentence is about ("condemned North
    Korea's deployment of troops"), as what someone is thanked for, or as the reason of another
    event ("placed sanctions on Putin for Moscow's military operations")."""
    if frame.thanked_by:
        return True
    above = {t.i for t in frame.token.ancestors}
    reason = frame.rule.nominal and case_phrase(frame.token) in grammar.markers["reason"]
    return any(
        other is not frame
        and (other.type in _STATEMENTS or reason)
        and (
            other.token.i in above
            or (other.governor is not None and other.governor.i in above)
        )
        for other in frames
    )


def _anniversary(frame: Frame, grammar: Grammar, published: dt.date | None) -> PartialDate | None:
    """ "a invasão … completou um ano", "the war marked two years": an event whose noun is the
    subject of a verb of completing (`[classes] anniversary`) a number of years (`years`) began
    that many years before publication, in the same month."""
    noun = frame.token
    verb = noun.head
    classes = grammar.classes
    if (
        published is None
        or not frame.rule.nominal
        or base_dep(noun) != "nsubj"
        or not grammar.verb_words(verb) & classes.get("anniversary", frozenset())
    ):
        return None
    for unit in children(verb, "obj", "obl"):
        if not word_forms(unit) & classes.get("years", frozenset()):
            continue
        for count in children(unit, "nummod", "det"):
            years = _count_of(count.lower_, grammar)
            if years and 0 < years < published.year:
                return PartialDate(published.year - years, published.month)
    return None


def _count_of(word: str, grammar: Grammar) -> int | None:
    """The number a count word says: digits, a number word, or "one" (`[classes] one`: kept
    apart from `numbers` because "um/un/a" is an article everywhere else)."""
    if word.isdigit():
        return int(word)
    if word in grammar.classes.get("one", frozenset()):
        return 1
    return grammar.numbers.get(word)


def _said_on(sentence: ParsedSentence, dates: _ByStart[DateMention]) -> DateMention | None:
    """The date inside a cut-off attribution of the sentence (", disse X nesta terça-feira")."""
    if not sentence.attributions:
        return None
    lo = min(start for start, _ in sentence.attributions)
    hi = max(end for _, end in sentence.attributions)
    return next(
        (
            d
            for d in dates.between(lo, hi)
            if any(start <= d.start < end for start, end in sentence.attributions)
        ),
        None,
    )


def _told_in_past(frame: Frame, attached: Token | None = None) -> bool:
    """Whether the clause the date is told in (the verb it hangs from, else the trigger's) is
    in a past tense ("reuniu-se", "has met")."""
    clause = frame.governor if frame.governor is not None else frame.token
    if attached is not None and attached.pos_ in ("VERB", "AUX"):
        clause = attached
    words = [clause, *children(clause, "aux")]
    return any("Past" in feature_values(t, "Tense") for t in words)


def _decided_on(frame: Frame, attached: Token | None) -> bool:
    """Whether the date hangs from a verb in a past tense above the event's own clause ("a UE
    decidiu nesta terça-feira renovar as sanções", "agreed on Friday to deploy troops"): the
    day the act was decided, which is no day to come however planned the act is."""
    clause = frame.governor if frame.governor is not None else frame.token
    if attached is None or attached.i == clause.i or attached.pos_ not in ("VERB", "AUX"):
        return False
    if not any(a.i == attached.i for a in clause.ancestors):
        return False
    return _told_in_past(frame, attached)


def _month_of_the_act(
    mention: DateMention | None, frame: Frame, sentence: ParsedSentence
) -> bool:
    """A month or a year told after the event's own word ("looked forward to the President's
    visit to the UK in July"), even when the parser hung it on the verb above: when the act
    is, not the day it was decided (a decision is told by its day, before the act)."""
    return (
        mention is not None
        and mention.value.day is None
        and mention.start > sentence.spans[frame.token.i][0]
    )


def _dated_status(
    mention: DateMention | None,
    status: Status,
    published: dt.date | None,
    *,
    past: bool = True,
    decided: bool = False,
) -> tuple[PartialDate | None, Status]:
    """The event's date, moved to the side of publication its tense points to, and its status:
    a day after publication makes what was told as done planned. `past` says the clause is
    told in a past tense, `decided` that the date is the one a planned act was decided on
    (`_decided_on`): it stays where it is."""
    if decided and mention is not None:
        # read as a day in the past, as the verb it hangs from tells it
        return _tense_fix(mention, Status.OCCURRED, published, past=True), status
    date = _tense_fix(mention, status, published, past=past) if mention else None
    if (
        mention is not None
        and status is Status.OCCURRED
        and not past
        and (
            mention.ahead
            or (date is not None and published is not None and _month_ahead(date, published))
        )
    ):
        # "Lula viaja aos EUA na próxima semana": told in the present, still to come
        status = Status.PLANNED
    if (
        date is not None
        and published is not None
        and status is Status.OCCURRED
        and date.precision is Precision.DAY
        and date.iso() > published.isoformat()
    ):
        status = Status.PLANNED
    return date, status


def _quote_voices(
    text: str,
    sentences: Sequence[ParsedSentence],
    mentions: ArticleMentions,
    context: _Context,
    check: Callable[[], None] | None = None,
) -> list[_Voice]:
    """Each quotation with its speaker: the subject of the speech verb nearest to it outside it
    in the sentences it spans ("Cooper said: \u201cI spoke…\u201d"), else the source of a
    cut-off attribution there (", disse Putin"); None when the text names nobody."""
    spans = _quote_spans(text)
    if not spans:
        return []
    starts = [s.start for s in sentences]
    said_in: dict[int, tuple[list[tuple[int, str]], list[str]]] = {}  # per sentence, once
    voices: list[_Voice] = []
    for lo, hi in spans:
        speaker: str | None = None
        first = max(0, bisect_left(starts, lo + 1) - 1)
        for position in range(first, len(sentences)):
            sentence = sentences[position]
            if sentence.start >= hi or speaker is not None:
                break
            if sentence.end <= lo and not _introduces(text, sentence.end, lo):
                continue
            if position not in said_in:
                if check is not None:
                    check()
                said_in[position] = _speakers_of(sentence, mentions, context)
            said, cited = said_in[position]
            outside = [
                (min(abs(at - lo), abs(at - hi)), key) for at, key in said if not lo <= at < hi
            ]
            if outside:
                speaker = min(outside)[1]
            elif cited:
                speaker = cited[0]
        voices.append(_Voice(lo, hi, speaker))
    return voices


def _speakers_of(
    sentence: ParsedSentence, mentions: ArticleMentions, context: _Context
) -> tuple[list[tuple[int, str]], list[str]]:
    """The speech verbs of a sentence with the actor who speaks through each (not a first
    person), and the sources of its cut-off attributions."""
    grammar = context.grammar
    index = MentionIndex(sentence, mentions)
    resolver = _Resolver(sentence, index, ActorReader(index, grammar, set()), context)
    said: list[tuple[int, str]] = []
    for token in sentence.doc:
        if not is_speech(token, grammar):
            continue
        who = [t for t in speakers(token, grammar) if feature_values(t, "Person") != ["1"]]
        keys = resolver.actors(who)
        if keys:
            said.append((sentence.char_span(token)[0], keys[0]))
    return said, _cited(sentence, mentions)


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Spanned)


class _ByStart(Generic[_S]):
    """Dates or numbers of an article by position, for the ones inside one sentence: scanning
    all of them for every sentence is quadratic on a long text."""

    def __init__(self, items: Sequence[_S]) -> None:
        self.items = sorted(items, key=lambda item: item.start)  # stable: text order kept
        self._starts = [item.start for item in self.items]
        self._longest = max((item.end - item.start for item in self.items), default=0)

    def between(self, lo: int, hi: int) -> list[_S]:
        """The items that start in [lo, hi), in order."""
        return self.items[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]

    def overlapping(self, lo: int, hi: int) -> list[_S]:
        """The items that overlap [lo, hi), in order."""
        first = bisect_left(self._starts, lo - self._longest)
        window = self.items[first : bisect_left(self._starts, hi)]
        return [item for item in window if item.end > lo]


def _cited(sentence: ParsedSentence, mentions: ArticleMentions) -> list[str]:
    """The actors a cut-off attribution of the sentence names: its sources."""
    keys: list[str] = []
    for start, end in sentence.attributions:
        inside = [
            m for m in mentions.between(start, end) if is_actor(m) and not mentions.is_excluded(m)
        ]
        for m in top_level_mentions(inside):
            if m.key not in keys:
                keys.append(m.key)
    return keys


def _retold(
    frame: Frame, agent: str | None, recipient: str | None, context: _Context, number: int
) -> tuple[str | None, str | None]:
    """The missing role of a directed act retold with one role only, from the last act of that
    type told within three sentences whose known role is on the same side."""
    for draft in reversed(context.drafts[-10:]):
        if number - draft.sentence > 3:
            break
        if draft.type is not frame.type or not draft.agent or not draft.recipient:
            continue
        if agent is None and recipient is None and number - draft.sentence <= 1:
            return draft.agent, draft.recipient  # "o envio de um segundo grupo"
        if agent and context.state_of(draft.agent) == context.state_of(agent):
            return agent, draft.recipient
        if recipient and context.state_of(draft.recipient) == context.state_of(recipient):
            return draft.agent, recipient
    return agent, recipient


def _reported_by(
    frame: Frame, resolver: _Resolver, grammar: Grammar, agent: str | None
) -> list[str]:
    # a cited source stays even when it takes part ("según la cancillería brasileña" on
    # Brazil's condemnation); a speaker who makes the statement is not its own source
    sources = resolver.actors(source_phrases(frame, grammar))
    for position, verb in enumerate(speech_verbs(frame, grammar)):
        said = resolver.actors(speakers(verb, grammar))
        # a speaker who is the actor of a statement makes it, not reports it, and so does one
        # who speaks for the state that is ("He told Zelenskyy that Britain's backing…")
        state_of = resolver.context.state_of
        if (
            position == 0
            and frame.type in _STATEMENTS
            and agent is not None
            and any(k == agent or state_of(k) == state_of(agent) for k in said)
        ):
            continue
        sources.extend(k for k in said if k not in sources and k != agent)
    return sources


def _date_from_story(drafts: list[_Draft], context: _Context) -> None:
    """An event told without a date, right after a dated event of the same story (they share a
    party), happened then: "Lula e Xi reuniram-se na terça-feira (13). Os dois assinaram 20
    acordos." Only for what happened, and only looking back two sentences."""
    for index, draft in enumerate(drafts):
        if draft.date is not None or draft.status is not Status.OCCURRED or draft.embedded:
            continue
        sides = {context.state_of(k) for k in draft.participants}
        for earlier in reversed(drafts[:index]):
            if draft.sentence - earlier.sentence > 2:
                break
            if (
                earlier.date is not None
                and earlier.dated_here
                and earlier.date.precision is Precision.DAY
                and earlier.status is Status.OCCURRED
                and earlier.paragraph >= draft.paragraph - 1
                and sides & {context.state_of(k) for k in earlier.participants}
            ):
                draft.date = earlier.date
                break
        if draft.date is None and draft.type in (*_STATEMENTS, EventType.AGREEMENT):
            # "The leaders then signed the partnership", "Xi manifestou apoio": what the people
            # of a dated meeting, call or visit did or said without a date of its own happened
            # then (two of its sides at least, within six sentences)
            for earlier in reversed(drafts[:index]):
                if draft.sentence - earlier.sentence > 6:
                    break
                if (
                    earlier.type in _TALKS
                    and earlier.date is not None
                    and earlier.date.precision is Precision.DAY
                    and earlier.status is Status.OCCURRED
                    and len(sides & {context.state_of(k) for k in earlier.participants}) >= 2
                ):
                    draft.date = earlier.date
                    break


# a line of the heading ("May 9, 2024, The Kremlin, Moscow", "20 de fevereiro de 2023"): a date
# and at most this many other words, no full stop at its end
_DATELINE_WORDS = 8
# the heading is over at the first line of this many words
_BODY_WORDS = 15
# a wire dateline is read in the text's first characters only
_WIRE_HEAD = 200


def dateline_date(text: str, dates: Sequence[DateMention]) -> PartialDate | None:
    """The day a readout or transcript is dated by a line of its own above the body, or None.

    >>> import datetime as dt
    >>> from kgload.nlp.dates import find_dates
    >>> text = "May 9, 2024, The Kremlin, Moscow\\n\\nVladimir Putin met the President of Cuba."
    >>> dateline_date(text, find_dates(text, lang="en", published=dt.date(2024, 5, 9)))
    PartialDate(year=2024, month=5, day=9)
    """
    # a wire dateline opening the text ("Santiago, 20 de abril de 2015 (Xinhua).- Los…")
    spans = find_datelines(text[:_WIRE_HEAD])
    if spans and not text[: spans[0][0]].strip():
        first, last = spans[0]
        for date in dates:
            if first <= date.start and date.end <= last and date.value.precision is Precision.DAY:
                return date.value
    for start, line in _head_lines(text):
        words = line.split()
        if not words:
            continue
        if len(words) >= _BODY_WORDS or line.rstrip().endswith("."):
            return None
        for date in dates:
            if (
                start <= date.start
                and date.end <= start + len(line)
                and date.value.precision is Precision.DAY
                and len(words) - len(date.text.split()) <= _DATELINE_WORDS
            ):
                return date.value
    return None


def _head_lines(text: str) -> Iterator[tuple[int, str]]:
    """The lines of a text with their offsets, read one at a time from the top: the dateline is
    in the first few, so a long body is never split."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield start, text[start:end]
        start = end + 1


# what a readout announces is done that day; attacks and deployments it tells may be older
_COUNTRY_REACH = 300  # characters back that "the country" looks for its state

_DATELINE_TYPES = (
    *_TALKS,
    *_STATEMENTS,
    EventType.AGREEMENT,
    EventType.SANCTION,
    EventType.MILITARY_AID,
)


def _date_of_dateline(drafts: list[_Draft], day: PartialDate | None) -> None:
    """A meeting, call, visit, agreement, statement, sanction or aid a dated readout tells
    without a date of its own happened on the day of its dateline ("May 9, 2024, The Kremlin,
    Moscow. Vladimir Putin had a meeting with ...")."""
    if day is None:
        return
    for draft in drafts:
        if draft.date is None and draft.status is Status.OCCURRED and draft.type in _DATELINE_TYPES:
            draft.date = day


def _date_of_statements(
    drafts: list[_Draft], published: dt.date | None, kinds: tuple[EventType, ...] = _STATEMENTS
) -> None:
    """A statement (support, condemnation) the article reports without any date was made when
    the news was: on the publication day; and so was an agreement reported as done, once the
    mentions of one agreement are merged ("Estados Unidos y Brasil firmaron un acuerdo para
    expandir la producción de etanol"). Not one told as what someone is thanked for ("Modi
    agradeceu o apoio do Brasil"): the thanks are today's, the support came before."""
    if published is None:
        return
    for draft in drafts:
        if (
            draft.date is None
            and draft.status is Status.OCCURRED
            and draft.type in kinds
            and not draft.thanked
        ):
            draft.date = PartialDate.from_date(published)


def _date_of_present_news(drafts: list[_Draft], published: dt.date | None) -> None:
    """A meeting, call, visit, agreement, statement, sanction or aid that the main verb of its
    sentence tells in the present, with no date anywhere ("La UE prolonga las sanciones contra
    Rusia"), happens on the publication day."""
    if published is None:
        return
    for draft in drafts:
        if (
            draft.date is None
            and draft.told_present
            and draft.status is Status.OCCURRED
            and draft.type in _DATELINE_TYPES
        ):
            draft.date = PartialDate.from_date(published)


def _compatible(a: PartialDate, b: PartialDate) -> bool:
    first, second = a.iso(), b.iso()
    return first.startswith(second) or second.startswith(first)


def _merge(
    drafts: list[_Draft], context: _Context, published: dt.date | None = None
) -> list[_Draft]:
    """One event per real-world event: same type, same sides (a person standing for its state),
    compatible dates and statuses."""
    merged: list[_Draft] = []
    for draft in drafts:
        sides = frozenset(context.state_of(k) for k in draft.participants)
        target = None
        for kept in merged:
            if kept.type is not draft.type:
                continue
            if frozenset(context.state_of(k) for k in kept.participants) != sides:
                continue
            if (
                kept.date is not None
                and draft.date is not None
                and not _compatible(kept.date, draft.date)
            ):
                continue
            doubtful = {Status.SPECULATIVE, Status.DENIED}
            if (kept.status in doubtful) != (draft.status in doubtful):
                continue
            if _past_and_planned(kept, draft, published):
                continue
            if (
                kept.type.is_directed
                and kept.agent
                and draft.agent
                and (context.state_of(kept.agent) != context.state_of(draft.agent))
            ):
                continue
            target = kept
            break
        if target is None:
            merged.append(draft)
            continue
        target.evidence.extend(draft.evidence)
        target.participants = list(dict.fromkeys(target.participants + draft.participants))
        target.agent = target.agent or draft.agent
        target.recipient = target.recipient or draft.recipient
        if draft.date is not None and (
            target.date is None or len(draft.date.iso()) > len(target.date.iso())
        ):
            if target.date is None:
                target.status = draft.status
            target.date = draft.date
        target.place = target.place or draft.place
        if target.personnel is None:
            target.personnel, target.bound = draft.personnel, draft.bound
        target.reported_by = list(dict.fromkeys(target.reported_by + draft.reported_by))
        target.confidence = round(min(0.95, max(target.confidence, draft.confidence) + 0.05), 2)
    return merged


def _past_and_planned(one: _Draft, other: _Draft, published: dt.date | None) -> bool:
    """ "Trump will hold talks with Xi … their first meeting at Mar-a-Lago in April": what is
    planned is not what happened before the news was published, nor what a clause in a past
    tense tells with no date ("Bolton visitó Rusia" is not the visit planned for next year)."""
    if published is None or {one.status, other.status} != {Status.PLANNED, Status.OCCURRED}:
        return False
    done = one if one.status is Status.OCCURRED else other
    if done.date is None:
        return done.told_past
    iso = done.date.iso()
    return iso < published.isoformat()[: len(iso)]


def _finish(draft: _Draft) -> Event:
    participants = list(dict.fromkeys(draft.participants))
    for role in (draft.agent, draft.recipient):
        if role is not None and role not in participants:
            participants.append(role)
    agent, recipient = (draft.agent, draft.recipient) if draft.type.is_directed else (None, None)
    return Event(
        type=draft.type,
        participants=tuple(participants),
        evidence=tuple(draft.evidence),
        agent=agent,
        recipient=recipient,
        date=draft.date,
        place=draft.place,
        status=draft.status,
        personnel=draft.personnel,
        personnel_bound=draft.bound,
        reported_by=tuple(draft.reported_by),
        confidence=draft.confidence,
        trigger=draft.trigger,
    )
