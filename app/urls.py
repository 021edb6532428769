"""The URL is the view: reading and writing the query string that holds a page's state."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode


def params(search: str | None) -> dict[str, str]:
    """`?lang=en&year=2022` → `{'lang': 'en', 'year': '2022'}` (the last value wins)."""
    return dict(parse_qsl((search or "").lstrip("?")))


def with_params(search: str | None, **changes: object) -> str:
    """The query string with `changes` applied; a value of None removes the key."""
    merged = params(search)
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = str(value)
    return f"?{urlencode(merged)}" if merged else ""

