"""The statistical audit of a release as the data page and the report show it: the sensitivity
of the ranking to each factor of the method and the coherence of the dimensions, as tables with
their sentences. Pure functions over the release's `statistics` rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from indicators import coherence, uncertainty
from indicators.scoring import COMPOSITE_ID
from locales.formats import fmt_number, fmt_percent
from locales.messages import N_, t, tn


@dataclass
class AuditTable:
    """One part of the audit as shown: heading, sentence, and the table with its cells as text."""

    key: str
    title: str
    sentence: str
    frame: pd.DataFrame
    columns: list[tuple[str, str]]  # (column, heading)
    numeric: set[str]


def audit_years(stats: pd.DataFrame) -> list[int]:
    """Years the release has an audit for, newest first."""
    return sorted({int(y) for y in stats["year"]}, reverse=True)


def _of(stats: pd.DataFrame, year: int, analysis: str) -> pd.DataFrame:
    return stats[(stats["year"] == year) & (stats["analysis"] == analysis)]


# How far each factor of the uncertainty analysis was varied, in words.
RANGES = {
    "indicator_weights": N_("cada peso ×{low}–{high}"),
    "dimension_weights": N_("cada peso ×{low}–{high}"),
    "goalposts": N_("cada umbral ±{shift} de la distancia entre ambos"),
    "aggregation": N_("media aritmética o geométrica"),
    "missing_data": N_("no reportado = 0, con penalización γ de {low} a {high}"),
}

# Each factor's name.
FACTOR_NAMES = {
    "indicator_weights": N_("Pesos de los indicadores"),
    "dimension_weights": N_("Pesos de las dimensiones"),
    "goalposts": N_("Umbrales (0 y 100)"),
    "aggregation": N_("Agregación"),
    "missing_data": N_("Regla de lo no reportado"),
}


def provenance(label: str, year: int, lang: str) -> str:
    """Where the audit of `year` comes from and what it answers."""
    return t(
        "Calculada al publicar la versión {label} y guardada con ella: cuánto depende la "
        "clasificación de {year} de cada decisión del método, y si los indicadores de cada "
        "dimensión miden lo mismo (Manual OCDE/JRC de indicadores compuestos).",
        lang,
        label=label,
        year=year,
    )


def factor_range(factor: str, lang: str) -> str:
    """The range a factor was varied over, in words."""
    spread = uncertainty.WEIGHT_SPREAD
    low, high = uncertainty.PENALTY_RANGE
    values = {
        "indicator_weights": {
            "low": fmt_number(1 - spread, lang),
            "high": fmt_number(1 + spread, lang),
        },
        "dimension_weights": {
            "low": fmt_number(1 - spread, lang),
            "high": fmt_number(1 + spread, lang),
        },
        "goalposts": {"shift": fmt_percent(uncertainty.GOALPOST_SHIFT, lang)},
        "aggregation": {},
        "missing_data": {"low": fmt_number(low, lang, 0), "high": fmt_number(high, lang, 0)},
    }[factor]
    return t(RANGES[factor], lang, **values)


def sensitivity_table(stats: pd.DataFrame, year: int, lang: str) -> pd.DataFrame:
    """One row per factor (the module's order): its name, range, and first-order and total-effect
    indices as shares (negative estimates, sampling noise around 0, shown as 0)."""
    found = _of(stats, year, "sensitivity").pivot_table(
        index="item", columns="measure", values="value"
    )
    found = found.reindex(list(uncertainty.FACTORS))
    return pd.DataFrame(
        {
            "factor_id": list(uncertainty.FACTORS),
            "factor": [t(FACTOR_NAMES[f], lang) for f in uncertainty.FACTORS],
            "range": [factor_range(f, lang) for f in uncertainty.FACTORS],
            "first_order": found["first_order"].clip(lower=0).to_numpy(),
            "total_effect": found["total_effect"].clip(lower=0).to_numpy(),
        }
    )


def sensitivity_sentence(table: pd.DataFrame, year: int, lang: str) -> str:
    """Which factor moves the ranking most, and how much."""
    if table.empty or not (table["total_effect"] > 0).any():
        return t("Ninguna decisión del método mueve la clasificación de {year}.", lang, year=year)
    top = table.sort_values("total_effect", ascending=False).iloc[0]
    return t(
        "De lo que varían las posiciones entre las variantes del método (desplazamiento medio de "
        "posición), el factor «{factor}» explica por sí solo el {first} y, con sus interacciones, "
        "el {total}.",
        lang,
        factor=top["factor"],
        first=fmt_percent(top["first_order"], lang),
        total=fmt_percent(top["total_effect"], lang),
    )


def _warnings(found: pd.DataFrame, lang: str) -> pd.Series:
    """One warning text per flagged item (several joined by '; ')."""
    texts = {
        "alpha": lambda r: t(
            "α < {floor}: sus indicadores no miden lo mismo",
            lang,
            floor=fmt_number(coherence.ALPHA_FLOOR, lang, 1),
        ),
        "components": lambda r: t("más de una dimensión latente", lang),
        "weak": lambda r: t(
            "correlación con su dimensión < {floor}",
            lang,
            floor=fmt_number(coherence.WEAK_CORRELATION, lang, 1),
        ),
        "redundant": lambda r: t(
            "correlación > {ceiling} con {other}: redundante",
            lang,
            ceiling=fmt_number(coherence.REDUNDANT_CORRELATION, lang),
            other=r["other"],
        ),
        "weight": lambda r: t("peso efectivo fuera de ½–2 × el nominal", lang),
    }
    if found.empty:
        return pd.Series(dtype=object)
    words = pd.Series([texts[r["rule"]](r) for _, r in found.iterrows()], index=found["item"])
    return words.groupby(level=0).agg("; ".join)


def coherence_flags(
    stats: pd.DataFrame, year: int, dimension_of: Mapping[str, str]
) -> pd.DataFrame:
    """The year's statistics beyond the handbook's thresholds (`coherence.flags`)."""
    return coherence.flags(_of(stats, year, "coherence"), dimension_of)


def coherence_table(
    stats: pd.DataFrame, year: int, names: pd.DataFrame, dimension_of: Mapping[str, str], lang: str
) -> pd.DataFrame:
    """One row per dimension and one for the composite (its six dimensions): countries with
    complete data, Cronbach's α, first-component share, eigenvalues above 1, and warnings.
    `names`: dimension_id, name."""
    found = _of(stats, year, "coherence")
    found = found[found["other"] == ""].pivot_table(index="item", columns="measure", values="value")
    labels = dict(zip(names["dimension_id"], names["name"], strict=True))
    ids = [*names["dimension_id"], COMPOSITE_ID]
    found = found.reindex(index=ids, columns=["countries", "alpha", "pc1_share", "eigen_over_one"])
    flagged = coherence_flags(stats, year, dimension_of)
    warnings = _warnings(flagged[flagged["rule"].isin(["alpha", "components"])], lang)
    return pd.DataFrame(
        {
            "dimension_id": ids,
            "dimension": [
                f"{i} {labels[i]}" if i in labels else t("Compuesto GEALC", lang) for i in ids
            ],
            "countries": found["countries"].to_numpy(),
            "alpha": found["alpha"].to_numpy(),
            "pc1_share": found["pc1_share"].to_numpy(),
            "eigen_over_one": found["eigen_over_one"].to_numpy(),
            "warning": [warnings.get(i, "") for i in ids],
        }
    )


def weights_table(
    stats: pd.DataFrame, year: int, names: pd.DataFrame, dimension_of: Mapping[str, str], lang: str
) -> pd.DataFrame:
    """One row per indicator: nominal and effective weight (shares), correlation with its own
    dimension, and warnings. `names`: indicator_id, name."""
    found = _of(stats, year, "coherence")
    single = found[found["measure"].isin(["nominal_weight", "effective_weight"])].pivot_table(
        index="item", columns="measure", values="value"
    )
    own = found[found["measure"] == "r_dimension"].set_index("item")["value"]
    ids = list(names["indicator_id"])
    single = single.reindex(index=ids, columns=["nominal_weight", "effective_weight"])
    flagged = coherence_flags(stats, year, dimension_of)
    warnings = _warnings(flagged[flagged["rule"].isin(["weak", "redundant", "weight"])], lang)
    return pd.DataFrame(
        {
            "indicator_id": ids,
            "indicator": [f"{i} {n}" for i, n in zip(ids, names["name"], strict=True)],
            "nominal": single["nominal_weight"].to_numpy(),
            "effective": single["effective_weight"].to_numpy(),
            "r_dimension": own.reindex(ids).to_numpy(),
            "warning": [warnings.get(i, "") for i in ids],
        }
    )


def shown(
    frame: pd.DataFrame, shares: set[str], numbers: dict[str, int], lang: str
) -> pd.DataFrame:
    """A copy for display: shares as percentages, numbers in the language's format."""
    out = frame.copy()
    for column in shares:
        out[column] = [fmt_percent(v, lang) for v in frame[column]]
    for column, decimals in numbers.items():
        out[column] = [fmt_number(v, lang, decimals) for v in frame[column]]
    return out


def audit_tables(
    stats: pd.DataFrame, year: int, names: pd.DataFrame, indicators: pd.DataFrame, lang: str
) -> list[AuditTable]:
    """The audit of `year` as the data page and the report show it: sensitivity, coherence of
    the dimensions, nominal against effective weights. `names`: dimension_id, name;
    `indicators`: indicator_id, dimension_id, name."""
    dimension_of = dict(zip(indicators["indicator_id"], indicators["dimension_id"], strict=True))
    sensitivity = sensitivity_table(stats, year, lang)
    dims = coherence_table(stats, year, names, dimension_of, lang)
    weights = weights_table(stats, year, indicators, dimension_of, lang)
    flags = len(coherence_flags(stats, year, dimension_of))
    return [
        AuditTable(
            "sensitivity",
            t("Sensibilidad de la clasificación {year}", lang, year=year),
            sensitivity_sentence(sensitivity, year, lang),
            shown(sensitivity, {"first_order", "total_effect"}, {}, lang),
            [
                ("factor", t("Factor", lang)),
                ("range", t("Variación considerada", lang)),
                ("first_order", t("Efecto de primer orden", lang)),
                ("total_effect", t("Efecto total", lang)),
            ],
            {"first_order", "total_effect"},
        ),
        AuditTable(
            "coherence",
            t("Coherencia de las dimensiones, {year}", lang, year=year),
            tn(
                "{n} alerta: revise la fila marcada.",
                "{n} alertas: revise las filas marcadas.",
                flags,
                lang,
            )
            if flags
            else t("Ninguna dimensión pasa los umbrales de alerta del manual.", lang),
            shown(dims, {"pc1_share"}, {"countries": 0, "alpha": 2, "eigen_over_one": 0}, lang),
            [
                ("dimension", t("Dimensión", lang)),
                ("countries", t("Países con todos sus indicadores", lang)),
                ("alpha", t("α de Cronbach", lang)),
                ("pc1_share", t("Varianza del 1.er componente", lang)),
                ("eigen_over_one", t("Valores propios > 1", lang)),
                ("warning", t("Alerta", lang)),
            ],
            {"countries", "alpha", "pc1_share", "eigen_over_one"},
        ),
        AuditTable(
            "weights",
            t("Peso nominal y peso efectivo de cada indicador, {year}", lang, year=year),
            t(
                "El peso nominal es la parte del compuesto que le dan los pesos del catálogo; el "
                "efectivo, su correlación al cuadrado con el compuesto, normalizada. Muy "
                "distintos, el indicador pesa en los hechos más o menos de lo que dice el método.",
                lang,
            ),
            shown(weights, {"nominal", "effective"}, {"r_dimension": 2}, lang),
            [
                ("indicator", t("Indicador", lang)),
                ("nominal", t("Peso nominal", lang)),
                ("effective", t("Peso efectivo", lang)),
                ("r_dimension", t("Correlación con su dimensión", lang)),
                ("warning", t("Alerta", lang)),
            ],
            {"nominal", "effective", "r_dimension"},
        ),
    ]
