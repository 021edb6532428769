"""Coverage (`/coverage?year=2024&dimension=D1&subregion=caribbean`): the country × indicator
reporting matrix for a year and the country × year counts — who reported what."""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html
from dash.exceptions import PreventUpdate
from sqlalchemy.engine import Engine

from app import coverage, figures, queries
from app.components import download_links, fallback_notices, notice, table
from app.downloads import dataset
from app.i18n import t
from app.urls import choose, params, with_params

PATH = "/coverage"
GRAPH_CONFIG = {"displaylogo": False, "responsive": True}


def _view(db: Engine, query: dict[str, str], lang: str) -> dict:
    """The view in the URL checked against what exists: year, dimension, subregion, problems."""
    reported = queries.reported(db)
    years = sorted({int(y) for y in reported["year"]}, reverse=True)
    dims = queries.dimension_names(db, lang)
    subs = queries.subregion_names(db, lang)
    view: dict = {"problems": []}
    for key, allowed, default, cast in (("year", years, years[0] if years else None, int),
                                        ("dimension", dims["dimension_id"], None, str.upper),
                                        ("subregion", subs["subregion"], None, str.lower)):
        view[key], rejected = choose(query, key, allowed, default, cast)
        view["problems"] += [(key, rejected)] if rejected else []
    return {**view, "reported": reported, "years": years, "dims": dims, "subs": subs}


def _selection(db: Engine, view: dict, lang: str):
    members = queries.member_names(db, lang)
    if view["subregion"]:
        members = members[members["subregion"] == view["subregion"]]
    indicators = queries.indicator_names(db, lang)
    if view["dimension"]:
        indicators = indicators[indicators["dimension_id"] == view["dimension"]]
    return members.reset_index(drop=True), indicators.reset_index(drop=True)


def layout(db: Engine, search: str, lang: str) -> list:
    view = _view(db, params(search), lang)
    notices = fallback_notices(view["problems"], lang)
    option = lambda value, label: {"label": label, "value": value}  # noqa: E731
    controls = html.Div([
        html.Div([dbc.Label(t("data_year", lang), html_for="coverage-year"),
                  dcc.Dropdown(id="coverage-year", options=[option(y, str(y)) for y in view["years"]], value=view["year"],
                               clearable=False, searchable=False)], className="filter"),
        html.Div([dbc.Label(t("dimension", lang), html_for="coverage-dimension"),
                  dcc.Dropdown(id="coverage-dimension", value=view["dimension"] or "all", clearable=False, searchable=False,
                               options=[option("all", t("all_dimensions", lang))]
                               + [option(d, f"{d} {n}") for d, n in zip(view["dims"]["dimension_id"], view["dims"]["name"])])],
                 className="filter"),
        html.Div([dbc.Label(t("subregion", lang), html_for="coverage-subregion"),
                  dcc.Dropdown(id="coverage-subregion", value=view["subregion"] or "all", clearable=False, searchable=False,
                               options=[option("all", t("all_subregions", lang))]
                               + [option(s, n) for s, n in zip(view["subs"]["subregion"], view["subs"]["name"])])],
                 className="filter"),
    ], className="filters filters-row")
    shown = {"year": view["year"], "dimension": view["dimension"] or "all", "subregion": view["subregion"] or "all"}
    head = [html.H1(t("coverage_page", lang)), html.P(t("coverage_lead", lang), className="lead"),
            dcc.Store(id="coverage-view", data=shown), *notices, controls]
    if view["year"] is None:
        return head + [notice(t("no_reports_year", lang, year="—"))]
    members, indicators = _selection(db, view, lang)
    matrix = coverage.indicator_matrix(view["reported"], members, indicators, view["year"])
    counts = coverage.yearly_counts(view["reported"], members, indicators)
    reporting = int((matrix.sum(axis=1) > 0).sum())
    years_table = counts.reset_index().assign(name=members["name"].to_numpy())[["name", *counts.columns]]
    years_table.columns = ["name", *[str(c) for c in counts.columns]]
    return head + [
        html.P(t("coverage_summary", lang, countries=reporting, members=len(members), year=view["year"],
                 cells=int(matrix.to_numpy().sum()), possible=matrix.size), className="lead"),
        html.H2(t("matrix_title", lang, year=view["year"]), className="chart-title"),
        dcc.Graph(id="coverage-matrix", figure=figures.reporting_matrix(matrix, members["name"].tolist(), lang), config=GRAPH_CONFIG),
        html.H2(t("years_title", lang, total=len(indicators)), className="chart-title"),
        table(years_table.astype(str), [("name", t("country", lang)), *[(c, c) for c in years_table.columns[1:]]],
              t("years_title", lang, total=len(indicators)), numeric=set(years_table.columns[1:])),
        download_links(lang, [("coverage", {"year": view["year"], "dimension": view["dimension"], "subregion": view["subregion"],
                                            "lang": lang}, t("download_shown", lang))]),
    ]


@dataset("coverage")
def _coverage_download(db: Engine, args: dict[str, str], lang: str):
    """The matrix as rows: country, indicator and 1/0 for the year asked."""
    view = _view(db, args, lang)
    if view["problems"] or view["year"] is None:
        raise LookupError(f"unknown parameter value(s): {view['problems']}")
    members, indicators = _selection(db, view, lang)
    matrix = coverage.indicator_matrix(view["reported"], members, indicators, view["year"])
    out = matrix.reset_index().rename(columns={"iso3": "ISO3"})
    out.insert(1, t("country", lang), members["name"].to_numpy())
    return out


@callback(Output("url", "search", allow_duplicate=True),
          Input("coverage-year", "value"), Input("coverage-dimension", "value"), Input("coverage-subregion", "value"),
          State("coverage-view", "data"), State("url", "search"), prevent_initial_call=True)
def _controls_changed(year: int, dimension: str, subregion: str, view: dict, search: str) -> str:
    if [year, dimension, subregion] == [view["year"], view["dimension"], view["subregion"]]:
        raise PreventUpdate
    return with_params(search, year=year, dimension=None if dimension == "all" else dimension,
                       subregion=None if subregion == "all" else subregion)
