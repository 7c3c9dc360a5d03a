"""The public names of `kgload`: sorted, complete, importable, and nothing private leaks."""

from __future__ import annotations

import importlib

import kgload


def _isort_key(name: str) -> tuple[int, str]:
    # constants, then classes, then functions: the order ruff's RUF022 keeps
    kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
    return kind, name


def test_all_is_sorted_and_unique() -> None:
    assert len(set(kgload.__all__)) == len(kgload.__all__)
    assert kgload.__all__ == sorted(kgload.__all__, key=_isort_key)


def test_every_public_name_resolves() -> None:
    for name in kgload.__all__:
        assert getattr(kgload, name) is not None


def test_kg_is_the_client() -> None:
    from kgload.client import KG

    assert kgload.KG is KG
    with kgload.KG.open("memory:") as kg:
        assert kg.stats()["documents"] == 0


def test_unknown_name_raises() -> None:
    try:
        kgload.NoSuchThing  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchThing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_import_is_cheap() -> None:
    module = importlib.reload(kgload)
    assert "spacy" not in vars(module)
