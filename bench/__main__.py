"""Run kgload's benchmarks: `python -m bench [NAME ...] [--quick]` (linking, extraction, load,
queries, startup, scale, ingest).

Prints one table on stdout (progress goes to stderr), writes bench/out/results.json, and exits 1
when a measured value misses its target or a benchmark fails to run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import OUT_DIR, Row, progress

BENCHMARKS: dict[str, str] = {
    "linking": "bench.bench_linking",
    "extraction": "bench.bench_extraction",
    "load": "bench.bench_load",
    "queries": "bench.bench_queries",
    "ingest": "bench.bench_ingest",
    "startup": "bench.bench_startup",
    "scale": "bench.bench_scale",
}


def _format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ratio":
        return f"{value:.3f}"
    if float(value).is_integer() and abs(value) >= 100:
        return f"{int(value):,}"
    return f"{value:,.1f}"


def render(rows: Sequence[Row]) -> str:
    """The results as a plain-text table."""
    table = [("benchmark", "result", "unit", "target", "status")]
    for row in rows:
        status = {True: "pass", False: "FAIL", None: "skipped" if row.value is None else "info"}
        table.append((row.name, _format_value(row.value, row.unit), row.unit, row.target or "",
                      status[row.ok]))
    widths = [max(len(line[i]) for line in table) for i in range(5)]
    lines = []
    for number, line in enumerate(table):
        cells = [line[0].ljust(widths[0]), line[1].rjust(widths[1]), line[2].ljust(widths[2]),
                 line[3].ljust(widths[3]), line[4]]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    notes = [f"- {row.name}: {row.note}" for row in rows if row.note]
    return "\n".join(lines + (["", *notes] if notes else []))


def _load_average() -> float:
    """The 1-minute load average (0 where the OS does not report one)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return 0.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run (default: all): {', '.join(BENCHMARKS)}")
    parser.add_argument("--quick", action="store_true",
                        help="smaller sizes (1,000 articles, 100,000 quads, a 5,000-article "
                             "archive) for a fast check")
    parser.add_argument("--articles", type=int, metavar="N",
                        help="articles the scale benchmark generates (default: 100,000; "
                             "2,000 with --quick)")
    parser.add_argument("--out", type=Path, default=OUT_DIR / "results.json",
                        help="where to write the JSON results (default: %(default)s)")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    names = args.names or list(BENCHMARKS)

    load_before = _load_average()
    if load_before > 0.5:
        progress(f"warning: load average {load_before:.2f} before the run; other processes "
                 "share the CPUs, so the numbers will be low and noisy")
    started = time.perf_counter()
    rows: list[Row] = []
    timings: dict[str, float] = {}
    for name in names:
        progress(f"{name}: start{' (quick)' if args.quick else ''}")
        begin = time.perf_counter()
        try:
            module = importlib.import_module(BENCHMARKS[name])
            runner: Callable[..., list[Row]] = module.run
            sizes = {"articles": args.articles} if name == "scale" and args.articles else {}
            rows.extend(runner(args.quick, **sizes))
        except Exception as exc:
            traceback.print_exc()
            rows.append(Row(f"{name}: did not run", None, "", "runs", False,
                            f"{type(exc).__name__}: {exc}"))
        timings[name] = round(time.perf_counter() - begin, 1)
        progress(f"{name}: done in {timings[name]:.0f} s")
    elapsed = time.perf_counter() - started

    print(render(rows))
    load_after = _load_average()
    print(f"\n{len(names)} benchmark(s) in {elapsed:.0f} s"
          f"{' (--quick)' if args.quick else ''}; load average {load_before:.2f} before, "
          f"{load_after:.2f} after; results in {args.out}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    result = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "quick": args.quick,
        "seconds": round(elapsed, 1),
        "seconds_by_benchmark": timings,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(),
                    "load_average_before": round(load_before, 2),
                    "load_average_after": round(load_after, 2)},
        "rows": [row.to_json() for row in rows],
    }
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    failed = [row.name for row in rows if row.ok is False]
    if failed:
        print(f"missed target(s): {'; '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
