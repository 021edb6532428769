"""Issue 22's "fast on a phone": for each page, the largest contentful paint, the first chart
visible, the time to interactive and the bytes, in headless Chromium as a phone on a slow network
sees them (and on a desktop, report only), beside the static report (one HTML file, charts inline)
served the same way: the in-run floor, what a page without scripts or data requests costs."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from app.export import BROWSER_ARGS
from bench.measure import Figure, figure
from etl.paths import PROJECT_ROOT

PAGES = ("/", "/explorer", "/compare", "/country/URY")
EMBED = "/embed/explorer"
# The server's static SVG chart in the first view, or Plotly's interactive one.
CHART = ".chart-room svg, .main-svg"
# The report's charts are Plotly's SVG inside <figure>.
REPORT_CHART = ".chart-room svg, .main-svg, figure svg, svg"
WAIT_MS = 120_000  # a throttled page that has not drawn by then has failed
DRAWN_WAIT = 90.0  # s for the server to draw the first views' charts in the background
DRAWN_STREAK = 6  # answers in a row: each worker of the server (each draws its own) has them
TTI_NOTE = "when the Dash page has replaced the first view and its chart is drawn"
FLOOR_NOTE = "report only: the static report (one HTML file, charts inline), the in-run floor"

# Installed before any of the page's own scripts: what the page shows and when, in ms from the
# navigation's start. The chart time is taken in a task queued from the next animation frame,
# that is once the frame showing the chart has been painted. A page has charts when its first
# view keeps room for one (Dash draws a chart's .dash-graph only once its code has arrived).
PROBE = """
(() => {
  const CHART = %s, APP = %s;
  const m = (window.__bench = { lcp: null, lcpElement: "", chart: null, tti: null });
  new PerformanceObserver((list) => {
    const last = list.getEntries().at(-1);
    m.lcp = last.startTime;
    const e = last.element;
    m.lcpElement = e ? e.tagName.toLowerCase() + (e.className ? "." + e.className : "") : "";
  }).observe({ type: "largest-contentful-paint", buffered: true });
  let charted = false, graphs = false;
  function interactive() {
    graphs = graphs || !!document.querySelector("#first-view .chart-room, .dash-graph");
    return !document.getElementById("first-view")
      && document.querySelector("#react-entry-point #main")
      && (!graphs || document.querySelector("#react-entry-point .main-svg"));
  }
  function check() {
    if (!charted && document.querySelector(CHART)) {
      charted = true;
      requestAnimationFrame(() => setTimeout(() => { m.chart = performance.now(); }));
    }
    if (APP && m.tti === null && interactive()) { m.tti = performance.now(); }
    return charted && (!APP || m.tti !== null);
  }
  const watcher = new MutationObserver(() => { if (check()) { watcher.disconnect(); } });
  watcher.observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", check);
})();
"""
DONE = (
    "app => window.__bench && window.__bench.lcp !== null && window.__bench.chart !== null"
    " && (!app || window.__bench.tti !== null)"
)
# Bytes on the wire (headers and compressed bodies) of the page and everything it fetched: all of
# them, and those needed by `until` ms (the page itself, even when it was drawn before its last
# byte arrived, and what had arrived by then).
BYTES = """
until => {
  const page = performance.getEntriesByType("navigation");
  const fetched = performance.getEntriesByType("resource");
  const sum = (list) => list.reduce((total, e) => total + e.transferSize, 0);
  return {
    early: sum(page) + sum(fetched.filter((e) => e.responseEnd <= until)),
    total: sum(page) + sum(fetched),
  };
}
"""


@dataclass(frozen=True)
class Profile:
    """A device: its screen, and the network and CPU it has (None: the machine's own)."""

    name: str
    screen: dict[str, Any]
    network: dict[str, Any] | None = None
    cpu_slowdown: float | None = None


PHONE = Profile(
    "phone",
    {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    # Slow 4G: 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up (bytes per second here).
    {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 93_750},
    cpu_slowdown=4,
)
DESKTOP = Profile("desktop", {"viewport": {"width": 1366, "height": 768}})


@dataclass
class Loads:
    """What the runs of one page in one profile measured (seconds, KB)."""

    lcp: list[float] = field(default_factory=list)
    chart: list[float] = field(default_factory=list)
    tti: list[float] = field(default_factory=list)
    early_kb: list[float] = field(default_factory=list)
    total_kb: list[float] = field(default_factory=list)
    lcp_elements: Counter = field(default_factory=Counter)

    def add(self, seen: dict[str, Any]) -> None:
        """One load's measurements (ms and bytes, as `load` gives them)."""
        self.lcp.append(seen["lcp"] / 1000)
        self.chart.append(seen["chart"] / 1000)
        if seen["tti"] is not None:
            self.tti.append(seen["tti"] / 1000)
        self.early_kb.append(seen["early"] / 1000)
        self.total_kb.append(seen["total"] / 1000)
        self.lcp_elements[seen["lcpElement"]] += 1


def write_report(url: str, workdir: Path) -> Path:
    """The latest release's report as one HTML file (`gealc report`), charts inline as SVG."""
    path = workdir / "report.html"
    subprocess.run(
        [sys.executable, "-m", "gealc.cli", "--db", url, "report", "-o", str(path)],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
    )
    return path


def serve_file(path: Path) -> ThreadingHTTPServer:
    """`path` at / on a loopback port, gzip-compressed as the site's pages are, so the network
    emulation applies to it as to them (a file:// URL would bypass it). Anything else (the
    browser's favicon) is not found."""
    body = gzip.compress(path.read_bytes())

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path != "/":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def warm(base: str, pages: tuple[str, ...]) -> None:
    """Ask for every page once, then until its first view holds its charts as SVG (the server
    draws them in the background, once) or DRAWN_WAIT passes: the figures are a visitor's after
    the site has started, not the first visitor's. A server that draws none is measured as it is."""
    deadline = time.monotonic() + DRAWN_WAIT
    streak = dict.fromkeys(pages, 0)  # answers in a row with the charts: every worker has them
    while min(streak.values()) < DRAWN_STREAK and time.monotonic() < deadline:
        for page in streak:
            with urllib.request.urlopen(base + page, timeout=60) as response:
                text = response.read().decode("utf-8", "replace")
            drawn = text.count('class="static-chart') == 2 * text.count('class="chart-room"')
            streak[page] = streak[page] + 1 if drawn else 0
        time.sleep(0.5)


def load(browser: Any, url: str, profile: Profile, *, app: bool) -> dict[str, Any]:
    """One load of `url` in a new browser context (nothing cached): what the probe saw and the
    bytes. `app`: a page of the site (else the static report)."""
    context = browser.new_context(**profile.screen)
    context.add_init_script(PROBE % (json.dumps(CHART if app else REPORT_CHART), json.dumps(app)))
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    if profile.network:
        cdp.send("Network.emulateNetworkConditions", profile.network)
    if profile.cpu_slowdown:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu_slowdown})
    tab.goto(url, wait_until="commit", timeout=WAIT_MS)
    tab.wait_for_function(DONE, arg=app, timeout=WAIT_MS, polling=100)
    tab.wait_for_load_state("networkidle", timeout=WAIT_MS)
    seen = tab.evaluate("window.__bench")
    seen |= tab.evaluate(BYTES, max(seen["lcp"], seen["chart"]))
    context.close()
    return seen


@dataclass(frozen=True)
class Budgets:
    """A page's budgets in one profile: seconds to the largest contentful paint and to the first
    chart, KB before the first view is complete (None: report only, saying `why`)."""

    lcp: float | None = None
    chart: float | None = None
    early_kb: float | None = None
    why: str = "report only"


def figures(label: str, loads: Loads, budgets: Budgets) -> list[Figure]:
    """The figures of one page in one profile, judged on their median."""

    def one(
        name: str, unit: str, samples: list[float], budget: float | None, *notes: str
    ) -> Figure:
        note = "; ".join(filter(None, ("" if budget is not None else budgets.why, *notes)))
        return figure(
            "page", f"{label}: {name}", unit, samples, budget=budget, judged_on="median", note=note
        )

    largest = loads.lcp_elements.most_common(1)[0][0] or "?"
    found = [
        one("largest contentful paint", "s", loads.lcp, budgets.lcp, f"largest: {largest}"),
        one("first chart visible", "s", loads.chart, budgets.chart),
        one(
            "KB before first view",
            "KB",
            loads.early_kb,
            budgets.early_kb,
            "compressed, fetched by the later of those two",
        ),
        one("total KB", "KB", loads.total_kb, None, "until the network is idle"),
    ]
    if loads.tti:
        found.append(one("time to interactive", "s", loads.tti, None, TTI_NOTE))
    return found


def budgets(profile: Profile, page: str) -> Budgets:
    """Issue 22's budgets, for the phone: the first view and its chart within 2.5 s and 3 s (an
    embed: 1.5 s both), no more than 150 KB before it is complete."""
    if profile is not PHONE:
        return Budgets()
    if page == EMBED:
        return Budgets(1.5, 1.5, 150)
    return Budgets(2.5, 3.0, 150)


def run_pages(base: str, report: Path, quick: bool) -> list[Figure]:
    """Every page and the embed at `base`, and the static `report`, 5 loads each (quick: 2) as a
    phone and as a desktop; the phone's figures are judged against issue 22's budgets on their
    median."""
    from playwright.sync_api import sync_playwright

    pages = (*PAGES, EMBED)
    warm(base, pages)
    floor = serve_file(report)
    targets = [(page, base + page, True) for page in pages]
    targets.append(("static report", f"http://127.0.0.1:{floor.server_port}/", False))
    found = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=os.environ.get("BROWSER_PATH") or shutil.which("chromium"),
            args=BROWSER_ARGS,
        )
        for profile in (PHONE, DESKTOP):
            for label, url, app in targets:
                loads = Loads()
                for _ in range(2 if quick else 5):
                    loads.add(load(browser, url, profile, app=app))
                limits = budgets(profile, label) if app else Budgets(why=FLOOR_NOTE)
                found += figures(f"{profile.name} {label}", loads, limits)
        browser.close()
    floor.shutdown()
    return found
