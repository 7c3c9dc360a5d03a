"""`kgload queries` and `kgload query NAME`: the saved queries, listed, explained and run.

Everything shown about a saved query (title, description, typed parameters with defaults and
help, list columns) is generated from its `.rq` header (`kgload.queries`), never written here:
`kgload query --help` lists the queries one line each, `kgload query NAME --help` (as
`kgload queries NAME`) shows NAME's parameters. Names given to `qid` parameters are resolved
through the KB (`kgload.names`) before the store is opened.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kgload.cli.common import (
    Subparsers,
    add_columns,
    add_config,
    add_format,
    add_store,
    err,
    key_value,
    plural,
    render,
    settings_from,
)
from kgload.cli.render import (
    FORMATS,
    choose_columns,
    query_help,
    query_list_help,
    query_rows,
    result_rows,
)
from kgload.errors import UsageError

if TYPE_CHECKING:
    from kgload.config import Settings
    from kgload.linking.kb import KnowledgeBase
    from kgload.paging import Request
    from kgload.queries import ParamValue
    from kgload.stores.base import QueryResult

__all__ = ["add_parser"]


def add_parser(commands: Subparsers) -> None:
    """Add `queries` and `query` to the `kgload` subcommands."""
    _add_queries(commands)
    _add_query(commands)


def _add_queries(commands: Subparsers) -> None:
    queries = commands.add_parser(
        "queries",
        help="list the saved queries and their parameters",
        description="List the saved queries, with each parameter's type and default "
        "(NAME: TYPE required, NAME: TYPE? optional) and what the query returns; with NAME, "
        "that query's parameters with their help (as `kgload query NAME --help`).",
    )
    queries.add_argument(
        "name", metavar="NAME", nargs="?", help="show this query's help (as `query NAME --help`)"
    )
    add_format(queries)
    add_columns(queries)
    queries.set_defaults(run=_queries)


def _add_query(commands: Subparsers) -> None:
    # Its own -h: with a NAME, the help is the query's (generated from its header).
    query = commands.add_parser(
        "query",
        add_help=False,
        help="run a saved query",
        description="Run a saved query (see `kgload queries`) and print its rows. "
        "`kgload query NAME --help` lists NAME's parameters with their help.",
        epilog="A qid parameter also takes a name or a role title looked up in the knowledge "
        'base: -p actor="Vladimir Putin", -p actor=Putin, -p actor="o presidente '
        'russo@2025-08-14". When the limit withholds rows, stderr says so; -p limit=0 '
        "is no limit.",
    )
    add_store(query)
    add_config(query)
    query.add_argument(
        "-h", "--help", action="store_true", help="show this help (with NAME: the query's help)"
    )
    query.add_argument(
        "name", metavar="NAME", nargs="?", help="the saved query's name, e.g. phone_calls"
    )
    query.add_argument(
        "-p",
        "--param",
        metavar="KEY=VALUE",
        type=key_value,
        action="append",
        default=[],
        help="a query parameter (repeatable), e.g. actor=Q7747 or actor=Putin",
    )
    query.add_argument(
        "--explain",
        action="store_true",
        help="also print the bound SPARQL and the time of each step on stderr",
    )
    add_format(query)
    add_columns(query)
    query.set_defaults(run=_query, parser=query)


def _queries(args: argparse.Namespace) -> int:
    # The list comes from the query files themselves: no store needs to be opened for it.
    from kgload.queries import get_saved_query, load_saved_queries

    if args.name is not None:
        sys.stdout.write(query_help(get_saved_query(args.name)))
        return 0
    columns, rows = query_rows(load_saved_queries())
    columns, rows = choose_columns(columns, rows, args.columns)
    render(columns, rows, args.format, title="Saved queries")
    return 0


def _query(args: argparse.Namespace) -> int:
    if args.help or args.name is None:
        return _query_help(args)
    from kgload.client import KG

    settings = settings_from(args)
    params = _query_params(args, settings)
    if args.explain:
        return _explain_query(args, params, settings)
    with KG.open(settings=settings, read_only=True) as kg:
        result = kg.query(args.name, **params)
        withheld = None
        if result.truncated:
            total, exact = kg.count(args.name, **params)
            withheld = (max(total - len(result.rows), 0), exact)
    columns, rows = result_rows(result, base=settings.base)
    columns, rows = choose_columns(columns, rows, args.columns)
    render(columns, rows, args.format)
    err(_row_count(result, len(rows), args.name, params, withheld))
    return 0


def _query_help(args: argparse.Namespace) -> int:
    """`kgload query --help` with the saved queries listed, or with a NAME, the query's own
    help; both generated from the `.rq` headers."""
    from kgload.queries import get_saved_query, load_saved_queries

    parser: argparse.ArgumentParser = args.parser
    if args.name is None:
        if not args.help:
            parser.print_usage(sys.stderr)
            err("kgload query: error: give a query NAME (see `kgload queries`)")
            return 2
        parser.print_help(sys.stdout)
        sys.stdout.write("\n" + query_list_help(load_saved_queries()))
        return 0
    sys.stdout.write(query_help(get_saved_query(args.name)))
    sys.stdout.write("\nOptions (see `kgload query --help`): --store URL, --format "
                     f"{{{','.join(FORMATS)}}}, --columns A,B, --explain\n")
    return 0


def _given_params(args: argparse.Namespace) -> dict[str, str]:
    """The `-p` values by key; a key given twice, or `name`, is a usage error."""
    params: dict[str, str] = {}
    for key, value in args.param:
        if key in params:
            raise UsageError(f"--param {key} given twice")
        params[key] = value
    if "name" in params:
        # `KG.query(name, **params)` takes the query's name as `name`; no saved query may
        # use it as a parameter, and saying so beats a TypeError.
        raise UsageError(f"query {args.name!r} has no parameter 'name'")
    return params


def _query_params(args: argparse.Namespace, settings: Settings) -> dict[str, ParamValue]:
    """The `-p` values, names given to qid parameters resolved through the KB, checked against
    the query before any store is opened (so a mistake is reported as such, whatever the
    store's state)."""
    from kgload.errors import QueryError
    from kgload.names import is_name, resolve_names
    from kgload.queries import ParamType, get_saved_query

    params = _given_params(args)
    query = get_saved_query(args.name)

    def kb() -> KnowledgeBase:
        from kgload.linking.kb import load_kb

        return load_kb(Path(settings.kb_dir) if settings.kb_dir else None)

    qids = frozenset(p.name for p in query.params if p.type is ParamType.QID)
    try:
        resolved: dict[str, ParamValue] = {
            key: value  # type: ignore[misc]
            for key, value in resolve_names(args.name, qids, params, kb).items()
        }
    except QueryError as exc:
        if "no entity or role" not in str(exc):
            raise
        # Perhaps a local entity the documents name: `KG.query` looks in the store for it.
        resolved = {k: ("Q1" if k in qids and is_name(v) else v) for k, v in params.items()}
        query.bind(resolved, base=settings.base)
        return dict(params)
    query.bind(resolved, base=settings.base)
    return resolved


def _row_count(
    result: QueryResult,
    count: int,
    name: str,
    params: dict[str, ParamValue],
    withheld: tuple[int, bool] | None = None,
) -> str:
    """`N rows`, and when the limit withheld rows, how many (`withheld`: count, exact) and how
    to see them."""
    from kgload.queries import get_saved_query

    text = plural(count, "row")
    if result.truncated:
        more = "more rows" if withheld is None else (
            f"{withheld[0]:,} more {'row' if withheld == (1, True) else 'rows'}"
            if withheld[1] else f"over {withheld[0]:,} more rows"
        )
        text += f"; the limit ({result.limit}) withheld {more}: -p limit=0 shows all"
        if any(p.name == "offset" for p in get_saved_query(name).params):
            offset = str(params.get("offset") or "0").strip()
            start = int(offset) if offset.isdigit() else 0
            text += f", -p offset={start + (result.limit or count)} the next page"
    return text


def _requests_told(requests: list[Request]) -> str:
    """The requests a query sent to the store, one line each: a page read window by window
    (Oxigraph, `#~window` queries) sends several, each the SPARQL above with its `#~window`
    line replaced by the pattern shown."""
    lines = [f"explain: {plural(len(requests), 'request')} to the store:"]
    for number, request in enumerate(requests, 1):
        told = plural(request.rows, "row")
        if request.kind == "ask":
            told = "true" if request.rows else "false"
        line = f"  {number:>3} {request.kind:<6} {request.seconds * 1000:8.1f} ms  {told}"
        if request.pattern:
            line += f"  {_short(request.pattern)}"
        lines.append(line)
    return "\n".join(lines)


def _short(pattern: str, width: int = 100) -> str:
    """A window pattern cut to one readable line."""
    text = " ".join(pattern.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _explain_query(
    args: argparse.Namespace, params: dict[str, ParamValue], settings: Settings
) -> int:
    """`query --explain`: the same run, plus the SPARQL as sent and each step's time on stderr,
    so a user can see why a query of their own is slow (the store's own plan is not portable)."""
    from kgload.client import KG
    from kgload.queries import get_saved_query, run_saved_query

    steps: list[tuple[str, float]] = []
    start = time.perf_counter()
    text = get_saved_query(args.name).bind(params, base=settings.base)
    steps.append(("bind", time.perf_counter() - start))
    err(f"explain: the SPARQL sent for {args.name!r}:\n{text.rstrip()}")
    start = time.perf_counter()
    requests: list[Request] = []
    with KG.open(settings=settings, read_only=True) as kg:
        steps.append(("open store", time.perf_counter() - start))
        start = time.perf_counter()
        result = run_saved_query(
            kg.store,
            args.name,
            kg.resolve_names(args.name, params),
            base=settings.base,
            trace=requests.append,
        )
        steps.append(("query", time.perf_counter() - start))
    err(_requests_told(requests))
    start = time.perf_counter()
    columns, rows = result_rows(result, base=settings.base)
    columns, rows = choose_columns(columns, rows, args.columns)
    render(columns, rows, args.format)
    steps.append(("render", time.perf_counter() - start))
    timings = ", ".join(f"{step} {seconds * 1000:.1f} ms" for step, seconds in steps)
    err(f"explain: {timings}; {plural(len(rows), 'row')}")
    err(_row_count(result, len(rows), args.name, params))
    return 0
