"""One store suite over every backend: in memory, Oxigraph on disk, and a real Virtuoso."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, parse, serialize
from rdflib.compare import isomorphic
from virtuoso import VirtuosoServer

from kgload.errors import UsageError
from kgload.stores.base import Store, open_store
from kgload.stores.sparql import SparqlStore, open_sparql

BASE = "https://w3id.org/kgload/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
KG = "https://w3id.org/kgload/ontology#"
WD = "http://www.wikidata.org/entity/"

BACKENDS = ["memory", "oxigraph", pytest.param("virtuoso", marks=pytest.mark.virtuoso)]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def store(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Store]:
    if backend == "virtuoso":
        remote: SparqlStore = request.getfixturevalue("virtuoso_store")
        yield remote
        return
    local = open_store("memory:" if backend == "memory" else f"oxigraph:{tmp_path / 'kg'}")
    try:
        yield local
    finally:
        local.close()


@pytest.fixture
def fresh_store(backend: str, store: Store, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """Makes an empty store of the same backend (Virtuoso: the same server, emptied)."""
    opened: list[Store] = []

    def make() -> Store:
        if backend == "virtuoso":
            store.drop_graphs(store.graphs())
            return store
        url = "memory:" if backend == "memory" else f"oxigraph:{tmp_path / 'kg2'}"
        other = open_store(url)
        opened.append(other)
        return other

    yield make
    for other in opened:
        other.close()


def graph(name: str) -> NamedNode:
    return NamedNode(f"{BASE}doc/{name}")


def typed(value: str, datatype: str) -> Literal:
    return Literal(value, datatype=NamedNode(XSD + datatype))


def event_quads(g: NamedNode, count: int, *, tag: str = "e") -> list[Quad]:
    """`count` distinct quads in graph `g` (as a document graph would hold)."""
    return [
        Quad(
            NamedNode(f"{BASE}event/{tag}{i}"), RDFS_LABEL, Literal(f"{tag} {i}", language="pt"), g
        )
        for i in range(count)
    ]


def sample_dataset(g: NamedNode) -> list[Quad]:
    """IRIs, plain/lang/typed literals, non-ASCII text and awkward characters."""
    event = NamedNode(f"{BASE}event/putin-kim-2025-08-12")
    objects: list[NamedNode | Literal] = [
        NamedNode(f"{KG}PhoneCall"),
        NamedNode(f"{WD}Q7747"),
        Literal("Putin agradece Kim Jong Un por apoio militar", language="pt"),
        Literal("Kim Jong Un", language="en"),
        Literal("김정은", language="ko"),
        Literal("ação"),
        Literal('he said "yes"\nthen left \\ back\\slash\ttab'),
        Literal("Inês João ação", language="pt-br"),
        typed("2025-08-12", "date"),
        typed("2025", "gYear"),
        typed("2025-08", "gYearMonth"),
        typed("42", "integer"),
        typed("0.875", "decimal"),
    ]
    predicates = [NamedNode(f"{KG}p{i}") for i in range(len(objects))]
    quads = [Quad(event, p, o, g) for p, o in zip(predicates, objects, strict=True)]
    quads.append(
        Quad(NamedNode(f"{WD}Q7747"), RDFS_LABEL, Literal("Vladimir Putin", language="en"), g)
    )
    return quads


def rows_as_str(store: Store, sparql: str) -> set[tuple[str | None, ...]]:
    result = store.select(sparql)
    return {tuple(None if t is None else str(t) for t in row) for row in result.rows}


def graph_count(store: Store, g: NamedNode) -> int:
    result = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
    value = result.rows[0][0]
    assert isinstance(value, Literal)
    return int(value.value)


# -- replace / add / drop -------------------------------------------------------------------------
def test_replace_graphs_then_count_and_graphs(store: Store) -> None:
    g = graph("a")
    assert isinstance(store, Store)
    store.replace_graphs({g.value: event_quads(g, 7)})
    assert store.quad_count() == 7
    assert store.graphs() == [g.value]


def test_replacing_the_same_graph_again_adds_no_duplicates(store: Store) -> None:
    g = graph("a")
    quads = event_quads(g, 12)
    store.replace_graphs({g.value: quads})
    store.replace_graphs({g.value: quads})
    assert store.quad_count() == 12
    assert graph_count(store, g) == 12


def test_replacing_with_fewer_quads_removes_the_old_ones(store: Store) -> None:
    g = graph("a")
    store.replace_graphs({g.value: event_quads(g, 10, tag="old")})
    store.replace_graphs({g.value: event_quads(g, 3, tag="new")})
    assert store.quad_count() == 3
    labels = rows_as_str(store, f"SELECT ?o WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
    assert labels == {(f'"new {i}"@pt',) for i in range(3)}


def test_replacing_with_no_quads_removes_the_graph(store: Store) -> None:
    g, h = graph("a"), graph("b")
    store.replace_graphs({g.value: event_quads(g, 4), h.value: event_quads(h, 2)})
    store.replace_graphs({g.value: []})
    assert store.graphs() == [h.value]
    assert store.quad_count() == 2


def test_two_graphs_replaced_in_one_call(store: Store) -> None:
    g, h = graph("a"), graph("b")
    store.replace_graphs({g.value: event_quads(g, 5)})
    store.replace_graphs({g.value: event_quads(g, 2, tag="x"), h.value: event_quads(h, 4)})
    assert sorted(store.graphs()) == sorted([g.value, h.value])
    assert (graph_count(store, g), graph_count(store, h)) == (2, 4)
    assert store.quad_count() == 6


def test_add_is_idempotent(store: Store) -> None:
    kb = NamedNode(f"{BASE}graph/kb")
    quads = event_quads(kb, 5)
    store.add(quads)
    store.add(quads)
    store.add(quads[:2])
    assert store.quad_count() == 5
    assert store.graphs() == [kb.value]


def test_drop_graphs_of_a_missing_graph_is_fine(store: Store) -> None:
    g = graph("a")
    store.replace_graphs({g.value: event_quads(g, 3)})
    store.drop_graphs([graph("never-written").value])
    assert store.quad_count() == 3
    store.drop_graphs([g.value, graph("never-written").value])
    assert store.quad_count() == 0
    assert store.graphs() == []


# -- queries --------------------------------------------------------------------------------------
def test_select_returns_the_same_rows_on_every_backend(store: Store) -> None:
    g = graph("sample")
    quads = sample_dataset(g)
    store.replace_graphs({g.value: quads})
    expected = {(str(q.subject), str(q.predicate), str(q.object)) for q in quads}
    assert rows_as_str(store, f"SELECT ?s ?p ?o WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}") == expected

    by_lang = rows_as_str(
        store,
        'SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER(LANGMATCHES(LANG(?o), "pt")) } }',
    )
    assert by_lang == {
        ('"Putin agradece Kim Jong Un por apoio militar"@pt',),
        ('"Inês João ação"@pt-br',),
    }
    dates = rows_as_str(
        store,
        f"SELECT ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o "
        f"FILTER(DATATYPE(?o) IN (<{XSD}date>, <{XSD}gYear>, <{XSD}gYearMonth>)) }} }}",
    )
    assert dates == {
        (f'"2025-08-12"^^<{XSD}date>',),
        (f'"2025"^^<{XSD}gYear>',),
        (f'"2025-08"^^<{XSD}gYearMonth>',),
    }


def test_select_keeps_variable_order_and_unbound_values(store: Store) -> None:
    g = graph("sample")
    store.replace_graphs({g.value: sample_dataset(g)})
    result = store.select(
        f"SELECT ?label ?missing ?s WHERE {{ GRAPH {g} {{ ?s {RDFS_LABEL} ?label "
        f"OPTIONAL {{ ?s <{KG}nothing> ?missing }} }} }}"
    )
    assert result.variables == ("label", "missing", "s")
    assert result.rows == (
        (Literal("Vladimir Putin", language="en"), None, NamedNode(f"{WD}Q7747")),
    )
    assert next(result.dicts())["missing"] is None


def test_ask(store: Store) -> None:
    g = graph("sample")
    store.replace_graphs({g.value: sample_dataset(g)})
    assert store.ask(f'ASK {{ GRAPH {g} {{ ?s ?p "김정은"@ko }} }}') is True
    assert store.ask(f'ASK {{ GRAPH {g} {{ ?s ?p "Kim Jong Il"@en }} }}') is False


# -- bulk -----------------------------------------------------------------------------------------
def assert_isomorphic(left: Sequence[Quad], right: Sequence[Quad]) -> None:
    """Same graphs, each isomorphic (blank nodes may be renamed)."""

    def per_graph(quads: Sequence[Quad]) -> dict[str, rdflib.Graph]:
        graphs: dict[str, list[Quad]] = {}
        for q in quads:
            graphs.setdefault(str(q.graph_name), []).append(q)
        result = {}
        for name, items in graphs.items():
            data = serialize((q.triple for q in items), format=RdfFormat.N_TRIPLES)
            assert data is not None
            result[name] = rdflib.Graph().parse(data=data.decode("utf-8"), format="nt")
        return result

    a, b = per_graph(left), per_graph(right)
    assert sorted(a) == sorted(b)
    for name in a:
        assert len(a[name]) == len(b[name]), name
        assert isomorphic(a[name], b[name]), name


def test_dump_then_load_gives_an_isomorphic_dataset(
    store: Store, fresh_store: Callable[[], Store], tmp_path: Path
) -> None:
    g, h = graph("sample"), graph("bnodes")
    node = BlankNode()
    quads = [
        *sample_dataset(g),
        *event_quads(h, 20),
        Quad(NamedNode(f"{BASE}event/e1"), NamedNode(f"{KG}evidence"), node, h),
        Quad(node, NamedNode(f"{KG}quote"), Literal("apoio «militar»", language="pt"), h),
        Quad(node, NamedNode(f"{KG}start"), typed("17", "integer"), h),
    ]
    store.replace_graphs(
        {g.value: quads[: len(sample_dataset(g))], h.value: quads[len(sample_dataset(g)) :]}
    )
    path = tmp_path / "dump.nq"
    with path.open("wb") as out:
        store.dump(out, format=RdfFormat.N_QUADS)
    dumped = list(parse(path=str(path), format=RdfFormat.N_QUADS))
    assert_isomorphic(dumped, quads)

    target = fresh_store()
    assert target.quad_count() == 0
    progress: list[int] = []
    loaded = target.load(
        path, format=RdfFormat.N_QUADS, progress=lambda done, total, name: progress.append(done)
    )
    assert loaded == len(quads)
    assert progress and progress[-1] == len(quads)
    again = io.BytesIO()
    target.dump(again, format=RdfFormat.N_QUADS)
    assert_isomorphic(list(parse(again.getvalue(), format=RdfFormat.N_QUADS)), quads)


def test_dump_trig(store: Store) -> None:
    g = graph("sample")
    store.replace_graphs({g.value: sample_dataset(g)})
    out = io.BytesIO()
    store.dump(out, format=RdfFormat.TRIG)
    assert_isomorphic(list(parse(out.getvalue(), format=RdfFormat.TRIG)), sample_dataset(g))


def test_a_5000_triple_graph_replaces_atomically(store: Store) -> None:
    g, h = graph("big"), graph("small")
    store.replace_graphs({g.value: event_quads(g, 5_000, tag="v1"), h.value: event_quads(h, 3)})
    assert graph_count(store, g) == 5_000
    store.replace_graphs({g.value: event_quads(g, 4_500, tag="v2")})
    assert graph_count(store, g) == 4_500
    old = store.ask(f'ASK {{ GRAPH {g} {{ ?s ?p "v1 0"@pt }} }}')
    assert old is False
    assert store.quad_count() == 4_503


# -- property: literals round-trip ----------------------------------------------------------------
def _canonical_decimal(whole: int, fraction: int) -> str:
    digits = str(fraction).rstrip("0") or "5"
    return f"{whole}.{digits}"


def literals() -> st.SearchStrategy[Literal]:
    # Any text but lone surrogates (not encodable as UTF-8), control characters included.
    text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
    return st.one_of(
        text.map(Literal),
        st.tuples(text, st.sampled_from(["en", "pt", "pt-br", "ko", "zh-hans"])).map(
            lambda t: Literal(t[0], language=t[1])
        ),
        st.integers(min_value=-(10**15), max_value=10**15).map(lambda i: typed(str(i), "integer")),
        st.tuples(st.integers(-9999, 9999), st.integers(1, 999)).map(
            lambda t: typed(_canonical_decimal(*t), "decimal")
        ),
        st.dates(min_value=date(1000, 1, 1)).map(lambda d: typed(d.isoformat(), "date")),
        st.integers(1000, 9999).map(lambda y: typed(str(y), "gYear")),
    )


@pytest.mark.parametrize("write_with", ["replace_graphs", "load"])
def test_random_literals_round_trip(
    store: Store, backend: str, write_with: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Written by `replace_graphs` (SPARQL Update on a server) or by `load` (on Virtuoso its own
    N-Quads parser), every literal reads back as it was."""
    g = graph("hypothesis")
    folder = tmp_path_factory.mktemp("literals")

    def write(quads: list[Quad]) -> None:
        if write_with == "replace_graphs":
            store.replace_graphs({g.value: quads})
            return
        path = folder / "literals.nq"
        with path.open("wb") as out:
            serialize(quads, out, RdfFormat.N_QUADS)
        store.drop_graphs([g.value])
        assert store.load(path, format=RdfFormat.N_QUADS) == len(quads)

    @settings(
        max_examples=20 if backend == "virtuoso" else 100,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.lists(literals(), min_size=1, max_size=8))
    def check(values: list[Literal]) -> None:
        quads = [
            Quad(NamedNode(f"{BASE}event/h{i}"), RDFS_LABEL, value, g)
            for i, value in enumerate(values)
        ]
        write(quads)
        got = rows_as_str(store, f"SELECT ?s ?o WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
        assert got == {(str(q.subject), str(q.object)) for q in quads}

    check()


def test_integers_beyond_32_bits_stay_integers_through_load(store: Store, tmp_path: Path) -> None:
    # Virtuoso's own N-Quads parser stores these as xsd:decimal; kgload sends them another way.
    g = graph("big-integers")
    values = ["2147483647", "2147483648", "-2147483649", "1000000000000000", "-7"]
    quads = [
        Quad(NamedNode(f"{BASE}event/i{i}"), RDFS_LABEL, typed(v, "integer"), g)
        for i, v in enumerate(values)
    ]
    path = tmp_path / "integers.nq"
    with path.open("wb") as out:
        serialize(quads, out, RdfFormat.N_QUADS)
    assert store.load(path, format=RdfFormat.N_QUADS) == len(quads)
    got = rows_as_str(store, f"SELECT ?s ?o WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
    assert got == {(str(q.subject), str(q.object)) for q in quads}


# -- Virtuoso specifics ---------------------------------------------------------------------------
@pytest.mark.virtuoso
def test_virtuoso_is_detected_and_its_endpoints_implied(virtuoso_store: SparqlStore) -> None:
    assert virtuoso_store.is_virtuoso
    assert virtuoso_store.update_url == virtuoso_store.url + "-auth"
    assert virtuoso_store.gsp_url == virtuoso_store.url.replace(
        "/sparql", "/sparql-graph-crud-auth"
    )


@pytest.mark.virtuoso
def test_virtuoso_system_graphs_are_not_kgloads(
    virtuoso: VirtuosoServer, virtuoso_store: SparqlStore
) -> None:
    g = graph("a")
    virtuoso_store.replace_graphs({g.value: event_quads(g, 3)})
    assert virtuoso_store.graphs() == [g.value]
    assert virtuoso_store.quad_count() == 3
    everything = open_sparql(virtuoso.url, graph_prefix="", dialect="virtuoso")
    try:
        assert len(everything.graphs()) > 1
        assert everything.quad_count() > 3
    finally:
        everything.close()


@pytest.mark.virtuoso
@pytest.mark.parametrize("gsp", [True, False], ids=["gsp-post", "insert-batches"])
def test_virtuoso_graph_too_large_for_one_request_goes_through_staging(
    virtuoso: VirtuosoServer, virtuoso_store: SparqlStore, gsp: bool
) -> None:
    store = open_sparql(
        virtuoso.url,
        user=virtuoso.user,
        password=virtuoso.password,
        max_request_triples=1_000,
        gsp_url=None if gsp else "",
    )
    g, h = graph("large"), graph("small")
    try:
        store.replace_graphs({g.value: event_quads(g, 3_500, tag="v1"), h.value: event_quads(h, 5)})
        assert (graph_count(store, g), graph_count(store, h)) == (3_500, 5)
        store.replace_graphs({g.value: event_quads(g, 2_500, tag="v2")})
        assert graph_count(store, g) == 2_500
        assert not store.ask(f'ASK {{ GRAPH {g} {{ ?s ?p "v1 1"@pt }} }}')
        assert store.graphs() == sorted([g.value, h.value])
        # The staging graph is gone (it lives outside the kgload prefix).
        assert not store.ask(
            'ASK { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "urn:kgload:")) }'
        )
    finally:
        store.close()


@pytest.mark.virtuoso
def test_virtuoso_dump_pages_past_its_sort_limit(
    virtuoso_store: SparqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Virtuoso refuses ORDER BY with OFFSET + LIMIT above 10,000 rows; pages must still work.
    monkeypatch.setattr("kgload.stores.sparql._PAGE_ROWS", 3_500)
    g = graph("paged")
    virtuoso_store.replace_graphs({g.value: event_quads(g, 10_500)})
    out = io.BytesIO()
    virtuoso_store.dump(out, format=RdfFormat.N_QUADS)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(set(lines)) == 10_500


# -- issue 10: the stats query binds the base, never pastes it ------------------------------------
@pytest.mark.parametrize(
    "base",
    [
        'https://other.example/id/") || STRSTARTS(STR(?g), "https://w3id.org/kgload/id/',
        "https://other.example/id/\\\") || true || (\\\"",
        "https://other.example/\nid/",
    ],
)
def test_stats_of_a_crafted_base_count_no_other_bases_documents(store: Store, base: str) -> None:
    import kgload
    from kgload.config import Settings

    g = graph("1")
    doc = NamedNode(f"{BASE}doc/1#doc")
    store.replace_graphs({g.value: [
        Quad(doc, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
             NamedNode(f"{KG}Document"), g)
    ]})
    assert kgload.KG(store, Settings(base=BASE)).stats()["documents"] == 1
    assert kgload.KG(store, Settings(base=base)).stats()["documents"] == 0


def test_a_quad_file_with_a_bad_last_line_loads_nothing(store: Store, tmp_path: Path) -> None:
    """Issue 10: Virtuoso committed the 60,000 quads before the bad line; Oxigraph none."""
    path = tmp_path / "bad.nq"
    g = graph("bad")
    with path.open("w", encoding="utf-8") as out:
        for i in range(25_000):
            out.write(f'<{BASE}e/{i}> <{KG}p> "{i}" {g} .\n')
        out.write(f"<{BASE}e/last> <{KG}p> not-a-term {g} .\n")
    with pytest.raises(UsageError, match=r"bad\.nq: not valid N-Quads: .*line 25001"):
        store.load(path, format=RdfFormat.N_QUADS)
    assert store.quad_count() == 0
