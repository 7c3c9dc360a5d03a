"""Integrity of the offline knowledge base shipped in kgload/linking/data."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "kgload" / "linking" / "data"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"

QID = re.compile(r"^Q[1-9][0-9]*$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
HEADERS = {
    "entities.tsv": [
        "qid",
        "kind",
        "category",
        "country",
        "label_en",
        "label_pt",
        "label_es",
        "label_fr",
        "stands_for",
        "prominence",
        "check",
    ],
    "aliases.tsv": ["qid", "lang", "alias", "type"],
    "offices.tsv": ["office_qid", "state", "role", "title", "is_leader", "label_en", "label_pt"],
    "holders.tsv": ["office_qid", "person_qid", "start", "end"],
}
KINDS = {"State", "Organization", "Person", "Place"}
CATEGORIES = {
    "sovereign_state",
    "partially_recognised_state",
    "igo",
    "alliance",
    "un_organ",
    "eu_institution",
    "news_agency",
    "intelligence_service",
    "ministry",
    "government",
    "legislature",
    "armed_forces",
    "head_office",
    "capital",
    "city",
    "region",
    "province",
    "sea",
    "person",
    "political_party",
}
LANGS = {"en", "pt", "es", "fr", "*"}
ALIAS_TYPES = {"name", "abbr", "demonym", "short", "surname", "metonym"}
ROLES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
TITLES = {
    "president",
    "prime_minister",
    "chancellor",
    "premier",
    "monarch",
    "supreme_leader",
    "general_secretary",
    "foreign_minister",
    "defence_minister",
    "secretary_of_state",
    "secretary_of_defense",
    "foreign_secretary",
    "defence_secretary",
    "king",
    "emir",
    "sultan",
    "emperor",
    "pope",
    "prince",
    "co_prince",
    "captain_regent",
    "chairman",
    "state_counsellor",
}


def read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        assert header == HEADERS[name], f"{name}: header {header}"
        rows = []
        for n, line in enumerate(fh, start=2):
            cells = line.rstrip("\n").split("\t")
            assert len(cells) == len(header), f"{name}:{n}: {len(cells)} cells"
            rows.append(dict(zip(header, cells, strict=True)))
    return rows


@pytest.fixture(scope="module")
def entities() -> dict[str, dict[str, str]]:
    rows = read("entities.tsv")
    by_qid: dict[str, dict[str, str]] = {}
    for r in rows:
        assert r["qid"] not in by_qid, f"duplicate qid {r['qid']}"
        by_qid[r["qid"]] = r
    return by_qid


@pytest.fixture(scope="module")
def aliases() -> list[dict[str, str]]:
    return read("aliases.tsv")


@pytest.fixture(scope="module")
def offices() -> dict[str, dict[str, str]]:
    rows = read("offices.tsv")
    assert len({r["office_qid"] for r in rows}) == len(rows), "duplicate office"
    return {r["office_qid"]: r for r in rows}


@pytest.fixture(scope="module")
def holders() -> list[dict[str, str]]:
    return read("holders.tsv")


def test_entity_rows(entities: dict[str, dict[str, str]]) -> None:
    for qid, r in entities.items():
        assert QID.match(qid), qid
        assert r["kind"] in KINDS, r
        assert r["category"] in CATEGORIES, r
        assert all(r[f"label_{lang}"] for lang in ("en", "pt", "es", "fr")), r
        assert 0 <= int(r["prominence"]) <= 100, r
        assert r["check"] in {"owid", "leaders", "corpus"} or r["check"].startswith(
            ("code:", "leaders+")
        ), r
        for ref in ("country", "stands_for"):
            if r[ref]:
                assert QID.match(r[ref]) and r[ref] in entities, (qid, ref, r[ref])
        if r["kind"] == "State":
            assert r["category"] in {"sovereign_state", "partially_recognised_state"}
        if r["kind"] == "Person":
            assert r["category"] == "person" and r["country"], r
        if r["category"] == "capital":
            assert r["country"], r


def test_alias_rows(entities: dict[str, dict[str, str]], aliases: list[dict[str, str]]) -> None:
    for a in aliases:
        assert QID.match(a["qid"]) and a["qid"] in entities, a
        assert (
            a["lang"] in LANGS
            and a["type"] in ALIAS_TYPES
            and a["alias"].strip() == a["alias"] != ""
        ), a
        if a["type"] == "demonym" and a["lang"] in {"pt", "es", "fr"}:
            assert a["alias"] == a["alias"].lower(), a
    labelled = {(a["qid"], a["lang"], a["alias"]) for a in aliases if a["type"] == "name"}
    for qid, r in entities.items():
        for lang in ("en", "pt", "es", "fr"):
            assert (qid, lang, r[f"label_{lang}"]) in labelled, (qid, lang)


def test_offices_and_holders(
    entities: dict[str, dict[str, str]],
    offices: dict[str, dict[str, str]],
    holders: list[dict[str, str]],
) -> None:
    leaders: dict[str, int] = defaultdict(int)
    for o in offices.values():
        assert QID.match(o["office_qid"]) and o["office_qid"] not in entities, o
        assert entities[o["state"]]["kind"] == "State", o
        assert o["role"] in ROLES and o["title"] in TITLES and o["is_leader"] in {"0", "1"}, o
        assert o["label_en"] and o["label_pt"], o
        leaders[o["state"]] += int(o["is_leader"])
    assert all(n <= 1 for n in leaders.values()), leaders
    seen = set()
    for h in holders:
        assert h["office_qid"] in offices, h
        assert entities[h["person_qid"]]["kind"] == "Person", h
        assert DATE.match(h["start"]) and (h["end"] == "" or DATE.match(h["end"])), h
        if h["end"]:
            assert _key(h["start"]) <= _key(h["end"]), h
        row = (h["office_qid"], h["person_qid"], h["start"])
        assert row not in seen, h
        seen.add(row)


def _key(date: str) -> tuple[int, ...]:
    return tuple(int(p) for p in date.split("-"))


def test_known_facts(
    entities: dict[str, dict[str, str]],
    offices: dict[str, dict[str, str]],
    holders: list[dict[str, str]],
    aliases: list[dict[str, str]],
) -> None:
    assert entities["Q55"]["label_en"] == "Netherlands" and "Q29999" not in entities
    assert entities["Q145"]["kind"] == "State" and entities["Q1246"]["kind"] == "State"
    assert entities["Q3178"]["kind"] == "Place" and "Q3159" not in entities
    assert entities["Q649"]["stands_for"] == "Q159" and entities["Q956"]["stands_for"] == "Q148"
    assert entities["Q35525"]["stands_for"] == "Q30"
    assert offices["Q11696"]["is_leader"] == "1" and offices["Q218295"]["is_leader"] == "1"
    us = sorted(
        (h["start"], h["end"], h["person_qid"]) for h in holders if h["office_qid"] == "Q11696"
    )
    assert ("2017-01-20", "2021-01-20", "Q22686") in us and ("2025-01-20", "", "Q22686") in us
    assert ("2021-01-20", "2025-01-20", "Q6279") in us
    uk = {(h["person_qid"], h["start"], h["end"]) for h in holders if h["office_qid"] == "Q14211"}
    assert ("Q20055561", "2022-10-25", "2024-07-05") in uk
    demonyms = {a["alias"] for a in aliases if a["qid"] == "Q423" and a["type"] == "demonym"}
    assert {
        "norte-coreano",
        "norte-coreana",
        "norte-coreanos",
        "norte-coreanas",
        "North Korean",
    } <= demonyms


def test_corpus_entities_present(entities: dict[str, dict[str, str]]) -> None:
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    if not corpus.is_dir():
        pytest.skip("shared corpus not available")
    import json

    missing = []
    for gold in sorted(corpus.glob("*.json")):
        for e in json.loads(gold.read_text(encoding="utf-8"))["entities"]:
            if e.get("qid") and e["qid"] not in entities:
                missing.append((gold.name, e["qid"], e["name"]))
    assert not missing, missing


def test_counts(entities: dict[str, dict[str, str]]) -> None:
    kinds: dict[str, int] = defaultdict(int)
    for r in entities.values():
        kinds[r["kind"]] += 1
    assert kinds["State"] >= 190 and kinds["Organization"] >= 60 and kinds["Person"] >= 500, dict(
        kinds
    )


def test_states_agree_with_owid(entities: dict[str, dict[str, str]]) -> None:
    table = REFERENCE / "countries_wikidata_owid.csv"
    if not table.is_file():
        pytest.skip("shared reference tables not available")
    with table.open(encoding="utf-8") as fh:
        owid = {r["wikidata_qid"]: r for r in csv.DictReader(fh)}
    owid["Q55"] = owid.pop("Q29999")  # the OWID row names the Kingdom; the country is Q55
    for qid, r in entities.items():
        if r["kind"] == "State" and r["check"] == "owid":
            assert qid in owid, qid
    sovereign = {
        q for q, r in owid.items() if r["cow_code"] and q != "Q1183"
    }  # Puerto Rico carries a COW code
    assert sovereign <= set(entities), sorted(sovereign - set(entities))


def test_no_unranked_name_clashes(
    entities: dict[str, dict[str, str]], aliases: list[dict[str, str]]
) -> None:
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in aliases:
        if a["type"] in {"name", "short"}:
            owners[(a["alias"], entities[a["qid"]]["kind"])].add(a["qid"])
    accepted: list[tuple[str, str, list[str]]] = []
    bad: list[tuple[str, str, list[str]]] = []
    for (alias, kind), qids in sorted(owners.items()):
        if len(qids) < 2:
            continue
        proms = [int(entities[q]["prominence"]) for q in qids]
        (accepted if len(set(proms)) == len(proms) else bad).append((alias, kind, sorted(qids)))
    for clash in accepted:
        print("accepted clash (ranked by prominence):", clash)
    assert not bad, bad
