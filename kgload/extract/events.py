"""Event extraction: triggers from the language's lexicon, roles from the linked mentions around
them, and the attributes (date, place, status, personnel, who reported it) from the same sentence.

Everything here is a pure function of the article, its sentences and its mentions. Rules work on
token order and small function words (prepositions, coordination, attribution verbs), because
the default pipeline has no parser; they hold for the language, not for one sentence.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from kgload.extract.roles import SentenceReader, is_actor, top_level
from kgload.extract.scan import Cues, Sentence, Trigger, scan_triggers, words_between
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
    Status,
)
from kgload.nlp.dates import DateMention
from kgload.nlp.lexicon import Lexicon
from kgload.nlp.quantities import Quantity

__all__ = ["Sentence", "extract_events"]


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
    inherited_roles: bool = False
    durative: bool = False  # "the UK's ongoing military support": a state of affairs, no day


def _distance(date: DateMention, trig: Trigger) -> int:
    return min(abs(date.start - trig.end), abs(trig.start - date.end))


def _dates_by_trigger(
    dates: Sequence[DateMention],
    triggers: Sequence[Trigger],
    sentence: Sentence,
    text: str,
    lexicon: Lexicon,
) -> dict[int, DateMention]:
    """The date of each trigger: the nearest date of the sentence that no trigger of another
    type stands between ("reaffirmed their support and condemned the war, launched in February
    last year" dates the war only). A date after "since/desde" starts a period: it dates
    nothing."""
    usable = []
    for date in dates:
        if not sentence.start <= date.start < sentence.end:
            continue
        before = words_between(text, max(sentence.start, date.start - 30), date.start)
        if not any(w in lexicon.since_words for w in before[-5:]):
            usable.append(date)
    chosen: dict[int, DateMention] = {}
    for index, trig in enumerate(triggers):
        free = []
        for date in usable:
            lo, hi = sorted((date.start, trig.start))
            if not any(
                other.rule.type is not trig.rule.type and lo < other.start < hi
                for other in triggers
            ):
                free.append(date)
        if free:
            chosen[index] = min(free, key=lambda d: _distance(d, trig))
    return chosen


def _recent_actors(
    mentions: Sequence[Mention],
    before: int,
    count: int,
    places: set[int],
    kind: EntityKind | None = None,
) -> list[str]:
    keys: list[str] = []
    for m in reversed(mentions):
        if m.start >= before or not is_actor(m) or m.start in places:
            continue
        if kind is not None and m.kind is not kind:
            continue
        if m.key not in keys:
            keys.append(m.key)
        if len(keys) == count:
            break
    return list(reversed(keys))


def _country(key: str, entities: Mapping[str, Entity]) -> str | None:
    entity = entities.get(key)
    return entity.country if entity is not None else None


def _names_a_topic(trig: Trigger, text: str, sentence: Sentence, lexicon: Lexicon) -> bool:
    """ "manifestou preocupação com a escalada", "concern over the talks": the words after the
    verb name a topic ("com", "about"), not an act told before ("condenou as medidas")."""
    following = words_between(text, trig.end, min(sentence.end, trig.end + 20))[:1]
    return bool(following) and following[0] in lexicon.with_markers | lexicon.topic_markers


def _sides(keys: Sequence[str], entities: dict[str, Entity]) -> set[str]:
    """The parties of an event, people standing for their states."""
    return {_state_of(key, entities) for key in keys}


def _state_of(key: str, entities: dict[str, Entity]) -> str:
    entity = entities.get(key)
    if entity is not None and entity.kind is EntityKind.PERSON and entity.country:
        return entity.country
    return key


def extract_events(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    entities: dict[str, Entity],
    lexicon: Lexicon,
    dates: Sequence[DateMention],
    quantities: Sequence[Quantity],
) -> list[Event]:
    """Every event the article states, one per real-world event."""
    top = top_level(mentions)
    starts = [m.start for m in top]
    candidates = scan_triggers(article.text, lexicon)
    cues = Cues(article.text, lexicon)
    trigger_starts = [t.start for t in candidates]
    drafts: list[_Draft] = []
    place_uses: set[int] = set()
    for number, sentence in enumerate(sentences):
        lo, hi = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        first, last = (
            bisect_left(trigger_starts, sentence.start),
            bisect_left(trigger_starts, sentence.end),
        )
        if first == last and not cues.first("attribution_previous", sentence.start, sentence.end):
            # nothing happens here and nothing is attributed: only note where places are
            place_uses.update(
                m.start
                for m in top[lo:hi]
                if m.method == "metonym"
                and SentenceReader.place_use(m, article.text, sentence, lexicon)
            )
            continue
        reader = SentenceReader(article, sentence, lexicon, top[lo:hi], entities, cues)
        place_uses.update(m.start for m in reader.mentions if reader._is_place_use(m))
        sentence_sources = [m.key for m in reader.sources]
        speakers = {m.key for m in reader.speakers}
        made: list[_Draft] = []
        triggers = reader.triggers(candidates[first:last])
        sentence_dates = _dates_by_trigger(dates, triggers, sentence, article.text, lexicon)
        all_roles = [
            reader.roles(trig, triggers[i + 1].start if i + 1 < len(triggers) else None)
            for i, trig in enumerate(triggers)
        ]
        for position, trig in enumerate(triggers):
            participants, agent, recipient, _ = all_roles[position]
            if trig.rule.type is EventType.CONDEMNATION and recipient is None:
                # "condemned the deployment of DPRK troops": the doer of the act named next.
                doer = next(
                    (r[1] for r in all_roles[position + 1 :] if r[1] and r[1] != agent), None
                )
                if doer is not None:
                    participants, recipient = list(dict.fromkeys([*participants, doer])), doer
            grouped = False
            # A pair that is the subject of "condemned"/"supported" is not the subject of the act
            # those verbs take as object ("both leaders condemned the attack").
            previous_end = (
                triggers[position - 1].end
                if position
                and triggers[position - 1].rule.type in (EventType.CONDEMNATION, EventType.SUPPORT)
                else None
            )
            group_kind = (
                reader.group_reference(trig, previous_end)
                if len(participants) < 2 and (not trig.nominal or reader.light_verb(trig))
                else False
            )
            if group_kind:
                wanted = group_kind if isinstance(group_kind, EntityKind) else None
                recent = _recent_actors(top, trig.start, 2, place_uses, wanted)
                if wanted is EntityKind.STATE and len(recent) < 2:
                    # "os dois países" after two leaders were named: their states
                    people = _recent_actors(top, trig.start, 2, place_uses, EntityKind.PERSON)
                    states = [c for p in people if (c := _country(p, entities))]
                    if len(set(states)) == 2:
                        recent = states
                if wanted is None:
                    # "os dois", "both": the pair of a meeting or call told just before
                    pair = next(
                        (
                            list(d.participants)
                            for d in reversed(drafts + made)
                            if d.type in (EventType.MEETING, EventType.PHONE_CALL)
                            and number - d.sentence <= 1
                            and len(d.participants) == 2
                        ),
                        None,
                    )
                    if pair is not None:
                        recent = pair
                if wanted is EntityKind.PERSON:
                    # "both leaders": the people of the last meeting or call told
                    talk = next(
                        (
                            d
                            for d in reversed(drafts + made)
                            if d.type in (EventType.MEETING, EventType.PHONE_CALL)
                            and sum(
                                1
                                for k in d.participants
                                if (e := entities.get(k)) is not None
                                and e.kind is EntityKind.PERSON
                            )
                            >= 2
                        ),
                        None,
                    )
                    if talk is not None:
                        recent = [
                            k
                            for k in talk.participants
                            if (e := entities.get(k)) is not None and e.kind is EntityKind.PERSON
                        ][:2]
                if len(recent) == 2:
                    participants = list(dict.fromkeys(recent + participants))
                    grouped = True
            inherited = False
            if (
                trig.rule.type is EventType.CONDEMNATION
                and agent is not None
                and recipient is None
                and drafts
                and number - drafts[-1].sentence <= 3
                and not _names_a_topic(trig, article.text, sentence, lexicon)
            ):
                # "O Kremlin condenou as medidas": the act is the last event told, and the one
                # condemned is whoever did it.
                previous_event = drafts[-1]
                # "condenou o ataque contra Kiev": when the act is named here, only a last event
                # of that kind can be it
                following = triggers[position + 1] if position + 1 < len(triggers) else None
                named = (
                    following.rule.type
                    if following is not None
                    and len(words_between(article.text, trig.end, following.start)) <= 4
                    and "," not in article.text[trig.end : following.start]
                    else None
                )
                doers = [
                    k
                    for k in previous_event.participants
                    if k not in (previous_event.recipient, agent)
                    and _state_of(k, entities) != _state_of(agent, entities)
                    and named in (None, previous_event.type)
                ]
                if doers:
                    participants = list(dict.fromkeys([*participants, *doers]))
                    recipient = doers[0]
            if len(participants) < 2 and trig.rule.type.is_directed:
                previous = next((d for d in reversed(drafts) if d.type is trig.rule.type), None)
                if previous is not None and (
                    not participants or set(participants) <= set(previous.participants)
                ):
                    # "O Kremlin negou ter enviado os equipamentos": the same act, retold.
                    participants = list(previous.participants)
                    agent, recipient = previous.agent, previous.recipient
                    inherited = True
            place = _place(reader, trig, entities)
            if place is None and trig.rule.type is EventType.ATTACK:
                place = _struck_place(reader, trig)
            if trig.rule.type.is_directed and recipient is None and place is not None:
                # "the attack on a maternity hospital in Mariupol", "drones contra a região de
                # Kharkiv": the place's state was hit
                host = entities[place].country if place in entities else None
                if host and host != agent and _state_of(agent or "", entities) != host:
                    recipient = host
                    participants = list(dict.fromkeys([*participants, host]))
            if len(set(participants)) < 2:
                continue
            if grouped and trig.rule.type.is_directed:
                # the pair named before acts; a target the clause names stays the target
                agent = participants[0]
                if recipient is None or recipient == agent:
                    recipient = participants[1]
            if reader.hypothetical(trig):
                continue  # "assistência mútua em caso de agressão": a condition, not a claim
            status = reader.status(trig)
            # a retold event ("o envio de tropas" again) keeps the date it was first told with
            date_mention = None if inherited else sentence_dates.get(position)
            date = date_mention.value if date_mention else None
            if (
                date_mention is not None
                and date_mention.kind == "weekday"
                and status is Status.PLANNED
                and article.published is not None
                and date is not None
                and date.iso() <= article.published.isoformat()
            ):
                # "will travel to Switzerland on Saturday": the coming Saturday
                ahead = dt.date(date.year, date.month or 1, date.day or 1) + dt.timedelta(days=7)
                date = PartialDate.from_date(ahead)
            durative = bool(
                cues.first("durative", max(sentence.start, trig.start - 25), trig.start)
            )
            if date is None and not durative:
                date = next(
                    (
                        d.date
                        for d in reversed(drafts)
                        if d.date is not None
                        and d.date.precision.value == "day"
                        and number - d.sentence <= 2
                        and d.status is status
                        and sentences[d.sentence].paragraph >= sentence.paragraph - 1
                        # the same story: the two events share a party (a person counting as
                        # their state)
                        and _sides(d.participants, entities) & _sides(participants, entities)
                    ),
                    None,
                )
            if (
                date is not None
                and article.published is not None
                and status is Status.OCCURRED
                and date.precision.value == "day"
                and date.iso() > article.published.isoformat()
            ):
                status = Status.PLANNED
            personnel, bound = None, None
            if trig.rule.type is EventType.TROOP_DEPLOYMENT:
                quantity = next(
                    (q for q in quantities if sentence.start <= q.start < sentence.end), None
                )
                if quantity is not None:
                    personnel, bound = quantity.value, quantity.bound
            # the source is kept even when it takes part ("o Itamaraty informou" on Brazil's
            # condemnation); only a speaker who became the actor is not its own source
            reported = [k for k in sentence_sources if k != agent or agent not in speakers]
            if inherited and not reported:
                previous = next(d for d in reversed(drafts) if d.type is trig.rule.type)
                reported = list(previous.reported_by)
            quote_end = min(
                sentence.end, max(trig.end, _last_role_end(top, participants, sentence))
            )
            quote_start = max(
                sentence.start, min(trig.start, _first_role_start(top, participants, sentence))
            )
            evidence = Evidence(article.text[quote_start:quote_end], quote_start, quote_end)
            confidence = trig.rule.confidence - (0.15 if grouped or inherited else 0.0)
            made.append(
                _Draft(
                    type=trig.rule.type,
                    participants=participants,
                    agent=agent,
                    recipient=recipient,
                    date=date,
                    place=place,
                    status=status,
                    personnel=personnel,
                    bound=bound,
                    reported_by=reported,
                    confidence=round(max(0.05, confidence), 2),
                    evidence=[evidence],
                    trigger=article.text[trig.start : trig.end],
                    sentence=number,
                    inherited_roles=inherited,
                    durative=durative,
                )
            )
        if (
            not made
            and sentence_sources
            and drafts
            and cues.first("attribution_previous", sentence.start, sentence.end)
        ):
            # "As informações foram relatadas pela KCNA.": the source of the sentence before.
            for draft in drafts:
                if draft.sentence >= number - 1 and not draft.reported_by:
                    draft.reported_by = list(sentence_sources)
        drafts.extend(made)
    _date_from_talks(drafts, entities)
    return [_finish(d) for d in _merge(drafts, entities)]


_TALKS = (EventType.MEETING, EventType.PHONE_CALL, EventType.VISIT)


def _date_from_talks(drafts: list[_Draft], entities: Mapping[str, Entity]) -> None:
    """What the people of a dated meeting or call are said to have done together, without a
    date of its own, happened there: "Biden hosted Yoon and Kishida on Friday … the leaders
    condemned …" dates the condemnation Friday."""

    def people(keys: Sequence[str]) -> set[str]:
        return {
            k for k in keys if (e := entities.get(k)) is not None and e.kind is EntityKind.PERSON
        }

    for index, draft in enumerate(drafts):
        if (
            draft.date is not None
            or draft.status is not Status.OCCURRED
            or draft.type in _TALKS
            or draft.durative
        ):
            continue
        mine = people(draft.participants)
        if len(mine) < 2:
            continue
        talk = next(
            (
                d
                for d in reversed(drafts[:index])
                if d.type in _TALKS
                and d.date is not None
                and d.date.precision.value == "day"
                and mine <= people(d.participants)
            ),
            None,
        )
        if talk is not None:
            draft.date = talk.date


def _place(reader: SentenceReader, trig: Trigger, entities: dict[str, Entity]) -> str | None:
    """A place named after "em/in" near the trigger: the literal place of a metonym counts."""
    for m in reader.mentions:
        if m.start < trig.start - 80 or m.start > trig.end + 120:
            continue
        literal = (
            m.literal_key
            if m.method == "metonym"
            else (m.key if m.kind is EntityKind.PLACE else None)
        )
        if literal and reader._preceded_by(m, reader.lexicon.place_markers, 1):
            return literal
    return None


def _struck_place(reader: SentenceReader, trig: Trigger) -> str | None:
    """ "atacó la ciudad de Odesa", "struck Kharkiv": a place named right after an attack (not
    after "em/in", which _place reads) is what was hit."""
    for m in reader.mentions:
        if m.start < trig.end or m.kind is not EntityKind.PLACE:
            continue
        words = words_between(reader.text, trig.end, m.start)
        if len(words) <= 5 and not any(
            w in reader.lexicon.clause_breaks or w in (",", ";") for w in words
        ):
            return m.key
        break
    return None


def _first_role_start(top: Sequence[Mention], keys: Sequence[str], sentence: Sentence) -> int:
    starts = [m.start for m in top if m.key in keys and sentence.start <= m.start < sentence.end]
    return min(starts) if starts else sentence.end


def _last_role_end(top: Sequence[Mention], keys: Sequence[str], sentence: Sentence) -> int:
    ends = [m.end for m in top if m.key in keys and sentence.start <= m.start < sentence.end]
    return max(ends) if ends else 0


def _compatible(a: PartialDate, b: PartialDate) -> bool:
    """Two dates may name the same day: equal, or one is the other at a coarser precision."""
    first, second = a.iso(), b.iso()
    return first.startswith(second) or second.startswith(first)


def _merge(drafts: list[_Draft], entities: dict[str, Entity]) -> list[_Draft]:
    """One event per real-world event: same type, same actors (a person standing for its
    state), compatible dates and statuses."""
    merged: list[_Draft] = []
    for draft in drafts:
        states = frozenset(_state_of(k, entities) for k in draft.participants)
        target = None
        for kept in merged:
            if kept.type is not draft.type:
                continue
            if frozenset(_state_of(k, entities) for k in kept.participants) != states:
                continue
            if (
                kept.date is not None
                and draft.date is not None
                and not _compatible(kept.date, draft.date)
            ):
                continue
            speculative = {Status.SPECULATIVE, Status.DENIED}
            if (kept.status in speculative) != (draft.status in speculative):
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
        elif draft.status is Status.PLANNED and target.date == draft.date:
            target.status = draft.status
        target.place = target.place or draft.place
        if target.personnel is None:
            target.personnel, target.bound = draft.personnel, draft.bound
        target.reported_by = list(dict.fromkeys(target.reported_by + draft.reported_by))
        target.confidence = round(min(0.95, max(target.confidence, draft.confidence) + 0.05), 2)
    return merged


def _finish(draft: _Draft) -> Event:
    participants = list(dict.fromkeys(draft.participants))
    for role in (draft.agent, draft.recipient):
        if role is not None and role not in participants:
            participants.append(role)
    # Symmetric events name participants only: word order does not say who called whom.
    agent, recipient = (draft.agent, draft.recipient) if draft.type.is_directed else (None, None)
    event = Event(
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
    return replace(event)
