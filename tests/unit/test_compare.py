"""Compare countries, without a browser: the view read from the URL, the default peers, the
table beside the UN figures, and the figures with missing values."""

from __future__ import annotations

import numpy as np
import pandas as pd

from app import compare, figures

MEMBERS = ["ARG", "BRA", "CHL", "CRI", "HTI", "JAM", "URY"]
SUBREGIONS = pd.Series(
    {
        "ARG": "south_america",
        "BRA": "south_america",
        "CHL": "south_america",
        "URY": "south_america",
        "CRI": "central_america",
        "HTI": "caribbean",
        "JAM": "caribbean",
    }
)
DIMS = pd.DataFrame({"dimension_id": ["D1", "D2"], "name": ["Servicios", "Firma"]})


def test_view_keeps_what_exists_and_reports_the_rest():
    view = compare.read_view(
        {"countries": "ury, chl,XXX,URY", "year": "1990", "dimension": "d2"},
        MEMBERS,
        [2024, 2023],
        ["D1", "D2"],
    )
    assert view.countries == ["URY", "CHL"] and view.year == 2024 and view.dimension == "D2"
    assert view.problems == [("countries", "XXX"), ("year", "1990")]
    nine = compare.read_view(
        {"countries": "ARG,BRA,CHL,CRI,HTI,JAM,URY,PER,COL"}, [*MEMBERS, "PER", "COL"], [2024], []
    )
    assert len(nine.countries) == 8 and nine.problems == [("countries", "COL")]
    assert compare.read_view({}, MEMBERS, [], []).year is None


def scores(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["iso3", "level", "id", "score", "rank", "rank_low", "rank_high", "coverage"]
    )


SCORES = scores(
    [
        ("ARG", "composite", "GEALC", 80.0, 2, 1, 3, 15),
        ("BRA", "composite", "GEALC", 85.0, 1, 1, 2, 15),
        ("CHL", "composite", "GEALC", 70.0, 3, 2, 3, 15),
        ("CRI", "composite", "GEALC", 60.0, 4, 4, 4, 15),
        ("HTI", "composite", "GEALC", np.nan, None, None, None, 3),
        ("JAM", "composite", "GEALC", 50.0, 5, 5, 5, 12),
        ("BRA", "dimension", "D1", 90.0, 1, None, None, 3),
        ("BRA", "dimension", "D2", np.nan, None, None, None, 1),
    ]
)


def test_default_peers_take_the_best_of_each_subregion():
    assert compare.default_peers(SCORES, SUBREGIONS) == ["BRA", "ARG", "CRI", "JAM"]


def test_comparison_table_sits_beside_the_nearest_un_survey():
    egov = pd.DataFrame(
        {
            "iso3": ["BRA", "BRA", "HTI"],
            "survey_year": [2022, 2024, 2024],
            "egdi": [0.79, 0.84, 0.21],
            "osi": [0.9, 0.9, 0.2],
            "hci": [0.8] * 3,
            "tii": [0.7] * 3,
            "epi": [0.9] * 3,
            "egdi_rank": [49, 50, 186],
        }
    )
    names = pd.Series({"BRA": "Brasil", "HTI": "Haití"})
    table = compare.comparison_table(
        SCORES, egov, names, ["BRA", "HTI"], DIMS, year=2023, lang="es"
    ).set_index("ISO3")
    assert (
        table.loc["BRA", "Encuesta ONU"] == 2022
        and table.loc["BRA", "EGDI"] == 0.79
        and table.loc["BRA", "Rango ONU"] == 49
    )
    assert (
        table.loc["BRA", "Compuesto GEALC"] == 85.0
        and table.loc["BRA", "Posición GEALC (rango)"] == "1 (1–2)"
    )
    assert table.loc["BRA", "D1 Servicios"] == 90.0 and pd.isna(table.loc["BRA", "D2 Firma"])
    assert (
        pd.isna(table.loc["HTI", "Compuesto GEALC"])
        and table.loc["HTI", "Posición GEALC (rango)"] == "—"
    )


def test_heatmap_marks_missing_cells_and_bars_handle_one_country():
    wide = pd.DataFrame({"name": ["Brasil"], "SD1": [95.0], "SD2": [np.nan]})
    heat = figures.heatmap(wide, [("SD1", "SD1 Trámites"), ("SD2", "SD2 En línea")], "es")
    assert heat.data[0].text[0] == ["95", "sin datos"]
    bars = figures.grouped_bars(wide, [("SD1", "SD1"), ("SD2", "SD2")], "en")
    assert (
        len(bars.data) == 1
        and list(bars.data[0].y)[:1] == [95.0]
        and pd.isna(list(bars.data[0].y)[1])
    )
    radar = figures.radar(
        wide.rename(columns={"SD1": "D1", "SD2": "D2"}), [("D1", "D1"), ("D2", "D2")], "fr"
    )
    assert list(radar.data[0].theta) == ["D1", "D2", "D1"]
