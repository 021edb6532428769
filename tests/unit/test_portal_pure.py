"""The portal's pure parts: a revision beside the previous one, the names uploaded files are kept
under, the session key and what counts as development, and the portal's words — every text the
pages and views show written out as its Spanish msgid (or looked up in a table of marked msgids),
so extraction finds it, and translated in the catalogues with the same placeholders."""

from __future__ import annotations

import ast
import math
import re
from pathlib import Path

import jinja2
import jinja2.nodes
import pandas as pd
import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from hypothesis import given
from hypothesis import strategies as st

from etl.accounts import ROLES as ROLES_OF_ACCOUNTS
from etl.review import ACTIONS
from gealc.config import ENV_SECRET, MIN_SECRET, InsecureSecret
from gealc.site import is_development
from locales import TRANSLATED
from locales.catalogues import KEYWORDS, METHODS, problems, read_catalogue
from locales.messages import t, tn
from portal import revisions
from portal.texts import AUDIT_ACTIONS, DECIDED, ROLES, STATE_HELP, STATES
from portal.uploads import clean_name
from tests.helpers import secret_key
from warehouse.schema import SUBMISSION_OUTCOMES

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "portal" / "templates").glob("*.html"))
SOURCES = sorted((ROOT / "portal").glob("*.py"))

# --- a revision beside the previous one -----------------------------------------------------

NAN = math.nan


def history(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["revision", "indicator_id", "value", "source", "note"])


def test_compare_marks_changed_values_notes_and_indicators_in_one_revision_only():
    values = history(
        (1, "SD1", 50.0, "Agesic", None),
        (2, "SD1", 55.5, "Agesic", None),  # value changed
        (1, "SD2", 30.0, None, None),
        (2, "SD2", 30.0, None, "nuevo registro"),  # note changed
        (1, "FD1", NAN, None, None),
        (2, "FD1", NAN, None, None),  # missing both times: unchanged
        (1, "FD2", 7.0, NAN, None),
        (2, "FD2", 7.0, None, NAN),  # NaN and None are both empty
        (1, "IO1", 10.0, "x", "n"),
        (2, "IO1", 10.0, "x", "n"),
        (2, "SP1", 5.0, "y", None),  # new in revision 2
        (1, "US1", 8.0, None, None),  # left out of revision 2
        (0, "SD1", 1.0, None, None),  # an older revision is not compared
    )
    result = revisions.compare("URY", 2024, 2, values)
    assert (result["iso3"], result["year"], result["revision"], result["previous"]) == (
        "URY",
        2024,
        2,
        1,
    )
    rows = {r["indicator_id"]: r for r in result["rows"]}
    assert [r["indicator_id"] for r in result["rows"]] == sorted(rows)
    assert {i for i, r in rows.items() if r["changed"]} == {"SD1", "SD2", "SP1", "US1"}
    assert result["changed"] == 4
    assert rows["SD1"]["before"] == {"value": 50.0, "source": "Agesic", "note": None}
    assert rows["SD1"]["after"]["value"] == 55.5
    assert rows["SD2"]["after"]["note"] == "nuevo registro"
    assert (
        rows["FD1"]["before"]
        == rows["FD1"]["after"]
        == {"value": None, "source": None, "note": None}
    )
    assert rows["SP1"]["before"] == {"value": None, "source": None, "note": None}
    assert rows["US1"]["after"] == {"value": None, "source": None, "note": None}


def test_compare_of_identical_revisions_changes_nothing():
    values = history((3, "SD1", 1.25, "s", NAN), (4, "SD1", 1.25, "s", None))
    result = revisions.compare("CHL", 2023, 4, values)
    assert result["previous"] == 3 and result["changed"] == 0


# --- file names in the upload area ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("plantilla_URY_2024.xlsx", "plantilla_URY_2024.xlsx"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("C:\\Users\\ana\\plantilla URY.xlsx", "plantilla_URY.xlsx"),
        ("/var/tmp/../envío año 2024.CSV", "envio_ano_2024.csv"),
        ("Envío Ñandú.xlsx", "Envio_Nandu.xlsx"),
        (".hidden.csv", "hidden.csv"),
        ("", "submission"),
        ("..", "submission"),
        ("/", "submission"),
        ("x" * 300 + ".csv", "x" * 100 + ".csv"),
        ("x" * 300, "x" * 100),
        ("a." + "b" * 50, "a." + "b" * 10),
    ],
)
def test_clean_name(sent, kept):
    assert clean_name(sent) == kept


@given(st.text(max_size=400))
def test_any_name_becomes_one_plain_file_inside_the_area(sent):
    kept = clean_name(sent)
    assert re.fullmatch(r"[A-Za-z0-9._-]{1,111}", kept)
    assert kept not in (".", "..") and not kept.startswith(".")
    area = Path("/srv/uploads/abc")
    assert (area / kept).resolve().parent == area


# --- the session key and development --------------------------------------------------------


def test_secret_key_from_the_environment_or_made_for_development_only():
    given_key = "k" * MIN_SECRET
    assert secret_key({ENV_SECRET: given_key}, development=False) == (given_key, None)
    assert secret_key({ENV_SECRET: given_key}, development=True) == (given_key, None)
    made, warning = secret_key({}, development=True)
    again, _ = secret_key({}, development=True)
    assert len(made) >= MIN_SECRET and made != again and ENV_SECRET in warning
    for environ, development in (
        ({}, False),
        ({ENV_SECRET: ""}, False),
        ({ENV_SECRET: "k" * (MIN_SECRET - 1)}, False),
        ({ENV_SECRET: "short"}, True),
    ):
        with pytest.raises(InsecureSecret, match=ENV_SECRET):
            secret_key(environ, development)


@pytest.mark.parametrize(
    ("host", "debug", "development"),
    [
        ("127.0.0.1", False, True),
        ("127.0.0.2", False, True),
        ("localhost", False, True),
        ("::1", False, True),
        ("0.0.0.0", False, False),
        ("192.168.1.20", False, False),
        ("gealc.example.org", False, False),
        ("::", False, False),
        ("0.0.0.0", True, True),
    ],
)
def test_is_development(host, debug, development):
    assert is_development(host, debug) is development


# --- the portal's words ---------------------------------------------------------------------

# The tables of N_-marked msgids a template may look a text up in, and what it calls them by.
TABLES = {
    "STATES": STATES,
    "STATE_HELP": STATE_HELP,
    "AUDIT_ACTIONS": AUDIT_ACTIONS,
    "ROLES": ROLES,
}
MSGID_ARGUMENTS = {"t": (0,), "tc": (1,), "tn": (0, 1)}  # which arguments of a call are msgids


def portal_template() -> Catalog:
    """Every text the portal's code and templates mark, as the catalogues' extraction finds it."""
    found = Catalog()
    for filename, lineno, msgid, _, context in extract_from_dir(
        ROOT / "portal", METHODS, keywords=KEYWORDS
    ):
        found.add(msgid, locations=[(f"portal/{filename}", lineno)], context=context)
    return found


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_text_of_the_portal_is_translated_with_the_same_placeholders(lang):
    template = portal_template()
    assert len(template) > 140  # the templates' texts are found, not only the code's
    assert problems(read_catalogue(lang), template) == []


def test_a_language_not_offered_is_spanish_and_values_fill_in():
    assert t("Iniciar sesión", "de") == t("Iniciar sesión", "es") == "Iniciar sesión"
    assert t("Iniciar sesión", "fr") == "Se connecter"
    tried = t(
        "Demasiados intentos fallidos. Espere {minutes} minutos e intente de nuevo.",
        "fr",
        minutes=15,
    )
    assert tried.startswith("Trop de tentatives") and "15" in tried
    assert [tn("{n} cuenta", "{n} cuentas", n, "pt") for n in (1, 2)] == ["1 conta", "2 contas"]


def _calls_in_templates() -> list[tuple[str, str, jinja2.nodes.Node]]:
    """(template, function, msgid argument) of every t, tc and tn call of the templates."""
    found, env = [], jinja2.Environment()
    for path in TEMPLATES:
        tree = env.parse(path.read_text(encoding="utf-8"))
        for call in tree.find_all(jinja2.nodes.Call):
            if isinstance(call.node, jinja2.nodes.Name) and call.node.name in MSGID_ARGUMENTS:
                found += [
                    (path.name, call.node.name, call.args[i])
                    for i in MSGID_ARGUMENTS[call.node.name]
                ]
    return found


def _table_loop_names() -> set[str]:
    """The loop variables holding a table's msgid: `name` in `for s, name in STATES.items()`."""
    env, names = jinja2.Environment(), set()
    for path in TEMPLATES:
        for loop in env.parse(path.read_text(encoding="utf-8")).find_all(jinja2.nodes.For):
            over = loop.iter
            if (
                isinstance(over, jinja2.nodes.Call)
                and isinstance(over.node, jinja2.nodes.Getattr)
                and over.node.attr == "items"
                and getattr(over.node.node, "name", None) in TABLES
            ):
                names.add(loop.target.items[1].name)
    return names


def test_every_template_text_is_a_literal_msgid_or_one_of_a_marked_table():
    """A text the extraction cannot see is a text no translator gets: each t/tc/tn of the
    templates names its Spanish msgid, or looks it up in a table of N_-marked msgids."""
    calls = _calls_in_templates()
    assert len(calls) > 140
    loop_names = _table_loop_names()
    for template, function, argument in calls:
        literal = isinstance(argument, jinja2.nodes.Const) and isinstance(argument.value, str)
        looked_up = isinstance(argument, jinja2.nodes.Getitem) and (
            getattr(argument.node, "name", None) in TABLES
        )
        held = isinstance(argument, jinja2.nodes.Name) and argument.name in loop_names
        assert literal or looked_up or held, (template, function, argument)


def test_every_code_text_is_a_literal_msgid_or_one_of_a_marked_table():
    """The same for the views: only the templates' helpers (lambdas passing the msgid on) and
    lookups in DECIDED hand t/tc/tn something other than a string written out."""
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = {
            id(node)
            for lam in ast.walk(tree)
            if isinstance(lam, ast.Lambda)
            for node in ast.walk(lam.body)
        }
        for call in ast.walk(tree):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name)
                and call.func.id in MSGID_ARGUMENTS
                and id(call) not in helpers
            ):
                for i in MSGID_ARGUMENTS[call.func.id]:
                    argument = call.args[i]
                    literal = isinstance(argument, ast.Constant) and isinstance(argument.value, str)
                    looked_up = isinstance(argument, ast.Subscript) and (
                        getattr(argument.value, "id", None) == "DECIDED"
                    )
                    assert literal or looked_up, (path.name, call.lineno)


def recorded_actions() -> set[str]:
    """Every action the audit log shows: those the code writes (`record_audit(conn, actor,
    "action", …)`) and a file's outcome, read off its submission row."""
    sources = {
        p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "etl").glob("*.py")) + SOURCES
    }
    found = {
        m
        for text in sources.values()
        for m in re.findall(r'record_audit\(\s*\w+,\s*[^,]+,\s*(f?"[^"]+")', text)
    }
    assert {f for f in found if f.startswith("f")} == {'f"submission_{action}"'}  # etl.review
    return (
        {f.strip('"') for f in found if not f.startswith("f")}
        | {f"submission_{a}" for a in ACTIONS}
        | set(SUBMISSION_OUTCOMES)
    )


def test_the_tables_name_every_code_the_portal_shows():
    """Every action the code records has a name (and the audit log's filter offers it), every
    state a submission can be in or a review can lead to a name and a meaning, every decision a
    notice and every role a name."""
    assert set(AUDIT_ACTIONS) == recorded_actions()
    states = {o.removeprefix("submission_") for o in SUBMISSION_OUTCOMES} | set(ACTIONS)
    assert set(STATES) == set(STATE_HELP) == states
    assert set(DECIDED) == set(ACTIONS)
    assert set(ROLES) == set(ROLES_OF_ACCOUNTS)
    marked = {m.id for m in portal_template()}
    assert {m for table in (*TABLES.values(), DECIDED) for m in table.values()} <= marked
