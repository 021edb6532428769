"""How values look in the pages' tables (ranks with their range, numbers written the language's
way through `locales.formats`), and the notice every view of demonstration data carries."""

from __future__ import annotations

import pandas as pd

from locales.formats import fmt_number, is_missing
from locales.messages import N_

# On every page, report and download whose numbers rest on demonstration values.
DEMO_NOTICE = N_(
    "Datos de demostración: los valores de los indicadores GEALC son ficticios, generados a "
    "partir de los índices de la ONU de cada país, así que su concordancia con la ONU viene dada, "
    "no es evidencia. Las cifras de la ONU y del Banco Mundial son reales."
)


def fmt_rank(rank: object, low: object, high: object) -> str:
    """`4 (3–6)`: a rank with its range; `4` when the range is that one place; `—` when unranked."""
    if is_missing(rank):
        return "—"
    if is_missing(low) or (int(low), int(high)) == (int(rank), int(rank)):
        return str(int(rank))
    return f"{int(rank)} ({int(low)}–{int(high)})"


def value_decimals(unit: str) -> int:
    """Decimals a value of `unit` (the catalogue's unit code) is shown with: counts are whole."""
    return 0 if unit == "count" else 2


def formatted(table: pd.DataFrame, numeric: dict[str, int], lang: str) -> pd.DataFrame:
    """A copy for display: numbers in the language's format, missing as 'no data', text as is."""
    out = table.copy()
    for column, decimals in numeric.items():
        out[column] = [fmt_number(v, lang, decimals) for v in table[column]]
    return out.astype(object).where(out.notna(), "").astype(str)
