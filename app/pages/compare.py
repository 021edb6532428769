"""Compare countries (`/compare?countries=URY,CHL&year=2024&dimension=D1`): per-dimension (or,
with a dimension chosen, per-indicator) bars, a radar profile, a country × indicator heatmap,
and each country's UN EGDI value and rank beside its GEALC scores."""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html
from dash.exceptions import PreventUpdate
from sqlalchemy.engine import Engine

from app import compare, figures, queries
from app.components import download_links, fallback_notices, notice, table
from app.downloads import dataset
from app.i18n import formatted, t
from app.urls import params, with_params

PATH = "/compare"
GRAPH_CONFIG = {"displaylogo": False, "responsive": True}


def _view(db: Engine, query: dict[str, str], lang: str):
    members = queries.member_names(db, lang)
    years = queries.score_years(db)
    dims = queries.dimension_names(db, lang)
    view = compare.read_view(query, members["iso3"].tolist(), years, dims["dimension_id"].tolist())
    return members, years, dims, view


def layout(db: Engine, search: str, lang: str) -> list:
    query = params(search)
    members, years, dims, view = _view(db, query, lang)
    notices = fallback_notices(view.problems, lang)
    scores = queries.scores_in(db, view.year) if view.year else None
    if view.year and not view.countries:
        view.countries = compare.default_peers(scores, members.set_index("iso3")["subregion"])
    controls = html.Div([
        html.Div([dbc.Label(t("countries", lang), html_for="compare-countries"),
                  dcc.Dropdown(id="compare-countries", multi=True, value=view.countries,
                               options=[{"label": n, "value": c} for c, n in zip(members["iso3"], members["name"])])],
                 className="filter filter-wide"),
        html.Div([dbc.Label(t("data_year", lang), html_for="compare-year"),
                  dcc.Dropdown(id="compare-year", options=[{"label": str(y), "value": y} for y in years], value=view.year,
                               clearable=False, searchable=False)], className="filter"),
        html.Div([dbc.Label(t("dimension", lang), html_for="compare-dimension"),
                  dcc.Dropdown(id="compare-dimension", value=view.dimension or "all", clearable=False, searchable=False,
                               options=[{"label": t("all_dimensions", lang), "value": "all"}]
                               + [{"label": f"{d} {n}", "value": d} for d, n in zip(dims["dimension_id"], dims["name"])])],
                 className="filter"),
    ], className="filters filters-row")
    head = [html.H1(t("compare_page", lang)), html.P(t("compare_lead", lang), className="lead"),
            dcc.Store(id="compare-view", data={"countries": view.countries, "year": view.year, "dimension": view.dimension or "all"}),
            *notices, controls]
    if not view.year:
        return head + [notice(t("no_reports_year", lang, year="—"))]
    if len(view.countries) < compare.MIN_COUNTRIES:
        return head + [notice(t("pick_more", lang))]
    return head + _body(db, members, dims, view, scores, lang)


def _body(db: Engine, members, dims, view: compare.CompareView, scores, lang: str) -> list:
    names = members.set_index("iso3")["name"]
    summary = compare.comparison_table(scores, queries.egov_all(db), names, view.countries, dims, view.year, lang)
    every_indicator = queries.indicator_names(db, lang)
    indicators = every_indicator[every_indicator["dimension_id"] == view.dimension] if view.dimension else every_indicator
    if view.dimension:
        categories = [(i, f"{i} {n}") for i, n in zip(indicators["indicator_id"], indicators["name"])]
    else:
        categories = [(d, f"{d} {n}") for d, n in zip(dims["dimension_id"], dims["name"])]
    wide = compare.wide_scores(scores, view.countries, names, [*dims["dimension_id"], *every_indicator["indicator_id"]])
    decimals = compare.table_decimals(summary, lang)
    demo = queries.demo_in(db, view.year)
    shown = formatted(summary, decimals, lang)
    heat_columns = [(i, f"{i} {n}") for i, n in zip(indicators["indicator_id"], indicators["name"])]
    return [
        *([notice(t("demo_notice", lang), "warning")] if demo else []),
        html.H2(t("bars_title", lang, year=view.year), className="chart-title"),
        dcc.Graph(id="compare-bars", figure=figures.grouped_bars(wide, categories, lang), config=GRAPH_CONFIG),
        table(shown, [(c, c) for c in shown.columns], t("compare_table", lang, year=view.year), numeric=set(decimals)),
        download_links(lang, [("compare", {"countries": ",".join(view.countries), "year": view.year,
                                           "lang": lang}, t("download_shown", lang))]),
        html.H2(t("radar_title", lang, year=view.year), className="chart-title"),
        dcc.Graph(id="compare-radar", figure=figures.radar(wide, [(d, d) for d in dims["dimension_id"]], lang), config=GRAPH_CONFIG),
        html.H2(t("heatmap_title", lang, year=view.year), className="chart-title"),
        dcc.Graph(id="compare-heatmap", figure=figures.heatmap(wide, heat_columns, lang), config=GRAPH_CONFIG),
        html.P(t("compare_sources", lang, demo=t("demo_suffix", lang) if demo else ""), className="sources"),
    ]


@dataset("compare")
def _compare_download(db: Engine, args: dict[str, str], lang: str):
    members, _, dims, view = _view(db, args, lang)
    if not view.year or len(view.countries) < compare.MIN_COUNTRIES:
        raise LookupError("give countries=ISO3,ISO3[,…] (2 to 8 members) and a year with scores")
    return compare.comparison_table(queries.scores_in(db, view.year), queries.egov_all(db), members.set_index("iso3")["name"],
                                    view.countries, dims, view.year, lang)


# Controls write the URL only when a person changed them (not when the router inserts them).
@callback(Output("url", "search", allow_duplicate=True),
          Input("compare-countries", "value"), Input("compare-year", "value"), Input("compare-dimension", "value"),
          State("compare-view", "data"), State("url", "search"), prevent_initial_call=True)
def _controls_changed(countries: list[str], year: int, dimension: str, view: dict, search: str) -> str:
    if [countries, year, dimension] == [view["countries"], view["year"], view["dimension"]]:
        raise PreventUpdate
    return with_params(search, countries=",".join(countries or []) or None, year=year,
                       dimension=None if dimension == "all" else dimension)
