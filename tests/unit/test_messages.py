"""Every finding the reader and the rules can raise has words in all four languages."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from etl.submission.findings import error
from etl.submission.messages import MESSAGES, explain
from indicators.texts import LANGUAGES

ETL = Path(__file__).resolve().parents[2] / "etl" / "submission"
RAISED = sorted(
    {
        code
        for name in ("read.py", "validate.py")
        for code in re.findall(
            r'\b(?:error|warning)\(\s*"([a-z_]+)"', (ETL / name).read_text(encoding="utf-8")
        )
    }
)


def test_every_raised_code_has_texts_in_every_language():
    assert len(RAISED) >= 20
    assert set(RAISED) <= set(MESSAGES)
    for code in MESSAGES:
        assert set(MESSAGES[code]) == set(LANGUAGES), code


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_placeholders_are_the_same_in_every_language(code):
    def fields(text: str) -> set[str]:
        return {f.split("_")[0] for _, f, _, _ in string.Formatter().parse(text) if f}

    es_message, es_fix = MESSAGES[code]["es"]
    for lang in LANGUAGES:
        message, fix = MESSAGES[code][lang]
        assert fields(message) | fields(fix) == fields(es_message) | fields(es_fix), (code, lang)


def test_suggestion_reads_naturally():
    finding = error("unknown_country", "f.csv", 3, "country", value="URU", suggestion="URY")
    assert explain(finding, "es") == (
        "«URU» no es el código ISO3 de un país miembro",
        "use el código de tres letras (¿quiso decir URY?)",
    )
    assert explain(finding, "en")[1] == "use the three-letter code (did you mean URY?)"
    assert (
        explain(error("unknown_country", "f.csv", 3, "country", value="XX", suggestion=""), "fr")[1]
        == "utilisez le code à trois lettres"
    )
