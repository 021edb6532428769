"""UN comparison: each member's GEALC score (composite or a dimension) against a UN index of
the nearest survey, with the relation and its divergences — pure functions over query results."""
from __future__ import annotations

import pandas as pd

from indicators.comparison import egdi_level, nearest_survey, relation
from indicators.scoring import COMPOSITE_ID

UN_INDICES = ("EGDI", "OSI", "HCI", "TII", "EPI")


def default_index(measure: str, dims: pd.DataFrame) -> str:
    """The UN index a measure is read against by default: its dimension's counterpart, EGDI for the composite."""
    counterpart = dims.set_index("dimension_id")["un_counterpart"]
    return str(counterpart.get(measure, "EGDI")).upper()


def levels(egov: pd.DataFrame, year: int) -> pd.Series:
    """Each member's UN EGDI group in the survey nearest to `year` (index iso3)."""
    near = nearest_survey(egov, [year])
    return near.set_index("iso3")["egdi"].map(egdi_level) if len(near) else pd.Series(dtype=object)


def pairs(scores: pd.DataFrame, egov: pd.DataFrame, members: pd.DataFrame, year: int, measure: str,
          index: str) -> tuple[pd.DataFrame, dict | None]:
    """One row per member in `members` (iso3, name, subregion): the UN survey nearest to `year`,
    the index's value there, the UN EGDI rank and level, the GEALC score and rank of `measure`,
    its residual and whether it is a flagged divergence. With the relation (ρ, line) or None."""
    level, key = ("composite", COMPOSITE_ID) if measure == COMPOSITE_ID else ("dimension", measure)
    mine = scores[(scores["level"] == level) & (scores["id"] == key)].set_index("iso3")
    near = nearest_survey(egov, [year]).set_index("iso3") if not egov.empty else pd.DataFrame(columns=["survey_year"])
    out = members[["iso3", "name", "subregion"]].copy()
    out["survey_year"] = out["iso3"].map(near["survey_year"]) if len(near) else None
    out["un_value"] = out["iso3"].map(near[index.lower()]) if len(near) else None
    out["egdi_rank"] = out["iso3"].map(near["egdi_rank"]) if len(near) else None
    out["egdi_level"] = out["iso3"].map(near["egdi"]).map(egdi_level) if len(near) else None
    for column in ("score", "rank", "rank_low", "rank_high"):
        out[column] = out["iso3"].map(mine[column]) if column in mine else None
    found = relation(out.set_index("iso3")["un_value"], out.set_index("iso3")["score"])
    out["flagged"] = out["iso3"].map(found["flagged"]).fillna(False).astype(bool) if found else False
    out["residual"] = out["iso3"].map(found["residual"]) if found else None
    return out, found
