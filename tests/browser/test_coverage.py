"""The coverage page in a real browser: every language, filters in the URL, the download."""

from __future__ import annotations

import csv
import io
import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import pick, wait_for_charts
from tests.helpers import query


def test_subregion_filter_writes_the_url_and_narrows_the_rows(page, server):
    page.goto(f"{server}/coverage?year=2020")
    wait_for_charts(page, "coverage-matrix")
    page.click("#coverage-matrix-tab-table")  # the matrix's table is its widget's Table tab
    page.wait_for_selector("#coverage-matrix-panel table.data-table")
    pick(page, "subregion", "Centroamérica")
    page.wait_for_function("() => location.search.includes('subregion=central_america')")
    years = "section[aria-labelledby=coverage-years-title] table.data-table"
    for table in ("#coverage-matrix-panel table.data-table", years):
        page.wait_for_function(
            "t => document.querySelector(t).tBodies[0].rows.length === 8", arg=table
        )
    assert "year=2020" in page.url and "coverage-matrix=table" in page.url


def test_the_matrix_cites_its_source_and_says_what_reported_means(page, server):
    page.goto(f"{server}/coverage?year=2021&lang=en&coverage-matrix=sources")
    page.wait_for_selector("#coverage-matrix-panel .citation")
    text = page.inner_text("#coverage-matrix-panel")
    assert "Reported (✓): the country submitted a value of the indicator for that year" in text
    assert "Source: submissions of Red GEALC member countries (demonstration data)." in text
    assert "How to cite: Red GEALC, “GEALC in numbers”, release demo-2 (" in text
    assert "“Indicators reported, 2021”" in text


def test_coverage_download_matches_the_warehouse(server, demo_warehouse):
    url = f"{server}/download/coverage.csv?year=2021&dimension=D1&lang=en"
    with urllib.request.urlopen(url) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8-sig"))))
    assert len(rows) == 33 and list(rows[0])[:2] == ["ISO3", "Country"]
    expected = {
        (i, d)
        for i, d in query(
            demo_warehouse,
            """SELECT iso3, indicator_id FROM observations_current
               WHERE year = 2021 AND indicator_id IN ('SD1', 'SD2', 'SD3')""",
        )
    }
    # A column per indicator, headed by its id and name.
    columns = {c.split(" ")[0]: c for c in rows[0] if c.startswith("SD")}
    got = {(r["ISO3"], i) for r in rows for i in ("SD1", "SD2", "SD3") if r[columns[i]] == "1"}
    assert got == expected
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{server}/download/coverage.csv?year=1900")
    assert err.value.code == 400
