"""The read side on both backends: every page and every download built from a release where one
country reported one year — the others show "no data", never a crash; a second country's
submission, loaded but not approved and published, is nowhere to be seen."""

from __future__ import annotations

import pytest

from app import queries
from app.context import snapshot
from app.downloads import DATASETS, in_language, names
from app.pages.country import page as country
from app.server import PAGES, create_app
from locales.messages import t
from tests.helpers import gealc, ok
from tests.integration.test_releases import load, states
from tests.integration.test_scores import full_year

LANGS = ("es", "en", "pt", "fr")


@pytest.fixture
def one_country(built: str, tmp_path) -> str:
    """URY's 2024 values approved and published as release 2024-1; CHL's loaded, still under
    review."""
    load(built, tmp_path, "ury_2024.csv", full_year("URY", 0.8))
    ok(
        gealc(
            "review",
            "approve",
            *[str(i) for i, s in states(built).items() if s[0] == "URY"],
            db=built,
        )
    )
    ok(gealc("publish", "--label", "2024-1", db=built))
    load(built, tmp_path, "chl_2024.csv", full_year("CHL", 0.6))
    return built


def text_of(component) -> str:
    """Every string inside a Dash component tree."""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(text_of(c) for c in component)
    children = getattr(component, "children", None)
    return text_of(children) if children is not None else ""


def test_every_page_and_download_with_one_country(one_country):
    app = create_app(one_country)  # registers every page's downloads
    with app.server.test_request_context("/"):  # as in a callback: the app's releases at hand
        db = snapshot()
        assert db.label == "2024-1"
        for lang in LANGS:
            for path, page in PAGES.items():
                assert text_of(page.layout(db, "?year=2024", lang)), path
            name = queries.member_names(db, lang).set_index("iso3")["name"]
            assert text_of(country.layout(db, "/country/URY", "", lang)).startswith(
                f"{name['URY']} — "
            )
            assert t(
                "{country} no tiene valores GEALC cargados. Abajo, sus cifras de la ONU.",
                lang,
                country=name["HTI"],
            ) in text_of(country.layout(db, "/country/HTI", "", lang))
        home = text_of(PAGES["/"].layout(db, "?year=2024", "en"))
        assert (
            "1 of 33 member countries reported indicators for 2024; 1 of them reported all 15."
            in home
        )
        args = {
            "year": "2024",
            "country": "URY",
            "countries": "URY,CHL",
            "key": "medians",
            "lang": "en",
        }
        for name, fn in DATASETS.items():
            for lang in LANGS:  # every column named in the language, "no data" or not
                done = in_language(fn(db, args | {"lang": lang}, lang), names(db, lang))
                assert len(done.frame.columns) > 1, name
        values = queries.values_all(db, "en")
        assert set(values["iso3"]) == {"URY"} and len(values) == 15
        assert (
            queries.catalogue(db, "fr")["indicator_id"].tolist()
            == queries.indicator_names(db, "fr")["indicator_id"].tolist()
        )
        assert len(queries.egov_named(db, "pt")) == 33 * 12
        assert set(queries.scores_all(db, "en")["iso3"]) == {"URY"}
