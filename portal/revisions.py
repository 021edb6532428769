"""A revision beside the one before it: what the secretariat checks before approving a
correction. Pure: rows of `observations_history` in, a side-by-side table out."""

from __future__ import annotations

import math

import pandas as pd

FIELDS = ("value", "source", "note")


def _clean(value: object) -> object:
    """None for a missing cell (None or NaN), the value otherwise."""
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def compare(iso3: str, year: int, revision: int, values: pd.DataFrame) -> dict:
    """Revision `revision` of a country-year beside revision `revision - 1`, indicator by indicator
    (an indicator in only one of them shows empty on the other side); `changed` counts the rows
    where the value, source or note differ."""
    sides = {
        r: values[values["revision"] == r].set_index("indicator_id")
        for r in (revision - 1, revision)
    }
    rows = []
    for indicator in sorted(set(sides[revision - 1].index) | set(sides[revision].index)):
        before = {f: _clean(sides[revision - 1][f].get(indicator)) for f in FIELDS}
        after = {f: _clean(sides[revision][f].get(indicator)) for f in FIELDS}
        rows.append(
            {
                "indicator_id": indicator,
                "before": before,
                "after": after,
                "changed": before != after,
            }
        )
    return {
        "iso3": iso3,
        "year": year,
        "revision": revision,
        "previous": revision - 1,
        "rows": rows,
        "changed": sum(r["changed"] for r in rows),
    }
