"""`kgload eval`: score kgload against gold-annotated articles (the format of the corpus README).

Entities: per article, the set of QIDs kgload links (mentions and event roles) against the gold
entities with a QID; `required: false` ones are neither needed nor penalised. Events: an
extracted event matches an unused gold event of the same type when it covers at least
min(2, number of gold participants) of them, a person also covering its state and vice versa;
of several such gold events, the one with the same date, then status, then a required one.
Date, status, reported-by and personnel are scored on matched required events; direction on
matched required events of the directed types whose gold names both an agent and a recipient
(the extracted agent must cover the gold agent and the recipient the gold recipient). A missed
event is listed with its gold evidence, so a miss can be read where it happened.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kgload.errors import UsageError
from kgload.extract.analyze import analyze
from kgload.linking.kb import KnowledgeBase
from kgload.model import Article, Event, Extraction
from kgload.sources import parse_article_text

__all__ = ["ArticleScore", "EvalReport", "Score", "evaluate_corpus", "score_article"]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1


@dataclass
class ArticleScore:
    file: str
    lang: str
    entities: Score
    events: Score
    missed_entities: list[str]
    wrong_entities: list[str]
    missed_events: list[str]
    wrong_events: list[str]
    date: Accuracy = field(default_factory=Accuracy)
    status: Accuracy = field(default_factory=Accuracy)
    reported_by: Accuracy = field(default_factory=Accuracy)
    personnel: Accuracy = field(default_factory=Accuracy)
    direction: Accuracy = field(default_factory=Accuracy)
    attribute_misses: list[str] = field(default_factory=list)


@dataclass
class EvalReport:
    articles: list[ArticleScore]

    def by_language(self) -> dict[str, dict[str, Any]]:
        """Totals per language and overall ("all")."""
        groups: dict[str, list[ArticleScore]] = defaultdict(list)
        for article in self.articles:
            groups[article.lang].append(article)
            groups["all"].append(article)
        result: dict[str, dict[str, Any]] = {}
        for lang, items in sorted(groups.items()):
            entities, events = Score(), Score()
            accuracies = {
                k: Accuracy() for k in ("date", "status", "reported_by", "personnel", "direction")
            }
            for item in items:
                entities.add(item.entities)
                events.add(item.events)
                for key, acc in accuracies.items():
                    mine: Accuracy = getattr(item, key)
                    acc.right += mine.right
                    acc.total += mine.total
            result[lang] = {
                "articles": len(items),
                "entities": entities,
                "events": events,
                **accuracies,
            }
        return result


def _gold_affiliations(gold: Mapping[str, Any]) -> dict[str, str]:
    return {str(k): str(v) for k, v in (gold.get("affiliations") or {}).items()}


def _covered(
    gold_participant: str,
    extracted: set[str],
    affiliations: Mapping[str, str],
    entity_states: Mapping[str, str],
) -> bool:
    if gold_participant in extracted:
        return True
    state = affiliations.get(gold_participant)
    if state is not None and state in extracted:
        return True
    # a state is covered by one of its people
    return any((affiliations.get(e) or entity_states.get(e)) == gold_participant for e in extracted)


def _describe(event: Mapping[str, Any] | Event) -> str:
    if isinstance(event, Event):
        return (
            f"{event.type.value}({', '.join(event.participants)}) "
            f"{event.date.iso() if event.date else '-'} {event.status.value}"
        )
    return (
        f"{event['type']}({', '.join(event['participants'])}) {event.get('date') or '-'} "
        f"{event.get('status')}"
    )


def score_article(gold: Mapping[str, Any], extraction: Extraction) -> ArticleScore:
    """Entity and event scores of one article against its gold annotation."""
    affiliations = _gold_affiliations(gold)
    entity_states = {e.key: e.country for e in extraction.entities if e.country}
    linked: set[str] = {m.key for m in extraction.mentions if m.key.startswith("Q")}
    linked |= {m.literal_key for m in extraction.mentions if m.literal_key}
    for event in extraction.events:
        linked.update(k for k in event.participants if k.startswith("Q"))
        linked.update(k for k in event.reported_by if k.startswith("Q"))
        if event.place and event.place.startswith("Q"):
            linked.add(event.place)
    required = {e["qid"] for e in gold["entities"] if e.get("qid") and e.get("required", True)}
    optional = {e["qid"] for e in gold["entities"] if e.get("qid") and not e.get("required", True)}
    entities = Score(
        tp=len(linked & required), fp=len(linked - required - optional), fn=len(required - linked)
    )
    names = {e["qid"]: e["name"] for e in gold["entities"] if e.get("qid")}

    score = ArticleScore(
        file=str(gold.get("file", "")),
        lang=str(gold.get("lang", "")),
        entities=entities,
        events=Score(),
        missed_entities=[f"{q} {names.get(q, '')}" for q in sorted(required - linked)],
        wrong_entities=sorted(linked - required - optional),
        missed_events=[],
        wrong_events=[],
    )
    gold_events = list(gold.get("events", []))
    used: set[int] = set()
    for event in extraction.events:
        extracted = set(event.participants)
        match = _best_match(event, extracted, gold_events, used, affiliations, entity_states)
        if match is None:
            score.events.fp += 1
            score.wrong_events.append(_describe(event))
            continue
        used.add(match)
        candidate = gold_events[match]
        if not candidate.get("required", True):
            continue
        score.events.tp += 1
        _score_attributes(score, candidate, event, affiliations, entity_states)
    for index, candidate in enumerate(gold_events):
        if index not in used and candidate.get("required", True):
            score.events.fn += 1
            evidence = str(candidate.get("evidence") or "")
            score.missed_events.append(
                _describe(candidate) + (f" «{evidence}»" if evidence else "")
            )
    return score


def _best_match(
    event: Event,
    extracted: set[str],
    gold_events: Sequence[Mapping[str, Any]],
    used: set[int],
    affiliations: Mapping[str, str],
    entity_states: Mapping[str, str],
) -> int | None:
    """The unused gold event this extraction stands for, or None.

    Among the gold events it covers, one whose agent and recipient it has (for directed types)
    wins, then the same date, then the same status, then a required one, then the first: an exact
    extraction of a required event must not be spent on an optional look-alike listed before it,
    nor "Lula visits the US" on "the US sends a delegation to Brazil" because both are undated.
    """
    date = event.date.iso() if event.date else None
    best: tuple[tuple[bool, bool, bool, bool, int], int] | None = None
    for index, candidate in enumerate(gold_events):
        if index in used or candidate["type"] != event.type.value:
            continue
        participants = candidate["participants"]
        covered = sum(_covered(p, extracted, affiliations, entity_states) for p in participants)
        if covered < min(2, len(participants)):
            continue
        rank = (
            _same_direction(event, candidate, affiliations, entity_states),
            candidate.get("date") == date,
            candidate.get("status", "Occurred") == event.status.value,
            bool(candidate.get("required", True)),
            -index,
        )
        if best is None or rank > best[0]:
            best = (rank, index)
    return None if best is None else best[1]


def _same_direction(
    event: Event,
    gold: Mapping[str, Any],
    affiliations: Mapping[str, str],
    entity_states: Mapping[str, str],
) -> bool:
    """Whether a directed extraction has the gold event's agent and recipient (True for the
    undirected types and for gold events without both)."""
    agent, recipient = gold.get("agent"), gold.get("recipient")
    if not (event.type.is_directed and agent and recipient):
        return True
    return _covered(str(agent), {event.agent or ""}, affiliations, entity_states) and _covered(
        str(recipient), {event.recipient or ""}, affiliations, entity_states
    )


def _score_attributes(
    score: ArticleScore,
    gold: Mapping[str, Any],
    event: Event,
    affiliations: Mapping[str, str],
    entity_states: Mapping[str, str],
) -> None:
    label = _describe(gold)
    date_ok = (event.date.iso() if event.date else None) == gold.get("date")
    score.date.add(date_ok)
    if not date_ok:
        score.attribute_misses.append(
            f"date {event.date.iso() if event.date else None} != {gold.get('date')}: {label}"
        )
    status_ok = event.status.value == gold.get("status", "Occurred")
    score.status.add(status_ok)
    if not status_ok:
        score.attribute_misses.append(f"status {event.status.value}: {label}")
    gold_sources = list(gold.get("reported_by") or [])
    if gold_sources:
        ok = any(
            _covered(s, set(event.reported_by), affiliations, entity_states) for s in gold_sources
        )
    else:
        ok = not event.reported_by
    score.reported_by.add(ok)
    if not ok:
        score.attribute_misses.append(f"reported_by {list(event.reported_by)}: {label}")
    if event.type.is_directed and gold.get("agent") and gold.get("recipient"):
        ok = _same_direction(event, gold, affiliations, entity_states)
        score.direction.add(ok)
        if not ok:
            score.attribute_misses.append(f"direction {event.agent} → {event.recipient}: {label}")
    if gold.get("personnel") is not None or event.personnel is not None:
        ok = gold.get("personnel") == event.personnel
        score.personnel.add(ok)
        if not ok:
            score.attribute_misses.append(f"personnel {event.personnel}: {label}")


def _pairs(directory: Path) -> Iterable[tuple[Path, Path]]:
    gold_dir = directory / "gold" if (directory / "gold").is_dir() else directory
    for gold_path in sorted(gold_dir.glob("*.json")):
        text_path = directory / (gold_path.stem + ".txt")
        if text_path.is_file():
            yield text_path, gold_path


def evaluate_corpus(directory: Path, kb: KnowledgeBase, *, model: str | None = None) -> EvalReport:
    """Run kgload over every `<stem>.txt` with a gold `<stem>.json` (or `gold/<stem>.json`)."""
    if not directory.is_dir():
        raise UsageError(f"{directory}: not a folder of articles with gold files")
    articles: list[ArticleScore] = []
    for text_path, gold_path in _pairs(directory):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise UsageError(f"{gold_path}: cannot read gold file: {exc}") from exc
        raw = text_path.read_text(encoding="utf-8")
        article = parse_article_text(raw, source=str(text_path), default_lang=gold.get("lang"))
        if not isinstance(article, Article):
            raise UsageError(str(article))
        articles.append(score_article(gold, analyze(article, kb, model=model)))
    if not articles:
        raise UsageError(f"{directory}: no <name>.txt with a gold <name>.json found")
    return EvalReport(articles)


def summary_rows(report: EvalReport) -> Sequence[dict[str, str]]:
    """One row per language and overall, for the CLI's table."""
    rows = []
    for lang, totals in report.by_language().items():
        ent: Score = totals["entities"]
        evt: Score = totals["events"]
        rows.append(
            {
                "lang": lang,
                "articles": str(totals["articles"]),
                "entity_P": f"{ent.precision:.3f}",
                "entity_R": f"{ent.recall:.3f}",
                "entity_F1": f"{ent.f1:.3f}",
                "event_P": f"{evt.precision:.3f}",
                "event_R": f"{evt.recall:.3f}",
                "event_F1": f"{evt.f1:.3f}",
                "date_acc": f"{totals['date'].value:.3f}",
                "status_acc": f"{totals['status'].value:.3f}",
                "reported_by_acc": f"{totals['reported_by'].value:.3f}",
                "personnel_acc": f"{totals['personnel'].value:.3f}",
                "direction_acc": f"{totals['direction'].value:.3f}",
            }
        )
    return rows
