"""Keeping the `scores` view in step with the current values: recomputed after every build and
every load that accepted a file, with the method in `indicators.scoring`."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy.engine import Connection

from etl.load import utc_now
from indicators.catalogue import Catalogue
from indicators.scoring import score_table
from warehouse import scores, submissions


def refresh_scores(conn: Connection, catalogue: Catalogue) -> int:
    """Recompute every score from `observations_current` within the caller's transaction and
    store them when they differ from what is stored; returns how many score rows there are.
    Refreshes wait for each other and for loads (on PostgreSQL two at once would both replace
    the rows: the second's inserts collide with the first's)."""
    submissions.serialise_loads(conn)
    table = score_table(submissions.current_values(conn), catalogue).assign(
        catalogue_edition=catalogue.edition
    )
    if _same(table, scores.stored_scores(conn)):
        return len(
            table
        )  # nothing changed: keep the rows and their timestamp (a rebuild is a no-op)
    return scores.replace_scores(conn, table.assign(computed_at=utc_now()))


def _same(new: pd.DataFrame, old: pd.DataFrame) -> bool:
    if len(new) != len(old):
        return False
    keys = ["iso3", "year", "level", "id"]
    a = new.sort_values(keys).reset_index(drop=True)
    b = old[new.columns].sort_values(keys).reset_index(drop=True)
    numbers = ["score", "rank", "rank_low", "rank_high", "rank_share", "coverage"]
    return a.drop(columns=numbers).astype(str).equals(b.drop(columns=numbers).astype(str)) and all(
        np.allclose(a[c].astype(float), b[c].astype(float), rtol=0, atol=1e-9, equal_nan=True)
        for c in numbers
    )
