"""The external-benchmarks page in a real browser: the members' real UN figures of the survey
nearest to the data year (in the chart's Table tab), Spearman's ρ as the download computes it,
the EGDI-group and index filters, and the switch to the World Bank GTMI, kept in the URL, with
its groups key and its source in the chart's Sources tab."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.browser.conftest import download_csv, pick, settled, table_rows, wait_for_charts
from tests.helpers import query


def row_of(tab, country: str) -> list[str]:
    return next(r for r in table_rows(tab) if r[0] == country)


def open_tab(tab, key: str) -> None:
    """Click the scatter widget's `key` tab, as a reader does, and wait for its panel."""
    tab.click(f"#un-scatter-tab-{key}")
    tab.wait_for_function(f"() => location.search.includes('un-scatter={key}')")
    tab.wait_for_selector(f"#un-scatter-panel.widget-panel-{key}")


def test_un_figures_and_rho_for_the_year(page, server, demo_warehouse):
    page.goto(f"{server}/un?year=2024&lang=en&un-scatter=table")
    page.wait_for_selector("#un-scatter-panel table.data-table")
    uruguay = row_of(page, "Uruguay")
    assert uruguay[2:5] == [
        "2024",
        "0.901",
        "25",
    ]  # UN E-Government Survey 2024: EGDI 0.9006, rank 25
    page.goto(f"{server}/un?year=2018&lang=en&un-scatter=table")
    page.wait_for_selector("#un-scatter-panel table.data-table")
    assert row_of(page, "Uruguay")[2:5] == ["2018", "0.786", "34"]
    rows = pd.DataFrame(download_csv(f"{server}/download/un-comparison.csv?year=2018&lang=en"))
    egdi = "EGDI (e-government development)"
    both = rows[(rows[egdi] != "") & (rows["Score"] != "")].astype({egdi: float, "Score": float})
    rho = both[egdi].rank().corr(both["Score"].rank())
    assert f"ρ = {rho:.2f}" in page.inner_text("main")
    stored = query(
        demo_warehouse,
        "SELECT COUNT(*) FROM scores"
        " WHERE year = 2018 AND level = 'composite' AND score IS NOT NULL",
    )
    assert len(both) == stored[0][0]


def test_index_and_egdi_group_filters(page, server):
    page.goto(f"{server}/un?year=2024&lang=en")
    wait_for_charts(page, "un-scatter")
    open_tab(page, "table")
    pick(page, "index", "OSI (online services)")
    page.wait_for_function("() => location.search.includes('index=OSI')")
    pick(page, "level", "Very high (≥ 0.75)")
    page.wait_for_function("() => location.search.includes('level=very_high')")
    page.wait_for_function(
        "() => document.querySelector('table.data-table').tBodies[0].rows.length === 9"
    )
    assert page.recorder.errors == []


@pytest.mark.parametrize("search", ["?index=XYZ", "?level=top", "?measure=D9"])
def test_invalid_parameters_fall_back_with_a_notice(page, server, search):
    page.goto(f"{server}/un{search}&lang=en")
    page.wait_for_selector(".notice")
    assert search.split("=")[1] in page.inner_text(".notice")


def test_the_page_switches_between_the_un_and_the_gtmi_and_keeps_the_choice(page, server):
    page.goto(f"{server}/un?year=2024&measure=D2")
    wait_for_charts(page, "un-scatter")
    assert page.inner_text("main h1") == "Referencias externas"
    assert page.inner_text("nav.page-nav a.active") == "Referencias externas"
    open_tab(page, "table")
    pick(page, "source", "GTMI del Banco Mundial")
    page.wait_for_function("() => location.search.includes('source=gtmi')")
    page.wait_for_selector("th:has-text('Grupo GTMI')")
    # D2 is read against its matched questions, all from the 2022 survey: Uruguay answers
    # I-42 3 of 3, I-40 and I-41 1 of 1; Haiti 0 of 3, 1 and 1.
    assert row_of(page, "Uruguay")[2:5] == ["2022", "1,000", "A"]
    assert row_of(page, "Haití")[2:5] == ["2022", "0,667", "D"]
    assert "Preguntas del GTMI (I‑42, I‑40, I‑41)" in page.inner_text("#un-scatter-title")
    assert "I-42 pregunta si la firma digital" in page.inner_text("#un-pairing")
    page.reload()  # the choice is in the URL
    page.wait_for_selector("th:has-text('Grupo GTMI')")
    assert "GTMI del Banco Mundial" in page.inner_text(".filter-source")
    page.click("a.lang-link[lang=en]")
    page.wait_for_selector("th:has-text('GTMI group')")
    assert page.inner_text("main h1") == "External benchmarks"
    assert "World Bank GTMI" in page.inner_text(".filter-source")
    open_tab(page, "sources")  # the GTMI's source and its groups key belong to the chart
    sources = page.inner_text("#un-scatter-panel")
    assert "World Bank, GovTech Dataset (GovTech Maturity Index), CC BY 4.0" in sources
    assert "The World Bank places countries in groups, not ranks: Group A" in sources
    assert page.evaluate(  # and no source line stands apart from it
        "[...document.querySelectorAll('main .sources')].every(p => p.closest('.chart-widget'))"
    )
    open_tab(page, "table")
    pick(page, "source", "UN E-Government Survey")
    page.wait_for_function("() => location.search.includes('source=un')")
    page.wait_for_selector("th:has-text('UN rank')")
    assert row_of(page, "Uruguay")[2:5] == ["2024", "0.883", "25"]  # OSI, D2's UN counterpart
    assert page.recorder.errors == []


def test_a_dimension_without_a_gtmi_counterpart_says_so(page, server):
    page.goto(f"{server}/un?source=gtmi&year=2024&measure=D5&gtmi=matched&lang=en")
    wait_for_charts(page, "un-scatter")
    notices = page.locator(".notice").all_inner_texts()
    absent = next(n for n in notices if n.startswith("No GTMI counterpart for D5"))
    assert "does not measure the use of digital services" in absent
    assert not any("matched" in n for n in notices)  # kept from D2, not a mistake to warn of
    assert "No divergence is flagged: the GTMI does not measure" in page.inner_text("main")
    settled(page)
    page.click('[id=\'{"key":"gtmi","type":"filter"}\']')
    options = page.get_by_role("option").all_inner_texts()
    assert len(options) == 5 and all(o.startswith("Not a counterpart: ") for o in options)
    rows = pd.DataFrame(
        download_csv(f"{server}/download/gtmi-comparison.csv?year=2024&measure=D5&lang=en")
    )
    assert rows["DCEI (Digital Citizen Engagement Index)"].astype(float).between(0, 1).all()
    assert set(rows["GTMI group"]) <= set("ABCD") and "UN rank" not in rows
    assert page.recorder.errors == []
