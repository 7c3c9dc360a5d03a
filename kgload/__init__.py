"""kgload: geopolitical news in, Wikidata-linked, dated, attributed facts in a triplestore."""

from __future__ import annotations

__version__ = "0.1.0"
