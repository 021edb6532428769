"""Charts as a person reads them in a real browser: country names instead of codes on the tiles,
scatter labels that do not run into each other, a radar hover in words, a Lesser Antilles inset
whose dots open a profile, and a compare heatmap that fits a phone."""

from __future__ import annotations

import re

from tests.browser.conftest import wait_for_charts

COMPARE = "countries=URY,BRA,MEX,KNA,VCT,TTO,DOM,ATG"
ISO3 = "() => [...document.querySelectorAll('{} text')].map(t => t.textContent)"


def _centre(box: dict) -> tuple[float, float]:
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_tiles_are_named_and_a_named_tile_opens_its_profile(page, server):
    page.goto(f"{server}/explorer?indicator=FD1&year=2023&lang=es&tab=tiles")
    wait_for_charts(page, "explorer-tiles")
    texts = page.evaluate(
        "() => [...document.querySelectorAll('#explorer-tiles .hm text')]"
        ".map(t => t.textContent).filter(Boolean)"
    )
    assert {"Uruguay", "Brasil", "Haití"} <= set(texts)
    assert not {"URY", "KNA", "DOM"} & set(texts)
    label = page.locator("#explorer-tiles .hm text", has_text="Uruguay").first
    label.scroll_into_view_if_needed()
    x, y = _centre(label.bounding_box())
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_function("() => location.pathname === '/country/URY'")
    assert page.recorder.errors == []


def test_scatter_labels_are_names_and_none_overlaps_another(page, server):
    page.goto(f"{server}/un?lang=es")
    wait_for_charts(page, "un-scatter")
    boxes = page.evaluate(
        "() => [...document.querySelectorAll('#un-scatter .textpoint text')]"
        ".filter(t => t.textContent).map(t => { const r = t.getBoundingClientRect();"
        " return [t.textContent, r.left, r.top, r.right, r.bottom] })"
    )
    names = [b[0] for b in boxes]
    assert len(names) >= 12 and "Uruguay" in names and "URY" not in names
    for n, (_, *a) in enumerate(boxes):
        for _, *b in boxes[n + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_on_a_phone_the_scatter_keeps_only_labels_with_room(phone, server):
    phone.goto(f"{server}/un?lang=fr")
    wait_for_charts(phone, "un-scatter")
    phone.wait_for_function(
        "() => document.querySelector('#un-scatter .js-plotly-plot').dataset.declutter"
    )
    boxes = phone.evaluate(
        "() => [...document.querySelectorAll('#un-scatter .textpoint text')]"
        ".filter(t => t.textContent && getComputedStyle(t).visibility !== 'hidden')"
        ".map(t => { const r = t.getBoundingClientRect();"
        " return [r.left, r.top, r.right, r.bottom] })"
    )
    assert len(boxes) >= 5  # some names still shown, the rest on hover
    for n, a in enumerate(boxes):
        for b in boxes[n + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_radar_hover_says_country_dimension_and_score(page, server):
    page.goto(f"{server}/compare?{COMPARE}&lang=es&tab=radar")
    wait_for_charts(page, "compare-radar")
    point = page.locator("#compare-radar .scatterlayer .point, #compare-radar .trace .point")
    point.first.scroll_into_view_if_needed()
    page.mouse.move(*_centre(point.first.bounding_box()))
    page.wait_for_selector("#compare-radar .hovertext")
    hover = page.locator("#compare-radar .hovertext").first.text_content()
    assert any(c in hover for c in ("Uruguay", "Brasil", "México", "Trinidad y Tobago"))
    assert re.search(r"\D: \d+,\d$", hover)  # "México" "Servicios digitales: 86,1"
    assert "r:" not in hover and "θ" not in hover


def test_lesser_antilles_inset_dot_opens_that_countrys_profile(page, server):
    page.goto(f"{server}/explorer?indicator=FD1&year=2023&lang=es")
    wait_for_charts(page, "explorer-map")
    assert page.locator("#explorer-map g.geo").count() == 2
    assert "Antillas Menores" in page.locator("#explorer-map .annotation").first.text_content()
    dots = page.evaluate(
        "() => document.querySelector('#explorer-map .js-plotly-plot').data"
        ".filter(d => d.geo === 'geo2' && d.type === 'scattergeo')[0].customdata"
    )
    order = list(dots)
    dot = page.locator("#explorer-map g.geo2 path.point").nth(order.index("BRB"))
    dot.scroll_into_view_if_needed()
    x, y = _centre(dot.bounding_box())
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_function("() => location.pathname === '/country/BRB'")
    assert page.recorder.off_origin(server) == [] and page.recorder.errors == []


def test_compare_heatmap_fits_a_phone_with_short_country_names(phone, server):
    phone.goto(f"{server}/compare?{COMPARE}&lang=es&tab=heatmap")
    wait_for_charts(phone, "compare-heatmap")
    width = phone.evaluate(
        "() => document.querySelector('#compare-heatmap .main-svg').getBoundingClientRect().right"
    )
    assert width <= 390
    columns = phone.evaluate(
        "() => [...document.querySelectorAll('#compare-heatmap .xtick text')]"
        ".map(t => t.textContent)"
    )
    assert len(columns) == 8 and "San Cristóbal y N." in columns
    assert "Rep. Dominicana" in columns and "URY" not in columns
    rows = phone.evaluate(
        "() => [...document.querySelectorAll('#compare-heatmap .ytick text')]"
        ".map(t => t.textContent)"
    )
    assert rows and all(re.match(r"[A-Z]{2}\d ", r) for r in rows)  # "SD1 Trámites…"


def test_on_a_phone_no_toolbar_covers_a_chart_and_the_download_tab_has_its_image(phone, server):
    phone.goto(f"{server}/country/URY?lang=es")
    graph = "#profile-dimensions"
    wait_for_charts(phone, graph.lstrip("#"))
    phone.hover(graph)
    # A phone shows no toolbar over the chart (touch would keep it over the labels) ...
    assert not phone.locator(f"{graph} .modebar").is_visible()
    # ... and the widget's Download phone gives the chart as an image instead.
    phone.click("#profile-dimensions-tab-download")
    phone.wait_for_selector("#profile-dimensions-panel button.image-download")


def test_on_a_phone_dense_grids_scroll_in_their_box_and_bars_name_their_dimensions(phone, server):
    phone.goto(f"{server}/coverage?lang=en")
    wait_for_charts(phone, "coverage-matrix")
    box = phone.eval_on_selector(
        ".chart-scroll", "b => [b.scrollWidth, b.clientWidth, b.tabIndex, b.role]"
    )
    assert box[0] >= 620 > box[1] and box[2] == 0 and box[3] == "region"
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    phone.goto(f"{server}/compare?countries=URY,BRA,MEX&lang=fr")
    wait_for_charts(phone, "compare-bars")
    ticks = phone.eval_on_selector_all(
        "#compare-bars .ytick text", "ts => ts.map(t => t.textContent)"
    )
    assert any(t.startswith("D1") for t in ticks)  # dimension names read across
    assert phone.eval_on_selector(
        "#compare-bars .js-plotly-plot", "g => g.data.every(d => d.orientation === 'h')"
    )
