"""Lines over every page that say what state the kiosk is in; kiosk.tcss shows each only
while the app has its class (set by the app from the journey's state)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ..words import Words


class TakeOver(Static):
    """While the attract loop runs by itself: the invitation to take over (-attract)."""

    def __init__(self, words: Words) -> None:
        super().__init__(Content(words.TAKE_OVER))


class Describing(Static):
    """Description mode is on: images are shown as their words (-describing)."""

    def __init__(self, words: Words) -> None:
        super().__init__(Content(words.DESCRIBING))
