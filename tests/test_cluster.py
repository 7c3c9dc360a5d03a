"""Extraction on Dask (issue 13): a real `distributed.LocalCluster` of two worker processes on
loopback, never the synchronous scheduler. The parts it writes, landed with `kgload load DIR`,
must hold exactly the quads of a single-process `kgload ingest` of the same articles; a worker
killed mid-run must cost neither a document nor a duplicate."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")

from distributed import Client, LocalCluster

from kgload.cli.main import main
from kgload.cluster import extract_files
from kgload.config import Settings
from kgload.model import Article
from kgload.parts import read_manifest
from kgload.sources import read_articles
from kgload.stores.sparql import SparqlStore

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
# How many articles examples/ holds (the tests must not break when one is added).
N_EXAMPLES = len(list(EXAMPLES.glob("*.txt")))
README = ROOT / "README.md"


def _cluster() -> LocalCluster:
    return LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=40,
    )


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with _cluster() as cluster, Client(cluster) as connected:
        yield connected


@pytest.fixture(scope="module")
def single_export(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The sorted N-Quads of a one-process `kgload ingest examples/`."""
    folder = tmp_path_factory.mktemp("single")
    store = f"oxigraph:{folder / 'kg'}"
    assert main(["ingest", str(EXAMPLES), "--store", store]) == 0
    return _export(store, folder / "single.nq")


def _export(store: str, path: Path) -> list[str]:
    assert main(["export", "--store", store, "-o", str(path)]) == 0
    return sorted(path.read_text(encoding="utf-8").splitlines())


def test_cli_extract_on_a_scheduler_then_load_equals_single_process_ingest(
    client: Client, single_export: list[str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    parts = tmp_path / "parts"
    scheduler = client.scheduler.address
    assert main(["extract", str(EXAMPLES), "--out", str(parts), "--scheduler", scheduler,
                 "--partition-size", "3"]) == 0
    err = capsys.readouterr().err
    assert f"extracted {N_EXAMPLES} documents" in err and "into 4 parts" in err, err
    store = f"oxigraph:{tmp_path / 'kg'}"
    assert main(["load", str(parts), "--store", store]) == 0
    assert f"({N_EXAMPLES} documents)" in capsys.readouterr().err
    assert _export(store, tmp_path / "cluster.nq") == single_export


def test_rerun_skips_done_partitions_and_one_partition_reruns_alone(
    client: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    parts = tmp_path / "parts"
    settings = Settings()
    first = extract_files([EXAMPLES], parts, settings=settings, client=client, partitions=4)
    assert first.ok and first.extracted == 4 and first.reused == 0
    written = {p.name: p.stat().st_mtime_ns for p in parts.glob("part-*.nq")}

    again = extract_files([EXAMPLES], parts, settings=settings, client=client, partitions=4)
    assert (again.extracted, again.reused) == (0, 4)
    assert {p.name: p.stat().st_mtime_ns for p in parts.glob("part-*.nq")} == written

    # A damaged part is refused by load (the others land) and extracted again on a re-run.
    (parts / "part-00001.nq").write_bytes(b"")
    store = f"oxigraph:{tmp_path / 'kg'}"
    assert main(["load", str(parts), "--store", store]) == 1
    err = capsys.readouterr().err
    assert "part-00001.nq: part does not match the manifest's sha256" in err
    assert "--partition 1" in err and "[bad-checksum]" in err
    repaired = extract_files([EXAMPLES], parts, settings=settings, client=client, partitions=4)
    assert (repaired.extracted, repaired.reused) == (1, 3)

    alone = extract_files([EXAMPLES], parts, settings=settings, client=client, partitions=4,
                          only=2)
    assert (alone.extracted, alone.reused) == (1, 3)
    assert read_manifest(parts).documents == N_EXAMPLES
    assert main(["load", str(parts), "--store", store]) == 0


def test_a_missing_partition_is_listed_and_load_says_which_to_rerun(
    client: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    parts = tmp_path / "parts"
    report = extract_files([EXAMPLES], parts, settings=Settings(), client=client,
                           partitions=4, only=0)
    # Only partition 0 was asked for: the other three are missing, and load says so.
    assert [m.partition for m in report.failed] == [1, 2, 3]
    assert main(["load", str(parts), "--store", f"oxigraph:{tmp_path / 'kg'}"]) == 1
    err = capsys.readouterr().err
    assert err.count("[missing-partition]") == 3
    assert "--partition 3" in err


def test_load_of_a_folder_without_manifest_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", str(tmp_path), "--store", f"oxigraph:{tmp_path / 'kg'}"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kgload: error:") and "no manifest.json" in err
    assert len(err.splitlines()) == 1


def test_a_folder_of_parts_is_nquads_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", str(tmp_path), "--format", "trig",
                 "--store", f"oxigraph:{tmp_path / 'kg'}"]) == 2
    assert "a folder of parts is N-Quads" in capsys.readouterr().err


def test_a_scheduler_address_dask_cannot_parse_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(EXAMPLES), "--out", str(tmp_path / "parts"),
                 "--scheduler", "nonsense://host"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kgload: error: --scheduler nonsense://host: not a Dask scheduler")
    assert len(err.splitlines()) == 1


def test_partitions_and_partition_size_together_are_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(EXAMPLES), "--out", str(tmp_path), "--partitions", "2",
                 "--partition-size", "3"]) == 2
    assert "not allowed with" in capsys.readouterr().err


def _many_articles(path: Path, copies: int) -> int:
    """A JSON Lines batch of the example articles, each `copies` times under its own URL."""
    articles = [a for a in read_articles([EXAMPLES]) if isinstance(a, Article)]
    with path.open("w", encoding="utf-8") as handle:
        for copy in range(copies):
            for article in articles:
                record = {
                    "text": article.text, "lang": article.lang,
                    "url": f"{article.url}?copy={copy}", "title": article.title,
                    "published": article.published.isoformat() if article.published else None,
                    "outlet": article.outlet,
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(articles) * copies


def test_a_killed_worker_costs_no_document_and_adds_no_duplicate(tmp_path: Path) -> None:
    batch = tmp_path / "many.jsonl"
    total = _many_articles(batch, 4)
    parts = tmp_path / "parts"
    with _cluster() as cluster, Client(cluster) as own:
        result: dict[str, object] = {}

        def run() -> None:
            try:
                result["report"] = extract_files([batch], parts, settings=Settings(),
                                                 client=own, partition_size=2)
            except BaseException as exc:  # handed to the test thread
                result["error"] = exc

        runner = threading.Thread(target=run)
        runner.start()
        killed = None
        # Wait (no timing assertion: only a bound on a hang) until some partitions are done
        # and a worker is busy with another, then kill that worker's process outright.
        for _ in range(2_400):
            if not runner.is_alive():
                break
            busy = {w: keys for w, keys in own.processing().items() if keys}
            if any(parts.glob("part-*.json")) and busy:
                victim = next(iter(busy))
                pid = own.run(os.getpid, workers=[victim])[victim]
                os.kill(pid, signal.SIGKILL)
                killed = victim
                break
            time.sleep(0.05)
        runner.join(timeout=600)
        assert not runner.is_alive(), "the extraction hung after a worker was killed"
    assert "error" not in result, result.get("error")
    assert killed is not None, "the run ended before a worker could be killed"
    manifest = read_manifest(parts)
    assert not manifest.missing
    graphs = [g for entry in manifest.parts for g in entry.graphs]
    assert len(graphs) == len(set(graphs)) == total
    assert manifest.documents == total and manifest.items == total
    assert not list(parts.glob(".part-*.tmp"))
    store = f"oxigraph:{tmp_path / 'kg'}"
    assert main(["load", str(parts), "--store", store]) == 0
    assert main(["stats", "--store", store, "--format", "json"]) == 0


def test_workers_build_each_pipeline_once(client: Client, tmp_path: Path) -> None:
    extract_files([EXAMPLES], tmp_path / "a", settings=Settings(), client=client,
                  partition_size=1)
    extract_files([EXAMPLES], tmp_path / "b", settings=Settings(), client=client,
                  partition_size=1)

    def built() -> tuple[int, int]:
        from kgload.linking.kb import load_kb
        from kgload.nlp.pipeline import _cached_nlp

        return _cached_nlp.cache_info().misses, load_kb.cache_info().misses

    # Three languages in the examples: at most one pipeline each, and one KB, per worker,
    # however many partitions (10 here, twice) the worker ran.
    for pipelines, kbs in client.run(built).values():
        assert pipelines <= 3 and kbs == 1


def test_workers_keep_no_statistical_profile(client: Client, tmp_path: Path) -> None:
    """Dask's profiler kept a thousand stack summaries per worker: most of a long run's memory
    growth. kgload's worker plugin stops it on every worker and empties what it held."""
    extract_files([EXAMPLES], tmp_path / "parts", settings=Settings(), client=client,
                  partition_size=2)

    def profiling(dask_worker: Any) -> tuple[bool, int]:
        running = any(name in dask_worker.periodic_callbacks
                      for name in ("profile", "profile-cycle"))
        return running, len(dask_worker.profile_history)

    for running, kept in client.run(profiling).values():
        assert not running and kept == 0


def _readme_block(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index(title):]
    start = section.index("```python\n") + len("```python\n")
    return section[start:section.index("```", start)]


def test_readme_dask_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, single_export: list[str]
) -> None:
    """The README's bag and data-frame example, as written, lands the same quads."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(EXAMPLES)
    namespace: dict[str, object] = {"__name__": "readme"}
    exec(compile(_readme_block("## A cluster with Dask"), str(README), "exec"), namespace)
    namespace["main"]()  # type: ignore[operator]
    for folder in ("parts-bag", "parts-frame"):
        manifest = read_manifest(tmp_path / folder)
        assert manifest.documents == N_EXAMPLES and not manifest.missing and not manifest.problems
        store = f"oxigraph:{tmp_path / ('kg-' + folder)}"
        assert main(["load", folder, "--store", store]) == 0
        assert _export(store, tmp_path / f"{folder}.nq") == single_export, folder


@pytest.mark.virtuoso
def test_parts_land_in_virtuoso_through_its_load_path(
    client: Client, tmp_path: Path, virtuoso_store: SparqlStore, single_export: list[str]
) -> None:
    import io

    from pyoxigraph import RdfFormat

    from kgload.loader import load_parts

    parts = tmp_path / "parts"
    extract_files([EXAMPLES], parts, settings=Settings(), client=client, partitions=3)
    for _ in range(2):  # loading again replaces the documents' graphs: nothing twice
        report = load_parts(virtuoso_store, parts)
        assert report.ok and report.documents == N_EXAMPLES
    buffer = io.BytesIO()
    virtuoso_store.dump(buffer, format=RdfFormat.N_QUADS)
    landed = buffer.getvalue().decode("utf-8").splitlines()
    assert len(landed) == len(single_export)
    graphs = {line.rsplit(" ", 2)[-2] for line in single_export}
    assert {f"<{g}>" for g in virtuoso_store.graphs()} == graphs
