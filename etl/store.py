"""The write side's SQL, all of it: reference tables, UN figures, submissions (what is already
there, and recording a new file with its revisions, observations and validation issues) and
scores. Callers own the transaction."""
from __future__ import annotations

import json
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import (
    and_,
    bindparam,
    column,
    delete,
    func,
    select,
    table,
    text,
)
from sqlalchemy.engine import Connection

from etl import schema
from etl.db import insert_frame, insert_rows, insert_with_id
from etl.findings import Finding
from etl.messages import explain
from etl.validate import OBSERVATION_COLUMNS
from indicators.texts import LANGUAGES

# Any constant shared by every gealc process: PostgreSQL serialises loads on it.
LOAD_LOCK_KEY = 4_715_001


def serialise_loads(conn: Connection) -> None:
    """Make concurrent loads on PostgreSQL wait for each other until the end of the transaction
    (revision numbers and the same-bytes check need it). DuckDB already allows one writer."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOAD_LOCK_KEY})


def is_built(conn: Connection) -> bool:
    return conn.dialect.has_table(conn, schema.submission.name)


def last_submission_id(conn: Connection) -> int:
    """The highest submission id stored (0 when none): loads are serialised and ids only grow,
    so it changes whenever anyone records a file."""
    return int(conn.scalar(text("SELECT MAX(submission_id) FROM submission")) or 0)


def accepted_checksums(conn: Connection) -> dict[str, int]:
    """sha256 → the first accepted submission with exactly those bytes."""
    s = schema.submission.c
    rows = conn.execute(select(s.sha256, func.min(s.submission_id)).where(s.status == "accepted").group_by(s.sha256))
    return {sha256: int(submission_id) for sha256, submission_id in rows}


def parts_of(conn: Connection, submission_id: int) -> list[tuple[str, int, int | None]]:
    """(iso3, year, revision) of each country-year in a stored submission."""
    p = schema.submission_part.c
    rows = conn.execute(select(p.iso3, p.year, p.revision).where(p.submission_id == submission_id).order_by(p.iso3, p.year))
    return [(iso3, int(year), revision) for iso3, year, revision in rows]


def current_values(conn: Connection, years: list[int] | None = None) -> pd.DataFrame:
    """Current accepted values (iso3, year, indicator_id, value, revision): all of them (what
    scores are computed from), or those of `years` (what a new file is compared with)."""
    columns = ["iso3", "year", "indicator_id", "value", "revision"]
    current = table("observations_current", *(column(c) for c in columns))
    query = select(current) if years is None else select(current).where(current.c.year.in_(years))
    rows = conn.execute(query).fetchall()
    return pd.DataFrame([tuple(r) for r in rows], columns=columns)


def record_submission(conn: Connection, record: dict, parts: list[tuple[str, int, int | None]],
                      observations: list[tuple], findings: list[Finding]) -> int:
    """Insert a submission (accepted or rejected) with its parts (iso3, year, revision),
    observations (as `etl.validate.OBSERVATION_COLUMNS`) and issues; returns its id. At most
    four statements, whatever the file holds."""
    submission_id = insert_with_id(conn, schema.submission, schema.submission_id_seq, record)
    insert_rows(conn, schema.submission_part, _columns(["iso3", "year", "revision"], parts, submission_id))
    insert_rows(conn, schema.observation, _columns(OBSERVATION_COLUMNS, observations, submission_id))
    insert_rows(conn, schema.validation_issue, issue_rows(submission_id, findings))
    return submission_id


def _columns(names: list[str], rows: list[tuple], submission_id: int) -> dict[str, list]:
    """Rows as one list per column, with the submission's id."""
    return {"submission_id": [submission_id] * len(rows), **{name: [row[n] for row in rows] for n, name in enumerate(names)}}


def issue_rows(submission_id: int, findings: list[Finding]) -> dict[str, list]:
    """Findings as `validation_issue` columns, with the words in every language."""
    rows = []
    for position, f in enumerate(findings, start=1):
        words = {lang: explain(f, lang) for lang in LANGUAGES}
        rows.append({"submission_id": submission_id, "position": position, "severity": f.severity, "code": f.code,
                     "row_number": f.row, "column_name": f.column, "params": json.dumps(f.params, ensure_ascii=False, default=str),
                     **{f"message_{lang}": words[lang][0] for lang in LANGUAGES},
                     **{f"fix_{lang}": words[lang][1] for lang in LANGUAGES}})
    return {name: [row[name] for row in rows] for name in rows[0]} if rows else {}


def replace_reference(conn: Connection, frames: dict[str, pd.DataFrame]) -> None:
    """Replace each named reference table's content by its frame."""
    for name, frame in frames.items():
        table = schema.metadata.tables[name]
        conn.execute(delete(table))
        insert_frame(conn, table, frame)


def upsert_egov(conn: Connection, frame: pd.DataFrame) -> int:
    """Write UN survey rows, replacing any earlier row for the same country and survey year."""
    table = schema.un_egov
    for year, rows in frame.groupby("survey_year"):
        conn.execute(delete(table).where(and_(table.c.survey_year == int(year), table.c.iso3.in_(rows["iso3"].tolist()))))
    return insert_frame(conn, table, frame)


def stored_scores(conn: Connection) -> pd.DataFrame:
    """The stored scores, without their timestamp."""
    columns = [c.name for c in schema.score.columns if c.name != "computed_at"]
    rows = conn.execute(select(*(schema.score.c[c] for c in columns))).fetchall()
    return pd.DataFrame([tuple(r) for r in rows], columns=columns)


def replace_scores(conn: Connection, scores: pd.DataFrame) -> int:
    """Replace every stored score by `scores` (the rows of the `scores` view)."""
    conn.execute(delete(schema.score))
    return insert_frame(conn, schema.score, scores)


def submissions_for_review(conn: Connection, state: str | None = None, iso3: str | None = None,
                           year: int | None = None) -> pd.DataFrame:
    """One row per submission and country-year (the `submissions` view), filtered."""
    sql = "SELECT * FROM submissions WHERE 1 = 1"
    params: dict[str, object] = {}
    for key, value in (("state", state), ("iso3", iso3), ("year", year)):
        if value is not None:
            sql += f" AND {key} = :{key}"
            params[key] = value
    result = conn.execute(text(sql + " ORDER BY submission_id, iso3, year"), params)
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def submission_states(conn: Connection, ids: list[int]) -> dict[int, str]:
    """The state (rejected | accepted | approved | returned) of each stored submission asked for."""
    result = conn.execute(text("SELECT DISTINCT submission_id, state FROM submissions WHERE submission_id IN :ids")
                          .bindparams(bindparam("ids", expanding=True)), {"ids": ids})
    return {int(i): state for i, state in result}


def record_review(conn: Connection, submission_id: int, action: str, comment: str | None, actor: str, at) -> None:
    event_id = conn.scalar(schema.review_event_id_seq.next_value())
    conn.execute(schema.review_event.insert().values(event_id=event_id, submission_id=submission_id, action=action,
                                                     comment=comment, actor=actor, decided_at=at))


RELEASE_VALUE_COLUMNS = ["iso3", "year", "indicator_id", "value", "numerator", "denominator", "source", "note",
                         "submission_id", "revision", "is_demo"]


def approved_values(conn: Connection) -> pd.DataFrame:
    """The latest approved revision of every country-year, value by value."""
    result = conn.execute(text(f"SELECT {', '.join(RELEASE_VALUE_COLUMNS)} FROM observations_approved"))
    return pd.DataFrame(result.fetchall(), columns=RELEASE_VALUE_COLUMNS)


def release_ids(conn: Connection) -> dict[str, int]:
    """label → release_id of every release."""
    r = schema.release.c
    return {label: int(i) for i, label in conn.execute(select(r.release_id, r.label))}


def insert_release(conn: Connection, record: dict, values: pd.DataFrame, scores: pd.DataFrame) -> int:
    """Store a release with its values and scores; returns its id."""
    release_id = conn.scalar(schema.release_id_seq.next_value())
    conn.execute(schema.release.insert().values(release_id=release_id, **record))
    insert_frame(conn, schema.release_value, values.assign(release_id=release_id))
    insert_frame(conn, schema.release_score, scores.assign(release_id=release_id))
    return release_id


def release_frames(conn: Connection, label: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A stored release's values and scores, as `publish` computed them."""
    frames = []
    for view in ("published_values", "published_scores"):
        result = conn.execute(text(f"SELECT * FROM {view} WHERE release = :label"), {"label": label})
        frames.append(pd.DataFrame(result.fetchall(), columns=list(result.keys())).drop(columns="release"))
    return frames[0], frames[1]


def release_table(conn: Connection) -> pd.DataFrame:
    """Every release (the `releases` view), newest first."""
    result = conn.execute(text("SELECT * FROM releases ORDER BY created_at DESC, release_id DESC"))
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def record_audit(conn: Connection, actor: str, action: str, *, iso3: str | None = None, target: str | None = None,
                 detail: str | None = None, address: str | None = None, at: datetime | None = None) -> None:
    """Add one event to the audit log (who did what, when, to what), in the caller's transaction."""
    insert_with_id(conn, schema.audit_event, schema.audit_event_id_seq, {
        "occurred_at": at or datetime.now(UTC).replace(tzinfo=None), "actor": actor, "action": action, "iso3": iso3,
        "target": target, "detail": detail, "address": address})


AUDIT_LOG_COLUMNS = ["occurred_at", "actor", "action", "iso3", "target", "detail", "address"]


def audit_events(conn: Connection, actor: str | None = None, action: str | None = None, iso3: str | None = None,
                 limit: int = 500) -> pd.DataFrame:
    """The newest audit events first (the `audit_log` view), filtered."""
    log = table("audit_log", *(column(c) for c in AUDIT_LOG_COLUMNS))
    a = log.c
    query = select(log).order_by(a.occurred_at.desc(), a.action, a.target).limit(limit)
    for col, value in ((a.actor, actor), (a.action, action), (a.iso3, iso3)):
        if value:
            query = query.where(col == value)
    result = conn.execute(query)
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def failed_sign_ins(conn: Connection, since: datetime, username: str | None = None, address: str | None = None) -> int:
    """Failed sign-ins since `since` for a name (after its last success) or from an address."""
    a = schema.audit_event.c
    query = select(func.count()).where(a.action == "sign_in_failed", a.occurred_at >= since)
    if username is not None:
        last_ok = select(func.max(a.occurred_at)).where(a.action == "sign_in", a.actor == username).scalar_subquery()
        query = query.where(a.actor == username, a.occurred_at > func.coalesce(last_ok, since))
    if address is not None:
        query = query.where(a.address == address)
    return int(conn.scalar(query) or 0)


def account_row(conn: Connection, username: str) -> dict | None:
    """One account as stored (with its password hash), or None."""
    row = conn.execute(select(schema.account).where(schema.account.c.username == username)).mappings().first()
    return dict(row) if row else None


def insert_account(conn: Connection, record: dict) -> None:
    conn.execute(schema.account.insert().values(**record))


def update_account(conn: Connection, username: str, **changes: object) -> None:
    conn.execute(schema.account.update().where(schema.account.c.username == username).values(**changes))


def account_table(conn: Connection) -> pd.DataFrame:
    """Every account, without password hashes, by role then name."""
    c = schema.account.c
    result = conn.execute(select(c.username, c.role, c.iso3, c.display_name, c.lang, c.active, c.created_at,
                                 c.password_changed_at).order_by(c.role, c.username))
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def record_upload(conn: Connection, submission_id: int, upload: dict) -> None:
    """Remember which account sent a submission through the portal and where its bytes are kept."""
    conn.execute(schema.upload.insert().values(submission_id=submission_id, **upload))


# The portal's reads: submissions as a country or the secretariat sees them, a receipt's findings,
# a revision beside the one before it, who has sent the cycle's files.
PORTAL_SUBMISSIONS = """
    SELECT s.submission_id, s.file_name, s.received_at, s.submitter, s.status, s.state,
           COALESCE(s.iso3, u.iso3) AS iso3, s.year, s.revision, s.row_count, s.errors, s.warnings,
           s.review_comment, s.reviewed_by, s.reviewed_at, s.is_demo, u.stored_name
    FROM submissions s LEFT JOIN upload u ON u.submission_id = s.submission_id"""


def portal_submissions(conn: Connection, iso3: str | None = None, year: int | None = None, state: str | None = None,
                       submission_id: int | None = None, only_country: str | None = None) -> pd.DataFrame:
    """One row per submission and country-year, newest first, filtered. With `only_country`, only
    submissions wholly of that country (a file naming another country is not shown to it)."""
    sql = f"SELECT * FROM ({PORTAL_SUBMISSIONS}) p WHERE 1 = 1"
    params: dict[str, object] = {}
    for key, value in (("iso3", iso3), ("year", year), ("state", state), ("submission_id", submission_id)):
        if value is not None:
            sql += f" AND p.{key} = :{key}"
            params[key] = value
    if only_country is not None:
        sql += (" AND p.iso3 = :own AND p.submission_id NOT IN "
                "(SELECT submission_id FROM submission_country_year WHERE iso3 <> :own)")
        params["own"] = only_country
    result = conn.execute(text(sql + " ORDER BY p.submission_id DESC, p.iso3, p.year"), params)
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def submission_findings(conn: Connection, submission_id: int, lang: str) -> pd.DataFrame:
    """A stored receipt's findings in `lang`: errors first, then warnings, by row (whole-file ones
    last), in the order of the receipt the command line gives (`etl.receipt.as_dict`)."""
    result = conn.execute(text(f"""
        SELECT severity, code, row_number, column_name, message_{lang} AS message, fix_{lang} AS fix
        FROM validation_issues WHERE submission_id = :id
        ORDER BY CASE WHEN severity = 'error' THEN 0 ELSE 1 END, row_number NULLS LAST, position"""),
                          {"id": submission_id})
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def review_history(conn: Connection, submission_id: int) -> pd.DataFrame:
    """Every review decision on a submission, oldest first."""
    e = schema.review_event.c
    result = conn.execute(select(e.action, e.comment, e.actor, e.decided_at)
                          .where(e.submission_id == submission_id).order_by(e.event_id))
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def revision_values(conn: Connection, iso3: str, year: int, revisions: list[int]) -> pd.DataFrame:
    """The values of the given revisions of one country-year (from `observations_history`)."""
    result = conn.execute(text("""
        SELECT revision, indicator_id, value, source, note FROM observations_history
        WHERE iso3 = :iso3 AND year = :year AND revision IN :revisions ORDER BY indicator_id""")
                          .bindparams(bindparam("revisions", expanding=True)),
                          {"iso3": iso3, "year": year, "revisions": revisions})
    return pd.DataFrame(result.fetchall(), columns=["revision", "indicator_id", "value", "source", "note"])


def latest_states(conn: Connection, year: int) -> pd.DataFrame:
    """Each country's latest submission for `year`, with its state."""
    result = conn.execute(text(f"""
        SELECT p.iso3, p.submission_id, p.state, p.received_at, p.revision FROM ({PORTAL_SUBMISSIONS}) p
        WHERE p.year = :year AND p.submission_id = (
            SELECT MAX(q.submission_id) FROM submission_country_year q WHERE q.iso3 = p.iso3 AND q.year = p.year)"""),
                          {"year": year})
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))
