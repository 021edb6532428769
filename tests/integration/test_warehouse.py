"""The warehouse on both backends, through the real `gealc` command: build, the documented
views, the UN loader, and bad input that must leave everything as it was."""

from __future__ import annotations

import sqlalchemy as sa

from indicators.catalogue import DEFAULT_PATH
from tests.conftest import snapshot
from tests.helpers import gealc, ok, query

DOCUMENTED_VIEWS = {
    "indicator_catalogue": [
        "indicator_id",
        "dimension_id",
        "name_es",
        "name_en",
        "name_pt",
        "name_fr",
        "unit",
        "direction",
        "min_value",
        "max_value",
    ],
    "countries": ["iso3", "name_es", "name_en", "name_pt", "name_fr", "subregion"],
    "egov_survey": ["iso3", "survey_year", "egdi", "osi", "hci", "tii", "epi", "egdi_rank"],
    "observations_current": [
        "iso3",
        "year",
        "indicator_id",
        "value",
        "numerator",
        "denominator",
        "source",
        "note",
        "submission_id",
        "revision",
    ],
    "audit_log": ["occurred_at", "actor", "action", "iso3", "target", "detail", "address"],
    "current_revisions": ["iso3", "year", "revision"],
    "not_reported_history": ["iso3", "year", "indicator_id", "note", "submission_id", "revision"],
    "not_reported_current": ["iso3", "year", "indicator_id", "note", "submission_id", "revision"],
    "not_reported_approved": ["iso3", "year", "indicator_id", "note", "submission_id", "revision"],
    "published_not_reported": ["release", "iso3", "year", "indicator_id", "note"],
}


def test_documented_views_and_columns(warehouse_url):
    ok(gealc("build", db=warehouse_url))
    engine = sa.create_engine(warehouse_url, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        for view, columns in DOCUMENTED_VIEWS.items():
            got = list(conn.exec_driver_sql(f"SELECT * FROM {view} WHERE 1 = 0").keys())
            assert got[: len(columns)] == columns, view
    engine.dispose()
    assert query(warehouse_url, "SELECT name_fr, subregion FROM countries WHERE iso3 = 'HTI'") == [
        ("Haïti", "caribbean")
    ]


def test_egov_load_of_every_survey_then_rebuild_keeps_it(warehouse_url, shared_un_files):
    ok(gealc("build", db=warehouse_url))
    result = gealc("egov", "load", *map(str, shared_un_files), db=warehouse_url)
    ok(result)
    assert "Loaded 2316 UN survey rows" in result.stdout
    ok(gealc("build", db=warehouse_url))
    assert query(warehouse_url, "SELECT COUNT(*) FROM egov_survey") == [(193 * 12,)]
    ranks = dict(
        query(
            warehouse_url,
            """SELECT iso3, egdi_rank FROM egov_survey WHERE survey_year = 2018
                                         AND iso3 IN ('URY', 'CHL', 'ARG', 'BRA', 'BRB')""",
        )
    )
    assert ranks == {"URY": 34, "CHL": 42, "ARG": 43, "BRA": 44, "BRB": 46}
    assert query(
        warehouse_url, "SELECT egdi_rank FROM egov_survey WHERE iso3 = 'URY' AND survey_year = 2024"
    ) == [(25,)]
    assert query(
        warehouse_url,
        """SELECT egdi, assessed FROM egov_survey
                                   WHERE iso3 = 'HTI' AND survey_year = 2004""",
    ) == [(None, False)]


def test_bad_un_file_loads_nothing_and_says_where(warehouse_url, shared_un_files, tmp_path):
    ok(gealc("build", db=warehouse_url))
    before = snapshot(warehouse_url)
    lines = shared_un_files[-1].read_text(encoding="utf-8").splitlines()
    lines[7] = lines[7].replace(".", ",", 1)  # a decimal comma on line 8 breaks the row
    bad = tmp_path / "EGOV_DATA_2024_edited.csv"
    bad.write_text("\n".join(lines), encoding="utf-8")
    result = gealc("egov", "load", str(shared_un_files[0]), str(bad), db=warehouse_url)
    assert result.returncode == 1
    assert "EGOV_DATA_2024_edited.csv, line 8" in result.stderr
    assert "Nothing was loaded" in result.stderr
    assert snapshot(warehouse_url) == before


def test_bad_catalogue_changes_nothing(warehouse_url, tmp_path):
    ok(gealc("build", db=warehouse_url))
    before = snapshot(warehouse_url)
    bad = tmp_path / "catalogue.yaml"
    bad.write_text(
        DEFAULT_PATH.read_text(encoding="utf-8").replace("  - id: SD2\n", "  - id: SD1\n"),
        encoding="utf-8",
    )
    result = gealc("--catalogue", str(bad), "build", db=warehouse_url)
    assert result.returncode == 1
    assert (
        f"{bad}, line" in result.stderr
        and "indicators[1].id" in result.stderr
        and "duplicate id" in result.stderr
    )
    assert snapshot(warehouse_url) == before


def test_catalogue_edit_reaches_the_warehouse_without_code(warehouse_url, tmp_path):
    edited = tmp_path / "catalogue.yaml"
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    edited.write_text(
        text.replace(
            "scoring: {lower: 0, target: 100, log: false}",
            "scoring: {lower: 0, target: 95, log: false}",
            1,
        ),
        encoding="utf-8",
    )
    ok(gealc("--catalogue", str(edited), "build", db=warehouse_url))
    assert query(
        warehouse_url, "SELECT goal_target FROM indicator_catalogue WHERE indicator_id = 'SD1'"
    ) == [(95.0,)]
    ok(gealc("build", db=warehouse_url))
    assert query(
        warehouse_url, "SELECT goal_target FROM indicator_catalogue WHERE indicator_id = 'SD1'"
    ) == [(100.0,)]
