"""Where a scatter's point labels go so that none covers another label or a point: Plotly
draws every label where it is told, overlaps included, so the figure builder chooses for it.

Pure arithmetic on estimated boxes in pixels: no browser, testable on points that collided."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Plotly text positions tried in order: above first (what a reader expects), then the sides.
CANDIDATES = (
    "top center",
    "bottom center",
    "middle right",
    "middle left",
    "top right",
    "top left",
    "bottom right",
    "bottom left",
)
CHAR_WIDTH = 0.62  # em: a wide sans-serif's average letter, so the estimate errs on the large side
LINE_HEIGHT = 1.25  # em
GAP = 2.0  # px between a marker and its label, as Plotly leaves it


@dataclass(frozen=True)
class Frame:
    """The plot area a label lives in: axis ranges and the area's size in pixels."""

    x_range: tuple[float, float]
    y_range: tuple[float, float]
    width: float
    height: float

    def pixel(self, x: float, y: float) -> tuple[float, float]:
        """Where (x, y) is drawn, in pixels from the area's top left corner."""
        (x0, x1), (y0, y1) = self.x_range, self.y_range
        return (x - x0) / (x1 - x0) * self.width, (y1 - y) / (y1 - y0) * self.height


Box = tuple[float, float, float, float]  # left, top, right, bottom


def label_box(
    centre: tuple[float, float], text: str, position: str, font: float, radius: float
) -> Box:
    """The box a label of `text` occupies beside a marker of `radius` at `centre`."""
    cx, cy = centre
    w, h = len(text) * CHAR_WIDTH * font, LINE_HEIGHT * font
    vertical, horizontal = position.split()
    off = radius + GAP
    left = {"center": cx - w / 2, "right": cx + off, "left": cx - off - w}[horizontal]
    top = {"middle": cy - h / 2, "top": cy - off - h, "bottom": cy + off}[vertical]
    if vertical != "middle" and horizontal != "center":  # corners sit diagonally, closer in
        left += -off / 2 if horizontal == "right" else off / 2
    return left, top, left + w, top + h


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(box: Box, frame: Frame) -> bool:
    return box[0] >= 0 and box[1] >= 0 and box[2] <= frame.width and box[3] <= frame.height


def place_labels(
    points: Sequence[tuple[float, float]],
    texts: Sequence[str],
    frame: Frame,
    *,
    font: float = 11,
    radius: float = 6,
) -> list[str | None]:
    """A Plotly `textposition` for each point, or None where every candidate would cover a
    label already placed, a marker or the area's edge: that point stays unlabelled (its hover
    still names it). Greedy, in the order given: put the points that matter most first."""
    centres = [frame.pixel(x, y) for x, y in points]
    taken: list[Box] = [(cx - radius, cy - radius, cx + radius, cy + radius) for cx, cy in centres]
    chosen: list[str | None] = []
    for centre, text in zip(centres, texts, strict=True):
        fits = (
            (position, box)
            for position in CANDIDATES
            for box in [label_box(centre, text, position, font, radius)]
            if _inside(box, frame) and not any(_overlap(box, other) for other in taken)
        )
        position, box = next(fits, (None, None))
        chosen.append(position)
        if box is not None:
            taken.append(box)
    return chosen
