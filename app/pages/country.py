"""Country profile (`/country/<ISO3>`): scores against the regional and subregional medians,
the indicators with their notes and sources, the trend, the rank with its range, and the UN
E-Government Survey history. The URL holds the view: country in the path, year and language
in the query string."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from app import figures, filters, profile, queries
from app.components import chart, download_links, fallback_notices, notice, table
from app.datasets import FULL_SCORES, FULL_UN
from app.downloads import dataset
from app.i18n import formatted, t
from app.release import Snapshot
from app.urls import choose, params, with_params

PREFIX = "/country/"


def country_code(pathname: str) -> str:
    return pathname[len(PREFIX) :].strip("/").upper()


def layout(db: Snapshot, pathname: str, search: str, lang: str) -> list:
    members = queries.member_names(db, lang).set_index("iso3")
    iso3, bad_country = choose(
        {"country": country_code(pathname)}, "country", members.index, members.index[0]
    )
    name = members.loc[iso3, "name"]
    scores = queries.scores_of(db, iso3)
    years = sorted({int(y) for y in scores["year"]}, reverse=True)
    year, bad_year = choose(params(search), "year", years, profile.default_year(scores), int)
    notices = fallback_notices([("country", bad_country), ("year", bad_year)], lang)
    controls = [
        html.Div(
            [
                dbc.Label(t("choose_country", lang), html_for="country-select"),
                dcc.Dropdown(
                    id="country-select",
                    options=[{"label": n, "value": c} for c, n in members["name"].items()],
                    value=iso3,
                    clearable=False,
                ),
            ],
            className="filter",
        ),
        filters.year_control(years, year, lang),
    ]
    body = (
        _gealc_sections(db, iso3, name, members["subregion"], scores, year=year, lang=lang)
        if year
        else [notice(t("no_country_data", lang, country=name))]
    )
    return [
        html.H1(f"{name} — {t('country_page', lang)}"),
        dcc.Store(id="country-view", data={"iso3": iso3, "year": year}),
        *notices,
        *filters.bar(controls, {"year": year}),
        *body,
        *_egov_section(db, iso3, lang),
    ]


def _gealc_sections(
    db: Snapshot, iso3: str, name: str, subregions, scores, *, year: int, lang: str
) -> list:
    names = queries.dimension_names(db, lang)
    medians = profile.medians(queries.scores_in(db, year), subregions, subregions[iso3], year)
    comparison = profile.dimension_comparison(scores, medians, names, year)
    observations = queries.observations_of(db, iso3, year, lang)
    reported = int(observations["value"].notna().sum())
    demo = bool(observations["is_demo"].fillna(False).astype(bool).any())
    shown = profile.indicator_table(observations, lang)
    numeric = {t("value", lang): 2, t("score", lang): 1}
    wide, series = profile.trend(scores, names, lang)
    mine = {"country": iso3, "lang": lang}
    full = ("country-values", mine, t("download_full", lang))
    return [
        *([notice(t("demo_notice", lang), "warning")] if demo else []),
        html.P(
            [
                profile.rank_sentence(scores, queries.ranked_count(db, year), year, lang),
                " ",
                t("profile_coverage", lang, reported=reported, total=len(observations), year=year),
            ],
            className="lead",
        ),
        *[
            html.P(sentence, className=name)
            for sentence, name in (
                (profile.not_reported_sentence(observations, year, lang), "not-reported"),
                (
                    profile.change_sentence(scores, queries.nominal_weights(db), year, lang),
                    "like-for-like",
                ),
            )
            if sentence
        ],
        chart(
            "profile-dimensions",
            t("dimensions_title", lang, year=year),
            figures.profile_bars(comparison, lang),
            lang,
            table(
                formatted(
                    comparison[["name", "score", "region_median", "subregion_median"]],
                    {"score": 1, "region_median": 1, "subregion_median": 1},
                    lang,
                ),
                [
                    ("name", t("dimension", lang)),
                    ("score", t("score", lang)),
                    ("region_median", t("region_median", lang)),
                    ("subregion_median", t("subregion_median", lang)),
                ],
                t("dimensions_title", lang, year=year),
                numeric={"score", "region_median", "subregion_median"},
            ),
            downloads=[
                ("country-dimensions", mine | {"year": year}, t("download_shown", lang)),
                (FULL_SCORES, {"lang": lang}, t("download_full_scores", lang)),
            ],
        ),
        html.Section(
            [
                html.H2(
                    t("indicators_title", lang, year=year),
                    className="chart-title",
                    id="profile-indicators-title",
                ),
                table(
                    formatted(shown, numeric, lang),
                    [(c, c) for c in shown.columns],
                    t("indicators_title", lang, year=year),
                    numeric=set(numeric),
                ),
                download_links(
                    lang,
                    [
                        ("country-indicators", mine | {"year": year}, t("download_shown", lang)),
                        full,
                    ],
                ),
            ],
            className="chart-block",
            **{"aria-labelledby": "profile-indicators-title"},
        ),
        chart(
            "profile-trend",
            t("trend_title", lang),
            figures.lines(wide, "year", series, lang, t("score_axis", lang), y_range=(0, 100)),
            lang,
            table(
                formatted(wide[["year", *[c for c, _ in series]]], {c: 1 for c, _ in series}, lang),
                [("year", t("year", lang)), *series],
                t("trend_title", lang),
                numeric={c for c, _ in series},
            ),
            downloads=[("country-trend", mine, t("download_shown", lang)), full],
            open_table=False,
        ),
        html.P(
            t("profile_sources", lang, country=name, demo=t("demo_suffix", lang) if demo else ""),
            className="sources",
        ),
    ]


def _egov_section(db: Snapshot, iso3: str, lang: str) -> list:
    history = queries.egov_history(db, iso3)
    series = [(c, c.upper()) for c in ("egdi", "osi", "hci", "tii", "epi")]
    return [
        chart(
            "profile-egov",
            t("egov_title", lang),
            figures.lines(
                history, "survey_year", series, lang, t("un_index", lang), y_range=(0, 1)
            ),
            lang,
            table(
                formatted(
                    history[["survey_year", *[c for c, _ in series], "egdi_rank"]],
                    {**{c: 3 for c, _ in series}, "egdi_rank": 0},
                    lang,
                ),
                [("survey_year", t("survey_year", lang)), *series, ("egdi_rank", t("rank", lang))],
                t("egov_title", lang),
                numeric={*(c for c, _ in series), "egdi_rank"},
            ),
            downloads=[
                ("country-un", {"country": iso3, "lang": lang}, t("download_shown", lang)),
                (FULL_UN, {"lang": lang}, t("download_full_un", lang)),
            ],
            open_table=False,
        )
    ]


@dataset("country-indicators")
def _indicators_download(db: Snapshot, args: dict[str, str], lang: str):
    iso3, year = args.get("country", "").upper(), args.get("year", "")
    if not year.isdigit():
        raise LookupError("year must be a year, e.g. year=2024")
    return profile.indicator_table(queries.observations_of(db, iso3, int(year), lang), lang)


@dataset("country-values")
def _values_download(db: Snapshot, args: dict[str, str], lang: str):
    return queries.values_of(db, args.get("country", "").upper(), lang)


def _country_changed(iso3: object, view: object, search: object) -> tuple[str, str]:
    """The profile of the country chosen in the selector (nothing for a malformed request)."""
    shown = view.get("iso3") if isinstance(view, dict) else None
    if not isinstance(iso3, str) or len(iso3) != 3 or not iso3.isalpha() or iso3 == shown:
        raise PreventUpdate
    return f"{PREFIX}{iso3.upper()}", with_params(
        search if isinstance(search, str) else "", year=None
    )


def _member(db: Snapshot, args: dict[str, str]) -> str:
    iso3 = args.get("country", "").upper()
    if iso3 not in set(queries.member_names(db, "es")["iso3"]):
        raise LookupError("country must be a member's ISO3 code, e.g. country=URY")
    return iso3


@dataset("country-dimensions")
def _dimensions_download(db: Snapshot, args: dict[str, str], lang: str):
    iso3, year = _member(db, args), args.get("year", "")
    if not year.isdigit():
        raise LookupError("year must be a year, e.g. year=2024")
    subregions = queries.member_names(db, lang).set_index("iso3")["subregion"]
    medians = profile.medians(
        queries.scores_in(db, int(year)), subregions, subregions[iso3], int(year)
    )
    scores = queries.scores_of(db, iso3)
    table = profile.dimension_comparison(
        scores, medians, queries.dimension_names(db, lang), int(year)
    )
    return table.assign(is_demo=bool(profile.demo_years(scores).get(int(year), False)))


@dataset("country-trend")
def _trend_download(db: Snapshot, args: dict[str, str], lang: str):
    scores = queries.scores_of(db, _member(db, args))
    wide, series = profile.trend(scores, queries.dimension_names(db, lang), lang)
    table = wide[["year", *[c for c, _ in series]]].rename(columns=dict(series))
    return table.assign(is_demo=table["year"].map(profile.demo_years(scores)))


@dataset("country-un")
def _un_download(db: Snapshot, args: dict[str, str], lang: str):
    return queries.egov_history(db, _member(db, args))


def register_callbacks(app: Dash) -> None:
    """Open the profile of the country chosen in the selector, on `app`. The router inserts the
    control with the view's value and Dash then calls the callback once: comparing with the view
    shown (kept in `country-view`) keeps defaults out of the URL."""
    app.callback(
        Output("url", "pathname", allow_duplicate=True),
        Output("url", "search", allow_duplicate=True),
        Input("country-select", "value"),
        State("country-view", "data"),
        State("url", "search"),
        prevent_initial_call=True,
    )(_country_changed)
