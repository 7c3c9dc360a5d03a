"""Load speed (issue "Stores"): kgload's store paths against each store's own bulk loader.

On one generated N-Quads file (1,000,000 quads in 1,000 document graphs; 100,000 with --quick;
cached in bench/out/):

1. Oxigraph on disk: pyoxigraph `Store(path).bulk_load(...)` directly, against `kgload load FILE`
   (`KG.open("oxigraph:DIR").load(path)`), alternating, best of N each; the ratio of their rates
   must be >= 0.8. Both timings include opening the store.
2. Incremental ingest writes: `OxigraphStore.replace_graphs` with batches of 50 document graphs of
   ~500 quads each (what `kgload ingest` commits per batch), into the store just loaded; only the
   `replace_graphs` calls are timed. Then a re-ingest: the same graph IRIs with new content.
3. Virtuoso (only when `virtuoso-t` is installed and `kgload.stores.sparql` exists): a throwaway
   server (tests/virtuoso.py) loads the file with its own bulk loader (`ld_dir` +
   `rdf_loader_run()` through isql-vt); a second fresh server loads it with kgload's
   `SparqlStore.load(path)` as `dba` (Virtuoso parses the N-Quads itself, see
   kgload/stores/sparql.py); each twice, best of 2. The ratio of their rates must be >= 0.25. No
   checkpoint is timed on either side.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from pyoxigraph import RdfFormat, Store

from bench import OUT_DIR, Row, Target, progress, throwaway_virtuoso
from bench.synth import graph_batches, nquads_file
from kgload.client import KG
from kgload.config import Settings
from kgload.stores.oxigraph import open_oxigraph

__all__ = ["INGEST_TARGET", "OXIGRAPH_RATIO", "VIRTUOSO_RATIO", "run"]

OXIGRAPH_RATIO = Target(">=", 0.8)
INGEST_TARGET = Target(">=", 30_000)
VIRTUOSO_RATIO = Target(">=", 0.25)

ROOT = Path(__file__).resolve().parent.parent
_GRAPHS_PER_BATCH = 50
_QUADS_PER_GRAPH = 500


def run(quick: bool = False) -> list[Row]:
    n_quads = 100_000 if quick else 1_000_000
    path = nquads_file(n_quads)
    work = OUT_DIR / "load-work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        rows, loaded_store = _oxigraph_load(path, n_quads, work, repeats=3)
        rows += _incremental(loaded_store, n_batches=4 if quick else 20)
        rows += _virtuoso(path, n_quads, repeats=2)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows


# -- 1. Oxigraph bulk load -------------------------------------------------------------------
def _oxigraph_load(path: Path, n_quads: int, work: Path, repeats: int
                   ) -> tuple[list[Row], Path]:
    direct: list[float] = []
    kgload: list[float] = []
    kg_dir = work
    for number in range(repeats):
        ox_dir = work / f"ox-{number}"
        start = time.perf_counter()
        store = Store(str(ox_dir))
        store.bulk_load(path=str(path), format=RdfFormat.N_QUADS)
        direct.append(time.perf_counter() - start)
        count = len(store)
        del store
        _check(count, n_quads, "pyoxigraph bulk_load")
        shutil.rmtree(ox_dir, ignore_errors=True)
        progress(f"load/oxigraph: bulk_load direct {direct[-1]:.2f} s "
                 f"({n_quads / direct[-1]:,.0f} quads/s)")

        if number:
            shutil.rmtree(kg_dir, ignore_errors=True)
        kg_dir = work / f"kg-{number}"
        start = time.perf_counter()
        kg = KG.open(f"oxigraph:{kg_dir}", settings=Settings())
        report = kg.load(path)
        kg.close()
        kgload.append(time.perf_counter() - start)
        _check(report.quads, n_quads, "kgload load")
        progress(f"load/oxigraph: kgload load {kgload[-1]:.2f} s "
                 f"({n_quads / kgload[-1]:,.0f} quads/s)")
    best_direct, best_kgload = min(direct), min(kgload)
    runs = f"best of {repeats}; {n_quads:,} quads, {path.stat().st_size / 1e6:.0f} MB N-Quads"
    rows = [
        Row.measured("oxigraph: pyoxigraph bulk_load (disk)", round(n_quads / best_direct),
                     "quads/s", note=runs),
        Row.measured("oxigraph: kgload load (disk)", round(n_quads / best_kgload), "quads/s",
                     note=runs),
        Row.measured("oxigraph: kgload load / bulk_load", round(best_direct / best_kgload, 3),
                     "ratio", OXIGRAPH_RATIO,
                     f"times {best_direct:.2f} s vs {best_kgload:.2f} s"),
    ]
    return rows, kg_dir


def _check(count: int, expected: int, what: str) -> None:
    if count != expected:
        raise RuntimeError(f"{what} stored {count:,} quads, expected {expected:,}")


# -- 2. incremental writes ----------------------------------------------------------------------
def _incremental(store_dir: Path, n_batches: int) -> list[Row]:
    store = open_oxigraph(str(store_dir))
    base_quads = store.quad_count()
    rows = []
    try:
        for label, seed in (("new graphs", 5), ("re-ingest, same graphs", 6)):
            batches = n_batches if seed == 5 else max(1, n_batches // 2)
            timings: list[float] = []
            quads = 0
            for batch in graph_batches(batches, graphs_per_batch=_GRAPHS_PER_BATCH,
                                       quads_per_graph=_QUADS_PER_GRAPH, seed=seed):
                size = sum(len(q) for q in batch.values())
                start = time.perf_counter()
                store.replace_graphs(batch)
                timings.append(time.perf_counter() - start)
                quads += size
            total = sum(timings)
            progress(f"load/replace_graphs ({label}): {quads:,} quads in {total:.2f} s "
                     f"({quads / total:,.0f} quads/s)")
            note = (f"{batches} batches of {_GRAPHS_PER_BATCH} graphs × ~{_QUADS_PER_GRAPH} "
                    f"quads into a {base_quads:,}-quad on-disk store; median batch "
                    f"{statistics.median(timings) * 1000:.0f} ms")
            rows.append(Row.measured(f"oxigraph: replace_graphs ({label})",
                                     round(quads / total), "quads/s",
                                     INGEST_TARGET if seed == 5 else None, note))
        expected = base_quads + n_batches * _GRAPHS_PER_BATCH * _QUADS_PER_GRAPH
        _check(store.quad_count(), expected, "replace_graphs")
    finally:
        store.close()
    return rows


# -- 3. Virtuoso --------------------------------------------------------------------------------
class _Server(Protocol):
    """What the benchmark uses of tests/virtuoso.py's `VirtuosoServer`."""

    dir: Path
    user: str
    password: str

    @property
    def url(self) -> str: ...

    def isql(self, sql: str, *, timeout: float = 60) -> str: ...


_VIRTUOSO_ROWS = ("virtuoso: bulk loader (ld_dir + rdf_loader_run)",
                  "virtuoso: kgload SparqlStore.load", "virtuoso: kgload load / bulk loader")


def _virtuoso_missing() -> str | None:
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        return "virtuoso-t/isql-vt not installed (Debian package virtuoso-opensource)"
    if importlib.util.find_spec("kgload.stores.sparql") is None:
        return "kgload.stores.sparql does not exist yet"
    return None


def _virtuoso(path: Path, n_quads: int, repeats: int) -> list[Row]:
    why = _virtuoso_missing()
    if why is not None:
        progress(f"load/virtuoso: skipped: {why}")
        return [Row.skipped(_VIRTUOSO_ROWS[0], "quads/s", None, why),
                Row.skipped(_VIRTUOSO_ROWS[1], "quads/s", None, why),
                Row.skipped(_VIRTUOSO_ROWS[2], "ratio", VIRTUOSO_RATIO, why)]
    from kgload.stores.sparql import open_sparql

    bulk_runs = []
    for _ in range(repeats):
        bulk_runs.append(_with_server(lambda server: _bulk_load(server, path, n_quads)))
        progress(f"load/virtuoso: bulk loader {bulk_runs[-1]:.2f} s "
                 f"({n_quads / bulk_runs[-1]:,.0f} quads/s)")
    bulk_seconds = min(bulk_runs)

    def kgload_load(server: _Server) -> float:
        store = open_sparql(server.url, user=server.user, password=server.password)
        try:
            start = time.perf_counter()
            count = store.load(path, format=RdfFormat.N_QUADS)
            elapsed = time.perf_counter() - start
            _check(count, n_quads, "SparqlStore.load (read)")
            _check(store.quad_count(), n_quads, "SparqlStore.load (stored)")
        finally:
            store.close()
        return elapsed

    kgload_runs = []
    for _ in range(repeats):
        kgload_runs.append(_with_server(kgload_load))
        progress(f"load/virtuoso: kgload SparqlStore.load {kgload_runs[-1]:.2f} s "
                 f"({n_quads / kgload_runs[-1]:,.0f} quads/s)")
    kgload_seconds = min(kgload_runs)
    note = (f"{n_quads:,} quads, a fresh server for each run, best of {repeats}; "
            "no checkpoint timed")
    return [
        Row.measured(_VIRTUOSO_ROWS[0], round(n_quads / bulk_seconds), "quads/s", note=note),
        Row.measured(_VIRTUOSO_ROWS[1], round(n_quads / kgload_seconds), "quads/s", note=note),
        Row.measured(_VIRTUOSO_ROWS[2], round(bulk_seconds / kgload_seconds, 3), "ratio",
                     VIRTUOSO_RATIO, f"times {bulk_seconds:.2f} s vs {kgload_seconds:.2f} s"),
    ]


def _with_server(job: Callable[[_Server], float]) -> float:
    """Start a throwaway Virtuoso, run `job(server)`, and always stop and remove the server."""
    with throwaway_virtuoso("load/virtuoso") as server:
        return job(server)


def _bulk_load(server: _Server, path: Path, n_quads: int) -> float:
    folder = server.dir
    target = folder / path.name
    try:
        os.link(path, target)
    except OSError:
        shutil.copyfile(path, target)
    graph = "https://w3id.org/kgload/id/graph/bench-default"  # for triples only; none here
    start = time.perf_counter()
    server.isql(f"ld_dir('{folder}', '{path.name}', '{graph}'); rdf_loader_run();",
                timeout=1800)
    elapsed = time.perf_counter() - start
    errors = server.isql(
        "SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;")
    if "0 Rows" not in errors:
        raise RuntimeError(f"Virtuoso's bulk loader reported errors:\n{errors[-2000:]}")
    from kgload.stores.sparql import open_sparql

    store = open_sparql(server.url, user=server.user, password=server.password)
    try:
        _check(store.quad_count(), n_quads, "Virtuoso bulk loader")
    finally:
        store.close()
    return elapsed


if __name__ == "__main__":
    for row in run("--quick" in sys.argv):
        print(row)
