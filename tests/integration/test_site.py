"""The site a WSGI server loads (`gealc.site:wsgi()`, as the README deploys it): everything from
the environment, read once; never development, so a session key is required and cookies are
Secure unless told otherwise."""

from __future__ import annotations

import pytest

from gealc.config import InsecureSecret
from gealc.site import wsgi
from tests.portal_helpers import SECRET


def test_a_wsgi_server_gets_the_whole_site_from_the_environment(built, tmp_path, monkeypatch):
    monkeypatch.setenv("GEALC_DATABASE_URL", built)
    monkeypatch.setenv("GEALC_SECRET_KEY", SECRET)
    monkeypatch.setenv("GEALC_UPLOAD_DIR", str(tmp_path / "uploads"))
    monkeypatch.delenv("GEALC_COOKIE_SECURE", raising=False)
    client = wsgi().test_client()
    home = client.get("/?lang=en")
    assert home.status_code == 200 and '<html lang="en">' in home.get_data(as_text=True)
    login = client.get("/login")
    assert login.status_code == 200 and 'name="csrf_token"' in login.get_data(as_text=True)
    assert "Secure" in login.headers["Set-Cookie"] and "HttpOnly" in login.headers["Set-Cookie"]
    assert client.get("/api/v1/releases").status_code == 200


def test_a_wsgi_server_without_a_session_key_does_not_start(built, monkeypatch):
    monkeypatch.setenv("GEALC_DATABASE_URL", built)
    monkeypatch.delenv("GEALC_SECRET_KEY", raising=False)
    with pytest.raises(InsecureSecret, match="GEALC_SECRET_KEY"):
        wsgi()


def test_every_answer_carries_the_security_headers(built, tmp_path):
    from tests.portal_helpers import site_client

    client = site_client(built, tmp_path / "uploads")
    for path in ("/", "/login", "/api/v1/releases", "/portal/submissions", "/no-such-page"):
        headers = client.get(path).headers
        policy = headers["Content-Security-Policy"]
        script = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
        assert "'self'" in script and "unsafe-inline" not in script and "unsafe-eval" not in script
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "same-origin"
        assert "Strict-Transport-Security" not in headers  # plain HTTP: no HSTS
    over_https = client.get("/", base_url="https://gealc.example.org")
    assert "max-age=" in over_https.headers["Strict-Transport-Security"]
