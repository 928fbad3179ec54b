"""The exhibit as the kiosk sees it: immutable, validated, free of YAML and of Textual.

These classes are also the curator's contract: the loader validates `exhibit.yaml` against them
(unknown keys are errors) and the UI only ever reads them. Field docstrings live in
`msgspec.Meta(description=...)` so that error messages and, later, the editor schema share them.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from .hours import OpeningHours

TRANSLATABLE = "x-translatable"
"""Marks a visitor-facing field: in exhibit.yaml it may be one text per language (see
languages.py, which gives the model one plain text per language before validation)."""

Text = Annotated[
    str,
    msgspec.Meta(
        description="text, or one text per language (en: ..., ja: ...)",
        extra_json_schema={TRANSLATABLE: True},
    ),
]
"""A visitor-facing text, in the edition's language."""

Markdown = Annotated[
    str,
    msgspec.Meta(
        description="text (Markdown), or one text per language (en: |, ja: |)",
        extra_json_schema={TRANSLATABLE: True},
    ),
]
"""Visitor-facing Markdown (links are shown as plain text, never opened)."""

StaffText = Annotated[
    str,
    msgspec.Meta(description="a note for staff, in one language; never shown to visitors"),
]
"""Text for staff only (not translated: the kiosk never shows it)."""

LanguageCode = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        max_length=20,
        description="a language code such as en, ja or pt-BR",
    ),
]

Id = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        max_length=40,
        description="an id: lowercase letters, digits and single hyphens, e.g. 'formation'",
    ),
]
SourceId = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
        max_length=20,
        description="a source id: letters, digits, '.', '_' or '-', e.g. 'S1'",
    ),
]
SiteUrl = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^https?://[^\s/?#]+[^\s]*$",
        max_length=200,
        description="the web address of the exhibit's website (made with `kiosk site`), "
        "e.g. https://museum.example/exhibit/",
    ),
]
Year = Annotated[int, msgspec.Meta(ge=-10000, le=10000, description="a year, e.g. 1945")]
Seconds = Annotated[
    float, msgspec.Meta(ge=1, le=86400, description="a number of seconds, at least 1")
]


class Struct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Base of every model class: immutable, and strict about unknown keys."""


class Span(Struct, frozen=True):
    """A span of years, used to place the exhibit and each panel on the timeline."""

    start: Year
    end: Year


class Fact(Struct, frozen=True):
    """One line of a panel's facts box."""

    label: Text
    text: Text


# Pictures the terminal draws itself ------------------------------------------------------
# Charts, timelines and the words over a map are written here as data and drawn as text, so
# they stay sharp at every size, in every language and in high contrast, and can be read aloud
# (drawings.py lays them out; the UI only paints the result).

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
