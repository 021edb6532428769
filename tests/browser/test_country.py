"""The country profile in a real browser: every language, the URL as the view, invalid
parameters, a download checked against the warehouse, nothing off-origin, no console errors; the
chart widgets' tabs (the table, the sources with how to cite the release, the downloads) kept in
the URL; the World Bank GTMI section with the right groups and levels (Uruguay, Haiti,
Nicaragua's missed survey) and its downloads."""

from __future__ import annotations

import csv
import io
import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import LATEST, download_csv, pick, wait_for_charts
from tests.helpers import query

CHARTS = ("profile-dimensions", "profile-trend", "profile-egov")


def test_choosing_a_country_and_a_year_writes_the_url(page, server):
    page.goto(f"{server}/country/URY")
    wait_for_charts(page, *CHARTS)
    assert page.evaluate("location.search") == ""  # defaults are not written into the URL
    page.click("#country-select")
    page.get_by_role("option", name="Chile", exact=True).click()
    page.wait_for_function("() => location.pathname === '/country/CHL'")
    page.wait_for_function("() => document.querySelector('h1').innerText.startsWith('Chile')")
    pick(page, "year", "2019")
    page.wait_for_function("() => location.search.includes('year=2019')")
    page.wait_for_function(
        "() => document.querySelector('main').innerText.includes('Indicadores, 2019')"
    )
    shared = page.url
    other = page.context.browser.new_context().new_page()
    other.goto(shared)
    other.wait_for_function(
        "() => document.querySelector('main')"
        " && document.querySelector('main').innerText.includes('Indicadores, 2019')"
    )
    assert other.inner_text("h1").startswith("Chile")
    other.context.close()


def test_invalid_country_and_year_fall_back_with_a_notice(page, server):
    page.goto(f"{server}/country/XYZ?year=1890&lang=en")
    page.wait_for_selector(".notice")
    text = page.inner_text("main")
    assert "XYZ" in text and "1890" in text
    assert page.inner_text("h1").endswith("Country profile")


def test_a_year_the_country_did_not_report_says_so(page, server, demo_warehouse):
    """Haiti reported nothing for 2024 (the release's latest year): asked for it, or asking for
    no year, the page says so and shows Haiti's latest year, instead of calling 2024 invalid."""
    years = [
        y for (y,) in query(demo_warehouse, "SELECT DISTINCT year FROM scores WHERE iso3 = 'HTI'")
    ]
    assert 2024 not in years and max(years) == 2023
    for search in ("?year=2024&lang=en", "?lang=en"):
        page.goto(f"{server}/country/HTI{search}")
        page.wait_for_selector(".notice")
        text = page.inner_text("main")
        assert (
            "Haiti reported no values for 2024; 2023 is shown, its latest year with values." in text
        )
        assert "not valid" not in text


def dimension_rows(tab) -> list[list[str]]:
    """The rows of the dimensions widget's table (its Table tab)."""
    return tab.eval_on_selector(
        "#profile-dimensions-panel table.data-table",
        "t => [...t.tBodies[0].rows].map(tr => [...tr.cells].map(td => td.textContent.trim()))",
    )


def test_the_table_tab_is_kept_in_the_url_and_a_reload_shows_it(page, server, demo_warehouse):
    page.goto(f"{server}/country/URY?lang=en")
    wait_for_charts(page, *CHARTS)
    page.evaluate("window.notReloaded = true")  # gone if the tab's link reloaded the page
    page.click("#profile-dimensions-tab-table")
    page.wait_for_function(
        "() => new URLSearchParams(location.search).get('profile-dimensions') === 'table'"
    )
    page.wait_for_selector("#profile-dimensions-panel table.data-table")
    assert page.evaluate("window.notReloaded") is True
    scores = dict(
        query(
            demo_warehouse,
            """SELECT id, score FROM scores
               WHERE iso3 = 'URY' AND year = 2024 AND level = 'dimension'""",
        )
    )
    shown = dimension_rows(page)
    assert [r[0].split(" ")[0] for r in shown] == [f"D{n}" for n in range(1, 7)]
    assert {r[0].split(" ")[0]: float(r[1]) for r in shown} == {
        d: round(s, 1) for d, s in scores.items()
    }
    assert page.locator("#profile-dimensions").count() == 0  # only the shown tab is built
    wait_for_charts(page, "profile-trend", "profile-egov")  # the other widgets keep their chart
    assert page.get_attribute("#profile-dimensions-tab-table", "aria-current") == "true"
    page.reload()
    page.wait_for_selector("#profile-dimensions-panel table.data-table")
    assert dimension_rows(page) == shown
    assert "active" in page.get_attribute("#profile-dimensions-tab-table", "class")
    page.click("#profile-dimensions-tab-chart")  # and back to the chart
    wait_for_charts(page, "profile-dimensions")
    assert "profile-dimensions=chart" in page.url
    assert page.recorder.errors == []


def test_the_sources_tab_gives_the_sources_and_how_to_cite_the_release(page, server):
    page.goto(f"{server}/country/URY?lang=en")
    wait_for_charts(page, *CHARTS)
    page.click("#profile-egov-tab-sources")
    page.wait_for_selector("#profile-egov-panel .citation")
    text = page.inner_text("#profile-egov-panel")
    assert "Source: United Nations, DESA, E-Government Survey (every survey since 2003)." in text
    assert "EGDI (E-Government Development Index): the equally weighted average" in text
    assert "UN rank: the country's place by its EGDI" in text
    citation = page.inner_text("#profile-egov-panel .citation")
    assert citation.startswith(f"How to cite: Red GEALC, “GEALC in numbers”, release {LATEST} (")
    assert "“UN E-Government Survey, 2003–2024”" in citation
    assert citation.endswith(f"{server}/country/URY?lang=en&profile-egov=sources")
    # An older release is cited by its own label, in the page's language.
    page.goto(f"{server}/country/URY?release=demo&profile-dimensions=sources")
    page.wait_for_selector("#profile-dimensions-panel .citation")
    text = page.inner_text("#profile-dimensions-panel")
    assert "Mediana regional: la mediana de los puntajes de los países miembros" in text
    assert "Fuentes: envíos de Uruguay y de los demás países miembros a la Red GEALC" in text
    assert "Cómo citar: Red GEALC, «GEALC en números», versión demo (" in text
    assert "«Puntaje por dimensión, 2024»" in text
    assert page.recorder.errors == []


def test_the_download_tab_offers_the_image_and_the_data_of_the_release(page, server):
    page.goto(f"{server}/country/URY?lang=en&profile-dimensions=download")
    wait_for_charts(page, "profile-dimensions")
    panel = "#profile-dimensions-panel"
    assert page.locator(f"{panel} button.image-download").all_inner_texts() == ["PNG", "SVG"]
    links = page.eval_on_selector_all(
        f"{panel} a.download-link", "links => links.map(a => a.getAttribute('href'))"
    )
    assert {link.split("?")[0].rsplit(".", 1)[1] for link in links} == {"csv", "xlsx"}
    assert all(f"release={LATEST}" in link for link in links), links
    with page.expect_download() as image:
        page.click(f"{panel} button.image-download[data-format=svg]")
    assert image.value.suggested_filename == "gealc-profile-dimensions.svg"
    shown = next(link for link in links if link.startswith("/download/country-dimensions.csv"))
    assert [r["Dimension code"] for r in download_csv(f"{server}{shown}")] == [
        f"D{n}" for n in range(1, 7)
    ]
    page.goto(f"{server}/country/URY?release=demo&profile-dimensions=download")
    page.wait_for_selector(f"{panel} a.download-link")
    older = page.eval_on_selector_all(
        f"{panel} a.download-link", "links => links.map(a => a.getAttribute('href'))"
    )
    assert older and all("release=demo&" in f"{link}&" for link in older), older
    assert page.recorder.errors == []


def test_a_bad_tab_in_the_url_shows_the_first_view_with_a_notice(page, server):
    page.goto(f"{server}/country/URY?profile-dimensions=zzz&lang=en")
    wait_for_charts(page, *CHARTS)
    assert "zzz" in page.inner_text("#profile-dimensions-widget .notice")
    assert "active" in page.get_attribute("#profile-dimensions-tab-chart", "class")
    assert page.locator("#profile-dimensions-panel table.data-table").count() == 0
    assert page.recorder.errors == []


def test_downloaded_csv_is_what_the_warehouse_holds(server, demo_warehouse):
    url = f"{server}/download/country-indicators.csv?country=PER&year=2022&lang=es"
    with urllib.request.urlopen(url) as response:
        assert response.headers["Content-Type"].startswith("text/csv")
        assert "country-indicators-PER-2022.csv" in response.headers["Content-Disposition"]
        rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8-sig"))))
    expected = dict(
        query(
            demo_warehouse,
            "SELECT indicator_id, value FROM observations_current"
            " WHERE iso3 = 'PER' AND year = 2022",
        )
    )
    got = {r["Código del indicador"]: float(r["Valor"]) for r in rows if r["Valor"]}
    assert got == pytest.approx(expected) and len(rows) == 15
    with urllib.request.urlopen(f"{server}/download/country-values.xlsx?country=PER") as response:
        assert response.read(2) == b"PK"


def gtmi_surveys(tab) -> list[list[str]]:
    """The rows of the profile's World Bank GTMI table (survey, group, five composites)."""
    return tab.eval_on_selector(
        "section.gtmi table.data-table",
        "t => [...t.tBodies[0].rows].map(tr => [...tr.cells].map(td => td.textContent.trim()))",
    )


def test_gtmi_section_gives_uruguay_its_groups_and_levels_in_spanish(page, server):
    page.goto(f"{server}/country/URY")
    page.wait_for_selector("section.gtmi .gtmi-dimensions")
    rows = gtmi_surveys(page)
    assert [r[:2] for r in rows] == [["2020", "A"], ["2022", "A"], ["2025", "A"]]
    assert rows[1][2] == "0,861"  # the 2022 GTMI, three decimals, the language's decimal comma
    text = page.inner_text("section.gtmi")
    assert (
        "En la encuesta 2025 del Banco Mundial, Uruguay quedó en el Grupo A: líderes en GovTech "
        "(enfoque muy alto en GovTech)." in text
    )
    assert (
        "I-42 Regulación de la firma digital e infraestructura de clave pública (PKI): nivel 3 de 3"
        in text
    )
    assert "I-3 Marco de interoperabilidad del gobierno: nivel 2 de 2" in text
    assert text.count("Ninguna pregunta del GTMI mide esta dimensión.") == 2  # D5 and D6
    assert "Banco Mundial, GovTech Dataset (Índice de Madurez GovTech), CC BY 4.0" in text


def test_gtmi_section_in_english_for_haiti_and_nicaraguas_missed_survey(page, server):
    page.goto(f"{server}/country/HTI?lang=en")
    page.wait_for_selector("section.gtmi .gtmi-dimensions")
    rows = gtmi_surveys(page)
    assert [r[1] for r in rows] == ["C", "D", "D"]
    text = page.inner_text("section.gtmi")
    assert (
        "In the World Bank's 2025 survey, Haiti was in Group D: minimal focus on GovTech." in text
    )
    assert "Group A: GovTech leaders (very high focus on GovTech); Group B" in text  # the key
    for level in (
        "I-42 Digital signature regulation and PKI: level 0 of 3",
        "I-3 Government interoperability framework: level 0 of 2",
        "I-15 Open source software policy: level 0 of 2",
    ):
        assert level in text
    assert "The GTMI does not measure satisfaction" in text
    assert "These are real figures, not demonstration data" in text
    page.goto(f"{server}/country/NIC?lang=en")
    page.wait_for_selector("section.gtmi .gtmi-dimensions")
    assert gtmi_surveys(page)[2][1:] == ["did not take part", "—", "—", "—", "—", "—"]
    assert "Nicaragua did not take part in the 2025 survey." in page.inner_text("section.gtmi")


def test_gtmi_downloads_hold_the_warehouse_figures_as_numbers(server, demo_warehouse):
    rows = download_csv(f"{server}/download/country-gtmi.csv?country=URY&lang=en")
    expected = query(demo_warehouse, "SELECT year, gtmi FROM gtmi WHERE iso3 = 'URY' ORDER BY year")
    gtmi = "GTMI (GovTech Maturity Index)"
    assert {int(r["GTMI survey"]): float(r[gtmi]) for r in rows} == pytest.approx(dict(expected))
    assert {r["GTMI group"] for r in rows} == {"A"}
    dims = download_csv(
        f"{server}/download/country-gtmi-dimensions.csv?country=HTI&year=2023&lang=en"
    )
    assert [r["Dimension code"] for r in dims] == [f"D{n}" for n in range(1, 7)]
    d2 = dims[1]
    assert d2["GTMI survey"] == "2022" and d2["Match code"] == "direct"
    assert d2["Match with the GTMI"] == "Direct match"
    assert d2["GTMI questions"].startswith(
        "I-42 Digital signature regulation and PKI: level 0 of 3"
    )
    assert float(d2["Score"]) == round(  # rounded as the page shows it
        query(
            demo_warehouse,
            """SELECT score FROM scores
               WHERE iso3 = 'HTI' AND year = 2023 AND level = 'dimension' AND id = 'D2'""",
        )[0][0],
        1,
    )
    assert {r["GEALC score from demonstration data"] for r in dims} == {"yes"}
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{server}/download/country-gtmi.csv?country=XYZ")
    assert refused.value.code == 400
