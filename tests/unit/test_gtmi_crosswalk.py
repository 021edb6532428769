"""The GTMI crosswalk: the shipped file is complete and honest about what the GTMI does not measure,
bad edits are caught with the file, line and field to look at, and a country's GTMI answers read
and average as the site will show them."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from indicators.catalogue import load_catalogue
from indicators.gtmi import DEFAULT_PATH, load_gtmi
from indicators.texts import LANGUAGES
from indicators.yaml_source import DataFileError

SHIPPED = DEFAULT_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def gtmi():
    return load_gtmi(catalogue=load_catalogue())


def test_shipped_file_loads_against_the_catalogue_with_48_indicators_in_four_languages(gtmi):
    assert [i.id for i in gtmi.indicators] == [f"I-{n}" for n in range(1, 49)]
    for ind in gtmi.indicators:
        assert all(ind.label.get(lang) for lang in LANGUAGES)
    assert [c.id for c in gtmi.composites] == ["gtmi", "cgsi", "psdi", "dcei", "gtei"]
    assert [g.id for g in gtmi.groups] == ["A", "B", "C", "D"]
    assert gtmi.source.licence == "CC-BY-4.0"
    assert gtmi.source.citation.en == "World Bank, GovTech Dataset (GovTech Maturity Index)"
    indices = [i.id for i in gtmi.indicators if i.scale.kind == "index"]
    assert indices == ["I-16", "I-18", "I-27", "I-43", "I-44"]
    assert gtmi.indicator_by_id["I-35"].scale.max == 3
    assert gtmi.indicator_by_id["I-42"].scale.max == 3
    assert gtmi.indicator_by_id["I-31"].scale.max == 1
    maxima = gtmi.maxima()
    assert len(maxima) == 48
    assert (maxima["I-42"], maxima["I-3"], maxima["I-31"], maxima["I-27"]) == (3, 2, 1, 1)


def test_use_and_satisfaction_are_not_measured_by_the_gtmi(gtmi):
    assert [d.id for d in gtmi.dimensions] == ["D1", "D2", "D3", "D4", "D5", "D6"]
    assert [gtmi.crosswalk(d).match for d in ("D1", "D2", "D3", "D4")] == ["direct"] * 4
    assert gtmi.crosswalk("D5").match == gtmi.crosswalk("D6").match == "none"
    assert "no question measures" in gtmi.crosswalk("D5").rationale.en
    assert "not a measure" in gtmi.crosswalk("D6").rationale.en
    assert gtmi.crosswalk("D1").composite == "psdi"
    assert gtmi.crosswalk("D3").indicators == ["I-3", "I-4", "I-2"]
    with pytest.raises(KeyError, match="D9"):
        gtmi.crosswalk("D9")


def edited(tmp_path: Path, old: str, new: str) -> Path:
    assert old in SHIPPED, old
    path = tmp_path / "gtmi.yaml"
    path.write_text(SHIPPED.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def test_missing_french_label(tmp_path, gtmi):
    french = gtmi.indicator_by_id["I-1"].label.fr
    path = edited(tmp_path, f'      fr: "{french}"\n', "")
    with pytest.raises(DataFileError) as err:
        load_gtmi(path)
    assert err.value.path == str(path)
    assert err.value.field == "indicators[0].label.fr"
    assert "es, en, pt and fr" in err.value.message
    assert err.value.line == line_of(path, f'es: "{gtmi.indicator_by_id["I-1"].label.es}"')


@pytest.mark.parametrize(
    "old,new,field,words",
    [
        (
            "indicators: [I-3, I-4, I-2]",
            "indicators: [I-3, I-4, I-99]",
            "dimensions[2].indicators[2]",
            "unknown indicator 'I-99'",
        ),
        (
            "scale: {kind: levels, max: 2}",
            "scale: {kind: levels}",
            "indicators[0].scale.max",
            "a levels scale needs max",
        ),
        (
            "scale: {kind: levels, max: 2}",
            "scale: {kind: levels, max: 0}",
            "indicators[0].scale.max",
            "greater than or equal to 1",
        ),
        (
            "scale: {kind: levels, max: 2}",
            "scale: {kind: levels, max: 2.5}",
            "indicators[0].scale.max",
            "integer",
        ),
        ("composite: psdi", "composite: egov", "dimensions[0].composite", "unknown composite"),
        ("  - id: I-2\n", "  - id: I-1\n", "indicators[1].id", "duplicate id 'I-1'"),
    ],
)
def test_bad_references_and_scales(tmp_path, old, new, field, words):
    path = edited(tmp_path, old, new)
    with pytest.raises(DataFileError) as err:
        load_gtmi(path)
    assert err.value.field == field
    assert words in err.value.message
    assert err.value.line == SHIPPED[: SHIPPED.index(old)].count("\n") + 1  # the edited line


def test_dimensions_must_be_the_catalogues(tmp_path):
    catalogue = load_catalogue()
    path = edited(tmp_path, "  - id: D6\n", "  - id: D7\n")
    load_gtmi(path)  # without a catalogue nothing says which dimensions exist
    with pytest.raises(DataFileError) as err:
        load_gtmi(path, catalogue)
    assert err.value.field == "dimensions[5].id"
    assert "'D7' is not a dimension of the catalogue" in err.value.message
    assert err.value.line == line_of(path, "- id: D7")
    start = SHIPPED.index("  - id: D6\n")
    path.write_text(SHIPPED[:start], encoding="utf-8")
    with pytest.raises(DataFileError, match="dimension\\(s\\) D6") as err:
        load_gtmi(path, catalogue)
    assert err.value.field == "dimensions"


@pytest.mark.parametrize(
    "lang,level,index,missing",
    [
        ("en", "level 3 of 3", "0.64", "not assessed"),
        ("es", "nivel 3 de 3", "0,64", "no evaluado"),
        ("pt", "nível 3 de 3", "0,64", "não avaliado"),
        ("fr", "niveau 3 sur 3", "0,64", "non évalué"),
    ],
)
def test_level_text_in_four_languages(gtmi, lang, level, index, missing):
    assert gtmi.level_text("I-42", 3, lang) == level
    assert gtmi.level_text("I-42", 3.0, lang) == level
    assert gtmi.level_text("I-43", 0.64321066323848808, lang) == index
    assert gtmi.level_text("I-26", None, lang) == missing
    assert gtmi.level_text("I-26", math.nan, lang) == missing


def test_level_text_refuses_values_off_the_scale(gtmi):
    with pytest.raises(ValueError, match="outside its scale 0–2"):
        gtmi.level_text("I-3", 3, "en")
    with pytest.raises(ValueError, match="whole number"):
        gtmi.level_text("I-3", 1.5, "en")


def test_matched_mean_by_hand(gtmi):
    assert gtmi.matched_mean({"I-3": 2, "I-4": 1, "I-2": None}, "D3") == pytest.approx(0.75)
    assert gtmi.matched_mean({"I-3": 2, "I-4": 1}, "D3") == pytest.approx(0.75)
    # D2: I-42 3 of 3, I-40 1 of 1, I-41 0 of 1 → (1 + 1 + 0) / 3
    assert gtmi.matched_mean({"I-42": 3, "I-40": 1, "I-41": 0}, "D2") == pytest.approx(2 / 3)
    assert gtmi.matched_mean({"I-3": math.nan}, "D3") is None
    assert gtmi.matched_mean({}, "D1") is None
    assert gtmi.matched_mean({"I-32": 1, "I-31": 1}, "D5") is None
    assert gtmi.matched_mean({"I-31": 1}, "D6") is None
    with pytest.raises(ValueError, match="I-4 = 5"):
        gtmi.matched_mean({"I-3": 2, "I-4": 5}, "D3")
