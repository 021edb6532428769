"""`python -m bench [--quick] [--only SECTION…] [-o PATH]`: run the benchmark sections, print a
table of every figure with its budget and PASS/FAIL, and write them as JSON
(bench/results.json). Exit 0 when every budget is met, 1 otherwise."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.measure import Figure

SECTIONS = ("etl", "web")
RESULTS = Path(__file__).with_name("results.json")


def machine() -> dict:
    """What the figures were measured on."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory / 2**20, 1),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def table(figures: list[Figure]) -> str:
    """The figures as a plain-text table, grouped by section. A budget the issue states as a p95 is
    judged on the p95; totals, rates, sizes and times are judged on the median of the runs."""
    lines = [
        (
            f"{'section':<10} {'figure':<58} {'median':>10} {'p95':>10} "
            f"{'budget (judged on)':>20}  result"
        )
    ]
    for f in figures:
        budget = (
            "" if f.budget is None else f"{'≥' if f.at_least else '≤'} {f.budget:g} ({f.judged_on})"
        )
        result = {True: "PASS", False: "FAIL", None: "-"}[f.passed]
        lines.append(
            f"{f.section:<10} {f.name[:58]:<58} {f.median:>10.4g} {f.p95:>10.4g} {budget:>20}  "
            f"{result} {f.unit}" + (f"  ({f.note[:80]})" if f.note else "")
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="a seconds-long smoke run (what `make test` runs)"
    )
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="run only these sections")
    parser.add_argument(
        "-o", "--output", type=Path, default=RESULTS, help="where to write the JSON"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="gealc-bench-") as folder:
        for name in args.only or SECTIONS:
            section = Path(folder) / name
            section.mkdir()
            print(f"running {name}…", file=sys.stderr, flush=True)
            figures += importlib.import_module(f"bench.{name}").run(section, args.quick)
    print(table(figures))
    failed = [f for f in figures if f.passed is False]
    document = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": args.quick,
        "machine": machine(),
        "seconds": round(time.monotonic() - started, 1),
        "passed": not failed,
        "figures": [f.as_dict() for f in figures],
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(
        f"\n{len(figures) - len(failed)} of {len(figures)} figures within budget (or report only); "
        f"written to {args.output}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
