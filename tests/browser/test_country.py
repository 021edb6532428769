"""The country profile in a real browser: every language, the URL as the view, invalid
parameters, a download checked against the warehouse, nothing off-origin, no console errors."""

from __future__ import annotations

import csv
import io
import urllib.request

import pytest

from tests.browser.conftest import pick, wait_for_charts
from tests.helpers import query

CHARTS = ("profile-dimensions", "profile-trend", "profile-egov")


def test_choosing_a_country_and_a_year_writes_the_url(page, server):
    page.goto(f"{server}/country/URY")
    wait_for_charts(page, *CHARTS)
    assert page.evaluate("location.search") == ""  # defaults are not written into the URL
    page.click("#country-select")
    page.get_by_role("option", name="Chile", exact=True).click()
    page.wait_for_function("() => location.pathname === '/country/CHL'")
    page.wait_for_function("() => document.querySelector('h1').innerText.startsWith('Chile')")
    pick(page, "year", "2019")
    page.wait_for_function("() => location.search.includes('year=2019')")
    page.wait_for_function(
        "() => document.querySelector('main').innerText.includes('Indicadores, 2019')"
    )
    shared = page.url
    other = page.context.browser.new_context().new_page()
    other.goto(shared)
    other.wait_for_function(
        "() => document.querySelector('main')"
        " && document.querySelector('main').innerText.includes('Indicadores, 2019')"
    )
    assert other.inner_text("h1").startswith("Chile")
    other.context.close()


def test_invalid_country_and_year_fall_back_with_a_notice(page, server):
    page.goto(f"{server}/country/XYZ?year=1890&lang=en")
    page.wait_for_selector(".notice")
    text = page.inner_text("main")
    assert "XYZ" in text and "1890" in text
    assert page.inner_text("h1").endswith("Country profile")


def test_downloaded_csv_is_what_the_warehouse_holds(server, demo_warehouse):
    url = f"{server}/download/country-indicators.csv?country=PER&year=2022&lang=es"
    with urllib.request.urlopen(url) as response:
        assert response.headers["Content-Type"].startswith("text/csv")
        assert "country-indicators-PER-2022.csv" in response.headers["Content-Disposition"]
        rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8-sig"))))
    expected = dict(
        query(
            demo_warehouse,
            "SELECT indicator_id, value FROM observations_current"
            " WHERE iso3 = 'PER' AND year = 2022",
        )
    )
    got = {r["id"]: float(r["Valor"]) for r in rows if r["Valor"]}
    assert got == pytest.approx(expected) and len(rows) == 15
    with urllib.request.urlopen(f"{server}/download/country-values.xlsx?country=PER") as response:
        assert response.read(2) == b"PK"
