"""A file received through the portal: a country account may send values for its own country
only; the file is then loaded like any other (one transaction, a receipt, a revision) and the
scores refreshed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Connection

from etl.accounts import Account
from etl.errors import Refused
from etl.load import load_file, validate_file
from etl.scores import refresh_scores
from etl.submission.receipt import Receipt
from indicators.catalogue import Catalogue
from indicators.countries import Members
from warehouse import audit


class OtherCountry(Refused):
    """A country account sent values for another country: nothing was stored."""

    def __init__(self, own: str, others: list[str]) -> None:
        self.own, self.others = own, others
        super().__init__(
            f"the file has values for {', '.join(others)}; "
            f"a {own} account can send {own}'s values only"
        )


def receive(
    conn: Connection,
    path: Path,
    account: Account,
    catalogue: Catalogue,
    members: Members,
    *,
    stored_name: str,
    address: str | None = None,
) -> Receipt:
    """Check that `account` may send this file, then load it (see `etl.load.load_file`)."""
    countries = sorted({iso3 for iso3, _, _ in validate_file(path, catalogue, members).parts})
    if account.role == "country" and set(countries) - {account.iso3}:
        refused = OtherCountry(account.iso3 or "", [c for c in countries if c != account.iso3])
        with conn.begin():
            audit.record_audit(
                conn,
                account.username,
                "upload_refused",
                iso3=account.iso3,
                detail=", ".join(refused.others),
                address=address,
            )
        raise refused
    owner = account.iso3 or (countries[0] if len(countries) == 1 else None)
    upload = {
        "username": account.username,
        "iso3": owner,
        "stored_name": stored_name,
        "size_bytes": path.stat().st_size,
    }
    return load_file(
        conn,
        path,
        catalogue,
        members,
        account.username,
        upload=upload,
        after_accepted=lambda same: refresh_scores(same, catalogue),
    )
