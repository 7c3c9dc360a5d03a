"""Reading one sentence around a trigger: who acts, on whom, who says so, and whether the
event happened, is planned, possible or denied. Rules work on token order and small function
words (prepositions, coordination, attribution verbs), because the default pipeline has no
parser; every word list comes from the language's lexicon."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kgload.extract.scan import WORD, Cues, Sentence, Trigger, words_between
from kgload.model import Article, Entity, EntityKind, EventType, Mention, Status
from kgload.nlp.lexicon import Lexicon

__all__ = ["ACTOR_KINDS", "SentenceReader", "is_actor", "top_level"]

ACTOR_KINDS = (EntityKind.PERSON, EntityKind.STATE, EntityKind.ORGANIZATION)


def top_level(mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions not inside a longer one ("Rússia" inside "presidente da Rússia" is dropped).

    One sweep over the mentions sorted by start (longest first): a mention ending no later
    than the farthest end seen so far, and starting after that span's start, is inside it.
    """
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


def is_actor(m: Mention) -> bool:
    return m.kind in ACTOR_KINDS


class SentenceReader:
    """Reads one sentence: its triggers, sources, and the roles of the actors around a trigger."""

    def __init__(
        self,
        article: Article,
        sentence: Sentence,
        lexicon: Lexicon,
        mentions: Sequence[Mention],
        entities: Mapping[str, Entity],
        cues: Cues,
    ) -> None:
        self.text = article.text
        self.entities = entities
        self.cues = cues
        self.sentence = sentence
        self.lexicon = lexicon
        self.mentions = list(mentions)  # the caller passes this sentence's mentions
        self.actors = [m for m in self.mentions if is_actor(m) and not self._is_place_use(m)]
        self.speakers: list[Mention] = []  # "X disse que…": sources that are subjects
        self._words_before: dict[int, list[str]] = {}  # mention start → the words before it
        self._break_spans: list[tuple[int, int]] | None = None
        self.sources = self._sources() if self.actors else []

    def _is_place_use(self, m: Mention) -> bool:
        """ "em Brasília", "in Moscow": a capital after a place preposition is a place here."""
        return self.place_use(m, self.text, self.sentence, self.lexicon)

    @staticmethod
    def place_use(m: Mention, text: str, sentence: Sentence, lexicon: Lexicon) -> bool:
        if m.method != "metonym" or m.literal_key is None:
            return False
        before = words_between(text, max(sentence.start, m.start - 40), m.start)
        before = [w for w in before if w not in lexicon.determiners or w in lexicon.place_markers]
        return any(w in lexicon.place_markers for w in before[-1:])

    def _sources(self) -> list[Mention]:
        """Actors the sentence cites as its source: "segundo a KCNA", "o Kremlin informou"."""
        text, s = self.text, self.sentence
        found: list[Mention] = []
        for name in ("attribution_before", "attribution_after"):
            for cue_start, cue_end in self.cues.all(name, s.start, s.end):
                if name == "attribution_after":
                    if words_between(text, cue_end, min(s.end, cue_end + 40))[:1] in (
                        ["que"],
                        ["that"],
                        [","],
                    ):
                        continue  # "X disse que …": the speaker is before the verb
                    cue = text[cue_start:cue_end].lower()
                    lead = words_between(text, max(s.start, cue_start - 3), cue_start)
                    if not any(
                        w in cue.split() for w in ("pelo", "pela", "by", "pelos", "pelas")
                    ) and lead[-1:] not in ([","], ["”"], ['"'], ["’"], ["'"]):
                        continue  # "the PM said the UK …": a verb in place, not ", said X"
                found.extend(self._cited_after(cue_end))
        for cue_start, _ in self.cues.all("attribution_subject", s.start, s.end):
            # "o Kremlin informou": the actor right before the verb; not "… para a Rússia,
            # informou a KCNA", where the comma ends the clause and the source follows the verb
            before = [
                m
                for m in self.actors
                if m.end <= cue_start
                and (
                    (len(gap := words_between(text, m.end, cue_start)) <= 1 and gap != [","])
                    or self._owner_of_speaker(gap)
                )
            ]
            if before:
                found.append(before[-1])
                self.speakers.append(before[-1])
        return found

    def _owner_of_speaker(self, gap: Sequence[str]) -> bool:
        """ "South Korea's intelligence agency said": the state owns the body that speaks."""
        lex = self.lexicon
        return (
            2 <= len(gap) <= 4
            and (gap[0] in lex.possessive or gap[0] == "s")
            and not any(w in (",", ";", "and", "e", "y") for w in gap)
        )

    def _cited_after(self, position: int) -> list[Mention]:
        """The actor named right after an attribution cue ("segundo a inteligência sul-coreana"),
        or the organisation in apposition to it ("pela agência estatal da Coreia do Norte, KCNA").
        """
        following = [m for m in self.actors if m.start >= position]
        if not following:
            return []
        first = following[0]
        gap = words_between(self.text, position, first.start)
        if len(gap) > 6 or any(w in (",", ";", ".", ":", "“", "”", '"') for w in gap):
            return []
        if len(following) > 1:
            nxt = following[1]
            if (
                words_between(self.text, first.end, nxt.start) == [","]
                and nxt.kind is EntityKind.ORGANIZATION
            ):
                return [nxt]
        return [first]

    def triggers(self, candidates: Sequence[Trigger]) -> list[Trigger]:
        """The sentence's triggers, from the article-wide scan: the longest wins where two
        overlap ("apoio militar" over "apoio"); on a tie the noun reading is kept (its owner
        decides the roles)."""
        found = [
            t
            for t in candidates
            if self.sentence.start <= t.start
            and t.end <= self.sentence.end
            and not self._in_a_name(t)
        ]
        found.sort(key=lambda t: (-(t.end - t.start), t.start, not t.nominal))
        kept: list[Trigger] = []
        for trig in found:
            if any(trig.start < k.end and k.start < trig.end for k in kept):
                continue
            kept.append(trig)
        return sorted(kept, key=lambda t: t.start)

    def _in_a_name(self, trig: Trigger) -> bool:
        """A capitalised trigger inside a sentence is part of a proper name ("the Second World
        War", "o Acordo de Paris", "the Security Council"), not an event told here."""
        first = self.text[trig.start]
        if not first.isupper() or trig.start == self.sentence.start:
            return False
        before = self.text[max(self.sentence.start, trig.start - 3) : trig.start].rstrip()
        return not before.endswith((".", "!", "?", ":", "\n", "“", '"', "—", "-"))

    def _preceded_by(self, m: Mention, words: frozenset[str], reach: int = 2) -> bool:
        before = self._words_before.get(m.start)
        if before is None:
            before = words_between(self.text, max(self.sentence.start, m.start - 40), m.start)
            self._words_before[m.start] = before
        kept = [w for w in before if w not in self.lexicon.determiners or w in words][-reach:]
        return any(w in words for w in kept)

    def _group(
        self, anchor: Mention, pool: Sequence[Mention], symmetric: bool = False
    ) -> list[Mention]:
        """An actor and those coordinated with it: "Brasil e Angola", "Russia and North Korea";
        for a symmetric event also "o Brasil com Angola"."""
        group = [anchor]
        index = pool.index(anchor)
        for direction in (-1, 1):
            i = index
            while 0 <= i + direction < len(pool):
                nxt = pool[i + direction]
                left, right = (nxt, pool[i]) if direction < 0 else (pool[i], nxt)
                gap = words_between(self.text, left.end, right.start)
                gap = [
                    w
                    for w in gap
                    if w not in self.lexicon.determiners
                    and w not in self.lexicon.of_words
                    and w not in self.lexicon.roles  # "Zelensky e o primeiro-ministro, X"
                ]
                if (
                    direction > 0
                    and gap == []
                    and nxt.kind is EntityKind.STATE
                    and any(
                        w in self.lexicon.of_words
                        for w in words_between(self.text, left.end, right.start)
                    )
                ):
                    i += direction  # "Yoon of the Republic of Korea and Kishida": look past
                    continue
                joined = " ".join(w for w in gap if w != ",")
                joiners = self.lexicon.and_words | (
                    self.lexicon.with_markers if symmetric else set()
                )
                if gap and (all(w in joiners for w in gap) or joined in self.lexicon.and_phrases):
                    group.append(nxt)
                    i += direction
                else:
                    break
        return group

    def _same_side(self, a: Mention, b: Mention) -> bool:
        """The same actor, or a person and their state."""
        if a.key == b.key:
            return True
        entity = self.entities.get(a.key)
        other = self.entities.get(b.key)
        return bool(
            (entity is not None and entity.country == b.key)
            or (other is not None and other.country == a.key)
        )

    def _breaks(self) -> list[tuple[int, int]]:
        """(start, end) of the clause-breaking words of the sentence, found once."""
        if self._break_spans is None:
            self._break_spans = [
                (m.start(), m.end())
                for m in WORD.finditer(self.text, self.sentence.start, self.sentence.end)
                if m.group(0).lower() in self.lexicon.clause_breaks
            ]
        return self._break_spans

    def _clause_start(self, position: int) -> int:
        """Where the clause holding `position` starts: after the last "; / que / while"."""
        best = self.sentence.start
        for _, end in self._breaks():
            if end > position:
                break
            best = end
        return best

    def _relative_clause(self, clause: int) -> bool:
        """True when the clause starts right after a relative pronoun ("que", "which", "who")."""
        words = words_between(self.text, max(self.sentence.start, clause - 8), clause)
        return bool(words) and words[-1] in self.lexicon.relative_pronouns

    def _with_phrase(self, trig: Trigger, m: Mention) -> bool:
        """ "se reunirá con los líderes de la Unión Europea": a with-marker right after the
        trigger, then a short noun phrase owned by the actor."""
        words = words_between(self.text, trig.end, m.start)
        return (
            bool(words)
            and words[0] in self.lexicon.with_markers
            and len(words) <= 6
            and words[-1] in self.lexicon.of_words | self.lexicon.determiners
            and not any(w in self.lexicon.clause_breaks or w == "," for w in words)
        )

    def _owner_roles(
        self, trig: Trigger, before: list[Mention], after: list[Mention]
    ) -> tuple[Mention | None, Mention | None] | None:
        """Roles of an event noun from its own complements: "Russia's invasion of Ukraine",
        "a invasão russa da Ucrânia", "os ataques de Israel ao Irã", "sanções da UE contra a
        Rússia". None when the noun has no owner: then the clause decides."""
        lex = self.lexicon
        owner: Mention | None = None
        target: Mention | None = None
        if before:
            gap = words_between(self.text, before[-1].end, trig.start)
            gap = [w for w in gap if w not in lex.determiners]
            possessive = [i for i, w in enumerate(gap) if w in lex.possessive or w == "s"]
            if (
                possessive
                and possessive[0] == 0
                and len(gap) - len(possessive) <= 2
                and not any(w in (",", ";") for w in gap)
            ):
                owner = before[-1]  # "Russia's war", "Russia's full-scale invasion"
            elif not gap and before[-1].method == "demonym":
                owner = before[-1]  # "Russian aggression", "North Korean troops"
        inside = [m for m in after if m.start < trig.end]
        outside = [m for m in after if m.start >= trig.end]
        patient_of = self.cues.first("patient_of", trig.start, trig.end) is not None
        previous_end = trig.end
        for m in [*inside, *outside[:2]]:
            start = trig.start if m in inside else max(trig.end, previous_end)
            previous_end = max(previous_end, m.end)
            gap = words_between(self.text, start, m.start)
            gap = [w for w in gap if w not in lex.determiners or w in lex.of_words]
            if m.method == "demonym" and len(gap) <= 1 and owner is None:
                owner = m  # "invasão russa", "DPRK troops"
            elif gap and gap[-1] in lex.of_words and len(gap) == 1:
                later = [o for o in outside if o.start > m.end]
                if (
                    patient_of
                    and owner is None
                    and not (later and self._preceded_by(later[0], lex.recipient_markers, 2))
                ):
                    target = target or m  # "the invasion of Ukraine"
                elif owner is None:
                    owner = m  # "os ataques de Israel", "the support of Angola"
                else:
                    target = target or m  # "invasão russa da Ucrânia"
            elif self._preceded_by(m, lex.recipient_markers | lex.agent_markers, 2):
                gap_words = words_between(self.text, trig.end, m.start)
                # "o bombardeio realizado pelos EUA": a participle right after the noun is the
                # noun's own; one further on belongs to another noun ("medidas tomadas por")
                by_this_noun = not any(lex.participle.fullmatch(w) for w in gap_words[1:])
                if self._preceded_by(m, lex.agent_markers, 1) and owner is None and by_this_noun:
                    owner = m  # "the attack on the hospital by Russian forces"
                elif self._preceded_by(m, lex.agent_markers, 1):
                    continue  # "apoio às medidas tomadas por Moscou": another verb's agent
                elif target is None and len(gap_words) <= 8:
                    target = m
        if target is None and owner is not None:
            target = self._target_of_phrase(trig, outside)
        if owner is None:
            return None
        if target is not None and self._same_side(owner, target):
            target = None
        return owner, target

    def _target_of_phrase(self, trig: Trigger, after: Sequence[Mention]) -> Mention | None:
        """ "contra instalações nucleares do Irã", "on Ukraine's power grid": the state whose
        thing the act is aimed at, within a short phrase after "contra/against/on"."""
        lex = self.lexicon
        for m in after[:3]:
            words = words_between(self.text, trig.end, m.start)[-6:]
            if not words:
                continue
            marked = any(w in lex.recipient_markers for w in words[:-1])
            owned = words[-1] in lex.of_words
            if marked and owned:
                return m
        for m in after[:3]:
            # "against Ukraine's infrastructure": the possessive after the marker
            words = words_between(self.text, trig.end, m.start)[-4:]
            following = words_between(self.text, m.end, min(self.sentence.end, m.end + 4))
            if (
                words
                and words[-1] in lex.recipient_markers | lex.determiners
                and following[:1]
                and (following[0] in lex.possessive or following[0] == "s")
            ):
                return m
        return None

    def roles(
        self, trig: Trigger, next_trigger: int | None = None
    ) -> tuple[list[str], str | None, str | None, bool]:
        """(participants, agent, recipient, used_group_reference) for one trigger."""
        lex = self.lexicon
        source_ids = {id(m) for m in self.sources}
        actors = [m for m in self.actors if id(m) not in source_ids]
        clause = self._clause_start(trig.start)
        before = [m for m in actors if m.end <= trig.start]
        limit = next_trigger if next_trigger is not None else self.sentence.end
        # An actor past "; enquanto …" or past the next event's trigger belongs elsewhere.
        # Actors inside a long trigger ("falou com Trump por telefone") are its objects.
        after = [
            m
            for m in actors
            if trig.start <= m.start < limit
            and not any(
                w in lex.clause_breaks
                for w in words_between(self.text, max(trig.end, m.start - 1), m.start)
            )
            and not any(w in lex.clause_breaks for w in words_between(self.text, trig.end, m.start))
        ]
        agent: Mention | None = None
        recipient: Mention | None = None
        participants: list[Mention] = []
        unmarked = lex.recipient_markers | lex.with_markers | lex.agent_markers
        owned = self._owner_roles(trig, before, after) if trig.nominal else None
        light = self.light_verb(trig)
        if owned is not None:
            agent, recipient = owned
        elif trig.nominal and not light:
            # An event noun with no owner and no verb that gives it one ("discutir a guerra"):
            # its roles are unknown.
            recipient = next(
                (m for m in after if self._preceded_by(m, lex.recipient_markers, 2)), None
            )
        elif trig.passive and not trig.rule.type.is_directed:
            # "o acordo assinado pelo Brasil com o governo de Angola": the parties are the
            # agents after "por" and their partners after "com"
            by = [m for m in after if self._preceded_by(m, lex.agent_markers | lex.with_markers, 3)]
            # "Zelensky foi recebido por Marcelo": the subject takes part too
            subject = [
                m for m in before if m.start >= clause and not self._preceded_by(m, unmarked, 1)
            ][:1]
            keys = [
                member.key
                for party in [*subject, *by]
                for member in self._group(party, actors, True)
            ]
            return list(dict.fromkeys(keys)), None, None, False
        elif trig.passive:
            by = [m for m in after if self._preceded_by(m, lex.agent_markers, 1)]
            agent = by[0] if by else None
            rest = [m for m in after if m is not agent]
            subject = [
                m for m in before if m.start >= clause and not self._preceded_by(m, unmarked, 1)
            ]
            if (
                agent is None
                and subject
                and (
                    subject[0].method == "demonym" or self._preceded_by(subject[0], lex.of_words, 1)
                )
            ):
                # "soldados da Coreia do Norte foram enviados à Rússia": the troops' owner sent
                # them, and the first actor after the verb is where they went.
                agent = subject[0]
                recipient = rest[0] if rest else None
            elif rest and self._preceded_by(rest[0], lex.recipient_markers, 2):
                recipient = rest[0]
            else:
                # "as sanções contra a Rússia foram impostas pela UE": the target named first
                targets = [
                    m
                    for m in before
                    if m.start >= clause and self._preceded_by(m, lex.recipient_markers, 2)
                ]
                recipient = subject[0] if subject else (targets[0] if targets else None)
        else:
            gap = words_between(self.text, trig.end, after[0].start) if after else []
            if gap[:1] and gap[0] in ("entre", "between"):
                # "encontro entre Putin e Trump": the pair after "entre" are the participants.
                group = self._group(after[0], actors)
                return list(dict.fromkeys(m.key for m in group)), None, None, False
            near_by = [
                m
                for m in before[-1:]
                if self._preceded_by(m, lex.agent_markers, 1)
                and len(words_between(self.text, m.end, trig.start)) <= 4
            ]
            subjects = [
                m for m in before if m.start >= clause and not self._preceded_by(m, unmarked, 1)
            ]
            by_after = [
                m
                for m in after
                if trig.rule.type.is_directed
                and self._preceded_by(m, lex.agent_markers, 1)
                and len(words_between(self.text, trig.end, m.start)) <= 10
                and not any(
                    lex.participle.fullmatch(w) for w in words_between(self.text, trig.end, m.start)
                )
            ]
            if near_by:
                # "medidas tomadas por Moscou em sua operação militar": the doer sits by the noun
                agent = near_by[0]
            elif subjects:
                agent = subjects[0]
            elif by_after:
                # "the attack on the hospital by Russian forces": the doer follows "by"
                agent = by_after[0]
                after = [m for m in after if m is not agent]
            elif before and self._relative_clause(clause) and before[-1].end <= clause:
                # "… com o chefe do Governo espanhol, Pedro Sánchez, que prometeu …": the
                # relative pronoun stands for the actor right before it
                agent = before[-1]
            elif before:
                # No subject in this clause: the sentence's subject ("antes de encontro com
                # Trump", "um dia depois de …") when there is one, else the nearest free actor.
                free = [m for m in before if not self._preceded_by(m, unmarked, 1)]
                agent = (
                    free[0]
                    if free and free[0].start < clause
                    else (free[-1] if free else before[-1])
                )
            inside = [m for m in after if m.start < trig.end]
            if inside and trig.rule.type is EventType.TROOP_DEPLOYMENT:
                # "the deployment of DPRK troops": whoever owns the troops sent them.
                agent = None
            if agent is None and inside:
                # "soldados norte-coreanos foram enviados à Rússia": the noun's owner acts.
                agent = inside[0]
                after = [m for m in after if m.start >= trig.end]
            if (
                after
                and trig.rule.type.is_directed
                and self._preceded_by(after[0], lex.of_words, 1)
                and len(words_between(self.text, trig.end, after[0].start)) <= 2
                and (agent is None or self._same_side(agent, after[0]))
            ):
                # "o apoio de Angola à reivindicação brasileira": the "de" actor gives it
                agent = agent or after[0]
                after = after[1:]
            if trig.rule.type is EventType.TROOP_DEPLOYMENT:
                # troops go to a state: a mission or an alliance named after them is not the host
                after = [m for m in after if m.kind is EntityKind.STATE]
            if (
                trig.rule.type.is_directed
                and after
                and self._preceded_by(after[0], lex.place_markers - lex.recipient_markers, 1)
            ):
                # "support in the United States for Ukraine": the state after "in" is where it
                # is given; the one after "for" receives it
                marked = [m for m in after[1:] if self._preceded_by(m, lex.recipient_markers, 1)]
                if marked:
                    after = [m for m in after if m.start >= marked[0].start]
            if after and (
                trig.rule.type.is_directed
                or len(words_between(self.text, trig.end, after[0].start)) <= 3
                or self._preceded_by(after[0], lex.with_markers, 2)
                or self._with_phrase(trig, after[0])
            ):
                recipient = after[0]
            thanks = self.cues.first("thanks", agent.end if agent else clause, trig.start)
            reason = words_between(self.text, thanks[1] if thanks else trig.start, trig.start)
            if (
                thanks
                and agent is not None
                and trig.rule.type.is_directed
                and any(w in lex.agent_markers or w in ("for",) for w in reason)
            ):
                # "Putin agradece Kim pelo apoio": the one thanked is the one who gave it.
                thanked = [m for m in before if m.start >= thanks[1]]
                if thanked:
                    # what was given keeps its own target when the text names one, unless that
                    # is the giver again ("thanked Russia for its support … helping Moscow")
                    own_target = recipient is not None and not self._same_side(
                        recipient, thanked[0]
                    )
                    agent, recipient = thanked[0], recipient if own_target else agent
        invite = self.cues.first("invite", clause, trig.start)
        if invite and trig.rule.type in (EventType.VISIT, EventType.MEETING):
            # "Lula convidou o colega angolano para uma visita a Brasília": the guest visits
            guests = [m for m in actors if invite[1] <= m.start < trig.start]
            if guests:
                host = agent
                agent = guests[0]
                if recipient is None and host is not None and host is not agent:
                    recipient = host
        if agent is None:
            speaker = [m for m in self.speakers if m.end <= trig.start]
            if speaker:
                # "Macron disse que pretende visitar o Brasil": the speaker is the actor
                agent = speaker[-1]
                actors = [*actors, agent]
        if (
            trig.rule.type.is_directed
            and agent is not None
            and recipient is not None
            and self._same_side(agent, recipient)
        ):
            recipient = None  # "a visita de Lavrov … do povo russo": one side is no event
        if recipient is None and agent is not None and trig.rule.type.is_directed:
            # "Portugal compromete-se a entregar à Ucrânia … ajuda militar": the receiver named
            # between the giver and what is given
            given_to = [
                m
                for m in before
                if m.start > agent.end and self._preceded_by(m, lex.recipient_markers, 1)
            ]
            if given_to:
                recipient = given_to[-1]
        symmetric = not trig.rule.type.is_directed
        if agent is not None:
            participants.extend(self._group(agent, actors, symmetric))
        if recipient is not None:
            participants.extend(self._group(recipient, actors, symmetric))
        if symmetric and agent is not None and not trig.passive:
            # "Lula foi recebido … pelo presidente da China, Xi Jinping, … para uma reunião":
            # the other actors of the clause before a meeting, call or agreement take part
            participants.extend(
                m
                for m in before
                if m.start >= clause
                and m is not agent
                and self._preceded_by(m, lex.agent_markers | lex.with_markers, 1)
            )
        keys = list(dict.fromkeys(m.key for m in participants))
        agent_key = agent.key if agent else None
        recipient_key = recipient.key if recipient else None
        if agent_key == recipient_key:
            recipient_key = None
        return keys, agent_key, recipient_key, False

    def _clause_end(self, position: int) -> int:
        """Where the clause holding `position` ends: before the next "; / which / que"."""
        for start, _ in self._breaks():
            if start >= position:
                return start
        return self.sentence.end

    def status(self, trig: Trigger) -> Status:
        """Denied if the sentence says so around the trigger; speculative or planned when the
        trigger's own clause does ("which will deepen…" does not make a signing planned)."""
        # a denial governs what follows it: "negou ter enviado", "denied that X sent"
        cues = self.cues
        if cues.first("denied", max(self.sentence.start, trig.start - 60), trig.start):
            return Status.DENIED
        if trig.rule.type in (EventType.VISIT, EventType.MEETING, EventType.PHONE_CALL) and (
            cues.first("cancelled", max(self.sentence.start, trig.start - 30), trig.start)
            or cues.first("cancelled", trig.end, min(self._clause_end(trig.end), trig.end + 60))
        ):
            # "cancelou sua viagem ao Brasil", "the summit was cancelled": it did not happen
            return Status.DENIED
        lo, hi = self._clause_start(trig.start), self._clause_end(trig.end)
        if cues.first(
            "speculative", max(lo, trig.start - 45), min(hi, trig.end + 30)
        ) or self._governs("speculative_aux", trig, lo):
            return Status.SPECULATIVE
        if cues.first("invite", lo, trig.start):
            return Status.PLANNED
        if cues.first("planned", max(lo, trig.start - 60), min(hi, trig.end + 90)) or (
            self._governs("planned_aux", trig, lo)
        ):
            return Status.PLANNED
        return Status.OCCURRED

    def _governs(self, cue: str, trig: Trigger, clause: int) -> bool:
        """An auxiliary right before the trigger governs it ("vai enviar tropas", "may send",
        "pode enviar cerca de 3 mil soldados"): at most three words between, no comma."""
        lex = self.lexicon
        for _, cue_end in self.cues.all(cue, max(clause, trig.start - 40), trig.start):
            gap = words_between(self.text, cue_end, trig.start)
            # "vai analisar o acordo": the auxiliary governs another verb, not the trigger
            other_verb = any(
                lex.infinitive.fullmatch(w) and not lex.light_verbs.fullmatch(w) for w in gap
            )
            if len(gap) <= 3 and not other_verb and not any(w in (",", ";") for w in gap):
                return True
        return False

    def light_verb(self, trig: Trigger) -> bool:
        """A verb before an event noun that makes the clause's subject its owner."""
        clause = self._clause_start(trig.start)
        return bool(
            self.cues.first("light_verbs", clause, trig.start)
            or self.cues.first("thanks", clause, trig.start)
        )

    def hypothetical(self, trig: Trigger) -> bool:
        """True when the trigger sits in a condition ("em caso de agressão", "in case of")."""
        return bool(
            self.cues.first("hypothetical", max(self.sentence.start, trig.start - 30), trig.start)
        )

    def group_reference(
        self, trig: Trigger, previous_trigger_end: int | None = None
    ) -> EntityKind | bool:
        """Whether the clause refers to a pair named before ("ambos", "the two countries"),
        and of which kind when it says so ("both leaders" → people). A pair that is the subject
        of an earlier trigger ("both leaders condemned the attack") is not this trigger's."""
        lo = min(self._clause_start(trig.start), max(self.sentence.start, trig.start - 80))
        if previous_trigger_end is not None:
            lo = max(lo, previous_trigger_end)
        hi = min(self.sentence.end, trig.end + 60)
        if self.cues.first("group_refs_people", lo, hi):
            return EntityKind.PERSON
        if self.cues.first("group_refs_states", lo, hi):
            return EntityKind.STATE
        return bool(self.cues.first("group_refs", lo, hi))
