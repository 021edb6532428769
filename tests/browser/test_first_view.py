"""The first view arrives as HTML (issue 22): with scripts off, each public page shows its
heading, sentences and tables (a chart keeps its room); with scripts on, the interactive page
takes its place, once — no block twice."""

from __future__ import annotations

import pytest

from tests.browser.conftest import wait_for_charts

PAGES = {
    "/": {"es": "GEALC en números 2024", "en": "GEALC in numbers 2024"},
    "/explorer": {"es": "Explorar indicadores", "en": "Indicator explorer"},
    "/compare": {"es": "Comparar países", "en": "Compare countries"},
    "/country/URY": {"es": "Uruguay — Perfil de país", "en": "Uruguay — Country profile"},
    "/indicator/SD1": {
        "es": "SD1 Trámites que pueden iniciarse en línea",
        "en": "SD1 Procedures that can be started online",
    },
}


@pytest.fixture(scope="module")
def no_scripts(browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1366, "height": 768}
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("path", list(PAGES))
def test_without_scripts_a_page_shows_its_heading_sentences_and_tables(
    no_scripts, server, path, lang
):
    no_scripts.goto(f"{server}{path}?lang={lang}")
    assert no_scripts.inner_text("main h1") == PAGES[path][lang]
    assert no_scripts.evaluate("document.documentElement.lang") == lang
    sentences = no_scripts.eval_on_selector_all(
        "main p.lead, main p.headline", "ps => ps.map(p => p.textContent.trim())"
    )
    assert any(len(s) > 20 for s in sentences), sentences
    assert no_scripts.locator("main .chart-room").count() >= 1  # each chart keeps its room


def test_without_scripts_a_widgets_table_tab_is_a_link_that_works(no_scripts, server):
    no_scripts.goto(f"{server}/explorer?lang=en")
    no_scripts.click("#explorer-tab-table")
    no_scripts.wait_for_url("**tab=table**")
    rows = no_scripts.locator("#explorer-panel table.data-table tbody tr")
    assert rows.count() == 33
    assert "Uruguay" in no_scripts.inner_text("#explorer-panel")


def test_with_scripts_the_interactive_page_takes_the_first_views_place(page, server):
    page.goto(f"{server}/country/URY?lang=en")
    wait_for_charts(page, "profile-dimensions")
    page.wait_for_function("() => !document.getElementById('first-view')")
    assert page.locator("main").count() == 1 and page.locator("h1").count() == 1
    assert page.inner_text("main h1") == PAGES["/country/URY"]["en"]
    assert page.recorder.errors == []
