"""Event frames on a dependency parse: a trigger (a verb or an event noun of the grammar whose
required dependents are there) and the phrases around it, sorted by the role UD relations and
case words give them.

- Verbs: the subject acts (a passive's `obl:agent` does); objects, indirect objects and obliques
  introduced by "a/para/contra/to/against" are acted on; "com/with/con" and "entre/between" name
  partners; "em/in/en" a place.
- Event nouns take their roles from their own modifiers ("a visita de Lula à China",
  "Russia's invasion of Ukraine", "the Putin–Kim call", "ataque russo") and from the verb that
  governs them when it is a light verb ("a UE impôs sanções à Rússia": the EU imposed them) or
  a verb of thanks ("Putin agradeceu a Kim pelo apoio": Kim gave it).

A frame holds tokens, not decisions: `kgload.extract.events` turns them into actors, status,
dates and sources.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kgload.extract.syntax import (
    ActorReader,
    ParsedSentence,
    base_dep,
    case_phrase,
    children,
    disagrees_in_number,
    is_passive,
    subjects,
)
from kgload.model import EventType
from kgload.nlp.features import feature_values
from kgload.nlp.grammar import Grammar, Requirement, TriggerRule, with_particles

__all__ = ["Frame", "find_frames", "linear_subject", "parties_of_its_own", "word_forms"]

# how a verb governs an event noun (see _governor)
GIVES_SUBJECT, THANKS, INVITES, SETTING, TELLS = (
    "gives-subject",
    "thanks-frame",
    "invites-frame",
    "setting-frame",
    "tells-frame",
)
_OBLIQUE = ("obl", "nmod", "advmod", "obl:tmod", "obl:npmod")
_STATEMENTS = (EventType.SUPPORT, EventType.CONDEMNATION)
# events whose object is carried somewhere: where the troops, weapons or missiles go is the target
_GOODS = (EventType.TROOP_DEPLOYMENT, EventType.MILITARY_AID, EventType.ATTACK)
# what one side gives another
_GIVEN = (EventType.TROOP_DEPLOYMENT, EventType.MILITARY_AID)
# what one side gives another and may be thanked for
_THANKED = (EventType.SUPPORT, EventType.MILITARY_AID, EventType.TROOP_DEPLOYMENT)


@dataclass
class Frame:
    """One event trigger in a parsed sentence with the phrases that fill its roles."""

    rule: TriggerRule
    token: Token
    sentence: ParsedSentence
    governor: Token | None = None  # the light verb of an event noun, or the verb itself
    agents: list[Token] = field(default_factory=list)
    recipients: list[Token] = field(default_factory=list)
    partners: list[Token] = field(default_factory=list)
    owners: list[Token] = field(default_factory=list)  # an event noun's "de X", "X's", "X-"
    places: list[Token] = field(default_factory=list)
    sources: list[Token] = field(default_factory=list)
    objects: list[Token] = field(default_factory=list)  # what a verb acts on (maybe not an actor)
    thanked_by: list[Token] = field(default_factory=list)  # "X agradeceu a Y pelo apoio": X
    thanked: list[Token] = field(default_factory=list)  # ... Y
    thanked_object: bool = False  # "X agradeceu o apoio de Y": the event is what is thanked
    clauses: list[Token] = field(default_factory=list)  # participles describing an event noun
    # by word order, for when the tree's phrases name no actor (see _linear_roles)
    linear_agents: list[Token] = field(default_factory=list)
    linear_objects: list[Token] = field(default_factory=list)
    linear_recipients: list[Token] = field(default_factory=list)
    linear_partners: list[Token] = field(default_factory=list)
    linear: bool = False  # a role was read by word order

    @property
    def type(self) -> EventType:
        return self.rule.type

    @property
    def clause(self) -> Token:
        """The verb whose clause the event is told in."""
        return self.governor if self.governor is not None else self.token


def word_forms(token: Token) -> set[str]:
    """A token's lemma and form, lowercased, and both without a plural "s": a word list matches
    "Tropas" at a sentence start even when the lemmatizer left it as it was."""
    words = {token.lemma_.lower(), token.lower_}
    return words | {w[:-1] for w in words if len(w) > 3 and w.endswith("s")}


def _holds(requirement: Requirement, token: Token, reader: ActorReader) -> bool:
    if requirement.head:
        # the word the trigger hangs from: "reached a trade deal"
        candidates = [token.head] if token.head.i != token.i else []
    elif requirement.dep is not None:
        # a phrase the parser hung on an adverb of the trigger ("recibió hoy al Ministro", with
        # "al Ministro" under "hoy") is still the trigger's
        near = [*token.children, *(g for c in children(token, "advmod") for g in c.children)]
        candidates = [c for c in near if c.dep_.lower().startswith(requirement.dep)]
    else:
        # a grandchild only as a word of its own, not as an adjective of another word:
        # "enviou 126 milhões em ajuda militar" sends aid, not "militares" (troops)
        # a counting head stands aside: "fired hundreds of missiles at Israel", with "at
        # Israel" on "missiles", holds "at" as "fired missiles at Israel" does
        quantity = reader.grammar.classes.get("quantity", frozenset())
        near_children = [
            counted
            for child in token.children
            for counted in (
                (child, *children(child, "nmod")) if word_forms(child) & quantity else (child,)
            )
        ]
        candidates = [
            grand
            for child in near_children
            for grand in (child, *(g for g in child.children if base_dep(g) != "amod"))
        ]
        if _passive_participle_of(token):
            # "los misiles enviados por Estados Unidos": a participle's noun is its object
            candidates.append(token.head)
        # "reuniram-se": the clitic is part of the trigger's own token
        candidates_words = set(token.lower_.split("-")[1:])
        if requirement.words & candidates_words:
            return True
    for candidate in candidates:
        if requirement.actor and (reader.actors(candidate) or _speaker_or_addressee(candidate)):
            return True
        if requirement.place and (reader.place(candidate) or reader.state(candidate)):
            return True
        if requirement.words and (
            word_forms(candidate) & requirement.words or case_phrase(candidate) in requirement.words
        ):
            return True
    return False


def _speaker_or_addressee(token: Token) -> bool:
    """ "host you", "welcome us": a pronoun of the first or second person names an actor
    (kgload.extract.events reads whom, from the turn or quote it is in)."""
    return token.pos_ == "PRON" and feature_values(token, "Person") in (["1"], ["2"])


def _passive_participle_of(token: Token) -> bool:
    """A participle that modifies the noun before it (`acl`, not a relative clause): the noun
    is what it was done to."""
    return (
        token.dep_.lower() == "acl"
        and "Part" in feature_values(token, "VerbForm")
        and token.head.i < token.i
        and token.head.pos_ == "NOUN"
    )


# parts of speech no trigger has
_NO_TRIGGER = frozenset(
    ("PROPN", "PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "PRON", "NUM", "SYM", "X")
)


def _trigger_pos(token: Token, grammar: Grammar) -> str | None:
    """The part of speech `token` is read with as a trigger, or None when no rule of the
    grammar can hold for it."""
    pos = token.pos_
    if pos == "PROPN" and token.i == 0 and not token.is_upper:
        # "Reunión del secretario X con Y", a headline as a sentence: the first word is
        # capitalised by spelling, and a tagger reads it as a name
        pos = "NOUN"
    if pos in _NO_TRIGGER or not grammar.may_be_trigger(token.lemma_.lower(), token.lower_):
        return None  # most words: nothing in the grammar starts like them
    return pos


def _rule_for(token: Token, grammar: Grammar, reader: ActorReader) -> TriggerRule | None:
    """The first rule of the grammar that holds for `token` (conditions first), if any."""
    pos = _trigger_pos(token, grammar)
    if pos is None:
        return None
    lemma, lower = token.lemma_.lower(), token.lower_
    if grammar.phrasal_verbs and with_particles(token, {lemma}) & grammar.phrasal_verbs:
        return None  # "will call out the regime's abuses": another verb than "call"
    # an event noun is a NOUN; a verb or a participle (often tagged ADJ) is read as a verb; a
    # "noun" with a subject or an object is a verb the tagger missed ("Estados Unidos condena")
    clausal = any(base_dep(c) in ("nsubj", "obj") for c in token.children)
    tables = ((False, True) if clausal else (True, False)) if pos == "NOUN" else (False,)
    exact = [w for w in dict.fromkeys((lemma, lower)) if w]
    verbal = pos in ("VERB", "AUX") or clausal or "Part" in feature_values(token, "VerbForm")
    words = exact + sorted(grammar.lemmas(token.lemma_, token.text, verb=verbal) - set(exact))
    for nominal in tables:
        for word in words:
            for rule in grammar.rules_for(word, nominal=nominal):
                if (
                    all(_holds(r, token, reader) for r in rule.requires)
                    and not (rule.type is EventType.MILITARY_AID and _civilian_aid(token, grammar))
                    and not _deploys_something_else(rule, token, grammar)
                    and not _names_something(rule, token)
                ):
                    return rule
    return None


def _names_something(rule: TriggerRule, token: Token) -> bool:
    """A verb of calling said of what someone names ("condemned what he called the failed
    model of Venezuela's regime", "called it an act of war"): two objects, or an object and a
    nominal predicate, name a thing; nobody is telephoned."""
    if rule.type is not EventType.PHONE_CALL or rule.nominal:
        return False
    objects = [c for c in token.children if base_dep(c) == "obj"]
    # (a name right after the first object is its apposition, read as a second object:
    # "called his counterpart Volodymyr Zelensky" is a call)
    named = [
        o for o in objects[1:] if o.pos_ == "PROPN" and o.left_edge.i == objects[0].right_edge.i + 1
    ]
    predicates = [
        c for c in token.children if base_dep(c) == "xcomp" and c.pos_ in ("NOUN", "ADJ")
    ]
    return len(objects) - len(named) + len(predicates) >= 2


def _deploys_something_else(rule: TriggerRule, token: Token, grammar: Grammar) -> bool:
    """A bare verb of deploying whose object is neither troops nor arms ("will deploy
    diplomatic and economic tools"): it deploys something else; the bare rule is for the verb
    said without an object ("Russia deployed to Syria")."""
    if rule.type is not EventType.TROOP_DEPLOYMENT or rule.nominal or rule.requires:
        return False
    military = (
        grammar.classes.get("troops", frozenset())
        | grammar.classes.get("weapons", frozenset())
        | grammar.classes.get("military", frozenset())
    )
    # (an object the parser read as a predicate, "deploy diplomatic and economic tools" with
    # "diplomatic" an `xcomp`, is one too)
    return any(
        not (word_forms(c) & military)
        for c in token.children
        if base_dep(c) == "obj" or (base_dep(c) == "xcomp" and c.pos_ in ("NOUN", "ADJ"))
    )


# how far below an aid noun its kind is told: "food security assistance package" (package →
# assistance → security → food), "pacote de ajuda humanitária" (pacote → ajuda → humanitária)
_KIND_DEPTH = 3
_KIND_RELATIONS = ("amod", "compound", "nmod", "flat", "conj")


def _civilian_aid(token: Token, grammar: Grammar) -> bool:
    """Aid the text calls food, energy or humanitarian aid (the `civilian` class), with no
    military word of its own left: "food security assistance" (the security is the food's),
    "um pacote de ajuda humanitária"; "military and humanitarian aid" stays military."""
    civilian = grammar.classes.get("civilian", frozenset())
    if not civilian:
        return False
    military = grammar.classes.get("military", frozenset()) | grammar.classes.get(
        "weapons", frozenset()
    )
    found_civilian = False
    military_left = False
    frontier = [token]
    for _ in range(_KIND_DEPTH):
        below = [c for t in frontier for c in t.children if base_dep(c) in _KIND_RELATIONS]
        for word in below:
            if word_forms(word) & civilian:
                found_civilian = True
            elif word_forms(word) & military and not _qualified(word, civilian):
                military_left = True
        frontier = below
    return found_civilian and not military_left


def _qualified(word: Token, kinds: frozenset[str]) -> bool:
    """A word a word of `kinds` qualifies: as its modifier ("seguridad alimentaria"), or as the
    compound right before it on the same head, the way English stacks nouns ("food security
    assistance", both hung on "assistance")."""
    if any(
        base_dep(c) in ("amod", "compound", "nmod") and word_forms(c) & kinds
        for c in word.children
    ):
        return True
    if word.i == 0:
        return False
    before = word.doc[word.i - 1]
    return (
        base_dep(before) == "compound"
        and before.head.i == word.head.i
        and bool(word_forms(before) & kinds)
    )


def _verb_above(noun: Token) -> Token | None:
    """The verb an oblique or nominal modifier hangs from, across the nouns a parser may have
    attached it to ("agradeceu a Kim Jong Un pelo apoio": "pelo apoio" under "Un"); never
    across a noun with a copula, a clause of its own ("impõe sanções a X por serem cúmplices no
    apoio a Maduro": the support is theirs, not the sanctioning state's)."""
    node = noun
    for _ in range(4):
        if node.head.i == node.i or base_dep(node) not in ("nmod", "obl", "appos", "flat", "obj"):
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
        if children(node, "cop"):
            return None
    return None


# the talks whose people are those of the clause they precede ("tras la reunión, X y Y…")
_TALKS = frozenset({EventType.MEETING, EventType.PHONE_CALL})


def _talk_before(
    noun: Token, above: Token | None, grammar: Grammar, kind: EventType
) -> Token | None:
    """The verb whose clause a talk is told as the time of: "Luego de una reunión privada,
    Abinader y Rubio ofrecieron declaraciones", "after a call with Zelensky, Biden announced…":
    who acts next took part in the talk. The parser may hang the adjunct on the clause's object
    ("hizo unas declaraciones tras una reunión con Macron"): the verb above it still tells it."""
    if kind not in _TALKS or case_phrase(noun) not in grammar.markers["after"]:
        return None
    head = noun.head
    if base_dep(noun) == "obl" and head.pos_ in ("VERB", "AUX"):
        return head
    if base_dep(noun) == "nmod" and head.pos_ in ("NOUN", "PROPN"):
        return above
    return None


def _governor(noun: Token, grammar: Grammar, kind: EventType) -> tuple[Token | None, str]:
    """The verb an event noun's clause is told by, and how: GIVES_SUBJECT (a light verb: its
    subject acts), THANKS (its subject received), INVITES (its object is the guest), SETTING
    ("na reunião, X e Y discutiram"), TELLS (the noun as subject: "a reunião ocorreu") or ""."""
    noun = _standing_head(noun, grammar)
    relation = noun.dep_.lower()
    head = noun.head
    # a noun coordinated with another shares its governor ("sanções e restrições")
    while base_dep(noun) == "conj" and head.pos_ in ("NOUN", "PROPN") and head.i != noun.i:
        noun, head, relation = head, head.head, head.dep_.lower()
    if head.i == noun.i:
        return None, ""
    above = _verb_above(noun) if base_dep(noun) in ("obl", "nmod") else None
    if kind in _GOODS and _given_as(noun, above, grammar):
        # before the setting reading: "em/in" also opens "na reunião, X e Y discutiram"
        return above, GIVES_SUBJECT  # "entregar 126 milhões em ajuda militar", "provide X in aid"
    if base_dep(noun) == "obl" and head.pos_ in ("VERB", "AUX"):
        phrase = case_phrase(noun)
        if phrase and phrase in grammar.markers["during"]:
            return head, SETTING
    talked = _talk_before(noun, above, grammar, kind)
    if talked is not None:
        return talked, SETTING
    thanking = _thanking(noun, above, grammar, kind)
    if thanking is not None:
        return thanking, THANKS
    inviter = _verb_above(noun) if base_dep(noun) in ("obl", "nmod", "obj") else None
    if (
        inviter is not None
        and kind in (EventType.VISIT, EventType.MEETING)
        and grammar.lemmas(inviter.lemma_, inviter.text) & grammar.invite
    ):
        return inviter, INVITES
    lemmas = grammar.verb_words(head)
    if relation == "obj" and lemmas & grammar.classes.get("existential", frozenset()):
        return head, TELLS  # "não houve visita", "no hubo acuerdo": the clause tells it
    # "com ataques" is sometimes parsed as an object that keeps its case word
    answering = head if base_dep(noun) == "obj" and head.pos_ == "VERB" else above
    if (
        answering is not None
        and base_dep(noun) in ("obl", "obj")
        and case_phrase(noun) in grammar.markers["partner"]
        and grammar.lemmas(answering.lemma_, answering.text)
        & grammar.classes.get("response", frozenset())
    ):
        return answering, GIVES_SUBJECT  # "o Irã respondeu com ondas de mísseis": Iran fired
    if lemmas & grammar.status["topic"] and not (
        base_dep(noun) == "nsubj" and lemmas & grammar.status_verbs
    ):
        # "discutir a invasão": the event is what is talked about; not the subject of a
        # predicate of plan that is also such a verb ("a visita está marcada para setembro")
        return None, ""
    if _given_as(noun, above, grammar) or (above is not None and _reached(noun, above, grammar)):
        return above, GIVES_SUBJECT  # "in military aid"; "llegaron a un acuerdo": they made it
    if _argument_of_its_verb(noun, relation, head):
        light = grammar.light | (grammar.statement if kind in _STATEMENTS else frozenset())
        # "a UE prepara sanções", "negou o envio de tropas": who plans, threatens or denies an
        # act is who would do it
        light = light | grammar.status_verbs
        return head, GIVES_SUBJECT if lemmas & light else ""
    if base_dep(noun) == "nsubj":
        return head, TELLS
    return None, ""


def _argument_of_its_verb(noun: Token, relation: str, head: Token) -> bool:
    """Whether an event noun is an argument its verb can make (object, passive subject, open
    complement, indirect object). Beside the verb's object, an indirect object is who or what
    that object is for, not an act the subject did ("manifestou repúdio ao ataque contra
    civis")."""
    if relation == "iobj":
        return not children(head, "obj")
    return relation in ("obj", "nsubj:pass") or base_dep(noun) == "xcomp"


def _thanking(noun: Token, above: Token | None, grammar: Grammar, kind: EventType) -> Token | None:
    """The verb of thanks an event is told under: what someone is thanked for ("agradeceu a Kim
    pelo apoio"), or what is thanked, given by one side to another ("Zelensky agradeceu o apoio
    da Alemanha à Ucrânia")."""
    if (
        above is not None
        and grammar.lemmas(above.lemma_, above.text) & grammar.thanks
        and case_phrase(noun) in grammar.markers["reason"]
    ):
        return above
    head = noun.head
    if (
        base_dep(noun) == "obj"
        and kind in _THANKED
        and head.pos_ in ("VERB", "AUX")
        and grammar.lemmas(head.lemma_, head.text) & grammar.thanks
    ):
        return head
    return None


def _reached(noun: Token, verb: Token, grammar: Grammar) -> bool:
    """ "llegaron a un acuerdo", "chegaram a um acordo", "came to an agreement": an event noun
    that a verb of reaching (`[classes] reach`) arrives at."""
    return (
        base_dep(noun) == "obl"
        and noun.head.i == verb.i
        and case_phrase(noun) in grammar.markers["recipient"]
        and bool(grammar.verb_words(verb) & grammar.classes.get("reach", frozenset()))
    )


def _standing_head(noun: Token, grammar: Grammar) -> Token:
    """The noun that stands in the clause for an event noun: its counting head ("a wave of
    airstrikes", "um pacote de sanções"), a noun of plan or doubt the event completes ("tem
    planos de envio de tropas", "the threat of new sanctions") or a stretch of it ("at the
    start of a visit"), whose verb tells who acts."""
    noun = _counting_head(noun, grammar)
    # "at the start of a four-day visit", "no início de uma visita": a stretch of the event
    framing = grammar.status_verbs | grammar.classes.get("phases", frozenset())
    while (
        base_dep(noun) == "nmod"
        and noun.head.i != noun.i
        and noun.head.pos_ == "NOUN"
        and case_phrase(noun) in grammar.markers["of"]
        and grammar.lemmas(noun.head.lemma_, noun.head.text, verb=False) & framing
    ):
        noun = noun.head
    return noun


def _counting_head(noun: Token, grammar: Grammar) -> Token:
    """The head that only counts or frames an event noun ("a wave of airstrikes", "um pacote
    de sanções", "an expansion of sanctions"), or the noun itself."""
    quantity = grammar.classes.get("quantity", frozenset())
    while (
        base_dep(noun) == "nmod"
        and noun.head.i != noun.i
        and word_forms(noun.head) & quantity
        and case_phrase(noun) in grammar.markers["of"]
    ):
        noun = noun.head
    return noun


def _given_as(noun: Token, above: Token | None, grammar: Grammar) -> bool:
    """An event noun that names by its kind what a light verb gives ("em ajuda militar"), or
    that a light verb gives its object ("provide Kyiv with a new military package")."""
    if above is None or not grammar.lemmas(above.lemma_, above.text) & grammar.light:
        return False
    if case_phrase(noun) in grammar.markers["as"]:
        return True
    return _given_with(noun, above, grammar)


def _given_with(noun: Token, verb: Token, grammar: Grammar) -> bool:
    """ "provide Kyiv with a package", "supply Russia with munitions": goods in a "with"
    phrase of a verb that has an object, the one they are given to."""
    return case_phrase(noun) in grammar.markers["partner"] and any(
        o.i != noun.i for o in children(verb, "obj")
    )


def _read_obliques(frame: Frame, head: Token, grammar: Grammar, *, passive: bool) -> None:
    for child in head.children:
        if child.dep_.lower() not in _OBLIQUE and base_dep(child) not in ("obl", "nmod"):
            continue
        phrase = case_phrase(child)
        role = _role_of(phrase, grammar) if phrase else None
        if role in (None, "agent") and (
            child.dep_.lower() == "obl:agent" or (passive and role == "agent")
        ):
            # the case word wins over the label: "contra instalações" is never an agent
            frame.agents.append(child)
        elif role != "agent" and not _not_a_side(frame, phrase, grammar):
            _file(frame, child, role)
        elif role != "agent":
            _read_partners_under_topic(frame, child, grammar)


def _toured(frame: Frame, child: Token, phrase: str, grammar: Grammar) -> bool:
    """ "realizó una gira por México, Argentina y Perú", "a trip through Asia": a name after a
    word of going round (`tour`, by language) is where a visit noun goes; a common noun there
    is its reason or its way ("por invitación de Lula", "por cinco países"), and on a verb
    ("las naciones visitadas por Tillerson") the word names the visitor."""
    return (
        frame.type is EventType.VISIT
        and frame.rule.nominal
        and bool(phrase)
        and phrase in grammar.markers["tour"]
        and child.pos_ == "PROPN"
    )


def _not_a_side(frame: Frame, phrase: str, grammar: Grammar) -> bool:
    """ "talks with the US on Iran and Syria", "reunión con Lula sobre Venezuela": what a talk
    is about (a `topic` case word) is no side of it, nor is the summit on whose margins it took
    place; what a visit is for (a `reason` case word) is not where it goes."""
    if not phrase:
        return False
    first = phrase.split()[0]
    if frame.type is EventType.VISIT:
        # "will travel to Washington for two days of talks": a visit's reason is no destination
        return phrase in grammar.markers["reason"] or first in grammar.markers["reason"]
    return frame.type in _TALKS and (
        phrase in grammar.markers["topic"] or first in grammar.markers["topic"]
    )


def _read_partners_under_topic(frame: Frame, topic: Token, grammar: Grammar) -> None:
    """ "teve uma reunião sobre a Venezuela com Lula" parsed with "com Lula" under "Venezuela":
    a partner phrase hung on what a talk is about is the talk's."""
    for child in children(topic, "nmod"):
        if grammar.marker_role(case_phrase(child)) == "partner":
            frame.partners.append(child)


def _role_of(phrase: str, grammar: Grammar) -> str | None:
    """The role a case phrase gives, read whole ("de acordo com") or by its first word."""
    role = grammar.marker_role(phrase)
    return role if role is not None else grammar.marker_role(phrase.split()[0])


def _file(frame: Frame, token: Token, role: str | None) -> None:
    """Put a phrase in the frame's list for `role` (agent, recipient, partner, place, source)."""
    listed = {
        "agent": frame.agents,
        "recipient": frame.recipients,
        "partner": frame.partners,
        "place": frame.places,
        "source": frame.sources,
    }.get(role or "")
    if listed is not None:
        listed.append(token)


def _read_attached(frame: Frame, tokens: list[Token], grammar: Grammar) -> None:
    """ "enviar tropas à Rússia", "envio de armas para Kiev": where the troops or goods go, when
    the parser hung it on them rather than on the verb."""
    for token in tokens:
        for child in _phrase(token):
            if base_dep(child) not in ("nmod", "obl"):
                continue
            role = grammar.marker_role(case_phrase(child))
            if role == "recipient" and child not in frame.recipients:
                frame.recipients.append(child)
            elif role == "place" and child not in frame.places:
                frame.places.append(child)


def _read_target_hung_on_verb(frame: Frame, noun: Token, grammar: Grammar) -> None:
    """ "discutir a invasão dos EUA à Venezuela" parsed with "à Venezuela" under "discutir": a
    target phrase right after an attack or a measure belongs to it, not to the verb above."""
    verb = noun.head
    if verb.i == noun.i or base_dep(noun) not in ("obj", "obl", "nsubj"):
        return
    end = max(t.i for t in noun.subtree)
    for sibling in verb.children:
        first = min(t.i for t in sibling.subtree)
        if (
            first == end + 1
            and base_dep(sibling) in ("obl", "nmod")
            and grammar.marker_role(case_phrase(sibling)) == "recipient"
        ):
            frame.recipients.append(sibling)


def _read_aimed_objects(frame: Frame, noun: Token, grammar: Grammar) -> None:
    """ "sanctions targeting Russian banks", "sanções que visam empresas iranianas": a
    clause of a verb of aiming (`aim`) that describes a measure names its target as its object,
    not with a case phrase the other readings look for."""
    aim = grammar.classes.get("aim", frozenset())
    clauses = children(noun, "acl")
    verb = noun.head
    if verb.i != noun.i:
        # "announced new sanctions targeting Russian banks" with "targeting" hung on the verb:
        # a clause with no mark of its own right after the noun still describes it
        end = max(t.i for t in noun.subtree)
        clauses += [
            c
            for c in verb.children
            if base_dep(c) in ("xcomp", "advcl")
            and min(t.i for t in c.subtree) == end + 1
            and not children(c, "mark")
        ]
    for clause in clauses:
        if grammar.verb_words(clause) & aim:
            frame.recipients.extend(children(clause, "obj"))


def _read_helped(frame: Frame, grammar: Grammar) -> None:
    """ "a new military aid package to help Ukraine", "um pacote de ajuda
    militar para ajudar a Ucrânia": aid that names no receiver goes to whom the purpose clause
    of the aid (or of the noun it qualifies, or of the verb that gives it) helps (`help`);
    troops sent to help a state with no destination named go to that state."""
    helping = grammar.classes.get("help", frozenset())
    token = frame.token
    holders = [token, _counting_head(token, grammar)]
    if base_dep(token) in ("compound", "nmod"):
        # "security assistance packages to help", "planos de envio de tropas para ajudar"
        holders.append(token.head)
    if frame.governor is not None:
        holders.append(frame.governor)
    elif frame.rule.nominal and (above := _verb_above(token)) is not None:
        holders.append(above)  # "tem planos de envio de tropas para ajudar Moçambique"
    holders += frame.objects  # "envió armas para ayudar a Ucrania", hung on the weapons
    for holder in dict.fromkeys(holders):
        for clause in children(holder, "acl", "advcl", "xcomp"):
            if clause.i != token.i and grammar.verb_words(clause) & helping:
                frame.recipients.extend(children(clause, "obj", "iobj"))
                # "para ayudar a Ucrania", parsed with "a Ucrania" as an oblique
                frame.recipients.extend(
                    c
                    for c in children(clause, "obl")
                    if grammar.marker_role(case_phrase(c)) == "recipient"
                )


def _participles(noun: Token, grammar: Grammar) -> list[Token]:
    """Participles that describe an event noun ("o acordo assinado em 2010"): its own `acl`
    children, or one hung on a noun of its phrase by the parser."""
    # not a purpose clause ("uma reunião para discutir a invasão à Venezuela"): its phrases
    # are about what is discussed, not about the meeting
    found = [
        c
        for c in children(noun, "acl")
        if c.dep_.lower() != "acl:relcl" and not children(c, "mark")
    ]
    # a participle tagged as an adjective still governs its phrases ("as sanções reimpostas
    # ao Irã pelos EUA"); a plain adjective governs none
    found += [c for c in children(noun, "amod") if children(c, "obl")]
    if found:
        return found[:1]
    for token in _phrase(noun):
        if (
            base_dep(token) == "nmod"
            and token.head.i == noun.i
            and (case_phrase(token) in grammar.markers["of"])
        ):
            found.extend(
                c
                for c in children(token, "acl")
                if c.dep_.lower() != "acl:relcl" and "Part" in feature_values(c, "VerbForm")
            )
    return found[:1]


def _phrase(token: Token) -> list[Token]:
    """The words of a noun phrase below its head, without clauses that hang from it."""
    found: list[Token] = []
    stack = list(token.children)
    while stack:
        node = stack.pop()
        if base_dep(node) in ("acl", "advcl", "ccomp", "parataxis", "punct"):
            continue
        found.append(node)
        stack.extend(node.children)
    return found


_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014/")


def _dashed(first: Token, second: Token) -> bool:
    """True when only a dash or a slash stands between two words ("Putin-Kim", "EUA/UE")."""
    between = first.doc[first.i + 1 : second.i]
    return len(between) > 0 and all(t.text in _DASHES for t in between)


def _members(token: Token, grammar: Grammar, reader: ActorReader) -> list[Token]:
    """The phrases a group noun stands for, each of them: "as delegações do Quênia, do Haiti e
    dos Estados Unidos", "Russian and Chinese officials", "representantes do Brasil e da
    Argentina". A phrase that is no group, or whose modifiers name fewer than two actors, stands
    for itself (then `ActorReader.actors` picks its one actor as before)."""
    groups = grammar.classes.get("groups", frozenset())
    if reader.mention(token) is not None:
        return [token]
    listed = _names_set_beside(token, reader)
    if listed:
        return listed
    if not word_forms(token) & groups:
        return [token]
    found: list[Token] = []
    for child in token.children:
        base = base_dep(child)
        if base == "nmod" and (
            child.dep_.lower() == "nmod:poss" or case_phrase(child) in grammar.markers["of"]
        ):
            found.append(child)
            found.extend(_listed_after(child, grammar, reader))
            if reader.mention(child) is None:
                # "os ministros da Defesa do Brasil e da França": the states follow the portfolio
                for grand in children(child, "nmod"):
                    if case_phrase(grand) in grammar.markers["of"]:
                        found.append(grand)
                        found.extend(_listed_after(grand, grammar, reader))
        elif base in ("amod", "compound") and reader.mention(child) is not None:
            found.append(child)
    # "a delegação do Quênia e a do Haiti": a coordinated group counts too
    found.extend(c for c in children(token, "conj") if c.i not in reader.event_tokens)
    named = {m.key for t in found for m in reader.actors(t)}
    return found if len(named) >= 2 else [token]


def _names_set_beside(token: Token, reader: ActorReader) -> list[Token]:
    """ "Os presidentes Lula e Xi Jinping reuniram-se", "los mandatarios Lula y Boric": a
    plural noun with names coordinated as its apposition stands for each of them."""
    if feature_values(token, "Number") != ["Plur"]:
        return []
    for name in children(token, "appos"):
        if reader.mention(name) is None:
            continue
        found = [name, *(c for c in children(name, "conj") if c.i not in reader.event_tokens)]
        if len({m.key for t in found for m in reader.actors(t)}) >= 2:
            return found
    return []


def _listed_after(token: Token, grammar: Grammar, reader: ActorReader) -> list[Token]:
    """ "do Quênia, do Haiti e dos EUA" parsed with "do Haiti" under "Quênia": an "of" phrase
    after a comma or a conjunction under a named actor is the next item of a list."""
    found: list[Token] = []
    if reader.mention(token) is None:
        return found
    for child in children(token, "nmod"):
        first = min(t.i for t in child.subtree if not t.is_punct)
        before = token.doc[first - 1] if first > 0 else None
        if (
            case_phrase(child) in grammar.markers["of"]
            and reader.mention(child) is not None
            and before is not None
            and (before.pos_ == "CCONJ" or before.text == ",")
        ):
            found.append(child)
            found.extend(_listed_after(child, grammar, reader))
    return found


def _expand_groups(frame: Frame, grammar: Grammar, reader: ActorReader) -> None:
    """Group nouns among the doers and partners of a frame stand for their members; among
    those it acts on too when the event has no direction ("met the leaders of Germany and
    Italy"), not when it has ("attacked the forces of…": whose forces is no target)."""
    lists = [frame.agents, frame.partners, frame.owners]
    if not frame.type.is_directed:
        lists += [frame.objects, frame.recipients]
    for listed in lists:
        expanded = [member for token in listed for member in _members(token, grammar, reader)]
        listed[:] = list(dict.fromkeys(expanded))


def _backed_cause(frame: Frame, grammar: Grammar, reader: ActorReader) -> None:
    """ "Alemania defendió la adhesión de Ucrania a la OTAN", with "a la OTAN" hung on the
    verb: a cause backed (`[classes] cause`) that names whose it is is backed for them; the
    phrase of where it leads is no one backed."""
    if frame.type is not EventType.SUPPORT:
        return
    causes = grammar.classes.get("cause", frozenset())
    if not any(word_forms(o) & causes and reader.actors(o) for o in frame.objects):
        return
    frame.recipients[:] = [r for r in frame.recipients if r.head.i != frame.token.i]


def _drop_topics(frame: Frame, grammar: Grammar) -> None:
    """ "Putin e Trump assinaram um acordo sobre a Síria", "hablaron por teléfono sobre
    Venezuela": what a talk, call or deal is about (a `topic` case word) takes no part in it."""
    if frame.type.is_directed:
        return
    topic = grammar.markers["topic"]
    for listed in (frame.recipients, frame.objects, frame.linear_objects, frame.linear_recipients):
        listed[:] = [t for t in listed if case_phrase(t) not in topic]


def _hung_agents(frame: Frame, head: Token, grammar: Grammar) -> None:
    """ "imposed on Russia by the EU" parsed with "by the EU" under "Russia": a passive's agent
    hung inside one of its other phrases."""
    for child in head.children:
        if base_dep(child) not in ("obl", "nmod", "obj", "nsubj"):
            continue
        for token in _phrase(child):
            if base_dep(token) == "nmod" and case_phrase(token) in grammar.markers["agent"]:
                frame.agents.append(token)
                for listed in (frame.recipients, frame.objects, frame.partners, frame.places):
                    if token in listed:
                        listed.remove(token)
                return


def _named_by_subject(noun: Token) -> list[Token]:
    """ "Os EUA serão o terceiro país visitado por Lula": a predicate noun stands for its
    subject (a noun with a copula and a subject), anything else for itself."""
    if noun.pos_ in ("NOUN", "PRON") and children(noun, "cop"):
        named = children(noun, "nsubj")
        if named:
            return named
    return [noun]


def _participle_of(verb: Token) -> bool:
    """A past participle describing a noun ("o país visitado por Lula", "el país visitado"):
    passive, even where the tagger gave it no Voice."""
    return (
        verb.dep_.lower() == "acl"
        and "Part" in feature_values(verb, "VerbForm")
        and "Pres" not in feature_values(verb, "Tense")
    )


def _intent_completed(verb: Token, grammar: Grammar) -> Token | None:
    """ "The UK announced plans to impose sanctions", "anunciou planos de impor sanções": the
    verb whose object is the noun of intent a subjectless infinitive completes, if any (its
    subject is the infinitive's). Only nouns of intent: "welcomed the opportunity to meet" is
    no meeting of the one who welcomed it."""
    noun = verb.head
    if (
        base_dep(verb) not in ("acl", "xcomp")  # "planes para imponer", xcomp of the noun
        or verb.dep_.lower() == "acl:relcl"
        or "Inf" not in feature_values(verb, "VerbForm")
        or noun.i == verb.i
        or noun.pos_ in ("VERB", "AUX")  # a noun, or one a tagger took for an adjective
        or base_dep(noun) != "obj"
        or noun.head.pos_ not in ("VERB", "AUX")
        or not grammar.lemmas(noun.lemma_, noun.text) & grammar.status["plan"]
    ):
        return None
    return noun.head


def _blamed_for(verb: Token, grammar: Grammar) -> list[Token]:
    """ "condemned Russia for launching a barrage", "condenó a Rusia por lanzar misiles": a
    clause of reason with no subject of its own, under a verb with an object, tells what the
    object did, not the subject."""
    if base_dep(verb) != "advcl" or children(verb, "nsubj") or verb.head.i == verb.i:
        return []
    if case_phrase(verb) not in grammar.markers["reason"]:
        return []
    return children(verb.head, "obj", "iobj")


def _read_verb(frame: Frame, verb: Token, grammar: Grammar) -> None:
    passive = is_passive(verb) or _participle_of(verb)
    found = subjects(verb)
    if not passive and (blamed := _blamed_for(verb, grammar)):
        found = blamed
    if not passive and (above := _intent_completed(verb, grammar)) is not None:
        found = [s for s in found if s.i != verb.head.i] or subjects(above)
    relative = [t for t in found if "Rel" in feature_values(t, "PronType")]
    if relative and len(found) > 1:
        # "the attack, which the Prime Minister condemned": the relative pronoun is the object
        frame.objects.extend(relative)
        found = [t for t in found if t not in relative]
    for subject in found:
        named = _named_by_subject(subject)
        if named[0] is not subject and base_dep(verb) == "acl":
            frame.governor = subject  # its copula tells the tense: "serão o país visitado"
        (frame.objects if passive else frame.agents).extend(named)
    if not found and not passive and feature_values(verb, "Person") == ["1"]:
        frame.agents.append(verb)  # "apoyamos al pueblo haitiano": we, told by the verb alone
    for obj in children(verb, "obj", "iobj", "dobj"):
        frame.objects.append(obj)
    _read_obliques(frame, verb, grammar, passive=passive)
    if frame.type is EventType.PHONE_CALL and not frame.partners:
        _read_partners_on_the_line(frame, verb, grammar)
    if passive and not frame.agents:
        _hung_agents(frame, verb, grammar)
    if frame.type in _GOODS:
        goods = set(grammar.classes.get("troops", ())) | set(grammar.classes.get("weapons", ()))
        carried = [*frame.objects]
        carried += [c for c in children(verb, "obl", "xcomp") if word_forms(c) & goods]
        _read_attached(frame, carried, grammar)
    if base_dep(verb) == "xcomp" and verb.head.i != verb.i:
        head = verb.head
        lemmas = grammar.lemmas(head.lemma_, head.text)
        if lemmas & (grammar.status["planned_aux"] | grammar.status_verbs):
            # "España va a enviar tropas a Letonia": obliques hung on the governing verb
            _read_obliques(frame, head, grammar, passive=False)
    if frame.type.is_directed and not frame.recipients:
        _read_attached(frame, frame.agents, grammar)  # "impuestas por la UE a Rusia"


def _read_partners_on_the_line(frame: Frame, verb: Token, grammar: Grammar) -> None:
    """ "Yoon discussed the issue by phone with NATO's Secretary General", with "with…" hung on
    "phone": a partner phrase on the telephone word of a call told by a verb is the verb's (a
    call is with someone, never the phone's)."""
    line = grammar.classes.get("telephone", frozenset())
    for word in (g for c in verb.children for g in (c, *c.children)):
        if word.i == verb.i or not word_forms(word) & line:
            continue
        for child in word.children:
            phrase = case_phrase(child)
            if not phrase or base_dep(child) not in ("nmod", "obl"):
                continue
            if _role_of(phrase, grammar) == "partner":
                frame.partners.append(child)


def _read_modifier(frame: Frame, child: Token, grammar: Grammar) -> None:
    """A nominal modifier of an event noun: its owner after "de/of" (or no case word), else the
    role its case word gives."""
    phrase = case_phrase(child)
    role = _role_of(phrase, grammar) if phrase else "of"
    if _toured(frame, child, phrase, grammar):
        frame.recipients.append(child)  # "una gira por México y Perú": the places visited
    elif role == "of":
        frame.owners.append(child)
    elif not _not_a_side(frame, phrase, grammar):
        _file(frame, child, role)
    else:
        _read_partners_under_topic(frame, child, grammar)


def _agrees(first: Token, second: Token) -> bool:
    features = ("Number", "Gender")
    return all(feature_values(first, f) == feature_values(second, f) for f in features)


def _relatives(noun: Token) -> list[Token]:
    """Relative clauses of an event noun: its own, or one the parser hung on the last noun of
    its phrase when the participle agrees with the event noun and not with that one ("as
    sanções contra a Venezuela, que foram impostas…": "impostas" is feminine plural)."""
    found = [c for c in children(noun, "acl") if c.dep_.lower() == "acl:relcl"]
    for modifier in children(noun, "nmod"):
        for clause in children(modifier, "acl"):
            if (
                clause.dep_.lower() == "acl:relcl"
                and feature_values(clause, "Number")
                and _agrees(clause, noun)
                and not _agrees(clause, modifier)
            ):
                found.append(clause)
    return found


def _hosted(frame: Frame, grammar: Grammar) -> bool:
    """A visit told by a verb of receiving it ("a China recebeu a visita de Lula")."""
    governor = frame.governor
    return (
        frame.type is EventType.VISIT
        and frame.rule.nominal
        and governor is not None
        and bool(grammar.verb_words(governor) & grammar.classes.get("host", frozenset()))
    )


def _read_noun(frame: Frame, noun: Token, grammar: Grammar, reader: ActorReader) -> None:
    """The roles of an event noun: its own modifiers first, then the clauses that describe it,
    then the verb that governs it."""
    _read_noun_modifiers(frame, noun, grammar, reader)
    if not frame.agents and frame.type is EventType.VISIT and children(noun, "cop"):
        # "Lula está em viagem à Argentina", "Lula is on a visit to China": the subject of the
        # copula the noun is the predicate of travels
        frame.agents.extend(children(noun, "nsubj"))
    if not frame.agents:
        _read_agent_under_owner(frame, grammar, reader)
    if frame.type in _GOODS:
        _read_attached(frame, frame.owners, grammar)
    if (frame.type in _GIVEN or frame.type is EventType.SANCTION) and not frame.recipients:
        # "un paquete de asistencia en seguridad para Ucrania": the receiver hung on a word of
        # what is given, not on the noun; "restricciones de visa a 93 funcionarios del
        # régimen": the target hung on the word of what is restricted
        _read_attached(frame, [c for c in children(noun, "nmod") if not reader.actors(c)], grammar)
    if not frame.type.is_directed and not frame.partners:
        _read_pair_under_of(frame, noun, grammar)
    if frame.type is EventType.VISIT and not frame.recipients:
        # "a visita de Estado do presidente brasileiro à China": where, even if hung lower
        _read_attached(frame, [noun], grammar)
    if frame.type in (EventType.ATTACK, EventType.SANCTION) and not frame.recipients:
        _read_target_hung_on_verb(frame, noun, grammar)
    if frame.type is EventType.SANCTION and not frame.recipients:
        _read_aimed_objects(frame, noun, grammar)
    counting = _counting_head(noun, grammar)
    if frame.type.is_directed and not frame.recipients and counting.i != noun.i:
        # "an expansion of sanctions against Russia": the target hung on the counting head
        _read_attached(frame, [counting], grammar)
    if not frame.type.is_directed and counting.i != noun.i:
        # "após três dias de reuniões em Pequim com Xi", "com Xi" hung on "dias": the partner
        # hung on the counting head is the talk's
        frame.partners.extend(
            c
            for c in children(counting, "nmod")
            if grammar.marker_role(case_phrase(c)) == "partner" and c not in frame.partners
        )
    for participle in _participles(noun, grammar):
        # "o bombardeio realizado pelos EUA contra o Irã", "the strikes carried out by Israel",
        # "o acordo de cooperação na área de defesa assinado pelo Brasil com Angola em 2010"
        frame.clauses.append(participle)
        _read_obliques(frame, participle, grammar, passive=True)
    if not frame.agents:
        _read_relatives(frame, noun, grammar)
    if frame.type.is_directed and not frame.recipients:
        # "las sanciones anunciadas por el Gobierno de EE. UU. contra Venezuela", "attacks by
        # Russia on Ukraine": the target hung on the agent
        _read_attached(frame, frame.agents, grammar)
    _read_governor(frame, noun, grammar, reader)
    if frame.type is EventType.VISIT and not frame.agents and not frame.owners:
        _read_visitor_under_place(frame, grammar, reader)


def _read_visitor_under_place(frame: Frame, grammar: Grammar, reader: ActorReader) -> None:
    """ "a visita ao Brasil do presidente chinês", "a visita à Casa Branca do chanceler
    alemão": the visitor's "de" phrase, set after the place, hung by the parser on the place's
    name, which takes no owner of its own."""
    for place in frame.recipients:
        if place.pos_ != "PROPN":
            continue
        for child in children(place, "nmod"):
            phrase = case_phrase(child)
            if phrase and _role_of(phrase, grammar) == "of" and reader.actors(child):
                frame.owners.append(child)


def _is_owner(child: Token, reader: ActorReader) -> bool:
    """A possessor of an event noun ("Russia's", "sua"), or a name or demonym set before it
    ("the Putin-Kim call", "ataque russo")."""
    base = base_dep(child)
    return (
        child.dep_.lower() in ("nmod:poss", "det:poss")
        or (base == "det" and "Prs" in feature_values(child, "PronType"))
        or (base in ("compound", "amod", "flat") and bool(reader.actors(child)))
    )


def _read_noun_modifiers(frame: Frame, noun: Token, grammar: Grammar, reader: ActorReader) -> None:
    """The owners of an event noun and the roles of its case phrases."""
    for child in noun.children:
        base = base_dep(child)
        if _is_owner(child, reader):
            frame.owners.append(child)
            # "the Putin-Kim summit", "the Biden-Xi summit": a name joined to this one by a
            # dash, hung below it by the parser
            frame.owners.extend(
                other
                for other in child.children
                if base_dep(other) in ("appos", "compound", "amod", "flat")
                and _dashed(*sorted((child, other), key=lambda t: t.i))
                and reader.actors(other)
            )
        elif base == "nmod" or (base == "obl" and case_phrase(child) and _read_as_clause(noun)):
            # "que la llamada del lunes entre los presidentes … se produjo", with the noun
            # labelled a clause and its phrase an oblique: still the noun's phrase
            _read_modifier(frame, child, grammar)
        elif base == "conj" and "Part" in feature_values(child, "VerbForm"):
            # "a invasão brutal e não provocada do governo russo contra a Ucrânia": a
            # participle coordinated with an adjective of the noun, its "de" phrase taken for
            # an object; a phrase with a case word belongs to the noun
            for grand in child.children:
                if base_dep(grand) in ("obj", "obl", "nmod") and case_phrase(grand):
                    _read_modifier(frame, grand, grammar)
    _read_second_of_a_pair(frame, noun, grammar)


def _read_second_of_a_pair(frame: Frame, noun: Token, grammar: Grammar) -> None:
    """ "uma reunião entre Lula e o presidente da Argentina" with "presidente" a conjunct of
    "reunião": a name or noun coordinated with the event noun, with no case word of its own,
    right after a "between" phrase that has no conjunct, is that phrase's second member."""
    between = [
        p
        for p in frame.partners
        if case_phrase(p) in grammar.markers["between"] and not children(p, "conj")
    ]
    if not between:
        return
    for child in children(noun, "conj"):
        if (
            child.i > between[0].i
            and child.pos_ in ("NOUN", "PROPN")
            and not children(child, "case")
            and child not in frame.partners
        ):
            frame.partners.append(child)
            return


def _read_as_clause(noun: Token) -> bool:
    """An event noun the parser labelled a clause of the verb above ("que la llamada … se
    produjo", "llamada" an `advcl`), so that its own phrases became obliques."""
    return base_dep(noun) in ("advcl", "ccomp", "csubj", "xcomp")


def _read_agent_under_owner(frame: Frame, grammar: Grammar, reader: ActorReader) -> None:
    """ "the invasion of Ukraine by Russia", "a invasão da Ucrânia pela Rússia": the noun's
    agent hung under its "of" phrase."""
    for owner in list(frame.owners):
        for token in _phrase(owner):
            if (
                base_dep(token) == "nmod"
                and case_phrase(token) in grammar.markers["agent"]
                and reader.actors(token)
            ):
                frame.agents.append(token)


def _read_pair_under_of(frame: Frame, noun: Token, grammar: Grammar) -> None:
    """ "negociações de paz entre a Rússia e a Ucrânia": the pair, hung on the noun's own "de"
    complement."""
    for child in children(noun, "nmod"):
        if case_phrase(child) not in grammar.markers["of"]:
            continue
        for token in children(child, "nmod"):
            if grammar.marker_role(case_phrase(token)) == "partner":
                frame.partners.append(token)


def _read_relatives(frame: Frame, noun: Token, grammar: Grammar) -> None:
    """ "as sanções, que foram impostas pelos EUA": a passive relative clause of a light verb
    names who did it (not one of any verb: "o ataque, que foi condenado pela França"); "as
    sanções que os EUA impuseram à Rússia": an active one, its subject."""
    for relative in _relatives(noun):
        if not grammar.verb_words(relative) & grammar.light:
            continue
        passive = is_passive(relative)
        if not passive:
            doers = [
                s for s in children(relative, "nsubj") if "Rel" not in feature_values(s, "PronType")
            ]
            if not doers and _object_read_as_subject(noun, relative, grammar):
                doers = _subjects_above(noun)
            if not doers:
                continue  # "as sanções, que impuseram custos": the noun does it
            frame.agents.extend(doers)
            frame.recipients.extend(children(relative, "iobj"))
        frame.clauses.append(relative)
        _read_obliques(frame, relative, grammar, passive=passive)


def _object_read_as_subject(noun: Token, relative: Token, grammar: Grammar) -> bool:
    """ "una reunión que sostuvieron": a relative clause without a subject of its own whose
    verb disagrees in number with the noun does not say the noun did it: the relative pronoun
    is its object and the subject was left out (only in a pro-drop grammar, where a clause may
    leave it out). Nor does one whose light verb has no object of its own and is not a
    reflexive passive ("a reunião que manteve com Xi", "un encuentro que sostuvo con…"): the
    noun is what it holds ("as sanções, que impuseram custos", with an object, are what
    imposed)."""
    own_objects = [
        c for c in children(relative, "obj") if "Rel" not in feature_values(c, "PronType")
    ]
    # (a reflexive passive, "una reunión que se celebró en Lima", has the noun its subject)
    reflexive = children(relative, "expl") or any(
        "Yes" in feature_values(c, "Reflex") for c in relative.children
    )
    held = not own_objects and not reflexive
    return grammar.pro_drop and (disagrees_in_number(relative, noun) or held)


def _subjects_above(noun: Token) -> list[Token]:
    """The subjects of the verb an event noun's phrase hangs from ("Bush y Lula analizaron
    planes … en una reunión que sostuvieron")."""
    verb = _verb_above(noun)
    return subjects(verb) if verb is not None else []


def _read_governor(frame: Frame, noun: Token, grammar: Grammar, reader: ActorReader) -> None:
    """The roles the verb that governs an event noun gives, by how it governs it."""
    governor, how = _governor(noun, grammar, frame.type)
    if governor is None or not how:
        # the noun is what another verb is about ("vai analisar o acordo"): that verb's
        # subject, status and date are not the event's
        return
    frame.governor = governor
    _GOVERNED[how](frame, governor, grammar, reader)


def _read_inviter(frame: Frame, governor: Token, grammar: Grammar, reader: ActorReader) -> None:
    """ "convidou o colega angolano para uma visita a Brasília": the invited comes."""
    guests = children(governor, "obj", "iobj")
    if not guests:
        # "invitó a Putin a una visita": a person as object takes "a", read as an oblique
        guests = [
            c
            for c in children(governor, "obl")
            if c.i != frame.token.i
            and grammar.marker_role(case_phrase(c)) == "recipient"
            and reader.actors(c)
            and not reader.place(c)
        ]
    if frame.type is EventType.VISIT:
        frame.agents.extend(guests)
        if not frame.recipients:
            frame.recipients.extend(subjects(governor))
    else:
        frame.partners.extend([*guests, *subjects(governor)])


def _read_setting(frame: Frame, governor: Token, grammar: Grammar, reader: ActorReader) -> None:
    """ "na reunião, Lula e Xi discutiram…": who speaks in the clause took part; "em visita
    oficial ao Japão, Lula se reuniu com Kishida": who acts in the clause is the visitor."""
    if not frame.rule.type.is_directed:
        frame.partners.extend(subjects(governor))
        frame.linear_partners.extend(linear_subject(governor, grammar, reader))
    elif (
        frame.type is EventType.VISIT
        and not frame.agents
        # (an "of" phrase that names no one, "uma visita de quatro dias", is no visitor)
        and not any(reader.actors(o) for o in frame.owners)
        and not is_passive(governor)
    ):
        # (a subject that names no actor, "os acordos foram assinados durante a visita ao
        # Brasil do presidente chinês", leaves the visitor to the noun's own phrases)
        frame.agents.extend(s for s in subjects(governor) if reader.actors(s))


def _read_thanks(frame: Frame, governor: Token, grammar: Grammar, reader: ActorReader) -> None:
    """ "Putin agradeceu a Kim pelo apoio": who thanks and who is thanked. With the event as
    the object ("Putin agradeceu a Lula o apoio do Brasil", "Zelensky agradeceu o apoio da
    Alemanha à Ucrânia"), a recipient phrase after the event says where it went."""
    frame.thanked_by.extend(subjects(governor))
    frame.thanked_object = frame.token.head.i == governor.i and base_dep(frame.token) == "obj"
    frame.thanked.extend(c for c in children(governor, "obj", "iobj") if c.i != frame.token.i)
    for child in children(governor, "obl", "nmod"):
        if grammar.marker_role(case_phrase(child)) == "recipient":
            after = frame.thanked_object and child.i > frame.token.i
            (frame.recipients if after else frame.thanked).append(child)


def _read_light_verb(frame: Frame, governor: Token, grammar: Grammar, reader: ActorReader) -> None:
    """ "a UE impôs sanções à Rússia": a light verb's subject acts, its other phrases are the
    event's."""
    passive = is_passive(governor)
    if _hosted(frame, grammar) and not passive:
        # "Lula recebeu a visita do presidente francês": the subject is visited
        frame.recipients.extend(subjects(governor))
    elif not passive and not parties_of_its_own(frame, governor, grammar):
        frame.agents.extend(_blamed_for(governor, grammar) or subjects(governor))
        if not frame.agents and feature_values(governor, "Person") == ["1"]:
            frame.agents.append(governor)  # "anunciamos sanciones": we, told by the verb
    for obj in children(governor, "iobj"):
        frame.recipients.append(obj)
    if frame.type in _GOODS and _given_with(frame.token, governor, grammar):
        frame.recipients.extend(children(governor, "obj"))  # "provide Kyiv with a package"
    _read_obliques(frame, governor, grammar, passive=passive)
    if passive and not frame.agents:
        _hung_agents(frame, governor, grammar)
    if frame.type.is_directed and not frame.recipients:
        _read_attached(frame, frame.agents, grammar)  # "impuestas por la UE a Rusia"
    if frame.type in _GIVEN and not frame.recipients:
        # "proporcionará 400 millones de dólares en apoyo militar a Ucrania", with "a Ucrania"
        # hung on the amount given: where the amount goes
        _read_attached(frame, children(governor, "obj"), grammar)


def parties_of_its_own(frame: Frame, governor: Token, grammar: Grammar) -> bool:
    """ "Lula tem defendido um acordo de paz entre os dois países": a talk or a deal that names
    its parties ("entre/between") under a verb that only asks for it or plans it (not a light
    verb), or that welcomes it (a verb of hosting: "We welcome the ceasefire agreement between
    Israel and Hamas"), is not the subject's."""
    making = grammar.light - grammar.classes.get("host", frozenset())
    return (
        not frame.type.is_directed
        and bool(frame.partners)
        and any(case_phrase(p) in grammar.markers["between"] for p in frame.partners)
        and not grammar.verb_words(governor) & making
    )


def _read_telling(frame: Frame, governor: Token, grammar: Grammar, reader: ActorReader) -> None:
    """ "a reunião ocorreu em Pequim": the clause still says where the event took place and who
    told it."""
    for child in children(governor, "obl", "nmod"):
        phrase = case_phrase(child)
        role = grammar.marker_role(phrase) if phrase else None
        if role == "place":
            frame.places.append(child)
        elif role == "source":
            frame.sources.append(child)


_GOVERNED: dict[str, Callable[[Frame, Token, Grammar, ActorReader], None]] = {
    INVITES: _read_inviter,
    SETTING: _read_setting,
    THANKS: _read_thanks,
    GIVES_SUBJECT: _read_light_verb,
    TELLS: _read_telling,
}


def _in_markers(doc: Doc, grammar: Grammar) -> set[int]:
    """Tokens inside a case phrase of several words ("de acordo com", "according to"): never
    triggers, whatever the parser made of them."""
    inside: set[int] = set()
    lowers = [t.lower_ for t in doc]
    # where each word stands, so that a phrase is tried only where its first word is
    positions: dict[str, list[int]] = {}
    for i, word in enumerate(lowers):
        positions.setdefault(word, []).append(i)
    for phrase in grammar.multiword_markers:
        if not phrase:
            continue
        size = len(phrase)
        for start in positions.get(phrase[0], ()):
            if start + size <= len(lowers) and tuple(lowers[start : start + size]) == phrase:
                inside.update(range(start, start + size))
    return inside


_STOPS = frozenset(';:()[]«»“”"')


def _mentioned(token: Token, reader: ActorReader) -> bool:
    return reader.index.at(token) is not None


def _boundary(token: Token, reader: ActorReader) -> bool:
    """Where a verb's stretch of the sentence ends: another verb, a semicolon, a bracket, a
    subordinator, a relative pronoun, or a comma after an ordinary word (a comma after a name
    closes an apposition or a list)."""
    if token.pos_ == "VERB" or token.text in _STOPS:
        return True
    if token.text == ",":
        before = token.doc[token.i - 1] if token.i > 0 else None
        return before is None or not _mentioned(before, reader)
    return token.pos_ == "SCONJ" or "Rel" in feature_values(token, "PronType")


def _marker_before(token: Token, grammar: Grammar, reader: ActorReader) -> str | None:
    """The role of the case word before the phrase `token` is in, "other" for another case
    word, None when no case word precedes it."""
    doc = token.doc
    m = reader.index.at(token)
    index = token.i
    while index > 0 and m is not None and reader.index.at(doc[index - 1]) is m:
        index -= 1
    for k in range(index - 1, max(-1, index - 3), -1):
        if doc[k].pos_ == "ADP":
            word = (doc[k].lemma_.lower().split() or [doc[k].lower_])[0]
            return grammar.marker_role(word) or "other"
        if doc[k].pos_ not in ("DET", "ADJ", "NUM"):
            break
    return None


def linear_subject(verb: Token, grammar: Grammar, reader: ActorReader) -> list[Token]:
    """The linked actor, personal pronoun or group word ("ambos") nearest before a verb in its
    stretch, outside any prepositional phrase: the subject by word order."""
    if is_passive(verb):
        return []
    doc = verb.doc
    for k in range(verb.i - 1, -1, -1):
        token = doc[k]
        if _boundary(token, reader):
            break
        wanted = (
            reader.mention(token) is not None
            or (token.pos_ == "PRON" and "Prs" in feature_values(token, "PronType"))
            or token.lemma_.lower() in grammar.numbers
        )
        if wanted and _marker_before(token, grammar, reader) is None:
            return [token, *_coordinated_before(token, reader)]
    return []


def _coordinated_before(token: Token, reader: ActorReader) -> list[Token]:
    """Linked actors joined to `token` by a conjunction or a comma before it: "Putin e Kim"."""
    doc = token.doc
    found: list[Token] = []
    m = reader.index.at(token)
    index = token.i
    while index > 0 and m is not None and reader.index.at(doc[index - 1]) is m:
        index -= 1
    while index >= 2 and doc[index - 1].pos_ in ("CCONJ", "PUNCT") and doc[index - 1].text != ".":
        k = index - 2
        while k >= 0 and doc[k].pos_ == "DET":
            k -= 1
        if k < 0 or reader.mention(doc[k]) is None:
            break
        found.append(doc[k])
        m = reader.index.at(doc[k])
        index = k
        while index > 0 and reader.index.at(doc[index - 1]) is m:
            index -= 1
    return found


def _linear_roles(frame: Frame, verb: Token, grammar: Grammar, reader: ActorReader) -> None:
    """Roles by word order, kept aside for when the parse gives a role no phrase at all: the
    subject as `linear_subject` finds it, and the first linked actor after the verb in its
    stretch, acted on or, after a case word, in that word's role. Only tags, the grammar's case
    words and the linked mentions are looked at, no word of any language."""
    frame.linear_agents.extend(linear_subject(verb, grammar, reader))
    seen: set[int] = set()
    doc = verb.doc
    for k in range(verb.i + 1, len(doc)):
        token = doc[k]
        if _boundary(token, reader):
            break
        m = reader.mention(token)
        if m is None or id(m) in seen:
            continue
        seen.add(id(m))
        role = _marker_before(token, grammar, reader)
        if role is None:
            frame.linear_objects.append(token)
        elif role == "recipient":
            frame.linear_recipients.append(token)
        elif role == "partner":
            frame.linear_partners.append(token)
        else:
            continue
        break


def _complement_of(noun: Token, verb: Token) -> bool:
    """True when the noun is what the verb acts on, however the parser hung it: the path up
    to the verb goes through objects, compounds, coordination and "of" complements only, not
    through an oblique ("à margem da cúpula")."""
    node = noun
    for _ in range(5):
        if node.i == verb.i:
            return True
        if node.head.i == node.i:
            return False
        relation = node.dep_.lower()
        if base_dep(node) not in ("obj", "iobj", "compound", "conj", "flat", "appos", "amod") and (
            relation not in ("nsubj:pass", "nmod")
        ):
            return False
        node = node.head
    return node.i == verb.i


def _join_verb_and_noun(frames: list[Frame]) -> None:
    """ "Russia launched a massive missile and drone attack on energy facilities", "assinaram
    20 acordos": a verb and an event noun of the same type below it tell one event, whatever
    the parser hung where; each gets the roles only the other found."""
    verbs = [f for f in frames if not f.rule.nominal]
    nouns = [f for f in frames if f.rule.nominal]
    for verb in verbs:
        for noun in nouns:
            if noun.type is not verb.type or not _complement_of(noun.token, verb.token):
                continue
            _share_roles(verb, noun)


def _share_roles(one: Frame, other: Frame) -> None:
    """Two frames of one event: each gets the roles only the other found."""
    for mine, theirs in (
        (one.agents, other.agents),
        (one.recipients, other.recipients),
        (one.partners, other.partners),
        (one.places, other.places),
    ):
        if not mine and theirs:
            mine.extend(theirs)
        elif mine and not theirs:
            theirs.extend(mine)


def _join_nouns(frames: list[Frame]) -> None:
    """ "la guerra de agresión de Rusia contra Ucrania", "a war of aggression": an event noun
    whose "of" phrase is an event noun of the same type names one event with it; the inner
    noun's owners are the outer one's, and each gets the roles only the other found."""
    nouns = [f for f in frames if f.rule.nominal]
    for outer in nouns:
        for inner in nouns:
            if inner is outer or inner.type is not outer.type or inner.token not in outer.owners:
                continue
            outer.owners.remove(inner.token)
            outer.owners.extend(t for t in inner.owners if t not in outer.owners)
            inner.owners[:] = outer.owners
            _share_roles(outer, inner)


def _reaches_an_event(frame: Frame, frames: list[Frame], grammar: Grammar) -> bool:
    """A verb frame whose verb reaches an event noun of another frame and goes nowhere else
    ("llegaron a un acuerdo" is no visit; "chegou a Pequim para uma visita" is one)."""
    if frame.rule.nominal:
        return False
    for other in frames:
        if other.rule.nominal and _reached(other.token, frame.token, grammar):
            elsewhere = [*frame.objects, *frame.recipients, *frame.places]
            return not any(t.i != other.token.i for t in elsewhere)
    return False


def _setting_of_its_verb(frame: Frame, frames: list[Frame], grammar: Grammar) -> bool:
    """ "The Prime Minister met President Macron at the G20 summit", "se reunió con Lula en la
    cumbre": an event noun in a `during` phrase of a verb of its own type is where that verb's
    event took place, not a second event with the verb's subject and the noun's modifiers (the
    summit is no meeting of the Prime Minister with the G20)."""
    return (
        frame.rule.nominal
        and frame.governor is not None
        and base_dep(frame.token) == "obl"
        and frame.token.head.i == frame.governor.i
        and case_phrase(frame.token) in grammar.markers["during"]
        and any(
            not other.rule.nominal
            and other.type is frame.type
            and other.token.i == frame.governor.i
            for other in frames
        )
    )


def find_frames(sentence: ParsedSentence, grammar: Grammar, reader: ActorReader) -> list[Frame]:
    """Every trigger of the sentence with its role phrases, in text order."""
    frames: list[Frame] = []
    fixed = _in_markers(sentence.doc, grammar)
    for token in sentence.doc:
        # (the cheap test first: most words can be no trigger, whatever comes next)
        if token.i in fixed or _trigger_pos(token, grammar) is None:
            continue
        if grammar.lemmas(token.lemma_, token.text) & grammar.status["planned_aux"] and any(
            c.pos_ in ("VERB", "AUX") for c in children(token, "xcomp")
        ):
            continue  # "va a enviar", "vai reunir": the future of another verb, no visit
        rule = _rule_for(token, grammar, reader)
        if rule is None:
            continue
        reader.event_tokens.add(token.i)
        frames.append(Frame(rule=rule, token=token, sentence=sentence))
    for frame in frames:
        if frame.rule.nominal:
            _read_noun(frame, frame.token, grammar, reader)
        else:
            frame.governor = frame.token
            _read_verb(frame, frame.token, grammar)
            _backed_cause(frame, grammar, reader)
        _expand_groups(frame, grammar, reader)
        if (
            frame.type in (EventType.MILITARY_AID, EventType.TROOP_DEPLOYMENT)
            and not frame.recipients
        ):
            _read_helped(frame, grammar)
        clause = frame.governor
        if clause is not None and clause.pos_ in ("VERB", "AUX") and not _hosted(frame, grammar):
            # (the subject of a verb of receiving a visit is no doer, even by word order)
            _linear_roles(frame, clause, grammar, reader)
        _drop_topics(frame, grammar)
    # "llegaron a un acuerdo": an outcome reached, no journey
    frames = [f for f in frames if not _reaches_an_event(f, frames, grammar)]
    frames = [f for f in frames if not _setting_of_its_verb(f, frames, grammar)]
    _join_verb_and_noun(frames)
    _join_nouns(frames)
    by_token = {f.token.i: f for f in frames}
    for outer in frames:
        if outer.type not in _STATEMENTS:
            continue
        for obj in outer.objects:
            inner = by_token.get(obj.i)
            if inner is not None and inner.type.is_directed and not inner.recipients:
                # "condenó el ataque de EE. UU. contra Irán" with "contra Irán" on the verb
                inner.recipients.extend(outer.recipients)
    return frames
