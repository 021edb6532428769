"""Checking and loading country submissions, one file at a time.

`validate_file` writes nothing. `Loader.load` (and `load_file`) records every file it is given in
one transaction: an accepted file with all its values, or a rejected one with only its receipt (the
secretariat sees what was tried; no value of it is stored). Loading the same bytes twice is a
no-op; a changed file for a country-year becomes its next revision, and earlier revisions stay
queryable in `observations_history`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Connection

from etl.prechecker import prechecked
from etl.submission.checking import Checked, against_history, check_file
from etl.submission.messages import issue_columns
from etl.submission.read import SubmissionTable
from etl.submission.receipt import Receipt
from etl.submission.validate import (
    OBSERVATION_COLUMNS,
    UNREPORTED_COLUMNS,
    Known,
    known_values,
)
from indicators.catalogue import Catalogue
from indicators.countries import Members
from warehouse import submissions
from warehouse.db import one_thread


def utc_now() -> datetime:
    """Now in UTC, without tzinfo: the warehouse stores every timestamp in UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def validate_file(
    path: Path, catalogue: Catalogue, members: Members, conn: Connection | None = None
) -> Receipt:
    """Check a file without writing; with a warehouse connection, also against its history."""
    checked = check_file(path, catalogue, members)
    outcome = checked.outcome
    if conn is not None:
        outcome = against_history(
            outcome,
            path.name,
            lambda years: known_values(submissions.current_values(conn, years)),
            catalogue,
        )
    parts = tuple((i, y, None) for i, y in outcome.parts)
    return Receipt(
        path.name,
        checked.sha256,
        "valid" if outcome.accepted else "rejected",
        tuple(outcome.findings),
        len(outcome.rows) if outcome.accepted else 0,
        parts,
        details=_read_details(outcome.table),
        unreported=_unreported(outcome.unreported if outcome.accepted else []),
    )


class _Stale(Exception):
    """Another job recorded a file since this loader last looked: its checks must be redone."""


class Loader:
    """Checks and records files on `conn`, each in its own transaction (`conn` must have none
    open): an accepted file with all its values, a rejected one with only its receipt.

    What a file is checked against (the checksums of accepted files; each country-year's latest
    revision and values, read year by year as files need them) is read in the first file's
    transaction and then kept up to date with what this loader writes, so a file costs the same
    however much the warehouse holds. Loads are serialised and submission ids only grow: when a
    new submission's id is not the one after the last id this loader knew, another job has
    recorded a file in between, and the file is rolled back and checked again from a fresh read."""

    def __init__(
        self,
        conn: Connection,
        catalogue: Catalogue,
        members: Members,
        submitter: str,
        is_demo: bool = False,
        *,
        after_accepted: Callable[[Connection], object] | None = None,
    ) -> None:
        self.conn, self.catalogue, self.members, self.submitter, self.is_demo = (
            conn,
            catalogue,
            members,
            submitter,
            is_demo,
        )
        self.after_accepted = after_accepted  # done in an accepted file's own transaction
        self._last_id: int | None = None  # None: nothing read yet
        self._checksums: dict[str, int] = {}
        self._values: Known = {}
        self._revisions: dict[int, dict[str, int]] = {}

    def load(
        self, path: Path, upload: dict | None = None, checked: Checked | None = None
    ) -> Receipt:
        """Check and record one file. `upload` says where the portal keeps a file sent through it
        (an `upload` row without its id); `checked`, what checking it on its own already found."""
        received = utc_now()
        checked = checked or check_file(path, self.catalogue, self.members)
        try:
            return self._load(path, checked, received, upload, fresh=self._last_id is None)
        except _Stale:
            return self._load(path, checked, received, upload, fresh=True)

    def load_all(self, paths: Iterable[Path]) -> Iterator[Receipt]:
        """`load` each file in turn, yielding its receipt. A long batch's files are read and
        checked ahead in a second process (`etl.prechecker`) while this one writes, and DuckDB
        runs on one thread meanwhile."""
        paths = list(paths)
        with one_thread(self.conn), prechecked(paths, self.catalogue, self.members) as ahead:
            for path, checked in ahead:
                yield self.load(path, checked=checked)

    def _load(
        self, path: Path, checked: Checked, received: datetime, upload: dict | None, fresh: bool
    ) -> Receipt:
        conn, sha256 = self.conn, checked.sha256
        with conn.begin():
            submissions.serialise_loads(conn)
            if fresh:
                self._read()
            earlier = self._checksums.get(sha256)
            if earlier is not None:
                return Receipt(
                    path.name,
                    sha256,
                    "unchanged",
                    parts=tuple(submissions.parts_of(conn, earlier)),
                    submission_id=earlier,
                )
            outcome = against_history(checked.outcome, path.name, self._history, self.catalogue)
            self._history(sorted({year for _, year in outcome.parts}))  # their revisions
            if outcome.accepted:
                parts, rows = (
                    [(i, y, self._revisions[y].get(i, 0) + 1) for i, y in outcome.parts],
                    outcome.rows,
                )
            else:
                parts, rows = [(i, y, None) for i, y in outcome.parts], []
            record = {
                "file_name": path.name,
                "sha256": sha256,
                "submitter": self.submitter,
                "received_at": received,
                "loaded_at": utc_now() if outcome.accepted else None,
                "status": "accepted" if outcome.accepted else "rejected",
                "row_count": len(rows),
                "is_demo": self.is_demo,
                "file_format": outcome.table.format if outcome.table else None,
            }
            gaps = outcome.unreported if outcome.accepted else []
            submission_id = submissions.record_submission(
                conn,
                record,
                parts,
                observations=_columns(OBSERVATION_COLUMNS, rows),
                unreported=_columns(UNREPORTED_COLUMNS, gaps),
                issues=issue_columns(outcome.findings),
            )
            if not fresh and submission_id != self._last_id + 1:
                raise _Stale  # leaving the block rolls the file back
            if upload is not None:
                submissions.record_upload(conn, submission_id, upload)
            if self.after_accepted is not None and record["status"] == "accepted":
                self.after_accepted(conn)
        self._remember(submission_id, sha256, parts, rows)
        return Receipt(
            path.name,
            sha256,
            record["status"],
            tuple(outcome.findings),
            len(rows),
            tuple(parts),
            submission_id,
            _read_details(outcome.table),
            unreported=_unreported(gaps),
        )

    def _read(self) -> None:
        """What the warehouse holds now; years are read as files need them."""
        self._last_id = submissions.last_submission_id(self.conn)
        self._checksums = submissions.accepted_checksums(self.conn)
        self._values, self._revisions = {}, {}

    def _history(self, years: list[int]) -> Known:
        missing = [y for y in years if y not in self._values]
        if missing:
            current = submissions.current_values(self.conn, missing)
            self._values.update({y: {} for y in missing} | known_values(current))
            self._revisions.update({y: {} for y in missing})
            for iso3, year, revision in submissions.current_revisions(self.conn, missing):
                self._revisions[year][iso3] = revision
        return self._values

    def _remember(
        self,
        submission_id: int,
        sha256: str,
        parts: list[tuple[str, int, int | None]],
        rows: list[tuple],
    ) -> None:
        """What the file just committed changed: each of its country-years (when accepted, even
        with only gaps its notes explain) has a new revision, whose values replace the earlier
        ones."""
        self._last_id = submission_id
        if not parts or parts[0][2] is None:  # rejected: no revision, nothing replaced
            return
        self._checksums[sha256] = submission_id
        for iso3, year, revision in parts:
            self._values[year][iso3] = {
                ind: value for _, i, y, ind, value, *_ in rows if (i, y) == (iso3, year)
            }
            self._revisions[year][iso3] = revision


def load_file(
    conn: Connection,
    path: Path,
    catalogue: Catalogue,
    members: Members,
    submitter: str,
    *,
    is_demo: bool = False,
    upload: dict | None = None,
    after_accepted: Callable[[Connection], object] | None = None,
) -> Receipt:
    """Check and record one file in its own transaction on `conn` (see Loader); `after_accepted`
    runs in that transaction when the file is accepted (the portal refreshes the scores there, so
    no visitor ever sees values and scores that disagree)."""
    loader = Loader(conn, catalogue, members, submitter, is_demo, after_accepted=after_accepted)
    return loader.load(path, upload)


def _unreported(gaps: list[tuple]) -> tuple[tuple[str, int, str, str], ...]:
    """The explained gaps as the receipt lists them (UNREPORTED_COLUMNS less the row)."""
    return tuple((iso3, year, indicator, note) for _, iso3, year, indicator, note in gaps)


def _columns(names: list[str], rows: list[tuple]) -> dict[str, list]:
    """Rows as one list per column."""
    return {name: [row[n] for row in rows] for n, name in enumerate(names)}


def _read_details(table: SubmissionTable | None) -> dict[str, object]:
    """How the file was read, for the JSON receipt."""
    if table is None:
        return {}
    return {
        "format": table.format,
        "encoding": table.encoding,
        "delimiter": table.delimiter,
        "decimal_comma": table.decimal_comma,
    }
