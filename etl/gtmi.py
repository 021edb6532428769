"""Reading the World Bank GovTech Maturity Index files (GTMI; surveys 2020, 2022, 2025): the
composites (GTMI, CGSI, PSDI, DCEI, GTEI and the maturity group) and the 48 indicators of a survey.

The files come as the World Bank publishes them: every economy, the World Bank's codes (legacy
ones such as ADO, KSV, ROM, TMP, WBG, ZAR included), quoted names with commas, spreadsheet float
noise (0.27700000000000002 is read as 0.277), '-' or an empty cell for a figure not assessed
(I-26 is empty for every economy in 2022), and statistical summary rows the World Bank's R
package appends to the 2025 composites (a quantile where the economy code goes), which are skipped
and counted. Every other cell is checked; a problem names the file, the line and the column."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from etl.errors import FileProblem
from etl.paths import REFERENCE_DIR
from etl.utf8 import read_utf8

ECONOMIES_PATH = REFERENCE_DIR / "gtmi_economies.csv"
COMPOSITES_REFERENCE_PATH = REFERENCE_DIR / "gtmi_members.csv"
INDICATORS_REFERENCE_PATH = REFERENCE_DIR / "gtmi_indicators_members.csv"

COMPOSITES = ("gtmi", "cgsi", "psdi", "dcei", "gtei")
GROUPS = ("A", "B", "C", "D")
COMPOSITE_COLUMNS = ("iso3", "year", "economy", "grp", *COMPOSITES, "source_file", "source_line")
INDICATOR_COLUMNS = ("iso3", "year", "indicator_id", "value", "source_file", "source_line")
COMPOSITE_HEADER = ("year", "iso3", "economy", "group", *COMPOSITES)
INDICATOR_ID = re.compile(r"I-[1-9][0-9]?")
INDICATOR_KEYS = ("Year", "ISO3", "Economy")  # then I-1 … I-n, then Grp, GTMI
INDICATOR_TAIL = ("Grp", "GTMI")
MISSING = ("", "-")
DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")
FIRST_SURVEY = 2020


@dataclass(frozen=True)
class GtmiFile:
    """What one file holds: composites, or one survey's indicators (the other frame is empty),
    and the lines of the summary rows skipped."""

    composites: pd.DataFrame
    indicators: pd.DataFrame
    skipped: tuple[int, ...] = ()


def read_economies(path: Path = ECONOMIES_PATH) -> dict[str, str]:
    """The World Bank economy codes the GTMI uses → their names."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return dict(zip(frame["code"], frame["economy"], strict=True))


def read_gtmi_file(
    path: Path, economies: Mapping[str, str], maxima: Mapping[str, float]
) -> GtmiFile:
    """One World Bank GTMI file, checked cell by cell. `economies`: the known codes;
    `maxima`: each indicator's highest possible value (its top level, or 1 for an index)."""
    text = read_utf8(path, "save the World Bank's table as CSV UTF-8")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise FileProblem(path.name, None, "(file)", "is empty", "export the GTMI table again")
    header = [cell.strip() for cell in rows[0]]
    body = [(n, row) for n, row in enumerate(rows[1:], start=2) if any(c.strip() for c in row)]
    if not body:
        raise FileProblem(
            path.name, None, "(file)", "has a header but no data rows", "export it again"
        )
    for line, row in body:
        if len(row) != len(header):
            raise FileProblem(
                path.name,
                line,
                "(row)",
                f"has {len(row)} cells where the header has {len(header)}",
                "quote names that contain commas; write decimals with a point (0.5, not 0,5)",
            )
    every = [(line, dict(zip(header, row, strict=True))) for line, row in body]
    code = "iso3" if "iso3" in header else "ISO3"
    skipped = tuple(line for line, raw in every if _is_summary(raw.get(code, "")))
    cells = [(line, raw) for line, raw in every if line not in skipped]
    if tuple(header) == COMPOSITE_HEADER:
        return GtmiFile(_composites(path, cells, economies), _empty(INDICATOR_COLUMNS), skipped)
    ids = header[len(INDICATOR_KEYS) : -len(INDICATOR_TAIL)]
    if (
        tuple(header[: len(INDICATOR_KEYS)]) == INDICATOR_KEYS
        and tuple(header[-len(INDICATOR_TAIL) :]) == INDICATOR_TAIL
        and ids
        and all(INDICATOR_ID.fullmatch(i) for i in ids)
    ):
        unknown = [i for i in ids if i not in maxima]
        if unknown:
            raise FileProblem(
                path.name,
                1,
                unknown[0],
                f"is not a GTMI indicator the crosswalk knows ({len(maxima)} are)",
                "add it to indicators/gtmi.yaml with its label and scale, or fix the header",
            )
        indicators = _indicators(path, cells, ids, economies, maxima)
        return GtmiFile(_empty(COMPOSITE_COLUMNS), indicators, skipped)
    raise FileProblem(
        path.name,
        1,
        "(header)",
        "columns match neither GTMI layout",
        f"expected {', '.join(COMPOSITE_HEADER)} (composites) or "
        f"{', '.join(INDICATOR_KEYS)}, I-1 … I-48, {', '.join(INDICATOR_TAIL)} (indicators)",
    )


def _is_summary(code: str) -> bool:
    """A number where the economy code goes: a statistical summary row, not an economy."""
    try:
        float(code)
    except ValueError:
        return False
    return True


def _empty(columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(columns=list(columns))


def _composites(
    path: Path, cells: list[tuple[int, dict[str, str]]], economies: Mapping[str, str]
) -> pd.DataFrame:
    rows = []
    for line, raw in cells:
        rows.append(
            {
                "iso3": _code(path, line, "iso3", raw["iso3"], economies),
                "year": _year(path, line, "year", raw["year"]),
                "economy": raw["economy"].strip(),
                "grp": _group(path, line, "group", raw["group"]),
                **{c: _number(path, line, c, raw[c], 1.0) for c in COMPOSITES},
                "source_file": path.name,
                "source_line": line,
            }
        )
    _no_repeats(path, [(r["source_line"], r["iso3"], r["year"]) for r in rows])
    return pd.DataFrame(rows, columns=list(COMPOSITE_COLUMNS))


def _indicators(
    path: Path,
    cells: list[tuple[int, dict[str, str]]],
    ids: list[str],
    economies: Mapping[str, str],
    maxima: Mapping[str, float],
) -> pd.DataFrame:
    rows, keys = [], []
    for line, raw in cells:
        iso3 = _code(path, line, "ISO3", raw["ISO3"], economies)
        year = _year(path, line, "Year", raw["Year"])
        keys.append((line, iso3, year))
        _group(path, line, "Grp", raw["Grp"])
        _number(path, line, "GTMI", raw["GTMI"], 1.0)
        rows += [
            {
                "iso3": iso3,
                "year": year,
                "indicator_id": i,
                "value": _number(path, line, i, raw[i], maxima[i]),
                "source_file": path.name,
                "source_line": line,
            }
            for i in ids
        ]
    _no_repeats(path, keys)
    return pd.DataFrame(rows, columns=list(INDICATOR_COLUMNS))


def _no_repeats(path: Path, keys: list[tuple[int, str, int]]) -> None:
    """One row per economy and survey year (`keys`: line, code, year of each row)."""
    seen: set[tuple[str, int]] = set()
    for line, code, year in keys:
        if (code, year) in seen:
            raise FileProblem(
                path.name,
                line,
                "(row)",
                f"repeats {code} {year}",
                "keep one row per economy and survey year",
            )
        seen.add((code, year))


def _code(path: Path, line: int, field: str, text: str, economies: Mapping[str, str]) -> str:
    code = text.strip().upper()
    if code not in economies:
        raise FileProblem(
            path.name,
            line,
            field,
            f"'{text}' is not a World Bank economy code the GTMI uses",
            f"use the code of {ECONOMIES_PATH.name} (e.g. URY, KSV); a new economy is added there",
        )
    return code


def _year(path: Path, line: int, field: str, text: str) -> int:
    last = date.today().year
    if not text.strip().isdigit() or not FIRST_SURVEY <= int(text) <= last:
        raise FileProblem(
            path.name,
            line,
            field,
            f"'{text}' is not a GTMI survey year",
            f"use a year from {FIRST_SURVEY} to {last}",
        )
    return int(text)


def _group(path: Path, line: int, field: str, text: str) -> str:
    if text.strip() not in GROUPS:
        raise FileProblem(
            path.name,
            line,
            field,
            f"'{text}' is not a GTMI group",
            f"use one of {', '.join(GROUPS)}",
        )
    return text.strip()


def _number(path: Path, line: int, field: str, text: str, highest: float) -> float | None:
    text = text.strip()
    if text in MISSING:
        return None
    if DECIMAL_COMMA.match(text):
        raise FileProblem(
            path.name,
            line,
            field,
            f"'{text}' has a decimal comma",
            f"write it with a point: {text.replace(',', '.')}",
        )
    try:
        value = float(text)
    except ValueError:
        raise FileProblem(
            path.name, line, field, f"'{text}' is not a number", "use a number, or '-' if none"
        ) from None
    if not 0 <= value <= highest:
        raise FileProblem(
            path.name,
            line,
            field,
            f"{text} is outside 0–{highest:g}",
            "check the value against the World Bank's dataset",
        )
    return value


def members_reference(
    frames: list[GtmiFile], member_iso3: list[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(composites, indicators) of the member countries in a stable order: what the project
    ships."""
    composites = pd.concat([f.composites for f in frames], ignore_index=True)
    indicators = pd.concat([f.indicators for f in frames], ignore_index=True)
    composites = composites[composites["iso3"].isin(member_iso3)].sort_values(["iso3", "year"])
    indicators = indicators[indicators["iso3"].isin(member_iso3)]
    order = indicators["indicator_id"].str[2:].astype(int)
    indicators = indicators.assign(_n=order).sort_values(["iso3", "year", "_n"]).drop(columns="_n")
    return composites.reset_index(drop=True), indicators.reset_index(drop=True)


def read_reference(
    composites_path: Path = COMPOSITES_REFERENCE_PATH,
    indicators_path: Path = INDICATORS_REFERENCE_PATH,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The shipped members' extract, typed as the loader produces it."""
    composites = pd.read_csv(composites_path, dtype={"iso3": str, "grp": str, "economy": str})
    indicators = pd.read_csv(indicators_path, dtype={"iso3": str, "indicator_id": str})
    return composites[list(COMPOSITE_COLUMNS)], indicators[list(INDICATOR_COLUMNS)]
