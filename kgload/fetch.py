"""Articles from the web: news pages and RSS/Atom feeds, fetched politely.

The HTTP edge is `Fetcher`: one `requests` session with a User-Agent naming kgload and a contact
(the `user_agent` setting), a timeout per read and a deadline per page (`fetch_timeout`), at
most one request per `fetch_interval` seconds to the same host, `robots.txt` obeyed (read once
per host with `urllib.robotparser`), and no page larger than `fetch_max_bytes`. Everything after
the download is pure: telling a page from a feed (`page_kind`), reading its metadata from the
HTML (`page_metadata`), its main text (trafilatura), the items of a feed (feedparser).

Nothing here raises on a bad URL: each failure becomes a `Problem` with a stable code, so the
other URLs still load.

- ``fetch-failed``: no answer, or an HTTP error status (404, 500, …)
- ``fetch-timeout``: the server did not answer within the time allowed
- ``robots-disallowed``: the site's robots.txt forbids kgload that page (or cannot be read)
- ``not-html``: the answer is neither an HTML page nor an RSS/Atom feed
- ``too-large``: the page is larger than `fetch_max_bytes`
- ``no-text``: no article text was found in the page
- ``bad-feed``: a feed that cannot be read, or an item without a link

trafilatura and feedparser are the optional extra ``web`` (``pip install 'kgload[web]'``).
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import json
import logging
import re
import time
import urllib.parse
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Literal

import requests

from kgload.closing import Closing
from kgload.config import Settings
from kgload.errors import UsageError
from kgload.http import DeadlineExceededError, call_with_deadline, request_deadline
from kgload.model import Article, Problem
from kgload.sources import ArticleOverrides, parse_article_text
from kgload.urls import normalise_url

__all__ = [
    "FEED_TYPES",
    "HTML_TYPES",
    "FetchOptions",
    "Fetcher",
    "Page",
    "is_url",
    "page_kind",
    "page_metadata",
    "read_urls",
    "require_web",
]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
# Types that may hold either (a server's generic XML, or no type at all): the content decides.
_SNIFFED_TYPES = frozenset({"", "application/xml", "text/xml", "application/octet-stream"})
_FEED_ROOT = re.compile(rb"<(?:[A-Za-z0-9_-]+:)?(rss|feed|RDF)[\s>]")
_HTML_ROOT = re.compile(rb"<(!doctype\s+html|html[\s>])", re.IGNORECASE)
_CHUNK_BYTES = 64 * 1024
_DECLARED_CHARSET = re.compile(
    rb"""(?:<meta[^>]*?charset\s*=\s*["']?|<\?xml[^>]*?encoding\s*=\s*["'])([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_DEFAULTS = Settings()
log = logging.getLogger("kgload")


def is_url(value: object) -> bool:
    """Whether an ingest input names a web page or feed rather than a file.

    >>> is_url("https://example.org/news/1.html"), is_url("examples/01.txt")
    (True, False)
    """
    return isinstance(value, str) and value.strip().lower().startswith(("http://", "https://"))


def require_web() -> tuple[Any, Any]:
    """The `trafilatura` and `feedparser` modules, or a one-line error naming the extra."""
    try:
        return importlib.import_module("trafilatura"), importlib.import_module("feedparser")
    except ImportError as exc:
        raise UsageError(
            f"reading URLs needs the optional package {exc.name!r}: pip install 'kgload[web]'"
        ) from None


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How politely to fetch: who we are, how long to wait, how often, how much."""

    user_agent: str = _DEFAULTS.user_agent
    timeout: float = _DEFAULTS.fetch_timeout
    interval: float = _DEFAULTS.fetch_interval
    max_bytes: int = _DEFAULTS.fetch_max_bytes
    max_redirects: int = 5

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchOptions:
        return cls(
            user_agent=settings.user_agent,
            timeout=settings.fetch_timeout,
            interval=settings.fetch_interval,
            max_bytes=settings.fetch_max_bytes,
        )


@dataclass(frozen=True, slots=True)
class Page:
    """A downloaded answer: the final URL (after redirects), its media type, charset and bytes."""

    url: str
    content_type: str
    charset: str | None
    body: bytes

    def text(self) -> str:
        """The body decoded with the charset of the Content-Type header, else the one the
        document declares (`<meta charset>`, `<?xml encoding>`), else UTF-8.

        >>> Page("https://x.org/", "text/html", None,
        ...      '<meta charset="iso-8859-1"><p>Brasília'.encode("latin-1")).text()[-8:]
        'Brasília'
        """
        declared = self.charset
        if not declared:
            match = _DECLARED_CHARSET.search(self.body[:4096])
            declared = match.group(1).decode("ascii") if match else "utf-8"
        try:
            return self.body.decode(declared, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


class Fetcher(Closing):
    """GET pages politely; every failure is a `Problem`, never an exception.

    Args:
        options: User-Agent, timeout, per-host interval and size limit.
        session: a `requests.Session` to use (one is made and owned otherwise).
        clock: monotonic seconds, for the per-host interval and the deadline.
        sleep: how to wait for the interval; tests pass a recorder.
    """

    def __init__(
        self,
        options: FetchOptions,
        *,
        session: requests.Session | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.options = options
        self.requests_made = 0
        self._own_session = session is None
        self._session = session if session is not None else requests.Session()
        self._session.max_redirects = options.max_redirects
        self._clock = clock
        self._sleep = sleep
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | Problem] = {}
        from kgload.linking.wikidata import is_placeholder_user_agent

        if is_placeholder_user_agent(options.user_agent):
            log.warning(
                "the User-Agent %r names no real contact: set user_agent in kgload.toml (or "
                "KGLOAD_USER_AGENT) to your tool's name and a contact URL or address, so that "
                "the sites you read can reach you",
                options.user_agent,
            )

    def close(self) -> None:
        if self._own_session:
            self._session.close()

    def get(self, url: str) -> Page | Problem:
        """Download one page or feed; each hop of a redirect is checked against robots.txt."""
        try:
            url = normalise_url(url)
        except ValueError as exc:
            return Problem("url-invalid", f"the URL {exc}", _shown(url))
        return self._follow(url, check_robots=True)

    def _follow(self, url: str, *, check_robots: bool, accept: str | None = None) -> Page | Problem:
        """GET `url`, following at most `max_redirects` redirects one by one (each new host gets
        its own robots.txt check and its own turn)."""
        first = url
        for _ in range(self.options.max_redirects + 1):
            if check_robots:
                refused = self._robots_allow(url)
                if refused is not None:
                    return refused
            answer = self._download(url, accept=accept)
            if not isinstance(answer, _Redirect):
                return answer
            url = answer.location
        return Problem("fetch-failed", f"more than {self.options.max_redirects} redirects", first)

    def _robots_allow(self, url: str) -> Problem | None:
        parts = urllib.parse.urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._read_robots(origin)
            self._robots[origin] = rules
        if isinstance(rules, Problem):
            return Problem(rules.code, rules.message, url)
        if not rules.can_fetch(self.options.user_agent, url):
            return Problem(
                "robots-disallowed",
                f"{origin}/robots.txt does not allow kgload to fetch this page; "
                "ask the site, or save the article as a file",
                url,
            )
        return None

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | Problem:
        """The site's rules. As RFC 9309 says: a 4xx answer means no rules; a server error or
        no answer means the site cannot say, so nothing is fetched from it."""
        rules = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        page = self._follow(origin + "/robots.txt", check_robots=False, accept="text/plain")
        if isinstance(page, Problem):
            status = re.match(r"HTTP (\d{3})", page.message)
            if status and status.group(1).startswith("4"):
                rules.parse([])
                return rules
            return Problem(
                "robots-disallowed",
                f"cannot read {origin}/robots.txt ({page.message}), so kgload fetches nothing "
                "from this site; try again later",
                origin,
            )
        rules.parse(page.text().splitlines())
        return rules

    def _wait_turn(self, host: str) -> None:
        """At most one request per `interval` seconds to one host."""
        last = self._last_request.get(host)
        if last is not None:
            wait = self.options.interval - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()

    def _download(self, url: str, *, accept: str | None = None) -> Page | _Redirect | Problem:
        """One GET, given `request_deadline(timeout)` (4x) in all: requests times out per read
        only, so a server that trickles a byte now and then would otherwise hold it forever."""
        self._wait_turn(urllib.parse.urlsplit(url).netloc)
        headers = {
            "User-Agent": self.options.user_agent,
            "Accept": accept
            or "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
            "application/xml;q=0.9,*/*;q=0.5",
        }
        timeout = self.options.timeout
        self.requests_made += 1

        def exchange() -> Page | _Redirect | Problem:
            with self._session.get(
                url, headers=headers, timeout=(timeout, timeout), stream=True,
                allow_redirects=False,
            ) as response:  # fmt: skip
                if response.is_redirect:
                    return _redirect(url, response.headers.get("Location", ""))
                if response.status_code >= 400:
                    reason = f" {response.reason}" if response.reason else ""
                    return Problem("fetch-failed", f"HTTP {response.status_code}{reason}", url)
                media, charset = _content_type(response.headers.get("Content-Type", ""))
                body = self._read_body(response, url)
                if isinstance(body, Problem):
                    return body
                return Page(url=url, content_type=media, charset=charset, body=body)

        try:
            return call_with_deadline(exchange, request_deadline(timeout))
        except DeadlineExceededError:
            return Problem(
                "fetch-timeout",
                f"the page took more than {request_deadline(timeout):g} s to arrive "
                "(4 times the fetch_timeout setting)",
                url,
            )
        except requests.Timeout:
            return _timed_out(timeout, url)
        except requests.ConnectionError as exc:
            # A read that times out inside the body comes as a ConnectionError from requests.
            if "timed out" in str(exc).lower():
                return _timed_out(timeout, url)
            return Problem("fetch-failed", f"cannot connect: {_reason(exc)}", url)
        except requests.RequestException as exc:
            return Problem("fetch-failed", _reason(exc), url)

    def _read_body(self, response: requests.Response, url: str) -> bytes | Problem:
        limit = self.options.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            return _too_large(f"the page has {int(declared):,} bytes", limit, url)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_content(_CHUNK_BYTES):
            size += len(chunk)
            if size > limit:
                return _too_large(f"the page has more than {limit:,} bytes", limit, url)
            chunks.append(chunk)
        return b"".join(chunks)


def _timed_out(timeout: float, url: str) -> Problem:
    return Problem(
        "fetch-timeout", f"no answer within {timeout:g} s (the fetch_timeout setting)", url
    )


def _too_large(what: str, limit: int, url: str) -> Problem:
    return Problem(
        "too-large",
        f"{what}; kgload downloads at most {limit:,} (fetch_max_bytes): raise the setting "
        "(KGLOAD_FETCH_MAX_BYTES) or save the article as a file",
        url,
    )


def _reason(exc: BaseException) -> str:
    """A short reason from a requests error (whose text nests urllib3's long repr)."""
    text = " ".join(str(exc).split())
    for marker in ("Failed to establish a new connection: ", "Caused by ", "Max retries"):
        if marker in text:
            text = text.split(marker, 1)[-1]
    text = text.strip("()'\" ")
    cut = re.sub(r"<[^>]*>:?\s*", "", text)
    return (cut or type(exc).__name__)[:160]


def _shown(value: str) -> str:
    return repr(value if len(value) <= 80 else value[:80] + "…")


@dataclass(frozen=True, slots=True)
class _Redirect:
    location: str


def _redirect(url: str, location: str) -> _Redirect | Problem:
    """Where a redirect points, made absolute and checked like any URL kgload reads."""
    try:
        return _Redirect(normalise_url(urllib.parse.urljoin(url, location.strip())))
    except ValueError as exc:
        return Problem("fetch-failed", f"redirected to {_shown(location)}, which {exc}", url)


def _content_type(header: str) -> tuple[str, str | None]:
    """The media type (lower case, no parameters) and the charset of a Content-Type header.

    >>> _content_type("text/HTML; charset=ISO-8859-1")
    ('text/html', 'ISO-8859-1')
    """
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"')
    return media.strip().lower(), charset


def page_kind(page: Page) -> Literal["html", "feed", "other"]:
    """An HTML page, an RSS/Atom feed, or something else, by media type and then by content.

    >>> page_kind(Page("https://x.org/", "text/xml", None, b'<?xml version="1.0"?><rss>'))
    'feed'
    """
    if page.content_type in HTML_TYPES:
        return "html"
    if page.content_type in FEED_TYPES:
        return "feed"
    if page.content_type in _SNIFFED_TYPES:
        head = page.body[:2048]
        if _FEED_ROOT.search(head):
            return "feed"
        if _HTML_ROOT.search(head):
            return "html"
    return "other"


class _MetaReader(HTMLParser):
    """Collects `<html lang>`, `<title>` and the `<meta>` tags of a page's head."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.title = ""
        self.meta: dict[str, str] = {}
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key.lower(): value or "" for key, value in attrs}
        if tag == "html":
            self.lang = values.get("lang", "") or values.get("xml:lang", "")
        elif tag == "title" and not self.title:
            self._in_title = True
        elif tag == "meta":
            name = values.get("property") or values.get("name") or values.get("itemprop")
            if name and "content" in values:
                self.meta.setdefault(name.strip().lower(), values["content"].strip())
        elif tag == "body":
            self._in_title = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


# Publication-date tags of the common vocabularies (Open Graph article:, schema.org, Dublin Core,
# Parse.ly, sailthru and plain `date`), most specific first.
_DATE_META = (
    "article:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "date",
)


def page_metadata(html: str) -> dict[str, str]:
    """Title, publication date, language and outlet from a page's HTML head, when it says.

    Only what the page declares is read (meta tags, `<html lang>`, `<title>`): a date guessed
    from the text could be an event's, and relative dates in the article resolve against it.

    >>> page_metadata('<html lang="pt-BR"><head><title>Cúpula</title>'
    ...               '<meta property="article:published_time" content="2025-08-12T10:00:00Z">'
    ...               '</head><body></body></html>')
    {'title': 'Cúpula', 'published': '2025-08-12', 'lang': 'pt'}
    """
    reader = _MetaReader()
    try:
        reader.feed(html[:500_000])
        reader.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        pass
    fields: dict[str, str] = {}
    title = reader.meta.get("og:title") or " ".join(reader.title.split())
    if title:
        fields["title"] = title
    for key in _DATE_META:
        published = _iso_date(reader.meta.get(key, ""))
        if published:
            fields["published"] = published
            break
    lang = reader.lang.strip().lower().replace("_", "-").split("-")[0]
    if lang:
        fields["lang"] = lang
    outlet = reader.meta.get("og:site_name")
    if outlet:
        fields["outlet"] = outlet
    return fields


def _iso_date(value: str) -> str:
    """`YYYY-MM-DD` from an ISO date or date-time, '' when it is not one."""
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
    if not match:
        return ""
    try:
        return dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return ""


def _main_text(trafilatura: Any, html: str, url: str) -> tuple[str, str]:
    """The main text of a page and the title trafilatura found ('' when none)."""
    found = trafilatura.extract(
        html,
        url=url,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
    )
    if not found:
        return "", ""
    record = json.loads(found)
    return str(record.get("text") or ""), str(record.get("title") or "")


@dataclass(frozen=True, slots=True)
class _Reading:
    overrides: ArticleOverrides
    default_lang: str | None
    max_article_chars: int


def _article_from_page(
    page: Page, reading: _Reading, fallback: Mapping[str, str], trafilatura: Any
) -> Article | Problem:
    html = page.text()
    text, found_title = _main_text(trafilatura, html, page.url)
    if not text.strip():
        return Problem(
            "no-text",
            "found no article text in the page (an index page, or text drawn by JavaScript?)",
            page.url,
        )
    fields = {key: value for key, value in fallback.items() if value}
    fields.update(page_metadata(html))
    if "title" not in fields and found_title:
        fields["title"] = found_title
    # The headline is metadata, not the article's first sentence: analysed, it would repeat
    # the lead's events with the headline's shorthand.
    first, _, rest = text.strip().partition("\n")
    if rest.strip() and " ".join(first.split()) in {fields.get("title"), found_title}:
        text = rest
    fields["url"] = page.url
    return parse_article_text(
        text,
        source=page.url,
        overrides=reading.overrides,
        fields=fields,
        default_lang=reading.default_lang,
        max_article_chars=reading.max_article_chars,
    )


def _feed_items(feedparser: Any, page: Page) -> list[tuple[str, dict[str, str]]] | Problem:
    """Each item's link (absolute) and what the feed says of it (title, date)."""
    parsed = feedparser.parse(
        io.BytesIO(page.body),
        response_headers={"content-location": page.url, "content-type": page.content_type},
    )
    if parsed.get("bozo") and not parsed.get("entries"):
        reason = " ".join(str(parsed.get("bozo_exception", "")).split())[:120]
        return Problem("bad-feed", f"not a readable RSS/Atom feed ({reason})", page.url)
    items: list[tuple[str, dict[str, str]]] = []
    for number, entry in enumerate(parsed.get("entries", []), start=1):
        link = str(entry.get("link") or "").strip()
        if not link:
            items.append(("", {"item": str(number)}))
            continue
        known: dict[str, str] = {}
        if entry.get("title"):
            known["title"] = " ".join(str(entry["title"]).split())
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            known["published"] = dt.date(stamp[0], stamp[1], stamp[2]).isoformat()
        items.append((urllib.parse.urljoin(page.url, link), known))
    if not items:
        return Problem("bad-feed", "the feed has no items", page.url)
    return items


def read_urls(
    urls: Iterable[str],
    *,
    options: FetchOptions | None = None,
    fetcher: Fetcher | None = None,
    overrides: ArticleOverrides | None = None,
    default_lang: str | None = None,
    max_article_chars: int = _DEFAULTS.max_article_chars,
) -> Iterator[Article | Problem]:
    """Fetch each URL, lazily: an HTML page is one article, a feed one article per item.

    The fetcher (made from `options` unless given) lives as long as the iteration, so the
    per-host interval and the robots.txt answers hold across every URL and feed item.
    """
    trafilatura, feedparser = require_web()
    reading = _Reading(overrides or ArticleOverrides(), default_lang, max_article_chars)
    own = fetcher is None
    active = fetcher if fetcher is not None else Fetcher(options or FetchOptions())
    try:
        for url in urls:
            page = active.get(url)
            if isinstance(page, Problem):
                yield page
                continue
            kind = page_kind(page)
            if kind == "html":
                yield _article_from_page(page, reading, {}, trafilatura)
                continue
            if kind == "other":
                yield _not_html(page)
                continue
            items = _feed_items(feedparser, page)
            if isinstance(items, Problem):
                yield items
                continue
            for link, known in items:
                if not link:
                    yield Problem(
                        "bad-feed", f"item {known['item']} of the feed has no link", page.url
                    )
                    continue
                item = active.get(link)
                if isinstance(item, Problem):
                    yield item
                elif page_kind(item) != "html":
                    yield _not_html(item)
                else:
                    yield _article_from_page(item, reading, known, trafilatura)
    finally:
        if own:
            active.close()


def _not_html(page: Page) -> Problem:
    shown = page.content_type or "of no declared type"
    return Problem(
        "not-html",
        f"the answer is {shown}, not an HTML page or an RSS/Atom feed",
        page.url,
    )
