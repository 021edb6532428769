"""Keeping the `scores` view in step with the current values: recomputed after every build and
every load that accepted a file, with the method in `indicators.scoring`."""
from __future__ import annotations

from sqlalchemy.engine import Connection

from etl import store
from etl.load import utc_now
from indicators.catalogue import Catalogue
from indicators.scoring import score_table


def refresh_scores(conn: Connection, catalogue: Catalogue) -> int:
    """Recompute every score from `observations_current` within the caller's transaction;
    returns how many score rows there are now."""
    table = score_table(store.observed_values(conn), catalogue)
    return store.replace_scores(conn, table.assign(catalogue_edition=catalogue.edition, computed_at=utc_now()))
