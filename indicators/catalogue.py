"""The indicator catalogue: six dimensions and fifteen indicators, kept as data in
`catalogue.yaml` so that the secretariat can edit texts, goalposts and weights without code."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from indicators.texts import Texts
from indicators.yaml_source import YamlDocument, read_yaml, validate

DEFAULT_PATH = Path(__file__).with_name("catalogue.yaml")
UnitId = Literal["percent", "per_1000", "per_100", "per_capita", "count"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Range(_Strict):
    min: float
    max: float


class Scoring(_Strict):
    """Goalposts of the 0–100 score: `lower` scores 0, `target` scores 100. For a lower-is-better
    indicator the target lies below the lower goalpost, and the scale runs the other way."""

    lower: float
    target: float
    log: bool = False


class Dimension(_Strict):
    """A dimension, with the UN E-Government Survey index it is read against and why: the UN
    measures few of the dimensions directly, so the rationale says how loose the pairing is."""

    id: str = Field(pattern=r"^D[1-9]$")
    weight: float = Field(default=1.0, gt=0)
    un_counterpart: Literal["OSI", "EPI", "HCI", "TII"]
    un_rationale: Texts
    name: Texts
    description: Texts


class Indicator(_Strict):
    id: str = Field(pattern=r"^[A-Z]{2}[0-9]$")
    dimension: str
    weight: float = Field(default=1.0, gt=0)
    unit: UnitId
    direction: Literal["higher", "lower"] = "higher"
    valid_range: Range
    scoring: Scoring
    plausible_change: float = Field(gt=0)
    name: Texts
    definition: Texts
    numerator: Texts
    denominator: Texts | None = None
    multiplier: float | None = Field(default=None, gt=0)

    @property
    def is_ratio(self) -> bool:
        """True when the value is computed as numerator / denominator × multiplier."""
        return self.denominator is not None


class _CatalogueFile(_Strict):
    edition: str
    status: Literal["proposal", "official"]
    status_note: Texts
    units: dict[UnitId, Texts]
    dimensions: list[Dimension] = Field(min_length=1)
    indicators: list[Indicator] = Field(min_length=1)


class Catalogue:
    """The validated catalogue, with lookups by id."""

    def __init__(self, source: _CatalogueFile, path: Path) -> None:
        self.path = path
        self.edition = source.edition
        self.status = source.status
        self.status_note = source.status_note
        self.units = source.units
        self.dimensions = source.dimensions
        self.indicators = source.indicators

    @cached_property
    def indicator_by_id(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.indicators}

    @cached_property
    def dimension_by_id(self) -> dict[str, Dimension]:
        return {d.id: d for d in self.dimensions}

    def indicators_of(self, dimension_id: str) -> list[Indicator]:
        return [i for i in self.indicators if i.dimension == dimension_id]

    @property
    def indicator_ids(self) -> list[str]:
        return [i.id for i in self.indicators]


def load_catalogue(path: Path = DEFAULT_PATH) -> Catalogue:
    """Read and validate the catalogue at `path` (default: the one shipped in `indicators/`); any
    problem raises DataFileError naming file, line and field."""
    doc = read_yaml(path)
    source = validate(doc, _CatalogueFile)
    _check_consistency(doc, source)
    return Catalogue(source, doc.path)


def _check_consistency(doc: YamlDocument, cat: _CatalogueFile) -> None:
    """Rules that span keys: unique ids, known references, coherent bounds and formulas."""
    _unique(doc, "dimensions", [d.id for d in cat.dimensions])
    _unique(doc, "indicators", [i.id for i in cat.indicators])
    dimension_ids = {d.id for d in cat.dimensions}
    for n, ind in enumerate(cat.indicators):
        at = ("indicators", n)
        if ind.dimension not in dimension_ids:
            raise doc.error(
                (*at, "dimension"),
                f"unknown dimension '{ind.dimension}' (known: {', '.join(sorted(dimension_ids))})",
            )
        if ind.unit not in cat.units:
            raise doc.error((*at, "unit"), f"unit '{ind.unit}' has no texts in 'units'")
        _check_bounds(doc, at, ind)
        _check_formula(doc, at, ind)
    for n, dim in enumerate(cat.dimensions):
        if not any(i.dimension == dim.id for i in cat.indicators):
            raise doc.error(("dimensions", n, "id"), f"dimension '{dim.id}' has no indicator")


def _unique(doc: YamlDocument, section: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for n, ident in enumerate(ids):
        if ident in seen:
            raise doc.error((section, n, "id"), f"duplicate id '{ident}'")
        seen.add(ident)


def _check_bounds(doc: YamlDocument, at: tuple, ind: Indicator) -> None:
    rng, sc = ind.valid_range, ind.scoring
    if rng.min >= rng.max:
        raise doc.error(
            (*at, "valid_range", "max"), f"max ({rng.max:g}) must be above min ({rng.min:g})"
        )
    if ind.unit == "percent" and (rng.min < 0 or rng.max > 100):
        raise doc.error((*at, "valid_range"), "a percentage must stay within 0–100")
    if ind.direction == "higher" and sc.lower >= sc.target:
        raise doc.error(
            (*at, "scoring", "target"), f"target ({sc.target:g}) must be above lower ({sc.lower:g})"
        )
    if ind.direction == "lower" and sc.target >= sc.lower:
        raise doc.error(
            (*at, "scoring", "target"),
            f"lower is better here: the target ({sc.target:g}) must be below "
            f"the lower goalpost ({sc.lower:g})",
        )
    for key, bound in (("lower", sc.lower), ("target", sc.target)):
        if not rng.min <= bound <= rng.max:
            raise doc.error(
                (*at, "scoring", key),
                f"{key} ({bound:g}) lies outside the valid range {rng.min:g}–{rng.max:g}",
            )
    if sc.log and min(sc.lower, sc.target) <= 0:
        raise doc.error((*at, "scoring", "lower"), "with log: true both goalposts must be above 0")


def _check_formula(doc: YamlDocument, at: tuple, ind: Indicator) -> None:
    if ind.unit == "count":
        if ind.denominator is not None or ind.multiplier is not None:
            raise doc.error(
                (*at, "denominator"), "a count has no denominator or multiplier: remove them"
            )
    elif ind.denominator is None or ind.multiplier is None:
        raise doc.error(
            (*at, "denominator"), f"unit '{ind.unit}' is a ratio: give denominator and multiplier"
        )
