"""The timeline at the foot of a panel: where the panel sits in the exhibit's years, in words
and years.

    ├────┼─────────┼─────────┼─────────┼─────────┼──●━━━━━━━━━━━●─┤
    1905 1910      1920      1930      1940   August 1945 – December 1956

The scale runs from the exhibit's first year to its last, with labelled ticks every few years
(as many as fit, a blank cell at least between two labels); the panel's span is drawn bold
between two dots, and its period, in the curator's words and the visitor's language, is written
under it before any other label (its years when the words are wider than the screen). Two
panels of the same year (8–26 August 1945, 15 August – 10 October 1945) sit on the same
column: their words tell them apart. Only on panels: the title and the sources page have no
place on it. The layout is the core's (drawings/year_scale.py, tested at every width); this
widget only paints it.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from ...model import Panel, Span

GLYPHS = {"end": "", "line": "─", "tick": "┼", "current": "━", "dot": "●"}
"""The character of each kind of cell (the two ends: ├ and ┤)."""
CONSOLE = {**GLYPHS, "current": "═", "dot": "■"}
"""The Linux console's font has neither heavy lines nor a round dot: its own."""


class Timeline(Widget):
    """The strip as the core lays it out (drawings/year_scale.py), in the theme's styles."""

    COMPONENT_CLASSES = {"timeline--current", "timeline--tick"}

    def __init__(self, whole: Span, panels: tuple[Panel, ...], current: int) -> None:
        super().__init__()
        self.whole = whole
        self.panel = panels[current]
        self.span = self.panel.timeline

    def render(self) -> Text:
        width = self.size.width
        if width < 20:
            return Text("")
        from ...drawings.year_scale import strip  # drawn on panels: not before the title

        laid = strip(self.whole, width, self.span, self.panel.period)
        glyphs = CONSOLE if self.app.has_class("-console") else GLYPHS
        current = self.get_component_rich_style("timeline--current")
        # The panel's span in the accent; the first and last years in the plain text colour.
        line_style: dict[str, Style] = {"current": current, "dot": current}
        label_style = {"current": current, "end": self.get_component_rich_style("timeline--tick")}
        text = Text()
        for x, kind in enumerate(laid.cells):
            glyph = glyphs[kind] or ("├" if x == 0 else "┤")
            text.append(glyph, line_style.get(kind, ""))
        text.append("\n")
        column = 0
        for label in laid.labels:
            text.append(" " * (label.start - column))
            text.append(label.text, label_style.get(label.kind, ""))
            column = label.end
        return text
