"""A Dash layout as HTML for the first view, without a server."""

from __future__ import annotations

import plotly.graph_objects as go
from dash import dcc, html

from app.first_view import to_html


def test_elements_attributes_and_text_are_written_as_html_would_be():
    layout = html.Section(
        [
            html.H2("Títulos <y> «comillas» & más", id="t", className="chart-title"),
            html.A("Tabla", href="/explorer?tab=table&lang=es", **{"aria-current": "true"}),
            html.Br(),
            html.Div("x", style={"minWidth": "620px"}, tabIndex="0", role="region"),
            dcc.Store(id="s", data={"a": 1}),
            html.Div(id={"type": "filter", "key": "year"}),
        ],
        **{"aria-labelledby": "t"},
    )
    assert to_html(layout) == (
        '<section aria-labelledby="t">'
        '<h2 class="chart-title" id="t">Títulos &lt;y&gt; «comillas» &amp; más</h2>'
        '<a href="/explorer?tab=table&amp;lang=es" aria-current="true">Tabla</a>'
        "<br>"
        '<div role="region" style="min-width:620px" tabindex="0">x</div>'
        "<div></div>"
        "</section>"
    )


def test_a_chart_keeps_its_room_and_a_dropdown_shows_its_choice():
    chart = dcc.Graph(id="g", figure=go.Figure(layout={"height": 380}))
    assert to_html(chart) == (
        '<div class="chart-room" style="height:380px" aria-hidden="true"></div>'
    )
    choice = dcc.Dropdown(
        id="d",
        options=[{"label": "Uruguay", "value": "URY"}, {"label": "Chile", "value": "CHL"}],
        value=["CHL", "URY"],
        multi=True,
    )
    assert to_html(choice) == '<div class="choice-shown">Uruguay, Chile</div>'
