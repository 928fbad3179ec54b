"""Curator Markdown, shown as text: links are never opened, markup is never live."""

from __future__ import annotations

from textual.widgets import Markdown


class MarkdownText(Markdown):
    """A Markdown widget whose links do nothing (a kiosk must not start a browser)."""

    def __init__(self, markdown: str, *, classes: str | None = None) -> None:
        super().__init__(markdown, open_links=False, classes=classes)
