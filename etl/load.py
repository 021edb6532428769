"""Checking and loading country submissions, one file at a time.

`validate_file` writes nothing. `load_file` records every file it is given in one transaction:
an accepted file with all its values, or a rejected one with only its receipt (the secretariat
sees what was tried; no value of it is stored). Loading the same bytes twice is a no-op; a
changed file for a country-year becomes its next revision, and earlier revisions stay
queryable in `observations_history`."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy.engine import Connection

from etl import store
from etl.findings import Finding, Unreadable
from etl.read import SubmissionTable, read_submission, with_letters
from etl.receipt import Receipt
from etl.validate import check_rows, history_warnings
from indicators.catalogue import Catalogue
from indicators.countries import Members


def utc_now() -> datetime:
    """Now in UTC, without tzinfo: the warehouse stores every timestamp in UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class _Outcome:
    """What validation made of a file: the rows to store (when accepted) and every finding."""

    observations: pd.DataFrame
    findings: list[Finding]
    table: SubmissionTable | None

    @property
    def accepted(self) -> bool:
        return not any(f.blocking for f in self.findings)

    @property
    def parts(self) -> pd.DataFrame:
        return self.observations[["iso3", "year"]].drop_duplicates().sort_values(["iso3", "year"]).reset_index(drop=True)


def _check(path: Path, data: bytes, catalogue: Catalogue, members: Members, conn: Connection | None) -> _Outcome:
    try:
        table = read_submission(path, data)
    except Unreadable as exc:
        return _Outcome(pd.DataFrame(columns=["iso3", "year"]), [exc.finding], None)
    checked = check_rows(table, catalogue, members)
    findings = list(checked.findings)
    if conn is not None and not checked.observations.empty:
        years = sorted({y for year in checked.observations["year"].unique() for y in (int(year), int(year) - 1)})
        findings += history_warnings(path.name, checked.observations, store.current_values(conn, years), catalogue)
    return _Outcome(checked.observations, with_letters(table, findings), table)


def validate_file(path: Path, catalogue: Catalogue, members: Members, conn: Connection | None = None) -> Receipt:
    """Check a file without writing; with a warehouse connection, also against its history."""
    data = path.read_bytes()
    outcome = _check(path, data, catalogue, members, conn)
    parts = tuple((i, int(y), None) for i, y in outcome.parts.itertuples(index=False))
    return Receipt(path.name, hashlib.sha256(data).hexdigest(), "valid" if outcome.accepted else "rejected",
                   tuple(outcome.findings), len(outcome.observations) if outcome.accepted else 0, parts,
                   details=_read_details(outcome.table))


def load_file(conn: Connection, path: Path, catalogue: Catalogue, members: Members,
              submitter: str, is_demo: bool = False, upload: dict | None = None) -> Receipt:
    """Check and record one file in its own transaction on `conn` (which must have none open).
    `upload` says where the portal keeps a file sent through it (an `upload` row without its id)."""
    received = utc_now()
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    with conn.begin():
        store.serialise_loads(conn)
        earlier = store.accepted_submission(conn, sha256)
        if earlier is not None:
            return Receipt(path.name, sha256, "unchanged", parts=tuple(store.parts_of(conn, earlier)), submission_id=earlier)
        outcome = _check(path, data, catalogue, members, conn)
        parts = outcome.parts
        if outcome.accepted:
            latest = store.latest_revisions(conn, list(parts.itertuples(index=False, name=None)))
            parts["revision"] = [latest.get((i, int(y)), 0) + 1 for i, y in parts.itertuples(index=False)]
        else:
            parts["revision"] = None
        observations = outcome.observations if outcome.accepted else outcome.observations.iloc[0:0]
        record = {"file_name": path.name, "sha256": sha256, "submitter": submitter, "received_at": received,
                  "loaded_at": utc_now() if outcome.accepted else None,
                  "status": "accepted" if outcome.accepted else "rejected", "row_count": len(observations),
                  "is_demo": is_demo, "file_format": outcome.table.format if outcome.table else None}
        submission_id = store.record_submission(conn, record, parts, observations, outcome.findings)
        if upload is not None:
            store.record_upload(conn, submission_id, upload)
        store.record_audit(conn, submitter, f"submission_{record['status']}", target=str(submission_id),
                           iso3=str(parts["iso3"].iloc[0]) if len(parts) else None, detail=path.name,
                           at=record["received_at"])
    revisions = tuple((i, int(y), None if pd.isna(r) else int(r)) for i, y, r in parts.itertuples(index=False))
    return Receipt(path.name, sha256, record["status"], tuple(outcome.findings), len(observations), revisions,
                   submission_id, _read_details(outcome.table))


def _read_details(table: SubmissionTable | None) -> dict[str, object]:
    """How the file was read, for the JSON receipt."""
    if table is None:
        return {}
    return {"format": table.format, "encoding": table.encoding, "delimiter": table.delimiter,
            "decimal_comma": table.decimal_comma}
