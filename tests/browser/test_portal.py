"""The submission portal in a real browser, end to end: a country focal point sends a bad file,
reads the receipt, sends a corrected one (dragged onto the page) and sees it accepted; the
secretariat approves it and publishes a release; the public pages then show the values."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from etl.build import build
from locales.messages import t
from portal.texts import AUDIT_ACTIONS
from tests.browser.conftest import screenshot, serving
from tests.integration.test_scores import full_year
from tests.portal_helpers import ACCOUNTS, SECRET, add_accounts
from warehouse.db import connect

# URY's 2024 file with one distinctive value (SD2, a percentage) and a source.
GOOD = full_year("URY", 0.9).replace("URY,2024,SD2,72\n", "URY,2024,SD2,73.25\n")
# The same file with a value that is not a number on its fourth data row (row 5 of the file).
BAD = GOOD.replace(GOOD.splitlines()[4], "URY,2024,FD1,mucho")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("portal")
    url = f"duckdb:///{folder / 'gealc.duckdb'}"
    engine = connect(url)
    build(engine)
    engine.dispose()
    add_accounts(url)
    env = {"GEALC_SECRET_KEY": SECRET, "GEALC_UPLOAD_DIR": str(folder / "uploads")}
    with serving(url, folder, env) as base:
        yield base


def sign_in(tab, base: str, username: str, lang: str) -> None:
    tab.goto(f"{base}/login?lang={lang}")
    tab.fill("#username", username)
    tab.fill("#password", ACCOUNTS[username][2])
    tab.click("main button[type=submit]")
    tab.wait_for_url("**/portal/**")


def send(tab, name: str, text: str, drag: bool = False) -> None:
    """Send a file from the submissions page: chosen with the file input, or dropped on the box."""
    if drag:
        tab.evaluate(
            """([name, text]) => {
                const files = new DataTransfer();
                files.items.add(new File([text], name, {type: 'text/csv'}));
                document.getElementById('dropzone')
                    .dispatchEvent(new DragEvent('drop', {dataTransfer: files, bubbles: true}));
            }""",
            [name, text],
        )
    else:
        tab.set_input_files(
            "#file", files=[{"name": name, "mimeType": "text/csv", "buffer": text.encode()}]
        )
    tab.click("#upload-button")
    tab.wait_for_url(re.compile(r"/portal/submissions/\d+"))


def test_a_country_sends_fixes_and_the_secretariat_publishes(site: str, browser) -> None:
    assert "73.25" in GOOD and "mucho" in BAD
    country = browser.new_context(viewport={"width": 390, "height": 844})
    tab = country.new_page()
    sign_in(tab, site, "ury", "es")
    assert tab.inner_text("h1").startswith("Envíos")
    send(tab, "uruguay 2024.csv", BAD)
    assert "Rechazado" in tab.inner_text(".alert")
    error = tab.locator("table.findings-error tbody tr").first
    cells = [c.strip() for c in error.locator("td").all_inner_texts()]
    assert cells[0] == "5" and cells[1], cells  # the row and column of the bad value
    assert "mucho" in cells[2] and cells[3], cells  # what is wrong, and how to fix it
    screenshot(tab, "portal-receipt-rejected-es-390")
    tab.click("text=Enviar una versión corregida")
    tab.wait_for_url(re.compile(r"/portal/submissions\?.*#send-heading$"))
    send(tab, "uruguay 2024 v2.csv", GOOD, drag=True)
    assert "Aceptado" in tab.inner_text(".alert")
    assert tab.locator(".receipt-facts dd").nth(3).inner_text() == "15"  # values loaded
    tab.click("text=Todos los envíos")
    tab.wait_for_url(re.compile(r"/portal/submissions\?lang=es$"))
    tab.wait_for_load_state("load")  # stylesheets applied before measuring the width
    states = tab.locator("table.data-table tbody tr td .state").all_inner_texts()
    assert [s.strip() for s in states] == ["Aceptado, en revisión", "Rechazado"]
    assert not tab.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    # The same file again: the notice saying so is shown, not lost to a second page load.
    send(tab, "uruguay 2024 v2.csv", GOOD)
    assert "Este mismo archivo ya se había recibido" in tab.inner_text("main")
    country.close()

    office = browser.new_context(viewport={"width": 1366, "height": 768})
    tab = office.new_page()
    sign_in(tab, site, "sec", "en")
    tab.click("table.data-table tbody tr >> nth=0 >> a")
    assert "Accepted, under review" in tab.inner_text(".alert")
    tab.click("button[value=approve]")
    tab.wait_for_selector(".alert-success")
    assert "approved" in tab.inner_text(".alert-success")
    tab.click("nav >> text=Publish")
    tab.fill("#label", "2024-1")
    tab.fill("#note", "First release from the portal")
    tab.click("main form button[type=submit]")
    tab.wait_for_selector(".alert-success")
    assert "Release 2024-1 published: 15 values" in tab.inner_text(".alert-success")
    screenshot(tab, "portal-publish-en-1366")
    for lang in (
        "en",
        "es",
    ):  # a file's outcome is read off its submission row, beside the stored events
        tab.goto(f"{site}/portal/audit?lang={lang}")
        shown = tab.inner_text("main table")
        assert all(
            t(AUDIT_ACTIONS[action], lang) in shown
            for action in (
                "submission_accepted",
                "submission_rejected",
                "submission_approved",
                "release_published",
            )
        )
        screenshot(tab, f"portal-audit-{lang}-1366")
    office.close()

    public = browser.new_context(viewport={"width": 1366, "height": 768})
    tab = public.new_page()
    tab.goto(f"{site}/country/URY?year=2024&lang=es")
    tab.wait_for_function(
        (
            "() => document.querySelector('main')"
            " && document.querySelector('main').innerText.includes('73,25')"
        ),
        timeout=20_000,
    )
    assert tab.request.get(f"{site}/portal/submissions").url.endswith(
        "/login?next=%2Fportal%2Fsubmissions"
    )
    public.close()


SECRETARIAT_PAGES = (
    "/portal/submissions",
    "/portal/submissions/1",
    "/portal/coverage?year=2024",
    "/portal/publish",
    "/portal/audit",
)


@pytest.mark.parametrize("lang", ["es", "en", "pt", "fr"])
def test_portal_pages_speak_the_language_and_fit_a_phone(site: str, browser, lang: str) -> None:
    """Each screen of the secretariat (the one with most of them) in each language: `<html lang>`,
    one h1, labelled form fields, nothing fetched elsewhere, no console error, no sideways
    scroll."""
    from tests.browser.conftest import Recorder

    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    recorder = Recorder(tab)
    sign_in(tab, site, "sec", lang)
    for path in SECRETARIAT_PAGES:
        tab.goto(f"{site}{path}{'&' if '?' in path else '?'}lang={lang}")
        assert tab.get_attribute("html", "lang") == lang
        assert tab.locator("h1").count() == 1, path
        assert tab.inner_text("header").count(t("Cerrar sesión", lang)) == 1
        unlabelled = tab.evaluate("""() => [...document.querySelectorAll(
                'main input:not([type=hidden]), main select, main textarea')]
            .filter(el => !(el.id && document.querySelector(`label[for="${el.id}"]`))
                          && !el.getAttribute('aria-label')).length""")
        assert unlabelled == 0, path
        assert not tab.evaluate("document.documentElement.scrollWidth > window.innerWidth"), path
        if path == "/portal/audit":
            screenshot(tab, f"portal-audit-{lang}-390")
    assert recorder.off_origin(site) == [] and recorder.errors == []
    context.close()
