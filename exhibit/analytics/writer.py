"""The recorder's writer thread: follows the open visit, checks each event against the
vocabulary, and commits at most once a second. When a visit ends, its figures are added to
its day's totals in the same commit as its last events, so a report reads only the daily
totals, and the file can never hold one without the other.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path

from ..logs import LOGGER
from . import store
from .sessions import visits
from .totals import DayTotals, add_to_day, day_of
from .vocabulary import ATTRACT, CHOICES, EXHIBIT, STOP, TITLE, Item, Kind, allowed

log = logging.getLogger(LOGGER)


class Writer:
    """Runs in the recorder's thread (`run`); nothing here is touched by the UI thread except
    `broken`, which it only reads."""

    def __init__(
        self,
        path: Path,
        kiosk_id: str | None,
        keep_raw_days: int,
        commit_every: float,
        items: queue.SimpleQueue[Item],
        clock: Callable[[], float],
        tz: tzinfo | None = None,
    ) -> None:
        self.path, self.kiosk_id, self.keep_raw_days = path, kiosk_id, keep_raw_days
        self.commit_every = commit_every
        self.items = items
        self.clock = clock
        self.tz = tz
        """The time zone of days and hours in the totals (None: this computer's)."""
        self.broken = False
        self.batch: list[store.Event] = []
        self.visit: list[store.Event] = []
        """The open visit's events, turned into its totals when it ends."""
        self.days: dict[str, DayTotals] = {}
        """Totals of visits ended since the last commit, by day."""
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
        self.forgot_on = ""

    def run(self) -> None:
        try:
            db = store.open_for_writing(self.path, self.kiosk_id)
        except (sqlite3.Error, OSError) as error:
            self._give_up(error)
            return
        try:
            self.session = store.last_session(db)
            self._end_interrupted_visit(db)
            self._forget_old_events(db)
            self._loop(db)
        except Exception as error:  # a full disk, a broken file, a bug: never the kiosk's end
            self._give_up(error)
        finally:
            db.close()

    def _give_up(self, error: Exception) -> None:
        self.broken = True
        log.error("visit recording stopped: %s: %r", self.path, error)
        while True:  # nothing more will be written: let the queue go
            try:
                self.items.get_nowait()
            except queue.Empty:
                return

    def _loop(self, db: sqlite3.Connection) -> None:
        last_commit = time.monotonic()
        while True:
            wait = None
            if self._pending():
                wait = max(0.0, last_commit + self.commit_every - time.monotonic())
            try:
                item = self.items.get(timeout=wait)
            except queue.Empty:
                item = None
            if item is not None and item[0] == STOP:
                if self.open:
                    self._end(item[1], "closed")
                self._commit(db)
                return
            if item is not None:
                self._take(*item)
            if self._pending() and time.monotonic() - last_commit >= self.commit_every:
                self._commit(db)
                last_commit = time.monotonic()
                if not self.open and day_of(self.clock(), self.tz) != self.forgot_on:
                    self._forget_old_events(db)

    def _forget_old_events(self, db: sqlite3.Connection) -> None:
        """At start, then after the first visit of each day."""
        from .folding import forget_old_events

        now = self.clock()
        forget_old_events(db, self.keep_raw_days, now=now, tz=self.tz)
        self.forgot_on = day_of(now, self.tz)

    def _pending(self) -> bool:
        return bool(self.batch or self.touches)

    def _commit(self, db: sqlite3.Connection) -> None:
        if self.touches:
            self._emit(self._touches_event())
        with store.transaction(db):
            store.add_events(db, self.batch)
            for day, totals in self.days.items():
                add_to_day(db, day, totals)
        self.batch.clear()
        self.days.clear()

    def _emit(self, event: store.Event) -> None:
        self.batch.append(event)
        self.visit.append(event)

    def _add(self, t: float, kind: Kind, name: str = "", value: str = "") -> None:
        if self.touches:  # touches keep their place among the events
            self._emit(self._touches_event())
        self.last_t = round(t * 1000)
        self._emit((self.last_t, self.session, kind, name, value))

    def _touches_event(self) -> store.Event:
        event = (self.last_t, self.session, Kind.TOUCH, "", str(self.touches))
        self.touches = 0
        return event

    def _take(self, kind: str | Kind, t: float, name: str, value: str) -> None:
        if kind == EXHIBIT:
            self.panels = frozenset(name.split())
            return
        if kind == ATTRACT:
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
        for name in CHOICES:  # the choices in force as the visit begins (off: the default)
            if self.choices.get(name, "off") != "off":
                self._add(t, Kind.CHOICE, name, self.choices[name])
        self._add(t, Kind.PAGE, self.page)

    def _end(self, t: float, reason: str) -> None:
        self._add(t, Kind.END, reason)
        self.open = False
        count_visits(self.visit, self.days, self.tz)
        self.visit = []

    def _end_interrupted_visit(self, db: sqlite3.Connection) -> None:
        """A visit left open by a power cut ends at its last event, as "interrupted"."""
        events = list(store.events(db, first_session=self.session))
        if not events or any(kind == Kind.END for _, _, kind, _, _ in events):
            return
        events.append((events[-1][0], self.session, Kind.END, "interrupted", ""))
        days: dict[str, DayTotals] = {}
        count_visits(events, days, self.tz)
        with store.transaction(db):
            store.add_events(db, events[-1:])
            for day, totals in days.items():
                add_to_day(db, day, totals)


def count_visits(events: list[store.Event], days: dict[str, DayTotals], tz: tzinfo | None) -> None:
    """Add the visits in `events` to `days`, by the day and hour each began."""
    for visit in visits(events):
        began = datetime.fromtimestamp(visit.start, tz)
        day = began.date().isoformat()
        totals = days.get(day) or days.setdefault(day, DayTotals())
        totals.add(visit, began.hour)
