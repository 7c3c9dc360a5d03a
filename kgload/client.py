"""`KG`: the Python face of kgload.

>>> from kgload import KG
>>> with KG.open("memory:") as kg:
...     kg.stats()["documents"]
0
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

from pyoxigraph import Literal

from kgload.config import Settings, load_settings
from kgload.linking.kb import KnowledgeBase, load_kb
from kgload.loader import ProgressCallback, ingest, load_file, rdf_format
from kgload.model import LoadReport
from kgload.queries import ParamValue, SavedQuery, load_saved_queries, run_saved_query
from kgload.rdf.shacl import ValidationReport
from kgload.sources import ArticleOverrides, read_articles
from kgload.stores.base import QueryResult, Store, open_store

__all__ = ["KG"]

_STATS_QUERY = """
PREFIX kg: <https://w3id.org/kgload/ontology#>
SELECT ?what (COUNT(DISTINCT ?x) AS ?n) WHERE {
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


class KG:
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
    ) -> KG:
        """Open the store a URL names (default: the `store` setting, `oxigraph:./kg-data`).

        `create=False` refuses an on-disk store that does not exist yet (for reading).
        """
        settings = settings or load_settings()
        url = store_url or settings.store
        return cls(open_store(url, create=create, **settings.store_options()), settings)

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = load_kb(Path(self.settings.kb_dir) if self.settings.kb_dir else None)
        return self._kb

    def ingest(
        self,
        paths: Sequence[str | Path],
        *,
        lang: str | None = None,
        published: dt.date | None = None,
        url: str | None = None,
        batch_size: int | None = None,
        workers: int | None = None,
        progress: ProgressCallback | None = None,
    ) -> LoadReport:
        """Read, analyse and load article files (or folders, or `.jsonl` batches).

        `workers` processes extract (default: the `workers` setting; 0 = every usable core,
        1 = this process); the output is the same for any number.
        """
        settings = self.settings
        if batch_size is not None:
            settings = dataclasses.replace(settings, batch_size=batch_size)
        if workers is not None:
            if not 0 <= workers <= 1024:
                from kgload.errors import UsageError

                raise UsageError(f"workers must be from 0 to 1024 (0 = every core), not {workers}")
            settings = dataclasses.replace(settings, workers=workers)
        overrides = ArticleOverrides(lang=lang, published=published, url=url)
        if url is not None and len(paths) > 1:
            from kgload.errors import UsageError

            raise UsageError("--url names one article; give it with a single file")
        items = read_articles(
            paths,
            overrides=overrides,
            default_lang=settings.lang,
            max_article_chars=settings.max_article_chars,
        )
        total = (
            len(paths)
            if all(Path(p).suffix != ".jsonl" and not Path(p).is_dir() for p in paths)
            else None
        )
        return ingest(
            self.store, items, kb=self.kb, settings=settings, progress=progress, total=total
        )

    def saved_queries(self) -> dict[str, SavedQuery]:
        return load_saved_queries()

    def query(self, name: str, **params: ParamValue) -> QueryResult:
        """Run a saved query with typed, safely bound parameters."""
        return run_saved_query(self.store, name, params, base=self.settings.base)

    def sparql(self, query: str) -> QueryResult:
        """Run any SELECT query (name graphs explicitly: stores differ on the default graph)."""
        return self.store.select(query)

    def export(self, output: IO[bytes], *, format: str = "nquads") -> None:
        self.store.dump(output, format=rdf_format(format))

    def load(
        self,
        path: str | Path,
        *,
        format: str | None = None,
        progress: ProgressCallback | None = None,
    ) -> LoadReport:
        """Bulk-load an exported N-Quads/TriG file; `progress(quads, None, name)` as it goes."""
        return load_file(self.store, Path(path), format=format, progress=progress)

    def validate(self) -> ValidationReport:
        """SHACL-validate every document graph in the store."""
        import io

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

    def __enter__(self) -> KG:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
