"""What a report is made of, apart from how it is drawn: sections with sentences from the data,
a chart and its table, and the report that orders them. `app.report` fills them from a release;
`app.report_html` prints them."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go


@dataclass
class Table:
    """A table as printed: every cell a text in the language."""

    frame: pd.DataFrame
    columns: list[tuple[str, str]]  # (column, heading)
    caption: str
    numeric: set[str] = field(default_factory=set)  # right-aligned columns


@dataclass
class Section:
    """One part of the report: sentences from the data, a chart and its table."""

    key: str  # stable: the anchor in the document and the chart's file name
    title: str
    sentences: list[str]
    figure: go.Figure | None = None
    chart_title: str = ""
    table: Table | None = None
    notes: list[str] = field(default_factory=list)  # descriptions and sources, in small print


@dataclass
class Report:
    lang: str
    title: str
    year: int
    release: dict  # the release's row in the listing: label, created_at, sha256, is_demo, …
    key_figures: list[Section]
    sections: list[Section]  # after the key figures: dimensions, external benchmarks, coverage
    methodology: list[tuple[str, str]]  # (heading, Markdown text) of the published methodology
    methodology_note: str  # where the whole methodology is
    citation: str

    def charts(self) -> list[tuple[str, Section]]:
        """The sections with a chart in document order, with the chart's file name:
        `01-reporting`, …"""
        drawn = [s for s in [*self.key_figures, *self.sections] if s.figure is not None]
        return [(f"{n:02d}-{s.key}", s) for n, s in enumerate(drawn, start=1)]
