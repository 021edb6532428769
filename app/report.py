"""The "GEALC en números" report (`gealc report`): one release and one data year as a document the
secretariat can post as is. The key figures are the home page's headlines, from the same functions
(app.pages.home.headlines); then one section per dimension, the external benchmarks (the UN survey
and the World Bank GTMI, app.pages.un.benchmarks), coverage (app.pages.coverage.reporting), a
summary of the published methodology and the release's identity and citation. `build` gathers the
content; app.report_html lays it out; `write` draws the charts, prints the PDF and writes the
files."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from app import export, figures, gtmi, queries, report_html, robustness
from app.display import fmt_rank, formatted
from app.figures import wrap
from app.pages.coverage import reporting
from app.pages.home.charts import headline
from app.pages.home.headlines import TITLES, Headline, gather, headlines, shown
from app.pages.un import benchmarks
from app.release import Releases, Snapshot, Unavailable
from app.report_model import Report, Section, Table
from indicators.methodology import DOCUMENTS, section
from indicators.scoring import COMPOSITE_ID
from locales import language
from locales.formats import fmt_number
from locales.messages import t
from warehouse.db import connect, duckdb_path, normalise_url

FORMATS = ("html", "pdf")
ROW_HEIGHT = 20  # px per country in the dimension charts: 33 bars and their labels fit a page
METHODOLOGY_PARTS = (
    "score",
    "missing",
    "dimension",
    "composite",
    "ranks",
    "uncertainty",
    "coherence",
    "change",
)  # of indicators.methodology, in order


class ReportError(Exception):
    """What the user asked for cannot be reported (no such release or year, nothing published)."""


def build(db: Snapshot, lang: str, year: int | None = None) -> Report:
    """The report of release `db` in `lang` for data year `year` (default: the latest with
    values)."""
    lang = language(lang)
    reported = queries.reported(db)
    years = sorted({int(y) for y in reported["year"]})
    if not years:
        raise ReportError(f"release {db.label} holds no values")
    year = years[-1] if year is None else year
    if year not in years:
        raise ReportError(
            f"release {db.label} has no values for {year}; "
            f"years with values: {', '.join(map(str, years))}"
        )
    facts = gather(db, lang, year, reported=reported)
    in_year = facts.scores[facts.scores["year"] == year]
    indicators = queries.indicator_names(db, lang)
    dims = queries.dimension_texts(db, lang)
    demo = t(" (datos de demostración)", lang) if db.info.get("is_demo") else ""
    sections = [
        _dimension(dim, in_year, facts.members, indicators, year, lang=lang)
        for dim in dims.to_dict("records")
    ]
    sections += [
        _un(in_year, facts.egov, facts.members, year, demo, lang=lang),
        _gtmi(in_year, _gtmi_surveys(db), facts.members, year, demo, lang=lang),
        _coverage(reported, facts.members, indicators, year, lang),
        *_audit(db, indicators, year, lang),
    ]
    created = pd.Timestamp(db.info["created_at"])
    return Report(
        lang=lang,
        title=t("GEALC en números {year}", lang, year=year),
        year=year,
        release=db.info,
        key_figures=[_key_figure(item, lang) for item in headlines(facts, lang)],
        sections=sections,
        methodology=methodology(lang),
        methodology_note=t(
            "Resumen de la metodología publicada. El texto completo (el catálogo de los {total} "
            "indicadores con sus definiciones, unidades y umbrales, y un ejemplo resuelto) está "
            "en la página «Datos y metodología» de la plataforma.",
            lang,
            total=len(indicators),
        ),
        citation=t(
            "Red GEALC ({year}). GEALC en números, versión {label} (datos de {data_year}). "
            "{network}. SHA-256: {sha256}.",
            lang,
            year=created.year,
            label=db.label,
            data_year=year,
            network=t("Red de Gobierno Electrónico de América Latina y el Caribe", lang),
            sha256=db.info["sha256"],
        ),
    )


def _key_figure(item: Headline, lang: str) -> Section:
    frame, numeric = shown(item, lang)
    title = t(TITLES[item.key], lang)
    return Section(
        item.key,
        title,
        [item.sentence],
        headline(item, lang),
        title,
        Table(frame, list(item.columns.items()), title, numeric),
    )


def _dimension(
    dim: dict,
    scores: pd.DataFrame,
    members: pd.DataFrame,
    indicators: pd.DataFrame,
    year: int,
    *,
    lang: str,
) -> Section:
    """Every member's score in one dimension, best first, the members without one last."""
    mine = scores[(scores["level"] == "dimension") & (scores["id"] == dim["dimension_id"])]
    rows = members[["iso3", "name"]].merge(
        mine[["iso3", "score", "rank", "rank_low", "rank_high", "coverage"]], on="iso3", how="left"
    )
    rows = rows.sort_values(
        ["score", "name"], ascending=[False, True], na_position="last"
    ).reset_index(drop=True)
    scored = rows["score"].dropna()
    sentence = (
        t(
            "{n} de {members} países miembros tienen puntaje en esta dimensión en {year}; la "
            "mediana es {median} sobre 100.",
            lang,
            n=len(scored),
            members=len(rows),
            year=year,
            median=fmt_number(scored.median(), lang, 1),
        )
        if len(scored)
        else t("Ningún país miembro tiene puntaje en esta dimensión en {year}.", lang, year=year)
    )
    own = indicators[indicators["dimension_id"] == dim["dimension_id"]]
    listed = t(
        "Indicadores: {list}.",
        lang,
        list=t("; ", lang).join(
            f"{i} {n}" for i, n in zip(own["indicator_id"], own["name"], strict=True)
        ),
    )
    fig = figures.hbars(
        rows["name"].tolist(), rows["score"].tolist(), lang, t("Puntaje (0–100)", lang)
    )
    fig.update_layout(height=90 + ROW_HEIGHT * len(rows))
    shown_rows = formatted(rows, {"score": 1}, lang)
    shown_rows["gealc_rank"] = [
        fmt_rank(r.rank, r.rank_low, r.rank_high) for r in rows.itertuples()
    ]
    shown_rows["reported"] = [
        f"{0 if pd.isna(c) else int(c)} / {len(own)}" for c in rows["coverage"]
    ]
    title = f"{dim['dimension_id']} {dim['name']}"
    table = Table(
        shown_rows,
        [
            ("name", t("País", lang)),
            ("score", t("Puntaje", lang)),
            ("gealc_rank", t("Posición GEALC (rango)", lang)),
            ("reported", t("Indicadores reportados", lang)),
        ],
        title,
        {"score", "gealc_rank", "reported"},
    )
    return Section(
        dim["dimension_id"],
        title,
        [sentence],
        fig,
        t("Puntaje de cada país miembro, {year}", lang, year=year),
        table,
        [dim["description"], listed],
    )


def _un(
    scores: pd.DataFrame,
    egov: pd.DataFrame,
    members: pd.DataFrame,
    year: int,
    demo: str,
    *,
    lang: str,
) -> Section:
    """The GEALC composite against the UN EGDI of the nearest survey, as on the UN page by
    default."""
    frame, fit = benchmarks.pairs(scores, egov, members, year, COMPOSITE_ID, index="EGDI")
    measure, index = (
        t("Compuesto GEALC", lang),
        t("EGDI (desarrollo de gobierno electrónico)", lang),
    )
    sentence = benchmarks.sentence(frame, fit, measure, index, lang)
    frame = frame.sort_values(["score", "name"], ascending=[False, True], na_position="last")
    rows = benchmarks.shown(frame, lang)
    columns = [
        ("name", t("País", lang)),
        ("survey_year", t("Encuesta ONU", lang)),
        ("benchmark", "EGDI"),
        ("egdi_rank", t("Posición ONU", lang)),
        ("score", t("Puntaje", lang)),
        ("gealc_rank", t("Posición GEALC (rango)", lang)),
        ("divergence", t("Divergencia señalada", lang)),
    ]
    chart_title = t(
        "{measure} frente a {index}, {year}", lang, measure=measure, index="EGDI", year=year
    )
    return Section(
        "un-comparison",
        t("Comparación con la ONU", lang),
        [sentence],
        figures.scatter(frame, lang, "EGDI", wrap(measure, 30), fit),
        chart_title,
        Table(
            rows,
            columns,
            t("Tabla: puntaje GEALC e índice de la ONU por país, {year}", lang, year=year),
            {"survey_year", "benchmark", "egdi_rank", "score", "gealc_rank"},
        ),
        [
            t(
                "El puntaje GEALC de cada país frente a un índice de la Encuesta de Gobierno "
                "Electrónico de la ONU (la encuesta más cercana al año de los datos): cuánto "
                "coinciden, y qué países se apartan de la tendencia para que la secretaría lo "
                "revise.",
                lang,
            ),
            t(
                "Fuentes: Naciones Unidas, DAES, Encuesta de Gobierno Electrónico (encuesta más "
                "cercana al año de los datos); puntajes GEALC de los envíos de los países "
                "miembros{demo}. Una divergencia es una señal para revisar, no un veredicto.",
                lang,
                demo=demo,
            ),
        ],
    )


def _gtmi_surveys(db: Snapshot) -> pd.DataFrame:
    """The members' GTMI composites and groups per survey, as the composite is read against."""
    return benchmarks.gtmi_surveys(
        queries.gtmi_all(db), queries.gtmi_indicators_all(db), COMPOSITE_ID, gtmi.reference()
    )


def _gtmi(
    scores: pd.DataFrame,
    surveys: pd.DataFrame,
    members: pd.DataFrame,
    year: int,
    demo: str,
    *,
    lang: str,
) -> Section:
    """The GEALC composite against the World Bank GTMI of the nearest survey, as the
    external-benchmarks page shows it for the GTMI by default: the group beside each value,
    never a rank, and the World Bank's citation and licence."""
    ref = gtmi.reference()
    frame, fit = benchmarks.gtmi_pairs(
        scores, surveys, members, year, COMPOSITE_ID, index="gtmi", ref=ref
    )
    measure, index = (
        t("Compuesto GEALC", lang),
        benchmarks.gtmi_label(COMPOSITE_ID, "gtmi", ref, lang),
    )
    sentence = benchmarks.sentence(frame, fit, measure, index, lang)
    frame = frame.sort_values(["score", "name"], ascending=[False, True], na_position="last")
    columns = [
        ("name", t("País", lang)),
        ("survey_year", t("Encuesta GTMI", lang)),
        ("benchmark", "GTMI"),
        ("gtmi_group", t("Grupo GTMI", lang)),
        ("score", t("Puntaje", lang)),
        ("gealc_rank", t("Posición GEALC (rango)", lang)),
        ("divergence", t("Divergencia señalada", lang)),
    ]
    citation = benchmarks.gtmi_citation(ref, lang)
    return Section(
        "gtmi-comparison",
        t("GTMI del Banco Mundial", lang),
        [sentence],
        figures.scatter(frame, lang, "GTMI", wrap(measure, 30), fit),
        t("{measure} frente a {index}, {year}", lang, measure=measure, index="GTMI", year=year),
        Table(
            benchmarks.shown(frame, lang),
            columns,
            t("Tabla: puntaje GEALC y GTMI del Banco Mundial por país, {year}", lang, year=year),
            {"survey_year", "benchmark", "score", "gealc_rank"},
        ),
        [
            t(
                "El puntaje compuesto GEALC de cada país frente al Índice de Madurez GovTech "
                "(GTMI) del Banco Mundial de la encuesta más cercana al año de los datos: cuánto "
                "coinciden, y qué países se apartan de la tendencia para que la secretaría lo "
                "revise.",
                lang,
            ),
            benchmarks.gtmi_groups(ref, lang),
            t(
                "Fuentes: {citation} (la encuesta más cercana al año de los datos; las preguntas, "
                "de la encuesta 2022); puntajes GEALC de los envíos de los países miembros{demo}. "
                "Una divergencia es una señal para revisar, no un veredicto.",
                lang,
                citation=citation,
                demo=demo,
            ),
        ],
    )


def _coverage(
    reported: pd.DataFrame, members: pd.DataFrame, indicators: pd.DataFrame, year: int, lang: str
) -> Section:
    """Who reported which indicator in the year, and how many indicators each member reported
    each year."""
    matrix = reporting.indicator_matrix(reported, members, indicators, year)
    counts = reporting.yearly_counts(reported, members, indicators)
    sentence = t(
        "{countries} de {members} países reportaron al menos un indicador en {year}; {cells} de "
        "{possible} valores posibles.",
        lang,
        countries=int((matrix.sum(axis=1) > 0).sum()),
        members=len(members),
        year=year,
        cells=int(matrix.to_numpy().sum()),
        possible=matrix.size,
    )
    years = (
        counts.astype(str).set_axis([str(c) for c in counts.columns], axis=1).reset_index(drop=True)
    )
    years.insert(0, "name", members["name"].to_numpy())
    caption = t("Indicadores reportados por año (de {total})", lang, total=len(indicators))
    fig = figures.reporting_matrix(matrix, members["name"].tolist(), lang).update_layout(
        height=110 + ROW_HEIGHT * len(members)
    )
    return Section(
        "coverage",
        t("Cobertura", lang),
        [sentence],
        fig,
        t("Indicadores reportados, {year}", lang, year=year),
        Table(
            years,
            [("name", t("País", lang)), *[(c, c) for c in years.columns[1:]]],
            caption,
            set(years.columns[1:]),
        ),
        [
            t(
                "Quién reportó qué: cada país miembro frente a cada indicador del catálogo, y "
                "cuántos indicadores reportó cada año.",
                lang,
            )
        ],
    )


def _audit(db: Snapshot, indicators: pd.DataFrame, year: int, lang: str) -> list[Section]:
    """The release's statistical audit of the year (none for a release made before it was
    stored): how much each choice of the method moves the ranking, and its coherence."""
    stats = queries.statistics(db)
    if year not in robustness.audit_years(stats):
        return []
    names = queries.dimension_names(db, lang)
    return [
        Section(
            f"audit-{part.key}",
            part.title,
            [part.sentence],
            table=Table(part.frame, part.columns, part.title, part.numeric),
            notes=[robustness.provenance(db.label, year, lang)] * (part.key == "sensitivity"),
        )
        for part in robustness.audit_tables(stats, year, names, indicators, lang)
    ]


def methodology(lang: str) -> list[tuple[str, str]]:
    """How scores, dimensions, the composite and rank ranges are computed: those sections of the
    published methodology (docs/, written by `gealc methodology`), as (heading, Markdown text)."""
    text = DOCUMENTS[lang].read_text(encoding="utf-8")
    parts = []
    for key in METHODOLOGY_PARTS:
        heading = section(key, lang)
        body = text.split(heading + "\n", 1)[1].split("\n## ", 1)[0]
        parts.append((re.sub(r"^#+ (\d+\. )?", "", heading), body.strip()))
    return parts


def write(
    url: str,
    label: str | None,
    lang: str,
    fmt: str,
    output: Path,
    *,
    year: int | None = None,
    charts: Path | None = None,
    browser: str | None = None,
) -> list[Path]:
    """Write the report of release `label` (default: the latest) to `output` as HTML or PDF, and
    with `charts` every chart as PNG and SVG there, drawn by the Chromium at `browser` (default:
    the PATH's). The files written."""
    path = duckdb_path(normalise_url(url))
    if path is not None and not path.exists():
        raise ReportError(f"no warehouse at {path}; build one with `gealc build`")
    book = Releases(connect(url, read_only=True))
    try:
        listing = book.listing()
        if listing.empty:
            raise ReportError(
                "no release has been published yet; publish one with `gealc publish --label L`"
            )
        db = book.snapshot(label)
    except KeyError:
        raise ReportError(
            f"there is no release {label!r}; published releases: {', '.join(listing['label'])}"
        ) from None
    except Unavailable as exc:
        raise ReportError(f"the warehouse cannot be read: {exc}") from exc
    report = build(db, lang, year)
    drawn = draw([report], ("svg", "png") if charts else ("svg",), browser)[0]
    document = html(report, drawn)
    output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "pdf":
        export.print_pdf(document, output, browser)
    else:
        output.write_text(document, encoding="utf-8")
    written = [output]
    if charts:
        charts.mkdir(parents=True, exist_ok=True)
        for name, images in drawn.items():
            for ext, data in images.items():
                (charts / f"{name}.{ext}").write_bytes(data)
                written.append(charts / f"{name}.{ext}")
    return written


def draw(
    reports: list[Report], formats: tuple[str, ...] = ("svg",), browser: str | None = None
) -> list[dict[str, dict[str, bytes]]]:
    """Every chart of each report in `formats`, by file name (`01-reporting`: {'svg': …}), all
    drawn in one browser session."""
    named = [report.charts() for report in reports]
    images = iter(
        export.images(
            [section.figure for charts in named for _, section in charts], formats, browser
        )
    )
    return [{name: next(images) for name, _ in charts} for charts in named]


def html(report: Report, drawn: dict[str, dict[str, bytes]]) -> str:
    """The report as one HTML document, with its charts as `draw` made them."""
    return report_html.document(
        report,
        {section.key: drawn[name]["svg"].decode("utf-8") for name, section in report.charts()},
    )
