"""A word's morphological features by name, read once per analysis.

`MorphAnalysis.get` looks the field up and splits the feature strings on every call (about a
microsecond); the repairs and the event stage ask for the same few features of the same few
hundred analyses hundreds of thousands of times per thousand articles, so each answer is kept
by the analysis' hash and the feature's name.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["feature_values"]

_VALUES: dict[tuple[int, str], tuple[str, ...]] = {}
# analyses times features: a few thousand in practice; the bound keeps memory flat regardless
_LIMIT = 100_000


def feature_values(token: Token, feature: str) -> list[str]:
    """The values of `feature` in the word's analysis, as `token.morph.get(feature, [])`
    gives them (a new list, empty when the analysis has none)."""
    morph = token.morph
    key = (hash(morph), feature)  # the hash of its features (`MorphAnalysis.key`)
    found = _VALUES.get(key)
    if found is None:
        if len(_VALUES) > _LIMIT:
            _VALUES.clear()
        found = _VALUES[key] = tuple(morph.get(feature, []))
    return list(found)
