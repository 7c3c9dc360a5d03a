"""Article readers: the header format of DESIGN.md, plain text, and JSON Lines.

A reader never raises on a bad item: it yields a `Problem` naming the file (and line) so the
other files still load. Metadata given by the caller (command line) overrides the header.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from kgload.model import Article, Problem

__all__ = [
    "SUPPORTED_LANGUAGES",
    "ArticleOverrides",
    "article_id",
    "parse_article_text",
    "read_articles",
]

SUPPORTED_LANGUAGES = ("en", "es", "pt")
_KNOWN_KEYS = ("url", "title", "published", "lang", "outlet")
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\s*:\s*(.*)$")


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


def _split_header(raw: str) -> tuple[dict[str, str], str, int]:
    """Header lines up to a `---` line; returns (header, body, body's first line number)."""
    lines = raw.split("\n")
    header: dict[str, str] = {}
    for number, line in enumerate(lines):
        if line.strip() == "---":
            return header, "\n".join(lines[number + 1 :]), number + 2
        match = _HEADER_LINE.match(line)
        if not match or number > 40:
            break
        header[match.group(1).lower()] = match.group(2).strip()
    return {}, raw, 1


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


def parse_article_text(
    raw: str,
    *,
    source: str,
    overrides: ArticleOverrides = ArticleOverrides(),
    fields: Mapping[str, str] | None = None,
    default_lang: str | None = None,
) -> Article | Problem:
    """Turn the text of one article (header + body, or a JSONL record's fields) into an Article."""
    if fields is None:
        header, body, _ = _split_header(raw)
    else:
        header, body = dict(fields), raw
    body = unicodedata.normalize("NFC", body.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not body:
        return Problem("empty-article", "the article has no text; nothing to load", source)

    meta = {k: v for k, v in header.items() if k not in _KNOWN_KEYS and k != "text"}
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
            f"language {lang!r} is not supported; use one of {', '.join(SUPPORTED_LANGUAGES)}",
            source,
        )

    published = overrides.published
    if published is None and header.get("published"):
        try:
            published = _parse_date(header["published"])
        except ValueError:
            return Problem(
                "bad-header",
                f"published: {header['published']!r} is not an ISO date (YYYY-MM-DD)",
                source,
            )
    url = overrides.url or header.get("url") or None
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


def _read_text(path: Path) -> str | Problem:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Problem("unreadable-file", "file not found", str(path))
    except IsADirectoryError:
        return Problem("unreadable-file", "is a folder, not an article file", str(path))
    except OSError as exc:
        return Problem("unreadable-file", f"cannot read file: {exc.strerror or exc}", str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(
            "not-utf8",
            f"not UTF-8 text (bad byte at offset {exc.start}); convert it, e.g. with iconv",
            str(path),
        )


def _read_jsonl(
    path: Path, text: str, overrides: ArticleOverrides, default_lang: str | None
) -> Iterator[Article | Problem]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem("bad-jsonl", f"not a JSON object: {exc.msg}", source)
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Problem(
                "bad-jsonl", "each line must be a JSON object with a 'text' string", source
            )
            continue
        fields = {str(k).lower(): str(v) for k, v in record.items() if v is not None}
        yield parse_article_text(
            record["text"],
            source=source,
            overrides=overrides,
            fields=fields,
            default_lang=default_lang,
        )


def read_articles(
    paths: Iterable[Path | str],
    *,
    overrides: ArticleOverrides = ArticleOverrides(),
    default_lang: str | None = None,
) -> Iterator[Article | Problem]:
    """Read every path (article files, `.jsonl` batches, or folders of them), lazily."""
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            files = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix in (".txt", ".jsonl")
            )
            if not files:
                yield Problem("unreadable-file", "folder holds no .txt or .jsonl files", str(path))
            yield from read_articles(files, overrides=overrides, default_lang=default_lang)
            continue
        text = _read_text(path)
        if isinstance(text, Problem):
            yield text
        elif path.suffix == ".jsonl":
            yield from _read_jsonl(path, text, overrides, default_lang)
        else:
            yield parse_article_text(
                text, source=str(path), overrides=overrides, default_lang=default_lang
            )
