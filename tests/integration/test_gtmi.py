"""The World Bank GovTech Maturity Index: every member figure, read from the World Bank's files with
nothing but the csv module, equals the shipped extract and what the warehouse holds after `gealc
build`; `gealc gtmi load` takes the files as published (every economy, legacy codes, float noise,
'-' and empty cells); a bad file is refused with file, line and column and changes nothing."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED_GTMI, snapshot
from tests.helpers import gealc, ok, query

COMPOSITES_FILE = "GTMI_composites_2020_2022_2025.csv"
INDICATORS_FILE = "GTMI_indicators_2022.csv"
COMPOSITES = ("gtmi", "cgsi", "psdi", "dcei", "gtei")
SHIPPED = ROOT / "data" / "reference"

Row = tuple  # (iso3, year, …figures)


def shared(name: str) -> Path:
    if not SHARED_GTMI.is_dir():
        pytest.skip(f"{SHARED_GTMI} (the World Bank files) is not beside this checkout")
    return SHARED_GTMI / name


def members() -> set[str]:
    with (ROOT / "data" / "reference" / "un_egov_members.csv").open(encoding="utf-8") as f:
        return {row["iso3"] for row in csv.DictReader(f)}


def number(text: str) -> float | None:
    return None if text.strip() in ("", "-") else float(text)


def published_composites() -> dict[tuple[str, int], Row]:
    with shared(COMPOSITES_FILE).open(encoding="utf-8", newline="") as f:
        return {
            (r["iso3"], int(r["year"])): (r["group"], *(number(r[c]) for c in COMPOSITES))
            for r in csv.DictReader(f)
            if r["iso3"] in members()
        }


def published_indicators() -> dict[tuple[str, int, str], float | None]:
    with shared(INDICATORS_FILE).open(encoding="utf-8", newline="") as f:
        return {
            (r["ISO3"], int(r["Year"]), k): number(v)
            for r in csv.DictReader(f)
            if r["ISO3"] in members()
            for k, v in r.items()
            if k.startswith("I-")
        }


def same(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (
        a is not None and b is not None and math.isclose(a, b, abs_tol=1e-12)
    )


def test_the_independent_reading_sees_what_sources_md_says():
    composites, indicators = published_composites(), published_indicators()
    years = {(y, iso3) for iso3, y in composites}
    assert len(members()) == 33
    assert {y for y, _ in years} == {2020, 2022, 2025}
    assert ("NIC", 2025) not in composites and len(composites) == 33 * 3 - 1
    assert len(indicators) == 33 * 48
    assert all(v is None for (_, _, i), v in indicators.items() if i == "I-26")
    # SOURCES.md's spot checks: URY and BRA I-42 = 3, I-15 = 2, I-3 = 2; Haiti 0 on all three.
    for iso3, level in (("URY", (3, 2, 2)), ("BRA", (3, 2, 2)), ("HTI", (0, 0, 0))):
        assert tuple(indicators[iso3, 2022, i] for i in ("I-42", "I-15", "I-3")) == level


def test_the_shipped_extract_is_every_member_figure_as_published():
    with (SHIPPED / "gtmi_members.csv").open(encoding="utf-8") as f:
        shipped = {
            (r["iso3"], int(r["year"])): (r["grp"], *(number(r[c]) for c in COMPOSITES))
            for r in csv.DictReader(f)
        }
    expected = published_composites()
    assert shipped.keys() == expected.keys()
    for key, row in expected.items():
        assert shipped[key][0] == row[0] and all(
            same(a, b) for a, b in zip(shipped[key][1:], row[1:], strict=True)
        ), key
    with (SHIPPED / "gtmi_indicators_members.csv").open(encoding="utf-8") as f:
        rows = {
            (r["iso3"], int(r["year"]), r["indicator_id"]): number(r["value"])
            for r in csv.DictReader(f)
        }
    wanted = published_indicators()
    assert rows.keys() == wanted.keys()
    assert [k for k, v in wanted.items() if not same(rows[k], v)] == []


def test_the_reference_command_makes_the_shipped_files(tmp_path):
    files = [str(shared(COMPOSITES_FILE)), str(shared(INDICATORS_FILE))]
    ok(gealc("gtmi", "reference", *files, "-o", str(tmp_path)))
    for name in ("gtmi_members.csv", "gtmi_indicators_members.csv"):
        assert (tmp_path / name).read_bytes() == (SHIPPED / name).read_bytes(), name


def test_the_warehouse_holds_the_members_and_loads_every_economy(built):
    composites, indicators = published_composites(), published_indicators()
    stored = {
        (iso3, year): (group, *figures)
        for iso3, year, group, *figures in query(
            built, 'SELECT iso3, year, "group", gtmi, cgsi, psdi, dcei, gtei FROM gtmi'
        )
    }
    assert stored.keys() == composites.keys()
    assert all(
        stored[k][0] == v[0] and all(same(a, b) for a, b in zip(stored[k][1:], v[1:], strict=True))
        for k, v in composites.items()
    )
    held = {
        (iso3, year, i): value
        for iso3, year, i, value in query(
            built, "SELECT iso3, year, indicator_id, value FROM gtmi_indicators"
        )
    }
    assert held.keys() == indicators.keys()
    assert all(same(held[k], v) for k, v in indicators.items())

    files = (str(shared(COMPOSITES_FILE)), str(shared(INDICATORS_FILE)))
    loaded = gealc("gtmi", "load", *files, db=built)
    ok(loaded)
    # The 2025 composites end with five quantile rows of the World Bank's R package: skipped, said.
    assert "skipped 5 summary rows" in loaded.stdout and "lines 398, 399" in loaded.stdout
    per_year = dict(query(built, "SELECT year, COUNT(*) FROM gtmi GROUP BY year"))
    assert per_year == {2020: 198, 2022: 198, 2025: 197}
    codes = {c for (c,) in query(built, "SELECT DISTINCT iso3 FROM gtmi")}
    assert {"ADO", "KSV", "ROM", "TMP", "WBG", "ZAR"} <= codes
    assert query(built, "SELECT COUNT(*) FROM gtmi_indicators") == [(198 * 48,)]
    assert query(
        built, "SELECT value FROM gtmi_indicators WHERE iso3 = 'AFG' AND indicator_id = 'I-18'"
    ) == [(0.277,)]  # written 0.27700000000000002 in the file
    assert query(built, "SELECT iso3, year FROM gtmi WHERE iso3 = 'KOR' AND year = 2022") == [
        ("KOR", 2022)
    ]  # "Korea, Rep." is a quoted name with a comma


HEADER = "year,iso3,economy,group,gtmi,cgsi,psdi,dcei,gtei\n"
BAD = {
    "columns": (
        HEADER.replace("group", "grp") + "2022,URY,Uruguay,A,0.9,0.9,0.9,0.9,0.9\n",
        "line 1, (header)",
        "columns match neither GTMI layout",
    ),
    "range": (
        HEADER + "2022,URY,Uruguay,A,0.9,1.7,0.9,0.9,0.9\n",
        "line 2, cgsi",
        "outside 0–1",
    ),
    "code": (
        HEADER + "2022,XYZ,Nowhere,A,0.9,0.9,0.9,0.9,0.9\n",
        "line 2, iso3",
        "'XYZ' is not a World Bank economy code",
    ),
    "comma": (
        HEADER + '2022,URY,Uruguay,A,"0,9",0.9,0.9,0.9,0.9\n',
        "line 2, gtmi",
        "decimal comma",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_gtmi_file_is_refused_with_where_and_changes_nothing(built, tmp_path, case):
    text, where, what = BAD[case]
    good = tmp_path / "good.csv"
    good.write_text(HEADER + "2022,URY,Uruguay,B,0.1,0.1,0.1,0.1,0.1\n", encoding="utf-8")
    bad = tmp_path / f"{case}.csv"
    bad.write_text(text, encoding="utf-8")
    before = snapshot(built)
    result = gealc("gtmi", "load", str(good), str(bad), db=built)
    assert result.returncode == 1
    assert f"{case}.csv" in result.stderr and where in result.stderr and what in result.stderr
    assert "Nothing was loaded" in result.stderr
    assert snapshot(built) == before  # not even the good file
