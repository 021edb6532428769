"""The read-only API and the open-data package on DuckDB and PostgreSQL, from a warehouse where
URY's 2024 values are published as release 2024-1 and CHL's are loaded but still under review:
listing, filters, pagination, CSV, refusals with 400/404, and CHL's values nowhere — in no API
answer and in no file of the package. The members' World Bank GTMI figures are served as
reference data and packaged with their citation and licence. The package's columns are the ones
its datapackage.json describes, a formula a country typed comes out as text, and the same release
gives the same bytes."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import openpyxl
import pytest

from app import opendata
from app.api import OPENAPI, package_url
from app.caching import FRESH
from app.release import Releases
from app.server import create_app
from etl.gtmi import COMPOSITES_REFERENCE_PATH, INDICATORS_REFERENCE_PATH
from indicators.catalogue import load_catalogue
from indicators.countries import load_members
from indicators.gtmi import load_gtmi
from tests.helpers import gealc, ok
from tests.integration.conftest import built_warehouse
from tests.integration.test_releases import load, states
from tests.integration.test_scores import full_year
from warehouse.db import connect

LABEL = "2024-1"
FORMULA = '=HYPERLINK("http://evil.test","click")'
EMBARGOED = "CHL-under-review-note"
API = "/api/v1"
VALUES = f"{API}/releases/{LABEL}/values"
SCORES = f"{API}/releases/{LABEL}/scores"
GTMI = f"{API}/gtmi"
GTMI_INDICATORS = f"{API}/gtmi/indicators"


def shipped(path) -> list[dict[str, str]]:
    """Rows of a GTMI extract the project ships (data/reference), read with the csv module."""
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def submission(iso3: str, level: float, source: str, note: str) -> str:
    """`full_year` with a source and a note on every row (CSV-quoted)."""
    header, *rows = full_year(iso3, level).splitlines()
    quoted = ",".join('"' + text.replace('"', '""') + '"' for text in (source, note))
    return "\n".join([f"{header},source,note", *(f"{row},{quoted}" for row in rows)]) + "\n"


@pytest.fixture(scope="module", params=["duckdb", "postgresql"])
def published(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A warehouse on each backend, made once for the module (its tests only read it): URY 2024
    approved and published as 2024-1 (its source is a formula), then CHL 2024 loaded and left
    under review."""
    folder = tmp_path_factory.mktemp("api")
    url = built_warehouse(request, folder)
    load(url, folder, "ury.csv", submission("URY", 0.8, FORMULA, "ordinary note"))
    ok(
        gealc(
            "review", "approve", *[str(i) for i, s in states(url).items() if s[0] == "URY"], db=url
        )
    )
    ok(gealc("publish", "--label", LABEL, "--note", "first", db=url))
    load(url, folder, "chl.csv", submission("CHL", 0.6, "Ministerio", EMBARGOED))
    return url


def get_json(client, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, (url, response.get_data(as_text=True))
    assert response.mimetype == "application/json", url
    return response.get_json()


def all_pages(client, url: str) -> list[dict]:
    """Every row, following the `next` links from `url`."""
    rows, next_url = [], url
    while next_url:
        body = get_json(client, next_url)
        rows += body["data"]
        next_url = body["links"].get("next")
    return rows


def test_api_answers_from_the_published_release_only(published):
    client = create_app(published).server.test_client()

    listing = client.get(f"{API}/releases")
    assert listing.headers["Cache-Control"] == FRESH
    [release] = listing.get_json()["data"]
    assert (release["label"], release["note"], release["value_count"], release["is_demo"]) == (
        LABEL,
        "first",
        15,
        False,
    )
    assert release["created_at"].endswith("Z") and len(release["sha256"]) == 64
    assert release["links"]["package"] == package_url(LABEL)
    one = client.get(f"{API}/releases/{LABEL}")
    assert one.get_json() == release and "immutable" in one.headers["Cache-Control"]

    values = get_json(client, VALUES)
    assert (values["total"], values["pages"], {r["iso3"] for r in values["data"]}) == (
        15,
        1,
        {"URY"},
    )
    assert {r["source"] for r in values["data"]} == {
        FORMULA
    }  # JSON is not a spreadsheet: the text as given
    assert get_json(client, f"{VALUES}?country=URY&indicator=SD1,SD2&year=2024")["total"] == 2
    assert {
        r["indicator_id"] for r in get_json(client, f"{VALUES}?dimension=D1&lang=es")["data"]
    } == {"SD1", "SD2", "SD3"}
    assert get_json(client, f"{VALUES}?year=2023")["total"] == 0
    assert (
        get_json(client, f"{VALUES}?country=CHL")["total"] == 0
    )  # a member, but nothing of it is published
    assert get_json(client, f"{VALUES}?indicator=SD1&lang=pt")["data"][0]["country"] == "Uruguai"

    page = get_json(client, f"{VALUES}?per_page=4&page=4")
    assert (page["total"], page["pages"], len(page["data"]), "next" in page["links"]) == (
        15,
        4,
        3,
        False,
    )
    assert page["links"]["prev"].endswith("page=3")
    paged = all_pages(client, f"{VALUES}?per_page=4")
    assert paged == values["data"]
    assert get_json(client, f"{VALUES}?page=9")["data"] == []

    as_csv = client.get(f"{VALUES}?per_page=4", headers={"Accept": "text/csv"})
    assert as_csv.mimetype == "text/csv" and as_csv.headers["X-Total-Count"] == "15"
    assert (
        'page=2>; rel="next"' in as_csv.headers["Link"]
        and 'page=4>; rel="last"' in as_csv.headers["Link"]
    )
    rows = list(csv.DictReader(io.StringIO(as_csv.get_data().decode("utf-8-sig"))))
    assert [r["indicator_id"] for r in rows] == [r["indicator_id"] for r in paged[:4]]
    assert {r["source"] for r in rows} == {"'" + FORMULA}  # neutralised for spreadsheets
    assert client.get(f"{VALUES}?format=csv&per_page=4").get_data() == as_csv.get_data()

    composite = get_json(client, f"{SCORES}?level=composite")["data"]
    assert [(r["iso3"], r["id"], r["rank"]) for r in composite] == [("URY", "GEALC", 1)]
    d1 = get_json(client, f"{SCORES}?dimension=D1")["data"]
    assert sorted((r["level"], r["id"]) for r in d1) == [
        ("dimension", "D1"),
        ("indicator", "SD1"),
        ("indicator", "SD2"),
        ("indicator", "SD3"),
    ]
    assert [r["id"] for r in get_json(client, f"{SCORES}?indicator=FD2")["data"]] == ["FD2"]
    assert {r["iso3"] for r in all_pages(client, SCORES)} == {"URY"}

    catalogue = get_json(client, f"{API}/catalogue")
    assert catalogue["total"] == 15 and {"name_es", "name_fr", "definition_pt"} <= set(
        catalogue["data"][0]
    )
    assert (
        get_json(client, f"{API}/catalogue?lang=fr")["data"][0]["name"]
        == catalogue["data"][0]["name_fr"]
    )
    assert get_json(client, f"{API}/countries")["total"] == 33

    # Nothing of the submission under review, anywhere the API answers.
    for url in (
        f"{API}/releases",
        f"{API}/releases/{LABEL}",
        f"{VALUES}?per_page=1000",
        f"{SCORES}?per_page=1000",
        f"{VALUES}?format=csv&per_page=1000",
        f"{SCORES}?format=csv&per_page=1000&country=CHL",
        f"{API}/catalogue",
        f"{API}/countries",
        f"{API}/openapi.json",
    ):
        assert EMBARGOED not in client.get(url).get_data(as_text=True), url


REFUSALS = [  # (url, the parameter named, what the message says is allowed)
    (f"{VALUES}?colour=red", "colour", "accepts country, year, indicator"),
    (f"{VALUES}?year=twenty", "year", "from 1990 to 2100"),
    (f"{VALUES}?year=2024.5", "year", "from 1990 to 2100"),
    (f"{VALUES}?year=2024&year=2023", "year", "separated by commas"),
    (f"{VALUES}?country=URY,ESP", "country", "member countries"),
    (f"{VALUES}?country=ury", "country", "URY"),
    (f"{VALUES}?indicator=XX9", "indicator", "SD1"),
    (f"{VALUES}?dimension=D9", "dimension", "D6"),
    (f"{VALUES}?per_page=0", "per_page", "from 1 to 1000"),
    (f"{VALUES}?per_page=1001", "per_page", "from 1 to 1000"),
    (f"{VALUES}?page=-1", "page", "from 1"),
    (f"{VALUES}?lang=de", "lang", "es, en, pt, fr"),
    (f"{VALUES}?format=xml", "format", "json, csv"),
    (f"{SCORES}?level=total", "level", "composite"),
    (f"{API}/releases?page=2", "page", "takes no parameters"),
    (f"{API}/catalogue?lang=", "lang", "es, en, pt, fr"),
    (f"{GTMI}?year=2021", "year", "GTMI survey years separated by commas, among 2020, 2022, 2025"),
    (f"{GTMI}?year=twenty", "year", "2020, 2022, 2025"),
    (f"{GTMI}?country=ESP", "country", "member countries"),
    (f"{GTMI}?indicator=I-1", "indicator", "accepts country, year, lang"),
    (f"{GTMI}?lang=de", "lang", "es, en, pt, fr"),
    (f"{GTMI}?per_page=1001", "per_page", "from 1 to 1000"),
    (f"{GTMI}?format=xlsx", "format", "json, csv"),
    (
        f"{GTMI_INDICATORS}?indicator=I-49",
        "indicator",
        "GTMI question ids separated by commas, among I-1, I-2",
    ),
    (f"{GTMI_INDICATORS}?indicator=SD1", "indicator", "I-48"),
    (f"{GTMI_INDICATORS}?level=composite", "level", "accepts country, year, indicator"),
    (f"{API}/releases/nope/values", "label", "/api/v1/releases"),
    (f"{API}/releases/nope/package.zip", "label", "/api/v1/releases"),
    (f"{API}/releases/nope", "label", "/api/v1/releases"),
    (f"{API}/nothing", None, "openapi.json"),
]


def test_gtmi_is_served_as_the_world_bank_published_it(published):
    """Reference data like the countries: from the latest release's copy, every member figure as
    in the shipped extract, no row for a survey a member missed, filters, labels and CSV."""
    client = create_app(published).server.test_client()
    composites = all_pages(client, f"{GTMI}?per_page=7")
    expected = shipped(COMPOSITES_REFERENCE_PATH)
    assert [(r["iso3"], r["year"]) for r in composites] == sorted(
        (r["iso3"], int(r["year"])) for r in expected
    )
    by_key = {(r["iso3"], int(r["year"])): r for r in expected}
    for row in composites:
        source = by_key[row["iso3"], row["year"]]
        assert row["group"] == source["grp"], row
        for name in ("gtmi", "cgsi", "psdi", "dcei", "gtei"):
            assert row[name] == float(source[name]), (row, name)
    assert ("NIC", 2025) not in by_key and len(composites) == 33 * 3 - 1

    first = get_json(client, GTMI)
    assert (first["release"], first["total"]) == (LABEL, 98)
    assert client.get(GTMI).headers["Cache-Control"] == FRESH
    uruguay = get_json(client, f"{GTMI}?country=URY&year=2022,2025&lang=es")["data"]
    assert [(r["country"], r["year"], r["group"]) for r in uruguay] == [
        ("Uruguay", 2022, "A"),
        ("Uruguay", 2025, "A"),
    ]
    assert get_json(client, f"{GTMI}?country=NIC&year=2025")["total"] == 0
    as_csv = client.get(f"{GTMI}?country=HTI", headers={"Accept": "text/csv"})
    rows = list(csv.DictReader(io.StringIO(as_csv.get_data().decode("utf-8-sig"))))
    assert as_csv.mimetype == "text/csv" and as_csv.headers["X-Total-Count"] == "3"
    assert [r["year"] for r in rows] == ["2020", "2022", "2025"] and rows[0]["country"] == "Haiti"

    answers = all_pages(client, f"{GTMI_INDICATORS}?per_page=1000")
    source = {
        (r["iso3"], int(r["year"]), r["indicator_id"]): float(r["value"] or "nan")
        for r in shipped(INDICATORS_REFERENCE_PATH)
    }
    # JSON keeps 15 decimals: another body's index (I-43) may differ in the 16th; NaN: no value.
    assert {
        (r["iso3"], r["year"], r["indicator_id"]): float(
            "nan" if r["value"] is None else r["value"]
        )
        for r in answers
    } == pytest.approx(source, rel=1e-14, nan_ok=True)
    assert len(answers) == 33 * 48 and {
        r["value"] for r in answers if r["indicator_id"] == "I-26"
    } == {None}
    asked = get_json(client, f"{GTMI_INDICATORS}?country=URY,HTI&indicator=I-42,I-3,I-16&lang=pt")
    # In the World Bank's order; levels with their top level, the UN index (I-16) without one.
    assert [(r["iso3"], r["indicator_id"], r["scale_max"]) for r in asked["data"]] == [
        (iso3, question, top)
        for iso3 in ("HTI", "URY")
        for question, top in (("I-3", 2), ("I-16", None), ("I-42", 3))
    ]
    levels = {(r["iso3"], r["indicator_id"]): r["value"] for r in asked["data"]}
    assert (levels["URY", "I-42"], levels["URY", "I-3"], levels["HTI", "I-42"]) == (3, 2, 0)
    labels = {q.id: q.label.pt for q in load_gtmi().indicators}
    assert all(r["indicator"] == labels[r["indicator_id"]] for r in asked["data"])
    assert get_json(client, f"{GTMI_INDICATORS}?year=2020")["total"] == 0  # 2022 only
    assert EMBARGOED not in client.get(f"{GTMI}?country=CHL&format=csv").get_data(as_text=True)


def test_every_score_row_says_what_its_rank_means_and_whether_it_is_demonstration(published):
    client = create_app(published).server.test_client()
    rows = all_pages(client, SCORES)
    assert {r["is_demo"] for r in rows} == {False}
    [composite] = [r for r in rows if r["level"] == "composite"]
    # One country ranked: first in every variant of the method.
    assert (composite["rank"], composite["rank_low"], composite["rank_high"]) == (1, 1, 1)
    assert composite["rank_share"] == 1.0 and composite["coverage"] == 15
    assert {r["rank_share"] for r in rows if r["level"] != "composite"} == {None}
    statistics = all_pages(client, f"{API}/releases/{LABEL}/statistics?year=2024")
    factors = {r["item"] for r in statistics if r["analysis"] == "sensitivity"}
    assert factors == {
        "indicator_weights",
        "dimension_weights",
        "goalposts",
        "aggregation",
        "missing_data",
    }
    assert get_json(client, f"{API}/releases/{LABEL}/statistics?year=2023")["total"] == 0


def test_bad_requests_are_refused_with_what_is_allowed(published):
    client = create_app(published).server.test_client()
    for url, parameter, says in REFUSALS:
        status = 404 if "nope" in url or "nothing" in url else 400
        body = get_json(client, url, status)
        assert body["parameter"] == parameter and says in body["error"], (url, body)
    # The message speaks the request's language when it names one (the field names stay English).
    said = {
        lang: get_json(client, f"{VALUES}?lang={lang}&per_page=0", 400)["error"]
        for lang in ("es", "pt", "fr")
    }
    assert said == {
        "es": "per_page debe ser un número entero de 1 a 1000 (se recibió «0»)",
        "pt": "per_page deve ser um número inteiro de 1 a 1000 (recebido: “0”)",
        "fr": "per_page doit être un nombre entier de 1 à 1000 (reçu\u00a0: «\u00a00\u00a0»)",
    }
    refused = client.post(f"{API}/releases")
    assert (
        refused.status_code == 405
        and refused.get_json()["parameter"] is None
        and "GET" in refused.headers["Allow"]
    )


def test_package_of_a_release(published):
    client = create_app(published).server.test_client()
    response = client.get(package_url(LABEL))
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"] == f'attachment; filename="gealc-{LABEL}.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.get_data()))
    files = {name: archive.read(name) for name in archive.namelist()}
    assert set(files) == {
        "values.csv",
        "values.xlsx",
        "scores.csv",
        "scores.xlsx",
        "catalogue.csv",
        "dimensions.csv",
        "countries.csv",
        "un_egov.csv",
        "gtmi.csv",
        "gtmi_indicators.csv",
        "statistics.csv",
        "datapackage.json",
        "README.md",
    }

    package = json.loads(files["datapackage.json"])
    assert (package["version"], package["licenses"][0]["name"]) == (LABEL, "CC-BY-4.0")
    tables = {}
    for resource in package["resources"]:
        header, *rows = list(csv.reader(io.StringIO(files[resource["path"]].decode("utf-8-sig"))))
        fields = resource["schema"]["fields"]
        assert header == [f["name"] for f in fields], resource["name"]
        assert all(
            f["description"] and f["type"] in {"string", "integer", "number", "boolean"}
            for f in fields
        )
        keys = [
            tuple(row[header.index(k)] for k in resource["schema"]["primaryKey"]) for row in rows
        ]
        assert len(keys) == len(set(keys)), resource["name"]
        tables[resource["name"]] = [dict(zip(header, row, strict=True)) for row in rows]
    assert {r["iso3"] for r in tables["values"]} == {"URY"} and len(tables["values"]) == 15
    assert {r["iso3"] for r in tables["scores"]} == {"URY"}
    assert (len(tables["countries"]), len(tables["catalogue"]), len(tables["un_egov"])) == (
        33,
        15,
        33 * 12,
    )
    assert {r["source"] for r in tables["values"]} == {"'" + FORMULA}
    assert (len(tables["gtmi"]), len(tables["gtmi_indicators"])) == (98, 33 * 48)
    assert tables["gtmi_indicators"][0]["indicator_id"] == "I-1"
    assert tables["gtmi_indicators"][9]["indicator_id"] == "I-10"  # the World Bank's order
    resources = {r["name"]: r for r in package["resources"]}
    assert "UN DESA" in json.dumps(resources["un_egov"])
    assert resources["un_egov"]["licenses"][0]["path"] == opendata.UN_TERMS["path"]
    gtmi = load_gtmi().source
    for name in ("gtmi", "gtmi_indicators"):
        assert resources[name]["sources"] == [{"title": gtmi.citation.en, "path": gtmi.url}]
        assert [lic["name"] for lic in resources[name]["licenses"]] == [gtmi.licence]
        assert {"fields": "iso3", "reference": {"resource": "countries", "fields": "iso3"}} in (
            resources[name]["schema"]["foreignKeys"]
        )
    assert "not ranks" in json.dumps(resources["gtmi"]["schema"])
    assert gtmi.url in [s.get("path") for s in package["sources"]]

    book = openpyxl.load_workbook(io.BytesIO(files["values.xlsx"]))
    sheet = book.active
    column = [c.value for c in sheet[1]].index("source") + 1
    cells = [sheet.cell(row=r, column=column) for r in range(2, sheet.max_row + 1)]
    assert {(c.value, c.data_type) for c in cells} == {("'" + FORMULA, "s")}
    texts = [
        str(c.value)
        for name in ("values.xlsx", "scores.xlsx")
        for row in openpyxl.load_workbook(io.BytesIO(files[name])).active.iter_rows()
        for c in row
    ]
    assert not any(EMBARGOED in text or text == "CHL" for text in texts)
    assert not any(EMBARGOED.encode() in data for data in files.values())

    readme = files["README.md"].decode()
    [release] = client.get(f"{API}/releases").get_json()["data"]
    assert LABEL in readme and release["sha256"] in readme
    assert (
        "Creative Commons Attribution 4.0" in readme
        and "UN DESA" in readme
        and "How to cite" in readme
    )
    assert f"{gtmi.citation.en}, 2022" in readme and "gtmi_indicators.csv" in readme
    assert gtmi.url in readme and "CC-BY-4.0" in readme.split("World Bank GovTech", 1)[1]

    # Built again from another copy of the release: the same bytes.
    engine = connect(published, read_only=True)
    try:
        assert opendata.package(Releases(engine).snapshot(LABEL)) == response.get_data()
    finally:
        engine.dispose()


def test_openapi_lists_the_members_the_catalogue_and_the_gtmi():
    """The API refuses values its OpenAPI file does not list, so the file must list what exists."""
    parameters = OPENAPI["components"]["parameters"]
    assert parameters["Country"]["schema"]["items"]["enum"] == sorted(
        c.iso3 for c in load_members().countries
    )
    catalogue = load_catalogue()
    assert parameters["Indicator"]["schema"]["items"]["enum"] == [
        i.id for i in catalogue.indicators
    ]
    assert parameters["Dimension"]["schema"]["items"]["enum"] == [
        d.id for d in catalogue.dimensions
    ]
    surveys = {int(r["year"]) for r in shipped(COMPOSITES_REFERENCE_PATH)}
    assert parameters["GtmiYear"]["schema"]["items"]["enum"] == sorted(surveys)
    assert parameters["GtmiQuestion"]["schema"]["items"]["enum"] == [
        q.id for q in load_gtmi().indicators
    ]
