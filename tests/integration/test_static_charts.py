"""The first view's charts drawn on the server (issue 22): a page's first request asks for its
charts, the server draws them in the background with Plotly's own engine, and later requests
carry them as SVG, at a phone's width and a wider one, where the interactive chart will be; an
embed of a named release is then kept for good at the edge."""

from __future__ import annotations

import re
import time

import pytest

from app import static_charts
from app.caching import FRESH, IMMUTABLE
from app.server import create_app
from tests.browser.conftest import chromium_path
from tests.conftest import missing

ROOM = re.compile(r'<div class="chart-room" style="height:\d+px" aria-hidden="true">(.*?)</div>')


@pytest.fixture(scope="module")
def app(demo_built: str):
    if chromium_path() is None:
        missing("Chromium (Debian package chromium)")
    return create_app(demo_built, draw_charts=True)


def drawn_page(app, url: str) -> str:
    """The page at `url` once the server has drawn its charts (asked for by a first request)."""
    client = app.server.test_client()
    client.get(url)
    with app.server.app_context():
        drawer = static_charts.drawer()
        for _ in range(
            600
        ):  # the drawing browser starts, then each chart takes a fraction of a second
            if drawer.pending() == 0:
                break
            time.sleep(0.2)
        assert drawer.broken is None
    return client.get(url).get_data(as_text=True)


def test_a_pages_charts_come_as_svg_at_two_widths_in_their_rooms(app):
    page = drawn_page(app, "/compare?lang=en")
    rooms = ROOM.findall(page)
    assert rooms, "the compare page has a chart"
    chart = rooms[0]
    assert chart.count('class="static-chart static-wide"') == 1
    assert chart.count('class="static-chart static-narrow"') == 1
    assert "Score (0–100)" in chart and "Chile" in chart  # the chart's own labels, in English
    assert "<script" not in chart


def test_an_embed_of_a_named_release_is_kept_for_good_once_its_charts_are_drawn(app):
    client = app.server.test_client()
    label = client.get("/api/v1/releases").get_json()["data"][0]["label"]
    drawn_page(app, f"/embed/compare?release={label}&lang=en")
    named = client.get(f"/embed/compare?release={label}&lang=en")
    assert named.headers["Cache-Control"] == IMMUTABLE
    assert "static-chart" in named.get_data(as_text=True)
    latest = client.get("/embed/compare?lang=en")
    assert latest.headers["Cache-Control"] == FRESH  # follows the next release
    held = client.get(
        f"/embed/compare?release={label}&lang=en", headers={"If-None-Match": named.headers["ETag"]}
    )
    assert held.status_code == 304 and held.data == b""


def test_without_the_switch_a_page_keeps_empty_rooms(demo_built):
    app = create_app(demo_built)  # an app made in process draws none unless told
    client = app.server.test_client()
    client.get("/compare?lang=en")
    page = client.get("/compare?lang=en").get_data(as_text=True)
    assert ROOM.findall(page) == [""]  # the room, empty, and nothing drawing
    with app.server.app_context():
        assert static_charts.drawer().pending() == 0
