"""Generate kgload/vocab.py from ontology/kgload.ttl.

The hot path builds pyoxigraph quads, so every ontology term becomes a pyoxigraph ``NamedNode``
attribute of a closed class: a typo is an AttributeError at run time and a mypy error before.
The module is generated, never edited, so the ontology stays the single source of the names;
``--check`` (run by the test suite) fails when the two have drifted apart.

Usage::

    python scripts/gen_vocab.py            # rewrite kgload/vocab.py
    python scripts/gen_vocab.py --check    # exit 1 if kgload/vocab.py is out of date
"""

from __future__ import annotations

import argparse
import keyword
import sys
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "kgload.ttl"
OUTPUT = ROOT / "kgload" / "vocab.py"

KG_NS = "https://w3id.org/kgload/ontology#"
ONTOLOGY_IRI = URIRef("https://w3id.org/kgload/ontology")
KGSH_NS = "https://w3id.org/kgload/shapes#"
KG_ID_NS = "https://w3id.org/kgload/id/"
WD_NS = "http://www.wikidata.org/entity/"

# Terms of other vocabularies that kgload writes; only the ones the writer needs, so each is
# a deliberate choice rather than a whole namespace.
DCT_NS = "http://purl.org/dc/terms/"
DCT_TERMS = ("issued", "language", "publisher", "source", "title")
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
XSD_TERMS = ("date", "dateTime", "decimal", "gYear", "gYearMonth", "integer", "string")
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
PROV_NS = "http://www.w3.org/ns/prov#"

# Every namespace kgload's code needs as text (SPARQL, prefixes, datatype checks), written here
# once: name in vocab.py → (IRI, comment).
NAMESPACES: tuple[tuple[str, str, str], ...] = (
    ("KG_NS", KG_NS, "The kgload ontology's namespace (``kg:``)."),
    ("KGSH_NS", KGSH_NS, "The namespace of kgload's SHACL shapes (``kgsh:``)."),
    ("KG_ID_NS", KG_ID_NS, "The default namespace of the IRIs kgload mints (the `base` setting)."),
    ("WD", WD_NS, "Prefix of Wikidata entity IRIs; append a QID."),
    ("DCT_NS", DCT_NS, "Dublin Core terms (``dcterms:``)."),
    ("PROV_NS", PROV_NS, "PROV-O (``prov:``)."),
    ("RDF_NS", RDF_NS, "RDF (``rdf:``)."),
    ("RDFS_NS", RDFS_NS, "RDF Schema (``rdfs:``)."),
    ("XSD_NS", XSD_NS, "XML Schema datatypes (``xsd:``)."),
)

_DECLARING_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)
_WIDTH = 100


def read_terms(graph: Graph) -> dict[str, str]:
    """Local name → English definition of every term the ontology declares in the kg: namespace."""
    terms: dict[str, str] = {}
    for declaring_type in _DECLARING_TYPES:
        for subject in graph.subjects(RDF.type, declaring_type):
            if not isinstance(subject, URIRef) or not str(subject).startswith(KG_NS):
                continue
            name = str(subject)[len(KG_NS) :]
            if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
                raise SystemExit(f"kg:{name} cannot be a Python attribute name")
            terms[name] = _english(graph, subject, SKOS.definition) or _english(
                graph, subject, RDFS.label
            )
    if not terms:
        raise SystemExit("no kg: terms found: is this the kgload ontology?")
    return terms


def _english(graph: Graph, subject: URIRef, predicate: URIRef) -> str:
    for value in graph.objects(subject, predicate):
        if isinstance(value, Literal) and value.language == "en":
            return " ".join(str(value).split())
    return ""


def read_version(graph: Graph) -> str:
    """The ontology's owl:versionInfo, checked against the tail of its owl:versionIRI."""
    info = graph.value(ONTOLOGY_IRI, OWL.versionInfo)
    version_iri = graph.value(ONTOLOGY_IRI, OWL.versionIRI)
    if info is None or version_iri is None:
        raise SystemExit(f"{ONTOLOGY_IRI} needs owl:versionInfo and owl:versionIRI")
    version = str(info)
    if not str(version_iri).endswith("/" + version):
        raise SystemExit(f"owl:versionIRI {version_iri} does not end with /{version}")
    return version


def _comment(text: str, indent: str) -> list[str]:
    if not text:
        return []
    return textwrap.wrap(
        text, width=_WIDTH, initial_indent=f"{indent}#: ", subsequent_indent=f"{indent}#: "
    )


def _term_class(name: str, doc: str, namespace: str, terms: Iterable[tuple[str, str]]) -> list[str]:
    lines = [f"class {name}:", f'    """{doc}"""', "", "    __slots__ = ()", ""]
    for term, comment in sorted(terms):
        lines.extend(_comment(comment, "    "))
        lines.append(f'    {term}: Final = NamedNode("{namespace}{term}")')
    lines.append("")
    lines.append("    def __init__(self) -> None:")
    lines.append(f'        raise TypeError("{name} is a namespace: use {name}.<term>")')
    return lines


def render(terms: dict[str, str], version: str) -> str:
    """The full text of kgload/vocab.py."""
    names = sorted(
        {"DCT", "KG", "ONTOLOGY_IRI", "ONTOLOGY_VERSION", "PROV_WAS_DERIVED_FROM", "RDFS_LABEL",
         "RDF_LANG_STRING", "RDF_TYPE", "XSD", *(name for name, _, _ in NAMESPACES)}
    )
    lines = [
        '"""Ontology terms as pyoxigraph NamedNodes, so the writer never types an IRI by hand, and',
        "every namespace kgload's code needs as text: the only place they are written.",
        "",
        "generated by scripts/gen_vocab.py from ontology/kgload.ttl — do not edit",
        "",
        ">>> KG.PhoneCall.value",
        f"'{KG_NS}PhoneCall'",
        '"""',
        "",
        "# Attribute names are the ontology's own camelCase terms.",
        "# ruff: noqa: N815",
        "",
        "from __future__ import annotations",
        "",
        "from typing import Final",
        "",
        "from pyoxigraph import NamedNode",
        "",
        "__all__ = [",
        *(f'    "{name}",' for name in names),
        "]",
        "",
        f'ONTOLOGY_IRI: Final = "{ONTOLOGY_IRI}"',
        f'ONTOLOGY_VERSION: Final = "{version}"',
    ]
    for name, iri, comment in NAMESPACES:
        lines += [f"#: {comment}", f'{name}: Final = "{iri}"']
    lines += [
        "",
        f'RDF_TYPE: Final = NamedNode("{RDF_NS}type")',
        f'RDF_LANG_STRING: Final = NamedNode("{RDF_NS}langString")',
        f'RDFS_LABEL: Final = NamedNode("{RDFS_NS}label")',
        f'PROV_WAS_DERIVED_FROM: Final = NamedNode("{PROV_NS}wasDerivedFrom")',
        "",
        "",
    ]
    lines += _term_class("KG", "Terms of the kgload ontology (``kg:``).", KG_NS, terms.items())
    lines += ["", ""]
    lines += _term_class(
        "DCT",
        "The Dublin Core terms kgload writes on documents.",
        DCT_NS,
        ((t, "") for t in DCT_TERMS),
    )
    lines += ["", ""]
    lines += _term_class(
        "XSD",
        "The XML Schema datatypes kgload writes.",
        XSD_NS,
        ((t, "") for t in XSD_TERMS),
    )
    return "\n".join(lines) + "\n"


def generate(ontology: Path) -> str:
    graph = Graph().parse(ontology, format="turtle")
    return render(read_terms(graph), read_version(graph))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the output is stale")
    parser.add_argument("--ontology", type=Path, default=ONTOLOGY)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = generate(args.ontology)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(
                f"{args.output} is out of date with {args.ontology}: "
                "run python scripts/gen_vocab.py",
                file=sys.stderr,
            )
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text.splitlines())} lines)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
