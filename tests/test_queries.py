"""Saved queries: the files parse, bind safely by type, and return the golden rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, RdfFormat

from kgload.errors import QueryError
from kgload.model import EventType, PartialDate, Status
from kgload.queries import (
    DEFAULT_BASE,
    ParamType,
    ParamValue,
    SavedQuery,
    get_saved_query,
    load_saved_queries,
    parse_saved_query,
    run_saved_query,
    sparql_string,
)
from kgload.resources import query_dir
from kgload.stores.oxigraph import OxigraphStore, open_memory

GOLDEN = Path(__file__).parent / "cases" / "golden_store.trig"
ID = "https://w3id.org/kgload/id/"
WD = "http://www.wikidata.org/entity/"
XSD = "http://www.w3.org/2001/XMLSchema#"
CALL = ID + "event/phonecall-putin-kim-2025-08-12"
EXPECTED_QUERIES = {
    "agreements",
    "attacks",
    "condemnations",
    "documents",
    "entities",
    "events",
    "events_of_actor",
    "meetings",
    "phone_calls",
    "sanctions",
    "sources_of_event",
    "support",
    "troop_deployments",
    "visits",
    "who_reported",
}
# A valid value of each type, to bind every parameter of every query at once.
SAMPLES: dict[ParamType, ParamValue] = {
    ParamType.QID: "Q7747",
    ParamType.IRI: CALL,
    ParamType.DATE: "2024-06",
    ParamType.STRING: 'a "quoted"\nstring',
    ParamType.INTEGER: 3,
    ParamType.DECIMAL: "0.5",
    ParamType.STATUS: "occurred",
    ParamType.EVENT_TYPE: "meeting",
    ParamType.KIND: "person",
    ParamType.LANG: "pt",
}
REQUIRED = {"actor": "Q7747", "reporter": "Q884"}


@pytest.fixture(scope="module")
def golden() -> Iterator[OxigraphStore]:
    store = open_memory()
    store.load(GOLDEN, format=RdfFormat.TRIG)
    yield store
    store.close()


def rows(store: OxigraphStore, name: str, **params: ParamValue) -> list[dict[str, object]]:
    """Result rows as plain values; the `"; "`-joined columns become sets (their order is free)."""
    out = []
    for row in run_saved_query(store, name, params).dicts():
        plain: dict[str, object] = {}
        for key, term in row.items():
            value = None if term is None else term.value
            if key in {"participants", "participant_ids", "reported_by"} and value is not None:
                plain[key] = set(value.split("; "))
            else:
                plain[key] = value
        out.append(plain)
    return out


def column(table: list[dict[str, object]], key: str) -> list[object]:
    return [row[key] for row in table]


# -- the files --------------------------------------------------------------------------------


def test_every_expected_query_is_shipped() -> None:
    assert set(load_saved_queries()) >= EXPECTED_QUERIES


@pytest.mark.parametrize("name", sorted(load_saved_queries()))
def test_query_file_has_header_and_parses(name: str) -> None:
    query = get_saved_query(name)
    assert query.title and query.description
    assert all(p.help for p in query.params), "every parameter explains itself"
    empty = open_memory()
    defaults = {p.name: REQUIRED[p.name] for p in query.params if p.required}
    assert empty.select(query.bind(defaults)).rows == ()
    every = {p.name: SAMPLES[p.type] for p in query.params}
    empty.select(query.bind(every))  # parses with every optional block kept


@pytest.mark.parametrize("name", sorted(load_saved_queries()))
def test_query_is_listed_in_the_readme(name: str) -> None:
    assert f"`{name}`" in (query_dir() / "README.md").read_text(encoding="utf-8")


def test_loading_is_cached_and_takes_a_folder(tmp_path: Path) -> None:
    assert load_saved_queries()["meetings"] is load_saved_queries()["meetings"]
    (tmp_path / "echo.rq").write_text(
        "# title: Echo\n# description: Says it back.\n# param: s: string\n"
        "SELECT ?out WHERE { BIND($s AS ?out) }\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.txt").write_text("not a query", encoding="utf-8")
    assert list(load_saved_queries(tmp_path)) == ["echo"]
    result = run_saved_query(open_memory(), "echo", {"s": "hi"}, directory=tmp_path)
    assert result.rows == ((Literal("hi"),),)


def test_golden_quotes_match_their_offsets(golden: OxigraphStore) -> None:
    result = golden.select(
        "PREFIX kg: <https://w3id.org/kgload/ontology#> "
        "SELECT ?quote ?text ?start ?end WHERE { GRAPH ?g { ?d kg:text ?text . "
        "?ev kg:quote ?quote ; kg:start ?start ; kg:end ?end } }"
    )
    assert len(result.rows) == 10
    for quote, text, start, end in result.rows:
        assert quote is not None and text is not None and start is not None and end is not None
        assert text.value[int(start.value) : int(end.value)] == quote.value


# -- golden rows ------------------------------------------------------------------------------


def test_phone_calls(golden: OxigraphStore) -> None:
    [call] = rows(golden, "phone_calls")
    assert call == {
        "event": CALL,
        "date": "2025-08-12",
        "status": "Occurred",
        "participants": {"Vladimir Putin", "Kim Jong Un"},
        "participant_ids": {"Q7747", "Q56226"},
        "reported_by": {"Russia"},
        "sources": "2",
        "confidence": "0.9",
        # quote and URL come together from the first document to report it
        "quote": "teve uma conversa telefônica com Kim Jong Un",
        "url": "https://example.org/pt/2025/08/12/putin-kim",
    }
    [typed] = run_saved_query(golden, "phone_calls").rows
    assert typed[1] == Literal("2025-08-12", datatype=NamedNode(XSD + "date"))


def test_phone_calls_in_portuguese_and_filtered(golden: OxigraphStore) -> None:
    [call] = rows(golden, "phone_calls", actor="Q56226", since="2025-08", lang="pt")
    assert call["participants"] == {"Vladimir Putin", "Kim Jong-un"}
    assert call["reported_by"] == {"Rússia"}
    assert rows(golden, "phone_calls", since="2025-08-13") == []
    assert rows(golden, "phone_calls", actor="Q22686") == []
    assert rows(golden, "phone_calls", actor="Q7747", other="Q56226", until="2025-08")[0]["event"]


def test_meetings_newest_first_with_place(golden: OxigraphStore) -> None:
    table = rows(golden, "meetings")
    assert column(table, "event") == [
        ID + "event/meeting-putin-trump-2025-08-15",
        ID + "event/meeting-putin-kim-2024-06",
    ]
    assert column(table, "date") == ["2025-08-15", "2024-06"]
    assert column(table, "status") == ["Planned", "Occurred"]
    assert column(table, "place") == ["Alaska", "Pyongyang"]
    assert column(table, "reported_by") == [None, None]  # nothing known is None
    assert table[0]["participants"] == {"Vladimir Putin", "Donald Trump"}
    # Pyongyang has no Portuguese label: English is the fallback
    assert column(rows(golden, "meetings", lang="pt"), "place") == ["Alasca", "Pyongyang"]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("planned", ["meeting-putin-trump-2025-08-15"]),
        ("occurred", ["meeting-putin-kim-2024-06"]),
        ("speculative", []),
        ("denied", []),
    ],
)
def test_meetings_by_status(golden: OxigraphStore, status: str, expected: list[str]) -> None:
    assert column(rows(golden, "meetings", status=status), "event") == [
        ID + "event/" + e for e in expected
    ]


def test_meetings_between_two_actors(golden: OxigraphStore) -> None:
    [meeting] = rows(golden, "meetings", actor="Q7747", other="Q22686")
    assert meeting["place"] == "Alaska"
    assert rows(golden, "meetings", actor="Q22686", other="Q56226") == []


def test_agreements(golden: OxigraphStore) -> None:
    [treaty] = rows(golden, "agreements")
    assert treaty["event"] == ID + "event/agreement-russia-northkorea-2024"
    assert treaty["date"] == "2024"
    assert treaty["participants"] == {"Russia", "North Korea"}
    assert treaty["place"] is None
    assert rows(golden, "agreements", until="2023") == []
    assert len(rows(golden, "agreements", since="2024", until="2024")) == 1


def test_events_of_actor_is_a_timeline(golden: OxigraphStore) -> None:
    table = rows(golden, "events_of_actor", actor="Q159")
    assert [(r["type"], r["date"], r["role"]) for r in table] == [
        ("Agreement", "2024", "participant"),
        ("MilitaryAid", "2024-11", "recipient"),
        ("Sanction", "2025-02", "recipient"),
        ("Attack", "2025-08", "agent"),
        ("Support", None, "recipient"),  # undated events come last
        ("TroopDeployment", None, "recipient"),
    ]
    putin = rows(golden, "events_of_actor", actor="wd:Q7747")
    assert column(putin, "type") == ["Meeting", "PhoneCall", "Meeting"]
    assert putin[1]["sources"] == "2"


@pytest.mark.parametrize(
    ("params", "types"),
    [
        ({"since": "2025"}, ["Sanction", "Attack"]),
        ({"until": "2024"}, ["Agreement", "MilitaryAid"]),
        ({"type": "attack"}, ["Attack"]),
        ({"type": "PhoneCall"}, []),
        ({"min_confidence": 0.75}, ["Sanction", "Attack"]),
        ({"status": "denied"}, []),
        ({"limit": 2}, ["Agreement", "MilitaryAid"]),
    ],
)
def test_events_of_actor_filters(
    golden: OxigraphStore, params: dict[str, ParamValue], types: list[str]
) -> None:
    assert column(rows(golden, "events_of_actor", actor="Q159", **params), "type") == types


def test_events_of_a_local_entity_by_iri(golden: OxigraphStore) -> None:
    assert rows(golden, "events_of_actor", actor=ID + "entity/choe-son-hui") == []
    [attack] = rows(golden, "events_of_actor", actor=WD + "Q212")
    assert attack["type"] == "Attack" and attack["place"] == "Ukraine"


def test_sources_of_an_event(golden: OxigraphStore) -> None:
    table = rows(golden, "sources_of_event", event=CALL)
    assert table == [
        {
            "event": CALL,
            "type": "PhoneCall",
            "document": ID + "doc/a1",
            "url": "https://example.org/pt/2025/08/12/putin-kim",
            "title": "Putin conversa com Kim Jong Un por telefone",
            "issued": "2025-08-12",
            "outlet": "Agência Exemplo",
            "language": "pt",
            "quote": "teve uma conversa telefônica com Kim Jong Un",
            "start": "40",
            "end": "84",
        },
        {
            "event": CALL,
            "type": "PhoneCall",
            "document": ID + "doc/b2",
            "url": "https://example.com/world/2025/08/13/putin-kim-call",
            "title": "Putin and Kim speak by phone ahead of Alaska summit",
            "issued": "2025-08-13",
            "outlet": "Example Wire",
            "language": "en",
            "quote": "spoke by phone with Kim Jong Un",
            "start": "33",
            "end": "64",
        },
    ]
    by_pair = rows(golden, "sources_of_event", actor="Q7747", other="Q56226", type="phone_call")
    assert by_pair == table
    assert column(rows(golden, "sources_of_event", actor="Q7747", type="meeting"), "start") == [
        "150",
        "101",
    ]
    assert len(rows(golden, "sources_of_event")) == 10  # every source of every event


def test_troop_deployments(golden: OxigraphStore) -> None:
    [deployment] = rows(golden, "troop_deployments")
    assert deployment["agent"] == "North Korea" and deployment["recipient"] == "Russia"
    assert deployment["personnel"] == "10000" and deployment["personnel_bound"] == "AtLeast"
    assert deployment["reported_by"] == {"South Korea"}
    assert deployment["place"] == "Kursk region"  # a local place, labelled in its document
    assert deployment["date"] is None
    [pt] = rows(golden, "troop_deployments", agent="Q423", recipient="Q159", lang="pt")
    assert (pt["agent"], pt["place"]) == ("Coreia do Norte", "Kursk region")
    assert rows(golden, "troop_deployments", agent="Q159") == []


def test_sanctions_attacks_support(golden: OxigraphStore) -> None:
    [sanction] = rows(golden, "sanctions")
    assert (sanction["agent"], sanction["recipient"], sanction["date"]) == (
        "United States",
        "Russia",
        "2025-02",
    )
    assert rows(golden, "sanctions", agent="Q159") == []
    [attack] = rows(golden, "attacks", recipient="Q212")
    assert (attack["agent"], attack["place"]) == ("Russia", "Ukraine")
    support = rows(golden, "support")
    assert [(r["type"], r["agent"], r["date"]) for r in support] == [
        ("MilitaryAid", "North Korea", "2024-11"),
        ("Support", "China", None),
    ]
    assert column(rows(golden, "support", type="support"), "agent") == ["China"]
    assert column(rows(golden, "support", type="military_aid", recipient="Q159"), "type") == [
        "MilitaryAid"
    ]


def test_who_reported(golden: OxigraphStore) -> None:
    # the call in the foreign graph is also "reported by" Q884: it must not show
    [claim] = rows(golden, "who_reported", reporter="Q884")
    assert claim["type"] == "TroopDeployment"
    assert claim["participants"] == {"North Korea", "Russia"}
    [call] = rows(golden, "who_reported", reporter="Q159", actor="Q56226")
    assert (call["event"], call["sources"]) == (CALL, "2")
    assert rows(golden, "who_reported", reporter="Q159", type="meeting") == []


def test_entities(golden: OxigraphStore) -> None:
    table = rows(golden, "entities")
    assert len(table) == 13
    assert table[0] == {
        "entity": WD + "Q159",
        "id": "Q159",
        "kind": "State",
        "label": "Russia",
        "documents": "3",
    }
    by_id = {r["id"]: r for r in table}
    assert by_id["Q7747"]["documents"] == "2"  # the foreign graph's mention does not count
    assert by_id["Q30"]["documents"] == "1"
    local = by_id[ID + "entity/choe-son-hui"]
    assert (local["kind"], local["label"]) == ("Person", "Choe Son Hui")
    places = rows(golden, "entities", kind="place")
    assert {r["label"] for r in places} == {"Alaska", "Kursk region", "Pyongyang"}
    [kim] = rows(golden, "entities", search="KIM", lang="pt")
    assert kim["label"] == "Kim Jong-un"
    assert rows(golden, "entities", search='") } DROP ALL #') == []


def test_documents(golden: OxigraphStore) -> None:
    table = rows(golden, "documents")
    assert [(r["document"], r["events"], r["entities"]) for r in table] == [
        (ID + "doc/c3", "5", "7"),
        (ID + "doc/b2", "3", "6"),
        (ID + "doc/a1", "2", "5"),
    ]
    assert table[2]["outlet"] == "Agência Exemplo" and table[2]["language"] == "pt"
    assert column(rows(golden, "documents", outlet="Example Wire"), "document") == [
        ID + "doc/c3",
        ID + "doc/b2",
    ]
    assert column(rows(golden, "documents", language="pt"), "document") == [ID + "doc/a1"]
    assert column(rows(golden, "documents", since="2025-08-13", until="2025-08"), "document") == [
        ID + "doc/b2"
    ]


def test_another_base_sees_nothing(golden: OxigraphStore) -> None:
    assert run_saved_query(golden, "documents", base="https://example.org/other/").rows == ()
    # the foreign graph holds a kgload-shaped document, seen only under its own base
    other = run_saved_query(golden, "documents", base="http://example.org/elsewhere/")
    assert len(other.rows) == 1


# -- binding, type by type ----------------------------------------------------------------------

KG = "https://w3id.org/kgload/ontology#"
ACCEPTED: list[tuple[ParamType, ParamValue, str]] = [
    (ParamType.QID, "Q7747", f"<{WD}Q7747>"),
    (ParamType.QID, " Q7747 ", f"<{WD}Q7747>"),
    (ParamType.QID, "wd:Q7747", f"<{WD}Q7747>"),
    (ParamType.QID, ID + "entity/choe-son-hui", f"<{ID}entity/choe-son-hui>"),
    (ParamType.QID, NamedNode(WD + "Q1"), f"<{WD}Q1>"),
    (ParamType.IRI, CALL, f"<{CALL}>"),
    (ParamType.IRI, "urn:x:1", "<urn:x:1>"),
    (ParamType.DATE, "2025", f'"2025"^^<{XSD}gYear>'),
    (ParamType.DATE, "2025-08", f'"2025-08"^^<{XSD}gYearMonth>'),
    (ParamType.DATE, "2025-08-12", f'"2025-08-12"^^<{XSD}date>'),
    (ParamType.DATE, dt.date(2025, 8, 12), f'"2025-08-12"^^<{XSD}date>'),
    (ParamType.DATE, PartialDate(2024, 6), f'"2024-06"^^<{XSD}gYearMonth>'),
    (ParamType.STRING, 'say "hi"\n\\', '"say \\"hi\\"\\n\\\\"'),
    (ParamType.STRING, "", '""'),
    (ParamType.INTEGER, 5, "5"),
    (ParamType.INTEGER, " 10 ", "10"),
    (ParamType.DECIMAL, 0.5, f'"0.5"^^<{XSD}decimal>'),
    (ParamType.DECIMAL, "0.75", f'"0.75"^^<{XSD}decimal>'),
    (ParamType.DECIMAL, Decimal("-1"), f'"-1"^^<{XSD}decimal>'),
    (ParamType.DECIMAL, 1, f'"1"^^<{XSD}decimal>'),
    (ParamType.STATUS, "planned", f"<{KG}Planned>"),
    (ParamType.STATUS, "DENIED", f"<{KG}Denied>"),
    (ParamType.STATUS, Status.SPECULATIVE, f"<{KG}Speculative>"),
    (ParamType.EVENT_TYPE, "phone_call", f"<{KG}PhoneCall>"),
    (ParamType.EVENT_TYPE, "PhoneCall", f"<{KG}PhoneCall>"),
    (ParamType.EVENT_TYPE, "troop deployment", f"<{KG}TroopDeployment>"),
    (ParamType.EVENT_TYPE, "kg:MilitaryAid", f"<{KG}MilitaryAid>"),
    (ParamType.EVENT_TYPE, EventType.SANCTION, f"<{KG}Sanction>"),
    (ParamType.KIND, "Person", f"<{KG}Person>"),
    (ParamType.LANG, "pt", '"pt"'),
    (ParamType.LANG, "pt-BR", '"pt-br"'),
]
REFUSED: list[tuple[ParamType, ParamValue]] = [
    (ParamType.QID, "Q1> } DROP ALL #"),
    (ParamType.QID, "Q0"),
    (ParamType.QID, "Q"),
    (ParamType.QID, "q7747"),
    (ParamType.QID, "Q12a"),
    (ParamType.QID, "Putin"),
    (ParamType.QID, ""),
    (ParamType.QID, 7747),
    (ParamType.QID, "http://x.org/a b"),
    (ParamType.IRI, "not an iri"),
    (ParamType.IRI, "http://x.org/> } DROP ALL #"),
    (ParamType.IRI, "<http://x.org/>"),
    (ParamType.IRI, "http://x.org/{a}"),
    (ParamType.IRI, 'http://x.org/"'),
    (ParamType.IRI, "http://x.org/\\u003E"),
    (ParamType.IRI, "http://x.org/a\nb"),
    (ParamType.IRI, "relative/path"),
    (ParamType.DATE, "2025-13"),
    (ParamType.DATE, "2025-02-30"),
    (ParamType.DATE, "12/08/2025"),
    (ParamType.DATE, "2025-08-12T10:00"),
    (ParamType.DATE, '2025" } DROP ALL #'),
    (ParamType.DATE, 2025),
    (ParamType.STRING, 5),
    (ParamType.INTEGER, -1),
    (ParamType.INTEGER, "-1"),
    (ParamType.INTEGER, "1.5"),
    (ParamType.INTEGER, "1e3"),
    (ParamType.INTEGER, "10 } DROP ALL"),
    (ParamType.INTEGER, True),
    (ParamType.INTEGER, 2.0),
    (ParamType.DECIMAL, "nan"),
    (ParamType.DECIMAL, float("inf")),
    (ParamType.DECIMAL, "abc"),
    (ParamType.DECIMAL, True),
    (ParamType.STATUS, "happened"),
    (ParamType.STATUS, "Occurred> } DROP ALL #"),
    (ParamType.EVENT_TYPE, "war"),
    (ParamType.KIND, "country"),
    (ParamType.LANG, "p t"),
    (ParamType.LANG, 'en" } #'),
    (ParamType.LANG, ""),
]


def one_param_query(param_type: ParamType, optional: bool = False) -> SavedQuery:
    mark = "?" if optional else ""
    return parse_saved_query(
        f"# title: One\n# description: One parameter.\n# param: x: {param_type.value}{mark}\n"
        "SELECT ?out WHERE {\n#[x]\n  BIND($x AS ?out)\n#[/x]\n}\n",
        name="one",
    )


@pytest.mark.parametrize(("param_type", "value", "term"), ACCEPTED)
def test_binds_a_valid_value_as_a_term(param_type: ParamType, value: ParamValue, term: str) -> None:
    text = one_param_query(param_type).bind({"x": value})
    assert f"BIND({term} AS ?out)" in text
    assert len(open_memory().select(text).rows) == 1


@pytest.mark.parametrize(("param_type", "value"), REFUSED)
def test_refuses_a_bad_value(param_type: ParamType, value: ParamValue) -> None:
    with pytest.raises(QueryError, match=r"parameter 'x' expects") as caught:
        one_param_query(param_type).bind({"x": value})
    assert param_type.expected in str(caught.value)


def test_injection_through_a_saved_query_is_refused(golden: OxigraphStore) -> None:
    before = golden.quad_count()
    with pytest.raises(QueryError, match=r"'phone_calls'.*'actor'.*QID"):
        run_saved_query(golden, "phone_calls", {"actor": "Q1> } DROP ALL #"})
    hostile = 'x" ) } } ; DROP ALL ; SELECT * { ?s ?p "\n#[/search]\n$limit'
    assert rows(golden, "entities", search=hostile) == []
    assert golden.quad_count() == before


def test_unset_optional_block_is_removed() -> None:
    query = one_param_query(ParamType.QID, optional=True)
    text = query.bind({})
    assert "BIND" not in text and "#[" not in text
    assert open_memory().select(text).rows == ((None,),)
    assert query.bind({"x": None}) == text  # None means "not given"


def test_dollar_words_in_strings_iris_and_comments_are_left_alone() -> None:
    query = parse_saved_query(
        "# title: T\n# description: D\n# param: x: integer\n\n"
        "# a comment mentioning $x\n"
        'SELECT ?a ?b WHERE { BIND("$x costs" AS ?a) BIND(<urn:$x> AS ?b) } LIMIT $x\n',
        name="t",
    )
    text = query.bind({"x": 2})
    assert '"$x costs"' in text and "<urn:$x>" in text and "# a comment mentioning $x" in text
    assert text.endswith("LIMIT 2\n")


def test_base_and_kb_are_filled_in() -> None:
    query = parse_saved_query(
        "# title: T\n# description: D\nSELECT ?b ?k WHERE { BIND($base AS ?b) BIND($kb AS ?k) }\n",
        name="t",
    )
    assert 'BIND("https://w3id.org/kgload/id/" AS ?b)' in query.bind()
    assert "<https://example.org/kg/graph/kb>" in query.bind(base="https://example.org/kg/")
    assert DEFAULT_BASE == ID
    with pytest.raises(QueryError, match="base"):
        query.bind(base="https://example.org/> } DROP ALL #")


# -- errors -------------------------------------------------------------------------------------


def test_unknown_parameter_names_the_query_and_its_parameters() -> None:
    with pytest.raises(QueryError, match=r"'meetings' has no parameter 'actr'.*actor, other"):
        get_saved_query("meetings").bind({"actr": "Q7747"})


def test_missing_required_parameter() -> None:
    with pytest.raises(QueryError, match=r"'events_of_actor' needs parameter 'actor'"):
        get_saved_query("events_of_actor").bind({})


def test_unknown_query_lists_the_known_ones() -> None:
    with pytest.raises(QueryError, match=r"no saved query 'meeting'; known: .*meetings"):
        get_saved_query("meeting")
    with pytest.raises(QueryError, match="has no parameter"):
        get_saved_query("meetings").param("nope")


HEADER = "# title: T\n# description: D\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# title: T\n# author: me\nSELECT * {}", "unknown header key 'author'"),
        ("# title: T\nSELECT * {}", "needs a '# description:' line"),
        (HEADER + "# title: U\nSELECT * {}", "'title' given twice"),
        (HEADER + "# just prose here\nSELECT * {}", "expected '# key: value'"),
        (HEADER + "# param: x: colour\nSELECT * { BIND($x AS ?y) }", "unknown type 'colour'"),
        (HEADER + "# param: x\nSELECT * {}", "bad parameter"),
        (HEADER + "# param: x: integer = ten\nLIMIT $x", "default of 'x'"),
        (HEADER + "# param: x: integer? = 5\nLIMIT $x", "drop the '?'"),
        (HEADER + "# param: base: string\nSELECT * {}", "filled in by kgload"),
        (HEADER + "# param: x: qid\n# param: x: qid\nSELECT * {}", "declared twice"),
        (HEADER + "SELECT * { BIND($y AS ?z) }", r"uses \$y"),
        (HEADER + "# param: x: qid\nSELECT * {}", "never uses: x"),
        (HEADER + "# param: x: qid?\nSELECT * { BIND($x AS ?z) }", "only appear between"),
        (HEADER + "# param: x: qid?\n#[x]\nSELECT * { BIND($x AS ?z) }", "never closed"),
        (HEADER + "# param: x: qid?\n#[/x]\nSELECT * {}", "closes nothing"),
        (HEADER + "#[y]\n#[/y]\nSELECT * {}", "unknown parameter 'y'"),
    ],
)
def test_bad_query_files_are_refused(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_saved_query(text, name="bad")


def test_bad_query_name_is_refused() -> None:
    with pytest.raises(QueryError, match="bad query name"):
        parse_saved_query(HEADER + "SELECT * {}", name="Bad-Name")


def test_header_continuation_lines() -> None:
    query = parse_saved_query(
        "# title: T\n# description: first\n#   second\n# param: n: integer = 3 -- at most\n"
        "#   this many\nSELECT * {} LIMIT $n\n",
        name="t",
    )
    assert query.description == "first second"
    [param] = query.params
    assert (param.name, param.type, param.required, param.default, param.help) == (
        "n",
        ParamType.INTEGER,
        False,
        "3",
        "at most this many",
    )


# -- properties ---------------------------------------------------------------------------------

ECHO = parse_saved_query(
    "# title: Echo\n# description: Says it back.\n# param: s: string\n"
    "SELECT ?out WHERE { BIND($s AS ?out) }\n",
    name="echo",
)


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_any_string_comes_back_exactly(value: str) -> None:
    result = open_memory().select(ECHO.bind({"s": value}))
    assert result.rows == ((Literal(value),),)


@given(st.sampled_from(list(ParamType)), st.text())
@settings(max_examples=300, deadline=None)
def test_any_text_is_refused_or_bound_as_one_term(param_type: ParamType, value: str) -> None:
    query = one_param_query(param_type)
    try:
        text = query.bind({"x": value})
    except QueryError:
        return
    assert len(open_memory().select(text).rows) == 1


def test_sparql_string_escapes() -> None:
    assert sparql_string('a"b\\c\nd\re\tf') == '"a\\"b\\\\c\\nd\\re\\tf"'
    assert sparql_string("\x00\x7f") == '"\\u0000\\u007F"'
    assert sparql_string("ação 😀") == '"ação 😀"'


def test_every_param_type_is_documented() -> None:
    documented = (query_dir() / "README.md").read_text(encoding="utf-8")
    for param_type in ParamType:
        assert f"| `{param_type.value}` |" in documented
