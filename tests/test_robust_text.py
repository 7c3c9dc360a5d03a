"""Issue 10: long and pathological text, per-document isolation and the article time limit.

Each test is a row of the issue's table. The hang guards (tests/guards.py) are generous: they
detect a hang, they do not measure speed (speed targets live in bench/). A hang inside the
analysis shows as an `internal-error` problem naming `HangError`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from guards import hang_guard

import kgload.extract.analyze as analyze_module
import kgload.nlp.pipeline as pipeline_module
import kgload.parallel as parallel_module
from kgload import KG, Settings
from kgload.cli.main import main
from kgload.extract.analyze import analyze_articles
from kgload.linking.kb import KnowledgeBase, load_kb
from kgload.model import Article, Extraction, Problem
from kgload.nlp.dates import find_dates
from kgload.nlp.pipeline import get_nlp
from kgload.nlp.quantities import find_quantities
from kgload.rdf.writer import document_quads

PARAGRAPH = (
    "President Joe Biden met Chinese President Xi Jinping on Wednesday in Woodside, "
    "California. Russia sent more than 10,000 troops to Syria last month."
)
PUBLISHED = dt.date(2023, 11, 17)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _article(text: str, *, lang: str = "en", published: dt.date | None = PUBLISHED) -> Article:
    return Article(id=f"x{len(text)}", text=text, lang=lang, source="a.txt", published=published)


def _analyse(kb: KnowledgeBase, text: str, **kwargs: object) -> Extraction:
    results = list(analyze_articles([_article(text)], kb, **kwargs))  # type: ignore[arg-type]
    assert len(results) == 1
    result = results[0]
    assert isinstance(result, Extraction), result
    return result


def _summary(extraction: Extraction) -> list[tuple[str, tuple[str, ...], str, int, int]]:
    text = extraction.article.text
    rows = []
    for event in extraction.events:
        for evidence in event.evidence:
            assert text[evidence.start : evidence.end] == evidence.quote
            rows.append(
                (event.type.value, event.participants, evidence.quote, evidence.start, evidence.end)
            )
    for mention in extraction.mentions:
        assert text[mention.start : mention.end] == mention.text
    return sorted(rows)


# --- long and pathological text ------------------------------------------------------------


def test_a_paragraph_then_180_kb_of_punctuation_is_analysed_without_hanging(
    kb: KnowledgeBase,
) -> None:
    flood = "!?.,;:" * 20_000 + "\n" + "." * 40_000 + "(" * 10_000 + ")" * 10_000 + "\n"
    alone = _analyse(kb, PARAGRAPH)
    with hang_guard(60):
        flooded = _analyse(kb, PARAGRAPH + "\n\n" + flood)
    assert _summary(flooded) == _summary(alone)
    assert alone.events


def test_whitespace_free_runs_are_tokenised_in_pieces_with_the_text_kept(
    kb: KnowledgeBase,
) -> None:
    nlp = get_nlp("en", kb)
    normal = "Biden met Xi (in Woodside), https://example.org/" + "a" * 300 + " yesterday."
    tokens = [t.text for t in pipeline_module.tokenize(nlp, normal)]
    assert tokens == [t.text for t in nlp.make_doc(normal)]
    run = "(" * 3000 + "x" * 3000 + ")" * 3000
    with hang_guard(60):
        doc = pipeline_module.tokenize(nlp, "Biden spoke. " + run + " Xi replied.")
    assert doc.text == "Biden spoke. " + run + " Xi replied."
    assert max(len(t) for t in doc) <= 1000


def test_a_long_text_cut_into_pieces_has_the_tokens_of_the_whole(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    nlp = get_nlp("en", kb)
    text = (_ordinary_text() * 40)[:250_000] + "  \n\n last words"
    monkeypatch.setattr(nlp, "max_length", 120_000)  # three pieces
    pieces = pipeline_module.tokenize(nlp, text)
    whole = nlp.tokenizer(text)
    assert pieces.text == text
    assert [(t.idx, t.text, t.whitespace_) for t in pieces] == [
        (t.idx, t.text, t.whitespace_) for t in whole
    ]


def test_999k_characters_of_ordinary_text_finish_and_keep_their_offsets(
    kb: KnowledgeBase,
) -> None:
    story = _ordinary_text()
    text = (story * (999_000 // len(story) + 1))[:999_000]
    with hang_guard(90):  # 113 CPU s before issue 10 (quadratic loops), 17 s after
        extraction = _analyse(kb, text)
    rows = _summary(extraction)
    assert rows
    assert max(end for *_, end in rows) > 900_000  # the end of the text was read too


def test_200k_characters_without_a_full_stop_or_line_break_finish(kb: KnowledgeBase) -> None:
    clause = "Putin met Kim Jong Un in Moscow, "
    text = clause * (200_000 // len(clause))
    with hang_guard(120):  # one 48,000-token sentence: over 300 s before issue 10
        extraction = _analyse(kb, text)
    assert extraction.events
    assert max(end for *_, end in _summary(extraction)) > 150_000  # read to the end


def test_text_longer_than_spacys_limit_is_processed_in_pieces(kb: KnowledgeBase) -> None:
    nlp = get_nlp("en", kb)
    filler = "the river ran along the valley and the wind was cold that day\n"
    middle = filler * ((nlp.max_length + 50_000) // len(filler))
    text = PARAGRAPH + "\n" + middle + PARAGRAPH + "\n"
    assert len(text) > nlp.max_length
    with hang_guard(120):
        extraction = _analyse(kb, text)
    rows = _summary(extraction)
    starts = {start for *_, start, _end in rows}
    assert min(starts) < 200 and max(starts) > nlp.max_length  # both ends read, offsets right


def _ordinary_text() -> str:
    examples = Path(__file__).resolve().parent.parent / "examples"
    bodies = [p.read_text("utf-8").split("\n---\n", 1)[1] for p in sorted(examples.glob("0*-en-*"))]
    return "\n\n".join(bodies) + "\n\n"


# --- dates and case folding ----------------------------------------------------------------

RELATIVE = {
    "en": "Biden met Xi yesterday. Biden called Xi on Friday and will visit China next year. "
    "They met last month, three years ago and next Tuesday.",
    "pt": "Lula encontrou Xi ontem. Lula ligou para Xi na sexta-feira e visitará a China no "
    "próximo ano. Eles se reuniram no mês passado, há três anos e na próxima terça-feira.",
    "es": "Sánchez se reunió con Xi ayer. Sánchez llamó a Xi el viernes y visitará China el "
    "próximo año. Se reunieron el mes pasado, hace tres años y el próximo martes.",
}


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(1, 1, 7), dt.date(9999, 12, 31)])
@pytest.mark.parametrize("lang", ["en", "pt", "es"])
def test_published_at_either_end_of_the_calendar_is_no_error(
    kb: KnowledgeBase, lang: str, published: dt.date
) -> None:
    article = _article(RELATIVE[lang], lang=lang, published=published)
    (result,) = analyze_articles([article], kb)
    assert isinstance(result, Extraction), result
    document_quads(result)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Biden met Xi on Frİday, 12 Aprİl, and on Tueſday last Auguſt."),
        ("pt", "Lula encontrou Xi na terça-feİra e em março. Mais de 10 mİl soldados."),
        ("es", "Sánchez se reunió con Xi el Mİércoles y el luneſ. Hasta 10 mİl soldados."),
    ],
)
def test_letters_whose_lower_case_differs_in_length_break_no_lexicon_lookup(
    kb: KnowledgeBase, lang: str, text: str
) -> None:
    find_dates(text, lang=lang, published=PUBLISHED)
    find_quantities(text, lang=lang)
    (result,) = analyze_articles([_article(text, lang=lang)], kb)
    assert isinstance(result, Extraction), result


def test_turkish_capitals_keep_evidence_offsets(kb: KnowledgeBase) -> None:
    text = "İİİ. Erdoğan met Putin in İstanbul on Tuesday. İstanbul hosted Erdoğan and Putin."
    extraction = _analyse(kb, text)
    assert _summary(extraction)


# --- per-document isolation ----------------------------------------------------------------

GOOD = "published: 2025-08-12\nlang: pt\n---\nLula conversou por telefone com Macron.\n"
BAD = "published: 2025-08-12\nlang: pt\n---\nEste artigo quebra: Lula visitou Angola.\n"


def _files(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"]
    for path, text in zip(paths, [GOOD, BAD, GOOD.replace("Macron", "Xi")], strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


def _break_on(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
    real = getattr(module, name)

    def broken(*args: object, **kwargs: object) -> object:
        first = args[0]
        article = getattr(first, "article", first)
        text = getattr(article, "text", "")
        if "quebra" in text:
            raise IndexError("simulated bug")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, broken)


@pytest.mark.parametrize(
    ("module", "name"),
    [
        (analyze_module, "_extract"),
        (parallel_module, "document_quads"),
    ],
)
def test_a_bug_in_any_stage_is_one_internal_error_and_the_rest_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: object, name: str
) -> None:
    _break_on(monkeypatch, module, name)
    with KG.open("memory:", settings=Settings(store="memory:")) as kg:
        report = kg.ingest(_files(tmp_path), batch_size=1)
        assert [p.code for p in report.problems] == ["internal-error"]
        assert report.problems[0].source.endswith("b.txt")
        assert "IndexError: simulated bug" in report.problems[0].message
        assert report.documents == 2
        assert kg.stats()["documents"] == 2


def test_a_bug_in_validation_is_one_internal_error_and_the_rest_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kgload.rdf.shacl as shacl_module

    real = shacl_module.validate_graph

    def broken(quads, *args, **kwargs):  # type: ignore[no-untyped-def]
        if any("quebra" in quad.object.value for quad in quads):
            raise IndexError("simulated bug")
        return real(quads, *args, **kwargs)

    monkeypatch.setattr(shacl_module, "validate_graph", broken)
    with KG.open("memory:", settings=Settings(store="memory:", validate=True)) as kg:
        report = kg.ingest(_files(tmp_path))
        assert [p.code for p in report.problems] == ["internal-error"]
        assert report.problems[0].source.endswith("b.txt")
        assert report.documents == 2


def test_a_bug_on_one_article_of_the_rule_pipeline_spares_its_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analyze_module, "_prepare", _raising_prepare(analyze_module._prepare))
    with KG.open("memory:", settings=Settings(store="memory:")) as kg:
        report = kg.ingest(_files(tmp_path))
        assert [p.code for p in report.problems] == ["internal-error"]
        assert report.documents == 2


def _raising_prepare(real):  # type: ignore[no-untyped-def]
    def prepare(doc, article, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "quebra" in article.text:
            raise KeyError("simulated bug")
        return real(doc, article, *args, **kwargs)

    return prepare


@pytest.mark.parametrize("debug", [False, True])
def test_the_cli_shows_an_internal_errors_traceback_only_with_debug(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    debug: bool,
) -> None:
    monkeypatch.chdir(tmp_path)
    _break_on(monkeypatch, analyze_module, "_extract")
    paths = _files(tmp_path)
    argv = [*(["--debug"] if debug else []), "ingest", *map(str, paths), "--store", "memory:"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    problems = [line for line in err.splitlines() if line.endswith("[internal-error]")]
    assert len(problems) == 1 and problems[0].startswith(str(paths[1]))
    assert ("Traceback" in err) is debug


# --- the article time limit ----------------------------------------------------------------


class _TickingClock:
    """A clock that moves one second each time it is read: the time limit is then a count of
    checks, the same on any machine."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def test_an_article_over_the_time_limit_is_a_problem_and_the_next_is_normal(
    kb: KnowledgeBase,
) -> None:
    long_text = (PARAGRAPH + "\n") * 400
    short = _article(PARAGRAPH)
    alone = _analyse(kb, PARAGRAPH)
    results = list(
        analyze_articles(
            [_article(long_text), short, _article(long_text + " ")],
            kb,
            timeout=60.0,
            clock=_TickingClock(),
        )
    )
    assert [r.code if isinstance(r, Problem) else "ok" for r in results] == [
        "article-timeout",
        "ok",
        "article-timeout",
    ]
    assert "article_timeout" in results[0].message  # type: ignore[union-attr]
    assert isinstance(results[1], Extraction)
    assert _summary(results[1]) == _summary(alone)


def test_the_article_timeout_setting_reaches_the_analysis(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    with KG.open("memory:", settings=Settings(store="memory:", article_timeout=1e-9)) as kg:
        report = kg.ingest(paths)
    assert {p.code for p in report.problems} == {"article-timeout"}
    with KG.open("memory:", settings=Settings(store="memory:")) as kg:
        report = kg.ingest(paths)
    assert report.ok and report.documents == 3
