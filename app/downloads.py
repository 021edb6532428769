"""Downloads: every table the app shows can be fetched as CSV or XLSX at a stable URL, made by
the same function that builds the table on the page, with text cells made safe for spreadsheets."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import flask
import pandas as pd

from app.context import shown_release, snapshot
from app.release import Snapshot
from app.urls import with_params
from indicators.cells import safe_frame
from locales import language

Dataset = Callable[[Snapshot, dict[str, str], str], pd.DataFrame]
DATASETS: dict[str, Dataset] = {}
FORMATS = ("csv", "xlsx")


def dataset(name: str) -> Callable[[Dataset], Dataset]:
    """Register a function (release snapshot, URL parameters, language) → DataFrame as a
    download."""

    def register(fn: Dataset) -> Dataset:
        DATASETS[name] = fn
        return fn

    return register


def href(name: str, fmt: str, **query: object) -> str:
    """The download's URL; it names the release the page shows, so the file holds what the page
    does."""
    query.setdefault("release", shown_release())
    return f"/download/{name}.{fmt}{with_params('', **query)}"


def to_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    """The frame as a CSV (UTF-8 with BOM, so Excel shows accents) or an XLSX workbook."""
    safe = safe_frame(frame)
    if fmt == "csv":
        return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        safe.to_excel(writer, index=False, sheet_name="data")
    return out.getvalue()


def _release(label: str | None) -> Snapshot:
    try:
        return snapshot(label)
    except KeyError:
        raise LookupError(
            f"unknown release '{label}': see /api/v1/releases for the published ones"
        ) from None


def register_routes(server: flask.Flask) -> None:
    @server.route("/download/<name>.<fmt>")
    def _download(name: str, fmt: str) -> flask.Response:
        if name not in DATASETS or fmt not in FORMATS:
            flask.abort(404)
        args = dict(flask.request.args)
        try:
            frame = DATASETS[name](_release(args.get("release")), args, language(args.get("lang")))
        except LookupError as exc:
            return flask.Response(f"{exc}\n", status=400, mimetype="text/plain")
        mimetype = (
            "text/csv"
            if fmt == "csv"
            else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        stem = re.sub(
            r"[^A-Za-z0-9_-]+",
            "",
            "-".join([name, *(v for k, v in sorted(args.items()) if k != "lang")]),
        )
        return flask.Response(
            to_bytes(frame, fmt),
            mimetype=mimetype,
            headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'},
        )
