"""A touch target: words that look like a button are one. A touch (or click) on it asks for the
same thing as its key (exhibit/keys.py), by posting `Asked` up to the app."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import Static

from ...journey import Do
from ..messages import Asked


class Target(Static):
    """`words` as a button that asks for `do` (with `number`, for a panel or an image)."""

    def __init__(self, words: str, do: Do, number: int = 0, *, classes: str = "") -> None:
        super().__init__(Content(words), classes=f"target {classes}".strip())
        self.do = do
        self.number = number

    def on_click(self, event: events.Click) -> None:
        event.stop()  # the page under it would otherwise take the touch as its own
        self.post_message(Asked(self.do, self.number))
