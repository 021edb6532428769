"""External benchmarks (`/un?source=gtmi&year=2024&measure=D2&gtmi=matched&subregion=caribbean`,
`/un?source=un&measure=D1&index=OSI&level=high`; `source` absent is the UN survey, so older links
open as before): a GEALC score against an independent assessment — an index of the UN
E-Government Survey or the World Bank GovTech Maturity Index — with Spearman ρ, the Theil–Sen
line and the divergences flagged under the false-discovery control, why the pairing holds (or
that the GTMI has no counterpart), and the members' UN rank or World Bank group beside their
GEALC rank."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from dash import html

from app import figures, filters, gtmi, queries
from app.components import (
    country_link,
    demo_notice,
    fallback_notices,
    no_members_notice,
    no_scores_notice,
    notice,
    table,
)
from app.datasets import FULL_GTMI, FULL_GTMI_INDICATORS, FULL_SCORES, FULL_UN
from app.display import DEMO_NOTICE
from app.downloads import Headed, dataset
from app.figures import wrap
from app.pages.un import benchmarks
from app.pages.un.definitions import un_definitions
from app.release import Snapshot
from app.urls import params
from app.widget import chart
from indicators.scoring import COMPOSITE_ID
from locales.messages import N_, t

PATH = "/un"
# Against the GTMI, the demo values' agreement is the UN's with the GTMI.
GTMI_DEMO_NOTICE = N_(
    "Datos de demostración: los valores de los indicadores GEALC son ficticios, generados "
    "a partir de los índices de la ONU de cada país, así que su concordancia con el GTMI "
    "refleja la de la ONU con el GTMI, no es evidencia. Las cifras del GTMI del Banco "
    "Mundial son reales."
)
KEYS = {"un": "index", "gtmi": "gtmi"}  # the URL key of each source's x measure


@dataclass
class Benchmark:
    """What the page says about the x measure of the source shown."""

    control: html.Div
    name: str  # in the title and the sentence
    axis: str  # on the chart's x axis and the table's heading
    columns: list[tuple[str, str]]
    caption: str
    dataset: str
    full: list[tuple[str, str]]  # the full data's downloads: (dataset, label key)
    definitions: list = field(default_factory=list)  # what the x measure is, in its Sources tab
    pairing: str | None = None
    absent: str | None = None  # why the GTMI has no counterpart of the dimension
    compared: bool = True  # whether divergences are looked for


def _view(db: Snapshot, query: dict[str, str], lang: str) -> tuple[filters.View, dict]:
    years = queries.score_years(db)
    dims = queries.dimension_names(db, lang)
    subs = queries.subregion_names(db, lang)
    measures = [COMPOSITE_ID, *dims["dimension_id"]]
    ref = gtmi.reference()
    view = filters.read(
        query,
        [
            filters.Choice("source", benchmarks.SOURCES, "un", str.lower),
            filters.Choice("year", years, years[0] if years else None, int),
            filters.Choice("measure", measures, COMPOSITE_ID, str.upper),
            filters.Choice("index", benchmarks.UN_INDICES, None, str.upper),
            filters.Choice(
                "gtmi", [benchmarks.MATCHED, *(c.id for c in ref.composites)], None, str.lower
            ),
            filters.Choice("subregion", subs["subregion"], None, str.lower),
            filters.Choice("level", filters.LEVELS, None, str.lower),
        ],
    )
    view.values["index"] = view["index"] or benchmarks.default_index(view["measure"], dims)
    view.values["gtmi"] = benchmarks.gtmi_index(view["measure"], view["gtmi"], ref)
    return view, {"years": years, "dims": dims, "subs": subs}


def _pairs(db: Snapshot, view: filters.View, lang: str) -> tuple[pd.DataFrame, dict | None]:
    year, measure = view["year"], view["measure"]
    scores, egov = queries.scores_in(db, year), queries.egov_all(db)
    kept = filters.selected(
        queries.member_names(db, lang),
        benchmarks.levels(egov, year),
        view["subregion"],
        view["level"],
    )
    if view["source"] == "un":
        return benchmarks.pairs(scores, egov, kept, year, measure, index=view["index"])
    ref = gtmi.reference()
    surveys = benchmarks.gtmi_surveys(
        queries.gtmi_all(db), queries.gtmi_indicators_all(db), measure, ref
    )
    return benchmarks.gtmi_pairs(scores, surveys, kept, year, measure, index=view["gtmi"], ref=ref)


def _measure_name(measure: str, dims: pd.DataFrame, lang: str) -> str:
    names = dict(zip(dims["dimension_id"], dims["name"], strict=True))
    return t("Compuesto GEALC", lang) if measure == COMPOSITE_ID else f"{measure} {names[measure]}"


def _un(db: Snapshot, view: filters.View, dims: pd.DataFrame, lang: str) -> Benchmark:
    index, measure = view["index"], _measure_name(view["measure"], dims, lang)
    name = t(benchmarks.INDEX_NAMES[index], lang)
    why = benchmarks.rationale(view["measure"], index, dims, queries.un_rationales(db, lang))
    return Benchmark(
        control=filters.control(
            "index",
            t("Índice de la ONU", lang),
            filters.options((i, t(benchmarks.INDEX_NAMES[i], lang)) for i in benchmarks.UN_INDICES),
            index,
            lang,
        ),
        name=name,
        axis=index,
        columns=[
            ("survey_year", t("Encuesta ONU", lang)),
            ("benchmark", index),
            ("egdi_rank", t("Posición ONU", lang)),
        ],
        caption=t(
            "Tabla: puntaje GEALC e índice de la ONU por país, {year}", lang, year=view["year"]
        ),
        dataset="un-comparison",
        full=[(FULL_UN, N_("todas las cifras de la ONU (2003–2024)"))],
        definitions=[html.P(d, className="definition") for d in un_definitions([index], lang)],
        pairing=t(
            "Por qué comparar {measure} con {index}: {rationale}",
            lang,
            measure=measure,
            index=name,
            rationale=why,
        )
        if why
        else None,
    )


def _gtmi(view: filters.View, dims: pd.DataFrame, lang: str) -> Benchmark:
    ref, measure, index = gtmi.reference(), view["measure"], view["gtmi"]
    name = benchmarks.gtmi_label(measure, index, ref, lang)
    why = benchmarks.gtmi_rationale(measure, index, ref, lang)
    absent = benchmarks.gtmi_absent(measure, ref, lang)
    measure_name = _measure_name(measure, dims, lang)
    axis = benchmarks.gtmi_axis(index, lang)
    return Benchmark(
        control=filters.control(
            "gtmi",
            t("Medida del GTMI", lang),
            filters.options(
                (i, benchmarks.gtmi_option(measure, i, ref, lang))
                for i in benchmarks.gtmi_choices(measure, ref)
            ),
            index,
            lang,
            wide=True,
        ),
        name=name,
        axis=axis,
        columns=[
            ("survey_year", t("Encuesta GTMI", lang)),
            ("benchmark", axis),
            ("gtmi_group", t("Grupo GTMI", lang)),
        ],
        caption=t(
            "Tabla: puntaje GEALC y GTMI del Banco Mundial por país, {year}",
            lang,
            year=view["year"],
        ),
        dataset="gtmi-comparison",
        full=[
            (
                FULL_GTMI,
                N_(
                    "todas las cifras del Índice de Madurez GovTech del Banco Mundial: índice, "
                    "subíndices y grupo (todas las encuestas; CC BY 4.0)"
                ),
            ),
            (
                FULL_GTMI_INDICATORS,
                N_(
                    "las respuestas a las 48 preguntas del GTMI del Banco Mundial (todas las "
                    "encuestas; CC BY 4.0)"
                ),
            ),
        ],
        definitions=[html.P(benchmarks.gtmi_groups(ref, lang), className="definition")],
        pairing=t(
            "Por qué comparar {measure} con {index}: {rationale}",
            lang,
            measure=measure_name,
            index=name,
            rationale=why,
        )
        if why
        else None,
        absent=t(
            "Sin equivalente en el GTMI para {measure}. {rationale} Los índices del GTMI que se "
            "pueden elegir aquí son solo una referencia general: no se señalan divergencias.",
            lang,
            measure=measure_name,
            rationale=absent,
        )
        if absent
        else None,
        compared=benchmarks.gtmi_counterpart(measure, ref),
    )


def layout(db: Snapshot, search: str, lang: str) -> list:
    view, choices = _view(db, params(search), lang)
    dims = choices["dims"]
    bench = _un(db, view, dims, lang) if view["source"] == "un" else _gtmi(view, dims, lang)
    controls = [
        filters.control(
            "source",
            t("Referencia", lang),
            filters.options((s, t(benchmarks.SOURCE_NAMES[s], lang)) for s in benchmarks.SOURCES),
            view["source"],
            lang,
            wide=True,
        ),
        filters.year_control(choices["years"], view["year"], lang),
        filters.control(
            "measure",
            t("Puntaje GEALC", lang),
            filters.options(
                (m, _measure_name(m, dims, lang)) for m in [COMPOSITE_ID, *dims["dimension_id"]]
            ),
            view["measure"],
            lang,
        ),
        bench.control,
        filters.subregion_control(choices["subs"], view["subregion"], lang),
        filters.level_control(view["level"], lang),
    ]
    head = [
        html.H1(t("Referencias externas", lang)),
        html.P(
            t(
                "El puntaje GEALC de cada país frente a una evaluación independiente, de la "
                "encuesta más cercana al año de los datos: la Encuesta de Gobierno Electrónico de "
                "la ONU o el Índice de Madurez GovTech (GTMI) del Banco Mundial. Cuánto "
                "coinciden, y qué países se apartan de la tendencia para que la secretaría lo "
                "revise.",
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
            no_scores_notice(lang),
        ]
    frame, fit = _pairs(db, view, lang)
    if frame.empty:
        return [
            *head,
            no_members_notice(lang),
        ]
    measure = _measure_name(view["measure"], dims, lang)
    demo = queries.demo_in(db, view["year"])
    shown = _table(
        frame, dict(zip(choices["subs"]["subregion"], choices["subs"]["name"], strict=True)), lang
    )
    keys = ("source", "year", "measure", KEYS[view["source"]], "subregion", "level")
    query = {k: view[k] for k in keys} | {"lang": lang}
    return [
        *head,
        *demo_notice(demo, lang, DEMO_NOTICE if view["source"] == "un" else GTMI_DEMO_NOTICE),
        *([notice(bench.absent, "info")] if bench.absent else []),
        *([html.P(bench.pairing, id="un-pairing")] if bench.pairing else []),
        chart(
            "un-scatter",
            t(
                "{measure} frente a {index}, {year}",
                lang,
                measure=measure,
                index=bench.name,
                year=view["year"],
            ),
            figures.scatter(frame, lang, wrap(bench.axis, 40), wrap(measure, 30), fit),
            lang,
            table(
                shown,
                _columns(lang, bench.columns),
                bench.caption,
                numeric={"survey_year", "benchmark", "egdi_rank", "score", "gealc_rank"},
            ),
            downloads=[
                (bench.dataset, query, t("lo que se muestra", lang)),
                (FULL_SCORES, {"lang": lang}, t("todos los puntajes (todos los años)", lang)),
                *((name, {"lang": lang}, t(label, lang)) for name, label in bench.full),
            ],
            lead=benchmarks.sentence(
                frame, fit, measure, bench.name, lang, compared=bench.compared
            ),
            sources=[*bench.definitions, _sources(view["source"], demo, lang)],
        ),
    ]


def _sources(source: str, demo: bool, lang: str) -> str:
    suffix = t(" (datos de demostración)", lang) if demo else ""
    if source == "un":
        return t(
            "Fuentes: Naciones Unidas, DAES, Encuesta de Gobierno Electrónico (encuesta más "
            "cercana al año de los datos); puntajes GEALC de los envíos de los países "
            "miembros{demo}. Una divergencia es una señal para revisar, no un veredicto.",
            lang,
            demo=suffix,
        )
    citation = benchmarks.gtmi_citation(gtmi.reference(), lang)
    return t(
        "Fuentes: {citation} (la encuesta más cercana al año de los datos; las preguntas, de la "
        "encuesta 2022); puntajes GEALC de los envíos de los países miembros{demo}. Una "
        "divergencia es una señal para revisar, no un veredicto.",
        lang,
        citation=citation,
        demo=suffix,
    )


def _columns(lang: str, benchmark: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [
        ("country", t("País", lang)),
        ("subregion_name", t("Subregión", lang)),
        *benchmark,
        ("score", t("Puntaje", lang)),
        ("gealc_rank", t("Posición GEALC (rango)", lang)),
        ("divergence", t("Divergencia señalada", lang)),
    ]


def _table(frame: pd.DataFrame, subregions: dict[str, str], lang: str) -> pd.DataFrame:
    out = benchmarks.shown(frame, lang)
    out["country"] = [
        country_link(c, n, lang) for c, n in zip(frame["iso3"], frame["name"], strict=True)
    ]
    out["subregion_name"] = frame["subregion"].map(subregions)
    return out


def _download(db: Snapshot, args: dict[str, str], lang: str, source: str) -> Headed:
    """The pairs of the view in `args` read against `source`, numbers as numbers, the benchmark's
    column headed by what it holds (the UN index; the GTMI composite, or the matched questions
    with their ids)."""
    view, _ = _view(db, args | {"source": source}, lang)
    filters.downloadable(view.problems, view["year"])
    frame, _ = _pairs(db, view, lang)
    heading = (
        t(benchmarks.INDEX_NAMES[view["index"]], lang)
        if source == "un"
        else benchmarks.gtmi_label(view["measure"], view["gtmi"], gtmi.reference(), lang)
    )
    return Headed(frame, {"benchmark": heading.replace("\u2011", "-")})


@dataset("un-comparison")
def _un_download(db: Snapshot, args: dict[str, str], lang: str) -> Headed:
    return _download(db, args, lang, "un")


@dataset("gtmi-comparison")
def _gtmi_download(db: Snapshot, args: dict[str, str], lang: str) -> Headed:
    return _download(db, args, lang, "gtmi")
