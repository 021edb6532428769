"""HTTP caching of what depends only on a release, so a reverse proxy or CDN in front of several
app servers answers repeat requests itself: a named release never changes (cached for good), the
latest may (kept, but revalidated); every page, download and API answer carries an ETag, and a
request that already holds it gets 304 without the body. Static files named with their version
(Dash's fingerprints) are kept for good."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import flask
from flask_compress import Compress
from werkzeug.security import safe_join

from app.pagecache import PageCache

IMMUTABLE = "public, max-age=31536000, immutable"  # a named release never changes
FRESH = "public, no-cache"  # "latest", listings, reference data: kept, revalidated each time
VALIDATED = ("/download/", "/api/")
PAGE_POLICY = "gealc_page_cache"  # flask.g: how long the page being sent may be kept
PAGE_ETAG = "gealc_page_etag"  # flask.g: the ETag of the page being sent
# A token Dash writes into every page for background callbacks (none here): not content.
_PER_REQUEST = re.compile(rb'"end_id":"[^"]*"')


def for_release(named: str | None, shown: str | None) -> str:
    """How long an answer built from release `shown` may be kept, when the URL named `named`:
    for good if it named that very release, else revalidated (it follows the latest)."""
    return IMMUTABLE if named and named == shown else FRESH


def keep_page(policy: str) -> None:
    """Mark the page being built as cacheable with `policy` (its ETag is set when it is sent)."""
    setattr(flask.g, PAGE_POLICY, policy)


def _current(assets: Path, request: flask.Request) -> bool:
    """Whether the static file asked for is addressed with its current version (`?m=` its
    modification time, as Dash writes it): an old or made-up version is not kept for good."""
    found = safe_join(str(assets), request.path.removeprefix("/assets/"))
    try:
        return found is not None and request.args.get("m") == str(os.stat(found).st_mtime)
    except OSError:
        return False


def install(server: flask.Flask, assets: Path) -> None:
    """An ETag on every successful page, download and API answer, 304 to a request that holds it,
    and static files (in `assets`) addressed with their current version kept for good."""

    @server.after_request
    def _validate(response: flask.Response) -> flask.Response:
        request = flask.request
        page_policy = flask.g.pop(PAGE_POLICY, None)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if request.path.startswith("/assets/") and _current(assets, request):
            response.headers["Cache-Control"] = IMMUTABLE  # ?m= names this very version
            return response
        if response.direct_passthrough:
            return response
        if page_policy is not None:
            response.headers["Cache-Control"] = page_policy
            body = _PER_REQUEST.sub(b"", response.get_data())
            etag = hashlib.sha256(body).hexdigest()[:32]
            response.set_etag(etag)
            setattr(flask.g, PAGE_ETAG, etag)
            return response.make_conditional(request)
        if request.path.startswith(VALIDATED):
            response.add_etag()
            return response.make_conditional(request)
        return response


class _CompressedPages:
    """Flask-Compress's cache: a page's compressed bytes by encoding and ETag (which names its
    content), so a page is compressed once, not at every visit (a few ms for a page with its
    charts' SVG). Other answers are not kept."""

    def __init__(self) -> None:
        self._kept = PageCache(size=256)

    def get(self, key: str) -> bytes | None:
        return self._kept.get(key)

    def set(self, key: str, value: bytes) -> None:
        if not key.endswith(";"):
            self._kept.keep(key, value)


def _page_etag(request: flask.Request) -> str:
    return flask.g.get(PAGE_ETAG, "")


def compress(server: flask.Flask) -> None:
    """Compress the answers (gzip, brotli…: Plotly and the pages are most of what a visitor
    downloads), each page once. Before `install`, whose ETags it reads."""
    server.config.update(COMPRESS_CACHE_BACKEND=_CompressedPages, COMPRESS_CACHE_KEY=_page_etag)
    Compress(server)
