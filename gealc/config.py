"""The settings of a gealc process: read from the environment once, at the edge, checked with
errors that say which variable is wrong and how to fix it, then passed down. Nothing else in the
project reads the environment (child processes are given theirs explicitly)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from etl.paths import PROJECT_ROOT
from indicators.catalogue import DEFAULT_PATH as SHIPPED_CATALOGUE

ENV_DATABASE = "GEALC_DATABASE_URL"
ENV_CATALOGUE = "GEALC_CATALOGUE"
ENV_SECRET = "GEALC_SECRET_KEY"
ENV_SECURE_COOKIES = "GEALC_COOKIE_SECURE"
ENV_UPLOADS = "GEALC_UPLOAD_DIR"
ENV_BROWSER = "BROWSER_PATH"
ENV_PROXIES = "GEALC_TRUSTED_PROXIES"
ENV_STATIC_CHARTS = "GEALC_STATIC_CHARTS"

DEFAULT_DATABASE = f"duckdb:///{PROJECT_ROOT / 'data' / 'warehouse' / 'gealc.duckdb'}"
DEFAULT_UPLOADS = PROJECT_ROOT / "data" / "uploads"
MIN_SECRET = 32
MAKE_SECRET = "python3 -c 'import secrets; print(secrets.token_hex(32))'"


class ConfigError(ValueError):
    """A setting that cannot be used; the message names the variable and the fix."""


class InsecureSecret(ConfigError):
    """No usable GEALC_SECRET_KEY where one is required; the site does not start."""


@dataclass(frozen=True)
class Settings:
    """Everything a gealc process is told by its environment (and the command's own options)."""

    database_url: str = DEFAULT_DATABASE
    catalogue: Path = SHIPPED_CATALOGUE
    upload_dir: Path = DEFAULT_UPLOADS
    secret_key: str | None = None  # signs portal sessions; None: not set
    secure_cookies: bool | None = None  # None: Secure everywhere but development
    browser_path: str | None = None  # the Chromium that draws report charts; None: the PATH's
    trusted_proxies: int = 0  # reverse proxies in front whose X-Forwarded-For is believed
    static_charts: bool = True  # the pages' first views carry their charts drawn as SVG

    @classmethod
    def from_environ(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        database_url: str | None = None,
        catalogue: Path | None = None,
    ) -> Settings:
        """The settings from `environ` (default: this process's), with a command's own
        `--db` and `--catalogue` taking precedence; ConfigError when one is unusable."""
        env = os.environ if environ is None else environ
        return cls(
            database_url=_database_url(database_url or env.get(ENV_DATABASE) or DEFAULT_DATABASE),
            catalogue=_catalogue(catalogue or env.get(ENV_CATALOGUE)),
            upload_dir=_folder(env.get(ENV_UPLOADS), ENV_UPLOADS),
            secret_key=_secret(env.get(ENV_SECRET)),
            secure_cookies=_flag(env.get(ENV_SECURE_COOKIES), ENV_SECURE_COOKIES),
            browser_path=env.get(ENV_BROWSER) or None,
            trusted_proxies=_count(env.get(ENV_PROXIES), ENV_PROXIES),
            static_charts=_flag(env.get(ENV_STATIC_CHARTS), ENV_STATIC_CHARTS) is not False,
        )

    def session_secret(self, development: bool) -> tuple[str, str | None]:
        """The key that signs sessions, and a warning to print. Development (this machine only)
        gets a fresh random key when none is set; anywhere else a key is required."""
        if self.secret_key:
            return self.secret_key, None
        if not development:
            raise InsecureSecret(
                f"the portal needs {ENV_SECRET} (a long random value, the same on every server) "
                f"outside development; make one with {MAKE_SECRET}"
            )
        warning = (
            f"warning: {ENV_SECRET} is not set; portal sessions are signed with a key made "
            "for this run (development only) and end when the server stops"
        )
        return secrets.token_hex(32), warning

    def cookies_secure(self, development: bool) -> bool:
        """Whether session cookies are marked Secure: as set, else everywhere but development."""
        return (not development) if self.secure_cookies is None else self.secure_cookies


def _database_url(url: str) -> str:
    try:
        make_url(url)
    except ArgumentError:
        raise ConfigError(
            f"{ENV_DATABASE} (or --db) {url!r} is not a database URL; use e.g. "
            "duckdb:///path/to/gealc.duckdb or postgresql://user@host/db"
        ) from None
    return url


def _catalogue(value: str | os.PathLike | None) -> Path:
    if not value:
        return SHIPPED_CATALOGUE
    path = Path(value)
    if not path.is_file():
        raise ConfigError(
            f"{ENV_CATALOGUE} (or --catalogue) names {path}, which is not a file; give the path "
            "of a catalogue YAML file, or unset it to use indicators/catalogue.yaml"
        )
    return path


def _folder(value: str | None, name: str) -> Path:
    if not value:
        return DEFAULT_UPLOADS.resolve()
    path = Path(value).resolve()
    if path.exists() and not path.is_dir():
        raise ConfigError(
            f"{name} names {path}, which is a file; give a folder (it is made if missing)"
        )
    return path


def _secret(value: str | None) -> str | None:
    if not value:
        return None
    if len(value) < MIN_SECRET:
        raise InsecureSecret(
            f"{ENV_SECRET} must have at least {MIN_SECRET} characters; make one with {MAKE_SECRET}"
        )
    return value


def _flag(value: str | None, name: str) -> bool | None:
    if value is None or value == "":
        return None
    if value not in ("0", "1"):
        raise ConfigError(f"{name} must be 1 (mark cookies Secure) or 0 (do not), not {value!r}")
    return value == "1"


def _count(value: str | None, name: str) -> int:
    if not value:
        return 0
    if not value.isdigit() or int(value) > 10:
        raise ConfigError(
            f"{name} must be the number of reverse proxies in front of gealc (0–10), not {value!r}"
        )
    return int(value)
