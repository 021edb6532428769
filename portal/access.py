"""Who is asking and what they may open: Flask-Login sessions over portal accounts, the role
check on every view, the page's language (Flask-Babel's locale) and the warehouse connections the
portal uses."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps

import flask
from flask_babel import Babel, get_locale
from flask_login import LoginManager, UserMixin, current_user, login_url
from sqlalchemy.engine import Connection, Engine

from etl.accounts import Account, active_account
from locales import DEFAULT_LANGUAGE, LANGUAGES
from warehouse import accounts, audit
from warehouse.db import STORAGE_ERRORS, WarehouseBusy, connect, open_for_writing

WAREHOUSE_KEY = "GEALC_PORTAL_WAREHOUSE"
login_manager = LoginManager()
login_manager.login_view = "portal.login"
login_manager.login_message = None  # the sign-in page says why itself
# The page's language and time zone; the templates speak through `locales` (`t`, `tn`), not
# through Flask-Babel's `gettext` and its %-placeholders.
babel = Babel(configure_jinja=False)


class Warehouse:
    """The portal's connections: short read-only ones for its screens, a writing one per change.
    A DuckDB file held by another job is waited for, then reported busy (WarehouseBusy); a missing
    or damaged one is WarehouseUnavailable (never replaced by a new, empty warehouse)."""

    def __init__(self, database_url: str, wait_seconds: float = 15.0) -> None:
        self.reader: Engine = connect(database_url, read_only=True)
        self.writer: Engine = connect(database_url)
        self.wait = wait_seconds

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with open_for_writing(self.reader, self.wait) as conn:
            yield conn

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        with open_for_writing(self.writer, self.wait, create=False) as conn:
            yield conn


def warehouse() -> Warehouse:
    return flask.current_app.config[WAREHOUSE_KEY]


class User(UserMixin):
    """A signed-in account. The session names the account, when its password last changed (so
    resetting a password ends every session opened with the old one) and the sign-in itself (a
    random id: signing out ends that session on the server, so a copied cookie opens nothing)."""

    def __init__(self, account: Account, stamp: str, session_id: str) -> None:
        self.account, self.stamp, self.session_id = account, stamp, session_id

    def get_id(self) -> str:
        return f"{self.account.username}|{self.stamp}|{self.session_id}"


def session_user(account: Account, conn: Connection) -> User:
    """The user of a new sign-in of `account`."""
    stamp = str(accounts.account_row(conn, account.username)["password_changed_at"])
    return User(account, stamp, secrets.token_urlsafe(18))


@login_manager.user_loader
def _load(user_id: str) -> User | None:
    """The session's account; None (anonymous for this request) when it cannot be checked now,
    the reason kept for `requires` to tell (the pages then render without needing the warehouse)."""
    username, _, rest = user_id.partition("|")
    stamp, _, session_id = rest.partition("|")
    if not session_id:
        return None  # a session from before sign-ins had ids: sign in again
    try:
        with warehouse().reading() as conn:
            account = active_account(conn, username)
            row = accounts.account_row(conn, username) if account else None
            ended = account is not None and audit.signed_out(conn, username, session_id)
    except (WarehouseBusy, *STORAGE_ERRORS) as exc:
        flask.g.gealc_unchecked = exc
        return None
    if account is None or ended or str(row["password_changed_at"]) != stamp:
        return None
    return User(account, stamp, session_id)


def me() -> Account:
    return current_user.account


def requires(*roles: str) -> Callable:
    """Only signed-in accounts with one of `roles` reach the view; others are sent to sign in
    (anonymous) or told they may not (403)."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(*args: object, **kwargs: object) -> object:
            if not current_user.is_authenticated:
                if "gealc_unchecked" in flask.g:
                    raise flask.g.gealc_unchecked  # signed in, maybe, but the warehouse cannot say
                return _to_sign_in()
            if current_user.account.role not in roles:
                flask.abort(403)
            return view(*args, **kwargs)

        return guarded

    return decorate


def _to_sign_in() -> flask.Response:
    """To the sign-in page, back here afterwards, in this page's language when it names one."""
    target = login_url(login_manager.login_view, next_url=flask.request.url)
    asked = flask.request.args.get("lang")
    return flask.redirect(f"{target}&lang={asked}" if asked in LANGUAGES else target)


def page_language() -> str:
    """Flask-Babel's locale selector: `?lang=` when given, else the signed-in account's language,
    else the browser's preferred one among ours, else Spanish."""
    asked = flask.request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    if current_user.is_authenticated:
        return current_user.account.lang
    best = flask.request.accept_languages.best_match(LANGUAGES)
    return best or DEFAULT_LANGUAGE


def current_language() -> str:
    """The language of this request's page (the code Flask-Babel selected with `page_language`)."""
    return str(get_locale())


def client_address() -> str | None:
    return flask.request.remote_addr
