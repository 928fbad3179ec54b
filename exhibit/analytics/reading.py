"""Reading kiosks' record files for a report: each file's kiosk name and its daily totals."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from . import store
from .totals import DayTotals, from_json

Kiosks = dict[str, dict[str, DayTotals]]
"""Kiosk name -> day (YYYY-MM-DD) -> that day's totals."""


def read_kiosks(paths: Sequence[Path]) -> Kiosks:
    """Every file's totals by kiosk; raises store.NotARecord naming a file that is not one.
    Two files with the same kiosk name are told apart by their file names."""
    kiosks: Kiosks = {}
    for path in paths:
        db = store.open_for_reading(path)
        try:
            name = store.kiosk_name(db)
            days = {day: from_json(text) for day, text in store.daily_rows(db)}
        finally:
            db.close()
        if name in kiosks:
            name = f"{name} ({path.name})"
        kiosks[name] = days
    return kiosks
