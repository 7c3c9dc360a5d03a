"""build_kb / update_kb against a loopback fake of Wikidata replaying recorded-format fixtures.

The fake query service answers each of the builder's queries (recognised by its text) with
`tests/fixtures/wikidata/sparql/<name>.json`; the fake action API answers `wbgetentities` from
`entities.json`: five states, the UN and NATO, their offices, holders and capitals (real QIDs).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from kgload.config import Settings
from kgload.errors import WikidataError
from kgload.linking.builder import (
    QUERY_NAMES,
    STATE_FILE,
    WORK_DIR,
    build_kb,
    inflect_demonym,
    load_query,
    update_kb,
)
from kgload.linking.kb import ALIAS_TYPES, load_kb
from kgload.linking.wikidata import WikidataClient

FIXTURES = Path(__file__).parent / "fixtures" / "wikidata"
ENTITIES: dict[str, Any] = json.loads((FIXTURES / "entities.json").read_text(encoding="utf-8"))
SHIPPED = Path(__file__).parents[1] / "kgload" / "linking" / "data"
TABLES = ("entities.tsv", "aliases.tsv", "offices.tsv", "holders.tsv")
UA = "kgload-tests/0.1 (https://kgload.test/; tests@kgload.test)"
API = "/w/api.php"
DAY = dt.date(2025, 8, 13)
QUERIES = {load_query(name): name for name in QUERY_NAMES}


def answer_query(request: Request) -> Response:
    name = QUERIES.get(request.form.get("query", ""))
    if name is None:
        return Response("MalformedQueryException: unknown query", status=400)
    return Response((FIXTURES / "sparql" / f"{name}.json").read_text(encoding="utf-8"),
                    content_type="application/sparql-results+json; charset=utf-8")


def answer_entities(request: Request) -> Response:
    ids = request.args["ids"].split("|")
    body = {"entities": {i: ENTITIES.get(i, {"id": i, "missing": True}) for i in ids},
            "success": 1}
    return Response(json.dumps(body), content_type="application/json; charset=utf-8")


def serve(httpserver: HTTPServer,
          entities: Callable[[Request], Response] = answer_entities) -> None:
    httpserver.expect_request("/sparql", method="POST").respond_with_handler(answer_query)
    httpserver.expect_request(API, method="GET").respond_with_handler(entities)


def make_client(httpserver: HTTPServer, cache: Path, **options: Any) -> WikidataClient:
    settings = Settings(wikidata_url=httpserver.url_for("/sparql"),
                        wikidata_api_url=httpserver.url_for(API), user_agent=UA,
                        cache_dir=str(cache))
    return WikidataClient(settings, sleep=lambda seconds: None, **options)


def rows(folder: Path, name: str) -> list[dict[str, str]]:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def column(folder: Path, name: str, key: str) -> set[str]:
    return {row[key] for row in rows(folder, name)}


@pytest.fixture
def built(httpserver: HTTPServer, tmp_path: Path) -> Path:
    serve(httpserver)
    out = tmp_path / "kb"
    report = build_kb(make_client(httpserver, tmp_path / "cache"), out, today=DAY)
    assert report.ok, report.problems
    assert report.requests == len(QUERY_NAMES) + 1  # 34 ids: one wbgetentities request
    assert report.counts() == {"State": 5, "Organization": 2, "Place": 5, "Person": 12,
                               "aliases": report.aliases, "offices": 10, "holders": 16}
    return out


def test_tables_load_and_answer_who_held_office(built: Path) -> None:
    kb = load_kb(built)
    assert kb.holders("Q159", titles=["president"], on=dt.date(2025, 8, 12)) == ["Q7747"]
    assert kb.holders("Q30", titles=["president"], on=dt.date(2025, 8, 12)) == ["Q22686"]
    assert kb.holders("Q30", titles=["president"], on=dt.date(2022, 6, 1)) == ["Q6279"]
    assert kb.holders("Q30", titles=["president"], on=dt.date(2018, 3, 1)) == ["Q22686"]
    assert kb.holders("Q155", leader=True, on=dt.date(2024, 1, 1)) == ["Q37181"]
    assert kb.holders("Q212", titles=["prime_minister"], on=dt.date(2025, 8, 12)) == []
    assert kb.holders("Q30", titles=["secretary_of_state"], on=dt.date(2025, 8, 12)) == ["Q324546"]
    assert kb.holders("Q423", titles=["supreme_leader"], on=dt.date(2025, 8, 12)) == ["Q56226"]
    assert kb.entity("Q7747") is not None
    assert {o.qid for o in kb.offices_of("Q7747")} == {"Q218295", "Q842386"}


def test_tables_have_the_shipped_headers_and_value_sets(built: Path) -> None:
    for name in TABLES:
        shipped_header = (SHIPPED / name).read_text(encoding="utf-8").split("\n", 1)[0]
        assert (built / name).read_text(encoding="utf-8").split("\n", 1)[0] == shipped_header
    for name, key in (("entities.tsv", "kind"), ("entities.tsv", "category"),
                      ("aliases.tsv", "lang"), ("offices.tsv", "role"),
                      ("offices.tsv", "title"), ("offices.tsv", "is_leader")):
        assert column(built, name, key) <= column(SHIPPED, name, key), (name, key)
    assert column(built, "aliases.tsv", "type") <= set(ALIAS_TYPES)
    assert column(built, "entities.tsv", "check") == {"wikidata:2025-08-13"}
    assert not list(built.glob(".kb-tmp-*"))
    assert not (built / STATE_FILE).exists()
    assert not (built / WORK_DIR).exists()


def test_entities_offices_and_holders(built: Path) -> None:
    entities = {row["qid"]: row for row in rows(built, "entities.tsv")}
    assert entities["Q159"]["kind"] == "State"
    assert entities["Q159"]["label_pt"] == "Rússia"
    assert entities["Q7184"]["category"] == "alliance"
    assert entities["Q1065"]["kind"] == "Organization"
    assert (entities["Q649"]["kind"], entities["Q649"]["country"],
            entities["Q649"]["stands_for"]) == ("Place", "Q159", "Q159")
    assert (entities["Q7747"]["kind"], entities["Q7747"]["country"]) == ("Person", "Q159")
    assert entities["Q58217"]["country"] == "Q159"
    offices = {row["office_qid"]: row for row in rows(built, "offices.tsv")}
    # The US presidency is both P1906 and P1313: one office, head of state.
    assert (offices["Q11696"]["role"], offices["Q11696"]["is_leader"]) == ("head_of_state", "1")
    assert offices["Q218295"]["is_leader"] == "1"
    assert offices["Q842386"]["is_leader"] == "0"
    assert offices["Q14213"]["title"] == "secretary_of_state"
    assert offices["Q56876342"]["title"] == "supreme_leader"  # the curated title is kept
    assert offices["Q218295"]["label_pt"] == "presidente da Rússia"
    holders = rows(built, "holders.tsv")
    trump = [(h["start"], h["end"]) for h in holders if h["person_qid"] == "Q22686"]
    assert trump == [("2017-01-20", "2021-01-20"), ("2025-01-20", "")]
    kim = [h for h in holders if h["person_qid"] == "Q56226"]
    assert [(h["start"], h["end"]) for h in kim] == [("2016", "")]  # year precision
    assert all(h["person_qid"].startswith("Q") for h in holders)  # unknown values dropped


def test_aliases_names_demonyms_and_abbreviations(built: Path) -> None:
    aliases = {(r["qid"], r["lang"], r["alias"]): r["type"] for r in rows(built, "aliases.tsv")}
    assert aliases[("Q159", "en", "Russia")] == "name"
    assert aliases[("Q159", "en", "Russian Federation")] == "short"
    assert aliases[("Q1065", "en", "UN")] == "abbr"
    assert aliases[("Q1065", "en", "U.N.")] == "abbr"
    assert aliases[("Q7184", "pt", "OTAN")] == "abbr"
    assert aliases[("Q7184", "pt", "Otan")] == "short"
    for form in ("russo", "russa", "russos", "russas"):
        assert aliases[("Q159", "pt", form)] == "demonym"
    for form in ("ukrainien", "ukrainienne", "ukrainiens", "ukrainiennes"):
        assert aliases[("Q212", "fr", form)] == "demonym"
    assert aliases[("Q155", "pt", "brasileiras")] == "demonym"
    assert aliases[("Q30", "en", "Americans")] == "demonym"
    assert ("Q212", "en", "Ukranian") not in aliases  # deprecated statement
    assert not any(q == "Q159" and lang == "de" for q, lang, _ in aliases)
    assert aliases[("Q7747", "*", "Putin")] == "surname"  # curated, kept
    assert aliases[("Q159", "*", "Kremlin")] == "metonym"
    assert not any(t == "demonym" for (q, _, _), t in aliases.items() if q == "Q7747")
    kb = load_kb(built)
    assert {a.qid for a in kb.aliases_for("pt") if a.text == "Moscovo"} == {"Q649"}


def test_rules_without_the_curated_kb(httpserver: HTTPServer, tmp_path: Path) -> None:
    serve(httpserver)
    out = tmp_path / "kb"
    report = build_kb(make_client(httpserver, tmp_path / "cache"), out, keep_curated=False,
                      today=DAY)
    assert report.ok
    offices = {row["office_qid"]: row for row in rows(out, "offices.tsv")}
    assert offices["Q56876342"]["title"] == "president"
    assert offices["Q7240364"]["title"] == "premier"
    assert offices["Q1418873"]["title"] == "foreign_minister"
    leaders = {row["state"]: row["office_qid"] for row in offices.values()
               if row["is_leader"] == "1"}
    assert leaders == {"Q30": "Q11696", "Q155": "Q5176750", "Q159": "Q218295",
                       "Q212": "Q579677", "Q423": "Q56876342"}
    entities = {row["qid"]: row for row in rows(out, "entities.tsv")}
    assert entities["Q7184"]["category"] == "alliance"
    assert entities["Q1065"]["category"] == "igo"
    assert entities["Q2844"]["stands_for"] == "Q155"
    assert all(5 <= int(row["prominence"]) <= 95 for row in entities.values())
    types = column(out, "aliases.tsv", "type")
    assert types <= {"name", "short", "abbr", "demonym"}


def test_missing_and_redirected_items_are_reported(httpserver: HTTPServer,
                                                  tmp_path: Path) -> None:
    def answer(request: Request) -> Response:
        entities: dict[str, Any] = {}
        for qid in request.args["ids"].split("|"):
            if qid == "Q1065":
                entities[qid] = {"id": qid, "missing": True}
            elif qid == "Q7184":  # merged: answered under the new id
                entities["Q999999999"] = {**ENTITIES[qid], "id": "Q999999999",
                                          "redirects": {"from": qid, "to": "Q999999999"}}
            else:
                entities[qid] = ENTITIES[qid]
        return Response(json.dumps({"entities": entities, "success": 1}),
                        content_type="application/json")

    serve(httpserver, answer)
    out = tmp_path / "kb"
    report = build_kb(make_client(httpserver, tmp_path / "cache"), out, today=DAY)
    assert not report.ok
    assert sorted(p.code for p in report.problems) == ["missing-entity", "redirected-entity"]
    qids = column(out, "entities.tsv", "qid")
    assert "Q1065" not in qids
    assert "Q7184" in qids


def test_rerun_is_served_from_the_cache(httpserver: HTTPServer, tmp_path: Path,
                                        built: Path) -> None:
    before = {name: (built / name).read_bytes() for name in TABLES}
    seen = len(httpserver.log)
    report = build_kb(make_client(httpserver, tmp_path / "cache"), built, today=DAY)
    assert len(httpserver.log) == seen
    assert (report.requests, report.served_from_cache) == (0, len(QUERY_NAMES) + 1)
    assert {name: (built / name).read_bytes() for name in TABLES} == before


def test_interrupted_build_resumes_without_repeating_requests(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    calls = {"api": 0}

    def failing_second_batch(request: Request) -> Response:
        calls["api"] += 1
        if calls["api"] == 2:
            return Response("upstream connect error", status=400)
        return answer_entities(request)

    serve(httpserver, failing_second_batch)
    out = tmp_path / "kb"
    with pytest.raises(WikidataError, match="HTTP 400"):
        build_kb(make_client(httpserver, tmp_path / "cache"), out, batch_size=10, today=DAY)
    assert (out / STATE_FILE).is_file()
    assert not (out / "entities.tsv").exists()
    first_run = [(r.path, r.args.get("ids")) for r, _ in httpserver.log]
    assert len(first_run) == len(QUERY_NAMES) + 2

    # A fresh cache folder: only the build state can spare the finished requests.
    httpserver.clear_log()
    steps: list[tuple[int, int | None, str]] = []
    report = build_kb(make_client(httpserver, tmp_path / "other-cache"), out, batch_size=10,
                      progress=lambda done, total, what: steps.append((done, total, what)))
    second_run = [(r.path, r.args.get("ids")) for r, _ in httpserver.log]
    assert [path for path, _ in second_run] == [API] * 3  # batches 2, 3 and 4 of 4
    assert second_run[0] == first_run[-1]  # the failed one is asked again
    assert not set(second_run[1:]) & set(first_run)
    assert report.resumed == len(QUERY_NAMES) + 1
    assert report.date == DAY  # the date the interrupted build started
    assert steps[-1] == (len(QUERY_NAMES) + 4 + 1, len(QUERY_NAMES) + 4 + 1, "write tables")
    assert load_kb(out).holders("Q159", titles=["president"], on=dt.date(2025, 8, 12)) == [
        "Q7747"]
    assert not (out / STATE_FILE).exists()


def test_resume_false_starts_over(httpserver: HTTPServer, tmp_path: Path) -> None:
    serve(httpserver, lambda request: Response("nope", status=400))
    out = tmp_path / "kb"
    with pytest.raises(WikidataError):
        build_kb(make_client(httpserver, tmp_path / "c1"), out, today=DAY)
    httpserver.clear()
    serve(httpserver)
    build_kb(make_client(httpserver, tmp_path / "c2"), out, resume=False, today=DAY)
    assert [r.path for r, _ in httpserver.log].count("/sparql") == len(QUERY_NAMES)


def test_update_refetches_only_stale_answers(httpserver: HTTPServer, tmp_path: Path) -> None:
    serve(httpserver)
    now = [1_750_000_000.0]
    client = make_client(httpserver, tmp_path / "cache", clock=lambda: now[0])
    out = tmp_path / "kb"
    build_kb(client, out, today=DAY)
    assert len(httpserver.log) == len(QUERY_NAMES) + 1

    now[0] += dt.timedelta(days=3).total_seconds()
    report = update_kb(client, out, max_age_days=7, today=DAY)
    assert report.requests == 0
    now[0] += dt.timedelta(days=10).total_seconds()
    report = update_kb(client, out, max_age_days=7, today=DAY + dt.timedelta(days=13))
    assert report.requests == len(QUERY_NAMES) + 1
    assert column(out, "entities.tsv", "check") == {"wikidata:2025-08-26"}


def test_batch_size_is_bounded(tmp_path: Path, httpserver: HTTPServer) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        build_kb(make_client(httpserver, tmp_path / "cache"), tmp_path / "kb", batch_size=51)


@pytest.mark.parametrize(("lang", "base", "forms"), [
    ("en", "Russian", ["Russian", "Russians"]),
    ("en", "Chinese", ["Chinese"]),
    ("en", "pakistani", ["Pakistani", "Pakistanis"]),
    ("pt", "Russo", ["russo", "russa", "russos", "russas"]),
    ("pt", "francês", ["francês", "francesa", "franceses", "francesas"]),
    ("pt", "afegão", ["afegão", "afegã", "afegãos", "afegãs"]),
    ("pt", "canadense", ["canadense", "canadenses"]),
    ("pt", "espanhol", ["espanhol", "espanhola", "espanhóis", "espanholas"]),
    ("pt", "norte-coreano", ["norte-coreano", "norte-coreana", "norte-coreanos",
                             "norte-coreanas"]),
    ("es", "alemán", ["alemán", "alemana", "alemanes", "alemanas"]),
    ("es", "iraquí", ["iraquí", "iraquíes"]),
    ("es", "estadounidense", ["estadounidense", "estadounidenses"]),
    ("es", "español", ["español", "española", "españoles", "españolas"]),
    ("fr", "russe", ["russe", "russes"]),
    ("fr", "français", ["français", "française", "françaises"]),
    ("fr", "nord-coréen", ["nord-coréen", "nord-coréenne", "nord-coréens", "nord-coréennes"]),
    ("fr", "américain", ["américain", "américaine", "américains", "américaines"]),
    ("de", "Russe", ["russe"]),
    ("pt", "  ", []),
])
def test_inflect_demonym(lang: str, base: str, forms: list[str]) -> None:
    assert inflect_demonym(lang, base) == forms


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_queries_are_valid_sparql_with_a_header(name: str) -> None:
    text = load_query(name)
    assert text.startswith("# title: ")
    assert "\n# description: " in text
    assert list(pyoxigraph.Store().query(text)) == []  # parses and runs on an empty store
