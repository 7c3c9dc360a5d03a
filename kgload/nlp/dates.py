"""Dates in news text, resolved to calendar dates: "nesta terça-feira (12/08)", "12 de julho",
"last month", "há dois anos", "em 2010".

Everything that differs between languages lives in ``kgload/nlp/lexicons/dates_<lang>.toml``
(month and weekday names, the words around weekdays, relative phrases, "ago" phrases, and
templates such as ``"{day} de {mon}[ de {year}]"``); number words ("dois anos") come from
``numbers_<lang>.toml``, shared with `kgload.nlp.quantities`. Adding a language means adding
those two files. Each language compiles to one regular expression the first time it is used.

How a mention is resolved against P, the date the article was published:

- A day and month without a year ("12 de julho", "(12/08)") take the year that puts the date in
  [P - 10 months, P + 2 months): news mostly looks back. A month without a year ("em julho")
  likewise. A day alone ("dia 15", "sexta-feira (15)") takes the nearest month, ties to the past.
- Weekdays follow the word before or after them (see `resolve_weekday`): "nesta/this" = that day
  of P's Monday-Sunday week; "na próxima/next" = the first one after P; "na última/last/passada"
  = the last one before P; a bare "na terça-feira"/"on Tuesday" = the last one on or before P,
  because news reports the past. A day in parentheses ("terça-feira (12/08)") or a date right
  after ("Tuesday, August 12") wins over the weekday.
- Relative phrases ("ontem", "last month", "no ano passado", "há três dias") move P by days,
  months or years and keep that precision. Weeks ("na semana passada") name no single day and
  are not emitted.
- Without P, only dates the text states in full are emitted.

A date no calendar has ("31 de junho", "29/02/2025") gives nothing, not a shorter date. A bare
"d/m" of two single digits ("2/3 dos deputados") counts only in parentheses: it is mostly a
fraction.

A mention covers the words that carry the date, including those that change its meaning
("nesta", "na próxima", "last", "há"); a preposition that only shows a bare month or year is a
date ("em julho", "in 2010") stays outside it. `kind` says which rule produced the value:
``absolute`` (month names, years, "dia 15"), ``numeric`` (digits, also a weekday's "(12/08)"),
``weekday`` (the weekday rule alone: a caller that knows the event is planned may re-resolve it
with `resolve_weekday(..., "future")`) or ``relative``; `ahead` marks a relative date after
the publication ("next week", "no próximo mês", "mañana").

The keys of ``dates_<lang>.toml``: `numeric_order` (``dmy``/``mdy``), `capitalized_names` (month
and weekday names must start with a capital: en "may", "march"), `ordinal_suffixes`,
`templates` and `ago_templates` (placeholders ``{day}``, ``{until}`` (the last day of a range,
read and not kept), ``{month}`` (full name), ``{mon}`` (or an abbreviation), ``{year}``, ``{n}``,
``{unit}``; ``[...]`` optional; a leading ``(a|b)`` required but outside the mention; a comma
optional), `ago_one`, and the tables `months`,
`month_abbreviations`, `weekdays` (Monday = 0), `weekday_rules`, `weekday_determiners` and
`weekday_postmodifiers` (word -> ``this_week``/``future``/``past``/``recent``), `relative`
(phrase -> [unit, offset], unit ``day``/``month``/``year``/``ignore``, or ``same``: "on the same
day" is the day the text stated last before it) and `ago_units`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from kgload.errors import KnowledgeBaseError
from kgload.model import PartialDate, Precision
from kgload.nlp.quantities import (
    _HYPHENS,
    _language,
    _lexicon_key,
    _load_toml,
    _norm,
    _phrases_pattern,
    number_pattern,
    read_number,
)

__all__ = ["DateMention", "Direction", "find_dates", "resolve_weekday"]

Direction = Literal["past", "future", "this_week"]

_MIN_YEAR, _MAX_YEAR = 1900, 2100
_YEAR = r"(?:19\d\d|20\d\d|2100)(?!\d)"
_SENTENCE_OPENERS = frozenset(".!?:;\"'«»“”‘’()[]—–…\n")
# lexicon direction -> resolve_weekday arguments
_DIRECTIONS: Mapping[str, tuple[Direction, bool]] = {
    "this_week": ("this_week", False),
    "future": ("future", False),
    "past": ("past", False),
    "recent": ("past", True),
}
_UNITS = frozenset({"day", "weekend", "week", "month", "year"})


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date the text states; `text` is ``text[start:end]`` of the input.

    `relative` is True when the value needed the published date (a year, a month or the whole
    date came from it); `ahead` when it is a relative date after publication ("next week");
    `opens` when it dates the clause it opens ("on Thursday, a day after Russia attacked"),
    not the one it sits in; `behind` when its own words set it before publication ("last
    Thursday", "na quinta-feira passada").
    """

    start: int
    end: int
    text: str
    value: PartialDate
    relative: bool
    kind: str
    ahead: bool = False
    opens: bool = False
    behind: bool = False


def resolve_weekday(
    weekday: int, published: dt.date, direction: Direction, *, inclusive: bool = False
) -> dt.date:
    """The date a weekday (Monday = 0) names, seen from `published`.

    ``this_week`` is that day of published's Monday-Sunday week, before or after it;
    ``future`` the first one after published and ``past`` the last one before it, or published
    itself when `inclusive` and it is that weekday. `find_dates` reads a bare "on Tuesday" as
    ``past`` inclusive.

    >>> resolve_weekday(4, dt.date(2025, 8, 12), "this_week")
    datetime.date(2025, 8, 15)
    >>> resolve_weekday(1, dt.date(2025, 8, 12), "past", inclusive=True)
    datetime.date(2025, 8, 12)
    """
    if not 0 <= weekday <= 6:
        raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {weekday}")
    if direction == "this_week":
        return published + dt.timedelta(days=weekday - published.weekday())
    if direction == "future":
        ahead = (weekday - published.weekday()) % 7
        return published + dt.timedelta(days=ahead or (0 if inclusive else 7))
    if direction == "past":
        back = (published.weekday() - weekday) % 7
        return published - dt.timedelta(days=back or (0 if inclusive else 7))
    raise ValueError(f"unknown direction {direction!r}")


def find_dates(text: str, *, lang: str, published: dt.date | None) -> list[DateMention]:
    """Every date mention in `text`, resolved, sorted by start; overlapping ones: longest wins.

    >>> [(m.text, m.value.iso()) for m in find_dates(
    ...     "Putin ligou nesta terça-feira (12/08) e no mês passado", lang="pt",
    ...     published=dt.date(2025, 8, 12))]
    [('nesta terça-feira (12/08)', '2025-08-12'), ('no mês passado', '2025-07')]
    """
    grammar = _grammar(_language(lang))
    if isinstance(published, dt.datetime):
        published = published.date()
    candidates: list[_Candidate] = []
    for match in grammar.pattern.finditer(text):
        name = match.lastgroup
        if name is None:
            continue
        alternative = grammar.alternatives[int(name[1:])]
        found = _RESOLVERS[alternative.form](
            _Match(match, name, alternative.parts), grammar, text, published
        )
        if found is not None:
            candidates.append(found)
    chosen = [c for c in _longest_first(candidates) if c.value is not None or c.same_day]
    mentions: list[DateMention] = []
    day: PartialDate | None = None
    for c in _anniversaries(_merge_weekday_dates(chosen, text), text, published):
        value = day if c.same_day else c.value
        if c.back:
            value = _days_from(mentions[-1] if mentions else None, c, text)
        if c.later and value is not None:
            value = _days_later(value, c.later)
        if value is None:
            continue
        if value.precision is Precision.DAY:
            day = value
        mentions.append(
            DateMention(
                c.start,
                c.end,
                text[c.start : c.end],
                value,
                c.relative,
                c.kind,
                ahead=c.ahead,
                behind=c.behind,
                opens=bool(c.back),
            )
        )
    return _merge_month_and_year(mentions, text)


_JOINERS = {"", "of", "de", "do", "da", "del"}


def _days_later(day: PartialDate, days: int) -> PartialDate | None:
    """The day `days` after a day ("no dia seguinte" after "no sábado (8)"), if any."""
    assert day.month is not None and day.day is not None
    try:
        start = dt.date(day.year, day.month, day.day)
        return PartialDate.from_date(start + dt.timedelta(days=days))
    except (OverflowError, ValueError):
        return None


def _days_from(before: DateMention | None, c: _Candidate, text: str) -> PartialDate | None:
    """ "on Thursday, a day after Russia attacked": the clause it opens is `c.back` days from
    the day set just before it, a comma apart; anywhere else ("A day after the attack, …") it
    counts from an event, not a date, and dates nothing."""
    if before is None or before.value.precision is not Precision.DAY:
        return None
    if text[before.end : c.start].strip() != ",":
        return None
    v = before.value
    assert v.month is not None and v.day is not None
    try:
        return PartialDate.from_date(dt.date(v.year, v.month, v.day) + dt.timedelta(days=c.back))
    except (OverflowError, ValueError):
        return None


def _merge_month_and_year(mentions: list[DateMention], text: str) -> list[DateMention]:
    """ "February last year", "fevereiro do ano passado": a bare month followed by a relative
    year is that month of that year, one mention."""
    merged: list[DateMention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind == "absolute"
            and previous.value.precision is Precision.MONTH
            and mention.relative
            and mention.value.precision is Precision.YEAR
            and text[previous.end : mention.start].strip().lower() in _JOINERS
        ):
            value = PartialDate(mention.value.year, previous.value.month)
            merged[-1] = DateMention(
                previous.start,
                mention.end,
                text[previous.start : mention.end],
                value,
                True,
                "relative",
            )
            continue
        merged.append(mention)
    return merged


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    value: PartialDate | None  # None: keeps others off ("hoje em dia", "31 de junho")
    relative: bool
    kind: str
    names_weekday: bool = False
    same_day: bool = False  # "on the same day": the day of the date stated before it
    later: int = 0  # "the next day": that many days after the day stated before it
    ahead: bool = False  # "next week": a relative date after publication
    behind: bool = False  # "last Thursday": a weekday before publication by its own words
    ago: bool = False  # "two years ago": publication moved back by a count of units
    # "on Thursday, a day after …": days from the date set right before it, to what it opens
    back: int = 0


@dataclass(frozen=True, slots=True)
class _Alternative:
    form: str
    parts: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Grammar:
    """One language's calendar lexicon, compiled into one regex of named alternatives."""

    lang: str
    pattern: re.Pattern[str]
    alternatives: tuple[_Alternative, ...]
    day_first: bool
    capitalized: bool
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    determiners: Mapping[str, str]
    postmodifiers: Mapping[str, str]
    needs_determiner: frozenset[str]
    lookalikes: frozenset[str]
    lookalike_followers: frozenset[str]
    relative: Mapping[str, tuple[str, int]]
    ago_units: Mapping[str, str]
    ago_one: frozenset[str]


class _Match:
    """A regex match seen through one alternative's group names (``t3_day`` -> ``day``)."""

    __slots__ = ("_match", "_name", "_parts")

    def __init__(self, match: re.Match[str], name: str, parts: frozenset[str]) -> None:
        self._match, self._name, self._parts = match, name, parts

    @property
    def span(self) -> tuple[int, int]:
        return self._match.span(self._name)

    def get(self, part: str) -> str | None:
        if part not in self._parts:
            return None
        return self._match.group(f"{self._name}_{part}")


# --- resolvers: one per kind of alternative --------------------------------------------------

_Resolver = Callable[[_Match, _Grammar, str, "dt.date | None"], "_Candidate | None"]


def _resolve_template(
    m: _Match, grammar: _Grammar, text: str, published: dt.date | None
) -> _Candidate | None:
    month_text, day_text, year_text = m.get("month"), m.get("day"), m.get("year")
    month = None
    if month_text is not None:
        if grammar.capitalized and not month_text[0].isupper():
            return None
        month = grammar.months[_lexicon_key(month_text.rstrip("."), grammar.months.keys())]
    day = int(day_text) if day_text is not None else None
    year = int(year_text) if year_text is not None else None
    start, end = m.span
    try:
        resolved = _resolve_calendar(year, month, day, published)
    except ValueError:
        return _Candidate(start, end, None, False, "absolute")  # "31 de junho": no date at all
    if resolved is None:
        return None
    opened = _future_word_before(text, start, grammar) if resolved[1] else None
    if opened is not None and published is not None:
        # "no próximo dia 17", "el próximo 17 de marzo": the first such day after publication
        later = _first_after(month, day, published)
        if later is not None:
            return _Candidate(opened, end, later, True, "absolute", ahead=True)
    return _Candidate(start, end, resolved[0], resolved[1], "absolute")


def _future_word_before(text: str, start: int, grammar: _Grammar) -> int | None:
    """Where a word that points after publication ("next", "no próximo": a weekday determiner
    of the `future` way), one to three words long, starts when it ends right before `start`;
    else None."""
    before = text[max(0, start - 40) : start]
    if before[-1:] != " ":
        return None
    words = list(_WORD.finditer(before))
    for count in (3, 2, 1):
        if len(words) < count:
            continue
        phrase = " ".join(w.group() for w in words[-count:])
        if grammar.determiners.get(_norm(phrase)) == "future":
            return start - len(before) + words[-count].start()
    return None


_WORD = re.compile(r"\S+")


def _first_after(month: int | None, day: int | None, published: dt.date) -> PartialDate | None:
    """The first date after `published` with the given day (and month): "dia 17" the next 17th,
    "17 de março" the next 17 March, "março" alone the next March."""
    for months in range(1 if day is None else 0, 25):
        year, index = divmod(published.year * 12 + published.month - 1 + months, 12)
        if month is not None and index + 1 != month:
            continue
        if day is None:
            return PartialDate(year, index + 1)
        try:
            candidate = dt.date(year, index + 1, day)
        except ValueError:
            continue
        if candidate > published:
            return PartialDate.from_date(candidate)
    return None


def _resolve_numeric(
    m: _Match, grammar: _Grammar, text: str, published: dt.date | None
) -> _Candidate | None:
    first, second, year_text = m.get("a") or "", m.get("b") or "", m.get("y")
    start, end = m.span
    if year_text is None:
        if m.get("sep") != "/":
            return None  # "12.08" is a decimal number, "12-08" a score
        in_parentheses = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
        if not in_parentheses and len(first) + len(second) < 3:
            return None  # "2/3" is a fraction more often than the 2nd of March
    day, month = (first, second) if grammar.day_first else (second, first)
    try:
        resolved = _resolve_numbers(day, month, year_text, published)
    except ValueError:
        return _Candidate(start, end, None, False, "numeric")
    if resolved is None:
        return None
    return _Candidate(start, end, resolved[0], resolved[1], "numeric")


def _resolve_iso(
    m: _Match, grammar: _Grammar, text: str, published: dt.date | None
) -> _Candidate | None:
    start, end = m.span
    try:
        resolved = _resolve_numbers(m.get("d") or "", m.get("m") or "", m.get("y"), published)
    except ValueError:
        return _Candidate(start, end, None, False, "numeric")
    if resolved is None:
        return None
    return _Candidate(start, end, resolved[0], False, "numeric")


def _resolve_weekday_mention(
    m: _Match, grammar: _Grammar, text: str, published: dt.date | None
) -> _Candidate | None:
    name_text = m.get("wd") or ""
    if grammar.capitalized and not name_text[:1].isupper():
        return None
    name = _lexicon_key(name_text, grammar.weekdays.keys())
    weekday = grammar.weekdays[name]
    day_text = m.get("pd")
    start, end = m.span
    comma_day = m.get("cd")
    if comma_day is not None and published is not None:
        # only a day that falls on that weekday near publication ("sexta-feira, 10");
        # otherwise the number is something else and the weekday stands alone
        near = _resolve_day_near(int(comma_day), published, weekday)
        if near is not None and _weekday_of(near[0]) == weekday:
            return _Candidate(start, end, near[0], near[1], "numeric", True)
        end = start + len(text[start:end].split(",")[0])
    if day_text is None:
        if not _names_weekday(m, grammar, name, text, end):
            return None
    else:
        explicit = _day_in_parentheses(m, day_text, weekday, published)
        if explicit is not None:
            return _Candidate(start, end, explicit[0], explicit[1], "numeric", True)
    if published is None:
        return None
    direction = _weekday_direction(m, grammar)
    way, inclusive = _DIRECTIONS[direction]
    try:
        value = resolve_weekday(weekday, published, way, inclusive=inclusive)
    except OverflowError:
        return None  # a week past the end of the calendar (published 9999-12-31)
    return _Candidate(
        start, end, PartialDate.from_date(value), True, "weekday", True, behind=direction == "past"
    )


def _names_weekday(m: _Match, grammar: _Grammar, name: str, text: str, end: int) -> bool:
    """Whether a weekday's name without a date names the day: a name that needs a determiner
    has one, and a short form that is also an ordinal reads as the weekday ("na segunda,")."""
    if name in grammar.needs_determiner and m.get("det") is None:
        return False
    return not (
        name in grammar.lookalikes
        and m.get("post") is None
        and not _lookalike_is_weekday(grammar, text, end)
    )


def _day_in_parentheses(
    m: _Match, day_text: str, weekday: int, published: dt.date | None
) -> tuple[PartialDate, bool] | None:
    """The date in parentheses after a weekday ("terça-feira (12/08)", "sexta-feira (15)"), or
    None when no calendar has it ("(31/06)": the weekday alone still says something)."""
    month_text = m.get("pm")
    try:
        if month_text is not None:
            return _resolve_numbers(day_text, month_text, m.get("py"), published)
        return _resolve_day_near(int(day_text), published, weekday)
    except ValueError:
        return None


def _weekday_direction(m: _Match, grammar: _Grammar) -> str:
    """The way a weekday points from publication, by the word after it, else before it, else
    the last one on or before it."""
    post, determiner = m.get("post"), m.get("det")
    if post is not None:
        return grammar.postmodifiers[_lexicon_key(post, grammar.postmodifiers.keys())]
    if determiner is not None:
        return grammar.determiners[_lexicon_key(determiner, grammar.determiners.keys())]
    return "recent"


def _resolve_relative(
    m: _Match, grammar: _Grammar, text: str, published: dt.date | None
) -> _Candidate | None:
    start, end = m.span
    if _capitalized_mid_sentence(text, start):
        return None  # "Russia Today", "USA Today": a name
    unit, offset = grammar.relative[_lexicon_key(text[start:end], grammar.relative.keys())]
    if unit == "ignore":
        return _Candidate(start, end, None, True, "relative")
    if unit == "same":
        # its value is the day stated last before it, set once every mention is known
        return _Candidate(start, end, None, True, "relative", same_day=True, back=offset)
    if unit == "following":
        # "no dia seguinte", "the next day": days after the day stated last before it
        return _Candidate(start, end, None, True, "relative", same_day=True, later=offset)
    if published is None:
        return None
    try:
        value = _shift(published, unit, offset)
    except (OverflowError, ValueError):
        return None  # "yesterday" of 0001-01-01 is not a date we can write
    # "next week", "no próximo mês", "mañana": a stretch after publication
    return _Candidate(start, end, value, True, "relative", ahead=offset > 0)


def _resolve_ago(
    m: _Match, grammar: _Grammar, text: str, published: dt.date | None
) -> _Candidate | None:
    start, end = m.span
    if published is None or _capitalized_mid_sentence(text, start):
        return None
    count_text = _norm(m.get("n") or "")
    count = 1 if count_text in grammar.ago_one else read_number(count_text, lang=grammar.lang)
    if not count:
        return None
    unit = grammar.ago_units[_lexicon_key(m.get("unit") or "", grammar.ago_units.keys())]
    try:
        value = _shift(published, unit, -count)
    except (OverflowError, ValueError):
        return None  # "há 100 mil anos" is not a date we can write
    return _Candidate(start, end, value, True, "relative", ago=True)


_RESOLVERS: Mapping[str, _Resolver] = {
    "template": _resolve_template,
    "numeric": _resolve_numeric,
    "iso": _resolve_iso,
    "weekday": _resolve_weekday_mention,
    "relative": _resolve_relative,
    "ago": _resolve_ago,
}


# --- calendar arithmetic ---------------------------------------------------------------------


def _resolve_calendar(
    year: int | None, month: int | None, day: int | None, published: dt.date | None
) -> tuple[PartialDate, bool] | None:
    """A PartialDate from the parts the text gives; missing parts come from `published`.

    None when the parts need `published` and it is missing or puts no date in the window;
    ValueError when no calendar has that date (31 June, 29 February 2025).
    """
    if year is not None:
        if month is None:
            return (PartialDate(year), False) if day is None else None
        return PartialDate(year, month, day), False
    if day is not None and month is not None:
        dt.date(2000, month, day)  # a leap year: is there ever such a day?
    if published is None:
        return None
    if month is None:
        return None if day is None else _resolve_day_near(day, published)
    if day is None:
        year = _year_of_month(month, published)
        if not dt.MINYEAR <= year <= dt.MAXYEAR:
            return None
        return PartialDate(year, month), True
    found = _year_of_day(month, day, published)
    return None if found is None else (PartialDate(found, month, day), True)


def _resolve_numbers(
    day_text: str, month_text: str, year_text: str | None, published: dt.date | None
) -> tuple[PartialDate, bool] | None:
    day, month = int(day_text), int(month_text)
    year = None
    if year_text is not None:
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000 if year < 70 else 1900
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            raise ValueError(f"year out of range: {year}")
    return _resolve_calendar(year, month, day, published)


def _add_months(value: dt.date, months: int) -> dt.date:
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    for day in range(value.day, 27, -1):  # clamp 31 March - 1 month to 28/29 February
        try:
            return dt.date(year, month + 1, day)
        except ValueError:
            continue
    return dt.date(year, month + 1, min(value.day, 28))


def _year_of_day(month: int, day: int, published: dt.date) -> int | None:
    """The year that puts day/month in [published - 10 months, published + 2 months)."""
    low, high = _add_months(published, -10), _add_months(published, 2)
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if low <= candidate < high:
            return year
    return None


def _year_of_month(month: int, published: dt.date) -> int:
    """The year that puts the month among the ten before published's month and the one after."""
    here = published.year * 12 + published.month - 1
    for year in (published.year - 1, published.year, published.year + 1):
        if here - 10 <= year * 12 + month - 1 < here + 2:
            return year
    raise AssertionError("twelve consecutive months hold every month once")


def _weekday_of(value: PartialDate) -> int | None:
    if value.month is None or value.day is None:
        return None
    return dt.date(value.year, value.month, value.day).weekday()


def _resolve_day_near(
    day: int, published: dt.date | None, weekday: int | None = None
) -> tuple[PartialDate, bool] | None:
    """Day `day` of the month before, of or after published's: the nearest, ties to the past;
    a date on `weekday` first when there is one ("sexta-feira (15)")."""
    if published is None:
        return None
    options = []
    for months in (-1, 0, 1):
        year, month = divmod(published.year * 12 + published.month - 1 + months, 12)
        try:
            options.append(dt.date(year, month + 1, day))
        except ValueError:
            continue
    on_weekday = [d for d in options if d.weekday() == weekday]
    options = on_weekday or options
    if not options:
        return None
    best = min(options, key=lambda d: (abs((d - published).days), d > published))
    return PartialDate.from_date(best), True


def _shift(published: dt.date, unit: str, offset: int) -> PartialDate:
    """Published moved by `offset` units; ValueError or OverflowError outside years 1-9999."""
    if unit == "day":
        return PartialDate.from_date(published + dt.timedelta(days=offset))
    if unit == "weekend":
        return _weekend(published, offset)
    if unit == "week":
        return _week(published, offset)
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + offset, 12)
    else:
        year, month = published.year + offset, None
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise ValueError(f"year {year} is outside the calendar")
    return PartialDate(year) if month is None else PartialDate(year, month + 1)


def _week(published: dt.date, offset: int) -> PartialDate:
    """ "last week" (-1), "this week" (0), "next week" (1): Monday to Sunday, as the month its
    seven days share, else the year of its Monday."""
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
    return _days_shared(monday, monday + dt.timedelta(days=6))


def _weekend(published: dt.date, offset: int) -> PartialDate:
    """ "over the weekend" (-1: the last one begun before the publication day), "this weekend"
    (0: the one of its week), "next weekend" (1). A weekend is two days: the month they share,
    else the year of its Saturday."""
    saturday = published + dt.timedelta(days=5 - published.weekday())
    if offset < 0 and saturday >= published:
        saturday -= dt.timedelta(days=7)
    saturday += dt.timedelta(days=7 * (offset + 1 if offset < 0 else offset))
    return _days_shared(saturday, saturday + dt.timedelta(days=1))


def _days_shared(first: dt.date, last: dt.date) -> PartialDate:
    """A stretch of days as the month they share, else the year of its first day."""
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(first.year, first.month)
    return PartialDate(first.year)


# --- text checks -----------------------------------------------------------------------------


def _capitalized_mid_sentence(text: str, start: int) -> bool:
    if not text[start : start + 1].isupper():
        return False
    before = text[:start].rstrip(" \t\u00a0")
    return bool(before) and before[-1] not in _SENTENCE_OPENERS


_NEXT_WORD = re.compile(r"\s*([^\W\d_][\w'’]*)?")


def _lookalike_is_weekday(grammar: _Grammar, text: str, end: int) -> bool:
    """Whether a short form that is also an ordinal is the weekday: "na segunda," is Monday,
    "na segunda rodada" the second round."""
    following = _NEXT_WORD.match(text, end)
    assert following is not None  # the pattern matches the empty string
    rest = text[following.end() :]
    if following.group(1) is None:
        return not rest[:1].isalnum()
    return _norm(following.group(1)) in grammar.lookalike_followers


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    # the chosen mentions are disjoint: kept by start, only the last one starting before a
    # candidate's end can overlap it (checking all of them is quadratic on a long text)
    chosen: list[_Candidate] = []
    starts: list[int] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        k = bisect_left(starts, candidate.end) - 1
        if k < 0 or chosen[k].end <= candidate.start:
            position = bisect_left(starts, candidate.start)
            starts.insert(position, candidate.start)
            chosen.insert(position, candidate)
    return chosen


_BETWEEN_WEEKDAY_AND_DATE = re.compile(r"\s*(?:,|(\())?\s*")
_CLOSING_PARENTHESIS = re.compile(r"\s*\)")


def _merge_weekday_dates(chosen: list[_Candidate], text: str) -> list[_Candidate]:
    """Join a weekday to the date right after it ("Tuesday, August 12", "Tuesday (Aug. 12)"):
    one mention, and the stated date wins over the weekday rule."""
    merged: list[_Candidate] = []
    for candidate in chosen:
        previous = merged[-1] if merged else None
        between = (
            _BETWEEN_WEEKDAY_AND_DATE.fullmatch(text, previous.end, candidate.start)
            if previous is not None and previous.kind == "weekday"
            else None
        )
        closing = None
        if between is not None and between.group(1):
            closing = _CLOSING_PARENTHESIS.match(text, candidate.end)
            if closing is None:
                between = None
        if (
            previous is not None
            and between is not None
            and not candidate.names_weekday
            and candidate.value is not None
            and candidate.value.precision is Precision.DAY
        ):
            end = candidate.end if closing is None else closing.end()
            merged[-1] = replace(candidate, start=previous.start, end=end, names_weekday=True)
        else:
            merged.append(candidate)
    return merged


_BETWEEN_AGO_AND_TODAY = re.compile(r"\s*,?\s*")


def _anniversaries(
    chosen: list[_Candidate], text: str, published: dt.date | None
) -> list[_Candidate]:
    """ "Hace un año hoy", "a year ago today", "há um ano, hoje": a count of years or months
    ago beside "today" is that very day, that many years or months before publication (an
    anniversary), one mention with the day's precision."""
    if published is None:
        return chosen
    today = PartialDate.from_date(published)
    merged: list[_Candidate] = []
    for candidate in chosen:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.ago != candidate.ago
            and _BETWEEN_AGO_AND_TODAY.fullmatch(text, previous.end, candidate.start)
        ):
            ago, now = (previous, candidate) if previous.ago else (candidate, previous)
            day = _same_day_back(ago.value, published)
            if day is not None and now.kind == "relative" and now.value == today:
                merged[-1] = replace(ago, start=previous.start, end=candidate.end, value=day)
                continue
        merged.append(candidate)
    return merged


def _same_day_back(value: PartialDate | None, published: dt.date) -> PartialDate | None:
    """Publication's day of the month (and month) in the month or year `value` names."""
    if value is None or value.precision is Precision.DAY:
        return None
    month = published.month if value.month is None else value.month
    try:
        return PartialDate.from_date(dt.date(value.year, month, published.day))
    except ValueError:
        return None  # 29 February a year on, 31 March a month on: no such day


# --- compiling a lexicon ---------------------------------------------------------------------

_TEMPLATE_TOKEN = re.compile(r"\{(\w+)\}|\[|\]|,| +|[^\s\[\]{},]+")


def _compile_template(
    template: str, gid: str, parts: Mapping[str, tuple[str, str]]
) -> tuple[str, set[str]]:
    """Regex source for one template; ``{x}`` becomes group ``<gid>_x``."""
    context = ""
    body = template.strip()
    if body.startswith("("):
        close = body.index(")")
        context = rf"(?:{_phrases_pattern(body[1:close].split('|'))})\s+"
        body = body[close + 1 :].lstrip()
    out: list[str] = []
    used: set[str] = set()
    for token in _TEMPLATE_TOKEN.finditer(body):
        piece = token.group(0)
        if token.group(1) is not None:
            part = token.group(1)
            if part not in parts:
                raise KnowledgeBaseError(f"unknown placeholder {{{part}}} in template {template!r}")
            group = "month" if part == "mon" else part
            used.add(group)
            inside, after = parts[part]
            out.append(f"(?P<{gid}_{group}>{inside}){after}")
        elif piece == "[":
            out.append("(?:")
        elif piece == "]":
            out.append(")?")
        elif piece == ",":
            out.append(",?")
        elif piece.isspace():
            out.append(r"\s+")
        else:
            out.append(_phrases_pattern([piece]))
    return rf"{context}(?P<{gid}>{''.join(out)})(?!\w)", used


def _words(table: Mapping[str, Any]) -> dict[str, Any]:
    return {_norm(key): value for key, value in table.items()}


@functools.cache
def _grammar(lang: str) -> _Grammar:
    data = _load_toml("dates", lang)
    months = _words(data["months"])
    abbreviations = _words(data["month_abbreviations"])
    weekdays = _words(data["weekdays"])
    determiners = _words(data["weekday_determiners"])
    postmodifiers = _words(data["weekday_postmodifiers"])
    rules = data["weekday_rules"]
    relative = {k: (str(v[0]), int(v[1])) for k, v in _words(data["relative"]).items()}
    ago_units = _words(data["ago_units"])
    _check_lexicon(lang, [*determiners.values(), *postmodifiers.values()], relative)
    parts = _placeholder_parts(data, lang, months, abbreviations, ago_units)

    alternatives = _Alternatives()
    alternatives.add(
        "weekday",
        _weekday_source(alternatives.next_id(), determiners, weekdays, postmodifiers),
        {"det", "wd", "post", "pd", "pm", "py", "cd"},
    )
    g = alternatives.next_id()
    alternatives.add("relative", rf"(?P<{g}>{_phrases_pattern(relative)})(?!\w)", set())
    for template in data["ago_templates"]:
        alternatives.add("ago", *_compile_template(template, alternatives.next_id(), parts))
    alternatives.add("iso", _iso_source(alternatives.next_id()), {"y", "m", "d"})
    alternatives.add("numeric", _numeric_source(alternatives.next_id()), {"a", "b", "sep", "y"})
    for template in data["templates"]:
        alternatives.add("template", *_compile_template(template, alternatives.next_id(), parts))
    pattern = alternatives.compile()

    order = data["numeric_order"]
    if order not in ("dmy", "mdy"):
        raise KnowledgeBaseError(
            f"dates_{lang}: numeric_order must be 'dmy' or 'mdy', not {order!r}"
        )
    return _Grammar(
        lang=lang,
        pattern=pattern,
        alternatives=tuple(alternatives.forms),
        day_first=order == "dmy",
        capitalized=bool(data["capitalized_names"]),
        months={**abbreviations, **months},
        weekdays=weekdays,
        determiners=determiners,
        postmodifiers=postmodifiers,
        needs_determiner=frozenset(_norm(w) for w in rules["needs_determiner"]),
        lookalikes=frozenset(_norm(w) for w in rules["ordinal_lookalikes"]),
        lookalike_followers=frozenset(_norm(w) for w in rules["lookalike_followers"]),
        relative=relative,
        ago_units=ago_units,
        ago_one=frozenset(_norm(w) for w in data["ago_one"]),
    )


def _check_lexicon(
    lang: str, directions: list[str], relative: Mapping[str, tuple[str, int]]
) -> None:
    """Every weekday word points a known way and every relative phrase moves by a known unit."""
    for direction in directions:
        if direction not in _DIRECTIONS:
            raise KnowledgeBaseError(f"dates_{lang}: unknown weekday direction {direction!r}")
    for unit, _offset in relative.values():
        if unit not in {*_UNITS, "ignore", "same", "following"}:
            raise KnowledgeBaseError(f"dates_{lang}: unknown unit {unit!r}")


def _placeholder_parts(
    data: Mapping[str, Any],
    lang: str,
    months: Mapping[str, int],
    abbreviations: Mapping[str, int],
    ago_units: Mapping[str, str],
) -> dict[str, tuple[str, str]]:
    """Each template placeholder -> (what its group holds, what must follow it)."""
    suffixes = _phrases_pattern(data["ordinal_suffixes"])
    full_months = _phrases_pattern(months)
    return {
        "day": (r"\d{1,2}", rf"(?!\d)(?:{suffixes})?"),
        # the last day of a range ("de 14 a 15 de dezembro"): read, not kept; an event told
        # over a range is dated by its first day
        "until": (r"\d{1,2}", rf"(?!\d)(?:{suffixes})?"),
        "month": (full_months, ""),
        "mon": (rf"{full_months}|(?:{_phrases_pattern(abbreviations)})\.?", ""),
        "year": (_YEAR, ""),
        "n": (rf"{number_pattern(lang)}|{_phrases_pattern(data['ago_one'])}", ""),
        "unit": (_phrases_pattern(ago_units), ""),
    }


class _Alternatives:
    """The named alternatives of one language's date pattern, in the order they are tried;
    each names its groups with its own prefix (``t3_day``)."""

    def __init__(self) -> None:
        self.forms: list[_Alternative] = []
        self.sources: list[str] = []

    def next_id(self) -> str:
        """The group prefix of the next alternative added."""
        return f"t{len(self.sources)}"

    def add(self, form: str, source: str, used: set[str]) -> None:
        self.forms.append(_Alternative(form, frozenset(used)))
        self.sources.append(source)

    def compile(self) -> re.Pattern[str]:
        """One pattern that finds every alternative at each word start (a lookahead, so that
        overlapping mentions are all seen)."""
        return re.compile(r"(?<!\w)(?=(?:" + "|".join(self.sources) + "))", re.IGNORECASE)


def _weekday_source(
    g: str,
    determiners: Mapping[str, str],
    weekdays: Mapping[str, int],
    postmodifiers: Mapping[str, str],
) -> str:
    """A weekday with the words around it: "nesta terça-feira (12/08)", "na sexta-feira, 10"."""
    return (
        rf"(?P<{g}>(?:(?P<{g}_det>{_phrases_pattern(determiners)})\s+)?"
        rf"(?P<{g}_wd>{_phrases_pattern(weekdays)})(?![\w{_HYPHENS}])"
        rf"(?:\s+(?P<{g}_post>{_phrases_pattern(postmodifiers)})(?!\w))?"
        rf"(?:\s*\((?P<{g}_pd>\d{{1,2}})(?:[/.](?P<{g}_pm>\d{{1,2}})"
        rf"(?:[/.](?P<{g}_py>\d{{4}}|\d{{2}}))?)?\)"
        # "na sexta-feira, 10, em Washington": a day number set off by commas
        rf"|,\s*(?P<{g}_cd>\d{{1,2}})(?=\s*[,.;)]))?)"
    )


def _iso_source(g: str) -> str:
    """ "2024-05-09", not inside a longer run of numbers."""
    return (
        rf"(?<![/.,{_HYPHENS}])(?P<{g}>(?P<{g}_y>\d{{4}})-(?P<{g}_m>\d{{1,2}})-(?P<{g}_d>\d{{1,2}}))"
        rf"(?!\d|[/.,{_HYPHENS}]\d)"
    )


def _numeric_source(g: str) -> str:
    """ "12/08", "12.08.2024", "8-12-24": two numbers and maybe a year, one separator."""
    return (
        rf"(?<![/.,{_HYPHENS}])(?P<{g}>(?P<{g}_a>\d{{1,2}})(?P<{g}_sep>[/.\-])(?P<{g}_b>\d{{1,2}})"
        rf"(?:(?P={g}_sep)(?P<{g}_y>\d{{4}}|\d{{2}}))?)(?!\d|[/.,{_HYPHENS}]\d)"
    )
