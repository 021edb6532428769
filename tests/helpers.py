"""Running the real `gealc` command, as a user would, from tests; and finding text left in another
language on a page."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

from gealc.config import Settings
from locales import TRANSLATED
from locales.catalogues import read_catalogue, translations_of
from warehouse.db import connect

ROOT = Path(__file__).resolve().parent.parent


def gealc(
    *args: str, db: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run `gealc [--db URL] ARGS…`; returns the finished process with text output."""
    cmd = [sys.executable, "-m", "gealc.cli", *(["--db", db] if db else []), *args]
    return subprocess.run(
        cmd,
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=600,
    )


def secret_key(environ: dict[str, str], development: bool) -> tuple[str, str | None]:
    """The session key and warning a site started with `environ` gets."""
    return Settings.from_environ(environ).session_secret(development)


def ok(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, result.stderr


def query(url: str, sql: str) -> list[tuple]:
    """Rows of `sql` on the warehouse at `url`, as tuples, read as the app reads it: read-only, so
    that a DuckDB file a running server holds open can still be read."""
    engine = connect(url, read_only=True)
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.exec_driver_sql(sql)]
    engine.dispose()
    return rows


@functools.cache
def _catalogue_texts() -> dict[str, set[str]]:
    """Every catalogue text by language: the Spanish msgids and each language's translations."""
    texts = {lang: set(translations_of(lang)) for lang in TRANSLATED}
    spanish = (m.id for m in read_catalogue(TRANSLATED[0]) if m.id)
    texts["es"] = {i for ids in spanish for i in (ids if isinstance(ids, tuple) else (ids,))}
    return texts


def foreign_texts(shown: str, lang: str, shortest: int = 12) -> list[str]:
    """The catalogue texts of other languages that `shown` (a page's text) contains verbatim: a
    fragment left untranslated. Only whole texts without placeholders, at least `shortest`
    characters long and not also a text of `lang` (names like "EGDI" are the same everywhere)."""
    return sorted(text for text in _foreign(lang, shortest) if text in shown)


@functools.cache
def _foreign(lang: str, shortest: int) -> frozenset[str]:
    texts = _catalogue_texts()
    own = texts[lang]
    return frozenset(
        text
        for other, pieces in texts.items()
        if other != lang
        for text in pieces
        if len(text) >= shortest and "{" not in text and not any(text in mine for mine in own)
    )
