"""CPU time by stage, for the extraction benchmark's breakdown
(`analyze_articles(stage_seconds=…)`): one timer for every stage, so the analysis and the parse
add their seconds to the same mapping the same way."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator, MutableMapping

__all__ = ["StageTimer"]


class StageTimer:
    """Adds the CPU seconds spent inside `with timer(stage):` to `seconds[stage]` (nothing
    when no mapping is given); an exception still counts the time spent before it."""

    def __init__(self, seconds: MutableMapping[str, float] | None) -> None:
        self.seconds = seconds

    @contextlib.contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        if self.seconds is None:
            yield
            return
        started = time.process_time()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.process_time() - started
