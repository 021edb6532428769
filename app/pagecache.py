"""Pages already built, kept per worker. A release never changes, so the router's answer for a
URL on a release is always the same bytes: building it again (queries and Plotly figures,
0.1–0.5 s) and serialising it (0.02 s) is waste. The router's requests are answered from here
when the same URL was built on the same release (and the same latest release, which the
banner of an older one names)."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

import flask

from app.context import releases
from app.release import Unavailable
from app.urls import params

T = TypeVar("T")
ROUTER_OUTPUT = "..shell.children...page-lang.data.."
PAGES_KEY = "GEALC_PAGES"
FIRST_VIEWS_KEY = "GEALC_FIRST_VIEWS"  # the pages' first views as HTML (app.first_view)
LAYOUTS_KEY = "GEALC_LAYOUTS"  # pages just built, for the first view and the router to share


class PageCache(Generic[T]):
    """The `size` most recently used answers, by key."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._answers: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> T | None:
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
        return None

    def keep(self, key: Hashable, answer: T) -> None:
        with self._lock:
            self._answers[key] = answer
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)


def _router_key() -> Hashable | None:
    """What the router's answer to this request depends on, or None when it is not the router
    (or the warehouse cannot be read: a notice is not worth keeping)."""
    if flask.request.method != "POST" or not flask.request.path.endswith("/_dash-update-component"):
        return None
    body = flask.request.get_json(silent=True) or {}
    if body.get("output") != ROUTER_OUTPUT:
        return None
    inputs = {f"{i.get('id')}.{i.get('property')}": i.get("value") for i in body.get("inputs", [])}
    pathname, search = inputs.get("url.pathname") or "/", inputs.get("url.search") or ""
    if not isinstance(pathname, str) or not isinstance(search, str):
        return None
    return view_key(pathname, search)


def view_key(pathname: str, search: str) -> Hashable | None:
    """What a page built for this URL depends on: the URL, the release it shows (label and
    checksum) and the latest release (an older one's banner names it); None while the warehouse
    cannot be read."""
    book = releases()
    try:
        try:
            shown = book.snapshot(params(search).get("release") or None)
        except KeyError:
            shown = book.snapshot()
        # The host too: links for other sites (embed code, citations) name it, and a request
        # with a made-up Host must not write them into what everyone else is sent.
        host = flask.request.host if flask.has_request_context() else ""
        return pathname, search, host, shown.label, shown.info.get("sha256"), book.latest()
    except Unavailable:
        return None


def install(server: flask.Flask) -> None:
    """Answer the router from the cache, and keep what it builds."""
    server.config[PAGES_KEY] = cache = PageCache()
    server.config[FIRST_VIEWS_KEY] = PageCache()
    server.config[LAYOUTS_KEY] = PageCache(size=64)

    @server.before_request
    def _answer_kept() -> flask.Response | None:
        key = _router_key()
        if key is None:
            return None
        flask.g.gealc_page_key = key
        kept = cache.get(key)
        return None if kept is None else flask.Response(kept, mimetype="application/json")

    @server.after_request
    def _keep(response: flask.Response) -> flask.Response:
        key = flask.g.pop("gealc_page_key", None)
        if key is not None and response.status_code == 200 and not response.direct_passthrough:
            cache.keep(key, response.get_data())
        return response


def router_request(path: str, search: str) -> str:
    """The router's callback request as a browser sends it when it opens `path + search`."""
    return json.dumps(
        {
            "output": ROUTER_OUTPUT,
            "outputs": [
                {"id": "shell", "property": "children"},
                {"id": "page-lang", "property": "data"},
            ],
            "inputs": [
                {"id": "url", "property": "pathname", "value": path},
                {"id": "url", "property": "search", "value": search},
            ],
            "changedPropIds": ["url.pathname"],
        }
    )


def warm(server: flask.Flask, paths: Iterable[str], langs: Iterable[str]) -> threading.Thread:
    """Build each page in each language in the background — its first view (which asks for its
    charts' SVGs) and the router's answer — so first visitors of a new worker get kept pages
    rather than wait for them to be built."""

    def build() -> None:
        client = server.test_client()
        for path in paths:
            client.get(path)  # the address most visitors open: the default language
            for lang in langs:
                client.get(f"{path}?lang={lang}")
                client.post(
                    "/_dash-update-component",
                    data=router_request(path, f"?lang={lang}"),
                    content_type="application/json",
                )

    thread = threading.Thread(target=build, name="gealc-warm", daemon=True)
    thread.start()
    return thread


def kept_layout(pathname: str, search: str, build: Callable[[], T]) -> T:
    """The page built for `pathname + search` (its layout), built once for a visit's two uses:
    the first view's HTML and the router's answer to the interactive page."""
    return _kept(LAYOUTS_KEY, pathname, search, build)


def kept_first_view(pathname: str, search: str, build: Callable[[], str]) -> str:
    """The first view of `pathname + search` as HTML: kept from an earlier request on the same
    release, or built (and kept)."""
    return _kept(FIRST_VIEWS_KEY, pathname, search, build)


def _kept(cache_name: str, pathname: str, search: str, build: Callable[[], T]) -> T:
    """What `build` makes for this URL, from the app's cache `cache_name` when made before on
    the same release (never kept while the warehouse cannot be read)."""
    key = view_key(pathname, search)
    cache: PageCache[T] = flask.current_app.config[cache_name]
    kept = cache.get(key) if key is not None else None
    if kept is not None:
        return kept
    made = build()
    if key is not None:
        cache.keep(key, made)
    return made
