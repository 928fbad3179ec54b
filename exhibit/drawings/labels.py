"""Where the words over a picture go, in terminal cells: each label beside its point, kept
inside the picture, never on top of another. A label that finds no room is handed back, so that
the UI lists it under the picture: no name is ever lost."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import MapLabel
from ..text import cells
from .pieces import fit


@dataclass(frozen=True)
class Placed:
    """A label's words at a row and column of the picture's box."""

    row: int
    col: int
    text: str
    kind: str


def point_of(label: MapLabel, cols: int, rows: int) -> tuple[int, int]:
    """The cell (column, row) of the label's point in a picture `cols` by `rows` cells."""
    return (
        min(cols - 1, max(0, math.floor(label.x * cols))),
        min(rows - 1, max(0, math.floor(label.y * rows))),
    )


def place_labels(
    labels: Sequence[MapLabel], cols: int, rows: int
) -> tuple[list[Placed], list[MapLabel]]:
    """(the labels placed, in their order; the ones that found no room)."""
    placed: list[Placed] = []
    left_out: list[MapLabel] = []
    taken: list[tuple[int, int, int]] = []  # row, first column, last column (with a gap)
    if cols < 1 or rows < 1:
        return placed, list(labels)
    for label in labels:
        text = fit(label.text, cols)
        width = cells(text)
        px, py = point_of(label, cols, rows)
        col, row = {
            "right": (px + 1, py),
            "left": (px - width, py),
            "above": (px - width // 2, py - 1),
            "below": (px - width // 2, py + 1),
            "centre": (px - width // 2, py),
        }[label.side]
        col = min(max(0, col), cols - width)
        for try_row in (row, row - 1, row + 1):
            if 0 <= try_row < rows and not any(
                r == try_row and first <= col + width and col <= last for r, first, last in taken
            ):
                placed.append(Placed(try_row, col, text, label.kind))
                taken.append((try_row, col - 1, col + width))
                break
        else:
            left_out.append(label)
    return placed, left_out
