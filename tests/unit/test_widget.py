"""The chart widget's tab in the URL, the countries a URL names, and the countries-over-time
frame, without a server."""

from __future__ import annotations

import math

import pandas as pd

from app.pages.explorer import measures
from app.urls import countries
from app.widget import View, Widget, graph_id, shown_tab


def _widget(param: str = "tab") -> Widget:
    return Widget(
        id="explorer",
        title="T",
        views=[View("map", "Mapa", lambda: None), View("lines", "Evolución", lambda: None)],
        table=lambda: None,
        param=param,
    )


def test_the_tab_is_read_from_its_parameter_and_falls_back_to_the_first_view():
    widget = _widget()
    assert widget.tabs() == ["map", "lines", "table", "sources", "download"]
    assert shown_tab(widget, "?tab=lines&year=2023") == ("lines", None)
    assert shown_tab(widget, "?tab=TABLE") == ("table", None)
    assert shown_tab(widget, "") == ("map", None)
    assert shown_tab(widget, "?tab=zzz") == ("map", "zzz")  # the page says it fell back
    assert shown_tab(_widget("profile-dimensions"), "?tab=lines") == ("map", None)
    assert graph_id(widget, widget.views[1]) == "explorer-lines"
    assert graph_id(widget, View("chart", "G", lambda: None, graph_id="home-un")) == "home-un"


def test_countries_keep_the_urls_order_drop_repeats_and_say_what_is_unknown():
    found = countries({"countries": "ury, bra,URY,ZZZ,hti"}, ["URY", "BRA", "HTI", "MEX"], 2)
    assert found.chosen == ["URY", "BRA"]
    assert found.left_out == ["HTI"]
    assert found.problems == [("countries", "ZZZ")]
    assert countries({}, ["URY"], 8).chosen == []


def test_countries_over_time_keep_gaps_and_add_the_medians_of_their_subregions():
    data = pd.DataFrame(
        {
            "iso3": ["URY", "URY", "HTI", "BRA", "BRA", "JAM", "JAM"],
            "year": [2022, 2023, 2022, 2022, 2023, 2022, 2023],
            "value": [60.0, 70.0, 20.0, 50.0, 80.0, 30.0, 40.0],
        }
    )
    members = pd.DataFrame(
        {
            "iso3": ["URY", "HTI", "BRA", "JAM"],
            "name": ["Uruguay", "Haití", "Brasil", "Jamaica"],
            "subregion": ["south_america", "caribbean", "south_america", "caribbean"],
        }
    )
    subs = pd.DataFrame(
        {"subregion": ["caribbean", "south_america"], "name": ["Caribe", "Sudamérica"]}
    )
    drawn = measures.countries_over_years(data, members, ["HTI", "URY"], subs, "es")
    assert drawn.countries == [("HTI", "Haití"), ("URY", "Uruguay")]
    assert drawn.references == [
        ("all", "Mediana regional"),
        ("caribbean", "Mediana (Caribe)"),
        ("south_america", "Mediana (Sudamérica)"),
    ]
    by_year = drawn.frame.set_index("year")
    assert by_year.loc[2022, "HTI"] == 20.0 and math.isnan(by_year.loc[2023, "HTI"])  # a gap
    assert by_year.loc[2023, "all"] == 70.0  # median of 70, 80, 40
    assert by_year.loc[2023, "caribbean"] == 40.0
    assert measures.leaders(
        pd.DataFrame({"iso3": ["A", "B", "C"], "value": [9.0, 5.0, None]}), 5
    ) == ["A", "B"]  # the year's highest; none without a value
