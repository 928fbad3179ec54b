""" "Still reading?": shown after a while without input, before the kiosk returns to the start.

The countdown's time is kept by the app's Attendance (attendance.py); this window only shows
what is left, by the same clock."""

from __future__ import annotations

import math
from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ..words import Words
from .base import KioskOverlay


class CountdownScreen(KioskOverlay):
    def __init__(self, words: Words, remaining: Callable[[], float]) -> None:
        super().__init__(words)
        self.remaining = remaining
        """Seconds until the kiosk returns to the start."""

    def compose(self) -> ComposeResult:
        with Vertical(id="countdown-window", classes="overlay-window"):
            yield Static(Content(self.words.STILL_READING), id="countdown-question")
            yield Static(Content(self.words.PRESS_TO_STAY))
            yield Static(Content(self._remaining_text()), id="countdown-remaining")

    def on_mount(self) -> None:
        self.set_interval(1, self._tick)

    def _remaining_text(self) -> str:
        return self.words.RETURNING_IN.format(seconds=max(0, math.ceil(self.remaining())))

    def _tick(self) -> None:
        for line in self.query("#countdown-remaining").results(Static):
            line.update(Content(self._remaining_text()))
