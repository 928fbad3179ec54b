"""Which widget shows an image the terminal draws itself, or with words over its pixels.

The one place the image card and the full-screen view ask, so that a new kind of drawing is
added here only."""

from __future__ import annotations

from textual.widget import Widget

from ...model import ImageRef
from ..images import ImageSettings
from ..words import Words


def drawn_widget(
    image: ImageRef,
    settings: ImageSettings,
    words: Words,
    box: tuple[int, int] | None = None,
    *,
    fill: bool = False,
) -> Widget | None:
    """A chart or timeline (text: shown on every terminal, in description mode too), a picture
    with labels where the terminal shows pixels, or None for a plain picture or words."""
    if image.chart is not None:
        from .chart import ChartWidget

        return ChartWidget(image, fill=fill, to=words.RANGE)
    if image.timeline is not None:
        from .timeline_drawing import TimelineDrawingWidget

        return TimelineDrawingWidget(image, fill=fill, to=words.RANGE)
    if image.labels and image.file and settings.shows_pixels:
        from .labelled_map import LabelledMap

        return LabelledMap(image, settings, words, box)
    return None
