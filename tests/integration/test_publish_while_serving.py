"""Publishing while the app serves, on both backends: visitors keep opening the home page and
downloading while `gealc publish` writes a new release; no request fails, every page shows one
release (its figures and its download links agree), and the new release appears without a
restart."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter

import pytest

from tests.conftest import ROOT, free_port
from tests.helpers import gealc, ok
from tests.integration.test_embargo import route_payload
from tests.integration.test_releases import load, states
from tests.integration.test_scores import full_year

REPORTING = re.compile(r"(\d+) de 33 países miembros report(?:ó|aron) indicadores para 2024")
EXPECTED = {"r1": 1, "r2": 2}  # countries reporting 2024 in each release


@pytest.fixture
def serving(built, tmp_path):
    """Release r1 holds URY; CHL is approved and waits for the next release; the app serves."""
    for iso3, level in (("URY", 0.8), ("CHL", 0.6)):
        load(built, tmp_path, f"{iso3}.csv", full_year(iso3, level))
        ok(
            gealc(
                "review",
                "approve",
                *[str(i) for i, s in states(built).items() if s[0] == iso3],
                db=built,
            )
        )
        if iso3 == "URY":
            ok(gealc("publish", "--label", "r1", db=built))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gealc.cli", "--db", built, "serve", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=5)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                pytest.fail("gealc serve did not start")
            time.sleep(0.3)
    yield built, base
    server.terminate()
    server.wait(10)


def visit(base: str) -> tuple[int, set[str], int | None]:
    """Open the home page as a browser does: status, the releases its links name, countries
    reporting."""
    request = urllib.request.Request(
        base + "/_dash-update-component",
        # The reporting chart's Download tab: its links name the release the page was built from.
        data=route_payload("/", "?year=2024&home-reporting=download").encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.dumps(json.loads(response.read()), ensure_ascii=False)
    found = REPORTING.search(body)
    return (
        response.status,
        set(re.findall(r"release=([\w.-]+)", body)),
        int(found.group(1)) if found else None,
    )


def test_publishing_while_serving_fails_no_request_and_mixes_no_releases(serving):
    url, base = serving
    seen: list[tuple[int, set[str], int | None]] = []
    errors: list[str] = []
    stop = threading.Event()

    def visitor() -> None:
        while not stop.is_set():
            try:
                seen.append(visit(base))
                with urllib.request.urlopen(base + "/download/values.csv", timeout=30) as response:
                    assert response.status == 200
            except (
                OSError,
                AssertionError,
                ValueError,
            ) as exc:  # a failed request is what this test looks for
                errors.append(repr(exc))

    threads = [threading.Thread(target=visitor) for _ in range(3)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    published = gealc("publish", "--label", "r2", db=url)
    time.sleep(4.0)  # longer than a worker waits before it looks for a newer release
    stop.set()
    for thread in threads:
        thread.join(60)
    ok(published)
    assert not errors, errors[:3]
    labels = Counter(next(iter(releases)) for _, releases, _ in seen)
    assert set(labels) == {"r1", "r2"}, labels
    for status, releases, reporting in seen:
        assert status == 200 and len(releases) == 1
        assert reporting == EXPECTED[next(iter(releases))]
    assert next(iter(seen[-1][1])) == "r2"
