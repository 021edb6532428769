"""Reading the UN E-Government Survey Data Center exports (one CSV per survey, 2003–2024).

Published values are kept as published: EGDI is never recomputed, and a 0 is a 0 (an
E-Participation Index of 0 before 2012 means no points). Two cases are missing instead: a country
the survey did not assess (EGDI 0 in 2003–2012: no EGDI, OSI, EPI and no rank; its HCI and TII
are the UN's figures all the same) and a Human Capital Index of
0, which the UN writes where it had no data (the UNU-EGOV copy of the exports leaves it blank).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from etl.errors import FileProblem
from etl.paths import PROJECT_ROOT, REFERENCE_DIR
from etl.utf8 import read_utf8

CROSSWALK_PATH = REFERENCE_DIR / "un_country_names.csv"
MEMBERS_REFERENCE_PATH = REFERENCE_DIR / "un_egov_members.csv"

INDEX_COLUMNS = ("egdi", "osi", "hci", "tii", "epi")
COLUMNS = (
    "iso3",
    "survey_year",
    "un_name",
    *INDEX_COLUMNS,
    "egdi_rank",
    "assessed",
    "source_file",
    "source_line",
)

# The two layouts found in the exports: the Data Center's own, and the renamed 2024 copy.
LAYOUTS: tuple[dict[str, str], ...] = (
    {
        "Survey Year": "survey_year",
        "Country Name": "un_name",
        "E-Government Rank": "egdi_rank",
        "E-Government Index": "egdi",
        "E-Participation Index": "epi",
        "Online Service Index": "osi",
        "Human Capital Index": "hci",
        "Telecommunication Infrastructure Index": "tii",
    },
    {
        "Survey Year": "survey_year",
        "Country": "un_name",
        "Rank": "egdi_rank",
        "E_Index": "egdi",
        "E_Participation": "epi",
        "Online_Service": "osi",
        "Human_Capital": "hci",
        "Tele_Infra": "tii",
    },
)
IGNORED_COLUMNS = {"Region"}  # added by hand in some copies, with known errors
LAST_YEAR_WITHOUT_ASSESSMENT_FLAG = 2012  # up to 2012, EGDI = 0 means "not assessed"
MAX_INDEX = 2.0  # the 2003 file has HCI 1.422 for Micronesia, as published
SURVEY_OWN = frozenset({"egdi", "osi", "epi"})  # what the survey itself assesses
ZERO_MEANS_MISSING = frozenset({"hci"})  # blank in the UNU-EGOV copy; every other 0 is a true 0


@dataclass(frozen=True)
class Crosswalk:
    """UN country names (as the survey writes them) → ISO3."""

    iso3_by_name: dict[str, str]

    @classmethod
    def read(cls, path: Path = CROSSWALK_PATH) -> Crosswalk:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        return cls(dict(zip(frame["un_name"].str.strip(), frame["iso3"].str.strip(), strict=True)))


def read_survey_file(path: Path, crosswalk: Crosswalk | None = None) -> pd.DataFrame:
    """Parse one Data Center export into rows of COLUMNS; raises FileProblem for what is wrong."""
    crosswalk = crosswalk or Crosswalk.read()
    text = read_utf8(path, "use the CSV exported by the UN Data Center, saved as UTF-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        raise FileProblem(
            path.name,
            1,
            "(file)",
            "the file is empty",
            "export the survey year again from the UN Data Center",
        )
    mapping = _layout(path, [h.strip() for h in header])
    rows, unknown, seen = [], [], {}
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            raise FileProblem(
                path.name,
                line,
                "(row)",
                f"has {len(record)} cells, the header has {len(header)}",
                "check for a stray comma or quote on this line",
            )
        raw = {
            mapping[h.strip()]: cell.strip()
            for h, cell in zip(header, record, strict=True)
            if h.strip() in mapping
        }
        name = raw["un_name"]
        iso3 = crosswalk.iso3_by_name.get(name)
        if iso3 is None:
            unknown.append(f"'{name}' (line {line})")
            continue
        if iso3 in seen:
            raise FileProblem(
                path.name,
                line,
                "Country",
                f"'{name}' appears twice (also line {seen[iso3]})",
                "keep one row per country",
            )
        seen[iso3] = line
        rows.append(_survey_row(path, line, raw, iso3))
    if unknown:
        raise FileProblem(
            path.name,
            None,
            "Country Name",
            f"{len(unknown)} country name(s) not in the crosswalk: {', '.join(unknown)}",
            f"add each name with its ISO3 code to {CROSSWALK_PATH.relative_to(PROJECT_ROOT)}",
        )
    if not rows:
        raise FileProblem(
            path.name,
            2,
            "(file)",
            "has a header but no data rows",
            "export the survey year again from the UN Data Center",
        )
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _layout(path: Path, header: list[str]) -> dict[str, str]:
    names = set(header) - IGNORED_COLUMNS
    for layout in LAYOUTS:
        if names == set(layout):
            return layout
    expected = " | ".join(", ".join(layout) for layout in LAYOUTS)
    closest = min(LAYOUTS, key=lambda layout: len(names ^ set(layout)))
    missing = sorted(set(closest) - names)
    extra = sorted(names - set(closest))
    detail = "; ".join(
        part
        for part in (f"missing {missing}" if missing else "", f"unknown {extra}" if extra else "")
        if part
    )
    raise FileProblem(
        path.name,
        1,
        "(header)",
        f"columns do not match a UN Data Center layout ({detail})",
        f"expected one of: {expected}",
    )


def _survey_row(path: Path, line: int, raw: dict[str, str], iso3: str) -> dict[str, object]:
    year = _integer(path, line, "Survey Year", raw["survey_year"])
    if year is None or not 2001 <= year <= date.today().year:
        raise FileProblem(
            path.name,
            line,
            "Survey Year",
            f"'{raw['survey_year']}' is not a survey year",
            f"use a year from 2001 to {date.today().year}",
        )
    values = {col: _index(path, line, col, raw[col]) for col in INDEX_COLUMNS}
    rank = _integer(path, line, "Rank", raw["egdi_rank"])
    assessed = bool(values["egdi"]) and rank is not None
    if not assessed and year > LAST_YEAR_WITHOUT_ASSESSMENT_FLAG and rank is not None:
        raise FileProblem(
            path.name,
            line,
            "E-Government Index",
            "EGDI is 0 or blank for a ranked country",
            "check the export: from 2014 on every ranked country has an EGDI",
        )
    return {
        "iso3": iso3,
        "survey_year": year,
        "un_name": raw["un_name"],
        **published_figures(values, assessed),
        "egdi_rank": rank if assessed else None,
        "assessed": assessed,
        "source_file": path.name,
        "source_line": line,
    }


def published_figures(values: dict[str, float | None], assessed: bool) -> dict[str, float | None]:
    """The indices as the UN published them, with None where the UN's 0 stands for no figure:
    the survey's own indices (EGDI, OSI, EPI) of a country it did not assess, and a Human
    Capital Index of 0. The HCI and TII of a country not assessed are the UN's figures from
    UNESCO and the ITU, published all the same: they are kept."""
    return {
        col: None
        if (not assessed and col in SURVEY_OWN) or (value == 0 and col in ZERO_MEANS_MISSING)
        else value
        for col, value in values.items()
    }


def _number(path: Path, line: int, field: str, text: str) -> float | None:
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        raise FileProblem(
            path.name,
            line,
            field,
            f"'{text}' is not a number",
            "use a decimal point, as in 0.69651",
        ) from None


def _index(path: Path, line: int, field: str, text: str) -> float | None:
    value = _number(path, line, field, text)
    if value is not None and not 0 <= value <= MAX_INDEX:
        raise FileProblem(
            path.name,
            line,
            field,
            f"{value} is outside 0–{MAX_INDEX:g}",
            "UN indices lie between 0 and 1",
        )
    return value


def _integer(path: Path, line: int, field: str, text: str) -> int | None:
    value = _number(path, line, field, text)
    if value is None:
        return None
    if value != int(value) or value < 1:
        raise FileProblem(
            path.name,
            line,
            field,
            f"'{text}' is not a whole number",
            "ranks and years are whole numbers",
        )
    return int(value)


def members_reference(frame: pd.DataFrame, member_iso3: list[str]) -> pd.DataFrame:
    """The rows of the member countries, in a stable order: what the project ships."""
    keep = frame[frame["iso3"].isin(member_iso3)].astype({"egdi_rank": "Int64"})
    return keep.sort_values(["iso3", "survey_year"]).reset_index(drop=True)[list(COLUMNS)]


def read_reference(path: Path = MEMBERS_REFERENCE_PATH) -> pd.DataFrame:
    """The shipped reference table, typed as the loader produces it."""
    frame = pd.read_csv(path, dtype={"iso3": str, "un_name": str, "source_file": str})
    frame["egdi_rank"] = frame["egdi_rank"].astype("Int64")
    frame["assessed"] = frame["assessed"].astype(bool)
    return frame[list(COLUMNS)]
