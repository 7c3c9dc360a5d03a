"""The SPARQL 1.1 Protocol, without the web framework: run a query, negotiate, serialise.

`run_query` answers a query on any kgload `Store` with a row cap and a deadline and says when
either cut the answer; `negotiate` picks a media type from an Accept header (or a `format`
name); `serialize_answer` writes the SPARQL results formats (JSON, XML, CSV, TSV) itself, so a
truncated answer is the same document a full one would be, with one extra note.

On an embedded Oxigraph store the default graph is the union of the named graphs (kgload writes
only named graphs, one per document); on a SPARQL server it is whatever that server's is
(Virtuoso's is the union of all its graphs).
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar
from typing import Literal as Kind
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Triple,
    serialize,
)

from kgload.errors import KgloadError, QueryError, StoreError
from kgload.stores.base import Store, Term
from kgload.vocab import RDF_LANG_STRING, XSD

__all__ = [
    "GRAPH_TYPES",
    "RESULT_TYPES",
    "Answer",
    "Limits",
    "NotAcceptable",
    "QueryTimeout",
    "Truncation",
    "negotiate",
    "run_query",
    "serialize_answer",
]

_T = TypeVar("_T")

_XSD_STRING = XSD.string.value
_LANG_STRING = RDF_LANG_STRING.value

# Media types of SELECT/ASK results and of CONSTRUCT/DESCRIBE graphs, first = default.
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES: dict[str, RdfFormat] = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "text/plain": RdfFormat.N_TRIPLES,
    "application/n-quads": RdfFormat.N_QUADS,
    "application/rdf+xml": RdfFormat.RDF_XML,
}
# `?format=` names (as Fuseki and Virtuoso take them), for links and browsers.
_FORMAT_NAMES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "ntriples": "application/n-triples",
    "nt": "application/n-triples",
    "nquads": "application/n-quads",
    "nq": "application/n-quads",
    "rdfxml": "application/rdf+xml",
}


class QueryTimeout(StoreError):  # noqa: N818 - reads as what happened
    """The query ran longer than the server's `--timeout`."""


class NotAcceptable(QueryError):  # noqa: N818
    """No media type the client accepts can carry this kind of answer."""


@dataclass(frozen=True, slots=True)
class Limits:
    """How long a query may run (seconds) and how many rows or triples it may return."""

    timeout: float = 30.0
    max_rows: int | None = 10_000


@dataclass(frozen=True, slots=True)
class Truncation:
    """Rows withheld by the cap: `total` counted within the deadline (`exact` if all of it)."""

    returned: int
    total: int
    exact: bool

    def header(self) -> str:
        """The `X-Kgload-Truncated` value, e.g. `1000 of 5231 rows` or `1000 of >= 4000 rows`."""
        total = f"{self.total}" if self.exact else f">= {self.total}"
        return f"{self.returned} of {total} rows"


@dataclass(slots=True)
class Answer:
    """A query's answer: SELECT rows, an ASK boolean or CONSTRUCT/DESCRIBE triples."""

    kind: Kind["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool = False
    triples: list[Triple] = field(default_factory=list)
    truncated: Truncation | None = None


def run_query(
    store: Store,
    sparql: str,
    *,
    limits: Limits,
    default_graphs: Sequence[str] = (),
    named_graphs: Sequence[str] = (),
) -> Answer:
    """Run `sparql` on `store` within `limits`; QueryError for a bad query, QueryTimeout."""
    deadline = time.monotonic() + limits.timeout
    raw = getattr(store, "pyoxigraph", None)
    if raw is None:
        if default_graphs or named_graphs:
            raise QueryError(
                "default-graph-uri and named-graph-uri are supported on Oxigraph stores only; "
                "write FROM / FROM NAMED in the query"
            )
        return _run_on_server(store, sparql, limits=limits)
    options: dict[str, object] = {}
    if default_graphs:
        options["default_graph"] = [NamedNode(_iri(g)) for g in default_graphs]
    else:
        options["use_default_graph_as_union"] = True
    if named_graphs:
        options["named_graphs"] = [NamedNode(_iri(g)) for g in named_graphs]
    # pyoxigraph's result iterators must be dropped on the thread that made them: errors are
    # raised afresh, outside the `except` block, so no traceback keeps one alive elsewhere.
    error: KgloadError
    try:
        return _evaluate(raw, sparql, options, limits=limits, deadline=deadline)
    except QueryTimeout as exc:
        error = QueryTimeout(str(exc))
    except SyntaxError as exc:
        error = QueryError(f"invalid SPARQL: {exc}")
    except OSError as exc:
        error = StoreError(f"querying {store.url} failed: {exc}")
    raise error


def _evaluate(
    raw: Any, sparql: str, options: dict[str, object], *, limits: Limits, deadline: float
) -> Answer:
    result = raw.query(sparql, **options)
    if isinstance(result, QueryBoolean):
        return Answer("ask", boolean=bool(result))
    if isinstance(result, QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows, truncated = _take(
            (tuple(solution[v] for v in variables) for solution in result),
            limits=limits,
            deadline=deadline,
        )
        return Answer("select", variables=variables, rows=rows, truncated=truncated)
    if isinstance(result, QueryTriples):
        triples, truncated = _take(iter(result), limits=limits, deadline=deadline)
        return Answer("graph", triples=triples, truncated=truncated)
    raise QueryError(f"unsupported query result {type(result).__name__}")


def _iri(text: str) -> str:
    if not text or any(c in text for c in '<>"{}|^`\\ \n'):
        raise QueryError(f"not an IRI: {text!r}")
    return text


def _take(
    items: Iterator[_T], *, limits: Limits, deadline: float
) -> tuple[list[_T], Truncation | None]:
    """The first `max_rows` items; past them, count the rest until the deadline."""
    cap = limits.max_rows
    kept: list[_T] = []
    for item in items:
        if time.monotonic() > deadline:
            raise QueryTimeout(f"the query ran longer than {limits.timeout:g} s (--timeout)")
        if cap is not None and len(kept) >= cap:
            total, exact = len(kept) + 1, True
            for _ in items:
                if time.monotonic() > deadline:
                    exact = False
                    break
                total += 1
            return kept, Truncation(returned=len(kept), total=total, exact=exact)
        kept.append(item)
    if time.monotonic() > deadline:
        raise QueryTimeout(f"the query ran longer than {limits.timeout:g} s (--timeout)")
    return kept, None


def _run_on_server(store: Store, sparql: str, *, limits: Limits) -> Answer:
    """A SPARQL server store answers SELECT and ASK through the Store protocol.

    The query is parsed here first (rdflib's parser), so a syntax error is a 400 with its
    position and a CONSTRUCT is refused before the server is asked. The store's own
    `store.timeout` setting bounds each request; the cap is applied here.
    """
    form = _query_form(sparql)
    if form == "AskQuery":
        return Answer("ask", boolean=store.ask(sparql))
    if form != "SelectQuery":
        raise QueryError(
            "only SELECT and ASK queries are served over a SPARQL server store; "
            "send CONSTRUCT and DESCRIBE to the server itself"
        )
    result = store.select(sparql)
    rows = list(result.rows)
    truncated = None
    if limits.max_rows is not None and len(rows) > limits.max_rows:
        truncated = Truncation(returned=limits.max_rows, total=len(rows), exact=True)
        rows = rows[: limits.max_rows]
    return Answer("select", variables=result.variables, rows=rows, truncated=truncated)


def _query_form(sparql: str) -> str:
    """`SelectQuery`, `AskQuery`, `ConstructQuery` or `DescribeQuery`; QueryError if invalid."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        return str(parseQuery(sparql)[1].name)
    except ParseBaseException as exc:
        message = " ".join(str(exc).split())
    raise QueryError(f"invalid SPARQL: {message}")


# -- content negotiation ------------------------------------------------------------------------


def negotiate(accept: str | None, kind: str, *, format_name: str | None = None) -> str:
    """The media type to answer `kind` ("select", "ask", "graph") in.

    `format_name` (`?format=csv`) wins over the Accept header; `*/*` or nothing gives JSON
    results or Turtle. NotAcceptable when nothing the client accepts fits.
    """
    offered = list(GRAPH_TYPES) if kind == "graph" else list(RESULT_TYPES)
    if format_name:
        media = _FORMAT_NAMES.get(format_name.lower(), format_name.lower())
        if media not in offered:
            raise NotAcceptable(
                f"format {format_name!r} cannot carry a {kind} answer; use one of "
                + ", ".join(n for n, m in _FORMAT_NAMES.items() if m in offered)
            )
        return media
    ranges = _accept_ranges(accept or "*/*")
    best: tuple[float, int, str] | None = None
    for position, media in enumerate(offered):
        quality = _quality(media, ranges)
        if quality <= 0:
            continue
        key = (quality, -position, media)
        if best is None or key > best:
            best = key
    if best is None:
        raise NotAcceptable(
            f"none of the accepted types ({accept}) can carry a {kind} answer; offered: "
            + ", ".join(offered)
        )
    return best[2]


def _accept_ranges(accept: str) -> list[tuple[str, float, int]]:
    """(range, q, specificity) for each element of an Accept header."""
    ranges = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if not media:
            continue
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = max(0.0, min(1.0, float(value)))
                except ValueError:
                    quality = 0.0
        media = media.lower()
        specificity = 0 if media == "*/*" else 1 if media.endswith("/*") else 2
        ranges.append((media, quality, specificity))
    return ranges


def _quality(media: str, ranges: Iterable[tuple[str, float, int]]) -> float:
    best_specificity, quality = -1, 0.0
    for pattern, q, specificity in ranges:
        matches = (
            pattern == media
            or pattern == "*/*"
            or (pattern.endswith("/*") and media.startswith(pattern[:-1]))
        )
        if matches and specificity > best_specificity:
            best_specificity, quality = specificity, q
    # An exact or wildcard match wins by specificity; a bare `*/*` prefers the first offer.
    return quality


# -- serialisation ------------------------------------------------------------------------------


def serialize_answer(answer: Answer, media: str) -> bytes:
    """The answer as `media`; a truncated JSON answer carries a `kgload` note."""
    if answer.kind == "graph":
        buffer = io.BytesIO()
        serialize(answer.triples, buffer, GRAPH_TYPES[media])
        return buffer.getvalue()
    name = RESULT_TYPES[media]
    if name == "json":
        return _json(answer)
    if name == "xml":
        return _xml(answer)
    return _delimited(answer, tsv=name == "tsv")


def _json_term(term: Term | Triple) -> dict[str, Any]:
    if isinstance(term, Triple):  # an RDF 1.2 triple term, as SPARQL-star writes it
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(term.subject),
                "predicate": _json_term(term.predicate),
                "object": _json_term(term.object),
            },
        }
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    out: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _json(answer: Answer) -> bytes:
    document: dict[str, object]
    if answer.kind == "ask":
        document = {"head": {}, "boolean": answer.boolean}
    else:
        bindings = [
            {v: _json_term(t) for v, t in zip(answer.variables, row, strict=True) if t is not None}
            for row in answer.rows
        ]
        document = {"head": {"vars": list(answer.variables)}, "results": {"bindings": bindings}}
    if answer.truncated is not None:
        cut = answer.truncated
        document["kgload"] = {
            "truncated": True,
            "returned": cut.returned,
            "total": cut.total,
            "total_exact": cut.exact,
            "message": f"row cap (--max-rows): {cut.header()}",
        }
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _xml_term(term: Term | Triple) -> str:
    if isinstance(term, Triple):
        parts = zip(("subject", "predicate", "object"), term, strict=True)
        return "<triple>" + "".join(f"<{n}>{_xml_term(t)}</{n}>" for n, t in parts) + "</triple>"
    if isinstance(term, NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    attrs = ""
    if term.language:
        attrs = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype.value != _XSD_STRING:
        attrs = f" datatype={quoteattr(term.datatype.value)}"
    return f"<literal{attrs}>{escape(term.value)}</literal>"


def _xml(answer: Answer) -> bytes:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if answer.kind == "ask":
        out += ["<head/>", f"<boolean>{'true' if answer.boolean else 'false'}</boolean>"]
    else:
        out.append("<head>")
        out += [f"<variable name={quoteattr(v)}/>" for v in answer.variables]
        out += ["</head>", "<results>"]
        for row in answer.rows:
            out.append("<result>")
            out += [
                f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(answer.variables, row, strict=True)
                if t is not None
            ]
            out.append("</result>")
        out.append("</results>")
    out.append("</sparql>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _delimited(answer: Answer, *, tsv: bool) -> bytes:
    if answer.kind == "ask":
        # SPARQL 1.1 CSV/TSV define no ASK form; one cell, as most servers do.
        return ("_askResult\r\n" + ("true" if answer.boolean else "false") + "\r\n").encode()
    if tsv:
        # TSV cells are terms in their SPARQL/Turtle form: <iri>, "text"@en, _:b.
        lines = ["\t".join("?" + v for v in answer.variables)]
        lines += [
            "\t".join("" if t is None else str(t).replace("\t", "\\t") for t in row)
            for row in answer.rows
        ]
        return ("\n".join(lines) + "\n").encode("utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(answer.variables)
    for row in answer.rows:
        writer.writerow(["" if t is None else _csv_value(t) for t in row])
    return buffer.getvalue().encode("utf-8")


def _csv_value(term: Term | Triple) -> str:
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, (NamedNode, Literal)) else str(term)
