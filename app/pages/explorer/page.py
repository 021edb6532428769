"""Indicator explorer (`/explorer?indicator=FD1&year=2024&subregion=caribbean&level=high`): one
indicator, dimension or the composite across members and years — a map on the app's own
outlines, a tile grid, a ranked bar, the medians over time, and the table."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd
from dash import Dash, Input, Output, State, html
from dash.exceptions import PreventUpdate

from app import figures, filters, maps, queries
from app.components import (
    country_link,
    demo_notice,
    fallback_notices,
    no_members_notice,
    no_scores_notice,
    table,
)
from app.datasets import FULL_SCORES, FULL_VALUES
from app.display import fmt_rank, formatted, value_decimals
from app.downloads import dataset
from app.pages.explorer import measures, views
from app.pages.un import benchmarks
from app.release import Snapshot
from app.urls import context, countries, params
from app.widget import View, Widget, chart_widget
from locales.messages import N_, t, tn

PATH = "/explorer"
MAP_GRAPHS = ("explorer-map", "explorer-tiles")
TILES_WIDTH = 640  # px: a name fits its tile; narrower, the grid scrolls sideways


def _view(db: Snapshot, query: dict[str, str], lang: str) -> tuple[filters.View, dict]:
    years = queries.score_years(db)
    cat = queries.catalogue(db, lang)
    dims = queries.dimension_names(db, lang)
    subs = queries.subregion_names(db, lang)
    view = filters.read(
        query,
        [
            filters.Choice("year", years, years[0] if years else None, int),
            filters.Choice("dimension", dims["dimension_id"], None, str.upper),
            filters.Choice("indicator", cat["indicator_id"], None, str.upper),
            filters.Choice("subregion", subs["subregion"], None, str.lower),
            filters.Choice("level", filters.LEVELS, None, str.lower),
        ],
    )
    chosen = cat.set_index("indicator_id")
    if (
        view["indicator"]
        and view["dimension"]
        and chosen.loc[view["indicator"], "dimension_id"] != view["dimension"]
    ):
        view.problems.append(("indicator", view["indicator"]))  # not in the chosen dimension
        view.values["indicator"] = None
    return view, {"years": years, "cat": cat, "dims": dims, "subs": subs}


def _data(
    db: Snapshot, view: filters.View, choices: dict, lang: str
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(the measure every year, the members in view, this year's rows)."""
    level, key = measures.measure(view["dimension"], view["indicator"])
    data = measures.series(
        level,
        key,
        queries.scores_all(db, lang),
        queries.values_all(db, lang) if level == "indicator" else pd.DataFrame(),
    )
    members = queries.member_names(db, lang)
    members = filters.selected(
        members,
        benchmarks.levels(queries.egov_all(db), view["year"]),
        view["subregion"],
        view["level"],
    )
    return data, members, measures.year_view(data, members, view["year"])


def _labels(
    view: filters.View, choices: dict, lang: str
) -> tuple[str, str, int, tuple[float, float] | None, str]:
    """(what is shown, its axis title, decimals, colour range, sources text)."""
    if view["indicator"]:
        row = choices["cat"].set_index("indicator_id").loc[view["indicator"]]
        return (
            f"{view['indicator']} {row['name']}",
            row["unit"],
            min(1, value_decimals(row["unit_code"])),
            None,
            t("Definición: {definition}", lang, definition=row["definition"]),
        )
    if view["dimension"]:
        name = choices["dims"].set_index("dimension_id").loc[view["dimension"], "name"]
        return (
            f"{view['dimension']} {name}",
            t("Puntaje (0–100)", lang),
            1,
            (0, 100),
            t("Puntajes de 0 a 100 según la metodología GEALC.", lang),
        )
    return (
        t("Compuesto GEALC", lang),
        t("Puntaje (0–100)", lang),
        1,
        (0, 100),
        t("Puntajes de 0 a 100 según la metodología GEALC.", lang),
    )


def layout(db: Snapshot, search: str, lang: str) -> list:
    query = params(search)
    view, choices = _view(db, query, lang)
    cat = choices["cat"]
    in_dim = cat[cat["dimension_id"] == view["dimension"]] if view["dimension"] else cat
    members_all = queries.member_names(db, lang)
    asked = countries(query, members_all["iso3"].tolist(), measures.LINES_MAX)
    controls = [
        filters.year_control(choices["years"], view["year"], lang),
        filters.dimension_control(choices["dims"], view["dimension"], lang),
        filters.control(
            "indicator",
            t("Indicador", lang),
            filters.options(
                (
                    (i, f"{i} {n}")
                    for i, n in zip(in_dim["indicator_id"], in_dim["name"], strict=True)
                ),
                t("Puntaje de la dimensión (o compuesto)", lang),
            ),
            view["indicator"],
            lang,
            wide=True,
        ),
        filters.subregion_control(choices["subs"], view["subregion"], lang),
        filters.level_control(view["level"], lang),
    ]
    head = [
        html.H1(t("Explorar indicadores", lang)),
        html.P(
            t(
                "Un indicador, una dimensión o el puntaje compuesto en todos los países miembros "
                "y todos los años: mapa, ranking, cuadrícula, evolución por país y tabla. Haga "
                "clic en un país para abrir su perfil.",
                lang,
            ),
            className="lead",
        ),
        *fallback_notices(view.problems + asked.problems, lang),
    ]
    if view["year"] is None:
        head += filters.bar(controls, view.values)
        return [
            *head,
            no_scores_notice(lang),
        ]
    data, members, now = _data(db, view, choices, lang)
    chosen = asked.chosen or measures.leaders(now)
    head += filters.bar(controls, view.values | {"countries": chosen})
    if members.empty:
        return [
            *head,
            no_members_notice(lang),
        ]
    title, axis, decimals, value_range, source = _labels(view, choices, lang)
    demo = queries.demo_in(db, view["year"])
    query_shown = {k: view[k] for k in ("year", "dimension", "indicator", "subregion", "level")}
    downloads = [
        ("explorer", query_shown | {"lang": lang}, t("lo que se muestra", lang)),
        (
            FULL_VALUES if view["indicator"] else FULL_SCORES,
            {"lang": lang},
            t(
                "todos los valores (todos los años)"
                if view["indicator"]
                else N_("todos los puntajes (todos los años)"),
                lang,
            ),
        ),
    ]
    columns = [
        ("country", t("País", lang)),
        ("value", axis),
        *([("score", t("Puntaje", lang))] if view["indicator"] else []),
        ("rank", t("Posición GEALC (rango)", lang)),
        *(
            []
            if view["indicator"]
            else [
                (
                    "coverage",
                    t("Indicadores reportados (de {total})", lang, total=_size(view, choices)),
                )
            ]
        ),
    ]
    over_time = measures.countries_over_years(data, members_all, chosen, choices["subs"], lang)
    reported = int(now["value"].notna().sum())
    where = {"year": view["year"], "measure": title}
    widget = Widget(
        id="explorer",
        title=t("{measure}, {year}", lang, **where),
        lead=tn(
            "{n} de {members} países tiene datos para {year}.",
            "{n} de {members} países tienen datos para {year}.",
            reported,
            lang,
            members=len(members),
            year=view["year"],
        ),
        views=[
            views.map_view(now, lang, axis, decimals, value_range=value_range),
            View(
                "bars",
                t("Ranking", lang),
                lambda: figures.hbars(
                    figures.short_labels(now, lang),
                    now["value"].tolist(),
                    lang,
                    axis,
                    x_range=value_range,
                    decimals=decimals,
                ),
            ),
            View(
                "tiles",
                t("Cuadrícula", lang),
                lambda: figures.tile_grid(
                    now, maps.TILES, lang, axis, decimals, value_range=value_range
                ),
                min_width=TILES_WIDTH,
                lead=t(
                    "Un cuadro igual por país: cada país pesa lo mismo, sea Brasil o San "
                    "Cristóbal y Nieves; la posición es aproximadamente geográfica.",
                    lang,
                ),
            ),
            views.lines_view(
                over_time,
                lang,
                axis,
                value_range=value_range,
                decimals=decimals,
                choose_from=members_all,
            ),
        ],
        table=lambda: table(
            _table(now, decimals, lang),
            columns,
            t("Tabla: {measure}, {year}", lang, **where),
            {"value", "score", "rank", "coverage"},
        ),
        sources=[
            t(
                "{source} Fuente: envíos de los países miembros de la Red GEALC, año "
                "{year}{demo}. Contornos: Natural Earth 1:50m (dominio público).",
                lang,
                source=source,
                year=view["year"],
                demo=t(" (datos de demostración)", lang) if demo else "",
            )
        ],
        downloads=downloads,
    )
    return [
        *head,
        *demo_notice(demo, lang),
        *_indicator_link(view["indicator"], search, lang),
        chart_widget(widget, lang),
    ]


def _indicator_link(indicator: str | None, search: str, lang: str) -> list[html.P]:
    """With an indicator chosen, a link to its own page (definition, formula, goalposts, who
    reported it), in the same language and release."""
    if not indicator:
        return []
    return [
        html.P(
            html.A(
                t(
                    "Ficha del indicador {indicator}: definición, fórmula, metas y quién lo "
                    "reportó",
                    lang,
                    indicator=indicator,
                ),
                href=f"/indicator/{indicator}{context(search)}",
            ),
            className="indicator-link",
        )
    ]


def _size(view: filters.View, choices: dict) -> int:
    """How many indicators the dimension or composite shown is made of."""
    cat = choices["cat"]
    return int((cat["dimension_id"] == view["dimension"]).sum() if view["dimension"] else len(cat))


def _table(now: pd.DataFrame, decimals: int, lang: str) -> pd.DataFrame:
    out = formatted(now, {"value": decimals, "score": 1, "coverage": 0}, lang)
    out["country"] = [
        country_link(c, n, lang) for c, n in zip(now["iso3"], now["name"], strict=True)
    ]
    out["rank"] = [fmt_rank(r.rank, r.rank_low, r.rank_high) for r in now.itertuples()]
    return out


@dataset("explorer")
def _explorer_download(db: Snapshot, args: dict[str, str], lang: str) -> pd.DataFrame:
    view, choices = _view(db, args, lang)
    filters.downloadable(view.problems, view["year"])
    _, _, now = _data(db, view, choices, lang)
    _, axis, *_ = _labels(view, choices, lang)
    level, key = measures.measure(view["dimension"], view["indicator"])
    return now.assign(year=view["year"], level=level, id=key, unit=axis)[
        [
            "iso3",
            "name",
            "subregion",
            "year",
            "level",
            "id",
            "value",
            "unit",
            *queries.SCORE_FIELD_NAMES,
        ]
    ]


ISO3 = re.compile(r"[A-Z]{3}")


def _country_clicked(click: object, search: object) -> tuple[str, str]:
    """A click on a country (outline, dot or tile) opens its profile, in the same language;
    anything else a request claims was clicked changes nothing."""
    code = clicked_country(click)
    if code is None:
        raise PreventUpdate
    return f"/country/{code}", context(search if isinstance(search, str) else "")


def clicked_country(click: object) -> str | None:
    """The ISO3 code a map or tile click carries (`{"points": [{"customdata": "URY"}]}`, or
    `["URY", …]` as customdata), or None for anything else."""
    points = click.get("points") if isinstance(click, dict) else None
    point = points[0] if isinstance(points, list) and points else None
    data = point.get("customdata") if isinstance(point, dict) else None
    if isinstance(data, list) and data:
        data = data[0]
    return data if isinstance(data, str) and ISO3.fullmatch(data) else None


def register_country_clicks(app: Dash, graphs: Iterable[str]) -> None:
    """A click on a country in any of `graphs` opens its profile, on `app` (one callback per
    chart: a widget draws only the tab shown)."""
    for graph in graphs:
        app.callback(
            Output("url", "pathname", allow_duplicate=True),
            Output("url", "search", allow_duplicate=True),
            Input(graph, "clickData"),
            State("url", "search"),
            prevent_initial_call=True,
        )(_country_clicked)


def register_callbacks(app: Dash) -> None:
    """Open the profile of a country clicked on the map or the tiles, on `app`."""
    register_country_clicks(app, MAP_GRAPHS)
