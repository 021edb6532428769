"""What a country writes is never thrown away: a row left without a value and explained in its
note is kept as "not reported, because …" for its country, year and indicator — in the receipt,
the warehouse, the next revision's history, a release and the pages — on both backends."""

from __future__ import annotations

import json

from tests.helpers import gealc, ok, query

HEADER = "country,year,indicator,value,numerator,denominator,source,note\n"
WHY = "no se mide todavía; la encuesta empieza en 2025"


def write(folder, name: str, body: str):
    path = folder / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_a_value_left_empty_with_its_note_is_kept_and_published(built, tmp_path):
    first = write(
        tmp_path,
        "ury1.csv",
        f"URY,2024,SD1,70,,,Agesic,\nURY,2024,SD2,40,,,Agesic,\nURY,2024,SA1,,,,,{WHY}\n",
    )
    result = gealc("load", str(first), "--json", "--lang", "es", db=built)
    ok(result)
    [receipt] = json.loads(result.stdout)["files"]
    assert receipt["status"] == "accepted"
    assert receipt["not_reported"] == [
        {"iso3": "URY", "year": 2024, "indicator": "SA1", "note": WHY}
    ]
    missing = next(f for f in receipt["findings"] if f["code"] == "missing_indicators")
    assert "SA1" not in missing["message"] and "SA2" in missing["message"]
    text = gealc("validate", str(first), "--lang", "es", db=built).stdout
    assert f"SA1: «{WHY}»" in text and "No informado" in text
    assert query(built, "SELECT iso3, year, indicator_id, note FROM not_reported_current") == [
        ("URY", 2024, "SA1", WHY)
    ]

    ok(gealc("review", "approve", "1", db=built))
    ok(gealc("publish", "--label", "2024-1", db=built))
    assert query(built, "SELECT release, iso3, indicator_id, note FROM published_not_reported") == [
        ("2024-1", "URY", "SA1", WHY)
    ]

    from app.server import create_app

    site = create_app(built).server.test_client()
    download = site.get("/download/country-indicators.csv?country=URY&year=2024&lang=es")
    assert download.status_code == 200 and WHY in download.get_data(as_text=True)
    everything = site.get("/download/not-reported.csv?lang=en").get_data(as_text=True)
    assert "URY" in everything and WHY in everything and "SA1" in everything

    second = write(tmp_path, "ury2.csv", "URY,2024,SD1,70,,,Agesic,\nURY,2024,SA1,55,,,Agesic,\n")
    ok(gealc("load", str(second), db=built))
    assert query(built, "SELECT COUNT(*) FROM not_reported_current") == [(0,)]
    assert query(built, "SELECT revision, note FROM not_reported_history") == [(1, WHY)]

    from portal.revisions import compare
    from warehouse.db import connect
    from warehouse.submissions import revision_values

    engine = connect(built, read_only=True)
    with engine.connect() as conn:
        side_by_side = compare("URY", 2024, 2, revision_values(conn, "URY", 2024, [1, 2]))
    engine.dispose()
    sa1 = next(r for r in side_by_side["rows"] if r["indicator_id"] == "SA1")
    assert sa1["before"] == {"value": None, "source": None, "note": WHY} and sa1["changed"]
    assert sa1["after"]["value"] == 55.0


def test_a_file_of_explained_gaps_only_is_a_revision_of_its_own(built, tmp_path):
    only = write(tmp_path, "chl.csv", f"CHL,2024,SA1,,,,,{WHY}\nCHL,2024,SA2,,,,,{WHY}\n")
    result = gealc("load", str(only), "--json", db=built)
    ok(result)
    [receipt] = json.loads(result.stdout)["files"]
    assert receipt["status"] == "accepted" and receipt["rows"] == 0
    assert receipt["country_years"] == [{"iso3": "CHL", "year": 2024, "revision": 1}]
    assert len(query(built, "SELECT * FROM not_reported_current WHERE iso3 = 'CHL'")) == 2


def test_an_empty_row_without_a_note_is_still_just_empty(built, tmp_path):
    path = write(tmp_path, "per.csv", "PER,2024,SD1,50,,,Agencia,\nPER,2024,SD2,,,,,\n")
    ok(gealc("load", str(path), db=built))
    assert query(built, "SELECT COUNT(*) FROM not_reported_current") == [(0,)]


def test_the_portal_receipt_lists_what_was_not_reported_and_why(built, tmp_path):
    from tests.portal_helpers import add_accounts, sign_in, site_client, upload

    add_accounts(built)
    client = site_client(built, tmp_path / "uploads")
    assert sign_in(client, "ury") == 303
    body = HEADER + f"URY,2023,SD1,60,,,Agesic,\nURY,2023,SA2,,,,,{WHY}\n"
    page = upload(client, "ury.csv", body.encode(), lang="en").get_data(as_text=True)
    assert "Not reported, with the note that explains it (1)" in page
    assert "URY 2023 SA2" in page and WHY in page


def test_a_file_of_explained_gaps_takes_its_own_revision_in_a_batch(built, tmp_path):
    """One run loading a file with values, one with only explained gaps and one with values again
    for the same country-year gives revisions 1, 2 and 3: approving the second approves nothing
    of the third."""
    files = [
        write(tmp_path, "a.csv", "URY,2022,SD1,40,,,Agesic,\n"),
        write(tmp_path, "gaps.csv", f"URY,2022,SD1,,,,,{WHY}\n"),
        write(tmp_path, "b.csv", "URY,2022,SD1,45,,,Agesic,\n"),
    ]
    ok(gealc("load", *map(str, files), db=built))
    assert query(
        built, "SELECT submission_id, revision FROM submission_country_year ORDER BY 1"
    ) == [(1, 1), (2, 2), (3, 3)]
    ok(gealc("review", "approve", "2", db=built))
    assert query(built, "SELECT COUNT(*) FROM observations_approved") == [(0,)]
    assert query(built, "SELECT indicator_id, note FROM not_reported_approved") == [("SD1", WHY)]
    again = gealc("load", str(files[1]), "--json", db=built)
    assert json.loads(again.stdout)["files"][0]["status"] == "unchanged"


def test_a_warehouse_an_older_gealc_built_keeps_working(built, tmp_path):
    """Without the tables and views this version added, the site still serves and the commands
    that write add them first (as `gealc build` does), keeping everything else."""
    from sqlalchemy import text

    from app.server import create_app
    from warehouse.db import connect

    ok(gealc("load", str(write(tmp_path, "ury.csv", "URY,2024,SD1,70,,,Agesic,\n")), db=built))
    engine = connect(built)
    with engine.begin() as conn:
        for view in (
            "published_not_reported",
            "not_reported_approved",
            "not_reported_current",
            "not_reported_history",
        ):
            conn.execute(text(f"DROP VIEW {view}"))
        for table in ("release_unreported", "unreported"):
            conn.execute(text(f"DROP TABLE {table}"))
    engine.dispose()
    site = create_app(built).server.test_client()
    assert site.get("/api/v1/releases").status_code == 200
    ok(gealc("review", "approve", "1", db=built))
    ok(gealc("publish", "--label", "2024-1", db=built))
    assert query(built, "SELECT COUNT(*) FROM published_not_reported") == [(0,)]
    assert query(built, "SELECT COUNT(*) FROM published_values") == [(1,)]
