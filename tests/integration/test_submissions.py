"""Country submissions through the real `gealc` command, on DuckDB and PostgreSQL: receipts,
exit codes, revisions, idempotency, provenance, rejected files and history warnings."""

from __future__ import annotations

import getpass
import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.conftest import snapshot
from tests.helpers import gealc, ok, query
from warehouse import schema
from warehouse.audit import audit_events
from warehouse.db import connect

HEADER = "country,year,indicator,value,numerator,denominator,source,note\n"


def write(
    folder: Path, name: str, body: str, header: str = HEADER, encoding: str = "utf-8"
) -> Path:
    path = folder / name
    path.write_bytes((header + body).encode(encoding))
    return path


def values_of(url: str) -> dict[str, list[tuple]]:
    """What a rejected file must never change: the stored values, current and past."""
    return {
        view: sorted(map(repr, query(url, f"SELECT * FROM {view}")))
        for view in ("observations_current", "observations_history")
    } | {"observation": snapshot(url)["observation"]}


def receipts(result) -> list[dict]:
    return json.loads(result.stdout)["files"]


def test_load_revisions_idempotency_and_provenance(built, tmp_path):
    first = write(
        tmp_path, "ury_2024.csv", "URY,2024,SD1,,300,400,Agesic,\nURY,2024,SD2,40,,,Agesic,\n"
    )
    started = datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=1)
    result = gealc("load", str(first), "--submitter", "Agesic", "--json", db=built)
    ok(result)
    [receipt] = receipts(result)
    assert receipt["status"] == "accepted" and receipt["rows"] == 2
    assert receipt["country_years"] == [{"iso3": "URY", "year": 2024, "revision": 1}]

    again = gealc("load", str(first), db=built)
    ok(again)
    assert "SIN CAMBIOS" in again.stdout
    assert query(built, "SELECT COUNT(*) FROM submission") == [(1,)]

    corrected = write(tmp_path, "ury_2024_v2.csv", "URY,2024,SD1,80,,,Agesic,corrected\n")
    second = gealc("load", str(corrected), "--lang", "en", db=built)
    ok(second)
    assert "ACCEPTED and loaded" in second.stdout and "URY 2024, revision 2" in second.stdout

    current = query(
        built,
        "SELECT indicator_id, value, note, revision, submission_id FROM observations_current"
        " ORDER BY indicator_id",
    )
    assert current == [("SD1", 80.0, "corrected", 2, receipt["submission_id"] + 1)]
    history = query(
        built,
        """SELECT indicator_id, value, revision, file_name, sha256, submitter, row_number,
                                     received_at, loaded_at
                              FROM observations_history ORDER BY revision, row_number""",
    )
    assert [h[:7] for h in history] == [
        ("SD1", 75.0, 1, "ury_2024.csv", receipt["sha256"], "Agesic", 2),
        ("SD2", 40.0, 1, "ury_2024.csv", receipt["sha256"], "Agesic", 3),
        (
            "SD1",
            80.0,
            2,
            "ury_2024_v2.csv",
            hashlib.sha256(corrected.read_bytes()).hexdigest(),
            getpass.getuser(),
            2,
        ),
    ]
    for *_, received, loaded in history:
        assert (
            started
            <= received
            <= loaded
            <= datetime.now(UTC).replace(tzinfo=None) + timedelta(seconds=1)
        )


def test_rejected_file_keeps_its_receipt_and_changes_no_value(built, tmp_path):
    ok(gealc("load", str(write(tmp_path, "good.csv", "CHL,2023,SD1,50,,,,\n")), db=built))
    before = values_of(built)
    bad = write(
        tmp_path, "bad.csv", "CHL,2024,SD1,120,,,,\nCHL,2024,SD2,40,,,,\nCHL,2024,SD2,41,,,,\n"
    )
    result = gealc("load", str(bad), "--json", db=built)
    assert result.returncode == 1
    [receipt] = receipts(result)
    assert receipt["status"] == "rejected" and receipt["rows"] == 0
    assert [
        (f["code"], f["row"], f["column_letter"])
        for f in receipt["findings"]
        if f["severity"] == "error"
    ] == [("out_of_range", 2, "D"), ("duplicate_row", 4, "C")]
    assert values_of(built) == before
    assert query(built, "SELECT COUNT(*) FROM observations_current WHERE year = 2024") == [(0,)]
    rows = query(
        built,
        "SELECT file_name, status, iso3, year, revision, errors, warnings FROM submissions"
        " ORDER BY submission_id",
    )
    assert rows == [
        ("good.csv", "accepted", "CHL", 2023, 1, 0, 1),
        ("bad.csv", "rejected", "CHL", 2024, None, 2, 1),
    ]
    issues = query(
        built,
        """SELECT code, row_number, column_name, message_es, fix_en FROM validation_issues
           WHERE file_name = 'bad.csv' AND severity = 'error' ORDER BY position""",
    )
    assert (
        issues[0][:3] == ("out_of_range", 2, "value")
        and "fuera del rango válido de SD1" in issues[0][3]
    )
    assert (
        issues[1][:3] == ("duplicate_row", 4, "indicator")
        and issues[1][4] == "keep one row per country, year and indicator"
    )


def test_one_bad_file_among_several_blocks_only_itself(built, tmp_path):
    good = write(tmp_path, "arg.csv", "ARG,2024,SD1,55,,,,\n")
    unreadable = tmp_path / "arg.pdf"
    unreadable.write_bytes(b"%PDF-1.4 not a table")
    result = gealc("load", str(good), str(unreadable), db=built)
    assert result.returncode == 1
    assert "arg.csv — ACEPTADO" in result.stdout and "arg.pdf — RECHAZADO" in result.stdout
    assert "el archivo es PDF" in result.stdout and "Archivos aceptados: 1 de 2" in result.stdout
    assert query(built, "SELECT iso3, value FROM observations_current") == [("ARG", 55.0)]
    assert query(built, "SELECT status, file_format FROM submissions ORDER BY submission_id") == [
        ("accepted", "csv"),
        ("rejected", None),
    ]


def test_validate_writes_nothing_and_exit_codes(built, tmp_path):
    before = snapshot(built)
    good = write(tmp_path, "bra.csv", "BRA,2024,SD1,50,,,,\n")
    bad = write(tmp_path, "bra_bad.csv", "BRA,2024,SD1,x,,,,\n")
    assert gealc("validate", str(good), db=built).returncode == 0
    result = gealc("validate", str(good), str(bad), "--lang", "pt", db=built)
    assert (
        result.returncode == 1
        and "VÁLIDO" in result.stdout
        and "“x” não é um número" in result.stdout
    )
    assert gealc("validate", str(tmp_path / "nowhere.csv"), db=built).returncode == 2
    assert gealc("validate", str(good), "--lang", "de", db=built).returncode == 2
    assert gealc("load", db=built).returncode == 2
    assert snapshot(built) == before


def test_history_warnings_reach_the_receipt_and_the_issues_view(built, tmp_path):
    ok(gealc("load", str(write(tmp_path, "per_2023.csv", "PER,2023,SD1,30,,,,\n")), db=built))
    jump = write(tmp_path, "per_2024.csv", "PER,2024,SD1,90,,,,\n")
    result = gealc("load", str(jump), "--json", "--lang", "en", db=built)
    ok(result)
    [receipt] = receipts(result)
    change = next(f for f in receipt["findings"] if f["code"] == "implausible_change")
    assert change["row"] == 2 and "moves from 30 in 2023 to 90" in change["message"]
    assert query(
        built, "SELECT code, row_number FROM validation_issues WHERE code = 'implausible_change'"
    ) == [("implausible_change", 2)]


def test_values_keep_full_precision_and_formula_like_text_is_stored_as_text(built, tmp_path):
    path = write(
        tmp_path, "col.csv", 'COL,2024,SD1,50.123456789,,,"=HYPERLINK(""http://x"")","@SUM(A1)"\n'
    )
    ok(gealc("load", str(path), db=built))
    assert query(built, "SELECT value, source, note FROM observations_current") == [
        (50.123456789, '=HYPERLINK("http://x")', "@SUM(A1)")
    ]


def test_load_builds_a_missing_warehouse_first(warehouse_url, tmp_path):
    result = gealc(
        "load", str(write(tmp_path, "mex.csv", "MEX,2024,SD1,50,,,,\n")), db=warehouse_url
    )
    ok(result)
    assert query(warehouse_url, "SELECT COUNT(*) FROM countries") == [(33,)]
    assert query(warehouse_url, "SELECT iso3, revision FROM observations_current") == [("MEX", 1)]


def test_audit_log_shows_each_file_once_with_who_and_what(built, tmp_path):
    ok(
        gealc(
            "load",
            str(write(tmp_path, "per.csv", "PER,2024,SD1,50,,,,\n")),
            "--submitter",
            "pcm",
            db=built,
        )
    )
    gealc(
        "load",
        str(write(tmp_path, "per_bad.csv", "PER,2024,SD1,500,,,,\n")),
        "--submitter",
        "pcm",
        db=built,
    )
    engine = connect(built)
    with (
        engine.connect() as conn,
        conn.begin(),
    ):  # what warehouses built before the audit_log view stored as well
        conn.execute(
            schema.audit_event.insert().values(
                event_id=999,
                occurred_at=datetime(2026, 1, 1),
                actor="pcm",
                action="submission_accepted",
                target="1",
                detail="per.csv",
            )
        )
    with engine.connect() as conn:
        shown = audit_events(conn)
    engine.dispose()
    shown = shown.astype(object).where(shown.notna(), None)
    events = [(e.actor, e.action, e.iso3, e.target, e.detail) for e in shown.itertuples()]
    assert events == [
        ("pcm", "submission_rejected", None, "2", "per_bad.csv"),  # no value kept: no country-year
        ("pcm", "submission_accepted", "PER", "1", "per.csv"),
    ]
