"""The two maps of the explorer: Natural Earth 1:50m outlines served by the app itself (never a
CDN), and a tile grid where every member is one equal tile placed roughly where it lies, so
Saint Kitts and Nevis weighs as much as Brazil."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

OUTLINES = Path(__file__).with_name("assets") / "maps" / "lac-50m.geojson"
OUTLINES_URL = "/assets/maps/lac-50m.geojson"
SMALL_AREA = 1.0  # square degrees: below this a state gets a dot as well, to be seen and clicked

# (column, row) of each member's tile: north at the top, the Lesser Antilles down the right.
TILES = {
    "MEX": (0, 0),
    "CUB": (3, 0),
    "BHS": (4, 0),
    "BLZ": (1, 1),
    "JAM": (3, 1),
    "HTI": (4, 1),
    "DOM": (5, 1),
    "KNA": (6, 1),
    "ATG": (7, 1),
    "GTM": (0, 2),
    "HND": (1, 2),
    "DMA": (7, 2),
    "SLV": (0, 3),
    "NIC": (1, 3),
    "LCA": (7, 3),
    "CRI": (1, 4),
    "VCT": (6, 4),
    "BRB": (7, 4),
    "PAN": (2, 5),
    "TTO": (5, 5),
    "GRD": (6, 5),
    "COL": (3, 6),
    "VEN": (4, 6),
    "GUY": (5, 6),
    "SUR": (6, 6),
    "ECU": (2, 7),
    "PER": (3, 8),
    "BOL": (4, 8),
    "BRA": (5, 8),
    "CHL": (3, 9),
    "PRY": (4, 9),
    "ARG": (4, 10),
    "URY": (5, 10),
}


@lru_cache(maxsize=1)
def outlines() -> dict:
    """The outlines as GeoJSON (read once from the file)."""
    return json.loads(OUTLINES.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def outline_places() -> pd.DataFrame:
    """Every outline's id, whether it is a member, its centre and area."""
    features = outlines()["features"]
    return pd.DataFrame(
        [
            {"id": f["id"], **{k: f["properties"][k] for k in ("member", "lon", "lat", "area")}}
            for f in features
        ]
    )


def small_states() -> pd.DataFrame:
    """Members too small to click on the map: id, lon, lat."""
    places = outline_places()
    return places[places["member"] & (places["area"] < SMALL_AREA)][
        ["id", "lon", "lat"]
    ].reset_index(drop=True)


def context_ids() -> list[str]:
    """Outlines of non-member territories in the frame, drawn in grey for orientation."""
    places = outline_places()
    return places.loc[~places["member"], "id"].tolist()
