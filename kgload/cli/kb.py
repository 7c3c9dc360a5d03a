"""`kgload kb build --from curated`: the KB tables from the curated tables in the repository."""

from __future__ import annotations

import sys
from pathlib import Path

from kgload.linking.generate import build_from_curated
from kgload.linking.kb import KIND_ORDER


def build_curated(out: Path) -> int:
    """Write the four tables to `out` from `kgload/linking/curated/` and report the counts."""
    counts = build_from_curated(out)
    kinds = ", ".join(f"{counts[kind]} {kind}" for kind in KIND_ORDER if kind in counts)
    print(
        f"wrote {out}: {kinds}; {counts['aliases']} aliases, {counts['offices']} offices, "
        f"{counts['holders']} holders (from the curated tables, no requests)",
        file=sys.stderr,
    )
    return 0
