"""The command line, run in-process: output contract (stdout/stderr), exit codes, and the README.

Every test runs `main([...])` against an Oxigraph store in a temporary folder (an in-memory
store would not survive from one `main` call to the next), from inside that folder and with
no `KGLOAD_*` variables, so a developer's own kgload.toml or environment cannot leak in.
"""

from __future__ import annotations

import io
import json
import os
import re
import shlex
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pytest

from kgload import __version__
from kgload.cli.main import build_parser, main
from kgload.cli.render import render_rows, term_value
from kgload.config import SETTINGS_TABLE, Settings

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

PT_ARTICLE = """\
url: https://example.org/2025/02/03/lula-macron-telefonema
outlet: Folha de Exemplo
published: 2025-02-03
lang: pt
title: Lula conversa por telefone com Macron sobre a COP30
---
O presidente Lula conversou por telefone com o presidente da França, Emmanuel Macron, nesta \
segunda-feira (3/2). Segundo o Palácio do Planalto, os dois líderes trataram da preparação da \
COP30, em Belém, e do acordo entre o Mercosul e a União Europeia. Macron disse que pretende \
visitar o Brasil em março.
"""

EN_ARTICLE = """\
President Joe Biden met Chinese President Xi Jinping on Wednesday in Woodside, California, the \
White House said. The two leaders agreed to resume military-to-military communications and \
discussed Taiwan, trade and fentanyl. Biden said that he and Xi had a candid conversation and \
that they would keep talking by phone.
"""

SUMMARY = re.compile(
    r"^ingested (\d+) documents?, \d+ events?, \d+ entit(?:y|ies), \d+ quads?; "
    r"(no problems|\d+ problems?)$",
    re.MULTILINE,
)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith("KGLOAD_"):
            monkeypatch.delenv(name)


@pytest.fixture
def store(tmp_path: Path) -> str:
    return f"oxigraph:{tmp_path / 'kg'}"


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    pt = folder / "lula-macron.txt"
    pt.write_text(PT_ARTICLE, encoding="utf-8")
    en = folder / "biden-xi.txt"
    en.write_text(EN_ARTICLE, encoding="utf-8")
    return [pt, en]


@pytest.fixture
def loaded(store: str, articles: list[Path], capsys: pytest.CaptureFixture[str]) -> str:
    """A store holding the two articles."""
    assert main(["ingest", *map(str, articles), "--store", store]) == 0, capsys.readouterr().err
    capsys.readouterr()
    return store


def _stats(store: str, capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    capsys.readouterr()
    assert main(["stats", "--store", store, "--format", "json"]) == 0
    return {row["name"]: row["count"] for row in json.loads(capsys.readouterr().out)}


# -- basics -------------------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"kgload {__version__}"


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage:" in capsys.readouterr().err


def test_queries_lists_saved_queries(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["queries"]) == 0
    assert "phone_calls" in capsys.readouterr().out
    assert main(["queries", "--format", "json"]) == 0
    listed = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert "actor: qid" in listed["events_of_actor"]["params"]
    assert "limit: integer = 100" in listed["phone_calls"]["params"]


# -- ingest ---------------------------------------------------------------------------------------


def test_ingest_prints_summary_on_stderr_only(
    store: str, articles: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", *map(str, articles), "--store", store]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    match = SUMMARY.search(err)
    assert match, err
    assert match.group(1) == "2"
    assert match.group(2) == "no problems"
    assert _stats(store, capsys)["documents"] == 2


def _bad_missing(folder: Path) -> tuple[Path, list[str]]:
    return folder / "missing.txt", []


def _bad_not_utf8(folder: Path) -> tuple[Path, list[str]]:
    path = folder / "latin1.txt"
    path.write_bytes(b"\xff\xfe\x00bad")
    return path, []


def _bad_empty(folder: Path) -> tuple[Path, list[str]]:
    path = folder / "empty.txt"
    path.write_text("", encoding="utf-8")
    return path, []


@pytest.mark.parametrize(
    ("make_bad", "code"),
    [
        (_bad_missing, "unreadable-file"),
        (_bad_not_utf8, "not-utf8"),
        (_bad_empty, "empty-article"),
    ],
    ids=["unreadable", "not-utf8", "empty"],
)
def test_bad_article_is_one_line_and_the_rest_loads(
    make_bad: Callable[[Path], tuple[Path, list[str]]],
    code: str,
    store: str,
    articles: list[Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad, options = make_bad(tmp_path)
    good = articles[0]
    assert main(["ingest", str(good), str(bad), "--store", store, *options]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    naming = [line for line in err.splitlines() if str(bad) in line]
    assert len(naming) == 1, err
    assert re.fullmatch(rf"{re.escape(str(bad))}: \S.* \[{code}\]", naming[0]), naming[0]
    assert "Traceback" not in err
    match = SUMMARY.search(err)
    assert match, err
    assert (match.group(1), match.group(2)) == ("1", "1 problem")
    assert _stats(store, capsys)["documents"] == 1


def test_unknown_lang_is_a_problem_for_each_file_and_loads_nothing(
    store: str, articles: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # --lang overrides every article's header, so with an unsupported code no article loads
    argv = ["ingest", *map(str, articles), "--store", store, "--lang", "xx"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    for path in articles:
        naming = [line for line in err.splitlines() if line.startswith(f"{path}:")]
        assert len(naming) == 1 and naming[0].endswith("[unknown-language]"), err
    assert "Traceback" not in err
    assert _stats(store, capsys)["documents"] == 0


def test_lang_overrides_the_header(
    store: str, articles: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # the pt article read as English: it loads, under the language the command line gave
    assert main(["ingest", str(articles[0]), "--store", store, "--lang", "en"]) == 0
    capsys.readouterr()
    assert main(["query", "documents", "--store", store, "--format", "json"]) == 0
    assert '"en"' in capsys.readouterr().out


def test_published_must_be_iso(
    store: str, articles: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(articles[1]), "--store", store, "--published", "3/2/2025"]) == 2
    assert "not an ISO date" in capsys.readouterr().err


def test_url_needs_a_single_article(
    store: str, articles: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["ingest", *map(str, articles), "--store", store, "--url", "https://example.org/a"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("kgload: error: ")
    assert len(err.strip().splitlines()) == 1


def test_unknown_config_key_is_a_usage_error(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "kgload.toml").write_text('colour = "red"\n', encoding="utf-8")
    assert main(["stats", "--store", store]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kgload: error: ")
    assert "colour" in err
    assert "Traceback" not in err


def test_zero_load_requests_is_a_config_error(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "kgload.toml").write_text("[store]\nload_requests = 0\n", encoding="utf-8")
    assert main(["stats", "--store", store]) == 2
    err = capsys.readouterr().err
    assert "load_requests" in err and "Traceback" not in err


def test_config_file_option(
    tmp_path: Path, articles: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "other.toml"
    config.write_text(f'[store]\nurl = "oxigraph:{tmp_path / "from-config"}"\n', encoding="utf-8")
    assert main(["ingest", str(articles[0]), "--config", str(config)]) == 0
    assert (tmp_path / "from-config").is_dir()
    assert main(["stats", "--config", str(tmp_path / "absent.toml")]) == 2
    assert "config file not found" in capsys.readouterr().err


# -- query ----------------------------------------------------------------------------------------


def test_query_json(loaded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "phone_calls", "--store", loaded, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    rows = json.loads(out)
    assert isinstance(rows, list)
    assert err.strip().splitlines()[-1] == f"{len(rows)} row{'' if len(rows) == 1 else 's'}"
    # Terms are rendered readably: QIDs, not Wikidata IRIs; literals as their values.
    (call,) = [row for row in rows if "Q37181" in (row["participant_ids"] or "")]
    assert "Q3052772" in call["participant_ids"]  # Lula called Macron
    assert call["date"] == "2025-02-03"  # "nesta segunda-feira (3/2)", published 2025-02-03
    assert call["url"] == "https://example.org/2025/02/03/lula-macron-telefonema"
    assert isinstance(call["sources"], int)
    assert "wikidata.org/entity" not in out


def test_query_param(loaded: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "query",
        "phone_calls",
        "--store",
        loaded,
        "--format",
        "json",
        "--param",
        "actor=Q3052772",
        "-p",
        "status=planned",
    ]
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_ingest_published_and_url_reach_the_graph(
    store: str, articles: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    en = str(articles[1])
    argv = [
        "ingest",
        en,
        "--store",
        store,
        "--published",
        "2023-11-16",
        "--url",
        "https://example.org/biden-xi",
    ]
    assert main(argv) == 0
    capsys.readouterr()
    assert main(["query", "meetings", "--store", store, "--format", "ndjson"]) == 0
    (meeting,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert meeting["date"] == "2023-11-15"  # "on Wednesday", published on Thursday the 16th
    assert meeting["url"] == "https://example.org/biden-xi"


@pytest.mark.parametrize("fmt", ["table", "csv", "ndjson"])
def test_query_other_formats(fmt: str, loaded: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["query", "events_of_actor", "--store", loaded, "--param", "actor=Q155", "--format", fmt]
    assert main(argv) == 0
    out = capsys.readouterr().out
    if fmt == "csv":
        assert out.splitlines()[0].startswith("event,date,")
    elif fmt == "ndjson":
        for line in out.splitlines():
            assert isinstance(json.loads(line), dict)
    else:
        assert out.strip()


def test_param_without_equals_is_a_usage_error(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "phone_calls", "--store", store, "--param", "actor"]) == 2
    assert "KEY=VALUE" in capsys.readouterr().err


def test_unknown_query(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "no_such_query", "--store", store]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kgload: error: ")
    assert "no_such_query" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_debug_shows_the_traceback(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--debug", "query", "no_such_query", "--store", store]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert err.strip().splitlines()[-1].startswith("kgload: error: ")


def test_bad_param_value(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "phone_calls", "--store", store, "--param", "since=last week"]) == 2
    assert "since" in capsys.readouterr().err


# -- export, load, validate, stats ------------------------------------------------------------


def test_export_nquads_to_stdout(loaded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--store", loaded, "--format", "nquads"]) == 0
    data = capsys.readouterr().out.encode("utf-8")
    quads = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_QUADS))
    assert quads
    assert all(not isinstance(q.graph_name, pyoxigraph.DefaultGraph) for q in quads)


def test_export_to_file_and_load_round_trip(
    loaded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "dump.trig"
    assert main(["export", "--store", loaded, "--format", "trig", "-o", str(dump)]) == 0
    assert capsys.readouterr().out == ""
    assert dump.stat().st_size > 0
    assert not list(tmp_path.glob(".*.partial"))
    copy = f"oxigraph:{tmp_path / 'copy'}"
    assert main(["load", str(dump), "--store", copy]) == 0
    assert "loaded " in capsys.readouterr().err
    assert _stats(copy, capsys) == _stats(loaded, capsys)


def test_validate_clean_store(loaded: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--store", loaded]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "valid" in err


def test_stats(loaded: str, capsys: pytest.CaptureFixture[str]) -> None:
    counts = _stats(loaded, capsys)
    assert counts["documents"] == 2
    assert counts["quads"] > 0
    assert main(["stats", "--store", loaded]) == 0
    assert "documents" in capsys.readouterr().out


def test_kb_stats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "stats", "--format", "json"]) == 0
    counts = {row["kind"]: row["count"] for row in json.loads(capsys.readouterr().out)}
    assert counts["State"] > 0
    assert counts["aliases"] > 0


# -- renderers ------------------------------------------------------------------------------------


def test_term_value_is_readable() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert term_value(pyoxigraph.NamedNode("http://www.wikidata.org/entity/Q7747")) == "Q7747"
    assert term_value(pyoxigraph.NamedNode("https://w3id.org/kgload/id/event/ab12")) == "event/ab12"
    assert term_value(pyoxigraph.NamedNode("https://w3id.org/kgload/ontology#Meeting")) == (
        "kg:Meeting"
    )
    assert term_value(pyoxigraph.NamedNode("https://example.org/x")) == "https://example.org/x"
    assert term_value(pyoxigraph.Literal("Putin", language="pt")) == "Putin"
    assert term_value(pyoxigraph.Literal("2", datatype=pyoxigraph.NamedNode(xsd + "integer"))) == 2
    assert (
        term_value(pyoxigraph.Literal("0.8", datatype=pyoxigraph.NamedNode(xsd + "decimal"))) == 0.8
    )
    assert (
        term_value(pyoxigraph.Literal("2025-08", datatype=pyoxigraph.NamedNode(xsd + "gYearMonth")))
        == "2025-08"
    )
    assert term_value(None) is None


def test_table_prints_text_not_markup() -> None:
    out = io.StringIO()
    render_rows(["quote"], [["[bold]not markup[/bold]"]], format="table", out=out)
    assert "[bold]not markup[/bold]" in out.getvalue()


def test_csv_leaves_unbound_cells_empty() -> None:
    out = io.StringIO()
    render_rows(["a", "b"], [["x", None], [True, 2]], format="csv", out=out)
    assert out.getvalue() == "a,b\nx,\ntrue,2\n"


# -- the README ------------------------------------------------------------------------------------


def _code_blocks(language: str) -> list[str]:
    text = README.read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)


def _kgload_lines() -> list[str]:
    lines = []
    for block in _code_blocks("sh"):
        for line in block.splitlines():
            line = line.split(" #", 1)[0].strip()
            if line.startswith("kgload "):
                lines.append(line)
    return lines


def test_readme_starts_with_make_demo_and_make_test() -> None:
    first = _code_blocks("sh")[0]
    commands = [line.split("#", 1)[0].strip() for line in first.splitlines()]
    assert [c for c in commands if c] == ["make demo", "make test"]
    assert README.read_text(encoding="utf-8").index("```sh") < 400


def settings_table() -> str:
    """The README's settings table, generated from SETTINGS_TABLE (paste it when this changes)."""
    defaults = Settings()
    lines = ["| setting | env var | kgload.toml key | help | default |", "|---|---|---|---|---|"]
    for setting in SETTINGS_TABLE:
        value = getattr(defaults, setting.name)
        default = "" if value is None else f"`{value}`"
        lines.append(
            f"| `{setting.name}` | `{setting.env}` | `{setting.toml}` | {setting.help} "
            f"| {default} |"
        )
    return "\n".join(lines) + "\n"


def test_readme_settings_table_lists_every_setting() -> None:
    table = settings_table()
    assert table in README.read_text(encoding="utf-8"), f"README needs this table:\n{table}"


def test_readme_lists_every_saved_query() -> None:
    from kgload.queries import load_saved_queries

    text = README.read_text(encoding="utf-8")
    for name in load_saved_queries():
        assert f"`{name}`" in text, name


def test_readme_documents_every_command_and_option() -> None:
    text = README.read_text(encoding="utf-8")
    parser = build_parser()
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        assert isinstance(action.choices, dict)
        for name, sub in action.choices.items():
            assert f"kgload {name}" in text, name
            for option in sub._actions:
                for flag in option.option_strings:
                    if flag.startswith("--") and flag != "--help":
                        assert flag in text, f"{name} {flag}"


def test_readme_commands_parse() -> None:
    lines = _kgload_lines()
    assert len(lines) >= 8
    parser = build_parser()
    named = {shlex.split(line)[1] for line in lines}
    assert {"ingest", "query", "queries", "export", "load", "validate", "stats", "kb"} <= named
    for line in lines:
        try:
            parser.parse_args(shlex.split(line)[1:])
        except SystemExit as exc:
            pytest.fail(f"README example does not parse: {line} ({exc})")


def test_readme_examples_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Run every `kgload …` line of the README's shell blocks, in order, in a scratch folder.

    Lines that talk to a SPARQL server are skipped; the rest use the default store
    (./kg-data) or the one they name, which lands in the scratch folder.
    """
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    for line in _kgload_lines():
        argv = shlex.split(line)[1:]
        if any(arg.startswith(("http://", "https://")) and "sparql" in arg for arg in argv):
            continue
        expanded = []
        for arg in argv:
            expanded.extend(sorted(map(str, Path().glob(arg))) if "*" in arg else [arg])
        code = main(expanded)
        err = capsys.readouterr().err
        assert code == 0, f"{line}\n{err}"


def test_readme_python_examples_run(tmp_path: Path) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    blocks = _code_blocks("python")
    assert blocks
    for block in blocks:
        exec(compile(block, str(README), "exec"), {"__name__": "readme"})


def test_a_bug_in_kgload_is_one_line_exit_3_and_a_traceback_only_with_debug(
    store: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import kgload.client

    def broken(self: object) -> dict[str, int]:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(kgload.client.KG, "stats", broken)
    store = "memory:"
    assert main(["stats", "--store", store]) == 3
    err = capsys.readouterr().err
    assert err.startswith("kgload: internal error: ZeroDivisionError: a bug")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert main(["--debug", "stats", "--store", store]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_max_article_chars_setting_reaches_the_reader(
    store: str, articles: list[Path], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KGLOAD_MAX_ARTICLE_CHARS", "50")
    assert main(["ingest", str(articles[0]), "--store", store]) == 1
    assert "[too-large]" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [["stats"], ["query", "documents"], ["export"], ["validate"]],
    ids=["stats", "query", "export", "validate"],
)
def test_a_reading_command_on_a_missing_store_fails_and_creates_nothing(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "kg-dta"
    assert main([*command, "--store", f"oxigraph:{typo}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kgload: error: ") and "does not exist" in err
    assert len(err.strip().splitlines()) == 1
    assert not typo.exists()


def test_ingest_still_creates_its_store(
    tmp_path: Path, articles: list[Path]
) -> None:
    fresh = tmp_path / "new-store"
    assert main(["ingest", str(articles[1]), "--store", f"oxigraph:{fresh}"]) == 0
    assert fresh.is_dir()
    assert main(["stats", "--store", f"oxigraph:{fresh}"]) == 0
