"""Validation rules for a submission: pure functions from the read table (and, for warnings,
the country's earlier accepted values) to typed observations and findings. Nothing is written."""

from __future__ import annotations

import difflib
import math
import statistics
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from etl.submission.characters import odd_characters, visible
from etl.submission.columns import SUBMISSION_COLUMNS
from etl.submission.findings import Finding, error, warning
from etl.submission.numbers import (
    AmbiguousNumber,
    currency_of,
    looks_like_date,
    parse_number,
    read_as_decimal,
    read_as_thousands,
)
from etl.submission.read import ROW_COLUMNS, SubmissionTable
from indicators.catalogue import Catalogue, Indicator
from indicators.countries import Members

FIRST_YEAR = 2000
OBSERVATION_COLUMNS = [
    "row_number",
    "iso3",
    "year",
    "indicator_id",
    "value",
    "numerator",
    "denominator",
    "source",
    "note",
]
# A row a country left without a value and explained in its note: "not reported, because …".
UNREPORTED_COLUMNS = ["row_number", "iso3", "year", "indicator_id", "note"]
ROBUST_Z_LIMIT = 3.5
MIN_PEERS_FOR_OUTLIER = 5


@dataclass(frozen=True)
class Checked:
    """Typed rows that passed every blocking rule, and every finding. Only an accepted file's
    rows may be loaded; a rejected file's still tell which country-years it was about."""

    rows: list[tuple]  # one per observation, as OBSERVATION_COLUMNS
    findings: list[Finding]
    unreported: list[tuple] = field(default_factory=list)  # as UNREPORTED_COLUMNS

    @property
    def accepted(self) -> bool:
        return not any(f.blocking for f in self.findings)

    @property
    def observations(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=OBSERVATION_COLUMNS)


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word.upper(), choices, n=1, cutoff=0.5)
    return close[0] if close else ""


CODE_COLUMNS = ("country", "year", "indicator", "value", "numerator", "denominator")


def _odd_cells(t: SubmissionTable, rec: dict, out: list[Finding]) -> set[str]:
    """An error for each cell with characters nobody can see or tell apart (a NUL byte, a
    zero-width space, a Cyrillic letter in a code); the columns they are in."""
    odd = set()
    for column in SUBMISSION_COLUMNS:
        chars = odd_characters(rec[column], code=column in CODE_COLUMNS)
        if chars:
            odd.add(column)
            out.append(
                error(
                    "odd_characters",
                    t.file,
                    int(rec["row_number"]),
                    column,
                    value=visible(rec[column]),
                    characters=", ".join(chars),
                )
            )
    return odd


def _empty(t: SubmissionTable, row: int, column: str, text: str, out: list[Finding]) -> bool:
    """An error for an empty cell that must be filled (a merged cell leaves all but one empty)."""
    if text.strip():
        return False
    out.append(error("empty_cell", t.file, row, column))
    return True


def _country(
    t: SubmissionTable, row: int, text: str, members: Members, out: list[Finding]
) -> str | None:
    iso3 = text.strip().upper()
    if iso3 in members.by_iso3:
        return iso3
    if _empty(t, row, "country", text, out):
        return None
    by_name = {
        c.name.get(lang).upper(): c.iso3
        for c in members.countries
        for lang in ("es", "en", "pt", "fr")
    }
    guess = (
        by_name.get(iso3)
        or _suggest(iso3, members.iso3_codes)
        or by_name.get(_suggest(iso3, list(by_name)), "")
    )
    out.append(error("unknown_country", t.file, row, "country", value=text, suggestion=guess))
    return None


def _year(t: SubmissionTable, row: int, text: str, out: list[Finding]) -> int | None:
    last = date.today().year
    if _empty(t, row, "year", text, out):
        return None
    if looks_like_date(text):
        out.append(error("date_cell", t.file, row, "year", value=text))
        return None
    try:
        value = None if "%" in text else parse_number(text, decimal_comma=False)
    except ValueError:
        value = None
    if value is None or value != int(value) or not FIRST_YEAR <= value <= last:
        out.append(error("bad_year", t.file, row, "year", value=text, first=FIRST_YEAR, last=last))
        return None
    return int(value)


def _number(
    t: SubmissionTable,
    row: int,
    column: str,
    text: str,
    out: list[Finding],
    *,
    percent: bool = False,
) -> tuple[float | None, bool]:
    """The number in a cell as the person wrote it, and whether it could be read. A `%` sign is
    read only where the indicator is a percentage; a date, a currency or a number that reads two
    ways is an error that says so."""
    problem = None
    if "%" in text and not percent:
        problem = error("percent_sign", t.file, row, column, value=text)
    elif looks_like_date(text):
        problem = error("date_cell", t.file, row, column, value=text)
    elif currency := currency_of(text):
        problem = error("currency_cell", t.file, row, column, value=text, currency=currency)
    if problem is not None:
        out.append(problem)
        return None, False
    try:
        number = parse_number(text, t.decimal_comma)
    except AmbiguousNumber:
        out.append(error("ambiguous_number", t.file, row, column, value=text))
        return None, False
    except ValueError:
        out.append(error("not_a_number", t.file, row, column, value=text))
        return None, False
    if number is not None and read_as_thousands(text, t.decimal_comma):
        out.append(warning("read_as_thousands", t.file, row, column, value=text, number=number))
    elif number is not None and t.format == "csv" and read_as_decimal(text, t.decimal_comma):
        out.append(warning("read_as_decimal", t.file, row, column, value=text, number=number))
    return number, True


def _value(
    t: SubmissionTable, row: int, ind: Indicator, rec: dict, out: list[Finding]
) -> tuple[float | None, float | None, float | None]:
    value, ok_v = _number(t, row, "value", rec["value"], out, percent=ind.unit == "percent")
    numerator, ok_n = _number(t, row, "numerator", rec["numerator"], out)
    denominator, ok_d = _number(t, row, "denominator", rec["denominator"], out)
    if not (ok_v and ok_n and ok_d):
        return None, None, None
    computed = None
    if numerator is not None or denominator is not None:
        if not ind.is_ratio:
            out.append(error("count_has_no_ratio", t.file, row, "denominator", indicator=ind.id))
            return None, None, None
        if numerator is None or denominator is None:
            if value is None:
                out.append(
                    error(
                        "half_ratio",
                        t.file,
                        row,
                        "numerator" if numerator is None else "denominator",
                    )
                )
                return None, None, None
        elif denominator == 0:
            out.append(error("zero_denominator", t.file, row, "denominator"))
            return None, None, None
        elif ind.unit == "percent" and numerator > denominator:
            out.append(
                error(
                    "numerator_above_denominator",
                    t.file,
                    row,
                    "numerator",
                    numerator=rec["numerator"],
                    denominator=rec["denominator"],
                )
            )
            return None, None, None
        else:
            computed = numerator / denominator * (ind.multiplier or 1)
            if not math.isfinite(computed):
                out.append(
                    error(
                        "not_finite",
                        t.file,
                        row,
                        "numerator",
                        numerator=rec["numerator"],
                        denominator=rec["denominator"],
                    )
                )
                return None, None, None
    if (
        value is not None
        and computed is not None
        and abs(value - computed) > max(0.005 * abs(computed), 0.01)
    ):
        out.append(
            error(
                "value_mismatch",
                t.file,
                row,
                "value",
                value=rec["value"],
                computed=round(computed, 4),
            )
        )
        return None, None, None
    final = value if value is not None else computed
    if not ind.valid_range.min <= final <= ind.valid_range.max:
        out.append(
            error(
                "out_of_range",
                t.file,
                row,
                "value",
                value=round(final, 6),
                indicator=ind.id,
                min=ind.valid_range.min,
                max=ind.valid_range.max,
            )
        )
        return None, None, None
    return final, numerator, denominator


def check_rows(table: SubmissionTable, catalogue: Catalogue, members: Members) -> Checked:
    """Every blocking rule on every row."""
    findings: list[Finding] = [
        warning("ignored_column", table.file, 1, name) for name in table.ignored_columns
    ]
    observations, unreported = [], []
    seen: dict[tuple[str, int, str], int] = {}
    for rec in (dict(zip(ROW_COLUMNS, record, strict=True)) for record in table.records):
        if _odd_cells(table, rec, findings):
            continue
        has_value = bool(rec["value"] or rec["numerator"] or rec["denominator"])
        if not has_value and not rec["note"].strip():
            continue  # a template row left empty: not reported (see missing_indicators)
        row = int(rec["row_number"])
        iso3 = _country(table, row, rec["country"], members, findings)
        year = _year(table, row, rec["year"], findings)
        ind = catalogue.indicator_by_id.get(rec["indicator"].strip().upper())
        if ind is None and _empty(table, row, "indicator", rec["indicator"], findings):
            continue
        if ind is None:
            findings.append(
                error(
                    "unknown_indicator",
                    table.file,
                    row,
                    "indicator",
                    value=rec["indicator"],
                    suggestion=_suggest(rec["indicator"], catalogue.indicator_ids),
                )
            )
            continue
        if not has_value:  # not reported, and the note says why: kept, never thrown away
            if (
                iso3 is not None
                and year is not None
                and _first(table, seen, (iso3, year, ind.id), row, findings)
            ):
                unreported.append((row, iso3, year, ind.id, rec["note"].strip()))
            continue
        value, numerator, denominator = _value(table, row, ind, rec, findings)
        if iso3 is None or year is None or value is None:
            continue
        if not _first(table, seen, (iso3, year, ind.id), row, findings):
            continue
        observations.append(
            (
                row,
                iso3,
                year,
                ind.id,
                value,
                numerator,
                denominator,
                rec["source"] or None,
                rec["note"] or None,
            )
        )
    if not observations and not unreported and not any(f.blocking for f in findings):
        findings.append(error("no_rows", table.file, 2, "value"))
    findings += missing_indicators(table.file, observations + unreported, catalogue)
    return Checked(observations, findings, unreported)


def _first(
    t: SubmissionTable, seen: dict[tuple[str, int, str], int], key: tuple, row: int, out: list
) -> bool:
    """Whether `row` is the first for its country, year and indicator (else an error)."""
    if key in seen:
        iso3, year, indicator = key
        out.append(
            error(
                "duplicate_row",
                t.file,
                row,
                "indicator",
                indicator=indicator,
                country=iso3,
                year=year,
                first_row=seen[key],
            )
        )
        return False
    seen[key] = row
    return True


def missing_indicators(file: str, rows: list[tuple], catalogue: Catalogue) -> list[Finding]:
    """A warning per country-year that leaves catalogue indicators out, neither reported nor
    explained in a note (`rows` as OBSERVATION_COLUMNS or UNREPORTED_COLUMNS)."""
    reported: dict[tuple[str, int], set[str]] = {}
    for _, iso3, year, indicator, *_ in rows:
        reported.setdefault((iso3, year), set()).add(indicator)
    out = []
    for (iso3, year), ids in sorted(reported.items()):
        absent = [i for i in catalogue.indicator_ids if i not in ids]
        if absent:
            out.append(
                warning(
                    "missing_indicators",
                    file,
                    None,
                    None,
                    country=iso3,
                    year=year,
                    indicators=", ".join(absent),
                )
            )
    return out


# What a file is compared with: year → country → indicator → current accepted value.
Known = dict[int, dict[str, dict[str, float]]]


def known_values(current: pd.DataFrame) -> Known:
    """`current` (iso3, year, indicator_id, value) arranged for `compare_with_history`."""
    known: Known = {}
    for iso3, year, indicator, value in current[
        ["iso3", "year", "indicator_id", "value"]
    ].itertuples(index=False, name=None):
        known.setdefault(int(year), {}).setdefault(iso3, {})[indicator] = float(value)
    return known


def compare_with_history(
    file: str, rows: list[tuple], known: Known, catalogue: Catalogue
) -> list[Finding]:
    """Warnings for a file's `rows` (as OBSERVATION_COLUMNS) against what is already accepted
    (`known`, which must hold every year of the file and the year before each): implausible jumps
    from the previous year, regional outliers, a copy of last year's file. Outliers compare a value
    with the other countries' values of the same indicator and year: their median, and their
    robust spread (MAD × 1.4826)."""
    limits = {i.id: i.plausible_change for i in catalogue.indicators}
    jumps, outliers, pairs = [], [], {}
    for row, iso3, year, indicator, value, *_ in rows:
        previous = known.get(year - 1, {}).get(iso3, {}).get(indicator)
        if previous is not None and abs(value - previous) > limits[indicator]:
            jumps.append(
                warning(
                    "implausible_change",
                    file,
                    int(row),
                    "value",
                    indicator=indicator,
                    previous=round(previous, 4),
                    previous_year=year - 1,
                    value=round(value, 4),
                    limit=limits[indicator],
                )
            )
        peers = [
            values[indicator]
            for country, values in known.get(year, {}).items()
            if country != iso3 and indicator in values
        ]
        if len(peers) >= MIN_PEERS_FOR_OUTLIER:
            median = statistics.median(peers)
            mad = statistics.median([abs(p - median) for p in peers]) * 1.4826
            if mad > 0 and abs(value - median) / mad > ROBUST_Z_LIMIT:
                outliers.append(
                    warning(
                        "outlier",
                        file,
                        int(row),
                        "value",
                        indicator=indicator,
                        value=round(value, 4),
                        median=round(median, 4),
                    )
                )
        pairs.setdefault((iso3, int(year)), []).append((value, previous))
    copies = [
        warning("copied_values", file, None, None, country=iso3, year=year)
        for (iso3, year), both in sorted(pairs.items())
        if len(both) >= 3
        and all(previous is not None and value == previous for value, previous in both)
    ]
    return jumps + outliers + copies
