"""The portal's pure parts: a revision beside the previous one, the names uploaded files are kept
under, the session key and what counts as development, and the portal's words — every text in four
languages with the same placeholders, and every key the pages and views ask for present."""

from __future__ import annotations

import math
import re
import string
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.accounts import ROLES
from etl.review import ACTIONS
from gealc.config import ENV_SECRET, MIN_SECRET, InsecureSecret
from gealc.site import is_development
from indicators.texts import LANGUAGES
from portal import revisions
from portal.texts import STATES, TEXTS, words
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


def test_every_text_is_in_four_languages_with_the_same_placeholders():
    def placeholders(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}

    assert len(LANGUAGES) == 4
    for key, texts in TEXTS.items():
        assert len(texts) == 4 and all(t.strip() for t in texts), key
        assert len({frozenset(placeholders(t)) for t in texts}) == 1, key
    assert words("sign_in", "de") == words("sign_in", "es") == TEXTS["sign_in"][0]
    assert words("too_many_attempts", "fr", minutes=15).startswith(
        "Trop de tentatives"
    ) and "15" in words("too_many_attempts", "fr", minutes=15)


def _read(paths: list[Path]) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


def recorded_actions() -> set[str]:
    """Every action the audit log shows: those the code writes (`record_audit(conn, actor,
    "action", …)`) and a file's outcome, read off its submission row."""
    sources = _read(sorted((ROOT / "etl").glob("*.py")) + SOURCES)
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


def test_every_key_asked_for_has_texts_and_every_text_is_used():
    templates, sources = _read(TEMPLATES), _read(SOURCES)
    literal = {
        key
        for text in templates.values()
        for key in re.findall(r"""\bw\(\s*['"](\w+)['"]\s*[,)]""", text)
    }
    literal |= {
        key
        for text in sources.values()
        for key in re.findall(r"""\b(?:words|_say)\(\s*['"](\w+)['"]\s*[,)]""", text)
    }
    assert len(literal) > 100 and literal <= TEXTS.keys(), sorted(literal - TEXTS.keys())

    # Keys built from a prefix and a value: the prefixes used, and the values each can take.
    dynamic = {
        prefix
        for text in templates.values()
        for prefix in re.findall(r"""\bw\(\s*'(\w+)'\s*~""", text)
    }
    dynamic |= {
        prefix
        for text in sources.values()
        for prefix in re.findall(r"""\b(?:words|_say)\(\s*f['"](\w*)\{""", text)
    }
    values = {
        "audit_": recorded_actions(),
        "state_help_": set(STATES),
        "role_": set(ROLES),
        "done_": set(ACTIONS),
    }
    assert dynamic == set(values)
    built = {prefix + value for prefix, family in values.items() for value in family}
    assert not built - TEXTS.keys(), sorted(built - TEXTS.keys())

    # Keys held in a variable: the base page's navigation and the receipt's two tables.
    variables = {
        name
        for text in templates.values()
        for name in re.findall(r"\bw\(\s*([a-z_]+)\s*[,)]", text)
    }
    assert variables == {"key", "heading"}
    held = set(re.findall(r"'(nav_\w+)'", templates["base.html"])) | set(
        re.findall(r"'(\w+_heading)'", templates["submission.html"])
    )
    assert (
        {"nav_submissions", "nav_users", "errors_heading", "warnings_heading"}
        <= held
        <= TEXTS.keys()
    )
    assert set(STATES.values()) <= TEXTS.keys() and set(ACTIONS) <= set(
        STATES
    )  # state_name() of states and decisions

    assert (
        TEXTS.keys() - literal - built - held - set(STATES.values()) == set()
    )  # no text left unused


def test_the_audit_filter_offers_every_action_the_code_records():
    offered = re.search(r"\{% for a in \(([^)]*)\) %\}", _read(TEMPLATES)["audit.html"]).group(1)
    assert set(re.findall(r"'(\w+)'", offered)) == recorded_actions()
