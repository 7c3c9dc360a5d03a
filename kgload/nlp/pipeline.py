"""The rule-based half of the NLP stage, run on whole articles: tokenizer, sentences, gazetteer.

Components (registered factories, versioned names):
- `kgload_line_sentences_v1`: a line break always ends a sentence (headlines, captions and
  paragraphs carry no final period in news text).
- `kgload_gazetteer_v1`: phrase matches of every KB alias and every lexicon role phrase, stored
  as candidate spans in `doc.spans["kg_aliases"]` and `doc.spans["kg_roles"]`; linking decides.

Patterns are added after `nlp.initialize()`, which would otherwise erase them.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kgload.errors import UsageError
from kgload.linking.kb import Alias, KnowledgeBase
from kgload.nlp.lexicon import load_lexicon
from kgload.nlp.parse import load_parser

__all__ = ["build_nlp", "find_datelines", "get_nlp", "tokenize"]

log = logging.getLogger("kgload")


# A wire or agency dateline opening a paragraph: "BARI, Italy (Reuters) - ", "MOSCOU — ",
# "Bruselas (EuroEFE).- ". Only punctuation and capitals decide, so it holds for any language.
_DATELINE = re.compile(
    r"^[ \t]*(?:"
    r"[A-ZÀ-Þ][\w'’.-]*(?:[ ,/]+[A-ZÀ-Þa-zà-ÿ][\w'’.-]*){0,4}[ \t]*\([^()\n]{1,40}\)"
    r"[ \t]*\.?[ \t]*[-–—]+"
    r"|[A-ZÀ-Þ]{2}[A-ZÀ-Þ'’.-]*(?:[ ,]+[A-ZÀ-Þa-zà-ÿ][\w'’.-]*){0,3}"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*[-–—]+"
    r")[ \t]*",
    re.MULTILINE,
)


def find_datelines(text: str) -> list[tuple[int, int]]:
    """Character spans of the datelines that open paragraphs: a place and an agency, never an
    actor of the story that follows.

    >>> text = "Bruselas (EuroEFE).- El Consejo de la UE aprobó sanciones."
    >>> [text[s:e] for s, e in find_datelines(text)]
    ['Bruselas (EuroEFE).- ']
    """
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text) if m.end() > m.start()]


# spaCy's tokenizer peels prefixes and suffixes off a whitespace-free run one at a time, each
# time copying and searching the rest: quadratic in the run's length (16,000 characters of
# "!?.,;:" took 82 s). No word, number or URL is this long, so a longer run is tokenised in
# pieces, and a long text in pieces that end where whitespace does.
_LONG_RUN = 500
_RUN_PIECE = 100
_TEXT_PIECE = 100_000
_LONG_RUNS = re.compile(rf"(?<!\S)\S{{{_LONG_RUN + 1},}}")


def tokenize(nlp: Language, text: str, *, check: Callable[[], None] | None = None) -> Doc:
    """The tokens of `text`, as `nlp.make_doc` gives them, for any text up to kgload's size
    limit: a text longer than `nlp.max_length` is tokenised in pieces that end at whitespace
    (the same tokens as in one go), a run of more than 500 characters without whitespace in
    pieces of 100. The doc's text is `text`, so every offset stays the article's.

    `check` is called between pieces (the article's time limit).
    """
    runs = [m.span() for m in _LONG_RUNS.finditer(text)]
    if not runs and len(text) <= nlp.max_length:
        return nlp.make_doc(text)
    cuts = set(_paragraph_cuts(text))
    for start, end in runs:
        cuts.update(range(start + _RUN_PIECE, end, _RUN_PIECE))
    docs = []
    for lo, hi in itertools.pairwise([0, *sorted(cuts), len(text)]):
        docs.append(nlp.tokenizer(text[lo:hi]))
        if check is not None:
            check()
    return Doc.from_docs(docs, ensure_whitespace=False)


def _paragraph_cuts(text: str) -> list[int]:
    """Offsets about `_TEXT_PIECE` apart where whitespace (a line break if there is one) ends
    and a word starts: the tokenizer splits there anyway."""
    cuts: list[int] = []
    lo, size = 0, len(text)
    while size - lo > _TEXT_PIECE:
        hi = lo + _TEXT_PIECE
        newline = text.rfind("\n", lo + _TEXT_PIECE // 2, hi)
        k = newline if newline != -1 else text.rfind(" ", lo + 1, hi)
        cut = k + 1 if k != -1 else hi
        while cut < size and cut - lo < 2 * _TEXT_PIECE and text[cut].isspace():
            cut += 1
        if cut >= size:
            break
        cuts.append(cut)
        lo = cut
    return cuts


@Language.component("kgload_line_sentences_v1", assigns=["token.is_sent_start"], requires=[])
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, and after a dateline ("BARI, Italy (Reuters) -
    ..."), which is a place line, not part of the first sentence.

    Line breaks are whitespace tokens (spaCy keeps any whitespace but a single space as a
    token), found from the doc's arrays so that no Token object is made for ordinary words.
    """
    size = len(doc)
    if not size:
        return doc
    # set through the array: each `token.is_sent_start = True` scans the whole doc for a parse
    sent_starts = doc.to_array("SENT_START")
    spaces = [i for i, flag in enumerate(doc.to_array("IS_SPACE").tolist()) if flag]
    for i in spaces:
        if i + 1 < size and "\n" in doc[i].text:
            sent_starts[i + 1] = 1
    starts = doc.to_array("IDX").tolist()
    for _, end in find_datelines(doc.text):
        index = bisect_left(starts, end)
        if 0 < index < size:
            sent_starts[index] = 1
    doc.from_array(["SENT_START"], sent_starts)  # type: ignore[arg-type]
    return doc


class Gazetteer:
    """Finds candidate KB aliases and role phrases; keeps every candidate, decides nothing."""

    def __init__(self, nlp: Language, kb: KnowledgeBase, lang: str) -> None:
        self.by_text: dict[str, list[Alias]] = defaultdict(list)
        written: dict[str, set[str]] = defaultdict(set)
        for alias in kb.aliases_for(lang):
            self.by_text[alias.text.lower()].append(alias)
            written[alias.text.lower()].update((alias.text, alias.text.lower()))
        self.aliases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        make = nlp.make_doc
        for key, forms in written.items():
            # Tokenise each form as written: "U.S." is one token, "u.s." is not.
            self.aliases.add(key, [make(form) for form in sorted(forms)])
        for phrase in load_lexicon(lang).roles:
            self.roles.add(phrase, [make(phrase)])

    def __call__(self, doc: Doc) -> Doc:
        # The label is the matched key (the lowercased alias or role phrase): spans are made
        # straight from the match ids, without reading their text.
        doc.spans["kg_aliases"] = [
            Span(doc, start, end, label=match_id) for match_id, start, end in self.aliases(doc)
        ]
        doc.spans["kg_roles"] = [
            Span(doc, start, end, label=match_id) for match_id, start, end in self.roles(doc)
        ]
        return doc


_GAZETTEERS: dict[int, Gazetteer] = {}


@Language.factory(
    "kgload_gazetteer_v1",
    assigns=["doc.spans"],
    default_config={"lang": "en"},
)
def make_gazetteer(nlp: Language, name: str, lang: str) -> Gazetteer:
    kb = _PENDING_KB.get(id(nlp))
    if kb is None:
        raise UsageError("kgload_gazetteer_v1 is built by kgload.nlp.build_nlp, with a KB")
    return Gazetteer(nlp, kb, lang)


_PENDING_KB: dict[int, KnowledgeBase] = {}


def build_nlp(lang: str, kb: KnowledgeBase, *, model: str | None = None) -> Language:
    """The rule-based pipeline for whole articles: the tokenizer (and vocabulary) of the
    language's statistical pipeline (`kgload.nlp.parse.load_parser`), or `spacy.blank(lang)` for
    ``blank``, then rule sentences, line sentences and the gazetteer. The statistical components
    run later, on the sentences that may hold an event."""
    parser = load_parser(lang, model)
    try:
        nlp = spacy.blank(lang, vocab=parser.vocab) if parser is not None else spacy.blank(lang)
    except ImportError as exc:
        raise UsageError(f"spaCy has no language {lang!r}") from exc
    if parser is not None:
        nlp.tokenizer = parser.tokenizer
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kgload_line_sentences_v1", after="sentencizer")
    _PENDING_KB[id(nlp)] = kb
    try:
        nlp.add_pipe("kgload_gazetteer_v1", config={"lang": lang})
    finally:
        _PENDING_KB.pop(id(nlp), None)
    return nlp


@functools.lru_cache(maxsize=8)
def _cached_nlp(lang: str, kb_id: int, model: str | None) -> Language:
    kb = _KBS[kb_id]
    return build_nlp(lang, kb, model=model)


_KBS: dict[int, KnowledgeBase] = {}


def get_nlp(lang: str, kb: KnowledgeBase, *, model: str | None = None) -> Language:
    """The pipeline for `lang`, built once per process (building it indexes the whole KB)."""
    _KBS[id(kb)] = kb
    return _cached_nlp(lang, id(kb), model)
