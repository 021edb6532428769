"""Fixtures for integration tests: a built warehouse on each backend."""
from __future__ import annotations

from pathlib import Path

import pytest

from etl.build import build
from etl.db import connect
from tests.conftest import empty_warehouse


def built_warehouse(request: pytest.FixtureRequest, folder: Path) -> str:
    """A new warehouse on the backend `request.param` names, built (in-process: the `gealc build`
    command itself is tested in test_warehouse). For module-scoped fixtures."""
    url = empty_warehouse(request, folder)
    engine = connect(url)
    build(engine)
    engine.dispose()
    return url


@pytest.fixture
def built(warehouse_url: str) -> str:
    """A built warehouse on each backend."""
    engine = connect(warehouse_url)
    build(engine)
    engine.dispose()
    return warehouse_url
