"""Statistical coherence of a year's scores, as the OECD/JRC Handbook on Constructing Composite
Indicators asks of every index: do a dimension's indicators measure one thing, and does each
indicator weigh in the composite about as much as its nominal weight says?

Indicators are measured on what countries reported (a value not reported is left out, not taken
as the 0 the ranking gives it); dimensions and the composite on their published scores (a
dimension with nothing reported is left out; a partly reported one counts its gaps as 0, as
published). A statistic needs at least MIN_COUNTRIES countries.
- Pearson correlations between indicators, between dimensions and with the composite;
- Cronbach's α per dimension (countries that reported all of its indicators);
- principal components of each dimension's indicators and of the six dimensions: the share of
  variance of the first component and how many eigenvalues exceed 1 (Kaiser);
- each indicator's effective weight: its squared correlation with the composite, normalised to sum
  to 1, beside its nominal weight (its weight in its dimension × the dimension's share).

Flags use the handbook's rules of thumb: α < 0.7; more than one eigenvalue above 1; a correlation
of an indicator with its own dimension below 0.3 (or negative); two indicators correlated above
0.92 (redundant); an effective weight under half or over twice the nominal one."""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import numpy as np
import pandas as pd

from indicators.catalogue import Catalogue
from indicators.scoring import COMPOSITE_ID, catalogue_weights

MIN_COUNTRIES = 5
ALPHA_FLOOR = 0.7
WEAK_CORRELATION = 0.3
REDUNDANT_CORRELATION = 0.92
WEIGHT_RATIO = 2.0  # effective weight within [nominal ÷ 2, nominal × 2]
STAT_COLUMNS = ["measure", "item", "other", "value"]


def cronbach_alpha(items: np.ndarray) -> float:
    """α of a countries × items matrix (complete rows): k ÷ (k − 1) × (1 − Σ item variances ÷
    variance of the row sums), sample variances; NaN with fewer than two items or no variance."""
    k = items.shape[1]
    total = items.sum(axis=1).var(ddof=1)
    if k < 2 or total == 0:
        return float("nan")
    return float(k / (k - 1) * (1 - items.var(axis=0, ddof=1).sum() / total))


def principal_components(items: np.ndarray) -> tuple[float, int]:
    """(share of variance of the first principal component, eigenvalues above 1) of the
    correlation matrix of a countries × items matrix with complete rows."""
    eigen = np.linalg.eigvalsh(np.corrcoef(items, rowvar=False))
    return float(eigen.max() / eigen.sum()), int((eigen > 1).sum())


def coherence(scores: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Every coherence statistic of one year's `scores` (iso3, level, id, score, coverage as in
    the `scores` view): measure, item, other ('' when one subject), value."""
    reported = scores[(scores["level"] != "dimension") | (scores["coverage"] > 0)]
    wide = reported.pivot_table(index="iso3", columns="id", values="score")
    indicators = [i.id for i in catalogue.indicators if i.id in wide]
    dimensions = [d.id for d in catalogue.dimensions if d.id in wide]
    rows = _correlations(wide, indicators) + _correlations(wide, dimensions)
    rows += [
        ("r_composite", item, "", _pearson(wide, item, COMPOSITE_ID))
        for item in indicators + dimensions
    ]
    for dim in catalogue.dimensions:
        members = [i.id for i in catalogue.indicators_of(dim.id) if i.id in wide]
        rows += [("r_dimension", item, dim.id, _pearson(wide, item, dim.id)) for item in members]
        rows += _dimension_structure(wide, members, dim.id)
    rows += _dimension_structure(wide, dimensions, COMPOSITE_ID)
    rows += _weights(wide, indicators, catalogue_weights(catalogue))
    return pd.DataFrame(rows, columns=STAT_COLUMNS)


def _pearson(wide: pd.DataFrame, a: str, b: str) -> float:
    pair = wide[[a, b]].dropna() if b in wide else pd.DataFrame()
    if len(pair) < MIN_COUNTRIES or pair[a].std() == 0 or pair[b].std() == 0:
        return float("nan")
    return float(np.corrcoef(pair[a], pair[b])[0, 1])


def _correlations(wide: pd.DataFrame, items: list[str]) -> list[tuple]:
    return [("pearson", a, b, _pearson(wide, a, b)) for a, b in itertools.combinations(items, 2)]


def _dimension_structure(wide: pd.DataFrame, members: list[str], item: str) -> list[tuple]:
    complete = wide[members].dropna().to_numpy(dtype=float) if members else np.empty((0, 0))
    rows = [("countries", item, "", float(len(complete)))]
    if len(members) < 2 or len(complete) < MIN_COUNTRIES or (complete.std(axis=0) == 0).any():
        return rows
    share, above_one = principal_components(complete)
    return [
        *rows,
        ("alpha", item, "", cronbach_alpha(complete)),
        ("pc1_share", item, "", share),
        ("eigen_over_one", item, "", float(above_one)),
    ]


def _weights(wide: pd.DataFrame, indicators: list[str], nominal: pd.Series) -> list[tuple]:
    squared = pd.Series({i: _pearson(wide, i, COMPOSITE_ID) ** 2 for i in indicators}).dropna()
    effective = squared / squared.sum() if squared.sum() > 0 else squared
    return [("nominal_weight", i, "", float(nominal[i])) for i in indicators] + [
        ("effective_weight", i, "", float(effective[i])) for i in effective.index
    ]


def flags(stats: pd.DataFrame, dimension_of: Mapping[str, str]) -> pd.DataFrame:
    """The statistics of one year beyond the handbook's rules of thumb: measure, item, other,
    value, rule (alpha | components | weak | redundant | weight). `dimension_of`: indicator id →
    dimension id (a redundancy is between two indicators of one dimension)."""
    by = dict(tuple(stats.dropna(subset=["value"]).groupby("measure")))
    empty = pd.DataFrame(columns=[*STAT_COLUMNS])
    pearson = by.get("pearson", empty)
    same_dimension = pd.Series(
        [
            a in dimension_of and dimension_of.get(a) == dimension_of.get(b)
            for a, b in zip(pearson["item"], pearson["other"], strict=True)
        ],
        index=pearson.index,
        dtype=bool,
    )
    picked = [
        by.get("alpha", empty).query("value < @ALPHA_FLOOR").assign(rule="alpha"),
        by.get("eigen_over_one", empty).query("value > 1").assign(rule="components"),
        by.get("r_dimension", empty).query("value < @WEAK_CORRELATION").assign(rule="weak"),
        pearson[same_dimension].query("value > @REDUNDANT_CORRELATION").assign(rule="redundant"),
        _weight_flags(by.get("effective_weight", empty), by.get("nominal_weight", empty)),
    ]
    return pd.concat([p for p in picked if not p.empty] or [empty.assign(rule=[])]).reset_index(
        drop=True
    )


def _weight_flags(effective: pd.DataFrame, nominal: pd.DataFrame) -> pd.DataFrame:
    ratio = effective.set_index("item")["value"] / nominal.set_index("item")["value"]
    far = ratio[(ratio < 1 / WEIGHT_RATIO) | (ratio > WEIGHT_RATIO)].index
    return effective[effective["item"].isin(far)].assign(rule="weight")
