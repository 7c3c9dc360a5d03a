"""Retry-After is read the same way by the Wikidata client and the SPARQL store."""

from __future__ import annotations

import datetime as dt
import email.utils

import pytest

from kgload.http import retry_after_seconds


@pytest.mark.parametrize(
    ("header", "seconds"),
    [(None, None), ("", None), ("7", 7.0), (" 0 ", 0.0), ("-3", 0.0), ("soon", None)],
)
def test_delta_seconds_and_bad_values(header: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(header) == seconds


def test_http_date_counts_from_now_and_never_goes_negative() -> None:
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=120)
    wait = retry_after_seconds(email.utils.format_datetime(later, usegmt=True))
    assert wait is not None and 100 < wait <= 120
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
