"""Connecting to the warehouse: a DuckDB file by default, PostgreSQL when several app
servers share one database. Everything else talks to it through SQLAlchemy Core."""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pandas as pd
from sqlalchemy import Table, create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DUCKDB = PROJECT_ROOT / "data" / "warehouse" / "gealc.duckdb"
ENV_URL = "GEALC_DATABASE_URL"
T = TypeVar("T")


def database_url(url: str | None = None) -> str:
    """The URL in use: the one given, else `GEALC_DATABASE_URL`, else the default DuckDB file."""
    return url or os.environ.get(ENV_URL) or f"duckdb:///{DEFAULT_DUCKDB}"


def normalise_url(url: str) -> str:
    """Accept plain `postgresql://` URLs and pick the psycopg 3 driver for them."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def is_duckdb(url: str) -> bool:
    return make_url(url).get_backend_name() == "duckdb"


def duckdb_path(url: str) -> Path | None:
    """The file behind a DuckDB URL (None for an in-memory database or another backend)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "duckdb" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def connect(url: str | None = None, read_only: bool = False) -> Engine:
    """An engine for the warehouse. DuckDB allows one writing process per file, so no pool
    keeps a file open between jobs; read-only engines let many readers share the file."""
    url = normalise_url(database_url(url))
    if is_duckdb(url):
        path = duckdb_path(url)
        if path is not None and not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        args = {"read_only": True} if read_only else {}
        engine = create_engine(url, poolclass=NullPool, connect_args=args)
        if path is not None:
            _gate_connections(engine, _GATES.setdefault(path.resolve(), _FileGate()), "r" if read_only else "w")
        return engine
    return create_engine(url, pool_pre_ping=True)


class _FileGate:
    """One process may hold a DuckDB file open in one mode at a time (read-only or read-write),
    and DuckDB's cache of open files does not like two threads opening one at once: connections
    to a file open and close one at a time here, and a thread asking for the other mode waits until
    the first mode's connections have closed. (The web server reads releases and, for the portal,
    writes submissions in one process.)"""

    def __init__(self) -> None:
        self._free = threading.Condition()
        self._mode: str | None = None
        self._open = 0

    def open(self, mode: str, connect: Callable[[], T]) -> T:
        with self._free:
            self._free.wait_for(lambda: self._open == 0 or self._mode == mode)
            connection = connect()
            self._mode, self._open = mode, self._open + 1
            return connection

    def close(self, close: Callable[[], None]) -> None:
        with self._free:
            try:
                close()
            finally:
                self._open -= 1
                if self._open == 0:
                    self._mode = None
                    self._free.notify_all()


_GATES: dict[Path, _FileGate] = {}


def _gate_connections(engine: Engine, gate: _FileGate, mode: str) -> None:
    @event.listens_for(engine, "do_connect")
    def _open(dialect, record, cargs, cparams):
        dbapi = gate.open(mode, lambda: dialect.connect(*cargs, **cparams))
        record.info["gated"] = True
        return dbapi

    @event.listens_for(engine.pool, "close")
    def _close(dbapi, record):
        if record.info.pop("gated", False):
            gate.close(dbapi.close)  # SQLAlchemy closes it again after this event: harmless


class WarehouseBusy(Exception):
    """Another process holds the DuckDB warehouse for writing; nothing was done."""


def open_for_writing(engine: Engine, wait_seconds: float = 60.0) -> Connection:
    """A connection for a writing job. DuckDB lets one process write a file at a time: a second
    job waits up to `wait_seconds` for the first to finish, then gives up with WarehouseBusy."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return engine.connect()
        except OperationalError as exc:
            if "lock" not in str(exc.orig).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"the warehouse {engine.url.database} is in use by another gealc job "
                    f"(waited {wait_seconds:g} s); nothing was done: run the command again when it ends"
                ) from exc
            time.sleep(0.2)


def insert_frame(conn: Connection, table: Table, frame: pd.DataFrame) -> int:
    """Insert a DataFrame into `table` within the caller's transaction; returns rows written.

    DuckDB takes the frame whole (register + INSERT … SELECT), orders of magnitude faster
    than row-by-row inserts; other backends get one executemany."""
    if frame.empty:
        return 0
    columns = [c.name for c in table.columns if c.name in frame.columns]
    frame = frame[columns]
    if conn.dialect.name == "duckdb":
        raw = conn.connection.driver_connection
        view = f"_gealc_insert_{table.name}"
        raw.register(view, frame)
        try:
            names = ", ".join(f'"{c}"' for c in columns)
            conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM {view}')
        finally:
            raw.unregister(view)
    else:
        records = frame.astype(object).where(frame.notna(), None).to_dict("records")
        conn.execute(table.insert(), records)
    return len(frame)
