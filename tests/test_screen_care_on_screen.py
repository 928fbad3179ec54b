"""Screen care on screen: while the attract loop runs, the page moves by a cell at least every
ten minutes and is dimmed after half an hour; a visitor's key brings it back at once.

24 hours pass on a ManualClock. What is checked is what a passer-by would see: where the
exhibit's title stands and how bright it is drawn."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from kiosk_pilot import ManualClock

from exhibit.loader import load_exhibit
from exhibit.model import Exhibit
from exhibit.screen_care import DIM_AFTER, SHIFT_EVERY
from exhibit.ui.app import KioskApp

QUIET_TITLE = """\
exhibit:
  title: Tide Mills
  intro: How the sea turned millstones.
kiosk:
  demo_interval: {interval}
panels:
  - id: ponds
    title: The mill pond
    body: The rising tide filled the pond through a gate.
"""
DAY = 24 * 3600.0


def exhibit_with(write_yaml: Callable[[str], Path], interval: float) -> Exhibit:
    result = load_exhibit(write_yaml(QUIET_TITLE.format(interval=interval)))
    assert result.exhibit is not None, [str(p) for p in result.problems.items]
    return result.exhibit


@pytest.fixture
def still_title(write_yaml: Callable[[str], Path]) -> Exhibit:
    """An attract loop that stays on the title all day (its only demo step after 24 hours)."""
    return exhibit_with(write_yaml, DAY)


def title_at(app: KioskApp) -> tuple[int, int]:
    """Where the exhibit's title is drawn (column, row)."""
    region = app.screen.query_one("#exhibit-title").region
    return (region.x, region.y)


def brightness(app: KioskApp, word: str) -> int:
    """The red+green+blue of the colour `word` is drawn in, as the terminal receives it."""
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            if word in segment.text and segment.style and segment.style.color:
                red, green, blue = segment.style.color.get_truecolor()
                return red + green + blue
    raise AssertionError(f"{word!r} is not on screen")


async def test_a_day_unattended_moves_the_page_every_ten_minutes_and_dims_it(
    still_title: Exhibit,
) -> None:
    clock = ManualClock()
    app = KioskApp(still_title, clock=clock, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        home, bright = title_at(app), brightness(app, "Tide")
        places = [home]
        dim_at: float | None = None
        for step in range(1, int(DAY // SHIFT_EVERY)):
            await clock.advance(pilot, SHIFT_EVERY)
            x, y = title_at(app)
            assert abs(x - home[0]) <= 1 and abs(y - home[1]) <= 1  # a cell, never a jump
            assert (x, y) != places[-1], f"the page stood still for 10 minutes at step {step}"
            places.append((x, y))
            if dim_at is None and brightness(app, "Tide") < bright * 0.6:
                dim_at = step * SHIFT_EVERY
        assert len(set(places)) == 9  # every place of the small circle, each many times
        assert dim_at == DIM_AFTER
        assert brightness(app, "Tide") < bright * 0.6  # still dim at the end of the day
        await pilot.press("x")  # a visitor
        # Back in place at once (the take-over banner above it has gone, one line up) and bright.
        assert title_at(app) == (home[0], home[1] - 1) and brightness(app, "Tide") == bright
        assert not app.attract


async def test_nothing_moves_or_dims_while_a_visitor_reads(still_title: Exhibit) -> None:
    clock = ManualClock()
    app = KioskApp(still_title, clock=clock, demo=True, idle_timeout=DAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")  # a visitor takes over on the title
        home, bright = title_at(app), brightness(app, "Tide")
        for _ in range(6):
            await clock.advance(pilot, SHIFT_EVERY)
            assert title_at(app) == home and brightness(app, "Tide") == bright


async def test_each_page_of_the_attract_loop_is_moved_and_dimmed_alike(
    write_yaml: Callable[[str], Path],
) -> None:
    clock = ManualClock()
    app = KioskApp(exhibit_with(write_yaml, 420), clock=clock, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await clock.advance(pilot, 420)  # the panel, built while the page was not moved
        assert app.position == 1
        heading = app.screen.query_one(".panel-title").region
        bright = brightness(app, "mill pond")
        await clock.advance(pilot, 2 * 420)  # 21 minutes: moved; back on the panel
        assert app.position == 1
        assert app.screen.query_one(".panel-title").region.offset != heading.offset
        await clock.advance(pilot, 4 * 420)  # 49 minutes: dimmed; on the panel again
        assert app.position == 1 and brightness(app, "mill pond") < bright * 0.6
