"""The external-benchmarks comparison against the World Bank GTMI, on hand-made frames: the
matched questions as one 0–1 figure, the survey nearest to the data year, and the dimensions
the GTMI does not measure (no counterpart, never a flagged divergence)."""

from __future__ import annotations

import pandas as pd
import pytest

from app.gtmi import reference
from app.pages.un import benchmarks
from indicators.scoring import COMPOSITE_ID
from locales.messages import t

ISO = [f"C{n:02d}" for n in range(8)]
MEMBERS = pd.DataFrame({"iso3": ISO, "name": ISO, "subregion": "caribbean"})


def scores(measure: str, values: list[float]) -> pd.DataFrame:
    level = "composite" if measure == COMPOSITE_ID else "dimension"
    return pd.DataFrame(
        {"iso3": ISO, "level": level, "id": measure, "score": values, "rank": range(1, 9)}
    ).assign(rank_low=None, rank_high=None, coverage=1)


def composites(years: dict[int, list[str]]) -> pd.DataFrame:
    """Every listed country in each survey year, its figures rising with its number and the
    survey (so the survey a row comes from can be read off its value)."""
    rows = [
        {"iso3": c, "year": y, **dict.fromkeys(["cgsi", "psdi", "dcei", "gtei"], 0.5)}
        | {"gtmi": 0.1 * ISO.index(c) + (y - 2000) / 1000, "group": "ABCD"[ISO.index(c) % 4]}
        for y, countries in years.items()
        for c in countries
    ]
    return pd.DataFrame(rows)


def answers(levels: dict[str, tuple[float, float, float]]) -> pd.DataFrame:
    """2022 answers to I-42 (levels 0–3), I-40 and I-41 (0–1), the questions matched with D2."""
    return pd.DataFrame(
        [
            {"iso3": c, "year": 2022, "indicator_id": i, "value": v}
            for c, values in levels.items()
            for i, v in zip(("I-42", "I-40", "I-41"), values, strict=True)
        ],
        columns=["iso3", "year", "indicator_id", "value"],
    )


def test_a_dimension_is_read_against_the_mean_share_of_its_matched_questions_of_2022():
    ref = reference()
    levels = {c: (n % 4, 1, n % 2) for n, c in enumerate(ISO)}
    levels["C00"] = (3, 1, float("nan"))  # an unanswered question is left out of the mean
    surveys = benchmarks.gtmi_surveys(
        composites({2020: ISO, 2022: ISO, 2025: ISO}), answers(levels), "D2", ref
    )
    frame, fit = benchmarks.gtmi_pairs(
        scores("D2", [10.0 * n for n in range(8)]),
        surveys,
        MEMBERS,
        2024,
        "D2",
        index=benchmarks.MATCHED,
        ref=ref,
    )
    got = frame.set_index("iso3")
    assert got.loc["C00", "benchmark"] == 1.0  # (3/3 + 1/1) / 2
    assert got.loc["C03", "benchmark"] == (3 / 3 + 1 + 1) / 3
    assert got.loc["C02", "benchmark"] == (2 / 3 + 1 + 0) / 3
    # The questions exist only in 2022: that survey is used, with its group, for 2024 too.
    assert set(got["survey_year"]) == {2022} and got.loc["C01", "gtmi_group"] == "B"
    assert fit["countries"] == 8


def test_the_nearest_survey_is_used_the_earlier_on_a_tie_and_a_missed_survey_skipped():
    ref = reference()
    # C07 missed 2025, as Nicaragua did.
    surveys = benchmarks.gtmi_surveys(
        composites({2020: ISO, 2022: ISO, 2025: ISO[:7]}), answers({}), COMPOSITE_ID, ref
    )
    composite = scores(COMPOSITE_ID, [10.0 * n for n in range(8)])

    def used(year: int) -> dict[str, int]:
        frame, _ = benchmarks.gtmi_pairs(
            composite, surveys, MEMBERS, year, COMPOSITE_ID, index="gtmi", ref=ref
        )
        return frame.set_index("iso3")["survey_year"].to_dict()

    assert set(used(2018).values()) == {2020}
    assert set(used(2021).values()) == {2020}  # 2020 and 2022 equally near: the earlier
    assert set(used(2023).values()) == {2022}
    assert used(2024) == dict.fromkeys(ISO[:7], 2025) | {"C07": 2022}
    frame, _ = benchmarks.gtmi_pairs(
        composite, surveys, MEMBERS, 2024, COMPOSITE_ID, index="gtmi", ref=ref
    )
    assert frame.set_index("iso3").loc["C07", "benchmark"] == pytest.approx(0.722)  # of 2022


def test_the_defaults_and_choices_follow_the_crosswalk():
    ref = reference()
    composites_ids = ["gtmi", "cgsi", "psdi", "dcei", "gtei"]
    assert benchmarks.gtmi_choices(COMPOSITE_ID, ref) == composites_ids
    assert benchmarks.default_gtmi(COMPOSITE_ID, ref) == "gtmi"
    assert benchmarks.gtmi_choices("D2", ref) == [benchmarks.MATCHED, *composites_ids]
    assert benchmarks.default_gtmi("D1", ref) == benchmarks.MATCHED  # not its composite, PSDI
    assert benchmarks.gtmi_index("D1", "psdi", ref) == "psdi"
    assert benchmarks.gtmi_rationale("D1", "psdi", ref, "en").startswith("The PSDI and")
    assert benchmarks.gtmi_rationale("D1", "cgsi", ref, "en") is None  # the reader's choice
    assert benchmarks.gtmi_rationale(COMPOSITE_ID, "gtmi", ref, "en") is None
    assert benchmarks.gtmi_label("D2", benchmarks.MATCHED, ref, "es") == (
        "Preguntas del GTMI (I\u201142, I\u201140, I\u201141)"
    )
    assert benchmarks.gtmi_option("D2", "psdi", ref, "en") == (
        "PSDI (Public Service Delivery Index)"
    )


def test_a_dimension_the_gtmi_does_not_measure_has_no_counterpart_and_no_flag():
    ref = reference()
    assert benchmarks.MATCHED not in benchmarks.gtmi_choices("D5", ref)
    assert benchmarks.default_gtmi("D5", ref) == "dcei"  # the nearest the crosswalk names
    assert benchmarks.default_gtmi("D6", ref) == "gtmi"  # it names none
    # The matched questions, kept in the URL from another dimension, fall back to the default.
    assert benchmarks.gtmi_index("D5", benchmarks.MATCHED, ref) == "dcei"
    assert not benchmarks.gtmi_counterpart("D5", ref) and benchmarks.gtmi_counterpart("D2", ref)
    assert benchmarks.gtmi_absent("D5", ref, "en").startswith("The GTMI does not measure the use")
    assert benchmarks.gtmi_absent("D2", ref, "en") is None
    assert benchmarks.gtmi_rationale("D5", "dcei", ref, "en") is None
    assert benchmarks.gtmi_option("D5", "dcei", ref, "en") == (
        "Not a counterpart: DCEI (Digital Citizen Engagement Index)"
    )
    surveys = composites({2022: ISO})
    surveys["dcei"] = [0.3 + 0.08 * n for n in range(8)]
    far = [20 + 10 * n + (0.3 if n % 2 else -0.3) for n in range(8)]
    far[3] = 95.0  # far from the line: flagged against a counterpart, never against D5
    d2, _ = benchmarks.gtmi_pairs(
        scores("D2", far),
        benchmarks.gtmi_surveys(surveys, answers({}), "D2", ref),
        MEMBERS,
        2022,
        "D2",
        index="dcei",
        ref=ref,
    )
    assert d2.loc[d2["flagged"], "iso3"].tolist() == ["C03"]
    d5, fit = benchmarks.gtmi_pairs(
        scores("D5", far),
        benchmarks.gtmi_surveys(surveys, answers({}), "D5", ref),
        MEMBERS,
        2022,
        "D5",
        index="dcei",
        ref=ref,
    )
    assert fit["countries"] == 8 and not d5["flagged"].any() and d5["q_value"].isna().all()
    said = benchmarks.sentence(d5, fit, "D5", "DCEI", "en", compared=False)
    assert said.endswith("No divergence is flagged: the GTMI does not measure this dimension.")
    # The matched questions of D5 do not exist: nothing to read it against.
    none, nothing = benchmarks.gtmi_pairs(
        scores("D5", far),
        benchmarks.gtmi_surveys(surveys, answers(dict.fromkeys(ISO, (3, 1, 1))), "D5", ref),
        MEMBERS,
        2022,
        "D5",
        index=benchmarks.MATCHED,
        ref=ref,
    )
    assert nothing is None and none["benchmark"].isna().all()


def test_the_table_shows_the_group_never_a_rank_and_says_not_assessed():
    ref = reference()
    surveys = benchmarks.gtmi_surveys(composites({2022: ISO[:7]}), answers({}), COMPOSITE_ID, ref)
    frame, _ = benchmarks.gtmi_pairs(
        scores(COMPOSITE_ID, [10.0 * n for n in range(8)]),
        surveys,
        MEMBERS,
        2022,
        COMPOSITE_ID,
        index="gtmi",
        ref=ref,
    )
    shown = benchmarks.shown(frame, "es").set_index("iso3")
    assert "egdi_rank" not in shown
    assert shown.loc["C01", "gtmi_group"] == "B" and shown.loc["C01", "benchmark"] == "0,122"
    assert shown.loc["C07", "gtmi_group"] == t("no evaluado", "es")
    assert shown.loc["C07", "survey_year"] == "—"
    assert benchmarks.gtmi_citation(ref, "en") == (
        "World Bank, GovTech Dataset (GovTech Maturity Index), CC BY 4.0"
    )
    assert "Group A: GovTech leaders" in benchmarks.gtmi_groups(ref, "en")
