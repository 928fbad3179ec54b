"""Opening hours (exhibit/hours.py) and screen care (exhibit/screen_care.py), on an injected wall
clock: a week, holidays, a change of summer time and 24 unattended hours run in a loop."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import msgspec
import pytest

from exhibit import screen_care
from exhibit.hours import (
    OpeningHours,
    Schedule,
    parse_times,
    problems_in,
    screen_state,
    wake,
)
from exhibit.loader import load_exhibit

BERLIN = ZoneInfo("Europe/Berlin")
HOURS = OpeningHours(
    timezone="Europe/Berlin",
    tue="09:00-17:00",
    wed="09:00-17:00",
    sat="10:00-13:00, 14:00-18:00",
    sun="10:00-24:00",
    closed=("2026-12-24",),
)


def at(text: str) -> datetime:
    """A moment given as Berlin wall-clock time, e.g. 'Tue 2026-12-01 08:59'."""
    return datetime.strptime(text[4:], "%Y-%m-%d %H:%M").replace(tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("moment", "open_"),
    [
        ("Mon 2026-11-30 12:00", False),  # a day not listed is closed
        ("Tue 2026-12-01 08:59", False),
        ("Tue 2026-12-01 09:00", True),
        ("Tue 2026-12-01 16:59", True),
        ("Tue 2026-12-01 17:00", False),  # the end minute is closed
        ("Sat 2026-12-05 13:30", False),  # the lunch break
        ("Sat 2026-12-05 14:00", True),
        ("Sun 2026-12-06 23:59", True),  # open until midnight
        ("Thu 2026-12-24 12:00", False),  # Christmas Eve: a closed date (and a Thursday)
        ("Wed 2026-12-23 12:00", True),
    ],
)
def test_open_or_closed_by_the_museums_clock(moment: str, open_: bool) -> None:
    assert Schedule.from_hours(HOURS).is_open(at(moment)) is open_


def test_a_closed_date_closes_an_open_weekday() -> None:
    hours = msgspec.structs.replace(HOURS, closed=("2026-12-01",))
    assert not Schedule.from_hours(hours).is_open(at("Tue 2026-12-01 12:00"))
    assert Schedule.from_hours(hours).is_open(at("Wed 2026-12-02 12:00"))


def test_the_time_zone_is_the_museums_not_the_machines() -> None:
    """09:00 in Berlin is 08:00 UTC in winter: a kiosk whose machine runs on UTC opens then."""
    schedule = Schedule.from_hours(HOURS)
    assert not schedule.is_open(datetime(2026, 12, 1, 7, 59, tzinfo=UTC))
    assert schedule.is_open(datetime(2026, 12, 1, 8, 0, tzinfo=UTC))


def test_next_change_walks_a_week_of_openings_and_closings() -> None:
    schedule = Schedule.from_hours(HOURS)
    moment = at("Mon 2026-11-30 12:00")
    changes = []
    for _ in range(8):
        change = schedule.next_change(moment)
        assert change is not None
        changes.append(change.strftime("%a %H:%M"))
        moment = change
    assert changes == [
        "Tue 09:00",
        "Tue 17:00",
        "Wed 09:00",
        "Wed 17:00",
        "Sat 10:00",
        "Sat 13:00",
        "Sat 14:00",
        "Sat 18:00",
    ]


def test_summer_time_does_not_move_the_opening() -> None:
    """On 28 March 2027 Berlin's clocks go from 02:00 to 03:00; Sunday still opens at 10:00
    local time, which is 08:00 UTC after the change (09:00 UTC the Sunday before)."""
    schedule = Schedule.from_hours(HOURS)
    before = schedule.next_change(at("Sat 2027-03-20 20:00"))
    after = schedule.next_change(at("Sat 2027-03-27 20:00"))
    assert before is not None and after is not None
    assert before.astimezone(UTC).hour == 9
    assert after.astimezone(UTC).hour == 8


def test_always_open_without_hours_and_never_changing() -> None:
    day = "00:00-24:00"
    always = OpeningHours(mon=day, tue=day, wed=day, thu=day, fri=day, sat=day, sun=day)
    schedule = Schedule.from_hours(always)
    assert schedule.next_change(at("Mon 2026-11-30 12:00")) is None
    assert screen_state(None, at("Mon 2026-11-30 03:00"), None).showing


def test_a_touch_outside_hours_wakes_the_exhibit_for_a_while() -> None:
    schedule = Schedule.from_hours(HOURS)
    night = at("Tue 2026-12-01 20:00")
    assert not screen_state(schedule, night, None).showing
    until = wake(schedule, night)
    assert screen_state(schedule, night + timedelta(seconds=179), until).showing
    assert not screen_state(schedule, night + timedelta(seconds=180), until).showing


def test_times_as_a_curator_writes_them() -> None:
    assert parse_times("closed") == ()
    assert parse_times("10:00-13:00, 14:00-18:00") == ((600, 780), (840, 1080))
    assert parse_times("09:30-24:00") == ((570, 1440),)


def test_mistakes_the_schema_cannot_see_are_named() -> None:
    wrong = OpeningHours(timezone="Europe/Atlantis", mon="17:00-09:00", closed=("2026-02-30",))
    found = dict(problems_in(wrong))
    assert "unknown time zone 'Europe/Atlantis'" in found["timezone"]
    assert "end after it starts" in found["mon"]
    assert "2026-02-30" in found["closed[0]"]
    assert problems_in(HOURS) == []


def test_24_unattended_hours_never_leave_the_page_on_the_same_cells_for_long() -> None:
    """Sampled every minute for a day: the page never stays put longer than SHIFT_EVERY, visits
    every offset, moves one cell at a time, and the screen is dimmed after the quiet spell."""
    stay = longest_stay = 0.0
    seen = set()
    last = screen_care.offset(0)
    for minute in range(24 * 60):
        now = minute * 60.0
        here = screen_care.offset(now)
        seen.add(here)
        if here == last:
            stay += 60
        else:
            assert abs(here[0] - last[0]) + abs(here[1] - last[1]) <= 2  # a step, not a jump
            stay = 60
        longest_stay = max(longest_stay, stay)
        last = here
        assert screen_care.dimmed(now) is (now >= screen_care.DIM_AFTER)
    assert longest_stay <= screen_care.SHIFT_EVERY
    assert seen == set(screen_care.SHIFTS)


def test_check_names_the_line_of_each_hours_mistake(tmp_path: Path) -> None:
    exhibit = tmp_path / "exhibit.yaml"
    exhibit.write_text(
        "exhibit:\n  title: Lighthouses\nkiosk:\n  hours:\n"
        "    timezone: Europe/Atlantis\n    mon: 17:00-09:00\n"
        "    closed: [2026-12-24, 2026-02-30]\n"
        "panels:\n  - id: keepers\n    title: The keepers\n",
        encoding="utf-8",
    )
    result = load_exhibit(exhibit)
    assert result.exhibit is None
    lines = {problem.line: problem.message for problem in result.problems.sorted()}
    assert "time zone" in lines[5]
    assert "end after it starts" in lines[6]
    assert "2026-02-30" in lines[7]


def test_times_written_loosely_are_refused_with_what_to_type(tmp_path: Path) -> None:
    exhibit = tmp_path / "exhibit.yaml"
    exhibit.write_text(
        "exhibit:\n  title: Lighthouses\nkiosk:\n  hours:\n    tue: 9-5\n"
        "panels:\n  - id: keepers\n    title: The keepers\n",
        encoding="utf-8",
    )
    (problem,) = load_exhibit(exhibit).problems.sorted()
    assert problem.line == 5
    assert "09:00-17:00" in problem.message and "'9-5'" in problem.message


def test_hours_reach_the_model(tmp_path: Path) -> None:
    exhibit = tmp_path / "exhibit.yaml"
    exhibit.write_text(
        "exhibit:\n  title: Lighthouses\nkiosk:\n  hours:\n    timezone: Asia/Tokyo\n"
        "    sat: 10:00-16:00\npanels:\n  - id: keepers\n    title: The keepers\n",
        encoding="utf-8",
    )
    result = load_exhibit(exhibit)
    assert result.exhibit is not None and result.exhibit.kiosk.hours is not None
    schedule = Schedule.from_hours(result.exhibit.kiosk.hours)
    assert schedule.is_open(datetime(2026, 12, 5, 1, 0, tzinfo=UTC))  # 10:00 in Tokyo
