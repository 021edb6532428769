"""Data and methodology in a real browser: the catalogue from the warehouse, the methodology in
the page language, the dimension filter, the catalogue and World Bank GTMI downloads."""

from __future__ import annotations

import io
import urllib.request
import zipfile

import pytest

from indicators.gtmi import load_gtmi
from tests.browser.conftest import LATEST, download_csv, pick, table_rows
from tests.helpers import query


def entries(tab) -> list[str]:
    """The codes of the catalogue's indicator entries, in page order."""
    return tab.eval_on_selector_all(
        ".catalogue details.indicator-entry", "ds => ds.map(d => d.id.replace('indicator-', ''))"
    )


def test_catalogue_methodology_and_filter(page, server, demo_warehouse):
    page.goto(f"{server}/data?lang=pt")
    page.wait_for_selector(".methodology h2")
    assert entries(page) == [
        i
        for (i,) in query(
            demo_warehouse, "SELECT indicator_id FROM indicator_catalogue ORDER BY position"
        )
    ]
    assert page.locator("h1").count() == 1
    assert "Metodologia" in page.inner_text(".methodology h2")
    # the methodology's thirteen numbered sections, each a line that opens on its text
    sections = page.locator(".methodology details.methodology-section")
    assert sections.count() == 13
    assert not sections.nth(6).locator("p").first.is_visible()
    sections.nth(6).locator("summary").click()
    assert sections.nth(6).locator("p").first.is_visible()
    pick(page, "dimension", "D3 Interoperabilidade")
    page.wait_for_function("() => location.search.includes('dimension=D3')")
    page.wait_for_function(
        "() => document.querySelectorAll('.catalogue details.indicator-entry').length === 2"
    )
    assert entries(page) == ["IO1", "IO2"]
    assert page.recorder.errors == []


# (width, height) of a screen, and at most how many of them the page may take.
SCREENS = {"laptop": ((1366, 768), 6), "phone": ((390, 844), 8)}


@pytest.mark.parametrize("lang", ["es", "fr"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_page_is_a_few_screens_tall(browser, server, lang, screen):
    """The catalogue was a table 14,000 px tall on a laptop (23,500 on a phone, its definitions
    one character wide): now a line per indicator, and the whole page a few screens."""
    (width, height), most = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.goto(f"{server}/data?lang={lang}")
    tab.wait_for_selector(".catalogue details.indicator-entry")
    tall = tab.evaluate("document.body.scrollHeight")
    catalogue = tab.evaluate(
        "document.querySelector('section.catalogue').getBoundingClientRect().height"
    )
    context.close()
    assert tall <= most * height, f"{tall} px at {width} px, more than {most} screens"
    assert catalogue <= 2 * height, f"the catalogue is {catalogue} px tall at {width} px"


def test_each_indicator_definition_is_a_click_away(page, server, demo_warehouse):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server}/data?lang=fr")
    page.wait_for_selector(".catalogue details.indicator-entry")
    stored = dict(
        query(demo_warehouse, "SELECT indicator_id, definition_fr FROM indicator_catalogue")
    )
    assert sorted(entries(page)) == sorted(stored)
    for code, definition in stored.items():
        entry = page.locator(f"#indicator-{code}")
        shown = entry.locator("dd").first
        assert not shown.is_visible()
        entry.locator("summary").click()
        assert shown.is_visible()
        assert shown.inner_text() == definition
        # readable on a phone: the definition takes the entry's width, not one character
        assert shown.bounding_box()["width"] > 300
    assert page.recorder.errors == []


def test_a_count_has_a_formula_in_words(page, server, demo_warehouse):
    """SP1 counts solutions: its formula read «÷ nan × pas de données» in French."""
    [(numerator,)] = query(
        demo_warehouse, "SELECT numerator_fr FROM indicator_catalogue WHERE indicator_id = 'SP1'"
    )
    page.goto(f"{server}/data?lang=fr")
    entry = page.wait_for_selector("#indicator-SP1")
    entry.query_selector("summary").click()
    facts = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('#indicator-SP1 dt')]"
        ".map(dt => [dt.innerText.trim(), dt.nextElementSibling.innerText.trim()]))"
    )
    assert facts["Formule"] == numerator
    assert facts["Unité"] == "nombre"
    for wrong in ("nan", "÷", "×", "pas de données"):
        assert wrong not in facts["Formule"]
    [(ratio,)] = query(
        demo_warehouse, "SELECT numerator_fr FROM indicator_catalogue WHERE indicator_id = 'SD1'"
    )
    page.click("#indicator-SD1 summary")
    sd1 = page.inner_text("#indicator-SD1 dl")
    assert f"{ratio} ÷ " in sd1 and " × 100" in sd1


def test_the_statistical_audit_of_the_release_by_year(page, server, demo_warehouse):
    page.goto(f"{server}/data?lang=es&year=2023")
    page.wait_for_selector("section.audit table.data-table", state="attached")
    factors = [r[0] for r in table_rows(page, 1)]  # after the releases
    assert factors == [
        "Pesos de los indicadores",
        "Pesos de las dimensiones",
        "Umbrales (0 y 100)",
        "Agregación",
        "Regla de lo no reportado",
    ]
    stored = query(
        demo_warehouse,
        """SELECT item, value FROM published_statistics WHERE year = 2023
           AND analysis = 'sensitivity' AND measure = 'total_effect'""",
    )
    labels = dict(
        zip(
            ["indicator_weights", "dimension_weights", "goalposts", "aggregation", "missing_data"],
            factors,
            strict=True,
        )
    )
    shown = {r[0]: r[3] for r in table_rows(page, 1)}
    for item, value in stored:  # the total effects, as percentages in Spanish (negatives as 0)
        assert shown[labels[item]] == f"{round(100 * max(value, 0))}\u00a0%"
    assert "2023" in page.inner_text("section.audit h3")
    coherence = [r[0] for r in table_rows(page, 2)]
    assert coherence[0].startswith("D1 ") and coherence[-1] == "Compuesto GEALC"
    assert len(table_rows(page, 3)) == 15  # nominal and effective weight of every indicator
    assert page.recorder.errors == []


def test_catalogue_download(server, demo_warehouse):
    rows = download_csv(f"{server}/download/catalogue.csv?lang=fr")
    stored = dict(query(demo_warehouse, "SELECT indicator_id, name_fr FROM indicator_catalogue"))
    assert {r["Code de l'indicateur"]: r["Indicateur"] for r in rows} == stored


def test_the_world_bank_gtmi_downloads(page, server, demo_warehouse):
    """The data page offers the GTMI composites and questions; the files hold the members'
    figures as the warehouse has them, names in the page's language."""
    page.goto(f"{server}/data?lang=es")
    page.wait_for_selector(".downloads")
    hrefs = page.eval_on_selector_all(
        "a[href^='/download/gtmi']", "links => links.map(a => a.getAttribute('href'))"
    )
    assert {h.split("?")[0] for h in hrefs} == {
        f"/download/{name}.{fmt}" for name in ("gtmi", "gtmi-indicators") for fmt in ("csv", "xlsx")
    }
    assert "Banco Mundial" in page.inner_text("section[aria-labelledby='downloads-title']")
    composites = download_csv(server + next(h for h in hrefs if "/gtmi.csv" in h))
    stored = query(
        demo_warehouse,
        """SELECT g.iso3, g.year, g."group", c.name_es FROM gtmi g
           JOIN countries c ON c.iso3 = g.iso3""",
    )
    assert sorted(
        (r["ISO3"], int(r["Año"]), r["Grupo GTMI"], r["País"]) for r in composites
    ) == sorted(stored)
    answers = download_csv(f"{server}/download/gtmi-indicators.csv?lang=fr")
    [haiti] = [r for r in answers if r["ISO3"] == "HTI" and r["Code de l'indicateur"] == "I-42"]
    assert (haiti["Indicateur"], haiti["Valeur"], haiti["Niveau maximal"]) == (
        load_gtmi().indicator_by_id["I-42"].label.fr,
        "0.0",
        "3",
    )
    assert page.recorder.errors == []


def test_an_older_release_has_a_banner_and_the_data_page_lists_every_release(page, server):
    # the chart widget's Download tab holds the links
    page.goto(f"{server}/compare?release=demo&lang=en&year=2023&tab=download")
    banner = page.wait_for_selector(".release-banner")
    page.wait_for_selector("a[href^='/download/']")
    assert "You are viewing release demo" in banner.inner_text()
    downloads = page.eval_on_selector_all(
        "a[href^='/download/']", "links => links.map(a => a.getAttribute('href'))"
    )
    assert downloads and all("release=demo&" in h or h.endswith("release=demo") for h in downloads)
    page.click(f"text=see release {LATEST}")
    page.wait_for_function("() => !location.search.includes('release=')")
    assert "year=2023" in page.evaluate("location.search")
    page.wait_for_selector("h1")
    assert page.locator(".release-banner").count() == 0

    page.goto(f"{server}/data?lang=es")
    page.wait_for_selector(".releases table")
    rows = table_rows(page, 0)
    assert [r[0] for r in rows] == [f"{LATEST} (la última, la que se muestra)", "demo"]
    href = page.get_attribute(".releases tbody tr:nth-child(2) a[download]", "href")
    with urllib.request.urlopen(server + href) as response:
        names = zipfile.ZipFile(io.BytesIO(response.read())).namelist()
    assert "datapackage.json" in names
    assert page.recorder.errors == []
