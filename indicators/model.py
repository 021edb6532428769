"""The index as arrays: one function computes indicator, dimension and composite scores for the
official settings and for every Monte Carlo variant alike, so the published score and its
uncertainty come from the same arithmetic.

The rule for what a country did not report: **it scores the lower goalpost (0)**, as the UN's
Online Service Index counts a service it cannot find as absent. A dimension is the weighted sum of
its indicators' scores over all of its indicators' weights; with a penalty exponent γ ≥ 1 (1 is
the official rule, more is harsher) it is (Σ reported w·s) × (Σ reported w)^(γ−1) ÷ (Σ all w)^γ.
Every term is non-negative and non-increasing when a reported indicator is removed, so withholding
can never raise a dimension, a composite (arithmetic or geometric, both increasing in each
dimension) or, with the others' scores fixed, a rank."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.catalogue import Catalogue

NOT_REPORTED_SCORE = 0.0  # the lower goalpost
GEOMETRIC_SHIFT = 1.0  # geometric mean of (score + 1) − 1, so a dimension at 0 is defined


@dataclass(frozen=True)
class Layout:
    """The catalogue as arrays, in catalogue order: indicators (I) and dimensions (K)."""

    indicator_ids: tuple[str, ...]
    dimension_ids: tuple[str, ...]
    membership: np.ndarray  # I × K, 1 where the indicator belongs to the dimension
    indicator_weights: np.ndarray  # I
    dimension_weights: np.ndarray  # K
    lower: np.ndarray  # I, on the scoring scale (ln for log indicators)
    target: np.ndarray  # I
    log: np.ndarray  # I, bool

    @classmethod
    def of(cls, catalogue: Catalogue) -> Layout:
        """The arrays of `catalogue`."""
        indicators = catalogue.indicators
        dimensions = [d.id for d in catalogue.dimensions]
        log = np.array([i.scoring.log for i in indicators])
        lower = np.array([i.scoring.lower for i in indicators], dtype=float)
        target = np.array([i.scoring.target for i in indicators], dtype=float)
        return cls(
            indicator_ids=tuple(i.id for i in indicators),
            dimension_ids=tuple(dimensions),
            membership=np.array(
                [[float(i.dimension == d) for d in dimensions] for i in indicators]
            ),
            indicator_weights=np.array([i.weight for i in indicators], dtype=float),
            dimension_weights=np.array([d.weight for d in catalogue.dimensions], dtype=float),
            lower=np.where(log, np.log(np.where(log, lower, 1.0)), lower),
            target=np.where(log, np.log(np.where(log, target, 1.0)), target),
            log=log,
        )

    def scale(self, values: np.ndarray) -> np.ndarray:
        """Values (… × I) on the scoring scale: ln on log indicators, where 0 or less is −∞ (it
        scores the lower goalpost's end: 0, or 100 for a lower-is-better indicator)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            logged = np.log(np.where(values > 0, values, 0.0))
        return np.where(self.log & ~np.isnan(values), logged, values)


@dataclass(frozen=True)
class Variants:
    """D ways of computing the index: weights, goalposts (scoring scale), aggregation and the
    missing-data penalty, one row per variant. The official method is one such row."""

    indicator_weights: np.ndarray  # D × I
    dimension_weights: np.ndarray  # D × K
    lower: np.ndarray  # D × I
    target: np.ndarray  # D × I
    geometric: np.ndarray  # D, bool
    penalty: np.ndarray  # D, γ ≥ 1

    @classmethod
    def official(cls, layout: Layout) -> Variants:
        """The published method: the catalogue's weights and goalposts, arithmetic, γ = 1."""
        return cls(
            indicator_weights=layout.indicator_weights[None, :],
            dimension_weights=layout.dimension_weights[None, :],
            lower=layout.lower[None, :],
            target=layout.target[None, :],
            geometric=np.array([False]),
            penalty=np.array([1.0]),
        )


@dataclass(frozen=True)
class Scores:
    """Scores of C countries under D variants."""

    indicators: np.ndarray  # D × C × I, NaN where not reported
    dimensions: np.ndarray  # D × C × K
    composite: np.ndarray  # D × C


def evaluate(scaled: np.ndarray, layout: Layout, variants: Variants) -> Scores:
    """Every score of C countries (`scaled`: C × I from `Layout.scale`, NaN = not reported)
    under each variant."""
    reported = ~np.isnan(scaled)
    span = variants.target - variants.lower  # D × I
    with np.errstate(invalid="ignore"):
        raw = 100.0 * (scaled[None, :, :] - variants.lower[:, None, :]) / span[:, None, :]
    indicator = np.where(reported[None], np.clip(raw, 0.0, 100.0), np.nan)
    weights = variants.indicator_weights[:, None, :] * reported[None]  # D × C × I
    weighted = np.where(reported[None], indicator, NOT_REPORTED_SCORE) * weights
    total = weighted @ layout.membership  # D × C × K
    present = weights @ layout.membership
    whole = variants.indicator_weights @ layout.membership  # D × K
    gamma = variants.penalty[:, None, None]
    dimension = total * present ** (gamma - 1.0) / whole[:, None, :] ** gamma
    shares = variants.dimension_weights / variants.dimension_weights.sum(axis=1, keepdims=True)
    arithmetic = np.einsum("dck,dk->dc", dimension, shares)
    geometric = (
        np.exp(np.einsum("dck,dk->dc", np.log(dimension + GEOMETRIC_SHIFT), shares))
        - GEOMETRIC_SHIFT
    )
    composite = np.where(variants.geometric[:, None], geometric, arithmetic)
    return Scores(indicator, dimension, composite)


def value_matrix(values: pd.DataFrame, layout: Layout) -> pd.DataFrame:
    """`values` (iso3, indicator_id, value) of one year as a country × indicator table in
    catalogue order, NaN where not reported; countries sorted."""
    return (
        values.pivot_table(index="iso3", columns="indicator_id", values="value", aggfunc="first")
        .reindex(columns=list(layout.indicator_ids))
        .sort_index()
    )
