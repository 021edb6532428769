"""The scoring method against small cases computed by hand (the numbers in comments)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from indicators.catalogue import DEFAULT_PATH, load_catalogue
from indicators.comparison import (
    egdi_level,
    nearest_survey,
    peer_groups,
    peer_stats,
    un_crosscheck,
)
from indicators.scoring import (
    competition_rank,
    composite_scores,
    coverage,
    dimension_scores,
    indicator_score,
    indicator_scores,
    rank_change,
    rank_range,
    score_table,
)
from indicators.yaml_source import DataFileError

CAT = load_catalogue()


def values(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["iso3", "year", "indicator_id", "value"])


def edited_catalogue(tmp_path, *replacements: tuple[str, str]):
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "catalogue.yaml"
    path.write_text(text, encoding="utf-8")
    return load_catalogue(path)


@pytest.mark.parametrize(
    "value,lower,target,log,expected",
    [
        (75, 0, 100, False, 75.0),
        (40, 0, 80, False, 50.0),  # 40 / 80
        (90, 0, 80, False, 100.0),  # beyond the target: clamps
        (-5, 0, 80, False, 0.0),  # below the lower goalpost: clamps
        (math.sqrt(500), 1, 500, True, 50.0),  # log: halfway between log 1 and log 500
        (0.5, 1, 500, True, 0.0),
        (0, 1, 500, True, 0.0),  # log of 0: the bottom of the scale
        (5000, 1, 500, True, 100.0),
        (20, 100, 0, False, 80.0),  # lower is better: 100 scores 0, 0 scores 100
        (150, 100, 0, False, 0.0),
    ],
)
def test_indicator_score_goalposts_clamp_log_and_direction(value, lower, target, log, expected):
    assert indicator_score(value, lower, target, log) == pytest.approx(expected)


def test_catalogue_goalposts_drive_indicator_scores():
    scored = indicator_scores(
        values([("URY", 2024, "SD2", 40.0), ("URY", 2024, "FD1", math.sqrt(500))]), CAT
    )
    assert scored["score"].tolist() == pytest.approx([50.0, 50.0])  # SD2 target 80; FD1 log 1–500


def test_a_lower_is_better_indicator_needs_its_target_below_the_lower_goalpost(tmp_path):
    flipped = edited_catalogue(
        tmp_path,
        ("    direction: higher\n", "    direction: lower\n"),
        (
            "scoring: {lower: 0, target: 100, log: false}",
            "scoring: {lower: 100, target: 0, log: false}",
        ),
    )
    sd1 = flipped.indicator_by_id["SD1"]
    assert indicator_scores(values([("URY", 2024, "SD1", 20.0)]), flipped)["score"].tolist() == [
        80.0
    ]
    assert (sd1.direction, sd1.scoring.lower, sd1.scoring.target) == ("lower", 100, 0)
    with pytest.raises(DataFileError, match="lower is better here"):
        edited_catalogue(tmp_path, ("    direction: higher\n", "    direction: lower\n"))


def test_dimension_needs_half_its_indicators_and_uses_weights(tmp_path):
    scored = indicator_scores(
        values(
            [
                ("ARG", 2024, "SD1", 60.0),  # D1 has 3 indicators: 1 is not enough
                ("BRA", 2024, "SD1", 60.0),
                ("BRA", 2024, "SD2", 40.0),  # 60 and 50 → 55
                ("CHL", 2024, "IO1", 30.0),  # D3 has 2: 1 is half, enough → 30
            ]
        ),
        CAT,
    )
    dims = dimension_scores(scored, CAT).set_index(["iso3", "dimension_id"])
    assert math.isnan(dims.loc[("ARG", "D1"), "score"]) and dims.loc[("ARG", "D1"), "coverage"] == 1
    assert dims.loc[("BRA", "D1"), "score"] == pytest.approx(55.0)
    assert dims.loc[("CHL", "D3"), "score"] == pytest.approx(30.0)
    assert dims.loc[("CHL", "D1"), "coverage"] == 0 and math.isnan(dims.loc[("CHL", "D1"), "score"])
    heavy = edited_catalogue(
        tmp_path,
        (
            "  - id: SD1\n    dimension: D1\n    weight: 1",
            "  - id: SD1\n    dimension: D1\n    weight: 3",
        ),
    )
    weighted = dimension_scores(
        indicator_scores(values([("BRA", 2024, "SD1", 60.0), ("BRA", 2024, "SD2", 40.0)]), heavy),
        heavy,
    )
    assert weighted.set_index("dimension_id").loc["D1", "score"] == pytest.approx((3 * 60 + 50) / 4)


def dims_frame(rows: dict[str, dict[str, float]], year: int = 2024) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"iso3": iso3, "year": year, "dimension_id": d, "score": s, "coverage": 2}
            for iso3, scores in rows.items()
            for d, s in scores.items()
        ]
    )


def test_composite_needs_five_of_six_dimensions_and_uses_their_weights():
    dims = dims_frame(
        {
            "ARG": {"D1": 10, "D2": 20, "D3": 30, "D4": 40, "D5": 50, "D6": np.nan},
            "BRA": {"D1": 10, "D2": 20, "D3": 30, "D4": 40, "D5": np.nan, "D6": np.nan},
        }
    )
    comp = composite_scores(dims, CAT).set_index("iso3")
    assert comp.loc["ARG", "score"] == pytest.approx(30.0) and comp.loc["ARG", "dimensions"] == 5
    assert math.isnan(comp.loc["BRA", "score"]) and comp.loc["BRA", "dimensions"] == 4
    weighted = composite_scores(
        dims, CAT, weights={"D1": 2, "D2": 1, "D3": 1, "D4": 1, "D5": 1, "D6": 1}
    )
    assert weighted.set_index("iso3").loc["ARG", "score"] == pytest.approx(
        (2 * 10 + 20 + 30 + 40 + 50) / 6
    )


def test_ties_share_the_better_rank_and_missing_is_not_ranked():
    ranks = competition_rank(pd.Series([90.0, 80.0, np.nan, 80.0, 70.0]))
    assert ranks.tolist()[:2] == [1, 2] and math.isnan(ranks[2]) and ranks.tolist()[3:] == [2, 4]


def test_rank_range_is_seeded_and_brackets_fragile_ranks():
    matrix = pd.DataFrame(
        {
            "D1": [95, 60, 90, 20],
            "D2": [95, 61, 30, 20],
            "D3": [95, 59, 30, 20],
            "D4": [95, 60, 30, 20],
            "D5": [95, 60, 90, 20],
            "D6": [95, 60, 90, np.nan],
        },
        index=["TOP", "EVEN", "SPIKY", "LOW"],
    )
    weights = np.ones(6)
    first = rank_range(matrix, weights, 2024)
    assert first.equals(rank_range(matrix, weights, 2024))  # same seed, same range
    assert first.loc["TOP"].tolist() == [1, 1] and first.loc["LOW"].tolist() == [4, 4]
    # EVEN (mean 60) and SPIKY (mean 60) swap places depending on the weights.
    assert first.loc["EVEN"].tolist() == [2, 3] and first.loc["SPIKY"].tolist() == [2, 3]


def test_score_table_levels_ranks_and_ranges():
    rows = []
    for iso3, level in (("AAA", 90.0), ("BBB", 60.0), ("CCC", 60.0), ("DDD", 30.0)):
        rows += [(iso3, 2024, ind.id, level) for ind in CAT.indicators if ind.unit == "percent"]
    table = score_table(values(rows), CAT)
    comp = table[table["level"] == "composite"].set_index("iso3")
    # Percent indicators with targets of 100, 90 or 80: every score is min(100, 100 × v / target).
    assert comp.loc["BBB", "rank"] == comp.loc["CCC", "rank"] == 2 and comp.loc["DDD", "rank"] == 4
    assert (comp["rank_low"] <= comp["rank"]).all() and (comp["rank"] <= comp["rank_high"]).all()
    assert comp.loc["AAA", "coverage"] == sum(ind.unit == "percent" for ind in CAT.indicators)
    assert table[table["level"] != "composite"]["rank_low"].isna().all()


def test_rank_change_splits_exactly_into_own_and_others():
    composite = pd.DataFrame(
        [
            ("A", 2023, 50.0),
            ("B", 2023, 60.0),
            ("C", 2023, 70.0),
            ("A", 2024, 65.0),
            ("B", 2024, 80.0),
            ("C", 2024, 60.0),
        ],
        columns=["iso3", "year", "score"],
    )
    change = rank_change(composite, 2023, 2024).set_index("iso3")
    # A: 3rd → 2nd. With 65 among the others' 2023 scores (60, 70) A would be 2nd: all its own
    # doing.
    assert change.loc["A", ["rank_from", "rank_to", "places", "own", "others"]].tolist() == [
        3,
        2,
        1,
        1,
        0,
    ]
    # C: 1st → 3rd. With 60 among 50 and 60 C would still be 1st (a tie): the others moved past it.
    assert change.loc["C", ["rank_from", "rank_to", "places", "own", "others"]].tolist() == [
        1,
        3,
        -2,
        0,
        -2,
    ]
    assert (change["own"] + change["others"] == change["places"]).all()


def test_coverage_per_country_year_and_per_indicator_year():
    by_country, by_indicator = coverage(
        values([("URY", 2024, "SD1", 1.0), ("URY", 2024, "SD2", 1.0), ("BRA", 2024, "SD1", 1.0)]),
        CAT,
    )
    assert by_country.set_index("iso3").loc["URY", ["reported", "of"]].tolist() == [2, 15]
    assert by_indicator.set_index("indicator_id").loc["SD1", "countries"] == 2


@pytest.mark.parametrize(
    "egdi,level",
    [
        (0.75, "very_high"),
        (0.7499, "high"),
        (0.5, "high"),
        (0.4999, "middle"),
        (0.25, "middle"),
        (0.2499, "low"),
        (0.0, "low"),
        (None, None),
        (np.nan, None),
    ],
)
def test_un_egdi_levels(egdi, level):
    assert egdi_level(egdi) == level


def egov(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["iso3", "survey_year", "egdi", "osi", "hci", "tii", "epi"])


def test_nearest_survey_prefers_the_earlier_on_a_tie_and_skips_unassessed():
    surveys = egov(
        [
            ("URY", 2020, 0.85, 0.8, 0.9, 0.8, 0.7),
            ("URY", 2022, 0.86, 0.9, 0.9, 0.8, 0.7),
            ("URY", 2024, np.nan, np.nan, np.nan, np.nan, np.nan),
        ]
    )
    near = nearest_survey(surveys, [2019, 2021, 2023, 2024]).set_index("year")["survey_year"]
    assert near.to_dict() == {2019: 2020, 2021: 2020, 2023: 2022, 2024: 2022}


def test_peer_groups_and_their_quartiles():
    countries = pd.DataFrame({"iso3": ["A", "B", "C", "D"], "subregion": ["caribbean"] * 4})
    near = pd.DataFrame(
        {"iso3": ["A", "B", "C", "D"], "year": [2024] * 4, "egdi": [0.8, 0.6, 0.3, 0.1]}
    )
    groups = peer_groups(countries, near)
    assert groups.set_index("iso3")["egdi_level"].tolist() == ["very_high", "high", "middle", "low"]
    scores = pd.DataFrame(
        {
            "iso3": ["A", "B", "C", "D"],
            "year": 2024,
            "level": "composite",
            "id": "GEALC",
            "score": [10.0, 20.0, 30.0, 40.0],
        }
    )
    stats = peer_stats(scores, groups, "subregion").iloc[0]
    assert (stats["median"], stats["q1"], stats["q3"], stats["countries"]) == (25.0, 17.5, 32.5, 4)


def test_un_crosscheck_relation_and_the_one_country_far_from_its_osi():
    osi = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
    countries = [f"C{n}" for n in range(8)]
    score = [100 * o + (0.5 if n % 2 else -0.5) for n, o in enumerate(osi)]  # a little scatter
    score[2] = 95.0  # reports far more than its OSI suggests
    dims = pd.DataFrame({"iso3": countries, "year": 2024, "dimension_id": "D1", "score": score})
    near = pd.DataFrame({"iso3": countries, "year": 2024, "osi": osi, "epi": osi})
    relations, flags = un_crosscheck(dims, near, CAT)
    d1 = relations.set_index("dimension_id").loc["D1"]
    assert d1["countries"] == 8 and d1["un_index"] == "OSI"
    # Ranks of the scores: C0..C7 = 1,2,8,3,4,5,6,7 against 1..8:
    # ρ = 1 − 6 Σd² / (n(n²−1)) = 1 − 6·(25+5·1)/504
    assert d1["spearman_rho"] == pytest.approx(1 - 6 * 30 / 504)
    assert flags["iso3"].tolist() == ["C2"] and flags.iloc[0]["residual"] > 0
    assert flags.iloc[0]["q_value"] < 0.05 and d1["slope"] == pytest.approx(100)
