"""The "GEALC en números" report (`gealc report`): the same headlines as the home page, one
section per dimension, every text in the language asked, nothing fetched from anywhere, a PDF
that opens and shows its pages, and the charts as PNG and SVG files.

The session's demo warehouse, on DuckDB only: the report reads the release's in-memory copy,
the same on both backends. Kaleido takes seconds to start, so every language's charts are drawn
in one session, and the PDF is printed once, by the real command."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from app import export, gtmi, queries, report
from app.display import DEMO_NOTICE
from app.pages.home.headlines import gather, headlines
from app.pages.un import benchmarks
from app.release import Releases, Snapshot
from locales.messages import t
from tests.conftest import missing
from tests.helpers import gealc, ok
from warehouse.db import connect

LANGS = ("es", "en", "pt", "fr")
YEAR = 2024  # the demo data's latest year
pytestmark = pytest.mark.parametrize("demo_built", ["duckdb"], indirect=True)
CHARTS = [
    "01-reporting",
    "02-medians",
    "03-improved",
    "04-best",
    "05-un",
    "06-gtmi",
    "07-D1",
    "08-D2",
    "09-D3",
    "10-D4",
    "11-D5",
    "12-D6",
    "13-un-comparison",
    "14-gtmi-comparison",
    "15-coverage",
]


@pytest.fixture(scope="module")
def chromium() -> str:
    try:
        return export.browser_path()
    except export.BrowserError:
        missing("Chromium (Debian package chromium)")


@pytest.fixture(scope="module")
def release(demo_built: str) -> Snapshot:
    return Releases(connect(demo_built, read_only=True)).snapshot("demo")


@pytest.fixture(scope="module")
def documents(release: Snapshot, chromium: str) -> dict[str, str]:
    """The report's HTML in every language, the charts of all four drawn in one kaleido session."""
    built = [report.build(release, lang) for lang in LANGS]
    return {
        r.lang: report.html(r, drawn) for r, drawn in zip(built, report.draw(built), strict=True)
    }


@pytest.fixture(scope="module")
def printed(demo_built: str, chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`gealc report` writing the Spanish PDF and every chart."""
    out = tmp_path_factory.mktemp("printed")
    ok(
        gealc(
            "report",
            "--release",
            "demo",
            "--lang",
            "es",
            "-o",
            str(out / "gealc-demo.pdf"),
            "--charts",
            str(out / "charts"),
            db=demo_built,
        )
    )
    return out


class Page(HTMLParser):
    """The document's visible text, its sections and every address it refers to."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.sections: list[str] = []
        self.references: list[str] = []
        self.scripts = 0
        self.lang = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.lang = found.get("lang", self.lang) if tag == "html" else self.lang
        self.scripts += tag == "script"
        if tag == "section":
            self.sections.append(found.get("id") or "")
        self.references += [
            v or ""
            for k, v in attrs
            if k in ("src", "href", "xlink:href", "srcset", "data", "action")
        ]
        for _, value in attrs:  # style="…url(…)", clip-path="url(#…)", fill="url(#…)"
            self.references += re.findall(r"url\(\s*['\"]?([^)'\"]*)", value or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        self.references += re.findall(
            r"url\(\s*['\"]?([^)'\"]*)", data
        )  # <style> blocks, in the page and the SVGs

    def plain(self) -> str:
        return re.sub(
            r"[ \t\r\n]+", " ", "".join(self.text)
        )  # not \s: French writes no-break spaces


def parsed(document: str) -> Page:
    page = Page()
    page.feed(document)
    return page


@pytest.mark.parametrize("lang", LANGS)
def test_report_in_every_language_says_what_the_home_page_says(
    documents: dict[str, str], release: Snapshot, lang: str
) -> None:
    page = parsed(documents[lang])
    text = page.plain()
    assert page.lang == lang
    assert "demo" in text and release.info["sha256"] in text
    for item in headlines(gather(release, lang, YEAR), lang):
        assert item.sentence in text, item.key
    dims = queries.dimension_names(release, lang)
    assert [s for s in page.sections if s in set(dims["dimension_id"])] == list(
        dims["dimension_id"]
    )
    for dim, name in zip(dims["dimension_id"], dims["name"], strict=True):
        assert f"{dim} {name}" in text
    for msgid in (
        "GEALC en números {year}",
        "Cifras clave",
        "Comparación con la ONU",
        "GTMI del Banco Mundial",
        "Cobertura",
        "Metodología",
        "Versión y cita",
        DEMO_NOTICE,
    ):
        assert t(msgid, lang, year=YEAR) in text, msgid
    # The GTMI figures are the World Bank's, cited with their licence; never demonstration data.
    assert benchmarks.gtmi_citation(gtmi.reference(), lang) in text
    assert (
        t(
            "Red GEALC ({year}). GEALC en números, versión {label} (datos de {data_year}). "
            "{network}. SHA-256: {sha256}.",
            lang,
            year=release.info["created_at"].year,
            label="demo",
            data_year=YEAR,
            network=t("Red de Gobierno Electrónico de América Latina y el Caribe", lang),
            sha256=release.info["sha256"],
        )
        in text
    )


@pytest.mark.parametrize("lang", LANGS)
def test_report_refers_to_nothing_outside_itself(documents: dict[str, str], lang: str) -> None:
    page = parsed(documents[lang])
    assert page.scripts == 0
    assert page.references, "the contents list links to the sections"
    outside = [r for r in page.references if not r.startswith(("data:", "#"))]
    assert outside == []
    assert documents[lang].count("<svg") >= len(
        CHARTS
    )  # the charts are in the document, not linked


def test_report_of_another_year_has_that_years_headlines(release: Snapshot) -> None:
    built = report.build(release, "pt", 2021)
    assert built.year == 2021
    assert [s.sentences[0] for s in built.key_figures] == [
        h.sentence for h in headlines(gather(release, "pt", 2021), "pt")
    ]


def test_pdf_opens_and_its_first_page_is_drawn(printed: Path, tmp_path: Path) -> None:
    data = (printed / "gealc-demo.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    pdf = pdfium.PdfDocument(data)
    try:
        assert len(pdf) >= 3
        width, height = pdf[0].get_size()
        assert (round(width), round(height)) == (595, 842)  # A4 in points
        image = pdf[0].render(scale=1).to_pil()
    finally:
        pdf.close()
    image.save(tmp_path / "page-1.png")
    grey = image.convert("L")
    inked = sum(grey.histogram()[:200]) / (
        grey.width * grey.height
    )  # share of pixels darker than light grey
    assert inked > 0.02, f"page 1 is nearly blank ({inked:.1%} inked)"


def test_charts_are_written_as_png_and_svg_with_stable_names(printed: Path) -> None:
    charts = printed / "charts"
    assert sorted(p.name for p in charts.iterdir()) == sorted(
        f"{n}.{ext}" for n in CHARTS for ext in ("png", "svg")
    )
    for name in CHARTS:
        png = charts / f"{name}.png"
        assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        with Image.open(png) as image:
            assert image.width >= export.WIDTH
        assert ET.parse(charts / f"{name}.svg").getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_unknown_release_or_year_is_refused_with_what_exists(
    demo_built: str, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    result = gealc("report", "--release", "2030-1", "-o", str(out), db=demo_built)
    assert result.returncode == 1
    assert "2030-1" in result.stderr and "demo" in result.stderr
    result = gealc("report", "--release", "demo", "--year", "2010", "-o", str(out), db=demo_built)
    assert result.returncode == 1
    assert "2010" in result.stderr and "2018, 2019" in result.stderr
    assert not out.exists()
