"""Characters in a cell that a person cannot see or cannot tell apart from others: control
characters (a NUL byte, which no warehouse stores), invisible formatting (a zero-width space), and,
in a code such as a country, a year or a number, letters from another alphabet that look like
Latin ones (a Cyrillic У in `URY`). Named, so the receipt can say which and where."""

from __future__ import annotations

import unicodedata

ALLOWED_CONTROLS = "\t\n\r"  # a note may keep its tabs and line breaks


def odd_characters(text: str, code: bool) -> list[str]:
    """Each odd character of `text` once, as `U+0423 CYRILLIC CAPITAL LETTER U`. In a `code`
    (country, year, indicator, number) anything beyond ASCII and the spaces and signs numbers are
    written with is odd; in free text only control and invisible formatting characters are."""
    found: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        odd = (category == "Cc" and char not in ALLOWED_CONTROLS) or category == "Cf"
        if code and not odd:
            odd = not char.isascii() and char not in "\u00a0\u202f%€$£¥" and category != "Zs"
        described = _describe(char)
        if odd and described not in found:
            found.append(described)
    return found


def _describe(char: str) -> str:
    name = unicodedata.name(char, "") or {"\x00": "NULL"}.get(char, "CONTROL CHARACTER")
    return f"U+{ord(char):04X} {name}"


def visible(text: str) -> str:
    """`text` with its control and invisible characters shown as `[U+0000]`: safe to print and
    to store (no warehouse keeps a NUL), and the reader sees where they are."""
    return "".join(
        f"[U+{ord(c):04X}]"
        if unicodedata.category(c) in ("Cc", "Cf") and c not in ALLOWED_CONTROLS
        else c
        for c in text
    )
