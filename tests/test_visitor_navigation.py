"""A visitor at the kiosk: walking, jumping, the index and help, clicks on the strip. On small
exhibits written for the tests (conftest.py), so that a curator's edit breaks none of them."""

from __future__ import annotations

from kiosk_pilot import heading, screen_text
from textual.widgets import Static

from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.advisory import AdvisoryScreen
from exhibit.ui.screens.closing import ClosingScreen
from exhibit.ui.screens.help import HelpScreen
from exhibit.ui.screens.index import IndexScreen
from exhibit.ui.screens.title import TitleScreen

ORDER = ["shadows", "pendulum", "springs", "wartime", "atoms"]


async def test_title_screen_invites_the_visitor(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(120, 40)):
        text = screen_text(app)
        assert isinstance(app.screen, TitleScreen)
        assert "Keeping Time" in text
        assert clocks.exhibit.subtitle in text
        assert "Touch or press any key to begin" in text


async def test_walk_all_five_panels_in_order_and_back(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")  # any key begins
        seen = []
        for number in range(1, 6):
            if clocks.panels[number - 1].advisory:  # the wartime panel's content advisory
                assert isinstance(app.screen, AdvisoryScreen)
                await pilot.press("enter")
            seen.append(app.screen.panel.id)  # type: ignore[attr-defined]
            text = screen_text(app)
            assert f"{number} / 5" in text
            assert heading(app) == clocks.panels[number - 1].title
            await pilot.press("right")
        assert seen == ORDER
        assert isinstance(app.screen, ClosingScreen)
        assert "Sources and credits" in screen_text(app)
        await pilot.press("left")
        assert heading(app) == clocks.panels[4].title
        await pilot.press("left", "enter")  # back to wartime: its advisory again, continue
        assert heading(app) == clocks.panels[3].title
        for _ in range(3):
            await pilot.press("left")
        assert heading(app) == clocks.panels[0].title
        await pilot.press("left")
        assert isinstance(app.screen, TitleScreen)


async def test_every_next_and_previous_key(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        assert app.position == 1
        for key in ("right", "space", "pagedown", "enter"):
            await pilot.press("1", key)
            assert app.position == 2, key
        for key in ("left", "pageup", "backspace"):
            await pilot.press("3", key)
            assert app.position == 2, key


async def test_jump_keys(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        assert heading(app) == "Time in the pocket"
        await pilot.press("end")
        assert heading(app) == clocks.panels[-1].title
        await pilot.press("9")  # there is no panel 9: nothing happens
        assert heading(app) == clocks.panels[-1].title
        await pilot.press("home")
        assert isinstance(app.screen, TitleScreen)
        await pilot.press("right", "right", "right", "right")
        assert isinstance(app.screen, AdvisoryScreen)  # before the wartime panel
        await pilot.press("right", "right", "right")
        assert isinstance(app.screen, ClosingScreen)
        await pilot.press("right")  # after the sources, the walk starts again
        assert isinstance(app.screen, TitleScreen)


async def test_panel_shows_theme_period_facts_images_and_sources(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        text = screen_text(app)
        panel = clocks.panels[1]
        assert f"PENDULUM  ·  {panel.period}" in text
        for fact in panel.facts:
            assert fact.label in text and fact.text in text
        for image in panel.images:
            assert image.alt in text and image.caption in text and image.credit in text
        # The sources as one line of ids; their full entries are on the closing page.
        assert f"Sources: {', '.join(panel.sources)}" in text
        assert "2 PENDULUM" in text and "1 Shadows" in text


async def test_index_lists_every_panel_and_goes_where_chosen(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "i")
        assert isinstance(app.screen, IndexScreen)
        await pilot.press("down", "down", "enter")
        assert heading(app) == clocks.panels[2].title
        await pilot.press("tab")
        assert isinstance(app.screen, IndexScreen)
        await pilot.press("escape")
        assert heading(app) == clocks.panels[2].title
        await pilot.press("tab", "5")
        assert heading(app) == clocks.panels[4].title


async def test_help_lists_the_keys_and_any_key_closes_it(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert heading(app) == clocks.panels[1].title
        await pilot.press("question_mark", "right")  # closes help, does not also navigate
        assert heading(app) == clocks.panels[1].title


async def test_up_and_down_scroll_a_long_panel(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        page = app.screen.query_one("#page")
        assert page.scroll_y == 0
        await pilot.press("down", "down")
        assert page.scroll_y > 0
        await pilot.press("up", "up")
        assert page.scroll_y == 0


async def test_clicking_the_strip_goes_to_that_panel(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        items = list(app.screen.query(".nav-item"))
        await pilot.click(items[4])
        assert heading(app) == clocks.panels[4].title
        await pilot.click(".nav-item")
        assert heading(app) == clocks.panels[0].title


async def test_no_key_leaves_the_kiosk(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q", "ctrl+c", "ctrl+p", "escape", "q", "ctrl+z", "f1", "tab")
        await pilot.pause()
        assert app.is_running and app.return_code is None


async def test_a_second_exhibit_on_another_subject(lighthouses: Exhibit) -> None:
    """The kiosk is generic: nothing about any one exhibit lives in the code."""
    app = KioskApp(lighthouses)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Lighthouses of the North Sea" in screen_text(app)
        await pilot.press("space")
        titles: list[str] = []
        for _ in range(3):
            text = screen_text(app)
            assert f"{len(titles) + 1} / 3" in text
            titles.append(heading(app))
            await pilot.press("right")
        assert titles == ["Building on the rocks", "The keepers' watch", "Lamps and lenses"]
        assert "A history of lighthouses." in screen_text(app)
        await pilot.press("4")  # only three panels: nothing happens
        assert isinstance(app.screen, ClosingScreen)


async def test_a_small_screen_names_only_the_current_panel_in_the_strip(clocks: Exhibit) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("2")
        items = [str(item.content) for item in app.screen.query(".nav-item").results(Static)]
        assert items == ["1", "2 PENDULUM", "3", "4", "5"]
        await pilot.resize_terminal(80, 24)  # the strip's targets leave no room for names
        await pilot.pause()
        items = [str(item.content) for item in app.screen.query(".nav-item").results(Static)]
        assert items == ["1", "2 PENDULUM", "3", "4", "5"]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        items = [str(item.content) for item in app.screen.query(".nav-item").results(Static)]
        assert items[0] == "1 Shadows" and items[1] == "2 PENDULUM"
