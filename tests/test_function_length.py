"""No function of kgload, its benchmarks or its scripts is over 80 lines (issue 14).

A long function is where a reader loses the thread and where each fixed case adds a branch;
ruff's complexity rules (C901, PLR0912, PLR0915 in pyproject.toml) count branches and
statements, this test counts lines, docstring included. Generated code (`kgload/vocab.py`) has
no functions to count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 80


def _functions(path: Path) -> list[tuple[str, int, int]]:
    """(name, first line, length in lines) of every function and method in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        (node.name, node.lineno, (node.end_lineno or node.lineno) - node.lineno + 1)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


def _sources() -> list[Path]:
    return sorted(
        path
        for folder in ("kgload", "bench", "scripts")
        for path in (ROOT / folder).rglob("*.py")
        if ".venv" not in path.parts
    )


@pytest.mark.parametrize("path", _sources(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_function_is_over_80_lines(path: Path) -> None:
    long = [
        f"{path.relative_to(ROOT)}:{line} {name} ({length} lines)"
        for name, line, length in _functions(path)
        if length > LIMIT
    ]
    assert not long, "split these by meaning into named helpers: " + "; ".join(long)


def test_the_check_sees_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMIT))
    source = tmp_path / "long.py"
    source.write_text(f"def long() -> None:\n{body}\n", encoding="utf-8")
    assert _functions(source) == [("long", 1, LIMIT + 1)]
