"""Unattended: the attract loop, handing control to a visitor, and the idle reset.

Intervals are made tiny here so that minutes of kiosk time pass in a fraction of a second."""

from __future__ import annotations

import time

from kiosk_pilot import heading, screen_text
from textual import events
from textual.pilot import Pilot

from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.advisory import AdvisoryScreen
from exhibit.ui.screens.countdown import CountdownScreen
from exhibit.ui.screens.panel import PanelScreen
from exhibit.ui.screens.title import TitleScreen


async def wait_for(
    pilot: Pilot[int], condition: object, seconds: float = 10.0, note: object = None
) -> None:
    """Let the app run until `condition()` holds (fails the test after `seconds`)."""
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"timed out waiting for the kiosk {note or ''}"
        await pilot.pause(0.01)


async def click_like_the_terminal(pilot: Pilot[int], x: int, y: int) -> None:
    """A press and release sent to the app as the terminal driver sends them (Pilot.click
    skips App.on_event, where the kiosk notices visitors)."""
    for kind in (events.MouseDown, events.MouseUp):
        pilot.app.post_message(
            kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)
        )
        await pilot.pause()


class RecordingKiosk(KioskApp):
    """Notes every page it shows, so that a fast loop can be checked step by step."""

    shown: list[int]

    def go(self, position: int) -> None:
        super().go(position)
        self.shown.append(self.position)


async def test_demo_loops_from_title_through_every_panel_and_back(bundled: Exhibit) -> None:
    app = RecordingKiosk(bundled, demo=True, demo_interval=0.05)
    app.shown = [0]
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: len(app.shown) >= 13)
        assert app.shown[:13] == [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 0]
        # The loop may be at the captivity panel's advisory, shown before the panel.
        assert isinstance(app.screen, (TitleScreen, PanelScreen, AdvisoryScreen))


async def test_first_key_only_hands_control_to_the_visitor(bundled: Exhibit) -> None:
    app = KioskApp(bundled, demo=True, demo_interval=1.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.position == 1)
        await pilot.press("right")
        assert not app.attract
        where = app.position
        await pilot.pause(2.5)  # several demo intervals: the loop has stopped
        assert app.position == where
        await pilot.press("right")  # now keys navigate
        assert app.position == where + 1


async def test_a_click_also_hands_control_over_without_acting(bundled: Exhibit) -> None:
    app = KioskApp(bundled, demo=True, demo_interval=0.5)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.screen.query(".nav-item"))
        where = app.position
        item = list(app.screen.query(".nav-item"))[3]
        await click_like_the_terminal(pilot, item.region.x + 1, item.region.y)
        assert not app.attract and app.position == where
        await click_like_the_terminal(pilot, item.region.x + 1, item.region.y)
        assert app.position == 4  # the second click acts


async def test_idle_visitor_sees_a_countdown_then_the_start(bundled: Exhibit) -> None:
    app = KioskApp(bundled, idle_timeout=0.6, countdown=1.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await wait_for(pilot, lambda: isinstance(app.screen, CountdownScreen))
        text = screen_text(app)
        assert "Still reading?" in text and "Returning to the start in" in text
        await pilot.press("right")  # "still here": the countdown goes, the page stays
        assert not isinstance(app.screen, CountdownScreen)
        assert heading(app) == bundled.panels[2].title
        await wait_for(pilot, lambda: isinstance(app.screen, TitleScreen))
        assert app.position == 0


async def test_keys_keep_the_countdown_away(bundled: Exhibit) -> None:
    app = KioskApp(bundled, idle_timeout=1.0, countdown=0.3)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        for _ in range(8):
            await pilot.pause(0.25)
            await pilot.press("down")
            assert not isinstance(app.screen, CountdownScreen)
        assert heading(app) == bundled.panels[0].title


async def test_idle_in_demo_mode_resumes_the_loop(bundled: Exhibit) -> None:
    app = RecordingKiosk(bundled, demo=True, demo_interval=1.0, idle_timeout=0.5, countdown=1.0)
    app.shown = [0]
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.position == 1)
        await pilot.press("space")
        assert not app.attract
        await wait_for(pilot, lambda: isinstance(app.screen, CountdownScreen))
        taken_over_at = len(app.shown)
        await wait_for(pilot, lambda: app.shown[taken_over_at:][:3] == [0, 1, 2], note=app.shown)


async def test_an_idle_title_screen_needs_no_countdown(bundled: Exhibit) -> None:
    app = KioskApp(bundled, idle_timeout=0.1, countdown=0.1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark", "escape")
        await pilot.pause(0.4)
        assert isinstance(app.screen, TitleScreen)
