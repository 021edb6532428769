"""The indicator page's pure parts: progress to the catalogue's target and the gap in the unit
(either direction, log scales, capped), the region's medians, who reported each year, the
countries' own words grouped, and values written with their unit."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from app.pages.indicator import progress
from app.pages.indicator.page import indicator_code

PERCENT = progress.Goalposts(lower=0, target=80)
LOWER_IS_BETTER = progress.Goalposts(lower=30, target=5)
LOG = progress.Goalposts(lower=1, target=500, log=True)


def test_progress_is_the_share_of_the_way_from_the_lower_goalpost_to_the_target():
    assert progress.progress(40, PERCENT) == pytest.approx(50)
    assert progress.progress(0, PERCENT) == 0
    assert progress.progress(80, PERCENT) == 100


def test_progress_is_capped_at_both_ends():
    assert progress.progress(95, PERCENT) == 100
    assert progress.progress(-3, PERCENT) == 0


def test_progress_when_lower_is_better():
    assert LOWER_IS_BETTER.higher_is_better is False
    assert progress.progress(17.5, LOWER_IS_BETTER) == pytest.approx(50)
    assert progress.progress(2, LOWER_IS_BETTER) == 100
    assert progress.gap(12, LOWER_IS_BETTER) == pytest.approx(7)
    assert progress.gap(2, LOWER_IS_BETTER) == 0


def test_progress_on_a_log_scale_is_measured_on_the_logarithm():
    halfway = math.sqrt(500)  # the geometric midpoint of 1 and 500
    assert progress.progress(halfway, LOG) == pytest.approx(50)
    assert progress.progress(0, LOG) == 0
    assert progress.gap(120, LOG) == 380


def test_gap_is_in_the_unit_and_zero_once_reached():
    assert progress.gap(60, PERCENT) == 20
    assert progress.gap(90, PERCENT) == 0


def test_missing_values_have_no_progress_and_no_gap():
    assert progress.progress(None, PERCENT) is None
    assert progress.gap(float("nan"), PERCENT) is None


def test_goalposts_read_from_a_catalogue_row():
    row = pd.Series({"goal_lower": 30.0, "goal_target": 5.0, "log_transform": False})
    assert progress.goalposts(row) == LOWER_IS_BETTER


NOW = pd.DataFrame(
    {
        "iso3": ["ARG", "BRA", "CHL", "URY"],
        "name": ["Argentina", "Brasil", "Chile", "Uruguay"],
        "value": [40.0, None, 90.0, 60.0],
    }
)


def test_progress_table_orders_the_most_advanced_first_and_no_data_last():
    table = progress.progress_table(NOW, PERCENT)
    assert table["iso3"].tolist() == ["CHL", "URY", "ARG", "BRA"]
    assert table["progress"].tolist()[:3] == pytest.approx([100, 75, 50])
    assert table["gap"].tolist()[:3] == [0, 20, 40]
    assert table["reached"].tolist()[:3] == [True, False, False]
    assert pd.isna(table["progress"].iloc[3]) and pd.isna(table["gap"].iloc[3])


def test_region_takes_the_median_of_the_countries_that_reported():
    region = progress.region(progress.progress_table(NOW, PERCENT))
    assert region == progress.Region(
        reporting=3, reached=1, median_value=60.0, median_progress=pytest.approx(75)
    )


def test_region_with_no_report_has_no_median():
    empty = NOW.assign(value=float("nan"))
    assert progress.region(progress.progress_table(empty, PERCENT)) == progress.Region(
        0, 0, None, None
    )


def test_reporting_years_counts_countries_per_year_newest_first():
    matrix = pd.DataFrame(
        {2022: [1, 0, 1], 2023: [1, 1, 1]}, index=pd.Index(["ARG", "BRA", "CHL"], name="iso3")
    )
    years = progress.reporting_years(matrix)
    assert years.to_dict("records") == [
        {"year": 2023, "reported": 3, "of": 3},
        {"year": 2022, "reported": 2, "of": 3},
    ]


def test_own_words_keep_each_text_once_with_its_countries_as_written():
    values = pd.DataFrame(
        {
            "name": ["Argentina", "Brasil", "Chile", "Uruguay", "Argentina"],
            "note": ["Dato provisorio", None, "  ", "Dato provisorio", "Dato provisorio"],
        }
    )
    words = progress.own_words(values, "note")
    assert words["text"].tolist() == ["Dato provisorio"]
    assert words["countries"].tolist() == [["Argentina", "Uruguay"]]
    assert progress.own_words(values.iloc[[1, 2]], "note").empty


@pytest.mark.parametrize(
    ("value", "unit_code", "unit", "lang", "expected"),
    [
        (71.9, "percent", "%", "es", "71,9\u00a0%"),
        (72.0, "percent", "%", "en", "72%"),
        (442.0, "count", "número", "es", "442"),
        (12.5, "per_1000", "por 1.000 habitantes", "es", "12,5 por 1.000 habitantes"),
    ],
)
def test_values_are_written_with_their_unit(value, unit_code, unit, lang, expected):
    assert progress.in_unit(value, unit_code, unit, lang) == expected


def test_the_indicator_in_the_path_in_any_case():
    assert indicator_code("/indicator/sd1/") == "SD1"
    assert indicator_code("/indicator/") == ""
