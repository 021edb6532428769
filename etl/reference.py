"""The reference tables (catalogue, member countries) as DataFrames shaped like their tables;
`warehouse.reference` writes them."""

from __future__ import annotations

import pandas as pd

from indicators.catalogue import Catalogue
from indicators.countries import Members
from indicators.texts import LANGUAGES, Texts


def _flat(field: str, texts: Texts | None) -> dict[str, str | None]:
    return {f"{field}_{lang}": (texts.get(lang) if texts else None) for lang in LANGUAGES}


def catalogue_frames(cat: Catalogue) -> dict[str, pd.DataFrame]:
    """The catalogue as one frame per reference table."""
    dims = [
        {
            "dimension_id": d.id,
            "position": n,
            "weight": d.weight,
            "un_counterpart": d.un_counterpart,
            **_flat("un_rationale", d.un_rationale),
            **_flat("name", d.name),
            **_flat("description", d.description),
        }
        for n, d in enumerate(cat.dimensions, start=1)
    ]
    inds = [
        {
            "indicator_id": i.id,
            "dimension_id": i.dimension,
            "position": n,
            "weight": i.weight,
            "unit": i.unit,
            "direction": i.direction,
            "min_value": i.valid_range.min,
            "max_value": i.valid_range.max,
            "goal_lower": i.scoring.lower,
            "goal_target": i.scoring.target,
            "log_transform": i.scoring.log,
            "plausible_change": i.plausible_change,
            "multiplier": i.multiplier,
            **_flat("name", i.name),
            **_flat("definition", i.definition),
            **_flat("numerator", i.numerator),
            **_flat("denominator", i.denominator),
            **_flat("unit_label", cat.units[i.unit]),
        }
        for n, i in enumerate(cat.indicators, start=1)
    ]
    edition = [
        {"edition": cat.edition, "status": cat.status, **_flat("status_note", cat.status_note)}
    ]
    return {
        "ref_catalogue": pd.DataFrame(edition),
        "ref_dimension": pd.DataFrame(dims),
        "ref_indicator": pd.DataFrame(inds),
    }


def members_frames(members: Members) -> dict[str, pd.DataFrame]:
    """The member countries and subregions as one frame per reference table."""
    subs = [
        {"subregion_id": s.id, "m49": s.m49, **_flat("name", s.name)} for s in members.subregions
    ]
    countries = [
        {
            "iso3": c.iso3,
            "iso2": c.iso2,
            "m49": c.m49,
            "subregion_id": c.subregion,
            **_flat("name", c.name),
        }
        for c in members.countries
    ]
    return {"ref_subregion": pd.DataFrame(subs), "ref_country": pd.DataFrame(countries)}
