"""`kgload eval CORPUS_DIR`: kgload's scores against gold-annotated articles.

The scoring is `kgload.evaluation`; this module prints its summary rows and, unless
`--no-misses`, every miss per article (in JSON, both in one document).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kgload.cli.common import Subparsers, add_format
from kgload.cli.render import Value, render_rows

if TYPE_CHECKING:
    from kgload.evaluation import EvalReport

__all__ = ["add_parser"]


def add_parser(commands: Subparsers) -> None:
    """Add `eval` to the `kgload` subcommands."""
    evaluate = commands.add_parser(
        "eval",
        help="score kgload against gold-annotated articles",
        description="Run kgload over a folder of articles with gold annotations (<name>.txt "
        "beside <name>.json or gold/<name>.json) and print precision, recall and "
        "F1 for entities and events per language, attribute accuracies, and misses.",
    )
    evaluate.add_argument(
        "corpus", metavar="CORPUS_DIR", type=Path, help="folder of articles and gold files"
    )
    evaluate.add_argument(
        "--no-misses",
        action="store_true",
        help="print only the scores, not the list of misses per article",
    )
    add_format(evaluate)
    evaluate.set_defaults(run=_eval)


def _eval(args: argparse.Namespace) -> int:
    from kgload.config import load_settings
    from kgload.evaluation import evaluate_corpus, summary_rows
    from kgload.linking.kb import load_kb

    settings = load_settings()
    kb = load_kb(Path(settings.kb_dir) if settings.kb_dir else None)
    report = evaluate_corpus(args.corpus, kb, model=settings.spacy_model)
    rows = summary_rows(report)
    columns = list(rows[0])
    if args.format == "json":
        sys.stdout.write(json.dumps(_json_report(rows, report), ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
        return 0
    render_rows(
        columns,
        [[row[c] for c in columns] for row in rows],
        format=args.format,
        out=sys.stdout,
        title="kgload evaluation",
    )
    if not args.no_misses:
        render_rows(
            ["file", "kind", "item"], _misses(report), format=args.format, out=sys.stdout,
            title="Misses",
        )
    return 0


def _json_report(rows: Sequence[dict[str, str]], report: EvalReport) -> dict[str, object]:
    """The scores and every article's misses, as one JSON document."""
    return {
        "scores": list(rows),
        "articles": [
            {
                "file": a.file,
                "lang": a.lang,
                "missed_entities": a.missed_entities,
                "wrong_entities": a.wrong_entities,
                "missed_events": a.missed_events,
                "wrong_events": a.wrong_events,
                "attribute_misses": a.attribute_misses,
            }
            for a in report.articles
        ],
    }


def _misses(report: EvalReport) -> list[list[Value]]:
    """One row (file, kind, item) per miss of every article."""
    return [
        [a.file, kind, item]
        for a in report.articles
        for kind, items in (
            ("missed entity", a.missed_entities),
            ("wrong entity", a.wrong_entities),
            ("missed event", a.missed_events),
            ("wrong event", a.wrong_events),
            ("attribute", a.attribute_misses),
        )
        for item in items
    ]
