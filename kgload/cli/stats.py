"""`kgload stats`: what the store holds, counted (documents, events by type, entities, quads)."""

from __future__ import annotations

import argparse
import sys

from kgload.cli.common import Subparsers, add_config, add_format, add_store, settings_from
from kgload.cli.render import render_rows

__all__ = ["add_parser"]


def add_parser(commands: Subparsers) -> None:
    """Add `stats` to the `kgload` subcommands."""
    stats = commands.add_parser(
        "stats",
        help="count documents, events, entities and quads",
        description="Count what the store holds: documents, events (in total and by type), "
        "entities, quads and graphs.",
    )
    add_store(stats)
    add_config(stats)
    add_format(stats)
    stats.set_defaults(run=_stats)


def _stats(args: argparse.Namespace) -> int:
    from kgload.client import KG

    with KG.open(settings=settings_from(args), read_only=True) as kg:
        counts = kg.stats()
    render_rows(
        ["name", "count"],
        [[name, count] for name, count in counts.items()],
        format=args.format,
        out=sys.stdout,
    )
    return 0
