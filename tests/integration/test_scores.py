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


def _scores_agree_with_values(url: str) -> bool:
    """Whether the stored scores are what the current values give."""
    from indicators.catalogue import load_catalogue
    from indicators.scoring import score_table
    from warehouse import scores, submissions
    from warehouse.db import connect

    engine = connect(url)
    with engine.connect() as conn:
        stored = scores.stored_scores(conn)
        fresh = score_table(submissions.current_values(conn), load_catalogue())
    engine.dispose()
    keys = ["iso3", "year", "level", "id"]
    if len(stored) != len(fresh):
        return False
    a, b = (f.sort_values(keys).reset_index(drop=True) for f in (stored, fresh))
    same_keys = a[[*keys, "rank"]].astype(str).equals(b[[*keys, "rank"]].astype(str))
    return same_keys and (a["score"].fillna(-1) - b["score"].fillna(-1)).abs().max() < 1e-9


def test_scores_a_stopped_load_left_behind_are_repaired_by_the_next_command(built, tmp_path):
    """A load killed after its files committed but before the scores were refreshed (or stopped
    by a closed pipe) leaves scores behind the values; the next `gealc load`, even of files
    already loaded, repairs them."""
    from etl.load import load_file
    from indicators.catalogue import load_catalogue
    from indicators.countries import load_members
    from warehouse.db import connect

    path = tmp_path / "ury.csv"
    path.write_text(full_year("URY", 0.7))
    engine = connect(built)
    with engine.connect() as conn:  # the files committed, the refresh never ran
        assert load_file(conn, path, load_catalogue(), load_members(), "t").status == "accepted"
    engine.dispose()
    assert not _scores_agree_with_values(built)
    again = gealc("load", str(path), db=built)
    ok(again)
    assert "unchanged" in again.stdout.lower() or "sin cambios" in again.stdout.lower()
    assert _scores_agree_with_values(built)


def test_a_closed_pipe_still_leaves_scores_that_agree_with_the_values(built, tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    paths = []
    for iso3, level in (("URY", 0.8), ("CHL", 0.5), ("BRA", 0.3)):
        (tmp_path / f"{iso3}.csv").write_text(full_year(iso3, level))
        paths.append(str(tmp_path / f"{iso3}.csv"))
    command = f"{sys.executable} -m gealc.cli --db '{built}' load {' '.join(paths)} | head -c 1"
    subprocess.run(command, shell=True, cwd=ROOT, capture_output=True, check=False, timeout=300)
    assert query(built, "SELECT COUNT(*) FROM submission")[0][0] >= 1
    assert _scores_agree_with_values(built)
