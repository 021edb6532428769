"""`gealc users` through the real command, on DuckDB and PostgreSQL: an account of each role, a
generated password printed once that signs in, refusals that write nothing, the list without
secrets, disabling and resetting, argon2id hashes only, and every change in the audit log with
who made it. The commands of each stage run at once (each is a new Python process)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

import pytest

from etl.accounts import authenticate
from indicators.countries import load_members
from tests.conftest import snapshot
from tests.helpers import ROOT, gealc, ok, query
from tests.integration.conftest import built_warehouse
from warehouse.db import connect

Run = subprocess.CompletedProcess
SECRETARIAT_PASSWORD = "secretaria-clave-1"
SHOWN = "Password (shown once; hand it over privately): "
# Refusals decided before the warehouse is read: run on DuckDB only (each command costs a second
# or more).
REFUSED_ANYWHERE = {"no country", "unknown country", "bad name", "short password"}


def together(*jobs: Callable[[], Run]) -> list[Run]:
    """Run independent commands at the same time; their results in the order given."""
    with ThreadPoolExecutor(len(jobs)) as pool:
        return list(pool.map(lambda job: job(), jobs))


def gealc_input(text: str, *args: str, db: str) -> Run:
    """`gealc --db DB ARGS…` with `text` on standard input (`tests.helpers.gealc` gives it none)."""
    return subprocess.run(
        [sys.executable, "-m", "gealc.cli", "--db", db, *args],
        input=text,
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )


def shown_password(result: Run) -> str:
    """The generated password the command printed (exactly once)."""
    ok(result)
    [line] = [line for line in result.stdout.splitlines() if line.startswith(SHOWN)]
    password = line.removeprefix(SHOWN)
    assert result.stdout.count(password) == 1
    return password


def signs_in(url: str, username: str, password: str) -> tuple | None:
    """(role, country) of the account the password opens, or None (`etl.accounts.authenticate`)."""
    engine = connect(url)
    with engine.connect() as conn, conn.begin():
        account = authenticate(conn, username, password, "127.0.0.1").account
    engine.dispose()
    return (account.role, account.iso3) if account else None


@dataclass
class Story:
    backend: str
    url: str
    added: dict[str, Run] = field(default_factory=dict)
    passwords: dict[str, str] = field(default_factory=dict)
    signed_in: dict[str, tuple | None] = field(default_factory=dict)
    refused: dict[str, Run] = field(default_factory=dict)
    tables: tuple[dict, dict] = ({}, {})
    listing: dict[str, Run] = field(default_factory=dict)


@pytest.fixture(scope="module", params=["duckdb", "postgresql"])
def story(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Story:
    url = built_warehouse(request, tmp_path_factory.mktemp("users"))
    run = partial(gealc, db=url)
    story = Story(request.param, url)
    story.added = dict(
        zip(
            ("focal.ury", "sec.one", "adm.one"),
            together(
                partial(
                    run,
                    "users",
                    "add",
                    "focal.ury",
                    "--role",
                    "country",
                    "--country",
                    "ury",
                    "--name",
                    "Agesic",
                    "--by",
                    "alicia",
                ),
                partial(
                    gealc_input,
                    SECRETARIAT_PASSWORD + "\n",
                    "users",
                    "add",
                    "sec.one",
                    "--role",
                    "secretariat",
                    "--password-stdin",
                    "--by",
                    "alicia",
                    db=url,
                ),
                partial(
                    run,
                    "users",
                    "add",
                    "adm.one",
                    "--role",
                    "admin",
                    "--lang",
                    "en",
                    "--by",
                    "alicia",
                ),
            ),
            strict=True,
        )
    )
    story.passwords = {
        "focal.ury": shown_password(story.added["focal.ury"]),
        "sec.one": SECRETARIAT_PASSWORD,
        "adm.one": shown_password(story.added["adm.one"]),
    }
    story.signed_in = {
        name: signs_in(url, name, password) for name, password in story.passwords.items()
    }

    disabled, reset = together(
        partial(run, "users", "disable", "sec.one", "--by", "bruno"),
        partial(run, "users", "reset-password", "focal.ury", "--by", "bruno"),
    )
    ok(disabled)
    story.passwords["focal.ury (new)"] = shown_password(reset)
    story.signed_in |= {
        "sec.one (disabled)": signs_in(url, "sec.one", SECRETARIAT_PASSWORD),
        "focal.ury (old)": signs_in(url, "focal.ury", story.passwords["focal.ury"]),
        "focal.ury (new)": signs_in(url, "focal.ury", story.passwords["focal.ury (new)"]),
    }

    jobs = {
        "taken": partial(run, "users", "add", "Focal.URY", "--role", "admin"),
        "list --json": partial(run, "users", "list", "--json"),
    }
    if (
        story.backend == "duckdb"
    ):  # refused before the warehouse is read, and printed alike, on any backend
        jobs |= {
            "no country": partial(run, "users", "add", "focal.two", "--role", "country"),
            "unknown country": partial(
                run, "users", "add", "focal.two", "--role", "country", "--country", "XXX"
            ),
            "bad name": partial(run, "users", "add", "../etc", "--role", "admin"),
            "short password": partial(
                gealc_input,
                "only-11-chr\n",
                "users",
                "add",
                "short.pw",
                "--role",
                "admin",
                "--password-stdin",
                db=url,
            ),
            "list": partial(run, "users", "list"),
        }
    before = snapshot(url)
    story.refused = dict(zip(jobs, together(*jobs.values()), strict=True))
    story.tables = (before, snapshot(url))
    story.listing = {
        name: story.refused.pop(name) for name in ("list", "list --json") if name in story.refused
    }
    return story


def test_an_account_of_each_role_signs_in_with_the_password_given(story):
    assert {name: r.stdout.splitlines()[0] for name, r in story.added.items()} == {
        "focal.ury": "Added country account 'focal.ury' for URY.",
        "sec.one": "Added secretariat account 'sec.one'.",
        "adm.one": "Added admin account 'adm.one'.",
    }
    assert "Password" not in story.added["sec.one"].stdout  # given on standard input: never printed
    assert story.signed_in == {
        "focal.ury": ("country", "URY"),
        "sec.one": ("secretariat", None),
        "adm.one": ("admin", None),
        "sec.one (disabled)": None,
        "focal.ury (old)": None,
        "focal.ury (new)": ("country", "URY"),
    }


def test_refused_additions_say_why_and_write_nothing(story):
    before, after = story.tables
    assert after == before
    assert set(story.refused) == {"taken"} | (
        REFUSED_ANYWHERE if story.backend == "duckdb" else set()
    )
    assert {name: r.returncode for name, r in story.refused.items()} == dict.fromkeys(
        story.refused, 1
    )
    assert not any("Password" in r.stdout for r in story.refused.values())
    assert "'focal.ury' already exists" in story.refused["taken"].stderr
    if story.backend == "duckdb":
        for name in ("no country", "unknown country"):
            assert "--country" in story.refused[name].stderr
            assert all(code in story.refused[name].stderr for code in load_members().iso3_codes)
        assert "not a valid user name" in story.refused["bad name"].stderr
        assert "at least 12 characters" in story.refused["short password"].stderr


def test_the_list_shows_roles_countries_and_states_never_a_secret(story):
    assert set(story.listing) == {"list --json"} | (
        {"list"} if story.backend == "duckdb" else set()
    )
    for result in story.listing.values():
        ok(result)
        assert "argon2" not in result.stdout and "hash" not in result.stdout
        assert not any(password in result.stdout for password in story.passwords.values())
    rows = json.loads(story.listing["list --json"].stdout)
    assert {
        r["username"]: (r["role"], r["iso3"], r["active"], r["display_name"], r["lang"])
        for r in rows
    } == {
        "focal.ury": ("country", "URY", True, "Agesic", "es"),
        "sec.one": ("secretariat", None, False, None, "es"),
        "adm.one": ("admin", None, True, None, "en"),
    }
    if story.backend == "duckdb":
        lines = {
            line.split()[0]: line.split() for line in story.listing["list"].stdout.splitlines()[1:]
        }
        assert {name: words[1] for name, words in lines.items()} == {
            "focal.ury": "country",
            "sec.one": "secretariat",
            "adm.one": "admin",
        }
        assert lines["focal.ury"][2] == "URY" and not {"URY", "True"} & set(lines["sec.one"])
        assert (
            "True" in lines["adm.one"]
            and "True" in lines["focal.ury"]
            and "False" in lines["sec.one"]
        )


def test_only_argon2id_hashes_are_stored_and_every_change_is_audited(story):
    hashes = query(story.url, "SELECT username, password_hash FROM account ORDER BY username")
    assert [name for name, _ in hashes] == ["adm.one", "focal.ury", "sec.one"]
    assert all(stored.startswith("$argon2id$") for _, stored in hashes)
    everything = repr(snapshot(story.url))
    assert not any(password in everything for password in story.passwords.values())
    assert sorted(
        query(
            story.url,
            """SELECT actor, action, target, detail, iso3 FROM audit_event
               WHERE action IN ('account_added', 'account_disabled', 'password_reset')""",
        )
    ) == [
        ("alicia", "account_added", "adm.one", "admin", None),
        ("alicia", "account_added", "focal.ury", "country", "URY"),
        ("alicia", "account_added", "sec.one", "secretariat", None),
        ("bruno", "account_disabled", "sec.one", None, None),
        ("bruno", "password_reset", "focal.ury", None, "URY"),
    ]
