"""Output renderers of the command line: rows of plain values as a table, JSON, CSV or NDJSON.

Commands turn whatever the library returned into `(columns, rows)` of plain Python values first
(`result_rows` does it for SPARQL results), so every command gets all four formats from the same
few functions, and the terms of a query result are made readable in exactly one place.

Results go to the text stream a command is given (stdout); tables are drawn with rich, whose
console is built per call so that redirected or captured streams are honoured.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, TextIO

from pyoxigraph import BlankNode, Literal, NamedNode
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kgload.config import DEFAULT_BASE

if TYPE_CHECKING:
    from kgload.queries import SavedQuery
    from kgload.stores.base import QueryResult, Term

__all__ = [
    "FORMATS",
    "KG_NAMESPACE",
    "WIKIDATA_ENTITY",
    "Value",
    "query_rows",
    "render_rows",
    "result_rows",
    "term_value",
]

FORMATS = ("table", "json", "csv", "ndjson")
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
KG_NAMESPACE = "https://w3id.org/kgload/ontology#"

Value = str | int | float | bool | None

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = frozenset(
    _XSD + name
    for name in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                 "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt",
                 "unsignedLong", "unsignedShort", "unsignedByte")
)
_DECIMALS = frozenset(_XSD + name for name in ("decimal", "double", "float"))


def term_value(term: Term | None, *, base: str = DEFAULT_BASE) -> Value:
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
        for prefix, shown in ((WIKIDATA_ENTITY, ""), (KG_NAMESPACE, "kg:"), (base, "")):
            if iri.startswith(prefix) and len(iri) > len(prefix):
                return shown + iri[len(prefix):]
        return iri
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        return _literal_value(term)
    return str(term)


def _literal_value(term: Literal) -> Value:
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
    """The columns and readable rows of a SPARQL SELECT result."""
    rows = [[term_value(term, base=base) for term in row] for row in result.rows]
    return list(result.variables), rows


def query_rows(queries: Mapping[str, SavedQuery]) -> tuple[list[str], list[list[Value]]]:
    """One row per saved query: name, title and its parameters as `name: type = default`."""
    rows: list[list[Value]] = []
    for name in sorted(queries):
        query = queries[name]
        params = []
        for param in query.params:
            spec = f"{param.name}: {param.type.value}"
            if param.default is not None:
                spec += f" = {param.default}"
            elif not param.required:
                spec += "?"
            params.append(spec)
        rows.append([name, query.title, ", ".join(params)])
    return ["name", "title", "params"], rows


def render_rows(
    columns: Sequence[str],
    rows: Iterable[Sequence[Value]],
    *,
    format: str,
    out: TextIO,
    title: str | None = None,
) -> None:
    """Write rows in one of `FORMATS` to `out`.

    `json` is one array of objects (easy to load whole), `ndjson` one object per line (easy to
    stream and grep), `csv` has a header row and empty cells for unbound values, `table` is for
    eyes only, may wrap long cells and prints nothing for no rows.
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
    elif format == "table":
        _render_table(columns, rows, out=out, title=title)
    else:
        raise ValueError(f"unknown output format {format!r}; use one of {', '.join(FORMATS)}")


def _text(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


TABLE_CELL_WIDTH = 60


def _cut(text: str) -> str:
    return text if len(text) <= TABLE_CELL_WIDTH else text[: TABLE_CELL_WIDTH - 1] + "…"


def _render_table(columns: Sequence[str], rows: Iterable[Sequence[Value]], *, out: TextIO,
                  title: str | None) -> None:
    # A console per call: `out` may be a pipe, a file or pytest's capture, never a stale stdout.
    # Off a terminal there is no width to measure; a wide fixed one keeps rows on one line.
    console = Console(file=out, highlight=False, soft_wrap=False,
                      width=None if out.isatty() else 200)
    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(Text(column), overflow="fold")
    for row in rows:
        # Text, not str: a quote holding "[b]" must print as is, not as rich markup. A table is
        # for eyes: long cells (quotes, URLs) are cut; json/csv/ndjson keep them whole.
        table.add_row(*(Text(_cut("" if value is None else _text(value))) for value in row))
    if table.row_count:  # an empty frame tells nothing; the command's row count on stderr does
        console.print(table)
