"""Where kgload's data files are: a source checkout or an installed wheel.

In a checkout the ontology and saved queries sit at the repository root (``ontology/``,
``queries/``); the wheel packs them under ``kgload/_data/`` (hatchling force-include). Looking in
both places lets tests, scripts and installed users share one code path.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["ontology_path", "query_dir"]

_CHECKOUT_ROOT = Path(__file__).resolve().parent.parent


def _data_dir(name: str) -> Path:
    checkout = _CHECKOUT_ROOT / name
    if checkout.is_dir():
        return checkout
    return Path(str(files("kgload") / "_data" / name))


def ontology_path(name: str) -> Path:
    """Path of a file in the ontology folder, e.g. ``ontology_path("shapes.ttl")``."""
    return _data_dir("ontology") / name


def query_dir() -> Path:
    """The folder of saved queries (``<name>.rq``)."""
    return _data_dir("queries")
