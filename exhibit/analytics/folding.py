"""Keeping the file bounded: visits older than `keep_raw_days` become daily totals.

A day is folded whole, in one transaction: its visits' events are read, added to the day's
row of totals, and deleted. A crash half-way leaves either the events or the totals, never
both and never neither.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime, timedelta, tzinfo

from . import store
from .sessions import visits
from .totals import by_day, from_json, to_json
from .vocabulary import Kind


def fold_old_visits(
    db: sqlite3.Connection, keep_raw_days: int, now: float | None = None, tz: tzinfo | None = None
) -> int:
    """Fold every visit that began before local midnight `keep_raw_days` days ago; returns
    how many visits were folded."""
    now = time.time() if now is None else now
    today = datetime.fromtimestamp(now, tz).replace(hour=0, minute=0, second=0, microsecond=0)
    cutoff = today - timedelta(days=keep_raw_days)
    cutoff_ms = round(cutoff.timestamp() * 1000)
    row = db.execute(
        "SELECT max(session) FROM events WHERE kind = ? AND t < ?", (Kind.START, cutoff_ms)
    ).fetchone()
    if row[0] is None:
        return 0
    last = int(row[0])
    with store.transaction(db):
        days = by_day(visits(store.events(db, upto_session=last)), tz)
        for day, totals in days.items():
            old = db.execute("SELECT totals FROM daily WHERE day = ?", (day,)).fetchone()
            if old:
                totals.merge(from_json(old[0]))
            db.execute("INSERT OR REPLACE INTO daily VALUES (?, ?)", (day, to_json(totals)))
        db.execute("DELETE FROM events WHERE session <= ?", (last,))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(totals.visits for totals in days.values())
