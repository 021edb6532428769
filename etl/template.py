"""Submission templates: one row per catalogue indicator for a country and year, with the
catalogue's help beside each row, in the country's language. The XLSX adds an instructions
sheet, a frozen header, a drop-down list of indicator ids and number checks per indicator's
valid range; the CSV is the same table for people who prefer it. A template filled in by hand
loads without edits: the reader knows every heading written here."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from etl.submission.columns import (
    DATA_SHEET_NAMES,
    HEADINGS,
    HELP_HEADINGS,
    SUBMISSION_COLUMNS,
)
from etl.submission.validate import FIRST_YEAR
from indicators.catalogue import Catalogue, Indicator
from indicators.cells import safe_text
from indicators.countries import Country

HELP_COLUMNS = ("name", "unit", "range", "definition", "numerator_help", "denominator_help")
CSV_DELIMITER = {"es": ";", "pt": ";", "fr": ";", "en": ","}

INSTRUCTIONS: dict[str, dict[str, object]] = {
    "es": {
        "sheet": "Instrucciones",
        "title": "Red GEALC — plantilla de indicadores de {country}, año {year}",
        "edition": "Catálogo de indicadores {edition}. {note}",
        "steps": [
            "Complete la hoja «{data}»: una fila por indicador. No cambie los títulos ni las columnas País, Año e Indicador.",
            "Escriba el valor en la columna «Valor», en la unidad indicada en la columna «Unidad».",
            "Para los porcentajes y tasas puede escribir el numerador y el denominador y dejar «Valor» vacío: se calcula.",
            "Escriba números sin separador de miles ni signo %; la coma o el punto decimal sirven.",
            "Si no tiene un indicador, deje vacía su fila y explique por qué en «Nota».",
            "En «Fuente» indique de dónde viene el dato (institución, registro o encuesta, fecha).",
            "Las columnas grises de la derecha son ayuda del catálogo: no hace falta borrarlas.",
            "Guarde el archivo como .xlsx (o CSV) y envíelo. El recibo indica «aceptado» o cada error con su fila, su columna y cómo corregirlo; los avisos piden una explicación en «Nota».",
        ],
        "range_error": "El valor debe estar entre {min} y {max} ({unit}).",
        "list_error": "Elija un código de indicador de la lista.",
        "number_error": "Escriba un número mayor o igual que 0.",
    },
    "en": {
        "sheet": "Instructions",
        "title": "Red GEALC — indicator template for {country}, year {year}",
        "edition": "Indicator catalogue {edition}. {note}",
        "steps": [
            "Fill in the '{data}' sheet: one row per indicator. Do not change the headings or the Country, Year and Indicator columns.",
            "Write the value in the 'Value' column, in the unit shown in the 'Unit' column.",
            "For percentages and rates you may write the numerator and the denominator and leave 'Value' empty: it is computed.",
            "Write numbers without thousands separators or % sign; a decimal point or comma both work.",
            "If you do not have an indicator, leave its row empty and explain why in 'Note'.",
            "In 'Source' say where the figure comes from (institution, register or survey, date).",
            "The grey columns on the right are the catalogue's help: no need to delete them.",
            "Save the file as .xlsx (or CSV) and send it. The receipt says 'accepted', or lists each error with its row, its column and how to fix it; warnings ask for an explanation in 'Note'.",
        ],
        "range_error": "The value must be between {min} and {max} ({unit}).",
        "list_error": "Choose an indicator code from the list.",
        "number_error": "Write a number greater than or equal to 0.",
    },
    "pt": {
        "sheet": "Instruções",
        "title": "Rede GEALC — modelo de indicadores de {country}, ano {year}",
        "edition": "Catálogo de indicadores {edition}. {note}",
        "steps": [
            "Preencha a planilha «{data}»: uma linha por indicador. Não altere os títulos nem as colunas País, Ano e Indicador.",
            "Escreva o valor na coluna «Valor», na unidade indicada na coluna «Unidade».",
            "Para porcentagens e taxas, pode escrever o numerador e o denominador e deixar «Valor» vazio: ele é calculado.",
            "Escreva números sem separador de milhares nem sinal de %; vírgula ou ponto decimal servem.",
            "Se não tiver um indicador, deixe sua linha vazia e explique o motivo em «Nota».",
            "Em «Fonte» indique de onde vem o dado (instituição, registro ou pesquisa, data).",
            "As colunas cinzas à direita são a ajuda do catálogo: não é preciso apagá-las.",
            "Salve o arquivo como .xlsx (ou CSV) e envie-o. O recibo indica «aceito» ou cada erro com sua linha, sua coluna e como corrigi-lo; os avisos pedem uma explicação em «Nota».",
        ],
        "range_error": "O valor deve estar entre {min} e {max} ({unit}).",
        "list_error": "Escolha um código de indicador da lista.",
        "number_error": "Escreva um número maior ou igual a 0.",
    },
    "fr": {
        "sheet": "Instructions",
        "title": "Red GEALC — modèle d'indicateurs pour {country}, année {year}",
        "edition": "Catalogue d'indicateurs {edition}. {note}",
        "steps": [
            "Remplissez la feuille « {data} » : une ligne par indicateur. Ne modifiez ni les titres ni les colonnes Pays, Année et Indicateur.",
            "Écrivez la valeur dans la colonne « Valeur », dans l'unité indiquée dans la colonne « Unité ».",
            "Pour les pourcentages et les taux, vous pouvez écrire le numérateur et le dénominateur et laisser « Valeur » vide : elle est calculée.",
            "Écrivez les nombres sans séparateur de milliers ni signe % ; la virgule ou le point décimal conviennent.",
            "Si vous n'avez pas un indicateur, laissez sa ligne vide et expliquez pourquoi dans « Note ».",
            "Dans « Source », indiquez d'où vient le chiffre (institution, registre ou enquête, date).",
            "Les colonnes grises à droite sont l'aide du catalogue : inutile de les supprimer.",
            "Enregistrez le fichier en .xlsx (ou CSV) et envoyez-le. Le reçu indique « accepté », ou chaque erreur avec sa ligne, sa colonne et comment la corriger ; les avertissements demandent une explication dans « Note ».",
        ],
        "range_error": "La valeur doit être comprise entre {min} et {max} ({unit}).",
        "list_error": "Choisissez un code d'indicateur dans la liste.",
        "number_error": "Écrivez un nombre supérieur ou égal à 0.",
    },
}


def template_rows(
    catalogue: Catalogue, country: Country, year: int, lang: str
) -> tuple[list[str], list[list[object]]]:
    """Headings and one row per indicator: country, year and indicator filled in, values
    empty, the catalogue's help after them."""
    headings = [HEADINGS[lang][c] for c in SUBMISSION_COLUMNS] + [
        HELP_HEADINGS[lang][c] for c in HELP_COLUMNS
    ]
    empty = [None] * 5  # value, numerator, denominator, source, note: the country's to fill
    rows = [
        [country.iso3, year, ind.id, *empty, *_help(catalogue, ind, lang)]
        for ind in catalogue.indicators
    ]
    return headings, rows


def _help(catalogue: Catalogue, ind: Indicator, lang: str) -> list[str]:
    r = ind.valid_range
    return [
        ind.name.get(lang),
        catalogue.units[ind.unit].get(lang),
        f"{r.min:g} – {r.max:g}",
        ind.definition.get(lang),
        ind.numerator.get(lang),
        ind.denominator.get(lang) if ind.denominator else "",
    ]


def write_template(
    path: Path, catalogue: Catalogue, country: Country, year: int, *, fmt: str, lang: str
) -> None:
    """Write the template as `fmt` ('xlsx' or 'csv') in `lang`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        _write_csv(path, catalogue, country, year, lang)
    else:
        _write_xlsx(path, catalogue, country, year, lang)


def _write_csv(path: Path, catalogue: Catalogue, country: Country, year: int, lang: str) -> None:
    headings, rows = template_rows(catalogue, country, year, lang)
    # UTF-8 with BOM: Excel then shows the accents right in every locale.
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=CSV_DELIMITER[lang], lineterminator="\r\n")
        writer.writerow(headings)
        writer.writerows([["" if v is None else safe_text(v) for v in row] for row in rows])


def _write_xlsx(path: Path, catalogue: Catalogue, country: Country, year: int, lang: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    words = INSTRUCTIONS[lang]
    book = Workbook()
    info = book.active
    info.title = str(words["sheet"])
    data = book.create_sheet(DATA_SHEET_NAMES[lang])
    name = country.name.get(lang)
    info.append([str(words["title"]).format(country=name, year=year)])
    info["A1"].font = Font(bold=True, size=14)
    info.append(
        [
            str(words["edition"]).format(
                edition=catalogue.edition, note=catalogue.status_note.get(lang)
            )
        ]
    )
    info.append([])
    for n, step in enumerate(words["steps"], start=1):  # type: ignore[arg-type]
        info.append([f"{n}. {step.format(data=DATA_SHEET_NAMES[lang])}"])
    info.column_dimensions["A"].width = 140

    headings, rows = template_rows(catalogue, country, year, lang)
    data.append(headings)
    for row in rows:
        data.append([safe_text(v) for v in row])
    last = len(rows) + 1
    header_fill, help_fill = (
        PatternFill("solid", fgColor="1F4E79"),
        PatternFill("solid", fgColor="EDEDED"),
    )
    for cell in data[1]:
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), header_fill
    first_help = len(SUBMISSION_COLUMNS) + 1
    for row in data.iter_rows(min_row=2, max_row=last, min_col=first_help):
        for cell in row:
            cell.fill, cell.alignment = help_fill, Alignment(wrap_text=True, vertical="top")
    widths = [10, 8, 11, 12, 13, 13, 30, 30, 34, 18, 12, 60, 40, 40]
    for n, width in enumerate(widths, start=1):
        data.column_dimensions[get_column_letter(n)].width = width
    data.freeze_panes = "D2"  # the header, and country-year-indicator while scrolling right

    col = {c: get_column_letter(n) for n, c in enumerate(SUBMISSION_COLUMNS, start=1)}
    ids = DataValidation(
        type="list",
        formula1='"' + ",".join(catalogue.indicator_ids) + '"',
        allow_blank=False,
        showErrorMessage=True,
        error=str(words["list_error"]),
    )
    ids.add(f"{col['indicator']}2:{col['indicator']}{last}")
    years = DataValidation(
        type="whole",
        operator="between",
        formula1=str(FIRST_YEAR),
        formula2=str(date.today().year),
        showErrorMessage=True,
    )
    years.add(f"{col['year']}2:{col['year']}{last}")
    counts = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        error=str(words["number_error"]),
    )
    counts.add(f"{col['numerator']}2:{col['denominator']}{last}")
    for validation in (ids, years, counts):
        data.add_data_validation(validation)
    for n, ind in enumerate(catalogue.indicators, start=2):
        r = ind.valid_range
        check = DataValidation(
            type="decimal",
            operator="between",
            formula1=f"{r.min:g}",
            formula2=f"{r.max:g}",
            allow_blank=True,
            showErrorMessage=True,
            error=str(words["range_error"]).format(
                min=f"{r.min:g}", max=f"{r.max:g}", unit=catalogue.units[ind.unit].get(lang)
            ),
        )
        check.add(f"{col['value']}{n}")
        data.add_data_validation(check)
    book.save(path)
