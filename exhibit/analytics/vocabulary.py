"""Everything the kiosk may record, and the checks that keep anything else out.

A closed vocabulary is the privacy guarantee: an event holds a kind, a time and, at most, an id
from the exhibit file (one of its panel ids, a language code), a small number, or a word from
the lists below. Nothing a visitor types, no key names, no identifiers. A value that does not
fit is dropped, never stored (see `allowed`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from enum import IntEnum


class Kind(IntEnum):
    """The kinds of event, stored as small integers."""

    START = 1
    """A visit began; name: its origin (ORIGINS), value: the exhibit's number of panels."""
    CHOICE = 2
    """A visitor's choice is now in force; name: one of CHOICES, value: its new value."""
    PAGE = 3
    """A page is on screen; name: a panel id or one of the PAGES."""
    IMAGE = 4
    """A picture opened full screen; name: its panel id, value: its number on the panel (0..)."""
    SKIP = 5
    """A content advisory skipped; name: the panel id."""
    MORE = 6
    """A panel's second layer of text opened; name: the panel id."""
    TOUCH = 7
    """Visitor input (keys, touches), value: how many since the last such event."""
    END = 8
    """The visit ended; name: why (REASONS)."""


STOP, EXHIBIT, ATTRACT = "stop", "exhibit", "attract"
"""The recorder's queue items that are not events: close, a new exhibit, the attract loop
began (here, not in writer.py, so that the recorder queues them before it imports the
writer and SQLite, once the title is on screen)."""
Item = tuple[str | Kind, float, str, str]
"""(kind, clock time, name, value), as queued by the UI thread."""

ORIGINS = ("attract", "title")
"""Where a visit began: during the attract loop, or at the title screen."""
REASONS = ("idle", "next_visitor", "closed", "interrupted")
"""Why a visit ended: idle reset, a new visitor, the kiosk closed, or unknown (power cut)."""
CHOICES = ("language", "describe", "contrast", "large", "audio")
"""The visitor's choices; all but language are switched "on" or "off"."""
MODES = CHOICES[1:]
"""The choices that are modes, counted in the report as the share of visits using each."""
SWITCH = ("on", "off")
TITLE, CLOSING, INDEX, HELP = ":title", ":closing", ":index", ":help"
PAGES = (TITLE, CLOSING, INDEX, HELP)
"""Pages that are not panels. The colon keeps them apart from panel ids, which have none."""

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def is_panel_id(text: str) -> bool:
    """A panel id as exhibit.yaml allows it (model.Id)."""
    return len(text) <= 40 and _ID.fullmatch(text) is not None


def allowed(kind: Kind, name: str, value: str, panels: Collection[str] | None = None) -> bool:
    """Whether an event fits the vocabulary; one that does not is never stored. With
    `panels`, a panel name must also be one of the exhibit's panel ids."""

    def is_panel(text: str) -> bool:
        return is_panel_id(text) and (panels is None or text in panels)

    if kind is Kind.START:
        return name in ORIGINS and value.isdigit() and len(value) <= 4
    if kind is Kind.CHOICE:
        if name == "language":
            return len(value) <= 20 and _LANGUAGE.fullmatch(value) is not None
        return name in CHOICES and value in SWITCH
    if kind is Kind.PAGE:
        return value == "" and (name in PAGES or is_panel(name))
    if kind is Kind.IMAGE:
        return is_panel(name) and value.isdigit() and len(value) <= 3
    if kind in (Kind.SKIP, Kind.MORE):
        return value == "" and is_panel(name)
    if kind is Kind.TOUCH:
        return name == "" and (value == "" or value.isdigit())
    return kind is Kind.END and name in REASONS and value == ""
