"""The exhibit as the kiosk sees it: immutable, validated, free of YAML and of Textual.

These classes are also the curator's contract: the loader validates `exhibit.yaml` against them
(unknown keys are errors) and the UI only ever reads them. Field docstrings live in
`msgspec.Meta(description=...)` so that error messages and, later, the editor schema share them.

The model is in three files: model_fields.py (the kinds of value and the strict base class),
model_pictures.py (images, charts, timelines, map labels) and this one (the exhibit, its
panels and settings), which re-exports them all: import any of them from here.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

from .hours import OpeningHours
from .model_fields import (
    TRANSLATABLE,
    Id,
    LanguageCode,
    Markdown,
    Seconds,
    SiteUrl,
    SourceId,
    StaffText,
    Struct,
    Text,
    Year,
)
from .model_pictures import (
    Chart,
    ChartBar,
    ChartGroup,
    Colour,
    Fraction,
    ImageRef,
    Key,
    LabelKind,
    MapLabel,
    Number,
    Side,
    TimelineDrawing,
    TimelineEvent,
    TimelinePeriod,
    When,
)

__all__ = [
    "TRANSLATABLE",
    "AnalyticsSettings",
    "Chart",
    "ChartBar",
    "ChartGroup",
    "Colour",
    "Exhibit",
    "ExhibitInfo",
    "Fact",
    "Fraction",
    "Id",
    "ImageRef",
    "Key",
    "KeyName",
    "KioskSettings",
    "LabelKind",
    "LanguageCode",
    "MapLabel",
    "Markdown",
    "Number",
    "Panel",
    "Seconds",
    "Side",
    "SiteUrl",
    "Source",
    "SourceId",
    "Span",
    "StaffText",
    "Struct",
    "Text",
    "TimelineDrawing",
    "TimelineEvent",
    "TimelinePeriod",
    "When",
    "Year",
]


class Span(Struct, frozen=True):
    """A span of years, used to place the exhibit and each panel on the timeline."""

    start: Year
    end: Year


class Fact(Struct, frozen=True):
    """One line of a panel's facts box."""

    label: Text
    text: Text


class Panel(Struct, frozen=True):
    """One themed panel of the exhibit."""

    id: Id
    title: Text
    theme: Text = ""
    period: Text = ""
    timeline: Span | None = None
    summary: Text = ""
    advisory: Text = ""
    """A content advisory the visitor sees, and may skip the panel at, before the panel."""
    lead: Markdown = ""
    """The short text read first (at most about 120 words, or 300 characters in Japanese)."""
    body: Markdown = ""
    """The second layer, which a visitor opens on purpose; shown alone when there is no lead."""
    facts: tuple[Fact, ...] = ()
    images: tuple[ImageRef, ...] = ()
    sources: tuple[SourceId, ...] = ()

    @property
    def label(self) -> str:
        """The short name shown in the navigation strip: the theme, or the id made readable."""
        return self.theme or self.id.replace("-", " ").capitalize()


class Source(Struct, frozen=True):
    """A published source that panels cite by id."""

    id: SourceId
    text: Text


class ExhibitInfo(Struct, frozen=True):
    """What the title screen and the closing view say about the exhibit as a whole."""

    title: Text
    subtitle: Text = ""
    intro: Markdown = ""
    timeline: Span | None = None
    credits: Markdown = ""
    languages: tuple[LanguageCode, ...] = ()
    """The languages the texts are written in, e.g. [en, ja]; empty for a one-language exhibit."""
    default_language: LanguageCode | None = None
    """The language a visitor first sees, and after each reset (default: the first listed)."""
    site_url: SiteUrl | None = None
    """Where `kiosk site` pages are published: panels then show a QR code of their page there."""


KeyName = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[a-z0-9_+]+$",
        max_length=30,
        description="a key name such as f12, x, 7, ctrl+e or escape",
    ),
]


class AnalyticsSettings(Struct, frozen=True):
    """What the kiosk records about its use: anonymous counts, never who (README: "What the
    kiosk records")."""

    record: bool = True
    """Record visits (pages, times, choices) in the kiosk's state folder; false records nothing."""
    keep_raw_days: Annotated[int, msgspec.Meta(ge=1, le=3650)] = 90
    """Days each visit's own events are kept before they are folded into daily totals."""


class KioskSettings(Struct, frozen=True):
    """How the kiosk behaves when nobody is at it, and how staff close it."""

    demo_interval: Seconds = 20.0
    idle_timeout: Seconds = 120.0
    staff_exit: tuple[KeyName, ...] = ()
    """Keys that, typed in order within `staff_exit_seconds`, close the kiosk (empty: never)."""
    staff_exit_seconds: Seconds = 5.0
    staff_status: tuple[KeyName, ...] = ()
    """Keys that, typed in order within `staff_exit_seconds`, open the staff status screen
    (version, last reload, uptime, memory, disk, log, visitor figures; empty: never)."""
    hours: OpeningHours | None = None
    """Opening hours; outside them the screen rests (without: always open)."""
    analytics: AnalyticsSettings = AnalyticsSettings()


class Exhibit(Struct, frozen=True):
    """A whole exhibit: the root of `exhibit.yaml`."""

    exhibit: ExhibitInfo
    panels: Annotated[tuple[Panel, ...], msgspec.Meta(min_length=1)]
    kiosk: KioskSettings = KioskSettings()
    sources: tuple[Source, ...] = ()

    @property
    def title(self) -> str:
        return self.exhibit.title

    @property
    def languages(self) -> tuple[str, ...]:
        """The exhibit's languages, the default first (empty for a one-language exhibit)."""
        info = self.exhibit
        default = info.default_language or (info.languages[0] if info.languages else None)
        if default is None:
            return ()
        return (default, *(code for code in info.languages if code != default))

    def source(self, source_id: str) -> Source | None:
        """The source with this id, if the exhibit defines it."""
        return next((s for s in self.sources if s.id == source_id), None)
