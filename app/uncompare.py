"""UN comparison: each member's GEALC score (composite or a dimension) against a UN index of
the nearest survey, with the relation (Spearman ρ, the Theil–Sen line of the score on the index),
the divergences that survive the false-discovery control, and why a dimension is paired with its
index — pure functions over query results."""

from __future__ import annotations

import pandas as pd

from app.i18n import fmt_number, fmt_rank, formatted, t
from indicators.comparison import FALSE_DISCOVERY_RATE, egdi_level, nearest_survey, relation
from indicators.scoring import COMPOSITE_ID

UN_INDICES = ("EGDI", "OSI", "HCI", "TII", "EPI")


def default_index(measure: str, dims: pd.DataFrame) -> str:
    """The UN index a measure is read against by default: its dimension's counterpart, EGDI for
    the composite."""
    counterpart = dims.set_index("dimension_id")["un_counterpart"]
    return str(counterpart.get(measure, "EGDI")).upper()


def rationale(measure: str, index: str, dims: pd.DataFrame, texts: dict[str, str]) -> str | None:
    """Why the catalogue reads dimension `measure` against UN `index` (`texts`: the rationale of
    each dimension); None for the composite, for an index the reader chose instead of the
    dimension's counterpart, or when the warehouse holds no rationale."""
    counterpart = dims.set_index("dimension_id")["un_counterpart"]
    return texts.get(measure) if counterpart.get(measure) == index else None


def fdr(lang: str) -> str:
    """The false discovery rate as a percentage written the language's way (5%, 5 % in French)."""
    return fmt_number(100 * FALSE_DISCOVERY_RATE, lang, 0) + ("\u202f%" if lang == "fr" else "%")


def levels(egov: pd.DataFrame, year: int) -> pd.Series:
    """Each member's UN EGDI group in the survey nearest to `year` (index iso3)."""
    near = nearest_survey(egov, [year])
    return near.set_index("iso3")["egdi"].map(egdi_level) if len(near) else pd.Series(dtype=object)


def pairs(
    scores: pd.DataFrame,
    egov: pd.DataFrame,
    members: pd.DataFrame,
    year: int,
    measure: str,
    *,
    index: str,
) -> tuple[pd.DataFrame, dict | None]:
    """One row per member in `members` (iso3, name, subregion): the UN survey nearest to `year`,
    the index's value there, the UN EGDI rank and level, the GEALC score and rank of `measure`,
    its residual, p-value, Benjamini–Hochberg q-value and whether it is a flagged divergence
    (q below the false discovery rate). With the relation (ρ, Theil–Sen line) or None."""
    level, key = ("composite", COMPOSITE_ID) if measure == COMPOSITE_ID else ("dimension", measure)
    mine = scores[(scores["level"] == level) & (scores["id"] == key)]
    # A dimension the country reported nothing in scores 0 by rule: no self-report to check.
    mine = mine[(mine["coverage"] > 0) | (level != "dimension")].set_index("iso3")
    near = (
        nearest_survey(egov, [year]).set_index("iso3")
        if not egov.empty
        else pd.DataFrame(columns=["survey_year"])
    )
    out = members[["iso3", "name", "subregion"]].copy()
    out["survey_year"] = out["iso3"].map(near["survey_year"]) if len(near) else None
    out["un_value"] = out["iso3"].map(near[index.lower()]) if len(near) else None
    out["egdi_rank"] = out["iso3"].map(near["egdi_rank"]) if len(near) else None
    out["egdi_level"] = out["iso3"].map(near["egdi"]).map(egdi_level) if len(near) else None
    for column in ("score", "rank", "rank_low", "rank_high"):
        out[column] = out["iso3"].map(mine[column]) if column in mine else None
    found = relation(out.set_index("iso3")["un_value"], out.set_index("iso3")["score"])
    out["flagged"] = (
        out["iso3"].map(found["flagged"]).fillna(False).astype(bool) if found else False
    )
    for column in ("residual", "p_value", "q_value"):
        out[column] = out["iso3"].map(found[column]) if found else None
    return out, found


def sentence(frame: pd.DataFrame, fit: dict | None, measure: str, index: str, lang: str) -> str:
    """The relation in words (Spearman ρ, countries, divergences beyond chance at the false
    discovery rate), or why there is none."""
    if fit:
        return t(
            "un_relation",
            lang,
            rho=fmt_number(fit["spearman_rho"], lang, 2),
            measure=measure,
            index=index,
            n=fit["countries"],
            flagged=int(frame["flagged"].sum()),
            fdr=fdr(lang),
        )
    return t("un_too_few", lang, n=int(frame[["un_value", "score"]].notna().all(axis=1).sum()))


def shown(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The pairs as a table shows them: numbers in the language, ranks with their range, the
    survey year, 'not assessed' and the divergence mark."""
    out = formatted(frame, {"un_value": 3, "score": 1}, lang)
    out["survey_year"] = [str(int(y)) if pd.notna(y) else "—" for y in frame["survey_year"]]
    out["egdi_rank"] = [
        str(int(r)) if pd.notna(r) else t("not_assessed", lang) for r in frame["egdi_rank"]
    ]
    out["gealc_rank"] = [fmt_rank(r.rank, r.rank_low, r.rank_high) for r in frame.itertuples()]
    flag = t("divergence_yes", lang, fdr=fdr(lang))
    out["divergence"] = [flag if f else "" for f in frame["flagged"]]
    return out
