"""The receipt a country gets for each file: accepted or not, what was stored, and every
finding with its row, column, message and fix — as text or JSON, in es/en/pt/fr."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from etl.submission.columns import headings
from etl.submission.findings import Finding
from etl.submission.messages import explain
from locales import language
from locales.messages import N_, t, tn

# valid: passed validation (validate only, nothing written); accepted: loaded;
# unchanged: these exact bytes were loaded before; rejected: blocking errors, nothing loaded.
Status = Literal["valid", "accepted", "unchanged", "rejected"]


@dataclass(frozen=True)
class Receipt:
    file: str
    sha256: str
    status: Status
    findings: tuple[Finding, ...] = ()
    rows: int = 0
    parts: tuple[tuple[str, int, int | None], ...] = ()  # (iso3, year, revision)
    submission_id: int | None = None
    details: dict[str, object] = field(default_factory=dict)
    # (iso3, year, indicator, note): left without a value and explained, kept as "not reported"
    unreported: tuple[tuple[str, int, str, str], ...] = ()

    @property
    def errors(self) -> int:
        return sum(f.blocking for f in self.findings)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    @property
    def ok(self) -> bool:
        return self.status != "rejected"


# What the receipt says of the file as a whole, by status.
STATUS_WORDS: dict[str, str] = {
    "valid": N_("VÁLIDO: se puede cargar (no se guardó nada)"),
    "accepted": N_("ACEPTADO y cargado"),
    "unchanged": N_("SIN CAMBIOS: este mismo archivo ya se cargó (envío {submission_id})"),
    "rejected": N_("RECHAZADO: no se cargó nada; corrija lo siguiente y envíelo de nuevo"),
}


def finding_dict(f: Finding, lang: str) -> dict[str, object]:
    """One finding of the JSON receipt, its column named by the template's heading in `lang`."""
    message, fix = explain(f, lang)
    heading = headings(language(lang)).get(f.column or "", f.column)
    return {
        "severity": f.severity,
        "code": f.code,
        "file": f.file,
        "row": f.row,
        "column": f.column,
        "column_letter": f.letter,
        "column_heading": heading,
        "message": message,
        "fix": fix,
        "params": f.params,
    }


def as_dict(receipt: Receipt, lang: str) -> dict[str, object]:
    """The receipt as plain data (the JSON receipt): errors first, then warnings, by row."""
    ordered = sorted(receipt.findings, key=lambda f: (not f.blocking, f.row is None, f.row or 0))
    return {
        "file": receipt.file,
        "sha256": receipt.sha256,
        "status": receipt.status,
        "submission_id": receipt.submission_id,
        "rows": receipt.rows,
        "country_years": [{"iso3": i, "year": y, "revision": r} for i, y, r in receipt.parts],
        "errors": receipt.errors,
        "warnings": receipt.warnings,
        "findings": [finding_dict(f, lang) for f in ordered],
        "not_reported": [
            {"iso3": i, "year": y, "indicator": ind, "note": note}
            for i, y, ind, note in receipt.unreported
        ],
        **receipt.details,
    }


def _counts(receipt: Receipt, lang: str) -> str:
    """ "2 errors, 1 warning", each count in its plural form."""
    return ", ".join(
        (
            tn("{n} error", "{n} errores", receipt.errors, lang),
            tn("{n} aviso", "{n} avisos", receipt.warnings, lang),
        )
    )


def render_text(receipt: Receipt, lang: str) -> str:
    """One file's receipt as a person reads it in a terminal or an e-mail."""
    # TRANSLATORS: between a label and what it labels ("fila 3: …"); French puts a space before.
    sep = t(": ", lang)
    status = t(STATUS_WORDS[receipt.status], lang, submission_id=receipt.submission_id)
    lines = [f"{receipt.file} — {status}"]
    if receipt.rows:
        parts = ", ".join(
            t("{iso3} {year}, revisión {revision}", lang, iso3=i, year=y, revision=rev)
            if rev
            else f"{i} {y}"
            for i, y, rev in receipt.parts
        )
        values = tn("{n} valor", "{n} valores", receipt.rows, lang)
        lines.append(f"  {values}{sep}{parts}")
    if receipt.findings:
        lines.append(f"  {_counts(receipt, lang)}")
    how = t("Cómo corregir", lang)
    for f in as_dict(receipt, lang)["findings"]:
        letter = f"{f['column_letter']} " if f["column_letter"] else ""
        column = t("columna {letter}«{column}»", lang, column=f["column_heading"], letter=letter)
        where = ", ".join(
            x
            for x in (
                t("fila {row}", lang, row=f["row"]) if f["row"] else "",
                column if f["column"] else "",
            )
            if x
        )
        label = t("ERROR", lang) if f["severity"] == "error" else t("AVISO", lang)
        lines.append(f"  {label} {where + sep if where else ''}{f['message']} [{f['code']}]")
        lines.append(f"      {how}{sep}{f['fix']}")
    for iso3, year, indicator, note in receipt.unreported:
        unreported = t("No informado, con la nota que lo explica", lang)
        lines.append(f"  {unreported} — {iso3} {year} {indicator}{sep}«{note}»")
    return "\n".join(lines) + "\n"


def render_summary(receipts: list[Receipt], lang: str) -> str:
    """The closing line: how many files were accepted."""
    return t(
        "Archivos aceptados: {ok} de {total}",
        lang,
        ok=sum(r.ok for r in receipts),
        total=len(receipts),
    )
