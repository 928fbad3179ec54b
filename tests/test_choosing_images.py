"""A visitor with only the keys reaches the pictures: Down past the end of the text chooses an
image (marked, with "Enter  full screen" under it), Enter opens it; with none chosen Enter is
still "next page"."""

from __future__ import annotations

from kiosk_pilot import heading, screen_text
from textual.pilot import Pilot

from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.image_view import ImageViewScreen
from exhibit.ui.screens.panel import PanelScreen

HINT = "Enter  full screen"


async def press_down_until_chosen(pilot: Pilot[int], limit: int = 60) -> int:
    """Down, as a visitor would, until an image is chosen; how many presses it took."""
    screen = pilot.app.screen
    assert isinstance(screen, PanelScreen)
    for presses in range(1, limit + 1):
        await pilot.press("down")
        await pilot.pause()
        if screen.chosen is not None:
            return presses
    raise AssertionError("Down never reached an image")


async def test_down_past_the_text_then_enter_opens_the_image(clocks: Exhibit) -> None:
    panel = clocks.panels[1]  # a long text and two images
    app = KioskApp(clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        assert HINT not in screen_text(app)
        presses = await press_down_until_chosen(pilot)
        assert presses > 1, "at 80x24 Down first scrolls the text"
        assert HINT in screen_text(app)
        await pilot.press("down")  # the next image
        await pilot.press("enter")
        assert isinstance(app.screen, ImageViewScreen)
        text = screen_text(app)
        assert "Image 2 of 2" in text
        assert panel.images[1].caption in text
        await pilot.press("escape")
        assert heading(app) == panel.title, "back on the same panel"
        await pilot.press("z")  # z too opens the chosen image
        assert "Image 2 of 2" in screen_text(app)
        await pilot.press("escape", "up", "up")  # back past the first image to the text
        assert HINT not in screen_text(app)
        await pilot.press("enter")
        assert heading(app) == clocks.panels[2].title, "with nothing chosen Enter turns the page"


async def test_a_short_page_chooses_its_image_at_once(lighthouses: Exhibit) -> None:
    app = KioskApp(lighthouses)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")  # the towers: a few lines and one image
        assert await press_down_until_chosen(pilot) == 1
        await pilot.press("down", "enter")  # the only image stays chosen
        assert "Image 1 of 1" in screen_text(app)
        assert lighthouses.panels[0].images[0].alt in screen_text(app)


async def test_the_choice_is_forgotten_when_the_visitor_leaves_the_panel(
    clocks: Exhibit,
) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await press_down_until_chosen(pilot)
        await pilot.press("1", "2")
        assert heading(app) == clocks.panels[1].title
        assert HINT not in screen_text(app)
        await pilot.press("enter")
        assert heading(app) == clocks.panels[2].title


async def test_a_panel_without_images_only_scrolls(lighthouses: Exhibit) -> None:
    app = KioskApp(lighthouses)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")  # the keepers: no images
        for _ in range(10):
            await pilot.press("down")
        await pilot.press("enter")
        assert heading(app) == lighthouses.panels[2].title
