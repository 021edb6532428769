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
    pick(page, "subregion", "Centroamérica")
    page.wait_for_function("() => location.search.includes('subregion=central_america')")
    page.wait_for_function(
        "() => document.querySelector('table.data-table').tBodies[0].rows.length === 8"
    )
    assert "year=2020" in page.url


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
