"""The kiosk's recorder: the UI calls it, a writer thread puts the events in SQLite.

Every method is safe to call from the UI thread and returns at once: it notes the time and
puts a tuple on a queue. The writer thread keeps track of the visit, checks each event
against the vocabulary, and commits at most once a second, so that a visitor's key never
waits for the disk and a power cut loses at most the last second. If the file cannot be
written, recording stops (the log says why) and the kiosk carries on.

Integration, in the UI: `attract_started()` when the attract loop begins; `interaction()` on
every key or touch (outside a visit it starts one, from the attract loop if it was running,
else from the title; `visit_started(origin)` starts one explicitly);
`page_shown(page)` whenever a page appears (also in the attract loop: the recorder knows
which page a visit starts on); `choice_changed(...)` for language and modes, also when the
kiosk resets them; `visit_ended("idle")` at the idle reset; `close()` when the kiosk stops.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ..logs import LOGGER
from ..model import AnalyticsSettings
from . import store
from .totals import day_of
from .vocabulary import CHOICES, TITLE, Kind, allowed

log = logging.getLogger(LOGGER)

COMMIT_EVERY = 1.0
"""Seconds between commits at most: what a power cut can lose."""
_STOP = "stop"
_EXHIBIT = "exhibit"
_ATTRACT = "attract"
Item = tuple[str | Kind, float, str, str]
"""(kind, clock time, name, value), as queued by the UI thread."""


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
    ) -> None:
        self.path = path
        self.clock = clock
        """Wall-clock seconds since 1970: reports count visits by day and hour."""
        self._queue: queue.SimpleQueue[Item] = queue.SimpleQueue()
        self._queue.put((_EXHIBIT, clock(), " ".join(panels), ""))
        self._writer = _Writer(path, kiosk_id, keep_raw_days, commit_every, self._queue, clock)
        self._thread = threading.Thread(target=self._writer.run, name="recorder", daemon=True)
        self._thread.start()

    def _put(self, kind: str | Kind, name: str = "", value: str = "") -> None:
        self._queue.put((kind, self.clock(), name, value))

    def visit_started(self, origin: str = "title") -> None:
        """A visitor's first key or touch after the attract loop ("attract") or at the title
        ("title"). A visit still open ends as "next_visitor"."""
        self._put(Kind.START, origin)

    def attract_started(self) -> None:
        """The attract loop began: a visit begun by the next key comes from it."""
        self._put(_ATTRACT)

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
        self._put(_EXHIBIT, " ".join(panels))

    def close(self, timeout: float = 5.0) -> None:
        """End an open visit ("closed"), write what is queued, and stop the writer."""
        self._put(_STOP)
        self._thread.join(timeout)

    @property
    def working(self) -> bool:
        """False once the file could not be written (recording has stopped)."""
        return not self._writer.broken


class NoRecorder:
    """Recording switched off (kiosk.analytics.record: false): the same calls, nothing kept."""

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


class _Writer:
    """The writer thread's side: the open visit, the batch, the commits."""

    def __init__(
        self,
        path: Path,
        kiosk_id: str | None,
        keep_raw_days: int,
        commit_every: float,
        items: queue.SimpleQueue[Item],
        clock: Callable[[], float],
    ) -> None:
        self.path, self.kiosk_id, self.keep_raw_days = path, kiosk_id, keep_raw_days
        self.commit_every = commit_every
        self.items = items
        self.clock = clock
        self.broken = False
        self.batch: list[store.Event] = []
        self.session = 0
        self.open = False
        self.panels: frozenset[str] = frozenset()
        """The exhibit's panel ids: the only panel names an event may hold."""
        self.page = TITLE
        self.choices: dict[str, str] = {}
        self.touches = 0
        self.dropped = 0
        self.attract = False
        self.last_t = 0
        self.folded_on = ""

    def run(self) -> None:
        try:
            db = store.open_for_writing(self.path, self.kiosk_id)
            self.session = store.last_session(db)
            _end_interrupted_visit(db, self.session)
            self._fold(db)
        except (sqlite3.Error, OSError) as error:
            self._give_up(error)
            return
        try:
            self._loop(db)
        except (sqlite3.Error, OSError) as error:
            self._give_up(error)
        finally:
            db.close()

    def _give_up(self, error: Exception) -> None:
        self.broken = True
        log.error("visit recording stopped: %s: %s", self.path, error)
        while True:  # nothing more will be written: let the queue go
            try:
                self.items.get_nowait()
            except queue.Empty:
                return

    def _loop(self, db: sqlite3.Connection) -> None:
        last_commit = time.monotonic()
        while True:
            wait = (
                None if not self._pending() else last_commit + self.commit_every - time.monotonic()
            )
            try:
                item = self.items.get(timeout=wait if wait is None else max(0.0, wait))
            except queue.Empty:
                item = None
            if item is not None and item[0] == _STOP:
                if self.open:
                    self._end(item[1], "closed")
                self._commit(db)
                return
            if item is not None:
                self._take(*item)
            if self._pending() and time.monotonic() - last_commit >= self.commit_every:
                self._commit(db)
                last_commit = time.monotonic()
                if day_of(self.clock(), None) != self.folded_on and not self.open:
                    self._fold(db)

    def _fold(self, db: sqlite3.Connection) -> None:
        """Old visits into daily totals: at start, then on the first quiet commit of a day."""
        from .folding import fold_old_visits  # the report's code: not needed until now

        now = self.clock()
        fold_old_visits(db, self.keep_raw_days, now=now)
        self.folded_on = day_of(now, None)

    def _pending(self) -> bool:
        return bool(self.batch or self.touches)

    def _commit(self, db: sqlite3.Connection) -> None:
        if self.touches:
            self.batch.append(self.touches_event)
            self.touches = 0
        with store.transaction(db):
            store.add_events(db, self.batch)
        self.batch.clear()

    def _add(self, t: float, kind: Kind, name: str = "", value: str = "") -> None:
        if self.touches and kind != Kind.TOUCH:  # touches keep their place among the events
            self.batch.append(self.touches_event)
            self.touches = 0
        self.last_t = round(t * 1000)
        self.batch.append((self.last_t, self.session, kind, name, value))

    @property
    def touches_event(self) -> store.Event:
        return (self.last_t, self.session, Kind.TOUCH, "", str(self.touches))

    def _take(self, kind: str | Kind, t: float, name: str, value: str) -> None:
        if kind == _EXHIBIT:
            self.panels = frozenset(name.split())
            return
        if kind == _ATTRACT:
            self.attract = True
            return
        if kind == Kind.START:
            value = str(len(self.panels))  # for "more than half the panels"
        if not isinstance(kind, Kind) or not allowed(kind, name, value, self.panels):
            self.dropped += 1
            if self.dropped == 1:
                log.warning("visit recording: an event outside the vocabulary was dropped")
            return
        if kind == Kind.START:
            self._start(t, name)
        elif kind == Kind.PAGE:
            if self.open and name != self.page:  # the same page again (new language): no view
                self._add(t, kind, name)
            self.page = name
        elif kind == Kind.CHOICE:
            self.choices[name] = value
            if self.open:
                self._add(t, kind, name, value)
        elif kind == Kind.TOUCH:
            if not self.open:
                self._start(t, "attract" if self.attract else "title")
            self.last_t = round(t * 1000)
            self.touches += 1
        elif kind == Kind.END:
            if self.open:
                self._end(t, name)
        elif self.open:
            self._add(t, kind, name, value)

    def _start(self, t: float, origin: str) -> None:
        if self.open:
            self._end(t, "next_visitor")
        self.session += 1
        self.open = True
        self.attract = False
        self._add(t, Kind.START, origin, str(len(self.panels)))
        for name in CHOICES:  # the choices in force as the visit begins
            if name in self.choices:
                self._add(t, Kind.CHOICE, name, self.choices[name])
        self._add(t, Kind.PAGE, self.page)

    def _end(self, t: float, reason: str) -> None:
        self._add(t, Kind.END, reason)
        self.open = False


def _end_interrupted_visit(db: sqlite3.Connection, session: int) -> None:
    """A visit left open by a power cut ends at its last event, as "interrupted"."""
    rows = db.execute(
        "SELECT max(t), sum(kind = ?) FROM events WHERE session = ?", (Kind.END, session)
    ).fetchone()
    if session and rows[0] is not None and not rows[1]:
        with store.transaction(db):
            store.add_events(db, [(rows[0], session, Kind.END, "interrupted", "")])


def open_recorder(
    settings: AnalyticsSettings,
    panels: Sequence[str],
    path: Path | None = None,
    clock: Callable[[], float] = time.time,
) -> Recorder | NoRecorder:
    """The recorder exhibit.yaml asks for (kiosk.analytics), at `path` or the default file."""
    if not settings.record:
        return NoRecorder()
    return Recorder(
        path or store.default_database(),
        panels=panels,
        clock=clock,
        keep_raw_days=settings.keep_raw_days,
    )
