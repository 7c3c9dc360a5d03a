"""Names as saved-query parameters: a QID, an IRI, a name or a role title at a date (the KB)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kgload.cli.main import main
from kgload.client import KG
from kgload.config import Settings
from kgload.errors import QueryError
from kgload.linking.kb import KnowledgeBase, load_kb
from kgload.names import fold, is_name, resolve_entity

GOLDEN = Path(__file__).parent / "cases" / "golden_store.trig"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.mark.parametrize(
    ("text", "qid"),
    [
        ("Vladimir Putin", "Q7747"),
        ("Putin", "Q7747"),  # a surname only one entity has
        ("  vladímir   PUTIN ", "Q7747"),  # case, accents and spaces ignored
        ("Rússia", "Q159"),
        ("russia", "Q159"),
        ("Coreia do Norte", "Q423"),
        ("o presidente russo@2025-08-14", "Q7747"),
        ("o presidente russo", "Q7747"),  # now
        ("president of Russia@2025-08-14", "Q7747"),
        ("Russia's president@2025-08-14", "Q7747"),
        ("el presidente ruso@2025-08-14", "Q7747"),
        ("the US president@2019-05-01", "Q22686"),
        ("presidente dos Estados Unidos@2022-01-01", "Q6279"),
        ("presidente dos Estados Unidos@2025-08-14", "Q22686"),
    ],
)
def test_names_and_roles_resolve(kb: KnowledgeBase, text: str, qid: str) -> None:
    assert resolve_entity(text, kb) == qid


def test_an_ambiguous_name_lists_its_candidates(kb: KnowledgeBase) -> None:
    with pytest.raises(QueryError) as caught:
        resolve_entity("Kim", kb)
    message = str(caught.value)
    assert "Kim Jong Un (Q56226)" in message and "give one of these QIDs" in message
    assert "\n" not in message


def test_an_unknown_name_suggests_close_ones(kb: KnowledgeBase) -> None:
    with pytest.raises(QueryError, match=r"no entity or role called 'Vladimir Putn'.*Q7747"):
        resolve_entity("Vladimir Putn", kb)
    with pytest.raises(QueryError, match="give a QID like Q7747"):
        resolve_entity("Xyzzyq Wrrpq", kb)


def test_a_role_nobody_held_that_day_says_so(kb: KnowledgeBase) -> None:
    with pytest.raises(QueryError, match=r"knows no presidente of Russia .* on 1800-01-01"):
        resolve_entity("o presidente russo@1800-01-01", kb)


def test_qids_and_iris_are_not_names() -> None:
    assert not is_name("Q7747") and not is_name("wd:Q7747")
    assert not is_name("https://w3id.org/kgload/id/entity/choe-son-hui")
    assert is_name("Putin") and is_name("o presidente russo@2025-08-14")
    assert fold("Ação  Ñ") == "acao n"


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"oxigraph:{tmp_path_factory.mktemp('names') / 'kg'}"
    assert main(["load", str(GOLDEN), "--store", url]) == 0
    yield url


def test_kg_query_takes_names(store_url: str) -> None:
    with KG.open(store_url, settings=Settings(), create=False) as kg:
        by_name = kg.query("meetings", actor="Putin", other="Donald Trump")
        by_qid = kg.query("meetings", actor="Q7747", other="Q22686")
        assert by_name.rows == by_qid.rows and len(by_name.rows) == 1
        by_role = kg.query("events_of_actor", actor="o presidente russo@2025-08-14")
        assert by_role.rows == kg.query("events_of_actor", actor="Q7747").rows


def test_the_cli_takes_names_and_explains_a_bad_one(
    store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["query", "phone_calls", "--store", store_url, "--format", "csv"]
    assert main([*argv, "-p", "actor=Kim Jong Un"]) == 0
    assert "phonecall-putin-kim" in capsys.readouterr().out
    assert main([*argv, "-p", "actor=Kim"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kgload: error: query 'phone_calls': parameter 'actor': 'Kim' may mean")
    assert len(err.strip().splitlines()) == 1


def test_query_help_shows_the_header(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "meetings", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("kgload query meetings")
    assert "Meetings: In-person meetings" in out
    assert "actor: qid?" in out and "a second actor that took part" in out
    assert "limit: integer = 100" in out and "(0: no limit)" in out
    assert "o presidente russo@DATE" in out
    assert "List columns" in out and "participants, participant_ids" in out
    assert main(["query", "--help"]) == 0
    assert "--columns" in capsys.readouterr().out
    assert main(["query", "nosuchquery", "--help"]) == 2
    assert "no saved query 'nosuchquery'" in capsys.readouterr().err
    assert main(["query"]) == 2
    assert "give a query NAME" in capsys.readouterr().err
    assert main(["queries", "meetings"]) == 0
    assert capsys.readouterr().out.startswith("kgload query meetings")


def test_queries_lists_descriptions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["queries", "--format", "records", "--columns", "name,description"]) == 0
    out = capsys.readouterr().out
    assert "name       : events\n" in out
    assert "description: Every event of every type" in out


def test_a_local_entity_by_name(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A name the KB does not know is the local entity a document minted from it. The golden
    store's document names Choe Son Hui (`<base>entity/choe-son-hui`), unknown to the KB when it
    was made; the KB knows her now (Q30436217) and is asked first, so the local entity is
    reached here through a KB without her."""
    with KG.open(store_url, settings=Settings(), create=False) as kg:
        resolved = kg.resolve_names("events_of_actor", {"actor": "Choe Son Hui"})
        assert resolved == {"actor": "Q30436217"}
        full = kg.kb
        without_her = KnowledgeBase(
            entities={k: e for k, e in full.entities.items() if k != "Q30436217"},
            aliases=[a for a in full.aliases if a.qid != "Q30436217"],
            offices=full.offices,
            tenures=full.tenures,
        )
        local = KG(kg.store, kg.settings, kb=without_her)
        resolved = local.resolve_names("events_of_actor", {"actor": "Choe Son Hui"})
        assert resolved == {"actor": "https://w3id.org/kgload/id/entity/choe-son-hui"}
        with pytest.raises(QueryError, match="no entity or role called 'Nobody Atall'"):
            kg.query("events_of_actor", actor="Nobody Atall")
    argv = ["query", "events_of_actor", "--store", store_url, "--format", "csv"]
    assert main([*argv, "-p", "actor=Choe Son Hui"]) == 0
    assert capsys.readouterr().err.strip() == "0 rows"
    assert main([*argv, "-p", "actor=Nobody Atall", "-p", "limit=x"]) == 2
    assert "parameter 'limit' expects a whole number" in capsys.readouterr().err
    assert main([*argv, "-p", "actor=Nobody Atall"]) == 2
    assert "no entity or role called 'Nobody Atall'" in capsys.readouterr().err
