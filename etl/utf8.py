"""Reading a data file as UTF-8 text, or saying where it is not: shared by the readers of the
external benchmarks' files (UN survey, World Bank GTMI)."""

from __future__ import annotations

from pathlib import Path

from etl.errors import FileProblem


def read_utf8(path: Path, fix: str) -> str:
    """The file's text (a byte-order mark allowed); a FileProblem naming the file, or the line
    where the bytes stop being UTF-8 with `fix` as the way out."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileProblem(
            path.name, None, "(file)", f"cannot be read: {exc.strerror}", "check the path"
        ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(
            path.name, data[: exc.start].count(b"\n") + 1, "(encoding)", "is not UTF-8 text", fix
        ) from exc
