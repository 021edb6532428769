"""The settings: read from the environment once, a command's options first, every unusable value
refused with the variable's name and the fix; the domain itself never reads the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from gealc.config import (
    DEFAULT_DATABASE,
    ENV_CATALOGUE,
    ENV_DATABASE,
    ENV_SECRET,
    ENV_SECURE_COOKIES,
    ENV_STATIC_CHARTS,
    ENV_UPLOADS,
    ConfigError,
    InsecureSecret,
    Settings,
)
from indicators.catalogue import DEFAULT_PATH, load_catalogue
from tests.helpers import gealc

EDITION = 'edition: "2026.1"'


def edited_catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "catalogue.yaml"
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    assert EDITION in text
    path.write_text(text.replace(EDITION, 'edition: "2099.9"'), encoding="utf-8")
    return path


def test_catalogue_path_follows_environment(tmp_path):
    path = edited_catalogue(tmp_path)
    settings = Settings.from_environ({ENV_CATALOGUE: str(path)})
    assert load_catalogue(settings.catalogue).edition == "2099.9"


def test_the_domain_reads_no_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_CATALOGUE, str(edited_catalogue(tmp_path)))
    assert load_catalogue().edition == "2026.1"


def test_a_commands_options_come_before_the_environment(tmp_path):
    path = edited_catalogue(tmp_path)
    environ = {ENV_DATABASE: "duckdb:///from-env.duckdb", ENV_CATALOGUE: str(DEFAULT_PATH)}
    settings = Settings.from_environ(environ, database_url="duckdb:///given.duckdb", catalogue=path)
    assert (settings.database_url, settings.catalogue) == ("duckdb:///given.duckdb", path)
    assert Settings.from_environ(environ).database_url == "duckdb:///from-env.duckdb"
    assert Settings.from_environ({}).database_url == DEFAULT_DATABASE


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        (ENV_DATABASE, "not a url", "is not a database URL"),
        (ENV_CATALOGUE, "/nowhere/catalogue.yaml", "which is not a file"),
        (ENV_SECURE_COOKIES, "yes", "must be 1"),
        (ENV_STATIC_CHARTS, "off", "must be 1"),
        (ENV_SECRET, "short", "at least 32"),
    ],
)
def test_unusable_settings_name_the_variable_and_the_fix(variable, value, says):
    with pytest.raises(ConfigError, match=variable) as refused:
        Settings.from_environ({variable: value})
    assert says in str(refused.value)


def test_an_upload_folder_that_is_a_file_is_refused(tmp_path):
    taken = tmp_path / "uploads"
    taken.write_text("not a folder", encoding="utf-8")
    with pytest.raises(ConfigError, match=ENV_UPLOADS):
        Settings.from_environ({ENV_UPLOADS: str(taken)})
    assert (
        Settings.from_environ({ENV_UPLOADS: str(tmp_path / "new")}).upload_dir
        == (tmp_path / "new").resolve()
    )


def test_cookies_are_secure_outside_development_unless_told():
    assert Settings.from_environ({}).cookies_secure(development=False) is True
    assert Settings.from_environ({}).cookies_secure(development=True) is False
    assert Settings.from_environ({ENV_SECURE_COOKIES: "1"}).cookies_secure(development=True) is True
    assert (
        Settings.from_environ({ENV_SECURE_COOKIES: "0"}).cookies_secure(development=False) is False
    )


def test_the_server_draws_the_first_views_charts_unless_told_not_to():
    assert Settings.from_environ({}).static_charts is True
    assert Settings.from_environ({ENV_STATIC_CHARTS: "1"}).static_charts is True
    assert Settings.from_environ({ENV_STATIC_CHARTS: "0"}).static_charts is False


def test_a_weak_secret_is_refused_before_anything_runs():
    with pytest.raises(InsecureSecret):
        Settings.from_environ({ENV_SECRET: "x" * 31})


def test_the_command_stops_with_usage_exit_on_an_unusable_setting(tmp_path):
    done = gealc("validate", str(tmp_path / "x.csv"), env={ENV_SECURE_COOKIES: "maybe"})
    assert (
        done.returncode == 2
        and ENV_SECURE_COOKIES in done.stderr
        and "Traceback" not in done.stderr
    )
    done = gealc("--catalogue", str(tmp_path / "missing.yaml"), "validate", str(tmp_path / "x.csv"))
    assert done.returncode == 2 and "--catalogue" in done.stderr and "not a file" in done.stderr
