"""The Dash app factory: the public pages of one warehouse's releases, their router and callbacks.
Everything the browser loads comes from this server."""

from __future__ import annotations

import contextlib
from pathlib import Path

import dash_bootstrap_components as dbc
import flask
from dash import ClientsideFunction, Dash, Input, Output, dcc, html

from app import (  # noqa: F401  (datasets registers the full-data downloads)
    bundle,
    caching,
    datasets,
    embed,
    filters,
    first_view,
    pagecache,
    static_charts,
)
from app.api import register_api
from app.components import header, notice, release_banner
from app.context import RELEASES_KEY, enter_view, releases, snapshot
from app.downloads import register_routes
from app.pages.compare import page as compare
from app.pages.country import page as country
from app.pages.coverage import page as coverage
from app.pages.data import page as data
from app.pages.explorer import page as explorer
from app.pages.home import page as home
from app.pages.indicator import page as indicator
from app.pages.un import page as un
from app.release import Releases, Unavailable
from app.urls import params, with_params
from locales import language
from locales.messages import t
from warehouse.db import connect

ASSETS = Path(__file__).with_name("assets")
BOOTSTRAP_CSS = "bootstrap-5.3.9.min.css"  # served from app/assets/vendor, never a CDN
# dcc's charts and drop-downs are chunks Dash fetches only once the page is drawn: fetched with
# the other scripts.
CHUNKS = ("async-graph.js", "async-dropdown.js")
PAGES = {page.PATH: page for page in (home, explorer, compare, un, coverage, data)}


class GealcDash(Dash):
    """Dash with the page language in the `<html lang>` attribute from the first byte, and
    Plotly.js from app/assets/vendor rather than Dash's full bundle."""

    def _setup_plotlyjs(self) -> None:
        """Register no Plotly.js: the app's assets define `window.Plotly` with only the trace
        types it draws (tools/plotly_bundle.sh), a third of the full bundle's time to evaluate on
        a modest laptop, and dcc.Graph uses it."""
        self._plotlyjs_url = ""

    def interpolate_index(self, **kwargs: str) -> str:
        if flask.has_request_context():  # the page's first view, before (or without) scripts
            kwargs["app_entry"] = _first_view() + kwargs.get("app_entry", "")
        # The scripts come once the first view is on screen.
        prefix = f"{self.config.requests_pathname_prefix}_dash-component-suites/dash/dcc/"
        chunks = [prefix + chunk for chunk in CHUNKS]
        kwargs["scripts"] = bundle.deferred(kwargs.get("scripts", ""), chunks)
        page = super().interpolate_index(**kwargs)
        lang = language(flask.request.args.get("lang")) if flask.has_request_context() else "es"
        return page.replace("<html>", f'<html lang="{lang}">', 1)


def _first_view() -> str:
    """The page this request's URL describes, as HTML, from the router's own layout (kept per
    URL and release, as the router's answers are)."""
    query = flask.request.query_string.decode()
    path, search = flask.request.path, f"?{query}" if query else ""

    def build() -> str:
        shell, _ = _page(path, search)
        return f'<div id="first-view">{first_view.to_html(shell, static_charts.placeholder)}</div>'

    page, complete = static_charts.fill(pagecache.kept_first_view(path, search, build))
    caching.keep_page(_page_policy(path, search, complete))
    return page


def _page_policy(path: str, search: str, complete: bool) -> str:
    """How long a page may be kept: a page follows the latest release, and an older release's
    page names the latest (its banner), so pages are revalidated; an embed of a named release,
    its charts all drawn, never changes."""
    named = params(search).get("release")
    if embed.page_path(path) is None or not complete or not named:
        return caching.FRESH
    try:
        shown = releases().snapshot(named).label
    except (KeyError, Unavailable):
        return caching.FRESH
    return caching.for_release(named, shown)


def create_app(database_url: str, *, draw_charts: bool = False, browser: str | None = None) -> Dash:
    """The app showing the releases published in `database_url` (read through a read-only
    engine); with `draw_charts`, its first views carry their charts drawn as SVG by `browser`
    (a Chromium; None: the PATH's), as the site `gealc serve` runs does."""
    app = GealcDash(
        __name__,
        assets_folder=str(ASSETS),
        assets_ignore=r"^bootstrap-.*\.min\.css$",
        external_stylesheets=[_fingerprinted(f"vendor/{BOOTSTRAP_CSS}")],
        title="GEALC en números",
        update_title=None,
        serve_locally=True,
        compress=False,  # compressed by caching.compress, which keeps each page's bytes
        suppress_callback_exceptions=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.renderer = bundle.LOADER  # starts Dash once the deferred scripts have run
    caching.compress(app.server)  # first: every other hook sees the answer uncompressed
    app.server.config[RELEASES_KEY] = book = Releases(connect(database_url, read_only=True))
    app.server.before_request(_refuse_malformed_callbacks(app))
    pagecache.install(app.server)
    static_charts.install(app.server, draw_charts, browser)
    caching.install(app.server, ASSETS)
    embed.install(app.server)
    with contextlib.suppress(Unavailable):  # no warehouse yet: pages say so until it appears
        book.snapshot()  # the latest release in memory before the first visitor
    register_routes(app.server)
    register_api(app.server)
    app.server.register_error_handler(Unavailable, _unavailable)
    _register_callbacks(app)
    app.layout = html.Div(
        [
            dcc.Location(id="url", refresh=False),
            dcc.Store(id="page-lang"),
            dcc.Store(id="lang-sink"),
            html.Div(id="shell"),
        ]
    )
    return app


def _fingerprinted(asset: str) -> str:
    """An asset's address with its version (`?m=`, as Dash writes its own), so it is kept for
    good and a new version is a new address."""
    return f"/assets/{asset}?m={(ASSETS / asset).stat().st_mtime}"


def _page(pathname: object, search: object) -> tuple[list, str]:
    """The page for the URL (`_route`), built once for its first view and its router answer."""
    pathname = pathname if isinstance(pathname, str) else "/"
    search = search if isinstance(search, str) else ""
    return pagecache.kept_layout(pathname or "/", search, lambda: _route(pathname, search))


def _route(pathname: object, search: object) -> tuple[list, str]:
    """The whole page from the URL: every control writes the URL, and the URL alone decides
    what is shown, so a copied link opens the same view."""
    pathname = pathname if isinstance(pathname, str) else "/"
    search = search if isinstance(search, str) else ""
    query = params(search)
    lang = language(query.get("lang"))
    pathname = pathname or "/"
    shown = embed.page_path(pathname)  # an embed shows one widget of another page
    path = shown or pathname
    page = PAGES.get(path)
    try:
        db, banner = _release(query.get("release"), pathname, search, lang)
        if db.label != query.get("release"):
            search = with_params(search, release=None)  # links keep only a release that exists
        enter_view(pathname, search)
        if path.startswith(country.PREFIX) or path == country.PREFIX.rstrip("/"):
            content = banner + country.layout(db, path, search, lang)
        elif path.startswith(indicator.PREFIX) or path == indicator.PREFIX.rstrip("/"):
            content = banner + indicator.layout(db, path, search, lang)
        else:
            content = banner + (
                page.layout(db, search, lang)
                if page
                else [html.H1(t("Página no encontrada.", lang))]
            )
        if shown is not None:
            main = html.Main(embed.view(content, path, search, lang), id="main", className="embed")
            return [main], lang
    except Unavailable:
        content = [
            notice(
                t(
                    "Los datos no están disponibles en este momento. Si acaba de instalar gealc, "
                    "ejecute «make run» o «gealc build --demo».",
                    lang,
                ),
                "danger",
            )
        ]
    main = html.Main(dbc.Container(content, className="page"), id="main")
    return [header(lang, pathname or "/", search), main], lang


def _release(asked: str | None, pathname: str, search: str, lang: str):
    """The release the page shows and what to say about it: nothing for the latest, a banner
    for an older one, a notice (and the latest) for a label that does not exist."""
    try:
        db = snapshot(asked)
    except KeyError:
        db = snapshot()
        return db, [
            notice(
                t(
                    "No hay ninguna versión publicada «{release}»; se muestra la última.",
                    lang,
                    release=asked,
                ),
                "warning",
            )
        ]
    latest = releases().latest()
    if db.label is None:
        return db, [
            notice(
                t(
                    "Aún no se ha publicado ninguna versión de los indicadores: la secretaría "
                    "publica los valores una vez revisados (gealc publish).",
                    lang,
                ),
                "info",
            )
        ]
    if db.label == latest:
        return db, []
    return db, [release_banner(db.info, latest, pathname, search, lang)]


def _refuse_malformed_callbacks(app: Dash):
    """A callback request no page of this app sends (not JSON, an output no callback has, inputs
    that are not a list) gets a 400 saying so, never a server error."""
    endpoint = f"{app.config.requests_pathname_prefix}_dash-update-component"

    def refuse() -> flask.Response | None:
        if flask.request.method != "POST" or flask.request.path != endpoint:
            return None
        if _well_formed(flask.request.get_json(silent=True), app.callback_map):
            return None
        return flask.Response(
            '{"error": "malformed callback request"}\n', status=400, mimetype="application/json"
        )

    return refuse


def _well_formed(body: object, callbacks: dict) -> bool:
    """Whether `body` is a callback request as a page of this app sends it: a known output, as
    many inputs and states as that callback has, each naming an id and a property."""
    if not isinstance(body, dict) or not isinstance(body.get("output"), str):
        return False
    callback = callbacks.get(body["output"])
    if callback is None:
        return False
    inputs, state = body.get("inputs"), body.get("state", [])
    changed = body.get("changedPropIds", [])
    return (
        isinstance(inputs, list)
        and isinstance(state, list)
        and len(inputs) == len(callback["inputs"])
        and len(state) == len(callback["state"])
        and all(_entries(item) for item in [*inputs, *state])
        and isinstance(changed, list)
        and all(isinstance(c, str) for c in changed)
        and all(_entries(o) for o in _as_list(body.get("outputs", [])))
    )


def _entries(item: object) -> bool:
    """An input, state or output entry (or, for pattern-matching ids, a list of them)."""
    return all(
        isinstance(e, dict)
        and isinstance(e.get("id"), str | dict)
        and isinstance(e.get("property"), str)
        for e in _as_list(item)
    )


def _as_list(item: object) -> list:
    return item if isinstance(item, list) else [item]


def _unavailable(exc: Unavailable) -> flask.Response:
    """A download or callback that needs a release this worker does not hold while the warehouse
    cannot be read: a plain "try again later", not a server error (the API answers in JSON)."""
    text = t(
        "Los datos no están disponibles en este momento. Si acaba de instalar gealc, ejecute "
        "«make run» o «gealc build --demo».",
        language(flask.request.args.get("lang")),
    )
    return flask.Response(
        f"{text}\n", status=503, mimetype="text/plain", headers={"Retry-After": "60"}
    )


def _register_callbacks(app: Dash) -> None:
    """Every callback of the site on `app`: the router, the page language, and the controls that
    write the URL. Registered per app (not with `dash.callback`, which hands its callbacks to the
    first app only), so each app a process makes has them all."""
    app.callback(
        Output("shell", "children"),
        Output("page-lang", "data"),
        Input("url", "pathname"),
        Input("url", "search"),
    )(_page)
    app.clientside_callback(
        ClientsideFunction(namespace="gealc", function_name="setLanguage"),
        Output("lang-sink", "data"),
        Input("page-lang", "data"),
    )
    for module in (filters, explorer, country, indicator):
        module.register_callbacks(app)
