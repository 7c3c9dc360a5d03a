"""Article → Extraction: the NLP, linking and event stages composed for one or many articles.

For a batch of articles of one language: the rule-based pipeline reads whole texts (tokens,
sentences, gazetteer) and links their mentions (`doc._.kg_links`, for the article set on
`doc._.kg_article`), the sentences that may hold an event (a trigger's prefix and an actor) are
parsed together in one batch by the statistical pipeline, and the events are read off the
parses. spaCy batches the texts (`nlp.pipe(as_tuples=True)`)
and each article's metadata rides along, so 100,000 articles never sit in memory at once.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
import time
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from kgload.errors import KgloadError
from kgload.extract.events import extract_events
from kgload.extract.guard import ArticleTimeoutError, Deadline, internal_error, timeout_problem
from kgload.extract.syntax import ACTOR_KINDS, ParsedSentence
from kgload.linking.kb import KnowledgeBase
from kgload.linking.linker import LinkResult, home_state
from kgload.model import Article, EntityKind, Event, Extraction, Problem
from kgload.nlp.dates import DateMention, find_dates
from kgload.nlp.grammar import Grammar, load_grammar
from kgload.nlp.morphology import (
    present_infinitive,
    read_first_person_forms,
    read_future_forms,
    read_past_forms,
    read_present_forms,
)
from kgload.nlp.parse import (
    load_parser,
    modifier_of_a_verbless_root,
    parse_sentences,
    repair_complement_read_as_relative,
    repair_copula_of_a_place,
    repair_goal_read_as_infinitive_subject,
    repair_of_phrase_of_an_event_noun,
    repair_verb_read_as_a_copula,
    repair_verb_read_as_a_modifier_of_the_root,
)
from kgload.nlp.pipeline import find_datelines, get_nlp, tokenize
from kgload.nlp.quantities import Quantity, find_quantities
from kgload.timing import StageTimer

__all__ = ["STAGES", "analyze", "analyze_articles", "candidate_sentences"]

log = logging.getLogger("kgload")


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A sentence to parse: its words and spaces, each word's span in the article, its number
    and paragraph."""

    words: list[str]
    spaces: list[bool]
    spans: tuple[tuple[int, int], ...]
    number: int
    paragraph: int
    attributions: tuple[tuple[int, int], ...] = ()


_MAX_ATTRIBUTION = 16  # words: a longer lead or tail is a clause of its own


def _attributions(
    lowers: list[str],
    lo: int,
    hi: int,
    grammar: Grammar,
    names: frozenset[tuple[int, int]] = frozenset(),
) -> tuple[int, int, list[tuple[int, int]]]:
    """Cut a fronted ("Segundo a KCNA, …") or trailing (", disse o Kremlin.") attribution off a
    sentence before parsing: small parsers often hang the clause it cites on the source. Returns
    the new token bounds and the token ranges cut off; what they name is the sentence's source."""
    cut: list[tuple[int, int]] = []
    sources = _longest_first(grammar.markers["source"])
    for phrase in sources:
        if tuple(lowers[lo : lo + len(phrase)]) == phrase:
            limit = min(hi - 2, lo + _MAX_ATTRIBUTION)
            comma = next((i for i in range(lo + len(phrase), limit) if lowers[i] == ","), None)
            if comma is not None:
                cut.append((lo, comma + 1))
                lo = comma + 1
            break
    last = max((i for i in range(lo, hi) if lowers[i] == ","), default=None)
    if last is not None and hi - last <= _MAX_ATTRIBUTION and last - lo >= 4:
        after = lowers[last + 1 : last + 4]
        # a source word opens the tail right after the comma (", segundo o Kremlin.", or after
        # a closing quote: ',” according to…'); after a word it is another word (", no segundo
        # dia da visita": an ordinal)
        openers = grammar.source_openers
        form = next(
            (
                k
                for k, word in enumerate(after[:3])
                if word in grammar.tail_forms
                and (word not in openers or not any(w.isalnum() for w in after[:k]))
            ),
            None,
        )
        # (", disse a jornalistas que pretende telefonar…": a speech verb with a clause of its
        # own after it is the sentence's main verb, no trailing attribution)
        if (
            form is not None
            and not _main_speech_verb(lowers, lo, last, form, grammar, names)
            and grammar.complementizers.isdisjoint(lowers[last + 1 : hi])
        ):
            cut.append((last, hi))
            hi = last
    return lo, hi, cut


@functools.lru_cache(maxsize=16)
def _longest_first(phrases: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """A language's source phrases as words, the longest first (sorted once, not per
    sentence)."""
    return tuple(sorted((tuple(p.split()) for p in phrases), key=len, reverse=True))


def _main_speech_verb(
    lowers: list[str],
    lo: int,
    last: int,
    form: int,
    grammar: Grammar,
    names: frozenset[tuple[int, int]],
) -> bool:
    """Whether the speech verb after the sentence's last comma is its main verb, not a cut-off
    attribution: it opens a complement (", disse que…", ", said that…"), or the comma closes
    a name or a relative clause set off by commas after the subject ("O chanceler, Mauro
    Vieira, disse…", "The minister, Sergey Lavrov, said Russia would…", "Francia, que apoya a
    Ucrania, anunció…")."""
    after = last + 1 + form + 1
    if after < len(lowers) and lowers[after] in grammar.complementizers:
        return True
    before = max((i for i in range(lo, last) if lowers[i] == ","), default=None)
    if before is None:
        # "After a call with Zelensky, Biden announced new aid", "In a statement, the Kremlin
        # said…": a short phrase opened by a case word before the only comma is fronted, and
        # the clause after it the sentence's own
        return last - lo <= _MAX_FRONTED and lowers[lo] in grammar.case_openers
    if before + 1 < last and lowers[before + 1] in grammar.relatives:
        # "Francia, que apoya a Ucrania desde 2022, anunció más ayuda": a relative clause
        return True
    return (before + 1, last) in names


_MAX_FRONTED = 8  # words: a fronted phrase ("Após a reunião com Xi,") is short


# an abbreviation whose initials are doubled is a plural one ("EE. UU.", "FF. AA.")
_DOUBLED_INITIAL = re.compile(r"^([A-ZÀ-Þ])\1\.?$")

# how a mention may be resolved for its words to be replaced: a role ("o presidente russo") or a
# demonym ("norte-coreano") is ordinary syntax the parser must see as written
_KEPT_METHODS = frozenset({"role", "demonym"})


def _names_to_replace(
    linked: LinkResult, grammar: Grammar, text: str = ""
) -> dict[int, tuple[int, int, str]]:
    """Names of several words to parse as one familiar word of their kind, by start offset:
    the shortest name starting there, with its end and its placeholder (a state's name after a
    bare preposition, "a Cabo Verde", as a state name that takes no article)."""
    placeholders = dict(grammar.name_placeholders)
    if grammar.person_placeholder:
        placeholders[EntityKind.PERSON.value] = grammar.person_placeholder
    names: dict[int, tuple[int, int, str]] = {}
    for mention in sorted(linked.mentions, key=lambda m: (m.start, m.end)):
        placeholder = placeholders.get(mention.kind.value) if mention.kind else None
        if mention.method == "metonym":
            # a body or a seat standing for its state ("el Departamento de Estado", "o Palácio
            # do Planalto") keeps its article: parsed as an organisation's name, which takes one
            placeholder = placeholders.get(EntityKind.ORGANIZATION.value, placeholder)
        words = mention.text.split()
        if (
            mention.kind is not EntityKind.PERSON
            and grammar.plural_ending
            and (
                (len(words[0]) > 3 and words[0].endswith(grammar.plural_ending))
                or all(_DOUBLED_INITIAL.match(w) for w in words)
            )
        ):
            placeholder = grammar.plural_placeholder  # "pelos Estados Unidos" → "pelos EUA"
        elif (
            mention.kind is EntityKind.STATE
            and grammar.bare_state_placeholder
            and _word_before(text, mention.start) in grammar.bare_prepositions
        ):
            placeholder = grammar.bare_state_placeholder  # "a Cabo Verde" → "a Portugal"
        if (
            placeholder
            and mention.method not in _KEPT_METHODS
            and (
                len(words) > 1
                # a state's one-word name opening a sentence ("Irán ha mantenido su apoyo…",
                # read as an adverb there)
                or (mention.kind is EntityKind.STATE and _opens_sentence(text, mention.start))
            )
        ):
            names.setdefault(mention.start, (mention.start, mention.end, placeholder))
    return names


def _opens_sentence(text: str, offset: int) -> bool:
    """Whether the word at `offset` opens a line or follows a sentence's end."""
    before = text[:offset].rstrip(" ")
    return not before or before[-1] in "\n.!?"


def _word_before(text: str, offset: int) -> str:
    """The word that ends right before `offset` (across spaces), or "": as written, since a
    capitalised one opens the sentence ("A África do Sul tem…": the article, no preposition)."""
    words = text[max(0, offset - 20) : offset].split()
    return words[-1] if words else ""


def _repeated_abbreviations(linked: LinkResult, text: str) -> frozenset[int]:
    """Start offsets of the words of ", OEA," in "la Organización de los Estados Americanos,
    OEA, visita": an abbreviation set off by commas right after the name it abbreviates says
    nothing new, and a small parser reads the commas as the end of the subject; the parser
    sees the sentence without it (the mention stays linked)."""
    found: set[int] = set()
    mentions = sorted(linked.mentions, key=lambda m: m.start)
    for first, second in itertools.pairwise(mentions):
        between = text[first.end : second.start]
        after = text[second.end : second.end + 2].lstrip(" ")
        if (
            first.key == second.key
            and between.strip() == ","
            and second.text.isupper()
            and " " not in second.text
            and after.startswith(",")
        ):
            found.add(first.end + between.index(","))
            found.add(second.start)
            found.add(text.index(",", second.end))
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class _Words:
    """Each token's text, offset, trailing space and punctuation flag, read once per article
    from the doc's arrays: a Token object made for every look costs more than the look."""

    texts: list[str]
    lowers: list[str]
    starts: list[int]
    spaced: list[bool]
    punct: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> _Words:
        """The words of `doc`."""
        rows = doc.to_array(["ORTH", "LOWER", "IDX", "SPACY", "IS_PUNCT"]).tolist()
        strings = doc.vocab.strings
        # each form looked up once (`Token.text` and `Token.lower_` look up every token's)
        forms: dict[int, str] = {}
        texts: list[str] = []
        lowers: list[str] = []
        for orth, lower, _, _, _ in rows:
            text = forms.get(orth)
            if text is None:
                text = forms[orth] = strings[orth]
            texts.append(text)
            lowered = forms.get(lower)
            if lowered is None:
                lowered = forms[lower] = strings[lower]
            lowers.append(lowered)
        return cls(
            texts=texts,
            lowers=lowers,
            starts=[row[2] for row in rows],
            spaced=[row[3] == 1 for row in rows],
            punct=[row[4] == 1 for row in rows],
        )

    def text(self) -> str:
        """The doc's text (`Doc.text`), joined from the words and their trailing spaces."""
        return "".join(
            f"{word} " if spaced else word
            for word, spaced in zip(self.texts, self.spaced, strict=True)
        )


def _parse_words(
    tokens: _Words,
    lo: int,
    hi: int,
    names: dict[int, tuple[int, int, str]],
    repeated: frozenset[int] = frozenset(),
) -> tuple[list[str], list[bool], tuple[tuple[int, int], ...]]:
    """The words the parser sees for the sentence of tokens [lo, hi): a name of several words
    becomes one familiar name of its kind ("Luiz Inácio Lula da Silva" → "João", "Reino Unido"
    → "Francia"), which small parsers attach far better than a run of capitalised words, some
    of them common nouns and adjectives; each word keeps the span it stands for."""
    texts, starts, spaced = tokens.texts, tokens.starts, tokens.spaced
    words: list[str] = []
    spaces: list[bool] = []
    spans: list[tuple[int, int]] = []
    index = lo
    dropped = _scare_quotes(tokens, lo, hi)
    while index < hi:
        begin = starts[index]
        if index in dropped or begin in repeated:
            if spaces and spaced[index]:
                spaces[-1] = True
            index += 1
            continue
        name = names.get(begin)
        if name is not None:
            last = index
            while last + 1 < hi and starts[last + 1] < name[1]:
                last += 1
            # a name the tokenizer kept as one token with a space inside ("EE. UU.") too, and
            # a state's one-word name ("Irán", which the tagger may read as an adverb)
            if last > index or " " in texts[index] or name[1] == begin + len(texts[index]):
                words.append(name[2])
                spans.append((begin, starts[last] + len(texts[last])))
                spaces.append(spaced[last])
                index = last + 1
                continue
        words.append(texts[index])
        spans.append((begin, begin + len(texts[index])))
        spaces.append(spaced[index])
        index += 1
    if spaces:
        spaces[-1] = False
    return words, spaces, tuple(spans)


# quotation marks by their opening mark, and the longest phrase between two that is a quoted
# name for something rather than a quoted sentence
_QUOTES = {"\u201c": "\u201d", "\u00ab": "\u00bb", '"': '"', "\u2018": "\u2019"}
_SCARE_QUOTED_WORDS = 6


def _scare_quotes(tokens: _Words, lo: int, hi: int) -> frozenset[int]:
    """The positions of the marks around a short quoted phrase inside the sentence of tokens
    [lo, hi) ("condemned what it called \u201cblatant aggression\u201d", "a \u00abspecial
    operation\u00bb"): small parsers read such a phrase as a clause of its own ("blatant" a verb,
    "aggression" its object), so the parser does not see its marks; a quotation with a verb or
    a stop of its own keeps them."""
    texts, punct = tokens.texts, tokens.punct
    dropped: set[int] = set()
    index = lo
    while index < hi:
        closing = _QUOTES.get(texts[index])
        if closing is None:
            index += 1
            continue
        end = next(
            (k for k in range(index + 1, min(hi, index + _SCARE_QUOTED_WORDS + 2))
             if texts[k] == closing),
            None,
        )
        if end is None:
            index += 1
            continue
        if end > index + 1 and not any(punct[index + 1 : end]):
            dropped.update((index, end))
        index = end + 1
    return frozenset(dropped)


@dataclass(frozen=True, slots=True)
class _Prepared:
    article: Article
    linked: LinkResult
    dates: list[DateMention]
    quantities: list[Quantity]
    candidates: list[_Candidate]
    datelines: list[tuple[int, int]]
    home: str | None


def _we_act(words: Sequence[str], grammar: Grammar) -> bool:
    """A sentence a government's own text tells in the first person ("Condenamos este ataque
    contra nuestra misión", "Condeno firmemente…"), or with a pronoun of a speaker or of whom
    they address ("I welcome you to Sochi"): its actors are named by the verb or the pronoun
    alone (a plural form anywhere, a singular opening it)."""
    if grammar.speaker_pronouns.intersection(words):
        return True
    if not grammar.first_person_plural_endings or not words:
        return False
    return present_infinitive(words[0], grammar, grammar.first_person_endings) is not None or any(
        present_infinitive(w, grammar, grammar.first_person_plural_endings) for w in words
    )


def candidate_sentences(
    doc: Doc, linked: LinkResult, grammar: Grammar, *, check: Callable[[], None] | None = None
) -> tuple[list[_Candidate], int]:
    """The sentences worth parsing (a word that may be a trigger, and an actor or a group
    reference to fill a role), and how many sentences the article has. `check` is called for
    each sentence (the article's time limit)."""
    sent_starts = doc.to_array("SENT_START").tolist()
    spaces_flags = doc.to_array("IS_SPACE").tolist()
    bounds = [i for i, flag in enumerate(sent_starts) if flag == 1]
    if not bounds or bounds[0] != 0:
        bounds.insert(0, 0)
    bounds.append(len(doc))
    bounds = _windows(bounds)
    actor_starts = sorted(m.start for m in linked.mentions if m.kind in ACTOR_KINDS)
    tokens = _Words.of(doc)
    text = tokens.text()
    names = _names_to_replace(linked, grammar, text)
    repeated = _repeated_abbreviations(linked, text)
    lowers = tokens.lowers
    person_names = _person_tokens(tokens.starts, linked)
    numbers = set(grammar.numbers)
    report = grammar.classes.get("report", frozenset())
    result: list[_Candidate] = []
    number = 0
    paragraph = 0
    last_end = 0
    for lo, hi in itertools.pairwise(bounds):
        if check is not None:
            check()
        while lo < hi and spaces_flags[lo]:
            lo += 1
        while hi > lo and spaces_flags[hi - 1]:
            hi -= 1
        if lo >= hi:
            continue
        start = tokens.starts[lo]
        end = tokens.starts[hi - 1] + len(tokens.texts[hi - 1])
        paragraph += text.count("\n", last_end, start) > 0
        last_end = end
        words = lowers[lo:hi]
        first = bisect_left(actor_starts, start)
        inside = first < len(actor_starts) and actor_starts[first] < end
        worth = grammar.may_hold_event(words) or bool(report & set(words))
        # (the first-person test only where the cheaper ones found no actor)
        if worth and (inside or bool(numbers & set(words)) or _we_act(words, grammar)):
            body_lo, body_hi, cut = _attributions(lowers, lo, hi, grammar, person_names)
            words_, spaces, spans = _parse_words(tokens, body_lo, body_hi, names, repeated)
            attributions = tuple(
                (tokens.starts[a], tokens.starts[b - 1] + len(tokens.texts[b - 1])) for a, b in cut
            )
            result.append(
                _Candidate(
                    words=words_,
                    spaces=spaces,
                    spans=spans,
                    number=number,
                    paragraph=paragraph,
                    attributions=attributions,
                )
            )
        number += 1
    return result, number


def _person_tokens(starts: list[int], linked: LinkResult) -> frozenset[tuple[int, int]]:
    """The token range [first, end) of each person's name the linker found, from the
    tokens' offsets."""
    found: set[tuple[int, int]] = set()
    for mention in linked.mentions:
        if mention.kind is not EntityKind.PERSON or mention.method in _KEPT_METHODS:
            continue
        first = bisect_left(starts, mention.start)
        end = bisect_left(starts, mention.end)
        if first < end:
            found.add((first, end))
    return frozenset(found)


# tokens: no sentence of news is this long (the longest in the data sets has 101); a longer
# run without a full stop or a line break (a list, a data dump) is read in windows of this
# size, as the parse and the role reading grow with the square of a sentence's length
_MAX_SENTENCE = 250


def _windows(bounds: list[int]) -> list[int]:
    """Sentence bounds with every sentence over `_MAX_SENTENCE` tokens cut into windows."""
    result = [bounds[0]]
    for lo, hi in itertools.pairwise(bounds):
        result.extend(range(lo + _MAX_SENTENCE, hi, _MAX_SENTENCE))
        result.append(hi)
    return result


def _prepare(
    doc: Doc, article: Article, kb: KnowledgeBase, grammar: Grammar, deadline: Deadline
) -> _Prepared:
    """What the rule pipeline found in the article (its links: `kgload_linker_v1`), and the
    sentences, dates and numbers to read events from."""
    check = deadline.check
    linked = doc._.kg_links
    assert isinstance(linked, LinkResult), "the rule pipeline has no kgload_linker_v1"
    candidates, _ = candidate_sentences(doc, linked, grammar, check=check)
    dates = find_dates(article.text, lang=article.lang, published=article.published)
    check()
    quantities = find_quantities(article.text, lang=article.lang)
    check()
    return _Prepared(
        article=article,
        linked=linked,
        dates=dates,
        quantities=quantities,
        candidates=candidates,
        datelines=find_datelines(article.text),
        home=home_state(article, kb),
    )


def _extract(
    prepared: _Prepared,
    parsed: Sequence[Doc],
    grammar: Grammar,
    check: Callable[[], None] | None = None,
) -> Extraction:
    article, linked = prepared.article, prepared.linked
    sentences = [
        ParsedSentence(
            doc=doc,
            spans=c.spans,
            number=c.number,
            paragraph=c.paragraph,
            attributions=c.attributions,
        )
        for doc, c in zip(parsed, prepared.candidates, strict=True)
    ]
    events = extract_events(
        article,
        sentences,
        linked.mentions,
        linked.entities,
        grammar,
        prepared.dates,
        prepared.quantities,
        excluded=prepared.datelines,
        home=prepared.home,
        check=check,
    )
    used = {m.key for m in linked.mentions} | {
        m.literal_key for m in linked.mentions if m.literal_key
    }
    for event in events:
        used.update(event.participants)
        used.update(event.reported_by)
        if event.place:
            used.add(event.place)
    entities = tuple(e for key, e in sorted(linked.entities.items()) if key in used)
    return Extraction(
        article=article, entities=entities, mentions=linked.mentions, events=_dedupe(events)
    )


def _dedupe(events: Iterable[Event]) -> tuple[Event, ...]:
    """Events with the same identity (and so the same IRI) become one, evidence pooled."""
    by_key: dict[str, Event] = {}
    for event in events:
        key = event.identity()
        kept = by_key.get(key)
        if kept is None:
            by_key[key] = event
            continue
        evidence = kept.evidence + tuple(e for e in event.evidence if e not in kept.evidence)
        reported = tuple(dict.fromkeys(kept.reported_by + event.reported_by))
        by_key[key] = replace(
            kept,
            evidence=evidence,
            reported_by=reported,
            place=kept.place or event.place,
            personnel=kept.personnel if kept.personnel is not None else event.personnel,
            personnel_bound=kept.personnel_bound or event.personnel_bound,
        )
    return tuple(by_key.values())


def analyze(article: Article, kb: KnowledgeBase, *, model: str | None = None) -> Extraction:
    """Analyse one article (builds or reuses the language's pipelines)."""
    for result in analyze_articles([article], kb, model=model):
        if isinstance(result, Problem):
            raise KgloadError(result.message)
        return result
    raise KgloadError("no result")  # pragma: no cover - analyze_articles yields one per article


# the stages `analyze_articles(stage_seconds=...)` times, in the order an article meets them
STAGES = ("rules", "candidates", "parse", "repairs", "events")


def analyze_articles(
    articles: Iterable[Article],
    kb: KnowledgeBase,
    *,
    model: str | None = None,
    batch_size: int = 32,
    timeout: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    stage_seconds: MutableMapping[str, float] | None = None,
) -> Iterator[Extraction | Problem]:
    """Analyse a stream of articles, batching those of one language through spaCy.

    One result per article, in order. An article the analysis fails on (a bug in kgload, not
    bad input) becomes a Problem with the code `internal-error`, and one that takes more than
    `timeout` seconds of analysis (time read from `clock`) an `article-timeout` Problem, so one
    odd article never stops a large load.

    `stage_seconds`, when given, adds up the CPU seconds of each stage (`STAGES`), so a slow
    run can be told apart: the rules and links, the choice of sentences, dates and numbers,
    the statistical parse, its repairs, and the events read from the trees.
    """
    batch: list[Article] = []
    for article in articles:
        if batch and batch[-1].lang != article.lang:
            yield from _run(batch, kb, model, batch_size, timeout, clock, stage_seconds)
            batch = []
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _run(batch, kb, model, batch_size, timeout, clock, stage_seconds)
            batch = []
    if batch:
        yield from _run(batch, kb, model, batch_size, timeout, clock, stage_seconds)


@dataclass(slots=True)
class _Job:
    """One article of a batch on its way through the stages."""

    article: Article
    deadline: Deadline
    prepared: _Prepared | None = None
    parsed: list[Doc] | None = None
    problem: Problem | None = None

    def fail(self, exc: Exception) -> None:
        self.deadline.stop()
        if isinstance(exc, ArticleTimeoutError):
            self.problem = timeout_problem(self.article.source, self.deadline.limit)
        else:
            self.problem = internal_error(self.article.source, exc)


def _run(
    batch: list[Article],
    kb: KnowledgeBase,
    model: str | None,
    batch_size: int,
    timeout: float | None,
    clock: Callable[[], float],
    stage_seconds: MutableMapping[str, float] | None = None,
) -> Iterator[Extraction | Problem]:
    lang = batch[0].lang
    timed = StageTimer(stage_seconds)
    nlp = get_nlp(lang, kb, model=model)
    parser = load_parser(lang, model)
    grammar = load_grammar(lang)
    jobs = [_Job(article, Deadline(timeout, clock)) for article in batch]
    for job in jobs:
        job.deadline.start()
        try:
            with timed("rules"):
                doc = tokenize(nlp, job.article.text, check=job.deadline.check)
                doc._.kg_article = job.article
                for _name, component in nlp.pipeline:
                    doc = component(doc)
                    job.deadline.check()
            with timed("candidates"):
                job.prepared = _prepare(doc, job.article, kb, grammar, job.deadline)
        except KgloadError:
            raise
        except Exception as exc:  # one article's bug or time limit must not stop the others
            job.fail(exc)
        job.deadline.stop()
    if parser is not None:
        _parse(jobs, parser, grammar, clock, stage_seconds)
    for job in jobs:
        result: Extraction | Problem | None = job.problem
        if result is None and job.prepared is not None:
            prepared = job.prepared if parser is not None else replace(job.prepared, candidates=[])
            job.deadline.start()
            try:
                with timed("events"):
                    result = _extract(prepared, job.parsed or [], grammar, job.deadline.check)
            except KgloadError:
                raise
            except Exception as exc:  # one article's bug or time limit must not stop the others
                job.fail(exc)
                result = job.problem
            job.deadline.stop()
        assert result is not None
        yield result


_PARSE_BATCH = 64


def _repair_with_the_grammar(doc: Doc, grammar: Grammar, event_noun_cases: frozenset[str]) -> None:
    """The parse repairs that need the language's words: verb forms the tagger missed (futures,
    presents and preterites read as nouns or adjectives), "estar" in a place, complements read
    as relatives, phrases of event nouns, infinitives' goals."""
    for verb in read_future_forms(doc, grammar):
        repair_verb_read_as_a_copula(verb)
    for verb in read_present_forms(doc, grammar, modifier_of_a_verbless_root):
        repair_verb_read_as_a_modifier_of_the_root(verb)
    for verb in read_past_forms(doc, grammar, modifier_of_a_verbless_root):
        repair_verb_read_as_a_modifier_of_the_root(verb)
    read_first_person_forms(doc, grammar)
    if grammar.locative_copulas:
        repair_copula_of_a_place(doc, grammar.locative_copulas)
    repair_complement_read_as_relative(doc, grammar.speech)
    repair_of_phrase_of_an_event_noun(
        doc, grammar.nouns, event_noun_cases, grammar.markers["partner"]
    )
    if grammar.clause_subject_cases:
        repair_goal_read_as_infinitive_subject(doc, grammar.clause_subject_cases)


def _parse(
    jobs: list[_Job],
    parser: Language,
    grammar: Grammar,
    clock: Callable[[], float],
    stage_seconds: MutableMapping[str, float] | None = None,
) -> None:
    """Parse the candidate sentences of every article of the batch together, 64 at a time
    (spaCy's minibatch size, so the groups are those of one call); each article is charged
    its share of a group's time, and one past its limit has the rest of its sentences
    skipped."""

    def queue() -> Iterator[tuple[_Job, _Candidate]]:
        for job in jobs:
            if job.prepared is None:
                continue
            job.parsed = []
            for candidate in job.prepared.candidates:
                if job.problem is not None:
                    break
                yield job, candidate

    timed = StageTimer(stage_seconds)
    # the case words of a phrase that says whose or to whom an event noun's event is
    event_noun_cases = grammar.markers["of"] | grammar.markers["recipient"]
    pending = queue()
    while group := list(itertools.islice(pending, _PARSE_BATCH)):
        before = clock()
        docs = parse_sentences(
            parser,
            [(c.words, c.spaces) for _, c in group],
            batch_size=64,
            stage_seconds=stage_seconds,
        )
        with timed("repairs"):
            for doc in docs:
                _repair_with_the_grammar(doc, grammar, event_noun_cases)
        share = (clock() - before) / len(group)
        for (job, _), doc in zip(group, docs, strict=True):
            if job.problem is not None:
                continue
            assert job.parsed is not None
            job.parsed.append(doc)
            job.deadline.spent += share
            try:
                job.deadline.check()
            except ArticleTimeoutError as exc:
                job.fail(exc)
