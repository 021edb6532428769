"""The methodology document is generated, never hand-edited: the committed files are exactly
what the catalogue and the scoring code produce today, in every language of the methodology."""

from __future__ import annotations

import re
import string
from functools import cache

import pytest

from etl.methodology import OUTPUTS, methodology_text
from indicators.catalogue import load_catalogue
from indicators.countries import load_members
from indicators.methodology import METHODOLOGY_LANGUAGES, T, _n, _percent
from indicators.texts import LANGUAGES


@cache
def rendered(lang: str) -> str:
    return methodology_text(load_catalogue(), load_members(), lang)


def fields(text: str) -> list[tuple[str, str]]:
    """The {placeholders} of a text, with their format specs, in order."""
    return [(name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name is not None]


def test_every_language_of_the_network_has_a_methodology_file():
    assert set(METHODOLOGY_LANGUAGES) == set(LANGUAGES) == set(OUTPUTS)
    assert OUTPUTS["en"].name == "methodology.md"
    assert {p.name for p in OUTPUTS.values()} == {
        "methodology.md",
        "methodology.es.md",
        "methodology.pt.md",
        "methodology.fr.md",
    }


@pytest.mark.parametrize("lang", [lang for lang in METHODOLOGY_LANGUAGES if lang != "en"])
def test_translations_have_the_keys_placeholders_and_markdown_of_english(lang):
    assert list(T[lang]) == list(T["en"])
    for key, text in T["en"].items():
        mine = T[lang][key]
        assert fields(mine) == fields(text), key
        assert re.findall(r"^#+ \d*\.? ?", mine) == re.findall(r"^#+ \d*\.? ?", text), (
            key
        )  # heading level and number
        assert [mine.count(mark) for mark in ("|", "**", "`", "_")] == [
            text.count(mark) for mark in ("|", "**", "`", "_")
        ], key


@pytest.mark.parametrize("lang", METHODOLOGY_LANGUAGES)
def test_committed_methodology_is_up_to_date(lang):
    assert OUTPUTS[lang].read_text(encoding="utf-8") == rendered(lang), (
        "run `gealc methodology` and commit docs/"
    )


@pytest.mark.parametrize("lang", METHODOLOGY_LANGUAGES)
def test_every_language_documents_every_indicator_in_its_own_words(lang):
    text, catalogue = rendered(lang), load_catalogue()
    assert "{" not in text and "}" not in text, "a placeholder was left unformatted"
    for ind in catalogue.indicators:
        assert (
            f"| {ind.id} | {ind.name.get(lang)} | {catalogue.units[ind.unit].get(lang)} |" in text
        )
        assert f"- **{ind.id}** — {ind.definition.get(lang)}" in text
    for dim in catalogue.dimensions:
        assert f"### {dim.id} {dim.name.get(lang)}" in text
    assert re.findall(r"^## (\d+)\. ", text, flags=re.MULTILINE) == [str(n) for n in range(1, 11)]
    assert load_members().by_iso3["URY"].name.get(lang) in text


@pytest.mark.parametrize("lang", [lang for lang in METHODOLOGY_LANGUAGES if lang != "en"])
def test_translations_are_not_english(lang):
    text, english = rendered(lang), rendered("en")
    assert text != english
    headings = set(re.findall(r"^#+ .*$", text, flags=re.MULTILINE))
    assert not headings & set(re.findall(r"^#+ .*$", english, flags=re.MULTILINE)) - {
        f"### {d.id} {d.name.en}" for d in load_catalogue().dimensions
    }
    for key in ("title", "score_text", "ranks_text", "limits_text"):
        assert T[lang][key] != T["en"][key], key


def test_numbers_are_written_as_each_language_writes_them():
    assert [_n(5000.25, lang) for lang in ("en", "es", "pt", "fr")] == [
        "5,000.25",
        "5.000,25",
        "5.000,25",
        "5\u202f000,25",
    ]
    assert [_percent(0.5, lang) for lang in ("en", "es", "pt", "fr")] == [
        "50%",
        "50%",
        "50%",
        "50\u202f%",
    ]


def test_methodology_documents_every_indicator_and_a_checkable_example():
    text = OUTPUTS["en"].read_text(encoding="utf-8")
    for ind in load_catalogue().indicators:
        assert f"| {ind.id} | {ind.name.en} |" in text
    rows = re.findall(r"^\| (D\d) [^|]+ \| (\d) / (\d) \| ([\d.]+) \|$", text, flags=re.MULTILINE)
    composite = float(
        re.search(r"Composite: mean of \d dimension scores = \*\*([\d.]+)\*\*", text).group(1)
    )
    assert composite == pytest.approx(sum(float(r[3]) for r in rows) / len(rows), abs=0.01)


@pytest.mark.parametrize("lang", METHODOLOGY_LANGUAGES)
def test_the_worked_example_is_the_same_in_every_language(lang):
    """Same rows, same scores: only the decimal mark and the words change."""

    def numbers(text: str) -> list[str]:
        section = text[text.index("\n## 9. ") : text.index("\n## 10. ")]
        return [re.sub(r"[.,\u202f]", "", m) for m in re.findall(r"\d[\d.,\u202f]*", section)]

    assert numbers(rendered(lang)) == numbers(rendered("en"))
