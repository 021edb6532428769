"""No server error from what a user (or anyone) sends: every callback with odd values for each
input, callback requests that are not what a page sends, and a sign-in `next=` with line breaks —
always an answer below 500, on both backends."""

from __future__ import annotations

import json
from itertools import product

import pytest

from tests.integration.test_embargo import callback_payload
from tests.portal_helpers import ACCOUNTS, add_accounts, csrf_token, site_client

ODD = [None, "zz", 12, [], [1, "x"], {}, {"points": "zz"}, {"points": [1]}, {"iso3": 5}, "\r\n"]
MALFORMED = [
    b"",
    b"{",
    b"[]",
    b'{"output": 1}',
    b'{"output": "nobody.children", "inputs": []}',
    b'{"output": "..shell.children...page-lang.data..", "inputs": "x"}',
    b'{"output": "..shell.children...page-lang.data..", "inputs": [], "state": 7}',
    b'{"output": "..shell.children...page-lang.data..", "inputs": [{}, {}]}',
    b'{"output": "..shell.children...page-lang.data..", "inputs": [{"id": "url"}]}',
    (
        b'{"output": "..shell.children...page-lang.data..", "outputs": "x", "inputs": '
        b'[{"id": "url", "property": "pathname"}, {"id": "url", "property": "search"}], '
        b'"changedPropIds": [{}]}'
    ),
]


@pytest.fixture
def client(built, tmp_path):
    add_accounts(built)
    return site_client(built, tmp_path / "uploads")


def test_every_callback_with_odd_values_answers_below_500(client):
    callbacks = [
        c for c in client.get("/_dash-dependencies").get_json() if not c.get("clientside_function")
    ]
    assert len(callbacks) >= 4
    for callback in callbacks:
        sound = json.loads(callback_payload(callback, "/explorer", "?lang=es"))
        for position, odd in product(range(len(sound["inputs"])), ODD):
            crafted = json.loads(json.dumps(sound))
            entry = crafted["inputs"][position]
            for item in entry if isinstance(entry, list) else [entry]:
                item["value"] = odd
            response = client.post("/_dash-update-component", json=crafted)
            assert response.status_code < 500, (callback["output"], position, odd)


@pytest.mark.parametrize("body", MALFORMED)
def test_a_callback_request_no_page_sends_is_refused_not_a_server_error(client, body):
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 400 and response.get_json() == {
        "error": "malformed callback request"
    }


@pytest.mark.parametrize(
    "target", ["/portal\r\nSet-Cookie: x=1", "/portal\nX: y", "/\\evil.example", "//evil.example"]
)
def test_a_sign_in_next_with_line_breaks_goes_home(client, target):
    name, password = "sec", ACCOUNTS["sec"][2]
    form = {"username": name, "password": password, "csrf_token": csrf_token(client)}
    response = client.post("/login", data={**form, "next": target})
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/portal/submissions")
    assert "\n" not in response.headers["Location"] and "evil" not in response.headers["Location"]
