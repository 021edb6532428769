"""`gealc`: the one command that fronts every job, with the settings read once (`gealc.config`).
Exit 0 on success, 1 when input data is wrong (with what, where and how to fix it), 2 for usage
errors and unusable settings, 74 when the warehouse is missing, damaged or unreachable, 75
when it stayed busy."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from etl.errors import FileProblem, Refused
from gealc.config import ENV_DATABASE, ConfigError, Settings
from indicators.texts import DEFAULT_LANGUAGE, LANGUAGES
from indicators.yaml_source import DataFileError
from warehouse.db import (
    STORAGE_ERRORS,
    WarehouseBusy,
    WarehouseUnavailable,
    connect,
    duckdb_path,
    normalise_url,
    open_for_writing,
    where,
)

T = TypeVar("T")
DATA_ERRORS = (FileProblem, DataFileError, Refused)
UPGRADE = (
    "it lacks a table or view of this version of gealc (an older gealc made it): run "
    "`gealc build`, which adds what is missing and keeps everything else"
)
RESTORE = (
    "restore the DuckDB file from a backup (or check that the database server is up), or move "
    "the damaged file aside, make a new warehouse with `gealc build` and load the files again"
)
EXIT_UNREADABLE = 74  # sysexits' EX_IOERR: the warehouse is missing, damaged or unreachable
EXIT_BUSY = 75  # sysexits' EX_TEMPFAIL: try again later


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gealc",
        description="Red GEALC indicators platform: build the warehouse, check and load country "
        "submissions, write templates, load the UN E-Government Survey, generate demo data "
        "and serve the dashboard.",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help=f"warehouse URL (default: ${ENV_DATABASE}, else the DuckDB file "
        "data/warehouse/gealc.duckdb); e.g. duckdb:///path.duckdb or postgresql://user@host/db",
    )
    parser.add_argument(
        "--catalogue",
        metavar="PATH",
        type=Path,
        help="indicator catalogue YAML to use instead of indicators/catalogue.yaml",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "build",
        help="create or update the warehouse: schema, catalogue, countries, UN figures",
        description="Create the schema and views, and load the catalogue, the member countries "
        "and the shipped UN survey figures. Safe to run again: same warehouse, no duplicates.",
    )
    p.add_argument(
        "--demo",
        action="store_true",
        help="also generate and load the demonstration submissions 2018–2024",
    )
    p.set_defaults(run=_build)

    p = sub.add_parser(
        "gtmi",
        help="World Bank GovTech Maturity Index files",
        description="Load or export World Bank GovTech Maturity Index (GTMI) figures.",
    )
    gtmi = p.add_subparsers(dest="gtmi_command", required=True, metavar="ACTION")
    q = gtmi.add_parser(
        "load",
        help="load World Bank GTMI CSV files (composites, or a survey's indicators)",
        description="Read World Bank GTMI files as published (every economy) and load them. "
        "Every file is checked first; if any is wrong, nothing is loaded.",
    )
    q.add_argument("files", nargs="+", type=Path, metavar="FILE")
    q.set_defaults(run=_gtmi_load)
    q = gtmi.add_parser(
        "reference",
        help="write the member countries' GTMI figures as the project ships them",
        description="Read World Bank GTMI files and write the 33 members' composites and "
        "indicators (data/reference/gtmi_members.csv and gtmi_indicators_members.csv).",
    )
    q.add_argument("files", nargs="+", type=Path, metavar="FILE")
    q.add_argument("-o", "--output-dir", type=Path, help="folder for the two CSV files")
    q.set_defaults(run=_gtmi_reference)

    p = sub.add_parser(
        "egov",
        help="UN E-Government Survey files",
        description="Load or export UN E-Government Survey figures.",
    )
    egov = p.add_subparsers(dest="egov_command", required=True, metavar="ACTION")
    q = egov.add_parser(
        "load",
        help="load UN Data Center CSV exports (one file per survey)",
        description="Read UN Data Center exports (both column layouts) and load them. "
        "Every file is checked first; if any is wrong, nothing is loaded.",
    )
    q.add_argument("files", nargs="+", type=Path, metavar="FILE")
    q.set_defaults(run=_egov_load)
    q = egov.add_parser(
        "reference",
        help="write the member countries' UN figures as the project ships them",
        description="Read UN Data Center exports and write the 33 members' rows to a CSV "
        "(data/reference/un_egov_members.csv by default).",
    )
    q.add_argument("files", nargs="+", type=Path, metavar="FILE")
    q.add_argument("-o", "--output", type=Path, help="where to write the CSV")
    q.set_defaults(run=_egov_reference)

    p = sub.add_parser(
        "validate",
        help="check submission files without loading them",
        description="Check CSV/XLSX submissions against the catalogue (and, when the warehouse "
        "exists, against the countries' earlier values) and print a receipt per file. "
        "Nothing is written. Exit 0 when every file is valid, 1 otherwise.",
    )
    _receipt_options(p)
    p.set_defaults(run=_validate)

    p = sub.add_parser(
        "load",
        help="check submission files and load the accepted ones",
        description="Check each file and load it in its own transaction: all of it or none of it. "
        "Rejected files are recorded with their receipt, their values are not. "
        "Exit 0 when every file is accepted, 1 when any is rejected, "
        f"{EXIT_BUSY} when another job holds the warehouse.",
    )
    _receipt_options(p)
    p.add_argument("--submitter", default=None, help="who sent the files (default: your user name)")
    p.add_argument(
        "--wait",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="how long to wait for another job writing the warehouse (default: 60)",
    )
    p.set_defaults(run=_load)

    p = sub.add_parser(
        "template",
        help="write a submission template for a country and year",
        description="Write the submission template (XLSX with instructions, drop-down lists and "
        "checks, or the CSV equivalent) for one country and year.",
    )
    p.add_argument("--country", required=True, metavar="ISO3", help="member country, e.g. URY")
    p.add_argument(
        "--year", required=True, type=int, metavar="YYYY", help="reference year of the values"
    )
    p.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    p.add_argument(
        "--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of headings and help"
    )
    p.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    p.set_defaults(run=_template)

    p = sub.add_parser(
        "methodology",
        help="write the methodology document from the catalogue",
        description="Write the scoring methodology (Markdown) from the catalogue in use, with a "
        "worked example from the demonstration data. Without -o, writes docs/methodology.md "
        "(English) and docs/methodology.es.md, .pt.md and .fr.md.",
    )
    p.add_argument("--lang", choices=LANGUAGES, help="only this language")
    p.add_argument("-o", "--output", type=Path, help="file to write (needs --lang)")
    p.set_defaults(run=_methodology)

    p = sub.add_parser(
        "demo",
        help="write the demonstration submissions as CSV files",
        description="Write the deterministic demonstration submissions (one CSV per country-year).",
    )
    p.add_argument("-o", "--output", type=Path, required=True, help="folder to write into")
    p.set_defaults(run=_demo)

    p = sub.add_parser(
        "review",
        help="the secretariat's review: list, approve or return submissions",
        description="List submissions by state, approve them, or return them to the country "
        "with a comment.",
    )
    review = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    q = review.add_parser(
        "list", help="submissions with their state (accepted, approved, returned, rejected)"
    )
    q.add_argument("--state", choices=["accepted", "approved", "returned", "rejected"])
    q.add_argument("--country", help="ISO3 code")
    q.add_argument("--year", type=int)
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=_review_list)
    for name, action, helptext in (
        ("approve", "approved", "approve accepted submissions for publication"),
        ("return", "returned", "return submissions to the country, with a comment"),
    ):
        q = review.add_parser(name, help=helptext)
        q.add_argument(
            "ids", nargs="+", type=int, metavar="ID", help="submission id (see `gealc review list`)"
        )
        q.add_argument(
            "--comment",
            required=action == "returned",
            help="what the country should fix, or a note",
        )
        q.add_argument("--by", help="who decides (default: the user running the command)")
        q.set_defaults(run=_review, review_action=action)

    p = sub.add_parser(
        "publish",
        help="freeze the approved values and their scores into an immutable release",
        description="Publish a release: the approved current values and their scores, under a "
        "new label.",
    )
    p.add_argument(
        "--label", required=True, help="the release's name in URLs and citations, e.g. 2024-1"
    )
    p.add_argument("--note", help="what the release contains or corrects")
    p.add_argument("--by", help="who publishes (default: the user running the command)")
    p.set_defaults(run=_publish)

    p = sub.add_parser(
        "report",
        help="write the 'GEALC en números' report of a release (HTML or PDF)",
        description="Write the 'GEALC en números' report of a published release as one "
        "self-contained HTML document (charts inline, nothing fetched) or as a PDF printed from it "
        "with headless Chromium: key figures, one section per dimension, the UN comparison, "
        "coverage, a methodology summary, the release's SHA-256 and citation. Needs Chromium "
        "(BROWSER_PATH overrides where it is). Exit 1 when the release or year does not exist.",
    )
    p.add_argument("--release", metavar="LABEL", help="the release (default: the latest published)")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help="language of the report (default: es)",
    )
    p.add_argument("--format", choices=("html", "pdf"), help="default: from the suffix of -o")
    p.add_argument(
        "-o", "--output", type=Path, required=True, help="file to write, e.g. gealc-2024.pdf"
    )
    p.add_argument(
        "--year",
        type=int,
        metavar="YYYY",
        help="data year (default: the latest with values in the release)",
    )
    p.add_argument(
        "--charts",
        type=Path,
        metavar="DIR",
        help="also write every chart there as PNG and SVG (01-reporting.png, …)",
    )
    p.set_defaults(run=_write_report)

    p = sub.add_parser(
        "users",
        help="portal accounts: add, disable, reset-password, list",
        description="Manage the accounts that sign in to the submission portal: country focal "
        "points (one country each), the secretariat (reviews and publishes) and admins. New and "
        "reset passwords are generated and printed once, unless given on standard input.",
    )
    users = p.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    q = users.add_parser("add", help="create an account")
    q.add_argument("username", help="sign-in name: 3–64 lower-case letters, digits, . _ @ -")
    q.add_argument("--role", required=True, choices=("country", "secretariat", "admin"))
    q.add_argument(
        "--country", metavar="ISO3", help="the member country of a country account, e.g. URY"
    )
    q.add_argument("--name", help="the person's or office's name, shown in the portal")
    q.add_argument(
        "--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="the portal's language for them"
    )
    _password_options(q)
    q.set_defaults(run=_users_add)
    q = users.add_parser("disable", help="stop an account from signing in (its history stays)")
    q.add_argument("username")
    q.add_argument("--by", help="who does it (default: the user running the command)")
    q.set_defaults(run=_users_disable)
    q = users.add_parser(
        "reset-password", help="give an account a new password (and enable it again)"
    )
    q.add_argument("username")
    _password_options(q)
    q.set_defaults(run=_users_reset)
    q = users.add_parser("list", help="every account with its role, country and state")
    q.add_argument("--json", action="store_true")
    q.set_defaults(run=_users_list)

    p = sub.add_parser(
        "serve",
        help="serve the dashboard and the submission portal",
        description="Serve the public pages and, under /login and /portal, the submission portal. "
        "The portal signs sessions with $GEALC_SECRET_KEY, required unless serving this "
        "machine only (127.0.0.1) or --debug; GEALC_COOKIE_SECURE=1 marks cookies Secure "
        "(the default outside development; put the site behind HTTPS).",
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8050)
    p.add_argument("--debug", action="store_true", help="Dash debug mode (reloads on code changes)")
    p.set_defaults(run=_serve)
    return parser


def _build(args: argparse.Namespace, settings: Settings) -> int:
    from etl.build import build

    summary = build(
        connect(settings.database_url), demo=args.demo, catalogue_path=settings.catalogue
    )
    print(
        f"Warehouse ready at {settings.database_url}: {summary.indicators} indicators, "
        f"{summary.countries} countries, {summary.egov_rows} UN survey rows, "
        f"{summary.gtmi_rows} World Bank GTMI rows"
        + (
            f", {summary.demo_files} demo submissions ({summary.demo_loaded} new)"
            if args.demo
            else ""
        )
        + f", {summary.scores} scores"
    )
    return 0


def _read_all(files: list[Path], read: Callable[[Path], T]) -> list[T] | None:
    """Each file read by `read`, or None after printing every file's problem: all files are
    checked before anything is loaded."""
    frames, problems = [], []
    for path in files:
        try:
            frames.append(read(path))
        except FileProblem as exc:
            problems.append(exc)
    for exc in problems:
        print(f"error: {exc}", file=sys.stderr)
    if problems:
        print(
            f"Nothing was loaded: {len(problems)} of {len(files)} file(s) need fixing.",
            file=sys.stderr,
        )
        return None
    return frames


def _read_survey_files(files: list[Path]):
    from etl.un_egov import Crosswalk, read_survey_file

    crosswalk = Crosswalk.read()
    return _read_all(files, lambda path: read_survey_file(path, crosswalk))


def _egov_load(args: argparse.Namespace, settings: Settings) -> int:
    import pandas as pd

    from warehouse import schema
    from warehouse.reference import upsert_egov

    frames = _read_survey_files(args.files)
    if frames is None:
        return 1
    with connect(settings.database_url).begin() as conn:
        schema.create_all(conn)
        rows = upsert_egov(conn, pd.concat(frames, ignore_index=True))
    for path, frame in zip(args.files, frames, strict=True):
        surveys = ", ".join(map(str, sorted(frame["survey_year"].unique())))
        print(f"{path.name}: survey {surveys}, {len(frame)} countries")
    print(f"Loaded {rows} UN survey rows.")
    return 0


def _egov_reference(args: argparse.Namespace, settings: Settings) -> int:
    import pandas as pd

    from etl.un_egov import MEMBERS_REFERENCE_PATH, members_reference
    from indicators.countries import load_members

    frames = _read_survey_files(args.files)
    if frames is None:
        return 1
    out = args.output or MEMBERS_REFERENCE_PATH
    table = members_reference(pd.concat(frames, ignore_index=True), load_members().iso3_codes)
    table.to_csv(out, index=False, lineterminator="\n")
    print(f"Wrote {len(table)} rows to {out}")
    return 0


def _read_gtmi_files(files: list[Path], settings: Settings):
    from etl.gtmi import read_economies, read_gtmi_file
    from indicators.catalogue import load_catalogue
    from indicators.gtmi import load_gtmi

    maxima = load_gtmi(catalogue=load_catalogue(settings.catalogue)).maxima()
    economies = read_economies()
    return _read_all(files, lambda path: read_gtmi_file(path, economies, maxima))


def _gtmi_load(args: argparse.Namespace, settings: Settings) -> int:
    import pandas as pd

    from warehouse import schema
    from warehouse.reference import upsert_gtmi

    frames = _read_gtmi_files(args.files, settings)
    if frames is None:
        return 1
    composites = pd.concat([f.composites for f in frames], ignore_index=True)
    indicators = pd.concat([f.indicators for f in frames], ignore_index=True)
    with connect(settings.database_url).begin() as conn:
        schema.create_all(conn)
        rows = upsert_gtmi(conn, composites, indicators)
    for path, frame in zip(args.files, frames, strict=True):
        found = frame.composites if len(frame.composites) else frame.indicators
        years = ", ".join(map(str, sorted(found["year"].unique())))
        what = "composites" if len(frame.composites) else "indicators"
        skipped = (
            f"; skipped {len(frame.skipped)} summary rows (a number for the economy code: lines "
            f"{', '.join(map(str, frame.skipped))})"
            if frame.skipped
            else ""
        )
        print(f"{path.name}: {what}, survey {years}, {found['iso3'].nunique()} economies{skipped}")
    print(f"Loaded {rows} World Bank GTMI rows.")
    return 0


def _gtmi_reference(args: argparse.Namespace, settings: Settings) -> int:
    from etl.gtmi import COMPOSITES_REFERENCE_PATH, INDICATORS_REFERENCE_PATH, members_reference
    from indicators.countries import load_members

    frames = _read_gtmi_files(args.files, settings)
    if frames is None:
        return 1
    composites, indicators = members_reference(frames, load_members().iso3_codes)
    for frame, default in (
        (composites, COMPOSITES_REFERENCE_PATH),
        (indicators, INDICATORS_REFERENCE_PATH),
    ):
        out = args.output_dir / default.name if args.output_dir else default
        frame.to_csv(out, index=False, lineterminator="\n")
        print(f"Wrote {len(frame)} rows to {out}")
    return 0


def _demo(args: argparse.Namespace, settings: Settings) -> int:
    from etl.demo import write_demo
    from etl.un_egov import read_reference
    from indicators.catalogue import load_catalogue
    from indicators.countries import load_members

    paths = write_demo(
        load_catalogue(settings.catalogue), load_members(), read_reference(), args.output
    )
    print(f"Wrote {len(paths)} demonstration submissions to {args.output}")
    return 0


def _receipt_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="CSV or XLSX submissions")
    p.add_argument("--json", action="store_true", help="print the receipts as JSON")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help="language of the receipt (default: es)",
    )


def _report(args: argparse.Namespace, receipts: Iterable) -> list:
    """Print each receipt as its file is done (text), or all of them at the end (JSON)."""
    from etl.submission.receipt import as_dict, render_summary, render_text

    done = []
    for receipt in receipts:
        done.append(receipt)
        if not args.json:
            print(render_text(receipt, args.lang), flush=True)
    if args.json:
        doc = {
            "language": args.lang,
            "accepted": all(r.ok for r in done),
            "files": [as_dict(r, args.lang) for r in done],
        }
        print(json.dumps(doc, ensure_ascii=False, indent=2, default=str))
    else:
        print(render_summary(done, args.lang))
    return done


def _exit_code(receipts: list) -> int:
    return 0 if all(r.ok for r in receipts) else 1


def _missing_files(files: list[Path]) -> list[Path]:
    missing = [f for f in files if not f.is_file()]
    for f in missing:
        print(f"error: {f}: no such file", file=sys.stderr)
    return missing


def _validate(args: argparse.Namespace, settings: Settings) -> int:
    from etl.load import validate_file
    from indicators.catalogue import load_catalogue
    from indicators.countries import load_members
    from warehouse.schema import is_built

    if _missing_files(args.files):
        return 2
    catalogue, members = load_catalogue(settings.catalogue), load_members()
    url = settings.database_url
    path = duckdb_path(normalise_url(url))
    conn = None
    if path is None or path.exists():
        try:
            conn = connect(url, read_only=True).connect()
            conn = conn if is_built(conn) else None
        except OperationalError:
            conn = None  # no warehouse to compare with: the file's own checks still hold
    try:
        return _exit_code(
            _report(args, (validate_file(f, catalogue, members, conn) for f in args.files))
        )
    finally:
        if conn is not None:
            conn.close()


def _load(args: argparse.Namespace, settings: Settings) -> int:
    from etl.load import Loader
    from etl.scores import refresh_scores
    from indicators.catalogue import load_catalogue
    from indicators.countries import load_members
    from warehouse.schema import is_built

    if _missing_files(args.files):
        return 2
    catalogue, members = load_catalogue(settings.catalogue), load_members()
    engine = connect(settings.database_url)
    with open_for_writing(engine, args.wait) as conn:
        built = is_built(conn)
    if not built:
        from etl.build import build

        build(engine, catalogue_path=settings.catalogue)
    submitter = args.submitter or getpass.getuser()
    with open_for_writing(engine, args.wait) as conn:
        try:
            receipts = _report(
                args, Loader(conn, catalogue, members, submitter).load_all(args.files)
            )
        finally:
            # Even when the batch stops early (a closed pipe, Ctrl+C) and even when nothing was
            # accepted: a run that was killed before its refresh left scores behind the values,
            # and this repairs them (a refresh that finds nothing to change writes nothing).
            with conn.begin():
                refresh_scores(conn, catalogue)
    return _exit_code(receipts)


def _template(args: argparse.Namespace, settings: Settings) -> int:
    from etl.template import write_template
    from indicators.catalogue import load_catalogue
    from indicators.countries import load_members

    members = load_members()
    iso3 = args.country.strip().upper()
    if iso3 not in members.by_iso3:
        print(
            f"error: {args.country} is not a member country; "
            f"use one of {', '.join(members.iso3_codes)}",
            file=sys.stderr,
        )
        return 2
    write_template(
        args.output,
        load_catalogue(settings.catalogue),
        members.by_iso3[iso3],
        args.year,
        fmt=args.format,
        lang=args.lang,
    )
    print(
        f"Wrote the {args.format.upper()} template for {iso3} {args.year} ({args.lang}) "
        f"to {args.output}"
    )
    return 0


def _methodology(args: argparse.Namespace, settings: Settings) -> int:
    from etl.methodology import OUTPUTS, methodology_text
    from indicators.catalogue import load_catalogue
    from indicators.countries import load_members

    if args.output and not args.lang:
        print("error: -o needs --lang", file=sys.stderr)
        return 2
    targets = {args.lang: args.output or OUTPUTS[args.lang]} if args.lang else OUTPUTS
    catalogue, members = load_catalogue(settings.catalogue), load_members()
    for lang, path in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(methodology_text(catalogue, members, lang), encoding="utf-8")
        print(f"Wrote {path}")
    return 0


def _review_list(args: argparse.Namespace, settings: Settings) -> int:
    from warehouse.submissions import submissions_for_review

    with connect(settings.database_url, read_only=True).connect() as conn:
        rows = submissions_for_review(
            conn, args.state, args.country.upper() if args.country else None, args.year
        )
    columns = [
        "submission_id",
        "iso3",
        "year",
        "revision",
        "state",
        "file_name",
        "submitter",
        "received_at",
        "errors",
        "warnings",
        "review_comment",
        "reviewed_by",
        "reviewed_at",
    ]
    if args.json:
        print(
            rows[columns].to_json(orient="records", date_format="iso", force_ascii=False, indent=2)
        )
    else:
        print(rows[columns[:10]].to_string(index=False) if len(rows) else "No submissions match.")
    return 0


def _review(args: argparse.Namespace, settings: Settings) -> int:
    from etl.review import review

    with _built_connection(settings) as conn, conn.begin():
        done = review(
            conn, args.ids, args.review_action, args.by or getpass.getuser(), args.comment
        )
    print(f"{args.review_action.capitalize()}: submission {', '.join(map(str, done))}.")
    return 0


def _publish(args: argparse.Namespace, settings: Settings) -> int:
    from etl.publish import publish
    from indicators.catalogue import load_catalogue

    with _built_connection(settings) as conn, conn.begin():
        release = publish(
            conn,
            args.label,
            args.by or getpass.getuser(),
            load_catalogue(settings.catalogue),
            args.note,
        )
    print(
        f"Published release {release.label}: {release.values} values, {release.scores} scores, "
        f"sha256 {release.sha256}"
    )
    return 0


def _write_report(args: argparse.Namespace, settings: Settings) -> int:
    fmt = args.format or {".html": "html", ".htm": "html", ".pdf": "pdf"}.get(
        args.output.suffix.lower()
    )
    if fmt is None:
        print(
            f"error: cannot tell the format from {args.output.name}; "
            "give --format html or --format pdf",
            file=sys.stderr,
        )
        return 2
    from app import (  # imported only here: Dash and Plotly cost every other command a second
        export,
        report,
    )

    try:
        written = report.write(
            settings.database_url,
            args.release,
            args.lang,
            fmt,
            args.output,
            year=args.year,
            charts=args.charts,
            browser=settings.browser_path,
        )
    except (report.ReportError, export.BrowserError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    charts = len(written) - 1
    print(
        f"Wrote {args.output}" + (f" and {charts} chart files to {args.charts}" if charts else "")
    )
    return 0


def _password_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input instead of generating one",
    )
    p.add_argument("--by", help="who does it (default: the user running the command)")


def _new_password(args: argparse.Namespace) -> tuple[str, bool]:
    """The password given on standard input, or a generated one (to be printed once)."""
    from etl.accounts import generate_password

    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n"), False
    return generate_password(), True


def _built_connection(settings: Settings) -> Connection:
    """A writing connection to the warehouse, built first when it lacks a table of this version
    (a new warehouse, or one an older gealc made: building adds what is missing)."""
    from etl.build import build
    from warehouse.schema import is_built

    engine = connect(settings.database_url)
    with open_for_writing(engine) as conn:
        built = is_built(conn)
    if not built:
        build(engine, catalogue_path=settings.catalogue)
    return open_for_writing(engine)


def _users_add(args: argparse.Namespace, settings: Settings) -> int:
    from etl.accounts import Account, add_user
    from indicators.countries import load_members

    password, generated = _new_password(args)
    with _built_connection(settings) as conn, conn.begin():
        account = add_user(
            conn,
            Account(args.username, args.role, args.country, args.name, args.lang),
            password,
            args.by or getpass.getuser(),
            members=tuple(load_members().iso3_codes),
        )
    where = f" for {account.iso3}" if account.iso3 else ""
    print(f"Added {account.role} account '{account.username}'{where}.")
    if generated:
        print(f"Password (shown once; hand it over privately): {password}")
    return 0


def _users_disable(args: argparse.Namespace, settings: Settings) -> int:
    from etl.accounts import disable_user

    with _built_connection(settings) as conn, conn.begin():
        disable_user(conn, args.username, args.by or getpass.getuser())
    print(f"Disabled account '{args.username}': it can no longer sign in.")
    return 0


def _users_reset(args: argparse.Namespace, settings: Settings) -> int:
    from etl.accounts import reset_password

    password, generated = _new_password(args)
    with _built_connection(settings) as conn, conn.begin():
        reset_password(conn, args.username, password, args.by or getpass.getuser())
    print(f"New password set for '{args.username}'.")
    if generated:
        print(f"Password (shown once; hand it over privately): {password}")
    return 0


def _users_list(args: argparse.Namespace, settings: Settings) -> int:
    from etl.accounts import list_users

    with _built_connection(settings) as conn:
        rows = list_users(conn)
    if args.json:
        print(rows.to_json(orient="records", date_format="iso", force_ascii=False, indent=2))
    else:
        print(
            rows.fillna("—").to_string(index=False)
            if len(rows)
            else "No accounts yet: add one with `gealc users add`."
        )
    return 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from gealc import (
        site,  # imported only here: Dash costs every other command a second
    )

    return site.serve(settings, host=args.host, port=args.port, debug=args.debug)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_environ(database_url=args.db, catalogue=args.catalogue)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        return args.run(args, settings)
    except DATA_ERRORS as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except WarehouseUnavailable as exc:
        print(f"error: {exc}; {RESTORE}", file=sys.stderr)
        return EXIT_UNREADABLE
    except WarehouseBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except STORAGE_ERRORS as exc:
        cause = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        missing = "does not exist" in cause.lower() or "catalog error" in cause.lower()
        print(
            f"error: the warehouse {where(settings.database_url)} cannot be read or written "
            f"({cause}); {UPGRADE if missing else RESTORE}",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
