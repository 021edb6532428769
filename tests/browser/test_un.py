"""The UN comparison in a real browser: the members' real UN figures of the survey nearest to the
data year, Spearman's ρ as the download computes it, the EGDI-group and index filters."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.browser.conftest import download_csv, pick, table_rows, wait_for_charts
from tests.helpers import query


def row_of(tab, country: str) -> list[str]:
    return next(r for r in table_rows(tab) if r[0] == country)


def test_un_figures_and_rho_for_the_year(page, server, demo_warehouse):
    page.goto(f"{server}/un?year=2024&lang=en")
    wait_for_charts(page, "un-scatter")
    uruguay = row_of(page, "Uruguay")
    assert uruguay[2:5] == [
        "2024",
        "0.901",
        "25",
    ]  # UN E-Government Survey 2024: EGDI 0.9006, rank 25
    page.goto(f"{server}/un?year=2018&lang=en")
    wait_for_charts(page, "un-scatter")
    assert row_of(page, "Uruguay")[2:5] == ["2018", "0.786", "34"]
    rows = pd.DataFrame(download_csv(f"{server}/download/un-comparison.csv?year=2018&lang=en"))
    both = rows[(rows["EGDI"] != "") & (rows["score"] != "")].astype(
        {"EGDI": float, "score": float}
    )
    rho = both["EGDI"].rank().corr(both["score"].rank())
    assert f"ρ = {rho:.2f}" in page.inner_text("main")
    stored = query(
        demo_warehouse,
        "SELECT COUNT(*) FROM scores"
        " WHERE year = 2018 AND level = 'composite' AND score IS NOT NULL",
    )
    assert len(both) == stored[0][0]


def test_index_and_egdi_group_filters(page, server):
    page.goto(f"{server}/un?year=2024&lang=en")
    wait_for_charts(page, "un-scatter")
    pick(page, "index", "OSI (online services)")
    page.wait_for_function("() => location.search.includes('index=OSI')")
    pick(page, "level", "Very high (≥ 0.75)")
    page.wait_for_function("() => location.search.includes('level=very_high')")
    page.wait_for_function(
        "() => document.querySelector('table.data-table').tBodies[0].rows.length === 9"
    )
    assert page.recorder.errors == []


@pytest.mark.parametrize("search", ["?index=XYZ", "?level=top", "?measure=D9"])
def test_invalid_parameters_fall_back_with_a_notice(page, server, search):
    page.goto(f"{server}/un{search}&lang=en")
    page.wait_for_selector(".notice")
    assert search.split("=")[1] in page.inner_text(".notice")
