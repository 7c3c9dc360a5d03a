"""Saved queries at an archive's size (issue 11): the shipped texts against the previous ones.

A generated archive (bench/synth.py `archive_nquads`: 100,000 articles, 5,000 with --quick;
documents built by kgload's own writer, actors drawn from the KB with a Zipf-like frequency, so
Russia or the United States are in tens of thousands of events and most actors in a few) is
bulk-loaded into on-disk Oxigraph (kept in bench/out/ between runs) and, when `virtuoso-t` is
installed, into a throwaway Virtuoso by its own bulk loader. Every saved query then runs through
`run_saved_query` with realistic parameters (defaults; a frequent and a rare actor; a period; a
status; a type): the first run on a freshly opened store is "cold", the next ones give the warm
p50 and p95. The previous texts (bench/queries_before/) run on the same store in the same run,
after all the shipped ones and fewer times, because they take seconds to minutes (once each at
full size), stopped after 60 s (on Oxigraph in a child process, on Virtuoso by the store
timeout). A query whose text did not change is not run twice.

Targets (acceptance of issue 11): every query p50 < 300 ms, a page filtered by actor, type or
period p50 < 100 ms, on both stores. `BENCH_QUERY_STORES=oxigraph` (or `virtuoso`) measures one
store only, so two runs can share a machine's time; `BENCH_QUERY_BEFORE=0` skips the previous
texts (minutes at full size); `BENCH_QUERY_ONLY=A,B` runs the cases whose label holds A or B;
`BENCH_VIRTUOSO_COST_LIMIT=400` runs Virtuoso with Debian's
default `MaxQueryCostEstimationTime` instead of no limit, to see which queries it refuses.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph

from bench import OUT_DIR, Row, Target, progress, throwaway_virtuoso
from bench.synth import archive_nquads
from kgload.queries import ParamValue, run_saved_query
from kgload.stores.base import Store
from kgload.stores.oxigraph import open_oxigraph

__all__ = ["ANY_QUERY", "FILTERED_PAGE", "run"]

ANY_QUERY = Target("<", 300)
FILTERED_PAGE = Target("<", 100)
ROOT = Path(__file__).resolve().parent.parent
BEFORE = ROOT / "bench" / "queries_before"
FREQUENT, RARE, REPORTER = "Q159", "Q1011", "Q1065"  # Russia; Kazakhstan; the United Nations
MID = "Q37470"  # in about 6,000 event mentions of the 100,000-article archive (Russia: 103,590)


@dataclass(frozen=True, slots=True)
class Case:
    """One saved query with its parameters; `filtered` pages have the stricter target."""

    label: str
    name: str
    params: dict[str, ParamValue]
    filtered: bool = False

    @property
    def target(self) -> Target:
        return FILTERED_PAGE if self.filtered else ANY_QUERY


CASES = (
    Case("phone_calls", "phone_calls", {}),
    Case("meetings", "meetings", {}),
    Case("meetings, status planned", "meetings", {"status": "planned"}),
    Case("meetings, frequent actor", "meetings", {"actor": FREQUENT}, filtered=True),
    Case("agreements", "agreements", {}),
    Case("support", "support", {}),
    Case("troop_deployments", "troop_deployments", {}),
    Case("sanctions", "sanctions", {}),
    Case("attacks", "attacks", {}),
    Case("attacks, status denied", "attacks", {"status": "denied"}),
    Case("attacks, frequent agent", "attacks", {"agent": FREQUENT}, filtered=True),
    Case("attacks, period (a quarter)", "attacks", {"since": "2020-01", "until": "2020-03"},
         filtered=True),
    Case("attacks, rare agent", "attacks", {"agent": RARE}, filtered=True),
    Case("events_of_actor, frequent actor", "events_of_actor", {"actor": FREQUENT},
         filtered=True),
    Case("events_of_actor, rare actor", "events_of_actor", {"actor": RARE}, filtered=True),
    Case("events_of_actor, mid actor", "events_of_actor", {"actor": MID}, filtered=True),
    Case("events_of_actor, frequent actor, period", "events_of_actor",
         {"actor": FREQUENT, "since": "2020-01", "until": "2020-03"}, filtered=True),
    Case("events_of_actor, frequent actor, type attack", "events_of_actor",
         {"actor": FREQUENT, "type": "attack"}, filtered=True),
    Case("who_reported", "who_reported", {"reporter": REPORTER}, filtered=True),
    Case("who_reported, about a frequent actor", "who_reported",
         {"reporter": REPORTER, "actor": FREQUENT}, filtered=True),
    Case("sources_of_event, frequent actor", "sources_of_event", {"actor": FREQUENT},
         filtered=True),
    Case("sources_of_event, rare actor", "sources_of_event", {"actor": RARE}, filtered=True),
    Case("visits", "visits", {}),
    Case("visits, frequent agent", "visits", {"agent": FREQUENT}, filtered=True),
    Case("condemnations", "condemnations", {}),
    Case("condemnations, status occurred", "condemnations", {"status": "occurred"}),
    Case("events", "events", {}),
    Case("events, frequent actor", "events", {"actor": FREQUENT}, filtered=True),
    Case("events, type visit", "events", {"type": "visit"}, filtered=True),
    Case("documents", "documents", {}),
    Case("entities", "entities", {}),
)


def run(quick: bool = False) -> list[Row]:
    n_articles = 5_000 if quick else 100_000
    path = archive_nquads(n_articles)
    info = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    size = f"{n_articles:,} articles, {info['quads']:,} quads"
    runs_new, runs_old = (5, 3) if quick else (3, 1)
    stores = os.environ.get("BENCH_QUERY_STORES", "oxigraph,virtuoso").split(",")
    rows: list[Row] = []
    if "oxigraph" in stores:
        folder = _oxigraph_folder(path, info["quads"])
        rows += _measure("oxigraph", lambda: open_oxigraph(str(folder)), size, runs_new,
                         runs_old, folder)
    if "virtuoso" not in stores:
        return rows
    why = _virtuoso_missing()
    if why is not None:
        progress(f"queries/virtuoso: skipped: {why}")
        rows += [Row.skipped(f"virtuoso: {case.label}", "ms", case.target, why) for case in CASES]
        return rows
    return rows + _with_virtuoso(lambda server: _virtuoso(server, path, info["quads"], size,
                                                          runs_new, runs_old))


# -- Oxigraph ---------------------------------------------------------------------------------
def _oxigraph_folder(path: Path, n_quads: int) -> Path:
    """The archive in on-disk Oxigraph, bulk-loaded once and kept in bench/out/."""
    folder = OUT_DIR / f"store-{path.stem}"
    marker = folder / "kgload-bench-loaded.json"
    if not (marker.exists() and json.loads(marker.read_text())["quads"] == n_quads):
        shutil.rmtree(folder, ignore_errors=True)
        progress(f"queries/oxigraph: bulk-loading {path.name} into {folder}")
        start = time.perf_counter()
        store = pyoxigraph.Store(str(folder))
        store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)
        store.flush()
        store.optimize()
        del store
        seconds = time.perf_counter() - start
        progress(f"queries/oxigraph: loaded in {seconds:.0f} s")
        marker.write_text(json.dumps({"quads": n_quads, "seconds": round(seconds, 1)}))
    return folder


# -- Virtuoso ---------------------------------------------------------------------------------
def _with_virtuoso(job: Callable[[object], list[Row]]) -> list[Row]:
    """A throwaway Virtuoso (tests/virtuoso.py) with bench_load's buffers and no limit on the
    *estimated* query time: with Debian's `MaxQueryCostEstimationTime = 400`, Virtuoso 7.2
    refuses most event queries of a 5,000-article archive before running them (the previous
    texts and, fewer of them, the shipped ones; see bench/README.md), so their real times could
    not be measured."""
    limit = os.environ.get("BENCH_VIRTUOSO_COST_LIMIT", "0")
    with throwaway_virtuoso("queries/virtuoso", MaxQueryCostEstimationTime=limit) as server:
        return job(server)


def _virtuoso_missing() -> str | None:
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        return "virtuoso-t/isql-vt not installed (Debian package virtuoso-opensource)"
    return None


def _virtuoso(server: object, path: Path, n_quads: int, size: str, runs_new: int,
              runs_old: int) -> list[Row]:
    from kgload.errors import StoreError
    from kgload.stores.sparql import open_sparql

    progress(f"queries/virtuoso: bulk-loading {path.name}")
    folder: Path = server.dir  # type: ignore[attr-defined]
    target = folder / path.name
    try:
        os.link(path, target)
    except OSError:
        shutil.copyfile(path, target)
    start = time.perf_counter()
    server.isql(f"ld_dir('{folder}', '{path.name}', 'https://w3id.org/kgload/id/graph/bench');"  # type: ignore[attr-defined]
                " rdf_loader_run(); checkpoint;", timeout=3600)
    progress(f"queries/virtuoso: loaded and checkpointed in {time.perf_counter() - start:.0f} s")
    # Virtuoso takes the index statistics it plans by when it starts: a server started empty and
    # bulk-loaded plans every query as if the store were empty until it restarts (a rare
    # actor's timeline on 100,000 articles: 2.2 s before a restart, 43 ms after).
    server.restart()  # type: ignore[attr-defined]
    progress("queries/virtuoso: restarted, so that it plans with the loaded store's statistics")
    counted = open_sparql(server.url, user=server.user,  # type: ignore[attr-defined]
                          password=server.password,  # type: ignore[attr-defined]
                          timeout=600, retries=0)
    try:
        held = counted.quad_count()
        if held != n_quads:
            raise RuntimeError(f"Virtuoso holds {held:,} quads, not {n_quads:,}")
    except StoreError as exc:  # counting 13 M quads can outlast a busy server's transaction
        progress(f"queries/virtuoso: could not count the loaded quads ({exc}); going on")
    finally:
        counted.close()

    def store() -> Store:
        return open_sparql(server.url, user=server.user,  # type: ignore[attr-defined]
                           password=server.password,  # type: ignore[attr-defined]
                           timeout=_CAP, retries=0)

    return _measure("virtuoso", store, size, runs_new, runs_old)


# -- measuring ---------------------------------------------------------------------------------
_CAP = 60.0  # seconds a previous text may take before it is stopped and shown as "> cap"


def _times(open_store: Callable[[], Store], case: Case, runs: int,
           directory: Path | None) -> tuple[list[float], int]:
    """Milliseconds of `runs` runs, the first on a freshly opened store (cold), and the rows."""
    store = open_store()
    times: list[float] = []
    count = 0
    try:
        for _ in range(runs):
            start = time.perf_counter()
            result = run_saved_query(store, case.name, case.params, directory=directory)
            times.append((time.perf_counter() - start) * 1000)
            count = len(result.rows)
            if times[-1] > 20_000:  # one more warm run of a slow query says little more
                break
    finally:
        store.close()
    return times, count


_CHILD = """
import sys, time, pyoxigraph
store = pyoxigraph.Store.read_only(sys.argv[1])
text = sys.stdin.read()
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    rows = len(list(store.query(text)))
    print((time.perf_counter() - start) * 1000, rows, flush=True)
"""


def _before_oxigraph(folder: Path, case: Case, runs: int) -> tuple[list[float], int]:
    """A previous text in a child process on the store opened read-only, stopped after _CAP s
    (pyoxigraph cannot cancel a query), so one text of minutes cannot stall the benchmark."""
    from kgload.queries import get_saved_query

    text = get_saved_query(case.name, directory=BEFORE).bind(case.params)
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD, str(folder), str(runs)], input=text,
                              capture_output=True, text=True, timeout=_CAP * runs, check=True)
    except subprocess.TimeoutExpired as exc:
        lines = (exc.stdout or b"").decode() if isinstance(exc.stdout, bytes) else exc.stdout
        if not lines:
            raise TimeoutError(f"> {_CAP:.0f} s (stopped)") from None
        done = subprocess.CompletedProcess([], 0, lines, "")
    pairs = [line.split() for line in done.stdout.splitlines() if line.strip()]
    return [float(ms) for ms, _ in pairs], int(pairs[-1][1])


def _measure(backend: str, open_store: Callable[[], Store], size: str, runs_new: int,
             runs_old: int, folder: Path | None = None) -> list[Row]:
    """Every case with the shipped text first, then the previous texts (which may leave a
    server busy), then one row per case and a Markdown table in bench/out/."""
    measured: dict[str, tuple[list[float], int, float]] = {}
    failed: dict[str, str] = {}
    only = os.environ.get("BENCH_QUERY_ONLY")  # "a,b": the cases whose label holds a or b
    cases = [case for case in CASES
             if only is None or any(part in case.label for part in only.split(","))]
    for case in cases:
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        try:
            new, count = _times(open_store, case, 1 + runs_new, None)
        except Exception as exc:  # refused or failed: a failing row, and the other cases still run
            failed[case.label] = f"{type(exc).__name__}: {str(exc)[:160]}"
            progress(f"queries/{backend}: {case.label}: FAILED {failed[case.label]}")
            continue
        measured[case.label] = (new, count, load)
        warm = new[1:] or new
        progress(f"queries/{backend}: {case.label}: {count} rows, p50 "
                 f"{statistics.median(warm):,.1f} ms, cold {new[0]:,.1f} ms; load {load:.2f}")
    befores: dict[str, str] = {}
    for case in cases:
        if os.environ.get("BENCH_QUERY_BEFORE", "1") == "0":
            befores[case.label] = "not run"
            continue
        if _unchanged(case.name):
            befores[case.label] = "same text"
            continue
        try:
            if folder is not None:
                old, old_count = _before_oxigraph(folder, case, runs_old)
            else:
                old, old_count = _times(open_store, case, runs_old, BEFORE)
            before = f"{statistics.median(old):,.0f} ms ({len(old)} run{'s' * (len(old) > 1)})"
            if case.label in measured and old_count != measured[case.label][1]:
                before += f", {old_count} rows"
        except Exception as exc:  # a previous text refused or over the cap: say so, go on
            before = f"{type(exc).__name__}: {str(exc)[:60]}"
        befores[case.label] = before
        progress(f"queries/{backend}: {case.label}: before {before}")
    rows = []
    table = [f"| {backend}: query ({size}) | rows | before p50 | after p50 | after p95 | "
             "after cold |", "|---|---|---|---|---|---|"]
    for case in cases:
        if case.label in failed:
            rows.append(Row(f"{backend}: {case.label}", None, "ms p50", str(case.target), False,
                            f"failed: {failed[case.label]}; before: {befores[case.label]}"))
            table.append(f"| {case.label} | - | {befores[case.label]} | failed | | |")
            continue
        new, count, load = measured[case.label]
        cold, warm = new[0], new[1:] or new
        p50 = statistics.median(warm)
        p95 = sorted(warm)[max(0, round(0.95 * len(warm)) - 1)]
        before = befores[case.label]
        rows.append(Row.measured(
            f"{backend}: {case.label}", round(p50, 1), "ms p50", case.target,
            f"{count} rows, p95 {p95:,.1f} ms, cold {cold:,.1f} ms, {len(warm)} warm runs; "
            f"before: {before}; load {load:.2f}"))
        table.append(f"| {case.label} | {count} | {before} | {p50:,.1f} ms | {p95:,.1f} ms | "
                     f"{cold:,.1f} ms |")
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / f"queries-{backend}.md").write_text("\n".join(table) + "\n", encoding="utf-8")
    return rows


def _unchanged(name: str) -> bool:
    from kgload.resources import query_dir

    return (query_dir() / f"{name}.rq").read_bytes() == (BEFORE / f"{name}.rq").read_bytes()


if __name__ == "__main__":
    for row in run("--quick" in sys.argv):
        print(row)
