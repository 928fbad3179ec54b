"""The help window: every key the visitor can use. Any key closes it."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ..words import words_of
from .base import KioskOverlay


class HelpScreen(KioskOverlay):
    def __init__(self, languages: bool = False, audio: bool = False) -> None:
        super().__init__()
        self.languages = languages
        """The exhibit has more than one language: the language key is listed."""
        self.audio = audio
        """A speech engine is installed: the audio key is listed, else its absence said."""

    def compose(self) -> ComposeResult:
        words = words_of(self)
        table = Table.grid(padding=(0, 3))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        rows = [*words.HELP_KEYS]
        rows[-2:-2] = [
            *([words.HELP_LANGUAGE] if self.languages else []),
            words.HELP_CONTRAST,
            words.HELP_LARGE,
            words.HELP_AUDIO if self.audio else ("a", words.AUDIO_UNAVAILABLE),
        ]
        for keys, meaning in rows:
            table.add_row(Text(keys), Text(meaning))
        with Vertical(id="help-window", classes="overlay-window") as window:
            window.border_title = words.HELP
            window.border_subtitle = words.HELP_HINT
            yield Static(table)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.close()

    def on_click(self, event: events.Click) -> None:
        self.close()
