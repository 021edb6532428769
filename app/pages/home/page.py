"""GEALC en números (`/?year=2024&subregion=caribbean`): the year's headline figures, each a
sentence written from the data with its chart, table and downloads."""

from __future__ import annotations

from dash import html

from app import filters, gtmi, queries
from app.components import (
    demo_notice,
    fallback_notices,
    gtmi_source,
    no_scores_notice,
    table,
)
from app.datasets import FULL_GTMI, FULL_SCORES, FULL_UN
from app.downloads import Headed, dataset
from app.pages.home.charts import headline
from app.pages.home.headlines import HEADLINES, TITLES, Facts, Headline, gather, headlines, shown
from app.pages.un import benchmarks
from app.pages.un.definitions import un_definitions
from app.release import Snapshot
from app.urls import params
from app.widget import chart
from locales.messages import N_, t

PATH = "/"
# The full data behind a headline that is not the GEALC scores: (dataset, its label's key).
FULL_DATA = {
    "un": (FULL_UN, N_("todas las cifras de la ONU (2003–2024)")),
    "gtmi": (
        FULL_GTMI,
        N_(
            "todas las cifras del Índice de Madurez GovTech del Banco Mundial: índice, subíndices "
            "y grupo (todas las encuestas; CC BY 4.0)"
        ),
    ),
}


def _view(
    db: Snapshot, query: dict[str, str], lang: str
) -> tuple[filters.View, Facts | None, dict]:
    reported = queries.reported(db)
    years = sorted({int(y) for y in reported["year"]}, reverse=True)
    subs = queries.subregion_names(db, lang)
    view = filters.read(
        query,
        [
            filters.Choice("year", years, years[0] if years else None, int),
            filters.Choice("subregion", subs["subregion"], None, str.lower),
        ],
    )
    if view["year"] is None:
        return view, None, {"years": years, "subs": subs}
    members = queries.member_names(db, lang)
    facts = gather(
        db,
        lang,
        view["year"],
        filters.selected(members, members["iso3"], view["subregion"], None),
        reported,
    )
    return view, facts, {"years": years, "subs": subs}


def layout(db: Snapshot, search: str, lang: str) -> list:
    view, facts, choices = _view(db, params(search), lang)
    controls = [
        filters.year_control(choices["years"], view["year"], lang),
        filters.subregion_control(choices["subs"], view["subregion"], lang),
    ]
    head = [
        html.H1(t("GEALC en números {year}", lang, year=view["year"] or "")),
        html.P(
            t(
                "Las cifras clave de la Red: quién reportó, cómo está la región en cada "
                "dimensión, quién mejoró y dónde están los miembros en la Encuesta de Gobierno "
                "Electrónico de la ONU.",
                lang,
            ),
            className="lead",
        ),
        *fallback_notices(view.problems, lang),
        *filters.bar(controls, view.values),
    ]
    if facts is None:
        return [
            *head,
            no_scores_notice(lang),
        ]
    demo = queries.demo_in(db, view["year"])
    # Each headline cites its own sources in its Sources tab: no line for the page as a whole.
    sections = [_section(item, view, demo, lang) for item in headlines(facts, lang)]
    return [*head, *demo_notice(demo, lang), *sections]


def _sources(key: str, year: int, demo: bool, lang: str) -> list:
    """What a headline's chart rests on, with what its measure means: the members' submissions
    (and the GEALC methodology for scores), the UN survey or the World Bank GTMI."""
    suffix = t(" (datos de demostración)", lang) if demo else ""
    if key == "un":
        return [
            html.P(un_definitions(["EGDI"], lang)[0], className="definition"),
            t(
                "Fuente: Naciones Unidas, DAES, Encuesta de Gobierno Electrónico (todas las "
                "encuestas desde 2003).",
                lang,
            ),
        ]
    if key == "gtmi":
        return [
            html.P(benchmarks.gtmi_groups(gtmi.reference(), lang), className="definition"),
            gtmi_source(lang),
        ]
    if key == "reporting":
        return [
            t("Fuente: envíos de los países miembros de la Red GEALC{demo}.", lang, demo=suffix)
        ]
    definition = (
        [
            html.P(
                t(
                    "Cambio: el puntaje compuesto de cada país en su año anterior con puntaje y "
                    "en {year}, calculado en ambos solo con los indicadores que reportó los dos "
                    "años, para que el cambio no dependa de qué reportó.",
                    lang,
                    year=year,
                ),
                className="definition",
            )
        ]
        if key == "improved"
        else []
    )
    return [
        *definition,
        t(
            "Fuentes: envíos de los países miembros de la Red GEALC{demo}; puntajes de 0 a 100 "
            "según la metodología GEALC.",
            lang,
            demo=suffix,
        ),
    ]


def _section(item: Headline, view: filters.View, demo: bool, lang: str) -> html.Section:
    frame, numeric = shown(item, lang)
    part = table(frame, list(item.columns.items()), t(TITLES[item.key], lang), numeric=numeric)
    full, full_label = FULL_DATA.get(
        item.key, (FULL_SCORES, N_("todos los puntajes (todos los años)"))
    )
    query = {"key": item.key, "year": view["year"], "subregion": view["subregion"], "lang": lang}
    return chart(
        f"home-{item.key}",
        t(TITLES[item.key], lang),
        headline(item, lang),
        lang,
        part,
        downloads=[
            ("headline", query, t("lo que se muestra", lang)),
            (full, {"lang": lang}, t(full_label, lang)),
        ],
        lead=item.sentence,
        sources=_sources(item.key, view["year"], demo, lang),
    )


@dataset("headline")
def _headline_download(db: Snapshot, args: dict[str, str], lang: str):
    """One headline's table, with the headings of the page."""
    view, facts, _ = _view(db, args, lang)
    key = args.get("key")
    if key not in HEADLINES:
        raise LookupError(f"give key={'|'.join(HEADLINES)}")
    filters.downloadable(view.problems, facts)
    item = HEADLINES[key](facts, lang)
    return Headed(item.table[list(item.columns)], item.columns)
