"""`gealc build --demo` on both backends, built once per backend (`demo_built`) and read by every
test here — one file, so one test worker builds it: it is idempotent, scores every country-year
(the methodology's worked example is the warehouse's own number) and publishes release `demo`."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from sqlalchemy import text

from etl.methodology import OUTPUTS
from indicators.catalogue import load_catalogue
from indicators.scoring import score_table
from indicators.statistical_audit import release_statistics
from indicators.uncertainty import FACTORS
from tests.conftest import snapshot
from tests.helpers import gealc, ok, query
from warehouse.db import connect

CAT = load_catalogue()


def test_build_with_demo_scores_every_country_year(demo_built):
    built = demo_built
    [(country_years,)] = query(
        built, "SELECT COUNT(*) FROM (SELECT DISTINCT iso3, year FROM observations_current) t"
    )
    assert query(built, "SELECT COUNT(*) FROM scores WHERE level = 'composite'") == [
        (country_years,)
    ]
    bad = query(
        built,
        """SELECT COUNT(*) FROM scores WHERE score < 0 OR score > 100
           OR (level = 'composite' AND score IS NOT NULL
               AND NOT (rank_low <= rank AND rank <= rank_high))""",
    )
    assert bad == [(0,)]
    # The worked example of the methodology is the warehouse's own number.
    documented = re.search(
        r"Composite: [^*]+\*\*([\d.]+)\*\*, rank \*\*(\d+)\*\*",
        OUTPUTS["en"].read_text(encoding="utf-8"),
    )
    [(score, rank)] = query(
        built,
        "SELECT score, rank FROM scores WHERE iso3 = 'URY' AND year = 2024 AND level = 'composite'",
    )
    assert (f"{score:.2f}", rank) == (documented.group(1), int(documented.group(2)))


def test_demo_build_publishes_the_demo_release(demo_built):
    """(That a rebuild publishes nothing more is the idempotency test below.)"""
    [(label, count)] = query(demo_built, "SELECT label, value_count FROM releases")
    assert (
        label == "demo"
        and count == query(demo_built, "SELECT COUNT(*) FROM observations_current")[0][0]
    )
    assert query(demo_built, "SELECT COUNT(*) FROM submissions WHERE state <> 'approved'") == [(0,)]


def test_build_with_demo_is_idempotent(demo_built):
    warehouse_url = demo_built
    first = snapshot(warehouse_url)
    second_run = gealc("build", "--demo", db=warehouse_url)
    ok(second_run)
    assert "(0 new)" in second_run.stdout
    assert snapshot(warehouse_url) == first  # the demo release too: published once, never again
    assert query(warehouse_url, "SELECT COUNT(*) FROM countries") == [(33,)]
    assert query(warehouse_url, "SELECT COUNT(*) FROM indicator_catalogue") == [(15,)]
    assert query(warehouse_url, "SELECT COUNT(*) FROM egov_survey") == [(33 * 12,)]
    duplicates = query(
        warehouse_url,
        """SELECT iso3, year, indicator_id FROM observations_current
                                         GROUP BY iso3, year, indicator_id HAVING COUNT(*) > 1""",
    )
    assert duplicates == []
    demo = query(
        warehouse_url,
        "SELECT COUNT(DISTINCT iso3), MIN(year), MAX(year), MIN(revision)"
        " FROM observations_current",
    )
    assert demo == [(33, 2018, 2024, 1)]


def published(url: str, view: str) -> pd.DataFrame:
    """Release `demo`'s rows of `view`, as stored."""
    engine = connect(url, read_only=True)
    with engine.connect() as conn:
        result = conn.execute(text(f"SELECT * FROM {view} WHERE release = 'demo'"))
        frame = pd.DataFrame(result.fetchall(), columns=list(result.keys()))
    engine.dispose()
    return frame.drop(columns="release")


def test_the_release_audit_is_reproducible_from_its_values(demo_built):
    """The same values, seed and method give the same ranges, shares and indices: recomputed
    here from the release's values, on each backend, they equal what publishing stored."""
    values = published(demo_built, "published_values")
    scores = published(demo_built, "published_scores")
    statistics = published(demo_built, "published_statistics")
    numbers = values[["iso3", "year", "indicator_id", "value"]]
    again = score_table(numbers, CAT)
    keys = ["iso3", "year", "level", "id"]
    stored = scores.sort_values(keys).reset_index(drop=True)
    again = again.sort_values(keys).reset_index(drop=True)
    assert stored[keys].astype(str).equals(again[keys].astype(str))
    for column in ("rank", "rank_low", "rank_high"):
        assert stored[column].astype("Int64").equals(again[column].astype("Int64")), column
    for column in ("score", "rank_share"):
        assert np.allclose(
            stored[column].astype(float), again[column].astype(float), atol=1e-12, equal_nan=True
        ), column
    recomputed = release_statistics(numbers, again, CAT)
    order = ["year", "analysis", "measure", "item", "other"]
    mine = statistics.assign(other=statistics["other"].fillna("")).sort_values(order)
    assert mine[order].reset_index(drop=True).equals(recomputed[order].reset_index(drop=True))
    assert np.allclose(
        mine["value"].astype(float), recomputed["value"].astype(float), atol=1e-12, equal_nan=True
    )
    assert set(mine[mine["analysis"] == "sensitivity"]["item"]) == set(FACTORS)


def test_dropping_its_weakest_indicator_or_dimension_never_lifts_a_ranked_country(demo_built):
    values = published(demo_built, "published_values")
    year = int(values["year"].max())
    numbers = values[values["year"] == year][["iso3", "year", "indicator_id", "value"]]
    table = score_table(numbers, CAT)
    composite = table[table["level"] == "composite"].set_index("iso3")
    dimension_of = {i.id: i.dimension for i in CAT.indicators}
    for iso3 in composite.index:
        mine = table[(table["iso3"] == iso3)]
        indicators = mine[mine["level"] == "indicator"].sort_values("score")
        dims = mine[(mine["level"] == "dimension") & (mine["coverage"] > 0)].sort_values("score")
        weakest_dimension = {i for i, d in dimension_of.items() if d == dims["id"].iloc[0]}
        for dropped in ({indicators["id"].iloc[0]}, weakest_dimension):
            kept = numbers[~((numbers["iso3"] == iso3) & numbers["indicator_id"].isin(dropped))]
            if kept[kept["iso3"] == iso3].empty:
                continue  # withholding everything: not ranked at all, shown as no report
            after = score_table(kept, CAT)
            now = after[after["level"] == "composite"].set_index("iso3").loc[iso3]
            before = composite.loc[iso3]
            assert now["score"] <= before["score"] + 1e-9, (iso3, dropped)
            assert now["rank"] >= before["rank"], (iso3, dropped)
            assert now["rank_low"] >= before["rank_low"], (iso3, dropped)
