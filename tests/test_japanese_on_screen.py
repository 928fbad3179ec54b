"""Japanese on the screen: wide characters wrap whole and follow Japanese line-breaking rules
(no line starts with 。、」 and none ends with 「), at the sizes the kiosk serves, on a
small exhibit (tests/small_exhibits.py)."""

from __future__ import annotations

from rich.cells import cell_len

from exhibit.loader import LoadResult
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


def check_rows(app: KioskApp, width: int) -> int:
    """Assert the rules on every row of the screen; the number of runs of text seen."""
    seen = 0
    for row in screen_lines(app):
        assert cell_len(row) == width, "a wide character was split or misaligned"
        for run in texts_of(row):
            seen += 1
            assert run[0] not in NO_LINE_START, f"a line starts with {run[0]!r}: {run}"
            assert run[-1] not in NO_LINE_END, f"a line ends with {run[-1]!r}: {run}"
    return seen


async def test_japanese_pages_follow_line_breaking_rules(tokei: LoadResult) -> None:
    """Every page, and the content advisory, at each size: one kiosk, resized between."""
    assert tokei.exhibit is not None
    app = KioskApp(tokei.exhibit, editions=tokei.editions)
    async with app.run_test(size=SIZES[0]) as pilot:
        await pilot.press("l")
        assert app.language == "ja"
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            seen = 0
            for position in range(len(app.exhibit.panels) + 2):
                app.go(position)
                await pilot.pause()
                if app.screen.is_modal:  # a content advisory: read it, then the panel
                    seen += check_rows(app, width)
                    app.pop_screen()
                    await pilot.pause()
                seen += check_rows(app, width)
            assert seen > 50, f"too little text seen at {width}x{height}"
