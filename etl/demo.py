"""Deterministic demonstration submissions for the 33 members, 2018–2024.

Values follow each country's UN Online Service Index and EGDI (a country the UN rates high
gets high values, with noise and a gentle upward trend) and have realistic gaps: not every
country reports every year, and some never report some indicators. Same seed, same bytes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from pathlib import Path

import numpy as np
import pandas as pd

from etl.submission.columns import SUBMISSION_COLUMNS
from indicators.catalogue import Catalogue, Indicator
from indicators.countries import Members

DEMO_YEARS = range(2018, 2025)
DEMO_SEED = 20240
DEMO_SOURCE = "Datos de demostración generados por gealc / demonstration data"


def _rng(*parts: object) -> np.random.Generator:
    """A generator seeded from stable text, so each country draws the same numbers every run."""
    digest = hashlib.sha256(":".join(map(str, (DEMO_SEED, *parts))).encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


def capacity(egov: pd.DataFrame, iso3: str, year: int) -> float:
    """0–1 digital-government capacity for a country-year: OSI and EGDI interpolated between
    surveys."""
    rows = egov[(egov["iso3"] == iso3) & egov["assessed"]].sort_values("survey_year")
    if rows.empty:
        return 0.3
    blend = (0.6 * rows["osi"].fillna(rows["egdi"]) + 0.4 * rows["egdi"]).to_numpy()
    return float(np.interp(year, rows["survey_year"].to_numpy(), blend))


def scaled(ind: Indicator, level: float) -> float:
    """Map a 0–1 level onto the indicator's goalposts (on a log scale where the catalogue says
    so)."""
    lo, hi = ind.scoring.lower, ind.scoring.target
    if ind.scoring.log:
        return float(np.exp(np.log(lo) + (np.log(hi) - np.log(lo)) * level))
    return lo + (hi - lo) * level


def country_rows(cat: Catalogue, iso3: str, egov: pd.DataFrame) -> list[dict[str, object]]:
    """Every demo row of one country, all years."""
    rng = _rng(iso3)
    never = {i.id for i in cat.indicators if rng.random() < 0.12}
    effect = {i.id: rng.normal(0, 0.08) for i in cat.indicators}
    rows: list[dict[str, object]] = []
    for year in DEMO_YEARS:
        cap = capacity(egov, iso3, year)
        if rng.random() > 0.55 + 0.45 * cap + 0.03 * (year - 2018):
            continue  # this country did not submit that year
        for ind in cat.indicators:
            if ind.id in never or rng.random() < 0.08:
                continue
            level = float(
                np.clip(
                    cap**1.4 + effect[ind.id] + 0.025 * (year - 2018) + rng.normal(0, 0.04),
                    0.02,
                    0.98,
                )
            )
            rows.append(_row(ind, iso3, year, scaled(ind, level), rng))
    return rows


def _row(
    ind: Indicator, iso3: str, year: int, value: float, rng: np.random.Generator
) -> dict[str, object]:
    row: dict[str, object] = {
        "country": iso3,
        "year": year,
        "indicator": ind.id,
        "value": "",
        "numerator": "",
        "denominator": "",
        "source": DEMO_SOURCE,
        "note": "",
    }
    if ind.unit == "percent" and rng.random() < 0.6:
        denominator = int(rng.integers(150, 2500))
        numerator = round(value / 100 * denominator)
        row.update(numerator=numerator, denominator=denominator)
    elif ind.unit == "count":
        row["value"] = round(value)
    else:
        row["value"] = f"{value:.2f}" if value >= 1 else f"{value:.4f}"
    return row


def write_demo(cat: Catalogue, members: Members, egov: pd.DataFrame, out_dir: Path) -> list[Path]:
    """Write one canonical CSV per country-year reported; returns the files in a stable order.
    Each file is replaced whole (written beside, then renamed) and only files no longer in the
    demo are removed, so a build reading the folder at the same time never sees a partial or
    missing file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for iso3 in sorted(members.iso3_codes):
        frame = pd.DataFrame(country_rows(cat, iso3, egov), columns=list(SUBMISSION_COLUMNS))
        for year, rows in frame.groupby("year", sort=True):
            path = out_dir / f"{iso3}_{year}.csv"
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\n")
            writer.writerow(SUBMISSION_COLUMNS)
            writer.writerows(rows.itertuples(index=False, name=None))
            partial = path.with_name(f".{path.name}.{os.getpid()}.part")
            partial.write_text(text.getvalue(), encoding="utf-8", newline="")
            os.replace(partial, path)
            paths.append(path)
    for old in set(out_dir.glob("*.csv")) - set(paths):
        old.unlink(missing_ok=True)
    return paths
