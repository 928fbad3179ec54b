"""Helpers for Pilot tests: what a visitor would read on the screen right now, a clock that
moves only when a test moves it, and the one way to wait for the app."""

from __future__ import annotations

import heapq
import io
import itertools
import time
from collections.abc import Callable
from typing import Any

from rich.console import Console
from textual import events
from textual.content import Content
from textual.pilot import Pilot
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


async def until(
    pilot: Pilot[Any], condition: Callable[[], object], seconds: float = 20.0, note: str = ""
) -> None:
    """Let the app work until `condition()` holds; fail after `seconds` (generous: on a busy
    machine a page can take long to build). The only polling helper of the tests: time in
    the kiosk itself is moved with ManualClock, never waited for."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"the kiosk did not get there in time {note}"
        await pilot.pause(0.02)


class ManualClock:
    """The kiosk's clock (attendance.Clock) for tests: it stands still until `advance` moves
    it, and the timers due on the way fire in order, each as at its own time."""

    def __init__(self, start: float = 1000.0) -> None:
        self.time = start
        self._due: list[tuple[float, int, list[Any]]] = []
        self._order = itertools.count()

    def now(self) -> float:
        return self.time

    def later(self, delay: float, callback: Callable[[], None]) -> Callable[[], None]:
        timer: list[Any] = [callback, True]
        heapq.heappush(self._due, (self.time + delay, next(self._order), timer))

        def cancel() -> None:
            timer[1] = False

        return cancel

    async def advance(self, pilot: Pilot[Any], seconds: float) -> None:
        """Move on `seconds`, letting the app finish what each timer started."""
        end = self.time + seconds
        while self._due and self._due[0][0] <= end:
            when, _, (callback, alive) = heapq.heappop(self._due)
            if alive:
                self.time = when
                callback()
                await pilot.pause()
        self.time = end
        await pilot.pause()


async def click_like_the_terminal(pilot: Pilot[Any], x: int, y: int) -> None:
    """A press and release sent to the app as the terminal driver sends them (Pilot.click
    skips App.on_event, where the kiosk notices visitors)."""
    for kind in (events.MouseDown, events.MouseUp):
        pilot.app.post_message(
            kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)
        )
        await pilot.pause()
