"""Where callbacks find the warehouse: the read-only engine the app was created with."""
from __future__ import annotations

import flask
from sqlalchemy.engine import Engine

ENGINE_KEY = "GEALC_ENGINE"


def engine() -> Engine:
    """The current app's read-only warehouse engine (valid inside a request)."""
    return flask.current_app.config[ENGINE_KEY]
