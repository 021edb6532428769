"""The chart of each "GEALC en números" headline, from its table: the same figure builders as
every page (app.figures), chosen by the headline's kind."""

from __future__ import annotations

import plotly.graph_objects as go

from app import figures
from app.pages.home.headlines import Headline, gtmi_group_counts
from locales.formats import fmt_number
from locales.messages import t


def headline(item: Headline, lang: str) -> go.Figure:
    """The chart of a "GEALC en números" headline , from its table."""
    table, cols = item.table, item.columns
    if item.key in ("reporting", "un"):
        x = "year" if item.key == "reporting" else "survey_year"
        series = [
            c for c in ("countries", "complete", "assessed", "very_high") if c in table.columns
        ]
        return figures.year_bars(
            table, x, [(c, cols[c]) for c in series], lang, highlight=item.highlight
        )
    if item.key == "gtmi":
        counts = gtmi_group_counts(item, lang)
        shown = [(c, cols[c]) for c in ("group_before", "group_now") if c in counts.columns]
        return figures.year_bars(counts, "group", shown, lang)
    if item.key == "medians":
        return figures.hbars(
            table["name"].tolist(), table["median"].tolist(), lang, t("Puntaje (0–100)", lang)
        )
    if item.key == "improved":
        return figures.hbars(
            table["name"].tolist(), table["change"].tolist(), lang, cols["change"], x_range=None
        )
    return figures.hbars(
        table["name"].tolist(),
        table["score"].tolist(),
        lang,
        t("Puntaje (0–100)", lang),
        text=[
            f"{c} ({fmt_number(v, lang, 1)})" if c else ""
            for c, v in zip(table["countries"], table["score"], strict=True)
        ],
    )
