"""A chart the terminal draws: bars to scale, every figure written out (exhibit/drawings)."""

from __future__ import annotations

from collections.abc import Sequence

from ...drawings.chart import chart_lines
from ...drawings.pieces import Line
from ...model import Chart, ImageRef
from .text_drawing import TextDrawing


class ChartWidget(TextDrawing):
    def __init__(self, image: ImageRef, *, fill: bool = False, to: str = "–") -> None:
        super().__init__(fill=fill, classes="drawn-chart")
        self.image = image
        self.to = to
        """What joins the two ends of a range, in the visitor's language."""

    def lines(self, width: int, height: int | None) -> Sequence[Line]:
        chart: Chart | None = self.image.chart
        return chart_lines(chart, self.image.legend, width, height, to=self.to) if chart else []
