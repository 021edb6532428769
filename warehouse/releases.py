"""Releases: the approved values they freeze, and the immutable releases themselves (values and
scores under a label that is never reused)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from warehouse import schema
from warehouse.db import insert_frame

RELEASE_VALUE_COLUMNS = [
    "iso3",
    "year",
    "indicator_id",
    "value",
    "numerator",
    "denominator",
    "source",
    "note",
    "submission_id",
    "revision",
    "is_demo",
]


def approved_values(conn: Connection) -> pd.DataFrame:
    """The latest approved revision of every country-year, value by value."""
    result = conn.execute(
        text(f"SELECT {', '.join(RELEASE_VALUE_COLUMNS)} FROM observations_approved")
    )
    return pd.DataFrame(result.fetchall(), columns=RELEASE_VALUE_COLUMNS)


UNREPORTED_COLUMNS = ["iso3", "year", "indicator_id", "note", "submission_id", "revision"]


def approved_unreported(conn: Connection) -> pd.DataFrame:
    """The gaps the latest approved revision of every country-year explains in a note."""
    result = conn.execute(
        text(f"SELECT {', '.join(UNREPORTED_COLUMNS)} FROM not_reported_approved")
    )
    return pd.DataFrame(result.fetchall(), columns=UNREPORTED_COLUMNS)


def release_ids(conn: Connection) -> dict[str, int]:
    """label → release_id of every release."""
    r = schema.release.c
    return {label: int(i) for i, label in conn.execute(select(r.release_id, r.label))}


def insert_release(
    conn: Connection,
    record: dict,
    *,
    values: pd.DataFrame,
    scores: pd.DataFrame,
    unreported: pd.DataFrame,
    statistics: pd.DataFrame,
) -> int:
    """Store a release with its values, scores, explained gaps and statistical audit; returns its
    id."""
    release_id = conn.scalar(schema.release_id_seq.next_value())
    conn.execute(schema.release.insert().values(release_id=release_id, **record))
    for table, frame in (
        (schema.release_value, values),
        (schema.release_score, scores),
        (schema.release_unreported, unreported),
        (schema.release_statistic, statistics),
    ):
        insert_frame(conn, table, frame.assign(release_id=release_id))
    return release_id


def release_frames(conn: Connection, label: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A stored release's values and scores, as `publish` computed them."""
    frames = []
    for view in ("published_values", "published_scores"):
        result = conn.execute(
            text(f"SELECT * FROM {view} WHERE release = :label"), {"label": label}
        )
        frames.append(
            pd.DataFrame(result.fetchall(), columns=list(result.keys())).drop(columns="release")
        )
    return frames[0], frames[1]


def release_table(conn: Connection) -> pd.DataFrame:
    """Every release (the `releases` view), newest first."""
    result = conn.execute(text("SELECT * FROM releases ORDER BY created_at DESC, release_id DESC"))
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))
