"""The exhibit as the kiosk sees it: immutable, validated, free of YAML and of Textual.

These classes are also the curator's contract: the loader validates `exhibit.yaml` against them
(unknown keys are errors) and the UI only ever reads them. Field docstrings live in
`msgspec.Meta(description=...)` so that error messages and, later, the editor schema share them.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

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


class ImageRef(Struct, frozen=True):
    """A photograph or illustration and the words that stand for it."""

    alt: Text
    file: str | None = None
    description: Text = ""
    caption: Text = ""
    credit: Text = ""


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
    body: Markdown = ""
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


class KioskSettings(Struct, frozen=True):
    """How the kiosk behaves when nobody is at it, and how staff close it."""

    demo_interval: Seconds = 20.0
    idle_timeout: Seconds = 120.0
    staff_exit: tuple[KeyName, ...] = ()
    """Keys that, typed in order within `staff_exit_seconds`, close the kiosk (empty: never)."""
    staff_exit_seconds: Seconds = 5.0


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
