"""Namespace IRIs are written in one place, the generated `kgload/vocab.py` (issue 14).

A module that needs kgload's, Wikidata's or a W3C vocabulary's namespace imports it from
`kgload.vocab`; a second copy elsewhere is how two spellings of one IRI start. SPARQL text
(`PREFIX rdfs: <…>`) and docstring examples may still show the IRIs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kgload import vocab

ROOT = Path(__file__).resolve().parents[1]
NAMESPACES = frozenset(
    value
    for name, value in vars(vocab).items()
    if name.isupper() and isinstance(value, str) and value.startswith("http")
    and value.endswith(("#", "/"))
)


def _written_namespaces(path: Path) -> list[str]:
    """`line: value` of every string constant in `path` that is a namespace IRI itself."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{node.lineno}: {node.value}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in NAMESPACES
    ]


def test_vocab_defines_the_namespaces_checked() -> None:
    assert {vocab.WD, vocab.KG_NS, vocab.XSD_NS, vocab.RDF_NS, vocab.PROV_NS} <= NAMESPACES


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (ROOT / "kgload").rglob("*.py") if p.name != "vocab.py"),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_module_writes_a_namespace_of_its_own(path: Path) -> None:
    assert not _written_namespaces(path), "import it from kgload.vocab instead"
