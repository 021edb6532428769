"""Publishing: the approved values and their scores frozen into an immutable, labelled release
with a SHA-256 of its content. A correction is a new release; a release is never edited."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.engine import Connection

from etl.errors import Refused
from etl.load import utc_now
from indicators.catalogue import Catalogue
from indicators.scoring import METHOD, SCORE_COLUMNS, score_table
from indicators.statistical_audit import release_statistics
from locales.messages import N_
from warehouse import audit, releases


class PublishError(Refused):
    """A release that cannot be made (label taken, nothing approved)."""


@dataclass
class Release:
    label: str
    sha256: str
    values: int
    scores: int
    created: bool  # False when `label` already held exactly this content


def content(
    values: pd.DataFrame,
    scores: pd.DataFrame,
    edition: str,
    unreported: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """Values and scores in their canonical order, and the SHA-256 of that content (with the
    gaps countries explained, when there are any, and the method's edition): the same approved
    data gives the same bytes and the same hash, whenever it is published. The statistical audit
    is not hashed: it follows from these and the method, seeded."""
    values = (
        values[releases.RELEASE_VALUE_COLUMNS]
        .sort_values(["iso3", "year", "indicator_id"])
        .reset_index(drop=True)
    )
    scores = (
        scores[SCORE_COLUMNS].sort_values(["iso3", "year", "level", "id"]).reset_index(drop=True)
    )
    digest = hashlib.sha256(f"gealc release\ncatalogue {edition}\nmethod {METHOD}\n".encode())
    gaps = [] if unreported is None or unreported.empty else [_ordered_gaps(unreported)]
    for frame in (values, scores, *gaps):
        digest.update(frame.to_csv(index=False, float_format="%.12g", lineterminator="\n").encode())
    return values, scores, digest.hexdigest()


def _ordered_gaps(unreported: pd.DataFrame) -> pd.DataFrame:
    return (
        unreported[releases.UNREPORTED_COLUMNS]
        .sort_values(["iso3", "year", "indicator_id"])
        .reset_index(drop=True)
    )


def publish(
    conn: Connection,
    label: str,
    actor: str,
    catalogue: Catalogue,
    note: str | None = None,
    *,
    existing_ok: bool = False,
) -> Release:
    """Freeze the approved values and their scores as release `label` within the caller's
    transaction. A label that already exists is left as it is: with `existing_ok` it is returned,
    otherwise PublishError says whether it holds what would be published now (a publication run
    again after an interruption finds it complete and identical: nothing to do)."""
    label = label.strip()
    if not label or len(label) > 64 or any(c in label for c in "/?#&% "):
        raise PublishError(
            N_(
                "la etiqueta de versión «{label}» debe tener de 1 a 64 caracteres, sin espacios ni "
                "/ ? # & %"
            ),
            label=label,
        )
    approved, gaps = releases.approved_values(conn), releases.approved_unreported(conn)
    if label in releases.release_ids(conn):
        return _existing(conn, label, approved, gaps, catalogue, existing_ok=existing_ok)
    if approved.empty:
        raise PublishError(
            N_(
                "no hay nada que publicar: no se aprobó ningún envío (apruébelos en el portal o "
                "con `gealc review approve ID`)"
            )
        )
    numbers = approved[["iso3", "year", "indicator_id", "value"]]
    scores = score_table(numbers, catalogue)
    statistics = release_statistics(numbers, scores, catalogue)
    values, scores, sha = content(approved, scores, catalogue.edition, gaps)
    record = {
        "label": label,
        "created_at": utc_now(),
        "created_by": actor,
        "note": note,
        "sha256": sha,
        "catalogue_edition": catalogue.edition,
        "value_count": len(values),
        "is_demo": bool(values["is_demo"].any()),
        "method": METHOD,
    }
    releases.insert_release(
        conn,
        record,
        values=values,
        scores=scores,
        unreported=_ordered_gaps(gaps),
        statistics=statistics,
    )
    audit.record_audit(
        conn,
        actor,
        "release_published",
        target=label,
        detail=f"sha256 {sha}",
        at=record["created_at"],
    )
    return Release(label, sha, len(values), len(scores), created=True)


def _existing(
    conn: Connection,
    label: str,
    approved: pd.DataFrame,
    gaps: pd.DataFrame,
    catalogue: Catalogue,
    *,
    existing_ok: bool,
) -> Release:
    """Release `label`, already stored (whole: a release is written in one transaction), when it
    may stay as it is; PublishError saying how it differs from what would be published now."""
    listing = releases.release_table(conn)
    stored = listing[listing["label"] == label].iloc[0]
    values, scores = releases.release_frames(conn, label)
    release = Release(label, str(stored["sha256"]), len(values), len(scores), created=False)
    if existing_ok:
        return release
    now_sha = ""
    if not approved.empty:
        now_scores = score_table(approved[["iso3", "year", "indicator_id", "value"]], catalogue)
        now_sha = content(approved, now_scores, catalogue.edition, gaps)[2]
    stored_as = {
        "label": label,
        "values": release.values,
        "scores": release.scores,
        "published": pd.Timestamp(stored["created_at"]).to_pydatetime(),
        "author": stored["created_by"],
        "sha": release.sha256[:12],
    }
    if now_sha == release.sha256:
        raise PublishError(
            N_(
                "la versión «{label}» ya existe, completa ({values} valores, {scores} puntajes, "
                "publicada el {published} por {author}, sha256 {sha}…), y es idéntica a lo que se "
                "publicaría ahora: no hay nada que hacer (las versiones no cambian nunca)."
            ),
            **stored_as,
        )
    raise PublishError(
        N_(
            "la versión «{label}» ya existe, completa ({values} valores, {scores} puntajes, "
            "publicada el {published} por {author}, sha256 {sha}…), y difiere de lo que se "
            "publicaría ahora ({approved} valores aprobados, sha256 {now}…); las versiones no "
            "cambian nunca: publique la corrección con una etiqueta nueva, por ejemplo {next}."
        ),
        **stored_as,
        approved=len(approved),
        now=now_sha[:12] or "—",
        next=next_label(label),
    )


def next_label(label: str) -> str:
    """The label a correction of release `label` could take: 2025-1 → 2025-2, 2025 → 2025-2."""
    stem, _, number = label.rpartition("-")
    return f"{stem}-{int(number) + 1}" if stem and number.isdigit() else f"{label}-2"
