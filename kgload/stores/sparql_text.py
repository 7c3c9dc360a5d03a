"""Pure pieces of the SPARQL store: terms from JSON results, quads to request text, batches.

Nothing here sends anything; `SparqlStore` and its dialects build their requests from these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple

from kgload.errors import QueryError, UsageError
from kgload.stores.base import Term
from kgload.vocab import RDF_LANG_STRING

__all__ = [
    "batches",
    "check_iri",
    "graph_blocks",
    "has_blank_node",
    "ntriples",
    "parse_quads",
    "term_from_json",
    "values_clause",
]

GraphTriples = tuple[str, Sequence[Triple]]


def check_iri(iri: str) -> str:
    """`iri` if it can stand between `<>` in a request, else a `UsageError`.

    >>> check_iri("https://w3id.org/kgload/id/doc/1")
    'https://w3id.org/kgload/id/doc/1'
    """
    if not iri or any(c in iri for c in '<>"{}|^`\\ \n\t'):
        raise UsageError(f"not a valid graph IRI: {iri!r}")
    return iri


def has_blank_node(statement: Quad | Triple) -> bool:
    return isinstance(statement.subject, BlankNode) or isinstance(statement.object, BlankNode)


def ntriples(quads: Iterable[Quad]) -> bytes:
    """The quads' triples as N-Triples (for a Graph Store Protocol body)."""
    lines = (f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)
    return "".join(lines).encode("utf-8")


def values_clause(graphs: Sequence[str]) -> str:
    """The IRIs of a `VALUES ?g { … }` block.

    >>> values_clause(["http://e/a", "http://e/b"])
    '<http://e/a> <http://e/b>'
    """
    return " ".join(f"<{graph}>" for graph in graphs)


def graph_blocks(graphs: Sequence[GraphTriples], block: int) -> list[str]:
    """`GRAPH <g> { … }` blocks of at most `block` triples (several blocks for a large graph)."""
    blocks: list[str] = []
    for graph, triples in graphs:
        lines = [f"{t.subject} {t.predicate} {t.object} ." for t in triples]
        for start in range(0, len(lines), block):
            body = "\n".join(lines[start : start + block])
            blocks.append(f"GRAPH <{graph}> {{\n{body}\n}}")
    return blocks


def batches(quads: Iterable[Quad], size: int) -> Iterator[list[tuple[str, list[Quad]]]]:
    """Group quads by graph, `size` quads per batch at most."""
    batch: dict[str, list[Quad]] = {}
    count = 0
    for quad in quads:
        graph = quad.graph_name
        if not isinstance(graph, NamedNode):
            raise UsageError(f"kgload writes only to named graphs (IRIs); got {quad}")
        batch.setdefault(check_iri(graph.value), []).append(quad)
        count += 1
        if count >= size:
            yield list(batch.items())
            batch, count = {}, 0
    if batch:
        yield list(batch.items())


def parse_quads(path: Path, format: RdfFormat) -> Iterator[Quad]:
    """Parse a quad file, turning parser and file errors into kgload errors."""
    if not format.supports_datasets:
        raise UsageError(f"{format.name} holds no named graphs; load N-Quads or TriG")
    try:
        for item in pyoxigraph.parse(path=str(path), format=format):
            assert isinstance(item, Quad)
            yield item
    except SyntaxError as exc:
        raise UsageError(f"{path}: not valid {format.name}: {exc}") from exc
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc}") from exc


def term_from_json(value: Mapping[str, str] | None) -> Term | None:
    """A SPARQL JSON result term as a pyoxigraph term.

    >>> term_from_json({"type": "bnode", "value": "nodeID://b10001"})
    <BlankNode value=nodeID___b10001>
    """
    if value is None:
        return None
    kind = value["type"]
    text = value["value"]
    if kind == "uri":
        return NamedNode(text)
    if kind == "bnode":
        # Servers use labels like Virtuoso's `nodeID://b10001`; keep them stable and valid.
        return BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", text) or "b")
    if kind in ("literal", "typed-literal"):
        language = value.get("xml:lang")
        if language:
            return Literal(text, language=language)
        datatype = value.get("datatype")
        if datatype and datatype != RDF_LANG_STRING.value:
            return Literal(text, datatype=NamedNode(datatype))
        return Literal(text)
    raise QueryError(f"unsupported result term type {kind!r}")
