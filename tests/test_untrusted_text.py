"""Curator text is shown literally: no live markup, no links that open, no terminal escapes,
and no terminal size breaks the page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from kiosk_pilot import heading, screen_text
from small_exhibits import PICTURE_PANEL

from exhibit.journey import Window
from exhibit.loader import LoadResult, load_exhibit
from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp

HOSTILE = """\
exhibit:
  title: "[@click=app.quit]Quit[/] [/italic]"
  intro: "See [the site](https://example.org) and [b]bold[/b]"
panels:
  - id: one
    title: "[red]Red?[/red] [@click=app.quit]x[/]"
    body: "Follow [this link](https://example.org). Ring\\a the \\e[2Jbell\\x9b."
    facts:
      - label: "[bold]1945[/]"
        text: "[@click=app.exit]Leave[/]"
    images:
      - alt: "[link=https://example.org]alt[/link]"
        caption: "\\u202egnitset"
"""


@pytest.fixture
def hostile(write_yaml: Callable[[str], Path]) -> Exhibit:
    result = load_exhibit(write_yaml(HOSTILE))
    assert result.exhibit is not None, [str(p) for p in result.problems.items]
    return result.exhibit


async def test_markup_in_curator_text_is_shown_not_run(hostile: Exhibit) -> None:
    app = KioskApp(hostile)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "[@click=app.quit]Quit[/] [/italic]" in screen_text(app)
        await pilot.press("1")
        assert heading(app) == "[red]Red?[/red] [@click=app.quit]x[/]"
        text = screen_text(app)
        assert "[bold]1945[/]" in text and "[@click=app.exit]Leave[/]" in text
        assert "[link=https://example.org]alt[/link]" in text
        for widget in app.screen.query("*"):  # click everything: nothing may quit
            if widget.region.area:
                await pilot.click(widget)
        assert app.is_running and app.return_code is None


def test_escapes_and_bidi_controls_never_reach_the_model(hostile: Exhibit) -> None:
    panel = hostile.panels[0]
    assert panel.body == "Follow [this link](https://example.org). Ring the [2Jbell."
    assert panel.images[0].caption == "gnitset"


async def test_links_in_markdown_open_nothing(hostile: Exhibit) -> None:
    opened: list[str] = []
    app = KioskApp(hostile)
    app.open_url = lambda url, **_: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        body = app.screen.query_one(".body")
        await pilot.click(body, offset=(9, 0))  # on "this link"
        await pilot.pause()
        assert opened == []


@pytest.mark.parametrize("size", [(1, 1), (20, 6), (40, 12), (60, 20), (200, 60), (400, 150)])
async def test_every_page_renders_at_any_size(tokei: LoadResult, size: tuple[int, int]) -> None:
    """Every page and window is built and shown without an error, which the healer would
    otherwise hide by going back to the title: each key must land where the journey says."""
    exhibit = tokei.exhibit
    assert exhibit is not None
    app = KioskApp(exhibit)
    count = len(exhibit.panels)
    async with app.run_test(size=size) as pilot:
        advisories = sum(1 for panel in exhibit.panels if panel.advisory)
        for key in ["right"] * (count + 2 + advisories) + ["i", "escape", "question_mark"]:
            before, past_advisory = app.position, app.state.window is Window.ADVISORY
            await pilot.press(key)
            await pilot.pause()
            if key == "right" and not past_advisory:
                assert app.position == (before + 1) % (count + 2)
            assert app.healer.failures == [], f"a page failed at {size} after {key!r}"
        assert app.is_running and app.return_code is None


SWEPT_PAGES = {
    "title": ["home"],
    "lead": ["1"],  # a lead and more to read
    "facts-and-chart": ["2"],
    "advisory": ["advisory"],  # the first panel with a content advisory
    "closing": ["end", "right"],
    "picture-in-japanese": ["l", str(PICTURE_PANEL)],
}
"""Every kind of page, each swept by its own test so that parallel workers share them."""


@pytest.mark.parametrize("page", SWEPT_PAGES)
async def test_a_sweep_of_sizes_from_1x1_to_400x150(tokei: LoadResult, page: str) -> None:
    """Every page type in both languages, resized through widths and heights from a single
    cell to a wall screen: nothing raises (an error would be healed, and counted)."""
    assert tokei.exhibit is not None
    # Each side of every width the layout changes at (TINY, COMPACT, NARROW, WIDE in
    # exhibit/layout.py), every height at a common width; the others at a few, up to a wall.
    widths = [1, 39, 40, 59, 60, 80, 99, 100, 149, 150, 400]
    heights = [1, 2, 5, 8, 11, 12, 19, 20, 24, 29, 30, 40, 60, 100, 150]
    advisory = next(str(n) for n, p in enumerate(tokei.exhibit.panels, start=1) if p.advisory)
    keys = [advisory if key == "advisory" else key for key in SWEPT_PAGES[page]]
    app = KioskApp(tokei.exhibit, editions=tokei.editions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        for width in widths:
            for height in heights if width in (1, 80) else [*heights[::4], 150]:
                await pilot.resize_terminal(width, height)
        await pilot.pause()
        assert app.is_running and app.healer.failures == []


def test_text_is_measured_as_the_screen_draws_it() -> None:
    """Emoji sequences, flags, combining accents, zero-width spaces and Hangul fillers take
    the columns the renderer gives them, or the facts box and frames would be misaligned."""
    from rich.cells import cell_len

    from exhibit.text import cells

    for text in [
        "👨\u200d👩\u200d👧\u200d👦 family",
        "🇯🇵",
        "e\u0301",
        "a\u200bb",
        "\u3164",
        "日本",
    ]:
        assert cells(text) == cell_len(text), text
    assert cells("e\u0301") == 1 and cells("日本") == 4
