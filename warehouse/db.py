"""Connecting to the warehouse: a DuckDB file by default, PostgreSQL when several app
servers share one database. Everything else talks to it through SQLAlchemy Core."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import duckdb
import pandas as pd
from sqlalchemy import Column, Sequence, Table, create_engine, event
from sqlalchemy.engine import Connection, Dialect, Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

T = TypeVar("T")


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


def connect(url: str, read_only: bool = False) -> Engine:
    """An engine for the warehouse at `url`. DuckDB allows one writing process per file, so no
    pool keeps a file open between jobs; read-only engines let many readers share the file."""
    url = normalise_url(url)
    if is_duckdb(url):
        path = duckdb_path(url)
        if path is not None and not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        args = {"read_only": True} if read_only else {}
        engine = create_engine(url, poolclass=NullPool, connect_args=args)
        if path is not None:
            _gate_connections(
                engine, _GATES.setdefault(path.resolve(), _FileGate()), "r" if read_only else "w"
            )
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


class WarehouseUnavailable(WarehouseBusy):
    """The warehouse cannot be opened (its DuckDB file is missing or damaged, its server down);
    nothing was done. Told like a busy warehouse: try again later."""


# What a damaged or unreachable warehouse raises: through SQLAlchemy, or from DuckDB itself on
# the statements that go to its driver directly (see `insert_rows`).
STORAGE_ERRORS: tuple[type[Exception], ...] = (DBAPIError, duckdb.Error)


def where(url: str) -> str:
    """The warehouse a URL names, for a message: the DuckDB file, or the server and database
    (never a password)."""
    path = duckdb_path(url)
    return str(path) if path is not None else make_url(url).render_as_string(hide_password=True)


def held_by_another(exc: DBAPIError) -> bool:
    """Whether a failed connection means another process holds the DuckDB file: worth waiting
    for."""
    return "lock" in str(exc.orig).lower()


def open_for_writing(engine: Engine, wait_seconds: float = 60.0, create: bool = True) -> Connection:
    """A connection for a writing job. DuckDB lets one process write a file at a time: a second
    job waits up to `wait_seconds` for the first to finish, then gives up with WarehouseBusy.
    A warehouse that cannot be opened for another reason is WarehouseUnavailable, and so is a
    missing DuckDB file unless `create` (a new, empty warehouse is made then)."""
    path = duckdb_path(str(engine.url))
    if not create and path is not None and not path.exists():
        raise WarehouseUnavailable(f"the warehouse {path} does not exist")
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return engine.connect()
        except DBAPIError as exc:
            if not held_by_another(exc):
                raise WarehouseUnavailable(
                    f"the warehouse {engine.url.database} cannot be opened: {exc.orig}"
                ) from exc
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"the warehouse {engine.url.database} is in use by another gealc job "
                    f"(waited {wait_seconds:g} s); nothing was done: "
                    "run the command again when it ends"
                ) from exc
            time.sleep(0.2)


SMALL_INSERT = 1000  # rows: below this, DuckDB takes the values as parameters faster than a frame


def insert_frame(conn: Connection, table: Table, frame: pd.DataFrame) -> int:
    """Insert a DataFrame into `table` within the caller's transaction; returns rows written.

    DuckDB takes a large frame whole (register + INSERT … SELECT), orders of magnitude faster
    than row-by-row inserts, and a small one as one list per column; other backends get one
    executemany."""
    if frame.empty:
        return 0
    columns = [c.name for c in table.columns if c.name in frame.columns]
    frame = frame[columns]
    if conn.dialect.name != "duckdb" or len(frame) <= SMALL_INSERT:
        return insert_rows(
            conn,
            table,
            {c: [None if pd.isna(v) else v for v in frame[c].tolist()] for c in columns},
        )
    raw = _driver(conn)
    view = f"_gealc_insert_{table.name}"
    raw.register(view, frame)
    try:
        names = ", ".join(f'"{c}"' for c in columns)
        conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM {view}')
    finally:
        raw.unregister(view)
    return len(frame)


def insert_rows(conn: Connection, table: Table, columns: dict[str, list]) -> int:
    """Insert rows given as one list of values per column (None for missing) within the
    caller's transaction; returns rows written. On DuckDB one statement whatever the number of
    rows (each statement costs about a millisecond there: a file's rows must not cost one each)."""
    count = len(next(iter(columns.values()), []))
    if not count:
        return 0
    if conn.dialect.name == "duckdb":
        # A nullable column left out is NULL: a parameter fewer (DuckDB converts each at some cost).
        columns = {
            name: values
            for name, values in columns.items()
            if not _plain_nullable(table.c[name]) or any(v is not None for v in values)
        }
        single = count == 1
        params = [v[0] for v in columns.values()] if single else list(columns.values())
        _driver(conn).execute(_duckdb_insert(conn.dialect, table, tuple(columns), single), params)
    else:
        names = list(columns)
        conn.execute(
            table.insert(),
            [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)],
        )
    return count


def insert_with_id(conn: Connection, table: Table, sequence: Sequence, values: dict) -> int:
    """Insert one row whose id (the first primary-key column) is drawn from `sequence`, in one
    statement within the caller's transaction; returns the id."""
    key = table.primary_key.columns[0]
    if conn.dialect.name == "duckdb":
        sql = _duckdb_insert(conn.dialect, table, tuple(values), single=True, sequence=sequence)
        return int(_driver(conn).execute(sql, list(values.values())).fetchone()[0])
    return int(
        conn.execute(
            table.insert().values({key.name: sequence.next_value(), **values}).returning(key)
        ).scalar_one()
    )


@contextmanager
def one_thread(conn: Connection) -> Iterator[None]:
    """DuckDB runs on one thread meanwhile: a run of files, each a few small statements, took
    about 8% less time than when DuckDB spreads every statement over the cores."""
    if conn.dialect.name != "duckdb":
        yield
        return
    driver = _driver(conn)  # outside SQLAlchemy: no transaction begun
    threads = driver.execute("SELECT current_setting('threads')").fetchone()[0]
    driver.execute("SET threads = 1")
    try:
        yield
    finally:
        driver.execute(f"SET threads = {int(threads)}")


def _plain_nullable(column: Column) -> bool:
    """Whether leaving the column out of an insert stores NULL."""
    return column.nullable and column.default is None and column.server_default is None


def _driver(conn: Connection):
    """The DuckDB connection itself, in the same transaction: SQLAlchemy's DuckDB dialect
    compiles every statement afresh, which costs more than the insert."""
    return conn.connection.driver_connection


_DUCKDB_INSERTS: dict[tuple, str] = {}


def _duckdb_insert(
    dialect: Dialect,
    table: Table,
    names: tuple[str, ...],
    single: bool,
    sequence: Sequence | None = None,
) -> str:
    """One row: `INSERT INTO t (a, b) VALUES ($1, $2)` (with an id from `sequence`:
    `INSERT INTO t (id, a, b) VALUES (nextval('s'), $1, $2) RETURNING id`); several: one list
    per column, `… SELECT UNNEST($1::A[]), UNNEST($2::B[])` (DuckDB unnests them side by side)."""
    key = (table.name, names, single, sequence.name if sequence is not None else None)
    if key not in _DUCKDB_INSERTS:
        listed, params = (
            [f'"{name}"' for name in names],
            [f"${n}" for n in range(1, len(names) + 1)],
        )
        returning = ""
        if sequence is not None:
            id_column = table.primary_key.columns[0].name
            listed, params = [f'"{id_column}"', *listed], [f"nextval('{sequence.name}')", *params]
            returning = f' RETURNING "{id_column}"'
        if single:
            source = f"VALUES ({', '.join(params)})"
        else:
            types = [table.c[name].type.compile(dialect=dialect) for name in names]
            source = "SELECT " + ", ".join(
                f"UNNEST({param}::{kind}[])" for param, kind in zip(params, types, strict=True)
            )
        _DUCKDB_INSERTS[key] = (
            f'INSERT INTO "{table.name}" ({", ".join(listed)}) {source}{returning}'
        )
    return _DUCKDB_INSERTS[key]
