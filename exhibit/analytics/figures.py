"""The report's figures, computed from daily totals (totals.py) of one or more kiosks.

Each table is rows of plain values with a kiosk column first; with several kiosks, each
kiosk's rows come first and "all" rows add them up. The terminal, HTML and CSV outputs only
lay these tables out. Definitions:

* holding time: first key to the end of the visit; median (the middle visit, or the mean of
  the two middle ones) and 90th percentile (nearest rank: 90 % of visits were this short or
  shorter);
* diligent: saw more than half the panels; bounce: fewer than two keys or touches;
* where visits end: the last page of visits that ended at the idle reset;
* reading time: per panel, the median over visits that saw it of the seconds spent on it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .totals import DayTotals

ALL = "all"
"""The kiosk column of rows that add up every kiosk."""
Cell = str | int | float
HOURS = range(24)


@dataclass(frozen=True)
class Table:
    """One table of the report; `name` is also its CSV file's name and its label's key."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Report:
    kiosks: tuple[str, ...]
    first_day: str
    """The first day with visits ("" when there were none)."""
    last_day: str
    tables: tuple[Table, ...]

    def table(self, name: str) -> Table:
        return next(table for table in self.tables if table.name == name)


def median(counts: Mapping[int, int]) -> float | None:
    """The middle value of a multiset given as value -> how many (None if empty)."""
    n = sum(counts.values())
    if n == 0:
        return None
    low, high = _rank(counts, (n + 1) // 2), _rank(counts, n // 2 + 1)
    return (low + high) / 2


def percentile(counts: Mapping[int, int], share: float) -> int | None:
    """The nearest-rank percentile: the smallest value with `share` of all at or below it."""
    n = sum(counts.values())
    return None if n == 0 else _rank(counts, max(1, math.ceil(share * n)))


def _rank(counts: Mapping[int, int], rank: int) -> int:
    """The value at 1-based `rank` in sorted order."""
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen >= rank:
            return value
    raise ValueError(rank)


def share(part: int, whole: int) -> float:
    """A percentage, to one decimal place (0 of nothing is 0)."""
    return round(100 * part / whole, 1) if whole else 0.0


def merged(days: Iterable[DayTotals]) -> DayTotals:
    total = DayTotals()
    for day in days:
        total.merge(day)
    return total


def compute(
    kiosks: Mapping[str, Mapping[str, DayTotals]], since: str = "", until: str = ""
) -> Report:
    """The report over days `since`..`until` (YYYY-MM-DD, both included; empty: open)."""
    chosen = {
        kiosk: {
            d: t for d, t in days.items() if (not since or d >= since) and (not until or d <= until)
        }
        for kiosk, days in kiosks.items()
    }
    names = tuple(sorted(chosen))
    wholes = {kiosk: merged(days.values()) for kiosk, days in chosen.items()}
    if len(names) > 1:
        wholes[ALL] = merged(wholes.values())
        names += (ALL,)
    every_day = sorted({d for days in chosen.values() for d in days})
    tables = (
        _summary(names, wholes),
        _per_day(chosen, every_day),
        Table(
            "hours",
            ("kiosk", "hour", "visits"),
            tuple((k, hour, wholes[k].hours.get(hour, 0)) for k in names for hour in HOURS),
        ),
        _counted(
            "endings",
            "page",
            names,
            wholes,
            lambda t: t.endings,
            of=lambda t: sum(t.endings.values()),
        ),
        _panels(names, wholes),
        _counted(
            "languages", "language", names, wholes, lambda t: t.languages, of=lambda t: t.visits
        ),
        _counted("modes", "mode", names, wholes, lambda t: t.modes, of=lambda t: t.visits),
        Table(
            "pictures",
            ("kiosk", "picture", "opened"),
            tuple((k, picture, n) for k in names for picture, n in _most_first(wholes[k].images)),
        ),
    )
    if not every_day:  # nothing to show: the outputs say so
        return Report(names, "", "", tables)
    return Report(names, every_day[0], every_day[-1], tables)


def _summary(names: tuple[str, ...], wholes: Mapping[str, DayTotals]) -> Table:
    columns = (
        "kiosk",
        "visits",
        "from_attract",
        "median_seconds",
        "p90_seconds",
        "median_pages",
        "diligent",
        "bounce",
        "pictures_opened",
    )
    rows = []
    for k in names:
        t = wholes[k]
        rows.append(
            (
                k,
                t.visits,
                t.from_attract,
                _blank(median(t.holding)),
                _blank(percentile(t.holding, 0.9)),
                _blank(median(t.pages)),
                share(t.diligent, t.visits),
                share(t.bounced, t.visits),
                sum(t.images.values()),
            )
        )
    return Table("summary", columns, tuple(rows))


def _per_day(chosen: Mapping[str, Mapping[str, DayTotals]], every_day: list[str]) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for kiosk in sorted(chosen):
        rows += [
            (kiosk, day, chosen[kiosk][day].visits) for day in every_day if day in chosen[kiosk]
        ]
    if len(chosen) > 1:
        rows += [
            (ALL, day, sum(days[day].visits for days in chosen.values() if day in days))
            for day in every_day
        ]
    return Table("days", ("kiosk", "day", "visits"), tuple(rows))


def _panels(names: tuple[str, ...], wholes: Mapping[str, DayTotals]) -> Table:
    rows = []
    for k in names:
        t = wholes[k]
        for panel in sorted(t.reading.keys() | t.skipped.keys() | t.more.keys()):
            seconds = t.reading.get(panel, {})
            rows.append(
                (
                    k,
                    panel,
                    sum(seconds.values()),
                    _blank(median(seconds)),
                    t.skipped.get(panel, 0),
                    t.more.get(panel, 0),
                )
            )
    columns = (
        "kiosk",
        "panel",
        "visits",
        "median_reading_seconds",
        "advisory_skipped",
        "more_opened",
    )
    return Table("panels", columns, tuple(rows))


def _counted(
    name: str,
    what: str,
    names: tuple[str, ...],
    wholes: Mapping[str, DayTotals],
    counts: Callable[[DayTotals], Mapping[str, int]],
    of: Callable[[DayTotals], int],
) -> Table:
    """A table of how many visits had each thing, and what share of `of` that is."""
    rows: list[tuple[Cell, ...]] = []
    for k in names:
        whole = of(wholes[k])
        rows += [(k, key, n, share(n, whole)) for key, n in _most_first(counts(wholes[k]))]
    return Table(name, ("kiosk", what, "visits", "share"), tuple(rows))


def _most_first(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _blank(value: float | None) -> Cell:
    """A figure with nothing to count shows as empty, not as zero."""
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value
