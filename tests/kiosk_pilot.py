"""Helpers for Pilot tests: what a visitor would read on the screen right now."""

from __future__ import annotations

import io

from rich.console import Console
from textual.content import Content
from textual.widgets import Markdown, Static

from exhibit.ui.app import KioskApp


def screen_text(app: KioskApp) -> str:
    """The words of every displayed Static and Markdown on the top screen, in order."""
    parts: list[str] = []
    for widget in app.screen.query("*"):
        if not widget.display:
            continue
        if isinstance(widget, Static):
            parts.append(_as_text(widget.content))
        elif isinstance(widget, Markdown):
            parts.append(widget.source)
    return "\n".join(parts)


def _as_text(content: object) -> str:
    """A Static's words, whether it holds text or a Rich table."""
    if isinstance(content, (str, Content)):
        return str(content)
    console = Console(width=200, file=io.StringIO(), record=True)
    console.print(content)
    return "\n".join(line.strip() for line in console.export_text().splitlines())


def heading(app: KioskApp) -> str:
    """The panel title on screen, or the exhibit title on the title screen."""
    for selector in (".panel-title", "#exhibit-title"):
        found = app.screen.query(selector)
        if found:
            widget = found.first(Static)
            return str(widget.content)
    return ""
