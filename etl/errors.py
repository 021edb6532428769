"""Problems found in input files, phrased so a person can act on them: what is wrong,
where (file, line, column) and how to fix it."""

from __future__ import annotations

from locales.formats import written
from locales.messages import t


class FileProblem(ValueError):
    """A file that cannot be used as it is. Raised before anything is written."""

    def __init__(self, file: str, line: int | None, column: str, message: str, fix: str) -> None:
        self.file, self.line, self.column, self.message, self.fix = file, line, column, message, fix
        where = f"{file}, line {line}" if line else file
        super().__init__(f"{where}, {column}: {message}. Fix: {fix}.")


class Refused(ValueError):
    """A command that cannot do what was asked (unknown submission, a release label taken, …);
    the message says why and what to do instead. Nothing is written. The message is a catalogue
    text (its Spanish msgid) with its values: `said(lang)` in the reader's language (the portal's),
    `str()` in English (the command line's)."""

    def __init__(self, message: str, **values: object) -> None:
        super().__init__(message)
        self.message, self.values = message, values

    def said(self, lang: str) -> str:
        """The message in `lang`."""
        return t(self.message, lang, **{k: written(v, lang) for k, v in self.values.items()})

    def __str__(self) -> str:
        return self.said("en")
