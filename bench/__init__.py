"""kgload's speed and memory benchmarks (`make bench`, or `python -m bench [NAME ...] [--quick]`).

Each benchmark module exposes `run(quick: bool) -> list[Row]`. A row names one measurement, its
value and unit, the target it must meet (or None when the number is informational) and whether it
met it. Targets live here, never in the unit tests.
"""

from __future__ import annotations

import gc
import os
import re
import resource
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "OUT_DIR",
    "Row",
    "Target",
    "peak_rss_mb",
    "pinned_to_one_core",
    "progress",
    "rss_mb",
    "timed",
]

OUT_DIR = Path(__file__).resolve().parent / "out"


@dataclass(frozen=True, slots=True)
class Target:
    """`value >= bound` (op ">=") or `value < bound` (op "<")."""

    op: Literal[">=", "<"]
    bound: float

    def met(self, value: float) -> bool:
        return value >= self.bound if self.op == ">=" else value < self.bound

    def __str__(self) -> str:
        return f"{self.op} {self.bound:g}"


@dataclass(frozen=True, slots=True)
class Row:
    """One measurement. `ok` is None for informational rows and for skipped benchmarks."""

    name: str
    value: float | None
    unit: str
    target: str | None = None
    ok: bool | None = None
    note: str = ""

    @classmethod
    def measured(cls, name: str, value: float, unit: str, target: Target | None = None,
                 note: str = "") -> Row:
        if target is None:
            return cls(name, value, unit, None, None, note)
        return cls(name, value, unit, str(target), target.met(value), note)

    @classmethod
    def skipped(cls, name: str, unit: str, target: Target | None, why: str) -> Row:
        return cls(name, None, unit, str(target) if target else None, None, f"skipped: {why}")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def progress(message: str) -> None:
    """A progress line on stderr (stdout carries only the results table)."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def rss_mb() -> float:
    """Current resident set size (VmRSS) in MB; falls back to the peak on non-Linux systems."""
    gc.collect()
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def timed() -> Iterator[list[float]]:
    """`with timed() as t: ...` then `t[0]` is the elapsed wall time in seconds."""
    box: list[float] = []
    start = time.perf_counter()
    try:
        yield box
    finally:
        box.append(time.perf_counter() - start)


@contextmanager
def pinned_to_one_core() -> Iterator[None]:
    """Run the block on one CPU (Linux), so "per core" numbers cannot borrow a second one."""
    getter = getattr(os, "sched_getaffinity", None)
    setter = getattr(os, "sched_setaffinity", None)
    if getter is None or setter is None:
        yield
        return
    before = getter(0)
    setter(0, {min(before)})
    try:
        yield
    finally:
        setter(0, before)


# The tests' Virtuoso is sized for tiny graphs; a million quads want perf-anchors' buffers.
_VIRTUOSO_BUFFERS = {
    "NumberOfBuffers": "340000",
    "MaxDirtyBuffers": "250000",
    "MaxQueryMem": "2G",
    "MaxMemPoolSize": "200000000",
}


@contextmanager
def throwaway_virtuoso(label: str, **ini: str) -> Iterator[Any]:
    """A Virtuoso started from tests/virtuoso.py with bench-sized buffers (and any other
    `virtuoso.ini` values given), always stopped and removed afterwards."""
    tests = str(Path(__file__).resolve().parents[1] / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    from virtuoso import VirtuosoServer  # type: ignore[import-not-found]

    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    assert binary is not None and isql is not None
    server = VirtuosoServer(binary=binary, isql_binary=isql)
    path = server.dir / "virtuoso.ini"
    text = path.read_text(encoding="utf-8")
    for key, value in {**_VIRTUOSO_BUFFERS, **ini}.items():
        text, found = re.subn(rf"^{key}\s*=.*$", f"{key} = {value}", text, flags=re.MULTILINE)
        if not found:
            raise RuntimeError(f"tests/virtuoso.py's ini has no {key} to set")
    path.write_text(text, encoding="utf-8")
    try:
        progress(f"{label}: starting a throwaway server in {server.dir}")
        server.start()
        yield server
    finally:
        server.close()
