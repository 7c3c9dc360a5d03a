"""Refresh the offline knowledge base from Wikidata: `kgload kb build` and `kgload kb update`.

`build_kb` runs the SPARQL queries in `kgload/linking/queries/` one at a time (states,
organisations, heads of state and government, foreign and defence ministers, capitals), fetches
labels, aliases, sitelinks and demonyms (P1549) in en/pt/es/fr with `wbgetentities`, 50 ids a
request, and writes `entities.tsv`, `aliases.tsv`, `offices.tsv` and `holders.tsv` in the formats
of the shipped files (see `kgload/linking/data/README.md`).

Resuming: each finished query and entity batch is saved under `out_dir/.build/` and recorded in
`out_dir/.build-state.json`; a run that was killed or failed picks up where it stopped and sends
no request for finished work, even without the response cache. The state is discarded when the
queries or the batch size change, and removed once the tables are written.

Writing: the four tables go to a temporary folder inside `out_dir`, are read back with `load_kb`
to check them, and only then replace the old files (each by an atomic rename).

What Wikidata cannot say is kept from the curated, shipped KB when `keep_curated` is on (the
default): the office titles and the one "leader" office per state, prominence, categories
(alliance, UN organ …), `stands_for`, and surname and metonym aliases of entities it knows.
Otherwise rules decide: titles from the office's English label, the leader is the head of
government where the head of state is a monarch (or the head of government a chancellor) and
the head of state elsewhere, prominence from the number of sitelinks, and a capital stands for
its state when the state has only one capital.

Demonym inflection, office titles, the row order and the checked write are shared with the
curated build (`kgload kb build --from curated`) in `generate.py`, so the two builds agree.

`update_kb` is `build_kb` after forgetting cached answers older than `max_age_days`: recent
answers are reused, stale ones fetched again, and an interrupted earlier build is not resumed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import math
import re
import shutil
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from kgload.errors import KnowledgeBaseError
from kgload.files import atomic_write_text
from kgload.linking.generate import (
    inflect_demonym,
    office_title,
    sort_tables,
    table_counts,
    write_tables,
)
from kgload.linking.kb import KIND_ORDER, KnowledgeBase, load_kb
from kgload.linking.wikidata import DEFAULT_LANGUAGES, MAX_IDS_PER_REQUEST, WikidataClient
from kgload.model import Problem, ProgressCallback
from kgload.vocab import WD

__all__ = [
    "QUERY_NAMES",
    "BuildReport",
    "ProgressCallback",
    "build_kb",
    "inflect_demonym",
    "load_query",
    "update_kb",
]

log = logging.getLogger("kgload")

QUERY_NAMES = ("states", "organisations", "heads", "ministers", "capitals")
"""The builder's queries, in the order they run; each is `queries/<name>.rq`."""

"""`progress(done, total, message)`: units done, units in all (None while unknown), what now."""

STATE_FILE = ".build-state.json"
WORK_DIR = ".build"
_STATE_VERSION = 1
_QID = re.compile(r"^Q[1-9][0-9]*$")
_LANGS = DEFAULT_LANGUAGES
_CURATED_ALIAS_TYPES = frozenset({"surname", "metonym"})
_MONARCH_TITLES = frozenset({"monarch", "king", "emperor", "prince", "co_prince"})


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build wrote and what it cost; `problems` lists items left out or guessed."""

    out_dir: Path
    date: dt.date
    entities: Mapping[str, int]
    aliases: int
    offices: int
    holders: int
    requests: int
    served_from_cache: int
    resumed: int
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        """Entities by kind, then aliases, offices and holders (as `kgload kb stats` shows)."""
        return {**self.entities, "aliases": self.aliases, "offices": self.offices,
                "holders": self.holders}


def load_query(name: str) -> str:
    """The text of the builder query `name` (one of `QUERY_NAMES`)."""
    if name not in QUERY_NAMES:
        raise KeyError(name)
    return (resources.files("kgload.linking") / "queries" / f"{name}.rq").read_text(
        encoding="utf-8")


# -- SPARQL rows → facts --------------------------------------------------------------------------

def _qid(value: str | None) -> str | None:
    if not value or not value.startswith(WD):
        return None
    qid = value[len(WD):]
    return qid if _QID.match(qid) else None


def _date(value: str | None, precision: str | None) -> str:
    """`2012-05-07T00:00:00Z` at Wikidata precision 9/10/11 → `2012` / `2012-05` / `2012-05-07`."""
    if not value:
        return ""
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if match is None:
        return ""
    try:
        level = int(precision) if precision else 11
    except ValueError:
        level = 11
    year, month, day = match.groups()
    if level <= 9 or month == "00":
        return year
    if level == 10 or day == "00":
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"


@dataclass
class _Facts:
    states: dict[str, int] = field(default_factory=dict)
    organisations: dict[str, bool] = field(default_factory=dict)
    offices: dict[str, tuple[str, str]] = field(default_factory=dict)
    tenures: set[tuple[str, str, str, str]] = field(default_factory=set)
    capitals: dict[str, list[str]] = field(default_factory=dict)

    def qids(self) -> list[str]:
        found = set(self.states) | set(self.organisations) | set(self.offices)
        found |= {person for _, person, _, _ in self.tenures}
        found |= {capital for capitals in self.capitals.values() for capital in capitals}
        return sorted(found, key=lambda q: int(q[1:]))


def _facts(results: Mapping[str, list[dict[str, str]]], problems: list[Problem]) -> _Facts:
    facts = _Facts()
    for row in results["states"]:
        state = _qid(row.get("state"))
        if state:
            facts.states[state] = int(float(row.get("sitelinks") or 0))
    for row in results["organisations"]:
        org = _qid(row.get("org"))
        if org and org not in facts.states:
            alliance = row.get("alliance", "").lower() in ("true", "1")
            facts.organisations[org] = facts.organisations.get(org, False) or alliance
    role_rank = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2,
                 "defence_minister": 3}
    for name in ("heads", "ministers"):
        for row in results[name]:
            state, office, role = _qid(row.get("state")), _qid(row.get("office")), row.get("role")
            if not state or not office or role not in role_rank or state not in facts.states:
                continue
            known = facts.offices.get(office)
            if known is not None and known[0] != state:
                problems.append(Problem("shared-office", f"office {office} belongs to "
                                        f"{known[0]} and {state}; kept {known[0]}",
                                        f"query {name}"))
                continue
            if known is None or role_rank[role] < role_rank[known[1]]:
                facts.offices[office] = (state, role)
            person = _qid(row.get("person"))
            if person:
                facts.tenures.add((office, person,
                                   _date(row.get("start"), row.get("startPrecision")),
                                   _date(row.get("end"), row.get("endPrecision"))))
    for row in results["capitals"]:
        state, capital = _qid(row.get("state")), _qid(row.get("capital"))
        if state in facts.states and capital and capital not in facts.states:
            assert state is not None
            facts.capitals.setdefault(state, [])
            if capital not in facts.capitals[state]:
                facts.capitals[state].append(capital)
    return facts


# -- wbgetentities → compact records --------------------------------------------------------------

def _compact(qid: str, doc: Mapping[str, Any] | None) -> dict[str, Any]:
    """What the builder keeps of one entity: labels, aliases, demonyms, sitelink count."""
    if doc is None or "missing" in doc:
        return {"missing": True}
    labels = {lang: _clean(value.get("value", "")) for lang, value in
              (doc.get("labels") or {}).items() if lang in _LANGS}
    aliases: dict[str, list[str]] = {}
    for lang, values in (doc.get("aliases") or {}).items():
        if lang in _LANGS:
            aliases[lang] = [_clean(v.get("value", "")) for v in values if v.get("value")]
    demonyms: dict[str, list[str]] = defaultdict(list)
    for claim in (doc.get("claims") or {}).get("P1549", []):
        if claim.get("rank") == "deprecated":
            continue
        snak = claim.get("mainsnak") or {}
        value = (snak.get("datavalue") or {}).get("value")
        if snak.get("snaktype", "value") != "value" or not isinstance(value, dict):
            continue
        lang = str(value.get("language", "")).split("-")[0]
        text = _clean(str(value.get("text", "")))
        if lang in _LANGS and text and text not in demonyms[lang]:
            demonyms[lang].append(text)
    return {"labels": {k: v for k, v in labels.items() if v}, "aliases": aliases,
            "demonyms": dict(demonyms), "sitelinks": len(doc.get("sitelinks") or {})}


def _clean(text: str) -> str:
    return " ".join(str(text).split())


def _prominence(sitelinks: int) -> int:
    """A crude prior from the number of sitelinks: 0 → 5, 20 → 51, 100 → 77, 300+ → 95."""
    return max(5, min(95, round(100 * math.log1p(sitelinks) / math.log1p(400))))


# -- resumable state ------------------------------------------------------------------------------

class _State:
    """`.build-state.json` and the finished pieces under `.build/`."""

    def __init__(self, out_dir: Path, fingerprint: str, today: dt.date, resume: bool) -> None:
        self.path = out_dir / STATE_FILE
        self.work = out_dir / WORK_DIR
        self.data: dict[str, Any] = {}
        if resume and self.path.is_file():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
            if (isinstance(data, dict) and data.get("version") == _STATE_VERSION
                    and data.get("fingerprint") == fingerprint):
                self.data = data
                log.info("resuming the knowledge-base build of %s", data.get("date"))
            else:
                log.info("previous build state does not match these queries; starting over")
        if not self.data:
            self.discard()
            self.data = {"version": _STATE_VERSION, "fingerprint": fingerprint,
                         "date": today.isoformat(), "steps": [], "qids": None, "batches": []}

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.data["date"])

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
        shutil.rmtree(self.work, ignore_errors=True)

    def _save(self) -> None:
        _write_text(self.path, json.dumps(self.data, indent=1))

    def has_step(self, name: str) -> bool:
        return name in self.data["steps"] and (self.work / f"{name}.json").is_file()

    def load(self, piece: str) -> Any:
        return json.loads((self.work / f"{piece}.json").read_text(encoding="utf-8"))

    def save_step(self, name: str, rows: list[dict[str, str]]) -> None:
        _write_text(self.work / f"{name}.json", json.dumps(rows, ensure_ascii=False))
        self.data["steps"].append(name)
        self._save()

    def plan_batches(self, qids: list[str]) -> None:
        digest = hashlib.sha256("|".join(qids).encode()).hexdigest()
        if self.data["qids"] != digest:
            self.data["qids"] = digest
            self.data["batches"] = []
            self._save()

    def has_batch(self, number: int) -> bool:
        piece = self.work / f"entities-{number:05d}.json"
        return number in self.data["batches"] and piece.is_file()

    def save_batch(self, number: int, records: dict[str, Any]) -> None:
        _write_text(self.work / f"entities-{number:05d}.json",
                    json.dumps(records, ensure_ascii=False))
        self.data["batches"].append(number)
        self._save()


def _write_text(path: Path, text: str) -> None:
    """Write through `atomic_write`, so a killed run never leaves half a file."""
    atomic_write_text(path, text)


def _fingerprint(queries: Mapping[str, str], batch_size: int) -> str:
    text = json.dumps({"queries": queries, "batch": batch_size, "langs": _LANGS}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


# -- build ----------------------------------------------------------------------------------------

def build_kb(
    client: WikidataClient,
    out_dir: Path,
    *,
    progress: ProgressCallback | None = None,
    resume: bool = True,
    batch_size: int = MAX_IDS_PER_REQUEST,
    keep_curated: bool = True,
    today: dt.date | None = None,
) -> BuildReport:
    """Build the four KB tables in `out_dir` from Wikidata (see the module docstring).

    Args:
        client: where the answers come from (and the response cache).
        out_dir: the folder to write; made if missing. `kgload/linking/data` is the shipped one.
        progress: called after each query, entity batch and the final write.
        resume: continue an interrupted build recorded in `out_dir`; False starts over.
        batch_size: ids per `wbgetentities` request (at most 50).
        keep_curated: keep titles, leader flags, prominence and other curated values from the
            shipped KB for the items it knows.
        today: the date written in the `check` column (`wikidata:<date>`); today by default, or
            the date the resumed build started.

    Raises:
        WikidataError: Wikidata failed after retries (the finished part is kept for a resume).
        KnowledgeBaseError: the tables written do not read back.
    """
    if not 1 <= batch_size <= MAX_IDS_PER_REQUEST:
        raise ValueError(f"batch_size must be between 1 and {MAX_IDS_PER_REQUEST}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    queries = {name: load_query(name) for name in QUERY_NAMES}
    run = _Run(client, _State(out_dir, _fingerprint(queries, batch_size), today or dt.date.today(),
                              resume), progress or (lambda done, total, message: None))
    requests_before = client.stats.requests_made
    cached_before = client.stats.served_from_cache

    results = run.query_all(queries)
    facts = _facts(results, run.problems)
    records = run.fetch_entities(facts.qids(), batch_size, steps=len(queries) + 1)
    curated = _curated() if keep_curated else None
    tables = _tables(facts, records, run.state.date, curated, run.problems)
    write_tables(out_dir, tables)
    run.state.discard()
    run.step(run.total, "write tables")

    for problem in run.problems:
        log.warning("%s", problem)
    counts = table_counts(tables)
    return BuildReport(
        out_dir=out_dir, date=run.state.date,
        entities={kind: counts[kind] for kind in KIND_ORDER if kind in counts},
        aliases=counts["aliases"], offices=counts["offices"], holders=counts["holders"],
        requests=client.stats.requests_made - requests_before,
        served_from_cache=client.stats.served_from_cache - cached_before,
        resumed=run.resumed, problems=tuple(run.problems),
    )


@dataclass
class _Run:
    """One build's requests: answers from the resume state or from Wikidata, with progress."""

    client: WikidataClient
    state: _State
    report: ProgressCallback
    problems: list[Problem] = field(default_factory=list)
    resumed: int = 0
    done: int = 0
    total: int | None = None

    def step(self, total: int | None, message: str) -> None:
        self.done += 1
        self.report(self.done, total, message)

    def query_all(self, queries: Mapping[str, str]) -> dict[str, list[dict[str, str]]]:
        """Each builder query's rows, in order, saved for a resume as it finishes."""
        results: dict[str, list[dict[str, str]]] = {}
        for name, text in queries.items():
            if self.state.has_step(name):
                results[name] = self.state.load(name)
                self.resumed += 1
            else:
                log.info("Wikidata query %s", name)
                results[name] = self.client.select(text)
                self.state.save_step(name, results[name])
            self.step(None, f"query {name}: {len(results[name])} rows")
        return results

    def fetch_entities(self, qids: list[str], batch_size: int,
                       steps: int) -> dict[str, dict[str, Any]]:
        """The compact record of every id, `batch_size` a request, each batch saved for a resume."""
        self.state.plan_batches(qids)
        batches = [qids[i:i + batch_size] for i in range(0, len(qids), batch_size)]
        self.total = steps + len(batches)
        records: dict[str, dict[str, Any]] = {}
        for number, batch in enumerate(batches):
            if self.state.has_batch(number):
                records.update(self.state.load(f"entities-{number:05d}"))
                self.resumed += 1
            else:
                compact = self._fetch_batch(batch)
                self.state.save_batch(number, compact)
                records.update(compact)
            self.step(self.total, f"entities {number + 1}/{len(batches)}")
        return records

    def _fetch_batch(self, batch: list[str]) -> dict[str, Any]:
        found = self.client.get_entities(batch, languages=_LANGS)
        # A merged item answers under its new id, naming the old one in `redirects`.
        for doc in list(found.values()):
            moved = doc.get("redirects")
            if isinstance(moved, dict) and moved.get("from") not in found:
                found[str(moved.get("from"))] = doc
                self.problems.append(Problem("redirected-entity", f"{moved.get('from')} now "
                                             f"redirects to {moved.get('to')}", "wbgetentities"))
        return {qid: _compact(qid, found.get(qid)) for qid in batch}


def update_kb(
    client: WikidataClient,
    out_dir: Path,
    *,
    max_age_days: int = 30,
    progress: ProgressCallback | None = None,
    batch_size: int = MAX_IDS_PER_REQUEST,
    keep_curated: bool = True,
    today: dt.date | None = None,
) -> BuildReport:
    """Rebuild with fresh data: forget cached answers older than `max_age_days`, then build.

    Answers younger than that are reused, so an update interrupted and run again does not
    repeat its requests; an interrupted earlier build is not resumed (its pieces may be stale).
    """
    if max_age_days < 0:
        raise ValueError("max_age_days must not be negative")
    removed = client.clear_cache(older_than=dt.timedelta(days=max_age_days))
    log.info("kb update: %d cached answers older than %d days forgotten", removed, max_age_days)
    return build_kb(client, out_dir, progress=progress, resume=False, batch_size=batch_size,
                    keep_curated=keep_curated, today=today)


def _curated() -> KnowledgeBase | None:
    try:
        return load_kb()
    except KnowledgeBaseError as exc:
        log.warning("shipped knowledge base unreadable, curated values not kept: %s", exc)
        return None


@dataclass
class _Entity:
    kind: str
    category: str
    country: str = ""
    stands_for: str = ""


@dataclass
class _Records:
    """The fetched entities, recording a `missing-entity` problem once per absent id."""

    records: Mapping[str, dict[str, Any]]
    problems: list[Problem]
    absent: set[str] = field(default_factory=set)

    def present(self, qid: str, what: str) -> bool:
        record = self.records.get(qid)
        if record is None or record.get("missing"):
            if qid not in self.absent:
                self.absent.add(qid)
                self.problems.append(Problem("missing-entity", f"{what} {qid} not found on "
                                             "Wikidata", "wbgetentities"))
            return False
        return True

    def labels(self, qid: str) -> dict[str, str]:
        found: dict[str, str] = dict(self.records.get(qid, {}).get("labels") or {})
        fallback = found.get("en") or next(iter(found.values()), qid)
        return {lang: found.get(lang) or fallback for lang in _LANGS}


def _tables(facts: _Facts, records: Mapping[str, dict[str, Any]], date: dt.date,
            curated: KnowledgeBase | None, problems: list[Problem]) -> dict[str, list[list[str]]]:
    found = _Records(records, problems)
    chosen = _choose_entities(facts, found)
    offices = _office_rows(facts, chosen, found)
    holders = _holder_rows(facts, offices, chosen, found)
    if curated is not None:
        _apply_curated(chosen, offices, curated)
    _mark_leaders(offices, curated)
    entity_rows, aliases = _entity_and_alias_rows(chosen, found, f"wikidata:{date.isoformat()}",
                                                  curated)
    return sort_tables({
        "entities.tsv": entity_rows,
        "aliases.tsv": [[q, lang, text, kind] for (q, lang, text), kind in aliases.items()],
        "offices.tsv": list(offices.values()),
        "holders.tsv": holders,
    })


def _choose_entities(facts: _Facts, found: _Records) -> dict[str, _Entity]:
    """States, organisations, then capitals (people come with their tenures); first kind wins."""
    chosen: dict[str, _Entity] = {}
    for state in facts.states:
        if found.present(state, "state"):
            chosen[state] = _Entity("State", "sovereign_state")
    for org, alliance in facts.organisations.items():
        if org not in chosen and found.present(org, "organisation"):
            chosen[org] = _Entity("Organization", "alliance" if alliance else "igo")
    for state, capitals in facts.capitals.items():
        for capital in capitals:
            if state in chosen and capital not in chosen and found.present(capital, "capital"):
                chosen[capital] = _Entity("Place", "capital", state,
                                          state if len(capitals) == 1 else "")
    return chosen


def _office_rows(facts: _Facts, chosen: Mapping[str, _Entity],
                 found: _Records) -> dict[str, list[str]]:
    offices: dict[str, list[str]] = {}
    for office, (state, role) in facts.offices.items():
        if state not in chosen or not found.present(office, "office"):
            continue
        names = found.labels(office)
        title = office_title(role, names["en"])
        if title is None:
            title = "president"
            found.problems.append(Problem("unclassified-office", f"office {office} "
                                          f"({names['en']}): title not recognised, 'president' "
                                          "assumed", "offices"))
        offices[office] = [office, state, role, title, "0", names["en"], names["pt"]]
    return offices


def _holder_rows(facts: _Facts, offices: Mapping[str, list[str]], chosen: dict[str, _Entity],
                 found: _Records) -> list[list[str]]:
    """Tenures of the offices kept; a holder not yet chosen is a person of their latest state."""
    tenures = sorted(t for t in facts.tenures if t[0] in offices)
    latest: dict[str, tuple[str, str]] = {}
    for office, person, start, _ in tenures:
        if person not in latest or start >= latest[person][0]:
            latest[person] = (start, offices[office][1])
    holders: list[list[str]] = []
    for office, person, start, end in tenures:
        if person not in chosen:
            if not found.present(person, "person"):
                continue
            chosen[person] = _Entity("Person", "person", latest[person][1])
        if chosen[person].kind == "Person":
            holders.append([office, person, start, end])
    return holders


def _entity_and_alias_rows(
    chosen: Mapping[str, _Entity], found: _Records, check: str, curated: KnowledgeBase | None,
) -> tuple[list[list[str]], dict[tuple[str, str, str], str]]:
    entity_rows: list[list[str]] = []
    aliases: dict[tuple[str, str, str], str] = {}

    def alias(qid: str, lang: str, text: str, kind: str) -> None:
        text = _clean(text)
        if text and (qid, lang, text) not in aliases:
            aliases[(qid, lang, text)] = kind

    for qid, entity in chosen.items():
        record = found.records[qid]
        names = found.labels(qid)
        prominence = _prominence(int(record.get("sitelinks") or 0))
        if curated is not None and qid in curated.entities:
            prominence = curated.entities[qid].prominence
        entity_rows.append([qid, entity.kind, entity.category, entity.country,
                            *(names[lang] for lang in _LANGS), entity.stands_for,
                            str(prominence), check])
        for lang in _LANGS:
            alias(qid, lang, names[lang], "name")
        for lang, texts in (record.get("aliases") or {}).items():
            for text in texts:
                alias(qid, lang, text, "abbr" if len(text) <= 6 and text.isupper() else "short")
        if entity.kind == "State":
            for lang, bases in (record.get("demonyms") or {}).items():
                for form in (form for base in bases for form in inflect_demonym(lang, base)):
                    alias(qid, lang, form, "demonym")
    if curated is not None:
        for old in curated.aliases:
            if old.type in _CURATED_ALIAS_TYPES and old.qid in chosen:
                alias(old.qid, old.lang, old.text, old.type)
    return entity_rows, aliases


def _apply_curated(chosen: dict[str, _Entity], offices: dict[str, list[str]],
                   curated: KnowledgeBase) -> None:
    for qid, entity in chosen.items():
        old = curated.entities.get(qid)
        if old is not None and old.kind.value == entity.kind:
            entity.category = old.category or entity.category
            if entity.kind == "Place":
                entity.stands_for = old.stands_for or ""
    for office, row in offices.items():
        known = curated.offices.get(office)
        if known is not None and known.role == row[2]:
            row[3] = known.title


def _mark_leaders(offices: dict[str, list[str]], curated: KnowledgeBase | None) -> None:
    """Set is_leader on one head-of-state or head-of-government office per state."""
    by_state: dict[str, list[list[str]]] = defaultdict(list)
    for row in offices.values():
        if row[2] in ("head_of_state", "head_of_government"):
            by_state[row[1]].append(row)
    for state, rows in by_state.items():
        rows.sort(key=lambda r: int(r[0][1:]))
        chosen = None
        if curated is not None:
            known = {o.qid for o in curated.offices.values() if o.state == state and o.is_leader}
            chosen = next((r for r in rows if r[0] in known), None)
        if chosen is None:
            chosen = _leader_by_rule(rows)
        if chosen is not None:
            chosen[4] = "1"


def _leader_by_rule(rows: Sequence[list[str]]) -> list[str] | None:
    def first(test: Callable[[list[str]], bool]) -> list[str] | None:
        return next((r for r in rows if test(r)), None)

    heads = [r for r in rows if r[2] == "head_of_state"]
    government = [r for r in rows if r[2] == "head_of_government"]
    supreme = first(lambda r: r[3] == "supreme_leader")
    if supreme is not None:
        return supreme
    if government and (any(r[3] == "chancellor" for r in government)
                       or (heads and all(r[3] in _MONARCH_TITLES for r in heads))):
        return government[0]
    return heads[0] if heads else (government[0] if government else None)
