"""The help window: every key the visitor can use. Any key or touch closes it (journey.py)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...journey import Do
from ..messages import Asked
from ..words import Words
from .base import KioskOverlay


class HelpScreen(KioskOverlay):
    def __init__(self, words: Words, languages: bool = False, audio: bool = False) -> None:
        super().__init__(words)
        self.languages = languages
        """The exhibit has more than one language: the language key is listed."""
        self.audio = audio
        """A speech engine is installed: the audio key is listed, else its absence said."""

    def compose(self) -> ComposeResult:
        words = self.words
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

    def on_click(self) -> None:
        self.post_message(Asked(Do.PAGE))
