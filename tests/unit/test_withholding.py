"""Withholding never pays: for any catalogue and any country values, removing some of a country's
reported values never raises its composite, its rank or the best end of its rank range, under
the official method and under every Monte Carlo variant (all of which share the rule)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.model import Layout, Variants, evaluate
from indicators.ranking import competition_ranks
from indicators.uncertainty import rank_ranges, variant_ranks, variants

# The draws of the Monte Carlo are the same whatever the data: each variant is compared with itself.


@st.composite
def layouts(draw: st.DrawFn) -> Layout:
    """A catalogue: 2–4 dimensions of 1–3 indicators, any positive weights, goalposts in either
    direction, some on a log scale."""
    sizes = draw(st.lists(st.integers(1, 3), min_size=2, max_size=4))
    n = sum(sizes)
    membership = np.zeros((n, len(sizes)))
    membership[np.arange(n), np.repeat(np.arange(len(sizes)), sizes)] = 1.0
    log = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    lower = np.array(draw(st.lists(st.floats(1, 50), min_size=n, max_size=n)))
    span = np.array(draw(st.lists(st.floats(1, 200), min_size=n, max_size=n)))
    lower_is_better = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    target = np.where(lower_is_better, lower / (1 + span / 10), lower + span)
    weight = st.floats(0.2, 5)
    return Layout(
        indicator_ids=tuple(f"I{i}" for i in range(n)),
        dimension_ids=tuple(f"D{k}" for k in range(len(sizes))),
        membership=membership,
        indicator_weights=np.array(draw(st.lists(weight, min_size=n, max_size=n))),
        dimension_weights=np.array(
            draw(st.lists(weight, min_size=len(sizes), max_size=len(sizes)))
        ),
        lower=np.where(log, np.log(lower), lower),
        target=np.where(log, np.log(target), target),
        log=log,
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[Layout, np.ndarray, int, np.ndarray]:
    """A layout, values of 2–7 countries (each reports at least one), a country and the values
    it withholds (at least one, not all)."""
    layout = draw(layouts())
    n = len(layout.indicator_ids)
    countries = draw(st.integers(2, 7))
    value = st.one_of(st.just(np.nan), st.floats(0, 300), st.just(0.0))
    matrix = np.array(
        [draw(st.lists(value, min_size=n, max_size=n)) for _ in range(countries)], dtype=float
    )
    for row in matrix:
        if np.isnan(row).all():
            row[draw(st.integers(0, n - 1))] = draw(st.floats(0, 300))
    who = draw(st.integers(0, countries - 1))
    reported = np.flatnonzero(~np.isnan(matrix[who]))
    if len(reported) < 2:
        matrix[who, :] = draw(st.lists(st.floats(0, 300), min_size=n, max_size=n))
        reported = np.arange(n)
    withheld = draw(
        st.lists(
            st.sampled_from(list(reported)), min_size=1, max_size=len(reported) - 1, unique=True
        )
    )
    return layout, matrix, who, np.array(withheld)


def published(layout: Layout, matrix: np.ndarray):
    scaled = layout.scale(matrix)
    composite = evaluate(scaled, layout, Variants.official(layout)).composite[0]
    official = competition_ranks(composite)
    return composite, official, rank_ranges(variant_ranks(scaled, layout), official)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_withholding_values_never_raises_the_composite_the_rank_or_its_best_bound(case):
    layout, matrix, who, withheld = case
    composite, rank, ranges = published(layout, matrix)
    less = matrix.copy()
    less[who, withheld] = np.nan
    composite_less, rank_less, ranges_less = published(layout, less)
    assert composite_less[who] <= composite[who] + 1e-9
    assert rank_less[who] >= rank[who]
    assert ranges_less.loc[who, "rank_low"] >= ranges.loc[who, "rank_low"]
    # The others' scores do not depend on what this country reported.
    others = np.arange(len(matrix)) != who
    assert np.array_equal(composite_less[others], composite[others])


@settings(max_examples=30, deadline=None)
@given(cases())
def test_every_monte_carlo_variant_keeps_the_rule(case):
    layout, matrix, who, withheld = case
    every = variants(
        layout,
        np.random.default_rng(1).random(
            (64, 3 * len(layout.indicator_ids) + len(layout.dimension_ids) + 2)
        ),
    )
    less = matrix.copy()
    less[who, withheld] = np.nan
    before = evaluate(layout.scale(matrix), layout, every).composite[:, who]
    after = evaluate(layout.scale(less), layout, every).composite[:, who]
    assert (after <= before + 1e-9).all()
