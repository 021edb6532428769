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

from app import figures, filters, queries
from app.components import (
    demo_notice,
    download_links,
    fallback_notices,
    gtmi_source,
    notice,
    table,
)
from app.datasets import FULL_GTMI, FULL_GTMI_INDICATORS, FULL_SCORES, FULL_UN
from app.display import formatted, value_decimals
from app.downloads import dataset
from app.gtmi import reference
from app.pages.country import profile
from app.pages.un.definitions import un_definitions
from app.release import Snapshot
from app.urls import choose, params, with_params
from app.widget import chart
from locales.formats import fmt_number
from locales.messages import t

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
    query = params(search)
    year, bad_year = choose(query, "year", years, profile.default_year(scores), int)
    asked = profile.unreported_year(query, bad_year, queries.score_years(db), year)
    notices = fallback_notices(
        [("country", bad_country), ("year", None if asked else bad_year)], lang
    )
    if asked:
        notices.append(
            notice(
                t(
                    "{country} no reportó valores para {year}; se muestra {shown}, su último año "
                    "con valores.",
                    lang,
                    country=name,
                    year=asked,
                    shown=year,
                ),
                "info",
            )
        )
    controls = [
        html.Div(
            [
                dbc.Label(t("País", lang), html_for="country-select"),
                dcc.Dropdown(
                    id="country-select",
                    options=[{"label": n, "value": c} for c, n in members["name"].items()],
                    value=iso3,
                    clearable=False,
                    labels=filters.dropdown_labels(lang),
                ),
            ],
            className="filter",
        ),
        filters.year_control(years, year, lang),
    ]
    body = (
        _gealc_sections(db, iso3, name, members["subregion"], scores, year=year, lang=lang)
        if year
        else [
            notice(
                t(
                    "{country} no tiene valores GEALC cargados. Abajo, sus cifras de la ONU.",
                    lang,
                    country=name,
                )
            )
        ]
    )
    return [
        html.H1(t("{country} — Perfil de país", lang, country=name)),
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
    # The rank, the medians and the peers rest on every member's values of the year: the page
    # shows demonstration data when any of them is, even if this country's own values are real.
    demo = queries.demo_in(db, year)
    shown = profile.indicator_table(observations, lang)
    numeric = {t("Valor", lang): 2, t("Puntaje", lang): 1}
    cells = formatted(shown, numeric, lang)
    cells[t("Valor", lang)] = [
        fmt_number(v, lang, value_decimals(u))
        for v, u in zip(observations["value"], observations["unit_code"], strict=True)
    ]
    wide, series = profile.trend(scores, names, lang)
    mine = {"country": iso3, "lang": lang}
    full = ("country-values", mine, t("todos los datos del país", lang))
    own = t(
        "Fuente: envíos de {country} a la Red GEALC{demo}; puntajes de 0 a 100 según la "
        "metodología GEALC.",
        lang,
        country=name,
        demo=t(" (datos de demostración)", lang) if profile.demo_years(scores).any() else "",
    )
    return [
        *demo_notice(demo, lang),
        html.P(
            [
                profile.rank_sentence(scores, queries.ranked_count(db, year), year, lang),
                " ",
                t(
                    "Reportó {reported} de {total} indicadores en {year}.",
                    lang,
                    reported=reported,
                    total=len(observations),
                    year=year,
                ),
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
            t("Puntaje por dimensión, {year}", lang, year=year),
            figures.profile_bars(comparison, lang),
            lang,
            table(
                formatted(
                    comparison[["name", "score", "region_median", "subregion_median"]],
                    {"score": 1, "region_median": 1, "subregion_median": 1},
                    lang,
                ),
                [
                    ("name", t("Dimensión", lang)),
                    ("score", t("Puntaje", lang)),
                    ("region_median", t("Mediana regional", lang)),
                    ("subregion_median", t("Mediana de la subregión", lang)),
                ],
                t("Puntaje por dimensión, {year}", lang, year=year),
                numeric={"score", "region_median", "subregion_median"},
            ),
            downloads=[
                ("country-dimensions", mine | {"year": year}, t("lo que se muestra", lang)),
                (FULL_SCORES, {"lang": lang}, t("todos los puntajes (todos los años)", lang)),
            ],
            sources=[
                html.P(
                    t(
                        "Mediana regional: la mediana de los puntajes de los países miembros con "
                        "puntaje en {year}; mediana de la subregión: la de los miembros de su "
                        "subregión.",
                        lang,
                        year=year,
                    ),
                    className="definition",
                ),
                t(
                    "Fuentes: envíos de {country} y de los demás países miembros a la Red "
                    "GEALC{demo}; puntajes de 0 a 100 según la metodología GEALC.",
                    lang,
                    country=name,
                    demo=t(" (datos de demostración)", lang) if demo else "",
                ),
            ],
        ),
        html.Section(
            [
                html.H2(
                    t("Indicadores, {year}", lang, year=year),
                    className="chart-title",
                    id="profile-indicators-title",
                ),
                table(
                    cells,
                    [(c, c) for c in shown.columns],
                    t("Indicadores, {year}", lang, year=year),
                    numeric=set(numeric),
                ),
                download_links(
                    lang,
                    [
                        ("country-indicators", mine | {"year": year}, t("lo que se muestra", lang)),
                        full,
                    ],
                ),
                html.P(own, className="sources"),
            ],
            className="chart-block",
            **{"aria-labelledby": "profile-indicators-title"},
        ),
        chart(
            "profile-trend",
            t("Evolución de los puntajes", lang),
            figures.lines(wide, "year", series, lang, t("Puntaje (0–100)", lang), y_range=(0, 100)),
            lang,
            table(
                formatted(wide[["year", *[c for c, _ in series]]], {c: 1 for c, _ in series}, lang),
                [("year", t("Año", lang)), *series],
                t("Evolución de los puntajes", lang),
                numeric={c for c, _ in series},
            ),
            downloads=[("country-trend", mine, t("lo que se muestra", lang)), full],
            sources=[own],
        ),
    ]


def _egov_section(db: Snapshot, iso3: str, lang: str) -> list:
    history = queries.egov_history(db, iso3)
    series = [(c, c.upper()) for c in ("egdi", "osi", "hci", "tii", "epi")]
    return [
        chart(
            "profile-egov",
            t("Encuesta de Gobierno Electrónico de la ONU, 2003–2024", lang),
            figures.lines(
                history, "survey_year", series, lang, t("Índice ONU (0–1)", lang), y_range=(0, 1)
            ),
            lang,
            table(
                formatted(
                    history[["survey_year", *[c for c, _ in series], "egdi_rank"]],
                    {**{c: 3 for c, _ in series}, "egdi_rank": 0},
                    lang,
                ),
                [
                    ("survey_year", t("Año de la encuesta", lang)),
                    *series,
                    ("egdi_rank", t("Posición ONU", lang)),
                ],
                t("Encuesta de Gobierno Electrónico de la ONU, 2003–2024", lang),
                numeric={*(c for c, _ in series), "egdi_rank"},
            ),
            downloads=[
                ("country-un", {"country": iso3, "lang": lang}, t("lo que se muestra", lang)),
                (FULL_UN, {"lang": lang}, t("todas las cifras de la ONU (2003–2024)", lang)),
            ],
            sources=[
                *(
                    html.P(d, className="definition")
                    for d in un_definitions([c for c, _ in series], lang)
                ),
                html.P(
                    t(
                        "Posición ONU: el puesto del país por su EGDI entre los Estados miembros "
                        "de las Naciones Unidas.",
                        lang,
                    ),
                    className="definition",
                ),
                t(
                    "Fuente: Naciones Unidas, DAES, Encuesta de Gobierno Electrónico (todas las "
                    "encuestas desde 2003).",
                    lang,
                ),
            ],
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
    heading = html.H2(
        t("Índice de Madurez GovTech (GTMI) del Banco Mundial", lang),
        className="chart-title",
        id="profile-gtmi-title",
    )
    surveys, matched, survey = _gtmi_tables(db, iso3, scores, year, lang)
    if surveys.empty:
        return html.Section(
            [heading, notice(t("Esta versión no trae cifras del GTMI del Banco Mundial.", lang))],
            className="chart-block gtmi",
            **{"aria-labelledby": "profile-gtmi-title"},
        )
    mine = {"country": iso3, "lang": lang}
    score_heading = t("Puntaje GEALC {year}", lang, year=year) if year else t("Puntaje GEALC", lang)
    demo = bool(profile.demo_years(scores).get(year, False))
    return html.Section(
        [
            heading,
            html.P(profile.gtmi_group_sentence(surveys, name, lang), className="lead"),
            html.P(
                t(
                    "El Banco Mundial clasifica a los países en cuatro grupos de madurez (A a D) "
                    "y no los ordena en un ranking. El índice y sus cuatro subíndices van de 0 a "
                    "1.",
                    lang,
                )
            ),
            table(
                profile.gtmi_surveys_shown(surveys, lang),
                [
                    ("survey", t("Año de la encuesta", lang)),
                    ("group", t("Grupo GTMI", lang)),
                    *[(c, c.upper()) for c in profile.GTMI_COMPOSITES],
                ],
                t("GTMI y sus subíndices, por encuesta", lang),
                numeric=set(profile.GTMI_COMPOSITES),
            ),
            *[html.P(line, className="sources") for line in profile.gtmi_key(reference(), lang)],
            download_links(
                lang,
                [
                    ("country-gtmi", mine, t("lo que se muestra", lang)),
                    (
                        FULL_GTMI,
                        {"lang": lang},
                        t(
                            "todas las cifras del Índice de Madurez GovTech del Banco Mundial: "
                            "índice, subíndices y grupo (todas las encuestas; CC BY 4.0)",
                            lang,
                        ),
                    ),
                ],
            ),
            html.H3(
                t(
                    "Cada dimensión GEALC frente a las preguntas del Banco Mundial (encuesta "
                    "{survey})",
                    lang,
                    survey=survey or "—",
                )
            ),
            html.P(
                t(
                    "El puntaje GEALC resume lo que el país reporta a la Red; el Banco Mundial "
                    "evalúa, pregunta por pregunta, si existen las normas y plataformas, en "
                    "niveles de madurez (0: no existe). Tratan del mismo tema, no miden lo mismo: "
                    "la nota bajo cada dimensión dice en qué difieren.",
                    lang,
                )
            ),
            html.Ul(
                [_gtmi_dimension(row, score_heading, lang) for row in matched.to_dict("records")],
                className="gtmi-dimensions",
            ),
            download_links(
                lang,
                [
                    (
                        "country-gtmi-dimensions",
                        mine | {"year": year},
                        t("lo que se muestra", lang),
                    ),
                    (
                        FULL_GTMI_INDICATORS,
                        {"lang": lang},
                        t(
                            "las respuestas a las 48 preguntas del GTMI del Banco Mundial (todas "
                            "las encuestas; CC BY 4.0)",
                            lang,
                        ),
                    ),
                ],
            ),
            gtmi_source(
                lang,
                *(
                    [
                        t(
                            "Son cifras reales, no datos de demostración; el puntaje GEALC a su "
                            "lado sí es de demostración.",
                            lang,
                        )
                    ]
                    if demo
                    else []
                ),
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
                    " — "
                    + t(
                        "{label}: {value}",
                        lang,
                        label=score_heading,
                        value=fmt_number(row["score"], lang, 1),
                    ),
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
    observations = queries.observations_of(db, iso3, int(year), lang)
    return observations[list(profile.INDICATOR_COLUMNS)]


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
    ).drop(columns="name")  # the download names the dimension after its id, as every download
    return table.assign(is_demo=bool(profile.demo_years(scores).get(int(year), False)))


@dataset("country-trend")
def _trend_download(db: Snapshot, args: dict[str, str], lang: str):
    scores = queries.scores_of(db, _member(db, args))
    wide, series = profile.trend(scores, queries.dimension_names(db, lang), lang)
    table = wide[["year", *[c for c, _ in series]]]
    table.columns.name = None
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
