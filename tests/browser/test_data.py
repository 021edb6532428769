"""Data and methodology in a real browser: the catalogue from the warehouse, the methodology in
the page language, the dimension filter, the catalogue and World Bank GTMI downloads."""

from __future__ import annotations

import io
import urllib.request
import zipfile

from indicators.gtmi import load_gtmi
from tests.browser.conftest import LATEST, download_csv, pick, table_rows
from tests.helpers import query


def test_catalogue_methodology_and_filter(page, server, demo_warehouse):
    page.goto(f"{server}/data?lang=pt")
    page.wait_for_selector(".methodology h2")
    ids = [r[0] for r in table_rows(page, 1)]  # the releases come first
    assert ids == [
        i
        for (i,) in query(
            demo_warehouse, "SELECT indicator_id FROM indicator_catalogue ORDER BY position"
        )
    ]
    assert page.locator("h1").count() == 1
    assert "Metodologia" in page.inner_text(".methodology h2")
    pick(page, "dimension", "D3 Interoperabilidade")
    page.wait_for_function("() => location.search.includes('dimension=D3')")
    page.wait_for_function(
        "() => document.querySelector('.catalogue table.data-table').tBodies[0].rows.length === 2"
    )
    assert page.recorder.errors == []


def test_the_statistical_audit_of_the_release_by_year(page, server, demo_warehouse):
    page.goto(f"{server}/data?lang=es&year=2023")
    page.wait_for_selector("section.audit table.data-table")
    factors = [r[0] for r in table_rows(page, 2)]  # after the releases and the catalogue
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
    shown = {r[0]: r[3] for r in table_rows(page, 2)}
    for item, value in stored:  # the total effects, as percentages in Spanish (negatives as 0)
        assert shown[labels[item]] == f"{round(100 * max(value, 0))}\u00a0%"
    assert "2023" in page.inner_text("section.audit h3")
    coherence = [r[0] for r in table_rows(page, 3)]
    assert coherence[0].startswith("D1 ") and coherence[-1] == "Compuesto GEALC"
    assert len(table_rows(page, 4)) == 15  # nominal and effective weight of every indicator
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
    page.goto(f"{server}/compare?release=demo&lang=en&year=2023")
    banner = page.wait_for_selector(".release-banner")
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
