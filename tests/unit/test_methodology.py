"""The methodology document is generated, never hand-edited: the committed files are exactly
what the catalogue and the scoring code produce today, in every language of the methodology."""

from __future__ import annotations

import re
import string
from functools import cache

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file

from etl.methodology import OUTPUTS, methodology_text
from indicators import methodology, uncertainty
from indicators.catalogue import load_catalogue
from indicators.countries import load_members
from indicators.gtmi import load_gtmi
from indicators.methodology import FACTORS, VARIANTS, _percent
from indicators.model import Layout
from locales import LANGUAGES, TRANSLATED
from locales.catalogues import KEYWORDS, problems, read_catalogue
from locales.formats import fmt_value as _n
from locales.messages import t

# Every text of the methodology, as the catalogues' extraction finds it (Spanish msgids).
MSGIDS = [
    msgid for _, msgid, _, _ in extract_from_file("python", methodology.__file__, keywords=KEYWORDS)
]


@cache
def rendered(lang: str) -> str:
    return methodology_text(load_catalogue(), load_members(), lang)


def fields(text: str) -> list[tuple[str, str]]:
    """The {placeholders} of a text, with their format specs, in order."""
    return [(name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name is not None]


def test_every_language_of_the_network_has_a_methodology_file():
    assert set(OUTPUTS) == set(LANGUAGES)
    assert OUTPUTS["en"].name == "methodology.md"
    assert {p.name for p in OUTPUTS.values()} == {
        "methodology.md",
        "methodology.es.md",
        "methodology.pt.md",
        "methodology.fr.md",
    }


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_text_is_in_the_catalogue(lang):
    """None missing, fuzzy or breaking a placeholder (a translation may equal the Spanish)."""
    template = Catalog()
    for msgid in MSGIDS:
        template.add(msgid)
    assert problems(read_catalogue(lang), template) == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_have_the_placeholders_and_markdown_of_the_spanish(lang):
    assert len(MSGIDS) > 70
    for msgid in MSGIDS:
        mine = t(msgid, lang)
        assert fields(mine) == fields(msgid), msgid
        assert re.findall(r"^#+ \d*\.? ?", mine) == re.findall(r"^#+ \d*\.? ?", msgid), (
            msgid
        )  # heading level and number
        assert [mine.count(mark) for mark in ("|", "**", "`", "_")] == [
            msgid.count(mark) for mark in ("|", "**", "`", "_")
        ], msgid


@pytest.mark.parametrize("lang", LANGUAGES)
def test_committed_methodology_is_up_to_date(lang):
    assert OUTPUTS[lang].read_text(encoding="utf-8") == rendered(lang), (
        "run `gealc methodology` and commit docs/"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
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
    assert re.findall(r"^## (\d+)\. ", text, flags=re.MULTILINE) == [str(n) for n in range(1, 14)]
    assert load_members().by_iso3["URY"].name.get(lang) in text


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_translations_are_not_english(lang):
    text, english = rendered(lang), rendered("en")
    assert text != english
    headings = set(re.findall(r"^#+ .*$", text, flags=re.MULTILINE))
    assert not headings & set(re.findall(r"^#+ .*$", english, flags=re.MULTILINE)) - {
        f"### {d.id} {d.name.en}" for d in load_catalogue().dimensions
    }
    for msgid in MSGIDS:
        if len(msgid) > 40:  # a sentence, not a label English may share
            assert t(msgid, lang) != t(msgid, "en"), msgid


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
    """Every dimension of the example has a score, not-reported indicators count 0, and the
    composite is the mean of all six (the catalogue's dimension weights are equal)."""
    text = OUTPUTS["en"].read_text(encoding="utf-8")
    catalogue = load_catalogue()
    for ind in catalogue.indicators:
        assert f"| {ind.id} | {ind.name.en} |" in text or f"| {ind.id} | not reported |" in text
    assert {d.weight for d in catalogue.dimensions} == {1.0}
    rows = re.findall(
        r"^\| (D\d) [^|]+ \| (\d) / (\d) \| \(([^|]+)\) ÷ (\d) \| ([\d.]+) \|$",
        text,
        flags=re.MULTILINE,
    )
    assert [r[0] for r in rows] == [d.id for d in catalogue.dimensions]
    for _, reported, of, terms, divisor, score in rows:
        scores = [float(x) for x in terms.split(" + ")]
        assert len(scores) == int(of) == int(divisor)
        assert sum(s > 0 for s in scores) <= int(reported)
        assert float(score) == pytest.approx(sum(scores) / len(scores), abs=0.01)
    assert "| not reported | lower goalpost (section 3) | 0.00 |" in text
    composite = float(re.search(r"Composite: [^*]+ = \*\*([\d.]+)\*\*, rank", text).group(1))
    assert composite == pytest.approx(sum(float(r[5]) for r in rows) / len(rows), abs=0.01)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_method_is_stated_from_its_constants(lang):
    """The seed, the number of variants and every factor of the Monte Carlo, in every language,
    read from `indicators.uncertainty`; the variant count is the sample's own size."""
    text = rendered(lang)
    assert len(uncertainty.unit_sample(Layout.of(load_catalogue()))) == VARIANTS
    assert f"**{uncertainty.SEED}**" in text
    assert f"**{_n(VARIANTS, lang)} " in text
    assert f"N = {_n(uncertainty.SAMPLE_BASE, lang)}" in text
    section = text[text.index("\n## 7. ") : text.index("\n## 8. ")]
    factors = re.findall(r"^- \*\*([^*]+)\*\*", section, flags=re.MULTILINE)
    assert len(factors) == len(uncertainty.FACTORS)
    for factor in uncertainty.FACTORS:
        label = re.match(r"- \*\*([^*]+)\*\*", t(FACTORS[factor], lang)).group(1)
        assert label in factors
    assert _percent(uncertainty.GOALPOST_SHIFT, lang) in section
    assert _n(1 - uncertainty.WEIGHT_SPREAD, lang) in section
    assert _n(uncertainty.RESAMPLES, lang) in section


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_dimension_names_its_un_counterpart_and_why(lang):
    text, catalogue = rendered(lang), load_catalogue()
    for dim in catalogue.dimensions:
        assert f"↔ {dim.un_counterpart}**" in text
        assert dim.un_rationale.get(lang) in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_dimension_names_its_gtmi_questions_or_says_there_are_none(lang):
    text, catalogue = rendered(lang), load_catalogue()
    crosswalk = load_gtmi(catalogue=catalogue)
    for dim in catalogue.dimensions:
        match = crosswalk.crosswalk(dim.id)
        line = next(
            row for row in text.splitlines() if row.startswith(f"- **{dim.id} ") and "I-" in row
        )
        assert match.rationale.get(lang) in line
        assert all(f"{i} " in line for i in match.indicators)
        assert (t("sin contraparte en el GTMI", lang) in line) == (match.match == "none")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_worked_example_is_the_same_in_every_language(lang):
    """Same rows, same scores: only the decimal mark and the words change."""

    def numbers(text: str) -> list[str]:
        section = text[text.index("\n## 12. ") : text.index("\n## 13. ")]
        return [re.sub(r"[.,\u202f]", "", m) for m in re.findall(r"\d[\d.,\u202f]*", section)]

    assert numbers(rendered(lang)) == numbers(rendered("en"))
