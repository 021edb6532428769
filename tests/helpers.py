"""Running the real `gealc` command, as a user would, from tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gealc.config import Settings
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
