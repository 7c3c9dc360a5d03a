"""Linking speed: `link_mentions` alone, over spaCy docs built beforehand.

Synthetic Portuguese and English news text (bench/synth.py) mixes KB names, role phrases ("o
presidente da Rússia", "the Russian President"), demonyms, surnames, capitals standing for their
state and made-up names that must stay unknown. The docs (tokens, sentences, gazetteer
candidates) are built first with the default pipeline; only the linker stage is timed, over all
docs, three times; the fastest pass counts. Rates are per second of this process's CPU time
(`time.process_time`, pinned to one CPU), which other processes on the machine cannot inflate;
the wall-clock rate is in the note. A mention is one entry of `LinkResult.mentions`.
"""

from __future__ import annotations

import sys
import time

from bench import Row, Target, pinned_to_one_core, progress
from bench.synth import linking_articles
from kgload.linking.kb import load_kb
from kgload.linking.linker import link_mentions
from kgload.nlp.lexicon import load_lexicon
from kgload.nlp.pipeline import Gazetteer, get_nlp

__all__ = ["TARGET", "run"]

TARGET = Target(">=", 20_000)
_PASSES = 3


def run(quick: bool = False) -> list[Row]:
    kb = load_kb()
    n_docs = 120 if quick else 800
    rows: list[Row] = []
    total_mentions = 0
    total_seconds = 0.0
    with pinned_to_one_core():
        for lang in ("pt", "en"):
            articles = linking_articles(kb, lang, n_docs)
            nlp = get_nlp(lang, kb)
            gazetteer = nlp.get_pipe("kgload_gazetteer_v1")
            assert isinstance(gazetteer, Gazetteer)
            by_text = gazetteer.by_text
            lexicon = load_lexicon(lang)
            progress(f"linking/{lang}: building {n_docs} docs")
            docs = list(nlp.pipe((a.text for a in articles), batch_size=64))
            pairs = list(zip(docs, articles, strict=True))
            words = sum(1 for doc in docs for tok in doc if not tok.is_punct and not tok.is_space)
            candidates = sum(len(doc.spans["kg_aliases"]) + len(doc.spans["kg_roles"])
                             for doc in docs)
            for doc, article in pairs[:20]:  # warm-up: caches, lazily built indexes
                link_mentions(doc, article, kb, lexicon, by_text)
            best = best_wall = float("inf")
            mentions = unknown = 0
            for number in range(_PASSES):
                mentions = unknown = 0
                start, start_cpu = time.perf_counter(), time.process_time()
                for doc, article in pairs:
                    result = link_mentions(doc, article, kb, lexicon, by_text)
                    mentions += len(result.mentions)
                    unknown += sum(1 for m in result.mentions if m.method == "unknown")
                cpu = time.process_time() - start_cpu
                wall = time.perf_counter() - start
                best, best_wall = min(best, cpu), min(best_wall, wall)
                progress(f"linking/{lang}: pass {number + 1}: {mentions:,} mentions in "
                         f"{cpu:.2f} s CPU, {wall:.2f} s wall ({mentions / cpu:,.0f}/s)")
            total_mentions += mentions
            total_seconds += best
            note = (f"{n_docs} docs, {words:,} words, {candidates:,} gazetteer candidates, "
                    f"{mentions:,} mentions ({unknown:,} unknown names); best of {_PASSES}; "
                    f"wall clock {mentions / best_wall:,.0f}/s")
            rows.append(Row.measured(f"linking {lang}: mentions/s", round(mentions / best),
                                     "mentions/s", TARGET, note))
            rows.append(Row.measured(f"linking {lang}: docs/s", round(n_docs / best, 1), "docs/s",
                                     note=f"{words / n_docs:.0f} words per doc"))
            del docs, pairs
    rows.insert(0, Row.measured("linking pt+en: mentions/s", round(total_mentions / total_seconds),
                                "mentions/s", TARGET, "one core, linker stage only"))
    return rows


if __name__ == "__main__":
    for row in run("--quick" in sys.argv):
        print(row)
