"""Regenerate `app/assets/maps/lac-50m.geojson`, the map outlines the explorer draws, from the
`world-atlas` npm package (Natural Earth 1:50m, public domain; the 1:50m scale keeps the small
island states that 1:110m drops). Run by hand when the outlines should change:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/lac_outlines.py package/countries-50m.json

Members get their ISO3 code as feature id; other territories inside the region's frame (French
Guiana, Puerto Rico, …) are kept as grey context with `member: false`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FRAME = (-118.0, -56.5, -33.0, 33.0)  # west, south, east, north
OUT = ROOT / "app" / "assets" / "maps" / "lac-50m.geojson"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's delta-encoded, quantised arcs as absolute longitude/latitude points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 3), round(y * sy + ty, 3)))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        part = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(part[1:] if points else part)
    return points


def polygons(geometry: dict, arcs) -> list[list[list[tuple[float, float]]]]:
    if geometry["type"] == "Polygon":
        return [[ring(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(r, arcs) for r in poly] for poly in geometry["arcs"]]
    return []


def inside(polygon: list[list[tuple[float, float]]]) -> bool:
    west, south, east, north = FRAME
    return all(west <= x <= east and south <= y <= north for x, y in polygon[0])


def centre(shapes: list) -> tuple[float, float, float]:
    """Area-weighted centre of the largest polygon's outer ring, and the total area in square
    degrees (the app marks states too small to click on the map with a dot at this centre)."""

    def ring_area(points):
        return (
            sum(
                x0 * y1 - x1 * y0
                for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True)
            )
            / 2
        )

    biggest = max(shapes, key=lambda p: abs(ring_area(p[0])))[0]
    a = ring_area(biggest) or 1e-9
    cx = sum(
        (x0 + x1) * (x0 * y1 - x1 * y0)
        for (x0, y0), (x1, y1) in zip(biggest, biggest[1:] + biggest[:1], strict=True)
    ) / (6 * a)
    cy = sum(
        (y0 + y1) * (x0 * y1 - x1 * y0)
        for (x0, y0), (x1, y1) in zip(biggest, biggest[1:] + biggest[:1], strict=True)
    ) / (6 * a)
    return round(cx, 3), round(cy, 3), round(sum(abs(ring_area(p[0])) for p in shapes), 4)


def main(source: str) -> None:
    # Imported here, once ROOT is on sys.path (the script runs as `python tools/lac_outlines.py`).
    from indicators.countries import load_members

    topology = json.loads(Path(source).read_text())
    arcs = decode_arcs(topology)
    members = {c.m49.lstrip("0"): c.iso3 for c in load_members().countries}
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = str(geometry.get("id", "")).lstrip("0")
        shapes = polygons(geometry, arcs)
        iso3 = members.get(code)
        if iso3 is None:
            shapes = [p for p in shapes if inside(p)]
        if not shapes:
            continue
        lon, lat, area = centre(shapes)
        features.append(
            {
                "type": "Feature",
                "id": iso3 or f"other-{code or geometry['properties']['name']}",
                "properties": {
                    "member": iso3 is not None,
                    "name": geometry["properties"]["name"],
                    "lon": lon,
                    "lat": lat,
                    "area": area,
                },
                "geometry": {"type": "MultiPolygon", "coordinates": shapes},
            }
        )
    missing = set(members.values()) - {f["id"] for f in features}
    if missing:
        raise SystemExit(f"no outline for {sorted(missing)}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
    )
    print(f"{OUT.relative_to(ROOT)}: {len(features)} features, {OUT.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main(sys.argv[1])
