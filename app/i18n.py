"""Interface texts and number formatting in the network's four languages (Spanish first)."""

from __future__ import annotations

import math

import pandas as pd

from indicators.texts import DEFAULT_LANGUAGE, LANGUAGES

LANGUAGE_NAMES = {"es": "Español", "en": "English", "pt": "Português", "fr": "Français"}

UI: dict[str, dict[str, str]] = {
    "app_name": {
        "es": "GEALC en números",
        "en": "GEALC in numbers",
        "pt": "GEALC em números",
        "fr": "GEALC en chiffres",
    },
    "network": {
        "es": "Red de Gobierno Electrónico de América Latina y el Caribe",
        "en": "E-Government Network of Latin America and the Caribbean",
        "pt": "Rede de Governo Eletrônico da América Latina e do Caribe",
        "fr": "Réseau de gouvernement électronique d'Amérique latine et des Caraïbes",
    },
    "survey_year": {
        "es": "Año de la encuesta",
        "en": "Survey year",
        "pt": "Ano da pesquisa",
        "fr": "Année de l'enquête",
    },
    "rank": {"es": "Rango ONU", "en": "UN rank", "pt": "Posição ONU", "fr": "Rang ONU"},
    "gealc_rank": {
        "es": "Posición GEALC (rango)",
        "en": "GEALC rank (range)",
        "pt": "Posição GEALC (faixa)",
        "fr": "Rang GEALC (fourchette)",
    },
    "country": {"es": "País", "en": "Country", "pt": "País", "fr": "Pays"},
    "subregion": {"es": "Subregión", "en": "Subregion", "pt": "Sub-região", "fr": "Sous-région"},
    "egdi": {"es": "EGDI", "en": "EGDI", "pt": "EGDI", "fr": "EGDI"},
    "no_data": {"es": "sin datos", "en": "no data", "pt": "sem dados", "fr": "pas de données"},
    "not_assessed": {
        "es": "no evaluado",
        "en": "not assessed",
        "pt": "não avaliado",
        "fr": "non évalué",
    },
    "demo_notice": {
        "es": "Datos de demostración: los valores de los indicadores GEALC son ficticios, generados a partir de los índices de la ONU de cada país, así que su concordancia con la ONU viene dada, no es evidencia. Las cifras de la ONU y del Banco Mundial son reales.",
        "en": "Demonstration data: the GEALC indicator values are fictitious, generated from each country's UN indices, so their agreement with the UN is built in, not evidence. The UN and World Bank figures are real.",
        "pt": "Dados de demonstração: os valores dos indicadores GEALC são fictícios, gerados a partir dos índices da ONU de cada país, de modo que sua concordância com a ONU é construída, não é evidência. Os números da ONU e do Banco Mundial são reais.",
        "fr": "Données de démonstration : les valeurs des indicateurs GEALC sont fictives, générées à partir des indices de l'ONU de chaque pays ; leur accord avec l'ONU est donc construit, ce n'est pas une preuve. Les chiffres de l'ONU et de la Banque mondiale sont réels.",
    },
    "no_reports_year": {
        "es": "Ningún país reportó indicadores GEALC para {year}.",
        "en": "No country reported GEALC indicators for {year}.",
        "pt": "Nenhum país informou indicadores GEALC para {year}.",
        "fr": "Aucun pays n'a déclaré d'indicateurs GEALC pour {year}.",
    },
    "demo_suffix": {
        "es": " (datos de demostración)",
        "en": " (demonstration data)",
        "pt": " (dados de demonstração)",
        "fr": " (données de démonstration)",
    },
    "language": {"es": "Idioma", "en": "Language", "pt": "Idioma", "fr": "Langue"},
    "warehouse_unavailable": {
        "es": "Los datos no están disponibles en este momento. Si acaba de instalar gealc, ejecute «make run» o «gealc build --demo».",
        "en": "The data is not available right now. If you have just installed gealc, run 'make run' or 'gealc build --demo'.",
        "pt": "Os dados não estão disponíveis no momento. Se acabou de instalar o gealc, execute «make run» ou «gealc build --demo».",
        "fr": "Les données ne sont pas disponibles pour le moment. Si vous venez d'installer gealc, lancez « make run » ou « gealc build --demo ».",
    },
    "unknown_release": {
        "es": "No hay ninguna versión publicada «{release}»; se muestra la última.",
        "en": "There is no published release '{release}'; the latest is shown instead.",
        "pt": "Não há nenhuma versão publicada «{release}»; é mostrada a mais recente.",
        "fr": "Il n'existe pas de version publiée « {release} » ; la plus récente est affichée.",
    },
    "older_release": {
        "es": "Está viendo la versión {release}, publicada el {date}. Hay una versión más reciente: ",
        "en": "You are viewing release {release}, published on {date}. A newer release exists: ",
        "pt": "Você está vendo a versão {release}, publicada em {date}. Há uma versão mais recente: ",
        "fr": "Vous consultez la version {release}, publiée le {date}. Une version plus récente existe : ",
    },
    "see_latest": {
        "es": "ver la versión {release}",
        "en": "see release {release}",
        "pt": "ver a versão {release}",
        "fr": "voir la version {release}",
    },
    "nothing_published": {
        "es": "Aún no se ha publicado ninguna versión de los indicadores: la secretaría publica los valores una vez revisados (gealc publish).",
        "en": "No release of the indicators has been published yet: the secretariat publishes the values once reviewed (gealc publish).",
        "pt": "Nenhuma versão dos indicadores foi publicada ainda: a secretaria publica os valores depois de revisados (gealc publish).",
        "fr": "Aucune version des indicateurs n'a encore été publiée : le secrétariat publie les valeurs une fois révisées (gealc publish).",
    },
    "invalid_param": {
        "es": "El valor «{value}» de «{name}» en el enlace no es válido; se muestra el valor por defecto.",
        "en": "The link's value '{value}' for '{name}' is not valid; the default is shown instead.",
        "pt": "O valor «{value}» de «{name}» no link não é válido; é mostrado o valor padrão.",
        "fr": "La valeur « {value} » de « {name} » dans le lien n'est pas valide ; la valeur par défaut est affichée.",
    },
    "this_country": {"es": "El país", "en": "The country", "pt": "O país", "fr": "Le pays"},
    "region_median": {
        "es": "Mediana regional",
        "en": "Regional median",
        "pt": "Mediana regional",
        "fr": "Médiane régionale",
    },
    "subregion_median": {
        "es": "Mediana de la subregión",
        "en": "Subregion median",
        "pt": "Mediana da sub-região",
        "fr": "Médiane de la sous-région",
    },
    "score_axis": {
        "es": "Puntaje (0–100)",
        "en": "Score (0–100)",
        "pt": "Pontuação (0–100)",
        "fr": "Score (0–100)",
    },
    "composite": {
        "es": "Compuesto GEALC",
        "en": "GEALC composite",
        "pt": "Composto GEALC",
        "fr": "Composite GEALC",
    },
    "country_page": {
        "es": "Perfil de país",
        "en": "Country profile",
        "pt": "Perfil do país",
        "fr": "Profil du pays",
    },
    "choose_country": {"es": "País", "en": "Country", "pt": "País", "fr": "Pays"},
    "data_year": {
        "es": "Año de los datos",
        "en": "Data year",
        "pt": "Ano dos dados",
        "fr": "Année des données",
    },
    "profile_rank": {
        "es": "Posición GEALC {year}: {rank} de {ranked}, la misma en el {share} de las variantes del método; en el 90 % de ellas, entre {low} y {high}. Puntaje compuesto: {score}.",
        "en": "GEALC rank {year}: {rank} of {ranked}, the same in {share} of the method's variants; in 90% of them, between {low} and {high}. Composite score: {score}.",
        "pt": "Posição GEALC {year}: {rank} de {ranked}, a mesma em {share} das variantes do método; em 90% delas, entre {low} e {high}. Pontuação composta: {score}.",
        "fr": "Rang GEALC {year} : {rank} sur {ranked}, le même dans {share} des variantes de la méthode ; dans 90 % d'entre elles, entre {low} et {high}. Score composite : {score}.",
    },
    "profile_rank_firm": {
        "es": "Posición GEALC {year}: {rank} de {ranked}, la misma en el {share} de las variantes del método. Puntaje compuesto: {score}.",
        "en": "GEALC rank {year}: {rank} of {ranked}, the same in {share} of the method's variants. Composite score: {score}.",
        "pt": "Posição GEALC {year}: {rank} de {ranked}, a mesma em {share} das variantes do método. Pontuação composta: {score}.",
        "fr": "Rang GEALC {year} : {rank} sur {ranked}, le même dans {share} des variantes de la méthode. Score composite : {score}.",
    },
    "profile_rank_old": {
        "es": "Posición GEALC {year}: {rank} de {ranked} (entre {low} y {high}, percentiles 5 y 95 de las variantes del método). Puntaje compuesto: {score}.",
        "en": "GEALC rank {year}: {rank} of {ranked} (between {low} and {high}, the 5th and 95th percentiles over the method's variants). Composite score: {score}.",
        "pt": "Posição GEALC {year}: {rank} de {ranked} (entre {low} e {high}, percentis 5 e 95 das variantes do método). Pontuação composta: {score}.",
        "fr": "Rang GEALC {year} : {rank} sur {ranked} (entre {low} et {high}, 5e et 95e centiles des variantes de la méthode). Score composite : {score}.",
    },
    "profile_unranked": {
        "es": "Sin posición en {year}: el país no reportó ningún valor ese año.",
        "en": "Not ranked in {year}: the country reported no value that year.",
        "pt": "Sem posição em {year}: o país não informou nenhum valor nesse ano.",
        "fr": "Pas de rang en {year} : le pays n'a déclaré aucune valeur cette année-là.",
    },
    "profile_coverage": {
        "es": "Reportó {reported} de {total} indicadores en {year}.",
        "en": "Reported {reported} of {total} indicators in {year}.",
        "pt": "Informou {reported} de {total} indicadores em {year}.",
        "fr": "A déclaré {reported} des {total} indicateurs en {year}.",
    },
    "no_country_data": {
        "es": "{country} no tiene valores GEALC cargados. Abajo, sus cifras de la ONU.",
        "en": "{country} has no GEALC values loaded. Below, its UN figures.",
        "pt": "{country} não tem valores GEALC carregados. Abaixo, seus números da ONU.",
        "fr": "{country} n'a aucune valeur GEALC chargée. Ci-dessous, ses chiffres de l'ONU.",
    },
    "dimensions_title": {
        "es": "Puntaje por dimensión, {year}",
        "en": "Score by dimension, {year}",
        "pt": "Pontuação por dimensão, {year}",
        "fr": "Score par dimension, {year}",
    },
    "trend_title": {
        "es": "Evolución de los puntajes",
        "en": "Scores over time",
        "pt": "Evolução das pontuações",
        "fr": "Évolution des scores",
    },
    "indicators_title": {
        "es": "Indicadores, {year}",
        "en": "Indicators, {year}",
        "pt": "Indicadores, {year}",
        "fr": "Indicateurs, {year}",
    },
    "egov_title": {
        "es": "Encuesta de Gobierno Electrónico de la ONU, 2003–2024",
        "en": "UN E-Government Survey, 2003–2024",
        "pt": "Pesquisa de Governo Eletrônico da ONU, 2003–2024",
        "fr": "Enquête de l'ONU sur l'administration en ligne, 2003–2024",
    },
    "un_index": {
        "es": "Índice ONU (0–1)",
        "en": "UN index (0–1)",
        "pt": "Índice ONU (0–1)",
        "fr": "Indice ONU (0–1)",
    },
    "dimension": {"es": "Dimensión", "en": "Dimension", "pt": "Dimensão", "fr": "Dimension"},
    "indicator": {"es": "Indicador", "en": "Indicator", "pt": "Indicador", "fr": "Indicateur"},
    "value": {"es": "Valor", "en": "Value", "pt": "Valor", "fr": "Valeur"},
    "unit": {"es": "Unidad", "en": "Unit", "pt": "Unidade", "fr": "Unité"},
    "score": {"es": "Puntaje", "en": "Score", "pt": "Pontuação", "fr": "Score"},
    "note": {"es": "Nota", "en": "Note", "pt": "Nota", "fr": "Note"},
    "source": {"es": "Fuente", "en": "Source", "pt": "Fonte", "fr": "Source"},
    "year": {"es": "Año", "en": "Year", "pt": "Ano", "fr": "Année"},
    "download": {"es": "Descargar", "en": "Download", "pt": "Baixar", "fr": "Télécharger"},
    "download_shown": {
        "es": "lo que se muestra",
        "en": "what is shown",
        "pt": "o que é mostrado",
        "fr": "ce qui est affiché",
    },
    "download_full": {
        "es": "todos los datos del país",
        "en": "all the country's data",
        "pt": "todos os dados do país",
        "fr": "toutes les données du pays",
    },
    "profile_sources": {
        "es": "Fuentes: envíos de {country} a la Red GEALC{demo}; Naciones Unidas, DAES, Encuesta de Gobierno Electrónico. Método: ver la metodología.",
        "en": "Sources: {country}'s submissions to Red GEALC{demo}; United Nations, DESA, E-Government Survey. Method: see the methodology.",
        "pt": "Fontes: envios de {country} à Rede GEALC{demo}; Nações Unidas, DESA, Pesquisa de Governo Eletrônico. Método: ver a metodologia.",
        "fr": "Sources : envois de {country} au Réseau GEALC{demo} ; Nations unies, DAES, Enquête sur l'administration en ligne. Méthode : voir la méthodologie.",
    },
    "compare_page": {
        "es": "Comparar países",
        "en": "Compare countries",
        "pt": "Comparar países",
        "fr": "Comparer des pays",
    },
    "compare_lead": {
        "es": "Elija de 2 a 8 países: sus puntajes GEALC por dimensión o por indicador, junto a su valor y rango en el EGDI de la ONU y su grupo y valor en el GTMI del Banco Mundial.",
        "en": "Choose 2 to 8 countries: their GEALC scores by dimension or by indicator, next to their UN EGDI value and rank and their World Bank GTMI group and value.",
        "pt": "Escolha de 2 a 8 países: suas pontuações GEALC por dimensão ou por indicador, ao lado de seu valor e posição no EGDI da ONU e de seu grupo e valor no GTMI do Banco Mundial.",
        "fr": "Choisissez de 2 à 8 pays : leurs scores GEALC par dimension ou par indicateur, à côté de leur valeur et rang EGDI de l'ONU et de leur groupe et valeur GTMI de la Banque mondiale.",
    },
    "countries": {"es": "Países", "en": "Countries", "pt": "Países", "fr": "Pays"},
    "all_dimensions": {
        "es": "Todas las dimensiones",
        "en": "All dimensions",
        "pt": "Todas as dimensões",
        "fr": "Toutes les dimensions",
    },
    "pick_more": {
        "es": "Elija al menos dos países para comparar.",
        "en": "Choose at least two countries to compare.",
        "pt": "Escolha pelo menos dois países para comparar.",
        "fr": "Choisissez au moins deux pays à comparer.",
    },
    "bars_title": {
        "es": "Puntajes, {year}",
        "en": "Scores, {year}",
        "pt": "Pontuações, {year}",
        "fr": "Scores, {year}",
    },
    "heatmap_title": {
        "es": "Puntaje por indicador, {year}",
        "en": "Score by indicator, {year}",
        "pt": "Pontuação por indicador, {year}",
        "fr": "Score par indicateur, {year}",
    },
    "radar_title": {
        "es": "Perfil por dimensión, {year}",
        "en": "Profile by dimension, {year}",
        "pt": "Perfil por dimensão, {year}",
        "fr": "Profil par dimension, {year}",
    },
    "compare_table": {
        "es": "Comparación, {year}",
        "en": "Comparison, {year}",
        "pt": "Comparação, {year}",
        "fr": "Comparaison, {year}",
    },
    "un_survey": {
        "es": "Encuesta ONU",
        "en": "UN survey",
        "pt": "Pesquisa ONU",
        "fr": "Enquête ONU",
    },
    "compare_sources": {
        "es": "Fuentes: envíos de los países miembros a la Red GEALC{demo}; Naciones Unidas, DAES, Encuesta de Gobierno Electrónico; Banco Mundial, GovTech Dataset (Índice de Madurez GovTech), CC BY 4.0 (de cada uno, la encuesta más cercana al año de los datos).",
        "en": "Sources: member countries' submissions to Red GEALC{demo}; United Nations, DESA, E-Government Survey; World Bank, GovTech Dataset (GovTech Maturity Index), CC BY 4.0 (of each, the survey nearest to the data year).",
        "pt": "Fontes: envios dos países membros à Rede GEALC{demo}; Nações Unidas, DESA, Pesquisa de Governo Eletrônico; Banco Mundial, GovTech Dataset (Índice de Maturidade GovTech), CC BY 4.0 (de cada uma, a pesquisa mais próxima do ano dos dados).",
        "fr": "Sources : envois des pays membres au Réseau GEALC{demo} ; Nations unies, DAES, Enquête sur l'administration en ligne ; Banque mondiale, GovTech Dataset (Indice de maturité GovTech), CC BY 4.0 (pour chacune, l'enquête la plus proche de l'année des données).",
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
    "all_subregions": {
        "es": "Todas las subregiones",
        "en": "All subregions",
        "pt": "Todas as sub-regiões",
        "fr": "Toutes les sous-régions",
    },
    "matrix_title": {
        "es": "Indicadores reportados, {year}",
        "en": "Indicators reported, {year}",
        "pt": "Indicadores informados, {year}",
        "fr": "Indicateurs déclarés, {year}",
    },
    "years_title": {
        "es": "Indicadores reportados por año (de {total})",
        "en": "Indicators reported by year (of {total})",
        "pt": "Indicadores informados por ano (de {total})",
        "fr": "Indicateurs déclarés par année (sur {total})",
    },
    "coverage_summary": {
        "es": "{countries} de {members} países reportaron al menos un indicador en {year}; {cells} de {possible} valores posibles.",
        "en": "{countries} of {members} countries reported at least one indicator in {year}; {cells} of {possible} possible values.",
        "pt": "{countries} de {members} países informaram ao menos um indicador em {year}; {cells} de {possible} valores possíveis.",
        "fr": "{countries} pays sur {members} ont déclaré au moins un indicateur en {year} ; {cells} valeurs sur {possible} possibles.",
    },
    # GEALC en números (home)
    "home_title": {
        "es": "GEALC en números {year}",
        "en": "GEALC in numbers {year}",
        "pt": "GEALC em números {year}",
        "fr": "GEALC en chiffres {year}",
    },
    "home_lead": {
        "es": "Las cifras clave de la Red: quién reportó, cómo está la región en cada dimensión, quién mejoró y dónde están los miembros en la Encuesta de Gobierno Electrónico de la ONU.",
        "en": "The network's key figures: who reported, where the region stands in each dimension, who improved, and where the members stand in the UN E-Government Survey.",
        "pt": "Os números-chave da Rede: quem informou, como a região está em cada dimensão, quem melhorou e onde estão os membros na Pesquisa de Governo Eletrônico da ONU.",
        "fr": "Les chiffres clés du Réseau : qui a déclaré, où en est la région dans chaque dimension, qui a progressé et où se situent les membres dans l'Enquête sur l'administration en ligne de l'ONU.",
    },
    "hl_reporting": {
        "es": "{n} de {members} países miembros reportaron indicadores para {year}; {complete} de ellos reportaron los {total}.",
        "en": "{n} of {members} member countries reported indicators for {year}; {complete} of them reported all {total}.",
        "pt": "{n} de {members} países membros informaram indicadores para {year}; {complete} deles informaram os {total}.",
        "fr": "{n} pays membres sur {members} ont déclaré des indicateurs pour {year} ; {complete} d'entre eux ont déclaré les {total}.",
    },
    "hl_medians": {
        "es": "La mediana regional del puntaje compuesto GEALC en {year} es {median} sobre 100. La dimensión más avanzada es {high} ({high_value}) y la más rezagada, {low} ({low_value}).",
        "en": "The regional median GEALC composite score in {year} is {median} out of 100. The most advanced dimension is {high} ({high_value}); the one furthest behind is {low} ({low_value}).",
        "pt": "A mediana regional da pontuação composta GEALC em {year} é {median} de 100. A dimensão mais avançada é {high} ({high_value}) e a mais atrasada, {low} ({low_value}).",
        "fr": "La médiane régionale du score composite GEALC en {year} est de {median} sur 100. La dimension la plus avancée est {high} ({high_value}) ; la plus en retard, {low} ({low_value}).",
    },
    "hl_medians_none": {
        "es": "Aún no hay puntajes para {year}.",
        "en": "There are no scores for {year} yet.",
        "pt": "Ainda não há pontuações para {year}.",
        "fr": "Il n'y a pas encore de scores pour {year}.",
    },
    "hl_improved": {
        "es": "{country} es el país que más mejoró: en los {common} indicadores que reportó en {since} y en {year}, su puntaje compuesto subió {change} puntos, de {before} a {now}.",
        "en": "{country} improved the most: on the {common} indicators it reported in both {since} and {year}, its composite score rose {change} points, from {before} to {now}.",
        "pt": "{country} foi o país que mais melhorou: nos {common} indicadores que informou em {since} e em {year}, sua pontuação composta subiu {change} pontos, de {before} para {now}.",
        "fr": "{country} est le pays qui a le plus progressé : sur les {common} indicateurs déclarés en {since} et en {year}, son score composite a gagné {change} points, de {before} à {now}.",
    },
    "hl_improved_none": {
        "es": "No hay puntajes de años anteriores con los que comparar {year}.",
        "en": "There are no earlier scores to compare {year} with.",
        "pt": "Não há pontuações de anos anteriores para comparar com {year}.",
        "fr": "Il n'y a pas de scores antérieurs auxquels comparer {year}.",
    },
    "hl_best": {
        "es": "Los mejores puntajes por dimensión en {year}: {list}.",
        "en": "Best scores by dimension in {year}: {list}.",
        "pt": "As melhores pontuações por dimensão em {year}: {list}.",
        "fr": "Meilleurs scores par dimension en {year} : {list}.",
    },
    "hl_best_none": {
        "es": "Ninguna dimensión tiene puntajes en {year}.",
        "en": "No dimension has scores in {year}.",
        "pt": "Nenhuma dimensão tem pontuações em {year}.",
        "fr": "Aucune dimension n'a de scores en {year}.",
    },
    "hl_un": {
        "es": "En la Encuesta de Gobierno Electrónico de la ONU {survey}, el EGDI promedio de los {assessed} miembros evaluados es {egdi}; {very_high} de ellos están en el grupo muy alto (EGDI ≥ 0,75).",
        "en": "In the UN E-Government Survey {survey}, the average EGDI of the {assessed} members assessed is {egdi}; {very_high} of them are in the very high group (EGDI ≥ 0.75).",
        "pt": "Na Pesquisa de Governo Eletrônico da ONU {survey}, o EGDI médio dos {assessed} membros avaliados é {egdi}; {very_high} deles estão no grupo muito alto (EGDI ≥ 0,75).",
        "fr": "Dans l'Enquête sur l'administration en ligne de l'ONU {survey}, l'EGDI moyen des {assessed} membres évalués est de {egdi} ; {very_high} d'entre eux sont dans le groupe très élevé (EGDI ≥ 0,75).",
    },
    "hl_un_none": {
        "es": "No hay cifras de la ONU para estos países.",
        "en": "There are no UN figures for these countries.",
        "pt": "Não há números da ONU para estes países.",
        "fr": "Il n'y a pas de chiffres de l'ONU pour ces pays.",
    },
    "countries_reporting": {
        "es": "Países que reportaron",
        "en": "Countries reporting",
        "pt": "Países que informaram",
        "fr": "Pays déclarants",
    },
    "countries_complete": {
        "es": "Países con los {total} indicadores",
        "en": "Countries with all {total} indicators",
        "pt": "Países com os {total} indicadores",
        "fr": "Pays avec les {total} indicateurs",
    },
    "countries_scored": {
        "es": "Países con puntaje",
        "en": "Countries scored",
        "pt": "Países com pontuação",
        "fr": "Pays notés",
    },
    "since_year": {
        "es": "Año anterior",
        "en": "Earlier year",
        "pt": "Ano anterior",
        "fr": "Année antérieure",
    },
    "score_then": {
        "es": "Puntaje anterior",
        "en": "Earlier score",
        "pt": "Pontuação anterior",
        "fr": "Score antérieur",
    },
    "score_year": {
        "es": "Puntaje {year}",
        "en": "Score {year}",
        "pt": "Pontuação {year}",
        "fr": "Score {year}",
    },
    "change": {
        "es": "Cambio (puntos)",
        "en": "Change (points)",
        "pt": "Variação (pontos)",
        "fr": "Variation (points)",
    },
    "best_performer": {
        "es": "Mejor puntaje",
        "en": "Best performer",
        "pt": "Melhor pontuação",
        "fr": "Meilleur score",
    },
    "egdi_average": {
        "es": "EGDI promedio",
        "en": "Average EGDI",
        "pt": "EGDI médio",
        "fr": "EGDI moyen",
    },
    "assessed": {
        "es": "Miembros evaluados",
        "en": "Members assessed",
        "pt": "Membros avaliados",
        "fr": "Membres évalués",
    },
    "level_very_high_count": {
        "es": "En el grupo muy alto",
        "en": "In the very high group",
        "pt": "No grupo muito alto",
        "fr": "Dans le groupe très élevé",
    },
    "hl_title_reporting": {
        "es": "Reportes",
        "en": "Reporting",
        "pt": "Envios",
        "fr": "Déclarations",
    },
    "hl_title_medians": {
        "es": "La región por dimensión",
        "en": "The region by dimension",
        "pt": "A região por dimensão",
        "fr": "La région par dimension",
    },
    "hl_title_improved": {
        "es": "Los que más mejoraron",
        "en": "Most improved",
        "pt": "Os que mais melhoraram",
        "fr": "Les plus fortes progressions",
    },
    "hl_title_best": {
        "es": "Mejores por dimensión",
        "en": "Best by dimension",
        "pt": "Melhores por dimensão",
        "fr": "Les meilleurs par dimension",
    },
    "hl_title_un": {
        "es": "Los miembros en la Encuesta de la ONU",
        "en": "Members in the UN Survey",
        "pt": "Os membros na Pesquisa da ONU",
        "fr": "Les membres dans l'Enquête de l'ONU",
    },
    "download_full_scores": {
        "es": "todos los puntajes (todos los años)",
        "en": "all scores (every year)",
        "pt": "todas as pontuações (todos os anos)",
        "fr": "tous les scores (toutes les années)",
    },
    "download_full_values": {
        "es": "todos los valores (todos los años)",
        "en": "all values (every year)",
        "pt": "todos os valores (todos os anos)",
        "fr": "toutes les valeurs (toutes les années)",
    },
    "download_full_not_reported": {
        "es": "lo que los países no informaron, con su nota (todos los años)",
        "en": "what countries did not report, with their note (every year)",
        "pt": "o que os países não informaram, com sua nota (todos os anos)",
        "fr": "ce que les pays n'ont pas communiqué, avec leur note (toutes les années)",
    },
    "download_full_un": {
        "es": "todas las cifras de la ONU (2003–2024)",
        "en": "all UN figures (2003–2024)",
        "pt": "todos os números da ONU (2003–2024)",
        "fr": "tous les chiffres de l'ONU (2003–2024)",
    },
    "download_full_gtmi": {
        "es": "todas las cifras del Índice de Madurez GovTech del Banco Mundial: índice, subíndices y grupo (todas las encuestas; CC BY 4.0)",
        "en": "all World Bank GovTech Maturity Index figures: index, sub-indices and group (every survey; CC BY 4.0)",
        "pt": "todos os números do Índice de Maturidade GovTech do Banco Mundial: índice, subíndices e grupo (todas as pesquisas; CC BY 4.0)",
        "fr": "tous les chiffres de l'Indice de maturité GovTech de la Banque mondiale : indice, sous-indices et groupe (toutes les enquêtes ; CC BY 4.0)",
    },
    "download_full_gtmi_indicators": {
        "es": "las respuestas a las 48 preguntas del GTMI del Banco Mundial (todas las encuestas; CC BY 4.0)",
        "en": "the answers to the World Bank GTMI's 48 questions (every survey; CC BY 4.0)",
        "pt": "as respostas às 48 perguntas do GTMI do Banco Mundial (todas as pesquisas; CC BY 4.0)",
        "fr": "les réponses aux 48 questions du GTMI de la Banque mondiale (toutes les enquêtes ; CC BY 4.0)",
    },
    "home_sources": {
        "es": "Fuentes: envíos de los países miembros de la Red GEALC{demo}; puntajes según la metodología GEALC; Naciones Unidas, DAES, Encuesta de Gobierno Electrónico (EGDI); Banco Mundial, GovTech Dataset (Índice de Madurez GovTech), CC BY 4.0.",
        "en": "Sources: submissions of Red GEALC member countries{demo}; scores by the GEALC methodology; United Nations, DESA, E-Government Survey (EGDI); World Bank, GovTech Dataset (GovTech Maturity Index), CC BY 4.0.",
        "pt": "Fontes: envios dos países membros da Rede GEALC{demo}; pontuações segundo a metodologia GEALC; Nações Unidas, DESA, Pesquisa de Governo Eletrônico (EGDI); Banco Mundial, GovTech Dataset (Índice de Maturidade GovTech), CC BY 4.0.",
        "fr": "Sources : envois des pays membres du Réseau GEALC{demo} ; scores selon la méthodologie GEALC ; Nations Unies, DAES, Enquête sur l'administration en ligne (EGDI) ; Banque mondiale, GovTech Dataset (Indice de maturité GovTech), CC BY 4.0.",
    },
    "show_table": {
        "es": "Ver la tabla",
        "en": "Show the table",
        "pt": "Ver a tabela",
        "fr": "Voir le tableau",
    },
    # filters
    "egdi_level": {
        "es": "Grupo EGDI de la ONU",
        "en": "UN EGDI group",
        "pt": "Grupo EGDI da ONU",
        "fr": "Groupe EGDI de l'ONU",
    },
    "all_levels": {
        "es": "Todos los grupos",
        "en": "All groups",
        "pt": "Todos os grupos",
        "fr": "Tous les groupes",
    },
    "level_very_high": {
        "es": "Muy alto (≥ 0,75)",
        "en": "Very high (≥ 0.75)",
        "pt": "Muito alto (≥ 0,75)",
        "fr": "Très élevé (≥ 0,75)",
    },
    "level_high": {
        "es": "Alto (0,50–0,75)",
        "en": "High (0.50–0.75)",
        "pt": "Alto (0,50–0,75)",
        "fr": "Élevé (0,50–0,75)",
    },
    "level_middle": {
        "es": "Medio (0,25–0,50)",
        "en": "Middle (0.25–0.50)",
        "pt": "Médio (0,25–0,50)",
        "fr": "Moyen (0,25–0,50)",
    },
    "level_low": {
        "es": "Bajo (< 0,25)",
        "en": "Low (< 0.25)",
        "pt": "Baixo (< 0,25)",
        "fr": "Faible (< 0,25)",
    },
    "no_members_selected": {
        "es": "Ningún país miembro cumple estos filtros. Elija otra subregión u otro grupo EGDI.",
        "en": "No member country matches these filters. Choose another subregion or EGDI group.",
        "pt": "Nenhum país membro atende a estes filtros. Escolha outra sub-região ou outro grupo EGDI.",
        "fr": "Aucun pays membre ne correspond à ces filtres. Choisissez une autre sous-région ou un autre groupe EGDI.",
    },
    # UN comparison
    "un_page": {
        "es": "Comparación con la ONU",
        "en": "UN comparison",
        "pt": "Comparação com a ONU",
        "fr": "Comparaison avec l'ONU",
    },
    "un_lead": {
        "es": "El puntaje GEALC de cada país frente a un índice de la Encuesta de Gobierno Electrónico de la ONU (la encuesta más cercana al año de los datos): cuánto coinciden, y qué países se apartan de la tendencia para que la secretaría lo revise.",
        "en": "Each country's GEALC score against an index of the UN E-Government Survey (the survey nearest to the data year): how far they agree, and which countries lie away from the trend for the secretariat to look at.",
        "pt": "A pontuação GEALC de cada país diante de um índice da Pesquisa de Governo Eletrônico da ONU (a pesquisa mais próxima do ano dos dados): quanto coincidem e quais países se afastam da tendência, para a secretaria revisar.",
        "fr": "Le score GEALC de chaque pays face à un indice de l'Enquête sur l'administration en ligne de l'ONU (l'enquête la plus proche de l'année des données) : leur degré d'accord et les pays qui s'écartent de la tendance, à examiner par le secrétariat.",
    },
    "gealc_measure": {
        "es": "Puntaje GEALC",
        "en": "GEALC score",
        "pt": "Pontuação GEALC",
        "fr": "Score GEALC",
    },
    "un_index_choice": {
        "es": "Índice de la ONU",
        "en": "UN index",
        "pt": "Índice da ONU",
        "fr": "Indice de l'ONU",
    },
    "index_EGDI": {
        "es": "EGDI (desarrollo de gobierno electrónico)",
        "en": "EGDI (e-government development)",
        "pt": "EGDI (desenvolvimento de governo eletrônico)",
        "fr": "EGDI (développement de l'administration en ligne)",
    },
    "index_OSI": {
        "es": "OSI (servicios en línea)",
        "en": "OSI (online services)",
        "pt": "OSI (serviços online)",
        "fr": "OSI (services en ligne)",
    },
    "index_HCI": {
        "es": "HCI (capital humano)",
        "en": "HCI (human capital)",
        "pt": "HCI (capital humano)",
        "fr": "HCI (capital humain)",
    },
    "index_TII": {
        "es": "TII (infraestructura de telecomunicaciones)",
        "en": "TII (telecommunication infrastructure)",
        "pt": "TII (infraestrutura de telecomunicações)",
        "fr": "TII (infrastructure de télécommunication)",
    },
    "index_EPI": {
        "es": "EPI (participación electrónica)",
        "en": "EPI (e-participation)",
        "pt": "EPI (participação eletrônica)",
        "fr": "EPI (participation en ligne)",
    },
    "un_relation": {
        "es": "Correlación de rangos de Spearman entre {measure} y {index}: ρ = {rho} ({n} países). {flagged} país(es) se apartan de la recta robusta (Theil–Sen) más de lo que explica el azar, con una tasa de falsos descubrimientos (FDR) del {fdr}.",
        "en": "Spearman rank correlation between {measure} and {index}: ρ = {rho} ({n} countries). {flagged} country(ies) lie further from the robust (Theil–Sen) line than chance explains, at a false discovery rate (FDR) of {fdr}.",
        "pt": "Correlação de postos de Spearman entre {measure} e {index}: ρ = {rho} ({n} países). {flagged} país(es) se afastam da reta robusta (Theil–Sen) mais do que o acaso explica, com uma taxa de falsas descobertas (FDR) de {fdr}.",
        "fr": "Corrélation de rangs de Spearman entre {measure} et {index} : ρ = {rho} ({n} pays). {flagged} pays s'écartent de la droite robuste (Theil–Sen) plus que le hasard ne l'explique, avec un taux de fausses découvertes (FDR) de {fdr}.",
    },
    "un_too_few": {
        "es": "Solo {n} países tienen ambos valores: se necesitan al menos 5 para medir la relación.",
        "en": "Only {n} countries have both values: at least 5 are needed to measure the relation.",
        "pt": "Apenas {n} países têm ambos os valores: são necessários pelo menos 5 para medir a relação.",
        "fr": "Seuls {n} pays ont les deux valeurs : il en faut au moins 5 pour mesurer la relation.",
    },
    "un_chart_title": {
        "es": "{measure} frente a {index}, {year}",
        "en": "{measure} against {index}, {year}",
        "pt": "{measure} diante de {index}, {year}",
        "fr": "{measure} face à {index}, {year}",
    },
    "un_table": {
        "es": "Tabla: puntaje GEALC e índice de la ONU por país, {year}",
        "en": "Table: GEALC score and UN index by country, {year}",
        "pt": "Tabela: pontuação GEALC e índice da ONU por país, {year}",
        "fr": "Tableau : score GEALC et indice de l'ONU par pays, {year}",
    },
    "divergence": {
        "es": "Divergencia señalada",
        "en": "Flagged divergence",
        "pt": "Divergência assinalada",
        "fr": "Divergence signalée",
    },
    "divergence_yes": {
        "es": "lejos de la recta (FDR {fdr}), revisar",
        "en": "far from the line (FDR {fdr}), review",
        "pt": "longe da reta (FDR {fdr}), revisar",
        "fr": "loin de la droite (FDR {fdr}), à examiner",
    },
    "fit_line": {
        "es": "Recta de Theil–Sen (robusta)",
        "en": "Theil–Sen line (robust)",
        "pt": "Reta de Theil–Sen (robusta)",
        "fr": "Droite de Theil–Sen (robuste)",
    },
    "un_pairing": {
        "es": "Por qué comparar {measure} con {index}: {rationale}",
        "en": "Why compare {measure} with {index}: {rationale}",
        "pt": "Por que comparar {measure} com {index}: {rationale}",
        "fr": "Pourquoi comparer {measure} à {index} : {rationale}",
    },
    "un_sources": {
        "es": "Fuentes: Naciones Unidas, DAES, Encuesta de Gobierno Electrónico (encuesta más cercana al año de los datos); puntajes GEALC de los envíos de los países miembros{demo}. Una divergencia es una señal para revisar, no un veredicto.",
        "en": "Sources: United Nations, DESA, E-Government Survey (the survey nearest to the data year); GEALC scores from member countries' submissions{demo}. A divergence is a signal to review, not a verdict.",
        "pt": "Fontes: Nações Unidas, DESA, Pesquisa de Governo Eletrônico (a pesquisa mais próxima do ano dos dados); pontuações GEALC dos envios dos países membros{demo}. Uma divergência é um sinal para revisar, não um veredito.",
        "fr": "Sources : Nations Unies, DAES, Enquête sur l'administration en ligne (l'enquête la plus proche de l'année des données) ; scores GEALC issus des envois des pays membres{demo}. Une divergence est un signal à examiner, pas un verdict.",
    },
    # Indicator explorer
    "explorer_page": {
        "es": "Explorar indicadores",
        "en": "Indicator explorer",
        "pt": "Explorar indicadores",
        "fr": "Explorer les indicateurs",
    },
    "explorer_lead": {
        "es": "Un indicador, una dimensión o el puntaje compuesto en todos los países miembros y todos los años: mapa, cuadrícula, ranking, evolución y tabla. Haga clic en un país para abrir su perfil.",
        "en": "One indicator, a dimension or the composite score across all member countries and years: map, tile grid, ranking, trend and table. Click a country to open its profile.",
        "pt": "Um indicador, uma dimensão ou a pontuação composta em todos os países membros e anos: mapa, grade, ranking, evolução e tabela. Clique em um país para abrir seu perfil.",
        "fr": "Un indicateur, une dimension ou le score composite pour tous les pays membres et toutes les années : carte, grille, classement, évolution et tableau. Cliquez sur un pays pour ouvrir son profil.",
    },
    "score_of_selection": {
        "es": "Puntaje de la dimensión (o compuesto)",
        "en": "Dimension score (or composite)",
        "pt": "Pontuação da dimensão (ou composta)",
        "fr": "Score de la dimension (ou composite)",
    },
    "explorer_summary": {
        "es": "{measure}: {n} de {members} países tienen datos para {year}.",
        "en": "{measure}: {n} of {members} countries have data for {year}.",
        "pt": "{measure}: {n} de {members} países têm dados para {year}.",
        "fr": "{measure} : {n} pays sur {members} ont des données pour {year}.",
    },
    "map_title": {
        "es": "Mapa: {measure}, {year}",
        "en": "Map: {measure}, {year}",
        "pt": "Mapa: {measure}, {year}",
        "fr": "Carte : {measure}, {year}",
    },
    "map_hint": {
        "es": "Los Estados insulares pequeños llevan además un punto para verse y poder hacer clic. En gris: sin datos.",
        "en": "Small island states also carry a dot so they can be seen and clicked. Grey: no data.",
        "pt": "Os pequenos Estados insulares têm também um ponto para serem vistos e clicados. Em cinza: sem dados.",
        "fr": "Les petits États insulaires portent aussi un point pour être vus et cliqués. En gris : pas de données.",
    },
    "tiles_title": {
        "es": "Cuadrícula: un cuadro igual por país, {measure}, {year}",
        "en": "Tile grid: one equal tile per country, {measure}, {year}",
        "pt": "Grade: um quadrado igual por país, {measure}, {year}",
        "fr": "Grille : une case égale par pays, {measure}, {year}",
    },
    "tiles_hint": {
        "es": "Cada país pesa lo mismo, sea Brasil o San Cristóbal y Nieves; la posición es aproximadamente geográfica.",
        "en": "Every country weighs the same, Brazil or Saint Kitts and Nevis; positions are roughly geographic.",
        "pt": "Cada país pesa o mesmo, seja o Brasil ou São Cristóvão e Névis; a posição é aproximadamente geográfica.",
        "fr": "Chaque pays pèse autant, le Brésil comme Saint-Kitts-et-Nevis ; les positions sont à peu près géographiques.",
    },
    "ranked_title": {
        "es": "Ranking: {measure}, {year}",
        "en": "Ranking: {measure}, {year}",
        "pt": "Ranking: {measure}, {year}",
        "fr": "Classement : {measure}, {year}",
    },
    "trend_medians_title": {
        "es": "Evolución de la mediana: {measure}",
        "en": "Median over time: {measure}",
        "pt": "Evolução da mediana: {measure}",
        "fr": "Évolution de la médiane : {measure}",
    },
    "median_selection": {
        "es": "Mediana de los países mostrados",
        "en": "Median of the countries shown",
        "pt": "Mediana dos países mostrados",
        "fr": "Médiane des pays affichés",
    },
    "explorer_table": {
        "es": "Tabla: {measure}, {year}",
        "en": "Table: {measure}, {year}",
        "pt": "Tabela: {measure}, {year}",
        "fr": "Tableau : {measure}, {year}",
    },
    "explorer_source_indicator": {
        "es": "Definición: {definition}",
        "en": "Definition: {definition}",
        "pt": "Definição: {definition}",
        "fr": "Définition : {definition}",
    },
    "explorer_source_score": {
        "es": "Puntajes de 0 a 100 según la metodología GEALC.",
        "en": "Scores from 0 to 100 by the GEALC methodology.",
        "pt": "Pontuações de 0 a 100 segundo a metodologia GEALC.",
        "fr": "Scores de 0 à 100 selon la méthodologie GEALC.",
    },
    "explorer_sources": {
        "es": "{source} Fuente: envíos de los países miembros de la Red GEALC, año {year}{demo}. Contornos: Natural Earth 1:50m (dominio público).",
        "en": "{source} Source: submissions of Red GEALC member countries, year {year}{demo}. Outlines: Natural Earth 1:50m (public domain).",
        "pt": "{source} Fonte: envios dos países membros da Rede GEALC, ano {year}{demo}. Contornos: Natural Earth 1:50m (domínio público).",
        "fr": "{source} Source : envois des pays membres du Réseau GEALC, année {year}{demo}. Contours : Natural Earth 1:50m (domaine public).",
    },
    # Data and methodology
    "data_page": {
        "es": "Datos y metodología",
        "en": "Data and methodology",
        "pt": "Dados e metodologia",
        "fr": "Données et méthodologie",
    },
    "data_lead": {
        "es": "El catálogo de los 15 indicadores (definiciones, unidades, fórmulas y umbrales), cómo se calculan los puntajes y posiciones, y todos los datos para descargar.",
        "en": "The catalogue of the 15 indicators (definitions, units, formulas and goalposts), how scores and ranks are computed, and all the data to download.",
        "pt": "O catálogo dos 15 indicadores (definições, unidades, fórmulas e limites), como as pontuações e posições são calculadas, e todos os dados para baixar.",
        "fr": "Le catalogue des 15 indicateurs (définitions, unités, formules et bornes), le calcul des scores et des rangs, et toutes les données à télécharger.",
    },
    "releases_title": {
        "es": "Versiones publicadas",
        "en": "Published releases",
        "pt": "Versões publicadas",
        "fr": "Versions publiées",
    },
    "releases_lead": {
        "es": "Cada versión es fija y citable: sus cifras no cambian aunque un país corrija sus datos; la corrección llega en una versión nueva. Cada una tiene su paquete de datos abiertos (CSV, XLSX, datapackage.json).",
        "en": "Each release is fixed and citable: its figures do not change when a country corrects its data; the correction comes in a new release. Each has its open-data package (CSV, XLSX, datapackage.json).",
        "pt": "Cada versão é fixa e citável: seus números não mudam quando um país corrige seus dados; a correção vem em uma nova versão. Cada uma tem seu pacote de dados abertos (CSV, XLSX, datapackage.json).",
        "fr": "Chaque version est figée et citable : ses chiffres ne changent pas quand un pays corrige ses données ; la correction paraît dans une nouvelle version. Chacune a son paquet de données ouvertes (CSV, XLSX, datapackage.json).",
    },
    "release": {"es": "Versión", "en": "Release", "pt": "Versão", "fr": "Version"},
    "published_on": {"es": "Publicada", "en": "Published", "pt": "Publicada", "fr": "Publiée"},
    "values_count": {"es": "Valores", "en": "Values", "pt": "Valores", "fr": "Valeurs"},
    "open_data_package": {
        "es": "Datos abiertos",
        "en": "Open data",
        "pt": "Dados abertos",
        "fr": "Données ouvertes",
    },
    "package_link": {
        "es": "paquete ZIP",
        "en": "ZIP package",
        "pt": "pacote ZIP",
        "fr": "paquet ZIP",
    },
    "latest_mark": {
        "es": "la última",
        "en": "latest",
        "pt": "a mais recente",
        "fr": "la plus récente",
    },
    "shown_mark": {"es": "la que se muestra", "en": "shown", "pt": "a exibida", "fr": "affichée"},
    "downloads_title": {
        "es": "Descargas",
        "en": "Downloads",
        "pt": "Downloads",
        "fr": "Téléchargements",
    },
    "catalogue_title": {
        "es": "Catálogo de indicadores",
        "en": "Indicator catalogue",
        "pt": "Catálogo de indicadores",
        "fr": "Catalogue des indicateurs",
    },
    "methodology_title": {
        "es": "Metodología",
        "en": "Methodology",
        "pt": "Metodologia",
        "fr": "Méthodologie",
    },
    "definition": {"es": "Definición", "en": "Definition", "pt": "Definição", "fr": "Définition"},
    "formula": {"es": "Fórmula", "en": "Formula", "pt": "Fórmula", "fr": "Formule"},
    "valid_range": {
        "es": "Rango válido",
        "en": "Valid range",
        "pt": "Faixa válida",
        "fr": "Plage valide",
    },
    "goalposts": {
        "es": "Umbrales (0 → 100)",
        "en": "Goalposts (0 → 100)",
        "pt": "Limites (0 → 100)",
        "fr": "Bornes (0 → 100)",
    },
    "scale": {"es": "Escala", "en": "Scale", "pt": "Escala", "fr": "Échelle"},
    "scale_log": {
        "es": "logarítmica",
        "en": "logarithmic",
        "pt": "logarítmica",
        "fr": "logarithmique",
    },
    "scale_linear": {"es": "lineal", "en": "linear", "pt": "linear", "fr": "linéaire"},
    "weight": {"es": "Peso", "en": "Weight", "pt": "Peso", "fr": "Poids"},
    "nav_explorer": {
        "es": "Indicadores",
        "en": "Indicators",
        "pt": "Indicadores",
        "fr": "Indicateurs",
    },
    "nav_un": {
        "es": "Referencias externas",
        "en": "External benchmarks",
        "pt": "Referências externas",
        "fr": "Références externes",
    },
    "nav_data": {
        "es": "Datos y metodología",
        "en": "Data & methodology",
        "pt": "Dados e metodologia",
        "fr": "Données et méthodo.",
    },
    "nav_portal": {
        "es": "Portal de envíos",
        "en": "Submission portal",
        "pt": "Portal de envios",
        "fr": "Portail de soumission",
    },
    # dcc.Dropdown's own texts ({num_selected} is filled in by the component)
    "dd_select_all": {
        "es": "Seleccionar todo",
        "en": "Select all",
        "pt": "Selecionar tudo",
        "fr": "Tout sélectionner",
    },
    "dd_deselect_all": {
        "es": "Quitar todo",
        "en": "Deselect all",
        "pt": "Desmarcar tudo",
        "fr": "Tout désélectionner",
    },
    "dd_selected_count": {
        "es": "{num_selected} elegidos",
        "en": "{num_selected} selected",
        "pt": "{num_selected} selecionados",
        "fr": "{num_selected} choisis",
    },
    "dd_search": {"es": "Buscar", "en": "Search", "pt": "Buscar", "fr": "Rechercher"},
    "dd_clear_search": {
        "es": "Borrar búsqueda",
        "en": "Clear search",
        "pt": "Limpar busca",
        "fr": "Effacer la recherche",
    },
    "dd_clear_selection": {
        "es": "Borrar selección",
        "en": "Clear selection",
        "pt": "Limpar seleção",
        "fr": "Effacer la sélection",
    },
    "dd_no_options_found": {
        "es": "Sin resultados",
        "en": "No options found",
        "pt": "Nenhuma opção encontrada",
        "fr": "Aucun résultat",
    },
    "sep_label": {"es": ": ", "en": ": ", "pt": ": ", "fr": " : "},
    "sep_list": {"es": "; ", "en": "; ", "pt": "; ", "fr": " ; "},
    "not_found": {
        "es": "Página no encontrada.",
        "en": "Page not found.",
        "pt": "Página não encontrada.",
        "fr": "Page introuvable.",
    },
    # The "GEALC en números" report (gealc report)
    "report_release_line": {
        "es": "Versión {label} · publicada el {date} · datos de {year}",
        "en": "Release {label} · published {date} · data for {year}",
        "pt": "Versão {label} · publicada em {date} · dados de {year}",
        "fr": "Version {label} · publiée le {date} · données {year}",
    },
    "report_key_figures": {
        "es": "Cifras clave",
        "en": "Key figures",
        "pt": "Números-chave",
        "fr": "Chiffres clés",
    },
    "report_contents": {"es": "Contenido", "en": "Contents", "pt": "Conteúdo", "fr": "Sommaire"},
    "report_dimension_summary": {
        "es": "{n} de {members} países miembros tienen puntaje en esta dimensión en {year}; la mediana es {median} sobre 100.",
        "en": "{n} of {members} member countries have a score in this dimension in {year}; the median is {median} out of 100.",
        "pt": "{n} de {members} países membros têm pontuação nesta dimensão em {year}; a mediana é {median} de 100.",
        "fr": "{n} pays membres sur {members} ont un score dans cette dimension en {year} ; la médiane est de {median} sur 100.",
    },
    "report_dimension_none": {
        "es": "Ningún país miembro tiene puntaje en esta dimensión en {year}.",
        "en": "No member country has a score in this dimension in {year}.",
        "pt": "Nenhum país membro tem pontuação nesta dimensão em {year}.",
        "fr": "Aucun pays membre n'a de score dans cette dimension en {year}.",
    },
    "report_dimension_indicators": {
        "es": "Indicadores: {list}.",
        "en": "Indicators: {list}.",
        "pt": "Indicadores: {list}.",
        "fr": "Indicateurs : {list}.",
    },
    "report_dimension_chart": {
        "es": "Puntaje de cada país miembro, {year}",
        "en": "Each member country's score, {year}",
        "pt": "Pontuação de cada país membro, {year}",
        "fr": "Score de chaque pays membre, {year}",
    },
    "report_indicators_present": {
        "es": "Indicadores reportados",
        "en": "Indicators reported",
        "pt": "Indicadores informados",
        "fr": "Indicateurs déclarés",
    },
    "report_methodology_more": {
        "es": "Resumen de la metodología publicada. El texto completo (el catálogo de los {total} indicadores con sus definiciones, unidades y umbrales, y un ejemplo resuelto) está en la página «Datos y metodología» de la plataforma.",
        "en": "A summary of the published methodology. The full text (the catalogue of the {total} indicators with their definitions, units and goalposts, and a worked example) is on the platform's “Data and methodology” page.",
        "pt": "Resumo da metodologia publicada. O texto completo (o catálogo dos {total} indicadores com suas definições, unidades e limites, e um exemplo passo a passo) está na página «Dados e metodologia» da plataforma.",
        "fr": "Résumé de la méthodologie publiée. Le texte complet (le catalogue des {total} indicateurs avec leurs définitions, unités et bornes, et un exemple détaillé) figure sur la page « Données et méthodologie » de la plateforme.",
    },
    "report_release_title": {
        "es": "Versión y cita",
        "en": "Release and citation",
        "pt": "Versão e citação",
        "fr": "Version et citation",
    },
    "report_release": {"es": "Versión", "en": "Release", "pt": "Versão", "fr": "Version"},
    "report_published": {"es": "Publicada", "en": "Published", "pt": "Publicada", "fr": "Publiée"},
    "report_sha256": {
        "es": "SHA-256 del contenido",
        "en": "Content SHA-256",
        "pt": "SHA-256 do conteúdo",
        "fr": "SHA-256 du contenu",
    },
    "report_edition": {
        "es": "Edición del catálogo",
        "en": "Catalogue edition",
        "pt": "Edição do catálogo",
        "fr": "Édition du catalogue",
    },
    "report_values": {
        "es": "Valores publicados",
        "en": "Values published",
        "pt": "Valores publicados",
        "fr": "Valeurs publiées",
    },
    "report_sha_note": {
        "es": "El SHA-256 identifica el contenido exacto de esta versión: una versión publicada no cambia nunca y toda corrección se publica como una versión nueva.",
        "en": "The SHA-256 identifies this release's exact content: a published release never changes, and every correction is published as a new release.",
        "pt": "O SHA-256 identifica o conteúdo exato desta versão: uma versão publicada nunca muda e toda correção é publicada como uma nova versão.",
        "fr": "Le SHA-256 identifie le contenu exact de cette version : une version publiée ne change jamais et toute correction est publiée comme une nouvelle version.",
    },
    "report_cite": {
        "es": "Cómo citar",
        "en": "How to cite",
        "pt": "Como citar",
        "fr": "Comment citer",
    },
    "report_citation": {
        "es": "Red GEALC ({year}). GEALC en números, versión {label} (datos de {data_year}). {network}. SHA-256: {sha256}.",
        "en": "Red GEALC ({year}). GEALC in numbers, release {label} (data for {data_year}). {network}. SHA-256: {sha256}.",
        "pt": "Rede GEALC ({year}). GEALC em números, versão {label} (dados de {data_year}). {network}. SHA-256: {sha256}.",
        "fr": "Réseau GEALC ({year}). GEALC en chiffres, version {label} (données {data_year}). {network}. SHA-256 : {sha256}.",
    },
    "report_footer": {
        "es": "{title} · versión {label}",
        "en": "{title} · release {label}",
        "pt": "{title} · versão {label}",
        "fr": "{title} · version {label}",
    },
    "profile_not_reported": {
        "es": "No reportados en {year} (cuentan como 0 en su dimensión y en el compuesto): {items}.",
        "en": "Not reported in {year} (each counts as 0 in its dimension and in the composite): {items}.",
        "pt": "Não informados em {year} (contam como 0 na sua dimensão e na pontuação composta): {items}.",
        "fr": "Non déclarés en {year} (chacun compte pour 0 dans sa dimension et dans le composite) : {items}.",
    },
    "profile_like_for_like": {
        "es": "Desde {since}: {change} puntos en los {common} indicadores reportados en ambos años ({before} → {now}); el compuesto publicado pasó de {published_before} a {published_now}.",
        "en": "Since {since}: {change} points on the {common} indicators reported in both years ({before} → {now}); the published composite went from {published_before} to {published_now}.",
        "pt": "Desde {since}: {change} pontos nos {common} indicadores informados nos dois anos ({before} → {now}); a pontuação composta publicada passou de {published_before} para {published_now}.",
        "fr": "Depuis {since} : {change} points sur les {common} indicateurs déclarés les deux années ({before} → {now}) ; le composite publié est passé de {published_before} à {published_now}.",
    },
    "reported_of": {
        "es": "Indicadores reportados (de {total})",
        "en": "Indicators reported (of {total})",
        "pt": "Indicadores informados (de {total})",
        "fr": "Indicateurs déclarés (sur {total})",
    },
    "like_for_like_common": {
        "es": "Indicadores comparados",
        "en": "Indicators compared",
        "pt": "Indicadores comparados",
        "fr": "Indicateurs comparés",
    },
    "audit_title": {
        "es": "Solidez de la clasificación: auditoría estadística",
        "en": "How robust the ranking is: statistical audit",
        "pt": "Solidez da classificação: auditoria estatística",
        "fr": "Robustesse du classement : audit statistique",
    },
    "audit_lead": {
        "es": "Calculada al publicar la versión {label} y guardada con ella: cuánto depende la clasificación de {year} de cada decisión del método, y si los indicadores de cada dimensión miden lo mismo (Manual OCDE/JRC de indicadores compuestos).",
        "en": "Computed when release {label} was published and stored with it: how much the {year} ranking depends on each choice of the method, and whether each dimension's indicators measure one thing (OECD/JRC Handbook on Constructing Composite Indicators).",
        "pt": "Calculada ao publicar a versão {label} e armazenada com ela: quanto a classificação de {year} depende de cada escolha do método e se os indicadores de cada dimensão medem a mesma coisa (Manual OCDE/JRC de indicadores compostos).",
        "fr": "Calculé lors de la publication de la version {label} et conservé avec elle : dans quelle mesure le classement {year} dépend de chaque choix de la méthode, et si les indicateurs de chaque dimension mesurent une même chose (Manuel OCDE/JRC des indicateurs composites).",
    },
    "audit_none": {
        "es": "Esta versión se publicó antes de que gealc guardara la auditoría estadística (método 2026.2); publique una nueva versión para tenerla.",
        "en": "This release was published before gealc stored the statistical audit (method 2026.2); publish a new release to have it.",
        "pt": "Esta versão foi publicada antes de o gealc armazenar a auditoria estatística (método 2026.2); publique uma nova versão para tê-la.",
        "fr": "Cette version a été publiée avant que gealc ne conserve l'audit statistique (méthode 2026.2) ; publiez une nouvelle version pour l'obtenir.",
    },
    "sensitivity_title": {
        "es": "Sensibilidad de la clasificación {year}",
        "en": "Sensitivity of the {year} ranking",
        "pt": "Sensibilidade da classificação {year}",
        "fr": "Sensibilité du classement {year}",
    },
    "sensitivity_sentence": {
        "es": "De lo que varían las posiciones entre las variantes del método (desplazamiento medio de posición), {factor} explica por sí solo el {first} y, con sus interacciones, el {total}.",
        "en": "Of how much the ranks vary across the method's variants (the average shift in rank), {factor} alone explains {first}, and {total} with its interactions.",
        "pt": "Do quanto as posições variam entre as variantes do método (deslocamento médio de posição), {factor} explica sozinho {first} e, com suas interações, {total}.",
        "fr": "De la variation des rangs entre les variantes de la méthode (déplacement moyen de rang), {factor} explique à lui seul {first}, et {total} avec ses interactions.",
    },
    "sensitivity_still": {
        "es": "Ninguna decisión del método mueve la clasificación de {year}.",
        "en": "No choice of the method moves the {year} ranking.",
        "pt": "Nenhuma escolha do método altera a classificação de {year}.",
        "fr": "Aucun choix de la méthode ne modifie le classement {year}.",
    },
    "factor": {
        "es": "Factor",
        "en": "Factor",
        "pt": "Fator",
        "fr": "Facteur",
    },
    "factor_range": {
        "es": "Variación considerada",
        "en": "Range considered",
        "pt": "Variação considerada",
        "fr": "Plage considérée",
    },
    "first_order": {
        "es": "Efecto de primer orden",
        "en": "First-order effect",
        "pt": "Efeito de primeira ordem",
        "fr": "Effet de premier ordre",
    },
    "total_effect": {
        "es": "Efecto total",
        "en": "Total effect",
        "pt": "Efeito total",
        "fr": "Effet total",
    },
    "factor_indicator_weights": {
        "es": "Pesos de los indicadores",
        "en": "Indicator weights",
        "pt": "Pesos dos indicadores",
        "fr": "Pondérations des indicateurs",
    },
    "factor_dimension_weights": {
        "es": "Pesos de las dimensiones",
        "en": "Dimension weights",
        "pt": "Pesos das dimensões",
        "fr": "Pondérations des dimensions",
    },
    "factor_goalposts": {
        "es": "Umbrales (0 y 100)",
        "en": "Goalposts (0 and 100)",
        "pt": "Limites (0 e 100)",
        "fr": "Bornes (0 et 100)",
    },
    "factor_aggregation": {
        "es": "Agregación",
        "en": "Aggregation",
        "pt": "Agregação",
        "fr": "Agrégation",
    },
    "factor_missing_data": {
        "es": "Regla de lo no reportado",
        "en": "Rule for what was not reported",
        "pt": "Regra do não informado",
        "fr": "Règle des non-déclarés",
    },
    "range_indicator_weights": {
        "es": "cada peso ×{low}–{high}",
        "en": "each weight ×{low}–{high}",
        "pt": "cada peso ×{low}–{high}",
        "fr": "chaque pondération ×{low}–{high}",
    },
    "range_dimension_weights": {
        "es": "cada peso ×{low}–{high}",
        "en": "each weight ×{low}–{high}",
        "pt": "cada peso ×{low}–{high}",
        "fr": "chaque pondération ×{low}–{high}",
    },
    "range_goalposts": {
        "es": "cada umbral ±{shift} de la distancia entre ambos",
        "en": "each goalpost ±{shift} of the distance between them",
        "pt": "cada limite ±{shift} da distância entre eles",
        "fr": "chaque borne ±{shift} de l'écart entre elles",
    },
    "range_aggregation": {
        "es": "media aritmética o geométrica",
        "en": "arithmetic or geometric mean",
        "pt": "média aritmética ou geométrica",
        "fr": "moyenne arithmétique ou géométrique",
    },
    "range_missing_data": {
        "es": "no reportado = 0, con penalización γ de {low} a {high}",
        "en": "not reported = 0, with penalty γ from {low} to {high}",
        "pt": "não informado = 0, com penalização γ de {low} a {high}",
        "fr": "non déclaré = 0, avec pénalité γ de {low} à {high}",
    },
    "coherence_title": {
        "es": "Coherencia de las dimensiones, {year}",
        "en": "Coherence of the dimensions, {year}",
        "pt": "Coerência das dimensões, {year}",
        "fr": "Cohérence des dimensions, {year}",
    },
    "coherence_ok": {
        "es": "Ninguna dimensión pasa los umbrales de alerta del manual.",
        "en": "No dimension crosses the handbook's warning thresholds.",
        "pt": "Nenhuma dimensão ultrapassa os limiares de alerta do manual.",
        "fr": "Aucune dimension ne franchit les seuils d'alerte du manuel.",
    },
    "coherence_flagged": {
        "es": "{count} alertas: revise las filas marcadas.",
        "en": "{count} warnings: see the marked rows.",
        "pt": "{count} alertas: veja as linhas marcadas.",
        "fr": "{count} alertes : voir les lignes signalées.",
    },
    "audit_countries_complete": {
        "es": "Países con todos sus indicadores",
        "en": "Countries with all its indicators",
        "pt": "Países com todos os seus indicadores",
        "fr": "Pays avec tous ses indicateurs",
    },
    "cronbach_alpha": {
        "es": "α de Cronbach",
        "en": "Cronbach's α",
        "pt": "α de Cronbach",
        "fr": "α de Cronbach",
    },
    "pc1_share": {
        "es": "Varianza del 1.er componente",
        "en": "Variance of the 1st component",
        "pt": "Variância do 1º componente",
        "fr": "Variance de la 1re composante",
    },
    "eigen_over_one": {
        "es": "Valores propios > 1",
        "en": "Eigenvalues > 1",
        "pt": "Autovalores > 1",
        "fr": "Valeurs propres > 1",
    },
    "warning": {
        "es": "Alerta",
        "en": "Warning",
        "pt": "Alerta",
        "fr": "Alerte",
    },
    "flag_alpha": {
        "es": "α < {floor}: sus indicadores no miden lo mismo",
        "en": "α < {floor}: its indicators do not measure one thing",
        "pt": "α < {floor}: seus indicadores não medem a mesma coisa",
        "fr": "α < {floor} : ses indicateurs ne mesurent pas une même chose",
    },
    "flag_components": {
        "es": "más de una dimensión latente",
        "en": "more than one latent dimension",
        "pt": "mais de uma dimensão latente",
        "fr": "plus d'une dimension latente",
    },
    "flag_weak": {
        "es": "correlación con su dimensión < {floor}",
        "en": "correlation with its dimension < {floor}",
        "pt": "correlação com sua dimensão < {floor}",
        "fr": "corrélation avec sa dimension < {floor}",
    },
    "flag_redundant": {
        "es": "correlación > {ceiling} con {other}: redundante",
        "en": "correlation > {ceiling} with {other}: redundant",
        "pt": "correlação > {ceiling} com {other}: redundante",
        "fr": "corrélation > {ceiling} avec {other} : redondant",
    },
    "flag_weight": {
        "es": "peso efectivo fuera de ½–2 × el nominal",
        "en": "effective weight outside ½–2 × the nominal one",
        "pt": "peso efetivo fora de ½–2 × o nominal",
        "fr": "poids effectif hors de ½–2 × le nominal",
    },
    "weights_title": {
        "es": "Peso nominal y peso efectivo de cada indicador, {year}",
        "en": "Nominal and effective weight of each indicator, {year}",
        "pt": "Peso nominal e peso efetivo de cada indicador, {year}",
        "fr": "Poids nominal et poids effectif de chaque indicateur, {year}",
    },
    "weights_lead": {
        "es": "El peso nominal es la parte del compuesto que le dan los pesos del catálogo; el efectivo, su correlación al cuadrado con el compuesto, normalizada. Muy distintos, el indicador pesa en los hechos más o menos de lo que dice el método.",
        "en": "The nominal weight is the share of the composite the catalogue's weights give it; the effective weight, its squared correlation with the composite, normalised. When they differ widely, the indicator weighs in practice more or less than the method says.",
        "pt": "O peso nominal é a parte da pontuação composta que os pesos do catálogo lhe dão; o efetivo, sua correlação ao quadrado com a composta, normalizada. Muito diferentes, o indicador pesa na prática mais ou menos do que o método diz.",
        "fr": "Le poids nominal est la part du composite que lui donnent les pondérations du catalogue ; le poids effectif, sa corrélation au carré avec le composite, normalisée. S'ils diffèrent nettement, l'indicateur pèse en pratique plus ou moins que ne le dit la méthode.",
    },
    "nominal_weight": {
        "es": "Peso nominal",
        "en": "Nominal weight",
        "pt": "Peso nominal",
        "fr": "Poids nominal",
    },
    "effective_weight": {
        "es": "Peso efectivo",
        "en": "Effective weight",
        "pt": "Peso efetivo",
        "fr": "Poids effectif",
    },
    "correlation_dimension": {
        "es": "Correlación con su dimensión",
        "en": "Correlation with its dimension",
        "pt": "Correlação com sua dimensão",
        "fr": "Corrélation avec sa dimension",
    },
    # External benchmarks (UN survey or World Bank GTMI)
    "bench_page": {
        "es": "Referencias externas",
        "en": "External benchmarks",
        "pt": "Referências externas",
        "fr": "Références externes",
    },
    "bench_lead": {
        "es": "El puntaje GEALC de cada país frente a una evaluación independiente, de la encuesta más cercana al año de los datos: la Encuesta de Gobierno Electrónico de la ONU o el Índice de Madurez GovTech (GTMI) del Banco Mundial. Cuánto coinciden, y qué países se apartan de la tendencia para que la secretaría lo revise.",
        "en": "Each country's GEALC score against an independent assessment, from the survey nearest to the data year: the UN E-Government Survey or the World Bank GovTech Maturity Index (GTMI). How far they agree, and which countries lie away from the trend for the secretariat to look at.",
        "pt": "A pontuação GEALC de cada país diante de uma avaliação independente, da pesquisa mais próxima do ano dos dados: a Pesquisa de Governo Eletrônico da ONU ou o Índice de Maturidade GovTech (GTMI) do Banco Mundial. Quanto coincidem e quais países se afastam da tendência, para a secretaria revisar.",
        "fr": "Le score GEALC de chaque pays face à une évaluation indépendante, issue de l'enquête la plus proche de l'année des données : l'Enquête sur l'administration en ligne de l'ONU ou l'Indice de maturité GovTech (GTMI) de la Banque mondiale. Leur degré d'accord et les pays qui s'écartent de la tendance, à examiner par le secrétariat.",
    },
    "bench_source": {
        "es": "Referencia",
        "en": "Benchmark",
        "pt": "Referência",
        "fr": "Référence",
    },
    "bench_source_un": {
        "es": "Encuesta de la ONU",
        "en": "UN E-Government Survey",
        "pt": "Pesquisa da ONU",
        "fr": "Enquête de l'ONU",
    },
    "bench_source_gtmi": {
        "es": "GTMI del Banco Mundial",
        "en": "World Bank GTMI",
        "pt": "GTMI do Banco Mundial",
        "fr": "GTMI de la Banque mondiale",
    },
    "bench_gtmi_choice": {
        "es": "Medida del GTMI",
        "en": "GTMI measure",
        "pt": "Medida do GTMI",
        "fr": "Mesure du GTMI",
    },
    "bench_matched": {
        "es": "Preguntas del GTMI ({ids})",
        "en": "GTMI questions ({ids})",
        "pt": "Perguntas do GTMI ({ids})",
        "fr": "Questions du GTMI ({ids})",
    },
    "bench_matched_axis": {
        "es": "Preguntas del GTMI (0–1)",
        "en": "GTMI questions (0–1)",
        "pt": "Perguntas do GTMI (0–1)",
        "fr": "Questions du GTMI (0–1)",
    },
    "bench_not_counterpart": {
        "es": "No es un equivalente: {name}",
        "en": "Not a counterpart: {name}",
        "pt": "Não é um equivalente: {name}",
        "fr": "Pas un équivalent : {name}",
    },
    "bench_no_counterpart": {
        "es": "Sin equivalente en el GTMI para {measure}. {rationale} Los índices del GTMI que se pueden elegir aquí son solo una referencia general: no se señalan divergencias.",
        "en": "No GTMI counterpart for {measure}. {rationale} The GTMI indices offered here are only a general reference: no divergence is flagged.",
        "pt": "Sem equivalente no GTMI para {measure}. {rationale} Os índices do GTMI que se podem escolher aqui são apenas uma referência geral: nenhuma divergência é assinalada.",
        "fr": "Pas d'équivalent dans le GTMI pour {measure}. {rationale} Les indices du GTMI proposés ici ne sont qu'une référence générale : aucune divergence n'est signalée.",
    },
    "bench_relation_only": {
        "es": "Correlación de rangos de Spearman entre {measure} y {index}: ρ = {rho} ({n} países). No se señalan divergencias: el GTMI no mide esta dimensión.",
        "en": "Spearman rank correlation between {measure} and {index}: ρ = {rho} ({n} countries). No divergence is flagged: the GTMI does not measure this dimension.",
        "pt": "Correlação de postos de Spearman entre {measure} e {index}: ρ = {rho} ({n} países). Nenhuma divergência é assinalada: o GTMI não mede esta dimensão.",
        "fr": "Corrélation de rangs de Spearman entre {measure} et {index} : ρ = {rho} ({n} pays). Aucune divergence n'est signalée : le GTMI ne mesure pas cette dimension.",
    },
    "bench_gtmi_table": {
        "es": "Tabla: puntaje GEALC y GTMI del Banco Mundial por país, {year}",
        "en": "Table: GEALC score and World Bank GTMI by country, {year}",
        "pt": "Tabela: pontuação GEALC e GTMI do Banco Mundial por país, {year}",
        "fr": "Tableau : score GEALC et GTMI de la Banque mondiale par pays, {year}",
    },
    "bench_gtmi_survey": {
        "es": "Encuesta GTMI",
        "en": "GTMI survey",
        "pt": "Pesquisa GTMI",
        "fr": "Enquête GTMI",
    },
    "bench_gtmi_group": {
        "es": "Grupo GTMI",
        "en": "GTMI group",
        "pt": "Grupo GTMI",
        "fr": "Groupe GTMI",
    },
    "bench_groups_note": {
        "es": "El Banco Mundial clasifica a los países en grupos, no en posiciones: {groups}.",
        "en": "The World Bank places countries in groups, not ranks: {groups}.",
        "pt": "O Banco Mundial classifica os países em grupos, não em posições: {groups}.",
        "fr": "La Banque mondiale classe les pays en groupes, non en rangs : {groups}.",
    },
    "bench_gtmi_sources": {
        "es": "Fuentes: {citation} (la encuesta más cercana al año de los datos; las preguntas, de la encuesta 2022); puntajes GEALC de los envíos de los países miembros{demo}. Una divergencia es una señal para revisar, no un veredicto.",
        "en": "Sources: {citation} (the survey nearest to the data year; the questions, from the 2022 survey); GEALC scores from member countries' submissions{demo}. A divergence is a signal to review, not a verdict.",
        "pt": "Fontes: {citation} (a pesquisa mais próxima do ano dos dados; as perguntas, da pesquisa de 2022); pontuações GEALC dos envios dos países membros{demo}. Uma divergência é um sinal para revisar, não um veredito.",
        "fr": "Sources : {citation} (l'enquête la plus proche de l'année des données ; les questions, de l'enquête 2022) ; scores GEALC issus des envois des pays membres{demo}. Une divergence est un signal à examiner, pas un verdict.",
    },
    "bench_gtmi_demo": {
        "es": "Datos de demostración: los valores de los indicadores GEALC son ficticios, generados a partir de los índices de la ONU de cada país, así que su concordancia con el GTMI refleja la de la ONU con el GTMI, no es evidencia. Las cifras del GTMI del Banco Mundial son reales.",
        "en": "Demonstration data: the GEALC indicator values are fictitious, generated from each country's UN indices, so their agreement with the GTMI reflects the UN's agreement with the GTMI, not evidence. The World Bank GTMI figures are real.",
        "pt": "Dados de demonstração: os valores dos indicadores GEALC são fictícios, gerados a partir dos índices da ONU de cada país, de modo que sua concordância com o GTMI reflete a da ONU com o GTMI, não é evidência. Os números do GTMI do Banco Mundial são reais.",
        "fr": "Données de démonstration : les valeurs des indicateurs GEALC sont fictives, générées à partir des indices de l'ONU de chaque pays ; leur accord avec le GTMI reflète donc celui de l'ONU avec le GTMI, ce n'est pas une preuve. Les chiffres du GTMI de la Banque mondiale sont réels.",
    },
    "bench_gtmi_title": {
        "es": "GTMI del Banco Mundial",
        "en": "World Bank GTMI",
        "pt": "GTMI do Banco Mundial",
        "fr": "GTMI de la Banque mondiale",
    },
    "bench_gtmi_lead": {
        "es": "El puntaje compuesto GEALC de cada país frente al Índice de Madurez GovTech (GTMI) del Banco Mundial de la encuesta más cercana al año de los datos: cuánto coinciden, y qué países se apartan de la tendencia para que la secretaría lo revise.",
        "en": "Each country's GEALC composite score against the World Bank GovTech Maturity Index (GTMI) of the survey nearest to the data year: how far they agree, and which countries lie away from the trend for the secretariat to look at.",
        "pt": "A pontuação composta GEALC de cada país diante do Índice de Maturidade GovTech (GTMI) do Banco Mundial da pesquisa mais próxima do ano dos dados: quanto coincidem e quais países se afastam da tendência, para a secretaria revisar.",
        "fr": "Le score composite GEALC de chaque pays face à l'Indice de maturité GovTech (GTMI) de la Banque mondiale de l'enquête la plus proche de l'année des données : leur degré d'accord et les pays qui s'écartent de la tendance, à examiner par le secrétariat.",
    },
    "gtmi_title": {
        "es": "Índice de Madurez GovTech (GTMI) del Banco Mundial",
        "en": "World Bank GovTech Maturity Index (GTMI)",
        "pt": "Índice de Maturidade GovTech (GTMI) do Banco Mundial",
        "fr": "Indice de maturité GovTech (GTMI) de la Banque mondiale",
    },
    "gtmi_none": {
        "es": "Esta versión no trae cifras del GTMI del Banco Mundial.",
        "en": "This release holds no World Bank GTMI figures.",
        "pt": "Esta versão não traz números do GTMI do Banco Mundial.",
        "fr": "Cette version ne contient aucun chiffre du GTMI de la Banque mondiale.",
    },
    "gtmi_absent": {
        "es": "no participó",
        "en": "did not take part",
        "pt": "não participou",
        "fr": "n'a pas participé",
    },
    "gtmi_never": {
        "es": "{country} no figura en ninguna encuesta del GTMI del Banco Mundial.",
        "en": "{country} is in no World Bank GTMI survey.",
        "pt": "{country} não figura em nenhuma pesquisa do GTMI do Banco Mundial.",
        "fr": "{country} ne figure dans aucune enquête du GTMI de la Banque mondiale.",
    },
    "gtmi_group_sentence": {
        "es": "En la encuesta {survey} del Banco Mundial, {country} quedó en el {label}.",
        "en": "In the World Bank's {survey} survey, {country} was in {label}.",
        "pt": "Na pesquisa {survey} do Banco Mundial, {country} ficou no {label}.",
        "fr": "Dans l'enquête {survey} de la Banque mondiale, {country} figurait dans le {label}.",
    },
    "gtmi_missed": {
        "es": "{country} no participó en la encuesta {survey}.",
        "en": "{country} did not take part in the {survey} survey.",
        "pt": "{country} não participou da pesquisa {survey}.",
        "fr": "{country} n'a pas participé à l'enquête {survey}.",
    },
    "gtmi_groups_note": {
        "es": "El Banco Mundial clasifica a los países en cuatro grupos de madurez (A a D) y no los ordena en un ranking. El índice y sus cuatro subíndices van de 0 a 1.",
        "en": "The World Bank places countries in four maturity groups (A to D) and does not rank them. The index and its four sub-indices run from 0 to 1.",
        "pt": "O Banco Mundial classifica os países em quatro grupos de maturidade (A a D) e não os ordena em um ranking. O índice e seus quatro subíndices vão de 0 a 1.",
        "fr": "La Banque mondiale classe les pays en quatre groupes de maturité (A à D) et ne les ordonne pas dans un classement. L'indice et ses quatre sous-indices vont de 0 à 1.",
    },
    "gtmi_surveys_caption": {
        "es": "GTMI y sus subíndices, por encuesta",
        "en": "GTMI and its sub-indices, by survey",
        "pt": "GTMI e seus subíndices, por pesquisa",
        "fr": "Le GTMI et ses sous-indices, par enquête",
    },
    "gtmi_dimensions_title": {
        "es": "Cada dimensión GEALC frente a las preguntas del Banco Mundial (encuesta {survey})",
        "en": "Each GEALC dimension beside the World Bank's questions ({survey} survey)",
        "pt": "Cada dimensão GEALC diante das perguntas do Banco Mundial (pesquisa {survey})",
        "fr": "Chaque dimension GEALC face aux questions de la Banque mondiale (enquête {survey})",
    },
    "gtmi_dimensions_lead": {
        "es": "El puntaje GEALC resume lo que el país reporta a la Red; el Banco Mundial evalúa, pregunta por pregunta, si existen las normas y plataformas, en niveles de madurez (0: no existe). Tratan del mismo tema, no miden lo mismo: la nota bajo cada dimensión dice en qué difieren.",
        "en": "The GEALC score sums up what the country reports to the Network; the World Bank assesses, question by question, whether the rules and platforms exist, in maturity levels (0: none). They share a subject but do not measure the same thing: the note under each dimension says how they differ.",
        "pt": "A pontuação GEALC resume o que o país informa à Rede; o Banco Mundial avalia, pergunta por pergunta, se existem as normas e plataformas, em níveis de maturidade (0: não existe). Tratam do mesmo tema, mas não medem o mesmo: a nota sob cada dimensão diz em que diferem.",
        "fr": "Le score GEALC résume ce que le pays déclare au Réseau ; la Banque mondiale évalue, question par question, si les règles et plateformes existent, en niveaux de maturité (0 : inexistant). Ils portent sur le même sujet sans mesurer la même chose : la note sous chaque dimension dit en quoi ils diffèrent.",
    },
    "gtmi_gealc_score": {
        "es": "Puntaje GEALC {year}",
        "en": "GEALC score {year}",
        "pt": "Pontuação GEALC {year}",
        "fr": "Score GEALC {year}",
    },
    "gtmi_gealc_score_none": {
        "es": "Puntaje GEALC",
        "en": "GEALC score",
        "pt": "Pontuação GEALC",
        "fr": "Score GEALC",
    },
    "gtmi_no_question": {
        "es": "Ninguna pregunta del GTMI mide esta dimensión.",
        "en": "No GTMI question measures this dimension.",
        "pt": "Nenhuma pergunta do GTMI mede esta dimensão.",
        "fr": "Aucune question du GTMI ne mesure cette dimension.",
    },
    "gtmi_sources": {
        "es": "Fuente: {citation}, CC BY 4.0 (cifras tal como las publica el Banco Mundial, sin recalcular):",
        "en": "Source: {citation}, CC BY 4.0 (figures as the World Bank publishes them, not recomputed):",
        "pt": "Fonte: {citation}, CC BY 4.0 (números tal como o Banco Mundial os publica, sem recálculo):",
        "fr": "Source : {citation}, CC BY 4.0 (chiffres tels que la Banque mondiale les publie, sans recalcul) :",
    },
    "gtmi_real": {
        "es": "Son cifras reales, no datos de demostración; el puntaje GEALC a su lado sí es de demostración.",
        "en": "These are real figures, not demonstration data; the GEALC score beside them is demonstration data.",
        "pt": "São números reais, não dados de demonstração; a pontuação GEALC ao lado é de demonstração.",
        "fr": "Ce sont des chiffres réels, non des données de démonstration ; le score GEALC à côté, lui, est de démonstration.",
    },
    "gtmi_survey": {
        "es": "Encuesta GTMI",
        "en": "GTMI survey",
        "pt": "Pesquisa GTMI",
        "fr": "Enquête GTMI",
    },
    "gtmi_group_short": {
        "es": "Grupo GTMI",
        "en": "GTMI group",
        "pt": "Grupo GTMI",
        "fr": "Groupe GTMI",
    },
    "sep_and": {
        "es": " y ",
        "en": " and ",
        "pt": " e ",
        "fr": " et ",
    },
    "sep_and_serial": {
        "es": " y ",
        "en": ", and ",
        "pt": " e ",
        "fr": " et ",
    },
    "hl_gtmi": {
        "es": "En el Índice de Madurez GovTech (GTMI) {survey} del Banco Mundial, el grupo A (líderes en GovTech) reúne a {a} de los {assessed} miembros evaluados.",
        "en": "In the World Bank's GovTech Maturity Index (GTMI) {survey}, group A (GovTech leaders) includes {a} of the {assessed} members assessed.",
        "pt": "No Índice de Maturidade GovTech (GTMI) {survey} do Banco Mundial, o grupo A (líderes em GovTech) reúne {a} dos {assessed} membros avaliados.",
        "fr": "Dans l'Indice de maturité GovTech (GTMI) {survey} de la Banque mondiale, le groupe A (leaders de la GovTech) compte {a} des {assessed} membres évalués.",
    },
    "hl_gtmi_up_one": {
        "es": "Desde {since}, {names} subió de grupo",
        "en": "Since {since}, {names} moved up a group",
        "pt": "Desde {since}, {names} subiu de grupo",
        "fr": "Depuis {since}, {names} a rejoint un groupe supérieur",
    },
    "hl_gtmi_up_many": {
        "es": "Desde {since}, {names} subieron de grupo",
        "en": "Since {since}, {names} moved up a group",
        "pt": "Desde {since}, {names} subiram de grupo",
        "fr": "Depuis {since}, {names} ont rejoint un groupe supérieur",
    },
    "hl_gtmi_up_none": {
        "es": "Desde {since}, ningún miembro subió de grupo",
        "en": "Since {since}, no member moved up a group",
        "pt": "Desde {since}, nenhum membro subiu de grupo",
        "fr": "Depuis {since}, aucun membre n'a rejoint un groupe supérieur",
    },
    "hl_gtmi_down_one": {
        "es": "; {names} bajó",
        "en": "; {names} moved down",
        "pt": "; {names} desceu",
        "fr": " ; {names} a rejoint un groupe inférieur",
    },
    "hl_gtmi_down_many": {
        "es": "; {names} bajaron",
        "en": "; {names} moved down",
        "pt": "; {names} desceram",
        "fr": " ; {names} ont rejoint un groupe inférieur",
    },
    "hl_gtmi_none": {
        "es": "No hay cifras del GTMI del Banco Mundial para estos países.",
        "en": "There are no World Bank GTMI figures for these countries.",
        "pt": "Não há números do GTMI do Banco Mundial para estes países.",
        "fr": "Il n'y a pas de chiffres du GTMI de la Banque mondiale pour ces pays.",
    },
    "hl_title_gtmi": {
        "es": "Los miembros en el GTMI del Banco Mundial",
        "en": "Members in the World Bank GTMI",
        "pt": "Os membros no GTMI do Banco Mundial",
        "fr": "Les membres dans le GTMI de la Banque mondiale",
    },
    "gtmi_up": {
        "es": "subió",
        "en": "moved up",
        "pt": "subiu",
        "fr": "groupe supérieur",
    },
    "gtmi_down": {
        "es": "bajó",
        "en": "moved down",
        "pt": "desceu",
        "fr": "groupe inférieur",
    },
    "gtmi_same": {
        "es": "mismo grupo",
        "en": "same group",
        "pt": "mesmo grupo",
        "fr": "même groupe",
    },
    "gtmi_group_in": {
        "es": "Grupo en {survey}",
        "en": "Group in {survey}",
        "pt": "Grupo em {survey}",
        "fr": "Groupe en {survey}",
    },
    "gtmi_group_x": {
        "es": "Grupo {group}",
        "en": "Group {group}",
        "pt": "Grupo {group}",
        "fr": "Groupe {group}",
    },
    "change_group": {
        "es": "Cambio de grupo",
        "en": "Group change",
        "pt": "Mudança de grupo",
        "fr": "Changement de groupe",
    },
}


def language(value: str | None) -> str:
    """A supported language code, or the default (Spanish)."""
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, **values: object) -> str:
    """The interface text `key` in `lang`, with `{placeholders}` filled in."""
    text = UI[key][language(lang)]
    return text.format(**values) if values else text


def is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def fmt_number(value: float | None, lang: str, decimals: int = 2) -> str:
    """`0.78580` → `0,79` in es/pt/fr and `0.79` in en; thousands grouped; missing → "sin datos"."""
    if is_missing(value):
        return t("no_data", lang)
    text = f"{value:,.{decimals}f}"
    if language(lang) == "en":
        return text
    thousands = "\u202f" if lang == "fr" else "."
    return text.replace(",", "\0").replace(".", ",").replace("\0", thousands)


PERCENT_SIGN = {"es": "\u00a0%", "en": "%", "pt": "%", "fr": "\u202f%"}


def fmt_percent(share: float | None, lang: str, decimals: int = 0) -> str:
    """A share 0–1 as a percentage in the language's way: `73 %` (es), `73%` (en, pt),
    `73 %` with a narrow space (fr); missing → "sin datos"."""
    if is_missing(share):
        return t("no_data", lang)
    return fmt_number(100 * float(share), lang, decimals) + PERCENT_SIGN[language(lang)]


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
    return out.astype(object).where(out.notna(), "").astype(str)
