"""Head counts found in pt/en/es text (kgload.nlp.quantities)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgload.errors import KnowledgeBaseError
from kgload.model import Bound
from kgload.nlp.quantities import Quantity, find_quantities, number_pattern, read_number

AT_LEAST, AT_MOST = Bound.AT_LEAST, Bound.AT_MOST
ABOUT, EXACTLY = Bound.APPROXIMATELY, Bound.EXACTLY

Expected = list[tuple[str, int, Bound, str]]  # (text, value, bound, unit)


def case(text: str, *expected: tuple[str, int, Bound, str]) -> Any:
    return pytest.param(text, list(expected), id=text[:50])


def check(text: str, lang: str, expected: Expected) -> None:
    found = find_quantities(text, lang=lang)
    assert [(q.text, q.value, q.bound, q.unit) for q in found] == expected
    assert_well_formed(text, found)


def assert_well_formed(text: str, found: list[Quantity]) -> None:
    for quantity in found:
        assert text[quantity.start : quantity.end] == quantity.text
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start


PT_CASES = [
    case(
        "mais de 10 mil soldados da Coreia do Norte",
        ("mais de 10 mil soldados", 10000, AT_LEAST, "soldados"),
    ),
    case("enviou 10.000 soldados", ("10.000 soldados", 10000, EXACTLY, "soldados")),
    case("12.000 militares norte-coreanos", ("12.000 militares", 12000, EXACTLY, "militares")),
    case("cerca de 1,5 mil militares", ("cerca de 1,5 mil militares", 1500, ABOUT, "militares")),
    case("1,5 milhão de soldados", ("1,5 milhão de soldados", 1500000, EXACTLY, "soldados")),
    case("2 milhões de homens", ("2 milhões de homens", 2000000, EXACTLY, "homens")),
    case(
        "3 mil fuzileiros navais", ("3 mil fuzileiros navais", 3000, EXACTLY, "fuzileiros navais")
    ),
    case("dez mil soldados", ("dez mil soldados", 10000, EXACTLY, "soldados")),
    case(
        "vinte e cinco mil combatentes",
        ("vinte e cinco mil combatentes", 25000, EXACTLY, "combatentes"),
    ),
    case(
        "dois mil e quinhentos soldados",
        ("dois mil e quinhentos soldados", 2500, EXACTLY, "soldados"),
    ),
    case("um milhão de soldados", ("um milhão de soldados", 1000000, EXACTLY, "soldados")),
    case(
        "pelo menos 500 combatentes", ("pelo menos 500 combatentes", 500, AT_LEAST, "combatentes")
    ),
    case("ao menos 200 oficiais", ("ao menos 200 oficiais", 200, AT_LEAST, "oficiais")),
    case("até 15 mil soldados", ("até 15 mil soldados", 15000, AT_MOST, "soldados")),
    case("menos de 100 instrutores", ("menos de 100 instrutores", 100, AT_MOST, "instrutores")),
    case("quase 3 mil soldados", ("quase 3 mil soldados", 3000, ABOUT, "soldados")),
    case(
        "aproximadamente 600 militares", ("aproximadamente 600 militares", 600, ABOUT, "militares")
    ),
    case("10 mil novos soldados", ("10 mil novos soldados", 10000, EXACTLY, "soldados")),
    case("10\u00a0000 efetivos", ("10\u00a0000 efetivos", 10000, EXACTLY, "efetivos")),
    case(
        "enviou 10 mil soldados e 500 oficiais",
        ("10 mil soldados", 10000, EXACTLY, "soldados"),
        ("500 oficiais", 500, EXACTLY, "oficiais"),
    ),
    case("Mais de 10 mil Soldados", ("Mais de 10 mil Soldados", 10000, AT_LEAST, "soldados")),
    case("dezenas de soldados"),
    case("centenas de militares"),
    case("milhares de soldados"),
    case("10 mil dólares para soldados"),
    case("em 2024 soldados norte-coreanos chegaram"),
    case("um soldado foi ferido"),
    case("1,5 soldados"),
    case("10 mil norte-coreanos"),
    case("entre 10.000-12.000 soldados"),
]

EN_CASES = [
    case(
        "more than 10,000 North Korean troops",
        ("more than 10,000 North Korean troops", 10000, AT_LEAST, "troops"),
    ),
    case("sent 10,000 soldiers", ("10,000 soldiers", 10000, EXACTLY, "soldiers")),
    case("1.5 million soldiers", ("1.5 million soldiers", 1500000, EXACTLY, "soldiers")),
    case("ten thousand troops", ("ten thousand troops", 10000, EXACTLY, "troops")),
    case("10 thousand troops", ("10 thousand troops", 10000, EXACTLY, "troops")),
    case("about 11,000 troops", ("about 11,000 troops", 11000, ABOUT, "troops")),
    case(
        "over 3,000 military personnel",
        ("over 3,000 military personnel", 3000, AT_LEAST, "military personnel"),
    ),
    case("at least 500 fighters", ("at least 500 fighters", 500, AT_LEAST, "fighters")),
    case("up to 2,000 Marines", ("up to 2,000 Marines", 2000, AT_MOST, "marines")),
    case(
        "no more than 100 instructors",
        ("no more than 100 instructors", 100, AT_MOST, "instructors"),
    ),
    case("fewer than 50 advisers", ("fewer than 50 advisers", 50, AT_MOST, "advisers")),
    case("around 600 servicemembers", ("around 600 servicemembers", 600, ABOUT, "servicemembers")),
    case("some 12,000 soldiers", ("some 12,000 soldiers", 12000, ABOUT, "soldiers")),
    case("roughly 3,000 personnel", ("roughly 3,000 personnel", 3000, ABOUT, "personnel")),
    case("nearly 10,000 troops", ("nearly 10,000 troops", 10000, ABOUT, "troops")),
    case(
        "two hundred and fifty soldiers",
        ("two hundred and fifty soldiers", 250, EXACTLY, "soldiers"),
    ),
    case("twenty-five soldiers", ("twenty-five soldiers", 25, EXACTLY, "soldiers")),
    case("a thousand marines", ("a thousand marines", 1000, EXACTLY, "marines")),
    case(
        "3,000 more North Korean troops",
        ("3,000 more North Korean troops", 3000, EXACTLY, "troops"),
    ),
    case("5 additional elite North Korean troops"),
    case("dozens of soldiers"),
    case("hundreds of troops"),
    case("tens of thousands of soldiers"),
    case("10,000 dollars for troops"),
    case("11,000-12,000 troops"),
    case("In 2024 troops arrived"),
    case("a soldier was wounded"),
]

ES_CASES = [
    case("más de 10.000 soldados", ("más de 10.000 soldados", 10000, AT_LEAST, "soldados")),
    case("unos 3.000 efectivos", ("unos 3.000 efectivos", 3000, ABOUT, "efectivos")),
    case("diez mil militares", ("diez mil militares", 10000, EXACTLY, "militares")),
    case("1,5 millones de soldados", ("1,5 millones de soldados", 1500000, EXACTLY, "soldados")),
    case("treinta y cinco mil tropas", ("treinta y cinco mil tropas", 35000, EXACTLY, "tropas")),
    case("miles de soldados"),
]


@pytest.mark.parametrize(("text", "expected"), PT_CASES)
def test_portuguese(text: str, expected: Expected) -> None:
    check(text, "pt", expected)


@pytest.mark.parametrize(("text", "expected"), EN_CASES)
def test_english(text: str, expected: Expected) -> None:
    check(text, "en", expected)


@pytest.mark.parametrize(("text", "expected"), ES_CASES)
def test_spanish(text: str, expected: Expected) -> None:
    check(text, "es", expected)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("10.000", "pt", 10000),
        ("10,000", "en", 10000),
        ("1,5 mil", "pt", 1500),
        ("1.5 million", "en", 1500000),
        ("dez mil", "pt", 10000),
        ("ten thousand", "en", 10000),
        ("two hundred thousand", "en", 200000),
        ("trezentos e quarenta", "pt", 340),
        ("1,5", "pt", None),
        ("1.5", "pt", None),
        ("dezenas", "pt", None),
        ("um", "pt", None),
    ],
)
def test_read_number(text: str, lang: str, expected: int | None) -> None:
    assert read_number(text, lang=lang) == expected


def test_number_pattern_is_embeddable() -> None:
    assert "(?P<" not in number_pattern("pt")


def test_unknown_language_is_reported() -> None:
    with pytest.raises(KnowledgeBaseError, match="xx"):
        find_quantities("10 soldats", lang="xx")


WORDS = [
    "mais",
    "de",
    "10",
    "mil",
    "10.000",
    "1,5",
    "soldados",
    "norte-coreanos",
    "cerca",
    "dez",
    "e",
    "para",
    "milhões",
    "2024",
    "-",
    ",",
    "tropas",
    "até",
    "um",
    "dólares",
]


@given(words=st.lists(st.sampled_from(WORDS), max_size=30))
def test_any_text_gives_sorted_exact_non_overlapping_quantities(words: list[str]) -> None:
    text = " ".join(words)
    found = find_quantities(text, lang="pt")
    assert_well_formed(text, found)
    assert all(q.value >= 0 for q in found)
