"""The HTTP connector kgload's two clients share: the Wikidata client and the SPARQL store.

One `RetryPolicy` says when a failed request is sent again, one `retrying` loop applies it, and
one `HttpConnector` sends each attempt: a `requests` session with its auth, a per-read timeout,
an overall deadline, and the transport failures (timeouts, lost connections, unreachable hosts)
turned into `RetryableError` or the client's own error. What an answer's status and body mean is
the client's business (`HttpConnector.classify`): the store turns them into `StoreError`s, the
Wikidata client into `WikidataError`s.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import errno
import logging
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import requests
import urllib3.exceptions
from requests.auth import AuthBase

__all__ = [
    "DEADLINE_FACTOR",
    "DeadlineExceededError",
    "GiveUp",
    "HttpConnector",
    "RetryPolicy",
    "RetryableError",
    "call_with_deadline",
    "is_unreachable",
    "request_deadline",
    "retry_after_seconds",
    "retrying",
    "server_message",
]

log = logging.getLogger("kgload")

T = TypeVar("T")

# The overall deadline of one request, as a multiple of the per-read timeout.
DEADLINE_FACTOR = 4

_HTML = re.compile(r"<(!doctype|html|head|body|h1|p|pre|title)\b", re.IGNORECASE)
_UNREACHABLE_ERRNOS = frozenset({errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EADDRNOTAVAIL})


def request_deadline(timeout: float) -> float:
    """Seconds one HTTP request may take in all: `DEADLINE_FACTOR` (4) times the read timeout.

    >>> request_deadline(30.0)
    120.0
    """
    return DEADLINE_FACTOR * timeout


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent or bad.

    Both clients honour the server's wait before their own back-off, so they must read it alike.

    >>> retry_after_seconds("7"), retry_after_seconds("soon")
    (7.0, None)
    """
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


class RetryableError(Exception):
    """One attempt failed in a way another attempt may fix (timeout, 5xx, reset, maxlag);
    `retry_after` is the wait in seconds the server asked for, when it said."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


class DeadlineExceededError(RetryableError):
    """A request got no complete answer within its overall deadline."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """When and how long to wait before sending a failed request again.

    Args:
        attempts: attempts in all, the first included (>= 1).
        backoff: the wait after the first failure when the server names none; doubled each time.
        statuses: the HTTP statuses another attempt may cure.
        retry_unreachable: whether a host that takes no connection at all (refused, unknown
            name) is tried again; when False the client reports it at once.
        max_delay: a longer wait (asked by the server or computed) is cut to this.
        max_wait: a longer wait is not waited for at all: the client gives up and says when to
            come back (None: never give up for that reason).

    >>> policy = RetryPolicy(attempts=3, backoff=0.5)
    >>> [policy.delay(n, None) for n in (1, 2)], policy.delay(1, 300.0)
    ([0.5, 1.0], 60.0)
    """

    attempts: int = 4
    backoff: float = 0.5
    statuses: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504})
    retry_unreachable: bool = False
    max_delay: float = 60.0
    max_wait: float | None = None

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError("a retry policy needs at least 1 attempt")
        if self.backoff < 0 or self.max_delay < 0:
            raise ValueError("back-off and max_delay must be >= 0")

    def wait(self, failures: int, retry_after: float | None) -> float:
        """The wait the server asked for, else `backoff * 2**(failures - 1)`, before any cap."""
        return retry_after if retry_after is not None else self.backoff * 2 ** (failures - 1)

    def delay(self, failures: int, retry_after: float | None) -> float:
        """Seconds to sleep after the `failures`-th failed attempt (Retry-After honoured)."""
        return min(max(self.wait(failures, retry_after), 0.0), self.max_delay)

    def gives_up_on(self, failures: int, retry_after: float | None) -> bool:
        """Whether the wait after this failure is longer than the policy will sit through."""
        return self.max_wait is not None and self.wait(failures, retry_after) > self.max_wait


@dataclass(frozen=True, slots=True)
class GiveUp:
    """Why `retrying` stopped: `attempts` made, the last `error`, and `wait`, the wait the
    server asked for when it was too long (`RetryPolicy.max_wait`), else None."""

    what: str
    attempts: int
    error: RetryableError
    wait: float | None = None

    @property
    def tries(self) -> str:
        """How many attempts were made, in words.

        >>> GiveUp("x", 1, RetryableError("e")).tries
        '1 attempt'
        """
        return "1 attempt" if self.attempts == 1 else f"{self.attempts} attempts"


def retrying(
    policy: RetryPolicy,
    what: str,
    attempt: Callable[[], T],
    *,
    give_up: Callable[[GiveUp], Exception],
    sleep: Callable[[float], None] = time.sleep,
    on_retry: Callable[[], None] | None = None,
) -> T:
    """Run `attempt` until it succeeds or `policy` says stop; then raise `give_up(...)`.

    Only `RetryableError`s are retried; any other exception ends the loop at once.
    """
    for number in range(1, policy.attempts + 1):
        try:
            return attempt()
        except RetryableError as exc:
            if number == policy.attempts:
                raise give_up(GiveUp(what, number, exc)) from exc
            if policy.gives_up_on(number, exc.retry_after):
                wait = policy.wait(number, exc.retry_after)
                raise give_up(GiveUp(what, number, exc, wait)) from exc
            delay = policy.delay(number, exc.retry_after)
            log.warning(
                "%s: %s; retry %d of %d in %.1f s",
                what, exc.message, number, policy.attempts - 1, delay,
            )
            if on_retry is not None:
                on_retry()
            sleep(delay)
    raise AssertionError("unreachable")  # pragma: no cover


def call_with_deadline(exchange: Callable[[], T], deadline: float) -> T:
    """Run one HTTP exchange, giving up after `deadline` seconds in all.

    Why: requests and urllib time out per read, so a server that sends a byte now and then keeps
    a request going forever. The exchange runs in a daemon thread; past the deadline it is left
    to end on its own (its socket still has the per-read timeout) and `DeadlineExceededError` is
    raised here. Its errors are re-raised in the caller's thread.
    """
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(exchange())
        except BaseException as exc:
            failure.append(exc)

    worker = threading.Thread(target=run, name="kgload-http", daemon=True)
    worker.start()
    worker.join(deadline)
    if worker.is_alive():
        raise DeadlineExceededError(f"no complete answer within {deadline:g} s")
    if failure:
        raise failure[0]
    return outcome[0]


def server_message(text: str) -> str:
    """The first meaningful line of a server's error body, trimmed (HTML tags removed).

    Only an HTML page loses its tags: a plain-text message keeps its `<iri>`s.

    >>> server_message("<html><body><h1>Internal Server Error</h1></body></html>")
    'Internal Server Error'
    >>> server_message("\\nVirtuoso 37000 Error SP030: syntax error\\n\\nSPARQL query: ...")
    'Virtuoso 37000 Error SP030: syntax error'
    """
    if _HTML.search(text):
        text = re.sub(r"<[^>]*>", "\n", text)
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 300 else line[:297] + "..."
    return "(no message)"


def is_unreachable(exc: BaseException) -> bool:
    """True when no connection was made at all (refused, DNS), not when one broke mid-way."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, urllib3.exceptions.NewConnectionError) or _is_unreachable_os_error(
            current
        ):
            return True
        if isinstance(current, urllib3.exceptions.MaxRetryError):
            current = current.reason
            continue
        if current.args and isinstance(current.args[0], BaseException):
            current = current.args[0]
            continue
        current = current.__cause__ or current.__context__
    return False


def _is_unreachable_os_error(error: object) -> bool:
    if isinstance(error, (ConnectionRefusedError, socket.gaierror)):
        return True
    return isinstance(error, OSError) and error.errno in _UNREACHABLE_ERRNOS


class HttpConnector:
    """A `requests` session with auth, timeouts and a retry policy; one per client.

    `attempt` sends one request: transport failures become `RetryableError` (or, for a host
    that takes no connection and a policy that does not retry that, `unreachable(url)`), and
    the answer goes through `classify`, which raises what its status and body mean. `request`
    is `attempt` under the retry policy; `give_up` names the error a client reports at the end.
    Subclasses override `classify`, `unreachable` and `give_up`.
    """

    def __init__(
        self,
        *,
        policy: RetryPolicy,
        timeout: float,
        auth: AuthBase | None = None,
        headers: dict[str, str] | None = None,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy
        self.timeout = timeout
        self.auth = auth
        self._own_session = session is None
        self.session = session if session is not None else requests.Session()
        self._headers = dict(headers or {})
        self._sleep = sleep

    def close(self) -> None:
        """Close the session if this connector made it."""
        if self._own_session:
            self.session.close()

    def request(
        self,
        method: str,
        url: str,
        *,
        what: str,
        on_retry: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        """`attempt` under the retry policy; `what` names the request in messages."""
        return self.retry(
            what, lambda: self.attempt(method, url, **kwargs), on_retry=on_retry
        )

    def retry(
        self, what: str, attempt: Callable[[], T], *, on_retry: Callable[[], None] | None = None
    ) -> T:
        """Run any `attempt` under this connector's policy, sleep and give-up error."""
        return retrying(
            self.policy, what, attempt, give_up=self.give_up, sleep=self._sleep, on_retry=on_retry
        )

    def attempt(
        self,
        method: str,
        url: str,
        *,
        auth: bool = True,
        any_status: bool = False,
        **kwargs: Any,
    ) -> requests.Response:
        """One request; the answer is classified unless `any_status` (then it is returned)."""
        headers = {**self._headers, **kwargs.pop("headers", {})}
        try:
            response = call_with_deadline(
                lambda: self.session.request(
                    method,
                    url,
                    auth=self.auth if auth else None,
                    timeout=self.timeout,
                    headers=headers,
                    **kwargs,
                ),
                request_deadline(self.timeout),
            )
        except requests.Timeout as exc:
            raise RetryableError(f"no answer within {self.timeout:g} s") from exc
        except requests.ConnectionError as exc:
            if is_unreachable(exc) and not self.policy.retry_unreachable:
                raise self.unreachable(url) from exc
            raise RetryableError(f"connection lost: {server_message(str(exc))}") from exc
        except requests.RequestException as exc:
            raise RetryableError(f"HTTP failure: {server_message(str(exc))}") from exc
        if not any_status:
            self.classify(response, method=method, url=url)
        return response

    def classify(self, response: requests.Response, *, method: str, url: str) -> None:
        """Raise what a failed answer means; the base class knows only the policy's statuses."""
        status = response.status_code
        if status < 400:
            return
        detail = server_message(response.text)
        if status in self.policy.statuses:
            raise RetryableError(
                f"HTTP {status}: {detail}", retry_after_seconds(response.headers.get("Retry-After"))
            )
        raise OSError(f"{method} {url} failed: HTTP {status}: {detail}")

    def unreachable(self, url: str) -> Exception:
        """The error for a host that takes no connection (when the policy does not retry it)."""
        return ConnectionError(f"cannot reach {url}")

    def give_up(self, reason: GiveUp) -> Exception:
        """The error reported when the policy stops retrying."""
        return OSError(f"{reason.what} failed after {reason.tries}: {reason.error.message}")
