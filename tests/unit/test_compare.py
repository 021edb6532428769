"""Compare countries, without a browser: the view read from the URL, the default peers, the
table beside the UN figures and the World Bank GTMI, the figures with missing values, and the UN
cross-check's statistics (Theil–Sen line, robust residuals, Benjamini–Hochberg control) on sets
small enough to check by hand."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from app import figures, queries
from app.pages.compare import comparison
from app.pages.un import benchmarks
from app.release import Snapshot
from indicators.comparison import (
    FALSE_DISCOVERY_RATE,
    MAD_TO_SD,
    q_values,
    relation,
    robust_sd,
    robust_z,
    theil_sen,
)

MEMBERS = ["ARG", "BRA", "CHL", "CRI", "HTI", "JAM", "URY"]
SUBREGIONS = pd.Series(
    {
        "ARG": "south_america",
        "BRA": "south_america",
        "CHL": "south_america",
        "URY": "south_america",
        "CRI": "central_america",
        "HTI": "caribbean",
        "JAM": "caribbean",
    }
)
DIMS = pd.DataFrame({"dimension_id": ["D1", "D2"], "name": ["Servicios", "Firma"]})


def test_view_keeps_what_exists_and_reports_the_rest():
    view = comparison.read_view(
        {"countries": "ury, chl,XXX,URY", "year": "1990", "dimension": "d2"},
        MEMBERS,
        [2024, 2023],
        ["D1", "D2"],
    )
    assert view.countries == ["URY", "CHL"] and view.year == 2024 and view.dimension == "D2"
    assert view.problems == [("countries", "XXX"), ("year", "1990")]
    nine = comparison.read_view(
        {"countries": "ARG,BRA,CHL,CRI,HTI,JAM,URY,PER,COL"}, [*MEMBERS, "PER", "COL"], [2024], []
    )
    assert len(nine.countries) == 8 and nine.problems == [] and nine.left_out == ["COL"]
    assert comparison.read_view({}, MEMBERS, [], []).year is None


def scores(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["iso3", "level", "id", "score", "rank", "rank_low", "rank_high", "coverage"]
    )


SCORES = scores(
    [
        ("ARG", "composite", "GEALC", 80.0, 2, 1, 3, 15),
        ("BRA", "composite", "GEALC", 85.0, 1, 1, 2, 15),
        ("CHL", "composite", "GEALC", 70.0, 3, 2, 3, 15),
        ("CRI", "composite", "GEALC", 60.0, 4, 4, 4, 15),
        ("HTI", "composite", "GEALC", np.nan, None, None, None, 3),
        ("JAM", "composite", "GEALC", 50.0, 5, 5, 5, 12),
        ("BRA", "dimension", "D1", 90.0, 1, None, None, 3),
        ("BRA", "dimension", "D2", np.nan, None, None, None, 1),
    ]
)


def test_default_peers_take_the_best_of_each_subregion():
    assert comparison.default_peers(SCORES, SUBREGIONS) == ["BRA", "ARG", "CRI", "JAM"]


def test_comparison_table_sits_beside_the_nearest_un_survey():
    egov = pd.DataFrame(
        {
            "iso3": ["BRA", "BRA", "HTI"],
            "survey_year": [2022, 2024, 2024],
            "egdi": [0.79, 0.84, 0.21],
            "osi": [0.9, 0.9, 0.2],
            "hci": [0.8] * 3,
            "tii": [0.7] * 3,
            "epi": [0.9] * 3,
            "egdi_rank": [49, 50, 186],
        }
    )
    names = pd.Series({"BRA": "Brasil", "HTI": "Haití"})
    table = comparison.comparison_table(
        SCORES, egov, names, ["BRA", "HTI"], DIMS, year=2023
    ).set_index("iso3")
    # What each country reported, beside its rank: never hidden in an average.
    assert table["coverage"].tolist() == [15, 3]
    assert (
        table.loc["BRA", "un_survey"] == 2022
        and table.loc["BRA", "egdi"] == 0.79
        and table.loc["BRA", "egdi_rank"] == 49
    )
    assert table.loc["BRA", "GEALC"] == 85.0 and comparison.shown_ranks(table)["BRA"] == "1 (1–2)"
    assert table.loc["BRA", "D1"] == 90.0 and pd.isna(table.loc["BRA", "D2"])
    assert pd.isna(table.loc["HTI", "GEALC"]) and comparison.shown_ranks(table)["HTI"] == "—"
    # The page heads the columns in its language, the indicators reported out of how many.
    headings = comparison.headings(DIMS, 15, "es")
    columns = list(table.reset_index().columns)  # the page writes the rank and its range as one
    at = columns.index("rank")
    columns[at : at + len(comparison.RANK_FIELDS)] = ["rank_range"]
    assert table[list(comparison.RANK_FIELDS)].loc["BRA"].tolist() == [
        1,
        1,
        2,
    ]  # numbers, to download
    assert [headings[c] for c in columns] == [
        "ISO3",
        "País",
        "Encuesta ONU",
        "EGDI",
        "Posición ONU",
        "Compuesto GEALC",
        "Posición GEALC (rango)",
        "Indicadores reportados (de 15)",
        "D1 Servicios",
        "D2 Firma",
    ]


def test_the_nearest_gtmi_survey_sits_beside_the_un_figures_with_its_group():
    table = pd.DataFrame({"name": ["Brasil", "Nicaragua", "Haití"], "iso3": ["BRA", "NIC", "HTI"]})
    table = table.assign(un_survey=2024, egdi=0.84, egdi_rank=50, GEALC=80.0)
    gtmi = pd.DataFrame(
        {
            "iso3": ["BRA", "BRA", "BRA", "NIC", "NIC"],
            "year": [2020, 2022, 2025, 2020, 2022],
            "gtmi": [0.87, 0.98, 0.99, 0.33, 0.32],
            "group": ["A", "A", "A", "C", "C"],
        }
    )
    # 2023 is nearest the 2022 survey; 2021 lies as near 2020 as 2022: the earlier one.
    with_gtmi = comparison.with_gtmi(table, gtmi, year=2023).set_index("iso3")
    assert list(with_gtmi.columns)[3:8] == [
        "egdi_rank",
        "gtmi_survey",
        "gtmi_group",
        "gtmi",
        "GEALC",
    ]
    assert with_gtmi.loc["BRA", ["gtmi_survey", "gtmi_group", "gtmi"]].tolist() == [
        2022,
        "A",
        0.98,
    ]
    # Nicaragua missed 2025: for 2024 its nearest survey is 2022; Haiti, never assessed here.
    later = comparison.with_gtmi(table, gtmi, year=2024).set_index("iso3")
    assert later.loc["BRA", "gtmi_survey"] == 2025 and later.loc["NIC", "gtmi_survey"] == 2022
    assert pd.isna(later.loc["HTI", "gtmi_survey"]) and pd.isna(later.loc["HTI", "gtmi"])
    assert comparison.with_gtmi(table, gtmi, year=2021)["gtmi_survey"].iloc[0] == 2020
    decimals = comparison.table_decimals(with_gtmi.reset_index())
    assert decimals["gtmi"] == 3 and "gtmi_group" not in decimals
    assert "gtmi_survey" not in decimals


def test_heatmap_marks_missing_cells_and_bars_handle_one_country():
    wide = pd.DataFrame({"name": ["Brasil"], "SD1": [95.0], "SD2": [np.nan]})
    heat = figures.heatmap(wide, [("SD1", "SD1 Trámites"), ("SD2", "SD2 En línea")], "es")
    # Transposed (an indicator a row, a country a column); a missing cell is "–", its hover
    # says "sin datos".
    assert [list(row) for row in heat.data[0].text] == [["95"], ["–"]]
    bars = figures.grouped_bars(wide, [("SD1", "SD1"), ("SD2", "SD2")], "en")
    assert (
        len(bars.data) == 1
        and bars.data[0].orientation == "h"  # the categories' names read across, on a phone too
        and list(bars.data[0].x)[:1] == [95.0]
        and pd.isna(list(bars.data[0].x)[1])
    )
    radar = figures.radar(
        wide.rename(columns={"SD1": "D1", "SD2": "D2"}), [("D1", "D1"), ("D2", "D2")], "fr"
    )
    assert list(radar.data[0].theta) == ["D1", "D2", "D1"]


def test_theil_sen_is_scipys_and_ignores_the_one_point_least_squares_follows():
    x = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0])
    y = pd.Series([2.0, 4.0, 6.0, 8.0, 20.0])
    # Slopes between the ten pairs: six are 2, the others 4.5, 16/3, 7 and 12: the median is 2;
    # y − 2x is 0, 0, 0, 0, 10: the intercept is 0. Least squares gives 4 and −4 instead.
    assert theil_sen(x, y) == (2.0, 0.0)
    scipy_fit = stats.theilslopes(y, x, method="joint")
    assert theil_sen(x, y) == (scipy_fit.slope, scipy_fit.intercept)
    assert np.polyfit(x, y, 1) == pytest.approx([4.0, -4.0])
    fit = relation(x, y)
    assert (fit["slope"], fit["intercept"]) == (2.0, 0.0)


def test_one_planted_outlier_on_a_clean_line_is_the_only_flag():
    iso = [f"C{n:02d}" for n in range(12)]
    x = pd.Series([0.1 + n / 12 for n in range(12)], index=iso)
    y = 100 * x + [0.5 if n % 2 else -0.5 for n in range(12)]  # a clean line, a little scatter
    y["C04"] += 30  # reports far more than its UN index suggests
    fit = relation(x, y)
    assert fit["flagged"][fit["flagged"]].index.tolist() == ["C04"]
    assert fit["q_value"]["C04"] < FALSE_DISCOVERY_RATE <= fit["q_value"].drop("C04").min()
    # slope 100; intercept 0.5, the median scatter; C04's own scatter is −0.5: 30 − 1 above it
    assert (fit["slope"], fit["intercept"]) == pytest.approx((100, 0.5))
    assert fit["residual"]["C04"] == pytest.approx(29)


def test_pure_noise_flags_almost_nothing_where_two_robust_sds_flagged_several():
    rng = np.random.default_rng(6)
    x = pd.Series(rng.uniform(0.2, 0.9, 30))
    y = 100 * x + rng.normal(0, 8, 30)  # every country follows the line; none diverges
    slope, intercept = np.polyfit(x, y, 1)  # the rule before: least squares, beyond 2 robust SDs
    centred = y - (slope * x + intercept)
    centred -= centred.median()
    old_flags = int((centred.abs() > 2 * MAD_TO_SD * centred.abs().median()).sum())
    assert old_flags >= 2
    assert relation(x, y)["flagged"].sum() <= 1


def test_benjamini_hochberg_values_rise_with_p_and_are_never_below_it():
    p = pd.Series([0.5, 0.01, 0.03, 0.02], index=["A", "B", "C", "D"])
    q = q_values(p)
    # Sorted p 0.01, 0.02, 0.03, 0.5 times 4/rank: 0.04, 0.04, 0.04, 0.5 (running minimum from
    # the top): the first three are flagged together at a 5 % false discovery rate.
    assert q.to_dict() == pytest.approx({"A": 0.5, "B": 0.04, "C": 0.04, "D": 0.04})
    ordered = q[p.sort_values().index]
    assert ordered.is_monotonic_increasing and (q >= p).all()
    assert q_values(pd.Series([0.2, np.nan])).isna().tolist() == [False, True]


def test_no_spread_no_yardstick_nothing_flagged():
    x = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
    y = 10 * x
    y[5] = 90.0  # five countries exactly on the line: their residuals' MAD is 0
    fit = relation(x, y)
    assert fit["robust_sd"] == 0 and not fit["flagged"].any() and fit["p_value"].isna().all()
    residual = pd.Series([-1.0, 0.0, 1.0, 4.0])
    assert robust_sd(residual) == pytest.approx(MAD_TO_SD)
    assert robust_z(residual, robust_sd(residual)).tolist() == pytest.approx(
        [-1.5 / MAD_TO_SD, -0.5 / MAD_TO_SD, 0.5 / MAD_TO_SD, 3.5 / MAD_TO_SD]
    )


def test_the_rationale_shows_only_for_a_dimension_against_its_own_counterpart():
    dims = pd.DataFrame({"dimension_id": ["D1", "D5"], "un_counterpart": ["OSI", "EPI"]})
    texts = {"D1": "OSI measures online services.", "D5": "EPI is a loose match."}
    assert benchmarks.rationale("D5", "EPI", dims, texts) == "EPI is a loose match."
    assert benchmarks.rationale("D5", "OSI", dims, texts) is None  # another index, chosen
    assert benchmarks.rationale("GEALC", "EGDI", dims, texts) is None  # the composite
    assert benchmarks.rationale("D1", "OSI", dims, {}) is None  # a warehouse without rationale
    assert [benchmarks.fdr(lang) for lang in ("en", "es", "fr")] == ["5%", "5%", "5\u202f%"]


def test_rationales_are_read_when_the_warehouse_has_them_and_empty_before():
    db = duckdb.connect(":memory:")
    db.execute("CREATE TABLE dimensions AS SELECT 'D1' AS dimension_id, 'OSI' AS un_counterpart")
    assert queries.un_rationales(Snapshot("r", {}, db), "fr") == {}
    db.execute("ALTER TABLE dimensions ADD COLUMN un_rationale_fr VARCHAR DEFAULT 'Approximatif.'")
    assert queries.un_rationales(Snapshot("r", {}, db), "fr") == {"D1": "Approximatif."}
