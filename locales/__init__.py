"""The network's four working languages: their words (gettext catalogues, Spanish the source
language) and their ways of writing numbers and dates (CLDR, through Babel). Every side of the
product — pages, report, portal, receipts, templates, methodology — speaks through this package,
so a translator edits one `.po` file per language and never Python."""

from __future__ import annotations

from babel import Locale

LANGUAGES: tuple[str, ...] = ("es", "en", "pt", "fr")
DEFAULT_LANGUAGE = "es"
SOURCE_LANGUAGE = "es"
TRANSLATED: tuple[str, ...] = tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
# Each language's name in its own words, as a language switcher shows it (CLDR: "Español",
# "Français"), never translated.
LANGUAGE_NAMES = {
    lang: Locale.parse(lang).get_display_name(lang).capitalize() for lang in LANGUAGES
}


def language(value: str | None) -> str:
    """A supported language code, or the default (Spanish)."""
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
