"""`kgload sparql QUERY|@FILE|-`: your own SELECT or ASK over the store, same output formats.

The default graph is the union of the store's graphs (see `kgload.sparql`), so a query needs no
`GRAPH` blocks; `--named-graphs` gives the store's own (empty) default graph instead, for
queries that name their graphs. Only SELECT and ASK run: the command never changes a store.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kgload.cli.common import (
    Subparsers,
    add_columns,
    add_config,
    add_format,
    add_store,
    err,
    plural,
    render,
    settings_from,
)
from kgload.errors import UsageError
from kgload.vocab import KG_NS

__all__ = ["add_parser", "read_query"]


def add_parser(commands: Subparsers) -> None:
    """Add `sparql` to the `kgload` subcommands (`commands` is argparse's subparsers object)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "sparql",
        help="run your own SPARQL SELECT or ASK query",
        description="Run a SPARQL SELECT or ASK query and print its rows. The default graph is "
        "the union of the store's graphs (documents and KB), so no GRAPH blocks are needed.",
        epilog="Examples: kgload sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?e a "
        f"<{KG_NS}Meeting> }}'; kgload sparql @my-query.rq; "
        "echo 'ASK { ?s ?p ?o }' | kgload sparql -",
    )
    parser.add_argument(
        "query", metavar="QUERY", help="the query text, @FILE to read it from a file, - for stdin"
    )
    add_store(parser, help="where the graph lives (default: the store setting)")
    add_config(parser, help="settings file")
    parser.add_argument(
        "--named-graphs",
        action="store_true",
        help="the named-graph view: the default graph is the store's own (empty in kgload's "
        "stores), so only GRAPH blocks see data",
    )
    add_format(parser)
    add_columns(parser, help="print only these columns, in this order")
    parser.set_defaults(run=_sparql)


def read_query(argument: str) -> str:
    """The query an argument names: its text, `@FILE`'s content or stdin's (`-`)."""
    if argument == "-":
        text = sys.stdin.read()
        where = "stdin"
    elif argument.startswith("@"):
        path = Path(argument[1:])
        where = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise UsageError(f"{path}: no such query file") from None
        except UnicodeDecodeError:
            raise UsageError(f"{path}: not UTF-8 text; save the query as UTF-8") from None
        except OSError as exc:
            raise UsageError(f"{path}: cannot read the query: {exc.strerror}") from None
    else:
        text, where = argument, "the QUERY argument"
    if not text.strip():
        raise UsageError(f"{where}: empty query; give a SELECT or ASK query")
    return text


def _sparql(args: argparse.Namespace) -> int:
    from kgload.cli.render import choose_columns, render_rows, result_rows
    from kgload.client import KG
    from kgload.sparql import ask, query_form, select

    text = read_query(args.query)
    form = query_form(text)
    if form not in ("SELECT", "ASK"):
        raise UsageError(
            f"kgload sparql runs SELECT and ASK queries, not {form}"
            + (" (use kgload export for the whole graph)" if form in ("CONSTRUCT", "DESCRIBE")
               else " (it never changes the store)")
        )
    settings = settings_from(args)
    with KG.open(settings=settings, read_only=True) as kg:
        if form == "ASK":
            answer = ask(kg.store, text, union=not args.named_graphs, base=settings.base)
        else:
            result = select(kg.store, text, union=not args.named_graphs, base=settings.base)
    if form == "ASK":
        if args.format in ("table", "records"):
            print("true" if answer else "false")
        else:
            render_rows(["answer"], [[answer]], format=args.format, out=sys.stdout)
        return 0
    columns, rows = result_rows(result, base=settings.base)
    columns, rows = choose_columns(columns, rows, args.columns)
    render(columns, rows, args.format)
    err(plural(len(rows), "row"))
    return 0
