"""The country profile's content as pure functions over query results: which year to show, the
dimension comparison, the indicator table (shown and downloaded alike), the sentences, and the
World Bank GTMI beside the country's GEALC scores."""

from __future__ import annotations

import pandas as pd

from app.display import formatted
from indicators.comparison import peer_stats
from indicators.gtmi import Gtmi
from indicators.scoring import like_for_like
from locales.formats import fmt_change, fmt_number, fmt_percent, is_missing
from locales.messages import N_, t, tn


def default_year(scores: pd.DataFrame) -> int | None:
    """The latest year with a composite score, else the latest year with any value."""
    composite = scores[(scores["level"] == "composite") & scores["score"].notna()]
    years = composite["year"] if not composite.empty else scores["year"]
    return int(years.max()) if not years.empty else None


def unreported_year(
    query: dict[str, str], bad_year: str | None, release_years: list[int], shown: int | None
) -> int | None:
    """The year the reader asked for (or, asking none, the release's latest) when it is a year of
    the release this country has no values for: a valid choice with its own reason, not a bad
    link."""
    if shown is None or not release_years:
        return None
    if bad_year is not None:
        asked = int(bad_year) if bad_year.isdigit() else None
        return asked if asked in release_years else None
    latest = max(release_years)
    return latest if "year" not in query and shown != latest else None


def medians(
    year_scores: pd.DataFrame, subregions: pd.Series, subregion: str, year: int
) -> pd.DataFrame:
    """Per level and id, the median score of all members and of `subregion`'s members that
    year, with the peer-group statistics of the scoring method. `year_scores`: iso3, level, id,
    score; `subregions`: iso3 → subregion."""
    groups = pd.DataFrame(
        {
            "iso3": subregions.index,
            "year": year,
            "subregion": subregions.to_numpy(),
            "region": "all",
        }
    )
    frame = year_scores.assign(year=year)
    region = peer_stats(frame, groups, "region").rename(columns={"median": "region_median"})
    sub = (
        peer_stats(frame, groups, "subregion")
        .query("group == @subregion")
        .rename(columns={"median": "subregion_median"})
    )
    keys = ["level", "id"]
    return region[[*keys, "region_median"]].merge(
        sub[[*keys, "subregion_median"]], on=keys, how="left"
    )


def dimension_comparison(
    scores: pd.DataFrame, medians: pd.DataFrame, names: pd.DataFrame, year: int
) -> pd.DataFrame:
    """One row per dimension (catalogue order): name, the country's score (missing stays missing)
    and the regional and subregional medians that year."""
    mine = scores[(scores["year"] == year) & (scores["level"] == "dimension")].set_index("id")[
        "score"
    ]
    med = medians[medians["level"] == "dimension"].set_index("id")
    return pd.DataFrame(
        {
            "dimension_id": names["dimension_id"],
            "name": [f"{d} {n}" for d, n in zip(names["dimension_id"], names["name"], strict=True)],
            "score": names["dimension_id"].map(mine).astype(float),
            "region_median": names["dimension_id"].map(med["region_median"]).astype(float)
            if not med.empty
            else float("nan"),
            "subregion_median": names["dimension_id"].map(med["subregion_median"]).astype(float)
            if not med.empty
            else float("nan"),
        }
    )


INDICATOR_COLUMNS = ("indicator_id", "indicator", "value", "unit", "score", "source", "note")


def indicator_table(observations: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The indicator table as data (numbers stay numbers), with headings in `lang`: what the page
    shows and what its download holds."""
    out = observations[list(INDICATOR_COLUMNS)].copy()
    headings = {
        "indicator_id": "id",
        "indicator": t("Indicador", lang),
        "value": t("Valor", lang),
        "unit": t("Unidad", lang),
        "score": t("Puntaje", lang),
        "source": t("Fuente", lang),
        "note": t("Nota", lang),
    }
    return out.rename(columns=headings)


def rank_sentence(scores: pd.DataFrame, all_ranked: int, year: int, lang: str) -> str:
    """'GEALC rank 2024: 3 of 28, the same in 62 % of the method's variants; in 90 % of them
    between 2 and 5 …', or why there is no rank."""
    row = scores[(scores["year"] == year) & (scores["level"] == "composite")]
    if row.empty or pd.isna(row.iloc[0]["score"]):
        return t(
            "Sin posición en {year}: el país no reportó ningún valor ese año.", lang, year=year
        )
    r = row.iloc[0]
    if is_missing(r.get("rank_share")):
        key = N_(
            "Posición GEALC {year}: {rank} de {ranked} (entre {low} y {high}, percentiles 5 y 95 "
            "de las variantes del método). Puntaje compuesto: {score}."
        )
    else:
        key = (
            N_(
                "Posición GEALC {year}: {rank} de {ranked}, la misma en el {share} de las "
                "variantes del método. Puntaje compuesto: {score}."
            )
            if r["rank_low"] == r["rank_high"]
            else N_(
                "Posición GEALC {year}: {rank} de {ranked}, la misma en el {share} de las "
                "variantes del método; en el 90 % de ellas, entre {low} y {high}. Puntaje "
                "compuesto: {score}."
            )
        )
    return t(
        key,
        lang,
        year=year,
        rank=int(r["rank"]),
        ranked=all_ranked,
        low=int(r["rank_low"]),
        high=int(r["rank_high"]),
        share=fmt_percent(r.get("rank_share"), lang),
        score=fmt_number(r["score"], lang, 1),
    )


def not_reported_sentence(observations: pd.DataFrame, year: int, lang: str) -> str:
    """What the country did not report that year, by id and name ('' when it reported all).
    `observations`: indicator_id, indicator, value (one row per catalogue indicator)."""
    missing = observations[observations["value"].isna()]
    if missing.empty:
        return ""
    items = ", ".join(
        f"{i} {n}" for i, n in zip(missing["indicator_id"], missing["indicator"], strict=True)
    )
    return t(
        "No reportados en {year} (cuentan como 0 en su dimensión y en el compuesto): {items}.",
        lang,
        year=year,
        items=items,
    )


def change_sentence(scores: pd.DataFrame, weights: pd.Series, year: int, lang: str) -> str:
    """The composite's change since the country's previous scored year, like for like (on the
    indicators reported in both years), beside the published composites; '' without one.
    `scores`: the country's year, level, id, score rows; `weights`: nominal weights."""
    composite = scores[(scores["level"] == "composite") & scores["score"].notna()]
    published = composite.set_index("year")["score"]
    earlier = [y for y in published.index if y < year]
    if year not in published.index or not earlier:
        return ""
    since = max(earlier)
    indicators = scores[scores["level"] == "indicator"].assign(iso3="")
    like = like_for_like(indicators, weights, since, year)
    if like.empty:
        return ""
    row = like.iloc[0]
    return tn(
        "Desde {since}: {change} en {n} indicador reportado en ambos años "
        "({before} → {now}); el compuesto publicado pasó de {published_before} a {published_now}.",
        "Desde {since}: {change} en {n} indicadores reportados en ambos años "
        "({before} → {now}); el compuesto publicado pasó de {published_before} a {published_now}.",
        int(row["common"]),
        lang,
        since=since,
        change=fmt_change(row["change"], lang, 1),
        before=fmt_number(row["score_from"], lang, 1),
        now=fmt_number(row["score_to"], lang, 1),
        published_before=fmt_number(published[since], lang, 1),
        published_now=fmt_number(published[year], lang, 1),
    )


def trend(
    scores: pd.DataFrame, names: pd.DataFrame, lang: str
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Composite and dimension scores by year, wide, and the (column, label) of each line."""
    series = [("GEALC", t("Compuesto GEALC", lang))] + [
        (d, f"{d} {n}") for d, n in zip(names["dimension_id"], names["name"], strict=True)
    ]
    levels = scores[scores["level"].isin(["composite", "dimension"])]
    wide = levels.pivot_table(index="year", columns="id", values="score", dropna=False)
    return wide.reindex(columns=[c for c, _ in series]).reset_index(), series


def demo_years(scores: pd.DataFrame) -> pd.Series:
    """Year → whether any of the country's scores that year rests on demonstration values."""
    return scores.groupby("year")["is_demo"].agg(lambda v: bool(v.fillna(False).astype(bool).any()))


GTMI_COMPOSITES = ("gtmi", "cgsi", "psdi", "dcei", "gtei")


def gtmi_surveys(rows: pd.DataFrame, surveys: list[int], gtmi: Gtmi, lang: str) -> pd.DataFrame:
    """One row per World Bank GTMI survey, oldest first: the group (A–D), its label — or that the
    country did not take part — and the five composites (0–1; missing when it did not).
    `rows`: the country's GTMI rows (year, group and the composites)."""
    labels = {g.id: g.label.get(lang) for g in gtmi.groups}
    mine = rows.set_index("year")
    out = []
    for survey in sorted(surveys):
        row = mine.loc[survey] if survey in mine.index else None
        group = row["group"] if row is not None else None
        out.append(
            {
                "survey": survey,
                "group": group,
                "group_label": labels.get(group, group) if group else t("no participó", lang),
                **{c: float(row[c]) if row is not None else None for c in GTMI_COMPOSITES},
            }
        )
    return pd.DataFrame(out, columns=["survey", "group", "group_label", *GTMI_COMPOSITES])


def gtmi_group_sentence(surveys: pd.DataFrame, country: str, lang: str) -> str:
    """The country's World Bank group in the latest survey it took part in, with the group's
    label, and the latest survey it missed, if later; or that it is in no GTMI survey."""
    present = surveys[surveys["group"].notna()]
    if present.empty:
        return t(
            "{country} no figura en ninguna encuesta del GTMI del Banco Mundial.",
            lang,
            country=country,
        )
    last = present.iloc[-1]
    sentence = t(
        "En la encuesta {survey} del Banco Mundial, {country} quedó en el {label}.",
        lang,
        country=country,
        survey=int(last["survey"]),
        label=last["group_label"],
    )
    missed = surveys[surveys["survey"] > last["survey"]]["survey"]
    if missed.empty:
        return sentence
    return (
        t(
            "{country} no participó en la encuesta {survey}.",
            lang,
            country=country,
            survey=int(missed.iloc[-1]),
        )
        + " "
        + sentence
    )


def gtmi_surveys_shown(surveys: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The survey table as the page shows it, narrow enough for a phone: the group's letter
    (gtmi_key says what each means), composites with three decimals in the language's format,
    and in a survey the country did not take part in, that it did not and a dash for each
    figure (not "no data")."""
    shown = formatted(surveys, dict.fromkeys(GTMI_COMPOSITES, 3), lang)
    absent = surveys["group"].isna()
    shown.loc[absent, "group"] = t("no participó", lang)
    shown.loc[absent, list(GTMI_COMPOSITES)] = "—"
    return shown


def gtmi_key(gtmi: Gtmi, lang: str) -> list[str]:
    """What the survey table's letters and abbreviations stand for: each group's label, then
    each composite's name."""
    sep, label = t("; ", lang), t(": ", lang)
    return [
        sep.join(g.label.get(lang) for g in gtmi.groups),
        sep.join(f"{c.id.upper()}{label}{c.name.get(lang)}" for c in gtmi.composites),
    ]


def gtmi_dimensions(
    names: pd.DataFrame, scores: pd.Series, answers: pd.Series, gtmi: Gtmi, lang: str
) -> pd.DataFrame:
    """Each GEALC dimension beside the World Bank questions on the same subject: the dimension,
    the country's GEALC score (missing stays missing), each matched question with the country's
    level (`levels`, a list: "I-42 Digital signature regulation and PKI: level 3 of 3"; and
    `questions`, the same as one text for a download) and the crosswalk's rationale. Where the
    GTMI measures no such thing (`match: none`) no level is given: the rationale says why.
    `names`: dimension_id, name; `scores`: dimension_id → score; `answers`: indicator_id → the
    country's value in the survey."""
    rows = []
    colon = t(": ", lang)
    for d, name in zip(names["dimension_id"], names["name"], strict=True):
        match = gtmi.crosswalk(d)
        levels = (
            [
                f"{i} {gtmi.indicator_by_id[i].label.get(lang)}"
                f"{colon}{gtmi.level_text(i, answers.get(i), lang)}"
                for i in match.indicators
            ]
            if match.match == "direct"
            else []
        )
        score = scores.get(d)
        rows.append(
            {
                "dimension_id": d,
                "dimension": f"{d} {name}",
                "score": float(score) if score is not None and pd.notna(score) else None,
                "match": match.match,
                "levels": levels,
                "questions": t("; ", lang).join(levels)
                or t("Ninguna pregunta del GTMI mide esta dimensión.", lang),
                "note": match.rationale.get(lang),
            }
        )
    return pd.DataFrame(
        rows,
        columns=["dimension_id", "dimension", "score", "match", "levels", "questions", "note"],
    )
