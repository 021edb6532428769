"""Alphabetical order as a reader expects it: accents and case do not move a name ("Équateur"
among the E, "São Vicente" before "Suriname"), unlike the order of the characters' codes."""

from __future__ import annotations

import unicodedata


def sort_key(text: str) -> str:
    """The key that orders `text` alphabetically in the network's four languages (accents and
    case set aside, as CLDR's root collation does at its first level)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
