"""The full data behind the charts, downloadable from every page: every score, every current
value, every UN figure and every World Bank GTMI figure of the members, in the page's language."""

from __future__ import annotations

import pandas as pd

from app import opendata, queries
from app.downloads import dataset
from app.release import Snapshot

FULL_SCORES, FULL_VALUES, FULL_UN = "scores", "values", "un-egov"
FULL_NOT_REPORTED = "not-reported"
FULL_GTMI, FULL_GTMI_INDICATORS = "gtmi", "gtmi-indicators"


@dataset(FULL_SCORES)
def _scores(db: Snapshot, args: dict[str, str], lang: str) -> pd.DataFrame:
    return queries.scores_all(db, lang)


@dataset(FULL_VALUES)
def _values(db: Snapshot, args: dict[str, str], lang: str) -> pd.DataFrame:
    return queries.values_all(db, lang)


@dataset(FULL_UN)
def _un(db: Snapshot, args: dict[str, str], lang: str) -> pd.DataFrame:
    return queries.egov_named(db, lang)


@dataset(FULL_NOT_REPORTED)
def _not_reported(db: Snapshot, args: dict[str, str], lang: str) -> pd.DataFrame:
    return queries.not_reported_all(db, lang)


@dataset(FULL_GTMI)
def _gtmi(db: Snapshot, args: dict[str, str], lang: str) -> pd.DataFrame:
    """The GTMI composites and group per survey: the rows of the API and the package."""
    return opendata.table(db, "gtmi", lang)


@dataset(FULL_GTMI_INDICATORS)
def _gtmi_indicators(db: Snapshot, args: dict[str, str], lang: str) -> pd.DataFrame:
    """The answers to the GTMI questions per survey, labelled in the page's language."""
    return opendata.table(db, "gtmi_indicators", lang)
