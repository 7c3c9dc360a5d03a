"""Turn KB facts into the four shipped tables: the rules both KB builds share.

Two builds write `entities.tsv`, `aliases.tsv`, `offices.tsv` and `holders.tsv`:
`kgload kb build --from curated` from the tables in `kgload/linking/curated/` (no network; it
rebuilds the shipped KB byte for byte) and `kgload kb build --from wikidata` (`builder.py`).
Whatever both need lives here once, so the two cannot disagree: how a demonym inflects, which
title an office's label names, the tables' row order and the checked, atomic write.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path

from kgload.errors import KnowledgeBaseError
from kgload.files import check_writable_target
from kgload.linking.kb import ALIAS_TYPE_ORDER, KIND_ORDER, TABLE_COLUMNS, load_kb

__all__ = [
    "CURATED_COLUMNS",
    "ENTITY_FILES",
    "build_from_curated",
    "curated_tables",
    "inflect_demonym",
    "office_title",
    "read_curated",
    "sort_tables",
    "table_counts",
    "write_tables",
]

LANGS = ("en", "pt", "es", "fr")
_LABELS = tuple(f"label_{lang}" for lang in LANGS)

CURATED_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "states.tsv": ("qid", "category", *_LABELS, "prominence", "check"),
    "organisations.tsv": ("qid", "category", "country", *_LABELS, "stands_for", "prominence",
                          "check"),
    "places.tsv": ("qid", "category", "country", *_LABELS, "stands_for", "prominence", "check"),
    "people.tsv": ("qid", "country", *_LABELS, "prominence", "check"),
    "offices.tsv": ("office_qid", "state", "role", "title", "is_leader", "label_en", "label_pt",
                    "check"),
    "tenures.tsv": ("office_qid", "person_qid", "start", "end", "check"),
    "aliases.tsv": ("qid", "lang", "alias", "type", "check"),
    "demonyms.tsv": ("qid", "lang", "demonym", "inflect", "check"),
    "surnames.tsv": ("qid", "lang", "surname", "check"),
    "metonyms.tsv": ("qid", "lang", "metonym", "check"),
}
"""The curated tables (`kgload/linking/curated/<name>`) and their columns, in order."""

ENTITY_FILES: Mapping[str, str] = {
    "states.tsv": "State", "organisations.tsv": "Organization", "places.tsv": "Place",
    "people.tsv": "Person",
}
"""The curated tables that list entities, and the `kind` each gives its rows."""

Table = list[list[str]]


# -- demonyms -------------------------------------------------------------------------------------

def inflect_demonym(lang: str, base: str) -> list[str]:
    """The regular forms of a demonym: gender and number in pt/es/fr, the plural in English.

    English forms are capitalised, the others lower case, as the press writes them. Irregular
    forms (alemão → alemães, Czech → Czechs) are not guessed: the curated table lists them, and
    an English demonym that is also the name of the people as a whole ("British", "French",
    "Chinese", "Swiss") has no plural. A language without rules keeps the base form.

    >>> inflect_demonym("pt", "russo")
    ['russo', 'russa', 'russos', 'russas']
    >>> inflect_demonym("fr", "ukrainien")
    ['ukrainien', 'ukrainienne', 'ukrainiens', 'ukrainiennes']
    >>> inflect_demonym("en", "British")
    ['British']
    """
    word = " ".join(base.split())
    if not word:
        return []
    if lang == "en":
        word = word[:1].upper() + word[1:]
        return [word, word + "s"] if word.endswith(("an", "i")) else [word]
    word = word.lower()
    rules = {"pt": _inflect_pt, "es": _inflect_es, "fr": _inflect_fr}.get(lang)
    forms = rules(word) if rules else [word]
    return list(dict.fromkeys(forms))


def _gendered(masculine: str, stem: str, plural_m: str) -> list[str]:
    return [masculine, stem + "a", plural_m, stem + "as"]


def _inflect_pt(w: str) -> list[str]:
    if w.endswith("ês"):
        stem = w[:-2] + "es"
        return _gendered(w, stem, stem + "es")
    if w.endswith("ão"):
        return [w, w[:-2] + "ã", w[:-2] + "ãos", w[:-2] + "ãs"]
    if w.endswith("o"):
        return _gendered(w, w[:-1], w + "s")
    if w.endswith("ol"):
        return _gendered(w, w, w[:-2] + "óis")
    if w.endswith("l"):
        return [w, w[:-1] + "is"]
    if w.endswith(("e", "a", "i", "u")):
        return [w, w + "s"]
    if w.endswith(("z", "r", "s")):
        return [w, w + "es"]
    return [w]


def _inflect_es(w: str) -> list[str]:
    for ending, stem_ending in (("és", "es"), ("án", "an"), ("ín", "in"), ("ón", "on")):
        if w.endswith(ending):
            stem = w[:-2] + stem_ending
            return _gendered(w, stem, stem + "es")
    if w.endswith("o"):
        return _gendered(w, w[:-1], w + "s")
    if w.endswith(("í", "ú")):
        return [w, w + "es"]
    if w.endswith(("e", "a")):
        return [w, w + "s"]
    if w.endswith("l"):
        return _gendered(w, w, w + "es")
    if w.endswith("z"):
        return [w, w[:-1] + "ces"]
    return [w, w + "es"]


def _inflect_fr(w: str) -> list[str]:
    if w.endswith("en"):
        return [w, w + "ne", w + "s", w + "nes"]
    if w.endswith("e"):
        return [w, w + "s"]
    if w.endswith(("s", "x")):
        return [w, w + "e", w + "es"]
    if w.endswith("al"):
        return [w, w + "e", w[:-1] + "ux", w + "es"]
    return [w, w + "e", w + "s", w + "es"]


# -- office titles --------------------------------------------------------------------------------

_HEAD_OF_STATE_WORDS = (
    ("supreme leader", "supreme_leader"), ("captains? regent", "captain_regent"),
    ("co-prince", "co_prince"), ("president", "president"),
    ("chairman|state administration council", "chairman"),
    ("emperor|empress", "emperor"), ("emir|amir", "emir"), ("sultan", "sultan"),
    ("king", "king"), ("pope", "pope"), ("prince", "prince"),
    ("monarch|queen|grand duke|sovereign|yang di-pertuan|o le ao|ngwenyama", "monarch"),
)
_HEAD_OF_GOVERNMENT_WORDS = (
    ("chancellor", "chancellor"), ("premier", "premier"), ("state counsellor", "state_counsellor"),
)


def _has(pattern: str, text: str) -> bool:
    return re.search(rf"\b(?:{pattern})\b", text) is not None


def office_title(role: str, label: str) -> str | None:
    """The title word family the press uses for an office, from its English label (None: unsure).

    >>> office_title("head_of_state", "President of the Russian Federation")
    'president'
    >>> office_title("head_of_government", "Taoiseach")
    'prime_minister'
    >>> office_title("defence_minister", "Secretary of State for Defence")
    'defence_secretary'
    """
    low = label.lower()
    if role == "head_of_state":
        return next((title for words, title in _HEAD_OF_STATE_WORDS if _has(words, low)), None)
    if role == "head_of_government":
        return next((title for words, title in _HEAD_OF_GOVERNMENT_WORDS if _has(words, low)),
                    "prime_minister")
    if role == "foreign_minister":
        if _has("foreign secretary", low) or "secretary of state for foreign" in low:
            return "foreign_secretary"
        if _has("secretary of state", low):
            return "secretary_of_state"
        return "foreign_minister"
    if role == "defence_minister":
        if _has("secretary of defense", low):
            return "secretary_of_defense"
        if _has("defence secretary", low) or "secretary of state for defence" in low:
            return "defence_secretary"
        return "defence_minister"
    return None


# -- table order and writing ----------------------------------------------------------------------

def _qnum(qid: str) -> int:
    return int(qid[1:])


_SORT_KEYS: Mapping[str, Callable[[list[str]], tuple[object, ...]]] = {
    "entities.tsv": lambda r: (KIND_ORDER[r[1]], _qnum(r[0])),
    "aliases.tsv": lambda r: (_qnum(r[0]), ALIAS_TYPE_ORDER[r[3]], r[1], r[2]),
    "offices.tsv": lambda r: (_qnum(r[1]), r[2], _qnum(r[0])),
    "holders.tsv": lambda r: (_qnum(r[0]), r[2], _qnum(r[1]), r[3]),
}


def sort_tables(tables: Mapping[str, Iterable[list[str]]]) -> dict[str, Table]:
    """The four tables in the row order every writer keeps, so rebuilds diff cleanly."""
    return {name: sorted(rows, key=_SORT_KEYS[name]) for name, rows in tables.items()}


def table_counts(tables: Mapping[str, Sequence[list[str]]]) -> dict[str, int]:
    """Entities by kind (in `KIND_ORDER`), then the number of aliases, offices and holders."""
    kinds = Counter(row[1] for row in tables["entities.tsv"])
    counts = {kind: kinds[kind] for kind in KIND_ORDER if kinds[kind]}
    for name in ("aliases", "offices", "holders"):
        counts[name] = len(tables[f"{name}.tsv"])
    return counts


def write_tables(out_dir: Path, tables: Mapping[str, Iterable[list[str]]]) -> None:
    """Write the tables to a temporary folder, check they load, then move them into place."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".kb-tmp-", dir=out_dir))
    try:
        for name, rows in tables.items():
            lines = ["\t".join(TABLE_COLUMNS[name])]
            for row in rows:
                if any("\t" in cell or "\n" in cell or "\r" in cell for cell in row):
                    raise KnowledgeBaseError(f"{name}: cell with a tab or newline: {row}")
                lines.append("\t".join(row))
            (tmp / name).write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
        try:
            load_kb(tmp)
        finally:
            load_kb.cache_clear()
        for name in tables:
            check_writable_target(out_dir / name)
            (tmp / name).replace(out_dir / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# -- the curated build ----------------------------------------------------------------------------

Curated = Mapping[str, list[dict[str, str]]]


def _curated_dir() -> Path:
    return Path(str(resources.files("kgload.linking") / "curated"))


def read_curated(folder: Path | None = None) -> dict[str, list[dict[str, str]]]:
    """Read every curated table (the packaged ones by default) as rows of named cells.

    Raises:
        KnowledgeBaseError: a file is missing or unreadable, its header is not the documented
            one, or a row has the wrong number of cells (the message names file and line).
    """
    folder = folder or _curated_dir()
    return {name: _read_table(folder / name, columns) for name, columns in CURATED_COLUMNS.items()}


def _read_table(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read the curated table ({exc})") from exc
    header = tuple(lines[0].split("\t")) if lines else ()
    if header != columns:
        raise KnowledgeBaseError(f"{path}:1: header must be {' '.join(columns)!r}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise KnowledgeBaseError(f"{path}:{number}: {len(cells)} cells, expected "
                                     f"{len(columns)} ({' '.join(columns)})")
        rows.append(dict(zip(columns, cells, strict=True)))
    return rows


def curated_tables(curated: Curated) -> dict[str, Table]:
    """The four KB tables from the curated ones (pure; see `kgload/linking/curated/README.md`).

    Raises:
        KnowledgeBaseError: a row names an entity or office no curated table lists, or an
            office's title is empty and its label names none.
    """
    entities = _entity_rows(curated)
    offices = _office_rows(curated["offices.tsv"], entities)
    holders = _holder_rows(curated["tenures.tsv"], entities, offices)
    aliases = _alias_rows(curated, entities)
    return sort_tables({"entities.tsv": list(entities.values()), "aliases.tsv": aliases,
                        "offices.tsv": list(offices.values()), "holders.tsv": holders})


def _entity_rows(curated: Curated) -> dict[str, list[str]]:
    entities: dict[str, list[str]] = {}
    for name, kind in ENTITY_FILES.items():
        for row in curated[name]:
            if row["qid"] in entities:
                raise KnowledgeBaseError(f"{name}: {row['qid']} is listed twice")
            entities[row["qid"]] = [
                row["qid"], kind, row.get("category", "person"), row.get("country", ""),
                *(row[label] for label in _LABELS), row.get("stands_for", ""),
                row["prominence"], row["check"],
            ]
    return entities


def _office_rows(rows: Iterable[dict[str, str]],
                 entities: Mapping[str, list[str]]) -> dict[str, list[str]]:
    offices: dict[str, list[str]] = {}
    for row in rows:
        _require(row["state"], entities, "offices.tsv", row["office_qid"])
        title = row["title"] or office_title(row["role"], row["label_en"])
        if title is None:
            raise KnowledgeBaseError(f"curated offices.tsv: {row['office_qid']} "
                                     f"({row['label_en']}): no title; fill the title column")
        offices[row["office_qid"]] = [row["office_qid"], row["state"], row["role"], title,
                                      row["is_leader"], row["label_en"], row["label_pt"]]
    return offices


def _holder_rows(rows: Iterable[dict[str, str]], entities: Mapping[str, list[str]],
                 offices: Mapping[str, list[str]]) -> Table:
    holders = []
    for row in rows:
        _require(row["office_qid"], offices, "tenures.tsv", row["person_qid"])
        _require(row["person_qid"], entities, "tenures.tsv", row["office_qid"])
        holders.append([row["office_qid"], row["person_qid"], row["start"], row["end"]])
    return holders


def _alias_rows(curated: Curated, entities: Mapping[str, list[str]]) -> Table:
    found: set[tuple[str, str, str, str]] = set()
    for qid, entity in entities.items():
        found.update((qid, lang, label, "name") for lang, label in zip(LANGS, entity[4:8],
                                                                           strict=True))
    for name, column, kind in (("aliases.tsv", "alias", ""), ("surnames.tsv", "surname",
                               "surname"), ("metonyms.tsv", "metonym", "metonym")):
        for row in curated[name]:
            _require(row["qid"], entities, name, row[column])
            found.add((row["qid"], row["lang"], row[column], kind or row["type"]))
    for row in curated["demonyms.tsv"]:
        _require(row["qid"], entities, "demonyms.tsv", row["demonym"])
        forms = (inflect_demonym(row["lang"], row["demonym"]) if row["inflect"] == "1"
                 else [row["demonym"]])
        found.update((row["qid"], row["lang"], form, "demonym") for form in forms)
    return [list(alias) for alias in found]


def _require(qid: str, known: Mapping[str, list[str]], table: str, what: str) -> None:
    if qid not in known:
        raise KnowledgeBaseError(f"curated {table}: {qid} (with {what}) is not in the curated "
                                 "entity or office tables; add it there first")


def build_from_curated(out_dir: Path, *, curated_dir: Path | None = None) -> dict[str, int]:
    """Write the four KB tables to `out_dir` from the curated tables alone; returns the counts.

    `kgload kb build --from curated`. The packaged curated tables rebuild the packaged KB
    (`kgload/linking/data/`) byte for byte; nothing outside the repository is read.

    Raises:
        KnowledgeBaseError: a curated table is malformed (see `read_curated`, `curated_tables`).
    """
    tables = curated_tables(read_curated(curated_dir))
    write_tables(Path(out_dir), tables)
    return table_counts(tables)
