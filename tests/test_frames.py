"""Query results as typed DataFrames: `QueryResult.to_pandas` and `KG.events` (issue 12)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat

from kgload.client import KG
from kgload.config import Settings
from kgload.errors import UsageError
from kgload.frames import to_pandas
from kgload.stores.base import QueryResult

GOLDEN = Path(__file__).parent / "cases" / "golden_store.trig"
XSD = "http://www.w3.org/2001/XMLSchema#"


def lit(value: str, datatype: str | None = None, lang: str | None = None) -> Literal:
    if lang:
        return Literal(value, language=lang)
    return Literal(value, datatype=NamedNode(XSD + datatype)) if datatype else Literal(value)


@pytest.fixture(scope="module")
def kg() -> Iterator[KG]:
    with KG.open("memory:", settings=Settings(store="memory:")) as graph:
        graph.store.load(GOLDEN, format=RdfFormat.TRIG)
        yield graph


def test_columns_are_typed_from_rdf_datatypes() -> None:
    result = QueryResult(
        ("n", "x", "ok", "when", "at", "who", "name", "odd"),
        (
            (
                lit("3", "integer"), lit("0.25", "decimal"), lit("true", "boolean"),
                lit("2025-08-15", "date"), lit("2025-08-15T10:00:00Z", "dateTime"),
                NamedNode("http://www.wikidata.org/entity/Q7747"), lit("Putin", lang="en"),
                lit("1", "integer"),
            ),
            (
                None, lit("2", "integer"), lit("false", "boolean"), None, None,
                NamedNode("https://w3id.org/kgload/id/event/abc"), lit("Kim"), lit("x"),
            ),
        ),
    )  # fmt: skip
    frame = result.to_pandas()
    assert str(frame["n"].dtype) == "Int64" and frame["n"].tolist()[0] == 3
    assert frame["n"].isna().tolist() == [False, True]
    assert str(frame["x"].dtype) == "Float64" and frame["x"].tolist() == [0.25, 2.0]
    assert str(frame["ok"].dtype) == "boolean" and frame["ok"].tolist() == [True, False]
    assert pd.api.types.is_datetime64_any_dtype(frame["when"])
    assert frame["when"][0].date() == dt.date(2025, 8, 15) and pd.isna(frame["when"][1])
    assert "when_precision" not in frame  # every date is known to the day
    assert frame["at"][0].tzinfo is not None
    assert frame["who"].tolist() == ["Q7747", "event/abc"]
    assert str(frame["name"].dtype) == "string"
    assert frame["odd"].tolist() == [1, "x"]  # mixed kinds stay Python values


def test_partial_dates_get_a_precision_column() -> None:
    result = QueryResult(
        ("date",),
        ((lit("2025-08", "gYearMonth"),), (lit("2024", "gYear"),), (lit("2025-08-15", "date"),),
         (None,)),
    )  # fmt: skip
    frame = to_pandas(result)
    assert [d.date() if not pd.isna(d) else None for d in frame["date"]] == [
        dt.date(2025, 8, 1), dt.date(2024, 1, 1), dt.date(2025, 8, 15), None,
    ]  # fmt: skip
    assert frame["date_precision"].tolist()[:3] == ["month", "year", "day"]
    assert pd.isna(frame["date_precision"][3])


def test_list_columns_become_lists() -> None:
    result = QueryResult(
        ("ids", "already"),
        ((lit("Q1; Q2"), (lit("a"), NamedNode("http://www.wikidata.org/entity/Q3"))),
         (None, None)),
    )  # fmt: skip
    frame = result.to_pandas(lists=["ids"])
    assert frame["ids"].tolist() == [["Q1", "Q2"], None]
    assert frame["already"].tolist() == [["a", "Q3"], None]


def test_empty_result_keeps_its_columns() -> None:
    frame = QueryResult(("a", "b"), ()).to_pandas()
    assert list(frame.columns) == ["a", "b"] and len(frame) == 0


def test_missing_pandas_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(UsageError, match=r"pip install 'kgload\[analysis\]'"):
        QueryResult(("a",), ()).to_pandas()


def test_events_is_every_event_as_a_typed_frame(kg: KG) -> None:
    frame = kg.events()
    assert len(frame) == 9  # no silent cap: limit=0 is the default
    assert list(frame.columns[:5]) == ["event", "type", "date", "date_precision", "status"]
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert str(frame["confidence"].dtype) == "Float64"
    assert str(frame["personnel"].dtype) == "Int64"
    deployment = frame[frame["type"] == "TroopDeployment"].iloc[0]
    assert deployment["personnel"] == 10000
    assert sorted(deployment["participants"]) == ["Q159", "Q423"]
    assert sorted(deployment["participant_labels"]) == ["North Korea", "Russia"]
    meeting = frame[frame["event"] == "event/meeting-putin-trump-2025-08-15"].iloc[0]
    assert meeting["date"].date() == dt.date(2025, 8, 15) and meeting["status"] == "Planned"


def test_events_filters(kg: KG) -> None:
    assert len(kg.events(type="meeting")) == 2
    assert len(kg.events(actor="Q7747", type="phone_call")) == 1
    assert len(kg.events(actor="Vladimir Putin")) == 3  # names resolve as in saved queries
    assert len(kg.events(since="2025-08")) == 3
    assert len(kg.events(since=dt.date(2025, 8, 1))) == 2  # "2025-08" is not known to be after
    assert len(kg.events(status="planned")) == 1
    assert len(kg.events(limit=2)) == 2
