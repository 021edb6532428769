"""Read-only queries of the read side. All of the app's SQL lives here, against the
warehouse's documented views; each function returns a DataFrame for the figure builders."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import text
from sqlalchemy.engine import Engine

from app.i18n import language


def _frame(engine: Engine, sql: str, **params: object) -> pd.DataFrame:
    with engine.connect() as conn:
        result = conn.execute(text(sql), params)
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def survey_years(engine: Engine) -> list[int]:
    """UN survey years present in the warehouse, newest first."""
    frame = _frame(engine, "SELECT DISTINCT survey_year FROM egov_survey ORDER BY survey_year DESC")
    return [int(y) for y in frame["survey_year"]]


def indicator_count(engine: Engine) -> int:
    return int(_frame(engine, "SELECT COUNT(*) AS n FROM indicator_catalogue")["n"].iloc[0])


def egov_and_reporting(engine: Engine, survey_year: int, lang: str) -> pd.DataFrame:
    """One row per member: UN rank and EGDI for `survey_year`, how many GEALC indicators it
    reported for that year (0 when none) and its GEALC composite score and rank with its range
    (missing when the coverage rules leave it unscored). Ordered by UN rank, unassessed last."""
    lang = language(lang)  # a whitelisted column suffix, never user text
    return _frame(engine, f"""
        SELECT c.iso3, c.name_{lang} AS country, c.subregion, s.name_{lang} AS subregion_name,
               e.egdi_rank, e.egdi, COALESCE(e.assessed, FALSE) AS assessed,
               COALESCE(r.reported, 0) AS reported, COALESCE(r.demo, 0) AS demo,
               g.score AS gealc_score, g.rank AS gealc_rank, g.rank_low, g.rank_high
        FROM countries c
        JOIN subregions s ON s.subregion = c.subregion
        LEFT JOIN egov_survey e ON e.iso3 = c.iso3 AND e.survey_year = :year
        LEFT JOIN (SELECT iso3, COUNT(DISTINCT indicator_id) AS reported,
                          MAX(CASE WHEN is_demo THEN 1 ELSE 0 END) AS demo
                   FROM observations_current WHERE year = :year GROUP BY iso3) r ON r.iso3 = c.iso3
        LEFT JOIN scores g ON g.iso3 = c.iso3 AND g.year = :year AND g.level = 'composite'
        ORDER BY CASE WHEN e.assessed THEN e.egdi_rank END NULLS LAST, c.name_{lang}""", year=survey_year)
