"""The read side's pure parts: URLs and ranks with their range."""

from __future__ import annotations

from app.display import fmt_rank
from app.urls import params, with_params


def test_url_round_trip():
    assert params("?lang=en&year=2022") == {"lang": "en", "year": "2022"}
    assert with_params("?lang=en&year=2022", year=2018) == "?lang=en&year=2018"
    assert with_params("?lang=en", lang=None) == ""


def test_ranks_read_with_their_range():
    assert fmt_rank(4, 3, 6) == "4 (3–6)"
    assert fmt_rank(1.0, 1.0, 1.0) == "1"
    assert fmt_rank(None, None, None) == "—" and fmt_rank(float("nan"), None, None) == "—"
