"""The columns of a submission, and the words for them in each language: the template writes
these headings, the reader recognises them (and their usual variants) in any case or accent. The
headings are the catalogues' words (`locales`), so a translator edits them in the `.po` files."""

from __future__ import annotations

from functools import cache

from locales.messages import N_, t

SUBMISSION_COLUMNS = (
    "country",
    "year",
    "indicator",
    "value",
    "numerator",
    "denominator",
    "source",
    "note",
)
REQUIRED_COLUMNS = ("country", "year", "indicator", "value")


# The heading the template writes for each column (msgids; `headings(lang)` translates them).
HEADING_TEXTS = {
    "country": N_("País"),
    "year": N_("Año"),
    "indicator": N_("Indicador"),
    "value": N_("Valor"),
    "numerator": N_("Numerador"),
    "denominator": N_("Denominador"),
    "source": N_("Fuente"),
    "note": N_("Nota"),
}

# Other words people use for the same columns (compared without accents, case or brackets).
VARIANTS: dict[str, tuple[str, ...]] = {
    "country": ("iso3", "codigo pais", "country iso3", "country code"),
    "year": ("anio", "reference year"),
    "note": (
        "notes",
        "notas",
        "observacion",
        "observacao",
        "observacoes",
        "observaciones",
        "remarque",
        "comment",
    ),
}

# Read-only help the template writes beside each row; the reader skips these columns silently.
HELP_TEXTS = {
    "name": N_("Nombre del indicador"),
    "unit": N_("Unidad"),
    "range": N_("Rango válido"),
    "definition": N_("Definición"),
    "numerator_help": N_("Qué va en el numerador"),
    "denominator_help": N_("Qué va en el denominador"),
}


@cache
def headings(lang: str) -> dict[str, str]:
    """Column → the heading the template writes in `lang` (the reader knows every language's);
    translated when first asked for, not when the module is imported."""
    return {column: t(msgid, lang) for column, msgid in HEADING_TEXTS.items()}


@cache
def help_headings(lang: str) -> dict[str, str]:
    """Help column → its heading in `lang`."""
    return {column: t(msgid, lang) for column, msgid in HELP_TEXTS.items()}
