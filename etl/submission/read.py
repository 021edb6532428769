"""Reading a country submission — CSV or XLSX as Excel writes them in any of the network's
locales — into rows of text, each with its row number as the person sees it (header = row 1).

What is sniffed: the encoding (UTF-8 with or without BOM, UTF-16 as Excel's "Unicode text", else
Windows-1252), the separator (`;`, `,` or a tab), whether numbers use a decimal comma, and header
words in es/en/pt/fr. An XLSX cell is read as the sheet shows it: a percentage-formatted 0.725 is
`72.5%`, a date is a date (never its serial number); hidden sheets are never read, and a workbook
with more than one data sheet, or with formulas saved without their values, is refused. A quote
that opens and swallows the rows after it is refused, naming the row where it opens.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd

from etl.submission.columns import (
    REQUIRED_COLUMNS,
    SUBMISSION_COLUMNS,
    VARIANTS,
    headings,
    help_headings,
)
from etl.submission.findings import Finding, Unreadable, error
from indicators.cells import unescape_cell
from locales import LANGUAGES

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024


ROW_COLUMNS = ("row_number", *SUBMISSION_COLUMNS)


@dataclass(frozen=True)
class SubmissionTable:
    """A submission's rows as text (`records`: row number, then SUBMISSION_COLUMNS) and how it
    was read."""

    file: str
    records: list[tuple]
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    decimal_comma: bool = False
    ignored_columns: tuple[str, ...] = ()
    letters: dict[str, str] = field(default_factory=dict)  # column (or ignored heading) → A, B, …

    @property
    def rows(self) -> pd.DataFrame:
        """The records as a table with ROW_COLUMNS."""
        return pd.DataFrame(self.records, columns=list(ROW_COLUMNS))


def column_letter(position: int) -> str:
    """0 → A, 25 → Z, 26 → AA: how spreadsheets name columns."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def with_letters(table: SubmissionTable, findings: list[Finding]) -> list[Finding]:
    """Findings with the spreadsheet letter of their column added."""
    return [replace(f, letter=table.letters.get(f.column or "")) for f in findings]


def header_key(text: object) -> str:
    """`' País (ISO3) '` → `pais`: lower case, no accents, no bracketed hint, single spaces."""
    plain = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    plain = re.sub(r"\(.*?\)|\[.*?\]", " ", plain.lower())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


@cache
def _aliases() -> dict[str, str]:
    """Every word a heading may be, in any language, → its column."""
    words = {header_key(w): c for lang in LANGUAGES for c, w in headings(lang).items()}
    words.update({header_key(c): c for c in SUBMISSION_COLUMNS})
    words.update({header_key(v): c for c, variants in VARIANTS.items() for v in variants})
    return words


@cache
def _help_keys() -> frozenset[str]:
    return frozenset(header_key(w) for lang in LANGUAGES for w in help_headings(lang).values())


def _alias(cell: object) -> str | None:
    return _aliases().get(header_key(cell))


def read_submission(path: Path, data: bytes | None = None) -> SubmissionTable:
    """Read `path` (or its bytes); raises Unreadable with the finding that says what to do."""
    name = path.name
    data = path.read_bytes() if data is None else data
    if not data.strip():
        raise Unreadable(error("file_empty", name))
    if len(data) > MAX_FILE_BYTES:
        raise Unreadable(
            error(
                "file_too_large",
                name,
                size_mb=round(len(data) / 2**20, 1),
                limit_mb=MAX_FILE_BYTES // 2**20,
            )
        )
    kind = _sniff_kind(data)
    if kind == "xlsx":
        return _read_xlsx(name, data)
    if kind == "binary":
        raise Unreadable(error("file_binary", name))
    if kind != "text":
        raise Unreadable(error("file_format", name, kind=kind))
    return _read_csv(name, data)


def _sniff_kind(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
                    return "ODS"
        except zipfile.BadZipFile:
            return "ZIP"
        return "ZIP"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with its byte-order mark: Excel's "Unicode text"
    if data.startswith(b"%PDF"):
        return "PDF"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "XLS"
    head = data[:4096]
    controls = sum(byte < 32 and byte not in b"\t\n\r\x0c" for byte in head)
    if controls > len(head) // 20:  # a stray NUL in a text file is named in its cell instead
        return "binary"
    return "text"


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text"; a damaged one (an odd byte, a lone half of a pair) keeps going
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        # Excel's "CSV" in Spanish and Portuguese Windows locales; every byte decodes.
        return data.decode("cp1252", errors="replace"), "windows-1252"


def _read_csv(name: str, data: bytes) -> SubmissionTable:
    text, encoding = _decode(data)
    if not text.strip():  # e.g. a byte-order mark and nothing else
        raise Unreadable(error("file_empty", name))
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    delimiter = (
        ";"
        if first.count(";") > first.count(",")
        else ("\t" if first.count("\t") > first.count(",") else ",")
    )
    records: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, cells in enumerate(reader, start=1):
            records.append((number, cells))
    except csv.Error:  # a cell longer than any: a quote that opened and never closed
        raise Unreadable(error("unclosed_quote", name, len(records) + 1)) from None
    _check_quotes(name, records, delimiter)
    table = _table(name, records, "csv")
    decimal_comma = delimiter == ";" or _mostly_decimal_comma(table.records)
    return replace(table, encoding=encoding, delimiter=delimiter, decimal_comma=decimal_comma)


def _check_quotes(name: str, records: list[tuple[int, list[str]]], delimiter: str) -> None:
    """Refuse a file where a quote opens and never closes (or closes rows later): the rows after
    it would be read as one cell's text and silently lost. A cell may hold line breaks (Excel
    quotes a cell with Alt+Enter in it, and a note's lines may have commas), but not lines with
    as many separators as a row of the table."""
    start = _header_row(records)
    widths = [len(cells) for _, cells in records]
    width = len(records[start][1]) if start is not None else max(widths, default=0)
    row_like = max(3, width - 2)  # separators a swallowed row has, give or take empty cells
    for number, cells in records:
        for position, cell in enumerate(cells):
            later = cell.splitlines()[1:]
            if any(line.count(delimiter) >= row_like for line in later):
                raise Unreadable(
                    error(
                        "quote_swallows_rows",
                        name,
                        number,
                        None,
                        cell=f"{column_letter(position)}{number}",
                        lines=len(later),
                    )
                )


_NUMBER_POSITIONS = [ROW_COLUMNS.index(c) for c in ("value", "numerator", "denominator")]
_DECIMAL_COMMA = re.compile(r"-?\d+,\d+")
_DECIMAL_POINT = re.compile(r"-?\d*\.\d+")


def _mostly_decimal_comma(records: list[tuple]) -> bool:
    numbers = [record[p] for record in records for p in _NUMBER_POSITIONS]
    return sum(map(bool, map(_DECIMAL_COMMA.fullmatch, numbers))) > sum(
        map(bool, map(_DECIMAL_POINT.fullmatch, numbers))
    )


def _read_xlsx(name: str, data: bytes) -> SubmissionTable:
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNPACKED_BYTES:
            raise Unreadable(
                error(
                    "file_too_large",
                    name,
                    size_mb=">100",
                    limit_mb=MAX_XLSX_UNPACKED_BYTES // 2**20,
                )
            )
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise Unreadable(error("file_unreadable", name, detail=type(exc).__name__)) from exc
    try:
        found = _data_sheets(name, book)
        if len(found) > 1:
            names = ", ".join(f"«{title}»" for title, _ in found)
            raise Unreadable(error("several_data_sheets", name, sheets=names))
        title, records = found[0]
    finally:
        book.close()
    _check_formulas(name, data, title)
    return _table(name, records, "xlsx")


def _data_sheets(name: str, book) -> list[tuple[str, list]]:
    """Every visible sheet with the template's headings, as (title, records of cell texts);
    a hidden sheet is never read: what a person cannot see in Excel is not what they sent."""
    found, hidden = [], []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            hidden.append(sheet.title)
            continue
        records = [
            (n, [_cell_text(cell) for cell in row])
            for n, row in enumerate(sheet.iter_rows(), start=1)
        ]
        if _header_row(records) is not None:
            found.append((sheet.title, records))
    if found:
        return found
    if hidden:
        raise Unreadable(
            error("hidden_data_sheet", name, sheets=", ".join(f"«{h}»" for h in hidden))
        )
    raise Unreadable(error("missing_columns", name, 1, None, columns=", ".join(REQUIRED_COLUMNS)))


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATION = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _check_formulas(name: str, data: bytes, title: str) -> None:
    """Refuse formulas saved without their values (a file a program wrote and nobody opened in
    Excel): read as empty cells, they would look like values not reported. A formula whose value
    is an empty text (Excel's `=IF(…;"";…)`) has its value."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        part = _sheet_part(archive, title)
        if part is None or b"<f" not in (xml := archive.read(part)):
            return
    missing = []
    for _, cell in ElementTree.iterparse(io.BytesIO(xml)):
        if cell.tag != f"{_MAIN}c":
            continue
        value = cell.find(f"{_MAIN}v")
        empty = value is None or (not value.text and cell.get("t") not in ("str", "inlineStr"))
        if cell.find(f"{_MAIN}f") is not None and empty:
            missing.append(cell.get("r") or "?")
        cell.clear()
    if missing:
        shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
        raise Unreadable(error("formula_without_value", name, cells=shown, count=len(missing)))


def _sheet_part(archive: zipfile.ZipFile, title: str) -> str | None:
    """The path inside the workbook of the sheet named `title`."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    ids = [s.get(_RELATION) for s in book.iter(f"{_MAIN}sheet") if s.get("name") == title]
    if not ids:
        return None
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next((r.get("Target") for r in relations if r.get("Id") == ids[0]), None)
    if target is None:
        return None
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _cell_text(cell: object) -> str:
    """A cell's text as the sheet shows it: a percentage-formatted 0.725 is `72.5%`, a currency
    keeps its sign, a date is `2023-01-15`; numbers are written without float noise."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return (
            value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else value.isoformat()
        )
    if isinstance(value, int | float):
        shown = _plain_number(value)
        kind = _format_kind(getattr(cell, "number_format", "General") or "General")
        if kind == "percent":
            return _plain_number(Decimal(repr(value)) * 100) + "%"
        if kind:
            return f"{kind} {shown}"  # a currency sign: the validation refuses it, naming it
        return shown
    return str(value).strip()


def _plain_number(value: float | int | Decimal) -> str:
    """`72.5`, `1234`, `0.000125`: no exponent, no trailing zeros."""
    text = format(Decimal(repr(value)) if isinstance(value, float) else Decimal(value), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


_QUOTED = re.compile(r'"[^"]*"|\\.')
_BRACKETS = re.compile(r"\[[^\]]*\]")
_CURRENCY_CODE = re.compile(r"\[\$([^\]-]+)[^\]]*\]")  # [$€-2], not a locale tag [$-409]


def _format_kind(number_format: str) -> str | None:
    """`percent` for a percentage format, the sign of a currency format, else None."""
    code = _CURRENCY_CODE.search(number_format)
    if code:
        return code[1]
    bare = _BRACKETS.sub("", _QUOTED.sub("", number_format.split(";")[0]))  # no [$-409], [Red]
    for sign in ("R$", "US$", "$", "€", "£", "¥"):
        if sign in bare or f'"{sign}"' in number_format:
            return sign
    return "percent" if "%" in bare else None


def _header_row(records: list[tuple[int, list[str]]]) -> int | None:
    """Index of the first row that names the required columns (templates may have a title above)."""
    for index, (_, cells) in enumerate(records[:20]):
        keys = {_alias(c) for c in cells}
        if set(REQUIRED_COLUMNS) <= keys:
            return index
    return None


def _table(name: str, records: list[tuple[int, list[str]]], fmt: str) -> SubmissionTable:
    start = _header_row(records)
    if start is None:
        first = next((cells for _, cells in records if any(c.strip() for c in cells)), [])
        found = {_alias(c) for c in first}
        missing = [c for c in REQUIRED_COLUMNS if c not in found]
        raise Unreadable(error("missing_columns", name, 1, None, columns=", ".join(missing)))
    _, header = records[start]
    positions: dict[str, int] = {}
    ignored = []
    for position, cell in enumerate(header):
        column = _alias(cell)
        if column and column not in positions:
            positions[column] = position
        elif str(cell).strip() and header_key(cell) not in _help_keys():
            ignored.append(str(cell).strip())
    rows = []
    wanted = [positions.get(c) for c in SUBMISSION_COLUMNS]
    width = max((p + 1 for p, cell in enumerate(header) if str(cell).strip()), default=0)
    for number, cells in records[start + 1 :]:
        if not any(str(c).strip() for c in cells):
            continue
        # A row that does not add up: its cells would land in others. A CSV row has as many
        # fields as the header (as Excel writes it); a sheet row, nothing right of the headings.
        beyond = next((p for p in range(width, len(cells)) if str(cells[p]).strip()), None)
        if fmt == "csv" and len(cells) > len(header):
            beyond = len(header)
        if beyond is not None:
            cell = f"{column_letter(beyond)}{number}"
            raise Unreadable(error("extra_cells", name, number, None, cell=cell))
        if len(rows) >= MAX_ROWS:
            raise Unreadable(error("too_many_rows", name, number, None, limit=MAX_ROWS))
        rows.append(
            (
                number,
                *(
                    unescape_cell(cells[p].strip()) if p is not None and p < len(cells) else ""
                    for p in wanted
                ),
            )
        )
    letters = {c: column_letter(p) for c, p in positions.items()}
    letters.update(
        {
            str(cell).strip(): column_letter(p)
            for p, cell in enumerate(header)
            if str(cell).strip() in ignored
        }
    )
    return SubmissionTable(name, rows, fmt, ignored_columns=tuple(ignored), letters=letters)
