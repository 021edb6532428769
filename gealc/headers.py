"""The security headers on every answer of the site, set with Flask-Talisman: a Content Security
Policy that runs no script but the app's own files and the Dash page's one inline script (by its
hash), no framing by other sites, no content-type guessing, a referrer kept to this site, HSTS
whenever the request came over HTTPS (directly or through a trusted proxy)."""

from __future__ import annotations

from dash import Dash
from flask_talisman import Talisman


def policy(app: Dash) -> dict[str, str | list[str]]:
    """The Content Security Policy of `app`'s pages (its callbacks must all be registered)."""
    return {
        "default-src": "'self'",
        "script-src": ["'self'", *app.csp_hashes()],
        # Plotly and Bootstrap's components write <style> elements: styles cannot run code.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }


def secure(app: Dash, *, secure_cookies: bool) -> Talisman:
    """Put the headers on every answer of `app`'s server. HTTPS itself is the reverse proxy's job
    (no redirect here), and the session cookie keeps the site's own Secure setting."""
    return Talisman(
        app.server,
        force_https=False,
        strict_transport_security=True,  # sent only on HTTPS requests
        frame_options="DENY",
        content_security_policy=policy(app),
        referrer_policy="same-origin",
        session_cookie_secure=secure_cookies,
        session_cookie_http_only=True,
        session_cookie_samesite="Lax",
        permissions_policy={"geolocation": "()", "camera": "()", "microphone": "()"},
    )
