"""The statistical audit against cases whose answers are known: Sobol indices of an additive
model, Cronbach's α and principal components computed by hand, the handbook's flags, and the
release's statistics recomputed the same from the same values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from SALib.sample import sobol as saltelli

from indicators.catalogue import load_catalogue
from indicators.coherence import (
    coherence,
    cronbach_alpha,
    flags,
    principal_components,
)
from indicators.scoring import catalogue_weights, score_table
from indicators.statistical_audit import release_statistics
from indicators.uncertainty import FACTORS, sobol_indices

CAT = load_catalogue()
DIMENSION_OF = {i.id: i.dimension for i in CAT.indicators}


def test_sobol_indices_of_an_additive_model_match_the_analytic_values():
    # Y = 2·a + b1 + b2 with independent U(0, 1) inputs; group b = {b1, b2}. Var(2a) = 4/12 and
    # Var(b1 + b2) = 2/12, so S_a = 2/3 and S_b = 1/3, first-order = total effect (no interaction).
    space = {
        "num_vars": 3,
        "names": ["a", "b1", "b2"],
        "bounds": [[0.0, 1.0]] * 3,
        "groups": ["a", "b", "b"],
    }
    sample = saltelli.sample(space, 2048, calc_second_order=False, scramble=True, seed=3)
    found = sobol_indices(space, 2 * sample[:, 0] + sample[:, 1] + sample[:, 2]).set_index("factor")
    assert found.loc["a", "first_order"] == pytest.approx(2 / 3, abs=0.03)
    assert found.loc["b", "first_order"] == pytest.approx(1 / 3, abs=0.03)
    assert found.loc["a", "total_effect"] == pytest.approx(2 / 3, abs=0.03)
    assert found.loc["b", "total_effect"] == pytest.approx(1 / 3, abs=0.03)
    assert (found["total_effect_conf"] > 0).all()


def test_a_ranking_no_factor_moves_has_no_variance_to_split():
    space = {"num_vars": 2, "names": ["a", "b"], "bounds": [[0.0, 1.0]] * 2, "groups": ["a", "b"]}
    sample = saltelli.sample(space, 64, calc_second_order=False, seed=1)
    found = sobol_indices(space, np.zeros(len(sample)))
    assert found["first_order"].eq(0).all() and found["total_effect"].eq(0).all()


ITEMS = np.array([[1, 2], [2, 1], [3, 4], [4, 3], [5, 5]], dtype=float)


def test_cronbach_alpha_and_principal_components_by_hand():
    # Item variances 2.5 and 2.5; row sums 3, 3, 7, 7, 10 have variance 36 / 4 = 9:
    # α = 2 / 1 × (1 − 5 / 9) = 8 / 9.
    assert cronbach_alpha(ITEMS) == pytest.approx(8 / 9)
    # Covariance 8 / 4 = 2, r = 2 / 2.5 = 0.8: eigenvalues 1.8 and 0.2 of [[1, .8], [.8, 1]].
    share, above_one = principal_components(ITEMS)
    assert share == pytest.approx(0.9) and above_one == 1
    assert np.isnan(cronbach_alpha(ITEMS[:, :1]))


def test_nominal_weights_follow_the_dimension_sizes():
    nominal = catalogue_weights(CAT)
    # Six dimensions of equal weight: 1/18 for each of D1's three indicators, 1/12 for D3's two.
    assert nominal["SD1"] == pytest.approx(1 / 18) and nominal["IO1"] == pytest.approx(1 / 12)
    assert nominal.sum() == pytest.approx(1.0)


def coherence_case() -> pd.DataFrame:
    """Six countries reporting every indicator; IO2 runs against everything else."""
    rows = []
    for n, share in enumerate((0.2, 0.35, 0.5, 0.6, 0.75, 0.9)):
        for ind in CAT.indicators:
            low, high = ind.scoring.lower, ind.scoring.target
            s = 1 - share if ind.id == "IO2" else share + 0.02 * ((n * 7 + len(ind.id)) % 3)
            value = low * (high / low) ** s if ind.scoring.log else low + s * (high - low)
            rows.append((f"C{n}", 2024, ind.id, value))
    return pd.DataFrame(rows, columns=["iso3", "year", "indicator_id", "value"])


def test_coherence_finds_the_indicator_that_pulls_its_dimension_apart():
    stats = coherence(score_table(coherence_case(), CAT), CAT)
    measure = stats.set_index(["measure", "item", "other"])["value"]
    assert measure[("countries", "D3", "")] == 6
    assert measure[("pearson", "IO1", "IO2")] == pytest.approx(-1.0, abs=0.01)
    assert measure[("alpha", "D3", "")] < 0  # two items that cancel out
    effective = stats[stats["measure"] == "effective_weight"]["value"]
    assert effective.sum() == pytest.approx(1.0)
    found = flags(stats, DIMENSION_OF)
    assert set(found[found["item"] == "D3"]["rule"]) == {"alpha"}
    assert "IO2" in set(found[found["rule"] == "weak"]["item"])


def test_flags_apply_the_handbooks_thresholds():
    stats = pd.DataFrame(
        [
            ("alpha", "D1", "", 0.69),
            ("alpha", "D2", "", 0.71),
            ("eigen_over_one", "D4", "", 2.0),
            ("r_dimension", "SD1", "D1", 0.29),
            ("pearson", "SD1", "SD2", 0.95),  # same dimension: redundant
            ("pearson", "SD1", "IO1", 0.95),  # different dimensions: not a redundancy
            ("nominal_weight", "SD1", "", 0.05),
            ("effective_weight", "SD1", "", 0.11),  # more than twice its nominal weight
            ("nominal_weight", "SD2", "", 0.05),
            ("effective_weight", "SD2", "", 0.09),
        ],
        columns=["measure", "item", "other", "value"],
    )
    found = flags(stats, DIMENSION_OF)
    assert sorted(zip(found["rule"], found["item"], strict=True)) == [
        ("alpha", "D1"),
        ("components", "D4"),
        ("redundant", "SD1"),
        ("weak", "SD1"),
        ("weight", "SD1"),
    ]


def test_release_statistics_are_reproducible_and_cover_every_factor():
    values = coherence_case()
    scores = score_table(values, CAT)
    first = release_statistics(values, scores, CAT)
    assert first.equals(release_statistics(values, scores, CAT))
    sensitivity = first[first["analysis"] == "sensitivity"]
    assert set(sensitivity["item"]) == set(FACTORS)
    assert set(first["analysis"]) == {"sensitivity", "coherence"}


def test_a_year_without_statistics_has_no_flags():
    empty = pd.DataFrame(columns=["measure", "item", "other", "value"])
    assert flags(empty, DIMENSION_OF).empty
    only_alpha = pd.DataFrame([("alpha", "D1", "", 0.9)], columns=empty.columns)
    assert flags(only_alpha, DIMENSION_OF).empty
