"""Extraction speed and memory: `analyze_articles` (NLP + linking + events, no RDF, no store).

Synthetic 600-word articles re-combine the sentences of our example articles (bench/synth.py),
in runs of 250 Portuguese then 250 English articles, each with one sentence of made-up names so
the vocabulary keeps growing. One process, pinned to one core, default pipeline
(`spacy.blank(lang)` + kgload's components); rates are per second of this process's CPU time
(`time.process_time`), with the wall-clock rate in the note. The articles are generated as the
run consumes them, so the stream itself holds no memory; each extraction is counted and dropped.

Memory: VmRSS after a warm-up (both pipelines built, first checkpoint) and at the end; the target
is on the growth between the two.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator

from bench import Row, Target, peak_rss_mb, pinned_to_one_core, progress, rss_mb
from bench.synth import extraction_articles
from kgload.extract.analyze import analyze_articles
from kgload.linking.kb import load_kb
from kgload.model import Article

__all__ = ["GROWTH_TARGET", "SPEED_TARGET", "run"]

SPEED_TARGET = Target(">=", 100)
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

    growth = rss_end - rss_checkpoint
    note = (f"{done:,} articles, {words / done:.0f} words each, {events:,} events, "
            f"{mentions:,} mentions; synthetic generation {generation * 1000:.2f} ms/article "
            f"included; wall clock {done / wall:.1f}/s")
    return [
        Row.measured("extraction: articles/s (600 words)", round(done / cpu, 1), "articles/s",
                     SPEED_TARGET, note),
        Row.measured("extraction: words/s", round(words / cpu), "words/s"),
        Row.measured(f"extraction: RSS growth {first_checkpoint:,} → {total:,} articles",
                     round(growth, 1), "MB", GROWTH_TARGET,
                     f"VmRSS {rss_checkpoint:.0f} MB at {first_checkpoint:,}, "
                     f"{rss_end:.0f} MB at {total:,}"),
        Row.measured("extraction: RSS growth after warm-up → end", round(rss_end - rss_start, 1),
                     "MB", note=f"VmRSS {rss_start:.0f} MB after warm-up; peak "
                     f"{peak_rss_mb():.0f} MB"),
    ]


if __name__ == "__main__":
    for row in run("--quick" in sys.argv):
        print(row)
