"""Scores, ranks and their uncertainty: the method, as pure functions over DataFrames.

1. Indicator score 0–100 between fixed goalposts from the catalogue (the `lower` goalpost scores
   0, the `target` 100; on a log scale where the catalogue says so; beyond them it clamps).
   Fixed goalposts keep a country's score independent of who else reported.
2. Dimension score: weighted mean of the indicator scores present, only when at least half of
   the dimension's indicators are present; otherwise missing (never 0).
3. Composite: weighted mean of the dimension scores, only with at least five of six dimensions.
4. Ranks among the countries with a score (ties share the better rank), and for the composite a
   rank range: the 5th–95th percentile of the rank over seeded Dirichlet draws of the dimension
   weights around the official ones.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from pandas.core.groupby import SeriesGroupBy

from indicators.catalogue import Catalogue

DIMENSION_MIN_SHARE = 0.5  # at least half of a dimension's indicators
COMPOSITE_MIN_DIMENSIONS = 5  # of six
RANK_DRAWS = 1000
RANK_SEED = 2026
WEIGHT_CONCENTRATION = 50.0  # Dirichlet α = 50 × official share: each weight varies by about ±30 %
RANK_PERCENTILES = (5, 95)
LEVELS = ("indicator", "dimension", "composite")
COMPOSITE_ID = "GEALC"
SCORE_COLUMNS = [
    "iso3",
    "year",
    "level",
    "id",
    "score",
    "rank",
    "rank_low",
    "rank_high",
    "coverage",
]


def indicator_score(value: float, lower: float, target: float, log: bool = False) -> float:
    """One value on the 0–100 scale: `lower` → 0, `target` → 100, clamped beyond either; works
    for either direction (a lower-is-better indicator has target < lower)."""
    if log:
        if value <= 0:
            return 0.0 if target > lower else 100.0
        value, lower, target = math.log(value), math.log(lower), math.log(target)
    return float(min(100.0, max(0.0, 100.0 * (value - lower) / (target - lower))))


def indicator_scores(values: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """`values` (iso3, year, indicator_id, value) with a `score` column added."""
    out = values[["iso3", "year", "indicator_id", "value"]].copy()
    out["score"] = [
        indicator_score(v, (s := catalogue.indicator_by_id[i].scoring).lower, s.target, s.log)
        for i, v in zip(out["indicator_id"], out["value"], strict=True)
    ]
    return out


def _weighted_mean(frame: pd.DataFrame, by: list[str], weight: str) -> pd.Series:
    weighted = (frame["score"] * frame[weight]).groupby([frame[c] for c in by]).sum()
    return weighted / frame[weight].groupby([frame[c] for c in by]).sum()


def dimension_scores(scored: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """One row per dimension of every country-year with values: `score` (missing when fewer
    than half of its indicators are present) and `coverage` (indicators present, maybe 0)."""
    frame = scored.assign(
        dimension_id=scored["indicator_id"].map({i.id: i.dimension for i in catalogue.indicators}),
        weight=scored["indicator_id"].map({i.id: i.weight for i in catalogue.indicators}),
    )
    keys = ["iso3", "year", "dimension_id"]
    every = pd.MultiIndex.from_tuples(
        [
            (i, y, d.id)
            for i, y in frame[["iso3", "year"]].drop_duplicates().itertuples(index=False)
            for d in catalogue.dimensions
        ],
        names=keys,
    )
    out = frame.groupby(keys).size().rename("coverage").reindex(every, fill_value=0).to_frame()
    out["score"] = _weighted_mean(frame, keys, "weight")
    size = out.index.get_level_values("dimension_id").map(
        {d.id: len(catalogue.indicators_of(d.id)) for d in catalogue.dimensions}
    )
    out.loc[out["coverage"] < DIMENSION_MIN_SHARE * np.asarray(size), "score"] = np.nan
    return out.reset_index()


def composite_scores(
    dimensions: pd.DataFrame, catalogue: Catalogue, weights: dict[str, float] | None = None
) -> pd.DataFrame:
    """One row per country-year: `score` (missing with fewer than five dimension scores),
    `dimensions` (how many it has) and `coverage` (indicators reported)."""
    weights = weights or {d.id: d.weight for d in catalogue.dimensions}
    present = dimensions.dropna(subset=["score"]).assign(
        weight=lambda f: f["dimension_id"].map(weights)
    )
    keys = ["iso3", "year"]
    out = dimensions.groupby(keys)["coverage"].sum().to_frame()
    out["dimensions"] = present.groupby(keys).size()
    out["dimensions"] = out["dimensions"].fillna(0).astype(int)
    out["score"] = _weighted_mean(present, keys, "weight")
    out.loc[out["dimensions"] < COMPOSITE_MIN_DIMENSIONS, "score"] = np.nan
    return out.reset_index()


def competition_rank(scores: pd.Series | SeriesGroupBy) -> pd.Series:
    """1 for the highest score; equal scores share the better rank (1, 2, 2, 4); missing stays
    missing. Given grouped scores, ranks within each group."""
    return scores.rank(ascending=False, method="min")


def rank_range(dimension_matrix: pd.DataFrame, weights: np.ndarray, year: int) -> pd.DataFrame:
    """5th–95th percentile of each country's composite rank when the dimension weights are
    drawn from a Dirichlet around `weights` (seeded by year: the same input, the same range).

    `dimension_matrix`: one row per country that has a composite, one column per dimension
    (NaN where a dimension score is missing: that country's weights renormalise over the rest)."""
    rng = np.random.default_rng([RANK_SEED, year])
    shares = weights / weights.sum()
    draws = rng.dirichlet(WEIGHT_CONCENTRATION * shares, size=RANK_DRAWS)  # draws × dimensions
    scores = dimension_matrix.to_numpy(dtype=float)
    present = ~np.isnan(scores)
    composite = (np.where(present, scores, 0.0) @ draws.T) / (
        present @ draws.T
    )  # countries × draws
    ranks = pd.DataFrame(composite).rank(axis=0, ascending=False, method="min").to_numpy()
    low, high = np.percentile(ranks, RANK_PERCENTILES, axis=1)
    return pd.DataFrame(
        {"rank_low": np.floor(low).astype(int), "rank_high": np.ceil(high).astype(int)},
        index=dimension_matrix.index,
    )


def score_table(values: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Every score of every level, with ranks and (for the composite) rank ranges: the rows of
    the `scores` view. `values`: iso3, year, indicator_id, value."""
    if values.empty:
        return pd.DataFrame(columns=SCORE_COLUMNS)
    scored = indicator_scores(values, catalogue)
    dims = dimension_scores(scored, catalogue)
    comp = composite_scores(dims, catalogue)
    frames = [
        scored.rename(columns={"indicator_id": "id"}).assign(level="indicator", coverage=1),
        dims.rename(columns={"dimension_id": "id"}).assign(level="dimension"),
        comp.assign(level="composite", id=COMPOSITE_ID),
    ]
    table = pd.concat(
        [f[["iso3", "year", "level", "id", "score", "coverage"]] for f in frames], ignore_index=True
    )
    table["rank"] = competition_rank(table.groupby(["year", "level", "id"])["score"])
    table = table.join(_rank_ranges(dims, comp, catalogue), on=["iso3", "year"])
    table.loc[table["level"] != "composite", ["rank_low", "rank_high"]] = np.nan
    # The official rank is always inside its range, however the draws fell.
    table["rank_low"] = table[["rank_low", "rank"]].min(axis=1, skipna=False)
    table["rank_high"] = table[["rank_high", "rank"]].max(axis=1, skipna=False)
    for column in ("rank", "rank_low", "rank_high"):
        table[column] = table[column].astype("Int64")
    return table[SCORE_COLUMNS].sort_values(["year", "level", "id", "iso3"]).reset_index(drop=True)


def _rank_ranges(dims: pd.DataFrame, comp: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    weights = np.array([d.weight for d in catalogue.dimensions])
    order = [d.id for d in catalogue.dimensions]
    ranked = comp.dropna(subset=["score"])
    matrix = dims.pivot_table(
        index=["iso3", "year"], columns="dimension_id", values="score", dropna=False
    )
    matrix = matrix.reindex(columns=order)
    out = [
        rank_range(matrix.loc[group.set_index(["iso3", "year"]).index], weights, int(year))
        for year, group in ranked.groupby("year")
    ]
    if not out:
        return pd.DataFrame(
            columns=["rank_low", "rank_high"],
            index=pd.MultiIndex.from_tuples([], names=["iso3", "year"]),
        )
    return pd.concat(out)


def rank_change(composite: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    """Places gained between two years (positive = moved up), split exactly into the country's
    own score change and the movement of the others.

    own = rank with the old score among the others' old scores − rank with the new score among
    the same old scores; others = the rest. `composite`: iso3, year, score (ranked countries only
    count). One row per country ranked in both years."""
    before = (
        composite[(composite["year"] == year_from)]
        .dropna(subset=["score"])
        .set_index("iso3")["score"]
    )
    after = (
        composite[(composite["year"] == year_to)]
        .dropna(subset=["score"])
        .set_index("iso3")["score"]
    )
    rows = []
    for iso3 in sorted(before.index.intersection(after.index)):
        others_before, others_after = before.drop(iso3), after.drop(iso3)
        rank_from = 1 + int((others_before > before[iso3]).sum())
        rank_to = 1 + int((others_after > after[iso3]).sum())
        rank_if_others_stood = 1 + int((others_before > after[iso3]).sum())
        rows.append(
            {
                "iso3": iso3,
                "rank_from": rank_from,
                "rank_to": rank_to,
                "places": rank_from - rank_to,
                "own": rank_from - rank_if_others_stood,
                "others": rank_if_others_stood - rank_to,
                "score_from": float(before[iso3]),
                "score_to": float(after[iso3]),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "iso3",
            "rank_from",
            "rank_to",
            "places",
            "own",
            "others",
            "score_from",
            "score_to",
        ],
    )


def coverage(values: pd.DataFrame, catalogue: Catalogue) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per country-year: indicators reported of the catalogue's; per indicator-year: countries
    that reported it)."""
    total = len(catalogue.indicators)
    by_country = (
        values.groupby(["iso3", "year"])["indicator_id"].nunique().rename("reported").reset_index()
    )
    by_country["of"] = total
    by_indicator = (
        values.groupby(["indicator_id", "year"])["iso3"].nunique().rename("countries").reset_index()
    )
    return by_country, by_indicator
