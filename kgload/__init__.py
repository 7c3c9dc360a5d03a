"""kgload: geopolitical news in, Wikidata-linked, dated, attributed facts in a triplestore.

>>> from kgload import KG
>>> with KG.open("memory:") as kg:
...     kg.stats()["documents"]
0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "KG",
    "Article",
    "Bound",
    "Entity",
    "EntityKind",
    "Event",
    "EventType",
    "Evidence",
    "Extraction",
    "KgloadError",
    "LoadReport",
    "Mention",
    "PartialDate",
    "Problem",
    "Settings",
    "Status",
    "__version__",
    "analyze",
    "load_kb",
    "load_settings",
    "open_store",
    "read_articles",
]

# The records are plain values (no spaCy, no store, no file): they are imported with the
# package. The rest resolves on first use, so `import kgload` stays cheap for tools that only
# need the records or the version.
from kgload.model import (
    Article,
    Bound,
    Entity,
    EntityKind,
    Event,
    EventType,
    Evidence,
    Extraction,
    LoadReport,
    Mention,
    PartialDate,
    Problem,
    Status,
)

_WHERE = {
    "KG": "kgload.client",
    "Settings": "kgload.config",
    "load_settings": "kgload.config",
    "KgloadError": "kgload.errors",
    "analyze": "kgload.extract.analyze",
    "load_kb": "kgload.linking.kb",
    "open_store": "kgload.stores.base",
    "read_articles": "kgload.sources",
}

if TYPE_CHECKING:
    from kgload.client import KG
    from kgload.config import Settings, load_settings
    from kgload.errors import KgloadError
    from kgload.extract.analyze import analyze
    from kgload.linking.kb import load_kb
    from kgload.sources import read_articles
    from kgload.stores.base import open_store


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'kgload' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
