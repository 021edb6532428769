"""Validation rules for a submission: pure functions from the read table (and, for warnings,
the country's earlier accepted values) to typed observations and findings. Nothing is written."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date

import pandas as pd

from etl.findings import Finding, error, warning
from etl.numbers import parse_number
from etl.read import SubmissionTable
from indicators.catalogue import Catalogue, Indicator
from indicators.countries import Members

FIRST_YEAR = 2000
OBSERVATION_COLUMNS = ["row_number", "iso3", "year", "indicator_id", "value", "numerator", "denominator", "source", "note"]
ROBUST_Z_LIMIT = 3.5
MIN_PEERS_FOR_OUTLIER = 5


@dataclass(frozen=True)
class Checked:
    """Typed rows that passed every blocking rule, and every finding."""

    observations: pd.DataFrame
    findings: list[Finding]

    @property
    def accepted(self) -> bool:
        return not any(f.blocking for f in self.findings)


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word.upper(), choices, n=1, cutoff=0.5)
    return close[0] if close else ""


def _country(t: SubmissionTable, row: int, text: str, members: Members, out: list[Finding]) -> str | None:
    iso3 = text.strip().upper()
    if iso3 in members.by_iso3:
        return iso3
    by_name = {c.name.get(lang).upper(): c.iso3 for c in members.countries for lang in ("es", "en", "pt", "fr")}
    guess = by_name.get(iso3) or _suggest(iso3, members.iso3_codes) or by_name.get(_suggest(iso3, list(by_name)), "")
    out.append(error("unknown_country", t.file, row, "country", value=text, suggestion=guess))
    return None


def _year(t: SubmissionTable, row: int, text: str, out: list[Finding]) -> int | None:
    last = date.today().year
    try:
        value = parse_number(text, decimal_comma=False)
    except ValueError:
        value = None
    if value is None or value != int(value) or not FIRST_YEAR <= value <= last:
        out.append(error("bad_year", t.file, row, "year", value=text, first=FIRST_YEAR, last=last))
        return None
    return int(value)


def _number(t: SubmissionTable, row: int, column: str, text: str, out: list[Finding]) -> tuple[float | None, bool]:
    try:
        return parse_number(text, t.decimal_comma), True
    except ValueError:
        out.append(error("not_a_number", t.file, row, column, value=text))
        return None, False


def _value(t: SubmissionTable, row: int, ind: Indicator, rec: dict, out: list[Finding]) -> tuple[float | None, float | None, float | None]:
    value, ok_v = _number(t, row, "value", rec["value"], out)
    numerator, ok_n = _number(t, row, "numerator", rec["numerator"], out)
    denominator, ok_d = _number(t, row, "denominator", rec["denominator"], out)
    if not (ok_v and ok_n and ok_d):
        return None, None, None
    computed = None
    if denominator is not None or (numerator is not None and ind.is_ratio):
        if not ind.is_ratio:
            out.append(error("count_has_no_ratio", t.file, row, "denominator", indicator=ind.id))
            return None, None, None
        if numerator is None or denominator is None:
            if value is None:
                out.append(error("half_ratio", t.file, row, "numerator" if numerator is None else "denominator"))
                return None, None, None
        elif denominator == 0:
            out.append(error("zero_denominator", t.file, row, "denominator"))
            return None, None, None
        elif ind.unit == "percent" and numerator > denominator:
            out.append(error("numerator_above_denominator", t.file, row, "numerator", numerator=rec["numerator"], denominator=rec["denominator"]))
            return None, None, None
        else:
            computed = numerator / denominator * (ind.multiplier or 1)
    if value is None and computed is None:
        out.append(error("no_value", t.file, row, "value"))
        return None, None, None
    if value is not None and computed is not None and abs(value - computed) > max(0.005 * abs(computed), 0.01):
        out.append(error("value_mismatch", t.file, row, "value", value=rec["value"], computed=round(computed, 4)))
        return None, None, None
    final = value if value is not None else computed
    if not ind.valid_range.min <= final <= ind.valid_range.max:
        out.append(error("out_of_range", t.file, row, "value", value=round(final, 6), indicator=ind.id,
                         min=ind.valid_range.min, max=ind.valid_range.max))
        return None, None, None
    return final, numerator, denominator


def check_rows(table: SubmissionTable, catalogue: Catalogue, members: Members) -> Checked:
    """Every blocking rule on every row; a file with any error yields no observations to load."""
    findings: list[Finding] = [warning("ignored_column", table.file, 1, name) for name in table.ignored_columns]
    observations = []
    seen: dict[tuple[str, int, str], int] = {}
    for rec in table.rows.to_dict("records"):
        row = int(rec["row_number"])
        iso3 = _country(table, row, rec["country"], members, findings)
        year = _year(table, row, rec["year"], findings)
        ind = catalogue.indicator_by_id.get(rec["indicator"].strip().upper())
        if ind is None:
            findings.append(error("unknown_indicator", table.file, row, "indicator", value=rec["indicator"],
                                  suggestion=_suggest(rec["indicator"], catalogue.indicator_ids)))
            continue
        value, numerator, denominator = _value(table, row, ind, rec, findings)
        if iso3 is None or year is None or value is None:
            continue
        key = (iso3, year, ind.id)
        if key in seen:
            findings.append(error("duplicate_row", table.file, row, "indicator", indicator=ind.id, country=iso3,
                                  year=year, first_row=seen[key]))
            continue
        seen[key] = row
        observations.append([row, iso3, year, ind.id, value, numerator, denominator,
                             rec["source"] or None, rec["note"] or None])
    if not table.rows.shape[0]:
        findings.append(error("no_rows", table.file, 2))
    frame = pd.DataFrame(observations, columns=OBSERVATION_COLUMNS)
    findings += missing_indicators(table.file, frame, catalogue)
    return Checked(frame if not any(f.blocking for f in findings) else frame.iloc[0:0], findings)


def missing_indicators(file: str, frame: pd.DataFrame, catalogue: Catalogue) -> list[Finding]:
    """A warning per country-year that leaves catalogue indicators out."""
    out = []
    for (iso3, year), group in frame.groupby(["iso3", "year"]):
        absent = [i for i in catalogue.indicator_ids if i not in set(group["indicator_id"])]
        if absent:
            out.append(warning("missing_indicators", file, None, None, country=iso3, year=int(year), indicators=", ".join(absent)))
    return out


def history_warnings(file: str, frame: pd.DataFrame, current: pd.DataFrame, catalogue: Catalogue) -> list[Finding]:
    """Warnings against what is already accepted (`current`: iso3, year, indicator_id, value):
    implausible jumps from the previous year, regional outliers, a copy of last year's file."""
    out: list[Finding] = []
    if frame.empty:
        return out
    previous = current.assign(year=current["year"] + 1).set_index(["iso3", "year", "indicator_id"])["value"]
    for rec in frame.itertuples():
        ind = catalogue.indicator_by_id[rec.indicator_id]
        before = previous.get((rec.iso3, rec.year, rec.indicator_id))
        if before is not None and abs(rec.value - before) > ind.plausible_change:
            out.append(warning("implausible_change", file, rec.row_number, "value", indicator=rec.indicator_id,
                               previous=round(float(before), 4), value=round(rec.value, 4), limit=ind.plausible_change))
        peers = current[(current["indicator_id"] == rec.indicator_id) & (current["year"] == rec.year) & (current["iso3"] != rec.iso3)]["value"]
        if len(peers) >= MIN_PEERS_FOR_OUTLIER:
            median = peers.median()
            mad = (peers - median).abs().median() * 1.4826
            if mad > 0 and abs(rec.value - median) / mad > ROBUST_Z_LIMIT:
                out.append(warning("outlier", file, rec.row_number, "value", indicator=rec.indicator_id,
                                   value=round(rec.value, 4), median=round(float(median), 4)))
    for (iso3, year), group in frame.groupby(["iso3", "year"]):
        last = previous.xs((iso3, year), level=("iso3", "year"), drop_level=True) if (iso3, year) in previous.index.droplevel(2) else None
        if last is not None and len(group) >= 3:
            mine = group.set_index("indicator_id")["value"]
            common = mine.index.intersection(last.index)
            if len(common) == len(mine) and (mine[common] == last[common]).all():
                out.append(warning("copied_values", file, None, None, country=iso3, year=int(year)))
    return out
