"""Words from the gettext catalogues. A text's msgid is its Spanish wording, with `{named}`
placeholders: `t("Año de la encuesta", lang)`, `tn("{n} país", "{n} países", n, lang)`,
`tc("rango de posiciones", "rango", lang)` where one Spanish word needs two translations, and
`N_("…")` to mark a text that is translated later (a table of labels)."""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from babel.numbers import format_decimal

from locales import SOURCE_LANGUAGE, language

LOCALE_DIR = Path(__file__).resolve().parent
DOMAIN = "messages"


class CatalogueNotCompiled(RuntimeError):
    """A `.po` catalogue lacks an up-to-date `.mo`: `make translations` compiles them."""


def catalogue_path(lang: str, suffix: str = ".po") -> Path:
    """Where the catalogue of `lang` lives (`.po` the translators' file, `.mo` the compiled one)."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of `lang`; Spanish, the source language, needs none."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    po, mo = catalogue_path(lang), catalogue_path(lang, ".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        raise CatalogueNotCompiled(
            f"{po} is newer than its compiled {mo.name} (or it is missing): run `make translations`"
        )
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def _filled(text: str, values: dict[str, object]) -> str:
    return text.format(**values) if values else text


def t(msgid: str, lang: str | None, **values: object) -> str:
    """`msgid` (Spanish) in `lang`, with its `{placeholders}` filled in from `values`."""
    return _filled(translations(language(lang)).gettext(msgid), values)


def tc(context: str, msgid: str, lang: str | None, **values: object) -> str:
    """`msgid` in `lang` where the same Spanish words need different translations by `context`."""
    return _filled(translations(language(lang)).pgettext(context, msgid), values)


def tn(singular: str, plural: str, n: int, lang: str | None, **values: object) -> str:
    """The plural form for `n` in `lang`'s grammar; `{n}` is `n` written the language's way
    unless `values` gives it."""
    lang = language(lang)
    count = format_decimal(n, locale=lang)
    return _filled(translations(lang).ngettext(singular, plural, n), {"n": count} | values)


def N_(msgid: str) -> str:  # noqa: N802 — the gettext convention translators' tools look for
    """Mark `msgid` for the catalogues without translating it yet (it is translated where shown)."""
    return msgid
