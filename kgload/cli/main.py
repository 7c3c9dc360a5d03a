"""The `kgload` command: parse options, call one library function, render the result.

Every command is a small function over the public API (`kgload.client.KG`, saved queries, the
offline KB); none builds SPARQL or triples. Each command (or group) lives in its own module of
this package, its options beside its handler, added by that module's `add_parser(commands)`;
shared options and helpers are in `kgload.cli.common`. The output contract is the same
everywhere:

- results (query rows, exports, stats) on stdout, so they can be piped;
- progress bars, warnings, one line per problem (``path: message [code]``) and the final
  summary on stderr;
- exit 0 when all went well, 1 when some items had data problems (a bad file, a SHACL
  violation), 2 on a usage or runtime error (printed as ``kgload: error: …``, with a traceback
  only under ``--debug``).

Heavy modules (spaCy, the stores) are imported inside the commands that need them, so
``kgload --help`` and ``kgload --version`` answer at once.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Callable

from kgload import __version__
from kgload.cli import (
    evaluate,
    export,
    extract,
    ingest,
    kb,
    load,
    query,
    serve,
    sparql,
    stats,
    validate,
)
from kgload.cli.common import err, log_to_stderr, one_line
from kgload.cli.export import EXPORT_FORMATS
from kgload.errors import KgloadError

__all__ = ["EXPORT_FORMATS", "build_parser", "main"]

Command = Callable[[argparse.Namespace], int]

COMMANDS = (ingest, export, load, extract, query, sparql, validate, stats, serve, evaluate, kb)
"""The command modules, in the order `kgload --help` lists them (`query` adds `queries` too)."""


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; exposed so tests and docs can list its commands and options."""
    parser = argparse.ArgumentParser(
        prog="kgload",
        description="Load geopolitical news into a Wikidata-linked knowledge graph and query it.",
        epilog="Settings also come from kgload.toml and KGLOAD_* variables; see the README.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"kgload {__version__}",
        help="print the version and exit",
    )
    parser.add_argument(
        "--debug", action="store_true", help="log debug messages and show tracebacks of errors"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of exiting, so tests can call it."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors: argparse has printed them
        return exc.code if isinstance(exc.code, int) else 2
    run: Command = args.run
    with log_to_stderr(logging.DEBUG if args.debug else logging.WARNING):
        try:
            return run(args)
        except KeyboardInterrupt:
            err("kgload: interrupted")
            return 130
        except BrokenPipeError:
            # The reader (`| head`) went away: not an error of ours. Point stdout at nothing so
            # the interpreter's final flush does not complain again.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        except (KgloadError, OSError) as exc:
            if args.debug:
                traceback.print_exc(file=sys.stderr)
            err(f"kgload: error: {one_line(exc)}")
            return 2
        except Exception as exc:  # a bug of ours: one line to read, the traceback on request
            if args.debug:
                traceback.print_exc(file=sys.stderr)
            err(
                f"kgload: internal error: {type(exc).__name__}: {one_line(exc)} "
                "(a bug in kgload: rerun with --debug and report it)"
            )
            return 3
