"""Embeds (issue 22): one chart widget of any page, alone, for other sites to frame —
`/embed/<the page's path>?<the page's own parameters>[&widget=<id>]`: its title, views, sources
(with the release cited), downloads and a link back to the full view, without the site's header.
An embed of a named release never changes; without one it follows the latest."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from urllib.parse import urlsplit

import flask
from dash import html
from dash.development.base_component import Component

from app.urls import params, with_params
from locales.messages import t

PREFIX = "/embed"
HEIGHT = 620  # px: a widget's tabs, its chart and a line of sources


def page_path(pathname: str) -> str | None:
    """The page an embed's path shows (`/embed/country/URY` → `/country/URY`), or None for a
    path that is not an embed."""
    if pathname == PREFIX or pathname.startswith(f"{PREFIX}/"):
        return pathname[len(PREFIX) :] or "/"
    return None


def _walk(node: object) -> Iterator[Component]:
    if isinstance(node, list | tuple):
        for child in node:
            yield from _walk(child)
    elif isinstance(node, Component):
        yield node
        yield from _walk(getattr(node, "children", None))


def widget_in(content: list, asked: str | None) -> Component | None:
    """The widget `asked` names (its id), or the page's first, in a page's content."""
    widgets = [c for c in _walk(content) if "chart-widget" in (getattr(c, "className", None) or "")]
    chosen = [w for w in widgets if w.id == f"{asked}-widget"] if asked else widgets[:1]
    return chosen[0] if chosen else None


def view(content: list, path: str, search: str, lang: str) -> list[Component]:
    """The embed's content: the widget alone and a link to the full view; a page without that
    widget says so."""
    found = widget_in(content, params(search).get("widget"))
    back = html.P(
        html.A(
            t("Ver en «GEALC en números» (Red GEALC)", lang),
            href=f"{path}{with_params(search, widget=None)}",
            target="_blank",
            rel="noopener",
        ),
        className="sources embed-back",
    )
    if found is None:
        return [html.P(t("Este gráfico no existe o ya no está en esa página.", lang)), back]
    return [found, back]


SCRIPT_PATH = "/embed.js"
# For the framing page (optional): each embed's frame takes the height its content reports.
RESIZER = """(function () {
  var origin = new URL(document.currentScript.src).origin;
  window.addEventListener("message", function (event) {
    var height = event.data && event.data.gealcHeight;
    if (event.origin !== origin || typeof height !== "number") { return; }
    document.querySelectorAll("iframe").forEach(function (frame) {
      if (frame.contentWindow === event.source) { frame.style.height = height + "px"; }
    });
  });
})();
"""


def snippet(address: str, title: str) -> str:
    """What a site pastes to show the embed at `address` (an absolute URL): the `<iframe>`, and on
    a second line the optional script that fits the frame's height to its content."""
    parts = urlsplit(address)
    origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return (
        f'<iframe src="{escape(address)}" title="{escape(title)}" width="100%" '
        f'height="{HEIGHT}" style="border:0" loading="lazy"></iframe>\n'
        f'<script src="{escape(origin)}{SCRIPT_PATH}" async></script>'
    )


def install(server: flask.Flask) -> None:
    """Let other sites frame the embeds, and only them: every other page keeps refusing frames
    (X-Frame-Options and the policy's frame-ancestors, set for the whole site); serve the
    framing page's optional height script."""

    @server.route(SCRIPT_PATH)
    def _resizer() -> flask.Response:
        response = flask.Response(RESIZER, mimetype="text/javascript")
        response.headers["Cache-Control"] = "public, max-age=86400"
        return response

    @server.after_request
    def _frameable(response: flask.Response) -> flask.Response:
        if page_path(flask.request.path) is None:
            return response
        response.headers.pop("X-Frame-Options", None)
        policy = response.headers.get("Content-Security-Policy")
        if policy:
            response.headers["Content-Security-Policy"] = policy.replace(
                "frame-ancestors 'none'", "frame-ancestors *"
            )
        return response
