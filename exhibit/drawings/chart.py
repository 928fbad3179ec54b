"""A bar chart as lines of text: a label column, bars on one scale, each figure written out.

    Held
    Marshal Vasilevsky    ███████████████████▌ 594,000
      memoir
    UNESCO                           ██████████ 600,000–800,000
                          ┼─────────┼─────────┼
                          0     400,000  800,000

Where the width leaves too little room beside the labels, each label stands on its own line
above its bar. Bars are drawn in half cells (█ and ▌), disputed ones in a light shade (░);
all four glyphs are in the Linux console's font.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Chart, ChartBar, Key
from ..text import cells
from .pieces import Line, Piece, colours, fit, legend_lines, number, pad, wrap

MIN_BAR = 12
"""Fewer cells than this beside the labels, and labels go above their bars."""
LABEL_SHARE = 0.4
"""At most this share of the width for the label column."""


@dataclass(frozen=True)
class Span:
    """Where a bar starts and ends on the scale, and its figure as text."""

    low: float
    high: float
    figure: str


def span_of(bar: ChartBar, to: str = "–") -> Span | None:
    """The bar's extent; None when it has neither a value nor a whole range (--check says so).
    `to` joins the two ends of a range (〜 in Japanese)."""
    about = "≈" if bar.about else ""
    if bar.value is not None:
        low, high = min(0.0, bar.value), max(0.0, bar.value)
        figure = f"{about}{number(bar.value)}"
    elif bar.low is not None and bar.high is not None:
        low, high = bar.low, bar.high
        figure = f"{about}{number(bar.low)}{to}{number(bar.high)}"
    else:
        return None
    return Span(low, high, bar.shown or figure)


def nice_step(top: float, ticks: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) that divides 0..top into about `ticks`."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    return next(f * power for f in (1, 2, 5, 10) if f * power >= raw)


def chart_lines(
    chart: Chart, legend: Sequence[Key], width: int, height: int | None = None, to: str = "–"
) -> list[Line]:
    """The chart in `width` cells; with a `height`, bars are spaced out to use it."""
    width = max(20, width)
    bars = [bar for group in chart.groups for bar in group.bars]
    spans = {id(bar): span_of(bar, to) for bar in bars}
    known = [s for s in spans.values() if s is not None]
    top = max((s.high for s in known), default=1.0) or 1.0
    label_w = min(
        max(max(cells(bar.label), cells(bar.detail) + 2) for bar in bars),
        int(width * LABEL_SHARE),
    )
    beside = width - label_w - 1 >= MIN_BAR + max((cells(s.figure) for s in known), default=1)
    indent = label_w + 1 if beside else 0
    room = width - indent
    step = nice_step(top, max(1, min(4, room // 12)))
    scale = math.ceil(top / step) * step
    # As long as every bar still has its figure after it, on the same line.
    bar_w = min(
        [room - 1]
        + [math.floor((room - 1 - cells(s.figure)) / (s.high / scale)) for s in known if s.high]
    )
    bar_w = max(4, bar_w)
    colour_of = colours(legend)

    body: list[list[Line]] = []  # one block of lines per bar, groups' headings as blocks too
    for number_in_group, group in enumerate(chart.groups):
        heading: list[Line] = []
        if number_in_group:
            heading.append(())
        if group.title:
            heading.append((Piece(fit(group.title, width), "heading"),))
        if heading:
            body.append(heading)
        for bar in group.bars:
            span = spans[id(bar)]
            drawn = _bar(span, bar, scale, bar_w, colour_of.get(bar.key or ""))
            block: list[Line] = []
            if beside:
                block.append((Piece(pad(bar.label, label_w), "label"), Piece(" "), *drawn))
                for more in wrap(bar.detail, label_w - 2) if bar.detail else ():
                    block.append((Piece(pad("  " + more, label_w), "detail"),))
            else:
                block.append((Piece(fit(bar.label, width), "label"),))
                for more in wrap(bar.detail, width - 2) if bar.detail else ():
                    block.append((Piece("  " + more, "detail"),))
                block.append(drawn)
            body.append(block)

    head: list[Line] = []
    if chart.title:
        head.append((Piece(fit(chart.title, width), "title"),))
    if chart.unit:
        head.append((Piece(fit(f"({chart.unit})", width), "muted"),))
    if head:
        head.append(())
    foot: list[Line] = [()] if legend or chart.note else []
    foot += legend_lines(legend, width)
    foot += [(Piece(line, "muted"),) for line in wrap(chart.note, width)] if chart.note else []
    axis = _axis(scale, step, bar_w, indent)

    bar_blocks = sum(1 for block in body if block and block[0] and block[0][0].role != "heading")
    rows = len(head) + sum(map(len, body)) + len(axis) + len(foot)
    spaced = height is not None and rows + bar_blocks <= height
    lines = list(head)
    for block in body:
        lines += block
        if spaced and block[-1] and block[-1][0].role != "heading":
            lines.append(())
    return [*lines, *axis, *foot]


def _bar(span: Span | None, bar: ChartBar, scale: float, bar_w: int, colour: str | None) -> Line:
    """The bar in half cells, then its figure."""
    if span is None:
        return (Piece("?", "muted"),)
    start = round(span.low / scale * bar_w * 2)
    end = max(start + 1, round(span.high / scale * bar_w * 2))
    glyph, role = ("░", "outline") if bar.disputed else ("█", "bar")
    halves = {
        "11": glyph,
        "10": "▌" if glyph == "█" else glyph,
        "01": "▐" if glyph == "█" else glyph,
    }
    lead = start // 2
    solid = ""
    for cell in range(lead, (end + 1) // 2):
        solid += halves[f"{int(start <= 2 * cell < end)}{int(start <= 2 * cell + 1 < end)}"]
    return (Piece(" " * lead), Piece(solid, role, colour), Piece(" " + span.figure, "value"))


def _axis(scale: float, step: float, bar_w: int, indent: int) -> list[Line]:
    """The scale under the bars: a rule with ticks, and the tick values where they fit (the
    first and the last always)."""
    ticks = [i * step for i in range(round(scale / step) + 1)]
    rule = ["─"] * (bar_w + 1)
    words = [" "] * (bar_w + 1)
    places: list[tuple[int, str]] = []
    for value in ticks:
        at = min(bar_w, round(value / scale * bar_w))
        rule[at] = "┼"
        label = number(value)
        places.append((max(0, min(at - cells(label) // 2, bar_w + 1 - cells(label))), label))
    last_at, last = places[-1]
    free = 0
    for left, label in places[:-1]:
        if left >= free and left + len(label) + 2 <= last_at:
            words[left : left + len(label)] = list(label)
            free = left + len(label) + 2
    words[last_at : last_at + len(last)] = list(last)
    return [
        (Piece(" " * indent), Piece("".join(rule), "axis")),
        (Piece(" " * indent), Piece("".join(words).rstrip(), "muted")),
    ]
