"""How `world_map.json` is made: Natural Earth's country shapes, projected once and kept small.

`manage.py build_world_map <ne_110m_admin_0_countries.shp>` reads Natural Earth's 1:110m admin-0
countries (public domain; the copy shipped in geopandas 0.14.4's wheel,
`geopandas/datasets/naturalearth_lowres/`, is the one used here) with pyshp, projects it with the Equal
Earth projection, simplifies it to what a 1,000-pixel-wide map can show, and writes `world_map.json`
beside this file: one SVG path per UN Member State, in whole pixels. The site only reads that file.
Member States too small for that scale (Andorra, Tuvalu, …) are drawn as dots at the coordinates of
the UN's country taxonomy, so every one of the 193 is on the map.
"""

import json
import math

import shapefile

from countries.un import member_states

from .world_map import MAP_FILE

WIDTH = 1000
SOUTHERNMOST_LATITUDE = -58  # Antarctica is left out: no State, and a third of the drawing
SIMPLIFY_TOLERANCE = 0.7  # pixels
SMALLEST_ISLAND = 2.0  # square pixels: smaller rings are dropped unless they are all a State has
# Natural Earth draws these apart from the Member State the UN counts them in.
PART_OF_MEMBER_STATE = {"CYN": "CYP", "SOL": "SOM"}

# Equal Earth projection (Šavrič, Patterson and Jenny, 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_EXTENT = 2.7066297319215575  # x of the 180th meridian on the equator
SCALE = WIDTH / (2 * X_EXTENT)


def equal_earth(longitude, latitude):
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def top_offset():
    return equal_earth(0, 90)[1]


def height():
    return round((top_offset() - equal_earth(0, SOUTHERNMOST_LATITUDE)[1]) * SCALE)


def to_pixels(longitude, latitude):
    x, y = equal_earth(longitude, max(latitude, SOUTHERNMOST_LATITUDE))
    return (x + X_EXTENT) * SCALE, (top_offset() - y) * SCALE


def simplify(points, tolerance):
    """Douglas–Peucker, iteratively (rings of large countries are long)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            px, py = points[index]
            d = abs(dy * (px - x1) - dx * (py - y1)) / length if length else math.hypot(px - x1, py - y1)
            if d > distance:
                farthest, distance = index, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep) if kept]


def ring_area(points):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))) / 2


def relative_path(rings):
    """SVG path data in whole pixels, each ring a move then relative lines: the shortest text."""
    parts = []
    for ring in rings:
        points = [(round(x), round(y)) for x, y in ring]
        deduplicated = [points[0]] + [b for a, b in zip(points, points[1:]) if a != b]
        if len(deduplicated) < 3:
            continue
        x0, y0 = deduplicated[0]
        steps = [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(deduplicated, deduplicated[1:])]
        parts.append(f"M{x0} {y0}l" + " ".join(steps).replace(" -", "-") + "z")
    return "".join(parts)


def shapefile_rings(shape):
    bounds = list(shape.parts) + [len(shape.points)]
    return [shape.points[start:end] for start, end in zip(bounds, bounds[1:])]


def build(shapefile_path):
    """{"width", "height", "shapes": {code: path}, "dots": {code: [x, y]}} from a Natural Earth shapefile."""
    alpha2 = {state.alpha3: code for code, state in member_states().items()}
    rings_by_state = {}
    with shapefile.Reader(str(shapefile_path)) as reader:
        fields = [name.lower() for name, *_rest in reader.fields[1:]]
        for record, shape in zip(reader.iterRecords(), reader.iterShapes()):
            attributes = dict(zip(fields, record))
            alpha3 = attributes.get("iso_a3") or attributes.get("adm0_a3")
            code = alpha2.get(PART_OF_MEMBER_STATE.get(alpha3, alpha3))
            if code is None:
                code = f"other-{len(rings_by_state)}"
            for ring in shapefile_rings(shape):
                projected = [to_pixels(longitude, latitude) for longitude, latitude in ring]
                if all(latitude < SOUTHERNMOST_LATITUDE for _longitude, latitude in ring):
                    continue
                rings_by_state.setdefault(code, []).append(simplify(projected, SIMPLIFY_TOLERANCE))
    shapes = {}
    for code, rings in rings_by_state.items():
        largest = max(rings, key=ring_area)
        kept = [ring for ring in rings if ring is largest or ring_area(ring) >= SMALLEST_ISLAND]
        path = relative_path(kept)
        if path:
            shapes[code] = path
    dots = {
        code: [round(value, 1) for value in to_pixels(state.longitude, state.latitude)]
        for code, state in member_states().items()
        if code not in shapes
    }
    return {"width": WIDTH, "height": height(), "shapes": shapes, "dots": dots}


def write(shapefile_path, destination=MAP_FILE):
    data = build(shapefile_path)
    destination.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n")
    return data
