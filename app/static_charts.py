"""Charts drawn on the server as SVG (issue 22), for the first view and the embeds: a reader sees
each chart as it will look before the scripts have arrived, or without them. Plotly's own engine
draws them (kaleido in the system's Chromium, app.export) in a background thread, once per figure:
a release never changes, so neither do its figures. A chart not drawn yet keeps its empty room
until it is (the page's first visitors after a start; `pagecache.warm` asks for every page's
charts meanwhile)."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import queue
import re
import threading
import time
from collections import OrderedDict
from typing import Any

import flask
import plotly.io as pio

from app import export, maps

DRAWER_KEY = "GEALC_DRAWER"
# Each chart is drawn twice and the page shows the one that fits: scaling one drawing to a phone
# would shrink its text to a third.
WIDTHS = {"wide": 960, "narrow": 360}  # px
DEFAULT_HEIGHT = 450  # px, Plotly's own
IDLE = 60.0  # s without a chart to draw before the browser is closed (started again on demand)
DRAW_TIMEOUT = 120.0  # s for one drawing (at low priority on a busy server): then restarted
STUCK = 300.0  # s without a drawing while figures wait: the thread is left, another takes over
WAITING_MAX = 512  # figures waiting to be drawn; more are asked again by a later page view
FIGURES_KEPT = 2048  # figures remembered to be drawn again (about what the kept pages name)
NICENESS = 10  # the drawing thread's and its browser's priority, below the requests'
LONG_PATH = 400  # characters: a path this long is an outline, drawn to the pixel
PLACEHOLDER = re.compile(r"<!--chart:([0-9a-f]{20})-->")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
_PATH = re.compile(r'\sd="([^"]*)"')
_ROOT = re.compile(r"<svg [^>]*>")
log = logging.getLogger(__name__)


def figure_spec(figure: Any) -> dict:
    """The figure as kaleido draws it: plain JSON, with the map outlines the browser fetches from
    the app (maps.OUTLINES_URL) put in, since the drawing browser has no app to ask."""
    spec = json.loads(pio.to_json(figure, validate=False))
    for trace in spec.get("data", []):
        if trace.get("geojson") == maps.OUTLINES_URL:
            trace["geojson"] = maps.outlines()
    return spec


def chart_key(figure: Any) -> str:
    """The figure's identity: the same figure (same data, texts, language) is drawn once."""
    text = pio.to_json(figure, validate=False, engine="json")
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def tidy(svg: str, name: str) -> str:
    """Kaleido's SVG made for a page: it fills its room (scaled, aspect kept), carries the class
    that shows it at its width (`static-wide`, `static-narrow`), and long outlines are rounded to
    the pixel (a map's coasts: a fifth of the bytes, no visible change)."""
    svg = _PATH.sub(lambda m: f' d="{_rounded(m.group(1))}"', svg)
    root = _ROOT.search(svg)
    if root is None:
        return ""
    box = re.search(r'viewBox="([^"]*)"', root.group(0))
    view = box.group(1) if box else ""
    tag = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'class="static-chart static-{name}" viewBox="{view}" '
        'preserveAspectRatio="xMidYMin meet" focusable="false">'
    )
    return svg[: root.start()] + tag + svg[root.end() :]


def _rounded(path: str) -> str:
    if len(path) < LONG_PATH:
        return path
    return _NUMBER.sub(lambda m: str(round(float(m.group(0)))), path)


class Drawer:
    """Draws the figures asked for, one at a time, in a kaleido session of its own thread, and
    keeps the most recently used drawings (up to `budget` bytes). A figure is remembered by key
    for as long as a kept page may name it, so a drawing evicted or lost to a browser crash is
    asked for again when a page needs it; one kaleido cannot draw is not tried again."""

    def __init__(self, browser: str | None = None, budget: int = 64 * 2**20) -> None:
        self.browser = browser
        self.budget = budget
        self.broken: str | None = None  # why charts cannot be drawn here (no Chromium, say)
        self._drawn: OrderedDict[str, dict[str, str]] = OrderedDict()
        self._bytes = 0
        self._figures: OrderedDict[str, Any] = OrderedDict()  # key → figure, to ask again
        self._failed: set[str] = set()
        self._asked: set[str] = set()
        self._queue: queue.Queue[str] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._alive = time.monotonic()  # when the drawing thread last drew (or started)

    def ask(self, figure: Any) -> str:
        """The figure's key, its drawing asked for if it is neither drawn nor asked for yet."""
        key = chart_key(figure)
        with self._lock:
            self._figures[key] = figure
            self._figures.move_to_end(key)
            while len(self._figures) > FIGURES_KEPT:
                self._figures.popitem(last=False)
        self.again(key)
        return key

    def again(self, key: str) -> None:
        """Ask for the drawing of a figure asked for before, unless it is drawn, on its way,
        undrawable, forgotten, or too many are waiting (a later page view asks again)."""
        with self._lock:
            if (
                self.broken
                or key in self._drawn
                or key in self._asked
                or key in self._failed
                or key not in self._figures
                or len(self._asked) >= WAITING_MAX
            ):
                return
            if self._thread is None or not self._thread.is_alive() or self._stuck():
                self._start()
            self._asked.add(key)
            self._queue.put(key)

    def _stuck(self) -> bool:
        """Whether the drawing thread has drawn nothing for STUCK seconds with figures waiting (a
        browser that hangs, even while being closed): it is left, and another takes over."""
        return bool(self._asked) and time.monotonic() - self._alive > STUCK

    def _start(self) -> None:
        """A new drawing thread with a queue of its own (called with the lock held); what the
        previous one still held is asked for again by the pages that need it."""
        self._asked.clear()
        self._queue = queue.Queue()
        self._alive = time.monotonic()
        self._thread = threading.Thread(
            target=self._work, args=(self._queue,), name="gealc-draw", daemon=True
        )
        self._thread.start()

    def drawings(self, key: str) -> dict[str, str] | None:
        """The SVGs of a figure by width name, once drawn."""
        with self._lock:
            found = self._drawn.get(key)
            if found is not None:
                self._drawn.move_to_end(key)
            return found

    def pending(self) -> int:
        """How many asked-for figures are not drawn yet."""
        with self._lock:
            return len(self._asked)

    def _work(self, waiting: queue.Queue[str]) -> None:
        # Background work: visitors' requests come first. The browser started from this thread
        # inherits its lower priority.
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICENESS)
        try:
            asyncio.run(self._session(waiting))
        except export.BrowserError as exc:  # no Chromium here: pages keep empty rooms
            log.warning("charts are not drawn as SVG for the first view: %s", exc)
            with self._lock:
                self.broken = str(exc)
        except Exception as exc:  # the browser failed: what was asked is asked again by pages
            log.warning("the browser drawing the first view's charts stopped: %s", exc)
        finally:
            with self._lock:
                if self._thread is threading.current_thread():  # not left for another
                    self._asked.clear()
                    self._thread = None

    async def _session(self, waiting: queue.Queue[str]) -> None:
        loop = asyncio.get_running_loop()
        async with export.session(1, self.browser) as kaleido:
            while True:
                try:
                    key = await loop.run_in_executor(None, waiting.get, True, IDLE)
                except queue.Empty:
                    with self._lock:  # idle: close the browser, unless a figure just came
                        if waiting.empty():
                            if self._thread is threading.current_thread():
                                self._thread = None  # the next figure starts another
                            return
                    continue
                with self._lock:
                    figure = self._figures.get(key)
                drawn = None if figure is None else await self._draw(kaleido, figure)
                self._keep(key, drawn)

    def _keep(self, key: str, drawn: dict[str, str] | None) -> None:
        with self._lock:
            self._alive = time.monotonic()
            self._asked.discard(key)
            if drawn is None:
                self._failed.add(key)
                return
            self._drawn[key] = drawn
            self._bytes += sum(map(len, drawn.values()))
            while self._bytes > self.budget and len(self._drawn) > 1:
                _, old = self._drawn.popitem(last=False)
                self._bytes -= sum(map(len, old.values()))

    async def _draw(self, kaleido: Any, figure: Any) -> dict[str, str] | None:
        """The figure's SVGs, or None when kaleido cannot draw it (its room stays empty). A
        browser that does not answer ends the session (TimeoutError), to be started again."""
        try:
            spec = figure_spec(figure)
            height = spec.get("layout", {}).get("height") or DEFAULT_HEIGHT
            drawn = {}
            for name, width in WIDTHS.items():
                svg = await asyncio.wait_for(
                    kaleido.calc_fig(
                        spec,
                        opts={"width": width, "height": height, "format": "svg"},
                        topojson=maps.OUTLINES.parent.as_uri() + "/",
                    ),
                    DRAW_TIMEOUT,
                )
                drawn[name] = tidy(svg.decode("utf-8"), name)
        except TimeoutError:
            raise
        except Exception as exc:
            log.warning("a chart could not be drawn as SVG: %s", exc)
            return None
        return drawn


def drawer() -> Drawer:
    """This app's drawer (made with the app: `install`)."""
    return flask.current_app.config[DRAWER_KEY]


def install(server: flask.Flask, enabled: bool, browser: str | None = None) -> None:
    """Give the app its drawer (drawing with `browser`, a Chromium), or one that draws nothing:
    its pages show their charts' empty rooms until the scripts draw them."""
    server.config[DRAWER_KEY] = drawer = Drawer(browser)
    if not enabled:
        drawer.broken = "charts are not drawn on this server (GEALC_STATIC_CHARTS=0)"
        return
    # Imported now, before any request: imported by the drawing thread, it loads PIL.Image while
    # requests serialise figures, and Plotly's serialiser takes the half-loaded module it finds
    # (AttributeError, a 500 now and then while the first charts were being drawn).
    import kaleido  # noqa: F401


def placeholder(figure: Any) -> str:
    """Where a chart's SVG goes in a first view kept as text: its drawing is asked for now and put
    in when the page is sent (`fill`), so a view kept before its charts were drawn still gets
    them. A figure that cannot even be keyed gets an empty room, not a failed page."""
    try:
        return f"<!--chart:{drawer().ask(figure)}-->"
    except Exception as exc:
        log.warning("a chart is left out of the first view: %s", exc)
        return ""


def fill(page: str) -> tuple[str, bool]:
    """The page with each chart placeholder replaced by the chart's SVGs, where drawn (a drawing
    missing is asked for again), and whether every chart was."""
    draw = drawer()
    missing = []

    def svgs(match: re.Match[str]) -> str:
        drawn = draw.drawings(match.group(1))
        if drawn is None:
            missing.append(match.group(1))
            draw.again(match.group(1))
        return "".join((drawn or {}).values())

    return PLACEHOLDER.sub(svgs, page), not missing
