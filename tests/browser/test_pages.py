"""Every page in every language in a real browser: the heading and `<html lang>` in the language,
every chart drawn, every chart widget with its table, sources and download tabs, the Plotly locale
loaded, no request off the server's origin and no console error — and at phone width, no sideways
scrolling. Screenshots of each land in screenshots/ (`make screenshots`)."""

from __future__ import annotations

import pytest

from etl.demo import DEMO_SOURCE
from tests.browser.conftest import (
    TAKE_SCREENSHOTS,
    Recorder,
    screenshot,
    wait_for_charts,
)
from tests.helpers import foreign_texts

EXPLORER = {
    "es": "Explorar indicadores",
    "en": "Indicator explorer",
    "pt": "Explorar indicadores",
    "fr": "Explorer les indicateurs",
}
COMPARE = {
    "es": "Comparar países",
    "en": "Compare countries",
    "pt": "Comparar países",
    "fr": "Comparer des pays",
}
# Each page (and each widget view worth its own look) by name: its path, the charts it draws,
# its heading in each language.
PAGES = {
    "home": (
        "/",
        ["home-reporting", "home-medians", "home-improved", "home-best", "home-un"],
        {
            "es": "GEALC en números 2024",
            "en": "GEALC in numbers 2024",
            "pt": "GEALC em números 2024",
            "fr": "GEALC en chiffres 2024",
        },
    ),
    "explorer": (
        "/explorer",
        ["explorer-map"],
        EXPLORER,
    ),
    "compare": (
        "/compare",
        ["compare-bars"],
        COMPARE,
    ),
    "explorer-tiles": ("/explorer?tab=tiles", ["explorer-tiles"], EXPLORER),
    "explorer-lines": (
        "/explorer?tab=lines&countries=URY,BRA,HTI,JAM,KNA",
        ["explorer-lines"],
        EXPLORER,
    ),
    "compare-heatmap": (
        "/compare?countries=URY,BRA,MEX,KNA,VCT,TTO,DOM,ATG&tab=heatmap",
        ["compare-heatmap"],
        COMPARE,
    ),
    "compare-lines": ("/compare?tab=lines", ["compare-lines"], COMPARE),
    "indicator": (
        "/indicator/SD1",
        ["indicator-bars"],
        {
            "es": "SD1 Trámites que pueden iniciarse en línea",
            "en": "SD1 Procedures that can be started online",
            "pt": "SD1 Serviços que podem ser iniciados on-line",
            "fr": "SD1 Démarches pouvant être engagées en ligne",
        },
    ),
    "country": (
        "/country/BRB",
        ["profile-dimensions", "profile-trend", "profile-egov"],
        {
            "es": "Barbados — Perfil de país",
            "en": "Barbados — Country profile",
            "pt": "Barbados — Perfil do país",
            "fr": "Barbade — Profil du pays",
        },
    ),
    "un": (
        "/un",
        ["un-scatter"],
        {
            "es": "Referencias externas",
            "en": "External benchmarks",
            "pt": "Referências externas",
            "fr": "Références externes",
        },
    ),
    "coverage": (
        "/coverage",
        ["coverage-matrix"],
        {"es": "Cobertura", "en": "Coverage", "pt": "Cobertura", "fr": "Couverture"},
    ),
    "data": (
        "/data",
        [],
        {
            "es": "Datos y metodología",
            "en": "Data and methodology",
            "pt": "Dados e metodologia",
            "fr": "Données et méthodologie",
        },
    ),
}
LANGS = ("es", "en", "pt", "fr")
UNKNOWN_TRACE_TYPES = """() => {
    const known = Plotly.PlotSchema.get().traces;
    return [...document.querySelectorAll('.js-plotly-plot')]
        .flatMap(gd => gd.data.map(trace => trace.type || 'scatter'))
        .filter(type => !(type in known));
}"""
# Plotly's own label for the PNG export, from the locale scripts the app serves.
PNG_BUTTON = {
    "es": "Descargar gráfica",
    "en": "Download plot",
    "pt": "Fazer download do gráfico",
    "fr": "Télécharger le graphique",
}


def open_page(tab, server: str, name: str, lang: str) -> None:
    path, charts, titles = PAGES[name]
    tab.goto(f"{server}{path}{'&' if '?' in path else '?'}lang={lang}")
    tab.wait_for_selector("main h1")
    wait_for_charts(tab, *charts)
    assert tab.inner_text("main h1") == titles[lang]
    assert tab.evaluate("document.documentElement.lang") == lang


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_in_every_language(browser, server, lang):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    tab = context.new_page()
    recorder = Recorder(tab)
    foreign = {}
    for name, (_, charts, _) in PAGES.items():
        open_page(tab, server, name, lang)
        blocks = tab.locator("section.chart-widget")
        assert blocks.count() >= len(charts)
        for n in range(blocks.count()):  # every chart has its table, sources and downloads
            tabs = blocks.nth(n).locator(".widget-tab")
            keys = [
                tabs.nth(k).get_attribute("id").rsplit("-tab-", 1)[1] for k in range(tabs.count())
            ]
            assert keys[-3:] == ["table", "sources", "download"], name
        # Every trace is of a type the app's Plotly.js has (an unknown type draws nothing,
        # silently).
        assert tab.evaluate(UNKNOWN_TRACE_TYPES) == [], name
        for chart in charts:  # PNG export in the modebar, labelled in the language
            titles = tab.eval_on_selector_all(
                f"#{chart} .modebar-btn", "bs => bs.map(b => b.getAttribute('data-title'))"
            )
            assert any(title and title.startswith(PNG_BUTTON[lang]) for title in titles), titles
        # No catalogue text left in another language (Spanish or English on a French page).
        # (The demo's source line is what the demo "countries" wrote, in two languages on
        # purpose: data, not interface.)
        shown = tab.inner_text("body").replace(DEMO_SOURCE, "")
        foreign[name] = foreign_texts(shown, lang)
        screenshot(tab, f"{name}-{lang}-1366")
    assert {name: texts for name, texts in foreign.items() if texts} == {}
    assert recorder.off_origin(server) == []
    assert [
        u for u in recorder.requests if "plotly.min.js" in u
    ] == []  # the app's partial bundle only
    assert recorder.errors == []
    context.close()


@pytest.mark.parametrize("lang", LANGS if TAKE_SCREENSHOTS else ["es"])
def test_every_page_at_phone_width(browser, server, lang):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    tab = context.new_page()
    for name in PAGES:
        open_page(tab, server, name, lang)
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (
            f"{name} scrolls sideways"
        )
        screenshot(tab, f"{name}-{lang}-390")
    context.close()
