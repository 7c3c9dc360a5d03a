"""Extraction speed and memory: `analyze_articles` (NLP + linking + events, no RDF, no store).

Synthetic 600-word articles re-combine the sentences of our example articles (bench/synth.py),
in runs of 250 Portuguese then 250 English articles, each with one sentence of made-up names so
the vocabulary keeps growing. One process, pinned to one core, default pipeline (kgload's own
trained pipeline parses the sentences that may hold an event); rates are per second of this
process's CPU time (`time.process_time`), with the wall-clock rate in the note. The articles are
generated as the run consumes them, so the stream itself holds no memory; each extraction is
counted and dropped.

Beside it, in the same run and on the same articles: the tokenizer alone (the floor no pipeline
can beat), the `blank` setting (rules, linking, no parse), and the share of sentences parsed.

Memory: VmRSS after a warm-up (both pipelines built, first checkpoint) and at the end; the target
is on the growth between the two.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator

from bench import Row, Target, peak_rss_mb, pinned_to_one_core, progress, rss_mb
from bench.synth import extraction_articles
from kgload.extract.analyze import STAGES, analyze_articles, candidate_sentences
from kgload.linking.kb import KnowledgeBase, load_kb
from kgload.linking.linker import link_mentions
from kgload.model import Article
from kgload.nlp.grammar import load_grammar
from kgload.nlp.lexicon import load_lexicon
from kgload.nlp.parse import BLANK
from kgload.nlp.pipeline import get_nlp

__all__ = ["GROWTH_TARGET", "SPEED_TARGET", "run"]

SPEED_TARGET = Target(">=", 50)
GROWTH_TARGET = Target("<", 50)
_WORDS = 600


def run(quick: bool = False) -> list[Row]:
    total = 1_000 if quick else 10_000
    first_checkpoint = total // 10
    kb = load_kb()
    words = 0

    def counted(articles: Iterator[Article]) -> Iterator[Article]:
        nonlocal words
        for article in articles:
            words += len(article.text.split())
            yield article

    with pinned_to_one_core():
        progress("extraction: warm-up (building the pt and en pipelines)")
        for _ in analyze_articles(extraction_articles(40, block=20, seed=99), kb):
            pass
        # What generating the synthetic stream costs on its own (it is inside the timed loop).
        start = time.perf_counter()
        for _ in extraction_articles(min(total, 1_000)):
            pass
        generation = (time.perf_counter() - start) / min(total, 1_000)

        rss_start = rss_mb()
        rss_checkpoint = rss_start
        events = mentions = 0
        start, start_cpu = time.perf_counter(), time.process_time()
        done = 0
        for done, extraction in enumerate(
                analyze_articles(counted(extraction_articles(total, words=_WORDS)), kb), start=1):
            events += len(extraction.events)
            mentions += len(extraction.mentions)
            if done == first_checkpoint:
                rss_checkpoint = rss_mb()
            if done % (total // 10) == 0:
                cpu = time.process_time() - start_cpu
                progress(f"extraction: {done:,}/{total:,} articles, {done / cpu:.1f}/s CPU, "
                         f"{done / (time.perf_counter() - start):.1f}/s wall, "
                         f"RSS {rss_mb():.0f} MB")
        cpu = time.process_time() - start_cpu
        wall = time.perf_counter() - start
        rss_end = rss_mb()

    sample = min(total, 1_000)
    floor = _tokenizer_rate(kb, sample)
    blank_rate = _blank_rate(kb, sample)
    parsed, sentences = _parsed_share(kb, min(total, 300))
    stages = _stage_seconds(kb, min(total, 300))
    rate = done / cpu
    growth = rss_end - rss_checkpoint
    note = (f"{done:,} articles, {words / done:.0f} words each, {events:,} events, "
            f"{mentions:,} mentions; synthetic generation {generation * 1000:.2f} ms/article "
            f"included; wall clock {done / wall:.1f}/s")
    return [
        Row.measured("extraction: articles/s (600 words)", round(done / cpu, 1), "articles/s",
                     SPEED_TARGET, note),
        Row.measured("extraction: words/s", round(words / cpu), "words/s"),
        Row.measured("extraction: tokenizer alone (floor), articles/s", round(floor, 1),
                     "articles/s", note=f"{sample:,} of the same articles, one core; the full "
                     f"pipeline runs at {rate / floor:.3f} of it"),
        Row.measured("extraction: blank setting (rules + linking, no parse), articles/s",
                     round(blank_rate, 1), "articles/s",
                     note=f"{sample:,} of the same articles; the parse and the events read "
                     f"from it cost {1 - rate / blank_rate:.0%} of the default pipeline's time"
                     if blank_rate else None),
        *_stage_rows(stages, min(total, 300)),
        Row.measured("extraction: sentences parsed", round(100 * parsed / sentences, 1), "%",
                     note=f"{parsed:,} of {sentences:,} sentences in {min(total, 300)} articles "
                     "may hold an event and are parsed"),
        Row.measured(f"extraction: RSS growth {first_checkpoint:,} → {total:,} articles",
                     round(growth, 1), "MB", GROWTH_TARGET,
                     f"VmRSS {rss_checkpoint:.0f} MB at {first_checkpoint:,}, "
                     f"{rss_end:.0f} MB at {total:,}"),
        Row.measured("extraction: RSS growth after warm-up → end", round(rss_end - rss_start, 1),
                     "MB", note=f"VmRSS {rss_start:.0f} MB after warm-up; peak "
                     f"{peak_rss_mb():.0f} MB"),
    ]


def _stage_rows(stages: dict[str, float], count: int) -> list[Row]:
    """The statistical parse's share of the CPU time, and the rate a free parse would allow."""
    staged = sum(stages.values())
    return [
        Row.measured("extraction: statistical parse, share of the time",
                     round(100 * stages["parse"] / staged, 1), "%",
                     note=f"{count} of the same articles, CPU time by stage: "
                     + ", ".join(f"{_STAGE_NAMES[k]} {stages[k] / staged:.0%}" for k in STAGES)),
        Row.measured("extraction: ceiling with a free parse, articles/s",
                     round(count / (staged - stages["parse"]), 1), "articles/s",
                     note="the same articles if the statistical parse cost nothing: every "
                     "other stage's time (the rules, the repairs and the events stay)"),
    ]


def _tokenizer_rate(kb: KnowledgeBase, count: int) -> float:
    """Articles per CPU second through the language's tokenizer alone."""
    articles = list(extraction_articles(count, words=_WORDS))
    tokenizers = {lang: get_nlp(lang, kb).tokenizer for lang in {a.lang for a in articles}}
    with pinned_to_one_core():
        start = time.process_time()
        for article in articles:
            tokenizers[article.lang](article.text)
        return len(articles) / (time.process_time() - start)


def _blank_rate(kb: KnowledgeBase, count: int) -> float:
    for _ in analyze_articles(extraction_articles(20, block=20, seed=98), kb, model=BLANK):
        pass
    with pinned_to_one_core():
        start = time.process_time()
        done = sum(
            1 for _ in analyze_articles(extraction_articles(count, words=_WORDS), kb, model=BLANK)
        )
        return done / (time.process_time() - start)


_STAGE_NAMES = {
    "rules": "tokenizer, rules and linking",
    "candidates": "sentences, dates and numbers",
    "parse": "statistical parse",
    "repairs": "parse repairs",
    "events": "events from the trees",
}


def _stage_seconds(kb: KnowledgeBase, count: int) -> dict[str, float]:
    """CPU seconds by stage of the default pipeline (`analyze_articles(stage_seconds=...)`)."""
    seconds = dict.fromkeys(STAGES, 0.0)
    with pinned_to_one_core():
        for _ in analyze_articles(extraction_articles(count, words=_WORDS), kb,
                                  stage_seconds=seconds):
            pass
    return seconds


def _parsed_share(kb: KnowledgeBase, count: int) -> tuple[int, int]:
    """Sentences that pass the prefilter and are parsed, and all sentences."""
    parsed = total = 0
    for article in extraction_articles(count, words=_WORDS):
        nlp = get_nlp(article.lang, kb)
        doc = nlp(article.text)
        linked = link_mentions(doc, article, kb, load_lexicon(article.lang), _aliases(kb, article))
        candidates, sentences = candidate_sentences(doc, linked, load_grammar(article.lang))
        parsed += len(candidates)
        total += sentences
    return parsed, total


def _aliases(kb: KnowledgeBase, article: Article) -> dict[str, list[object]]:
    return kb.alias_table(article.lang)  # type: ignore[return-value]


if __name__ == "__main__":
    for row in run("--quick" in sys.argv):
        print(row)
