"""`gealc build --demo` on both backends, built once per backend (`demo_built`) and read by every
test here — one file, so one test worker builds it: it is idempotent, scores every country-year
(the methodology's worked example is the warehouse's own number) and publishes release `demo`."""

from __future__ import annotations

import re

from etl.methodology import OUTPUTS
from tests.conftest import snapshot
from tests.helpers import gealc, ok, query


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
