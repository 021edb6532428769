"""The read side's pure parts: number formatting, URLs and the overview figure."""
from __future__ import annotations

import pandas as pd
import pytest

from app.figures import egdi_coverage_bars
from app.i18n import UI, fmt_number, fmt_rank, language, t
from app.urls import params, with_params
from indicators.texts import LANGUAGES


@pytest.mark.parametrize("lang,expected", [("es", "1.234,57"), ("pt", "1.234,57"), ("en", "1,234.57"), ("fr", "1\u202f234,57")])
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


def frame(rows):
    return pd.DataFrame(rows, columns=["iso3", "country", "egdi_rank", "egdi", "assessed", "reported"])


def test_figure_orders_by_rank_and_leaves_out_unassessed():
    fig = egdi_coverage_bars(frame([
        ("CHL", "Chile", 31, 0.88, True, 14),
        ("URY", "Uruguay", 25, 0.90, True, 12),
        ("HTI", "Haití", 174, None, False, 0),
    ]), "es", 15)
    bar = fig.data[0]
    assert list(bar.y) == ["Chile", "Uruguay"]  # drawn bottom-up: rank 25 on top
    assert list(bar.marker.color) == [14, 12]
    assert fig.layout.separators == ",."
    assert "0,900" in bar.hovertext[1]


def test_figure_with_one_country_and_with_none():
    one = egdi_coverage_bars(frame([("URY", "Uruguay", 25, 0.90, True, 0)]), "en", 15)
    assert list(one.data[0].y) == ["Uruguay"]
    empty = egdi_coverage_bars(frame([]), "en", 15)
    assert len(empty.data[0].y) == 0


def test_ranks_read_with_their_range():
    assert fmt_rank(4, 3, 6) == "4 (3–6)"
    assert fmt_rank(1.0, 1.0, 1.0) == "1"
    assert fmt_rank(None, None, None) == "—" and fmt_rank(float("nan"), None, None) == "—"
