"""The columns of a submission, and the words for them in each language: the template writes
these headings, the reader recognises them (and their usual variants) in any case or accent."""

from __future__ import annotations

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

# The heading the template writes for each column, per language.
HEADINGS: dict[str, dict[str, str]] = {
    "es": {
        "country": "País",
        "year": "Año",
        "indicator": "Indicador",
        "value": "Valor",
        "numerator": "Numerador",
        "denominator": "Denominador",
        "source": "Fuente",
        "note": "Nota",
    },
    "en": {
        "country": "Country",
        "year": "Year",
        "indicator": "Indicator",
        "value": "Value",
        "numerator": "Numerator",
        "denominator": "Denominator",
        "source": "Source",
        "note": "Note",
    },
    "pt": {
        "country": "País",
        "year": "Ano",
        "indicator": "Indicador",
        "value": "Valor",
        "numerator": "Numerador",
        "denominator": "Denominador",
        "source": "Fonte",
        "note": "Nota",
    },
    "fr": {
        "country": "Pays",
        "year": "Année",
        "indicator": "Indicateur",
        "value": "Valeur",
        "numerator": "Numérateur",
        "denominator": "Dénominateur",
        "source": "Source",
        "note": "Note",
    },
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
HELP_HEADINGS: dict[str, dict[str, str]] = {
    "es": {
        "name": "Nombre del indicador",
        "unit": "Unidad",
        "range": "Rango válido",
        "definition": "Definición",
        "numerator_help": "Qué va en el numerador",
        "denominator_help": "Qué va en el denominador",
    },
    "en": {
        "name": "Indicator name",
        "unit": "Unit",
        "range": "Valid range",
        "definition": "Definition",
        "numerator_help": "What goes in the numerator",
        "denominator_help": "What goes in the denominator",
    },
    "pt": {
        "name": "Nome do indicador",
        "unit": "Unidade",
        "range": "Faixa válida",
        "definition": "Definição",
        "numerator_help": "O que vai no numerador",
        "denominator_help": "O que vai no denominador",
    },
    "fr": {
        "name": "Nom de l'indicateur",
        "unit": "Unité",
        "range": "Plage valide",
        "definition": "Définition",
        "numerator_help": "Ce qui va au numérateur",
        "denominator_help": "Ce qui va au dénominateur",
    },
}

# The data sheet's name in the template, per language.
DATA_SHEET_NAMES = {"es": "Datos", "en": "Data", "pt": "Dados", "fr": "Données"}
