"""The curated KB tables (`kgload/linking/curated/`): their schema, the build from them, demonyms.

Issue 14: the KB is rebuilt from the repository alone (`kgload kb build --from curated`) and the
wrong English plurals of the old seed script ("Britishs", "Frenchs") are gone.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgload.cli.main import build_parser, main
from kgload.errors import KnowledgeBaseError
from kgload.linking import builder, generate
from kgload.linking.generate import (
    build_from_curated,
    curated_tables,
    inflect_demonym,
    office_title,
    read_curated,
)

PACKAGE = Path(__file__).resolve().parents[1] / "kgload" / "linking"
CURATED = PACKAGE / "curated"
SHIPPED = PACKAGE / "data"
TABLES = ("entities.tsv", "aliases.tsv", "offices.tsv", "holders.tsv")

LABELS = ["label_en", "label_pt", "label_es", "label_fr"]
HEADERS = {
    "states.tsv": ["qid", "category", *LABELS, "prominence", "check"],
    "organisations.tsv": ["qid", "category", "country", *LABELS, "stands_for", "prominence",
                          "check"],
    "places.tsv": ["qid", "category", "country", *LABELS, "stands_for", "prominence", "check"],
    "people.tsv": ["qid", "country", *LABELS, "prominence", "check"],
    "offices.tsv": ["office_qid", "state", "role", "title", "is_leader", "label_en", "label_pt",
                    "check"],
    "tenures.tsv": ["office_qid", "person_qid", "start", "end", "check"],
    "aliases.tsv": ["qid", "lang", "alias", "type", "check"],
    "demonyms.tsv": ["qid", "lang", "demonym", "inflect", "check"],
    "surnames.tsv": ["qid", "lang", "surname", "check"],
    "metonyms.tsv": ["qid", "lang", "metonym", "check"],
}
KEYS = {
    "states.tsv": ["qid"], "organisations.tsv": ["qid"], "places.tsv": ["qid"],
    "people.tsv": ["qid"], "offices.tsv": ["office_qid"],
    "tenures.tsv": ["office_qid", "person_qid", "start"],
    "aliases.tsv": ["qid", "lang", "alias", "type"], "demonyms.tsv": ["qid", "lang", "demonym"],
    "surnames.tsv": ["qid", "lang", "surname"], "metonyms.tsv": ["qid", "lang", "metonym"],
}
QID_COLUMNS = {"qid", "office_qid", "person_qid", "state"}
OPTIONAL_QID_COLUMNS = {"country", "stands_for"}
DATE_COLUMNS = {"start", "end"}
LANGS = {"en", "pt", "es", "fr", "*"}
ENUMS = {
    ("states.tsv", "category"): {"sovereign_state", "partially_recognised_state"},
    ("organisations.tsv", "category"): {
        "igo", "alliance", "un_organ", "eu_institution", "legislature", "ministry",
        "armed_forces", "intelligence_service", "political_party"},
    ("places.tsv", "category"): {"capital", "region", "province", "city", "head_office"},
    ("offices.tsv", "role"): {"head_of_state", "head_of_government", "foreign_minister",
                              "defence_minister"},
    ("offices.tsv", "title"): {
        "", "president", "prime_minister", "chancellor", "premier", "state_counsellor",
        "supreme_leader", "captain_regent", "co_prince", "chairman", "emperor", "emir",
        "sultan", "king", "pope", "prince", "monarch", "foreign_minister", "foreign_secretary",
        "secretary_of_state", "defence_minister", "defence_secretary", "secretary_of_defense"},
    ("offices.tsv", "is_leader"): {"0", "1"},
    ("demonyms.tsv", "inflect"): {"0", "1"},
    ("aliases.tsv", "type"): {"name", "short", "abbr"},
}
QID = re.compile(r"Q[0-9]+")
ISO_DATE = re.compile(r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?")


def curated_rows(name: str) -> tuple[list[str], list[dict[str, str]]]:
    lines = (CURATED / name).read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", f"{name}: must end with a newline"
    header = lines[0].split("\t")
    return header, [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:-1]]


def test_every_curated_file_is_documented_and_no_other_exists() -> None:
    assert {p.name for p in CURATED.glob("*.tsv")} == set(HEADERS)
    readme = (CURATED / "README.md").read_text(encoding="utf-8")
    for name, header in HEADERS.items():
        assert f"`{name}` | `{' '.join(header)}`" in readme, name


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_curated_table_schema(name: str) -> None:
    header, rows = curated_rows(name)
    assert header == HEADERS[name]
    assert rows, name
    seen: set[tuple[str, ...]] = set()
    for number, row in enumerate(rows, start=2):
        where = f"{name}:{number}"
        assert len(row) == len(header), where
        assert row["check"].strip() and all(row["check"].split("+")), where
        for column, value in row.items():
            assert value == value.strip() and "\r" not in value, f"{where} {column}"
            if column in QID_COLUMNS or (column in OPTIONAL_QID_COLUMNS and value):
                assert QID.fullmatch(value), f"{where} {column}={value!r}"
            if column in DATE_COLUMNS and value:
                assert ISO_DATE.fullmatch(value), f"{where} {column}={value!r}"
            if (name, column) in ENUMS:
                assert value in ENUMS[name, column], f"{where} {column}={value!r}"
        if "lang" in row:
            assert row["lang"] in LANGS, where
        if "prominence" in row:
            assert 0 <= int(row["prominence"]) <= 100, where
        for label in LABELS:
            assert row.get(label, "x"), f"{where} {label} empty"
        key = tuple(row[k] for k in KEYS[name])
        assert key not in seen, f"{where}: duplicate {key}"
        seen.add(key)


def test_tenures_end_after_they_start() -> None:
    _, rows = curated_rows("tenures.tsv")
    for row in rows:
        if row["end"]:
            assert row["start"][:len(row["end"])] <= row["end"], row


def test_explicit_titles_are_only_those_the_label_does_not_give() -> None:
    _, rows = curated_rows("offices.tsv")
    for row in rows:
        if row["title"]:
            assert office_title(row["role"], row["label_en"]) != row["title"], row


def test_build_from_curated_reproduces_the_shipped_kb(tmp_path: Path) -> None:
    out = tmp_path / "kb"
    assert main(["kb", "build", "--from", "curated", "--out", str(out)]) == 0
    for name in TABLES:
        assert (out / name).read_bytes() == (SHIPPED / name).read_bytes(), name
    assert sorted(p.name for p in out.iterdir()) == sorted(TABLES)


def test_kb_build_asks_wikidata_unless_told_otherwise() -> None:
    parser = build_parser()
    assert parser.parse_args(["kb", "build"]).source == "wikidata"
    assert parser.parse_args(["kb", "build", "--from", "curated"]).source == "curated"


def test_build_from_curated_reads_nothing_outside_the_package(tmp_path: Path) -> None:
    copy = tmp_path / "curated"
    shutil.copytree(CURATED, copy)
    counts = build_from_curated(tmp_path / "kb", curated_dir=copy)
    assert counts["State"] == len(curated_rows("states.tsv")[1])
    assert counts["holders"] == len(curated_rows("tenures.tsv")[1])


def broken_copy(tmp_path: Path, name: str, line: str) -> Path:
    copy = tmp_path / "curated"
    shutil.copytree(CURATED, copy)
    with (copy / name).open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    return copy


@pytest.mark.parametrize(("name", "line", "message"), [
    ("aliases.tsv", "Q999999999\ten\tNowhere\tshort\tcorpus", "Q999999999"),
    ("tenures.tsv", "Q11696\tQ999999999\t2020\t\tleaders", "Q999999999"),
    ("offices.tsv", "Q999999999\tQ30\thead_of_state\t\t0\tWarden of the Seas\tGuardião\tx",
     "fill the title column"),
    ("states.tsv", "Q30\tsovereign_state\tX\tX\tX\tX\t1\towid", "listed twice"),
    ("people.tsv", "Q1\tQ30\tonly three cells", r"people\.tsv:\d+: 3 cells"),
])
def test_a_bad_curated_row_is_a_clear_error(tmp_path: Path, name: str, line: str,
                                            message: str) -> None:
    folder = broken_copy(tmp_path, name, line)
    with pytest.raises(KnowledgeBaseError, match=message):
        curated_tables(read_curated(folder))


def test_a_wrong_header_names_the_file(tmp_path: Path) -> None:
    copy = tmp_path / "curated"
    shutil.copytree(CURATED, copy)
    text = (copy / "states.tsv").read_text(encoding="utf-8")
    (copy / "states.tsv").write_text(text.replace("prominence", "prom", 1), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"states\.tsv:1: header must be"):
        read_curated(copy)


def test_both_builds_share_one_inflection_and_one_title_rule() -> None:
    assert builder.inflect_demonym is generate.inflect_demonym
    assert builder.office_title is generate.office_title
    for duplicate in ("_inflect_pt", "_inflect_es", "_inflect_fr", "_office_title",
                      "_write_tables"):
        assert not hasattr(builder, duplicate), duplicate


@pytest.mark.parametrize(("role", "label", "title"), [
    ("head_of_state", "Yang di-Pertuan Agong", "monarch"),
    ("head_of_state", "O le Ao o le Malo", "monarch"),
    ("head_of_state", "State Administration Council", "chairman"),
    ("head_of_state", "Monarch of the United Kingdom", "monarch"),  # not "king" (of "Kingdom")
    ("head_of_government", "Taoiseach", "prime_minister"),
    ("head_of_government", "Federal Chancellor of Germany", "chancellor"),
    ("foreign_minister", "Secretary of State for Foreign Affairs", "foreign_secretary"),
    ("head_of_state", "Governor-General", None),
])
def test_office_title(role: str, label: str, title: str | None) -> None:
    assert office_title(role, label) == title


# -- demonyms of the shipped KB -------------------------------------------------------------------

# English demonyms that also name the people as a whole: no "-s" plural ("the British", "Frenchs").
IRREGULAR_EN = ("British", "French", "Dutch", "Irish", "Swiss", "Chinese", "Japanese",
                "Vietnamese", "Welsh", "Scottish", "English", "Spanish", "Danish", "Polish",
                "Turkish", "Finnish", "Swedish", "Portuguese", "Lebanese", "Burmese", "Nepalese",
                "Sudanese", "Taiwanese", "Congolese", "Senegalese", "Maltese", "Luxembourgish",
                "Bhutanese", "Togolese", "Guyanese", "Surinamese", "Timorese", "Gabonese",
                "Beninese", "Marshallese", "Sammarinese")
# Plurals of -sh/-ch/-ese/-ss forms that are English words (a Czech, two Czechs).
TRUE_PLURALS = {"Czechs"}
# Irregular pt/es plurals and the regular forms a rule would wrongly give them.
IRREGULAR_ROMANCE = [
    ("pt", "alemães", "alemãos"), ("pt", "espanhóis", "espanhols"), ("pt", "espanhóis",
    "espanhois"), ("pt", "letões", "letãos"), ("pt", "mongóis", "mongols"),
    ("es", "alemanes", "alemánes"), ("es", "españoles", "españols"),
    ("es", "iraníes", "iranís"), ("es", "iraquíes", "iraquís"),
]


def shipped_demonyms() -> Iterator[tuple[str, str, str]]:
    for line in (SHIPPED / "aliases.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        qid, lang, alias, kind = line.split("\t")
        if kind == "demonym":
            yield qid, lang, alias


def test_no_english_demonym_takes_a_wrong_plural() -> None:
    english = {alias for _, lang, alias in shipped_demonyms() if lang == "en"}
    assert {"British", "French", "Dutch", "Irish", "Swiss", "Chinese"} <= english
    for form in IRREGULAR_EN:
        assert f"{form}s" not in english, f"{form}s"
    for alias in english:
        if alias.endswith(("shs", "chs", "eses", "sss")):
            assert alias in TRUE_PLURALS, alias
    assert "Czechs" in english and "Russians" in english


def test_portuguese_and_spanish_demonyms_keep_their_irregular_plurals() -> None:
    forms = {(lang, alias) for _, lang, alias in shipped_demonyms()}
    for lang, right, wrong in IRREGULAR_ROMANCE:
        assert (lang, right) in forms, right
        assert (lang, wrong) not in forms, wrong
    for lang, alias in forms:
        if lang == "pt":
            assert not alias.endswith(("ls", "zs", "ãoes", "êses")), alias
        if lang == "es":
            assert not re.search(r"(án|én|ín|ón|és|ís)es$|[lnrzs]s$", alias), alias


# Regular demonyms the curated table once kept to their base form alone, so that "forças
# israelenses" or "militares estadunidenses" linked to no state (issue 9, eleventh pass).
REGULAR_ROMANCE_FORMS = [
    ("Q801", "pt", "israelenses"), ("Q30", "pt", "estadunidenses"), ("Q1045", "pt", "somalianos"),
    ("Q846", "pt", "catariana"), ("Q836", "pt", "birmaneses"), ("Q55", "es", "neerlandeses"),
]


def test_regular_portuguese_and_spanish_demonyms_have_their_plurals() -> None:
    forms = set(shipped_demonyms())
    for qid, lang, alias in REGULAR_ROMANCE_FORMS:
        assert (qid, lang, alias) in forms, alias
    assert not any(alias == "alemãos" for _, _, alias in forms)  # irregular ones stay listed


@pytest.mark.parametrize(("lang", "base", "forms"), [
    ("en", "British", ["British"]),
    ("en", "French", ["French"]),
    ("en", "Swiss", ["Swiss"]),
    ("en", "Vietnamese", ["Vietnamese"]),
    ("en", "Iraqi", ["Iraqi", "Iraqis"]),
    ("pt", "mongol", ["mongol", "mongola", "mongóis", "mongolas"]),
    ("es", "francés", ["francés", "francesa", "franceses", "francesas"]),
])
def test_inflect_demonym_irregular_english(lang: str, base: str, forms: list[str]) -> None:
    assert inflect_demonym(lang, base) == forms
