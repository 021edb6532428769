"""Download links: CSV and XLSX on every page, and on a page in a language that writes a decimal
comma (es, pt, fr) the CSV its spreadsheets open in columns (`decimal=comma`); not in English."""

from __future__ import annotations

import pytest

from app.components import download_links
from locales.messages import t


def links(lang: str) -> list[tuple[str, str]]:
    block = download_links(lang, [("explorer", {"year": 2024, "lang": lang}, "la tabla")])
    paragraph = block.children[0]
    return [(a.children, a.href) for a in paragraph.children if hasattr(a, "href")]


@pytest.mark.parametrize("lang", ["es", "pt", "fr"])
def test_a_comma_decimal_language_gets_the_csv_for_excel(lang):
    found = links(lang)
    assert [text for text, _ in found[:2]] == ["CSV", "XLSX"]
    assert len(found) == 3
    text, href = found[2]
    assert text == t("CSV para Excel («;» y coma decimal)", lang)
    assert href.startswith("/download/explorer.csv?")
    assert "decimal=comma" in href and "year=2024" in href and f"lang={lang}" in href


def test_an_english_page_offers_only_the_plain_csv_and_the_workbook():
    assert [text for text, _ in links("en")] == ["CSV", "XLSX"]
    assert not any("decimal=comma" in href for _, href in links("en"))
