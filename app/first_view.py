"""The first view as HTML (issue 22): the page a URL describes, written by the server from the same
layout functions the interactive page uses, so a reader sees its headings, sentences and tables
before the scripts have arrived — or without them. The Dash page takes its place once drawn
(app/assets/gealc.js); until then each chart keeps its room, so nothing jumps."""

from __future__ import annotations

import html as escape
from collections.abc import Callable, Iterable
from typing import Any

from dash.development.base_component import Component

# Elements without a closing tag.
VOID = {
    "area",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
# Dash's names for elements whose HTML name is a Python keyword or clashes with another component.
TAGS = {"ObjectEl": "object", "MapEl": "map"}
# Props that are Dash's bookkeeping, not HTML.
IGNORED = {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state"}
# Dash prop names that differ from their HTML attribute.
ATTRIBUTES = {"className": "class", "htmlFor": "for", "html_for": "for", "tabIndex": "tabindex"}
NOT_DRAWN = {"Store", "Location"}  # state, not content


Drawing = Callable[[Any], str]  # a chart's figure → what its room shows before the scripts


def _empty(figure: Any) -> str:
    return ""


def to_html(node: Any, chart: Drawing = _empty) -> str:
    """A Dash layout (components, strings, numbers, lists) as HTML text; each chart's room holds
    what `chart` gives for its figure (app.static_charts: its SVG)."""
    if node is None:
        return ""
    if isinstance(node, str | int | float):
        return escape.escape(str(node), quote=False)
    if isinstance(node, Iterable) and not isinstance(node, Component):
        return "".join(to_html(child, chart) for child in node)
    return _component(node, chart)


def _component(node: Component, chart: Drawing) -> str:
    kind, namespace = node._type, node._namespace
    props = node.to_plotly_json()["props"]
    if kind in NOT_DRAWN:
        return ""
    if kind == "Graph":
        return _chart_room(props, chart)
    if kind == "Dropdown":
        return _choice(props)
    if namespace == "dash_bootstrap_components":
        return _bootstrap(kind, props, chart)
    tag = TAGS.get(kind, kind.lower())
    return _element(tag, props, chart)


def _element(tag: str, props: dict[str, Any], chart: Drawing, extra_class: str = "") -> str:
    attributes = _attributes(props, extra_class)
    if tag in VOID:
        return f"<{tag}{attributes}>"
    return f"<{tag}{attributes}>{to_html(props.get('children'), chart)}</{tag}>"


def _attributes(props: dict[str, Any], extra_class: str = "") -> str:
    parts = []
    classes = " ".join(c for c in (extra_class, props.get("className") or "") if c)
    if classes:
        parts.append(f' class="{escape.escape(classes)}"')
    for name, value in props.items():
        if name in IGNORED or name == "className" or value is None or value is False:
            continue
        if name == "id" and not isinstance(value, str):
            continue  # a pattern-matching id lives only in the interactive page
        if name == "style" and isinstance(value, dict):
            value = ";".join(f"{_kebab(k)}:{v}" for k, v in value.items())
        attribute = ATTRIBUTES.get(name, name)
        if value is True:
            parts.append(f" {attribute}")
        else:
            parts.append(f' {attribute}="{escape.escape(str(value))}"')
    return "".join(parts)


def _kebab(name: str) -> str:
    return "".join(f"-{c.lower()}" if c.isupper() else c for c in name)


def _bootstrap(kind: str, props: dict[str, Any], chart: Drawing) -> str:
    """The few dash-bootstrap-components the pages use, as Bootstrap's own markup."""
    if kind == "Container":
        container = "container-fluid" if props.get("fluid") else "container"
        return _element("div", props, chart, container)
    if kind == "Label":
        return _element("label", props, chart, "form-label")
    return _element("div", props, chart)


def _chart_room(props: dict[str, Any], chart: Drawing) -> str:
    """A chart's room at its height, for the interactive chart to fill without moving the page,
    with what `chart` draws in it meanwhile."""
    figure = props.get("figure") or {}
    layout = figure.get("layout", {}) if isinstance(figure, dict) else figure.layout
    height = (layout.get("height") if isinstance(layout, dict) else layout.height) or 450
    drawn = chart(figure) if figure else ""
    return (
        f'<div class="chart-room" style="height:{int(height)}px" aria-hidden="true">{drawn}</div>'
    )


def _choice(props: dict[str, Any]) -> str:
    """A drop-down as the choice it shows (its options come with the interactive page)."""
    chosen = props.get("value")
    chosen = chosen if isinstance(chosen, list) else [chosen]
    labels = [o["label"] for o in props.get("options") or [] if o.get("value") in chosen]
    return f'<div class="choice-shown">{escape.escape(", ".join(map(str, labels)))}</div>'
