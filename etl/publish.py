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
from indicators.scoring import SCORE_COLUMNS, score_table
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
    values: pd.DataFrame, scores: pd.DataFrame, edition: str
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """Values and scores in their canonical order, and the SHA-256 of that content: the same
    approved data gives the same bytes and the same hash, whenever it is published."""
    values = (
        values[releases.RELEASE_VALUE_COLUMNS]
        .sort_values(["iso3", "year", "indicator_id"])
        .reset_index(drop=True)
    )
    scores = (
        scores[SCORE_COLUMNS].sort_values(["iso3", "year", "level", "id"]).reset_index(drop=True)
    )
    digest = hashlib.sha256(f"gealc release\ncatalogue {edition}\n".encode())
    for frame in (values, scores):
        digest.update(frame.to_csv(index=False, float_format="%.12g", lineterminator="\n").encode())
    return values, scores, digest.hexdigest()


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
    transaction. With `existing_ok`, a label that already exists is left as it is."""
    label = label.strip()
    if not label or len(label) > 64 or any(c in label for c in "/?#&% "):
        raise PublishError(
            f"release label '{label}' must be 1–64 characters without spaces or / ? # & %"
        )
    taken = releases.release_ids(conn)
    if label in taken:
        if existing_ok:
            values, scores = releases.release_frames(conn, label)
            return Release(
                label, _stored_hash(conn, label), len(values), len(scores), created=False
            )
        raise PublishError(
            f"release '{label}' already exists and releases are never changed; publish the "
            "correction under a new label (e.g. 2024-2)"
        )
    approved = releases.approved_values(conn)
    if approved.empty:
        raise PublishError(
            "nothing to publish: no submission has been approved (`gealc review approve ID`)"
        )
    scores = score_table(approved[["iso3", "year", "indicator_id", "value"]], catalogue)
    values, scores, sha = content(approved, scores, catalogue.edition)
    record = {
        "label": label,
        "created_at": utc_now(),
        "created_by": actor,
        "note": note,
        "sha256": sha,
        "catalogue_edition": catalogue.edition,
        "value_count": len(values),
        "is_demo": bool(values["is_demo"].any()),
    }
    releases.insert_release(conn, record, values, scores)
    audit.record_audit(
        conn,
        actor,
        "release_published",
        target=label,
        detail=f"sha256 {sha}",
        at=record["created_at"],
    )
    return Release(label, sha, len(values), len(scores), created=True)


def _stored_hash(conn: Connection, label: str) -> str:
    table = releases.release_table(conn)
    return str(table.loc[table["label"] == label, "sha256"].iloc[0])
