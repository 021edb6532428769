"""What a CSV or XLSX download says, in the page's language: one table of every column a download
may carry, by its stable id (the API's and the open-data package's field name where they have
one), with its heading — a msgid, the Spanish wording.

The convention, the same for every download:
- every heading is in the page's language; the ids stay in the About sheet of the XLSX, the API
  and the package;
- a coded column keeps its code under a "… code" heading ("Código de subregión": caribbean) with
  the code's name in the language right after it ("Subregión": Caribe): the code never changes
  between languages, so files in two languages join on it; ISO3 beside the country's name is the
  same pair;
- a column per dimension, indicator or year is headed by its id and name ("D1 Servicios
  digitales", "SD1 Trámites…", "2024");
- yes/no in the language for a yes-or-no column; numbers stay numbers.

Pure: what the warehouse and the reference data call things in a language comes in as `Names`. A
column this table does not know, or a code without a name, stops the download (`UnknownColumn`)
instead of slipping out in English."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from numbers import Integral

import pandas as pd

from app.display import DEMO_NOTICE  # the pages' and the report's notice, in the About sheet too
from locales.messages import N_, t

COMPOSITE = "GEALC"  # the composite's id among the scores (indicators.scoring.COMPOSITE_ID)

# Each column's heading, by id.
HEADINGS: dict[str, str] = {
    # who, where, when
    "iso3": N_("ISO3"),
    "name": N_("País"),
    "country": N_("País"),
    "subregion": N_("Código de subregión"),
    "subregion_name": N_("Subregión"),
    "year": N_("Año"),
    "survey_year": N_("Año de la encuesta"),
    "un_survey": N_("Encuesta ONU"),
    "survey": N_("Encuesta GTMI"),
    "gtmi_survey": N_("Encuesta GTMI"),
    # what is measured
    "level": N_("Código de nivel"),
    "level_name": N_("Nivel"),
    "id": N_("Código de la medida"),
    "id_name": N_("Medida"),
    "dimension_id": N_("Código de dimensión"),
    "dimension": N_("Dimensión"),
    "indicator_id": N_("Código del indicador"),
    "indicator": N_("Indicador"),
    "definition": N_("Definición"),
    "unit": N_("Unidad"),
    "unit_code": N_("Código de unidad"),
    # values and scores
    "value": N_("Valor"),
    "numerator": N_("Numerador"),
    "denominator": N_("Denominador"),
    "source": N_("Fuente"),
    "note": N_("Nota"),
    "revision": N_("Revisión"),
    "submission_id": N_("Número de envío"),
    "score": N_("Puntaje"),
    "rank": N_("Posición"),
    "rank_low": N_("Posición, percentil 5"),
    "rank_high": N_("Posición, percentil 95"),
    "rank_share": N_("Parte de las variantes con esta posición"),
    "rank_range": N_("Posición GEALC (rango)"),
    "coverage": N_("Indicadores reportados"),
    "region_median": N_("Mediana regional"),
    "subregion_median": N_("Mediana de la subregión"),
    "is_demo": N_("Datos de demostración"),
    "gealc_score_is_demo": N_("Puntaje GEALC de demostración"),
    # the catalogue
    "direction": N_("Código de sentido"),
    "direction_name": N_("Sentido"),
    "min_value": N_("Valor mínimo"),
    "max_value": N_("Valor máximo"),
    "goal_lower": N_("Umbral inferior (puntaje 0)"),
    "goal_target": N_("Umbral superior (puntaje 100)"),
    "log_transform": N_("Transformación logarítmica"),
    "weight": N_("Peso"),
    "multiplier": N_("Multiplicador"),
    # the UN E-Government Survey (the same words as the UN page's)
    "egdi": N_("EGDI (desarrollo de gobierno electrónico)"),
    "osi": N_("OSI (servicios en línea)"),
    "hci": N_("HCI (capital humano)"),
    "tii": N_("TII (infraestructura de telecomunicaciones)"),
    "epi": N_("EPI (participación electrónica)"),
    "egdi_rank": N_("Posición ONU"),
    "egdi_level": N_("Código de grupo EGDI"),
    "egdi_level_name": N_("Grupo EGDI de la ONU"),
    "assessed": N_("Evaluado en la encuesta"),
    # the World Bank GTMI (its composites are headed by their names: Names.columns)
    "group": N_("Grupo GTMI"),
    "group_label": N_("Descripción del grupo GTMI"),
    "gtmi_group": N_("Grupo GTMI"),
    "gtmi_group_label": N_("Descripción del grupo GTMI"),
    "scale_max": N_("Nivel máximo"),
    "match": N_("Código de correspondencia"),
    "match_name": N_("Correspondencia con el GTMI"),
    "questions": N_("Preguntas del GTMI"),
    # a comparison with a benchmark
    "flagged": N_("Divergencia señalada"),
    "residual": N_("Residuo"),
    "p_value": N_("Valor p"),
    "q_value": N_("Valor q (FDR)"),
    # the statistical audit
    "analysis": N_("Código del análisis"),
    "analysis_name": N_("Análisis"),
    "statistic": N_("Código del estadístico"),
    "statistic_name": N_("Estadístico"),
    "item": N_("Código del elemento"),
    "item_name": N_("Elemento"),
    "other": N_("Código del otro elemento"),
    "other_name": N_("Otro elemento"),
}

# The yes-or-no columns: "sí"/"no" in the language.
# GEALC scores and what is computed from them are downloaded rounded as the pages show them (a
# score to one decimal: 81.0, not 81.04602492463357); the countries' own values and the UN's and
# the World Bank's figures stay as given.
ROUNDED = {
    "score": 1,
    "region_median": 1,
    "subregion_median": 1,
    "median": 1,
    "before": 1,
    "now": 1,
    "change": 1,
    "score_from": 1,
    "score_to": 1,
    "rank_share": 2,
}
BOOLEANS = frozenset({"is_demo", "gealc_score_is_demo", "assessed", "flagged", "log_transform"})
YES, NO = N_("sí"), N_("no")

# Each score level's name.
LEVELS = {"composite": N_("Compuesto"), "dimension": N_("Dimensión"), "indicator": N_("Indicador")}
# Each UN EGDI group's name (the same words as the explorer's filter).
EGDI_LEVELS = {
    "very_high": N_("Muy alto (≥ 0,75)"),
    "high": N_("Alto (0,50–0,75)"),
    "middle": N_("Medio (0,25–0,50)"),
    "low": N_("Bajo (< 0,25)"),
}
# Which way an indicator is better.
DIRECTIONS = {"higher": N_("Más alto es mejor"), "lower": N_("Más bajo es mejor")}
# How the GTMI bears on a dimension (the crosswalk's `match`).
MATCHES = {"direct": N_("Correspondencia directa"), "none": N_("Sin correspondencia")}
# The statistical audit's analyses and statistics (the same words as the data page's tables).
ANALYSES = {"coherence": N_("Coherencia"), "sensitivity": N_("Sensibilidad")}
STATISTICS = {
    "alpha": N_("α de Cronbach"),
    "countries": N_("Países con todos sus indicadores"),
    "pc1_share": N_("Varianza del 1.er componente"),
    "eigen_over_one": N_("Valores propios > 1"),
    "nominal_weight": N_("Peso nominal"),
    "effective_weight": N_("Peso efectivo"),
    "pearson": N_("Correlación de Pearson"),
    "r_dimension": N_("Correlación con su dimensión"),
    "r_composite": N_("Correlación con el compuesto"),
    "first_order": N_("Efecto de primer orden"),
    "first_order_conf": N_(
        "Efecto de primer orden: semiamplitud del intervalo de confianza al 95 %"
    ),
    "total_effect": N_("Efecto total"),
    "total_effect_conf": N_("Efecto total: semiamplitud del intervalo de confianza al 95 %"),
}


@dataclass(frozen=True)
class Names:
    """What things are called in one language: the warehouse's subregions, dimensions and
    indicators, the World Bank's GTMI groups and composites, the factors of the uncertainty
    analysis (app.downloads.names reads them); `measures` and `columns` follow from them."""

    lang: str
    subregions: Mapping[str, str]
    dimensions: Mapping[str, str]
    indicators: Mapping[str, str]
    gtmi_groups: Mapping[str, str]
    gtmi_composites: Mapping[str, str]
    factors: Mapping[str, str]
    gtmi_citation: str
    measures: Mapping[str, str] = field(init=False)  # a score's id (composite too) → its name
    columns: Mapping[str, str] = field(init=False)  # a column per measure → "id name"

    def __post_init__(self) -> None:
        composite = t("Compuesto GEALC", self.lang)
        measures = {COMPOSITE: composite, **self.dimensions, **self.indicators, **self.factors}
        columns = {
            COMPOSITE: composite,
            **{i: f"{i} {n}" for i, n in {**self.dimensions, **self.indicators}.items()},
            **{i: f"{i.upper()} ({n})" for i, n in self.gtmi_composites.items()},
        }
        object.__setattr__(self, "measures", measures)
        object.__setattr__(self, "columns", columns)


Labeller = Callable[[Names], Mapping[str, str]]


def _given(names: Names) -> Mapping[str, str]:
    """Codes whose names only the dataset has (it gives them in the column after the code)."""
    return {}


def _words(table: Mapping[str, str]) -> Labeller:
    return lambda names: {code: t(msgid, names.lang) for code, msgid in table.items()}


# The coded columns: each code's column, the id of the column that names it and where the names
# come from.
CODES: dict[str, tuple[str, Labeller]] = {
    "subregion": ("subregion_name", lambda n: n.subregions),
    "level": ("level_name", _words(LEVELS)),
    "id": ("id_name", lambda n: n.measures),
    "dimension_id": ("dimension", lambda n: n.dimensions),
    "indicator_id": ("indicator", lambda n: n.indicators),
    "unit_code": ("unit", _given),
    "egdi_level": ("egdi_level_name", _words(EGDI_LEVELS)),
    "group": ("group_label", lambda n: n.gtmi_groups),
    "gtmi_group": ("gtmi_group_label", lambda n: n.gtmi_groups),
    "direction": ("direction_name", _words(DIRECTIONS)),
    "match": ("match_name", _words(MATCHES)),
    "analysis": ("analysis_name", _words(ANALYSES)),
    "statistic": ("statistic_name", _words(STATISTICS)),
    "item": ("item_name", lambda n: n.measures),
    "other": ("other_name", lambda n: n.measures),
}
# Columns whose cells are codes the same in every language: what a test looks for unlabelled.
CODE_COLUMNS = frozenset(CODES) | {"iso3"}


class UnknownColumn(RuntimeError):
    """A download's column, or a code in it, that this module cannot name in the language: a
    bug to fix here, never a bad request."""


@dataclass(frozen=True)
class Localized:
    """A download in the page's language: the frame with its headings, and each heading's
    column id (what the About sheet lists)."""

    frame: pd.DataFrame
    ids: list[tuple[str, str]]  # (heading, id), in the frame's order


def heading(column: object, names: Names, own: Mapping[str, str] | None = None) -> str:
    """The heading of `column` in `names.lang`: what the dataset itself named (`own`, already in
    the language), the table's, a measure's "id name", or a year; UnknownColumn otherwise."""
    if own and column in own:
        return own[column]
    if isinstance(column, Integral):  # a column per year
        return str(column)
    if column in HEADINGS:
        return t(HEADINGS[column], names.lang)
    if column in names.columns:
        return names.columns[column]
    raise UnknownColumn(
        f"download column {column!r} has no heading: add it to app/download_columns.py"
    )


def _yes_no(values: pd.Series, lang: str) -> pd.Series:
    words = {True: t(YES, lang), False: t(NO, lang)}
    return pd.Series(
        [None if pd.isna(v) else words[bool(v)] for v in values], index=values.index, dtype=object
    )


def _named(codes: pd.Series, column: str, names: Names) -> pd.Series:
    label, labeller = CODES[column]
    known = labeller(names)
    unknown = sorted({c for c in codes if not _missing(c) and c not in known})
    if unknown:
        raise UnknownColumn(f"no name for {column} {', '.join(map(str, unknown))} ({label})")
    return pd.Series(
        [None if _missing(c) else known[c] for c in codes], index=codes.index, dtype=object
    )


def _missing(value: object) -> bool:
    return value is None or value == "" or (not isinstance(value, str) and pd.isna(value))


def _decimals(column: object, names: Names) -> int | None:
    """The decimals a column is rounded to, as shown: a score per measure to one."""
    if column in ROUNDED:
        return ROUNDED[column]
    is_measure = column == COMPOSITE or column in names.dimensions or column in names.indicators
    return 1 if is_measure else None


def localized(frame: pd.DataFrame, names: Names, own: Mapping[str, str] | None = None) -> Localized:
    """`frame` (columns by id) as the download in `names.lang`: each coded column followed by its
    names (the dataset's own, where it gave them), yes/no for the yes-or-no columns, every
    heading in the language. `own`: headings the dataset wrote itself, in the language, for
    columns only it has (a headline's)."""
    present = set(frame.columns)
    follow = {CODES[c][0] for c in present if c in CODES}  # placed right after their code
    columns: list[tuple[object, pd.Series]] = []
    for column in frame.columns:
        if column in follow and not (own and column in own):
            continue
        values = frame[column]
        decimals = _decimals(column, names)
        if decimals is not None and pd.api.types.is_float_dtype(values):
            values = values.round(decimals)
        if column in BOOLEANS:
            values = _yes_no(values, names.lang)
        columns.append((column, values))
        if column in CODES and not (own and column in own):
            label = CODES[column][0]
            columns.append(
                (label, frame[label] if label in present else _named(values, column, names))
            )
    headings = [heading(c, names, own) for c, _ in columns]
    doubled = sorted({h for h in headings if headings.count(h) > 1})
    if doubled:
        raise UnknownColumn(f"two download columns share a heading: {', '.join(doubled)}")
    out = pd.concat([v.reset_index(drop=True) for _, v in columns], axis=1, ignore_index=True)
    out.columns = headings
    return Localized(out, [(h, str(c)) for h, (c, _) in zip(headings, columns, strict=True)])


# Where each download's figures come from (a test checks every registered download has its line).
GEALC, UN, GTMI = "gealc", "un", "gtmi"
SOURCES: dict[str, tuple[str, ...]] = {
    "scores": (GEALC,),
    "values": (GEALC,),
    "not-reported": (GEALC,),
    "un-egov": (UN,),
    "gtmi": (GTMI,),
    "gtmi-indicators": (GTMI,),
    "explorer": (GEALC,),
    "compare": (GEALC, UN, GTMI),
    "compare-indicators": (GEALC,),
    "headline": (GEALC, UN, GTMI),
    "coverage": (GEALC,),
    "coverage-years": (GEALC,),
    "un-comparison": (GEALC, UN),
    "gtmi-comparison": (GEALC, GTMI),
    "catalogue": (GEALC,),
    "statistics": (GEALC,),
    "country-indicators": (GEALC,),
    "country-values": (GEALC,),
    "country-dimensions": (GEALC,),
    "country-trend": (GEALC,),
    "country-un": (UN,),
    "country-gtmi": (GTMI,),
    "country-gtmi-dimensions": (GEALC, GTMI),
}
SOURCE_TEXTS = {
    GEALC: N_(
        "Envíos de los países miembros a la Red GEALC, revisados y aprobados por la secretaría"
    ),
    UN: N_(
        "Naciones Unidas, DAES, Encuesta de Gobierno Electrónico (condiciones de uso de las "
        "Naciones Unidas)"
    ),
}
ABOUT_SHEET, DATA_SHEET = N_("Acerca de"), N_("Datos")


def about(
    done: Localized, names: Names, *, dataset: str, filename: str, release: str, demo: bool
) -> list[tuple[str, str]]:
    """The About sheet of an XLSX download, in the language: the title, the file, the release,
    the sources, the demonstration-data notice when the release holds any, and each column's
    heading beside its stable id."""
    lang = names.lang
    sources = [
        f"{names.gtmi_citation}, CC BY 4.0" if s == GTMI else t(SOURCE_TEXTS[s], lang)
        for s in SOURCES[dataset]
    ]
    return [
        (t("GEALC en números", lang), ""),
        (t("Archivo", lang), filename),
        (t("Versión", lang), release),
        *((t("Fuente", lang), s) for s in sources),
        *([(t("Datos de demostración", lang), t(DEMO_NOTICE, lang))] if demo else []),
        ("", ""),
        (t("Columna", lang), t("Id estable de la columna", lang)),
        *done.ids,
        ("", ""),
        (
            "",
            t(
                "Los ids son los nombres de los campos de la API (/api/v1) y del paquete de datos "
                "abiertos, donde los hay; los códigos de las columnas de códigos son los mismos "
                "en todos los idiomas.",
                lang,
            ),
        ),
    ]
