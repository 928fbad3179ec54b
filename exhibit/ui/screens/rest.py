"""The screen outside opening hours (hours_keeper.py): black, with a small dim clock that moves
now and then so that no cell is lit for the whole night. No words: a key or touch wakes it."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

MOVE_EVERY_MINUTES = 5
"""The clock moves to another place every few minutes."""
CLOCK_WIDTH = 5  # "23:59"


class RestScreen(Screen[None], inherit_bindings=False):
    AUTO_FOCUS = None

    def __init__(self) -> None:
        super().__init__()
        self.moment: datetime | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="rest-clock")

    def on_mount(self) -> None:
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def tell(self, moment: datetime) -> None:
        """Show the time of `moment` (the museum's wall clock) at its place."""
        self.moment = moment
        self._draw()

    def _draw(self) -> None:
        if self.moment is None:
            return
        for clock in self.query("#rest-clock").results(Static):
            clock.update(Content(self.moment.strftime("%H:%M")))
            x, y = place(self.moment, self.size.width, self.size.height)
            clock.styles.offset = (x, y)


def place(moment: datetime, width: int, height: int) -> tuple[int, int]:
    """Where the clock stands at `moment`: a new place every MOVE_EVERY_MINUTES, spread over
    the screen by two strides that share no factor with most sizes."""
    slot = (moment.hour * 60 + moment.minute) // MOVE_EVERY_MINUTES
    columns = max(1, width - CLOCK_WIDTH)
    rows = max(1, height)
    return ((slot * 37) % columns, (slot * 7) % rows)
