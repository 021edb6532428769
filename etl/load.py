"""Loading a country submission: the whole file in one transaction, or nothing.

Loading the same bytes twice is a no-op; a changed file for a country-year becomes its next
revision, and earlier revisions stay queryable in `observations_history`."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from sqlalchemy import func, select, tuple_
from sqlalchemy.engine import Connection

from etl import schema
from etl.db import insert_frame
from etl.findings import Finding
from etl.read import read_submission
from etl.validate import check_rows
from indicators.catalogue import Catalogue
from indicators.countries import Members


class Rejected(Exception):
    """A submission with blocking findings: nothing of it was loaded."""

    def __init__(self, file: str, findings: list[Finding]) -> None:
        super().__init__(f"{file}: {sum(f.blocking for f in findings)} blocking problem(s)")
        self.file, self.findings = file, findings


@dataclass(frozen=True)
class LoadResult:
    file: str
    submission_id: int
    rows: int
    unchanged: bool


def utc_now() -> datetime:
    """Now in UTC, without tzinfo: the warehouse stores every timestamp in UTC."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def load_submission(conn: Connection, path: Path, catalogue: Catalogue, members: Members,
                    submitter: str, is_demo: bool = False) -> LoadResult:
    """Validate and load one file in its own transaction on `conn` (which must have none open);
    FileProblem is raised before anything is written."""
    received = utc_now()
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    checked = check_rows(read_submission(path, data), catalogue, members)
    if not checked.accepted:
        raise Rejected(path.name, checked.findings)
    observations = checked.observations
    with conn.begin():
        earlier = conn.execute(
            select(schema.submission.c.submission_id)
            .where(schema.submission.c.sha256 == sha256, schema.submission.c.status == "accepted")
        ).scalar()
        if earlier is not None:
            return LoadResult(path.name, earlier, 0, unchanged=True)
        submission_id = conn.scalar(schema.submission_id_seq.next_value())
        conn.execute(schema.submission.insert().values(
            submission_id=submission_id, file_name=path.name, sha256=sha256, submitter=submitter,
            received_at=received, loaded_at=utc_now(), status="accepted",
            row_count=len(observations), is_demo=is_demo,
        ))
        insert_frame(conn, schema.submission_part, _revisions(conn, submission_id, observations))
        insert_frame(conn, schema.observation, observations.assign(submission_id=submission_id))
    return LoadResult(path.name, submission_id, len(observations), unchanged=False)


def _revisions(conn: Connection, submission_id: int, observations: pd.DataFrame) -> pd.DataFrame:
    """One row per country-year in the file, numbered after the latest earlier revision."""
    parts = observations[["iso3", "year"]].drop_duplicates()
    table = schema.submission_part
    keys = list(parts.itertuples(index=False, name=None))
    latest = dict(
        ((iso3, year), rev) for iso3, year, rev in conn.execute(
            select(table.c.iso3, table.c.year, func.max(table.c.revision))
            .where(tuple_(table.c.iso3, table.c.year).in_(keys))
            .group_by(table.c.iso3, table.c.year)
        )
    ) if keys else {}
    parts["revision"] = [latest.get((i, int(y)), 0) + 1 for i, y in keys]
    parts["submission_id"] = submission_id
    return parts
