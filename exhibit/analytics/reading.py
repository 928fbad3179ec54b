"""Reading kiosks' record files for a report: each file's kiosk name and its daily totals,
recent visits (still as events) and folded days alike."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from pathlib import Path

from . import store
from .sessions import visits
from .totals import DayTotals, by_day, from_json

Kiosks = dict[str, dict[str, DayTotals]]
"""Kiosk name -> day (YYYY-MM-DD) -> that day's totals."""


def read_kiosks(paths: Sequence[Path], tz: tzinfo | None = None, since: str = "") -> Kiosks:
    """Every file's totals by kiosk; raises store.NotARecord naming a file that is not one.
    Two files with the same kiosk name are told apart by their file names."""
    kiosks: Kiosks = {}
    for path in paths:
        db = store.open_for_reading(path)
        try:
            name = store.kiosk_name(db)
            if name in kiosks:
                name = f"{name} ({path.name})"
            since_ms = 0
            if since:  # visits of a day begin after its midnight; the hours before are slack
                since_ms = round(datetime.fromisoformat(since).timestamp() * 1000) - 86_400_000
            days = by_day(visits(store.events(db, since_ms)), tz)
            for day, text in store.daily_rows(db):
                days.setdefault(day, DayTotals()).merge(from_json(text))
        finally:
            db.close()
        kiosks[name] = days
    return kiosks
