"""Which parts of speech and relations a parsed doc holds, read in one pass, so that a parse
repair that needs a word the doc has none of can be skipped without walking the doc.

Each repair of `kgload.nlp.parse` walks every token looking for the word it fixes (an `obj`
tagged VERB, an `appos` tagged PROPN…), and most sentences hold none: spaCy builds a Python
object for every token visited, so those walks cost more than the repairs themselves. A
`Need` names the tags and relations of a word a repair cannot do without; `TreeLabels.meets`
answers from the doc's (tag, relation) pairs, read once with `Doc.to_array`.

>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["Biden", "met", "Lula"],
...           pos=["PROPN", "VERB", "PROPN"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "obj"])
>>> labels = TreeLabels.of(doc)
>>> labels.meets((Need(("PROPN",), ("obj",)),))
True
>>> labels.meets((Need(("VERB",), ("obj",)),))
False
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.attrs import DEP, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["Need", "TreeLabels"]


@dataclass(frozen=True, slots=True)
class Need:
    """A word with one of `tags` (parts of speech) and one of `relations`; an empty tuple
    stands for any."""

    tags: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    tag_ids: frozenset[int] = field(init=False, repr=False, compare=False)
    relation_ids: frozenset[int] = field(init=False, repr=False, compare=False)
    pair_ids: frozenset[tuple[int, int]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # spaCy's ids of the labels (the ids `Token.pos` and `Token.dep` hold)
        tags = frozenset(get_string_id(t) for t in self.tags)
        relations = frozenset(get_string_id(r) for r in self.relations)
        object.__setattr__(self, "tag_ids", tags)
        object.__setattr__(self, "relation_ids", relations)
        object.__setattr__(self, "pair_ids", frozenset((t, r) for t in tags for r in relations))


@dataclass(frozen=True, slots=True)
class TreeLabels:
    """The (part of speech, relation) pairs of a doc's words, by spaCy id, as they were when
    read (`of`); `refreshed` reads them again after the doc may have changed."""

    pairs: frozenset[tuple[int, int]]
    tags: frozenset[int]
    relations: frozenset[int]
    key: bytes

    @classmethod
    def of(cls, doc: Doc) -> TreeLabels:
        """The labels of `doc` as it is now."""
        array = doc.to_array([POS, DEP])
        return cls._from(array.tobytes(), array[:, 0].tolist(), array[:, 1].tolist())

    @classmethod
    def _from(cls, key: bytes, tags: list[int], relations: list[int]) -> TreeLabels:
        pairs = frozenset(zip(tags, relations, strict=True))
        return cls(pairs, frozenset(tags), frozenset(relations), key)

    def refreshed(self, doc: Doc) -> TreeLabels:
        """The labels of `doc` now: these same ones when no tag or relation has changed."""
        array = doc.to_array([POS, DEP])
        key = array.tobytes()
        if key == self.key:
            return self
        return self._from(key, array[:, 0].tolist(), array[:, 1].tolist())

    def has(self, need: Need) -> bool:
        """Whether some word has one of the tags and one of the relations `need` names."""
        if not need.tag_ids and not need.relation_ids:
            return bool(self.pairs)
        if not need.tag_ids:
            return not self.relations.isdisjoint(need.relation_ids)
        if not need.relation_ids:
            return not self.tags.isdisjoint(need.tag_ids)
        return not self.pairs.isdisjoint(need.pair_ids)

    def meets(self, needs: Sequence[Need]) -> bool:
        """Whether the doc has a word for every one of `needs`."""
        # (`map` over the bound method: every repair asks this of every parsed doc, and a
        # generator costs twice as much)
        return all(map(self.has, needs))
