"""Scale: N generated articles end to end on Dask, every core, then into on-disk Oxigraph.

`python -m bench scale [--articles N]` (default 100,000; `--quick` 2,000). The articles are the
extraction benchmark's synthetic 600-word ones (bench/synth.py), written once to a `.jsonl`
batch in bench/out. In one run:

1. a `LocalCluster` with one single-threaded worker process per usable core, pipelines built
   on every worker first (not timed), extracts all N articles with `kgload.cluster.
   extract_files` into part files (250 articles per partition);
2. a one-worker `LocalCluster`, warmed up the same way, extracts a subset (the first
   max(500, N/20) articles, the same mix of languages) into other parts: the speed-up is the
   ratio of the two rates, both wall clock;
3. the parts of step 1 are landed in a new on-disk Oxigraph store with `kgload.loader.
   load_parts` (one bulk load), which is then closed (flushed) and measured on disk.

Memory: each worker's VmRSS after the warm-up and its peak (`ru_maxrss`) at the end of step 1;
flat means the peak is not much above the warm-up value however many articles went through.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import OUT_DIR, Row, Target, progress
from bench.synth import extraction_articles
from kgload.config import Settings

__all__ = ["DEFAULT_ARTICLES", "SPEEDUP_TARGET", "run"]

DEFAULT_ARTICLES = 100_000
QUICK_ARTICLES = 2_000
SPEEDUP_TARGET = Target(">=", 1.8)
_PARTITION = 250
_VERSION = 1


def _articles_file(n: int) -> Path:
    """The N synthetic articles as a JSON Lines batch (written once, then reused)."""
    path = OUT_DIR / f"scale-{n}-v{_VERSION}.jsonl"
    if path.exists():
        return path
    progress(f"scale: writing {n:,} synthetic articles to {path}")
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as handle:
        for article in extraction_articles(n):
            record = {"text": article.text, "lang": article.lang, "url": article.url,
                      "title": article.title, "outlet": article.outlet,
                      "published": article.published.isoformat() if article.published else None}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    partial.replace(path)
    return path


def _first_lines(source: Path, n: int) -> Path:
    path = source.with_name(f"{source.stem}-first-{n}.jsonl")
    with source.open(encoding="utf-8") as reader, path.open("w", encoding="utf-8") as writer:
        for number, line in enumerate(reader):
            if number >= n:
                break
            writer.write(line)
    return path


def _rss_mb() -> float:
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cluster(workers: int) -> Any:
    from distributed import LocalCluster

    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                        host="127.0.0.1", dashboard_address="127.0.0.1:0", silence_logs=40)


# Every language of the generated articles: a pipeline built inside a timed run is start-up
# cost, and in the one-worker run (a twentieth of the articles) it weighed enough to push the
# speed-up above 2.
_LANGS = ("en", "es", "pt")


def _extract(client: Any, path: Path, out: Path, settings: Settings) -> tuple[float, Any]:
    from kgload.cluster import extract_files, register_worker_plugin

    register_worker_plugin(client, settings, langs=_LANGS)  # pipelines built, not timed
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    report = extract_files([path], out, settings=settings, client=client,
                           partition_size=_PARTITION)
    return time.perf_counter() - start, report


def _load_average() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return 0.0


def _folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def run(quick: bool = False, articles: int | None = None) -> list[Row]:
    from distributed import Client

    from kgload.cluster import register_worker_plugin
    from kgload.parallel import usable_cores

    n = articles or (QUICK_ARTICLES if quick else DEFAULT_ARTICLES)
    cores = usable_cores()
    subset = min(n, max(500, n // 20))
    source = _articles_file(n)
    settings = Settings()
    work = OUT_DIR / "scale"
    work.mkdir(parents=True, exist_ok=True)

    progress(f"scale: extracting {n:,} articles on {cores} workers")
    loads = [_load_average()]
    with _cluster(cores) as cluster, Client(cluster) as client:
        register_worker_plugin(client, settings, langs=_LANGS)
        warm = client.run(_rss_mb)
        wall_all, report = _extract(client, source, work / "parts", settings)
        peaks = client.run(_peak_rss_mb)
    loads.append(_load_average())
    if report.failed:
        raise RuntimeError(f"{len(report.failed)} partitions failed: {report.failed[0].reason}")
    rate_all = n / wall_all
    progress(f"scale: {rate_all:.1f} articles/s on {cores} workers; now 1 worker, "
             f"{subset:,} articles")
    with _cluster(1) as cluster, Client(cluster) as client:
        wall_one, _ = _extract(client, _first_lines(source, subset), work / "parts-one",
                               settings)
    loads.append(_load_average())
    rate_one = subset / wall_one
    speedup = rate_all / rate_one

    landed = _land(work)
    manifest = report.manifest
    # Parts and store are not reused (100,000 articles leave about 12 GB): free the disk.
    shutil.rmtree(work, ignore_errors=True)

    per_day = rate_one * 86_400
    note_all = (f"{n:,} articles ({manifest.documents:,} documents, {manifest.events:,} events, "
                f"{manifest.quads:,} document quads) in {wall_all:.0f} s on {cores} worker "
                f"processes, {len(manifest.parts)} partitions of {_PARTITION}; "
                f"{len(manifest.problems)} problems")
    return [
        Row.measured(f"scale: extraction on {cores} workers, articles/s", round(rate_all, 1),
                     "articles/s", note=note_all),
        Row.measured("scale: extraction on 1 worker, articles/s", round(rate_one, 1),
                     "articles/s", note=f"the first {subset:,} of the same articles, "
                     f"{wall_one:.0f} s; {per_day:,.0f} articles/day per core"),
        Row.measured(f"scale: speed-up of {cores} workers over 1", round(speedup, 3), "ratio",
                     SPEEDUP_TARGET if cores >= 2 else None,
                     note=f"wall-clock rates of the same run; {os.cpu_count()} CPUs; load "
                     f"average {loads[0]:.1f} before, {loads[1]:.1f} after the {cores}-worker "
                     f"run, {loads[2]:.1f} after the 1-worker run"),
        *_memory_rows(warm, peaks),
        Row.measured("scale: load of the parts into on-disk Oxigraph",
                     round(landed.load_seconds, 1), "s",
                     note=f"{landed.quads:,} quads ({landed.quads / landed.load_seconds:,.0f}/s) "
                     f"from {landed.parts_mb:,.0f} MB of parts; closing (flush) "
                     f"{landed.close_seconds:.1f} s"),
        Row.measured("scale: store size on disk", round(landed.store_mb, 1), "MB",
                     note=f"{landed.store_mb * 1e6 / max(1, manifest.documents) / 1e3:.1f} kB "
                     "per document"),
    ]


@dataclass(frozen=True)
class _Landing:
    quads: int
    load_seconds: float
    close_seconds: float
    store_mb: float
    parts_mb: float


def _land(work: Path) -> _Landing:
    """Load the parts in `work/parts` into a new on-disk store, timing the load and the close."""
    from kgload.loader import load_parts
    from kgload.stores.oxigraph import open_oxigraph

    progress("scale: loading the parts into a new on-disk Oxigraph store")
    store_dir = work / "store"
    shutil.rmtree(store_dir, ignore_errors=True)
    store = open_oxigraph(str(store_dir))
    start = time.perf_counter()
    loaded = load_parts(store, work / "parts")
    load_seconds = time.perf_counter() - start
    close_start = time.perf_counter()
    store.close()
    close_seconds = time.perf_counter() - close_start
    return _Landing(loaded.quads, load_seconds, close_seconds, _folder_mb(store_dir),
                    _folder_mb(work / "parts"))


def _memory_rows(warm: dict[str, float], peaks: dict[str, float]) -> list[Row]:
    """Each worker's peak RSS and how far it grew above its RSS after the warm-up."""
    peak = max(peaks.values())
    growth = max(peaks[w] - warm.get(w, peaks[w]) for w in peaks)
    return [
        Row.measured("scale: peak RSS per worker", round(peak), "MB",
                     note=f"VmRSS after the warm-up: {', '.join(f'{v:.0f}' for v in warm.values())}"
                     f" MB; peaks: {', '.join(f'{v:.0f}' for v in peaks.values())} MB"),
        Row.measured("scale: RSS growth per worker, warm-up → peak", round(growth, 1), "MB"),
    ]


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else None
    for row in run(articles=count):
        print(row)
