"""Answers that depend only on a release are cacheable at the edge (issue 22): a download or API
answer of a named release is kept for good, one of "latest" is revalidated, and a request that
already holds the answer's ETag gets 304 with no body."""

from __future__ import annotations

import json
import re

import pytest

from app.caching import FRESH, IMMUTABLE
from app.pagecache import router_request
from app.server import create_app


@pytest.fixture(scope="module")
def client(demo_built: str):
    return create_app(demo_built).server.test_client()


@pytest.fixture(scope="module")
def label(client) -> str:
    return client.get("/api/v1/releases").get_json()["data"][0]["label"]


def test_a_named_releases_download_is_kept_for_good_and_latest_is_revalidated(client, label):
    named = client.get(f"/download/scores.csv?release={label}&lang=en")
    assert named.status_code == 200 and named.headers["Cache-Control"] == IMMUTABLE
    etag = named.headers["ETag"]
    again = client.get(
        f"/download/scores.csv?release={label}&lang=en", headers={"If-None-Match": etag}
    )
    assert again.status_code == 304 and again.data == b""
    latest = client.get("/download/scores.csv?lang=en")
    assert latest.headers["Cache-Control"] == FRESH
    assert latest.data == named.data and latest.headers["ETag"] == etag  # the same bytes
    other = client.get("/download/scores.csv?lang=es", headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["ETag"] != etag  # another language


def test_api_answers_carry_validators(client, label):
    values = client.get(f"/api/v1/releases/{label}/values?per_page=5")
    assert values.headers["Cache-Control"] == IMMUTABLE and values.headers["ETag"]
    held = client.get(
        f"/api/v1/releases/{label}/values?per_page=5",
        headers={"If-None-Match": values.headers["ETag"]},
    )
    assert held.status_code == 304
    listing = client.get("/api/v1/releases")
    assert listing.headers["Cache-Control"] == FRESH and listing.headers["ETag"]
    refused = client.get("/download/scores.csv?release=nope")
    assert refused.status_code == 400 and "ETag" not in refused.headers  # errors are not kept


def test_the_page_sends_no_datatable_bundle(client):
    page = client.get("/").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert any("dash_renderer" in src for src in scripts)
    assert not [src for src in scripts if "dash_table" in src]


def test_pages_carry_a_validator_and_revalidate(client):
    first = client.get("/explorer?lang=en")
    second = client.get("/explorer?lang=en")
    assert first.headers["Cache-Control"] == FRESH  # the latest release: may change
    assert first.headers["ETag"] == second.headers["ETag"]  # the same page, the same validator
    held = client.get("/explorer?lang=en", headers={"If-None-Match": first.headers["ETag"]})
    assert held.status_code == 304 and held.data == b""
    other = client.get("/explorer?lang=es", headers={"If-None-Match": first.headers["ETag"]})
    assert other.status_code == 200 and other.headers["ETag"] != first.headers["ETag"]


def test_versioned_static_files_are_kept_for_good(client):
    page = client.get("/").get_data(as_text=True)
    stylesheets = re.findall(r'<link rel="stylesheet" href="(/assets/[^"]+)"', page)
    assert stylesheets and all("?m=" in href for href in stylesheets)
    for href in stylesheets:
        assert client.get(href).headers["Cache-Control"] == IMMUTABLE
    assert client.get("/assets/gealc.css").headers["Cache-Control"] != IMMUTABLE  # unversioned
    made_up = client.get("/assets/gealc.css?m=1")  # an old or made-up version: not for good
    assert made_up.status_code == 200 and made_up.headers["Cache-Control"] != IMMUTABLE


def test_the_pages_scripts_wait_until_the_first_view_is_on_screen(client):
    page = client.get("/").get_data(as_text=True)
    template = re.search(r'<template id="gealc-scripts">(.*?)</template>', page, re.S)
    assert template and "dash_renderer" in template.group(1)
    outside = page.replace(template.group(0), "")
    assert not re.findall(r"<script src=", outside)  # nothing fetched before the first view
    assert "new DashRenderer()" in outside  # the loader, in Dash's renderer script


def test_a_page_is_compressed_once_and_every_visitor_gets_the_same_bytes(client):
    import brotli

    first = client.get("/compare?lang=en", headers={"Accept-Encoding": "br"})
    second = client.get("/compare?lang=en", headers={"Accept-Encoding": "br"})
    assert first.headers["Content-Encoding"] == "br" and first.data == second.data
    plain = client.get("/compare?lang=en")
    token = re.compile(rb'"end_id":"[^"]*"')  # Dash's per-request token, not content
    assert token.sub(b"", brotli.decompress(first.data)) == token.sub(b"", plain.data)
    for _ in range(2):  # built, then kept: the kept answer is the plain JSON, compressed once
        router = client.post(
            "/_dash-update-component",
            data=router_request("/compare", "?lang=en"),
            content_type="application/json",
            headers={"Accept-Encoding": "br"},
        )
        assert json.loads(brotli.decompress(router.data))["response"]
