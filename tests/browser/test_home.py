"""GEALC en números in a real browser: sentences written from the warehouse, filters in the URL,
a shared link, a headline's download checked against the `scores` view."""

from __future__ import annotations

import statistics
import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import LATEST, download_csv, pick, wait_for_charts
from tests.helpers import query

CHARTS = ("home-reporting", "home-medians", "home-improved", "home-best", "home-un")


def reporting(db: str, year: int, subregion: str | None = None) -> int:
    where = f"AND c.subregion = '{subregion}'" if subregion else ""
    return query(
        db,
        f"""SELECT COUNT(DISTINCT o.iso3)
            FROM observations_current o JOIN countries c ON c.iso3 = o.iso3
            WHERE o.year = {year} {where}""",
    )[0][0]


def test_sentences_follow_the_data_and_the_filters(page, server, demo_warehouse):
    page.goto(f"{server}/?year=2022&lang=en")
    wait_for_charts(page, *CHARTS)
    text = page.inner_text("main")
    assert (
        f"{reporting(demo_warehouse, 2022)} of 33 member countries reported indicators for 2022"
        in text
    )
    pick(page, "subregion", "Caribbean")
    page.wait_for_function("() => location.search.includes('subregion=caribbean')")
    page.wait_for_function(
        "() => document.querySelector('main').innerText.includes('of 13 member countries')"
    )
    assert (
        f"{reporting(demo_warehouse, 2022, 'caribbean')} of 13 member countries"
        in page.inner_text("main")
    )
    shared = page.url
    other = page.context.browser.new_context().new_page()
    other.goto(shared)
    wait_for_charts(other, *CHARTS)
    assert "of 13 member countries reported indicators for 2022" in other.inner_text("main")
    other.context.close()
    assert page.recorder.errors == []


def test_a_headline_download_matches_the_scores_view(server, demo_warehouse):
    rows = download_csv(f"{server}/download/headline.csv?key=medians&year=2023&lang=en")
    composite = [
        s
        for (s,) in query(
            demo_warehouse,
            """SELECT score FROM scores WHERE year = 2023 AND level = 'composite'
                                                        AND score IS NOT NULL""",
        )
    ]
    assert rows[0]["Score"] == "GEALC composite"
    assert float(rows[0]["Regional median"]) == round(statistics.median(composite), 1)
    assert int(rows[0]["Countries scored"]) == len(composite)
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{server}/download/headline.csv?key=nothing&year=2023")
    assert err.value.code == 400


def test_each_headline_cites_its_own_sources_in_its_sources_tab(page, server):
    page.goto(f"{server}/?lang=en&home-gtmi=sources")
    page.wait_for_selector("#home-gtmi-panel .citation")
    text = page.inner_text("#home-gtmi-panel")
    assert "World Bank, GovTech Dataset (GovTech Maturity Index), CC BY 4.0" in text
    assert "The World Bank places countries in groups, not ranks: Group A" in text
    assert f"How to cite: Red GEALC, “GEALC in numbers”, release {LATEST} (" in text
    assert "“Members in the World Bank GTMI”" in text
    page.click("#home-un-tab-sources")
    page.wait_for_function("() => location.search.includes('home-un=sources')")
    page.wait_for_selector("#home-un-panel .citation")
    assert "Source: United Nations, DESA, E-Government Survey" in page.inner_text("#home-un-panel")
    assert "home-gtmi=sources" in page.url  # each widget keeps its own tab
    wait_for_charts(page, "home-reporting", "home-medians")  # the others still show their chart
    assert page.evaluate(  # no source line stands apart from the chart it speaks for
        "[...document.querySelectorAll('main .sources')].every(p => p.closest('.chart-widget'))"
    )
    assert page.recorder.errors == []
