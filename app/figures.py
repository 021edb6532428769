"""Figure builders: pure functions from a query's DataFrame to a Plotly figure, so they are
tested without a server or a browser."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from app.headlines import Headline, gtmi_group_counts
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
    language's number separators. Titles are the page's headings, not drawn in the chart."""
    fig.update_layout(
        separators=separators(lang),
        font={"family": FONT, "size": 13, "color": "#212529"},
        height=height,
        margin={"l": 10, "r": 10, "t": 36, "b": 40},  # t: room for the toolbar above the data
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    return fig


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


def profile_bars(frame: pd.DataFrame, lang: str) -> go.Figure:
    """A country's score per dimension (bars) against the regional and subregional medians
    (markers). `frame`: name, score, region_median, subregion_median; a missing score gets no
    bar and says so, never a zero."""
    names = [wrap(n) for n in frame["name"]]
    fig = go.Figure()
    fig.add_bar(
        x=frame["score"],
        y=names,
        orientation="h",
        name=t("El país", lang),
        marker_color=PALETTE[0],
        text=[fmt_number(v, lang, 1) for v in frame["score"]],
        textposition="outside",
        cliponaxis=False,
        hovertemplate=f"%{{y}}{_colon(lang)}%{{x:.1f}}<extra></extra>",
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
    fig.update_xaxes(range=[0, 105], title_text=t("Puntaje (0–100)", lang), gridcolor="#e9ecef")
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
) -> go.Figure:
    """One line per (column, label) over `x`; gaps where a value is missing, never a drop to 0."""
    fig = go.Figure()
    for n, (column, label) in enumerate(series):
        fig.add_scatter(
            x=frame[x],
            y=frame[column],
            name=label,
            mode="lines+markers",
            connectgaps=False,
            line={"color": PALETTE[n % len(PALETTE)], "width": 3 if n == 0 else 2},
            hovertemplate=f"{label} %{{x}}{_colon(lang)}%{{y:.1f}}<extra></extra>",
        )
    fig.update_xaxes(tickmode="array", tickvals=sorted(frame[x].unique()), gridcolor="#e9ecef")
    fig.update_yaxes(
        title_text=y_title,
        gridcolor="#e9ecef",
        **({"range": list(y_range)} if y_range else {"rangemode": "tozero"}),
    )
    base_layout(fig, 360, lang)
    return fig.update_layout(legend={"orientation": "h", "y": -0.2}, margin={"b": 80})


def grouped_bars(frame: pd.DataFrame, categories: list[tuple[str, str]], lang: str) -> go.Figure:
    """One group of bars per category (dimension or indicator), one colour per country.
    `frame`: one row per country with `name` and a score column per category id."""
    fig = go.Figure()
    labels = [wrap(label, 16) for _, label in categories]
    for n, row in enumerate(frame.to_dict("records")):
        values = [row.get(c) for c, _ in categories]
        fig.add_bar(
            x=labels,
            y=values,
            name=row["name"],
            marker_color=PALETTE[n % len(PALETTE)],
            hovertemplate=f"{row['name']}<br>%{{x}}{_colon(lang)}%{{y:.1f}}<extra></extra>",
        )
    fig.update_yaxes(range=[0, 100], title_text=t("Puntaje (0–100)", lang), gridcolor="#e9ecef")
    base_layout(fig, 420, lang)
    return fig.update_layout(
        barmode="group", legend={"orientation": "h", "y": -0.35}, margin={"b": 120}
    )


def heatmap(frame: pd.DataFrame, columns: list[tuple[str, str]], lang: str) -> go.Figure:
    """Countries × indicators, coloured by score; a missing score is an empty cell marked
    'no data', never a zero."""
    z = [[row.get(c) for c, _ in columns] for row in frame.to_dict("records")]
    text = [
        [
            fmt_number(v, lang, 0) if v is not None and not pd.isna(v) else t("sin datos", lang)
            for v in line
        ]
        for line in z
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[c for c, _ in columns],
            y=frame["name"].tolist(),
            zmin=0,
            zmax=100,
            colorscale=COVERAGE_SCALE,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 11},
            customdata=[[label for _, label in columns]] * len(z),
            hovertemplate=f"%{{y}}<br>%{{customdata}}{_colon(lang)}%{{text}}<extra></extra>",
            colorbar={"title": {"text": t("Puntaje", lang)}, "thickness": 12},
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(side="top")
    return base_layout(fig, 120 + 42 * max(len(frame), 1), lang)


def radar(frame: pd.DataFrame, axes: list[tuple[str, str]], lang: str) -> go.Figure:
    """Each country's profile across the dimensions (0–100); a missing dimension leaves a gap."""
    fig = go.Figure()
    labels = [c for c, _ in axes]
    for n, row in enumerate(frame.to_dict("records")):
        values = [row.get(c) for c in labels]
        fig.add_scatterpolar(
            r=values + values[:1],
            theta=labels + labels[:1],
            name=row["name"],
            connectgaps=False,
            line={"color": PALETTE[n % len(PALETTE)], "width": 2},
            mode="lines+markers",
        )
    fig.update_layout(
        polar={
            "radialaxis": {"range": [0, 100], "gridcolor": "#dee2e6"},
            "angularaxis": {"gridcolor": "#dee2e6"},
        },
        legend={"orientation": "h", "y": -0.15},
    )
    return base_layout(fig, 460, lang)


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
            y=[wrap(label, 28) for label in labels],
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


def headline(item: Headline, lang: str) -> go.Figure:
    """The chart of a "GEALC en números" headline (app.headlines.Headline), from its table."""
    table, cols = item.table, item.columns
    if item.key in ("reporting", "un"):
        x = "year" if item.key == "reporting" else "survey_year"
        series = [
            c for c in ("countries", "complete", "assessed", "very_high") if c in table.columns
        ]
        return year_bars(table, x, [(c, cols[c]) for c in series], lang, highlight=item.highlight)
    if item.key == "gtmi":
        counts = gtmi_group_counts(item, lang)
        shown = [(c, cols[c]) for c in ("group_before", "group_now") if c in counts.columns]
        return year_bars(counts, "group", shown, lang)
    if item.key == "medians":
        return hbars(
            table["name"].tolist(), table["median"].tolist(), lang, t("Puntaje (0–100)", lang)
        )
    if item.key == "improved":
        return hbars(
            table["name"].tolist(), table["change"].tolist(), lang, cols["change"], x_range=None
        )
    return hbars(
        table["name"].tolist(),
        table["score"].tolist(),
        lang,
        t("Puntaje (0–100)", lang),
        text=[
            f"{c} ({fmt_number(v, lang, 1)})" if c else ""
            for c, v in zip(table["countries"], table["score"], strict=True)
        ],
    )


def scatter(
    frame: pd.DataFrame, lang: str, x_title: str, y_title: str, fit: dict | None
) -> go.Figure:
    """Countries as labelled points (x: `benchmark`, the external measure; y: `score`), the
    Theil–Sen line of the score on the benchmark, and the flagged divergences drawn as larger
    diamonds — marked by shape and legend, not colour alone."""
    points = frame.dropna(subset=["benchmark", "score"])
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
            text=part["iso3"],
            customdata=part["name"],
            name=label,
            mode="markers+text",
            textposition="top center",
            textfont={"size": 11},
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
    fig.update_xaxes(title_text=x_title, gridcolor="#e9ecef")
    fig.update_yaxes(title_text=y_title, gridcolor="#e9ecef", range=[0, 105])
    base_layout(fig, 480, lang)
    return fig.update_layout(legend={"orientation": "h", "y": -0.2}, margin={"b": 90})


MAP_SCALE = "Viridis"  # sequential, colour-blind safe, light end readable on grey context


def _map_hover(frame: pd.DataFrame, lang: str, decimals: int) -> list[str]:
    return [
        f"<b>{n}</b><br>{fmt_number(v, lang, decimals)}"
        for n, v in zip(frame["name"], frame["value"], strict=True)
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
    seen and clicked. Non-member territories in light grey for orientation."""
    has = frame[frame["value"].notna()]
    missing = frame[frame["value"].isna()]
    lo, hi = value_range or (
        has["value"].min() if len(has) else 0,
        has["value"].max() if len(has) else 1,
    )
    no_data = t("sin datos", lang)
    fig = go.Figure()
    fig.add_choropleth(
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
        geojson=outlines_url,
        locations=missing["iso3"],
        z=[0] * len(missing),
        showscale=False,
        colorscale=[[0, "#ced4da"], [1, "#ced4da"]],
        marker_line_color="#6c757d",
        marker_line_width=0.6,
        customdata=missing["iso3"],
        hovertext=[f"<b>{n}</b><br>{no_data}" for n in missing["name"]],
        hoverinfo="text",
        name=t("sin datos", lang),
    )
    fig.add_choropleth(
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
        colorbar=_map_colorbar(title),
    )
    dots = small.merge(frame, left_on="id", right_on="iso3")
    fig.add_scattergeo(
        lon=dots["lon"],
        lat=dots["lat"],
        customdata=dots["iso3"],
        mode="markers",
        showlegend=False,
        marker={
            "size": 11,
            "color": dots["value"],
            "cmin": lo,
            "cmax": hi,
            "colorscale": MAP_SCALE,
            "line": {"width": 1.2, "color": "#212529"},
            "symbol": "circle",
        },
        hovertext=_map_hover(dots, lang, decimals),
        hoverinfo="text",
    )
    fig.update_geos(
        visible=False,
        resolution=50,
        fitbounds="locations",
        projection_type="mercator",
        bgcolor="#ffffff",
    )
    base_layout(fig, 560, lang)
    return fig.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 60}, dragmode=False)


def tile_grid(
    frame: pd.DataFrame,
    tiles: dict[str, tuple[int, int]],
    lang: str,
    title: str,
    decimals: int,
    *,
    value_range: tuple[float, float] | None,
) -> go.Figure:
    """One equal square per member at its grid place, coloured by `value`, labelled with its
    ISO3 code (grey with 'no data' when missing), so small states weigh as much as large ones."""
    placed = frame[frame["iso3"].isin(tiles)].copy()
    placed["col"] = placed["iso3"].map(lambda c: tiles[c][0])
    placed["row"] = placed["iso3"].map(lambda c: tiles[c][1])
    has = placed[placed["value"].notna()]
    lo, hi = value_range or (
        has["value"].min() if len(has) else 0,
        has["value"].max() if len(has) else 1,
    )
    fig = go.Figure()
    for part, colours in ((placed[placed["value"].isna()], None), (has, has["value"])):
        if part.empty:
            continue
        marker = {"symbol": "square", "size": 38, "line": {"width": 1, "color": "#ffffff"}}
        marker |= (
            {
                "color": colours,
                "cmin": lo,
                "cmax": hi,
                "colorscale": MAP_SCALE,
                "colorbar": _map_colorbar(title),
            }
            if colours is not None
            else {"color": "#ced4da"}
        )
        fig.add_scatter(
            x=part["col"],
            y=part["row"],
            mode="markers+text",
            text=part["iso3"],
            customdata=part["iso3"],
            marker=marker,
            showlegend=False,
            textfont={"size": 11, "color": _tile_text(colours, lo, hi)},
            hovertext=_map_hover(part, lang, decimals),
            hoverinfo="text",
        )
    fig.update_xaxes(
        visible=False, range=[-0.7, max(c for c, _ in tiles.values()) + 0.7], fixedrange=True
    )
    fig.update_yaxes(visible=False, autorange="reversed", fixedrange=True, scaleanchor="x")
    base_layout(fig, 560, lang)
    return fig.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 60}, dragmode=False)


def _tile_text(values: pd.Series | None, lo: float, hi: float) -> list[str] | str:
    """Dark text on the light end of Viridis and on grey, white on the dark end (contrast
    ≥ 4.5:1)."""
    if values is None:
        return "#212529"
    span = (hi - lo) or 1
    return ["#212529" if (v - lo) / span > 0.6 else "#ffffff" for v in values]
