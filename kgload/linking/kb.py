"""The offline knowledge base: a Wikidata-derived gazetteer of states, organisations, people,
places, offices and who held them when.

The data are four TSV files shipped in `kgload/linking/data/` (see its README). They are read
once per process into plain dictionaries: a few thousand rows load in tens of milliseconds, and
lookups are dictionary hits on the hot path.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kgload.errors import KgloadError, KnowledgeBaseError
from kgload.model import Entity, EntityKind, PartialDate
from kgload.nlp.lexicon import load_lexicon

__all__ = ["Alias", "KBEntity", "KnowledgeBase", "Office", "Tenure", "load_kb"]

log = logging.getLogger("kgload")

ALIAS_TYPES = ("name", "short", "abbr", "demonym", "surname", "metonym")

# The on-disk layout: the columns of each table and the row order every writer (`kgload kb
# build --from wikidata|curated`, `kgload.linking.generate`) keeps, so rebuilt tables diff cleanly.
TABLE_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "entities.tsv": ("qid", "kind", "category", "country", "label_en", "label_pt", "label_es",
                     "label_fr", "stands_for", "prominence", "check"),
    "aliases.tsv": ("qid", "lang", "alias", "type"),
    "offices.tsv": ("office_qid", "state", "role", "title", "is_leader", "label_en", "label_pt"),
    "holders.tsv": ("office_qid", "person_qid", "start", "end"),
}
KIND_ORDER: Mapping[str, int] = {"State": 0, "Organization": 1, "Place": 2, "Person": 3}
ALIAS_TYPE_ORDER: Mapping[str, int] = {
    "name": 0, "short": 1, "abbr": 2, "demonym": 3, "surname": 4, "metonym": 9,
}


@dataclass(frozen=True, slots=True)
class KBEntity:
    qid: str
    kind: EntityKind
    category: str
    country: str | None
    labels: Mapping[str, str]
    stands_for: str | None
    prominence: int

    def label(self, lang: str) -> str:
        return (
            self.labels.get(lang)
            or self.labels.get("en")
            or next(iter(self.labels.values()), self.qid)
        )

    def to_entity(self) -> Entity:
        return Entity(
            key=self.qid,
            kind=self.kind,
            label=self.label("en"),
            labels=dict(self.labels),
            country=self.country,
        )


@dataclass(frozen=True, slots=True)
class Alias:
    qid: str
    lang: str
    text: str
    type: str


@dataclass(frozen=True, slots=True)
class Office:
    qid: str
    state: str
    role: str
    title: str
    is_leader: bool
    labels: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Tenure:
    office: str
    person: str
    start: PartialDate | None
    end: PartialDate | None

    def covers(self, day: dt.date) -> bool:
        """True when the person held the office on `day` (partial dates read generously)."""
        if self.start is not None and _first_day(self.start) > day:
            return False
        return not (self.end is not None and _last_day(self.end) < day)


def _first_day(value: PartialDate) -> dt.date:
    return dt.date(value.year, value.month or 1, value.day or 1)


def _last_day(value: PartialDate) -> dt.date:
    if value.day is not None and value.month is not None:
        return dt.date(value.year, value.month, value.day)
    if value.month is not None:
        nxt = dt.date(value.year + (value.month == 12), value.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(value.year, 12, 31)


# titles a lexicon may give a role phrase that name an office by its role in offices.tsv
# ("head of state": a president in one state, a monarch in another; "foreign minister": the
# Foreign Secretary of the UK and the Secretary of State of the US as well), and the
# paramount leader
_ROLE_TITLES = frozenset(
    {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
)
_LEADER = "leader"


def fold_accents(text: str) -> str:
    """`text` without its combining accents: "díaz-canel" → "diaz-canel", "erdoğan" → "erdogan".

    >>> fold_accents("lópez obrador")
    'lopez obrador'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=8)
def _spellings(lang: str) -> tuple[tuple[str, str], ...]:
    """The language's other spellings of accented letters in names (`spelling_variants`)."""
    try:
        return load_lexicon(lang).spelling_variants
    except KgloadError:
        return ()


@functools.lru_cache(maxsize=8)
def _reserved_words(lang: str) -> frozenset[str]:
    """Words a folded name must not be: the language's stop words (spaCy's list) and the
    lexicon's role phrases and cue words."""
    # imported here: reading commands load the KB and must not pay for importing spaCy
    import spacy.util

    try:
        stop = frozenset(spacy.util.get_lang_class(lang).Defaults.stop_words)
    except ImportError:
        stop = frozenset()
    try:
        lexicon = load_lexicon(lang)
    except KgloadError:
        return stop
    return (
        stop
        | frozenset(lexicon.roles)
        | lexicon.person_cues
        | lexicon.org_cues
        | lexicon.government_cues
        | lexicon.determiners
    )


@dataclass(eq=False)
class KnowledgeBase:
    """Entities, aliases, offices and tenures, indexed for the linker.

    Equality is identity, so a KB can key a cache (`kgload.nlp.pipeline.get_nlp`). The indexes
    derived for linking (the alias table of a language, the state names found in outlets' names)
    are built on first use and kept by the KB itself, never pickled: a worker rebuilds them.
    """

    entities: dict[str, KBEntity]
    aliases: list[Alias]
    offices: dict[str, Office]
    tenures: list[Tenure]
    _by_state_title: dict[tuple[str, str], list[Office]] = field(default_factory=dict)
    _by_state_role: dict[tuple[str, str], list[Office]] = field(default_factory=dict)
    _tenures_by_office: dict[str, list[Tenure]] = field(default_factory=dict)
    _offices_by_person: dict[str, list[Office]] = field(default_factory=dict)
    _alias_tables: dict[str, dict[str, list[Alias]]] = field(
        default_factory=dict, init=False, repr=False
    )
    _state_names: tuple[re.Pattern[str], dict[str, str]] | None = field(
        default=None, init=False, repr=False
    )
    # people by the last word of their names, accents folded (built on first use)
    _last_words: dict[str, list[str]] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        by_title: dict[tuple[str, str], list[Office]] = defaultdict(list)
        by_role: dict[tuple[str, str], list[Office]] = defaultdict(list)
        for office in self.offices.values():
            by_title[(office.state, office.title)].append(office)
            by_role[(office.state, office.role)].append(office)
        self._by_state_title = dict(by_title)
        self._by_state_role = dict(by_role)
        tenures: dict[str, list[Tenure]] = defaultdict(list)
        person_offices: dict[str, list[Office]] = defaultdict(list)
        for tenure in self.tenures:
            tenures[tenure.office].append(tenure)
            held = self.offices.get(tenure.office)
            if held is not None and held not in person_offices[tenure.person]:
                person_offices[tenure.person].append(held)
        self._tenures_by_office = dict(tenures)
        self._offices_by_person = dict(person_offices)

    def aliases_for(self, lang: str) -> list[Alias]:
        """Aliases usable in `lang`: its own, the language-neutral ones, people's full names from
        every language (a Portuguese paper may spell him "Sergei Lavrov" as English ones do) and
        the English names of capitals ("Washington" in a Spanish article). Other names stay per
        language: "Coreia" or "Moscou" are words of one language."""
        own = [a for a in self.aliases if a.lang in (lang, "*")]
        known = {(a.qid, a.text) for a in own}
        borrowed: dict[tuple[str, str], Alias] = {}
        for alias in self.aliases:
            key = (alias.qid, alias.text)
            entity = self.entities.get(alias.qid)
            if key in known or entity is None:
                continue
            person_name = alias.type == "name" and entity.kind is EntityKind.PERSON
            capital_name = (
                alias.lang == "en"
                and alias.type in ("name", "short")
                and entity.category == "capital"
            )
            if person_name or capital_name:
                borrowed.setdefault(key, alias)
        return [*own, *borrowed.values()]

    def alias_table(self, lang: str) -> Mapping[str, list[Alias]]:
        """The aliases usable in `lang` (`aliases_for`) by lowercased text, in that order: the
        gazetteer's phrases and the linker's candidates. Built once per language."""
        table = self._alias_tables.get(lang)
        if table is None:
            table = {}
            for alias in self.aliases_for(lang):
                table.setdefault(alias.text.lower(), []).append(alias)
            table.update(self._folded_names(table, _reserved_words(lang), _spellings(lang)))
            self._alias_tables[lang] = table
        return table

    def _folded_names(
        self,
        table: Mapping[str, list[Alias]],
        reserved: frozenset[str],
        spellings: tuple[tuple[str, str], ...] = (),
    ) -> dict[str, list[Alias]]:
        """People's names and surnames written without their accents ("Miguel Diaz-Canel",
        "Erdogan", "Sanchez", as English wires spell them), or with the other accent the
        language's spelling allows (`spelling_variants` of its lexicon: "Antônio Costa"), each
        standing for the person the KB's form names; and places' names of six letters or more
        without their accents ("Sao Paulo", "Bogota", "Brasilia"), never short ones, which
        fold into words ("Pará", "Malé"). A form that is already an alias of anyone, that two
        people's or places' names give, or that is a word of the language's lexicon is left
        out."""
        folded: dict[str, list[Alias]] = {}
        sources: dict[str, set[str]] = {}
        for key, found in table.items():
            people = [
                a
                for a in found
                if (entity := self.entities.get(a.qid)) is not None
                and (
                    (entity.kind is EntityKind.PERSON and a.type in ("name", "surname"))
                    or (entity.kind is EntityKind.PLACE and a.type == "name" and len(key) >= 6)
                )
            ]
            if not people:
                continue
            forms = {fold_accents(key)} | {key.replace(a, b) for a, b in spellings if a in key}
            for form in forms:
                if form != key and form not in table and form not in reserved:
                    folded.setdefault(form, []).extend(people)
                    sources.setdefault(form, set()).add(key)
        # a place's name keeps the choice its accented form has ("São Paulo": the city or the
        # state, decided as for the accented name); two names folding alike are left out
        return {
            bare: found
            for bare, found in folded.items()
            if len({a.qid for a in found}) == 1
            or (
                len(sources[bare]) == 1
                and all(self.entities[a.qid].kind is EntityKind.PLACE for a in found)
            )
        }

    def state_named_in(self, text: str) -> str | None:
        """The one state whose name, short name or metonym (a seat of government: "Planalto",
        "Whitehall") `text` contains as whole words, if exactly one does."""
        if self._state_names is None:
            names: dict[str, str] = {}
            for alias in self.aliases:
                entity = self.entities.get(alias.qid)
                if (
                    alias.type in ("name", "short", "metonym")
                    and entity is not None
                    and entity.kind is EntityKind.STATE
                ):
                    names.setdefault(alias.text, alias.qid)
            texts = sorted(names, key=len, reverse=True)
            pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, texts)) + r")(?!\w)")
            self._state_names = (pattern, names)
        pattern, names = self._state_names
        states = {names[m.group(0)] for m in pattern.finditer(text)}
        return states.pop() if len(states) == 1 else None

    def __getstate__(self) -> dict[str, object]:
        """Pickle the data, not the derived indexes (a worker builds the ones it uses)."""
        state = dict(self.__dict__)
        state["_alias_tables"] = {}
        state["_state_names"] = None
        state["_last_words"] = None
        return state

    def holders(
        self, state: str, *, titles: Iterable[str] = (), leader: bool = False, on: dt.date | None
    ) -> list[str]:
        """People holding an office of `state` with one of `titles` (or the leader office) on a day.

        Titles are tried in order and the first that the state has wins, so a lexicon can say
        "chanceler" means a chancellor where there is one and a foreign minister elsewhere.
        """
        candidates: list[Office] = []
        if leader:
            candidates = [
                o
                for offices in self._by_state_role.values()
                for o in offices
                if o.state == state and o.is_leader
            ]
        else:
            for title in titles:
                if title in _ROLE_TITLES:
                    # "chefe de Estado italiano": the office of that role, whatever its title
                    candidates = self._by_state_role.get((state, title), [])
                elif title == _LEADER:
                    candidates = [
                        o
                        for offices in self._by_state_role.values()
                        for o in offices
                        if o.state == state and o.is_leader
                    ]
                else:
                    candidates = self._by_state_title.get((state, title), [])
                if candidates:
                    break
        people: list[str] = []
        for office in candidates:
            for tenure in self._tenures_by_office.get(office.qid, []):
                if on is None:
                    if tenure.end is None and tenure.person not in people:
                        people.append(tenure.person)
                elif tenure.covers(on) and tenure.person not in people:
                    people.append(tenure.person)
        return people

    def holders_named(
        self,
        surname: str,
        *,
        titles: Iterable[str] = (),
        leader: bool = False,
        on: dt.date | None,
        state: str | None = None,
    ) -> list[str]:
        """People holding such an office on a day (of `state`, else of any state) whose name
        ends with `surname`, accents aside: "el presidente Bush" in 2007 is George W. Bush, the
        one president of that year so named, though "Bush" alone names two people."""
        if self._last_words is None:
            index: dict[str, list[str]] = {}
            for qid, entity in self.entities.items():
                if entity.kind is EntityKind.PERSON:
                    for label in entity.labels.values():
                        word = fold_accents(label).lower().rsplit(" ", 1)[-1]
                        if qid not in index.setdefault(word, []):
                            index[word].append(qid)
            self._last_words = index
        found: list[str] = []
        for person in self._last_words.get(fold_accents(surname).lower(), []):
            states = {o.state for o in self.offices_of(person)} if state is None else {state}
            if any(
                person in self.holders(each, titles=titles, leader=leader, on=on)
                for each in sorted(states)
            ):
                found.append(person)
        return found

    def offices_of(self, person: str) -> list[Office]:
        return self._offices_by_person.get(person, [])

    def entity(self, key: str) -> Entity | None:
        found = self.entities.get(key)
        return found.to_entity() if found else None

    def counts(self) -> dict[str, int]:
        """Entities by kind, plus aliases, offices and tenures: what `kgload kb stats` prints."""
        result: dict[str, int] = defaultdict(int)
        for entity in self.entities.values():
            result[entity.kind.value] += 1
        result["aliases"] = len(self.aliases)
        result["offices"] = len(self.offices)
        result["tenures"] = len(self.tenures)
        return dict(result)


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except FileNotFoundError as exc:
        raise KnowledgeBaseError(f"knowledge base file missing: {path}") from exc


def _date(text: str, where: str) -> PartialDate | None:
    if not text.strip():
        return None
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise KnowledgeBaseError(f"{where}: bad date {text!r}") from exc


def _data_dir() -> Path:
    return Path(str(resources.files("kgload.linking") / "data"))


@functools.lru_cache(maxsize=4)
def load_kb(data_dir: Path | None = None) -> KnowledgeBase:
    """Read the KB TSV files (the packaged ones by default); cached per folder."""
    folder = data_dir or _data_dir()
    entities: dict[str, KBEntity] = {}
    for number, row in enumerate(_rows(folder / "entities.tsv"), start=2):
        try:
            kind = EntityKind(row["kind"])
        except (KeyError, ValueError) as exc:
            raise KnowledgeBaseError(
                f"entities.tsv:{number}: bad kind {row.get('kind')!r}"
            ) from exc
        labels = {lang: row.get(f"label_{lang}", "") for lang in ("en", "pt", "es", "fr")}
        entities[row["qid"]] = KBEntity(
            qid=row["qid"],
            kind=kind,
            category=row.get("category", ""),
            country=row.get("country") or None,
            labels={k: v for k, v in labels.items() if v},
            stands_for=row.get("stands_for") or None,
            prominence=int(row.get("prominence") or 0),
        )
    aliases = [
        Alias(qid=row["qid"], lang=row["lang"], text=row["alias"], type=row["type"])
        for row in _rows(folder / "aliases.tsv")
        if row["qid"] in entities and row.get("alias")
    ]
    offices = {
        row["office_qid"]: Office(
            qid=row["office_qid"],
            state=row["state"],
            role=row["role"],
            title=row["title"],
            is_leader=row.get("is_leader", "0").strip() == "1",
            labels={
                k: v
                for k, v in (("en", row.get("label_en", "")), ("pt", row.get("label_pt", "")))
                if v
            },
        )
        for row in _rows(folder / "offices.tsv")
    }
    tenures = [
        Tenure(
            office=row["office_qid"],
            person=row["person_qid"],
            start=_date(row.get("start", ""), f"holders.tsv:{number}"),
            end=_date(row.get("end", ""), f"holders.tsv:{number}"),
        )
        for number, row in enumerate(_rows(folder / "holders.tsv"), start=2)
    ]
    log.debug("knowledge base: %d entities, %d aliases", len(entities), len(aliases))
    return KnowledgeBase(entities=entities, aliases=aliases, offices=offices, tenures=tenures)
