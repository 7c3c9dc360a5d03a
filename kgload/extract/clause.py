"""What the clauses around a trigger say about its event: whether it happened (negation,
modals, future, conditionals, "refused to", "threatened to", "negou"), who said so (the subject
of the speech verb that governs it, "segundo X", "according to X"), and which dates belong to it.

All of it follows the dependency tree upwards from the trigger through the verbs that govern it
(`xcomp`, `ccomp`, light verbs), stopping at a speech verb: "X said it will not send troops" is
a statement about a planned act, "X said Y sent troops" is Y's act reported by X.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Token

from kgload.extract.frames import Frame
from kgload.extract.syntax import base_dep, case_phrase, children, is_passive, subjects
from kgload.model import EventType, Status
from kgload.nlp.features import feature_values
from kgload.nlp.grammar import Grammar, with_particles

__all__ = [
    "Reading",
    "governing_chain",
    "is_speech",
    "read_status",
    "source_phrases",
    "speakers",
    "speech_verb",
    "speech_verbs",
]

_UP = ("xcomp", "ccomp", "csubj")


def is_speech(token: Token, grammar: Grammar) -> bool:
    return bool(grammar.lemmas(token.lemma_, token.text) & grammar.speech)


@dataclass(frozen=True, slots=True)
class Reading:
    """How the text tells the event: its status, or None when it tells no event at all
    (negated, refused, failed, only a condition)."""

    status: Status | None
    why: str = ""


def governing_chain(frame: Frame, grammar: Grammar) -> list[Token]:
    """The trigger, its governing verb, and the verbs above them up to the first speech verb."""
    chain = [frame.token]
    # "a possibilidade do envio de tropas", "the threat of sanctions": a noun of the status
    # lists whose complement the event is
    status_nouns = grammar.status_verbs
    node = frame.token
    while (
        frame.rule.nominal
        and base_dep(node) == "nmod"
        and node.head.i != node.i
        and grammar.lemmas(node.head.lemma_, node.head.text, verb=False) & status_nouns
    ):
        node = node.head
        chain.append(node)
    if frame.governor is not None and frame.governor.i != frame.token.i:
        chain.append(frame.governor)
    top = chain[-1]
    # a trigger coordinated with a verb shares its auxiliaries and negation only when it has
    # none of its own; climb through control and complement clauses
    while top.head.i != top.i:
        head = top.head
        intent = _intent_noun(top, head, grammar)
        if intent is not None:
            # "su intención de visitar Brasil", "demonstrou interesse em visitar o Brasil":
            # a noun of plan or doubt that the clause completes, even as the object of a
            # speech verb the parser hung the clause on ("announced his intention to visit")
            chain.append(intent)
            break
        relation = base_dep(top)
        status_head = bool(grammar.lemmas(head.lemma_, head.text) & grammar.status_verbs)
        # a verb both of speech and of a status ("avaliar": "avaliou que…" reports, "avalia
        # aplicar sanções" only considers) reports a finite clause, not an infinitive it controls
        if is_speech(head, grammar) and not (status_head and relation == "xcomp"):
            break
        # "negó haber entregado" is often parsed as an adverbial clause: only a status verb
        # above one governs it, or any verb above a non-finite one it opens with a
        # subordinator, when that clause's verb is the trigger ("viajará a Washington para
        # reunirse con Biden": the talk is as planned as the trip)
        if relation not in _UP and not (
            relation == "advcl"
            and (status_head or (top.i == frame.token.i and _non_finite_with_mark(top)))
        ) and not _second_infinitive(top, head):
            break
        chain.append(head)
        top = head
    return chain


def _second_infinitive(verb: Token, head: Token) -> bool:
    """ "deseja receber Bolsonaro em Washington e também visitar o Brasil": an infinitive
    coordinated with another that a verb controls is controlled by that verb too."""
    return (
        base_dep(verb) == "conj"
        and "Inf" in feature_values(verb, "VerbForm")
        and "Inf" in feature_values(head, "VerbForm")
        and base_dep(head) == "xcomp"
        and head.head.pos_ == "VERB"
    )


def _non_finite_with_mark(clause: Token) -> bool:
    return "Fin" not in feature_values(clause, "VerbForm") and bool(children(clause, "mark"))


def _intent_noun(clause: Token, head: Token, grammar: Grammar) -> Token | None:
    """The noun of the status lists a non-finite clause completes: the clause's head ("su
    intención de visitar"), or the object of the verb the clause hangs on, right before it,
    when the parser hung the clause on the verb ("demonstrou interesse em visitar",
    "expressed his intention to visit")."""
    relation = base_dep(clause)
    if (
        relation not in ("acl", "xcomp", "advcl")
        or clause.dep_.lower() == "acl:relcl"
        or "Fin" in feature_values(clause, "VerbForm")
    ):
        return None
    # "no tiene previsto reunirse": a participle of plan ("previsto") the tagger made an
    # adjective holds the clause as a noun of plan does
    nouns = [head] if head.pos_ in ("NOUN", "ADJ") else []
    if relation == "advcl" and head.pos_ in ("VERB", "AUX"):
        nouns = [o for o in children(head, "obj") if o.pos_ == "NOUN" and o.i < clause.i]
    return next(
        (
            n
            for n in nouns
            if grammar.lemmas(n.lemma_, n.text, verb=False) & grammar.status_verbs
        ),
        None,
    )


def speech_verbs(frame: Frame, grammar: Grammar) -> list[Token]:
    """Every speech verb the event is told under, nearest first ("o comunicado do Kremlin
    acrescentou a informação de que Putin teria relatado…": relatado, acrescentou)."""
    found: list[Token] = []
    top = governing_chain(frame, grammar)[-1]
    node = top
    if frame.rule.nominal and frame.governor is None:
        # an event noun hung on some noun: start from the verb its phrase belongs to
        for _ in range(5):
            if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
                break
            node = node.head
        if node.i != top.i and is_speech(node, grammar):
            found.append(node)
    for _ in range(6):
        if node.head.i == node.i:
            break
        relation = base_dep(node)
        head = node.head
        if relation not in ("conj", "ccomp", "xcomp", "advcl", "parataxis", "acl", "obj"):
            break
        own_subject = bool(children(node, "nsubj", "nsubj:pass"))
        if relation == "conj" and own_subject and is_speech(head, grammar):
            # "a delegation briefed the Council, and Yoon discussed it by phone": a clause of
            # its own beside the speech, not said by it
            break
        if is_speech(head, grammar) and relation != "obj":
            found.append(head)
        node = head
    if found:
        return found
    single = _speech_nearby(top, grammar)
    return [single] if single is not None else []


def speech_verb(frame: Frame, grammar: Grammar) -> Token | None:
    """The speech verb the event is told under ("disse que…", "…, the Kremlin said")."""
    verbs = speech_verbs(frame, grammar)
    return verbs[0] if verbs else None


def _speech_nearby(top: Token, grammar: Grammar) -> Token | None:
    for child in top.children:
        if base_dep(child) in ("parataxis", "advcl", "ccomp") and is_speech(child, grammar):
            if base_dep(child) in ("parataxis", "advcl") and _says_its_own(child):
                # "Apesar de Putin dizer que ficaria…, mísseis foram disparados": it says its
                # own complement
                continue
            return child
    root = top.sent.root if top.doc.has_annotation("SENT_START") else None
    if root is not None and root.i != top.i:
        for child in root.children:
            if (
                base_dep(child) == "parataxis"
                and is_speech(child, grammar)
                and child.i > top.i
                and not _says_its_own(child)
            ):
                return child
    return None


def _says_its_own(verb: Token) -> bool:
    """A speech verb set beside a clause with a complement clause of its own says that, not the
    clause beside it ("…, in what Netanyahu said was an operation…"); one that attributes the
    clause beside it (", the Kremlin said.") has none."""
    return bool(children(verb, "ccomp"))


def _verb_over(token: Token) -> tuple[Token, Token | None] | None:
    """The verb a noun hangs on through its phrases, with the adverb it hangs on in between, if
    any ("looked forward to the visit": "visit" under "forward", an adverb of "looked")."""
    node, adverb = token, None
    for _ in range(3):
        through = node.pos_ == "ADV" and base_dep(node) == "advmod" and adverb is None
        if node.head.i == node.i or (
            base_dep(node) not in ("nmod", "obl", "obj", "conj") and not through
        ):
            return None
        if through:
            adverb = node
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node, adverb
    return None


def speakers(verb: Token, grammar: Grammar) -> list[Token]:
    """Who speaks through a speech verb: its subject, or a passive's agent."""
    if is_passive(verb):
        return children(verb, "obl:agent") or [
            c for c in children(verb, "obl") if case_phrase(c) in grammar.markers["agent"]
        ]
    return subjects(verb)


def source_phrases(frame: Frame, grammar: Grammar) -> list[Token]:
    """Phrases introduced by "segundo/according to/según" in the clauses of the event, and the
    frame's own."""
    found = list(frame.sources)
    for token in governing_chain(frame, grammar):
        for child in token.children:
            phrase = case_phrase(child)
            if phrase and grammar.marker_role(phrase) == "source" and child not in found:
                found.append(child)
    return found


def _words(token: Token, grammar: Grammar | None = None) -> set[str]:
    if grammar is not None:
        return grammar.verb_words(token)
    return with_particles(token, {token.lemma_.lower(), token.lower_})


def read_status(frame: Frame, grammar: Grammar) -> Reading:
    """The status the clauses around the trigger give the event."""
    found: set[str] = set()  # the clues read so far ("negation", "plan", "double", …)
    negation = grammar.status["negation"]
    if _told_as_a_setting(frame, grammar):
        # "Durante o telefonema, Lula e Trump acertaram um encontro": the call in which a
        # meeting was agreed took place; it is as past or future as the clause, no more
        for child in frame.token.children:
            _read_dependent(child, grammar, found, first=True, on_trigger=True)
        _read_tense_over_noun(frame, grammar, found)
        return _reading(found)
    described = frame.governor.i if _described_subject(frame, grammar) and frame.governor else -1
    for position, token in enumerate(governing_chain(frame, grammar)):
        if position > 0:  # a verb above the trigger, or an event noun's governing verb
            _read_governing_verb(frame, token, grammar, found)
        on_trigger = token.i == frame.token.i
        for child in token.children:
            if token.i == described and _words(child) & negation:
                continue
            _read_dependent(child, grammar, found, first=position == 0, on_trigger=on_trigger)
        negated_before = "negation" in found
        _read_clause(token, grammar, found)
        if token.i == described and not negated_before:
            found.discard("negation")  # "no ha incluido": the auxiliary's, as well
    if frame.rule.nominal and frame.governor is None and not _told_as_a_time(frame, grammar):
        _read_verb_over_noun(frame, grammar, found)
    if frame.rule.nominal:
        _read_light_relative(frame, grammar, found)
    nominal = frame.rule.nominal or frame.token.pos_ in ("NOUN", "PROPN")
    if nominal and _in_a_conditional_clause(frame.token, grammar):
        found.add("condition")  # "new sanctions if an arms deal goes ahead"
    if "conditional" in found:
        # "disse que enviaria tropas", "said it would deploy": a future told in the past;
        # without a speech verb above, a conditional is only possible
        found.add("plan" if speech_verbs(frame, grammar) else "consider")
    return _reading(found)


def _read_light_relative(frame: Frame, grammar: Grammar, found: set[str]) -> None:
    """ "la visita que Lula hará el domingo", "the visit he will pay": a relative clause on
    the event noun whose verb is a light one tells the event's own tense, future or
    conditional, as a governing light verb would."""
    for clause in children(frame.token, "acl:relcl"):
        if not _words(clause, grammar) & grammar.light:
            continue
        auxiliaries = children(clause, "aux")
        if "Fut" in feature_values(clause, "Tense") or any(
            _words(a) & grammar.status["planned_aux"] for a in auxiliaries
        ):
            found.add("plan")
        elif "Cnd" in feature_values(clause, "Mood"):
            found.add("conditional")


def _in_a_conditional_clause(noun: Token, grammar: Grammar) -> bool:
    """An event noun inside a clause opened by "if/se/si" ("if an arms deal goes ahead"): the
    first verb above its phrase has a conditional subordinator."""
    for above in noun.ancestors:
        if above.pos_ in ("VERB", "AUX"):
            return any(
                base_dep(c) == "mark" and _words(c) & grammar.markers["condition"]
                for c in above.children
            )
    return False


def _described_subject(frame: Frame, grammar: Grammar) -> bool:
    """ "El tratado firmado entre Rusia e Irán no incluye una cláusula de defensa", "the deal
    does not cover gas": an event noun that is the subject of a verb with an object of its own
    is described by that verb, whose negation denies the description, not the event (unlike
    "la reunión no se celebró", with no object)."""
    governor = frame.governor
    return (
        frame.rule.nominal
        and governor is not None
        and frame.token.head.i == governor.i
        and frame.token.dep_.lower() == "nsubj"
        and bool(children(governor, "obj"))
        and not grammar.verb_words(governor) & (grammar.light | grammar.status_verbs)
    )


# the status lists a verb's own meaning is looked up in, in this order
_MEANINGS = ("deny", "refuse", "fail", "cancel", "threaten", "plan", "consider")
# what agreeing on makes so: "acordaron un paquete de sanciones", "agreed a truce" (not a visit
# or a meeting, which are still to come)
_ADOPTED = (EventType.SANCTION, EventType.AGREEMENT)
# events that have taken place once they end, unlike a support or a deployment that ends
_DONE_WHEN_ENDED = frozenset({EventType.VISIT, EventType.MEETING, EventType.PHONE_CALL})
# a negated one of these leaves the act possible ("não descartou enviar armas")
_DENIALS = ("deny", "refuse", "fail")
# what an auxiliary says, and a modifier of the trigger: the first status list that holds it
_AUX_CLUES = (
    ("planned_aux", "plan"),
    ("reported_future_aux", "conditional"),
    ("speculative_aux", "consider"),
)
_MODIFIER_CLUES = (("plan", "plan"), ("consider", "consider"))


def _clue(
    words: set[str], status: Mapping[str, frozenset[str]], clues: tuple[tuple[str, str], ...]
) -> str | None:
    """The clue of the first status list in `clues` that holds one of the words."""
    return next((clue for key, clue in clues if words & status[key]), None)


def _read_governing_verb(frame: Frame, token: Token, grammar: Grammar, found: set[str]) -> None:
    """A verb above the trigger: its own meaning ("negou", "planeja", "threatened"), negated
    or not, and a future or speculative auxiliary it is."""
    status = grammar.status
    words = _words(token, grammar)
    # a light verb's own meaning is the event's ("ofereceu apoio", "agreed a truce")
    light = frame.governor is not None and token.i == frame.governor.i
    own = words - grammar.light - grammar.statement if light else words
    if _tells_it_done(token, frame.token, status):
        own = own - status["recent"]
    negated = any(
        base_dep(c) in ("advmod", "neg") and _words(c) & status["negation"] for c in token.children
    )
    for key in _MEANINGS:
        if own & status[key]:
            # "não descartou enviar armas": not ruling an act out leaves it possible
            found.add("consider" if negated and key in _DENIALS else key)
            if negated and key in _DENIALS:
                found.add("double")
    if own & status["cease"] and frame.type not in _DONE_WHEN_ENDED:
        # "ended its support" did away with it; "did not stop supporting", "would not waver"
        # tell that it goes on: the negation is the verb's, not the act's (a visit, meeting or
        # call that ends took place: "ends his tour in Seychelles", "ended the talks")
        found.add("double" if negated else "fail")
    if light and words & status["adopt"] and frame.type not in _ADOPTED:
        found.add("plan")  # "acordaron una visita", "agreed a visit": one still to come
    if words & status["planned_aux"]:
        found.add("plan")
    if words & status["speculative_aux"] and not _done_modal(token):
        found.add("consider")


def _tells_it_done(token: Token, trigger: Token, status: Mapping[str, frozenset[str]]) -> bool:
    """ "acaba de aprobar", "acabou de assinar": a verb of the `recent` list over an infinitive
    opened by a subordinator says the act it holds has just taken place (its own meaning,
    "acabar con la guerra", "terminaron la reunión sin…", still ends one)."""
    if not _words(token) & status["recent"]:
        return False
    return any(
        c.pos_ in ("VERB", "AUX")
        and (children(c, "mark") or children(c, "case"))
        and c.left_edge.i <= trigger.i <= c.right_edge.i
        for c in token.children
        if base_dep(c) == "xcomp"
    )


def _done_modal(token: Token) -> bool:
    """ "pudo reunirse", "haber podido encontrarse": a modal of possibility in a past tense of
    the indicative, or as a participle, says the act took place (not "puede", "podría",
    "podía" or "could")."""
    if "Part" in feature_values(token, "VerbForm"):
        return True
    return "Past" in feature_values(token, "Tense") and "Ind" in feature_values(token, "Mood")


def _read_dependent(
    child: Token, grammar: Grammar, found: set[str], *, first: bool, on_trigger: bool
) -> None:
    """A word below a word of the chain (`first`: below the trigger itself): a negation,
    an auxiliary, a condition, "without", an adverb or a participle of plan or doubt."""
    status, markers = grammar.status, grammar.markers
    relation = base_dep(child)
    words = _words(child)
    clue: str | None = None
    if relation == "det" and first and words & status["negation"]:
        clue = "absent"  # "no deal", "nenhum acordo": no event is told
    elif relation == "det" and first and words & status["consider"]:
        clue = "consider"  # "cualquier nueva agresión", "any attack": one that may come
    elif relation in ("advmod", "neg", "advcl") and words & status["negation"]:
        clue = "negation" if first or "double" not in found else "double"
    elif relation == "aux" or child.dep_.lower() == "aux":
        clue = _clue(words, status, _AUX_CLUES)
        if clue == "consider" and _done_modal(child):
            clue = None
        if clue is None and child.pos_ != "AUX":
            # "Francia tiene previsto enviar ayuda" with "previsto" hung as an auxiliary of
            # "enviar": a participle of plan or doubt, whatever its label
            clue = _clue(words, status, _MODIFIER_CLUES)
    elif relation == "mark" and words & markers["condition"]:
        clue = "condition"
    elif relation == "mark" and words & markers["question"]:
        clue = "consider"  # "did not say whether Lula would travel": an open question
    elif relation == "mark" and words & (status["plan"] | status["consider"]):
        # "Macron is due to travel" with "due" read as a subordinator of "travel"
        clue = _clue(words, status, _MODIFIER_CLUES)
    elif relation == "mark" and words & markers["without"]:
        clue = "absent"  # "sin alcanzar un acuerdo"
    elif relation == "advmod" and words & (status["plan"] | status["consider"]):
        clue = _clue(words, status, _MODIFIER_CLUES)  # "is due to meet", "previamente agendada"
    elif relation in ("amod", "acl") and on_trigger and not children(child, "mark"):
        # "the planned visit", "a visita planejada" (a participle, `acl` in pt/es); not a
        # purpose clause ("uma videoconferência para tentar chegar a um acordo")
        clue = _clue(words, status, _MODIFIER_CLUES)
    if clue is not None:
        found.add(clue)
    if relation in ("obl", "nmod") and case_phrase(child) in markers["condition"]:
        found.add("consider")  # "enviará tropas em caso de ataque": only if


def _read_clause(token: Token, grammar: Grammar, found: set[str]) -> None:
    """What a word of the chain says as a clause: a negated auxiliary, "without" or a condition
    before it, a conditional or future mood or tense (its own or its copula's)."""
    status, markers = grammar.status, grammar.markers
    # "não haverá", "did not": negation on the auxiliary of the clause too
    for aux in children(token, "aux"):
        if any(_words(c) & status["negation"] for c in aux.children):
            found.add("negation")
    phrase = case_phrase(token)
    if phrase and (phrase in markers["without"] or phrase.split()[0] in markers["without"]):
        found.add("absent")
    if phrase and phrase in markers["condition"]:
        found.add("condition")
    mood = feature_values(token, "Mood")
    tense = feature_values(token, "Tense")
    # "os EUA serão o país visitado": the copula's tense; "Macron será recebido por Lula": the
    # passive auxiliary's (not "terá sido recebido", a perfect the tense of "ter" only hedges)
    passive = [a for a in token.children if a.dep_.lower() == "aux:pass"]
    for cop in [*children(token, "cop"), *passive]:
        mood, tense = mood + feature_values(cop, "Mood"), tense + feature_values(cop, "Tense")
    if "Cnd" in mood:
        found.add("conditional")
    elif "Fut" in tense:
        found.add("plan")
    if token.lower_ in status["speculative_aux"] and not _done_modal(token):
        found.add("consider")


def _told_as_a_time(frame: Frame, grammar: Grammar) -> bool:
    """ "alertaram a China … após a invasão da Ucrânia": an event noun that gives the time of
    the clause above has taken place, whatever that clause says of its own act."""
    return case_phrase(frame.token) in grammar.markers["after"]


def _told_as_a_setting(frame: Frame, grammar: Grammar) -> bool:
    """An event noun in a "during" phrase set before the verb it hangs on ("Durante o
    telefonema, …", "In a call with Xi, Biden agreed…"): the span the clause happens in."""
    token = frame.token
    above = token.head
    return (
        frame.rule.nominal
        and base_dep(token) == "obl"
        and above.pos_ in ("VERB", "AUX")
        and token.i < above.i
        and case_phrase(token) in grammar.markers["during"]
    )


def _read_tense_over_noun(frame: Frame, grammar: Grammar, found: set[str]) -> None:
    """The tense and auxiliaries of the verb a setting hangs on ("during the visit, Lula will
    sign…": the visit is planned), not what that verb means."""
    above = frame.token.head
    status = grammar.status
    for aux in children(above, "aux"):
        clue = _clue(_words(aux), status, _AUX_CLUES)
        if clue is not None and not (clue == "consider" and _done_modal(aux)):
            found.add(clue)
    mood, tense = feature_values(above, "Mood"), feature_values(above, "Tense")
    if "Cnd" in mood:
        found.add("conditional")
    elif "Fut" in tense:
        found.add("plan")


def _read_verb_over_noun(frame: Frame, grammar: Grammar, found: set[str]) -> None:
    """ "Turkey has offered to host peace talks" misparsed with "talks" under "offered": the
    meaning of the verb above an ungoverned event noun (not its auxiliaries) still counts."""
    found_over = _verb_over(frame.token)
    if found_over is None:
        return
    above, adverb = found_over
    words = _words(above, grammar)
    if adverb is not None:
        # read with its adverb only: "looked forward to the visit", not "looked back at it"
        words = {f"{word} {adverb.lower_}" for word in words}
    # the verb read with the case word of the noun: "called for a peace deal"
    case = case_phrase(frame.token)
    if case:
        words |= {f"{word} {case}" for word in words}
    for key in ("deny", "refuse", "cancel", "threaten", "plan", "consider"):
        if words & grammar.status[key]:
            found.add(key)
    if _negated_up_the_controls(above, grammar) and not _definite(frame.token):
        # "não quis confirmar um encontro", "did not want to announce a visit": a verb that
        # does not act on the event, negated, leaves it only possible ("did not comment on
        # the meeting" takes for granted the meeting it names)
        found.add("consider")


def _definite(noun: Token) -> bool:
    """Whether a noun has a definite article or a possessor: what it names is known to be."""
    return any(
        "Def" in feature_values(c, "Definite") for c in children(noun, "det")
    ) or bool(children(noun, "nmod:poss"))


def _negated_up_the_controls(verb: Token, grammar: Grammar) -> bool:
    """Whether a verb, or one above it that controls it (`xcomp`), is negated."""
    negation = grammar.status["negation"]
    node = verb
    while True:
        if any(base_dep(c) in ("advmod", "neg") and _words(c) & negation for c in node.children):
            return True
        if base_dep(node) != "xcomp" or node.head.i == node.i:
            return False
        node = node.head


def _reading(found: set[str]) -> Reading:
    """The status the clues give, the strongest first."""
    if "condition" in found or "absent" in found:
        return Reading(None, "condition" if "condition" in found else "absent")
    if found & {"deny", "cancel", "refuse", "fail", "negation"}:
        # "negou ter enviado", "refused to meet", "was not involved in the strikes": the text
        # tells the act and that it did not happen
        return Reading(Status.DENIED, "denied")
    if "threaten" in found or "consider" in found:
        return Reading(Status.SPECULATIVE, "speculative")
    if "plan" in found:
        return Reading(Status.PLANNED, "planned")
    return Reading(Status.OCCURRED)
