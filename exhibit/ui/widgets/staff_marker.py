"""A dot in the top-left corner that only staff know to look for: the exhibit file on disk is
broken and the kiosk is still showing the last good one. Visitors see nothing wrong."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ..words import Words


class StaffMarker(Static):
    def __init__(self, words: Words) -> None:
        super().__init__(Content(words.STAFF_MARKER))


class TooSmall(Static):
    """Shown instead of the page when the terminal is too small to read it."""

    def __init__(self, words: Words) -> None:
        super().__init__(Content(words.TOO_SMALL))
