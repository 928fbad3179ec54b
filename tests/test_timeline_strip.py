"""The timeline strip on screen is the core's layout (drawings/year_scale.py), painted: the same
labels in the same cells, and glyphs the terminal's font has."""

from __future__ import annotations

import pytest
from kiosk_pilot import until

from exhibit.drawings.year_scale import strip
from exhibit.model import Exhibit
from exhibit.ui.app import KioskApp
from exhibit.ui.widgets.timeline import Timeline


@pytest.mark.parametrize(("size", "console"), [((120, 40), False), ((160, 50), True)])
async def test_the_strip_paints_the_core_layout(
    clocks: Exhibit, size: tuple[int, int], console: bool
) -> None:
    app = KioskApp(clocks, console=console)
    async with app.run_test(size=size) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: app.screen.query(Timeline))
        await pilot.pause()
        widget = app.screen.query_one(Timeline)
        bar, labels = str(widget.render()).splitlines()
        panel = clocks.panels[1]
        assert clocks.exhibit.timeline is not None and panel.timeline is not None
        laid = strip(clocks.exhibit.timeline, widget.size.width, panel.timeline, panel.period)
        expected = ""
        for label in laid.labels:
            expected += " " * (label.start - len(expected)) + label.text
        assert labels == expected
        dot, heavy = ("■", "═") if console else ("●", "━")
        assert bar[0] == "├" and bar.count(dot) == 2 and heavy in bar
        assert [bar[x] == dot for x in range(len(bar))] == [k == "dot" for k in laid.cells]
        assert bar.count("┼") == laid.cells.count("tick")
