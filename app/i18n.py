"""Interface texts and number formatting in the network's four languages (Spanish first)."""
from __future__ import annotations

import math

import pandas as pd

from indicators.texts import DEFAULT_LANGUAGE, LANGUAGES

LANGUAGE_NAMES = {"es": "Español", "en": "English", "pt": "Português", "fr": "Français"}

UI: dict[str, dict[str, str]] = {
    "app_name": {"es": "GEALC en números", "en": "GEALC in numbers", "pt": "GEALC em números", "fr": "GEALC en chiffres"},
    "network": {
        "es": "Red de Gobierno Electrónico de América Latina y el Caribe",
        "en": "E-Government Network of Latin America and the Caribbean",
        "pt": "Rede de Governo Eletrônico da América Latina e do Caribe",
        "fr": "Réseau de gouvernement électronique d'Amérique latine et des Caraïbes",
    },
    "overview_title": {
        "es": "Los países miembros en la Encuesta de Gobierno Electrónico de la ONU",
        "en": "Member countries in the UN E-Government Survey",
        "pt": "Os países membros na Pesquisa de Governo Eletrônico da ONU",
        "fr": "Les pays membres dans l'Enquête sur l'administration en ligne de l'ONU",
    },
    "overview_lead": {
        "es": "Rango y valor del Índice de Desarrollo de Gobierno Electrónico (EGDI) de cada país, junto a cuántos de los {total} indicadores GEALC reportó ese año, su puntaje GEALC (0–100) y su posición con el rango en que se mueve si cambian los pesos.",
        "en": "Each country's E-Government Development Index (EGDI) rank and value, next to how many of the {total} GEALC indicators it reported that year, its GEALC score (0–100) and its rank with the range it moves within when the weights change.",
        "pt": "Posição e valor do Índice de Desenvolvimento de Governo Eletrônico (EGDI) de cada país, ao lado de quantos dos {total} indicadores GEALC ele informou naquele ano, sua pontuação GEALC (0–100) e sua posição com a faixa em que varia quando os pesos mudam.",
        "fr": "Rang et valeur de l'indice de développement de l'administration en ligne (EGDI) de chaque pays, à côté du nombre des {total} indicateurs GEALC qu'il a déclarés cette année-là, de son score GEALC (0–100) et de son rang avec la fourchette dans laquelle il varie quand les pondérations changent.",
    },
    "survey_year": {"es": "Año de la encuesta", "en": "Survey year", "pt": "Ano da pesquisa", "fr": "Année de l'enquête"},
    "rank": {"es": "Rango ONU", "en": "UN rank", "pt": "Posição ONU", "fr": "Rang ONU"},
    "gealc_score": {"es": "Puntaje GEALC", "en": "GEALC score", "pt": "Pontuação GEALC", "fr": "Score GEALC"},
    "gealc_rank": {"es": "Posición GEALC (rango)", "en": "GEALC rank (range)", "pt": "Posição GEALC (faixa)",
                   "fr": "Rang GEALC (fourchette)"},
    "country": {"es": "País", "en": "Country", "pt": "País", "fr": "Pays"},
    "subregion": {"es": "Subregión", "en": "Subregion", "pt": "Sub-região", "fr": "Sous-région"},
    "egdi": {"es": "EGDI", "en": "EGDI", "pt": "EGDI", "fr": "EGDI"},
    "reported": {"es": "Indicadores reportados (de {total})", "en": "Indicators reported (of {total})",
                 "pt": "Indicadores informados (de {total})", "fr": "Indicateurs déclarés (sur {total})"},
    "reported_short": {"es": "Indicadores reportados", "en": "Indicators reported", "pt": "Indicadores informados", "fr": "Indicateurs déclarés"},
    "no_data": {"es": "sin datos", "en": "no data", "pt": "sem dados", "fr": "pas de données"},
    "not_assessed": {"es": "no evaluado", "en": "not assessed", "pt": "não avaliado", "fr": "non évalué"},
    "demo_notice": {
        "es": "Datos de demostración: los valores de los indicadores GEALC son ficticios, generados para mostrar la plataforma. Las cifras de la ONU son reales.",
        "en": "Demonstration data: the GEALC indicator values are fictitious, generated to show the platform. The UN figures are real.",
        "pt": "Dados de demonstração: os valores dos indicadores GEALC são fictícios, gerados para mostrar a plataforma. Os números da ONU são reais.",
        "fr": "Données de démonstration : les valeurs des indicateurs GEALC sont fictives, générées pour présenter la plateforme. Les chiffres de l'ONU sont réels.",
    },
    "no_reports_year": {
        "es": "Ningún país reportó indicadores GEALC para {year}.",
        "en": "No country reported GEALC indicators for {year}.",
        "pt": "Nenhum país informou indicadores GEALC para {year}.",
        "fr": "Aucun pays n'a déclaré d'indicateurs GEALC pour {year}.",
    },
    "sources": {
        "es": "Fuentes: Naciones Unidas, DAES, Encuesta de Gobierno Electrónico {year} (EGDI y rango); envíos de los países miembros de la Red GEALC{demo}.",
        "en": "Sources: United Nations, DESA, E-Government Survey {year} (EGDI and rank); submissions of Red GEALC member countries{demo}.",
        "pt": "Fontes: Nações Unidas, DESA, Pesquisa de Governo Eletrônico {year} (EGDI e posição); envios dos países membros da Rede GEALC{demo}.",
        "fr": "Sources : Nations Unies, DAES, Enquête sur l'administration en ligne {year} (EGDI et rang) ; envois des pays membres du Réseau GEALC{demo}.",
    },
    "demo_suffix": {"es": " (datos de demostración)", "en": " (demonstration data)", "pt": " (dados de demonstração)", "fr": " (données de démonstration)"},
    "chart_title": {
        "es": "EGDI {year} de los países miembros, coloreado por indicadores GEALC reportados",
        "en": "Member countries' EGDI {year}, coloured by GEALC indicators reported",
        "pt": "EGDI {year} dos países membros, colorido pelos indicadores GEALC informados",
        "fr": "EGDI {year} des pays membres, coloré selon les indicateurs GEALC déclarés",
    },
    "table_caption": {
        "es": "Tabla: rango y EGDI de la ONU e indicadores GEALC reportados, {year}",
        "en": "Table: UN rank and EGDI, and GEALC indicators reported, {year}",
        "pt": "Tabela: posição e EGDI da ONU e indicadores GEALC informados, {year}",
        "fr": "Tableau : rang et EGDI de l'ONU et indicateurs GEALC déclarés, {year}",
    },
    "language": {"es": "Idioma", "en": "Language", "pt": "Idioma", "fr": "Langue"},
    "warehouse_unavailable": {
        "es": "Los datos no están disponibles en este momento. Si acaba de instalar gealc, ejecute «make run» o «gealc build --demo».",
        "en": "The data is not available right now. If you have just installed gealc, run 'make run' or 'gealc build --demo'.",
        "pt": "Os dados não estão disponíveis no momento. Se acabou de instalar o gealc, execute «make run» ou «gealc build --demo».",
        "fr": "Les données ne sont pas disponibles pour le moment. Si vous venez d'installer gealc, lancez « make run » ou « gealc build --demo ».",
    },
    "invalid_param": {
        "es": "El valor «{value}» de «{name}» en el enlace no es válido; se muestra el valor por defecto.",
        "en": "The link's value '{value}' for '{name}' is not valid; the default is shown instead.",
        "pt": "O valor «{value}» de «{name}» no link não é válido; é mostrado o valor padrão.",
        "fr": "La valeur « {value} » de « {name} » dans le lien n'est pas valide ; la valeur par défaut est affichée.",
    },
    "this_country": {"es": "El país", "en": "The country", "pt": "O país", "fr": "Le pays"},
    "region_median": {"es": "Mediana regional", "en": "Regional median", "pt": "Mediana regional", "fr": "Médiane régionale"},
    "subregion_median": {"es": "Mediana de la subregión", "en": "Subregion median", "pt": "Mediana da sub-região",
                         "fr": "Médiane de la sous-région"},
    "score_axis": {"es": "Puntaje (0–100)", "en": "Score (0–100)", "pt": "Pontuação (0–100)", "fr": "Score (0–100)"},
    "composite": {"es": "Compuesto GEALC", "en": "GEALC composite", "pt": "Composto GEALC", "fr": "Composite GEALC"},
    "country_page": {"es": "Perfil de país", "en": "Country profile", "pt": "Perfil do país", "fr": "Profil du pays"},
    "choose_country": {"es": "País", "en": "Country", "pt": "País", "fr": "Pays"},
    "data_year": {"es": "Año de los datos", "en": "Data year", "pt": "Ano dos dados", "fr": "Année des données"},
    "profile_rank": {
        "es": "Posición GEALC {year}: {rank} de {ranked} (entre {low} y {high} si cambian los pesos). Puntaje compuesto: {score}.",
        "en": "GEALC rank {year}: {rank} of {ranked} (between {low} and {high} when the weights change). Composite score: {score}.",
        "pt": "Posição GEALC {year}: {rank} de {ranked} (entre {low} e {high} quando os pesos mudam). Pontuação composta: {score}.",
        "fr": "Rang GEALC {year} : {rank} sur {ranked} (entre {low} et {high} quand les pondérations changent). Score composite : {score}.",
    },
    "profile_rank_firm": {
        "es": "Posición GEALC {year}: {rank} de {ranked} (la misma con cualquier peso razonable). Puntaje compuesto: {score}.",
        "en": "GEALC rank {year}: {rank} of {ranked} (the same under any reasonable weights). Composite score: {score}.",
        "pt": "Posição GEALC {year}: {rank} de {ranked} (a mesma com quaisquer pesos razoáveis). Pontuação composta: {score}.",
        "fr": "Rang GEALC {year} : {rank} sur {ranked} (le même avec toute pondération raisonnable). Score composite : {score}.",
    },
    "profile_unranked": {
        "es": "Sin puntaje compuesto en {year}: hacen falta al menos cinco de las seis dimensiones.",
        "en": "No composite score in {year}: at least five of the six dimensions are needed.",
        "pt": "Sem pontuação composta em {year}: são necessárias pelo menos cinco das seis dimensões.",
        "fr": "Pas de score composite en {year} : il faut au moins cinq des six dimensions.",
    },
    "profile_coverage": {
        "es": "Reportó {reported} de {total} indicadores en {year}.", "en": "Reported {reported} of {total} indicators in {year}.",
        "pt": "Informou {reported} de {total} indicadores em {year}.", "fr": "A déclaré {reported} des {total} indicateurs en {year}.",
    },
    "no_country_data": {
        "es": "{country} no tiene valores GEALC cargados. Abajo, sus cifras de la ONU.",
        "en": "{country} has no GEALC values loaded. Below, its UN figures.",
        "pt": "{country} não tem valores GEALC carregados. Abaixo, seus números da ONU.",
        "fr": "{country} n'a aucune valeur GEALC chargée. Ci-dessous, ses chiffres de l'ONU.",
    },
    "dimensions_title": {"es": "Puntaje por dimensión, {year}", "en": "Score by dimension, {year}",
                         "pt": "Pontuação por dimensão, {year}", "fr": "Score par dimension, {year}"},
    "trend_title": {"es": "Evolución de los puntajes", "en": "Scores over time", "pt": "Evolução das pontuações",
                    "fr": "Évolution des scores"},
    "indicators_title": {"es": "Indicadores, {year}", "en": "Indicators, {year}", "pt": "Indicadores, {year}",
                         "fr": "Indicateurs, {year}"},
    "egov_title": {"es": "Encuesta de Gobierno Electrónico de la ONU, 2003–2024", "en": "UN E-Government Survey, 2003–2024",
                   "pt": "Pesquisa de Governo Eletrônico da ONU, 2003–2024", "fr": "Enquête de l'ONU sur l'administration en ligne, 2003–2024"},
    "un_index": {"es": "Índice ONU (0–1)", "en": "UN index (0–1)", "pt": "Índice ONU (0–1)", "fr": "Indice ONU (0–1)"},
    "dimension": {"es": "Dimensión", "en": "Dimension", "pt": "Dimensão", "fr": "Dimension"},
    "indicator": {"es": "Indicador", "en": "Indicator", "pt": "Indicador", "fr": "Indicateur"},
    "value": {"es": "Valor", "en": "Value", "pt": "Valor", "fr": "Valeur"},
    "unit": {"es": "Unidad", "en": "Unit", "pt": "Unidade", "fr": "Unité"},
    "score": {"es": "Puntaje", "en": "Score", "pt": "Pontuação", "fr": "Score"},
    "note": {"es": "Nota", "en": "Note", "pt": "Nota", "fr": "Note"},
    "source": {"es": "Fuente", "en": "Source", "pt": "Fonte", "fr": "Source"},
    "year": {"es": "Año", "en": "Year", "pt": "Ano", "fr": "Année"},
    "download": {"es": "Descargar", "en": "Download", "pt": "Baixar", "fr": "Télécharger"},
    "download_shown": {"es": "lo que se muestra", "en": "what is shown", "pt": "o que é mostrado", "fr": "ce qui est affiché"},
    "download_full": {"es": "todos los datos del país", "en": "all the country's data", "pt": "todos os dados do país",
                      "fr": "toutes les données du pays"},
    "profile_sources": {
        "es": "Fuentes: envíos de {country} a la Red GEALC{demo}; Naciones Unidas, DAES, Encuesta de Gobierno Electrónico. Método: ver la metodología.",
        "en": "Sources: {country}'s submissions to Red GEALC{demo}; United Nations, DESA, E-Government Survey. Method: see the methodology.",
        "pt": "Fontes: envios de {country} à Rede GEALC{demo}; Nações Unidas, DESA, Pesquisa de Governo Eletrônico. Método: ver a metodologia.",
        "fr": "Sources : envois de {country} au Réseau GEALC{demo} ; Nations unies, DAES, Enquête sur l'administration en ligne. Méthode : voir la méthodologie.",
    },
    "compare_page": {"es": "Comparar países", "en": "Compare countries", "pt": "Comparar países", "fr": "Comparer des pays"},
    "compare_lead": {
        "es": "Elija de 2 a 8 países: sus puntajes GEALC por dimensión o por indicador, junto a su valor y rango en el EGDI de la ONU.",
        "en": "Choose 2 to 8 countries: their GEALC scores by dimension or by indicator, next to their UN EGDI value and rank.",
        "pt": "Escolha de 2 a 8 países: suas pontuações GEALC por dimensão ou por indicador, ao lado de seu valor e posição no EGDI da ONU.",
        "fr": "Choisissez de 2 à 8 pays : leurs scores GEALC par dimension ou par indicateur, à côté de leur valeur et rang EGDI de l'ONU.",
    },
    "countries": {"es": "Países", "en": "Countries", "pt": "Países", "fr": "Pays"},
    "all_dimensions": {"es": "Todas las dimensiones", "en": "All dimensions", "pt": "Todas as dimensões", "fr": "Toutes les dimensions"},
    "pick_more": {
        "es": "Elija al menos dos países para comparar.", "en": "Choose at least two countries to compare.",
        "pt": "Escolha pelo menos dois países para comparar.", "fr": "Choisissez au moins deux pays à comparer.",
    },
    "bars_title": {"es": "Puntajes, {year}", "en": "Scores, {year}", "pt": "Pontuações, {year}", "fr": "Scores, {year}"},
    "heatmap_title": {"es": "Puntaje por indicador, {year}", "en": "Score by indicator, {year}",
                      "pt": "Pontuação por indicador, {year}", "fr": "Score par indicateur, {year}"},
    "radar_title": {"es": "Perfil por dimensión, {year}", "en": "Profile by dimension, {year}",
                    "pt": "Perfil por dimensão, {year}", "fr": "Profil par dimension, {year}"},
    "compare_table": {"es": "Comparación, {year}", "en": "Comparison, {year}", "pt": "Comparação, {year}", "fr": "Comparaison, {year}"},
    "un_survey": {"es": "Encuesta ONU", "en": "UN survey", "pt": "Pesquisa ONU", "fr": "Enquête ONU"},
    "compare_sources": {
        "es": "Fuentes: envíos de los países miembros a la Red GEALC{demo}; Naciones Unidas, DAES, Encuesta de Gobierno Electrónico (la más cercana al año de los datos).",
        "en": "Sources: member countries' submissions to Red GEALC{demo}; United Nations, DESA, E-Government Survey (the nearest to the data year).",
        "pt": "Fontes: envios dos países membros à Rede GEALC{demo}; Nações Unidas, DESA, Pesquisa de Governo Eletrônico (a mais próxima do ano dos dados).",
        "fr": "Sources : envois des pays membres au Réseau GEALC{demo} ; Nations unies, DAES, Enquête sur l'administration en ligne (la plus proche de l'année des données).",
    },
    "pages": {"es": "Páginas", "en": "Pages", "pt": "Páginas", "fr": "Pages"},
    "nav_home": {"es": "Inicio", "en": "Home", "pt": "Início", "fr": "Accueil"},
    "coverage_page": {"es": "Cobertura", "en": "Coverage", "pt": "Cobertura", "fr": "Couverture"},
    "coverage_lead": {
        "es": "Quién reportó qué: cada país miembro frente a cada indicador del catálogo, y cuántos indicadores reportó cada año.",
        "en": "Who reported what: each member country against each indicator of the catalogue, and how many indicators it reported each year.",
        "pt": "Quem informou o quê: cada país membro diante de cada indicador do catálogo, e quantos indicadores informou a cada ano.",
        "fr": "Qui a déclaré quoi : chaque pays membre face à chaque indicateur du catalogue, et combien d'indicateurs il a déclarés chaque année.",
    },
    "all_subregions": {"es": "Todas las subregiones", "en": "All subregions", "pt": "Todas as sub-regiões", "fr": "Toutes les sous-régions"},
    "matrix_title": {"es": "Indicadores reportados, {year}", "en": "Indicators reported, {year}",
                     "pt": "Indicadores informados, {year}", "fr": "Indicateurs déclarés, {year}"},
    "years_title": {"es": "Indicadores reportados por año (de {total})", "en": "Indicators reported by year (of {total})",
                    "pt": "Indicadores informados por ano (de {total})", "fr": "Indicateurs déclarés par année (sur {total})"},
    "coverage_summary": {
        "es": "{countries} de {members} países reportaron al menos un indicador en {year}; {cells} de {possible} valores posibles.",
        "en": "{countries} of {members} countries reported at least one indicator in {year}; {cells} of {possible} possible values.",
        "pt": "{countries} de {members} países informaram ao menos um indicador em {year}; {cells} de {possible} valores possíveis.",
        "fr": "{countries} pays sur {members} ont déclaré au moins un indicateur en {year} ; {cells} valeurs sur {possible} possibles.",
    },
    "not_found": {"es": "Página no encontrada.", "en": "Page not found.", "pt": "Página não encontrada.", "fr": "Page introuvable."},
}


def language(value: str | None) -> str:
    """A supported language code, or the default (Spanish)."""
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, **values: object) -> str:
    """The interface text `key` in `lang`, with `{placeholders}` filled in."""
    text = UI[key][language(lang)]
    return text.format(**values) if values else text


def is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_number(value: float | None, lang: str, decimals: int = 2) -> str:
    """`0.78580` → `0,79` in es/pt/fr and `0.79` in en; thousands grouped; missing → "sin datos"."""
    if is_missing(value):
        return t("no_data", lang)
    text = f"{value:,.{decimals}f}"
    if language(lang) == "en":
        return text
    thousands = "\u202f" if lang == "fr" else "."
    return text.replace(",", "\0").replace(".", ",").replace("\0", thousands)


def fmt_rank(rank: object, low: object, high: object) -> str:
    """`4 (3–6)`: a rank with its range; `4` when the range is that one place; `—` when unranked."""
    if is_missing(rank):
        return "—"
    if is_missing(low) or (int(low), int(high)) == (int(rank), int(rank)):
        return str(int(rank))
    return f"{int(rank)} ({int(low)}–{int(high)})"


def formatted(table: pd.DataFrame, numeric: dict[str, int], lang: str) -> pd.DataFrame:
    """A copy for display: numbers in the language's format, missing as 'no data', text as is."""
    out = table.copy()
    for column, decimals in numeric.items():
        out[column] = [fmt_number(v, lang, decimals) for v in table[column]]
    return out.fillna("").astype(str)
