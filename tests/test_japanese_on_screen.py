"""Japanese on the screen: wide characters wrap whole and follow Japanese line-breaking rules
(no line starts with 。、」 and none ends with 「), at the two sizes the kiosk serves."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from rich.cells import cell_len

from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.line_breaking import NO_LINE_END, NO_LINE_START

SIZES = [(80, 24), (120, 40), (160, 50)]


def screen_lines(app: KioskApp) -> list[str]:
    """The characters of every row of the screen as the terminal would show them."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def texts_of(line: str) -> list[str]:
    """The runs of text on a row (columns and frames split a row into several)."""
    for frame in "│║┃╎▏▕╭╮╰╯":
        line = line.replace(frame, "  ")
    return [run.strip() for run in line.split("  ") if run.strip()]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_japanese_pages_follow_line_breaking_rules(
    bundled_editions: Mapping[str, Exhibit], size: tuple[int, int]
) -> None:
    app = KioskApp(bundled_editions["en"], editions=bundled_editions)
    seen = 0
    async with app.run_test(size=size) as pilot:
        await pilot.press("l")
        for position in range(len(app.exhibit.panels) + 2):
            app.go(position)
            if app.screen.is_modal:  # a content advisory: read it, then the panel
                await pilot.pause()
                app.pop_screen()
            await pilot.pause()
            for row in screen_lines(app):
                assert cell_len(row) == size[0], "a wide character was split or misaligned"
                for run in texts_of(row):
                    seen += 1
                    assert run[0] not in NO_LINE_START, f"a line starts with {run[0]!r}: {run}"
                    assert run[-1] not in NO_LINE_END, f"a line ends with {run[-1]!r}: {run}"
    assert seen > 50
