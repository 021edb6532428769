"""Portal accounts: who may sign in, in which role, for which country; passwords checked with
argon2id (argon2-cffi) and never stored; failed sign-ins counted in the audit log, so a guessing
run is stopped whichever server process it reaches."""

from __future__ import annotations

import ipaddress
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Connection

from etl.errors import Refused
from etl.load import utc_now
from indicators.texts import DEFAULT_LANGUAGE, LANGUAGES
from warehouse import accounts, audit

ROLES = ("country", "secretariat", "admin")
USERNAME = re.compile(r"[a-z0-9][a-z0-9._@-]{2,63}")
MIN_PASSWORD = 12
# Failures are counted for a name from one address: whoever fails on purpose blocks only their own
# attempts, never the account's owner elsewhere (no one can lock an account out), and an office
# behind one address is blocked only after far more failures than its staff make.
# An address is its network for IPv6 (a /64 is one subscriber's), and beyond many failures for a
# name from anywhere, only the networks the account has signed in from before may keep trying.
MAX_FAILURES_PER_NAME = 5  # for one name from one address; then that pair waits LOCKOUT
MAX_FAILURES_PER_ADDRESS = 100  # from one address, whatever names it tries; then it waits LOCKOUT
MAX_FAILURES_PER_NAME_ANYWHERE = 50  # then only the account's known networks may try
LOCKOUT = timedelta(minutes=15)

_hasher = PasswordHasher()  # argon2id with the library's recommended cost


class AccountError(Refused):
    """An account change that cannot be made (unknown name, weak password, …); nothing is
    written."""


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    iso3: str | None = None
    display_name: str | None = None
    lang: str = DEFAULT_LANGUAGE

    def may_see(self, iso3: str | None) -> bool:
        """Whether this account may see unpublished material of country `iso3`."""
        return self.role in ("secretariat", "admin") or (iso3 is not None and iso3 == self.iso3)


@cache
def _nobody() -> str:
    """A hash to verify unknown names against, so they take as long as known ones."""
    return _hasher.hash(secrets.token_hex(16))


def generate_password() -> str:
    """A random password to hand to a new focal point (about 96 bits)."""
    return secrets.token_urlsafe(12)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")


def _account(row: dict) -> Account:
    return Account(row["username"], row["role"], row["iso3"], row["display_name"], row["lang"])


def add_user(
    conn: Connection, new: Account, password: str, actor: str, *, members: tuple[str, ...] = ()
) -> Account:
    """Create the account `new` in the caller's transaction; returns it as stored (name in lower
    case, country code in upper case). A `country` account needs a member ISO3."""
    username, role, lang = new.username.strip().lower(), new.role, new.lang
    display_name = new.display_name
    if not USERNAME.fullmatch(username):
        raise AccountError(
            f"'{username}' is not a valid user name: 3–64 lower-case letters, digits, . _ @ -"
        )
    if role not in ROLES:
        raise AccountError(f"unknown role '{role}': use one of {', '.join(ROLES)}")
    iso3 = new.iso3.strip().upper() if new.iso3 else None
    if role == "country" and iso3 not in members:
        raise AccountError(
            f"a country account needs --country with a member's ISO3 code ({', '.join(members)})"
        )
    if role != "country" and iso3:
        raise AccountError(
            f"only country accounts belong to a country; a {role} account sees every country"
        )
    if lang not in LANGUAGES:
        raise AccountError(f"unknown language '{lang}': use one of {', '.join(LANGUAGES)}")
    _check_password(password)
    if accounts.account_row(conn, username) is not None:
        raise AccountError(
            f"the account '{username}' already exists (disabled accounts keep their name)"
        )
    now = utc_now()
    accounts.insert_account(
        conn,
        {
            "username": username,
            "role": role,
            "iso3": iso3,
            "display_name": display_name,
            "lang": lang,
            "password_hash": _hasher.hash(password),
            "active": True,
            "created_at": now,
            "password_changed_at": now,
        },
    )
    audit.record_audit(
        conn, actor, "account_added", iso3=iso3, target=username, detail=role, at=now
    )
    return Account(username, role, iso3, display_name, lang)


def _existing(conn: Connection, username: str) -> dict:
    row = accounts.account_row(conn, username.strip().lower())
    if row is None:
        raise AccountError(f"no account '{username}': see `gealc users list`")
    return row


def disable_user(conn: Connection, username: str, actor: str) -> None:
    """Stop an account from signing in; its history stays."""
    row = _existing(conn, username)
    accounts.update_account(conn, row["username"], active=False)
    audit.record_audit(conn, actor, "account_disabled", iso3=row["iso3"], target=row["username"])


def reset_password(conn: Connection, username: str, password: str, actor: str) -> None:
    """Give an account a new password (and enable it again)."""
    row = _existing(conn, username)
    _check_password(password)
    accounts.update_account(
        conn,
        row["username"],
        password_hash=_hasher.hash(password),
        active=True,
        password_changed_at=utc_now(),
    )
    audit.record_audit(conn, actor, "password_reset", iso3=row["iso3"], target=row["username"])


def list_users(conn: Connection) -> pd.DataFrame:
    return accounts.account_table(conn)


def active_account(conn: Connection, username: str) -> Account | None:
    """The account of a signed-in session, while it stays active."""
    row = accounts.account_row(conn, username)
    return _account(row) if row and row["active"] else None


@dataclass(frozen=True)
class SignIn:
    """What a sign-in attempt came to: the account, or None; `wait_minutes` > 0 when it was not
    even checked because of too many recent failures."""

    account: Account | None
    wait_minutes: int = 0


def authenticate(conn: Connection, username: str, password: str, address: str | None) -> SignIn:
    """Check a sign-in in the caller's transaction and record it (success, failure or refusal) in
    the audit log. After repeated failures for a name from an address, or from an address, the
    password is not checked."""
    name = username.strip().lower()[:64]
    now = utc_now()
    since, network = now - LOCKOUT, client_network(address)
    failures = audit.failed_sign_ins(conn, since, username=name)
    if (
        audit.failed_sign_ins(conn, since, username=name, network=network) >= MAX_FAILURES_PER_NAME
        or (
            network
            and audit.failed_sign_ins(conn, since, network=network) >= MAX_FAILURES_PER_ADDRESS
        )
        or (
            failures >= MAX_FAILURES_PER_NAME_ANYWHERE
            and not audit.signed_in_from(conn, name, network)
        )
    ):
        audit.record_audit(conn, name, "sign_in_blocked", address=address, detail=network, at=now)
        return SignIn(None, int(LOCKOUT.total_seconds() // 60))
    row = accounts.account_row(conn, name)
    try:
        _hasher.verify(row["password_hash"] if row else _nobody(), password)
        valid = row is not None and bool(row["active"])
    except (VerificationError, InvalidHashError):
        valid = False
    if not valid:
        audit.record_audit(
            conn,
            name,
            "sign_in_failed",
            iso3=row["iso3"] if row else None,
            address=address,
            detail=network,
            at=now,
        )
        return SignIn(None)
    if _hasher.check_needs_rehash(row["password_hash"]):
        accounts.update_account(conn, name, password_hash=_hasher.hash(password))
    audit.record_audit(
        conn, name, "sign_in", iso3=row["iso3"], address=address, detail=network, at=now
    )
    return SignIn(_account(row))


def client_network(address: str | None) -> str | None:
    """What sign-in limits count an address as: itself for IPv4, its /64 for IPv6 (one
    subscriber's block: counting each of its addresses apart would give it endless tries)."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return address or None
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)
