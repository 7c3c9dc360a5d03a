"""The event grammars (`kgload/nlp/lexicons/events_<lang>.toml`): they load, every trigger block
says where its words came from, the CAMEO blocks they cite exist in the dictionaries they were
derived from (when ../shared is present), and bad entries are errors that name the file."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from kgload.errors import KnowledgeBaseError
from kgload.model import EventType
from kgload.nlp.grammar import load_grammar, parse_trigger

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "kgload" / "nlp" / "lexicons"
DICTIONARIES = ROOT.parent / "shared" / "event-dictionaries"
LANGS = ("en", "es", "pt")


@pytest.mark.parametrize("lang", LANGS)
def test_each_grammar_loads_and_covers_the_ten_types(lang: str) -> None:
    grammar = load_grammar(lang)
    rules = [r for table in (grammar.verbs, grammar.nouns) for rs in table.values() for r in rs]
    assert {r.type for r in rules} == set(EventType)
    assert all(r.source for r in rules)
    assert grammar.speech and grammar.light and grammar.markers["source"]
    with_trigger = {
        "en": "the president visited china",
        "es": "el presidente visitó china",
        "pt": "o presidente visitou a china",
    }[lang]
    assert grammar.may_hold_event(with_trigger.split())
    assert not grammar.may_hold_event(["the", "weather", "el", "tiempo", "o", "clima", "."])


@pytest.mark.parametrize("lang", LANGS)
def test_every_trigger_block_names_its_source(lang: str) -> None:
    data = tomllib.loads((LEXICONS / f"events_{lang}.toml").read_text(encoding="utf-8"))
    for block in data["triggers"]:
        assert re.match(r"(cameo(-es)?:\d{3}|kgload)", block["source"]), block["source"]


def _cited_blocks(lang: str) -> set[str]:
    data = tomllib.loads((LEXICONS / f"events_{lang}.toml").read_text(encoding="utf-8"))
    names: set[str] = set()
    prefix = "cameo-es" if lang == "es" else "cameo"
    for block in data["triggers"]:
        names.update(re.findall(prefix + r":\d{3}(?::\d{3})? ([A-Z_]+)", block["source"]))
    return names


@pytest.mark.skipif(not DICTIONARIES.is_dir(), reason=f"{DICTIONARIES} is absent")
@pytest.mark.parametrize(
    ("lang", "dictionary"), [("en", "CAMEO.2.0.en.txt"), ("es", "verbpatterns.es.txt")]
)
def test_cited_cameo_blocks_exist_in_their_dictionary(lang: str, dictionary: str) -> None:
    text = (DICTIONARIES / dictionary).read_text(encoding="utf-8", errors="replace")
    blocks = set(re.findall(r"^---\s+([A-Z_]+)\s+\[", text, flags=re.MULTILINE))
    cited = _cited_blocks(lang)
    assert cited, "no CAMEO block cited"
    assert cited <= blocks, cited - blocks


def test_parse_trigger_reads_requirements() -> None:
    lemma, requires = parse_trigger("receber+nsubj:pass:@actor+com|entre", {}, where="t")
    assert lemma == "receber"
    assert (requires[0].dep, requires[0].actor) == (("nsubj:pass",), True)
    assert requires[1].words == frozenset({"com", "entre"})


def test_an_unknown_class_is_an_error_naming_the_place() -> None:
    with pytest.raises(KnowledgeBaseError, match=r"events_xx.*no class '@weapon'"):
        parse_trigger("enviar+@weapon", {"weapons": frozenset()}, where="events_xx #3")


def test_a_malformed_first_person_form_is_an_error_naming_the_entry() -> None:
    from kgload.nlp.grammar import _first_person_forms

    assert _first_person_forms({"tuve": "tener Past Sing"}, "events_xx") == {
        "tuve": ("tener", "Past", "Sing")
    }
    with pytest.raises(KnowledgeBaseError, match=r"events_xx.*first_person_forms\.tuve"):
        _first_person_forms({"tuve": "tener"}, "events_xx")


def _language_words() -> set[str]:
    """Every word the language files list (values, not keys)."""
    words: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.update(value.lower().split())
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    for path in LEXICONS.glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for key, value in data.items():
            if key in ("roles", "names", "markers", "classes", "status", "attribution", "frames"):
                walk(value)
            elif key == "triggers":
                walk([b.get(k, []) for b in value for k in ("verbs", "nouns", "forms")])
    return words


def test_no_language_word_is_written_in_the_extraction_code() -> None:
    """Every word list is data: the extraction modules compare tokens with the grammar, never
    with a word of a language written in Python (docstrings and comments aside). A string that
    names a grammar table ("place", "as") is a key, not a word, and is allowed."""
    grammar = load_grammar("en")
    keys = {*grammar.markers, *grammar.status, *grammar.classes, *_UD_NAMES}
    words = _language_words() - keys
    literal = re.compile(r"(?<![\w.])[\"']([^\"'\s]{1,30})[\"']")
    for module in sorted((ROOT / "kgload" / "extract").glob("*.py")):
        code = re.sub(r'"""[\s\S]*?"""', "", module.read_text(encoding="utf-8"))
        code = "\n".join(line.split("#", 1)[0] for line in code.splitlines())
        defined = set(re.findall(r"^(?:def|class) (\w+)", code, flags=re.MULTILINE))
        found = {w for w in literal.findall(code) if w.lower() in words} - defined - _FEATURES
        assert not found, (module.name, sorted(found))


# Universal Dependencies relations: names of the annotation scheme, not words
_UD_NAMES = {
    "acl",
    "advcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "case",
    "ccomp",
    "compound",
    "conj",
    "csubj",
    "det",
    "fixed",
    "flat",
    "iobj",
    "mark",
    "nmod",
    "nsubj",
    "obj",
    "obl",
    "parataxis",
    "punct",
    "root",
    "xcomp",
}
# Universal Dependencies morphological features, as spaCy names them
_FEATURES = {
    "Number",
    "Person",
    "Gender",
    "Mood",
    "Tense",
    "VerbForm",
    "Voice",
    "PronType",
    "Reflex",
    "Poss",
    "Case",
    "Definite",
}


@pytest.mark.parametrize(
    ("lang", "form", "lemma"),
    [("es", "reúne", "reunir"), ("es", "reúnen", "reunir"), ("pt", "reúne", "reunir")],
)
def test_a_stressed_stem_written_with_an_accent_is_still_the_trigger_verb(
    lang: str, form: str, lemma: str
) -> None:
    # the lemmatizer's guess ("reúner") is kept; the stem finds the trigger verb too
    assert lemma in load_grammar(lang).lemmas(form + "r", form)


@pytest.mark.parametrize(
    ("lang", "form"), [("pt", "reúne-se"), ("pt", "reúnem-se"), ("es", "reúnen")]
)
def test_an_accented_stem_passes_the_prefilter(lang: str, form: str) -> None:
    grammar = load_grammar(lang)
    assert grammar.starts_like_trigger(form)
    assert grammar.may_hold_event([form])


def test_a_space_tokens_lemma_has_no_verb() -> None:
    # a lemma of spaces alone (a space token's) crashed the clitic reading ("recusar se")
    grammar = load_grammar("pt")
    assert grammar.lemmas(" ", " ") == frozenset({" "})
    assert "recusar" in grammar.lemmas("recusar se", "recusou-se")
