"""The Dash app factory and `gealc serve`. Everything the browser loads comes from this server."""
from __future__ import annotations

from pathlib import Path

import dash_bootstrap_components as dbc
import flask
from dash import (
    ClientsideFunction,
    Dash,
    Input,
    Output,
    callback,
    clientside_callback,
    dcc,
    html,
)
from sqlalchemy.exc import SQLAlchemyError

from app import datasets  # noqa: F401  (registers the full-data downloads)
from app.components import header, notice
from app.context import ENGINE_KEY, engine
from app.downloads import register_routes
from app.i18n import language, t
from app.pages import compare, country, coverage, data, explorer, home, un
from app.urls import params
from etl.db import connect

ASSETS = Path(__file__).with_name("assets")
BOOTSTRAP_CSS = "bootstrap-5.3.9.min.css"  # served from app/assets/vendor, never a CDN
PAGES = {page.PATH: page for page in (home, explorer, compare, un, coverage, data)}


class GealcDash(Dash):
    """Dash with the page language in the `<html lang>` attribute from the first byte."""

    def interpolate_index(self, **kwargs: str) -> str:
        page = super().interpolate_index(**kwargs)
        lang = language(flask.request.args.get("lang")) if flask.has_request_context() else "es"
        return page.replace("<html>", f'<html lang="{lang}">', 1)


def create_app(database_url: str) -> Dash:
    """The app reading `database_url` through a read-only engine."""
    app = GealcDash(
        __name__,
        assets_folder=str(ASSETS),
        assets_ignore=r"^bootstrap-.*\.min\.css$",
        external_stylesheets=[f"/assets/vendor/{BOOTSTRAP_CSS}"],
        title="GEALC en números",
        update_title=None,
        serve_locally=True,
        suppress_callback_exceptions=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.server.config[ENGINE_KEY] = connect(database_url, read_only=True)
    register_routes(app.server)
    app.layout = html.Div([
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="page-lang"),
        dcc.Store(id="lang-sink"),
        html.Div(id="shell"),
    ])
    return app


@callback(Output("shell", "children"), Output("page-lang", "data"), Input("url", "pathname"), Input("url", "search"))
def _route(pathname: str, search: str) -> tuple[list, str]:
    """The whole page from the URL: every control writes the URL, and the URL alone decides
    what is shown, so a copied link opens the same view."""
    lang = language(params(search).get("lang"))
    pathname = pathname or "/"
    page = PAGES.get(pathname)
    try:
        if pathname.startswith(country.PREFIX) or pathname == country.PREFIX.rstrip("/"):
            content = country.layout(engine(), pathname, search, lang)
        else:
            content = page.layout(engine(), search, lang) if page else [html.H1(t("not_found", lang))]
    except SQLAlchemyError:
        content = [notice(t("warehouse_unavailable", lang), "danger")]
    main = html.Main(dbc.Container(content, className="page"), id="main")
    return [header(lang, pathname or "/", search), main], lang


clientside_callback(
    ClientsideFunction(namespace="gealc", function_name="setLanguage"),
    Output("lang-sink", "data"),
    Input("page-lang", "data"),
)


def serve(database_url: str, host: str = "127.0.0.1", port: int = 8050, debug: bool = False) -> int:
    """Serve the dashboard until interrupted."""
    app = create_app(database_url)
    print(f"gealc is serving on http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
    app.run(host=host, port=port, debug=debug)
    return 0
