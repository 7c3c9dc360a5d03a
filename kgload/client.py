"""`KG`: the Python face of kgload.

>>> from kgload import KG
>>> with KG.open("memory:") as kg:
...     kg.stats()["documents"]
0
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from pyoxigraph import Literal

from kgload.closing import Closing
from kgload.config import Settings, load_settings
from kgload.model import Article, LoadReport, ProgressCallback
from kgload.queries import ParamValue, SavedQuery, load_saved_queries, run_saved_query
from kgload.stores.base import QueryResult, Store, open_store
from kgload.vocab import KG_NS

if TYPE_CHECKING:
    from kgload.inputs import IngestSource
    from kgload.linking.kb import KnowledgeBase
    from kgload.rdf.shacl import ValidationReport

# Extraction (spaCy), SHACL (pyshacl, rdflib) and the article readers are imported by the
# methods that use them, so reading a store (`query`, `sparql`, `stats`, `export`) starts fast.

__all__ = ["KG"]

_STATS_QUERY = f"""
PREFIX kg: <{KG_NS}>
""" + """SELECT ?what (COUNT(DISTINCT ?x) AS ?n) WHERE {
  GRAPH ?g {
    { ?x a kg:Document . BIND("documents" AS ?what) }
    UNION { ?x a kg:Event . BIND("events" AS ?what) }
    UNION { ?d kg:mentions ?x . BIND("entities" AS ?what) }
    UNION { ?x a ?t . ?x a kg:Event . FILTER(?t != kg:Event)
            BIND(CONCAT("events_", STRAFTER(STR(?t), "#")) AS ?what) }
  }
  FILTER(STRSTARTS(STR(?g), %(base)s))
} GROUP BY ?what
"""


class KG(Closing):
    """A knowledge graph in a store: ingest articles, run saved queries, export, validate."""

    def __init__(self, store: Store, settings: Settings, kb: KnowledgeBase | None = None) -> None:
        self.store = store
        self.settings = settings
        self._kb = kb

    @classmethod
    def open(
        cls,
        store_url: str | None = None,
        *,
        settings: Settings | None = None,
        create: bool = True,
        read_only: bool = False,
    ) -> KG:
        """Open the store a URL names (default: the `store` setting, `oxigraph:./kg-data`).

        `create=False` refuses an on-disk store that does not exist yet (for reading).
        `read_only=True` implies it and opens an on-disk store without its lock, so it works
        while another process ingests into it; it sees the store as it was when opened.
        Opening a folder this process already writes shares that store: close each `KG`.
        """
        settings = settings or load_settings()
        url = store_url or settings.store
        options = settings.store_options()
        store = open_store(url, create=create and not read_only, read_only=read_only, **options)
        return cls(store, settings)

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            from kgload.linking.kb import load_kb

            self._kb = load_kb(Path(self.settings.kb_dir) if self.settings.kb_dir else None)
        return self._kb

    def ingest(
        self,
        paths: IngestSource | Sequence[IngestSource] = (),
        *,
        text: str | Sequence[str] | None = None,
        lang: str | None = None,
        published: dt.date | None = None,
        url: str | None = None,
        batch_size: int | None = None,
        workers: int | None = None,
        progress: ProgressCallback | None = None,
        stdin: BinaryIO | None = None,
    ) -> LoadReport:
        """Read, analyse and load articles; a bad one is a problem in the report, not an error.

        `paths` are article files, folders, `.jsonl` batches, http(s) URLs of pages or RSS/Atom
        feeds (each item fetched; the optional extra ``web``), ``-`` for standard input (or
        `stdin`), or `Article` objects; one of them may be given alone. Article *texts* go in
        `text` (a string is a path, as it always was, so a mistyped path is never taken for an
        article). `lang`, `published` and `url` override what the articles say. `workers`
        processes extract (default: the `workers` setting; 0 = every usable core, 1 = this
        process); the output is the same for any number.

        >>> with KG.open("memory:") as kg:
        ...     kg.ingest(text="Lula met Macron in Paris on Monday.", lang="en").documents
        1
        """
        from kgload.inputs import count_inputs, read_inputs
        from kgload.loader import ingest
        from kgload.sources import ArticleOverrides

        settings = self.settings
        if batch_size is not None:
            settings = dataclasses.replace(settings, batch_size=batch_size)
        if workers is not None:
            if not 0 <= workers <= 1024:
                from kgload.errors import UsageError

                raise UsageError(f"workers must be from 0 to 1024 (0 = every core), not {workers}")
            settings = dataclasses.replace(settings, workers=workers)
        sources: list[IngestSource] = (
            [paths] if isinstance(paths, str | Path | Article) else list(paths)
        )
        texts = [text] if isinstance(text, str) else list(text or ())
        overrides = ArticleOverrides(lang=lang, published=published, url=url)
        if url is not None and len(sources) + len(texts) > 1:
            from kgload.errors import UsageError

            raise UsageError("--url names one article; give it with a single file")
        items = read_inputs(
            sources,
            texts=texts,
            overrides=overrides,
            settings=settings,
            stdin=stdin,
        )
        return ingest(
            self.store,
            items,
            kb=self.kb,
            settings=settings,
            progress=progress,
            total=count_inputs(sources, texts),
        )

    def saved_queries(self) -> dict[str, SavedQuery]:
        return load_saved_queries()

    def query(self, name: str, **params: ParamValue) -> QueryResult:
        """Run a saved query with typed, safely bound parameters.

        A `qid` parameter also takes a name or a role title ("Putin", "o presidente
        russo@2025-08-14"), looked up in the knowledge base (`kgload.names`). The result says
        whether its limit withheld rows (`truncated`); `limit=0` is no limit.
        """
        return run_saved_query(
            self.store, name, self.resolve_names(name, params), base=self.settings.base
        )

    def count(self, name: str, **params: ParamValue) -> tuple[int, bool]:
        """How many rows a saved query gives without its limit: `(count, exact)`, counted by the
        store up to ten times the limit (at least 1,000 rows); `exact` is False past that cap."""
        from kgload.queries import count_rows

        return count_rows(
            self.store, name, self.resolve_names(name, params), base=self.settings.base
        )

    def resolve_names(self, name: str, params: Mapping[str, ParamValue]) -> dict[str, ParamValue]:
        """`params` with names given to the saved query's `qid` parameters replaced by QIDs."""
        from kgload.names import resolve_names
        from kgload.queries import ParamType, get_saved_query

        query = get_saved_query(name)
        qids = frozenset(p.name for p in query.params if p.type is ParamType.QID)
        resolved = resolve_names(name, qids, params, lambda: self.kb, self._local_entity)
        return {key: value for key, value in resolved.items()}  # type: ignore[misc]

    def _local_entity(self, name: str) -> str | None:
        """The IRI of the local entity called `name` (one the KB does not know), if the store's
        documents have it: its IRI is minted from its label, so one ASK tells."""
        from kgload.model import local_key
        from kgload.rdf.writer import entity_iri

        slug = local_key(name.rpartition("@")[0] if "@" in name else name)
        if slug == "local:unnamed":
            return None
        iri = entity_iri(slug, base=self.settings.base).value
        graphs = str(Literal(self.settings.base))
        asked = self.store.ask(
            f"ASK {{ GRAPH ?g {{ <{iri}> ?p ?o }} FILTER(STRSTARTS(STR(?g), {graphs})) }}"
        )
        return iri if asked else None

    def sparql(self, query: str, *, named_graphs: bool = False) -> QueryResult:
        """Run any SELECT query.

        By default the default graph is the union of kgload's graphs (documents and KB), so a
        query without `GRAPH` blocks sees every fact; `named_graphs=True` gives the store's own
        default graph (empty in kgload's stores) and only `GRAPH` blocks see data. See
        `kgload.sparql` for what a SPARQL server does.
        """
        from kgload.sparql import select

        return select(self.store, query, union=not named_graphs, base=self.settings.base)

    def events(
        self,
        type: str | None = None,
        actor: str | None = None,
        since: ParamValue = None,
        until: ParamValue = None,
        status: str | None = None,
        limit: int = 0,
        *,
        lang: str = "en",
    ) -> Any:
        """Every event (or those that pass the filters) as a pandas DataFrame, newest first.

        Built on the `events` saved query (its columns, one row per event), with typed columns
        (`kgload.frames`): dates as dates, numbers as numbers, participants as lists. `limit=0`
        (the default) means all events; needs the optional extra ``analysis``.
        """
        from kgload.frames import require, to_pandas
        from kgload.queries import get_saved_query

        require("pandas")
        params: dict[str, ParamValue] = {
            "type": type, "actor": actor, "since": since, "until": until, "status": status,
            "lang": lang, "limit": limit,
        }  # fmt: skip
        result = self.query("events", **{k: v for k, v in params.items() if v is not None})
        lists = get_saved_query("events").lists
        return to_pandas(result, lists=lists, base=self.settings.base)

    def network(
        self,
        type: str | None = None,
        since: ParamValue = None,
        until: ParamValue = None,
        *,
        actor: str | None = None,
        status: str | None = None,
        lang: str = "en",
    ) -> Any:
        """Who met, called, visited, sanctioned or attacked whom, as a `networkx.MultiDiGraph`.

        One node per actor (``label``, ``qid``, ``kind``), one edge per event between two
        actors (``type``, ``date``, ``status``…); `kgload.network` says how peer events are
        drawn, and `kgload.network.collapse` counts events per pair. Needs the extra
        ``analysis``.
        """
        from kgload.network import build_network

        return build_network(
            self.store,
            type=type,
            actor=actor,
            since=since,
            until=until,
            status=status,
            lang=lang,
            base=self.settings.base,
        )

    def export(self, output: IO[bytes], *, format: str = "nquads") -> None:
        from kgload.loader import rdf_format

        self.store.dump(output, format=rdf_format(format))

    def load(
        self,
        path: str | Path,
        *,
        format: str | None = None,
        progress: ProgressCallback | None = None,
    ) -> LoadReport:
        """Bulk-load an exported N-Quads/TriG file; `progress(quads, None, name)` as it goes."""
        from kgload.loader import load_file

        return load_file(self.store, Path(path), format=format, progress=progress)

    def validate(self) -> ValidationReport:
        """SHACL-validate every document graph in the store."""
        import io

        from kgload.loader import rdf_format
        from kgload.rdf.shacl import validate_graph

        buffer = io.BytesIO()
        self.store.dump(buffer, format=rdf_format("nquads"))
        return validate_graph(buffer.getvalue().decode("utf-8"))

    def stats(self) -> dict[str, int]:
        """Documents, events (and by type), entities, quads and graphs in the store."""
        result = {"documents": 0, "events": 0, "entities": 0}
        # The base goes in as an escaped string literal: pasted raw, a crafted base could
        # rewrite the filter and count another base's documents.
        base = str(Literal(self.settings.base))
        rows = self.store.select(_STATS_QUERY % {"base": base})
        for what, count in rows.rows:
            if what is not None and count is not None:
                result[str(what.value)] = int(count.value)
        result["quads"] = self.store.quad_count()
        result["graphs"] = len(self.store.graphs())
        return result

    def close(self) -> None:
        """Flush the store and close it (the `with` block does this); closing twice is fine."""
        self.store.close()
