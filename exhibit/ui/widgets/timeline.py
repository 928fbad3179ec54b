"""A one-line timeline: where the current panel sits in the exhibit's span of years."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from ...model import Span


class Timeline(Widget):
    """`1905 ──┼───━━━━●───── 1958`: panel starts as ticks, the current panel's span bold."""

    COMPONENT_CLASSES = {"timeline--current", "timeline--tick"}

    def __init__(self, whole: Span, spans: list[Span | None], current: int | None) -> None:
        super().__init__()
        self.whole = whole
        self.spans = spans
        self.current = current

    def render(self) -> Text:
        left, right = f"{self.whole.start} ", f" {self.whole.end}"
        width = self.size.width - len(left) - len(right)
        if width < 10:
            return Text("")
        years = max(1, self.whole.end - self.whole.start)

        def column(year: int) -> int:
            year = min(max(year, self.whole.start), self.whole.end)
            return round((year - self.whole.start) / years * (width - 1))

        cells = ["─"] * width
        styles = [""] * width
        tick = self.get_component_rich_style("timeline--tick")
        for span in self.spans:
            if span is not None:
                cells[column(span.start)] = "┼"
                styles[column(span.start)] = "tick"
        span = self.spans[self.current] if self.current is not None else None
        # The Linux console's font has neither heavy lines nor a round dot: use its own.
        bar, dot = ("═", "■") if self.app.has_class("-console") else ("━", "●")
        if span is not None:
            first, last = column(span.start), column(span.end)
            for x in range(first, last + 1):
                cells[x], styles[x] = bar, "current"
            cells[first] = cells[last] = dot
        current = self.get_component_rich_style("timeline--current")
        text = Text(left)
        for cell, style in zip(cells, styles, strict=True):
            text.append(cell, current if style == "current" else tick if style else "")
        text.append(right)
        return text
