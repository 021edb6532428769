"""Where a request finds its data: the release it shows, resolved once per request from the
URL's `release` (the latest when absent) and kept for the rest of the request, so everything a
page or download builds comes from one release."""

from __future__ import annotations

import flask

from app.release import Releases, Snapshot

RELEASES_KEY = "GEALC_RELEASES"


def releases() -> Releases:
    """The current app's releases (valid inside a request)."""
    return flask.current_app.config[RELEASES_KEY]


def snapshot(asked: str | None = None) -> Snapshot:
    """The release this request shows: `asked` (KeyError when no release has that label) or
    the latest. The first call in a request decides; later calls get the same copy."""
    if "gealc_snapshot" not in flask.g:
        flask.g.gealc_snapshot = releases().snapshot(asked or None)
    return flask.g.gealc_snapshot


def shown_release() -> str | None:
    """The label of the release this request shows, once decided (for links that must keep it)."""
    copy = flask.g.get("gealc_snapshot") if flask.has_request_context() else None
    return copy.label if copy is not None else None


def enter_view(pathname: str, search: str) -> None:
    """Remember the page this request builds (its path and query), for parts that link to other
    views of it, such as a chart widget's tabs."""
    flask.g.gealc_view = (pathname, search)


def shown_view() -> tuple[str, str]:
    """The (path, query) of the page this request builds: `/` and nothing outside a page."""
    found = flask.g.get("gealc_view") if flask.has_request_context() else None
    return found or ("/", "")
