"""The portal's screens: sign-in, a country's submissions (upload, receipt, template), and the
secretariat's review (all submissions, a revision beside the previous one, approve or return,
coverage of the cycle, publishing) and the audit log."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import flask
import pandas as pd
from flask import abort, flash, redirect, render_template, request, send_file
from flask_login import current_user, login_user, logout_user
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlalchemy.exc import DBAPIError

from etl.accounts import authenticate
from etl.errors import Refused
from etl.intake import OtherCountry, receive
from etl.publish import publish
from etl.review import review
from etl.submission.columns import headings
from etl.template import write_template
from indicators.catalogue import Catalogue, load_catalogue
from indicators.countries import Country, load_members
from locales import LANGUAGE_NAMES, LANGUAGES
from locales.collation import sort_key
from locales.formats import fmt_count, fmt_datetime, fmt_value, is_missing
from locales.messages import t, tc, tn
from portal import revisions, uploads
from portal.access import (
    client_address,
    current_language,
    me,
    requires,
    session_user,
    warehouse,
)
from portal.texts import AUDIT_ACTIONS, DECIDED, ROLES, STATE_HELP, STATES
from warehouse.accounts import account_table
from warehouse.audit import audit_events, record_audit
from warehouse.db import STORAGE_ERRORS, WarehouseBusy
from warehouse.releases import release_table
from warehouse.submissions import (
    latest_states,
    portal_submissions,
    review_history,
    revision_values,
    submission_findings,
    submission_unreported,
)

portal = flask.Blueprint(
    "portal",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/portal/static",
)
csrf = CSRFProtect()
UPLOAD_AREA_KEY = "GEALC_UPLOAD_AREA"
CATALOGUE_KEY = "GEALC_CATALOGUE_PATH"
WHOLE = {
    "submission_id",
    "year",
    "revision",
    "row_count",
    "errors",
    "warnings",
    "row_number",
    "value_count",
}
HOME = {
    "country": "portal.submissions",
    "secretariat": "portal.submissions",
    "admin": "portal.audit",
}


def _catalogue() -> Catalogue:
    """The indicator catalogue the site was configured with."""
    return load_catalogue(flask.current_app.config[CATALOGUE_KEY])


@portal.before_request
def _csrf() -> None:
    """Every state-changing request of the portal carries the session's CSRF token."""
    csrf.protect()


@portal.app_context_processor
def _helpers() -> dict:
    """The page's language and its words for the templates: `t("…")`, `tc(context, "…")` and
    `tn(singular, plural, n)` with the Spanish msgid written out (so extraction finds it), and the
    tables of names for codes (`t(STATES[state])`)."""
    lang = current_language()
    return {
        "lang": lang,
        "t": lambda msgid, **values: t(msgid, lang, **values),
        "tc": lambda context, msgid, **values: tc(context, msgid, lang, **values),
        "tn": lambda singular, plural, n, **values: tn(singular, plural, n, lang, **values),
        "link": _link,
        "here": _here,
        "by_name": lambda countries: by_name(countries, lang),
        "LANGUAGE_NAMES": LANGUAGE_NAMES,
        "STATES": STATES,
        "STATE_HELP": STATE_HELP,
        "AUDIT_ACTIONS": AUDIT_ACTIONS,
        "ROLES": ROLES,
    }


def by_name(countries: Iterable[Country], lang: str) -> list[Country]:
    """Countries in the alphabetical order of their names in `lang`."""
    return sorted(countries, key=lambda c: sort_key(c.name.get(lang)))


@portal.app_template_filter("num")
def _number(value: object) -> str:
    """A value as sent, the page language's way (`91,5`, `91.5`), with at most four decimals and
    no trailing zeros; — when missing."""
    if is_missing(value):
        return "—"
    return fmt_value(float(value), current_language())


@portal.app_template_filter("count")
def _count(value: object) -> str:
    """A count the page language's way (`1.234`, `1,234`, `1 234`); — when missing."""
    return "—" if is_missing(value) else fmt_count(value, current_language())


@portal.app_template_filter("moment")
def _moment(value: object) -> str:
    """A stored time (UTC) the page language's way, the zone named; — when missing."""
    return "—" if is_missing(value) else fmt_datetime(value, current_language())


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows for a template: missing cells as None, whole-number columns as int."""
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    for row in rows:
        for key in WHOLE & row.keys():
            row[key] = None if row[key] is None else int(row[key])
    return rows


def _link(endpoint: str, **values: object) -> str:
    return flask.url_for(
        endpoint,
        lang=current_language(),
        **{k: v for k, v in values.items() if v not in (None, "")},
    )


def _here(lang: str) -> str:
    """This page in `lang`; for a page a form post led to (not reachable by a link), the
    account's home page, or the sign-in page."""
    if request.method != "GET":
        home = HOME[me().role] if current_user.is_authenticated else "portal.login"
        return flask.url_for(home, lang=lang)
    args = request.args.to_dict() | {"lang": lang}
    return (
        flask.url_for(request.endpoint, **(request.view_args or {}), **args)
        if request.endpoint
        else f"/?lang={lang}"
    )


@portal.route("/login", methods=["GET", "POST"])
def login() -> object:
    lang = current_language()
    if request.method == "GET":
        return render_template(
            "login.html", title=t("Iniciar sesión", lang), next=request.args.get("next", "")
        )
    with warehouse().writing() as conn, conn.begin():
        attempt = authenticate(
            conn,
            request.form.get("username", ""),
            request.form.get("password", ""),
            client_address(),
        )
        user = session_user(attempt.account, conn) if attempt.account else None
    if user is None:
        if attempt.wait_minutes:
            flash(
                t(
                    "Demasiados intentos fallidos. Espere {minutes} minutos e intente de nuevo.",
                    lang,
                    minutes=attempt.wait_minutes,
                ),
                "danger",
            )
        else:
            flash(t("Usuario o contraseña incorrectos.", lang), "danger")
        return (
            render_template(
                "login.html", title=t("Iniciar sesión", lang), next=request.form.get("next", "")
            ),
            429 if attempt.wait_minutes else 401,
        )
    flask.session.clear()  # a new session: nothing from before the sign-in carries over
    login_user(user)
    target = request.form.get("next", "")
    if "lang" not in request.args:  # a language chosen on the sign-in page wins
        lang = user.account.lang
    return redirect(
        target if _is_local(target) else flask.url_for(HOME[user.account.role], lang=lang), 303
    )


def _is_local(target: str) -> bool:
    """A path on this site (no scheme, no host, not `//elsewhere`, no control character or
    backslash a browser or a header could read otherwise): where to go after signing in."""
    if not target or any(ord(c) < 32 or c in "\\\x7f" for c in target):
        return False
    parts = urlsplit(target)
    return (
        target.startswith("/")
        and not target.startswith("//")
        and not parts.scheme
        and not parts.netloc
    )


@portal.post("/logout")
def logout() -> object:
    if current_user.is_authenticated:
        with warehouse().writing() as conn, conn.begin():
            record_audit(
                conn,
                me().username,
                "sign_out",
                iso3=me().iso3,
                target=current_user.session_id,  # this session ends on the server too
                address=client_address(),
            )
    logout_user()
    flask.session.clear()
    lang = current_language()
    flash(t("Cerró la sesión.", lang), "info")
    return redirect(flask.url_for("portal.login", lang=lang), 303)


@portal.get("/portal/")
@requires("country", "secretariat", "admin")
def start() -> object:
    return redirect(_link(HOME[me().role]))


@portal.get("/portal/submissions")
@requires("country", "secretariat")
def submissions() -> str:
    account = me()
    iso3 = (
        account.iso3
        if account.role == "country"
        else (request.args.get("country") or "").upper() or None
    )
    year = request.args.get("year", type=int)
    state = request.args.get("state") if request.args.get("state") in STATES else None
    with warehouse().reading() as conn:
        rows = portal_submissions(
            conn,
            iso3=iso3,
            year=year,
            state=state,
            only_country=account.iso3 if account.role == "country" else None,
        )
    members = load_members()
    return render_template(
        "submissions.html",
        title=t("Envíos", current_language()),
        rows=_records(rows),
        members=members,
        filters={"country": iso3 or "", "year": year or "", "state": state or ""},
        years=_years(),
        limit_mb=_limit_mb(),
        country=account.iso3,
    )


def _years() -> list[int]:
    this = datetime.now(UTC).year
    return list(range(this, 2017, -1))


def _limit_mb() -> int:
    return int(flask.current_app.config["MAX_CONTENT_LENGTH"] // 2**20)


@portal.post("/portal/upload")
@requires("country", "secretariat")
def upload() -> object:
    lang = current_language()
    sent = request.files.get("file")
    if sent is None or not sent.filename:
        flash(t("Elija un archivo antes de enviar.", lang), "warning")
        return redirect(_link("portal.submissions"), 303)
    root = flask.current_app.config[UPLOAD_AREA_KEY]
    try:
        stored = uploads.save(sent.stream, sent.filename, root)
    except uploads.UploadRefused:
        flash(t("El archivo está vacío: no se guardó nada.", lang), "warning")
        return redirect(_link("portal.submissions"), 303)
    catalogue, members = _catalogue(), load_members()
    try:
        with warehouse().writing() as conn:
            receipt = receive(
                conn,
                stored.path,
                me(),
                catalogue,
                members,
                stored_name=stored.stored_name,
                address=client_address(),
            )
    except OtherCountry as exc:
        stored.discard()
        flash(
            t(
                "El archivo tiene valores de {others}: una cuenta de {own} solo puede enviar los "
                "valores de {own}. No se guardó nada.",
                lang,
                own=exc.own,
                others=", ".join(exc.others),
            ),
            "danger",
        )
        return redirect(_link("portal.submissions"), 303)
    if receipt.status == "unchanged":
        stored.discard()
        flash(
            t(
                "Este mismo archivo ya se había recibido (envío {id}): este es su recibo.",
                lang,
                id=receipt.submission_id,
            ),
            "info",
        )
    return redirect(_link("portal.submission", submission_id=receipt.submission_id), 303)


def _visible(submission_id: int) -> list[dict]:
    """The submission's rows if the signed-in account may see it; 404 otherwise (whether it exists
    or belongs to another country is not revealed)."""
    account = me()
    with warehouse().reading() as conn:
        rows = portal_submissions(
            conn,
            submission_id=submission_id,
            only_country=account.iso3 if account.role == "country" else None,
        )
    if rows.empty:
        abort(404)
    return _records(rows)


@portal.get("/portal/submissions/<int:submission_id>")
@requires("country", "secretariat")
def submission(submission_id: int) -> str:
    rows = _visible(submission_id)
    lang = current_language()
    with warehouse().reading() as conn:
        findings = submission_findings(conn, submission_id, lang)
        gaps = submission_unreported(conn, submission_id)
        history = review_history(conn, submission_id)
        changes = [
            revisions.compare(
                row["iso3"],
                int(row["year"]),
                int(row["revision"]),
                revision_values(
                    conn,
                    row["iso3"],
                    int(row["year"]),
                    [int(row["revision"]) - 1, int(row["revision"])],
                ),
            )
            for row in rows
            if row["revision"] and int(row["revision"]) > 1
        ]
    return render_template(
        "submission.html",
        title=t("Recibo del envío {id}", lang, id=submission_id),
        rows=rows,
        first=rows[0],
        findings=[
            f | {"column_name": headings(lang).get(f["column_name"], f["column_name"])}
            for f in _records(findings)
        ],
        history=_records(history),
        unreported=_records(gaps),
        changes=changes,
        may_review=me().role == "secretariat" and rows[0]["state"] != "rejected",
    )


@portal.get("/portal/submissions/<int:submission_id>/file")
@requires("country", "secretariat")
def submission_file(submission_id: int) -> object:
    first = _visible(submission_id)[0]
    path = uploads.path_of(flask.current_app.config[UPLOAD_AREA_KEY], first["stored_name"] or "")
    if path is None:
        abort(404)
    return send_file(path, as_attachment=True, download_name=first["file_name"])


@portal.post("/portal/submissions/<int:submission_id>/review")
@requires("secretariat")
def decide(submission_id: int) -> object:
    _visible(submission_id)
    action = {"approve": "approved", "return": "returned"}.get(request.form.get("action", ""))
    comment = request.form.get("comment", "").strip()
    if action is None:
        abort(400)
    lang = current_language()
    if action == "returned" and not comment:
        flash(
            t("Para devolver un envío escriba un comentario que diga qué corregir.", lang),
            "warning",
        )
    else:
        try:
            with warehouse().writing() as conn, conn.begin():
                review(conn, [submission_id], action, me().username, comment or None)
            flash(t(DECIDED[action], lang, id=submission_id), "success")
        except Refused as exc:
            flash(exc.said(lang), "danger")
    return redirect(_link("portal.submission", submission_id=submission_id), 303)


@portal.get("/portal/template")
@requires("country", "secretariat")
def template() -> object:
    members = load_members()
    iso3 = me().iso3 if me().role == "country" else (request.args.get("country") or "").upper()
    year = request.args.get("year", type=int)
    fmt = request.args.get("format", "xlsx")
    lang = request.args.get("template_lang", current_language())
    if (
        iso3 not in members.by_iso3
        or year not in _years()
        or fmt not in ("xlsx", "csv")
        or lang not in LANGUAGES
    ):
        abort(400)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"gealc-{iso3}-{year}.{fmt}"
        write_template(path, _catalogue(), members.by_iso3[iso3], year, fmt=fmt, lang=lang)
        data = path.read_bytes()
    return send_file(io.BytesIO(data), as_attachment=True, download_name=path.name)


@portal.get("/portal/coverage")
@requires("secretariat")
def coverage() -> str:
    year = request.args.get("year", type=int) or datetime.now(UTC).year - 1
    lang = current_language()
    with warehouse().reading() as conn:
        latest = latest_states(conn, year)
    by_country = {row["iso3"]: row for row in _records(latest)}
    members = load_members()
    rows = [
        {"iso3": c.iso3, "name": c.name.get(lang), **by_country.get(c.iso3, {})}
        for c in by_name(members.countries, lang)
    ]
    missing = [r for r in rows if "state" not in r]
    return render_template(
        "coverage.html",
        title=t("Cobertura del ciclo {year}", lang, year=year),
        year=year,
        rows=rows,
        missing=missing,
        years=_years(),
    )


@portal.route("/portal/publish", methods=["GET", "POST"])
@requires("secretariat")
def release() -> object:
    lang = current_language()
    if request.method == "POST":
        label, note = (
            request.form.get("label", "").strip(),
            request.form.get("note", "").strip() or None,
        )
        try:
            with warehouse().writing() as conn, conn.begin():
                made = publish(conn, label, me().username, _catalogue(), note)
            flash(
                tn(
                    "Versión {label} publicada: {n} valor (SHA-256 {sha}…).",
                    "Versión {label} publicada: {n} valores (SHA-256 {sha}…).",
                    made.values,
                    lang,
                    label=made.label,
                    sha=made.sha256[:12],
                ),
                "success",
            )
        except Refused as exc:
            flash(t("No se publicó nada: {reason}", lang, reason=exc.said(lang)), "danger")
        return redirect(_link("portal.release"), 303)
    with warehouse().reading() as conn:
        releases = release_table(conn)
        waiting = portal_submissions(conn, state="accepted")
    return render_template(
        "publish.html",
        title=t("Publicar una versión", lang),
        releases=_records(releases),
        waiting=waiting["submission_id"].nunique(),
    )


@portal.get("/portal/audit")
@requires("secretariat", "admin")
def audit() -> str:
    filters = {key: request.args.get(key) or None for key in ("actor", "action", "country")}
    with warehouse().reading() as conn:
        events = audit_events(
            conn,
            actor=filters["actor"],
            action=filters["action"],
            iso3=(filters["country"] or "").upper() or None,
        )
    return render_template(
        "audit.html",
        title=t("Registro de actividad", current_language()),
        events=_records(events),
        filters={k: v or "" for k, v in filters.items()},
    )


@portal.get("/portal/users")
@requires("admin")
def users() -> str:
    with warehouse().reading() as conn:
        accounts = account_table(conn)
    return render_template(
        "users.html", title=t("Cuentas", current_language()), accounts=_records(accounts)
    )


@portal.app_errorhandler(CSRFError)
def _expired(exc: CSRFError) -> tuple[str, int]:
    lang = current_language()
    return render_template(
        "message.html",
        title=t("El formulario caducó", lang),
        text=t(
            "Por seguridad, el formulario no se aceptó (su sesión cambió o caducó). Vuelva a la "
            "página, recárguela e intente de nuevo. No se guardó nada.",
            lang,
        ),
    ), 400


@portal.app_errorhandler(413)
def _too_large(exc: Exception) -> tuple[str, int]:
    lang = current_language()
    return render_template(
        "message.html",
        title=t("Archivo demasiado grande", lang),
        text=t(
            "El archivo supera el límite de {limit_mb} MB y no se recibió. Una plantilla completa "
            "pesa mucho menos: envíe solo la plantilla, sin hojas ni imágenes añadidas.",
            lang,
            limit_mb=_limit_mb(),
        ),
    ), 413


@portal.app_errorhandler(WarehouseBusy)
@portal.errorhandler(DBAPIError)
@portal.errorhandler(duckdb.Error)
def _busy(exc: Exception) -> tuple[str, int, dict]:
    """The warehouse is held by another job, or cannot be opened or read (a missing or damaged
    DuckDB file, a lost server): nothing was done, the service is unavailable for now — never
    told as a wrong password or a server error."""
    if isinstance(exc, STORAGE_ERRORS):
        flask.current_app.logger.warning(
            "the warehouse could not be read: %s", getattr(exc, "orig", exc)
        )
    lang = current_language()
    return (
        render_template(
            "message.html",
            title=t("Base de datos ocupada", lang),
            text=t(
                "Otra tarea está escribiendo en la base de datos. No se guardó nada: intente de "
                "nuevo en un minuto.",
                lang,
            ),
        ),
        503,
        {"Retry-After": "30"},
    )


@portal.errorhandler(403)
def _forbidden(exc: Exception) -> tuple[str, int]:
    lang = current_language()
    return render_template(
        "message.html",
        title=t("Sin acceso", lang),
        text=t("Su cuenta no da acceso a esta página.", lang),
    ), 403


@portal.errorhandler(404)
def _missing(exc: Exception) -> tuple[str, int]:
    lang = current_language()
    return render_template(
        "message.html",
        title=t("No encontrado", lang),
        text=t("No existe o su cuenta no puede verlo.", lang),
    ), 404
