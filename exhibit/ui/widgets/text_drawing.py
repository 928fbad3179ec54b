"""A drawing made of text (a chart, a timeline, a legend): laid out by exhibit/drawings for the
widget's width, and painted in the theme's colours, one component class per role, so that high
contrast and every other theme apply. A colour the curator gave a key (a bar's, a mark's) stays
that colour: it stands for the same colour in the picture or the chart."""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from ...drawings.pieces import ROLES, Line


class TextDrawing(Widget):
    """Draws `lines(width, height)`; as tall as its lines unless its height is set."""

    COMPONENT_CLASSES = {f"drawing--{role}" for role in ROLES}
    DEFAULT_CSS = """
    TextDrawing { height: auto; }
    """

    def __init__(self, *, fill: bool = False, classes: str = "") -> None:
        super().__init__(classes=f"text-drawing {classes}".strip())
        self.fill = fill
        """Use the whole height it is given (full screen): the lines are spaced out."""

    def lines(self, width: int, height: int | None) -> Sequence[Line]:
        raise NotImplementedError

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width, None))

    def render(self) -> Text:
        width, height = self.content_size
        styles = {role: self.get_component_rich_style(f"drawing--{role}") for role in ROLES}
        text = Text(no_wrap=True, overflow="crop", end="")
        for number, line in enumerate(self.lines(width, height if self.fill else None)):
            if number:
                text.append("\n")
            for piece in line:
                style = styles.get(piece.role, Style())
                if piece.colour:
                    style += Style(color=piece.colour)
                text.append(piece.text, style)
        return text
