"""`kgload ingest`: read articles (files, folders, URLs, feeds, stdin), extract and load them.

The work is `KG.ingest`; this module reads the options and reports on stderr: one line per
problem and a summary, exit 1 when some article had a problem, 130 after Ctrl-C.
"""

from __future__ import annotations

import argparse

from kgload.cli.common import (
    Subparsers,
    add_config,
    add_store,
    err,
    iso_date,
    plural,
    positive_int,
    print_problems,
    problems_summary,
    progress,
    settings_from,
)
from kgload.config import SETTINGS_TABLE, Settings
from kgload.errors import UsageError

__all__ = ["add_parser"]

_BATCH_SIZE_HELP = next(s.help for s in SETTINGS_TABLE if s.name == "batch_size")


def add_parser(commands: Subparsers) -> None:
    """Add `ingest` to the `kgload` subcommands."""
    ingest = commands.add_parser(
        "ingest",
        help="read articles, extract events and load them",
        description="Read article files (header format, plain text, .jsonl, or folders of "
        "them), web pages and RSS/Atom feeds by URL, or standard input (-), extract linked "
        "events and load each document's graph.",
    )
    add_store(ingest)
    add_config(ingest)
    ingest.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help="an article file, a .jsonl batch or a folder of them; an http(s) URL of a page "
        "or of an RSS/Atom feed (each item is fetched); - for standard input (text or JSON Lines)",
    )
    ingest.add_argument(
        "--lang",
        metavar="CODE",
        help="language of the articles (pt, en, es), overriding their header",
    )
    ingest.add_argument(
        "--published",
        metavar="DATE",
        type=iso_date,
        help="publication date (YYYY-MM-DD) for articles that do not give "
        "one; relative dates in the text resolve against it",
    )
    ingest.add_argument(
        "--url", metavar="URL", help="source URL of the article (only with a single ARTICLE)"
    )
    ingest.add_argument(
        "--batch-size",
        metavar="N",
        type=positive_int,
        help=f"{_BATCH_SIZE_HELP} (default: {Settings().batch_size})",
    )
    ingest.add_argument(
        "--workers",
        metavar="N",
        type=positive_int,
        help="processes extracting articles; 1 = one process (default: the workers setting, "
        "0 = every usable core); the graph is the same for any N",
    )
    ingest.set_defaults(run=_ingest)


def _ingest(args: argparse.Namespace) -> int:
    from kgload.client import KG

    if args.url is not None and len(args.articles) > 1:
        raise UsageError("--url names one article; give exactly one ARTICLE with it")
    # Metadata given on the command line overrides the article's header (--lang, --published,
    # --url); the `lang` setting (KGLOAD_LANG, kgload.toml) is for articles that say nothing.
    from kgload.loader import IngestInterrupted

    settings = settings_from(args, batch_size=args.batch_size, workers=args.workers)
    try:
        with KG.open(settings=settings) as kg, progress("ingesting") as on_progress:
            report = kg.ingest(
                args.articles,
                lang=args.lang,
                published=args.published,
                url=args.url,
                batch_size=args.batch_size,
                progress=on_progress,
            )
    except IngestInterrupted as stop:
        err(
            f"kgload: interrupted: {plural(stop.report.documents, 'document')} committed "
            "before Ctrl-C are in the store, each whole, and nothing of the others; run the "
            "same command again to finish (documents already loaded are replaced, not doubled)"
        )
        return 130
    print_problems(report.problems)
    err(
        f"ingested {plural(report.documents, 'document')}, {plural(report.events, 'event')}, "
        f"{plural(report.entities, 'entity', 'entities')}, "
        f"{plural(report.quads, 'quad')}; {problems_summary(report.problems)}"
    )
    return 0 if report.ok else 1
