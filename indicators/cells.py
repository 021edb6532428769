"""Text cells that travel through spreadsheets safely, on both sides of the product.

A cell starting with `=`, `+`, `-`, `@` (or a tab or carriage return) is run as a formula by
Excel and LibreOffice when a CSV is opened: "formula injection". Everything the product writes
to CSV/XLSX passes text through `safe_text`, which prefixes such cells with an apostrophe (the
OWASP advice; spreadsheets show the text as typed). The reader undoes exactly that prefix, so a
note that goes out and comes back is unchanged."""

from __future__ import annotations

from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: Any) -> Any:
    """`'=1+1'` → `"'=1+1"`; numbers, empty values and harmless text pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unescape_cell(text: str) -> str:
    """The inverse of `safe_text` for text read back from a file."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every text cell made safe; numeric columns untouched."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(safe_text)
    return out
