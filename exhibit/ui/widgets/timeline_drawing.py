"""A timeline the terminal draws: marks on a line of years, periods as bands, every date
written out (exhibit/drawings). Not the navigation strip's timeline (timeline.py)."""

from __future__ import annotations

from collections.abc import Sequence

from ...drawings.pieces import Line
from ...drawings.timeline import timeline_lines
from ...model import ImageRef
from .text_drawing import TextDrawing


class TimelineDrawingWidget(TextDrawing):
    def __init__(self, image: ImageRef, *, fill: bool = False, to: str = "–") -> None:
        super().__init__(fill=fill, classes="drawn-timeline")
        self.image = image
        self.to = to
        """What joins the two ends of a range, in the visitor's language."""

    def lines(self, width: int, height: int | None) -> Sequence[Line]:
        drawing = self.image.timeline
        return timeline_lines(drawing, self.image.legend, width, self.to) if drawing else []
