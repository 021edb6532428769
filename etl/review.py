"""The secretariat's review: an accepted submission is approved, or returned to the country with
a comment. Every decision is an event recorded with who and when; nothing is overwritten."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from etl.errors import Refused
from etl.load import utc_now
from locales.messages import N_
from warehouse import audit, submissions

ACTIONS = ("approved", "returned")


class ReviewError(Refused):
    """A review that cannot be recorded (unknown submission, a rejected file, no comment)."""


def review(
    conn: Connection, ids: list[int], action: str, actor: str, comment: str | None = None
) -> list[int]:
    """Record `action` on each submission in `ids` within the caller's transaction; all or none.
    Only accepted (or already reviewed) submissions can be reviewed; returning needs a comment."""
    if action not in ACTIONS:
        raise ReviewError(
            N_("acción de revisión desconocida «{action}»: use approve o return"), action=action
        )
    if action == "returned" and not (comment or "").strip():
        raise ReviewError(
            N_("un envío devuelto necesita un comentario que diga al país qué corregir (--comment)")
        )
    states = submissions.submission_states(conn, ids)
    unknown = [i for i in ids if i not in states]
    if unknown:
        raise ReviewError(
            N_("no existe el envío {ids}: vea `gealc review list`"),
            ids=", ".join(map(str, unknown)),
        )
    rejected = [i for i in ids if states[i] == "rejected"]
    if rejected:
        raise ReviewError(
            N_(
                "el envío {ids} fue rechazado por la validación y no tiene valores que revisar; el "
                "país debe enviar un archivo corregido"
            ),
            ids=", ".join(map(str, rejected)),
        )
    at = utc_now()
    for submission_id in ids:
        submissions.record_review(
            conn, submission_id, action, (comment or "").strip() or None, actor, at=at
        )
        audit.record_audit(
            conn,
            actor,
            f"submission_{action}",
            iso3=_country(conn, submission_id),
            target=str(submission_id),
            detail=(comment or "").strip() or None,
            at=at,
        )
    return ids


def _country(conn: Connection, submission_id: int) -> str | None:
    """The country of a submission (files hold one country; the first when several)."""
    parts = submissions.parts_of(conn, submission_id)
    return parts[0][0] if parts else None
