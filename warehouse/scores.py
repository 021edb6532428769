"""The stored scores of the current values: read to compare, replaced whole when they change."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from warehouse import schema
from warehouse.db import insert_frame


def stored_scores(conn: Connection) -> pd.DataFrame:
    """The stored scores, without their timestamp."""
    columns = [c.name for c in schema.score.columns if c.name != "computed_at"]
    rows = conn.execute(select(*(schema.score.c[c] for c in columns))).fetchall()
    return pd.DataFrame([tuple(r) for r in rows], columns=columns)


def replace_scores(conn: Connection, scores: pd.DataFrame) -> int:
    """Replace every stored score by `scores` (the rows of the `scores` view)."""
    conn.execute(delete(schema.score))
    return insert_frame(conn, schema.score, scores)
