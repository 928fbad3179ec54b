"""The target under a panel's lead that opens its second layer of text, and closes it again:
"m  Read more ▼" / "m  Show less ▲". A touch asks for what the key asks for (Do.MORE)."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import Static

from ...keys import Do, keys_for, label
from ..messages import Asked
from ..words import Words


class MoreToggle(Static):
    def __init__(self, words: Words) -> None:
        super().__init__(classes="more-toggle")
        self.words = words
        self.show_open(False)

    def show_open(self, open_: bool) -> None:
        """Say what a touch does now: open the layer, or close it."""
        wording = self.words.READ_LESS if open_ else self.words.READ_MORE
        self.update(Content(wording.format(key=label(keys_for(Do.MORE)))))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(Asked(Do.MORE))
