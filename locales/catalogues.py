"""The translators' workflow: extract every text the code marks (`t`, `tc`, `tn`, `N_` in Python,
`t` in the portal's templates) into `messages.pot`, update each language's `.po` from it, compile
the `.mo` files the product reads, and check that no catalogue lacks a text, keeps a fuzzy entry or
breaks a placeholder. `make translations` runs the first three and reports the check;
`tests/unit/test_catalogues.py` fails on any problem.

    python -m locales.catalogues extract|update|compile|check"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from locales import TRANSLATED
from locales.messages import DOMAIN, LOCALE_DIR, catalogue_path

ROOT = LOCALE_DIR.parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
SOURCES = ("app", "portal", "etl", "indicators", "warehouse", "gealc", "locales")
KEYWORDS = {"t": None, "tc": ((1, "c"), 2), "tn": (1, 2), "N_": None}
METHODS = [("**.py", "python"), ("**/templates/**.html", "jinja2.ext:babel_extract")]
COMMENT_TAGS = ["TRANSLATORS:"]
# `{name}`, `{value:.1f}`, `{0}`: a named placeholder (doubled braces are literal braces).
_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_0-9]*)(?:[:!][^{}]*)?\}(?!\})")


def placeholders(text: str) -> set[str]:
    """The names of the `{placeholders}` in `text`."""
    return set(_PLACEHOLDER.findall(text))


def extract() -> Catalog:
    """Every marked text of the code and templates, with where it is used."""
    template = Catalog(
        project="gealc",
        version="1",
        domain=DOMAIN,
        msgid_bugs_address="the Red GEALC secretariat",
        header_comment="# The texts of gealc (GEALC en números), in Spanish, the source language.",
        fuzzy=False,
    )
    for folder in SOURCES:
        for filename, lineno, msgid, comments, context in extract_from_dir(
            ROOT / folder,
            METHODS,
            keywords=KEYWORDS,
            comment_tags=COMMENT_TAGS,
            strip_comment_tags=True,
        ):
            text = msgid[0] if isinstance(msgid, tuple) else msgid
            flags = ["python-brace-format"] if placeholders(text) else []
            template.add(
                msgid,
                locations=[(f"{folder}/{filename}", lineno)],
                auto_comments=comments,
                context=context,
                flags=flags,
            )
    for message in template:
        message.flags.discard("python-format")  # a "%" in words, not a %-placeholder
    return template


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def _write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, include_previous=True, ignore_obsolete=True)


def update() -> None:
    """Write `messages.pot` from the code and merge it into every `.po`: new texts arrive empty,
    changed ones fuzzy (with the previous Spanish beside them), removed ones dropped."""
    template = extract()
    _write(TEMPLATE, template)
    for lang in TRANSLATED:
        catalog = read_catalogue(lang)
        catalog.update(template, update_header_comment=False)
        _write(catalogue_path(lang), catalog)


def compile_all() -> None:
    """The `.mo` file the product reads, for every language (fuzzy entries left out)."""
    for lang in TRANSLATED:
        catalog = read_catalogue(lang)
        with catalogue_path(lang, ".mo").open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)


def forms(message: Message) -> list[str]:
    """A message's translation: its plural forms, or the one string."""
    return list(message.string) if isinstance(message.string, tuple | list) else [message.string]


def translations_of(lang: str) -> list[str]:
    """Every non-empty translation in the `lang` catalogue, plural forms included."""
    return [s for m in read_catalogue(lang) if m.id for s in forms(m) if s]


def read_catalogue(lang: str) -> Catalog:
    """The translators' `.po` catalogue of `lang`."""
    return _read(catalogue_path(lang), lang)


def problems(catalog: Catalog, template: Catalog) -> list[str]:
    """What stops `catalog` from matching the code (`template`): a text it lacks or leaves empty,
    a fuzzy entry, or a translation whose placeholders differ from the Spanish."""
    lang = str(catalog.locale)
    found = []
    for source in template:
        if not source.id:
            continue
        key = source.id[0] if isinstance(source.id, tuple) else source.id
        where = ", ".join(f"{f}:{n}" for f, n in source.locations[:2])
        message = catalog.get(source.id, context=source.context)
        if message is None or not all(forms(message)):
            found.append(f"{lang}: no translation of {key!r} ({where})")
        elif message.fuzzy:
            found.append(f"{lang}: fuzzy (to review) {key!r} ({where})")
        else:
            expected = placeholders(" ".join(source.id if isinstance(source.id, tuple) else [key]))
            found.extend(
                f"{lang}: placeholders {sorted(placeholders(form))} in {form!r}"
                f" differ from the Spanish {sorted(expected)} ({where})"
                for form in forms(message)
                if placeholders(form) != expected
            )
    return found


def main(argv: list[str]) -> int:
    """`extract`, `update`, `compile` or `check` (exit 1 when a catalogue has a problem)."""
    command = argv[0] if argv else "check"
    if command == "extract":
        _write(TEMPLATE, extract())
    elif command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        template = extract()
        found = [p for lang in TRANSLATED for p in problems(read_catalogue(lang), template)]
        sys.stdout.write("".join(f"{p}\n" for p in found) or "catalogues complete\n")
        return 1 if found else 0
    else:
        sys.stderr.write(__doc__ + "\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
