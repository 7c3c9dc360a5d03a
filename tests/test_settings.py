"""Settings are checked at the door: a bad value is one ConfigError naming where it came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgload.cli.main import main
from kgload.config import SETTINGS_TABLE, Settings, load_settings
from kgload.errors import ConfigError


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("KGLOAD_STORE_TIMEOUT", "nan", "store_timeout"),
        ("KGLOAD_STORE_TIMEOUT", "inf", "store_timeout"),
        ("KGLOAD_STORE_TIMEOUT", "-1", "store_timeout"),
        ("KGLOAD_STORE_TIMEOUT", "0", "store_timeout"),
        ("KGLOAD_STORE_TIMEOUT", "1e400", "store_timeout"),
        ("KGLOAD_ARTICLE_TIMEOUT", "nan", "article_timeout"),
        ("KGLOAD_ARTICLE_TIMEOUT", "0", "article_timeout"),
        ("KGLOAD_MAX_ARTICLE_CHARS", "0", "max_article_chars"),
        ("KGLOAD_MAX_ARTICLE_CHARS", "9" * 5000, "max_article_chars"),
        ("KGLOAD_BATCH_SIZE", "10000000000000", "batch_size"),
        ("KGLOAD_STORE_RETRIES", "1000000", "store_retries"),
        ("KGLOAD_BASE", "https://example.org/a b/", "base"),
        ("KGLOAD_BASE", "https://example.org/a>b/", "base"),
        ("KGLOAD_BASE", "no-scheme/", "base"),
        ("KGLOAD_BASE", "https://example.org/x", "base"),
        ("KGLOAD_WIKIDATA_URL", "ftp://example.org/sparql", "wikidata_url"),
        ("KGLOAD_WIKIDATA_API_URL", "not a url", "wikidata_api_url"),
        ("KGLOAD_STORE_UPDATE_URL", "http://[::1", "store_update_url"),
        ("KGLOAD_USER_AGENT", "kgload\r\nX-Injected: 1", "user_agent"),
        ("KGLOAD_USER_AGENT", "", "user_agent"),
        ("KGLOAD_STORE_AUTH", "kerberos", "store_auth"),
        ("KGLOAD_STORE_DIALECT", "oracle", "store_dialect"),
        ("KGLOAD_LANG", "fr", "lang"),
        ("KGLOAD_VALIDATE", "maybe", "validate"),
        ("KGLOAD_CACHE_DIR", "a\x00b", "cache_dir"),
        ("KGLOAD_STORE_USER", "user\udcff", "store_user"),
    ],
)
def test_bad_setting_is_one_config_error(variable: str, value: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(environ={variable: value}, config_file=None)
    message = str(caught.value)
    assert expected in message
    assert variable in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("variable", "value", "attribute", "expected"),
    [
        ("KGLOAD_STORE_TIMEOUT", "2.5", "store_timeout", 2.5),
        ("KGLOAD_ARTICLE_TIMEOUT", "30", "article_timeout", 30.0),
        ("KGLOAD_MAX_ARTICLE_CHARS", "100000", "max_article_chars", 100_000),
        ("KGLOAD_BASE", "https://example.org/kg#", "base", "https://example.org/kg#"),
        ("KGLOAD_LANG", "PT", "lang", "pt"),
        ("KGLOAD_STORE_UPDATE_URL", "http://[::1]:8890/sparql-auth", "store_update_url",
         "http://[::1]:8890/sparql-auth"),
    ],
)
def test_good_setting_is_kept(variable: str, value: str, attribute: str, expected: object) -> None:
    assert getattr(load_settings(environ={variable: value}), attribute) == expected


def test_defaults_pass_their_own_checks() -> None:
    defaults = Settings()
    settings = load_settings(environ={})
    for setting in SETTINGS_TABLE:
        assert getattr(settings, setting.name) == getattr(defaults, setting.name)


def test_toml_value_of_the_wrong_type_names_the_file(tmp_path: Path) -> None:
    config = tmp_path / "kgload.toml"
    config.write_text('[store]\ntimeout = "soon"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"kgload\.toml.*store_timeout"):
        load_settings(config_file=config, environ={})
    config.write_text("[store]\ntimeout = nan\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="store_timeout"):
        load_settings(config_file=config, environ={})


@pytest.mark.parametrize(
    "env",
    [
        {"KGLOAD_STORE_TIMEOUT": "nan"},
        {"KGLOAD_STORE_TIMEOUT": "inf"},
        {"KGLOAD_BASE": "https://example.org/a b/"},
    ],
)
def test_cli_reports_a_bad_setting_in_one_line(
    env: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert main(["stats", "--store", "memory:"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kgload: error: ")
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
