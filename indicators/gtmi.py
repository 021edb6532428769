"""The World Bank GovTech Maturity Index (GTMI) as reference data: its citation, composites, groups
and 48 questions with their scales, and how its questions bear on the six GEALC dimensions. Kept as
data in `gtmi.yaml` so that the secretariat can review the crosswalk without code; this module
validates it and turns a country's GTMI answers into the figures the site compares with its
self-reported dimension scores."""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from indicators.catalogue import Catalogue
from indicators.texts import Texts
from indicators.yaml_source import YamlDocument, read_yaml, validate
from locales.formats import fmt_number
from locales.messages import t

DEFAULT_PATH = Path(__file__).with_name("gtmi.yaml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """What every published GTMI figure must cite (the survey year is added where it is shown)."""

    citation: Texts
    licence: str = Field(min_length=1)
    url: str = Field(pattern=r"^https://")


class Composite(_Strict):
    """The index (`gtmi`) or one of its four group indices, each 0–1."""

    id: str = Field(pattern=r"^[a-z]{4}$")
    name: Texts


class Group(_Strict):
    """A World Bank maturity group (A–D): the GTMI publishes groups, not ranks."""

    id: str = Field(pattern=r"^[A-Z]$")
    label: Texts


class Scale(_Strict):
    """How the World Bank scores a question: maturity levels 0…max, or another body's 0–1 index
    carried into the GTMI (which has no max)."""

    kind: Literal["levels", "index"]
    max: int | None = Field(default=None, ge=1, strict=True)

    @property
    def top(self) -> float:
        """The best possible value, by which a value is divided to give a 0–1 share."""
        return 1.0 if self.max is None else float(self.max)


class GtmiIndicator(_Strict):
    """One of the 48 GTMI questions, with its World Bank label (2022 meaning)."""

    id: str = Field(pattern=r"^I-[1-9][0-9]*$")
    scale: Scale
    label: Texts


class DimensionMatch(_Strict):
    """How the GTMI bears on one GEALC dimension. With `match: direct` the listed questions are
    compared with the country's score; with `none` the GTMI does not measure the dimension and the
    questions (and composite) listed are only the nearest, never compared."""

    id: str = Field(pattern=r"^D[1-9]$")
    match: Literal["direct", "none"]
    composite: str | None = None
    indicators: list[str] = Field(min_length=1)
    rationale: Texts


class _GtmiFile(_Strict):
    source: Source
    composites: list[Composite] = Field(min_length=1)
    groups: list[Group] = Field(min_length=1)
    indicators: list[GtmiIndicator] = Field(min_length=1)
    dimensions: list[DimensionMatch] = Field(min_length=1)


class Gtmi:
    """The validated GTMI reference data, with lookups and the crosswalk to the dimensions."""

    def __init__(self, source: _GtmiFile, path: Path) -> None:
        self.path = path
        self.source = source.source
        self.composites = source.composites
        self.groups = source.groups
        self.indicators = source.indicators
        self.dimensions = source.dimensions

    @cached_property
    def indicator_by_id(self) -> dict[str, GtmiIndicator]:
        return {i.id: i for i in self.indicators}

    def maxima(self) -> dict[str, float]:
        """Each question's highest possible value (its top level, or 1 for an index), by id: what
        a loader checks the World Bank's files against."""
        return {i.id: i.scale.top for i in self.indicators}

    @cached_property
    def _match_by_dimension(self) -> dict[str, DimensionMatch]:
        return {d.id: d for d in self.dimensions}

    def crosswalk(self, dimension_id: str) -> DimensionMatch:
        """The GTMI questions that bear on `dimension_id`; KeyError for a dimension not listed."""
        try:
            return self._match_by_dimension[dimension_id]
        except KeyError:
            raise KeyError(f"no GTMI crosswalk for dimension '{dimension_id}'") from None

    def level_text(self, indicator_id: str, value: float | None, lang: str) -> str:
        """A question's value as a reader sees it: "level 2 of 3" for levels, the index with two
        decimals in the language's decimal mark, "not assessed" when there is no value (None, or NaN
        as a data frame holds an empty cell)."""
        indicator = self.indicator_by_id[indicator_id]
        if value is None or math.isnan(value):
            return t("no evaluado", lang)
        _check_range(indicator, value)
        if indicator.scale.kind == "index":
            return fmt_number(value, lang, 2)
        if not float(value).is_integer():
            raise ValueError(f"{indicator_id} = {value}: a level must be a whole number")
        return t("nivel {value} de {max}", lang, value=int(value), max=indicator.scale.max)

    def matched_mean(self, values: Mapping[str, float | None], dimension_id: str) -> float | None:
        """The "better-matched GTMI questions" figure for a dimension: the mean of value ÷ max
        (0–1) over its matched questions that have a value (None and NaN count as not assessed).
        None when the GTMI does not measure the dimension (`match: none`) or no value is known."""
        match = self.crosswalk(dimension_id)
        if match.match == "none":
            return None
        shares = []
        for indicator_id in match.indicators:
            value = values.get(indicator_id)
            if value is not None and not math.isnan(value):
                indicator = self.indicator_by_id[indicator_id]
                _check_range(indicator, value)
                shares.append(value / indicator.scale.top)
        return sum(shares) / len(shares) if shares else None


def _check_range(indicator: GtmiIndicator, value: float) -> None:
    """A value outside the question's scale is a loading error, never something to average."""
    if not 0 <= value <= indicator.scale.top:
        raise ValueError(
            f"{indicator.id} = {value} lies outside its scale 0–{indicator.scale.top:g}"
        )


def load_gtmi(path: Path = DEFAULT_PATH, catalogue: Catalogue | None = None) -> Gtmi:
    """Read and validate the GTMI reference data at `path` (default: the one shipped in
    `indicators/`); with `catalogue`, its dimensions must be exactly the catalogue's. Any problem
    raises DataFileError naming file, line and field."""
    doc = read_yaml(path)
    source = validate(doc, _GtmiFile)
    _check_consistency(doc, source)
    if catalogue is not None:
        _check_dimensions(doc, source, [d.id for d in catalogue.dimensions])
    return Gtmi(source, doc.path)


def _check_consistency(doc: YamlDocument, gtmi: _GtmiFile) -> None:
    """Rules that span keys: unique ids, scales with (or without) max, known references."""
    for section, ids in (
        ("composites", [c.id for c in gtmi.composites]),
        ("groups", [g.id for g in gtmi.groups]),
        ("indicators", [i.id for i in gtmi.indicators]),
        ("dimensions", [d.id for d in gtmi.dimensions]),
    ):
        _unique(doc, (section,), "id", ids)
    for n, ind in enumerate(gtmi.indicators):
        at = ("indicators", n, "scale", "max")
        if ind.scale.kind == "levels" and ind.scale.max is None:
            raise doc.error(at, "a levels scale needs max, the highest level (an integer ≥ 1)")
        if ind.scale.kind == "index" and ind.scale.max is not None:
            raise doc.error(at, "an index runs from 0 to 1: remove max")
    indicator_ids = {i.id for i in gtmi.indicators}
    composite_ids = {c.id for c in gtmi.composites}
    for n, dim in enumerate(gtmi.dimensions):
        at = ("dimensions", n)
        if dim.composite is not None and dim.composite not in composite_ids:
            raise doc.error(
                (*at, "composite"),
                f"unknown composite '{dim.composite}' (known: {', '.join(sorted(composite_ids))})",
            )
        for k, ident in enumerate(dim.indicators):
            if ident not in indicator_ids:
                raise doc.error(
                    (*at, "indicators", k), f"unknown indicator '{ident}' (not in 'indicators')"
                )
        _unique(doc, (*at, "indicators"), None, dim.indicators)


def _unique(doc: YamlDocument, at: tuple, key: str | None, ids: list[str]) -> None:
    """Refuse the second occurrence of an id, at `at[n].key` (or `at[n]` for a plain list)."""
    seen: set[str] = set()
    for n, ident in enumerate(ids):
        if ident in seen:
            loc = (*at, n) if key is None else (*at, n, key)
            raise doc.error(loc, f"duplicate id '{ident}'")
        seen.add(ident)


def _check_dimensions(doc: YamlDocument, gtmi: _GtmiFile, known: list[str]) -> None:
    """Every dimension of the catalogue has exactly one crosswalk entry, and no other is listed."""
    for n, dim in enumerate(gtmi.dimensions):
        if dim.id not in known:
            raise doc.error(
                ("dimensions", n, "id"),
                f"'{dim.id}' is not a dimension of the catalogue (known: {', '.join(known)})",
            )
    listed = {d.id for d in gtmi.dimensions}
    if absent := [d for d in known if d not in listed]:
        raise doc.error(
            ("dimensions",), f"no entry for the catalogue's dimension(s) {', '.join(absent)}"
        )
