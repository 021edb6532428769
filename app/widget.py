"""The chart widget every page draws its charts with, the grapher way: one block whose tabs are
the chart's views (a chart, a map, a table…), its sources and its downloads, with the tab in the
URL so a copied link opens the same tab. Tabs are links: with scripts the router swaps the block
without reloading the page (app/assets/gealc.js), without them the link loads the page; only the
shown tab is built."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import flask
import plotly.graph_objects as go
from dash import html
from dash.development.base_component import Component

from app import embed
from app.components import download_links, fallback_notices, graph
from app.context import shown_view, snapshot
from app.release import Snapshot
from app.urls import params, with_params
from locales.formats import fmt_date
from locales.messages import N_, t

TABLE, SOURCES, DOWNLOAD = "table", "sources", "download"
TAB_NAMES = {
    TABLE: N_("Tabla"),
    SOURCES: N_("Fuentes"),
    DOWNLOAD: N_("Descargar"),
}
IMAGE_FORMATS = ("png", "svg")


@dataclass(frozen=True)
class View:
    """One way of drawing the data: its URL value, its tab's label, the figure (built only when
    its tab is shown) and, if any, a sentence under the tab bar."""

    key: str
    label: str
    figure: Callable[[], go.Figure]
    lead: str | None = None
    controls: Sequence[Component] = ()
    graph_id: str | None = None  # the chart's id in the page, when not `<widget>-<view>`
    min_width: int | None = None  # px below which the chart scrolls sideways instead of shrinking


@dataclass(frozen=True)
class Widget:
    """A chart block: its id (and the URL parameter holding its tab), title, views, the table of
    what the views draw, the sources and the downloadable datasets."""

    id: str
    title: str
    views: Sequence[View]
    table: Callable[[], Component]
    sources: Sequence[Component | str] = ()
    downloads: Sequence[tuple[str, dict[str, object], str]] = ()
    param: str = "tab"
    lead: str | None = None

    def tabs(self) -> list[str]:
        """Every tab's URL value, in the order they are offered."""
        return [v.key for v in self.views] + [TABLE, SOURCES, DOWNLOAD]


def shown_tab(widget: Widget, search: str | None) -> tuple[str, str | None]:
    """The tab the URL asks for, or the first view's; with the asked value when it was not one of
    the widget's tabs (the page then says it fell back)."""
    asked = params(search).get(widget.param, "").strip().lower()
    if asked in widget.tabs():
        return asked, None
    return widget.tabs()[0], asked or None


def graph_id(widget: Widget, view: View) -> str:
    """The id of a view's chart in the page (`explorer-map`): stable for callbacks and tests."""
    return view.graph_id or f"{widget.id}-{view.key}"


def chart_widget(widget: Widget, lang: str) -> html.Section:
    """The widget as a section of the page this request builds: heading, optional sentence, the
    tab bar (links to the same view with another tab), and the shown tab's content."""
    db, (path, search) = snapshot(), shown_view()
    tab, rejected = shown_tab(widget, search)
    heading_id = f"{widget.id}-title"
    tabs = html.Nav(
        html.Ul(
            [
                html.Li(
                    html.A(
                        _tab_label(widget, key, lang),
                        href=f"{path}{with_params(search, **{widget.param: key})}",
                        className="widget-tab" + (" active" if key == tab else ""),
                        id=f"{widget.id}-tab-{key}",
                        **{"data-route": "keep-scroll"},
                        **({"aria-current": "true"} if key == tab else {}),
                    )
                )
                for key in widget.tabs()
            ],
            className="widget-tabs",
        ),
        **{"aria-label": t("Vistas de «{title}»", lang, title=widget.title)},
    )
    return html.Section(
        [
            html.H2(widget.title, id=heading_id, className="chart-title"),
            *([html.P(widget.lead, className="headline")] if widget.lead else []),
            *fallback_notices([("tab", rejected)] if rejected else [], lang),  # "Vista"
            tabs,
            html.Div(
                _content(widget, tab, db, f"{path}{search}", lang),
                className=f"widget-panel widget-panel-{tab}",
                id=f"{widget.id}-panel",
            ),
        ],
        className="chart-block chart-widget",
        id=f"{widget.id}-widget",
        **{"aria-labelledby": heading_id},
    )


def _tab_label(widget: Widget, key: str, lang: str) -> str:
    views = {v.key: v.label for v in widget.views}
    return views[key] if key in views else t(TAB_NAMES[key], lang)


def _content(widget: Widget, tab: str, db: Snapshot, link: str, lang: str) -> list[Component]:
    """The shown tab's content (`link`: the view shown, which the citation and the embed name)."""
    if tab == SOURCES:
        return _sources(widget, citation(db, widget.title, link, lang))
    if tab == DOWNLOAD:
        return _download_panel(widget, link, lang)
    return _panel(widget, tab, lang)


def _panel(widget: Widget, tab: str, lang: str) -> list[Component]:
    views = {v.key: v for v in widget.views}
    if tab in views:
        view = views[tab]
        return [
            *([html.P(view.lead, className="view-lead")] if view.lead else []),
            *(
                [html.Div(view.controls, className="filters view-controls")]
                if view.controls
                else []
            ),
            _fitted(view, graph(graph_id(widget, view), view.figure(), lang)),
        ]
    return [widget.table()]


def _fitted(view: View, drawn: Component) -> Component:
    """The chart as is, or, for one too dense to shrink (a country × indicator grid), kept at its
    least width in a box that scrolls sideways and can be reached and scrolled from the keyboard."""
    if view.min_width is None:
        return drawn
    return html.Div(
        html.Div(drawn, style={"minWidth": f"{view.min_width}px"}),
        className="chart-scroll",
        tabIndex="0",
        role="region",
        **{"aria-label": view.label},
    )


def _sources(widget: Widget, cite: str) -> list[Component]:
    return [
        *(html.P(s, className="sources") if isinstance(s, str) else s for s in widget.sources),
        html.P(cite, className="sources citation"),
    ]


def _download_panel(widget: Widget, link: str, lang: str) -> list[Component]:
    """The first view's chart as a preview with its image files, the data files, and the code
    that frames this widget on another site (`link`: the view shown)."""
    view = widget.views[0]
    chart_id = graph_id(widget, view)
    return [
        html.P(
            [
                t("Imagen del gráfico «{view}»: ", lang, view=view.label)
                if len(widget.views) > 1
                else t("Imagen del gráfico: ", lang),
                *[
                    part
                    for n, fmt in enumerate(IMAGE_FORMATS)
                    for part in ([" · "] if n else [])
                    + [
                        html.Button(
                            fmt.upper(),
                            type="button",
                            className="btn btn-link image-download",
                            **{
                                "data-graph": chart_id,
                                "data-format": fmt,
                                "data-filename": f"gealc-{widget.id}",
                            },
                        )
                    ]
                ],
            ],
            className="downloads",
        ),
        download_links(lang, widget.downloads),
        graph(chart_id, view.figure(), lang),
        html.Label(
            t("Insertar en otro sitio (código para pegar):", lang), htmlFor=f"{widget.id}-embed"
        ),
        html.Textarea(
            embed.snippet(_embed_address(widget, link), widget.title),
            id=f"{widget.id}-embed",
            readOnly=True,
            rows=4,
            className="form-control embed-code",
        ),
        html.P(
            t(
                "La segunda línea es opcional: hace que el marco tome la altura de su contenido.",
                lang,
            ),
            className="form-text",
        ),
    ]


def _embed_address(widget: Widget, link: str) -> str:
    """Where this widget is framed from: the embed of the view shown, naming the widget."""
    path, _, query = link.partition("?")
    page = embed.page_path(path) or path
    search = with_params(f"?{query}" if query else "", widget=widget.id)
    host = flask.request.host_url.rstrip("/") if flask.has_request_context() else ""
    return f"{host}{embed.PREFIX}{page if page != '/' else ''}{search}"


def citation(db: Snapshot, title: str, link: str, lang: str) -> str:
    """How to cite what the widget shows: the network, the site, the release, the chart and the
    address of the view (the same for everyone who opens it: a release never changes)."""
    host = flask.request.host_url.rstrip("/") if flask.has_request_context() else ""
    return t(
        "Cómo citar: Red GEALC, «GEALC en números», versión {release} ({date}), «{title}». {link}",
        lang,
        release=db.label or "—",
        date=fmt_date(str(db.info.get("created_at", "")), lang) if db.label else "—",
        title=title,
        link=host + link,
    )


def chart(  # noqa: PLR0913 — the parts of a one-chart widget, each named at the call
    graph_id: str,
    title: str,
    figure: go.Figure,
    lang: str,
    table_part: Component,
    *,
    downloads: Sequence[tuple[str, dict[str, object], str]],
    lead: str | None = None,
    sources: Sequence[Component | str] = (),
    min_width: int | None = None,
) -> html.Section:
    """A widget with one chart (`graph_id`), its table, sources and downloads; its tab is in the
    URL parameter named after the chart."""
    return chart_widget(
        Widget(
            id=graph_id,
            title=title,
            views=[
                View(
                    "chart",
                    t("Gráfico", lang),
                    lambda: figure,
                    graph_id=graph_id,
                    min_width=min_width,
                )
            ],
            table=lambda: table_part,
            sources=sources,
            downloads=downloads,
            lead=lead,
            param=graph_id,
        ),
        lang,
    )
