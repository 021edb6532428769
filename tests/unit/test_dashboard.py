"""The dashboard's pure parts — filters, headlines, explorer, UN comparison, maps and their
figures — on small hand-made frames: a country with no data, one country, every dimension."""

from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd
import pytest

from app import figures, filters, maps
from app.pages.explorer import measures
from app.pages.home import charts, headlines
from app.pages.un import benchmarks
from indicators.countries import load_members

DIMS = pd.DataFrame(
    {
        "dimension_id": [f"D{n}" for n in range(1, 7)],
        "name": [f"Dim {n}" for n in range(1, 7)],
        "un_counterpart": ["OSI", "OSI", "OSI", "TII", "EPI", "EPI"],
    }
)
MEMBERS = pd.DataFrame(
    {
        "iso3": ["URY", "CHL", "BRB", "HTI"],
        "name": ["Uruguay", "Chile", "Barbados", "Haiti"],
        "subregion": ["south_america", "south_america", "caribbean", "caribbean"],
    }
)


def scores(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["iso3", "year", "level", "id", "score"]).assign(
        rank=1, rank_low=1, rank_high=2, rank_share=0.5, coverage=1, is_demo=False
    )


def test_filters_read_the_url_and_remember_what_they_rejected():
    view = filters.read(
        {"year": "2023", "level": "top"},
        [
            filters.Choice("year", [2024, 2023], 2024, int),
            filters.Choice("level", filters.LEVELS, None, str.lower),
        ],
    )
    assert view.values == {"year": 2023, "level": None} and view.problems == [("level", "top")]
    levels = pd.Series({"URY": "very_high", "CHL": "very_high", "BRB": "high"})
    assert filters.selected(MEMBERS, levels, "caribbean", None)["iso3"].tolist() == ["BRB", "HTI"]
    assert filters.selected(MEMBERS, levels, None, "very_high")["iso3"].tolist() == ["URY", "CHL"]
    assert filters.selected(MEMBERS, levels, "caribbean", "very_high").empty
    assert filters.dom_id("year") == '{"key":"year","type":"filter"}'


def facts(members: pd.DataFrame, rows: list[tuple], year: int = 2024) -> headlines.Facts:
    reported = pd.DataFrame(
        [(r[0], r[1], f"I{n}") for n, r in enumerate(rows) if r[2] == "composite"],
        columns=["iso3", "year", "indicator_id"],
    )
    egov = pd.DataFrame(
        {
            "iso3": ["URY", "CHL", "BRB", "HTI"],
            "survey_year": [2024] * 4,
            "egdi": [0.90, 0.88, 0.70, None],
        }
    )
    weights = pd.Series(1 / 15, index=[f"I{n}" for n in range(15)])
    return headlines.Facts(members, scores(rows), reported, egov, DIMS, 15, year, weights, GTMI)


# The World Bank's groups, by hand: URY stays in A, CHL moves up from B, BRB down from C to D,
# HTI took part in 2020 and 2022 only.
GTMI = pd.DataFrame(
    [
        ("URY", 2020, "A"),
        ("URY", 2022, "A"),
        ("URY", 2025, "A"),
        ("CHL", 2022, "B"),
        ("CHL", 2025, "A"),
        ("BRB", 2022, "C"),
        ("BRB", 2025, "D"),
        ("HTI", 2020, "C"),
        ("HTI", 2022, "D"),
    ],
    columns=["iso3", "year", "group"],
)


def test_headlines_every_dimension_one_country_and_no_data():
    rows = [
        ("URY", 2024, "composite", "GEALC", 80.0),
        ("URY", 2023, "composite", "GEALC", 70.0),
        ("CHL", 2024, "composite", "GEALC", 60.0),
        ("CHL", 2023, "composite", "GEALC", 65.0),
    ]
    # URY reported I0 and I1 in both years (+15 and +15 points: +2 on the composite like for
    # like) and added I2 in 2024, which does not count as improvement; CHL kept I0 at 30.
    rows += [
        ("URY", 2023, "indicator", "I0", 40.0),
        ("URY", 2023, "indicator", "I1", 40.0),
        ("URY", 2024, "indicator", "I0", 55.0),
        ("URY", 2024, "indicator", "I1", 55.0),
        ("URY", 2024, "indicator", "I2", 90.0),
        ("CHL", 2023, "indicator", "I0", 30.0),
        ("CHL", 2024, "indicator", "I0", 30.0),
    ]
    rows += [
        (c, 2024, "dimension", d, 50.0 + n + (10 if c == "URY" else 0))
        for c in ("URY", "CHL")
        for n, d in enumerate(DIMS["dimension_id"])
    ]
    every = {h.key: h for h in headlines.headlines(facts(MEMBERS, rows), "en")}
    assert every["reporting"].sentence.startswith(
        "2 of 4 member countries reported indicators for 2024"
    )
    assert (
        every["medians"].table["median"].iloc[0] == 70.0 and len(every["medians"].table) == 7
    )  # composite + 6 dimensions
    assert (
        "D6 Dim 6 (60.0); the one furthest behind is D1 Dim 1 (55.0)" in every["medians"].sentence
    )
    improved = every["improved"]
    assert improved.table["iso3"].tolist() == ["URY", "CHL"]
    assert improved.table["common"].tolist() == [2, 1]
    assert improved.table["change"].tolist() == pytest.approx([2.0, 0.0])
    assert improved.sentence == (
        "Uruguay improved the most: comparing 2 indicators reported in both 2023 and 2024, its "
        "composite score went from 5.3 to 7.3 (+2.0)."
    )
    assert every["best"].table["iso3"].tolist() == ["URY"] * 6
    assert "average EGDI of the 3 members assessed is 0.83; 2 of them" in every["un"].sentence
    one = {
        h.key: h for h in headlines.headlines(facts(MEMBERS[MEMBERS["iso3"] == "URY"], rows), "es")
    }
    assert (
        one["medians"].table["median"].iloc[0] == 80.0
        and one["best"].table["countries"].iloc[0] == "Uruguay"
    )
    none = {
        h.key: h for h in headlines.headlines(facts(MEMBERS[MEMBERS["iso3"] == "HTI"], rows), "fr")
    }
    assert none["reporting"].sentence.startswith("0 pays membre sur 1 a déclaré")
    assert none["medians"].sentence == "Il n'y a pas encore de scores pour 2024."
    assert none["best"].table["score"].isna().all() and none["un"].sentence.startswith(
        "Il n'y a pas de chiffres"
    )
    for item in [*every.values(), *none.values()]:
        assert charts.headline(item, "fr").layout.separators == ",\u202f"


def test_gtmi_headline_counts_group_a_and_names_who_moved_since_the_survey_before():
    item = headlines.gtmi_groups(facts(MEMBERS, []), "en")
    # 2024 is nearest the 2025 survey, which assessed 3 of the 4 members (not Haiti).
    assert item.sentence == (
        "In the World Bank's GovTech Maturity Index (GTMI) 2025, group A (GovTech leaders) "
        "includes 2 of the 3 members assessed. Since 2022, Chile moved up a group; Barbados "
        "moved down."
    )
    table = item.table.set_index("iso3")
    assert list(table.index) == ["CHL", "BRB", "URY", "HTI"]  # up, down, same, absent
    assert table.loc["HTI", "group_now"] == "did not take part"
    assert table.loc["CHL", ["group_before", "group_now", "group_change"]].tolist() == [
        "B",
        "A",
        "moved up",
    ]
    assert list(item.columns.values()) == [
        "Country",
        "Group in 2022",
        "Group in 2025",
        "Group change",
    ]
    counts = headlines.gtmi_group_counts(item, "en")
    assert counts.to_dict("list") == {
        "group": ["Group A", "Group B", "Group C", "Group D"],
        "group_before": [1, 1, 1, 1],
        "group_now": [2, 0, 0, 1],
    }
    assert len(charts.headline(item, "en").data) == 2
    # 2021 lies as near 2020 as 2022: the earlier survey, with none before it to compare.
    early = headlines.gtmi_groups(facts(MEMBERS, [], year=2021), "es")
    assert early.sentence == (
        "En el Índice de Madurez GovTech (GTMI) 2020 del Banco Mundial, el grupo A (líderes en "
        "GovTech) reúne a 1 de los 2 miembros evaluados."
    )
    assert list(early.columns) == ["name", "group_now"]
    # Barbados up to B instead, and Haiti back in 2025 in C: three moved up, none down.
    three_up = pd.concat(
        [
            GTMI.assign(group=GTMI["group"].where(GTMI["group"] != "D", "B")).iloc[:-1],
            pd.DataFrame([("HTI", 2022, "D"), ("HTI", 2025, "C")], columns=GTMI.columns),
        ]
    )
    sentence = headlines.gtmi_groups(replace(facts(MEMBERS, []), gtmi=three_up), "en").sentence
    assert sentence.endswith("Since 2022, Barbados, Chile, and Haiti moved up a group.")
    assert headlines.gtmi_groups(facts(MEMBERS[MEMBERS["iso3"] == "URY"], []), "fr").sentence == (
        "Dans l'Indice de maturité GovTech (GTMI) 2025 de la Banque mondiale, le groupe A "
        "(leaders de la GovTech) compte 1 des 1 membres évalués. Depuis 2022, aucun membre n'a "
        "rejoint un groupe supérieur."
    )
    nobody = replace(facts(MEMBERS, []), gtmi=GTMI.iloc[0:0])
    assert headlines.gtmi_groups(nobody, "en").sentence == (
        "There are no World Bank GTMI figures for these countries."
    )
    assert charts.headline(headlines.gtmi_groups(nobody, "en"), "en").layout.height


def test_explorer_series_keeps_missing_as_missing_and_last():
    rows = [
        ("URY", 2024, "indicator", "FD1", 90.0),
        ("CHL", 2024, "indicator", "FD1", 40.0),
        ("URY", 2023, "indicator", "FD1", 80.0),
    ]
    values = pd.DataFrame(
        {
            "iso3": ["URY", "CHL", "URY"],
            "year": [2024, 2024, 2023],
            "indicator_id": ["FD1"] * 3,
            "value": [120.0, 15.0, 100.0],
        }
    )
    level, key = measures.measure(None, "FD1")
    data = measures.series(level, key, scores(rows), values)
    now = measures.year_view(data, MEMBERS, 2024)
    assert now["iso3"].tolist() == ["URY", "CHL", "BRB", "HTI"] and now["value"].tolist()[:2] == [
        120.0,
        15.0,
    ]
    assert now["value"].iloc[2:].isna().all()  # no data: missing, never 0
    assert measures.measure("D2", None) == ("dimension", "D2") and measures.measure(None, None) == (
        "composite",
        "GEALC",
    )
    medians = measures.medians_over_years(
        data, MEMBERS, pd.DataFrame({"subregion": ["caribbean", "south_america"]})
    )
    assert medians.set_index("year")["all"].to_dict() == {2023: 100.0, 2024: 67.5}
    assert list(medians.columns) == [
        "year",
        "all",
        "south_america",
    ]  # a subregion without data gets no line


def test_un_pairs_need_five_countries_and_flag_the_far_one():
    iso = [f"C{n:02d}" for n in range(8)]
    members = pd.DataFrame({"iso3": iso, "name": iso, "subregion": "caribbean"})
    egov = pd.DataFrame(
        {
            "iso3": iso,
            "survey_year": 2024,
            "egdi": [0.3 + 0.08 * n for n in range(8)],
            "osi": 0.5,
            "hci": 0.5,
            "tii": 0.5,
            "epi": 0.5,
            "egdi_rank": range(8, 0, -1),
        }
    )
    score_rows = [
        (c, 2024, "composite", "GEALC", 20 + 10 * n + (0.3 if n % 2 else -0.3))
        for n, c in enumerate(iso)
    ]
    score_rows[3] = ("C03", 2024, "composite", "GEALC", 95.0)
    frame, fit = benchmarks.pairs(scores(score_rows), egov, members, 2024, "GEALC", index="EGDI")
    assert frame.loc[frame["flagged"], "iso3"].tolist() == ["C03"] and fit["countries"] == 8
    few, none = benchmarks.pairs(scores(score_rows[:4]), egov, members, 2024, "GEALC", index="EGDI")
    assert none is None and not few["flagged"].any() and few["score"].isna().sum() == 4
    # A dimension a country reported nothing in scores 0 by rule: it is not cross-checked.
    dims = scores([(c, 2024, "dimension", "D1", 10.0 * n) for n, c in enumerate(iso)])
    dims.loc[dims["iso3"] == "C00", "coverage"] = 0
    checked, _ = benchmarks.pairs(
        dims, egov.assign(osi=egov["egdi"]), members, 2024, "D1", index="OSI"
    )
    assert checked.set_index("iso3")["score"].isna().to_dict() == {c: c == "C00" for c in iso}
    assert (
        benchmarks.default_index("D4", DIMS) == "TII"
        and benchmarks.default_index("GEALC", DIMS) == "EGDI"
    )
    fig = figures.scatter(frame, "en", "EGDI", "Score", fit)
    assert [tr.name for tr in fig.data] == [
        "Countries",
        "Flagged divergence",
        "Theil–Sen line (robust)",
    ]
    assert fig.data[1].marker.symbol == "diamond"


def test_every_member_has_a_tile_an_outline_and_small_states_a_dot():
    members = set(load_members().iso3_codes)
    assert set(maps.TILES) == members and len(set(maps.TILES.values())) == len(members)
    places = maps.outline_places()
    assert members <= set(places["id"])
    assert {"KNA", "GRD", "VCT", "BRB", "ATG", "LCA", "DMA"} <= set(maps.small_states()["id"])
    assert not any(i in members for i in maps.context_ids())


def test_map_figures_draw_no_data_in_grey_from_the_apps_own_outlines():
    frame = pd.DataFrame(
        {
            "iso3": ["URY", "KNA", "HTI"],
            "name": ["Uruguay", "Saint Kitts", "Haiti"],
            "value": [80.0, 40.0, None],
        }
    )
    fig = figures.choropleth(
        frame,
        "es",
        "Puntaje",
        1,
        (0, 100),
        outlines_url=maps.OUTLINES_URL,
        small=maps.small_states(),
        context=maps.context_ids(),
    )
    assert {tr.geojson for tr in fig.data if tr.type == "choropleth"} == {
        "/assets/maps/lac-50m.geojson"
    }
    missing, has, dots = fig.data[1], fig.data[2], fig.data[3]
    assert list(missing.locations) == ["HTI"] and "sin datos" in missing.hovertext[0]
    assert list(has.locations) == ["URY", "KNA"] and list(dots.customdata) == ["KNA"]
    bars = figures.hbars(frame["name"].tolist(), frame["value"].tolist(), "en", "Score")
    assert list(bars.data[0].text) == ["80.0", "40.0", "no data"]
    assert math.isclose(bars.data[0].x[2], 0)  # the no-data row has no bar, and says so


@pytest.mark.parametrize("lang", ["es", "en", "pt", "fr"])
def test_figures_use_the_languages_separators(lang):
    fig = figures.hbars(["a"], [12.5], lang, "x")
    assert fig.layout.separators == {"es": ",.", "pt": ",.", "en": ".,", "fr": ",\u202f"}[lang]
    assert fig.data[0].text[0] == ("12.5" if lang == "en" else "12,5")
