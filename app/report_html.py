"""The report (app.report) as one self-contained HTML document: the charts inline as SVG, the
style inline, no script and nothing fetched, so it opens anywhere and prints to A4 (one section per
page, tables that break between rows and repeat their headings). Every text from the data is
escaped here."""

from __future__ import annotations

import re
from html import escape

from app.display import DEMO_NOTICE
from app.report_model import Report, Section, Table
from locales.formats import fmt_date, fmt_number
from locales.messages import t, tc

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
CSS = """
@page { size: A4; margin: 15mm 15mm 18mm; }
* { box-sizing: border-box; }
html { color: #212529; background: #fff; }
body { font: 10.5pt/1.45 FONT; margin: 0; }
@media screen { body { max-width: 190mm; margin: 2rem auto; padding: 0 1rem; }
  section { margin-top: 3rem; } }
h1 { font-size: 26pt; line-height: 1.15; margin: 0 0 .3em; color: #0b3d6b; }
h2 { font-size: 16pt; margin: 0 0 .4em; color: #0b3d6b; }
h3 { font-size: 11.5pt; margin: 1em 0 .3em; }
p { margin: 0 0 .6em; }
.cover { break-after: page; }
.network { font-size: 11pt; text-transform: uppercase; letter-spacing: .04em; color: #495057;
  margin-top: 30mm; }
.release-line { font-size: 12pt; color: #495057; border-top: 3px solid #0072B2; padding-top: .5em;
  margin-bottom: 1.5em; }
.key-list li { margin-bottom: .45em; }
.lead { font-size: 11.5pt; }
.warning { border: 1px solid #b58100; background: #fff3cd; padding: .5em .8em; margin: 1em 0; }
.contents ol { columns: 2; padding-left: 1.4em; }
.contents a, .contents a:visited { color: #0b3d6b; text-decoration: none; }
section { break-before: page; }
section.follows { break-before: auto; break-inside: avoid; margin-top: 2em; }
figure { margin: .8em 0 1em; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: .3em; }
figure svg { display: block; width: 100%; height: auto; max-height: 225mm; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: .4em 0 .8em;
  break-inside: avoid; }
caption { text-align: left; font-weight: 600; padding-bottom: .3em; caption-side: top; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid #dee2e6;
  vertical-align: top; }
th { border-bottom: 2px solid #495057; }
td:first-child { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.note { font-size: 9pt; color: #495057; }
.citation { border-left: 3px solid #0072B2; padding-left: .8em; }
code, .sha { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt;
  overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
dt { font-weight: 600; }
dd { margin: 0; }
""".replace("FONT", FONT)
MARGIN_TEXT = f"font: 8pt {FONT}; color: #6c757d;"  # page margins do not inherit the body's font


def _para(cls: str, text: str, *, note: bool = False) -> str:
    """A paragraph of escaped text; `note` marks it as an aside for assistive technology."""
    role = ' role="note"' if note else ""
    return f'<p class="{cls}"{role}>{escape(text)}</p>'


def _element(tag: str, text: str, **attributes: str) -> str:
    """`<tag …>text</tag>` with the text escaped."""
    attrs = "".join(f' {name}="{escape(value)}"' for name, value in attributes.items())
    return f"<{tag}{attrs}>{escape(text)}</{tag}>"


def document(report: Report, svgs: dict[str, str]) -> str:
    """The whole document; `svgs`: each section's chart as SVG, by section key."""
    lang, info = report.lang, report.release
    footer = t("{title} · versión {label}", lang, title=report.title, label=info["label"])
    page = (
        f"@page {{ @bottom-left {{ content: {_css_string(footer)}; {MARGIN_TEXT} }} "
        f"@bottom-right {{ content: counter(page) ' / ' counter(pages); {MARGIN_TEXT} }} }}"
    )
    parts = [
        _cover(report),
        *(_section(s, svgs.get(s.key), lang) for s in [*report.key_figures, *report.sections]),
        _methodology(report),
        _release(report),
    ]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{escape(lang)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(footer)}</title>",
            f"<style>{CSS}\n{page}\n@page :first {{ @bottom-left {{ content: none; }} }}</style>",
            "</head>",
            "<body>",
            *parts,
            "</body>",
            "</html>",
            "",
        ]
    )


def _css_string(text: str) -> str:
    """A CSS string literal that nothing in `text` can break out of (quotes, backslashes,
    `</style>`)."""
    return (
        '"' + "".join(c if c.isalnum() or c in " .,-_·()" else f"\\{ord(c):x} " for c in text) + '"'
    )


def _cover(report: Report) -> str:
    lang, info = report.lang, report.release
    created = fmt_date(str(info["created_at"]), lang)
    demo = info.get("is_demo")
    contents = [(s.key, s.title) for s in [*report.key_figures, *report.sections]]
    contents += [
        ("methodology", t("Metodología", lang)),
        ("release", t("Versión y cita", lang)),
    ]
    release_line = t(
        "Versión {label} · publicada el {date} · datos de {year}",
        lang,
        label=info["label"],
        date=created,
        year=report.year,
    )
    sources = t(
        "Fuentes: envíos de los países miembros de la Red GEALC{demo}; puntajes según la "
        "metodología GEALC; Naciones Unidas, DAES, Encuesta de Gobierno Electrónico (EGDI); Banco "
        "Mundial, GovTech Dataset (Índice de Madurez GovTech), CC BY 4.0.",
        lang,
        demo=t(" (datos de demostración)", lang) if demo else "",
    )
    contents_title = escape(t("Contenido", lang))
    return "\n".join(
        [
            '<header class="cover" id="cover">',
            _para("network", t("Red de Gobierno Electrónico de América Latina y el Caribe", lang)),
            f"<h1>{escape(report.title)}</h1>",
            f'<p class="release-line">{escape(release_line)}</p>',
            *(
                [
                    _para(
                        "warning",
                        t(DEMO_NOTICE, lang),
                        note=True,
                    )
                ]
                if demo
                else []
            ),
            _para(
                "lead",
                t(
                    "Las cifras clave de la Red: quién reportó, cómo está la región en cada "
                    "dimensión, quién mejoró y dónde están los miembros en la Encuesta de "
                    "Gobierno Electrónico de la ONU.",
                    lang,
                ),
            ),
            _element("h2", t("Cifras clave", lang)),
            '<ul class="key-list">',
            *(f"<li>{escape(s)}</li>" for k in report.key_figures for s in k.sentences),
            "</ul>",
            f'<p class="note">{escape(sources)}</p>',
            f'<nav class="contents" aria-label="{contents_title}"><h2>{contents_title}</h2><ol>',
            *(f'<li><a href="#{escape(key)}">{escape(title)}</a></li>' for key, title in contents),
            "</ol></nav>",
            "</header>",
        ]
    )


def _section(section: Section, svg: str | None, lang: str) -> str:
    out = [
        f'<section id="{escape(section.key)}" aria-labelledby="{escape(section.key)}-title">',
        f'<h2 id="{escape(section.key)}-title">{escape(section.title)}</h2>',
        *(f'<p class="lead">{escape(s)}</p>' for s in section.sentences),
        *(f'<p class="note">{escape(n)}</p>' for n in section.notes),
    ]
    if svg is not None:
        label = escape(section.chart_title)
        caption = (
            f"<figcaption>{label}</figcaption>" if section.chart_title != section.title else ""
        )
        out += [
            "<figure>",
            caption,
            re.sub(
                r"^\s*(<\?xml[^>]*>\s*)?<svg ",
                f'<svg role="img" aria-label="{label}" ',
                svg,
                count=1,
            ),
            "</figure>",
        ]
    if section.table is not None:
        out.append(_table(section.table, hidden_caption=section.table.caption == section.title))
    return "\n".join([*out, "</section>"])


def _table(table: Table, hidden_caption: bool = False) -> str:
    """The table with its caption (kept for screen readers, not printed when the heading above
    says it)."""

    def cell(tag: str, column: str, text: object) -> str:
        align = ' class="num"' if column in table.numeric else ""
        return f"<{tag}{align}>{escape(str(text))}</{tag}>"

    head = "".join(cell("th", c, h) for c, h in table.columns)
    rows = (
        "<tr>" + "".join(cell("td", c, row[c]) for c, _ in table.columns) + "</tr>"
        for row in table.frame.to_dict("records")
    )
    hidden = ' class="visually-hidden"' if hidden_caption else ""
    caption = f"<caption{hidden}>{escape(table.caption)}</caption>"
    return "\n".join(
        [f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>", *rows, "</tbody></table>"]
    )


def _markdown(text: str) -> str:
    """The Markdown of the methodology documents (paragraphs, `- ` lists, **bold**, `code`) as
    HTML."""

    def inline(line: str) -> str:
        line = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escape(line))
        return re.sub(r"`(.+?)`", r"<code>\1</code>", line)

    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.splitlines()
        if all(line.startswith("- ") for line in lines):
            out.append("<ul>" + "".join(f"<li>{inline(line[2:])}</li>" for line in lines) + "</ul>")
        else:
            out.append(f"<p>{inline(' '.join(lines))}</p>")
    return "\n".join(out)


def _methodology(report: Report) -> str:
    return "\n".join(
        [
            '<section id="methodology" aria-labelledby="methodology-title">',
            _element("h2", t("Metodología", report.lang), id="methodology-title"),
            f'<p class="note">{escape(report.methodology_note)}</p>',
            *(
                f"<h3>{escape(heading)}</h3>\n{_markdown(body)}"
                for heading, body in report.methodology
            ),
            "</section>",
        ]
    )


def _release(report: Report) -> str:
    lang, info = report.lang, report.release
    fields = [
        (t("Versión", lang), escape(str(info["label"]))),
        (
            tc("report_published", "Publicada", lang),
            escape(fmt_date(str(info["created_at"]), lang)),
        ),
        (t("Año de los datos", lang), str(report.year)),
        (
            t("SHA-256 del contenido", lang),
            f'<span class="sha">{escape(str(info["sha256"]))}</span>',
        ),
        (t("Edición del catálogo", lang), escape(str(info["catalogue_edition"]))),
        (t("Valores publicados", lang), escape(fmt_number(info["value_count"], lang, 0))),
    ]
    if info.get("note"):
        fields.append((t("Nota", lang), escape(str(info["note"]))))
    return "\n".join(
        [
            '<section id="release" class="follows" aria-labelledby="release-title">',
            _element("h2", t("Versión y cita", lang), id="release-title"),
            "<dl>",
            *(f"<dt>{escape(name)}</dt><dd>{value}</dd>" for name, value in fields),
            "</dl>",
            _para(
                "note",
                t(
                    "El SHA-256 identifica el contenido exacto de esta versión: una versión "
                    "publicada no cambia nunca y toda corrección se publica como una versión "
                    "nueva.",
                    lang,
                ),
            ),
            _element("h3", t("Cómo citar", lang)),
            f'<p class="citation">{escape(report.citation)}</p>',
            "</section>",
        ]
    )
