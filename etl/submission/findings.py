"""What validation finds in a submission: a code, a severity and where it is (file, row as the
spreadsheet shows it, column). The words come from `etl.messages`, in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    file: str
    row: int | None = None
    column: str | None = None
    params: dict[str, object] = field(default_factory=dict)
    letter: str | None = None  # the spreadsheet's column letter, when the file has that column

    @property
    def blocking(self) -> bool:
        return self.severity == "error"


class Unreadable(Exception):
    """The file cannot be read at all; carries the one finding that says why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.code)
        self.finding = finding


def error(
    code: str, file: str, row: int | None = None, column: str | None = None, **params: object
) -> Finding:
    return Finding(code, "error", file, row, column, params)


def warning(
    code: str, file: str, row: int | None = None, column: str | None = None, **params: object
) -> Finding:
    return Finding(code, "warning", file, row, column, params)
