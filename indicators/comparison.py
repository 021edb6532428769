"""Comparing countries with their peers and with the UN: peer groups, their statistics, and the
cross-check of self-reported scores against the UN sub-indices. Pure functions over DataFrames."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from indicators.catalogue import Catalogue

# UN E-Government Survey EGDI groups (lower bound inclusive).
EGDI_LEVELS = (("very_high", 0.75), ("high", 0.50), ("middle", 0.25), ("low", 0.0))
MIN_COUNTRIES_FOR_CROSSCHECK = 5
MAD_TO_SD = 1.4826  # a normal distribution's standard deviation is 1.4826 × its MAD
# A country is flagged when its Benjamini–Hochberg adjusted p-value (q) is below this: among the
# countries flagged in one comparison, the expected share flagged by chance alone is at most this.
FALSE_DISCOVERY_RATE = 0.05
# The rule before the false-discovery control; only methodology.py's text still quotes it, until
# that text describes FALSE_DISCOVERY_RATE instead.


def egdi_level(egdi: float | None) -> str | None:
    """'very_high' ≥ 0.75, 'high' 0.50–0.75, 'middle' 0.25–0.50, 'low' < 0.25; None when missing."""
    if egdi is None or pd.isna(egdi):
        return None
    return next(name for name, floor in EGDI_LEVELS if egdi >= floor)


def nearest_survey(egov: pd.DataFrame, years: list[int], by: str = "egdi") -> pd.DataFrame:
    """For each country and year, its figures from the nearest survey that assessed it — that
    has a value in column `by` (an equal distance goes to the earlier survey: the one published
    at the time). `egov`: iso3, survey_year, egdi, osi, hci, tii, epi[, assessed] for the UN, or
    any survey's figures with iso3 and survey_year. One row per iso3 and year."""
    assessed = egov[egov[by].notna()]
    rows = []
    for iso3, surveys in assessed.groupby("iso3"):
        survey_years = surveys["survey_year"].to_numpy()
        for year in years:
            distance = np.abs(survey_years - year) * 2 + (survey_years > year)  # ties → earlier
            rows.append(
                surveys.iloc[int(np.argmin(distance))].to_dict() | {"iso3": iso3, "year": year}
            )
    out = pd.DataFrame(rows)
    return out.drop(columns=[c for c in ("assessed",) if c in out.columns]) if rows else out


def peer_groups(countries: pd.DataFrame, nearest: pd.DataFrame) -> pd.DataFrame:
    """Each country-year's groups: its subregion and its UN EGDI level.
    `countries`: iso3, subregion; `nearest`: the output of nearest_survey."""
    frame = nearest[["iso3", "year", "egdi"]].merge(
        countries[["iso3", "subregion"]], on="iso3", how="right"
    )
    frame["egdi_level"] = frame["egdi"].map(egdi_level)
    return frame[["iso3", "year", "subregion", "egdi_level"]]


def peer_stats(scores: pd.DataFrame, groups: pd.DataFrame, group_by: str) -> pd.DataFrame:
    """Median, quartiles and count of each score per peer group and year.
    `scores`: iso3, year, level, id, score; `group_by`: 'subregion' or 'egdi_level'."""
    frame = scores.dropna(subset=["score"]).merge(
        groups[["iso3", "year", group_by]], on=["iso3", "year"]
    )
    grouped = frame.groupby([group_by, "year", "level", "id"])["score"]
    out = pd.DataFrame(
        {
            "median": grouped.median(),
            "q1": grouped.quantile(0.25),
            "q3": grouped.quantile(0.75),
            "countries": grouped.count(),
        }
    )
    return out.reset_index().rename(columns={group_by: "group"}).assign(group_by=group_by)


def theil_sen(x: pd.Series, y: pd.Series) -> tuple[float, float]:
    """Theil–Sen line of `y` (the GEALC score) on `x` (the UN index): the slope is the median of
    the slopes between every two countries, the intercept the median of y − slope·x, so a few
    outlying countries cannot pull the line towards themselves (least squares lets them).
    Returns (slope, intercept)."""
    fit = stats.theilslopes(y, x, method="joint")
    return float(fit.slope), float(fit.intercept)


def robust_sd(residual: pd.Series) -> float:
    """The residuals' spread around their median as a standard deviation (MAD × 1.4826): the
    countries far from the line barely move it, so they cannot hide behind their own scatter."""
    return MAD_TO_SD * float((residual - residual.median()).abs().median())


def robust_z(residual: pd.Series, spread: float) -> pd.Series:
    """Each residual's distance from the residuals' median in `spread`s (see robust_sd). All NaN
    when the spread is zero (more than half the residuals equal): nothing to measure by."""
    centred = residual - residual.median()
    return centred / spread if spread > 0 else centred * np.nan


def p_values(z: pd.Series) -> pd.Series:
    """Two-sided p-value of each robust z under the normal distribution: the chance that a
    country following the line, with the usual scatter, lies at least this far from it."""
    return pd.Series(2 * stats.norm.sf(z.abs()), index=z.index)


def q_values(p: pd.Series) -> pd.Series:
    """Benjamini–Hochberg adjusted p-values across the countries of one comparison: flagging
    those with q below a rate keeps the expected share of chance findings among them at that
    rate, however many countries are tested. NaN stays NaN."""
    known = p.dropna()
    adjusted = stats.false_discovery_control(known.to_numpy()) if len(known) else []
    return pd.Series(adjusted, index=known.index, dtype=float).reindex(p.index)


def relation(x: pd.Series, y: pd.Series) -> dict | None:
    """How a score `y` relates to a UN index `x` across countries: Spearman ρ (Pearson on
    ranks), the Theil–Sen line of y on x, and for each country its residual, p-value (of its
    residual in robust standard deviations), Benjamini–Hochberg q-value and whether it is flagged
    (q < FALSE_DISCOVERY_RATE) — further from the line than chance explains once every country
    is tested: a divergence for the secretariat to look at, not a verdict. None with fewer than
    MIN_COUNTRIES_FOR_CROSSCHECK pairs or when they all share one UN value."""
    pairs = pd.DataFrame({"x": x, "y": y}).dropna()
    if len(pairs) < MIN_COUNTRIES_FOR_CROSSCHECK or pairs["x"].nunique() < 2:
        return None  # too few countries, or one UN value for all: no line to measure from
    slope, intercept = theil_sen(pairs["x"], pairs["y"])
    residual = pairs["y"] - (slope * pairs["x"] + intercept)
    spread = robust_sd(residual)
    p = p_values(robust_z(residual, spread))
    q = q_values(p)
    return {
        "spearman_rho": float(pairs["x"].rank().corr(pairs["y"].rank())),
        "slope": slope,
        "intercept": intercept,
        "robust_sd": spread,
        "countries": len(pairs),
        "residual": residual,
        "p_value": p,
        "q_value": q,
        "flagged": q < FALSE_DISCOVERY_RATE,
    }


def un_crosscheck(
    dimensions: pd.DataFrame, nearest: pd.DataFrame, catalogue: Catalogue
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """For each dimension with a UN counterpart and year, the `relation` between the dimension
    score (y) and the UN sub-index (x), the false-discovery control run across the countries of
    that dimension-year. Returns (relations, flags); a flag carries its p- and q-value.
    `dimensions`: iso3, year, dimension_id, score; `nearest`: output of nearest_survey."""
    relations, flags = [], []
    for dim in catalogue.dimensions:
        column = dim.un_counterpart.lower()
        mine = dimensions[(dimensions["dimension_id"] == dim.id)].dropna(subset=["score"])
        pairs = mine.merge(nearest[["iso3", "year", column]], on=["iso3", "year"]).dropna(
            subset=[column]
        )
        for year, group in pairs.groupby("year"):
            found = relation(group[column], group["score"])
            if found is None:
                continue
            relations.append(
                {
                    "dimension_id": dim.id,
                    "year": int(year),
                    "un_index": dim.un_counterpart,
                    **{
                        k: found[k]
                        for k in ("countries", "spearman_rho", "slope", "intercept", "robust_sd")
                    },
                }
            )
            for row in group[found["flagged"]].itertuples():
                un_value = float(getattr(row, column))
                flags.append(
                    {
                        "iso3": row.iso3,
                        "year": int(year),
                        "dimension_id": dim.id,
                        "un_index": dim.un_counterpart,
                        "un_value": un_value,
                        "score": float(row.score),
                        "expected": found["slope"] * un_value + found["intercept"],
                        "residual": float(found["residual"][row.Index]),
                        "p_value": float(found["p_value"][row.Index]),
                        "q_value": float(found["q_value"][row.Index]),
                    }
                )
    return pd.DataFrame(relations), pd.DataFrame(flags)
