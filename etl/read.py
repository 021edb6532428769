"""Reading a country submission file into rows of text, keeping each row's number as the
person sees it in a spreadsheet (header = row 1)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from etl.errors import FileProblem

SUBMISSION_COLUMNS = ("country", "year", "indicator", "value", "numerator", "denominator", "source", "note")


def read_submission(path: Path, data: bytes | None = None) -> pd.DataFrame:
    """Rows of the canonical CSV as text, plus `row_number`; raises FileProblem when unreadable."""
    data = path.read_bytes() if data is None else data
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(path.name, data[: exc.start].count(b"\n") + 1, "(encoding)", "is not UTF-8 text", "save the file as CSV UTF-8") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in SUBMISSION_COLUMNS if c not in header]
    if missing:
        raise FileProblem(path.name, 1, "(header)", f"missing column(s) {', '.join(missing)}", f"the first row must name the columns {','.join(SUBMISSION_COLUMNS)}")
    rows = []
    for record in reader:
        if not any(cell.strip() for cell in record):
            continue
        cells = dict(zip(header, (cell.strip() for cell in record)))
        rows.append({"row_number": reader.line_num, **{c: cells.get(c, "") for c in SUBMISSION_COLUMNS}})
    return pd.DataFrame(rows, columns=["row_number", *SUBMISSION_COLUMNS])
