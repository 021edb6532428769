"""The coverage matrices: every member and indicator present, reported or not."""

from __future__ import annotations

import pandas as pd

from app import figures
from app.pages.coverage import reporting

COUNTRIES = pd.DataFrame({"iso3": ["HTI", "URY"], "name": ["Haití", "Uruguay"]})
INDICATORS = pd.DataFrame({"indicator_id": ["SD1", "SD2"]})
REPORTED = pd.DataFrame(
    [("URY", 2024, "SD1"), ("URY", 2023, "SD1"), ("URY", 2023, "SD2"), ("CHL", 2024, "SD2")],
    columns=["iso3", "year", "indicator_id"],
)


def test_indicator_matrix_lists_every_member_even_without_reports():
    matrix = reporting.indicator_matrix(REPORTED, COUNTRIES, INDICATORS, 2024)
    assert matrix.to_dict("index") == {"HTI": {"SD1": 0, "SD2": 0}, "URY": {"SD1": 1, "SD2": 0}}


def test_yearly_counts_per_country_and_year():
    counts = reporting.yearly_counts(REPORTED, COUNTRIES, INDICATORS)
    assert counts.loc["URY"].to_dict() == {2023: 2, 2024: 1} and counts.loc["HTI"].sum() == 0


def test_reporting_matrix_says_it_in_text_not_only_colour():
    fig = figures.reporting_matrix(
        reporting.indicator_matrix(REPORTED, COUNTRIES, INDICATORS, 2024),
        ["Haití", "Uruguay"],
        "es",
    )
    assert [list(row) for row in fig.data[0].text] == [["—", "—"], ["✓", "—"]]
