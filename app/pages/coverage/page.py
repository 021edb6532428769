"""Coverage (`/coverage?year=2024&dimension=D1&subregion=caribbean`): the country × indicator
reporting matrix for a year and the country × year counts — who reported what."""

from __future__ import annotations

import pandas as pd
from dash import html

from app import figures, filters, queries
from app.components import (
    download_links,
    fallback_notices,
    no_members_notice,
    no_scores_notice,
    table,
)
from app.datasets import FULL_VALUES
from app.downloads import dataset
from app.pages.coverage import reporting
from app.pages.un import benchmarks
from app.release import Snapshot
from app.urls import params
from app.widget import chart
from locales.messages import t, tn

PATH = "/coverage"
MATRIX_WIDTH = 620  # px: 15 indicator columns and short country names stay legible


def _view(db: Snapshot, query: dict[str, str], lang: str) -> dict:
    """The view in the URL checked against what exists: year, dimension, subregion, EGDI level,
    problems."""
    reported = queries.reported(db)
    years = sorted({int(y) for y in reported["year"]}, reverse=True)
    dims = queries.dimension_names(db, lang)
    subs = queries.subregion_names(db, lang)
    view = filters.read(
        query,
        [
            filters.Choice("year", years, years[0] if years else None, int),
            filters.Choice("dimension", dims["dimension_id"], None, str.upper),
            filters.Choice("subregion", subs["subregion"], None, str.lower),
            filters.Choice("level", filters.LEVELS, None, str.lower),
        ],
    )
    return {
        **view.values,
        "problems": view.problems,
        "reported": reported,
        "years": years,
        "dims": dims,
        "subs": subs,
    }


def _selection(db: Snapshot, view: dict, lang: str):
    levels = (
        benchmarks.levels(queries.egov_all(db), view["year"])
        if view["year"]
        else pd.Series(dtype=object)
    )
    members = filters.selected(
        queries.member_names(db, lang), levels, view["subregion"], view["level"]
    )
    indicators = queries.indicator_names(db, lang)
    if view["dimension"]:
        indicators = indicators[indicators["dimension_id"] == view["dimension"]]
    return members, indicators.reset_index(drop=True)


def layout(db: Snapshot, search: str, lang: str) -> list:
    view = _view(db, params(search), lang)
    notices = fallback_notices(view["problems"], lang)
    controls = [
        filters.year_control(view["years"], view["year"], lang),
        filters.dimension_control(view["dims"], view["dimension"], lang),
        filters.subregion_control(view["subs"], view["subregion"], lang),
        filters.level_control(view["level"], lang),
    ]
    head = [
        html.H1(t("Cobertura", lang)),
        html.P(
            t(
                "Quién reportó qué: cada país miembro frente a cada indicador del catálogo, y "
                "cuántos indicadores reportó cada año.",
                lang,
            ),
            className="lead",
        ),
        *notices,
        *filters.bar(controls, {k: view[k] for k in ("year", "dimension", "subregion", "level")}),
    ]
    if view["year"] is None:
        return [
            *head,
            no_scores_notice(lang),
        ]
    members, indicators = _selection(db, view, lang)
    if members.empty:
        return [
            *head,
            no_members_notice(lang),
        ]
    matrix = reporting.indicator_matrix(view["reported"], members, indicators, view["year"])
    counts = reporting.yearly_counts(view["reported"], members, indicators)
    reporting_count = int((matrix.sum(axis=1) > 0).sum())
    years_table = counts.reset_index().assign(name=members["name"].to_numpy())[
        ["name", *counts.columns]
    ]
    years_table.columns = ["name", *[str(c) for c in counts.columns]]
    query = {k: view[k] for k in ("year", "dimension", "subregion", "level")} | {"lang": lang}
    marks = (
        matrix.map(lambda v: "✓" if v else "—").reset_index(drop=True).assign(name=members["name"])
    )
    full = (FULL_VALUES, {"lang": lang}, t("todos los valores (todos los años)", lang))
    # The matrix rests on the year's values, the counts on every year's.
    source, years_source = (
        t(
            "Fuente: envíos de los países miembros de la Red GEALC{demo}.",
            lang,
            demo=t(" (datos de demostración)", lang) if demo else "",
        )
        for demo in (
            queries.demo_in(db, view["year"]),
            any(queries.demo_in(db, y) for y in view["years"]),
        )
    )
    return [
        *head,
        html.P(
            t(
                "{first}; {second}.",
                lang,
                first=tn(
                    "{n} de {members} países reportó al menos un indicador en {year}",
                    "{n} de {members} países reportaron al menos un indicador en {year}",
                    reporting_count,
                    lang,
                    members=len(members),
                    year=view["year"],
                ),
                second=tn(
                    "{n} de {possible} valores posibles",
                    "{n} de {possible} valores posibles",
                    int(matrix.to_numpy().sum()),
                    lang,
                    possible=matrix.size,
                ),
            ),
            className="lead",
        ),
        chart(
            "coverage-matrix",
            t("Indicadores reportados, {year}", lang, year=view["year"]),
            figures.reporting_matrix(matrix, figures.short_labels(members, lang), lang),
            lang,
            table(
                marks,
                [("name", t("País", lang)), *[(c, c) for c in matrix.columns]],
                t("Indicadores reportados, {year}", lang, year=view["year"]),
            ),
            downloads=[("coverage", query, t("lo que se muestra", lang)), full],
            sources=[
                html.P(
                    t(
                        "Reportado (✓): el país envió un valor del indicador para ese año y "
                        "entró en esta versión publicada de los datos; «—»: no lo envió.",
                        lang,
                    ),
                    className="definition",
                ),
                source,
            ],
            min_width=MATRIX_WIDTH,
        ),
        html.Section(
            [
                html.H2(
                    t("Indicadores reportados por año (de {total})", lang, total=len(indicators)),
                    className="chart-title",
                    id="coverage-years-title",
                ),
                table(
                    years_table.astype(str),
                    [("name", t("País", lang)), *[(c, c) for c in years_table.columns[1:]]],
                    t("Indicadores reportados por año (de {total})", lang, total=len(indicators)),
                    numeric=set(years_table.columns[1:]),
                ),
                download_links(
                    lang, [("coverage-years", query, t("lo que se muestra", lang)), full]
                ),
                html.P(years_source, className="sources"),
            ],
            className="chart-block",
            **{"aria-labelledby": "coverage-years-title"},
        ),
    ]


@dataset("coverage")
def _coverage_download(db: Snapshot, args: dict[str, str], lang: str):
    """The matrix as rows: country, indicator and 1/0 for the year asked."""
    view = _view(db, args, lang)
    filters.downloadable(view["problems"], view["year"])
    members, indicators = _selection(db, view, lang)
    matrix = reporting.indicator_matrix(view["reported"], members, indicators, view["year"])
    out = matrix.reset_index()
    out.columns.name = None
    out.insert(1, "name", members["name"].to_numpy())
    return out


@dataset("coverage-years")
def _years_download(db: Snapshot, args: dict[str, str], lang: str):
    """How many of the indicators in view each country reported, per year."""
    view = _view(db, args, lang)
    filters.downloadable(view["problems"])
    members, indicators = _selection(db, view, lang)
    counts = reporting.yearly_counts(view["reported"], members, indicators).reset_index()
    counts.columns.name = None
    counts.insert(1, "name", members["name"].to_numpy())
    return counts
