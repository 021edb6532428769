"""The prechecker process that reads and checks a batch's files ahead of the loader: the same
receipts and warehouse as checking each file in the loader, whatever happens to the process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import ClassVar

import pytest

from etl.load import Loader
from etl.prechecker import AHEAD, FROM_FILES, _in_order, _Prechecker, prechecked
from etl.submission.checking import check_file
from indicators.catalogue import load_catalogue
from indicators.countries import load_members
from tests.conftest import ROOT, snapshot
from tests.integration.conftest import built_warehouse
from warehouse.db import connect

HEADER = "country,year,indicator,value,numerator,denominator,source,note\n"
COUNTRIES = ["ARG", "BOL", "BRA", "CHL", "COL", "CRI", "ECU", "MEX", "PAN", "PER", "PRY", "URY"]


def batch(folder: Path, count: int = 40) -> list[Path]:
    """Files of every kind a batch meets: new country-years, revisions (with a jump the history
    check warns about), the same bytes twice, a file with errors, one that is not a table."""
    paths = []
    for n in range(count):
        path = folder / f"f{n:02d}.csv"
        country, year = (
            COUNTRIES[n % len(COUNTRIES)],
            2021 if n >= 30 else 2020 + (n // len(COUNTRIES)) % 2,
        )
        value = 95 if n >= 30 else 40 + n % 7  # from 2020's 40-46 to 95: a jump
        body = (
            f"{country},{year},SD1,{value},,,Agencia,\n"
            f"{country},{year},SD2,{30 + n % 5},,,Agencia,\n"
        )
        if n == 13:
            body += f"{country},{year},SD2,200,,,,\n"  # out of range and a duplicate row: rejected
        path.write_text(HEADER + body, encoding="utf-8")
        paths.append(path)
    (folder / "f05.csv").write_bytes((folder / "f01.csv").read_bytes())  # unchanged the second time
    (folder / "f21.csv").write_bytes(b"%PDF-1.4 not a table")
    return paths


def loaded(url: str, paths: list[Path], all_at_once: bool) -> tuple[list[tuple], dict]:
    """Receipts (without times) and the warehouse's tables after loading `paths` in one batch or
    file by file."""
    catalogue, members = load_catalogue(), load_members()
    engine = connect(url)
    with engine.connect() as conn:
        loader = Loader(conn, catalogue, members, "tester")
        receipts = list(loader.load_all(paths)) if all_at_once else [loader.load(p) for p in paths]
    engine.dispose()
    kept = [
        (r.file, r.sha256, r.status, r.findings, r.rows, r.parts, r.submission_id) for r in receipts
    ]
    return kept, {
        name: rows for name, rows in snapshot(url).items() if name not in ("submission", "score")
    }


@pytest.fixture(params=["duckdb", "postgresql"])
def two_built(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str]:
    """Two built warehouses on one backend."""
    urls = []
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        urls.append(built_warehouse(request, tmp_path / name))
    return urls[0], urls[1]


def test_a_batch_gives_the_receipts_and_warehouse_that_file_by_file_loading_gives(
    two_built, tmp_path
):
    paths = batch(tmp_path)
    by_file = loaded(two_built[0], paths, all_at_once=False)
    assert {r[2] for r in by_file[0]} == {"accepted", "rejected", "unchanged"}
    assert any(f.code == "implausible_change" for r in by_file[0] for f in r[3])
    assert loaded(two_built[1], paths, all_at_once=True) == by_file


def test_files_are_checked_ahead_once_it_is_ready_each_once_and_in_order(tmp_path):
    paths = batch(tmp_path)
    catalogue, members = load_catalogue(), load_members()
    with prechecked(paths, catalogue, members) as ahead:
        seen = list(ahead)  # however soon the process is ready: no assumption on speed
    assert [p for p, _ in seen] == paths
    answered = [c is not None for _, c in seen]
    assert answered == sorted(answered)  # once it is ready, every later file comes checked
    assert all(c == check_file(p, catalogue, members) for p, c in seen if c is not None)
    prechecker = _Prechecker(catalogue, members)
    try:
        _wait_for(prechecker.ready)  # a loader that is still busy when the process is ready
        ready = list(_in_order(paths, prechecker))
    finally:
        prechecker.close()
    assert [p for p, _ in ready] == paths
    assert all(c == check_file(p, catalogue, members) for p, c in ready)  # all ahead, all equal
    with prechecked(paths[: FROM_FILES - 1], catalogue, members) as ahead:
        assert all(checked is None for _, checked in ahead)  # a short batch: no process


class Watched(dict):
    """A dict that records the thread it is pickled in."""

    pickled_in: ClassVar[list[threading.Thread]] = []

    def __reduce__(self):
        Watched.pickled_in.append(threading.current_thread())
        return (dict, (dict(self),))


def test_the_process_gets_its_copy_before_the_loader_goes_on():
    """The catalogue and members are copied for the process before the constructor returns: a
    loader filling their lazy caches meanwhile once stopped the copy ('dictionary changed size
    during iteration'), and every file of the batch was checked in the loader."""
    prechecker = _Prechecker(load_catalogue(), Watched(URY="Uruguay"))
    try:
        assert Watched.pickled_in == [threading.current_thread()]
    finally:
        prechecker.close()


def test_if_the_process_dies_the_loader_checks_the_rest_itself(tmp_path):
    paths = batch(tmp_path, 100)
    catalogue, members = load_catalogue(), load_members()
    seen: list = []
    with prechecked(paths, catalogue, members) as ahead:
        for _, checked in ahead:
            seen.append(checked)
            if checked is not None and len([c for c in seen if c is not None]) == 1:
                os.kill(_prechecker_pid(), signal.SIGKILL)
            time.sleep(0.02)
    killed_at = next(n for n, c in enumerate(seen) if c is not None)
    assert len(seen) == len(paths) and killed_at + AHEAD + 1 < len(paths)
    assert all(
        c is None for c in seen[killed_at + AHEAD + 1 :]
    )  # beyond what it had answered already


def test_the_process_ends_with_a_loader_killed_by_sigkill(built, tmp_path):
    paths = batch(tmp_path, 400)
    load = subprocess.Popen(
        [sys.executable, "-m", "gealc.cli", "--db", built, "load", *map(str, paths)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    child = _wait_for(lambda: _children_named(load.pid, "etl.prechecker"))[0]
    load.kill()
    load.wait()
    assert _wait_for(lambda: not _alive(child)), "the prechecker outlived its loader"


def _wait_for(condition, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.05)
    return condition()


def _children_named(parent: int, word: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent and word.encode() in command:
                found.append(int(entry.name))
    return found


def _prechecker_pid() -> int:
    return _wait_for(lambda: _children_named(os.getpid(), "etl.prechecker"))[0]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
