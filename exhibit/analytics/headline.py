"""The staff's glance: today's and this week's headline figures from the kiosk's own file,
for a staff status screen (the UI shows them; this module only reads)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from . import store
from .figures import median, merged, share
from .totals import DayTotals, from_json


@dataclass(frozen=True)
class Headline:
    """Figures of one stretch of days (visits counted when they end)."""

    visits: int
    median_seconds: float | None
    diligent_percent: float
    bounce_percent: float


@dataclass(frozen=True)
class Glance:
    today: Headline
    week: Headline
    """The last seven days, today included."""


def glance(path: Path, today: date) -> Glance:
    """Today's and this week's figures; raises store.NotARecord if the file is not one."""
    first = (today - timedelta(days=6)).isoformat()
    db = store.open_for_reading(path)
    try:
        days = {
            day: from_json(text)
            for day, text in db.execute(
                "SELECT day, totals FROM daily WHERE day BETWEEN ? AND ?",
                (first, today.isoformat()),
            )
        }
    finally:
        db.close()
    return Glance(
        today=_headline([days[today.isoformat()]] if today.isoformat() in days else []),
        week=_headline(list(days.values())),
    )


def _headline(days: list[DayTotals]) -> Headline:
    total = merged(days)
    return Headline(
        visits=total.visits,
        median_seconds=median(total.holding),
        diligent_percent=share(total.diligent, total.visits),
        bounce_percent=share(total.bounced, total.visits),
    )
