"""Read-only queries of the read side. All of the app's SQL lives here, against one release's
snapshot (`app.release`): its published values and scores, the catalogue, countries and UN
figures. Each function returns a DataFrame for the figure builders."""

from __future__ import annotations

import pandas as pd

from app.release import Snapshot
from indicators import scoring
from indicators.texts import LANGUAGES
from locales import language
from locales.collation import sort_key


def indicator_count(db: Snapshot) -> int:
    return int(db.frame("SELECT COUNT(*) AS n FROM indicator_catalogue")["n"].iloc[0])


def member_names(db: Snapshot, lang: str) -> pd.DataFrame:
    """iso3, name and subregion of every member, by name."""
    lang = language(lang)
    frame = db.frame(f"SELECT iso3, name_{lang} AS name, subregion FROM countries")
    return frame.sort_values("name", key=lambda names: names.map(sort_key), ignore_index=True)


# What every score row carries, wherever it is read: the score, its rank with the 5th–95th
# percentile range and the share of variants that give it, the indicators it rests on, and
# whether it rests on demonstration values.
SCORE_FIELD_NAMES = ("score", "rank", "rank_low", "rank_high", "rank_share", "coverage", "is_demo")
SCORE_FIELDS = ", ".join(f"s.{name}" for name in SCORE_FIELD_NAMES)


def scores_of(db: Snapshot, iso3: str) -> pd.DataFrame:
    """Every score of one country: all years and levels."""
    return db.frame(
        f"""SELECT s.year, s.level, s.id, {SCORE_FIELDS}
            FROM published_scores s WHERE s.iso3 = $iso3 ORDER BY s.year, s.level, s.id""",
        iso3=iso3,
    )


def dimension_names(db: Snapshot, lang: str) -> pd.DataFrame:
    """dimension_id, its name and its UN counterpart index, in catalogue order."""
    lang = language(lang)
    return db.frame(
        f"""SELECT dimension_id, name_{lang} AS name, un_counterpart
            FROM dimensions ORDER BY position"""
    )


def un_rationales(db: Snapshot, lang: str) -> dict[str, str]:
    """Why each dimension is read against its UN counterpart, in the language, by dimension_id.
    Empty while the warehouse holds no rationale (it was built before the catalogue gave one)."""
    dims, column = db.frame("SELECT * FROM dimensions"), f"un_rationale_{language(lang)}"
    if column not in dims:
        return {}
    known = dims.dropna(subset=[column])
    return dict(zip(known["dimension_id"], known[column], strict=True))


def observations_of(db: Snapshot, iso3: str, year: int, lang: str) -> pd.DataFrame:
    """One country-year's published values with the indicator's name and unit, its score, and the
    note and source the country gave; every catalogue indicator, reported or not (the note of one
    not reported says why, in the country's words)."""
    lang = language(lang)
    return db.frame(
        f"""
        SELECT i.indicator_id, i.dimension_id, i.name_{lang} AS indicator,
               i.unit_label_{lang} AS unit, i.unit AS unit_code,
               o.value, s.score, o.source, COALESCE(o.note, n.note) AS note, o.revision, o.is_demo
        FROM indicator_catalogue i
        LEFT JOIN published_values o
          ON o.indicator_id = i.indicator_id AND o.iso3 = $iso3 AND o.year = $year
        LEFT JOIN published_not_reported n
          ON n.indicator_id = i.indicator_id AND n.iso3 = $iso3 AND n.year = $year
        LEFT JOIN published_scores s
          ON s.iso3 = $iso3 AND s.year = $year AND s.level = 'indicator'
             AND s.id = i.indicator_id
        ORDER BY i.position""",
        iso3=iso3,
        year=year,
    )


def egov_history(db: Snapshot, iso3: str) -> pd.DataFrame:
    """The country's UN E-Government Survey figures, every survey (NULL when not assessed)."""
    return db.frame(
        """SELECT survey_year, egdi, osi, hci, tii, epi, egdi_rank, assessed
                             FROM egov_survey WHERE iso3 = $iso3 ORDER BY survey_year""",
        iso3=iso3,
    )


def ranked_count(db: Snapshot, year: int) -> int:
    """How many countries have a composite score in `year`."""
    frame = db.frame(
        """SELECT COUNT(*) AS n FROM published_scores
                              WHERE year = $year AND level = 'composite' AND score IS NOT NULL""",
        year=year,
    )
    return int(frame["n"].iloc[0])


def values_of(db: Snapshot, iso3: str, lang: str) -> pd.DataFrame:
    """Every published value of one country, all years, with its score and provenance."""
    lang = language(lang)
    return db.frame(
        f"""
        SELECT o.year, o.indicator_id, i.name_{lang} AS indicator, o.value,
               i.unit_label_{lang} AS unit, s.score,
               o.numerator, o.denominator, o.source, o.note, o.revision, o.submission_id,
               o.is_demo
        FROM published_values o
        JOIN indicator_catalogue i ON i.indicator_id = o.indicator_id
        LEFT JOIN published_scores s
          ON s.iso3 = o.iso3 AND s.year = o.year AND s.level = 'indicator'
             AND s.id = o.indicator_id
        WHERE o.iso3 = $iso3 ORDER BY o.year, i.position""",
        iso3=iso3,
    )


def scores_in(db: Snapshot, year: int) -> pd.DataFrame:
    """Every member's scores in `year`, all levels."""
    return db.frame(
        f"""SELECT s.iso3, s.level, s.id, {SCORE_FIELDS}
            FROM published_scores s WHERE s.year = $year""",
        year=year,
    )


def score_years(db: Snapshot) -> list[int]:
    """Years with any GEALC score, newest first."""
    return [
        int(y)
        for y in db.frame("SELECT DISTINCT year FROM published_scores ORDER BY year DESC")["year"]
    ]


def indicator_names(db: Snapshot, lang: str) -> pd.DataFrame:
    """indicator_id, dimension_id and name, in catalogue order."""
    lang = language(lang)
    return db.frame(
        f"""SELECT indicator_id, dimension_id, name_{lang} AS name
            FROM indicator_catalogue ORDER BY position"""
    )


def egov_all(db: Snapshot) -> pd.DataFrame:
    """Every member's UN survey figures (for the nearest survey to a data year)."""
    return db.frame("""SELECT e.iso3, e.survey_year, e.egdi, e.osi, e.hci, e.tii, e.epi, e.egdi_rank
                             FROM egov_survey e JOIN countries c ON c.iso3 = e.iso3""")


def demo_in(db: Snapshot, year: int) -> bool:
    """Whether any value of `year` is demonstration data."""
    frame = db.frame(
        "SELECT COUNT(*) AS n FROM published_values WHERE year = $year AND is_demo", year=year
    )
    return bool(frame["n"].iloc[0])


def reported(db: Snapshot) -> pd.DataFrame:
    """Which member reported which indicator in which year (published values): iso3, year,
    indicator_id."""
    return db.frame("SELECT DISTINCT iso3, year, indicator_id FROM published_values")


def subregion_names(db: Snapshot, lang: str) -> pd.DataFrame:
    """subregion id and name."""
    lang = language(lang)
    return db.frame(f"SELECT subregion, name_{lang} AS name FROM subregions ORDER BY name_{lang}")


def scores_all(db: Snapshot, lang: str) -> pd.DataFrame:
    """Every member's scores, every year and level, with the country's name and subregion."""
    lang = language(lang)
    return db.frame(f"""
        SELECT s.iso3, c.name_{lang} AS name, c.subregion, s.year, s.level, s.id, {SCORE_FIELDS}
        FROM published_scores s JOIN countries c ON c.iso3 = s.iso3
        ORDER BY s.year, s.level, s.id, s.iso3""")


def values_all(db: Snapshot, lang: str) -> pd.DataFrame:
    """Every published value of every member, with names, unit, score and provenance."""
    lang = language(lang)
    return db.frame(f"""
        SELECT o.iso3, c.name_{lang} AS name, o.year, i.dimension_id, o.indicator_id,
               i.name_{lang} AS indicator,
               o.value, i.unit_label_{lang} AS unit, s.score, o.numerator, o.denominator, o.source,
               o.note, o.revision, o.is_demo
        FROM published_values o
        JOIN countries c ON c.iso3 = o.iso3
        JOIN indicator_catalogue i ON i.indicator_id = o.indicator_id
        LEFT JOIN published_scores s
          ON s.iso3 = o.iso3 AND s.year = o.year AND s.level = 'indicator'
             AND s.id = o.indicator_id
        ORDER BY o.year, i.position, c.name_{lang}""")


def not_reported_all(db: Snapshot, lang: str) -> pd.DataFrame:
    """Every value a member did not report and explained in its note, with names."""
    lang = language(lang)
    return db.frame(f"""
        SELECT n.iso3, c.name_{lang} AS name, n.year, i.dimension_id, n.indicator_id,
               i.name_{lang} AS indicator, n.note
        FROM published_not_reported n
        JOIN countries c ON c.iso3 = n.iso3
        JOIN indicator_catalogue i ON i.indicator_id = n.indicator_id
        ORDER BY n.year, i.position, c.name_{lang}""")


def egov_named(db: Snapshot, lang: str) -> pd.DataFrame:
    """The members' UN E-Government Survey figures, every survey, with the country's name."""
    lang = language(lang)
    return db.frame(f"""
        SELECT e.iso3, c.name_{lang} AS name, e.survey_year, e.egdi, e.osi, e.hci, e.tii, e.epi,
               e.egdi_rank, e.assessed
        FROM egov_survey e JOIN countries c ON c.iso3 = e.iso3
        ORDER BY e.survey_year, e.egdi_rank""")


def catalogue(db: Snapshot, lang: str) -> pd.DataFrame:
    """The indicator catalogue in the language: names, unit, definition, formula parts, valid
    range, goalposts, scale and weight, in catalogue order."""
    lang = language(lang)
    return db.frame(f"""
        SELECT i.indicator_id, i.dimension_id, d.name_{lang} AS dimension, i.name_{lang} AS name,
               i.unit_label_{lang} AS unit, i.unit AS unit_code, i.definition_{lang} AS definition,
               i.direction,
               i.min_value, i.max_value,
               i.goal_lower, i.goal_target, i.log_transform, i.weight, i.multiplier,
               i.numerator_{lang} AS numerator, i.denominator_{lang} AS denominator
        FROM indicator_catalogue i JOIN dimensions d ON d.dimension_id = i.dimension_id
        ORDER BY i.position""")


def dimension_texts(db: Snapshot, lang: str) -> pd.DataFrame:
    """dimension_id, its name and its description, in catalogue order."""
    lang = language(lang)
    return db.frame(
        f"""SELECT dimension_id, name_{lang} AS name, description_{lang} AS description
            FROM dimensions ORDER BY position"""
    )


def catalogue_all(db: Snapshot) -> pd.DataFrame:
    """The indicator catalogue with every text in all four languages, in catalogue order."""
    texts = ", ".join(
        f"i.{stem}_{lang}"
        for stem in ("name", "unit_label", "definition", "numerator", "denominator")
        for lang in LANGUAGES
    )
    return db.frame(f"""
        SELECT i.indicator_id, i.dimension_id, i.position, {texts}, i.unit, i.direction,
               i.min_value, i.max_value,
               i.goal_lower, i.goal_target, i.log_transform, i.multiplier, i.weight
        FROM indicator_catalogue i ORDER BY i.position""")


def dimensions_all(db: Snapshot) -> pd.DataFrame:
    """The dimensions with names and descriptions in all four languages, weight and UN
    counterpart."""
    texts = ", ".join(f"{stem}_{lang}" for stem in ("name", "description") for lang in LANGUAGES)
    return db.frame(
        f"""SELECT dimension_id, position, {texts}, weight, un_counterpart
            FROM dimensions ORDER BY position"""
    )


def countries_all(db: Snapshot) -> pd.DataFrame:
    """The members with their names in all four languages, subregion and its UN M49 code, by
    ISO3."""
    names = ", ".join(f"c.name_{lang}" for lang in LANGUAGES)
    return db.frame(f"""SELECT c.iso3, {names}, c.subregion, s.m49 AS subregion_m49
                        FROM countries c LEFT JOIN subregions s ON s.subregion = c.subregion
                        ORDER BY c.iso3""")


def statistics(db: Snapshot) -> pd.DataFrame:
    """The release's statistical audit: year, analysis, measure, item, other, value."""
    return db.frame(
        """SELECT year, analysis, measure, item, COALESCE(other, '') AS other, value
           FROM published_statistics ORDER BY year, analysis, measure, item, other"""
    )


def nominal_weights(db: Snapshot) -> pd.Series:
    """Each indicator's share of the composite by the catalogue's weights (indicator id → share)."""
    indicators = db.frame("SELECT indicator_id, dimension_id, weight FROM indicator_catalogue")
    dimensions = db.frame("SELECT dimension_id, weight FROM dimensions")
    return scoring.nominal_weights(
        dict(zip(indicators["indicator_id"], indicators["weight"], strict=True)),
        dict(zip(indicators["indicator_id"], indicators["dimension_id"], strict=True)),
        dict(zip(dimensions["dimension_id"], dimensions["weight"], strict=True)),
    )


def gtmi_all(db: Snapshot) -> pd.DataFrame:
    """Every member's World Bank GTMI composites and group per survey: iso3, year, gtmi, cgsi,
    psdi, dcei, gtei, group."""
    return db.frame("""SELECT g.iso3, g.year, g.gtmi, g.cgsi, g.psdi, g.dcei, g.gtei, g."group"
                       FROM gtmi g JOIN countries c ON c.iso3 = g.iso3
                       ORDER BY g.iso3, g.year""")


def gtmi_indicators_all(db: Snapshot) -> pd.DataFrame:
    """Every member's GTMI indicator values per survey: iso3, year, indicator_id, value."""
    return db.frame("""SELECT i.iso3, i.year, i.indicator_id, i.value
                       FROM gtmi_indicators i JOIN countries c ON c.iso3 = i.iso3
                       ORDER BY i.iso3, i.year, i.indicator_id""")
