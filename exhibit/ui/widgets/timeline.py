"""The timeline at the foot of a panel: where the panel sits in the exhibit's years, in words
and years.

    ├────┼─────────┼─────────┼─────────┼─────────┼──●━━━━━━━━━━━●─┤
    1905 1910      1920      1930      1940   August 1945 – December 1956

The scale runs from the exhibit's first year to its last, with labelled ticks every few years
(as many as fit); the panel's span is drawn bold between two dots, and its period, in the
curator's words and the visitor's language, is written under it before any other label. Two
panels of the same year (8–26 August 1945, 15 August – 10 October 1945) sit on the same
column: their words tell them apart. Only on panels: the title and the sources page have no
place on it.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from ...model import Panel, Span
from ...text import cells

STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
"""Years between labelled ticks: the smallest that leaves room for each label."""
LABEL_ROOM = 6
"""Columns a tick's year needs: four digits and a gap."""


class Timeline(Widget):
    COMPONENT_CLASSES = {"timeline--current", "timeline--tick"}

    def __init__(self, whole: Span, panels: tuple[Panel, ...], current: int) -> None:
        super().__init__()
        self.whole = whole
        self.panel = panels[current]
        self.span = self.panel.timeline

    def column(self, year: int, width: int) -> int:
        whole = self.whole
        year = min(max(year, whole.start), whole.end)
        return round((year - whole.start) / max(1, whole.end - whole.start) * (width - 1))

    def render(self) -> Text:
        width = self.size.width
        if width < 20:
            return Text("")
        whole, span = self.whole, self.span
        years = max(1, whole.end - whole.start)
        step = next((s for s in STEPS if s * (width - 1) / years >= LABEL_ROOM), years)
        ticks = [y for y in range((whole.start // step + 1) * step, whole.end, step)]
        bar = ["─"] * width
        kinds = [""] * width
        bar[0], bar[-1] = "├", "┤"
        for year in ticks:
            bar[self.column(year, width)] = "┼"
        # The Linux console's font has neither heavy lines nor a round dot: use its own.
        heavy, dot = ("═", "■") if self.app.has_class("-console") else ("━", "●")
        if span is not None:
            first, last = self.column(span.start, width), self.column(span.end, width)
            for x in range(first, last + 1):
                bar[x], kinds[x] = heavy, "current"
            bar[first] = bar[last] = dot
        labels = Labels(width)
        if span is not None:
            words = self.panel.period or "–".join(dict.fromkeys((str(span.start), str(span.end))))
            middle = (self.column(span.start, width) + self.column(span.end, width)) // 2
            labels.place(words, middle - cells(words) // 2, "current")
        labels.place(str(whole.start), 0, "tick")
        labels.place(str(whole.end), width - len(str(whole.end)), "tick")
        for year in ticks:
            labels.place(str(year), self.column(year, width) - 2, "")
        current = self.get_component_rich_style("timeline--current")
        tick = self.get_component_rich_style("timeline--tick")
        style: dict[str, Style | str] = {"current": current, "tick": tick, "": ""}
        text = Text()
        for cell, kind in zip(bar, kinds, strict=True):
            text.append(cell, style[kind])
        text.append("\n")
        for part, kind in labels.parts():
            text.append(part, style[kind])
        return text


class Labels:
    """One line of labels, each placed where asked unless it would touch one placed before."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.placed: list[tuple[int, int, str, str]] = []
        """(first column, end column, words, kind), in the order placed."""

    def place(self, words: str, at: int, kind: str) -> None:
        size = cells(words)
        if size > self.width:
            return
        at = max(0, min(at, self.width - size))
        end = at + size
        if any(at <= e and s <= end for s, e, _, _ in self.placed):  # a column apart at least
            return
        self.placed.append((at, end, words, kind))

    def parts(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        column = 0
        for start, end, words, kind in sorted(self.placed):
            out.append((" " * (start - column), ""))
            out.append((words, kind))
            column = end
        return out
