"""What every benchmark section reports: figures with median and p95 over repeated runs, their
budget and whether they meet it."""

from __future__ import annotations

import math
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Figure:
    """One measured figure. `budget` is an upper bound unless `at_least` (a lower bound)."""

    section: str
    name: str
    unit: str
    median: float
    p95: float
    budget: float | None = None
    at_least: bool = False
    runs: int = 1
    judged_on: str = "p95"  # which statistic the budget applies to: "p95", "median" or "total"
    note: str = ""
    samples: list[float] = field(default_factory=list, repr=False)

    @property
    def value(self) -> float:
        return self.p95 if self.judged_on == "p95" else self.median

    @property
    def passed(self) -> bool | None:
        if self.budget is None:
            return None
        return self.value >= self.budget if self.at_least else self.value <= self.budget

    def as_dict(self) -> dict:
        return asdict(self) | {"passed": self.passed}


def p95(samples: list[float]) -> float:
    """The 95th percentile (nearest rank), the largest sample when there are few."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def figure(section: str, name: str, unit: str, samples: list[float], **kwargs: object) -> Figure:
    """A Figure from repeated measurements."""
    return Figure(
        section,
        name,
        unit,
        statistics.median(samples),
        p95(samples),
        runs=len(samples),
        samples=[round(s, 6) for s in samples],
        **kwargs,
    )


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Seconds each of `repeat` runs of `action` took."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def peak_rss_mb(pid: int | None = None) -> float:
    """Peak resident memory (VmHWM) of a process, in MB (this one by default)."""
    status = Path(f"/proc/{pid or os.getpid()}/status").read_text()
    kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    return kb / 1024


def machine_speed_ms() -> float:
    """Milliseconds a fixed piece of pure-Python work takes now: taken beside a measurement, it
    shows whether the machine (shared, here) ran slower for a while."""
    start = time.process_time()
    total = 0
    for n in range(2_000_000):
        total += n % 7
    return 1000 * (time.process_time() - start)
