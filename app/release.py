"""The release the read side shows. Pages, downloads, the API and the report read one published
release at a time, never the warehouse's working tables, so nothing under embargo can reach them.

Each worker keeps an in-memory copy of the releases it is asked for (the release's values and
scores, with the catalogue, countries and UN figures beside them) and asks the warehouse only which
releases exist. A release is never changed, so a copy never goes stale; a newly published release
appears at the next check of the list; a page is built from one copy, never two; and while an ETL
job holds the DuckDB file the worker answers from what it already holds."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

import duckdb
import pandas as pd
from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, Numeric, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from warehouse import schema
from warehouse.db import held_by_another

# The snapshot's tables and where each comes from in the warehouse; `:label` is the release.
SOURCES = {
    "published_values": """SELECT iso3, year, indicator_id, value, numerator, denominator,
                                  source, note, submission_id, revision, is_demo
                           FROM published_values WHERE release = :label""",
    "published_not_reported": """SELECT iso3, year, indicator_id, note
                                 FROM published_not_reported WHERE release = :label""",
    "published_scores": "SELECT * FROM published_scores WHERE release = :label",
    "published_statistics": "SELECT * FROM published_statistics WHERE release = :label",
    "indicator_catalogue": "SELECT * FROM indicator_catalogue",
    "dimensions": "SELECT * FROM dimensions",
    "countries": "SELECT * FROM countries",
    "subregions": "SELECT * FROM subregions",
    "egov_survey": "SELECT * FROM egov_survey",
    "gtmi": "SELECT * FROM gtmi",
    "gtmi_indicators": "SELECT * FROM gtmi_indicators",
}
# Views a warehouse an older gealc built lacks until `gealc build` runs: read as empty meanwhile,
# so the site keeps serving what it can.
ADDED_LATER = {
    "published_not_reported": ["iso3", "year", "indicator_id", "note"],
    "published_statistics": ["year", "analysis", "measure", "item", "other", "value"],
    "gtmi": ["iso3", "year", "gtmi", "cgsi", "psdi", "dcei", "gtei", "group"],
    "gtmi_indicators": ["iso3", "year", "indicator_id", "value"],
}
# Columns such a warehouse's views lack until then: read as empty (not computed then).
COLUMNS_ADDED_LATER = {"published_scores": ["rank_share", "is_demo"]}
INTEGER_TYPES = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT"}
LISTING = """SELECT label, created_at, created_by, note, sha256, catalogue_edition, value_count,
                    is_demo
             FROM releases ORDER BY created_at DESC, release_id DESC"""


class Unavailable(Exception):
    """The warehouse cannot be read now and this worker holds nothing to answer from."""


@dataclass
class Snapshot:
    """One release in memory: query it with DuckDB SQL (`$name` parameters). `label` is None when
    nothing is published yet: the reference tables are there and no value or score is."""

    label: str | None
    info: dict
    db: duckdb.DuckDBPyConnection = field(repr=False)

    def frame(self, sql: str, **params: object) -> pd.DataFrame:
        """The rows of `sql`; safe to call from many threads at once."""
        cursor = self.db.cursor()
        try:
            frame = cursor.execute(sql, params).df()
            whole = [name for name, kind, *_ in cursor.description if str(kind) in INTEGER_TYPES]
        finally:
            cursor.close()
        # DuckDB hands integer columns with NULLs to pandas as floats; keep them whole numbers.
        return frame.astype({c: "Int64" for c in whole if frame[c].dtype.kind == "f"})


def _read(engine: Engine, sql: str, **params: object) -> pd.DataFrame:
    with engine.connect() as conn:
        result = conn.execute(text(sql), params)
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def _duckdb_type(column: Column) -> str:
    for kind, name in (
        (Boolean, "BOOLEAN"),
        (Integer, "BIGINT"),
        (Float, "DOUBLE"),
        (Numeric, "DOUBLE"),
        (DateTime, "TIMESTAMP"),
        (Date, "DATE"),
    ):
        if isinstance(column.type, kind):
            return name
    return "VARCHAR"


# The type of every warehouse column by name (the views keep their tables' column names), so a
# copy has the warehouse's types whatever the rows happen to hold.
COLUMN_TYPES = {
    c.name: _duckdb_type(c)
    for table in reversed(schema.metadata.sorted_tables)
    for c in table.columns
}


def load(engine: Engine, label: str | None, info: dict | None = None) -> Snapshot:
    """Copy release `label` (or, with None, only the reference tables) into memory."""
    db = duckdb.connect(":memory:")
    for name, sql in SOURCES.items():
        try:
            frame = _read(engine, sql, label=label or "")
        except DBAPIError:
            if name not in ADDED_LATER:
                raise
            frame = pd.DataFrame(columns=ADDED_LATER[name])  # until `gealc build` adds it
        frame = frame.drop(columns="release", errors="ignore")
        for column in COLUMNS_ADDED_LATER.get(name, []):
            if column not in frame.columns:
                frame[column] = None
        typed = ", ".join(
            f'CAST("{c}" AS {COLUMN_TYPES.get(c, "VARCHAR")}) AS "{c}"' for c in frame.columns
        )
        db.register("_source", frame)
        db.execute(f"CREATE TABLE {name} AS SELECT {typed} FROM _source")
        db.unregister("_source")
    return Snapshot(label, info or {}, db)


class Releases:
    """The releases one worker knows: the list, re-read at most every `ttl` seconds (the last one
    kept while the warehouse is busy), and an in-memory copy of each release asked for."""

    def __init__(self, engine: Engine, ttl: float = 2.0, keep: int = 4, wait: float = 10.0) -> None:
        self.engine, self.ttl, self.keep, self.wait = engine, ttl, keep, wait
        self._listing: pd.DataFrame | None = None
        self._checked = 0.0
        self._copies: OrderedDict[str | None, Snapshot] = OrderedDict()
        self._lock = threading.Lock()

    def listing(self, fresh: bool = False) -> pd.DataFrame:
        """Every release, newest first: label, created_at, created_by, note, sha256, … (with
        `fresh`, read again now rather than up to `ttl` seconds ago)."""
        if not fresh and self._listing is not None and time.monotonic() - self._checked < self.ttl:
            return self._listing
        try:
            listing = self._patiently(
                lambda: _read(self.engine, LISTING), give_up=self._listing is not None
            )
        except Unavailable:
            if self._listing is None:
                raise
            self._checked = time.monotonic()  # look again in `ttl` seconds, not at every request
            return self._listing
        self._listing, self._checked = listing, time.monotonic()
        return listing

    def latest(self) -> str | None:
        labels = self.listing()["label"]
        return str(labels.iloc[0]) if len(labels) else None

    def snapshot(self, label: str | None = None) -> Snapshot:
        """The copy of release `label` (default: the latest); KeyError for an unknown label."""
        listing = self.listing()
        if (
            label is None
        ):  # the latest of this listing: a second look could find a newer one not in it
            label = str(listing["label"].iloc[0]) if len(listing) else None
        if label is not None and label not in set(listing["label"]):
            # Published since the listing was read (a link followed right after publishing)?
            listing = self.listing(fresh=True)
            if label not in set(listing["label"]):
                raise KeyError(label)
        with self._lock:
            if label in self._copies:
                self._copies.move_to_end(label)
                return self._copies[label]
            info = listing[listing["label"] == label].iloc[0].to_dict() if label is not None else {}
            copy = self._patiently(lambda: load(self.engine, label, info), give_up=False)
            self._copies[label] = copy
            while len(self._copies) > self.keep:
                self._copies.popitem(last=False)
            return copy

    def _patiently(self, read, give_up: bool):
        """`read()`, retried while another process writes the DuckDB file (unless `give_up`, when
        the caller has an answer already), up to `wait` seconds; Unavailable at once when the
        file is missing or damaged (no wait would help)."""
        deadline = time.monotonic() + self.wait
        while True:
            try:
                return read()
            except OperationalError as exc:
                if give_up or not held_by_another(exc) or time.monotonic() >= deadline:
                    raise Unavailable(str(exc.orig)) from exc
                time.sleep(0.1)
            except DBAPIError as exc:
                raise Unavailable(str(exc.orig)) from exc
