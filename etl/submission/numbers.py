"""Numbers as people type them in Spanish, Portuguese, French and English spreadsheets."""

from __future__ import annotations

import math
import re

_SPACES = re.compile(r"[\s\u00a0\u202f']")
_GROUPED_DOT = re.compile(r"-?\d{1,3}(\.\d{3})+")
_GROUPED_COMMA = re.compile(r"-?\d{1,3}(,\d{3})+")
_PLAIN = re.compile(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
_ONE_GROUP = re.compile(r"-?(\d{1,3}),\d{3}")
_ONE_DOT_GROUP = re.compile(r"-?[1-9]\d{0,2}\.\d{3}")


class AmbiguousNumber(ValueError):
    """A number that reads as two different values (`0,500`: a half or five hundred?)."""


def read_as_thousands(text: str, decimal_comma: bool) -> bool:
    """Whether `text` (e.g. `1,500` in a file that writes decimals with a point) was read with its
    comma as a thousands separator, where a decimal comma was as likely: worth saying so."""
    plain = _SPACES.sub("", text or "").removesuffix("%")
    return not decimal_comma and bool(_ONE_GROUP.fullmatch(plain))


def read_as_decimal(text: str, decimal_comma: bool) -> bool:
    """Whether `text` (e.g. `1.500` in a file that writes decimals with a point) was read with its
    point as the decimal mark, where a thousands separator was as likely: worth saying so."""
    plain = _SPACES.sub("", text or "").removesuffix("%")
    return not decimal_comma and bool(_ONE_DOT_GROUP.fullmatch(plain))


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
        if not decimal_comma and (group := _ONE_GROUP.fullmatch(plain)) and int(group[1]) == 0:
            raise AmbiguousNumber(text)
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


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?|\d{1,2}/\d{1,2}/\d{2,4}")
_CURRENCY = re.compile(r"^\s*(US\$|R\$|S/|\$|€|£|¥|₡|₲)|(US\$|R\$|\$|€|£|¥|₡|₲)\s*$")


def looks_like_date(text: str) -> bool:
    """`2023-01-15`, `15/01/2023`: a date where a number belongs (a cell formatted as a date)."""
    return bool(_DATE.fullmatch((text or "").strip()))


def currency_of(text: str) -> str | None:
    """The currency sign a number is written with (`$ 1.234,50` → `$`), if any."""
    found = _CURRENCY.search(text or "")
    return (found[1] or found[2]) if found else None
