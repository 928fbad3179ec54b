"""Keeping the file bounded: the events of visits older than `keep_raw_days` are forgotten.

Their figures stay: each visit was added to its day's totals when it ended (writer.py), in
the same commit as its last event. Only the visit-by-visit detail goes.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime, timedelta, tzinfo

from .vocabulary import Kind


def forget_old_events(
    db: sqlite3.Connection, keep_raw_days: int, now: float | None = None, tz: tzinfo | None = None
) -> int:
    """Delete the events of every visit that began before local midnight `keep_raw_days`
    days ago; returns how many visits that was."""
    now = time.time() if now is None else now
    today = datetime.fromtimestamp(now, tz).replace(hour=0, minute=0, second=0, microsecond=0)
    cutoff_ms = round((today - timedelta(days=keep_raw_days)).timestamp() * 1000)
    row = db.execute(
        "SELECT max(session), count(*) FROM events WHERE kind = ? AND t < ?",
        (Kind.START, cutoff_ms),
    ).fetchone()
    if row[0] is None:
        return 0
    db.execute("BEGIN IMMEDIATE")
    db.execute("DELETE FROM events WHERE session <= ?", (row[0],))
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return int(row[1])
