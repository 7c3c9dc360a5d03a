"""Ingest from the web: pages, RSS/Atom feeds, robots.txt, limits (issue 12, scope 6).

Everything is served by a real loopback HTTP server (pytest-httpserver) from the made-up pages
in tests/fixtures/web; nothing leaves the machine. Waits between requests are checked with a
recording clock, never timed.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from kgload.cli.main import main
from kgload.client import KG
from kgload.config import Settings, load_settings
from kgload.errors import UsageError
from kgload.fetch import (
    Fetcher,
    FetchOptions,
    Page,
    is_url,
    page_kind,
    page_metadata,
    read_urls,
)
from kgload.model import Article, Problem

WEB = Path(__file__).parent / "fixtures" / "web"
UA = "kgload-tests/1.0 (https://kgload-tests.test/contact; tests@kgload-tests.test)"
HTML = "text/html; charset=utf-8"


def _serve(httpserver: HTTPServer, path: str, name: str, content_type: str = HTML) -> str:
    httpserver.expect_request(path).respond_with_data(
        (WEB / name).read_bytes(), content_type=content_type
    )
    return httpserver.url_for(path)


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    """The made-up news site: two articles, a removed one, an RSS and an Atom feed."""
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    _serve(httpserver, "/news/call.html", "call.html")
    _serve(httpserver, "/news/visita.html", "visita.html")
    httpserver.expect_request("/news/gone.html").respond_with_data("gone", status=404)
    _serve(httpserver, "/feeds/world.rss", "feed.xml", "application/rss+xml")
    _serve(httpserver, "/feeds/pt.atom", "atom.xml", "application/xml")
    return httpserver


@pytest.fixture
def settings() -> Settings:
    return Settings(store="memory:", user_agent=UA, fetch_interval=0.01, fetch_timeout=5.0)


def _documents(kg: KG) -> dict[str, dict[str, object]]:
    rows = kg.sparql(
        """PREFIX dct: <http://purl.org/dc/terms/>
        SELECT ?url ?title ?issued ?lang WHERE { GRAPH ?g {
          ?doc dct:source ?url . OPTIONAL { ?doc dct:title ?title }
          OPTIONAL { ?doc dct:issued ?issued } OPTIONAL { ?doc dct:language ?lang } } }"""
    )
    return {
        str(row["url"].value): {k: v.value if v is not None else None for k, v in row.items()}
        for row in rows.dicts()
        if row["url"] is not None
    }


# -- pure parts ---------------------------------------------------------------------------------


def test_is_url() -> None:
    assert is_url("https://example.org/a") and is_url(" HTTP://example.org/a")
    assert not is_url("examples/a.txt") and not is_url("-") and not is_url(Path("http:x"))


def test_page_metadata_reads_the_head() -> None:
    meta = page_metadata((WEB / "call.html").read_text(encoding="utf-8"))
    assert meta == {
        "title": "Lula and Macron discuss grain corridor by phone",
        "published": "2025-03-04",
        "lang": "en",
        "outlet": "Northfield Ledger",
    }
    # A page that declares nothing gives its <title> only: no date is guessed from the text.
    assert page_metadata((WEB / "visita.html").read_text(encoding="utf-8")) == {
        "title": "Presidente angolano visita Brasília"
    }
    assert page_metadata("<html><head><meta name='date' content='not a date'></head>") == {}


@pytest.mark.parametrize(
    ("content_type", "body", "kind"),
    [
        ("text/html", b"<p>x</p>", "html"),
        ("application/xhtml+xml", b"<html/>", "html"),
        ("application/rss+xml", b"<rss/>", "feed"),
        ("application/atom+xml", b"<feed/>", "feed"),
        ("application/xml", b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        ("text/xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("", b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("application/xml", b"<catalog/>", "other"),
        ("text/plain", b"<html>", "other"),
        ("application/pdf", b"%PDF-1.7", "other"),
    ],
)
def test_page_kind_by_type_then_content(content_type: str, body: bytes, kind: str) -> None:
    assert page_kind(Page("https://example.org/", content_type, None, body)) == kind


# -- pages and feeds ----------------------------------------------------------------------------


def test_ingest_a_page_url(site: HTTPServer, settings: Settings) -> None:
    url = site.url_for("/news/call.html")
    with KG.open(settings=settings) as kg:
        report = kg.ingest(url)
        assert report.ok, report.problems
        assert report.documents == 1 and report.events >= 1
        docs = _documents(kg)
    (doc,) = docs.values()
    assert doc["url"] == url
    assert doc["title"] == "Lula and Macron discuss grain corridor by phone"
    assert doc["issued"] == "2025-03-04"  # from the page's meta tag


def test_ingest_an_rss_feed_fetches_each_item(site: HTTPServer, settings: Settings) -> None:
    feed = site.url_for("/feeds/world.rss")
    with KG.open(settings=settings) as kg:
        report = kg.ingest([feed])
        docs = _documents(kg)
    assert report.documents == 2
    assert [(p.code, p.source) for p in report.problems] == [
        ("fetch-failed", site.url_for("/news/gone.html"))
    ]
    assert "HTTP 404" in report.problems[0].message
    visita = docs[site.url_for("/news/visita.html")]
    # The page declares no date and no language: the feed's date, the guessed language.
    assert visita["issued"] == "2025-03-06"
    assert visita["lang"] == "pt"
    assert docs[site.url_for("/news/call.html")]["issued"] == "2025-03-04"


def test_atom_feed_served_as_generic_xml(site: HTTPServer, settings: Settings) -> None:
    with KG.open(settings=settings) as kg:
        report = kg.ingest([site.url_for("/feeds/pt.atom")])
    assert report.ok and report.documents == 1


def test_user_agent_and_lang_override(site: HTTPServer, settings: Settings) -> None:
    url = site.url_for("/news/visita.html")
    with KG.open(settings=settings) as kg:
        report = kg.ingest([url], lang="pt")
        assert report.ok
    agents = {request.headers.get("User-Agent") for request, _ in site.log}
    assert agents == {UA}
    paths = [request.path for request, _ in site.log]
    assert paths == ["/robots.txt", "/news/visita.html"]  # robots.txt first, once


# -- failures are problems, never tracebacks -----------------------------------------------------


def _problems(url: str, options: FetchOptions) -> list[Problem]:
    items = list(read_urls([url], options=options))
    assert all(isinstance(item, Problem) for item in items), items
    return [item for item in items if isinstance(item, Problem)]


def test_robots_disallow(site: HTTPServer) -> None:
    _serve(site, "/private/call.html", "call.html")
    (problem,) = _problems(site.url_for("/private/call.html"), FetchOptions(user_agent=UA))
    assert problem.code == "robots-disallowed"
    assert "robots.txt does not allow kgload" in problem.message
    assert not any(request.path == "/private/call.html" for request, _ in site.log)


def test_robots_rules_for_kgload_by_name(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: kgload-tests\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    )
    _serve(httpserver, "/a.html", "call.html")
    (problem,) = _problems(httpserver.url_for("/a.html"), FetchOptions(user_agent=UA))
    assert problem.code == "robots-disallowed"


def test_robots_missing_allows_and_unreadable_refuses(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("no", status=404)
    _serve(httpserver, "/a.html", "call.html")
    (article,) = read_urls([httpserver.url_for("/a.html")], options=FetchOptions(user_agent=UA))
    assert isinstance(article, Article)
    httpserver.clear()
    httpserver.expect_request("/robots.txt").respond_with_data("down", status=503)
    _serve(httpserver, "/a.html", "call.html")
    (problem,) = _problems(httpserver.url_for("/a.html"), FetchOptions(user_agent=UA))
    assert problem.code == "robots-disallowed"
    assert "cannot read" in problem.message and "HTTP 503" in problem.message


def test_not_html(site: HTTPServer) -> None:
    site.expect_request("/report.pdf").respond_with_data(
        b"%PDF-1.7", content_type="application/pdf"
    )
    (problem,) = _problems(site.url_for("/report.pdf"), FetchOptions(user_agent=UA))
    assert problem.code == "not-html"
    assert "application/pdf" in problem.message


def test_too_large(site: HTTPServer) -> None:
    options = FetchOptions(user_agent=UA, max_bytes=500)
    (problem,) = _problems(site.url_for("/news/call.html"), options)
    assert problem.code == "too-large"
    assert "fetch_max_bytes" in problem.message


def test_too_large_without_content_length(site: HTTPServer) -> None:
    def chunks(request: Request) -> Response:
        return Response((b"<p>news</p>" * 100 for _ in range(10)), content_type="text/html")

    site.expect_request("/stream.html").respond_with_handler(chunks)
    (problem,) = _problems(
        site.url_for("/stream.html"), FetchOptions(user_agent=UA, max_bytes=5000)
    )
    assert problem.code == "too-large"


def test_timeout(site: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response("late", content_type="text/html")

    site.expect_request("/slow.html").respond_with_handler(slow)
    (problem,) = _problems(site.url_for("/slow.html"), FetchOptions(user_agent=UA, timeout=0.2))
    assert problem.code == "fetch-timeout"
    assert "fetch_timeout" in problem.message


def test_connection_refused_and_bad_url() -> None:
    from virtuoso import free_port

    (problem,) = _problems(f"http://127.0.0.1:{free_port()}/a.html", FetchOptions(user_agent=UA))
    assert problem.code == "robots-disallowed"  # robots.txt could not be read: nothing fetched
    assert "cannot connect" in problem.message
    with Fetcher(FetchOptions(user_agent=UA)) as fetcher:
        bad = fetcher.get("http://exa mple.org/\n")
    assert isinstance(bad, Problem) and bad.code == "url-invalid"


def test_feed_problems(site: HTTPServer) -> None:
    site.expect_request("/broken.rss").respond_with_data(
        "<rss><channel><item>", content_type="application/rss+xml"
    )
    (problem,) = _problems(site.url_for("/broken.rss"), FetchOptions(user_agent=UA))
    assert problem.code == "bad-feed"
    site.expect_request("/nolink.rss").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>no link</title></item></channel></rss>",
        content_type="application/rss+xml",
    )
    (problem,) = _problems(site.url_for("/nolink.rss"), FetchOptions(user_agent=UA))
    assert problem.code == "bad-feed" and "item 1" in problem.message


def test_no_text(site: HTTPServer) -> None:
    site.expect_request("/empty.html").respond_with_data(
        "<html><body><script>render()</script></body></html>", content_type="text/html"
    )
    (problem,) = _problems(site.url_for("/empty.html"), FetchOptions(user_agent=UA))
    assert problem.code == "no-text"


# -- politeness ---------------------------------------------------------------------------------


def test_one_request_per_interval_per_host(site: HTTPServer) -> None:
    """The fetcher waits out `interval` between two requests to one host, not across hosts."""
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    fetcher = Fetcher(FetchOptions(user_agent=UA, interval=2.0), clock=lambda: now[0], sleep=sleep)
    with fetcher:
        assert isinstance(fetcher.get(site.url_for("/news/call.html")), Page)
        assert waits == [2.0]  # robots.txt, then the page 2 s later
        now[0] += 0.5
        assert isinstance(fetcher.get(site.url_for("/news/visita.html")), Page)
        assert waits == [2.0, 1.5]
        other = site.url_for("/news/call.html").replace("localhost", "127.0.0.1")
        if other != site.url_for("/news/call.html"):  # another host name: its own turn
            fetcher.get(other)
            assert waits[2:] in ([], [2.0])  # its robots.txt goes at once
    assert fetcher.requests_made >= 3


def test_fetch_settings_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    from kgload.errors import ConfigError

    for name, value in (
        ("KGLOAD_FETCH_TIMEOUT", "0"),
        ("KGLOAD_FETCH_INTERVAL", "nan"),
        ("KGLOAD_FETCH_MAX_BYTES", "-1"),
    ):
        with pytest.raises(ConfigError, match=name):
            load_settings(environ={name: value})
    settings = load_settings(environ={"KGLOAD_FETCH_INTERVAL": "0.5"})
    assert FetchOptions.from_settings(settings).interval == 0.5


def test_missing_web_extra_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with KG.open("memory:") as kg, pytest.raises(UsageError, match=r"kgload\[web\]"):
        kg.ingest(["https://example.org/a.html"])


# -- the command line ---------------------------------------------------------------------------


def test_cli_ingest_feed_and_page(
    site: HTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith("KGLOAD_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("KGLOAD_FETCH_INTERVAL", "0.01")
    store = f"oxigraph:{tmp_path / 'kg'}"
    code = main(["ingest", site.url_for("/feeds/world.rss"), "--store", store])
    err = capsys.readouterr().err
    assert code == 1, err  # one item is gone: a data problem, exit 1
    assert f"{site.url_for('/news/gone.html')}: HTTP 404" in err
    assert "[fetch-failed]" in err and "Traceback" not in err
    assert "ingested 2 documents" in err
    assert main(["query", "documents", "--store", store, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2


def test_redirects_are_followed_hop_by_hop(site: HTTPServer, settings: Settings) -> None:
    site.expect_request("/old/call.html").respond_with_data(
        "", status=301, headers={"Location": "/news/call.html"}
    )
    site.expect_request("/short/1").respond_with_data(
        "", status=302, headers={"Location": site.url_for("/private/x.html")}
    )
    site.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    items = list(
        read_urls(
            [site.url_for("/old/call.html"), site.url_for("/short/1"), site.url_for("/loop")],
            options=FetchOptions(user_agent=UA, interval=0.01),
        )
    )
    article, refused, looped = items
    assert isinstance(article, Article)
    assert article.url == site.url_for("/news/call.html")  # the final URL is the document's
    # robots.txt is checked at every hop: a redirect cannot lead into a disallowed path.
    assert isinstance(refused, Problem) and refused.code == "robots-disallowed"
    assert refused.source == site.url_for("/private/x.html")
    assert isinstance(looped, Problem) and looped.code == "fetch-failed"
    assert "more than 5 redirects" in looped.message


def test_charset_from_the_page_when_the_header_has_none(site: HTTPServer) -> None:
    page = (WEB / "visita.html").read_text(encoding="utf-8")
    latin = page.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    site.expect_request("/latin.html").respond_with_data(
        latin.encode("latin-1"), content_type="text/html"
    )
    site.expect_request("/plain.html").respond_with_data(
        page.encode("utf-8"), content_type="text/html"
    )
    items = list(
        read_urls(
            [site.url_for("/latin.html"), site.url_for("/plain.html")],
            options=FetchOptions(user_agent=UA, interval=0.01),
        )
    )
    for item in items:
        assert isinstance(item, Article), item
        assert item.title == "Presidente angolano visita Brasília"
        assert "João Lourenço" in item.text


def test_placeholder_user_agent_is_warned_about(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="kgload"), Fetcher(FetchOptions()):
        pass
    assert "names no real contact" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="kgload"), Fetcher(FetchOptions(user_agent=UA)):
        pass
    assert caplog.text == ""


def test_a_trickling_page_meets_the_deadline(site: HTTPServer) -> None:
    """A byte now and then keeps every read alive; the deadline (4x the timeout) still ends it."""

    def trickle(request: Request) -> Response:
        def drip() -> Iterator[bytes]:
            yield b"<html><body><p>"
            for _ in range(20):
                time.sleep(0.1)
                yield b"news "

        return Response(drip(), content_type="text/html")

    site.expect_request("/drip.html").respond_with_handler(trickle)
    (problem,) = _problems(site.url_for("/drip.html"), FetchOptions(user_agent=UA, timeout=0.2))
    assert problem.code == "fetch-timeout"
    assert "4 times the fetch_timeout" in problem.message
