"""External benchmarks: each member's GEALC score (composite or a dimension) against an
independent assessment from the survey nearest to the data year — an index of the UN
E-Government Survey, or the World Bank GovTech Maturity Index (a composite, or the GTMI questions
the crosswalk matches with the dimension) — with the relation (Spearman ρ, the Theil–Sen line of
the score on the benchmark), the divergences that survive the false-discovery control, and why a
dimension is paired with its benchmark. Pure functions over query results."""

from __future__ import annotations

import pandas as pd

from app.display import fmt_rank, formatted
from indicators.comparison import FALSE_DISCOVERY_RATE, egdi_level, nearest_survey, relation
from indicators.gtmi import DimensionMatch, Gtmi
from indicators.scoring import COMPOSITE_ID
from locales.formats import fmt_number
from locales.messages import N_, t, tn

SOURCES = ("un", "gtmi")  # the UN E-Government Survey, the World Bank GTMI
UN_INDICES = ("EGDI", "OSI", "HCI", "TII", "EPI")
# Each UN index's name, with what it measures.
INDEX_NAMES = {
    "EGDI": N_("EGDI (desarrollo de gobierno electrónico)"),
    "OSI": N_("OSI (servicios en línea)"),
    "HCI": N_("HCI (capital humano)"),
    "TII": N_("TII (infraestructura de telecomunicaciones)"),
    "EPI": N_("EPI (participación electrónica)"),
}
# Each external benchmark's name.
SOURCE_NAMES = {
    "un": N_("Encuesta de la ONU"),
    "gtmi": N_("GTMI del Banco Mundial"),
}
MATCHED = "matched"  # the GTMI questions the crosswalk matches with a dimension, as one 0–1 figure


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


def gtmi_match(measure: str, ref: Gtmi) -> DimensionMatch | None:
    """The crosswalk entry of dimension `measure`; None for the GEALC composite."""
    return None if measure == COMPOSITE_ID else ref.crosswalk(measure)


def gtmi_counterpart(measure: str, ref: Gtmi) -> bool:
    """Whether the GTMI measures what `measure` measures: the composite (read against the GTMI
    as against the EGDI) or a dimension the crosswalk matches directly. The GTMI does not
    measure a dimension matched `none`: it is shown against the composites, never flagged."""
    match = gtmi_match(measure, ref)
    return match is None or match.match == "direct"


def gtmi_choices(measure: str, ref: Gtmi) -> list[str]:
    """The GTMI figures `measure` can be read against: a directly matched dimension's questions,
    then the five composites (only these for the GEALC composite and the dimensions the GTMI
    does not measure)."""
    composites = [c.id for c in ref.composites]
    match = gtmi_match(measure, ref)
    return [MATCHED, *composites] if match and match.match == "direct" else composites


def default_gtmi(measure: str, ref: Gtmi) -> str:
    """The GTMI figure a measure is read against by default: a directly matched dimension's
    questions, else the composite the crosswalk names, else the GTMI itself."""
    match = gtmi_match(measure, ref)
    if match is not None and match.match == "direct":
        return MATCHED
    return (match.composite if match else None) or "gtmi"


def gtmi_index(measure: str, asked: str | None, ref: Gtmi) -> str:
    """The GTMI figure shown: the one asked for when `measure` can be read against it, else the
    measure's default (the matched questions, kept in the URL from a dimension the GTMI
    measures, do not exist for one it does not)."""
    return asked if asked in gtmi_choices(measure, ref) else default_gtmi(measure, ref)


def gtmi_label(measure: str, index: str, ref: Gtmi, lang: str) -> str:
    """A GTMI figure as a reader sees it: the matched questions with their ids, or a composite's
    abbreviation and name."""
    match = gtmi_match(measure, ref)
    if index == MATCHED and match is not None:
        # Non-breaking hyphens: a line never breaks inside an id (I-\n42).
        ids = ", ".join(i.replace("-", "\u2011") for i in match.indicators)
        return t("Preguntas del GTMI ({ids})", lang, ids=ids)
    name = next(c.name.get(lang) for c in ref.composites if c.id == index)
    return f"{index.upper()} ({name})"


def gtmi_option(measure: str, index: str, ref: Gtmi, lang: str) -> str:
    """A GTMI figure as the choice of figures lists it: its label, said not to be a counterpart
    of a dimension the GTMI does not measure."""
    label = gtmi_label(measure, index, ref, lang)
    return (
        label
        if gtmi_counterpart(measure, ref)
        else t("No es un equivalente: {name}", lang, name=label)
    )


def gtmi_axis(index: str, lang: str) -> str:
    """The short name of a GTMI figure, for a chart's axis and a table's heading."""
    return t("Preguntas del GTMI (0–1)", lang) if index == MATCHED else index.upper()


def gtmi_rationale(measure: str, index: str, ref: Gtmi, lang: str) -> str | None:
    """Why the crosswalk reads dimension `measure` against GTMI `index` (its matched questions
    or the composite it names); None for the composite, a figure the reader chose instead, or a
    dimension the GTMI does not measure (see gtmi_absent)."""
    match = gtmi_match(measure, ref)
    if match is None or match.match != "direct" or index not in (MATCHED, match.composite):
        return None
    return match.rationale.get(lang)


def gtmi_absent(measure: str, ref: Gtmi, lang: str) -> str | None:
    """The crosswalk's reason why the GTMI has no counterpart of dimension `measure`; None when
    it has one."""
    match = gtmi_match(measure, ref)
    return match.rationale.get(lang) if match and match.match == "none" else None


def fdr(lang: str) -> str:
    """The false discovery rate as a percentage written the language's way (5%, 5 % in French)."""
    return fmt_number(100 * FALSE_DISCOVERY_RATE, lang, 0) + ("\u202f%" if lang == "fr" else "%")


def levels(egov: pd.DataFrame, year: int) -> pd.Series:
    """Each member's UN EGDI group in the survey nearest to `year` (index iso3)."""
    near = nearest_survey(egov, [year])
    return near.set_index("iso3")["egdi"].map(egdi_level) if len(near) else pd.Series(dtype=object)


def _nearest(surveys: pd.DataFrame, year: int, by: str) -> pd.DataFrame:
    """Each country's row of the survey nearest to `year` with a value in `by` (index iso3);
    no rows, with the surveys' columns, when none has one."""
    near = nearest_survey(surveys, [year], by=by) if not surveys.empty else surveys
    return (near if len(near) else surveys.iloc[:0]).set_index("iso3")


def _crosscheck(
    scores: pd.DataFrame,
    members: pd.DataFrame,
    measure: str,
    benchmark: pd.DataFrame,
    *,
    flag: bool = True,
) -> tuple[pd.DataFrame, dict | None]:
    """One row per member: its `benchmark` columns (index iso3; `benchmark` the x value), the
    GEALC score and rank of `measure`, and — with `flag` — its residual, p-value,
    Benjamini–Hochberg q-value and whether it is a flagged divergence. With the relation."""
    level, key = ("composite", COMPOSITE_ID) if measure == COMPOSITE_ID else ("dimension", measure)
    mine = scores[(scores["level"] == level) & (scores["id"] == key)]
    # A dimension the country reported nothing in scores 0 by rule: no self-report to check.
    mine = mine[(mine["coverage"] > 0) | (level != "dimension")].set_index("iso3")
    out = members[["iso3", "name", "subregion"]].copy()
    for column in benchmark.columns:
        out[column] = out["iso3"].map(benchmark[column])
    for column in ("score", "rank", "rank_low", "rank_high"):
        out[column] = out["iso3"].map(mine[column]) if column in mine else None
    found = relation(
        pd.to_numeric(out.set_index("iso3")["benchmark"]), out.set_index("iso3")["score"]
    )
    checked = found if flag else None
    out["flagged"] = (
        out["iso3"].map(checked["flagged"]).fillna(False).astype(bool) if checked else False
    )
    for column in ("residual", "p_value", "q_value"):
        out[column] = out["iso3"].map(checked[column]) if checked else None
    return out, found


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
    the index's value there (`benchmark`), the UN EGDI rank and level, the GEALC score and rank
    of `measure`, its residual, p-value, Benjamini–Hochberg q-value and whether it is a flagged
    divergence (q below the false discovery rate). With the relation (ρ, Theil–Sen line) or
    None."""
    near = _nearest(egov, year, "egdi")
    benchmark = pd.DataFrame(
        {
            "survey_year": near["survey_year"],
            "benchmark": near[index.lower()],
            "egdi_rank": near["egdi_rank"],
            "egdi_level": near["egdi"].map(egdi_level),
        }
    )
    return _crosscheck(scores, members, measure, benchmark)


def gtmi_surveys(
    gtmi: pd.DataFrame, answers: pd.DataFrame, measure: str, ref: Gtmi
) -> pd.DataFrame:
    """Each member's GTMI per survey: iso3, survey_year, the five composites, the group and
    `matched`, the mean share of the top level over the questions matched with `measure` (NaN
    for the composite and a dimension the GTMI does not measure, or a survey without questions).
    `gtmi`: iso3, year, gtmi, cgsi, psdi, dcei, gtei, group; `answers`: iso3, year,
    indicator_id, value."""
    surveys = gtmi.rename(columns={"year": "survey_year"})
    measured = gtmi_match(measure, ref) is not None
    rows = [
        (
            iso3,
            year,
            ref.matched_mean(dict(zip(g["indicator_id"], g["value"], strict=True)), measure),
        )
        for (iso3, year), g in (answers.groupby(["iso3", "year"]) if measured else [])
    ]
    matched = pd.DataFrame(rows, columns=["iso3", "survey_year", MATCHED]).astype({MATCHED: float})
    return surveys.merge(matched, on=["iso3", "survey_year"], how="outer")


def gtmi_pairs(
    scores: pd.DataFrame,
    surveys: pd.DataFrame,
    members: pd.DataFrame,
    year: int,
    measure: str,
    *,
    index: str,
    ref: Gtmi,
) -> tuple[pd.DataFrame, dict | None]:
    """One row per member in `members`: the GTMI survey nearest to `year` with the figure
    `index` (`matched` or a composite id), its value there (`benchmark`, 0–1), the World Bank
    group of that survey (`gtmi_group`; the GTMI publishes groups, not ranks), and the GEALC
    score, rank and divergence as `pairs` gives them — no divergence is flagged for a dimension
    the GTMI does not measure. `surveys`: the output of gtmi_surveys."""
    near = _nearest(surveys, year, index)
    benchmark = pd.DataFrame(
        {
            "survey_year": near["survey_year"],
            "benchmark": near[index],
            "gtmi_group": near["group"],
        }
    )
    flag = gtmi_counterpart(measure, ref)
    return _crosscheck(scores, members, measure, benchmark, flag=flag)


def sentence(
    frame: pd.DataFrame,
    fit: dict | None,
    measure: str,
    index: str,
    lang: str,
    *,
    compared: bool = True,
) -> str:
    """The relation in words (Spearman ρ, countries, divergences beyond chance at the false
    discovery rate — or, not `compared`, that none is looked for), or why there is none."""
    if fit:
        relation = t(
            "Correlación de rangos de Spearman entre {measure} y {index}: ρ = {rho} ({n} países).",
            lang,
            rho=fmt_number(fit["spearman_rho"], lang, 2),
            measure=measure,
            index=index,
            n=fit["countries"],
        )
        flagged = int(frame["flagged"].sum())
        if not compared:
            divergence = t("No se señalan divergencias: el GTMI no mide esta dimensión.", lang)
        elif flagged:
            divergence = tn(
                "{n} país se aparta de la recta robusta (Theil–Sen) más de lo que explica el azar, "
                "con una tasa de falsos descubrimientos (FDR) del {fdr}.",
                "{n} países se apartan de la recta robusta (Theil–Sen) más de lo que explica el "
                "azar, con una tasa de falsos descubrimientos (FDR) del {fdr}.",
                flagged,
                lang,
                fdr=fdr(lang),
            )
        else:
            divergence = t(
                "Ningún país se aparta de la recta robusta (Theil–Sen) más de lo que explica el "
                "azar, con una tasa de falsos descubrimientos (FDR) del {fdr}.",
                lang,
                fdr=fdr(lang),
            )
        return f"{relation} {divergence}"
    both = int(frame[["benchmark", "score"]].notna().all(axis=1).sum())
    if not both:
        return t(
            "Ningún país tiene ambos valores: se necesitan al menos 5 para medir la relación.", lang
        )
    return tn(
        "Solo {n} país tiene ambos valores: se necesitan al menos 5 para medir la relación.",
        "Solo {n} países tienen ambos valores: se necesitan al menos 5 para medir la relación.",
        both,
        lang,
    )


def shown(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The pairs as a table shows them: numbers in the language, ranks with their range, the
    survey year, the UN rank or the GTMI group ('not assessed' without one) and the divergence
    mark."""
    out = formatted(frame, {"benchmark": 3, "score": 1}, lang)
    out["survey_year"] = [str(int(y)) if pd.notna(y) else "—" for y in frame["survey_year"]]
    if "egdi_rank" in frame:
        out["egdi_rank"] = [
            str(int(r)) if pd.notna(r) else t("no evaluado", lang) for r in frame["egdi_rank"]
        ]
    if "gtmi_group" in frame:
        out["gtmi_group"] = [
            g if isinstance(g, str) else t("no evaluado", lang) for g in frame["gtmi_group"]
        ]
    out["gealc_rank"] = [fmt_rank(r.rank, r.rank_low, r.rank_high) for r in frame.itertuples()]
    flag = t("lejos de la recta (FDR {fdr}), revisar", lang, fdr=fdr(lang))
    out["divergence"] = [flag if f else "" for f in frame["flagged"]]
    return out


def gtmi_groups(ref: Gtmi, lang: str) -> str:
    """The World Bank's groups A–D in words, for the note under a table that shows them."""
    return t(
        "El Banco Mundial clasifica a los países en grupos, no en posiciones: {groups}.",
        lang,
        groups=t("; ", lang).join(g.label.get(lang) for g in ref.groups),  # spaced the French way
    )


def gtmi_citation(ref: Gtmi, lang: str) -> str:
    """What every GTMI figure shown must cite: the World Bank's dataset and its licence."""
    return f"{ref.source.citation.get(lang)}, {ref.source.licence.replace('-', ' ')}"
