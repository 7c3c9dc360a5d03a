"""Every bad parameter value gets its own message, fast: numbers in range and of bounded size."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kgload.cli.main import main
from kgload.client import KG
from kgload.errors import QueryError
from kgload.queries import get_saved_query, parse_saved_query

_HUGE = "1e400000000"


@pytest.mark.parametrize(
    ("query", "name", "value", "expected"),
    [
        ("events_of_actor", "min_confidence", _HUGE, "from 0 to 1"),
        ("events_of_actor", "min_confidence", "1.5", "from 0 to 1"),
        ("events_of_actor", "min_confidence", "-0.1", "from 0 to 1"),
        ("events_of_actor", "min_confidence", "0." + "1" * 5000, "min_confidence"),
        ("events_of_actor", "limit", "9" * 5000, "limit"),
        ("events_of_actor", "limit", "10000000000000", "limit"),
        ("documents", "outlet", "ab\udcffc", "not valid UTF-8"),
        ("events_of_actor", "actor", "Q77\udcff", "not valid UTF-8"),
    ],
)
def test_bad_value_is_a_query_error_naming_the_parameter(
    query: str, name: str, value: str, expected: str
) -> None:
    saved = get_saved_query(query)
    values = {name: value}
    if query == "events_of_actor" and name != "actor":
        values["actor"] = "Q7747"
    with pytest.raises(QueryError) as caught:
        saved.bind(values)
    message = str(caught.value)
    assert name in message and expected in message
    assert len(message) < 400, "the message must not echo a huge value"


def test_decimal_range_is_read_from_the_header() -> None:
    saved = parse_saved_query(
        "# title: T\n# description: D\n# param: share: decimal[0..1]? -- a share\n"
        "SELECT * WHERE {\n#[share]\nFILTER(?x >= $share)\n#[/share]\n}",
        name="t",
    )
    assert '"0.5"' in saved.bind({"share": "0.5"})
    with pytest.raises(QueryError, match="from 0 to 1"):
        saved.bind({"share": 2})


def test_good_values_still_bind() -> None:
    saved = get_saved_query("events_of_actor")
    text = saved.bind({"actor": "Q7747", "min_confidence": "0.8", "limit": "20"})
    assert '"0.8"^^' in text
    assert "LIMIT 20" in text


def test_non_utf8_param_on_the_command_line_is_one_line(tmp_path: Path) -> None:
    store = f"oxigraph:{tmp_path / 'kg'}"
    KG.open(store).close()  # an empty store to query
    argv = [
        sys.executable, "-m", "kgload", "query", "documents", "--store", store,
        "-p", b"outlet=ab\xffc".decode("utf-8", "surrogateescape"),
    ]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("kgload: error: ")
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_huge_decimal_on_the_command_line_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = f"oxigraph:{tmp_path / 'kg'}"
    argv = ["query", "events_of_actor", "--store", store, "-p", "actor=Q7747",
            "-p", f"min_confidence={_HUGE}"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "min_confidence" in err and "from 0 to 1" in err
