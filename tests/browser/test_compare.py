"""Compare countries in a real browser: every language, filters that write the URL, a shared
link, invalid parameters, the download against the warehouse; nothing off-origin, no errors."""

from __future__ import annotations

import csv
import io
import urllib.request

import pytest

from tests.browser.conftest import pick, screenshot, table_rows, wait_for_charts
from tests.helpers import query

BARS = "compare-bars"


def test_dimension_filter_and_a_shared_link(page, server, browser):
    page.goto(f"{server}/compare?countries=URY,CHL,HTI&year=2022")
    wait_for_charts(page, BARS)
    pick(page, "dimension", "D2 Firma digital")
    page.wait_for_function("() => location.search.includes('dimension=D2')")
    page.wait_for_function(
        "() => document.querySelector('#compare-bars').innerText.includes('FD1')"
    )
    shared = page.url
    other = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    other.goto(shared)
    wait_for_charts(other, BARS)
    assert "FD1" in other.inner_text("#compare-bars")
    other.click("#compare-tab-table")
    other.wait_for_selector("#compare-panel table.data-table")
    assert "dimension=D2" in other.url and "tab=table" in other.url
    assert [r[0] for r in table_rows(other)] == ["Uruguay", "Chile", "Haití"]
    screenshot(other, "compare-es-390")
    other.context.close()


def test_invalid_parameters_say_so_and_too_few_countries_ask_for_more(page, server):
    page.goto(f"{server}/compare?countries=URY,ZZZ&year=1999&lang=en")
    page.wait_for_selector(".notice")
    text = page.inner_text("main")
    assert "ZZZ" in text and "1999" in text and "Choose at least two countries to compare." in text
    assert "for 'Countries'" in text and "for 'Year'" in text
    page.goto(f"{server}/compare?countries=URY,ZZZ&year=1999")
    page.wait_for_selector(".notice")
    notices = page.inner_text("main")
    # The parameter is named as its control is labelled on the Spanish page, not by its URL key.
    assert "para «Países»" in notices and "para «Año»" in notices
    assert "countries" not in notices and "year" not in notices


def test_a_ninth_country_is_left_out_with_the_reason(page, server):
    nine = "URY,CHL,BRA,MEX,ARG,COL,PER,JAM,HTI"
    page.goto(f"{server}/compare?countries={nine}&year=2023&lang=en")
    page.wait_for_selector(".notice")
    text = page.inner_text("main")
    assert "Up to 8 countries are compared: Haiti was left out" in text
    assert "not valid" not in text


def test_compare_download_matches_the_scores_view(server, demo_warehouse):
    url = f"{server}/download/compare.csv?countries=BRA,MEX,JAM&year=2023&lang=en"
    with urllib.request.urlopen(url) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8-sig"))))
    assert [r["ISO3"] for r in rows] == ["BRA", "MEX", "JAM"]
    assert {r["Demonstration data"] for r in rows} == {"yes"}  # every row rests on demo values
    assert all(r["Indicators reported"].isdigit() for r in rows)
    expected = dict(
        query(
            demo_warehouse,
            """SELECT iso3, score FROM scores WHERE year = 2023 AND level = 'composite'
                                             AND iso3 IN ('BRA', 'MEX', 'JAM')""",
        )
    )
    for row in rows:
        want = expected[row["ISO3"]]
        assert (
            (row["GEALC composite"] == "")
            if want is None
            else float(row["GEALC composite"]) == round(want, 1)  # rounded as the page shows it
        )
    # The rank and its range are three whole numbers, not the page's "4 (3–6)".
    for heading in ("Rank", "Rank, 5th percentile", "Rank, 95th percentile"):
        assert all(r[heading].isdigit() for r in rows), heading


def test_gtmi_stands_beside_the_egdi_in_the_table_and_its_download(page, server):
    page.goto(f"{server}/compare?countries=URY,HTI,NIC&year=2024&tab=table")
    page.wait_for_selector("#compare-panel table.data-table")
    headings = page.eval_on_selector(
        "table.data-table", "t => [...t.tHead.rows[0].cells].map(th => th.textContent.trim())"
    )
    at = headings.index("EGDI")
    assert headings[at + 1 : at + 5] == ["Posición ONU", "Encuesta GTMI", "Grupo GTMI", "GTMI"]
    rows = {r[1]: r[at + 2 : at + 5] for r in table_rows(page)}
    # 2024 is nearest the 2025 survey; Nicaragua missed it, so its nearest is 2022.
    assert rows == {
        "URY": ["2025", "A", "0,908"],
        "HTI": ["2025", "D", "0,138"],
        "NIC": ["2022", "C", "0,324"],
    }
    page.click("#compare-tab-sources")
    page.wait_for_selector("#compare-panel .citation")
    assert "Banco Mundial, GovTech Dataset" in page.inner_text("#compare-panel")
    url = f"{server}/download/compare.csv?countries=URY,NIC&year=2024&lang=en"
    with urllib.request.urlopen(url) as response:
        got = list(csv.DictReader(io.StringIO(response.read().decode("utf-8-sig"))))
    gtmi = "GTMI (GovTech Maturity Index)"
    assert [(r["GTMI survey"], r["GTMI group"], float(r[gtmi])) for r in got] == [
        ("2025", "A", pytest.approx(0.907574)),
        ("2022", "C", pytest.approx(0.324368)),
    ]


def test_countries_over_time_and_the_views_of_one_widget(page, server):
    page.goto(f"{server}/compare?countries=URY,HTI,MEX&year=2023&lang=en")
    wait_for_charts(page, BARS)
    tabs = page.eval_on_selector_all(".widget-tab", "as => as.map(a => a.textContent)")
    assert tabs == [
        "Bars",
        "Profile by dimension",
        "By indicator",
        "Over time",
        "Table",
        "Sources",
        "Download",
    ]
    page.click("#compare-tab-lines")
    wait_for_charts(page, "compare-lines")
    assert "tab=lines" in page.url and "countries=URY%2CHTI%2CMEX" in page.url.replace(",", "%2C")
    names = page.eval_on_selector(
        "#compare-lines", "g => g.querySelector('.js-plotly-plot').data.map(d => d.name)"
    )
    assert names[:4] == ["Uruguay", "Haiti", "Mexico", "Regional median"]
    assert set(names[4:]) == {
        "Median (South America)",
        "Median (Caribbean)",
        "Median (Central America)",
    }
    # Changing the countries keeps the tab.
    pick(page, "countries", "Chile")
    page.wait_for_function("() => location.search.includes('CHL')")
    assert "tab=lines" in page.url
    page.wait_for_function(
        "() => document.querySelector('#compare-lines .js-plotly-plot').data"
        ".some(d => d.name === 'Chile')"
    )
    assert page.recorder.errors == []
