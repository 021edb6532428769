"""The catalogue and the member list: the shipped files are complete, and bad edits are caught
with the file, line and field to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators.catalogue import DEFAULT_PATH, load_catalogue
from indicators.countries import load_members
from indicators.texts import LANGUAGES
from indicators.yaml_source import DataFileError

SHIPPED = DEFAULT_PATH.read_text(encoding="utf-8")


def test_shipped_catalogue_has_six_dimensions_and_fifteen_indicators():
    cat = load_catalogue()
    assert [d.id for d in cat.dimensions] == ["D1", "D2", "D3", "D4", "D5", "D6"]
    assert [len(cat.indicators_of(d.id)) for d in cat.dimensions] == [3, 3, 2, 2, 3, 2]
    assert cat.indicator_ids == [
        "SD1",
        "SD2",
        "SD3",
        "FD1",
        "FD2",
        "FD3",
        "IO1",
        "IO2",
        "SP1",
        "SP2",
        "US1",
        "US2",
        "US3",
        "SA1",
        "SA2",
    ]
    assert cat.status == "proposal" and cat.edition
    for ind in cat.indicators:
        for lang in LANGUAGES:
            assert ind.name.get(lang) and ind.definition.get(lang)
        if ind.scoring.log:
            assert ind.scoring.lower > 0


def test_members_are_the_33_lac_states_by_subregion():
    members = load_members()
    assert len(members.countries) == 33
    by_sub = {}
    for c in members.countries:
        by_sub[c.subregion] = by_sub.get(c.subregion, 0) + 1
    assert by_sub == {"caribbean": 13, "central_america": 8, "south_america": 12}
    assert members.by_iso3["HTI"].name.fr == "Haïti"
    assert members.by_iso3["MEX"].subregion == "central_america"


def edited(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    assert old in SHIPPED, old
    path = tmp_path / "catalogue.yaml"
    path.write_text(SHIPPED.replace(old, new, count), encoding="utf-8")
    return path


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    hits = [
        n
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in line
    ]
    return hits[occurrence - 1]


def test_unknown_key_names_file_line_and_field(tmp_path):
    path = edited(
        tmp_path, "    plausible_change: 20\n", "    plausible_change: 20\n    wieght: 2\n"
    )
    with pytest.raises(DataFileError) as err:
        load_catalogue(path)
    assert err.value.path == str(path)
    assert err.value.field == "indicators[0].wieght"
    assert err.value.line == line_of(path, "wieght")
    assert "unknown key" in str(err.value)


def test_duplicate_indicator_id(tmp_path):
    path = edited(tmp_path, "  - id: SD2\n", "  - id: SD1\n")
    with pytest.raises(DataFileError) as err:
        load_catalogue(path)
    assert err.value.field == "indicators[1].id"
    assert "duplicate id 'SD1'" in err.value.message
    assert err.value.line == line_of(path, "- id: SD1", 2)


def test_missing_translation(tmp_path):
    cat = load_catalogue()
    french = cat.indicator_by_id["SD1"].name.fr
    path = edited(tmp_path, f'      fr: "{french}"\n', "")
    with pytest.raises(DataFileError) as err:
        load_catalogue(path)
    assert err.value.field == "indicators[0].name.fr"
    assert "es, en, pt and fr" in err.value.message


def test_every_dimension_says_why_it_has_its_un_counterpart_in_every_language(tmp_path):
    cat = load_catalogue()
    assert all(d.un_rationale.get(lang) for d in cat.dimensions for lang in LANGUAGES)
    portuguese = cat.dimension_by_id["D2"].un_rationale.pt
    path = edited(tmp_path, f'      pt: "{portuguese}"\n', "")
    with pytest.raises(DataFileError) as err:
        load_catalogue(path)
    assert err.value.field == "dimensions[1].un_rationale.pt"
    assert "es, en, pt and fr" in err.value.message
    assert err.value.line is not None


@pytest.mark.parametrize(
    "old,new,field,words",
    [
        (
            "valid_range: {min: 0, max: 100}",
            "valid_range: {min: 0, max: 120}",
            "indicators[0].valid_range",
            "0–100",
        ),
        (
            "scoring: {lower: 0, target: 100, log: false}",
            "scoring: {lower: 50, target: 40, log: false}",
            "indicators[0].scoring.target",
            "above lower",
        ),
        ("dimension: D1\n", "dimension: D9\n", "indicators[0].dimension", "unknown dimension 'D9'"),
        ("unit: percent\n", "unit: parsecs\n", "indicators[0].unit", "Input should be"),
    ],
)
def test_bounds_and_references(tmp_path, old, new, field, words):
    path = edited(tmp_path, old, new)
    with pytest.raises(DataFileError) as err:
        load_catalogue(path)
    assert err.value.field == field
    assert words in err.value.message
    assert err.value.line is not None


def test_duplicate_yaml_key_and_syntax_error(tmp_path):
    path = edited(tmp_path, "    weight: 1\n", "    weight: 1\n    weight: 2\n")
    with pytest.raises(DataFileError, match="duplicate key") as err:
        load_catalogue(path)
    assert err.value.line == line_of(path, "weight: 2")
    path.write_text("edition: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid YAML"):
        load_catalogue(path)
