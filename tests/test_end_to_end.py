"""End to end: examples/ → KG → store, on every backend, through the Python API and the demo.

- On Oxigraph on disk: ingesting the examples gives one document each, conforming to the shapes;
  re-ingesting them changes nothing (the same N-Quads, byte for byte once sorted); an export
  loads into a fresh store with the same stats; a second process cannot write to a store that
  another one holds open, and says so in one line.
- On every backend (in memory, Oxigraph on disk, a real Virtuoso): the saved queries give the
  same rows, and `make demo` runs unchanged with `--store` pointing at Virtuoso.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from virtuoso import VirtuosoServer

from kgload.cli.main import main
from kgload.cli.render import result_rows
from kgload.client import KG
from kgload.config import Settings
from kgload.queries import ParamValue, load_saved_queries

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
MAKEFILE = ROOT / "Makefile"

# Every saved query with its defaults (those without a required parameter), plus the two whose
# parameter is required, with the values the README uses.
QUERY_CASES: dict[str, tuple[str, dict[str, ParamValue]]] = {
    name: (name, {})
    for name, query in sorted(load_saved_queries().items())
    if not any(param.required for param in query.params)
}
QUERY_CASES["events_of_actor-actor=Q7747"] = ("events_of_actor", {"actor": "Q7747"})
QUERY_CASES["who_reported-reporter=Q884"] = ("who_reported", {"reporter": "Q884"})

@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("KGLOAD_"):
            monkeypatch.delenv(name)


def _ingest_examples(kg: KG) -> None:
    report = kg.ingest(EXAMPLES)
    assert report.ok, [str(p) for p in report.problems]
    assert report.documents == len(EXAMPLES)


def _export(kg: KG) -> bytes:
    buffer = io.BytesIO()
    kg.export(buffer, format="nquads")
    return buffer.getvalue()


def _sorted_lines(nquads: bytes) -> list[bytes]:
    return sorted(line for line in nquads.splitlines() if line.strip())


# -- Oxigraph on disk -----------------------------------------------------------------------------


@pytest.fixture
def oxigraph_url(tmp_path: Path) -> str:
    return f"oxigraph:{tmp_path / 'kg'}"


def test_examples_load_into_eight_valid_documents(oxigraph_url: str) -> None:
    assert len(EXAMPLES) >= 8  # pt, en and es articles of examples/
    with KG.open(oxigraph_url, settings=Settings()) as kg:
        _ingest_examples(kg)
        stats = kg.stats()
        assert stats["documents"] == len(EXAMPLES)
        assert stats["events"] > 0
        assert stats["quads"] > 0
        report = kg.validate()
        assert report.conforms, [str(p) for p in report.problems]


def test_reingesting_the_examples_is_deterministic(oxigraph_url: str) -> None:
    with KG.open(oxigraph_url, settings=Settings()) as kg:
        _ingest_examples(kg)
        first, first_stats = _export(kg), kg.stats()
        _ingest_examples(kg)
        second, second_stats = _export(kg), kg.stats()
    assert second_stats == first_stats
    assert _sorted_lines(second) == _sorted_lines(first)
    assert len(_sorted_lines(first)) == first_stats["quads"]


def test_export_loads_into_a_fresh_store_with_the_same_stats(tmp_path: Path) -> None:
    with KG.open(f"oxigraph:{tmp_path / 'a'}", settings=Settings()) as source:
        _ingest_examples(source)
        dump = tmp_path / "kg.nq"
        with dump.open("wb") as handle:
            source.export(handle, format="nquads")
        expected_stats, expected_quads = source.stats(), _export(source)
    with KG.open(f"oxigraph:{tmp_path / 'b'}", settings=Settings()) as copy:
        report = copy.load(dump)
        assert report.ok
        assert report.quads == expected_stats["quads"]
        assert copy.stats() == expected_stats
        assert _sorted_lines(_export(copy)) == _sorted_lines(expected_quads)


def test_a_second_writer_is_refused_and_the_store_survives(tmp_path: Path) -> None:
    url = f"oxigraph:{tmp_path / 'kg'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KGLOAD_")}
    with KG.open(url, settings=Settings()) as kg:
        kg.ingest(EXAMPLES[:2])
        before = kg.stats()
        done = subprocess.run(
            [sys.executable, "-m", "kgload", "ingest", str(EXAMPLES[2]), "--store", url],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
        )
        assert done.returncode == 2, done.stderr
        assert done.stdout == ""
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, done.stderr
        assert lines[0].startswith("kgload: error: ")
        assert "locked" in lines[0]
        # The first process still reads and writes its store.
        assert kg.stats() == before
        kg.ingest(EXAMPLES[2:3])
        assert kg.stats()["documents"] == before["documents"] + 1
        assert kg.validate().conforms
    with KG.open(url, settings=Settings()) as again:
        assert again.stats()["documents"] == before["documents"] + 1


# -- the same saved queries on every backend ------------------------------------------------------

Rows = list[str]


def _rendered(kg: KG, name: str, params: dict[str, ParamValue]) -> Rows:
    """The rows as rendered strings, sorted; `"; "`-joined cells sorted inside (GROUP_CONCAT
    order is up to the store)."""
    columns, rows = result_rows(kg.query(name, **params), base=kg.settings.base)
    rendered = []
    for row in rows:
        cells = [
            "; ".join(sorted(value.split("; "))) if isinstance(value, str) else repr(value)
            for value in row
        ]
        rendered.append(" | ".join(f"{c}={v}" for c, v in zip(columns, cells, strict=True)))
    return sorted(rendered)


def _all_rows(kg: KG) -> dict[str, Rows | Exception]:
    results: dict[str, Rows | Exception] = {}
    for case, (name, params) in QUERY_CASES.items():
        try:
            results[case] = _rendered(kg, name, params)
        except Exception as exc:  # kept, and raised by the test of that query
            results[case] = exc
    return results


@pytest.fixture(scope="module")
def memory_rows() -> dict[str, Rows | Exception]:
    with KG.open("memory:", settings=Settings()) as kg:
        _ingest_examples(kg)
        return _all_rows(kg)


@pytest.fixture(scope="module")
def oxigraph_rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rows | Exception]:
    url = f"oxigraph:{tmp_path_factory.mktemp('e2e') / 'kg'}"
    with KG.open(url, settings=Settings()) as kg:
        _ingest_examples(kg)
        return _all_rows(kg)


def _virtuoso_settings(virtuoso: VirtuosoServer, *, retries: int = 3) -> Settings:
    return Settings(
        store_user=virtuoso.user, store_password=virtuoso.password, store_retries=retries
    )


@pytest.fixture(scope="module")
def virtuoso_rows(virtuoso: VirtuosoServer) -> Iterator[dict[str, Rows | Exception]]:
    # No retries: a refused query fails at once, the rows are the same either way.
    with KG.open(virtuoso.url, settings=_virtuoso_settings(virtuoso, retries=0)) as kg:
        kg.store.drop_graphs(kg.store.graphs())
        try:
            _ingest_examples(kg)
            assert kg.stats()["documents"] == len(EXAMPLES)
            yield _all_rows(kg)
        finally:
            kg.store.drop_graphs(kg.store.graphs())


def _same_rows(reference: Rows | Exception, got: Rows | Exception) -> None:
    if isinstance(reference, Exception):
        raise reference
    if isinstance(got, Exception):
        raise got
    assert got == reference


@pytest.mark.parametrize("case", QUERY_CASES)
def test_saved_query_same_rows_on_oxigraph_as_in_memory(
    case: str,
    memory_rows: dict[str, Rows | Exception],
    oxigraph_rows: dict[str, Rows | Exception],
) -> None:
    _same_rows(memory_rows[case], oxigraph_rows[case])


def _virtuoso_case(case: str) -> object:
    return pytest.param(case, marks=[pytest.mark.virtuoso])


@pytest.mark.parametrize("case", [_virtuoso_case(case) for case in QUERY_CASES])
def test_saved_query_same_rows_on_virtuoso_as_in_memory(
    case: str,
    memory_rows: dict[str, Rows | Exception],
    virtuoso_rows: dict[str, Rows | Exception],
) -> None:
    _same_rows(memory_rows[case], virtuoso_rows[case])


def test_the_saved_queries_find_something(memory_rows: dict[str, Rows | Exception]) -> None:
    """Comparing empty results would prove nothing."""
    found = {case for case, rows in memory_rows.items() if isinstance(rows, list) and rows}
    assert {"phone_calls", "meetings", "events_of_actor-actor=Q7747"} <= found
    assert len(found) >= len(QUERY_CASES) - 2


# -- `make demo` with --store pointing at Virtuoso ------------------------------------------------


def _demo_commands() -> list[list[str]]:
    """The kgload commands of the Makefile's `demo` target, as argument lists."""
    commands: list[list[str]] = []
    in_demo = False
    for line in MAKEFILE.read_text(encoding="utf-8").splitlines():
        if not line.startswith("\t"):
            in_demo = line.startswith("demo:")
            continue
        if in_demo and line.strip().startswith("$(KGLOAD)"):
            words = shlex.split(line.strip())[1:]
            argv: list[str] = []
            for word in words:
                if "*" in word:
                    argv.extend(str(path) for path in sorted(ROOT.glob(word)))
                else:
                    argv.append(word)
            commands.append(argv)
    return commands


DEMO = _demo_commands()


def _demo_id(argv: list[str]) -> str:
    return "-".join(w for w in argv if not w.startswith(("/", "$(", "--")))


@pytest.fixture(scope="module")
def virtuoso_demo(virtuoso: VirtuosoServer) -> Iterator[dict[str, tuple[int, str, str]]]:
    """Runs the demo's commands in order, in-process, against Virtuoso; (exit, out, err) each."""
    results: dict[str, tuple[int, str, str]] = {}
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith("KGLOAD_"):
                patch.delenv(name)
        patch.setenv("KGLOAD_STORE_USER", virtuoso.user)
        patch.setenv("KGLOAD_STORE_PASSWORD", virtuoso.password)
        with KG.open(virtuoso.url, settings=_virtuoso_settings(virtuoso)) as kg:
            kg.store.drop_graphs(kg.store.graphs())
        for argv in DEMO:
            command = [virtuoso.url if word == "$(DEMO_STORE)" else word for word in argv]
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(command)
            results[_demo_id(argv)] = (code, out.getvalue(), err.getvalue())
        yield results
    with KG.open(virtuoso.url, settings=_virtuoso_settings(virtuoso)) as kg:
        kg.store.drop_graphs(kg.store.graphs())


def test_the_demo_has_the_commands_this_test_expects() -> None:
    assert DEMO[0][:1] == ["ingest"] and len(DEMO[0]) > 8
    assert all("$(DEMO_STORE)" in argv for argv in DEMO)
    assert DEMO[-1][:1] == ["validate"]


def _demo_case(argv: list[str]) -> object:
    return pytest.param(_demo_id(argv), marks=[pytest.mark.virtuoso], id=_demo_id(argv))


@pytest.mark.parametrize("step", [_demo_case(argv) for argv in DEMO])
def test_the_demo_runs_unchanged_against_virtuoso(
    step: str, virtuoso_demo: dict[str, tuple[int, str, str]]
) -> None:
    code, out, err = virtuoso_demo[step]
    assert code == 0, err
    assert "error" not in err.lower(), err
    if step.startswith("query"):
        assert out.strip(), f"{step} printed no rows"
