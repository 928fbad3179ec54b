"""The navigation strip at the foot of a page: previous and next, every panel (the current one
marked), scrolling, language, index and help, each a touch target; the timeline below."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from ...journey import Do
from ...layout import PAGE_PADDING
from ...model import Exhibit
from ...text import cells
from ..words import LANGUAGE_NAMES, Words
from .target import Target
from .timeline import Timeline

TARGET_FRAME = 3
"""Columns a target takes besides its words: a column of padding each side, one after it."""


class NavItem(Target):
    """One panel's number and name; a touch goes there. Narrow strips show only the number
    (still three columns wide: a finger's width) except for the current panel."""

    def __init__(self, position: int, label: str, current: bool) -> None:
        self.full = f"{position} {label.upper() if current else label}"
        self.short = self.full if current else str(position)
        super().__init__(self.full, Do.PANEL, position, classes="nav-item")
        self.position = position
        self.set_class(current, "-current")

    def fit(self, full: bool) -> None:
        """Full name or number only."""
        self.update(Content(self.full if full else self.short))


class LanguageButton(Target):
    """The name of the next language, in that language; a touch switches."""

    def __init__(self, name: str) -> None:
        super().__init__(name, Do.LANGUAGE, classes="nav-language")


class NavStrip(Vertical):
    """All panels in order with the current one marked, the targets, and the timeline."""

    def __init__(
        self, exhibit: Exhibit, current: int | None, words: Words, next_language: str = ""
    ) -> None:
        super().__init__()
        self.exhibit = exhibit
        self.current = current
        self.words = words
        self.next_language = next_language
        """The language the button switches to; empty: no button (one language)."""

    def on_resize(self, event: events.Resize) -> None:
        # Every panel's name where the whole strip fits with them, else only the numbers
        # (and the current panel's name).
        width = event.size.width - 2 * PAGE_PADDING
        items = list(self.query(NavItem))
        others = [t for t in self.query(Target) if not isinstance(t, NavItem)]
        needed = sum(cells(item.full) + TARGET_FRAME for item in items)
        needed += sum(cells(str(t.content)) + TARGET_FRAME for t in others)
        for item in items:
            item.fit(needed <= width)

    def compose(self) -> ComposeResult:
        words = self.words
        # The Linux console's font (Terminus, Lat15) may lack the triangles: its own arrows.
        previous, next_, up, down = (
            ("←", "→", "↑", "↓")
            if self.app.has_class("-console")
            else (words.TARGET_PREVIOUS, words.TARGET_NEXT, words.TARGET_UP, words.TARGET_DOWN)
        )
        with Horizontal(classes="nav-items"):
            yield Target(previous, Do.PREVIOUS, classes="nav-previous")
            for number, panel in enumerate(self.exhibit.panels, start=1):
                yield NavItem(number, panel.label, number == self.current)
            yield Static(classes="nav-gap")
            # Shown only while the page's text is longer than the screen (base.py).
            yield Target(up, Do.UP, classes="nav-scroll")
            yield Target(down, Do.DOWN, classes="nav-scroll")
            if self.next_language:
                yield LanguageButton(LANGUAGE_NAMES.get(self.next_language, self.next_language))
            yield Target(words.NAV_INDEX, Do.INDEX, classes="nav-hints nav-index")
            yield Target(words.NAV_HELP, Do.HELP, classes="nav-hints nav-help")
            yield Target(next_, Do.NEXT, classes="nav-next")
        whole = self.exhibit.exhibit.timeline
        if whole is not None and self.current is not None:  # no ticks that mean nothing
            yield Timeline(whole, self.exhibit.panels, self.current - 1)
