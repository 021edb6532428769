"""Figure builders: pure functions from a query's DataFrame to a Plotly figure, so they are
tested without a server or a browser."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from app.i18n import fmt_number, language, t

# Colour-blind-safe sequential scale (cividis), readable in greyscale too.
COVERAGE_SCALE = "Cividis"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


# Plotly's decimal and thousands separators per language: 0,79 and 1.000 in Spanish.
SEPARATORS = {"es": ",.", "pt": ",.", "fr": ", ", "en": ".,"}


def base_layout(fig: go.Figure, height: int, lang: str) -> go.Figure:
    """Common look of every chart: system fonts (nothing fetched), tight margins, the
    language's number separators. Titles are the page's headings, not drawn in the chart."""
    fig.update_layout(
        separators=SEPARATORS[language(lang)],
        font={"family": FONT, "size": 13, "color": "#212529"},
        height=height, margin={"l": 10, "r": 10, "t": 10, "b": 40},
        plot_bgcolor="white", paper_bgcolor="white",
    )
    return fig


def egdi_coverage_bars(frame: pd.DataFrame, lang: str, total: int) -> go.Figure:
    """Members' EGDI as horizontal bars in UN-rank order, each coloured by how many GEALC
    indicators the country reported that year. Unassessed countries get no bar."""
    rows = frame[frame["assessed"].astype(bool)].sort_values("egdi_rank", ascending=False)
    hover = [
        f"<b>{r.country}</b><br>{t('rank', lang)}: {int(r.egdi_rank)}<br>EGDI: {fmt_number(r.egdi, lang, 3)}"
        f"<br>{t('reported', lang, total=total)}: {int(r.reported)}"
        for r in rows.itertuples()
    ]
    fig = go.Figure(go.Bar(
        x=rows["egdi"], y=rows["country"], orientation="h",
        marker={"color": rows["reported"], "colorscale": COVERAGE_SCALE, "cmin": 0, "cmax": total,
                "colorbar": {"title": {"text": t("reported_short", lang), "side": "top"}, "thickness": 12,
                             "orientation": "h", "y": -0.07, "yanchor": "top", "len": 0.8}},
        hovertext=hover, hoverinfo="text",
    ))
    fig.update_xaxes(range=[0, 1], title_text="EGDI", gridcolor="#e9ecef", tickformat=".1f")
    fig.update_yaxes(automargin=True, tickfont={"size": 12})
    base_layout(fig, 200 + 20 * max(len(rows), 1), lang)
    return fig.update_layout(margin={"b": 130})  # room for the colour bar below the axis


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
    fig.add_bar(x=frame["score"], y=names, orientation="h", name=t("this_country", lang), marker_color=PALETTE[0],
                text=[fmt_number(v, lang, 1) for v in frame["score"]], textposition="outside", cliponaxis=False,
                hovertemplate="%{y}: %{x:.1f}<extra></extra>")
    for column, label, symbol, colour in (("region_median", "region_median", "diamond", PALETTE[1]),
                                          ("subregion_median", "subregion_median", "circle", PALETTE[2])):
        fig.add_scatter(x=frame[column], y=names, mode="markers", name=t(label, lang),
                        marker={"symbol": symbol, "size": 11, "color": colour, "line": {"width": 1, "color": "#212529"}},
                        hovertemplate=f"{t(label, lang)}: %{{x:.1f}}<extra></extra>")
    for name, score in zip(names, frame["score"]):
        if pd.isna(score):
            fig.add_annotation(x=0, y=name, text=t("no_data", lang), showarrow=False, xanchor="left",
                               font={"color": "#495057", "size": 12})
    fig.update_xaxes(range=[0, 105], title_text=t("score_axis", lang), gridcolor="#e9ecef")
    fig.update_yaxes(automargin=True, autorange="reversed")
    base_layout(fig, 140 + 55 * max(len(frame), 1), lang)
    return fig.update_layout(legend={"orientation": "h", "y": -0.2}, margin={"b": 90}, barmode="overlay")


def lines(frame: pd.DataFrame, x: str, series: list[tuple[str, str]], lang: str, y_title: str,
          y_range: tuple[float, float]) -> go.Figure:
    """One line per (column, label) over `x`; gaps where a value is missing, never a drop to 0."""
    fig = go.Figure()
    for n, (column, label) in enumerate(series):
        fig.add_scatter(x=frame[x], y=frame[column], name=label, mode="lines+markers", connectgaps=False,
                        line={"color": PALETTE[n % len(PALETTE)], "width": 3 if n == 0 else 2},
                        hovertemplate=f"{label} %{{x}}: %{{y:.2f}}<extra></extra>")
    fig.update_xaxes(tickmode="array", tickvals=sorted(frame[x].unique()), gridcolor="#e9ecef")
    fig.update_yaxes(range=list(y_range), title_text=y_title, gridcolor="#e9ecef")
    base_layout(fig, 360, lang)
    return fig.update_layout(legend={"orientation": "h", "y": -0.2}, margin={"b": 80})


def grouped_bars(frame: pd.DataFrame, categories: list[tuple[str, str]], lang: str) -> go.Figure:
    """One group of bars per category (dimension or indicator), one colour per country.
    `frame`: one row per country with `name` and a score column per category id."""
    fig = go.Figure()
    labels = [wrap(label, 16) for _, label in categories]
    for n, row in enumerate(frame.to_dict("records")):
        values = [row.get(c) for c, _ in categories]
        fig.add_bar(x=labels, y=values, name=row["name"], marker_color=PALETTE[n % len(PALETTE)],
                    hovertemplate=f"{row['name']}<br>%{{x}}: %{{y:.1f}}<extra></extra>")
    fig.update_yaxes(range=[0, 100], title_text=t("score_axis", lang), gridcolor="#e9ecef")
    base_layout(fig, 420, lang)
    return fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.35}, margin={"b": 120})


def heatmap(frame: pd.DataFrame, columns: list[tuple[str, str]], lang: str) -> go.Figure:
    """Countries × indicators, coloured by score; a missing score is an empty cell marked
    'no data', never a zero."""
    z = [[row.get(c) for c, _ in columns] for row in frame.to_dict("records")]
    text = [[fmt_number(v, lang, 0) if v is not None and not pd.isna(v) else t("no_data", lang) for v in line] for line in z]
    fig = go.Figure(go.Heatmap(
        z=z, x=[c for c, _ in columns], y=frame["name"].tolist(), zmin=0, zmax=100, colorscale=COVERAGE_SCALE,
        text=text, texttemplate="%{text}", textfont={"size": 11},
        customdata=[[label for _, label in columns]] * len(z),
        hovertemplate="%{y}<br>%{customdata}: %{text}<extra></extra>",
        colorbar={"title": {"text": t("score", lang)}, "thickness": 12},
    ))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(side="top")
    return base_layout(fig, 120 + 42 * max(len(frame), 1), lang)


def radar(frame: pd.DataFrame, axes: list[tuple[str, str]], lang: str) -> go.Figure:
    """Each country's profile across the dimensions (0–100); a missing dimension leaves a gap."""
    fig = go.Figure()
    labels = [c for c, _ in axes]
    for n, row in enumerate(frame.to_dict("records")):
        values = [row.get(c) for c in labels]
        fig.add_scatterpolar(r=values + values[:1], theta=labels + labels[:1], name=row["name"], connectgaps=False,
                             line={"color": PALETTE[n % len(PALETTE)], "width": 2}, mode="lines+markers")
    fig.update_layout(polar={"radialaxis": {"range": [0, 100], "gridcolor": "#dee2e6"}, "angularaxis": {"gridcolor": "#dee2e6"}},
                      legend={"orientation": "h", "y": -0.15})
    return base_layout(fig, 460, lang)


def reporting_matrix(matrix: pd.DataFrame, row_names: list[str], lang: str) -> go.Figure:
    """Countries × indicators, a dark cell where the country reported the indicator; the cell's
    text says it too (✓ / —), so colour is never the only carrier."""
    text = [["✓" if v else "—" for v in row] for row in matrix.to_numpy()]
    fig = go.Figure(go.Heatmap(
        z=matrix.to_numpy(), x=list(matrix.columns), y=row_names, zmin=0, zmax=1, showscale=False,
        colorscale=[[0, "#f1f3f5"], [1, PALETTE[0]]], text=text, texttemplate="%{text}", xgap=2, ygap=2,
        hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(side="top")
    return base_layout(fig, 120 + 24 * max(len(row_names), 1), lang)
