"""The CSV for a spreadsheet in Spanish, Portuguese or French (`?decimal=comma`): `;` between
fields and a decimal comma, so Excel set to those languages opens it in columns, with the same rows
as the plain CSV (commas and a decimal point, for programs), from the demo warehouse."""

from __future__ import annotations

import csv
import io
import re

import pytest

from app.server import create_app
from tests.integration.test_downloads import downloads

pytestmark = pytest.mark.parametrize("demo_built", ["duckdb"], indirect=True)
NUMBER = re.compile(r"^-?\d+\.\d+(e[+-]?\d+)?$")


@pytest.fixture(scope="module")
def client(demo_built: str):
    return create_app(demo_built).server.test_client()


def fetched(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, (url, response.get_data(as_text=True)[-500:])
    assert response.mimetype == "text/csv"
    return response.data


def rows(data: bytes, separator: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=separator))


def test_the_explorer_csv_for_a_spanish_excel(client):
    plain = fetched(client, "/download/explorer.csv?year=2024&lang=es")
    comma = fetched(client, "/download/explorer.csv?year=2024&lang=es&decimal=comma")
    assert comma.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark: Excel shows accents
    lines = comma.split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in line for line in lines)  # CRLF only
    assert lines[0].decode("utf-8-sig").startswith("ISO3;País;")
    header, *body = rows(comma, ";")
    score = header.index("Puntaje")
    plain_rows = rows(plain, ",")[1:]
    assert [r[score] for r in body] == [r[score].replace(".", ",") for r in plain_rows]
    scores = [r[score] for r in body if r[score]]  # a country with no score has an empty cell
    assert scores and all(re.fullmatch(r"\d+,\d", s) for s in scores)  # 81,9: a decimal comma
    assert not any(NUMBER.match(cell) for row in body for cell in row)  # no decimal point left


@pytest.mark.parametrize(("name", "view"), downloads())
def test_every_csv_has_the_same_rows_with_a_decimal_comma(client, name, view):
    url = f"/download/{name}.csv?{view}&lang=fr"
    plain = rows(fetched(client, url), ",")
    comma = rows(fetched(client, f"{url}&decimal=comma"), ";")
    assert comma[0] == plain[0]
    assert len(comma) == len(plain)
    for ours, theirs in zip(comma[1:], plain[1:], strict=True):
        assert len(ours) == len(theirs)
        for a, b in zip(ours, theirs, strict=True):
            assert a == (b.replace(".", ",") if NUMBER.match(b) else b), (name, view, a, b)


def test_the_plain_csv_is_unchanged_and_a_wrong_decimal_is_refused(client):
    assert fetched(client, "/download/explorer.csv?year=2024&decimal=dot") == fetched(
        client, "/download/explorer.csv?year=2024"
    )
    response = client.get("/download/explorer.csv?year=2024&decimal=semicolon")
    assert response.status_code == 400
    assert "comma" in response.get_data(as_text=True)
    # a workbook holds numbers, not text: the choice does not change it
    assert client.get("/download/explorer.xlsx?year=2024&decimal=comma").status_code == 200


def test_the_file_name_says_which_csv_it_is(client):
    response = client.get("/download/explorer.csv?year=2024&decimal=comma")
    assert "decimal-comma.csv" in response.headers["Content-Disposition"]
