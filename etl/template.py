"""Submission templates: one row per catalogue indicator for a country and year, with the
catalogue's help beside each row, in the country's language. The XLSX adds an instructions
sheet, a frozen header, a drop-down list of indicator ids and number checks per indicator's
valid range; the CSV is the same table for people who prefer it. A template filled in by hand
loads without edits: the reader knows every heading written here."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from etl.submission.columns import SUBMISSION_COLUMNS, headings, help_headings
from etl.submission.validate import FIRST_YEAR
from indicators.catalogue import Catalogue, Indicator
from indicators.cells import safe_text
from indicators.countries import Country
from locales import LANGUAGES
from locales.formats import fmt_value, separators
from locales.messages import N_, t

HELP_COLUMNS = ("name", "unit", "range", "definition", "numerator_help", "denominator_help")
# Where the decimal separator is a comma (CLDR), Excel separates a CSV's fields with ";".
CSV_DELIMITER = {lang: ";" if separators(lang)[0] == "," else "," for lang in LANGUAGES}

# What the instructions sheet asks, step by step (`{data}`: the data sheet's name).
STEPS = (
    N_(
        "Complete la hoja «{data}»: una fila por indicador. No cambie los títulos ni las columnas "
        "País, Año e Indicador."
    ),
    N_("Escriba el valor en la columna «Valor», en la unidad indicada en la columna «Unidad»."),
    N_(
        "Para los porcentajes y tasas puede escribir el numerador y el denominador y dejar "
        "«Valor» vacío: se calcula."
    ),
    N_("Escriba números sin separador de miles ni signo %; la coma o el punto decimal sirven."),
    N_("Si no tiene un indicador, deje vacía su fila y explique por qué en «Nota»."),
    N_("En «Fuente» indique de dónde viene el dato (institución, registro o encuesta, fecha)."),
    N_("Las columnas grises de la derecha son ayuda del catálogo: no hace falta borrarlas."),
    N_(
        "Guarde el archivo como .xlsx (o CSV) y envíelo. El recibo indica «aceptado» o cada error "
        "con su fila, su columna y cómo corregirlo; los avisos piden una explicación en «Nota»."
    ),
)


def template_rows(
    catalogue: Catalogue, country: Country, year: int, lang: str
) -> tuple[list[str], list[list[object]]]:
    """Headings and one row per indicator: country, year and indicator filled in, values
    empty, the catalogue's help after them."""
    titles = [headings(lang)[c] for c in SUBMISSION_COLUMNS] + [
        help_headings(lang)[c] for c in HELP_COLUMNS
    ]
    empty = [None] * 5  # value, numerator, denominator, source, note: the country's to fill
    rows = [
        [country.iso3, year, ind.id, *empty, *_help(catalogue, ind, lang)]
        for ind in catalogue.indicators
    ]
    return titles, rows


def _help(catalogue: Catalogue, ind: Indicator, lang: str) -> list[str]:
    r = ind.valid_range
    return [
        ind.name.get(lang),
        catalogue.units[ind.unit].get(lang),
        f"{fmt_value(r.min, lang)} – {fmt_value(r.max, lang)}",
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
    titles, rows = template_rows(catalogue, country, year, lang)
    # UTF-8 with BOM: Excel then shows the accents right in every locale.
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=CSV_DELIMITER[lang], lineterminator="\r\n")
        writer.writerow(titles)
        writer.writerows([["" if v is None else safe_text(v) for v in row] for row in rows])


def _write_xlsx(path: Path, catalogue: Catalogue, country: Country, year: int, lang: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    info = book.active
    info.title = t("Instrucciones", lang)
    sheet = t("Datos", lang)
    data = book.create_sheet(sheet)
    name = country.name.get(lang)
    info.append(
        [
            t(
                "Red GEALC — plantilla de indicadores de {country}, año {year}",
                lang,
                country=name,
                year=year,
            )
        ]
    )
    info["A1"].font = Font(bold=True, size=14)
    note = catalogue.status_note.get(lang)
    info.append(
        [t("Catálogo de indicadores {edition}. {note}", lang, edition=catalogue.edition, note=note)]
    )
    info.append([])
    for n, step in enumerate(STEPS, start=1):
        info.append([f"{n}. {t(step, lang, data=sheet)}"])
    info.column_dimensions["A"].width = 140

    titles, rows = template_rows(catalogue, country, year, lang)
    data.append(titles)
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
        error=t("Elija un código de indicador de la lista.", lang),
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
        error=t("Escriba un número mayor o igual que 0.", lang),
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
            error=t(
                "El valor debe estar entre {min} y {max} ({unit}).",
                lang,
                min=fmt_value(r.min, lang),
                max=fmt_value(r.max, lang),
                unit=catalogue.units[ind.unit].get(lang),
            ),
        )
        check.add(f"{col['value']}{n}")
        data.add_data_validation(check)
    book.save(path)
