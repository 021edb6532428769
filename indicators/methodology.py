"""The methodology, written from the catalogue and the constants of the scoring code so it can
never drift from what the code does: every indicator's definition, unit, formula, goalposts and
transform; the rule for what a country did not report, argued; dimensions, composite and ranks;
the uncertainty and sensitivity analysis; the coherence statistics; changes over time; peer groups
and the UN cross-check; coverage; a worked example with real numbers; and the limits of ranking.
Markdown, in English, Spanish, Portuguese or French (`docs/methodology.md`,
`docs/methodology.es.md`, `docs/methodology.pt.md`, `docs/methodology.fr.md`). The words are the
catalogues' (`locales`: Spanish msgids; the French one holds French typography's no-break spaces),
the numbers CLDR's."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from indicators import coherence, comparison, gtmi, model, ranking, scoring, uncertainty
from indicators.catalogue import Catalogue, Indicator
from locales import LANGUAGES
from locales.formats import fmt_number, fmt_value
from locales.messages import N_, t

# The methodology's numbered sections (`## n. …`): the report quotes some of them by heading.
SECTIONS: dict[str, str] = {
    "indicators": N_("## 1. Los indicadores"),
    "score": N_("## 2. De un valor a un puntaje (0–100)"),
    "missing": N_("## 3. Lo que un país no reportó"),
    "dimension": N_("## 4. Puntajes por dimensión"),
    "composite": N_("## 5. El puntaje compuesto GEALC"),
    "ranks": N_("## 6. Posiciones"),
    "uncertainty": N_("## 7. Incertidumbre y sensibilidad"),
    "coherence": N_("## 8. Coherencia"),
    "change": N_("## 9. Cambios en el tiempo"),
    "peers": N_("## 10. Grupos de pares y el contraste con la ONU"),
    "coverage": N_("## 11. Cobertura"),
    "example": N_("## 12. Un ejemplo resuelto: {country}, {year} (datos de demostración)"),
    "limits": N_("## 13. Los límites de una clasificación"),
}

# The catalogue's status, as the document's first lines name it.
STATUS: dict[str, str] = {
    "proposal": N_("propuesta"),
    "official": N_("oficial"),
}

# Each factor of the uncertainty analysis and the range it is drawn from (`indicators.uncertainty`).
FACTORS: dict[str, str] = {
    "indicator_weights": N_(
        "- **Pesos de los indicadores**: cada uno multiplicado, de forma independiente, por un "
        "factor uniforme entre {low} y {high}."
    ),
    "dimension_weights": N_(
        "- **Pesos de las dimensiones**: igual, cada uno entre {low} y {high} veces su peso "
        "oficial."
    ),
    "goalposts": N_(
        "- **Umbrales**: cada umbral inferior y cada meta se desplazan, de forma independiente, "
        "hasta ±{shift} de la distancia entre ambos (uniformemente; en la escala logarítmica para "
        "los indicadores logarítmicos)."
    ),
    "aggregation": N_(
        "- **Agregación**: la media aritmética ponderada de las dimensiones (oficial) o su media "
        "geométrica ponderada, tomada como la media geométrica de (puntaje + {plus}) − {plus} "
        "para que una dimensión en 0 esté definida; cada una en la mitad de las variantes. La "
        "media geométrica castiga el desequilibrio: una dimensión débil resta más de lo que una "
        "fuerte puede compensar."
    ),
    "missing_data": N_(
        "- **Regla de lo no reportado**: el exponente de penalización γ, uniforme entre {low} y "
        "{high}, en `Σ reportados w·s × (Σ reportados w)^(γ−1) ÷ (Σ todos w)^γ`. Con γ = 1 "
        "(oficial) lo no reportado vale 0; por encima de 1, una dimensión incompleta pierde "
        "además parte de lo reportado. Todas las variantes conservan la garantía de la sección 3."
    ),
}

# The UN indices a dimension is cross-checked against.
UN_INDICES: dict[str, str] = {
    "OSI": N_("Índice de Servicios en Línea"),
    "EPI": N_("Índice de Participación Electrónica"),
    "HCI": N_("Índice de Capital Humano"),
    "TII": N_("Índice de Infraestructura de Telecomunicaciones"),
}


def section(key: str, lang: str, **values: object) -> str:
    """The heading of section `key` in `lang`, as the document writes it (`## 2. …`)."""
    return t(SECTIONS[key], lang, **values)


# Where the published methodology lives: docs/methodology.md in English, methodology.<lang>.md
# otherwise.
DOCS = Path(__file__).resolve().parent.parent / "docs"
DOCUMENTS = {
    lang: DOCS / ("methodology.md" if lang == "en" else f"methodology.{lang}.md")
    for lang in LANGUAGES
}
# How many methods the Monte Carlo tries: Saltelli's N × (factors + 2), first-order and total
# effects only (`indicators.uncertainty`).
VARIANTS = uncertainty.SAMPLE_BASE * (len(uncertainty.FACTORS) + 2)


def _percent(share: float, lang: str) -> str:
    """A share as a whole percentage, as the document's own sentences write one ("95%"): 50% (50 %
    in French, with a narrow no-break space)."""
    return fmt_value(round(share * 100), lang) + ("\u202f%" if lang == "fr" else "%")


def _score(value: float, lang: str) -> str:
    return fmt_number(value, lang, 2)


def _ordinal(n: int, lang: str) -> str:
    """A percentile's ordinal: 5th, 95th in English, 5e in French, the number in Spanish and
    Portuguese (which say "percentil 5")."""
    if lang == "en":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if lang == "fr":
        return f"{n}er" if n == 1 else f"{n}e"
    return str(n)


def _colon(lang: str) -> str:
    """A colon after a label: French puts a no-break space before it."""
    return "\u00a0:" if lang == "fr" else ":"


def _row(*cells: str) -> str:
    """A row of a Markdown table."""
    return f"| {' | '.join(cells)} |"


def _formula(ind: Indicator, lang: str) -> str:
    if ind.denominator is None:
        return t("conteo", lang)
    return f"num ÷ den × {fmt_value(ind.multiplier or 1, lang)}"


def _computation(ind: Indicator, value: float, lang: str) -> str:
    lo, hi = ind.scoring.lower, ind.scoring.target
    if ind.scoring.log and value <= 0:
        return t("0 o menos en escala logarítmica: extremo inferior de la escala", lang)
    v, low, high = (fmt_value(x, lang) for x in (value, lo, hi))
    if ind.scoring.log:
        return f"100 × (ln {v} − ln {low}) ÷ (ln {high} − ln {low})"
    return f"100 × ({v} − {low}) ÷ ({high} − {low})"


def _weighted(terms: list[tuple[float, float]], lang: str) -> str:
    """Σ w·s ÷ Σ w written out from (weight, score) pairs; weights are left out when all are 1."""
    plain = all(w == 1 for w, _ in terms)
    parts = [
        _score(s, lang) if plain else f"{fmt_value(w, lang)} × {_score(s, lang)}" for w, s in terms
    ]
    return f"({' + '.join(parts)}) ÷ {fmt_value(sum(w for w, _ in terms), lang)}"


def _tie_example(lang: str) -> dict[str, str]:
    """Two scores that print the same at the ranking's precision, and what they print as."""
    d = ranking.PRINTED_DECIMALS
    printed = 71 + 2 * 10.0**-d
    gap = 4 * 10.0 ** -(d + 1)
    return {
        "step": fmt_value(10.0**-d, lang),
        "a": fmt_number(printed + gap, lang, d + 1),
        "b": fmt_number(printed - gap, lang, d + 1),
        "p": fmt_number(printed, lang, d),
    }


def render_methodology(
    catalogue: Catalogue, example: pd.DataFrame, country_name: str, lang: str = "en"
) -> str:
    """The methodology in Markdown. `example`: the demo values (iso3, year, indicator_id, value) of
    every country in the example's year, the example country first."""
    dimensions = len(catalogue.dimensions)
    out = [
        t("# Metodología de los puntajes GEALC", lang),
        "",
        t(
            "_Generado por `gealc methodology` a partir del catálogo de indicadores (edición "
            "{edition}, estado: {status}). No lo edite a mano._",
            lang,
            edition=catalogue.edition,
            status=t(STATUS[catalogue.status], lang),
        ),
        "",
        f"> {catalogue.status_note.get(lang)}",
        "",
        section("indicators", lang),
        "",
        t(
            "Quince indicadores en seis dimensiones. Cada valor es numerador ÷ denominador × "
            "multiplicador (los conteos no tienen ninguno). Los valores fuera del rango válido se "
            "rechazan cuando un país los envía.",
            lang,
        ),
        "",
    ]
    for dim in catalogue.dimensions:
        out += [
            f"### {dim.id} {dim.name.get(lang)}",
            "",
            dim.description.get(lang),
            "",
            t(
                "| id | indicador | unidad | fórmula | rango válido | umbrales (puntaje 0 → 100) "
                "| escala | peso |",
                lang,
            ),
            "|---|---|---|---|---|---|---|---|",
        ]
        for ind in catalogue.indicators_of(dim.id):
            r, s = ind.valid_range, ind.scoring
            scale = t("logarítmica", lang) if s.log else t("lineal", lang)
            out.append(
                _row(
                    ind.id,
                    ind.name.get(lang),
                    catalogue.units[ind.unit].get(lang),
                    _formula(ind, lang),
                    f"{fmt_value(r.min, lang)} – {fmt_value(r.max, lang)}",
                    f"{fmt_value(s.lower, lang)} → {fmt_value(s.target, lang)}",
                    scale,
                    fmt_value(ind.weight, lang),
                )
            )
        out += ["", t("Definiciones:", lang), ""]
        for ind in catalogue.indicators_of(dim.id):
            parts = [ind.definition.get(lang), f"*num*{_colon(lang)} {ind.numerator.get(lang)}"]
            if ind.denominator:
                parts.append(f"*den*{_colon(lang)} {ind.denominator.get(lang)}")
            out.append(f"- **{ind.id}** — " + " ".join(parts))
        out.append("")
    out += [
        section("score", lang),
        "",
        t(
            "Cada valor se convierte en un puntaje entre umbrales fijos: el umbral inferior L "
            "vale 0 y la meta T vale 100, `puntaje = 100 × (v − L) ÷ (T − L)`, acotado a 0–100 "
            "más allá de ellos. En escala logarítmica la misma fórmula se aplica a ln v, ln L y "
            "ln T, de modo que un conteo por habitante que se multiplica por diez mueve el "
            "puntaje lo mismo dondequiera que empiece; un valor de 0 o menos no tiene logaritmo y "
            "es el extremo inferior de la escala: vale 0 (100 en un indicador en el que menos es "
            "mejor). Un indicador en el que menos es mejor tiene la meta por debajo del umbral "
            "inferior y la misma fórmula corre al revés. Los umbrales fijos mantienen los "
            "puntajes comparables entre años: el puntaje de un país nunca cambia porque otro país "
            "haya reportado. Un valor no reportado no tiene puntaje propio; la sección 3 explica "
            "cómo cuenta.",
            lang,
        ),
        "",
        section("missing", lang),
        "",
        t(
            "**Lo que un país no reportó vale el umbral inferior, 0**, en su dimensión y, a "
            "través de ella, en el compuesto: en todos los niveles del índice. El indicador mismo "
            "se muestra como no reportado, no como 0: no tiene puntaje ni posición propios, y la "
            "cobertura que acompaña a cada puntaje (sección 11) indica en cuántos indicadores se "
            "apoya. El Manual de la OCDE y el JRC sobre la construcción de indicadores compuestos "
            "(Handbook on Constructing Composite Indicators) expone las formas de tratar los "
            "datos faltantes; en una clasificación cuyos valores reportan los propios países, la "
            "elección decide si omitir un valor puede convenir:",
            lang,
        ),
        "",
        t(
            "- **Dar a lo no reportado el umbral inferior**: la opción elegida. El Índice de "
            "Servicios en Línea de la ONU hace lo mismo: un servicio que sus evaluadores no "
            "encuentran en un portal nacional cuenta como inexistente. No se acredita nada que no "
            "se haya mostrado, y reportar un valor, por bajo que sea, nunca da menos puntaje que "
            "no reportarlo.",
            lang,
        ),
        t(
            "- **Ordenar solo a los países con el año completo** («sin posición: incompleto»): "
            "descartada. Con {total} indicadores casi ningún país los reporta todos, así que casi "
            "nadie tendría posición; y un país que temiera una mala posición podría igualmente "
            "quedar fuera de la clasificación omitiendo un solo valor.",
            lang,
            total=len(catalogue.indicators),
        ),
        t(
            "- **Imputar el valor faltante** (la media de los demás valores del país o de los "
            "valores de los otros países, una regresión sobre unos u otros), con o sin "
            "penalización: descartada. Cualquier imputación a partir de los demás valores del "
            "propio país o de los valores de los otros puede superar lo que el país habría "
            "reportado, de modo que a un país con un valor bajo le convendría ocultarlo; una "
            "penalización solo cambia cuán bajo tiene que ser el valor para que ocultarlo "
            "convenga.",
            lang,
        ),
        "",
        t(
            "La garantía: **quitar cualquier conjunto de sus valores reportados nunca sube el "
            "compuesto de un país, su posición ni el mejor extremo de su rango de posición** (sin "
            "cambiar los valores de los demás países), ni con el método oficial ni con ninguna "
            "variante del análisis de incertidumbre (sección 7). Cada dimensión divide por los "
            "pesos de todos sus indicadores, así que retirar un puntaje reportado solo quita un "
            "término que vale 0 o más, y el compuesto nunca baja cuando una dimensión sube. Una "
            "prueba de propiedades (`tests/unit/test_withholding.py`) lo verifica con catálogos y "
            "valores generados al azar.",
            lang,
        ),
        "",
        t(
            "Antes de la edición {method} del método, una dimensión era la media de los "
            "indicadores que estuvieran presentes (si lo estaba al menos la mitad) y el "
            "compuesto, la media de las dimensiones presentes (si lo estaban al menos cinco de "
            "las seis). En la práctica, eso imputaba a cada valor faltante el promedio de los "
            "demás: un país podía omitir su valor más bajo y obtener un puntaje mayor.",
            lang,
            method=scoring.METHOD,
        ),
        "",
        section("dimension", lang),
        "",
        t(
            "El puntaje de una dimensión es la suma ponderada de los puntajes de sus indicadores "
            "dividida por los pesos de **todos** sus indicadores, reportados o no: `dimensión = Σ "
            "reportados w·s ÷ Σ todos w` (pesos w del catálogo). Un indicador no reportado suma, "
            "por lo tanto, 0 (sección 3). Toda dimensión de un país con posición tiene puntaje: 0 "
            "si el país no reportó ninguno de sus indicadores. El análisis de incertidumbre "
            "(sección 7) prueba además una forma más severa, `Σ reportados w·s × (Σ reportados "
            "w)^(γ−1) ÷ (Σ todos w)^γ`; la regla oficial es γ = 1, la fórmula anterior.",
            lang,
        ),
        "",
        section("composite", lang),
        "",
        t(
            "El compuesto es la media aritmética ponderada de **las {total}** dimensiones, "
            "incluidas las que valen 0: `compuesto = Σ W·d ÷ Σ W`. Pesos W de las dimensiones:",
            lang,
            total=dimensions,
        ),
        "",
    ]
    out += [
        f"- {d.id} {d.name.get(lang)}{_colon(lang)} {fmt_value(d.weight, lang)}"
        for d in catalogue.dimensions
    ] + [""]
    out += [
        section("ranks", lang),
        "",
        t(
            "Cada año tienen posición todos los países que reportaron al menos un valor, 1 para "
            "el compuesto más alto; un país sin ningún valor en el año no tiene puntaje ni "
            "posición. Las posiciones se calculan sobre los puntajes redondeados a {step}, tal "
            "como se publican: los puntajes que se muestran iguales empatan y comparten la mejor "
            "posición (1, 2, 2, 4) —{a} y {b} se muestran ambos como {p}—, de modo que dos países "
            "que se ven empatados están empatados. Las dimensiones se ordenan igual entre los "
            "mismos países (una dimensión sin nada reportado vale 0 y se ordena como cualquier "
            "otra), y cada indicador entre los países que lo reportaron. Cada posición en el "
            "compuesto se publica con su rango de posición y la proporción de variantes en que se "
            "mantiene (sección 7).",
            lang,
            **_tie_example(lang),
        ),
        "",
    ]
    out += _uncertainty(lang)
    out += _coherence(dimensions, lang)
    out += [
        section("change", lang),
        "",
        t(
            "Dos años se comparan **en igualdad de condiciones**: el compuesto de cada país en "
            "ambos años se recalcula sobre los indicadores que reportó en los dos, con los pesos "
            "nominales; un indicador reportado en uno solo de los dos años cuenta como no "
            "reportado en ambos. Cada cambio indica cuántos indicadores tienen en común los dos "
            "años; un país sin ninguno en común no tiene cambio comparable.",
            lang,
        ),
        "",
        t(
            "Los puestos que un país gana entre dos años (posición anterior − posición posterior; "
            "positivo es subir) se dan para los países con posición en ambos años y al menos un "
            "indicador en común, y se dividen exactamente en tres partes, todas medidas frente a "
            "los puntajes del año anterior de **todos los demás países con posición en el año "
            "anterior** (la tengan o no en el posterior), que se mantienen fijos: **propio** = la "
            "posición anterior − la posición que tendría entre ellos el compuesto anterior más el "
            "cambio en igualdad de condiciones; **reporte** = esa posición − la posición que "
            "tendría entre ellos el compuesto publicado del año posterior (el efecto de lo "
            "reportado en uno solo de los dos años); **demás** = esa posición − la posición "
            "posterior (lo que hicieron los cambios de los otros países y los países que entraron "
            "en la clasificación o salieron de ella). Las tres partes siempre suman el total; las "
            "posiciones se toman con la precisión publicada, como en la sección 6.",
            lang,
        ),
        "",
    ]
    out += _peers(catalogue, lang)
    out += [
        section("coverage", lang),
        "",
        t(
            "Cada puntaje lleva su **cobertura**: el número de indicadores en que se apoya, es "
            "decir, los que el país reportó (1 para un indicador, como máximo los de la dimensión "
            "para una dimensión, como máximo {total} para el compuesto), y se muestra junto con "
            "lo no reportado. Un puntaje bajo con poca cobertura puede decir más de lo que se "
            "reportó que de lo que se hizo. Para cada indicador y año se indica también cuántos "
            "países lo reportaron.",
            lang,
            total=len(catalogue.indicators),
        ),
        "",
    ]
    out += _example(catalogue, example, country_name, lang)
    out += [
        section("limits", lang),
        "",
        t(
            "Los valores los reporta la agencia de cada país, con definiciones que las "
            "estadísticas nacionales aplican de forma distinta; la secretaría los revisa pero no "
            "los audita. Una posición resume seis dimensiones en un número y oculta cuán cerca "
            "están los países: léala con su rango y compare puntajes, no puestos, cuando los "
            "rangos se superponen. Lo que un país no reportó vale 0: un país que reporta menos "
            "baja, nunca sube, y un puntaje bajo puede reflejar poco reportado tanto como poco "
            "hecho; por eso cada puntaje lleva su cobertura. El análisis de incertidumbre recorre "
            "las decisiones de la sección 7 dentro de rangos declarados, no todos los métodos "
            "imaginables ni los errores de los propios valores. El contraste con la ONU mide el "
            "acuerdo con una fuente independiente; un país señalado puede tener razón y el índice "
            "de la ONU estar desactualizado. En los datos de demostración los valores se generan "
            "a partir de los índices de la ONU de cada país (Índice de Servicios en Línea y "
            "EGDI), así que su acuerdo con la ONU viene dado de antemano y no dice nada de los "
            "datos reales.",
            lang,
        ),
        "",
    ]
    return "\n".join(out)


def _uncertainty(lang: str) -> list[str]:
    u = uncertainty
    weights = {
        "low": fmt_value(1 - u.WEIGHT_SPREAD, lang),
        "high": fmt_value(1 + u.WEIGHT_SPREAD, lang),
    }
    ranges = {
        "indicator_weights": weights,
        "dimension_weights": weights,
        "goalposts": {"shift": _percent(u.GOALPOST_SHIFT, lang)},
        "aggregation": {"plus": fmt_value(model.GEOMETRIC_SHIFT, lang)},
        "missing_data": {
            "low": fmt_value(u.PENALTY_RANGE[0], lang),
            "high": fmt_value(u.PENALTY_RANGE[1], lang),
        },
    }
    low, high = u.RANK_PERCENTILES
    return [
        section("uncertainty", lang),
        "",
        t(
            "Un compuesto descansa en decisiones (los pesos, los umbrales, la forma de agregar, "
            "qué hacer con lo no reportado) que personas razonables podrían tomar de otro modo. "
            "Como en las auditorías de indicadores compuestos del JRC, la clasificación se "
            "recalcula con muchas variantes del método, cada una tomada dentro de rangos "
            "declarados de los {factors} factores siguientes; el método oficial es un punto de "
            "ese espacio.",
            lang,
            factors=len(u.FACTORS),
        ),
        "",
        *(t(FACTORS[factor], lang, **ranges[factor]) for factor in u.FACTORS),
        "",
        t(
            "Las variantes forman una muestra de Saltelli (una secuencia de Sobol aleatorizada, "
            "generada con SALib) de base N = {base}: N × ({factors} factores + 2) = **{variants} "
            "variantes**, semilla **{seed}**. La muestra se genera una sola vez: las mismas "
            "variantes sirven para todos los años y para cualesquiera datos, de modo que todo "
            "resultado puede reproducirse y los propios valores de un país no pueden cambiar las "
            "variantes con que se lo mide.",
            lang,
            base=fmt_value(u.SAMPLE_BASE, lang),
            factors=len(u.FACTORS),
            variants=fmt_value(VARIANTS, lang),
            seed=u.SEED,
        ),
        "",
        t(
            "El **rango de posición** de un país en un año va del percentil {low} al {high} de su "
            "posición en el compuesto en las {variants} variantes (interpolación lineal entre las "
            "posiciones ordenadas; el extremo mejor se redondea hacia abajo y el peor hacia "
            "arriba), ampliado si hace falta para incluir la posición oficial. No es la mejor y "
            "la peor posición: hasta el {below} de las variantes dan una posición mejor y hasta "
            "el {above}, una peor. A su lado, la **proporción** es la parte de las {variants} "
            "variantes en que la posición es la misma que la oficial: una posición que se "
            "mantiene en la mayoría de las variantes es firme; una que se mantiene en pocas es "
            "una entre varias que las decisiones razonables de método sostienen.",
            lang,
            low=_ordinal(low, lang),
            high=_ordinal(high, lang),
            variants=fmt_value(VARIANTS, lang),
            below=_percent(low / 100, lang),
            above=_percent(1 - high / 100, lang),
        ),
        "",
        t(
            "**Sensibilidad: qué decisión mueve las posiciones.** Para cada año, el resultado que "
            "se analiza es el **desplazamiento medio absoluto de posición**: para cada variante, "
            "la media, entre los países con posición, de la diferencia en puestos entre su "
            "posición en esa variante y su posición oficial. Su varianza entre las variantes se "
            "reparte entre los factores con los índices de Sobol, basados en la varianza "
            "(estimadores de SALib): el **índice de primer orden** es la parte de esa varianza "
            "que un factor explica por sí solo; el **índice de efecto total**, la parte en la que "
            "interviene, solo o combinado con los demás. Cada uno lleva un intervalo de confianza "
            "del 95% por bootstrap ({resamples} remuestreos). Cada versión publicada guarda los "
            "índices de cada año en su auditoría estadística (una tabla de datos abiertos y "
            "`/api/v1/releases/<label>/statistics`).",
            lang,
            resamples=fmt_value(u.RESAMPLES, lang),
        ),
        "",
        t(
            "Cómo leerlos: un factor con índice de efecto total cercano a 0 podría fijarse en "
            "cualquier punto de su rango sin cambiar las posiciones; un índice de primer orden "
            "grande indica que esa decisión, por sí sola, mueve las posiciones, y es ahí donde "
            "vale la pena discutir el método; un efecto total muy superior al de primer orden "
            "indica que el factor actúa combinado con otros. Los índices reparten la varianza del "
            "desplazamiento, no su tamaño: si las posiciones apenas se mueven en todas las "
            "variantes, incluso un índice grande describe poco, así que léalos junto con los "
            "rangos de posición. Un intervalo que incluye el 0 indica que no hay un efecto "
            "detectable, y las estimaciones levemente negativas son ruido de estimación.",
            lang,
        ),
        "",
    ]


def _coherence(dimensions: int, lang: str) -> list[str]:
    c = coherence
    return [
        section("coherence", lang),
        "",
        t(
            "Cada versión comprueba además, como pide el Manual de la OCDE y el JRC para todo "
            "indicador compuesto, si los indicadores de una dimensión miden una misma cosa y si "
            "cada indicador pesa en el compuesto más o menos lo que dice su peso nominal. Las "
            "estadísticas usan los puntajes de lo que los países reportaron: un indicador solo "
            "donde se reportó (un valor no reportado se deja fuera, no se toma como el 0 que le "
            "da la clasificación), una dimensión solo en los países que reportaron al menos uno "
            "de sus indicadores, y el compuesto en todos los países con posición. Cada "
            "estadística exige al menos {min} países: pares con ambos valores para una "
            "correlación, países con todos los elementos para α y los componentes principales. Se "
            "calculan por año y se guardan en la auditoría estadística de la versión.",
            lang,
            min=c.MIN_COUNTRIES,
        ),
        "",
        t("Se mide:", lang),
        "",
        t(
            "- las correlaciones de Pearson entre indicadores, entre dimensiones, de cada "
            "indicador con su dimensión y de cada indicador y cada dimensión con el compuesto;",
            lang,
        ),
        t(
            "- la α de Cronbach de los indicadores de cada dimensión y de las {total} dimensiones;",
            lang,
            total=dimensions,
        ),
        t(
            "- los componentes principales de esos mismos conjuntos: la parte de la varianza que "
            "recoge el primer componente y cuántos valores propios superan 1 (regla de Kaiser);",
            lang,
        ),
        t(
            "- el peso efectivo de cada indicador, su correlación al cuadrado con el compuesto "
            "normalizada para que los pesos efectivos sumen 1, junto a su peso nominal (su peso "
            "dentro de la dimensión × la parte de la dimensión en los pesos).",
            lang,
        ),
        "",
        t("Se señala, según las reglas prácticas del Manual:", lang),
        "",
        t(
            "- una α inferior a {alpha} (los indicadores se sostienen poco entre sí);",
            lang,
            alpha=fmt_value(c.ALPHA_FLOOR, lang),
        ),
        t("- más de un valor propio superior a 1 (el conjunto mide más de una cosa);", lang),
        t(
            "- un indicador correlacionado con su propia dimensión por debajo de {weak}, o "
            "negativamente;",
            lang,
            weak=fmt_value(c.WEAK_CORRELATION, lang),
        ),
        t(
            "- dos indicadores de una misma dimensión correlacionados por encima de {redundant} "
            "(uno puede contar dos veces lo mismo);",
            lang,
            redundant=fmt_value(c.REDUNDANT_CORRELATION, lang),
        ),
        t(
            "- un peso efectivo inferior al peso nominal ÷ {ratio} o superior al peso nominal × "
            "{ratio}.",
            lang,
            ratio=fmt_value(c.WEIGHT_RATIO, lang),
        ),
        "",
        t(
            "Una señal es una pregunta sobre el catálogo para la secretaría y la red; no cambia "
            "ningún puntaje.",
            lang,
        ),
        "",
    ]


def _peers(catalogue: Catalogue, lang: str) -> list[str]:
    fdr = _percent(comparison.FALSE_DISCOVERY_RATE, lang)
    return [
        section("peers", lang),
        "",
        t(
            "Los países se comparan con su subregión M49 de la ONU (Caribe, Centroamérica, "
            "Sudamérica) y con los miembros del mismo grupo EGDI de la Encuesta de Gobierno "
            "Electrónico de la ONU más cercana (muy alto ≥ 0,75, alto 0,50–0,75, medio 0,25–0,50, "
            "bajo < 0,25; en empate, la encuesta anterior): medianas y cuartiles por grupo.",
            lang,
        ),
        "",
        t(
            "**El contraste con la ONU.** Para cada dimensión y año, el puntaje de la dimensión "
            "tal como se publica (lo no reportado cuenta 0; una dimensión en la que el país no "
            "reportó nada queda fuera, pues no hay autorreporte que contrastar) se compara con el "
            "índice de la ONU con que la empareja el catálogo, de la encuesta más cercana, entre "
            "los países que tienen ambos; hacen falta al menos {min}. La ρ de Spearman resume "
            "cuánto coinciden los dos órdenes. Una recta de Theil–Sen del puntaje de la dimensión "
            "(y) sobre el índice de la ONU (x), cuya pendiente es la mediana de las pendientes "
            "entre cada par de países y cuya ordenada al origen es la mediana de y − pendiente·x, "
            "da el puntaje que cabe esperar de cada país según su índice de la ONU; a diferencia "
            "de una recta de mínimos cuadrados, unos pocos países atípicos no pueden atraerla "
            "hacia sí. Cada residuo (puntaje − esperado) se mide desde la mediana de los residuos "
            "en desviaciones estándar robustas (MAD × {mad}), y su valor p bilateral bajo la "
            "distribución normal es la probabilidad de que un país que sigue la recta, con la "
            "dispersión habitual, quede al menos así de lejos de ella. Como se evalúan a la vez "
            "todos los países de una dimensión en un año, sus valores p se ajustan con el "
            "procedimiento de Benjamini–Hochberg entre esos países, y un país se señala cuando su "
            "valor ajustado (q) es inferior al {fdr}: entre los países señalados, la proporción "
            "esperada de hallazgos debidos al azar es como máximo del {fdr}. Una señal es para "
            "que la secretaría la revise: no se oculta ni es un veredicto. Contraparte de cada "
            "dimensión en la ONU, y por qué:",
            lang,
            min=comparison.MIN_COUNTRIES_FOR_CROSSCHECK,
            mad=fmt_value(comparison.MAD_TO_SD, lang),
            fdr=fdr,
        ),
        "",
        *(
            f"- **{d.id} {d.name.get(lang)} ↔ {d.un_counterpart}** "
            f"({t(UN_INDICES[d.un_counterpart], lang)}). "
            f"{d.un_rationale.get(lang)}"
            for d in catalogue.dimensions
        ),
        "",
        *_gtmi(catalogue, lang),
    ]


def _gtmi(catalogue: Catalogue, lang: str) -> list[str]:
    """The World Bank GTMI cross-check and the crosswalk, dimension by dimension."""
    found = gtmi.load_gtmi(catalogue=catalogue)
    lines = [
        t(
            "**El Índice de Madurez GovTech del Banco Mundial.** El mismo contraste se hace con "
            "el GTMI del Banco Mundial ({citation}, {licence}), de la encuesta más cercana al año "
            "de los datos (en empate, la anterior): con sus índices compuestos y, para una "
            "dimensión que la correspondencia (`indicators/gtmi.yaml`) empareja directamente, con "
            "la media de las preguntas del GTMI emparejadas, cada nivel dividido por su nivel más "
            "alto (0–1), tal como el Banco Mundial calificó al país. El Banco Mundial publica "
            "grupos de madurez (A–D), no posiciones; gealc muestra grupos y valores y nunca una "
            "posición entre los miembros como posición del Banco Mundial. La correspondencia, con "
            "sus razones:",
            lang,
            citation=found.source.citation.get(lang),
            licence=found.source.licence,
        ),
        "",
    ]
    for d in catalogue.dimensions:
        match = found.crosswalk(d.id)
        questions = ", ".join(
            f"{i} {found.indicator_by_id[i].label.get(lang)}" for i in match.indicators
        )
        none = t("sin contraparte en el GTMI", lang)
        pairing = questions if match.match == "direct" else f"{none} ({questions})"
        lines.append(f"- **{d.id} {d.name.get(lang)} ↔ {pairing}**. {match.rationale.get(lang)}")
    return [*lines, ""]


def _example(catalogue: Catalogue, values: pd.DataFrame, country_name: str, lang: str) -> list[str]:
    iso3, year = values.iloc[0]["iso3"], int(values.iloc[0]["year"])
    table = scoring.score_table(values, catalogue)
    mine = values[values["iso3"] == iso3].set_index("indicator_id")["value"]
    scores = table[table["iso3"] == iso3].set_index(["level", "id"])
    out = [
        section("example", lang, country=country_name, year=year),
        "",
        t(
            "Números reales de los datos de demostración que carga `gealc build --demo` (valores "
            "ficticios, generados con una semilla fija). Un indicador no reportado aparece con el "
            "0 con que cuenta en su dimensión.",
            lang,
        ),
        "",
        t("| indicador | valor | cálculo | puntaje |", lang),
        "|---|---|---|---|",
    ]
    counted = {}  # the score each indicator counts for in its dimension
    for ind in catalogue.indicators:
        if ind.id in mine.index:
            counted[ind.id] = scores.loc[("indicator", ind.id), "score"]
            shown = (fmt_value(mine[ind.id], lang), _computation(ind, mine[ind.id], lang))
        else:
            counted[ind.id] = model.NOT_REPORTED_SCORE
            shown = (t("no reportado", lang), t("umbral inferior (sección 3)", lang))
        out.append(_row(ind.id, *shown, _score(counted[ind.id], lang)))
    out += [
        "",
        t("| dimensión | reportados / total | cálculo | puntaje |", lang),
        "|---|---|---|---|",
    ]
    for dim in catalogue.dimensions:
        row = scores.loc[("dimension", dim.id)]
        members = catalogue.indicators_of(dim.id)
        work = _weighted([(i.weight, counted[i.id]) for i in members], lang)
        out.append(
            _row(
                f"{dim.id} {dim.name.get(lang)}",
                f"{int(row['coverage'])} / {len(members)}",
                work,
                _score(row["score"], lang),
            )
        )
    comp = scores.loc[("composite", scoring.COMPOSITE_ID)]
    ranked = int(table[(table["level"] == "composite")]["score"].notna().sum())
    if not math.isnan(comp["score"]):
        work = _weighted(
            [(d.weight, scores.loc[("dimension", d.id), "score"]) for d in catalogue.dimensions],
            lang,
        )
        out += [
            "",
            t(
                "Compuesto: {sum} = **{score}**, posición **{rank}** de {ranked} países con "
                "posición en {year}; rango de posición {low}–{high}, la misma posición en el "
                "{share} de las {variants} variantes.",
                lang,
                sum=work,
                score=_score(comp["score"], lang),
                rank=comp["rank"],
                ranked=ranked,
                year=year,
                low=comp["rank_low"],
                high=comp["rank_high"],
                share=_percent(comp["rank_share"], lang),
                variants=fmt_value(VARIANTS, lang),
            ),
        ]
    return [*out, ""]
