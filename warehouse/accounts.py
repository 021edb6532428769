"""Portal accounts as stored: one row per account, with its argon2id hash (never returned in
listings)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Connection

from warehouse import schema


def account_row(conn: Connection, username: str) -> dict | None:
    """One account as stored (with its password hash), or None."""
    row = (
        conn.execute(select(schema.account).where(schema.account.c.username == username))
        .mappings()
        .first()
    )
    return dict(row) if row else None


def insert_account(conn: Connection, record: dict) -> None:
    conn.execute(schema.account.insert().values(**record))


def update_account(conn: Connection, username: str, **changes: object) -> None:
    conn.execute(
        schema.account.update().where(schema.account.c.username == username).values(**changes)
    )


def account_table(conn: Connection) -> pd.DataFrame:
    """Every account, without password hashes, by role then name."""
    c = schema.account.c
    result = conn.execute(
        select(
            c.username,
            c.role,
            c.iso3,
            c.display_name,
            c.lang,
            c.active,
            c.created_at,
            c.password_changed_at,
        ).order_by(c.role, c.username)
    )
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))
