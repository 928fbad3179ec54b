"""The navigation strip at the foot of a page: every panel, the current one marked."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from ...journey import Do
from ...layout import COMPACT
from ...model import Exhibit
from ..messages import Asked
from ..words import LANGUAGE_NAMES, Words
from .timeline import Timeline


class NavItem(Static):
    """One panel's number and name; clicking or touching it goes there."""

    def __init__(self, position: int, label: str, current: bool) -> None:
        self.full = f"{position} {label.upper() if current else label}"
        self.short = self.full if current else str(position)
        super().__init__(Content(self.full), classes="nav-item")
        self.position = position
        self.set_class(current, "-current")

    def fit(self, width: int) -> None:
        """Full name or number only, for a strip `width` columns wide."""
        self.update(Content(self.short if width < COMPACT else self.full))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(Asked(Do.PANEL, self.position))


class LanguageButton(Static):
    """The name of the next language, in that language; clicking or touching switches."""

    def __init__(self, name: str) -> None:
        super().__init__(Content(name), classes="nav-language")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(Asked(Do.LANGUAGE))


class NavStrip(Vertical):
    """All panels in order with the current one marked, key hints, and the timeline."""

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
        for item in self.query(NavItem):
            item.fit(event.size.width)

    def compose(self) -> ComposeResult:
        with Horizontal(classes="nav-items"):
            for number, panel in enumerate(self.exhibit.panels, start=1):
                yield NavItem(number, panel.label, number == self.current)
            yield Static(Content(self.words.NAV_ARROWS), classes="nav-arrows")
            if self.next_language:
                yield LanguageButton(LANGUAGE_NAMES.get(self.next_language, self.next_language))
            yield Static(Content(self.words.NAV_INDEX), classes="nav-hints nav-index")
            yield Static(Content(self.words.NAV_HELP), classes="nav-hints")
        whole = self.exhibit.exhibit.timeline
        if whole is not None:
            spans = [p.timeline for p in self.exhibit.panels]
            yield Timeline(whole, spans, None if self.current is None else self.current - 1)
