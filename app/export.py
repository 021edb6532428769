"""Figures and documents out of a browser: Plotly figures as SVG or PNG with kaleido, and an HTML
document printed to PDF, both with the system's Chromium (Debian's /usr/bin/chromium, or the one
`BROWSER_PATH` names). Nothing is ever downloaded: kaleido gets the browser's path and the
plotly.js that ships with plotly, and MathJax (which it would fetch from a CDN) is off."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import plotly.graph_objects as go

if TYPE_CHECKING:
    import kaleido

T = TypeVar("T")

WIDTH = 680  # px: the printable width of an A4 page with 15 mm margins, at 96 px per inch
# Figures drawn at once: kaleido reloads a tab after each figure, so two tabs keep the browser busy.
TABS = 2
PNG_SCALE = 2  # PNG files at twice the pixels, sharp on a slide or a high-density screen
PRINT_TIMEOUT = 120  # s
# Chromium on a server: no sandbox (containers, root), no GPU, nothing fetched in the background
# (this machine's closed network refuses it). The tests and the bench start it the same way.
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
# Headless printing of a local file, without the browser's own header and footer.
PRINT_ARGS = ["--headless", *BROWSER_ARGS, "--no-pdf-header-footer"]


class _PartialMessage(logging.Filter):
    """choreographer logs a traceback for a message off the browser's pipe it cannot decode, and
    ignores the message (seen now and then under load, the charts all drawn): keep it out of the
    output. A chart that really went missing still fails, by kaleido's timeout."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("JSONError decoding message")


_QUIET = _PartialMessage()


class BrowserError(RuntimeError):
    """No Chromium to draw the charts or print the document with, or it failed."""


def browser_path(configured: str | None = None) -> str:
    """The Chromium to use: the one configured (`BROWSER_PATH`), else `chromium` on the PATH."""
    path = configured or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path or not os.access(path, os.X_OK):
        where = f"BROWSER_PATH={path}" if configured else "no chromium on the PATH"
        raise BrowserError(
            f"Chromium is needed to draw the charts and print the PDF ({where}); "
            "install Debian's chromium package or set BROWSER_PATH to a Chromium executable"
        )
    return path


def images(
    figures: Sequence[go.Figure], formats: Sequence[str] = ("svg",), browser: str | None = None
) -> list[dict[str, bytes]]:
    """Each figure in each format ('svg', 'png'), at the printable width and the figure's own
    height, drawn in one kaleido browser session (starting one takes seconds, a figure much less)
    by the Chromium `browser_path` finds."""

    async def draw() -> list[dict[str, bytes]]:
        async with session(TABS, browser) as k:

            async def one(fig: go.Figure) -> dict[str, bytes]:
                size = {"width": WIDTH, "height": fig.layout.height or 400}
                return {
                    fmt: await k.calc_fig(
                        fig, opts={**size, "format": fmt, "scale": PNG_SCALE if fmt == "png" else 1}
                    )
                    for fmt in formats
                }

            return list(await asyncio.gather(*(one(fig) for fig in figures)))

    return _run(draw)


def session(tabs: int = 1, browser: str | None = None) -> kaleido.Kaleido:
    """A kaleido session (an async context manager) in the Chromium `browser_path` finds, with
    `tabs` figures drawn at once, nothing fetched (MathJax off) and choreographer's harmless
    pipe tracebacks kept out of the output."""
    import kaleido  # a second or two to import: only when charts are drawn

    # choreographer's own logger class, so only once choreographer has created it
    logging.getLogger("choreographer.channels.pipe").addFilter(_QUIET)
    return kaleido.Kaleido(n=tabs, path=browser_path(browser), mathjax=False)


def _run(coroutine: Callable[[], Coroutine[object, object, T]]) -> T:
    """The coroutine's result, run on a loop of its own: in a thread of its own when this thread
    already runs a loop (a caller inside an async framework), where asyncio.run would refuse."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine())
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(lambda: asyncio.run(coroutine())).result()


def print_pdf(html: str, output: Path, browser: str | None = None) -> None:
    """Print an HTML document to `output` as PDF with headless Chromium (page size and margins
    from the document's own @page rule)."""
    browser = browser_path(browser)
    with tempfile.TemporaryDirectory(prefix="gealc-print-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        target = Path(tmp) / "report.pdf"
        done = subprocess.run(
            [
                browser,
                *PRINT_ARGS,
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--print-to-pdf={target}",
                page.as_uri(),
            ],
            check=False,
            capture_output=True,
            text=True,
            timeout=PRINT_TIMEOUT,
        )
        if done.returncode != 0 or not target.is_file():
            raise BrowserError(
                f"Chromium could not print the PDF (exit {done.returncode}): {done.stderr[-2000:]}"
            )
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(target, output)
