"""Texts in the network's four working languages: Spanish first, then Portuguese, English,
French."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from locales import DEFAULT_LANGUAGE, LANGUAGES


class Texts(BaseModel):
    """One text in every language; none may be empty, so no page ever falls back silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    es: str = Field(min_length=1)
    en: str = Field(min_length=1)
    pt: str = Field(min_length=1)
    fr: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        """The text in `lang`, or in Spanish for a language the network does not use."""
        return getattr(self, lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
