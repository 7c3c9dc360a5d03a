"""The one exception tree of kgload.

    KgloadError
     ├── UsageError (ValueError)          bad option, unknown parameter, unknown store URL
     │    ├── ConfigError                 kgload.toml or KGLOAD_* variable is wrong
     │    └── QueryError                  unknown saved query, bad parameter value, bad SPARQL
     ├── InputError (ValueError)          an article cannot be read (carries a Problem)
     ├── KnowledgeBaseError (RuntimeError) the offline KB is missing or broken
     ├── WikidataError (OSError)          the Wikidata service failed after retries
     └── StoreError (OSError)             the triplestore failed
          ├── StoreLockedError            another process holds the embedded store
          ├── StoreUnavailableError       the server cannot be reached
          └── StoreAuthError              the server refused our credentials

Each class also inherits the nearest built-in so callers that know nothing of kgload still catch
it. Third-party errors are converted once, at the boundary, with ``raise ... from exc``.
"""

from __future__ import annotations

from kgload.model import Problem

__all__ = [
    "ConfigError",
    "InputError",
    "KgloadError",
    "KnowledgeBaseError",
    "QueryError",
    "StoreAuthError",
    "StoreError",
    "StoreLockedError",
    "StoreUnavailableError",
    "UsageError",
    "WikidataError",
]


class KgloadError(Exception):
    """Root of every error kgload raises on purpose."""


class UsageError(KgloadError, ValueError):
    """The caller asked for something that cannot be done as asked."""


class ConfigError(UsageError):
    """A setting (file, environment variable or flag) has a bad value."""


class QueryError(UsageError):
    """A saved query or one of its parameters is wrong."""


class InputError(KgloadError, ValueError):
    """An input article cannot be read; `problem` says which file and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class KnowledgeBaseError(KgloadError, RuntimeError):
    """The offline knowledge base is missing or inconsistent."""


class WikidataError(KgloadError, OSError):
    """Wikidata did not answer usefully after the allowed retries."""


class StoreError(KgloadError, OSError):
    """The triplestore failed; the store keeps its previous state for the document."""


class StoreLockedError(StoreError):
    """Another process holds the embedded store open for writing."""


class StoreUnavailableError(StoreError):
    """The SPARQL server cannot be reached."""


class StoreAuthError(StoreError):
    """The SPARQL server refused the credentials (HTTP 401/403)."""
