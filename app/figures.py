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
