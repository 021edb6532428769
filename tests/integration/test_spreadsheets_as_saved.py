"""Files as people really save them, loaded on DuckDB and PostgreSQL: what a sheet shows is what
is read (a percentage-formatted cell, a date, a currency), hidden sheets are never read, a workbook
with two data sheets or formulas without values is refused, an unbalanced quote in a CSV never
swallows rows, and odd characters, overflowing ratios and ambiguous numbers are named — never a
wrong value that looks right, never a value lost."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from etl.build import build
from etl.load import load_file
from etl.submission.receipt import render_text
from indicators.catalogue import load_catalogue
from indicators.countries import load_members
from tests.conftest import empty_warehouse
from tests.helpers import query
from warehouse.db import connect

CAT, MEMBERS = load_catalogue(), load_members()
HEADINGS = ["País", "Año", "Indicador", "Valor", "Numerador", "Denominador", "Fuente", "Nota"]
SEEDED = {"SD1": 50.0, "SD2": 40.0}  # URY 2024, there before every file below


@pytest.fixture(scope="module", params=["duckdb", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = empty_warehouse(request, tmp_path_factory.mktemp("saved"))
    engine = connect(url)
    build(engine)
    seed = tmp_path_factory.mktemp("seed") / "seed.csv"
    seed.write_text("country,year,indicator,value\nURY,2024,SD1,50\nURY,2024,SD2,40\n")
    with engine.connect() as conn:
        assert load_file(conn, seed, CAT, MEMBERS, "tests").status == "accepted"
    engine.dispose()
    return url


def workbook(fill: Callable[[Workbook], None]) -> bytes:
    book = Workbook()
    book.active.title = "Datos"
    book.active.append(HEADINGS)
    fill(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def load(url: str, folder: Path, name: str, data: bytes):
    path = folder / name
    path.write_bytes(data)
    engine = connect(url)
    with engine.connect() as conn:
        receipt = load_file(conn, path, CAT, MEMBERS, "tests")
    engine.dispose()
    return receipt


def current(url: str, iso3: str = "URY", year: int = 2024) -> dict[str, float]:
    rows = query(
        url,
        f"SELECT indicator_id, value FROM observations_current WHERE iso3 = '{iso3}' "
        f"AND year = {year}",
    )
    return dict(rows)


def errors(receipt) -> set[tuple[str, int | None, str | None]]:
    return {(f.code, f.row, f.column) for f in receipt.findings if f.blocking}


def rejected_and_nothing_changed(url: str, receipt, before: dict) -> None:
    assert receipt.status == "rejected"
    assert current(url) == before
    for lang in ("es", "en", "pt", "fr"):
        assert render_text(receipt, lang)


# --- XLSX: number formats ------------------------------------------------------------------


def test_a_percentage_formatted_cell_is_read_as_the_sheet_shows_it(url, tmp_path):
    def fill(book: Workbook) -> None:
        sheet = book.active
        sheet.append(["CHL", 2024, "SD1", 0.725])
        sheet["D2"].number_format = "0.0%"
        sheet.append(["CHL", 2024, "SD2", 0.5])
        sheet["D3"].number_format = "0%"

    receipt = load(url, tmp_path, "chl.xlsx", workbook(fill))
    assert receipt.status == "accepted", receipt.findings
    assert current(url, "CHL") == {"SD1": 72.5, "SD2": 50.0}


def test_a_percentage_where_no_percentage_goes_is_an_error(url, tmp_path):
    def fill(book: Workbook) -> None:
        book.active.append(["URY", 2024, "FD1", 0.5])  # certificates per 1,000 inhabitants
        book.active["D2"].number_format = "0%"

    before = current(url)
    receipt = load(url, tmp_path, "fd1.xlsx", workbook(fill))
    rejected_and_nothing_changed(url, receipt, before)
    assert ("percent_sign", 2, "value") in errors(receipt)


def test_dates_and_currencies_are_errors_that_say_so(url, tmp_path):
    def fill(book: Workbook) -> None:
        sheet = book.active
        sheet.append(["URY", datetime.date(2024, 1, 1), "SD1", 60])
        sheet.append(["URY", 2024, "FD1", 1234.5])
        sheet["D3"].number_format = '"$"#,##0.00'
        sheet.append(["URY", 2024, "FD3", 10])
        sheet["D4"].number_format = "[$€-2] #,##0.00"

    before = current(url)
    receipt = load(url, tmp_path, "formats.xlsx", workbook(fill))
    rejected_and_nothing_changed(url, receipt, before)
    found = errors(receipt)
    assert {("date_cell", 2, "year"), ("currency_cell", 3, "value")} <= found
    assert ("currency_cell", 4, "value") in found
    assert "2024-01-01" in render_text(receipt, "es")


# --- XLSX: sheets and formulas ---------------------------------------------------------------


def test_a_hidden_sheet_is_never_read(url, tmp_path):
    def fill(book: Workbook) -> None:
        book.active.append(["URY", 2024, "SD1", 99])
        book.active.sheet_state = "hidden"
        shown = book.create_sheet("Visible")
        shown.append(HEADINGS)
        shown.append(["URY", 2024, "SD1", 61])

    receipt = load(url, tmp_path, "hidden.xlsx", workbook(fill))
    assert receipt.status == "accepted" and current(url)["SD1"] == 61.0

    def only_hidden(book: Workbook) -> None:
        book.active.append(["URY", 2024, "SD1", 99])
        book.active.sheet_state = "hidden"
        book.create_sheet("Notas").append(["nada"])

    before = current(url)
    receipt = load(url, tmp_path, "only-hidden.xlsx", workbook(only_hidden))
    rejected_and_nothing_changed(url, receipt, before)
    assert [f.code for f in receipt.findings] == ["hidden_data_sheet"]
    assert "«Datos»" in render_text(receipt, "es")


def test_two_data_sheets_are_refused_naming_them(url, tmp_path):
    def fill(book: Workbook) -> None:
        book.active.append(["URY", 2024, "SD1", 70])
        other = book.create_sheet("2023")
        other.append(HEADINGS)
        other.append(["URY", 2023, "SD1", 65])

    before = current(url)
    receipt = load(url, tmp_path, "two.xlsx", workbook(fill))
    rejected_and_nothing_changed(url, receipt, before)
    assert [f.code for f in receipt.findings] == ["several_data_sheets"]
    assert "«Datos», «2023»" in render_text(receipt, "en")


def test_formulas_saved_without_values_are_refused_naming_the_cells(url, tmp_path):
    def fill(book: Workbook) -> None:
        book.active.append(["URY", 2024, "SD1", "=40+30"])
        book.active.append(["URY", 2024, "SD2", 20])

    before = current(url)
    receipt = load(url, tmp_path, "formula.xlsx", workbook(fill))
    rejected_and_nothing_changed(url, receipt, before)
    assert [f.code for f in receipt.findings] == ["formula_without_value"]
    assert "D2" in render_text(receipt, "es") and "Excel" in render_text(receipt, "es")


# --- CSV as bytes ----------------------------------------------------------------------------

CSV_HEADER = b"country,year,indicator,value,numerator,denominator,source,note\n"


def test_an_unbalanced_quote_never_swallows_the_rows_after_it(url, tmp_path):
    body = b'URY,2024,SD1,55,,,Agencia,"nota sin cerrar\n' + b"".join(
        b"URY,2024,%s,30,,,Agencia,\n" % i.id.encode() for i in CAT.indicators[1:]
    )
    before = current(url)
    receipt = load(url, tmp_path, "quote.csv", CSV_HEADER + body)
    rejected_and_nothing_changed(url, receipt, before)
    assert [(f.code, f.row) for f in receipt.findings] == [("quote_swallows_rows", 2)]
    assert "H2" in render_text(receipt, "en")


def test_a_note_with_a_line_break_is_still_read(url, tmp_path):
    body = b'CHL,2023,SD1,50,,,Agencia,"primera linea\nsegunda linea"\n'
    receipt = load(url, tmp_path, "linebreak.csv", CSV_HEADER + body)
    assert receipt.status == "accepted", receipt.findings
    assert query(url, "SELECT note FROM observations_current WHERE iso3 = 'CHL' AND year = 2023")[
        0
    ] == ("primera linea\nsegunda linea",)


@pytest.mark.parametrize(
    ("row", "code", "column"),
    [
        (b"URY,2024,SD1,50\x00,,,Agencia,", "odd_characters", "value"),
        (b"URY,2024,SD1,50,,,Agencia,nota\x00oculta", "odd_characters", "note"),
        ("\u0423RY,2024,SD1,50,,,Agencia,".encode(), "odd_characters", "country"),
        ("URY,2024,SD1,5\u200b0,,,Agencia,".encode(), "odd_characters", "value"),
        (b"URY,2023%,SD1,50,,,Agencia,", "bad_year", "year"),
        (b'URY,2024,FD1,"0,500",,,Agencia,\nURY,2024,SD2,12.5', "ambiguous_number", "value"),
        (b"URY,2024,FD1,,1e306,1e-3,Agencia,", "not_finite", "numerator"),
        (b"URY,2024,FD1,12%,,,Agencia,", "percent_sign", "value"),
        (b",2024,SD1,50,,,Agencia,", "empty_cell", "country"),
    ],
)
def test_what_looks_right_but_is_not_is_an_error_with_row_and_column(
    url, tmp_path, row, code, column
):
    before = current(url)
    receipt = load(url, tmp_path, "odd.csv", CSV_HEADER + row + b"\n")
    rejected_and_nothing_changed(url, receipt, before)
    assert (code, 2, column) in errors(receipt)
    assert "«»" not in render_text(receipt, "es")


def test_a_nul_byte_far_into_the_file_is_an_error_and_the_batch_goes_on(url, tmp_path):
    rows = b"".join(b"URY,2024,SD1,50,,,Agencia,%s\n" % (b"x" * 80) for _ in range(60))
    bad = CSV_HEADER + rows[:5000] + b"\x00" + rows[5000:]
    before = current(url)
    receipt = load(url, tmp_path, "nul.csv", bad)
    rejected_and_nothing_changed(url, receipt, before)
    assert "odd_characters" in {f.code for f in receipt.findings if f.blocking}
    following = load(url, tmp_path, "next.csv", CSV_HEADER + b"PER,2024,SD1,33,,,Agencia,\n")
    assert following.status == "accepted" and current(url, "PER") == {"SD1": 33.0}


def test_a_comma_grouped_number_says_how_it_was_read(url, tmp_path):
    body = b'COL,2024,FD3,"1,500",,,Agencia,\nCOL,2024,SD1,12.5,,,Agencia,\n'
    receipt = load(url, tmp_path, "grouped.csv", CSV_HEADER + body)
    assert receipt.status == "accepted" and current(url, "COL") == {"FD3": 1500.0, "SD1": 12.5}
    assert [f.code for f in receipt.findings if f.code == "read_as_thousands"] == [
        "read_as_thousands"
    ]
    assert "se leyó como 1.500 (la coma" in render_text(receipt, "es")


def test_an_excel_unicode_text_file_is_read(url, tmp_path):
    text = "País\tAño\tIndicador\tValor\nARG\t2024\tSD1\t44,5\n"
    receipt = load(url, tmp_path, "unicode.txt", text.encode("utf-16"))
    assert receipt.status == "accepted", receipt.findings
    assert current(url, "ARG") == {"SD1": 44.5}


def test_missing_columns_are_named_in_the_readers_language(url, tmp_path):
    receipt = load(url, tmp_path, "cols.csv", b"country,year,value\nURY,2024,50\n")
    assert receipt.status == "rejected"
    assert "Indicador" in render_text(receipt, "es") and "indicator" not in render_text(
        receipt, "es"
    )


def test_a_row_with_more_cells_than_headings_is_refused_naming_the_cell(url, tmp_path):
    """`72,5` unquoted in a comma-separated file is two cells: 72 and 5 would land in Value and
    Numerator and 72 would pass for the value."""
    before = current(url)
    receipt = load(url, tmp_path, "shifted.csv", CSV_HEADER + b"URY,2024,SD1,72,5,,,Agencia,\n")
    rejected_and_nothing_changed(url, receipt, before)
    assert [(f.code, f.row) for f in receipt.findings] == [("extra_cells", 2)]
    assert "I2" in render_text(receipt, "es")


def test_damaged_text_and_a_quote_open_to_the_end_are_receipts_not_tracebacks(url, tmp_path):
    before = current(url)
    odd_utf16 = load(url, tmp_path, "odd.txt", b"\xff\xfeP\x00a\x00\xeds\x00,\x00B")
    rejected_and_nothing_changed(url, odd_utf16, before)
    huge = CSV_HEADER + b'URY,2024,SD1,50,,,Agencia,"sin cerrar ' + b"x" * 200_000 + b"\n"
    receipt = load(url, tmp_path, "huge.csv", huge)
    rejected_and_nothing_changed(url, receipt, before)
    assert [(f.code, f.row) for f in receipt.findings] == [("unclosed_quote", 2)]


def test_a_note_with_line_breaks_and_commas_is_still_read(url, tmp_path):
    note = b'"Estimate.\nCovers central, regional, and local agencies"'
    receipt = load(
        url, tmp_path, "note.csv", CSV_HEADER + b"ECU,2023,SD1,50,,,Agencia," + note + b"\n"
    )
    assert receipt.status == "accepted", receipt.findings


def test_an_excel_formula_whose_value_is_empty_text_is_read(url, tmp_path):
    import zipfile

    def fill(book: Workbook) -> None:
        book.active.append(["BOL", 2023, "SD1", "=E2/F2*100", 1, 4])

    data = workbook(fill)
    archive, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as rewritten:  # as Excel saves =IF(…,"",…): t="str", <v></v>
        for name in archive.namelist():
            part = archive.read(name)
            if name == "xl/worksheets/sheet1.xml":
                part = part.replace(b'<c r="D2"><f>', b'<c r="D2" t="str"><f>')
                part = part.replace(b"</f><v /></c>", b"</f><v></v></c>")
            rewritten.writestr(name, part)
    receipt = load(url, tmp_path, "empty-text.xlsx", out.getvalue())
    assert receipt.status == "accepted", receipt.findings
    assert current(url, "BOL", 2023) == {"SD1": 25.0}


def test_a_locale_tagged_number_format_is_a_number(url, tmp_path):
    def fill(book: Workbook) -> None:
        book.active.append(["PRY", 2023, "FD1", 12.5])
        book.active["D2"].number_format = "[$-409]#,##0.00"

    receipt = load(url, tmp_path, "locale.xlsx", workbook(fill))
    assert receipt.status == "accepted", receipt.findings
    assert current(url, "PRY", 2023) == {"FD1": 12.5}
