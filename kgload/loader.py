"""Orchestration: sources → analysis → quads → store, in batches, with a `LoadReport`.

This is the only module that composes the pure stages with the I/O at the edges. Each batch of
documents is written with one `replace_graphs` call, which every backend applies atomically per
document graph: a document is in the store completely or not at all.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import Quad, RdfFormat

from kgload.config import Settings
from kgload.errors import KgloadError, UsageError
from kgload.extract.analyze import analyze_articles
from kgload.extract.guard import internal_error
from kgload.linking.kb import KnowledgeBase
from kgload.model import Article, Entity, LoadReport, Problem, ProgressCallback
from kgload.rdf.writer import document_iri, document_quads, kb_quads
from kgload.stores.base import Store

if TYPE_CHECKING:
    from kgload.stores.oxigraph import OxigraphStore

__all__ = ["FORMATS", "ProgressCallback", "ingest", "load_file", "load_parts", "rdf_format"]

log = logging.getLogger("kgload")


FORMATS: dict[str, RdfFormat] = {
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
}
_SUFFIXES = {
    ".nq": "nquads",
    ".trig": "trig",
    ".ttl": "turtle",
    ".nt": "ntriples",
    ".jsonld": "jsonld",
}


def rdf_format(name: str | None, path: Path | None = None) -> RdfFormat:
    """The RDF format a name (or a file suffix) means; a clear error for anything else."""
    if name is None and path is not None:
        name = _SUFFIXES.get(path.suffix.lower())
        if name is None:
            raise UsageError(f"{path}: cannot tell the RDF format from the suffix; give --format")
    if name not in FORMATS:
        raise UsageError(f"unknown format {name!r}; use one of {', '.join(FORMATS)}")
    return FORMATS[name]


def _articles_only(
    items: Iterable[Article | Problem], problems: list[Problem]
) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
        else:
            yield item


def ingest(
    store: Store,
    items: Iterable[Article | Problem],
    *,
    kb: KnowledgeBase,
    settings: Settings,
    progress: ProgressCallback | None = None,
    total: int | None = None,
) -> LoadReport:
    """Analyse articles and load each one's graph, committing every `settings.batch_size` docs."""
    problems: list[Problem] = []
    report = LoadReport()
    graphs: dict[str, list[Quad]] = {}
    kb_entities: dict[str, Entity] = {}
    counts = {"documents": 0, "events": 0, "quads": 0}
    entity_keys: set[str] = set()
    done = 0

    def flush() -> None:
        if not graphs:
            return
        store.replace_graphs(graphs)
        store.add(kb_quads(kb_entities.values(), base=settings.base))
        graphs.clear()
        kb_entities.clear()

    extractions = analyze_articles(
        _articles_only(items, problems),
        kb,
        model=settings.spacy_model,
        timeout=settings.article_timeout,
    )
    for extraction in extractions:
        if isinstance(extraction, Problem):
            problems.append(extraction)
            continue
        article = extraction.article
        done += 1
        if progress is not None:
            progress(done + len(problems), total, article.source)
        try:
            quads = document_quads(extraction, base=settings.base)
            found = _validation_problems(quads, article.source) if settings.validate else []
        except KgloadError:
            raise
        except Exception as exc:  # a bug on one document must not stop the batch
            problems.append(internal_error(article.source, exc))
            continue
        if found:
            problems.extend(found)
            continue
        graphs[document_iri(article, settings.base).value] = quads
        for entity in extraction.entities:
            if entity.is_linked:
                kb_entities[entity.key] = entity
            entity_keys.add(entity.key)
        counts["documents"] += 1
        counts["events"] += len(extraction.events)
        counts["quads"] += len(quads)
        if len(graphs) >= settings.batch_size:
            flush()
    flush()
    if progress is not None:
        progress(done + len(problems), total, "")
    return report.merge(
        LoadReport(
            documents=counts["documents"],
            events=counts["events"],
            entities=len(entity_keys),
            quads=counts["quads"],
            problems=tuple(problems),
        )
    )


def _validation_problems(quads: list[Quad], source: str) -> list[Problem]:
    from kgload.rdf.shacl import validate_graph

    validation = validate_graph(quads)
    if validation.conforms:
        return []
    return [Problem(p.code, p.message, source) for p in validation.problems]


def load_file(
    store: Store,
    path: Path,
    *,
    format: str | None = None,
    progress: ProgressCallback | None = None,
) -> LoadReport:
    """Bulk-load an exported quad file (`kgload export` output) into the store, or a folder of
    parts written by `kgload extract` (see `load_parts`)."""
    if path.is_dir():
        return load_parts(store, path, progress=progress)
    if not path.is_file():
        return LoadReport(problems=(Problem("unreadable-file", "file not found", str(path)),))
    fmt = rdf_format(format, path)
    if not fmt.supports_datasets:
        raise UsageError(f"{path}: {fmt.name} has no named graphs; load N-Quads or TriG")
    count = store.load(path, format=fmt, progress=progress)
    return LoadReport(quads=count)


_DROPS_PER_UPDATE = 1_000


def load_parts(
    store: Store, folder: Path, *, progress: ProgressCallback | None = None
) -> LoadReport:
    """Land a `kgload extract` folder: check every part against the manifest, drop the
    documents' old graphs, then load the good parts through the store's bulk path.

    A part that is missing or does not match its checksum is not loaded and becomes a
    problem naming the `--partition` to extract again. Into the embedded store all parts go
    in ONE run of Oxigraph's bulk loader, which is fast and not transactional: a crash
    midway can leave some documents partly loaded. Loading the same folder again repairs
    that (their graphs are dropped and loaded again), so the promise is "complete after a
    successful run", not "each document atomic while it runs". SPARQL servers get each part
    through their `load` (parallel requests on Virtuoso), also idempotent.
    """
    from kgload.parts import read_manifest, verify_parts

    manifest = read_manifest(folder)
    good, problems = verify_parts(folder, manifest)
    paths = [folder / entry.file for entry in good]
    present = set(store.graphs())
    stale = [g for entry in good for g in entry.graphs if g in present]
    for start in range(0, len(stale), _DROPS_PER_UPDATE):
        store.drop_graphs(stale[start : start + _DROPS_PER_UPDATE])
    from kgload.stores.oxigraph import OxigraphStore

    if isinstance(store, OxigraphStore):
        quads = _bulk_load_oxigraph(store, paths, progress)
    else:
        quads = 0
        for path in paths:
            quads += store.load(path, format=RdfFormat.N_QUADS, progress=progress)
    return LoadReport(
        documents=sum(entry.documents for entry in good),
        events=sum(entry.events for entry in good),
        quads=quads,
        problems=tuple(problems),
    )


def _bulk_load_oxigraph(
    store: OxigraphStore, paths: list[Path], progress: ProgressCallback | None
) -> int:
    """All parts in one bulk load: `OxigraphStore.load` takes one file and counts the store
    before and after (a full scan each), which per part would grow with the square of the
    store's size. Returns the quads added."""
    from kgload.errors import StoreError
    from kgload.parts import concatenated

    inner = store._store
    before = len(inner)
    try:
        with concatenated(paths) as stream:
            inner.bulk_load(input=stream, format=RdfFormat.N_QUADS)
    except SyntaxError as exc:
        raise UsageError(f"a part is not valid N-Quads: {exc}") from exc
    except OSError as exc:
        raise StoreError(f"loading the parts into {store.url} failed: {exc}") from exc
    added = len(inner) - before
    if progress is not None:
        progress(added, added, f"{len(paths)} parts")
    return added
