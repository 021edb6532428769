"""The audit log: events stored by whoever acts (sign-ins, refusals, reviews, publications, account
changes), and the `audit_log` view that also reads each file's outcome off its submission row."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import column, func, select, table
from sqlalchemy.engine import Connection

from warehouse import schema
from warehouse.db import insert_with_id


def record_audit(
    conn: Connection,
    actor: str,
    action: str,
    *,
    iso3: str | None = None,
    target: str | None = None,
    detail: str | None = None,
    address: str | None = None,
    at: datetime | None = None,
) -> None:
    """Add one event to the audit log (who did what, when, to what), in the caller's transaction."""
    insert_with_id(
        conn,
        schema.audit_event,
        schema.audit_event_id_seq,
        {
            "occurred_at": at or datetime.now(UTC).replace(tzinfo=None),
            "actor": actor,
            "action": action,
            "iso3": iso3,
            "target": target,
            "detail": detail,
            "address": address,
        },
    )


AUDIT_LOG_COLUMNS = ["occurred_at", "actor", "action", "iso3", "target", "detail", "address"]


def audit_events(
    conn: Connection,
    actor: str | None = None,
    action: str | None = None,
    iso3: str | None = None,
    limit: int = 500,
) -> pd.DataFrame:
    """The newest audit events first (the `audit_log` view), filtered."""
    log = table("audit_log", *(column(c) for c in AUDIT_LOG_COLUMNS))
    a = log.c
    query = select(log).order_by(a.occurred_at.desc(), a.action, a.target).limit(limit)
    for col, value in ((a.actor, actor), (a.action, action), (a.iso3, iso3)):
        if value:
            query = query.where(col == value)
    result = conn.execute(query)
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def failed_sign_ins(
    conn: Connection,
    since: datetime,
    username: str | None = None,
    network: str | None = None,
) -> int:
    """Failed sign-ins since `since` for a name (after its last success), from a network (an
    address, or an IPv6 /64, as recorded in the event's detail), or both."""
    a = schema.audit_event.c
    query = select(func.count()).where(a.action == "sign_in_failed", a.occurred_at >= since)
    if username is not None:
        last_ok = (
            select(func.max(a.occurred_at))
            .where(a.action == "sign_in", a.actor == username)
            .scalar_subquery()
        )
        query = query.where(a.actor == username, a.occurred_at > func.coalesce(last_ok, since))
    if network is not None:
        query = query.where(a.detail == network)
    return int(conn.scalar(query) or 0)


def signed_in_from(conn: Connection, username: str, network: str | None) -> bool:
    """Whether `username` has ever signed in from `network`."""
    a = schema.audit_event.c
    query = select(func.count()).where(
        a.action == "sign_in", a.actor == username, a.detail == network
    )
    return network is not None and bool(conn.scalar(query))


def signed_out(conn: Connection, username: str, session_id: str) -> bool:
    """Whether the session `session_id` of `username` was ended by signing out."""
    a = schema.audit_event.c
    query = select(func.count()).where(
        a.action == "sign_out", a.actor == username, a.target == session_id
    )
    return bool(conn.scalar(query))
