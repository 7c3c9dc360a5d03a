"""The README's notebook path runs as written: ingest a string, a DataFrame, a drawn network.

The code block under "From Python / notebooks" is taken from README.md and executed as it is,
so the README cannot rot (issue 12, acceptance).
"""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def notebook_block() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## From Python / notebooks\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```python\n(.*?)^```", section, flags=re.MULTILINE | re.DOTALL)
    assert len(blocks) == 1, "the section should hold exactly one Python block"
    return str(blocks[0])


def test_notebook_block_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    matplotlib.use("Agg")  # no display in tests; a notebook draws inline
    namespace: dict[str, object] = {"__name__": "readme_notebook"}
    exec(compile(notebook_block(), f"{README}:notebook", "exec"), namespace)

    report = namespace["report"]
    assert getattr(report, "ok", False) and getattr(report, "documents", 0) == 1
    events = namespace["events"]
    assert isinstance(events, pd.DataFrame)
    assert {"PhoneCall", "Meeting", "Sanction"} <= set(events["type"])
    assert pd.api.types.is_datetime64_any_dtype(events["date"])
    call = events[events["type"] == "PhoneCall"].iloc[0]
    assert sorted(call["participant_labels"]) == ["Kim Jong Un", "Vladimir Putin"]
    assert isinstance(namespace["meetings"], pd.DataFrame)
    network = namespace["network"]
    assert network.has_edge("Q56226", "Q7747")  # type: ignore[attr-defined]
    assert network.nodes["Q7747"]["label"] == "Vladimir Putin"  # type: ignore[attr-defined]
    image = tmp_path / "network.png"
    assert image.read_bytes().startswith(b"\x89PNG")
