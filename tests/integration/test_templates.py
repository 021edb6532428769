"""Templates as a country uses them: written by `gealc template`, filled in by hand (openpyxl
for Excel, Spanish-locale CSV for the rest), loaded without edits on both backends."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook

from etl.submission.columns import help_headings
from tests.helpers import gealc, ok, query


def template(tmp_path, fmt: str, lang: str, country: str = "URY", year: int = 2024):
    path = tmp_path / f"plantilla_{country}_{year}_{lang}.{fmt}"
    ok(
        gealc(
            "template",
            "--country",
            country,
            "--year",
            str(year),
            "--format",
            fmt,
            "--lang",
            lang,
            "-o",
            str(path),
        )
    )
    return path


@pytest.mark.parametrize(
    "lang,sheet,heading,instructions",
    [
        ("es", "Datos", "Valor", "Instrucciones"),
        ("pt", "Dados", "Valor", "Instruções"),
        ("fr", "Données", "Valeur", "Instructions"),
        ("en", "Data", "Value", "Instructions"),
    ],
)
def test_xlsx_template_has_instructions_lists_checks_and_definitions(
    tmp_path, lang, sheet, heading, instructions
):
    book = load_workbook(template(tmp_path, "xlsx", lang))
    assert book.sheetnames == [instructions, sheet]
    data = book[sheet]
    header = [c.value for c in data[1]]
    assert header[3] == heading and data.freeze_panes == "D2"
    assert [data.cell(row=r, column=3).value for r in range(2, 17)][:3] == ["SD1", "SD2", "SD3"]
    assert data.max_row == 16 and {data.cell(row=r, column=1).value for r in range(2, 17)} == {
        "URY"
    }
    assert header[11] == help_headings(lang)["definition"]
    assert len(data.cell(row=2, column=12).value) > 60  # SD1's definition, beside its row
    rules = {
        (v.type, v.formula1, v.formula2, str(v.sqref)) for v in data.data_validations.dataValidation
    }
    assert (
        "list",
        '"SD1,SD2,SD3,FD1,FD2,FD3,IO1,IO2,SP1,SP2,US1,US2,US3,SA1,SA2"',
        None,
        "C2:C16",
    ) in rules
    assert ("decimal", "0", "100", "D2") in rules  # SD1 is a percentage
    assert any(
        t == "decimal" and f1 == "0" and f2 not in (None, "100") for t, f1, f2, _ in rules
    )  # a count's range
    text = " ".join(str(c.value) for c in book[instructions]["A"] if c.value)
    assert "Urugua" in text and "2024" in text and sheet in text  # Uruguay, Uruguai


def test_filled_xlsx_template_loads_without_edits(built, tmp_path):
    path = template(tmp_path, "xlsx", "es")
    book = load_workbook(path)
    data = book["Datos"]
    for r in range(2, 17):
        indicator = data.cell(row=r, column=3).value
        if indicator == "SD1":
            data.cell(row=r, column=5, value=300)
            data.cell(row=r, column=6, value=400)
        elif indicator != "SA2":  # one indicator left empty: not reported
            data.cell(row=r, column=4, value=12.5)
        data.cell(row=r, column=7, value="Agesic, registro de trámites")
    data.cell(row=2, column=8, value="-dato provisional")
    book.save(path)
    result = gealc("load", str(path), "--json", db=built)
    ok(result)
    receipt = json.loads(result.stdout)["files"][0]
    assert receipt["status"] == "accepted" and receipt["rows"] == 14
    assert [f["code"] for f in receipt["findings"]] == ["missing_indicators"]
    assert query(
        built, "SELECT value, note FROM observations_current WHERE indicator_id = 'SD1'"
    ) == [(75.0, "-dato provisional")]


@pytest.mark.parametrize("lang", ["es", "pt", "fr", "en"])
def test_filled_csv_template_saved_by_excel_loads_without_edits(built, tmp_path, lang):
    path = template(tmp_path, "csv", lang, country="BRA")
    with path.open(encoding="utf-8-sig", newline="") as f:
        delimiter = "," if lang == "en" else ";"
        rows = list(csv.reader(f, delimiter=delimiter))
    for row in rows[1:]:
        row[3] = "12.5" if lang == "en" else "12,5"
        row[7] = "Ministério da Gestão — revisão"
    # Excel in a Spanish/Portuguese/French Windows locale saves CSV as Windows-1252 with `;`.
    encoding = "utf-8" if lang == "en" else "cp1252"
    with path.open("w", encoding=encoding, errors="replace", newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    result = gealc("load", str(path), "--json", "--lang", lang, db=built)
    ok(result)
    assert json.loads(result.stdout)["files"][0]["rows"] == 15
    assert query(built, "SELECT DISTINCT value, note FROM observations_current") == [
        (12.5, "Ministério da Gestão — revisão")
    ]


def test_template_refuses_a_non_member(tmp_path):
    result = gealc("template", "--country", "ESP", "--year", "2024", "-o", str(tmp_path / "t.xlsx"))
    assert result.returncode == 2 and "ESP is not a member country" in result.stderr
