"""Every finding the reader and the rules can raise has words in all four languages: its msgids
are in `MESSAGES` and translated in every catalogue, with the Spanish placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file

from etl.submission.findings import error
from etl.submission.messages import MESSAGES, explain
from locales import TRANSLATED
from locales.catalogues import KEYWORDS, problems, read_catalogue
from locales.formats import fmt_value
from locales.messages import t

ETL = Path(__file__).resolve().parents[2] / "etl" / "submission"
RAISED = sorted(
    {
        code
        for name in ("read.py", "validate.py")
        for code in re.findall(
            r'\b(?:error|warning)\(\s*"([a-z_]+)"', (ETL / name).read_text(encoding="utf-8")
        )
    }
)
# Params for every placeholder a message or a fix can hold, so each code can be put into words.
PARAMS = {
    "size_mb": 12.5,
    "limit_mb": 10,
    "kind": "PDF",
    "sheets": "Hoja1, Hoja2",
    "count": 2,
    "cells": "A1, B2",
    "cell": "B3",
    "lines": 4,
    "value": "1,5",
    "characters": "U+200B",
    "currency": "$",
    "number": 1500.0,
    "numerator": 3.0,
    "denominator": 0.0,
    "columns": "country, value",
    "limit": 50000,
    "suggestion": "URY",
    "first": 2000,
    "last": 2026,
    "indicator": "SD1",
    "computed": 120.0,
    "min": 0.0,
    "max": 100.0,
    "country": "URY",
    "year": 2024,
    "first_row": 3,
    "indicators": "SA2",
    "previous": 12.0,
    "previous_year": 2023,
    "median": 40.0,
}


def test_every_raised_code_has_words():
    assert len(RAISED) >= 20
    assert set(RAISED) <= set(MESSAGES)


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_code_reads_in_every_language(code, lang):
    """Each message and fix is translated (not the Spanish msgid), every placeholder filled."""
    finding = error(code, "f.csv", 3, "value", **PARAMS)
    spanish = explain(finding, "es")
    words = explain(finding, lang)
    for text in (*spanish, *words):
        assert "{" not in text and "}" not in text, (code, lang, text)
    assert words[0] != spanish[0], (code, lang)
    fix = MESSAGES[code][1]
    assert t(fix, lang) != fix, (code, lang)


def extracted(path: Path) -> Catalog:
    """The msgids the catalogues' extraction finds in `path`."""
    catalog = Catalog()
    for _, msgid, _, context in extract_from_file("python", path, keywords=KEYWORDS):
        catalog.add(msgid, context=context)
    return catalog


@pytest.mark.parametrize("name", ["messages.py", "receipt.py", "columns.py"])
def test_every_text_of_the_receipt_is_in_every_catalogue(name):
    """No msgid of the receipt's words is missing, fuzzy or breaking a placeholder."""
    template = extracted(ETL / name)
    assert len(template) > 5
    assert not [p for lang in TRANSLATED for p in problems(read_catalogue(lang), template)]


def test_suggestion_reads_naturally():
    finding = error("unknown_country", "f.csv", 3, "country", value="URU", suggestion="URY")
    assert explain(finding, "es") == (
        "«URU» no es el código ISO3 de un país miembro",
        "use el código de tres letras (¿quiso decir URY?)",
    )
    assert explain(finding, "en")[1] == "use the three-letter code (did you mean URY?)"
    assert (
        explain(error("unknown_country", "f.csv", 3, "country", value="XX", suggestion=""), "fr")[1]
        == "utilisez le code à trois lettres"
    )


@pytest.mark.parametrize(
    "count,es,fr",
    [
        (1, "1 celda tiene una fórmula", "1 cellule contient une formule"),
        (3, "3 celdas tienen fórmulas", "3 cellules contiennent des formules"),
    ],
)
def test_a_count_takes_its_plural_form(count, es, fr):
    finding = error("formula_without_value", "f.xlsx", cells="A1", count=count)
    assert explain(finding, "es")[0].startswith(es)
    assert explain(finding, "fr")[0].startswith(fr)


def test_numbers_are_written_the_readers_way():
    assert [fmt_value(120.0, lang) for lang in ("es", "en")] == ["120", "120"]
    assert [fmt_value(12.5, lang) for lang in ("es", "en", "pt", "fr")] == [
        "12,5",
        "12.5",
        "12,5",
        "12,5",
    ]
    assert fmt_value(1500.25, "en") == "1,500.25" and fmt_value(1500.25, "fr") == "1\u202f500,25"
    assert fmt_value(1.5e28, "es") == "1,5E28" and fmt_value(float("inf"), "en") == "∞"
    finding = error("read_as_thousands", "f.csv", 2, "value", value="1,500", number=1500.0)
    assert (
        explain(finding, "es")[0] == "«1,500» se leyó como 1.500 (la coma como separador de miles)"
    )


def test_template_headings_are_named_in_the_readers_words():
    finding = error("missing_columns", "f.csv", columns="country, value")
    assert explain(finding, "en")[0] == "missing columns: Country, Value"
    assert explain(finding, "fr")[0] == "colonnes manquantes\u00a0: Pays, Valeur"
