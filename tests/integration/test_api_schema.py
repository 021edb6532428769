"""The API against its own OpenAPI file, with schemathesis: generated requests, valid and
invalid, to every operation; each answer must have a documented status code, content type,
headers and body, valid input must be accepted, invalid input refused with a 4xx, and nothing
may end in a server error. DuckDB only: the backend is covered by test_api; this checks the
contract. The release label is fixed to the published one so valid requests reach real data."""

from __future__ import annotations

import gzip

import brotli
import flask
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from app.api import OPENAPI_PATH
from app.server import create_app
from etl.build import build
from tests.helpers import gealc, ok
from tests.integration.test_releases import load
from tests.integration.test_scores import full_year
from warehouse.db import connect

LABEL = "2024-1"
# Schemathesis sends requests' default Accept-Encoding (gzip, br) but its WSGI transport does not
# decode what comes back: the contract is checked on plain answers, compression separately below.
PLAIN = {"Accept-Encoding": "identity"}


@pytest.fixture(scope="module")
def api_server(tmp_path_factory: pytest.TempPathFactory) -> flask.Flask:
    """The app on a warehouse where URY's and CHL's 2024 values are published as release 2024-1."""
    folder = tmp_path_factory.mktemp("api-schema")
    url = f"duckdb:///{folder / 'warehouse.duckdb'}"
    engine = connect(url)
    build(engine)
    engine.dispose()
    load(
        url, folder, "ury_chl.csv", full_year("URY", 0.8) + full_year("CHL", 0.5).split("\n", 1)[1]
    )
    ok(gealc("review", "approve", "1", db=url))
    ok(gealc("publish", "--label", LABEL, db=url))
    return create_app(url).server


schema = schemathesis.openapi.from_path(OPENAPI_PATH)
schema.config.update(parameters={"label": LABEL})


@schema.parametrize()
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_file(case, api_server):
    case.call_and_validate(app=api_server, headers=PLAIN)


# (path, query): answers holding every row of the release, checked against the file
WHOLE_ANSWERS = [
    ("/api/v1/releases", {}),
    ("/api/v1/releases/{label}", {}),
    ("/api/v1/releases/{label}/values", {"per_page": 1000}),
    ("/api/v1/releases/{label}/values", {"per_page": 1000, "format": "csv"}),
    ("/api/v1/releases/{label}/scores", {"per_page": 1000, "lang": "fr"}),
    ("/api/v1/releases/{label}/package.zip", {}),
    ("/api/v1/catalogue", {}),
    ("/api/v1/catalogue", {"lang": "pt"}),
    ("/api/v1/countries", {}),
    ("/api/v1/gtmi", {"per_page": 1000}),
    ("/api/v1/gtmi", {"format": "csv", "lang": "es"}),
    ("/api/v1/gtmi/indicators", {"per_page": 1000, "lang": "fr"}),
    ("/api/v1/gtmi/indicators", {"per_page": 1000, "page": 2}),
]


def test_whole_answers_conform_to_its_openapi_file(api_server):
    for path, query in WHOLE_ANSWERS:
        case = schema[path]["GET"].Case(
            path_parameters={"label": LABEL} if "{label}" in path else None, query=query
        )
        response = case.call_and_validate(app=api_server, headers=PLAIN)
        assert response.status_code == 200 and response.content, (path, query)


DECODERS = {"gzip": gzip.decompress, "br": brotli.decompress}


@pytest.mark.parametrize("encoding", list(DECODERS))
def test_large_answers_are_compressed_for_clients_that_ask(api_server, encoding):
    """A client that accepts gzip or brotli gets the same bytes, smaller; one that does not,
    plain."""
    client = api_server.test_client()
    path = f"/api/v1/releases/{LABEL}/values?per_page=1000"
    plain = client.get(path, headers=PLAIN)
    packed = client.get(path, headers={"Accept-Encoding": encoding})
    assert plain.headers.get("Content-Encoding") is None
    assert (
        packed.headers["Content-Encoding"] == encoding
        and "Accept-Encoding" in packed.headers["Vary"]
    )
    assert len(packed.data) < len(plain.data) / 3
    assert DECODERS[encoding](packed.data) == plain.data
