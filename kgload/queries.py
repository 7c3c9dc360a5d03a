"""Saved SPARQL queries: files with a typed header, bound to values safely by type.

A saved query is ``queries/<name>.rq``: a comment header, then a SPARQL 1.1 SELECT query::

    # title: Phone calls
    # description: Phone and video calls between actors, newest first.
    # param: actor: qid? -- an actor that took part (QID like Q7747, or an entity IRI)
    # param: limit: integer = 100 -- at most this many rows

A parameter is ``NAME: TYPE`` (required), ``NAME: TYPE?`` (optional, no default) or
``NAME: TYPE = DEFAULT``; help text follows ``--``; an indented comment line continues the
previous field. Unknown header keys are errors, so a typo never silently drops a parameter.

In the body a parameter is the SPARQL variable ``$name``. Binding replaces each ``$name`` token
(outside strings, IRIs and comments) with an RDF term built from the *validated* value — a QID
becomes ``<http://www.wikidata.org/entity/Q7747>``, a string an escaped literal — so a value can
never change the shape of the query. Lines between ``#[name]`` and ``#[/name]`` are dropped when
the parameter is unset; loading checks that an optional parameter only appears inside its own
block, so an unset parameter always leaves a valid, unfiltered query. ``$base`` (the data base
IRI, a string) and ``$kb`` (the knowledge-base graph IRI) are filled in by kgload.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from kgload.config import DEFAULT_BASE
from kgload.errors import QueryError
from kgload.model import EntityKind, EventType, PartialDate, Precision, Status
from kgload.paging import Request, select_paged
from kgload.stores.base import QueryResult, Store
from kgload.vocab import KG_NS as _KG
from kgload.vocab import WD as _WD
from kgload.vocab import XSD_NS as _XSD

__all__ = [
    "DEFAULT_BASE",
    "ParamType",
    "ParamValue",
    "QueryParam",
    "SavedQuery",
    "get_saved_query",
    "load_saved_queries",
    "parse_saved_query",
    "run_saved_query",
    "sparql_string",
]

ParamValue = str | int | float | Decimal | dt.date | PartialDate | NamedNode | None

_RESERVED = frozenset({"base", "kb"})

_HEADER_FIELDS = ("title", "description", "param", "list")
_HEADER_LINE = re.compile(r"^#\s?([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_CONTINUATION = re.compile(r"^#\s{2,}(\S.*?)\s*$")
_PARAM = re.compile(
    r"^(?P<name>[a-z_][a-z0-9_]*)\s*:\s*(?P<type>[a-z_]+)"
    r"(?:\[(?P<low>-?[0-9.]+)\.\.(?P<high>-?[0-9.]+)\])?(?P<optional>\?)?"
    r"\s*(?:=\s*(?P<default>.*?))?\s*(?:--\s*(?P<help>.*))?$"
)
_MARKER = re.compile(r"^\s*#\[(?P<close>/?)(?P<name>[a-z_][a-z0-9_]*)\]\s*$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
# Strings, comments and IRIs are matched first so that a `$word` inside them is left alone.
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r"|#[^\n]*"
    r'|<[^<>"{}|^`\\\s]*>'
    r"|\$(?P<var>[A-Za-z_][A-Za-z0-9_]*)"
)
_NO_LIMIT = re.compile(r"\bLIMIT\s+\$limit\b")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|^`\\]*$')
_INTEGER = re.compile(r"^[0-9]+$")
# Bounds that keep every number a parameter can hold small to write and cheap to compare.
_MAX_INTEGER = 1_000_000_000
_MAX_EXPONENT = 30
_LANG = re.compile(r"^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$")
# ECHAR escapes for the characters a SPARQL string may not hold raw. Other controls use \\u,
# which is safe even where \\u is decoded before parsing: none of them means anything there.
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


class ParamType(StrEnum):
    """The types a saved-query parameter can have; each knows how to become an RDF term."""

    QID = "qid"
    IRI = "iri"
    DATE = "date"
    STRING = "string"
    INTEGER = "integer"
    DECIMAL = "decimal"
    STATUS = "status"
    EVENT_TYPE = "event_type"
    KIND = "kind"
    LANG = "lang"

    @property
    def expected(self) -> str:
        """What a value of this type looks like, for error messages and help."""
        return _EXPECTED[self]


_EXPECTED: dict[ParamType, str] = {
    ParamType.QID: "a Wikidata QID like Q7747 or an entity IRI",
    ParamType.IRI: 'an absolute IRI without spaces or <>"{}|^`\\',
    ParamType.DATE: "an ISO date: YYYY, YYYY-MM or YYYY-MM-DD",
    ParamType.STRING: "a string",
    ParamType.INTEGER: "a whole number >= 0",
    ParamType.DECIMAL: "a finite decimal number like 0.8",
    ParamType.STATUS: "one of " + ", ".join(s.value.lower() for s in Status),
    ParamType.EVENT_TYPE: "one of "
    + ", ".join(re.sub(r"(?<!^)(?=[A-Z])", "_", t.value).lower() for t in EventType),
    ParamType.KIND: "one of " + ", ".join(k.value.lower() for k in EntityKind),
    ParamType.LANG: "a language code like en or pt-BR",
}


@dataclass(frozen=True, slots=True)
class QueryParam:
    """One typed parameter of a saved query; `default` is its text from the header, if any."""

    name: str
    type: ParamType
    required: bool
    default: str | None = None
    help: str = ""
    low: Decimal | None = None
    high: Decimal | None = None

    @property
    def expected(self) -> str:
        """What a value looks like, with the parameter's range when it has one."""
        if self.low is None or self.high is None:
            return self.type.expected
        return f"a number from {self.low} to {self.high}"


@dataclass(frozen=True, slots=True)
class SavedQuery:
    """A saved SPARQL query: its metadata, typed parameters and text (header included)."""

    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    text: str
    lists: tuple[str, ...] = ()

    def param(self, name: str) -> QueryParam:
        """The parameter called `name`; QueryError naming the known ones otherwise."""
        for param in self.params:
            if param.name == name:
                return param
        raise QueryError(f"query {self.name!r} has no parameter {name!r}; {self._known()}")

    def bind(
        self, values: Mapping[str, ParamValue] | None = None, *, base: str = DEFAULT_BASE
    ) -> str:
        """The SPARQL to run: every `$name` replaced by a validated term, unset blocks removed.

        >>> q = parse_saved_query("# title: T\\n# description: D\\n# param: who: qid\\n"
        ...                       "SELECT * WHERE { GRAPH ?g { ?e ?p $who } }", name="t")
        >>> q.bind({"who": "Q7747"}).splitlines()[-1]
        'SELECT * WHERE { GRAPH ?g { ?e ?p <http://www.wikidata.org/entity/Q7747> } }'
        """
        given = dict(values or {})
        unknown = sorted(set(given) - {p.name for p in self.params})
        if unknown:
            raise QueryError(
                f"query {self.name!r} has no parameter {', '.join(map(repr, unknown))}; "
                + self._known()
            )
        if not _IRI.match(base):
            raise QueryError(f"base must be an absolute IRI, got {base!r}")
        terms = {"base": sparql_string(base), "kb": f"<{base}graph/kb>"}
        for param in self.params:
            value = given.get(param.name)
            if value is None:
                value = param.default
            if value is None:
                if param.required:
                    raise QueryError(
                        f"query {self.name!r} needs parameter {param.name!r} "
                        f"({param.expected}){': ' + param.help if param.help else ''}"
                    )
                continue
            terms[param.name] = self._render(param, value)
        kept = _strip_blocks(self.text, set(terms))
        if terms.get("limit") == "0":
            # `limit=0` means no limit (SPARQL's `LIMIT 0` would mean no rows).
            kept = _NO_LIMIT.sub("", kept)
        return _substitute(kept, terms)

    def term(self, name: str, values: Mapping[str, ParamValue]) -> str | None:
        """The SPARQL term `bind` writes for parameter `name`, or None when it is unset."""
        param = self.param(name)
        value = values.get(name, param.default)
        return None if value is None else self._render(param, value)

    def _render(self, param: QueryParam, value: ParamValue) -> str:
        """One value as a SPARQL term, or a QueryError in one short line naming the parameter."""
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        where = f"query {self.name!r}: parameter {param.name!r}"
        if isinstance(value, str) and any(0xD800 <= ord(c) <= 0xDFFF for c in value):
            raise QueryError(f"{where}: {ascii(value)[:60]} is not valid UTF-8 text")
        try:
            term = _RENDERERS[param.type](value)
            bounded = param.low is not None and param.high is not None
            if bounded and not param.low <= _number(value) <= param.high:  # type: ignore[operator]
                raise ValueError("out of range")
        except (ValueError, TypeError) as exc:
            raise QueryError(f"{where} expects {param.expected}; got {shown}") from exc
        return term

    def _known(self) -> str:
        names = ", ".join(p.name for p in self.params)
        return f"its parameters are: {names}" if names else "it takes no parameters"


def sparql_string(value: str) -> str:
    """A SPARQL string literal holding exactly `value`.

    >>> print(sparql_string('say "hi"\\n'))
    "say \\"hi\\"\\n"
    """
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


# -- value → term, one function per type; each raises ValueError/TypeError on a bad value ------


def _text(value: ParamValue) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value.strip()


def _iri_term(value: ParamValue) -> str:
    text = value.value if isinstance(value, NamedNode) else _text(value)
    if not _IRI.match(text):
        raise ValueError(f"not an IRI: {text!r}")
    return f"<{text}>"


def _qid_term(value: ParamValue) -> str:
    text = value.value if isinstance(value, NamedNode) else _text(value)
    qid = text.removeprefix("wd:")
    if _QID.match(qid):
        return f"<{_WD}{qid}>"
    if text.startswith(("Q", "q", "wd:")) or ":" not in text:
        raise ValueError(f"not a QID: {text!r}")
    return _iri_term(text)


def _date_term(value: ParamValue) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        value = PartialDate.from_date(value)
    if not isinstance(value, PartialDate):
        value = PartialDate.parse(_text(value))
    datatype = {Precision.DAY: "date", Precision.MONTH: "gYearMonth", Precision.YEAR: "gYear"}
    return f'"{value.iso()}"^^<{_XSD}{datatype[value.precision]}>'


def _string_term(value: ParamValue) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return sparql_string(value)


def _integer_term(value: ParamValue) -> str:
    if isinstance(value, bool):
        raise TypeError("a boolean is not an integer")
    number = value if isinstance(value, int) else None
    if number is None:
        text = _text(value)
        if not _INTEGER.match(text) or len(text) > 12:
            raise ValueError(f"not a whole number of at most 12 digits: {text[:20]!r}")
        number = int(text)
    if not 0 <= number <= _MAX_INTEGER:
        raise ValueError(f"out of range: {number}")
    return str(number)


def _number(value: ParamValue) -> Decimal:
    """A parameter's number, refused before it can grow: a huge exponent would take seconds and
    gigabytes to write out in full."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not finite: {value}")
        number = Decimal(repr(value))
    elif isinstance(value, (int, Decimal)):
        number = Decimal(value)
    else:
        text = _text(value)
        if len(text) > 40:
            raise ValueError("more than 40 characters")
        try:
            number = Decimal(text)
        except InvalidOperation as exc:
            raise ValueError(f"not a number: {value!r}") from exc
    if not number.is_finite():
        raise ValueError(f"not finite: {number}")
    if number != 0 and not -_MAX_EXPONENT <= number.adjusted() <= _MAX_EXPONENT:
        raise ValueError(f"out of range: {number:.3e}")
    return number


def _decimal_term(value: ParamValue) -> str:
    return f'"{_number(value):f}"^^<{_XSD}decimal>'


def _choice(names: Mapping[str, str]) -> Callable[[ParamValue], str]:
    """A renderer for a closed set: case, `_`, `-`, spaces and a `kg:` prefix are ignored."""

    def render(value: ParamValue) -> str:
        key = re.sub(r"[\s_-]", "", _text(value).removeprefix("kg:")).lower()
        if key not in names:
            raise ValueError(f"not one of the allowed values: {value!r}")
        return f"<{_KG}{names[key]}>"

    return render


def _lang_term(value: ParamValue) -> str:
    text = _text(value)
    if not _LANG.match(text):
        raise ValueError(f"not a language code: {text!r}")
    return sparql_string(text.lower())


_RENDERERS: dict[ParamType, Callable[[ParamValue], str]] = {
    ParamType.QID: _qid_term,
    ParamType.IRI: _iri_term,
    ParamType.DATE: _date_term,
    ParamType.STRING: _string_term,
    ParamType.INTEGER: _integer_term,
    ParamType.DECIMAL: _decimal_term,
    ParamType.STATUS: _choice({s.value.lower(): s.value for s in Status}),
    ParamType.EVENT_TYPE: _choice({t.value.lower(): t.value for t in EventType}),
    ParamType.KIND: _choice({k.value.lower(): k.value for k in EntityKind}),
    ParamType.LANG: _lang_term,
}


# -- the body: optional blocks and `$name` tokens -----------------------------------------------


def _strip_blocks(text: str, bound: set[str]) -> str:
    """Drop marker lines, and the lines of blocks whose parameter is unset."""
    kept: list[str] = []
    open_blocks: list[str] = []
    for line in text.splitlines(keepends=True):
        marker = _MARKER.match(line)
        if marker:
            if marker["close"]:
                open_blocks.pop()
            else:
                open_blocks.append(marker["name"])
            continue
        if all(name in bound for name in open_blocks):
            kept.append(line)
    return "".join(kept)


def _substitute(text: str, terms: Mapping[str, str]) -> str:
    """Replace `$name` tokens in one pass, so an inserted term is never scanned again."""

    def replace(match: re.Match[str]) -> str:
        var = match["var"]
        return terms[var] if var is not None else match[0]

    return _TOKENS.sub(replace, text)


def _check_body(name: str, text: str, params: tuple[QueryParam, ...]) -> None:
    """Refuse bodies whose markers or `$name` uses could break binding."""
    declared = {p.name: p for p in params}
    line_blocks: list[frozenset[str]] = []
    open_blocks: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        marker = _MARKER.match(line)
        if marker:
            block = marker["name"]
            if block not in declared:
                raise QueryError(
                    f"query {name!r} line {number}: block for unknown parameter {block!r}"
                )
            if not marker["close"]:
                open_blocks.append(block)
            elif not open_blocks or open_blocks.pop() != block:
                raise QueryError(f"query {name!r} line {number}: #[/{block}] closes nothing")
        line_blocks.append(frozenset(open_blocks))
    if open_blocks:
        raise QueryError(f"query {name!r}: block #[{open_blocks[-1]}] is never closed")

    used: set[str] = set()
    for match in _TOKENS.finditer(text):
        var = match["var"]
        if var is None:
            continue
        if var not in declared and var not in _RESERVED:
            raise QueryError(f"query {name!r} uses ${var}, which its header does not declare")
        used.add(var)
        param = declared.get(var)
        index = text.count("\n", 0, match.start())
        if param and not param.required and param.default is None and var not in line_blocks[index]:
            raise QueryError(
                f"query {name!r} line {index + 1}: ${var} is optional, so it may only appear "
                f"between #[{var}] and #[/{var}]"
            )
    unused = sorted(set(declared) - used)
    if unused:
        raise QueryError(f"query {name!r} declares parameters it never uses: {', '.join(unused)}")


# -- the header ---------------------------------------------------------------------------------


def _parse_param(query: str, spec: str) -> QueryParam:
    match = _PARAM.match(spec)
    if not match:
        raise QueryError(
            f"query {query!r}: bad parameter {spec!r}; expected 'NAME: TYPE[?] [= DEFAULT] "
            "[-- help]'"
        )
    name, type_name, default = match["name"], match["type"], match["default"]
    try:
        param_type = ParamType(type_name)
    except ValueError:
        known = ", ".join(t.value for t in ParamType)
        raise QueryError(
            f"query {query!r}: parameter {name!r} has unknown type {type_name!r}; known: {known}"
        ) from None
    if name in _RESERVED:
        raise QueryError(f"query {query!r}: ${name} is filled in by kgload; rename the parameter")
    if default is not None:
        if not default:
            raise QueryError(f"query {query!r}: parameter {name!r} has an empty default")
        if match["optional"]:
            raise QueryError(f"query {query!r}: parameter {name!r} has a default, so drop the '?'")
        try:
            _RENDERERS[param_type](default)
        except (ValueError, TypeError) as exc:
            raise QueryError(
                f"query {query!r}: default of {name!r} is not {param_type.expected}: {default!r}"
            ) from exc
    required = default is None and not match["optional"]
    low, high = match["low"], match["high"]
    if (low is not None) and param_type not in (ParamType.INTEGER, ParamType.DECIMAL):
        raise QueryError(f"query {query!r}: only integer and decimal parameters take a range")
    try:
        bounds = (Decimal(low), Decimal(high)) if low is not None and high is not None else None
    except InvalidOperation:
        raise QueryError(f"query {query!r}: bad range of {name!r}: [{low}..{high}]") from None
    return QueryParam(
        name,
        param_type,
        required,
        default,
        (match["help"] or "").strip(),
        *(bounds or (None, None)),
    )


def parse_saved_query(text: str, *, name: str) -> SavedQuery:
    """Read a saved query from its text; QueryError says what is wrong with the header or body."""
    if not _NAME.match(name):
        raise QueryError(f"bad query name {name!r}: use lowercase letters, digits and '_'")
    fields: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#") or _MARKER.match(line):
            break
        if not line[1:].strip():
            continue
        continued = _CONTINUATION.match(line)
        if continued and fields:
            key, value = fields[-1]
            fields[-1] = (key, f"{value} {continued[1]}")
            continue
        match = _HEADER_LINE.match(line)
        if not match:
            raise QueryError(
                f"query {name!r} line {number}: expected '# key: value' in the header, got {line!r}"
            )
        key = match[1].lower()
        if key not in _HEADER_FIELDS:
            raise QueryError(
                f"query {name!r} line {number}: unknown header key {match[1]!r}; "
                f"known: {', '.join(_HEADER_FIELDS)}"
            )
        fields.append((key, match[2]))

    meta: dict[str, str] = {}
    params: list[QueryParam] = []
    lists: list[str] = []
    for key, value in fields:
        if key == "list":
            lists += _parse_lists(name, value, text)
        elif key == "param":
            param = _parse_param(name, value)
            if any(p.name == param.name for p in params):
                raise QueryError(f"query {name!r}: parameter {param.name!r} declared twice")
            params.append(param)
        elif key in meta:
            raise QueryError(f"query {name!r}: {key!r} given twice")
        else:
            meta[key] = value
    for key in ("title", "description"):
        if not meta.get(key):
            raise QueryError(f"query {name!r}: the header needs a '# {key}:' line")
    _check_body(name, text, tuple(params))
    return SavedQuery(
        name, meta["title"], meta["description"], tuple(params), text, tuple(dict.fromkeys(lists))
    )


def _parse_lists(query: str, value: str, text: str) -> list[str]:
    """The `# list:` columns: names of result variables whose cells are `"; "`-joined lists."""
    names = [part.strip() for part in value.split(",")]
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    projection = body.split("WHERE", 1)[0]
    for column in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", column):
            raise QueryError(f"query {query!r}: bad list column {column!r}; expected a name")
        if not re.search(rf"[?$]{column}\b", projection):
            raise QueryError(
                f"query {query!r}: list column {column!r} is not a column of the SELECT"
            )
    return names


# -- the folder ---------------------------------------------------------------------------------


@functools.cache
def _load_directory(directory: Path) -> tuple[SavedQuery, ...]:
    if not directory.is_dir():
        raise QueryError(f"no saved-query folder at {directory}")
    return tuple(
        parse_saved_query(path.read_text(encoding="utf-8"), name=path.stem)
        for path in sorted(directory.glob("*.rq"))
    )


def load_saved_queries(directory: Path | None = None) -> dict[str, SavedQuery]:
    """Every saved query in `directory` (default: kgload's own), by name; read once, then cached."""
    if directory is None:
        from kgload.resources import query_dir

        directory = query_dir()
    return {q.name: q for q in _load_directory(Path(directory).resolve())}


def get_saved_query(name: str, *, directory: Path | None = None) -> SavedQuery:
    """The saved query called `name`; QueryError listing the known names otherwise.

    Only that query's file is read (a command runs one query: parsing all of them would cost
    more than the query on a small store).
    """
    if directory is None:
        from kgload.resources import query_dir

        directory = query_dir()
    if _NAME.match(name):
        found = _load_file(Path(directory).resolve() / f"{name}.rq")
        if found is not None:
            return found
    queries = load_saved_queries(directory)
    if name not in queries:
        raise QueryError(f"no saved query {name!r}; known: {', '.join(sorted(queries))}")
    return queries[name]


@functools.cache
def _load_file(path: Path) -> SavedQuery | None:
    if not path.is_file():
        return None
    return parse_saved_query(path.read_text(encoding="utf-8"), name=path.stem)


def run_saved_query(
    store: Store,
    name: str,
    params: Mapping[str, ParamValue] | None = None,
    *,
    base: str = DEFAULT_BASE,
    directory: Path | None = None,
    trace: Callable[[Request], None] | None = None,
) -> QueryResult:
    """Bind a saved query's parameters and run it on `store` (`trace` is told of each request
    sent to the store: `kgload query --explain`).

    A query with a `limit` is run for one row more than asked, so the result says whether the
    limit withheld rows (`QueryResult.truncated`) at the cost of one row. `limit=0` is no limit.
    An empty plain string in the result comes back as None: stores disagree on what
    GROUP_CONCAT over nothing gives (Virtuoso ``""``, Oxigraph unbound), and a saved query's
    empty cell always means "nothing known".
    """
    query = get_saved_query(name, directory=directory)
    values = dict(params or {})
    limit = _limit_of(query, values, base)
    if limit:
        values["limit"] = limit + 1
    result = select_paged(store, query, values, base=base, trace=trace)  # kgload.paging
    rows = tuple(tuple(None if _is_empty(term) else term for term in row) for row in result.rows)
    truncated = limit is not None and len(rows) > limit
    return QueryResult(
        result.variables,
        rows[:limit] if truncated else rows,
        lists=query.lists,
        truncated=truncated,
        limit=limit or None,
    )


COUNT_CAP_FACTOR = 10
COUNT_CAP_MIN = 1_000
"""`count_rows` counts at most `COUNT_CAP_FACTOR` times the limit (and at least `COUNT_CAP_MIN`
rows), so telling how many rows a limit withheld costs about as much as a page ten times larger,
never the whole store."""


def count_rows(
    store: Store,
    name: str,
    params: Mapping[str, ParamValue] | None = None,
    *,
    base: str = DEFAULT_BASE,
    directory: Path | None = None,
) -> tuple[int, bool]:
    """How many rows the saved query gives from its `offset` on, ignoring its `limit`, counted
    up to a cap: `(count, exact)`; `exact` is False when the count stopped at the cap.

    The store counts (`SELECT (COUNT(*) …) { the query }`), so no row travels to the client.
    """
    query = get_saved_query(name, directory=directory)
    values = dict(params or {})
    limit = _limit_of(query, values, base) or 0
    cap = max(COUNT_CAP_MIN, COUNT_CAP_FACTOR * limit)
    values["limit"] = cap + 1
    prologue, select = _split_prologue(query.bind(values, base=base))
    result = store.select(f"{prologue}SELECT (COUNT(*) AS ?n) WHERE {{\n{select}\n}}")
    term = result.rows[0][0] if result.rows else None
    count = int(term.value) if term is not None else 0
    return min(count, cap), count <= cap


def _split_prologue(text: str) -> tuple[str, str]:
    """A bound query's PREFIX/BASE declarations (and comments), and its SELECT from there on."""
    match = re.search(r"^\s*SELECT\b", text, flags=re.IGNORECASE | re.MULTILINE)
    if match is None:
        raise QueryError("only a SELECT query's rows can be counted")
    return text[: match.start()], text[match.start():]


def _limit_of(query: SavedQuery, values: Mapping[str, ParamValue], base: str) -> int | None:
    """The row limit the caller asked for (checked like any value), or None for no limit or one
    too large to ask one more row of."""
    if not any(p.name == "limit" for p in query.params):
        return None
    param = query.param("limit")
    value = values.get("limit", param.default)
    if value is None:
        return None
    term = query._render(param, value)
    limit = int(term) if term.isdigit() else 0
    return limit if 0 < limit < _MAX_INTEGER else None


def _is_empty(term: object) -> bool:
    return (
        isinstance(term, Literal)
        and term.value == ""
        and term.language is None
        and term.datatype.value == _XSD + "string"
    )
