"""No page a visitor waits for (exhibit/ui/prebuild.py): while nobody touches the kiosk, the
pages not visited yet are built off-stage, one at a time, and kept; a visitor's key comes first."""

from __future__ import annotations

import gc
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from kiosk_pilot import ManualClock, heading, until
from textual.app import ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen

from exhibit.loader import load_exhibit
from exhibit.model import Exhibit
from exhibit.tour import Stop
from exhibit.ui.app import KioskApp
from exhibit.ui.prebuild import BETWEEN, QUIET
from exhibit.ui.screens.advisory import AdvisoryScreen
from exhibit.ui.screens.closing import ClosingScreen
from exhibit.ui.screens.panel import PanelScreen
from exhibit.ui.screens.title import TitleScreen

BILINGUAL = """\
exhibit:
  title: {en: Lighthouses, fr: Phares}
  languages: [en, fr]
panels:
  - id: towers
    title: {en: Building on the rocks, fr: Bâtir sur les rochers}
    body: {en: Granite blocks were set at low tide., fr: Les blocs étaient posés à marée basse.}
  - id: keepers
    title: {en: The keepers' watch, fr: La veille des gardiens}
    body: {en: Keepers lived in shifts of three., fr: Les gardiens vivaient par trois.}
"""


class HeldClock:
    """The kiosk's clock (attendance.Clock) for a test that fires the timers due all in one
    go, without the event loop's turn between them that ManualClock.advance gives."""

    def __init__(self) -> None:
        self.time = 1000.0
        self._timers: list[list[Any]] = []

    def now(self) -> float:
        return self.time

    def later(self, delay: float, callback: Callable[[], None]) -> Callable[[], None]:
        timer: list[Any] = [self.time + delay, callback, True]
        self._timers.append(timer)
        return lambda: timer.__setitem__(2, False)

    def fire_due(self, seconds: float) -> None:
        self.time += seconds
        due = [timer for timer in self._timers if timer[0] <= self.time]
        for timer in due:
            self._timers.remove(timer)
            if timer[2]:
                timer[1]()


def kiosk(exhibit: Exhibit, clock: ManualClock, **options: object) -> KioskApp:
    return KioskApp(exhibit, clock=clock, **options)  # type: ignore[arg-type]


def kept(app: KioskApp) -> dict[int, Screen[None]]:
    """The kept pages of the current edition, by stop number (advisories as -number)."""
    stage, pages = app.stage, dict[int, Screen[None]]()
    count = app.state.stop.count
    for number in range(count + 2):
        if stage.pages.holds(stage.edition, number):
            pages[number] = stage.page_for(Stop(number, count))
        if stage.advisories.holds(stage.edition, number):
            pages[-number] = stage.advisory_for(number)
    return pages


async def a_moment(app: KioskApp, clock: ManualClock, pilot: Pilot[int]) -> None:
    """Let the kiosk's clock move on by the least time between two pages built, and wait for
    what was started meanwhile."""
    await clock.advance(pilot, BETWEEN)
    await until(pilot, lambda: not app.prebuild.busy, note="(building a page)")


async def idle_until(
    app: KioskApp, clock: ManualClock, pilot: Pilot[int], done: Callable[[], bool]
) -> None:
    for _ in range(60):
        if done():
            return
        await a_moment(app, clock, pilot)
    raise AssertionError("the idle kiosk did not build every page")


async def test_an_idle_kiosk_builds_every_page_without_showing_one(clocks: Exhibit) -> None:
    clock = ManualClock()
    app = kiosk(clocks, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        every = {*range(0, 7), -4}  # title, five panels, closing; the fourth's advisory
        await idle_until(app, clock, pilot, lambda: set(kept(app)) == every)
        pages = kept(app)
        assert isinstance(app.screen, TitleScreen), "nothing was shown"
        assert isinstance(pages[6], ClosingScreen) and isinstance(pages[-4], AdvisoryScreen)
        for number in range(1, 6):  # composed and laid out, with the panel's words
            page = pages[number]
            assert isinstance(page, PanelScreen) and page.is_running
            assert page.query_one(".panel-title").region.width > 0
        await pilot.press("2")  # the page shown is the one built while idle
        assert app.screen is pages[2]
        assert heading(app) == clocks.panels[1].title
        await pilot.press("4")
        assert app.screen is pages[-4], "the kept advisory"  # type: ignore[comparison-overlap]
        await pilot.press("enter")
        assert app.screen is pages[4]


async def each_page_as_shown(app: KioskApp, pilot: Pilot[int]) -> list[str]:
    """Every page a visitor meets going right from the title to the closing page (the
    advisory in front of the fourth panel too), as the screen shows it."""
    shown = []
    for _ in range(len(app.exhibit.panels) + 3):
        await pilot.pause()
        shown.append(app.export_screenshot())
        await pilot.press("right" if not isinstance(app.screen, AdvisoryScreen) else "enter")
    return shown


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
async def test_a_page_built_ahead_shows_what_a_page_built_on_the_spot_shows(
    clocks: Exhibit, size: tuple[int, int]
) -> None:
    """Cell for cell: snapshots and most tests see pages built on the spot (prebuild=False),
    and a visitor mostly the ones built while the kiosk was idle."""
    clock = ManualClock()
    app = kiosk(clocks, clock)
    async with app.run_test(size=size) as pilot:
        every = {*range(0, 7), -4}
        await idle_until(app, clock, pilot, lambda: set(kept(app)) == every)
        ahead = await each_page_as_shown(app, pilot)
    app = kiosk(clocks, ManualClock(), prebuild=False)
    async with app.run_test(size=size) as pilot:
        on_the_spot = await each_page_as_shown(app, pilot)
    assert len(ahead) == 8 and len(set(ahead)) == 8
    for number, (built_ahead, built_now) in enumerate(zip(ahead, on_the_spot, strict=True)):
        assert built_ahead == built_now, f"page {number} of the walk differs"


async def test_a_key_comes_before_the_next_page_is_built(clocks: Exhibit) -> None:
    clock = ManualClock()
    app = kiosk(clocks, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await idle_until(app, clock, pilot, lambda: len(kept(app)) == 3)
        await a_moment(app, clock, pilot)
        assert len(kept(app)) == 4, "one page at a time"
        built = {*kept(app), 5, 6}
        assert len(built) == 6, "the visitor's pages were not built yet"
        await pilot.press("5")  # a visitor: the page is shown at once
        assert heading(app) == clocks.panels[4].title
        await a_moment(app, clock, pilot)  # pressing keys: nothing else is built
        await pilot.press("right")
        for _ in range(int(QUIET / BETWEEN) - 1):
            await a_moment(app, clock, pilot)
            assert set(kept(app)) == built
        assert isinstance(app.screen, ClosingScreen)
        await idle_until(app, clock, pilot, lambda: len(kept(app)) > len(built))
        assert len(kept(app)) == len(built) + 1, "quiet again: building goes on"
        assert isinstance(app.screen, ClosingScreen), "still the visitor's page"


async def test_a_language_change_starts_a_new_round(
    write_yaml: Callable[[str], Path],
) -> None:
    result = load_exhibit(write_yaml(BILINGUAL))
    assert result.exhibit is not None
    clock = ManualClock()
    app = kiosk(result.exhibit, clock, editions=result.editions)
    async with app.run_test(size=(120, 40)) as pilot:
        await idle_until(app, clock, pilot, lambda: len(kept(app)) == 4)
        english = kept(app)
        await pilot.press("1", "l")
        assert heading(app) == "Bâtir sur les rochers"
        await idle_until(app, clock, pilot, lambda: len(kept(app)) == 4)
        french = kept(app)
        assert not set(french.values()) & set(english.values()), "all built anew"
        await pilot.press("2")
        assert app.screen is french[2]
        assert heading(app) == "La veille des gardiens"


async def test_nothing_is_built_while_keys_keep_coming(clocks: Exhibit) -> None:
    clock = ManualClock()
    app = kiosk(clocks, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("right", "left") * 5:
            await a_moment(app, clock, pilot)
            await pilot.press(key)
        assert set(kept(app)) == {0, 1}, "only the pages the visitor saw"


async def test_building_waits_for_the_title_on_screen_however_long_the_start(
    clocks: Exhibit,
) -> None:
    """A slow start (a Raspberry Pi) uses up the idle time counted from the app's creation:
    the first page must still wait until the title has been on screen for QUIET seconds."""
    clock = ManualClock()
    app = kiosk(clocks, clock)
    clock.time += 3 * QUIET  # the seconds the start took before the app mounted
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await clock.advance(pilot, QUIET * 0.8)
        await until(pilot, lambda: not app.prebuild.busy, note="(building a page)")
        assert set(kept(app)) == {0}, "nothing built so soon after the title"
        await idle_until(app, clock, pilot, lambda: 1 in kept(app))
        assert isinstance(app.screen, TitleScreen)


async def test_building_can_be_turned_off(clocks: Exhibit) -> None:
    clock = ManualClock()
    app = kiosk(clocks, clock, prebuild=False)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(20):
            await a_moment(app, clock, pilot)
        assert set(kept(app)) == {0}


async def test_a_page_that_fails_to_build_is_left_to_visitors(
    clocks: Exhibit, monkeypatch: pytest.MonkeyPatch
) -> None:
    compose = PanelScreen.compose

    def broken_third(self: PanelScreen) -> ComposeResult:
        if self.number == 3:
            raise RuntimeError("a page that cannot be built")
        return compose(self)

    monkeypatch.setattr(PanelScreen, "compose", broken_third)
    clock = ManualClock()
    app = kiosk(clocks, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        others = {0, 1, 2, 4, 5, 6, -4}
        await idle_until(app, clock, pilot, lambda: set(kept(app)) == others)
        for _ in range(10):  # and it is not tried again while idle
            await a_moment(app, clock, pilot)
        assert set(kept(app)) == others
        assert app.is_running and isinstance(app.screen, TitleScreen)
        await pilot.press("2")
        assert heading(app) == clocks.panels[1].title


async def test_a_reload_starts_a_new_round(
    clocks: Exhibit, lighthouses: Exhibit, tmp_path: Path
) -> None:
    clock = ManualClock()
    app = kiosk(clocks, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await idle_until(app, clock, pilot, lambda: len(kept(app)) == 8)
        app.replace_exhibit(lighthouses, tmp_path)
        await pilot.pause()
        await idle_until(app, clock, pilot, lambda: set(kept(app)) == {0, 1, 2, 3, 4})
        await pilot.press("3")
        assert app.screen is kept(app)[3]
        assert heading(app) == lighthouses.panels[2].title


@pytest.mark.parametrize(
    "interruption",
    [
        pytest.param(lambda app: app.workers.cancel_all(), id="the app closing"),
        pytest.param(lambda app: app.prebuild.failed(), id="the healer at work"),
    ],
)
async def test_a_page_queued_for_building_and_given_up_leaves_nothing_behind(
    clocks: Exhibit, interruption: Callable[[KioskApp], object]
) -> None:
    """The kiosk closing (or healing an error) just as a page was queued to be built, before
    its worker ever ran: Python warned "coroutine 'Prebuilder._compose' was never awaited"
    into the log."""
    clock = HeldClock()
    app = KioskApp(clocks, clock=clock)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            clock.fire_due(QUIET)  # the first page is queued, its worker not run yet
            assert app.prebuild.busy
            interruption(app)
            await pilot.pause()
        gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)] == []
