"""Wide terminals (layout.WIDE): the page uses the width, the text keeps a readable line length
and the images beside it take the rest; narrower screens keep their layout."""

from __future__ import annotations

from exhibit.layout import PAGE_MAX_WIDTH, TEXT_MAX_WIDTH
from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp


async def columns(
    exhibit: Exhibit, size: tuple[int, int], keys: tuple[str, ...] = ("2",)
) -> dict[str, tuple[int, int]]:
    """Where the page, the text and the aside lie, (first column, width), on the page the keys
    lead to (the second panel: images and facts beside the text)."""
    app = KioskApp(exhibit, prebuild=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        return {
            name: (region.x, region.width)
            for name in ("#page", "#text", "#aside")
            for region in [widget.region for widget in app.screen.query(name)]
        }


async def test_a_wide_screen_is_used_across_its_width(clocks: Exhibit) -> None:
    wide = await columns(clocks, (160, 50))
    page_x, page_width = wide["#page"]
    assert page_x <= 2 and page_width >= 156, "no wide blank margins"
    assert wide["#text"][1] <= TEXT_MAX_WIDTH <= 76, "lines stay readable"
    aside_x, aside_width = wide["#aside"]
    assert aside_x + aside_width >= 160 - 4, "the images and facts reach the right edge"
    standard = await columns(clocks, (120, 40))
    assert aside_width >= standard["#aside"][1] + 30, "pictures have far more room"


async def test_screens_below_wide_keep_their_centred_page(clocks: Exhibit) -> None:
    for size in ((120, 40), (140, 40)):
        layout = await columns(clocks, size)
        page_x, page_width = layout["#page"]
        assert page_width == min(size[0], PAGE_MAX_WIDTH)
        assert page_x == (size[0] - page_width) // 2


async def test_a_text_alone_stays_centred_on_a_wide_screen(clocks: Exhibit) -> None:
    closing = await columns(clocks, (160, 50), ("end", "right"))  # sources: text only
    assert "#aside" not in closing
    assert closing["#page"] == ((160 - PAGE_MAX_WIDTH) // 2, PAGE_MAX_WIDTH)
