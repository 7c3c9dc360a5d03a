"""A long ingest's memory and its workers (issue 13): `python -m bench ingest [--quick]`.

Writer memory: `kgload.loader.ingest` into an on-disk Oxigraph store, over 100,000 documents
(5,000 with `--quick`), in a child process per variant. The NLP is replaced by synthetic
extractions (`bench.synth`'s archive documents, about 3,000 characters and 125 quads each) so
that the store and the writer are what is measured, at a size the NLP would need hours for.
VmRSS is sampled every 5 % of the run; the target is on the growth from the 10 % sample to the
end. The same run over 20,000 documents (5,000) with the store never flushed (kgload before
issue 13: `close()` only dropped the object) gives the comparison: its RSS, its write-ahead
log, and how long the next process takes to open the store and count its quads (the log is
replayed first).

Workers: the real `kgload ingest` command on 200 synthetic 600-word articles (60 with
`--quick`, a JSON Lines file, languages in runs of 50) with `--workers 1` and `--workers 2`:
wall time, CPU time of the command and its workers, speed-up, and the largest process's peak
RSS. Informational: the machine is shared, and starting a worker (interpreter, spaCy, the KB)
costs about 3 s of CPU, which a short run does not earn back.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from bench import Row, Target, progress, rss_mb

__all__ = ["GROWTH_TARGET", "run"]

GROWTH_TARGET = Target("<", 100)  # MB of RSS growth from 10 % of the documents to the end
_NEVER = 100_000_000


def _writer_child(documents: int, flush_every: int, store: str, flush: bool) -> dict[str, object]:
    """In the child: ingest `documents` synthetic documents; RSS samples and timings."""
    from bench.synth import _Archive, _archive_extraction
    from kgload import loader
    from kgload.config import Settings
    from kgload.linking.kb import KnowledgeBase
    from kgload.model import Article
    from kgload.parallel import Outcome, document_result
    from kgload.stores.oxigraph import OxigraphStore, open_oxigraph

    arc = _Archive(11)
    stories: list[tuple[object, ...]] = []

    def synthetic(articles: Iterable[Article], kb: KnowledgeBase, settings: Settings
                  ) -> Iterator[Outcome]:
        for article in articles:
            extraction = _archive_extraction(int(article.id), arc, stories)  # type: ignore[arg-type]
            yield document_result(extraction, settings)

    loader.extract_documents = synthetic  # type: ignore[assignment]
    if not flush:
        OxigraphStore.flush = lambda self: None  # type: ignore[method-assign]
    settings = Settings(store=f"oxigraph:{store}", workers=1, flush_every=flush_every)
    samples: list[tuple[int, float]] = []
    step = max(1, documents // 20)
    start = time.perf_counter()

    def sample(done: int, total: int | None, item: str) -> None:
        if done % step == 0 and item:
            samples.append((done, round(rss_mb(), 1)))

    items = (Article(id=str(n), text="-", lang="pt", source=f"bench:{n}")
             for n in range(documents))
    opened = open_oxigraph(store)
    report = loader.ingest(opened, items, kb=None, settings=settings,  # type: ignore[arg-type]
                           progress=sample)
    opened.close()
    seconds = time.perf_counter() - start
    return {"samples": samples, "seconds": round(seconds, 1), "quads": report.quads,
            "documents": report.documents,
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def _reopen_seconds(store: Path) -> float:
    """A new process opens the store and counts its quads (replaying any write-ahead log)."""
    code = ("import sys, time; from pyoxigraph import Store; t = time.perf_counter(); "
            "s = Store(sys.argv[1]); len(s); print(time.perf_counter() - t)")
    done = subprocess.run([sys.executable, "-c", code, str(store)], capture_output=True,
                          text=True, check=True, timeout=3600)
    return float(done.stdout)


def _sizes(store: Path) -> tuple[float, float]:
    """MB of write-ahead log files (*.log) and of table files (*.sst) in the store folder."""
    logs = sum(p.stat().st_size for p in store.glob("*.log"))
    tables = sum(p.stat().st_size for p in store.glob("*.sst"))
    return logs / 1e6, tables / 1e6


def _writer_rows(documents: int, unflushed: int, work: Path) -> list[Row]:
    results = {}
    variants = (("flushed", documents, 500, True), ("never flushed", unflushed, _NEVER, False))
    for name, documents, flush_every, flush in variants:
        store = work / name.replace(" ", "-")
        progress(f"ingest: writer, {documents:,} documents, {name}")
        done = subprocess.run(
            [sys.executable, "-m", "bench.bench_ingest", "--writer", str(documents),
             str(flush_every), str(store), "1" if flush else "0"],
            capture_output=True, text=True, check=False, timeout=7200,
            cwd=Path(__file__).resolve().parents[1])
        if done.returncode != 0:
            raise RuntimeError(f"writer child failed: {done.stderr[-2000:]}")
        result = json.loads(done.stdout.splitlines()[-1])
        result["log_mb"], result["sst_mb"] = _sizes(store)
        result["reopen_s"] = _reopen_seconds(store)
        results[name] = result
        progress(f"ingest: {name}: {result['seconds']} s, RSS {result['samples']}, "
                 f"WAL {result['log_mb']:.0f} MB, reopen {result['reopen_s']:.2f} s")
        shutil.rmtree(store, ignore_errors=True)
    rows = []
    for name, result in results.items():
        samples = result["samples"]
        documents = int(result["documents"])
        first = next((rss for done, rss in samples if done >= documents // 10), samples[0][1])
        growth = samples[-1][1] - first
        curve = ", ".join(f"{rss:.0f}" for _, rss in samples[1::4])
        target = GROWTH_TARGET if name == "flushed" else None
        rows.append(Row.measured(
            f"ingest writer RSS growth, 10 %→100 % of {documents:,} docs ({name})", growth, "MB",
            target, note=f"RSS MB every 20 %: {curve}; peak {result['peak_mb']:.0f} MB; "
            f"{result['quads']:,} quads in {result['seconds']} s"))
        rows.append(Row.measured(
            f"ingest store after close ({name}): write-ahead log", result["log_mb"], "MB",
            note=f"table files {result['sst_mb']:.0f} MB; the next process opens and counts "
            f"in {result['reopen_s']:.2f} s"))
    return rows


def _descendants(pid: int) -> list[int]:
    found: list[int] = []
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        found.extend(int(c) for c in children)
        todo.extend(int(c) for c in children)
    return found


def _peak_mb(pid: int) -> float:
    """A process's peak RSS so far (VmHWM), in MB; 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _ingest_run(command: list[str], env: dict[str, str]) -> tuple[float, float, float, float]:
    """Run `kgload ingest`: wall s, CPU s (with its workers), its own and its largest worker's
    peak RSS in MB (sampled from /proc while it runs)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    peaks: dict[int, float] = {}
    while process.poll() is None:
        for pid in [process.pid, *_descendants(process.pid)]:
            peaks[pid] = max(peaks.get(pid, 0.0), _peak_mb(pid))
        time.sleep(0.2)
    wall = time.perf_counter() - start
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
    writer = peaks.pop(process.pid, 0.0)
    return wall, 0.0, writer, max(peaks.values(), default=0.0)


def _workers_rows(articles: int, work: Path) -> list[Row]:
    from bench.synth import extraction_articles

    source = work / "articles.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for article in extraction_articles(articles, block=50):
            record = {"text": article.text, "lang": article.lang, "url": article.url,
                      "title": article.title, "outlet": article.outlet,
                      "published": article.published.isoformat() if article.published else None}
            out.write(json.dumps({k: v for k, v in record.items() if v}) + "\n")
    kgload = [sys.executable, "-m", "kgload"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("KGLOAD_")}
    measured: dict[int, tuple[float, float, float, float]] = {}
    for workers in (1, 2):
        store = work / f"kg-{workers}"
        progress(f"ingest: {articles} articles with --workers {workers}")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, _, writer, worker = _ingest_run(
            [*kgload, "ingest", str(source), "--store", f"oxigraph:{store}",
             "--workers", str(workers)], env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        measured[workers] = (wall, cpu, writer, worker)
        progress(f"ingest: --workers {workers}: wall {wall:.1f} s, CPU {cpu:.1f} s")
        shutil.rmtree(store, ignore_errors=True)
    rows = []
    for workers, (wall, cpu, writer, worker) in measured.items():
        per_worker = f", each worker's peak RSS ≤ {worker:.0f} MB" if workers > 1 else ""
        rows.append(Row.measured(
            f"ingest {articles} 600-word articles, --workers {workers}", articles / wall,
            "articles/s", note=f"wall {wall:.1f} s, CPU {cpu:.1f} s (command and workers); "
            f"the command's peak RSS {writer:.0f} MB{per_worker}"))
    rows.append(Row.measured(
        f"ingest speed-up of --workers 2 over 1 ({articles} articles)",
        measured[1][0] / measured[2][0], "ratio",
        note="includes starting the workers (about 3 s of CPU each); a shared machine"))
    return rows


def run(quick: bool = False) -> list[Row]:
    work = Path(tempfile.mkdtemp(prefix="kgload-bench-ingest-"))
    try:
        rows = _writer_rows(*((5_000, 5_000) if quick else (100_000, 20_000)), work)
        rows += _workers_rows(60 if quick else 200, work)
        return rows
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--writer":
        print(json.dumps(_writer_child(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4],
                                       sys.argv[5] == "1")))
    elif len(sys.argv) == 3 and sys.argv[1] == "--workers-only":
        from bench.__main__ import render

        scratch = Path(tempfile.mkdtemp(prefix="kgload-bench-ingest-"))
        try:
            print(render(_workers_rows(int(sys.argv[2]), scratch)))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    else:
        from bench.__main__ import render

        print(render(run(quick="--quick" in sys.argv)))
