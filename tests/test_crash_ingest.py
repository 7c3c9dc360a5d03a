"""Issue 10: `kgload ingest` SIGKILLed mid-batch leaves the on-disk store with whole documents.

The real command in a subprocess, on generated articles: a clean run gives every document graph;
then an ingest into another store is killed at a random moment, and so is the rerun that
re-ingests what was already loaded; after each kill every document graph must equal the clean
run's, and nothing kgload did not commit may show (no staging graphs, `stats` counts only whole
documents). A last rerun must give the clean run's store exactly.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Store
from test_load_failures import generate_article

from kgload.config import DEFAULT_BASE
from kgload.stores.base import STAGING_PREFIX

DOC = f"{DEFAULT_BASE}doc/"
ARTICLES = 240
BATCH = 20


def _ingest(folder: Path, store: Path) -> list[str]:
    return [sys.executable, "-m", "kgload", "ingest", str(folder), "--store", f"oxigraph:{store}",
            "--batch-size", str(BATCH)]


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("KGLOAD_")}


def _graphs(path: Path) -> dict[str, frozenset[str]]:
    """Every named graph of the store at `path`, as sets of N-Triples lines."""
    store = Store(str(path))
    try:
        found: dict[str, set[str]] = {}
        for quad in store.quads_for_pattern(None, None, None, None):
            assert isinstance(quad.graph_name, NamedNode), quad
            found.setdefault(quad.graph_name.value, set()).add(
                f"{quad.subject} {quad.predicate} {quad.object}"
            )
        return {g: frozenset(v) for g, v in found.items()}
    finally:
        del store


def _stats_documents(path: Path, cwd: Path) -> int:
    done = subprocess.run([sys.executable, "-m", "kgload", "stats", "--store", f"oxigraph:{path}",
                           "--format", "json"], cwd=cwd, env=_env(), capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    rows = {row["name"]: row["count"] for row in json.loads(done.stdout)}
    return int(rows["documents"])


def _killed_run(folder: Path, store: Path, cwd: Path, start: float, end: float,
                rng: random.Random) -> None:
    """Run the ingest and SIGKILL it between `start` and `end` seconds (while it writes)."""
    for _ in range(3):
        with subprocess.Popen(_ingest(folder, store), cwd=cwd, env=_env(),
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) as process:
            time.sleep(rng.uniform(start, end))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                process.wait(timeout=60)
                return
        end = start + (end - start) / 2  # the machine is faster than the clean run said
    pytest.fail("the ingest always ended before the kill")


def _assert_whole(found: dict[str, frozenset[str]], clean: dict[str, frozenset[str]]) -> int:
    """Every document graph found is the clean run's; returns how many there are."""
    documents = {g: v for g, v in found.items() if g.startswith(DOC)}
    # Staging graphs a kill left are outside the prefix, and dropped when the store is next opened.
    others = {g for g in found if not g.startswith(STAGING_PREFIX)} - set(documents) - set(clean)
    assert not others, f"graphs the clean run does not have: {sorted(others)[:3]}"
    partial = [g for g, v in documents.items() if v != clean.get(g)]
    assert not partial, f"{len(partial)} document graphs differ from the clean run: {partial[:3]}"
    return len(documents)


@pytest.mark.slow
def test_killing_kgload_ingest_mid_batch_leaves_whole_documents(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    rng = random.Random(20261206)
    for index in range(ARTICLES):
        (folder / f"{index:04d}.txt").write_text(generate_article(index, rng), encoding="utf-8")

    one = tmp_path / "one"
    one.mkdir()
    (one / "0.txt").write_text(generate_article(0, rng), encoding="utf-8")
    started = time.monotonic()
    done = subprocess.run(_ingest(one, tmp_path / "one-kg"), cwd=tmp_path, env=_env(),
                          capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    startup = time.monotonic() - started  # imports and models: nothing is written before

    started = time.monotonic()
    done = subprocess.run(_ingest(folder, tmp_path / "clean"), cwd=tmp_path, env=_env(),
                          capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    clean_seconds = time.monotonic() - started
    clean = _graphs(tmp_path / "clean")
    assert sum(g.startswith(DOC) for g in clean) == ARTICLES
    writing = clean_seconds - startup
    start, end = startup + 0.15 * writing, startup + 0.85 * writing

    killed = tmp_path / "killed"
    # A first ingest, then a rerun that re-ingests what the first one loaded: both killed.
    loaded = 0
    for _ in range(2):
        _killed_run(folder, killed, tmp_path, start, end, rng)
        documents = _assert_whole(_graphs(killed), clean)
        assert _stats_documents(killed, tmp_path) == documents
        assert documents >= loaded  # a re-ingest never loses a document it replaces
        loaded = documents

    done = subprocess.run(_ingest(folder, killed), cwd=tmp_path, env=_env(),
                          capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    assert _graphs(killed) == clean
