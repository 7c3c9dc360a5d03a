"""Per-language lexicons (`kgload/nlp/lexicons/<lang>.toml`): role words, event triggers,
status and attribution cues. Adding a language means adding a file, not code.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from kgload.errors import KnowledgeBaseError
from kgload.model import EventType

__all__ = ["CUE_NAMES", "EventRule", "Lexicon", "load_lexicon"]

# Cue patterns the extractor looks up around triggers (a Lexicon field each).
CUE_NAMES = (
    "attribution_before",
    "attribution_after",
    "attribution_subject",
    "attribution_previous",
    "light_verbs",
    "thanks",
    "invite",
    "cancelled",
    "denied",
    "speculative",
    "speculative_aux",
    "planned",
    "planned_aux",
    "hypothetical",
    "durative",
    "group_refs",
    "group_refs_people",
    "group_refs_states",
    "patient_of",
)


@dataclass(frozen=True, slots=True)
class EventRule:
    """Trigger patterns of one event type in one language."""

    type: EventType
    triggers: re.Pattern[str]
    passive: re.Pattern[str] | None
    nominal: re.Pattern[str] | None  # event nouns whose complements name the roles
    confidence: float
    # the same three, case-sensitive, for a scan of the lowercased article (much faster)
    scan: tuple[tuple[re.Pattern[str], bool, bool], ...] = ()


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    roles: dict[str, tuple[str, ...]]  # lowercased role phrase -> office titles, or ("leader",)
    person_cues: frozenset[str]  # words before a name that make it a person
    org_cues: frozenset[str]  # words inside a name that make it an organisation
    of_words: frozenset[str]  # "de/da/do" — "presidente da Rússia"
    possessive: frozenset[str]  # "'s"
    determiners: frozenset[str]
    group_refs_people: re.Pattern[str]  # "os dois líderes", "both leaders"
    group_refs_states: re.Pattern[str]  # "os dois países", "the two countries"
    group_refs: re.Pattern[str]  # "ambos", "both countries": the last two actors
    events: tuple[EventRule, ...]
    planned: re.Pattern[str]
    planned_aux: re.Pattern[str]  # "vai", "will": planned only when they govern the trigger
    speculative_aux: re.Pattern[str]  # "pode", "may": likewise
    speculative: re.Pattern[str]
    denied: re.Pattern[str]
    attribution_before: re.Pattern[str]  # "segundo a X", "according to X": X follows
    attribution_after: re.Pattern[str]  # "disse X", "relatadas pela X": X follows the verb
    attribution_subject: re.Pattern[str]  # "X disse", "X said": X precedes the verb
    attribution_previous: re.Pattern[str]  # "as informações foram relatadas pela X"
    invite: re.Pattern[str]  # "convidou X para uma visita": X is the visitor, and it is planned
    thanks: re.Pattern[str]  # "X agradece Y pelo apoio": Y gave it
    durative: re.Pattern[str]  # "ongoing support": a state of affairs takes no day from context
    hypothetical: re.Pattern[str]  # "em caso de", "in the event of": a condition, no claim
    agent_markers: frozenset[str]  # "por", "pelo", "by": the agent of a passive
    recipient_markers: frozenset[str]  # "a", "à", "contra", "to", "against", "on"
    with_markers: frozenset[str]  # "com", "with", "entre", "between"
    light_verbs: re.Pattern[str]  # "lançou uma ofensiva": the subject owns the event noun
    participle: re.Pattern[str]  # "medidas tomadas por X": that "por" belongs to "tomadas"
    infinitive: re.Pattern[str]  # "vai analisar": a verb the auxiliary governs instead
    patient_of: re.Pattern[str]  # nouns whose "of X" is the one acted on: "invasion of"
    since_words: frozenset[str]  # "since", "desde": a date after them starts a period
    and_words: frozenset[str]
    and_phrases: frozenset[str]  # "along with", "juntamente com": coordination in two words
    place_markers: frozenset[str]  # "em", "no", "in": a place follows
    topic_markers: frozenset[str]  # "sobre", "about": a topic follows ("concern about X")
    clause_breaks: frozenset[str]
    relative_pronouns: frozenset[str]  # "que", "which": a clause whose subject stands before
    # any trigger of any type, on lowercased text: finds where triggers may start in one pass
    trigger_prefilter: re.Pattern[str] = re.compile(r"(?!x)x")
    # each cue (CUE_NAMES), case-sensitive for lowercased text, and any of them in one pattern
    cue_scan: dict[str, re.Pattern[str]] = field(default_factory=dict)
    cue_prefilter: re.Pattern[str] = re.compile(r"(?!x)x")


def _words(table: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in table.get(key, []))


def _regex(patterns: list[str], where: str, *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!x)x")
    try:
        return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", flags)
    except re.error as exc:
        raise KnowledgeBaseError(f"{where}: bad pattern: {exc}") from exc


def _scan_patterns(
    rule: dict[str, Any], where: str
) -> tuple[tuple[re.Pattern[str], bool, bool], ...]:
    """(pattern, passive, nominal) for each kind of trigger, compiled for lowercased text."""
    kinds = (("nominal", False, True), ("triggers", False, False), ("passive", True, False))
    return tuple(
        (_regex(rule[key], where, flags=0), passive, nominal)
        for key, passive, nominal in kinds
        if rule.get(key)
    )


@functools.lru_cache(maxsize=8)
def load_lexicon(lang: str) -> Lexicon:
    """Read `lexicons/<lang>.toml`; cached, so patterns compile once per process."""
    name = f"{lang}.toml"
    try:
        text = (resources.files("kgload.nlp.lexicons") / name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeBaseError(f"no lexicon for language {lang!r} ({name})") from exc
    data = tomllib.loads(text)
    where = f"lexicons/{name}"
    roles = {k.lower(): tuple(v) for k, v in data["roles"].items()}
    events = []
    for type_name, rule in data["events"].items():
        events.append(
            EventRule(
                type=EventType(type_name),
                triggers=_regex(rule["triggers"], f"{where} [events.{type_name}]"),
                passive=_regex(rule["passive"], where) if rule.get("passive") else None,
                nominal=_regex(rule["nominal"], where) if rule.get("nominal") else None,
                scan=_scan_patterns(rule, f"{where} [events.{type_name}]"),
                confidence=float(rule.get("confidence", 0.7)),
            )
        )
    cues = data["cues"]
    markers = data["markers"]
    cue_lists: dict[str, list[str]] = {**cues, "patient_of": markers.get("patient_of", [])}
    cue_scan = {
        name: _regex(cue_lists[name], where, flags=0) for name in CUE_NAMES if cue_lists.get(name)
    }
    cue_alternatives = [
        pattern.pattern[len(r"(?<!\w)(?:") : -len(r")(?!\w)")] for pattern in cue_scan.values()
    ]
    alternatives = [
        pattern.pattern[len(r"(?<!\w)(?:") : -len(r")(?!\w)")]
        for rule in events
        for pattern, _, _ in rule.scan
    ]
    prefilter = _regex(alternatives, where, flags=0) if alternatives else re.compile(r"(?!x)x")
    return Lexicon(
        lang=lang,
        trigger_prefilter=prefilter,
        cue_scan=cue_scan,
        cue_prefilter=_regex(cue_alternatives, where, flags=0),
        roles=roles,
        person_cues=_words(data["names"], "person_cues"),
        org_cues=_words(data["names"], "org_cues"),
        of_words=_words(markers, "of"),
        possessive=_words(markers, "possessive"),
        determiners=_words(markers, "determiners"),
        group_refs=_regex(cues["group_refs"], where),
        group_refs_people=_regex(cues.get("group_refs_people", []), where),
        group_refs_states=_regex(cues.get("group_refs_states", []), where),
        events=tuple(events),
        planned=_regex(cues["planned"], where),
        planned_aux=_regex(cues.get("planned_aux", []), where),
        speculative_aux=_regex(cues.get("speculative_aux", []), where),
        speculative=_regex(cues["speculative"], where),
        denied=_regex(cues["denied"], where),
        attribution_before=_regex(cues["attribution_before"], where),
        attribution_after=_regex(cues["attribution_after"], where),
        attribution_subject=_regex(cues["attribution_subject"], where),
        attribution_previous=_regex(cues.get("attribution_previous", []), where),
        thanks=_regex(cues.get("thanks", []), where),
        invite=_regex(cues.get("invite", []), where),
        hypothetical=_regex(cues.get("hypothetical", []), where),
        durative=_regex(cues.get("durative", []), where),
        agent_markers=_words(markers, "agent"),
        recipient_markers=_words(markers, "recipient"),
        with_markers=_words(markers, "with"),
        and_words=_words(markers, "and"),
        since_words=_words(markers, "since"),
        patient_of=_regex(markers.get("patient_of", []), where),
        participle=_regex(markers.get("participle", []), where),
        infinitive=_regex(markers.get("infinitive", []), where),
        light_verbs=_regex(cues.get("light_verbs", []), where),
        and_phrases=_words(markers, "and_phrases"),
        place_markers=_words(markers, "place"),
        topic_markers=_words(markers, "topic"),
        clause_breaks=_words(markers, "clause_breaks"),
        relative_pronouns=_words(markers, "relative_pronouns"),
    )
