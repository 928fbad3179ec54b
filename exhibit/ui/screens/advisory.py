"""A content advisory shown before a panel: the visitor chooses to continue or to skip it.

It hides the panel completely (an opaque page, not a window over it) so that nothing of the
panel is seen before the visitor has chosen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...model import Panel
from ..words import words_of
from .base import KioskOverlay


class AdvisoryScreen(KioskOverlay):
    BINDINGS = [
        Binding("enter,right,space,pagedown", "close", show=False),
        Binding("escape,s", "skip", show=False),
        # A window blocks the app's own keys; these still mean here what they mean everywhere.
        Binding("left,backspace,pageup", "app.previous", show=False),
        Binding("home", "app.go(0)", show=False),
        Binding("l,L", "app.language", show=False),
        Binding("c", "app.contrast", show=False),
        Binding("plus,equals_sign", "app.larger", show=False),
        Binding("minus", "app.smaller", show=False),
        *(Binding(str(n), f"app.panel({n})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, panel: Panel, direction: int) -> None:
        super().__init__()
        self.panel = panel
        self.direction = direction
        """+1 when the visitor came forwards, -1 backwards: skipping goes on the same way."""

    def compose(self) -> ComposeResult:
        words = words_of(self)
        with Vertical(id="advisory-window", classes="overlay-window") as window:
            window.border_title = words.ADVISORY_TITLE
            yield Static(Content(self.panel.title), id="advisory-panel")
            yield Static(Content(self.panel.advisory), id="advisory-text")
            yield Static(Content(words.ADVISORY_CONTINUE), classes="advisory-choice")
            yield Static(Content(words.ADVISORY_SKIP), classes="advisory-choice")

    def action_skip(self) -> None:
        self.kiosk.skip_panel(self.direction)

    def on_click(self) -> None:
        self.close()
