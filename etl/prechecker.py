"""Reading and checking a long batch's files in a second process, ahead of the loader.

A file's reading and checking on its own (`etl.submission.checking.check_file`) needs no warehouse,
and it is about a fifth of what loading it costs; the rest is the warehouse's writing, which holds
one core. So while the loader writes file n, `python -m etl.prechecker` reads and checks the files
after it on the other core. What it sends is only a head start: the loader still checks each file
against the warehouse's history and records it in its own transaction. Until the process is ready,
and if it fails or stops, the loader checks files itself, with the same result.

The two talk in pickles over the process's standard input and output: the catalogue and the
members first, then a file's path; the answer is `Checked` or None (the loader then checks the
file itself, to report what goes wrong there). The process ends when its input closes, so it
never outlives the loader, even one killed with SIGKILL."""

from __future__ import annotations

import pickle
import select
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from etl.submission.checking import Checked, check_file
from indicators.catalogue import Catalogue
from indicators.countries import Members

FROM_FILES = 20  # a shorter batch is over before the process would be ready
AHEAD = 32  # files asked for beyond the one being loaded
READY = "ready"


class _Prechecker:
    """The parent's end: asks for files, takes answers in the order asked."""

    def __init__(self, catalogue: Catalogue, members: Members) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "etl.prechecker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._ready = self._working = False
        # Pickled here, while nothing else touches them (the loader fills their lazy caches as it
        # goes: pickled beside, a dict changing size stopped the process before it began), and
        # written beside: more than a pipe holds, it would wait for the process to start reading.
        setup = pickle.dumps((catalogue, members), protocol=pickle.HIGHEST_PROTOCOL)
        self._setup = threading.Thread(target=self._start, args=(setup,), daemon=True)
        self._setup.start()

    def _start(self, setup: bytes) -> None:
        try:
            self._proc.stdin.write(setup)
            self._proc.stdin.flush()
            self._working = True
        except (OSError, ValueError):
            self._working = False

    def ready(self) -> bool:
        """Whether it answers now (it says so once it has imported its code), without waiting."""
        if not self._ready and select.select([self._proc.stdout], [], [], 0)[0]:
            self._setup.join()  # it has read everything written to it
            self._ready = self._working and self._receive() == READY
            self._working = self._ready
        return self._working and self._ready

    def ask(self, path: Path) -> None:
        self._working = self._working and self._send(str(path))

    def answer(self) -> Checked | None:
        """The answer to the oldest question; None when it gave none."""
        found = self._receive() if self._working else None
        return found if isinstance(found, Checked) else None

    def close(self) -> None:
        self._setup.join()
        for stream in (self._proc.stdin, self._proc.stdout):
            with suppress(OSError):
                stream.close()
            # It only reads files: ending it costs nothing, its own exit a fifth of a second.
            self._proc.kill()
        self._proc.wait()

    def _send(self, message: object) -> bool:
        try:
            _write(self._proc.stdin, message)
            return True
        except (OSError, ValueError):
            return False

    def _receive(self) -> object:
        try:
            return pickle.load(self._proc.stdout)
        except Exception:  # the process stopped or sent garbage: the loader goes on alone
            self._working = False
            return None


@contextmanager
def prechecked(
    paths: list[Path], catalogue: Catalogue, members: Members
) -> Iterator[Iterator[tuple[Path, Checked | None]]]:
    """Each path with what checking it on its own found, or None where the loader is to check it
    itself (a short batch, the prechecker not ready yet, or failed). Files are asked for only once
    the process is ready, so none is checked twice."""
    if len(paths) < FROM_FILES:
        yield ((path, None) for path in paths)
        return
    prechecker = _Prechecker(catalogue, members)
    try:
        yield _in_order(paths, prechecker)
    finally:
        prechecker.close()


def _in_order(paths: list[Path], prechecker: _Prechecker) -> Iterator[tuple[Path, Checked | None]]:
    following = 0  # the first file not asked for: once it is ready, every file from then on is
    for n, path in enumerate(paths):
        if prechecker.ready():
            following = max(following, n)
            while following < min(len(paths), n + AHEAD):
                prechecker.ask(paths[following])
                following += 1
        yield path, prechecker.answer() if n < following else None


def serve(requests: BinaryIO, answers: BinaryIO) -> None:
    """The process's end: check each file asked for, in order, until the input closes."""
    catalogue, members = pickle.load(requests)
    _write(answers, READY)
    while True:
        try:
            path = Path(pickle.load(requests))
        except EOFError:
            return
        try:
            checked: Checked | None = check_file(path, catalogue, members)
        except Exception:  # the loader checks the file itself and reports what goes wrong
            checked = None
        _write(answers, checked)


def _write(answers: BinaryIO, message: object) -> None:
    pickle.dump(message, answers, protocol=pickle.HIGHEST_PROTOCOL)
    answers.flush()


if __name__ == "__main__":
    with suppress(BrokenPipeError, KeyboardInterrupt):
        serve(sys.stdin.buffer, sys.stdout.buffer)
