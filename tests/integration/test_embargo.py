"""The embargo, tried through everything the server answers, on both backends: every route in
the app's URL map and every callback the browser is told about (`/_dash-dependencies`), with
crafted parameters and payloads naming the countries whose values are not published. Values
loaded but not approved, and a correction approved after the release, never come out."""

from __future__ import annotations

import io
import json
import re
import zipfile
from itertools import product

import pytest

from app.downloads import DATASETS, FORMATS
from app.pagecache import router_request
from app.server import PAGES, create_app
from tests.helpers import gealc, ok
from tests.integration.conftest import built_warehouse
from tests.integration.test_releases import load, states
from tests.integration.test_scores import HEADER, full_year

SECRET = "EMBARGADO"  # in the source and note of every value under embargo
LABEL = "2024-1"
SEARCHES = [
    "",
    "?year=2024",
    "?year=2024&countries=CHL,URY",
    "?lang=en&year=2024&countries=CHL,URY,ARG",
    f"?release={LABEL}&year=2024",
    "?release=does-not-exist",
    "?indicator=SD2&year=2024&lang=fr",
]
PATHS = [*PAGES, "/country/CHL", "/country/URY", "/country/ARG", "/nowhere"]
QUERIES = [
    "",
    "?year=2024&country=CHL&countries=CHL,URY&key=medians&lang=en",
    "?year=2024&country=URY&countries=URY,CHL&key=reporting",
    f"?release={LABEL}&country=CHL&year=2024",
]


def under_embargo(iso3: str, level: float) -> str:
    """A submission whose every row carries the SECRET in its source and note."""
    rows = full_year(iso3, level).splitlines()[1:]
    return (
        HEADER.strip() + ",source,note\n" + "".join(f"{r},{SECRET} {iso3},{SECRET}\n" for r in rows)
    )


@pytest.fixture(scope="module", params=["duckdb", "postgresql"])
def embargoed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """Release 2024-1 holds URY only; CHL's file is accepted and waits for review; URY's
    correction is approved after the release (so it is in no release yet). Built once per
    backend for the module: the tests before the last only read it."""
    tmp_path = tmp_path_factory.mktemp("embargo")
    built = built_warehouse(request, tmp_path)
    load(built, tmp_path, "ury.csv", full_year("URY", 0.8))
    ok(
        gealc(
            "review",
            "approve",
            *[str(i) for i, s in states(built).items() if s[0] == "URY"],
            db=built,
        )
    )
    ok(gealc("publish", "--label", LABEL, db=built))
    load(built, tmp_path, "chl.csv", under_embargo("CHL", 0.6))
    load(built, tmp_path, "ury-2.csv", under_embargo("URY", 0.5))
    correction = max(i for i, s in states(built).items() if s[0] == "URY")
    ok(gealc("review", "approve", str(correction), db=built))
    return built


def readable(body: bytes) -> str:
    """The text of a response: XLSX and ZIP files are opened and every member read."""
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return body.decode("utf-8", "replace")


def filled(rule: str, labels: list[str]) -> list[str] | None:
    """Concrete URLs for a route, or None for the routes that serve files of the app itself."""
    if rule.startswith(("/static/", "/assets/", "/_dash-component-suites/")):
        return None  # the app's own JS/CSS files: no data in them
    if rule == "/<path:path>":
        return PATHS
    if rule == "/download/<name>.<fmt>":
        return [f"/download/{n}.{f}" for n, f in product(DATASETS, FORMATS)]
    names = re.findall(r"<(?:[a-z]+:)?([a-z_]+)>", rule)
    if set(names) - {"label"}:
        pytest.fail(
            f"route {rule} has parameters this test does not know how to fill: add them here"
        )
    return [re.sub(r"<(?:[a-z]+:)?label>", label, rule) for label in [*labels, "does-not-exist"]]


def test_every_route_keeps_the_embargo(embargoed):
    client = create_app(embargoed).server.test_client()
    tried = 0
    for rule in client.application.url_map.iter_rules():
        if "GET" not in rule.methods:
            continue
        for url in filled(rule.rule, [LABEL]) or []:
            for query in QUERIES:
                response = client.get(url + query)
                assert response.status_code < 500, (url + query, response.status_code)
                assert SECRET not in readable(response.data), url + query
                tried += 1
    assert tried > 100


def inputs_for(item: dict, path: str, search: str) -> list:
    """A browser's payload entries for a callback's inputs or state, naming embargoed countries."""
    crafted = {
        "url.pathname": path,
        "url.search": search,
        "country-select.value": "CHL",
        "country-view.data": {"iso3": "URY"},
        "page-view.data": {},
        "explorer-map.clickData": {"points": [{"customdata": "CHL"}]},
        "explorer-tiles.clickData": {"points": [{"customdata": ["CHL"]}]},
    }
    key = f"{item['id']}.{item['property']}"
    if item["id"].startswith("{"):  # pattern-matching: one filter control per key a page shows
        ids = [{"type": "filter", "key": k} for k in ("countries", "year", "indicator")]
        values = {"value": [["CHL", "URY"], 2024, "SD2"], "id": ids}[item["property"]]
        return [
            {"id": i, "property": item["property"], "value": v}
            for i, v in zip(ids, values, strict=True)
        ]
    return {"id": item["id"], "property": item["property"], "value": crafted.get(key)}


def outputs_of(spec: str) -> list[dict] | dict:
    parts = list(spec.strip(".").split("...")) if spec.startswith("..") else [spec]
    out = [
        {"id": p.rsplit(".", 1)[0], "property": p.rsplit(".", 1)[1].split("@")[0]} for p in parts
    ]
    return out if spec.startswith("..") else out[0]


def callback_payload(callback: dict, path: str, search: str) -> str:
    """A `/_dash-update-component` request for `callback` as a browser on `path + search` sends
    it."""
    first = callback["inputs"][0]
    return json.dumps(
        {
            "output": callback["output"],
            "outputs": outputs_of(callback["output"]),
            "inputs": [inputs_for(i, path, search) for i in callback["inputs"]],
            "state": [inputs_for(s, path, search) for s in callback["state"]],
            "changedPropIds": [f"{first['id']}.{first['property']}"],
        }
    )


def test_every_callback_keeps_the_embargo(embargoed):
    client = create_app(embargoed).server.test_client()
    callbacks = [
        c for c in client.get("/_dash-dependencies").get_json() if not c.get("clientside_function")
    ]
    assert len(callbacks) >= 4
    for callback, path, search in product(callbacks, PATHS, SEARCHES):
        response = client.post(
            "/_dash-update-component",
            data=callback_payload(callback, path, search),
            content_type="application/json",
        )
        assert response.status_code in (200, 204), (
            callback["output"],
            path,
            search,
            response.data[:300],
        )
        assert SECRET not in response.get_data(as_text=True), (callback["output"], path, search)


route_payload = router_request  # the name the other sweeps import


def test_the_same_values_come_out_once_published(embargoed):
    """The control for the tests above: once approved and published, the marked values do show,
    on the country's page and in the downloads; the older release still does not have them."""
    ok(
        gealc(
            "review",
            "approve",
            *[str(i) for i, s in states(embargoed).items() if s[0] == "CHL"],
            db=embargoed,
        )
    )
    ok(gealc("publish", "--label", "2024-2", db=embargoed))
    client = create_app(embargoed).server.test_client()
    page = client.post(
        "/_dash-update-component",
        data=route_payload("/country/CHL", "?year=2024"),
        content_type="application/json",
    )
    assert f"{SECRET} CHL" in page.get_data(as_text=True)
    assert f"{SECRET} URY" in readable(client.get("/download/values.xlsx").data)
    older = client.post(
        "/_dash-update-component",
        data=route_payload("/country/URY", f"?year=2024&release={LABEL}"),
        content_type="application/json",
    ).get_data(as_text=True)
    assert SECRET not in older and "2024-2" in older  # the banner links to the latest


def test_an_unknown_release_says_so_and_shows_the_latest(embargoed):
    """A mistyped release in a page's URL: a notice naming it and the latest release's figures;
    in a download's URL: a 400 that says where the published ones are listed."""
    client = create_app(embargoed).server.test_client()
    page = client.post(
        "/_dash-update-component",
        data=route_payload("/", "?release=2024-9&lang=en&year=2024&home-reporting=download"),
        content_type="application/json",
    ).get_data(as_text=True)
    assert "There is no published release '2024-9'; the latest is shown instead." in page
    assert "release=2024-" in page and "release=2024-9" not in page
    download = client.get("/download/values.csv?release=2024-9")
    assert download.status_code == 400 and b"unknown release '2024-9'" in download.data
