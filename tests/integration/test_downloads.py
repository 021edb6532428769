"""Every CSV and XLSX download in the page's language, from the demo warehouse (DuckDB): each
registered dataset in es/en/pt/fr, every heading in the language asked (none left in English on
another page, no column id showing), each coded column (caribbean, composite, very_high…) beside
its name in the language and the same codes in every language, yes/no in words, numbers still
numbers; an XLSX adds an About sheet with the release, the sources, the demonstration notice and
each heading beside its stable id."""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest

from app import download_columns as dc
from app.downloads import DATASETS
from app.pages.home.headlines import HEADLINES
from app.server import create_app
from locales.messages import t

pytestmark = pytest.mark.parametrize("demo_built", ["duckdb"], indirect=True)
LANGS = ("es", "en", "pt", "fr")
VIEW = "year=2024&country=URY&countries=URY,CHL,JAM"
# More views of the downloads whose columns depend on what is shown.
VARIANTS = {
    "headline": [f"year=2024&key={key}" for key in HEADLINES],
    "explorer": ["year=2024", "year=2024&dimension=D2", "year=2024&indicator=FD1"],
    "un-comparison": ["year=2024", "year=2024&measure=D1&index=OSI"],
    "gtmi-comparison": ["year=2024", "year=2024&measure=D2"],
    "compare-indicators": [VIEW, f"{VIEW}&dimension=D3"],
}
# The codes a download must never show without their name beside them.
CODES = {
    *(
        code
        for table in (
            dc.LEVELS,
            dc.EGDI_LEVELS,
            dc.DIRECTIONS,
            dc.MATCHES,
            dc.ANALYSES,
            dc.STATISTICS,
        )
        for code in table
    ),
    "True",
    "False",
}
COLUMN_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$|^[a-z]+$")


@pytest.fixture(scope="module")
def client(demo_built: str):
    return create_app(demo_built).server.test_client()


@pytest.fixture(scope="module")
def subregions(demo_built: str) -> set[str]:
    from tests.helpers import query

    return {row[0] for row in query(demo_built, "SELECT subregion FROM subregions")}


def csv_rows(client, url: str) -> list[list[str]]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.get_data(as_text=True)[-500:])
    assert response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def downloads() -> list[tuple[str, str]]:
    return [(name, q) for name in sorted(DATASETS) for q in VARIANTS.get(name, [VIEW])]


def english_only(lang: str) -> set[str]:
    """The English headings that read otherwise in `lang`: none may be seen on its pages."""
    return {t(msgid, "en") for msgid in dc.HEADINGS.values() if t(msgid, "en") != t(msgid, lang)}


def test_every_download_has_its_sources(client):
    """A download registered without its sources line (or a line for none) fails here."""
    assert set(dc.SOURCES) == set(DATASETS)


def test_every_download_speaks_the_page_language(client, subregions):
    codes = CODES | subregions
    for name, view in downloads():
        by_lang = {
            lang: csv_rows(client, f"/download/{name}.csv?{view}&lang={lang}") for lang in LANGS
        }
        widths = {len(rows[0]) for rows in by_lang.values()}
        assert len(widths) == 1, (name, view, widths)  # the same columns in every language
        code_columns: dict[str, list[int]] = {}
        for lang, (header, *rows) in by_lang.items():
            where = f"{name}?{view}&lang={lang}"
            assert not [h for h in header if COLUMN_ID.match(h)], (where, header)
            if lang != "en":
                assert not set(header) & english_only(lang), (where, header)
            code_headings = {t(dc.HEADINGS[c], lang): c for c in dc.CODE_COLUMNS}
            at = [i for i, h in enumerate(header) if h in code_headings]
            code_columns[lang] = at
            for i in at:  # a code's name follows it; ISO3, the country's where the file has it
                code = code_headings[header[i]]
                follows = header[i + 1] if i + 1 < len(header) else None
                if code in dc.CODES:
                    assert follows == t(dc.HEADINGS[dc.CODES[code][0]], lang), (where, follows)
                elif t("País", lang) in header:
                    assert follows == t("País", lang), (where, follows)
            for row in rows:
                shown = {row[i] for i in range(len(row)) if i not in at}
                assert not shown & codes, (where, shown & codes)
        # The codes are the same in every language: files in two languages join on them.
        assert len({tuple(v) for v in code_columns.values()}) == 1, (name, code_columns)
        for i in code_columns["es"]:
            # (as a multiset: rows sorted by name come in each language's order)
            assert len({tuple(sorted(r[i] for r in rows[1:])) for rows in by_lang.values()}) == 1, (
                name,
                view,
                by_lang["es"][0][i],
            )


def test_an_xlsx_says_what_it_holds_in_the_page_language(client):
    """Every download in French, and one in each language (the About sheet is the same code in
    every language: XLSX files are slow to write and read)."""
    asked = [(n, v, "fr") for n, v in downloads()] + [("catalogue", "", lang) for lang in LANGS]
    for name, view, lang in asked:
        response = client.get(f"/download/{name}.xlsx?{view}&lang={lang}")
        assert response.status_code == 200, (name, view, lang)
        book = openpyxl.load_workbook(io.BytesIO(response.data))
        assert book.sheetnames == [t(dc.DATA_SHEET, lang), t(dc.ABOUT_SHEET, lang)]
        data, about = book.worksheets
        header = [c.value for c in data[1]]
        lines = [tuple(c.value for c in row) for row in about.iter_rows()]
        start = lines.index((t("Columna", lang), t("Id estable de la columna", lang)))
        head, listed = lines[:start], lines[start + 1 : start + 1 + len(header)]
        assert head[0] == (t("GEALC en números", lang), None)
        assert dict(head)[t("Versión", lang)] == "demo", name
        assert dict(head)[t("Datos de demostración", lang)] == t(dc.DEMO_NOTICE, lang), name
        sources = [v for k, v in head if k == t("Fuente", lang)]
        assert len(sources) == len(dc.SOURCES[name]), (name, lang)
        assert [h for h, _ in listed] == header, (name, lang)
        assert all(isinstance(i, str) and i for _, i in listed), (name, lang)


def test_numbers_stay_numbers_and_yes_no_is_in_words(client):
    for lang in ("es", "fr"):
        response = client.get(f"/download/explorer.xlsx?year=2024&lang={lang}")
        data = openpyxl.load_workbook(io.BytesIO(response.data)).worksheets[0]
        rows = list(data.iter_rows(values_only=True))
        header, first = rows[0], rows[1]
        row = dict(zip(header, first, strict=True))
        assert isinstance(row[t("Puntaje", lang)], float)
        assert isinstance(row[t("Año", lang)], int)
        assert row[t("Datos de demostración", lang)] == t("sí", lang)
        assert row[t("Código de nivel", lang)] == "composite"
        assert row[t("Nivel", lang)] == t("Compuesto", lang)
        assert row[t("Código de la medida", lang)] == "GEALC"
        assert row[t("Medida", lang)] == t("Compuesto GEALC", lang)


def test_the_explorer_csv_is_in_spanish_on_a_spanish_page(client):
    """The issue: English headings and `caribbean` on a Spanish page."""
    header, *rows = csv_rows(client, "/download/explorer.csv?year=2024&subregion=caribbean&lang=es")
    assert header[:6] == [
        "ISO3",
        "País",
        "Código de subregión",
        "Subregión",
        "Año",
        "Código de nivel",
    ]
    assert {(r[2], r[3]) for r in rows} == {("caribbean", "Caribe")}
