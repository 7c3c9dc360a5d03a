"""`kgload kb stats|build|update`: the offline Wikidata knowledge base.

`stats` counts the KB's entries; `build` and `update` write its tables from Wikidata
(`kgload.linking.builder`), politely and resumably, with a progress bar on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kgload.cli.common import (
    Subparsers,
    add_config,
    add_format,
    err,
    positive_int,
    print_problems,
    progress,
)
from kgload.cli.render import render_rows
from kgload.config import load_settings

__all__ = ["add_parser"]


def add_parser(commands: Subparsers) -> None:
    """Add `kb` and its subcommands to the `kgload` subcommands."""
    kb = commands.add_parser(
        "kb",
        help="the offline knowledge base",
        description="Inspect the offline Wikidata knowledge base.",
    )
    kb_commands = kb.add_subparsers(dest="kb_command", metavar="COMMAND", required=True)
    kb_stats = kb_commands.add_parser(
        "stats",
        help="count the knowledge base's entries by kind",
        description="Count entities by kind, and aliases, offices and tenures.",
    )
    add_format(kb_stats)
    kb_stats.set_defaults(run=_kb_stats)
    for name, helptext in (
        ("build", "build the knowledge-base tables from Wikidata (resumable, cached)"),
        ("update", "rebuild the tables, re-asking Wikidata for answers older than --max-age"),
    ):
        command = kb_commands.add_parser(
            name,
            help=helptext,
            description=f"{helptext[0].upper()}{helptext[1:]}. Sends one request at a time with "
            "the user_agent setting (set a contact in it), maxlag, back-off on 429/503 and "
            "Retry-After, and caches every answer in cache_dir; an interrupted run resumes.",
        )
        command.add_argument(
            "--out",
            metavar="DIR",
            type=Path,
            help="folder to write entities/aliases/offices/holders.tsv "
            "(default: the kb_dir setting, else ./kgload-kb); use it with KGLOAD_KB_DIR",
        )
        add_config(command, help="settings file")
        if name == "build":
            command.add_argument(
                "--from",
                dest="source",
                choices=("wikidata", "curated"),
                default="wikidata",
                help="wikidata (default): ask Wikidata; curated: the tables in "
                "kgload/linking/curated/ alone, no network (rebuilds the shipped KB)",
            )
        if name == "update":
            command.add_argument(
                "--max-age",
                metavar="DAYS",
                type=positive_int,
                default=30,
                help="re-ask Wikidata for cached answers older than this (default: 30)",
            )
        command.set_defaults(run=_kb_build)


def _kb_stats(args: argparse.Namespace) -> int:
    from kgload.linking.kb import load_kb

    settings = load_settings()
    counts = load_kb(Path(settings.kb_dir) if settings.kb_dir else None).counts()
    render_rows(
        ["kind", "count"],
        [[kind, count] for kind, count in counts.items()],
        format=args.format,
        out=sys.stdout,
        title="Offline knowledge base",
    )
    return 0


def _kb_build(args: argparse.Namespace) -> int:
    from kgload.linking.builder import build_kb, update_kb
    from kgload.linking.wikidata import WikidataClient, is_placeholder_user_agent

    settings = load_settings(config_file=args.config)
    out = args.out or Path(settings.kb_dir or "kgload-kb")
    if getattr(args, "source", "wikidata") == "curated":
        return _build_curated(out)
    if is_placeholder_user_agent(settings.user_agent):
        err(
            "kgload: warning: set user_agent (KGLOAD_USER_AGENT) to name you and a contact, "
            "as Wikidata's User-Agent policy asks"
        )
    with WikidataClient(settings) as client, progress("Wikidata") as on_progress:
        if args.kb_command == "update":
            report = update_kb(client, out, max_age_days=args.max_age, progress=on_progress)
        else:
            report = build_kb(client, out, progress=on_progress)
    print_problems(report.problems)
    counts = ", ".join(f"{n} {kind}" for kind, n in report.entities.items())
    err(
        f"wrote {out}: {counts}; {report.aliases} aliases, {report.offices} offices, "
        f"{report.holders} holders; {report.requests} requests, "
        f"{report.served_from_cache} from cache"
    )
    return 0


def _build_curated(out: Path) -> int:
    """Write the four tables to `out` from `kgload/linking/curated/` and report the counts."""
    from kgload.linking.generate import build_from_curated
    from kgload.linking.kb import KIND_ORDER

    counts = build_from_curated(out)
    kinds = ", ".join(f"{counts[kind]} {kind}" for kind in KIND_ORDER if kind in counts)
    err(
        f"wrote {out}: {kinds}; {counts['aliases']} aliases, {counts['offices']} offices, "
        f"{counts['holders']} holders (from the curated tables, no requests)"
    )
    return 0
