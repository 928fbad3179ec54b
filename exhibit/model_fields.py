"""The kinds of value exhibit.yaml is made of: texts (translatable or for staff), ids, years,
and the strict, frozen base every model class shares. model.py and model_pictures.py build on
these; nothing here imports Textual or reads YAML.
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
