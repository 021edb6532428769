"""`gealc methodology`: write the methodology document from the catalogue in use, with its
worked example computed from the demonstration data exactly as `gealc build --demo` loads it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd

from etl.demo import write_demo
from etl.submission.read import read_submission
from etl.submission.validate import check_rows
from etl.un_egov import read_reference
from indicators.catalogue import Catalogue
from indicators.countries import Members
from indicators.methodology import DOCUMENTS, render_methodology

EXAMPLE = ("URY", 2024)
OUTPUTS = DOCUMENTS  # what `gealc methodology` writes


def demo_values(catalogue: Catalogue, members: Members) -> pd.DataFrame:
    """The demonstration values (iso3, year, indicator_id, value), read and checked like a load."""
    with tempfile.TemporaryDirectory() as folder:
        paths = write_demo(catalogue, members, read_reference(), Path(folder))
        frames = [check_rows(read_submission(p), catalogue, members).observations for p in paths]
    return pd.concat(frames, ignore_index=True)[["iso3", "year", "indicator_id", "value"]]


def methodology_text(catalogue: Catalogue, members: Members, lang: str) -> str:
    iso3, year = EXAMPLE
    values = demo_values(catalogue, members)
    values = values[values["year"] == year]
    example = pd.concat(
        [values[values["iso3"] == iso3], values[values["iso3"] != iso3]], ignore_index=True
    )
    return render_methodology(catalogue, example, members.by_iso3[iso3].name.get(lang), lang)
