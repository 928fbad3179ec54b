"""The pictures of an exhibit: photographs and illustrations (ImageRef), and the pictures the
terminal draws itself from data: bar charts, timelines and the words over a map.

Charts, timelines and the words over a map are written here as data and drawn as text, so
they stay sharp at every size, in every language and in high contrast, and can be read aloud
(exhibit/drawings lays them out; the UI only paints the result). Part of the model: import
them from exhibit.model.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from .model_fields import Id, StaffText, Struct, Text

Number = Annotated[float, msgspec.Meta(description="a number, e.g. 594000 or 2.5")]
Fraction = Annotated[
    float,
    msgspec.Meta(ge=0, le=1, description="a fraction of the picture, from 0 (left or top) to 1"),
]
Colour = Annotated[
    str,
    msgspec.Meta(pattern=r"^#[0-9A-Fa-f]{6}$", description="a colour such as #E07A6A"),
]
When = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^-?[0-9]{1,4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
        description="a date: a year (1945), a month (1945-08) or a day (1945-08-09)",
    ),
]
Side = Annotated[
    Literal["left", "right", "above", "below", "centre"],
    msgspec.Meta(
        description="where the words go from the point: left, right, above, below or centre"
    ),
]
LabelKind = Annotated[
    Literal["place", "area", "note"],
    msgspec.Meta(description="place (a town: bold), area (a region: quiet) or note (emphasis)"),
]


class Key(Struct, frozen=True):
    """One line of a legend: a mark in a colour and what it stands for."""

    label: Text
    id: Id | None = None
    """Bars and periods name their key by this id, and are drawn in its colour."""
    colour: Colour | None = None
    """The colour in the picture (for a map) or of the bars (for a chart); default the accent."""
    mark: Annotated[str, msgspec.Meta(max_length=3, description="a symbol such as ● ■ ➜")] = "■"


class ChartBar(Struct, frozen=True):
    """One bar: a value, or a range from `low` to `high`."""

    label: Text
    detail: Text = ""
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    about: bool = False
    """An approximate figure: shown with ≈ before it."""
    disputed: bool = False
    """Drawn as an outline, never a solid bar."""
    shown: Text = ""
    """The figure as the visitor reads it, when the number alone would say it wrongly."""
    key: Id | None = None


class ChartGroup(Struct, frozen=True):
    """Bars under one heading, e.g. "Held" and "Died"."""

    bars: Annotated[tuple[ChartBar, ...], msgspec.Meta(min_length=1)]
    title: Text = ""


class Chart(Struct, frozen=True):
    """A bar chart the terminal draws: groups of labelled bars on one scale."""

    groups: Annotated[tuple[ChartGroup, ...], msgspec.Meta(min_length=1)]
    title: Text = ""
    unit: Text = ""
    """What the numbers count, e.g. people; said after each figure when read aloud."""
    note: Text = ""


class TimelineEvent(Struct, frozen=True):
    """A dated event, marked on the line."""

    when: When
    label: Text
    date: Text = ""
    """The date as the visitor reads it (default: `when` as written)."""


class TimelinePeriod(Struct, frozen=True):
    """A span of time, drawn as a band under the line."""

    start: When
    end: When
    label: Text
    key: Id | None = None


class TimelineDrawing(Struct, frozen=True):
    """A timeline the terminal draws: events on a line, periods as bands below it."""

    events: tuple[TimelineEvent, ...] = ()
    periods: tuple[TimelinePeriod, ...] = ()
    title: Text = ""


class MapLabel(Struct, frozen=True):
    """Words over a picture at a point given as fractions of its width and height."""

    text: Text
    x: Fraction
    y: Fraction
    side: Side = "centre"
    kind: LabelKind = "place"


class ImageRef(Struct, frozen=True):
    """A photograph or illustration and the words that stand for it."""

    alt: Text
    file: str | None = None
    description: Text = ""
    caption: Text = ""
    credit: Text = ""
    rights: StaffText = ""
    """Staff only: who holds the rights and whether they are cleared; `--check` lists it, the
    kiosk never shows it (keep credit lines for what visitors may read)."""
    chart: Chart | None = None
    """A chart drawn by the terminal, instead of a picture file."""
    timeline: TimelineDrawing | None = None
    """A timeline drawn by the terminal, instead of a picture file."""
    labels: tuple[MapLabel, ...] = ()
    """Place names over the picture file, drawn as text in the visitor's language."""
    legend: tuple[Key, ...] = ()
    """What the colours and marks mean, under the picture, chart or timeline."""

    @property
    def drawn(self) -> bool:
        """Drawn by the terminal as text (a chart or timeline), not a picture file."""
        return self.chart is not None or self.timeline is not None
