"""Uncertainty and sensitivity analysis of the ranking, after the JRC's audits of composite
indicators: a seeded quasi-Monte Carlo sample over five factors, each with a stated range, gives
every composite rank its 5th–95th percentile range and the share of variants in which it holds,
and variance-based (Sobol) first-order and total-effect indices of each factor (SALib's
estimators) for the average shift in rank.

The factors (the official method is one point of the space):
- indicator weights and dimension weights: each multiplied by U(1 − 25 %, 1 + 25 %);
- goalposts: each moved by U(−10 %, +10 %) of the distance between the two (on the log scale
  for log indicators);
- aggregation: arithmetic or geometric mean of the dimensions, each with probability ½;
- the missing-data rule: penalty exponent γ ~ U(1, 2) (1 scores what was not reported at the
  lower goalpost; more also shrinks what was reported in an incomplete dimension). Every variant
  keeps the property that withholding never pays (see `indicators.model`)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from indicators.model import Layout, Variants, evaluate
from indicators.ranking import competition_ranks

FACTORS = ("indicator_weights", "dimension_weights", "goalposts", "aggregation", "missing_data")
WEIGHT_SPREAD = 0.25
GOALPOST_SHIFT = 0.10
PENALTY_RANGE = (1.0, 2.0)
SAMPLE_BASE = 512  # Saltelli's N: N × (5 factors + 2) = 3,584 variants
SEED = 2026
RANK_PERCENTILES = (5, 95)
RESAMPLES = 200  # bootstrap resamples for the indices' 95 % confidence intervals


def problem(layout: Layout) -> dict:
    """The factor space for SALib: unit-interval variables, grouped into the five factors."""
    return _space(len(layout.indicator_ids), len(layout.dimension_ids))


def _space(n_ind: int, n_dim: int) -> dict:
    groups = (
        ["indicator_weights"] * n_ind
        + ["dimension_weights"] * n_dim
        + ["goalposts"] * (2 * n_ind)
        + ["aggregation", "missing_data"]
    )
    return {
        "num_vars": len(groups),
        "names": [f"x{i}" for i in range(len(groups))],
        "bounds": [[0.0, 1.0]] * len(groups),
        "groups": groups,
    }


@lru_cache(maxsize=4)
def _unit_sample(n_ind: int, n_dim: int) -> np.ndarray:
    from SALib.sample import sobol  # only scoring needs SALib: the read side never loads it

    sample = sobol.sample(
        _space(n_ind, n_dim), SAMPLE_BASE, calc_second_order=False, scramble=True, seed=SEED
    )
    sample.setflags(write=False)
    return sample


def unit_sample(layout: Layout) -> np.ndarray:
    """The seeded Saltelli sample (variants × variables in [0, 1]); the same for every year and
    every data, so removing a country's values changes none of the variants."""
    return _unit_sample(len(layout.indicator_ids), len(layout.dimension_ids))


def variants(layout: Layout, sample: np.ndarray) -> Variants:
    """The methods the unit `sample` stands for (see the module's ranges)."""
    n_ind, n_dim = len(layout.indicator_ids), len(layout.dimension_ids)
    cuts = np.cumsum([n_ind, n_dim, n_ind, n_ind, 1])
    ind_w, dim_w, low_u, high_u, agg_u, pen_u = np.split(sample, cuts, axis=1)
    span = layout.target - layout.lower
    return Variants(
        indicator_weights=layout.indicator_weights * (1 + WEIGHT_SPREAD * (2 * ind_w - 1)),
        dimension_weights=layout.dimension_weights * (1 + WEIGHT_SPREAD * (2 * dim_w - 1)),
        lower=layout.lower + GOALPOST_SHIFT * (2 * low_u - 1) * span,
        target=layout.target + GOALPOST_SHIFT * (2 * high_u - 1) * span,
        geometric=agg_u[:, 0] >= 0.5,
        penalty=PENALTY_RANGE[0] + (PENALTY_RANGE[1] - PENALTY_RANGE[0]) * pen_u[:, 0],
    )


def variant_ranks(scaled: np.ndarray, layout: Layout) -> np.ndarray:
    """The composite rank of each country (`scaled`: C × I) under every variant: D × C."""
    composite = evaluate(scaled, layout, variants(layout, unit_sample(layout))).composite
    return competition_ranks(composite, axis=1)


def rank_ranges(ranks: np.ndarray, official: np.ndarray) -> pd.DataFrame:
    """Per country: the 5th and 95th percentiles of its rank over the variants (linear
    interpolation between order statistics, the low end rounded down and the high end up, then
    widened to include the official rank) and the share of variants giving the official rank."""
    low, high = np.percentile(ranks, RANK_PERCENTILES, axis=0)
    return pd.DataFrame(
        {
            "rank_low": np.minimum(np.floor(low), official).astype(int),
            "rank_high": np.maximum(np.ceil(high), official).astype(int),
            "rank_share": (ranks == official[None, :]).mean(axis=0),
        }
    )


def average_shift(ranks: np.ndarray, official: np.ndarray) -> np.ndarray:
    """Per variant: the mean absolute difference between its ranks and the official ones (the
    output whose variance the sensitivity indices split)."""
    return np.abs(ranks - official[None, :]).mean(axis=1)


def sobol_indices(space: dict, output: np.ndarray) -> pd.DataFrame:
    """First-order and total-effect Sobol indices of each factor group of `space` for `output`
    (computed at the rows of SALib's sample of `space`), with bootstrap 95 % intervals; one row
    per factor. A constant output has no variance to split: every index is 0."""
    from SALib.analyze import sobol  # only scoring needs SALib: the read side never loads it

    names = list(dict.fromkeys(space["groups"]))
    if np.ptp(output) == 0:
        zeros = np.zeros(len(names))
        found = {"S1": zeros, "S1_conf": zeros, "ST": zeros, "ST_conf": zeros}
    else:
        found = sobol.analyze(
            space,
            output,
            calc_second_order=False,
            num_resamples=RESAMPLES,
            seed=SEED,
        )
    return pd.DataFrame(
        {
            "factor": names,
            "first_order": found["S1"],
            "first_order_conf": found["S1_conf"],
            "total_effect": found["ST"],
            "total_effect_conf": found["ST_conf"],
        }
    )


def sensitivity(scaled: np.ndarray, layout: Layout, official: np.ndarray) -> pd.DataFrame:
    """The Sobol indices of the five factors for one year's ranking (`scaled`: C × I of the
    ranked countries, `official`: their official ranks)."""
    return sobol_indices(problem(layout), average_shift(variant_ranks(scaled, layout), official))
