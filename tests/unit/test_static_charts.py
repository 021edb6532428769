"""The first view's charts as SVG (issue 22), the parts that need no browser: how kaleido's SVG is
made to fill a chart's room, which figures count as the same, the map's outlines put in, the
page's scripts kept for after the first view, and the embed code."""

from __future__ import annotations

import time

import plotly.graph_objects as go
from dash import dcc, html

from app import bundle, embed, first_view, maps
from app.static_charts import Drawer, chart_key, figure_spec, tidy

KALEIDO_ROOT = (
    '<svg class="main-svg" xmlns="http://www.w3.org/2000/svg" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" width="960" height="450" style="" '
    'viewBox="0 0 960 450">'
)


def test_a_drawing_fills_its_room_at_its_width_and_rounds_only_long_outlines():
    coast = "M" + "L".join(f"{i}.4567,{i * 2}.5123" for i in range(60)) + "Z"
    marker = "M4.5,0A4.5,4.5 0 1,1 0,-4.5Z"
    svg = f'{KALEIDO_ROOT}<path d="{coast}"/><path d="{marker}"/><text>Uruguay</text></svg>'
    tidied = tidy(svg, "narrow")
    assert tidied.startswith("<svg ") and tidied.count("<svg") == 1
    assert 'class="static-chart static-narrow"' in tidied
    assert 'viewBox="0 0 960 450"' in tidied and 'width="960"' not in tidied
    assert "L1,3L2,5" in tidied  # an outline to the pixel
    assert f'd="{marker}"' in tidied  # a marker as drawn
    assert "<text>Uruguay</text>" in tidied


def test_the_same_figure_is_drawn_once_and_another_is_another_drawing():
    bars = go.Figure(go.Bar(x=[1, 2], y=["URY", "CHL"], orientation="h"))
    same = go.Figure(go.Bar(x=[1, 2], y=["URY", "CHL"], orientation="h"))
    other = go.Figure(go.Bar(x=[1, 3], y=["URY", "CHL"], orientation="h"))
    assert chart_key(bars) == chart_key(same) == chart_key(bars.to_plotly_json())
    assert chart_key(bars) != chart_key(other)


def test_the_maps_outlines_go_with_the_figure_to_the_drawing_browser():
    figure = go.Figure(go.Choropleth(geojson=maps.OUTLINES_URL, locations=["URY"], z=[1]))
    spec = figure_spec(figure)
    assert spec["data"][0]["geojson"]["type"] == "FeatureCollection"
    assert figure.data[0].geojson == maps.OUTLINES_URL  # the page's figure is left as it was


def test_a_chart_room_holds_what_the_drawing_gives_for_its_figure():
    figure = go.Figure(go.Bar(x=[1], y=["URY"]), layout={"height": 321})
    layout = html.Div([html.H2("Ranking"), dcc.Graph(id="bars", figure=figure)])
    drawn = first_view.to_html(layout, lambda f: f"<svg>{f.layout.height}</svg>")
    assert '<div class="chart-room" style="height:321px"' in drawn
    assert "<svg>321</svg></div>" in drawn
    assert "<svg>" not in first_view.to_html(layout)  # no drawing: an empty room


def test_the_pages_scripts_wait_in_a_template_in_their_order_without_the_datatable():
    scripts = "\n".join(
        [
            '<script src="/deps/react.js"></script>',
            '<script src="/dash_table/bundle.js"></script>',
            '<script src="/dash-renderer/build/dash_renderer.js"></script>',
            "<script>window.dash_clientside = {};</script>",
        ]
    )
    out = bundle.deferred(scripts, ["/dcc/async-graph.js"])
    template, rest = out.split("</template>")
    assert template.startswith('<template id="gealc-scripts">')
    assert template.index("react.js") < template.index("dash_renderer.js")
    assert "dash_table" not in out
    assert '<link rel="preload" as="script" href="/dcc/async-graph.js">' in template
    assert rest == "<script>window.dash_clientside = {};</script>"  # inline scripts stay


def test_the_embed_code_frames_the_view_and_loads_the_height_script_from_the_same_site():
    code = embed.snippet("https://embed.gealc.org/embed/compare?lang=en&countries=URY", "A & B")
    frame, script = code.split("\n")
    assert frame.startswith('<iframe src="https://embed.gealc.org/embed/compare?lang=en&amp;')
    assert 'title="A &amp; B"' in frame and 'loading="lazy"' in frame
    assert script == '<script src="https://embed.gealc.org/embed.js" async></script>'


def test_without_a_browser_charts_are_not_drawn_and_nothing_waits(tmp_path):
    drawer = Drawer(browser=str(tmp_path / "no-chromium"))
    figure = go.Figure(go.Bar(x=[1], y=["URY"]))
    key = drawer.ask(figure)
    for _ in range(100):  # the thread finds no browser at once
        if drawer.broken:
            break
        time.sleep(0.05)
    assert "Chromium is needed" in drawer.broken and drawer.pending() == 0
    assert drawer.ask(figure) == key and drawer.pending() == 0  # not asked again
    assert drawer.drawings(key) is None
