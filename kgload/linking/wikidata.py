"""A polite Wikidata client for `kgload kb build`: the query service and `wbgetentities`.

Wikimedia asks bulk clients to identify themselves, to send one request at a time, to back off
when told to, and not to ask twice for what they already have. So this client:

- sends `Settings.user_agent` on every request. The default is a placeholder: set
  `wikidata.user_agent` (or `KGLOAD_USER_AGENT`) to your tool's name and a contact address, or
  Wikimedia may block you; a warning is logged while the placeholder is in use;
- runs one request at a time (no pool), giving each an overall deadline of 4x `timeout`;
- retries HTTP 429, 502, 503, 504, timeouts, lost or refused connections and the action API's
  `maxlag` and `ratelimited` answers, waiting `Retry-After` seconds when the server says so and
  `backoff * 2**n` otherwise, for at most `max_attempts` attempts; then `WikidataError`. This
  is `kgload.http`'s retry policy and connector, the ones the SPARQL store uses too;
- asks the action API for `maxlag=5`, so it yields when the database replicas lag;
- keeps every successful answer in `cache_dir/wikidata/<sha256>.json`, keyed by method, URL and
  body, so a rerun (or a resumed build) makes no request that was already answered.
  `clear_cache(older_than=...)` forgets stale answers; that is what `kgload kb update` does.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import requests

from kgload.config import Settings
from kgload.errors import WikidataError
from kgload.files import atomic_write_text
from kgload.http import (
    GiveUp,
    HttpConnector,
    RetryableError,
    RetryPolicy,
    retry_after_seconds,
    server_message,
)

__all__ = [
    "DEFAULT_LANGUAGES",
    "DEFAULT_PROPS",
    "MAX_IDS_PER_REQUEST",
    "ClientStats",
    "WikidataClient",
    "is_placeholder_user_agent",
]

log = logging.getLogger("kgload")

MAX_IDS_PER_REQUEST = 50
"""`wbgetentities` accepts at most 50 ids per request without bot rights."""
DEFAULT_PROPS = ("labels", "aliases", "claims", "sitelinks")
DEFAULT_LANGUAGES = ("en", "pt", "es", "fr")
MAXLAG = 5
# WDQS answers a query that timed out with 500: sending it again would time out again.
_RETRY_STATUS = frozenset({429, 502, 503, 504})
_RETRY_API_CODES = frozenset({"maxlag", "ratelimited"})
_MAXLAG_DEFAULT_WAIT = 5.0
_RESULTS_JSON = "application/sparql-results+json"
_CACHE_VERSION = 1


def is_placeholder_user_agent(user_agent: str) -> bool:
    """True when the User-Agent names no real contact (the default, or an example.org one)."""
    return user_agent == Settings().user_agent or "example.org" in user_agent or not user_agent


@dataclass(slots=True)
class ClientStats:
    """What the client did: HTTP requests sent (retries included), answers served from the cache."""

    requests_made: int = 0
    served_from_cache: int = 0
    retries: int = 0


class WikidataClient:
    """Wikidata's SPARQL endpoint and action API, with back-off and an on-disk response cache.

    Args:
        settings: `wikidata_url`, `wikidata_api_url`, `user_agent` and `cache_dir` are used.
        session: a `requests.Session` for the action API (one is made and owned otherwise).
        sleep: how to wait between attempts; tests pass a recorder.
        max_attempts: attempts per request before `WikidataError`.
        backoff: first wait in seconds when the server gives no `Retry-After`; doubled each time.
        max_wait: a `Retry-After` longer than this is not waited for: `WikidataError` says when
            to come back instead.
        timeout: seconds to wait for each read of an answer; a request gives up after
            `request_deadline(timeout)` (4x) in all, however the server trickles its answer.
        cache: keep and reuse answers in `settings.cache_dir`.
        clock: seconds since the epoch, for the cache's timestamps.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        max_attempts: int = 5,
        backoff: float = 1.0,
        max_wait: float = 600.0,
        timeout: float = 65.0,
        cache: bool = True,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.settings = settings
        self.stats = ClientStats()
        policy = RetryPolicy(attempts=max_attempts, backoff=backoff, statuses=_RETRY_STATUS,
                             retry_unreachable=True, max_delay=max_wait, max_wait=max_wait)
        self._http = _WikidataConnector(
            policy=policy, timeout=timeout, session=session, sleep=sleep,
            headers={"User-Agent": settings.user_agent})
        self._cache_dir = Path(settings.cache_dir) / "wikidata" if cache else None
        self._clock = clock
        if is_placeholder_user_agent(settings.user_agent):
            log.warning(
                "Wikidata User-Agent %r is a placeholder: set wikidata.user_agent in kgload.toml "
                "(or KGLOAD_USER_AGENT) to your tool's name and a contact address, as Wikimedia's "
                "User-Agent policy asks", settings.user_agent)

    def __enter__(self) -> WikidataClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP session if this client made it."""
        self._http.close()

    # -- public API -----------------------------------------------------------------------------

    def select(self, query: str) -> list[dict[str, str]]:
        """Run a SPARQL SELECT on the query service; one dict per row, variable → value text.

        IRIs and literals alike come back as their text (`http://www.wikidata.org/entity/Q159`,
        `2012-05-07T00:00:00Z`); unbound variables are absent from the row.
        """
        url = self.settings.wikidata_url
        body = urlencode({"query": query})
        document = self._cached("POST", url, body, lambda: self._post_sparql(url, query))
        try:
            bindings = document["results"]["bindings"]
            return [{name: str(cell["value"]) for name, cell in row.items()} for row in bindings]
        except (KeyError, TypeError) as exc:
            raise WikidataError(f"{url}: not a SPARQL JSON result (no results.bindings)") from exc

    def get_entities(
        self,
        qids: Sequence[str],
        *,
        props: Sequence[str] = DEFAULT_PROPS,
        languages: Sequence[str] = DEFAULT_LANGUAGES,
    ) -> dict[str, dict[str, Any]]:
        """Fetch entities with `wbgetentities`, at most 50 ids per request, one request at a time.

        Returns the API's `entities` objects keyed as the API keys them; an id Wikidata does not
        have comes back as `{"id": ..., "missing": ""}`, as the API sends it.
        """
        unique = list(dict.fromkeys(qids))
        result: dict[str, dict[str, Any]] = {}
        for start in range(0, len(unique), MAX_IDS_PER_REQUEST):
            batch = unique[start:start + MAX_IDS_PER_REQUEST]
            params = {
                "action": "wbgetentities",
                "ids": "|".join(batch),
                "props": "|".join(props),
                "languages": "|".join(languages),
                "format": "json",
                "formatversion": "2",
                "maxlag": str(MAXLAG),
            }
            url = self._http.session.prepare_request(
                requests.Request("GET", self.settings.wikidata_api_url, params=params)).url
            assert url is not None
            document = self._cached("GET", url, "", functools.partial(self._get_api, url))
            entities = document.get("entities")
            if not isinstance(entities, dict):
                raise WikidataError(f"{self.settings.wikidata_api_url}: answer has no entities")
            result.update(entities)
        return result

    def clear_cache(self, *, older_than: dt.timedelta | None = None) -> int:
        """Forget cached answers fetched more than `older_than` ago (or all); return how many."""
        if self._cache_dir is None or not self._cache_dir.is_dir():
            return 0
        limit = None if older_than is None else self._clock() - older_than.total_seconds()
        removed = 0
        for path in self._cache_dir.glob("*.json"):
            if limit is not None:
                try:
                    fetched = float(json.loads(path.read_text(encoding="utf-8"))["fetched"])
                except (OSError, ValueError, KeyError, TypeError):
                    fetched = path.stat().st_mtime
                if fetched >= limit:
                    continue
            path.unlink(missing_ok=True)
            removed += 1
        log.info("Wikidata cache: %d answers removed", removed)
        return removed

    # -- cache ----------------------------------------------------------------------------------

    def _cache_path(self, method: str, url: str, body: str) -> Path | None:
        if self._cache_dir is None:
            return None
        key = hashlib.sha256(f"{method}\n{url}\n{body}".encode()).hexdigest()
        return self._cache_dir / f"{key}.json"

    def _cached(self, method: str, url: str, body: str,
                fetch: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        path = self._cache_path(method, url, body)
        if path is not None and path.is_file():
            try:
                entry = json.loads(path.read_text(encoding="utf-8"))
                response: dict[str, Any] = entry["response"]
            except (OSError, ValueError, KeyError, TypeError):
                log.warning("ignoring unreadable cache entry %s", path)
            else:
                self.stats.served_from_cache += 1
                return response
        response = fetch()
        if path is not None:
            entry = {"version": _CACHE_VERSION, "fetched": self._clock(), "method": method,
                     "url": url, "body": body, "response": response}
            _write_atomically(path, json.dumps(entry, ensure_ascii=False))
        return response

    # -- transport ------------------------------------------------------------------------------

    def _get_api(self, url: str) -> dict[str, Any]:
        what = f"GET {self.settings.wikidata_api_url}"

        def once() -> dict[str, Any]:
            self.stats.requests_made += 1
            with self._http.attempt("GET", url, headers={"Accept": "application/json"}) as answer:
                document = _json_object(what, answer)
            error = document.get("error")
            if isinstance(error, dict):
                code = str(error.get("code", ""))
                info = str(error.get("info", ""))
                if code in _RETRY_API_CODES:
                    wait = retry_after_seconds(answer.headers.get("Retry-After"))
                    if wait is None and code == "maxlag":
                        wait = _MAXLAG_DEFAULT_WAIT
                    raise RetryableError(f"API error {code}: {info}".rstrip(": "), wait)
                raise WikidataError(f"{what}: API error {code}: {info}")
            return document

        return self._http.retry(what, once, on_retry=self._count_retry)

    def _post_sparql(self, url: str, query: str) -> dict[str, Any]:
        """POST one query (SPARQL 1.1 Protocol, JSON results), with retries."""
        what = f"POST {url}"

        def once() -> dict[str, Any]:
            self.stats.requests_made += 1
            with self._http.attempt("POST", url, data={"query": query},
                                    headers={"Accept": _RESULTS_JSON}) as answer:
                return _json_object(what, answer)

        return self._http.retry(what, once, on_retry=self._count_retry)

    def _count_retry(self) -> None:
        self.stats.retries += 1


class _WikidataConnector(HttpConnector):
    """`kgload.http`'s connector with Wikidata's errors: a status it does not retry (400 bad
    query, 404, WDQS's 500 for a timed-out query…) is a `WikidataError` naming the request."""

    def classify(self, response: requests.Response, *, method: str, url: str) -> None:
        status = response.status_code
        if status < 400 or status in self.policy.statuses:
            super().classify(response, method=method, url=url)
            return
        raise WikidataError(f"{method} {url}: HTTP {status}: {server_message(response.text)}")

    def give_up(self, reason: GiveUp) -> WikidataError:
        if reason.wait is not None:
            return WikidataError(
                f"{reason.what}: {reason.error.message}; the server asks to wait "
                f"{reason.wait:.0f} s, try again after that")
        return WikidataError(
            f"{reason.what}: gave up after {reason.attempts} attempts ({reason.error.message}); "
            "Wikidata is busy or unreachable, try again later")


def _json_object(what: str, response: requests.Response) -> dict[str, Any]:
    try:
        document = response.json()
    except ValueError as exc:
        raise WikidataError(f"{what}: answer is not JSON") from exc
    if not isinstance(document, dict):
        raise WikidataError(f"{what}: answer is not a JSON object")
    return document


def _write_atomically(path: Path, text: str) -> None:
    """Write through `atomic_write`, so a killed run never leaves half a cache file."""
    atomic_write_text(path, text)

