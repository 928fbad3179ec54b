"""The title screen: what the exhibit is, and an invitation to begin (which keys begin is the
journey's: exhibit/keys.py, TITLE_OWN)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from ...journey import Do
from ...layout import COMPACT, COMPACT_ROWS
from ...model import Exhibit
from ..messages import Asked
from ..widgets.markdown_text import MarkdownText
from ..widgets.nav_strip import LanguageButton
from ..words import LANGUAGE_NAMES, Words
from .base import KioskScreen


class TitleScreen(KioskScreen):
    def __init__(self, exhibit: Exhibit, words: Words, next_language: str = "") -> None:
        super().__init__(words)
        self.exhibit = exhibit
        self.next_language = next_language

    def compose(self) -> ComposeResult:
        info = self.exhibit.exhibit
        with Center(), Vertical(id="title-card"):
            yield Static(Content(info.title), id="exhibit-title")
            if info.subtitle:
                yield Static(Content(info.subtitle), id="exhibit-subtitle")
            if info.intro:
                yield MarkdownText(info.intro, classes="intro")
            yield Static(Content(self.words.PRESS_TO_BEGIN), id="invitation")
            if self.next_language:
                name = LANGUAGE_NAMES.get(self.next_language, self.next_language)
                yield LanguageButton(f"{name}  [L]")

    def fit_to(self, size: Size, *, update: bool = True) -> None:
        super().fit_to(size, update=update)
        # A small screen shows the title and the invitation; the intro would push them off.
        compact = size.width < COMPACT or size.height < COMPACT_ROWS
        self.set_class(compact, "-compact", update=update)

    def on_click(self) -> None:
        self.post_message(Asked(Do.PAGE))
