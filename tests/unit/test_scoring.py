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
from indicators.model import Layout
from indicators.ranking import competition_ranks
from indicators.scoring import (
    catalogue_weights,
    coverage,
    indicator_score,
    like_for_like,
    rank_change,
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


def level(table: pd.DataFrame, name: str) -> pd.DataFrame:
    return table[table["level"] == name].set_index(["iso3", "id"])


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


def test_catalogue_goalposts_drive_indicator_scores_the_same_in_the_table():
    table = score_table(
        values(
            [
                ("URY", 2024, "SD2", 40.0),
                ("URY", 2024, "FD1", math.sqrt(500)),
                ("URY", 2024, "FD2", 0),
            ]
        ),
        CAT,
    )
    scores = level(table, "indicator")["score"]
    # SD2 target 80; FD1 log 1–500 (halfway); FD2 0 is the lower goalpost.
    assert scores[("URY", "SD2")] == pytest.approx(50.0)
    assert scores[("URY", "FD1")] == pytest.approx(50.0)
    assert scores[("URY", "FD2")] == 0.0
    assert len(scores) == 3  # what was not reported has no indicator score


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
    table = score_table(values([("URY", 2024, "SD1", 20.0)]), flipped)
    assert level(table, "indicator").loc[("URY", "SD1"), "score"] == 80.0
    assert (sd1.direction, sd1.scoring.lower, sd1.scoring.target) == ("lower", 100, 0)
    with pytest.raises(DataFileError, match="lower is better here"):
        edited_catalogue(tmp_path, ("    direction: higher\n", "    direction: lower\n"))


def test_not_reported_scores_the_lower_goalpost_at_every_level(tmp_path):
    table = score_table(values([("BRA", 2024, "SD1", 60.0), ("BRA", 2024, "SD2", 40.0)]), CAT)
    dims = level(table, "dimension")
    # D1 has three indicators of weight 1: (60 + 50 + 0 for SD3, not reported) / 3.
    assert dims.loc[("BRA", "D1"), "score"] == pytest.approx(110 / 3)
    assert dims.loc[("BRA", "D1"), "coverage"] == 2
    assert dims.loc[("BRA", "D2"), ["score", "coverage"]].tolist() == [0.0, 0]
    comp = level(table, "composite").loc[("BRA", "GEALC")]
    # Six dimensions of weight 1, five of them at 0; the composite rests on 2 indicators.
    assert comp["score"] == pytest.approx(110 / 3 / 6) and comp["coverage"] == 2
    heavy = edited_catalogue(
        tmp_path,
        (
            "  - id: SD1\n    dimension: D1\n    weight: 1",
            "  - id: SD1\n    dimension: D1\n    weight: 3",
        ),
        ("  - id: D1\n    weight: 1", "  - id: D1\n    weight: 2"),
    )
    weighted = score_table(values([("BRA", 2024, "SD1", 60.0), ("BRA", 2024, "SD2", 40.0)]), heavy)
    d1 = (3 * 60 + 50) / 5  # SD3's weight counts although it was not reported
    assert level(weighted, "dimension").loc[("BRA", "D1"), "score"] == pytest.approx(d1)
    assert level(weighted, "composite").loc[("BRA", "GEALC"), "score"] == pytest.approx(2 * d1 / 7)


def test_equal_scores_at_the_printed_decimal_share_the_better_rank():
    ranks = competition_ranks(np.array([90.0, 80.04, np.nan, 79.96, 70.0]))
    # 80.04 and 79.96 both print as 80.0: they share 2nd place; 70 is 4th; missing is unranked.
    assert ranks[[0, 1, 3, 4]].tolist() == [1, 2, 2, 4] and math.isnan(ranks[2])


def full_year(iso3: str, share: float, year: int = 2024) -> list[tuple]:
    """Every indicator at `share` of the way from its lower goalpost to its target."""
    rows = []
    for ind in CAT.indicators:
        low, high = ind.scoring.lower, ind.scoring.target
        value = low * (high / low) ** share if ind.scoring.log else low + share * (high - low)
        rows.append((iso3, year, ind.id, value))
    return rows


def test_rank_ranges_are_seeded_hold_firm_ranks_and_open_fragile_ones():
    rows = full_year("TOP", 0.95) + full_year("LOW", 0.10)
    # EVEN is at 60 everywhere; SPIKY is at 100 in D1, D5, D6 and 20 elsewhere: also a mean of 60,
    # so which is ahead depends on the weights and the aggregation.
    rows += full_year("EVEN", 0.60)
    spiky_dims = {"D1", "D5", "D6"}
    rows += [
        (r[0].replace("TOP", "SPIKY"), r[1], r[2], r[3])
        for r in full_year("TOP", 1.0)
        if CAT.indicator_by_id[r[2]].dimension in spiky_dims
    ]
    rows += [
        (r[0].replace("TOP", "SPIKY"), r[1], r[2], r[3])
        for r in full_year("TOP", 0.2)
        if CAT.indicator_by_id[r[2]].dimension not in spiky_dims
    ]
    first = score_table(values(rows), CAT)
    assert first.equals(score_table(values(rows), CAT))  # same seed, same ranges and shares
    comp = level(first, "composite").droplevel("id")
    assert comp.loc["TOP", ["rank", "rank_low", "rank_high", "rank_share"]].tolist() == [1, 1, 1, 1]
    assert comp.loc["LOW", ["rank", "rank_low", "rank_high", "rank_share"]].tolist() == [4, 4, 4, 1]
    for fragile in ("EVEN", "SPIKY"):
        assert comp.loc[fragile, ["rank_low", "rank_high"]].tolist() == [2, 3]
        assert 0 < comp.loc[fragile, "rank_share"] < 1
    assert first[first["level"] != "composite"][["rank_low", "rank_share"]].isna().all().all()


def test_like_for_like_change_uses_only_the_indicators_reported_in_both_years():
    rows = [
        ("A", 2023, "SD1", 50.0),
        ("A", 2024, "SD1", 70.0),
        ("A", 2024, "SD2", 80.0),  # new in 2024: not part of A's like-for-like change
        ("B", 2023, "SD1", 50.0),
        ("B", 2023, "SD2", 80.0),
        ("B", 2024, "SD1", 50.0),  # B dropped SD2: its like-for-like change is 0
    ]
    table = score_table(values(rows), CAT)
    indicators = table[table["level"] == "indicator"]
    like = like_for_like(indicators, catalogue_weights(CAT), 2023, 2024).set_index("iso3")
    assert like.loc["A", "common"] == 1 and like.loc["B", "common"] == 1
    # SD1 alone: D1 = score / 3, composite = D1 / 6.
    assert like.loc["A", "change"] == pytest.approx(20 / 3 / 6)
    assert like.loc["B", "change"] == pytest.approx(0.0)


def test_the_composite_is_the_nominal_weights_times_the_reported_scores():
    table = score_table(values(full_year("URY", 0.7)[:9] + full_year("CHL", 0.4)[3:]), CAT)
    weights = catalogue_weights(CAT)
    indicators = table[table["level"] == "indicator"].pivot(
        index="iso3", columns="id", values="score"
    )
    expected = (indicators.reindex(columns=weights.index).fillna(0) * weights).sum(axis=1)
    composite = level(table, "composite").droplevel("id")["score"]
    assert composite.to_dict() == pytest.approx(expected.to_dict())


def test_rank_change_splits_exactly_into_own_reporting_and_others():
    composite = pd.DataFrame(
        [
            ("A", 2023, 50.0, 3),
            ("B", 2023, 60.0, 2),
            ("C", 2023, 70.0, 1),
            ("A", 2024, 65.0, 2),
            ("B", 2024, 80.0, 1),
            ("C", 2024, 60.0, 3),
        ],
        columns=["iso3", "year", "score", "rank"],
    )
    like = pd.DataFrame(
        [("A", 10, 5.0), ("B", 15, 20.0), ("C", 15, -15.0)], columns=["iso3", "common", "change"]
    )
    change = rank_change(composite, like, 2023, 2024).set_index("iso3")
    parts = ["rank_from", "rank_to", "places", "own", "reporting", "others", "common"]
    # A: 3rd → 2nd. Like for like 50 + 5 = 55 stays 3rd among the others' 60 and 70; its full new
    # score 65 (values it added) is 2nd among them: the gain came from what it reported.
    assert change.loc["A", parts].tolist() == [3, 2, 1, 0, 1, 0, 10]
    # C: 1st → 3rd. Like for like 70 − 15 = 55 is 2nd among 50 and 60 (−1, its own); its full
    # 60 ties B's old 60 for 1st (+1, what it reported); A and B moving past it did the rest (−2).
    assert change.loc["C", parts].tolist() == [1, 3, -2, -1, 1, -2, 15]
    assert (change["own"] + change["reporting"] + change["others"] == change["places"]).all()


def test_layout_scales_log_indicators_and_keeps_catalogue_order():
    layout = Layout.of(CAT)
    assert layout.indicator_ids == tuple(i.id for i in CAT.indicators)
    assert layout.membership.sum(axis=0).tolist() == [
        len(CAT.indicators_of(d.id)) for d in CAT.dimensions
    ]
    fd1 = layout.indicator_ids.index("FD1")
    row = np.full(len(layout.indicator_ids), np.nan)
    row[fd1] = 500.0
    assert layout.scale(row)[fd1] == pytest.approx(math.log(500.0))


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
