"""Issue 13: the embedded store is flushed during and after every write, and closed for real.

Oxigraph keeps writes in RocksDB memtables and its write-ahead log (`*.log`) until a flush
writes them to table files (`*.sst`); unflushed, memory grows with the ingest and the next open
replays the whole log. RocksDB recycles old log files (Oxigraph keeps up to 10), so their size
on disk says little; what says everything is whether the store is whole *without* its logs:
after a flushed close, a copy of the folder minus every `*.log` must hold all the quads.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import Store

from kgload import KG, Settings
from kgload.config import load_settings
from kgload.errors import ConfigError
from kgload.stores.oxigraph import OxigraphStore, open_oxigraph

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("KGLOAD_")}


def _without_logs(store: Path, copy: Path) -> Path:
    """A copy of the store folder with every write-ahead log file left out."""
    shutil.copytree(store, copy, ignore=shutil.ignore_patterns("*.log"))
    assert not list(copy.glob("*.log"))
    return copy


def _stats(store: Path, cwd: Path) -> dict[str, int]:
    """`kgload stats` of the store, in a new process."""
    done = subprocess.run([sys.executable, "-m", "kgload", "stats", "--store", f"oxigraph:{store}",
                           "--format", "json"], cwd=cwd, env=_env(), capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return {row["name"]: int(row["count"]) for row in json.loads(done.stdout)}


def test_after_ingest_nothing_is_left_only_in_the_write_ahead_log(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    done = subprocess.run([sys.executable, "-m", "kgload", "ingest", str(EXAMPLES), "--store",
                           f"oxigraph:{store}", "--workers", "1"], cwd=tmp_path, env=_env(),
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert list(store.glob("*.sst"))
    stats = _stats(store, tmp_path)
    assert stats["documents"] == len(list(EXAMPLES.glob("*.txt"))) and stats["quads"] > 1000
    # Everything is in the table files: the store minus its logs is the whole store.
    assert _stats(_without_logs(store, tmp_path / "copy"), tmp_path) == stats


def test_the_check_tells_a_flushed_store_from_one_that_is_not(tmp_path: Path) -> None:
    """The same check on a store dropped without a flush (kgload before issue 13) finds the
    quads only in the log: so the test above would catch a missing flush."""
    store = Store(str(tmp_path / "raw"))
    with KG.open("memory:", settings=Settings(store="memory:")) as kg:
        kg.ingest([EXAMPLES], workers=1)
        quads = list(kg.store._store)  # type: ignore[attr-defined]
    store.extend(quads)
    del store
    copy = Store(str(_without_logs(tmp_path / "raw", tmp_path / "copy")))
    try:
        assert len(copy) == 0
    finally:
        del copy


def test_the_context_manager_flushes_and_closes(tmp_path: Path) -> None:
    path = tmp_path / "kg"
    with KG.open(f"oxigraph:{path}", settings=Settings()) as kg:
        report = kg.ingest(sorted(EXAMPLES.glob("*.txt"))[:2], workers=1)
    kg.close()  # a second close is harmless
    # Closed for real: the same process can open the folder again (RocksDB's lock is free) ...
    again = Store(str(path))
    try:
        assert len(again) > report.quads > 0  # the documents, and the KB graph
    finally:
        del again
    # ... and its data is in table files, not only in the log.
    copy = Store(str(_without_logs(path, tmp_path / "copy")))
    try:
        assert len(copy) > report.quads
    finally:
        del copy


class _CountingStore(OxigraphStore):
    """A real on-disk Oxigraph store that counts its flushes and the documents before each."""

    flushes: list[int]

    def flush(self) -> None:
        self.flushes.append(len(self.graphs()))
        super().flush()


def test_a_long_ingest_flushes_every_flush_every_documents(tmp_path: Path) -> None:
    opened = open_oxigraph(str(tmp_path / "kg"))
    store = _CountingStore(opened._store, opened.url)
    store.flushes = []
    settings = Settings(store=store.url, batch_size=2, flush_every=4, workers=1)
    kg = KG(store, settings)
    with kg:
        report = kg.ingest(sorted(EXAMPLES.glob("*.txt"))[:10])
        during = list(store.flushes)
    opened.close()  # the store the counting one wraps: flushed, and unlocked
    assert report.documents == 10
    # Batches of 2 documents: a flush once 4 are written since the last, and one at the end;
    # the KB graph is one more graph.
    assert during == [4 + 1, 8 + 1, 10 + 1]


def test_a_read_only_store_closes_without_flushing(tmp_path: Path) -> None:
    path = tmp_path / "kg"
    writable = open_oxigraph(str(path))
    writable.close()
    reader = OxigraphStore(Store.read_only(str(path)), f"oxigraph:{path}")
    reader.close()
    reader.close()


@pytest.mark.parametrize(
    ("name", "value"), [("KGLOAD_FLUSH_EVERY", "0"), ("KGLOAD_FLUSH_EVERY", "often"),
                        ("KGLOAD_WORKERS", "-1"), ("KGLOAD_WORKERS", "2000")])
def test_bad_flush_every_and_workers_are_one_line_errors(name: str, value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(environ={name: value})
    assert name in str(caught.value) and "\n" not in str(caught.value)


def test_settings_take_flush_every_and_workers() -> None:
    settings = load_settings(environ={"KGLOAD_FLUSH_EVERY": "100", "KGLOAD_WORKERS": "3"})
    assert (settings.flush_every, settings.workers) == (100, 3)
    assert (Settings().flush_every, Settings().workers) == (500, 0)
