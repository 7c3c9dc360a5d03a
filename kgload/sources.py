"""Article readers: the header format of DESIGN.md, plain text, and JSON Lines.

A reader never raises on a bad item: it yields a `Problem` naming the file (and line) so the
other files still load. Metadata given by the caller (command line) overrides the header.
Hostile input is expected: a file is opened without blocking (a pipe is refused, not waited
on), its size is checked before it is read, a JSON Lines file is read one bounded line at a
time, and URLs are normalised (`kgload.urls`) before anything turns them into IRIs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from kgload.config import Settings
from kgload.errors import InputError
from kgload.model import Article, Problem
from kgload.urls import normalise_url

__all__ = [
    "STDIN",
    "STDIN_SOURCE",
    "SUPPORTED_LANGUAGES",
    "ArticleOverrides",
    "article_from_text",
    "article_id",
    "parse_article_text",
    "read_articles",
    "read_stdin",
    "read_texts",
]

SUPPORTED_LANGUAGES = ("en", "es", "pt")
# The input name that means standard input, and how problems with it name their source.
STDIN = "-"
STDIN_SOURCE = "<stdin>"
_KNOWN_KEYS = ("url", "title", "published", "lang", "outlet")
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\s*:\s*(.*)$")
_DEFAULT_MAX_CHARS = Settings().max_article_chars
# A character takes at most 4 bytes of UTF-8, and at most 12 in JSON ("\\ud83d\\ude00"); the
# slack leaves room for a header or the other fields of a record.
_UTF8_BYTES_PER_CHAR = 4
_JSON_BYTES_PER_CHAR = 12
_SLACK_BYTES = 64 * 1024
_CHUNK_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class _Header:
    values: dict[str, str]
    lines: dict[str, int]  # key → the line it was on, for problems that name it
    body: str
    missing_dashes: int | None = None  # the line where `---` should have been


@dataclass(frozen=True, slots=True)
class ArticleOverrides:
    """Metadata from the caller; a value here wins over the file's header."""

    lang: str | None = None
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


def article_id(url: str | None, text: str) -> str:
    """A stable document id: from the URL when there is one, else from the body.

    Re-ingesting the same article (same URL, or same text) replaces the same graph.
    """
    basis = f"url:{url}" if url else f"text:{text}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def _parse_date(value: str) -> dt.date:
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) > 10 else dt.date.fromisoformat(text)
    except ValueError:
        return dt.datetime.fromisoformat(text).date()


def _split_header(raw: str) -> _Header:
    """Header lines up to a `---` line, with CR, CRLF or LF line endings.

    Leading `key: value` lines that name a known key but are not ended by `---` are reported
    (`missing_dashes`) rather than taken as body text, which would silently lose the metadata.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    values: dict[str, str] = {}
    lines: dict[str, int] = {}
    start, number = 0, 0
    while True:
        number += 1
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if line.strip() == "---":
            return _Header(values, lines, "" if end < 0 else text[end + 1 :])
        match = _HEADER_LINE.match(line)
        if not match:
            break
        key = match.group(1).lower()
        values[key] = match.group(2).strip()
        lines[key] = number
        if end < 0:
            number += 1
            break
        start = end + 1
    if any(key in _KNOWN_KEYS for key in values):
        return _Header(values, lines, text, missing_dashes=number)
    return _Header({}, {}, text)


def _guess_language(text: str) -> str | None:
    """A crude stop-word vote between the supported languages; None when unsure."""
    words = re.findall(r"[a-zà-ÿ]+", text.lower()[:5000])
    marks = {
        "pt": {"não", "uma", "com", "para", "dos", "das", "pelo", "pela", "também", "foi", "ao"},
        "en": {"the", "and", "with", "was", "for", "that", "said", "has", "have", "from"},
        "es": {"el", "los", "las", "una", "con", "para", "del", "también", "fue", "por", "según"},
    }
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in marks.items()}
    best = max(scores, key=lambda k: scores[k])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 3 or ranked[0] < 1.5 * ranked[1]:
        return None
    return best


def _has_surrogate(text: str) -> bool:
    """Whether the text holds a lone surrogate (from a `\\udcff` escape), which no file can."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _shown(value: str, limit: int = 80) -> str:
    """A value quoted for a one-line message: escaped, and cut when long."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _decoded(data: bytes, source: str) -> str | Problem:
    """An article's bytes as text (a UTF-8 byte-order mark dropped), or a `not-utf8` problem."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(
            "not-utf8",
            f"not UTF-8 text (bad byte at offset {exc.start}); convert it, e.g. with iconv",
            source,
        )


def _name(path: Path) -> str:
    """A path as a problem's source: control characters and undecodable bytes escaped."""
    text = str(path)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _too_large(size: str, max_chars: int, source: str) -> Problem:
    return Problem(
        "too-large",
        f"{size}; an article may have at most {max_chars:,} characters (max_article_chars): "
        "split it, or raise the setting (KGLOAD_MAX_ARTICLE_CHARS)",
        source,
    )


def _url(value: str, what: str, source: str) -> str | Problem:
    try:
        return normalise_url(value)
    except ValueError as exc:
        return Problem("url-invalid", f"{what} {_shown(value)} {exc}", source)


def parse_article_text(
    raw: str,
    *,
    source: str,
    overrides: ArticleOverrides = ArticleOverrides(),
    fields: Mapping[str, str] | None = None,
    default_lang: str | None = None,
    max_article_chars: int = _DEFAULT_MAX_CHARS,
) -> Article | Problem:
    """Turn the text of one article (header + body, or a JSONL record's fields) into an Article.

    Problems with one header line name it (``path:line``); `max_article_chars` is the longest
    body accepted (the setting of that name), longer is a `too-large` problem.
    """
    lines: Mapping[str, int] = {}

    def where(key: str) -> str:
        """The source of a problem with one header value: ``path:line`` when the line is known."""
        return f"{source}:{lines[key]}" if key in lines else source

    if fields is None:
        split = _split_header(raw)
        if split.missing_dashes is not None:
            keys = ", ".join(f"{key}:" for key in split.values if key in _KNOWN_KEYS)
            return Problem(
                "bad-header",
                f"the file starts with header lines ({keys}) but no line '---' ends them; "
                "add a line '---' between the header and the text",
                f"{source}:{split.missing_dashes}",
            )
        header, raw_body, lines = split.values, split.body, split.lines
    else:
        header, raw_body = dict(fields), raw
    body = _body(header, raw_body, source=source, where=where, max_chars=max_article_chars)
    if isinstance(body, Problem):
        return body
    meta = {k: v for k, v in header.items() if k not in _KNOWN_KEYS and k != "text"}
    lang = _language(header, body, overrides, default_lang, source=source, where=where)
    if isinstance(lang, Problem):
        return lang
    published = _published(header, overrides, where=where)
    if isinstance(published, Problem):
        return published
    url = _article_url(header, overrides, source=source, where=where)
    if isinstance(url, Problem):
        return url
    return Article(
        id=article_id(url, body),
        text=body,
        lang=lang,
        source=source,
        url=url,
        title=overrides.title or header.get("title") or None,
        published=published,
        outlet=overrides.outlet or header.get("outlet") or None,
        metadata=meta,
    )


def _body(
    header: Mapping[str, str],
    body: str,
    *,
    source: str,
    where: Callable[[str], str],
    max_chars: int,
) -> str | Problem:
    """The article's text with line ends and Unicode normalised, or why it cannot be loaded."""
    broken = next((k for k, v in header.items() if _has_surrogate(k + v)), None)
    if broken is not None or _has_surrogate(body):
        return Problem(
            "not-utf8",
            "the text holds a lone surrogate (a broken \\u escape, not a character); "
            "fix whatever wrote it",
            where(broken) if broken is not None else source,
        )
    body = unicodedata.normalize("NFC", body.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not body:
        return Problem("empty-article", "the article has no text; nothing to load", source)
    if len(body) > max_chars:
        return _too_large(f"the article has {len(body):,} characters", max_chars, source)
    return body


def _language(
    header: Mapping[str, str],
    body: str,
    overrides: ArticleOverrides,
    default_lang: str | None,
    *,
    source: str,
    where: Callable[[str], str],
) -> str | Problem:
    """The article's language: given, from its header, the default, or guessed from the text."""
    lang = (overrides.lang or header.get("lang") or default_lang or "").strip().lower()
    if not lang:
        guessed = _guess_language(body)
        if guessed is None:
            return Problem(
                "unknown-language",
                "cannot tell the article's language; give --lang or a 'lang:' header",
                source,
            )
        lang = guessed
    if lang not in SUPPORTED_LANGUAGES:
        return Problem(
            "unknown-language",
            f"language {_shown(lang)} is not supported; "
            f"use one of {', '.join(SUPPORTED_LANGUAGES)}",
            where("lang") if not overrides.lang else source,
        )
    return lang


def _published(
    header: Mapping[str, str], overrides: ArticleOverrides, *, where: Callable[[str], str]
) -> dt.date | Problem | None:
    published = overrides.published
    if published is None and header.get("published"):
        try:
            published = _parse_date(header["published"])
        except ValueError:
            return Problem(
                "bad-header",
                f"published: {_shown(header['published'])} is not an ISO date (YYYY-MM-DD)",
                where("published"),
            )
    return published


def _article_url(
    header: Mapping[str, str],
    overrides: ArticleOverrides,
    *,
    source: str,
    where: Callable[[str], str],
) -> str | Problem | None:
    """The article's URL, normalised: the one given (`--url`) before the header's."""
    if overrides.url:
        url = _url(overrides.url, "url", source)
        if isinstance(url, Problem):
            return Problem(url.code, f"{url.message} (given with --url)", source)
        return url
    if header.get("url"):
        return _url(header["url"], "url", where("url"))
    return None


def _reason(exc: OSError | ValueError) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def _open(path: Path) -> BinaryIO | Problem:
    """Open a regular file without ever blocking: a pipe or a device is refused, not read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        return Problem("unreadable-file", "file not found", _name(path))
    except (OSError, ValueError) as exc:
        return Problem("unreadable-file", f"cannot read file: {_reason(exc)}", _name(path))
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        what = "is a folder" if stat.S_ISDIR(mode) else "is not a regular file (a pipe or device)"
        return Problem("unreadable-file", f"{what}, not an article file", _name(path))
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _read_text(path: Path, handle: BinaryIO, max_chars: int) -> str | Problem:
    limit = _UTF8_BYTES_PER_CHAR * max_chars + _SLACK_BYTES
    size = os.fstat(handle.fileno()).st_size
    data = b""
    if size <= limit:
        data = handle.read(size + 1)
        if len(data) > size:  # it grew since fstat, or reports no size (like /proc files)
            data += handle.read(limit + 1 - len(data))
    if size > limit or len(data) > limit:
        size = max(size, len(data))
        what = f"the file has {size:,} bytes, too many for one article"
        return _too_large(what, max_chars, _name(path))
    return _decoded(data, _name(path))


def _jsonl_fields(record: dict[str, object], source: str) -> dict[str, str] | Problem:
    """A record's values as header fields; known keys must be strings, nothing may be broken."""
    fields: dict[str, str] = {}
    for key, value in record.items():
        if _has_surrogate(key) or (isinstance(value, str) and _has_surrogate(value)):
            return Problem(
                "bad-jsonl",
                f"{_shown(key)} holds a lone surrogate (a broken \\u escape, not a character); "
                "fix whatever wrote the file",
                source,
            )
        name = key.lower()
        if name in _KNOWN_KEYS and value is not None and not isinstance(value, str):
            kind = {bool: "a boolean", int: "a number", float: "a number", list: "a list"}
            return Problem(
                "bad-jsonl",
                f"{_shown(name)} must be a string, not {kind.get(type(value), 'an object')} "
                f"({json.dumps(value)[:40]})",
                source,
            )
        if isinstance(value, str):
            fields[name] = value
        elif isinstance(value, (list, dict)):
            fields[name] = json.dumps(value)
        elif value is not None:
            fields[name] = str(value)
    return fields


def _jsonl_item(
    line: str,
    source: str,
    overrides: ArticleOverrides,
    default_lang: str | None,
    max_chars: int,
) -> Article | Problem:
    try:
        record = json.loads(line)
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            return Problem(
                "bad-jsonl", "each line must be a JSON object with a 'text' string", source
            )
        fields = _jsonl_fields(record, source)
    except json.JSONDecodeError as exc:
        return Problem("bad-jsonl", f"not a JSON object: {exc.msg}", source)
    except ValueError:  # the only other one json raises: Python's int-size guard
        return Problem(
            "bad-jsonl", "holds a number of more than 4,300 digits, too long to read", source
        )
    except RecursionError:
        return Problem("bad-jsonl", "the JSON is nested too deeply to read", source)
    if isinstance(fields, Problem):
        return fields
    return parse_article_text(
        record["text"],
        source=source,
        overrides=overrides,
        fields=fields,
        default_lang=default_lang,
        max_article_chars=max_chars,
    )


def _read_jsonl(
    path: Path,
    handle: BinaryIO,
    overrides: ArticleOverrides,
    default_lang: str | None,
    max_chars: int,
) -> Iterator[Article | Problem]:
    """One item per non-blank line, reading one bounded line at a time (batches can be big)."""
    limit = _JSON_BYTES_PER_CHAR * max_chars + _SLACK_BYTES
    number = 0
    while data := handle.readline(limit + 1):
        number += 1
        source = f"{_name(path)}:{number}"
        if len(data) > limit and not data.endswith(b"\n"):
            while (rest := handle.readline(_CHUNK_BYTES)) and not rest.endswith(b"\n"):
                pass
            what = f"the line has more than {limit:,} bytes, too many for one article"
            yield _too_large(what, max_chars, source)
            continue
        if number == 1:
            data = data.removeprefix(b"\xef\xbb\xbf")
        try:
            line = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Problem(
                "not-utf8",
                f"not UTF-8 text (bad byte at offset {exc.start} of the line); convert the file, "
                "e.g. with iconv",
                source,
            )
            continue
        if line.strip():
            yield _jsonl_item(line, source, overrides, default_lang, max_chars)


def _folder_files(path: Path) -> list[Path] | Problem:
    def readable_file(entry: Path) -> bool:
        try:
            return entry.is_file()
        except OSError:
            return True  # reading it will say what is wrong

    try:
        return sorted(
            p for p in path.iterdir() if p.suffix in (".txt", ".jsonl") and readable_file(p)
        )
    except OSError as exc:
        return Problem("unreadable-file", f"cannot list the folder: {_reason(exc)}", _name(path))


def read_articles(
    paths: Iterable[Path | str],
    *,
    overrides: ArticleOverrides = ArticleOverrides(),
    default_lang: str | None = None,
    max_article_chars: int = _DEFAULT_MAX_CHARS,
) -> Iterator[Article | Problem]:
    """Read every path (article files, `.jsonl` batches, or folders of them), lazily.

    `max_article_chars` is the longest article text accepted (the setting of that name); a
    longer article, or a file too big to hold one, is a `too-large` problem.
    """
    for entry in paths:
        path = Path(entry)
        try:
            is_folder = path.is_dir()
        except (OSError, ValueError) as exc:
            yield Problem("unreadable-file", f"cannot read: {_reason(exc)}", _name(path))
            continue
        if is_folder:
            files = _folder_files(path)
            if isinstance(files, Problem):
                yield files
                continue
            if not files:
                yield Problem(
                    "unreadable-file", "folder holds no .txt or .jsonl files", _name(path)
                )
            yield from read_articles(
                files,
                overrides=overrides,
                default_lang=default_lang,
                max_article_chars=max_article_chars,
            )
            continue
        handle = _open(path)
        if isinstance(handle, Problem):
            yield handle
            continue
        with handle:
            try:
                if path.suffix == ".jsonl":
                    yield from _read_jsonl(path, handle, overrides, default_lang, max_article_chars)
                    continue
                text = _read_text(path, handle, max_article_chars)
            except OSError as exc:  # the disk or the file system failed while reading
                yield Problem("unreadable-file", f"cannot read file: {_reason(exc)}", _name(path))
                continue
        if isinstance(text, Problem):
            yield text
        else:
            yield parse_article_text(
                text,
                source=_name(path),
                overrides=overrides,
                default_lang=default_lang,
                max_article_chars=max_article_chars,
            )


def read_stdin(
    stream: BinaryIO,
    *,
    overrides: ArticleOverrides = ArticleOverrides(),
    default_lang: str | None = None,
    max_article_chars: int = _DEFAULT_MAX_CHARS,
) -> Iterator[Article | Problem]:
    """Articles from standard input (`-`): JSON Lines when the first character is `{`, else
    one article in the header format or plain text.

    JSON Lines are read one bounded line at a time, as from a `.jsonl` file, so a long batch can
    be piped in; a single article is read up to the size `max_article_chars` allows.
    """
    name = Path(STDIN_SOURCE)
    if not callable(getattr(stream, "peek", None)):
        stream = io.BufferedReader(_RawReader(stream))
    try:
        head: bytes = stream.peek(_CHUNK_BYTES)  # type: ignore[attr-defined]
        if head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
            yield from _read_jsonl(name, stream, overrides, default_lang, max_article_chars)
            return
        text = _read_stream(stream, max_article_chars)
    except OSError as exc:
        yield Problem("unreadable-file", f"cannot read standard input: {_reason(exc)}",
                      STDIN_SOURCE)
        return
    if isinstance(text, Problem):
        yield text
        return
    yield parse_article_text(
        text,
        source=STDIN_SOURCE,
        overrides=overrides,
        default_lang=default_lang,
        max_article_chars=max_article_chars,
    )


class _RawReader(io.RawIOBase):
    """Any binary stream as a raw one, so that `io.BufferedReader` can give it a look-ahead."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_stream(stream: BinaryIO, max_chars: int) -> str | Problem:
    """All of a stream that has no size to ask for (a pipe), refusing more than one article."""
    limit = _UTF8_BYTES_PER_CHAR * max_chars + _SLACK_BYTES
    data = stream.read(limit + 1)
    if len(data) > limit:
        what = f"standard input has more than {limit:,} bytes, too many for one article"
        return _too_large(what, max_chars, STDIN_SOURCE)
    return _decoded(data, STDIN_SOURCE)


def read_texts(
    texts: Iterable[str],
    *,
    overrides: ArticleOverrides = ArticleOverrides(),
    default_lang: str | None = None,
    max_article_chars: int = _DEFAULT_MAX_CHARS,
) -> Iterator[Article | Problem]:
    """Articles from strings (header format or plain text), named ``<text 1>``, ``<text 2>``…"""
    for number, text in enumerate(texts, start=1):
        source = f"<text {number}>"
        if not isinstance(text, str):
            yield Problem(
                "unreadable-file", f"expected the article as a str, got {type(text).__name__}",
                source,
            )
            continue
        yield parse_article_text(
            text,
            source=source,
            overrides=overrides,
            default_lang=default_lang,
            max_article_chars=max_article_chars,
        )


def article_from_text(
    text: str,
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    source: str = "<text>",
    max_article_chars: int = _DEFAULT_MAX_CHARS,
) -> Article:
    """One `Article` from a string, for callers that build their own batches.

    Raises `InputError` (carrying the `Problem`) when the text cannot be an article: empty,
    too long, or of a language kgload cannot tell or does not read.

    >>> article_from_text("Lula met Macron in Paris.", lang="en").lang
    'en'
    """
    item = parse_article_text(
        text,
        source=source,
        overrides=ArticleOverrides(
            lang=lang, published=published, url=url, title=title, outlet=outlet
        ),
        max_article_chars=max_article_chars,
    )
    if isinstance(item, Problem):
        raise InputError(item)
    return item
