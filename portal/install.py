"""Installing the portal on the site's Flask server: its blueprint, sign-in sessions, CSRF
protection, the page's language and time zone (Flask-Babel), the request size an upload needs, and
where the portal finds the warehouse, the upload folder and the indicator catalogue."""

from __future__ import annotations

from pathlib import Path

import flask

from etl.submission.read import MAX_FILE_BYTES
from locales import DEFAULT_LANGUAGE
from portal.access import WAREHOUSE_KEY, Warehouse, babel, login_manager, page_language
from portal.views import CATALOGUE_KEY, UPLOAD_AREA_KEY, csrf, portal

# What a browser may send in one request: the largest file the reader accepts, plus the form
# around it.
MAX_REQUEST_BYTES = MAX_FILE_BYTES + 2**20


def install(server: flask.Flask, database_url: str, upload_area: Path, catalogue: Path) -> None:
    """The portal's routes on `server`, over the warehouse at `database_url`. The server's
    SECRET_KEY (set by the site) signs the portal's sessions and CSRF tokens."""
    server.config.update(
        MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES,
        # CSRF is checked on the portal's own requests (the public pages change nothing).
        WTF_CSRF_CHECK_DEFAULT=False,
        WTF_CSRF_TIME_LIMIT=8 * 3600,
    )
    server.config[WAREHOUSE_KEY] = Warehouse(database_url)
    server.config[UPLOAD_AREA_KEY] = upload_area.resolve()
    server.config[CATALOGUE_KEY] = catalogue
    csrf.init_app(server)
    login_manager.init_app(server)
    # Times are stored in UTC and shown so, the zone named (`locales.formats.fmt_datetime`).
    babel.init_app(
        server,
        default_locale=DEFAULT_LANGUAGE,
        default_timezone="UTC",
        locale_selector=page_language,
    )
    server.register_blueprint(portal)
