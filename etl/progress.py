"""Progress lines for long steps, on standard error so that standard output stays parseable."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def progress(items: Iterable[T], label: str, total: int) -> Iterator[T]:
    """Yield `items`, printing `label: n/total` about twenty times along the way."""
    step = max(1, total // 20)
    for n, item in enumerate(items, start=1):
        yield item
        if n % step == 0 or n == total:
            say(f"  {label}: {n}/{total}")
