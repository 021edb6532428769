"""The filters every page shares — year, dimension, indicator, subregion, EGDI level, countries —
read from the URL, drawn as labelled dropdowns, and written back to the URL by one callback, so
a filter behaves the same on every page and the URL always holds the whole view."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import ALL, Dash, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from app.urls import choose, with_params
from indicators.comparison import EGDI_LEVELS
from locales.messages import N_, t

ALL_VALUE = "all"  # the option that means "no filter"; never written to the URL
VIEW_STORE = "page-view"


@dataclass
class Choice:
    """One URL parameter: what it may be, what it is when absent, how to read it."""

    key: str
    allowed: Iterable[Any]
    default: Any = None
    cast: Callable[[str], Any] = str


@dataclass
class View:
    """The filters' values for a page, and the URL values that were not understood."""

    values: dict[str, Any]
    problems: list[tuple[str, str]] = field(default_factory=list)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]


def read(query: dict[str, str], choices: Sequence[Choice]) -> View:
    """Each choice's value from the URL, or its default with the rejected text kept for a notice."""
    view = View({})
    for c in choices:
        view.values[c.key], rejected = choose(query, c.key, list(c.allowed), c.default, c.cast)
        if rejected:
            view.problems.append((c.key, rejected))
    return view


def downloadable(problems: list[tuple[str, str]], *required: Any) -> None:
    """Refuse a download (HTTP 400) whose URL asked for something unknown or lacks what it needs."""
    if problems or any(value is None for value in required):
        asked = ", ".join(f"{k}={v}" for k, v in problems) or "a required parameter is missing"
        raise LookupError(f"unknown or missing parameter value(s): {asked}")


def control_id(key: str) -> dict[str, str]:
    return {"type": "filter", "key": key}


def dom_id(key: str) -> str:
    """The element id Dash gives a control: its id dict as compact JSON with sorted keys."""
    return json.dumps(control_id(key), sort_keys=True, separators=(",", ":"))


# dcc.Dropdown's own words by the names Dash gives them ({num_selected} is Dash's).
DROPDOWN_TEXTS = {
    "select_all": N_("Seleccionar todo"),
    "deselect_all": N_("Quitar todo"),
    "selected_count": N_("{num_selected} elegidos"),
    "search": N_("Buscar"),
    "clear_search": N_("Borrar búsqueda"),
    "clear_selection": N_("Borrar selección"),
    "no_options_found": N_("Sin resultados"),
}


def dropdown_labels(lang: str) -> dict[str, str]:
    """dcc.Dropdown's own words (search, 'N selected', …) in the page language."""
    return {key: t(msgid, lang) for key, msgid in DROPDOWN_TEXTS.items()}


def control(
    key: str,
    label: str,
    options: list[dict],
    value: Any,
    lang: str,
    *,
    multi: bool = False,
    wide: bool = False,
) -> html.Div:
    """A labelled dropdown writing `key` to the URL; `None` shows as the 'all' option."""
    shown = value if value is not None or multi else ALL_VALUE
    return html.Div(
        [
            dbc.Label(label, html_for=dom_id(key)),
            dcc.Dropdown(
                id=control_id(key),
                options=options,
                value=shown,
                multi=multi,
                clearable=False,
                searchable=multi,
                className=f"filter-{key}",
                labels=dropdown_labels(lang),
            ),
        ],
        className="filter filter-wide" if wide else "filter",
    )


def bar(controls: list[html.Div], view: dict[str, Any]) -> list:
    """The filter row and the record of the view it shows (to tell a person's change from the
    call Dash makes when the router inserts the controls)."""
    shown = {k: (ALL_VALUE if v is None else v) for k, v in view.items()}
    return [
        dcc.Store(id=VIEW_STORE, data=shown),
        html.Div(controls, className="filters filters-row"),
    ]


def options(pairs: Iterable[tuple[Any, str]], everything: str | None = None) -> list[dict]:
    """Dropdown options from (value, label) pairs, led by an 'all' option when `everything` names
    it."""
    head = [{"label": everything, "value": ALL_VALUE}] if everything else []
    return head + [{"label": label, "value": value} for value, label in pairs]


def year_control(
    years: Sequence[int],
    value: int | None,
    lang: str,
    key: str = "year",
    label: str = N_("Año de los datos"),
) -> html.Div:
    return control(key, t(label, lang), options((y, str(y)) for y in years), value, lang)


def dimension_control(dims: pd.DataFrame, value: str | None, lang: str) -> html.Div:
    return control(
        "dimension",
        t("Dimensión", lang),
        options(
            ((d, f"{d} {n}") for d, n in zip(dims["dimension_id"], dims["name"], strict=True)),
            t("Todas las dimensiones", lang),
        ),
        value,
        lang,
    )


def subregion_control(subs: pd.DataFrame, value: str | None, lang: str) -> html.Div:
    return control(
        "subregion",
        t("Subregión", lang),
        options(
            zip(subs["subregion"], subs["name"], strict=True), t("Todas las subregiones", lang)
        ),
        value,
        lang,
    )


LEVELS = [name for name, _ in EGDI_LEVELS]
# Each UN EGDI group's name, with its bounds.
LEVEL_NAMES = {
    "very_high": N_("Muy alto (≥ 0,75)"),
    "high": N_("Alto (0,50–0,75)"),
    "middle": N_("Medio (0,25–0,50)"),
    "low": N_("Bajo (< 0,25)"),
}


def level_control(value: str | None, lang: str) -> html.Div:
    return control(
        "level",
        t("Grupo EGDI de la ONU", lang),
        options(((lv, t(LEVEL_NAMES[lv], lang)) for lv in LEVELS), t("Todos los grupos", lang)),
        value,
        lang,
    )


def selected(
    members: pd.DataFrame, levels: pd.Series, subregion: str | None, level: str | None
) -> pd.DataFrame:
    """The members the subregion and EGDI-level filters keep. `members`: iso3, subregion, …;
    `levels`: each member's EGDI level (index iso3)."""
    keep = pd.Series(True, index=members.index)
    if subregion:
        keep &= members["subregion"] == subregion
    if level:
        keep &= members["iso3"].map(levels) == level
    return members[keep].reset_index(drop=True)


def _to_param(value: Any) -> str | None:
    if isinstance(value, list):
        return ",".join(map(str, value)) or None
    return None if value in (None, ALL_VALUE) else str(value)


def _filters_changed(values: object, ids: object, shown: object, search: object) -> str:
    """The URL with the controls' values (nothing for a malformed request)."""
    if not (
        isinstance(values, list)
        and isinstance(ids, list)
        and len(values) == len(ids)
        and all(isinstance(i, dict) and isinstance(i.get("key"), str) for i in ids)
        and isinstance(search, str)
    ):
        raise PreventUpdate
    shown = shown if isinstance(shown, dict) else {}
    asked = {i["key"]: v for i, v in zip(ids, values, strict=True)}
    if not asked or asked == {k: (shown or {}).get(k) for k in asked}:
        raise PreventUpdate  # the router inserted the controls; nothing was changed
    return with_params(search, **{k: _to_param(v) for k, v in asked.items()})


def register_callbacks(app: Dash) -> None:
    """Write a changed control's value to the URL, on `app`."""
    app.callback(
        Output("url", "search", allow_duplicate=True),
        Input(control_id(ALL), "value"),
        State(control_id(ALL), "id"),
        State(VIEW_STORE, "data"),
        State("url", "search"),
        prevent_initial_call=True,
    )(_filters_changed)
