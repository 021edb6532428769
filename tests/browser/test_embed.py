"""An embed in another site's page (issue 22): a page served from another loopback origin frames
`/embed/explorer` and `/`; the embed draws its chart, the home page refuses to be framed."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial

import pytest

from tests.conftest import free_port


@pytest.fixture
def other_site(server: str, tmp_path) -> Iterator[str]:
    """A page on another origin (another port) with two frames of the site."""
    (tmp_path / "index.html").write_text(
        "<!doctype html><html><body>"
        f'<iframe id="embed" src="{server}/embed/explorer?lang=en&tab=bars" width="900"'
        ' height="700"></iframe>'
        f'<iframe id="home" src="{server}/?lang=en" width="900" height="300"></iframe>'
        f'<iframe id="fitted" src="{server}/embed/compare?lang=en" width="400" height="300">'
        f'</iframe><script src="{server}/embed.js" async></script>'
        "</body></html>",
        encoding="utf-8",
    )
    port = free_port()
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/index.html"
    httpd.shutdown()


def test_an_embed_draws_in_another_sites_frame_and_the_home_page_refuses(page, other_site):
    page.goto(other_site)
    embed = page.frame_locator("#embed")
    embed.locator("#explorer-bars .main-svg").first.wait_for()
    assert embed.locator("h2.chart-title").inner_text() == "GEALC composite, 2024"
    assert embed.locator(".site-header").count() == 0  # the widget alone
    refused = [f for f in page.frames if f is not page.main_frame and "embed" not in f.url]
    # Refused: the browser shows its own error page there, nothing of the site.
    assert refused and all(f.locator(".site-header").count() == 0 for f in refused)
    assert all("GEALC" not in f.locator("body").inner_text() for f in refused)


def test_the_optional_script_fits_an_embeds_frame_to_its_content(page, other_site):
    page.goto(other_site)
    fitted = page.frame_locator("#fitted")
    fitted.locator(".main-svg").first.wait_for()
    page.wait_for_function("() => document.getElementById('fitted').style.height !== ''")
    frame = page.evaluate("document.getElementById('fitted').clientHeight")  # inside its border
    content = fitted.locator("body").evaluate("b => b.getBoundingClientRect().height")
    assert frame > 300 and abs(frame - content) <= 1  # taller than pasted, as tall as its content
