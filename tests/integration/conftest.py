"""Fixtures for integration tests: a built warehouse on each backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.build import build
from tests.conftest import empty_warehouse
from tests.helpers import gealc, ok
from warehouse.db import connect


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


@pytest.fixture(scope="session", params=["duckdb", "postgresql"])
def demo_built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A warehouse made by `gealc build --demo` (the real command), once per backend for the whole
    session: the tests that use it read it, or rebuild it to show a rebuild changes nothing."""
    url = empty_warehouse(request, tmp_path_factory.mktemp("demo"))
    ok(gealc("build", "--demo", db=url))
    return url
