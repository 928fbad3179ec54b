"""Pages kept once built (exhibit/ui/shelf.py): shown again at once, yet never out of date,
never scrolled where the last visitor left them, and never piling up in memory."""

from __future__ import annotations

import gc
from pathlib import Path

from kiosk_pilot import heading
from small_exhibits import PICTURE_PANEL
from test_pictures_on_screen import settled

from exhibit.loader import LoadResult
from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.images import ImageSettings
from exhibit.ui.screens.advisory import AdvisoryScreen
from exhibit.ui.screens.base import KioskScreen, Page
from exhibit.ui.screens.panel import PanelScreen
from exhibit.ui.widgets.picture import DescribedImage


def live_pages(before: int = 0) -> int:
    """Kiosk pages still in memory (kept, on screen, or leaked), beyond the `before` that
    earlier tests in this process may still hold (a traceback, a finished app not yet freed)."""
    gc.collect()
    return sum(isinstance(thing, KioskScreen) for thing in gc.get_objects()) - before


async def test_a_page_visited_again_is_the_same_page_from_its_top(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        first = app.screen
        page = first.query_one("#page", Page)
        for _ in range(4):
            await pilot.press("down")
        await pilot.pause()
        assert page.scroll_y > 0, "the second panel is longer than 80x24 shows"
        await pilot.press("right", "left")
        await pilot.pause()
        assert app.screen is first
        assert page.scroll_y == 0
        assert heading(app) == clocks.panels[1].title


async def test_a_page_kept_through_a_resize_is_laid_out_for_the_new_size(
    clocks: Exhibit,
) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        text, aside = app.screen.query_one("#text"), app.screen.query_one("#aside")
        assert aside.region.x > text.region.x, "side by side at 120 columns"
        await pilot.press("right")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("left")
        await pilot.pause()
        assert app.screen.query_one("#aside") is aside
        assert aside.region.y > text.region.y, "under the text at 80 columns"
        assert aside.region.x == text.region.x


async def test_a_new_language_builds_new_pages_and_old_ones_are_let_go(
    tokei: LoadResult,
) -> None:
    assert tokei.exhibit is not None
    english, japanese = tokei.editions["en"], tokei.editions["ja"]
    before = live_pages()
    app = KioskApp(tokei.exhibit, editions=tokei.editions)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "4", "2")  # panels without a content advisory
        first = app.screen
        for _ in range(10):
            await pilot.press("l", "4", "2")
        await pilot.pause()
        assert app.language == "en"
        assert app.screen is not first, "built again for each language"
        assert heading(app) == english.panels[1].title
        await pilot.press("l")
        assert heading(app) == japanese.panels[1].title
        await pilot.pause()
        # At most one edition's pages (title, each panel, closing: some perhaps built while
        # idle, prebuild.py), Textual's default screen, and a little slack for the page
        # Textual is still removing; eleven editions' pages were built.
        one_edition = len(english.panels) + 2
        assert live_pages(before) <= one_edition + 1 + 1


async def test_pages_stay_few_however_long_the_visit(clocks: Exhibit) -> None:
    # The shelf's own rule, without the pages built while idle (test_prebuild.py), which on a
    # busy machine may be half-way through the other mode's round when the pages are counted.
    before = live_pages()
    app = KioskApp(clocks, prebuild=False)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            for key in ("1", "2", "3", "enter", "4", "5", "end", "right", "home", "d"):
                await pilot.press(key)
        await pilot.pause()
        # At most one page per position (title, five panels, closing) for the current mode.
        assert live_pages(before) <= 7


async def test_description_mode_rebuilds_the_page_as_words(tokei: LoadResult) -> None:
    assert tokei.exhibit is not None
    app = KioskApp(tokei.exhibit, images=ImageSettings(mode="halfcell", folder=tokei.folder))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(str(PICTURE_PANEL))  # a picture file, no content advisory
        await settled(pilot)
        assert app.screen.query(".pixels")
        await pilot.press("d", "right", "left")
        await settled(pilot)
        assert not app.screen.query(".pixels"), "the kept page with pictures is not shown"
        assert app.screen.query(DescribedImage)
        await pilot.press("d", "right", "left")
        await settled(pilot)
        assert app.screen.query(".pixels")


async def test_a_reload_replaces_every_kept_page(
    clocks: Exhibit, lighthouses: Exhibit, tmp_path: Path
) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "2", "3")
        app.replace_exhibit(lighthouses, tmp_path)
        await pilot.pause()
        for number, panel in enumerate(lighthouses.panels, start=1):
            await pilot.press(str(number))
            assert isinstance(app.screen, PanelScreen)
            assert heading(app) == panel.title
        await pilot.press("home")
        assert heading(app) == lighthouses.exhibit.title


async def test_a_kept_page_takes_the_look_chosen_while_it_was_away(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        first = app.screen
        museum = first.styles.background
        await pilot.press("right", "c", "left")  # high contrast chosen on panel 2
        await pilot.pause()
        assert app.screen is first
        assert first.styles.background != museum, "still in the museum theme"
        await pilot.press("right", "c", "left")  # and undone there
        await pilot.pause()
        assert first.styles.background == museum


async def test_a_kept_advisory_skips_the_way_the_visitor_came_this_time(
    clocks: Exhibit,
) -> None:
    captivity = next(n for n, p in enumerate(clocks.panels, start=1) if p.advisory)
    app = KioskApp(clocks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(str(captivity - 1), "right")
        advisory = app.screen
        assert isinstance(advisory, AdvisoryScreen)
        await pilot.press("escape")  # skip, forwards
        assert heading(app) == clocks.panels[captivity].title
        await pilot.press("left")
        assert app.screen is advisory, "the same advisory, kept"
        await pilot.press("escape")  # skip, backwards this time
        assert heading(app) == clocks.panels[captivity - 2].title
