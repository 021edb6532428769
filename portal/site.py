"""The whole site `gealc serve` runs: the public pages (app/) and, under /login and /portal, the
submission portal, in one Flask server. Sessions are signed with GEALC_SECRET_KEY; without one the
portal runs only for development on this machine."""
from __future__ import annotations

import ipaddress
import os
import secrets
import sys
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path

from dash import Dash

from app.pagecache import warm
from app.server import PAGES, create_app
from etl.db import database_url
from etl.read import MAX_FILE_BYTES
from indicators.texts import LANGUAGES
from portal import uploads
from portal.access import WAREHOUSE_KEY, Warehouse, login_manager
from portal.views import UPLOAD_AREA_KEY, csrf, portal

ENV_SECRET = "GEALC_SECRET_KEY"
ENV_SECURE_COOKIES = "GEALC_COOKIE_SECURE"
MIN_SECRET = 32
# What a browser may send in one request: the largest file the reader accepts, plus the form around it.
MAX_REQUEST_BYTES = MAX_FILE_BYTES + 2**20


class InsecureSecret(Exception):
    """No usable GEALC_SECRET_KEY where one is required; the site does not start."""


def secret_key(environ: Mapping[str, str], development: bool) -> tuple[str, str | None]:
    """The key that signs sessions, and a warning to print. Development (this machine only) gets a
    fresh random key when none is set; anywhere else a key of at least 32 characters is required."""
    key = environ.get(ENV_SECRET, "")
    if key:
        if len(key) < MIN_SECRET:
            raise InsecureSecret(f"{ENV_SECRET} must have at least {MIN_SECRET} characters; make one with "
                                 "python3 -c 'import secrets; print(secrets.token_hex(32))'")
        return key, None
    if not development:
        raise InsecureSecret(f"the portal needs {ENV_SECRET} (a long random value, the same on every server) "
                             "outside development; make one with python3 -c 'import secrets; print(secrets.token_hex(32))'")
    return secrets.token_hex(32), (f"warning: {ENV_SECRET} is not set; portal sessions are signed with a key made "
                                   "for this run (development only) and end when the server stops")


def is_development(host: str, debug: bool) -> bool:
    """Serving only this machine (or in debug mode) is development."""
    if debug or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def create_site(url: str, secret: str, *, secure_cookies: bool = True, upload_area: Path | None = None) -> Dash:
    """The Dash app of `url` with the portal installed on its Flask server."""
    app = create_app(url)
    server = app.server
    server.config.update(
        SECRET_KEY=secret,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure_cookies,
        SESSION_COOKIE_NAME="gealc_session",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=8),
        MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES,
        WTF_CSRF_CHECK_DEFAULT=False,  # checked on the portal's own requests (the public pages change nothing)
        WTF_CSRF_TIME_LIMIT=8 * 3600,
    )
    server.config[WAREHOUSE_KEY] = Warehouse(url)
    server.config[UPLOAD_AREA_KEY] = uploads.area(upload_area)
    csrf.init_app(server)
    login_manager.init_app(server)
    server.register_blueprint(portal)
    return app


def serve(url: str, host: str = "127.0.0.1", port: int = 8050, debug: bool = False) -> int:
    """Serve the site until interrupted; 2 when the portal's secret key is missing or weak."""
    development = is_development(host, debug)
    try:
        secret, warning = secret_key(os.environ, development)
    except InsecureSecret as exc:
        print(f"error: {exc}", file=sys.stderr, flush=True)
        return 2
    if warning:
        print(warning, flush=True)
    secure = os.environ.get(ENV_SECURE_COOKIES, "0" if development else "1") == "1"
    app = create_site(url, secret, secure_cookies=secure)
    warm(app.server, PAGES, LANGUAGES)
    print(f"gealc is serving on http://{host}:{port}/ (portal: /login) (Ctrl+C to stop)", flush=True)
    app.run(host=host, port=port, debug=debug)
    return 0


def wsgi() -> object:
    """The Flask server for a WSGI server (e.g. `gunicorn 'portal.site:wsgi()'`): never development."""
    secret, _ = secret_key(os.environ, development=False)
    server = create_site(database_url(), secret).server
    warm(server, PAGES, LANGUAGES)
    return server
