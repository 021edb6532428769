"""The benchmark's arithmetic: percentiles and PASS/FAIL against upper and lower budgets."""

from __future__ import annotations

from bench.__main__ import table
from bench.measure import figure, p95


def test_p95_is_the_nearest_rank():
    assert p95(list(range(1, 101))) == 95
    assert p95([3.0]) == 3.0
    assert p95([1, 2, 3, 4, 100]) == 100


def test_budgets_judge_the_stated_statistic_in_the_stated_direction():
    slow = figure(
        "callbacks",
        "page",
        "ms",
        [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 90],
        budget=50,
    )
    assert (
        slow.median == 10 and slow.p95 == 10 and slow.passed
    )  # one slow run in twenty is within p95
    assert figure("x", "y", "ms", [10, 90], budget=50).passed is False
    assert figure(
        "load", "rate", "req/s", [160], budget=150, at_least=True, judged_on="median"
    ).passed
    assert (
        figure("load", "rate", "req/s", [140], budget=150, at_least=True, judged_on="median").passed
        is False
    )
    assert figure("memory", "rss", "MB", [200]).passed is None


def test_the_table_says_pass_fail_and_report_only():
    text = table(
        [
            figure("a", "fast", "ms", [1], budget=2),
            figure("a", "slow", "ms", [3], budget=2),
            figure("a", "told", "MB", [5]),
        ]
    )
    lines = text.splitlines()
    assert "PASS" in lines[1] and "FAIL" in lines[2] and lines[3].split()[-2] == "-"
