"""Checking a submission's rows against the catalogue and the member list, and typing them."""
from __future__ import annotations

import math

import pandas as pd

from etl.errors import FileProblem
from indicators.catalogue import Catalogue
from indicators.countries import Members


def _number(file: str, row: int, column: str, text: str) -> float | None:
    if text == "":
        return None
    try:
        value = float(text)
    except ValueError:
        raise FileProblem(file, row, column, f"'{text}' is not a number", "write a plain number such as 12.5") from None
    if not math.isfinite(value):
        raise FileProblem(file, row, column, f"'{text}' is not a finite number", "write a plain number such as 12.5")
    return value


def typed_observations(file: str, rows: pd.DataFrame, catalogue: Catalogue, members: Members) -> pd.DataFrame:
    """The rows as observations (iso3, year, indicator_id, value, …); the first problem raises FileProblem."""
    out = []
    seen: dict[tuple[str, int, str], int] = {}
    for rec in rows.to_dict("records"):
        row = rec["row_number"]
        iso3 = rec["country"].upper()
        if iso3 not in members.by_iso3:
            raise FileProblem(file, row, "country", f"'{rec['country']}' is not a member country's ISO3 code", "use a code such as URY or BRA")
        try:
            year = int(rec["year"])
        except ValueError:
            raise FileProblem(file, row, "year", f"'{rec['year']}' is not a year", "write the reference year, such as 2024") from None
        ind = catalogue.indicator_by_id.get(rec["indicator"].upper())
        if ind is None:
            raise FileProblem(file, row, "indicator", f"'{rec['indicator']}' is not in the catalogue", f"use one of {', '.join(catalogue.indicator_ids)}")
        value = _number(file, row, "value", rec["value"])
        numerator = _number(file, row, "numerator", rec["numerator"])
        denominator = _number(file, row, "denominator", rec["denominator"])
        if value is None and ind.is_ratio and numerator is not None and denominator:
            value = numerator / denominator * (ind.multiplier or 1)
        if value is None:
            raise FileProblem(file, row, "value", "no value", "give the value, or numerator and denominator")
        key = (iso3, year, ind.id)
        if key in seen:
            raise FileProblem(file, row, "indicator", f"{ind.id} for {iso3} {year} is already on row {seen[key]}", "keep one row per country, year and indicator")
        seen[key] = row
        out.append({"row_number": row, "iso3": iso3, "year": year, "indicator_id": ind.id, "value": value,
                    "numerator": numerator, "denominator": denominator,
                    "source": rec["source"] or None, "note": rec["note"] or None})
    return pd.DataFrame(out)
