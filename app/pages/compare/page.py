"""Compare countries (`/compare?countries=URY,CHL&year=2024&dimension=D1`): per-dimension (or,
with a dimension chosen, per-indicator) bars, a radar profile, a country × indicator heatmap,
and each country's UN EGDI value and rank and World Bank GTMI group and value beside its GEALC
scores."""

from __future__ import annotations

import pandas as pd
from dash import html

from app import figures, filters, queries
from app.components import demo_notice, fallback_notices, no_scores_notice, notice, table
from app.datasets import FULL_SCORES
from app.display import formatted
from app.downloads import dataset
from app.pages.compare import comparison
from app.pages.explorer import measures, views
from app.release import Snapshot
from app.urls import params
from app.widget import View, Widget, chart_widget
from locales.messages import t, tn

PATH = "/compare"


def _view(db: Snapshot, query: dict[str, str], lang: str):
    members = queries.member_names(db, lang)
    years = queries.score_years(db)
    dims = queries.dimension_names(db, lang)
    view = comparison.read_view(
        query, members["iso3"].tolist(), years, dims["dimension_id"].tolist()
    )
    return members, years, dims, view


def layout(db: Snapshot, search: str, lang: str) -> list:
    query = params(search)
    members, years, dims, view = _view(db, query, lang)
    names = members.set_index("iso3")["name"]
    notices = fallback_notices(view.problems, lang) + [
        notice(
            tn(
                "Se comparan hasta {max} países: {names} quedó fuera; quite otro país para "
                "incluirlo.",
                "Se comparan hasta {max} países: {names} quedaron fuera; quite otros países "
                "para incluirlos.",
                len(view.left_out),
                lang,
                max=comparison.MAX_COUNTRIES,
                names=", ".join(names.get(c, c) for c in view.left_out),
            ),
            "warning",
        )
    ] * bool(view.left_out)
    scores = queries.scores_in(db, view.year) if view.year else None
    if view.year and not view.countries:
        view.countries = comparison.default_peers(scores, members.set_index("iso3")["subregion"])
    controls = [
        filters.control(
            "countries",
            t("Países", lang),
            filters.options(zip(members["iso3"], members["name"], strict=True)),
            view.countries,
            lang,
            multi=True,
            wide=True,
        ),
        filters.year_control(years, view.year, lang),
        filters.dimension_control(dims, view.dimension, lang),
    ]
    head = [
        html.H1(t("Comparar países", lang)),
        html.P(
            t(
                "Elija de 2 a 8 países: sus puntajes GEALC por dimensión o por indicador, junto a "
                "su valor y posición en el EGDI de la ONU y su grupo y valor en el GTMI del Banco "
                "Mundial.",
                lang,
            ),
            className="lead",
        ),
        *notices,
        *filters.bar(
            controls, {"countries": view.countries, "year": view.year, "dimension": view.dimension}
        ),
    ]
    if not view.year:
        return [
            *head,
            no_scores_notice(lang),
        ]
    if len(view.countries) < comparison.MIN_COUNTRIES:
        return [*head, notice(t("Elija al menos dos países para comparar.", lang))]
    return [*head, *_body(db, members, dims, view, scores, lang=lang)]


def _body(db: Snapshot, members, dims, view: comparison.CompareView, scores, *, lang: str) -> list:
    names = members.set_index("iso3")["name"]
    summary = _summary(db, scores, names, view, dims)
    every_indicator = queries.indicator_names(db, lang)
    indicators = (
        every_indicator[every_indicator["dimension_id"] == view.dimension]
        if view.dimension
        else every_indicator
    )
    if view.dimension:
        categories = [
            (i, f"{i} {n}")
            for i, n in zip(indicators["indicator_id"], indicators["name"], strict=True)
        ]
    else:
        categories = [
            (d, f"{d} {n}") for d, n in zip(dims["dimension_id"], dims["name"], strict=True)
        ]
    wide = comparison.wide_scores(
        scores, view.countries, names, [*dims["dimension_id"], *every_indicator["indicator_id"]]
    )
    decimals = comparison.table_decimals(summary)
    demo = queries.demo_in(db, view.year)
    shown = formatted(summary, decimals, lang)
    shown.insert(list(shown.columns).index("rank"), "rank_range", comparison.shown_ranks(summary))
    shown = shown.drop(columns=list(comparison.RANK_FIELDS))
    heat_columns = [
        (i, f"{i} {n}") for i, n in zip(indicators["indicator_id"], indicators["name"], strict=True)
    ]
    query = {
        "countries": ",".join(view.countries),
        "year": view.year,
        "dimension": view.dimension,
        "lang": lang,
    }
    full = (FULL_SCORES, {"lang": lang}, t("todos los puntajes (todos los años)", lang))
    headings = comparison.headings(dims, queries.indicator_count(db), lang)
    summary_table = table(
        shown,
        [(c, headings[c]) for c in shown.columns],
        t("Comparación, {year}", lang, year=view.year),
        numeric=set(decimals),
    )
    heat = wide[["iso3", "name", *[c for c, _ in heat_columns]]]
    level, key = measures.measure(view.dimension, None)
    data = measures.series(level, key, queries.scores_all(db, lang), pd.DataFrame())
    subs = queries.subregion_names(db, lang)
    over_time = measures.countries_over_years(data, members, view.countries, subs, lang)
    measure = (
        t("Compuesto GEALC", lang)
        if not view.dimension
        else f"{view.dimension} {dims.set_index('dimension_id').loc[view.dimension, 'name']}"
    )
    widget = Widget(
        id="compare",
        title=t("Puntajes, {year}", lang, year=view.year),
        views=[
            View("bars", t("Barras", lang), lambda: figures.grouped_bars(wide, categories, lang)),
            View(
                "radar",
                t("Perfil por dimensión", lang),
                lambda: figures.radar(
                    wide, list(zip(dims["dimension_id"], dims["name"], strict=True)), lang
                ),
            ),
            View(
                "heatmap",
                t("Por indicador", lang),
                lambda: figures.heatmap(wide, heat_columns, lang),
                lead=t("El puntaje de cada país en cada indicador; «–»: sin datos.", lang),
            ),
            views.lines_view(
                over_time,
                lang,
                t("Puntaje (0–100)", lang),
                value_range=(0, 100),
                lead=t(
                    "{measure} de cada país a lo largo de los años, con la mediana regional y las "
                    "de sus subregiones como referencia.",
                    lang,
                    measure=measure,
                ),
            ),
        ],
        table=lambda: html.Div(
            [
                summary_table,
                table(
                    formatted(heat, {c: 1 for c, _ in heat_columns}, lang),
                    [("name", t("País", lang)), *heat_columns],
                    t("Puntaje por indicador, {year}", lang, year=view.year),
                    numeric={c for c, _ in heat_columns},
                ),
            ]
        ),
        sources=[
            t(
                "Fuentes: envíos de los países miembros a la Red GEALC{demo}; Naciones Unidas, "
                "DAES, Encuesta de Gobierno Electrónico; Banco Mundial, GovTech Dataset (Índice "
                "de Madurez GovTech), CC BY 4.0 (de cada uno, la encuesta más cercana al año de "
                "los datos).",
                lang,
                demo=t(" (datos de demostración)", lang) if demo else "",
            )
        ],
        downloads=[
            ("compare", query, t("lo que se muestra", lang)),
            ("compare-indicators", query, t("los puntajes por indicador", lang)),
            full,
        ],
    )
    return [
        *demo_notice(demo, lang),
        chart_widget(widget, lang),
    ]


def _summary(db: Snapshot, scores, names, view: comparison.CompareView, dims):
    """The comparison table the page shows and the download holds: GEALC scores beside the
    nearest UN survey and the nearest World Bank GTMI survey."""
    table = comparison.comparison_table(
        scores, queries.egov_all(db), names, view.countries, dims, year=view.year
    )
    return comparison.with_gtmi(table, queries.gtmi_all(db), year=view.year)


def _download_view(db: Snapshot, args: dict[str, str], lang: str):
    """The view a download asks for, refused (HTTP 400) without a year or 2–8 countries."""
    found = _view(db, args, lang)
    if not found[3].year or len(found[3].countries) < comparison.MIN_COUNTRIES:
        raise LookupError("give countries=ISO3,ISO3[,…] (2 to 8 members) and a year with scores")
    return found


@dataset("compare")
def _compare_download(db: Snapshot, args: dict[str, str], lang: str):
    members, _, dims, view = _download_view(db, args, lang)
    scores = queries.scores_in(db, view.year)
    table = _summary(db, scores, members.set_index("iso3")["name"], view, dims)
    composite = scores[scores["level"] == "composite"].set_index("iso3")["is_demo"]
    table = table.assign(is_demo=table["iso3"].map(composite).fillna(False).astype(bool))
    return table[["iso3", *table.columns.drop("iso3")]]


@dataset("compare-indicators")
def _indicators_download(db: Snapshot, args: dict[str, str], lang: str):
    members, _, _, view = _download_view(db, args, lang)
    every = queries.indicator_names(db, lang)
    shown = every[every["dimension_id"] == view.dimension] if view.dimension else every
    wide = comparison.wide_scores(
        queries.scores_in(db, view.year),
        view.countries,
        members.set_index("iso3")["name"],
        shown["indicator_id"].tolist(),
    )
    return wide[["iso3", "name", *shown["indicator_id"]]]
