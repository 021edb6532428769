"""The first view arrives as HTML (issue 22): with scripts off, each public page shows its
heading, sentences, tables and charts (as SVG, drawn by the server); with scripts on, the
interactive page takes its place, once — no block twice, nothing moved."""

from __future__ import annotations

import time

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


STATIC_CHART = "main .chart-room svg.static-chart"
# Where things are on a page: its heading, each widget, each chart's room and each drop-down.
PLACES = """() => [...document.querySelectorAll(
    'main h1, main section.chart-widget, .chart-room, .dash-graph, .choice-shown, .dash-dropdown')]
  .filter(e => e.getClientRects().length)
  .map(e => { const b = e.getBoundingClientRect();
    return [e.tagName === 'H1' ? 'h1' : e.matches('section') ? e.id
      : e.matches('.chart-room, .dash-graph') ? 'chart' : 'choice',
      Math.round(b.top + window.scrollY), Math.round(b.height)]; })"""


@pytest.fixture(scope="module")
def no_scripts(browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1366, "height": 768}
    )
    yield context.new_page()
    context.close()


def open_drawn(tab, url: str) -> None:
    """Open `url` once the server has drawn all its charts (two widths each): a page's first
    request asks for them, and they are drawn in the background (every header page in every
    language from the start)."""
    for _ in range(120):
        tab.goto(url)
        if tab.locator(STATIC_CHART).count() == 2 * tab.locator("main .chart-room").count():
            return
        time.sleep(1)


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("path", list(PAGES))
def test_without_scripts_a_page_shows_its_heading_sentences_and_tables(
    no_scripts, server, path, lang
):
    open_drawn(no_scripts, f"{server}{path}?lang={lang}")
    assert no_scripts.inner_text("main h1") == PAGES[path][lang]
    assert no_scripts.evaluate("document.documentElement.lang") == lang
    sentences = no_scripts.eval_on_selector_all(
        "main p.lead, main p.headline", "ps => ps.map(p => p.textContent.trim())"
    )
    assert any(len(s) > 20 for s in sentences), sentences
    rooms = no_scripts.locator("main .chart-room").count()
    assert rooms >= 1 and no_scripts.locator(STATIC_CHART).count() == 2 * rooms  # two widths
    wide = no_scripts.locator(f"{STATIC_CHART}.static-wide").first
    assert wide.is_visible() and wide.bounding_box()["height"] > 100  # drawn, fills its room
    assert not no_scripts.locator(f"{STATIC_CHART}.static-narrow").first.is_visible()


def test_a_phone_without_scripts_sees_the_chart_drawn_at_its_width(browser, server):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    tab = context.new_page()
    open_drawn(tab, f"{server}/compare?lang=en")
    narrow = tab.locator(f"{STATIC_CHART}.static-narrow").first
    assert narrow.is_visible() and not tab.locator(f"{STATIC_CHART}.static-wide").first.is_visible()
    assert "Score (0–100)" in narrow.text_content()  # its own labels, drawn at its width
    assert narrow.bounding_box()["width"] > 300
    context.close()


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


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("path", ["/", "/explorer", "/compare", "/country/URY"])
def test_the_interactive_page_has_the_first_views_content_in_the_same_places(
    browser, server, path, width
):
    url = f"{server}{path}?lang=en"
    screen = {"viewport": {"width": width, "height": 844}}
    static = browser.new_context(java_script_enabled=False, **screen)
    first = static.new_page()
    open_drawn(first, url)
    before = first.evaluate(PLACES)
    texts = first.eval_on_selector_all("main h1, main h2, main p", "es => es.map(e => e.innerText)")
    static.close()
    live = browser.new_context(**screen)
    tab = live.new_page()
    tab.goto(url)
    tab.wait_for_function("() => !document.getElementById('first-view')")
    after = tab.evaluate(PLACES)
    assert tab.locator("main").count() == 1 and tab.locator("h1").count() == 1  # nothing twice
    assert tab.eval_on_selector_all(
        "main h1, main h2, main p", "es => es.map(e => e.innerText)"
    ) == (texts)
    assert [kind for kind, _, _ in after] == [kind for kind, _, _ in before]
    for (kind, top, height), (_, top_live, height_live) in zip(before, after, strict=True):
        assert abs(top - top_live) <= 2 and abs(height - height_live) <= 2, (kind, before, after)
    live.close()


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/coverage", {"es": "Cobertura", "en": "Coverage"}),
        ("/data", {"es": "Datos y metodología", "en": "Data and methodology"}),
        ("/explorer?tab=table", {"es": "Explorar indicadores", "en": "Indicator explorer"}),
    ],
)
def test_without_scripts_the_tables_are_there(no_scripts, server, path, heading, lang):
    no_scripts.goto(f"{server}{path}{'&' if '?' in path else '?'}lang={lang}")
    assert no_scripts.inner_text("main h1") == heading[lang]
    rows = no_scripts.locator("main table tbody tr")
    assert rows.count() >= 15  # a country's or an indicator's row each
    assert no_scripts.locator("main table thead th").count() >= 2
