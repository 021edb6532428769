"""The read side's pure parts: number formatting, URLs ."""

from __future__ import annotations

import pytest

from app.i18n import UI, fmt_number, fmt_rank, language, t
from app.urls import params, with_params
from indicators.texts import LANGUAGES


@pytest.mark.parametrize(
    "lang,expected",
    [("es", "1.234,57"), ("pt", "1.234,57"), ("en", "1,234.57"), ("fr", "1\u202f234,57")],
)
def test_numbers_follow_the_language(lang, expected):
    assert fmt_number(1234.567, lang) == expected


def test_missing_is_never_zero():
    assert fmt_number(None, "es") == "sin datos"
    assert fmt_number(float("nan"), "en") == "no data"


def test_every_text_in_every_language():
    for key, texts in UI.items():
        assert set(texts) == set(LANGUAGES), key
    assert language("de") == "es" and t("country", "pt") == "País"


def test_url_round_trip():
    assert params("?lang=en&year=2022") == {"lang": "en", "year": "2022"}
    assert with_params("?lang=en&year=2022", year=2018) == "?lang=en&year=2018"
    assert with_params("?lang=en", lang=None) == ""


def test_ranks_read_with_their_range():
    assert fmt_rank(4, 3, 6) == "4 (3–6)"
    assert fmt_rank(1.0, 1.0, 1.0) == "1"
    assert fmt_rank(None, None, None) == "—" and fmt_rank(float("nan"), None, None) == "—"
