"""`python -m bench --quick`, the seconds-long version of `make bench`'s write side, as a developer
runs it: every generated submission must load (the bench stops otherwise), and the results file
holds each figure with its budget and verdict. Speed itself is `make bench`'s business."""

from __future__ import annotations

import json
import subprocess
import sys

from etl.paths import PROJECT_ROOT


def test_quick_bench_measures_the_write_side_and_writes_its_results(tmp_path):
    results = tmp_path / "results.json"
    run = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "etl", "-o", str(results)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode in (0, 1), run.stderr[-2000:]  # 1: a budget missed, not a crash
    document = json.loads(results.read_text(encoding="utf-8"))
    assert document["quick"] is True and document["machine"]["cores"] >= 1
    figures = {f["name"]: f for f in document["figures"]}
    assert {"gealc load, 50 CSV files", "XLSX submissions loaded (10 filled-in templates)"} <= set(
        figures
    )
    for figure in figures.values():
        assert figure["budget"] is not None and figure["passed"] in (True, False)
        assert figure["median"] > 0 and figure["p95"] >= figure["median"]
        assert figure["name"][:58] in run.stdout
    assert run.stdout.count("PASS") + run.stdout.count("FAIL") == len(figures)
    assert document["passed"] == (run.returncode == 0)
