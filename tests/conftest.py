"""Shared fixtures: real warehouses (a DuckDB file and a PostgreSQL server started on loopback),
the shared UN files, and a rule: under CI=true a missing Chromium or PostgreSQL fails, never
skips."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
SHARED_UN = ROOT.parent / "shared" / "data" / "un-egov"
SHARED_GTMI = ROOT.parent / "shared" / "data" / "gtmi"
IN_CI = os.environ.get("CI", "").lower() == "true"


def missing(what: str) -> None:
    """Skip locally, fail in CI: a suite that silently skips its real components proves nothing."""
    message = f"{what} is not available (make test installs it on Debian as root)"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def un_files() -> list[Path]:
    """The real UN Data Center exports, one per survey, from ../shared."""
    return sorted(SHARED_UN.glob("EGOV_DATA_20*.csv"))


@pytest.fixture(scope="session")
def shared_un_files() -> list[Path]:
    files = un_files()
    if len(files) < 12:
        pytest.skip("../shared/data/un-egov is not beside this checkout")
    return files


# --- PostgreSQL: a throwaway server in a temporary folder, on a free loopback port ----------


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _as_server_user(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its programs as the `postgres` system user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _run_server_tool(cmd: list[str]) -> None:
    done = subprocess.run(_as_server_user(cmd), check=False, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A running PostgreSQL server; yields the URL of its maintenance database."""
    bindir = _pg_bin()
    if bindir is None:
        missing("PostgreSQL (initdb, pg_ctl)")
    # Not under pytest's own temp folder: the `postgres` user must be able to reach it.
    base = Path(tempfile.mkdtemp(prefix="gealc-pg-"))
    data = base / "data"
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    port = free_port()
    _run_server_tool(
        [
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "gealc",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
        ]
    )
    options = (
        f"-c listen_addresses=127.0.0.1 -p {port} -k {base} -c fsync=off -c full_page_writes=off"
    )
    _run_server_tool(
        [
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-w",
            "-l",
            str(base / "log"),
            "start",
        ]
    )
    try:
        yield f"postgresql+psycopg://gealc@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


def _fresh_pg_database(server_url: str) -> str:
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    admin.dispose()
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def empty_warehouse(request: pytest.FixtureRequest, folder: Path) -> str:
    """A new, empty warehouse on the backend `request.param` names (a DuckDB file in `folder`)."""
    if request.param == "duckdb":
        return f"duckdb:///{folder / 'warehouse.duckdb'}"
    return _fresh_pg_database(request.getfixturevalue("pg_server"))


@pytest.fixture(params=["duckdb", "postgresql"])
def warehouse_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty warehouse on each backend: every integration test runs on both."""
    return empty_warehouse(request, tmp_path)


def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every table's rows, sorted: to prove that a failed command changed nothing."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    out: dict[str, list[tuple]] = {}
    with engine.connect() as conn:
        for table in sa.inspect(conn).get_table_names():
            rows = conn.exec_driver_sql(f'SELECT * FROM "{table}"').fetchall()
            out[table] = sorted(tuple(map(repr, r)) for r in rows)
    engine.dispose()
    return out
