"""A line of years in terminal cells: where the ticks go, and which labels fit under them.

Two things draw one: the timeline strip at the foot of a panel (ui/widgets/timeline.py) and a
timeline the terminal draws (timeline.py). Both take their tick step and place their labels
here, by one rule: a label is written only where it leaves at least one blank cell on each side
of every label already placed, so two years never run together ("19051910"), at any width and
in any language. Labels are placed in order of importance (the visitor's own panel, then the
first and last years, then the ticks), so when room is short the least important go.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Span
from ..text import cells


def steps() -> Iterator[int]:
    """Every tick step, smallest first: round numbers of years (1, 2, 5, 10, 20, 25, 50, 100,
    200, 250, 500, 1000, ...), as far as any span needs."""
    yield from (1, 2, 5)
    power = 10
    while True:
        yield from (power, 2 * power, 5 * power // 2, 5 * power)
        power *= 10


def tick_step(years: float, width: int, room: int) -> int:
    """The smallest step whose ticks stand `room` cells apart on `width` cells for `years`."""
    return next(s for s in steps() if s * max(1, width - 1) >= room * max(years, 1e-9))


def year_room(*years: int) -> int:
    """Cells a tick's year needs: its digits and a blank cell on each side."""
    return max(len(str(year)) for year in years) + 2


@dataclass(frozen=True)
class Label:
    """Words on the line of labels, from cell `start`."""

    start: int
    text: str
    kind: str
    """"current" (the visitor's panel), "end" (the first or last year) or "tick"."""

    @property
    def end(self) -> int:
        """The cell just after the label."""
        return self.start + cells(self.text)


class LabelLine:
    """One line of labels, each placed where asked unless it would touch one placed before."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.placed: list[Label] = []

    def place(self, text: str, at: int, kind: str, *, shift: bool = True) -> bool:
        """Put `text` at cell `at` (moved inside the line if `shift`, else dropped if it does
        not fit there); False if it would touch or overlap a label already placed."""
        size = cells(text)
        if size == 0 or size > self.width:
            return False
        if shift:
            at = max(0, min(at, self.width - size))
        elif at < 0 or at + size > self.width:
            return False
        # A blank cell between: the new label may start no sooner than one cell after another
        # ends, and must end one cell before another starts.
        if any(at <= other.end and other.start <= at + size for other in self.placed):
            return False
        self.placed.append(Label(at, text, kind))
        return True

    def labels(self) -> list[Label]:
        """The labels placed, left to right."""
        return sorted(self.placed, key=lambda label: label.start)

    def text(self) -> str:
        """The line as plain text, without trailing spaces."""
        out = ""
        for label in self.labels():
            out += " " * (label.start - cells(out)) + label.text
        return out


def column(year: int, whole: Span, width: int) -> int:
    """The cell of `year` on a line of `width` cells from whole.start to whole.end."""
    year = min(max(year, whole.start), whole.end)
    return round((year - whole.start) / max(1, whole.end - whole.start) * (width - 1))


def span_words(span: Span) -> str:
    """A span in years as anyone reads it: 1945, or 1945–1956."""
    return "–".join(dict.fromkeys((str(span.start), str(span.end))))


@dataclass(frozen=True)
class Strip:
    """The timeline strip at one width: what each cell of the line is, and the labels."""

    cells: tuple[str, ...]
    """Per cell: "end" (├ ┤), "line" (─), "tick" (┼), "current" (the panel's span) or "dot"
    (where the panel's span starts and ends)."""
    labels: tuple[Label, ...]
    ticks: tuple[int, ...]
    """The years ticked, whether or not their label found room."""


def strip(whole: Span, width: int, span: Span | None = None, words: str = "") -> Strip:
    """The strip from whole.start to whole.end, with the visitor's panel `span` marked and
    named by `words` (the curator's period, or its years when there are none or they do not
    fit the line). At least 2 cells wide."""
    width = max(2, width)
    years = max(1, whole.end - whole.start)
    step = tick_step(years, width, year_room(whole.start, whole.end))
    first_tick = (whole.start // step + 1) * step
    ticks = tuple(range(first_tick, whole.end, step))
    kinds = ["line"] * width
    for year in ticks:
        kinds[column(year, whole, width)] = "tick"
    kinds[0] = kinds[-1] = "end"
    line = LabelLine(width)
    if span is not None:
        first, last = column(span.start, whole, width), column(span.end, whole, width)
        kinds[first : last + 1] = ["current"] * (last + 1 - first)
        kinds[first] = kinds[last] = "dot"
        middle = (first + last) // 2
        for name in (words, span_words(span), str(span.start)):
            if line.place(name, middle - cells(name) // 2, "current"):
                break
    line.place(str(whole.start), 0, "end")
    line.place(str(whole.end), width - len(str(whole.end)), "end")
    for year in ticks:
        line.place(str(year), column(year, whole, width) - len(str(year)) // 2, "tick")
    return Strip(tuple(kinds), tuple(line.labels()), ticks)
