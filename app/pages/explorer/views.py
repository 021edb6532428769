"""The views of one measure across members that several pages draw in their chart widgets —
the map and the chosen countries over time — built once here (the explorer, an indicator's page
and compare share them)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from app import figures, filters, maps
from app.pages.explorer.measures import OverTime
from app.widget import View
from locales.messages import t


def map_view(
    now: pd.DataFrame,
    lang: str,
    axis: str,
    decimals: int,
    *,
    value_range: tuple[float, float] | None,
    graph_id: str | None = None,
) -> View:
    """The members coloured by `value` on the app's outlines, small island states as dots."""
    return View(
        "map",
        t("Mapa", lang),
        lambda: figures.choropleth(
            now,
            lang,
            axis,
            decimals,
            value_range,
            outlines_url=maps.OUTLINES_URL,
            small=maps.small_states(),
            context=maps.context_ids(),
        ),
        lead=t(
            "Los Estados insulares pequeños llevan además un punto para verse y poder hacer "
            "clic. En gris: sin datos.",
            lang,
        ),
        graph_id=graph_id,
    )


def lines_view(
    over_time: OverTime,
    lang: str,
    axis: str,
    *,
    value_range: tuple[float, float] | None,
    decimals: int = 1,
    lead: str | None = None,
    choose_from: pd.DataFrame | None = None,
) -> View:
    """The chosen countries over the years against the regional and subregional medians; with
    `choose_from` (iso3, name), a control to choose the countries above the chart."""
    chosen = [iso3 for iso3, _ in over_time.countries]
    controls: Sequence = (
        [
            filters.control(
                "countries",
                t("Países en la evolución", lang),
                filters.options(zip(choose_from["iso3"], choose_from["name"], strict=True)),
                chosen,
                lang,
                multi=True,
                wide=True,
            )
        ]
        if choose_from is not None
        else []
    )
    return View(
        "lines",
        t("Evolución", lang),
        lambda: figures.lines(
            over_time.frame,
            "year",
            over_time.countries,
            lang,
            axis,
            y_range=value_range,
            references=over_time.references,
            decimals=decimals,
        ),
        lead=lead
        or t(
            "Cada país elegido a lo largo de los años, con la mediana regional y las de sus "
            "subregiones como referencia.",
            lang,
        ),
        controls=controls,
    )
