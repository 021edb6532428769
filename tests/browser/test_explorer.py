"""The indicator explorer in a real browser: the map on the app's own outlines with the small
island states visible, the tile grid that opens a profile, filters in the URL, the download."""

from __future__ import annotations

import pytest

from tests.browser.conftest import download_csv, pick, wait_for_charts
from tests.helpers import query

CHARTS = ("explorer-map", "explorer-tiles", "explorer-bars", "explorer-trend")
SMALL_ISLANDS = {"ATG", "BRB", "DMA", "GRD", "JAM", "KNA", "LCA", "TTO", "VCT"}


def test_map_keeps_the_small_island_states_and_a_tile_opens_a_profile(page, server):
    page.goto(f"{server}/explorer?indicator=FD1&year=2023&lang=en")
    wait_for_charts(page, *CHARTS)
    assert page.locator("#explorer-map path.choroplethlocation").count() >= 33
    dots = page.eval_on_selector(
        "#explorer-map", "g => g.querySelector('.js-plotly-plot').data[3].customdata"
    )
    assert set(dots) == SMALL_ISLANDS
    label = page.locator("#explorer-tiles text", has_text="KNA").first
    label.scroll_into_view_if_needed()
    tile = label.bounding_box()
    page.mouse.move(tile["x"] + tile["width"] / 2, tile["y"] + tile["height"] / 2)
    page.mouse.click(tile["x"] + tile["width"] / 2, tile["y"] + tile["height"] / 2)
    page.wait_for_function("() => location.pathname === '/country/KNA'")
    page.wait_for_function("() => document.querySelector('h1').innerText.startsWith('Saint Kitts')")
    assert "lang=en" in page.url
    assert page.recorder.off_origin(server) == [] and page.recorder.errors == []


def test_dimension_filter_narrows_the_indicators_and_writes_the_url(page, server):
    page.goto(f"{server}/explorer?year=2022")
    wait_for_charts(page, *CHARTS)
    pick(page, "dimension", "D2 Firma digital")
    page.wait_for_function("() => location.search.includes('dimension=D2')")
    page.wait_for_function(
        "() => document.querySelector('main h2').innerText.includes('D2 Firma digital')"
    )
    pick(page, "indicator", "FD2 Trámites en línea que aceptan firma digital")
    page.wait_for_function("() => location.search.includes('indicator=FD2')")
    assert "year=2022" in page.url
    page.goto(f"{server}/explorer?dimension=D1&indicator=FD1")
    page.wait_for_selector(".notice")
    assert "FD1" in page.inner_text(".notice")


def test_explorer_download_matches_the_warehouse(server, demo_warehouse):
    rows = download_csv(f"{server}/download/explorer.csv?indicator=FD1&year=2023&lang=en")
    assert len(rows) == 33
    assert {r["Demonstration data"] for r in rows if r["Value"]} == {"yes"}
    assert {(r["Level code"], r["Measure code"]) for r in rows} == {("indicator", "FD1")}
    stored = dict(
        query(
            demo_warehouse,
            "SELECT iso3, value FROM observations_current"
            " WHERE year = 2023 AND indicator_id = 'FD1'",
        )
    )
    got = {r["ISO3"]: float(r["Value"]) for r in rows if r["Value"]}
    assert got == pytest.approx(stored)
    assert all(
        r["Value"] == "" for r in rows if r["ISO3"] not in stored
    )  # no data stays empty, never 0
