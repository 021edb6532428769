"""The data page's catalogue and methodology as a reader goes through them, on a laptop or a phone:
the indicators grouped by dimension, each a line (code, name, unit) that opens on its definition,
unit, formula, valid range, goalposts, scale and weight; the methodology text with each numbered
section opened on demand. Plain functions of the catalogue frame (app.queries.catalogue) and the
methodology Markdown, testable without a server; the downloads keep the full catalogue as a table.
"""

from __future__ import annotations

import math
import re

import pandas as pd
from dash import dcc, html

from app.urls import with_params
from locales.formats import fmt_number, fmt_value
from locales.messages import N_, t


def _given(value: object) -> bool:
    """Whether a catalogue cell holds something: a count has no denominator and no multiplier,
    which the warehouse gives as NULL (None, or NaN once in a float column) or an empty text."""
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return not (isinstance(value, str) and not value.strip())


def formula(row: pd.Series | dict, lang: str) -> str:
    """How the value is computed, in the language's words: `numerator ÷ denominator × 100` for a
    ratio (no `× 1`); a count (no denominator) is what its numerator counts, nothing more."""
    if not _given(row["denominator"]):
        return str(row["numerator"])
    multiplier = row["multiplier"]
    times = (
        f" × {fmt_number(multiplier, lang, 0)}"
        if _given(multiplier) and float(multiplier) != 1
        else ""
    )
    return f"{row['numerator']} ÷ {row['denominator']}{times}"


def span(low: float, high: float, lang: str) -> str:
    """A range with each end's own decimals (`0 – 100`, `0,01 – 50`)."""
    return f"{fmt_value(low, lang)} – {fmt_value(high, lang)}"


def catalogue_table(cat: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The catalogue as text, one row per indicator: formula in words, range and goalposts,
    scale and weight."""
    return pd.DataFrame(
        {
            "id": cat["indicator_id"],
            "dimension": cat["dimension_id"] + " " + cat["dimension"],
            "name": cat["name"],
            "definition": cat["definition"],
            "unit": cat["unit"],
            "formula": [formula(row, lang) for _, row in cat.iterrows()],
            "range": [
                span(a, b, lang) for a, b in zip(cat["min_value"], cat["max_value"], strict=True)
            ],
            "goalposts": [
                span(a, b, lang) for a, b in zip(cat["goal_lower"], cat["goal_target"], strict=True)
            ],
            "scale": [t("logarítmica" if v else N_("lineal"), lang) for v in cat["log_transform"]],
            "weight": [fmt_number(w, lang, 1) for w in cat["weight"]],
        },
        index=cat.index,
    )


def facts(lang: str) -> list[tuple[str, str]]:
    """What an indicator's entry tells, in order: (column of catalogue_table, its term)."""
    return [
        ("definition", t("Definición", lang)),
        ("unit", t("Unidad", lang)),
        ("formula", t("Fórmula", lang)),
        ("range", t("Rango válido", lang)),
        ("goalposts", t("Umbrales (0 → 100)", lang)),
        ("scale", t("Escala", lang)),
        ("weight", t("Peso", lang)),
    ]


def entry(row: pd.Series, lang: str, keep: str) -> html.Details:
    """One indicator: its code, name and unit in sight; the rest opened on demand, with a link
    to its own page. `keep` is the query every link keeps (language, release)."""
    code = row["id"]
    return html.Details(
        [
            html.Summary(
                [
                    html.Span(code, className="indicator-code"),
                    " ",
                    html.Span(row["name"], className="indicator-name"),
                    " ",
                    html.Span(f"({row['unit']})", className="indicator-unit"),
                ]
            ),
            html.Dl(
                [part for key, term in facts(lang) for part in (html.Dt(term), html.Dd(row[key]))],
                className="indicator-facts",
            ),
            html.P(
                html.A(
                    t(
                        "Página del indicador {code}: valores, mapa y quién lo reportó",
                        lang,
                        code=code,
                    ),
                    href=f"/indicator/{code}{with_params(keep)}",
                ),
                className="indicator-more",
            ),
        ],
        id=f"indicator-{code}",
        className="indicator-entry",
    )


def catalogue_entries(cat: pd.DataFrame, lang: str, keep: str) -> list:
    """The catalogue as the page shows it: a heading for each dimension, then its indicators'
    entries."""
    shown = catalogue_table(cat, lang)
    parts: list = []
    for dimension, rows in shown.groupby("dimension", sort=False):
        parts.append(html.H3(dimension, className="catalogue-dimension"))
        parts.append(html.Div([entry(row, lang, keep) for _, row in rows.iterrows()]))
    return parts


SECTION = re.compile(r"^## (.+)$", re.MULTILINE)


def methodology_sections(text: str) -> tuple[str, str, list[tuple[str, str]]]:
    """The methodology Markdown cut up: its title (the `#` heading), what comes before the first
    numbered section, and each `##` section as (heading, body). A body's `###` subsections stay
    `###`: under the page's h2 (the title) they are h3."""
    found = list(SECTION.finditer(text))
    head = text[: found[0].start()] if found else text
    title_line = re.search(r"^# (.+)$", head, re.MULTILINE)
    title = title_line.group(1).strip() if title_line else ""
    intro = re.sub(r"^# .+$", "", head, count=1, flags=re.MULTILINE).strip()
    sections = [
        (
            match.group(1).strip(),
            text[match.end() : found[n + 1].start() if n + 1 < len(found) else len(text)].strip(),
        )
        for n, match in enumerate(found)
    ]
    return title, intro, sections


def methodology(text: str) -> list:
    """The methodology as the page shows it: its title as the section's h2, the introduction,
    then each numbered section as a line that opens on its text."""
    title, intro, sections = methodology_sections(text)
    return [
        html.H2(title, id="methodology-title"),
        dcc.Markdown(intro, link_target="_self"),
        *[
            html.Details(
                [html.Summary(heading), _text(heading, body)],
                className="methodology-section",
            )
            for heading, body in sections
        ],
    ]


def _text(heading: str, body: str) -> dcc.Markdown | html.Div:
    """A section's Markdown; one with a table sits in a box that scrolls sideways on a phone and
    takes the keyboard's focus to do so (WCAG 2.1.1), named after the section."""
    shown = dcc.Markdown(body, link_target="_self")
    if not re.search(r"^\|", body, re.MULTILINE):
        return shown
    return html.Div(
        shown, className="methodology-box", tabIndex="0", role="region", **{"aria-label": heading}
    )
