"""HTTP caching of what depends only on a release, so a reverse proxy or CDN in front of several
app servers answers repeat requests itself: a named release never changes (cached for good), the
latest may (kept, but revalidated); every page, download and API answer carries an ETag, and a
request that already holds it gets 304 without the body. Static files named with their version
(Dash's fingerprints) are kept for good."""

from __future__ import annotations

import hashlib
import re

import flask

IMMUTABLE = "public, max-age=31536000, immutable"  # a named release never changes
FRESH = "public, no-cache"  # "latest", listings, reference data: kept, revalidated each time
VALIDATED = ("/download/", "/api/")
PAGE_POLICY = "gealc_page_cache"  # flask.g: how long the page being sent may be kept
# A token Dash writes into every page for background callbacks (none here): not content.
_PER_REQUEST = re.compile(rb'"end_id":"[^"]*"')


def for_release(named: str | None, shown: str | None) -> str:
    """How long an answer built from release `shown` may be kept, when the URL named `named`:
    for good if it named that very release, else revalidated (it follows the latest)."""
    return IMMUTABLE if named and named == shown else FRESH


def keep_page(policy: str) -> None:
    """Mark the page being built as cacheable with `policy` (its ETag is set when it is sent)."""
    setattr(flask.g, PAGE_POLICY, policy)


def install(server: flask.Flask) -> None:
    """An ETag on every successful page, download and API answer, 304 to a request that holds it,
    and fingerprinted static files kept for good."""

    @server.after_request
    def _validate(response: flask.Response) -> flask.Response:
        request = flask.request
        page_policy = flask.g.pop(PAGE_POLICY, None)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if request.path.startswith("/assets/") and "m" in request.args:
            response.headers["Cache-Control"] = IMMUTABLE  # ?m= names the file's version
            return response
        if response.direct_passthrough:
            return response
        if page_policy is not None:
            response.headers["Cache-Control"] = page_policy
            body = _PER_REQUEST.sub(b"", response.get_data())
            response.set_etag(hashlib.sha256(body).hexdigest()[:32])
            return response.make_conditional(request)
        if request.path.startswith(VALIDATED):
            response.add_etag()
            return response.make_conditional(request)
        return response
