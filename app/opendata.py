"""Open data: one published release as tidy tables and as a downloadable package (CSV and XLSX of
values and scores, the catalogue, dimensions, countries, the UN figures and the World Bank GovTech
Maturity Index (GTMI) figures set beside them, a Frictionless `datapackage.json` describing every
column, and a README with the citations and licences).

The tables are the same for the package and the API (`app.api`), so a row fetched one way is the
row found the other. Ids are the keys; names are in English in the package (the API's `lang`
picks another language), while the catalogue, dimensions and countries carry all four languages.
The package is reproducible: the same release gives the same bytes (rows sorted by key, every
file in the zip dated at the release's publication)."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd
from babel import Locale

from app import gtmi, queries
from app.downloads import to_bytes
from app.release import Snapshot
from indicators.texts import LANGUAGES

PACKAGE_LANGUAGE = "en"
# Each language's name in English, the package's language (CLDR).
LANGUAGE_NAMES = {lang: Locale.parse(lang).get_display_name("en") for lang in LANGUAGES}
TITLE = "GEALC en números — digital-government indicators of Latin America and the Caribbean"
PUBLISHER = "Red GEALC (Red de Gobierno Electrónico de América Latina y el Caribe)"
LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
UN_SOURCE = {
    "title": "United Nations E-Government Survey (UN DESA), E-Government Knowledgebase Data Center",
    "path": "https://publicadministration.un.org/egovkb/en-us/Data-Center",
}
UN_TERMS = {
    "title": "United Nations terms of use (the figures are UN DESA's, not covered by CC BY 4.0)",
    "path": "https://www.un.org/en/about-us/terms-of-use",
}
GTMI = gtmi.reference()  # the World Bank's citation, composites, groups, questions and labels
GTMI_SOURCE = {"title": GTMI.source.citation.en, "path": GTMI.source.url}
GTMI_LICENCE = {
    **LICENCE,
    "title": f"{LICENCE['title']}, the World Bank's licence of the GovTech Dataset",
}
COUNTRY_SOURCE = {
    "title": "Red GEALC member countries' submissions, reviewed and approved by the secretariat"
}
XLSX_TABLES = ("values", "scores")
FORMULA_NOTE = (
    "a text starting with =, +, - or @ is written with a leading apostrophe so spreadsheets "
    "show it as text instead of running it"
)

Field = tuple[str, str]  # (Frictionless type, description)


def _languages(stem: str, what: str, kind: str = "string") -> dict[str, Field]:
    return {f"{stem}_{lang}": (kind, f"{what} in {LANGUAGE_NAMES[lang]}") for lang in LANGUAGES}


ISO3: dict[str, Field] = {"iso3": ("string", "ISO 3166-1 alpha-3 code of the member country")}
COUNTRY: dict[str, Field] = {"country": ("string", "Country name (English in the package)")}
GTMI_YEAR: dict[str, Field] = {"year": ("integer", "Year of the World Bank GTMI survey")}
NOT_A_RANK = "the World Bank publishes groups, not ranks"


def _gtmi_named(db: Snapshot, lang: str) -> pd.DataFrame:
    """The members' GTMI composites and group per survey, with the country's name."""
    frame = queries.gtmi_all(db)
    return frame.assign(country=frame["iso3"].map(_country_names(db, lang)))


def _gtmi_indicators_named(db: Snapshot, lang: str) -> pd.DataFrame:
    """The members' answers to the GTMI questions per survey, with the country's name, the
    question's World Bank label and its top level."""
    frame = queries.gtmi_indicators_all(db)
    question = frame["indicator_id"].map(GTMI.indicator_by_id)
    return frame.assign(
        country=frame["iso3"].map(_country_names(db, lang)),
        indicator=question.map(lambda q: q.label.get(lang)),
        scale_max=question.map(lambda q: q.scale.max).astype("Int64"),
    )


def _country_names(db: Snapshot, lang: str) -> pd.Series:
    return queries.member_names(db, lang).set_index("iso3")["name"]


def _question_order(column: pd.Series) -> pd.Series:
    """Sort key: GTMI questions in the World Bank's order (I-1, I-2, … I-10), other columns as
    they are."""
    if column.name != "indicator_id":
        return column
    return column.map({q.id: n for n, q in enumerate(GTMI.indicators)})


@dataclass(frozen=True)
class Table:
    """One tidy table of a release: how to read it, its columns (in order) and its keys."""

    name: str
    title: str
    rows: Callable[[Snapshot, str], pd.DataFrame]
    fields: dict[str, Field]
    key: tuple[str, ...]
    order: tuple[str, ...]
    refs: dict[str, str] = field(default_factory=dict)  # column → table whose key it is
    extra: dict = field(default_factory=dict)  # more Frictionless resource properties
    sort_key: Callable[[pd.Series], pd.Series] | None = None  # how `order`'s columns sort


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "values",
            (
                "Indicator values reported by the member countries, "
                "one row per country, year and indicator"
            ),
            lambda db, lang: queries.values_all(db, lang).rename(columns={"name": "country"}),
            {
                **ISO3,
                **COUNTRY,
                "year": ("integer", "Reference year of the value"),
                "dimension_id": ("string", "Dimension of the indicator (see dimensions.csv)"),
                "indicator_id": ("string", "Indicator id (see catalogue.csv)"),
                "indicator": ("string", "Indicator name (English in the package)"),
                "value": ("number", "The value, in the indicator's unit (percentages as 0–100)"),
                "unit": ("string", "Unit of the value (English in the package)"),
                "numerator": (
                    "number",
                    "Numerator the country reported, if any (see the catalogue's formula)",
                ),
                "denominator": ("number", "Denominator the country reported, if any"),
                "source": ("string", f"Source the country gave for the value; {FORMULA_NOTE}"),
                "note": ("string", f"Note the country gave; {FORMULA_NOTE}"),
                "revision": (
                    "integer",
                    "Revision of the country-year submission the value comes from (1 = first file)",
                ),
                "is_demo": ("boolean", "True for demonstration data (fictitious values)"),
            },
            key=("iso3", "year", "indicator_id"),
            order=("iso3", "year", "indicator_id"),
            refs={"iso3": "countries", "dimension_id": "dimensions", "indicator_id": "catalogue"},
        ),
        Table(
            "scores",
            (
                "Scores (0–100) and ranks of each member, year and level: "
                "indicator, dimension, GEALC composite"
            ),
            lambda db, lang: queries.scores_all(db, lang).rename(columns={"name": "country"}),
            {
                **ISO3,
                **COUNTRY,
                "year": ("integer", "Reference year"),
                "level": ("string", "indicator, dimension or composite"),
                "id": ("string", "Indicator id, dimension id, or GEALC for the composite"),
                "score": (
                    "number",
                    (
                        "Score 0–100 between the catalogue's goalposts; what the country did not "
                        "report counts as 0 in its dimension and composite scores"
                    ),
                ),
                "rank": (
                    "integer",
                    (
                        "Rank among the members scored that year at this level and id (1 = best; "
                        "scores equal at one decimal share the better rank)"
                    ),
                ),
                "rank_low": (
                    "integer",
                    (
                        "5th percentile of the rank over the Monte Carlo variants of the method "
                        "(weights, goalposts, aggregation, missing-data rule; composite only)"
                    ),
                ),
                "rank_high": (
                    "integer",
                    "95th percentile of the rank over the same variants (composite only)",
                ),
                "rank_share": (
                    "number",
                    "Share of the variants giving exactly this rank (0–1; composite only)",
                ),
                "coverage": ("integer", "Number of indicators the score rests on (reported)"),
                "is_demo": ("boolean", "True when the score rests on demonstration values"),
            },
            key=("iso3", "year", "level", "id"),
            order=("iso3", "year", "level", "id"),
            refs={"iso3": "countries"},
        ),
        Table(
            "statistics",
            (
                "The statistical audit of the release, per year: sensitivity of the ranking "
                "(Sobol indices of each factor of the method) and coherence of the scores "
                "(correlations, Cronbach's alpha, principal components, effective weights)"
            ),
            lambda db, lang: queries.statistics(db),
            {
                "year": ("integer", "Reference year"),
                "analysis": ("string", "sensitivity or coherence"),
                "measure": (
                    "string",
                    (
                        "first_order, total_effect (and their _conf 95 % half-widths); pearson, "
                        "r_dimension, r_composite, alpha, pc1_share, eigen_over_one, countries, "
                        "nominal_weight, effective_weight"
                    ),
                ),
                "item": ("string", "Factor, indicator, dimension or GEALC the number is about"),
                "other": ("string", "The second indicator or dimension of a pair, or empty"),
                "value": ("number", "The statistic"),
            },
            key=("year", "analysis", "measure", "item", "other"),
            order=("year", "analysis", "measure", "item", "other"),
        ),
        Table(
            "catalogue",
            (
                "The indicator catalogue: names, units, definitions, formulas, valid ranges, "
                "goalposts, weights"
            ),
            lambda db, lang: queries.catalogue_all(db),
            {
                "indicator_id": ("string", "Indicator id"),
                "dimension_id": ("string", "Dimension of the indicator (see dimensions.csv)"),
                "position": ("integer", "Order of the indicator in the catalogue"),
                **_languages("name", "Indicator name"),
                **_languages("unit_label", "Unit as written"),
                **_languages("definition", "Definition"),
                **_languages("numerator", "What the numerator counts,"),
                **_languages("denominator", "What the denominator counts,"),
                "unit": ("string", "Unit code: percent, per_100, per_1000, per_capita or count"),
                "direction": ("string", "Which way is better: higher or lower"),
                "min_value": ("number", "Lowest valid value (a submission below it is rejected)"),
                "max_value": ("number", "Highest valid value (empty: no upper bound)"),
                "goal_lower": ("number", "Goalpost scoring 0"),
                "goal_target": ("number", "Goalpost scoring 100"),
                "log_transform": (
                    "boolean",
                    "True when scores use a logarithmic scale between the goalposts",
                ),
                "multiplier": (
                    "number",
                    (
                        "Factor turning numerator ÷ denominator into the value "
                        "(100 for a percentage; empty: no formula)"
                    ),
                ),
                "weight": ("number", "Weight of the indicator within its dimension"),
            },
            key=("indicator_id",),
            order=("position",),
            refs={"dimension_id": "dimensions"},
        ),
        Table(
            "dimensions",
            "The six dimensions, their weights in the composite and their UN counterparts",
            lambda db, lang: queries.dimensions_all(db),
            {
                "dimension_id": ("string", "Dimension id"),
                "position": ("integer", "Order of the dimension"),
                **_languages("name", "Dimension name"),
                **_languages("description", "Description"),
                "weight": ("number", "Weight of the dimension in the GEALC composite"),
                "un_counterpart": (
                    "string",
                    "UN E-Government Survey index set beside this dimension",
                ),
            },
            key=("dimension_id",),
            order=("position",),
        ),
        Table(
            "countries",
            "The member countries of Red GEALC",
            lambda db, lang: queries.countries_all(db),
            {
                **ISO3,
                **_languages("name", "Country name"),
                "subregion": (
                    "string",
                    "UN M49 subregion: caribbean, central_america or south_america",
                ),
                "subregion_m49": ("string", "UN M49 code of the subregion"),
            },
            key=("iso3",),
            order=("iso3",),
        ),
        Table(
            "un_egov",
            "The members' figures in every UN E-Government Survey (UN DESA), as published",
            lambda db, lang: queries.egov_named(db, lang).rename(columns={"name": "country"}),
            {
                **ISO3,
                **COUNTRY,
                "survey_year": ("integer", "Year of the UN E-Government Survey"),
                "egdi": ("number", "E-Government Development Index (0–1)"),
                "osi": ("number", "Online Service Index (0–1)"),
                "hci": ("number", "Human Capital Index (0–1)"),
                "tii": ("number", "Telecommunications Infrastructure Index (0–1)"),
                "epi": ("number", "E-Participation Index (0–1)"),
                "egdi_rank": ("integer", "Rank by EGDI among the UN member states"),
                "assessed": (
                    "boolean",
                    (
                        "False when the survey did not assess the country: "
                        "its own indices (EGDI, OSI, EPI) and rank are then empty, never 0; "
                        "HCI and TII are the UN's figures all the same"
                    ),
                ),
            },
            key=("iso3", "survey_year"),
            order=("iso3", "survey_year"),
            refs={"iso3": "countries"},
            extra={"sources": [UN_SOURCE], "licenses": [UN_TERMS]},
        ),
        Table(
            "gtmi",
            (
                "The members' World Bank GovTech Maturity Index (GTMI) and its four group indices "
                "in every survey, with the World Bank's maturity group, as published"
            ),
            _gtmi_named,
            {
                **ISO3,
                **COUNTRY,
                **GTMI_YEAR,
                **{c.id: ("number", f"{c.name.en} (0–1)") for c in GTMI.composites},
                "group": (
                    "string",
                    (
                        "The World Bank's maturity group, A–D ("
                        + "; ".join(g.label.en for g in GTMI.groups)
                        + f"); {NOT_A_RANK}"
                    ),
                ),
            },
            key=("iso3", "year"),
            order=("iso3", "year"),
            refs={"iso3": "countries"},
            extra={"sources": [GTMI_SOURCE], "licenses": [GTMI_LICENCE]},
        ),
        Table(
            "gtmi_indicators",
            (
                "The members' answers to the 48 World Bank GTMI questions in every survey with "
                "question-level data, as published"
            ),
            _gtmi_indicators_named,
            {
                **ISO3,
                **COUNTRY,
                **GTMI_YEAR,
                "indicator_id": ("string", "GTMI question id, I-1 … I-48"),
                "indicator": ("string", "The question, as the World Bank labels it (2022 meaning)"),
                "value": (
                    "number",
                    (
                        "The World Bank's score: a maturity level from 0 (none) to scale_max, or "
                        "another body's 0–1 index (I-16, I-18, I-43, I-44); empty when not "
                        "assessed (I-26 in 2022)"
                    ),
                ),
                "scale_max": (
                    "integer",
                    "The question's top maturity level; empty for a 0–1 index",
                ),
            },
            key=("iso3", "year", "indicator_id"),
            order=("iso3", "year", "indicator_id"),
            refs={"iso3": "countries"},
            extra={"sources": [GTMI_SOURCE], "licenses": [GTMI_LICENCE]},
            sort_key=_question_order,
        ),
    )
}


def table(db: Snapshot, name: str, lang: str = PACKAGE_LANGUAGE) -> pd.DataFrame:
    """Table `name` of the release: exactly its documented columns, rows sorted by its order."""
    spec = TABLES[name]
    frame = spec.rows(db, lang)[list(spec.fields)]
    return frame.sort_values(list(spec.order), kind="stable", key=spec.sort_key).reset_index(
        drop=True
    )


def created_at(info: dict) -> datetime:
    """When the release was published (UTC, naive)."""
    stamp = pd.Timestamp(info["created_at"])
    return (stamp.tz_convert("UTC").tz_localize(None) if stamp.tzinfo else stamp).to_pydatetime()


def release_record(info: dict) -> dict:
    """A release's listing row as plain JSON values (timestamps ISO 8601 UTC)."""
    return {
        "label": str(info["label"]),
        "created_at": created_at(info).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "created_by": _text(info.get("created_by")),
        "note": _text(info.get("note")),
        "sha256": str(info["sha256"]),
        "catalogue_edition": _text(info.get("catalogue_edition")),
        "value_count": int(info["value_count"]),
        "is_demo": bool(info["is_demo"]),
    }


def _text(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def citation(info: dict) -> str:
    """The line to cite a release with."""
    record = release_record(info)
    return (
        f"Red GEALC ({record['created_at'][:4]}). {TITLE}. Release {record['label']} "
        f"({record['created_at'][:10]}), SHA-256 {record['sha256']}."
    )


def resource(spec: Table, data: bytes) -> dict:
    """The Frictionless Tabular Data Resource describing `spec`'s CSV (`data`)."""
    schema: dict = {
        "fields": [
            {"name": n, "type": kind, "description": text}
            for n, (kind, text) in spec.fields.items()
        ],
        "primaryKey": list(spec.key),
        "missingValues": [""],
    }
    if spec.refs:
        schema["foreignKeys"] = [
            {"fields": column, "reference": {"resource": target, "fields": TABLES[target].key[0]}}
            for column, target in spec.refs.items()
        ]
    return {
        "name": spec.name,
        "path": f"{spec.name}.csv",
        "profile": "tabular-data-resource",
        "title": spec.title,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
        **spec.extra,
        "schema": schema,
    }


def descriptor(info: dict, resources: list[dict]) -> dict:
    """The package's `datapackage.json` (Frictionless Data Package v1)."""
    record = release_record(info)
    return {
        "profile": "tabular-data-package",
        "name": "gealc-en-numeros",
        "title": TITLE,
        "description": (
            f"Release {record['label']} of the indicators published by {PUBLISHER}"
            + (
                " — DEMONSTRATION DATA: the GEALC values and scores are fictitious; "
                "the UN and World Bank figures are real."
                if record["is_demo"]
                else "."
            )
        ),
        "version": record["label"],
        "created": record["created_at"],
        "keywords": [
            "digital government",
            "e-government",
            "Latin America",
            "Caribbean",
            "Red GEALC",
        ],
        "licenses": [LICENCE],
        "sources": [COUNTRY_SOURCE, UN_SOURCE, GTMI_SOURCE],
        "contributors": [{"title": PUBLISHER, "role": "publisher"}],
        "gealc": {
            "release_sha256": record["sha256"],
            "catalogue_edition": record["catalogue_edition"],
        },
        "resources": resources,
    }


def readme(info: dict) -> str:
    """The package's README: what it is, which release, how to cite it, under which licence."""
    record = release_record(info)
    files = "\n".join(
        f"| `{name}.csv`{' and `.xlsx`' if name in XLSX_TABLES else ''} | {spec.title} |"
        for name, spec in TABLES.items()
    )
    demo = (
        (
            "\n**Demonstration data.** The GEALC values and scores of this release are "
            "fictitious; they show how the platform works and describe no country. The UN and "
            "World Bank figures are real.\n"
        )
        if record["is_demo"]
        else ""
    )
    note = f" — {record['note']}" if record["note"] else ""
    return f"""# {TITLE}

Open data of release **{record["label"]}** of *GEALC en números*: the digital-government indicators
that the member countries of {PUBLISHER} reported
and the secretariat approved, their scores and ranks, the indicator catalogue, the member
countries, and the UN E-Government Survey and World Bank GovTech Maturity Index figures the
platform sets beside them.
{demo}
- Release: {record["label"]}
- Published: {record["created_at"][:10]} {record["created_at"][11:19]} UTC{note}
- Catalogue edition: {record["catalogue_edition"]}
- Values: {record["value_count"]}
- SHA-256 of the release: `{record["sha256"]}`
  (computed when it was published; `/api/v1/releases/{record["label"]}` gives the same)

## Files

| file | what |
|---|---|
{files}
| `datapackage.json` | Frictionless Data Package: every column's name, type and description, keys |

CSV files are UTF-8 (with a byte-order mark, so spreadsheets show accents), comma-separated, one
header row; an empty cell is a missing value, never 0. Ids are the keys (`iso3`, `indicator_id`,
`dimension_id`); names in the values, scores, UN and GTMI tables are in English, and the
catalogue, dimensions and countries give every name in Spanish, English, Portuguese and French.
In every text cell, {FORMULA_NOTE}; remove that apostrophe to get the text as the country wrote it.

## How to cite

{citation(info)}

## Licence

The GEALC data (values, scores, catalogue, dimensions, countries) are licensed under the
{LICENCE["title"]} licence ({LICENCE["name"]}, {LICENCE["path"]}):
share and adapt them, citing as above.

`un_egov.csv` holds figures of the **United Nations E-Government Survey**, published by the United
Nations Department of Economic and Social Affairs (UN DESA), {UN_SOURCE["path"]}.
They are UN DESA's, reproduced here for reference; they are not covered by the licence above. \
Cite them as
"United Nations, Department of Economic and Social Affairs, E-Government Survey (year)".

`gtmi.csv` and `gtmi_indicators.csv` hold figures of the **World Bank GovTech Maturity Index**
(GTMI), from the World Bank's GovTech Dataset ({GTMI_SOURCE["path"]}), as published. They are
the World Bank's, not Red GEALC's, under the World Bank's licence, the {GTMI_LICENCE["name"]}
licence ({GTMI_LICENCE["path"]}). Cite them as "{GTMI_SOURCE["title"]}, <survey year>"
(e.g. "{GTMI_SOURCE["title"]}, 2022"). The World Bank publishes maturity groups (A–D), not ranks.
"""


def package(db: Snapshot) -> bytes:
    """The release's open-data package as a zip: the same release gives the same bytes."""
    if db.label is None:
        raise LookupError("nothing is published yet")
    when = created_at(db.info)
    members: dict[str, bytes] = {}
    resources = []
    for name, spec in TABLES.items():
        frame = table(db, name)
        members[f"{name}.csv"] = to_bytes(frame, "csv")
        resources.append(resource(spec, members[f"{name}.csv"]))
        if name in XLSX_TABLES:
            members[f"{name}.xlsx"] = _reproducible_xlsx(to_bytes(frame, "xlsx"), when)
    members["datapackage.json"] = (
        json.dumps(descriptor(db.info, resources), indent=2, ensure_ascii=False) + "\n"
    ).encode()
    members["README.md"] = readme(db.info).encode()
    return _zip(members, when)


def _zip(members: dict[str, bytes], when: datetime) -> bytes:
    """A zip of `members`, each dated `when` (not the time of writing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()


def _reproducible_xlsx(data: bytes, when: datetime) -> bytes:
    """The workbook with the release's time wherever openpyxl wrote the time of writing (the
    document properties and each part's date in the zip)."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        parts = {info.filename: book.read(info) for info in book.infolist()}
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    parts["docProps/core.xml"] = re.sub(
        rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp, parts["docProps/core.xml"]
    )
    return _zip(parts, when)
