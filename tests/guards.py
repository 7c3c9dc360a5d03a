"""A hang guard for tests: fail, do not hang, when code runs far longer than it ever should.

It counts the process's CPU seconds (SIGPROF), so a busy machine does not trip it, and the signal
interrupts Python and regular-expression loops alike. It detects hangs; it does not measure speed
(speed targets live in bench/).
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType


class HangError(Exception):
    """Raised inside the guarded block when its CPU time runs out."""


@contextlib.contextmanager
def hang_guard(seconds: float, what: str = "still running") -> Iterator[None]:
    """Raise HangError in the block after `seconds` CPU seconds."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise HangError(f"{what} after {seconds} CPU seconds: a hang")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
