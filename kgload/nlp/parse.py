"""The statistical half of the NLP stage: tags, morphology, lemmas and a dependency parse, for the
sentences that may hold an event.

By default each language uses kgload's own pipeline, trained on Universal Dependencies and
shipped in ``kgload/nlp/models/<lang>/`` (see ``training/``). The ``spacy_model`` setting names
another installed pipeline or a path to one, or ``blank`` for none (then no sentence is parsed
and no event is read: names and links only). The whole article is tokenised, split into
sentences and matched against the knowledge base by the fast rule-based half
(`kgload.nlp.pipeline`); only the sentences that may hold an event (a trigger's prefix and an
actor, see `kgload.extract.analyze.candidate_sentences`) are parsed here, which keeps the
statistical cost to a fraction of the text. An installed pipeline serves the articles of its own
language; the other languages keep kgload's own.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kgload.errors import UsageError

__all__ = ["BLANK", "load_parser", "parse_sentences", "shipped_model_path"]

log = logging.getLogger("kgload")

BLANK = "blank"
# what kgload needs from a pipeline: everything else (NER, text classifiers) is left out
_EXCLUDE = [
    "ner",
    "entity_ruler",
    "entity_linker",
    "textcat",
    "textcat_multilabel",
    "spancat",
    "span_finder",
    "coref",
    "span_resolver",
]


def shipped_model_path(lang: str) -> Path | None:
    """The folder of kgload's own pipeline for `lang`, or None when none ships."""
    folder = resources.files("kgload.nlp") / "models" / lang
    path = Path(str(folder))
    return path if (path / "config.cfg").is_file() else None


@functools.lru_cache(maxsize=8)
def load_parser(lang: str, model: str | None = None) -> Language | None:
    """The statistical pipeline for `lang` (cached), or None for ``blank``.

    Raises UsageError naming the setting when the model cannot be loaded.
    """
    if model == BLANK:
        return None
    if model:
        try:
            nlp = spacy.load(model, exclude=_EXCLUDE)
        except (OSError, ValueError) as exc:
            raise UsageError(
                f"spacy_model {model!r} cannot be loaded ({exc}); install it, give the path to "
                f'a pipeline folder, or use spacy_model = "{BLANK}"'
            ) from exc
        if nlp.lang != lang:
            # a pipeline serves its own language; the others keep kgload's own
            log.info(
                "spacy_model %r is a %r pipeline; %r articles use kgload's", model, nlp.lang, lang
            )
            return load_parser(lang, None)
        return nlp
    path = shipped_model_path(lang)
    if path is None:
        raise UsageError(
            f"kgload ships no pipeline for {lang!r} (kgload/nlp/models/{lang}); run `make "
            f'models`, or set spacy_model to an installed pipeline or "{BLANK}"'
        )
    return spacy.load(path, exclude=_EXCLUDE)


def parse_sentences(
    parser: Language, sentences: Sequence[tuple[list[str], list[bool]]], *, batch_size: int = 64
) -> list[Doc]:
    """Parse sentences given as (words, spaces), in order; the tokens stay as given, so a
    token's offset in its sentence is its offset in the article minus the sentence's."""
    # each sentence is parsed as one: the parser may not split what the rules kept together
    docs = [
        Doc(
            parser.vocab,
            words=words,
            spaces=spaces,
            sent_starts=[True, *([False] * (len(words) - 1))],
        )
        for words, spaces in sentences
        if words
    ]
    parsed = list(parser.pipe(docs, batch_size=batch_size))
    for doc in parsed:
        _repair_unmarked_agents(doc)
        _repair_case_on_possessor(doc)
    return parsed


def _repair_case_on_possessor(doc: Doc) -> None:
    """ "imposed sanctions on Russia's oil companies" with "on" hung on the possessor "Russia":
    a preposition before a possessor belongs to the phrase the possessor opens, when that
    phrase has no case word of its own (a possessor takes none: "'s" follows it)."""
    for token in doc:
        if token.dep_ != "case" or token.head.dep_ != "nmod:poss" or token.i > token.head.i:
            continue
        owner = token.head
        phrase = owner.head
        if (
            phrase.i > owner.i
            and phrase.dep_ in ("obl", "nmod")
            and not any(c.dep_ == "case" for c in phrase.children)
            and token.i == min(t.i for t in phrase.subtree)
        ):
            token.head = phrase


def _repair_unmarked_agents(doc: Doc) -> None:
    """ "Biden hosted President Yoon" labelled `obl:agent` with no case word: a verb with an
    active subject and no passive auxiliary has its agent already, so an unmarked phrase after
    it so labelled is its object (small parsers make this error on runs of names)."""
    for token in doc:
        head = token.head
        if (
            token.dep_ == "obl:agent"
            and head.i < token.i
            and head.pos_ == "VERB"
            and not any(c.dep_ == "case" for c in token.children)
            and any(c.dep_ == "nsubj" for c in head.children)
            and not any(c.dep_ in ("aux:pass", "nsubj:pass") for c in head.children)
        ):
            token.dep_ = "obj"
