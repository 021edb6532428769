"""The `scores` view on both backends: computed at build and after a load, and a catalogue edit
(a goalpost, a weight) reaches the scores through `gealc build` without code."""

from __future__ import annotations

from indicators.catalogue import DEFAULT_PATH
from tests.helpers import gealc, ok, query

HEADER = "country,year,indicator,value\n"


def full_year(iso3: str, level: float) -> str:
    """A value for every indicator at `level` × its target (percent indicators only) or 1."""
    from indicators.catalogue import load_catalogue

    rows = []
    for ind in load_catalogue().indicators:
        value = level * ind.scoring.target if ind.unit == "percent" else ind.scoring.target
        rows.append(f"{iso3},2024,{ind.id},{value:g}\n")
    return HEADER + "".join(rows)


def test_scores_follow_loads_and_catalogue_edits(built, tmp_path):
    for iso3, level in (("URY", 0.9), ("CHL", 0.6), ("BRA", 0.3)):
        (tmp_path / f"{iso3}.csv").write_text(full_year(iso3, level), encoding="utf-8")
    ok(gealc("load", *(str(p) for p in sorted(tmp_path.glob("*.csv"))), db=built))
    composite = query(
        built,
        """SELECT iso3, rank, rank_low, rank_high, coverage FROM scores
                                WHERE level = 'composite' ORDER BY rank""",
    )
    assert composite == [("URY", 1, 1, 1, 15), ("CHL", 2, 2, 2, 15), ("BRA", 3, 3, 3, 15)]
    assert query(
        built, "SELECT score FROM scores WHERE iso3 = 'CHL' AND level = 'indicator' AND id = 'SD2'"
    ) == [(60.0,)]

    edited = tmp_path / "catalogue.yaml"
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    edited.write_text(
        text.replace(
            "scoring: {lower: 0, target: 80, log: false}",
            "scoring: {lower: 0, target: 60, log: false}",
            1,
        ).replace("  - id: D1\n    weight: 1", "  - id: D1\n    weight: 4", 1),
        encoding="utf-8",
    )
    before = dict(query(built, "SELECT iso3, score FROM scores WHERE level = 'composite'"))
    ok(gealc("--catalogue", str(edited), "build", db=built))
    # SD2's target falls from 80 to 60: CHL's 48 (0.6 × 80) now scores 80.
    assert query(
        built, "SELECT score FROM scores WHERE iso3 = 'CHL' AND level = 'indicator' AND id = 'SD2'"
    ) == [(80.0,)]
    after = dict(query(built, "SELECT iso3, score FROM scores WHERE level = 'composite'"))
    assert after["CHL"] != before["CHL"]
    assert query(built, "SELECT DISTINCT catalogue_edition FROM scores") == [("2026.1",)]
