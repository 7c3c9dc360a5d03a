"""One frozen `Settings` object, built once and passed down.

Order of precedence: defaults → `kgload.toml` (current folder, or `--config PATH`) →
`KGLOAD_*` environment variables → command-line flags. Nothing else in kgload reads the
environment. `SETTINGS_TABLE` documents every setting; the CLI's help and the README use it.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kgload.errors import ConfigError
from kgload.urls import normalise_url
from kgload.vocab import KG_ID_NS

__all__ = ["DEFAULT_BASE", "SETTINGS_TABLE", "Setting", "Settings", "load_settings"]

DEFAULT_BASE = KG_ID_NS


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    env: str
    toml: str
    help: str


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob kgload has. Build it with `load_settings`, or directly in tests."""

    store: str = "oxigraph:./kg-data"
    base: str = DEFAULT_BASE
    lang: str | None = None
    spacy_model: str | None = None
    batch_size: int = 50
    store_user: str | None = None
    store_password: str | None = dataclasses.field(default=None, repr=False)
    store_auth: str = "digest"
    store_update_url: str | None = None
    store_gsp_url: str | None = None
    store_dialect: str = "auto"
    store_timeout: float = 30.0
    store_retries: int = 3
    store_load_requests: int = 3
    validate: bool = False
    wikidata_url: str = "https://query.wikidata.org/sparql"
    wikidata_api_url: str = "https://www.wikidata.org/w/api.php"
    user_agent: str = "kgload/0.1 (https://example.org/kgload; kgload@example.org)"
    fetch_timeout: float = 20.0
    fetch_interval: float = 1.0
    fetch_max_bytes: int = 5_000_000
    cache_dir: str = ".kgload-cache"
    kb_dir: str | None = None
    max_article_chars: int = 2_000_000
    article_timeout: float = 120.0
    workers: int = 0
    flush_every: int = 500

    def store_options(self) -> dict[str, Any]:
        """Keyword options for `open_store`, for the remote backend's auth and endpoints."""
        return {
            "user": self.store_user,
            "password": self.store_password,
            "auth": self.store_auth,
            "update_url": self.store_update_url,
            "gsp_url": self.store_gsp_url,
            "dialect": self.store_dialect,
            "timeout": self.store_timeout,
            "retries": self.store_retries,
            "load_requests": self.store_load_requests,
        }


SETTINGS_TABLE: tuple[Setting, ...] = (
    Setting(
        "store",
        "KGLOAD_STORE",
        "store.url",
        "where the graph lives: oxigraph:PATH, memory: or http(s)://host/sparql",
    ),
    Setting("base", "KGLOAD_BASE", "base", "IRI base for documents, events and local entities"),
    Setting(
        "lang", "KGLOAD_LANG", "lang", "language of articles without a lang header (pt, en, es)"
    ),
    Setting(
        "spacy_model",
        "KGLOAD_SPACY_MODEL",
        "nlp.spacy_model",
        "spaCy pipeline for tags, lemmas and the parse: empty = kgload's own (trained on UD, "
        "shipped), blank = none (names and links only, no events), or an installed pipeline's "
        "name or folder (used for articles of its language)",
    ),
    Setting("batch_size", "KGLOAD_BATCH_SIZE", "batch_size", "documents per store transaction"),
    Setting("store_user", "KGLOAD_STORE_USER", "store.user", "user name for a SPARQL server"),
    Setting(
        "store_password",
        "KGLOAD_STORE_PASSWORD",
        "store.password",
        "password for a SPARQL server (never on the command line)",
    ),
    Setting("store_auth", "KGLOAD_STORE_AUTH", "store.auth", "HTTP auth scheme: digest or basic"),
    Setting(
        "store_update_url",
        "KGLOAD_STORE_UPDATE_URL",
        "store.update_url",
        "SPARQL Update endpoint, when not derivable from the query URL",
    ),
    Setting(
        "store_gsp_url",
        "KGLOAD_STORE_GSP_URL",
        "store.gsp_url",
        "Graph Store Protocol endpoint, when the server has one",
    ),
    Setting(
        "store_dialect",
        "KGLOAD_STORE_DIALECT",
        "store.dialect",
        "server dialect: auto, virtuoso or generic",
    ),
    Setting(
        "store_timeout",
        "KGLOAD_STORE_TIMEOUT",
        "store.timeout",
        "seconds to wait for each read from the SPARQL server (and Wikidata); a request gives "
        "up after 4 times this in all",
    ),
    Setting(
        "store_retries", "KGLOAD_STORE_RETRIES", "store.retries", "retries on HTTP 5xx and timeouts"
    ),
    Setting(
        "store_load_requests",
        "KGLOAD_STORE_LOAD_REQUESTS",
        "store.load_requests",
        "requests in flight while `kgload load` sends a file to a SPARQL server",
    ),
    Setting(
        "validate",
        "KGLOAD_VALIDATE",
        "validate",
        "validate every document graph with SHACL before loading it",
    ),
    Setting(
        "wikidata_url",
        "KGLOAD_WIKIDATA_URL",
        "wikidata.sparql_url",
        "Wikidata query service endpoint (kb build)",
    ),
    Setting(
        "wikidata_api_url",
        "KGLOAD_WIKIDATA_API_URL",
        "wikidata.api_url",
        "Wikidata action API endpoint (kb build)",
    ),
    Setting(
        "user_agent",
        "KGLOAD_USER_AGENT",
        "wikidata.user_agent",
        "User-Agent sent to Wikidata and to news sites: name, version and a contact",
    ),
    Setting(
        "fetch_timeout",
        "KGLOAD_FETCH_TIMEOUT",
        "fetch.timeout",
        "seconds to wait for each read from a news site (ingest of URLs and feeds); a page "
        "gives up after 4 times this in all",
    ),
    Setting(
        "fetch_interval",
        "KGLOAD_FETCH_INTERVAL",
        "fetch.interval",
        "seconds between two requests to the same news site, at least",
    ),
    Setting(
        "fetch_max_bytes",
        "KGLOAD_FETCH_MAX_BYTES",
        "fetch.max_bytes",
        "largest page or feed kgload downloads (bytes); a larger one is a too-large problem",
    ),
    Setting("cache_dir", "KGLOAD_CACHE_DIR", "cache_dir", "folder for the Wikidata response cache"),
    Setting(
        "kb_dir",
        "KGLOAD_KB_DIR",
        "kb.dir",
        "folder of knowledge-base tables (from kgload kb build) to use instead of the shipped one",
    ),
    Setting(
        "max_article_chars",
        "KGLOAD_MAX_ARTICLE_CHARS",
        "max_article_chars",
        "longest article text kgload analyses (characters); a longer one is a too-large problem",
    ),
    Setting(
        "article_timeout",
        "KGLOAD_ARTICLE_TIMEOUT",
        "article_timeout",
        "seconds of analysis one article may take before it is an article-timeout problem",
    ),
    Setting(
        "workers",
        "KGLOAD_WORKERS",
        "workers",
        "processes extracting articles in `ingest`: 0 = every usable core, 1 = one process",
    ),
    Setting(
        "flush_every",
        "KGLOAD_FLUSH_EVERY",
        "store.flush_every",
        "documents between flushes of the embedded store to disk during an ingest (it is "
        "also flushed at the end of every command that writes)",
    ),
)

_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}

# Largest accepted value of each whole-number setting: beyond these a value is a typo, and a
# huge one would only surface later as a hang or an overflow deep inside a library.
_INT_RANGES: dict[str, tuple[int, int]] = {
    "batch_size": (1, 100_000),
    "store_retries": (0, 100),
    "store_load_requests": (1, 256),
    "max_article_chars": (1, 1_000_000_000),
    "workers": (0, 1024),
    "flush_every": (1, 100_000_000),
    "fetch_max_bytes": (1, 1_000_000_000),
}
# Seconds: finite and positive (a socket timeout of nan or inf fails inside the standard library).
_SECONDS = frozenset({"store_timeout", "article_timeout", "fetch_timeout", "fetch_interval"})
_CHOICES: dict[str, tuple[str, ...]] = {
    "store_auth": ("digest", "basic"),
    "store_dialect": ("auto", "virtuoso", "generic"),
    "lang": ("en", "es", "pt"),
}
_HTTP_URLS = frozenset({"wikidata_url", "wikidata_api_url", "store_update_url", "store_gsp_url"})
# An absolute IRI as SPARQL and N-Quads accept it: a scheme, then no spaces, controls or <>"{}|^`\.
_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|^`\\\x7f]+$')


def _check_text(name: str, text: str) -> str:
    """The complaint about a string setting, or '' when it is fine."""
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return "is not valid UTF-8 text"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in text):
        return "holds a control character (a line break, tab or NUL)"
    if name in _CHOICES and text not in _CHOICES[name]:
        return "must be one of " + ", ".join(_CHOICES[name])
    if name == "base":
        if not _IRI.match(text):
            return 'must be an absolute IRI without spaces or <>"{}|^`\\'
        if not text.endswith(("/", "#")):
            return "must end with / or #"
    if name in _HTTP_URLS:
        try:
            normalise_url(text)
        except ValueError as exc:  # the message completes "it …"
            return str(exc)
    if name == "user_agent" and not text.strip():
        return "must not be empty (Wikidata asks for a name and a contact)"
    return ""


def _coerce(name: str, value: object, where: str) -> object:
    """`value` as the type of setting `name`, checked; a one-line ConfigError otherwise."""
    default = getattr(Settings(), name)
    kind: type = type(default) if default is not None else str
    expected = kind.__name__
    try:
        if kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off"):
                return False
            raise ValueError(text)
        if kind is int:
            low, high = _INT_RANGES.get(name, (0, 1_000_000_000))
            expected = f"a whole number from {low} to {high}"
            text = str(value).strip()
            if isinstance(value, bool) or len(text) > 12:
                raise ValueError(text)
            number = int(text)
            if not low <= number <= high:
                raise ValueError(value)
            return number
        if kind is float:
            expected = "a finite number of seconds above 0"
            if isinstance(value, bool) or len(str(value)) > 32:
                raise ValueError(value)
            seconds = float(str(value))
            if name in _SECONDS and not (math.isfinite(seconds) and seconds > 0):
                raise ValueError(value)
            return seconds
    except ValueError as exc:
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        raise ConfigError(f"{where}: bad value {shown} for {name} (expected {expected})") from exc
    text = str(value)
    if name == "lang":
        text = text.strip().lower()
    complaint = _check_text(name, text)
    if complaint:
        shown = ascii(text) if len(text) <= 60 else ascii(text[:57]) + "..."
        raise ConfigError(f"{where}: bad value {shown} for {name}: it {complaint}")
    return text


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in table.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, path + "."))
        else:
            flat[path] = value
    return flat


def load_settings(
    *,
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, object] | None = None,
) -> Settings:
    """Merge defaults, the TOML file, `KGLOAD_*` variables and explicit overrides.

    `environ` defaults to `os.environ`, read once here. Unknown TOML keys and unknown
    `KGLOAD_*` variables are errors, so a typo never passes silently.
    """
    values: dict[str, object] = {}
    by_toml = {s.toml: s for s in SETTINGS_TABLE}
    by_env = {s.env: s for s in SETTINGS_TABLE}

    path = config_file if config_file is not None else Path("kgload.toml")
    if config_file is not None and not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    if path.is_file():
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config: {exc}") from exc
        for key, value in _flatten(table).items():
            setting = by_toml.get(key)
            if setting is None:
                known = ", ".join(sorted(by_toml))
                raise ConfigError(f"{path}: unknown setting {key!r}; known: {known}")
            values[setting.name] = _coerce(setting.name, value, str(path))

    env = os.environ if environ is None else environ
    for key, value in env.items():
        if not key.startswith("KGLOAD_"):
            continue
        setting = by_env.get(key)
        if setting is None:
            raise ConfigError(f"unknown environment variable {key}; known: {', '.join(by_env)}")
        values[setting.name] = _coerce(setting.name, value, key)

    for name, value in (overrides or {}).items():
        if value is None:
            continue
        if name not in _FIELDS:
            raise ConfigError(f"unknown setting {name!r}")
        values[name] = _coerce(name, value, f"--{name.replace('_', '-')}")
    return Settings(**values)  # type: ignore[arg-type]
