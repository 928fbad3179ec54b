"""Alone in a hall for months: key mashing, errors, and the staff exit."""

from __future__ import annotations

import asyncio
import gc
import logging
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import LIGHTHOUSES
from kiosk_pilot import ManualClock, heading, until
from textual import events
from textual.pilot import Pilot

from exhibit import exits
from exhibit.journey import Do
from exhibit.loader import LoadResult, load_exhibit
from exhibit.model import Exhibit
from exhibit.ui import collector
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.image_view import ImageViewScreen
from exhibit.ui.screens.panel import PanelScreen
from exhibit.ui.screens.title import TitleScreen

KEYS = (
    [chr(c) for c in range(ord("a"), ord("z") + 1)]
    + [str(n) for n in range(10)]
    + [f"f{n}" for n in range(1, 13)]
    + ["left", "right", "up", "down", "home", "end", "pageup", "pagedown", "tab", "shift+tab"]
    + ["enter", "escape", "space", "backspace", "delete", "insert", "question_mark"]
    + ["ctrl+c", "ctrl+q", "ctrl+p", "ctrl+z", "ctrl+d", "ctrl+backslash", "ctrl+s", "ctrl+l"]
    + ["alt+f4", "alt+tab", "alt+x", "ctrl+alt+delete", "super+q", "plus", "minus", "full_stop"]
)


MASHED = 1000
"""Inputs in the suite's mash: enough to reach every kind of page and window in both
languages several times (bench/soak.py mashes 100,000 by hand, with the same keys and seed)."""


async def test_a_thousand_random_keys_clicks_and_resizes(tokei: LoadResult) -> None:
    """Keys arrive as a child mashes them: in bursts, faster than the screen can follow; on
    every kind of page, in both languages."""
    assert tokei.exhibit is not None
    rng = random.Random(20261126)
    app = KioskApp(tokei.exhibit, editions=tokei.editions)
    async with app.run_test(size=(100, 30)) as pilot:
        for step in range(MASHED):
            roll = rng.random()
            if roll < 0.03:
                await pilot.resize_terminal(rng.randint(20, 200), rng.randint(8, 60))
            elif roll < 0.08:  # a touch anywhere, as the terminal reports it
                x, y = rng.randrange(app.size.width), rng.randrange(app.size.height)
                for kind in (events.MouseDown, events.MouseUp):
                    app.post_message(
                        kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)
                    )
            else:
                key = rng.choice(KEYS)
                app.post_message(events.Key(key, key if len(key) == 1 else None))
            if step % 20 == 0:
                await pilot.pause()
                assert app.is_running
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, (TitleScreen, PanelScreen)) or app.screen.is_modal
        assert app.healer.failures == [], "an error was raised (and healed) during the mash"


@pytest.fixture
def staffed(write_yaml: Callable[[str], Path]) -> Exhibit:
    text = LIGHTHOUSES.replace(
        "  idle_timeout: 60\n", "  idle_timeout: 60\n  staff_exit: [f12, x, f12, q]\n"
    )
    exhibit = load_exhibit(write_yaml(text)).exhibit
    assert exhibit is not None and exhibit.kiosk.staff_exit == ("f12", "x", "f12", "q")
    return exhibit


async def test_the_staff_sequence_closes_the_kiosk_with_its_own_status(staffed: Exhibit) -> None:
    app = KioskApp(staffed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12", "x", "f12", "x", "q")  # a near miss does nothing
        assert app.is_running
        await pilot.press("f12", "x", "f12", "q")
        await pilot.pause()
    assert app.return_code == exits.STAFF_EXIT


async def test_the_staff_sequence_must_be_typed_quickly(staffed: Exhibit) -> None:
    clock = ManualClock()
    app = KioskApp(staffed, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("f12", "x", "f12", "q"):
            await clock.advance(pilot, 2.0)  # eight seconds in all: too slow for the five allowed
            await pilot.press(key)
        assert app.is_running and app.return_code is None


async def test_an_error_in_a_page_heals_back_to_the_title(
    lighthouses: Exhibit, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    original = PanelScreen.compose

    def broken(self: PanelScreen):  # type: ignore[no-untyped-def]
        if self.number == 2:
            raise RuntimeError("a bug in the panel")
        return original(self)

    monkeypatch.setattr(PanelScreen, "compose", broken)
    app = KioskApp(lighthouses)
    with caplog.at_level(logging.INFO, logger="exhibit.kiosk"):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            await until(pilot, lambda: "recovered" in caplog.text, note="(healing)")
            assert isinstance(app.screen, TitleScreen) and app.is_running
            await pilot.press("3")
            assert heading(app) == "Lamps and lenses"
    assert "a bug in the panel" in caplog.text and "recovered" in caplog.text


async def test_an_error_in_the_app_itself_ends_it_for_a_restart(
    lighthouses: Exhibit, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(self: KioskApp) -> None:
        raise RuntimeError("a bug in the app")

    monkeypatch.setattr(KioskApp, "feed", broken)
    app = KioskApp(lighthouses)
    async with app.run_test(size=(80, 24)):
        # Posted, not pressed: a Pilot waits for the app to answer, and this app has stopped.
        app.post_message(events.Key("question_mark", "?"))
        for _ in range(100):
            if not app.is_running:
                break
            await asyncio.sleep(0.05)
        assert not app.is_running
    assert app.return_code == exits.CRASHED
    assert "Traceback" not in capsys.readouterr().err


async def test_scrolling_an_image_view_not_built_yet(lighthouses: Exhibit) -> None:
    """Up or Down reaching the full-screen view before its words were composed ended the
    kiosk (found by the 100,000-key mash in bench/soak.py): the key is handled at once, the
    view is composed later."""
    app = KioskApp(lighthouses)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        app.ask(Do.IMAGE, 0)  # pushed, not yet composed
        view = app.screen
        assert isinstance(view, ImageViewScreen) and not view.children
        app.post_message(events.Key("down", None))
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.healer.failures == []
        assert isinstance(app.screen, ImageViewScreen)


async def test_an_index_closed_before_it_mounted(lighthouses: Exhibit) -> None:
    """The index window opened and closed by two keys in one burst: its list was gone when
    it came to set it up (found by the 100,000-key mash)."""
    app = KioskApp(lighthouses)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        for key in ("tab", "escape") * 5:
            app.post_message(events.Key(key, None))
        await pilot.pause()
        app.ask(Do.INDEX)
        app.ask(Do.CLOSE)
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.healer.failures == []
        assert heading(app) == lighthouses.panels[1].title


@pytest.fixture
def gc_clock() -> ManualClock:
    """The kiosk's clock in the collector's tests: each full collection is timed on it."""
    return ManualClock()


@pytest.fixture
def full_collections(gc_clock: ManualClock) -> Iterator[list[float]]:
    """The kiosk clock's time of each full garbage collection while the test runs, with the
    collector as the command line leaves it before the app starts (off), and as Python's
    default afterwards."""
    found: list[float] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info["generation"] == 2:
            found.append(gc_clock.now())

    gc.disable()
    gc.callbacks.append(note)
    try:
        yield found
    finally:
        gc.callbacks.remove(note)
        gc.enable()
        gc.unfreeze()
        gc.set_threshold(700, 10, 10)


async def keys_every_second(pilot: Pilot[Any], clock: ManualClock, seconds: float) -> None:
    """A visitor pressing a key every second (never QUIET_FOR seconds without one)."""
    app = pilot.app
    assert isinstance(app, KioskApp)
    for n in range(int(seconds)):
        await pilot.press("right" if n % 2 else "left")
        assert app.attendance.quiet_for() < 0.5, "the key was not noticed as a visitor's"
        await clock.advance(pilot, 1.0)


async def test_no_full_collection_until_the_first_quiet_moment(
    clocks: Exhibit, full_collections: list[float], gc_clock: ManualClock
) -> None:
    """The command line turns the collector off for start-up; it comes back on with a full
    collection at the first quiet moment, not at the title (a collection there delayed the
    title's frame), nor while a visitor is pressing keys; left off, a kiosk running for
    months would never free a reference cycle."""
    clock = gc_clock
    app = KioskApp(clocks, clock=clock, collect_garbage=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        title = clock.now()
        await keys_every_second(pilot, clock, collector.LONGEST_WITHOUT - 5)
        assert full_collections == [] and not gc.isenabled()
        await clock.advance(pilot, 2 * collector.QUIET_FOR)
        assert full_collections, "no full collection in a quiet moment"
        assert full_collections[0] >= title + collector.LONGEST_WITHOUT - 5
        assert gc.isenabled() and gc.get_threshold() == collector.THRESHOLDS


async def test_a_quiet_start_collects_soon_after_the_title(
    clocks: Exhibit, full_collections: list[float], gc_clock: ManualClock
) -> None:
    """Nobody at the kiosk: the collector is back on within a few seconds of the title."""
    clock = gc_clock
    app = KioskApp(clocks, clock=clock, collect_garbage=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        title = clock.now()
        assert full_collections == [] and not gc.isenabled()
        await clock.advance(pilot, 2 * collector.QUIET_FOR)
        assert len(full_collections) == 1
        assert title < full_collections[0] <= title + 2 * collector.QUIET_FOR
        assert gc.isenabled()


async def test_a_kiosk_not_started_by_the_command_line_leaves_the_collector_alone(
    lighthouses: Exhibit,
) -> None:
    """Freezing and tuning the collector is process-wide: only the command line asks for it,
    so that one test's kiosk does not change the collector for the next test."""
    before = (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count())
    app = KioskApp(lighthouses)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await pilot.pause()
    assert (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()) == before


async def test_garbage_is_collected_even_while_keys_keep_coming(
    clocks: Exhibit, full_collections: list[float], gc_clock: ManualClock
) -> None:
    """Full collections wait for a quiet moment, but not forever: a child mashing keys for
    half an hour left 1.8 GB of uncollected pages behind (bench/soak.py mash). The first
    collection too: the collector is off until it runs."""
    clock = gc_clock
    app = KioskApp(clocks, clock=clock, collect_garbage=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        title = clock.now()
        await keys_every_second(pilot, clock, collector.LONGEST_WITHOUT + 2 * collector.QUIET_FOR)
        assert full_collections, "no full collection while the keys kept coming"
        assert full_collections[0] <= title + collector.LONGEST_WITHOUT + collector.QUIET_FOR
        assert gc.isenabled()
