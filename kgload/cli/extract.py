"""`kgload extract`: extraction on a Dask cluster into a folder of N-Quads parts.

The work is `kgload.cluster.extract_files`; this module only reads the options and reports.
`kgload load DIR` lands the folder in a store afterwards.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kgload.cli.common import (
    Subparsers,
    add_config,
    err,
    iso_date,
    plural,
    positive_int,
    print_problems,
    problems_summary,
    progress,
)
from kgload.errors import UsageError

__all__ = ["add_parser"]


def _partition_number(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a partition number >= 0, got {text!r}")
    return number


def add_parser(commands: Subparsers) -> None:
    """Add `extract` to the `kgload` subcommands."""
    extract = commands.add_parser(
        "extract",
        help="extract articles on a Dask cluster into N-Quads parts",
        description="Read article files (as ingest does), cut them into partitions and "
        "extract each on a Dask worker into DIR/part-NNNNN.nq with a manifest; land the "
        "folder with `kgload load DIR`. Partitions already done for the same input are "
        "skipped, so a re-run only does what is missing. Needs kgload[cluster].",
    )
    add_config(extract)
    extract.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help="an article file, a .jsonl batch or a folder of them",
    )
    extract.add_argument(
        "--out", metavar="DIR", type=Path, required=True,
        help="folder for the parts and manifest.json (every worker must be able to write it)",
    )
    extract.add_argument(
        "--scheduler",
        metavar="URL",
        help="a running Dask scheduler, e.g. tcp://host:8786 (default: a local cluster)",
    )
    extract.add_argument(
        "--workers", metavar="N", type=positive_int,
        help="worker processes of the local cluster (default: the usable cores)",
    )
    sizes = extract.add_mutually_exclusive_group()
    sizes.add_argument(
        "--partitions", metavar="N", type=positive_int,
        help="cut the input into N partitions of equal size (reads it once more to count)",
    )
    sizes.add_argument(
        "--partition-size", metavar="N", type=positive_int,
        help="articles per partition (default: 250)",
    )
    extract.add_argument(
        "--partition", metavar="K", type=_partition_number,
        help="extract only partition K again (e.g. one the manifest lists as missing)",
    )
    extract.add_argument(
        "--lang", metavar="CODE", help="language of the articles (pt, en, es), overriding "
        "their header",
    )
    extract.add_argument(
        "--published", metavar="DATE", type=iso_date,
        help="publication date (YYYY-MM-DD) for articles that do not give one",
    )
    extract.set_defaults(run=_extract, store=None)


def _extract(args: argparse.Namespace) -> int:
    from kgload.cluster import extract_files
    from kgload.config import load_settings
    from kgload.sources import ArticleOverrides

    if args.scheduler is not None and args.workers is not None:
        raise UsageError("--workers sizes the local cluster; with --scheduler the cluster has "
                         "its own workers")
    settings = load_settings(config_file=args.config)
    with progress("partitions") as on_progress:
        report = extract_files(
            args.articles,
            args.out,
            settings=settings,
            scheduler=args.scheduler,
            workers=args.workers,
            partition_size=args.partition_size,
            partitions=args.partitions,
            only=args.partition,
            overrides=ArticleOverrides(lang=args.lang, published=args.published),
            progress=on_progress,
        )
    manifest = report.manifest
    print_problems(report.problems)
    for missing in report.failed:
        err(f"{args.out}: partition {missing.partition} failed: {missing.reason}; run it again "
            f"with --partition {missing.partition}")
    err(
        f"extracted {plural(manifest.documents, 'document')}, "
        f"{plural(manifest.events, 'event')}, {plural(manifest.quads, 'quad')} into "
        f"{plural(len(manifest.parts), 'part')} in {args.out} ({report.extracted} extracted "
        f"now, {report.reused} already done, {len(report.failed)} missing); "
        f"{problems_summary(report.problems)}"
    )
    return 0 if report.ok else 1
