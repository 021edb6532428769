"""The words of a validation receipt: for each finding code, what is wrong and how to fix it,
in Spanish, English, Portuguese and French. `{placeholders}` come from the finding's params."""

from __future__ import annotations

import json

from etl.submission.findings import Finding
from indicators.texts import DEFAULT_LANGUAGE, LANGUAGES

# code → language → (message, fix)
MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "file_empty": {
        "es": ("el archivo está vacío", "descargue la plantilla, complétela y envíela de nuevo"),
        "en": ("the file is empty", "download the template, fill it in and send it again"),
        "pt": ("o arquivo está vazio", "baixe o modelo, preencha-o e envie-o novamente"),
        "fr": ("le fichier est vide", "téléchargez le modèle, remplissez-le et renvoyez-le"),
    },
    "file_too_large": {
        "es": (
            "el archivo pesa {size_mb} MB, más que el límite de {limit_mb} MB",
            "envíe solo la hoja de datos, como CSV o XLSX",
        ),
        "en": (
            "the file is {size_mb} MB, over the {limit_mb} MB limit",
            "send only the data sheet, as CSV or XLSX",
        ),
        "pt": (
            "o arquivo tem {size_mb} MB, acima do limite de {limit_mb} MB",
            "envie apenas a planilha de dados, como CSV ou XLSX",
        ),
        "fr": (
            "le fichier fait {size_mb} Mo, au-delà de la limite de {limit_mb} Mo",
            "n'envoyez que la feuille de données, en CSV ou XLSX",
        ),
    },
    "file_format": {
        "es": (
            "el archivo es {kind}, no CSV ni XLSX",
            "en Excel use «Guardar como» y elija «Libro de Excel (.xlsx)» o «CSV UTF-8»",
        ),
        "en": (
            "the file is {kind}, not CSV or XLSX",
            "in Excel use 'Save as' and choose 'Excel Workbook (.xlsx)' or 'CSV UTF-8'",
        ),
        "pt": (
            "o arquivo é {kind}, não CSV nem XLSX",
            "no Excel use «Salvar como» e escolha «Pasta de Trabalho do Excel (.xlsx)» ou «CSV UTF-8»",
        ),
        "fr": (
            "le fichier est au format {kind}, ni CSV ni XLSX",
            "dans Excel, utilisez « Enregistrer sous » et choisissez « Classeur Excel (.xlsx) » ou « CSV UTF-8 »",
        ),
    },
    "file_unreadable": {
        "es": (
            "el libro XLSX está dañado y no se puede abrir ({detail})",
            "ábralo en Excel, guárdelo de nuevo y vuelva a enviarlo",
        ),
        "en": (
            "the XLSX workbook is damaged and cannot be opened ({detail})",
            "open it in Excel, save it again and resend it",
        ),
        "pt": (
            "a pasta de trabalho XLSX está danificada e não pode ser aberta ({detail})",
            "abra-a no Excel, salve-a novamente e reenvie",
        ),
        "fr": (
            "le classeur XLSX est endommagé et ne peut pas être ouvert ({detail})",
            "ouvrez-le dans Excel, enregistrez-le à nouveau et renvoyez-le",
        ),
    },
    "missing_columns": {
        "es": (
            "faltan columnas: {columns}",
            "la primera fila debe tener los títulos de la plantilla: país, año, indicador, valor…",
        ),
        "en": (
            "missing columns: {columns}",
            "the first row must hold the template's headings: country, year, indicator, value…",
        ),
        "pt": (
            "faltam colunas: {columns}",
            "a primeira linha deve ter os títulos do modelo: país, ano, indicador, valor…",
        ),
        "fr": (
            "colonnes manquantes : {columns}",
            "la première ligne doit porter les titres du modèle : pays, année, indicateur, valeur…",
        ),
    },
    "too_many_rows": {
        "es": ("el archivo tiene más de {limit} filas", "divida el archivo por país o por año"),
        "en": ("the file has more than {limit} rows", "split the file by country or by year"),
        "pt": ("o arquivo tem mais de {limit} linhas", "divida o arquivo por país ou por ano"),
        "fr": ("le fichier a plus de {limit} lignes", "divisez le fichier par pays ou par année"),
    },
    "no_rows": {
        "es": (
            "el archivo no tiene ningún valor",
            "escriba cada valor en la columna «Valor», en la fila de su indicador",
        ),
        "en": (
            "the file has no values",
            "write each value in the 'Value' column, on its indicator's row",
        ),
        "pt": (
            "o arquivo não tem nenhum valor",
            "escreva cada valor na coluna «Valor», na linha do seu indicador",
        ),
        "fr": (
            "le fichier ne contient aucune valeur",
            "écrivez chaque valeur dans la colonne « Valeur », sur la ligne de son indicateur",
        ),
    },
    "unknown_country": {
        "es": (
            "«{value}» no es el código ISO3 de un país miembro",
            "use el código de tres letras{suggestion_es}",
        ),
        "en": (
            "'{value}' is not a member country's ISO3 code",
            "use the three-letter code{suggestion_en}",
        ),
        "pt": (
            "«{value}» não é o código ISO3 de um país membro",
            "use o código de três letras{suggestion_pt}",
        ),
        "fr": (
            "« {value} » n'est pas le code ISO3 d'un pays membre",
            "utilisez le code à trois lettres{suggestion_fr}",
        ),
    },
    "bad_year": {
        "es": (
            "«{value}» no es un año entre {first} y {last}",
            "escriba el año de referencia con cuatro cifras, por ejemplo 2024",
        ),
        "en": (
            "'{value}' is not a year from {first} to {last}",
            "write the reference year in four digits, for example 2024",
        ),
        "pt": (
            "«{value}» não é um ano entre {first} e {last}",
            "escreva o ano de referência com quatro dígitos, por exemplo 2024",
        ),
        "fr": (
            "« {value} » n'est pas une année entre {first} et {last}",
            "écrivez l'année de référence en quatre chiffres, par exemple 2024",
        ),
    },
    "unknown_indicator": {
        "es": (
            "«{value}» no es un indicador del catálogo",
            "use el código de la lista desplegable{suggestion_es}",
        ),
        "en": (
            "'{value}' is not an indicator of the catalogue",
            "use the code from the drop-down list{suggestion_en}",
        ),
        "pt": (
            "«{value}» não é um indicador do catálogo",
            "use o código da lista suspensa{suggestion_pt}",
        ),
        "fr": (
            "« {value} » n'est pas un indicateur du catalogue",
            "utilisez le code de la liste déroulante{suggestion_fr}",
        ),
    },
    "not_a_number": {
        "es": (
            "«{value}» no es un número",
            "escriba solo cifras, con coma decimal, por ejemplo 12,5",
        ),
        "en": ("'{value}' is not a number", "write digits only, for example 12.5"),
        "pt": (
            "«{value}» não é um número",
            "escreva apenas algarismos, com vírgula decimal, por exemplo 12,5",
        ),
        "fr": (
            "« {value} » n'est pas un nombre",
            "écrivez uniquement des chiffres, par exemple 12,5",
        ),
    },
    "half_ratio": {
        "es": ("falta el numerador o el denominador", "escriba ambos, o solo el valor"),
        "en": ("the numerator or the denominator is missing", "write both, or the value alone"),
        "pt": ("falta o numerador ou o denominador", "escreva ambos, ou apenas o valor"),
        "fr": (
            "il manque le numérateur ou le dénominateur",
            "écrivez les deux, ou la valeur seule",
        ),
    },
    "count_has_no_ratio": {
        "es": (
            "{indicator} es un conteo: no lleva numerador ni denominador",
            "escriba el número en la columna valor",
        ),
        "en": (
            "{indicator} is a count: it has no numerator or denominator",
            "write the number in the value column",
        ),
        "pt": (
            "{indicator} é uma contagem: não tem numerador nem denominador",
            "escreva o número na coluna valor",
        ),
        "fr": (
            "{indicator} est un dénombrement : il n'a ni numérateur ni dénominateur",
            "écrivez le nombre dans la colonne valeur",
        ),
    },
    "zero_denominator": {
        "es": ("el denominador es cero", "revise el denominador: no puede ser 0"),
        "en": ("the denominator is zero", "check the denominator: it cannot be 0"),
        "pt": ("o denominador é zero", "verifique o denominador: não pode ser 0"),
        "fr": ("le dénominateur est nul", "vérifiez le dénominateur : il ne peut pas être 0"),
    },
    "numerator_above_denominator": {
        "es": (
            "el numerador ({numerator}) es mayor que el denominador ({denominator})",
            "un porcentaje no supera el 100 %: revise ambos números",
        ),
        "en": (
            "the numerator ({numerator}) is above the denominator ({denominator})",
            "a percentage cannot exceed 100%: check both numbers",
        ),
        "pt": (
            "o numerador ({numerator}) é maior que o denominador ({denominator})",
            "uma porcentagem não passa de 100 %: verifique os dois números",
        ),
        "fr": (
            "le numérateur ({numerator}) dépasse le dénominateur ({denominator})",
            "un pourcentage ne dépasse pas 100 % : vérifiez les deux nombres",
        ),
    },
    "value_mismatch": {
        "es": (
            "el valor {value} no coincide con numerador / denominador ({computed})",
            "corrija el valor o deje la celda vacía para que se calcule",
        ),
        "en": (
            "the value {value} does not match numerator / denominator ({computed})",
            "correct the value, or leave it empty to have it computed",
        ),
        "pt": (
            "o valor {value} não coincide com numerador / denominador ({computed})",
            "corrija o valor ou deixe a célula vazia para que seja calculado",
        ),
        "fr": (
            "la valeur {value} ne correspond pas à numérateur / dénominateur ({computed})",
            "corrigez la valeur, ou laissez la cellule vide pour qu'elle soit calculée",
        ),
    },
    "out_of_range": {
        "es": (
            "{value} está fuera del rango válido de {indicator} ({min}–{max})",
            "revise la unidad del indicador en la hoja de instrucciones",
        ),
        "en": (
            "{value} is outside {indicator}'s valid range ({min}–{max})",
            "check the indicator's unit in the instructions sheet",
        ),
        "pt": (
            "{value} está fora da faixa válida de {indicator} ({min}–{max})",
            "verifique a unidade do indicador na planilha de instruções",
        ),
        "fr": (
            "{value} est hors de la plage valide de {indicator} ({min}–{max})",
            "vérifiez l'unité de l'indicateur dans la feuille d'instructions",
        ),
    },
    "duplicate_row": {
        "es": (
            "{indicator} de {country} {year} ya está en la fila {first_row}",
            "deje una sola fila por país, año e indicador",
        ),
        "en": (
            "{indicator} for {country} {year} is already on row {first_row}",
            "keep one row per country, year and indicator",
        ),
        "pt": (
            "{indicator} de {country} {year} já está na linha {first_row}",
            "deixe uma única linha por país, ano e indicador",
        ),
        "fr": (
            "{indicator} pour {country} {year} figure déjà à la ligne {first_row}",
            "gardez une seule ligne par pays, année et indicateur",
        ),
    },
    "ignored_column": {
        "es": (
            "la columna no es de la plantilla y se ignora",
            "bórrela, o pase su contenido a la columna nota",
        ),
        "en": (
            "the column is not part of the template and is ignored",
            "delete it, or move its content to the note column",
        ),
        "pt": (
            "a coluna não faz parte do modelo e é ignorada",
            "apague-a ou passe seu conteúdo para a coluna nota",
        ),
        "fr": (
            "la colonne ne fait pas partie du modèle et est ignorée",
            "supprimez-la, ou déplacez son contenu dans la colonne note",
        ),
    },
    "missing_indicators": {
        "es": (
            "{country} {year}: faltan indicadores del catálogo: {indicators}",
            "envíelos si los tiene, o explique en una nota por qué no",
        ),
        "en": (
            "{country} {year}: catalogue indicators missing: {indicators}",
            "send them if you have them, or explain why not in a note",
        ),
        "pt": (
            "{country} {year}: faltam indicadores do catálogo: {indicators}",
            "envie-os se os tiver, ou explique numa nota por que não",
        ),
        "fr": (
            "{country} {year} : indicateurs du catalogue manquants : {indicators}",
            "envoyez-les si vous les avez, ou expliquez pourquoi dans une note",
        ),
    },
    "implausible_change": {
        "es": (
            "{indicator} pasa de {previous} a {value}, más que el cambio plausible de {limit}",
            "confirme el valor y explique el cambio en la columna nota",
        ),
        "en": (
            "{indicator} moves from {previous} to {value}, more than the plausible change of {limit}",
            "confirm the value and explain the change in the note column",
        ),
        "pt": (
            "{indicator} passa de {previous} para {value}, mais que a mudança plausível de {limit}",
            "confirme o valor e explique a mudança na coluna nota",
        ),
        "fr": (
            "{indicator} passe de {previous} à {value}, plus que la variation plausible de {limit}",
            "confirmez la valeur et expliquez la variation dans la colonne note",
        ),
    },
    "outlier": {
        "es": (
            "{indicator} = {value} está muy lejos de la mediana regional ({median})",
            "confirme el valor y explíquelo en la columna nota",
        ),
        "en": (
            "{indicator} = {value} is far from the regional median ({median})",
            "confirm the value and explain it in the note column",
        ),
        "pt": (
            "{indicator} = {value} está muito longe da mediana regional ({median})",
            "confirme o valor e explique-o na coluna nota",
        ),
        "fr": (
            "{indicator} = {value} est très éloigné de la médiane régionale ({median})",
            "confirmez la valeur et expliquez-la dans la colonne note",
        ),
    },
    "copied_values": {
        "es": (
            "{country} {year}: todos los valores son idénticos a los del año anterior",
            "confirme que no se envió el archivo del año pasado",
        ),
        "en": (
            "{country} {year}: every value is identical to the previous year's",
            "confirm that last year's file was not sent by mistake",
        ),
        "pt": (
            "{country} {year}: todos os valores são idênticos aos do ano anterior",
            "confirme que não foi enviado o arquivo do ano passado",
        ),
        "fr": (
            "{country} {year} : toutes les valeurs sont identiques à celles de l'année précédente",
            "confirmez que le fichier de l'an dernier n'a pas été envoyé par erreur",
        ),
    },
}

_DID_YOU_MEAN = {
    "es": " (¿quiso decir {0}?)",
    "en": " (did you mean {0}?)",
    "pt": " (você quis dizer {0}?)",
    "fr": " (vouliez-vous dire {0} ?)",
}


def _number(value: float, lang: str) -> str:
    """120.0 → '120'; 12.5 → '12,5' in Spanish, Portuguese and French, '12.5' in English."""
    text = f"{value:.4f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else f"{value:g}"
    return text.replace(".", ",") if lang != "en" else text


def explain(finding: Finding, lang: str) -> tuple[str, str]:
    """(what is wrong, how to fix it) for `finding` in `lang` (Spanish for an unknown language)."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    message, fix = MESSAGES[finding.code][lang]
    params = {k: _number(v, lang) if isinstance(v, float) else v for k, v in finding.params.items()}
    suggestion = params.get("suggestion")
    params[f"suggestion_{lang}"] = _DID_YOU_MEAN[lang].format(suggestion) if suggestion else ""
    return message.format(**params), fix.format(**params)


def issue_columns(findings: list[Finding]) -> dict[str, list]:
    """Findings as the warehouse's `validation_issue` columns (one list per column), with the words
    in every language, so a stored receipt reads the same later in any of them."""
    rows = []
    for position, f in enumerate(findings, start=1):
        words = {lang: explain(f, lang) for lang in LANGUAGES}
        rows.append(
            {
                "position": position,
                "severity": f.severity,
                "code": f.code,
                "row_number": f.row,
                "column_name": f.column,
                "params": json.dumps(f.params, ensure_ascii=False, default=str),
                **{f"message_{lang}": words[lang][0] for lang in LANGUAGES},
                **{f"fix_{lang}": words[lang][1] for lang in LANGUAGES},
            }
        )
    return {name: [row[name] for row in rows] for name in rows[0]} if rows else {}
