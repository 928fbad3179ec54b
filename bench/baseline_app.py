"""The baselines for bench/run.py: bare Textual apps, as little as an app can be.

    python bench/baseline_app.py            # five full-text panels in a ContentSwitcher
    python bench/baseline_app.py --static   # one Static and nothing else

The first starts on a title line ("Baseline title screen"); the right arrow shows the next of
five text panels held in one ContentSwitcher (each a heading and about 230 words in a scrolling
column, like a kiosk panel's text), then the title again. All six are composed at start-up, so a
switch only lays out and paints: the fastest a Textual app can turn a page of that much text.
The second is the start-up baseline: the smallest app that puts one line on screen.
bench/run.py divides the kiosk's start-up, key-to-frame, memory and CPU figures by these apps',
measured in the same run.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import ContentSwitcher, Static

TITLE = "Baseline title screen"
SCREENS = 5
SENTENCE = (
    "A museum panel holds a few paragraphs of plain text about one part of the story, "
    "written in short sentences that a standing visitor can read. "
)
TEXT = "\n\n".join(SENTENCE * 4 for _ in range(4))  # about 230 words, four paragraphs


def heading(number: int) -> str:
    return f"Baseline screen {number}"


class Baseline(App[None]):
    BINDINGS = [Binding("right", "next", show=False)]

    def __init__(self) -> None:
        super().__init__()
        self.number = 0

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="title"):
            yield Static(TITLE, id="title")
            for number in range(1, SCREENS + 1):
                with VerticalScroll(id=f"panel-{number}"):
                    yield Static(heading(number))
                    yield Static(TEXT)

    def action_next(self) -> None:
        self.number = (self.number + 1) % (SCREENS + 1)
        switcher = self.query_one(ContentSwitcher)
        switcher.current = f"panel-{self.number}" if self.number else "title"


class OneStatic(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(TITLE)


if __name__ == "__main__":
    (OneStatic() if "--static" in sys.argv else Baseline()).run()
