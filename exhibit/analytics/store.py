"""The SQLite file of one kiosk: its events, the daily totals folded from old events, and the
kiosk's name. Written by one thread of one process (recorder.py); read by `kiosk report`.

WAL mode with synchronous=FULL: each commit (at most one a second) is on disk when it returns,
and a power cut or kill -9 at any moment leaves the last committed state, never a broken file.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3  # imported when a record is opened: the kiosk's start does not wait for it

SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
    t INTEGER NOT NULL,          -- milliseconds since 1970 (UTC)
    session INTEGER NOT NULL,    -- counts up from 1 in this file; nothing else links visits
    kind INTEGER NOT NULL,       -- vocabulary.Kind
    name TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS daily (
    day TEXT PRIMARY KEY,        -- YYYY-MM-DD, local time
    totals TEXT NOT NULL         -- totals.DayTotals as JSON
) WITHOUT ROWID;
"""

Event = tuple[int, int, int, str, str]
"""(milliseconds, session, kind (a vocabulary.Kind), name, value) as stored."""


class NotARecord(Exception):
    """The file is missing, unreadable, or not a kiosk's record; the message says which."""


def default_database() -> Path:
    """visits.sqlite in the kiosk's state folder, beside its log."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "museum-kiosk" / "visits.sqlite"


def open_for_writing(path: Path, kiosk_id: str | None = None) -> sqlite3.Connection:
    """Open (creating if needed) the record; `kiosk_id` names this kiosk in reports."""
    import sqlite3

    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.executescript(_SCHEMA)
    with transaction(db):
        db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        if kiosk_id is not None:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('kiosk', ?)", (kiosk_id,))
        else:
            db.execute("INSERT OR IGNORE INTO meta VALUES ('kiosk', ?)", (socket.gethostname(),))
    return db


def open_for_reading(path: Path) -> sqlite3.Connection:
    """Open a record to read, or raise NotARecord with a sentence saying what is wrong."""
    import sqlite3

    if not path.is_file():
        raise NotARecord(f"{path}: no such file")
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error as error:
        raise NotARecord(f"{path}: cannot be read as a kiosk's record ({error})") from None
    if not {"meta", "events", "daily"} <= tables:
        db.close()
        raise NotARecord(f"{path}: not a kiosk's record (no visit tables in it)")
    return db


class transaction:  # lower case: used as a statement, like `with open(...)`
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK if anything fails."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def kiosk_name(db: sqlite3.Connection) -> str:
    row = db.execute("SELECT value FROM meta WHERE key = 'kiosk'").fetchone()
    return str(row[0]) if row else "kiosk"


def last_session(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT max(session) FROM events").fetchone()
    return int(row[0] or 0)


def add_events(db: sqlite3.Connection, events: Iterable[Event]) -> None:
    db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?)", events)


def events(
    db: sqlite3.Connection, first_session: int = 0, last_session: int | None = None
) -> Iterator[Event]:
    """Events of sessions `first_session`..`last_session`, in the order they were recorded."""
    query = "SELECT t, session, kind, name, value FROM events WHERE session >= ?"
    arguments: tuple[int, ...] = (first_session,)
    if last_session is not None:
        query += " AND session <= ?"
        arguments += (last_session,)
    yield from db.execute(query + " ORDER BY rowid", arguments)


def daily_rows(db: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    yield from db.execute("SELECT day, totals FROM daily ORDER BY day")
