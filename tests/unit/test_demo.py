"""Demo submissions: deterministic, realistic gaps, valid values that follow the UN's figures."""

from __future__ import annotations

import pandas as pd

from etl.demo import DEMO_YEARS, write_demo
from etl.submission.read import read_submission
from etl.submission.validate import check_rows
from etl.un_egov import read_reference
from indicators.catalogue import load_catalogue
from indicators.countries import load_members


def demo_frame(folder) -> pd.DataFrame:
    cat, members = load_catalogue(), load_members()
    paths = write_demo(cat, members, read_reference(), folder)
    checked = [check_rows(read_submission(p), cat, members) for p in paths]
    assert all(c.accepted for c in checked)
    return pd.concat([c.observations for c in checked])


def test_same_seed_same_bytes(tmp_path):
    cat, members, egov = load_catalogue(), load_members(), read_reference()
    first = {p.name: p.read_bytes() for p in write_demo(cat, members, egov, tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in write_demo(cat, members, egov, tmp_path / "b")}
    assert first == second and len(first) > 150


def test_every_member_years_2018_2024_with_gaps_and_valid_values(tmp_path):
    frame = demo_frame(tmp_path)
    cat = load_catalogue()
    assert set(frame["iso3"]) == set(load_members().iso3_codes)
    assert set(frame["year"]) == set(DEMO_YEARS)
    per_country_year = frame.groupby(["iso3", "year"]).size()
    assert len(per_country_year) < 33 * len(DEMO_YEARS)  # not every country every year
    assert (per_country_year < 15).any()  # some indicators missing
    for ind in cat.indicators:
        values = frame.loc[frame["indicator_id"] == ind.id, "value"]
        assert values.between(ind.valid_range.min, ind.valid_range.max).all(), ind.id
    assert frame["numerator"].notna().any()  # some values come as numerator / denominator


def test_values_follow_the_un_online_service_index(tmp_path):
    frame = demo_frame(tmp_path)
    osi = read_reference().query("survey_year == 2022").set_index("iso3")["osi"]
    sd1 = frame.query("year == 2022 and indicator_id == 'SD1'").set_index("iso3")["value"]
    joined = pd.concat([sd1, osi], axis=1, join="inner")
    assert joined.corr(method="spearman").iloc[0, 1] > 0.5
