"""Orchestration: sources → analysis → quads → store, in batches, with a `LoadReport`.

This is the only module that composes the pure stages with the I/O at the edges. Each batch of
documents is written with one `replace_graphs` call, which every backend applies atomically per
document graph: a document is in the store completely or not at all.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from pyoxigraph import Quad, RdfFormat

from kgload.config import Settings
from kgload.errors import KgloadError, UsageError
from kgload.extract.guard import internal_error
from kgload.linking.kb import KnowledgeBase
from kgload.model import Article, Entity, LoadReport, Problem, ProgressCallback
from kgload.rdf.writer import document_iri, document_quads, kb_quads
from kgload.stores.base import Store

__all__ = ["FORMATS", "ProgressCallback", "ingest", "load_file", "rdf_format"]

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

    # Imported here: it pulls in spaCy, which reading commands (`load`, `export`) never need.
    from kgload.extract.analyze import analyze_articles

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
    """Bulk-load an exported quad file (`kgload export` output) into the store."""
    if not path.is_file():
        return LoadReport(problems=(Problem("unreadable-file", "file not found", str(path)),))
    fmt = rdf_format(format, path)
    if not fmt.supports_datasets:
        raise UsageError(f"{path}: {fmt.name} has no named graphs; load N-Quads or TriG")
    count = store.load(path, format=fmt, progress=progress)
    return LoadReport(quads=count)
