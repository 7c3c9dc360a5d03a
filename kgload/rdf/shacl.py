"""SHACL validation of kgload quads against ``ontology/shapes.ttl``, one named graph at a time.

Each document's facts live in their own graph, and the shapes count per document ("exactly one
kg:status"): an event reported by two articles rightly has two statuses in the union of graphs.
So every named graph becomes a small rdflib graph of its own and pySHACL checks it without
inference. The shapes are parsed once per process.

Violations are data, not exceptions: each becomes a `Problem` with code ``shacl-violation`` whose
source is the graph IRI, so a loader can skip or report one bad document and go on.
"""

from __future__ import annotations

import functools
import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from pyshacl import validate
from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import SH, NamespaceManager
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Processor, Result
from rdflib.term import Identifier, Node

from kgload.errors import KgloadError, UsageError
from kgload.model import Problem
from kgload.resources import ontology_path
from kgload.vocab import (
    DCT_NS,
    KG_NS,
    KGSH_NS,
    PROV_NS,
    RDF_NS,
    RDFS_NS,
    WD,
    XSD,
    XSD_NS,
)

__all__ = [
    "ALL_GRAPHS",
    "DEFAULT_GRAPH",
    "PROBLEM_CODE",
    "ValidationReport",
    "load_shapes",
    "validate_graph",
]

logger = logging.getLogger("kgload")

PROBLEM_CODE = "shacl-violation"
#: `Problem.source` for triples in the default graph, which kgload itself never writes.
DEFAULT_GRAPH = "(default graph)"
#: `Problem.source` when all graphs are validated together (``per_graph=False``).
ALL_GRAPHS = "(all graphs)"

_XSD_STRING = XSD.string.value
_PREFIXES = {
    "kg": KG_NS,
    "kgsh": KGSH_NS,
    "prov": PROV_NS,
    "dcterms": DCT_NS,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "xsd": XSD_NS,
    "wd": WD,
}

_Triple = tuple[Node, Node, Node]


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of validating some quads: whether they conform, and every violation found.

    `graphs` is the number of graphs that were checked (1 when ``per_graph=False``).
    """

    conforms: bool
    problems: tuple[Problem, ...] = ()
    graphs: int = 0

    @property
    def ok(self) -> bool:
        """Same as `conforms`, named like the other kgload reports."""
        return self.conforms


@functools.cache
def load_shapes() -> Graph:
    """The packaged SHACL shapes, parsed once: parsing costs more than validating one document."""
    path = ontology_path("shapes.ttl")
    logger.debug("loading SHACL shapes from %s", path)
    return Graph().parse(path, format="turtle")


def validate_graph(
    quads: Iterable[ox.Quad] | str,
    *,
    per_graph: bool = True,
    format: ox.RdfFormat | None = None,
) -> ValidationReport:
    """Validate quads against the kgload shapes, each named graph on its own.

    Args:
        quads: pyoxigraph quads, or N-Quads / TriG text.
        per_graph: validate each graph separately (the default, matching how the shapes count);
            False validates the union of all graphs as one.
        format: the syntax of `quads` when it is text; by default N-Quads, then TriG, is tried.

    Returns:
        A report whose problems carry the code ``shacl-violation`` and the graph IRI as source.

    Raises:
        UsageError: the text cannot be parsed, or holds RDF 1.2 triple terms.
        KgloadError: the packaged shapes are broken (a bug in kgload, not in the data).

    >>> validate_graph("").conforms
    True
    """
    if isinstance(quads, str):
        quads = _parse(quads, format)
    graphs = _group(quads, per_graph=per_graph)
    problems: list[Problem] = []
    conforms = True
    for source, triples in graphs.items():
        graph_conforms, graph_problems = _validate_one(source, triples)
        conforms = conforms and graph_conforms
        problems.extend(graph_problems)
    problems.sort(key=lambda p: (p.source, p.message))
    return ValidationReport(conforms=conforms, problems=tuple(problems), graphs=len(graphs))


def _parse(text: str, format: ox.RdfFormat | None) -> list[ox.Quad]:
    formats = [format] if format is not None else [ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG]
    error: SyntaxError | None = None
    for candidate in formats:
        try:
            return list(ox.parse(text, format=candidate))
        except SyntaxError as exc:
            error = exc
    raise UsageError(f"cannot parse the RDF to validate: {error}") from error


def _group(quads: Iterable[ox.Quad], *, per_graph: bool) -> dict[str, list[_Triple]]:
    graphs: dict[str, list[_Triple]] = defaultdict(list)
    for quad in quads:
        if not per_graph:
            source = ALL_GRAPHS
        elif isinstance(quad.graph_name, ox.DefaultGraph):
            source = DEFAULT_GRAPH
        else:
            source = str(quad.graph_name.value)
        graphs[source].append(
            (_to_rdflib(quad.subject), _to_rdflib(quad.predicate), _to_rdflib(quad.object))
        )
    return dict(graphs)


def _to_rdflib(term: object) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        datatype = term.datatype.value
        # rdflib parses "x" without a datatype; keep it so, or SPARQL sees two different terms.
        if datatype == _XSD_STRING:
            return RdfLiteral(term.value)
        return RdfLiteral(term.value, datatype=URIRef(datatype))
    raise UsageError(f"kgload graphs hold no RDF 1.2 triple terms, found {term}")


@functools.lru_cache(maxsize=32)
def _prepare(text: str) -> Query:
    return prepareQuery(text)


class _PreparedQueryGraph(Graph):
    """An rdflib graph that parses each SPARQL text once.

    pySHACL sends the same constraint query again for every focus node, and rdflib would parse
    it every time: that parsing was 90% of the validation time of a 40-event document.
    """

    def query(
        self,
        query_object: str | Query,
        processor: str | Processor = "sparql",
        result: str | type[Result] = "sparql",
        initNs: Mapping[str, Any] | None = None,  # noqa: N803 (rdflib's name)
        initBindings: Mapping[str, Identifier] | None = None,  # noqa: N803 (rdflib's name)
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Result:
        if isinstance(query_object, str) and initNs is None:
            query_object = _prepare(query_object)
        return super().query(
            query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs
        )


def _validate_one(source: str, triples: list[_Triple]) -> tuple[bool, list[Problem]]:
    data = _PreparedQueryGraph()
    for triple in triples:
        data.add(triple)
    started = time.perf_counter()
    conforms, results, _text = validate(
        data,
        shacl_graph=load_shapes(),
        inference="none",
        inplace=True,
        allow_infos=True,
        allow_warnings=True,
    )
    if not isinstance(results, Graph):
        # pySHACL reports a broken shapes graph as a value, not an exception.
        raise KgloadError(f"the packaged SHACL shapes are broken: {results}")
    # Two constraints of one property shape can fail on one value with one message: say it once.
    messages = sorted(set(_messages(results)))
    problems = [Problem(PROBLEM_CODE, message, source) for message in messages]
    logger.debug(
        "SHACL %s: %d triples, %d problems, %.3f s",
        source,
        len(triples),
        len(problems),
        time.perf_counter() - started,
    )
    return bool(conforms), problems


def _messages(results: Graph) -> Iterator[str]:
    names = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, namespace in _PREFIXES.items():
        names.bind(prefix, namespace)
    for result in results.subjects(SH.resultSeverity, SH.Violation):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        texts = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        if not texts:
            component = results.value(result, SH.sourceConstraintComponent)
            texts = [_show(component, names) if component is not None else "violation"]
        where = _show(focus, names) if focus is not None else "?"
        if isinstance(path, URIRef):
            where += " " + _show(path, names)
        message = f"{where}: {'; '.join(texts)}"
        if value is not None and value != focus:
            message += f" (value {_show(value, names)})"
        yield message


def _show(term: Node, names: NamespaceManager) -> str:
    if isinstance(term, URIRef | RdfLiteral):
        return str(term.n3(names))
    return f"_:{term}" if isinstance(term, BNode) else str(term)
