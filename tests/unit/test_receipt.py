"""The receipt as a country reads it, and text that survives a trip through a spreadsheet."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from etl.submission.findings import error, warning
from etl.submission.read import read_submission
from etl.submission.receipt import STATUS_WORDS, Receipt, as_dict, render_summary, render_text
from indicators.cells import safe_frame, safe_text, unescape_cell
from locales import TRANSLATED
from locales.messages import t

REJECTED = Receipt(
    "ury.csv",
    "ab" * 32,
    "rejected",
    (
        warning(
            "missing_indicators", "ury.csv", None, None, country="URY", year=2024, indicators="SA2"
        ),
        replace(
            error("unknown_country", "ury.csv", 3, "country", value="URU", suggestion="URY"),
            letter="A",
        ),
    ),
)


def test_errors_come_first_with_row_column_letter_and_fix():
    text = render_text(REJECTED, "es")
    lines = text.splitlines()
    assert (
        lines[0] == "ury.csv — RECHAZADO: no se cargó nada; corrija lo siguiente y envíelo de nuevo"
    )
    assert lines[1] == "  1 error, 1 aviso"
    assert lines[2] == (
        "  ERROR fila 3, columna A «País»: «URU» no es el código ISO3 de un país miembro"
        " [unknown_country]"
    )
    assert lines[3] == "      Cómo corregir: use el código de tres letras (¿quiso decir URY?)"
    assert lines[4].startswith("  AVISO URY 2024: faltan indicadores del catálogo: SA2")
    assert "ligne 3, colonne A «\u00a0Pays\u00a0»\u00a0: «\u00a0URU\u00a0»" in render_text(
        REJECTED, "fr"
    )


def test_json_receipt_carries_codes_and_words_in_the_chosen_language():
    doc = as_dict(REJECTED, "pt")
    assert doc["status"] == "rejected" and (doc["errors"], doc["warnings"]) == (1, 1)
    first = doc["findings"][0]
    assert (first["code"], first["row"], first["column"], first["column_letter"]) == (
        "unknown_country",
        3,
        "country",
        "A",
    )
    assert first["fix"] == "use o código de três letras (você quis dizer URY?)"


def test_accepted_receipt_lists_country_years_and_revisions():
    accepted = Receipt(
        "bra.csv",
        "cd" * 32,
        "accepted",
        rows=15,
        parts=(("BRA", 2023, 1), ("BRA", 2024, 2)),
        submission_id=7,
    )
    assert "  15 values: BRA 2023, revision 1, BRA 2024, revision 2" in render_text(accepted, "en")
    assert render_summary([accepted, REJECTED], "es") == "Archivos aceptados: 1 de 2"
    assert render_summary([accepted], "fr") == "Fichiers acceptés\u00a0: 1 sur 1"


def test_counts_take_their_plural_form_in_every_language():
    one = Receipt("a.csv", "ef" * 32, "valid", rows=1, parts=(("URY", 2024, None),))
    two = replace(REJECTED, rows=2, findings=REJECTED.findings * 2, parts=(("URY", 2024, None),))
    assert "  1 valor: URY 2024" in render_text(one, "es")
    assert "  1 valeur\u00a0: URY 2024" in render_text(one, "fr")
    assert "  2 valores: URY 2024" in render_text(two, "pt")
    assert "  2 errors, 2 warnings" in render_text(two, "en")
    assert "  2 erreurs, 2 avertissements" in render_text(two, "fr")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_status_has_words(lang):
    assert set(STATUS_WORDS) == {"valid", "accepted", "unchanged", "rejected"}
    for status, msgid in STATUS_WORDS.items():
        assert t(msgid, lang, submission_id=7) != t(msgid, "es", submission_id=7), status


@pytest.mark.parametrize("text", ["=1+1", "+54 11", "-dato", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_text_is_neutralised_and_reads_back_unchanged(text):
    assert safe_text(text).startswith("'")
    assert unescape_cell(safe_text(text)) == text


def test_harmless_values_pass_and_frames_keep_numbers():
    assert (
        safe_text("Agesic") == "Agesic"
        and safe_text(-3.5) == -3.5
        and unescape_cell("'ok") == "'ok"
    )
    frame = safe_frame(pd.DataFrame({"note": ["=cmd", "fine"], "value": [-1.0, 2.0]}))
    assert frame["note"].tolist() == ["'=cmd", "fine"] and frame["value"].tolist() == [-1.0, 2.0]


def test_a_neutralised_csv_cell_is_read_as_the_original_text(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(
        'country,year,indicator,value,note\nURY,2024,SD1,50,\'=HYPERLINK("x")\n', encoding="utf-8"
    )
    assert read_submission(path).rows.loc[0, "note"] == '=HYPERLINK("x")'
