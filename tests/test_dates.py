"""Dates found and resolved in pt/en/es text (kgload.nlp.dates)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgload.errors import KnowledgeBaseError
from kgload.model import PartialDate
from kgload.nlp.dates import DateMention, find_dates, resolve_weekday

# A Tuesday: the seed article's date.
PUBLISHED = dt.date(2025, 8, 12)
NEW_YEAR = dt.date(2026, 1, 5)
LATE_DECEMBER = dt.date(2025, 12, 20)
LEAP_SPRING = dt.date(2024, 3, 10)
COMMON_SPRING = dt.date(2025, 3, 10)

Expected = list[tuple[str, str, str]]  # (mention text, ISO value, kind)


def case(text: str, *expected: tuple[str, str, str], published: dt.date | None = PUBLISHED) -> Any:
    return pytest.param(text, published, list(expected), id=f"{text[:40]}@{published}")


def check(text: str, lang: str, published: dt.date | None, expected: Expected) -> None:
    mentions = find_dates(text, lang=lang, published=published)
    assert [(m.text, m.value.iso(), m.kind) for m in mentions] == expected
    assert_well_formed(text, mentions)


def assert_well_formed(text: str, mentions: list[DateMention]) -> None:
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    for before, after in itertools.pairwise(mentions):
        assert before.end <= after.start


PT_CASES = [
    # absolute, with and without a year
    case("assinado em 12 de julho de 2025", ("12 de julho de 2025", "2025-07-12", "absolute")),
    case("realizada em Wonsan em 12 de julho,", ("12 de julho", "2025-07-12", "absolute")),
    case("desde 3 de janeiro", ("3 de janeiro", "2025-01-03", "absolute")),
    case("até 11 de outubro", ("11 de outubro", "2025-10-11", "absolute")),
    case("em 12 de outubro", ("12 de outubro", "2024-10-12", "absolute")),
    case("o feriado de 1º de maio", ("1º de maio", "2025-05-01", "absolute")),
    case("o 1.º de maio de 2024", ("1.º de maio de 2024", "2024-05-01", "absolute")),
    case("no dia 15 de julho", ("dia 15 de julho", "2025-07-15", "absolute")),
    case("no dia 15", ("dia 15", "2025-08-15", "absolute")),
    case("no dia 28", ("dia 28", "2025-07-28", "absolute")),
    case("em 12 de ago. de 2025", ("12 de ago. de 2025", "2025-08-12", "absolute")),
    # months and years need a preposition
    case("em julho de 2024", ("julho de 2024", "2024-07", "absolute")),
    case("o acordo de julho de 2024", ("julho de 2024", "2024-07", "absolute")),
    case("em julho", ("julho", "2025-07", "absolute")),
    # a schedule: "marcada para julho", "adiada para julho"
    case("está marcada para julho", ("julho", "2025-07", "absolute")),
    case("no mês de março", ("março", "2025-03", "absolute")),
    case("em outubro", ("outubro", "2024-10", "absolute")),
    case("julho foi quente"),
    case("em 2010", ("2010", "2010", "absolute")),
    case("desde 2014 e até 2030", ("2014", "2014", "absolute"), ("2030", "2030", "absolute")),
    case("a cúpula de 2010 e 1500 soldados"),
    case("em mar aberto"),
    # numeric
    case(
        "nesta data (12/08)",
        ("nesta data", "2025-08-12", "relative"),
        ("12/08", "2025-08-12", "numeric"),
    ),
    case("o prazo 12/08 acabou", ("12/08", "2025-08-12", "numeric")),
    case("em 12/08/2025", ("12/08/2025", "2025-08-12", "numeric")),
    case("em 12/08/25", ("12/08/25", "2025-08-12", "numeric")),
    case("em 12.08.2025", ("12.08.2025", "2025-08-12", "numeric")),
    case("em 2025-08-12", ("2025-08-12", "2025-08-12", "numeric")),
    case("2/3 dos deputados"),
    case("subiu 12.08 pontos e 12-08 no placar"),
    case("a versão 1/12/08/3"),
    case("em 31/06/2025 e (31/06)"),
    case("em 13/25"),
    # weekdays
    case("nesta terça-feira (12/08)", ("nesta terça-feira (12/08)", "2025-08-12", "numeric")),
    case("esta sexta-feira (15/08)", ("esta sexta-feira (15/08)", "2025-08-15", "numeric")),
    case("nesta terça-feira", ("nesta terça-feira", "2025-08-12", "weekday")),
    case("nesta sexta-feira", ("nesta sexta-feira", "2025-08-15", "weekday")),
    case("nesta segunda-feira", ("nesta segunda-feira", "2025-08-11", "weekday")),
    case("na terça-feira", ("na terça-feira", "2025-08-12", "weekday")),
    case("disse nesta terça.", ("nesta terça", "2025-08-12", "weekday")),
    case("na última sexta-feira", ("na última sexta-feira", "2025-08-08", "weekday")),
    case("na última terça-feira", ("na última terça-feira", "2025-08-05", "weekday")),
    case("na próxima segunda, disse", ("na próxima segunda", "2025-08-18", "weekday")),
    case("na próxima terça-feira", ("na próxima terça-feira", "2025-08-19", "weekday")),
    case("no domingo", ("no domingo", "2025-08-10", "weekday")),
    case("no sábado passado", ("no sábado passado", "2025-08-09", "weekday")),
    case("na sexta-feira que vem", ("na sexta-feira que vem", "2025-08-15", "weekday")),
    case("segunda-feira (11)", ("segunda-feira (11)", "2025-08-11", "numeric")),
    case("sexta-feira (15)", ("sexta-feira (15)", "2025-08-15", "numeric")),
    case("na sexta-feira (1º)", ("na sexta-feira", "2025-08-08", "weekday")),
    case(
        "terça-feira, 12 de agosto de 2025",
        ("terça-feira, 12 de agosto de 2025", "2025-08-12", "absolute"),
    ),
    case("nesta terça-feira, dia 12", ("nesta terça-feira, dia 12", "2025-08-12", "absolute")),
    case("na segunda rodada de negociações"),
    case("pela quinta vez"),
    case("em Santo Domingo"),
    # relative
    case("hoje", ("hoje", "2025-08-12", "relative")),
    case("Ontem, o Kremlin", ("Ontem", "2025-08-11", "relative")),
    case("amanhã", ("amanhã", "2025-08-13", "relative")),
    case("anteontem", ("anteontem", "2025-08-10", "relative")),
    case("assinado no ano passado", ("no ano passado", "2024", "relative")),
    case("o ano passado foi", ("o ano passado", "2024", "relative")),
    case(
        "neste ano e no próximo ano",
        ("neste ano", "2025", "relative"),
        ("no próximo ano", "2026", "relative"),
    ),
    case("No mês passado, o governo", ("No mês passado", "2025-07", "relative")),
    case("neste mês", ("neste mês", "2025-08", "relative")),
    case("na semana passada", ("na semana passada", "2025-08", "relative")),
    case("há dois anos", ("há dois anos", "2023", "relative")),
    case("há três dias", ("há três dias", "2025-08-09", "relative")),
    case("há 10 meses", ("há 10 meses", "2024-10", "relative")),
    case("dois anos atrás", ("dois anos atrás", "2023", "relative")),
    case("há duas semanas"),
    case("hoje em dia"),
    # calendar checks
    case("31 de junho de 2025"),
    case("31 de setembro"),
    case("29 de fevereiro de 2024", ("29 de fevereiro de 2024", "2024-02-29", "absolute")),
    case("29 de fevereiro de 2025"),
    case("29 de fevereiro", ("29 de fevereiro", "2024-02-29", "absolute"), published=LEAP_SPRING),
    case("(29/02)", ("29/02", "2024-02-29", "numeric"), published=LEAP_SPRING),
    case("29 de fevereiro", published=COMMON_SPRING),
    # January rollover
    case("28 de dezembro", ("28 de dezembro", "2025-12-28", "absolute"), published=NEW_YEAR),
    case("em dezembro", ("dezembro", "2025-12", "absolute"), published=NEW_YEAR),
    case("(30/12)", ("30/12", "2025-12-30", "numeric"), published=NEW_YEAR),
    case("no dia 30", ("dia 30", "2025-12-30", "absolute"), published=NEW_YEAR),
    case("no mês passado", ("no mês passado", "2025-12", "relative"), published=NEW_YEAR),
    case("no ano passado", ("no ano passado", "2025", "relative"), published=NEW_YEAR),
    case(
        "na última quarta-feira",
        ("na última quarta-feira", "2025-12-31", "weekday"),
        published=NEW_YEAR,
    ),
    case("3 de janeiro", ("3 de janeiro", "2026-01-03", "absolute"), published=LATE_DECEMBER),
    case("em janeiro", ("janeiro", "2026-01", "absolute"), published=LATE_DECEMBER),
    # without a published date only complete dates remain
    case(
        "em 12 de julho de 2025, 12 de julho, ontem, nesta terça-feira, (12/08), 12/08/2025, "
        "em julho, em 2010, há dois anos, terça-feira (12/08/2025), no ano passado",
        ("12 de julho de 2025", "2025-07-12", "absolute"),
        ("12/08/2025", "2025-08-12", "numeric"),
        ("2010", "2010", "absolute"),
        ("terça-feira (12/08/2025)", "2025-08-12", "numeric"),
        published=None,
    ),
]

EN_CASES = [
    case("signed July 12, 2025", ("July 12, 2025", "2025-07-12", "absolute")),
    case("on 12 July 2025", ("12 July 2025", "2025-07-12", "absolute")),
    case("on March 3", ("March 3", "2025-03-03", "absolute")),
    case("on the 4th of July, 2024", ("4th of July, 2024", "2024-07-04", "absolute")),
    case("on Aug. 12", ("Aug. 12", "2025-08-12", "absolute")),
    case("by Sept 30", ("Sept 30", "2025-09-30", "absolute")),
    case("in July", ("July", "2025-07", "absolute")),
    case("is scheduled for July", ("July", "2025-07", "absolute")),
    case("in July 2024", ("July 2024", "2024-07", "absolute")),
    case("in 2010", ("2010", "2010", "absolute")),
    case("July was hot"),
    case("they may march 3 miles"),
    case("may 5"),
    case("May 5", ("May 5", "2025-05-05", "absolute")),
    case("8/12", ("8/12", "2025-08-12", "numeric")),
    case("(8/12)", ("8/12", "2025-08-12", "numeric")),
    case("8/12/2025", ("8/12/2025", "2025-08-12", "numeric")),
    case("12/08/2025", ("12/08/2025", "2025-12-08", "numeric")),
    case("2025-08-12", ("2025-08-12", "2025-08-12", "numeric")),
    case("1/2 of them"),
    case("a 2-1 win"),
    case("on Tuesday", ("on Tuesday", "2025-08-12", "weekday")),
    case("said Sunday", ("Sunday", "2025-08-10", "weekday")),
    case("last Friday", ("last Friday", "2025-08-08", "weekday")),
    case("last Tuesday", ("last Tuesday", "2025-08-05", "weekday")),
    case("next Monday", ("next Monday", "2025-08-18", "weekday")),
    case("next Tuesday", ("next Tuesday", "2025-08-19", "weekday")),
    case("this Friday", ("this Friday", "2025-08-15", "weekday")),
    case("this past Saturday", ("this past Saturday", "2025-08-09", "weekday")),
    case("on Tuesday, Aug. 12", ("on Tuesday, Aug. 12", "2025-08-12", "absolute")),
    case("on Friday, August 15, 2025", ("on Friday, August 15, 2025", "2025-08-15", "absolute")),
    case("Tuesday (Aug. 12)", ("Tuesday (Aug. 12)", "2025-08-12", "absolute")),
    case("today", ("today", "2025-08-12", "relative")),
    case("Yesterday, Moscow", ("Yesterday", "2025-08-11", "relative")),
    case("tomorrow", ("tomorrow", "2025-08-13", "relative")),
    case("the day before yesterday", ("the day before yesterday", "2025-08-10", "relative")),
    case("last year", ("last year", "2024", "relative")),
    case("earlier this year", ("this year", "2025", "relative")),
    case("next year", ("next year", "2026", "relative")),
    case("last month", ("last month", "2025-07", "relative")),
    case("this month", ("this month", "2025-08", "relative")),
    case("last week", ("last week", "2025-08", "relative")),
    case("two years ago", ("two years ago", "2023", "relative")),
    case("three days ago", ("three days ago", "2025-08-09", "relative")),
    case("a year ago", ("a year ago", "2024", "relative")),
    case("Russia Today reported"),
    case("June 31, 2025"),
    case("February 29, 2024", ("February 29, 2024", "2024-02-29", "absolute")),
    case("February 29", published=COMMON_SPRING),
    case("Dec. 28", ("Dec. 28", "2025-12-28", "absolute"), published=NEW_YEAR),
    case("last month", ("last month", "2025-12", "relative"), published=NEW_YEAR),
    case("on January 3", ("January 3", "2026-01-03", "absolute"), published=LATE_DECEMBER),
    case(
        "July 12, 2025, July 12, yesterday, on Tuesday, 8/12, 8/12/2025, in July, in 2010",
        ("July 12, 2025", "2025-07-12", "absolute"),
        ("8/12/2025", "2025-08-12", "numeric"),
        ("2010", "2010", "absolute"),
        published=None,
    ),
]

ES_CASES = [
    case("el 12 de julio de 2025", ("12 de julio de 2025", "2025-07-12", "absolute")),
    case("en julio del 2024", ("julio del 2024", "2024-07", "absolute")),
    case("está prevista para julio", ("julio", "2025-07", "absolute")),
    case("en 2010", ("2010", "2010", "absolute")),
    case("el martes", ("el martes", "2025-08-12", "weekday")),
    case("este viernes", ("este viernes", "2025-08-15", "weekday")),
    case("el próximo lunes", ("el próximo lunes", "2025-08-18", "weekday")),
    case("el viernes pasado", ("el viernes pasado", "2025-08-08", "weekday")),
    case("el martes (12/08)", ("el martes (12/08)", "2025-08-12", "numeric")),
    case("hace dos años", ("hace dos años", "2023", "relative")),
    case("ayer", ("ayer", "2025-08-11", "relative")),
    case("anoche", ("anoche", "2025-08-11", "relative")),
    case("antenoche", ("antenoche", "2025-08-10", "relative")),
    case("el año pasado", ("el año pasado", "2024", "relative")),
    case("esta mañana", ("esta mañana", "2025-08-12", "relative")),
    case("por la mañana"),
    case("en Santo Domingo"),
]


@pytest.mark.parametrize(("text", "published", "expected"), PT_CASES)
def test_portuguese(text: str, published: dt.date | None, expected: Expected) -> None:
    check(text, "pt", published, expected)


@pytest.mark.parametrize(("text", "published", "expected"), EN_CASES)
def test_english(text: str, published: dt.date | None, expected: Expected) -> None:
    check(text, "en", published, expected)


@pytest.mark.parametrize(("text", "published", "expected"), ES_CASES)
def test_spanish(text: str, published: dt.date | None, expected: Expected) -> None:
    check(text, "es", published, expected)


def test_relative_flag_says_whether_published_was_needed() -> None:
    mentions = find_dates("12 de julho de 2025 e 12 de julho", lang="pt", published=PUBLISHED)
    assert [m.relative for m in mentions] == [False, True]


def test_values_are_partial_dates_at_their_precision() -> None:
    [mention] = find_dates("em julho de 2024", lang="pt", published=None)
    assert mention.value == PartialDate(2024, 7)


def test_a_datetime_is_read_as_its_date() -> None:
    [mention] = find_dates("ontem", lang="pt", published=dt.datetime(2025, 8, 12, 23, 59))
    assert mention.value == PartialDate(2025, 8, 11)


def test_seed_article() -> None:
    text = (
        "Putin realizou uma conversa telefônica com Kim Jong Un nesta terça-feira (12/08), "
        "no âmbito de um acordo assinado no ano passado. A reunião está marcada para esta "
        "sexta-feira (15/08), no Alasca. Mais de 10 mil soldados foram enviados.\n"
        "No mês passado, em Wonsan em 12 de julho, Choe enfatizou o compromisso."
    )
    mentions = find_dates(text, lang="pt", published=PUBLISHED)
    assert [(m.text, m.value.iso()) for m in mentions] == [
        ("nesta terça-feira (12/08)", "2025-08-12"),
        ("no ano passado", "2024"),
        ("esta sexta-feira (15/08)", "2025-08-15"),
        ("No mês passado", "2025-07"),
        ("12 de julho", "2025-07-12"),
    ]


def test_language_tags_are_reduced_to_the_language() -> None:
    assert find_dates("ontem", lang="pt-BR", published=PUBLISHED)


def test_unknown_language_is_reported() -> None:
    with pytest.raises(KnowledgeBaseError, match="xx"):
        find_dates("hier", lang="xx", published=PUBLISHED)


# --- resolve_weekday -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weekday", "direction", "inclusive", "expected"),
    [
        (1, "this_week", False, dt.date(2025, 8, 12)),
        (0, "this_week", False, dt.date(2025, 8, 11)),
        (6, "this_week", False, dt.date(2025, 8, 17)),
        (1, "future", False, dt.date(2025, 8, 19)),
        (1, "future", True, dt.date(2025, 8, 12)),
        (4, "future", False, dt.date(2025, 8, 15)),
        (1, "past", False, dt.date(2025, 8, 5)),
        (1, "past", True, dt.date(2025, 8, 12)),
        (6, "past", False, dt.date(2025, 8, 10)),
    ],
)
def test_resolve_weekday(weekday: int, direction: str, inclusive: bool, expected: dt.date) -> None:
    assert resolve_weekday(weekday, PUBLISHED, direction, inclusive=inclusive) == expected  # type: ignore[arg-type]


def test_resolve_weekday_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="weekday"):
        resolve_weekday(7, PUBLISHED, "past")
    with pytest.raises(ValueError, match="direction"):
        resolve_weekday(1, PUBLISHED, "sometime")  # type: ignore[arg-type]


PT_WEEKDAYS = [
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "sábado",
    "domingo",
]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAY_PHRASES = [
    ("pt", f"{before} {name}{after}.".strip(), number)
    for number, name in enumerate(PT_WEEKDAYS)
    for before in ("nesta", "na", "no", "na próxima", "no próximo", "na última", "desde", "de")
    for after in ("", " passada", " que vem")
] + [
    ("en", f"{before} {name}.".strip(), number)
    for number, name in enumerate(EN_WEEKDAYS)
    for before in ("on", "this", "next", "last", "this past", "this coming", "")
]


@given(
    published=st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 12, 31)),
    phrase=st.sampled_from(WEEKDAY_PHRASES),
)
def test_a_weekday_is_that_weekday_within_a_week(
    published: dt.date, phrase: tuple[str, str, int]
) -> None:
    lang, text, weekday = phrase
    [mention] = find_dates(text, lang=lang, published=published)
    value = mention.value
    assert value.month is not None and value.day is not None
    day = dt.date(value.year, value.month, value.day)
    assert day.weekday() == weekday
    assert abs((day - published).days) <= 7


WORDS = [
    "12",
    "de",
    "julho",
    "2025",
    "(12/08)",
    "nesta",
    "terça-feira",
    "há",
    "dois",
    "anos",
    "no",
    "ano",
    "passado",
    "em",
    "dia",
    "15",
    "/",
    "-",
    ",",
    "(",
    ")",
    "31",
    "ontem",
    "segunda",
    "1º",
    "2010",
    "08",
    "mil",
    "soldados",
    "hoje",
    "rodada",
]


@given(
    words=st.lists(st.sampled_from(WORDS), max_size=30),
    published=st.none() | st.dates(min_value=dt.date(1901, 1, 1)),
)
def test_any_text_gives_sorted_exact_non_overlapping_mentions(
    words: list[str], published: dt.date | None
) -> None:
    text = " ".join(words)
    mentions = find_dates(text, lang="pt", published=published)
    assert_well_formed(text, mentions)


# 2026-01-05 is a Monday; 2025-08-01 a Friday; 2026-01-31 a Saturday, whose weekend spans two
# months; 2025-08-03 a Sunday
@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [
        ("es", "Durante el fin de semana, Estados Unidos atacó.", NEW_YEAR, "2026-01"),
        ("es", "Se reunirán el próximo fin de semana.", dt.date(2025, 8, 1), "2025-08"),
        ("pt", "No fim de semana, os EUA atacaram.", dt.date(2025, 8, 1), "2025-07"),
        ("pt", "Neste fim de semana eles se reúnem.", dt.date(2025, 8, 1), "2025-08"),
        ("en", "Over the weekend the US struck targets.", NEW_YEAR, "2026-01"),
        ("en", "Over the weekend the US struck targets.", dt.date(2025, 8, 3), "2025-08"),
        ("en", "They meet this weekend.", dt.date(2026, 1, 31), "2026"),
        ("en", "They met last weekend.", dt.date(2025, 12, 29), "2025-12"),
        # weeks, Monday to Sunday: 2025-07-19 is a Saturday; 2025-08-01 a Friday, in a week
        # that spans July and August
        ("pt", "Na semana passada, ele fez uma visita.", dt.date(2025, 7, 19), "2025-07"),
        ("pt", "Eles se reúnem na próxima semana.", dt.date(2025, 7, 19), "2025-07"),
        ("es", "La semana pasada, él hizo una visita.", dt.date(2025, 7, 19), "2025-07"),
        ("en", "Last week he visited Kyiv.", dt.date(2025, 8, 1), "2025-07"),
        ("en", "They meet next week.", dt.date(2025, 8, 1), "2025-08"),
        ("en", "They met earlier this week.", dt.date(2025, 8, 1), "2025"),
    ],
)
def test_a_weekend_or_a_week_is_the_month_its_days_share(
    lang: str, text: str, published: dt.date, expected: str
) -> None:
    [found] = find_dates(text, lang=lang, published=published)
    assert (found.value.iso(), found.relative) == (expected, True)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Rusia ha atacado esta madrugada Ucrania."),
        ("pt", "A Rússia atacou nesta madrugada a Ucrânia."),
        ("es", "Los ministros se reunieron esta tarde."),
    ],
)
def test_a_part_of_today_is_the_publication_day(lang: str, text: str) -> None:
    [found] = find_dates(text, lang=lang, published=PUBLISHED)
    assert found.value.iso() == PUBLISHED.isoformat()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Chile and Peru met on Monday. Brazil signed a similar accord on the same day.",
         [("on Monday", "2025-08-11"), ("the same day", "2025-08-11")]),
        ("pt", "O Chile recebeu o Peru em 3 de agosto. No mesmo dia, a Argentina assinou um "
         "acordo.",
         [("3 de agosto", "2025-08-03"), ("No mesmo dia", "2025-08-03")]),
        ("es", "Chile recibió a Perú el 3 de agosto. Ese mismo día, Argentina firmó un acuerdo.",
         [("3 de agosto", "2025-08-03"), ("Ese mismo día", "2025-08-03")]),
        # no day stated before it: nothing, not the day of publication
        ("en", "Brazil signed a similar accord on the same day, in July.", [("July", "2025-07")]),
        ("es", "Ese mismo día, Argentina firmó un acuerdo en 2024.", [("2024", "2024")]),
    ],
)
def test_the_same_day_is_the_day_stated_before_it(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    found = find_dates(text, lang=lang, published=PUBLISHED)
    assert [(m.text, m.value.iso()) for m in found] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Peru signed the accord on Friday, a day after Chile voted.",
         [("on Friday", "2025-08-08"), ("a day after", "2025-08-07")]),
        ("en", "Peru signed the accord on Friday, the day before Chile voted.",
         [("on Friday", "2025-08-08"), ("the day before", "2025-08-09")]),
        ("pt", "O Peru assinou o acordo em 8 de agosto, dois dias depois de o Chile votar.",
         [("8 de agosto", "2025-08-08"), ("dois dias depois de", "2025-08-06")]),
        ("es", "Perú firmó el acuerdo el 8 de agosto, un día después de que Chile votara.",
         [("8 de agosto", "2025-08-08"), ("un día después de", "2025-08-07")]),
        # counted from an event, not a date: it dates nothing
        ("en", "A day after the vote, Peru signed the accord on Friday.",
         [("on Friday", "2025-08-08")]),
        ("en", "They will meet the day after tomorrow.",
         [("the day after tomorrow", "2025-08-14")]),
    ],
)
def test_a_day_after_counts_back_from_the_day_set_just_before_it(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    found = find_dates(text, lang=lang, published=PUBLISHED)
    assert [(m.text, m.value.iso()) for m in found] == expected
    assert [m.opens for m in found] == [m.text.lower().startswith(("a day", "the day b", "dois",
                                                                   "un día")) for m in found]


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [
        # a count of years or months back beside "today": that very day, an anniversary
        ("es", "Hace un año hoy, Chile firmó el acuerdo.", PUBLISHED,
         [("Hace un año hoy", "2024-08-12")]),
        ("es", "Hoy hace dos años que Perú votó la ley.", PUBLISHED,
         [("Hoy hace dos años", "2023-08-12")]),
        ("pt", "Há um ano, hoje, o Chile assinou o acordo.", PUBLISHED,
         [("Há um ano, hoje", "2024-08-12")]),
        ("en", "Three months ago today, Peru signed the accord.", PUBLISHED,
         [("Three months ago today", "2025-05-12")]),
        # without "today" the count keeps its own precision ("un"/"um" count as one here)
        ("es", "Hace un año, Chile firmó el acuerdo.", PUBLISHED, [("Hace un año", "2024")]),
        ("pt", "Há um mês o Peru votou a lei.", PUBLISHED, [("Há um mês", "2025-07")]),
        # "today" apart from it, or beside a relative year that counts nothing back, stays
        ("es", "Hace un año Chile firmó y hoy Perú vota.", PUBLISHED,
         [("Hace un año", "2024"), ("hoy", "2025-08-12")]),
        ("es", "El año pasado, hoy era feriado.", PUBLISHED,
         [("El año pasado", "2024"), ("hoy", "2025-08-12")]),
        # no such day a year on: the two stay apart
        ("en", "A year ago today, Peru signed the accord.", dt.date(2024, 2, 29),
         [("A year ago", "2023"), ("today", "2024-02-29")]),
    ],
)
def test_a_count_back_beside_today_is_that_day_an_anniversary(
    lang: str, text: str, published: dt.date, expected: list[tuple[str, str]]
) -> None:
    found = find_dates(text, lang=lang, published=published)
    assert [(m.text, m.value.iso()) for m in found] == expected
    assert_well_formed(text, found)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # published on Tuesday 2025-08-12: "next" before a day is the first such day after it
        ("pt", "O ministro viaja no próximo dia 20.", ("no próximo dia 20", "2025-08-20", True)),
        ("pt", "O ministro viaja no próximo dia 3.", ("no próximo dia 3", "2025-09-03", True)),
        ("es", "El ministro viajará el próximo 5 de agosto.",
         ("el próximo 5 de agosto", "2026-08-05", True)),
        ("en", "The minister travels next August 20.", ("next August 20", "2025-08-20", True)),
        # without it, the nearest day and the year window as before, and not ahead
        ("pt", "O ministro viajou no dia 3.", ("dia 3", "2025-08-03", False)),
        ("es", "El ministro viajó el pasado 5 de agosto.", ("5 de agosto", "2025-08-05", False)),
        ("es", "El ministro llegó el 20 de agosto.", ("20 de agosto", "2025-08-20", False)),
    ],
)
def test_a_day_after_a_word_for_next_lies_after_publication(
    lang: str, text: str, expected: tuple[str, str, bool]
) -> None:
    [found] = find_dates(text, lang=lang, published=PUBLISHED)
    assert (found.text, found.value.iso(), found.ahead) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Los cancilleres se reunieron anoche.", [("anoche", "2025-08-11")]),
        ("Los cancilleres se reunieron antier.", [("antier", "2025-08-10")]),
        # "noche" alone is no day
        ("Los cancilleres se reunieron de noche.", []),
    ],
)
def test_spanish_last_night_and_the_day_before_yesterday(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = find_dates(text, lang="es", published=PUBLISHED)
    assert [(m.text, m.value.iso()) for m in found] == expected


@pytest.mark.parametrize(
    ("lang", "text", "behind"),
    [
        ("en", "during a call last Thursday", True),
        ("pt", "num telefonema na quinta-feira passada", True),
        ("en", "during a call on Thursday", False),
        ("en", "during a call next Thursday", False),
    ],
)
def test_a_weekday_set_before_publication_by_its_own_words_says_so(
    lang: str, text: str, behind: bool
) -> None:
    [found] = find_dates(text, lang=lang, published=PUBLISHED)
    assert found.behind is behind


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("pt", "Lula chegou a Quito no sábado (8). No dia seguinte, reuniu-se com Noboa.",
         [("no sábado (8)", "2025-03-08"), ("No dia seguinte", "2025-03-09")]),
        ("en", "Lula arrived in Quito on March 8. The next day, he met Noboa.",
         [("March 8", "2025-03-08"), ("The next day", "2025-03-09")]),
        ("es", "Lula llegó a Quito el 8 de marzo. Al día siguiente, se reunió con Noboa.",
         [("8 de marzo", "2025-03-08"), ("Al día siguiente", "2025-03-09")]),
        # no day stated before it: nothing
        ("en", "The next day, he met Noboa.", []),
    ],
)
def test_the_next_day_is_the_day_after_the_one_stated_before_it(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    found = find_dates(text, lang=lang, published=dt.date(2025, 3, 12))
    assert [(d.text, d.value.iso()) for d in found] == expected
