"""What `ingest` reads, whatever its kind: files, folders, URLs, feeds, stdin, strings, Articles.

One place decides what an input is, in this order: an `Article` is used as it is; ``-`` is
standard input; a string starting with ``http://`` or ``https://`` is a web page or feed
(`kgload.fetch`); anything else is a path (`kgload.sources`). Article *texts* come separately,
so a mistyped path can never be taken for an article. Items come out in the order given, lazily,
so a feed is fetched while the articles before it are analysed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from kgload.config import Settings
from kgload.errors import UsageError
from kgload.model import Article, Problem
from kgload.sources import (
    STDIN,
    STDIN_SOURCE,
    ArticleOverrides,
    read_articles,
    read_stdin,
    read_texts,
)

__all__ = ["IngestSource", "count_inputs", "read_inputs"]

IngestSource = str | Path | Article


def _is_stdin(source: IngestSource) -> bool:
    return isinstance(source, str) and source == STDIN


def _is_url(source: IngestSource) -> bool:
    from kgload.fetch import is_url

    return is_url(source)


def count_inputs(sources: Sequence[IngestSource], texts: Sequence[str]) -> int | None:
    """How many articles there will be, when that is known before reading (for a progress bar)."""
    for source in sources:
        if isinstance(source, Article):
            continue
        if _is_stdin(source) or _is_url(source):
            return None
        path = Path(source)
        if path.suffix == ".jsonl" or path.is_dir():
            return None
    return len(sources) + len(texts)


def read_inputs(
    sources: Sequence[IngestSource],
    *,
    texts: Sequence[str] = (),
    overrides: ArticleOverrides | None = None,
    settings: Settings | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Problem]:
    """Every input's articles (or problems), in order.

    Checked before anything is read: standard input may be named once, and URLs need the
    optional extra ``web`` (a one-line `UsageError` says how to install it).
    """
    settings = settings or Settings()
    overrides = overrides or ArticleOverrides()
    for source in sources:
        if not isinstance(source, str | Path | Article):
            raise UsageError(
                f"cannot ingest a {type(source).__name__}: give paths, URLs, '-' or Articles "
                "(article texts go in text=)"
            )
    if sum(_is_stdin(s) for s in sources) > 1:
        raise UsageError("'-' (standard input) can be given only once")
    if any(_is_url(s) for s in sources):
        from kgload.fetch import require_web

        require_web()
    return _read(sources, texts, overrides, settings, stdin)


def _read(
    sources: Sequence[IngestSource],
    texts: Sequence[str],
    overrides: ArticleOverrides,
    settings: Settings,
    stdin: BinaryIO | None,
) -> Iterator[Article | Problem]:
    lang, chars = settings.lang, settings.max_article_chars
    fetcher = None
    try:
        for source in sources:
            if isinstance(source, Article):
                yield source
            elif _is_stdin(source):
                stream = stdin if stdin is not None else sys.stdin.buffer
                if stream.isatty():
                    yield Problem(
                        "unreadable-file",
                        "standard input is a terminal: pipe an article or JSON Lines into it",
                        STDIN_SOURCE,
                    )
                    continue
                yield from read_stdin(
                    stream, overrides=overrides, default_lang=lang, max_article_chars=chars
                )
            elif _is_url(source):
                from kgload.fetch import Fetcher, FetchOptions, read_urls

                # One fetcher for every URL, so the per-host interval and robots.txt hold
                # across all of them.
                if fetcher is None:
                    fetcher = Fetcher(FetchOptions.from_settings(settings))
                yield from read_urls(
                    [str(source).strip()],
                    fetcher=fetcher,
                    overrides=overrides,
                    default_lang=lang,
                    max_article_chars=chars,
                )
            else:
                yield from read_articles(
                    [source], overrides=overrides, default_lang=lang, max_article_chars=chars
                )
        yield from read_texts(
            texts, overrides=overrides, default_lang=lang, max_article_chars=chars
        )
    finally:
        if fetcher is not None:
            fetcher.close()
