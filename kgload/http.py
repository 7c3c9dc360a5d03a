"""HTTP details shared by kgload's two clients (the Wikidata client and the SPARQL store)."""

from __future__ import annotations

import datetime as dt
import email.utils

__all__ = ["RetryableError", "retry_after_seconds"]


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
