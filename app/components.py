"""Building blocks shared by the pages: header, notices, accessible tables."""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from app.context import shown_release
from app.display import DEMO_NOTICE
from app.downloads import FORMATS, href
from app.gtmi import reference
from app.urls import context, with_params
from locales import LANGUAGE_NAMES
from locales.formats import fmt_date, separators
from locales.messages import N_, t

# The header's pages: where visitors land, so also what a new worker builds first.
NAV_PAGES = (
    ("/", N_("Inicio")),
    ("/explorer", N_("Indicadores")),
    ("/compare", N_("Comparar países")),
    ("/country/URY", N_("Perfil de país")),
    ("/un", N_("Referencias externas")),
    ("/coverage", N_("Cobertura")),
    ("/data", N_("Datos y metodología")),
)


def header(lang: str, pathname: str, search: str) -> html.Header:
    """Title bar with the language switch; each language link keeps the rest of the view."""
    links = [
        html.A(
            LANGUAGE_NAMES[code],
            href=f"{pathname}{with_params(search, lang=code)}",
            lang=code,
            className="lang-link" + (" active" if code == lang else ""),
            **({"aria-current": "true"} if code == lang else {}),
        )
        for code in LANGUAGE_NAMES
    ]
    keep = context(search, lang)
    nav = [
        html.A(
            t(key, lang),
            href=f"{path}{keep}",
            className="nav-link-page" + (" active" if _current(pathname, path) else ""),
            **({"aria-current": "page"} if _current(pathname, path) else {}),
        )
        for path, key in NAV_PAGES
    ]
    return html.Header(
        className="site-header",
        children=dbc.Container(
            [
                html.Div(
                    [
                        html.A(t("GEALC en números", lang), href=f"/{keep}", className="brand"),
                        html.Span(
                            t("Red de Gobierno Electrónico de América Latina y el Caribe", lang),
                            className="network",
                        ),
                    ],
                    className="brand-block",
                ),
                html.A(
                    t("Portal de envíos", lang), href=f"/login?lang={lang}", className="portal-link"
                ),
                html.Nav(nav, className="page-nav", **{"aria-label": t("Páginas", lang)}),
                html.Nav(links, className="lang-switch", **{"aria-label": t("Idioma", lang)}),
            ],
            className="header-inner",
        ),
    )


def _current(pathname: str, path: str) -> bool:
    """Whether the header's link to `path` is the page shown: a country's profile is "Perfil de
    país", an indicator's page belongs to "Indicadores"."""
    return (
        pathname == path
        or (path.startswith("/country/") and pathname.startswith("/country/"))
        or (path == "/explorer" and pathname.startswith("/indicator"))
    )


def country_link(iso3: str, name: str, lang: str) -> html.A:
    """A link to the country's profile, in the same language."""
    return html.A(
        name, href=f"/country/{iso3}{with_params('', lang=lang, release=shown_release())}"
    )


def release_banner(info: dict, latest: str, pathname: str, search: str, lang: str) -> html.Div:
    """The notice on an older release's pages, with a link to the same view in the latest one."""
    date = fmt_date(str(info.get("created_at", "")), lang)
    return html.Div(
        [
            t(
                "Está viendo la versión {release}, publicada el {date}. Hay una versión más "
                "reciente: ",
                lang,
                release=info.get("label", ""),
                date=date,
            ),
            html.A(
                t("ver la versión {release}", lang, release=latest),
                href=f"{pathname}{with_params(search, release=None)}",
            ),
        ],
        className="alert alert-warning notice release-banner",
        role="status",
    )


def notice(text: str, color: str = "info") -> html.Div:
    """A Bootstrap alert announced to screen readers."""
    return html.Div(text, className=f"alert alert-{color} notice", role="status")


def no_scores_notice(lang: str) -> html.Div:
    """What a page says when the release holds no scores for any year."""
    return notice(t("Ningún país reportó indicadores GEALC para {year}.", lang, year="—"))


def no_members_notice(lang: str) -> html.Div:
    """What a page says when its subregion and EGDI-group filters leave no member."""
    return notice(
        t(
            "Ningún país miembro cumple estos filtros. Elija otra subregión u otro grupo EGDI.",
            lang,
        )
    )


def demo_notice(demo: bool, lang: str, text: str = DEMO_NOTICE) -> list[html.Div]:
    """The warning that numbers on the page rest on demonstration data, when they do."""
    return [notice(t(text, lang), "warning")] if demo else []


# Each URL parameter by the name its control has on the page, so a message about the link speaks
# the reader's words, not the URL's.
PARAMETER_NAMES = {
    "countries": N_("Países"),
    "year": N_("Año"),
    "dimension": N_("Dimensión"),
    "indicator": N_("Indicador"),
    "subregion": N_("Subregión"),
    "level": N_("Grupo EGDI de la ONU"),
    "source": N_("Referencia"),
    "measure": N_("Puntaje GEALC"),
    "index": N_("Índice de la ONU"),
    "gtmi": N_("Medida del GTMI"),
    "release": N_("Versión"),
    "tab": N_("Vista"),
}


def fallback_notices(problems: Sequence[tuple[str, str | None]], lang: str) -> list[html.Div]:
    """A warning for each URL parameter that was not understood and fell back to its default,
    naming the parameter as its control is labelled on the page."""
    return [
        notice(
            t(
                "El valor «{value}» del enlace no es válido para «{name}»; se muestra el valor "
                "por defecto.",
                lang,
                name=t(PARAMETER_NAMES[name], lang) if name in PARAMETER_NAMES else name,
                value=value,
            ),
            "warning",
        )
        for name, value in problems
        if value
    ]


def table(
    frame: pd.DataFrame,
    columns: Sequence[tuple[str, str]],
    caption: str,
    numeric: set[str] = frozenset(),
) -> html.Table:
    """An accessible table: a caption, header cells with scope, numbers right-aligned.
    `columns` pairs a frame column with its (translated) heading; cells are already formatted
    text."""
    head = html.Thead(
        html.Tr(
            [
                html.Th(label, scope="col", className="num" if key in numeric else None)
                for key, label in columns
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(row[key], className="num" if key in numeric else None)
                    for key, _ in columns
                ]
            )
            for row in frame.to_dict("records")
        ]
    )
    # The box scrolls sideways when the table is wider than the screen: keyboard users reach it
    # with Tab (then scroll with the arrows) and screen readers hear it as a region named by the
    # caption (WCAG 2.1.1; axe's scrollable-region-focusable).
    return html.Div(
        html.Table(
            [html.Caption(caption), head, body], className="table table-sm table-striped data-table"
        ),
        className="table-responsive",
        tabIndex="0",
        role="region",
        **{"aria-label": caption},
    )


def download_links(lang: str, items: Sequence[tuple[str, dict[str, object], str]]) -> html.Div:
    """CSV and XLSX links for each (dataset, parameters, label); on a page in a language that
    writes a decimal comma (es, pt, fr) a third link, the CSV its spreadsheets open in columns
    (`;` between fields, decimal comma: `?decimal=comma`)."""
    comma = separators(lang)[0] == ","

    def links(name: str, query: dict[str, object]) -> list:
        found = [
            html.A(
                fmt.upper(),
                href=href(name, fmt, **query),
                className="download-link",
                download="",
            )
            for fmt in FORMATS
        ]
        if comma:
            found.append(
                html.A(
                    t("CSV para Excel («;» y coma decimal)", lang),
                    href=href(name, "csv", **query, decimal="comma"),
                    className="download-link download-decimal-comma",
                    download="",
                )
            )
        return [part for n, link in enumerate(found) for part in ([" · "] if n else []) + [link]]

    return html.Div(
        [
            html.P(
                [t("Descargar {what}: ", lang, what=label), *links(name, query)],
                className="downloads",
            )
            for name, query, label in items
        ]
    )


MAP_FOLDER = "/assets/maps/"
PLOTLY_LOCALES = {
    "es": "es",
    "pt": "pt-br",
    "fr": "fr",
    "en": "en",
}  # served from app/assets/vendor


def graph(graph_id: str, figure: go.Figure, lang: str) -> dcc.Graph:
    """A chart with Plotly's own labels in the page language and a PNG export named after it."""
    return dcc.Graph(
        id=graph_id,
        figure=figure,
        config={
            "displaylogo": False,
            "showSendToCloud": False,  # "Share chart…" would upload the chart to Plotly's cloud
            "showEditInChartStudio": False,
            # Only what a reader uses: zoom, pan, reset and the PNG; no selection tools.
            "modeBarButtonsToRemove": [
                "select2d",
                "lasso2d",
                "autoScale2d",
                "toggleSpikelines",
                "hoverClosestCartesian",
                "hoverCompareCartesian",
            ],
            "responsive": True,
            "locale": PLOTLY_LOCALES[lang],
            "toImageButtonOptions": {"format": "png", "filename": f"gealc-{graph_id}", "scale": 2},
            "topojsonURL": MAP_FOLDER,  # Plotly's geo base map from the app, never its CDN
        },
    )


def gtmi_source(lang: str, *after: str) -> html.P:
    """The World Bank's GTMI as every chart showing its figures cites it: the dataset, its licence,
    that the figures are the Bank's own, and its address; then any sentence in `after`."""
    source = reference().source
    return html.P(
        [
            t(
                "Fuente: {citation}, CC BY 4.0 (cifras tal como las publica el Banco "
                "Mundial, sin recalcular):",
                lang,
                citation=source.citation.get(lang),
            ),
            " ",
            html.A(source.url.removeprefix("https://"), href=source.url),
            *(part for sentence in after for part in (" ", sentence)),
        ],
        className="sources",
    )
