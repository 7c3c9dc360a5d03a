"""Issue 13: `kgload ingest --workers N` extracts in N processes and loads the same graph.

Real worker processes (spawned, as in production) on real articles: the examples, and copies of
them under other URLs so that a run lasts long enough to be killed or interrupted half-way.
A worker that dies is killed for real, by SIGKILL from outside or by the task killing itself;
Ctrl-C is SIGINT sent to the whole process group, as a terminal does.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Store

import kgload.parallel
from kgload import KG, Settings
from kgload.config import DEFAULT_BASE
from kgload.model import Problem
from kgload.parallel import (
    DocumentResult,
    Rejected,
    chunk_items,
    extract_document,
    extract_documents,
    parse_nquads,
)
from kgload.stores.base import STAGING_PREFIX

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
# 16 copies of the 11 examples (176 articles): several seconds of extraction per worker even on
# a fast machine (with 8, two workers could finish before each used the 3 s of CPU the kill
# tests wait for, and those tests failed with "the workers did not get busy")
COPIES = 16


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("KGLOAD_")}


def _kgload(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kgload", *args], cwd=cwd, env=_env(),
                          capture_output=True, text=True, timeout=600, check=False)


def _sorted_export(store: Path, cwd: Path) -> list[str]:
    done = _kgload("export", "--store", f"oxigraph:{store}", cwd=cwd)
    assert done.returncode == 0, done.stderr
    return sorted(done.stdout.splitlines())


def _graphs(path: Path) -> dict[str, frozenset[str]]:
    """Every named graph of the on-disk store at `path`, as sets of N-Triples lines."""
    store = Store(str(path))
    try:
        return _graphs_of(store)
    finally:
        del store


def _graphs_of(store: Store) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for quad in store.quads_for_pattern(None, None, None, None):
        assert isinstance(quad.graph_name, NamedNode), quad
        found.setdefault(quad.graph_name.value, set()).add(
            f"{quad.subject} {quad.predicate} {quad.object}"
        )
    return {g: frozenset(v) for g, v in found.items()}


def _examples() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


def _copies(folder: Path, copies: int = COPIES) -> Path:
    """The examples `copies` times, each copy under its own URL (so its own document)."""
    folder.mkdir()
    for number in range(copies):
        for path in _examples():
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"^url: (\S+)", rf"url: \1/copy-{number}", text, count=1, flags=re.M)
            (folder / f"{number:02d}-{path.name}").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _copies(tmp_path_factory.mktemp("copies") / "articles")


@pytest.fixture(scope="module")
def reference(copies: Path) -> dict[str, frozenset[str]]:
    """The graphs of a one-process ingest of the copies: what every run must give."""
    with KG.open("memory:", settings=Settings(store="memory:", workers=1)) as kg:
        report = kg.ingest([copies])
        assert report.ok and report.documents == COPIES * len(_examples())
        store = kg.store._store  # type: ignore[attr-defined]
        return _graphs_of(store)


# -- the extraction unit --------------------------------------------------------------------------


def test_extract_document_gives_the_quads_the_store_receives(tmp_path: Path) -> None:
    from kgload.linking.kb import load_kb
    from kgload.sources import read_articles

    settings = Settings(store="memory:")
    articles = [a for a in read_articles(_examples()[:2]) if not isinstance(a, Problem)]
    one = extract_document(articles[0], load_kb(), settings)
    both = list(extract_documents(articles, load_kb(), settings))
    assert isinstance(one, DocumentResult) and all(isinstance(r, DocumentResult) for r in both)
    assert one.graph == f"{DEFAULT_BASE}doc/{articles[0].id}"
    assert len(one.document_quads()) == one.quads == len(parse_nquads(one.nquads))
    assert one.events > 0 and one.entity_keys and one.kb_nquads
    with KG.open("memory:", settings=settings) as kg:
        kg.ingest(_examples()[:1], workers=1)
        stored = _graphs_of(kg.store._store)  # type: ignore[attr-defined]
    assert stored[one.graph] == frozenset(
        f"{q.subject} {q.predicate} {q.object}" for q in one.document_quads()
    )


def test_chunks_follow_the_analysis_batches_and_keep_reader_problems() -> None:
    from kgload.model import Article

    def article(n: int, lang: str) -> Article:
        return Article(id=str(n), text="x", lang=lang, source=f"a{n}")

    items: list[Article | Problem] = [article(0, "pt"), Problem("bad", "m", "p1"),
                                      article(2, "pt"), article(3, "en")]
    items += [article(n, "en") for n in range(4, 40)]
    chunks = list(chunk_items(items))
    assert [[i for i, _ in c.articles] for c in chunks][:2] == [[0, 2], list(range(3, 35))]
    assert [i for i, _ in chunks[0].problems] == [1]
    assert sum(len(c.articles) for c in chunks) == 39


# -- same graph, same report ----------------------------------------------------------------------


def test_two_workers_export_the_same_quads_as_one(tmp_path: Path) -> None:
    outputs = {}
    for workers in ("1", "2"):
        store = tmp_path / f"kg-{workers}"
        done = _kgload("ingest", str(EXAMPLES), "--store", f"oxigraph:{store}",
                       "--workers", workers, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        outputs[workers] = (done.stderr, _sorted_export(store, tmp_path))
    assert outputs["1"][1] == outputs["2"][1]
    assert "\n".join(outputs["1"][1]).encode() == "\n".join(outputs["2"][1]).encode()
    assert outputs["1"][0] == outputs["2"][0]  # the same report, line for line
    assert f"ingested {len(_examples())} documents" in outputs["2"][0]


class _Calls(list[tuple[int, int | None, str]]):
    def append_call(self, done: int, total: int | None, item: str) -> None:
        self.append((done, total, item))


def test_problems_come_in_input_order_whatever_the_workers(tmp_path: Path) -> None:
    folder = _copies(tmp_path / "articles", copies=2)
    (folder / "00-a-empty.txt").write_text("", encoding="utf-8")
    (folder / "01-z-empty.txt").write_text("lang: pt\n---\n", encoding="utf-8")
    (folder / "00-b-binary.txt").write_bytes(b"\xff\xfe\x00bad")
    reports = []
    calls: list[list[tuple[int, int | None, str]]] = []
    for workers in (1, 2):
        seen = _Calls()
        with KG.open("memory:", settings=Settings(store="memory:")) as kg:
            reports.append(kg.ingest([folder], workers=workers, progress=seen.append_call))
        calls.append(seen)
    assert reports[0] == reports[1]
    assert calls[0] == calls[1]  # the same progress, step by step
    items = 2 * len(_examples()) + 3
    assert [done for done, _, _ in calls[0]] == [*range(1, items + 1), items]
    assert [Path(p.source).name for p in reports[0].problems] == [
        "00-a-empty.txt", "00-b-binary.txt", "01-z-empty.txt"
    ]


# -- a worker that dies ---------------------------------------------------------------------------

_REAL_TASK = kgload.parallel.process_chunk


def _dying_task(wires: Sequence[tuple[object, ...]]) -> list[object]:
    """Run in a worker: die (SIGKILL) on a chunk holding "DIE-ALWAYS", and on the first try of
    one holding "DIE-ONCE" (a marker file beside the article remembers the try)."""
    for wire in wires:
        text, source = str(wire[1]), Path(str(wire[3]))
        marker = source.with_suffix(".died")
        if "DIE-ALWAYS" in text or ("DIE-ONCE" in text and not marker.exists()):
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
    return _REAL_TASK(wires)  # type: ignore[arg-type]


_PT_CALL = "O presidente Lula conversou por telefone com Emmanuel Macron nesta terça-feira."
_EN_MEETING = "President Biden met Chancellor Scholz in Berlin on Friday."


def _article(folder: Path, name: str, lang: str, body: str) -> None:
    (folder / name).write_text(f"url: https://example.org/{name}\nlang: {lang}\n---\n{body}\n",
                               encoding="utf-8")


def test_a_dead_worker_is_retried_then_its_articles_are_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    pt, en = _PT_CALL, _EN_MEETING
    # Language runs make chunks: [a b] [c] [d e] [f] [g h]; c dies always, f only once.
    _article(folder, "a.txt", "pt", pt)
    _article(folder, "b.txt", "pt", pt + " Segundo.")
    _article(folder, "c.txt", "en", en + " DIE-ALWAYS")
    _article(folder, "d.txt", "pt", pt + " Terceiro.")
    _article(folder, "e.txt", "pt", pt + " Quarto.")
    _article(folder, "f.txt", "en", en + " DIE-ONCE")
    _article(folder, "g.txt", "pt", pt + " Quinto.")
    _article(folder, "h.txt", "pt", pt + " Sexto.")
    monkeypatch.setattr(kgload.parallel, "process_chunk", _dying_task)
    with KG.open("memory:", settings=Settings(store="memory:")) as kg:
        report = kg.ingest([folder], workers=2)
        documents = kg.stats()["documents"]
    assert [(p.code, Path(p.source).name) for p in report.problems] == [("worker-died", "c.txt")]
    assert "ingest it with --workers 1" in report.problems[0].message
    assert report.documents == documents == 7  # f was retried; nothing else was lost
    assert "an extraction worker died" in caplog.text


def _workers_of(pid: int) -> list[int]:
    """The spawned worker processes among `pid`'s children (not the resource tracker)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    found = []
    for child in children:
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmdline:
            found.append(int(child))
    return found


def _alive(pid: int) -> bool:
    """The process exists and is not a zombie (a container's init may never reap one)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _busy_worker(process: subprocess.Popen[str], cpu: float, deadline: float,
                 count: int = 1) -> int:
    """A worker of `process` that has used `cpu` seconds (it is extracting, not starting),
    once `count` of them have."""
    while time.monotonic() < deadline and process.poll() is None:
        busy = [pid for pid in _workers_of(process.pid) if _cpu_seconds(pid) >= cpu]
        if len(busy) >= count:
            return busy[0]
        time.sleep(0.05)
    pytest.fail("the workers did not get busy before the run ended")


def _communicate_or_kill(process: subprocess.Popen[str], timeout: float) -> str:
    """The command's stderr; a command still running after `timeout` is killed with its
    workers and the test fails, where `Popen.__exit__` would wait for it forever (a Ctrl-C
    run once hung in `ProcessPoolExecutor.shutdown`, its result pipe left mid-message by a
    worker killed while writing)."""
    try:
        return process.communicate(timeout=timeout)[1]
    except subprocess.TimeoutExpired:
        for pid in [process.pid, *_children(process.pid)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        stderr = process.communicate()[1]
        pytest.fail(f"kgload ingest did not end within {timeout:.0f} s; stderr:\n{stderr[-2000:]}")


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found.extend(int(child) for child in task.read_text().split())
    return found


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_a_worker_killed_from_outside_loses_nothing(
    tmp_path: Path, copies: Path, reference: dict[str, frozenset[str]]
) -> None:
    store = tmp_path / "kg"
    command = [sys.executable, "-m", "kgload", "ingest", str(copies), "--store",
               f"oxigraph:{store}", "--workers", "2", "--batch-size", "5"]
    with subprocess.Popen(command, cwd=tmp_path, env=_env(), stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        victim = _busy_worker(process, cpu=3.0, deadline=time.monotonic() + 300)
        os.kill(victim, signal.SIGKILL)
        stderr = _communicate_or_kill(process, 600)
    assert process.returncode == 0, stderr
    assert "an extraction worker died" in stderr
    assert f"ingested {COPIES * len(_examples())} documents" in stderr
    assert _graphs(store) == reference


def _own_group_with_ctrl_c() -> None:
    """In the child before exec: a process group of its own (the test sends SIGINT to it, as a
    terminal would), and SIGINT's default action back (a shell ignores it in background jobs,
    and a child inherits that)."""
    os.setsid()
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_ctrl_c_leaves_only_whole_documents(
    tmp_path: Path, copies: Path, reference: dict[str, frozenset[str]]
) -> None:
    store = tmp_path / "kg"
    command = [sys.executable, "-m", "kgload", "ingest", str(copies), "--store",
               f"oxigraph:{store}", "--workers", "2", "--batch-size", "3"]
    with subprocess.Popen(command, cwd=tmp_path, env=_env(), stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          preexec_fn=_own_group_with_ctrl_c) as process:
        _busy_worker(process, cpu=3.0, deadline=time.monotonic() + 300, count=2)
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
        stderr = _communicate_or_kill(process, 120)
    assert process.returncode == 130, stderr
    match = re.search(r"kgload: interrupted: (\d+) documents? committed", stderr)
    assert match, stderr
    assert "Traceback" not in stderr
    graphs = _graphs(store)
    assert not [g for g in graphs if g.startswith(STAGING_PREFIX)]
    documents = {g: quads for g, quads in graphs.items() if g.startswith(f"{DEFAULT_BASE}doc/")}
    assert len(documents) == int(match.group(1))
    assert len(documents) < len(reference) - 1  # it was stopped half-way
    for graph, quads in documents.items():
        assert quads == reference[graph], graph


def test_rejected_outcomes_pickle() -> None:
    import pickle

    rejected = Rejected("a.txt", (Problem("internal-error", "m", "a.txt"),))
    assert pickle.loads(pickle.dumps(rejected)) == rejected


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_workers_end_when_the_command_is_killed(tmp_path: Path, copies: Path) -> None:
    """SIGKILL of `kgload ingest` (as in tests/test_crash_ingest.py) must not leave its
    workers behind, waiting on their task queue forever."""
    command = [sys.executable, "-m", "kgload", "ingest", str(copies), "--store",
               f"oxigraph:{tmp_path / 'kg'}", "--workers", "2"]
    with subprocess.Popen(command, cwd=tmp_path, env=_env(), stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as process:
        _busy_worker(process, cpu=2.0, deadline=time.monotonic() + 300, count=2)
        workers = _workers_of(process.pid)
        process.kill()
        process.wait(timeout=60)
    deadline = time.monotonic() + 120  # a hang guard, not a speed target
    while any(_alive(pid) for pid in workers):
        if time.monotonic() > deadline:
            for pid in workers:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            pytest.fail(f"workers {workers} outlived the killed command")
        time.sleep(0.2)


def test_a_command_that_does_not_end_is_killed_and_fails_the_test() -> None:
    """The guard the kill tests use: a hung command fails the test instead of hanging it."""
    command = [sys.executable, "-c", "import time; time.sleep(120)"]
    with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as process:
        started = time.monotonic()
        with pytest.raises(pytest.fail.Exception, match="did not end within 1 s"):
            _communicate_or_kill(process, 1)
    assert process.returncode == -signal.SIGKILL
    assert time.monotonic() - started < 30


# -- a worker killed while it writes its result ---------------------------------------------------


def _half_written_result_task(wires: Sequence[tuple[object, ...]]) -> list[object]:
    """Run in a worker: on a chunk holding "HALF-WRITTEN", write the start of a result message
    to the executor's result pipe (a length, then part of the bytes) and die, as a worker killed
    (OOM, SIGKILL, Ctrl-C) in the middle of sending its result does. The executor's reader then
    waits for the rest of that message, which never comes."""
    if any("HALF-WRITTEN" in str(wire[1]) for wire in wires):
        import struct

        result_queue = sys._getframe(1).f_locals["result_queue"]  # _process_worker's argument
        os.write(result_queue._writer.fileno(), struct.pack("!i", 1 << 20) + b"\x80\x04partial")
        os.kill(os.getpid(), signal.SIGKILL)
    return _REAL_TASK(wires)  # type: ignore[arg-type]


def _ingest_with_half_written_results(folder: str) -> None:
    """Run in a fresh interpreter by the test below (a hang must not hang pytest): ingest
    `folder` with two workers whose task is `_half_written_result_task`."""
    kgload.parallel.process_chunk = _half_written_result_task  # type: ignore[assignment]
    with KG.open("memory:", settings=Settings(store="memory:")) as kg:
        report = kg.ingest([Path(folder)], workers=2)
        documents = kg.stats()["documents"]
    print([(p.code, Path(p.source).name) for p in report.problems], documents, file=sys.stderr)


def test_a_worker_killed_while_writing_its_result_does_not_hang_the_ingest(
    tmp_path: Path,
) -> None:
    """Before the fix, `ExtractionPool` waited forever: the executor's manager thread sat in
    `recv()` on the half-written message (the parent's own copy of the pipe's write end kept
    it from seeing the end of the pipe) and so never noticed the dead worker."""
    folder = tmp_path / "articles"
    folder.mkdir()
    _article(folder, "a.txt", "pt", _PT_CALL)
    _article(folder, "b.txt", "en", _EN_MEETING + " HALF-WRITTEN")
    _article(folder, "c.txt", "pt", _PT_CALL + " Segundo.")
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import tests.test_workers as t; "
            "t._ingest_with_half_written_results(sys.argv[2])")
    command = [sys.executable, "-c", code, str(ROOT), str(folder)]
    with subprocess.Popen(command, cwd=tmp_path, env=_env(), stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        stderr = _communicate_or_kill(process, 240)
    assert process.returncode == 0, stderr
    assert "[('worker-died', 'b.txt')] 2" in stderr, stderr
