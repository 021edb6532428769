"""The words of a validation receipt: for each finding code, what is wrong and how to fix it.
The texts are the catalogues' (`locales`: Spanish msgids, translated in the `.po` files);
`{placeholders}` come from the finding's params, numbers written the reader's way."""

from __future__ import annotations

import json
from collections.abc import Callable

from etl.submission.characters import visible
from etl.submission.columns import headings
from etl.submission.findings import Finding
from locales import LANGUAGES, language
from locales.formats import fmt_value
from locales.messages import N_, t, tn

# What is wrong: a msgid, or for a finding that counts something, the words in the plural form
# of its count (from the language and the finding's params).
Message = str | Callable[[str, dict[str, object]], str]

# code → (what is wrong, how to fix it)
MESSAGES: dict[str, tuple[Message, str]] = {
    "file_empty": (
        N_("el archivo está vacío"),
        N_("descargue la plantilla, complétela y envíela de nuevo"),
    ),
    "file_too_large": (
        N_("el archivo pesa {size_mb} MB, más que el límite de {limit_mb} MB"),
        N_("envíe solo la hoja de datos, como CSV o XLSX"),
    ),
    "file_format": (
        N_("el archivo es {kind}, no CSV ni XLSX"),
        N_("en Excel use «Guardar como» y elija «Libro de Excel (.xlsx)» o «CSV UTF-8»"),
    ),
    "file_unreadable": (
        N_("el libro XLSX está dañado y no se puede abrir"),
        N_("ábralo en Excel, guárdelo de nuevo y vuelva a enviarlo"),
    ),
    "file_binary": (
        N_("el archivo no es de texto ni una hoja de cálculo que se pueda leer"),
        N_("en Excel use «Guardar como» y elija «Libro de Excel (.xlsx)» o «CSV UTF-8»"),
    ),
    "several_data_sheets": (
        N_("el libro tiene varias hojas con datos: {sheets}; no se sabe cuál enviar"),
        N_("envíe un archivo por hoja, o reúna todas las filas en una sola hoja"),
    ),
    "hidden_data_sheet": (
        N_("los datos están en una hoja oculta ({sheets}), que no se lee"),
        N_(
            "en Excel muestre la hoja (clic derecho en una pestaña › Mostrar), revise los datos y "
            "guarde"
        ),
    ),
    "formula_without_value": (
        lambda lang, values: tn(
            "{n} celda tiene una fórmula guardada sin su resultado: {cells}",
            "{n} celdas tienen fórmulas guardadas sin su resultado: {cells}",
            values["count"],
            lang,
            **values,
        ),
        N_(
            "abra el archivo en Excel y guárdelo (Excel calcula los valores), o escriba los valores"
        ),
    ),
    "quote_swallows_rows": (
        lambda lang, values: tn(
            "una comilla abierta en la celda {cell} no se cierra: {n} línea más se leería como "
            "texto de esa celda",
            "una comilla abierta en la celda {cell} no se cierra: {n} líneas más se leerían como "
            "texto de esa celda",
            values["lines"],
            lang,
            **values,
        ),
        N_("quite la comilla o ciérrela, guarde y envíe de nuevo"),
    ),
    "odd_characters": (
        N_("«{value}» contiene caracteres invisibles o que parecen otros: {characters}"),
        N_("borre el contenido de la celda y escríbalo de nuevo a mano"),
    ),
    "empty_cell": (
        N_("la celda está vacía (o es parte de celdas combinadas)"),
        N_("escriba el dato en cada fila; no combine celdas"),
    ),
    "percent_sign": (
        N_("«{value}» lleva el signo % pero aquí no va un porcentaje"),
        N_("escriba el número sin % (y, en Excel, cambie el formato de la celda a «Número»)"),
    ),
    "date_cell": (
        N_("la celda muestra una fecha ({value}), no un número"),
        N_("en Excel cambie el formato de la celda a «Número» y escriba el dato de nuevo"),
    ),
    "currency_cell": (
        N_("«{value}» está en moneda ({currency}); los indicadores son cantidades o porcentajes"),
        N_("quite el formato de moneda y escriba solo el número en la unidad del indicador"),
    ),
    "ambiguous_number": (
        N_("«{value}» se puede leer de dos maneras (¿medio o quinientos?)"),
        N_("escriba el número sin separador de miles, con coma o punto decimal según corresponda"),
    ),
    "read_as_thousands": (
        N_("«{value}» se leyó como {number} (la coma como separador de miles)"),
        N_("si quería decir un decimal, escríbalo con punto decimal o en un archivo con «;»"),
    ),
    "not_finite": (
        N_("{numerator} / {denominator} da un resultado que no es un número finito"),
        N_("revise el numerador y el denominador: ambos en la misma unidad y de tamaño razonable"),
    ),
    "extra_cells": (
        N_(
            "la fila tiene más celdas que títulos (hay un dato en {cell}, fuera de las columnas): "
            "sus valores quedarían en otras columnas"
        ),
        N_(
            "quite el dato sobrante (o el separador que sobra al final de la fila); en un CSV "
            "separado por «,», escriba los decimales con punto o guarde el archivo con «;»"
        ),
    ),
    "unclosed_quote": (
        N_(
            "una comilla abierta en esta fila no se cierra antes del final del archivo: el resto "
            "se leería como texto de una celda"
        ),
        N_("quite la comilla o ciérrela, guarde y envíe de nuevo"),
    ),
    "read_as_decimal": (
        N_("«{value}» se leyó como {number} (el punto como separador decimal)"),
        N_("si quería decir miles, escríbalo sin separador (1500)"),
    ),
    "missing_columns": (
        N_("faltan columnas: {columns}"),
        N_("la primera fila debe tener los títulos de la plantilla: país, año, indicador, valor…"),
    ),
    "too_many_rows": (
        N_("el archivo tiene más de {limit} filas"),
        N_("divida el archivo por país o por año"),
    ),
    "no_rows": (
        N_("el archivo no tiene ningún valor"),
        N_("escriba cada valor en la columna «Valor», en la fila de su indicador"),
    ),
    "unknown_country": (
        N_("«{value}» no es el código ISO3 de un país miembro"),
        N_("use el código de tres letras{did_you_mean}"),
    ),
    "bad_year": (
        N_("«{value}» no es un año entre {first} y {last}"),
        N_("escriba el año de referencia con cuatro cifras, por ejemplo 2024"),
    ),
    "unknown_indicator": (
        N_("«{value}» no es un indicador del catálogo"),
        N_("use el código de la lista desplegable{did_you_mean}"),
    ),
    "not_a_number": (
        N_("«{value}» no es un número"),
        N_("escriba solo cifras, con coma decimal, por ejemplo 12,5"),
    ),
    "half_ratio": (
        N_("falta el numerador o el denominador"),
        N_("escriba ambos, o solo el valor"),
    ),
    "count_has_no_ratio": (
        N_("{indicator} es un conteo: no lleva numerador ni denominador"),
        N_("escriba el número en la columna valor"),
    ),
    "zero_denominator": (
        N_("el denominador es cero"),
        N_("revise el denominador: no puede ser 0"),
    ),
    "numerator_above_denominator": (
        N_("el numerador ({numerator}) es mayor que el denominador ({denominator})"),
        N_("un porcentaje no supera el 100 %: revise ambos números"),
    ),
    "value_mismatch": (
        N_("el valor {value} no coincide con numerador / denominador ({computed})"),
        N_("corrija el valor o deje la celda vacía para que se calcule"),
    ),
    "out_of_range": (
        N_("{value} está fuera del rango válido de {indicator} ({min}–{max})"),
        N_("revise la unidad del indicador en la hoja de instrucciones"),
    ),
    "duplicate_row": (
        N_("{indicator} de {country} {year} ya está en la fila {first_row}"),
        N_("deje una sola fila por país, año e indicador"),
    ),
    "ignored_column": (
        N_("la columna no es de la plantilla y se ignora"),
        N_("bórrela, o pase su contenido a la columna nota"),
    ),
    "missing_indicators": (
        N_("{country} {year}: faltan indicadores del catálogo: {indicators}"),
        N_("envíelos si los tiene, o explique en una nota por qué no"),
    ),
    "implausible_change": (
        N_(
            "{indicator} pasa de {previous} en {previous_year} a {value}, más que el cambio "
            "plausible de {limit}"
        ),
        N_("confirme el valor y explique el cambio en la columna nota"),
    ),
    "outlier": (
        N_("{indicator} = {value} está muy lejos de la mediana regional ({median})"),
        N_("confirme el valor y explíquelo en la columna nota"),
    ),
    "copied_values": (
        N_("{country} {year}: todos los valores son idénticos a los del año anterior"),
        N_("confirme que no se envió el archivo del año pasado"),
    ),
}


def explain(finding: Finding, lang: str) -> tuple[str, str]:
    """(what is wrong, how to fix it) for `finding` in `lang` (Spanish for an unknown language)."""
    lang = language(lang)
    message, fix = MESSAGES[finding.code]
    params = {
        k: fmt_value(v, lang) if isinstance(v, float) else v for k, v in finding.params.items()
    }
    if isinstance(params.get("columns"), str):  # the template's headings, in the reader's words
        params["columns"] = ", ".join(
            headings(lang).get(name.strip(), name.strip()) for name in params["columns"].split(",")
        )
    suggestion = params.get("suggestion")
    params["did_you_mean"] = (
        t(" (¿quiso decir {code}?)", lang, code=suggestion) if suggestion else ""
    )
    words = message(lang, params) if callable(message) else t(message, lang, **params)
    return words, t(fix, lang, **params)


def issue_columns(findings: list[Finding]) -> dict[str, list]:
    """Findings as the warehouse's `validation_issue` columns (one list per column), with the words
    in every language, so a stored receipt reads the same later in any of them."""
    rows = []
    for position, f in enumerate(findings, start=1):
        words = {lang: tuple(map(visible, explain(f, lang))) for lang in LANGUAGES}
        rows.append(
            {
                "position": position,
                "severity": f.severity,
                "code": f.code,
                "row_number": f.row,
                "column_name": f.column,
                "params": json.dumps(f.params, ensure_ascii=False, default=str),
                **{f"message_{lang}": words[lang][0] for lang in LANGUAGES},
                **{f"fix_{lang}": words[lang][1] for lang in LANGUAGES},
            }
        )
    return {name: [row[name] for row in rows] for name in rows[0]} if rows else {}
