"""Country profile (`/country/<ISO3>`): scores against the regional and subregional medians,
the indicators with their notes and sources, the trend, the rank with its range, the World Bank
GovTech Maturity Index (group and composites per survey, and its questions beside each
dimension) and the UN E-Government Survey history. The URL holds the view: country in the path,
year and language in the query string."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Dash, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from app import figures, filters, profile, queries
from app.components import chart, download_links, fallback_notices, notice, table
from app.datasets import FULL_GTMI, FULL_GTMI_INDICATORS, FULL_SCORES, FULL_UN
from app.downloads import dataset
from app.gtmi import reference
from app.i18n import fmt_number, formatted, t
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
        _gtmi_section(db, iso3, name, scores, year=year, lang=lang),
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


def _gtmi_tables(
    db: Snapshot, iso3: str, scores: pd.DataFrame, year: int | None, lang: str
) -> tuple[pd.DataFrame, pd.DataFrame, int | None]:
    """The country's GTMI surveys, its dimensions beside the GTMI questions (the latest survey
    with answers) and that survey's year: what the section shows and its downloads hold."""
    every = queries.gtmi_all(db)
    surveys = profile.gtmi_surveys(
        every[every["iso3"] == iso3], sorted({int(y) for y in every["year"]}), reference(), lang
    )
    answers = queries.gtmi_indicators_all(db)
    survey = int(answers["year"].max()) if not answers.empty else None
    mine = answers[(answers["iso3"] == iso3) & (answers["year"] == survey)]
    dims = scores[(scores["year"] == year) & (scores["level"] == "dimension")]
    matched = profile.gtmi_dimensions(
        queries.dimension_names(db, lang),
        dims.set_index("id")["score"],
        mine.set_index("indicator_id")["value"],
        reference(),
        lang,
    )
    return surveys, matched, survey


def _gtmi_section(
    db: Snapshot, iso3: str, name: str, scores: pd.DataFrame, *, year: int | None, lang: str
) -> html.Section:
    """The World Bank GTMI: the country's group and composites per survey, then each GEALC
    dimension beside the matching GTMI questions with the country's level. Real figures, cited."""
    heading = html.H2(t("gtmi_title", lang), className="chart-title", id="profile-gtmi-title")
    surveys, matched, survey = _gtmi_tables(db, iso3, scores, year, lang)
    if surveys.empty:
        return html.Section(
            [heading, notice(t("gtmi_none", lang))],
            className="chart-block gtmi",
            **{"aria-labelledby": "profile-gtmi-title"},
        )
    mine = {"country": iso3, "lang": lang}
    score_heading = (
        t("gtmi_gealc_score", lang, year=year) if year else t("gtmi_gealc_score_none", lang)
    )
    demo = bool(profile.demo_years(scores).get(year, False))
    source = reference().source
    return html.Section(
        [
            heading,
            html.P(profile.gtmi_group_sentence(surveys, name, lang), className="lead"),
            html.P(t("gtmi_groups_note", lang)),
            table(
                profile.gtmi_surveys_shown(surveys, lang),
                [
                    ("survey", t("survey_year", lang)),
                    ("group", t("gtmi_group_short", lang)),
                    *[(c, c.upper()) for c in profile.GTMI_COMPOSITES],
                ],
                t("gtmi_surveys_caption", lang),
                numeric=set(profile.GTMI_COMPOSITES),
            ),
            *[html.P(line, className="sources") for line in profile.gtmi_key(reference(), lang)],
            download_links(
                lang,
                [
                    ("country-gtmi", mine, t("download_shown", lang)),
                    (FULL_GTMI, {"lang": lang}, t("download_full_gtmi", lang)),
                ],
            ),
            html.H3(t("gtmi_dimensions_title", lang, survey=survey or "—")),
            html.P(t("gtmi_dimensions_lead", lang)),
            html.Ul(
                [_gtmi_dimension(row, score_heading, lang) for row in matched.to_dict("records")],
                className="gtmi-dimensions",
            ),
            download_links(
                lang,
                [
                    ("country-gtmi-dimensions", mine | {"year": year}, t("download_shown", lang)),
                    (
                        FULL_GTMI_INDICATORS,
                        {"lang": lang},
                        t("download_full_gtmi_indicators", lang),
                    ),
                ],
            ),
            html.P(
                [
                    t("gtmi_sources", lang, citation=source.citation.get(lang)),
                    " ",
                    html.A(source.url.removeprefix("https://"), href=source.url),
                    *([" ", t("gtmi_real", lang)] if demo else []),
                ],
                className="sources",
            ),
        ],
        className="chart-block gtmi",
        **{"aria-labelledby": "profile-gtmi-title"},
    )


def _gtmi_dimension(row: dict, score_heading: str, lang: str) -> html.Li:
    """One dimension beside the World Bank's questions: its GEALC score, each question with the
    country's level (or that none measures it), and how the two relate."""
    return html.Li(
        [
            html.P(
                [
                    html.Strong(row["dimension"]),
                    f" — {score_heading}{t('sep_label', lang)}{fmt_number(row['score'], lang, 1)}",
                ],
                className="gtmi-dimension",
            ),
            html.Ul([html.Li(level) for level in row["levels"]])
            if row["levels"]
            else html.P(row["questions"]),
            html.P(row["note"], className="gtmi-note"),
        ]
    )


@dataset("country-gtmi")
def _gtmi_download(db: Snapshot, args: dict[str, str], lang: str):
    iso3 = _member(db, args)
    surveys, _, _ = _gtmi_tables(db, iso3, queries.scores_of(db, iso3), None, lang)
    return surveys.assign(iso3=iso3)[["iso3", *surveys.columns]]


@dataset("country-gtmi-dimensions")
def _gtmi_dimensions_download(db: Snapshot, args: dict[str, str], lang: str):
    iso3, year = _member(db, args), args.get("year", "")
    if year and not year.isdigit():
        raise LookupError("year must be a year, e.g. year=2024")
    scores = queries.scores_of(db, iso3)
    gealc_year = int(year) if year else None
    _, matched, survey = _gtmi_tables(db, iso3, scores, gealc_year, lang)
    demo = bool(profile.demo_years(scores).get(gealc_year, False))
    out = matched.assign(year=gealc_year, gealc_score_is_demo=demo, gtmi_survey=survey)
    return out[
        [
            "dimension_id",
            "dimension",
            "year",
            "score",
            "gealc_score_is_demo",
            "gtmi_survey",
            "match",
            "questions",
            "note",
        ]
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
