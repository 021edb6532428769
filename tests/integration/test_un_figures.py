"""Every UN figure of the 33 members in the 12 surveys, read from the UN's own exports with nothing
but the csv module, equals the shipped extract and what the warehouse and the site serve after
`gealc build`: zeros are zeros, and a figure is missing only where the UN's 0 stands for none (a
country not assessed, in 2003–2012, has no index and no rank; a Human Capital Index of 0)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from app import queries
from app.release import load
from tests.conftest import ROOT, SHARED_UN
from tests.helpers import query
from warehouse.db import connect

SURVEYS = (2003, 2004, 2005, 2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022, 2024)
FIGURES = ("egdi", "osi", "hci", "tii", "epi", "egdi_rank")
# The two layouts of the exports: the Data Center's own, and the 2024 copy's renamed columns.
HEADINGS = {
    "Country Name": "name",
    "Country": "name",
    "E-Government Rank": "egdi_rank",
    "Rank": "egdi_rank",
    "E-Government Index": "egdi",
    "E_Index": "egdi",
    "E-Participation Index": "epi",
    "E_Participation": "epi",
    "Online Service Index": "osi",
    "Online_Service": "osi",
    "Human Capital Index": "hci",
    "Human_Capital": "hci",
    "Telecommunication Infrastructure Index": "tii",
    "Tele_Infra": "tii",
}
# The crosswalk recipe of SOURCES.md: the UNU-EGOV codes, plus the two names renamed since 2018.
RENAMED = {"North Macedonia": "MKD", "Türkiye": "TUR"}
SHIPPED = ROOT / "data" / "reference" / "un_egov_members.csv"

Figures = dict[tuple[str, int], dict[str, float | int | None]]


@pytest.fixture(scope="module")
def published() -> Figures:
    """The members' figures as the UN published them, missing where its 0 means no figure."""
    if not SHARED_UN.is_dir():
        pytest.skip(f"{SHARED_UN} (the UN exports) is not beside this checkout")
    members, iso3_of = lac_countries(SHARED_UN), iso3_by_name(SHARED_UN)
    figures: Figures = {}
    for year in SURVEYS:
        with (SHARED_UN / f"EGOV_DATA_{year}.csv").open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                assert row["Survey Year"] == str(year)
                cells = {HEADINGS[k]: v.strip() for k, v in row.items() if k in HEADINGS}
                iso3 = iso3_of[cells["name"]]
                if iso3 in members:
                    figures[iso3, year] = as_published(cells)
    return figures


def lac_countries(folder: Path) -> set[str]:
    """Latin America and the Caribbean: the Americas but North America, in UNU-EGOV's list."""
    with (folder / "countries-data_EN.csv").open(encoding="utf-8-sig", newline="") as f:
        return {
            row["COUNTRY CODE"]
            for row in csv.DictReader(f, delimiter=";")
            if row["REGION"] == "Americas" and row["SUB-REGION"] != "North America"
        }


def iso3_by_name(folder: Path) -> dict[str, str]:
    """UN country name → ISO3, from the UNU-EGOV copy of the 2010 survey."""
    with (folder / "egdi-2010.csv").open(encoding="utf-8", newline="") as f:
        return {row["country-name"]: row["country-code"] for row in csv.DictReader(f)} | RENAMED


def as_published(cells: dict[str, str]) -> dict[str, float | int | None]:
    """One row's figures: a country the survey did not assess (EGDI 0) has no EGDI, OSI, EPI
    or rank (its HCI and TII are published all the same), HCI 0 is missing, every other number
    is as written, 0 included."""
    numbers = {name: float(cells[name]) for name in FIGURES if name != "egdi_rank"}
    hci = None if numbers["hci"] == 0 else numbers["hci"]
    if numbers["egdi"] == 0:
        return dict.fromkeys(FIGURES) | {"hci": hci, "tii": numbers["tii"]}
    return {**numbers, "hci": hci, "egdi_rank": int(cells["egdi_rank"])}


def figures_of(rows: list[tuple]) -> Figures:
    """(iso3, survey_year, *FIGURES) rows as Figures, any kind of missing as None."""
    return {
        (iso3, int(year)): {
            name: None if pd.isna(value) else value
            for name, value in zip(FIGURES, values, strict=True)
        }
        for iso3, year, *values in rows
    }


def shipped() -> Figures:
    """data/reference/un_egov_members.csv, read with the csv module: an empty cell is None."""
    with SHIPPED.open(encoding="utf-8", newline="") as f:
        return figures_of(
            [
                (
                    row["iso3"],
                    row["survey_year"],
                    *(float(row[n]) if row[n] else None for n in FIGURES[:-1]),
                    int(row["egdi_rank"]) if row["egdi_rank"] else None,
                )
                for row in csv.DictReader(f)
            ]
        )


def differences(expected: Figures, actual: Figures) -> list[str]:
    """Every figure that is not exactly the published one, and every country-year too many or
    too few."""
    out = [f"{key}: missing" for key in expected.keys() - actual.keys()]
    out += [f"{key}: not published" for key in actual.keys() - expected.keys()]
    out += [
        f"{key} {name}: {actual[key][name]!r}, published {want!r}"
        for key, figures in expected.items()
        if key in actual
        for name, want in figures.items()
        if actual[key][name] != want
    ]
    return sorted(out)


def test_the_independent_reading_sees_the_known_cases(published):
    assert len(published) == 33 * 12
    not_assessed = sorted(key for key, f in published.items() if f["egdi"] is None)
    assert not_assessed == [
        ("DMA", 2003),
        ("HTI", 2003),
        ("HTI", 2004),
        ("HTI", 2005),
        ("SUR", 2003),
    ]
    assert published["PAN", 2010]["epi"] == 0 and published["JAM", 2012]["epi"] == 0
    zeros = [key for key, f in published.items() for v in f.values() if v == 0]
    assert len(zeros) == 21
    assert published["URY", 2018]["egdi_rank"] == 34
    assert published["URY", 2024]["egdi"] == pytest.approx(0.90059)


def test_the_shipped_extract_is_every_figure_as_published(published):
    assert differences(published, shipped()) == []


def test_the_warehouse_and_the_site_serve_every_figure_as_published(published, built):
    columns = ["iso3", "survey_year", *FIGURES]
    stored = query(built, f"SELECT {', '.join(columns)} FROM egov_survey")
    assert differences(published, figures_of(stored)) == []

    engine = connect(built, read_only=True)
    db = load(engine, None)  # the copy that pages, downloads and the API read
    engine.dispose()
    served = queries.egov_named(db, "en")[columns].itertuples(index=False, name=None)
    assert differences(published, figures_of(list(served))) == []
    profile = queries.egov_history(db, "HTI").set_index("survey_year")
    not_assessed = profile.loc[[2003, 2004, 2005]]
    assert not_assessed[["egdi", "osi", "epi", "egdi_rank"]].isna().all().all()  # no rank shown
    assert not_assessed["hci"].tolist() == [0.5, 0.51, 0.52]
    assert profile.loc[2010, "epi"] == 0
