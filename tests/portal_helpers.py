"""The portal in tests: accounts on a warehouse, the site on a Flask test client or as a real
`gealc serve` process, signing in and the CSRF token as a browser gets them."""

from __future__ import annotations

import io
import re
from pathlib import Path

from flask.testing import FlaskClient

from etl.accounts import Account, add_user
from gealc.config import Settings
from gealc.site import create_site
from indicators.countries import load_members
from warehouse.db import connect

SECRET = "tests-only-secret-" + "0123456789abcdef" * 2
# username: (role, iso3, password)
ACCOUNTS = {
    "ury": ("country", "URY", "uruguay-focal-pass"),
    "chl": ("country", "CHL", "chile-focal-pass-1"),
    "sec": ("secretariat", None, "secretariat-pass-1"),
    "adm": ("admin", None, "administrator-pass"),
}


def add_accounts(url: str) -> None:
    """The test accounts, added as `gealc users add` adds them."""
    members = tuple(load_members().iso3_codes)
    engine = connect(url)
    with engine.connect() as conn, conn.begin():
        for name, (role, iso3, password) in ACCOUNTS.items():
            add_user(
                conn,
                Account(name, role, iso3, display_name=name.upper()),
                password,
                "tests",
                members=members,
            )
    engine.dispose()


def site_client(url: str, upload_area: Path) -> FlaskClient:
    """A test client of the whole site (public pages and portal) on `url`."""
    app = create_site(
        Settings(database_url=url, upload_dir=upload_area), SECRET, secure_cookies=False
    )
    app.server.config["TESTING"] = True
    return app.server.test_client()


def csrf_token(client: FlaskClient, path: str = "/login") -> str:
    """The CSRF token the page at `path` puts in its forms for this client's session."""
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def sign_in(client: FlaskClient, username: str, password: str | None = None) -> int:
    """Sign in through the form; returns the response status (303 when signed in)."""
    data = {
        "username": username,
        "password": password or ACCOUNTS[username][2],
        "csrf_token": csrf_token(client),
    }
    return client.post("/login", data=data).status_code


def upload(client: FlaskClient, name: str, data: bytes, lang: str = "es"):
    """Send a file through the upload form, following the redirect to the receipt."""
    token = csrf_token(client, "/portal/submissions")
    return client.post(
        f"/portal/upload?lang={lang}",
        data={"csrf_token": token, "file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
