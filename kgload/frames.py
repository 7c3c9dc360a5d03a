"""Query results as pandas DataFrames, with typed columns.

A column's dtype follows the RDF datatypes of its values, so an analyst can sort, filter and
plot at once: integers become ``Int64``, decimals and doubles ``Float64``, booleans
``boolean``, dates (``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear``, ``xsd:dateTime``)
``datetime64`` and text ``string``; an unbound value is ``<NA>``/``NaT``. A date known only to
the month or the year stands at its first day, and a column ``<name>_precision`` (``day``,
``month``, ``year``) is added beside it so that nothing is claimed that the text did not say.
IRIs are shown as in the command line's output (``Q7747``, ``event/3f9c…``, ``kg:Planned``).
List columns (a saved query's ``# list:`` header, or cells that already hold lists) hold
Python lists. A column whose values mix kinds keeps them as Python objects.

pandas is the optional extra ``analysis`` (``pip install 'kgload[analysis]'``), imported only
when a DataFrame is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, NamedNode

from kgload.cli.render import term_value
from kgload.config import DEFAULT_BASE
from kgload.errors import UsageError
from kgload.stores.base import LIST_SEPARATOR
from kgload.vocab import RDF_LANG_STRING
from kgload.vocab import XSD_NS as _XSD

if TYPE_CHECKING:
    from kgload.stores.base import QueryResult, Term

__all__ = ["require", "to_pandas"]

_INTEGERS = frozenset(
    _XSD + name
    for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
        "unsignedShort", "unsignedByte",
    )
)  # fmt: skip
_FLOATS = frozenset(_XSD + name for name in ("decimal", "double", "float"))
_DATES = {_XSD + "date": "day", _XSD + "gYearMonth": "month", _XSD + "gYear": "year"}
_DATETIME = _XSD + "dateTime"
_BOOLEAN = _XSD + "boolean"
_TEXT = frozenset({_XSD + "string", RDF_LANG_STRING.value})


def require(module: str, extra: str = "analysis") -> Any:
    """Import an optional package, or raise a one-line `UsageError` naming the extra."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise UsageError(
            f"this needs the optional package {module!r}: pip install 'kgload[{extra}]'"
        ) from None


def _kind(term: Term) -> str:
    """What a term is, for choosing its column's dtype."""
    if isinstance(term, Literal):
        datatype = term.datatype.value
        if datatype in _INTEGERS:
            return "integer"
        if datatype in _FLOATS:
            return "float"
        if datatype in _DATES or datatype == _DATETIME:
            return "date"
        if datatype == _BOOLEAN:
            return "boolean"
        if datatype in _TEXT or term.language is not None:
            return "text"
        return "other"
    if isinstance(term, NamedNode):
        return "text"
    return "other"


def _number(term: Term | None, kind: str) -> Any:
    if term is None:
        return None
    try:
        return int(term.value) if kind == "integer" else float(term.value)
    except ValueError:
        return None  # an ill-typed literal ("abc"^^xsd:integer) is as good as unknown


def _date_text(term: Literal) -> tuple[str, str]:
    """ISO text at the first day of the period, and the precision (`day`, `month`, `year`)."""
    text = term.value.strip()
    precision = _DATES.get(term.datatype.value, "day")
    if precision == "month":
        return text[:7] + "-01", precision
    if precision == "year":
        return text[:4] + "-01-01", precision
    if term.datatype.value != _DATETIME:
        return text[:10], precision  # an xsd:date may carry a time zone ("2025-08-15Z")
    return text, precision


def _list_cell(cell: Any, base: str) -> list[Any]:
    if isinstance(cell, list | tuple):
        return [
            term_value(item, base=base) if isinstance(item, NamedNode | Literal) else item
            for item in cell
        ]
    value = term_value(cell, base=base)
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in value.split(LIST_SEPARATOR) if part]
    return [value]


def _column(pd: Any, name: str, cells: Sequence[Any], base: str) -> dict[str, Any]:
    """One result column as typed pandas Series (two when a date column needs its precision)."""
    present = [cell for cell in cells if cell is not None]
    kinds = {_kind(cell) for cell in present}
    if kinds == {"integer"}:
        return {name: pd.array([_number(c, "integer") for c in cells], "Int64")}
    if kinds <= {"integer", "float"} and kinds:
        return {name: pd.array([_number(c, "float") for c in cells], "Float64")}
    if kinds == {"boolean"}:
        truths = [None if c is None else c.value in ("true", "1") for c in cells]
        return {name: pd.array(truths, dtype="boolean")}
    if kinds == {"date"}:
        texts = [_date_text(c) if c is not None else (None, None) for c in cells]
        parsed = pd.to_datetime(
            pd.Series([text for text, _ in texts], dtype="object"),
            errors="coerce",
            format="ISO8601",
            utc=any(c is not None and c.datatype.value == _DATETIME for c in cells),
        )
        columns = {name: parsed}
        precisions = [precision for _, precision in texts]
        if any(p not in (None, "day") for p in precisions):
            columns[f"{name}_precision"] = pd.array(precisions, dtype="string")
        return columns
    values = [term_value(cell, base=base) for cell in cells]
    if kinds <= {"text"}:
        return {name: pd.array(values, dtype="string")}
    return {name: pd.Series(values, dtype="object")}


def to_pandas(
    result: QueryResult,
    *,
    lists: Collection[str] = (),
    base: str = DEFAULT_BASE,
) -> Any:
    """A SELECT result as a `pandas.DataFrame` with typed columns (see the module docstring).

    Args:
        result: the query result.
        lists: columns whose cells are lists, joined with ``"; "`` by the query (a saved
            query's ``# list:`` header names them); each cell becomes a Python list.
        base: kgload's IRI base, cut from kgload's own IRIs as in the command line's output.

    >>> from kgload.stores.base import QueryResult
    >>> xsd = "http://www.w3.org/2001/XMLSchema#"
    >>> result = QueryResult(("n", "when"), (
    ...     (Literal("2", datatype=NamedNode(xsd + "integer")),
    ...      Literal("2025-08", datatype=NamedNode(xsd + "gYearMonth"))),
    ...     (None, Literal("2025-08-15", datatype=NamedNode(xsd + "date")))))
    >>> frame = to_pandas(result)
    >>> [str(t).split("[")[0] for t in frame.dtypes]  # datetime64[ns] or [us], by pandas version
    ['Int64', 'datetime64', 'string']
    >>> frame["when_precision"].tolist()
    ['month', 'day']
    """
    pd = require("pandas")
    columns: dict[str, Any] = {}
    for index, name in enumerate(result.variables):
        cells = [row[index] for row in result.rows]
        if name in lists or any(isinstance(cell, list | tuple) for cell in cells):
            values = [None if cell is None else _list_cell(cell, base) for cell in cells]
            columns[name] = pd.Series(values, dtype="object")
        else:
            columns.update(_column(pd, name, cells, base))
    frame = pd.DataFrame({key: pd.Series(value) for key, value in columns.items()})
    if not result.rows:
        frame = pd.DataFrame(columns=list(result.variables))
    return frame
