"""What every `kgload` command shares: option types and options, settings, stderr and progress.

One function adds each shared option (`--store`, `--config`, `--format`, `--columns`), so the
commands spell them the same way; a command whose option reads differently passes its own
`help`. Messages go to stderr through `err`, so stdout holds only results.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgload.cli.render import FORMATS, Value, render_rows, table_width
from kgload.config import SETTINGS_TABLE, Settings, load_settings

if TYPE_CHECKING:
    from kgload.model import Problem, ProgressCallback

__all__ = [
    "CONFIG_HELP",
    "STORE_HELP",
    "Subparsers",
    "add_columns",
    "add_config",
    "add_format",
    "add_store",
    "err",
    "iso_date",
    "key_value",
    "log_to_stderr",
    "one_line",
    "plural",
    "positive_int",
    "print_problems",
    "problems_summary",
    "progress",
    "render",
    "settings_from",
]

Subparsers = Any
"""argparse's subparsers object (`add_subparsers()`), whose class argparse keeps private."""

_DEFAULTS = Settings()
STORE_HELP = (
    f"{next(s.help for s in SETTINGS_TABLE if s.name == 'store')} (default: {_DEFAULTS.store})"
)
CONFIG_HELP = "read settings from this TOML file instead of ./kgload.toml"


# -- option types: argparse turns their ArgumentTypeError into a usage error (exit 2) ----------


def iso_date(text: str) -> dt.date:
    """An option value as a date; a usage error unless it is YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def positive_int(text: str) -> int:
    """An option value as a whole number >= 1."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}")
    return number


def key_value(text: str) -> tuple[str, str]:
    """A `KEY=VALUE` option value as a pair (the key stripped, the value as given)."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value


# -- shared options -----------------------------------------------------------------------------


def add_store(parser: argparse.ArgumentParser, *, help: str = STORE_HELP) -> None:
    """`--store URL`: where the graph lives (the `store` setting when absent)."""
    parser.add_argument("--store", metavar="URL", help=help)


def add_config(parser: argparse.ArgumentParser, *, help: str = CONFIG_HELP) -> None:
    """`--config FILE`: the settings file to read instead of ./kgload.toml."""
    parser.add_argument("--config", metavar="FILE", type=Path, help=help)


def add_format(parser: argparse.ArgumentParser) -> None:
    """`--format`: one of the output formats of rows (`render.FORMATS`), a table by default."""
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="output format (default: table; records: one `key: value` block per row)",
    )


def add_columns(
    parser: argparse.ArgumentParser,
    *,
    help: str = "print only these columns, in this order (any format)",
) -> None:
    """`--columns A,B,…`: the columns to print, in order (`render.choose_columns`)."""
    parser.add_argument("--columns", metavar="A,B,…", help=help)


# -- settings, messages and output --------------------------------------------------------------


def settings_from(args: argparse.Namespace, **overrides: object) -> Settings:
    """The settings of a command with `--store` and `--config`; `overrides` win over files."""
    return load_settings(config_file=args.config, overrides={"store": args.store, **overrides})


def err(text: str) -> None:
    """Print one message line on stderr (flushed, so it interleaves with progress and logs)."""
    print(text, file=sys.stderr, flush=True)


def one_line(exc: BaseException) -> str:
    """An exception's message on one line (its type's name when it has none)."""
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 event`, `2 events` (`nouns` for an irregular plural)."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def problems_summary(problems: Sequence[Problem]) -> str:
    """`no problems` or `N problems`, the tail of a command's summary line."""
    return plural(len(problems), "problem") if problems else "no problems"


def print_problems(problems: Iterable[Problem]) -> None:
    """One stderr line per problem (``path: message [code]``)."""
    for problem in problems:
        err(str(problem))


def render(columns: list[str], rows: list[list[Value]], format: str, *,
           title: str | None = None) -> None:
    """Print rows on stdout; a table too narrow for every column says which it left out."""
    hidden = render_rows(columns, rows, format=format, out=sys.stdout, title=title)
    if hidden:
        err(
            f"kgload: the table leaves out {', '.join(hidden)} to fit {table_width(sys.stdout)} "
            "columns; see them with --columns, --format records or a wider COLUMNS"
        )


class _StderrHandler(logging.Handler):
    """Writes kgload's log records to whatever `sys.stderr` is at the time of the record."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            err(f"kgload: {record.levelname.lower()}: {self.format(record)}")
        except Exception:  # logging must never take the command down
            self.handleError(record)


@contextlib.contextmanager
def log_to_stderr(level: int) -> Iterator[None]:
    """Show the `kgload` logger's records from `level` up on stderr while the block runs."""
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
def progress(description: str) -> Iterator[ProgressCallback]:
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
