"""One page per indicator, the Open SDG way (`/indicator/SD1?year=2023&tab=progress`): its
definition, unit, formula and goalposts from the catalogue, its chart widget (values, map, lines
over time, progress to the target), who reported it each year, and the sources and notes countries
gave in their own words. The URL holds the view: the indicator in the path (any case), year, tab,
countries and language in the query string; an unknown id lists every indicator."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from dash import Dash, html

from app import figures, filters, queries
from app.components import country_link, demo_notice, fallback_notices, notice, table
from app.datasets import FULL_VALUES
from app.display import value_decimals
from app.pages.coverage import reporting
from app.pages.data.catalogue import catalogue_table
from app.pages.explorer import measures, views
from app.pages.explorer.page import register_country_clicks
from app.pages.indicator import progress
from app.release import Snapshot
from app.urls import choose, context, countries, params, with_params
from app.widget import View, Widget, chart_widget
from locales.formats import fmt_number, fmt_percent
from locales.messages import N_, t, tn

PREFIX = "/indicator/"
MAP_GRAPH = "indicator-map"
MEDIAN_COLOUR = "#495057"
DIRECTIONS = {True: N_("un valor más alto es mejor"), False: N_("un valor más bajo es mejor")}


def indicator_code(pathname: str) -> str:
    """`/indicator/sd1/` → `SD1`."""
    return pathname[len(PREFIX) :].strip("/").upper()


def link(indicator_id: str, search: str) -> str:
    """The indicator's page, keeping the language and release of the view `search`."""
    return f"{PREFIX}{indicator_id}{context(search)}"


def layout(db: Snapshot, pathname: str, search: str, lang: str) -> list:
    cat = queries.catalogue(db, lang)
    code = indicator_code(pathname)
    if code not in set(cat["indicator_id"]):
        return _index(cat, code, search, lang)
    entry = cat[cat["indicator_id"] == code]
    row = entry.iloc[0]
    values = queries.values_all(db, lang)
    values = values[values["indicator_id"] == code]
    years = sorted({int(y) for y in values["year"]}, reverse=True)
    query = params(search)
    year, bad_year = choose(query, "year", years, years[0] if years else None, int)
    head = [
        html.H1(f"{code} {row['name']}"),
        *fallback_notices([("year", bad_year)], lang),
    ]
    about = _about(entry, search, lang)
    if year is None:
        return [
            *head,
            notice(t("Ningún país ha reportado este indicador todavía.", lang)),
            about,
        ]
    members = queries.member_names(db, lang)
    data = measures.series("indicator", code, queries.scores_all(db, lang), values)
    goals = progress.goalposts(row)
    standing = progress.progress_table(measures.year_view(data, members, year), goals)
    region = progress.region(standing)
    asked = countries(query, members["iso3"].tolist(), measures.LINES_MAX)
    chosen = asked.chosen or measures.leaders(standing)
    demo = queries.demo_in(db, year)
    return [
        *head,
        *fallback_notices(asked.problems, lang),
        html.P(_lead(region, len(members), year, row, lang), className="lead"),
        about,
        *filters.bar(
            [filters.year_control(years, year, lang)], {"year": year, "countries": chosen}
        ),
        *demo_notice(demo, lang),
        chart_widget(
            _widget(
                row,
                code,
                standing,
                region,
                lines=measures.countries_over_years(
                    data, members, chosen, queries.subregion_names(db, lang), lang
                ),
                members=members,
                chosen=chosen,
                year=year,
                demo=demo,
                lang=lang,
            ),
            lang,
        ),
        _who_reported(values, members, lang),
        _own_words(values[values["year"] == year], db, code, year, lang),
    ]


def _index(cat: pd.DataFrame, code: str, search: str, lang: str) -> list:
    """Every indicator by dimension, each a link to its page; led by a notice when the path
    named an indicator that does not exist."""
    missing = (
        [
            notice(
                t(
                    "No existe el indicador «{code}» en el catálogo. Estos son los {n} "
                    "indicadores GEALC:",
                    lang,
                    code=code,
                    n=len(cat),
                ),
                "warning",
            )
        ]
        if code
        else []
    )
    return [
        html.H1(t("Indicadores GEALC", lang)),
        *missing,
        html.Ul(
            [
                html.Li(
                    [
                        f"{dim_id} {group['dimension'].iloc[0]}",
                        html.Ul(
                            [
                                html.Li(html.A(f"{i} {n}", href=link(i, search)))
                                for i, n in zip(group["indicator_id"], group["name"], strict=True)
                            ]
                        ),
                    ]
                )
                for dim_id, group in cat.groupby("dimension_id", sort=False)
            ],
            className="indicator-index",
        ),
    ]


def _lead(region: progress.Region, members: int, year: int, row: pd.Series, lang: str) -> str:
    """How many reported it in the year shown and where the region stands against the target."""
    reported = tn(
        "{n} de {members} países reportó este indicador en {year}.",
        "{n} de {members} países reportaron este indicador en {year}.",
        region.reporting,
        lang,
        members=members,
        year=year,
    )
    if region.median_value is None:
        return reported
    values = {
        "value": _in_unit(region.median_value, row, lang),
        "progress": fmt_percent(region.median_progress / 100, lang),
    }
    standing = (
        tn(
            "La mediana regional es {value}, un {progress} del camino hacia la meta; "
            "{n} país la alcanzó.",
            "La mediana regional es {value}, un {progress} del camino hacia la meta; "
            "{n} países la alcanzaron.",
            region.reached,
            lang,
            **values,
        )
        if region.reached
        else t(
            "La mediana regional es {value}, un {progress} del camino hacia la meta; ningún "
            "país la alcanzó.",
            lang,
            **values,
        )
    )
    return f"{reported} {standing}"


def _about(entry: pd.DataFrame, search: str, lang: str) -> html.Dl:
    """The catalogue's metadata of the indicator (`entry`: its one catalogue row): definition,
    unit, formula, goalposts, target and dimension (a link to the explorer on it); the formula
    and range written as on the data page."""
    row, code = entry.iloc[0], entry["indicator_id"].iloc[0]
    # A count has no denominator: give it as None, not NaN, so the formula reads "no denominator".
    shown = catalogue_table(entry.astype(object).where(entry.notna(), None), lang).iloc[0]
    goals = progress.goalposts(row)
    keep = context(search)
    items = [
        (t("Definición", lang), row["definition"]),
        (t("Unidad", lang), row["unit"]),
        (t("Fórmula", lang), shown["formula"]),
        (t("Rango válido", lang), shown["range"]),
        (
            t("Umbrales", lang),
            t(
                "{lower} vale 0 y {target} vale 100 en el puntaje, en escala {scale}.",
                lang,
                lower=_in_unit(goals.lower, row, lang),
                target=_in_unit(goals.target, row, lang),
                scale=shown["scale"],
            ),
        ),
        (
            t("Meta", lang),
            t(
                "{target}; {direction}.",
                lang,
                target=_in_unit(goals.target, row, lang),
                direction=t(DIRECTIONS[goals.higher_is_better], lang),
            ),
        ),
        (
            t("Dimensión", lang),
            [
                html.A(
                    f"{row['dimension_id']} {row['dimension']}",
                    href=f"/explorer{with_params(keep, dimension=row['dimension_id'])}",
                ),
                " · ",
                html.A(
                    t("este indicador en el explorador", lang),
                    href=f"/explorer{with_params(keep, indicator=code)}",
                ),
            ],
        ),
    ]
    return html.Dl(
        [
            part
            for term, detail in items
            for part in (html.Dt(term, className="col-sm-3"), html.Dd(detail, className="col-sm-9"))
        ],
        className="indicator-meta row",
    )


def _in_unit(value: float | None, row: pd.Series, lang: str) -> str:
    return progress.in_unit(value, row["unit_code"], row["unit"], lang)


def _with_median(fig: go.Figure, median: float | None, label: str) -> go.Figure:
    """A bar chart with the region's median as a dashed vertical line, named at its top."""
    if median is None:
        return fig
    return fig.add_vline(
        x=median,
        line={"color": MEDIAN_COLOUR, "width": 2, "dash": "dash"},
        layer="below",  # under the bars and their values, which stay readable
        annotation={"text": label, "yanchor": "bottom", "font": {"color": MEDIAN_COLOUR}},
        annotation_position="top",
    )


def _progress_text(standing: pd.DataFrame, lang: str) -> list[str]:
    return [fmt_percent(p / 100, lang) if pd.notna(p) else "" for p in standing["progress"]]


def _widget(  # noqa: PLR0913 — one view's parts, each named at the call
    row: pd.Series,
    code: str,
    standing: pd.DataFrame,
    region: progress.Region,
    *,
    lines: measures.OverTime,
    members: pd.DataFrame,
    chosen: list[str],
    year: int,
    demo: bool,
    lang: str,
) -> Widget:
    unit, decimals = row["unit"], min(1, value_decimals(row["unit_code"]))
    value_range = (0, 100) if row["unit_code"] == "percent" else None
    goals = progress.goalposts(row)
    median_label = t("Mediana regional", lang)
    where = {"measure": f"{code} {row['name']}", "year": year}
    progress_axis = t("Progreso hacia la meta (%)", lang)
    have = standing.dropna(subset=["value"])
    return Widget(
        id="indicator",
        title=t("{measure}, {year}", lang, **where),
        views=[
            View(
                "bars",
                t("Valores", lang),
                lambda: _with_median(
                    figures.hbars(
                        figures.short_labels(have, lang),
                        have["value"].tolist(),
                        lang,
                        unit,
                        x_range=value_range,
                        decimals=decimals,
                    ),
                    region.median_value,
                    median_label,
                ),
                lead=t(
                    "Los países que lo reportaron en {year}, con la mediana regional.",
                    lang,
                    year=year,
                ),
            ),
            views.map_view(
                standing, lang, unit, decimals, value_range=value_range, graph_id=MAP_GRAPH
            ),
            views.lines_view(
                lines,
                lang,
                unit,
                value_range=value_range,
                decimals=decimals,
                choose_from=members,
            ),
            View(
                "progress",
                t("Progreso hacia la meta", lang),
                lambda: _with_median(
                    # The shares beside the bars, level: inside, a short bar's would turn
                    # sideways on a phone.
                    figures.hbars(
                        figures.short_labels(have, lang),
                        have["progress"].tolist(),
                        lang,
                        "%",
                        text=_progress_text(have, lang),
                        x_range=(0, 100),
                    ).update_traces(textposition="outside", textangle=0),
                    region.median_progress,
                    median_label,
                ),
                lead=_progress_definition(goals, row, lang),
            ),
        ],
        table=lambda: table(
            _table(standing, decimals, lang),
            [
                ("country", t("País", lang)),
                ("value", t("Valor ({unit})", lang, unit=unit)),
                ("progress", progress_axis),
                ("gap", t("Distancia a la meta ({unit})", lang, unit=unit)),
            ],
            t("Tabla: {measure}, {year}", lang, **where),
            {"value", "progress", "gap"},
        ),
        sources=[
            t(
                "{source} Fuente: envíos de los países miembros de la Red GEALC, año "
                "{year}{demo}. Contornos: Natural Earth 1:50m (dominio público).",
                lang,
                source=t("Definición: {definition}", lang, definition=row["definition"]),
                year=year,
                demo=t(" (datos de demostración)", lang) if demo else "",
            ),
            _progress_definition(goals, row, lang),
        ],
        downloads=[
            (
                "explorer",
                {"indicator": code, "year": year, "lang": lang},
                t("lo que se muestra", lang),
            ),
            (FULL_VALUES, {"lang": lang}, t("todos los valores (todos los años)", lang)),
        ],
    )


def _progress_definition(goals: progress.Goalposts, row: pd.Series, lang: str) -> str:
    """What progress to the target means, in one sentence with this indicator's goalposts."""
    return t(
        "Progreso hacia la meta: qué parte del camino entre {lower} y la meta de {target} se ha "
        "recorrido, en escala {scale}, de 0\u00a0% a 100\u00a0% (es el puntaje del indicador). "
        "La distancia a la meta está en la unidad del indicador y es 0 una vez alcanzada.",
        lang,
        lower=_in_unit(goals.lower, row, lang),
        target=_in_unit(goals.target, row, lang),
        scale=t("logarítmica" if goals.log else N_("lineal"), lang),
    )


def _table(standing: pd.DataFrame, decimals: int, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "country": [
                country_link(c, n, lang)
                for c, n in zip(standing["iso3"], standing["name"], strict=True)
            ],
            "value": [fmt_number(v, lang, decimals) for v in standing["value"]],
            "progress": [
                fmt_percent(p / 100 if pd.notna(p) else None, lang, 1) for p in standing["progress"]
            ],
            "gap": [fmt_number(g, lang, decimals) for g in standing["gap"]],
        },
        dtype=object,
    )


def _who_reported(values: pd.DataFrame, members: pd.DataFrame, lang: str) -> html.Section:
    """Years × how many countries reported the indicator, then (folded) each country × year."""
    matrix = reporting.yearly_counts(
        values[["iso3", "year", "indicator_id"]],
        members,
        values[["indicator_id"]].drop_duplicates(),
    )
    per_year = progress.reporting_years(matrix)
    matrix = matrix[sorted(matrix.columns, reverse=True)]  # newest first, as the counts above
    names = members.set_index("iso3")["name"]
    years = [str(y) for y in matrix.columns]
    cells = pd.DataFrame(
        {
            "country": [country_link(c, names[c], lang) for c in matrix.index],
            **{str(y): ["✓" if n else "—" for n in matrix[y]] for y in matrix.columns},
        },
        dtype=object,
    )
    title = t("Quién lo reportó", lang)
    return html.Section(
        [
            html.H2(title, id="who-reported-title"),
            table(
                pd.DataFrame(
                    {
                        "year": per_year["year"].astype(str),
                        "reported": [
                            t("{n} de {of}", lang, n=n, of=of)
                            for n, of in zip(per_year["reported"], per_year["of"], strict=True)
                        ],
                    },
                    dtype=object,
                ),
                [("year", t("Año", lang)), ("reported", t("Países que lo reportaron", lang))],
                t("Países que reportaron el indicador, por año", lang),
                {"reported"},
            ),
            html.Details(
                [
                    html.Summary(t("Por país y año", lang)),
                    table(
                        cells,
                        [("country", t("País", lang)), *[(y, y) for y in years]],
                        t("Quién lo reportó, por país y año (✓ reportó, — no)", lang),
                        set(years),
                    ),
                ],
                className="who-reported-countries",
            ),
        ],
        className="who-reported",
        **{"aria-labelledby": "who-reported-title"},
    )


def _own_words(values: pd.DataFrame, db: Snapshot, code: str, year: int, lang: str) -> html.Section:
    """The sources, notes and reasons for not reporting the countries gave for the year shown,
    each text once with the countries that gave it, as written (not translated)."""
    silent = queries.not_reported_all(db, lang)
    silent = silent[(silent["indicator_id"] == code) & (silent["year"] == year)]
    groups = [
        (t("Fuentes", lang), progress.own_words(values, "source")),
        (t("Notas", lang), progress.own_words(values, "note")),
        (t("Por qué no lo reportaron", lang), progress.own_words(silent, "note")),
    ]
    shown = [
        part
        for heading, words in groups
        if len(words)
        for part in (
            html.H3(heading, className="fs-6 fw-bold mt-3"),
            html.Ul(
                [
                    html.Li(
                        [
                            html.Q(text, className="own-words"),
                            " — ",
                            ", ".join(names),
                        ]
                    )
                    for text, names in zip(words["text"], words["countries"], strict=True)
                ]
            ),
        )
    ]
    return html.Section(
        [
            html.H2(
                t("Fuentes y notas de los países, {year}", lang, year=year), id="own-words-title"
            ),
            html.P(
                t(
                    "Como las escribió cada país, sin traducir: cada texto una vez, con los "
                    "países que lo dieron.",
                    lang,
                )
            ),
            *(
                shown
                or [html.P(t("Ningún país dio fuentes ni notas para {year}.", lang, year=year))]
            ),
        ],
        className="own-words-section",
        **{"aria-labelledby": "own-words-title"},
    )


def register_callbacks(app: Dash) -> None:
    """Open the profile of a country clicked on the map, on `app`."""
    register_country_clicks(app, [MAP_GRAPH])
