"""Unattended: the attract loop, handing control to a visitor, and the idle reset.

The kiosk runs on a ManualClock: minutes of kiosk time pass in one call, nothing sleeps, and no
page turns on its own between two lines of a test. The exhibit is the small one about
lighthouses (three panels; 5 s per demo step, 60 s before the idle countdown)."""

from __future__ import annotations

from kiosk_pilot import ManualClock, click_like_the_terminal, heading, screen_text

from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.countdown import CountdownScreen
from exhibit.ui.screens.title import TitleScreen

STEP = 5.0
IDLE = 60.0


def kiosk(exhibit: Exhibit, clock: ManualClock, **options: bool | float) -> KioskApp:
    return KioskApp(exhibit, clock=clock, countdown=10.0, **options)  # type: ignore[arg-type]


async def test_demo_loops_from_title_through_every_panel_and_back(lighthouses: Exhibit) -> None:
    clock = ManualClock()
    app = kiosk(lighthouses, clock, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = [app.position]
        for _ in range(8):
            await clock.advance(pilot, STEP)
            shown.append(app.position)
            assert heading(app) in (lighthouses.title, *(p.title for p in lighthouses.panels))
        assert shown == [0, 1, 2, 3, 0, 1, 2, 3, 0]


async def test_first_key_only_hands_control_to_the_visitor(lighthouses: Exhibit) -> None:
    clock = ManualClock()
    app = kiosk(lighthouses, clock, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await clock.advance(pilot, STEP)
        assert app.position == 1
        await pilot.press("right")
        assert not app.attract and app.position == 1
        await clock.advance(pilot, 3 * STEP)  # the loop has stopped
        assert app.position == 1
        await pilot.press("right")  # now keys navigate
        assert app.position == 2


async def test_a_click_also_hands_control_over_without_acting(lighthouses: Exhibit) -> None:
    clock = ManualClock()
    app = kiosk(lighthouses, clock, demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await clock.advance(pilot, STEP)
        item = list(app.screen.query(".nav-item"))[2]
        await click_like_the_terminal(pilot, item.region.x + 1, item.region.y)
        assert not app.attract and app.position == 1
        await click_like_the_terminal(pilot, item.region.x + 1, item.region.y)
        assert app.position == 3  # the second click acts
        assert heading(app) == lighthouses.panels[2].title


async def test_idle_visitor_sees_a_countdown_then_the_start(lighthouses: Exhibit) -> None:
    clock = ManualClock()
    app = kiosk(lighthouses, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await clock.advance(pilot, IDLE - 1)
        assert not isinstance(app.screen, CountdownScreen)
        await clock.advance(pilot, 1)
        assert isinstance(app.screen, CountdownScreen)
        text = screen_text(app)
        assert "Still reading?" in text and "Returning to the start in 10 s" in text
        await pilot.press("right")  # "still here": the countdown goes, the page stays
        assert not isinstance(app.screen, CountdownScreen)
        assert heading(app) == lighthouses.panels[2].title
        await clock.advance(pilot, IDLE + 9)
        assert isinstance(app.screen, CountdownScreen)
        await clock.advance(pilot, 1)
        assert isinstance(app.screen, TitleScreen) and app.position == 0


async def test_keys_keep_the_countdown_away(lighthouses: Exhibit) -> None:
    clock = ManualClock()
    app = kiosk(lighthouses, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        for _ in range(8):
            await clock.advance(pilot, IDLE / 2)
            await pilot.press("down")
            assert not isinstance(app.screen, CountdownScreen)
        assert heading(app) == lighthouses.panels[0].title


async def test_idle_in_demo_mode_resumes_the_loop(lighthouses: Exhibit) -> None:
    clock = ManualClock()
    app = kiosk(lighthouses, clock, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await clock.advance(pilot, STEP)
        await pilot.press("space")
        assert not app.attract and app.position == 1
        await clock.advance(pilot, IDLE)
        assert isinstance(app.screen, CountdownScreen)
        await clock.advance(pilot, 10)
        assert app.attract and app.position == 0
        shown = []
        for _ in range(3):
            await clock.advance(pilot, STEP)
            shown.append(app.position)
        assert shown == [1, 2, 3]


async def test_an_idle_title_screen_needs_no_countdown(lighthouses: Exhibit) -> None:
    clock = ManualClock()
    app = kiosk(lighthouses, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark", "escape")
        await clock.advance(pilot, IDLE + 1)  # a countdown would be up now, for 10 s
        assert isinstance(app.screen, TitleScreen) and not app.state.countdown
        await pilot.press("question_mark")
        await clock.advance(pilot, IDLE)  # with a window open the countdown does come
        assert isinstance(app.screen, CountdownScreen)
