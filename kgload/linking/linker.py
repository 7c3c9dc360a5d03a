"""Mention detection and linking: gazetteer candidates, roles at the article's date, demonyms,
metonyms, within-article coreference and unknown names.

Precision comes first: a candidate that is ambiguous, or a surname with no antecedent and no
prominent owner, stays unlinked rather than getting a wrong QID.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import NamedTuple

import spacy.util
from spacy.tokens import Doc, Span

from kgload.linking.kb import Alias, KBEntity, KnowledgeBase, fold_accents
from kgload.model import Article, Entity, EntityKind, Mention, local_key
from kgload.nlp.lexicon import Lexicon

__all__ = ["HOME_STATES", "LinkResult", "calendar_words", "home_state", "link_mentions"]

# Country-code top-level domains → state, for "the Prime Minister" in a gov.uk readout.
HOME_STATES = {
    "uk": "Q145",
    "br": "Q155",
    "pt": "Q45",
    "ru": "Q159",
    "ua": "Q212",
    "kr": "Q884",
    "kp": "Q423",
    "cn": "Q148",
    "jp": "Q17",
    "fr": "Q142",
    "de": "Q183",
    "it": "Q38",
    "es": "Q29",
    "ar": "Q414",
    "ao": "Q916",
    "mz": "Q1029",
    "in": "Q668",
    "ca": "Q16",
    "au": "Q408",
    "nz": "Q664",
    "mx": "Q96",
    "tr": "Q43",
    "il": "Q801",
    "ir": "Q794",
    "za": "Q258",
    "gov": "Q30",
    "mil": "Q30",
    "us": "Q30",
}

_SURNAME_PROMINENCE = 70
_LABEL_TOKENS = 7  # words of a transcript's speaker label ("ALTA FUNCIONARIA DEL DEPARTAMENTO…")
_ACRONYM = re.compile(r"^[A-Z]{3,6}$")
_UPPER_WORD = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*$")


@dataclass(frozen=True, slots=True)
class LinkResult:
    mentions: tuple[Mention, ...]
    entities: dict[str, Entity]


@functools.lru_cache(maxsize=8)
def calendar_words(lang: str) -> frozenset[str]:
    """Month and weekday names: capitalised in English, never names of actors."""
    try:
        text = (resources.files("kgload.nlp.lexicons") / f"dates_{lang}.toml").read_text("utf-8")
    except FileNotFoundError:
        return frozenset()
    data = tomllib.loads(text)
    words: set[str] = set()
    for table in ("months", "weekdays", "month_abbreviations"):
        for word in data.get(table, {}):
            words.update(w for w in word.replace("-", " ").split())
    return frozenset(words)


@functools.lru_cache(maxsize=8)
def _stop_words(lang: str) -> frozenset[str]:
    """The language's stop words (spaCy's list), for capitalised words that start a sentence."""
    try:
        return frozenset(spacy.util.get_lang_class(lang).Defaults.stop_words)
    except ImportError:
        return frozenset()


def home_state(article: Article, kb: KnowledgeBase | None = None) -> str | None:
    """The state an outlet reports from: `country:` metadata, the URL's country domain, or a
    seat of government or state the outlet's name contains ("Whitehall Briefing Room",
    "Palácio do Planalto")."""
    declared = article.metadata.get("country")
    if declared and declared.startswith("Q"):
        return declared
    if article.url:
        host = re.sub(r"^[a-z]+://", "", article.url).split("/")[0].split(":")[0].lower()
        found = HOME_STATES.get(host.rsplit(".", 1)[-1])
        if found:
            return found
    if kb is not None and article.outlet:
        return kb.state_named_in(article.outlet)
    return None


def _case_ok(alias: Alias, text: str) -> bool:
    """Names must be capitalised as in the KB; acronyms must match exactly; demonyms any case."""
    if alias.type == "abbr":
        return text == alias.text
    if alias.type == "demonym":
        return True
    written = text.split()
    wanted = alias.text.split()
    if len(written) != len(wanted):
        return text[:1].isupper() or not alias.text[:1].isupper()
    if text.isupper() and len(text) > 4:
        return False  # ALL-CAPS transcripts: too noisy to trust for names
    return all(
        not w[:1].isupper() or s[:1].isupper() or _particle_case(s, w)
        for s, w in zip(written, wanted, strict=True)
    )


def _particle_case(written: str, wanted: str) -> bool:
    """A name word led by a short particle and a hyphen is written with the particle in either
    case, the name after it capitalised ("al-Abadi" for "Al-Abadi", "el-Sisi" for "El-Sisi"):
    the case of the name decides."""
    head, _, rest = written.partition("-")
    return (
        0 < len(head) <= 3
        and rest[:1].isupper()
        and wanted.partition("-")[2][:1].isupper()
    )


def _outermost(role_spans: Sequence[Span]) -> list[Span]:
    """The role phrases to read, left to right: the longest of those starting at a token, and
    none that starts inside one already taken ("Minister" inside "Prime Minister")."""
    longest: dict[int, Span] = {}
    for span in role_spans:
        if span.start not in longest or span.end > longest[span.start].end:
            longest[span.start] = span
    kept: list[Span] = []
    skip_until = -1
    for span in sorted(longest.values(), key=lambda s: s.start):
        if span.start < skip_until:
            continue
        skip_until = span.end
        kept.append(span)
    return kept


class _TokenRange(NamedTuple):
    start: int
    end: int


class _Linker:
    def __init__(self, doc: Doc, article: Article, kb: KnowledgeBase, lexicon: Lexicon) -> None:
        self.doc = doc
        self.article = article
        self.kb = kb
        self.lexicon = lexicon
        self.day: dt.date | None = article.published
        self.mentions: list[Mention] = []
        self.first_start: dict[str, int] = {}  # key -> where the article first names it
        self.people_by_word: dict[str, list[Mention]] = {}  # a word of a person's name
        self.roles_by_end: dict[int, list[Mention]] = {}  # role mentions by end offset
        self.states_by_end: dict[int, Mention] = {}  # state names and demonyms by end offset
        self.states_by_start: dict[int, Mention] = {}  # ... and by start offset
        self.entities: dict[str, Entity] = {}
        self.covered: set[int] = set()  # token indices inside a linked mention
        self.calendar = calendar_words(article.lang)
        self.context: set[str] = set()  # QIDs the article names unambiguously
        self.titled_names: dict[int, str | None] = {}  # token index of a name after a title
        # a name after a title with no state ("La canciller, Alicia Bárcena"): the title's label
        self.titled_by: dict[int, str] = {}
        # unknown people so titled, by the title's label: (where first named, key)
        self.unplaced: dict[str, list[tuple[int, str]]] = {}
        # a title with a state that names nobody in the KB ("la canciller mexicana"): label,
        # state, token range
        self.unresolved_roles: list[tuple[str, str, int, int]] = []
        self.by_text: Mapping[str, list[Alias]] = {}  # the alias table, for names with initials
        # Token-level facts read once from the doc's arrays: Token objects are costly to make.
        arrays = doc.to_array(["IDX", "LENGTH", "SENT_START"]).tolist()
        text = article.text  # the text the doc was made from; doc.text rebuilds it token by token
        self.offsets = [row[0] for row in arrays]
        self.texts = [text[row[0] : row[0] + row[1]] for row in arrays]
        # the whitespace after each token: what lies between it and the next
        ends = [row[0] + row[1] for row in arrays]
        self.gaps = [text[ends[k] : self.offsets[k + 1]] for k in range(len(arrays) - 1)]
        self.gaps.append(text[ends[-1] :] if arrays else "")
        self.sent_start = [row[2] == 1 for row in arrays]
        self.sentence_of = list(itertools.accumulate(int(v) for v in self.sent_start))
        self.upper = [bool(_UPPER_WORD.match(t)) for t in self.texts]
        self.token_starting = {offset: i for i, offset in enumerate(self.offsets)}
        self.token_ending = {end: i + 1 for i, end in enumerate(ends)}

    # -- helpers -----------------------------------------------------------------------------
    def _add(
        self,
        start_tok: int,
        end_tok: int,
        key: str,
        kind: EntityKind | None,
        method: str,
        literal: str | None = None,
    ) -> Mention:
        start = self.offsets[start_tok]
        end = self.offsets[end_tok - 1] + len(self.texts[end_tok - 1])
        mention = Mention(
            start=start,
            end=end,
            text=self.article.text[start:end],
            key=key,
            kind=kind,
            method=method,
            literal_key=literal,
            sentence=max(0, self.sentence_of[start_tok] - 1) if self.sentence_of else 0,
        )
        self.mentions.append(mention)
        self.covered.update(range(start_tok, end_tok))
        # indexes for the questions asked once per name (scanning every mention each time is
        # quadratic on a long article)
        first = self.first_start.get(key)
        if first is None or start < first:
            self.first_start[key] = start
        if kind is EntityKind.PERSON and method in ("unknown", "name"):
            for word in set(mention.text.split()):
                self.people_by_word.setdefault(word, []).append(mention)
        if method == "role":
            self.roles_by_end.setdefault(end, []).append(mention)
        if kind is EntityKind.STATE or method == "demonym":
            self.states_by_end[end] = mention
            self.states_by_start[start] = mention
        return mention

    def _entity(self, qid: str) -> KBEntity | None:
        return self.kb.entities.get(qid)

    def _remember(self, qid: str) -> None:
        if qid not in self.entities:
            entity = self.kb.entity(qid)
            if entity is not None:
                self.entities[qid] = entity

    def _choose(self, aliases: Sequence[Alias]) -> Alias | None:
        """Pick one candidate; None when two different entities tie (precision first)."""
        if not aliases:
            return None
        seen_states = {m.key for m in self.mentions} | self.context

        def score(alias: Alias) -> tuple[int, int]:
            entity = self._entity(alias.qid)
            prominence = entity.prominence if entity else 0
            bonus = 20 if entity and entity.country in seen_states else 0
            bonus += 10 if alias.qid in seen_states else 0
            return (prominence + bonus, 1 if alias.lang != "*" else 0)

        ranked = sorted(aliases, key=score, reverse=True)
        best = ranked[0]
        rival = next((a for a in ranked[1:] if a.qid != best.qid), None)
        if rival is not None and score(rival)[0] == score(best)[0]:
            return None
        return best

    # -- stages ------------------------------------------------------------------------------
    def link_gazetteer(
        self, spans: Sequence[Span], gazetteer_by_text: Mapping[str, list[Alias]]
    ) -> list[tuple[Span, Alias]]:
        usable: list[tuple[Span, list[Alias]]] = []
        for span in spans:
            written = self._text(span.start, span.end)
            aliases = [
                a for a in gazetteer_by_text.get(written.lower(), []) if _case_ok(a, written)
            ]
            if aliases:
                usable.append((span, aliases))
        # What the article names without doubt is the context for what it names ambiguously:
        # "Georgia" beside "the United States" is the state, beside "Russia" the country.
        self.context = {
            aliases[0].qid for _, aliases in usable if len({a.qid for a in aliases}) == 1
        }
        # longest first, then leftmost: "Coreia do Norte" beats "Coreia"
        usable.sort(key=lambda item: (-(item[0].end - item[0].start), item[0].start))
        taken: set[int] = set()
        chosen: list[tuple[Span, Alias]] = []
        for span, aliases in usable:
            if any(i in taken for i in range(span.start, span.end)):
                continue
            pick = self._choose(aliases)
            if pick is None:
                continue
            taken.update(range(span.start, span.end))
            chosen.append((span, pick))
        chosen.sort(key=lambda item: item[0].start)
        return chosen

    def add_gazetteer_mentions(self, chosen: Sequence[tuple[Span, Alias]]) -> None:
        linked_starts = {span.start for span, _ in chosen}
        demonym_ends = {span.end for span, alias in chosen if alias.type == "demonym"}
        for span, alias in chosen:
            entity = self._entity(alias.qid)
            if entity is None:
                continue
            if (
                entity.kind is EntityKind.STATE
                and alias.type == "name"
                and self._first_name_of_a_person(span, linked_starts, demonym_ends)
            ):
                continue
            if alias.type == "surname" and (
                not self._surname_ok(alias.qid, span.start)
                or self._inside_longer_name(span)
                or self._capitalised_determiner(span)
            ):
                continue
            if (
                entity.stands_for
                and alias.type != "demonym"
                and self._part_of_a_name(span, glued_after=entity.category == "capital")
            ):
                continue
            if entity.stands_for and alias.type != "demonym" and self._entity(entity.stands_for):
                # Metonym: the text names a capital or a building; the actor is the state.
                self._remember(entity.stands_for)
                self._remember(entity.qid)
                self._add(
                    span.start,
                    span.end,
                    entity.stands_for,
                    self.kb.entities[entity.stands_for].kind,
                    "metonym",
                    literal=entity.qid,
                )
                continue
            self._remember(entity.qid)
            method = {
                "demonym": "demonym",
                "surname": "coreference",
                "abbr": "alias",
                "short": "alias",
                "metonym": "metonym",
            }.get(alias.type, "name")
            self._add(span.start, span.end, entity.qid, entity.kind, method)

    def link_hyphenated_rulers(self) -> None:
        """ "el régimen de Ortega-Murillo", "o governo Biden-Harris": two surnames joined by a
        hyphen, which Portuguese and Spanish tokenizers keep as one word, beside a word of
        government name whose government it is by the first surname, as one surname alone
        would ("el régimen de Ortega")."""
        for index, token in enumerate(self.doc):
            parts = token.text.split("-")
            if (
                len(parts) != 2
                or index in self.covered
                or not all(p[:1].isupper() and p[1:].islower() for p in parts)
                or not self._beside_a_government(index)
            ):
                continue
            for alias in self.by_text.get(parts[0].lower(), []):
                entity = self._entity(alias.qid)
                if (
                    alias.type == "surname"
                    and entity is not None
                    and entity.kind is EntityKind.PERSON
                    and self._surname_ok(alias.qid, index)
                ):
                    self._remember(alias.qid)
                    self._add(index, index + 1, alias.qid, EntityKind.PERSON, "coreference")
                    break

    def _part_of_a_name(self, span: Span, *, glued_after: bool) -> bool:
        """ "Dia da Vitória", "Praia de Copacabana", "the Treaty of Paris", "the Washington Post":
        a capital joined by de/of to another capitalised word, or followed by one, is part of a
        longer name, not the seat of a state."""
        doc = self.doc
        of_words = self.lexicon.of_words
        if span.start >= 2:
            joint, head = doc[span.start - 1], doc[span.start - 2]
            if (
                joint.lower_ in of_words
                and _UPPER_WORD.match(head.text)
                and not head.is_sent_start
                and head.lower_ not in self.lexicon.roles
            ):
                return True
        if span.end + 1 < len(doc):
            joint, tail = doc[span.end], doc[span.end + 1]
            if joint.lower_ in of_words and _UPPER_WORD.match(tail.text):
                return True
        # "Washington Post", "Victoria Nuland", "Moscow Times": a city glued to the next
        # capitalised word (a seat like "Pentagon Press Secretary" keeps its title after it)
        return glued_after and self._glued_to_next_name(span)

    def _first_name_of_a_person(
        self, span: Span, linked_starts: set[int], demonym_ends: set[int]
    ) -> bool:
        """ "El presidente argentino, Mauricio Macri": a one-word state name ("Mauricio" is
        Mauritius in Spanish) after a title, the comma that sets a name off or a demonym ("su
        homólogo argentino Mauricio Macri"), glued to a capitalised word nothing links, is a
        person's first name."""
        if len(span) != 1 or span.start == 0 or not self._glued_to_next_name(span):
            return False
        if span.end in linked_starts:
            return False  # "Rusia Unida", a name the gazetteer knows
        before = self.doc[span.start - 1]
        return (
            before.text == ","
            or before.lower_ in self.lexicon.person_cues
            or span.start in demonym_ends
        )

    def _glued_to_next_name(self, span: Span) -> bool:
        """The word right after the span, in the same sentence and line, is capitalised."""
        doc = self.doc
        after = doc[span.end] if span.end < len(doc) else None
        return (
            after is not None
            and _UPPER_WORD.match(after.text) is not None
            and not after.is_sent_start
            and "\n" not in span[-1].whitespace_
        )

    def _inside_longer_name(self, span: Span) -> bool:
        """ "Kim Yong-chol", "Igor Putin": a surname glued to other capitalised words names
        someone else, so a partial match must not link."""
        doc = self.doc
        if self._glued_to_next_name(span):
            return True
        before = doc[span.start - 1] if span.start > 0 else None
        return (
            before is not None
            and _UPPER_WORD.match(before.text) is not None
            and not span[0].is_sent_start
            and before.lower_ not in self.lexicon.person_cues
            and before.lower_ not in self.lexicon.roles
        )

    def _capitalised_determiner(self, span: Span) -> bool:
        """ "Su visita a Francia…": a one-word surname spelled like a determiner of the
        article's language, opening a sentence, is the determiner (the "Su" of Su Tseng-chang)."""
        return (
            len(span) == 1
            and bool(span[0].is_sent_start)
            and span[0].lower_ in self.lexicon.determiners
        )

    def _surname_ok(self, qid: str, token_index: int) -> bool:
        """A surname alone names its owner after the full name was told, for a very prominent
        person or a leader in office, or right after a title ("el secretario Blinken",
        "President Biden")."""
        entity = self._entity(qid)
        first = self.first_start.get(qid)
        earlier = first is not None and first < self.doc[token_index].idx
        before = self.doc[token_index - 1].lower_ if token_index > 0 else ""
        titled = before in self.lexicon.person_cues or before in self.lexicon.roles
        return (
            earlier
            or titled
            or self._beside_a_government(token_index)
            or (entity is not None and entity.prominence >= _SURNAME_PROMINENCE)
            or self._leading_on_the_day(qid)
        )

    def _leading_on_the_day(self, qid: str) -> bool:
        """A head of state or government in office on the article's day is named by surname
        alone ("Milei dijo", "Boric viajó"), however little known abroad."""
        return any(
            office.is_leader
            and qid in self.kb.holders(office.state, leader=True, on=self.day)
            for office in self.kb.offices_of(qid)
        )

    def _beside_a_government(self, token_index: int) -> bool:
        """ "el régimen de Maduro", "o governo Lula", "the Maduro regime": a surname that names
        whose government it is."""
        doc, cues = self.doc, self.lexicon.government_cues
        before = [t.lower_ for t in doc[max(0, token_index - 2) : token_index]]
        if before and before[-1] in self.lexicon.of_words:
            before = before[:-1]
        after = doc[token_index + 1].lower_ if token_index + 1 < len(doc) else ""
        return bool(before and before[-1] in cues) or after in cues

    def link_roles(self, role_spans: Sequence[Span]) -> None:
        """ "o presidente da Rússia", "o líder norte-coreano", "the UK Prime Minister"."""
        by_start = {m.start: m for m in self.mentions}
        state_at: dict[int, Mention] = {}  # token index -> the state or demonym mention on it
        for mention in self.mentions:
            if mention.kind is EntityKind.STATE or mention.method == "demonym":
                tokens = self._tokens(mention.start, mention.end)
                if tokens is not None:
                    for i in range(tokens.start, tokens.end):
                        state_at[i] = mention
        for span in _outermost(role_spans):
            self._link_role(span, state_at, by_start)

    def _link_role(
        self, span: Span, state_at: Mapping[int, Mention], by_start: Mapping[int, Mention]
    ) -> None:
        """One role phrase: with the state it names and the name after it, the person holding
        it, a title for an unknown name that follows, or a title that names nobody."""
        doc = self.doc
        start, end = span.start, span.end
        state = self._role_state(span, state_at)
        if state is not None:
            state_tokens = self._tokens(state.start, state.end)
            if state_tokens is not None:
                start, end = min(start, state_tokens.start), max(end, state_tokens.end)
        # A name right after the role is the person: "presidente Lula", "President Zelenskyy"
        next_tok = end
        while next_tok < len(doc) and (
            doc[next_tok].text in (",",) or doc[next_tok].lower_ in self.lexicon.title_modifiers
        ):
            next_tok += 1
        named = by_start.get(doc[next_tok].idx) if next_tok < len(doc) else None
        if named is None and state is None:
            # "o presidente do país, Alberto Fernández": the name after a short "of" phrase
            found = self._name_after_of_phrase(end, by_start)
            if found is not None:
                named, next_tok = found
        if self._link_named_holder(span, state, start, next_tok, named):
            return
        if next_tok < len(doc) and _UPPER_WORD.match(doc[next_tok].text):
            # "o chanceler brasileiro, Mauro Vieira": if the name is unknown, it is a person
            # of that state; a title without one in a government's own text ("el secretario
            # de Estado Mike Pompeo" on usembassy.gov) is that government's
            if state is None:
                # "President Aquino of the Philippines": the state named right after the name
                state = self._state_after_name(next_tok)
                if state is not None and self._link_holder_by_name(span, state, start, next_tok):
                    return
            self.titled_names[next_tok] = state.key if state else home_state(self.article, self.kb)
            if self.titled_names[next_tok] is None:
                self.titled_by[next_tok] = span.label_
            if next_tok == end and span.text[:1].islower():
                # "presidente Fulano": an unknown name follows; the name will be minted, and
                # the title's own capitalised words ("secretario de Estado") are not part of it
                self.covered.update(range(span.start, span.end))
                return
        titles = self.lexicon.roles.get(span.label_, ())
        person = self._resolve_role(titles, state.key if state else None, span)
        if person is not None and self._indefinite(start):
            person = None  # "un presidente estadounidense": whoever held it, not the holder
        if person is not None:
            self._remember(person)
            self._add(start, end, person, EntityKind.PERSON, "role")
        else:
            if state is not None:
                self.unresolved_roles.append((span.label_, state.key, start, end))
            # "ministra das Relações Exteriores" is a title, not an unknown name.
            self.covered.update(range(span.start, span.end))

    def _link_named_holder(
        self, span: Span, state: Mention | None, start: int, next_tok: int, named: Mention | None
    ) -> bool:
        """Link a role and the name right after it as one person, if the name is a person
        ("o primeiro-ministro, Luís Montenegro") or one holder of the office is so named
        ("el presidente Bush" in 2007); False when neither."""
        if named is not None and named.kind is EntityKind.PERSON:
            named_tokens = self._tokens(named.start, named.end)
            if named_tokens is not None and named_tokens.start == next_tok:
                self._add(start, named_tokens.end, named.key, EntityKind.PERSON, "role")
                return True
            return False
        if named is not None or next_tok >= len(self.doc):
            return False
        person = self._holder_named(span, state, next_tok)
        if person is None:
            return False
        self._remember(person)
        self._add(start, next_tok + 1, person, EntityKind.PERSON, "role")
        return True

    def _link_holder_by_name(self, span: Span, state: Mention, start: int, name_tok: int) -> bool:
        """ "President Park of the Republic of Korea": the one holder of the role in the state
        named after the name, when the name is one of the words of that holder's name (a
        family name written first, which `_holder_named` cannot read), is the person."""
        doc = self.doc
        titles = self._office_of_one_name(span, name_tok)
        if not titles:
            return False
        people = self.kb.holders(
            state.key, titles=titles, leader=titles == ("leader",), on=self.day
        )
        entity = self._entity(people[0]) if len(people) == 1 else None
        word = fold_accents(doc[name_tok].text).lower()
        if entity is None or not any(
            word in fold_accents(label).lower().replace("-", " ").split()
            for label in entity.labels.values()
        ):
            return False
        self._remember(entity.qid)
        self._add(start, name_tok + 1, entity.qid, EntityKind.PERSON, "role")
        return True

    def _office_of_one_name(self, span: Span, name_tok: int) -> tuple[str, ...]:
        """The office titles of a role followed by a single capitalised word at `name_tok`
        that could name its holder; () for a counterpart, an indefinite role ("un presidente")
        or a name of several words."""
        doc = self.doc
        if not _UPPER_WORD.match(doc[name_tok].text) or (
            name_tok + 1 < len(doc) and _UPPER_WORD.match(doc[name_tok + 1].text)
        ):
            return ()
        titles = tuple(self.lexicon.roles.get(span.label_, ()))
        if not titles or titles == ("counterpart",) or self._indefinite(span.start):
            return ()
        return titles

    def _holder_named(self, span: Span, state: Mention | None, name_tok: int) -> str | None:
        """The one person holding the role's office on the article's day (in the state it
        names, else anywhere) whose name ends with the single capitalised word at `name_tok`,
        which the KB does not know alone ("Bush" names two presidents)."""
        doc = self.doc
        titles = self._office_of_one_name(span, name_tok)
        if not titles:
            return None
        people = self.kb.holders_named(
            doc[name_tok].text,
            titles=titles,
            leader=titles == ("leader",),
            on=self.day,
            state=state.key if state is not None else None,
        )
        return people[0] if len(people) == 1 else None

    def _indefinite(self, start: int) -> bool:
        """A role (with its state) starting at token `start` right after an indefinite article
        ("un homólogo ruso", "an American president") is said of anyone who held it, so it
        names no office holder; a definite one ("el presidente ruso") names the holder on the
        article's day."""
        return start > 0 and self.doc[start - 1].lower_ in self.lexicon.indefinites

    def _state_after_name(self, first: int) -> Mention | None:
        """The state in an "of" phrase right after an unknown titled name ("President Aquino
        of the Philippines", "Foreign Minister Hakan Fidan of Turkey"), as readouts write it."""
        doc = self.doc
        k = first
        while k < len(doc) and _UPPER_WORD.match(doc[k].text) and k - first < 4:
            k += 1
        return self._state_in_of_phrase(k) if k > first else None

    def _name_after_of_phrase(
        self, end: int, by_start: Mapping[int, Mention]
    ) -> tuple[Mention, int] | None:
        """The person named right after a role's short "of" phrase of lower-case words and a
        comma ("presidente do país, Alberto Fernández", "the leader of the country, X"), with
        the token the name starts at."""
        doc = self.doc
        if end >= len(doc) or doc[end].lower_ not in self.lexicon.of_words:
            return None
        k = end + 1
        while k < len(doc) and k - end <= 3 and doc[k].is_lower and doc[k].is_alpha:
            k += 1
        if k >= len(doc) or doc[k].text != "," or k + 1 >= len(doc):
            return None
        named = by_start.get(doc[k + 1].idx)
        if named is None or named.kind is not EntityKind.PERSON:
            return None
        return named, k + 1

    def _role_state(self, span: Span, state_at: Mapping[int, Mention]) -> Mention | None:
        """The state a role phrase names, if any: role + of + state ("presidente da Rússia",
        "President of Russia"), role + demonym ("presidente russo", "líder norte-coreano"), or
        demonym/state (+ 's) + role ("Russian President", "the UK Prime Minister")."""
        doc = self.doc
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ in self.lexicon.of_words:
            found = state_at.get(after.i + 1)
            if (
                found is None
                and after.i + 2 < len(doc)
                and doc[after.i + 1].lower_ in self.lexicon.determiners
            ):
                found = state_at.get(after.i + 2)
            if found is not None and (found.kind is EntityKind.STATE or found.method == "demonym"):
                return found
        if after is not None and after.i in state_at and state_at[after.i].method == "demonym":
            return state_at[after.i]
        if span.start > 0:
            before = doc[span.start - 1]
            if before.lower_ in self.lexicon.possessive and span.start > 1:
                before = doc[span.start - 2]
            return state_at.get(before.i)
        return None

    def _counterpart_titles(self, span: Span) -> tuple[str, ...]:
        """ "o colega angolano", "his Russian counterpart": the titles of the offices of the
        person just named, then "leader" when one of them leads its state (the other state's
        office of the same title if it has one: a president's counterpart is its president,
        else its leader)."""
        for mention in reversed(self.mentions):
            if mention.start >= span.start_char or mention.kind is not EntityKind.PERSON:
                continue
            offices = self.kb.offices_of(mention.key)
            if offices:
                titles = tuple(dict.fromkeys(o.title for o in offices if o.title))
                return titles + (("leader",) if any(o.is_leader for o in offices) else ())
        return ()

    def _counterpart(self, state: str, span: Span) -> str | None:
        titles = self._counterpart_titles(span)
        own = tuple(t for t in titles if t != "leader")
        people = self.kb.holders(state, titles=own, on=self.day) if own else []
        if not people and "leader" in titles:
            people = self.kb.holders(state, leader=True, on=self.day)
        return people[0] if len(people) == 1 else None

    def _resolve_role(self, titles: Sequence[str], state: str | None, span: Span) -> str | None:
        if tuple(titles) == ("counterpart",):
            entity = self._entity(state) if state is not None else None
            if entity is None or entity.kind is not EntityKind.STATE or state is None:
                return None
            return self._counterpart(state, span)
        leader = tuple(titles) == ("leader",)
        if state is not None:
            entity = self._entity(state)
            if entity is None or entity.kind is not EntityKind.STATE:
                return None
            people = self.kb.holders(state, titles=titles, leader=leader, on=self.day)
            return people[0] if len(people) == 1 else None
        # Bare role: an earlier person holding such an office, else the outlet's home state;
        # never one whose "of" phrase names something other than a state ("o presidente da
        # Petrobras", "the President of the Senate")
        preceded = span.start > 0 and self.doc[span.start - 1].lower_ in self.lexicon.determiners
        if not (preceded or span.text[:1].isupper()) or span.text.isupper():
            return None
        if span.end < len(self.doc) and self.doc[span.end].lower_ in self.lexicon.of_words:
            return None
        for mention in reversed(self.mentions):
            if mention.start >= span.start_char or mention.kind is not EntityKind.PERSON:
                continue
            offices = self.kb.offices_of(mention.key)
            if any(o.title in titles or (leader and o.is_leader) for o in offices):
                return mention.key
        home = home_state(self.article, self.kb) or self._seat_in_sentence(span)
        if home is None or not (span.text[:1].isupper() or span.text in self.lexicon.home_titles):
            return None
        people = self.kb.holders(home, titles=titles, leader=leader, on=self.day)
        return people[0] if len(people) == 1 else None

    def link_speaker_labels(self) -> None:
        """ "SECRETARY BLINKEN:", "EL PRESIDENTE:": a transcript's speaker label, in capitals at
        the start of a line before a colon, names a person the KB knows by the label's last word
        after a title, or, as a bare title, whoever holds that office in the publishing
        government on the day. Capitals elsewhere stay too noisy to link (`_case_ok`)."""
        linked = [(m.start, m.end) for m in self.mentions]
        home = home_state(self.article, self.kb)
        for start, end in self._speaker_labels():
            first, last = self.offsets[start], self.offsets[end - 1] + len(self.texts[end - 1])
            if any(a < last and first < b for a, b in linked):
                continue  # a name the gazetteer linked (a title it could not is no obstacle)
            words = [self.texts[k].lower() for k in range(start, end)]
            person = self._speaker_by_surname(words, first, home) or self._speaker_by_title(
                words, home, self.doc[start:end]
            )
            if person is not None:
                self._remember(person)
                self._add(start, end, person, EntityKind.PERSON, "speaker")

    def _speaker_labels(self) -> list[tuple[int, int]]:
        """Token ranges of the lines that open with up to `_LABEL_TOKENS` words in capitals
        and a colon."""
        found = []
        for k, text in enumerate(self.texts):
            if k > 0 and "\n" not in self.gaps[k - 1] + self.texts[k - 1]:
                continue  # a line break is the gap after a token, or a whitespace token
            end = k
            while end < len(self.texts) and end - k < _LABEL_TOKENS and self.texts[end].isupper():
                if "\n" in self.gaps[end]:
                    break
                end += 1
            # the colon ends the label: "12:30" or "http:" is one token and never matches
            if end > k and end < len(self.texts) and self.texts[end] == ":" and text.isupper():
                found.append((k, end))
        return found

    def _seat_in_sentence(self, span: Span) -> str | None:
        """The one state whose seat of government the role's sentence names ("The Prime
        Minister welcomed President Zelenskyy to Downing Street" from an outlet of no known
        state): a metonym that is no capital ("Moscow" names where one goes, not whose office
        it is)."""
        sentence = max(0, self.sentence_of[span.start] - 1) if self.sentence_of else 0
        seats = {
            m.key
            for m in self.mentions
            if m.method == "metonym" and m.literal_key is None and m.sentence == sentence
        }
        return seats.pop() if len(seats) == 1 else None

    def _speaker_by_surname(
        self, words: Sequence[str], label_start: int, home: str | None
    ) -> str | None:
        """A title and a surname the KB knows: "SECRETARY BLINKEN", "PRESIDENTE LULA", for
        someone the article named before, of the publishing government, or very prominent
        ("SECRETÁRIO SILVA" is not a Cape Verdean prime minister)."""
        if len(words) < 2 or not any(w in self.lexicon.person_cues for w in words[:-1]):
            return None
        candidates = []
        for alias in self.by_text.get(words[-1], []):
            entity = self._entity(alias.qid)
            if alias.type not in ("surname", "name") or entity is None:
                continue
            first = self.first_start.get(alias.qid)
            if entity.kind is EntityKind.PERSON and (
                (first is not None and first < label_start)
                or (home is not None and entity.country == home)
                or entity.prominence >= _SURNAME_PROMINENCE
            ):
                candidates.append(alias)
        chosen = self._choose(candidates)
        return chosen.qid if chosen is not None else None

    def _speaker_by_title(self, words: Sequence[str], home: str | None, span: Span) -> str | None:
        """A bare title ("THE PRESIDENT", "EL SECRETARIO DE ESTADO"): its holder in the
        government that publishes the article, on the day it was published."""
        while words and words[0] in self.lexicon.determiners:
            words = words[1:]
        titles = self.lexicon.roles.get(" ".join(words), ())
        if not titles or home is None or tuple(titles) == ("counterpart",):
            return None
        return self._resolve_role(titles, home, span)

    def link_unknown_names(self) -> None:
        """Capitalised runs the KB does not know become local entities, typed by context."""
        doc = self.doc
        texts, upper, starts = self.texts, self.upper, self.sent_start
        lowers = [t.lower() for t in texts]
        size = len(texts)
        stop_words = _stop_words(self.article.lang)  # sentence-initial "On", "The", "Durante"
        connectors = {"de", "da", "do", "dos", "das", "of", "al", "bin", "van", "von", "der"}

        def name_word(k: int) -> bool:
            return upper[k] and lowers[k] not in self.calendar

        i = 0
        while i < size:
            if (
                i in self.covered
                or not name_word(i)
                or (
                    starts[i] and (lowers[i] in self.lexicon.determiners or lowers[i] in stop_words)
                )
                or self._dateline(i)
            ):
                i += 1
                continue
            j = i
            while (
                j < size
                and j not in self.covered
                and (
                    name_word(j)
                    or (
                        lowers[j] in connectors
                        and j + 1 < size
                        and upper[j + 1]
                        and j + 1 not in self.covered
                    )
                )
            ):
                if "\n" in self.gaps[j]:
                    j += 1
                    break
                j += 1
            span = doc[i:j]
            i = max(j, i + 1)
            words = sum(1 for k in range(span.start, span.end) if upper[k])
            if len(span) == 1 and _ACRONYM.match(span.text) and not self._shouting(span):
                # "a agência estatal KCNA": an unknown acronym names an organisation.
                self._local(span, EntityKind.ORGANIZATION)
                continue
            titled = span.start in self.titled_names or (
                span.start > 0
                and not starts[span.start]
                and lowers[span.start - 1] in self.lexicon.person_cues
            )
            if words == 1 and len(span) == 1 and titled and not span.text.isupper():
                # "el secretario Pompeo", "Secretary Kerry": one name after a title is a person
                before = len(self.mentions)
                self._maybe_coreference(span)
                if len(self.mentions) == before:
                    self._local(span, EntityKind.PERSON)
                continue
            if (
                words < 2
                or span.text.isupper()
                or any(starts[k] for k in range(span.start + 1, span.end))
            ):
                self._maybe_coreference(span)
                continue
            if self._end_of_a_name_told_before(span):
                continue
            self._local(span, self._kind_from_context(span))

    def _tokens(self, start_char: int, end_char: int) -> _TokenRange | None:
        """The token range of a character span (like `doc.char_span`, without a Span)."""
        start, end = self.token_starting.get(start_char), self.token_ending.get(end_char)
        return None if start is None or end is None else _TokenRange(start, end)

    def _text(self, start_tok: int, end_tok: int) -> str:
        """The article text of tokens [start_tok, end_tok), without making Token objects."""
        if end_tok <= start_tok:
            return ""
        return self.article.text[
            self.offsets[start_tok] : self.offsets[end_tok - 1] + len(self.texts[end_tok - 1])
        ]

    def _dateline(self, index: int) -> bool:
        """ "BARI, Italy (Agency) -": the place line of a wire story, not an organisation."""
        return (
            self.sent_start[index]
            and self.texts[index].isupper()
            and index + 1 < len(self.texts)
            and self.texts[index + 1] == ","
        )

    def _local(self, span: Span, kind: EntityKind | None) -> None:
        known = self._without_initials(span)
        if known is not None:
            # "Antony J. Blinken": a known person's name with a middle initial
            self._remember(known)
            self._add(span.start, span.end, known, EntityKind.PERSON, "name")
            return
        key = local_key(span.text)
        country = None
        if span.start in self.titled_names:
            kind, country = EntityKind.PERSON, self.titled_names[span.start]
            country = country or self._state_of_title(span.start)
            if span.start in self.titled_by:
                self.unplaced.setdefault(self.titled_by[span.start], []).append(
                    (self.offsets[span.start], key)
                )
        elif kind in (None, EntityKind.PERSON) and (state := self._state_of_title(span.start)):
            # "U.S. Deputy Secretary of State Wendy Sherman", "o vice-ministro russo, Fulano": a
            # title the KB holds no office for, with its state: a person of that state
            kind, country = EntityKind.PERSON, state
        elif kind is EntityKind.ORGANIZATION and (
            state := self._state_before(span.start) or self._state_after(span.end)
        ):
            # "the U.S. Treasury Department", "the Russian Defence Ministry", "o Ministério dos
            # Negócios Estrangeiros russo", "el Departamento de Defensa de Estados Unidos": that
            # state's body
            country = state
        elif kind is EntityKind.ORGANIZATION and {t.lower_ for t in span} & self.lexicon.org_cues:
            # "el Departamento del Tesoro" in a government's own text: that government's body
            country = home_state(self.article, self.kb)
        if key not in self.entities:
            self.entities[key] = Entity(
                key=key,
                kind=kind,
                label=span.text,
                labels={self.article.lang: span.text},
                country=country,
            )
        self._add(span.start, span.end, key, self.entities[key].kind, "unknown")

    def _state_of_title(self, token_index: int) -> str | None:
        """The state in the title right before a name, when the title has a person cue: the
        words walked back from the name (a comma right before it, capitalised words, "of"
        words, possessive markers, post words, cues) up to six, and a state or demonym among
        them, not one of the post ("Ambassador to Ukraine")."""
        index = token_index - 1
        if index >= 0 and self.texts[index] == ",":
            index -= 1
        state, cue = None, False
        for _ in range(6):
            if index < 0:
                break
            word = self.texts[index]
            low = word.lower()
            ending = self.states_by_end.get(self.offsets[index] + len(word))
            if ending is not None:
                state = state or ending.key
                index = self._token_at(ending.start) - 1
                continue
            if low in self.lexicon.person_cues:
                cue = True
            elif low in self.lexicon.posts and not cue:
                # "U.S. Ambassador to Ukraine Bridget Brink": the state after the post word is
                # where the person serves; the one they serve comes before it
                state = None
            elif not (
                word[:1].isupper()
                or low in self.lexicon.of_words
                or low in self.lexicon.possessive
                or low in self.lexicon.determiners
            ):
                break
            index -= 1
        return state if cue else None

    def _token_at(self, offset: int) -> int:
        """The index of the token starting at a character offset (or the one holding it)."""
        return bisect.bisect_right(self.offsets, offset) - 1

    def _state_before(self, token_index: int) -> str | None:
        """The state named or implied right before a token ("U.S.", "Russian"), or owning it
        ("Jordan's Foreign Ministry": the possessive marker between), if any."""
        if token_index == 0:
            return None
        before = token_index - 1
        if self.texts[before].lower() in self.lexicon.possessive and before > 0:
            before -= 1
        mention = self.states_by_end.get(self.offsets[before] + len(self.texts[before]))
        return mention.key if mention is not None else None

    def _state_after(self, token_index: int) -> str | None:
        """The state a name is followed by: a demonym right after it ("Ministério russo") or
        an of-phrase naming the state ("Ministry of Defence of Ukraine", "of the United
        States"), if any."""
        size = len(self.texts)
        if token_index >= size:
            return None
        mention = self.states_by_start.get(self.offsets[token_index])
        if mention is not None:
            return mention.key if mention.method == "demonym" else None
        named = self._state_in_of_phrase(token_index)
        return named.key if named is not None else None

    def _state_in_of_phrase(self, token_index: int) -> Mention | None:
        """The state an of-phrase opening at the token names ("of Ukraine", "of the United
        States"); None when the token opens no such phrase."""
        size = len(self.texts)
        if token_index >= size or self.texts[token_index].lower() not in self.lexicon.of_words:
            return None
        following = token_index + 1
        if following < size and self.texts[following].lower() in self.lexicon.determiners:
            following += 1
        if following >= size:
            return None
        mention = self.states_by_start.get(self.offsets[following])
        if mention is None or mention.kind is not EntityKind.STATE or mention.method == "demonym":
            return None
        return mention

    def place_titled_people(self) -> None:
        """ "La canciller, Alicia Bárcena, … la canciller mexicana": an unknown person first
        titled without a state is the one a later title of the same kind with a state names,
        when the KB knows no holder and only one such person was named before; the person
        gets that state."""
        for label, state, start, end in self.unresolved_roles:
            before = {
                key
                for position, key in self.unplaced.get(label, [])
                if position < self.offsets[start]
            }
            if len(before) != 1:
                continue
            key = before.pop()
            entity = self.entities.get(key)
            if entity is None or entity.kind is not EntityKind.PERSON:
                continue
            if entity.country is None:
                self.entities[key] = replace(entity, country=state)
            elif entity.country != state:
                continue
            self._add(start, end, key, EntityKind.PERSON, "role")

    def _without_initials(self, span: Span) -> str | None:
        """The one KB person whose name is the span without its initials ("J."), if any."""
        words = [t.text for t in span]
        kept = [w for w in words if not (len(w) <= 2 and w.endswith(".") and w[:1].isupper())]
        if len(kept) == len(words) or len(kept) < 2:
            return None
        found = {
            alias.qid
            for alias in self.by_text.get(" ".join(kept).lower(), [])
            if (entity := self._entity(alias.qid)) is not None and entity.kind is EntityKind.PERSON
        }
        return found.pop() if len(found) == 1 else None

    def _shouting(self, span: Span) -> bool:
        """True inside an ALL-CAPS line, where every word looks like an acronym."""
        first = span.start
        while first > 0 and not self.sent_start[first]:
            first -= 1
        last = span.end
        while last < len(self.texts) and not self.sent_start[last]:
            last += 1
        letters = [c for word in self.texts[first:last] for c in word if c.isalpha()]
        return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)

    def _maybe_coreference(self, span: Span) -> None:
        """A single capitalised word that repeats part of an earlier person's name."""
        if len(span) != 1 or (span[0].is_sent_start and span[0].lower_ in self.lexicon.determiners):
            return
        word = span.text
        if word in self.lexicon.determiners:
            return
        # the latest person named before the span whose name has the word
        for mention in reversed(self.people_by_word.get(word, [])):
            if mention.start < span.start_char:
                self._add(span.start, span.end, mention.key, mention.kind, "coreference")
                return

    def _end_of_a_name_told_before(self, span: Span) -> bool:
        """ "Andrés Manuel López Obrador … López Obrador anunció": a run of names that ends
        the full name of a person named before (accents aside) is that person again."""
        wanted = fold_accents(span.text).lower()
        for mention in reversed(self.people_by_word.get(span[-1].text, [])):
            told = fold_accents(mention.text).lower()
            if (
                mention.start < span.start_char
                and len(told) > len(wanted)
                and told.endswith(" " + wanted)
            ):
                self._add(span.start, span.end, mention.key, mention.kind, "coreference")
                return True
        return False

    def _kind_from_context(self, span: Span) -> EntityKind | None:
        words = {t.lower_ for t in span}
        if words & self.lexicon.org_cues:
            return EntityKind.ORGANIZATION
        before = [t.lower_ for t in self.doc[max(0, span.start - 3) : span.start]]
        if before and (
            before[-1] in self.lexicon.person_cues
            or (
                len(before) > 1
                and (before[-1] == "," or before[-1] in self.lexicon.determiners)
                and before[-2] in self.lexicon.person_cues
            )
        ):
            return EntityKind.PERSON
        for end in range(span.start_char - 2, span.start_char + 1):
            for mention in self.roles_by_end.get(end, []):
                if self._tokens(mention.start, mention.end) is not None:
                    return EntityKind.PERSON
        return None


def link_mentions(
    doc: Doc,
    article: Article,
    kb: KnowledgeBase,
    lexicon: Lexicon,
    by_text: Mapping[str, list[Alias]] | None = None,
) -> LinkResult:
    """All mentions of an article, sorted by position, and the entities they name.

    `doc` holds the gazetteer's candidate spans (`kgload_gazetteer_v1`); `by_text` is the KB's
    alias table for the article's language (`KnowledgeBase.alias_table`, the default)."""
    if by_text is None:
        by_text = kb.alias_table(article.lang)
    linker = _Linker(doc, article, kb, lexicon)
    linker.by_text = by_text
    chosen = linker.link_gazetteer(list(doc.spans.get("kg_aliases", [])), by_text)
    linker.add_gazetteer_mentions(chosen)
    linker.link_hyphenated_rulers()
    linker.link_roles(list(doc.spans.get("kg_roles", [])))
    linker.link_speaker_labels()
    linker.link_unknown_names()
    linker.place_titled_people()
    mentions = sorted(linker.mentions, key=lambda m: (m.start, -m.end))
    return LinkResult(mentions=tuple(mentions), entities=linker.entities)
