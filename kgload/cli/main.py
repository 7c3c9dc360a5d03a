"""The `kgload` command: parse options, call one library function, render the result.

Every command is a small function over the public API (`kgload.client.KG`, saved queries, the
offline KB); none builds SPARQL or triples. The output contract is the same everywhere:

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
import datetime as dt
import json
import logging
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kgload import __version__
from kgload.cli import serve, sparql
from kgload.cli.render import (
    FORMATS,
    Value,
    choose_columns,
    query_help,
    query_rows,
    render_rows,
    result_rows,
    table_width,
)
from kgload.config import SETTINGS_TABLE, Settings, load_settings
from kgload.errors import KgloadError, UsageError

if TYPE_CHECKING:
    from kgload.client import KG
    from kgload.linking.kb import KnowledgeBase
    from kgload.model import Problem, ProgressCallback
    from kgload.queries import ParamValue
    from kgload.stores.base import QueryResult

__all__ = ["EXPORT_FORMATS", "build_parser", "main"]

EXPORT_FORMATS = ("nquads", "trig", "turtle", "jsonld", "ntriples", "graphml")
LOAD_FORMATS = ("nquads", "trig")

Command = Callable[[argparse.Namespace], int]

_SETTING_HELP = {setting.name: setting.help for setting in SETTINGS_TABLE}
_DEFAULTS = Settings()


# -- option types: argparse turns their ArgumentTypeError into a usage error (exit 2) ----------


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def _positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}")
    return number


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value


# -- the parser ---------------------------------------------------------------------------------


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

    store = argparse.ArgumentParser(add_help=False)
    store.add_argument(
        "--store", metavar="URL", help=f"{_SETTING_HELP['store']} (default: {_DEFAULTS.store})"
    )
    store.add_argument(
        "--config",
        metavar="FILE",
        type=Path,
        help="read settings from this TOML file instead of ./kgload.toml",
    )

    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ingest = commands.add_parser(
        "ingest",
        parents=[store],
        help="read articles, extract events and load them",
        description="Read article files (header format, plain text, .jsonl, or folders of "
        "them), web pages and RSS/Atom feeds by URL, or standard input (-), extract linked "
        "events and load each document's graph.",
    )
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
        type=_iso_date,
        help="publication date (YYYY-MM-DD) for articles that do not give "
        "one; relative dates in the text resolve against it",
    )
    ingest.add_argument(
        "--url", metavar="URL", help="source URL of the article (only with a single ARTICLE)"
    )
    ingest.add_argument(
        "--batch-size",
        metavar="N",
        type=_positive_int,
        help=f"{_SETTING_HELP['batch_size']} (default: {_DEFAULTS.batch_size})",
    )
    ingest.add_argument(
        "--workers",
        metavar="N",
        type=_positive_int,
        help="processes extracting articles; 1 = one process (default: the workers setting, "
        "0 = every usable core); the graph is the same for any N",
    )
    ingest.set_defaults(run=_ingest)

    export = commands.add_parser(
        "export",
        parents=[store],
        help="write the whole graph as RDF",
        description="Write every quad of the store as RDF to stdout or a file.",
    )
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

    load = commands.add_parser(
        "load",
        parents=[store],
        help="bulk-load an N-Quads or TriG file, or a folder of `kgload extract` parts",
        description="Bulk-load a quad file (for example one written by `kgload export`), or "
        "a folder written by `kgload extract` (every part checked against its manifest).",
    )
    load.add_argument(
        "file", metavar="FILE", type=Path, help="an .nq or .trig file, or a folder of parts"
    )
    load.add_argument(
        "--format", choices=LOAD_FORMATS, help="format of FILE (default: from its extension)"
    )
    load.set_defaults(run=_load)

    from kgload.cli import extract as extract_command

    extract_command.add_parser(commands)

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
    _add_format(queries)
    _add_columns(queries)
    queries.set_defaults(run=_queries)

    query = commands.add_parser(
        "query",
        parents=[store],
        add_help=False,
        help="run a saved query",
        description="Run a saved query (see `kgload queries`) and print its rows. "
        "`kgload query NAME --help` lists NAME's parameters with their help.",
        epilog="A qid parameter also takes a name or a role title looked up in the knowledge "
        'base: -p actor="Vladimir Putin", -p actor=Putin, -p actor="o presidente '
        'russo@2025-08-14". When the limit withholds rows, stderr says so; -p limit=0 '
        "is no limit.",
    )
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
        type=_key_value,
        action="append",
        default=[],
        help="a query parameter (repeatable), e.g. actor=Q7747 or actor=Putin",
    )
    query.add_argument(
        "--explain",
        action="store_true",
        help="also print the bound SPARQL and the time of each step on stderr",
    )
    _add_format(query)
    _add_columns(query)
    query.set_defaults(run=_query, parser=query)

    sparql.add_parser(commands)

    validate = commands.add_parser(
        "validate",
        parents=[store],
        help="check the graph against the SHACL shapes",
        description="Validate every document graph against ontology/shapes.ttl; "
        "exit 1 when there are violations.",
    )
    validate.set_defaults(run=_validate)

    stats = commands.add_parser(
        "stats",
        parents=[store],
        help="count documents, events, entities and quads",
        description="Count what the store holds: documents, events (in total and by type), "
        "entities, quads and graphs.",
    )
    _add_format(stats)
    stats.set_defaults(run=_stats)

    serve.add_parser(commands)

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
    _add_format(evaluate)
    evaluate.set_defaults(run=_eval)

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
    _add_format(kb_stats)
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
        command.add_argument("--config", metavar="FILE", type=Path, help="settings file")
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
                type=_positive_int,
                default=30,
                help="re-ask Wikidata for cached answers older than this (default: 30)",
            )
        command.set_defaults(run=_kb_build)
    return parser


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="output format (default: table; records: one `key: value` block per row)",
    )


def _add_columns(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--columns",
        metavar="A,B,…",
        help="print only these columns, in this order (any format)",
    )


# -- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of exiting, so tests can call it."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors: argparse has printed them
        return exc.code if isinstance(exc.code, int) else 2
    run: Command = args.run
    with _log_to_stderr(logging.DEBUG if args.debug else logging.WARNING):
        try:
            return run(args)
        except KeyboardInterrupt:
            _err("kgload: interrupted")
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
            _err(f"kgload: error: {_one_line(exc)}")
            return 2
        except Exception as exc:  # a bug of ours: one line to read, the traceback on request
            if args.debug:
                traceback.print_exc(file=sys.stderr)
            _err(
                f"kgload: internal error: {type(exc).__name__}: {_one_line(exc)} "
                "(a bug in kgload: rerun with --debug and report it)"
            )
            return 3


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class _StderrHandler(logging.Handler):
    """Writes kgload's log records to whatever `sys.stderr` is at the time of the record."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            _err(f"kgload: {record.levelname.lower()}: {self.format(record)}")
        except Exception:  # logging must never take the command down
            self.handleError(record)


@contextlib.contextmanager
def _log_to_stderr(level: int) -> Iterator[None]:
    logger = logging.getLogger("kgload")
    handler = _StderrHandler(level)
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(level)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


@contextlib.contextmanager
def _progress(description: str) -> Iterator[ProgressCallback]:
    """A progress callback drawing a rich bar on stderr, or doing nothing off a terminal.

    Off a terminal a bar would only leave control characters in logs, so none is drawn.
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console(file=sys.stderr)
    if not console.is_terminal:
        yield _no_progress
        return
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[item]}", markup=False),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(description, total=None, item="")

        def update(done: int, total: int | None, item: str) -> None:
            bar.update(task, completed=done, total=total, item=item)

        yield update


def _no_progress(done: int, total: int | None, item: str) -> None:
    """The progress callback used when nobody watches."""


def _settings(args: argparse.Namespace, **overrides: object) -> Settings:
    return load_settings(config_file=args.config, overrides={"store": args.store, **overrides})


def _plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def _problems_summary(problems: Sequence[Problem]) -> str:
    return _plural(len(problems), "problem") if problems else "no problems"


def _print_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        _err(str(problem))


# -- commands -----------------------------------------------------------------------------------


def _ingest(args: argparse.Namespace) -> int:
    from kgload.client import KG

    if args.url is not None and len(args.articles) > 1:
        raise UsageError("--url names one article; give exactly one ARTICLE with it")
    # Metadata given on the command line overrides the article's header (--lang, --published,
    # --url); the `lang` setting (KGLOAD_LANG, kgload.toml) is for articles that say nothing.
    from kgload.loader import IngestInterrupted

    settings = _settings(args, batch_size=args.batch_size, workers=args.workers)
    try:
        with KG.open(settings=settings) as kg, _progress("ingesting") as progress:
            report = kg.ingest(
                args.articles,
                lang=args.lang,
                published=args.published,
                url=args.url,
                batch_size=args.batch_size,
                progress=progress,
            )
    except IngestInterrupted as stop:
        _err(
            f"kgload: interrupted: {_plural(stop.report.documents, 'document')} committed "
            "before Ctrl-C are in the store, each whole, and nothing of the others; run the "
            "same command again to finish (documents already loaded are replaced, not doubled)"
        )
        return 130
    _print_problems(report.problems)
    _err(
        f"ingested {_plural(report.documents, 'document')}, {_plural(report.events, 'event')}, "
        f"{_plural(report.entities, 'entity', 'entities')}, "
        f"{_plural(report.quads, 'quad')}; {_problems_summary(report.problems)}"
    )
    return 0 if report.ok else 1


def _export(args: argparse.Namespace) -> int:
    from kgload.client import KG

    with KG.open(settings=_settings(args), read_only=True) as kg:
        output: Path | None = args.output
        if output is None or str(output) == "-":
            sys.stdout.flush()
            _write_export(kg, sys.stdout.buffer, args.format)
            sys.stdout.buffer.flush()
            return 0
        from kgload.files import atomic_write

        with atomic_write(output) as handle:
            _write_export(kg, handle, args.format)
    _err(f"exported the graph as {args.format} to {output}")
    return 0


def _write_export(kg: KG, handle: IO[bytes], format: str) -> None:
    """RDF, or the network of actors and events as GraphML (`kgload.network`)."""
    if format == "graphml":
        from kgload.network import write_graphml

        write_graphml(kg.network(), handle)
    else:
        kg.export(handle, format=format)


def _load(args: argparse.Namespace) -> int:
    from kgload.client import KG

    with KG.open(settings=_settings(args)) as kg, _progress("loading") as progress:
        report = kg.load(args.file, format=args.format, progress=progress)
    _print_problems(report.problems)
    documents = f" ({_plural(report.documents, 'document')})" if args.file.is_dir() else ""
    _err(
        f"loaded {_plural(report.quads, 'quad')}{documents} from {args.file}; "
        f"{_problems_summary(report.problems)}"
    )
    return 0 if report.ok else 1


def _queries(args: argparse.Namespace) -> int:
    # The list comes from the query files themselves: no store needs to be opened for it.
    from kgload.queries import get_saved_query, load_saved_queries

    if args.name is not None:
        sys.stdout.write(query_help(get_saved_query(args.name)))
        return 0
    columns, rows = query_rows(load_saved_queries())
    columns, rows = choose_columns(columns, rows, args.columns)
    _render(columns, rows, args.format, title="Saved queries")
    return 0


def _render(columns: list[str], rows: list[list[Value]], format: str, *,
            title: str | None = None) -> None:
    """Print rows on stdout; a table too narrow for every column says which it left out."""
    hidden = render_rows(columns, rows, format=format, out=sys.stdout, title=title)
    if hidden:
        _err(
            f"kgload: the table leaves out {', '.join(hidden)} to fit {table_width(sys.stdout)} "
            "columns; see them with --columns, --format records or a wider COLUMNS"
        )


def _query_params(args: argparse.Namespace, settings: Settings) -> dict[str, ParamValue]:
    """The `-p` values, names given to qid parameters resolved through the KB, checked against
    the query before any store is opened (so a mistake is reported as such, whatever the
    store's state)."""
    from kgload.errors import QueryError
    from kgload.names import is_name, resolve_names
    from kgload.queries import ParamType, get_saved_query

    params: dict[str, str] = {}
    for key, value in args.param:
        if key in params:
            raise UsageError(f"--param {key} given twice")
        params[key] = value
    if "name" in params:
        # `KG.query(name, **params)` takes the query's name as `name`; no saved query may
        # use it as a parameter, and saying so beats a TypeError.
        raise UsageError(f"query {args.name!r} has no parameter 'name'")
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


def _query(args: argparse.Namespace) -> int:
    if args.help or args.name is None:
        return _query_help(args)
    from kgload.client import KG

    settings = _settings(args)
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
    _render(columns, rows, args.format)
    _err(_row_count(result, len(rows), args.name, params, withheld))
    return 0


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

    text = _plural(count, "row")
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


def _query_help(args: argparse.Namespace) -> int:
    """`kgload query --help`, or with a NAME, the query's own help from its `.rq` header."""
    parser: argparse.ArgumentParser = args.parser
    if args.name is None:
        if not args.help:
            parser.print_usage(sys.stderr)
            _err("kgload query: error: give a query NAME (see `kgload queries`)")
            return 2
        parser.print_help(sys.stdout)
        return 0
    from kgload.queries import get_saved_query

    sys.stdout.write(query_help(get_saved_query(args.name)))
    sys.stdout.write("\nOptions (see `kgload query --help`): --store URL, --format "
                     f"{{{','.join(FORMATS)}}}, --columns A,B, --explain\n")
    return 0


def _explain_query(
    args: argparse.Namespace, params: dict[str, ParamValue], settings: Settings
) -> int:
    """`query --explain`: the same run, plus the SPARQL as sent and each step's time on stderr,
    so a user can see why a query of their own is slow (the store's own plan is not portable)."""
    from kgload.client import KG
    from kgload.queries import get_saved_query

    steps: list[tuple[str, float]] = []
    start = time.perf_counter()
    text = get_saved_query(args.name).bind(params, base=settings.base)
    steps.append(("bind", time.perf_counter() - start))
    _err(f"explain: the SPARQL sent for {args.name!r}:\n{text.rstrip()}")
    start = time.perf_counter()
    with KG.open(settings=settings, read_only=True) as kg:
        steps.append(("open store", time.perf_counter() - start))
        start = time.perf_counter()
        result = kg.query(args.name, **params)
        steps.append(("query", time.perf_counter() - start))
    start = time.perf_counter()
    columns, rows = result_rows(result, base=settings.base)
    columns, rows = choose_columns(columns, rows, args.columns)
    _render(columns, rows, args.format)
    steps.append(("render", time.perf_counter() - start))
    timings = ", ".join(f"{step} {seconds * 1000:.1f} ms" for step, seconds in steps)
    _err(f"explain: {timings}; {_plural(len(rows), 'row')}")
    _err(_row_count(result, len(rows), args.name, params))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from kgload.client import KG

    with KG.open(settings=_settings(args), read_only=True) as kg:
        report = kg.validate()
    _print_problems(report.problems)
    if report.conforms:
        _err("valid: the graph conforms to the SHACL shapes")
        return 0
    _err(f"invalid: {_plural(len(report.problems), 'SHACL violation')}")
    return 1


def _stats(args: argparse.Namespace) -> int:
    from kgload.client import KG

    with KG.open(settings=_settings(args), read_only=True) as kg:
        counts = kg.stats()
    render_rows(
        ["name", "count"],
        [[name, count] for name, count in counts.items()],
        format=args.format,
        out=sys.stdout,
    )
    return 0


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


def _eval(args: argparse.Namespace) -> int:
    from kgload.evaluation import evaluate_corpus, summary_rows
    from kgload.linking.kb import load_kb

    settings = _settings(args) if getattr(args, "config", None) else load_settings()
    kb = load_kb(Path(settings.kb_dir) if settings.kb_dir else None)
    report = evaluate_corpus(args.corpus, kb, model=settings.spacy_model)
    rows = summary_rows(report)
    columns = list(rows[0])
    if args.format == "json":
        payload = {
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
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    render_rows(
        columns,
        [[row[c] for c in columns] for row in rows],
        format=args.format,
        out=sys.stdout,
        title="kgload evaluation",
    )
    if not args.no_misses:
        misses = [
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
        render_rows(
            ["file", "kind", "item"], misses, format=args.format, out=sys.stdout, title="Misses"
        )
    return 0


def _kb_build(args: argparse.Namespace) -> int:
    from kgload.linking.builder import build_kb, update_kb
    from kgload.linking.wikidata import WikidataClient, is_placeholder_user_agent

    settings = load_settings(config_file=args.config)
    out = args.out or Path(settings.kb_dir or "kgload-kb")
    if getattr(args, "source", "wikidata") == "curated":
        from kgload.cli.kb import build_curated

        return build_curated(out)
    if is_placeholder_user_agent(settings.user_agent):
        _err(
            "kgload: warning: set user_agent (KGLOAD_USER_AGENT) to name you and a contact, "
            "as Wikidata's User-Agent policy asks"
        )
    with WikidataClient(settings) as client, _progress("Wikidata") as progress:
        if args.kb_command == "update":
            report = update_kb(client, out, max_age_days=args.max_age, progress=progress)
        else:
            report = build_kb(client, out, progress=progress)
    _print_problems(report.problems)
    counts = ", ".join(f"{n} {kind}" for kind, n in report.entities.items())
    _err(
        f"wrote {out}: {counts}; {report.aliases} aliases, {report.offices} offices, "
        f"{report.holders} holders; {report.requests} requests, "
        f"{report.served_from_cache} from cache"
    )
    return 0
