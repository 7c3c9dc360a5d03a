"""The SPARQL store's HTTP layer: endpoint URLs, credentials, and what a server's answer means.

`SparqlConnector` is `kgload.http.HttpConnector` (session, timeouts, the shared retry policy)
with the store's reading of an answer, from its HTTP status and body alone:

- 401/403, or a 500 refusing permission (Virtuoso's SR186) → `StoreAuthError`, not retried;
- a 500 the server would give again (`virtuoso_errors.is_lasting_refusal`) → `QueryError` for a
  query, `StoreError` for an update, not retried;
- 400 to a query → `QueryError`; 404 to a query → `StoreError` (no endpoint there);
- the policy's statuses (408, 429, 5xx) → retried, honouring Retry-After; then `StoreError`;
- no connection at all → `StoreUnavailableError`, at once.

Queries are sent as SPARQL 1.1 Protocol form POSTs asking for JSON results, so every request,
query or update, goes through the same session, auth and error reading.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

from kgload.errors import QueryError, StoreAuthError, StoreError, StoreUnavailableError, UsageError
from kgload.http import (
    GiveUp,
    HttpConnector,
    RetryableError,
    RetryPolicy,
    retry_after_seconds,
    server_message,
)
from kgload.stores.virtuoso_errors import is_lasting_refusal, is_permission_refusal, refusal_hint

__all__ = ["RESULTS_JSON", "SparqlConnector", "split_userinfo"]

RESULTS_JSON = "application/sparql-results+json"
_CREDENTIALS_HINT = (
    "set KGLOAD_STORE_USER/KGLOAD_STORE_PASSWORD or [store] user/password in kgload.toml"
)


def split_userinfo(url: str) -> tuple[str, str | None, str | None]:
    """Take `user:password@` out of a URL, so that messages can show the URL safely.

    >>> split_userinfo("http://dba:pw@localhost:8890/sparql")
    ('http://localhost:8890/sparql', 'dba', 'pw')
    """
    hint = "give http(s)://host[:port]/path, e.g. http://localhost:8890/sparql"
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018  (raises on a port that is not a number in range)
    except ValueError as exc:
        raise UsageError(f"not a SPARQL endpoint URL: {url!r} ({exc}); {hint}") from exc
    if not parts.scheme or not parts.hostname:
        raise UsageError(f"not a SPARQL endpoint URL: {url!r}; {hint}")
    if "@" not in parts.netloc:
        return urlunsplit(parts), None, None
    userinfo, _, host = parts.netloc.rpartition("@")
    user, sep, password = userinfo.partition(":")
    clean = urlunsplit(parts._replace(netloc=host))
    return clean, unquote(user), unquote(password) if sep else None


def _http_auth(user: str | None, password: str | None, kind: str) -> AuthBase | None:
    if user is None:
        return None
    if kind == "digest":
        return HTTPDigestAuth(user, password or "")
    return HTTPBasicAuth(user, password or "")


class SparqlConnector(HttpConnector):
    """HTTP to one SPARQL server for `SparqlStore`: its errors are kgload's store errors."""

    def __init__(
        self,
        *,
        user: str | None,
        password: str | None,
        auth: str,
        timeout: float,
        policy: RetryPolicy,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(
            policy=policy,
            timeout=timeout,
            auth=_http_auth(user, password, auth),
            headers={"User-Agent": "kgload"},
            sleep=sleep,
        )
        self.user = user

    # -- queries --------------------------------------------------------------------------------
    def query(self, url: str, sparql: str) -> dict[str, Any]:
        """POST one query (SPARQL 1.1 Protocol) with retries; the JSON results document."""
        return self.retry(f"querying {url}", lambda: self._query_once(url, sparql))

    def _query_once(self, url: str, sparql: str) -> dict[str, Any]:
        response = self.attempt(
            "POST",
            url,
            data={"query": sparql},
            headers={"Accept": f"{RESULTS_JSON}, application/json;q=0.9"},
            any_status=True,
        )
        self.classify(response, method="POST", url=url, query=True)
        try:
            body = json.loads(response.content)
        except ValueError as exc:
            raise StoreError(f"{url} did not answer with SPARQL JSON results") from exc
        if not isinstance(body, dict):
            raise StoreError(f"{url} did not answer with SPARQL JSON results")
        return body

    # -- what an answer means -------------------------------------------------------------------
    def classify(
        self, response: requests.Response, *, method: str, url: str, query: bool = False
    ) -> None:
        """Raise the kgload error a failed answer means (see the module docstring)."""
        status = response.status_code
        if status < 400:
            return
        detail = server_message(response.text)
        if status in (401, 403) or (status == 500 and is_permission_refusal(detail)):
            raise self.auth_error(url, status)
        if status == 500 and is_lasting_refusal(detail):
            if query:
                raise QueryError(
                    f"{url} refused the query (HTTP 500): {detail}{refusal_hint(detail)}"
                )
            raise StoreError(f"{method} {url} was refused (HTTP 500, not retried): {detail}")
        if query and status == 400:
            raise QueryError(f"{url} rejected the query (HTTP 400): {detail}")
        if query and status == 404:
            raise StoreError(f"no SPARQL endpoint at {url} (HTTP 404): check the URL")
        if status in self.policy.statuses:
            retry_after = retry_after_seconds(response.headers.get("Retry-After"))
            raise RetryableError(f"HTTP {status}: {detail}", retry_after)
        doing = f"querying {url}" if query else f"{method} {url}"
        raise StoreError(f"{doing} failed: HTTP {status}: {detail}")

    def auth_error(self, url: str, status: int) -> StoreAuthError:
        """Credentials missing or refused; the message names the settings, never the password."""
        if self.user is None:
            return StoreAuthError(
                f"{url} requires credentials (HTTP {status}): {_CREDENTIALS_HINT}"
            )
        return StoreAuthError(
            f"{url} refused the credentials of user {self.user!r} (HTTP {status}): "
            f"{_CREDENTIALS_HINT}"
        )

    def unreachable(self, url: str) -> StoreUnavailableError:
        return StoreUnavailableError(f"cannot reach SPARQL endpoint {url}: is the server running?")

    def give_up(self, reason: GiveUp) -> StoreError:
        return StoreError(f"{reason.what} failed after {reason.tries}: {reason.error.message}")
