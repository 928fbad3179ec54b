"""The output of every layout: lines of pieces, each a text with a role (and a colour)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..line_breaks import break_offsets
from ..model import Key
from ..text import cells

ROLES = (
    "title",  # the drawing's title
    "heading",  # a group of bars
    "label",  # what a bar or an event is
    "detail",  # a second, quieter line under a label
    "value",  # a figure as text
    "bar",  # a solid bar or band, in its key's colour
    "outline",  # a disputed bar: drawn, but not solid
    "axis",  # the scale or the time line
    "muted",  # notes, tick labels, dates
    "mark",  # a legend or event mark, in its key's colour
    "plain",  # spaces and anything else
)
"""Every role a piece may have; the UI's stylesheet has one rule for each."""


@dataclass(frozen=True)
class Piece:
    text: str
    role: str = "plain"
    colour: str | None = None
    """A curator's colour (#RRGGBB) for a bar or mark; None: the theme's accent."""


Line = tuple[Piece, ...]


def line_text(line: Line) -> str:
    return "".join(piece.text for piece in line)


def plain_text(lines: Sequence[Line]) -> str:
    """The drawing as plain text, one line per row, trailing spaces removed (for tests)."""
    return "\n".join(line_text(line).rstrip() for line in lines)


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells, with … where it was cut."""
    if cells(text) <= width:
        return text
    out = ""
    for char in text:
        if cells(out + char) > width - 1:
            break
        out += char
    return out + "…" if width > 0 else ""


def pad(text: str, width: int) -> str:
    """`text` fitted to exactly `width` cells."""
    text = fit(text, width)
    return text + " " * (width - cells(text))


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells, broken where the kiosk breaks any text
    (line_breaks.py): at spaces, and in Japanese between characters but never before 。、」
    and the like nor inside a number such as 1945 (folded only when wider than the line)."""
    width = max(1, width)
    ends = [0, *break_offsets(text, width, cell_width=cells), len(text)]
    lines = [text[start:end].strip() for start, end in pairwise(ends)]
    return [line for line in lines if line] or [""]


def number(value: float) -> str:
    """A figure as a visitor reads it: 594,000 or 2.5."""
    if math.isclose(value, round(value)):
        return f"{round(value):,}"
    return f"{value:,.6g}" if abs(value) < 1000 else f"{value:,.1f}"


def colours(legend: Sequence[Key]) -> dict[str, str | None]:
    """Each key id's colour."""
    return {key.id: key.colour for key in legend if key.id}


def legend_lines(legend: Sequence[Key], width: int, extra: Sequence[Key] = ()) -> list[Line]:
    """The legend as runs of "■ what it means", as many on a line as fit."""
    lines: list[Line] = []
    current: list[Piece] = []
    used = 0
    for key in (*legend, *extra):
        words = fit(key.label, max(1, width - cells(key.mark) - 1))
        size = cells(key.mark) + 1 + cells(words)
        if current and used + 3 + size > width:
            lines.append(tuple(current))
            current, used = [], 0
        if current:
            current.append(Piece("   "))
            used += 3
        current += [Piece(key.mark, "mark", key.colour), Piece(" " + words, "plain")]
        used += size
    if current:
        lines.append(tuple(current))
    return lines
