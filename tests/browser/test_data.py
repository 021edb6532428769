"""Data and methodology in a real browser: the catalogue from the warehouse, the methodology in
the page language, the dimension filter, the catalogue download."""
from __future__ import annotations

from tests.browser.conftest import download_csv, pick, table_rows
from tests.helpers import query


def test_catalogue_methodology_and_filter(page, server, demo_warehouse):
    page.goto(f"{server}/data?lang=pt")
    page.wait_for_selector(".methodology h2")
    ids = [r[0] for r in table_rows(page)]
    assert ids == [i for (i,) in query(demo_warehouse, "SELECT indicator_id FROM indicator_catalogue ORDER BY position")]
    assert page.locator("h1").count() == 1
    assert "Metodologia" in page.inner_text(".methodology h2")
    pick(page, "dimension", "D3 Interoperabilidade")
    page.wait_for_function("() => location.search.includes('dimension=D3')")
    page.wait_for_function("() => document.querySelector('table.data-table').tBodies[0].rows.length === 2")
    assert page.recorder.errors == []


def test_catalogue_download(server, demo_warehouse):
    rows = download_csv(f"{server}/download/catalogue.csv?lang=fr")
    stored = dict(query(demo_warehouse, "SELECT indicator_id, name_fr FROM indicator_catalogue"))
    assert {r["indicator_id"]: r["name"] for r in rows} == stored
