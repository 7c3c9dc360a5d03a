"""`kgload export`: every quad of the store as RDF, or the actor network as GraphML.

Writes to stdout, or to a file through the atomic writer (`kgload.files`), so a failed export
never leaves half a file behind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kgload.cli.common import Subparsers, add_config, add_store, err, settings_from

if TYPE_CHECKING:
    from kgload.client import KG

__all__ = ["EXPORT_FORMATS", "add_parser"]

EXPORT_FORMATS = ("nquads", "trig", "turtle", "jsonld", "ntriples", "graphml")


def add_parser(commands: Subparsers) -> None:
    """Add `export` to the `kgload` subcommands."""
    export = commands.add_parser(
        "export",
        help="write the whole graph as RDF",
        description="Write every quad of the store as RDF to stdout or a file.",
    )
    add_store(export)
    add_config(export)
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default="nquads",
        help="RDF serialisation (default: nquads), or graphml: the network of actors and "
        "events for Gephi (needs the extra 'analysis')",
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="write to FILE instead of stdout"
    )
    export.set_defaults(run=_export)


def _export(args: argparse.Namespace) -> int:
    from kgload.client import KG

    with KG.open(settings=settings_from(args), read_only=True) as kg:
        output: Path | None = args.output
        if output is None or str(output) == "-":
            sys.stdout.flush()
            _write_export(kg, sys.stdout.buffer, args.format)
            sys.stdout.buffer.flush()
            return 0
        from kgload.files import atomic_write

        with atomic_write(output) as handle:
            _write_export(kg, handle, args.format)
    err(f"exported the graph as {args.format} to {output}")
    return 0


def _write_export(kg: KG, handle: IO[bytes], format: str) -> None:
    """RDF, or the network of actors and events as GraphML (`kgload.network`)."""
    if format == "graphml":
        from kgload.network import write_graphml

        write_graphml(kg.network(), handle)
    else:
        kg.export(handle, format=format)
