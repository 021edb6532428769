"""Figure builders: pure functions from a query's DataFrame to a Plotly figure, so they are
tested without a server or a browser."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from app.labels import Frame, place_labels
from indicators.countries import short_names
from locales.formats import fmt_number, separators
from locales.messages import N_, t

# Colour-blind-safe sequential scale (cividis), readable in greyscale too.
COVERAGE_SCALE = "Cividis"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def _colon(lang: str) -> str:
    """The colon between a label and its value, spaced the language's way (` : ` in French)."""
    return t(": ", lang)


def base_layout(fig: go.Figure, height: int, lang: str) -> go.Figure:
    """Common look of every chart: system fonts (nothing fetched), tight margins, the
    language's number separators, thousands grouped on every axis and colour key (12 500, not
    12500). Titles are the page's headings, not drawn in the chart. Call it once the traces
    are in, so their colour keys are reached."""
    if not fig.data or any("xaxis" in trace for trace in fig.data):  # no axes on maps, radars
        fig.update_xaxes(separatethousands=True)
        fig.update_yaxes(separatethousands=True)
    fig.for_each_trace(_group_colorbar_thousands)
    fig.update_layout(
        separators=separators(lang),
        font={"family": FONT, "size": 13, "color": "#212529"},
        height=height,
        margin={"l": 10, "r": 10, "t": 36, "b": 40},  # t: room for the toolbar above the data
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    return fig


def _group_colorbar_thousands(trace: go.BaseTraceType) -> None:
    """Thousands grouped on a trace's colour key, where it shows one (its own or its marker's);
    a colour key set where none was shown would make Plotly show it."""
    for owner in (trace, getattr(trace, "marker", None)):
        if owner is not None and "colorbar" in owner and owner.showscale:
            owner.colorbar.separatethousands = True


def short_labels(frame: pd.DataFrame, lang: str) -> list[str]:
    """Each row's country as a chart label: its short name in `lang` (from the members' list),
    or the frame's `name` for a row that is not a member or has no `iso3`."""
    shorts = short_names(lang)
    codes = frame["iso3"] if "iso3" in frame else [None] * len(frame)
    return [shorts.get(c, n) for c, n in zip(codes, frame["name"], strict=True)]


# Okabe–Ito: distinguishable with every common colour-vision deficiency.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]


def wrap(label: str, width: int = 22) -> str:
    """Break a long axis label over lines (Plotly does not wrap), so it fits a phone screen."""
    lines, current = [], ""
    for word in label.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return "<br>".join([*lines, current])


VALUE_COLUMN = 103  # where profile_bars writes the values: past 100, the furthest a marker sits


def clipped(label: str, width: int, lines: int = 2) -> str:
    """`label` wrapped to `width` and cut to `lines` lines with an ellipsis, for an axis that
    must stay narrow on a phone (the hover keeps the whole label)."""
    parts = wrap(label, width).split("<br>")
    return "<br>".join(
        [*parts[: lines - 1], parts[lines - 1] + "…"] if len(parts) > lines else parts
    )


def profile_bars(frame: pd.DataFrame, lang: str) -> go.Figure:
    """A country's score per dimension (bars) against the regional and subregional medians
    (markers). `frame`: name, score, region_median, subregion_median; a missing score gets no
    bar and says so, never a zero. The values stand in a column right of 100, where neither a
    bar nor a median marker can cover them."""
    names = [wrap(n) for n in frame["name"]]
    shown = [fmt_number(v, lang, 1) for v in frame["score"]]
    fig = go.Figure()
    fig.add_bar(
        x=frame["score"],
        y=names,
        orientation="h",
        name=t("El país", lang),
        marker_color=PALETTE[0],
        text=shown,
        textposition="none",
        hovertemplate=f"%{{y}}{_colon(lang)}%{{text}}<extra></extra>",
    )
    for column, label, symbol, colour in (
        ("region_median", N_("Mediana regional"), "diamond", PALETTE[1]),
        ("subregion_median", N_("Mediana de la subregión"), "circle", PALETTE[2]),
    ):
        fig.add_scatter(
            x=frame[column],
            y=names,
            mode="markers",
            name=t(label, lang),
            marker={
                "symbol": symbol,
                "size": 11,
                "color": colour,
                "line": {"width": 1, "color": "#212529"},
            },
            hovertemplate=f"{t(label, lang)}{_colon(lang)}%{{x:.1f}}<extra></extra>",
        )
    for name, score in zip(names, frame["score"], strict=True):
        if pd.isna(score):
            fig.add_annotation(
                x=0,
                y=name,
                text=t("sin datos", lang),
                showarrow=False,
                xanchor="left",
                font={"color": "#495057", "size": 12},
            )
    fig.add_scatter(
        x=[VALUE_COLUMN] * len(names),
        y=names,
        mode="text",
        text=[s if not pd.isna(v) else "" for s, v in zip(shown, frame["score"], strict=True)],
        textposition="middle right",
        textfont={"size": 13, "color": "#212529"},
        showlegend=False,
        hoverinfo="skip",
        cliponaxis=False,
    )
    fig.update_xaxes(
        range=[0, VALUE_COLUMN + 14],
        tickvals=[0, 20, 40, 60, 80, 100],
        title_text=t("Puntaje (0–100)", lang),
        gridcolor="#e9ecef",
    )
    fig.update_yaxes(automargin=True, autorange="reversed")
    base_layout(fig, 140 + 55 * max(len(frame), 1), lang)
    return fig.update_layout(
        legend={"orientation": "h", "y": -0.2}, margin={"b": 90}, barmode="overlay"
    )


def lines(
    frame: pd.DataFrame,
    x: str,
    series: list[tuple[str, str]],
    lang: str,
    y_title: str,
    *,
    y_range: tuple[float, float] | None,
    references: Sequence[tuple[str, str]] = (),
    decimals: int = 1,
) -> go.Figure:
    """One line per (column, label) over `x`, and each of `references` (medians to read them
    against) as a grey dashed line; gaps where a value is missing, never a drop to 0."""
    fig = go.Figure()
    countries = [
        ("lines+markers", {"color": PALETTE[n % len(PALETTE)], "width": 3 if n == 0 else 2})
        for n in range(len(series))
    ]
    medians = [
        (
            "lines",
            {
                "color": "#495057" if n == 0 else "#868e96",
                "width": 2,
                "dash": REFERENCE_DASH[n % len(REFERENCE_DASH)],
            },
        )
        for n in range(len(references))
    ]
    for (column, label), (mode, line) in zip(
        [*series, *references], countries + medians, strict=True
    ):
        fig.add_scatter(
            x=frame[x],
            y=frame[column],
            name=label,
            mode=mode,
            connectgaps=False,
            line=line,
            hovertemplate=f"{label} %{{x}}{_colon(lang)}%{{y:.{decimals}f}}<extra></extra>",
        )
    years = sorted(frame[x].unique())
    fig.update_yaxes(
        title_text=y_title,
        gridcolor="#e9ecef",
        **({"range": list(y_range)} if y_range else {"rangemode": "tozero"}),
    )
    # Room for the legend under the plot: one entry a row on a phone.
    base_layout(fig, 420 + 22 * (len(series) + len(references)), lang)
    fig.update_xaxes(  # years as written (2024, never 2.024), whatever the grouping
        tickmode="array", tickvals=years, ticktext=[str(y) for y in years], gridcolor="#e9ecef"
    )
    return fig.update_layout(legend={"orientation": "h", "y": -0.2}, margin={"b": 80})


REFERENCE_DASH = (
    "dash",
    "dot",
    "dashdot",
    "longdash",
)  # the region's median, then each subregion's


def grouped_bars(frame: pd.DataFrame, categories: list[tuple[str, str]], lang: str) -> go.Figure:
    """One group of horizontal bars per category (dimension or indicator), one colour per country:
    the categories' names read across, on a phone too. `frame`: one row per country with `name`
    and a score column per category id."""
    fig = go.Figure()
    labels = [wrap(label, 18) for _, label in categories]
    for n, row in enumerate(frame.to_dict("records")):
        values = [row.get(c) for c, _ in categories]
        fig.add_bar(
            y=labels,
            x=values,
            orientation="h",
            name=row["name"],
            marker_color=PALETTE[n % len(PALETTE)],
            hovertemplate=f"{row['name']}<br>%{{y}}{_colon(lang)}%{{x:.1f}}<extra></extra>",
        )
    fig.update_xaxes(range=[0, 100], title_text=t("Puntaje (0–100)", lang), gridcolor="#e9ecef")
    fig.update_yaxes(autorange="reversed", automargin=True)
    base_layout(fig, 160 + len(categories) * (14 * max(len(frame), 1) + 18), lang)
    return fig.update_layout(
        barmode="group",
        bargap=0.25,
        legend={"orientation": "h", "y": -0.12, "yanchor": "top"},
        margin={"b": 90},
    )


NO_DATA_MARK = "–"  # a missing cell's text: a phone's column is too narrow for 'no data'


def heatmap(frame: pd.DataFrame, columns: list[tuple[str, str]], lang: str) -> go.Figure:
    """Indicators (rows, code and wrapped name) × countries (columns, short names at an angle),
    coloured by score, so up to 8 countries fit a phone's width however many indicators there
    are. `frame`: one row per country with `name` (and `iso3`) and a score column per
    indicator id. A missing score is a cell marked 'no data', never a zero."""
    rows = frame.to_dict("records")
    z = [[row.get(c) for row in rows] for c, _ in columns]
    no_data, score, colon = t("sin datos", lang), t("Puntaje", lang), _colon(lang)  # "–": no data
    text = [
        [fmt_number(v, lang, 0) if v is not None and not pd.isna(v) else NO_DATA_MARK for v in line]
        for line in z
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=short_labels(frame, lang),
            y=[clipped(label, 20) for _, label in columns],
            zmin=0,
            zmax=100,
            colorscale=COVERAGE_SCALE,
            showscale=True,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 10},
            xgap=1,
            ygap=1,
            customdata=[
                [
                    f"{row['name']}<br>{label}{colon}{no_data if shown == NO_DATA_MARK else shown}"
                    for row, shown in zip(rows, line, strict=True)
                ]
                for (_, label), line in zip(columns, text, strict=True)
            ],
            hovertemplate="%{customdata}<extra></extra>",
            colorbar={
                "title": {"text": score, "side": "top"},
                "thickness": 10,
                "orientation": "h",
                "y": 0,
                "yanchor": "top",
                "ypad": 4,
                "tickangle": 0,
            },
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True, tickfont={"size": 11})
    fig.update_xaxes(side="top", tickangle=-45, automargin=True, dtick=1, tickfont={"size": 11})
    return base_layout(fig, 200 + 40 * max(len(columns), 1), lang).update_layout(
        margin={"t": 36, "b": 70}
    )


def radar(frame: pd.DataFrame, axes: list[tuple[str, str]], lang: str) -> go.Figure:
    """Each country's profile across the dimensions (0–100); a missing dimension leaves a gap.
    `axes`: (column, dimension name); the names are wrapped and the side margins wide enough
    that they are not cut off on a phone. The hover says country, dimension and score."""
    columns = [c for c, _ in axes]
    names = [label for _, label in axes]
    theta = [wrap(label, 14) for label in names]
    colon = _colon(lang)
    fig = go.Figure()
    for n, row in enumerate(frame.to_dict("records")):
        values = [row.get(c) for c in columns]
        fig.add_scatterpolar(
            r=values + values[:1],
            theta=theta + theta[:1],
            customdata=names + names[:1],
            name=row["name"],
            connectgaps=False,
            line={"color": PALETTE[n % len(PALETTE)], "width": 2},
            mode="lines+markers",
            hovertemplate=(
                f"<b>{row['name']}</b><br>%{{customdata}}{colon}%{{r:.1f}}<extra></extra>"
            ),
        )
    fig.update_layout(
        polar={
            "radialaxis": {"range": [0, 100], "gridcolor": "#dee2e6", "separatethousands": True},
            "angularaxis": {"gridcolor": "#dee2e6", "tickfont": {"size": 11}},
        },
        legend={"orientation": "h", "y": -0.15},
    )
    base_layout(fig, 480, lang)
    return fig.update_layout(margin={"l": 80, "r": 80, "t": 56, "b": 40})


def reporting_matrix(matrix: pd.DataFrame, row_names: list[str], lang: str) -> go.Figure:
    """Countries × indicators, a dark cell where the country reported the indicator; the cell's
    text says it too (✓ / —), so colour is never the only carrier."""
    text = [["✓" if v else "—" for v in row] for row in matrix.to_numpy()]
    fig = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(),
            x=list(matrix.columns),
            y=row_names,
            zmin=0,
            zmax=1,
            showscale=False,
            colorscale=[[0, "#f1f3f5"], [1, PALETTE[0]]],
            text=text,
            texttemplate="%{text}",
            xgap=2,
            ygap=2,
            hovertemplate=f"%{{y}} · %{{x}}{_colon(lang)}%{{text}}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(side="top")
    return base_layout(fig, 120 + 24 * max(len(row_names), 1), lang)


def hbars(
    labels: list[str],
    values: list[float | None],
    lang: str,
    x_title: str,
    *,
    text: list[str] | None = None,
    x_range: tuple[float, float] | None = (0, 100),
    decimals: int = 1,
) -> go.Figure:
    """Horizontal bars, first label on top, each bar's value written beside it with `decimals`
    (counts with none) — or, given a longer `text`, inside the bar's end; a missing value gets no
    bar and says 'no data'."""
    values = [None if v is None or pd.isna(v) else v for v in values]
    shown = text or [fmt_number(v, lang, decimals) for v in values]
    shown = [
        s if v is not None else t("sin datos", lang) for s, v in zip(shown, values, strict=False)
    ]
    fig = go.Figure(
        go.Bar(
            x=[v if v is not None else 0 for v in values],
            y=[wrap(label, 20) for label in labels],  # fits beside the bars on a phone
            orientation="h",
            marker_color=PALETTE[0],
            text=shown,
            cliponaxis=False,
            textposition="inside" if text else "outside",
            insidetextanchor="end",
            insidetextfont={"color": "#ffffff"},
            hovertemplate=f"%{{y}}{_colon(lang)}%{{text}}<extra></extra>",
        )
    )
    fig.update_xaxes(
        title_text=x_title,
        gridcolor="#e9ecef",
        zerolinecolor="#adb5bd",
        **({"range": list(x_range)} if x_range else {}),
    )
    fig.update_yaxes(automargin=True, autorange="reversed")
    base_layout(fig, 110 + 42 * max(len(labels), 1), lang)
    return fig.update_layout(margin={"r": 60})


def year_bars(
    frame: pd.DataFrame, x: str, series: list[tuple[str, str]], lang: str, highlight: object = None
) -> go.Figure:
    """Grouped vertical bars over years, one colour per series; the highlighted year's bars are
    outlined so the year in view stands out without relying on colour."""
    fig = go.Figure()
    for n, (column, label) in enumerate(series):
        outline = [3 if v == highlight else 0 for v in frame[x]]
        fig.add_bar(
            x=frame[x],
            y=frame[column],
            name=label,
            marker={
                "color": PALETTE[n % len(PALETTE)],
                "line": {"width": outline, "color": "#212529"},
            },
            hovertemplate=f"{label} %{{x}}{_colon(lang)}%{{y}}<extra></extra>",
        )
    fig.update_xaxes(tickmode="array", tickvals=frame[x].tolist(), type="category")
    fig.update_yaxes(gridcolor="#e9ecef", rangemode="tozero")
    base_layout(fig, 340, lang)
    return fig.update_layout(
        barmode="group", legend={"orientation": "h", "y": -0.2}, margin={"b": 70}
    )


def scatter(
    frame: pd.DataFrame, lang: str, x_title: str, y_title: str, fit: dict | None
) -> go.Figure:
    """Countries as points labelled with their short names (x: `benchmark`, the external
    measure; y: `score`), the Theil–Sen line of the score on the benchmark, and the flagged
    divergences drawn as larger diamonds — marked by shape and legend, not colour alone. A label
    goes where it covers no other label or point (see `scatter_labels`); the hover names every
    point in full."""
    points = frame.dropna(subset=["benchmark", "score"])
    x_range = _padded(points["benchmark"])
    points = points.assign(**scatter_labels(points, x_range, lang))
    fig = go.Figure()
    for flagged, symbol, colour, label in (
        (False, "circle", PALETTE[0], t("Países", lang)),
        (True, "diamond", PALETTE[5], t("Divergencia señalada", lang)),
    ):
        part = points[points["flagged"] == flagged]
        if part.empty:
            continue
        fig.add_scatter(
            x=part["benchmark"],
            y=part["score"],
            text=part["label"],
            customdata=part["name"],
            name=label,
            mode="markers+text",
            textposition=part["position"],
            textfont={"size": SCATTER_FONT},
            marker={
                "symbol": symbol,
                "size": 13 if flagged else 10,
                "color": colour,
                "line": {"width": 1, "color": "#212529"},
            },
            hovertemplate=(
                f"%{{customdata}}<br>{x_title}{_colon(lang)}%{{x:.3f}}<br>{y_title}{_colon(lang)}%{{y:.1f}}<extra></extra>"
            ),
        )
    if fit is not None and not points.empty:
        xs = [points["benchmark"].min(), points["benchmark"].max()]
        fig.add_scatter(
            x=xs,
            y=[fit["slope"] * x + fit["intercept"] for x in xs],
            mode="lines",
            name=t("Recta de Theil–Sen (robusta)", lang),
            line={"color": "#495057", "dash": "dash", "width": 2},
            hoverinfo="skip",
        )
    fig.update_xaxes(title_text=x_title, gridcolor="#e9ecef", range=list(x_range))
    fig.update_yaxes(title_text=y_title, gridcolor="#e9ecef", range=list(SCATTER_Y))
    base_layout(fig, 480, lang)
    return fig.update_layout(legend={"orientation": "h", "y": -0.2}, margin={"b": 90})


SCATTER_Y = (0.0, 105.0)
SCATTER_FONT = 11
# The plot area labels are placed for: a narrow laptop's (figure 760 px wide, 480 high, less the
# axes' margins). A wider screen only moves labels apart; a phone may show some touching.
SCATTER_AREA = (680.0, 340.0)


def _padded(values: pd.Series) -> tuple[float, float]:
    """The axis range of `values` with 5% room on each side (and some for a single value)."""
    lo, hi = (float(values.min()), float(values.max())) if len(values) else (0.0, 1.0)
    pad = (hi - lo) * 0.05 or 0.05
    return lo - pad, hi + pad


def scatter_labels(points: pd.DataFrame, x_range: tuple[float, float], lang: str) -> dict:
    """Columns `label` (the short name, or '' where it would collide) and `position` (its
    Plotly textposition) for the scatter's points; the flagged ones are placed first."""
    order = points.sort_values("flagged", ascending=False, kind="stable").index
    names = dict(zip(points.index, short_labels(points, lang), strict=True))
    area = Frame(x_range, SCATTER_Y, *SCATTER_AREA)
    placed = place_labels(
        [(points.at[i, "benchmark"], points.at[i, "score"]) for i in order],
        [names[i] for i in order],
        area,
        font=SCATTER_FONT,
        radius=7,
    )
    where = dict(zip(order, placed, strict=True))
    return {
        "label": [names[i] if where[i] else "" for i in points.index],
        "position": [where[i] or "top center" for i in points.index],
    }


MAP_SCALE = "Viridis"  # sequential, colour-blind safe, light end readable on grey context
NO_DATA_SCALE = [[0, "#ced4da"], [1, "#ced4da"]]
DARK, LIGHT = "#212529", "#ffffff"  # text on tiles


def _map_hover(frame: pd.DataFrame, lang: str, decimals: int) -> list[str]:
    return [
        f"<b>{n}</b><br>{fmt_number(v, lang, decimals)}"
        for n, v in zip(frame["name"], frame["value"], strict=True)
    ]


def _dot_colours(values: pd.Series, lo: float, hi: float) -> list[str]:
    """The map's colour of each value, and the no-data grey where there is none (a missing
    value in a colour array would be drawn dark, as if very low)."""
    span = (hi - lo) or 1
    return [
        NO_DATA_SCALE[0][1]
        if pd.isna(v)
        else sample_colorscale(MAP_SCALE, [min(max((v - lo) / span, 0), 1)])[0]
        for v in values
    ]


def _map_colorbar(title: str) -> dict:
    """The colour key of the map and the tile grid: a horizontal bar under the countries."""
    return {
        "title": {"text": title, "side": "top"},
        "thickness": 12,
        "orientation": "h",
        "y": -0.02,
        "yanchor": "top",
        "len": 0.8,
    }


# The Lesser Antilles, drawn again larger in a corner of the map so each island can be clicked.
INSET_LON, INSET_LAT = (-64.0, -58.6), (9.8, 18.6)
INSET_DOMAIN = {"x": (0.0, 0.25), "y": (0.0, 0.55)}  # bottom left: the Pacific, empty


def choropleth(
    frame: pd.DataFrame,
    lang: str,
    title: str,
    decimals: int,
    value_range: tuple[float, float] | None,
    *,
    outlines_url: str,
    small: pd.DataFrame,
    context: list[str],
) -> go.Figure:
    """Members coloured by `value` on the app's own outlines (`frame`: iso3, name, value), grey
    where there is no data; the small island states also as dots at their centre so they can be
    seen and clicked. Non-member territories in light grey for orientation. An inset (`geo2`)
    draws the Lesser Antilles again at a size a finger can hit, with the same colours and
    clicks (customdata: ISO3)."""
    has = frame[frame["value"].notna()]
    lo, hi = value_range or (
        has["value"].min() if len(has) else 0,
        has["value"].max() if len(has) else 1,
    )
    fig = go.Figure()
    spec = _MapSpec(outlines_url, small, context, lang, decimals, lo, hi)
    _map_layers(fig, "geo", frame, spec, title=title)
    _map_layers(fig, "geo2", frame, spec, title=None)
    geo = {"visible": False, "resolution": 50, "projection_type": "mercator", "bgcolor": "#ffffff"}
    fig.update_layout(
        geo={**geo, "fitbounds": "locations", "domain": {"x": (0, 1), "y": (0, 1)}},
        geo2={
            **geo,
            "domain": INSET_DOMAIN,
            "lonaxis_range": INSET_LON,
            "lataxis_range": INSET_LAT,
        },
    )
    (x0, x1), (y0, y1) = INSET_DOMAIN["x"], INSET_DOMAIN["y"]
    fig.add_shape(
        type="rect",
        xref="paper",
        yref="paper",
        x0=x0,
        x1=x1,
        y0=y0,
        y1=y1,
        line={"color": "#6c757d", "width": 1},
    )
    fig.add_annotation(
        text=t("Antillas Menores", lang),
        xref="paper",
        yref="paper",
        x=x0,
        y=y1,
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        font={"size": 11, "color": "#495057"},
    )
    base_layout(fig, 560, lang)
    return fig.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 60}, dragmode=False)


@dataclass(frozen=True)
class _MapSpec:
    """What both of a map's subplots share: outlines, dots, language, decimals, colour range."""

    outlines_url: str
    small: pd.DataFrame
    context: list[str]
    lang: str
    decimals: int
    lo: float
    hi: float


def _map_layers(
    fig: go.Figure, geo: str, frame: pd.DataFrame, spec: _MapSpec, *, title: str | None
) -> None:
    """Add one map's four layers to `geo`: the non-members' outlines, the members without data,
    the members coloured by value (with the colour key when `title` is given), and the small
    states' dots."""
    has = frame[frame["value"].notna()]
    missing = frame[frame["value"].isna()]
    lo, hi, lang, decimals = spec.lo, spec.hi, spec.lang, spec.decimals
    outlines_url, context = spec.outlines_url, spec.context
    no_data = t("sin datos", lang)
    fig.add_choropleth(
        geo=geo,
        geojson=outlines_url,
        locations=context,
        z=[0] * len(context),
        showscale=False,
        hoverinfo="skip",
        colorscale=[[0, "#e9ecef"], [1, "#e9ecef"]],
        marker_line_color="#ffffff",
        marker_line_width=0.5,
    )
    fig.add_choropleth(
        geo=geo,
        geojson=outlines_url,
        locations=missing["iso3"],
        z=[0] * len(missing),
        showscale=False,
        colorscale=NO_DATA_SCALE,
        marker_line_color="#6c757d",
        marker_line_width=0.6,
        customdata=missing["iso3"],
        hovertext=[f"<b>{n}</b><br>{no_data}" for n in missing["name"]],
        hoverinfo="text",
        name=no_data,
    )
    fig.add_choropleth(
        geo=geo,
        geojson=outlines_url,
        locations=has["iso3"],
        z=has["value"],
        zmin=lo,
        zmax=hi,
        colorscale=MAP_SCALE,
        marker_line_color="#212529",
        marker_line_width=0.6,
        customdata=has["iso3"],
        hovertext=_map_hover(has, lang, decimals),
        hoverinfo="text",
        showscale=title is not None,
        colorbar=_map_colorbar(title or ""),
    )
    dots = spec.small.merge(frame, left_on="id", right_on="iso3")
    fig.add_scattergeo(
        geo=geo,
        lon=dots["lon"],
        lat=dots["lat"],
        customdata=dots["iso3"],
        mode="markers",
        showlegend=False,
        marker={
            "size": 11 if title is not None else 16,
            "color": _dot_colours(dots["value"], lo, hi),
            "line": {"width": 1.2, "color": "#212529"},
            "symbol": "circle",
        },
        hovertext=_map_hover(dots, lang, decimals),
        hoverinfo="text",
    )


def tile_grid(
    frame: pd.DataFrame,
    tiles: dict[str, tuple[int, int]],
    lang: str,
    title: str,
    decimals: int,
    *,
    value_range: tuple[float, float] | None,
) -> go.Figure:
    """One equal tile per member at its grid place, coloured by `value` and labelled with its
    short name over two lines (grey with 'no data' when missing), so small states weigh as much
    as large ones. Tiles are heatmap cells: they stretch to the chart's width, and a click
    anywhere on one carries its ISO3 code (customdata). Dark text on light tiles, white on
    dark ones."""
    placed = frame[frame["iso3"].isin(tiles)].assign(label=lambda f: short_labels(f, lang))
    has = placed[placed["value"].notna()]
    lo, hi = value_range or (
        has["value"].min() if len(has) else 0,
        has["value"].max() if len(has) else 1,
    )
    has = has.assign(ink=_tile_text(has["value"], lo, hi) if len(has) else [])
    layers = (  # one heatmap per text colour: a heatmap's text has a single colour
        (placed[placed["value"].isna()], DARK, NO_DATA_SCALE),
        (has[has["ink"] == DARK], DARK, MAP_SCALE),
        (has[has["ink"] == LIGHT], LIGHT, MAP_SCALE),
    )
    size = (max(c for c, _ in tiles.values()) + 1, max(r for _, r in tiles.values()) + 1)
    fig = go.Figure()
    for part, colour, scale in layers:
        if part.empty:
            continue
        grey = scale is NO_DATA_SCALE
        fig.add_heatmap(
            **_tile_cells(part, tiles, size, lang, decimals, grey=grey),
            zmin=lo,
            zmax=hi,
            colorscale=scale,
            showscale=not grey and not any(tr.showscale for tr in fig.data),
            colorbar=_map_colorbar(title),
            texttemplate="%{text}",
            textfont={"size": 9, "color": colour},
            hoverongaps=False,
            hovertemplate="%{hovertext}<extra></extra>",
            xgap=3,
            ygap=3,
        )
    fig.update_xaxes(visible=False, range=[-0.5, size[0] - 0.5], fixedrange=True)
    fig.update_yaxes(visible=False, range=[size[1] - 0.5, -0.5], fixedrange=True)
    base_layout(fig, 620, lang)
    return fig.update_layout(margin={"l": 0, "r": 0, "t": 36, "b": 60}, dragmode=False)


def _tile_cells(
    part: pd.DataFrame,
    tiles: dict[str, tuple[int, int]],
    size: tuple[int, int],
    lang: str,
    decimals: int,
    *,
    grey: bool,
) -> dict:
    """A heatmap's grid arrays (z, text, customdata, hovertext) holding `part`'s members at
    their tiles and gaps (None) everywhere else."""
    cols, rows = size
    grids = {k: [[None] * cols for _ in range(rows)] for k in ("z", "customdata", "hovertext")}
    grids["text"] = [[""] * cols for _ in range(rows)]  # a gap's None would read "null"
    hover = _map_hover(part, lang, decimals)
    values = [0] * len(part) if grey else part["value"]
    for code, label, value, tip in zip(part["iso3"], part["label"], values, hover, strict=True):
        col, row = tiles[code]
        grids["z"][row][col] = value
        grids["text"][row][col] = wrap(label.replace("-", "- "), 9).replace("- ", "-")
        grids["customdata"][row][col] = code
        grids["hovertext"][row][col] = tip
    return grids


def _tile_text(values: pd.Series, lo: float, hi: float) -> list[str]:
    """Dark text on the light end of Viridis, white on the dark end (contrast ≥ 4.5:1)."""
    span = (hi - lo) or 1
    return [DARK if (v - lo) / span > 0.6 else LIGHT for v in values]
