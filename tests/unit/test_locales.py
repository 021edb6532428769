"""The four languages: catalogues complete and consistent with the code, and numbers, percentages,
counts and dates written each language's way (CLDR)."""

from __future__ import annotations

import ast
import datetime as dt
import re

import pytest

from locales import TRANSLATED, language
from locales.catalogues import (
    KEYWORDS,
    ROOT,
    SOURCES,
    extract,
    problems,
    read_catalogue,
    translations_of,
)
from locales.collation import sort_key
from locales.formats import fmt_count, fmt_date, fmt_datetime, fmt_number, fmt_percent
from locales.messages import t, tn


@pytest.fixture(scope="module")
def template():
    return extract()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_text_of_the_code_is_translated(template, lang):
    """No missing or empty translation, no fuzzy entry, no placeholder that differs from the
    Spanish: what `make translations` reports, failing the suite."""
    assert problems(read_catalogue(lang), template) == []


def test_a_removed_french_string_fails_the_check(template):
    catalog = read_catalogue("fr")
    catalog.delete("Año de la encuesta")
    assert any("no translation of 'Año de la encuesta'" in p for p in problems(catalog, template))


def test_a_fuzzy_entry_or_a_broken_placeholder_fails_the_check(template):
    catalog = read_catalogue("pt")
    fuzzy = catalog.get("Ningún país reportó indicadores GEALC para {year}.")
    fuzzy.flags.add("fuzzy")
    broken = catalog.get("ver la versión {release}")
    broken.string = "ver a versão {versao}"
    found = problems(catalog, template)
    assert any("fuzzy" in p and "Ningún país" in p for p in found)
    assert any("placeholders ['versao']" in p and "['release']" in p for p in found)


def test_the_catalogues_translate_with_named_placeholders():
    assert t("Año de la encuesta", "fr") == "Année de l'enquête"
    assert t("ver la versión {release}", "en", release="2026.1") == "see release 2026.1"
    assert t("Año de la encuesta", "de") == "Año de la encuesta"  # Spanish for a language not used
    assert language("de") == "es"


@pytest.mark.parametrize(
    "lang,one,zero,many",
    [
        ("es", "1 error", "0 errores", "1.200 errores"),
        ("en", "1 error", "0 errors", "1,200 errors"),
        ("pt", "1 erro", "0 erro", "1.200 erros"),
        ("fr", "1 erreur", "0 erreur", "1\u202f200 erreurs"),
    ],
)
def test_plural_forms_follow_each_language(lang, one, zero, many):
    """French and Portuguese count 0 as singular; English and Spanish do not."""
    forms = [tn("{n} error", "{n} errores", n, lang) for n in (1, 0, 1200)]
    assert forms == [one, zero, many]


@pytest.mark.parametrize(
    "lang,number,percent,count",
    [
        ("es", "1.234,57", "72,5\u00a0%", "442"),
        ("pt", "1.234,57", "72,5%", "442"),
        ("en", "1,234.57", "72.5%", "442"),
        ("fr", "1\u202f234,57", "72,5\u00a0%", "442"),
    ],
)
def test_numbers_follow_the_language(lang, number, percent, count):
    assert fmt_number(1234.567, lang) == number
    assert fmt_percent(0.725, lang, 1) == percent
    assert fmt_count(442.0, lang) == count


def test_missing_is_never_zero():
    assert fmt_number(None, "es") == "sin datos"
    assert fmt_number(float("nan"), "en") == "no data"
    assert fmt_percent(None, "fr") == "pas de données"


def test_dates_in_words_and_times_with_their_zone():
    assert fmt_date("2026-12-05", "es") == "5 de diciembre de 2026"
    assert fmt_date(dt.date(2026, 12, 5), "pt") == "5 de dezembro de 2026"
    assert fmt_date("2026-12-05", "en") == "December 5, 2026"
    assert fmt_datetime("2026-12-05T06:22:10", "fr") == "5 déc. 2026, 06:22 UTC"
    later = dt.datetime(2026, 12, 5, 1, 22, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert fmt_datetime(later, "es") == "5 dic 2026, 6:22 UTC"


def _calls_babel_cannot_see() -> list[str]:
    """`t("…")`, `tc(…, "…")` or `tn("…", …)` with its text written inside an f-string: Babel
    does not look inside f-strings, so the text would never reach the catalogues and would show
    in Spanish everywhere (a variable holding an N_-marked text is fine)."""
    found = []
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for fstring in (n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)):
                found += [
                    f"{path.relative_to(ROOT)}:{call.lineno}"
                    for call in ast.walk(fstring)
                    if isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in KEYWORDS
                    and any(isinstance(a, ast.Constant) for a in call.args)
                ]
    return found


def test_no_text_hides_inside_an_f_string():
    assert _calls_babel_cannot_see() == []


def test_french_keeps_its_no_break_spaces_before_punctuation():
    """« texte » and « : » never break across lines: a no-break space, not a plain one."""
    assert [s for s in translations_of("fr") if re.search(r" [:;!?»]|« ", s)] == []


def test_portuguese_quotes_the_brazilian_way():
    assert [s for s in translations_of("pt") if "«" in s or "»" in s] == []


def test_percentages_are_spaced_each_languages_way():
    """CLDR: `90 %` with a no-break space in French, `90%` in Portuguese."""
    assert [s for s in translations_of("fr") if re.search(r"\d %", s)] == []
    assert [s for s in translations_of("pt") if re.search(r"\d[ \u00a0\u202f]%", s)] == []


def test_names_sort_alphabetically_in_each_language():
    """Accents and case do not move a name to the end: Équateur among the E, São Vicente before
    Suriname (the order of character codes put both last)."""
    french = ["Venezuela", "Équateur", "El Salvador", "Dominique"]
    assert sorted(french, key=sort_key) == ["Dominique", "El Salvador", "Équateur", "Venezuela"]
    portuguese = ["Suriname", "São Vicente e Granadinas", "Santa Lúcia"]
    assert sorted(portuguese, key=sort_key) == [
        "Santa Lúcia",
        "São Vicente e Granadinas",
        "Suriname",
    ]
