"""A real server on a demo warehouse, and headless Chromium from Debian's packages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.export import BROWSER_ARGS
from tests.conftest import ROOT, free_port, missing
from tests.helpers import gealc


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


LATEST = "demo-2"


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo warehouse with a second release of the same data, so there is an older one to
    show."""
    url = f"duckdb:///{tmp_path_factory.mktemp('web') / 'gealc.duckdb'}"
    for command in (
        ["build", "--demo"],
        ["publish", "--label", LATEST, "--note", "the demo again"],
    ):
        result = gealc(*command, db=url)
        assert result.returncode == 0, result.stderr
    return url


@contextmanager
def serving(url: str, folder: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """`gealc serve` on a free loopback port; yields its base URL. Its log goes to a file: a
    pipe nobody reads fills up after a few hundred requests and the server blocks writing."""
    port = free_port()
    log_path = folder / "serve.log"
    log = log_path.open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "gealc.cli", "--db", url, "serve", "--port", str(port)],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **(env or {})},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base, timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"gealc serve exited: {log_path.read_text()}")
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("gealc serve did not answer within 60 s")
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def server(demo_warehouse: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site on the demo warehouse."""
    with serving(demo_warehouse, tmp_path_factory.mktemp("serve")) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        missing("Chromium (Debian package chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, args=BROWSER_ARGS)
        yield chromium
        chromium.close()


class Recorder:
    """Every request a page makes and every console error it logs."""

    def __init__(self, page) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def off_origin(self, base: str) -> list[str]:
        return [u for u in self.requests if not (u.startswith((base + "/", "data:")) or u == base)]


def interactive(tab) -> None:
    """Make `tab.goto` return once the page is the interactive one: the server's first view (real
    HTML, app.first_view) gives way to the Dash page when it is drawn, and an element found in the
    first view would then be gone."""
    goto = tab.goto

    def opened(url: str, **kwargs):
        response = goto(url, **kwargs)
        tab.wait_for_function("() => !document.getElementById('first-view')")
        return response

    tab.goto = opened


@pytest.fixture
def page(browser, request):
    """A fresh browser context at laptop size, with a recorder attached."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    tab = context.new_page()
    tab.recorder = Recorder(tab)
    interactive(tab)
    yield tab
    context.close()


@pytest.fixture
def phone(browser):
    """A fresh browser context the size of a phone (390 × 844, touch), with a recorder."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    tab = context.new_page()
    tab.recorder = Recorder(tab)
    interactive(tab)
    yield tab
    context.close()


SCREENSHOTS = ROOT / "screenshots"
# `make screenshots` sets this: every page in every language at both widths, saved as PNG.
TAKE_SCREENSHOTS = bool(os.environ.get("GEALC_SCREENSHOTS"))


def screenshot(tab, name: str) -> Path | None:
    """Save the whole page as screenshots/<name>.png when screenshots were asked for."""
    if not TAKE_SCREENSHOTS:
        return None
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path


def wait_for_charts(tab, *chart_ids: str) -> None:
    """Wait until each named dcc.Graph has drawn."""
    for chart in chart_ids:
        tab.wait_for_selector(f"#{chart} .main-svg")


def settled(tab) -> None:
    """Wait until no callback is under way (Dash shows `._dash-loading-callback` meanwhile)."""
    tab.wait_for_function("() => !document.querySelector('._dash-loading-callback')")


def pick(tab, key: str, option: str) -> None:
    """Choose `option` in the page's `key` filter, as a person would: open it, click the option."""
    settled(
        tab
    )  # a control being redrawn (after the last choice) would close its menu under the click
    tab.click(f'[id=\'{{"key":"{key}","type":"filter"}}\']')
    tab.get_by_role("option", name=option, exact=True).click()


def table_rows(tab, nth: int = 0) -> list[list[str]]:
    """The cells' text of the `nth` data table's body rows (hidden tables included)."""
    return tab.evaluate(
        "n => [...document.querySelectorAll('table.data-table')[n].tBodies[0].rows]"
        ".map(tr => [...tr.cells].map(td => td.textContent.trim()))",
        nth,
    )


def download_csv(url: str) -> list[dict[str, str]]:
    import csv
    import io
    import urllib.request

    with urllib.request.urlopen(url) as response:
        return list(csv.DictReader(io.StringIO(response.read().decode("utf-8-sig"))))
