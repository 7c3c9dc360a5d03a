"""Frozen records that flow between the pipeline stages.

Nothing here does I/O: an `Article` comes in, `Mention`s, `Entity`s and `Event`s come out, and
the RDF writer turns them into quads. Keeping them plain values makes every stage a pure function
that tests can call without a store, a network or a file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

__all__ = [
    "Article",
    "Bound",
    "Entity",
    "EntityKind",
    "Event",
    "EventType",
    "Evidence",
    "Extraction",
    "LoadReport",
    "Mention",
    "PartialDate",
    "Precision",
    "Problem",
    "ProgressCallback",
    "Status",
    "local_key",
]

# `progress(done, total, item)`: how far a long job is (`total` None when unknown), for a bar.
ProgressCallback = Callable[[int, int | None, str], None]


class EntityKind(StrEnum):
    """The four kinds of thing the ontology knows; the value is the `kg:` class name."""

    PERSON = "Person"
    STATE = "State"
    ORGANIZATION = "Organization"
    PLACE = "Place"


class EventType(StrEnum):
    """The ten event classes of the ontology contract; the value is the `kg:` class name."""

    MEETING = "Meeting"
    PHONE_CALL = "PhoneCall"
    VISIT = "Visit"
    AGREEMENT = "Agreement"
    SUPPORT = "Support"
    MILITARY_AID = "MilitaryAid"
    TROOP_DEPLOYMENT = "TroopDeployment"
    SANCTION = "Sanction"
    ATTACK = "Attack"
    CONDEMNATION = "Condemnation"

    @property
    def is_directed(self) -> bool:
        """True when the event has an agent acting on a recipient rather than peers."""
        return self not in {EventType.MEETING, EventType.PHONE_CALL, EventType.AGREEMENT}


class Status(StrEnum):
    """Whether the article says the event happened, is planned, is only possible, or is denied."""

    OCCURRED = "Occurred"
    PLANNED = "Planned"
    SPECULATIVE = "Speculative"
    DENIED = "Denied"


class Bound(StrEnum):
    """How a stated number relates to the real one ("mais de 10 mil" is AT_LEAST 10000)."""

    AT_LEAST = "AtLeast"
    AT_MOST = "AtMost"
    APPROXIMATELY = "Approximately"
    EXACTLY = "Exactly"


class Precision(StrEnum):
    """How much of a date the text gives; the RDF datatype (date, gYearMonth, gYear) carries it."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to the day, the month or only the year.

    >>> PartialDate(2024).iso()
    '2024'
    >>> PartialDate(2025, 8, 12).precision
    <Precision.DAY: 'day'>
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a PartialDate with a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            assert self.month is not None
            dt.date(self.year, self.month, self.day)  # raises ValueError on 31 February

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def iso(self) -> str:
        """ISO 8601 text at the date's own precision: `2025-08-12`, `2025-08` or `2025`."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError otherwise."""
        parts = text.strip().split("-")
        if (
            not 1 <= len(parts) <= 3
            or not all(p.isdigit() for p in parts)
            or not 1 <= len(parts[0]) <= 4
        ):
            raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        numbers = [int(p) for p in parts]
        return cls(*numbers)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)


def _frozen_mapping(value: Mapping[str, str] | None = None) -> Mapping[str, str]:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, as read from a file or a JSON Lines record.

    `text` is the NFC-normalised body: every offset in the graph points into it. `source` names
    where it came from (``path`` or ``path:line``) so that problems can say which input was bad.
    """

    id: str
    text: str
    lang: str
    source: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    metadata: Mapping[str, str] = field(default_factory=_frozen_mapping)


def local_key(label: str) -> str:
    """The key of an entity the knowledge base does not know: `local:` plus a slug of its label.

    >>> local_key("Choe Son Hui")
    'local:choe-son-hui'
    """
    import unicodedata

    ascii_text = (
        unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii").lower()
    )
    slug = "-".join("".join(c if c.isalnum() else " " for c in ascii_text).split())
    return f"local:{slug or 'unnamed'}"


@dataclass(frozen=True, slots=True)
class Entity:
    """An actor or place, linked (`key` is a Wikidata QID like ``Q7747``) or local (``local:slug``).

    `labels` maps a language code to a label; `country` is the state a person, place or
    organisation belongs to, when the knowledge base knows it. `kind` is None for an unknown name
    whose context does not say what it is (written as a plain `kg:Actor`).
    """

    key: str
    kind: EntityKind | None
    label: str
    labels: Mapping[str, str] = field(default_factory=_frozen_mapping)
    country: str | None = None

    @property
    def qid(self) -> str | None:
        return self.key if self.key.startswith("Q") else None

    @property
    def is_linked(self) -> bool:
        return self.qid is not None


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of article text that names an entity.

    `method` says how it was resolved (``name``, ``alias``, ``demonym``, ``role``, ``metonym``,
    ``coreference``, ``speaker`` for a transcript's label, ``unknown``). For a metonym ("o
    Kremlin disse"), `key` is the actor the text means (the state) and `literal_key` the place
    it literally names.
    """

    start: int
    end: int
    text: str
    key: str
    kind: EntityKind | None
    method: str
    literal_key: str | None = None
    sentence: int = 0


@dataclass(frozen=True, slots=True)
class Evidence:
    """The quote an event was read from, with code-point offsets into `Article.text`."""

    quote: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event stated by an article.

    `participants` always holds every actor, agent and recipient included; actors and places are
    entity keys. `date` is None when the text gives none.
    """

    type: EventType
    participants: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    agent: str | None = None
    recipient: str | None = None
    date: PartialDate | None = None
    place: str | None = None
    status: Status = Status.OCCURRED
    personnel: int | None = None
    personnel_bound: Bound | None = None
    reported_by: tuple[str, ...] = ()
    confidence: float = 0.5
    trigger: str = ""

    def identity(self) -> str:
        """The normalised key of the real-world event: type, sorted participants, date.

        Speculative and denied claims carry their status: "a possible second group of troops"
        is a different assertion from the deployment that happened. A directed event with its
        agent carries it too: Israel's strikes on Iran and Iran's drones on Israel the same day
        are two attacks, not one.
        """
        parts = [
            self.type.value,
            ",".join(sorted(set(self.participants))),
            self.date.iso() if self.date else "",
        ]
        if self.status in (Status.SPECULATIVE, Status.DENIED):
            parts.append(self.status.value)
        if self.type.is_directed and self.agent:
            parts.append(f"by {self.agent}")
        return "|".join(parts)

    def __post_init__(self) -> None:
        if not self.participants:
            raise ValueError("an event needs at least one participant")
        for role in (self.agent, self.recipient):
            if role is not None and role not in self.participants:
                raise ValueError(f"{role} is an agent/recipient but not a participant")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence out of range: {self.confidence}")
        if self.personnel is not None and self.personnel < 0:
            raise ValueError("personnel must be non-negative")


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the pipeline learned from one article, before it becomes RDF."""

    article: Article
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one input item: reported, never raised, so the rest goes on.

    `code` is stable and documented (``unreadable-file``, ``not-utf8``, ``empty-article``,
    ``unknown-language``, ``bad-header``, ``shacl-violation`` …); `source` names the file and line.
    """

    code: str
    message: str
    source: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message} [{self.code}]"


@dataclass(frozen=True, slots=True)
class LoadReport:
    """What an ingest or load did: counts, and the problems with single items."""

    documents: int = 0
    events: int = 0
    entities: int = 0
    quads: int = 0
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def merge(self, other: LoadReport) -> LoadReport:
        return LoadReport(
            documents=self.documents + other.documents,
            events=self.events + other.events,
            entities=self.entities + other.entities,
            quads=self.quads + other.quads,
            problems=self.problems + other.problems,
        )
