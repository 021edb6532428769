"""The downloads' words (app.download_columns), without a warehouse: headings in the language, a
code followed by its name, yes/no in words, numbers left alone, and a column or code it cannot
name stopping the download instead of slipping out in English."""

from __future__ import annotations

import pandas as pd
import pytest

from app.download_columns import Names, UnknownColumn, localized


def names(lang: str) -> Names:
    return Names(
        lang=lang,
        subregions={"caribbean": {"es": "Caribe", "fr": "Caraïbes"}[lang]},
        dimensions={"D1": {"es": "Servicios digitales", "fr": "Services numériques"}[lang]},
        indicators={"SD1": {"es": "Trámites en línea", "fr": "Démarches en ligne"}[lang]},
        gtmi_groups={"A": "Grupo A"},
        gtmi_composites={"gtmi": "Índice de Madurez GovTech"},
        factors={},
        gtmi_citation="Banco Mundial",
    )


def test_a_code_keeps_its_column_and_its_name_follows_it():
    frame = pd.DataFrame(
        {
            "iso3": ["JAM", "BRB"],
            "subregion": ["caribbean", None],
            "score": [61.5, None],
            "is_demo": [True, False],
        }
    )
    out = localized(frame, names("fr")).frame
    assert list(out.columns) == [
        "ISO3",
        "Code de la sous-région",
        "Sous-région",
        "Score",
        "Données de démonstration",
    ]
    assert out["Code de la sous-région"].tolist()[0] == "caribbean"
    assert out["Sous-région"].tolist()[0] == "Caraïbes" and pd.isna(out["Sous-région"].iloc[1])
    assert out["Score"].dtype == float  # numbers stay numbers
    assert out["Données de démonstration"].tolist() == ["oui", "non"]


def test_a_measure_a_year_and_the_datasets_own_headings():
    frame = pd.DataFrame({"GEALC": [50.0], "D1": [60.0], "SD1": [70.0], 2024: [3], "x": [1]})
    done = localized(frame, names("es"), {"x": "Lo que la página dice"})
    assert list(done.frame.columns) == [
        "Compuesto GEALC",
        "D1 Servicios digitales",
        "SD1 Trámites en línea",
        "2024",
        "Lo que la página dice",
    ]
    assert [i for _, i in done.ids] == ["GEALC", "D1", "SD1", "2024", "x"]


def test_a_name_the_dataset_gives_is_kept_after_its_code():
    frame = pd.DataFrame({"group_label": ["no participó"], "group": [None], "year": [2025]})
    out = localized(frame, names("es")).frame
    assert list(out.columns) == ["Grupo GTMI", "Descripción del grupo GTMI", "Año"]
    assert out.iloc[0].tolist()[1:] == ["no participó", 2025]


def test_what_it_cannot_name_stops_the_download():
    with pytest.raises(UnknownColumn, match="'region_code'"):
        localized(pd.DataFrame({"iso3": ["JAM"], "region_code": ["x"]}), names("es"))
    with pytest.raises(UnknownColumn, match="atlantis"):
        localized(pd.DataFrame({"subregion": ["atlantis"]}), names("es"))
    with pytest.raises(UnknownColumn, match="share a heading"):
        localized(pd.DataFrame({"name": ["Jamaica"], "country": ["Jamaica"]}), names("es"))


def test_scores_come_rounded_as_shown_and_values_as_given():
    frame = pd.DataFrame(
        {
            "score": [81.04602492463357],
            "D1": [60.049],
            "rank_share": [0.31999],
            "value": [81.04602492463357],
            "egdi": [0.90123],
        }
    )
    out = localized(frame, names("es")).frame
    assert out.iloc[0].tolist() == [81.0, 60.0, 0.32, 81.04602492463357, 0.90123]
