"""Reading the UN Data Center exports: both layouts, their quirks, and clear errors."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.errors import FileProblem
from etl.un_egov import (
    MEMBERS_REFERENCE_PATH,
    Crosswalk,
    members_reference,
    published_figures,
    read_reference,
    read_survey_file,
)
from indicators.countries import load_members

OLD_HEADER = (
    "Survey Year,Country Name,E-Government Rank,E-Government Index,E-Participation Index,"
    "Online Service Index,Human Capital Index,Telecommunication Infrastructure Index"
)
NEW_HEADER = (
    "Survey Year,Country,Rank,E_Index,E_Participation,Online_Service,Human_Capital,Tele_Infra,"
    "Region"
)


def write(tmp_path, name: str, text: str, encoding: str = "utf-8", newline: str = "\n"):
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def test_old_layout_with_quotes_trailing_spaces_and_unassessed_zeros(tmp_path):
    path = write(
        tmp_path,
        "EGOV_DATA_2003.csv",
        f"""{OLD_HEADER}
2003,"Uruguay ",37,0.50704,0.25862,0.39768,0.93000,0.19454
2003,"Haiti ",174,0.00000,0.00000,0.00000,0.50000,0.01200
2003,"Grenada ",100,0.34805,0.00000,0.00436,0.85000,0.18981
2003,"Monaco ",150,0.18888,0.01720,0.12663,0.00000,0.44000
""",
    )
    frame = read_survey_file(path).set_index("iso3")
    assert frame.loc["URY", "egdi"] == pytest.approx(0.50704)
    assert frame.loc["URY", "egdi_rank"] == 37 and frame.loc["URY", "assessed"]
    assert frame.loc["URY", "source_line"] == 2
    haiti = frame.loc["HTI"]  # not assessed: EGDI 0 and the bottom rank all share
    assert not haiti["assessed"]
    assert haiti[["egdi", "osi", "epi", "egdi_rank"]].isna().all()
    # Its HCI and TII come from UNESCO and the ITU and are published all the same.
    assert (haiti["hci"], haiti["tii"]) == (pytest.approx(0.5), pytest.approx(0.012))
    assert frame.loc["GRD", "epi"] == 0 and frame.loc["GRD", "assessed"]  # no points: a true 0
    assert pd.isna(frame.loc["MCO", "hci"]) and frame.loc["MCO", "egdi_rank"] == 150


def test_published_figures_keep_zeros_but_those_that_stand_for_no_figure():
    values = {"egdi": 0.3, "osi": 0.0, "hci": 0.0, "tii": 0.0, "epi": 0.0}
    assert published_figures(values, assessed=True) == {**values, "hci": None}
    not_assessed = published_figures({**values, "egdi": 0.0, "hci": 0.5}, assessed=False)
    assert not_assessed == {"egdi": None, "osi": None, "hci": 0.5, "tii": 0.0, "epi": None}


def test_renamed_2024_layout_with_bom_crlf_and_region_column(tmp_path):
    path = write(
        tmp_path,
        "EGOV_DATA_2024.csv",
        f"""{NEW_HEADER}
2024,Uruguay ,25,0.90059,0.86301,0.88441,0.89520,0.92216,Americas
2024,Nicaragua ,132,0.53190,0.2,0.3,0.6,0.7,Europe
""",
        encoding="utf-8-sig",
        newline="\r\n",
    )
    frame = read_survey_file(path).set_index("iso3")
    assert list(frame.index) == ["URY", "NIC"]
    assert frame.loc["URY", "egdi_rank"] == 25
    assert frame.loc["URY", "epi"] == pytest.approx(0.86301)
    assert frame.loc["URY", "osi"] == pytest.approx(0.88441)
    assert "Region" not in frame.columns


def test_unknown_names_are_all_listed(tmp_path):
    path = write(
        tmp_path,
        "x.csv",
        f"""{OLD_HEADER}
2018,"Atlantis ",1,0.9,0.9,0.9,0.9,0.9
2018,"Uruguay ",34,0.78580,0.9,0.9,0.9,0.9
2018,"Lemuria",2,0.9,0.9,0.9,0.9,0.9
""",
    )
    with pytest.raises(FileProblem) as err:
        read_survey_file(path)
    assert "'Atlantis' (line 2)" in err.value.message and "'Lemuria' (line 4)" in err.value.message
    assert "un_country_names.csv" in err.value.fix


@pytest.mark.parametrize(
    "body,line,column,words",
    [
        ("2018,Uruguay,34,abc,0.9,0.9,0.9,0.9", 2, "egdi", "'abc' is not a number"),
        ("2018,Uruguay,34,0.78,0.9,0.9,0.9", 2, "(row)", "has 7 cells"),
        ("20x8,Uruguay,34,0.78,0.9,0.9,0.9,0.9", 2, "Survey Year", "is not a number"),
        ("2018,Uruguay,34.5,0.78,0.9,0.9,0.9,0.9", 2, "Rank", "not a whole number"),
        ("2018,Uruguay,34,-0.78,0.9,0.9,0.9,0.9", 2, "egdi", "outside"),
    ],
)
def test_bad_cells_name_line_and_column(tmp_path, body, line, column, words):
    path = write(
        tmp_path, "bad.csv", f"{OLD_HEADER}\n2018,Chile,42,0.735,0.9,0.9,0.9,0.9\n{body}\n"
    )
    with pytest.raises(FileProblem) as err:
        read_survey_file(path)
    assert (err.value.line, err.value.column) == (line + 1, column)
    assert words in err.value.message


def test_wrong_layout_empty_file_and_binary(tmp_path):
    with pytest.raises(FileProblem, match=r"missing .*Telecommunication"):
        read_survey_file(
            write(
                tmp_path,
                "a.csv",
                OLD_HEADER.rsplit(",", 1)[0] + "\n2018,Chile,42,0.7,0.9,0.9,0.9\n",
            )
        )
    with pytest.raises(FileProblem, match="empty"):
        read_survey_file(write(tmp_path, "b.csv", ""))
    junk = tmp_path / "c.csv"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(FileProblem, match="not UTF-8"):
        read_survey_file(junk)
    with pytest.raises(FileProblem, match="twice"):
        read_survey_file(
            write(
                tmp_path,
                "d.csv",
                f"{OLD_HEADER}\n2018,Chile,42,0.7,0.9,0.9,0.9,0.9\n"
                "2018,Chile ,42,0.7,0.9,0.9,0.9,0.9\n",
            )
        )


def test_crosswalk_maps_every_un_name_to_a_distinct_iso3():
    names = Crosswalk.read().iso3_by_name
    assert len(set(names.values())) == 193
    assert names["Türkiye"] == "TUR" and names["North Macedonia"] == "MKD"


@pytest.mark.parametrize(
    "name,iso3",
    [
        ("Bolivia (Plurinational State of)", "BOL"),
        ("Venezuela (Bolivarian Republic of)", "VEN"),
        ("St. Kitts and Nevis", "KNA"),
        ("Saint Kitts and Nevis", "KNA"),
        ("St. Lucia", "LCA"),
        ("St. Vincent and the Grenadines", "VCT"),
    ],
)
def test_crosswalk_takes_the_uns_long_and_short_forms(tmp_path, name, iso3):
    path = write(tmp_path, "x.csv", f'{OLD_HEADER}\n2022,"{name} ",90,0.6,0.5,0.5,0.7,0.6\n')
    assert read_survey_file(path)["iso3"].tolist() == [iso3]


def test_real_files_every_survey(shared_un_files):
    frames = {p.name: read_survey_file(p) for p in shared_un_files}
    assert all(len(f) == 193 for f in frames.values())
    ranks = frames["EGOV_DATA_2018.csv"].set_index("iso3")["egdi_rank"]
    assert ranks[["URY", "CHL", "ARG", "BRA", "BRB"]].tolist() == [34, 42, 43, 44, 46]
    assert frames["EGOV_DATA_2024.csv"].set_index("iso3").loc["URY", "egdi_rank"] == 25
    first = {name: f.set_index("iso3")["egdi_rank"].idxmin() for name, f in frames.items()}
    assert first["EGOV_DATA_2008.csv"] == "SWE" and first["EGOV_DATA_2024.csv"] == "DNK"
    # The 2003 export gives unassessed countries EGDI 0 and a shared bottom rank: missing here.
    y2003 = frames["EGOV_DATA_2003.csv"].set_index("iso3")
    assert not y2003.loc[["DMA", "HTI", "SUR"], "assessed"].any()
    assert y2003.loc[["DMA", "HTI", "SUR"], "egdi"].isna().all()
    assert y2003.loc[["DMA", "HTI", "SUR"], "egdi_rank"].isna().all()  # not the shared 174
    # Before 2012 an E-Participation Index of 0 is a true zero for an assessed country.
    assert frames["EGOV_DATA_2010.csv"].set_index("iso3").loc["PAN", "epi"] == 0
    assert frames["EGOV_DATA_2012.csv"].set_index("iso3").loc["JAM", "epi"] == 0
    # Published EGDI kept as published, never recomputed (2010 differs from the mean of components).
    y2010 = frames["EGOV_DATA_2010.csv"]
    assert y2010.set_index("iso3").loc["URY", "egdi"] == pytest.approx(0.58477)
    recomputed = y2010[["osi", "hci", "tii"]].astype(float).mean(axis=1)
    assert ((recomputed - y2010["egdi"].astype(float)).abs() > 0.0005).sum() > 100


def test_shipped_reference_is_what_the_loader_makes_from_the_real_files(shared_un_files):
    made = members_reference(
        pd.concat([read_survey_file(p) for p in shared_un_files]), load_members().iso3_codes
    )
    shipped = read_reference(MEMBERS_REFERENCE_PATH)
    assert len(shipped) == 33 * 12
    pd.testing.assert_frame_equal(made.reset_index(drop=True), shipped, check_dtype=False)
