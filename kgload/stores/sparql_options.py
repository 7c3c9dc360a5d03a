"""The typed settings of the SPARQL store: one frozen object instead of a dozen keywords."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kgload.config import DEFAULT_BASE
from kgload.errors import UsageError
from kgload.http import RetryPolicy

__all__ = ["DEFAULT_GRAPH_PREFIX", "SparqlOptions"]

# kgload writes all its graphs under its base IRI; others (Virtuoso's system graphs) are not ours.
DEFAULT_GRAPH_PREFIX = DEFAULT_BASE
_DIALECTS = ("auto", "virtuoso", "generic")


@dataclass(frozen=True, slots=True)
class SparqlOptions:
    """How to reach and write to a SPARQL server; `open_sparql` takes these by name.

    For Virtuoso (`dialect="virtuoso"`, or detected), `http://host:port/sparql` with a user
    implies updates at `…/sparql-auth` and GSP at `…/sparql-graph-crud-auth`; `gsp_url=""` turns
    GSP off. `retries` is how many times a request failing with a timeout, a lost connection or
    HTTP 408/429/5xx is resent (at most `1 + retries` attempts), after `backoff * 2**n` seconds
    or the server's Retry-After (at most 60 s); a 500 that would recur (syntax, cost estimate,
    permissions) is not resent. Only quads in graphs under `graph_prefix` are counted and dumped.
    `max_request_triples` overrides the dialect's request size. `load_requests` is how many
    requests `load` keeps in flight when the server parses the file (Virtuoso).
    """

    update_url: str | None = None
    gsp_url: str | None = None
    user: str | None = None
    password: str | None = dataclasses.field(default=None, repr=False)
    auth: str = "digest"
    dialect: str = "auto"
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 0.5
    graph_prefix: str = DEFAULT_GRAPH_PREFIX
    max_request_triples: int | None = None
    load_requests: int = 3

    def __post_init__(self) -> None:
        if self.auth not in ("digest", "basic"):
            raise UsageError(f"unknown HTTP auth {self.auth!r}: use 'digest' or 'basic'")
        if self.dialect not in _DIALECTS:
            raise UsageError(
                f"unknown SPARQL dialect {self.dialect!r}: use auto, virtuoso or generic"
            )
        if self.retries < 0 or self.timeout <= 0:
            raise UsageError("retries must be >= 0 and timeout > 0")
        if self.load_requests < 1:
            raise UsageError("load_requests must be >= 1")

    @classmethod
    def from_options(
        cls, options: Mapping[str, Any], *, base: SparqlOptions | None = None
    ) -> SparqlOptions:
        """`base` (default: the defaults) with options by name, as `open_store` passes them.

        An unknown name is a `UsageError` that lists the known ones.

        >>> SparqlOptions.from_options({"retries": 1, "dialect": "generic"}).retries
        1
        """
        known = [field.name for field in dataclasses.fields(cls)]
        unknown = sorted(set(options) - set(known))
        if unknown:
            names = ", ".join(repr(name) for name in unknown)
            raise UsageError(
                f"unknown SPARQL store option {names}; known: {', '.join(sorted(known))}"
            )
        return dataclasses.replace(base or cls(), **options)

    def retry_policy(self) -> RetryPolicy:
        """The connector's policy: `1 + retries` attempts, `backoff` doubled, waits up to 60 s."""
        return RetryPolicy(attempts=self.retries + 1, backoff=self.backoff)
