"""A content advisory shown before a panel: the visitor chooses to continue or to skip it.

It hides the panel completely (an opaque page, not a window over it) so that nothing of the
panel is seen before the visitor has chosen. What each key does here is the journey's
(exhibit/keys.py: ADVISORY_KEYS)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...journey import Do
from ...model import Panel
from ..messages import Asked
from ..widgets.target import Target
from ..words import Words
from .base import KioskOverlay


class AdvisoryScreen(KioskOverlay):
    def __init__(self, panel: Panel, words: Words) -> None:
        super().__init__(words)
        self.panel = panel

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="advisory-window", classes="overlay-window") as window:
            window.border_title = words.ADVISORY_TITLE
            yield Static(Content(self.panel.title), id="advisory-panel")
            yield Static(Content(self.panel.advisory), id="advisory-text")
            # Touch targets too: a touch-only visitor can skip the panel.
            yield Target(words.ADVISORY_CONTINUE, Do.CLOSE, classes="advisory-choice")
            yield Target(words.ADVISORY_SKIP, Do.SKIP, classes="advisory-choice")

    def on_click(self) -> None:
        self.post_message(Asked(Do.PAGE))
