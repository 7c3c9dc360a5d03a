"""Article → Extraction: the NLP, linking and event stages composed for one or many articles.

`analyze_articles` streams: spaCy batches the texts (`nlp.pipe(as_tuples=True)`) and each
article's metadata rides along, so 100,000 articles never sit in memory at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Doc

from kgload.errors import KgloadError
from kgload.extract.events import Sentence, extract_events
from kgload.linking.kb import Alias, KnowledgeBase
from kgload.linking.linker import link_mentions
from kgload.model import Article, Event, Extraction, Problem
from kgload.nlp.dates import find_dates
from kgload.nlp.lexicon import load_lexicon
from kgload.nlp.pipeline import get_nlp
from kgload.nlp.quantities import find_quantities

__all__ = ["analyze", "analyze_articles", "analyze_doc"]

log = logging.getLogger("kgload")


def _sentences(doc: Doc, text: str) -> list[Sentence]:
    """Sentence spans (whitespace trimmed) with their paragraph number, from the doc's arrays
    rather than Span objects: this runs for every article. `text` is the doc's own text
    (`doc.text` would rebuild it token by token)."""
    starts = [
        int(idx)
        for idx, first in zip(doc.to_array("IDX"), doc.to_array("SENT_START"), strict=True)
        if first == 1
    ] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    bounds = [*starts[1:], len(text)]
    paragraph = 0
    last_end = 0
    result: list[Sentence] = []
    for raw_start, raw_end in zip(starts, bounds, strict=True):
        chunk = text[raw_start:raw_end]
        stripped = chunk.strip()
        if not stripped:
            continue
        start = raw_start + (len(chunk) - len(chunk.lstrip()))
        end = start + len(stripped)
        paragraph += text.count("\n", last_end, start) > 0
        last_end = end
        result.append(Sentence(start, end, paragraph))
    return result


def _dedupe(events: Iterable[Event]) -> tuple[Event, ...]:
    """Events with the same identity (and so the same IRI) become one, evidence pooled."""
    by_key: dict[str, Event] = {}
    for event in events:
        key = event.identity()
        kept = by_key.get(key)
        if kept is None:
            by_key[key] = event
            continue
        evidence = kept.evidence + tuple(e for e in event.evidence if e not in kept.evidence)
        reported = tuple(dict.fromkeys(kept.reported_by + event.reported_by))
        by_key[key] = replace(
            kept,
            evidence=evidence,
            reported_by=reported,
            place=kept.place or event.place,
            personnel=kept.personnel if kept.personnel is not None else event.personnel,
            personnel_bound=kept.personnel_bound or event.personnel_bound,
        )
    return tuple(by_key.values())


def analyze_doc(doc: Doc, article: Article, kb: KnowledgeBase) -> Extraction:
    """Everything kgload reads from one article, given its spaCy doc."""
    lexicon = load_lexicon(article.lang)
    by_text = _alias_table(kb, article.lang)
    linked = link_mentions(doc, article, kb, lexicon, by_text)
    dates = find_dates(article.text, lang=article.lang, published=article.published)
    quantities = find_quantities(article.text, lang=article.lang)
    events = extract_events(
        article,
        _sentences(doc, article.text),
        linked.mentions,
        linked.entities,
        lexicon,
        dates,
        quantities,
    )
    used = {m.key for m in linked.mentions} | {
        m.literal_key for m in linked.mentions if m.literal_key
    }
    for event in events:
        used.update(event.participants)
        used.update(event.reported_by)
        if event.place:
            used.add(event.place)
    entities = tuple(e for key, e in sorted(linked.entities.items()) if key in used)
    return Extraction(
        article=article, entities=entities, mentions=linked.mentions, events=_dedupe(events)
    )


_ALIAS_TABLES: dict[tuple[int, str], dict[str, list[Alias]]] = {}


def _alias_table(kb: KnowledgeBase, lang: str) -> dict[str, list[Alias]]:
    key = (id(kb), lang)
    cached = _ALIAS_TABLES.get(key)
    if cached is not None:
        return cached
    table: dict[str, list[Alias]] = {}
    for alias in kb.aliases_for(lang):
        table.setdefault(alias.text.lower(), []).append(alias)
    _ALIAS_TABLES[key] = table
    return table


def analyze(article: Article, kb: KnowledgeBase, *, model: str | None = None) -> Extraction:
    """Analyse one article (builds or reuses the language's pipeline)."""
    nlp = get_nlp(article.lang, kb, model=model)
    return analyze_doc(nlp(article.text), article, kb)


def analyze_articles(
    articles: Iterable[Article],
    kb: KnowledgeBase,
    *,
    model: str | None = None,
    batch_size: int = 32,
) -> Iterator[Extraction | Problem]:
    """Analyse a stream of articles, batching those of one language through spaCy.

    An article the analysis fails on (a bug in kgload, not bad input) becomes a Problem with
    the code `analysis-failed`, so one odd article never stops a large load.
    """
    batch: list[Article] = []
    for article in articles:
        if batch and batch[-1].lang != article.lang:
            yield from _run(batch, kb, model, batch_size)
            batch = []
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _run(batch, kb, model, batch_size)
            batch = []
    if batch:
        yield from _run(batch, kb, model, batch_size)


def _run(
    batch: list[Article], kb: KnowledgeBase, model: str | None, batch_size: int
) -> Iterator[Extraction | Problem]:
    nlp = get_nlp(batch[0].lang, kb, model=model)
    for doc, article in nlp.pipe(
        ((a.text, a) for a in batch), as_tuples=True, batch_size=batch_size
    ):
        try:
            yield analyze_doc(doc, article, kb)
        except KgloadError:
            raise
        except Exception as exc:  # a bug on one article must not stop the others
            log.exception("analysis failed on %s", article.source)
            yield Problem(
                "analysis-failed",
                f"kgload failed to analyse this article ({type(exc).__name__}: {exc}); "
                "rerun with --debug and report it",
                article.source,
            )
