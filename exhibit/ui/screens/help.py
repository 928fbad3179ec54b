"""The help window: every key the visitor can use. Any key closes it."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from .. import words
from .base import KioskOverlay


class HelpScreen(KioskOverlay):
    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 3))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, meaning in words.HELP_KEYS:
            table.add_row(Text(keys), Text(meaning))
        with Vertical(id="help-window", classes="overlay-window") as window:
            window.border_title = words.HELP
            window.border_subtitle = words.HELP_HINT
            yield Static(table)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss()

    def on_click(self, event: events.Click) -> None:
        self.dismiss()
