"""A drawn chart or timeline as plain sentences, for the audio description and for visitors who
read the words instead of the picture. Every figure and date is said; the sentences are built
only from the curator's own words, so they are in the visitor's language."""

from __future__ import annotations

from ..model import ImageRef
from .chart import span_of as bar_span
from .timeline import whole_year, year_of


def sentences(image: ImageRef) -> list[str]:
    """What the drawing shows, one sentence per bar, event or period (empty for a photograph);
    then the labels over a map and the legend."""
    said: list[str] = []
    chart, timeline = image.chart, image.timeline
    if chart is not None:
        said += [chart.title] if chart.title else []
        unit = f" {chart.unit}" if chart.unit else ""
        for group in chart.groups:
            said += [f"{group.title}:"] if group.title else []
            for bar in group.bars:
                span = bar_span(bar)
                name = f"{bar.label}, {bar.detail}" if bar.detail else bar.label
                said.append(f"{name}: {span.figure if span else '?'}{unit}.")
        said += [chart.note] if chart.note else []
    if timeline is not None:
        said += [timeline.title] if timeline.title else []
        for event in sorted(timeline.events, key=lambda e: year_of(e.when)):
            said.append(f"{event.date or event.when}: {event.label}.")
        for period in timeline.periods:
            start, end = whole_year(period.start), whole_year(period.end)
            years = start if start == end else f"{start}–{end}"
            said.append(f"{years}: {period.label}.")
    if image.labels:
        said.append(", ".join(label.text for label in image.labels) + ".")
    used = {p.key for p in timeline.periods} if timeline else set()
    said += [f"{key.label}." for key in image.legend if key.id not in used]
    return said
