"""Loads that must never corrupt the warehouse: killed with SIGKILL at random moments, or two
started at once — on DuckDB and PostgreSQL."""
from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from etl.db import duckdb_path
from tests.conftest import ROOT, snapshot
from tests.helpers import gealc, ok, query

HEADER = "country,year,indicator,value,numerator,denominator,source,note\n"
INDICATORS = ["SD1", "SD2", "SD3", "FD2", "IO1", "US1", "US2", "US3", "SA1", "SA2"]
KILLS = 12


def files_for(folder: Path, count: int, iso3: str | None = None, first: int = 0) -> list[Path]:
    """`count` files of 10 values each: distinct country-years, or all one country-year."""
    countries = ["ARG", "BOL", "BRA", "CHL", "COL", "CRI", "ECU", "MEX", "PAN", "PER", "PRY", "URY"]
    paths = []
    for n in range(first, first + count):
        country, year = (iso3, 2024) if iso3 else (countries[n % len(countries)], 2010 + n // len(countries))
        body = "".join(f"{country},{year},{ind},{10 + n % 50}.{n},,,,file {n}\n" for ind in INDICATORS)
        path = folder / f"sub_{n:03d}.csv"
        path.write_text(HEADER + body, encoding="utf-8")
        paths.append(path)
    return paths


def start_load(url: str, paths: list[Path], *extra: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "etl.cli", "--db", url, "load", *map(str, paths), *extra]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def assert_consistent(url: str) -> int:
    """Every accepted file whole, no value without an accepted file, views in agreement;
    returns how many files are loaded."""
    partial = query(url, """SELECT s.submission_id FROM submission s
                            LEFT JOIN observation o ON o.submission_id = s.submission_id
                            GROUP BY s.submission_id, s.row_count, s.status
                            HAVING COUNT(o.row_number) <> CASE WHEN s.status = 'accepted' THEN s.row_count ELSE 0 END""")
    assert partial == []
    orphans = query(url, """SELECT COUNT(*) FROM observation o LEFT JOIN submission s ON s.submission_id = o.submission_id
                            WHERE s.submission_id IS NULL""")
    assert orphans == [(0,)]
    no_revision = query(url, """SELECT COUNT(*) FROM observation o LEFT JOIN submission_country_year p
                                ON p.submission_id = o.submission_id AND p.iso3 = o.iso3 AND p.year = o.year
                                WHERE p.revision IS NULL""")
    assert no_revision == [(0,)]
    [(history,)] = query(url, "SELECT COUNT(*) FROM observations_history")
    [(stored,)] = query(url, "SELECT COUNT(*) FROM observation")
    assert history == stored
    twice = query(url, "SELECT sha256 FROM submission WHERE status = 'accepted' GROUP BY sha256 HAVING COUNT(*) > 1")
    assert twice == []
    return query(url, "SELECT COUNT(*) FROM submission WHERE status = 'accepted'")[0][0]


def test_sigkill_mid_load_leaves_whole_files_or_nothing(built, tmp_path):
    paths = files_for(tmp_path, 24)
    rng = random.Random(20261122)
    killed_mid_batch = 0
    for _ in range(KILLS):
        proc = start_load(built, paths)
        # Let it finish a random number of files, then kill it within the next one's load.
        receipts = sum(bool(proc.stdout.readline()) for _ in range(rng.randrange(1, 8)))
        time.sleep(rng.uniform(0, 0.12))
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        killed_mid_batch += receipts > 0 and proc.returncode == -signal.SIGKILL
        assert_consistent(built)
    assert killed_mid_batch == KILLS
    result = gealc("load", *map(str, paths), db=built)
    ok(result)
    assert assert_consistent(built) == len(paths)
    assert query(built, "SELECT COUNT(*) FROM observations_current") == [(len(paths) * len(INDICATORS),)]


def test_two_loads_at_once_are_serialised(built, tmp_path):
    each = 20
    procs = [start_load(built, files_for(tmp_path, each, iso3="URY")),
             start_load(built, files_for(tmp_path, each, iso3="URY", first=each))]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    assert_consistent(built)
    revisions = query(built, "SELECT revision FROM submission_country_year WHERE iso3 = 'URY' ORDER BY revision")
    assert revisions == [(n,) for n in range(1, 2 * each + 1)]
    [(latest_file,)] = query(built, f"""SELECT s.file_name FROM submission s JOIN submission_country_year p
                                       ON p.submission_id = s.submission_id WHERE p.revision = {2 * each}""")
    assert query(built, "SELECT DISTINCT note FROM observations_current") == [(f"file {int(latest_file[-7:-4])}",)]


def test_a_busy_duckdb_warehouse_is_a_clear_message_and_changes_nothing(tmp_path):
    url = f"duckdb:///{tmp_path / 'w.duckdb'}"
    ok(gealc("build", db=url))
    before = snapshot(url)
    [path] = files_for(tmp_path, 1)
    holder = duckdb.connect(str(duckdb_path(url)))  # another job writing
    try:
        result = gealc("load", str(path), "--wait", "1", db=url)
    finally:
        holder.close()
    assert result.returncode == 75
    assert "in use by another gealc job" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(url) == before
    holder = duckdb.connect(str(duckdb_path(url)))
    waiting = start_load(url, [path], "--wait", "60")
    time.sleep(2)
    holder.close()  # the first job ends: the second proceeds
    _, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert query(url, "SELECT COUNT(*) FROM observations_current") == [(len(INDICATORS),)]

