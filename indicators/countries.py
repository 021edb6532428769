"""The 33 member countries of Red GEALC and their UN M49 subregions, kept as data in
`countries.yaml`."""

from __future__ import annotations

from functools import cache, cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from indicators.texts import Texts
from indicators.yaml_source import read_yaml, validate

DEFAULT_PATH = Path(__file__).with_name("countries.yaml")
SubregionId = Literal["caribbean", "central_america", "south_america"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Subregion(_Strict):
    id: SubregionId
    m49: str = Field(pattern=r"^[0-9]{3}$")
    name: Texts


class Country(_Strict):
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    m49: str = Field(pattern=r"^[0-9]{3}$")
    subregion: SubregionId
    name: Texts
    short: Texts | None = None  # only where the name is too long for a chart label

    def short_name(self, lang: str) -> str:
        """The name a chart label uses in `lang`: the short form, or the name where none is set."""
        return (self.short or self.name).get(lang)


class _CountriesFile(_Strict):
    subregions: list[Subregion] = Field(min_length=1)
    countries: list[Country] = Field(min_length=1)


class Members:
    """The member countries, with lookups by ISO3 code."""

    def __init__(self, source: _CountriesFile) -> None:
        self.subregions = source.subregions
        self.countries = source.countries

    @cached_property
    def by_iso3(self) -> dict[str, Country]:
        return {c.iso3: c for c in self.countries}

    @cached_property
    def subregion_by_id(self) -> dict[str, Subregion]:
        return {s.id: s for s in self.subregions}

    @property
    def iso3_codes(self) -> list[str]:
        return [c.iso3 for c in self.countries]


def load_members(path: Path | None = None) -> Members:
    """Read and validate the member list; problems raise DataFileError naming file, line and
    field."""
    doc = read_yaml(path or DEFAULT_PATH)
    source = validate(doc, _CountriesFile)
    seen: set[str] = set()
    for n, country in enumerate(source.countries):
        if country.iso3 in seen:
            raise doc.error(("countries", n, "iso3"), f"duplicate country '{country.iso3}'")
        seen.add(country.iso3)
    return Members(source)


@cache
def _shipped() -> Members:
    return load_members()


def short_names(lang: str) -> dict[str, str]:
    """ISO3 → the member's short name in `lang`, for chart labels (tiles, points, columns)
    where a full name like «San Vicente y las Granadinas» does not fit."""
    return {c.iso3: c.short_name(lang) for c in _shipped().countries}


def short_name(iso3: str, lang: str, fallback: str | None = None) -> str:
    """The short name of member `iso3` in `lang`; `fallback` (else the code) for a non-member."""
    return short_names(lang).get(iso3, fallback or iso3)
