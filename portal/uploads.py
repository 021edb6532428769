"""The upload area: where the portal keeps the files it receives. Each file gets a folder with a
random name and a cleaned-up copy of its own name, so whatever name a browser sends (with path
separators, `..`, control characters) nothing is written outside the area."""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from werkzeug.utils import secure_filename


class UploadRefused(ValueError):
    """A file the portal will not keep (no name, empty)."""


@dataclass(frozen=True)
class Stored:
    path: Path
    stored_name: str  # relative to the area: "<random>/<clean name>"

    def discard(self) -> None:
        shutil.rmtree(self.path.parent, ignore_errors=True)


def clean_name(name: str) -> str:
    """A file name safe to create: no folders, no `..`, only ASCII letters, digits and `._-`
    (a name with none of them left becomes `submission` with its suffix)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, suffix = base.rpartition(".")
    stem, suffix = (stem, suffix) if dot else (base, "")
    clean_stem = secure_filename(stem)[:100] or "submission"
    clean_suffix = secure_filename(suffix)[:10].lower()
    return f"{clean_stem}.{clean_suffix}" if clean_suffix else clean_stem


def save(stream: BinaryIO, name: str, root: Path) -> Stored:
    """Copy an uploaded stream into a new folder of the area, in chunks (never whole in memory)."""
    folder = root / secrets.token_hex(16)
    target = folder / clean_name(name)
    if not target.resolve().is_relative_to(root):
        raise UploadRefused(name)  # unreachable with clean_name; kept as the area's guarantee
    folder.mkdir(parents=True)
    with target.open("wb") as out:
        shutil.copyfileobj(stream, out, 1 << 20)
    stored = Stored(target, f"{folder.name}/{target.name}")
    if target.stat().st_size == 0:
        stored.discard()
        raise UploadRefused(name)
    return stored


def path_of(root: Path, stored_name: str) -> Path | None:
    """The kept file of a submission, if it is (still) inside the area."""
    path = (root / stored_name).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None
