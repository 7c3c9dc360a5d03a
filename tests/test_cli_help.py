"""The command line's shape and its generated help (issue 14).

Each command's options live beside its handler in a module of `kgload.cli`; a saved query's
help is generated from its `.rq` header, so a query added or changed shows up in
`kgload query --help` and `kgload query NAME --help` without a word written for it in the CLI.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import kgload.resources
from kgload.cli.main import build_parser, main
from kgload.queries import SavedQuery, load_saved_queries

TEMPLATE = """\
# title: Handshakes
# description: Who shook whose hand, a query made up for this test.
# list: hands
# param: who: qid -- the actor whose handshakes to list
# param: grip: decimal[0..1]? -- only handshakes at least this firm
# param: since: date? -- only handshakes on or after this date
# param: limit: integer = 7 -- at most this many rows
SELECT ?hands WHERE {
  GRAPH ?g { $who ?p ?hands }
  #[grip]
  FILTER(?hands >= $grip)
  #[/grip]
  #[since]
  FILTER(STR(?hands) >= STR($since))
  #[/since]
} LIMIT $limit
"""


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
              ) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*path, name), sub
                yield from _commands(sub, (*path, name))


def _flat(text: str) -> str:
    """Text without its whitespace, so help wrapped at any width compares with its source."""
    return "".join(text.split())


def test_every_command_has_its_handler_and_options_in_its_own_module() -> None:
    leaves = [(path, sub) for path, sub in _commands(build_parser())
              if sub.get_default("run") is not None]
    assert {path[0] for path, _ in leaves} == {
        "ingest", "export", "load", "extract", "queries", "query", "sparql", "validate",
        "stats", "serve", "eval", "kb",
    }
    for path, sub in leaves:
        module = sub.get_default("run").__module__
        assert module.startswith("kgload.cli.") and module != "kgload.cli.main", path
        for action in sub._actions:
            assert action.help, f"kgload {' '.join(path)} {action.option_strings} has no help"


def test_query_help_lists_every_saved_query_one_line_each(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["query", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: kgload query")
    listing = out[out.index("saved queries"):].splitlines()[1:]
    queries = load_saved_queries()
    assert [line.split()[0] for line in listing] == sorted(queries)
    for line in listing:
        query = queries[line.split()[0]]
        assert len(line) <= 79
        assert query.title in line
        for param in query.params:
            assert (f"{param.name}: {param.type.value}" in line) == param.required, line


@pytest.mark.parametrize("name", sorted(load_saved_queries()))
def test_query_name_help_shows_each_parameter_from_the_header(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    query = load_saved_queries()[name]
    assert main(["query", name, "--help"]) == 0
    out = capsys.readouterr().out
    assert main(["queries", name]) == 0
    assert capsys.readouterr().out in out  # the same text, plus the options
    assert _flat(f"{query.title}: {query.description}") in _flat(out)
    _assert_params_shown(query, out)


def _assert_params_shown(query: SavedQuery, out: str) -> None:
    section = out[out.index("Parameters (-p KEY=VALUE):"):]
    for param in query.params:
        line = next(line for line in section.splitlines()
                    if line.startswith(f"  {param.name}: {param.type.value}"))
        if param.default is not None:
            assert f"= {param.default}" in line, line
        assert line.split(maxsplit=1)[0] == f"{param.name}:"
        assert ("(required)" in line) == param.required, line
        assert _flat(param.help or param.expected) in _flat(section), param.name


def test_help_is_generated_from_the_query_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A query nobody wrote CLI text for: its title, parameters, types, range, default and
    help all come from its file."""
    (tmp_path / "handshakes.rq").write_text(TEMPLATE, encoding="utf-8")
    monkeypatch.setattr(kgload.resources, "query_dir", lambda: tmp_path)
    assert main(["query", "--help"]) == 0
    listing = capsys.readouterr().out.split("saved queries", 1)[1].splitlines()[1:]
    assert [" ".join(line.split()) for line in listing] == [
        "handshakes Handshakes (needs who: qid)"
    ]
    assert main(["query", "handshakes", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("kgload query handshakes ")
    assert "Handshakes: Who shook whose hand, a query made up for this test." in out
    section = out.split("Parameters (-p KEY=VALUE):\n", 1)[1].split("\n\n", 1)[0]
    # One entry per parameter: its first line and the lines its help wraps onto.
    params = [" ".join(entry.split()) for entry in re.split(r"\n(?=  \S)", section)]
    assert params == [
        "who: qid (required) the actor whose handshakes to list; or a name or role title "
        "from the KB (Putin, o presidente russo@DATE)",
        "grip: decimal[0..1]? only handshakes at least this firm",
        "since: date? only handshakes on or after this date",
        "limit: integer = 7 at most this many rows",
    ]
    assert "List columns (arrays in json/ndjson, joined with \"; \" elsewhere): hands" in out
