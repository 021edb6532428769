"""The data page's catalogue and methodology without a server (app.pages.data.catalogue): a count's
formula reads as what it counts in every language (it read «÷ nan × pas de données» in French),
a ratio's as numerator ÷ denominator × multiplier; every indicator has an entry with all its facts;
the methodology comes apart into its numbered sections and nothing is lost."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from app.pages.data.catalogue import (
    catalogue_entries,
    catalogue_table,
    facts,
    formula,
    methodology_sections,
    span,
)
from indicators.catalogue import load_catalogue
from indicators.methodology import DOCUMENTS
from locales import LANGUAGES
from locales.formats import fmt_number

CATALOGUE = load_catalogue()


def frame(lang: str, missing: object = None) -> pd.DataFrame:
    """The catalogue as app.queries.catalogue gives it; a count's absent denominator as
    `missing` (the warehouse's NULL reaches pandas as None or NaN)."""
    units = CATALOGUE.units
    dims = CATALOGUE.dimension_by_id
    return pd.DataFrame(
        [
            {
                "indicator_id": i.id,
                "dimension_id": i.dimension,
                "dimension": dims[i.dimension].name.get(lang),
                "name": i.name.get(lang),
                "unit": units[i.unit].get(lang),
                "unit_code": i.unit,
                "definition": i.definition.get(lang),
                "direction": i.direction,
                "min_value": i.valid_range.min,
                "max_value": i.valid_range.max,
                "goal_lower": i.scoring.lower,
                "goal_target": i.scoring.target,
                "log_transform": i.scoring.log,
                "weight": i.weight,
                "multiplier": i.multiplier if i.multiplier is not None else math.nan,
                "numerator": i.numerator.get(lang),
                "denominator": i.denominator.get(lang) if i.denominator else missing,
            }
            for i in CATALOGUE.indicators
        ]
    )


@pytest.mark.parametrize("missing", [None, math.nan, ""])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_count_reads_as_what_it_counts(lang, missing):
    sp1 = CATALOGUE.indicator_by_id["SP1"]
    assert sp1.unit == "count" and sp1.denominator is None
    row = frame(lang, missing).set_index("indicator_id").loc["SP1"]
    shown = formula(row, lang)
    assert shown == sp1.numerator.get(lang)
    no_data = fmt_number(None, lang)  # «pas de données», «sin datos»…
    for wrong in ("nan", "÷", "×", "None", no_data):
        assert wrong not in shown, (lang, shown)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_ratio_reads_numerator_over_denominator_times_its_multiplier(lang):
    rows = frame(lang).set_index("indicator_id")
    sd1, io2 = CATALOGUE.indicator_by_id["SD1"], CATALOGUE.indicator_by_id["IO2"]
    assert formula(rows.loc["SD1"], lang) == (
        f"{sd1.numerator.get(lang)} ÷ {sd1.denominator.get(lang)} × 100"
    )
    # a multiplier of 1 (per person) is not written
    assert formula(rows.loc["IO2"], lang) == (
        f"{io2.numerator.get(lang)} ÷ {io2.denominator.get(lang)}"
    )


def test_ranges_keep_the_decimals_they_have():
    assert span(0.01, 50, "fr") == "0,01 – 50"
    assert span(0, 100000, "es") == "0 – 100.000"
    assert span(0, 100, "en") == "0 – 100"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_indicator_has_an_entry_with_all_its_facts(lang):
    cat = frame(lang)
    parts = catalogue_entries(cat, lang, "?lang=fr")
    headings = [p.children for p in parts if type(p).__name__ == "H3"]
    assert headings == [f"{d.id} {d.name.get(lang)}" for d in CATALOGUE.dimensions]
    entries = [e for p in parts if type(p).__name__ == "Div" for e in p.children]
    assert [e.id for e in entries] == [f"indicator-{i}" for i in CATALOGUE.indicator_ids]
    table = catalogue_table(cat, lang).set_index("id")
    for entry in entries:
        code = entry.id.removeprefix("indicator-")
        summary, facts_list, more = entry.children
        assert summary.children[0].children == code
        terms = facts_list.children[::2]
        details = facts_list.children[1::2]
        assert [dt.children for dt in terms] == [term for _, term in facts(lang)]
        assert [dd.children for dd in details] == [table.loc[code, key] for key, _ in facts(lang)]
        assert table.loc[code, "definition"] == CATALOGUE.indicator_by_id[code].definition.get(lang)
        assert more.children.href == f"/indicator/{code}?lang=fr"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_methodology_comes_apart_into_its_sections(lang):
    text = DOCUMENTS[lang].read_text(encoding="utf-8")
    title, intro, sections = methodology_sections(text)
    assert title and not title.startswith("#")
    assert [heading.split(".")[0] for heading, _ in sections] == [str(n) for n in range(1, 14)]
    assert all(body and "\n## " not in body for _, body in sections)
    # nothing lost: every line of the document is in the title, the introduction or a section
    kept = "\n".join([title, intro, *(f"{h}\n{b}" for h, b in sections)])
    assert all(line.strip().lstrip("# ") in kept for line in text.splitlines() if line.strip())
