"""Checking one submission file on its own, without a warehouse: what the loader and the
prechecker process (which checks a batch's files ahead of the loader) share. Checking a file
against the values already accepted (`against_history`) needs the warehouse's history, which the
caller passes in."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from etl.submission.findings import Finding, Unreadable
from etl.submission.read import SubmissionTable, read_submission, with_letters
from etl.submission.validate import Known, check_rows, compare_with_history
from indicators.catalogue import Catalogue
from indicators.countries import Members


@dataclass(frozen=True)
class Outcome:
    """What validation made of a file: the rows to store (when accepted) and every finding."""

    rows: list[tuple]  # as OBSERVATION_COLUMNS
    findings: list[Finding]
    table: SubmissionTable | None
    unreported: list[tuple] = field(default_factory=list)  # as UNREPORTED_COLUMNS

    @property
    def accepted(self) -> bool:
        return not any(f.blocking for f in self.findings)

    @property
    def parts(self) -> list[tuple[str, int]]:
        """The file's country-years, in order (a country-year may hold only explained gaps)."""
        return sorted({(iso3, year) for _, iso3, year, *_ in self.rows + self.unreported})


def against_history(
    outcome: Outcome, name: str, history: Callable[[list[int]], Known], catalogue: Catalogue
) -> Outcome:
    """`outcome` with what comparing its values with those accepted for their years (and the
    years before) adds; `history` reads those years."""
    if not outcome.rows:
        return outcome
    years = sorted({y for _, _, year, *_ in outcome.rows for y in (year, year - 1)})
    found = compare_with_history(name, outcome.rows, history(years), catalogue)
    return replace(outcome, findings=outcome.findings + with_letters(outcome.table, found))


@dataclass(frozen=True)
class Checked:
    """A file read and checked on its own: its checksum and what checking it found (what the
    prechecker process sends the loader)."""

    sha256: str
    outcome: Outcome


def check_file(path: Path, catalogue: Catalogue, members: Members) -> Checked:
    """Read and check one file on its own, not against what the warehouse holds."""
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        table = read_submission(path, data)
    except Unreadable as exc:
        return Checked(sha256, Outcome([], [exc.finding], None))
    checked = check_rows(table, catalogue, members)
    findings = with_letters(table, list(checked.findings))
    return Checked(sha256, Outcome(checked.rows, findings, table, checked.unreported))
