"""UN comparison (`/un?year=2024&measure=D1&index=OSI&subregion=caribbean&level=high`): a GEALC
score against a UN E-Government Survey index, with Spearman ρ, the Theil–Sen line and the
divergences flagged under the false-discovery control, why the catalogue pairs a dimension with
its index, and the members' UN rank beside their GEALC rank."""

from __future__ import annotations

import pandas as pd
from dash import html

from app import figures, filters, queries, uncompare
from app.components import chart, country_link, fallback_notices, notice, table
from app.datasets import FULL_SCORES, FULL_UN
from app.downloads import dataset
from app.figures import wrap
from app.i18n import t
from app.release import Snapshot
from app.urls import params
from indicators.scoring import COMPOSITE_ID

PATH = "/un"


def _view(db: Snapshot, query: dict[str, str], lang: str) -> tuple[filters.View, dict]:
    years = queries.score_years(db)
    dims = queries.dimension_names(db, lang)
    subs = queries.subregion_names(db, lang)
    measures = [COMPOSITE_ID, *dims["dimension_id"]]
    view = filters.read(
        query,
        [
            filters.Choice("year", years, years[0] if years else None, int),
            filters.Choice("measure", measures, COMPOSITE_ID, str.upper),
            filters.Choice("index", uncompare.UN_INDICES, None, str.upper),
            filters.Choice("subregion", subs["subregion"], None, str.lower),
            filters.Choice("level", filters.LEVELS, None, str.lower),
        ],
    )
    view.values["index"] = view["index"] or uncompare.default_index(view["measure"], dims)
    return view, {"years": years, "dims": dims, "subs": subs}


def _pairs(db: Snapshot, view: filters.View, lang: str) -> tuple[pd.DataFrame, dict | None]:
    scores, egov = queries.scores_in(db, view["year"]), queries.egov_all(db)
    kept = filters.selected(
        queries.member_names(db, lang),
        uncompare.levels(egov, view["year"]),
        view["subregion"],
        view["level"],
    )
    return uncompare.pairs(scores, egov, kept, view["year"], view["measure"], index=view["index"])


def _measure_name(measure: str, dims: pd.DataFrame, lang: str) -> str:
    names = dict(zip(dims["dimension_id"], dims["name"], strict=True))
    return t("composite", lang) if measure == COMPOSITE_ID else f"{measure} {names[measure]}"


def layout(db: Snapshot, search: str, lang: str) -> list:
    view, choices = _view(db, params(search), lang)
    dims = choices["dims"]
    controls = [
        filters.year_control(choices["years"], view["year"], lang),
        filters.control(
            "measure",
            t("gealc_measure", lang),
            filters.options(
                (m, _measure_name(m, dims, lang)) for m in [COMPOSITE_ID, *dims["dimension_id"]]
            ),
            view["measure"],
            lang,
        ),
        filters.control(
            "index",
            t("un_index_choice", lang),
            filters.options((i, t(f"index_{i}", lang)) for i in uncompare.UN_INDICES),
            view["index"],
            lang,
        ),
        filters.subregion_control(choices["subs"], view["subregion"], lang),
        filters.level_control(view["level"], lang),
    ]
    head = [
        html.H1(t("un_page", lang)),
        html.P(t("un_lead", lang), className="lead"),
        *fallback_notices(view.problems, lang),
        *filters.bar(controls, view.values),
    ]
    if view["year"] is None:
        return [*head, notice(t("no_reports_year", lang, year="—"))]
    frame, fit = _pairs(db, view, lang)
    if frame.empty:
        return [*head, notice(t("no_members_selected", lang))]
    measure, index = _measure_name(view["measure"], dims, lang), t(f"index_{view['index']}", lang)
    sentence = uncompare.sentence(frame, fit, measure, index, lang)
    why = uncompare.rationale(view["measure"], view["index"], dims, queries.un_rationales(db, lang))
    pairing = t("un_pairing", lang, measure=measure, index=index, rationale=why) if why else None
    demo = queries.demo_in(db, view["year"])
    shown = _table(
        frame, dict(zip(choices["subs"]["subregion"], choices["subs"]["name"], strict=True)), lang
    )
    query = {k: view[k] for k in ("year", "measure", "index", "subregion", "level")} | {
        "lang": lang
    }
    return [
        *head,
        *([notice(t("demo_notice", lang), "warning")] if demo else []),
        *([html.P(pairing, id="un-pairing")] if pairing else []),
        chart(
            "un-scatter",
            t("un_chart_title", lang, measure=measure, index=index, year=view["year"]),
            figures.scatter(frame, lang, view["index"], wrap(measure, 30), fit),
            lang,
            table(
                shown,
                _columns(lang, view["index"]),
                t("un_table", lang, year=view["year"]),
                numeric={"survey_year", "un_value", "egdi_rank", "score", "gealc_rank"},
            ),
            downloads=[
                ("un-comparison", query, t("download_shown", lang)),
                (FULL_SCORES, {"lang": lang}, t("download_full_scores", lang)),
                (FULL_UN, {"lang": lang}, t("download_full_un", lang)),
            ],
            lead=sentence,
        ),
        html.P(
            t("un_sources", lang, demo=t("demo_suffix", lang) if demo else ""), className="sources"
        ),
    ]


def _columns(lang: str, index: str) -> list[tuple[str, str]]:
    return [
        ("country", t("country", lang)),
        ("subregion_name", t("subregion", lang)),
        ("survey_year", t("un_survey", lang)),
        ("un_value", index),
        ("egdi_rank", t("rank", lang)),
        ("score", t("score", lang)),
        ("gealc_rank", t("gealc_rank", lang)),
        ("divergence", t("divergence", lang)),
    ]


def _table(frame: pd.DataFrame, subregions: dict[str, str], lang: str) -> pd.DataFrame:
    out = uncompare.shown(frame, lang)
    out["country"] = [
        country_link(c, n, lang) for c, n in zip(frame["iso3"], frame["name"], strict=True)
    ]
    out["subregion_name"] = frame["subregion"].map(subregions)
    return out


@dataset("un-comparison")
def _un_download(db: Snapshot, args: dict[str, str], lang: str) -> pd.DataFrame:
    view, _ = _view(db, args, lang)
    filters.downloadable(view.problems, view["year"])
    frame, _ = _pairs(db, view, lang)
    return frame.rename(columns={"un_value": view["index"], "name": t("country", lang)})
