"""Opening hours: when the kiosk shows the exhibit and when its screen rests.

`kiosk.hours` in exhibit.yaml gives a weekly schedule, closed dates and the museum's time zone:

    kiosk:
      hours:
        timezone: Europe/Berlin
        mon: closed
        tue: 09:00-17:00
        sat: 10:00-13:00, 14:00-18:00
        closed: [2026-12-24, 2026-12-25]

A day not listed is closed; without `hours` the kiosk is always open. Everything here works on
aware datetimes handed in by the caller (the wall clock, injected), never on a timer of its own:
opening hours belong to the wall clock, and tests can run a week in a loop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Annotated

import msgspec

if TYPE_CHECKING:
    import zoneinfo

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CLOSED = "closed"
_TIME = r"([01]\d|2[0-3]):[0-5]\d"
_RANGE = rf"{_TIME}-({_TIME}|24:00)"
_RANGE_RE = re.compile(rf"^\s*(?P<start>{_TIME})-(?P<end>{_TIME}|24:00)\s*$")

Times = Annotated[
    str,
    msgspec.Meta(
        pattern=rf"^\s*(closed|{_RANGE}(\s*,\s*{_RANGE})*)\s*$",
        description="opening times such as 09:00-17:00 or 10:00-13:00, 14:00-18:00, or closed",
    ),
]
DateText = Annotated[
    str,
    msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$", description="a date written as 2026-12-24"),
]
TimeZoneName = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*$",
        max_length=60,
        description="a time zone name such as Europe/Berlin or Asia/Tokyo",
    ),
]
WakeSeconds = Annotated[
    float, msgspec.Meta(ge=10, le=3600, description="seconds a touch keeps a closed kiosk awake")
]


class OpeningHours(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """When the kiosk shows the exhibit; outside these hours its screen rests."""

    timezone: TimeZoneName | None = None
    """The museum's time zone (default: the machine's)."""
    mon: Times = CLOSED
    tue: Times = CLOSED
    wed: Times = CLOSED
    thu: Times = CLOSED
    fri: Times = CLOSED
    sat: Times = CLOSED
    sun: Times = CLOSED
    closed: tuple[DateText, ...] = ()
    """Whole days the museum is closed (holidays), whatever the weekday says."""
    wake_seconds: WakeSeconds = 180.0
    """How long a touch outside opening hours brings the exhibit back."""


Minutes = tuple[int, int]  # [start, end) in minutes after midnight


def parse_times(text: str) -> tuple[Minutes, ...]:
    """'10:00-13:00, 14:00-18:00' -> ((600, 780), (840, 1080)); 'closed' -> ()."""
    if text.strip() == CLOSED:
        return ()
    ranges = []
    for part in text.split(","):
        match = _RANGE_RE.match(part)
        if match is None:
            raise ValueError(f"not a time range: {part.strip()!r}")
        ranges.append((_minutes(match["start"]), _minutes(match["end"])))
    return tuple(ranges)


def _minutes(hh_mm: str) -> int:
    hours, minutes = hh_mm.split(":")
    return int(hours) * 60 + int(minutes)


def problems_in(hours: OpeningHours) -> list[tuple[str, str]]:
    """(field, what to write) for every mistake the schema cannot see."""
    found: list[tuple[str, str]] = []
    if hours.timezone is not None:
        import zoneinfo  # only for a time zone written (with sysconfig: ~6 ms of every start)

        try:
            zoneinfo.ZoneInfo(hours.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            found.append(
                (
                    "timezone",
                    f"unknown time zone {hours.timezone!r}; write a name "
                    "such as Europe/Berlin or Asia/Tokyo",
                )
            )
    for day in DAYS:
        try:
            ranges = parse_times(getattr(hours, day))
        except ValueError:  # not times at all: the validator has said so already
            continue
        for start, end in ranges:
            if end <= start:
                found.append((day, "each range must end after it starts, e.g. 09:00-17:00"))
    for index, text in enumerate(hours.closed):
        try:
            date.fromisoformat(text)
        except ValueError:
            found.append((f"closed[{index}]", f"{text!r} is not a date; write e.g. 2026-12-24"))
    return found


@dataclass(frozen=True)
class Schedule:
    """OpeningHours made ready to answer questions quickly."""

    zone: zoneinfo.ZoneInfo | None
    week: tuple[tuple[Minutes, ...], ...]  # Monday first
    closed: frozenset[date]
    wake: timedelta

    @classmethod
    def from_hours(cls, hours: OpeningHours) -> Schedule:
        zone = None
        if hours.timezone:
            import zoneinfo  # only for a time zone written, as in problems_in

            zone = zoneinfo.ZoneInfo(hours.timezone)
        week = tuple(parse_times(getattr(hours, day)) for day in DAYS)
        closed = frozenset(date.fromisoformat(text) for text in hours.closed)
        return cls(zone, week, closed, timedelta(seconds=hours.wake_seconds))

    def local(self, moment: datetime) -> datetime:
        """`moment` (aware) in the museum's time zone."""
        return moment.astimezone(self.zone) if self.zone else moment.astimezone()

    def is_open(self, moment: datetime) -> bool:
        here = self.local(moment)
        if here.date() in self.closed:
            return False
        minute = here.hour * 60 + here.minute
        return any(start <= minute < end for start, end in self.week[here.weekday()])

    def next_change(self, moment: datetime) -> datetime | None:
        """The first minute boundary after `moment` at which open/closed flips (None if it
        never does within a year and a week: always open or always closed)."""
        here = self.local(moment).replace(second=0, microsecond=0)
        now_open = self.is_open(here)
        day = here.date()
        for offset in range(373):
            candidate_day = day + timedelta(days=offset)
            for minute in self._edges(candidate_day):
                naive = datetime.combine(candidate_day, datetime.min.time()) + timedelta(
                    minutes=minute
                )
                edge = (
                    naive.replace(tzinfo=here.tzinfo)
                    if self.zone is None
                    else naive.replace(tzinfo=self.zone)
                )
                if edge > here and self.is_open(edge) != now_open:
                    return edge
        return None

    def _edges(self, day: date) -> list[int]:
        """Minutes of `day` at which the schedule may flip (its range ends and midnight)."""
        edges = {0}
        for start, end in self.week[day.weekday()]:
            edges.update((start, end % 1440))
        return sorted(edges)


@dataclass(frozen=True)
class ScreenState:
    """What the screen should do now: show the exhibit, or rest (and until when it is woken)."""

    open: bool
    woken_until: datetime | None = None

    @property
    def showing(self) -> bool:
        return self.open or self.woken_until is not None


def screen_state(
    schedule: Schedule | None, moment: datetime, woken_until: datetime | None
) -> ScreenState:
    """Open hours show the exhibit; outside them the screen rests unless a touch woke it and
    the wake time has not run out."""
    if schedule is None or schedule.is_open(moment):
        return ScreenState(open=True)
    if woken_until is not None and moment < woken_until:
        return ScreenState(open=False, woken_until=woken_until)
    return ScreenState(open=False)


def wake(schedule: Schedule, moment: datetime) -> datetime:
    """A touch outside hours: the exhibit comes back until this moment."""
    return moment + schedule.wake
