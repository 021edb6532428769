"""The short version of `make bench`'s load run: the site under gunicorn with two workers (the
deployment the README gives), ten visitors walking the pages at once for a few seconds, on each
backend. Every request must succeed; speed is `make bench`'s business, not this test's."""

from __future__ import annotations

from bench.web import PAGES, gunicorn, walk


def test_ten_visitors_at_once_all_get_their_pages(demo_built, tmp_path):
    served = gunicorn(demo_built, tmp_path)
    try:
        result = walk(served.base, users=10, seconds=5.0)
        workers = served.worker_pids()
    finally:
        served.stop()
    assert result.failures == []
    assert len(result.times) >= 2 * len(PAGES)  # each visitor got through several pages
    assert len(workers) == 2
