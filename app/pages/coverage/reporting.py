"""Who reported what: the coverage matrices as pure functions over query results."""

from __future__ import annotations

import pandas as pd


def indicator_matrix(
    reported: pd.DataFrame, countries: pd.DataFrame, indicators: pd.DataFrame, year: int
) -> pd.DataFrame:
    """Countries (rows, in `countries` order) × indicators (columns): 1 reported, 0 not, for
    `year`."""
    mine = reported[reported["year"] == year]
    cells = pd.crosstab(mine["iso3"], mine["indicator_id"]).clip(upper=1)
    return (
        cells.reindex(index=countries["iso3"], columns=indicators["indicator_id"], fill_value=0)
        .fillna(0)
        .astype(int)
    )


def yearly_counts(
    reported: pd.DataFrame, countries: pd.DataFrame, indicators: pd.DataFrame
) -> pd.DataFrame:
    """Countries × years: how many of `indicators` each country reported each year (0 when none)."""
    mine = reported[reported["indicator_id"].isin(indicators["indicator_id"])]
    years = sorted(reported["year"].unique())
    counts = mine.groupby(["iso3", "year"]).size().unstack(fill_value=0)
    return (
        counts.reindex(index=countries["iso3"], columns=years, fill_value=0).fillna(0).astype(int)
    )
