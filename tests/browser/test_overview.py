"""The first page in a real browser: UN ranks next to GEALC reporting, year and language in the URL,
nothing fetched from outside the server, no console errors."""
from __future__ import annotations

import re

from tests.browser.conftest import screenshot


def rows(tab) -> dict[str, list[str]]:
    """Table rows keyed by country name: [rank, country, subregion, egdi, reported]."""
    tab.wait_for_selector("table.data-table tbody tr")
    cells = tab.eval_on_selector_all("table.data-table tbody tr",
                                     "trs => trs.map(tr => [...tr.cells].map(td => td.innerText.trim()))")
    return {r[1]: r for r in cells}


def test_home_shows_every_member_with_un_rank_and_reporting(page, server):
    page.goto(server + "/")
    table = rows(page)
    assert len(table) == 33
    assert table["Uruguay"][0] == "25" and table["Uruguay"][3] == "0,901"
    assert all(re.fullmatch(r"\d+", r[4]) and 0 <= int(r[4]) <= 15 for r in table.values())
    # The GEALC composite and its rank range, as in the `scores` view; unscored countries say so.
    assert re.fullmatch(r"\d{1,3},\d", table["Uruguay"][5]) and re.fullmatch(r"\d+( \(\d+–\d+\))?", table["Uruguay"][6])
    assert any(r[5] == "sin datos" and r[6] == "—" for r in table.values())
    assert page.evaluate("document.documentElement.lang") == "es"
    assert "Datos de demostración" in page.inner_text("main")
    page.wait_for_selector("#overview-chart .main-svg")
    screenshot(page, "overview-es-1366")
    assert page.recorder.off_origin(server) == []
    assert page.recorder.errors == []


def test_year_selector_updates_table_and_url(page, server):
    page.goto(server + "/")
    rows(page)
    page.click("#overview-year")
    page.get_by_role("option", name="2018", exact=True).click()
    page.wait_for_function("() => [...document.querySelectorAll('table.data-table tbody tr')]"
                           ".some(tr => tr.cells[1].innerText.trim() === 'Uruguay' && tr.cells[0].innerText.trim() === '34')")
    assert "year=2018" in page.url
    table = rows(page)
    assert [table[c][0] for c in ("Chile", "Argentina", "Brasil", "Barbados")] == ["42", "43", "44", "46"]
    assert page.recorder.errors == []


def test_shared_link_opens_the_same_view_in_another_language(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(server + "/?lang=en&year=2018")
    table = rows(tab)
    assert table["Uruguay"][0] == "34" and table["Uruguay"][3] == "0.786"
    assert tab.evaluate("document.documentElement.lang") == "en"
    assert tab.inner_text("h1") == "Member countries in the UN E-Government Survey"
    screenshot(tab, "overview-en-390")
    tab.click("text=Português")
    tab.wait_for_url(re.compile(r"lang=pt"))
    assert "year=2018" in tab.url
    assert rows(tab)["Uruguai"][0] == "34"
    assert tab.evaluate("document.documentElement.lang") == "pt"
    context.close()


def test_invalid_year_falls_back_with_a_notice_and_old_years_say_so(page, server):
    page.goto(server + "/?year=1999")
    assert rows(page)["Uruguay"][0] == "25"
    assert "no es válido" in page.inner_text("main")
    page.goto(server + "/?year=2003&lang=fr")
    table = rows(page)
    assert table["Haïti"][0] == "non évalué" and table["Haïti"][3] == "pas de données"
    assert "Aucun pays n'a déclaré" in page.inner_text("main")
