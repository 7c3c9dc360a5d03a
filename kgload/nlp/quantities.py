"""Head counts in news text: "mais de 10 mil soldados", "about 11,000 North Korean troops".

A `Quantity` is a number that a personnel noun follows within three words ("10,000 North Korean
troops"), with the bound word before it, if any. Everything that differs between languages lives
in ``kgload/nlp/lexicons/numbers_<lang>.toml``: the thousands and decimal separators, number
words, scale words ("mil", "million"), bound words ("mais de", "up to") and the personnel nouns.
Adding a language means adding that file. `kgload.nlp.dates` reads its number words too ("há
dois anos").

Choices worth knowing:
- "quase", "nearly", "almost", "casi" are `Bound.APPROXIMATELY`, not AT_MOST: the real number is
  close to the one stated, and a query for "at least 5,000" should still find "nearly 10,000".
- Vague plurals ("dezenas de", "hundreds of", "milhares de") give no number and no Quantity.
- A four-digit number from 1900 to 2100 written without a thousands separator is read as a year
  ("em 2024 soldados ..."), never as a head count: news style writes "2.024"/"2,024" for those.
- Ranges ("10,000-12,000 troops") give nothing rather than half an answer.
- `unit` is the noun as written, lowercased, with single spaces ("military personnel").

Each language compiles to one regular expression the first time it is used.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from kgload.errors import KnowledgeBaseError
from kgload.model import Bound
from kgload.nlp.lexicon import read_language_file

__all__ = ["Quantity", "find_quantities", "number_pattern", "read_number"]

_HYPHENS = r"\-\u2010\u2011"  # inside a character class
_GROUP_SPACES = r"\u00a0\u202f"  # no-break and narrow no-break space: "10 000"
_NEVER = "(?!)"
_MAX_NUMBER_WORDS = 12  # after the first: "two million three hundred and forty-five thousand …"
_SPACE_IN_GROUPS = re.compile(rf"(?<=\d)[{_GROUP_SPACES}](?=\d{{3}})")
_TOKEN_BREAK = re.compile(rf"[\s{_HYPHENS}]+")
_ANY_HYPHEN = re.compile(f"[{_HYPHENS}]")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A head count stated in the text; `text` is ``text[start:end]`` of the input."""

    start: int
    end: int
    text: str
    value: int
    bound: Bound
    unit: str


def find_quantities(text: str, *, lang: str) -> list[Quantity]:
    """Every number of people the text gives for a personnel noun, in text order.

    >>> [(q.value, q.bound.value, q.unit) for q in find_quantities(
    ...     "mais de 10 mil soldados norte-coreanos", lang="pt")]
    [(10000, 'AtLeast', 'soldados')]
    """
    numbers = _numbers(_language(lang))
    found: list[Quantity] = []
    for match in numbers.quantity.finditer(text):
        number_text = match.group("num")
        if _looks_like_year(number_text):
            continue
        value = numbers.read(number_text)
        if value is None:
            continue
        bound_text = match.group("bound")
        bound = (
            Bound.EXACTLY
            if bound_text is None
            else numbers.bounds[_lexicon_key(bound_text, numbers.bounds.keys())]
        )
        found.append(
            Quantity(
                start=match.start(),
                end=match.end(),
                text=match.group(0),
                value=value,
                bound=bound,
                unit=_norm(match.group("noun")),
            )
        )
    return found


def read_number(text: str, *, lang: str) -> int | None:
    """The whole number `text` writes ("10.000", "1,5 mil", "dez mil", "two hundred"), else None.

    >>> read_number("1,5 mil", lang="pt"), read_number("ten thousand", lang="en")
    (1500, 10000)
    """
    numbers = _numbers(_language(lang))
    if numbers.number.fullmatch(text.strip()) is None:
        return None
    return numbers.read(text.strip())


def number_pattern(lang: str) -> str:
    """Regex source (no groups) for one number in `lang`, for other recognisers to embed."""
    return _numbers(_language(lang)).number_source


@dataclass(frozen=True, slots=True)
class _Numbers:
    """One language's numbers lexicon, compiled."""

    words: Mapping[str, int]
    scales: Mapping[str, int]
    multipliers: Mapping[str, int]
    connectors: frozenset[str]
    thousands: str
    decimal: str
    bounds: Mapping[str, Bound]
    number_source: str
    number: re.Pattern[str]
    quantity: re.Pattern[str]
    grouped: re.Pattern[str]  # digits in groups of three: "10.000"

    def read(self, text: str) -> int | None:
        """Value of a text the number pattern matched; None unless it is a whole number."""
        text = _SPACE_IN_GROUPS.sub("", text)
        tokens = [t for t in _TOKEN_BREAK.split(_norm(text)) if t]
        if tokens and tokens[0][0].isdigit():
            return self._read_digits(tokens)
        return self._read_words(tokens)

    def _read_digits(self, tokens: list[str]) -> int | None:
        digits, *rest = tokens
        if self.grouped.fullmatch(digits):
            digits = digits.replace(self.thousands, "")
        try:
            value = Decimal(digits.replace(self.decimal, "."))
        except InvalidOperation:
            return None
        for word in rest:
            factor = self.scales.get(word) or self.multipliers.get(word)
            if factor is None:
                return None
            value *= factor
        return int(value) if value == value.to_integral_value() else None

    def _read_words(self, tokens: list[str]) -> int | None:
        total = current = 0
        seen = False
        for word in tokens:
            if word in self.connectors:
                continue
            if word in self.scales:
                total += (current or 1) * self.scales[word]
                current = 0
            elif word in self.multipliers:
                current = (current or 1) * self.multipliers[word]
            elif word in self.words:
                current += self.words[word]
            else:
                return None
            seen = True
        return total + current if seen else None


def _norm(text: str) -> str:
    """Lowercase, NFC, single spaces, ASCII hyphens: the form lexicon keys are stored in."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _ANY_HYPHEN.sub("-", text)
    return " ".join(text.split())


def _lexicon_key(text: str, keys: Collection[str]) -> str:
    """The key of `keys` (lexicon words in `_norm` form) that a case-insensitive match of
    `_phrases_pattern(keys)` stands for.

    The patterns ignore case letter by letter, as `re.IGNORECASE` does ("İ" matches "i", "ſ"
    matches "s"), while `str.lower` may change a word's length ("İ" → "i̇"): when the
    lowercased text is no key, each key is tried with the pattern the match came from. The
    text itself when nothing fits (the caller's lookup then fails as it would have).
    """
    key = _norm(text)
    if key in keys:
        return key
    for candidate in keys:
        if re.fullmatch(_phrases_pattern([candidate]), text, re.IGNORECASE):
            return candidate
    return key


def _looks_like_year(number_text: str) -> bool:
    return len(number_text) == 4 and number_text.isdigit() and 1900 <= int(number_text) <= 2100


def _phrases_pattern(phrases: Iterable[str]) -> str:
    """Regex source (no groups) for any of `phrases`, as a prefix tree so longer ones win.

    Spaces match any run of whitespace and hyphens any hyphen; the caller compiles with
    IGNORECASE and adds the word boundaries it needs. Shared with kgload.nlp.dates.
    """
    trie: dict[str, Any] = {}
    for phrase in {_norm(p) for p in phrases if p.strip()}:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie) if trie else _NEVER


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [_char_pattern(char) + _trie_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(sorted(branches)) + ")"
    return f"(?:{body})?" if "" in node else body


def _char_pattern(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "-":
        return f"[{_HYPHENS}]"
    return re.escape(char)


def _language(lang: str) -> str:
    """The language part of a tag, the key of the lexicon files: ``pt-BR`` -> ``pt``."""
    return lang.replace("_", "-").split("-")[0].lower()


def _load_toml(kind: str, lang: str) -> dict[str, Any]:
    """Read ``lexicons/<kind>_<lang>.toml``; shared with kgload.nlp.dates."""
    if not lang.isalpha():
        raise KnowledgeBaseError(f"no {kind} lexicon for language {lang!r}")
    return read_language_file(f"{kind}_{lang}.toml", f"no {kind} lexicon for language {lang!r}")


@functools.cache
def _numbers(lang: str) -> _Numbers:
    data = _load_toml("numbers", lang)
    words = {_norm(k): int(v) for k, v in data["numbers"].items()}
    scales = {_norm(k): int(v) for k, v in data["scales"].items()}
    multipliers = {_norm(k): int(v) for k, v in data["multipliers"].items()}
    articles = [_norm(w) for w in data["article_numbers"]]
    words.update({a: words.get(a, 1) for a in articles})
    thousands = re.escape(data["thousands_separator"])
    decimal = re.escape(data["decimal_separator"])

    digits = (
        rf"(?:\d{{1,3}}(?:[{thousands}{_GROUP_SPACES}]\d{{3}})+|\d+(?:{decimal}\d+)?)"
        rf"(?!\d|[.,]\d)"
    )
    big = _phrases_pattern([*scales, *multipliers])
    counted = _phrases_pattern([w for w in words if w not in articles] + [*scales, *multipliers])
    following = _phrases_pattern([*words, *scales, *multipliers])
    connector = _phrases_pattern(data["connectors"])
    first_word = rf"(?:(?:{_phrases_pattern(articles)})\s+(?:{big})|{counted})(?!\w)"
    next_word = rf"(?:\s+(?:{connector})\s+|\s+|[{_HYPHENS}])(?:{following})(?!\w)"
    # bounded: with `*`, a run of number words ("twenty twenty …") is read to its end from
    # every word of it, quadratic (3,000 of them took 12 s); no number is written in more words
    number_source = (
        rf"(?:{digits}(?:\s+(?:{big})(?!\w))?|{first_word}(?:{next_word}){{0,{_MAX_NUMBER_WORDS}}})"
    )

    bounds = {_norm(k): Bound(v) for k, v in data["bounds"].items()}
    linker = _phrases_pattern(data["scale_linkers"])
    blockers = _phrases_pattern(data["gap_blockers"])
    gap_word = rf"(?!(?:{blockers})(?!\w))[^\W\d_][\w'’{_HYPHENS}]*"
    quantity = re.compile(
        rf"(?<![\w.,{_HYPHENS}\u2013])"
        rf"(?:(?P<bound>{_phrases_pattern(bounds)})\s+)?"
        rf"(?P<num>{number_source})"
        rf"(?:\s+(?:{linker})(?!\w))?"
        rf"(?:\s+{gap_word}){{0,3}}?"
        rf"\s+(?P<noun>{_phrases_pattern(data['personnel'])})(?!\w)",
        re.IGNORECASE,
    )
    return _Numbers(
        words=words,
        scales=scales,
        multipliers=multipliers,
        connectors=frozenset(_norm(c) for c in data["connectors"]),
        thousands=data["thousands_separator"],
        decimal=data["decimal_separator"],
        bounds=bounds,
        number_source=number_source,
        number=re.compile(number_source, re.IGNORECASE),
        quantity=quantity,
        grouped=re.compile(rf"\d{{1,3}}(?:{thousands}\d{{3}})+"),
    )
