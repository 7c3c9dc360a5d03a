"""Names as query parameters: "Vladimir Putin", "Putin" or "o presidente russo@2025-08-14" → QID.

A saved query's `qid` parameter takes a QID or an IRI as is; any other text is looked up in the
offline knowledge base (`kgload.linking.kb`), the way a reader would:

1. a name or alias in any language (case, accents and spacing ignored): "putin", "Rússia",
   "the Kremlin". When several entities carry it, the one that has it as a full name, short
   name or abbreviation wins over those that have it as a surname, demonym or metonym;
2. else a role title and a state, in Portuguese, English or Spanish ("o presidente russo",
   "president of Russia", "Russia's foreign minister", "el presidente ruso"), read with the
   lexicons the linker uses: whoever held that office on the date after `@`
   (`presidente russo@2025-08-14`), or holds it now when no date is given.

3. else, through `KG.query` and `kgload query`, an entity the KB does not know but the documents
   name (a local entity, `<base>entity/<slug of its label>`), when the store has it.

Anything else, or a name several entities share equally, is a `QueryError` that lists the
candidates (with their QIDs) so the user can pick one. No spaCy: this is dictionary work.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from kgload.errors import QueryError
from kgload.linking.kb import KnowledgeBase
from kgload.model import EntityKind, PartialDate

if TYPE_CHECKING:
    from kgload.nlp.lexicon import Lexicon

__all__ = ["is_name", "resolve_entity", "resolve_names"]

_QID_OR_IRI = re.compile(r"^(?:wd:)?Q[1-9][0-9]*$|^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
_STRONG = frozenset({"label", "name", "short", "abbr"})
_LANGS = ("pt", "en", "es")
_MAX_CANDIDATES = 6


def is_name(value: object) -> bool:
    """True for text that is neither a QID nor an IRI, so must be looked up as a name."""
    return isinstance(value, str) and bool(value.strip()) and not _QID_OR_IRI.match(value.strip())


def fold(text: str) -> str:
    """Text as names are compared: case, accents, apostrophes and spacing ignored.

    >>> fold("  Vladímir   PUTIN ")
    'vladimir putin'
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


_INDEXES: dict[int, tuple[KnowledgeBase, dict[str, dict[str, str]]]] = {}


def _index(kb: KnowledgeBase) -> dict[str, dict[str, str]]:
    """folded name → {QID: the strongest alias type it has that name as}; built once per KB."""
    cached = _INDEXES.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    index: dict[str, dict[str, str]] = defaultdict(dict)

    def add(text: str, qid: str, kind: str) -> None:
        key = fold(text)
        held = index[key].get(qid)
        if held is None or (kind in _STRONG and held not in _STRONG):
            index[key][qid] = kind

    for entity in kb.entities.values():
        for label in entity.labels.values():
            add(label, entity.qid, "label")
    for alias in kb.aliases:
        add(alias.text, alias.qid, alias.type)
    if len(_INDEXES) >= 4:
        _INDEXES.clear()
    _INDEXES[id(kb)] = (kb, dict(index))
    return _INDEXES[id(kb)][1]


def _shown(kb: KnowledgeBase, qid: str) -> str:
    entity = kb.entities.get(qid)
    return f"{entity.label('en')} ({qid})" if entity else qid


def _pick(kb: KnowledgeBase, text: str, matches: Mapping[str, str],
          kinds: frozenset[EntityKind] | None = None) -> str | None:
    """The one entity a name means, None when it names none; QueryError when it is ambiguous."""
    found = {
        qid: kind for qid, kind in matches.items()
        if kinds is None or (qid in kb.entities and kb.entities[qid].kind in kinds)
    }
    if not found:
        return None
    if len(found) == 1:
        return next(iter(found))
    strong = [qid for qid, kind in found.items() if kind in _STRONG]
    if len(strong) == 1:
        return strong[0]
    options = sorted(strong or found, key=lambda q: -kb.entities[q].prominence
                     if q in kb.entities else 0)
    listed = ", ".join(_shown(kb, q) for q in options[:_MAX_CANDIDATES])
    raise QueryError(f"{text!r} may mean {listed}: give one of these QIDs instead")


def _date(text: str) -> dt.date | None:
    try:
        value = PartialDate.parse(text.strip())
    except ValueError:
        return None
    return dt.date(value.year, value.month or 1, value.day or 1)


def resolve_entity(text: str, kb: KnowledgeBase, *, on: dt.date | None = None) -> str:
    """The QID a name or a role title means (see the module docstring); QueryError otherwise."""
    name, at, when = text.rpartition("@")
    if at and _date(when) is not None:
        text, on = name, _date(when)
    key = fold(text)
    if not key:
        raise QueryError("an empty name: give a QID like Q7747, an entity IRI or a name")
    index = _index(kb)
    qid = _pick(kb, text.strip(), index.get(key, {}))
    if qid is not None:
        return qid
    holder = _role_holder(text.strip(), key, kb, on)
    if holder is not None:
        return holder
    close = difflib.get_close_matches(key, list(index), n=_MAX_CANDIDATES, cutoff=0.75)
    candidates = list(dict.fromkeys(q for k in close for q in index[k]))[:_MAX_CANDIDATES]
    hint = (
        "; close: " + ", ".join(_shown(kb, q) for q in candidates)
        if candidates else "; give a QID like Q7747 or an entity IRI"
    )
    raise QueryError(f"no entity or role called {text.strip()!r} in the knowledge base{hint}")


def _role_holder(text: str, key: str, kb: KnowledgeBase, on: dt.date | None) -> str | None:
    """Whoever held the office a role phrase names ("o presidente russo") on `on` (or now)."""
    from kgload.nlp.lexicon import load_lexicon

    states = frozenset({EntityKind.STATE})
    index = _index(kb)
    for lang in _LANGS:
        lexicon = load_lexicon(lang)
        words = key.split()
        determiners = {fold(w) for w in lexicon.determiners}
        while words and words[0] in determiners:
            words = words[1:]
        for phrase, titles in sorted(lexicon.roles.items(), key=lambda kv: -len(kv[0])):
            role = fold(phrase).split()
            if titles == ("counterpart",) or not role:
                continue
            rest = _role_owner(words, role, lexicon)
            if rest is None:
                continue
            while rest and rest[0] in determiners:
                rest = rest[1:]
            if not rest:
                continue
            state = _pick(kb, " ".join(rest), index.get(" ".join(rest), {}), states)
            if state is None:
                continue
            return _holder(text, phrase, titles, state, kb, on)
    return None


def _role_owner(words: list[str], role: list[str], lexicon: Lexicon) -> list[str] | None:
    """The words naming whose `role` the phrase `words` is ("presidente da Rússia", "Russia's
    president"), or None when the phrase is not of that role."""
    if words[: len(role)] == role:
        rest = words[len(role):]
        if rest and rest[0] in {fold(w) for w in lexicon.of_words}:
            rest = rest[1:]
    elif words[-len(role):] == role:
        rest = words[: -len(role)]
        if rest:
            for mark in sorted((fold(p) for p in lexicon.possessive), key=len,
                               reverse=True):
                if mark and rest[-1].endswith(mark):
                    rest[-1] = rest[-1][: -len(mark)]
                    break
    else:
        return None
    return rest


def _holder(
    text: str,
    phrase: str,
    titles: tuple[str, ...],
    state: str,
    kb: KnowledgeBase,
    on: dt.date | None,
) -> str:
    """The one person who held the office `phrase` of `state` on `on`; QueryError otherwise."""
    people = kb.holders(state, titles=titles, leader=titles == ("leader",), on=on)
    when = on.isoformat() if on else "now"
    if len(people) == 1:
        return people[0]
    if not people:
        raise QueryError(
            f"the knowledge base knows no {phrase} of {_shown(kb, state)} on {when}"
        )
    listed = ", ".join(_shown(kb, q) for q in people[:_MAX_CANDIDATES])
    raise QueryError(f"{text!r} on {when} may mean {listed}: give one QID instead")


def resolve_names(
    query_name: str,
    qid_params: frozenset[str],
    values: Mapping[str, object],
    kb: Callable[[], KnowledgeBase],
    local: Callable[[str], str | None] | None = None,
) -> dict[str, object]:
    """`values` with each name given to a `qid` parameter replaced by its QID.

    `kb` is called only when there is a name to look up, so QIDs never load the KB. A name the
    KB does not know is offered to `local` (the IRI of a local entity of that name in the
    store, or None) before it is an error.
    """
    out = dict(values)
    for name in sorted(qid_params & set(values)):
        value = values[name]
        if is_name(value):
            try:
                out[name] = resolve_entity(str(value), kb())
            except QueryError as exc:
                found = local(str(value)) if local is not None else None
                if found is None or "no entity or role" not in str(exc):
                    raise QueryError(
                        f"query {query_name!r}: parameter {name!r}: {exc}"
                    ) from None
                out[name] = found
    return out
