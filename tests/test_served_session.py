"""A browser session's kiosk (`kiosk serve`, exhibit/web): a reader at home keeps their own
hours, so the session never rests at night (no black rest screen, no screen-off command), and
has no attract loop to move or dim; it builds ahead only the pages next to the one shown, so
that a server holding many sessions does not hold every page of each; and it has no staff
status screen, which would show the server's log and files to whoever types the keys.

The kiosk is built here with the options `kiosk serve` gives each session (web/command.py's
kiosk_argv, read by the kiosk's own parser), wired as exhibit/cli.py wires them, on a
ManualClock and a wall clock set at night. The browser itself: tests/test_serve.py."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from kiosk_pilot import ManualClock, heading
from test_hours_on_screen import HOURS_EXHIBIT, Wall
from test_prebuild import a_moment, kept
from test_status_screen import STAFF_EXHIBIT

from exhibit.arguments import BUILD_AHEAD, build_parser
from exhibit.loader import load_exhibit
from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.rest import RestScreen
from exhibit.ui.screens.status import StatusScreen
from exhibit.ui.screens.title import TitleScreen
from exhibit.ui.unattended import Machine
from exhibit.web.command import kiosk_argv

NIGHT = datetime(2026, 12, 1, 23, 0, tzinfo=UTC)
"""Outside HOURS_EXHIBIT's hours (09:00-17:00 every day)."""


def served_options(exhibit: Path) -> argparse.Namespace:
    """What a session's kiosk is told: kiosk_argv is [python, -c, program, exhibit, options]."""
    return build_parser().parse_args(kiosk_argv(exhibit)[3:])


def hall_options(exhibit: Path) -> argparse.Namespace:
    """The kiosk in the hall, for comparison: as deploy/museum-kiosk.service starts it."""
    return build_parser().parse_args([str(exhibit), "--demo"])


def kiosk(exhibit: Exhibit, args: argparse.Namespace, clock: ManualClock) -> KioskApp:
    """The app as exhibit/cli.py builds it from `args`."""
    return KioskApp(
        exhibit,
        clock=clock,
        demo=args.demo,
        idle_timeout=args.idle,
        allow_quit=args.allow_quit,
        build_ahead=BUILD_AHEAD[args.build_ahead],
        machine=Machine(
            wall_clock=Wall(clock, NIGHT),
            opening_hours=not args.always_open,
            staff_status=not args.no_staff_status,
        ),
        console=False,
    )


async def test_a_served_session_at_night_shows_the_exhibit_not_the_rest_screen(
    write_yaml: Callable[[str], Path],
) -> None:
    source = write_yaml(HOURS_EXHIBIT)
    result = load_exhibit(source)
    assert result.exhibit is not None
    args = served_options(source)
    assert args.always_open and not args.demo

    hall_clock = ManualClock()
    hall = kiosk(result.exhibit, hall_options(source), hall_clock)
    async with hall.run_test(size=(80, 24)):
        assert isinstance(hall.screen, RestScreen), "the night is not night for the hall kiosk"

    clock = ManualClock()
    app = kiosk(result.exhibit, args, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, TitleScreen) and heading(app) == "Tide Mills"
        await pilot.press("right")
        assert app.position == 1  # the key turned the page: it did not merely wake a screen
        await pilot.press("home")
        await clock.advance(pilot, 3 * 3600)  # hours of reading at one's own pace
        assert not app.unattended.resting and isinstance(app.screen, TitleScreen)
        assert not app.attract  # no attract loop takes over a reader's tab
        classes = app.classes
        assert "-dimmed" not in classes and not any(c.startswith("-care-") for c in classes)


async def test_a_served_session_builds_only_the_pages_next_to_the_one_shown(
    clocks: Exhibit, tmp_path: Path
) -> None:
    args = served_options(tmp_path / "exhibit.yaml")
    assert args.build_ahead == "neighbours"
    clock = ManualClock()
    app = kiosk(clocks, args, clock)  # five panels; the fourth has an advisory
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(30):  # long enough for a hall kiosk to build all seven pages
            await a_moment(app, clock, pilot)
        assert set(kept(app)) == {0, 1}  # the title, and the first panel next to it
        await pilot.press("3")
        for _ in range(30):
            await a_moment(app, clock, pilot)
        # Kept: the pages shown, and those next to panel 3 (panel 4 with its advisory).
        assert set(kept(app)) == {0, 1, 2, 3, 4, -4}
        assert app.position == 3


async def test_told_to_build_nothing_ahead_a_kiosk_builds_only_what_it_shows(
    clocks: Exhibit, tmp_path: Path
) -> None:
    args = build_parser().parse_args([str(tmp_path / "exhibit.yaml"), "--build-ahead", "none"])
    clock = ManualClock()
    app = kiosk(clocks, args, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(30):
            await a_moment(app, clock, pilot)
        assert set(kept(app)) == {0}


async def test_a_served_session_opens_no_staff_status_screen(
    write_yaml: Callable[[str], Path],
) -> None:
    source = write_yaml(STAFF_EXHIBIT)  # kiosk.staff_status: [f12, s, f12]
    result = load_exhibit(source)
    assert result.exhibit is not None
    for args, opens in ((hall_options(source), True), (served_options(source), False)):
        app = kiosk(result.exhibit, args, ManualClock())
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("f12", "s", "f12")
            assert isinstance(app.screen, StatusScreen) is opens
