"""The words of a validation receipt: for each finding code, what is wrong and how to fix it,
in Spanish, English, Portuguese and French. `{placeholders}` come from the finding's params."""

from __future__ import annotations

import json

from etl.submission.characters import visible
from etl.submission.columns import HEADINGS
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
            "el libro XLSX está dañado y no se puede abrir",
            "ábralo en Excel, guárdelo de nuevo y vuelva a enviarlo",
        ),
        "en": (
            "the XLSX workbook is damaged and cannot be opened",
            "open it in Excel, save it again and resend it",
        ),
        "pt": (
            "a pasta de trabalho XLSX está danificada e não pode ser aberta",
            "abra-a no Excel, salve-a novamente e reenvie",
        ),
        "fr": (
            "le classeur XLSX est endommagé et ne peut pas être ouvert",
            "ouvrez-le dans Excel, enregistrez-le à nouveau et renvoyez-le",
        ),
    },
    "file_binary": {
        "es": (
            "el archivo no es de texto ni una hoja de cálculo que se pueda leer",
            "en Excel use «Guardar como» y elija «Libro de Excel (.xlsx)» o «CSV UTF-8»",
        ),
        "en": (
            "the file is neither text nor a spreadsheet that can be read",
            "in Excel use 'Save as' and choose 'Excel Workbook (.xlsx)' or 'CSV UTF-8'",
        ),
        "pt": (
            "o arquivo não é texto nem uma planilha que se possa ler",
            "no Excel use «Salvar como» e escolha «Pasta de Trabalho do Excel (.xlsx)» ou «CSV UTF-8»",
        ),
        "fr": (
            "le fichier n'est ni du texte ni un classeur lisible",
            "dans Excel, utilisez « Enregistrer sous » et choisissez « Classeur Excel (.xlsx) » ou « CSV UTF-8 »",
        ),
    },
    "several_data_sheets": {
        "es": (
            "el libro tiene varias hojas con datos: {sheets}; no se sabe cuál enviar",
            "envíe un archivo por hoja, o reúna todas las filas en una sola hoja",
        ),
        "en": (
            "the workbook has several sheets with data: {sheets}; it is not clear which to send",
            "send one file per sheet, or put every row in a single sheet",
        ),
        "pt": (
            "a pasta de trabalho tem várias planilhas com dados: {sheets}; não se sabe qual enviar",
            "envie um arquivo por planilha, ou reúna todas as linhas em uma só planilha",
        ),
        "fr": (
            "le classeur contient plusieurs feuilles de données : {sheets} ; on ne sait pas laquelle envoyer",
            "envoyez un fichier par feuille, ou réunissez toutes les lignes dans une seule feuille",
        ),
    },
    "hidden_data_sheet": {
        "es": (
            "los datos están en una hoja oculta ({sheets}), que no se lee",
            "en Excel muestre la hoja (clic derecho en una pestaña › Mostrar), revise los datos y guarde",
        ),
        "en": (
            "the data is in a hidden sheet ({sheets}), which is not read",
            "in Excel unhide the sheet (right-click a tab › Unhide), check the data and save",
        ),
        "pt": (
            "os dados estão em uma planilha oculta ({sheets}), que não é lida",
            "no Excel reexiba a planilha (clique direito em uma guia › Reexibir), revise os dados e salve",
        ),
        "fr": (
            "les données sont dans une feuille masquée ({sheets}), qui n'est pas lue",
            "dans Excel, affichez la feuille (clic droit sur un onglet › Afficher), vérifiez les données et enregistrez",
        ),
    },
    "formula_without_value": {
        "es": (
            "{count} celda(s) tienen fórmulas guardadas sin su resultado: {cells}",
            "abra el archivo en Excel y guárdelo (Excel calcula los valores), o escriba los valores",
        ),
        "en": (
            "{count} cell(s) hold formulas saved without their result: {cells}",
            "open the file in Excel and save it (Excel computes the values), or type the values",
        ),
        "pt": (
            "{count} célula(s) têm fórmulas salvas sem o resultado: {cells}",
            "abra o arquivo no Excel e salve-o (o Excel calcula os valores), ou digite os valores",
        ),
        "fr": (
            "{count} cellule(s) contiennent des formules enregistrées sans leur résultat : {cells}",
            "ouvrez le fichier dans Excel et enregistrez-le (Excel calcule les valeurs), ou saisissez les valeurs",
        ),
    },
    "quote_swallows_rows": {
        "es": (
            "una comilla abierta en la celda {cell} no se cierra: las {lines} líneas siguientes se leerían como texto de esa celda",
            "quite la comilla o ciérrela, guarde y envíe de nuevo",
        ),
        "en": (
            "a quote opened in cell {cell} is never closed: the {lines} lines after it would be read as that cell's text",
            "remove the quote or close it, save and send again",
        ),
        "pt": (
            "uma aspa aberta na célula {cell} não se fecha: as {lines} linhas seguintes seriam lidas como texto dessa célula",
            "remova a aspa ou feche-a, salve e envie novamente",
        ),
        "fr": (
            "un guillemet ouvert dans la cellule {cell} n'est jamais fermé : les {lines} lignes suivantes seraient lues comme le texte de cette cellule",
            "supprimez le guillemet ou fermez-le, enregistrez et renvoyez",
        ),
    },
    "odd_characters": {
        "es": (
            "«{value}» contiene caracteres invisibles o que parecen otros: {characters}",
            "borre el contenido de la celda y escríbalo de nuevo a mano",
        ),
        "en": (
            "'{value}' contains characters that are invisible or look like others: {characters}",
            "clear the cell and type its content again by hand",
        ),
        "pt": (
            "«{value}» contém caracteres invisíveis ou que parecem outros: {characters}",
            "apague o conteúdo da célula e digite-o novamente à mão",
        ),
        "fr": (
            "« {value} » contient des caractères invisibles ou qui en imitent d'autres : {characters}",
            "effacez la cellule et retapez son contenu à la main",
        ),
    },
    "empty_cell": {
        "es": (
            "la celda está vacía (o es parte de celdas combinadas)",
            "escriba el dato en cada fila; no combine celdas",
        ),
        "en": (
            "the cell is empty (or part of merged cells)",
            "write the value on every row; do not merge cells",
        ),
        "pt": (
            "a célula está vazia (ou faz parte de células mescladas)",
            "escreva o dado em cada linha; não mescle células",
        ),
        "fr": (
            "la cellule est vide (ou fait partie de cellules fusionnées)",
            "écrivez la donnée sur chaque ligne ; ne fusionnez pas les cellules",
        ),
    },
    "percent_sign": {
        "es": (
            "«{value}» lleva el signo % pero aquí no va un porcentaje",
            "escriba el número sin % (y, en Excel, cambie el formato de la celda a «Número»)",
        ),
        "en": (
            "'{value}' has a % sign but no percentage goes here",
            "write the number without % (and, in Excel, set the cell format to 'Number')",
        ),
        "pt": (
            "«{value}» tem o sinal % mas aqui não vai uma porcentagem",
            "escreva o número sem % (e, no Excel, mude o formato da célula para «Número»)",
        ),
        "fr": (
            "« {value} » porte le signe % mais ce n'est pas un pourcentage qui est attendu ici",
            "écrivez le nombre sans % (et, dans Excel, mettez la cellule au format « Nombre »)",
        ),
    },
    "date_cell": {
        "es": (
            "la celda muestra una fecha ({value}), no un número",
            "en Excel cambie el formato de la celda a «Número» y escriba el dato de nuevo",
        ),
        "en": (
            "the cell shows a date ({value}), not a number",
            "in Excel set the cell format to 'Number' and type the value again",
        ),
        "pt": (
            "a célula mostra uma data ({value}), não um número",
            "no Excel mude o formato da célula para «Número» e digite o dado novamente",
        ),
        "fr": (
            "la cellule affiche une date ({value}), pas un nombre",
            "dans Excel, mettez la cellule au format « Nombre » et retapez la donnée",
        ),
    },
    "currency_cell": {
        "es": (
            "«{value}» está en moneda ({currency}); los indicadores son cantidades o porcentajes",
            "quite el formato de moneda y escriba solo el número en la unidad del indicador",
        ),
        "en": (
            "'{value}' is an amount of money ({currency}); indicators are counts or percentages",
            "remove the currency format and write only the number, in the indicator's unit",
        ),
        "pt": (
            "«{value}» está em moeda ({currency}); os indicadores são quantidades ou porcentagens",
            "retire o formato de moeda e escreva só o número, na unidade do indicador",
        ),
        "fr": (
            "« {value} » est un montant ({currency}) ; les indicateurs sont des nombres ou des pourcentages",
            "retirez le format monétaire et écrivez seulement le nombre, dans l'unité de l'indicateur",
        ),
    },
    "ambiguous_number": {
        "es": (
            "«{value}» se puede leer de dos maneras (¿medio o quinientos?)",
            "escriba el número sin separador de miles, con coma o punto decimal según corresponda",
        ),
        "en": (
            "'{value}' reads two ways (a half, or five hundred?)",
            "write the number without a thousands separator, with a decimal point where one is meant",
        ),
        "pt": (
            "«{value}» pode ser lido de duas maneiras (meio ou quinhentos?)",
            "escreva o número sem separador de milhares, com vírgula ou ponto decimal conforme o caso",
        ),
        "fr": (
            "« {value} » se lit de deux façons (un demi ou cinq cents ?)",
            "écrivez le nombre sans séparateur de milliers, avec une virgule ou un point décimal selon le cas",
        ),
    },
    "read_as_thousands": {
        "es": (
            "«{value}» se leyó como {number} (la coma como separador de miles)",
            "si quería decir un decimal, escríbalo con punto decimal o en un archivo con «;»",
        ),
        "en": (
            "'{value}' was read as {number} (the comma as a thousands separator)",
            "if a decimal was meant, write it with a decimal point",
        ),
        "pt": (
            "«{value}» foi lido como {number} (a vírgula como separador de milhares)",
            "se queria dizer um decimal, escreva-o com ponto decimal ou em um arquivo com «;»",
        ),
        "fr": (
            "« {value} » a été lu comme {number} (la virgule comme séparateur de milliers)",
            "si c'était une décimale, écrivez-la avec un point décimal ou dans un fichier séparé par « ; »",
        ),
    },
    "not_finite": {
        "es": (
            "{numerator} / {denominator} da un resultado que no es un número finito",
            "revise el numerador y el denominador: ambos en la misma unidad y de tamaño razonable",
        ),
        "en": (
            "{numerator} / {denominator} does not give a finite number",
            "check the numerator and the denominator: both in the same unit and of a sensible size",
        ),
        "pt": (
            "{numerator} / {denominator} não dá um número finito",
            "revise o numerador e o denominador: ambos na mesma unidade e de tamanho razoável",
        ),
        "fr": (
            "{numerator} / {denominator} ne donne pas un nombre fini",
            "vérifiez le numérateur et le dénominateur : même unité et ordre de grandeur raisonnable",
        ),
    },
    "extra_cells": {
        "es": (
            "la fila tiene más celdas que títulos (hay un dato en {cell}, fuera de las columnas): sus valores quedarían en otras columnas",
            "quite el dato sobrante (o el separador que sobra al final de la fila); en un CSV separado por «,», escriba los decimales con punto o guarde el archivo con «;»",
        ),
        "en": (
            "the row has more cells than headings (there is something in {cell}, outside the columns): its values would land in other columns",
            "remove the extra cell (or the separator left at the end of the row); in a comma-separated CSV, write decimals with a point or save the file with ';'",
        ),
        "pt": (
            "a linha tem mais células que títulos (há um dado em {cell}, fora das colunas): seus valores cairiam em outras colunas",
            "retire o dado a mais; em um CSV separado por «,», escreva os decimais com ponto ou salve o arquivo com «;»",
        ),
        "fr": (
            "la ligne a plus de cellules que de titres (il y a une donnée en {cell}, hors des colonnes) : ses valeurs tomberaient dans d'autres colonnes",
            "supprimez la cellule en trop ; dans un CSV séparé par des virgules, écrivez les décimales avec un point ou enregistrez le fichier avec « ; »",
        ),
    },
    "unclosed_quote": {
        "es": (
            "una comilla abierta en esta fila no se cierra antes del final del archivo: el resto se leería como texto de una celda",
            "quite la comilla o ciérrela, guarde y envíe de nuevo",
        ),
        "en": (
            "a quote opened on this row is not closed before the end of the file: the rest would be read as one cell's text",
            "remove the quote or close it, save and send again",
        ),
        "pt": (
            "uma aspa aberta nesta linha não se fecha antes do fim do arquivo: o resto seria lido como texto de uma célula",
            "remova a aspa ou feche-a, salve e envie novamente",
        ),
        "fr": (
            "un guillemet ouvert sur cette ligne n'est pas fermé avant la fin du fichier : le reste serait lu comme le texte d'une cellule",
            "supprimez le guillemet ou fermez-le, enregistrez et renvoyez",
        ),
    },
    "read_as_decimal": {
        "es": (
            "«{value}» se leyó como {number} (el punto como separador decimal)",
            "si quería decir miles, escríbalo sin separador (1500)",
        ),
        "en": (
            "'{value}' was read as {number} (the point as the decimal mark)",
            "if thousands were meant, write the number without a separator (1500)",
        ),
        "pt": (
            "«{value}» foi lido como {number} (o ponto como separador decimal)",
            "se queria dizer milhares, escreva o número sem separador (1500)",
        ),
        "fr": (
            "« {value} » a été lu comme {number} (le point comme séparateur décimal)",
            "s'il s'agissait de milliers, écrivez le nombre sans séparateur (1500)",
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
            "{indicator} pasa de {previous} en {previous_year} a {value}, más que el cambio plausible de {limit}",
            "confirme el valor y explique el cambio en la columna nota",
        ),
        "en": (
            "{indicator} moves from {previous} in {previous_year} to {value}, more than the plausible change of {limit}",
            "confirm the value and explain the change in the note column",
        ),
        "pt": (
            "{indicator} passa de {previous} em {previous_year} para {value}, mais que a mudança plausível de {limit}",
            "confirme o valor e explique a mudança na coluna nota",
        ),
        "fr": (
            "{indicator} passe de {previous} en {previous_year} à {value}, plus que la variation plausible de {limit}",
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
    if isinstance(params.get("columns"), str):  # the template's headings, in the reader's words
        params["columns"] = ", ".join(
            HEADINGS[lang].get(name.strip(), name.strip()) for name in params["columns"].split(",")
        )
    suggestion = params.get("suggestion")
    params[f"suggestion_{lang}"] = _DID_YOU_MEAN[lang].format(suggestion) if suggestion else ""
    return message.format(**params), fix.format(**params)


def issue_columns(findings: list[Finding]) -> dict[str, list]:
    """Findings as the warehouse's `validation_issue` columns (one list per column), with the words
    in every language, so a stored receipt reads the same later in any of them."""
    rows = []
    for position, f in enumerate(findings, start=1):
        words = {lang: tuple(map(visible, explain(f, lang))) for lang in LANGUAGES}
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
