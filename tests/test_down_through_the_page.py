"""↓ through a page, as a visitor holding the key down would: the text scrolls, then each image
in reading order is chosen, and the view only ever moves on (issue 18, point 4)."""

from __future__ import annotations

import pytest
from kiosk_pilot import screen_text, until
from textual.pilot import Pilot

from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.screens.base import Page
from exhibit.ui.screens.image_view import ImageViewScreen
from exhibit.ui.screens.panel import PanelScreen
from exhibit.ui.widgets.image_card import ImageCard

SIZES = [(80, 24), (120, 40)]


def panel_of(app: KioskApp) -> PanelScreen:
    page = app.stage.page
    assert isinstance(page, PanelScreen)
    return page


def card_in_view(app: KioskApp, index: int) -> bool:
    """The chosen image's card lies wholly inside the scrolling page's visible part (or fills
    it, when it is taller than the page)."""
    page = panel_of(app).query_one("#page", Page)
    card = next(c for c in panel_of(app).query(ImageCard) if c.index == index)
    view = page.content_region
    box = card.region
    return box.y >= view.y and (box.bottom <= view.bottom or box.y == view.y)


async def on_pendulum(pilot: Pilot[int]) -> None:
    await pilot.press("2")
    await until(pilot, lambda: panel_of(pilot.app).query(ImageCard))  # type: ignore[arg-type]
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_fifty_downs_in_one_burst_then_enter_opens_an_image(
    clocks: Exhibit, size: tuple[int, int]
) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=size) as pilot:
        await on_pendulum(pilot)
        await pilot.press(*["down"] * 50)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ImageViewScreen))
        assert "Image 2 of 2" in screen_text(app), "the last image, after the whole text"


@pytest.mark.parametrize("size", SIZES)
async def test_down_never_jumps_back_and_chooses_each_image_in_turn(
    clocks: Exhibit, size: tuple[int, int]
) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=size) as pilot:
        await on_pendulum(pilot)
        page = panel_of(app).query_one("#page", Page)
        tops: list[float] = [page.scroll_y]
        chosen: list[int | None] = [None]
        for _ in range(40):
            await pilot.press("down")
            await pilot.pause()
            tops.append(page.scroll_y)
            if app.state.chosen != chosen[-1]:
                chosen.append(app.state.chosen)
                assert card_in_view(app, app.state.chosen or 0), f"image {chosen[-1]} in view"
        assert chosen == [None, 0, 1], "each image once, in reading order"
        assert tops == sorted(tops), f"the view only moves on: {tops}"


@pytest.mark.parametrize("size", SIZES)
async def test_larger_and_smaller_keep_the_chosen_image_in_view(
    clocks: Exhibit, size: tuple[int, int]
) -> None:
    app = KioskApp(clocks)
    async with app.run_test(size=size) as pilot:
        await on_pendulum(pilot)
        while app.state.chosen != 1:
            await pilot.press("down")
        for key in ("plus", "minus", "plus"):
            await pilot.press(key)
            await until(pilot, lambda: card_in_view(app, 1), note=f"after {key}")
        await pilot.press("enter")
        assert "Image 2 of 2" in screen_text(app)


async def test_the_chosen_image_stays_in_view_when_the_page_moves_under_it(
    clocks: Exhibit,
) -> None:
    """The page is laid out anew after the image was chosen (a picture above it made ready
    late, on a slow machine): the chosen image is brought back into view."""
    app = KioskApp(clocks)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_pendulum(pilot)
        while app.state.chosen != 1:
            await pilot.press("down")
        await until(pilot, lambda: card_in_view(app, 1), note="chosen")
        above = next(c for c in panel_of(app).query(ImageCard) if c.index == 0)
        above.styles.height = 60  # pushes the chosen card far down the page
        await until(pilot, lambda: above.region.height == 60, note="laid out anew")
        await until(pilot, lambda: card_in_view(app, 1), note="after the page moved")
