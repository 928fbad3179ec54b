"""The title screen: what the exhibit is, and an invitation to begin."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from ...model import Exhibit
from ..widgets.markdown_text import MarkdownText
from ..widgets.nav_strip import LanguageButton
from ..words import LANGUAGE_NAMES, words_of
from .base import KioskScreen

# Keys that keep their own meaning here; any other key begins the visit.
_OWN_MEANING = {"question_mark", "i", "tab", "end", "home", "left", "backspace", "pageup"} | {
    "l",
    "L",
    "c",
    "plus",
    "equals_sign",
    "minus",
    "a",  # the visitor's choices (choices.py)
}


class TitleScreen(KioskScreen):
    def __init__(self, exhibit: Exhibit) -> None:
        super().__init__()
        self.exhibit = exhibit

    def compose(self) -> ComposeResult:
        info = self.exhibit.exhibit
        with Center(), Vertical(id="title-card"):
            yield Static(Content(info.title), id="exhibit-title")
            if info.subtitle:
                yield Static(Content(info.subtitle), id="exhibit-subtitle")
            if info.intro:
                yield MarkdownText(info.intro, classes="intro")
            yield Static(Content(words_of(self).PRESS_TO_BEGIN), id="invitation")
            if self.kiosk.next_language:
                name = LANGUAGE_NAMES.get(self.kiosk.next_language, self.kiosk.next_language)
                yield LanguageButton(f"{name}  [L]")

    def fit_to(self, size: Size) -> None:
        super().fit_to(size)
        # A small screen shows the title and the invitation; the intro would push them off.
        self.set_class(size.width < 60 or size.height < 20, "-compact")

    def on_key(self, event: events.Key) -> None:
        if event.key in _OWN_MEANING or event.key.isdigit():
            return
        event.stop()
        event.prevent_default()
        self.kiosk.go(1)

    def on_click(self, event: events.Click) -> None:
        self.kiosk.go(1)
