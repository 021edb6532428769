"""Generated malformed files thrown at `validate` and `load`: never an uncaught exception, a
receipt in every language, and a rejected file never changes a stored value — on both backends."""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from etl.build import build
from etl.load import load_file, validate_file
from etl.submission.receipt import as_dict, render_text
from indicators.catalogue import load_catalogue
from indicators.countries import load_members
from indicators.texts import LANGUAGES
from tests.helpers import query
from warehouse.db import connect
from warehouse.schema import is_built

CAT, MEMBERS = load_catalogue(), load_members()
HEADINGS = [
    "country",
    "year",
    "indicator",
    "value",
    "numerator",
    "denominator",
    "source",
    "note",
    "País",
    "AÑO ",
    "Indicateur",
    "valor (%)",
    "extra",
    "",
    "value",
]
CELLS = st.one_of(
    st.sampled_from(
        [
            "URY",
            "ury",
            "URU",
            "BRA",
            "HTI",
            "XXX",
            "",
            " ",
            "2024",
            "1999",
            "2024.5",
            "20x4",
            "SD1",
            "SD2",
            "FD1",
            "SP1",
            "sd-1",
            "ZZ9",
            "50",
            "12,5",
            "1.234,5",
            "-3",
            "100,0001",
            "1e309",
            "-0",
            "nan",
            "inf",
            "9" * 400,
            "0",
            "0,0",
            "%",
            "=1+1",
            "'=SUM(A1)",
            "+cmd",
            "@x",
            '"',
            "a;b",
            "a,b",
            "\t",
            "é",
            "\u00a0",
            "\ufeff",
        ]
    ),
    st.text(max_size=20),
)
NUMBERS = st.one_of(
    st.sampled_from(["", "", "50", "12,5", "0", "-1", "101", "1e309", "x", "3.000,5"]),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(-(10**6), 10**20).map(str),
)
NEAR_VALID = st.tuples(
    st.sampled_from(["URY", "BRA", "hti", "XXX"]),
    st.sampled_from(["2024", "2023", "2025", "20x4"]),
    st.sampled_from([*CAT.indicator_ids, "ZZ9"]),
    NUMBERS,
    NUMBERS,
    NUMBERS,
    CELLS,
    CELLS,
).map(list)
ROWS = st.lists(
    st.one_of(NEAR_VALID, st.lists(CELLS, min_size=0, max_size=10)), min_size=0, max_size=12
)


@st.composite
def files(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, bytes): CSV in many encodings and separators, XLSX, or plain junk."""
    kind = draw(st.sampled_from(["csv", "csv", "csv", "xlsx", "junk"]))
    if kind == "junk":
        return draw(st.sampled_from(["x.csv", "x.xlsx", "x.pdf", "x"])), draw(
            st.binary(max_size=300)
        )
    header = draw(st.lists(st.sampled_from(HEADINGS), min_size=0, max_size=10))
    if draw(st.booleans()):
        header = HEADINGS[:8]
    rows = [header, *draw(ROWS)]
    if kind == "xlsx":
        return "x.xlsx", draw(workbooks(rows))
    sep = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = newline.join(sep.join(row) for row in rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]))
    return "x.csv", text.encode(encoding, errors="replace")


NUMBER_FORMATS = [
    "General",
    "0%",
    "0.0%",
    '"$"#,##0.00',
    "[$€-2] #,##0",
    "yyyy-mm-dd",
    "@",
    "#,##0.00",
]


@st.composite
def workbooks(draw: st.DrawFn, rows: list[list[str]]) -> bytes:
    """The rows as Excel would save them: numbers as numbers in any number format, formulas (saved
    without their values, as a program writes them), hidden sheets and extra sheets."""
    book = Workbook()
    sheet = book.active
    for row in rows:
        cells = []
        for cell in row:
            cell = ILLEGAL_CHARACTERS_RE.sub("", cell)
            kind = draw(st.sampled_from(["text", "number", "number", "formula"]))
            try:
                number = float(cell.replace(",", "."))
            except ValueError:
                number = None
            if kind == "number" and number is not None and abs(number) < 1e300:
                cells.append(number)
            elif kind == "formula" and number is not None:
                cells.append(f"={cell.replace(',', '.')}+0")
            else:
                cells.append(cell)
        sheet.append(cells)
        for target in sheet[sheet.max_row]:
            target.number_format = draw(st.sampled_from(NUMBER_FORMATS))
    sheet.sheet_state = draw(st.sampled_from(["visible", "visible", "visible", "hidden"]))
    for extra in range(draw(st.integers(0, 2))):
        other = book.create_sheet(f"Hoja{extra + 2}")
        if draw(st.booleans()):
            other.append(HEADINGS[:8])
            other.append(["URY", "2024", "SD1", 50])
    if sheet.sheet_state == "hidden" and len(book.worksheets) == 1:
        book.create_sheet("Notas")  # a workbook keeps one visible sheet at least
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(file=files())
def test_validate_always_gives_a_receipt_in_every_language(tmp_path, file):
    receipt = validate_file(_write(tmp_path, *file), CAT, MEMBERS)
    event(receipt.status)
    assert receipt.status in ("valid", "rejected")
    assert (receipt.status == "rejected") == (receipt.errors > 0)
    for lang in LANGUAGES:
        assert render_text(receipt, lang)
        json.dumps(as_dict(receipt, lang), default=str)


def _stored(url: str) -> list[list]:
    return [
        sorted(map(repr, query(url, f"SELECT * FROM {view}")))
        for view in ("observation", "observations_current", "observations_history")
    ]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(file=files())
def test_load_never_raises_and_rejected_files_change_no_value(warehouse_url, tmp_path, file):
    engine = connect(warehouse_url)
    with engine.connect() as conn:
        fresh = not is_built(conn)
    if fresh:  # the first example builds the warehouse and gives it values to protect
        build(engine)
        seed = _write(
            tmp_path,
            "seed.csv",
            b"country,year,indicator,value\nURY,2023,SD1,50\nURY,2024,SD2,40\n",
        )
        with engine.connect() as conn:
            assert load_file(conn, seed, CAT, MEMBERS, "test").status == "accepted"
    before = _stored(warehouse_url)
    with engine.connect() as conn:
        receipt = load_file(conn, _write(tmp_path, *file), CAT, MEMBERS, "property test")
    engine.dispose()
    if receipt.status == "rejected":
        assert _stored(warehouse_url) == before
        assert query(
            warehouse_url,
            f"SELECT status FROM submission WHERE submission_id = {receipt.submission_id}",
        ) == [("rejected",)]
    else:
        assert receipt.status in ("accepted", "unchanged")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    share=st.decimals(min_value=0, max_value=1, places=4),
    number_format=st.sampled_from(["0%", "0.0%", "0.00%", "#,##0.0%"]),
)
def test_a_percentage_cell_is_read_as_the_percentage_it_shows(tmp_path, share, number_format):
    book = Workbook()
    book.active.append(HEADINGS[:4])
    book.active.append(["URY", 2024, "SD1", float(share)])
    book.active["D2"].number_format = number_format
    out = io.BytesIO()
    book.save(out)
    receipt = validate_file(_write(tmp_path, "pct.xlsx", out.getvalue()), CAT, MEMBERS)
    assert receipt.status == "valid", receipt.findings
    from etl.submission.read import read_submission

    table = read_submission(tmp_path / "pct.xlsx")
    assert table.records[0][4] == f"{format(share * 100, 'f').rstrip('0').rstrip('.') or '0'}%"
