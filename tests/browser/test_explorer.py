"""The indicator explorer in a real browser: one chart widget whose tabs (map, ranking, grid,
countries over time, table, sources, download) live in the URL; the map on the app's own outlines
with the small island states visible, the tile grid that opens a profile, filters in the URL, the
download."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LATEST, download_csv, pick, table_rows, wait_for_charts
from tests.helpers import query

MAP = "explorer-map"
SMALL_ISLANDS = {"ATG", "BRB", "DMA", "GRD", "JAM", "KNA", "LCA", "TTO", "VCT"}


def test_map_keeps_the_small_island_states_and_a_tile_opens_a_profile(page, server):
    page.goto(f"{server}/explorer?indicator=FD1&year=2023&lang=en")
    wait_for_charts(page, MAP)
    # The outlines arrive after the chart's frame (the app serves them as a file): wait for them.
    page.wait_for_function(
        "() => document.querySelectorAll('#explorer-map path.choroplethlocation').length >= 33"
    )
    dots = page.eval_on_selector(
        "#explorer-map",
        "g => g.querySelector('.js-plotly-plot').data"
        ".filter(d => d.type === 'scattergeo').flatMap(d => d.customdata)",
    )
    assert set(dots) == SMALL_ISLANDS
    page.click("#explorer-tab-tiles")
    wait_for_charts(page, "explorer-tiles")
    assert "tab=tiles" in page.url and "indicator=FD1" in page.url
    label = page.locator("#explorer-tiles text", has_text="Kitts").first
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
    wait_for_charts(page, MAP)
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


def test_tabs_are_in_the_url_and_only_the_shown_one_is_drawn(page, server):
    page.goto(f"{server}/explorer?dimension=D1&year=2023")
    wait_for_charts(page, MAP)
    tabs = page.eval_on_selector_all(".widget-tab", "as => as.map(a => a.textContent)")
    assert tabs == ["Mapa", "Ranking", "Cuadrícula", "Evolución", "Tabla", "Fuentes", "Descargar"]
    assert page.locator(".js-plotly-plot").count() == 1  # the map, nothing stacked under it
    page.click("#explorer-tab-bars")
    wait_for_charts(page, "explorer-bars")
    assert "tab=bars" in page.url and "dimension=D1" in page.url and "year=2023" in page.url
    assert page.locator("#explorer-map").count() == 0
    assert page.get_attribute("#explorer-tab-bars", "aria-current") == "true"
    page.click("#explorer-tab-table")
    page.wait_for_function("() => location.search.includes('tab=table')")
    page.wait_for_selector("#explorer-panel table.data-table")
    assert len(table_rows(page)) == 33
    page.reload()  # the link alone brings the same tab back
    page.wait_for_selector("#explorer-panel table.data-table")
    page.click("#explorer-tab-sources")
    page.wait_for_selector("#explorer-panel .citation")
    sources = page.inner_text("#explorer-panel")
    assert "Fuente: envíos de los países miembros" in sources
    assert "Cómo citar: Red GEALC" in sources and f"versión {LATEST}" in sources
    page.click("#explorer-tab-download")
    wait_for_charts(page, "explorer-map")  # the chart the images are made of
    links = page.eval_on_selector_all(
        "#explorer-panel a.download-link", "as => as.map(a => a.href)"
    )
    assert any("/download/explorer.csv" in u and f"release={LATEST}" in u for u in links)
    assert any("/download/explorer.xlsx" in u for u in links)
    formats = page.eval_on_selector_all(
        "#explorer-panel button.image-download", "bs => bs.map(b => b.dataset.format)"
    )
    assert formats == ["png", "svg"]
    with page.expect_download() as got:
        page.click("#explorer-panel button.image-download[data-format=svg]")
    assert got.value.suggested_filename == "gealc-explorer.svg"
    page.go_back()  # the browser's history holds each tab
    page.wait_for_function("() => location.search.includes('tab=sources')")
    page.wait_for_selector("#explorer-panel .citation")
    assert page.recorder.off_origin(server) == [] and page.recorder.errors == []


def test_a_bad_tab_falls_back_to_the_map_and_says_so(page, server):
    page.goto(f"{server}/explorer?tab=zzz&lang=en")
    wait_for_charts(page, MAP)
    said = page.inner_text("#explorer-widget .notice")
    assert "'zzz'" in said and "'View'" in said  # the parameter by the name readers know
    assert page.get_attribute("#explorer-tab-map", "aria-current") == "true"


def test_countries_over_time_with_the_medians_as_reference(page, server):
    page.goto(f"{server}/explorer?tab=lines&countries=URY,HTI,BRA&lang=en")
    wait_for_charts(page, "explorer-lines")
    names = page.eval_on_selector(
        "#explorer-lines", "g => g.querySelector('.js-plotly-plot').data.map(d => d.name)"
    )
    assert names[:3] == ["Uruguay", "Haiti", "Brazil"]
    assert names[3] == "Regional median"
    assert set(names[4:]) == {"Median (Caribbean)", "Median (South America)"}
    years, haiti = page.eval_on_selector(
        "#explorer-lines",
        "g => { const d = g.querySelector('.js-plotly-plot')._fullData[1];"
        " return [Array.from(d.x), Array.from(d.y, v => (v === null || isNaN(v)) ? null : v)]; }",
    )
    assert len(years) == len(haiti) and haiti[years.index(2024)] is None  # no report: a gap
    assert haiti[years.index(2023)] is not None
    pick(page, "countries", "Chile")
    page.wait_for_function("() => location.search.includes('CHL')")
    assert "tab=lines" in page.url
    wait_for_charts(page, "explorer-lines")
    page.wait_for_function(
        "() => document.querySelector('#explorer-lines .js-plotly-plot').data"
        ".some(d => d.name === 'Chile')"
    )
    # With none chosen, the year's five leaders are drawn.
    page.goto(f"{server}/explorer?tab=lines&year=2023")
    wait_for_charts(page, "explorer-lines")
    drawn = page.eval_on_selector(
        "#explorer-lines", "g => g.querySelector('.js-plotly-plot').data.length"
    )
    assert drawn >= 6  # five countries and at least the regional median
