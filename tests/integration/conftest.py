"""Fixtures for integration tests: a built warehouse on each backend."""
from __future__ import annotations

import pytest

from etl.build import build
from etl.db import connect


@pytest.fixture
def built(warehouse_url: str) -> str:
    """A built warehouse (in-process: the `gealc build` command itself is tested in test_warehouse)."""
    engine = connect(warehouse_url)
    build(engine)
    engine.dispose()
    return warehouse_url
