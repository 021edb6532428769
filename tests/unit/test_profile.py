"""The country profile's pure parts: year choice, comparison, tables, sentences, figures and
downloads — including a country with no data and a dimension without a score — and the World
Bank GTMI beside it: groups per survey, a survey missed, levels beside each dimension."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
from openpyxl import load_workbook

from app import figures
from app.display import formatted
from app.downloads import to_bytes
from app.pages.country import profile
from indicators.gtmi import load_gtmi

NAMES = pd.DataFrame(
    {"dimension_id": ["D1", "D2", "D3"], "name": ["Servicios", "Firma", "Interop"]}
)


def scores(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["year", "level", "id", "score", "rank", "rank_low", "rank_high", "coverage"]
    )


SCORES = scores(
    [
        (2023, "composite", "GEALC", 70.0, 4, 3, 6, 14),
        (2024, "composite", "GEALC", np.nan, None, None, None, 9),
        (2024, "dimension", "D1", 80.0, 2, None, None, 3),
        (2024, "dimension", "D2", np.nan, None, None, None, 1),
        (2023, "dimension", "D1", 75.0, 3, None, None, 3),
    ]
)


def test_default_year_prefers_the_latest_composite_and_copes_with_nothing():
    assert profile.default_year(SCORES) == 2023
    assert profile.default_year(SCORES[SCORES["level"] == "dimension"]) == 2024
    assert profile.default_year(SCORES.iloc[0:0]) is None


def test_dimension_comparison_keeps_missing_as_missing():
    medians = pd.DataFrame(
        {
            "level": ["dimension"] * 3,
            "id": ["D1", "D2", "D3"],
            "region_median": [60.0, 50.0, 40.0],
            "subregion_median": [65.0, np.nan, 45.0],
        }
    )
    table = profile.dimension_comparison(SCORES, medians, NAMES, 2024)
    assert table["name"].tolist() == ["D1 Servicios", "D2 Firma", "D3 Interop"]
    assert table["score"].iloc[0] == 80.0 and table["score"].iloc[1:].isna().all()
    assert table["region_median"].tolist() == [60.0, 50.0, 40.0]
    empty = profile.dimension_comparison(SCORES, medians.iloc[0:0], NAMES, 2024)
    assert empty["region_median"].isna().all()


def test_missing_dimension_says_no_data_in_the_chart():
    table = pd.DataFrame(
        {
            "name": ["D1 Servicios", "D2 Firma"],
            "score": [80.0, np.nan],
            "region_median": [60.0, 50.0],
            "subregion_median": [np.nan, np.nan],
        }
    )
    fig = figures.profile_bars(table, "es")
    assert [a.text for a in fig.layout.annotations] == ["sin datos"]
    assert list(fig.data[0].text) == ["80,0", "sin datos"] and list(fig.data[0].y) == [
        "D1 Servicios",
        "D2 Firma",
    ]
    assert (
        len(list(figures.profile_bars(table.iloc[0:0], "en").data[0].x)) == 0
    )  # nothing to show, no crash


def test_rank_sentence_with_its_share_its_range_and_without_a_composite():
    shared = SCORES.assign(rank_share=0.625)
    assert profile.rank_sentence(shared, 28, 2023, "en").startswith(
        "GEALC rank 2023: 4 of 28, the same in 62% of the method's variants; in 90% of them, "
        "between 3 and 6."
    )
    assert "el mismo" not in profile.rank_sentence(shared, 28, 2023, "es")
    assert "la misma en el 62\u00a0% de las variantes" in profile.rank_sentence(
        shared, 28, 2023, "es"
    )
    # A release made before the share was stored says what its range is, not a share.
    assert "5th and 95th percentiles" in profile.rank_sentence(
        SCORES.assign(rank_share=None), 28, 2023, "en"
    )
    firm = shared.assign(rank_low=4, rank_high=4, rank_share=1.0)
    assert profile.rank_sentence(firm, 28, 2023, "en").startswith(
        "GEALC rank 2023: 4 of 28, the same in 100% of the method's variants. Composite"
    )
    assert profile.rank_sentence(shared, 28, 2025, "en") == (
        "Not ranked in 2025: the country reported no value that year."
    )


def test_what_was_not_reported_is_named_and_the_change_is_like_for_like():
    observations = pd.DataFrame(
        {
            "indicator_id": ["SD1", "SD2", "SD3"],
            "indicator": ["Started online", "Completed online", "Portal"],
            "value": [50.0, None, None],
        }
    )
    assert profile.not_reported_sentence(observations, 2024, "en") == (
        "Not reported in 2024 (each counts as 0 in its dimension and in the composite): "
        "SD2 Completed online, SD3 Portal."
    )
    assert profile.not_reported_sentence(observations.fillna(1.0), 2024, "en") == ""
    rows = pd.DataFrame(
        [
            (2023, "composite", "GEALC", 10.0),
            (2024, "composite", "GEALC", 30.0),
            (2023, "indicator", "SD1", 40.0),
            (2024, "indicator", "SD1", 60.0),
            (2024, "indicator", "SD2", 80.0),  # new in 2024: not part of the change
        ],
        columns=["year", "level", "id", "score"],
    )
    weights = pd.Series({"SD1": 0.25, "SD2": 0.25})
    assert profile.change_sentence(rows, weights, 2024, "en") == (
        "Since 2023: +5.0 on 1 indicator reported in both years (10.0 → 15.0); the "
        "published composite went from 10.0 to 30.0."
    )
    assert profile.change_sentence(rows, weights, 2023, "en") == ""


def test_long_labels_wrap_for_phones():
    assert (
        figures.wrap("D5 Utilisation des services numériques")
        == "D5 Utilisation des<br>services numériques"
    )
    assert figures.wrap("D6 Satisfaction") == "D6 Satisfaction"


def test_trend_has_a_line_per_dimension_even_without_values():
    wide, series = profile.trend(SCORES, NAMES, "pt")
    assert [c for c, _ in series] == ["GEALC", "D1", "D2", "D3"] and series[0][
        1
    ] == "Composto GEALC"
    assert wide["D3"].isna().all() and wide.set_index("year").loc[2023, "D1"] == 75.0


def test_indicator_table_headings_follow_the_language_and_numbers_stay_numbers():
    obs = pd.DataFrame(
        {
            "indicator_id": ["SD1"],
            "indicator": ["Trámites"],
            "value": [12.5],
            "unit": ["%"],
            "score": [12.5],
            "source": ["=cmd"],
            "note": [None],
        }
    )
    table = profile.indicator_table(obs, "fr")
    assert list(table.columns) == ["id", "Indicateur", "Valeur", "Unité", "Score", "Source", "Note"]
    assert table["Valeur"].iloc[0] == 12.5
    shown = formatted(table, {"Valeur": 2}, "fr")
    assert shown["Valeur"].iloc[0] == "12,50" and shown["Note"].iloc[0] == ""


def test_downloads_are_spreadsheet_safe_in_csv_and_xlsx():
    frame = pd.DataFrame({"Fuente": ['=HYPERLINK("x")', "Agesic"], "Valor": [-1.5, 2.0]})
    csv = to_bytes(frame, "csv").decode("utf-8-sig")
    assert csv.splitlines()[1] == '"\'=HYPERLINK(""x"")",-1.5'
    sheet = load_workbook(io.BytesIO(to_bytes(frame, "xlsx"))).active
    assert (
        sheet["A2"].value == '\'=HYPERLINK("x")'
        and sheet["A2"].data_type == "s"
        and sheet["B2"].value == -1.5
    )


def test_medians_of_the_region_and_of_the_subregion():
    year_scores = pd.DataFrame(
        {
            "iso3": ["URY", "CHL", "HTI", "JAM"],
            "level": "dimension",
            "id": "D1",
            "score": [80.0, 60.0, 20.0, np.nan],
        }
    )
    subregions = pd.Series(
        {"URY": "south_america", "CHL": "south_america", "HTI": "caribbean", "JAM": "caribbean"}
    )
    row = profile.medians(year_scores, subregions, "south_america", 2024).iloc[0]
    assert (row["level"], row["id"], row["region_median"], row["subregion_median"]) == (
        "dimension",
        "D1",
        60.0,
        70.0,
    )


GTMI = load_gtmi()
SIX = pd.DataFrame(
    {
        "dimension_id": [f"D{n}" for n in range(1, 7)],
        "name": ["Services", "Signature", "Interop", "Software", "Use", "Satisfaction"],
    }
)


def test_gtmi_surveys_give_the_group_label_and_say_when_the_country_took_no_part():
    rows = pd.DataFrame(
        {
            "year": [2020, 2022],
            "group": ["C", "C"],
            **{c: [0.3349, 0.3244] for c in profile.GTMI_COMPOSITES},
        }
    )
    surveys = profile.gtmi_surveys(rows, [2025, 2020, 2022], GTMI, "es")
    assert surveys["survey"].tolist() == [2020, 2022, 2025]
    assert surveys["group_label"].tolist() == [
        "Grupo C: cierto enfoque en GovTech",
        "Grupo C: cierto enfoque en GovTech",
        "no participó",
    ]
    assert surveys["gtmi"].iloc[0] == 0.3349 and pd.isna(surveys["gtmi"].iloc[2])
    shown = profile.gtmi_surveys_shown(surveys, "es")
    assert shown["group"].tolist() == ["C", "C", "no participó"]
    assert shown["gtmi"].tolist() == ["0,335", "0,324", "—"]
    groups, composites = profile.gtmi_key(GTMI, "fr")
    assert (
        groups.startswith("Groupe A\u00a0: leaders de la GovTech") and groups.count("\u202f; ") == 3
    )
    assert composites.startswith("GTMI\u00a0: Indice de maturité GovTech\u202f; CGSI\u00a0: ")
    assert profile.gtmi_group_sentence(surveys, "Nicaragua", "es") == (
        "Nicaragua no participó en la encuesta 2025. En la encuesta 2022 del Banco Mundial, "
        "Nicaragua quedó en el Grupo C: cierto enfoque en GovTech."
    )
    present = profile.gtmi_surveys(rows, [2020, 2022], GTMI, "en")
    assert profile.gtmi_group_sentence(present, "Nicaragua", "en") == (
        "In the World Bank's 2022 survey, Nicaragua was in Group C: some focus on GovTech."
    )
    nowhere = profile.gtmi_surveys(rows.iloc[0:0], [2020, 2022], GTMI, "en")
    assert nowhere["group_label"].tolist() == ["did not take part"] * 2
    assert profile.gtmi_group_sentence(nowhere, "X", "en") == ("X is in no World Bank GTMI survey.")


def test_each_dimension_meets_its_gtmi_questions_with_the_countrys_level_or_none():
    # Haiti in 2022: no digital signature regulation, interoperability framework or open source
    # policy (0), a national ID (1 of 1); I-41 left out here, so "not assessed".
    answers = pd.Series({"I-42": 0.0, "I-40": 1.0, "I-3": 0.0, "I-15": 0.0, "I-31": 0.0})
    scores = pd.Series({"D2": 21.7, "D5": 10.7, "D6": float("nan")})
    table = profile.gtmi_dimensions(SIX, scores, answers, GTMI, "en").set_index("dimension_id")
    assert table.loc["D2", "levels"] == [
        "I-42 Digital signature regulation and PKI: level 0 of 3",
        "I-40 National ID system: level 1 of 1",
        "I-41 National ID digitised records: not assessed",
    ]
    assert table.loc["D2", "questions"] == "; ".join(table.loc["D2", "levels"])
    assert table.loc["D2", "score"] == 21.7 and pd.isna(table.loc["D1", "score"])
    assert table.loc["D3", "levels"][0] == "I-3 Government interoperability framework: level 0 of 2"
    # Use and satisfaction: the GTMI measures neither; no level is shown, the rationale says so.
    for d in ("D5", "D6"):
        assert table.loc[d, "match"] == "none" and table.loc[d, "levels"] == []
        assert table.loc[d, "questions"] == "No GTMI question measures this dimension."
        assert table.loc[d, "note"].startswith("The GTMI does not measure")
    assert pd.isna(table.loc["D6", "score"])
    spanish = profile.gtmi_dimensions(SIX, scores, answers, GTMI, "es").set_index("dimension_id")
    assert spanish.loc["D4", "levels"][0].endswith(": nivel 0 de 2")
    assert spanish.loc["D5", "note"].startswith("El GTMI no mide el uso")


def test_a_year_the_country_did_not_report_is_named_not_called_invalid():
    years = [2022, 2023, 2024]
    assert profile.unreported_year({"year": "2024"}, "2024", years, 2023) == 2024
    assert profile.unreported_year({}, None, years, 2023) == 2024  # no year asked: the latest
    assert profile.unreported_year({"year": "1890"}, "1890", years, 2023) is None  # a bad link
    assert profile.unreported_year({}, None, years, 2024) is None  # it reported the latest
