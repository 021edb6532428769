"""The read side's figures: page callbacks' server time, the site under load from 50 simulated
visitors (alone and while files are loaded and a release published), page weight and time to
first chart in headless Chromium, and the workers' memory."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import flask

from app.pagecache import router_request
from bench import phone
from bench.measure import Figure, figure, peak_rss_mb, timed
from etl.paths import PROJECT_ROOT

PAGES = ("/", "/explorer", "/compare", "/country/URY", "/un", "/coverage", "/data")
LANGS = ("es", "en", "pt", "fr")
WARMED_CHARTS = tuple(f"{page}?lang={lang}" for page in PAGES for lang in LANGS)
SECRET = "bench-only-secret-" + "0" * 32
# Seconds a simulated visitor looks at a page before opening the next: a quick analyst clicking
# through (about 4 requests per second each, so 50 visitors ask for about 200 a second).
PAUSE = (0.2, 0.6)


def baseline_app() -> flask.Flask:
    """A bare Flask route returning a fixed JSON: what the machine does when gealc does nothing."""
    bare = flask.Flask("baseline")
    bare.add_url_rule(
        "/ping", "ping", lambda: flask.jsonify({"ok": True, "figures": list(range(10))})
    )
    return bare


def callbacks(
    url: str, quick: bool, scale: str = "network", budget: float = 50, country: str = "URY"
) -> list[Figure]:
    """Server time of each page's router callback through Dash's HTTP endpoint (Flask's test
    client: no network), first build of a view (cold) and again (warm: releases never change,
    so a built page is kept). The baseline (a bare Flask JSON route) is measured beside it."""
    from app.server import create_app

    client = create_app(url).server.test_client()
    bare = baseline_app().test_client()
    repeat = 3 if quick else 20
    found = [
        figure(
            "callbacks",
            f"{scale}: baseline, bare Flask JSON route",
            "ms",
            [s * 1000 for s in timed(lambda: bare.get("/ping"), repeat * 5)],
        )
    ]
    langs = LANGS[:1] if quick else LANGS
    for page in (p.replace("URY", country) for p in PAGES):
        cold, warm = [], []
        for lang in langs:
            body = router_request(page, f"?lang={lang}")

            def call(body: str = body) -> None:
                response = client.post(
                    "/_dash-update-component", data=body, content_type="application/json"
                )
                assert response.status_code == 200, response.status_code

            cold += timed(call, 1)
            warm += timed(call, repeat)
        found.append(
            figure(
                "callbacks", f"{scale}: {page} warm", "ms", [s * 1000 for s in warm], budget=budget
            )
        )
        found.append(
            figure(
                "callbacks",
                f"{scale}: {page} cold (first build)",
                "ms",
                [s * 1000 for s in cold],
                note="report only: the budget is judged on pages already built",
            )
        )
    return found


def world_callbacks(workdir: Path, quick: bool) -> list[Figure]:
    """The same callbacks on the synthetic 193-country × 25-year warehouse, published."""
    from bench.etl import world_warehouse
    from etl.publish import publish
    from etl.scores import refresh_scores
    from indicators.catalogue import load_catalogue
    from warehouse.db import connect

    catalogue = load_catalogue()
    url = world_warehouse(workdir, catalogue)
    engine = connect(url)
    with engine.connect() as conn, conn.begin():
        refresh_scores(conn, catalogue)
        publish(conn, "world", "bench", catalogue)
    engine.dispose()
    return callbacks(url, quick, scale="193 countries", budget=150, country="XAA")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Served:
    base: str
    process: subprocess.Popen
    log: Path

    def worker_pids(self) -> list[int]:
        """gunicorn's workers: the processes whose parent is the master."""
        pids = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                lines = status.read_text().splitlines()
            except OSError:
                continue
            if f"PPid:\t{self.process.pid}" in lines:
                pids.append(int(status.parent.name))
        return pids

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def gunicorn(url: str, folder: Path, workers: int = 2) -> Served:
    """The whole site under gunicorn (the deployment the README gives), on a free port."""
    port = free_port()
    log = folder / "gunicorn.log"
    env = {
        **os.environ,
        "GEALC_DATABASE_URL": url,
        "GEALC_SECRET_KEY": SECRET,
        "GEALC_UPLOAD_DIR": str(folder / "up"),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            str(workers),
            "--threads",
            "4",
            "-b",
            f"127.0.0.1:{port}",
            "--timeout",
            "120",
            "gealc.site:wsgi()",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/api/v1/releases", timeout=5)
            return Served(base, process, log)
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {log.read_text()[-2000:]}") from None
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("gunicorn did not answer within 90 s")


@dataclass
class Walk:
    """What the simulated visitors saw: each request's time, and the failures."""

    times: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _visitor(base: str, until: float, walk: Walk, seed: int, pause: tuple[float, float]) -> None:
    """One visitor walking the pages: each page is its HTML, then the router callback, then a
    pause drawn from `pause` (seconds) before the next page."""
    import requests

    rng = random.Random(seed)
    session = requests.Session()
    while time.monotonic() < until:
        time.sleep(rng.uniform(*pause))
        page, lang = rng.choice(PAGES), rng.choice(LANGS)
        for method, path, body in (
            ("GET", f"{page}?lang={lang}", None),
            ("POST", "/_dash-update-component", router_request(page, f"?lang={lang}")),
        ):
            start = time.perf_counter()
            try:
                response = session.request(
                    method,
                    base + path,
                    data=body,
                    timeout=30,
                    headers={"Content-Type": "application/json"} if body else {},
                )
                failed = None if response.status_code < 400 else f"{response.status_code} {path}"
            except requests.RequestException as exc:  # any failure a visitor would see counts
                failed = f"{type(exc).__name__} {path}"
            elapsed = time.perf_counter() - start
            with walk.lock:
                walk.times.append(elapsed)
                if failed:
                    walk.failures.append(failed)


def walk(base: str, users: int, seconds: float, pause: tuple[float, float] = (0.0, 0.0)) -> Walk:
    """`users` visitors walking the site at once for `seconds`, pausing `pause` between pages
    (none by default: as many requests as the site can answer)."""
    result = Walk()
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_visitor, args=(base, until, result, n, pause))
        for n in range(users)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return result


def bare_rate(seconds: float) -> float:
    """Requests per second one client thread gets from a bare route under gunicorn-like threading
    (the same machine, the same run): the baseline for the load figures."""
    from werkzeug.serving import WSGIRequestHandler, make_server

    class Quiet(WSGIRequestHandler):
        def log_request(self, *args: object) -> None:
            pass

    server = make_server(
        "127.0.0.1", free_port(), baseline_app(), threaded=True, request_handler=Quiet
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    result = walk_bare(f"http://127.0.0.1:{server.server_port}/ping", seconds)
    server.shutdown()
    return result


def walk_bare(url: str, seconds: float) -> float:
    import requests

    session, count, until = requests.Session(), 0, time.monotonic() + seconds
    while time.monotonic() < until:
        session.get(url, timeout=10)
        count += 1
    return count / seconds


def load_figures(label: str, result: Walk, seconds: float) -> list[Figure]:
    ms = [t * 1000 for t in result.times] or [0.0]
    rate = len(result.times) / seconds
    return [
        figure(
            "load",
            f"{label}: requests per second",
            "req/s",
            [rate],
            budget=150,
            at_least=True,
            judged_on="median",
        ),
        figure("load", f"{label}: response time", "ms", ms, budget=300),
        figure(
            "load",
            f"{label}: failed requests",
            "count",
            [len(result.failures)],
            budget=0,
            judged_on="median",
            note="; ".join(sorted(set(result.failures))[:5]),
        ),
    ]


def under_load(
    url: str, folder: Path, quick: bool, etl_job: list[Callable[[], list[str]]] | None
) -> tuple[list[Figure], Served]:
    """50 visitors for 60 s (quick: 10 for 5 s) on gunicorn with 2 workers, each pausing PAUSE
    between pages; with `etl_job`, those `gealc` commands (each made when its turn comes) run one
    after the other meanwhile."""
    served = gunicorn(url, folder)
    users, seconds = (10, 5.0) if quick else (50, 60.0)
    # Every worker has its release in memory, the pages built and their charts drawn: the
    # figures are a running site's, not a starting one's.
    walk(served.base, 4, 3.0)
    phone.warm(served.base, WARMED_CHARTS)
    jobs = []
    if etl_job:

        def run_jobs() -> None:
            jobs.extend(
                subprocess.run(
                    [sys.executable, "-m", "gealc.cli", "--db", url, *command()],
                    cwd=PROJECT_ROOT,
                    capture_output=True,
                    text=True,
                    check=False,
                )
                for command in etl_job
            )

        runner = threading.Thread(target=run_jobs)
        runner.start()
    result = walk(served.base, users, seconds, PAUSE)
    if etl_job:
        runner.join()
    label = "while loading and publishing" if etl_job else "alone"
    found = load_figures(label, result, seconds)
    if etl_job:
        done = sum(j.returncode == 0 for j in jobs)
        found.append(
            figure(
                "load",
                f"{label}: ETL commands that succeeded",
                "count",
                [done],
                budget=len(etl_job),
                at_least=True,
                judged_on="median",
                note="; ".join(j.stderr.strip()[-200:] for j in jobs if j.returncode),
            )
        )
    return found, served


def capacity(base: str, quick: bool) -> Figure:
    """Requests per second when 50 visitors never pause: what the site answers at most (report
    only)."""
    seconds = 3.0 if quick else 20.0
    result = walk(base, 10 if quick else 50, seconds)
    return figure(
        "load",
        "capacity: requests per second with no pause between pages",
        "req/s",
        [len(result.times) / seconds],
        note=f"{len(result.failures)} failed; p95 "
        f"{sorted(result.times)[int(0.95 * len(result.times))] * 1000:.0f} ms",
    )


def run(workdir: Path, quick: bool) -> list[Figure]:
    """Every read-side figure on a demo warehouse (`gealc build --demo`)."""
    url = f"duckdb:///{workdir / 'web.duckdb'}"
    subprocess.run(
        [sys.executable, "-m", "gealc.cli", "--db", url, "build", "--demo"],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
    )
    found = callbacks(url, quick) + world_callbacks(workdir, quick)
    rate = bare_rate(2.0 if quick else 5.0)
    found.append(figure("load", "baseline: bare Flask route, one client", "req/s", [rate]))
    alone, served = under_load(url, workdir, quick, None)
    found += [*alone, capacity(served.base, quick)]
    found += [
        figure(
            "memory",
            "gunicorn worker peak RSS after the load",
            "MB",
            [peak_rss_mb(pid) for pid in served.worker_pids()] or [0.0],
        )
    ]
    found += phone.run_pages(served.base, phone.write_report(url, workdir), quick)
    served.stop()
    files = generated_submissions(workdir / "parallel", 50 if quick else 1000)
    jobs = [
        lambda: ["load", "--wait", "120", *map(str, files)],
        lambda: ["review", "approve", "--by", "bench", *map(str, _accepted_ids(url))],
        lambda: ["publish", "--label", "bench-parallel"],
    ]
    busy, served = under_load(url, workdir, quick, jobs)
    served.stop()
    return found + busy


def _accepted_ids(url: str) -> list[int]:
    """The submissions accepted and not yet reviewed: what the secretariat approves after a load."""
    from warehouse.db import connect
    from warehouse.submissions import submissions_for_review

    engine = connect(url, read_only=True)
    with engine.connect() as conn:
        ids = submissions_for_review(conn, "accepted", None, None)["submission_id"].tolist()
    engine.dispose()
    return ids


def generated_submissions(folder: Path, count: int) -> list[Path]:
    """`count` valid CSV submissions as the ETL figures load them (revisions of the demo's
    values)."""
    from bench.etl import write_csv_submissions
    from indicators.catalogue import load_catalogue
    from indicators.countries import load_members

    return write_csv_submissions(folder, count, load_catalogue(), load_members())
