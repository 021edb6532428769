"""The submission portal through Flask's test client, on DuckDB and PostgreSQL: each role's home
and the pages it may not open; a country's receipts (rejected, accepted, already received, with
warnings) in four languages, its list and its templates; the secretariat's filters, the diff of a
revision, approve and return, the cycle's coverage and publishing; the public API on the new
release, the audit log and signing out. One story per backend (module-scoped) makes the
submissions; the tests read what it left."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from openpyxl import load_workbook

from etl.load import validate_file
from etl.submission.receipt import Receipt, as_dict
from indicators.catalogue import Catalogue, load_catalogue
from indicators.countries import Members, load_members
from locales import LANGUAGE_NAMES
from locales.formats import fmt_datetime
from locales.messages import t, tn
from portal.texts import AUDIT_ACTIONS, DECIDED, STATE_HELP, STATES
from tests.conftest import snapshot
from tests.helpers import gealc, ok, query
from tests.integration.conftest import built_warehouse
from tests.integration.test_scores import full_year
from tests.integration.test_users_cli import together
from tests.portal_helpers import (
    ACCOUNTS,
    add_accounts,
    csrf_token,
    sign_in,
    site_client,
    upload,
)
from tests.unit.test_portal_pure import portal_template
from warehouse.db import connect

LANGS = ("es", "en", "pt", "fr")


def annotated(
    text: str,
    values: Mapping[str, str] | None = None,
    notes: Mapping[str, str] | None = None,
    drop: str = "",
) -> str:
    """A `full_year` file with a note column: some values replaced, some notes written, one
    indicator left out."""
    lines = ["country,year,indicator,value,note"]
    for line in text.splitlines()[1:]:
        iso3, year, indicator, value = line.split(",")
        if indicator != drop:
            lines.append(
                f"{iso3},{year},{indicator},{(values or {}).get(indicator, value)},"
                f"{(notes or {}).get(indicator, '')}"
            )
    return "\n".join(lines) + "\n"


URY_1 = annotated(full_year("URY", 0.8))
# Revision 2: SD1's value and FD2's note change, nothing else.
URY_2 = annotated(
    full_year("URY", 0.8), values={"SD1": "91.5"}, notes={"FD2": "registro ampliado en 2024"}
)
# Two errors (row 2 not a number, row 3 out of range) and a warning (indicators missing).
BAD = annotated(full_year("URY", 0.8), values={"SD1": "x", "SD2": "150"}, drop="SA2")
CHL_2023 = "country,year,indicator,value\nCHL,2023,SD1,30\n"
CHL_2024 = (
    "country,year,indicator,value\nCHL,2024,SD1,90\n"  # 30 → 90 in a year: an implausible change
)
RETURN_COMMENT = "SD1 pasó de 30 a 90: confirme la cifra o explíquela en una nota"


@dataclass
class Story:
    """What one backend's story did: the clients signed in, the submissions made, the pages seen."""

    url: str
    area: Path
    clients: dict[str, FlaskClient]
    landing: dict[str, str] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    again_path: str = ""  # where sending URY_1 a second time led
    unchanged: dict[str, tuple] = field(
        default_factory=dict
    )  # (before, after) around what must write nothing


def _post(client: FlaskClient, path: str, **form: str) -> str:
    """A portal form sent with the session's CSRF token; the page it leads to."""
    form["csrf_token"] = csrf_token(
        client
    )  # the session's token, from the lightest page that shows it
    return client.post(path, data=form, follow_redirects=True).get_data(as_text=True)


def _send(story: Story, who: str, key: str, text: str) -> None:
    response = upload(story.clients[who], f"{key}.csv", text.encode())
    story.ids[key] = int(response.request.path.rsplit("/", 1)[1])
    story.pages[key] = response.get_data(as_text=True)


def _kept(story: Story) -> tuple[int, int]:
    """Submissions in the warehouse and files in the upload area."""
    [(count,)] = query(story.url, "SELECT COUNT(*) FROM submission")
    return count, sum(1 for _ in story.area.iterdir())


@pytest.fixture(scope="module", params=["duckdb", "postgresql"])
def story(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Story:
    folder = tmp_path_factory.mktemp("portal")
    url = built_warehouse(request, folder)
    add_accounts(url)
    first = site_client(url, folder / "uploads")
    clients = {
        name: first if name == "ury" else first.application.test_client() for name in ACCOUNTS
    }
    story = Story(url, folder / "uploads", clients)
    for name, client in clients.items():
        answer = client.post(
            "/login",
            data={
                "username": name,
                "password": ACCOUNTS[name][2],
                "csrf_token": csrf_token(client),
            },
        )
        story.landing[name] = f"{answer.status_code} {answer.headers.get('Location')}"

    _send(story, "ury", "bad", BAD)
    _send(story, "ury", "ury1", URY_1)
    before = _kept(story)
    again = upload(clients["ury"], "ury1-again.csv", URY_1.encode())
    story.pages["again"] = again.get_data(as_text=True)
    story.again_path, story.unchanged["kept"] = again.request.path, (before, _kept(story))
    _send(story, "chl", "chl23", CHL_2023)
    _send(story, "chl", "chl24", CHL_2024)
    _send(story, "ury", "ury2", URY_2)

    review = f"/portal/submissions/{story.ids['chl24']}/review"
    before = snapshot(url)
    story.pages["no_comment"] = _post(clients["sec"], review, action="return", comment="  ")
    story.unchanged["return"] = (before, snapshot(url))
    story.pages["returned"] = _post(clients["sec"], review, action="return", comment=RETURN_COMMENT)
    story.pages["approved"] = _post(
        clients["sec"], f"/portal/submissions/{story.ids['ury2']}/review", action="approve"
    )
    story.pages["published"] = _post(
        clients["sec"], "/portal/publish", label="2024-1", note="primera versión"
    )
    before = snapshot(url)
    story.pages["published_again"] = _post(
        clients["sec"], "/portal/publish", label="2024-1", note="otra"
    )
    story.unchanged["publish"] = (before, snapshot(url))
    return story


# --- reading pages --------------------------------------------------------------------------


def _text(fragment: str) -> str:
    """A cell's text, its markup's spacing collapsed (no-break spaces are the text's own)."""
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def said(text: str, page: str) -> bool:
    """Whether the page shows `text` (the page escapes quotes and apostrophes)."""
    return text in html.unescape(page)


def page_of(client: FlaskClient, path: str) -> str:
    return client.get(path).get_data(as_text=True)


def table(page: str, css: str) -> list[tuple[str, list[str]]]:
    """The body rows of the page's first table with class `css`: each row's HTML and its cells
    as text."""
    found = re.search(rf'<table class="[^"]*\b{css}\b[^"]*">(.*?)</table>', page, re.DOTALL)
    if found is None:
        return []
    body = found.group(1).split("<tbody>", 1)[1]
    return [
        (row, [_text(c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.DOTALL)])
        for row in re.findall(r"<tr[^>]*>.*?</tr>", body, re.DOTALL)
    ]


def listed(client: FlaskClient, query_string: str = "") -> list[tuple]:
    """The submissions list as (id, country, year, revision, state); the country only for the
    secretariat."""
    page = page_of(client, f"/portal/submissions?{query_string}")
    out = []
    for row, cells in table(page, "data-table"):
        number = int(re.search(r'href="/portal/submissions/(\d+)\?lang=es"', row).group(1))
        state = re.search(r'class="state state-(\w+)"', row).group(1)
        out.append((number, *cells[1:-4], state))
    return out


def findings(page: str) -> list[list[str]]:
    """The receipt's findings in page order: errors' table, then warnings' table."""
    return [
        cells for css in ("findings-error", "findings-warning") for _, cells in table(page, css)
    ]


@cache
def reference() -> tuple[Catalogue, Members]:
    return load_catalogue(), load_members()


def checked(folder: Path, name: str, text: str, url: str | None = None) -> Receipt:
    """`etl.load.validate_file` of the file; with the warehouse at `url`, against its history
    too."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    if url is None:
        return validate_file(path, *reference())
    engine = connect(url)
    with engine.connect() as conn:
        receipt = validate_file(path, *reference(), conn)
    engine.dispose()
    return receipt


def expected_findings(receipt: Receipt, lang: str) -> list[list[str]]:
    """The findings of `etl.submission.receipt.as_dict` as the receipt page shows them: row,
    column, problem, fix."""
    return [
        [str(f["row"] or "—"), f["column_heading"] or "—", f["message"], f["fix"]]
        for f in as_dict(receipt, lang)["findings"]
    ]


def submitted(text: str) -> dict[str, tuple[float, str | None]]:
    """indicator → (value, note) of a CSV submission."""
    return {
        r["indicator"]: (float(r["value"]), r.get("note") or None)
        for r in csv.DictReader(io.StringIO(text))
    }


# --- signing in and roles -------------------------------------------------------------------


def test_each_role_signs_in_to_its_home_and_is_refused_other_roles_pages(story):
    assert story.landing == {
        "ury": "303 /portal/submissions?lang=es",
        "chl": "303 /portal/submissions?lang=es",
        "sec": "303 /portal/submissions?lang=es",
        "adm": "303 /portal/audit?lang=es",
    }
    forbidden = [
        ("ury", "/portal/coverage"),
        ("ury", "/portal/publish"),
        ("ury", "/portal/audit"),
        ("ury", "/portal/users"),
        ("sec", "/portal/users"),
        ("adm", "/portal/submissions"),
    ]
    for who, path in forbidden:
        response = story.clients[who].get(path)
        assert response.status_code == 403, (who, path)
        assert t("Su cuenta no da acceso a esta página.", "es") in response.get_data(as_text=True)
    accounts = page_of(story.clients["adm"], "/portal/users")
    assert [cells[:3] for _, cells in table(accounts, "data-table")] == [
        ["adm", "administración", "—"],
        ["chl", "país", "CHL"],
        ["ury", "país", "URY"],
        ["sec", "Secretaría", "—"],
    ]
    assert "$argon2" not in accounts


# --- a country's receipts -------------------------------------------------------------------


def test_bad_file_receipt_lists_errors_then_warnings_with_row_column_and_fix_in_each_language(
    story, tmp_path
):
    page = story.pages["bad"]
    assert "Rechazado" in page and "no se cargó ningún valor" in page
    receipt = checked(tmp_path, "bad.csv", BAD)
    spanish = expected_findings(receipt, "es")
    assert [f[:2] for f in spanish] == [
        ["2", "Valor"],
        ["3", "Valor"],
        ["—", "—"],
    ]  # two errors, then the warning
    assert findings(page) == spanish
    assert page.index("findings-error") < page.index("findings-warning")
    for lang in LANGS:
        shown = page_of(story.clients["ury"], f"/portal/submissions/{story.ids['bad']}?lang={lang}")
        assert findings(shown) == expected_findings(receipt, lang)
        assert t(STATES["rejected"], lang) in shown and said(t(STATE_HELP["rejected"], lang), shown)
        assert said(t("Errores que impiden la carga ({n})", lang, n=2), shown) and said(
            t("Avisos ({n})", lang, n=1), shown
        )


def test_corrected_file_is_accepted_in_each_language_and_stored_as_sent(story):
    assert "Aceptado, en revisión" in story.pages["ury1"]
    for lang in LANGS:
        shown = page_of(
            story.clients["ury"], f"/portal/submissions/{story.ids['ury1']}?lang={lang}"
        )
        assert said(t(STATES["accepted"], lang), shown) and said(
            t("Sin errores ni avisos.", lang), shown
        )
    stored = query(
        story.url,
        """SELECT revision, indicator_id, value, note FROM observations_history
                                 WHERE iso3 = 'URY' AND year = 2024""",
    )
    assert {r: {i: (v, n) for rev, i, v, n in stored if rev == r} for r in (1, 2)} == {
        1: submitted(URY_1),
        2: submitted(URY_2),
    }


def test_the_same_bytes_again_show_the_earlier_receipt_and_store_nothing(story):
    assert story.again_path == f"/portal/submissions/{story.ids['ury1']}"
    assert (
        t(
            "Este mismo archivo ya se había recibido (envío {id}): este es su recibo.",
            "es",
            id=story.ids["ury1"],
        )
        in story.pages["again"]
    )
    before, after = story.unchanged["kept"]
    assert before == after


def test_a_warning_asks_for_a_note(story, tmp_path):
    page = story.pages["chl24"]
    assert (
        t(
            "Los avisos no impiden la carga: si el valor es correcto, explíquelo en la columna de "
            "notas y vuelva a enviar el archivo.",
            "es",
        )
        in page
        and "findings-error" not in page
    )
    warned = findings(page)
    assert ["2", "Valor"] in [f[:2] for f in warned]  # the implausible change of row 2
    assert warned == expected_findings(checked(tmp_path, "chl24.csv", CHL_2024, story.url), "es")


def shown_pieces(page: str) -> list[str]:
    """What a reader sees or hears of a page: each text between tags, and the labels and texts
    the page keeps in attributes (aria-label, the upload script's data-* words)."""
    pieces = re.findall(r">([^<]+)<", page) + re.findall(
        r'(?:aria-label|data-[\w-]+)="([^"]*)"', page
    )
    return [" ".join(html.unescape(p).split()) for p in pieces if p.strip()]


@cache
def foreign_fragments(lang: str) -> dict[str, tuple[str, ...]]:
    """For each other language (Spanish, English) the pieces of the portal's texts in it, between
    placeholders, that the `lang` translation does not share (`Nota` is Portuguese too): any of
    them on a `lang` page is a text left untranslated."""
    found: dict[str, set[str]] = {"es": set(), "en": set()}
    for message in portal_template():
        forms = message.id if isinstance(message.id, tuple) else (message.id,)
        for other in found:
            for form in forms:
                foreign = form if other == "es" else t(form, "en")
                translated = t(form, lang)
                for piece in re.split(r"\{[^}]*\}", foreign):
                    piece = piece.strip(" .,:;()—")
                    if sum(c.isalpha() for c in piece) >= 4 and piece not in translated:
                        found[other].add(piece)
    return {other: tuple(sorted(pieces)) for other, pieces in found.items()}


def left_untranslated(page: str, lang: str) -> list[str]:
    """The Spanish or English fragments of the portal's texts a `lang` page shows."""
    text = "\n".join(shown_pieces(page))
    return [
        piece
        for pieces in foreign_fragments(lang).values()
        for piece in pieces
        if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text)
    ]


def same_as_in_spanish(page: str, spanish: str, lang: str) -> set[str]:
    """The words a `lang` page shows exactly as its Spanish version does — a text written in the
    page instead of asked of the catalogues — other than the data (file names, the account, the
    formats, each language's own name) and the texts the two languages write alike (`Filtros`)."""
    alike = [
        re.compile(re.sub(r"\\\{[^}]*\\\}", ".+", re.escape(form)))
        for message in portal_template()
        for form in (message.id if isinstance(message.id, tuple) else (message.id,))
        if t(form, lang) == form
    ]
    data = {*LANGUAGE_NAMES.values(), "CSV", "XLSX", "URY · URY"}
    return {
        piece
        for piece in set(shown_pieces(page)) & set(shown_pieces(spanish))
        if any(c.isalpha() for c in piece)
        and piece not in data
        and not piece.endswith(".csv")
        and not any(pattern.fullmatch(piece) for pattern in alike)
    }


@pytest.mark.parametrize(
    ("lang", "signing_in", "listing"),
    [
        (
            "fr",
            ["Se connecter", "Nom d'utilisateur", "Mot de passe", "Portail de soumission"],
            [
                "Soumissions · Uruguay",
                "3 lignes, la plus récente d'abord",
                "2 erreurs, 1 avertissement",
                "0 erreur, 0 avertissement",
                "Accepté, en cours d'examen",
                "Rejeté",
                "Télécharger le modèle",
            ],
        ),
        (
            "pt",
            ["Entrar", "Usuário", "Senha", "Portal de envios"],
            [
                "Envios · Uruguai",
                "3 linhas, a mais recente primeiro",
                "2 erros, 1 aviso",
                "Aceito, em revisão",
                "Rejeitado",
                "Baixar o modelo",
            ],
        ),
    ],
)
def test_french_and_portuguese_pages_say_nothing_in_spanish_or_english(
    story, lang, signing_in, listing
):
    """The sign-in page and a country's submissions list, read in French and Portuguese: the
    translated words are there, and no piece of a Spanish msgid or of its English translation
    is left (plurals agree, dates are in words with their zone)."""
    anonymous = story.clients["ury"].application.test_client()
    screens = [
        (anonymous, "/login", signing_in),
        (story.clients["ury"], "/portal/submissions", listing),
    ]
    for client, path, expected in screens:
        page, spanish = page_of(client, f"{path}?lang={lang}"), page_of(client, f"{path}?lang=es")
        pieces = shown_pieces(page)
        assert [e for e in expected if not any(e in piece for piece in pieces)] == []
        assert left_untranslated(page, lang) == []
        assert same_as_in_spanish(page, spanish, lang) == set()
    mine = page_of(story.clients["ury"], f"/portal/submissions?lang={lang}")
    stored = dict(
        query(
            story.url, "SELECT submission_id, received_at FROM submission WHERE submitter = 'ury'"
        )
    )
    assert [cells[-2] for _, cells in table(mine, "data-table")] == [
        fmt_datetime(stored[story.ids[key]], lang) for key in ("ury2", "ury1", "bad")
    ]


def test_my_submissions_show_year_revision_state_and_receipt(story):
    ids = story.ids
    assert listed(story.clients["ury"]) == [
        (ids["ury2"], "2024", "2", "approved"),
        (ids["ury1"], "2024", "1", "accepted"),
        (ids["bad"], "2024", "—", "rejected"),
    ]
    assert listed(story.clients["chl"]) == [
        (ids["chl24"], "2024", "1", "returned"),
        (ids["chl23"], "2023", "1", "accepted"),
    ]
    returned = page_of(story.clients["chl"], f"/portal/submissions/{ids['chl24']}")
    assert t(STATE_HELP["returned"], "es") in returned
    assert f'<q class="comment">{html.escape(RETURN_COMMENT)}</q>' in returned


@pytest.fixture(scope="module")
def cli_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """URY's 2024 templates in Spanish as `gealc template` writes them (once for both backends)."""
    folder = tmp_path_factory.mktemp("templates")
    paths = {fmt: folder / f"cli.{fmt}" for fmt in ("xlsx", "csv")}
    for result in together(
        *[
            partial(
                gealc,
                "template",
                "--country",
                "URY",
                "--year",
                "2024",
                "--format",
                fmt,
                "--lang",
                "es",
                "-o",
                str(path),
            )
            for fmt, path in paths.items()
        ]
    ):
        ok(result)
    return paths


def test_templates_of_the_own_country_are_those_gealc_template_writes(story, cli_templates):
    sent = {
        fmt: story.clients["ury"].get(f"/portal/template?year=2024&format={fmt}")
        for fmt in cli_templates
    }
    assert {fmt: r.headers["Content-Disposition"] for fmt, r in sent.items()} == {
        fmt: f"attachment; filename=gealc-URY-2024.{fmt}" for fmt in cli_templates
    }
    assert sent["csv"].data == cli_templates["csv"].read_bytes()
    rows = list(csv.reader(io.StringIO(sent["csv"].data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["País", "Año", "Indicador", "Valor"] and {
        tuple(r[:2]) for r in rows[1:]
    } == {("URY", "2024")}
    portal_book, cli_book = (
        load_workbook(io.BytesIO(sent["xlsx"].data)),
        load_workbook(cli_templates["xlsx"]),
    )
    assert portal_book.sheetnames == cli_book.sheetnames == ["Instrucciones", "Datos"]
    for name in cli_book.sheetnames:
        assert list(portal_book[name].values) == list(cli_book[name].values)
    assert len(rows) == portal_book["Datos"].max_row == 16


# --- the secretariat ------------------------------------------------------------------------


def test_filters_give_exactly_the_matching_submissions(story):
    ids, sec = story.ids, story.clients["sec"]
    assert listed(sec, "country=URY") == [
        (ids["ury2"], "URY", "2024", "2", "approved"),
        (ids["ury1"], "URY", "2024", "1", "accepted"),
        (ids["bad"], "URY", "2024", "—", "rejected"),
    ]
    assert [r[0] for r in listed(sec, "year=2024")] == [
        ids["ury2"],
        ids["chl24"],
        ids["ury1"],
        ids["bad"],
    ]
    assert [r[0] for r in listed(sec, "state=accepted")] == [ids["chl23"], ids["ury1"]]
    assert listed(sec, "country=chl&year=2024&state=returned") == [
        (ids["chl24"], "CHL", "2024", "1", "returned")
    ]
    assert listed(sec, "country=CHL&year=2024&state=approved") == []


def test_a_revision_shows_beside_the_previous_one_with_the_changes_marked(story):
    page = page_of(story.clients["sec"], f"/portal/submissions/{story.ids['ury2']}")
    rows = table(page, "diff")
    assert len(rows) == 15
    assert {cells[0] for row, cells in rows if 'class="changed"' in row} == {"SD1", "FD2"}
    assert (
        tn("{n} indicador cambió (resaltado).", "{n} indicadores cambiaron (resaltados).", 2, "es")
        in page
    )
    by_indicator = {cells[0]: cells[1:7] for _, cells in rows}
    assert by_indicator["SD1"] == ["80", "", "", "91,5", "", ""]
    assert by_indicator["FD2"][2::3] == ["", "registro ampliado en 2024"]


def test_approve_and_return_are_recorded_and_a_return_needs_a_comment(story):
    before, after = story.unchanged["return"]
    assert after == before
    assert (
        t("Para devolver un envío escriba un comentario que diga qué corregir.", "es")
        in story.pages["no_comment"]
    )
    assert t(DECIDED["returned"], "es", id=story.ids["chl24"]) in story.pages["returned"]
    assert t(DECIDED["approved"], "es", id=story.ids["ury2"]) in story.pages["approved"]
    assert query(
        story.url,
        "SELECT submission_id, action, comment, actor FROM review_event ORDER BY event_id",
    ) == [
        (story.ids["chl24"], "returned", RETURN_COMMENT, "sec"),
        (story.ids["ury2"], "approved", None, "sec"),
    ]


def test_coverage_lists_who_has_not_sent_and_links_who_has(story):
    page = page_of(story.clients["sec"], "/portal/coverage?year=2024")
    members = reference()[1].countries
    assert "2 de 33 países enviaron datos." in page
    missing = _text(
        re.search(r'<p class="missing-list">(.*?)</p>', page, re.DOTALL).group(1)
    ).split(", ")
    assert sorted(missing) == sorted(
        c.name.get("es") for c in members if c.iso3 not in ("URY", "CHL")
    )
    links = {
        cells[0][-4:-1]: re.findall(r'href="/portal/submissions/(\d+)', row)
        for row, cells in table(page, "data-table")
    }
    assert len(links) == 33
    assert {iso3: found for iso3, found in links.items() if found} == {
        "URY": [str(story.ids["ury2"])],
        "CHL": [str(story.ids["chl24"])],
    }


def test_publishing_freezes_the_approved_values_and_a_label_is_never_reused(story):
    assert "Versión 2024-1 publicada: 15 valores" in story.pages["published"]
    assert query(story.url, "SELECT label, created_by, note, value_count FROM releases") == [
        ("2024-1", "sec", "primera versión", 15)
    ]
    released = query(
        story.url,
        """SELECT indicator_id, value, note, revision FROM published_values
                                   WHERE release = '2024-1' AND iso3 = 'URY' AND year = 2024""",
    )
    assert {i: (v, n) for i, v, n, _ in released} == submitted(URY_2) and {
        r for *_, r in released
    } == {2}
    before, after = story.unchanged["publish"]
    assert after == before
    refused = re.search(
        r'class="alert alert-danger notice" role="alert">(.*?)</div>',
        story.pages["published_again"],
    ).group(1)
    assert (
        html.unescape(refused).startswith(t("No se publicó nada: {reason}", "es", reason=""))
        and "2024-1" in refused
    )

    answer = story.clients["sec"].get("/api/v1/releases/2024-1/values?country=URY").get_json()
    assert {r["indicator_id"]: r["value"] for r in answer["data"]} == {
        i: v for i, (v, _) in submitted(URY_2).items()
    }


def test_the_audit_log_shows_who_did_what(story):
    page = page_of(story.clients["adm"], "/portal/audit")
    shown = {(cells[1], cells[2], cells[4]) for _, cells in table(page, "data-table")}
    expected = {
        ("ury", "sign_in", ""),
        ("sec", "sign_in", ""),
        ("adm", "sign_in", ""),
        ("ury", "submission_rejected", str(story.ids["bad"])),
        ("ury", "submission_accepted", str(story.ids["ury1"])),
        ("sec", "submission_returned", str(story.ids["chl24"])),
        ("sec", "submission_approved", str(story.ids["ury2"])),
        ("sec", "release_published", "2024-1"),
    }
    assert {
        (actor, t(AUDIT_ACTIONS[action], "es"), target) for actor, action, target in expected
    } <= shown
    stored = {
        (a, b, c or "")
        for a, b, c in query(story.url, "SELECT actor, action, target FROM audit_log")
    }
    assert expected <= stored
    added = page_of(story.clients["adm"], "/portal/audit?action=account_added&lang=fr")
    assert {(cells[2], cells[4], cells[5]) for _, cells in table(added, "data-table")} == {
        ("compte créé", "adm", "administration"),
        ("compte créé", "sec", "secrétariat"),
        ("compte créé", "chl", "pays"),
        ("compte créé", "ury", "pays"),
    }  # the role an account was added with, by its name


def test_sign_out_ends_the_session(story):
    client = story.clients["ury"].application.test_client()
    assert sign_in(client, "chl") == 303
    assert client.get("/portal/submissions").status_code == 200
    left = client.post("/logout", data={"csrf_token": csrf_token(client, "/portal/submissions")})
    assert (left.status_code, left.headers["Location"]) == (303, "/login?lang=es")
    after = client.get("/portal/submissions")
    assert after.status_code == 302 and after.headers["Location"].startswith("/login")
    assert query(
        story.url, "SELECT COUNT(*) FROM audit_event WHERE actor = 'chl' AND action = 'sign_out'"
    ) == [(1,)]


def test_the_page_language_follows_the_reader_through_sign_in(story):
    """Sent to sign in from a French page, the sign-in page is French; signing in without
    choosing a language opens the account's (Spanish here), not the browser's; and the language
    links of a page a form post led to lead to pages that exist."""
    client = story.clients["ury"].application.test_client()
    sent = client.get("/portal/submissions?lang=fr")
    assert sent.status_code == 302 and "lang=fr" in sent.headers["Location"]
    assert "Se connecter" in page_of(client, sent.headers["Location"])
    english = {"Accept-Language": "en"}
    form = client.get("/login", headers=english).get_data(as_text=True)
    assert "Sign in" in form and 'action="/login"' in form  # no language chosen on the page
    landing = client.post(
        "/login",
        headers=english,
        data={"username": "ury", "password": ACCOUNTS["ury"][2], "csrf_token": csrf_token(client)},
    )
    assert landing.status_code == 303 and landing.headers["Location"].endswith("lang=es")
    expired = client.post("/logout?lang=pt", data={})  # no CSRF token: the form has expired
    links = re.findall(r'href="([^"]*lang=(?:es|en|fr)[^"]*)"', expired.get_data(as_text=True))
    assert links and not any(link.startswith("/logout") for link in links)
