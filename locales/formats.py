"""Numbers, percentages, counts, dates and times the way each language writes them (CLDR through
Babel): `72,5 %` in Spanish, `72.5%` in English, `1 234,5` in French; counts without decimals;
dates in words; times with their time zone named."""

from __future__ import annotations

import copy
import datetime as dt
import math
from functools import cache

import pandas as pd
from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import (
    NumberPattern,
    format_scientific,
    get_decimal_symbol,
    get_group_symbol,
    get_infinity_symbol,
)

from locales import language
from locales.messages import t

# From a thousand million million on, a float has no decimals left: scientific notation.
HUGE = 1e15


def is_missing(value: object) -> bool:
    """None, NaN or pandas' NA: a value that is not there."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(language(lang))


@cache
def _pattern(lang: str, kind: str, decimals: int) -> NumberPattern:
    locale = _locale(lang)
    base = locale.percent_formats[None] if kind == "percent" else locale.decimal_formats[None]
    pattern = copy.copy(base)
    pattern.frac_prec = (decimals, decimals)
    return pattern


def separators(lang: str) -> str:
    """The decimal and group symbols of `lang` (CLDR), as Plotly's `separators` wants them:
    `,.` in Spanish, `.,` in English, `,` and a narrow no-break space in French."""
    locale = _locale(lang)
    return get_decimal_symbol(locale) + get_group_symbol(locale)


def fmt_number(value: float | None, lang: str, decimals: int = 2) -> str:
    """`0.78580` → `0,79` (es, pt, fr) or `0.79` (en), thousands grouped the language's way;
    missing → "sin datos" in the language."""
    if is_missing(value):
        return t("sin datos", lang)
    if math.isinf(value):
        return get_infinity_symbol(_locale(lang))
    if abs(float(value)) >= HUGE:  # past a float's last decimal: `1,5E28`
        return format_scientific(float(value), locale=_locale(lang))
    return _pattern(lang, "decimal", decimals).apply(float(value), _locale(lang))


def fmt_change(value: float | None, lang: str, decimals: int = 1) -> str:
    """A change with its sign: `+2,4`, `-0,9`, `0,0` (the language's decimal and minus signs)."""
    if is_missing(value):
        return t("sin datos", lang)
    text = fmt_number(value, lang, decimals)
    return f"+{text}" if round(float(value), decimals) > 0 else text


def fmt_value(value: float | None, lang: str) -> str:
    """A value as a country gave it: the decimals it has, up to four (`120`, `12,5`, `0,1234`),
    thousands grouped the language's way."""
    if is_missing(value):
        return t("sin datos", lang)
    decimals = min((d for d in range(5) if round(value, d) == round(value, 4)), default=4)
    return fmt_number(value, lang, decimals)


def fmt_count(value: float | None, lang: str) -> str:
    """A count, without decimals: `1.234` (es), `1,234` (en), `1 234` (fr)."""
    return fmt_number(value, lang, 0)


def fmt_percent(share: float | None, lang: str, decimals: int = 0) -> str:
    """A share 0–1 as a percentage the language's way: `72,5 %` (es, fr), `72.5%` (en),
    `72,5%` (pt); missing → "sin datos"."""
    if is_missing(share):
        return t("sin datos", lang)
    return _pattern(lang, "percent", decimals).apply(float(share), _locale(lang))


def written(value: object, lang: str) -> object:
    """A value for a sentence in `lang`: counts and moments the language's way, text as is."""
    if isinstance(value, bool) or not isinstance(value, int | dt.datetime):
        return value
    return fmt_datetime(value, lang) if isinstance(value, dt.datetime) else fmt_count(value, lang)


def fmt_date(value: dt.date | str, lang: str, width: str = "long") -> str:
    """A date in words: `5 de diciembre de 2026`, `December 5, 2026`, `5 décembre 2026`."""
    day = dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value
    return format_date(day, format=width, locale=_locale(lang))


def fmt_datetime(value: dt.datetime | str, lang: str) -> str:
    """A moment with its time zone named, e.g. `5 dic 2026, 6:22 UTC`: times are stored in UTC and
    shown so, never as a bare clock time a reader would take for their own zone's."""
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    moment = moment.astimezone(dt.UTC)
    locale = _locale(lang)
    day = format_date(moment.date(), format="medium", locale=locale)
    clock = format_time(moment, format="short", tzinfo=dt.UTC, locale=locale)
    return f"{locale.datetime_formats['medium'].format(clock, day)} UTC"
