"""`kgload eval` scoring: which gold event an extracted event is matched with."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kgload.evaluation import score_article
from kgload.model import Article, Event, EventType, Evidence, Extraction, PartialDate


def _extraction(*events: Event) -> Extraction:
    article = Article(id="a", text="x", lang="pt", source="a.txt", published=dt.date(2025, 8, 12))
    return Extraction(article=article, entities=(), mentions=(), events=events)


def _agreement(date: PartialDate) -> Event:
    return Event(
        type=EventType.AGREEMENT,
        participants=("Q7747", "Q56226"),
        evidence=(Evidence("x", 0, 1),),
        date=date,
    )


GOLD: dict[str, Any] = {
    "file": "a.txt",
    "lang": "pt",
    "entities": [],
    "affiliations": {"Q7747": "Q159", "Q56226": "Q423"},
    "events": [
        # an optional look-alike listed first must not take the exact extraction
        {"type": "Agreement", "participants": ["Q7747", "Q56226"], "date": "2025-08-12",
         "status": "Occurred", "required": False},
        {"type": "Agreement", "participants": ["Q159", "Q423"], "date": "2024",
         "status": "Occurred", "required": True},
    ],
}


def test_an_extraction_matches_the_gold_event_with_its_date_not_the_first_look_alike() -> None:
    score = score_article(GOLD, _extraction(_agreement(PartialDate(2024))))

    assert (score.events.tp, score.events.fp, score.events.fn) == (1, 0, 0)
    assert score.date.value == 1.0


def test_with_no_date_agreeing_a_required_gold_event_wins_over_an_optional_one() -> None:
    score = score_article(GOLD, _extraction(_agreement(PartialDate(2023))))

    # the optional one has neither the date nor is required, so the required one wins
    assert (score.events.tp, score.events.fn) == (1, 0)
    assert score.date.value == 0.0


def test_a_directed_extraction_matches_the_gold_event_with_its_direction() -> None:
    """Lula (Brazil) visits the US: an optional, undated "US sends a delegation to Brazil"
    listed first covers the same two sides, but not in this direction."""
    gold: dict[str, Any] = {
        "file": "a.txt",
        "lang": "pt",
        "entities": [],
        "affiliations": {"Q37181": "Q155"},
        "events": [
            {"type": "Visit", "participants": ["Q30", "Q155"], "agent": "Q30",
             "recipient": "Q155", "date": None, "status": "Occurred", "required": False},
            {"type": "Visit", "participants": ["Q37181", "Q30"], "agent": "Q37181",
             "recipient": "Q30", "date": "2023-02-10", "status": "Planned", "required": True},
        ],
    }
    visit = Event(
        type=EventType.VISIT,
        participants=("Q37181", "Q30"),
        evidence=(Evidence("x", 0, 1),),
        agent="Q37181",
        recipient="Q30",
    )
    score = score_article(gold, _extraction(visit))

    assert (score.events.tp, score.events.fp, score.events.fn) == (1, 0, 0)
    assert score.direction.value == 1.0
