"""What the warehouse holds of submissions: the files recorded (accepted or rejected) with their
country-years, revisions, observations and validation issues; review decisions and portal uploads;
and the reads the loader, the review and the portal make of them. Callers own the transaction."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy import bindparam, column, func, select, table, text
from sqlalchemy.engine import Connection

from warehouse import schema
from warehouse.db import insert_rows, insert_with_id

# Any constant shared by every gealc process: PostgreSQL serialises loads on it.
LOAD_LOCK_KEY = 4_715_001


def serialise_loads(conn: Connection) -> None:
    """Make concurrent loads on PostgreSQL wait for each other until the end of the transaction
    (revision numbers and the same-bytes check need it). DuckDB already allows one writer."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOAD_LOCK_KEY})


def last_submission_id(conn: Connection) -> int:
    """The highest submission id stored (0 when none): loads are serialised and ids only grow,
    so it changes whenever anyone records a file."""
    return int(conn.scalar(text("SELECT MAX(submission_id) FROM submission")) or 0)


def accepted_checksums(conn: Connection) -> dict[str, int]:
    """sha256 → the first accepted submission with exactly those bytes."""
    s = schema.submission.c
    rows = conn.execute(
        select(s.sha256, func.min(s.submission_id)).where(s.status == "accepted").group_by(s.sha256)
    )
    return {sha256: int(submission_id) for sha256, submission_id in rows}


def parts_of(conn: Connection, submission_id: int) -> list[tuple[str, int, int | None]]:
    """(iso3, year, revision) of each country-year in a stored submission."""
    p = schema.submission_part.c
    rows = conn.execute(
        select(p.iso3, p.year, p.revision)
        .where(p.submission_id == submission_id)
        .order_by(p.iso3, p.year)
    )
    return [(iso3, int(year), revision) for iso3, year, revision in rows]


def current_values(conn: Connection, years: list[int] | None = None) -> pd.DataFrame:
    """Current accepted values (iso3, year, indicator_id, value, revision): all of them (what
    scores are computed from), or those of `years` (what a new file is compared with)."""
    columns = ["iso3", "year", "indicator_id", "value", "revision"]
    current = table("observations_current", *(column(c) for c in columns))
    query = select(current) if years is None else select(current).where(current.c.year.in_(years))
    rows = conn.execute(query).fetchall()
    return pd.DataFrame([tuple(r) for r in rows], columns=columns)


def current_revisions(conn: Connection, years: list[int]) -> list[tuple[str, int, int]]:
    """(iso3, year, revision) of the latest accepted revision of each country-year of `years`,
    whether it holds values or only gaps its notes explain."""
    latest = table("current_revisions", column("iso3"), column("year"), column("revision"))
    rows = conn.execute(select(latest).where(latest.c.year.in_(years)))
    return [(iso3, int(year), int(revision)) for iso3, year, revision in rows]


def record_submission(
    conn: Connection,
    record: dict,
    parts: list[tuple[str, int, int | None]],
    *,
    observations: dict[str, list],
    unreported: dict[str, list],
    issues: dict[str, list],
) -> int:
    """Insert a submission (accepted or rejected) with its parts (iso3, year, revision), its
    observations, the gaps its notes explain and its validation issues (each as one list per
    column of its table, without the submission id); returns its id. A statement per table that
    has rows, whatever the file holds."""
    submission_id = insert_with_id(conn, schema.submission, schema.submission_id_seq, record)
    parts_columns = {
        name: [part[n] for part in parts] for n, name in enumerate(("iso3", "year", "revision"))
    }
    for target, columns in (
        (schema.submission_part, parts_columns),
        (schema.observation, observations),
        (schema.unreported, unreported),
        (schema.validation_issue, issues),
    ):
        insert_rows(conn, target, _with_id(columns, submission_id))
    return submission_id


def _with_id(columns: dict[str, list], submission_id: int) -> dict[str, list]:
    """Rows given as one list per column, with the submission's id."""
    count = len(next(iter(columns.values()), []))
    return {"submission_id": [submission_id] * count, **columns} if count else {}


def submissions_for_review(
    conn: Connection, state: str | None = None, iso3: str | None = None, year: int | None = None
) -> pd.DataFrame:
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
    result = conn.execute(
        text(
            "SELECT DISTINCT submission_id, state FROM submissions WHERE submission_id IN :ids"
        ).bindparams(bindparam("ids", expanding=True)),
        {"ids": ids},
    )
    return {int(i): state for i, state in result}


def record_review(
    conn: Connection,
    submission_id: int,
    action: str,
    comment: str | None,
    actor: str,
    *,
    at: datetime,
) -> None:
    """Record a review decision (approved or returned) on a submission, with who and when."""
    event_id = conn.scalar(schema.review_event_id_seq.next_value())
    conn.execute(
        schema.review_event.insert().values(
            event_id=event_id,
            submission_id=submission_id,
            action=action,
            comment=comment,
            actor=actor,
            decided_at=at,
        )
    )


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


def portal_submissions(
    conn: Connection,
    *,
    iso3: str | None = None,
    year: int | None = None,
    state: str | None = None,
    submission_id: int | None = None,
    only_country: str | None = None,
) -> pd.DataFrame:
    """One row per submission and country-year, newest first, filtered. With `only_country`, only
    submissions wholly of that country (a file naming another country is not shown to it)."""
    sql = f"SELECT * FROM ({PORTAL_SUBMISSIONS}) p WHERE 1 = 1"
    params: dict[str, object] = {}
    for key, value in (
        ("iso3", iso3),
        ("year", year),
        ("state", state),
        ("submission_id", submission_id),
    ):
        if value is not None:
            sql += f" AND p.{key} = :{key}"
            params[key] = value
    if only_country is not None:
        sql += (
            " AND p.iso3 = :own AND p.submission_id NOT IN "
            "(SELECT submission_id FROM submission_country_year WHERE iso3 <> :own)"
        )
        params["own"] = only_country
    result = conn.execute(text(sql + " ORDER BY p.submission_id DESC, p.iso3, p.year"), params)
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def submission_findings(conn: Connection, submission_id: int, lang: str) -> pd.DataFrame:
    """A stored receipt's findings in `lang`: errors first, then warnings, by row (whole-file ones
    last), in the order of the receipt the command line gives (`etl.submission.receipt.as_dict`)."""
    result = conn.execute(
        text(f"""
        SELECT severity, code, row_number, column_name, message_{lang} AS message, fix_{lang} AS fix
        FROM validation_issues WHERE submission_id = :id
        ORDER BY CASE WHEN severity = 'error' THEN 0 ELSE 1 END, row_number NULLS LAST,
                 position"""),
        {"id": submission_id},
    )
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def submission_unreported(conn: Connection, submission_id: int) -> pd.DataFrame:
    """The gaps an accepted submission's notes explain, by row."""
    u = schema.unreported.c
    result = conn.execute(
        select(u.row_number, u.iso3, u.year, u.indicator_id, u.note)
        .where(u.submission_id == submission_id)
        .order_by(u.row_number)
    )
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def review_history(conn: Connection, submission_id: int) -> pd.DataFrame:
    """Every review decision on a submission, oldest first."""
    e = schema.review_event.c
    result = conn.execute(
        select(e.action, e.comment, e.actor, e.decided_at)
        .where(e.submission_id == submission_id)
        .order_by(e.event_id)
    )
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def revision_values(conn: Connection, iso3: str, year: int, revisions: list[int]) -> pd.DataFrame:
    """The values of the given revisions of one country-year, and the gaps their notes explain
    (no value, the country's note), from `observations_history` and `not_reported_history`."""
    sql = text("""
        SELECT revision, indicator_id, value, source, note FROM observations_history
        WHERE iso3 = :iso3 AND year = :year AND revision IN :revisions
        UNION ALL
        SELECT revision, indicator_id, NULL AS value, NULL AS source, note
        FROM not_reported_history
        WHERE iso3 = :iso3 AND year = :year AND revision IN :revisions
        ORDER BY indicator_id""").bindparams(bindparam("revisions", expanding=True))
    result = conn.execute(sql, {"iso3": iso3, "year": year, "revisions": revisions})
    return pd.DataFrame(
        result.fetchall(), columns=["revision", "indicator_id", "value", "source", "note"]
    )


def latest_states(conn: Connection, year: int) -> pd.DataFrame:
    """Each country's latest submission for `year`, with its state."""
    result = conn.execute(
        text(f"""
        SELECT p.iso3, p.submission_id, p.state, p.received_at, p.revision
        FROM ({PORTAL_SUBMISSIONS}) p
        WHERE p.year = :year AND p.submission_id = (
            SELECT MAX(q.submission_id) FROM submission_country_year q
            WHERE q.iso3 = p.iso3 AND q.year = p.year)"""),
        {"year": year},
    )
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))
