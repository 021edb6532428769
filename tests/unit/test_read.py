"""Reading submissions as Excel writes them in every locale of the network."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from etl.submission import read as read_module
from etl.submission.findings import Unreadable
from etl.submission.numbers import parse_number
from etl.submission.read import read_submission

CANONICAL = "country,year,indicator,value,numerator,denominator,source,note\n"


def read(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_submission(path)


def test_canonical_utf8_comma(tmp_path):
    t = read(tmp_path, "a.csv", (CANONICAL + "URY,2024,SD1,12.5,,,Agesic,\n").encode())
    assert t.delimiter == "," and not t.decimal_comma and t.encoding == "utf-8"
    assert t.rows.iloc[0].to_dict() == {
        "row_number": 2,
        "country": "URY",
        "year": "2024",
        "indicator": "SD1",
        "value": "12.5",
        "numerator": "",
        "denominator": "",
        "source": "Agesic",
        "note": "",
    }


def test_spanish_excel_semicolon_decimal_comma_cp1252_crlf_bom_blank_lines(tmp_path):
    text = (
        "País;Año;Indicador;Valor;Numerador;Denominador;Fuente;Nota\r\n\r\n"
        "  PRY ; 2023 ;SD1; 45,5 ;;;Ministerio de Tecnologías;Revisión según catálogo\r\n"
    )
    t = read(tmp_path, "py.csv", text.encode("cp1252"))
    assert (t.delimiter, t.decimal_comma, t.encoding) == (";", True, "windows-1252")
    row = t.rows.iloc[0]
    assert row["row_number"] == 3  # header row 1, blank row 2
    assert (row["country"], row["value"], row["source"]) == (
        "PRY",
        "45,5",
        "Ministerio de Tecnologías",
    )
    assert read(tmp_path, "bom.csv", b"\xef\xbb\xbf" + text.encode("utf-8")).encoding == "utf-8"


@pytest.mark.parametrize(
    "header",
    [
        "PAÍS (ISO3);ANO;INDICADOR;VALOR;NUMERADOR;DENOMINADOR;FONTE;NOTA",
        "Pays;Année;Indicateur;Valeur;Numérateur;Dénominateur;Source;Note",
        " Country ; Year ; Indicator ; Value ",
    ],
)
def test_header_words_in_every_language(tmp_path, header):
    t = read(tmp_path, "h.csv", f"{header}\nBRA;2022;US1;70\n".encode())
    assert t.rows.iloc[0][["country", "year", "indicator", "value"]].tolist() == [
        "BRA",
        "2022",
        "US1",
        "70",
    ]
    assert t.rows.iloc[0]["note"] == ""


def test_xlsx_with_title_rows_and_typed_cells(tmp_path):
    book = Workbook()
    book.active.title = "Instrucciones"
    sheet = book.create_sheet("Datos")
    sheet.append(["Plantilla GEALC"])
    sheet.append(
        ["País", "Año", "Indicador", "Valor", "Numerador", "Denominador", "Fuente", "Nota"]
    )
    sheet.append(["CHL", 2024, "SD1", 71.25, None, None, "@SUM(1+1)*cmd", None])
    buffer = io.BytesIO()
    book.save(buffer)
    t = read(tmp_path, "cl.xlsx", buffer.getvalue())
    row = t.rows.iloc[0]
    assert t.format == "xlsx" and row["row_number"] == 3
    assert (row["year"], row["value"]) == ("2024", "71.25")
    assert row["source"] == "@SUM(1+1)*cmd"  # kept as text, never evaluated


@pytest.mark.parametrize(
    "data,code",
    [
        (b"", "file_empty"),
        (b"   \n\n", "file_empty"),
        (b"%PDF-1.7 ...", "file_format"),
        (b"PK\x03\x04garbage", "file_format"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "file_format"),
        (b"\x00\x01\x02\x03binary", "file_binary"),
        (b"\xff\xfe", "file_empty"),  # a UTF-16 byte-order mark and nothing else
        (b"\xef\xbb\xbf \r\n", "file_empty"),
        (b"pais;anio\nURY;2024\n", "missing_columns"),
    ],
)
def test_what_cannot_be_read_says_why(tmp_path, data, code):
    with pytest.raises(Unreadable) as err:
        read(tmp_path, "x.csv", data)
    assert err.value.finding.code == code and err.value.finding.blocking


@pytest.mark.parametrize(
    "text,comma,expected",
    [
        ("12,5", True, 12.5),
        ("1.234,5", True, 1234.5),
        ("1.234", True, 1234.0),
        ("12.5", True, 12.5),
        ("12.5", False, 12.5),
        ("1,234.5", False, 1234.5),
        ("12,5", False, 12.5),
        ("1,234", False, 1234.0),
        (" 45 % ", False, 45.0),
        ("", False, None),
        ("1\u00a0234,5", True, 1234.5),
        ("-3", False, -3.0),
    ],
)
def test_numbers_in_every_locale(text, comma, expected):
    assert parse_number(text, comma) == expected


@pytest.mark.parametrize("text", ["abc", "1,2,3.4.5", "nan", "inf", "12..5", "=1+1"])
def test_not_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text, False)


def test_portuguese_latin1_tab_separated_and_plain_sheet(tmp_path):
    text = (
        "país\tano\tindicador\tvalor\tfonte\n"
        "BRA\t2023\tSD1\t61,5\tSecretaria de Governo Digital — gestão\n"
    )
    t = read(tmp_path, "br.txt", text.encode("latin-1", errors="replace"))
    assert (t.delimiter, t.decimal_comma, t.encoding) == ("\t", True, "windows-1252")
    assert t.rows.iloc[0]["source"].startswith("Secretaria de Governo Digital")
    book = Workbook()
    book.active.append(["country", "year", "indicator", "value"])
    book.active.append(["BRA", 2023, "SD1", 61.5])
    buffer = io.BytesIO()
    book.save(buffer)
    assert read(tmp_path, "plain.xlsx", buffer.getvalue()).rows.iloc[0]["value"] == "61.5"


def test_open_document_spreadsheet_is_named(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(Unreadable) as err:
        read(tmp_path, "x.ods", buffer.getvalue())
    assert (err.value.finding.code, err.value.finding.params["kind"]) == ("file_format", "ODS")


def test_size_row_and_unpacked_size_limits(tmp_path, monkeypatch):
    with pytest.raises(Unreadable) as err:
        read(
            tmp_path,
            "big.csv",
            CANONICAL.encode() + b"URY,2024,SD1,1\n" * (read_module.MAX_FILE_BYTES // 14 + 1),
        )
    assert err.value.finding.code == "file_too_large"
    monkeypatch.setattr(read_module, "MAX_ROWS", 3)
    with pytest.raises(Unreadable) as err:
        read(tmp_path, "rows.csv", (CANONICAL + "URY,2024,SD1,1\n" * 4).encode())
    assert (err.value.finding.code, err.value.finding.row) == ("too_many_rows", 5)
    # A workbook that unpacks to far more than it weighs (a "zip bomb") is refused before parsing.
    monkeypatch.setattr(read_module, "MAX_XLSX_UNPACKED_BYTES", 1_000_000)
    book = Workbook()
    book.active.append(["country", "year", "indicator", "value", "note"])
    book.active.append(["URY", 2024, "SD1", 1, "x" * 32_000])
    for _ in range(40):
        book.active.append(["URY", 2024, "SD1", 1, "x" * 32_000])
    buffer = io.BytesIO()
    book.save(buffer)
    assert len(buffer.getvalue()) < 200_000
    with pytest.raises(Unreadable) as err:
        read(tmp_path, "bomb.xlsx", buffer.getvalue())
    assert err.value.finding.code == "file_too_large"
