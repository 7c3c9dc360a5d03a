"""Per-article guards: the analysis time limit, and the problem a bug in kgload becomes.

The time limit is cooperative: the analysis asks its `Deadline` between stages, pieces and
sentences, and an article over its limit stops at the next question. Nothing is interrupted
inside spaCy or a regular expression, so the process is left as it was and the next article
is analysed normally (a signal or a killed thread could leave a half-updated cache behind).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from kgload.model import Problem

__all__ = ["ArticleTimeoutError", "Deadline", "internal_error", "timeout_problem"]

log = logging.getLogger("kgload")

Clock = Callable[[], float]


class ArticleTimeoutError(Exception):
    """Raised by `Deadline.check` past the limit; caught by the analysis, never seen by users."""


class Deadline:
    """Seconds of analysis spent on one article, against its limit (None: no limit).

    Time counts only while the article is being worked on (`start` … `stop`): articles are
    parsed together in batches, and one article's limit must not pay for its neighbours.
    """

    __slots__ = ("_clock", "_since", "limit", "spent")

    def __init__(self, limit: float | None, clock: Clock = time.monotonic) -> None:
        self.limit = limit
        self.spent = 0.0
        self._clock = clock
        self._since: float | None = None

    def start(self) -> None:
        if self.limit is not None and self._since is None:
            self._since = self._clock()

    def stop(self) -> None:
        if self._since is not None:
            self.spent += self._clock() - self._since
            self._since = None

    def check(self) -> None:
        """Raise ArticleTimeoutError when the article has used up its time."""
        if self.limit is None:
            return
        spent = self.spent
        if self._since is not None:
            spent += self._clock() - self._since
        if spent > self.limit:
            raise ArticleTimeoutError(f"{spent:.1f} s")


def timeout_problem(source: str, limit: float | None) -> Problem:
    return Problem(
        "article-timeout",
        f"the analysis took longer than article_timeout ({limit:g} s) and was stopped; "
        "split the article, or raise the article_timeout setting",
        source,
    )


def internal_error(source: str, exc: Exception) -> Problem:
    """A bug in kgload on one document: a problem for that document, the traceback in the
    debug log (`kgload --debug` shows it), and the rest of the batch goes on."""
    log.debug("internal error on %s", source, exc_info=exc)
    return Problem(
        "internal-error",
        f"kgload failed on this document ({type(exc).__name__}: {exc}); this is a bug in "
        "kgload: rerun with --debug to see the traceback, and report it",
        source,
    )
