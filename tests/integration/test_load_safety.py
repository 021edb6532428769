"""Loads that must never corrupt the warehouse: killed with SIGKILL at random moments, or two
started at once — on DuckDB and PostgreSQL."""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import random
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from multiprocessing.connection import Connection as Pipe
from pathlib import Path

import duckdb
import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool

from gealc.cli import main
from tests.conftest import ROOT, snapshot
from tests.helpers import gealc, ok, query
from warehouse.db import connect, duckdb_path, is_duckdb

HEADER = "country,year,indicator,value,numerator,denominator,source,note\n"
INDICATORS = ["SD1", "SD2", "SD3", "FD2", "IO1", "US1", "US2", "US3", "SA1", "SA2"]
KILLS = {"duckdb": 50, "postgresql": 12}
FILES_PER_RUN = 2
SEED = 20261122
AIMABLE = (
    0.005  # seconds: a phase shorter than this in a load's timed run may be missed by every kill
)
# Where a load can be when it dies, in the order it passes them.
PHASES = ("starting", "in a file", "committing a file", "refreshing scores", "closing")
# What a killed load needs imported before it is forked, so a kill costs the load and not
# Python's start (the modules of `gealc load`, both database drivers, and this module).
PRELOAD = [
    "gealc.cli",
    "etl.load",
    "etl.scores",
    "duckdb_engine",
    "sqlalchemy.dialects.postgresql.psycopg",
    __name__,
]


def files_for(folder: Path, count: int, iso3: str | None = None, first: int = 0) -> list[Path]:
    """`count` files of 10 values each: distinct country-years, or all one country-year."""
    countries = ["ARG", "BOL", "BRA", "CHL", "COL", "CRI", "ECU", "MEX", "PAN", "PER", "PRY", "URY"]
    paths = []
    for n in range(first, first + count):
        country, year = (
            (iso3, 2024) if iso3 else (countries[n % len(countries)], 2010 + n // len(countries))
        )
        body = "".join(
            f"{country},{year},{ind},{10 + n % 50}.{n},,,,file {n}\n" for ind in INDICATORS
        )
        path = folder / f"sub_{n:03d}.csv"
        path.write_text(HEADER + body, encoding="utf-8")
        paths.append(path)
    return paths


def start_load(url: str, paths: list[Path], *extra: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "gealc.cli", "--db", url, "load", *map(str, paths), *extra]
    return subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


CHECKS = {
    "files stored in part": """SELECT COUNT(*) FROM (
        SELECT s.submission_id
        FROM submission s LEFT JOIN observation o ON o.submission_id = s.submission_id
        GROUP BY s.submission_id, s.row_count, s.status
        HAVING COUNT(o.row_number) <> CASE WHEN s.status = 'accepted' THEN s.row_count ELSE 0 END
        ) partial""",
    "values without their file": """SELECT COUNT(*) FROM observation o
        LEFT JOIN submission s ON s.submission_id = o.submission_id
        WHERE s.submission_id IS NULL""",
    "values without a revision": """SELECT COUNT(*) FROM observation o
        LEFT JOIN submission_country_year p
          ON p.submission_id = o.submission_id AND p.iso3 = o.iso3 AND p.year = o.year
        WHERE p.revision IS NULL""",
    "values the history view misses": """SELECT (SELECT COUNT(*) FROM observation)
                                         - (SELECT COUNT(*) FROM observations_history)""",
    "files stored twice": """SELECT COUNT(*) FROM (
        SELECT sha256 FROM submission WHERE status = 'accepted'
        GROUP BY sha256 HAVING COUNT(*) > 1) twice""",
    "files the audit log misses or shows twice": """SELECT COUNT(*) FROM submission s LEFT JOIN (
        SELECT target, COUNT(*) AS events FROM audit_log
        WHERE action IN ('submission_accepted', 'submission_rejected')
        GROUP BY target) e ON e.target = CAST(s.submission_id AS VARCHAR(20))
        WHERE e.events IS NULL OR e.events <> 1""",
}


def assert_consistent(url: str) -> int:
    """Every accepted file whole, no value without an accepted file, views in agreement (one
    read-only connection: this runs after every kill, and leaves what a kill left for the next
    load to recover); returns how many files are loaded."""
    engine = connect(url, read_only=True)
    with engine.connect() as conn:
        found = {name: conn.exec_driver_sql(sql).scalar() for name, sql in CHECKS.items()}
        loaded = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM submission WHERE status = 'accepted'"
        ).scalar()
    engine.dispose()
    assert found == dict.fromkeys(CHECKS, 0)
    return loaded


# --- SIGKILL at random moments ------------------------------------------------------------------


def _announced_load(url: str, paths: list[str], steps: Pipe) -> None:
    """`gealc load PATHS` in a forked process that says on `steps`, just before taking it, each
    step it takes on the warehouse; once done it waits to be killed (a kill may come after the
    load too, while the process ends)."""

    def say(step: str) -> Callable:
        return lambda *_: steps.send_bytes(step.encode())

    for target, name, step in (
        (Pool, "connect", "connect"),
        (Engine, "begin", "begin"),
        (Engine, "before_cursor_execute", "execute"),
        (Engine, "commit", "commit"),
        (Pool, "close", "close"),
    ):
        event.listen(target, name, say(step))
    say("start")()
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["--db", url, "load", *paths])
    if code:
        sys.exit(code)
    say("end")()
    time.sleep(60)


def phase(steps: list[str], files: int) -> str:
    """Where a load of `files` files is once it has announced `steps`: a transaction checks the
    warehouse is built, one per file follows, then one refreshes the scores."""
    begun = steps.count("begin")
    if begun <= 1:
        return "starting"
    if steps[-1] in ("close", "end"):
        return "closing"
    if begun > files + 1:
        return "refreshing scores"
    return "committing a file" if steps[-1] == "commit" else "in a file"


@pytest.fixture(scope="module")
def forks() -> multiprocessing.context.ForkServerContext:
    """Processes forked from one that has imported everything a load needs."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def killed_load(
    forks, url: str, paths: list[Path], at: float = float("inf"), delay: float = 0.0
) -> list[tuple[str, float]]:
    """Load `paths` in a forked process and SIGKILL it `delay` seconds after its step number
    `at` (by default once it is done); the steps it announced before dying, with when each came."""
    receiver, sender = forks.Pipe(duplex=False)
    process = forks.Process(target=_announced_load, args=(url, list(map(str, paths)), sender))
    process.start()
    sender.close()
    steps: list[tuple[str, float]] = []
    while len(steps) <= at and (not steps or steps[-1][0] != "end"):
        assert receiver.poll(120), f"the load stalled after {steps[-3:]}"
        try:
            steps.append((receiver.recv_bytes().decode(), time.monotonic()))
        except EOFError:
            break  # it ended by itself: failed
    time.sleep(delay)
    process.kill()
    process.join()
    with contextlib.suppress(EOFError):
        while receiver.poll():
            steps.append((receiver.recv_bytes().decode(), time.monotonic()))
    receiver.close()
    assert process.exitcode == -signal.SIGKILL, (
        f"the load failed ({process.exitcode}) after {steps[-3:]}"
    )
    return steps


def windows(timed: list[tuple[str, float]]) -> dict[str, list[tuple[int, float]]]:
    """Each phase of a load whose steps came as `timed`: its steps, each with the time until the
    next."""
    steps = [step for step, _ in timed]
    within: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for at in range(len(timed) - 1):
        within[phase(steps[: at + 1], FILES_PER_RUN)].append((at, timed[at + 1][1] - timed[at][1]))
    return within


def kill_plan(
    timed: list[tuple[str, float]], kills: int, rng: random.Random
) -> list[tuple[int, float]]:
    """`kills` moments to kill a load at, spread over every phase of one whose steps came as
    `timed`: each phase in turn, one of its steps at random, a moment at random before the next."""
    within = windows(timed)
    phases = [p for p in PHASES if within[p]]
    return [
        (at, rng.uniform(0, gap))
        for at, gap in (rng.choice(within[phases[n % len(phases)]]) for n in range(kills))
    ]


def test_sigkill_mid_load_leaves_whole_files_or_nothing(built, tmp_path, forks):
    """Each run loads new files and is killed at a random moment of one of its phases; after each
    kill the warehouse must be consistent, and one `gealc load` of everything then completes.
    50 kills on DuckDB, where the killed process is the database engine itself (the file could be
    torn mid-write or mid-checkpoint); 12 on PostgreSQL, where the server outlives the process and
    rolls back what it left open, so what is at stake is only that each file is one transaction."""
    kills = KILLS["duckdb" if is_duckdb(built) else "postgresql"]
    runs = [files_for(tmp_path, FILES_PER_RUN, first=n * FILES_PER_RUN) for n in range(kills + 1)]
    timed = killed_load(
        forks, built, runs[0]
    )  # the first runs to the end: its steps and their pace
    assert assert_consistent(built) == FILES_PER_RUN
    plan = kill_plan(timed, kills, random.Random(SEED))
    landed: Counter[str] = Counter()
    for paths, (at, delay) in zip(runs[1:], plan, strict=True):
        steps = killed_load(forks, built, paths, at, delay)
        landed[phase([step for step, _ in steps], FILES_PER_RUN)] += 1
        assert_consistent(built)
    # Every phase long enough for a kill from another process to land in (a commit on PostgreSQL
    # takes well under a millisecond) was hit.
    assert {
        p for p, steps in windows(timed).items() if sum(gap for _, gap in steps) >= AIMABLE
    } <= set(landed), landed
    everything = [path for paths in runs for path in paths]
    ok(gealc("load", *map(str, everything), db=built))
    assert assert_consistent(built) == len(everything)
    assert query(built, "SELECT COUNT(*) FROM observations_current") == [
        (len(everything) * len(INDICATORS),)
    ]
    stale = "SELECT COUNT(*) FROM score WHERE computed_at < (SELECT MAX(loaded_at) FROM submission)"
    assert query(built, stale) == [(0,)]  # the scores were computed from every file loaded


def test_two_loads_at_once_are_serialised(built, tmp_path):
    each = 20
    procs = [
        start_load(built, files_for(tmp_path, each, iso3="URY")),
        start_load(built, files_for(tmp_path, each, iso3="URY", first=each)),
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    assert_consistent(built)
    revisions = query(
        built, "SELECT revision FROM submission_country_year WHERE iso3 = 'URY' ORDER BY revision"
    )
    assert revisions == [(n,) for n in range(1, 2 * each + 1)]
    [(latest_file,)] = query(
        built,
        f"""SELECT s.file_name FROM submission s JOIN submission_country_year p
            ON p.submission_id = s.submission_id WHERE p.revision = {2 * each}""",
    )
    assert query(built, "SELECT DISTINCT note FROM observations_current") == [
        (f"file {int(latest_file[-7:-4])}",)
    ]


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
