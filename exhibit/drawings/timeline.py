"""A timeline as lines of text: numbered marks on a line of years, periods as bands under it,
then every event and period written out with its date.

     1  2       3          45            6      7  8 9
    ─┼────────┼─────────┼─────────┼─────────┼─────────┼──
    1905      1915      1925      1935      1945      1955
      ████████████████████████████████████████▓▓▓▓▓▓▓▓▓▓▓
                              ███████████████  ██████████████
    1  5 Sep 1905   Treaty of Portsmouth
    ...
    ■ Kwantung Army  1919–1945

The drawn part gives the shape of the years; the list says everything in words, so nothing is
lost on a narrow screen.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from ..model import Key, TimelineDrawing
from ..text import cells
from .pieces import Line, Piece, colours, legend_lines, pad, wrap
from .year_scale import LabelLine, tick_step, year_room

MARKS = "123456789abcdefghijklmnopqrstuvwxyz"
"""Event marks, in date order: one character each, so that close events stay apart."""


def year_of(when: str) -> float:
    """A date as a fractional year: 1945 → 1945.0, 1945-08 → 1945.58, 1945-08-09 → 1945.6."""
    negative = when.startswith("-")
    parts = [int(p) for p in when.lstrip("-").split("-")]
    year = -parts[0] if negative else parts[0]
    month = parts[1] if len(parts) > 1 else 1
    day = parts[2] if len(parts) > 2 else 1
    return year + (month - 1) / 12 + (day - 1) / 365


def whole_year(when: str) -> str:
    """The year of a date, as written."""
    return ("-" if when.startswith("-") else "") + when.lstrip("-").split("-")[0]


def span_of(drawing: TimelineDrawing) -> tuple[float, float]:
    """The years the line covers: from the first whole year to past the last date."""
    years = [year_of(e.when) for e in drawing.events]
    years += [year_of(w) for p in drawing.periods for w in (p.start, p.end)]
    if not years:
        return (0.0, 1.0)
    return (math.floor(min(years)), math.floor(max(years)) + 1)


def timeline_lines(
    drawing: TimelineDrawing, legend: Sequence[Key], width: int, to: str = "–"
) -> list[Line]:
    """The timeline in `width` cells; `to` joins the years of a period (〜 in Japanese)."""
    width = max(20, width)
    first, last = span_of(drawing)
    scale = (width - 1) / (last - first)

    def col(year: float) -> int:
        return min(width - 1, max(0, round((year - first) * scale)))

    lines: list[Line] = []
    if drawing.title:
        lines += [(Piece(line, "title"),) for line in wrap(drawing.title, width)] + [()]
    events = sorted(drawing.events, key=lambda e: year_of(e.when))
    lines += _mark_rows([col(year_of(e.when)) for e in events], width)
    lines += _axis(first, last, col, width)
    colour_of = colours(legend)
    bands = [_band(col, p.start, p.end) for p in drawing.periods]
    for lane in _lanes(bands):
        band: list[Piece] = []
        names: list[Piece] = []
        at = 0
        for index in lane:
            period, (start, end) = drawing.periods[index], bands[index]
            colour = colour_of.get(period.key or "")
            # A half cell at the end keeps two periods that meet apart.
            solid = "█" * (end - start - 1) + "▌"
            band += [Piece(" " * (start - at)), Piece(solid, "bar", colour)]
            names += [
                Piece(" " * (start - at)),
                Piece(pad(period.label, end - start - 1) + " ", "detail"),
            ]
            at = end
        lines += [tuple(band), tuple(names)]
    lines.append(())

    rows = [
        (Piece(mark, "mark"), event.date or event.when, event.label)
        for mark, event in zip(MARKS, events, strict=False)
    ]
    rows += [
        (Piece("█", "mark", colour_of.get(p.key or "")), _years(p.start, p.end, to), p.label)
        for p in drawing.periods
    ]
    date_w = min(max((cells(date) for _, date, _ in rows), default=0), width // 2)
    for number, (mark, date, label) in enumerate(rows):
        if number == len(events) and events:
            lines.append(())
        text = wrap(label, width - date_w - 4)
        lines.append(
            (
                mark,
                Piece(" "),
                Piece(pad(date, date_w), "muted"),
                Piece("  "),
                Piece(text[0], "label"),
            )
        )
        lines += [(Piece(" " * (date_w + 4)), Piece(more, "label")) for more in text[1:]]
    extra = [key for key in legend if key.id not in {p.key for p in drawing.periods}]
    if extra:
        lines += [(), *legend_lines(extra, width)]
    return lines


def _years(start: str, end: str, to: str) -> str:
    a, b = whole_year(start), whole_year(end)
    return a if a == b else f"{a}{to}{b}"


def _mark_rows(columns: Sequence[int], width: int) -> list[Line]:
    """Each event's mark at its column; a mark that would touch another goes a row up."""
    rows: list[list[str]] = []
    for mark, at in zip(MARKS, columns, strict=False):
        for row in rows:
            if all(row[c] == " " for c in range(max(0, at - 1), min(width, at + 2))):
                break
        else:
            row = [" "] * width
            rows.insert(0, row)
        row[at] = mark
    return [(Piece("".join(row).rstrip(), "mark"),) for row in rows]


def _axis(first: float, last: float, place: Callable[[float], int], width: int) -> list[Line]:
    """The line of years, a tick at every step, each tick's year from its tick where it fits."""
    step = tick_step(last - first, width, year_room(int(first), int(last)))
    rule = ["─"] * width
    words = LabelLine(width)
    year = math.ceil(first / step) * step
    while year <= last:
        at = place(year)
        rule[at] = "┼"
        words.place(str(int(year)), at, "tick", shift=False)
        year += step
    return [(Piece("".join(rule), "axis"),), (Piece(words.text(), "muted"),)]


def _band(col: Callable[[float], int], start: str, end: str) -> tuple[int, int]:
    """The cells a period covers, from its start to just before its end (at least one)."""
    first = col(year_of(start))
    return (first, max(first + 1, col(year_of(end))))


def _lanes(spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Periods in rows, each row's periods side by side without overlapping (first fit)."""
    lanes: list[list[int]] = []
    ends: list[int] = []
    for index in sorted(range(len(spans)), key=lambda i: spans[i]):
        start, end = spans[index]
        for lane, lane_end in enumerate(ends):
            if start >= lane_end:
                lanes[lane].append(index)
                ends[lane] = end
                break
        else:
            lanes.append([index])
            ends.append(end)
    return lanes
