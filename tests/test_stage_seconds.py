"""`analyze_articles(stage_seconds=...)`: CPU time by stage, for the extraction benchmark's
breakdown, without changing what is extracted."""

from __future__ import annotations

import datetime as dt

import pytest

from kgload.extract.analyze import STAGES, analyze_articles
from kgload.linking.kb import KnowledgeBase, load_kb
from kgload.model import Article, Extraction
from kgload.nlp.parse import BLANK

TEXTS = {
    "en": "President Joe Biden met Chinese President Xi Jinping on Wednesday in Woodside. "
    "Russia sent more than 10,000 troops to Syria last month.",
    "pt": "O presidente Lula recebeu o presidente angolano João Lourenço em Brasília nesta "
    "quarta-feira. A Rússia enviou tropas à Síria.",
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _articles() -> list[Article]:
    return [
        Article(
            id=f"stage-{lang}",
            text=text,
            lang=lang,
            published=dt.date(2023, 11, 15),
            source=f"stage-{lang}.txt",
            url=f"https://example.org/{lang}",
            title="stages",
        )
        for lang, text in TEXTS.items()
    ]


def _events(results: list[object]) -> list[list[tuple[str, tuple[str, ...]]]]:
    found = []
    for result in results:
        assert isinstance(result, Extraction), result
        found.append([(e.type.value, e.participants) for e in result.events])
    return found


def test_every_stage_is_timed_and_the_events_are_the_same(kb: KnowledgeBase) -> None:
    seconds: dict[str, float] = {}
    timed = list(analyze_articles(_articles(), kb, stage_seconds=seconds))
    plain = list(analyze_articles(_articles(), kb))
    assert set(seconds) == set(STAGES)
    assert all(value >= 0 for value in seconds.values())
    assert seconds["parse"] > 0  # the statistical parse ran on the sentences with events
    assert _events(timed) == _events(plain)
    assert any(_events(timed))


def test_blank_pipeline_times_no_parse(kb: KnowledgeBase) -> None:
    seconds: dict[str, float] = {}
    list(analyze_articles(_articles(), kb, model=BLANK, stage_seconds=seconds))
    assert "parse" not in seconds and "repairs" not in seconds
    assert {"rules", "candidates", "events"} <= set(seconds)


def test_times_add_up_over_calls(kb: KnowledgeBase) -> None:
    seconds: dict[str, float] = {}
    list(analyze_articles(_articles()[:1], kb, stage_seconds=seconds))
    first = dict(seconds)
    list(analyze_articles(_articles()[:1], kb, stage_seconds=seconds))
    assert all(seconds[stage] >= first[stage] for stage in first)
