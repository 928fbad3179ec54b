"""The kiosk's recorder: the UI calls it, a writer thread puts the events in SQLite.

Every method is safe to call from the UI thread and returns at once: it notes the time and
puts a tuple on a queue. The writer thread keeps track of the visit, checks each event
against the vocabulary, and commits at most once a second, so that a visitor's key never
waits for the disk and a power cut loses at most the last second. If the file cannot be
written, recording stops (the log says why) and the kiosk carries on.

Integration, in the UI (exhibit/analytics/journey_events.py does it from the journey's steps):
`Recorder(path, panels=<panel ids>)` at start (or `open_recorder(exhibit.kiosk.analytics,
...)`, which honours `record: false`), `exhibit_changed(<panel ids>)` after a reload;
`attract_started()` when the attract loop begins; `interaction()` on every key or touch,
before it acts (outside a visit it starts one: from the attract loop if that was running,
else from the title; `visit_started(origin)` starts one explicitly); `page_shown(page)`
whenever a page appears, also during the attract loop (a visit starts on the page then on
screen; the same page shown again is not a new view); `choice_changed(...)` for language and
modes, also when the kiosk resets them; `image_opened`, `advisory_skipped`, `more_opened`;
`visit_ended("idle")` when the kiosk goes back to the start or to its loop after a quiet
spell (also from the title, where there is no countdown); `close()` when the kiosk stops.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Sequence
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import AnalyticsSettings
from .store import default_database
from .vocabulary import ATTRACT, EXHIBIT, STOP, Item, Kind

if TYPE_CHECKING:
    from .writer import Writer

COMMIT_EVERY = 1.0
"""Seconds between commits at most: what a power cut can lose."""


class Recorder:
    """Records visits to the kiosk at `path`; see the module docstring for the calls."""

    def __init__(
        self,
        path: Path,
        *,
        panels: Sequence[str],
        kiosk_id: str | None = None,
        clock: Callable[[], float] = time.time,
        keep_raw_days: int = 90,
        commit_every: float = COMMIT_EVERY,
        tz: tzinfo | None = None,
        start: bool = True,
    ) -> None:
        self.path = path
        self.clock = clock
        """Wall-clock seconds since 1970: reports count visits by day and hour."""
        self._queue: queue.SimpleQueue[Item] = queue.SimpleQueue()
        self._queue.put((EXHIBIT, clock(), " ".join(panels), ""))
        self._settings = (kiosk_id, keep_raw_days, commit_every, tz)
        self._writer: Writer | None = None
        """Made by `start`: the writer (and SQLite, the visit logic) is imported only then."""
        self._thread = threading.Thread(target=self._write, name="recorder", daemon=True)
        if start:
            self.start()

    def start(self) -> None:
        """Start the writer (opening the file): at once unless made with start=False, as the
        kiosk does to open SQLite once its title is on screen. Events wait in the queue."""
        if self._thread.ident is None:
            from .writer import Writer

            kiosk_id, keep_raw_days, commit_every, tz = self._settings
            self._writer = Writer(
                self.path, kiosk_id, keep_raw_days, commit_every, self._queue, self.clock, tz
            )
            self._thread.start()

    def _write(self) -> None:
        if self._writer is not None:
            self._writer.run()

    def _put(self, kind: str | Kind, name: str = "", value: str = "") -> None:
        if self.working:  # a file that cannot be written: nothing piles up
            self._queue.put((kind, self.clock(), name, value))

    def visit_started(self, origin: str = "title") -> None:
        """A visitor's first key or touch after the attract loop ("attract") or at the title
        ("title"). A visit still open ends as "next_visitor"."""
        self._put(Kind.START, origin)

    def attract_started(self) -> None:
        """The attract loop began: a visit begun by the next key comes from it."""
        self._put(ATTRACT)

    def page_shown(self, page: str) -> None:
        """A page is on screen: a panel id, or vocabulary.TITLE, CLOSING, INDEX or HELP."""
        self._put(Kind.PAGE, page)

    def choice_changed(self, name: str, value: str | bool) -> None:
        """A visitor's choice (vocabulary.CHOICES): a language code, or a mode on or off."""
        if isinstance(value, bool):
            value = "on" if value else "off"
        self._put(Kind.CHOICE, name, value)

    def image_opened(self, panel: str, number: int) -> None:
        """Picture `number` (0 for the first) of `panel` opened full screen."""
        self._put(Kind.IMAGE, panel, str(number))

    def advisory_skipped(self, panel: str) -> None:
        self._put(Kind.SKIP, panel)

    def more_opened(self, panel: str) -> None:
        """The panel's second layer of text opened."""
        self._put(Kind.MORE, panel)

    def interaction(self) -> None:
        """A key pressed or a touch (which one is never recorded)."""
        self._put(Kind.TOUCH)

    def visit_ended(self, reason: str = "idle") -> None:
        """The kiosk reset for the next visitor ("idle") or a new visitor began."""
        self._put(Kind.END, reason)

    def exhibit_changed(self, panels: Sequence[str]) -> None:
        """The exhibit was reloaded; `panels` are its panel ids, in order."""
        self._put(EXHIBIT, " ".join(panels))

    def close(self, timeout: float = 5.0) -> None:
        """End an open visit ("closed"), write what is queued, and stop the writer."""
        self._put(STOP)
        self.start()  # never started (the kiosk ended before its title): still write the queue
        self._thread.join(timeout)

    @property
    def working(self) -> bool:
        """False once the file could not be written (recording has stopped)."""
        return self._writer is None or not self._writer.broken


class NoRecorder:
    """Recording switched off (kiosk.analytics.record: false): the same calls, nothing kept."""

    def start(self) -> None: ...
    def visit_started(self, origin: str = "title") -> None: ...
    def attract_started(self) -> None: ...
    def page_shown(self, page: str) -> None: ...
    def choice_changed(self, name: str, value: str | bool) -> None: ...
    def image_opened(self, panel: str, number: int) -> None: ...
    def advisory_skipped(self, panel: str) -> None: ...
    def more_opened(self, panel: str) -> None: ...
    def interaction(self) -> None: ...
    def visit_ended(self, reason: str = "idle") -> None: ...
    def exhibit_changed(self, panels: Sequence[str]) -> None: ...
    def close(self, timeout: float = 5.0) -> None: ...

    working = True


def open_recorder(
    settings: AnalyticsSettings,
    panels: Sequence[str],
    path: Path | None = None,
    clock: Callable[[], float] = time.time,
    *,
    start: bool = True,
) -> Recorder | NoRecorder:
    """The recorder exhibit.yaml asks for (kiosk.analytics), at `path` or the default file."""
    if not settings.record:
        return NoRecorder()
    return Recorder(
        path or default_database(),
        panels=panels,
        clock=clock,
        keep_raw_days=settings.keep_raw_days,
        start=start,
    )
