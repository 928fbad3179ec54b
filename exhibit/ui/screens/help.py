"""The help window: every key the visitor can use. Any key or touch closes it (journey.py)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...journey import Do
from ...keys import HELP_ROWS
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
        for keys, meaning in help_rows(words, self.languages, self.audio):
            table.add_row(Text(keys), Text(meaning))
        with Vertical(id="help-window", classes="overlay-window") as window:
            window.border_title = words.HELP
            window.border_subtitle = words.HELP_HINT
            yield Static(table)

    def on_click(self) -> None:
        self.post_message(Asked(Do.PAGE))


def help_rows(words: Words, languages: bool, audio: bool) -> list[tuple[str, str]]:
    """Keys and meanings, from the key map (exhibit/keys.py) and the kiosk's words: the
    language key only where there are languages, the audio key saying when it cannot speak."""
    rows: list[tuple[str, str]] = []
    for name, keys in HELP_ROWS:
        if name == "language" and not languages:
            continue
        meaning = words.HELP_MEANINGS[name]
        if name == "speak" and not audio:
            meaning = words.AUDIO_UNAVAILABLE
        if name == "zoom":
            keys = f"{keys}  {words.OR_TOUCH}"
        if name == "touch":
            keys = words.MOUSE_OR_TOUCH
        rows.append((keys, meaning))
    return rows
