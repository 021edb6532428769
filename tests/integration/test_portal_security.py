"""The portal's security promises (issue 7), tried as an attacker would, on both backends: a
country's session tries every route and every callback on another country's submissions; an
anonymous visitor tries them all too; posts without the session's CSRF token; file names that
climb out of the upload area; a `<script>` in a note; guessing passwords; disabled accounts and
reset passwords; the secret key. On a real `gealc serve` process (DuckDB only: the backend plays
no part there): a 200 MB upload and a zip bomb, with the server's peak memory watched."""

from __future__ import annotations

import html
import io
import os
import re
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from itertools import product
from pathlib import Path
from urllib.parse import urlsplit

import flask
import pytest
import requests
from flask.testing import FlaskClient
from sqlalchemy.engine import Connection

from etl.accounts import Account, add_user, disable_user, reset_password
from etl.submission.read import MAX_FILE_BYTES
from gealc.config import InsecureSecret, Settings
from gealc.site import create_site
from locales.messages import t
from portal.texts import STATES
from tests.conftest import ROOT, free_port, snapshot
from tests.helpers import query, secret_key
from tests.integration.conftest import built_warehouse
from tests.integration.test_embargo import (
    PATHS,
    QUERIES,
    SEARCHES,
    callback_payload,
    filled,
    readable,
    under_embargo,
)
from tests.integration.test_embargo import SECRET as MARKER
from tests.integration.test_scores import full_year
from tests.portal_helpers import (
    ACCOUNTS,
    SECRET,
    add_accounts,
    csrf_token,
    sign_in,
    site_client,
    upload,
)
from warehouse.db import connect

# MARKER is in the source and note of every CHL value, and in the bytes of CHL's unreadable file.
LABEL = "r1"  # the release holding URY's values
# Every query parameter the portal's views read, naming CHL where a country is asked for.
PORTAL_QUERY = (
    "?country=CHL&year=2024&state=accepted&format=xlsx&template_lang=en&actor=chl&action=sign_in"
)
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
MB = 2**20


@dataclass(frozen=True)
class Site:
    """A warehouse with the test accounts, its whole site (public pages and portal), and the
    submissions made through it: CHL's (revision 1, revision 2, an unreadable file) and URY's."""

    url: str
    area: Path
    server: flask.Flask
    chl: list[int] = field(default_factory=list)
    ury: int = 0

    def client(self, username: str | None = None) -> FlaskClient:
        """A browser of its own; signed in as `username` when given."""
        client = self.server.test_client()
        if username:
            assert sign_in(client, username) == 303
        return client


def receipt_id(response) -> int:
    """The submission a followed upload landed on (its receipt page)."""
    path = response.request.path
    assert re.fullmatch(r"/portal/submissions/\d+", path), (
        path,
        response.get_data(as_text=True)[:2000],
    )
    return int(path.rsplit("/", 1)[1])


@pytest.fixture(scope="module", params=["duckdb", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """CHL's values carry the MARKER and wait for review (two revisions, so there is a diff, and
    an unreadable file whose bytes carry it too); URY's are approved and published as release r1
    through the secretariat's forms (with their token: the control for the refusals below)."""
    folder = tmp_path_factory.mktemp("portal")
    url = built_warehouse(request, folder)
    add_accounts(url)
    area = (
        folder / "uploads" / "area"
    )  # its parent holds nothing else: whatever lands there escaped
    empty = Site(url, area, site_client(url, area).application)
    chl = empty.client("chl")
    sent = [
        ("chl.csv", under_embargo("CHL", 0.6).encode()),
        ("chl-2.csv", under_embargo("CHL", 0.5).encode()),
        ("chl-roto.xlsx", f"{MARKER}: no es un libro".encode()),
    ]
    chl_ids = [receipt_id(upload(chl, name, body)) for name, body in sent]
    ury = receipt_id(upload(empty.client("ury"), "ury.csv", full_year("URY", 0.8).encode()))
    sec = empty.client("sec")
    token = csrf_token(sec, f"/portal/submissions/{ury}")
    assert (
        sec.post(
            f"/portal/submissions/{ury}/review", data={"action": "approve", "csrf_token": token}
        ).status_code
        == 303
    )
    assert (
        sec.post("/portal/publish", data={"label": LABEL, "csrf_token": token}).status_code == 303
    )
    assert query(empty.url, "SELECT label FROM release") == [(LABEL,)]
    return replace(empty, chl=chl_ids, ury=ury)


def every_get(server: flask.Flask, submission_ids: list[int]) -> list[str]:
    """Every GET URL of the site: the portal's routes with each submission id and every query
    parameter its views read; the public routes as the embargo test fills them; all naming CHL."""
    urls: dict[str, None] = {}
    for rule in server.url_map.iter_rules():
        if "GET" not in rule.methods or rule.rule.startswith("/portal/static/"):
            continue
        if rule.endpoint.startswith("portal."):
            names = set(re.findall(r"<(?:[a-z]+:)?([a-z_]+)>", rule.rule))
            if names - {"submission_id"}:
                pytest.fail(
                    f"route {rule.rule} has parameters this test does not know how to fill: "
                    "add them here"
                )
            paths = (
                [rule.rule.replace("<int:submission_id>", str(i)) for i in submission_ids]
                if names
                else [rule.rule]
            )
            urls.update(dict.fromkeys(p + PORTAL_QUERY for p in paths))
        else:
            urls.update(dict.fromkeys(u + QUERIES[1] for u in filled(rule.rule, [LABEL]) or []))
    return list(urls)


def submission_of(url: str) -> int | None:
    found = re.match(r"/portal/submissions/(\d+)", url)
    return int(found.group(1)) if found else None


def page(response) -> str:
    """A portal page's text as a reader sees it (entities decoded)."""
    return html.unescape(response.get_data(as_text=True))


def files_in(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def test_the_marker_shows_to_those_who_may_see_it(world):
    """The control for the tests below: the secretariat does see CHL's marked values, in the
    receipt and diff of revision 2 and in every kept file; URY sees its own submission."""
    sec = world.client("sec")
    assert MARKER in sec.get(f"/portal/submissions/{world.chl[1]}").get_data(as_text=True)
    for submission_id in world.chl:
        assert MARKER in readable(sec.get(f"/portal/submissions/{submission_id}/file").data)
    ury = world.client("ury")
    assert ury.get(f"/portal/submissions/{world.ury}").status_code == 200
    assert b"URY,2024" in ury.get(f"/portal/submissions/{world.ury}/file").data


def test_a_country_sees_and_downloads_nothing_of_another(world):
    ury = world.client("ury")
    before = snapshot(world.url)
    tried = 0
    for url in every_get(world.server, [*world.chl, world.ury]):
        response = ury.get(url)
        assert response.status_code < 500, (url, response.status_code)
        assert MARKER not in readable(response.data), url
        if submission_of(url) in world.chl:
            assert response.status_code == 404, url  # not 403: whether it exists is not revealed
        tried += 1
    assert tried > 60
    template = ury.get("/portal/template?country=CHL&year=2024&format=csv")
    assert (
        template.status_code == 200
        and "gealc-URY-2024.csv" in template.headers["Content-Disposition"]
    )
    token = csrf_token(ury, "/portal/submissions")
    for submission_id in world.chl:
        decided = ury.post(
            f"/portal/submissions/{submission_id}/review",
            data={"action": "approve", "csrf_token": token},
        )
        assert decided.status_code == 403
    assert snapshot(world.url) == before


def test_a_country_cannot_send_another_countrys_values(world):
    ury = world.client("ury")
    before, kept = snapshot(world.url), files_in(world.area)
    mixed = under_embargo("URY", 0.7) + "".join(
        under_embargo("CHL", 0.7).splitlines(keepends=True)[1:]
    )
    for body in (under_embargo("CHL", 0.4), mixed):
        response = upload(ury, "chl.csv", body.encode(), "en")
        assert response.request.path == "/portal/submissions"
        assert t(
            "El archivo tiene valores de {others}: una cuenta de {own} solo puede enviar los "
            "valores de {own}. No se guardó nada.",
            "en",
            others="CHL",
            own="URY",
        ) in page(response)
        assert MARKER not in response.get_data(as_text=True)
    after = snapshot(world.url)
    refused = [e for e in after.pop("audit_event") if "'upload_refused'" in e and "'ury'" in e]
    before.pop("audit_event")
    assert after == before and len(refused) >= 2
    assert files_in(world.area) == kept


def test_every_callback_with_a_country_session_keeps_other_countries_out(world):
    ury = world.client("ury")
    callbacks = [
        c for c in ury.get("/_dash-dependencies").get_json() if not c.get("clientside_function")
    ]
    assert len(callbacks) >= 4
    search = next(s for s in SEARCHES if "CHL" in s)
    for callback, path in product(callbacks, PATHS):
        response = ury.post(
            "/_dash-update-component",
            data=callback_payload(callback, path, search),
            content_type="application/json",
        )
        assert response.status_code in (200, 204), (callback["output"], path, response.data[:300])
        assert MARKER not in response.get_data(as_text=True), (callback["output"], path)


def test_anonymous_visitors_reach_no_unpublished_value(world):
    anonymous = world.client()
    before = snapshot(world.url)
    for url in every_get(world.server, world.chl):
        response = anonymous.get(url)
        assert response.status_code < 500, (url, response.status_code)
        assert MARKER not in readable(response.data), url
        if url.startswith("/portal"):
            assert response.status_code == 302 and urlsplit(response.location).path == "/login", url
    token = csrf_token(anonymous)
    for url in ("/portal/upload", f"/portal/submissions/{world.chl[0]}/review", "/portal/publish"):
        form = {
            "csrf_token": token,
            "action": "approve",
            "label": "r9",
            "file": (io.BytesIO(full_year("CHL", 0.3).encode()), "chl.csv"),
        }
        response = anonymous.post(url, data=form, content_type="multipart/form-data")
        assert response.status_code == 302 and urlsplit(response.location).path == "/login", url
    assert snapshot(world.url) == before


def test_posts_without_the_sessions_csrf_token_are_refused(world):
    sec, chl, anonymous = world.client("sec"), world.client("chl"), world.client()
    other_sessions = csrf_token(chl, "/portal/submissions")
    before, kept = snapshot(world.url), files_in(world.area)
    review = f"/portal/submissions/{world.chl[1]}/review"
    sign_in_form = {"username": "ury", "password": ACCOUNTS["ury"][2]}
    assert anonymous.post("/login", data=sign_in_form).status_code == 400
    assert anonymous.get("/portal/").status_code == 302  # not signed in
    assert sec.post("/logout").status_code == 400
    file = {"file": (io.BytesIO(under_embargo("CHL", 0.3).encode()), "chl-3.csv")}
    assert (
        chl.post("/portal/upload", data=file, content_type="multipart/form-data").status_code == 400
    )
    for token in ({}, {"csrf_token": other_sessions}, {"csrf_token": "forged"}):
        assert sec.post(review, data={"action": "approve", **token}).status_code == 400
        assert sec.post("/portal/publish", data={"label": "r2", **token}).status_code == 400
    assert sec.get("/portal/submissions").status_code == 200  # still signed in
    assert (
        snapshot(world.url) == before
    )  # no sign-in, sign-out, upload, decision or release: not even audited
    assert files_in(world.area) == kept


def test_file_names_never_leave_the_upload_area(world):
    sec = world.client("sec")
    token = csrf_token(sec, "/portal/submissions")
    names = [
        "../../evil.csv",
        "..\\..\\evil.csv",
        f"{world.area.parent}/absolute.csv",
        "a/../../b.xlsx",
        "evil\x00.csv",
        "evil\n.csv",
        "..",
        f"{IMG}.csv",
    ]
    for number, name in enumerate(
        names
    ):  # sent as upload() sends them, without waiting for each receipt
        sent = {
            "csrf_token": token,
            "file": (io.BytesIO(f"no es un envío {number}\n".encode()), name),
        }
        assert (
            sec.post("/portal/upload", data=sent, content_type="multipart/form-data").status_code
            == 303
        ), name
    kept = files_in(world.area.parent)
    stored = [name for (name,) in query(world.url, "SELECT stored_name FROM upload")]
    assert (
        len(stored) >= len(world.chl) + len(names) - 1
    )  # a raw newline breaks its part's header: no file
    assert {
        p.relative_to(world.area).as_posix() for p in kept if p.is_relative_to(world.area)
    } == set(stored)
    assert all(p.is_relative_to(world.area) for p in kept), sorted(kept)
    for name in stored:
        folder, file_name = name.split("/")
        assert re.fullmatch(r"[0-9a-f]{32}", folder) and file_name not in ("", ".", ".."), name
        assert not set(file_name) & set("\\\x00\n<>"), name


def test_notes_and_file_names_render_as_text(world):
    sec = world.client("sec")
    scripted = [
        under_embargo("BRA", level).replace(MARKER, SCRIPT).encode() for level in (0.5, 0.4)
    ]
    first = upload(sec, f"{IMG}.csv", scripted[0], "en")
    second = upload(sec, "bra-2.csv", scripted[1], "en")
    token = csrf_token(sec, "/portal/submissions")
    returned = sec.post(
        f"/portal/submissions/{receipt_id(second)}/review",
        follow_redirects=True,
        data={"action": "return", "comment": SCRIPT, "csrf_token": token},
    )
    assert receipt_id(first) < receipt_id(second) == receipt_id(returned)
    shown = [first, second, returned, sec.get("/portal/submissions"), sec.get("/portal/audit")]
    for response in shown:
        text = response.get_data(as_text=True)
        assert "<script>alert" not in text and "<img src=x" not in text, response.request.path
    escaped = html.escape(SCRIPT, quote=False)
    assert (
        second.get_data(as_text=True).count(escaped) == 4 * 15
    )  # the diff: source and note, both revisions, 15 indicators
    assert f'<q class="comment">{escaped}</q>' in returned.get_data(as_text=True)


# --- accounts: guessing, disabling, resetting, cookies ---------------------------------------
# Each test locks, disables or resets an account of its own, so the others' sessions carry on.


def change(url: str, action: Callable[[Connection], None]) -> None:
    """Change accounts as `gealc users` does: in one transaction."""
    engine = connect(url)
    with engine.connect() as conn, conn.begin():
        action(conn)
    engine.dispose()


def new_account(url: str, username: str, role: str, iso3: str | None = None) -> str:
    """An account for one test; its password."""
    password = f"{username}-password"
    change(
        url,
        lambda conn: add_user(
            conn, Account(username, role, iso3), password, "tests", members=(iso3,)
        ),
    )
    return password


def signed_out(client: FlaskClient) -> bool:
    response = client.get("/portal/submissions")
    return response.status_code == 302 and urlsplit(response.location).path == "/login"


def test_repeated_wrong_passwords_block_even_the_right_one(world):
    password = new_account(world.url, "ury-guessed", "country", "URY")
    client = world.client()
    assert [sign_in(client, "ury-guessed", "not-the-password") for _ in range(5)] == [401] * 5
    assert sign_in(client, "ury-guessed", password) == 429
    assert signed_out(client)
    assert ("ury-guessed",) in query(
        world.url, "SELECT actor FROM audit_event WHERE action = 'sign_in_blocked'"
    )
    assert sign_in(world.client(), "ury") == 303  # the name is blocked, not the country or everyone


def test_a_disabled_account_cannot_sign_in_and_its_session_ends(world):
    password = new_account(world.url, "chl-disabled", "country", "CHL")
    earlier = world.client()
    assert sign_in(earlier, "chl-disabled", password) == 303
    change(world.url, lambda conn: disable_user(conn, "chl-disabled", "tests"))
    assert sign_in(world.client(), "chl-disabled", password) == 401
    assert signed_out(earlier)


def test_resetting_a_password_ends_the_sessions_opened_before(world):
    new_account(world.url, "sec-reset", "secretariat")
    earlier = world.client()
    assert sign_in(earlier, "sec-reset", "sec-reset-password") == 303
    assert earlier.get("/portal/submissions").status_code == 200
    change(
        world.url, lambda conn: reset_password(conn, "sec-reset", "a-brand-new-password", "tests")
    )
    assert signed_out(earlier)
    assert sign_in(world.client(), "sec-reset", "a-brand-new-password") == 303


def test_session_cookies_are_httponly_samesite_and_secure_when_asked(world):
    plain = world.client("adm").get_cookie("gealc_session")
    assert (plain.http_only, plain.same_site, plain.secure) == (True, "Lax", False)
    client = create_site(
        Settings(database_url=world.url, upload_dir=world.area), SECRET, secure_cookies=True
    ).server.test_client()
    assert sign_in(client, "adm") == 303
    cookie = client.get_cookie("gealc_session")
    assert (cookie.http_only, cookie.same_site, cookie.secure) == (True, "Lax", True)


# --- the secret key ------------------------------------------------------------------------


def test_the_secret_key_is_required_and_long_outside_development():
    with pytest.raises(InsecureSecret, match="GEALC_SECRET_KEY"):
        secret_key({}, development=False)
    for development in (True, False):
        with pytest.raises(InsecureSecret, match="at least 32"):
            secret_key({"GEALC_SECRET_KEY": "x" * 31}, development=development)
    assert secret_key({"GEALC_SECRET_KEY": SECRET}, development=False) == (SECRET, None)
    made, warning = secret_key({}, development=True)
    assert len(made) >= 32 and "GEALC_SECRET_KEY" in warning


def test_serving_everyone_without_a_secret_key_does_not_start(tmp_path):
    command = [
        sys.executable,
        "-m",
        "gealc.cli",
        "--db",
        f"duckdb:///{tmp_path / 'w.duckdb'}",
        "serve",
        "--host",
        "0.0.0.0",
        "--port",
        str(free_port()),
    ]
    done = subprocess.run(
        command,
        cwd=ROOT,
        env={**os.environ, "GEALC_SECRET_KEY": ""},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "GEALC_SECRET_KEY" in done.stdout + done.stderr


# --- a real server: oversized requests and a zip bomb ---------------------------------------


@dataclass(frozen=True)
class Served:
    url: str
    base: str
    pid: int
    area: Path


class Remote(requests.Session):
    """A browser on the real server that answers like Flask's test client (relative paths,
    `get_data`, posts not followed unless asked), so the portal helpers drive it unchanged."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base

    def request(self, method: str, url: str, *args: object, **kwargs: object) -> requests.Response:
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 120)
        response = super().request(method, self.base + url, *args, **kwargs)
        response.get_data = lambda as_text=False: response.text if as_text else response.content
        return response


def answering(base: str, process: subprocess.Popen, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            return requests.get(base + "/login", timeout=5).status_code == 200
        except OSError:
            time.sleep(0.3)
    return False


@pytest.fixture(scope="module", params=["duckdb"])
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    """`gealc serve` with the test accounts, its secret and an upload area of its own."""
    folder = tmp_path_factory.mktemp("served")
    url = built_warehouse(request, folder)
    add_accounts(url)
    area, port = folder / "uploads", free_port()
    env = {**os.environ, "GEALC_SECRET_KEY": SECRET, "GEALC_UPLOAD_DIR": str(area)}
    with (folder / "serve.log").open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gealc.cli", "--db", url, "serve", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            assert answering(base, process), (folder / "serve.log").read_text()
            yield Served(url, base, process.pid, area)
        finally:
            process.terminate()
            process.wait(10)


def peak_from_now(pid: int) -> Callable[[], int]:
    """Reset the process's peak memory (VmHWM) to what it uses now; returns a function giving the
    growth since, in bytes."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")
    start = vm_hwm(pid)
    return lambda: vm_hwm(pid) - start


def vm_hwm(pid: int) -> int:
    return (
        int(re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text()).group(1))
        * 1024
    )


def post_declaring(
    base: str, path: str, cookies: str, token: str, *, declared: int, sent: int
) -> bytes:
    """A multipart upload whose Content-Length says `declared` bytes, of which only `sent` are
    sent; the server's first answer bytes (b"" when it closed the connection instead)."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    boundary = "gealc-test-boundary"
    form = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.csv"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nCookie: {cookies}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {len(form) + declared}\r\n\r\n"
    )
    chunk = b"URY,2024,SD1,1\n" * 4096
    with socket.create_connection((host, port), timeout=20) as sock:
        try:
            sock.sendall(head.encode() + form)
            for _ in range(sent // len(chunk)):
                sock.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            # the server stopped listening: its answer (or the closed connection) is read below
            pass
        try:
            return sock.recv(4096)
        except ConnectionResetError:
            return b""


def test_a_200_mb_upload_is_refused_before_it_is_read(served):
    browser = Remote(served.base)
    assert sign_in(browser, "ury") == 303
    token = csrf_token(browser, "/portal/submissions")
    kept = files_in(served.area)
    growth = peak_from_now(served.pid)
    cookies = "; ".join(f"{k}={v}" for k, v in browser.cookies.items())
    answer = post_declaring(
        served.base, "/portal/upload", cookies, token, declared=200 * MB, sent=4 * MB
    )
    assert answer == b"" or answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert growth() < 100 * MB
    assert files_in(served.area) == kept
    assert (
        browser.get("/portal/submissions").status_code == 200
    )  # the server, and the session, carry on


def zip_bomb(path: Path, unpacked: int = 2**30) -> Path:
    """An .xlsx whose sheet unpacks to `unpacked` bytes, written in chunks (never whole in
    memory)."""
    chunk = b"0" * MB
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for _ in range(unpacked // len(chunk)):
                sheet.write(chunk)
    return path


def test_a_zip_bomb_is_rejected_without_unpacking_it(served, tmp_path):
    bomb = zip_bomb(tmp_path / "plantilla.xlsx")
    assert (
        bomb.stat().st_size < MAX_FILE_BYTES
    )  # it passes the size limit: only its contents give it away
    browser = Remote(served.base)
    assert sign_in(browser, "ury") == 303
    token = csrf_token(browser, "/portal/submissions")
    values = query(served.url, "SELECT count(*) FROM observation")
    growth = peak_from_now(served.pid)
    with bomb.open("rb") as sent:
        response = browser.post(
            "/portal/upload?lang=en",
            data={"csrf_token": token},
            files={"file": ("plantilla.xlsx", sent)},
            allow_redirects=True,
        )
    assert growth() < 150 * MB
    receipt = page(response)
    assert re.search(r"/portal/submissions/\d+", response.url), receipt[:2000]
    assert t(STATES["rejected"], "en") in receipt and "over the 100 MB limit" in receipt
    assert query(served.url, "SELECT count(*) FROM observation") == values


def test_signing_out_ends_the_session_on_the_server(world):
    """A copy of the session cookie taken before signing out opens nothing afterwards; the
    account's other sessions go on."""
    browser, elsewhere = world.client("adm"), world.client("adm")
    copied = browser.get_cookie("gealc_session").value
    assert browser.get("/portal/audit").status_code == 200
    token = csrf_token(browser, "/portal/audit")
    assert browser.post("/logout", data={"csrf_token": token}).status_code == 303
    replay = world.server.test_client()
    replay.set_cookie("gealc_session", copied)
    assert replay.get("/portal/audit").status_code == 302  # sent to sign in
    assert elsewhere.get("/portal/audit").status_code == 200


def test_failing_on_purpose_never_locks_the_owner_out_nor_an_office(world):
    """Five wrong passwords for a name from one address block that address's attempts on it;
    the account's owner signs in from elsewhere, and others behind the attacker's address (an
    office) still sign in after far more failures than a staff makes."""
    password = new_account(world.url, "ury-targeted", "country", "URY")
    attacker = from_address(world.server, {"REMOTE_ADDR": "203.0.113.9"})
    assert [sign_in(attacker, "ury-targeted", "wrong-guess-1") for _ in range(5)] == [401] * 5
    assert sign_in(attacker, "ury-targeted", password) == 429
    owner = from_address(world.server, {"REMOTE_ADDR": "198.51.100.7"})
    assert sign_in(owner, "ury-targeted", password) == 303
    office = [from_address(world.server, {"REMOTE_ADDR": "192.0.2.44"}) for _ in "ab"]
    for n in range(30):  # thirty typing mistakes across the office, under thirty names
        assert sign_in(office[0], f"nobody-{n}", "wrong-guess-1") == 401
    assert sign_in(office[1], "sec") == 303


def test_behind_a_trusted_proxy_the_clients_address_counts_and_is_never_spoofed(world, tmp_path):
    from dataclasses import replace

    from gealc.config import Settings

    behind = replace(Settings(database_url=world.url, upload_dir=world.area), trusted_proxies=1)
    proxied = create_site(behind, SECRET, secure_cookies=False).server
    password = new_account(world.url, "chl-proxied", "country", "CHL")
    via = {"REMOTE_ADDR": "10.0.0.2"}  # every request comes from the proxy
    attacker = from_address(proxied, {**via, "HTTP_X_FORWARDED_FOR": "203.0.113.50"})
    for _ in range(5):
        assert sign_in(attacker, "chl-proxied", "wrong-guess-1") == 401
    owner = from_address(proxied, {**via, "HTTP_X_FORWARDED_FOR": "198.51.100.50"})
    assert sign_in(owner, "chl-proxied", password) == 303
    assert ("203.0.113.50",) in query(
        world.url, "SELECT address FROM audit_event WHERE actor = 'chl-proxied'"
    )
    direct = from_address(world.server, {"HTTP_X_FORWARDED_FOR": "198.51.100.99"})
    assert sign_in(direct, "sec") == 303  # without a trusted proxy the header is not believed
    assert ("198.51.100.99",) not in query(
        world.url, "SELECT address FROM audit_event WHERE actor = 'sec'"
    )


def from_address(server, environ: dict[str, str]) -> FlaskClient:
    """A browser whose requests reach the site with `environ` (REMOTE_ADDR, forwarded headers)."""
    client = server.test_client()
    client.environ_base.update(environ)
    return client


def test_an_ipv6_block_counts_as_one_address_and_a_flood_spares_the_owners_networks(world):
    password = new_account(world.url, "chl-ipv6", "country", "CHL")
    owner = from_address(world.server, {"REMOTE_ADDR": "198.51.100.77"})
    assert sign_in(owner, "chl-ipv6", password) == 303  # the owner's usual network
    for n in range(5):  # five addresses of one /64
        rotating = from_address(world.server, {"REMOTE_ADDR": f"2001:db8:1:2::{n + 1}"})
        assert sign_in(rotating, "chl-ipv6", "wrong-guess-1") == 401
    same_block = from_address(world.server, {"REMOTE_ADDR": "2001:db8:1:2::99"})
    assert sign_in(same_block, "chl-ipv6", password) == 429
    for n in range(45):  # a flood from many networks: 50 failures for the name in all
        flood = from_address(world.server, {"REMOTE_ADDR": f"203.0.113.{n + 100}"})
        assert sign_in(flood, "chl-ipv6", "wrong-guess-1") == 401
    stranger = from_address(world.server, {"REMOTE_ADDR": "192.0.2.200"})
    assert sign_in(stranger, "chl-ipv6", password) == 429
    again = from_address(world.server, {"REMOTE_ADDR": "198.51.100.77"})
    assert sign_in(again, "chl-ipv6", password) == 303  # its known network is never locked out
