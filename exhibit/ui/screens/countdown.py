""" "Still reading?": shown after a while without input, before the kiosk returns to the start.

The app, not this screen, decides what a key press means while it is up (it dismisses it)."""

from __future__ import annotations

import math
import time

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ..words import words_of
from .base import KioskOverlay


class CountdownScreen(KioskOverlay):
    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds
        self._deadline = 0.0

    def compose(self) -> ComposeResult:
        with Vertical(id="countdown-window", classes="overlay-window"):
            yield Static(Content(words_of(self).STILL_READING), id="countdown-question")
            yield Static(Content(words_of(self).PRESS_TO_STAY))
            yield Static(Content(self._remaining_text(self.seconds)), id="countdown-remaining")

    def on_mount(self) -> None:
        self._deadline = time.monotonic() + self.seconds
        self.set_timer(self.seconds, self.kiosk.reset_to_start)
        self.set_interval(1, self._tick)

    def _remaining_text(self, remaining: float) -> str:
        return words_of(self).RETURNING_IN.format(seconds=max(0, math.ceil(remaining)))

    def _tick(self) -> None:
        remaining = self._deadline - time.monotonic()
        self.query_one("#countdown-remaining", Static).update(
            Content(self._remaining_text(remaining))
        )
