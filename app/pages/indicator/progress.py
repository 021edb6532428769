"""One indicator's view logic, pure over query results: how far each country is from the
catalogue's target (progress and gap), the region's median, who reported it each year, and the
sources and notes countries gave, grouped by their wording."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from indicators.scoring import indicator_score
from locales.formats import fmt_percent, fmt_value


@dataclass(frozen=True)
class Goalposts:
    """The catalogue's scoring goalposts: `lower` is 0 % of the way, `target` 100 %; on a log
    scale when the catalogue scores the indicator on one."""

    lower: float
    target: float
    log: bool = False

    @property
    def higher_is_better(self) -> bool:
        return self.target > self.lower


def goalposts(row: pd.Series) -> Goalposts:
    """The goalposts of one catalogue row (`queries.catalogue`)."""
    return Goalposts(
        float(row["goal_lower"]), float(row["goal_target"]), bool(row["log_transform"])
    )


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def progress(value: float | None, goals: Goalposts) -> float | None:
    """Share of the way (0–100 %) from the lower goalpost to the target, on the scale the
    catalogue scores on, capped at both ends: the indicator's own 0–100 score, read as progress.
    None when there is no value."""
    if _missing(value):
        return None
    return indicator_score(float(value), goals.lower, goals.target, goals.log)


def gap(value: float | None, goals: Goalposts) -> float | None:
    """How far the value is from the target, in the indicator's unit (0 once reached, whichever
    way is better). None when there is no value."""
    if _missing(value):
        return None
    short = goals.target - value if goals.higher_is_better else value - goals.target
    return max(0.0, float(short))


def progress_table(now: pd.DataFrame, goals: Goalposts) -> pd.DataFrame:
    """`now` (iso3, name, value; one row per member, value missing when not reported) with each
    country's progress, gap and whether it reached the target, most advanced first, members
    without a value last."""
    out = now[["iso3", "name", "value"]].copy()
    out["progress"] = [progress(v, goals) for v in out["value"]]
    out["gap"] = [gap(v, goals) for v in out["value"]]
    out["reached"] = [g == 0 if g is not None else None for g in out["gap"]]
    out = out.astype({"progress": float, "gap": float})
    return out.sort_values(
        ["progress", "value", "name"],
        ascending=[False, not goals.higher_is_better, True],
        na_position="last",
    ).reset_index(drop=True)


@dataclass(frozen=True)
class Region:
    """The region's standing for one year: how many reported, how many reached the target, the
    median value and the median progress (None when no one reported)."""

    reporting: int
    reached: int
    median_value: float | None
    median_progress: float | None


def region(table: pd.DataFrame) -> Region:
    """The region's medians over the countries that reported (`progress_table`'s rows)."""
    have = table.dropna(subset=["value"])
    if have.empty:
        return Region(0, 0, None, None)
    return Region(
        reporting=len(have),
        reached=int(have["reached"].astype(bool).sum()),
        median_value=float(have["value"].median()),
        median_progress=float(have["progress"].median()),
    )


def reporting_years(matrix: pd.DataFrame) -> pd.DataFrame:
    """year, reported (how many countries), of (members): from a countries × years matrix of 1
    (reported) and 0 (`coverage.reporting.yearly_counts` for this one indicator), newest first."""
    counts = matrix.clip(upper=1).sum(axis=0)
    return (
        pd.DataFrame({"year": counts.index.astype(int), "reported": counts.to_numpy(dtype=int)})
        .assign(of=len(matrix))
        .sort_values("year", ascending=False, ignore_index=True)
    )


def own_words(values: pd.DataFrame, column: str) -> pd.DataFrame:
    """Each distinct text countries gave in `column` ("source" or "note") with the countries that
    gave it, in the order of `values` (name, `column`): text, countries (list of names). Blank
    texts are left out; each text is kept exactly as written."""
    given = values[["name", column]].dropna()
    given = given[given[column].str.strip() != ""]
    if given.empty:
        return pd.DataFrame({"text": [], "countries": []})
    grouped = given.groupby(column, sort=False)["name"].agg(
        lambda names: list(dict.fromkeys(names))
    )
    return pd.DataFrame({"text": grouped.index, "countries": grouped.to_list()})


def in_unit(value: float | None, unit_code: str, unit: str, lang: str) -> str:
    """A value with its unit for a sentence: `71,9 %`, `12,5 por 1.000 habitantes`, and a count
    bare (`442`, not `442 número`)."""
    if unit_code == "percent" and not _missing(value):
        return fmt_percent(value / 100, lang, 1 if value % 1 else 0)
    shown = fmt_value(value, lang)
    return shown if unit_code == "count" or _missing(value) else f"{shown} {unit}"
