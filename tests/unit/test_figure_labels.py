"""Chart labels a person can read: short country names instead of ISO3 codes, scatter labels
that do not collide, value labels no marker covers, a radar hover in words, a heatmap that fits a
phone, thousands grouped on every axis, and the Lesser Antilles drawn large enough to click."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from app import figures, maps
from app.labels import CANDIDATES, Frame, label_box, place_labels
from indicators.countries import load_members, short_name, short_names


def test_short_names_shorten_only_the_long_names_in_every_language():
    members = load_members()
    for lang in ("es", "en", "pt", "fr"):
        shorts = short_names(lang)
        assert set(shorts) == set(members.iso3_codes)
        assert max(len(s) for s in shorts.values()) <= 20
    assert short_name("KNA", "es") == "San Cristóbal y N."
    assert short_name("DOM", "fr") == "Rép. dominicaine"
    assert short_name("VCT", "en") == "St Vincent & G."
    assert short_name("URY", "pt") == "Uruguai"  # short already: the name itself
    assert short_name("XXX", "es", "Otro") == "Otro" and short_name("XXX", "es") == "XXX"


def _boxes(points, texts, frame, positions):
    return [
        label_box(frame.pixel(*p), text, pos, 11, 6)
        for p, text, pos in zip(points, texts, positions, strict=True)
        if pos is not None
    ]


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# The UN scatter's points whose ISO3 labels overlapped (HND/BLZ, DMA/GUY, BOL/JAM).
COLLIDED = {
    "Honduras": (0.486, 36.6),
    "Belice": (0.487, 35.3),
    "Cuba": (0.492, 34.6),
    "Dominica": (0.545, 32.9),
    "Guyana": (0.544, 31.1),
    "Bolivia": (0.665, 50.5),
    "Jamaica": (0.668, 59.2),
}
AREA = Frame((0.45, 0.95), (0.0, 105.0), 680, 340)


def test_labels_of_points_that_collided_no_longer_overlap_each_other_or_a_point():
    points, texts = list(COLLIDED.values()), list(COLLIDED)
    positions = place_labels(points, texts, AREA)
    assert positions[0] == "top center"  # the first point gets the preferred place
    boxes = _boxes(points, texts, AREA, positions)
    assert len(boxes) >= 5
    assert not any(_overlap(a, b) for n, a in enumerate(boxes) for b in boxes[n + 1 :])
    markers = [(x - 6, y - 6, x + 6, y + 6) for x, y in (AREA.pixel(*p) for p in points)]
    assert not any(_overlap(a, m) for a in boxes for m in markers)
    assert all(b[0] >= 0 and b[1] >= 0 and b[2] <= 680 and b[3] <= 340 for b in boxes)


def test_a_point_with_no_room_left_stays_unlabelled():
    crowd = [(0.7, 50.0)] * 10  # ten points on one spot: one label per free side at most
    positions = place_labels(crowd, ["Trinidad y Tob."] * 10, AREA)
    assert positions[0] == "top center" and positions.count(None) >= 10 - len(CANDIDATES)
    assert len(set(positions) - {None}) == len([p for p in positions if p])  # no place twice


def _scatter_frame() -> pd.DataFrame:
    iso = ["HND", "BLZ", "CUB", "DMA", "GUY", "BOL", "JAM", "KNA"]
    names = ["Honduras", "Belice", "Cuba", "Dominica", "Guyana", "Bolivia", "Jamaica", "x"]
    xs = [0.486, 0.487, 0.492, 0.545, 0.544, 0.665, 0.668, 0.631]
    ys = [36.6, 35.3, 34.6, 32.9, 31.1, 50.5, 59.2, 26.5]
    return pd.DataFrame(
        {
            "iso3": iso,
            "name": [*names[:-1], "San Cristóbal y Nieves"],
            "benchmark": xs,
            "score": ys,
            "flagged": [False] * 7 + [True],
        }
    )


def test_scatter_labels_points_with_short_names_and_hovers_with_full_names():
    fig = figures.scatter(_scatter_frame(), "es", "EGDI", "Puntaje", None)
    points, flagged = fig.data[0], fig.data[1]
    assert flagged.text == ("San Cristóbal y N.",)  # placed first, short name
    assert set(points.text) - {""} <= set(COLLIDED) and "HND" not in points.text
    assert "%{customdata}" in points.hovertemplate and flagged.customdata[0].endswith("Nieves")
    assert tuple(fig.layout.xaxis.range) == pytest.approx((0.4769, 0.6771), abs=1e-3)


def test_tiles_show_short_names_carry_iso3_and_leave_gaps_empty():
    frame = pd.DataFrame(
        {
            "iso3": ["URY", "KNA", "HTI", "VCT"],
            "name": ["Uruguay", "Saint Kitts and Nevis", "Haiti", "Saint Vincent"],
            "value": [90.0, 10.0, None, 80.0],
        }
    )
    fig = figures.tile_grid(frame, maps.TILES, "en", "Score", 1, value_range=(0, 100))
    assert [tr.type for tr in fig.data] == ["heatmap"] * 3
    cells = {
        fig.data[n].customdata[r][c]: (fig.data[n].text[r][c], fig.data[n].textfont.color)
        for n in range(3)
        for r, row in enumerate(fig.data[n].customdata)
        for c, code in enumerate(row)
        if code
    }
    assert cells == {
        "HTI": ("Haiti", "#212529"),  # grey, no data: dark text
        "URY": ("Uruguay", "#212529"),  # light end of the scale: dark text
        "VCT": ("St<br>Vincent &<br>G.", "#212529"),
        "KNA": ("St Kitts<br>& Nevis", "#ffffff"),  # dark end: white text
    }
    col, row = maps.TILES["KNA"]
    assert (
        fig.data[2].customdata[row][col] == "KNA"
        and "Saint Kitts" in fig.data[2].hovertext[row][col]
    )
    assert all(
        text in ("", None) or "null" not in text
        for tr in fig.data
        for line in tr.text
        for text in line
    )
    assert [bool(tr.showscale) for tr in fig.data] == [False, True, False]  # one colour key


PROFILE = pd.DataFrame(
    {
        "name": ["D1 Servicios", "D2 Firma", "D3 Interop"],
        "score": [12.0, 99.5, np.nan],
        "region_median": [14.0, 100.0, 40.0],
        "subregion_median": [11.0, 98.0, np.nan],
    }
)


def test_profile_values_stand_right_of_every_bar_and_median_marker():
    fig = figures.profile_bars(PROFILE, "es")
    bars, values = fig.data[0], fig.data[-1]
    assert bars.textposition == "none" and values.mode == "text"
    assert list(values.text) == ["12,0", "99,5", ""]
    furthest = max(
        np.nanmax([v for v in tr.x if v is not None]) for tr in fig.data[:-1] if len(tr.x)
    )
    assert min(values.x) > furthest and values.textposition == "middle right"
    assert fig.layout.xaxis.range[1] > min(values.x) + 10  # room for "100,0" inside the frame
    assert [a.text for a in fig.layout.annotations] == ["sin datos"]


def test_radar_hover_names_country_dimension_and_score_and_labels_wrap():
    wide = pd.DataFrame({"name": ["Brésil"], "D1": [95.0], "D5": [np.nan]})
    axes = [("D1", "Services numériques"), ("D5", "Utilisation des services numériques")]
    fig = figures.radar(wide, axes, "fr")
    trace = fig.data[0]
    assert list(trace.theta) == [
        "Services<br>numériques",
        "Utilisation<br>des services<br>numériques",
        "Services<br>numériques",
    ]
    assert trace.hovertemplate == "<b>Brésil</b><br>%{customdata}\u00a0: %{r:.1f}<extra></extra>"
    assert "r:" not in trace.hovertemplate.replace("%{r:", "") and "θ" not in trace.hovertemplate
    assert fig.layout.margin.l >= 80 and fig.layout.margin.r >= 80


def test_heatmap_has_indicators_as_rows_and_short_country_names_as_columns():
    wide = pd.DataFrame(
        {
            "iso3": ["BRA", "VCT"],
            "name": ["Brasil", "San Vicente y las Granadinas"],
            "SD1": [95.0, np.nan],
            "SD2": [np.nan, 40.4],
        }
    )
    columns = [("SD1", "SD1 Trámites que pueden iniciarse en línea"), ("SD2", "SD2 En línea")]
    fig = figures.heatmap(wide, columns, "es")
    heat = fig.data[0]
    assert list(heat.x) == ["Brasil", "San Vicente y G."]
    assert list(heat.y) == ["SD1 Trámites que<br>pueden iniciarse en…", "SD2 En línea"]
    assert [list(line) for line in heat.text] == [["95", "–"], ["–", "40"]]
    assert heat.customdata[0][1] == (
        "San Vicente y las Granadinas<br>SD1 Trámites que pueden iniciarse en línea: sin datos"
    )
    assert heat.colorbar.title.text == "Puntaje"  # "–" is said in the view's sentence
    assert fig.layout.xaxis.tickangle == -45 and fig.layout.xaxis.dtick == 1
    taller = figures.heatmap(wide, columns * 5, "es")
    assert taller.layout.height > fig.layout.height  # height follows the rows


@pytest.mark.parametrize(
    "fig",
    [
        figures.hbars(["a"], [12500.0], "fr", "x", x_range=None),
        figures.lines(
            pd.DataFrame({"year": [2023, 2024], "v": [1000.0, 2000.0]}),
            "year",
            [("v", "V")],
            "es",
            "y",
            y_range=None,
        ),
        figures.heatmap(pd.DataFrame({"name": ["a"], "X": [1.0]}), [("X", "X")], "en"),
    ],
)
def test_every_numeric_axis_and_colour_key_groups_thousands(fig):
    assert fig.layout.xaxis.separatethousands and fig.layout.yaxis.separatethousands
    keys = [tr.colorbar for tr in fig.data if "colorbar" in tr and tr.showscale]
    assert all(k.separatethousands for k in keys)


def test_radar_and_maps_get_no_stray_cartesian_axes():
    fig = figures.radar(pd.DataFrame({"name": ["a"], "D1": [1.0]}), [("D1", "D1")], "es")
    assert fig.layout.xaxis.separatethousands is None
    assert fig.layout.polar.radialaxis.separatethousands


def test_map_draws_the_lesser_antilles_again_in_a_clickable_inset():
    frame = pd.DataFrame(
        {
            "iso3": ["URY", "KNA", "LCA", "HTI"],
            "name": ["Uruguay", "Saint Kitts", "Saint Lucia", "Haiti"],
            "value": [80.0, 40.0, None, None],
        }
    )
    fig = figures.choropleth(
        frame,
        "fr",
        "Score",
        1,
        (0, 100),
        outlines_url=maps.OUTLINES_URL,
        small=maps.small_states(),
        context=maps.context_ids(),
    )
    main = [tr for tr in fig.data if tr.geo in (None, "geo")]
    inset = [tr for tr in fig.data if tr.geo == "geo2"]
    assert len(main) == len(inset) == 4
    dots = inset[3]
    assert sorted(dots.customdata) == ["KNA", "LCA"] and dots.marker.size > main[3].marker.size
    assert dict(zip(dots.customdata, dots.marker.color, strict=True))["LCA"] == "#ced4da"
    assert [bool(tr.showscale) for tr in fig.data if tr.type == "choropleth"].count(True) == 1
    assert not any(tr.marker.showscale for tr in fig.data if tr.type == "scattergeo")
    geo2 = fig.layout.geo2
    assert tuple(geo2.lonaxis.range) == (-64.0, -58.6) and geo2.lataxis.range[0] < 10.5
    assert tuple(fig.layout.geo.domain.x) == (0, 1)
    assert [a.text for a in fig.layout.annotations] == ["Petites Antilles"]
    assert fig.layout.shapes[0].x1 == geo2.domain.x[1]  # the inset's frame
    assert {tr.geojson for tr in fig.data if tr.type == "choropleth"} == {maps.OUTLINES_URL}
