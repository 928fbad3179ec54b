"""Opening hours on screen: outside kiosk.hours the screen rests (black, a small dim clock) and
the screen-off command runs; a key or touch wakes the exhibit for the wake time; at opening the
kiosk starts afresh at the title, the screen-on command runs and the attract loop begins.

The kiosk runs on a ManualClock and a wall clock that follows it: a night passes in one call."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from kiosk_pilot import ManualClock, click_like_the_terminal, heading, screen_text, until

from exhibit.cli import build_parser
from exhibit.loader import load_exhibit
from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.hours_keeper import ScreenCommands
from exhibit.ui.screens.rest import RestScreen, place
from exhibit.ui.screens.title import TitleScreen
from exhibit.ui.unattended import Machine

HOURS_EXHIBIT = """\
exhibit:
  title: Tide Mills
  intro: How the sea turned millstones.
kiosk:
  demo_interval: 20
  idle_timeout: 600
  hours:
    timezone: UTC
    mon: 09:00-17:00
    tue: 09:00-17:00
    wed: 09:00-17:00
    thu: 09:00-17:00
    fri: 09:00-17:00
    sat: 09:00-17:00
    sun: 09:00-17:00
    wake_seconds: 120
panels:
  - id: ponds
    title: The mill pond
    body: The rising tide filled the pond through a gate.
  - id: wheels
    title: The wheel
    body: At ebb the pond emptied through the wheel.
"""
DAY = datetime(2026, 12, 1, tzinfo=UTC)  # a Tuesday


class Wall:
    """The museum's wall clock, moved by the kiosk's ManualClock (one second each)."""

    def __init__(self, clock: ManualClock, start: datetime) -> None:
        self.clock, self.start, self.origin = clock, start, clock.now()

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=self.clock.now() - self.origin)


@pytest.fixture
def mills(write_yaml: Callable[[str], Path]) -> Exhibit:
    result = load_exhibit(write_yaml(HOURS_EXHIBIT))
    assert result.exhibit is not None, [str(p) for p in result.problems.items]
    return result.exhibit


def marker_command(path: Path, word: str) -> tuple[str, ...]:
    """A screen command that notes `word` in `path` (what a display switch would do)."""
    code = f"open({str(path)!r}, 'a').write({word!r} + '\\n')"
    return (sys.executable, "-c", code)


def noted(path: Path) -> list[str]:
    return path.read_text().split() if path.exists() else []


def kiosk(exhibit: Exhibit, clock: ManualClock, start: datetime, log: Path) -> KioskApp:
    commands = ScreenCommands(off=marker_command(log, "off"), on=marker_command(log, "on"))
    machine = Machine(wall_clock=Wall(clock, start), screen_commands=commands)
    return KioskApp(exhibit, clock=clock, demo=True, machine=machine)


def resting(app: KioskApp) -> bool:
    return isinstance(app.screen, RestScreen)


async def test_closing_time_rests_the_screen_and_the_visitor_loses_nothing_else(
    mills: Exhibit, tmp_path: Path
) -> None:
    clock, log = ManualClock(), tmp_path / "screen.log"
    app = kiosk(mills, clock, DAY.replace(hour=16, minute=58, second=30), log)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "right")  # a visitor takes over and reads a panel
        assert app.position == 1 and not resting(app)
        await clock.advance(pilot, 60)  # 16:59:30: still open
        assert not resting(app)
        await until(pilot, lambda: noted(log) == ["on"])  # at the start, in case it was off
        await clock.advance(pilot, 30)  # 17:00:00 exactly
        assert resting(app)
        assert screen_text(app).strip() == "17:00"
        await until(pilot, lambda: noted(log) == ["on", "off"])
        await clock.advance(pilot, 180)  # the evening: the clock moves with the time
        assert screen_text(app).strip() == "17:03" and resting(app)
        assert app.position == 1 and not app.attract  # no demo steps in the night


async def test_opening_starts_afresh_at_the_title_with_the_attract_loop(
    mills: Exhibit, tmp_path: Path
) -> None:
    clock, log = ManualClock(), tmp_path / "screen.log"
    app = kiosk(mills, clock, DAY.replace(hour=8, minute=55), log)
    async with app.run_test(size=(80, 24)) as pilot:
        assert resting(app)
        await pilot.press("space", "space", "c", "right")  # an early visitor: contrast, panel 1
        assert app.position == 1 and app.state.choices.contrast
        await clock.advance(pilot, 120)  # the wake time runs out: resting again
        assert resting(app)
        await clock.advance(pilot, 180)  # 09:00
        assert not resting(app) and isinstance(app.screen, TitleScreen)
        assert app.position == 0 and app.attract and heading(app) == "Tide Mills"
        assert not app.state.choices.contrast  # every choice of the last visitor undone
        await until(pilot, lambda: noted(log) == ["off", "on", "off", "on"])
        await clock.advance(pilot, 20)
        assert app.position == 1  # the attract loop runs


async def test_a_key_outside_hours_wakes_the_exhibit_for_the_wake_time(
    mills: Exhibit, tmp_path: Path
) -> None:
    clock, log = ManualClock(), tmp_path / "screen.log"
    app = kiosk(mills, clock, DAY.replace(hour=22), log)
    async with app.run_test(size=(80, 24)) as pilot:
        assert resting(app)  # started at night: resting at once
        await until(pilot, lambda: noted(log) == ["off"])
        await pilot.press("right")
        assert not resting(app) and app.position == 0  # the key only woke it
        await pilot.press("right")  # and the next hands the attract loop over
        assert heading(app) == "Tide Mills"
        await until(pilot, lambda: noted(log) == ["off", "on"])
        await pilot.press("right")
        assert app.position == 1  # now keys navigate
        await clock.advance(pilot, 119)
        assert not resting(app)
        await clock.advance(pilot, 1)  # wake_seconds: 120
        assert resting(app)
        await until(pilot, lambda: noted(log) == ["off", "on", "off"])


async def test_a_touch_outside_hours_wakes_it_and_does_nothing_else(
    mills: Exhibit, tmp_path: Path
) -> None:
    clock, log = ManualClock(), tmp_path / "screen.log"
    app = kiosk(mills, clock, DAY.replace(hour=6), log)
    async with app.run_test(size=(80, 24)) as pilot:
        assert resting(app)
        await click_like_the_terminal(pilot, 40, 12)
        assert not resting(app) and app.position == 0


async def test_an_error_healed_at_night_does_not_leave_the_exhibit_lit(
    mills: Exhibit, tmp_path: Path
) -> None:
    clock = ManualClock()
    app = kiosk(mills, clock, DAY.replace(hour=23), tmp_path / "screen.log")
    async with app.run_test(size=(80, 24)) as pilot:
        assert resting(app)
        app.healer.recover()  # what an error does: a fresh title on an emptied screen stack
        await pilot.pause()
        await clock.advance(pilot, 30)
        assert resting(app) and screen_text(app).strip() == "23:00"


async def test_pictures_of_the_pages_show_the_exhibit_at_any_hour(mills: Exhibit) -> None:
    clock = ManualClock()
    machine = Machine(wall_clock=Wall(clock, DAY.replace(hour=23)), opening_hours=False)
    app = KioskApp(mills, clock=clock, machine=machine)
    async with app.run_test(size=(80, 24)) as pilot:
        app.go(1)
        await pilot.pause()
        assert not resting(app) and heading(app) == "The mill pond"


async def test_the_rest_clock_moves_now_and_then_and_stays_on_screen() -> None:
    places = {place(DAY + timedelta(minutes=m), 80, 24) for m in range(0, 24 * 60, 5)}
    assert len(places) > 20
    assert all(0 <= x <= 75 and 0 <= y < 24 for x, y in places)
    assert place(DAY, 80, 24) == place(DAY + timedelta(minutes=4), 80, 24)


async def test_a_failing_screen_command_is_logged_and_the_kiosk_goes_on(
    mills: Exhibit, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clock = ManualClock()
    missing = ScreenCommands(off=(str(tmp_path / "no-such-program"),))
    machine = Machine(wall_clock=Wall(clock, DAY), screen_commands=missing)
    app = KioskApp(mills, clock=clock, machine=machine)
    async with app.run_test(size=(80, 24)) as pilot:
        assert resting(app)
        await until(pilot, lambda: "screen off command failed" in caplog.text)
        await pilot.press("space")
        assert not resting(app)


def test_the_screen_commands_come_from_the_command_line_split_like_a_shell() -> None:
    args = build_parser().parse_args(
        ["--screen-off", "wlr-randr --output 'HDMI-A-1' --off", "--screen-on", "cec-ctl --to 0"]
    )
    assert args.screen_off == ("wlr-randr", "--output", "HDMI-A-1", "--off")
    assert args.screen_on == ("cec-ctl", "--to", "0")


def test_exhibit_yaml_cannot_name_a_screen_command(write_yaml: Callable[[str], Path]) -> None:
    text = HOURS_EXHIBIT.replace("    wake_seconds: 120\n", "    screen_off: rm -rf /\n")
    result = load_exhibit(write_yaml(text))
    assert result.exhibit is None
    assert any("screen_off" in str(problem) for problem in result.problems.items)
