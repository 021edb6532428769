"""The receipt a country gets for each file: accepted or not, what was stored, and every
finding with its row, column, message and fix — as text or JSON, in es/en/pt/fr."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from etl.submission.columns import HEADINGS
from etl.submission.findings import Finding
from etl.submission.messages import explain
from indicators.texts import DEFAULT_LANGUAGE, LANGUAGES

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


WORDS: dict[str, dict[str, str]] = {
    "es": {
        "sep": ": ",
        "valid": "VÁLIDO: se puede cargar (no se guardó nada)",
        "accepted": "ACEPTADO y cargado",
        "unchanged": "SIN CAMBIOS: este mismo archivo ya se cargó (envío {submission_id})",
        "rejected": "RECHAZADO: no se cargó nada; corrija lo siguiente y envíelo de nuevo",
        "values": "{rows} valores",
        "part": "{iso3} {year}, revisión {revision}",
        "part_new": "{iso3} {year}",
        "error": "ERROR",
        "warning": "AVISO",
        "row": "fila {row}",
        "column": "columna {letter}«{column}»",
        "fix": "Cómo corregir",
        "counts": "{errors} error(es), {warnings} aviso(s)",
        "summary": "{ok} de {total} archivo(s) aceptado(s)",
        "unreported": "No informado, con la nota que lo explica",
    },
    "en": {
        "sep": ": ",
        "valid": "VALID: ready to load (nothing was stored)",
        "accepted": "ACCEPTED and loaded",
        "unchanged": "UNCHANGED: this exact file was loaded before (submission {submission_id})",
        "rejected": "REJECTED: nothing was loaded; fix the following and send it again",
        "values": "{rows} values",
        "part": "{iso3} {year}, revision {revision}",
        "part_new": "{iso3} {year}",
        "error": "ERROR",
        "warning": "WARNING",
        "row": "row {row}",
        "column": "column {letter}'{column}'",
        "fix": "How to fix",
        "counts": "{errors} error(s), {warnings} warning(s)",
        "summary": "{ok} of {total} file(s) accepted",
        "unreported": "Not reported, with the note that explains it",
    },
    "pt": {
        "sep": ": ",
        "valid": "VÁLIDO: pode ser carregado (nada foi gravado)",
        "accepted": "ACEITO e carregado",
        "unchanged": "SEM ALTERAÇÕES: este mesmo arquivo já foi carregado (envio {submission_id})",
        "rejected": "REJEITADO: nada foi carregado; corrija o seguinte e envie novamente",
        "values": "{rows} valores",
        "part": "{iso3} {year}, revisão {revision}",
        "part_new": "{iso3} {year}",
        "error": "ERRO",
        "warning": "AVISO",
        "row": "linha {row}",
        "column": "coluna {letter}«{column}»",
        "fix": "Como corrigir",
        "counts": "{errors} erro(s), {warnings} aviso(s)",
        "summary": "{ok} de {total} arquivo(s) aceito(s)",
        "unreported": "Não informado, com a nota que o explica",
    },
    "fr": {
        "sep": " : ",
        "valid": "VALIDE : prêt à charger (rien n'a été enregistré)",
        "accepted": "ACCEPTÉ et chargé",
        "unchanged": "INCHANGÉ : ce même fichier a déjà été chargé (envoi {submission_id})",
        "rejected": "REJETÉ : rien n'a été chargé ; corrigez ce qui suit et renvoyez-le",
        "values": "{rows} valeurs",
        "part": "{iso3} {year}, révision {revision}",
        "part_new": "{iso3} {year}",
        "error": "ERREUR",
        "warning": "AVERTISSEMENT",
        "row": "ligne {row}",
        "column": "colonne {letter}« {column} »",
        "fix": "Comment corriger",
        "counts": "{errors} erreur(s), {warnings} avertissement(s)",
        "summary": "{ok} fichier(s) accepté(s) sur {total}",
        "unreported": "Non communiqué, avec la note qui l'explique",
    },
}


def _lang(lang: str) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def finding_dict(f: Finding, lang: str) -> dict[str, object]:
    message, fix = explain(f, _lang(lang))
    heading = HEADINGS[_lang(lang)].get(f.column or "", f.column)
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


def render_text(receipt: Receipt, lang: str) -> str:
    """One file's receipt as a person reads it in a terminal or an e-mail."""
    w = WORDS[_lang(lang)]
    lines = [f"{receipt.file} — {w[receipt.status].format(submission_id=receipt.submission_id)}"]
    if receipt.rows:
        parts = ", ".join(
            w["part" if rev else "part_new"].format(iso3=i, year=y, revision=rev)
            for i, y, rev in receipt.parts
        )
        lines.append(f"  {w['values'].format(rows=receipt.rows)}{w['sep']}{parts}")
    if receipt.findings:
        lines.append("  " + w["counts"].format(errors=receipt.errors, warnings=receipt.warnings))
    for f in as_dict(receipt, lang)["findings"]:
        column = w["column"].format(
            column=f["column_heading"],
            letter=f"{f['column_letter']} " if f["column_letter"] else "",
        )
        where = ", ".join(
            x
            for x in (
                w["row"].format(row=f["row"]) if f["row"] else "",
                column if f["column"] else "",
            )
            if x
        )
        label = w["error" if f["severity"] == "error" else "warning"]
        lines.append(f"  {label} {where + w['sep'] if where else ''}{f['message']} [{f['code']}]")
        lines.append(f"      {w['fix']}{w['sep']}{f['fix']}")
    for iso3, year, indicator, note in receipt.unreported:
        lines.append(f"  {w['unreported']} — {iso3} {year} {indicator}{w['sep']}«{note}»")
    return "\n".join(lines) + "\n"


def render_summary(receipts: list[Receipt], lang: str) -> str:
    """The closing line: how many files were accepted."""
    return WORDS[_lang(lang)]["summary"].format(ok=sum(r.ok for r in receipts), total=len(receipts))
