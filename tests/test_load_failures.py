"""`kgload ingest` against a SPARQL server that is down, refuses us, or dies in the middle.

The kill test is the promise of `replace_graphs` seen from the command line: 1,000 small
generated articles are ingested into a real Virtuoso with `--batch-size 10`, the server is
SIGKILLed at a random point, restarted, and every document graph must be absent or complete
(its triple count is what `document_quads(analyze(article))` gives); rerunning the same command
then completes the load without duplicates.

The default run does one kill per seed (3 seeds). The soak variant does 20 kill/check/rerun
cycles and runs only with ``KGLOAD_SLOW_TESTS=1`` (bench/CI notes)::

    KGLOAD_SLOW_TESTS=1 .venv/bin/pytest tests/test_load_failures.py -m slow
"""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyoxigraph import Literal
from virtuoso import VirtuosoServer, free_port

from kgload.cli.main import main
from kgload.config import DEFAULT_BASE
from kgload.extract.analyze import analyze_articles
from kgload.linking.kb import load_kb
from kgload.model import Article
from kgload.rdf.writer import document_iri, document_quads, kb_quads
from kgload.sources import read_articles
from kgload.stores.sparql import SparqlStore, open_sparql

DOCUMENTS = 1_000
DOC_PREFIX = f"{DEFAULT_BASE}doc/"
WRONG_PASSWORD = "not-the-Pa55word-42"
ROOT = Path(__file__).resolve().parent.parent

# -- a generator of small, varied articles in the header format ----------------------------------

_PT_PEOPLE = ["Vladimir Putin", "Kim Jong Un", "Luiz Inácio Lula da Silva", "Emmanuel Macron",
              "Xi Jinping", "Volodymyr Zelensky", "Olaf Scholz", "Narendra Modi"]
_EN_PEOPLE = ["Joe Biden", "Xi Jinping", "Vladimir Putin", "Emmanuel Macron", "Rishi Sunak",
              "Fumio Kishida", "Volodymyr Zelenskyy", "Yoon Suk Yeol"]
_PT_STATES = ["Rússia", "Coreia do Norte", "Brasil", "França", "China", "Ucrânia", "Alemanha",
              "Índia", "Estados Unidos", "Japão"]
_EN_STATES = ["Russia", "North Korea", "Brazil", "France", "China", "Ukraine", "Germany",
              "India", "the United States", "Japan"]
_PT_CITIES = ["Brasília", "Moscou", "Pequim", "Paris", "Nova Délhi", "Berlim"]
_EN_CITIES = ["Washington", "Moscow", "Beijing", "Paris", "New Delhi", "Berlin"]
_PT_MONTHS = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
              "setembro", "outubro", "novembro", "dezembro"]
_EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
_PT_TOPICS = ["comércio", "segurança regional", "energia", "a guerra na Ucrânia", "o clima"]
_EN_TOPICS = ["trade", "regional security", "energy", "the war in Ukraine", "climate"]

_PT_TEMPLATES = [
    "O presidente {a} conversou por telefone com {b} em {day} de {month}. Os dois trataram de "
    "{topic}, segundo a nota oficial nº {n}.",
    "{a} reuniu-se com {b} em {city} em {day} de {month} de {year}. O encontro tratou de {topic}.",
    "O governo de {s1} anunciou novas sanções contra {s2} em {day} de {month}. A medida nº {n} "
    "atinge o setor de {topic}.",
    "{s1} condenou o ataque de {s2} contra {s3}, informou o ministério em {day} de {month}.",
    "{a} visitou {city} em {day} de {month} e assinou um acordo de {topic} com {b}.",
    "{s1} declarou apoio a {s2} em {day} de {month}. Fontes falaram de {n} conselheiros.",
]
_EN_TEMPLATES = [
    "President {a} spoke by phone with {b} on {month} {day}, the readout number {n} said. "
    "They discussed {topic}.",
    "{a} met {b} in {city} on {month} {day}, {year}, to discuss {topic}.",
    "{s1} imposed new sanctions on {s2} on {month} {day}, targeting {topic} (package {n}).",
    "{s1} condemned the attack by {s2} on {s3}, the foreign ministry said on {month} {day}.",
    "{a} visited {city} on {month} {day} and signed a {topic} agreement with {b}.",
    "{s1} pledged support for {s2} on {month} {day}, sending {n} advisers.",
]


def generate_article(index: int, rng: random.Random) -> str:
    """One small article, in the header format, Portuguese or English."""
    lang = "pt" if index % 2 == 0 else "en"
    people = _PT_PEOPLE if lang == "pt" else _EN_PEOPLE
    states = _PT_STATES if lang == "pt" else _EN_STATES
    a, b = rng.sample(people, 2)
    s1, s2, s3 = rng.sample(states, 3)
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
    fields = {
        "a": a, "b": b, "s1": s1, "s2": s2, "s3": s3, "n": index + 1,
        "city": rng.choice(_PT_CITIES if lang == "pt" else _EN_CITIES),
        "topic": rng.choice(_PT_TOPICS if lang == "pt" else _EN_TOPICS),
        "day": published.day,
        "month": (_PT_MONTHS if lang == "pt" else _EN_MONTHS)[published.month - 1],
        "year": published.year,
    }
    templates = _PT_TEMPLATES if lang == "pt" else _EN_TEMPLATES
    sentences = [t.format(**fields) for t in rng.sample(templates, rng.randint(1, 3))]
    body = " ".join(sentences)
    return (
        f"url: https://example.org/generated/{index:04d}\n"
        f"outlet: Generated Wire\n"
        f"published: {published.isoformat()}\n"
        f"lang: {lang}\n"
        f"title: Generated article {index}\n"
        f"---\n{body}\n"
    )


@dataclass(frozen=True)
class Corpus:
    folder: Path
    expected: dict[str, int]  # document graph IRI → its number of triples
    kb_triples: int  # triples of the shared KB graph once every document is loaded

    @property
    def total(self) -> int:
        return sum(self.expected.values()) + self.kb_triples


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("articles")
    rng = random.Random(20250812)
    for index in range(DOCUMENTS):
        text = generate_article(index, rng)
        (folder / f"{index:04d}.txt").write_text(text, encoding="utf-8")
    articles = [a for a in read_articles([folder]) if isinstance(a, Article)]
    assert len(articles) == DOCUMENTS
    kb = load_kb()
    expected: dict[str, int] = {}
    kb_set = set()
    for extraction in analyze_articles(articles, kb):
        graph = document_iri(extraction.article).value
        expected[graph] = len(set(document_quads(extraction)))
        kb_set.update(kb_quads(e for e in extraction.entities if e.is_linked))
    assert len(expected) == DOCUMENTS, "two generated articles share a document graph"
    return Corpus(folder, expected, len(kb_set))


# -- the server and the command ---------------------------------------------------------------


@pytest.fixture
def admin(virtuoso: VirtuosoServer) -> Iterator[SparqlStore]:
    """A store on the session's Virtuoso for checks; the server is left up and emptied."""
    if not virtuoso.running:
        virtuoso.restart()
    store = open_sparql(virtuoso.url, user=virtuoso.user, password=virtuoso.password)
    try:
        store.drop_graphs(store.graphs())
        yield store
    finally:
        if not virtuoso.running:
            virtuoso.restart()  # leave a working server to the tests that follow
        store.drop_graphs(store.graphs())
        store.close()


def _start_empty(virtuoso: VirtuosoServer, admin: SparqlStore) -> None:
    """Drop every kgload graph, then checkpoint.

    Without the checkpoint a crash replays the log since the last one, and Virtuoso 7.2 then
    brings back parts of graphs dropped before this test began (see
    `test_dropped_documents_stay_dropped_after_a_crash`), which is not what these tests check.
    """
    admin.drop_graphs(admin.graphs())
    virtuoso.isql("checkpoint;")


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KGLOAD_")}
    env.update(extra)
    return env


def _ingest_command(folder: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "kgload", "ingest", str(folder), "--store", url,
            "--batch-size", "10"]


def _graph_counts(store: SparqlStore) -> dict[str, int]:
    result = store.select(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{DOC_PREFIX}")) }} GROUP BY ?g'
    )
    counts: dict[str, int] = {}
    for g, n in result.rows:
        assert g is not None and isinstance(n, Literal)
        counts[str(g.value)] = int(n.value)
    return counts


def _document_graphs(store: SparqlStore) -> int:
    result = store.select(
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{DOC_PREFIX}")) }}'
    )
    value = result.rows[0][0]
    return int(value.value) if isinstance(value, Literal) else 0


def _assert_absent_or_complete(counts: dict[str, int], corpus: Corpus) -> None:
    unknown = set(counts) - set(corpus.expected)
    assert not unknown, f"graphs no article makes: {sorted(unknown)[:5]}"
    partial = {g: (n, corpus.expected[g]) for g, n in counts.items() if n != corpus.expected[g]}
    sample = list(partial.items())[:5]
    assert not partial, f"{len(partial)} partial graphs (found, expected): {sample}"


def _kill_check_rerun(
    virtuoso: VirtuosoServer, admin: SparqlStore, corpus: Corpus, rng: random.Random, cwd: Path
) -> None:
    """One cycle: ingest, SIGKILL the server at a random point, restart, check, rerun, check."""
    _start_empty(virtuoso, admin)
    env = _clean_env(KGLOAD_STORE_USER=virtuoso.user, KGLOAD_STORE_PASSWORD=virtuoso.password)
    command = _ingest_command(corpus.folder, virtuoso.url)
    target = rng.randint(10, DOCUMENTS * 7 // 10)
    with (cwd / "ingest.err").open("w+", encoding="utf-8") as err:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=err)
        try:
            deadline = time.monotonic() + 180
            while _document_graphs(admin) < target:
                if process.poll() is not None:
                    err.seek(0)
                    pytest.fail(f"ingest exited {process.returncode} before the kill:\n"
                                + err.read()[-3000:])
                assert time.monotonic() < deadline, "ingest made no progress"
                time.sleep(0.02)
            time.sleep(rng.uniform(0.0, 0.05))  # land anywhere inside a request
            virtuoso.kill()
            code = process.wait(timeout=120)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        err.seek(0)
        stderr = err.read()
    assert code == 2, f"ingest exited {code} after the kill:\n{stderr}"
    assert stderr.strip().splitlines()[-1].startswith("kgload: error: "), stderr

    virtuoso.restart()
    counts = _graph_counts(admin)
    _assert_absent_or_complete(counts, corpus)
    assert 0 < len(counts) < DOCUMENTS, len(counts)

    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    counts = _graph_counts(admin)
    assert counts == corpus.expected
    assert admin.quad_count() == corpus.total
    assert len(admin.graphs()) == DOCUMENTS + 1  # the documents and the shared KB graph


@pytest.mark.virtuoso
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_killing_virtuoso_mid_ingest_leaves_each_document_absent_or_complete(
    seed: int, virtuoso: VirtuosoServer, admin: SparqlStore, corpus: Corpus, tmp_path: Path
) -> None:
    _kill_check_rerun(virtuoso, admin, corpus, random.Random(seed), tmp_path)


@pytest.mark.virtuoso
@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("KGLOAD_SLOW_TESTS") != "1",
                    reason="soak test: set KGLOAD_SLOW_TESTS=1 to run 20 kill/rerun cycles")
def test_killing_virtuoso_mid_ingest_twenty_times(
    virtuoso: VirtuosoServer, admin: SparqlStore, corpus: Corpus, tmp_path: Path
) -> None:
    rng = random.Random(20)
    for _ in range(20):
        _kill_check_rerun(virtuoso, admin, corpus, rng, tmp_path)


@pytest.mark.virtuoso
@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("KGLOAD_SLOW_TESTS") != "1",
                    reason="soak test: set KGLOAD_SLOW_TESTS=1 to kill 5 re-ingests")
def test_killing_virtuoso_mid_reingest_keeps_every_document_whole(
    virtuoso: VirtuosoServer, admin: SparqlStore, corpus: Corpus, tmp_path: Path
) -> None:
    """Issue 10: re-ingested documents came back with 6 of their 66 quads after a kill."""
    _start_empty(virtuoso, admin)
    env = _clean_env(KGLOAD_STORE_USER=virtuoso.user, KGLOAD_STORE_PASSWORD=virtuoso.password)
    command = _ingest_command(corpus.folder, virtuoso.url)
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    virtuoso.isql("checkpoint;")
    rng = random.Random(10)
    for cycle in range(5):
        with (tmp_path / "reingest.err").open("w+", encoding="utf-8") as err:
            process = subprocess.Popen(command, cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
                                       stdout=subprocess.DEVNULL, stderr=err)
            try:
                # Kill during the re-ingest, or (every other cycle) right after it, when only
                # the transaction log holds what it did.
                if cycle % 2:
                    process.wait(timeout=900)
                else:
                    time.sleep(rng.uniform(8.0, 25.0))
                virtuoso.kill()
                process.wait(timeout=120)
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait()
        virtuoso.restart()
        counts = _graph_counts(admin)
        partial = {g: (n, corpus.expected[g]) for g, n in counts.items() if n != corpus.expected[g]}
        assert not partial, f"{len(partial)} partial graphs: {list(partial.items())[:5]}"
        assert counts == corpus.expected, "a re-ingest lost documents"


@pytest.mark.virtuoso
def test_dropped_documents_stay_dropped_after_a_crash(
    virtuoso: VirtuosoServer, admin: SparqlStore, corpus: Corpus, tmp_path: Path
) -> None:
    _start_empty(virtuoso, admin)
    env = _clean_env(KGLOAD_STORE_USER=virtuoso.user, KGLOAD_STORE_PASSWORD=virtuoso.password)
    command = _ingest_command(corpus.folder, virtuoso.url)

    def ingest() -> None:
        done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=600, check=False)
        assert done.returncode == 0, done.stderr

    ingest()
    virtuoso.kill()
    virtuoso.restart()  # the restart checkpoints: the 1,000 graphs are now on disk
    ingest()  # unchanged articles: each graph dropped and inserted again
    admin.drop_graphs(admin.graphs())
    assert _document_graphs(admin) == 0
    virtuoso.kill()
    virtuoso.restart()
    assert _graph_counts(admin) == {}, "dropped document graphs came back after the crash"


# -- refused before anything is written ----------------------------------------------------------


@pytest.fixture
def article(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "article.txt"
    path.write_text(generate_article(0, random.Random(0)), encoding="utf-8")
    return path


def _files(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


def test_server_down_at_start_exits_2_and_writes_nothing(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith("KGLOAD_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("KGLOAD_STORE_USER", "dba")
    monkeypatch.setenv("KGLOAD_STORE_PASSWORD", WRONG_PASSWORD)
    url = f"http://127.0.0.1:{free_port()}/sparql"
    before = _files(tmp_path)
    assert main(["ingest", str(article), "--store", url]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"kgload: error: cannot reach SPARQL endpoint {url}: is the server running?"
    ]
    assert _files(tmp_path) == before  # no ./kg-data, no cache, no partial output


@pytest.mark.virtuoso
@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_wrong_password_from_the_environment_exits_2_without_showing_it(
    debug: bool, article: Path, virtuoso: VirtuosoServer, admin: SparqlStore, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith("KGLOAD_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("KGLOAD_STORE_USER", virtuoso.user)
    monkeypatch.setenv("KGLOAD_STORE_PASSWORD", WRONG_PASSWORD)
    argv = ["--debug"] if debug else []
    assert main([*argv, "ingest", str(article), "--store", virtuoso.url]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    errors = [line for line in err.splitlines() if line.startswith("kgload: error: ")]
    assert len(errors) == 1, err
    assert "KGLOAD_STORE_PASSWORD" in errors[0]
    if not debug:
        assert err.splitlines() == errors
    assert WRONG_PASSWORD not in out + err
    assert virtuoso.password not in out + err
    assert admin.graphs() == []
