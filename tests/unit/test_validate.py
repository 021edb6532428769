"""Validation rules: each blocking error with its row and column, and the warnings that need
history."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.submission.read import read_submission
from etl.submission.validate import check_rows, compare_with_history, known_values
from indicators.catalogue import load_catalogue
from indicators.countries import load_members

HEADER = "country,year,indicator,value,numerator,denominator,source,note\n"
CAT, MEMBERS = load_catalogue(), load_members()


def check(tmp_path, body: str, header: str = HEADER):
    path = tmp_path / "sub.csv"
    path.write_text(header + body, encoding="utf-8")
    return check_rows(read_submission(path), CAT, MEMBERS)


def codes(checked) -> list[tuple[str, int | None, str | None]]:
    return [(f.code, f.row, f.column) for f in checked.findings if f.blocking]


def test_a_clean_row_is_typed_and_value_computed_from_the_formula(tmp_path):
    checked = check(tmp_path, "URY,2024,SD1,,300,400,Agesic,\nURY,2024,FD1,120.5,,,,\n")
    assert checked.accepted
    obs = checked.observations.set_index("indicator_id")
    assert obs.loc["SD1", "value"] == 75.0 and obs.loc["FD1", "value"] == 120.5
    assert obs.loc["SD1", "row_number"] == 2


@pytest.mark.parametrize(
    "row,code,column",
    [
        ("URU,2024,SD1,50,,,,", "unknown_country", "country"),
        ("URY,20x4,SD1,50,,,,", "bad_year", "year"),
        ("URY,1999,SD1,50,,,,", "bad_year", "year"),
        ("URY,2999,SD1,50,,,,", "bad_year", "year"),
        ("URY,2024,SD9,50,,,,", "unknown_indicator", "indicator"),
        ("URY,2024,SD1,cincuenta,,,,", "not_a_number", "value"),
        ("URY,2024,SD1,120,,,,", "out_of_range", "value"),
        ("URY,2024,SP1,-3,,,,", "out_of_range", "value"),
        ("URY,2024,SD1,,5,0,,", "zero_denominator", "denominator"),
        ("URY,2024,SD1,,500,400,,", "numerator_above_denominator", "numerator"),
        ("URY,2024,SD1,60,300,400,,", "value_mismatch", "value"),
        ("URY,2024,SD1,,5,,,", "half_ratio", "denominator"),
        ("URY,2024,SP1,,5,10,,", "count_has_no_ratio", "denominator"),
        ("URY,2024,SP1,,5,,,", "count_has_no_ratio", "denominator"),
    ],
)
def test_blocking_errors_name_row_and_column(tmp_path, row, code, column):
    checked = check(tmp_path, "URY,2024,SD2,40,,,,\n" + row + "\n")
    assert codes(checked) == [(code, 3, column)]
    assert not checked.accepted and checked.observations["indicator_id"].tolist() == ["SD2"]


def test_suggestions_for_near_misses(tmp_path):
    checked = check(
        tmp_path, "URU,2024,SD1,50,,,,\nUruguay,2024,SD1,50,,,,\nURY,2024,sd-1,50,,,,\n"
    )
    found = {f.row: f.params.get("suggestion") for f in checked.findings if f.blocking}
    assert found == {2: "URY", 3: "URY", 4: "SD1"}


def test_rounding_is_not_a_mismatch_and_duplicates_are_caught(tmp_path):
    checked = check(tmp_path, "URY,2024,SD1,33.33,1,3,,\nURY,2024,SD1,33.33,1,3,,\n")
    assert codes(checked) == [("duplicate_row", 3, "indicator")]
    duplicate = next(f for f in checked.findings if f.code == "duplicate_row")
    assert duplicate.params["first_row"] == 2


def test_missing_indicators_and_ignored_columns_warn_without_blocking(tmp_path):
    checked = check(tmp_path, "URY,2024,SD1,50,,,,,x\n", header=HEADER.strip() + ",extra\n")
    assert checked.accepted
    warnings = {f.code: f for f in checked.findings}
    assert warnings["ignored_column"].column == "extra"
    assert "SD2" in warnings["missing_indicators"].params["indicators"]


def current(rows):
    return pd.DataFrame(rows, columns=["iso3", "year", "indicator_id", "value"])


def test_history_warnings_jump_outlier_and_copied_file(tmp_path):
    checked = check(tmp_path, "URY,2024,SD1,95,,,,\nURY,2024,SD2,40,,,,\nURY,2024,SD3,30,,,,\n")
    before = current(
        [("URY", 2023, "SD1", 50.0), ("URY", 2023, "SD2", 40.0), ("URY", 2023, "SD3", 30.0)]
        + [
            (c, 2024, "SD2", v)
            for c, v in zip(
                ["ARG", "BRA", "CHL", "COL", "MEX", "PER"], [41, 42, 43, 44, 45, 46], strict=True
            )
        ]
    )
    found = {
        (f.code, f.row)
        for f in compare_with_history("sub.csv", checked.rows, known_values(before), CAT)
    }
    assert ("implausible_change", 2) in found  # 50 → 95 beyond SD1's plausible change of 20
    assert ("outlier", 3) not in found  # 40 among 41…46 is no outlier
    copied = check(tmp_path, "URY,2024,SD1,50,,,,\nURY,2024,SD2,40,,,,\nURY,2024,SD3,30,,,,\n")
    assert ("copied_values", None) in {
        (f.code, f.row)
        for f in compare_with_history("sub.csv", copied.rows, known_values(before), CAT)
    }
    lonely = check(tmp_path, "URY,2024,SD2,99,,,,\n")
    assert ("outlier", 2) in {
        (f.code, f.row)
        for f in compare_with_history("sub.csv", lonely.rows, known_values(before), CAT)
    }


def test_template_rows_left_empty_are_not_reported_but_a_file_with_no_value_is_refused(tmp_path):
    checked = check(tmp_path, "URY,2024,SD1,50,,,,\nURY,2024,SD2,,,,,\nURY,2024,SD3,,,,n/d,\n")
    assert checked.accepted and checked.observations["indicator_id"].tolist() == ["SD1"]
    assert (
        "SD2"
        in next(f for f in checked.findings if f.code == "missing_indicators").params["indicators"]
    )
    empty = check(tmp_path, "URY,2024,SD1,,,,,\nURY,2024,SD2,,,,,\n")
    assert codes(empty) == [("no_rows", 2, "value")]
