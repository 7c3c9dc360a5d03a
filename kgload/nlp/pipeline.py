"""The rule-based half of the NLP stage, run on whole articles: tokenizer, sentences, gazetteer
and linking.

Components (registered factories, versioned names):
- `kgload_line_sentences_v1`: a line break always ends a sentence (headlines, captions and
  paragraphs carry no final period in news text).
- `kgload_gazetteer_v1`: phrase matches of every KB alias and every lexicon role phrase, stored
  as candidate spans in `doc.spans["kg_aliases"]` and `doc.spans["kg_roles"]`; linking decides.
- `kgload_linker_v1`: the mentions of the article in `doc._.kg_article` (a bare article of the
  doc's text when unset) and the entities they name, as a `LinkResult` in `doc._.kg_links`.

The two KB components get the knowledge base through `initialize`, as spaCy's own components
get theirs: `build_nlp` hands them the KB object (`pipe.initialize(lambda: [], nlp=nlp, kb=kb)`),
and a pipeline made from a config reads one with the registered loader `kgload.load_kb.v1`
(`[initialize.components.kgload_gazetteer_v1.kb_loader]` with ``@misc = "kgload.load_kb.v1"``
and an optional ``folder``), then `nlp.initialize()`. Each component keeps its KB; the indexes
derived from it (the alias table) belong to the KB, so two pipelines with two KBs never mix.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
import typing
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import registry

from kgload.errors import UsageError
from kgload.linking.kb import Alias, KnowledgeBase, load_kb
from kgload.linking.linker import link_mentions
from kgload.model import Article
from kgload.nlp.lexicon import load_lexicon
from kgload.nlp.parse import load_parser

__all__ = [
    "GAZETTEER",
    "LINKER",
    "Gazetteer",
    "MentionLinker",
    "build_nlp",
    "find_datelines",
    "get_nlp",
    "tokenize",
]

GAZETTEER = "kgload_gazetteer_v1"
LINKER = "kgload_linker_v1"

# Where the linker reads its article and leaves its result (spaCy keeps them in doc.user_data).
for _attribute in ("kg_article", "kg_links"):
    if not Doc.has_extension(_attribute):
        Doc.set_extension(_attribute, default=None)

log = logging.getLogger("kgload")


# A wire or agency dateline opening a paragraph: "BARI, Italy (Reuters) - ", "MOSCOU — ",
# "Bruselas (EuroEFE).- ", "Brasília - ", "BOGOTÁ, 23 ene (Xinhua) — ". Only punctuation,
# capitals and digits decide, so it holds for any language.
_DATELINE = re.compile(
    r"^[ \t]*(?:"
    r"[A-ZÀ-Þ][\w'’.-]*(?:[ ,/]+[A-ZÀ-Þa-zà-ÿ0-9][\w'’.-]*){0,4}[ \t]*\([A-ZÀ-Þ][^()\n]{0,39}\)"
    r"[ \t]*\.?[ \t]*[-–—]+"
    r"|[A-ZÀ-Þ]{2}[A-ZÀ-Þ'’.-]*(?:[ ,]+[A-ZÀ-Þa-zà-ÿ][\w'’.-]*){0,3}"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*[-–—]+"
    # "LONDON: The UK…": a place in capitals, every word of it, and a colon before a sentence,
    # at the very start of the text only (further down, "MODERATOR:" names a speaker)
    r"|(?<![\s\S])[A-ZÀ-Þ]{3}[A-ZÀ-Þ'’.-]*(?:[ ,]+[A-ZÀ-Þ]{2}[A-ZÀ-Þ'’.-]*){0,2}:"
    r"(?=[ \t]+[A-ZÀ-Þ])"
    # "EN SANTO DOMINGO, Viernes, 29 Abril, 2022: El…": that place, then a day with its number
    r"|(?<![\s\S])[A-ZÀ-Þ]{2}[A-ZÀ-Þ'’.-]*(?:[ ]+[A-ZÀ-Þ]{2}[A-ZÀ-Þ'’.-]*){0,3}(?=[^:\n]*\d)"
    r"(?:,[ \t]*\w+(?:[ \t]+\w+){0,3}){1,4}:(?=[ \t]+[A-ZÀ-Þ])"
    # "CDMX, 26 de enero.-El…", "México, D.F., a 26 de agosto de 2016.- ", "30/12/16.-": a
    # place and a comma, then a few words, or one word or a numeric date; a full stop and a dash
    r"|(?:[A-ZÀ-Þ][\w'’.]*(?:[ \t]+[A-ZÀ-Þ][\w'’.]*){0,2},(?:[ \t,]+\w[\w'’./]*){1,7}"
    # a place of one to three capitalised words ("Santiago de Chile.- ")
    r"|[A-ZÀ-Þ][\w'’]*(?:[ \t]+(?:[a-zà-ÿ]{1,3}[ \t]+)?[A-ZÀ-Þ][\w'’]*){0,2}"
    r"|[0-9]+(?:/[0-9]+){2})(?:[ \t]+\([A-ZÀ-Þ][^()\n]{0,39}\))?\.[-–—](?=[ \t]*[A-ZÀ-Þ])"
    # "Brasília - A chanceler…", "Rio de Janeiro – O…": one to three capitalised words, a dash
    # set off by spaces, and a capital that opens the sentence
    r"|[A-ZÀ-Þ][\w'’.]*(?:[ \t]+(?:[a-zà-ÿ]{1,3}[ \t]+)?[A-ZÀ-Þ][\w'’]*){0,2}[ \t]+[-–—][ \t]+"
    r"(?=[A-ZÀ-Þ])"
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
    # a dateline glued to the first word ("CDMX, 26 de enero.-El…") ends a token of its own
    glued = [
        end
        for _, end in find_datelines(text)
        if 0 < end < len(text) and not text[end - 1].isspace() and not text[end].isspace()
    ]
    if not runs and not glued and len(text) <= nlp.max_length:
        return nlp.make_doc(text)
    cuts = set(_paragraph_cuts(text)) | set(glued)
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


def kb_loader(folder: str | None = None) -> Callable[[], KnowledgeBase]:
    """A loader of the KB in `folder` (the shipped one when null), for a config's
    `[initialize.components.<name>.kb_loader]`; `load_kb` keeps one KB per folder."""
    # `load_kb()` and `load_kb(None)` are two entries of its cache: call it as the code does
    return functools.partial(load_kb, Path(folder)) if folder else load_kb


registry.misc.register("kgload.load_kb.v1", func=kb_loader)


class _KnowledgeBaseComponent:
    """What the gazetteer and the linker share: the KB they are given at `initialize`."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.kb: KnowledgeBase | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        kb: KnowledgeBase | None = None,
        kb_loader: Callable[[], KnowledgeBase] | None = None,
    ) -> None:
        """Take the knowledge base: `kb` itself, or what `kb_loader` returns (from a config)."""
        if kb is None and kb_loader is not None:
            kb = kb_loader()
        if kb is None:
            raise UsageError(f"{self.name}: initialize it with a knowledge base (kb or kb_loader)")
        self._prepare(kb, nlp)
        self.kb = kb

    def _prepare(self, kb: KnowledgeBase, nlp: Language | None) -> None:
        """Build what the component needs from `kb` (nothing by default)."""

    def _knowledge_base(self) -> KnowledgeBase:
        if self.kb is None:
            raise UsageError(
                f"{self.name} has no knowledge base: build the pipeline with "
                "kgload.nlp.pipeline.build_nlp(lang, kb), or call nlp.initialize() with "
                f'[initialize.components.{self.name}.kb_loader] @misc = "kgload.load_kb.v1"'
            )
        return self.kb


# `nlp.initialize()` checks a config's settings against `initialize`'s annotations, which must be
# types rather than the strings `from __future__ import annotations` leaves.
_KnowledgeBaseComponent.initialize.__annotations__.update(
    typing.get_type_hints(_KnowledgeBaseComponent.initialize)
)


class Gazetteer(_KnowledgeBaseComponent):
    """Finds candidate KB aliases and role phrases; keeps every candidate, decides nothing."""

    def __init__(self, nlp: Language, name: str, lang: str) -> None:
        super().__init__(name)
        self.lang = lang
        self.aliases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")

    def _prepare(self, kb: KnowledgeBase, nlp: Language | None) -> None:
        if nlp is None:
            raise UsageError(f"{self.name}: initialize it with nlp=... (its tokenizer)")
        aliases = PhraseMatcher(nlp.vocab, attr="LOWER")
        roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        make = nlp.make_doc
        for key, found in kb.alias_table(self.lang).items():
            # Tokenise each form as written: "U.S." is one token, "u.s." is not.
            forms = {key, *(alias.text for alias in found)}
            aliases.add(key, [make(form) for form in sorted(forms)])
        for phrase in load_lexicon(self.lang).roles:
            roles.add(phrase, [make(phrase)])
        self.aliases, self.roles = aliases, roles

    @property
    def by_text(self) -> Mapping[str, list[Alias]]:
        """The KB's alias table for the language: what a span's label (its key) stands for."""
        return self._knowledge_base().alias_table(self.lang)

    def __call__(self, doc: Doc) -> Doc:
        self._knowledge_base()
        # The label is the matched key (the lowercased alias or role phrase): spans are made
        # straight from the match ids, without reading their text.
        doc.spans["kg_aliases"] = [
            Span(doc, start, end, label=match_id) for match_id, start, end in self.aliases(doc)
        ]
        doc.spans["kg_roles"] = [
            Span(doc, start, end, label=match_id) for match_id, start, end in self.roles(doc)
        ]
        return doc


class MentionLinker(_KnowledgeBaseComponent):
    """Links the gazetteer's candidates, roles and unknown names of the article
    (`kgload.linking.linker.link_mentions`)."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)
        self.lang = str(nlp.lang)

    def __call__(self, doc: Doc) -> Doc:
        kb = self._knowledge_base()
        article = doc._.kg_article
        if article is None:
            article = Article(id="", text=doc.text, lang=self.lang, source="")
        doc._.kg_links = link_mentions(doc, article, kb, load_lexicon(article.lang))
        return doc


@Language.factory(GAZETTEER, assigns=["doc.spans"], default_config={"lang": "en"})
def make_gazetteer(nlp: Language, name: str, lang: str) -> Gazetteer:
    return Gazetteer(nlp, name, lang)


@Language.factory(LINKER, assigns=["doc._.kg_links"], requires=["doc.spans"])
def make_linker(nlp: Language, name: str) -> MentionLinker:
    return MentionLinker(nlp, name)


def build_nlp(lang: str, kb: KnowledgeBase, *, model: str | None = None) -> Language:
    """The rule-based pipeline for whole articles: the tokenizer (and vocabulary) of the
    language's statistical pipeline (`kgload.nlp.parse.load_parser`), or `spacy.blank(lang)` for
    ``blank``, then rule sentences, line sentences, the gazetteer and the linker, initialised
    with `kb`. The statistical components run later, on the sentences that may hold an event."""
    parser = load_parser(lang, model)
    try:
        nlp = spacy.blank(lang, vocab=parser.vocab) if parser is not None else spacy.blank(lang)
    except ImportError as exc:
        raise UsageError(f"spaCy has no language {lang!r}") from exc
    if parser is not None:
        nlp.tokenizer = parser.tokenizer
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kgload_line_sentences_v1", after="sentencizer")
    nlp.add_pipe(GAZETTEER, config={"lang": lang})
    nlp.add_pipe(LINKER)
    for name in (GAZETTEER, LINKER):
        component = nlp.get_pipe(name)
        assert isinstance(component, _KnowledgeBaseComponent)
        component.initialize(lambda: [], nlp=nlp, kb=kb)
    return nlp


@functools.lru_cache(maxsize=8)
def _cached_nlp(lang: str, kb: KnowledgeBase, model: str | None) -> Language:
    return build_nlp(lang, kb, model=model)


def get_nlp(lang: str, kb: KnowledgeBase, *, model: str | None = None) -> Language:
    """The pipeline for `lang` and `kb`, built once per process (building it indexes the KB's
    aliases). The cache holds the KB itself, not its id(), so a new KB never meets an old one's
    pipeline."""
    return _cached_nlp(lang, kb, model)
