"""The methodology document is generated, never hand-edited: the committed files are exactly
what the catalogue and the scoring code produce today."""
from __future__ import annotations

import re

import pytest

from etl.methodology import OUTPUTS, methodology_text
from indicators.catalogue import load_catalogue
from indicators.countries import load_members


@pytest.mark.parametrize("lang", sorted(OUTPUTS))
def test_committed_methodology_is_up_to_date(lang):
    expected = methodology_text(load_catalogue(), load_members(), lang)
    assert OUTPUTS[lang].read_text(encoding="utf-8") == expected, "run `gealc methodology` and commit docs/"


def test_methodology_documents_every_indicator_and_a_checkable_example():
    text = OUTPUTS["en"].read_text(encoding="utf-8")
    for ind in load_catalogue().indicators:
        assert f"| {ind.id} | {ind.name.en} |" in text
    rows = re.findall(r"^\| (D\d) [^|]+ \| (\d) / (\d) \| ([\d.]+) \|$", text, flags=re.M)
    composite = float(re.search(r"Composite: mean of \d dimension scores = \*\*([\d.]+)\*\*", text).group(1))
    assert composite == pytest.approx(sum(float(r[3]) for r in rows) / len(rows), abs=0.01)
