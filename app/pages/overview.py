"""Home page: the members' UN E-Government ranking next to their GEALC reporting, by survey year."""
from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, dcc, html
from dash.exceptions import PreventUpdate
from sqlalchemy.engine import Engine

from app import figures, queries
from app.components import fallback_notices, notice, table
from app.i18n import fmt_number, fmt_rank, t
from app.urls import choose, params, with_params

PATH = "/"


def layout(db: Engine, search: str, lang: str) -> list:
    """The page for the view in `search`; an unknown year falls back to the latest, with a notice."""
    years = queries.survey_years(db)
    year, rejected = choose(params(search), "year", years, years[0] if years else None, int)
    notices = fallback_notices([("year", rejected)], lang)
    return [
        html.H1(t("overview_title", lang)),
        dcc.Store(id="overview-view", data=year),
        html.P(t("overview_lead", lang, total=queries.indicator_count(db)), className="lead"),
        *notices,
        html.Div([
            dbc.Label(t("survey_year", lang), html_for="overview-year"),
            dcc.Dropdown(id="overview-year", options=[{"label": str(y), "value": y} for y in years],
                         value=year, clearable=False, searchable=False, className="year-select"),
        ], className="filters"),
        dcc.Loading(html.Div(body(db, year, lang) if year else [], id="overview-body")),
    ]


def body(db: Engine, year: int, lang: str) -> list:
    """Chart, table and sources for one survey year."""
    total = queries.indicator_count(db)
    frame = queries.egov_and_reporting(db, year, lang)
    demo = bool(frame["demo"].any())
    shown = pd.DataFrame({
        "rank": [str(int(r.egdi_rank)) if r.assessed else t("not_assessed", lang) for r in frame.itertuples()],
        "country": [html.A(r.country, href=f"/country/{r.iso3}?lang={lang}") for r in frame.itertuples()],
        "subregion": frame["subregion_name"],
        "egdi": [fmt_number(v if a else None, lang, 3) for v, a in zip(frame["egdi"], frame["assessed"])],
        "reported": frame["reported"].astype(int).astype(str),
        "gealc_score": [fmt_number(v, lang, 1) for v in frame["gealc_score"]],
        "gealc_rank": [fmt_rank(r.gealc_rank, r.rank_low, r.rank_high) for r in frame.itertuples()],
    })
    columns = [("rank", t("rank", lang)), ("country", t("country", lang)), ("subregion", t("subregion", lang)),
               ("egdi", "EGDI"), ("reported", t("reported", lang, total=total)),
               ("gealc_score", t("gealc_score", lang)), ("gealc_rank", t("gealc_rank", lang))]
    parts = [notice(t("demo_notice", lang), "warning")] if demo else []
    if not frame["reported"].any():
        parts.append(notice(t("no_reports_year", lang, year=year)))
    return parts + [
        html.H2(t("chart_title", lang, year=year), className="chart-title"),
        dcc.Graph(figure=figures.egdi_coverage_bars(frame, lang, total), id="overview-chart",
                  config={"displaylogo": False, "responsive": True}),
        table(shown, columns, t("table_caption", lang, year=year), numeric={"rank", "egdi", "reported", "gealc_score", "gealc_rank"}),
        html.P(t("sources", lang, year=year, demo=t("demo_suffix", lang) if demo else ""), className="sources"),
    ]


@callback(
    Output("url", "search", allow_duplicate=True),
    Input("overview-year", "value"),
    State("overview-view", "data"),
    State("url", "search"),
    prevent_initial_call=True,
)
def _year_changed(year: int, shown_year: int, search: str) -> str:
    if year == shown_year:  # the call Dash makes when the router inserts the dropdown
        raise PreventUpdate
    return with_params(search, year=year)
