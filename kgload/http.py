"""HTTP details shared by kgload's two clients (the Wikidata client and the SPARQL store)."""

from __future__ import annotations

import datetime as dt
import email.utils
import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = [
    "DEADLINE_FACTOR",
    "DeadlineExceededError",
    "RetryableError",
    "call_with_deadline",
    "request_deadline",
    "retry_after_seconds",
]

T = TypeVar("T")

# The overall deadline of one request, as a multiple of the per-read timeout.
DEADLINE_FACTOR = 4


def request_deadline(timeout: float) -> float:
    """Seconds one HTTP request may take in all: `DEADLINE_FACTOR` (4) times the read timeout.

    >>> request_deadline(30.0)
    120.0
    """
    return DEADLINE_FACTOR * timeout


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent or bad.

    Both clients honour the server's wait before their own back-off, so they must read it alike.
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
