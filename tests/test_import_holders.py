"""The importer of 21st-century office holders (scripts/import_holders.py), on rows of our own."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "import_holders.py"


@pytest.fixture(scope="module")
def importer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_holders", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_holders"] = module
    spec.loader.exec_module(module)
    return module


def _term(
    importer: ModuleType, person: str, start: str, end: str, name: str = "Ana Lima"
) -> object:
    return importer.Term("Q1", person, name, start, end, "code:test")


def test_an_open_term_closes_when_the_next_holder_starts(importer: ModuleType) -> None:
    terms = [
        _term(importer, "Q10", "2001-01-01", "?2022-07-23"),
        _term(importer, "Q11", "2005-03-01", "?2022-07-23"),
    ]
    closed = importer._closed(terms, [])
    assert [(t.person, t.end) for t in closed] == [("Q10", "2005-03-01"), ("Q11", "2022-07-23")]


def test_a_holder_already_in_the_tables_closes_an_open_term(importer: ModuleType) -> None:
    closed = importer._closed(
        [_term(importer, "Q10", "2019-01-01", "?2022-07-23")], [("Q1", "2021-06-01")]
    )
    assert closed[0].end == "2021-06-01"


def test_an_acting_term_under_a_month_is_dropped(importer: ModuleType) -> None:
    assert importer._closed([_term(importer, "Q10", "2009-01-20", "2009-01-21")], []) == []


@pytest.mark.parametrize(
    ("name", "state", "surname"),
    [
        ("Ana Lima", "Q155", "Lima"),
        ("Park Minho", "Q884", "Park"),  # family name first
        ("Ana Maria Lima", "Q155", ""),  # three words: which is the surname is unclear
        ("John Smith", "Q30", ""),  # shared by too many people
        ("Theresa May", "Q145", ""),  # a month
        ("Li Wu", "Q148", ""),  # too short to stand alone
    ],
)
def test_a_surname_is_kept_only_when_it_can_name_one_person(
    importer: ModuleType, name: str, state: str, surname: str
) -> None:
    term = _term(importer, "Q10", "2001-01-01", "2002-01-01", name=name)
    assert importer._surname(term, state, set()) == surname


def test_a_surname_someone_else_already_has_is_not_added(importer: ModuleType) -> None:
    term = _term(importer, "Q10", "2001-01-01", "2002-01-01", name="Ana Lima")
    assert importer._surname(term, "Q155", {"lima"}) == ""


def test_a_term_repeated_with_two_ends_keeps_the_later(importer: ModuleType) -> None:
    terms = [
        _term(importer, "Q10", "2016-05-24", "2017-07-19"),
        _term(importer, "Q10", "2016-05-24", "2018-07-09"),
        _term(importer, "Q10", "2016-05-24", "?2022-07-23"),
    ]
    assert [t.end for t in importer._one_per_start(terms)] == ["2018-07-09"]


def _labelled(importer: ModuleType, person: str, start: str, end: str, label: str) -> object:
    return importer.Term("Q1", person, "Ana Lima", start, end, "code:test", label)


def test_a_second_label_counts_only_where_it_overlaps_no_holder_of_the_offices_label(
    importer: ModuleType,
) -> None:
    # the office's own label, then an older name of it (kept), then a label filed beside its
    # holders (a foreign secretary beside the minister: dropped)
    main, other = "Minister of External Affairs", "Minister of Foreign Affairs"
    terms = [
        _labelled(importer, "Q10", "2000-01-01", "2010-01-01", main),
        _labelled(importer, "Q11", "2010-01-01", "2020-01-01", main),
        _labelled(importer, "Q12", "2003-01-01", "2006-01-01", other),
        _labelled(importer, "Q13", "1995-01-01", "1999-12-31", other),
    ]
    kept = importer._under_the_offices_label(terms, {"Q1": main})
    assert sorted(t.person for t in kept) == ["Q10", "Q11", "Q13"]


def test_a_term_clashing_with_a_known_holder_is_dropped_but_a_year_only_one_is_read_narrowly(
    importer: ModuleType,
) -> None:
    term = _term(importer, "Q10", "2005-08-03", "2013-08-03")
    assert importer._clashes(
        term,
        [{"office_qid": "Q1", "person_qid": "Q20", "start": "2010-01-01", "end": "2012-01-01"}],
    )
    assert not importer._clashes(
        term, [{"office_qid": "Q1", "person_qid": "Q20", "start": "2013", "end": "2021"}]
    )
