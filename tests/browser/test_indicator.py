"""The page of one indicator in a real browser: its catalogue metadata in Spanish and French, the
chart widget's tabs in the URL, the lines with the regional median, progress to the target, who
reported it, a count indicator, and an unknown id that lists every indicator."""

from __future__ import annotations

import re

from tests.browser.conftest import LATEST, wait_for_charts
from tests.helpers import query


def _meta(page) -> dict[str, str]:
    """The definition list: each term's text → its description's text."""
    return page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('dl.indicator-meta dt')]"
        ".map(dt => [dt.innerText.trim(), dt.nextElementSibling.innerText.trim()]))"
    )


def test_definition_unit_and_formula_in_spanish_and_french(page, server, demo_warehouse):
    [(definition_es, definition_fr, numerator_fr)] = query(
        demo_warehouse,
        "SELECT definition_es, definition_fr, numerator_fr FROM indicator_catalogue"
        " WHERE indicator_id = 'SD1'",
    )
    page.goto(f"{server}/indicator/sd1")
    wait_for_charts(page, "indicator-bars")
    assert page.inner_text("h1").startswith("SD1 Trámites")
    meta = _meta(page)
    assert meta["Definición"] == definition_es
    assert meta["Unidad"] == "%"
    assert "÷" in meta["Fórmula"] and "× 100" in meta["Fórmula"]
    assert meta["Meta"] == "100\u00a0%; un valor más alto es mejor."
    page.goto(f"{server}/indicator/SD1?lang=fr")
    wait_for_charts(page, "indicator-bars")
    meta = _meta(page)
    assert meta["Définition"] == definition_fr
    assert meta["Unité"] == "%"
    assert meta["Formule"].startswith(numerator_fr)
    assert page.get_attribute("html", "lang") == "fr"
    assert page.recorder.off_origin(server) == [] and page.recorder.errors == []


def test_tabs_write_the_url_and_change_the_chart(page, server):
    page.goto(f"{server}/indicator/SD1?year=2023")
    wait_for_charts(page, "indicator-bars")
    page.click("#indicator-tab-progress")
    page.wait_for_function("() => location.search.includes('tab=progress')")
    wait_for_charts(page, "indicator-progress")
    assert page.locator("#indicator-bars").count() == 0
    assert "year=2023" in page.url
    assert "Progreso hacia la meta:" in page.inner_text("#indicator-panel .view-lead")
    page.click("#indicator-tab-map")
    page.wait_for_function("() => location.search.includes('tab=map')")
    wait_for_charts(page, "indicator-map")
    page.click("#indicator-tab-table")
    page.wait_for_function("() => location.search.includes('tab=table')")
    page.wait_for_selector("#indicator-panel th")
    headings = page.locator("#indicator-panel th").all_inner_texts()
    assert "Distancia a la meta (%)" in headings


def test_lines_draw_the_regional_median(page, server):
    page.goto(f"{server}/indicator/FD1?tab=lines&countries=URY,JAM&lang=en")
    wait_for_charts(page, "indicator-lines")
    names = page.eval_on_selector(
        "#indicator-lines", "g => g.querySelector('.js-plotly-plot').data.map(d => d.name)"
    )
    assert names[:2] == ["Uruguay", "Jamaica"]
    assert "Regional median" in names


def test_who_reported_counts_match_the_data(page, server, demo_warehouse):
    expected = [
        [str(year), f"{n} de {members}"]
        for year, n, members in query(
            demo_warehouse,
            "SELECT year, COUNT(DISTINCT iso3), (SELECT COUNT(*) FROM countries)"
            f" FROM published_values WHERE indicator_id = 'US1' AND release = '{LATEST}'"
            " GROUP BY year ORDER BY year DESC",
        )
    ]
    page.goto(f"{server}/indicator/US1")
    page.wait_for_selector(".who-reported table")
    rows = page.evaluate(
        "() => [...document.querySelector('.who-reported table').tBodies[0].rows]"
        ".map(tr => [...tr.cells].map(td => td.textContent.trim()))"
    )
    assert rows == expected
    latest_year, latest_count = expected[0][0], expected[0][1].split(" de ")[0]
    assert page.inner_text(".lead").startswith(f"{latest_count} de ")
    assert latest_year in page.inner_text(".lead")
    ticks = page.evaluate(
        "() => [...document.querySelectorAll('.who-reported-countries tbody tr')]"
        ".filter(tr => tr.cells[1].textContent.trim() === '✓').length"
    )
    assert ticks == int(latest_count)  # the first year column is the newest


def test_an_unknown_indicator_says_so_and_lists_every_indicator(page, server):
    page.goto(f"{server}/indicator/ZZ9?lang=en")
    page.wait_for_selector(".notice")
    assert "ZZ9" in page.inner_text(".notice")
    links = page.locator(".indicator-index a")
    assert links.count() == 15
    page.get_by_role("link", name=re.compile(r"^SP2 ")).click()
    page.wait_for_function("() => location.pathname === '/indicator/SP2'")
    page.wait_for_function("() => document.querySelector('h1')?.innerText.startsWith('SP2 ')")
    assert "lang=en" in page.url


def test_a_count_indicator_reads_as_a_count(page, server):
    page.goto(f"{server}/indicator/SP1?tab=progress")
    wait_for_charts(page, "indicator-progress")
    lead = page.inner_text(".lead")
    assert re.search(r"La mediana regional es \d+, un \d+\u00a0% del camino", lead), lead
    assert "número" not in lead
    meta = _meta(page)
    assert meta["Fórmula"] and "nan" not in meta["Fórmula"] and "÷" not in meta["Fórmula"]
    assert meta["Meta"] == "500; un valor más alto es mejor."
    assert "escala logarítmica" in meta["Umbrales"]


def test_a_year_nobody_reported_falls_back_with_a_notice(page, server):
    page.goto(f"{server}/indicator/SD1?year=1999")
    page.wait_for_selector(".notice")
    assert "1999" in page.inner_text(".notice")
    wait_for_charts(page, "indicator-bars")
