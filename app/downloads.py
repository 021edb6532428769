"""Downloads: every table the app shows can be fetched as CSV or XLSX at a stable URL, made by
the same function that builds the table on the page, with text cells made safe for spreadsheets.
A dataset gives its columns by id; here they get their headings, coded values their names and
yes/no its words in the page's language (app.download_columns), and an XLSX an About sheet.

A CSV comes in two forms. The plain one (`/download/explorer.csv?year=2024`) is for programs:
fields separated by commas, a decimal point. With `decimal=comma`
(`/download/explorer.csv?year=2024&decimal=comma`) it is for a spreadsheet set to a language that
writes a decimal comma (Spanish, Portuguese or French Excel, which opens the plain one as a single
column): fields separated by semicolons, numbers with a decimal comma and no thousands separator.
Both are UTF-8 with a byte-order mark and CRLF line ends; `decimal=dot` is the plain one."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import flask
import pandas as pd

from app import gtmi, queries
from app.caching import for_release
from app.context import shown_release, snapshot
from app.download_columns import ABOUT_SHEET, DATA_SHEET, Localized, Names, about, localized
from app.release import Snapshot
from app.robustness import FACTOR_NAMES
from app.urls import with_params
from indicators.cells import safe_frame
from locales import language
from locales.messages import t


@dataclass(frozen=True)
class Headed:
    """A dataset's frame with headings it writes itself, already in the page's language, for the
    columns only it has (a headline's table, the benchmark a comparison reads); the others are
    headed by app.download_columns."""

    frame: pd.DataFrame
    headings: Mapping[str, str] = field(default_factory=dict)


Dataset = Callable[[Snapshot, dict[str, str], str], "pd.DataFrame | Headed"]
DATASETS: dict[str, Dataset] = {}
FORMATS = ("csv", "xlsx")
# `?decimal=` of a CSV: the field separator that goes with each decimal mark.
SEPARATORS = {"dot": ",", "comma": ";"}


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


def to_bytes(
    frame: pd.DataFrame,
    fmt: str,
    *,
    sheet: str = "data",
    about: tuple[str, list[tuple[str, str]]] | None = None,
    decimal: str = "dot",
) -> bytes:
    """The frame as a CSV (UTF-8 with BOM, so Excel shows accents; with `decimal="comma"`, `;`
    between fields and a decimal comma) or an XLSX workbook (the data in `sheet`, then the
    `about` sheet's name and rows, if any)."""
    safe = safe_frame(frame)
    if fmt == "csv":
        if decimal == "comma":
            safe = _numbers_with_comma(safe)
        return safe.to_csv(
            index=False,
            lineterminator="\r\n",
            sep=SEPARATORS[decimal],
            decimal="," if decimal == "comma" else ".",
        ).encode("utf-8-sig")
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        safe.to_excel(writer, index=False, sheet_name=sheet)
        if about is not None:
            name, rows = about
            safe_frame(pd.DataFrame(rows)).to_excel(
                writer, index=False, header=False, sheet_name=name
            )
    return out.getvalue()


def _numbers_with_comma(frame: pd.DataFrame) -> pd.DataFrame:
    """Numbers in columns that also hold text (pandas writes only float columns with the decimal
    it is given) written with a decimal comma."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(
                lambda v: str(v).replace(".", ",") if isinstance(v, float) and v == v else v
            )
    return out


def names(db: Snapshot, lang: str) -> Names:
    """What the release and the reference data call things in `lang`."""
    subregions = queries.subregion_names(db, lang)
    dimensions = queries.dimension_names(db, lang)
    indicators = queries.indicator_names(db, lang)
    reference = gtmi.reference()
    return Names(
        lang=lang,
        subregions=dict(zip(subregions["subregion"], subregions["name"], strict=True)),
        dimensions=dict(zip(dimensions["dimension_id"], dimensions["name"], strict=True)),
        indicators=dict(zip(indicators["indicator_id"], indicators["name"], strict=True)),
        gtmi_groups={g.id: g.label.get(lang) for g in reference.groups},
        gtmi_composites={c.id: c.name.get(lang) for c in reference.composites},
        factors={f: t(msgid, lang) for f, msgid in FACTOR_NAMES.items()},
        gtmi_citation=reference.source.citation.get(lang),
    )


def in_language(made: pd.DataFrame | Headed, words: Names) -> Localized:
    """A dataset's frame as its download in `words.lang`: headings, coded values' names, yes/no
    (UnknownColumn for a column or code app.download_columns cannot name)."""
    found = made if isinstance(made, Headed) else Headed(made)
    return localized(found.frame, words, found.headings)


def _has_demo(db: Snapshot) -> bool:
    """Whether the release holds demonstration values (its downloads then say so)."""
    return bool(db.frame("SELECT COUNT(*) AS n FROM published_values WHERE is_demo")["n"].iloc[0])


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
        args, lang = dict(flask.request.args), language(flask.request.args.get("lang"))
        decimal = args.pop("decimal", "dot")
        if decimal not in SEPARATORS:
            return flask.Response(
                f"decimal must be one of {', '.join(SEPARATORS)} (a CSV's decimal mark), "
                f"not '{decimal}'\n",
                status=400,
                mimetype="text/plain",
            )
        try:
            db = _release(args.get("release"))
            made = DATASETS[name](db, args, lang)
        except LookupError as exc:
            return flask.Response(f"{exc}\n", status=400, mimetype="text/plain")
        words = names(db, lang)
        done = in_language(made, words)
        stem = re.sub(
            r"[^A-Za-z0-9_-]+",
            "",
            "-".join([name, *(v for k, v in sorted(args.items()) if k != "lang")]),
        )
        if fmt == "csv":
            body, mimetype = to_bytes(done.frame, "csv", decimal=decimal), "text/csv"
            stem += "-decimal-comma" if decimal == "comma" else ""
        else:
            sheet = about(
                done,
                words,
                dataset=name,
                filename=f"{stem}.{fmt}",
                release=db.label,
                demo=_has_demo(db),
            )
            body = to_bytes(
                done.frame, "xlsx", sheet=t(DATA_SHEET, lang), about=(t(ABOUT_SHEET, lang), sheet)
            )
            mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return flask.Response(
            body,
            mimetype=mimetype,
            headers={
                "Content-Disposition": f'attachment; filename="{stem}.{fmt}"',
                "Cache-Control": for_release(args.get("release"), db.label),
            },
        )
