"""Output renderers of the command line: rows of plain values as a table, JSON, CSV or NDJSON.

Commands turn whatever the library returned into `(columns, rows)` of plain Python values first
(`result_rows` does it for SPARQL results), so every command gets all four formats from the same
few functions, and the terms of a query result are made readable in exactly one place.

Results go to the text stream a command is given (stdout); tables are drawn with rich, whose
console is built per call so that redirected or captured streams are honoured.

Tables are for eyes, so they fit the width they are given: `COLUMNS` when it is set (also off a
terminal), else the terminal's, else 80. A table wider than that first drops the columns it can
best spare (empty ones, an ID beside its label, document and source links, mostly empty ones,
then from the right; the first column stays) and says which on stderr. A date, a status, a
number or any other short one-word cell, and every header, is never broken mid-word: only
cells of several words wrap, and a long one-word cell (an IRI) is shortened with "…".
`records` shows every column, one `key: value` line each, one block per row.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, TextIO

from pyoxigraph import BlankNode, Literal, NamedNode

from kgload.config import DEFAULT_BASE
from kgload.errors import UsageError
from kgload.vocab import KG_NS, WD, XSD_NS

if TYPE_CHECKING:
    from kgload.queries import QueryParam, SavedQuery
    from kgload.stores.base import QueryResult, Term

__all__ = [
    "FORMATS",
    "Value",
    "choose_columns",
    "param_spec",
    "query_help",
    "query_list_help",
    "query_rows",
    "render_rows",
    "result_rows",
    "table_width",
    "term_value",
]

FORMATS = ("table", "records", "json", "csv", "ndjson")

Value = str | int | float | bool | list[str] | None
"""A readable cell: a list column's cell is a list of strings (joined with "; " in text)."""

# The XML Schema namespace, from the generated vocabulary rather than typed again here.
_XSD = XSD_NS
_INTEGERS = frozenset(
    _XSD + name
    for name in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                 "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt",
                 "unsignedLong", "unsignedShort", "unsignedByte")
)
_DECIMALS = frozenset(_XSD + name for name in ("decimal", "double", "float"))


def term_value(term: Term | None, *, base: str = DEFAULT_BASE) -> str | int | float | bool | None:
    """A term as a person (or a JSON consumer) wants to read it.

    Wikidata entities become their QID, kgload's own IRIs lose the data base
    (``event/1a2b…``) or become ``kg:Name``, literals become their value (numbers and booleans
    typed, so JSON output sorts and sums correctly); an unbound variable is None.

    >>> term_value(NamedNode("http://www.wikidata.org/entity/Q7747"))
    'Q7747'
    >>> term_value(NamedNode("https://w3id.org/kgload/ontology#Planned"))
    'kg:Planned'
    >>> term_value(Literal("3", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    3
    """
    if term is None:
        return None
    if isinstance(term, NamedNode):
        iri = term.value
        for prefix, shown in ((WD, ""), (KG_NS, "kg:"), (base, "")):
            if iri.startswith(prefix) and len(iri) > len(prefix):
                return shown + iri[len(prefix):]
        return iri
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        return _literal_value(term)
    return str(term)


def _literal_value(term: Literal) -> str | int | float | bool:
    datatype = term.datatype.value
    text = term.value
    try:
        if datatype in _INTEGERS:
            return int(text)
        if datatype in _DECIMALS:
            number = Decimal(text)
            # An integral decimal (a count from SUM) stays an int; NaN/INF have no JSON form.
            if not number.is_finite():
                return text
            return int(number) if number == number.to_integral_value() else float(number)
        if datatype == _XSD + "boolean":
            return text in ("true", "1")
    except (ValueError, InvalidOperation):
        return text
    return text


def result_rows(result: QueryResult, *, base: str = DEFAULT_BASE
                ) -> tuple[list[str], list[list[Value]]]:
    """The columns and readable rows of a SPARQL SELECT result; list columns as lists."""
    from kgload.stores.base import split_list

    lists = [column in result.lists for column in result.variables]
    rows: list[list[Value]] = [
        [split_list(term) if is_list else term_value(term, base=base)
         for term, is_list in zip(row, lists, strict=True)]
        for row in result.rows
    ]
    return list(result.variables), rows


def choose_columns(columns: Sequence[str], rows: Sequence[Sequence[Value]], chosen: str | None
                   ) -> tuple[list[str], list[list[Value]]]:
    """Keep the columns named in `chosen` ("a,b,c", in that order); None keeps them all.

    An unknown name is a UsageError listing the columns there are.
    """
    if chosen is None:
        return list(columns), [list(row) for row in rows]
    names = [name.strip() for name in chosen.split(",") if name.strip()]
    unknown = [name for name in names if name not in columns]
    if unknown or not names:
        raise UsageError(
            f"--columns: no column {', '.join(map(repr, unknown)) or 'given'}; "
            f"the columns are: {', '.join(columns)}"
        )
    at = [list(columns).index(name) for name in names]
    return names, [[row[i] for i in at] for row in rows]


def query_rows(queries: Mapping[str, SavedQuery]) -> tuple[list[str], list[list[Value]]]:
    """One row per saved query: name, title, parameters (`name: type` required, `name: type?`
    optional, `name: type = default`) and description; `kgload query NAME --help` gives each
    parameter's help."""
    rows: list[list[Value]] = []
    for name in sorted(queries):
        query = queries[name]
        params = ", ".join(param_spec(p) for p in query.params)
        rows.append([name, query.title, params, query.description])
    return ["name", "title", "params", "description"], rows


def query_help(query: SavedQuery) -> str:
    """A saved query's help, from its `.rq` header: title, description, parameters, lists."""
    import textwrap

    lines = [f"kgload query {query.name} [-p KEY=VALUE …] [--store URL] [--format F]", ""]
    lines += textwrap.wrap(f"{query.title}: {query.description}", 79)
    lines += ["", "Parameters (-p KEY=VALUE):"]
    specs = [(param_spec(p) + (" (required)" if p.required else ""), p) for p in query.params]
    pad = max((len(spec) for spec, _ in specs), default=0) + 2
    for spec, param in specs:
        help_text = param.help or param.expected
        if param.type.value == "qid":
            help_text += "; or a name or role title from the KB (Putin, o presidente russo@DATE)"
        wrapped = textwrap.wrap(help_text, max(30, 77 - pad)) or [""]
        lines.append(f"  {spec.ljust(pad)}{wrapped[0]}")
        lines += [" " * (pad + 2) + more for more in wrapped[1:]]
    if query.lists:
        lines += ["", f"List columns (arrays in json/ndjson, joined with \"; \" elsewhere): "
                      f"{', '.join(query.lists)}"]
    return "\n".join(lines) + "\n"


def query_list_help(queries: Mapping[str, SavedQuery], *, width: int = 79) -> str:
    """The saved queries for `kgload query --help`, one line each: name, title and the
    parameters it cannot run without, cut with "…" to `width`."""
    lines = ["saved queries (`kgload query NAME --help` shows NAME's parameters):"]
    pad = max((len(name) for name in queries), default=0) + 2
    for name in sorted(queries):
        query = queries[name]
        line = f"  {name.ljust(pad)}{query.title}"
        required = [param_spec(p) for p in query.params if p.required]
        if required:
            line += f" (needs {', '.join(required)})"
        lines.append(line if len(line) <= width else line[: width - 1] + "…")
    return "\n".join(lines) + "\n"


def param_spec(param: QueryParam) -> str:
    """A parameter as `name: type = default`, `name: type?` (optional) or `name: type`, a
    range as in the query's header (`decimal[0..1]`)."""
    spec = f"{param.name}: {param.type.value}"
    if param.low is not None and param.high is not None:
        spec += f"[{param.low}..{param.high}]"
    if param.default is not None:
        spec += f" = {param.default}"
    elif not param.required:
        spec += "?"
    return spec


def render_rows(
    columns: Sequence[str],
    rows: Iterable[Sequence[Value]],
    *,
    format: str,
    out: TextIO,
    title: str | None = None,
) -> list[str]:
    """Write rows in one of `FORMATS` to `out`; returns the columns a table had to leave out.

    `json` is one array of objects (easy to load whole), `ndjson` one object per line (easy to
    stream and grep), both with list cells as arrays; `csv` has a header row, empty cells for
    unbound values and list cells joined with "; "; `records` is one `key: value` block per
    row; `table` is for eyes only, fits the width (see `table_width`), may wrap cells of several
    words and prints nothing for no rows.
    """
    if format == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif format == "ndjson":
        for row in rows:
            out.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False))
            out.write("\n")
    elif format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if value is None else _text(value) for value in row])
    elif format == "records":
        _render_records(columns, rows, out=out)
    elif format == "table":
        return _render_table(columns, rows, out=out, title=title)
    else:
        raise ValueError(f"unknown output format {format!r}; use one of {', '.join(FORMATS)}")
    return []


def _text(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def _render_records(columns: Sequence[str], rows: Iterable[Sequence[Value]], *, out: TextIO
                    ) -> None:
    """One block per row, `key: value` lines with the keys aligned, a blank line between; a
    long value wraps at spaces to the table width, under its first line (never mid-word)."""
    import textwrap

    pad = max((len(c) for c in columns), default=0)
    room = max(20, table_width(out) - pad - 2)
    for number, row in enumerate(rows):
        if number:
            out.write("\n")
        for column, value in zip(columns, row, strict=True):
            text = " ".join(("" if value is None else _text(value)).split())
            lines = textwrap.wrap(text, room, break_long_words=False, break_on_hyphens=False)
            out.write(f"{column.ljust(pad)}: {lines[0] if lines else ''}".rstrip() + "\n")
            for more in lines[1:]:
                out.write(" " * (pad + 2) + more + "\n")


TABLE_CELL_WIDTH = 60
DEFAULT_WIDTH = 80


def table_width(out: TextIO) -> int:
    """The width a table must fit: `COLUMNS` if set (even off a terminal), else the
    terminal's, else 80."""
    text = os.environ.get("COLUMNS", "").strip()
    if text.isdigit() and int(text) > 0:
        return int(text)
    try:
        if out.isatty():
            return os.get_terminal_size(out.fileno()).columns
    except (OSError, ValueError, AttributeError):
        pass
    return DEFAULT_WIDTH


def _cut(text: str) -> str:
    return text if len(text) <= TABLE_CELL_WIDTH else text[: TABLE_CELL_WIDTH - 1] + "…"


def _spare_order(columns: Sequence[str], cells: Sequence[Sequence[str]]) -> list[int]:
    """Which columns a narrow table leaves out first: empty ones, an ID beside its label, links
    to documents and sources, columns empty in most rows, then from the right. The first column
    always stays."""
    names = set(columns)

    def rank(index: int) -> tuple[int, int]:
        name = columns[index]
        filled = sum(1 for row in cells if row[index])
        if not filled:
            return (-1, -index)
        labelled = {f"{name}_label", f"{name}_labels", f"{name.removesuffix('s')}_labels"}
        if labelled & names or (name.endswith("_ids") and name[: -len("_ids")] + "s" in names):
            return (0, -index)
        if name in ("document", "url", "source", "quote"):
            return (1, -index)
        if filled * 2 <= len(cells):
            return (2, -index)
        return (3, -index)

    return sorted(range(1, len(columns)), key=rank)


LONG_WORD = 16
"""A one-word cell longer than this (an IRI, a URL) may be shortened with "…" to fit."""


def _widths(columns: Sequence[str], cells: Sequence[Sequence[str]]
            ) -> tuple[list[int], list[int], list[bool]]:
    """Each column's narrowest width that breaks no word of the header or of a short one-word
    cell (dates, statuses, numbers), its natural width, and whether its cells are one word
    (shortened with "…", never wrapped)."""
    least, natural, one_words = [], [], []
    for index, column in enumerate(columns):
        texts = [row[index] for row in cells]
        longest = max((len(t) for t in texts), default=0)
        words = max((len(w) for t in texts for w in t.split()), default=0)
        one_word = all(len(t.split()) <= 1 for t in texts)
        floor = min(longest, LONG_WORD) if one_word else min(words, 12)
        least.append(max(len(column), floor))
        natural.append(max(len(column), longest))
        one_words.append(one_word)
    return least, natural, one_words


def _render_table(columns: Sequence[str], rows: Iterable[Sequence[Value]], *, out: TextIO,
                  title: str | None) -> list[str]:
    # Text, not str: a quote holding "[b]" must print as is, not as rich markup. A table is
    # for eyes: long cells (quotes, URLs) are cut; json/csv/ndjson keep them whole.
    cells = [[_cut("" if value is None else " ".join(_text(value).split())) for value in row]
             for row in rows]
    if not cells:  # an empty frame tells nothing; the command's row count on stderr does
        return []
    width = table_width(out)
    least, natural, one_word = _widths(columns, cells)
    shown = list(range(len(columns)))
    # rich draws "│ cell │": three characters per column and one for the left edge.
    for index in _spare_order(columns, cells):
        if sum(least[i] for i in shown) + 3 * len(shown) + 1 <= width:
            break
        shown.remove(index)
    # The room left goes to the columns that can wrap, up to their natural width.
    sizes = {i: least[i] for i in shown}
    room = width - (sum(sizes.values()) + 3 * len(shown) + 1)
    while room > 0:
        growing = [i for i in shown if sizes[i] < natural[i]]
        if not growing:
            break
        share = max(1, room // len(growing))
        for i in growing:
            extra = min(share, natural[i] - sizes[i], room)
            sizes[i] += extra
            room -= extra
    # rich is imported here: only tables need it, and it costs ~0.1 s at start.
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # A console per call: `out` may be a pipe, a file or pytest's capture, never a stale stdout.
    console = Console(file=out, highlight=False, soft_wrap=False, width=width)
    table = Table(title=title, show_lines=False, header_style="bold")
    for i in shown:
        table.add_column(
            Text(columns[i]),
            width=sizes[i],
            no_wrap=one_word[i],
            overflow="ellipsis" if one_word[i] else "fold",
        )
    for row in cells:
        table.add_row(*(Text(row[i]) for i in shown))
    console.print(table)
    return [columns[i] for i in range(len(columns)) if i not in shown]
