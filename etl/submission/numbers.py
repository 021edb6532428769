"""Numbers as people type them in Spanish, Portuguese, French and English spreadsheets."""

from __future__ import annotations

import math
import re

_SPACES = re.compile(r"[\s\u00a0\u202f']")
_GROUPED_DOT = re.compile(r"-?\d{1,3}(\.\d{3})+")
_GROUPED_COMMA = re.compile(r"-?\d{1,3}(,\d{3})+")
_PLAIN = re.compile(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def parse_number(text: str, decimal_comma: bool) -> float | None:
    """`'12,5'` → 12.5 in a decimal-comma file; `'1.234,5'` → 1234.5; `'1,234.5'` → 1234.5;
    `''` → None. Raises ValueError for anything that is not a finite number."""
    plain = _SPACES.sub("", text or "").removesuffix("%")
    if plain == "":
        return None
    if "," in plain and "." in plain:
        # Both marks: the last one is the decimal separator.
        plain = (
            plain.replace(".", "").replace(",", ".")
            if plain.rfind(",") > plain.rfind(".")
            else plain.replace(",", "")
        )
    elif "," in plain:
        plain = (
            plain.replace(",", "")
            if not decimal_comma and _GROUPED_COMMA.fullmatch(plain)
            else plain.replace(",", ".")
        )
    elif decimal_comma and _GROUPED_DOT.fullmatch(plain):
        plain = plain.replace(".", "")
    if not _PLAIN.fullmatch(plain):
        raise ValueError(text)
    value = float(plain)
    if not math.isfinite(value):
        raise ValueError(text)
    return value
