"""The baseline for bench/run.py: a bare Textual app, as little as an app can be.

    python bench/baseline_app.py

It starts on a screen with one line of text ("Baseline title screen"). The right arrow switches
to a fresh screen: five text screens in turn ("Baseline screen 1" ... 5, each a heading and a
short paragraph), then the title again, the same way the kiosk switches pages
(App.switch_screen with a new Screen). bench/run.py divides the kiosk's start-up, key-to-frame,
memory and CPU figures by this app's, measured in the same run.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

TITLE = "Baseline title screen"
SCREENS = 5
PARAGRAPH = (
    "A short paragraph of plain text, about as long as a caption in a museum, so that each "
    "screen has a little more to lay out than its heading. It wraps over a few lines."
)


def heading(number: int) -> str:
    return f"Baseline screen {number}"


class TitleScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static(TITLE)


class TextScreen(Screen[None]):
    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number

    def compose(self) -> ComposeResult:
        yield Static(heading(self.number))
        yield Static(PARAGRAPH)


class Baseline(App[None]):
    BINDINGS = [Binding("right", "next", show=False)]

    def __init__(self) -> None:
        super().__init__()
        self.number = 0

    def on_mount(self) -> None:
        self.push_screen(TitleScreen())

    def action_next(self) -> None:
        self.number = (self.number + 1) % (SCREENS + 1)
        self.switch_screen(TextScreen(self.number) if self.number else TitleScreen())


if __name__ == "__main__":
    Baseline().run()
