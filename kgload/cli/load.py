"""`kgload load`: bulk-load a quad file, or a folder of `kgload extract` parts.

The work is `KG.load`, which checks a folder's parts against its manifest; problems are listed
on stderr and make the exit code 1.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kgload.cli.common import (
    Subparsers,
    add_config,
    add_store,
    err,
    plural,
    print_problems,
    problems_summary,
    progress,
    settings_from,
)

__all__ = ["LOAD_FORMATS", "add_parser"]

LOAD_FORMATS = ("nquads", "trig")


def add_parser(commands: Subparsers) -> None:
    """Add `load` to the `kgload` subcommands."""
    load = commands.add_parser(
        "load",
        help="bulk-load an N-Quads or TriG file, or a folder of `kgload extract` parts",
        description="Bulk-load a quad file (for example one written by `kgload export`), or "
        "a folder written by `kgload extract` (every part checked against its manifest).",
    )
    add_store(load)
    add_config(load)
    load.add_argument(
        "file", metavar="FILE", type=Path, help="an .nq or .trig file, or a folder of parts"
    )
    load.add_argument(
        "--format", choices=LOAD_FORMATS, help="format of FILE (default: from its extension)"
    )
    load.set_defaults(run=_load)


def _load(args: argparse.Namespace) -> int:
    from kgload.client import KG

    with KG.open(settings=settings_from(args)) as kg, progress("loading") as on_progress:
        report = kg.load(args.file, format=args.format, progress=on_progress)
    print_problems(report.problems)
    documents = f" ({plural(report.documents, 'document')})" if args.file.is_dir() else ""
    err(
        f"loaded {plural(report.quads, 'quad')}{documents} from {args.file}; "
        f"{problems_summary(report.problems)}"
    )
    return 0 if report.ok else 1
