"""A prepared picture drawn with half blocks: each cell a "▀" whose foreground is the upper
pixel and whose background is the lower one.

textual-image draws half cells too, but as a Rich renderable that rescales the image and builds
a style per cell on every render, and importing it queries the terminal for graphics support
that half blocks do not need (100-250 ms at start-up). The kiosk's pictures arrive already
scaled to their box (media.prepare), so the lines are built once, with runs of equal colours
merged, and every repaint after that is a lookup.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from typing import TYPE_CHECKING

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:  # Pillow itself is imported by whoever prepares the picture, after the title
    from PIL import Image as PILImage

UPPER_HALF = "▀"
KEPT = 16
"""Pictures whose lines are kept: a visitor coming back to a panel gets them without work."""

_kept: OrderedDict[int, tuple[weakref.ref[PILImage.Image], list[Strip]]] = OrderedDict()


def half_block_lines(image: PILImage.Image) -> list[Strip]:
    """One strip per two rows of `image`; built once for each prepared image (see KEPT)."""
    kept = _kept.get(id(image))
    if kept is not None and kept[0]() is image:
        _kept.move_to_end(id(image))
        return kept[1]
    lines = _build(image)
    _kept[id(image)] = (weakref.ref(image), lines)
    while len(_kept) > KEPT:
        _kept.popitem(last=False)
    return lines


Pixel = tuple[int, int, int] | None
"""An RGB pixel; None below an odd last row (the page's background shows there)."""


def _rows(image: PILImage.Image) -> list[list[Pixel]]:
    rgb = image.convert("RGB") if image.mode != "RGB" else image
    width, height = rgb.size
    data, stride = rgb.tobytes(), width * 3
    rows: list[list[Pixel]] = []
    for y in range(height):
        row = data[y * stride : (y + 1) * stride]
        rows.append(list(zip(row[0::3], row[1::3], row[2::3], strict=True)))
    if height % 2:
        rows.append([None] * width)
    return rows


def _build(image: PILImage.Image) -> list[Strip]:
    rows = _rows(image)
    colors: dict[Pixel, Color | None] = {None: None}
    styles: dict[tuple[Pixel, Pixel], Style] = {}
    lines: list[Strip] = []
    for top in range(0, len(rows), 2):
        runs: list[tuple[tuple[Pixel, Pixel], int]] = []
        for pair in zip(rows[top], rows[top + 1], strict=True):
            if runs and runs[-1][0] == pair:  # a run of one colour pair is one segment
                runs[-1] = (pair, runs[-1][1] + 1)
            else:
                runs.append((pair, 1))
        segments = []
        for pair, length in runs:
            style = styles.get(pair)
            if style is None:
                upper, lower = (_color(pixel, colors) for pixel in pair)
                style = styles[pair] = Style.from_color(upper, lower)
            segments.append(Segment(UPPER_HALF * length, style))
        lines.append(Strip(segments, image.width))
    return lines


def _color(pixel: Pixel, colors: dict[Pixel, Color | None]) -> Color | None:
    if pixel not in colors:
        colors[pixel] = Color.from_rgb(*pixel) if pixel else None
    return colors[pixel]


class HalfBlocks(Widget):
    """A picture of exactly its prepared size in half blocks; sized by whoever mounts it."""

    def __init__(self, image: PILImage.Image, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self._lines = half_block_lines(image)
        self._width = image.width

    def render_line(self, y: int) -> Strip:
        if y < len(self._lines):
            return self._lines[y]
        return Strip.blank(self._width)
