"""Indicator explorer (`/explorer?indicator=FD1&year=2024&subregion=caribbean&level=high`): one
indicator, dimension or the composite across members and years — a map on the app's own
outlines, a tile grid, a ranked bar, the medians over time, and the table."""

from __future__ import annotations

import re

import pandas as pd
from dash import Dash, Input, Output, State, html
from dash.exceptions import PreventUpdate

from app import figures, filters, maps, queries
from app.components import chart, country_link, demo_notice, fallback_notices, notice, table
from app.datasets import FULL_SCORES, FULL_VALUES
from app.display import fmt_rank, formatted, value_decimals
from app.downloads import dataset
from app.pages.explorer import measures
from app.pages.un import benchmarks
from app.release import Snapshot
from app.urls import context, params
from locales.messages import N_, t, tn

PATH = "/explorer"
MAP_GRAPHS = ("explorer-map", "explorer-tiles")


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
    view, choices = _view(db, params(search), lang)
    cat = choices["cat"]
    in_dim = cat[cat["dimension_id"] == view["dimension"]] if view["dimension"] else cat
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
                "y todos los años: mapa, cuadrícula, ranking, evolución y tabla. Haga clic en un "
                "país para abrir su perfil.",
                lang,
            ),
            className="lead",
        ),
        *fallback_notices(view.problems, lang),
        *filters.bar(controls, view.values),
    ]
    if view["year"] is None:
        return [
            *head,
            notice(t("Ningún país reportó indicadores GEALC para {year}.", lang, year="—")),
        ]
    data, members, now = _data(db, view, choices, lang)
    if members.empty:
        return [
            *head,
            notice(
                t(
                    "Ningún país miembro cumple estos filtros. Elija otra subregión u otro grupo "
                    "EGDI.",
                    lang,
                )
            ),
        ]
    title, axis, decimals, value_range, source = _labels(view, choices, lang)
    demo = queries.demo_in(db, view["year"])
    query = {k: view[k] for k in ("year", "dimension", "indicator", "subregion", "level")} | {
        "lang": lang
    }
    downloads = [
        ("explorer", query, t("lo que se muestra", lang)),
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
    shown = _table(now, decimals, lang)
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
    numeric = {"value", "score", "rank", "coverage"}
    caption = t("Tabla: {measure}, {year}", lang, measure=title, year=view["year"])

    def values_table() -> html.Table:
        """The values the map, the tiles and the bars draw: each chart its own copy."""
        return table(shown, columns, caption, numeric)

    reported = int(now["value"].notna().sum())
    medians = measures.medians_over_years(data, members, choices["subs"])
    series = [
        ("all", t("Mediana de los países mostrados", lang)),
        *(
            (s, n)
            for s, n in zip(choices["subs"]["subregion"], choices["subs"]["name"], strict=True)
            if s in medians.columns
        ),
    ]
    return [
        *head,
        *demo_notice(demo, lang),
        html.P(
            tn(
                "{measure}: {n} de {members} países tiene datos para {year}.",
                "{measure}: {n} de {members} países tienen datos para {year}.",
                reported,
                lang,
                measure=title,
                members=len(members),
                year=view["year"],
            ),
            className="lead",
        ),
        chart(
            "explorer-map",
            t("Mapa: {measure}, {year}", lang, measure=title, year=view["year"]),
            figures.choropleth(
                now,
                lang,
                axis,
                decimals,
                value_range,
                outlines_url=maps.OUTLINES_URL,
                small=maps.small_states(),
                context=maps.context_ids(),
            ),
            lang,
            values_table(),
            downloads=downloads,
            lead=t(
                "Los Estados insulares pequeños llevan además un punto para verse y poder hacer "
                "clic. En gris: sin datos.",
                lang,
            ),
            open_table=False,
        ),
        chart(
            "explorer-tiles",
            t(
                "Cuadrícula: un cuadro igual por país, {measure}, {year}",
                lang,
                measure=title,
                year=view["year"],
            ),
            figures.tile_grid(now, maps.TILES, lang, axis, decimals, value_range=value_range),
            lang,
            values_table(),
            downloads=downloads,
            lead=t(
                "Cada país pesa lo mismo, sea Brasil o San Cristóbal y Nieves; la posición es "
                "aproximadamente geográfica.",
                lang,
            ),
            open_table=False,
        ),
        chart(
            "explorer-bars",
            t("Ranking: {measure}, {year}", lang, measure=title, year=view["year"]),
            figures.hbars(
                now["name"].tolist(),
                now["value"].tolist(),
                lang,
                axis,
                x_range=value_range,
                decimals=decimals,
            ),
            lang,
            values_table(),
            downloads=downloads,
        ),
        chart(
            "explorer-trend",
            t("Evolución de la mediana: {measure}", lang, measure=title),
            figures.lines(medians, "year", series, lang, axis, y_range=value_range),
            lang,
            table(
                formatted(medians, {c: decimals for c, _ in series}, lang),
                [("year", t("Año", lang)), *series],
                t("Evolución de la mediana: {measure}", lang, measure=title),
                {c for c, _ in series},
            ),
            downloads=downloads,
            open_table=False,
        ),
        html.P(
            t(
                "{source} Fuente: envíos de los países miembros de la Red GEALC, año "
                "{year}{demo}. Contornos: Natural Earth 1:50m (dominio público).",
                lang,
                source=source,
                year=view["year"],
                demo=t(" (datos de demostración)", lang) if demo else "",
            ),
            className="sources",
        ),
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


def _country_clicked(on_map: object, on_tiles: object, search: object) -> tuple[str, str]:
    """A click on a country (outline, dot or tile) opens its profile, in the same language;
    anything else a request claims was clicked changes nothing."""
    code = next((c for c in map(clicked_country, (on_map, on_tiles)) if c), None)
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


def register_callbacks(app: Dash) -> None:
    """Open the profile of a country clicked on the map or the tiles, on `app`."""
    app.callback(
        Output("url", "pathname", allow_duplicate=True),
        Output("url", "search", allow_duplicate=True),
        Input(MAP_GRAPHS[0], "clickData"),
        Input(MAP_GRAPHS[1], "clickData"),
        State("url", "search"),
        prevent_initial_call=True,
    )(_country_clicked)
