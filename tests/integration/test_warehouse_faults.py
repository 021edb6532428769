"""The site keeps answering when its DuckDB warehouse file is missing, held by another process's
write lock, or replaced by garbage, and recovers when the file is back, without a restart: a real
`gealc serve` process is asked for the home page, its route callback, a download, the API and the
portal's sign-in while each fault lasts. An answer is the release the worker holds in memory, or
a clear message (503 with Retry-After; a notice on pages) — never a server error, and no
traceback in the answer or the server's log.

DuckDB only: these faults are the embedded file's (a PostgreSQL warehouse is a server the app
reaches over the network)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

from app.release import Releases
from etl.build import build
from etl.load import load_file
from etl.publish import publish
from etl.review import review
from indicators.catalogue import load_catalogue
from indicators.countries import load_members
from locales.messages import t, tn
from tests.conftest import ROOT, free_port
from tests.integration.test_embargo import route_payload
from tests.integration.test_scores import full_year
from tests.portal_helpers import ACCOUNTS, add_accounts
from warehouse.db import connect

LATEST = "2024-1"
# Older releases, each holding URY only: one per fault that asks for a release the worker has not
# copied into memory yet (it keeps four).
OLDER = {"missing": "2023-a", "random bytes": "2023-b", "truncated": "2023-c"}
REPORTING = (
    "{n} de 33 países miembros reportó indicadores para 2024",
    "{n} de 33 países miembros reportaron indicadores para 2024",
)
UNAVAILABLE = t(
    "Los datos no están disponibles en este momento. Si acaba de instalar gealc, ejecute «make "
    "run» o «gealc build --demo».",
    "es",
)
BUSY = t("Base de datos ocupada", "es")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small published warehouse: releases 2023-a, -b, -c with URY, then 2024-1 with URY and CHL
    (values for 2024), and the portal's test accounts."""
    folder = tmp_path_factory.mktemp("faults")
    path = folder / "warehouse.duckdb"
    engine = connect(f"duckdb:///{path}")
    build(engine)
    catalogue, members = load_catalogue(), load_members()
    with engine.connect() as conn:
        for iso3, level in (("URY", 0.8), ("CHL", 0.6)):
            (folder / f"{iso3}.csv").write_text(full_year(iso3, level), encoding="utf-8")
            submission = load_file(
                conn, folder / f"{iso3}.csv", catalogue, members, "tests"
            ).submission_id
            with conn.begin():
                review(conn, [submission], "approved", "tests")
                for label in OLDER.values() if iso3 == "URY" else [LATEST]:
                    publish(conn, label, "tests", catalogue)
    engine.dispose()
    add_accounts(f"duckdb:///{path}")
    return path


@contextmanager
def serving(path: Path, log: Path) -> Iterator[str]:
    """`gealc serve` on the DuckDB file `path` (which may be missing), its output in `log`."""
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gealc.cli",
                "--db",
                f"duckdb:///{path}",
                "serve",
                "--port",
                str(port),
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while fetch(base + "/")[0] != 200:
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture(scope="module")
def site(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The site serving the warehouse (the latest release in memory), and its log."""
    log = tmp_path_factory.mktemp("log") / "serve.log"
    with serving(warehouse, log) as base:
        yield base, log


def fetch(
    url: str,
    data: bytes | None = None,
    headers: dict | None = None,
    opener: urllib.request.OpenerDirector | None = None,
) -> tuple[int, dict, str]:
    """Status, headers and text of one request (0 when nothing answers)."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=60) as response:
            return (
                response.status,
                dict(response.headers),
                response.read().decode("utf-8", "replace"),
            )
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode("utf-8", "replace")
    except OSError:
        return 0, {}, ""


def answers(base: str, release: str | None = None) -> dict[str, tuple[int, dict, str]]:
    """What a visitor gets for `release` (the latest when None): the page, its content (the route
    callback), a download and the API's list and values."""
    search = "?year=2024" + (f"&release={release}" if release else "")
    return {
        "page": fetch(f"{base}/{search}"),
        "callback": fetch(
            f"{base}/_dash-update-component",
            route_payload("/", search).encode(),
            {"Content-Type": "application/json"},
        ),
        "download": fetch(f"{base}/download/values.csv{search}"),
        "api list": fetch(f"{base}/api/v1/releases"),
        "api values": fetch(f"{base}/api/v1/releases/{release or LATEST}/values"),
    }


def shown(callback: str) -> str:
    """The text of the page content a route callback answered with."""
    return json.dumps(json.loads(callback)["response"]["shell"]["children"], ensure_ascii=False)


def assert_data(got: dict[str, tuple[int, dict, str]], countries: int) -> None:
    """Every answer holds the release's data: `countries` reporting 2024."""
    assert {what: status for what, (status, _, _) in got.items()} == dict.fromkeys(got, 200)
    assert tn(*REPORTING, countries, "es") in shown(got["callback"][2])
    assert got["download"][2].count("\r\n") - 1 == 15 * countries
    assert LATEST in got["api list"][2]
    assert json.loads(got["api values"][2])["total"] == 15 * countries


def assert_told(got: dict[str, tuple[int, dict, str]]) -> None:
    """No answer holds data, and each says clearly that it cannot: 503 with Retry-After, or the
    page's notice; never a server error."""
    assert got["page"][0] == 200  # the page's shell: its content comes from the callback
    status, _, body = got["callback"]
    assert status == 200 and UNAVAILABLE in shown(body)
    for what in ("download", "api values"):
        status, headers, body = got[what]
        assert (status, "Retry-After" in headers) == (503, True), (what, status, body[:300])
        assert "Traceback" not in body and "Internal Server Error" not in body, what


def assert_no_traceback(log: Path) -> None:
    """The server logged no error it did not handle."""
    text = log.read_text()
    assert "Traceback" not in text and "Exception on" not in text, text[-3000:]


def browser() -> urllib.request.OpenerDirector:
    """A client that keeps its cookies, as a browser does."""
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))


def sign_in(base: str, client: urllib.request.OpenerDirector) -> tuple[int, dict, str]:
    """Open the sign-in page and send its form as the secretariat's account."""
    status, _, page = fetch(f"{base}/login", opener=client)
    assert status == 200, page[:300]
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    form = f"username=sec&password={ACCOUNTS['sec'][2]}&csrf_token={token}".encode()
    return fetch(
        f"{base}/login", form, {"Content-Type": "application/x-www-form-urlencoded"}, client
    )


def assert_busy(answer: tuple[int, dict, str]) -> None:
    """The portal's page saying the warehouse cannot be used now (nothing was done)."""
    status, headers, page = answer
    assert (status, headers.get("Retry-After"), BUSY in page) == (503, "30", True), page[:500]


@contextmanager
def fault(path: Path, kind: str) -> Iterator[None]:
    """The warehouse file missing, or replaced by garbage, until the block ends."""
    good = path.read_bytes()
    if kind == "missing":
        path.unlink()
    else:
        path.write_bytes(
            os.urandom(len(good)) if kind == "random bytes" else good[: len(good) // 3]
        )
    try:
        yield
    finally:
        path.write_bytes(good)


def recovers(base: str, release: str | None, countries: int, within: float = 10.0) -> float:
    """Seconds until every answer for `release` holds its data again."""
    start = time.monotonic()
    while True:
        got = answers(base, release)
        try:
            assert_data(got, countries)
            return time.monotonic() - start
        except AssertionError:
            if time.monotonic() - start > within:
                raise
            time.sleep(0.3)


@pytest.mark.parametrize("kind", list(OLDER))
def test_a_missing_or_damaged_file_leaves_the_site_answering(site, warehouse, kind):
    base, log = site
    secretariat = browser()
    assert sign_in(base, secretariat)[0] == 200  # on the portal's first page
    with fault(warehouse, kind):
        time.sleep(2.5)  # longer than a worker keeps the list of releases before it reads it again
        assert_data(answers(base), countries=2)  # the release in memory is still served
        started = time.monotonic()
        assert_told(answers(base, OLDER[kind]))  # one not in memory cannot be: said so, at once
        assert time.monotonic() - started < 5
        assert fetch(f"{base}/login")[0] == 200
        assert_busy(sign_in(base, browser()))
        assert_busy(fetch(f"{base}/portal/submissions", opener=secretariat))
    assert recovers(base, OLDER[kind], countries=1) < 5
    assert fetch(f"{base}/portal/submissions", opener=secretariat)[0] == 200
    assert_no_traceback(log)


def test_a_file_locked_by_a_writer_leaves_the_site_answering(site, warehouse):
    base, log = site
    hold = (
        "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('held', flush=True); "
        "sys.stdin.read()"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(warehouse)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "held\n"
        time.sleep(2.5)
        assert_data(answers(base), countries=2)  # what the worker holds, at once (it waits for a
        # writer only for what it does not hold yet: up to 10 s, then 503)
    finally:
        holder.stdin.close()
        holder.wait(10)
    assert recovers(base, None, countries=2) < 5
    assert_no_traceback(log)


def test_a_site_started_without_its_file_says_so_then_serves_it_once_back(warehouse, tmp_path):
    later = tmp_path / "warehouse.duckdb"
    with serving(later, tmp_path / "serve.log") as base:
        assert_told(answers(base))
        status, headers, _ = fetch(f"{base}/api/v1/releases")
        assert (status, headers.get("Retry-After")) == (503, "60")
        assert fetch(f"{base}/login")[0] == 200
        assert_busy(sign_in(base, browser()))
        assert (
            not later.exists()
        )  # signing in did not make an empty warehouse where the file belongs
        later.write_bytes(warehouse.read_bytes())
        assert recovers(base, None, countries=2) < 3
    assert_no_traceback(tmp_path / "serve.log")


def test_a_worker_that_cannot_read_the_warehouse_looks_again_every_few_seconds_not_at_each_request(
    warehouse,
):
    """Under load, trying the file at every request would make every visitor wait for the
    attempt."""
    engine = connect(f"duckdb:///{warehouse}", read_only=True)
    book = Releases(engine, ttl=2.0)
    assert book.latest() == LATEST
    attempts: list[float] = []
    opens = engine.dialect.connect

    def counted(*args: object, **kwargs: object) -> object:  # the real connect, counted
        attempts.append(time.monotonic())
        return opens(*args, **kwargs)

    engine.dialect.connect = counted
    with fault(warehouse, "missing"):
        time.sleep(2.1)  # the list of releases is due to be read again
        started = time.monotonic()
        while time.monotonic() - started < 1.5:
            assert book.latest() == LATEST  # the list it holds
        assert len(attempts) == 1
    time.sleep(2.1)
    assert book.latest() == LATEST and len(attempts) == 2  # and it reads the file again once back
    engine.dispose()


@pytest.mark.parametrize(
    "command",
    [
        ["load", "FILE"],
        ["build"],
        ["review", "list"],
        ["publish", "--label", "x"],
        ["users", "list"],
    ],
)
def test_the_command_line_names_a_damaged_warehouse_and_what_to_do(tmp_path, command):
    from tests.helpers import gealc

    damaged = tmp_path / "w.duckdb"
    damaged.write_bytes(os.urandom(64 * 1024))
    submission = tmp_path / "f.csv"
    submission.write_text("country,year,indicator,value\nURY,2024,SD1,50\n")
    args = [str(submission) if a == "FILE" else a for a in command]
    done = gealc(*args, db=f"duckdb:///{damaged}")
    assert done.returncode == 74, done.stderr
    assert str(damaged) in done.stderr and "gealc build" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_command_line_names_an_unreachable_server(tmp_path):
    from tests.helpers import gealc

    done = gealc("review", "list", db=f"postgresql://gealc@127.0.0.1:{free_port()}/nowhere")
    assert done.returncode == 74 and "127.0.0.1" in done.stderr and "Traceback" not in done.stderr
