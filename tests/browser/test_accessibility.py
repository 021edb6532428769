"""WCAG 2.1 AA in a real browser: axe-core (axe-playwright-python bundles it, no network) on every
public page, in Spanish and French, on a laptop (1366 px) and a phone (390 px), finds nothing; and
the drop-downs, whose Tab stop the site moves (app/assets/gealc.js), still work from the keyboard.

A new page or tab joins the check by adding its path to PAGES."""

from __future__ import annotations

import pytest

from tests.browser.conftest import settled

# Every public page, with a view that shows more than the defaults where one exists.
PAGES = [
    "/",
    "/explorer",
    "/explorer?indicator=SD1",
    "/explorer?tab=tiles",
    "/explorer?tab=lines&countries=URY,BRA,HTI",
    "/compare?countries=URY,BRA,MEX",
    "/compare?countries=URY,BRA,MEX,KNA&tab=heatmap",
    "/compare?countries=URY,BRA,MEX&tab=table",
    "/indicator/SD1",
    "/indicator/SD1?tab=progress",
    "/country/URY",
    "/un",
    "/coverage",
    "/data",
]
LANGUAGES = ["es", "fr"]
SCREENS = {"laptop": (1366, 768), "phone": (390, 844)}
# WCAG 2.0 and 2.1, levels A and AA.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def url(server: str, path: str, lang: str) -> str:
    return f"{server}{path}{'&' if '?' in path else '?'}lang={lang}"


@pytest.fixture(scope="module", params=list(SCREENS))
def screen(browser, request):
    """One browser tab per screen size, reused by that size's pages."""
    width, height = SCREENS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    yield tab
    context.close()


def drawn(tab) -> None:
    """The page as a reader sees it: its heading, no callback under way, every chart drawn."""
    tab.wait_for_selector("#main h1")
    settled(tab)
    tab.wait_for_function(
        "() => [...document.querySelectorAll('.js-plotly-plot')]"
        ".every(g => g.querySelector('.main-svg'))"
    )


def violations(tab) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(tab, options={"runOnly": {"type": "tag", "values": TAGS}})
    return result.response["violations"]


def report(found: list[dict]) -> str:
    """Each violation: its rule, impact and help, then each element it found (at most five) with
    axe's summary of what to fix."""
    lines = []
    for rule in found:
        lines.append(
            f"{rule['id']} ({rule['impact']}): {rule['help']} — {len(rule['nodes'])} element(s)"
        )
        for node in rule["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_public_pages_have_no_wcag_violations(screen, server, path, lang):
    screen.goto(url(server, path, lang))
    drawn(screen)
    found = violations(screen)
    assert not found, f"{url(server, path, lang)}:\n{report(found)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_what_opens_on_demand_has_no_wcag_violations(screen, server, lang):
    """The data page's catalogue entries, methodology sections and audit tables, all opened."""
    screen.goto(url(server, "/data", lang))
    drawn(screen)
    screen.evaluate("document.querySelectorAll('#main details').forEach(d => { d.open = true; })")
    found = violations(screen)
    assert not found, f"/data?lang={lang}, every detail open:\n{report(found)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_portal_sign_in_has_no_wcag_violations(screen, server, lang):
    screen.goto(url(server, "/login", lang))
    screen.wait_for_selector("#main h1")
    found = violations(screen)
    assert not found, f"/login?lang={lang}:\n{report(found)}"


def tab_to_dropdown(tab, limit: int = 80) -> None:
    """Press Tab from the top of the page until a drop-down's trigger has the focus, checking on
    the way that nothing hidden from screen readers ever takes it."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        where = tab.evaluate(
            "() => ({dropdown: document.activeElement.matches('button.dash-dropdown'),"
            " hidden: !!document.activeElement.closest('[aria-hidden=true]')})"
        )
        assert not where["hidden"], "the focus went to an element hidden from screen readers"
        if where["dropdown"]:
            return
    pytest.fail(f"no drop-down reached in {limit} presses of Tab")


@pytest.mark.parametrize("key", ["Enter", "ArrowDown"])
def test_a_dropdown_opens_from_the_keyboard(page, server, key):
    page.goto(f"{server}/explorer?lang=es")
    drawn(page)
    # Dash's stand-in Tab stop is out of the way: disabled, so neither Tab nor a screen reader
    # lands on it.
    assert page.evaluate(
        "() => [...document.querySelectorAll('input.dash-dropdown-focus-target')]"
        ".every(i => i.disabled)"
    )
    tab_to_dropdown(page)
    page.keyboard.press(key)
    options = page.get_by_role("option")
    options.first.wait_for()
    assert options.count() > 1
    # Escape closes the list and gives the focus back to the drop-down.
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.activeElement.matches('button.dash-dropdown')")
    assert page.get_by_role("option").count() == 0


def test_shift_tab_leaves_a_dropdown_backwards(page, server):
    """Shift+Tab from a drop-down goes to what comes before it, not back into the drop-down."""
    page.goto(f"{server}/explorer?lang=es")
    drawn(page)
    tab_to_dropdown(page)
    first = page.evaluate("() => document.activeElement.id")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => document.activeElement.id") != first
    assert not page.evaluate("() => document.activeElement.closest('.dash-dropdown-wrapper')")
