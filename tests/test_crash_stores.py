"""Issue 10: a crash at any moment leaves every document graph old-and-complete or new-and-complete.

Store-level kill tests over thousands of generated documents (pre-built quads, no NLP):

- Virtuoso: a writer thread re-ingests every document (the same version, or a changed one that
  shares most of its triples with the old), the server is SIGKILLed at a random point (sometimes
  after the writer finished: the roll-forward of the transaction log is what lost data), restarted,
  and every document graph must be exactly one of the versions written to it.
- Oxigraph on disk: a child process writes into the store and is SIGKILLed at a random point,
  small batches (one transaction each) and batches over the staging threshold alike.

Each cycle starts from what the last one left, so first ingests, re-ingests of unchanged documents
and changed ones are all killed. The default run kills at a few points per backend; the long
variants (more points) run with ``KGLOAD_SLOW_TESTS=1``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad
from virtuoso import VirtuosoServer

from kgload.errors import KgloadError
from kgload.stores.base import Store
from kgload.stores.sparql import SparqlStore, open_sparql

BASE = "https://w3id.org/kgload/id/"
DOC = f"{BASE}doc/"
KG = "https://w3id.org/kgload/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
WD = "http://www.wikidata.org/entity/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SLOW = os.environ.get("KGLOAD_SLOW_TESTS") == "1"
# Every LARGE_EVERY-th document is large: with the store's `max_request_triples` below it, it takes
# the staging path (its own requests) while the others share requests.
LARGE_EVERY = 97


# -- documents ------------------------------------------------------------------------------------


def document(index: int, version: int) -> list[Quad]:
    """Document `index` as written by version `version` of an article.

    Like kgload's documents: ~66 triples, most of which (type, title, mentions of shared entities)
    stay when the article's text changes, and a few events that change with it.
    """
    graph = NamedNode(f"{DOC}{index}")
    doc = NamedNode(f"{DOC}{index}#doc")
    rng = random.Random(index)
    triples: list[tuple[NamedNode, NamedNode, NamedNode | Literal]] = [
        (doc, RDF_TYPE, NamedNode(f"{KG}Document")),
        (doc, NamedNode(f"{KG}title"), Literal(f"Generated article {index}", language="en")),
        (doc, NamedNode(f"{KG}published"),
         Literal(f"20{10 + index % 15}-0{1 + index % 9}-1{index % 10}",
                 datatype=NamedNode(f"{XSD}date"))),
        (doc, NamedNode(f"{KG}url"), Literal(f"https://example.org/generated/{index}")),
    ]
    for k in range(12):
        entity = NamedNode(f"{WD}Q{rng.randrange(1, 400)}")
        mention = NamedNode(f"{DOC}{index}#m{k}")
        triples += [
            (doc, NamedNode(f"{KG}mentions"), entity),
            (mention, RDF_TYPE, NamedNode(f"{KG}Mention")),
            (mention, NamedNode(f"{KG}refersTo"), entity),
            (mention, NamedNode(f"{KG}start"),
             Literal(str(k * 17), datatype=NamedNode(f"{XSD}integer"))),
        ]
    events = 2 + version % 2
    for k in range(events):
        event = NamedNode(f"{DOC}{index}#event-v{version}-{k}")
        triples += [
            (event, RDF_TYPE, NamedNode(f"{KG}Event")),
            (event, RDF_TYPE, NamedNode(f"{KG}{'Meeting' if (index + k) % 2 else 'PhoneCall'}")),
            (event, NamedNode(f"{KG}sentence"),
             Literal(f"Sentence {k} of version {version}: " + "words " * (k * 40))),
            (event, LABEL, Literal(f"evento {k} da versão {version}", language="pt")),
            (event, NamedNode(f"{KG}source"), doc),
        ]
    if index % LARGE_EVERY == 0:
        for k in range(1_100):
            triples.append((doc, NamedNode(f"{KG}token"), Literal(f"token {k} of v{version}")))
    return [Quad(s, p, o, graph) for s, p, o in triples]


def nt(quads: Sequence[Quad] | Iterator[Quad]) -> frozenset[str]:
    return frozenset(f"{q.subject} {q.predicate} {q.object}" for q in quads)


class Versions:
    """Which versions each document graph may hold: the one it held, or the one being written."""

    def __init__(self, documents: int) -> None:
        self.documents = documents
        self._cache: dict[tuple[int, int], frozenset[str]] = {}
        self.held: dict[int, int | None] = dict.fromkeys(range(documents))

    def content(self, index: int, version: int | None) -> frozenset[str]:
        if version is None:
            return frozenset()
        key = (index, version)
        if key not in self._cache:
            self._cache[key] = nt(document(index, version))
        return self._cache[key]

    def settle(self, found: dict[str, frozenset[str]], writing: int) -> None:
        """Check each graph against its old and new versions; remember which one it holds."""
        mixed = []
        unknown = set(found) - {f"{DOC}{i}" for i in range(self.documents)}
        assert not unknown, f"graphs nobody wrote: {sorted(unknown)[:3]}"
        for index in range(self.documents):
            have = found.get(f"{DOC}{index}", frozenset())
            old = self.held[index]
            if have == self.content(index, old):
                continue
            if have == self.content(index, writing):
                self.held[index] = writing
                continue
            new = self.content(index, writing)
            mixed.append((index, len(have), len(self.content(index, old)), len(new),
                          len(have & new)))
        sample = mixed[:5]
        assert not mixed, (
            f"{len(mixed)} document graphs are neither their old nor their new version "
            f"(doc, triples found, old, new, shared with new): {sample}"
        )


def write_all(store: Store, documents: int, version: int, batch: int,
              progress: list[int] | None = None) -> None:
    for start in range(0, documents, batch):
        stop = min(start + batch, documents)
        store.replace_graphs({f"{DOC}{i}": document(i, version) for i in range(start, stop)})
        if progress is not None:
            progress[0] = stop


# -- Virtuoso: kill the server --------------------------------------------------------------------

V_DOCUMENTS = 1_000
V_BATCH = 10


def _virtuoso_contents(store: SparqlStore) -> dict[str, frozenset[str]]:
    # One unordered SELECT is much faster than sorted pages; the test server returns up to
    # 100,000 rows (ResultSetMaxRows in tests/virtuoso.py), more than these documents hold.
    rows = store.select(
        "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{DOC}")) }}'
    ).rows
    assert len(rows) < 100_000
    found: dict[str, set[str]] = {}
    for g, s, p, o in rows:
        assert g is not None and s is not None and p is not None and o is not None
        found.setdefault(str(g.value), set()).add(f"{s} {p} {o}")
    return {g: frozenset(v) for g, v in found.items()}


def _staging_graphs(store: SparqlStore) -> int:
    value = store.select(
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        'FILTER(STRSTARTS(STR(?g), "urn:kgload:staging:")) }'
    ).rows[0][0]
    return int(value.value) if isinstance(value, Literal) else 0


@pytest.fixture
def vstore(virtuoso: VirtuosoServer) -> Iterator[SparqlStore]:
    """A store with a small request size (so that large documents are staged), on an empty,
    checkpointed server; the server is left running and emptied."""
    if not virtuoso.running:
        virtuoso.restart()
    store = open_sparql(virtuoso.url, user=virtuoso.user, password=virtuoso.password,
                        max_request_triples=1_000, retries=0)
    try:
        store.drop_graphs(store.graphs())
        virtuoso.isql("checkpoint;")
        yield store
    finally:
        if not virtuoso.running:
            virtuoso.restart()
        store.drop_graphs(store.graphs())
        virtuoso.isql("checkpoint;")
        store.close()


def _virtuoso_cycles(virtuoso: VirtuosoServer, store: SparqlStore, cycles: int, seed: int) -> None:
    rng = random.Random(seed)
    versions = Versions(V_DOCUMENTS)
    write_all(store, V_DOCUMENTS, 1, V_BATCH)
    versions.held = dict.fromkeys(range(V_DOCUMENTS), 1)
    virtuoso.isql("checkpoint;")
    for cycle in range(cycles):
        # Every other cycle re-ingests unchanged articles, the others changed ones.
        newest = max(v for v in versions.held.values() if v is not None)
        writing = newest + cycle % 2
        progress = [0]
        failure: list[BaseException] = []

        def writer(
            version: int = writing, done: list[int] = progress,
            failed: list[BaseException] = failure,
        ) -> None:
            try:
                write_all(store, V_DOCUMENTS, version, V_BATCH, done)
            except KgloadError:
                pass  # the server died under it: expected
            except BaseException as exc:  # pragma: no cover - reported below
                failed.append(exc)

        thread = threading.Thread(target=writer)
        thread.start()
        # A third of the kills come after the writer is done: the log replay alone lost data.
        target = V_DOCUMENTS if cycle % 3 == 0 else rng.randrange(V_BATCH, V_DOCUMENTS * 8 // 10)
        deadline = time.monotonic() + 300
        while progress[0] < target and thread.is_alive():
            assert time.monotonic() < deadline, "the writer made no progress"
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.03))
        virtuoso.kill()
        thread.join(timeout=120)
        assert not thread.is_alive(), "the writer hangs after the server died"
        assert not failure, failure
        virtuoso.restart()
        versions.settle(_virtuoso_contents(store), writing)
    # A clean write after the last crash completes the load and cleans the staging graphs.
    final = 5
    write_all(store, V_DOCUMENTS, final, V_BATCH)
    versions.settle(_virtuoso_contents(store), final)
    assert set(versions.held.values()) == {final}
    assert _staging_graphs(store) == 0


@pytest.mark.virtuoso
def test_killing_virtuoso_during_reingests_leaves_old_or_new_documents(
    virtuoso: VirtuosoServer, vstore: SparqlStore
) -> None:
    _virtuoso_cycles(virtuoso, vstore, cycles=3, seed=10)


@pytest.mark.virtuoso
@pytest.mark.slow
@pytest.mark.skipif(not SLOW, reason="soak test: set KGLOAD_SLOW_TESTS=1 for 20 kill points")
def test_killing_virtuoso_during_reingests_twenty_times(
    virtuoso: VirtuosoServer, vstore: SparqlStore
) -> None:
    _virtuoso_cycles(virtuoso, vstore, cycles=20, seed=20)


@pytest.mark.virtuoso
def test_a_large_graph_swap_sent_twice_keeps_the_new_graph(
    vstore: SparqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A retry resends a swap whose first answer was lost: the second must change nothing."""
    graph = f"{DOC}0"  # a large document: more triples than `max_request_triples`
    vstore.replace_graphs({graph: document(0, 1)})
    send = vstore._send_update

    def twice(request: str) -> None:
        send(request)
        if "DELETE {" in request:  # the swap from the staging graph
            send(request)

    monkeypatch.setattr(vstore, "_send_update", twice)
    vstore.replace_graphs({graph: document(0, 2)})
    assert _virtuoso_contents(vstore) == {graph: nt(document(0, 2))}
    assert _staging_graphs(vstore) == 0


# -- Oxigraph on disk: kill the writer --------------------------------------------------------

O_DOCUMENTS = 1_000
O_BATCH = 40
# Batches over this many quads take the staging path (`OxigraphStore._replace_large`); the real
# threshold (200,000) would make each batch take seconds.
O_STAGING_QUADS = 4_000


def _oxigraph_contents(path: Path) -> tuple[dict[str, frozenset[str]], list[str], dict[str, int]]:
    """Document graphs, every named graph, and `KG.stats()` of the on-disk store at `path`."""
    from kgload import KG
    from kgload.config import load_settings

    kg = KG.open(f"oxigraph:{path}", settings=load_settings(environ={}))
    try:
        found: dict[str, set[str]] = {}
        rows = kg.store.select(
            "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{DOC}")) }}'
        ).rows
        for g, s, p, o in rows:
            assert g is not None
            found.setdefault(str(g.value), set()).add(f"{s} {p} {o}")
        return {g: frozenset(v) for g, v in found.items()}, kg.store.graphs(), kg.stats()
    finally:
        kg.close()


def _oxigraph_writer(path: Path, version: int, batch: int) -> list[str]:
    return [sys.executable, __file__, "oxigraph-write", str(path), str(version), str(batch)]


def _oxigraph_cycles(tmp_path: Path, cycles: int, seed: int) -> None:
    rng = random.Random(seed)
    path = tmp_path / "kg"
    versions = Versions(O_DOCUMENTS)
    for cycle in range(cycles):
        # First ingest, then re-ingests of the same and of changed documents; small batches (one
        # transaction each) and large ones (staging) alternate.
        newest = max((v for v in versions.held.values() if v is not None), default=1)
        writing = newest + (cycle % 3 == 2)
        batch = O_BATCH if cycle % 2 else O_BATCH * 2
        command = _oxigraph_writer(path, writing, batch)
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) as process:
            assert process.stdout is not None and process.stderr is not None
            target = rng.randrange(batch, O_DOCUMENTS)
            for line in process.stdout:
                if int(line) >= target:
                    break
            else:
                pytest.fail(f"the writer stopped early:\n{process.stderr.read()[-3000:]}")
            time.sleep(rng.uniform(0.0, 0.05))
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
        found, graphs, stats = _oxigraph_contents(path)
        outside = [g for g in graphs if not g.startswith(DOC)]
        assert not outside, f"graphs outside the document prefix: {outside[:3]}"
        versions.settle(found, writing)
        assert stats["documents"] == len(found)


def test_killing_kgload_writing_to_oxigraph_leaves_old_or_new_documents(tmp_path: Path) -> None:
    _oxigraph_cycles(tmp_path, cycles=4, seed=10)


@pytest.mark.slow
@pytest.mark.skipif(not SLOW, reason="soak test: set KGLOAD_SLOW_TESTS=1 for 30 kill points")
def test_killing_kgload_writing_to_oxigraph_thirty_times(tmp_path: Path) -> None:
    _oxigraph_cycles(tmp_path, cycles=30, seed=30)


def _write_to_oxigraph(path: str, version: int, batch: int) -> None:
    """The child process of the Oxigraph kill tests: write every document, report progress."""
    from kgload.stores.oxigraph import open_oxigraph

    store = open_oxigraph(path, max_update_quads=O_STAGING_QUADS)
    for start in range(0, O_DOCUMENTS, batch):
        stop = min(start + batch, O_DOCUMENTS)
        store.replace_graphs({f"{DOC}{i}": document(i, version) for i in range(start, stop)})
        print(stop, flush=True)
    store.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["oxigraph-write"]:
        _write_to_oxigraph(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))


def test_opening_an_on_disk_store_drops_staging_graphs_a_killed_writer_left(
    tmp_path: Path,
) -> None:
    """Also those kgload put inside the document prefix before issue 10 (`<g>#kgload-staging`),
    which `stats`, `query documents` and `export` used to show."""
    from pyoxigraph import Store as OxStore

    from kgload.stores.base import staging_graph
    from kgload.stores.oxigraph import open_oxigraph

    path = tmp_path / "kg"
    raw = OxStore(str(path))
    kept = document(1, 1)
    raw.extend(kept)
    for name in (f"{DOC}2#kgload-staging", staging_graph(f"{DOC}3")):
        raw.extend(Quad(q.subject, q.predicate, q.object, NamedNode(name)) for q in document(2, 1))
    del raw
    store = open_oxigraph(str(path))
    try:
        assert store.graphs() == [f"{DOC}1"]
        assert store.quad_count() == len(kept)
    finally:
        store.close()
