"""HTTP caching of what depends only on a release, so a reverse proxy or CDN in front of several
app servers answers repeat requests itself: a named release never changes (cached for good), the
latest may (kept, but revalidated); every download and API answer carries an ETag, and a request
that already holds it gets 304 without the body."""

from __future__ import annotations

import flask

IMMUTABLE = "public, max-age=31536000, immutable"  # a named release never changes
FRESH = "public, no-cache"  # "latest", listings, reference data: kept, revalidated each time
VALIDATED = ("/download/", "/api/")


def for_release(named: str | None, shown: str | None) -> str:
    """How long an answer built from release `shown` may be kept, when the URL named `named`:
    for good if it named that very release, else revalidated (it follows the latest)."""
    return IMMUTABLE if named and named == shown else FRESH


def install(server: flask.Flask) -> None:
    """An ETag on every successful download and API answer, and 304 to a request that holds it."""

    @server.after_request
    def _validate(response: flask.Response) -> flask.Response:
        request = flask.request
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or response.direct_passthrough
            or not request.path.startswith(VALIDATED)
        ):
            return response
        response.add_etag()
        return response.make_conditional(request)
