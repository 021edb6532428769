"""Compare countries: the view's parameters checked against what exists, a default peer set,
and the comparison table beside the UN survey and the World Bank GTMI — pure functions over
query results."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from app.display import fmt_rank
from app.pages.home.headlines import nearest_survey_year
from app.urls import choose, countries
from indicators.comparison import nearest_survey
from indicators.scoring import COMPOSITE_ID
from locales.messages import N_, t

MIN_COUNTRIES, MAX_COUNTRIES = 2, 8
RANK_FIELDS = ("rank", "rank_low", "rank_high")


@dataclass
class CompareView:
    countries: list[str]
    year: int | None
    dimension: str | None
    problems: list[tuple[str, str]] = field(
        default_factory=list
    )  # (parameter, value) that fell back
    left_out: list[str] = field(default_factory=list)  # valid countries past the eighth


def default_peers(scores: pd.DataFrame, subregions: pd.Series, per_subregion: int = 2) -> list[str]:
    """The best `per_subregion` composites of each subregion: a region-wide peer set."""
    composite = scores[(scores["level"] == "composite") & scores["score"].notna()].copy()
    composite["subregion"] = composite["iso3"].map(subregions)
    best = composite.sort_values("score", ascending=False).groupby("subregion").head(per_subregion)
    return best.sort_values("score", ascending=False)["iso3"].tolist()


def read_view(
    query: dict[str, str], members: list[str], years: list[int], dimensions: list[str]
) -> CompareView:
    """The view in the URL, with anything unknown dropped and remembered for a notice."""
    asked = countries(query, members, MAX_COUNTRIES)
    view = CompareView(asked.chosen, years[0] if years else None, None, asked.problems)
    view.left_out = asked.left_out
    view.year, bad_year = choose(query, "year", years, view.year, int)
    view.dimension, bad_dimension = choose(query, "dimension", dimensions, None, str.upper)
    view.problems += [(k, v) for k, v in (("year", bad_year), ("dimension", bad_dimension)) if v]
    return view


def comparison_table(
    scores: pd.DataFrame,
    egov: pd.DataFrame,
    names: pd.Series,
    countries: list[str],
    dimensions: pd.DataFrame,
    *,
    year: int,
) -> pd.DataFrame:
    """One row per chosen country: UN EGDI (nearest survey) and rank, GEALC composite, rank with
    its range, how many indicators it reported, and each dimension score. Columns by id (the page
    heads them with `headings`), numbers stay numbers (the download is this table)."""
    mine = scores[scores["iso3"].isin(countries)]
    comp = mine[mine["level"] == "composite"].set_index("iso3")
    near = (
        nearest_survey(egov[egov["iso3"].isin(countries)], [year]).set_index("iso3")
        if not egov.empty
        else pd.DataFrame()
    )
    rows = []
    for iso3 in countries:
        row = {"name": names.get(iso3, iso3), "iso3": iso3}
        un = near.loc[iso3] if iso3 in near.index else None
        row["un_survey"] = int(un["survey_year"]) if un is not None else None
        row["egdi"] = float(un["egdi"]) if un is not None else None
        row["egdi_rank"] = (
            int(un["egdi_rank"]) if un is not None and pd.notna(un["egdi_rank"]) else None
        )
        c = comp.loc[iso3] if iso3 in comp.index else None
        row[COMPOSITE_ID] = float(c["score"]) if c is not None and pd.notna(c["score"]) else None
        for field_name in RANK_FIELDS:  # numbers: the page writes "4 (3–6)", a download keeps three
            value = c[field_name] if c is not None else None
            row[field_name] = int(value) if value is not None and pd.notna(value) else None
        row["coverage"] = int(c["coverage"]) if c is not None else 0
        dims = mine[(mine["iso3"] == iso3) & (mine["level"] == "dimension")].set_index("id")[
            "score"
        ]
        for d in dimensions["dimension_id"]:
            value = dims.get(d)
            row[d] = float(value) if value is not None and pd.notna(value) else None
        rows.append(row)
    return pd.DataFrame(rows).astype(dict.fromkeys(RANK_FIELDS, "Int64"))


def with_gtmi(table: pd.DataFrame, gtmi: pd.DataFrame, *, year: int) -> pd.DataFrame:
    """The comparison table with each country's World Bank GTMI after its UN figures: the GTMI
    survey nearest the data year that assessed it (the earlier on a tie, as for the UN), its
    group (A–D: the World Bank publishes groups, not ranks) and its GTMI value (0–1).
    `gtmi`: iso3, year, gtmi, group."""
    assessed = gtmi[gtmi["gtmi"].notna()]
    found = []
    for iso3 in table["iso3"]:
        mine = assessed[assessed["iso3"] == iso3].set_index("year")
        survey = nearest_survey_year([int(y) for y in mine.index], year)
        found.append(mine.loc[survey] if survey is not None else None)
    columns = {
        "gtmi_survey": pd.array(
            [int(r.name) if r is not None else None for r in found], dtype="Int64"
        ),
        "gtmi_group": [r["group"] if r is not None else None for r in found],
        "gtmi": pd.Series(
            [float(r["gtmi"]) if r is not None else None for r in found], dtype=float
        ).to_numpy(),
    }
    out = table.copy()
    at = out.columns.get_loc("egdi_rank") + 1
    for n, (column, values) in enumerate(columns.items()):
        out.insert(at + n, column, values)
    return out


# The comparison table's headings on the page, by column id; a dimension's column is headed by
# its id and name, the indicators reported by how many there are.
HEADINGS = {
    "name": N_("País"),
    "iso3": N_("ISO3"),
    "un_survey": N_("Encuesta ONU"),
    "egdi_rank": N_("Posición ONU"),
    "gtmi_survey": N_("Encuesta GTMI"),
    "gtmi_group": N_("Grupo GTMI"),
    COMPOSITE_ID: N_("Compuesto GEALC"),
    "rank_range": N_("Posición GEALC (rango)"),
}


def headings(dimensions: pd.DataFrame, total: int, lang: str) -> dict[str, str]:
    """Each column of the comparison table with its heading on the page."""
    return {
        **{c: t(h, lang) for c, h in HEADINGS.items()},
        "egdi": "EGDI",
        "gtmi": "GTMI",
        "coverage": t("Indicadores reportados (de {total})", lang, total=total),
        **{
            d: f"{d} {n}"
            for d, n in zip(dimensions["dimension_id"], dimensions["name"], strict=True)
        },
    }


def wide_scores(
    scores: pd.DataFrame, countries: list[str], names: pd.Series, ids: list[str]
) -> pd.DataFrame:
    """One row per country (in the order given) with its `name` and a score column per id in
    `ids` (missing stays missing) — the shape every comparison figure takes."""
    wide = scores[scores["iso3"].isin(countries)].pivot_table(
        index="iso3", columns="id", values="score", dropna=False
    )
    wide = wide.reindex(index=countries, columns=ids).reset_index()
    return wide.assign(name=wide["iso3"].map(names))


def shown_ranks(summary: pd.DataFrame) -> pd.Series:
    """Each row's rank with its range as the page writes it: `4 (3–6)`, `—` when unranked."""
    return pd.Series(
        [fmt_rank(r.rank, r.rank_low, r.rank_high) for r in summary.itertuples()],
        index=summary.index,
    )


def table_decimals(summary: pd.DataFrame) -> dict[str, int]:
    """How many decimals each numeric column of the comparison table shows."""
    text = {"name", "iso3", "un_survey", "gtmi_survey", "gtmi_group", *RANK_FIELDS}
    return {
        c: 3
        if c in ("egdi", "gtmi")
        else 0
        if c == "egdi_rank" or pd.api.types.is_integer_dtype(summary[c])
        else 1
        for c in summary.columns
        if c not in text
    }
