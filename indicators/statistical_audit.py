"""The statistical audit published with every release: for each year, the sensitivity of the
ranking to the method's choices (`indicators.uncertainty`) and the coherence of the scores
(`indicators.coherence`), as rows of one long table."""

from __future__ import annotations

import pandas as pd

from indicators import coherence, uncertainty
from indicators.catalogue import Catalogue
from indicators.model import Layout, value_matrix
from indicators.ranking import competition_ranks
from indicators.scoring import official_scores

AUDIT_COLUMNS = ["year", "analysis", "measure", "item", "other", "value"]
SENSITIVITY_MEASURES = ("first_order", "first_order_conf", "total_effect", "total_effect_conf")


def release_statistics(
    values: pd.DataFrame, scores: pd.DataFrame, catalogue: Catalogue
) -> pd.DataFrame:
    """Every statistic of every year: `values` (iso3, year, indicator_id, value) and their
    `scores` (the rows of `scoring.score_table`)."""
    layout = Layout.of(catalogue)
    frames = []
    for year, group in values.groupby("year"):
        matrix = value_matrix(group, layout)
        official = competition_ranks(official_scores(matrix, layout).composite[0])
        found = uncertainty.sensitivity(
            layout.scale(matrix.to_numpy(dtype=float)), layout, official
        )
        sensitivity = found.melt(
            id_vars="factor", value_vars=list(SENSITIVITY_MEASURES), var_name="measure"
        ).rename(columns={"factor": "item"})
        frames.append(sensitivity.assign(year=int(year), analysis="sensitivity", other=""))
        stats = coherence.coherence(scores[scores["year"] == year], catalogue)
        frames.append(stats.assign(year=int(year), analysis="coherence"))
    if not frames:
        return pd.DataFrame(columns=AUDIT_COLUMNS)
    out = pd.concat(frames, ignore_index=True)[AUDIT_COLUMNS]
    return out.sort_values(AUDIT_COLUMNS[:5]).reset_index(drop=True)
