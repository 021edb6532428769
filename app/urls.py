"""The URL is the view: reading and writing the query string that holds a page's state."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import parse_qsl, urlencode

T = TypeVar("T")


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


def context(search: str | None, lang: str | None = None) -> str:
    """The part of a view every link keeps when it opens another page: the language (Spanish,
    the default, stays out of the URL) and the release shown (the latest when absent)."""
    query = params(search)
    lang = lang or query.get("lang")
    return with_params("", lang=lang if lang != "es" else None, release=query.get("release"))


def choose(
    query: dict[str, str],
    key: str,
    allowed: Iterable[T],
    default: T,
    cast: Callable[[str], T] = str,
) -> tuple[T, str | None]:
    """The URL's `key` when (cast) it is one of `allowed`, else `default`; with the rejected text,
    if any, so the page can say it fell back."""
    asked = (query.get(key) or "").strip()
    if not asked:
        return default, None
    try:
        value = cast(asked)
    except ValueError:
        return default, asked
    return (value, None) if value in set(allowed) else (default, asked)


@dataclass
class Countries:
    """The countries a URL's `countries` names: the members it may hold (at most `limit`), those
    past the limit, and codes that are not members (for the page's notices)."""

    chosen: list[str]
    left_out: list[str]
    problems: list[tuple[str, str]]


def countries(query: dict[str, str], members: Sequence[str], limit: int) -> Countries:
    """`?countries=URY,BRA` read against the members, duplicates dropped, in the URL's order."""
    found = Countries([], [], [])
    for code in (c.strip().upper() for c in query.get("countries", "").split(",") if c.strip()):
        if code not in members:
            found.problems.append(("countries", code))
        elif code not in found.chosen:
            found.chosen.append(code)
    found.left_out, found.chosen = found.chosen[limit:], found.chosen[:limit]
    return found
