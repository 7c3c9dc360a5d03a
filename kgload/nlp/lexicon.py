"""Per-language linking vocabularies (`kgload/nlp/lexicons/<lang>.toml`): role phrases and the
offices they name, words that make a capitalised name a person or an organisation, and the
small words the linker reads around names. Event words and syntax rules are the language's
event grammar (`kgload.nlp.grammar`, `events_<lang>.toml`). Adding a language means adding
files, not code.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from kgload.errors import KnowledgeBaseError

__all__ = ["Lexicon", "load_lexicon", "read_language_file"]


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    roles: dict[str, tuple[str, ...]]  # lowercased role phrase -> office titles, or ("leader",)
    person_cues: frozenset[str]  # words before a name that make it a person
    org_cues: frozenset[str]  # words inside a name that make it an organisation
    government_cues: frozenset[str]  # "regime", "governo": a leader's surname beside them
    of_words: frozenset[str]  # "de/da/do" — "presidente da Rússia"
    possessive: frozenset[str]  # "'s"
    determiners: frozenset[str]
    # "un homólogo estadounidense", "a Russian president": a role after one of these names
    # nobody in particular, so no office holder
    indefinites: frozenset[str] = frozenset()
    # "U.S. Ambassador to Ukraine", "enviado de EE.UU. para Venezuela": the words that open the
    # post of a title, whose state is where the person serves, not the state they serve
    posts: frozenset[str] = frozenset()
    # pairs of letters a name may be spelt with instead of the KB's ("ó" written "ô")
    spelling_variants: tuple[tuple[str, str], ...] = ()
    # "o presidente interino Juan Guaidó": words that qualify a title between it and the name
    # of its holder, which is still the person the title names
    title_modifiers: frozenset[str] = frozenset()
    # "el secretario visitará…" in the State Department's own text: titles that, bare and in
    # lower case, name the holder of the office in the publishing government
    home_titles: frozenset[str] = frozenset()


def _words(table: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in table.get(key, []))


def read_language_file(name: str, missing: str) -> dict[str, Any]:
    """The TOML table of a shipped language file; a missing or broken one is an error that
    names the file (`missing` says what is missing)."""
    try:
        text = (resources.files("kgload.nlp.lexicons") / name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeBaseError(f"{missing} ({name})") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeBaseError(f"lexicons/{name}: {exc}") from exc


@functools.lru_cache(maxsize=8)
def load_lexicon(lang: str) -> Lexicon:
    """Read `lexicons/<lang>.toml`; cached per process."""
    data = read_language_file(f"{lang}.toml", f"no lexicon for language {lang!r}")
    markers = data["markers"]
    return Lexicon(
        lang=lang,
        roles={k.lower(): tuple(v) for k, v in data["roles"].items()},
        person_cues=_words(data["names"], "person_cues"),
        org_cues=_words(data["names"], "org_cues"),
        government_cues=_words(data["names"], "government_cues"),
        of_words=_words(markers, "of"),
        possessive=_words(markers, "possessive"),
        determiners=_words(markers, "determiners"),
        indefinites=_words(markers, "indefinites"),
        posts=_words(markers, "posts"),
        spelling_variants=tuple(
            (str(a), str(b)) for a, b in data["names"].get("spelling_variants", [])
        ),
        title_modifiers=_words(data["names"], "title_modifiers"),
        home_titles=_words(data["names"], "home_titles"),
    )
