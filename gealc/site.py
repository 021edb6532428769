"""The whole site `gealc serve` runs, and what a WSGI server loads: the public pages (`app`) and,
under /login and /portal, the submission portal (`portal`), on one Flask server. Sessions are
signed with GEALC_SECRET_KEY; without one the portal runs only for development on this machine."""

from __future__ import annotations

import ipaddress
import sys
from datetime import timedelta

from dash import Dash
from werkzeug.middleware.proxy_fix import ProxyFix

from app.components import NAV_PAGES
from app.pagecache import warm
from app.server import create_app
from gealc.config import ConfigError, Settings
from gealc.headers import secure
from indicators.texts import LANGUAGES
from portal.install import install

WARMED = [path for path, _ in NAV_PAGES]  # built by every new worker, in every language


def is_development(host: str, debug: bool) -> bool:
    """Serving only this machine (or in debug mode) is development."""
    if debug or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def create_site(settings: Settings, secret: str, *, secure_cookies: bool = True) -> Dash:
    """The Dash app of the warehouse `settings` name, with the portal installed on its Flask server
    and sessions signed with `secret`."""
    app = create_app(
        settings.database_url, draw_charts=settings.static_charts, browser=settings.browser_path
    )
    server = app.server
    server.config.update(
        SECRET_KEY=secret,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure_cookies,
        SESSION_COOKIE_NAME="gealc_session",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=8),
    )
    install(server, settings.database_url, settings.upload_dir, settings.catalogue)
    secure(app, secure_cookies=secure_cookies)
    if settings.trusted_proxies:  # the client's address as the proxies saw it (sign-in limits)
        n = settings.trusted_proxies
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=n, x_proto=n, x_host=n)
    return app


def serve(
    settings: Settings, host: str = "127.0.0.1", port: int = 8050, debug: bool = False
) -> int:
    """Serve the site until interrupted; 2 when the portal's secret key is missing or weak."""
    development = is_development(host, debug)
    try:
        secret, warning = settings.session_secret(development)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr, flush=True)
        return 2
    if warning:
        print(warning, flush=True)
    app = create_site(settings, secret, secure_cookies=settings.cookies_secure(development))
    warm(app.server, WARMED, LANGUAGES)
    print(
        f"gealc is serving on http://{host}:{port}/ (portal: /login) (Ctrl+C to stop)", flush=True
    )
    app.run(host=host, port=port, debug=debug)
    return 0


def wsgi() -> object:
    """The Flask server for a WSGI server (e.g. `gunicorn 'gealc.site:wsgi()'`): never development,
    so GEALC_SECRET_KEY is required."""
    settings = Settings.from_environ()
    secret, _ = settings.session_secret(development=False)
    server = create_site(
        settings, secret, secure_cookies=settings.cookies_secure(development=False)
    ).server
    warm(server, WARMED, LANGUAGES)
    return server
