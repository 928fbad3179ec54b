"""Daily totals: what a day's visits add up to. Each visit is added when it ends (writer.py);
the report reads nothing else, and they stay when old events are forgotten (folding.py).

Times are kept as counts per whole second, which keeps medians exact to the second and a
day's row small.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, tzinfo
from typing import TypeVar

import msgspec

from .sessions import Visit

K = TypeVar("K", str, int)
Counts = dict[str, int]
Seconds = dict[int, int]
"""How many visits (or readings) lasted each whole number of seconds."""


class DayTotals(msgspec.Struct, kw_only=True):
    """One kiosk's visits on one day (by the day and hour each visit began)."""

    visits: int = 0
    from_attract: int = 0
    diligent: int = 0
    bounced: int = 0
    hours: dict[int, int] = msgspec.field(default_factory=dict)
    holding: Seconds = msgspec.field(default_factory=dict)
    pages: dict[int, int] = msgspec.field(default_factory=dict)
    """How many visits showed each number of pages."""
    endings: Counts = msgspec.field(default_factory=dict)
    """The last page of each visit that ended at the idle reset."""
    reading: dict[str, Seconds] = msgspec.field(default_factory=dict)
    """Per panel: seconds each visit that saw it spent on it."""
    languages: Counts = msgspec.field(default_factory=dict)
    modes: Counts = msgspec.field(default_factory=dict)
    images: Counts = msgspec.field(default_factory=dict)
    """Per picture ("panel#1" for the first picture of a panel): times opened."""
    skipped: Counts = msgspec.field(default_factory=dict)
    more: Counts = msgspec.field(default_factory=dict)

    def add(self, visit: Visit, hour: int) -> None:
        """Count a visit that began at `hour` (local time)."""
        self.visits += 1
        self.from_attract += visit.origin == "attract"
        self.diligent += visit.diligent
        self.bounced += visit.bounced
        _count(self.hours, hour)
        _count(self.holding, round(visit.seconds))
        _count(self.pages, visit.pages)
        if visit.reason == "idle" and visit.last_page:
            _count(self.endings, visit.last_page)
        for panel, seconds in visit.reading_seconds.items():
            _count(self.reading.setdefault(panel, {}), round(seconds))
        if visit.language:
            _count(self.languages, visit.language)
        for mode in visit.modes:
            _count(self.modes, mode)
        for panel, number in visit.images:
            _count(self.images, f"{panel}#{number + 1}")
        for panel in visit.skipped:
            _count(self.skipped, panel)
        for panel in visit.more:
            _count(self.more, panel)

    def merge(self, other: DayTotals) -> None:
        for name in ("visits", "from_attract", "diligent", "bounced"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in (
            "hours",
            "holding",
            "pages",
            "endings",
            "languages",
            "modes",
            "images",
            "skipped",
            "more",
        ):
            _add_counts(getattr(self, name), getattr(other, name))
        for panel, seconds in other.reading.items():
            _add_counts(self.reading.setdefault(panel, {}), seconds)


def _count(counts: dict[K, int], key: K, n: int = 1) -> None:
    counts[key] = counts.get(key, 0) + n


def _add_counts(counts: dict[K, int], more: dict[K, int]) -> None:
    for key, n in more.items():
        counts[key] = counts.get(key, 0) + n


def day_of(t: float, tz: tzinfo | None) -> str:
    """The local date (YYYY-MM-DD) of a time in seconds since 1970."""
    return datetime.fromtimestamp(t, tz).date().isoformat()


def add_to_day(db: sqlite3.Connection, day: str, totals: DayTotals) -> None:
    """Add `totals` to the day's row (inside the caller's transaction)."""
    row = db.execute("SELECT totals FROM daily WHERE day = ?", (day,)).fetchone()
    whole = from_json(row[0]) if row else DayTotals()
    whole.merge(totals)
    db.execute("INSERT OR REPLACE INTO daily VALUES (?, ?)", (day, to_json(whole)))


def to_json(totals: DayTotals) -> str:
    return msgspec.json.encode(totals).decode()


def from_json(text: str) -> DayTotals:
    return msgspec.json.decode(text, type=DayTotals)
