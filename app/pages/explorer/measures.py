"""Indicator explorer: one measure — an indicator's value, a dimension's score or the GEALC
composite — across members and years. Pure functions over query results."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from app import queries
from indicators.scoring import COMPOSITE_ID
from locales.messages import t


def measure(view_dimension: str | None, view_indicator: str | None) -> tuple[str, str]:
    """(level, id) of what is shown: the indicator when one is chosen, else the dimension, else the
    composite."""
    if view_indicator:
        return "indicator", view_indicator
    if view_dimension:
        return "dimension", view_dimension
    return "composite", COMPOSITE_ID


def series(level: str, key: str, scores: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """iso3, year, value, score of the measure, every year. An indicator's value is what the
    country reported (in the indicator's unit); a dimension's or the composite's is its score."""
    mine = scores[(scores["level"] == level) & (scores["id"] == key)][
        ["iso3", "year", *queries.SCORE_FIELD_NAMES]
    ]
    if level != "indicator":
        return mine.assign(value=mine["score"])
    reported = values[values["indicator_id"] == key][["iso3", "year", "value"]]
    return reported.merge(mine, on=["iso3", "year"], how="left")


def year_view(data: pd.DataFrame, members: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every member in view for one year, highest value first, members without data last (as
    missing, never 0). `members`: iso3, name, subregion."""
    now = data[data["year"] == year].drop(columns="year")
    out = members[["iso3", "name", "subregion"]].merge(now, on="iso3", how="left")
    return out.sort_values(
        ["value", "name"], ascending=[False, True], na_position="last"
    ).reset_index(drop=True)


def medians_over_years(
    data: pd.DataFrame, members: pd.DataFrame, subregions: pd.DataFrame
) -> pd.DataFrame:
    """Median of the measure per year: over all members in view ('all') and per subregion.
    `subregions`: subregion, name. One column per group, one row per year."""
    frame = data.merge(members[["iso3", "subregion"]], on="iso3").dropna(subset=["value"])
    if frame.empty:
        return pd.DataFrame(columns=["year", "all"])
    table = frame.groupby(["year", "subregion"])["value"].median().unstack()
    table = table.reindex(columns=[s for s in subregions["subregion"] if s in table.columns])
    table.insert(0, "all", frame.groupby("year")["value"].median())
    return table.reset_index()


LINES_MAX = 8  # countries drawn over time: more lines than colours a reader can tell apart
LINES_DEFAULT = 5  # drawn when none are chosen: the leaders of the year shown


def leaders(now: pd.DataFrame, n: int = LINES_DEFAULT) -> list[str]:
    """The `n` members with the highest value in the year shown (`now`, highest first): the lines
    drawn when the reader has chosen none."""
    return now.dropna(subset=["value"])["iso3"].head(n).tolist()


@dataclass(frozen=True)
class OverTime:
    """What the countries-over-time chart draws: one row per year, a column per chosen country
    and per reference median, and each column's label."""

    frame: pd.DataFrame
    countries: list[tuple[str, str]]
    references: list[tuple[str, str]]


def countries_over_years(
    data: pd.DataFrame,
    members: pd.DataFrame,
    chosen: list[str],
    subregions: pd.DataFrame,
    lang: str,
) -> OverTime:
    """The chosen countries' values every year (missing years stay missing), beside the median
    of all members and of each chosen country's subregion. `members`: every member's iso3, name,
    subregion."""
    wide = data.pivot_table(index="year", columns="iso3", values="value", aggfunc="first")
    medians = medians_over_years(data, members, subregions).set_index("year")
    years = sorted(set(data["year"]))
    names = members.set_index("iso3")["name"]
    frame = pd.DataFrame({"year": years}).set_index("year")
    for iso3 in chosen:
        frame[iso3] = wide[iso3] if iso3 in wide.columns else float("nan")
    sub_names = subregions.set_index("subregion")["name"]
    mine = members.set_index("iso3").loc[chosen, "subregion"].unique().tolist() if chosen else []
    references = [("all", t("Mediana regional", lang))] + [
        (s, t("Mediana ({subregion})", lang, subregion=sub_names[s]))
        for s in subregions["subregion"]
        if s in mine and s in medians.columns
    ]
    for column, _ in references:
        frame[column] = medians[column] if column in medians.columns else float("nan")
    return OverTime(
        frame.reset_index(),
        [(iso3, names[iso3]) for iso3 in chosen],
        references,
    )
