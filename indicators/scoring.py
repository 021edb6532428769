"""Scores, ranks and their uncertainty: the published method, as pure functions over DataFrames.

1. Indicator score 0–100 between fixed goalposts from the catalogue (the `lower` goalpost scores
   0, the `target` 100; on a log scale where the catalogue says so; beyond them it clamps).
   Fixed goalposts keep a country's score independent of who else reported.
2. What a country did not report scores the lower goalpost, 0: a dimension is the weighted sum of
   its indicators' scores over all of its indicators' weights, the composite the weighted mean of
   all six dimensions. Withholding a value never raises a score or a rank (`indicators.model`).
3. Ranks among the countries that reported that year, at the one decimal printed
   (`indicators.ranking`); for the composite, the 5th–95th percentile range of the rank and the
   share of variants in which it holds, over a seeded Monte Carlo of the method
   (`indicators.uncertainty`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from indicators import uncertainty
from indicators.catalogue import Catalogue
from indicators.model import Layout, Scores, Variants, evaluate, value_matrix
from indicators.ranking import competition_ranks

METHOD = "2026.2"  # the edition of this method, stored with every release
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
    "rank_share",
    "coverage",
]


def indicator_score(value: float, lower: float, target: float, log: bool = False) -> float:
    """One value on the 0–100 scale: `lower` → 0, `target` → 100, clamped beyond either; works
    for either direction (a lower-is-better indicator has target < lower). On a log scale a value
    of 0 or less is the bottom of the scale (0, or 100 when lower is better)."""
    if log:
        if value <= 0:
            return 0.0 if target > lower else 100.0
        value, lower, target = math.log(value), math.log(lower), math.log(target)
    return float(min(100.0, max(0.0, 100.0 * (value - lower) / (target - lower))))


def official_scores(matrix: pd.DataFrame, layout: Layout) -> Scores:
    """The published scores of the countries of `matrix` (country × indicator values)."""
    return evaluate(layout.scale(matrix.to_numpy(dtype=float)), layout, Variants.official(layout))


def score_table(values: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Every score of every level, with ranks and (for the composite) rank ranges and the share of
    variants in which the rank holds: the rows of the `scores` view. `values`: iso3, year,
    indicator_id, value. A country-year with no value at all has no row (and no rank)."""
    if values.empty:
        return pd.DataFrame(columns=SCORE_COLUMNS)
    layout = Layout.of(catalogue)
    frames = [_year_table(group, layout, int(year)) for year, group in values.groupby("year")]
    table = pd.concat(frames, ignore_index=True)
    for column in ("rank", "rank_low", "rank_high"):
        table[column] = table[column].astype("Int64")
    return table[SCORE_COLUMNS].sort_values(["year", "level", "id", "iso3"]).reset_index(drop=True)


def _year_table(values: pd.DataFrame, layout: Layout, year: int) -> pd.DataFrame:
    matrix = value_matrix(values, layout)
    countries = matrix.index.to_numpy()
    scaled = layout.scale(matrix.to_numpy(dtype=float))
    scores = evaluate(scaled, layout, Variants.official(layout))
    reported = ~np.isnan(scaled)
    indicator = _long(scores.indicators[0], countries, layout.indicator_ids, "indicator")
    indicator["coverage"] = 1
    indicator = indicator.dropna(subset=["score"])
    dimension = _long(scores.dimensions[0], countries, layout.dimension_ids, "dimension")
    dimension["coverage"] = (reported @ layout.membership).astype(int).ravel()
    composite = pd.DataFrame(
        {
            "iso3": countries,
            "level": "composite",
            "id": COMPOSITE_ID,
            "score": scores.composite[0],
            "coverage": reported.sum(axis=1),
        }
    )
    official = competition_ranks(scores.composite[0])
    composite = composite.assign(rank=official).join(
        uncertainty.rank_ranges(uncertainty.variant_ranks(scaled, layout), official)
    )
    others = pd.concat([indicator, dimension], ignore_index=True)
    others["rank"] = others.groupby("id")["score"].transform(competition_ranks)
    return pd.concat([others, composite], ignore_index=True).assign(year=year)


def _long(
    block: np.ndarray, countries: np.ndarray, ids: tuple[str, ...], level: str
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "iso3": np.repeat(countries, len(ids)),
            "level": level,
            "id": np.tile(ids, len(countries)),
            "score": block.ravel(),
        }
    )


def nominal_weights(
    indicator_weight: Mapping[str, float],
    dimension_of: Mapping[str, str],
    dimension_weight: Mapping[str, float],
) -> pd.Series:
    """Each indicator's share of the composite by the catalogue's weights: its weight within its
    dimension × the dimension's share. The composite is Σ share × score over what was reported."""
    within = pd.Series(indicator_weight, dtype=float)
    dims = within.index.map(dict(dimension_of))
    total = sum(dimension_weight.values())
    in_dimension = within / within.groupby(dims).transform("sum")
    return in_dimension * dims.map(lambda d: dimension_weight[d] / total).to_numpy()


def catalogue_weights(catalogue: Catalogue) -> pd.Series:
    """`nominal_weights` of the catalogue's indicators."""
    return nominal_weights(
        {i.id: i.weight for i in catalogue.indicators},
        {i.id: i.dimension for i in catalogue.indicators},
        {d.id: d.weight for d in catalogue.dimensions},
    )


def like_for_like(
    indicator_scores: pd.DataFrame, weights: pd.Series, year_from: int, year_to: int
) -> pd.DataFrame:
    """Each country's composite in both years recomputed on the indicators it reported in both
    (the rest counted as not reported in either), so a change is not an artefact of what was
    reported: iso3, common (how many indicators), score_from, score_to, change.
    `indicator_scores`: iso3, year, id, score (indicator level); `weights`: `nominal_weights`."""
    wide = indicator_scores[indicator_scores["year"].isin([year_from, year_to])].pivot_table(
        index="iso3", columns=["year", "id"], values="score"
    )
    if year_from not in wide.columns.get_level_values(
        0
    ) or year_to not in wide.columns.get_level_values(0):
        return pd.DataFrame(columns=["iso3", "common", "score_from", "score_to", "change"])
    ids = list(weights.index)
    before = wide[year_from].reindex(columns=ids)
    after = wide[year_to].reindex(columns=ids)
    common = before.notna() & after.notna()
    both = common.any(axis=1)
    w = weights.to_numpy()
    score_from = (before.where(common).fillna(0.0) * w).sum(axis=1)
    score_to = (after.where(common).fillna(0.0) * w).sum(axis=1)
    out = pd.DataFrame(
        {
            "common": common.sum(axis=1),
            "score_from": score_from,
            "score_to": score_to,
            "change": score_to - score_from,
        }
    )[both]
    return out.rename_axis("iso3").reset_index()


CHANGE_COLUMNS = ["iso3", "rank_from", "rank_to", "places", "own", "reporting", "others", "common"]


def rank_change(
    composite: pd.DataFrame, like: pd.DataFrame, year_from: int, year_to: int
) -> pd.DataFrame:
    """Places gained between two years (positive = moved up), split exactly into the country's own
    like-for-like change, the change in what it reported, and the movement of the others.

    With the others' old scores fixed: own = old rank − rank of (old score + like-for-like
    change); reporting = that rank − rank of the new score; others = the rest. `composite`: iso3,
    year, score, rank (the published ones); `like`: `like_for_like` of the two years."""
    before = composite[composite["year"] == year_from].set_index("iso3")
    after = composite[composite["year"] == year_to].set_index("iso3")
    change = like.set_index("iso3")
    rows = []
    for iso3 in sorted(before.index.intersection(after.index).intersection(change.index)):
        others = before["score"].drop(iso3)
        rank_own = _rank_among(before.at[iso3, "score"] + change.at[iso3, "change"], others)
        rank_both = _rank_among(after.at[iso3, "score"], others)
        rank_from, rank_to = int(before.at[iso3, "rank"]), int(after.at[iso3, "rank"])
        rows.append(
            {
                "iso3": iso3,
                "rank_from": rank_from,
                "rank_to": rank_to,
                "places": rank_from - rank_to,
                "own": rank_from - rank_own,
                "reporting": rank_own - rank_both,
                "others": rank_both - rank_to,
                "common": int(change.at[iso3, "common"]),
            }
        )
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def _rank_among(score: float, others: pd.Series) -> int:
    """The rank `score` would have among `others`, at the printed precision."""
    ranks = competition_ranks(np.append(others.to_numpy(dtype=float), score))
    return int(ranks[-1])


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
