"""The read-only HTTP API under /api/v1, described by `app/openapi.yaml` (served at
/api/v1/openapi.json): the published releases, each release's values and scores (JSON or CSV,
filtered and paginated) and open-data package, the indicator catalogue, the member countries and
the World Bank GovTech Maturity Index (GTMI) figures of the members.

It reads published releases only (`app.context`), never the warehouse's working tables, so
nothing under embargo can be reached. A request it cannot answer exactly is refused with a JSON
`{"error", "parameter"}` that says what is allowed: 400 for an unknown parameter or a bad value,
404 for an unknown release or path, 503 while the warehouse cannot be read."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import quote, urlencode

import flask
import pandas as pd
import yaml
from werkzeug.exceptions import MethodNotAllowed

from app import opendata, queries
from app.caching import FRESH, IMMUTABLE
from app.context import releases, snapshot
from app.downloads import to_bytes
from app.release import Snapshot, Unavailable
from indicators.texts import LANGUAGES
from locales.messages import N_, t

PREFIX = "/api/v1"
OPENAPI_PATH = Path(__file__).with_name("openapi.yaml")
OPENAPI = yaml.safe_load(OPENAPI_PATH.read_text(encoding="utf-8"))
PER_PAGE, MAX_PER_PAGE, MAX_PAGE = 100, 1000, 100_000
YEARS = (1990, 2100)
LEVELS = ("indicator", "dimension", "composite")
WHAT = {
    "country": N_("códigos ISO3 de países miembros"),
    "indicator": N_("identificadores de indicador"),
    "dimension": N_("identificadores de dimensión"),
    "level": N_("niveles"),
}
FORMATS = ("json", "csv")
ROW_PARAMETERS = ("country", "year", "indicator", "dimension", "lang", "page", "per_page", "format")
GTMI_PARAMETERS = ("country", "year", "lang", "page", "per_page", "format")
GTMI_INDICATOR_PARAMETERS = ("country", "year", "indicator", "lang", "page", "per_page", "format")
PACKAGES_KEPT = 2

api = flask.Blueprint("api", __name__, url_prefix=PREFIX)
_packages_lock = threading.Lock()


class Refusal(Exception):
    """A request the API answers with an error: what is wrong (a catalogue text and its values,
    said in the request's language), about which parameter."""

    def __init__(self, message: str, parameter: str | None, status: int = 400, **values: object):
        super().__init__(message)
        self.message, self.parameter, self.status, self.values = message, parameter, status, values


def _error(message: str, parameter: str | None, status: int, **values: object) -> flask.Response:
    """The JSON error body, its words in the request's `lang` (English, the API's field names'
    language, when none or an unknown one is asked for)."""
    return _json(
        {"error": t(message, _message_language(), **values), "parameter": parameter}, status=status
    )


def _message_language() -> str:
    """The request's `lang`, or English (the API's field names' language) when none or an
    unknown one is asked for."""
    asked = flask.request.args.get("lang")
    return asked if asked in LANGUAGES else opendata.PACKAGE_LANGUAGE


def register_api(server: flask.Flask) -> None:
    """Serve the API on `server`."""
    server.register_blueprint(api)


def package_url(label: str) -> str:
    """Where release `label`'s open-data package is downloaded from."""
    return f"{PREFIX}/releases/{quote(label, safe='')}/package.zip"


@api.errorhandler(Refusal)
def _refused(exc: Refusal) -> flask.Response:
    return _error(exc.message, exc.parameter, exc.status, **exc.values)


@api.errorhandler(Unavailable)
def _unavailable(exc: Unavailable) -> flask.Response:
    response = _error(
        N_("los datos no se pueden leer en este momento; intente de nuevo en un minuto"), None, 503
    )
    response.headers["Retry-After"] = "60"
    return response


@api.app_errorhandler(MethodNotAllowed)
def _method_not_allowed(exc: MethodNotAllowed) -> flask.Response | MethodNotAllowed:
    if not _under_api(flask.request.path):
        return exc
    response = _error(
        N_("{method} no está permitido: la API es de solo lectura (GET)"),
        None,
        405,
        method=flask.request.method,
    )
    response.headers["Allow"] = ", ".join(exc.valid_methods or ["GET", "HEAD"])
    return response


@api.get("/openapi.json")
def _openapi() -> flask.Response:
    _query(())
    return _json(OPENAPI, cache=FRESH)


@api.get("/releases")
def _releases() -> flask.Response:
    _query(())
    data = [_release_json(info) for info in releases().listing().to_dict("records")]
    return _json({"total": len(data), "data": data}, cache=FRESH)


@api.get("/releases/<label>")
def _release(label: str) -> flask.Response:
    _query(())
    return _json(_release_json(_snapshot(label).info), cache=IMMUTABLE)


@api.get("/releases/<label>/values")
def _values(label: str) -> flask.Response:
    query = _query(ROW_PARAMETERS)
    db = _snapshot(label)
    wanted, lang, paging = (
        _filters(query, db),
        _one(query, "lang", LANGUAGES, opendata.PACKAGE_LANGUAGE),
        _paging(query),
    )
    frame = opendata.table(db, "values", lang)
    keys = {
        "country": frame["iso3"],
        "year": frame["year"],
        "indicator": frame["indicator_id"],
        "dimension": frame["dimension_id"],
    }
    return _page(frame[_matching(keys, wanted)], paging, query, db.label)


@api.get("/releases/<label>/scores")
def _scores(label: str) -> flask.Response:
    query = _query((*ROW_PARAMETERS, "level"))
    db = _snapshot(label)
    wanted, lang, paging = (
        _filters(query, db),
        _one(query, "lang", LANGUAGES, opendata.PACKAGE_LANGUAGE),
        _paging(query),
    )
    frame = opendata.table(db, "scores", lang)
    level, ids = frame["level"], frame["id"]
    dimension_of = queries.indicator_names(db, "en").set_index("indicator_id")["dimension_id"]
    keys = {
        "country": frame["iso3"],
        "year": frame["year"],
        "level": level,
        "indicator": ids.where(level == "indicator"),
        "dimension": ids.where(level == "dimension").fillna(
            ids.map(dimension_of).where(level == "indicator")
        ),
    }
    return _page(frame[_matching(keys, wanted)], paging, query, db.label)


@api.get("/releases/<label>/statistics")
def _statistics(label: str) -> flask.Response:
    query = _query(("year", "page", "per_page", "format"))
    db = _snapshot(label)
    wanted, paging = _filters(query, db), _paging(query)
    frame = opendata.table(db, "statistics")
    return _page(frame[_matching({"year": frame["year"]}, wanted)], paging, query, db.label)


@api.get("/releases/<label>/package.zip")
def _package(label: str) -> flask.Response:
    _query(())
    db = _snapshot(label)
    name = "".join(c if (c.isascii() and c.isalnum()) or c in "-_." else "_" for c in db.label)
    return flask.Response(
        _package_bytes(db),
        mimetype="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="gealc-{name}.zip"',
            "Cache-Control": IMMUTABLE,
        },
    )


@api.get("/catalogue")
def _catalogue() -> flask.Response:
    query = _query(("lang",))
    db = snapshot()
    lang = _one(query, "lang", LANGUAGES, None)
    frame = queries.catalogue(db, lang) if lang else opendata.table(db, "catalogue")
    return _json({"release": db.label, "total": len(frame), "data": _records(frame)}, cache=FRESH)


@api.get("/countries")
def _countries() -> flask.Response:
    _query(())
    db = snapshot()
    frame = opendata.table(db, "countries")
    return _json({"release": db.label, "total": len(frame), "data": _records(frame)}, cache=FRESH)


@api.get("/gtmi")
def _gtmi() -> flask.Response:
    return _gtmi_page("gtmi", _query(GTMI_PARAMETERS))


@api.get("/gtmi/indicators")
def _gtmi_indicators() -> flask.Response:
    return _gtmi_page("gtmi_indicators", _query(GTMI_INDICATOR_PARAMETERS))


def _gtmi_page(name: str, query: dict[str, str]) -> flask.Response:
    """A page of GTMI table `name`. The GTMI is reference data, like the countries: it is read
    from the latest release's copy (the warehouse's figures when that copy was made), whose label
    the answer gives, and may change when a release is published."""
    db = snapshot()
    surveys = sorted({str(y) for y in queries.gtmi_all(db)["year"]})
    questions = [q.id for q in opendata.GTMI.indicators]
    wanted, lang, paging = (
        _filters(
            query,
            db,
            {
                "year": (N_("años de encuesta del GTMI"), surveys),
                "indicator": (N_("identificadores de pregunta del GTMI"), questions),
            },
        ),
        _one(query, "lang", LANGUAGES, opendata.PACKAGE_LANGUAGE),
        _paging(query),
    )
    frame = opendata.table(db, name, lang)
    keys = {"country": frame["iso3"], "year": frame["year"]}
    if "indicator_id" in frame:
        keys["indicator"] = frame["indicator_id"]
    return _page(frame[_matching(keys, wanted)], paging, query, db.label, cache=FRESH)


@api.before_app_request
def _unknown_endpoint() -> flask.Response | None:
    """A path under the API that no endpoint serves is a JSON 404, not the dashboard's catch-all
    page."""
    request = flask.request
    if (
        _under_api(request.path)
        and request.blueprint != api.name
        and request.routing_exception is None
    ):
        return _error(
            N_("no existe {path}; los puntos de acceso se describen en {url}"),
            None,
            404,
            path=request.path,
            url=f"{PREFIX}/openapi.json",
        )
    return None


def _under_api(path: str) -> bool:
    return f"{path}/".startswith(f"{PREFIX}/")


# --- reading the request ------------------------------------------------------------------------


def _query(allowed: Sequence[str]) -> dict[str, str]:
    """The query string, refused when it holds a parameter the endpoint does not take or one
    given twice."""
    args = flask.request.args
    for name in args:
        if name not in allowed:
            if not allowed:
                raise Refusal(
                    N_("parámetro desconocido «{name}»: este punto de acceso no acepta parámetros"),
                    name,
                    name=name,
                )
            raise Refusal(
                N_("parámetro desconocido «{name}»: acepta {accepted}"),
                name,
                name=name,
                accepted=", ".join(allowed),
            )
        if len(args.getlist(name)) > 1:
            raise Refusal(
                N_(
                    "«{name}» aparece más de una vez: indíquelo una sola vez, con varios valores "
                    "separados por comas"
                ),
                name,
                name=name,
            )
    return dict(args)


def _snapshot(label: str) -> Snapshot:
    try:
        return snapshot(label)
    except KeyError:
        raise Refusal(
            N_("no hay ninguna versión publicada «{label}»; {url} las enumera"),
            "label",
            404,
            label=label,
            url=f"{PREFIX}/releases",
        ) from None


def _one(
    query: dict[str, str], name: str, allowed: Sequence[str], default: str | None
) -> str | None:
    if name not in query:
        return default
    if query[name] not in allowed:
        raise Refusal(
            N_("{name} debe ser uno de {allowed} (se recibió «{got}»)"),
            name,
            name=name,
            allowed=", ".join(allowed),
            got=query[name],
        )
    return query[name]


def _integer(query: dict[str, str], name: str, default: int, low: int, high: int) -> int:
    text = query.get(name, str(default))
    if not (_whole(text) and low <= int(text) <= high):
        raise Refusal(
            N_("{name} debe ser un número entero de {low} a {high} (se recibió «{got}»)"),
            name,
            name=name,
            low=low,
            high=high,
            got=text,
        )
    return int(text)


def _whole(text: str) -> bool:
    """Digits only (no sign, space, underscore or non-ASCII digit), short enough to be a number."""
    return text.isascii() and text.isdigit() and len(text) <= 9


def _allowed(name: str, db: Snapshot) -> list[str]:
    """The values filter `name` may take in this release."""
    if name == "country":
        return sorted(queries.member_names(db, "en")["iso3"])
    if name == "indicator":
        return queries.indicator_names(db, "en")["indicator_id"].tolist()
    if name == "dimension":
        return queries.dimension_names(db, "en")["dimension_id"].tolist()
    return list(LEVELS)


def _filters(
    query: dict[str, str], db: Snapshot, own: Mapping[str, tuple[str, list[str]]] | None = None
) -> dict[str, list]:
    """The values asked for in each filter of the query (comma-separated), each checked against
    what exists: member ISO3 codes, years, catalogue indicators and dimensions, score levels.
    `own` gives, by filter, what else it takes and its values (the GTMI's surveys and questions)."""
    own = own or {}
    wanted: dict[str, list] = {}
    for name in ("country", "year", "indicator", "dimension", "level"):
        if name not in query:
            continue
        asked = query[name].split(",")
        if name == "year" and name not in own:
            low, high = YEARS
            wrong = [y for y in asked if not (_whole(y) and low <= int(y) <= high)]
            if wrong:
                raise Refusal(
                    N_(
                        "year debe contener años de {low} a {high}, separados por comas, p. ej. "
                        "2023,2024 (se recibió «{got}»)"
                    ),
                    name,
                    low=low,
                    high=high,
                    got=wrong[0],
                )
            wanted[name] = [int(y) for y in asked]
            continue
        what, allowed = own[name] if name in own else (WHAT[name], _allowed(name, db))
        wrong = [v for v in asked if v not in allowed]
        if wrong:
            raise Refusal(
                N_(
                    "{name} debe contener {what} separados por comas, entre {allowed} (se recibió "
                    "«{got}»)"
                ),
                name,
                name=name,
                what=t(what, _message_language()),
                allowed=", ".join(allowed),
                got=wrong[0],
            )
        wanted[name] = [int(v) for v in asked] if name == "year" else asked
    return wanted


def _matching(keys: dict[str, pd.Series], wanted: dict[str, list]) -> pd.Series:
    """Which rows match every filter; `keys` gives the column each filter reads."""
    mask = pd.Series(True, index=next(iter(keys.values())).index)
    for name, values in wanted.items():
        mask &= keys[name].isin(values)
    return mask


def _paging(query: dict[str, str]) -> tuple[int, int, str]:
    """The page asked for, its size, and the format (json or csv)."""
    return (
        _integer(query, "page", 1, 1, MAX_PAGE),
        _integer(query, "per_page", PER_PAGE, 1, MAX_PER_PAGE),
        _format(query),
    )


def _format(query: dict[str, str]) -> str:
    """`format` when given, else what the Accept header prefers (JSON by default)."""
    if "format" in query:
        return _one(query, "format", FORMATS, "json")
    best = flask.request.accept_mimetypes.best_match(["application/json", "text/csv"])
    return "csv" if best == "text/csv" else "json"


# --- answering ----------------------------------------------------------------------------------


def _json(body: object, status: int = 200, cache: str | None = None) -> flask.Response:
    response = flask.Response(
        json.dumps(body, ensure_ascii=False, allow_nan=False),
        status=status,
        mimetype="application/json",
    )
    if cache:
        response.headers["Cache-Control"] = cache
    return response


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON objects: missing values are null, numbers keep up to 15 decimals."""
    return json.loads(frame.to_json(orient="records", double_precision=15, force_ascii=False))


def _release_json(info: dict) -> dict:
    record = opendata.release_record(info)
    base = f"{PREFIX}/releases/{quote(record['label'], safe='')}"
    return {
        **record,
        "links": {
            "self": base,
            "values": f"{base}/values",
            "scores": f"{base}/scores",
            "package": package_url(record["label"]),
        },
    }


def _page(
    frame: pd.DataFrame,
    paging: tuple[int, int, str],
    query: dict[str, str],
    label: str | None,
    *,
    cache: str = IMMUTABLE,
) -> flask.Response:
    """One page of `frame` as JSON (with total and links) or CSV (links in the Link header),
    cached for good (a release's rows) or revalidated (`FRESH`: reference data)."""
    page, per_page, fmt = paging
    total = len(frame)
    pages = max(1, -(-total // per_page))
    rows = frame.iloc[(page - 1) * per_page : page * per_page] if page <= pages else frame.iloc[0:0]
    links = {"self": page, "first": 1, "last": pages}
    if page < pages:
        links["next"] = page + 1
    if page > 1:
        links["prev"] = min(page - 1, pages)
    urls = {
        rel: f"{flask.request.path}?{urlencode({**query, 'page': number}, safe=',')}"
        for rel, number in links.items()
    }
    if fmt == "csv":
        response = flask.Response(to_bytes(rows, "csv"), mimetype="text/csv")
        response.headers["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in urls.items())
        response.headers["X-Total-Count"] = str(total)
    else:
        response = _json(
            {
                "release": label,
                "total": total,
                "page": page,
                "per_page": per_page,
                "pages": pages,
                "links": urls,
                "data": _records(rows),
            }
        )
    response.headers["Cache-Control"] = cache
    response.headers["Vary"] = "Accept"
    return response


def _package_bytes(db: Snapshot) -> bytes:
    """The release's package, built once per worker for the last few releases asked for (a
    release never changes, and building one takes seconds)."""
    kept: OrderedDict = flask.current_app.extensions.setdefault("gealc_packages", OrderedDict())
    key = (db.label, db.info.get("sha256"))
    with _packages_lock:
        if key in kept:
            kept.move_to_end(key)
            return kept[key]
    data = opendata.package(db)
    with _packages_lock:
        kept[key] = data
        while len(kept) > PACKAGES_KEPT:
            kept.popitem(last=False)
    return data
