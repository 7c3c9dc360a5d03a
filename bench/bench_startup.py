"""Start-up: the time of a reading command on a small store, a fresh process each run.

`kgload query events` (and `queries`, `sparql`, `stats` for information) runs on an Oxigraph
store holding the golden test store (a few documents), as a user types it: `python -m kgload …`
in a new process, which pays the interpreter, kgload's imports, opening the store and the query.
None of these commands needs spaCy, so none may import it (tests/test_fast_start.py checks
that); this measures what is left. The target is on the CPU time (user + system) of the child
process, which other processes on the machine cannot inflate; the wall time is in the note (on
an idle machine the two are within a few hundredths of a second). The median of several runs
counts; the first run warms the file cache and is not counted.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import Row, Target, progress

__all__ = ["TARGET", "run"]

TARGET = Target("<", 500)  # milliseconds
ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "cases" / "golden_store.trig"


def _seconds(argv: list[str], runs: int) -> tuple[float, float]:
    """Median CPU and wall time of `python -m kgload ARGV` over `runs` runs (after a warm-up)."""
    cpu, wall = [], []
    for number in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "kgload", *argv], capture_output=True,
                              check=False)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise RuntimeError(f"kgload {' '.join(argv)} failed: {done.stderr.decode()[-300:]}")
        if number:
            wall.append(elapsed)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(cpu), statistics.median(wall)


def run(quick: bool = False) -> list[Row]:
    runs = 3 if quick else 9
    with tempfile.TemporaryDirectory(prefix="kgload-startup-") as folder:
        store = f"oxigraph:{Path(folder) / 'kg'}"
        subprocess.run([sys.executable, "-m", "kgload", "load", str(GOLDEN), "--store", store],
                       capture_output=True, check=True)
        rows = []
        commands = {
            "query events": ["query", "events", "--store", store, "--format", "csv"],
            "query meetings": ["query", "meetings", "--store", store],
            "queries": ["queries", "--format", "csv"],
            "sparql": ["sparql", "ASK { ?s ?p ?o }", "--store", store],
            "stats": ["stats", "--store", store, "--format", "csv"],
            "--version": ["--version"],
        }
        for name, argv in commands.items():
            progress(f"startup: kgload {name} ({runs} runs)")
            cpu, wall = _seconds(argv, runs)
            target = TARGET if name == "query events" else None
            rows.append(Row.measured(
                f"startup: kgload {name}", round(cpu * 1000), "ms CPU", target,
                note=f"median of {runs} fresh processes on a small store; wall {wall:.2f} s",
            ))
    return rows
