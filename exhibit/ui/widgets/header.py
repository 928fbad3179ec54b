"""The top line of every page: the exhibit's name and where the visitor is."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static


class ExhibitHeader(Horizontal):
    """Exhibit title on the left, a position such as "2 / 5" on the right."""

    def __init__(self, title: str, position: str) -> None:
        super().__init__()
        self._title = title
        self._position = position

    def compose(self) -> ComposeResult:
        yield Static(Content(self._title.upper()), classes="header-title")
        yield Static(Content(self._position), classes="header-position")
