""" "GEALC en números": the headline figures of a year, each a sentence written from the data with
the table behind it (the World Bank GTMI's groups among them). Pure functions over query
results, so the home page and the published report say the same thing from the same code."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from app import queries
from app.display import formatted
from app.release import Snapshot
from indicators.comparison import egdi_level
from indicators.scoring import COMPOSITE_ID, like_for_like
from locales.collation import sort_key
from locales.formats import fmt_change, fmt_number
from locales.messages import N_, t, tc, tn


@dataclass
class Headline:
    key: str
    sentence: str
    table: pd.DataFrame  # what the chart shows, numbers as numbers (the download is this table)
    columns: dict[str, str]  # the table's columns shown, with their headings in the language
    highlight: int | None = None  # the year the chart marks, where it runs over years


@dataclass
class Facts:
    """What the headlines are computed from. `members`: iso3, name, subregion (the members in
    view); `scores`: iso3, year, level, id, score (every year); `reported`: iso3, year,
    indicator_id; `egov`: iso3, survey_year, egdi; `dims`: dimension_id, name; `weights`: each
    indicator's nominal share of the composite (for like-for-like changes); `gtmi`: iso3,
    year, group (the World Bank GTMI's surveys)."""

    members: pd.DataFrame
    scores: pd.DataFrame
    reported: pd.DataFrame
    egov: pd.DataFrame
    dims: pd.DataFrame
    total_indicators: int
    year: int
    weights: pd.Series
    gtmi: pd.DataFrame


def gather(
    db: Snapshot,
    lang: str,
    year: int,
    members: pd.DataFrame | None = None,
    reported: pd.DataFrame | None = None,
) -> Facts:
    """The facts of `year` in a release, for `members` (default: every member): the home page and
    the report read them here, so they say the same thing. `reported`, when the caller has it."""
    return Facts(
        members=queries.member_names(db, lang) if members is None else members,
        scores=queries.scores_all(db, lang),
        reported=queries.reported(db) if reported is None else reported,
        egov=queries.egov_all(db),
        dims=queries.dimension_names(db, lang),
        total_indicators=queries.indicator_count(db),
        year=year,
        weights=queries.nominal_weights(db),
        gtmi=queries.gtmi_all(db),
    )


# Decimals of the headline tables' numeric columns as shown (the downloads keep every digit).
DECIMALS = {"median": 1, "before": 1, "now": 1, "change": 1, "score": 1, "egdi": 3}


def shown(item: Headline, lang: str) -> tuple[pd.DataFrame, set[str]]:
    """A headline's table as shown, numbers written in the language, and its numeric columns."""
    frame = formatted(
        item.table[list(item.columns)],
        {c: d for c, d in DECIMALS.items() if c in item.columns},
        lang,
    )
    return frame, {c for c in item.columns if pd.api.types.is_numeric_dtype(item.table[c])}


def nearest_survey_year(survey_years: list[int], year: int) -> int | None:
    """The UN survey nearest to a data year; on a tie the earlier (the one published then)."""
    return min(survey_years, key=lambda s: (abs(s - year), s)) if survey_years else None


def _mine(frame: pd.DataFrame, facts: Facts) -> pd.DataFrame:
    return frame[frame["iso3"].isin(facts.members["iso3"])]


def reporting(facts: Facts, lang: str) -> Headline:
    """How many members reported, and how many reported every indicator, year by year."""
    counts = (
        _mine(facts.reported, facts)
        .groupby(["year", "iso3"])["indicator_id"]
        .nunique()
        .reset_index()
    )
    by_year = counts.groupby("year").agg(
        countries=("iso3", "count"),
        complete=("indicator_id", lambda s: int((s >= facts.total_indicators).sum())),
    )
    by_year = by_year.reindex(sorted(set(by_year.index) | {facts.year}), fill_value=0).reset_index()
    now = by_year.set_index("year").loc[facts.year]
    complete = int(now["complete"])
    sentence = t(
        "{first}; {second}.",
        lang,
        first=tn(
            "{n} de {members} países miembros reportó indicadores para {year}",
            "{n} de {members} países miembros reportaron indicadores para {year}",
            int(now["countries"]),
            lang,
            members=len(facts.members),
            year=facts.year,
        ),
        second=tn(
            "{n} de ellos reportó los {total}",
            "{n} de ellos reportaron los {total}",
            complete,
            lang,
            total=facts.total_indicators,
        )
        if complete
        else t("ninguno de ellos reportó los {total}", lang, total=facts.total_indicators),
    )
    return Headline(
        "reporting",
        sentence,
        by_year,
        {
            "year": t("Año", lang),
            "countries": t("Países que reportaron", lang),
            "complete": t("Países con los {total} indicadores", lang, total=facts.total_indicators),
        },
        highlight=facts.year,
    )


def medians(facts: Facts, lang: str) -> Headline:
    """The region's median composite and median per dimension in the year."""
    year = _mine(facts.scores, facts)
    year = year[(year["year"] == facts.year) & year["score"].notna()]
    rows = [(COMPOSITE_ID, t("Compuesto GEALC", lang), year[year["level"] == "composite"]["score"])]
    rows += [
        (d, f"{d} {n}", year[(year["level"] == "dimension") & (year["id"] == d)]["score"])
        for d, n in zip(facts.dims["dimension_id"], facts.dims["name"], strict=True)
    ]
    table = pd.DataFrame(
        {
            "id": [r[0] for r in rows],
            "name": [r[1] for r in rows],
            "median": [s.median() if len(s) else None for _, _, s in rows],
            "countries": [len(s) for _, _, s in rows],
        }
    )
    dims = table.iloc[1:].dropna(subset=["median"])
    if table["median"].iloc[0] is None or pd.isna(table["median"].iloc[0]) or dims.empty:
        sentence = t("Aún no hay puntajes para {year}.", lang, year=facts.year)
    else:
        high, low = dims.loc[dims["median"].idxmax()], dims.loc[dims["median"].idxmin()]
        sentence = t(
            "La mediana regional del puntaje compuesto GEALC en {year} es {median} sobre 100. La "
            "dimensión más avanzada es {high} ({high_value}) y la más rezagada, {low} "
            "({low_value}).",
            lang,
            year=facts.year,
            median=fmt_number(table["median"].iloc[0], lang, 1),
            high=high["name"],
            high_value=fmt_number(high["median"], lang, 1),
            low=low["name"],
            low_value=fmt_number(low["median"], lang, 1),
        )
    return Headline(
        "medians",
        sentence,
        table,
        {
            "name": t("Puntaje", lang),
            "median": t("Mediana regional", lang),
            "countries": t("Países con puntaje", lang),
        },
    )


def most_improved(facts: Facts, lang: str, top: int = 5) -> Headline:
    """The largest rises of the composite since the country's previous scored year, like for
    like: on the indicators it reported in both years."""
    mine = _mine(facts.scores, facts)
    comp = mine[
        (mine["level"] == "composite") & mine["score"].notna() & (mine["year"] <= facts.year)
    ]
    now = comp[comp["year"] == facts.year]["iso3"]
    since = comp[comp["year"] < facts.year].groupby("iso3")["year"].max().reindex(now).dropna()
    indicators = mine[mine["level"] == "indicator"]
    changes = pd.concat(
        [  # one like-for-like comparison per earlier year, for the countries last scored then
            like_for_like(
                indicators[indicators["iso3"].isin(group.index)],
                facts.weights,
                int(year),
                facts.year,
            ).assign(since=int(year))
            for year, group in since.groupby(since)
        ]
        or [pd.DataFrame(columns=["iso3", "common", "score_from", "score_to", "change", "since"])]
    ).rename(columns={"score_from": "before", "score_to": "now"})
    changes = changes.sort_values("change", ascending=False).head(top).reset_index(drop=True)
    changes["name"] = changes["iso3"].map(facts.members.set_index("iso3")["name"])
    if changes.empty:
        sentence = t(
            "No hay puntajes de años anteriores con los que comparar {year}.", lang, year=facts.year
        )
    else:
        best = changes.iloc[0]
        sentence = tn(
            "{country} es el país que más mejoró: comparando {n} indicador reportado en {since} "
            "y en {year}, su puntaje compuesto pasó de {before} a {now} ({change}).",
            "{country} es el país que más mejoró: comparando {n} indicadores reportados en "
            "{since} y en {year}, su puntaje compuesto pasó de {before} a {now} ({change}).",
            int(best["common"]),
            lang,
            country=best["name"],
            change=fmt_change(best["change"], lang, 1),
            since=int(best["since"]),
            year=facts.year,
            before=fmt_number(best["before"], lang, 1),
            now=fmt_number(best["now"], lang, 1),
        )
    return Headline(
        "improved",
        sentence,
        changes[["iso3", "name", "since", "common", "before", "now", "change"]],
        {
            "name": t("País", lang),
            "since": t("Año anterior", lang),
            "common": t("Indicadores comparados", lang),
            "before": t("Puntaje anterior", lang),
            "now": t("Puntaje {year}", lang, year=facts.year),
            "change": t("Cambio (puntos)", lang),
        },
    )


def best_per_dimension(facts: Facts, lang: str) -> Headline:
    """The highest score of each dimension in the year (ties named together)."""
    year = _mine(facts.scores, facts)
    year = year[
        (year["year"] == facts.year) & (year["level"] == "dimension") & year["score"].notna()
    ]
    names = facts.members.set_index("iso3")["name"]
    rows = []
    for d, n in zip(facts.dims["dimension_id"], facts.dims["name"], strict=True):
        dim = year[year["id"] == d]
        if dim.empty:
            rows.append({"id": d, "name": f"{d} {n}", "countries": "", "iso3": "", "score": None})
            continue
        top = dim[dim["score"] == dim["score"].max()]
        rows.append(
            {
                "id": d,
                "name": f"{d} {n}",
                "countries": ", ".join(
                    sorted((names.get(c, c) for c in top["iso3"]), key=sort_key)
                ),
                "iso3": ",".join(sorted(top["iso3"])),
                "score": float(top["score"].iloc[0]),
            }
        )
    table = pd.DataFrame(rows)
    found = table.dropna(subset=["score"])
    colon = t(": ", lang)
    sentence = (
        t(
            "Los mejores puntajes por dimensión en {year}: {list}.",
            lang,
            year=facts.year,
            list=t("; ", lang).join(
                f"{r['name']}{colon}{r['countries']} ({fmt_number(r['score'], lang, 1)})"
                for r in found.to_dict("records")
            ),
        )
        if not found.empty
        else t("Ninguna dimensión tiene puntajes en {year}.", lang, year=facts.year)
    )
    return Headline(
        "best",
        sentence,
        table,
        {
            "name": t("Dimensión", lang),
            "countries": t("Mejor puntaje", lang),
            "score": t("Puntaje", lang),
        },
    )


def un_levels(facts: Facts, lang: str) -> Headline:
    """The members' average EGDI and how many are in each UN group, survey by survey."""
    egov = _mine(facts.egov, facts).dropna(subset=["egdi"]).copy()
    egov["level"] = egov["egdi"].map(egdi_level)
    table = (
        egov.groupby("survey_year")
        .agg(
            egdi=("egdi", "mean"),
            assessed=("iso3", "count"),
            very_high=("level", lambda s: int((s == "very_high").sum())),
        )
        .reset_index()
    )
    survey = nearest_survey_year(table["survey_year"].tolist(), facts.year)
    columns = {
        "survey_year": t("Encuesta ONU", lang),
        "egdi": t("EGDI promedio", lang),
        "assessed": t("Miembros evaluados", lang),
        "very_high": t("En el grupo muy alto", lang),
    }
    if survey is None:
        return Headline("un", t("No hay cifras de la ONU para estos países.", lang), table, columns)
    row = table.set_index("survey_year").loc[survey]
    very_high = int(row["very_high"])
    sentence = t(
        "{first}; {second}.",
        lang,
        first=t(
            "En la Encuesta de Gobierno Electrónico de la ONU {survey}, el EGDI promedio de los "
            "{assessed} miembros evaluados es {egdi}",
            lang,
            survey=survey,
            egdi=fmt_number(row["egdi"], lang, 2),
            assessed=int(row["assessed"]),
        ),
        second=tn(
            "{n} de ellos está en el grupo muy alto (EGDI ≥ 0,75)",
            "{n} de ellos están en el grupo muy alto (EGDI ≥ 0,75)",
            very_high,
            lang,
        )
        if very_high
        else t("ninguno está en el grupo muy alto (EGDI ≥ 0,75)", lang),
    )
    return Headline("un", sentence, table, columns, highlight=survey)


def _and_list(items: list[str], lang: str) -> str:
    """'Peru and Chile', 'Peru, Chile, and Trinidad and Tobago', in the language (English
    takes the serial comma: several members' names hold an 'and')."""
    if len(items) < 2:
        return "".join(items)
    last = tc("sep_and", " y ", lang) if len(items) == 2 else tc("sep_and_serial", " y ", lang)
    return f"{', '.join(items[:-1])}{last}{items[-1]}"


def _moves(table: pd.DataFrame, since: int, lang: str) -> str:
    """'Since 2022, Peru and Paraguay moved up a group; Chile moved down.', from the table of
    gtmi_groups (its `moved` column: 1 up, 0, -1 down)."""
    up = table[table["moved"] == 1]["name"].tolist()
    down = table[table["moved"] == -1]["name"].tolist()
    sentence = t(
        "Desde {since}, {names} subió de grupo"
        if len(up) == 1
        else N_("Desde {since}, {names} subieron de grupo")
        if up
        else N_("Desde {since}, ningún miembro subió de grupo"),
        lang,
        since=since,
        names=_and_list(up, lang),
    )
    if down:
        key = N_("; {names} bajó") if len(down) == 1 else N_("; {names} bajaron")
        sentence += t(key, lang, names=_and_list(down, lang))
    return sentence + "."


def _group_move(before: object, now: object) -> int | None:
    """1 when a country moved up a group (D → A is up), -1 down, 0 neither; None unless it
    took part in both surveys."""
    if not isinstance(before, str) or not isinstance(now, str):
        return None
    return (before > now) - (before < now)


# A move between GTMI groups, as the table says it, and the order the table lists them in: up,
# down, unchanged, then the countries missing from one of the two surveys.
MOVES = {1: N_("subió"), -1: N_("bajó"), 0: N_("mismo grupo")}
ORDER = {1: 0, -1: 1, 0: 2}


def gtmi_groups(facts: Facts, lang: str) -> Headline:
    """How many members are in the World Bank's group A (GovTech leaders) in the GTMI survey
    nearest the year (the earlier on a tie), of how many it assessed, and who moved up or down a
    group since the survey before. Groups, never ranks: the World Bank ranks no country."""
    gtmi = _mine(facts.gtmi, facts).dropna(subset=["group"])
    survey = nearest_survey_year(sorted({int(y) for y in gtmi["year"]}), facts.year)
    earlier = [int(y) for y in gtmi["year"] if survey is not None and y < survey]
    since = max(earlier) if earlier else None
    groups = gtmi.pivot_table(index="iso3", columns="year", values="group", aggfunc="first")
    table = pd.DataFrame(
        {
            "iso3": groups.index,
            "name": groups.index.map(facts.members.set_index("iso3")["name"]),
            "group_before": groups.get(since),
            "group_now": groups.get(survey),
        }
    ).reset_index(drop=True)
    moves = [
        _group_move(b, n) for b, n in zip(table["group_before"], table["group_now"], strict=True)
    ]
    table = table.assign(
        moved=pd.array(moves, dtype="Int64"),
        group_change=[t(MOVES[m], lang) if m is not None else "" for m in moves],
    )
    table = table.sort_values(
        ["moved", "name"], key=lambda c: c.map(ORDER) if c.name == "moved" else c
    )
    table = table.fillna({c: t("no participó", lang) for c in ("group_before", "group_now")})
    table = table.reset_index(drop=True)
    columns = {
        "name": t("País", lang),
        **({"group_before": t("Grupo en {survey}", lang, survey=since)} if since else {}),
        "group_now": t("Grupo en {survey}", lang, survey=survey),
        **({"group_change": t("Cambio de grupo", lang)} if since else {}),
    }
    if survey is None:
        return Headline(
            "gtmi",
            t("No hay cifras del GTMI del Banco Mundial para estos países.", lang),
            table,
            columns,
        )
    now = gtmi[gtmi["year"] == survey]["group"]
    sentence = t(
        "En el Índice de Madurez GovTech (GTMI) {survey} del Banco Mundial, el grupo A (líderes "
        "en GovTech) reúne a {a} de los {assessed} miembros evaluados.",
        lang,
        survey=survey,
        a=int((now == "A").sum()),
        assessed=len(now),
    )
    if since is not None:
        sentence += " " + _moves(table, since, lang)
    return Headline("gtmi", sentence, table, columns)


def gtmi_group_counts(item: Headline, lang: str) -> pd.DataFrame:
    """How many members of the GTMI headline's table are in each group (A–D) in each survey it
    shows: what its chart draws."""
    shown = [c for c in ("group_before", "group_now") if c in item.columns]
    absent = t("no participó", lang)
    groups = sorted({g for c in shown for g in item.table[c] if g != absent})
    return pd.DataFrame(
        {
            "group": [t("Grupo {group}", lang, group=g) for g in groups],
            **{c: [int((item.table[c] == g).sum()) for g in groups] for c in shown},
        }
    )


# Each headline's title.
TITLES = {
    "reporting": N_("Reportes"),
    "medians": N_("La región por dimensión"),
    "improved": N_("Los que más mejoraron"),
    "best": N_("Mejores por dimensión"),
    "un": N_("Los miembros en la Encuesta de la ONU"),
    "gtmi": N_("Los miembros en el GTMI del Banco Mundial"),
}

# Each headline by its key, in the order the page and the report show them.
HEADLINES = {
    "reporting": reporting,
    "medians": medians,
    "improved": most_improved,
    "best": best_per_dimension,
    "un": un_levels,
    "gtmi": gtmi_groups,
}


def headlines(facts: Facts, lang: str) -> list[Headline]:
    """Every headline of the year."""
    return [fn(facts, lang) for fn in HEADLINES.values()]
